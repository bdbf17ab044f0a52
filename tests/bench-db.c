/* bench-db.c — the large database the benchmarks run against
 *
 * `luwte-cli demo` makes 100,000 realistic cases with some 3.5 notes each;
 * the log entries are then topped up to 1,000,000, spread over all cases,
 * in one statement: writing them one by one through the store would take
 * the benchmark's whole time budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-db.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

/* 7919 is prime and shares no factor with the number of cases, so the
 * added entries go round all cases evenly. */
#define TOP_UP_SQL \
  "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?1)," \
  " c (lo, span) AS (SELECT min (id), max (id) - min (id) + 1 FROM cases)" \
  " INSERT INTO notes (case_id, at, kind, party, text, created_at)" \
  " SELECT lo + (i * 7919) % span," \
  "        strftime ('%Y-%m-%dT%H:%M:00+01:00', julianday ('2026-01-01') + (i % 525600) / 1440.0)," \
  "        CASE i % 4 WHEN 0 THEN 'information' WHEN 1 THEN 'agreement' WHEN 2 THEN 'decision' ELSE 'action' END," \
  "        CASE i % 3 WHEN 0 THEN 'Politie' WHEN 1 THEN 'Jongerenwerk' ELSE '' END," \
  "        'Logregel ' || i || ': overleg over het toezicht bij het winkelcentrum en de berichten die rondgaan.'," \
  "        '2026-01-01T09:00:00+01:00'" \
  " FROM n, c"

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Makes PATH hold BENCH_DB_CASES demo cases and exactly BENCH_DB_NOTES
 * log entries; aborts on any failure. */
void
bench_db_make_full (const char *luwte_cli,
                    const char *path)
{
  g_autofree char *cases = g_strdup_printf ("%d", BENCH_DB_CASES);
  const char *demo[] = { luwte_cli, "--db", path, "demo", "--cases", cases, "--seed", "1", NULL };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int status = 0;
  gint64 missing;

  if (!g_spawn_sync (NULL, (char **) demo, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("making the demo database: %s", error->message);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "BEGIN IMMEDIATE");
  if (count_rows (db, "SELECT count (*) FROM cases") != BENCH_DB_CASES)
    g_error ("the demo made the wrong number of cases");
  missing = BENCH_DB_NOTES - count_rows (db, "SELECT count (*) FROM notes");
  if (missing > 0)
    {
      if (sqlite3_prepare_v2 (db, TOP_UP_SQL, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("adding notes: %s", sqlite3_errmsg (db));
      sqlite3_bind_int64 (stmt, 1, missing);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("adding notes: %s", sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }
  if (count_rows (db, "SELECT count (*) FROM notes") != BENCH_DB_NOTES)
    g_error ("the benchmark database does not hold %d notes", BENCH_DB_NOTES);
  exec_or_die (db, "COMMIT");
  /* Fold the write-ahead log in, so every run starts from the same file. */
  exec_or_die (db, "PRAGMA wal_checkpoint (TRUNCATE)");
  sqlite3_close (db);
}

/* Removes PATH and everything in it: the databases are large. */
void
bench_db_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bench_db_remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
