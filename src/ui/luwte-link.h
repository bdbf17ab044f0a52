/* luwte-link.h — a message's web address: opened in the browser, copied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean luwte_link_can_open (const char *url);
void     luwte_link_open     (GtkWidget  *from,
                              const char *url);
void     luwte_link_copy     (GtkWidget  *from,
                              const char *url);

G_END_DECLS
