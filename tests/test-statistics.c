/* test-statistics.c — the figures over a known set of cases, counted by
 * hand (see statistics-data.c), in every shape they leave Luwte in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-statistics.h"
#include "statistics-data.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static LuwteStore *
fresh_store (const char *name,
             gboolean    with_data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "statistics", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  LuwteStore *store;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_remove (path);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  if (with_data)
    statistics_data_fill (store);
  return store;
}

static LuwteStatistics *
statistics (LuwteStore *store,
            const char *from,
            const char *to)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;
  LuwteStatistics *stats = luwte_store_get_statistics (store, card, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

/* "2026-01:2,2026-02:0,…" */
static char *
months_text (const LuwteStatistics *stats)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < stats->months->len; i++)
    {
      const LuwteMonthFigure *month = &g_array_index (stats->months, LuwteMonthFigure, i);

      g_string_append_printf (text, "%s%s:%" G_GINT64_FORMAT, i > 0 ? "," : "", month->month, month->cases);
    }
  return g_string_free (text, FALSE);
}

/* "used:worked/partly/not_worked/unknown/not_evaluated" per group */
static char *
groups_text (const LuwteStatistics *stats)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < LUWTE_N_CARD_GROUPS; i++)
    {
      const LuwteGroupFigure *group = &stats->groups[i];

      g_assert_cmpuint (group->number, ==, i + 1);
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                              "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, i > 0 ? " " : "", group->used,
                              group->effects[LUWTE_EFFECT_WORKED], group->effects[LUWTE_EFFECT_PARTLY],
                              group->effects[LUWTE_EFFECT_NOT_WORKED], group->effects[LUWTE_EFFECT_UNKNOWN],
                              group->effects[LUWTE_EFFECT_NOT_EVALUATED]);
    }
  return g_string_free (text, FALSE);
}

static void
test_year (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("year.db", TRUE);
  g_autoptr(LuwteStatistics) stats = statistics (store, "2026-01-01", "2027-01-01");
  g_autofree char *months = months_text (stats);
  g_autofree char *groups = groups_text (stats);

  g_assert_cmpint (stats->cases, ==, 6);
  g_assert_cmpstr (months, ==, "2026-01:2,2026-02:0,2026-03:2,2026-04:0,2026-05:1,2026-06:1,"
                               "2026-07:0,2026-08:0,2026-09:0,2026-10:0,2026-11:0,2026-12:0");
  g_assert_cmpstr (groups, ==, "1:1/0/0/0/0 2:0/1/1/0/0 2:1/0/0/0/1 1:0/0/0/0/1 1:1/0/0/0/0 1:0/0/0/1/0");
  g_assert_cmpstr (stats->groups[0].id, ==, "restraint");
  g_assert_cmpstr (stats->groups[5].id, ==, "administrative-powers");
  g_assert_cmpint (stats->used_off_card, ==, 1);
  g_assert_cmpint (stats->closed, ==, 4);
  g_assert_cmpfloat_with_epsilon (stats->median_days, 3.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (stats->mean_days, (0.5 + 2 + 5 + 10 + 1.0 / 3) / 4, 1e-6);
}

static void
test_all_time (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("all.db", TRUE);
  g_autoptr(LuwteStatistics) stats = statistics (store, NULL, NULL);
  g_autofree char *months = months_text (stats);
  g_autofree char *groups = groups_text (stats);

  /* From the first case's month to the last one's. */
  g_assert_cmpint (stats->cases, ==, 8);
  g_assert_cmpstr (months, ==, "2025-12:1,2026-01:2,2026-02:0,2026-03:2,2026-04:0,2026-05:1,2026-06:1,"
                               "2026-07:0,2026-08:0,2026-09:0,2026-10:0,2026-11:0,2026-12:0,2027-01:1");
  g_assert_cmpstr (groups, ==, "2:2/0/0/0/0 2:0/1/1/0/0 2:1/0/0/0/1 1:0/0/0/0/1 1:1/0/0/0/0 2:1/0/0/1/0");
  g_assert_cmpint (stats->used_off_card, ==, 1);
  g_assert_cmpint (stats->closed, ==, 4);
  g_assert_cmpfloat_with_epsilon (stats->median_days, 3.5, 1e-6);
}

static void
test_open_bounds (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("bounds.db", TRUE);
  g_autoptr(LuwteStatistics) since = statistics (store, "2026-05-01", NULL);
  g_autoptr(LuwteStatistics) until = statistics (store, NULL, "2026-02-01");
  g_autoptr(LuwteStatistics) huge = statistics (store, "1900-01-01", "2100-01-01");
  g_autoptr(LuwteStatistics) day = statistics (store, "2026-03-01", "2026-03-02");
  g_autofree char *since_months = months_text (since);
  g_autofree char *until_months = months_text (until);
  g_autofree char *huge_months = months_text (huge);
  g_autofree char *day_months = months_text (day);
  g_autofree char *until_groups = groups_text (until);

  g_assert_cmpint (since->cases, ==, 3);
  g_assert_cmpstr (since_months, ==, "2026-05:1,2026-06:1,2026-07:0,2026-08:0,2026-09:0,2026-10:0,2026-11:0,"
                                     "2026-12:0,2027-01:1");
  g_assert_cmpint (since->closed, ==, 1);
  g_assert_cmpfloat_with_epsilon (since->median_days, 10 + 1.0 / 3, 1e-6);
  g_assert_cmpfloat_with_epsilon (since->mean_days, 10 + 1.0 / 3, 1e-6);

  /* "to" is the first day after the period: 1 February is not in it. */
  g_assert_cmpint (until->cases, ==, 3);
  g_assert_cmpstr (until_months, ==, "2025-12:1,2026-01:2");
  g_assert_cmpstr (until_groups, ==, "2:2/0/0/0/0 2:0/1/1/0/0 1:1/0/0/0/0 0:0/0/0/0/0 0:0/0/0/0/0 0:0/0/0/0/0");
  g_assert_cmpint (until->closed, ==, 2);
  g_assert_cmpfloat_with_epsilon (until->median_days, 3.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (until->mean_days, 3.5, 1e-6);

  /* Two centuries of months narrow to the months with cases. */
  g_assert_cmpint (huge->cases, ==, 8);
  g_assert_cmpuint (huge->months->len, ==, 14);
  g_assert_true (g_str_has_prefix (huge_months, "2025-12:1,"));

  /* One day, as written: the case opened at 00:15 on 1 March, which was
   * still February in UTC. */
  g_assert_cmpint (day->cases, ==, 1);
  g_assert_cmpstr (day_months, ==, "2026-03:1");
  g_assert_cmpint (day->groups[3].used, ==, 1);
  g_assert_cmpint (day->closed, ==, 0);
  g_assert_true (isnan (day->median_days));
}

static void
test_empty (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("empty.db", FALSE);
  g_autoptr(LuwteStatistics) all = statistics (store, NULL, NULL);
  g_autoptr(LuwteStatistics) year = statistics (store, "2026-01-01", "2027-01-01");
  g_autoptr(JsonNode) json = luwte_statistics_to_json (all);
  g_autofree char *text = json_to_string (json, FALSE);
  g_autofree char *csv = luwte_statistics_to_csv (all);

  g_assert_cmpint (all->cases, ==, 0);
  g_assert_cmpuint (all->months->len, ==, 0);
  g_assert_cmpint (all->closed, ==, 0);
  g_assert_true (isnan (all->mean_days));
  g_assert_cmpuint (year->months->len, ==, 12);
  g_assert_nonnull (strstr (text, "\"median_days\":null"));
  g_assert_nonnull (strstr (text, "\"from\":null"));
  g_assert_nonnull (strstr (csv, "\r\nsignal_to_close,median_days,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nperiod,from,\r\n"));
}

static void
test_csv (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("csv.db", TRUE);
  g_autoptr(LuwteStatistics) stats = statistics (store, "2026-01-01", "2027-01-01");
  g_autofree char *csv = luwte_statistics_to_csv (stats);
  g_auto(GStrv) lines = NULL;
  static const char * const expected[] = {
    "period,from,2026-01-01", "period,to,2027-01-01", "cases,total,6",
    "cases_per_month,2026-01,2", "cases_per_month,2026-02,0", "cases_per_month,2026-12,0",
    "interventions_used,1,1", "interventions_used,2,2", "interventions_used,6,1", "interventions_used,off_card,1",
    "interventions_effect,2/partly,1", "interventions_effect,2/not_worked,1", "interventions_effect,3/not_evaluated,1",
    "interventions_effect,6/unknown,1", "interventions_effect,6/worked,0",
    "signal_to_close,closed_cases,4", "signal_to_close,median_days,3.50", "signal_to_close,mean_days,4.46",
  };

  /* RFC 4180: CRLF after every record, the header first. */
  g_assert_true (g_str_has_prefix (csv, "figure,key,value\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  /* header, 2 period, total, 12 months, 7 used, 6 × 5 effects, 3 to close, and "" after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 + 1 + 12 + 7 + 30 + 3 + 1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      /* Three fields, none of which needs quotes */
      if (*lines[i] != '\0')
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

          g_assert_cmpuint (g_strv_length (fields), ==, 3);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_strv_contains ((const char * const *) lines, expected[i]))
      g_error ("the CSV has no line “%s”:\n%s", expected[i], csv);
  /* Worked, partly, not worked, unknown, not evaluated: per group, in that order. */
  g_assert_nonnull (strstr (csv, "interventions_effect,1/worked,1\r\ninterventions_effect,1/partly,0\r\n"
                                 "interventions_effect,1/not_worked,0\r\ninterventions_effect,1/unknown,0\r\n"
                                 "interventions_effect,1/not_evaluated,0\r\n"));
}

static void
test_json (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("json.db", TRUE);
  g_autoptr(LuwteStatistics) stats = statistics (store, "2026-01-01", "2027-01-01");
  g_autoptr(JsonNode) root = luwte_statistics_to_json (stats);
  JsonObject *object = json_node_get_object (root);
  JsonArray *months = json_object_get_array_member (object, "cases_per_month");
  JsonArray *groups = json_object_get_array_member (object, "interventions_per_group");
  JsonObject *third = json_array_get_object_element (groups, 2);
  JsonObject *effects = json_object_get_object_member (third, "effects");
  JsonObject *close = json_object_get_object_member (object, "signal_to_close");

  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (object, "to"), ==, "2027-01-01");
  g_assert_cmpint (json_object_get_int_member (object, "cases"), ==, 6);
  g_assert_cmpuint (json_array_get_length (months), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (months, 2), "month"), ==, "2026-03");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (months, 2), "cases"), ==, 2);
  g_assert_cmpuint (json_array_get_length (groups), ==, 6);
  g_assert_cmpint (json_object_get_int_member (third, "group"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (third, "id"), ==, "seek-connection");
  g_assert_cmpint (json_object_get_int_member (third, "used"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (effects, "worked"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (effects, "not_evaluated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (effects, "partly"), ==, 0);
  g_assert_cmpuint (json_object_get_size (effects), ==, 5);
  g_assert_cmpint (json_object_get_int_member (object, "interventions_off_card"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (close, "closed_cases"), ==, 4);
  g_assert_cmpfloat (json_object_get_double_member (close, "median_days"), ==, 3.5);
  g_assert_cmpfloat (json_object_get_double_member (close, "mean_days"), ==, 4.46);
}

static void
test_dates (void)
{
  g_assert_true (luwte_statistics_date_is_valid ("2026-01-01"));
  g_assert_true (luwte_statistics_date_is_valid ("2028-02-29"));
  g_assert_false (luwte_statistics_date_is_valid ("2026-02-29"));
  g_assert_false (luwte_statistics_date_is_valid ("2026-13-01"));
  g_assert_false (luwte_statistics_date_is_valid ("2026-1-01"));
  g_assert_false (luwte_statistics_date_is_valid ("2026-01-01T00:00"));
  g_assert_false (luwte_statistics_date_is_valid ("20260101"));
  g_assert_false (luwte_statistics_date_is_valid ("2026-0a-01"));
  g_assert_false (luwte_statistics_date_is_valid (""));
  g_assert_false (luwte_statistics_date_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/statistics/year", test_year);
  g_test_add_func ("/statistics/all-time", test_all_time);
  g_test_add_func ("/statistics/open-bounds", test_open_bounds);
  g_test_add_func ("/statistics/empty", test_empty);
  g_test_add_func ("/statistics/csv", test_csv);
  g_test_add_func ("/statistics/json", test_json);
  g_test_add_func ("/statistics/dates", test_dates);

  return g_test_run ();
}
