/* test-case-list.c — reading the case list by keyset: beside a case, both
 * ways, with ties, cases without a gathering and a status filter, gives
 * exactly the rows OFFSET gives; and the lazy list model, however it is
 * scrolled or jumped through, shows every row where OFFSET puts it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-case-list.h"
#include "luwte-demo.h"
#include "luwte-store.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

static LuwteStore *
open_fresh (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tests", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  LuwteStore *store;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_remove (path);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
exec (LuwteStore *store,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (luwte_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* @n demo cases, then made hard to page through: opening times, titles
 * and gatherings shared by many cases (the id breaks the ties), titles
 * differing only in case, a third without a gathering, all statuses. */
static LuwteStore *
open_with_cases (const char *name,
                 guint       n)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;
  LuwteStore *store = open_fresh (name);

  g_assert_true (luwte_demo_add_cases (store, card, n, 7, &error));
  g_assert_no_error (error);
  exec (store,
        "UPDATE cases SET"
        " opened_at = printf ('2026-03-%02dT%02d:00:00+01:00', 1 + id % 5, 8 + id % 3),"
        " title = CASE id % 4 WHEN 0 THEN 'alfa' WHEN 1 THEN 'Alfa' WHEN 2 THEN 'bravo ' || (id % 6) ELSE title END,"
        " event_at = CASE WHEN id % 3 = 0 THEN NULL ELSE printf ('2026-12-%02dT22:00:00+01:00', 1 + id % 4) END,"
        " status = CASE id % 4 WHEN 0 THEN 'signal' WHEN 1 THEN 'active' WHEN 2 THEN 'monitoring' ELSE 'closed' END");
  return store;
}

static GPtrArray *
list_all (LuwteStore            *store,
          const LuwteCaseStatus *status,
          LuwteCaseSort          sort)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = luwte_store_list_cases_sorted (store, status, sort, 0, G_MAXINT, &error);

  g_assert_no_error (error);
  return all;
}

/* The rows beside every case, both ways, with and without skipping, are
 * the rows OFFSET puts there: the same objects in the same order. */
static void
check_near (LuwteStore            *store,
            const LuwteCaseStatus *status,
            LuwteCaseSort          sort)
{
  g_autoptr(GPtrArray) all = list_all (store, status, sort);
  static const guint skips[] = { 0, 1, 5, 40 };
  const guint limit = 7;
  guint n = all->len;

  g_assert_cmpuint (n, >, 0);
  for (guint a = 0; a <= n; a++)
    for (guint s = 0; s < G_N_ELEMENTS (skips); s++)
      for (int backwards = 0; backwards <= 1; backwards++)
        {
          /* a == n: no anchor, from the top or from the bottom */
          LuwteCase *anchor = a < n ? g_ptr_array_index (all, a) : NULL;
          g_autoptr(GPtrArray) got = NULL;
          g_autoptr(GError) error = NULL;
          gint64 from;
          gint64 to;

          if (anchor == NULL)
            {
              from = backwards ? (gint64) n - skips[s] - limit : skips[s];
              to = backwards ? (gint64) n - skips[s] : skips[s] + limit;
            }
          else if (backwards)
            {
              from = (gint64) a - skips[s] - limit;
              to = (gint64) a - skips[s];
            }
          else
            {
              from = a + 1 + skips[s];
              to = from + limit;
            }
          from = CLAMP (from, 0, n);
          to = CLAMP (to, 0, n);

          got = luwte_store_list_cases_near (store, status, sort, anchor, backwards, skips[s], limit, &error);
          g_assert_no_error (error);
          if (got->len != (guint) (to - from))
            g_error ("sort %d, %s case %u of %u, skip %u: %u rows, not %" G_GINT64_FORMAT,
                     sort, backwards ? "above" : "below", a, n, skips[s], got->len, to - from);
          for (guint i = 0; i < got->len; i++)
            if (g_ptr_array_index (got, i) != g_ptr_array_index (all, from + i))
              g_error ("sort %d, %s case %u, skip %u: row %u is %s, not %s", sort, backwards ? "above" : "below",
                       a, skips[s], i, luwte_case_get_reference (g_ptr_array_index (got, i)),
                       luwte_case_get_reference (g_ptr_array_index (all, from + i)));
        }
}

static void
test_near_matches_offset (void)
{
  g_autoptr(LuwteStore) store = open_with_cases ("near.db", 90);
  LuwteCaseStatus closed = LUWTE_CASE_STATUS_CLOSED;

  for (LuwteCaseSort sort = LUWTE_CASE_SORT_NEWEST; sort <= LUWTE_CASE_SORT_GATHERING; sort++)
    {
      check_near (store, NULL, sort);
      check_near (store, &closed, sort);
    }
}

/* A gathering written with another offset sorts by its text, as OFFSET
 * does; and cases all without one still page by id. */
static void
test_near_without_gatherings (void)
{
  g_autoptr(LuwteStore) store = open_with_cases ("near-null.db", 30);

  exec (store, "UPDATE cases SET event_at = NULL");
  check_near (store, NULL, LUWTE_CASE_SORT_GATHERING);
  exec (store, "UPDATE cases SET event_at = '2026-12-31T22:00:00+01:00' WHERE id % 2 = 0");
  check_near (store, NULL, LUWTE_CASE_SORT_GATHERING);
}

static void
check_item (LuwteCaseList *list,
            GPtrArray     *all,
            guint          position)
{
  g_autoptr(LuwteCase) item = g_list_model_get_item (G_LIST_MODEL (list), position);

  if (item != g_ptr_array_index (all, position))
    g_error ("row %u of the list is %s, not %s", position,
             item != NULL ? luwte_case_get_reference (item) : "nothing",
             luwte_case_get_reference (g_ptr_array_index (all, position)));
}

/* Scrolled down, scrolled up from the bottom, jumped through at random:
 * every row is where OFFSET puts it, and only a few pages are kept. */
static void
test_model_scrolled_and_jumped (void)
{
  g_autoptr(LuwteStore) store = open_with_cases ("model.db", 700);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  LuwteCaseStatus active = LUWTE_CASE_STATUS_ACTIVE;

  for (LuwteCaseSort sort = LUWTE_CASE_SORT_NEWEST; sort <= LUWTE_CASE_SORT_GATHERING; sort++)
    for (int filtered = 0; filtered <= 1; filtered++)
      {
        const LuwteCaseStatus *status = filtered ? &active : NULL;
        g_autoptr(GPtrArray) all = list_all (store, status, sort);
        g_autoptr(LuwteCaseList) list = luwte_case_list_new (store);
        guint n;

        luwte_case_list_set_status (list, status);
        luwte_case_list_set_sort (list, sort);
        n = g_list_model_get_n_items (G_LIST_MODEL (list));
        g_assert_cmpuint (n, ==, all->len);

        for (guint i = 0; i < n; i++)
          check_item (list, all, i);
        luwte_case_list_reload (list);
        for (guint i = n; i > 0; i--)
          check_item (list, all, i - 1);
        for (guint i = 0; i < 300; i++)
          check_item (list, all, g_rand_int_range (rand, 0, n));
        /* A flick: a page, then the next ones around it. */
        for (guint start = n / 2, i = start; i < MIN (n, start + 200); i += 3)
          check_item (list, all, i);
        g_assert_cmpuint (luwte_case_list_get_n_cached (list), <=, 8 * 64);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case-list/near-matches-offset", test_near_matches_offset);
  g_test_add_func ("/case-list/near-without-gatherings", test_near_without_gatherings);
  g_test_add_func ("/case-list/model-scrolled-and-jumped", test_model_scrolled_and_jumped);

  return g_test_run ();
}
