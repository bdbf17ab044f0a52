/* test-workspace.c — the case workspace as the keyboard and the case menu
 * reach it: the tabs by Alt+number, closing and reopening from the menu,
 * an intervention chosen from the card's search, a party or message
 * opened at the bottom of its page scrolled into view, and the whole role
 * list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-cases-page.h"
#include "luwte-close-dialog.h"
#include "luwte-evidence.h"
#include "luwte-interventions-page.h"
#include "luwte-messages-page.h"
#include "luwte-parties-page.h"
#include "luwte-party.h"
#include "luwte-store.h"
#include "luwte-time.h"
#include "luwte-window.h"

#include "ui-test-widgets.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

static char *test_dir;

/* Frames pass (row animations, layout) until @done holds, or a while. */
static void
wait_until (GSourceFunc done,
            gpointer    data)
{
  for (guint i = 0; i < 100 && !done (data); i++)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

      g_timeout_add_once (50, (GSourceOnceFunc) g_main_loop_quit, loop);
      g_main_loop_run (loop);
    }
}

typedef struct {
  LuwteStore         *store;
  LuwteWindow        *window;
  LuwteCase          *kase;
  LuwteCaseWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (test_dir, data, NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  fixture->store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  fixture->window = luwte_window_new (NULL, card, NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_wait_idle ();
  fixture->kase = g_object_ref (luwte_cases_page_new_case (luwte_window_get_cases_page (fixture->window)));
  fixture->workspace = luwte_cases_page_get_workspace (luwte_window_get_cases_page (fixture->window));
  ui_wait_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_wait_idle ();
  g_clear_object (&fixture->kase);
  g_clear_object (&fixture->store);
}


/* Whether the focus is in a row laid out and open, and shows. A row just
 * added has no place yet: its bounds say nothing until it is allocated. */
static gboolean
focus_in_view (gpointer data)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (data));
  GtkWidget *scroller = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkWidget *revealer = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_REVEALER) : NULL;
  graphene_rect_t bounds;

  return scroller != NULL && revealer != NULL && gtk_widget_get_mapped (focus) && gtk_widget_get_height (focus) > 0 &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) &&
         gtk_widget_compute_bounds (focus, scroller, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Scrolls to the top, until nothing scrolls it away any more. */
static gboolean
at_top (gpointer data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (data));
  gboolean was_at_top = gtk_adjustment_get_value (adjustment) == 0;

  gtk_adjustment_set_value (adjustment, 0);
  return was_at_top;
}

/* The row of the intervention added last, open, with the cursor in its
 * first text field, in view. */
static void
assert_new_row_ready (Fixture    *fixture,
                      const char *title)
{
  GtkWidget *focus;
  GtkWidget *row;

  wait_until (focus_in_view, fixture->window);
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_EDITABLE (focus));
  row = gtk_widget_get_ancestor (focus, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_null (gtk_widget_get_next_sibling (row));
  g_assert_true (focus_in_view (fixture->window));
}

/* Choose From the Card, type, Enter: the new intervention is open, in
 * view, and typing goes to it, as when it comes from the card browser. */
static void
test_chooser_focuses_new (Fixture       *fixture,
                          gconstpointer  data)
{
  LuwteInterventionsPage *page = luwte_case_workspace_get_interventions_page (fixture->workspace);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  LuwteCardIntervention *ordinance = luwte_card_find_intervention (card, "emergency-ordinance");
  g_autofree char *title = NULL;
  GtkScrolledWindow *scroller;
  GtkListBoxRow *first;
  GtkMenuButton *button;
  GtkWidget *entry;

  /* Enough open rows above that the new one is far below the fold. */
  for (guint i = 0; i < 6; i++)
    g_assert_true (luwte_interventions_page_choose (page, "do-nothing"));
  luwte_case_workspace_show_page (fixture->workspace, "interventions");
  assert_new_row_ready (fixture, "Do nothing");

  /* Back at the top, where the button is. */
  button = GTK_MENU_BUTTON (ui_find_of_type (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON));
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_SCROLLED_WINDOW));
  wait_until (at_top, scroller);
  gtk_menu_button_popup (button);
  ui_wait_idle ();
  entry = ui_find_of_type (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "noodbevel");
  ui_wait_idle ();
  first = GTK_LIST_BOX_ROW (ui_find_of_type (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_LIST_BOX_ROW));
  g_assert_nonnull (first);
  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (luwte_interventions_page_get_n_chosen (page), ==, 7);
  assert_new_row_ready (fixture, title);

  /* From the card browser: the same. */
  luwte_window_show_page (fixture->window, "card");
  g_assert_true (luwte_card_browser_show_intervention (luwte_window_get_card_browser (fixture->window),
                                                       "emergency-ordinance"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-to-case", NULL));
  g_assert_cmpuint (luwte_interventions_page_get_n_chosen (page), ==, 8);
  assert_new_row_ready (fixture, luwte_localized_get (luwte_card_intervention_get_title (ordinance), luwte_language_from_locale ()));
}

/* Whether a row is laid out below the fold of its page */
static gboolean
below_fold (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (row) && gtk_widget_get_height (row) > 0 &&
         gtk_widget_compute_bounds (row, scroller, &bounds) && bounds.origin.y >= gtk_widget_get_height (scroller);
}

/* Whether a row has opened all the way, and shows whole on its page; a
 * row taller than the page shows from its top, as much as fits. */
static gboolean
open_in_view (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *revealer = ui_find_of_type (row, GTK_TYPE_REVEALER);
  graphene_rect_t bounds;
  int page = gtk_widget_get_height (scroller);

  if (revealer == NULL || !gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) ||
      !gtk_widget_compute_bounds (row, scroller, &bounds))
    return FALSE;
  if (bounds.size.height > page)
    return bounds.origin.y > -0.5 && bounds.origin.y < 0.5;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= page;
}

/* @row, opened as the officer does at the bottom of its page, scrolls
 * into view, what it opened to too. */
static void
assert_opens_into_view (GtkWidget *row)
{
  GtkScrolledWindow *scroller;

  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_nonnull (scroller);
  wait_until (at_top, scroller);
  wait_until (below_fold, row);
  g_assert_true (below_fold (row));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_until (open_in_view, row);
  g_assert_true (open_in_view (row));
}

static void
test_expand_scrolls (Fixture       *fixture,
                     gconstpointer  data)
{
  LuwtePartiesPage *parties = luwte_case_workspace_get_parties_page (fixture->workspace);
  LuwteMessagesPage *messages = luwte_case_workspace_get_messages_page (fixture->workspace);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Party %u", i + 1);
      g_autofree char *url = g_strdup_printf ("https://example.org/post/%u", i + 1);
      g_autoptr(LuwteParty) party = luwte_party_new (LUWTE_ROLE_OTHER, name, "Organisation", "");
      LuwteEvidenceNew entry = { url, "Example", "@example", "2026-11-30 18:00", NULL, "A call to gather", NULL };
      g_autoptr(LuwteEvidence) evidence = NULL;

      g_assert_true (luwte_store_add_party (fixture->store, fixture->kase, party, &error));
      g_assert_no_error (error);
      evidence = luwte_store_add_evidence (fixture->store, fixture->kase, &entry, NULL, &error);
      g_assert_no_error (error);
    }
  luwte_parties_page_set_case (parties, fixture->store, fixture->kase);
  luwte_messages_page_set_case (messages, fixture->store, fixture->kase);
  g_assert_cmpuint (luwte_parties_page_get_n_parties (parties), ==, 10);
  g_assert_cmpuint (luwte_messages_page_get_n_messages (messages), ==, 10);

  /* The Messages page reads its rows again when it shows. */
  luwte_case_workspace_show_page (fixture->workspace, "parties");
  ui_wait_idle ();
  assert_opens_into_view (luwte_parties_page_get_row (parties, 9));
  luwte_case_workspace_show_page (fixture->workspace, "messages");
  ui_wait_idle ();
  assert_opens_into_view (luwte_messages_page_get_row (messages, 9));
}

/* Whether a popover's list is laid out */
static gboolean
list_laid_out (gpointer data)
{
  GtkWidget *scroller = data;

  return gtk_widget_get_mapped (scroller) && gtk_widget_get_height (scroller) > 0 &&
         gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))) > 0;
}

/* Pauses the main loop for @ms */
static void
wait_ms (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add_once (ms, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
}

/* Whether a popover's list shows all it holds, without scrolling */
static gboolean
list_whole (gpointer data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (data));

  return list_laid_out (data) && gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 0.5;
}

/* Opens @combo's list and returns its scrolled window, laid out */
static GtkScrolledWindow *
open_list (GtkWidget *combo)
{
  GtkWidget *popover = ui_find_of_type (combo, GTK_TYPE_POPOVER);
  GtkWidget *scroller = popover != NULL ? ui_find_of_type (popover, GTK_TYPE_SCROLLED_WINDOW) : NULL;

  g_assert_nonnull (scroller);
  gtk_widget_activate (combo);
  wait_until (list_laid_out, scroller);
  g_assert_true (list_laid_out (scroller));
  return GTK_SCROLLED_WINDOW (scroller);
}

static void
close_list (GtkScrolledWindow *scroller)
{
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (scroller), GTK_TYPE_POPOVER)));
  ui_wait_idle ();
}

/* The role list of a party, in a 1100×720 window: every role shows when
 * the row is at the bottom of the window, as the officer found it; in
 * the middle, where neither side has room, its scrollbar stays in sight. */
static void
test_role_list_whole (Fixture       *fixture,
                      gconstpointer  data)
{
  LuwtePartiesPage *parties = luwte_case_workspace_get_parties_page (fixture->workspace);
  g_autoptr(GError) error = NULL;
  GtkScrolledWindow *list;
  GtkAdjustment *adjustment;
  GtkWidget *page_scroller;
  graphene_rect_t bounds;
  GtkWidget *combo;
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Party %u", i + 1);
      g_autoptr(LuwteParty) party = luwte_party_new (LUWTE_ROLE_POLICE, name, "Organisation", "");

      g_assert_true (luwte_store_add_party (fixture->store, fixture->kase, party, &error));
      g_assert_no_error (error);
    }
  luwte_parties_page_set_case (parties, fixture->store, fixture->kase);
  luwte_case_workspace_show_page (fixture->workspace, "parties");
  ui_wait_idle ();
  /* 720 less the decorations' shadow */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), >, 680);

  row = luwte_parties_page_get_row (parties, 5);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_until (open_in_view, row);
  wait_ms (300);
  combo = ui_find_of_type (row, ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (combo);

  /* The role row in the middle of the window */
  list = open_list (combo);
  g_assert_false (gtk_scrolled_window_get_overlay_scrolling (list));
  close_list (list);

  /* The role row at the bottom of the window */
  page_scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page_scroller));
  g_assert_true (gtk_widget_compute_bounds (combo, page_scroller, &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y + bounds.size.height -
                                        gtk_widget_get_height (page_scroller));
  wait_ms (300);
  g_assert_true (gtk_widget_compute_bounds (combo, GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >, 500);
  list = open_list (combo);
  wait_until (list_whole, list);
  g_assert_true (list_whole (list));
  close_list (list);
}

/* The labels the case menu shows now, as the officer sees them, and the
 * item that reads @wanted, if shown. */
static char *
case_menu_items (Fixture     *fixture,
                 const char  *wanted,
                 GtkWidget  **item)
{
  LuwteCasesPage *cases = luwte_window_get_cases_page (fixture->window);
  GtkMenuButton *button = NULL;
  GString *labels = g_string_new (NULL);
  GPtrArray *stack = g_ptr_array_new ();
  GtkWidget *popover;

  /* The ⋮ button in the workspace's header, not the letter editor's. */
  g_ptr_array_add (stack, cases);
  while (stack->len > 0 && button == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Case Menu") == 0)
        button = GTK_MENU_BUTTON (widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  ui_wait_idle ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_visible (popover));

  *item = NULL;
  g_ptr_array_set_size (stack, 0);
  g_ptr_array_add (stack, popover);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, 0);

      if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") && gtk_widget_get_visible (widget))
        {
          g_autofree char *text = NULL;

          g_object_get (widget, "text", &text, NULL);
          g_string_append_printf (labels, "%s|", text);
          if (g_strcmp0 (text, wanted) == 0)
            *item = widget;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  return g_string_free (labels, FALSE);
}

/* The case menu closes an open case with the evaluation, as the status
 * row does, and reopens a closed one. */
static void
test_case_menu_close_reopen (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *labels = NULL;
  LuwteCloseDialog *dialog;
  GtkWidget *item;

  labels = case_menu_items (fixture, "Close Case…", &item);
  g_assert_nonnull (strstr (labels, "Close Case…|"));
  g_assert_null (strstr (labels, "Reopen Case"));
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  ui_wait_idle ();

  /* The close dialog, with its evaluation; the case is closed only by it. */
  dialog = luwte_case_workspace_get_close_dialog (fixture->workspace);
  g_assert_nonnull (dialog);
  g_assert_cmpint (luwte_case_get_status (fixture->kase), ==, LUWTE_CASE_STATUS_SIGNAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evaluation.close-case", NULL));
  ui_wait_idle ();
  g_assert_null (luwte_case_workspace_get_close_dialog (fixture->workspace));
  g_assert_cmpint (luwte_case_get_status (fixture->kase), ==, LUWTE_CASE_STATUS_CLOSED);
  g_assert_true (luwte_case_workspace_is_read_only (fixture->workspace));

  g_clear_pointer (&labels, g_free);
  labels = case_menu_items (fixture, "Reopen Case", &item);
  g_assert_null (strstr (labels, "Close Case…"));
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  ui_wait_idle ();
  g_assert_cmpint (luwte_case_get_status (fixture->kase), ==, LUWTE_CASE_STATUS_ACTIVE);
  g_assert_false (luwte_case_workspace_is_read_only (fixture->workspace));

  g_clear_pointer (&labels, g_free);
  labels = case_menu_items (fixture, "Close Case…", &item);
  g_assert_nonnull (item);
}

/* Alt+1 … Alt+7 show the tabs in the order the switcher shows them, from
 * wherever the focus is while the workspace shows. */
static void
test_tab_shortcuts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->workspace));
  GtkShortcutController *shortcuts = NULL;
  GtkSelectionModel *pages = NULL;
  GPtrArray *stack = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_GLOBAL)
        shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (shortcuts);

  g_ptr_array_add (stack, fixture->workspace);
  while (stack->len > 0 && pages == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, 0);

      if (ADW_IS_VIEW_STACK (widget))
        pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  g_assert_nonnull (pages);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shortcuts)), ==, 7);

  /* From inside a text field, the case's title. */
  luwte_case_workspace_focus_title (fixture->workspace);
  for (guint n = 7; n >= 1; n--)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), n - 1);
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), n - 1);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      g_assert_true (GTK_IS_KEYVAL_TRIGGER (trigger));
      g_assert_cmpuint (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)), ==, GDK_KEY_0 + n);
      g_assert_cmpuint (gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)), ==, GDK_ALT_MASK);
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                   GTK_WIDGET (fixture->workspace), gtk_shortcut_get_arguments (shortcut)));
      g_assert_cmpstr (luwte_case_workspace_get_visible_page (fixture->workspace), ==,
                       adw_view_stack_page_get_name (page));
    }

  /* The action the keys name, by name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->workspace), "workspace.show-page", "s", "letters"));
  g_assert_cmpstr (luwte_case_workspace_get_visible_page (fixture->workspace), ==, "letters");
  g_object_unref (pages);
}

/* A menu button with the tooltip @tooltip */
static gboolean
is_menu_button_with_tooltip (GtkWidget     *widget,
                             gconstpointer  tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A button labelled @label */
static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The time of the gathering picked from the calendar, as an officer who
 * would rather not type it: the day and the clock set, the field says it,
 * the case stores it. Opened again, the calendar starts at that time. A
 * closed case has no calendar to pick from. */
static void
test_time_from_calendar (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) new_year = g_date_time_new_local (2026, 12, 31, 21, 30, 0);
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(LuwteCase) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = luwte_time_parse_typed ("2026-12-31 21:30");
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *field;
  GtkCalendar *calendar;
  GtkWidget *spins[2] = { NULL, NULL };
  guint n_spins = 0;

  luwte_case_workspace_show_page (fixture->workspace, "context");
  ui_wait_idle ();
  button = ui_find_matching (GTK_WIDGET (fixture->workspace), is_menu_button_with_tooltip, "Choose From a Calendar");
  g_assert_nonnull (button);
  field = gtk_widget_get_ancestor (button, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (field);
  g_assert_true (gtk_widget_get_visible (button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ui_wait_idle ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  calendar = GTK_CALENDAR (ui_find_of_type (popover, GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
  for (GtkWidget *spin = ui_find_of_type (popover, GTK_TYPE_SPIN_BUTTON); spin != NULL && n_spins < 2;
       spin = n_spins < 2 ? ui_find_of_type (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (spin)), GTK_TYPE_SPIN_BUTTON) : NULL)
    spins[n_spins++] = spin;
  g_assert_cmpuint (n_spins, ==, 2);

  gtk_calendar_select_day (calendar, new_year);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[0]), 21);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[1]), 30);
  g_assert_nonnull (ui_find_matching (popover, is_button_labelled, "_Set"));
  g_signal_emit_by_name (ui_find_matching (popover, is_button_labelled, "_Set"), "clicked");
  ui_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "2026-12-31 21:30");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (luwte_case_workspace_flush (fixture->workspace));
  stored = luwte_store_get_case (fixture->store, luwte_case_get_reference (fixture->kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_event_at (stored), ==, expected);

  /* Opened again: at the time the field holds. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  ui_wait_idle ();
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 31);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spins[0])), ==, 21);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spins[1])), ==, 30);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  ui_wait_idle ();

  /* Closed: read, not picked. */
  g_assert_true (luwte_store_set_case_status (fixture->store, fixture->kase, LUWTE_CASE_STATUS_CLOSED, &error));
  g_assert_true (luwte_case_workspace_set_case (fixture->workspace, fixture->kase));
  ui_wait_idle ();
  g_assert_false (gtk_widget_get_visible (button));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("luwte-workspace-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/workspace/case-menu-close-reopen", Fixture, "menu.db", fixture_set_up, test_case_menu_close_reopen,
              fixture_tear_down);
  g_test_add ("/ui/workspace/time-from-calendar", Fixture, "calendar.db", fixture_set_up, test_time_from_calendar,
              fixture_tear_down);
  g_test_add ("/ui/workspace/tab-shortcuts", Fixture, "tabs.db", fixture_set_up, test_tab_shortcuts, fixture_tear_down);
  g_test_add ("/ui/workspace/expand-scrolls", Fixture, "expand.db", fixture_set_up, test_expand_scrolls,
              fixture_tear_down);
  g_test_add ("/ui/workspace/role-list-whole", Fixture, "roles.db", fixture_set_up, test_role_list_whole,
              fixture_tear_down);
  g_test_add ("/ui/workspace/chooser-focuses-new", Fixture, "chooser.db", fixture_set_up, test_chooser_focuses_new,
              fixture_tear_down);

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf %s", test_dir);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  g_free (test_dir);
  return status;
}
