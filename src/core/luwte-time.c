/* luwte-time.c — times as officers type them, as the store keeps them and as letters write them
 *
 * The store keeps ISO 8601 with an offset, so a case means the same moment
 * wherever it travels; people type "2026-12-31 22:00" and read local time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-time"

#include "config.h"

#include "luwte-time.h"

#include <stdlib.h>
#include <string.h>

/* Words officers type for a day, in Dutch and English: weekdays (Monday
 * first, as GLib counts) in full and short, and days counted from today. */
static const struct {
  const char *word;
  int         weekday;   /* 1-7, or 0 */
  int         from_today;
} day_words[] = {
  { "maandag", 1, 0 }, { "ma", 1, 0 }, { "monday", 1, 0 }, { "mon", 1, 0 },
  { "dinsdag", 2, 0 }, { "di", 2, 0 }, { "tuesday", 2, 0 }, { "tue", 2, 0 },
  { "woensdag", 3, 0 }, { "wo", 3, 0 }, { "wednesday", 3, 0 }, { "wed", 3, 0 },
  { "donderdag", 4, 0 }, { "do", 4, 0 }, { "thursday", 4, 0 }, { "thu", 4, 0 },
  { "vrijdag", 5, 0 }, { "vr", 5, 0 }, { "friday", 5, 0 }, { "fri", 5, 0 },
  { "zaterdag", 6, 0 }, { "za", 6, 0 }, { "saturday", 6, 0 }, { "sat", 6, 0 },
  { "zondag", 7, 0 }, { "zo", 7, 0 }, { "sunday", 7, 0 }, { "sun", 7, 0 },
  { "vandaag", 0, 0 }, { "today", 0, 0 }, { "vanavond", 0, 0 }, { "tonight", 0, 0 },
  { "morgen", 0, 1 }, { "tomorrow", 0, 1 }, { "overmorgen", 0, 2 },
  { "gisteren", 0, -1 }, { "yesterday", 0, -1 }, { "eergisteren", 0, -2 },
};

static const char * const typed_months[] = {
  "jan", "feb", "mrt|mar", "apr", "mei|may", "jun", "jul", "aug", "sep", "okt|oct", "nov", "dec",
};

/* A month by its name or abbreviation in either language: 1-12, or 0. */
static int
month_from_word (const char *word)
{
  for (int m = 0; m < 12; m++)
    {
      g_auto(GStrv) stems = g_strsplit (typed_months[m], "|", -1);

      for (guint i = 0; stems[i] != NULL; i++)
        if (g_str_has_prefix (word, stems[i]) && strlen (word) <= 9)
          return m + 1;
      /* "maart", "march" do not start with "mrt" or "mar…" alike */
      if (m == 2 && (g_str_equal (word, "maart") || g_str_equal (word, "march")))
        return 3;
    }
  return 0;
}

/* "22:00", "22.00", "9:30": hour and minute. */
static gboolean
parse_clock (const char *word,
             int        *hour,
             int        *minute)
{
  char *end = NULL;
  long h = strtol (word, &end, 10);
  long m;

  if (end == word || (*end != ':' && *end != '.') || end - word > 2)
    return FALSE;
  word = end + 1;
  m = strtol (word, &end, 10);
  if (end - word != 2 || *end != '\0' || h < 0 || h > 23 || m < 0 || m > 59)
    return FALSE;
  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

/* "4-12-2026", "4/12", "04.12.2026": day first, as in the Netherlands;
 * without a year, this year. */
static gboolean
parse_numeric_date (const char *word,
                    int        *year,
                    int        *month,
                    int        *day)
{
  g_auto(GStrv) parts = g_strsplit_set (word, "-/.", -1);
  guint n = g_strv_length (parts);
  char *end = NULL;

  /* "22.00" is a clock time; a date with dots has its year. */
  if (n < 2 || n > 3 || (n == 2 && strchr (word, '.') != NULL))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (*parts[i] == '\0' || strspn (parts[i], "0123456789") != strlen (parts[i]))
      return FALSE;
  *day = (int) strtol (parts[0], &end, 10);
  *month = (int) strtol (parts[1], &end, 10);
  if (n == 3)
    {
      if (strlen (parts[2]) != 4 && strlen (parts[2]) != 2)
        return FALSE;
      *year = (int) strtol (parts[2], &end, 10);
      if (strlen (parts[2]) == 2)
        *year += 2000;
    }
  return strlen (parts[0]) <= 2 && strlen (parts[1]) <= 2;
}

/* The ways of writing a time that are not ISO 8601: a day (a date, a
 * date with the month's name, a weekday, today, tomorrow…) and a clock
 * time, or a clock time alone for today. A weekday is its next one,
 * today included while that time is still to come. */
static GDateTime *
parse_spoken (const char *text,
              GDateTime  *now)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  int day = g_date_time_get_day_of_month (now);
  int hour = -1, minute = -1;
  int weekday = 0, from_today = 0;
  gboolean dated = FALSE;
  GDateTime *result;

  g_strdelimit (lower, ",", ' ');
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !g_str_equal (words[i], "om") && !g_str_equal (words[i], "at") &&
        !g_str_equal (words[i], "uur") && !g_str_equal (words[i], "u"))
      g_ptr_array_add (kept, words[i]);

  for (guint i = 0; i < kept->len; i++)
    {
      const char *word = g_ptr_array_index (kept, i);
      int named_month = 0;
      gboolean known = FALSE;

      if (hour < 0 && parse_clock (word, &hour, &minute))
        continue;
      if (!dated && parse_numeric_date (word, &year, &month, &day))
        {
          dated = TRUE;
          continue;
        }
      /* "4 dec", "4 december 2026" */
      if (!dated && i + 1 < kept->len && strspn (word, "0123456789") == strlen (word) && strlen (word) <= 2 &&
          (named_month = month_from_word (g_ptr_array_index (kept, i + 1))) != 0)
        {
          const char *after = i + 2 < kept->len ? g_ptr_array_index (kept, i + 2) : NULL;

          day = atoi (word);
          month = named_month;
          dated = TRUE;
          i++;
          if (after != NULL && strlen (after) == 4 && strspn (after, "0123456789") == 4)
            {
              year = atoi (after);
              i++;
            }
          continue;
        }
      for (guint w = 0; w < G_N_ELEMENTS (day_words) && !known; w++)
        if (g_str_equal (word, day_words[w].word))
          {
            weekday = day_words[w].weekday;
            from_today = day_words[w].from_today;
            known = TRUE;
          }
      if (!known)
        return NULL;
    }
  if (hour < 0)
    return NULL;

  result = g_date_time_new (g_date_time_get_timezone (now), year, month, day, hour, minute, 0);
  if (result == NULL || dated)
    return result;
  {
    GDateTime *moved = g_date_time_add_days (result, from_today);

    g_date_time_unref (result);
    result = moved;
  }
  if (weekday != 0)
    {
      int ahead = (weekday - g_date_time_get_day_of_week (now) + 7) % 7;
      GDateTime *moved;

      if (ahead == 0 && g_date_time_compare (result, now) < 0)
        ahead = 7;
      moved = g_date_time_add_days (result, ahead);
      g_date_time_unref (result);
      result = moved;
    }
  return result;
}

/**
 * luwte_time_parse_typed_at:
 * @text: "2026-12-31 22:00", "2026-12-31T22:00", ISO 8601 with or
 *   without seconds and offset; or a day and a clock time as people
 *   write them: "31-12-2026 22:00", "31 dec 22.00", "vrijdag 22:00",
 *   "morgen 9:30", "22:00" (today). Local time when there is no offset.
 * @now: the moment "today" and weekdays count from
 *
 * Returns: (transfer full) (nullable): ISO 8601 with the offset, "" for
 *   blank @text, %NULL when @text is no time
 */
char *
luwte_time_parse_typed_at (const char *text,
                           GDateTime  *now)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (now != NULL, NULL);

  if (*iso == '\0')
    return g_strdup ("");
  if (strlen (iso) > 200)
    return NULL;
  {
    g_autofree char *spoken = g_strdup (iso);

    if (strlen (iso) > 10 && iso[10] == ' ')
      iso[10] = 'T';
    if (strlen (iso) == 16)
      {
        char *with_seconds = g_strconcat (iso, ":00", NULL);
        g_free (iso);
        iso = with_seconds;
      }
    parsed = g_date_time_new_from_iso8601 (iso, g_date_time_get_timezone (now));
    if (parsed == NULL && g_utf8_validate (spoken, -1, NULL))
      parsed = parse_spoken (spoken, now);
  }
  return parsed != NULL ? g_date_time_format (parsed, "%FT%T%:z") : NULL;
}

/**
 * luwte_time_parse_typed:
 *
 * luwte_time_parse_typed_at() from now, in local time.
 *
 * Returns: (transfer full) (nullable): ISO 8601 with the offset, "" for
 *   blank @text, %NULL when @text is no time
 */
char *
luwte_time_parse_typed (const char *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return luwte_time_parse_typed_at (text, now);
}

/**
 * luwte_time_format_local:
 * @iso: (nullable): a stored time
 * @format: a g_date_time_format() format
 *
 * Returns: (transfer full): @iso in local time, "" for %NULL, @iso itself
 *   when it cannot be read
 */
char *
luwte_time_format_local (const char *iso,
                         const char *format)
{
  g_autoptr(GDateTime) parsed = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = parsed != NULL ? g_date_time_to_local (parsed) : NULL;

  if (iso == NULL)
    return g_strdup ("");
  return local != NULL ? g_date_time_format (local, format) : g_strdup (iso);
}

/* Letters are written in their own language whatever the process locale
 * is, so the names come from here and not from strftime(). */
static const char * const month_names[2][12] = {
  [LUWTE_LANGUAGE_NL] = { "januari", "februari", "maart", "april", "mei", "juni", "juli",
                          "augustus", "september", "oktober", "november", "december" },
  [LUWTE_LANGUAGE_EN] = { "January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December" },
};

static const char * const month_abbreviations[2][12] = {
  [LUWTE_LANGUAGE_NL] = { "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec" },
  [LUWTE_LANGUAGE_EN] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
};

/* Monday first, as g_date_time_get_day_of_week() counts. */
static const char * const day_names[2][7] = {
  [LUWTE_LANGUAGE_NL] = { "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag" },
  [LUWTE_LANGUAGE_EN] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
};

/**
 * luwte_time_format_long_date:
 * @time: a time, in the time zone the letter speaks of
 * @language: the letter's language
 *
 * Returns: (transfer full): "12 september 2026" or "12 September 2026"
 */
char *
luwte_time_format_long_date (GDateTime     *time,
                             LuwteLanguage  language)
{
  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (language == LUWTE_LANGUAGE_NL || language == LUWTE_LANGUAGE_EN, NULL);

  return g_strdup_printf ("%d %s %d",
                          g_date_time_get_day_of_month (time),
                          month_names[language][g_date_time_get_month (time) - 1],
                          g_date_time_get_year (time));
}

/**
 * luwte_time_format_long_datetime:
 * @time: a time, in the time zone the letter speaks of
 * @language: the letter's language
 *
 * Returns: (transfer full): "vrijdag 12 september 2026 om 21.00 uur" or
 *   "Friday 12 September 2026 at 21:00", as each language writes the hour
 */
char *
luwte_time_format_long_datetime (GDateTime     *time,
                                 LuwteLanguage  language)
{
  g_autofree char *date = NULL;
  const char *day;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (language == LUWTE_LANGUAGE_NL || language == LUWTE_LANGUAGE_EN, NULL);

  date = luwte_time_format_long_date (time, language);
  day = day_names[language][g_date_time_get_day_of_week (time) - 1];
  if (language == LUWTE_LANGUAGE_NL)
    return g_strdup_printf ("%s %s om %d.%02d uur", day, date,
                            g_date_time_get_hour (time), g_date_time_get_minute (time));
  return g_strdup_printf ("%s %s at %02d:%02d", day, date,
                          g_date_time_get_hour (time), g_date_time_get_minute (time));
}

/**
 * luwte_time_format_month:
 * @month: "2026-09", as the statistics count months
 *
 * Returns: (transfer full): "sep 2026" or "Sep 2026"; @month itself when
 *   it is not a month
 */
char *
luwte_time_format_month (const char    *month,
                         LuwteLanguage  language)
{
  int number;

  g_return_val_if_fail (month != NULL, NULL);
  g_return_val_if_fail (language == LUWTE_LANGUAGE_NL || language == LUWTE_LANGUAGE_EN, NULL);

  number = strlen (month) == 7 && month[4] == '-' ? atoi (month + 5) : 0;
  if (number < 1 || number > 12)
    return g_strdup (month);
  return g_strdup_printf ("%s %.4s", month_abbreviations[language][number - 1], month);
}
