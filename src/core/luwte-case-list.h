/* luwte-case-list.h — the stored cases as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_CASE_LIST (luwte_case_list_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCaseList, luwte_case_list, LUWTE, CASE_LIST, GObject)

LuwteCaseList *luwte_case_list_new          (LuwteStore            *store);
void           luwte_case_list_set_status   (LuwteCaseList         *self,
                                             const LuwteCaseStatus *status);
void           luwte_case_list_set_sort     (LuwteCaseList         *self,
                                             LuwteCaseSort          sort);
LuwteCaseSort  luwte_case_list_get_sort     (LuwteCaseList         *self);
void           luwte_case_list_reload       (LuwteCaseList         *self);
guint          luwte_case_list_case_added   (LuwteCaseList         *self,
                                             LuwteCase             *kase);
guint          luwte_case_list_get_n_cached (LuwteCaseList         *self);
GError        *luwte_case_list_get_error    (LuwteCaseList         *self);

G_END_DECLS
