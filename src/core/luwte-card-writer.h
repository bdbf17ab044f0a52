/* luwte-card-writer.h — the card as JSON or text in one language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-card.h"

G_BEGIN_DECLS

char *luwte_card_to_json (LuwteCard     *card,
                          LuwteLanguage  language);
char *luwte_card_to_text (LuwteCard     *card,
                          LuwteLanguage  language);

G_END_DECLS
