/* fuzz-time.c — the typed-time reader on any bytes at all
 *
 * What an officer types in a time field goes to luwte_time_parse_typed():
 * whatever it is, the answer is a time in ISO 8601 that reads back as the
 * same moment, "" for nothing, or NULL; never a crash, a hang or a leak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-time.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GTimeZone) winter = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) now = g_date_time_new (winter, 2026, 12, 4, 16, 30, 0);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *stored = luwte_time_parse_typed_at (text, now);

  if (stored != NULL && *stored != '\0')
    {
      g_autoptr(GDateTime) again = g_date_time_new_from_iso8601 (stored, NULL);
      g_autofree char *same = NULL;

      /* What is stored reads back, and reading it again changes nothing. */
      g_assert (again != NULL);
      same = luwte_time_parse_typed_at (stored, now);
      g_assert (same != NULL && strcmp (same, stored) == 0);
    }
  return 0;
}
