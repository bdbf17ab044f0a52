/* bench-startup.c — start-up to the first painted frame of Luwte's main
 * window, against a bare GTK 4 window started the same way
 *
 * Each program is started many times, alternating, and reports the
 * monotonic time of its first frame; the time from just before the spawn to
 * that frame is one sample. Prints medians and their ratio; asserts nothing
 * about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#define RUNS 15

static gint64
start_once (const char *program,
            char      **env)
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
  return g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10) - before;
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
median_ms (gint64 *samples)
{
  qsort (samples, RUNS, sizeof (gint64), compare_gint64);
  return samples[RUNS / 2] / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("luwte-bench-XXXXXX", NULL);
  g_auto(GStrv) env = g_get_environ ();
  gint64 luwte[RUNS];
  gint64 bare[RUNS];
  double luwte_ms;
  double bare_ms;

  if (argc != 3)
    {
      g_printerr ("usage: bench-startup LUWTE BARE-WINDOW\n");
      return 2;
    }

  /* No own card and fresh settings, warnings not fatal (no session bus). */
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "LUWTE_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "GDK_DEBUG");

  /* One unmeasured run each warms the file cache. */
  start_once (argv[1], env);
  start_once (argv[2], env);
  for (int i = 0; i < RUNS; i++)
    {
      luwte[i] = start_once (argv[1], env);
      bare[i] = start_once (argv[2], env);
    }

  luwte_ms = median_ms (luwte);
  bare_ms = median_ms (bare);
  g_print ("start-up to first frame, median of %d runs:\n", RUNS);
  g_print ("  luwte        %7.1f ms\n", luwte_ms);
  g_print ("  bare window  %7.1f ms\n", bare_ms);
  g_print ("  ratio        %7.2f (target at most 1.25)\n", luwte_ms / bare_ms);
  return 0;
}
