/* bench-search-typing.c — searching 100,000 cases while the user types:
 * the time of each search inside the process (a rare and a common word),
 * and how long the main thread is busy per frame while a query is typed
 * into the case list's search field, one key every 120 ms.
 *
 * A frame's main-thread time is measured from the frame clock's "update"
 * to its "after-paint", for the frames from the first keystroke on; the
 * search itself runs in a worker thread. Work between frames (a new
 * answer reaching the list) counts too: a 1 ms timer on the main loop
 * says how late it ran, which is how long a key press would have waited.
 * Typing starts a second after the window is shown, as a user's would:
 * in that second the window settles (it makes the search panel and the
 * rest of the list's rows, a step at a time), and how late the timer
 * ran after the first frame is printed apart.
 * Prints figures; asserts nothing about time.
 *
 * Usage: bench-search-typing [DATABASE] (made with `luwte-cli demo
 * --cases 100000` when not given; LUWTE_CLI names the program)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-cases-page.h"
#include "luwte-search.h"
#include "luwte-store.h"
#include "luwte-window.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CASES "100000"
#define KEY_INTERVAL_MS 120

static const char query[] = "vuurwerk stationsplein";

typedef struct {
  LuwteCasesPage *cases;
  GArray         *busy_us;     /* main-thread time per frame */
  GArray         *cpu_us;      /* of it, the CPU time the main thread used */
  GArray         *late_us;     /* how late the 1 ms timer ran */
  gint64          settle_late; /* of it, the longest between the first frame and the first key */
  gboolean        painted;     /* the window's first frame */
  gint64          frame_start;
  gint64          frame_cpu;
  gint64          last_tick;
  guint           typed;
  gboolean        done;
} Typing;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* The CPU time of the calling thread: what a frame cost, whoever else
 * (the search thread, the X server) had the cores meanwhile. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
on_update (GdkFrameClock *clock,
           Typing        *typing)
{
  typing->frame_start = g_get_monotonic_time ();
  typing->frame_cpu = thread_cpu_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Typing        *typing)
{
  if (typing->frame_start > 0 && typing->typed > 0)
    {
      gint64 busy = g_get_monotonic_time () - typing->frame_start;
      gint64 cpu = thread_cpu_time () - typing->frame_cpu;

      g_array_append_val (typing->busy_us, busy);
      g_array_append_val (typing->cpu_us, cpu);
    }
  typing->frame_start = 0;
  if (!typing->painted)
    {
      /* The first frame itself is the start-up benchmark's. */
      typing->painted = TRUE;
      typing->last_tick = g_get_monotonic_time ();
    }
}

static gboolean
tick (gpointer data)
{
  Typing *typing = data;
  gint64 now = g_get_monotonic_time ();

  if (typing->last_tick > 0)
    {
      gint64 late = MAX (0, now - typing->last_tick - 1000);

      if (typing->typed > 0)
        g_array_append_val (typing->late_us, late);
      else if (typing->painted)
        typing->settle_late = MAX (typing->settle_late, late);
    }
  typing->last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* One key as a key press types it: a character added at the end, the
 * field never empty in between (gtk_editable_set_text() would empty it
 * first, and an empty search field shows the case list again). */
static gboolean
type_key (gpointer data)
{
  Typing *typing = data;
  GtkEditable *entry = luwte_cases_page_get_search_entry (typing->cases);
  int position = typing->typed;

  if (typing->typed >= sizeof query - 1)
    {
      typing->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  gtk_editable_insert_text (entry, query + typing->typed++, 1, &position);
  g_signal_emit_by_name (entry, "search-changed");
  return G_SOURCE_CONTINUE;
}

static double
search_ms (LuwteSearch *search,
           const char  *words,
           guint       *n_hits)
{
  gint64 samples[21];

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      gint64 before = g_get_monotonic_time ();
      g_autoptr(GPtrArray) hits = luwte_search_run (search, words, NULL, 0, 50, NULL, NULL);

      samples[i] = g_get_monotonic_time () - before;
      *n_hits = hits != NULL ? hits->len : 0;
    }
  qsort (samples, G_N_ELEMENTS (samples), sizeof (gint64), compare_gint64);
  return samples[G_N_ELEMENTS (samples) / 2] / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("luwte-bench-XXXXXX", NULL);
  g_autofree char *db = argc > 1 ? g_strdup (argv[1]) : g_build_filename (home, "full.db", NULL);
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  Typing typing = { 0 };
  GdkFrameClock *clock;
  LuwteWindow *window;
  guint over_16 = 0;
  guint ticker;
  guint rare_hits = 0;
  guint common_hits = 0;
  double rare_ms, common_ms;

  gtk_init ();
  adw_init ();
  if (argc <= 1)
    {
      const char *demo[] = { g_getenv ("LUWTE_CLI"), "--db", db, "demo", "--cases", CASES, "--seed", "1", NULL };
      int status = 0;

      if (demo[0] == NULL)
        g_error ("LUWTE_CLI is not set");
      if (!g_spawn_sync (NULL, (char **) demo, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("making the demo database: %s", error->message);
    }

  store = luwte_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  card = luwte_card_new_builtin ();

  /* In the process: a word in few cases, and one in most. */
  search = luwte_search_new (store, &error);
  if (search == NULL)
    g_error ("%s", error->message);
  {
    /* The number in one message's URL: in one case, or a handful. */
    sqlite3_stmt *stmt = NULL;
    g_autofree char *rare = NULL;

    if (sqlite3_prepare_v2 (luwte_store_get_db (store), "SELECT url FROM evidence ORDER BY id LIMIT 1 OFFSET 777",
                            -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
      rare = g_strdup (strrchr ((const char *) sqlite3_column_text (stmt, 0), '/') + 1);
    sqlite3_finalize (stmt);
    rare_ms = search_ms (search, rare != NULL ? rare : "kermisattractie", &rare_hits);
  }
  common_ms = search_ms (search, "oproep", &common_hits);

  /* In the window, typing. */
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  typing.cases = luwte_window_get_cases_page (window);
  typing.busy_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  typing.late_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  typing.cpu_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &typing);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &typing);
  ticker = g_timeout_add (1, tick, &typing);
  {
    gint64 settled = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < settled)
      g_main_context_iteration (NULL, FALSE);
  }
  g_timeout_add (KEY_INTERVAL_MS, type_key, &typing);
  while (!typing.done || luwte_cases_page_is_searching (typing.cases))
    g_main_context_iteration (NULL, TRUE);
  /* The last answer painted. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handlers_disconnect_by_data (clock, &typing);
  g_source_remove (ticker);

  g_array_sort (typing.busy_us, compare_gint64);
  g_array_sort (typing.late_us, compare_gint64);
  g_array_sort (typing.cpu_us, compare_gint64);
  for (guint i = 0; i < typing.busy_us->len; i++)
    over_16 += g_array_index (typing.busy_us, gint64, i) > 16000;

  g_print ("search over %s cases, median of 21 runs in the process:\n", CASES);
  g_print ("  rare word    %6.2f ms  (%u hits)   (target under 10 ms)\n", rare_ms, rare_hits);
  g_print ("  common word  %6.2f ms  (%u hits, a page of 50)   (target under 10 ms)\n", common_ms, common_hits);
  g_print ("the window's first second, after its first frame: a 1 ms timer ran at most %.1f ms late\n",
           typing.settle_late / 1000.0);
  g_print ("typing \"%s\" in the window, one key every %d ms:\n", query, KEY_INTERVAL_MS);
  if (typing.busy_us->len > 0)
    g_print ("  %u frames; main thread per frame: median %.1f ms, 99th percentile %.1f ms, longest %.1f ms;"
             " %u over 16 ms (target none)\n",
             typing.busy_us->len,
             g_array_index (typing.busy_us, gint64, typing.busy_us->len / 2) / 1000.0,
             g_array_index (typing.busy_us, gint64, (typing.busy_us->len * 99) / 100) / 1000.0,
             g_array_index (typing.busy_us, gint64, typing.busy_us->len - 1) / 1000.0, over_16);
  if (typing.cpu_us->len > 0)
    {
      guint cpu_over_16 = 0;

      for (guint i = 0; i < typing.cpu_us->len; i++)
        cpu_over_16 += g_array_index (typing.cpu_us, gint64, i) > 16000;
      g_print ("  its CPU time per frame: median %.1f ms, longest %.1f ms; %u over 16 ms\n",
               g_array_index (typing.cpu_us, gint64, typing.cpu_us->len / 2) / 1000.0,
               g_array_index (typing.cpu_us, gint64, typing.cpu_us->len - 1) / 1000.0, cpu_over_16);
    }
  if (typing.late_us->len > 0)
    g_print ("  main loop: a 1 ms timer ran late by median %.1f ms, 99th percentile %.1f ms, at most %.1f ms\n",
             g_array_index (typing.late_us, gint64, typing.late_us->len / 2) / 1000.0,
             g_array_index (typing.late_us, gint64, (typing.late_us->len * 99) / 100) / 1000.0,
             g_array_index (typing.late_us, gint64, typing.late_us->len - 1) / 1000.0);
  g_array_unref (typing.busy_us);
  g_array_unref (typing.late_us);
  g_array_unref (typing.cpu_us);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
