/* luwte-page.h — the shape every workspace page shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void luwte_page_set_scrolled_content (AdwBin    *page,
                                      GtkWidget *content);
void luwte_page_scroll_into_view     (GtkWidget *widget);
void luwte_page_follow_expander      (AdwExpanderRow *row);
AdwEntryRow *luwte_page_add_entry_row (AdwExpanderRow *row,
                                       const char     *title,
                                       const char     *text);

G_END_DECLS
