/* luwte-parties-page.h — who is involved in a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_PARTIES_PAGE (luwte_parties_page_get_type ())
G_DECLARE_FINAL_TYPE (LuwtePartiesPage, luwte_parties_page, LUWTE, PARTIES_PAGE, AdwBin)

void     luwte_parties_page_set_case      (LuwtePartiesPage *self,
                                           LuwteStore       *store,
                                           LuwteCase        *kase);
gboolean luwte_parties_page_add_from_form (LuwtePartiesPage *self);
gboolean luwte_parties_page_remove        (LuwtePartiesPage *self,
                                           guint             position);
gboolean luwte_parties_page_undo_remove   (LuwtePartiesPage *self);
guint    luwte_parties_page_get_n_parties (LuwtePartiesPage *self);
GtkWidget *luwte_parties_page_get_row     (LuwtePartiesPage *self,
                                           guint             position);
gboolean luwte_parties_page_flush         (LuwtePartiesPage *self);

G_END_DECLS
