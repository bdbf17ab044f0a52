/* luwte-chart.h — a bar chart drawn with the style's colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  LUWTE_CHART_COLUMNS,   /* upright, categories along the bottom */
  LUWTE_CHART_BARS,      /* lying, categories down the left */
} LuwteChartLayout;

/* Colours by meaning, looked up in the style when drawn */
typedef enum {
  LUWTE_CHART_ACCENT,
  LUWTE_CHART_SUCCESS,
  LUWTE_CHART_WARNING,
  LUWTE_CHART_ERROR,
  LUWTE_CHART_NEUTRAL,
  LUWTE_CHART_FAINT,
} LuwteChartColor;

#define LUWTE_TYPE_CHART (luwte_chart_get_type ())
G_DECLARE_FINAL_TYPE (LuwteChart, luwte_chart, LUWTE, CHART, GtkWidget)

GtkWidget  *luwte_chart_new          (LuwteChartLayout        layout);
void        luwte_chart_set_series   (LuwteChart             *self,
                                      guint                   n_series,
                                      const char * const     *names,
                                      const LuwteChartColor  *colors);
void        luwte_chart_set_data     (LuwteChart             *self,
                                      guint                   n_categories,
                                      const char * const     *labels,
                                      const double           *values,
                                      guint                   decimals);
guint       luwte_chart_get_n_categories (LuwteChart         *self);
double      luwte_chart_get_total    (LuwteChart             *self,
                                      guint                   category);
char       *luwte_chart_describe     (LuwteChart             *self);
char       *luwte_chart_get_axis_label (LuwteChart           *self,
                                        guint                 category);
const char *luwte_chart_color_class  (LuwteChartColor         color);

G_END_DECLS
