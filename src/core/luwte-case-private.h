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

G_END_DECLS
