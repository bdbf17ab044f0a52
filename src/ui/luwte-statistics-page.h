/* luwte-statistics-page.h — the figures over a period, as charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-statistics.h"
#include "luwte-store.h"

G_BEGIN_DECLS

/* The periods to choose from, in the order they are offered */
typedef enum {
  LUWTE_PERIOD_LAST_12_MONTHS,
  LUWTE_PERIOD_THIS_YEAR,
  LUWTE_PERIOD_LAST_YEAR,
  LUWTE_PERIOD_ALL_TIME,
  LUWTE_PERIOD_CUSTOM,
} LuwtePeriod;

#define LUWTE_TYPE_STATISTICS_PAGE (luwte_statistics_page_get_type ())
G_DECLARE_FINAL_TYPE (LuwteStatisticsPage, luwte_statistics_page, LUWTE, STATISTICS_PAGE, AdwBin)

void                   luwte_statistics_page_set_store        (LuwteStatisticsPage *self,
                                                               LuwteStore          *store);
void                   luwte_statistics_page_set_card         (LuwteStatisticsPage *self,
                                                               LuwteCard           *card,
                                                               LuwteLanguage        language);
void                   luwte_statistics_page_set_title_widget (LuwteStatisticsPage *self,
                                                               GtkWidget           *widget);
void                   luwte_statistics_page_set_period       (LuwteStatisticsPage *self,
                                                               LuwtePeriod          period);
void                   luwte_statistics_page_set_custom_period (LuwteStatisticsPage *self,
                                                                const char          *from,
                                                                const char          *to);
void                   luwte_statistics_page_refresh          (LuwteStatisticsPage *self);
const LuwteStatistics *luwte_statistics_page_get_statistics   (LuwteStatisticsPage *self);
GtkWidget             *luwte_statistics_page_get_chart        (LuwteStatisticsPage *self,
                                                               guint                index);
gboolean               luwte_statistics_page_export_file      (LuwteStatisticsPage *self,
                                                               GFile               *file,
                                                               GError             **error);

G_END_DECLS
