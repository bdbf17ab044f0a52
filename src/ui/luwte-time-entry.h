/* luwte-time-entry.h — a time field that writes out what was typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void luwte_time_entry_follow (GtkWidget *field);

G_END_DECLS
