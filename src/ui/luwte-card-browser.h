/* luwte-card-browser.h — browsing and searching the intervention card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_CARD_BROWSER (luwte_card_browser_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCardBrowser, luwte_card_browser, LUWTE, CARD_BROWSER, AdwBin)

GtkWidget             *luwte_card_browser_new                  (void);
void                   luwte_card_browser_set_card             (LuwteCardBrowser *self,
                                                                LuwteCard        *card,
                                                                LuwteLanguage     language);
void                   luwte_card_browser_select_group         (LuwteCardBrowser *self,
                                                                guint             number);
guint                  luwte_card_browser_get_group_number     (LuwteCardBrowser *self);
gboolean               luwte_card_browser_show_intervention    (LuwteCardBrowser *self,
                                                                const char       *id);
LuwteCardIntervention *luwte_card_browser_get_intervention     (LuwteCardBrowser *self);
void                   luwte_card_browser_search               (LuwteCardBrowser *self,
                                                                const char       *query);
guint                  luwte_card_browser_get_n_listed         (LuwteCardBrowser *self);
LuwteCardIntervention *luwte_card_browser_get_listed           (LuwteCardBrowser *self,
                                                                guint             position);
guint                  luwte_card_browser_count_highlights     (LuwteCardBrowser *self);
void                   luwte_card_browser_set_title_widget     (LuwteCardBrowser *self,
                                                                GtkWidget        *widget);
void                   luwte_card_browser_set_key_capture_widget (LuwteCardBrowser *self,
                                                                  GtkWidget        *widget);

G_END_DECLS
