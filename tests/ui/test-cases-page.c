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
#include "luwte-preferences-window.h"
#include "luwte-profile.h"
#include "luwte-messages-page.h"
#include "luwte-evidence.h"
#include "luwte-party.h"
#include "luwte-store.h"
#include "luwte-window.h"
#include "luwte-timeline.h"
#include "luwte-evaluation.h"

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

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

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

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

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

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
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

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();

  model = luwte_cases_page_get_model (luwte_window_get_cases_page (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (luwte_window_get_cases_page (window)), "cases.load-demo", NULL));
  wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);
  g_assert_nonnull (luwte_cases_page_get_selected (luwte_window_get_cases_page (window)));
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 12);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}


/* The text view of the notes form: the only GtkTextView in the page. */
static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
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

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
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


static AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return ADW_ENTRY_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
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

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
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

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  page = luwte_window_get_cases_page (window);
  luwte_cases_page_new_case (page);
  gtk_editable_set_text (focused_editable (GTK_WINDOW (window)), "Uit te wisselen");

  /* Export stores what was typed first; import adds it as a new case. */
  g_assert_true (luwte_cases_page_export_file (page, file));
  g_assert_true (luwte_cases_page_import_file (page, file));
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 2);
  g_assert_cmpstr (luwte_case_get_title (luwte_cases_page_get_selected (page)), ==, "Uit te wisselen");

  g_assert_true (g_file_set_contents (broken_path, "{\"format\": \"luwte-case\"", -1, NULL));
  g_assert_false (luwte_cases_page_import_file (page, broken));
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
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

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
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

  stored = luwte_store_list_evidence (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (luwte_evidence_get_platform (g_ptr_array_index (stored, 0)), ==, "Telegram");
  g_assert_nonnull (luwte_evidence_get_sha256 (g_ptr_array_index (stored, 0)));

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
  g_assert_null (luwte_store_get_case (store, reference, NULL));
  g_assert_true (luwte_cases_page_undo_delete (cases));
  g_assert_cmpuint (g_list_model_get_n_items (luwte_cases_page_get_model (cases)), ==, 4);
  g_assert_nonnull (luwte_cases_page_get_selected (cases));
  g_assert_cmpstr (luwte_case_get_reference (luwte_cases_page_get_selected (cases)), ==, reference);
  notes = luwte_store_list_notes (store, luwte_cases_page_get_selected (cases), &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count (*) FROM evidence WHERE url = 'https://tiktok.example/demo/1'"), ==, 1);

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
  LuwteWindow *window;
  LuwteCase *kase;
  guint chosen;

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  window = luwte_window_new (NULL, card, NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle ();
  kase = luwte_cases_page_new_case (luwte_window_get_cases_page (window));
  workspace = luwte_cases_page_get_workspace (luwte_window_get_cases_page (window));
  used = luwte_store_add_case_intervention (store, kase, "digital-community-officer", "1.0", &error);
  considered = luwte_store_add_case_intervention (store, kase, "emergency-order", "1.0", &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_update_case_intervention (store, kase, used, &edit, &error));
  g_assert_false (luwte_case_workspace_is_read_only (workspace));

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

  /* Reopen: editable again, and the timeline says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.reopen", NULL));
  wait_idle ();
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_ACTIVE);
  g_assert_false (luwte_case_workspace_is_read_only (workspace));
  luwte_case_workspace_show_page (workspace, "context");
  luwte_case_workspace_focus_title (workspace);
  wait_idle ();
  g_assert_true (gtk_editable_get_editable (focused_editable (GTK_WINDOW (window))));
  g_assert_true (luwte_case_workspace_choose_intervention (workspace, "do-nothing"));
  {
    g_autoptr(GPtrArray) timeline = luwte_store_list_timeline (store, kase, card, LUWTE_LANGUAGE_EN, &error);
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
  g_test_add_func ("/ui/cases/store-problem-shown", test_store_problem_shown);
  g_test_add_func ("/ui/cases/choose-interventions", test_choose_interventions);
  g_test_add_func ("/ui/cases/load-demo-cases", test_load_demo_cases);
  g_test_add_func ("/ui/cases/notes-log", test_notes_log);
  g_test_add_func ("/ui/cases/parties-with-undo", test_parties_with_undo);
  g_test_add_func ("/ui/cases/failed-save-keeps-text", test_failed_save_keeps_text);
  g_test_add_func ("/ui/cases/export-import", test_export_import_in_window);
  g_test_add_func ("/ui/cases/messages", test_messages);
  g_test_add_func ("/ui/cases/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/ui/cases/close-and-reopen", test_close_and_reopen);
  g_test_add_func ("/ui/preferences", test_preferences);

  status = g_test_run ();
  g_free (test_dir);
  return status;
}
