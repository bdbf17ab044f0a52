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

/**
 * luwte_time_parse_typed:
 * @text: "2026-12-31 22:00", "2026-12-31T22:00", or ISO 8601 with or
 *   without seconds and offset; local time when there is no offset
 *
 * Returns: (transfer full) (nullable): ISO 8601 with the offset, "" for
 *   blank @text, %NULL when @text is no time
 */
char *
luwte_time_parse_typed (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*iso == '\0')
    return g_strdup ("");
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  if (strlen (iso) == 16)
    {
      char *with_seconds = g_strconcat (iso, ":00", NULL);
      g_free (iso);
      iso = with_seconds;
    }
  parsed = g_date_time_new_from_iso8601 (iso, local);
  return parsed != NULL ? g_date_time_format (parsed, "%FT%T%:z") : NULL;
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
