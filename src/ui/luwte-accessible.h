/* luwte-accessible.h — names for the parts GTK and libadwaita leave unnamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkListItemFactory *luwte_string_item_factory_new   (void);
void                luwte_accessible_name_inner     (GtkWidget  *widget,
                                                     GType       type,
                                                     const char *label);

G_END_DECLS
