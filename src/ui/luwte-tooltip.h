/* luwte-tooltip.h — tooltips for widgets made by the hundred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        luwte_tooltip_set_when_asked (GtkWidget  *widget,
                                          const char *text);
const char *luwte_tooltip_get_text       (GtkWidget  *widget);

G_END_DECLS
