/* test-statistics-page.c — the Statistics page over the known cases of
 * statistics-data.c: the period chosen, the charts' figures, the CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-chart.h"
#include "luwte-statistics-page.h"
#include "luwte-store.h"
#include "luwte-window.h"
#include "statistics-data.h"

#include <adwaita.h>
#include <string.h>

static char *test_dir;

static void
wait_idle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
quit_loop (GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

static gboolean
time_out (gpointer data)
{
  g_error ("the statistics were not counted within 20 s");
  return G_SOURCE_REMOVE;
}

/* Waits until the page shows the figures it was asked for. */
static void
wait_updated (LuwteStatisticsPage *page)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gulong handler = g_signal_connect_swapped (page, "updated", G_CALLBACK (quit_loop), loop);
  guint timeout = g_timeout_add_seconds (20, time_out, NULL);

  g_main_loop_run (loop);
  g_source_remove (timeout);
  g_signal_handler_disconnect (page, handler);
}

static const char *expected_months[] = {
  "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026",
  "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026",
};

static void
test_statistics_page (void)
{
  g_autofree char *path = g_build_filename (test_dir, "statistics.db", NULL);
  g_autofree char *csv_path = g_build_filename (test_dir, "figures.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *description = NULL;
  const LuwteStatistics *stats;
  LuwteStatisticsPage *page;
  LuwteWindow *window;
  LuwteChart *months;
  LuwteChart *groups;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  statistics_data_fill (store);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  page = luwte_window_get_statistics_page (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  /* Ctrl+3 shows the page, which counts what is there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "statistics"));
  luwte_statistics_page_set_period (page, LUWTE_PERIOD_ALL_TIME);
  wait_updated (page);
  stats = luwte_statistics_page_get_statistics (page);
  g_assert_nonnull (stats);
  g_assert_null (stats->from);
  g_assert_cmpint (stats->cases, ==, 8);

  /* 2026, typed as a period of one's own */
  luwte_statistics_page_set_custom_period (page, "2026-01-01", "2027-01-01");
  wait_updated (page);
  stats = luwte_statistics_page_get_statistics (page);
  g_assert_cmpstr (stats->from, ==, "2026-01-01");
  g_assert_cmpint (stats->cases, ==, 6);
  g_assert_cmpint (stats->closed, ==, 4);

  /* The charts hold those figures, and say them in words. */
  months = LUWTE_CHART (luwte_statistics_page_get_chart (page, 0));
  groups = LUWTE_CHART (luwte_statistics_page_get_chart (page, 1));
  g_assert_cmpuint (luwte_chart_get_n_categories (months), ==, 12);
  g_assert_cmpfloat (luwte_chart_get_total (months, 0), ==, 2);
  g_assert_cmpfloat (luwte_chart_get_total (months, 1), ==, 0);
  g_assert_cmpfloat (luwte_chart_get_total (months, 2), ==, 2);
  g_assert_cmpuint (luwte_chart_get_n_categories (groups), ==, 6);
  g_assert_cmpfloat (luwte_chart_get_total (groups, 1), ==, 2);
  description = luwte_chart_describe (groups);
  g_assert_nonnull (strstr (description, "2 · Be visible on social media and de-escalate: 2 — Worked 0, Partly 1, Did Not Work 1"));
  g_clear_pointer (&description, g_free);
  description = luwte_chart_describe (months);
  g_assert_true (g_str_has_prefix (description, "Jan 2026: 2; Feb 2026: 0; Mar 2026: 2;"));

  /* Every month has its label under its column, the last one too. */
  wait_idle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (months)), >, 0);
  for (guint c = 0; c < 12; c++)
    {
      g_autofree char *label = luwte_chart_get_axis_label (months, c);
      g_autofree char *words = NULL;

      g_assert_nonnull (label);
      words = g_strdelimit (g_strdup (label), "\n", ' ');
      g_assert_cmpstr (words, ==, expected_months[c]);
    }

  /* A date that is not one: the figures stay as they were, once typing
   * has stopped too. */
  luwte_statistics_page_set_custom_period (page, "2026-02-30", NULL);
  {
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

    g_timeout_add_once (1000, (GSourceOnceFunc) g_main_loop_quit, loop);
    g_main_loop_run (loop);
  }
  g_assert_cmpint (luwte_statistics_page_get_statistics (page)->cases, ==, 6);

  /* Export CSV writes what is shown. */
  luwte_statistics_page_set_custom_period (page, "2026-01-01", "2027-01-01");
  wait_updated (page);
  g_assert_true (luwte_statistics_page_export_file (page, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_true (g_str_has_prefix (csv, "figure,key,value\r\nperiod,from,2026-01-01\r\nperiod,to,2027-01-01\r\ncases,total,6\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nsignal_to_close,median_days,3.50\r\n"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("luwte-ui-statistics-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/statistics/page", test_statistics_page);

  status = g_test_run ();
  g_free (test_dir);
  return status;
}
