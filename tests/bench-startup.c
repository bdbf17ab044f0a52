/* bench-startup.c — start-up to the first painted frame of Luwte's main
 * window, and its peak memory by then
 *
 *  1. against a bare GTK 4 window started the same way (issue target 1.25×),
 *     and against a bare libadwaita window, which Luwte cannot start
 *     faster than: it tells libadwaita's share from Luwte's own;
 *  2. with 100,000 demo cases and 1,000,000 log entries against an empty
 *     database (target 1.05× time, 1.2× memory): the case list must not
 *     read every row.
 *
 * Each program is started many times, interleaved, and reports the
 * monotonic time of its first frame and the CPU time it had used by then;
 * the time from just before the spawn to that frame is one sample. Prints
 * medians and ratios; asserts nothing about time.
 *
 * Usage: bench-startup LUWTE BARE-WINDOW BARE-ADW-WINDOW LUWTE-CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-db.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#define RUNS 11

typedef struct {
  gint64 us[RUNS];
  gint64 cpu[RUNS];
  gint64 kb[RUNS];
} Samples;

static void
start_once (const char *program,
            char      **env,
            Samples    *samples,
            int         run)
{
  const char *argv[] = { program, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  gint64 before = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error))
    g_error ("%s: %s", program, error->message);

  line = strstr (out, "first-frame-us ");
  if (line == NULL)
    g_error ("%s painted no frame (exit status %d)", program, status);
  if (run >= 0)
    {
      samples->us[run] = g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10) - before;
      line = strstr (out, "peak-rss-kb ");
      samples->kb[run] = line != NULL ? g_ascii_strtoll (line + strlen ("peak-rss-kb "), NULL, 10) : 0;
      line = strstr (out, "cpu-us ");
      samples->cpu[run] = line != NULL ? g_ascii_strtoll (line + strlen ("cpu-us "), NULL, 10) : 0;
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static double
median (gint64 *values)
{
  qsort (values, RUNS, sizeof (gint64), compare_gint64);
  return (double) values[RUNS / 2];
}

static char **
env_with_db (char       **base,
             const char  *db)
{
  return g_environ_setenv (g_strdupv (base), "LUWTE_DB", db, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("luwte-bench-XXXXXX", NULL);
  g_autofree char *empty_db = g_build_filename (home, "empty.db", NULL);
  g_autofree char *full_db = g_build_filename (home, "full.db", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) empty_env = NULL;
  g_auto(GStrv) full_env = NULL;
  Samples bare = { 0 };
  Samples bare_adw = { 0 };
  Samples empty = { 0 };
  Samples full = { 0 };
  g_autofree char *full_label = NULL;
  double bare_ms, empty_ms, full_ms, bare_kb, empty_kb, full_kb, bare_cpu, empty_cpu, full_cpu;
  double adw_ms, adw_cpu, adw_kb;

  if (argc != 5)
    {
      g_printerr ("usage: bench-startup LUWTE BARE-WINDOW BARE-ADW-WINDOW LUWTE-CLI\n");
      return 2;
    }

  /* No own card, fresh settings, warnings not fatal (no session bus). */
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "LUWTE_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "GDK_DEBUG");
  empty_env = env_with_db (env, empty_db);
  full_env = env_with_db (env, full_db);

  bench_db_make_full (argv[4], full_db);

  /* One unmeasured run each warms the file cache. */
  start_once (argv[1], empty_env, NULL, -1);
  start_once (argv[1], full_env, NULL, -1);
  start_once (argv[2], env, NULL, -1);
  start_once (argv[3], env, NULL, -1);
  for (int i = 0; i < RUNS; i++)
    {
      start_once (argv[2], env, &bare, i);
      start_once (argv[3], env, &bare_adw, i);
      start_once (argv[1], empty_env, &empty, i);
      start_once (argv[1], full_env, &full, i);
    }

  bare_ms = median (bare.us) / 1000;
  adw_ms = median (bare_adw.us) / 1000;
  adw_cpu = median (bare_adw.cpu) / 1000;
  adw_kb = median (bare_adw.kb);
  empty_ms = median (empty.us) / 1000;
  full_ms = median (full.us) / 1000;
  bare_cpu = median (bare.cpu) / 1000;
  empty_cpu = median (empty.cpu) / 1000;
  full_cpu = median (full.cpu) / 1000;
  bare_kb = median (bare.kb);
  empty_kb = median (empty.kb);
  full_kb = median (full.kb);

  full_label = g_strdup_printf ("luwte, %dk cases, %dM notes", BENCH_DB_CASES / 1000, BENCH_DB_NOTES / 1000000);
  /* The CPU time (of all threads, Mesa's included) says what the time
   * would be on a machine with nothing else to do. */
  g_print ("start-up to first frame, median of %d runs:\n", RUNS);
  g_print ("  %-30s %9s  %9s  %9s\n", "", "time", "CPU time", "peak RSS");
  g_print ("  %-30s %6.1f ms  %6.1f ms  %5.1f MiB\n", "bare GTK window", bare_ms, bare_cpu, bare_kb / 1024);
  g_print ("  %-30s %6.1f ms  %6.1f ms  %5.1f MiB\n", "bare libadwaita window", adw_ms, adw_cpu, adw_kb / 1024);
  g_print ("  %-30s %6.1f ms  %6.1f ms  %5.1f MiB\n", "luwte, empty database", empty_ms, empty_cpu, empty_kb / 1024);
  g_print ("  %-30s %6.1f ms  %6.1f ms  %5.1f MiB\n", full_label, full_ms, full_cpu, full_kb / 1024);
  g_print ("  %-30s %9.2f  %9.2f             (target at most 1.25)\n", "luwte / bare window",
           empty_ms / bare_ms, empty_cpu / bare_cpu);
  g_print ("  %-30s %9.2f  %9.2f\n", "libadwaita / bare window", adw_ms / bare_ms, adw_cpu / bare_cpu);
  g_print ("  %-30s %9.2f  %9.2f\n", "luwte / libadwaita window", empty_ms / adw_ms, empty_cpu / adw_cpu);
  g_print ("  %-30s %9.2f  %9.2f             (target at most 1.05)\n", "full / empty, time",
           full_ms / empty_ms, full_cpu / empty_cpu);
  g_print ("  %-30s %31.2f  (target at most 1.2)\n", "full / empty, memory", full_kb / empty_kb);
  bench_db_remove_dir (home);
  return 0;
}
