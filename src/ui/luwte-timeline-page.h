/* luwte-timeline-page.h — what happened in a case, and who changed what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_TIMELINE_PAGE (luwte_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (LuwteTimelinePage, luwte_timeline_page, LUWTE, TIMELINE_PAGE, AdwBin)

void  luwte_timeline_page_set_card (LuwteTimelinePage *self,
                                    LuwteCard         *card,
                                    LuwteLanguage      language);
void  luwte_timeline_page_set_case (LuwteTimelinePage *self,
                                    LuwteStore        *store,
                                    LuwteCase         *kase);
void  luwte_timeline_page_refresh  (LuwteTimelinePage *self);
guint luwte_timeline_page_get_n_events (LuwteTimelinePage *self);

G_END_DECLS
