/* luwte-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-card-browser.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_WINDOW (luwte_window_get_type ())
G_DECLARE_FINAL_TYPE (LuwteWindow, luwte_window, LUWTE, WINDOW, AdwApplicationWindow)

LuwteWindow      *luwte_window_new              (GtkApplication *application,
                                                 LuwteCard      *card,
                                                 const GError   *card_problem);
LuwteCardBrowser *luwte_window_get_card_browser (LuwteWindow    *self);

G_END_DECLS
