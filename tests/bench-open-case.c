/* bench-open-case.c — opening a case with 1,000 log entries in the
 * workspace: the time from choosing it in the case list to its pages being
 * filled, and to the next painted frame, which shows them. Prints figures;
 * asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-note.h"
#include "luwte-store.h"
#include "luwte-window.h"

#include <adwaita.h>
#include <stdlib.h>

#define NOTES 1000
#define RUNS 7

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("luwte-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) big = NULL;
  g_autoptr(LuwteCase) small = NULL;
  g_autoptr(GError) error = NULL;
  gint64 filled[RUNS];
  gint64 frame[RUNS];
  GtkSingleSelection *selection;
  LuwteCasesPage *page;
  LuwteWindow *window;
  guint big_position;
  guint small_position;

  gtk_init ();
  adw_init ();
  card = luwte_card_new_builtin ();
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  big = luwte_store_create_case (store, "Casus met duizend regels", NULL);
  small = luwte_store_create_case (store, "Kleine casus", NULL);

  g_assert_true (luwte_store_begin (store, NULL));
  for (int i = 0; i < NOTES; i++)
    {
      g_autofree char *text = g_strdup_printf ("Regel %d: afspraak met de wijkagent over het toezicht bij het winkelcentrum.", i);
      g_autoptr(LuwteNote) note = NULL;
      LuwteNoteNew entry = { .kind = (LuwteNoteKind) (i % 4), .party = "Politie", .text = text };

      /* Inside one outer transaction: add_note's own BEGIN would fail, so
       * write the rows directly. */
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT INTO notes (case_id, at, kind, party, text, created_at) VALUES (?, ?, ?, ?, ?, ?)", NULL);
      sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (big));
      sqlite3_bind_text (stmt, 2, "2026-12-31T12:00:00+01:00", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, luwte_note_kind_to_string (entry.kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, entry.party, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, entry.text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, "2026-12-31T12:00:00+01:00", -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      (void) note;
    }
  g_assert_true (luwte_store_commit (store, NULL));

  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  page = luwte_window_get_cases_page (window);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (luwte_cases_page_get_list_view (page)));
  big_position = (guint) luwte_store_get_case_position (store, NULL, big, NULL);
  small_position = (guint) luwte_store_get_case_position (store, NULL, small, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_after_paint), NULL);

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start;

      gtk_single_selection_set_selected (selection, small_position);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      painted = FALSE;
      start = g_get_monotonic_time ();
      gtk_single_selection_set_selected (selection, big_position);
      filled[run] = g_get_monotonic_time () - start;
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      frame[run] = g_get_monotonic_time () - start;
      g_assert_true (luwte_cases_page_get_selected (page) == big);
    }

  qsort (filled, RUNS, sizeof (gint64), compare_gint64);
  qsort (frame, RUNS, sizeof (gint64), compare_gint64);
  g_print ("opening a case with %d log entries, median of %d runs:\n", NOTES, RUNS);
  g_print ("  pages filled         %7.1f ms   (target under 50)\n", filled[RUNS / 2] / 1000.0);
  g_print ("  next frame painted   %7.1f ms\n", frame[RUNS / 2] / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
