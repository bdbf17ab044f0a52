/* luwte-letters-page.c — the letters of a case, and writing a new one
 *
 * The list shows every letter with its recipient and where it stands;
 * below it the templates, those that belong to the interventions chosen
 * for the case first. Choosing a template starts a draft addressed to the
 * case's party in the template's role and opens it in the editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-letters"

#include "config.h"

#include <glib/gi18n.h>

#include "luwte-case-intervention.h"
#include "luwte-evidence.h"
#include "luwte-letter-compose.h"
#include "luwte-letter-editor.h"
#include "luwte-letters-page.h"
#include "luwte-page.h"
#include "luwte-read-only.h"
#include "luwte-party.h"
#include "luwte-removal.h"
#include "luwte-time.h"
#include "luwte-undo-toast.h"

struct _LuwteLettersPage
{
  AdwBin                parent_instance;

  LuwteStore           *store;
  LuwteCase            *kase;
  LuwteTemplateLibrary *library;
  GPtrArray            *letters;      /* LuwteLetter, as listed */
  GPtrArray            *rows;         /* borrowed, to remove them again */
  LuwteRemoval         *removed;      /* for Undo */

  GtkStack             *stack;
  AdwPreferencesGroup  *letters_group;
  AdwPreferencesGroup  *suggested_group;
  AdwPreferencesGroup  *templates_group;
  AdwPreferencesGroup  *problems_group;
  LuwteLetterEditor    *editor;
};

G_DEFINE_FINAL_TYPE (LuwteLettersPage, luwte_letters_page, ADW_TYPE_BIN)

static void refill (LuwteLettersPage *self);
static void ensure_editor (LuwteLettersPage *self);

static void
show_problem (LuwteLettersPage *self,
              const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message);
}

static void
add_row (LuwteLettersPage    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
}

static const char *
party_name (GPtrArray *parties,
            gint64     id)
{
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      LuwteParty *party = g_ptr_array_index (parties, i);

      if (luwte_party_get_id (party) == id)
        return *luwte_party_get_name (party) != '\0' ? luwte_party_get_name (party) : luwte_party_get_organisation (party);
    }
  return NULL;
}

static const char *
template_title (LuwteLettersPage *self,
                LuwteLetter      *letter)
{
  LuwteTemplate *template = luwte_template_library_lookup (self->library, luwte_letter_get_template (letter),
                                                           luwte_letter_get_language (letter));

  return template != NULL ? luwte_template_get_title (template) : luwte_letter_get_template (letter);
}

static void
on_letter_activated (AdwActionRow     *row,
                     LuwteLettersPage *self)
{
  guint position;

  if (g_ptr_array_find (self->letters, g_object_get_data (G_OBJECT (row), "letter"), &position))
    luwte_letters_page_open (self, g_ptr_array_index (self->letters, position));
}

static void
on_template_activated (AdwActionRow     *row,
                       LuwteLettersPage *self)
{
  luwte_letters_page_write (self, g_object_get_data (G_OBJECT (row), "template-id"));
}

static GtkWidget *
letter_row (LuwteLettersPage *self,
            LuwteLetter      *letter,
            GPtrArray        *parties)
{
  GtkWidget *row = adw_action_row_new ();
  /* A final letter names whom it went to as the party was then. */
  const char *recipient = luwte_letter_get_status (letter) != LUWTE_LETTER_DRAFT
                        ? luwte_letter_get_recipient (letter)
                        : party_name (parties, luwte_letter_get_party_id (letter));
  const char *when = luwte_letter_get_sent_at (letter) != NULL ? luwte_letter_get_sent_at (letter)
                   : luwte_letter_get_final_at (letter) != NULL ? luwte_letter_get_final_at (letter)
                   : luwte_letter_get_created_at (letter);
  g_autofree char *date = luwte_time_format_local (when, "%d-%m-%Y");
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: recipient · status · date · version, e.g. "Fam. De Vries · Sent · 30-11-2026 · version 1" */
  subtitle = g_strdup_printf (_("%s · %s · %s · version %d"),
                              recipient != NULL && *recipient != '\0' ? recipient : _("no recipient"),
                              luwte_letter_status_label (luwte_letter_get_status (letter)), date,
                              luwte_letter_get_version (letter));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), template_title (self, letter));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "letter", letter);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_letter_activated), self, 0);
  return row;
}

static GtkWidget *
template_row (LuwteLettersPage *self,
              LuwteTemplate    *template)
{
  GtkWidget *row = adw_action_row_new ();
  const char *recipient = luwte_template_get_recipient (template);
  LuwteRole role;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), luwte_template_get_title (template));
  if (recipient != NULL && luwte_role_parse (recipient, &role))
    {
      /* TRANSLATORS: who a letter template writes to, e.g. "To: parent" */
      g_autofree char *to = g_strdup_printf (_("To: %s"), luwte_role_label (role));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), to);
    }
  if (!luwte_template_get_is_builtin (template))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_("your own")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-new-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "template-id", g_strdup (luwte_template_get_id (template)), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_template_activated), self, 0);
  return row;
}

/* The card ids of the interventions chosen for the case. */
static GStrv
chosen_card_ids (LuwteLettersPage *self)
{
  g_autoptr(GPtrArray) chosen = luwte_store_list_case_interventions (self->store, self->kase, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; chosen != NULL && i < chosen->len; i++)
    g_strv_builder_add (ids, luwte_case_intervention_get_card_id (g_ptr_array_index (chosen, i)));
  return g_strv_builder_end (ids);
}

static void
refill (LuwteLettersPage *self)
{
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) card_ids = NULL;
  LuwteLanguage language = luwte_language_from_locale ();
  GPtrArray *templates;
  GPtrArray *problems;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->letters, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->letters_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->suggested_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
  if (self->store == NULL || self->kase == NULL || self->library == NULL)
    return;

  letters = luwte_store_list_letters (self->store, self->kase, &error);
  if (letters == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  parties = luwte_store_list_parties (self->store, self->kase, NULL);
  for (guint i = letters->len; i > 0; i--)
    {
      LuwteLetter *letter = g_ptr_array_index (letters, i - 1);

      g_ptr_array_add (self->letters, g_object_ref (letter));
      add_row (self, self->letters_group, letter_row (self, letter, parties));
    }

  card_ids = chosen_card_ids (self);
  suggested = luwte_template_library_suggest (self->library, (const char * const *) card_ids, language);
  for (guint i = 0; suggested != NULL && i < suggested->len; i++)
    {
      LuwteTemplate *template = g_ptr_array_index (suggested, i);

      g_hash_table_add (shown, (gpointer) luwte_template_get_id (template));
      add_row (self, self->suggested_group, template_row (self, template));
    }
  templates = luwte_template_library_get_templates (self->library);
  for (guint i = 0; i < templates->len; i++)
    {
      LuwteTemplate *template = g_ptr_array_index (templates, i);
      LuwteTemplate *in_language = luwte_template_library_lookup (self->library, luwte_template_get_id (template), language);

      if (g_hash_table_contains (shown, luwte_template_get_id (template)))
        continue;
      g_hash_table_add (shown, (gpointer) luwte_template_get_id (template));
      add_row (self, self->templates_group, template_row (self, in_language != NULL ? in_language : template));
    }

  adw_preferences_group_set_description (self->letters_group, NULL);
  if (luwte_case_get_status (self->kase) == LUWTE_CASE_STATUS_CLOSED)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->suggested_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->templates_group), FALSE);
      if (letters->len == 0)
        {
          adw_preferences_group_set_description (self->letters_group,
                                                 _("No letters were written in this case. Reopen it to write one."));
          gtk_widget_set_visible (GTK_WIDGET (self->letters_group), TRUE);
        }
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->templates_group), TRUE);

  /* A broken template of the user's is said, not hidden. */
  problems = luwte_template_library_get_problems (self->library);
  for (guint i = 0; i < problems->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ((GError *) g_ptr_array_index (problems, i))->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      add_row (self, self->problems_group, row);
    }
}

/* Opens @letter in the editor. */
void
luwte_letters_page_open (LuwteLettersPage *self,
                         LuwteLetter      *letter)
{
  g_return_if_fail (LUWTE_IS_LETTERS_PAGE (self));

  ensure_editor (self);
  luwte_letter_editor_set_letter (self->editor, self->store, self->kase, letter);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

/**
 * luwte_letters_page_write:
 * @template_id: the template to write from
 *
 * Starts a draft from @template_id in the UI's language (or the other one
 * when it has only that), addressed to the party in its role.
 *
 * Returns: (transfer none) (nullable): the draft, open in the editor
 */
LuwteLetter *
luwte_letters_page_write (LuwteLettersPage *self,
                          const char       *template_id)
{
  g_autoptr(LuwteLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  LuwteLanguage language = luwte_language_from_locale ();
  LuwteTemplate *template;

  g_return_val_if_fail (LUWTE_IS_LETTERS_PAGE (self), NULL);

  if (self->store == NULL || self->kase == NULL || self->library == NULL)
    return NULL;
  template = luwte_template_library_lookup (self->library, template_id, language);
  if (template == NULL)
    template = luwte_template_library_lookup (self->library, template_id,
                                              language == LUWTE_LANGUAGE_NL ? LUWTE_LANGUAGE_EN : LUWTE_LANGUAGE_NL);
  if (template == NULL)
    return NULL;
  letter = luwte_store_add_letter (self->store, self->kase, template_id, luwte_template_get_language (template),
                                   luwte_letter_default_recipient (self->store, self->kase, template), &error);
  if (letter == NULL)
    {
      show_problem (self, error->message);
      return NULL;
    }
  /* It is about the messages still online, until the officer says otherwise. */
  {
    g_autoptr(GPtrArray) messages = luwte_store_list_evidence (self->store, self->kase, NULL);
    g_autoptr(GArray) online = g_array_new (FALSE, FALSE, sizeof (gint64));
    LuwteLetterEdit edit = { .evidence_ids = online };

    for (guint i = 0; messages != NULL && i < messages->len; i++)
      if (luwte_evidence_get_takedown (g_ptr_array_index (messages, i)) != LUWTE_TAKEDOWN_REMOVED)
        {
          gint64 id = luwte_evidence_get_id (g_ptr_array_index (messages, i));
          g_array_append_val (online, id);
        }
    if (online->len > 0 && !luwte_store_update_letter (self->store, self->kase, letter, &edit, &error))
      show_problem (self, error->message);
  }
  refill (self);
  luwte_letters_page_open (self, letter);
  return luwte_letter_editor_get_letter (self->editor);
}

static void
on_undo (LuwteLettersPage *self)
{
  luwte_letters_page_undo_remove (self);
}

/**
 * luwte_letters_page_remove_open:
 *
 * Removes the letter open in the editor, also a sent one (its PDF goes
 * too); the toast offers to undo it.
 */
gboolean
luwte_letters_page_remove_open (LuwteLettersPage *self)
{
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  LuwteLetter *letter;

  g_return_val_if_fail (LUWTE_IS_LETTERS_PAGE (self), FALSE);

  letter = self->editor != NULL ? luwte_letter_editor_get_letter (self->editor) : NULL;
  if (letter == NULL || !luwte_letter_editor_flush (self->editor))
    return FALSE;
  removal = luwte_store_remove (self->store, LUWTE_REMOVAL_LETTER, self->kase, luwte_letter_get_id (letter), &error);
  if (removal == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  g_set_object (&self->removed, removal);
  luwte_letter_editor_set_letter (self->editor, self->store, self->kase, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
  refill (self);
  luwte_undo_toast_show (GTK_WIDGET (self), _("Letter deleted"), G_CALLBACK (on_undo));
  return TRUE;
}

gboolean
luwte_letters_page_undo_remove (LuwteLettersPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_LETTERS_PAGE (self), FALSE);

  if (self->removed == NULL || self->store == NULL)
    return FALSE;
  if (!luwte_store_undo_removal (self->store, self->removed, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->removed);
  refill (self);
  return TRUE;
}

static void
delete_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  luwte_letters_page_remove_open (LUWTE_LETTERS_PAGE (widget));
}

static void
on_editor_closed (LuwteLettersPage *self)
{
  refill (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
on_editor_changed (LuwteLettersPage *self)
{
  /* A copied template shows up in the list; the rest when going back. */
  luwte_template_library_reload (self->library);
}

static void
on_map (LuwteLettersPage *self)
{
  /* Interventions and parties change on other pages. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    refill (self);
  else
    luwte_letter_editor_reload_parties (self->editor);
}

static void
luwte_letters_page_dispose (GObject *object)
{
  LuwteLettersPage *self = LUWTE_LETTERS_PAGE (object);

  if (self->editor != NULL)
    luwte_letter_editor_flush (self->editor);
  G_OBJECT_CLASS (luwte_letters_page_parent_class)->dispose (object);
}

static void
luwte_letters_page_finalize (GObject *object)
{
  LuwteLettersPage *self = LUWTE_LETTERS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  g_clear_object (&self->library);
  g_clear_object (&self->removed);
  g_ptr_array_unref (self->letters);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (luwte_letters_page_parent_class)->finalize (object);
}

static void
luwte_letters_page_class_init (LuwteLettersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luwte_letters_page_dispose;
  object_class->finalize = luwte_letters_page_finalize;
  gtk_widget_class_install_action (widget_class, "letters.delete-open", NULL, delete_open_action);
}

static AdwPreferencesGroup *
new_group (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
luwte_letters_page_init (LuwteLettersPage *self)
{
  GtkWidget *list_page = adw_bin_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->letters = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();

  self->problems_group = new_group (box, _("Templates That Could Not Be Read"),
                                    _("Your own templates with a mistake; fix the file and it appears below."));
  self->letters_group = new_group (box, _("Letters of This Case"), NULL);
  self->suggested_group = new_group (box, _("Suggested for the Chosen Interventions"),
                                     _("Start a letter: it is addressed to the party in its role and filled in from the case."));
  self->templates_group = new_group (box, _("All Templates"), NULL);
  /* A closed case gets no new letters. */
  gtk_widget_add_css_class (GTK_WIDGET (self->suggested_group), LUWTE_EDIT_ONLY);
  gtk_widget_add_css_class (GTK_WIDGET (self->templates_group), LUWTE_EDIT_ONLY);
  luwte_page_set_scrolled_content (ADW_BIN (list_page), box);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  /* As wide as what it shows: the editor, letterless until one is
   * opened, asks for more width than the list, and folded the window's
   * case list away on the first visit. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, list_page, "list");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/* The templates are read and the editor built when a case is first
 * opened, not at start-up. */
static void
ensure_editor (LuwteLettersPage *self)
{
  if (self->editor != NULL)
    return;
  self->library = luwte_template_library_new ();
  self->editor = LUWTE_LETTER_EDITOR (luwte_letter_editor_new (self->library));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->editor), "editor");
  g_signal_connect_object (self->editor, "closed", G_CALLBACK (on_editor_closed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "changed", G_CALLBACK (on_editor_changed), self, G_CONNECT_SWAPPED);
}

/**
 * luwte_letters_page_set_case:
 * @kase: (nullable): the case whose letters to show
 */
void
luwte_letters_page_set_case (LuwteLettersPage *self,
                             LuwteStore       *store,
                             LuwteCase        *kase)
{
  g_return_if_fail (LUWTE_IS_LETTERS_PAGE (self));

  if (kase != NULL)
    ensure_editor (self);
  if (self->editor != NULL)
    luwte_letter_editor_set_letter (self->editor, store, kase, NULL);
  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);
  gtk_stack_set_visible_child_name (self->stack, "list");
  refill (self);
}

gboolean
luwte_letters_page_flush (LuwteLettersPage *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTERS_PAGE (self), FALSE);
  return self->editor == NULL || luwte_letter_editor_flush (self->editor);
}

guint
luwte_letters_page_get_n_letters (LuwteLettersPage *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTERS_PAGE (self), 0);
  return self->letters->len;
}

LuwteLetterEditor *
luwte_letters_page_get_editor (LuwteLettersPage *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTERS_PAGE (self), NULL);
  ensure_editor (self);
  return self->editor;
}
