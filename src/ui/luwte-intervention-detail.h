/* luwte-intervention-detail.h — everything the card says about one intervention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_INTERVENTION_DETAIL (luwte_intervention_detail_get_type ())
G_DECLARE_FINAL_TYPE (LuwteInterventionDetail, luwte_intervention_detail, LUWTE, INTERVENTION_DETAIL, AdwBin)

GtkWidget             *luwte_intervention_detail_new              (void);
void                   luwte_intervention_detail_set_card         (LuwteInterventionDetail *self,
                                                                   LuwteCard               *card,
                                                                   LuwteLanguage            language);
void                   luwte_intervention_detail_set_intervention (LuwteInterventionDetail *self,
                                                                   LuwteCardIntervention   *intervention);
LuwteCardIntervention *luwte_intervention_detail_get_intervention (LuwteInterventionDetail *self);
void                   luwte_intervention_detail_set_search_words (LuwteInterventionDetail *self,
                                                                   const char * const      *words);
guint                  luwte_intervention_detail_count_highlights (LuwteInterventionDetail *self);

G_END_DECLS
