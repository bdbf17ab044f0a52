/* luwte-highlight.h — showing search matches in labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void luwte_label_set_highlighted (GtkLabel           *label,
                                  const char         *text,
                                  const char * const *words);
guint luwte_label_count_highlights (GtkLabel          *label);

G_END_DECLS
