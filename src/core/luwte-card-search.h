/* luwte-card-search.h — finding interventions on the card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-card.h"

G_BEGIN_DECLS

GPtrArray *luwte_card_search                   (LuwteCard             *card,
                                                LuwteLanguage          language,
                                                const char            *query);
void       luwte_card_intervention_list_texts  (LuwteCardIntervention *intervention,
                                                LuwteLanguage          language,
                                                GPtrArray             *texts,
                                                GArray                *weights);

G_END_DECLS
