/* luwte-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-card-browser.h"
#include "luwte-cases-page.h"
#include "luwte-statistics-page.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_WINDOW (luwte_window_get_type ())
G_DECLARE_FINAL_TYPE (LuwteWindow, luwte_window, LUWTE, WINDOW, AdwApplicationWindow)

LuwteWindow      *luwte_window_new              (GtkApplication *application,
                                                 LuwteCard      *card,
                                                 const GError   *card_problem,
                                                 LuwteStore     *store,
                                                 const GError   *store_problem);
LuwteCardBrowser *luwte_window_get_card_browser (LuwteWindow    *self);
LuwteCasesPage   *luwte_window_get_cases_page   (LuwteWindow    *self);
LuwteStatisticsPage *luwte_window_get_statistics_page (LuwteWindow *self);
void              luwte_window_show_page        (LuwteWindow    *self,
                                                 const char     *name);

G_END_DECLS
