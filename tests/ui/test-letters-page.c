/* test-letters-page.c — writing letters in the workspace as an officer does:
 * from a template to a final PDF, sent, a new version, deleted and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-cases-page.h"
#include "luwte-demo.h"
#include "luwte-evidence.h"
#include "luwte-letter.h"
#include "luwte-letter-compose.h"
#include "luwte-letter-preview.h"
#include "luwte-letters-page.h"
#include "luwte-party.h"
#include "luwte-preferences-window.h"
#include "luwte-profile.h"
#include "luwte-store.h"
#include "luwte-template-library.h"
#include "luwte-window.h"

#include "ui-test-widgets.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

static char *test_dir;

typedef struct {
  LuwteStore       *store;
  LuwteWindow      *window;
  LuwteCase        *kase;
  LuwteLettersPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (test_dir, data, NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCasesPage *cases_page;

  g_unlink (path);
  fixture->store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_demo_add_cases (fixture->store, card, 1, 7, &error));
  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_MUNICIPALITY, "Gemeente Voorbeeld", &error));
  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_MAYOR, "A. de Burgemeester", &error));
  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_SENDER_NAME, "J. Jansen", &error));
  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_PHONE, "14 0123", &error));
  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_EMAIL, "oov@voorbeeld.example", &error));

  fixture->window = luwte_window_new (NULL, card, NULL, fixture->store, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_wait_idle ();
  cases_page = luwte_window_get_cases_page (fixture->window);
  cases = luwte_store_list_cases (fixture->store, NULL, 0, 1, &error);
  fixture->kase = g_object_ref (g_ptr_array_index (cases, 0));
  g_assert_true (luwte_case_workspace_set_case (luwte_cases_page_get_workspace (cases_page), fixture->kase));
  fixture->page = luwte_case_workspace_get_letters_page (luwte_cases_page_get_workspace (cases_page));
  luwte_case_workspace_show_page (luwte_cases_page_get_workspace (cases_page), "letters");
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

static LuwteEvidence *
first_message (Fixture *fixture)
{
  g_autoptr(GPtrArray) messages = luwte_store_list_evidence (fixture->store, fixture->kase, NULL);

  g_assert_cmpuint (messages->len, >, 0);
  return g_object_ref (g_ptr_array_index (messages, 0));
}

/* Ticks every message in the editor's "Messages" group. */
static void
choose_every_message (LuwteLetterEditor *editor)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, editor);
  while (stack->len > 0)
    {
      GtkWidget *current = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_CHECK_BUTTON (current) && g_object_get_data (G_OBJECT (current), "evidence-id") != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (current), TRUE);
      for (GtkWidget *child = gtk_widget_get_first_child (current); child != NULL; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
}

/* The DSA notice: incomplete until the explanation is typed, then final
 * with its PDF, then sent, which marks its messages as requested. */
static void
test_notice_to_sent (Fixture       *fixture,
                     gconstpointer  data)
{
  LuwteLetterEditor *editor = luwte_letters_page_get_editor (fixture->page);
  g_autoptr(LuwteEvidence) message = first_message (fixture);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *mailto = NULL;
  LuwteLetter *letter;
  GPtrArray *problems;

  letter = luwte_letters_page_write (fixture->page, "ntd-platform");
  g_assert_nonnull (letter);
  g_assert_cmpint (luwte_letter_get_party_id (letter), >, 0);
  ui_wait_idle ();

  /* The messages are not chosen yet and the explanation is missing. */
  problems = luwte_letter_editor_get_problems (editor);
  g_assert_cmpuint (problems->len, >=, 2);
  g_assert_false (luwte_letter_editor_make_final (editor));

  g_assert_true (luwte_letter_editor_set_input (editor, "brief.uitleg", "Oproep tot geweld tegen de politie."));
  choose_every_message (editor);
  problems = luwte_letter_editor_get_problems (editor);
  if (problems->len > 0)
    g_error ("still missing: %s", (char *) g_ptr_array_index (problems, 0));
  body = luwte_letter_editor_get_body (editor);
  g_assert_nonnull (strstr (body, luwte_evidence_get_url (message)));
  g_assert_nonnull (strstr (body, "Oproep tot geweld tegen de politie."));

  text = luwte_letter_editor_get_text (editor);
  g_assert_nonnull (strstr (text, luwte_case_get_reference (fixture->kase)));
  mailto = luwte_letter_editor_get_mailto (editor);
  g_assert_nonnull (mailto);
  g_assert_true (g_str_has_prefix (mailto, "mailto:legal@"));

  g_assert_true (luwte_letter_editor_make_final (editor));
  g_assert_cmpint (luwte_letter_get_status (letter), ==, LUWTE_LETTER_FINAL);
  pdf = luwte_store_get_letter_pdf (fixture->store, letter, &error);
  g_assert_nonnull (pdf);
  {
    g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
    g_assert_cmpstr (sha, ==, luwte_letter_get_sha256 (letter));
  }

  g_assert_true (luwte_letter_editor_mark_sent (editor, "2026-11-30T10:00:00+01:00", "e-mail", "2026-12-02T10:00:00+01:00"));
  messages = luwte_store_list_evidence (fixture->store, fixture->kase, &error);
  for (guint i = 0; i < messages->len; i++)
    if (luwte_evidence_get_takedown (g_ptr_array_index (messages, i)) != LUWTE_TAKEDOWN_REMOVED &&
        luwte_evidence_get_takedown (g_ptr_array_index (messages, i)) != LUWTE_TAKEDOWN_ACKNOWLEDGED)
      g_assert_cmpint (luwte_evidence_get_takedown (g_ptr_array_index (messages, i)), ==, LUWTE_TAKEDOWN_REQUESTED);

  /* Changing what was sent is a new version. */
  g_assert_nonnull (luwte_letter_editor_new_version (editor));
  g_assert_cmpint (luwte_letter_get_version (luwte_letter_editor_get_letter (editor)), ==, 2);
  letters = luwte_store_list_letters (fixture->store, fixture->kase, &error);
  g_assert_cmpuint (letters->len, ==, 2);

  /* Deleting the draft, and Undo. */
  g_assert_true (luwte_letters_page_remove_open (fixture->page));
  g_assert_cmpuint (luwte_letters_page_get_n_letters (fixture->page), ==, 1);
  g_assert_true (luwte_letters_page_undo_remove (fixture->page));
  g_assert_cmpuint (luwte_letters_page_get_n_letters (fixture->page), ==, 2);
}

static char *
pdf_file_text (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *command = g_strdup_printf ("pdftotext -enc UTF-8 %s -", path);
  char *text = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return text;
}

/* A draft saved as PDF, incomplete as it is, says it is a draft on every
 * page, in the letter's language; the PDF stored when it is made final
 * does not, and saving the final letter gives exactly that PDF. */
static void
test_draft_pdf_marked (Fixture       *fixture,
                       gconstpointer  data)
{
  LuwteLetterEditor *editor = luwte_letters_page_get_editor (fixture->page);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *draft_path = g_build_filename (test_dir, "draft.pdf", NULL);
  g_autofree char *final_path = g_build_filename (test_dir, "final.pdf", NULL);
  g_autoptr(GFile) draft_file = g_file_new_for_path (draft_path);
  g_autoptr(GFile) final_file = g_file_new_for_path (final_path);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  const char *mark;
  LuwteLetter *letter;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  letter = luwte_letters_page_write (fixture->page, "ntd-platform");
  g_assert_nonnull (letter);
  ui_wait_idle ();
  mark = luwte_letter_get_language (letter) == LUWTE_LANGUAGE_NL ? "CONCEPT" : "DRAFT";

  g_assert_cmpuint (luwte_letter_editor_get_problems (editor)->len, >, 0);
  g_assert_true (luwte_letter_editor_save_pdf (editor, draft_file));
  text = pdf_file_text (draft_file);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  for (guint i = 0; pages[i + 1] != NULL; i++)
    if (strstr (pages[i], mark) == NULL)
      g_error ("page %u of the draft has no “%s”:\n%s", i + 1, mark, pages[i]);

  g_assert_true (luwte_letter_editor_set_input (editor, "brief.uitleg", "Oproep tot geweld tegen de politie."));
  choose_every_message (editor);
  g_assert_true (luwte_letter_editor_make_final (editor));
  stored = luwte_store_get_letter_pdf (fixture->store, letter, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (final_file, g_bytes_get_data (stored, NULL), g_bytes_get_size (stored),
                                          NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_clear_pointer (&text, g_free);
  text = pdf_file_text (final_file);
  g_assert_nonnull (strstr (text, "Oproep tot geweld tegen de politie."));
  g_assert_null (strstr (text, "CONCEPT"));
  g_assert_null (strstr (text, "DRAFT"));

  g_assert_true (luwte_letter_editor_save_pdf (editor, final_file));
  saved = g_file_load_bytes (final_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (saved, stored));
}

/* Text changed by hand stays, also when a fact changes; saved as typed. */
static void
test_edited_text_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  LuwteLetterEditor *editor = luwte_letters_page_get_editor (fixture->page);
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  LuwteLetter *letter;

  letter = luwte_letters_page_write (fixture->page, "parents-letter");
  g_assert_nonnull (letter);
  g_assert_cmpint (luwte_letter_get_party_id (letter), >, 0);
  body = luwte_letter_editor_get_body (editor);
  g_assert_true (strstr (body, "Geachte") != NULL || strstr (body, "Dear") != NULL);

  luwte_letter_editor_set_body (editor, "Eigen tekst <b>&</b> {{zaak.kenmerk}}");
  g_assert_true (luwte_letter_editor_set_input (editor, "brief.gesprek", "dinsdag om 16.00 uur"));
  g_clear_pointer (&body, g_free);
  body = luwte_letter_editor_get_body (editor);
  g_assert_cmpstr (body, ==, "Eigen tekst <b>&</b> {{zaak.kenmerk}}");
  g_assert_true (luwte_letter_editor_flush (editor));

  letters = luwte_store_list_letters (fixture->store, fixture->kase, &error);
  g_assert_cmpuint (letters->len, ==, 1);
  g_assert_cmpstr (luwte_letter_get_body (g_ptr_array_index (letters, 0)), ==, "Eigen tekst <b>&</b> {{zaak.kenmerk}}");
  g_assert_true (luwte_letter_get_edited (g_ptr_array_index (letters, 0)));
  g_assert_cmpstr (g_hash_table_lookup (luwte_letter_get_inputs (g_ptr_array_index (letters, 0)), "brief.gesprek"),
                   ==, "dinsdag om 16.00 uur");
}

static LuwteLetter *
stored_letter (Fixture     *fixture,
               LuwteLetter *letter)
{
  g_autoptr(GPtrArray) letters = luwte_store_list_letters (fixture->store, fixture->kase, NULL);

  for (guint i = 0; letters != NULL && i < letters->len; i++)
    if (luwte_letter_get_id (g_ptr_array_index (letters, i)) == luwte_letter_get_id (letter))
      return g_object_ref (g_ptr_array_index (letters, i));
  g_assert_not_reached ();
}

/* The municipality's details, typed in Preferences while a draft is open:
 * the draft follows as soon as they are stored, on screen and stored; a
 * final letter and a text changed by hand do not. */
static void
test_profile_follows (Fixture       *fixture,
                      gconstpointer  data)
{
  LuwteLetterEditor *editor = luwte_letters_page_get_editor (fixture->page);
  g_autoptr(LuwteLetter) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *final_body = NULL;
  LuwtePreferencesWindow *preferences;
  LuwteLetter *letter;

  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_MAYOR, "", &error));
  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_PHONE, "", &error));
  letter = luwte_letters_page_write (fixture->page, "parents-letter");
  g_assert_nonnull (letter);
  ui_wait_idle ();
  body = luwte_letter_editor_get_body (editor);
  g_assert_nonnull (strstr (body, "[[gemeente.burgemeester]]"));
  g_assert_nonnull (strstr (body, "[[gemeente.telefoon]]"));

  /* As the officer does: open Preferences, type, close. */
  preferences = luwte_preferences_window_new (GTK_WINDOW (fixture->window), fixture->store);
  gtk_window_present (GTK_WINDOW (preferences));
  ui_wait_idle ();
  gtk_editable_set_text (luwte_preferences_window_get_entry (preferences, LUWTE_PROFILE_MAYOR), "P. van Dijk");
  gtk_editable_set_text (luwte_preferences_window_get_entry (preferences, LUWTE_PROFILE_PHONE), "14 0999");
  gtk_window_close (GTK_WINDOW (preferences));
  ui_wait_idle ();

  g_clear_pointer (&body, g_free);
  body = luwte_letter_editor_get_body (editor);
  g_assert_null (strstr (body, "[[gemeente."));
  g_assert_nonnull (strstr (body, "P. van Dijk"));
  g_assert_nonnull (strstr (body, "14 0999"));
  text = luwte_letter_editor_get_text (editor);
  g_assert_nonnull (strstr (text, "14 0999 · oov@voorbeeld.example"));
  stored = stored_letter (fixture, letter);
  g_assert_cmpstr (luwte_letter_get_body (stored), ==, body);
  g_assert_false (luwte_letter_get_edited (stored));

  /* Final: what was made final stays. */
  g_assert_true (luwte_letter_editor_make_final (editor));
  final_body = g_strdup (luwte_letter_get_body (letter));
  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_MAYOR, "Q. Anders", &error));
  ui_wait_idle ();
  g_clear_pointer (&body, g_free);
  body = luwte_letter_editor_get_body (editor);
  g_assert_cmpstr (body, ==, final_body);
  g_clear_object (&stored);
  stored = stored_letter (fixture, letter);
  g_assert_cmpint (luwte_letter_get_status (stored), ==, LUWTE_LETTER_FINAL);
  g_assert_cmpstr (luwte_letter_get_body (stored), ==, final_body);

  /* Changed by hand: the text is the officer's. */
  letter = luwte_letters_page_write (fixture->page, "parents-letter");
  g_assert_nonnull (letter);
  luwte_letter_editor_set_body (editor, "Eigen tekst voor de ouders");
  g_assert_true (luwte_profile_set (fixture->store, LUWTE_PROFILE_MAYOR, "R. Derde", &error));
  ui_wait_idle ();
  g_clear_pointer (&body, g_free);
  body = luwte_letter_editor_get_body (editor);
  g_assert_cmpstr (body, ==, "Eigen tekst voor de ouders");
  g_assert_true (luwte_letter_editor_flush (editor));
  g_clear_object (&stored);
  stored = stored_letter (fixture, letter);
  g_assert_cmpstr (luwte_letter_get_body (stored), ==, "Eigen tekst voor de ouders");
}


/* The case on screen, as the officer opens it from the list: the editor
 * is shown, not only built. */
static void
show_letters (Fixture *fixture)
{
  LuwteCasesPage *cases_page = luwte_window_get_cases_page (fixture->window);

  g_assert_true (luwte_cases_page_show_case (cases_page, luwte_case_get_reference (fixture->kase), "letters"));
  ui_wait_idle ();
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the preview has drawn its page at its present
 * size; a bound keeps a broken preview from hanging the test. */
static gboolean
wait_for_page (LuwteLetterPreview *preview)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int width = 0, height = 0;

  for (;;)
    {
      int expected = (int) round (LUWTE_LETTER_PAGE_WIDTH * luwte_letter_preview_get_scale (preview));

      ui_wait_idle ();
      if (luwte_letter_preview_get_texture_size (preview, &width, &height) && gtk_widget_get_width (GTK_WIDGET (preview)) > 0
          && width == expected * gtk_widget_get_scale_factor (GTK_WIDGET (preview)))
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      /* Wakes the loop up should no event come. The source is removed
       * after the iteration: it must never outlive this frame. */
      {
        g_autoptr(GSource) wake = g_timeout_source_new (20);

        g_source_set_callback (wake, wake_up, NULL, NULL);
        g_source_attach (wake, NULL);
        g_main_context_iteration (NULL, TRUE);
        g_source_destroy (wake);
      }
    }
}

/* The page as wide as the preview, drawn at the preview's own pixels; zoomed
 * in and out by the editor's actions, and back to the width. */
static void
test_preview_zoom (Fixture       *fixture,
                   gconstpointer  data)
{
  LuwteLetterEditor *editor = luwte_letters_page_get_editor (fixture->page);
  LuwteLetterPreview *preview;
  int scale_factor, width, height, page_width;
  double fit, zoomed;

  show_letters (fixture);
  g_assert_nonnull (luwte_letters_page_write (fixture->page, "parents-letter"));
  preview = LUWTE_LETTER_PREVIEW (ui_find_of_type (GTK_WIDGET (editor), LUWTE_TYPE_LETTER_PREVIEW));
  g_assert_nonnull (preview);
  g_assert_true (wait_for_page (preview));
  scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (preview));

  /* Fit width: the page fills the preview's width, and its picture has a
   * pixel for every pixel of the screen, not fewer, scaled up. */
  g_assert_true (luwte_letter_preview_get_fit_width (preview));
  page_width = gtk_widget_get_width (GTK_WIDGET (preview));
  fit = luwte_letter_preview_get_scale (preview);
  g_assert_cmpfloat_with_epsilon (fit * LUWTE_LETTER_PAGE_WIDTH, page_width, 1.0);
  g_assert_true (luwte_letter_preview_get_texture_size (preview, &width, &height));
  g_assert_cmpint (width, >=, (page_width - 1) * scale_factor);
  g_assert_cmpint (height, >=, (int) (LUWTE_LETTER_PAGE_HEIGHT * fit - 1) * scale_factor);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.zoom-fit", NULL) &&
                  !luwte_letter_preview_get_fit_width (preview));

  /* Larger, twice, then one step back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.zoom-in", NULL));
  g_assert_false (luwte_letter_preview_get_fit_width (preview));
  zoomed = luwte_letter_preview_get_scale (preview);
  g_assert_cmpfloat (zoomed, >, fit);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.zoom-in", NULL));
  g_assert_cmpfloat (luwte_letter_preview_get_scale (preview), >, zoomed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (luwte_letter_preview_get_scale (preview), zoomed, 1e-9);

  /* Zoomed in, the page is wider than the pane, drawn whole at its size,
   * and the pane scrolls. */
  g_assert_true (wait_for_page (preview));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (preview)), >, page_width);
  g_assert_true (luwte_letter_preview_get_texture_size (preview, &width, &height));
  g_assert_cmpint (width, ==, (int) round (LUWTE_LETTER_PAGE_WIDTH * zoomed) * scale_factor);

  /* Smaller than the width fits. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.zoom-out", NULL));
  g_assert_cmpfloat (luwte_letter_preview_get_scale (preview), <, fit);

  /* Fit width restores it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.zoom-fit", NULL));
  g_assert_true (luwte_letter_preview_get_fit_width (preview));
  g_assert_true (wait_for_page (preview));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (preview)), ==, page_width);
  g_assert_cmpfloat_with_epsilon (luwte_letter_preview_get_scale (preview), fit, 1e-9);

  /* Turning the page keeps the zoom. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.zoom-in", NULL));
  zoomed = luwte_letter_preview_get_scale (preview);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "letter.next-page", NULL));
  g_assert_cmpint (luwte_letter_preview_get_page (preview), ==, 1);
  g_assert_cmpfloat_with_epsilon (luwte_letter_preview_get_scale (preview), zoomed, 1e-9);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Each fact's hint can be read whole, and labels wrap between words,
 * never inside one, in a window as narrow as an officer's laptop. */
static void
test_hints_whole (Fixture       *fixture,
                  gconstpointer  data)
{
  LuwteLetterEditor *editor = luwte_letters_page_get_editor (fixture->page);
  g_autoptr(LuwteTemplateLibrary) library = luwte_template_library_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  LuwteTemplate *template;
  LuwteLetter *letter;
  GPtrArray *inputs;

  show_letters (fixture);
  letter = luwte_letters_page_write (fixture->page, "parents-letter");
  g_assert_nonnull (letter);
  ui_wait_idle ();
  g_assert_true (wait_for_page (LUWTE_LETTER_PREVIEW (ui_find_of_type (GTK_WIDGET (editor), LUWTE_TYPE_LETTER_PREVIEW))));
  template = luwte_template_library_lookup (library, "parents-letter", luwte_letter_get_language (letter));
  g_assert_nonnull (template);
  inputs = luwte_template_get_inputs (template);
  g_assert_cmpuint (inputs->len, >, 0);
  collect_labels (GTK_WIDGET (editor), labels);

  for (guint i = 0; i < inputs->len; i++)
    {
      LuwteTemplateInput *input = g_ptr_array_index (inputs, i);
      guint found = 0;

      for (guint k = 0; k < labels->len; k++)
        {
          GtkLabel *label = g_ptr_array_index (labels, k);

          if (g_strcmp0 (gtk_label_get_text (label), input->label) != 0 || !gtk_widget_get_mapped (GTK_WIDGET (label)))
            continue;
          found++;
          g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
          g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
          g_assert_true (gtk_label_get_wrap (label));
        }
      g_assert_cmpuint (found, ==, 1);
    }

  /* Wrapping labels never break inside a word: Pango would add a hyphen.
   * A URL breaks anywhere: it has no words. */
  for (guint k = 0; k < labels->len; k++)
    {
      GtkLabel *label = g_ptr_array_index (labels, k);

      if (gtk_label_get_wrap (label) && gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_PREFERENCES_GROUP) != NULL
          && gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_POPOVER) == NULL
          && *gtk_label_get_text (label) != '\0' && !g_str_has_prefix (gtk_label_get_text (label), "https://"))
        g_assert_cmpint (gtk_label_get_wrap_mode (label), ==, PANGO_WRAP_WORD);
    }
}

/* A final letter is shown and copied with the date it was made final,
 * whatever day it is opened again. */
static void
test_final_keeps_date (Fixture       *fixture,
                       gconstpointer  data)
{
  LuwteLetterEditor *editor = luwte_letters_page_get_editor (fixture->page);
  g_autoptr(LuwteLetter) reread = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  LuwteLetter *letter;

  show_letters (fixture);
  letter = luwte_letters_page_write (fixture->page, "parents-letter");
  g_assert_nonnull (letter);
  ui_wait_idle ();
  g_assert_true (luwte_letter_editor_make_final (editor));
  /* As if it was made final on 2 January 2026. */
  sql = g_strdup_printf ("UPDATE letters SET final_at = '2026-01-02T10:00:00+01:00' WHERE id = %" G_GINT64_FORMAT,
                         luwte_letter_get_id (letter));
  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (fixture->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  reread = stored_letter (fixture, letter);
  luwte_letter_editor_set_letter (editor, fixture->store, fixture->kase, reread);
  text = luwte_letter_editor_get_text (editor);
  if (strstr (text, "2 januari 2026") == NULL && strstr (text, "2 January 2026") == NULL)
    g_error ("the final letter does not have its own date:\n%s", text);
}

/* A combo row titled @title */
static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Selects the item of @row whose text starts with @name. */
static void
choose_by_name (AdwComboRow *row,
                const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no “%s” to choose", name);
}

/* A case with two young people: the officer writes to the parents of the
 * second, and the letter names the second. A young person added on the
 * Parties page while the letter is open can be chosen on return. */
static void
test_youth_choice (Fixture       *fixture,
                   gconstpointer  data)
{
  LuwteLetterEditor *editor = luwte_letters_page_get_editor (fixture->page);
  LuwteCaseWorkspace *workspace = luwte_cases_page_get_workspace (luwte_window_get_cases_page (fixture->window));
  g_autoptr(LuwteParty) second = luwte_party_new (LUWTE_ROLE_YOUTH, "Noor Tweede", "", "");
  g_autoptr(LuwteParty) third = luwte_party_new (LUWTE_ROLE_YOUTH, "Kai Derde", "", "");
  g_autoptr(LuwteLetter) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwComboRow *youth_row;
  LuwteLetter *letter;

  g_assert_true (luwte_store_add_party (fixture->store, fixture->kase, second, &error));
  show_letters (fixture);

  /* A takedown request names no young person: no choice. */
  g_assert_nonnull (luwte_letters_page_write (fixture->page, "ntd-platform"));
  ui_wait_idle ();
  youth_row = ADW_COMBO_ROW (ui_find_matching (GTK_WIDGET (editor), is_combo_row_titled, "Young Person"));
  g_assert_nonnull (youth_row);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (youth_row)));

  letter = luwte_letters_page_write (fixture->page, "parents-letter");
  g_assert_nonnull (letter);
  ui_wait_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (youth_row)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (youth_row)));
  /* None, then only the young people of the case. */
  {
    g_autoptr(GPtrArray) parties = luwte_store_list_parties (fixture->store, fixture->kase, &error);
    guint n_youth = 0;

    for (guint i = 0; i < parties->len; i++)
      n_youth += luwte_party_get_role (g_ptr_array_index (parties, i)) == LUWTE_ROLE_YOUTH;
    g_assert_cmpuint (n_youth, >=, 2);
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (youth_row)), ==, 1 + n_youth);
  }
  g_assert_cmpuint (adw_combo_row_get_selected (youth_row), ==, 1);

  choose_by_name (youth_row, "Noor Tweede");
  body = luwte_letter_editor_get_body (editor);
  g_assert_nonnull (strstr (body, "Noor Tweede"));
  g_assert_true (luwte_letter_editor_flush (editor));
  stored = stored_letter (fixture, letter);
  g_assert_cmpint (luwte_letter_get_youth_id (stored), ==, luwte_party_get_id (second));

  /* Added on the Parties page meanwhile: offered on return, and the
   * choice made stays. */
  luwte_case_workspace_show_page (workspace, "parties");
  ui_wait_idle ();
  g_assert_true (luwte_store_add_party (fixture->store, fixture->kase, third, &error));
  luwte_case_workspace_show_page (workspace, "letters");
  ui_wait_idle ();
  g_assert_true (luwte_letter_editor_get_letter (editor) == letter);
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (youth_row)),
                                                               adw_combo_row_get_selected (youth_row)),
                                   "Noor Tweede"));
  choose_by_name (youth_row, "Kai Derde");
  g_clear_pointer (&body, g_free);
  body = luwte_letter_editor_get_body (editor);
  g_assert_nonnull (strstr (body, "Kai Derde"));
  g_assert_null (strstr (body, "Noor Tweede"));

  /* A draft about no one yet (begun before any young person was
   * entered) is about the case's first when it is opened again, and is
   * stored so. */
  adw_combo_row_set_selected (youth_row, 0);
  g_assert_true (luwte_letter_editor_flush (editor));
  g_clear_object (&stored);
  stored = stored_letter (fixture, letter);
  g_assert_cmpint (luwte_letter_get_youth_id (stored), ==, 0);
  luwte_letter_editor_set_letter (editor, fixture->store, fixture->kase, stored);
  /* The editor holds the letter read again; the one written goes. */
  letter = luwte_letter_editor_get_letter (editor);
  g_assert_cmpuint (adw_combo_row_get_selected (youth_row), ==, 1);
  g_clear_pointer (&body, g_free);
  body = luwte_letter_editor_get_body (editor);
  g_assert_null (strstr (body, "[[jongere.naam]]"));
  g_clear_object (&stored);
  stored = stored_letter (fixture, letter);
  g_assert_cmpint (luwte_letter_get_youth_id (stored), ==, luwte_letter_default_youth (fixture->store, fixture->kase));

  /* So is a text written by hand, which the facts do not change. */
  luwte_letter_editor_set_body (editor, "Eigen tekst aan de ouders");
  adw_combo_row_set_selected (youth_row, 0);
  g_assert_true (luwte_letter_editor_flush (editor));
  g_clear_object (&stored);
  stored = stored_letter (fixture, letter);
  g_assert_cmpint (luwte_letter_get_youth_id (stored), ==, 0);
  luwte_letter_editor_set_letter (editor, fixture->store, fixture->kase, stored);
  letter = luwte_letter_editor_get_letter (editor);
  g_clear_object (&stored);
  stored = stored_letter (fixture, letter);
  g_assert_cmpstr (luwte_letter_get_body (stored), ==, "Eigen tekst aan de ouders");
  g_assert_cmpint (luwte_letter_get_youth_id (stored), ==, luwte_letter_default_youth (fixture->store, fixture->kase));
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK then finds no icons. The
   * databases go to a fresh folder of their own. */
  g_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("luwte-letters-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/letters/notice-to-sent", Fixture, "notice.db", fixture_set_up, test_notice_to_sent, fixture_tear_down);
  g_test_add ("/ui/letters/draft-pdf-marked", Fixture, "draft-pdf.db", fixture_set_up, test_draft_pdf_marked, fixture_tear_down);
  g_test_add ("/ui/letters/edited-text-kept", Fixture, "edited.db", fixture_set_up, test_edited_text_kept, fixture_tear_down);
  g_test_add ("/ui/letters/profile-follows", Fixture, "profile.db", fixture_set_up, test_profile_follows, fixture_tear_down);
  g_test_add ("/ui/letters/preview-zoom", Fixture, "zoom.db", fixture_set_up, test_preview_zoom, fixture_tear_down);
  g_test_add ("/ui/letters/youth-choice", Fixture, "youth.db", fixture_set_up, test_youth_choice, fixture_tear_down);
  g_test_add ("/ui/letters/final-keeps-date", Fixture, "final-date.db", fixture_set_up, test_final_keeps_date,
              fixture_tear_down);
  g_test_add ("/ui/letters/hints-whole", Fixture, "hints.db", fixture_set_up, test_hints_whole, fixture_tear_down);

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf %s", test_dir);
    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  g_free (test_dir);
  return status;
}
