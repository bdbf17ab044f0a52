/* luwte-read-only.h — a closed case's pages, readable but not editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The style class of a widget that only serves to change a case (a form to
 * add something, a remove button): hidden while the case is read-only. */
#define LUWTE_EDIT_ONLY "edit-only"

void     luwte_read_only_apply (GtkWidget *root,
                                gboolean   read_only);
void     luwte_read_only_follow (GtkWidget *page,
                                 GtkWidget *made);
gboolean luwte_read_only_get   (GtkWidget *widget);

G_END_DECLS
