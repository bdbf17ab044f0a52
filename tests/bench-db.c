/* bench-db.c — the large database the benchmarks run against
 *
 * `luwte-cli demo` makes 100,000 realistic cases with exactly 1,000,000
 * log entries spread over them, and indexes them for search once, at the
 * end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-db.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

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
  g_autofree char *notes = g_strdup_printf ("%d", BENCH_DB_NOTES);
  const char *demo[] = { luwte_cli, "--db", path, "demo", "--cases", cases, "--notes", notes, "--seed", "1", NULL };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) demo, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("making the demo database: %s", error->message);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  if (count_rows (db, "SELECT count (*) FROM cases") != BENCH_DB_CASES)
    g_error ("the demo made the wrong number of cases");
  if (count_rows (db, "SELECT count (*) FROM notes") != BENCH_DB_NOTES)
    g_error ("the benchmark database does not hold %d notes", BENCH_DB_NOTES);
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
