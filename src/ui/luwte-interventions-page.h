/* luwte-interventions-page.h — the interventions chosen for a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_INTERVENTIONS_PAGE (luwte_interventions_page_get_type ())
G_DECLARE_FINAL_TYPE (LuwteInterventionsPage, luwte_interventions_page, LUWTE, INTERVENTIONS_PAGE, AdwBin)

void     luwte_interventions_page_set_card   (LuwteInterventionsPage *self,
                                              LuwteCard              *card,
                                              LuwteLanguage           language);
void     luwte_interventions_page_set_case   (LuwteInterventionsPage *self,
                                              LuwteStore             *store,
                                              LuwteCase              *kase);
gboolean luwte_interventions_page_choose     (LuwteInterventionsPage *self,
                                              const char             *card_id);
gboolean luwte_interventions_page_flush      (LuwteInterventionsPage *self);
guint    luwte_interventions_page_get_n_chosen (LuwteInterventionsPage *self);
gboolean luwte_interventions_page_remove      (LuwteInterventionsPage *self,
                                               guint                   position);
gboolean luwte_interventions_page_undo_remove (LuwteInterventionsPage *self);

G_END_DECLS
