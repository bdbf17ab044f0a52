/* bench-search.c — full-text search over 100,000 demo cases, inside the
 * process: a rare word and a common word (issue target: under 10 ms
 * each), and a few more kinds of query for comparison. Prints medians;
 * asserts nothing about time.
 *
 * Building the database takes about half a minute; set
 * LUWTE_BENCH_SEARCH_DB=PATH to keep it between runs (it is made when
 * missing, and reused when it holds the cases).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-demo.h"
#include "luwte-note.h"
#include "luwte-search.h"
#include "luwte-store.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#define CASES 100000
#define RUNS 51
#define PAGE 50
/* A word the demo never writes, in a few cases added to it. */
#define RARE_TITLE "Flashmob bij de Zwanenburgwal"

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static void
add_rare_cases (LuwteStore *store)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(LuwteCase) kase = luwte_store_create_case (store, RARE_TITLE, &error);
      LuwteNoteNew note = { .kind = LUWTE_NOTE_KIND_INFORMATION, .text = "Oproep gedeeld in een groepsapp van de buurt." };
      g_autoptr(LuwteNote) added = NULL;

      g_assert_no_error (error);
      added = luwte_store_add_note (store, kase, &note, &error);
      g_assert_no_error (error);
    }
}

static void
measure (LuwteSearch *search,
         const char  *label,
         const char  *query)
{
  g_autoptr(GError) error = NULL;
  gint64 us[RUNS];
  guint n_hits = 0;

  for (int run = -1; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      gint64 start = g_get_monotonic_time ();

      hits = luwte_search_run (search, query, NULL, 0, PAGE, NULL, &error);
      g_assert_no_error (error);
      if (run >= 0)
        us[run] = g_get_monotonic_time () - start;
      n_hits = hits->len;
    }
  qsort (us, RUNS, sizeof (gint64), compare_gint64);
  /* printf: the query's UTF-8 as it is, whatever the locale */
  printf ("  %-34s %-32s %7.2f ms  (min %.2f, max %.2f; %u on the page)\n", label, query,
           us[RUNS / 2] / 1000.0, us[0] / 1000.0, us[RUNS - 1] / 1000.0, n_hits);
}

int
main (int   argc,
      char *argv[])
{
  const char *keep = g_getenv ("LUWTE_BENCH_SEARCH_DB");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteSearch) search = NULL;
  g_autoptr(GPtrArray) rare = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_cases;

  if (keep != NULL && *keep != '\0')
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("luwte-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.db", NULL);
    }

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  n_cases = luwte_store_count_cases (store, NULL, &error);
  g_assert_no_error (error);
  if (n_cases < CASES)
    {
      g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
      gint64 start = g_get_monotonic_time ();

      g_print ("adding %" G_GINT64_FORMAT " demo cases to %s\n", CASES - n_cases, path);
      g_assert_true (luwte_demo_add_cases (store, card, (guint) (CASES - n_cases), 1, &error));
      g_assert_no_error (error);
      g_print ("  took %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
    }

  search = luwte_search_new (store, &error);
  g_assert_no_error (error);
  rare = luwte_search_run (search, "zwanenburgwal", NULL, 0, 10, NULL, &error);
  g_assert_no_error (error);
  if (rare->len == 0)
    add_rare_cases (store);

  g_print ("searching %" G_GINT64_FORMAT " cases, a page of %d hits with snippets, median of %d runs:\n",
           luwte_store_count_cases (store, NULL, NULL), PAGE, RUNS);
  measure (search, "rare word (3 cases)", "Zwanenburgwal");
  measure (search, "common word (9 in 10 cases)", "oproep");
  measure (search, "rare word, prefix", "zwanenb");
  measure (search, "word in 1 in 12 cases", "rotonde");
  measure (search, "two common words", "oproep zuidwijk");
  measure (search, "three words, accents", "Opgehitst noodopvang ZUIDWÍJK");
  measure (search, "two letters", "po");
  measure (search, "one letter", "o");
  measure (search, "no such word", "qqqqq");

  if (dir != NULL)
    {
      g_clear_object (&search);
      g_clear_object (&store);
      const char * const suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
          g_remove (file);
        }
      g_rmdir (dir);
    }
  return 0;
}
