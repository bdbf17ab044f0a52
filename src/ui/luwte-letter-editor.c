/* luwte-letter-editor.c — writing one letter of a case
 *
 * The template filled in from the case is the start; the officer chooses
 * the recipient, the language and the messages, types what the case does
 * not know, and may change the text by hand (from then on the case's facts
 * no longer overwrite it, until "Fill In Again"). Everything is stored as it
 * is typed. The checklist says what is still missing; only a complete
 * letter can be made final, which freezes the text with its PDF. The
 * preview draws the same pages as the PDF and the printer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-letters"

#include "config.h"

#include <glib/gi18n.h>

#include "luwte-accessible.h"
#include "luwte-evidence.h"
#include "luwte-letter-compose.h"
#include "luwte-letter-editor.h"
#include "luwte-autosave.h"
#include "luwte-letter-preview.h"
#include "luwte-party.h"
#include "luwte-party-choice.h"
#include "luwte-profile.h"
#include "luwte-time.h"
#include "luwte-template-fields.h"

#define PREVIEW_DELAY_MS 250

struct _LuwteLetterEditor
{
  AdwBin                parent_instance;

  LuwteStore           *store;
  LuwteCase            *kase;
  LuwteLetter          *letter;
  LuwteTemplateLibrary *library;
  LuwteTemplate        *template;      /* ref; NULL when the template is gone */
  LuwteLetterLayout    *layout;
  GPtrArray            *input_rows;    /* GtkEntry, with "input-name" */
  GPtrArray            *message_checks;/* GtkCheckButton, with "evidence-id" */
  GPtrArray            *dynamic_rows;  /* rows of the groups that are refilled */
  GPtrArray            *checklist_rows;
  GPtrArray            *problems;      /* char *: why it cannot be final yet */
  guint                 save_source;
  guint                 preview_source;
  gboolean              filling;
  gboolean              dirty;
  gboolean              edited;

  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkWidget            *final_button;
  GtkWidget            *sent_button;
  GtkWidget            *version_button;
  AdwPreferencesGroup  *notes_group;
  AdwPreferencesGroup  *letter_group;
  AdwComboRow          *language_row;
  AdwComboRow          *party_row;
  AdwComboRow          *youth_row;             /* shown for templates that name the young person */
  GDateTime            *final_date;            /* a final letter's date: when it was made final */
  AdwPreferencesGroup  *inputs_group;
  AdwPreferencesGroup  *messages_group;
  AdwPreferencesGroup  *checklist_group;
  AdwPreferencesGroup  *text_group;
  AdwEntryRow          *subject_row;
  GtkTextView          *body_view;
  LuwteLetterPreview   *preview;
  GtkLabel             *page_label;
};

G_DEFINE_FINAL_TYPE (LuwteLetterEditor, luwte_letter_editor, ADW_TYPE_BIN)

enum {
  CLOSED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_state (LuwteLetterEditor *self);

static void
show_problem (LuwteLetterEditor *self,
              const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message);
}

static char *
body_text (LuwteLetterEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static LuwteLanguage
chosen_language (LuwteLetterEditor *self)
{
  return adw_combo_row_get_selected (self->language_row) == 1 ? LUWTE_LANGUAGE_EN : LUWTE_LANGUAGE_NL;
}

static GHashTable *
chosen_inputs (LuwteLetterEditor *self)
{
  GHashTable *inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->input_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->input_rows, i);

      g_hash_table_insert (inputs, g_strdup (g_object_get_data (G_OBJECT (row), "input-name")),
                           g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
    }
  /* Inputs of the template in the other language, or of an older one,
   * stay with the letter. */
  if (self->letter != NULL)
    {
      GHashTableIter iter;
      gpointer name, value;

      g_hash_table_iter_init (&iter, luwte_letter_get_inputs (self->letter));
      while (g_hash_table_iter_next (&iter, &name, &value))
        if (!g_hash_table_contains (inputs, name))
          g_hash_table_insert (inputs, g_strdup (name), g_strdup (value));
    }
  return inputs;
}

static GArray *
chosen_messages (LuwteLetterEditor *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->message_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->message_checks, i);

      if (gtk_check_button_get_active (check))
        {
          gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "evidence-id");
          g_array_append_val (ids, id);
        }
    }
  return ids;
}

/* A final letter is shown, printed and copied with the date it was made
 * final, not today's; a draft has today's. */
static void
remember_final_date (LuwteLetterEditor *self)
{
  g_clear_pointer (&self->final_date, g_date_time_unref);
  if (self->letter != NULL && luwte_letter_get_status (self->letter) != LUWTE_LETTER_DRAFT &&
      luwte_letter_get_final_at (self->letter) != NULL)
    {
      g_autoptr(GDateTime) final_at = g_date_time_new_from_iso8601 (luwte_letter_get_final_at (self->letter), NULL);

      self->final_date = final_at != NULL ? g_date_time_to_local (final_at) : NULL;
    }
}

/* The recipient and, for a template that names one, the young person,
 * from the case's parties as they are now. A draft about no one yet is
 * about the case's first young person, as a new letter is: one entered
 * after the letter was begun is named too. */
static void
fill_party_choices (LuwteLetterEditor *self,
                    gint64             recipient,
                    gint64             youth)
{
  g_autoptr(GPtrArray) parties = luwte_store_list_parties (self->store, self->kase, NULL);
  gboolean names_youth = self->template != NULL && luwte_template_uses_field (self->template, LUWTE_FIELD_YOUTH_NAME);

  if (names_youth && youth == 0 && self->letter != NULL &&
      luwte_letter_get_status (self->letter) == LUWTE_LETTER_DRAFT)
    youth = luwte_party_find_first_in_role (parties, LUWTE_ROLE_YOUTH);
  luwte_party_choice_fill_from (self->party_row, parties, LUWTE_PARTY_CHOICE_ANY_ROLE, recipient);
  luwte_party_choice_fill_from (self->youth_row, parties, LUWTE_ROLE_YOUTH, youth);
  gtk_widget_set_visible (GTK_WIDGET (self->youth_row), names_youth);
}

static void
facts_init (LuwteLetterEditor *self,
            LuwteLetterFacts  *facts,
            GHashTable        *inputs,
            GArray            *messages)
{
  facts->kase = self->kase;
  facts->party_id = luwte_party_choice_get_id (self->party_row);
  facts->youth_id = luwte_party_choice_get_id (self->youth_row);
  facts->evidence_ids = messages;
  facts->inputs = inputs;
  facts->language = chosen_language (self);
  facts->date = self->final_date;
  facts->final = FALSE;
}

static LuwteTemplateValues *
build_values (LuwteLetterEditor *self)
{
  g_autoptr(GHashTable) inputs = chosen_inputs (self);
  g_autoptr(GArray) messages = chosen_messages (self);
  g_autoptr(GError) error = NULL;
  LuwteLetterFacts facts;
  LuwteTemplateValues *values;

  facts_init (self, &facts, inputs, messages);
  values = luwte_letter_values_build (self->store, &facts, &error);
  if (values == NULL)
    show_problem (self, error->message);
  return values;
}

/* The text from the template and the case, replacing what is there. */
static void
refill_text (LuwteLetterEditor *self)
{
  g_autoptr(LuwteTemplateValues) values = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (self->template == NULL || (values = build_values (self)) == NULL)
    return;
  luwte_letter_render (self->template, values, &subject, &body, missing);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
  self->filling = FALSE;
  self->edited = FALSE;
}

/**
 * luwte_letter_editor_flush:
 *
 * Stores the draft as it is on screen, now.
 *
 * Returns: %FALSE when it could not be stored (the user was told)
 */
gboolean
luwte_letter_editor_flush (LuwteLetterEditor *self)
{
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(GArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  LuwteLetterEdit edit = { 0 };
  gint64 party_id;
  gint64 youth_id;

  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->letter == NULL || luwte_letter_get_status (self->letter) != LUWTE_LETTER_DRAFT)
    return TRUE;

  inputs = chosen_inputs (self);
  messages = chosen_messages (self);
  body = body_text (self);
  party_id = luwte_party_choice_get_id (self->party_row);
  youth_id = luwte_party_choice_get_id (self->youth_row);
  edit.subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  edit.body = body;
  edit.edited = &self->edited;
  edit.party_id = &party_id;
  edit.youth_id = &youth_id;
  edit.language = luwte_language_to_code (chosen_language (self));
  edit.inputs = inputs;
  edit.evidence_ids = messages;
  if (!luwte_store_update_letter (self->store, self->kase, self->letter, &edit, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  self->dirty = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  LuwteLetterEditor *self = user_data;

  self->save_source = 0;
  luwte_letter_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static gboolean
preview_timeout (gpointer user_data)
{
  LuwteLetterEditor *self = user_data;

  self->preview_source = 0;
  update_state (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (LuwteLetterEditor *self,
          gboolean           save)
{
  if (save)
    {
      self->dirty = TRUE;
      g_clear_handle_id (&self->save_source, g_source_remove);
      self->save_source = g_timeout_add (LUWTE_AUTOSAVE_DELAY_MS, save_timeout, self);
    }
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout, self);
}

/* A fact changed: the text follows, unless it was changed by hand. */
static void
on_fact_changed (LuwteLetterEditor *self)
{
  if (self->filling)
    return;
  if (!self->edited)
    refill_text (self);
  schedule (self, TRUE);
}

static void
on_text_changed (LuwteLetterEditor *self)
{
  if (self->filling)
    return;
  self->edited = TRUE;
  schedule (self, TRUE);
}

static void
clear_dynamic_rows (LuwteLetterEditor *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  g_ptr_array_set_size (self->input_rows, 0);
  g_ptr_array_set_size (self->message_checks, 0);
}

static void
add_dynamic_row (LuwteLetterEditor   *self,
                 AdwPreferencesGroup *group,
                 GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

/* A row's title and subtitle wrap where a word ends, never inside one:
 * libadwaita wraps them anywhere, and Pango then hyphenates a narrow
 * title ("Ontv-anger"). */
static void
wrap_at_words (GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_label_get_wrap (GTK_LABEL (child)))
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
      wrap_at_words (child);
    }
}

/* The label of @row that shows @text wraps anywhere after all. */
static void
wrap_anywhere (GtkWidget  *row,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      wrap_anywhere (child, text);
    }
}

static GtkWidget *
message_row (LuwteLetterEditor *self,
             LuwteEvidence     *message,
             gboolean           active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autoptr(GString) subtitle = g_string_new (luwte_evidence_get_platform (message));
  gint64 *id = g_new (gint64, 1);

  *id = luwte_evidence_get_id (message);
  if (*luwte_evidence_get_account (message) != '\0')
    g_string_append_printf (subtitle, " · %s", luwte_evidence_get_account (message));
  g_string_append_printf (subtitle, " · %s", luwte_takedown_label (luwte_evidence_get_takedown (message)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), luwte_evidence_get_url (message));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  wrap_at_words (row);
  /* The URL has no words to break between. */
  wrap_anywhere (row, luwte_evidence_get_url (message));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  luwte_evidence_get_url (message), -1);
  g_object_set_data_full (G_OBJECT (check), "evidence-id", id, g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_fact_changed), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->message_checks, check);
  return row;
}

/* A fact the template asks for: its hint, which is often a sentence with
 * an example, in full above the field (an entry row would cut it off).
 * Returns: (transfer none): the field, in a row of its own */
static GtkWidget *
input_field (const char *hint)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (hint);
  GtkWidget *entry = gtk_entry_new ();

  /* A group puts only preferences rows in its list. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hint);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return entry;
}

/* Whether the template says anything about the chosen messages: its text
 * with one message differs from its text with none. */
static gboolean
uses_messages (LuwteTemplate *template)
{
  g_autoptr(LuwteTemplateValues) none = luwte_template_values_new ();
  g_autoptr(LuwteTemplateValues) one = luwte_template_values_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  guint item;

  if (luwte_letter_requests_takedown (template))
    return TRUE;
  item = luwte_template_values_add_bericht (one);
  luwte_template_values_set_bericht (one, item, "bericht.url", "https://example.invalid/1");
  without = luwte_template_render_body (template, none, missing);
  with = luwte_template_render_body (template, one, missing);
  return g_strcmp0 (without, with) != 0;
}

/* The rows that depend on the template and the case. */
static void
build_rows (LuwteLetterEditor *self)
{
  GHashTable *stored_inputs = luwte_letter_get_inputs (self->letter);
  GArray *stored_messages = luwte_letter_get_evidence_ids (self->letter);
  g_autoptr(GPtrArray) messages = NULL;
  const char * const *notes;
  GPtrArray *inputs;

  clear_dynamic_rows (self);
  if (self->template == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The template of this letter is gone; the text can still be edited and sent."));
      wrap_at_words (row);
      add_dynamic_row (self, self->notes_group, row);
      gtk_widget_set_visible (GTK_WIDGET (self->inputs_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->messages_group), FALSE);
      return;
    }

  notes = luwte_template_get_notes (self->template);
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), notes[i]);
      wrap_at_words (row);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_dynamic_row (self, self->notes_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes != NULL && notes[0] != NULL);

  inputs = luwte_template_get_inputs (self->template);
  for (guint i = 0; i < inputs->len; i++)
    {
      LuwteTemplateInput *input = g_ptr_array_index (inputs, i);
      GtkWidget *entry = input_field (input->label);
      const char *value = g_hash_table_lookup (stored_inputs, input->name);

      gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
      g_object_set_data_full (G_OBJECT (entry), "input-name", g_strdup (input->name), g_free);
      g_signal_connect_object (entry, "changed", G_CALLBACK (on_fact_changed), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->input_rows, entry);
      add_dynamic_row (self, self->inputs_group, gtk_widget_get_ancestor (entry, GTK_TYPE_LIST_BOX_ROW));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->inputs_group), inputs->len > 0);

  messages = uses_messages (self->template) ? luwte_store_list_evidence (self->store, self->kase, NULL) : NULL;
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      LuwteEvidence *message = g_ptr_array_index (messages, i);
      gboolean active = FALSE;

      for (guint k = 0; k < stored_messages->len; k++)
        active |= g_array_index (stored_messages, gint64, k) == luwte_evidence_get_id (message);
      add_dynamic_row (self, self->messages_group, message_row (self, message, active));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->messages_group), messages != NULL && messages->len > 0);
}

/* The letter on its pages as on screen; @final: as it is made final,
 * without the draft mark. */
static LuwteLetterLayout *
lay_out (LuwteLetterEditor  *self,
         gboolean            final,
         GError            **error)
{
  g_autoptr(GHashTable) inputs = chosen_inputs (self);
  g_autoptr(GArray) messages = chosen_messages (self);
  g_autofree char *body = body_text (self);
  LuwteLetterFacts facts;

  facts_init (self, &facts, inputs, messages);
  facts.final = final;
  return luwte_letter_layout_for (self->store, &facts, gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                                  body, error);
}

/* Which page the preview shows, and where it can go from there. */
static void
show_page (LuwteLetterEditor *self)
{
  g_autofree char *page = NULL;
  int n = self->layout != NULL ? luwte_letter_layout_get_n_pages (self->layout) : 0;
  int current = luwte_letter_preview_get_page (self->preview);

  if (self->layout != NULL)
    /* TRANSLATORS: the page of the preview, e.g. "Page 1 of 2" */
    page = g_strdup_printf (_("Page %d of %d"), current + 1, n);
  gtk_label_set_text (self->page_label, page != NULL ? page : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.previous-page", current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.next-page", current + 1 < n);
}

/* What the zoom buttons can do from the zoom shown now. */
static void
show_zoom (LuwteLetterEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.zoom-in",
                                 luwte_letter_preview_can_zoom (self->preview, 1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.zoom-out",
                                 luwte_letter_preview_can_zoom (self->preview, -1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.zoom-fit",
                                 !luwte_letter_preview_get_fit_width (self->preview));
}

/* The checklist and the preview, from what is on screen now. */
static void
update_state (LuwteLetterEditor *self)
{
  g_autoptr(LuwteTemplateValues) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gboolean draft;

  if (self->letter == NULL)
    return;
  draft = luwte_letter_get_status (self->letter) == LUWTE_LETTER_DRAFT;
  body = body_text (self);

  for (guint i = 0; i < self->checklist_rows->len; i++)
    adw_preferences_group_remove (self->checklist_group, g_ptr_array_index (self->checklist_rows, i));
  g_ptr_array_set_size (self->checklist_rows, 0);
  g_ptr_array_set_size (self->problems, 0);
  if (self->template != NULL && draft && (values = build_values (self)) != NULL)
    {
      g_autoptr(GPtrArray) problems = luwte_letter_problems (self->template, values,
                                                             gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                                                             body);
      GPtrArray *checks = luwte_template_get_checks (self->template);
      g_autoptr(GArray) met = luwte_template_check (self->template, values, body);
      g_autofree char *whole = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), "\n", body, NULL);
      g_autoptr(GPtrArray) placeholders = luwte_template_missing_in_text (whole);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      guint n_checks = checks->len;

      if (luwte_party_choice_get_id (self->party_row) == 0)
        g_ptr_array_add (self->problems, g_strdup (_("Choose the recipient")));
      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (problems, i)));

      /* Each element the law asks for, met or not; then each empty field. */
      for (guint i = 0; i < n_checks; i++)
        g_ptr_array_add (rows, g_strdup (((LuwteTemplateCheck *) g_ptr_array_index (checks, i))->label));
      if (luwte_party_choice_get_id (self->party_row) == 0)
        g_ptr_array_add (rows, g_strdup (_("Choose the recipient")));
      for (guint i = 0; i < placeholders->len; i++)
        {
          const char *name = g_ptr_array_index (placeholders, i);
          const char *label = luwte_template_get_field_label (self->template, name);

          /* TRANSLATORS: a field of a letter that has no value yet */
          g_ptr_array_add (rows, g_strdup_printf (_("Not filled in: %s"), label != NULL ? label : name));
        }
      for (guint i = 0; i < rows->len; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          gboolean ok = i < n_checks && g_array_index (met, gboolean, i);
          GtkWidget *icon = gtk_image_new_from_icon_name (ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (rows, i));
          wrap_at_words (row);
          gtk_widget_add_css_class (icon, ok ? "success" : "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          ok ? _("In the letter") : _("Missing"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_group_add (self->checklist_group, row);
          g_ptr_array_add (self->checklist_rows, row);
        }
      adw_preferences_group_set_description (self->checklist_group,
                                             self->problems->len == 0 ? _("Complete: the letter can be made final.")
                                                                      : _("The letter can be made final once nothing is missing."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_group), draft && self->template != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.make-final", draft && self->problems->len == 0);

  g_clear_object (&self->layout);
  /* A draft is previewed and printed with its mark, as it is saved. */
  self->layout = lay_out (self, !draft, &error);
  if (self->layout == NULL)
    {
      /* A logo that cannot be read: the letter is shown without it. */
      g_autofree char *message = g_strdup_printf (_("The preview could not be drawn: %s"), error->message);
      show_problem (self, message);
    }
  luwte_letter_preview_set_layout (self->preview, self->layout, luwte_letter_preview_get_page (self->preview));
  show_page (self);
}

static void
show_status (LuwteLetterEditor *self)
{
  LuwteLetterStatus status = luwte_letter_get_status (self->letter);
  g_autoptr(GString) text = g_string_new (luwte_letter_status_label (status));
  /* A closed case's letters are read as they are, drafts too. */
  gboolean open = luwte_case_get_status (self->kase) != LUWTE_CASE_STATUS_CLOSED;
  gboolean draft = status == LUWTE_LETTER_DRAFT && open;

  g_string_append_printf (text, _(" · version %d"), luwte_letter_get_version (self->letter));
  if (luwte_letter_get_final_at (self->letter) != NULL)
    {
      g_autofree char *when = luwte_time_format_local (luwte_letter_get_final_at (self->letter), "%d-%m-%Y %H:%M");
      g_string_append_printf (text, _(" · final %s · SHA-256 %s"), when, luwte_letter_get_sha256 (self->letter));
    }
  if (luwte_letter_get_sent_at (self->letter) != NULL)
    {
      g_autofree char *when = luwte_time_format_local (luwte_letter_get_sent_at (self->letter), "%d-%m-%Y %H:%M");
      g_string_append_printf (text, _(" · sent %s via %s"), when, luwte_letter_get_sent_channel (self->letter));
    }
  gtk_label_set_text (self->status_label, text->str);

  gtk_widget_set_visible (self->final_button, draft);
  gtk_widget_set_visible (self->sent_button, open && status == LUWTE_LETTER_FINAL);
  gtk_widget_set_visible (self->version_button, open && status != LUWTE_LETTER_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.delete", open);
  /* The menu shows the one of the two that is enabled. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.save-pdf", status != LUWTE_LETTER_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.save-draft-pdf", status == LUWTE_LETTER_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.refill", draft && self->template != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.copy-template", self->template != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->letter_group), draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->inputs_group), draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->messages_group), draft);
  gtk_editable_set_editable (GTK_EDITABLE (self->subject_row), draft);
  gtk_text_view_set_editable (self->body_view, draft);
  gtk_text_view_set_cursor_visible (self->body_view, draft);
}

static LuwteTemplate *
find_template (LuwteLetterEditor *self,
               LuwteLanguage      language)
{
  LuwteTemplate *template = luwte_template_library_lookup (self->library, luwte_letter_get_template (self->letter),
                                                           language);

  return template != NULL ? g_object_ref (template) : NULL;
}

static void
on_language_changed (LuwteLetterEditor *self)
{
  LuwteTemplate *template;

  if (self->filling || self->letter == NULL)
    return;
  /* The template in the other language, with its own inputs. */
  template = find_template (self, chosen_language (self));
  if (template != NULL)
    {
      g_autoptr(GHashTable) inputs = chosen_inputs (self);
      LuwteLetterEdit edit = { .inputs = inputs };
      g_autoptr(GError) error = NULL;

      if (!luwte_store_update_letter (self->store, self->kase, self->letter, &edit, &error))
        show_problem (self, error->message);
      g_set_object (&self->template, template);
      g_object_unref (template);
      self->filling = TRUE;
      fill_party_choices (self, luwte_party_choice_get_id (self->party_row), luwte_party_choice_get_id (self->youth_row));
      build_rows (self);
      self->filling = FALSE;
    }
  self->edited = FALSE;
  on_fact_changed (self);
}

/* A draft not changed by hand is the template filled in from the facts
 * as they are now; what changed is stored at once. */
static void
follow_facts (LuwteLetterEditor *self)
{
  g_autofree char *before_subject = NULL;
  g_autofree char *before_body = NULL;
  g_autofree char *after_body = NULL;

  if (self->edited)
    return;
  before_subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  before_body = body_text (self);
  refill_text (self);
  after_body = body_text (self);
  if (g_strcmp0 (before_body, after_body) != 0 ||
      g_strcmp0 (before_subject, gtk_editable_get_text (GTK_EDITABLE (self->subject_row))) != 0)
    {
      self->dirty = TRUE;
      luwte_letter_editor_flush (self);
    }
}

/* The municipality's details were stored (Preferences): a draft follows
 * at once, its letterhead and, unless changed by hand, its text. A final
 * or sent letter stays as it was made, and so does a closed case. */
static void
on_setting_changed (LuwteLetterEditor *self,
                    const char        *key)
{
  if (self->letter == NULL || !luwte_profile_key_from_setting (key, NULL) ||
      luwte_letter_get_status (self->letter) != LUWTE_LETTER_DRAFT ||
      luwte_case_get_status (self->kase) == LUWTE_CASE_STATUS_CLOSED)
    return;
  follow_facts (self);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  update_state (self);
}

/**
 * luwte_letter_editor_set_letter:
 * @letter: (nullable): the letter to edit, or %NULL for none
 *
 * Stores the letter shown before and shows @letter; a new draft without
 * text is filled in from its template.
 */
void
luwte_letter_editor_set_letter (LuwteLetterEditor *self,
                                LuwteStore        *store,
                                LuwteCase         *kase,
                                LuwteLetter       *letter)
{
  g_return_if_fail (LUWTE_IS_LETTER_EDITOR (self));

  luwte_letter_editor_flush (self);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_func (self->store, on_setting_changed, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "setting-changed", G_CALLBACK (on_setting_changed), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->kase, kase);
  g_set_object (&self->letter, letter);
  g_clear_object (&self->template);
  g_clear_object (&self->layout);
  if (letter == NULL)
    {
      clear_dynamic_rows (self);
      luwte_letter_preview_set_layout (self->preview, NULL, 0);
      return;
    }

  self->template = find_template (self, luwte_letter_get_language (letter));
  if (self->template == NULL)
    self->template = find_template (self, luwte_letter_get_language (letter) == LUWTE_LANGUAGE_NL
                                          ? LUWTE_LANGUAGE_EN : LUWTE_LANGUAGE_NL);

  self->filling = TRUE;
  gtk_label_set_text (self->title_label, self->template != NULL ? luwte_template_get_title (self->template)
                                                                : luwte_letter_get_template (letter));
  adw_combo_row_set_selected (self->language_row, luwte_letter_get_language (letter) == LUWTE_LANGUAGE_EN ? 1 : 0);
  fill_party_choices (self, luwte_letter_get_party_id (letter), luwte_letter_get_youth_id (letter));
  remember_final_date (self);
  build_rows (self);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), luwte_letter_get_subject (letter));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), luwte_letter_get_body (letter), -1);
  self->edited = luwte_letter_get_edited (letter);
  self->filling = FALSE;
  self->dirty = FALSE;

  /* The case may have changed since: the facts flow in again. */
  if (luwte_letter_get_status (letter) == LUWTE_LETTER_DRAFT)
    {
      follow_facts (self);
      /* A young person chosen by default is stored as well, also for a
       * text written by hand, which the facts do not change. */
      if (luwte_party_choice_get_id (self->youth_row) != luwte_letter_get_youth_id (letter) &&
          gtk_widget_get_visible (GTK_WIDGET (self->youth_row)) &&
          luwte_case_get_status (kase) != LUWTE_CASE_STATUS_CLOSED)
        {
          self->dirty = TRUE;
          luwte_letter_editor_flush (self);
        }
    }
  show_status (self);
  luwte_letter_preview_set_layout (self->preview, NULL, 0);
  update_state (self);
}

/**
 * luwte_letter_editor_reload_parties:
 *
 * The case's parties as they are now, for a letter already open: one
 * added or renamed on the Parties page can be chosen, and a draft not
 * changed by hand follows.
 */
void
luwte_letter_editor_reload_parties (LuwteLetterEditor *self)
{
  g_return_if_fail (LUWTE_IS_LETTER_EDITOR (self));

  if (self->letter == NULL)
    return;
  self->filling = TRUE;
  fill_party_choices (self, luwte_party_choice_get_id (self->party_row), luwte_party_choice_get_id (self->youth_row));
  self->filling = FALSE;
  if (luwte_letter_get_status (self->letter) == LUWTE_LETTER_DRAFT &&
      luwte_case_get_status (self->kase) != LUWTE_CASE_STATUS_CLOSED)
    follow_facts (self);
  update_state (self);
}

/* Returns: (transfer none) (nullable) */
LuwteLetter *
luwte_letter_editor_get_letter (LuwteLetterEditor *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), NULL);
  return self->letter;
}

/* Returns: (transfer none) (element-type utf8): what stands between the
 * letter and final; empty when it can be made final */
GPtrArray *
luwte_letter_editor_get_problems (LuwteLetterEditor *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), NULL);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  update_state (self);
  return self->problems;
}

/**
 * luwte_letter_editor_make_final:
 *
 * Returns: %TRUE when the letter is final now, its PDF stored
 */
gboolean
luwte_letter_editor_make_final (LuwteLetterEditor *self)
{
  g_autoptr(LuwteLetterLayout) final_layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), FALSE);

  if (self->letter == NULL || !luwte_letter_editor_flush (self))
    return FALSE;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  update_state (self);
  if (self->problems->len > 0)
    {
      show_problem (self, g_ptr_array_index (self->problems, 0));
      return FALSE;
    }
  /* The one PDF without the draft mark: the one that is stored. */
  final_layout = lay_out (self, TRUE, &error);
  if (final_layout == NULL || (pdf = luwte_letter_layout_to_pdf (final_layout, &error)) == NULL ||
      !luwte_store_finalise_letter (self->store, self->kase, self->letter, pdf, &error))
    {
      if (error != NULL)
        show_problem (self, error->message);
      return FALSE;
    }
  remember_final_date (self);
  show_status (self);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * luwte_letter_editor_mark_sent:
 * @channel: how it went out
 * @takedown_due: (nullable): for a takedown request, by when an answer is due
 */
gboolean
luwte_letter_editor_mark_sent (LuwteLetterEditor *self,
                               const char        *sent_at,
                               const char        *channel,
                               const char        *takedown_due)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), FALSE);

  if (self->letter == NULL ||
      !luwte_store_mark_letter_sent (self->store, self->kase, self->letter, sent_at, channel, takedown_due, &error))
    {
      if (error != NULL)
        show_problem (self, error->message);
      return FALSE;
    }
  show_status (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the new draft, now shown */
LuwteLetter *
luwte_letter_editor_new_version (LuwteLetterEditor *self)
{
  g_autoptr(LuwteLetter) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), NULL);

  if (self->letter == NULL)
    return NULL;
  draft = luwte_store_new_letter_version (self->store, self->kase, self->letter, &error);
  if (draft == NULL)
    {
      show_problem (self, error->message);
      return NULL;
    }
  luwte_letter_editor_set_letter (self, self->store, self->kase, draft);
  g_signal_emit (self, signals[CHANGED], 0);
  return self->letter;
}

static void
make_final_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  luwte_letter_editor_make_final (LUWTE_LETTER_EDITOR (widget));
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  luwte_letter_editor_new_version (LUWTE_LETTER_EDITOR (widget));
}

static void
refill_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (widget);

  refill_text (self);
  schedule (self, TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (widget);

  if (luwte_letter_editor_flush (self))
    g_signal_emit (self, signals[CLOSED], 0);
}

static void
turn_page (LuwteLetterEditor *self,
           int                delta)
{
  if (self->layout == NULL)
    return;
  luwte_letter_preview_set_layout (self->preview, self->layout, luwte_letter_preview_get_page (self->preview) + delta);
  show_page (self);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  turn_page (LUWTE_LETTER_EDITOR (widget), -1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  turn_page (LUWTE_LETTER_EDITOR (widget), 1);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  luwte_letter_preview_zoom (LUWTE_LETTER_EDITOR (widget)->preview, 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  luwte_letter_preview_zoom (LUWTE_LETTER_EDITOR (widget)->preview, -1);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  luwte_letter_preview_fit_width (LUWTE_LETTER_EDITOR (widget)->preview);
}

static gboolean
is_draft (LuwteLetterEditor *self)
{
  return luwte_letter_get_status (self->letter) == LUWTE_LETTER_DRAFT;
}

/* What is final is what was stored; a draft is made now, with its mark. */
static GBytes *
current_pdf (LuwteLetterEditor  *self,
             GError            **error)
{
  if (!is_draft (self))
    return luwte_store_get_letter_pdf (self->store, self->letter, error);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  update_state (self);
  if (self->layout == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The letter could not be set on its pages."));
      return NULL;
    }
  return luwte_letter_layout_to_pdf (self->layout, error);
}

/**
 * luwte_letter_editor_save_pdf:
 *
 * Writes the letter as PDF to @file: a final letter exactly as stored, a
 * draft marked as a draft on every page.
 */
gboolean
luwte_letter_editor_save_pdf (LuwteLetterEditor *self,
                              GFile             *file)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), FALSE);

  if (self->letter == NULL || !luwte_letter_editor_flush (self))
    return FALSE;
  pdf = current_pdf (self, &error);
  if (pdf == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  if (is_draft (self))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is the word on the pages, in the letter's language: CONCEPT or DRAFT */
      message = g_strdup_printf (_("Saved as a draft, marked “%s” on every page; make the letter final before you send it"),
                                 luwte_letter_draft_mark (chosen_language (self)));
      if (overlay != NULL)
        luwte_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
    }
  return TRUE;
}

static void
on_save_response (GtkNativeDialog   *dialog,
                  int                response,
                  LuwteLetterEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        luwte_letter_editor_save_pdf (self, file);
    }
  g_object_unref (dialog);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  g_autofree char *suffix = NULL;

  if (self->letter == NULL)
    return;
  dialog = gtk_file_chooser_native_new (is_draft (self) ? _("Save the Draft as PDF") : _("Save the Letter as PDF"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  /* "-concept" or "-draft", as the pages say. */
  suffix = is_draft (self) ? g_ascii_strdown (luwte_letter_draft_mark (chosen_language (self)), -1) : NULL;
  name = g_strdup_printf ("%s-%s-v%d%s%s.pdf", luwte_case_get_reference (self->kase),
                          luwte_letter_get_template (self->letter), luwte_letter_get_version (self->letter),
                          suffix != NULL ? "-" : "", suffix != NULL ? suffix : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LuwteLetterEditor *self)
{
  gtk_print_operation_set_n_pages (operation, self->layout != NULL ? luwte_letter_layout_get_n_pages (self->layout) : 0);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              LuwteLetterEditor *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / LUWTE_LETTER_PAGE_WIDTH;

  if (self->layout == NULL)
    return;
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  luwte_letter_layout_draw_page (self->layout, cr, page);
  cairo_restore (cr);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->letter == NULL || !luwte_letter_editor_flush (self))
    return;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  update_state (self);
  if (self->layout == NULL)
    return;
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, luwte_case_get_reference (self->kase));
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_problem (self, error->message);
}

/* Returns: (transfer full): the letter as plain text, as on screen */
char *
luwte_letter_editor_get_text (LuwteLetterEditor *self)
{
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(GArray) messages = NULL;
  g_autofree char *body = NULL;
  LuwteLetterFacts facts;

  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), NULL);

  if (self->letter == NULL)
    return NULL;
  inputs = chosen_inputs (self);
  messages = chosen_messages (self);
  body = body_text (self);
  facts_init (self, &facts, inputs, messages);
  return luwte_letter_plain_text (self->store, &facts, gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body);
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (widget);
  g_autofree char *text = luwte_letter_editor_get_text (self);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  if (overlay != NULL)
    luwte_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("The letter is on the clipboard")));
}

/* Returns: (transfer full) (nullable): the mailto: URI for the recipient,
 * or %NULL when the recipient has no e-mail address */
char *
luwte_letter_editor_get_mailto (LuwteLetterEditor *self)
{
  g_autoptr(GPtrArray) parties = NULL;
  g_autofree char *body = NULL;
  gint64 party_id;

  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), NULL);

  if (self->letter == NULL)
    return NULL;
  party_id = luwte_party_choice_get_id (self->party_row);
  parties = luwte_store_list_parties (self->store, self->kase, NULL);
  body = body_text (self);
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    if (luwte_party_get_id (g_ptr_array_index (parties, i)) == party_id)
      return luwte_letter_mailto (luwte_party_get_contact (g_ptr_array_index (parties, i)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body);
  return NULL;
}

static void
email_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (widget);
  g_autofree char *uri = luwte_letter_editor_get_mailto (self);
  g_autoptr(GError) error = NULL;

  if (uri == NULL)
    {
      show_problem (self, _("The recipient has no e-mail address: add one to the party, or send the letter by post."));
      return;
    }
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_problem (self, error->message);
}

static void
copy_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  LuwteTemplate *copy;

  if (self->template == NULL)
    return;
  copy = luwte_template_library_copy (self->library, self->template, &error);
  if (copy == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  /* TRANSLATORS: %s is the file of the copied template */
  message = g_strdup_printf (_("Copied to %s: change it in a text editor, and it is a template of your own"),
                             luwte_template_get_origin (copy));
  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      luwte_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  /* The page that lists the letters removes it, with Undo. */
  gtk_widget_activate_action (widget, "letters.delete-open", NULL);
}

static void
on_mark_sent_response (AdwMessageDialog  *dialog,
                       const char        *response,
                       LuwteLetterEditor *self)
{
  GtkEditable *when = g_object_get_data (G_OBJECT (dialog), "when");
  GtkEditable *channel = g_object_get_data (G_OBJECT (dialog), "channel");
  GtkEditable *due = g_object_get_data (G_OBJECT (dialog), "due");
  g_autofree char *sent_at = NULL;
  g_autofree char *due_at = NULL;

  if (!g_str_equal (response, "sent"))
    return;
  sent_at = luwte_time_parse_typed (gtk_editable_get_text (when));
  if (due != NULL && *gtk_editable_get_text (due) != '\0')
    due_at = luwte_time_parse_typed (gtk_editable_get_text (due));
  if (sent_at == NULL || (due != NULL && *gtk_editable_get_text (due) != '\0' && due_at == NULL))
    {
      show_problem (self, _("That is not a time; write it as 2026-12-31 18:00."));
      return;
    }
  luwte_letter_editor_mark_sent (self, sent_at, gtk_editable_get_text (channel), due_at);
}

static AdwEntryRow *
dialog_entry (GtkWidget  *list,
              const char *title,
              const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  return row;
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%d %H:%M");
  GtkWidget *list = gtk_list_box_new ();
  gboolean email = self->template != NULL &&
                   luwte_template_get_channel (self->template) == LUWTE_TEMPLATE_CHANNEL_EMAIL;
  AdwMessageDialog *dialog;
  AdwEntryRow *when;
  AdwEntryRow *channel;

  if (self->letter == NULL || luwte_letter_get_status (self->letter) != LUWTE_LETTER_FINAL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Mark the Letter as Sent"),
                                                       _("When and how did it go out?")));
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  when = dialog_entry (list, _("Sent On (e.g. 2026-12-31 18:00)"), now_text);
  channel = dialog_entry (list, _("Channel (e.g. post, e-mail, the platform’s form)"),
                          email ? C_("channel", "e-mail") : C_("channel", "post"));
  g_object_set_data (G_OBJECT (dialog), "when", when);
  g_object_set_data (G_OBJECT (dialog), "channel", channel);
  if (self->template != NULL && luwte_letter_requests_takedown (self->template))
    {
      AdwEntryRow *due = dialog_entry (list, _("Answer Expected By (for the reminder)"), later_text);
      g_object_set_data (G_OBJECT (dialog), "due", due);
    }
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sent", _("_Mark as Sent"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "sent", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "sent");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_mark_sent_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
luwte_letter_editor_dispose (GObject *object)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (object);

  if (self->letter != NULL)
    luwte_letter_editor_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_pointer (&self->final_date, g_date_time_unref);
  G_OBJECT_CLASS (luwte_letter_editor_parent_class)->dispose (object);
}

static void
luwte_letter_editor_finalize (GObject *object)
{
  LuwteLetterEditor *self = LUWTE_LETTER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  g_clear_object (&self->letter);
  g_clear_object (&self->library);
  g_clear_object (&self->template);
  g_clear_object (&self->layout);
  g_ptr_array_unref (self->input_rows);
  g_ptr_array_unref (self->message_checks);
  g_ptr_array_unref (self->dynamic_rows);
  g_ptr_array_unref (self->checklist_rows);
  g_ptr_array_unref (self->problems);
  G_OBJECT_CLASS (luwte_letter_editor_parent_class)->finalize (object);
}

static void
luwte_letter_editor_class_init (LuwteLetterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luwte_letter_editor_dispose;
  object_class->finalize = luwte_letter_editor_finalize;

  /**
   * LuwteLetterEditor::closed: the user went back to the list
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LuwteLetterEditor::changed: the letter was stored, made final, sent
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LUWTE_TYPE_LETTER_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-letter-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, final_button);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, sent_button);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, version_button);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, notes_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, letter_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, inputs_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, messages_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, text_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, LuwteLetterEditor, page_label);

  gtk_widget_class_install_action (widget_class, "letter.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "letter.make-final", NULL, make_final_action);
  gtk_widget_class_install_action (widget_class, "letter.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "letter.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "letter.refill", NULL, refill_action);
  gtk_widget_class_install_action (widget_class, "letter.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "letter.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "letter.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "letter.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "letter.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "letter.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "letter.save-draft-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "letter.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "letter.copy-text", NULL, copy_text_action);
  gtk_widget_class_install_action (widget_class, "letter.email", NULL, email_action);
  gtk_widget_class_install_action (widget_class, "letter.copy-template", NULL, copy_template_action);
  gtk_widget_class_install_action (widget_class, "letter.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "letter.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "letter.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "letter.next-page", NULL);
  /* As in GNOME's document viewers: "=" is "+" without Shift. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "letter.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "letter.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "letter.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "letter.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "letter.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "letter.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "letter.zoom-fit", NULL);
}

static void
luwte_letter_editor_init (LuwteLetterEditor *self)
{
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();

  self->input_rows = g_ptr_array_new ();
  self->message_checks = g_ptr_array_new ();
  self->dynamic_rows = g_ptr_array_new ();
  self->checklist_rows = g_ptr_array_new ();
  self->problems = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (languages, "Nederlands");
  gtk_string_list_append (languages, "English");
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));
  adw_combo_row_set_factory (self->language_row, factory);
  luwte_accessible_name_inner (GTK_WIDGET (self->language_row), GTK_TYPE_LIST_VIEW, _("Languages"));
  self->party_row = luwte_party_choice_new (_("Recipient"), _("No recipient chosen"));
  adw_preferences_group_add (self->letter_group, GTK_WIDGET (self->party_row));
  self->youth_row = luwte_party_choice_new (_("Young Person"), _("No young person chosen"));
  /* TRANSLATORS: subtitle of the choice of a young person in a letter to parents */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->youth_row), _("Whom the letter is about"));
  adw_preferences_group_add (self->letter_group, GTK_WIDGET (self->youth_row));
  wrap_at_words (GTK_WIDGET (self->notes_group));
  wrap_at_words (GTK_WIDGET (self->letter_group));
  wrap_at_words (GTK_WIDGET (self->inputs_group));
  wrap_at_words (GTK_WIDGET (self->messages_group));
  wrap_at_words (GTK_WIDGET (self->checklist_group));
  wrap_at_words (GTK_WIDGET (self->text_group));

  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (on_language_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->party_row, "notify::selected", G_CALLBACK (on_fact_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->youth_row, "notify::selected", G_CALLBACK (on_fact_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subject_row, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::zoom", G_CALLBACK (show_zoom), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::scale", G_CALLBACK (show_zoom), self, G_CONNECT_SWAPPED);
  show_zoom (self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed", G_CALLBACK (on_text_changed),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
luwte_letter_editor_new (LuwteTemplateLibrary *library)
{
  LuwteLetterEditor *self = g_object_new (LUWTE_TYPE_LETTER_EDITOR, NULL);

  self->library = g_object_ref (library);
  return GTK_WIDGET (self);
}

/* Fills the fields of @name in the form; for tests */
gboolean
luwte_letter_editor_set_input (LuwteLetterEditor *self,
                               const char        *name,
                               const char        *value)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), FALSE);

  for (guint i = 0; i < self->input_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->input_rows, i);

      if (g_str_equal (g_object_get_data (G_OBJECT (row), "input-name"), name))
        {
          gtk_editable_set_text (GTK_EDITABLE (row), value);
          return TRUE;
        }
    }
  return FALSE;
}

/* Returns: (transfer full): the text as on screen; for tests */
char *
luwte_letter_editor_get_body (LuwteLetterEditor *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_EDITOR (self), NULL);
  return body_text (self);
}

void
luwte_letter_editor_set_body (LuwteLetterEditor *self,
                              const char        *body)
{
  g_return_if_fail (LUWTE_IS_LETTER_EDITOR (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
}
