/* test-cases-page.c — starting a case and typing in it, as an officer
 * does, and finding it saved after the window is closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-case-intervention.h"
#include "luwte-note.h"
#include "luwte-notes-page.h"
#include "luwte-parties-page.h"
#include "luwte-interventions-page.h"
#include "luwte-cases-page.h"
#include "luwte-demo.h"
#include "luwte-search.h"
#include "luwte-preferences-window.h"
#include "luwte-profile.h"
#include "luwte-messages-page.h"
#include "luwte-link.h"
#include "luwte-screenshot-viewer.h"
#include "luwte-evidence.h"
#include "luwte-party.h"
#include "luwte-store.h"
#include "luwte-time.h"
#include "luwte-window.h"
#include "luwte-timeline.h"
#include "luwte-undo-toast.h"
#include "luwte-evaluation.h"
#include "luwte-letter.h"
#include "luwte-close-dialog.h"
#include "luwte-tooltip.h"

#include "ui-test-widgets.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

static char *test_dir;

static void
wait_idle (void)
{
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* A window on a new database at @path, shown and settled; *@store is
 * set to the database. */
static LuwteWindow *
open_window (const char  *path,
             LuwteCard   *card,
             LuwteStore **store)
{
  g_autoptr(GError) error = NULL;
  LuwteWindow *window;

  *store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, *store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  return window;
}

typedef struct {
  GType       type;
  const char *title;
} Titled;

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  data)
{
  const Titled *wanted = data;
  const char *text = NULL;

  if (!g_type_is_a (G_OBJECT_TYPE (widget), wanted->type))
    return FALSE;
  if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  return g_strcmp0 (text, wanted->title) == 0;
}

/* The first descendant of @widget of @type: a preferences row with
 * @title, or a label or button with @title as its text. */
static GtkWidget *
find_titled (GtkWidget  *widget,
             GType       type,
             const char *title)
{
  Titled wanted = { type, title };

  return ui_find_matching (widget, is_titled, &wanted);
}

/* The focused editable: where typing goes. */
static GtkEditable *
focused_editable (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  while (focus != NULL && !GTK_IS_EDITABLE (focus))
    focus = gtk_widget_get_parent (focus);
  g_assert_nonnull (focus);
  return GTK_EDITABLE (focus);
}

static void
test_new_case_saved_on_close (void)
{
  g_autofree char *path = g_build_filename (test_dir, "ui.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteStore) reopened = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  LuwteWindow *window;
  LuwteCase *kase;
  GtkEditable *title;

  window = open_window (path, card, &store);

  /* Ctrl+N's action: a new case with the cursor in its title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));
  wait_idle ();
  kase = luwte_cases_page_get_selected (luwte_window_get_cases_page (window));
  g_assert_nonnull (kase);
  reference = g_strdup (luwte_case_get_reference (kase));
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_SIGNAL);

  title = focused_editable (GTK_WINDOW (window));
  gtk_editable_set_text (title, "Oproep <b>rellen</b> & vuurwerk");
  /* Closing at once, within the typing delay: nothing may be lost. */
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();
  g_clear_object (&store);

  reopened = luwte_store_open (path, &error);
  g_assert_no_error (error);
  cases = luwte_store_list_cases (reopened, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (luwte_case_get_reference (g_ptr_array_index (cases, 0)), ==, reference);
  g_assert_cmpstr (luwte_case_get_title (g_ptr_array_index (cases, 0)), ==, "Oproep <b>rellen</b> & vuurwerk");
}

static void
test_typing_saves_after_delay (void)
{
  g_autofree char *path = g_build_filename (test_dir, "delay.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteStore) other = NULL;
  g_autoptr(LuwteCase) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  LuwteWindow *window;
  LuwteCase *kase;

  window = open_window (path, card, &store);

  kase = luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  g_assert_nonnull (kase);
  gtk_editable_set_text (focused_editable (GTK_WINDOW (window)), "Feest Haren");

  /* Without closing anything: after the typing delay, another connection
   * (another process, a crash later) sees it. */
  g_timeout_add_once (1200, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);

  other = luwte_store_open (path, &error);
  g_assert_no_error (error);
  seen = luwte_store_get_case (other, luwte_case_get_reference (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_title (seen), ==, "Feest Haren");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* A time typed as people say it ("morgen 21:00") is written out as the
 * date and time it was read as when the cursor leaves the field: stored
 * again tomorrow, with another field, it would otherwise move a day. */
static void
test_typed_time_written_out (void)
{
  g_autofree char *path = g_build_filename (test_dir, "typed-time.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *expected = g_strdup_printf ("%04d-%02d-%02d 21:00", g_date_time_get_year (tomorrow),
                                               g_date_time_get_month (tomorrow),
                                               g_date_time_get_day_of_month (tomorrow));
  GtkWidget *title;
  GtkWidget *gathering;
  LuwteCasesPage *cases;
  LuwteWindow *window;
  LuwteCase *kase;

  window = open_window (path, card, &store);
  cases = luwte_window_get_cases_page (window);
  kase = luwte_cases_page_new_case (cases);
  title = gtk_widget_get_ancestor (GTK_WIDGET (focused_editable (GTK_WINDOW (window))), ADW_TYPE_ENTRY_ROW);
  gathering = find_titled (GTK_WIDGET (luwte_cases_page_get_workspace (cases)), ADW_TYPE_ENTRY_ROW,
                           "Expected Gathering (e.g. 2026-12-31 22:00)");
  g_assert_nonnull (gathering);

  gtk_widget_grab_focus (gathering);
  gtk_editable_set_text (GTK_EDITABLE (gathering), "morgen 21:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gathering)), ==, "morgen 21:00");
  gtk_widget_grab_focus (title);
  wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gathering)), ==, expected);
  g_assert_true (luwte_cases_page_flush (cases));
  {
    g_autoptr(LuwteCase) seen = luwte_store_get_case (store, luwte_case_get_reference (kase), &error);
    g_autofree char *stored = luwte_time_format_local (luwte_case_get_event_at (seen), "%F %R");

    g_assert_no_error (error);
    g_assert_cmpstr (stored, ==, expected);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static void
test_store_problem_shown (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) problem = g_error_new_literal (LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_TOO_NEW, "made by a newer version");
  LuwteWindow *window = luwte_window_new (NULL, card, NULL, NULL, problem);

  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  /* No case can be started, the card still works. */
  g_assert_null (luwte_cases_page_new_case (luwte_window_get_cases_page (window)));
  luwte_card_browser_select_group (luwte_window_get_card_browser (window), 6);
  g_assert_cmpuint (luwte_card_browser_get_group_number (luwte_window_get_card_browser (window)), ==, 6);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  g_assert_null (window);
}


static void
test_choose_interventions (void)
{
  g_autofree char *path = g_build_filename (test_dir, "interventions.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteStore) other = NULL;
  g_autoptr(LuwteCase) seen = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  LuwteCaseWorkspace *workspace;
  LuwteWindow *window;
  LuwteCase *kase;

  window = open_window (path, card, &store);
  kase = luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  reference = g_strdup (luwte_case_get_reference (kase));
  workspace = luwte_cases_page_get_workspace (luwte_window_get_cases_page (window));

  /* From the card browser: the intervention shown goes to the case. */
  luwte_window_show_page (window, "card");
  g_assert_true (luwte_card_browser_show_intervention (luwte_window_get_card_browser (window), "emergency-ordinance"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-case", NULL));
  wait_idle ();
  g_assert_cmpuint (luwte_case_workspace_get_n_interventions (workspace), ==, 1);

  /* And from the case itself; an id the card does not have is refused. */
  g_assert_true (luwte_case_workspace_choose_intervention (workspace, "do-nothing"));
  g_assert_false (luwte_case_workspace_choose_intervention (workspace, "no-such-id"));
  g_assert_cmpuint (luwte_case_workspace_get_n_interventions (workspace), ==, 2);

  /* The cursor is in the new row; what is typed there is stored. */
  gtk_editable_set_text (focused_editable (GTK_WINDOW (window)), "Jongerenwerk en wijkagent");
  /* Tab goes from the one-line fields straight into the reasoning's
   * text: the list row around a multi-line field takes no focus of its
   * own, where typing would go nowhere, nor does the card's selectable
   * legal note, which would select all of itself on the way. */
  {
    GtkWidget *expander = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), ADW_TYPE_EXPANDER_ROW);
    g_autoptr(GPtrArray) views = g_ptr_array_new ();
    g_autoptr(GPtrArray) walk = g_ptr_array_new ();

    g_ptr_array_add (walk, expander);
    while (walk->len > 0)
      {
        GtkWidget *widget = g_ptr_array_steal_index (walk, walk->len - 1);

        if (GTK_IS_TEXT_VIEW (widget))
          g_ptr_array_add (views, widget);
        if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)))
          g_assert_false (gtk_widget_get_focusable (widget));
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (walk, child);
      }
    g_assert_cmpuint (views->len, >=, 2);
    for (guint i = 0; i < views->len; i++)
      {
        GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (views, i), GTK_TYPE_LIST_BOX_ROW);

        g_assert_true (gtk_widget_get_focusable (g_ptr_array_index (views, i)));
        g_assert_false (gtk_widget_get_focusable (row));
      }
  }
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();

  other = luwte_store_open (path, &error);
  g_assert_no_error (error);
  seen = luwte_store_get_case (other, reference, &error);
  g_assert_no_error (error);
  chosen = luwte_store_list_case_interventions (other, seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chosen->len, ==, 2);
  g_assert_cmpstr (luwte_case_intervention_get_card_id (g_ptr_array_index (chosen, 0)), ==, "emergency-ordinance");
  g_assert_cmpstr (luwte_case_intervention_get_card_version (g_ptr_array_index (chosen, 0)), ==, luwte_card_get_version (card));
  g_assert_cmpstr (luwte_case_intervention_get_responsible (g_ptr_array_index (chosen, 1)), ==, "Jongerenwerk en wijkagent");
}


static void
test_load_demo_cases (void)
{
  g_autofree char *path = g_build_filename (test_dir, "demo.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LuwteWindow *window;
  GListModel *model;

  window = open_window (path, card, &store);

  model = luwte_cases_page_get_model (luwte_window_get_cases_page (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (luwte_window_get_cases_page (window)), "cases.load-demo", NULL));
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);
  g_assert_nonnull (luwte_cases_page_get_selected (luwte_window_get_cases_page (window)));
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 12);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();

  /* A database that held a real case, deleted since, is not offered
   * made-up ones: it is a live one. */
  g_clear_object (&store);
  g_free (path);
  path = g_build_filename (test_dir, "live.db", NULL);
  window = open_window (path, card, &store);
  g_assert_true (gtk_widget_is_visible (find_titled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Load Demo Cases")));
  luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  wait_idle ();
  g_assert_true (luwte_cases_page_delete_selected (luwte_window_get_cases_page (window)));
  wait_idle ();
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 0);
  g_assert_false (gtk_widget_is_visible (find_titled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Load Demo Cases")));
  gtk_widget_activate_action (GTK_WIDGET (luwte_window_get_cases_page (window)), "cases.load-demo", NULL);
  wait_idle ();
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}


/* The text view of the notes form: the only GtkTextView in the page. */
static GtkTextView *
find_text_view (GtkWidget *widget)
{
  return GTK_TEXT_VIEW (ui_find_of_type (widget, GTK_TYPE_TEXT_VIEW));
}

static void
test_notes_log (void)
{
  g_autofree char *path = g_build_filename (test_dir, "notes.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteStore) other = NULL;
  g_autoptr(LuwteCase) seen = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  LuwteNotesPage *page;
  GtkTextView *view;
  LuwteWindow *window;

  window = open_window (path, card, &store);
  reference = g_strdup (luwte_case_get_reference (luwte_cases_page_new_case (luwte_window_get_cases_page (window))));
  page = luwte_case_workspace_get_notes_page (luwte_cases_page_get_workspace (luwte_window_get_cases_page (window)));
  view = find_text_view (GTK_WIDGET (page));
  g_assert_nonnull (view);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Driehoek: geen noodbevel, wel extra toezicht", -1);
  g_assert_true (luwte_notes_page_add_draft (page));
  g_assert_cmpuint (luwte_notes_page_get_n_notes (page), ==, 1);

  /* The timeline shows it with the case's start, when its page is shown. */
  luwte_case_workspace_show_page (luwte_cases_page_get_workspace (luwte_window_get_cases_page (window)), "timeline");
  wait_idle ();
  g_assert_cmpuint (luwte_timeline_page_get_n_events (luwte_case_workspace_get_timeline_page (
                      luwte_cases_page_get_workspace (luwte_window_get_cases_page (window)))), ==, 2);
  /* Deleted and brought back with the Timeline still the tab: shown
   * again when the case is, not empty. */
  g_assert_true (luwte_cases_page_delete_selected (luwte_window_get_cases_page (window)));
  wait_idle ();
  g_assert_true (luwte_cases_page_undo_delete (luwte_window_get_cases_page (window)));
  wait_idle ();
  g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (luwte_window_get_cases_page (window))), ==,
                   reference);
  g_assert_cmpuint (luwte_timeline_page_get_n_events (luwte_case_workspace_get_timeline_page (
                      luwte_cases_page_get_workspace (luwte_window_get_cases_page (window)))), ==, 2);

  /* Typed but not added: closing the window still keeps it. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Ouders gebeld <i>vanavond</i>", -1);
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();

  other = luwte_store_open (path, &error);
  g_assert_no_error (error);
  seen = luwte_store_get_case (other, reference, &error);
  g_assert_no_error (error);
  notes = luwte_store_list_notes (other, seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (luwte_note_get_text (g_ptr_array_index (notes, 1)), ==, "Ouders gebeld <i>vanavond</i>");
}

static GtkListView *find_log_view (GtkWidget *widget);

/* Found by the new-user test: a long log made the window taller with each
 * entry; the log scrolls inside the page and the window keeps its size. */
static void
test_long_log_keeps_window_size (void)
{
  g_autofree char *path = g_build_filename (test_dir, "long-log.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCaseWorkspace *workspace;
  LuwteNotesPage *page;
  GtkTextView *view;
  LuwteWindow *window;
  int default_width = 0;
  int default_height = 0;
  int first_height;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  g_assert_cmpint (default_height, >, 0);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  workspace = luwte_cases_page_get_workspace (luwte_window_get_cases_page (window));
  luwte_case_workspace_show_page (workspace, "notes");
  page = luwte_case_workspace_get_notes_page (workspace);
  view = find_text_view (GTK_WIDGET (page));
  wait_idle ();
  first_height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (first_height, <=, default_height);

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("Melding %d: groep jongeren bij het winkelcentrum,"
                                               " de wijkagent gaat erheen en belt daarna terug.", i);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
      g_assert_true (luwte_notes_page_add_draft (page));
      wait_idle ();
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, default_height);
    }
  g_assert_cmpuint (luwte_notes_page_get_n_notes (page), ==, 40);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, first_height);

  /* Scrolled down the log, an entry added shows on top, whole. */
  {
    GtkAdjustment *scrolled = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_log_view (GTK_WIDGET (page))));
    gint64 deadline;

    gtk_adjustment_set_value (scrolled, gtk_adjustment_get_upper (scrolled));
    wait_idle ();
    g_assert_cmpfloat (gtk_adjustment_get_value (scrolled), >, 0);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Nieuwste melding", -1);
    g_assert_true (luwte_notes_page_add_draft (page));
    /* The list scrolls when it is next laid out. */
    deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    while (gtk_adjustment_get_value (scrolled) != 0 && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_assert_cmpfloat (gtk_adjustment_get_value (scrolled), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* The check button of the log row whose text is @text, if it shows one. */
static gboolean
is_done_button (GtkWidget     *widget,
                gconstpointer  text)
{
  GtkWidget *box, *label;

  if (!GTK_IS_CHECK_BUTTON (widget) || !gtk_widget_is_visible (widget))
    return FALSE;
  box = gtk_widget_get_next_sibling (gtk_widget_get_parent (widget));
  label = box != NULL ? gtk_widget_get_first_child (box) : NULL;
  return GTK_IS_LABEL (label) && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text);
}

static GtkCheckButton *
find_done_button (GtkWidget  *widget,
                  const char *text)
{
  GtkWidget *found = ui_find_matching (widget, is_done_button, text);

  return found != NULL ? GTK_CHECK_BUTTON (found) : NULL;
}

/* The line under the entry's text: when, what kind, and for an action
 * point whether it is done or overdue. */
static const char *
row_meta (GtkCheckButton *done)
{
  GtkWidget *box = gtk_widget_get_next_sibling (gtk_widget_get_parent (GTK_WIDGET (done)));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box))));
}

static void
test_action_points_done (void)
{
  g_autofree char *path = g_build_filename (test_dir, "actions.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteNote) late = NULL;
  g_autoptr(LuwteNote) later = NULL;
  g_autoptr(LuwteNote) said = NULL;
  g_autoptr(GError) error = NULL;
  LuwteNoteNew overdue = { .at = "2020-03-02T10:00:00+01:00", .kind = LUWTE_NOTE_KIND_ACTION,
                           .text = "Wijkagent belt de ouders", .action_by = "Wijkagent",
                           .action_due = "2020-03-03T12:00:00+01:00" };
  LuwteNoteNew open = { .at = "2020-03-02T10:05:00+01:00", .kind = LUWTE_NOTE_KIND_ACTION,
                        .text = "Jongerenwerk spreekt de groep aan", .action_by = "Jongerenwerk",
                        .action_due = "2099-03-03T12:00:00+01:00" };
  LuwteNoteNew decision = { .at = "2020-03-02T10:10:00+01:00", .kind = LUWTE_NOTE_KIND_DECISION,
                            .text = "Geen noodbevel" };
  LuwteCaseWorkspace *workspace;
  LuwteNotesPage *page;
  GtkCheckButton *done;
  LuwteWindow *window;
  LuwteCase *kase;

  window = open_window (path, card, &store);
  kase = luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  workspace = luwte_cases_page_get_workspace (luwte_window_get_cases_page (window));
  page = luwte_case_workspace_get_notes_page (workspace);
  late = luwte_store_add_note (store, kase, &overdue, &error);
  later = luwte_store_add_note (store, kase, &open, &error);
  said = luwte_store_add_note (store, kase, &decision, &error);
  g_assert_no_error (error);
  luwte_notes_page_set_case (page, store, NULL);
  luwte_notes_page_set_case (page, store, kase);
  luwte_case_workspace_show_page (workspace, "notes");
  wait_idle ();
  g_assert_cmpuint (luwte_notes_page_get_n_open_actions (page), ==, 2);

  /* Only action points have a check button; the one past its due date
   * says so. */
  g_assert_null (find_done_button (GTK_WIDGET (page), "Geen noodbevel"));
  g_assert_nonnull (find_done_button (GTK_WIDGET (page), "Jongerenwerk spreekt de groep aan"));
  g_assert_null (strstr (row_meta (find_done_button (GTK_WIDGET (page), "Jongerenwerk spreekt de groep aan")), "Overdue"));
  done = find_done_button (GTK_WIDGET (page), "Wijkagent belt de ouders");
  g_assert_nonnull (done);
  g_assert_nonnull (strstr (row_meta (done), "Overdue"));
  g_assert_false (gtk_check_button_get_active (done));

  /* By keyboard: focus on the check button, Space ticks it off. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (done)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (done)));
  wait_idle ();
  g_assert_true (gtk_check_button_get_active (done));
  g_assert_cmpint (luwte_store_count_open_actions (store, kase, NULL), ==, 1);
  g_assert_cmpuint (luwte_notes_page_get_n_open_actions (page), ==, 1);
  g_assert_nonnull (strstr (row_meta (done), "Done "));
  g_assert_null (strstr (row_meta (done), "Overdue"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (gtk_widget_get_next_sibling (
                                             gtk_widget_get_parent (GTK_WIDGET (done)))), "dim-label"));

  /* Opened again: stored at once, overdue once more. */
  gtk_check_button_set_active (done, FALSE);
  wait_idle ();
  g_assert_cmpint (luwte_store_count_open_actions (store, kase, NULL), ==, 2);
  g_assert_cmpuint (luwte_notes_page_get_n_open_actions (page), ==, 2);
  g_assert_nonnull (strstr (row_meta (done), "Overdue"));
  {
    g_autoptr(GPtrArray) notes = luwte_store_list_notes (store, kase, &error);

    g_assert_no_error (error);
    g_assert_null (luwte_note_get_done_at (g_ptr_array_index (notes, 0)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* Closing warns of action points still open and letters still drafts,
 * and closes all the same. */
static void
test_close_warns_of_open_work (void)
{
  g_autofree char *path = g_build_filename (test_dir, "close-open-work.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteNote) open = NULL;
  g_autoptr(LuwteNote) ticked = NULL;
  g_autoptr(LuwteLetter) first = NULL;
  g_autoptr(LuwteLetter) second = NULL;
  g_autoptr(GError) error = NULL;
  LuwteNoteNew todo = { .kind = LUWTE_NOTE_KIND_ACTION, .text = "Wijkagent belt de ouders", .action_by = "Wijkagent" };
  LuwteNoteNew decision = { .kind = LUWTE_NOTE_KIND_DECISION, .text = "Geen noodbevel" };
  LuwteCaseWorkspace *workspace;
  LuwteCloseDialog *dialog;
  LuwteWindow *window;
  LuwteCase *kase;
  const char *warning;

  window = open_window (path, card, &store);
  kase = luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  workspace = luwte_cases_page_get_workspace (luwte_window_get_cases_page (window));

  /* Nothing open: no warning. */
  luwte_case_workspace_choose_status (workspace, LUWTE_CASE_STATUS_CLOSED);
  wait_idle ();
  dialog = luwte_case_workspace_get_close_dialog (workspace);
  g_assert_nonnull (dialog);
  g_assert_null (luwte_close_dialog_get_open_work (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_idle ();

  open = luwte_store_add_note (store, kase, &todo, &error);
  ticked = luwte_store_add_note (store, kase, &todo, &error);
  g_assert_nonnull (luwte_store_add_note (store, kase, &decision, &error));
  g_assert_no_error (error);
  g_assert_true (luwte_store_set_note_done (store, kase, ticked, TRUE, &error));
  first = luwte_store_add_letter (store, kase, "ntd-platform", LUWTE_LANGUAGE_NL, 0, &error);
  second = luwte_store_add_letter (store, kase, "ntd-platform", LUWTE_LANGUAGE_NL, 0, &error);
  g_assert_no_error (error);

  /* Added beside the page: shown when the case is shown anew. */
  luwte_notes_page_set_case (luwte_case_workspace_get_notes_page (workspace), store, NULL);
  luwte_notes_page_set_case (luwte_case_workspace_get_notes_page (workspace), store, kase);
  luwte_case_workspace_show_page (workspace, "notes");
  wait_idle ();
  g_assert_nonnull (find_done_button (GTK_WIDGET (luwte_case_workspace_get_notes_page (workspace)), "Wijkagent belt de ouders"));

  luwte_case_workspace_choose_status (workspace, LUWTE_CASE_STATUS_CLOSED);
  wait_idle ();
  dialog = luwte_case_workspace_get_close_dialog (workspace);
  g_assert_nonnull (dialog);
  warning = luwte_close_dialog_get_open_work (dialog);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "1 action point is still open."));
  g_assert_nonnull (strstr (warning, "2 letters are still drafts."));

  /* The officer may close all the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evaluation.close-case", NULL));
  wait_idle ();
  g_assert_null (luwte_case_workspace_get_close_dialog (workspace));
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_CLOSED);

  /* Closed: the action point can no longer be ticked off in the log. */
  luwte_case_workspace_show_page (workspace, "notes");
  wait_idle ();
  g_assert_null (find_done_button (GTK_WIDGET (luwte_case_workspace_get_notes_page (workspace)), "Wijkagent belt de ouders"));

  /* Reopened: action points can be ticked off again, other entries still
   * have nothing to tick. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.reopen", NULL));
  wait_idle ();
  g_assert_nonnull (find_done_button (GTK_WIDGET (luwte_case_workspace_get_notes_page (workspace)), "Wijkagent belt de ouders"));
  g_assert_null (find_done_button (GTK_WIDGET (luwte_case_workspace_get_notes_page (workspace)), "Geen noodbevel"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  GtkWidget *found = find_titled (widget, ADW_TYPE_ENTRY_ROW, title);

  return found != NULL ? ADW_ENTRY_ROW (found) : NULL;
}

static void
test_parties_with_undo (void)
{
  g_autofree char *path = g_build_filename (test_dir, "parties.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;
  LuwtePartiesPage *page;
  LuwteWindow *window;
  LuwteCase *kase;

  window = open_window (path, card, &store);
  kase = luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  page = luwte_case_workspace_get_parties_page (luwte_cases_page_get_workspace (luwte_window_get_cases_page (window)));

  /* Nothing typed: refused, with a message, nothing stored. */
  g_assert_false (luwte_parties_page_add_from_form (page));
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Name")), "Wijkagent Noord");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Organisation")), "Politie <b>&</b>");
  g_assert_true (luwte_parties_page_add_from_form (page));
  g_assert_cmpuint (luwte_parties_page_get_n_parties (page), ==, 1);

  g_assert_true (luwte_parties_page_remove (page, 0));
  g_assert_cmpuint (luwte_parties_page_get_n_parties (page), ==, 0);
  g_assert_true (luwte_parties_page_undo_remove (page));
  g_assert_cmpuint (luwte_parties_page_get_n_parties (page), ==, 1);

  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parties->len, ==, 1);
  g_assert_cmpstr (luwte_party_get_organisation (g_ptr_array_index (parties, 0)), ==, "Politie <b>&</b>");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}


/* Enter, as pressed in @row: its text is activated. */
static void
press_enter_in (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  g_assert_true (GTK_IS_TEXT (text));
  g_signal_emit_by_name (text, "activate");
}

static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  GtkWidget *found = find_titled (widget, ADW_TYPE_COMBO_ROW, title);

  return found != NULL ? ADW_COMBO_ROW (found) : NULL;
}

/* The notes page's log: the list view that is a rich list */
static gboolean
is_log_view (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "rich-list");
}

static GtkListView *
find_log_view (GtkWidget *widget)
{
  GtkWidget *found = ui_find_matching (widget, is_log_view, NULL);

  return found != NULL ? GTK_LIST_VIEW (found) : NULL;
}

static void
test_edit_party (void)
{
  g_autofree char *path = g_build_filename (test_dir, "edit-party.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCasesPage *cases_page;
  LuwtePartiesPage *page;
  LuwteWindow *window;
  LuwteCase *kase;
  GtkWidget *row;

  window = open_window (path, card, &store);
  cases_page = luwte_window_get_cases_page (window);
  kase = g_object_ref (luwte_cases_page_new_case (cases_page));
  page = luwte_case_workspace_get_parties_page (luwte_cases_page_get_workspace (cases_page));

  /* Enter in the last field of the form adds the party. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Name")), "Wijkagent Noord");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Organisation")), "Politie");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Contact (phone or e-mail)")), "06-00000000");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Postal Address (e.g. Molenlaan 140, 9569 AB Zuidwijk)")),
                         "Bureaulaan 1, 1234 AB Voorbeeld");
  press_enter_in (find_entry_row (GTK_WIDGET (page), "Postal Address (e.g. Molenlaan 140, 9569 AB Zuidwijk)"));
  g_assert_cmpuint (luwte_parties_page_get_n_parties (page), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Name"))), ==, "");
  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parties->len, ==, 1);
  g_assert_cmpstr (luwte_party_get_name (g_ptr_array_index (parties, 0)), ==, "Wijkagent Noord");
  g_assert_cmpstr (luwte_party_get_contact (g_ptr_array_index (parties, 0)), ==, "06-00000000");
  g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (parties, 0)), ==, "Bureaulaan 1, 1234 AB Voorbeeld");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Postal Address (e.g. Molenlaan 140, 9569 AB Zuidwijk)"))), ==, "");

  /* A log entry about the party, as the Notes page writes it. */
  {
    g_autofree char *described = luwte_party_describe (g_ptr_array_index (parties, 0));
    LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_AGREEMENT, .party = described, .text = "Gaat langs",
                           .party_id = luwte_party_get_id (g_ptr_array_index (parties, 0)) };
    g_autoptr(LuwteNote) note = luwte_store_add_note (store, kase, &entry, &error);

    g_assert_no_error (error);
  }
  g_clear_pointer (&parties, g_ptr_array_unref);

  /* The party's own row: a new name and role, stored by the flush. */
  row = luwte_parties_page_get_row (page, 0);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Name")), "Brigadier <b>Zuid</b>");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Postal Address (e.g. Molenlaan 140, 9569 AB Zuidwijk)")), "Bureaulaan 2, 1234 AB Voorbeeld");
  adw_combo_row_set_selected (find_combo_row (row, "Role"), LUWTE_ROLE_KEY_FIGURE);
  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_cmpstr (luwte_party_get_name (g_ptr_array_index (parties, 0)), ==, "Wijkagent Noord");
  g_clear_pointer (&parties, g_ptr_array_unref);
  g_assert_true (luwte_cases_page_flush (cases_page));
  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parties->len, ==, 1);
  g_assert_cmpstr (luwte_party_get_name (g_ptr_array_index (parties, 0)), ==, "Brigadier <b>Zuid</b>");
  g_assert_cmpint (luwte_party_get_role (g_ptr_array_index (parties, 0)), ==, LUWTE_ROLE_KEY_FIGURE);
  g_assert_cmpstr (luwte_party_get_organisation (g_ptr_array_index (parties, 0)), ==, "Politie");
  g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (parties, 0)), ==, "Bureaulaan 2, 1234 AB Voorbeeld");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "06-00000000 · Bureaulaan 2, 1234 AB Voorbeeld"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Brigadier <b>Zuid</b> · Politie");
  g_clear_pointer (&parties, g_ptr_array_unref);
  /* The log, read again, names the party as it is now. */
  {
    LuwteNotesPage *notes = luwte_case_workspace_get_notes_page (luwte_cases_page_get_workspace (cases_page));
    GListModel *log = G_LIST_MODEL (gtk_list_view_get_model (find_log_view (GTK_WIDGET (notes))));
    g_autoptr(LuwteNote) shown = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
    shown = g_list_model_get_item (log, 0);
    g_assert_cmpstr (luwte_note_get_party (shown), ==, "Brigadier <b>Zuid</b>, Politie (Key Figure)");
  }

  /* No name and no organisation: refused, the stored party unchanged,
   * and the flush says so. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Name")), "Jongerenwerker");
  g_assert_true (luwte_parties_page_add_from_form (page));
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Name")), "");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Organisation")), "");
  g_assert_false (luwte_cases_page_flush (cases_page));
  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_cmpstr (luwte_party_get_name (g_ptr_array_index (parties, 0)), ==, "Brigadier <b>Zuid</b>");
  g_clear_pointer (&parties, g_ptr_array_unref);
  /* Removing the other party first stores what was typed here, which is
   * refused: nothing is removed, and the typing stays on screen. */
  g_assert_false (luwte_parties_page_remove (page, 1));
  g_assert_cmpuint (luwte_parties_page_get_n_parties (page), ==, 2);
  g_assert_true (luwte_parties_page_get_row (page, 0) == row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (row, "Name"))), ==, "");

  /* Typed, and the window closed within the typing delay: not lost. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Organisation")), "Politie Eenheid Zuid");
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_party_get_name (g_ptr_array_index (parties, 0)), ==, "");
  g_assert_cmpstr (luwte_party_get_organisation (g_ptr_array_index (parties, 0)), ==, "Politie Eenheid Zuid");
  g_object_unref (kase);
}


static void
count_problem (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  (*(guint *) data)++;
}

/* A party edit the store refuses is told once while the row stays
 * refused, not at every pause in typing; once stored, a new refusal is
 * told again. */
static void
test_refused_party_edit_told_once (void)
{
  g_autofree char *path = g_build_filename (test_dir, "refused-party.db", NULL);
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show_problem = g_simple_action_new ("show-problem", G_VARIANT_TYPE_STRING);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  LuwtePartiesPage *page = g_object_new (LUWTE_TYPE_PARTIES_PAGE, NULL);
  GtkWidget *row;
  guint told = 0;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  kase = luwte_store_create_case (store, "Weigering", &error);
  g_assert_no_error (error);
  /* The page tells problems to "win.show-problem", as in the window. */
  g_signal_connect (show_problem, "activate", G_CALLBACK (count_problem), &told);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (show_problem));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (actions));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  luwte_parties_page_set_case (page, store, kase);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Name")), "Jongerenwerker");
  g_assert_true (luwte_parties_page_add_from_form (page));
  row = luwte_parties_page_get_row (page, 0);

  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Name")), "");
  g_assert_false (luwte_parties_page_flush (page));
  g_assert_cmpuint (told, ==, 1);
  /* More typing, still refused: no second message. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Contact (phone or e-mail)")), "06");
  g_assert_false (luwte_parties_page_flush (page));
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Contact (phone or e-mail)")), "0612");
  g_assert_false (luwte_parties_page_flush (page));
  g_assert_cmpuint (told, ==, 1);
  /* Stored, then refused again: told again. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Name")), "Jongerenwerker Zuid");
  g_assert_true (luwte_parties_page_flush (page));
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Name")), "");
  g_assert_false (luwte_parties_page_flush (page));
  g_assert_cmpuint (told, ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (row, "Name")), "Jongerenwerker Zuid");
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static void
test_failed_save_keeps_text (void)
{
  g_autofree char *path = g_build_filename (test_dir, "busy.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) other = NULL;
  g_autoptr(LuwteCase) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  LuwteCasesPage *page;
  LuwteWindow *window;
  sqlite3 *blocker = NULL;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  other = luwte_store_create_case (store, "Andere casus", NULL);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  page = luwte_window_get_cases_page (window);
  reference = g_strdup (luwte_case_get_reference (luwte_cases_page_new_case (page)));
  gtk_editable_set_text (focused_editable (GTK_WINDOW (window)), "Nog niet opgeslagen");

  /* Another program holds the database: the save fails after the busy
   * timeout, the case stays on screen with what was typed. */
  g_assert_cmpint (sqlite3_open (path, &blocker), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (blocker, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (luwte_cases_page_flush (page));
  gtk_window_close (GTK_WINDOW (window));
  wait_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (page)), ==, reference);

  /* Free again: the next attempt stores it. */
  g_assert_cmpint (sqlite3_exec (blocker, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (blocker);
  g_assert_true (luwte_cases_page_flush (page));
  seen = luwte_store_get_case (store, reference, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_title (seen), ==, "Nog niet opgeslagen");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}


static void
test_export_import_in_window (void)
{
  g_autofree char *path = g_build_filename (test_dir, "gui-exchange.db", NULL);
  g_autofree char *file_path = g_build_filename (test_dir, "exported.json", NULL);
  g_autofree char *broken_path = g_build_filename (test_dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCasesPage *page;
  LuwteWindow *window;

  window = open_window (path, card, &store);
  page = luwte_window_get_cases_page (window);
  luwte_cases_page_new_case (page);
  gtk_editable_set_text (focused_editable (GTK_WINDOW (window)), "Uit te wisselen");

  /* Export stores what was typed first; import adds it as a new case. */
  g_assert_true (luwte_cases_page_export_file (page, file));
  /* The same case again: asked first, and nothing imported until then. */
  g_assert_false (luwte_cases_page_import_file (page, file, FALSE));
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 1);
  g_assert_true (luwte_cases_page_import_file (page, file, TRUE));
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 2);
  g_assert_cmpstr (luwte_case_get_title (luwte_cases_page_get_selected (page)), ==, "Uit te wisselen");

  g_assert_true (g_file_set_contents (broken_path, "{\"format\": \"luwte-case\"", -1, NULL));
  g_assert_false (luwte_cases_page_import_file (page, broken, TRUE));
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}


static void
on_clipboard_text (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);

  *(char **) data = text != NULL ? text : g_strdup ("");
}

static gboolean
shows_icon (GtkWidget     *widget,
            gconstpointer  icon_name)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0;
}

/* The first button under @widget that shows the icon @icon_name. */
static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon_name)
{
  return ui_find_matching (widget, shows_icon, icon_name);
}

static void
test_messages (void)
{
  g_autofree char *path = g_build_filename (test_dir, "messages.db", NULL);
  g_autofree char *png_path = g_build_filename (test_dir, "shot.png", NULL);
  g_autofree char *text_path = g_build_filename (test_dir, "not-a-picture.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 8, 8);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  LuwteMessagesPage *page;
  LuwteWindow *window;
  LuwteCase *kase;

  gdk_pixbuf_fill (pixbuf, 0xe01b24ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, png_path, "png", NULL, NULL));
  g_assert_true (g_file_set_contents (text_path, "just text", -1, NULL));

  window = open_window (path, card, &store);
  kase = luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  page = luwte_case_workspace_get_messages_page (luwte_cases_page_get_workspace (luwte_window_get_cases_page (window)));

  g_assert_false (luwte_messages_page_attach_file (page, text));
  g_assert_true (luwte_messages_page_attach_file (page, png));
  /* No URL: refused. */
  g_assert_false (luwte_messages_page_add_from_form (page));
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Address (URL)")), "https://t.me/voorbeeldgroep/12");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Platform")), "Telegram");
  g_assert_true (luwte_messages_page_add_from_form (page));
  g_assert_cmpuint (luwte_messages_page_get_n_messages (page), ==, 1);

  /* Enter in the form adds the message, as the button does. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Address (URL)")), "https://t.me/voorbeeldgroep/13");
  press_enter_in (find_entry_row (GTK_WIDGET (page), "What It Says"));
  g_assert_cmpuint (luwte_messages_page_get_n_messages (page), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (page), "Address (URL)"))), ==, "");

  stored = luwte_store_list_evidence (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpstr (luwte_evidence_get_platform (g_ptr_array_index (stored, 0)), ==, "Telegram");
  g_assert_nonnull (luwte_evidence_get_sha256 (g_ptr_array_index (stored, 0)));

  /* A message's address can be copied from its row, to hand on. */
  {
    GtkWidget *copy = find_icon_button (GTK_WIDGET (page), "edit-copy-symbolic");
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (page));
    g_autofree char *copied = NULL;
    gboolean read = FALSE;

    g_assert_nonnull (copy);
    g_assert_true (gtk_widget_is_sensitive (find_icon_button (GTK_WIDGET (page), "web-browser-symbolic")));
    g_signal_emit_by_name (copy, "clicked");
    gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, &copied);
    while (copied == NULL && !read)
      {
        g_main_context_iteration (NULL, TRUE);
        read = copied != NULL;
      }
    g_assert_true (g_str_has_prefix (copied, "https://t.me/voorbeeldgroep/1"));
  }
  /* The screenshot kept can be looked at again, in a window of its own;
   * the message without one has no such button. */
  g_assert_true (luwte_evidence_has_screenshot (g_ptr_array_index (stored, 0)));
  g_assert_false (luwte_evidence_has_screenshot (g_ptr_array_index (stored, 1)));
  {
    GtkWidget *show = find_icon_button (GTK_WIDGET (page), "image-x-generic-symbolic");
    GtkWindow *viewer;
    GtkWidget *picture;

    g_assert_nonnull (show);
    viewer = luwte_screenshot_viewer_show (show, store, g_ptr_array_index (stored, 0));
    g_assert_nonnull (viewer);
    picture = ui_find_of_type (GTK_WIDGET (viewer), GTK_TYPE_PICTURE);
    g_assert_nonnull (picture);
    g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (GTK_PICTURE (picture))), ==, 8);
    gtk_window_destroy (viewer);
    /* Without a screenshot in the database: told, no window. */
    g_assert_null (luwte_screenshot_viewer_show (show, store, g_ptr_array_index (stored, 1)));
  }
  /* Only web addresses go to the browser. */
  g_assert_true (luwte_link_can_open ("https://t.me/voorbeeldgroep/12"));
  g_assert_true (luwte_link_can_open ("http://example.org/oproep?x=1"));
  g_assert_false (luwte_link_can_open ("javascript:alert(1)"));
  g_assert_false (luwte_link_can_open ("file:///etc/passwd"));
  g_assert_false (luwte_link_can_open ("t.me/voorbeeldgroep/12"));
  g_assert_false (luwte_link_can_open ("https://exa mple.org/"));
  g_assert_false (luwte_link_can_open (NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}


/* How many of @widget's descendants with @tooltip are shown. */
static guint
count_visible_with_tooltip (GtkWidget  *widget,
                            const char *tooltip)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (g_strcmp0 (luwte_tooltip_get_text (widget), tooltip) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_visible_with_tooltip (child, tooltip);
  return n;
}

static LuwteEvidence *
stored_message (LuwteStore *store,
                LuwteCase  *kase)
{
  g_autoptr(GPtrArray) stored = luwte_store_list_evidence (store, kase, NULL);

  g_assert_nonnull (stored);
  g_assert_cmpuint (stored->len, ==, 1);
  return g_object_ref (g_ptr_array_index (stored, 0));
}

/* A window on a new case with one message, its Messages page read anew */
static LuwteWindow *
open_window_with_message (const char              *path,
                          LuwteCard               *card,
                          LuwteStore             **store,
                          const LuwteEvidenceNew  *message,
                          LuwteCase              **kase,
                          LuwteEvidence          **evidence)
{
  LuwteWindow *window = open_window (path, card, store);
  LuwteCasesPage *cases = luwte_window_get_cases_page (window);
  LuwteMessagesPage *page = luwte_case_workspace_get_messages_page (luwte_cases_page_get_workspace (cases));
  g_autoptr(GError) error = NULL;

  *kase = luwte_cases_page_new_case (cases);
  *evidence = luwte_store_add_evidence (*store, *kase, message, NULL, &error);
  g_assert_no_error (error);
  luwte_messages_page_set_case (page, *store, NULL);
  luwte_messages_page_set_case (page, *store, *kase);
  return window;
}

#define CASE_OVERDUE_TOOLTIP "A takedown request has had no answer past its due date"

/* The takedown request of a message, set by hand: the state, when, how
 * it went out and by when an answer is due, stored as typed; past that
 * date the row, the page and the case list say so, until it is removed. */
static void
test_takedown_by_hand (void)
{
  g_autofree char *path = g_build_filename (test_dir, "takedown.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteEvidence) evidence = NULL;
  g_autoptr(LuwteEvidence) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *requested_at = luwte_time_parse_typed ("2020-01-01 10:00");
  g_autofree char *due_at = luwte_time_parse_typed ("2020-01-03 10:00");
  g_autofree char *shown_at = NULL;
  LuwteEvidenceNew message = { .url = "https://t.me/voorbeeld/<b>7</b>", .platform = "Telegram" };
  LuwteCasesPage *cases;
  LuwteCaseWorkspace *workspace;
  LuwteMessagesPage *page;
  LuwteWindow *window;
  LuwteCase *kase;
  GtkWidget *row;
  AdwComboRow *state;
  GtkEditable *at_row;
  GtkEditable *channel_row;
  GtkEditable *due_row;
  GtkWidget *badge;
  GtkWidget *reminder;

  window = open_window_with_message (path, card, &store, &message, &kase, &evidence);
  cases = luwte_window_get_cases_page (window);
  workspace = luwte_cases_page_get_workspace (cases);
  page = luwte_case_workspace_get_messages_page (workspace);
  g_assert_cmpuint (luwte_messages_page_get_n_messages (page), ==, 1);

  row = luwte_messages_page_get_row (page, 0);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, message.url);
  state = ADW_COMBO_ROW (find_titled (row, ADW_TYPE_COMBO_ROW, "Takedown Request"));
  at_row = GTK_EDITABLE (find_entry_row (row, "Requested On / State Since (e.g. 2026-11-30 10:00)"));
  channel_row = GTK_EDITABLE (find_entry_row (row, "Channel (e.g. e-mail, webform, trusted flagger)"));
  due_row = GTK_EDITABLE (find_entry_row (row, "Answer Due By (e.g. 2026-12-02 10:00)"));
  badge = gtk_widget_get_parent (find_titled (row, GTK_TYPE_LABEL, "Answer overdue"));
  g_assert_nonnull (state);
  g_assert_nonnull (at_row);
  g_assert_nonnull (channel_row);
  g_assert_nonnull (due_row);
  g_assert_false (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_editable_get_text (at_row), ==, "");

  /* Chosen by hand and stored after the typing delay, as of now: the
   * date field shows when. */
  adw_combo_row_set_selected (state, LUWTE_TAKEDOWN_REQUESTED);
  gtk_editable_set_text (channel_row, "webformulier");
  g_timeout_add_once (1200, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
  stored = stored_message (store, kase);
  g_assert_cmpint (luwte_evidence_get_takedown (stored), ==, LUWTE_TAKEDOWN_REQUESTED);
  g_assert_cmpstr (luwte_evidence_get_takedown_channel (stored), ==, "webformulier");
  g_assert_nonnull (luwte_evidence_get_takedown_at (stored));
  shown_at = luwte_time_format_local (luwte_evidence_get_takedown_at (stored), "%F %R");
  g_assert_cmpstr (gtk_editable_get_text (at_row), ==, shown_at);
  g_assert_null (luwte_evidence_get_takedown_due (stored));
  g_assert_cmpuint (luwte_messages_page_get_n_overdue (page), ==, 0);
  g_clear_object (&stored);

  /* The day it went out, typed, and an answer due in the past: overdue,
   * on the row, on top of the page and in the case list. */
  gtk_editable_set_text (at_row, "2020-01-01 10:00");
  gtk_editable_set_text (due_row, "2020-01-03 10:00");
  g_assert_true (luwte_case_workspace_flush (workspace));
  stored = stored_message (store, kase);
  g_assert_cmpstr (luwte_evidence_get_takedown_at (stored), ==, requested_at);
  g_assert_cmpstr (luwte_evidence_get_takedown_due (stored), ==, due_at);
  g_clear_object (&stored);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Telegram\nRequested on 01-01-2020 via webformulier, answer due 03-01-2020");
  g_assert_cmpuint (luwte_messages_page_get_n_overdue (page), ==, 1);
  g_assert_true (gtk_widget_get_visible (badge));
  reminder = find_titled (GTK_WIDGET (page), GTK_TYPE_LABEL,
                          "1 takedown request of this case has had no answer past its due date.");
  g_assert_nonnull (reminder);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (reminder)));
  wait_idle ();
  g_assert_cmpuint (count_visible_with_tooltip (GTK_WIDGET (cases), CASE_OVERDUE_TOOLTIP), ==, 1);

  /* A due date that is no time is marked and keeps the stored one. */
  gtk_editable_set_text (due_row, "overmorgen");
  g_assert_true (luwte_case_workspace_flush (workspace));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due_row), "error"));
  stored = stored_message (store, kase);
  g_assert_cmpstr (luwte_evidence_get_takedown_due (stored), ==, due_at);
  g_clear_object (&stored);
  gtk_editable_set_text (due_row, "2020-01-03 10:00");

  /* Taken down: no reminder any more, the channel stays, and the new
   * state is as of now, not the day typed for the request. */
  adw_combo_row_set_selected (state, LUWTE_TAKEDOWN_REMOVED);
  g_assert_true (luwte_case_workspace_flush (workspace));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (due_row), "error"));
  stored = stored_message (store, kase);
  g_assert_cmpint (luwte_evidence_get_takedown (stored), ==, LUWTE_TAKEDOWN_REMOVED);
  g_assert_cmpstr (luwte_evidence_get_takedown_channel (stored), ==, "webformulier");
  g_assert_cmpstr (luwte_evidence_get_takedown_at (stored), !=, requested_at);
  g_clear_object (&stored);
  g_assert_cmpuint (luwte_messages_page_get_n_overdue (page), ==, 0);
  g_assert_false (gtk_widget_get_visible (badge));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (reminder)));
  wait_idle ();
  g_assert_cmpuint (count_visible_with_tooltip (GTK_WIDGET (cases), CASE_OVERDUE_TOOLTIP), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* A message written down with a typing error is corrected in its row and
 * stored as typed: the header follows, open and copy take the corrected
 * address. An emptied address or a time that is none is marked and keeps
 * what is stored; the rest is stored all the same. */
static void
test_message_corrected (void)
{
  g_autofree char *path = g_build_filename (test_dir, "corrected.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteEvidence) evidence = NULL;
  g_autoptr(LuwteEvidence) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *posted = luwte_time_parse_typed ("2026-12-31 18:00");
  LuwteEvidenceNew message = { .url = "https://t.me/voorbeelt/7", .platform = "Telegram", .account = "@voorbeelt",
                               .description = "Oproep" };
  LuwteCasesPage *cases;
  LuwteCaseWorkspace *workspace;
  LuwteMessagesPage *page;
  LuwteWindow *window;
  LuwteCase *kase;
  GtkWidget *row;
  GtkEditable *url_row;
  GtkEditable *account_row;
  GtkEditable *posted_row;
  GtkEditable *description_row;

  window = open_window_with_message (path, card, &store, &message, &kase, &evidence);
  cases = luwte_window_get_cases_page (window);
  workspace = luwte_cases_page_get_workspace (cases);
  page = luwte_case_workspace_get_messages_page (workspace);
  row = luwte_messages_page_get_row (page, 0);
  url_row = GTK_EDITABLE (find_entry_row (row, "Address (URL)"));
  account_row = GTK_EDITABLE (find_entry_row (row, "Account"));
  posted_row = GTK_EDITABLE (find_entry_row (row, "Posted At (e.g. 2026-12-31 18:00)"));
  description_row = GTK_EDITABLE (find_entry_row (row, "What It Says"));
  g_assert_nonnull (url_row);
  g_assert_nonnull (account_row);
  g_assert_nonnull (posted_row);
  g_assert_nonnull (description_row);
  g_assert_cmpstr (gtk_editable_get_text (url_row), ==, message.url);
  g_assert_cmpstr (gtk_editable_get_text (description_row), ==, "Oproep");

  gtk_editable_set_text (url_row, "https://t.me/voorbeeld/7");
  gtk_editable_set_text (account_row, "@voorbeeld");
  gtk_editable_set_text (posted_row, "2026-12-31 18:00");
  gtk_editable_set_text (description_row, "Oproep tot rellen op oudejaarsavond");
  g_assert_true (luwte_case_workspace_flush (workspace));
  stored = stored_message (store, kase);
  g_assert_cmpstr (luwte_evidence_get_url (stored), ==, "https://t.me/voorbeeld/7");
  g_assert_cmpstr (luwte_evidence_get_account (stored), ==, "@voorbeeld");
  g_assert_cmpstr (luwte_evidence_get_platform (stored), ==, "Telegram");
  g_assert_cmpstr (luwte_evidence_get_posted_at (stored), ==, posted);
  g_assert_cmpstr (luwte_evidence_get_description (stored), ==, "Oproep tot rellen op oudejaarsavond");
  /* A correction is no step in the takedown request. */
  g_assert_cmpint (luwte_evidence_get_takedown (stored), ==, LUWTE_TAKEDOWN_NOT_REQUESTED);
  g_assert_null (luwte_evidence_get_takedown_at (stored));
  g_clear_object (&stored);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "https://t.me/voorbeeld/7");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "@voorbeeld · 31-12-2026 18:00"));

  /* An emptied address and a time that is none: marked, kept. */
  gtk_editable_set_text (url_row, "  ");
  gtk_editable_set_text (posted_row, "oudjaar");
  gtk_editable_set_text (account_row, "@voorbeeld_2");
  g_assert_true (luwte_case_workspace_flush (workspace));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (url_row), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (posted_row), "error"));
  stored = stored_message (store, kase);
  g_assert_cmpstr (luwte_evidence_get_url (stored), ==, "https://t.me/voorbeeld/7");
  g_assert_cmpstr (luwte_evidence_get_posted_at (stored), ==, posted);
  g_assert_cmpstr (luwte_evidence_get_account (stored), ==, "@voorbeeld_2");
  g_clear_object (&stored);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "https://t.me/voorbeeld/7");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* At start-up, one toast counts the overdue requests of all cases; its
 * button opens the case whose request has waited longest, on its
 * Messages page. */
static void
test_overdue_reminder_at_start (void)
{
  g_autofree char *path = g_build_filename (test_dir, "reminder.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = NULL;
  const char *dues[] = { "2020-02-01T10:00:00+01:00", "2020-01-01T10:00:00+01:00", NULL };
  LuwteCasesPage *cases;
  LuwteMessagesPage *page;
  LuwteWindow *window;
  GtkWidget *button;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dues); i++)
    {
      g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Oproep", &error);
      LuwteEvidenceNew message = { .url = "https://tiktok.example/demo/2", .platform = "TikTok" };
      g_autoptr(LuwteEvidence) evidence = luwte_store_add_evidence (store, kase, &message, NULL, &error);
      LuwteTakedownUpdate update = { LUWTE_TAKEDOWN_REQUESTED, NULL, "e-mail", dues[i] };

      g_assert_no_error (error);
      g_assert_true (luwte_store_update_takedown (store, kase, evidence, &update, &error));
      if (i == 1)
        longest = g_strdup (luwte_case_get_reference (kase));
    }

  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  cases = luwte_window_get_cases_page (window);
  page = luwte_case_workspace_get_messages_page (luwte_cases_page_get_workspace (cases));
  g_assert_null (luwte_cases_page_get_selected (cases));
  g_assert_cmpuint (count_visible_with_tooltip (GTK_WIDGET (cases), CASE_OVERDUE_TOOLTIP), ==, 2);
  /* The reminder comes after the window's first frame. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (find_titled (GTK_WIDGET (window), GTK_TYPE_LABEL,
                        "2 takedown requests have had no answer past their due date") == NULL &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_nonnull (find_titled (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                 "2 takedown requests have had no answer past their due date"));
  {
    g_autofree char *label = g_strdup_printf ("_Open %s", longest);

    /* The button says which case it opens. */
    button = find_titled (GTK_WIDGET (window), GTK_TYPE_BUTTON, label);
  }
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  wait_idle ();
  g_assert_nonnull (luwte_cases_page_get_selected (cases));
  g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (cases)), ==, longest);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (luwte_messages_page_get_n_overdue (page), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static guint
n_listed (LuwteWindow *window)
{
  GtkListView *list = luwte_cases_page_get_list_view (luwte_window_get_cases_page (window));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* A long list makes rows for its first screen before the window's first
 * frame, and shows every case from then on; choosing a case further down
 * before that frame finds it all the same. */
static void
test_long_list_first_screen (void)
{
  g_autofree char *path = g_build_filename (test_dir, "long-list.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) last = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCasesPage *cases;
  LuwteWindow *window;
  gint64 deadline;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_demo_add_cases (store, card, 120, 5, &error));

  window = luwte_window_new (NULL, card, NULL, store, NULL);
  cases = luwte_window_get_cases_page (window);
  g_assert_cmpuint (g_list_model_get_n_items (luwte_cases_page_get_model (cases)), ==, 120);
  g_assert_cmpuint (n_listed (window), <, 120);
  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (n_listed (window) < 120 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_listed (window), ==, 120);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();

  /* Not shown yet, the last case chosen. */
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  cases = luwte_window_get_cases_page (window);
  g_assert_cmpuint (n_listed (window), <, 120);
  last = g_list_model_get_item (luwte_cases_page_get_model (cases), 119);
  g_assert_true (luwte_cases_page_show_case (cases, luwte_case_get_reference (last), NULL));
  g_assert_cmpuint (n_listed (window), ==, 120);
  g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (cases)), ==, luwte_case_get_reference (last));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static gint64
count_rows (LuwteStore *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (luwte_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Found by the new-user test: beside a case the list changed width with
 * the case's tab, and the first visit to Letters folded it away. */
static void
test_list_keeps_width (void)
{
  g_autofree char *path = g_build_filename (test_dir, "list-width.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCase) first = NULL;
  static const char * const tabs[] = { "context", "interventions", "parties", "messages", "letters", "notes",
                                       "timeline", "context" };
  LuwteCasesPage *cases;
  GtkWidget *list;
  LuwteWindow *window;
  int width = 0;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_demo_add_cases (store, card, 3, 7, &error));
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  cases = luwte_window_get_cases_page (window);
  list = GTK_WIDGET (luwte_cases_page_get_list_view (cases));
  first = g_list_model_get_item (luwte_cases_page_get_model (cases), 0);
  g_assert_true (luwte_cases_page_show_case (cases, luwte_case_get_reference (first), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      luwte_case_workspace_show_page (luwte_cases_page_get_workspace (cases), tabs[i]);
      for (int frames = 0; frames < 20; frames++)
        wait_idle ();
      g_assert_true (gtk_widget_get_mapped (list));
      if (width == 0)
        width = gtk_widget_get_width (list);
      g_assert_cmpint (width, >, 0);
      g_assert_cmpint (gtk_widget_get_width (list), ==, width);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* Everything can be deleted from where it is shown, and Undo puts it
 * back: a log entry, an intervention, a message, a whole case. */
static void
test_delete_and_undo (void)
{
  g_autofree char *path = g_build_filename (test_dir, "delete.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  LuwteCasesPage *cases;
  LuwteCaseWorkspace *workspace;
  LuwteWindow *window;
  LuwteCase *kase;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_demo_add_cases (store, card, 3, 11, &error));
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  cases = luwte_window_get_cases_page (window);
  workspace = luwte_cases_page_get_workspace (cases);
  kase = luwte_cases_page_new_case (cases);
  reference = g_strdup (luwte_case_get_reference (kase));

  {
    LuwteNotesPage *page = luwte_case_workspace_get_notes_page (workspace);
    LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_DECISION, .text = "Driehoek: geen noodbevel" };
    g_autoptr(LuwteNote) note = luwte_store_add_note (store, kase, &entry, &error);

    luwte_notes_page_set_case (page, store, NULL);
    luwte_notes_page_set_case (page, store, kase);
    g_assert_cmpuint (luwte_notes_page_get_n_notes (page), ==, 1);
    g_assert_true (luwte_notes_page_remove (page, note));
    g_assert_cmpuint (luwte_notes_page_get_n_notes (page), ==, 0);
    g_assert_cmpint (count_rows (store, "SELECT count (*) FROM notes WHERE text = 'Driehoek: geen noodbevel'"), ==, 0);
    g_assert_cmpuint (adw_toast_get_timeout (luwte_undo_toast_get_last (ADW_TOAST_OVERLAY (
                        gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY)))), >, 0);
    g_assert_true (luwte_notes_page_undo_remove (page));
    g_assert_cmpuint (luwte_notes_page_get_n_notes (page), ==, 1);
  }

  {
    LuwteInterventionsPage *page = luwte_case_workspace_get_interventions_page (workspace);

    g_assert_true (luwte_interventions_page_choose (page, "mayor-video-message"));
    g_assert_true (luwte_interventions_page_remove (page, 0));
    g_assert_cmpuint (luwte_interventions_page_get_n_chosen (page), ==, 0);
    g_assert_true (luwte_interventions_page_undo_remove (page));
    g_assert_cmpuint (luwte_interventions_page_get_n_chosen (page), ==, 1);
  }

  {
    LuwteMessagesPage *page = luwte_case_workspace_get_messages_page (workspace);
    LuwteEvidenceNew message = { .url = "https://tiktok.example/demo/1", .platform = "TikTok" };
    g_autoptr(LuwteEvidence) evidence = luwte_store_add_evidence (store, kase, &message, NULL, &error);

    g_assert_no_error (error);
    luwte_messages_page_set_case (page, store, NULL);
    luwte_messages_page_set_case (page, store, kase);
    g_assert_cmpuint (luwte_messages_page_get_n_messages (page), ==, 1);
    g_assert_true (luwte_messages_page_remove (page, 0));
    g_assert_cmpuint (luwte_messages_page_get_n_messages (page), ==, 0);
    g_assert_true (luwte_messages_page_undo_remove (page));
    g_assert_cmpuint (luwte_messages_page_get_n_messages (page), ==, 1);
  }

  /* The whole case, from the case menu. */
  g_assert_cmpuint (g_list_model_get_n_items (luwte_cases_page_get_model (cases)), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cases), "cases.delete", NULL));
  wait_idle ();
  g_assert_null (luwte_cases_page_get_selected (cases));
  g_assert_cmpuint (g_list_model_get_n_items (luwte_cases_page_get_model (cases)), ==, 3);
  /* Its Undo stays until dismissed; a log entry's goes after a while. */
  {
    AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (cases), ADW_TYPE_TOAST_OVERLAY));

    g_assert_nonnull (luwte_undo_toast_get_last (overlay));
    g_assert_cmpuint (adw_toast_get_timeout (luwte_undo_toast_get_last (overlay)), ==, 0);
  }
  g_assert_null (luwte_store_get_case (store, reference, NULL));
  g_assert_true (luwte_cases_page_undo_delete (cases));
  g_assert_cmpuint (g_list_model_get_n_items (luwte_cases_page_get_model (cases)), ==, 4);
  g_assert_nonnull (luwte_cases_page_get_selected (cases));
  g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (cases)), ==, reference);
  notes = luwte_store_list_notes (store, luwte_cases_page_get_selected (cases), &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count (*) FROM evidence WHERE url = 'https://tiktok.example/demo/1'"), ==, 1);

  /* Ctrl+Z: the deletion whose toast was shown last, once; not from a
   * text field, which undoes its own typing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cases), "cases.delete", NULL));
  wait_idle ();
  g_assert_null (luwte_store_get_case (store, reference, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (luwte_cases_page_get_search_entry (cases)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_idle ();
  g_assert_null (luwte_store_get_case (store, reference, NULL));
  luwte_cases_page_focus_list (cases);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_idle ();
  {
    g_autoptr(LuwteCase) back = luwte_store_get_case (store, reference, NULL);

    g_assert_nonnull (back);
  }
  g_assert_cmpuint (g_list_model_get_n_items (luwte_cases_page_get_model (cases)), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (luwte_cases_page_get_model (cases)), ==, 4);

  /* With another message shown, which the undo toast goes before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problem", "s", "Een melding"));
  wait_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cases), "cases.delete", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (luwte_cases_page_get_model (cases)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* Choosing "Closed" asks for the evaluation; Cancel keeps the case as it
 * was, "Close Case" stores it and leaves the case read-only until it is
 * reopened. */
static void
test_close_and_reopen (void)
{
  g_autofree char *path = g_build_filename (test_dir, "close.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCaseIntervention) used = NULL;
  g_autoptr(LuwteCaseIntervention) considered = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  LuwteInterventionStatus done = LUWTE_INTERVENTION_STATUS_DONE;
  LuwteCaseInterventionEdit edit = { .status = &done };
  LuwteCaseWorkspace *workspace;
  LuwteCloseDialog *dialog;
  LuwtePartiesPage *parties;
  AdwEntryRow *party_name;
  LuwteWindow *window;
  LuwteCase *kase;
  guint chosen;

  window = open_window (path, card, &store);
  kase = luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  workspace = luwte_cases_page_get_workspace (luwte_window_get_cases_page (window));
  used = luwte_store_add_case_intervention (store, kase, "digital-community-officer", "1.0", &error);
  considered = luwte_store_add_case_intervention (store, kase, "emergency-order", "1.0", &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_update_case_intervention (store, kase, used, &edit, &error));
  {
    LuwteEvidenceNew message = { .url = "https://tiktok.example/demo/closed", .platform = "TikTok" };
    g_autoptr(LuwteEvidence) evidence = luwte_store_add_evidence (store, kase, &message, NULL, &error);

    g_assert_no_error (error);
  }
  g_assert_false (luwte_case_workspace_is_read_only (workspace));
  parties = luwte_case_workspace_get_parties_page (workspace);
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (parties), "Name")), "Wijkagent");
  g_assert_true (luwte_parties_page_add_from_form (parties));
  party_name = find_entry_row (luwte_parties_page_get_row (parties, 0), "Name");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (party_name)));

  /* Cancel: nothing changes. */
  luwte_case_workspace_choose_status (workspace, LUWTE_CASE_STATUS_CLOSED);
  wait_idle ();
  dialog = luwte_case_workspace_get_close_dialog (workspace);
  g_assert_nonnull (dialog);
  /* Only what was used is asked about. */
  g_assert_cmpuint (luwte_close_dialog_get_n_interventions (dialog), ==, 1);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_idle ();
  g_assert_null (luwte_case_workspace_get_close_dialog (workspace));
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_SIGNAL);
  g_assert_false (luwte_case_workspace_is_read_only (workspace));

  /* Close Case: the evaluation and the status, stored. */
  luwte_case_workspace_choose_status (workspace, LUWTE_CASE_STATUS_CLOSED);
  wait_idle ();
  dialog = luwte_case_workspace_get_close_dialog (workspace);
  g_assert_nonnull (dialog);
  luwte_close_dialog_set_effect (dialog, 0, LUWTE_EFFECT_WORKED);
  luwte_close_dialog_set_lessons (dialog, "  Eerder de wijkagent inzetten.\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evaluation.close-case", NULL));
  wait_idle ();
  g_assert_null (luwte_case_workspace_get_close_dialog (workspace));
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_CLOSED);
  g_assert_cmpstr (luwte_case_get_lessons (kase), ==, "Eerder de wijkagent inzetten.");
  items = luwte_store_list_case_interventions (store, kase, &error);
  g_assert_cmpint (luwte_case_intervention_get_effect (g_ptr_array_index (items, 0)), ==, LUWTE_EFFECT_WORKED);
  g_assert_cmpint (luwte_case_intervention_get_effect (g_ptr_array_index (items, 1)), ==, LUWTE_EFFECT_NOT_EVALUATED);

  /* Read-only: the title takes no typing, nothing can be added. */
  g_assert_true (luwte_case_workspace_is_read_only (workspace));
  luwte_case_workspace_show_page (workspace, "context");
  luwte_case_workspace_focus_title (workspace);
  wait_idle ();
  g_assert_false (gtk_editable_get_editable (focused_editable (GTK_WINDOW (window))));
  chosen = luwte_case_workspace_get_n_interventions (workspace);
  g_assert_false (luwte_case_workspace_choose_intervention (workspace, "do-nothing"));
  g_assert_cmpuint (luwte_case_workspace_get_n_interventions (workspace), ==, chosen);
  /* A party can be read, not changed. */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (party_name)));
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (find_combo_row (luwte_parties_page_get_row (parties, 0), "Role"))));
  /* Nor a message's takedown request, in rows made when the page is
   * shown after the case was closed. */
  luwte_case_workspace_show_page (workspace, "messages");
  wait_idle ();
  {
    LuwteMessagesPage *messages = luwte_case_workspace_get_messages_page (workspace);

    g_assert_cmpuint (luwte_messages_page_get_n_messages (messages), ==, 1);
    g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (find_combo_row (luwte_messages_page_get_row (messages, 0),
                                                                           "Takedown Request"))));
  }
  luwte_case_workspace_show_page (workspace, "context");
  wait_idle ();

  /* Reopen: editable again, and the timeline says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.reopen", NULL));
  wait_idle ();
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_ACTIVE);
  g_assert_false (luwte_case_workspace_is_read_only (workspace));
  luwte_case_workspace_show_page (workspace, "context");
  luwte_case_workspace_focus_title (workspace);
  wait_idle ();
  g_assert_true (gtk_editable_get_editable (focused_editable (GTK_WINDOW (window))));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (party_name)));
  g_assert_true (luwte_case_workspace_choose_intervention (workspace, "do-nothing"));
  {
    g_autoptr(GPtrArray) timeline = luwte_store_list_timeline (store, kase, card, NULL, LUWTE_LANGUAGE_EN, &error);
    gboolean reopened = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < timeline->len; i++)
      reopened = reopened || strstr (((LuwteTimelineEntry *) g_ptr_array_index (timeline, i))->text, "Case reopened") != NULL;
    g_assert_true (reopened);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* Preferences store as typed; a refused value says why and keeps the old. */
static void
test_preferences (void)
{
  g_autofree char *path = g_build_filename (test_dir, "preferences.db", NULL);
  g_autofree char *logo = g_build_filename (test_dir, "logo.png", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 8, 8);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  LuwtePreferencesWindow *preferences;
  LuwteWindow *window;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_profile_set (store, LUWTE_PROFILE_EMAIL, "oov@voorbeeld.example", &error));
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  preferences = luwte_preferences_window_new (GTK_WINDOW (window), store);
  gtk_window_present (GTK_WINDOW (preferences));
  wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (luwte_preferences_window_get_entry (preferences, LUWTE_PROFILE_EMAIL)), ==,
                   "oov@voorbeeld.example");
  g_assert_cmpstr (gtk_editable_get_text (luwte_preferences_window_get_entry (preferences, LUWTE_PROFILE_REFERENCE_PREFIX)), ==,
                   "OOV");

  gtk_editable_set_text (luwte_preferences_window_get_entry (preferences, LUWTE_PROFILE_MUNICIPALITY), "Gemeente Voorbeeld");
  g_assert_true (luwte_preferences_window_flush (preferences));
  value = luwte_profile_get (store, LUWTE_PROFILE_MUNICIPALITY);
  g_assert_cmpstr (value, ==, "Gemeente Voorbeeld");
  g_clear_pointer (&value, g_free);

  gtk_editable_set_text (luwte_preferences_window_get_entry (preferences, LUWTE_PROFILE_EMAIL), "geen adres");
  g_assert_false (luwte_preferences_window_flush (preferences));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (luwte_preferences_window_get_entry (preferences, LUWTE_PROFILE_EMAIL)), "error"));
  value = luwte_profile_get (store, LUWTE_PROFILE_EMAIL);
  g_assert_cmpstr (value, ==, "oov@voorbeeld.example");
  g_clear_pointer (&value, g_free);

  g_assert_false (luwte_preferences_window_set_logo (preferences, logo));
  g_assert_true (gdk_pixbuf_save (pixbuf, logo, "png", NULL, NULL));
  g_assert_true (luwte_preferences_window_set_logo (preferences, logo));
  value = luwte_profile_get (store, LUWTE_PROFILE_LOGO);
  g_assert_cmpstr (value, ==, logo);
  g_clear_pointer (&value, g_free);

  /* Typed, not flushed: closing stores it. */
  gtk_editable_set_text (luwte_preferences_window_get_entry (preferences, LUWTE_PROFILE_MAYOR), "A. Burgemeester");
  gtk_window_destroy (GTK_WINDOW (preferences));
  wait_idle ();
  value = luwte_profile_get (store, LUWTE_PROFILE_MAYOR);
  g_assert_cmpstr (value, ==, "A. Burgemeester");

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static void
wait_search (LuwteCasesPage *cases)
{
  /* A worker thread answers; the main loop hands the hits over. */
  for (int i = 0; i < 500 && (luwte_cases_page_is_searching (cases) || g_main_context_pending (NULL)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_false (luwte_cases_page_is_searching (cases));
}

/* Typing a word finds the case by its note, with a highlighted snippet;
 * choosing the hit opens the case. */
static void
test_search_as_you_type (void)
{
  g_autofree char *path = g_build_filename (test_dir, "search.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(LuwteCase) fair = NULL;
  g_autoptr(GError) error = NULL;
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_AGREEMENT, .text = "Afspraak met de wijkagent over de kermisattractie" };
  LuwteCasesPage *cases;
  LuwteWindow *window;
  GListModel *hits;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_demo_add_cases (store, card, 20, 3, &error));
  kase = luwte_store_create_case (store, "Oproep bij de kermis", &error);
  g_assert_nonnull (luwte_store_add_note (store, kase, &entry, &error));
  fair = luwte_store_create_case (store, "Oproep bij de braderie", &error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  cases = luwte_window_get_cases_page (window);
  hits = luwte_cases_page_get_search_hits (cases);

  /* A prefix, without its accent: found. */
  gtk_editable_set_text (luwte_cases_page_get_search_entry (cases), "kermisattr");
  g_signal_emit_by_name (luwte_cases_page_get_search_entry (cases), "search-changed");
  wait_search (cases);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  {
    g_autoptr(LuwteSearchHit) hit = g_list_model_get_item (hits, 0);
    g_assert_cmpstr (luwte_search_hit_get_reference (hit), ==, luwte_case_get_reference (kase));
    g_assert_nonnull (strstr (luwte_search_hit_get_snippet (hit), "kermisattractie"));
  }
  /* Enter in the field opens the best match. */
  g_assert_null (luwte_cases_page_get_selected (cases));
  g_signal_emit_by_name (luwte_cases_page_get_search_entry (cases), "activate");
  wait_idle ();
  g_assert_nonnull (luwte_cases_page_get_selected (cases));
  g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (cases)), ==, luwte_case_get_reference (kase));
  /* Also when Enter comes before the field asked for the words typed:
   * the best match for them, not for the words before. */
  gtk_editable_set_text (luwte_cases_page_get_search_entry (cases), "braderie");
  g_signal_emit_by_name (luwte_cases_page_get_search_entry (cases), "activate");
  /* The field's own signal, coming while the answer is on its way. */
  g_signal_emit_by_name (luwte_cases_page_get_search_entry (cases), "search-changed");
  wait_search (cases);
  wait_idle ();
  g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (cases)), ==, luwte_case_get_reference (fair));

  /* Hostile words never break it. */
  gtk_editable_set_text (luwte_cases_page_get_search_entry (cases), "NEAR(\" * AND OR");
  g_signal_emit_by_name (luwte_cases_page_get_search_entry (cases), "search-changed");
  wait_search (cases);

  /* Keystrokes faster than the answers: only the last one counts. */
  gtk_editable_set_text (luwte_cases_page_get_search_entry (cases), "ker");
  g_signal_emit_by_name (luwte_cases_page_get_search_entry (cases), "search-changed");
  gtk_editable_set_text (luwte_cases_page_get_search_entry (cases), "kermis wijkagent");
  g_signal_emit_by_name (luwte_cases_page_get_search_entry (cases), "search-changed");
  wait_search (cases);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 1);

  /* Choosing a hit opens the case. */
  {
    g_autoptr(LuwteSearchHit) hit = g_list_model_get_item (hits, 0);
    g_assert_true (luwte_cases_page_show_case (cases, luwte_search_hit_get_reference (hit), NULL));
    g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (cases)), ==,
                     luwte_search_hit_get_reference (hit));
  }

  /* Emptying the field brings the list back. */
  gtk_editable_set_text (luwte_cases_page_get_search_entry (cases), "");
  g_signal_emit_by_name (luwte_cases_page_get_search_entry (cases), "search-changed");
  wait_search (cases);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static void
test_case_report (void)
{
  g_autofree char *path = g_build_filename (test_dir, "report.db", NULL);
  g_autofree char *pdf_path = g_build_filename (test_dir, "report.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  LuwteCasesPage *cases;
  LuwteWindow *window;

  window = open_window (path, card, &store);
  cases = luwte_window_get_cases_page (window);
  /* No case on screen: nothing to report. */
  g_assert_false (luwte_cases_page_write_report (cases, pdf));
  luwte_cases_page_new_case (cases);
  g_assert_true (luwte_cases_page_write_report (cases, pdf));
  g_assert_true (g_file_get_contents (pdf_path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK then finds no icons. The
   * databases go to a fresh folder of their own. */
  g_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("luwte-ui-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/cases/new-case-saved-on-close", test_new_case_saved_on_close);
  g_test_add_func ("/ui/cases/typing-saves-after-delay", test_typing_saves_after_delay);
  g_test_add_func ("/ui/cases/typed-time-written-out", test_typed_time_written_out);
  g_test_add_func ("/ui/cases/store-problem-shown", test_store_problem_shown);
  g_test_add_func ("/ui/cases/choose-interventions", test_choose_interventions);
  g_test_add_func ("/ui/cases/load-demo-cases", test_load_demo_cases);
  g_test_add_func ("/ui/cases/notes-log", test_notes_log);
  g_test_add_func ("/ui/cases/long-log-keeps-window-size", test_long_log_keeps_window_size);
  g_test_add_func ("/ui/cases/action-points-done", test_action_points_done);
  g_test_add_func ("/ui/cases/close-warns-of-open-work", test_close_warns_of_open_work);
  g_test_add_func ("/ui/cases/parties-with-undo", test_parties_with_undo);
  g_test_add_func ("/ui/cases/edit-party", test_edit_party);
  g_test_add_func ("/ui/cases/refused-party-edit-told-once", test_refused_party_edit_told_once);
  g_test_add_func ("/ui/cases/failed-save-keeps-text", test_failed_save_keeps_text);
  g_test_add_func ("/ui/cases/export-import", test_export_import_in_window);
  g_test_add_func ("/ui/cases/messages", test_messages);
  g_test_add_func ("/ui/cases/takedown-by-hand", test_takedown_by_hand);
  g_test_add_func ("/ui/cases/message-corrected", test_message_corrected);
  g_test_add_func ("/ui/cases/overdue-reminder-at-start", test_overdue_reminder_at_start);
  g_test_add_func ("/ui/cases/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/ui/cases/long-list-first-screen", test_long_list_first_screen);
  g_test_add_func ("/ui/cases/list-keeps-width", test_list_keeps_width);
  g_test_add_func ("/ui/cases/close-and-reopen", test_close_and_reopen);
  g_test_add_func ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/cases/search-as-you-type", test_search_as_you_type);
  g_test_add_func ("/ui/cases/report", test_case_report);

  status = g_test_run ();
  g_free (test_dir);
  return status;
}
