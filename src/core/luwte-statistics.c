/* luwte-statistics.c — figures over the cases of a period
 *
 * A period is a range of days [from, to) over the date a case was opened
 * as its opening time was written (in the officer's own offset): the day
 * and month the officer saw, so the months add up to the total. Dates
 * compare as text, so a period is a range scan of an index that holds all
 * a figure needs. Every figure is counted in SQL; only the card, which is
 * not in the database, turns intervention ids into groups, here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-statistics"

#include "config.h"

#include "luwte-statistics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Texts before and after every ISO 8601 time */
#define BEFORE_ALL ""
#define AFTER_ALL  "~"
/* More months than this in a period narrows it to the months with cases. */
#define MAX_MONTHS 600

static void
bind_period (LuwteStmt  *stmt,
             const char *from,
             const char *to)
{
  sqlite3_bind_text (stmt, 1, from != NULL ? from : BEFORE_ALL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to != NULL ? to : AFTER_ALL, -1, SQLITE_TRANSIENT);
}

/**
 * luwte_statistics_date_is_valid:
 *
 * Returns: whether @date is a day of the calendar written as 2026-01-31
 */
gboolean
luwte_statistics_date_is_valid (const char *date)
{
  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  return g_date_valid_dmy ((GDateDay) atoi (date + 8), (GDateMonth) atoi (date + 5), (GDateYear) atoi (date));
}

static int
month_index (int year,
             int month)
{
  return year * 12 + month - 1;
}

/* "2026-09" → its index; -1 when it is not a month */
static int
parse_month (const char *text)
{
  char *end = NULL;
  gint64 year;
  gint64 month;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return -1;
  year = g_ascii_strtoll (text, &end, 10);
  if (end != text + 4)
    return -1;
  month = g_ascii_strtoll (text + 5, &end, 10);
  if (end != text + 7 || year < 1 || month < 1 || month > 12)
    return -1;
  return month_index ((int) year, (int) month);
}

static void
group_figure_clear (LuwteGroupFigure *figure)
{
  g_free (figure->id);
}

void
luwte_statistics_free (LuwteStatistics *self)
{
  if (self == NULL)
    return;
  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->months, g_array_unref);
  for (guint i = 0; i < LUWTE_N_CARD_GROUPS; i++)
    group_figure_clear (&self->groups[i]);
  g_free (self);
}

/* Cases per month, every month of the period, and their total */
static gboolean
count_months (LuwteStatistics  *self,
              LuwteStore       *store,
              GError          **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT substr (opened_at, 1, 7) AS month, count (*) FROM cases"
    " WHERE opened_at >= ?1 AND opened_at < ?2 GROUP BY month ORDER BY month", error);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  int first = -1;
  int last = -1;
  int start;
  int end;
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, self->from, self->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = parse_month ((const char *) sqlite3_column_text (stmt, 0));
      gint64 n = sqlite3_column_int64 (stmt, 1);

      self->cases += n;
      if (month < 0)
        continue;
      g_hash_table_insert (counts, GINT_TO_POINTER (month), g_memdup2 (&n, sizeof n));
      if (first < 0 || month < first)
        first = month;
      last = MAX (last, month);
    }
  if (rc != SQLITE_DONE)
    return luwte_store_set_error (store, rc, error);

  /* The period's own months, with the months of the cases in it. */
  start = self->from != NULL ? month_index (atoi (self->from), atoi (self->from + 5)) : first;
  if (self->to != NULL)
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) atoi (self->to + 8), (GDateMonth) atoi (self->to + 5), (GDateYear) atoi (self->to));
      g_date_subtract_days (&day, 1);
      end = month_index (g_date_get_year (&day), g_date_get_month (&day));
    }
  else
    end = last;
  if (start < 0)
    start = end;
  if (end < 0)
    end = start;
  if (first >= 0)
    {
      if (end - start >= MAX_MONTHS)
        {
          start = MAX (start, first);
          end = MIN (end, last);
        }
      start = MIN (start, first);
      end = MAX (end, last);
    }
  if (start < 0 || end < start || end - start >= MAX_MONTHS)
    return TRUE;

  for (int month = start; month <= end; month++)
    {
      LuwteMonthFigure figure = { { 0 }, 0 };
      gint64 *n = g_hash_table_lookup (counts, GINT_TO_POINTER (month));

      g_snprintf (figure.month, sizeof figure.month, "%04d-%02d", month / 12, month % 12 + 1);
      figure.cases = n != NULL ? *n : 0;
      g_array_append_val (self->months, figure);
    }
  return TRUE;
}

/* Interventions in progress or done, per group and effect: the used ones
 * are read from their index, each checked against the list of the
 * period's cases; a period without bounds needs no list. */
static gboolean
count_interventions (LuwteStatistics  *self,
                     LuwteStore       *store,
                     LuwteCard        *card,
                     GError          **error)
{
  gboolean all = self->from == NULL && self->to == NULL;
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, all
    ? "SELECT card_id, effect, count (*) FROM case_interventions WHERE status IN ('in_progress', 'done')"
      " GROUP BY card_id, effect"
    : "SELECT card_id, effect, count (*) FROM case_interventions WHERE status IN ('in_progress', 'done')"
      " AND case_id IN (SELECT id FROM cases WHERE opened_at >= ?1 AND opened_at < ?2) GROUP BY card_id, effect",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (!all)
    bind_period (stmt, self->from, self->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LuwteCardIntervention *item = luwte_card_find_intervention (card, (const char *) sqlite3_column_text (stmt, 0));
      guint number = item != NULL ? luwte_card_group_get_number (luwte_card_intervention_get_group (item)) : 0;
      gint64 n = sqlite3_column_int64 (stmt, 2);
      LuwteEffect effect = LUWTE_EFFECT_NOT_EVALUATED;

      if (number < 1 || number > LUWTE_N_CARD_GROUPS)
        {
          self->used_off_card += n;
          continue;
        }
      /* The schema allows only the four words, or NULL. */
      luwte_effect_parse ((const char *) sqlite3_column_text (stmt, 1), &effect);
      self->groups[number - 1].used += n;
      self->groups[number - 1].effects[effect] += n;
    }
  if (rc != SQLITE_DONE)
    return luwte_store_set_error (store, rc, error);
  return TRUE;
}

/* From the signal (the case's opening) to its closing, in days */
static gboolean
time_to_close (LuwteStatistics  *self,
               LuwteStore       *store,
               GError          **error)
{
#define CLOSED_DAYS "SELECT julianday (closed_at) - julianday (opened_at) AS days FROM cases" \
  " WHERE status = 'closed' AND opened_at >= ?1 AND opened_at < ?2 AND julianday (closed_at) IS NOT NULL"
  int rc;

  self->median_days = NAN;
  self->mean_days = NAN;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "SELECT count (*), avg (days) FROM (" CLOSED_DAYS ")", error);

    if (stmt == NULL)
      return FALSE;
    bind_period (stmt, self->from, self->to);
    if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
      return luwte_store_set_error (store, rc, error);
    self->closed = sqlite3_column_int64 (stmt, 0);
    if (self->closed == 0)
      return TRUE;
    self->mean_days = sqlite3_column_double (stmt, 1);
  }
  {
    /* The middle one, or the mean of the middle two. */
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "SELECT avg (days) FROM (" CLOSED_DAYS " ORDER BY days LIMIT 2 - ?3 % 2 OFFSET (?3 - 1) / 2)", error);

    if (stmt == NULL)
      return FALSE;
    bind_period (stmt, self->from, self->to);
    sqlite3_bind_int64 (stmt, 3, self->closed);
    if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
      return luwte_store_set_error (store, rc, error);
    self->median_days = sqlite3_column_double (stmt, 0);
  }
  return TRUE;
#undef CLOSED_DAYS
}

/**
 * luwte_store_get_statistics:
 * @card: turns intervention ids into the card's groups
 * @from: (nullable): the first day of the period, e.g. 2026-01-01
 * @to: (nullable): the day after it, e.g. 2027-01-01
 *
 * Counts, over the cases opened on the days [@from, @to): the cases, per month;
 * the interventions used (in progress or done) per group of the card,
 * and their evaluated effect; the time from signal to close of the closed
 * ones, median and mean. One read transaction, so the figures agree.
 *
 * Returns: (transfer full): the figures, or %NULL with @error
 */
LuwteStatistics *
luwte_store_get_statistics (LuwteStore  *store,
                            LuwteCard   *card,
                            const char  *from,
                            const char  *to,
                            GError     **error)
{
  g_autoptr(LuwteStatistics) self = g_new0 (LuwteStatistics, 1);
  sqlite3 *db;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);
  g_return_val_if_fail (LUWTE_IS_CARD (card), NULL);
  g_return_val_if_fail (from == NULL || luwte_statistics_date_is_valid (from), NULL);
  g_return_val_if_fail (to == NULL || luwte_statistics_date_is_valid (to), NULL);

  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->months = g_array_new (FALSE, TRUE, sizeof (LuwteMonthFigure));
  for (guint i = 0; i < LUWTE_N_CARD_GROUPS; i++)
    {
      LuwteCardGroup *group = luwte_card_get_group (card, i + 1);

      self->groups[i].number = i + 1;
      self->groups[i].id = g_strdup (group != NULL ? luwte_card_group_get_id (group) : "");
    }

  db = luwte_store_get_db (store);
  own_transaction = sqlite3_get_autocommit (db);
  if (own_transaction && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      luwte_store_set_error (store, sqlite3_errcode (db), error);
      return NULL;
    }
  ok = count_months (self, store, error) &&
       count_interventions (self, store, card, error) &&
       time_to_close (self, store, error);
  /* Nothing was written: ending the read cannot lose anything. */
  if (own_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&self);
}

/* Days with two decimals, whatever the locale */
static char *
format_days (double days)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", days));
}

/* RFC 4180: a field with a comma, quote or line break goes in quotes,
 * its quotes doubled. */
static void
append_field (GString    *csv,
              const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv, field);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_row (GString    *csv,
            const char *figure,
            const char *key,
            const char *value)
{
  append_field (csv, figure);
  g_string_append_c (csv, ',');
  append_field (csv, key);
  g_string_append_c (csv, ',');
  append_field (csv, value);
  g_string_append (csv, "\r\n");
}

static void
append_count (GString    *csv,
              const char *figure,
              const char *key,
              gint64      value)
{
  char number[32];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value);
  append_row (csv, figure, key, number);
}

/* The order of the effects in the CSV and JSON: not evaluated last */
static const LuwteEffect effect_order[] = {
  LUWTE_EFFECT_WORKED, LUWTE_EFFECT_PARTLY, LUWTE_EFFECT_NOT_WORKED, LUWTE_EFFECT_UNKNOWN, LUWTE_EFFECT_NOT_EVALUATED,
};

static const char *
effect_key (LuwteEffect effect)
{
  return effect == LUWTE_EFFECT_NOT_EVALUATED ? "not_evaluated" : luwte_effect_to_string (effect);
}

/**
 * luwte_statistics_to_csv:
 *
 * One long table, RFC 4180 (CRLF line ends, a header row): `figure,key,value`.
 * The figures: `period` (keys `from`, `to`: a date, or empty when open),
 * `cases` (`total`), `cases_per_month` (`2026-09`), `interventions_used`
 * (the group's number, and `off_card`), `interventions_effect`
 * (`3/worked`: group and effect, also `partly`, `not_worked`, `unknown`,
 * `not_evaluated`), `signal_to_close` (`closed_cases`, `median_days`,
 * `mean_days`; the days empty without closed cases).
 *
 * Returns: (transfer full): the figures as CSV
 */
char *
luwte_statistics_to_csv (const LuwteStatistics *self)
{
  GString *csv = g_string_new (NULL);
  g_autofree char *median = self->closed > 0 ? format_days (self->median_days) : g_strdup ("");
  g_autofree char *mean = self->closed > 0 ? format_days (self->mean_days) : g_strdup ("");

  append_row (csv, "figure", "key", "value");
  append_row (csv, "period", "from", self->from != NULL ? self->from : "");
  append_row (csv, "period", "to", self->to != NULL ? self->to : "");
  append_count (csv, "cases", "total", self->cases);
  for (guint i = 0; i < self->months->len; i++)
    {
      const LuwteMonthFigure *month = &g_array_index (self->months, LuwteMonthFigure, i);

      append_count (csv, "cases_per_month", month->month, month->cases);
    }
  for (guint i = 0; i < LUWTE_N_CARD_GROUPS; i++)
    {
      char key[8];

      g_snprintf (key, sizeof key, "%u", self->groups[i].number);
      append_count (csv, "interventions_used", key, self->groups[i].used);
    }
  append_count (csv, "interventions_used", "off_card", self->used_off_card);
  for (guint i = 0; i < LUWTE_N_CARD_GROUPS; i++)
    for (guint e = 0; e < G_N_ELEMENTS (effect_order); e++)
      {
        LuwteEffect effect = effect_order[e];
        g_autofree char *key = g_strdup_printf ("%u/%s", self->groups[i].number, effect_key (effect));

        append_count (csv, "interventions_effect", key, self->groups[i].effects[effect]);
      }
  append_count (csv, "signal_to_close", "closed_cases", self->closed);
  append_row (csv, "signal_to_close", "median_days", median);
  append_row (csv, "signal_to_close", "mean_days", mean);
  return g_string_free (csv, FALSE);
}

static void
add_days (JsonBuilder *builder,
          const char  *key,
          gint64       closed,
          double       days)
{
  json_builder_set_member_name (builder, key);
  if (closed > 0)
    json_builder_add_double_value (builder, round (days * 100.0) / 100.0);
  else
    json_builder_add_null_value (builder);
}

static void
add_bound (JsonBuilder *builder,
           const char  *key,
           const char  *bound)
{
  json_builder_set_member_name (builder, key);
  if (bound != NULL)
    json_builder_add_string_value (builder, bound);
  else
    json_builder_add_null_value (builder);
}

/**
 * luwte_statistics_to_json:
 *
 * `{ "from", "to", "cases", "cases_per_month": [ { "month", "cases" } ],
 * "interventions_per_group": [ { "group", "id", "used", "effects": { "worked",
 * "partly", "not_worked", "unknown", "not_evaluated" } } ], "interventions_off_card",
 * "signal_to_close": { "closed_cases", "median_days", "mean_days" } }`;
 * days have two decimals, null without closed cases.
 *
 * Returns: (transfer full): the figures as JSON
 */
JsonNode *
luwte_statistics_to_json (const LuwteStatistics *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_bound (builder, "from", self->from);
  add_bound (builder, "to", self->to);
  json_builder_set_member_name (builder, "cases");
  json_builder_add_int_value (builder, self->cases);

  json_builder_set_member_name (builder, "cases_per_month");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->months->len; i++)
    {
      const LuwteMonthFigure *month = &g_array_index (self->months, LuwteMonthFigure, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "month");
      json_builder_add_string_value (builder, month->month);
      json_builder_set_member_name (builder, "cases");
      json_builder_add_int_value (builder, month->cases);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "interventions_per_group");
  json_builder_begin_array (builder);
  for (guint i = 0; i < LUWTE_N_CARD_GROUPS; i++)
    {
      const LuwteGroupFigure *group = &self->groups[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "group");
      json_builder_add_int_value (builder, group->number);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, group->id);
      json_builder_set_member_name (builder, "used");
      json_builder_add_int_value (builder, group->used);
      json_builder_set_member_name (builder, "effects");
      json_builder_begin_object (builder);
      for (guint e = 0; e < G_N_ELEMENTS (effect_order); e++)
        {
          LuwteEffect effect = effect_order[e];

          json_builder_set_member_name (builder, effect_key (effect));
          json_builder_add_int_value (builder, group->effects[effect]);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "interventions_off_card");
  json_builder_add_int_value (builder, self->used_off_card);

  json_builder_set_member_name (builder, "signal_to_close");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "closed_cases");
  json_builder_add_int_value (builder, self->closed);
  add_days (builder, "median_days", self->closed, self->median_days);
  add_days (builder, "mean_days", self->closed, self->mean_days);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
