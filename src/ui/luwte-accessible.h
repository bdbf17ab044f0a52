/* luwte-accessible.h — names for the parts GTK and libadwaita leave unnamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkListItemFactory *luwte_string_item_factory_new   (void);
void                luwte_accessible_name_inner     (GtkWidget  *widget,
                                                     GType       type,
                                                     const char *label);
void                luwte_accessible_add_toast      (AdwToastOverlay *overlay,
                                                     AdwToast        *toast);

G_END_DECLS
