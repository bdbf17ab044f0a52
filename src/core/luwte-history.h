/* luwte-history.h — a case's audit entries in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-card.h"
#include "luwte-template-library.h"
#include "luwte-timeline.h"

G_BEGIN_DECLS

char *luwte_history_describe (const LuwteHistoryEntry *entry,
                              LuwteCard               *card,
                              LuwteTemplateLibrary    *library,
                              LuwteLanguage            language);

G_END_DECLS
