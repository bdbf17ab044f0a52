/* luwte-party-choice.h — a row to pick one of the case's parties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

/* Every role: for luwte_party_choice_fill_from() */
#define LUWTE_PARTY_CHOICE_ANY_ROLE (-1)

AdwComboRow *luwte_party_choice_new    (const char  *title,
                                        const char  *none_label);
void         luwte_party_choice_fill   (AdwComboRow *row,
                                        LuwteStore  *store,
                                        LuwteCase   *kase,
                                        gint64       selected_id);
void         luwte_party_choice_fill_from (AdwComboRow *row,
                                           GPtrArray   *parties,
                                           int          role,
                                           gint64       selected_id);
gint64       luwte_party_choice_get_id (AdwComboRow *row);
char        *luwte_party_choice_get_name (AdwComboRow *row);

G_END_DECLS
