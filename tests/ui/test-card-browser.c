/* test-card-browser.c — the main window and the card browser, as a user
 * drives them: every group, searches, and no leaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-card-browser.h"
#include "luwte-window.h"

#include <adwaita.h>

static void
wait_idle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static LuwteWindow *
new_window (LuwteCard    *card,
            const GError *problem)
{
  LuwteWindow *window = luwte_window_new (NULL, card, problem, NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  return window;
}

/* Destroys @window and checks that it and its browser are finalized. */
static void
destroy_and_check (LuwteWindow *window)
{
  LuwteCardBrowser *browser = luwte_window_get_card_browser (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (browser), (gpointer *) &browser);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  g_assert_null (window);
  g_assert_null (browser);
}

static void
test_every_group (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  LuwteWindow *window = new_window (card, NULL);
  LuwteCardBrowser *browser = luwte_window_get_card_browser (window);

  for (guint number = 1; number <= 6; number++)
    {
      LuwteCardGroup *group = luwte_card_get_group (card, number);
      g_autoptr(GPtrArray) all = luwte_card_group_list_all (group);
      LuwteCardIntervention *shown;

      luwte_card_browser_select_group (browser, number);
      wait_idle ();
      g_assert_cmpuint (luwte_card_browser_get_group_number (browser), ==, number);
      /* Every intervention and sub-intervention, in card order. */
      g_assert_cmpuint (luwte_card_browser_get_n_listed (browser), ==, all->len);
      for (guint i = 0; i < all->len; i++)
        g_assert_true (luwte_card_browser_get_listed (browser, i) == g_ptr_array_index (all, i));
      /* The group opens on its first intervention. */
      shown = luwte_card_browser_get_intervention (browser);
      g_assert_nonnull (shown);
      g_assert_true (luwte_card_intervention_get_group (shown) == group);
    }

  destroy_and_check (window);
}

static void
test_show_intervention (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  LuwteWindow *window = new_window (card, NULL);
  LuwteCardBrowser *browser = luwte_window_get_card_browser (window);
  g_autofree char *id = NULL;

  g_assert_true (luwte_card_browser_show_intervention (browser, "emergency-ordinance"));
  g_assert_cmpuint (luwte_card_browser_get_group_number (browser), ==, 6);
  g_assert_cmpstr (luwte_card_intervention_get_id (luwte_card_browser_get_intervention (browser)), ==, "emergency-ordinance");
  g_object_get (browser, "intervention-id", &id, NULL);
  g_assert_cmpstr (id, ==, "emergency-ordinance");
  g_assert_false (luwte_card_browser_show_intervention (browser, "no-such-intervention"));

  destroy_and_check (window);
}

static void
test_search (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  LuwteWindow *window = new_window (card, NULL);
  LuwteCardBrowser *browser = luwte_window_get_card_browser (window);

  luwte_card_browser_search (browser, "emergency ordinance");
  wait_idle ();
  g_assert_cmpuint (luwte_card_browser_get_n_listed (browser), >, 0);
  g_assert_cmpstr (luwte_card_intervention_get_id (luwte_card_browser_get_listed (browser, 0)), ==, "emergency-ordinance");
  g_assert_cmpuint (luwte_card_browser_count_highlights (browser), >, 0);

  /* Opening a result keeps the marks in the detail. */
  g_assert_true (luwte_card_browser_show_intervention (browser, "emergency-ordinance"));
  g_assert_cmpuint (luwte_card_browser_count_highlights (browser), >, 1);

  luwte_card_browser_search (browser, "xylophone zebra");
  wait_idle ();
  g_assert_cmpuint (luwte_card_browser_get_n_listed (browser), ==, 0);

  /* Leaving the search shows the group again, without marks. */
  luwte_card_browser_search (browser, "");
  wait_idle ();
  g_assert_cmpuint (luwte_card_browser_get_n_listed (browser), >, 0);
  g_assert_cmpuint (luwte_card_browser_count_highlights (browser), ==, 0);

  destroy_and_check (window);
}

static void
test_search_dutch (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GtkWidget) browser = g_object_ref_sink (luwte_card_browser_new ());
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), browser);
  luwte_card_browser_set_card (LUWTE_CARD_BROWSER (browser), card, LUWTE_LANGUAGE_NL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  /* Without the diaeresis, in capitals: still "Creëer en deel digitale posters". */
  luwte_card_browser_search (LUWTE_CARD_BROWSER (browser), "CREEER");
  wait_idle ();
  g_assert_cmpuint (luwte_card_browser_get_n_listed (LUWTE_CARD_BROWSER (browser)), ==, 1);
  g_assert_cmpstr (luwte_card_intervention_get_id (luwte_card_browser_get_listed (LUWTE_CARD_BROWSER (browser), 0)),
                   ==, "digital-posters");
  g_assert_cmpuint (luwte_card_browser_count_highlights (LUWTE_CARD_BROWSER (browser)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  g_assert_finalize_object (g_steal_pointer (&browser));
}

static void
test_card_problem_shown (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) problem = g_error_new_literal (LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_INVALID,
                                                   "/home/x/.config/luwte/card.json: <b>not</b> valid & broken");
  LuwteWindow *window = new_window (card, problem);

  /* A message with markup characters does not break the toast. */
  destroy_and_check (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/card-browser/every-group", test_every_group);
  g_test_add_func ("/ui/card-browser/show-intervention", test_show_intervention);
  g_test_add_func ("/ui/card-browser/search", test_search);
  g_test_add_func ("/ui/card-browser/search-dutch", test_search_dutch);
  g_test_add_func ("/ui/window/card-problem", test_card_problem_shown);

  return g_test_run ();
}
