/* luwte-statistics-page.c — the figures over a period, as charts
 *
 * The figures are counted in a thread of their own, on a connection of
 * their own, so a database of 100,000 cases never stops the window; a
 * count that a newer one overtook is dropped. Each chart says its figures
 * in words to a screen reader, and the legend and totals are text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-statistics"

#include "config.h"

#include "luwte-statistics-page.h"
#include "luwte-accessible.h"
#include "luwte-chart.h"
#include "luwte-time.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#define TYPING_DELAY_MS 400

enum {
  CHART_MONTHS,
  CHART_GROUPS,
  CHART_CLOSE,
  N_CHARTS
};

struct _LuwteStatisticsPage
{
  AdwBin           parent_instance;

  LuwteStore      *store;
  LuwteCard       *card;
  LuwteLanguage    language;
  LuwteStatistics *stats;
  GCancellable    *cancellable;
  guint            generation;
  guint            typing_source;
  GtkWidget       *charts[N_CHARTS];

  AdwHeaderBar    *header;
  GtkStack        *stack;
  GtkDropDown     *period_choice;
  GtkSpinner      *spinner;
  GtkWidget       *custom_box;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkLabel        *total_label;
  GtkLabel        *period_label;
  GtkBox          *months_box;
  GtkBox          *groups_box;
  GtkLabel        *groups_label;
  GtkFlowBox      *legend;
  GtkBox          *close_box;
  GtkLabel        *close_label;
};

G_DEFINE_FINAL_TYPE (LuwteStatisticsPage, luwte_statistics_page, ADW_TYPE_BIN)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The effects in the order of the stacks, their colours by meaning */
static const LuwteEffect effect_order[] = {
  LUWTE_EFFECT_WORKED, LUWTE_EFFECT_PARTLY, LUWTE_EFFECT_NOT_WORKED, LUWTE_EFFECT_UNKNOWN, LUWTE_EFFECT_NOT_EVALUATED,
};
static const LuwteChartColor effect_colors[] = {
  LUWTE_CHART_SUCCESS, LUWTE_CHART_WARNING, LUWTE_CHART_ERROR, LUWTE_CHART_NEUTRAL, LUWTE_CHART_FAINT,
};

typedef struct {
  char       *path;
  LuwteCard  *card;
  char       *from;
  char       *to;
  guint       generation;
} Count;

static void
count_free (Count *count)
{
  g_free (count->path);
  g_clear_object (&count->card);
  g_free (count->from);
  g_free (count->to);
  g_free (count);
}

static char *
date_text (GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* The days [from, to) of a period; NULL for an open end. FALSE when a
 * date typed for a period of one's own is not a date. */
static gboolean
period_bounds (LuwteStatisticsPage  *self,
               char                **from,
               char                **to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate first;
  GDate after;

  *from = *to = NULL;
  g_date_clear (&first, 1);
  g_date_clear (&after, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  switch ((LuwtePeriod) gtk_drop_down_get_selected (self->period_choice))
    {
    case LUWTE_PERIOD_LAST_12_MONTHS:
      /* This month and the eleven before it, whole */
      after = first;
      g_date_add_months (&after, 1);
      g_date_subtract_months (&first, 11);
      break;
    case LUWTE_PERIOD_THIS_YEAR:
    case LUWTE_PERIOD_LAST_YEAR:
      g_date_set_month (&first, G_DATE_JANUARY);
      if (gtk_drop_down_get_selected (self->period_choice) == LUWTE_PERIOD_LAST_YEAR)
        g_date_subtract_years (&first, 1);
      after = first;
      g_date_add_years (&after, 1);
      break;
    case LUWTE_PERIOD_CUSTOM:
      {
        const char *typed_from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
        const char *typed_to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
        gboolean from_ok = *typed_from == '\0' || luwte_statistics_date_is_valid (typed_from);
        gboolean to_ok = *typed_to == '\0' || luwte_statistics_date_is_valid (typed_to);

        if (from_ok && to_ok && *typed_from != '\0' && *typed_to != '\0' && g_strcmp0 (typed_from, typed_to) >= 0)
          to_ok = FALSE;
        if (from_ok)
          gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
        else
          gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
        if (to_ok)
          gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
        else
          gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
        if (!from_ok || !to_ok)
          return FALSE;
        *from = *typed_from != '\0' ? g_strdup (typed_from) : NULL;
        *to = *typed_to != '\0' ? g_strdup (typed_to) : NULL;
        return TRUE;
      }
    case LUWTE_PERIOD_ALL_TIME:
    default:
      return TRUE;
    }
  *from = date_text (&first);
  *to = date_text (&after);
  return TRUE;
}

static void
count_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  Count *count = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteStore) store = luwte_store_open (count->path, &error);
  LuwteStatistics *stats;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stats = luwte_store_get_statistics (store, count->card, count->from, count->to, &error);
  if (stats == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stats, (GDestroyNotify) luwte_statistics_free);
}

/* "1 december 2025" for a date as the statistics keep it */
static char *
long_date (LuwteStatisticsPage *self,
           const char          *date,
           int                  days)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (utc, atoi (date), atoi (date + 5), atoi (date + 8), 12, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_add_days (time, days);

  return luwte_time_format_long_date (moved, self->language);
}

static char *
describe_period (LuwteStatisticsPage   *self,
                 const LuwteStatistics *stats)
{
  g_autofree char *from = stats->from != NULL ? long_date (self, stats->from, 0) : NULL;
  g_autofree char *until = stats->to != NULL ? long_date (self, stats->to, -1) : NULL;

  if (from != NULL && until != NULL)
    /* TRANSLATORS: the period of the statistics, e.g. "Opened from 1 December 2025 up to and including 30 November 2026" */
    return g_strdup_printf (_("Opened from %s up to and including %s"), from, until);
  if (from != NULL)
    return g_strdup_printf (_("Opened on %s or later"), from);
  if (until != NULL)
    return g_strdup_printf (_("Opened up to and including %s"), until);
  return g_strdup (_("All cases in the database"));
}

static void
show_months (LuwteStatisticsPage   *self,
             const LuwteStatistics *stats)
{
  guint n = stats->months->len;
  g_autofree double *values = g_new0 (double, n + 1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      const LuwteMonthFigure *month = &g_array_index (stats->months, LuwteMonthFigure, i);

      g_ptr_array_add (labels, luwte_time_format_month (month->month, self->language));
      values[i] = (double) month->cases;
    }
  g_ptr_array_add (labels, NULL);
  luwte_chart_set_data (LUWTE_CHART (self->charts[CHART_MONTHS]), n, (const char * const *) labels->pdata, values, 0);
  gtk_widget_set_visible (self->charts[CHART_MONTHS], n > 0);
}

static void
show_groups (LuwteStatisticsPage   *self,
             const LuwteStatistics *stats)
{
  double values[LUWTE_N_CARD_GROUPS * G_N_ELEMENTS (effect_order)];
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *note = NULL;

  for (guint i = 0; i < LUWTE_N_CARD_GROUPS; i++)
    {
      const LuwteGroupFigure *group = &stats->groups[i];
      LuwteCardGroup *card_group = self->card != NULL ? luwte_card_get_group (self->card, group->number) : NULL;

      g_ptr_array_add (labels, g_strdup_printf ("%u · %s", group->number, card_group != NULL
                                                ? luwte_localized_get (luwte_card_group_get_title (card_group), self->language)
                                                : group->id));
      for (guint e = 0; e < G_N_ELEMENTS (effect_order); e++)
        values[i * G_N_ELEMENTS (effect_order) + e] = (double) group->effects[effect_order[e]];
    }
  g_ptr_array_add (labels, NULL);
  luwte_chart_set_data (LUWTE_CHART (self->charts[CHART_GROUPS]), LUWTE_N_CARD_GROUPS,
                        (const char * const *) labels->pdata, values, 0);

  if (stats->used_off_card > 0)
    note = g_strdup_printf (ngettext ("Interventions carried out or under way in the cases of the period, by the effect their evaluation gave them when the case was closed. %d more is not on this card.",
                                      "Interventions carried out or under way in the cases of the period, by the effect their evaluation gave them when the case was closed. %d more are not on this card.",
                                      (gulong) stats->used_off_card),
                            (int) stats->used_off_card);
  gtk_label_set_text (self->groups_label, note != NULL ? note
                      : _("Interventions carried out or under way in the cases of the period, by the effect their evaluation gave them when the case was closed."));
}

static void
show_close (LuwteStatisticsPage   *self,
            const LuwteStatistics *stats)
{
  const char *labels[] = { C_("statistics", "Median"), C_("statistics", "Mean"), NULL };
  double values[] = { stats->median_days, stats->mean_days };
  g_autofree char *text = NULL;

  if (stats->closed == 0)
    {
      gtk_label_set_text (self->close_label, _("No case opened in this period has been closed yet."));
      gtk_widget_set_visible (self->charts[CHART_CLOSE], FALSE);
      return;
    }
  text = g_strdup_printf (ngettext ("Days from the signal to closing, over %d closed case: the median (half closed sooner) and the mean.",
                                    "Days from the signal to closing, over %d closed cases: the median (half closed sooner) and the mean.",
                                    (gulong) stats->closed),
                          (int) stats->closed);
  gtk_label_set_text (self->close_label, text);
  luwte_chart_set_data (LUWTE_CHART (self->charts[CHART_CLOSE]), 2, labels, values, 1);
  gtk_widget_set_visible (self->charts[CHART_CLOSE], TRUE);
}

static void
show (LuwteStatisticsPage *self,
      LuwteStatistics     *stats)
{
  g_autofree char *total = g_strdup_printf (ngettext ("%'d case", "%'d cases", (gulong) stats->cases), (int) stats->cases);
  g_autofree char *period = describe_period (self, stats);

  g_clear_pointer (&self->stats, luwte_statistics_free);
  self->stats = stats;
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->period_label, period);
  show_months (self, stats);
  show_groups (self, stats);
  show_close (self, stats);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export", TRUE);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LuwteStatisticsPage *self = LUWTE_STATISTICS_PAGE (source);
  Count *count = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  LuwteStatistics *stats = g_task_propagate_pointer (G_TASK (result), &error);

  /* The page went, or a newer count overtook this one. */
  if (g_cancellable_is_cancelled (self->cancellable) || count->generation != self->generation)
    {
      g_clear_pointer (&stats, luwte_statistics_free);
      return;
    }
  gtk_spinner_stop (self->spinner);
  if (stats == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return;
    }
  show (self, stats);
}

/**
 * luwte_statistics_page_refresh:
 *
 * Counts the figures of the period chosen again, in the background;
 * LuwteStatisticsPage::updated tells when they are shown.
 */
void
luwte_statistics_page_refresh (LuwteStatisticsPage *self)
{
  g_autoptr(GTask) task = NULL;
  Count *count;
  char *from, *to;

  g_return_if_fail (LUWTE_IS_STATISTICS_PAGE (self));

  g_clear_handle_id (&self->typing_source, g_source_remove);
  if (self->store == NULL || self->card == NULL || !period_bounds (self, &from, &to))
    return;
  count = g_new0 (Count, 1);
  count->path = g_strdup (luwte_store_get_path (self->store));
  count->card = g_object_ref (self->card);
  count->from = from;
  count->to = to;
  count->generation = ++self->generation;

  task = g_task_new (self, self->cancellable, on_counted, NULL);
  g_task_set_task_data (task, count, (GDestroyNotify) count_free);
  gtk_spinner_start (self->spinner);
  g_task_run_in_thread (task, count_in_thread);
}

static gboolean
typing_done (gpointer user_data)
{
  LuwteStatisticsPage *self = user_data;

  self->typing_source = 0;
  luwte_statistics_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A date being typed is counted once the typing stops. */
static void
on_date_changed (LuwteStatisticsPage *self)
{
  g_clear_handle_id (&self->typing_source, g_source_remove);
  self->typing_source = g_timeout_add (TYPING_DELAY_MS, typing_done, self);
}

static void
on_period_changed (LuwteStatisticsPage *self)
{
  gtk_widget_set_visible (self->custom_box, gtk_drop_down_get_selected (self->period_choice) == LUWTE_PERIOD_CUSTOM);
  luwte_statistics_page_refresh (self);
}

/* The figures of what is in the database now, whenever they are shown */
static void
on_map (LuwteStatisticsPage *self)
{
  luwte_statistics_page_refresh (self);
}

static void
on_export_response (GtkNativeDialog     *dialog,
                    int                  response,
                    LuwteStatisticsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL && !luwte_statistics_page_export_file (self, file, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuwteStatisticsPage *self = LUWTE_STATISTICS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->stats == NULL)
    return;
  name = self->stats->from != NULL || self->stats->to != NULL
    ? g_strdup_printf ("luwte-statistics-%s-%s.csv", self->stats->from != NULL ? self->stats->from : "start",
                       self->stats->to != NULL ? self->stats->to : "now")
    : g_strdup ("luwte-statistics.csv");
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  dialog = gtk_file_chooser_native_new (_("Export the Figures"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GtkWidget *
add_chart (LuwteStatisticsPage *self,
           GtkBox              *box,
           LuwteChartLayout     layout,
           const char          *name,
           guint                n_series,
           const char * const  *series,
           const LuwteChartColor *colors)
{
  GtkWidget *chart = luwte_chart_new (layout);

  luwte_chart_set_series (LUWTE_CHART (chart), n_series, series, colors);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (box, chart);
  return chart;
}

static void
add_legend_entry (LuwteStatisticsPage *self,
                  LuwteChartColor      color,
                  const char          *label)
{
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (swatch, "chart-legend-swatch");
  gtk_widget_add_css_class (swatch, luwte_chart_color_class (color));
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (entry), swatch);
  gtk_box_append (GTK_BOX (entry), gtk_label_new (label));
  gtk_flow_box_append (self->legend, entry);
  /* A key to the chart, not something to go to. */
  gtk_widget_set_focusable (gtk_widget_get_parent (entry), FALSE);
}

static void
luwte_statistics_page_dispose (GObject *object)
{
  LuwteStatisticsPage *self = LUWTE_STATISTICS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->typing_source, g_source_remove);
  G_OBJECT_CLASS (luwte_statistics_page_parent_class)->dispose (object);
}

static void
luwte_statistics_page_finalize (GObject *object)
{
  LuwteStatisticsPage *self = LUWTE_STATISTICS_PAGE (object);

  g_clear_pointer (&self->stats, luwte_statistics_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->card);

  G_OBJECT_CLASS (luwte_statistics_page_parent_class)->finalize (object);
}

static void
luwte_statistics_page_class_init (LuwteStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luwte_statistics_page_dispose;
  object_class->finalize = luwte_statistics_page_finalize;

  /**
   * LuwteStatisticsPage::updated:
   *
   * The figures of the period chosen are shown.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, header);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, period_choice);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, months_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, groups_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, legend);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, close_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteStatisticsPage, close_label);
  gtk_widget_class_install_action (widget_class, "statistics.export", NULL, export_action);
}

static void
luwte_statistics_page_init (LuwteStatisticsPage *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) items = luwte_string_item_factory_new ();
  const char *effect_names[G_N_ELEMENTS (effect_order)];
  const char *cases[] = { _("Cases") };
  const char *days[] = { _("Days") };
  const LuwteChartColor accent[] = { LUWTE_CHART_ACCENT };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->language = LUWTE_LANGUAGE_EN;

  gtk_string_list_append (periods, _("The Last 12 Months"));
  gtk_string_list_append (periods, _("This Year"));
  gtk_string_list_append (periods, _("Last Year"));
  gtk_string_list_append (periods, _("All Time"));
  gtk_string_list_append (periods, _("A Period of My Own"));
  gtk_drop_down_set_model (self->period_choice, G_LIST_MODEL (periods));
  gtk_drop_down_set_factory (self->period_choice, items);
  luwte_accessible_name_inner (GTK_WIDGET (self->period_choice), GTK_TYPE_LIST_VIEW, _("Periods"));
  luwte_accessible_name_inner (GTK_WIDGET (self->period_choice), GTK_TYPE_TOGGLE_BUTTON, _("Period"));

  for (guint e = 0; e < G_N_ELEMENTS (effect_order); e++)
    {
      effect_names[e] = luwte_effect_label (effect_order[e]);
      add_legend_entry (self, effect_colors[e], effect_names[e]);
    }
  self->charts[CHART_MONTHS] = add_chart (self, self->months_box, LUWTE_CHART_COLUMNS, _("Cases per month"),
                                          1, cases, accent);
  self->charts[CHART_GROUPS] = add_chart (self, self->groups_box, LUWTE_CHART_BARS,
                                          _("Interventions used per group, by effect"),
                                          G_N_ELEMENTS (effect_order), effect_names, effect_colors);
  self->charts[CHART_CLOSE] = add_chart (self, self->close_box, LUWTE_CHART_BARS,
                                         _("Days from signal to close"), 1, days, accent);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "no-store");
  g_signal_connect_object (self->period_choice, "notify::selected", G_CALLBACK (on_period_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "changed", G_CALLBACK (on_date_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed", G_CALLBACK (on_date_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "activate", G_CALLBACK (luwte_statistics_page_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "activate", G_CALLBACK (luwte_statistics_page_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/**
 * luwte_statistics_page_set_store:
 * @store: (nullable): the case database
 */
void
luwte_statistics_page_set_store (LuwteStatisticsPage *self,
                                 LuwteStore          *store)
{
  g_return_if_fail (LUWTE_IS_STATISTICS_PAGE (self));

  g_set_object (&self->store, store);
  gtk_stack_set_visible_child_name (self->stack, store != NULL ? "figures" : "no-store");
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_choice), store != NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    luwte_statistics_page_refresh (self);
}

/* The card gives the groups their titles. */
void
luwte_statistics_page_set_card (LuwteStatisticsPage *self,
                                LuwteCard           *card,
                                LuwteLanguage        language)
{
  g_return_if_fail (LUWTE_IS_STATISTICS_PAGE (self));
  g_set_object (&self->card, card);
  self->language = language;
}

/* The window's view switcher, in the page's header bar. */
void
luwte_statistics_page_set_title_widget (LuwteStatisticsPage *self,
                                        GtkWidget           *widget)
{
  g_return_if_fail (LUWTE_IS_STATISTICS_PAGE (self));
  adw_header_bar_set_title_widget (self->header, widget);
}

/* Chooses @period, as the user does; the figures follow. */
void
luwte_statistics_page_set_period (LuwteStatisticsPage *self,
                                  LuwtePeriod          period)
{
  g_return_if_fail (LUWTE_IS_STATISTICS_PAGE (self));
  g_return_if_fail (period <= LUWTE_PERIOD_CUSTOM);
  gtk_drop_down_set_selected (self->period_choice, period);
}

/**
 * luwte_statistics_page_set_custom_period:
 * @from: (nullable): the first day, e.g. 2026-01-01
 * @to: (nullable): the first day after the period
 *
 * Types a period of one's own, as the user does.
 */
void
luwte_statistics_page_set_custom_period (LuwteStatisticsPage *self,
                                         const char          *from,
                                         const char          *to)
{
  g_return_if_fail (LUWTE_IS_STATISTICS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  luwte_statistics_page_set_period (self, LUWTE_PERIOD_CUSTOM);
}

/* Returns: (nullable) (transfer none): the figures shown */
const LuwteStatistics *
luwte_statistics_page_get_statistics (LuwteStatisticsPage *self)
{
  g_return_val_if_fail (LUWTE_IS_STATISTICS_PAGE (self), NULL);
  return self->stats;
}

/* Returns: (transfer none): the chart of cases per month (0), interventions
 *   per group (1) or days to close (2) */
GtkWidget *
luwte_statistics_page_get_chart (LuwteStatisticsPage *self,
                                 guint                index)
{
  g_return_val_if_fail (LUWTE_IS_STATISTICS_PAGE (self), NULL);
  g_return_val_if_fail (index < N_CHARTS, NULL);
  return self->charts[index];
}

/**
 * luwte_statistics_page_export_file:
 *
 * Writes the figures shown as CSV (see luwte_statistics_to_csv()).
 */
gboolean
luwte_statistics_page_export_file (LuwteStatisticsPage  *self,
                                   GFile                *file,
                                   GError              **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (LUWTE_IS_STATISTICS_PAGE (self), FALSE);
  g_return_val_if_fail (self->stats != NULL, FALSE);

  csv = luwte_statistics_to_csv (self->stats);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
