/* luwte-case-private.h — for the store's own modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-case.h"

G_BEGIN_DECLS

/* After a case is deleted, its object must not stand for whatever case
 * gets its id next. */
void luwte_case_forget_live (LuwteStore *store,
                             gint64      id);

/* Inside a transaction: refuses a change to a case that is closed, as the
 * database has it (another program may have closed it meanwhile). */
gboolean luwte_store_check_case_open (LuwteStore       *store,
                                      LuwteCase        *kase,
                                      GError          **error);
gboolean luwte_store_check_case_id_open (LuwteStore    *store,
                                         gint64         case_id,
                                         const char    *reference,
                                         GError       **error);

/* Inside a transaction: the status change with its history and audit;
 * luwte_case_apply_status() brings the object along after the commit. */
gboolean luwte_case_store_status  (LuwteStore       *store,
                                   LuwteCase        *kase,
                                   LuwteCaseStatus   status,
                                   const char       *at,
                                   GError          **error);
void     luwte_case_apply_status  (LuwteCase        *kase,
                                   LuwteCaseStatus   status,
                                   const char       *at);
void     luwte_case_apply_lessons (LuwteCase        *kase,
                                   const char       *lessons);

gboolean luwte_store_check_time (const char  *value,
                                 const char  *field,
                                 GError     **error);

G_END_DECLS
