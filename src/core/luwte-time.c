/* luwte-time.c — times as officers type them and as the store keeps them
 *
 * The store keeps ISO 8601 with an offset, so a case means the same moment
 * wherever it travels; people type "2026-12-31 22:00" and read local time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-time"

#include "config.h"

#include "luwte-time.h"

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
