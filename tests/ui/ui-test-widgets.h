/* ui-test-widgets.h — finding widgets and letting the main loop run, for
 * the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*UiWidgetMatch) (GtkWidget *widget, gconstpointer data);

GtkWidget *ui_find_matching (GtkWidget     *widget,
                             UiWidgetMatch  match,
                             gconstpointer  data);
GtkWidget *ui_find_of_type  (GtkWidget     *widget,
                             GType          type);
void       ui_wait_idle     (void);

G_END_DECLS
