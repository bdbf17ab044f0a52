/* statistics-data.c — a small set of cases whose figures are known by hand
 *
 * Eight made-up cases, written straight into the tables so their times
 * are exactly as given. In 2026 (the days [2026-01-01, 2027-01-01)):
 *
 *   case opened (as written)        status      closed after   used interventions (group: effect)
 *   1    2026-01-10 10:00 +01:00    closed      2 days         1: worked, 2: partly
 *   2    2026-01-31 23:30 +01:00    closed      5 days         2: not worked, 3: worked
 *   3    2026-03-01 00:15 +01:00    active      —              4: not evaluated
 *   4    2026-03-15 12:00 +01:00    closed      12 hours       6: unknown, 5: worked
 *   5    2026-05-01 08:00 +02:00    closed      10 days 8 h    3: not evaluated
 *   8    2026-06-01 09:00 +02:00    monitoring  —              an id not on the card
 *
 * and outside it: case 6, 2025-12-31 23:59 +01:00 (1: worked), case 7,
 * 2027-01-01 00:00 +01:00 (6: worked). Case 3 was opened on 1 March as
 * written, which is still February in UTC: it counts in March. Each case
 * also has interventions that were not used (considered, planned,
 * dropped), which count nowhere.
 *
 * In 2026: 6 cases; per month 2, 0, 2, 0, 1, 1, 0, 0, 0, 0, 0, 0; used per
 * group 1, 2, 2, 1, 1, 1 and 1 off the card; closed 4, after 0.5, 2, 5 and
 * 10⅓ days: median 3.5, mean 4.458….
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "statistics-data.h"

#include <sqlite3.h>

static const char data[] =
  "INSERT INTO cases (id, reference, ref_prefix, ref_year, ref_number, title, status, opened_at, closed_at, updated_at) VALUES"
  " (1, 'T-2026-0001', 'T', 2026, 1, 'Een', 'closed', '2026-01-10T10:00:00+01:00', '2026-01-12T10:00:00+01:00', '2026-01-12T10:00:00+01:00'),"
  " (2, 'T-2026-0002', 'T', 2026, 2, 'Twee', 'closed', '2026-01-31T23:30:00+01:00', '2026-02-05T23:30:00+01:00', '2026-02-05T23:30:00+01:00'),"
  " (3, 'T-2026-0003', 'T', 2026, 3, 'Drie', 'active', '2026-03-01T00:15:00+01:00', NULL, '2026-03-01T00:15:00+01:00'),"
  " (4, 'T-2026-0004', 'T', 2026, 4, 'Vier', 'closed', '2026-03-15T12:00:00+01:00', '2026-03-16T00:00:00+01:00', '2026-03-16T00:00:00+01:00'),"
  " (5, 'T-2026-0005', 'T', 2026, 5, 'Vijf', 'closed', '2026-05-01T08:00:00+02:00', '2026-05-11T16:00:00+02:00', '2026-05-11T16:00:00+02:00'),"
  " (6, 'T-2025-0001', 'T', 2025, 1, 'Zes', 'active', '2025-12-31T23:59:00+01:00', NULL, '2025-12-31T23:59:00+01:00'),"
  " (7, 'T-2027-0001', 'T', 2027, 1, 'Zeven', 'signal', '2027-01-01T00:00:00+01:00', NULL, '2027-01-01T00:00:00+01:00'),"
  " (8, 'T-2026-0006', 'T', 2026, 6, 'Acht', 'monitoring', '2026-06-01T09:00:00+02:00', NULL, '2026-06-01T09:00:00+02:00');"
  "INSERT INTO case_interventions (case_id, card_id, card_version, status, effect, created_at, updated_at) VALUES"
  " (1, 'do-nothing', '1', 'done', 'worked', '', ''),"
  " (1, 'digital-community-officer', '1', 'in_progress', 'partly', '', ''),"
  " (1, 'emergency-order', '1', 'considered', NULL, '', ''),"
  " (2, 'digital-community-officer', '1', 'done', 'not_worked', '', ''),"
  " (2, 'letter-to-parents-youths', '1', 'done', 'worked', '', ''),"
  " (2, 'notice-and-takedown', '1', 'dropped', 'unknown', '', ''),"
  " (3, 'mayor-video-message', '1', 'planned', NULL, '', ''),"
  " (3, 'engage-key-figures', '1', 'in_progress', NULL, '', ''),"
  " (4, 'emergency-order', '1', 'done', 'unknown', '', ''),"
  " (4, 'notice-and-takedown', '1', 'done', 'worked', '', ''),"
  " (5, 'letter-to-parents-youths', '1', 'done', NULL, '', ''),"
  " (6, 'do-nothing', '1', 'done', 'worked', '', ''),"
  " (7, 'emergency-order', '1', 'done', 'worked', '', ''),"
  " (8, 'retired-intervention', '1', 'done', NULL, '', '');";

/* Fills a fresh store with the cases above. */
void
statistics_data_fill (LuwteStore *store)
{
  char *message = NULL;

  if (sqlite3_exec (luwte_store_get_db (store), data, NULL, NULL, &message) != SQLITE_OK)
    g_error ("statistics data: %s", message);
}
