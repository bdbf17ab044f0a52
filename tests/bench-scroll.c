/* bench-scroll.c — scrolling the case list of 100,000 cases (with
 * 1,000,000 log entries) at a steady speed, frame by frame
 *
 * The main window is opened as the officer sees it; a tick callback moves
 * the list's adjustment by the time the frame clock gives, so a slow frame
 * makes the next step longer, as a kinetic scroll would. Two sweeps:
 *
 *  1. from the top far down, to row 90,000 in 30 seconds, 3,000 rows a
 *     second (a scroll bar dragged steadily, more than a screenful a
 *     frame);
 *  2. far down, from row 90,000, 240 rows a second (a hard flick of the
 *     wheel), where reading a page by OFFSET would be slowest.
 *
 * For each frame the interval since the previous one, the main thread's
 * time in it (from before its update to after its painting), the CPU time
 * that thread spent in it (which other work on the machine does not
 * lengthen) and of that the part spent moving the list, which binds the
 * rows that come into view, are recorded. Prints figures; asserts nothing
 * about time.
 *
 * Run as the UI tests are, with GDK_DEBUG=gl-disable: GTK draws with
 * cairo. Mesa's software GL (llvmpipe), all a machine without a graphics
 * card has, redraws the whole window each frame and takes some 90 ms for
 * it here, however little of the list moved.
 *
 * Usage: bench-scroll [--db PATH] [START-ROW SECONDS ROWS-PER-SECOND]
 *   --db PATH  an existing database instead of making the 100k/1M one
 *   the three numbers run one sweep of your own instead of the two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-db.h"
#include "luwte-card.h"
#include "luwte-store.h"
#include "luwte-window.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FRAME_US 16667
#define MAX_FRAMES 100000

typedef struct {
  const char *name;
  double      start_row;
  double      seconds;
  double      rows_per_second;
} SweepSpec;

static const SweepSpec default_sweeps[] = {
  { "from the top far down", 0, 30, 3000 },
  { "far down, a flick", 90000, 10, 240 },
};

typedef struct {
  GtkAdjustment *adjustment;
  double         from;        /* px */
  double         px_per_us;
  double         target;      /* px */
  gint64         start;       /* frame time of the first step */
  gint64         frame_begin; /* when the frame being made started */
  gint64         frame_cpu;   /* the main thread's CPU time then */
  gint64         last_begin;
  gint64         moving;
  gint64         intervals[MAX_FRAMES];
  gint64         busy[MAX_FRAMES]; /* from before the update to after painting */
  gint64         cpu[MAX_FRAMES];  /* the CPU time of the main thread in it */
  gint64         move[MAX_FRAMES]; /* of it, moving the list: binding rows */
  double         value[MAX_FRAMES];
  guint          n_frames;
  gboolean       done;
} Sweep;

/* The CPU time of the calling thread: on a machine shared with other
 * work, what the frame cost us, whoever else ran meanwhile. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Sweep         *sweep)
{
  sweep->frame_begin = g_get_monotonic_time ();
  sweep->frame_cpu = thread_cpu_time ();
}

/* A frame is counted from the second step on: from one frame's start to
 * the next, and from its start to the end of its painting. */
static void
on_after_paint (GdkFrameClock *clock,
                Sweep         *sweep)
{
  gint64 now = g_get_monotonic_time ();

  if (sweep->start == 0 || sweep->n_frames >= MAX_FRAMES)
    return;
  if (sweep->last_begin != 0)
    {
      sweep->intervals[sweep->n_frames] = sweep->frame_begin - sweep->last_begin;
      sweep->busy[sweep->n_frames] = now - sweep->frame_begin;
      sweep->cpu[sweep->n_frames] = thread_cpu_time () - sweep->frame_cpu;
      sweep->move[sweep->n_frames] = sweep->moving;
      sweep->value[sweep->n_frames] = gtk_adjustment_get_value (sweep->adjustment);
      sweep->n_frames++;
    }
  sweep->last_begin = sweep->frame_begin;
  if (sweep->done)
    sweep->start = 0;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Sweep *sweep = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double value;

  if (sweep->start == 0)
    sweep->start = now;
  value = MIN (sweep->target, sweep->from + sweep->px_per_us * (double) (now - sweep->start));
  sweep->moving = thread_cpu_time ();
  gtk_adjustment_set_value (sweep->adjustment, value);
  sweep->moving = thread_cpu_time () - sweep->moving;
  if (value >= sweep->target)
    {
      sweep->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_settled (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Half a second for what a jump started: rows read, bound and drawn. */
static void
settle (void)
{
  gboolean settled = FALSE;

  g_timeout_add (500, on_settled, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static void
print_figures (const char   *what,
               const gint64 *values,
               guint         n,
               gint64        late)
{
  g_autofree gint64 *sorted = g_memdup2 (values, n * sizeof (gint64));
  guint over_one = 0;
  guint over_two = 0;

  for (guint i = 0; i < n; i++)
    {
      over_one += values[i] > late;
      over_two += values[i] > 2 * FRAME_US;
    }
  qsort (sorted, n, sizeof (gint64), compare_gint64);
  g_print ("    %-21s median %6.1f ms  99th %6.1f ms  max %6.1f ms  > %4.1f ms: %4u  > 33.3 ms: %4u\n",
           what, sorted[n / 2] / 1000.0, sorted[MIN (n - 1, n * 99 / 100)] / 1000.0, sorted[n - 1] / 1000.0,
           late / 1000.0, over_one, over_two);
}

static void
run_sweep (GtkListView     *list,
           const SweepSpec *spec,
           guint            n_rows)
{
  g_autofree Sweep *sweep = g_new0 (Sweep, 1);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (list));
  double row_height;
  double end;
  guint slowest = 0;

  sweep->adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  row_height = gtk_adjustment_get_upper (sweep->adjustment) / n_rows;
  end = gtk_adjustment_get_upper (sweep->adjustment) - gtk_adjustment_get_page_size (sweep->adjustment);
  sweep->from = MIN (end, spec->start_row * row_height);
  sweep->px_per_us = spec->rows_per_second * row_height / G_USEC_PER_SEC;
  sweep->target = MIN (end, sweep->from + spec->rows_per_second * spec->seconds * row_height);

  /* Start where the sweep starts, with that part of the list read. */
  gtk_adjustment_set_value (sweep->adjustment, sweep->from);
  settle ();

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), sweep);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), sweep);
  gtk_widget_add_tick_callback (GTK_WIDGET (list), on_tick, sweep, NULL);
  while (!sweep->done || sweep->start != 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, sweep);

  if (sweep->n_frames == 0)
    g_error ("no frame was painted while scrolling");
  for (guint i = 0; i < sweep->n_frames; i++)
    if (sweep->cpu[i] > sweep->cpu[slowest])
      slowest = i;

  g_print ("  %s: rows %.0f to %.0f, %.0f rows a second (%.0f px a frame)\n", spec->name,
           sweep->from / row_height, sweep->target / row_height, spec->rows_per_second,
           spec->rows_per_second * row_height * FRAME_US / G_USEC_PER_SEC);
  g_print ("    frames                %u\n", sweep->n_frames);
  /* A frame made in time comes one refresh after the last, give or take
   * the timer; one that came later dropped at least one. */
  print_figures ("frame interval", sweep->intervals, sweep->n_frames, FRAME_US * 3 / 2);
  print_figures ("main thread a frame", sweep->busy, sweep->n_frames, FRAME_US);
  print_figures ("  its CPU time", sweep->cpu, sweep->n_frames, FRAME_US);
  print_figures ("  binding rows (CPU)", sweep->move, sweep->n_frames, FRAME_US);
  g_print ("    slowest frame at row  %.0f\n", sweep->value[slowest] / row_height);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const SweepSpec *sweeps = default_sweeps;
  guint n_sweeps = G_N_ELEMENTS (default_sweeps);
  SweepSpec own = { "your sweep", 0, 0, 0 };
  GtkAdjustment *adjustment;
  GtkListView *list;
  LuwteWindow *window;
  guint n_rows;
  int arg = 1;

  if (argc > 2 && strcmp (argv[1], "--db") == 0)
    {
      path = g_strdup (argv[2]);
      arg = 3;
    }
  if (argc == arg + 3)
    {
      own.start_row = g_ascii_strtod (argv[arg], NULL);
      own.seconds = g_ascii_strtod (argv[arg + 1], NULL);
      own.rows_per_second = g_ascii_strtod (argv[arg + 2], NULL);
      sweeps = &own;
      n_sweeps = 1;
    }
  if ((argc != arg && argc != arg + 3) || (sweeps == &own && (own.seconds <= 0 || own.rows_per_second <= 0)))
    {
      g_printerr ("usage: bench-scroll [--db PATH] [START-ROW SECONDS ROWS-PER-SECOND]\n");
      return 2;
    }
  if (path == NULL)
    {
      const char *cli = g_getenv ("LUWTE_CLI");

      if (cli == NULL)
        g_error ("LUWTE_CLI names no luwte-cli to make the database with");
      dir = g_dir_make_tmp ("luwte-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "full.db", NULL);
      bench_db_make_full (cli, path);
    }

  gtk_init ();
  adw_init ();
  card = luwte_card_new_builtin ();
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);

  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  list = luwte_cases_page_get_list_view (luwte_window_get_cases_page (window));
  n_rows = g_list_model_get_n_items (luwte_cases_page_get_model (luwte_window_get_cases_page (window)));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  /* Until the list shows every case (after the first frame) and has its
   * size. */
  while (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) < n_rows ||
         gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) ||
         gtk_adjustment_get_page_size (adjustment) <= 0)
    g_main_context_iteration (NULL, TRUE);
  settle ();

  g_print ("scrolling the list of %u cases, renderer %s:\n", n_rows,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  for (guint i = 0; i < n_sweeps; i++)
    run_sweep (list, &sweeps[i], n_rows);

  gtk_window_destroy (GTK_WINDOW (window));
  if (dir != NULL)
    bench_db_remove_dir (dir);
  return 0;
}
