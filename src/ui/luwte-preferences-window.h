/* luwte-preferences-window.h — the municipality's details for letters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-profile.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_PREFERENCES_WINDOW (luwte_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LuwtePreferencesWindow, luwte_preferences_window, LUWTE, PREFERENCES_WINDOW, AdwPreferencesWindow)

LuwtePreferencesWindow *luwte_preferences_window_new   (GtkWindow              *parent,
                                                        LuwteStore             *store);
gboolean                luwte_preferences_window_flush (LuwtePreferencesWindow *self);
gboolean                luwte_preferences_window_set_logo (LuwtePreferencesWindow *self,
                                                           const char             *path);
GtkEditable            *luwte_preferences_window_get_entry (LuwtePreferencesWindow *self,
                                                            LuwteProfileKey         key);

G_END_DECLS
