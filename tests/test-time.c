/* test-time.c — times as officers type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-time.h"

/* Friday 4 December 2026, 16:30, an hour east of UTC as Amsterdam is
 * in winter (a fixed offset: a bare machine may have no time zone data). */
static GDateTime *
friday_afternoon (void)
{
  g_autoptr(GTimeZone) winter = g_time_zone_new_offset (3600);

  return g_date_time_new (winter, 2026, 12, 4, 16, 30, 0);
}

static void
test_typed_forms (void)
{
  g_autoptr(GDateTime) now = friday_afternoon ();
  static const struct {
    const char *typed;
    const char *stored;
  } cases[] = {
    /* As before: ISO 8601, with or without the T, seconds and offset. */
    { "2026-12-31 22:00", "2026-12-31T22:00:00+01:00" },
    { "2026-12-31T22:00:15", "2026-12-31T22:00:15+01:00" },
    { "2026-07-01T09:00:00+02:00", "2026-07-01T09:00:00+02:00" },
    { "", "" },
    { "   ", "" },
    /* Day first, as written in the Netherlands. */
    { "31-12-2026 22:00", "2026-12-31T22:00:00+01:00" },
    { "4/1/2027 9:05", "2027-01-04T09:05:00+01:00" },
    { "31.12.2026 22.00", "2026-12-31T22:00:00+01:00" },
    { "31-12 22:00", "2026-12-31T22:00:00+01:00" },
    { "31-12-26 22:00", "2026-12-31T22:00:00+01:00" },
    { "22:00 31-12-2026", "2026-12-31T22:00:00+01:00" },
    /* The month by name, in either language. */
    { "31 dec 22.00", "2026-12-31T22:00:00+01:00" },
    { "1 maart 2027 om 9:00", "2027-03-01T09:00:00+01:00" },
    { "1 March 2027 at 9:00", "2027-03-01T09:00:00+01:00" },
    { "15 okt, 20:00 uur", "2026-10-15T20:00:00+01:00" },
    /* A clock time alone is today; days counted from today. */
    { "22:00", "2026-12-04T22:00:00+01:00" },
    { "vanavond 22:00", "2026-12-04T22:00:00+01:00" },
    { "Morgen 9:30", "2026-12-05T09:30:00+01:00" },
    { "tomorrow 09:30", "2026-12-05T09:30:00+01:00" },
    { "overmorgen 10:00", "2026-12-06T10:00:00+01:00" },
    { "gisteren 23:15", "2026-12-03T23:15:00+01:00" },
    /* A weekday is its next one; today while the time is to come. */
    { "vrijdag 22:00", "2026-12-04T22:00:00+01:00" },
    { "vr 12:00", "2026-12-11T12:00:00+01:00" },
    { "zaterdag 01:00", "2026-12-05T01:00:00+01:00" },
    { "Monday 8:00", "2026-12-07T08:00:00+01:00" },
    { "do 14:00", "2026-12-10T14:00:00+01:00" },
    /* A weekday with a date: the date counts. */
    { "vrijdag 11-12 22:00", "2026-12-11T22:00:00+01:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = luwte_time_parse_typed_at (cases[i].typed, now);

      g_test_message ("%s", cases[i].typed);
      g_assert_cmpstr (stored, ==, cases[i].stored);
    }
}

/* What is not a time is refused, never guessed at. */
static void
test_not_times (void)
{
  g_autoptr(GDateTime) now = friday_afternoon ();
  static const char * const refused[] = {
    "vrijdag", "31-12-2026", "morgen", "volgende week", "22", "25:00", "22:61", "31-13-2026 10:00",
    "30-02-2027 10:00", "4.12 22.00 extra", "vrijdag vrijdag", "22:00 23:00x", "1 smarch 10:00",
    "12-2026-31 10:00", "2026-31-12 22:00", "-1-12-2026 10:00", "\xff\xfe 10:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *stored = luwte_time_parse_typed_at (refused[i], now);
      g_autofree char *shown = g_strescape (refused[i], NULL);

      g_test_message ("%s", shown);
      g_assert_null (stored);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/typed-forms", test_typed_forms);
  g_test_add_func ("/time/not-times", test_not_times);
  return g_test_run ();
}
