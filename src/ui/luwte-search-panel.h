/* luwte-search-panel.h — past and present cases found by words, with filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-search.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_SEARCH_PANEL (luwte_search_panel_get_type ())
G_DECLARE_FINAL_TYPE (LuwteSearchPanel, luwte_search_panel, LUWTE, SEARCH_PANEL, AdwBin)

void        luwte_search_panel_set_store   (LuwteSearchPanel      *self,
                                            LuwteStore            *store);
void        luwte_search_panel_set_card    (LuwteSearchPanel      *self,
                                            LuwteCard             *card,
                                            LuwteLanguage          language);
void        luwte_search_panel_set_query   (LuwteSearchPanel      *self,
                                            const char            *query);
void        luwte_search_panel_set_status  (LuwteSearchPanel      *self,
                                            const LuwteCaseStatus *status);
GListModel *luwte_search_panel_get_hits    (LuwteSearchPanel      *self);
gboolean    luwte_search_panel_is_running  (LuwteSearchPanel      *self);
gboolean    luwte_search_panel_focus_hits  (LuwteSearchPanel      *self);
gboolean    luwte_search_panel_open_best   (LuwteSearchPanel      *self,
                                            const char            *query);
void        luwte_search_panel_set_filters (LuwteSearchPanel      *self,
                                            const char            *card_id,
                                            int                    role,
                                            const char            *platform);

G_END_DECLS
