/* luwte-notes-page.c — the coordination log of a case
 *
 * A form for the next entry (kind, with whom, what; for an action point
 * who must do it and by when) above the log itself, newest first. What is
 * typed in the form is never lost: leaving the case adds it to the log.
 * An action point is ticked off in its row; one past its due date and
 * still open is marked, and the page says how many are still open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-notes"

#include "config.h"

#include "luwte-notes-page.h"
#include "luwte-read-only.h"
#include "luwte-accessible.h"
#include "luwte-note.h"
#include "luwte-time.h"
#include "luwte-time-entry.h"
#include "luwte-party-choice.h"
#include "luwte-removal.h"
#include "luwte-tooltip.h"
#include "luwte-undo-toast.h"

#include <glib/gi18n.h>
#include <string.h>

struct _LuwteNotesPage
{
  AdwBin               parent_instance;

  LuwteStore          *store;
  LuwteCase           *kase;
  guint                n_notes;

  AdwComboRow         *kind_row;
  AdwComboRow         *party_choice;
  AdwEntryRow         *party_row;
  LuwteRemoval        *removed;      /* for Undo */
  GtkTextBuffer       *text;
  AdwEntryRow         *action_by_row;
  AdwEntryRow         *action_due_row;
  GtkWidget           *add_button;
  GtkWidget           *log_heading;
  GtkWidget           *open_actions_label;
  gboolean             binding;      /* a row is being filled, not ticked */
  GtkListView         *log_view;
  GListStore          *log;          /* LuwteNote, newest first */
};

G_DEFINE_FINAL_TYPE (LuwteNotesPage, luwte_notes_page, ADW_TYPE_BIN)

static void on_map (LuwteNotesPage *self);

/* The log can be long (a case of weeks): a list view that only makes
 * rows for what is on screen. */
static void
on_remove_clicked (GtkButton      *button,
                   LuwteNotesPage *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "list-item");
  LuwteNote *note = item != NULL ? gtk_list_item_get_item (item) : NULL;

  if (note != NULL)
    luwte_notes_page_remove (self, note);
}

static void on_done_toggled (GtkCheckButton *check,
                             LuwteNotesPage *self);

static void
setup_log_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LuwteNotesPage           *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *done_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *done = gtk_check_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), FALSE);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, LUWTE_EDIT_ONLY);
  /* A case opened makes 200 log rows at once. */
  luwte_tooltip_set_when_asked (remove, _("Remove From the Log"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this entry from the log"), -1);
  g_object_set_data (G_OBJECT (remove), "list-item", item);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  /* Shown for action points only, and not while the case is closed:
   * the box goes with the case's state, the button with the kind. */
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (done, 6);
  gtk_widget_add_css_class (done_box, LUWTE_EDIT_ONLY);
  luwte_tooltip_set_when_asked (done, _("Mark as Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Action point done"), -1);
  g_object_set_data (G_OBJECT (done), "list-item", item);
  g_signal_connect_object (done, "toggled", G_CALLBACK (on_done_toggled), self, 0);
  gtk_box_append (GTK_BOX (done_box), done);
  gtk_box_append (GTK_BOX (row), done_box);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static char *
describe_note (LuwteNote *note,
               gboolean   overdue)
{
  g_autofree char *when = luwte_time_format_local (luwte_note_get_at (note), "%d-%m-%Y %H:%M");
  GString *meta = g_string_new (when);

  g_string_append_printf (meta, " · %s", luwte_note_kind_label (luwte_note_get_kind (note)));
  if (*luwte_note_get_party (note) != '\0')
    g_string_append_printf (meta, " · %s", luwte_note_get_party (note));
  if (luwte_note_get_kind (note) == LUWTE_NOTE_KIND_ACTION)
    {
      g_autofree char *due = luwte_time_format_local (luwte_note_get_action_due (note), "%d-%m-%Y %H:%M");

      /* TRANSLATORS: an action point: who must do it, and by when */
      g_string_append_printf (meta, _(" — to do: %s, by %s"),
                              *luwte_note_get_action_by (note) != '\0' ? luwte_note_get_action_by (note) : "?",
                              *due != '\0' ? due : "?");
      if (luwte_note_get_done_at (note) != NULL)
        {
          g_autofree char *done = luwte_time_format_local (luwte_note_get_done_at (note), "%d-%m-%Y");

          /* TRANSLATORS: an action point ticked off, on this date */
          g_string_append_printf (meta, _(" · Done %s"), done);
        }
      else if (overdue)
        g_string_append_printf (meta, " · %s", _("Overdue"));
    }
  return g_string_free (meta, FALSE);
}

static void
bind_log_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LuwteNotesPage           *self)
{
  LuwteNote *note = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *done_box = gtk_widget_get_first_child (row);
  GtkWidget *done = gtk_widget_get_first_child (done_box);
  GtkWidget *box = gtk_widget_get_next_sibling (done_box);
  gboolean read_only = luwte_read_only_get (GTK_WIDGET (self));
  gboolean action = luwte_note_get_kind (note) == LUWTE_NOTE_KIND_ACTION;
  gboolean is_done = luwte_note_get_done_at (note) != NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean overdue = luwte_note_is_overdue (note, now);

  /* Rows made after the case was closed: no remove button either. */
  gtk_widget_set_visible (gtk_widget_get_last_child (row), !read_only);
  gtk_widget_set_visible (done_box, !read_only);
  gtk_widget_set_visible (done, action);
  self->binding = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (done), is_done);
  self->binding = FALSE;
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (text);
  g_autofree char *line = describe_note (note, overdue);
  g_autofree char *accessible = g_strdup_printf ("%s. %s", luwte_note_get_text (note), line);

  /* What people typed shows as typed, markup and all. */
  gtk_label_set_text (GTK_LABEL (text), luwte_note_get_text (note));
  gtk_label_set_text (GTK_LABEL (meta), line);
  /* Done: out of the way; overdue: hard to miss. */
  if (is_done)
    gtk_widget_add_css_class (text, "dim-label");
  else
    gtk_widget_remove_css_class (text, "dim-label");
  if (overdue)
    {
      gtk_widget_remove_css_class (meta, "dim-label");
      gtk_widget_add_css_class (meta, "error");
    }
  else
    {
      gtk_widget_remove_css_class (meta, "error");
      gtk_widget_add_css_class (meta, "dim-label");
    }
  if (gtk_widget_get_parent (row) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void update_form (LuwteNotesPage *self);

/* Ticking an action point off (or on again) stores it at once; the row
 * then shows what is stored, also when that failed. */
static void
on_done_toggled (GtkCheckButton *check,
                 LuwteNotesPage *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (check), "list-item");
  LuwteNote *note = item != NULL ? gtk_list_item_get_item (item) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->binding || note == NULL || self->store == NULL || self->kase == NULL)
    return;
  if (!luwte_store_set_note_done (self->store, self->kase, note, gtk_check_button_get_active (check), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
  bind_log_row (NULL, item, self);
  update_form (self);
}

/* Newest on top, where the officer looks during a live case; the
 * timeline tells the story from the start. */
static void
append_row (LuwteNotesPage *self,
            LuwteNote      *note)
{
  g_list_store_insert (self->log, 0, note);
  self->n_notes++;
}

static void
clear_log (LuwteNotesPage *self)
{
  g_list_store_remove_all (self->log);
  self->n_notes = 0;
}

static void
update_form (LuwteNotesPage *self)
{
  gboolean action = adw_combo_row_get_selected (self->kind_row) == LUWTE_NOTE_KIND_ACTION;
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->party_row), luwte_party_choice_get_id (self->party_choice) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->action_by_row), action);
  gtk_widget_set_visible (GTK_WIDGET (self->action_due_row), action);
  gtk_text_buffer_get_bounds (self->text, &start, &end);
  text = gtk_text_buffer_get_text (self->text, &start, &end, FALSE);
  gtk_widget_set_sensitive (self->add_button, self->kase != NULL && *g_strstrip (text) != '\0');
  gtk_widget_set_visible (self->log_heading, self->n_notes > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->log_view), self->n_notes > 0);
  {
    guint open = luwte_notes_page_get_n_open_actions (self);
    g_autofree char *counted = g_strdup_printf (ngettext ("%u action point still open", "%u action points still open",
                                                          open), open);

    gtk_label_set_text (GTK_LABEL (self->open_actions_label), counted);
    gtk_widget_set_visible (self->open_actions_label, open > 0);
  }
}

/**
 * luwte_notes_page_add_draft:
 *
 * Adds what is typed in the form to the log and clears the form.
 *
 * Returns: %FALSE when there was something and it could not be stored
 */
gboolean
luwte_notes_page_add_draft (LuwteNotesPage *self)
{
  g_autoptr(LuwteNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *party = NULL;
  LuwteNoteNew entry = { 0 };
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (LUWTE_IS_NOTES_PAGE (self), FALSE);

  gtk_text_buffer_get_bounds (self->text, &start, &end);
  text = gtk_text_buffer_get_text (self->text, &start, &end, FALSE);
  if (self->kase == NULL || self->store == NULL || *g_strstrip (text) == '\0')
    return TRUE;

  entry.kind = (LuwteNoteKind) adw_combo_row_get_selected (self->kind_row);
  entry.party_id = luwte_party_choice_get_id (self->party_choice);
  party = entry.party_id > 0 ? luwte_party_choice_get_name (self->party_choice)
                             : g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->party_row)));
  entry.party = party;
  entry.text = text;
  if (entry.kind == LUWTE_NOTE_KIND_ACTION)
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->action_due_row));

      entry.action_by = gtk_editable_get_text (GTK_EDITABLE (self->action_by_row));
      if (*typed != '\0')
        {
          due = luwte_time_parse_typed (typed);
          if (due == NULL)
            {
              gtk_widget_add_css_class (GTK_WIDGET (self->action_due_row), "error");
              gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s",
                                          _("The “by when” of the action point is not a time; write it as 2026-12-31 18:00."));
              return FALSE;
            }
        }
      entry.action_due = due;
    }

  note = luwte_store_add_note (self->store, self->kase, &entry, &error);
  if (note == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }

  append_row (self, note);
  /* The new entry on top, whole, where the list was scrolled. */
  gtk_widget_activate_action (GTK_WIDGET (self->log_view), "list.scroll-to-item", "u", 0);
  gtk_text_buffer_set_text (self->text, "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->action_by_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_due_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->action_due_row), "error");
  update_form (self);
  return TRUE;
}

static void
on_add_clicked (LuwteNotesPage *self)
{
  luwte_notes_page_add_draft (self);
}

static gboolean
on_text_key (LuwteNotesPage  *self,
             guint            keyval,
             guint            keycode,
             GdkModifierType  state)
{
  /* Ctrl+Enter adds the entry; Enter alone is a new line. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK) != 0)
    {
      luwte_notes_page_add_draft (self);
      return TRUE;
    }
  return FALSE;
}

static void
luwte_notes_page_dispose (GObject *object)
{
  LuwteNotesPage *self = (LuwteNotesPage *) object;

  if (self->text != NULL && self->kase != NULL)
    luwte_notes_page_add_draft (self);
  g_clear_object (&self->text);
  G_OBJECT_CLASS (luwte_notes_page_parent_class)->dispose (object);
}

static void
luwte_notes_page_finalize (GObject *object)
{
  LuwteNotesPage *self = (LuwteNotesPage *) object;

  g_clear_object (&self->log);
  g_clear_object (&self->removed);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  G_OBJECT_CLASS (luwte_notes_page_parent_class)->finalize (object);
}

static void
luwte_notes_page_class_init (LuwteNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = luwte_notes_page_dispose;
  object_class->finalize = luwte_notes_page_finalize;
}

static void
luwte_notes_page_init (LuwteNotesPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *form = adw_preferences_group_new ();
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text_label = gtk_label_new (_("What Was Said or Agreed"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->log = g_list_store_new (LUWTE_TYPE_NOTE);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form), _("New Entry"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (form),
                                         _("Information, agreements and decisions with the parties, and action points: who does what by when."));

  for (int k = LUWTE_NOTE_KIND_INFORMATION; k <= LUWTE_NOTE_KIND_ACTION; k++)
    gtk_string_list_append (kinds, luwte_note_kind_label ((LuwteNoteKind) k));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_factory (self->kind_row, factory);
  luwte_accessible_name_inner (GTK_WIDGET (self->kind_row), GTK_TYPE_LIST_VIEW, _("Kinds of entry"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->kind_row));

  self->party_choice = luwte_party_choice_new (_("With"), _("Someone not among the parties"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->party_choice));
  self->party_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->party_row), _("Who (e.g. police, prosecutor, youth work)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->party_row));

  self->action_by_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->action_by_row), _("Who Does It"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->action_by_row));
  self->action_due_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->action_due_row), _("By When (e.g. 2026-12-31 18:00)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->action_due_row));
  luwte_time_entry_follow (GTK_WIDGET (self->action_due_row));

  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_widget_add_css_class (text_label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (text_label)), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  self->text = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  gtk_widget_add_controller (view, keys);

  self->add_button = gtk_button_new_with_mnemonic (_("_Add to the Log"));
  gtk_widget_set_tooltip_text (self->add_button, _("Add to the Log (Ctrl+Enter)"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_END);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->add_button, LUWTE_EDIT_ONLY);
  gtk_box_append (GTK_BOX (text_box), text_label);
  gtk_box_append (GTK_BOX (text_box), frame);

  {
    g_autoptr(GtkListItemFactory) log_factory = gtk_signal_list_item_factory_new ();
    GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->log)));
    GtkWidget *log_scroller = gtk_scrolled_window_new ();
    GtkWidget *log_clamp = adw_clamp_scrollable_new ();

    g_signal_connect (log_factory, "setup", G_CALLBACK (setup_log_row), self);
    g_signal_connect (log_factory, "bind", G_CALLBACK (bind_log_row), self);
    self->log_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_steal_pointer (&log_factory)));
    gtk_widget_add_css_class (GTK_WIDGET (self->log_view), "rich-list");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->log_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Log"), -1);
    adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (log_clamp), 760);
    adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (log_clamp), GTK_WIDGET (self->log_view));
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (log_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (log_scroller), log_clamp);
    gtk_widget_set_vexpand (log_scroller, TRUE);

    self->log_heading = gtk_label_new (_("Log"));
    gtk_label_set_xalign (GTK_LABEL (self->log_heading), 0);
    gtk_widget_add_css_class (self->log_heading, "heading");

    gtk_box_append (GTK_BOX (box), form);
    gtk_box_append (GTK_BOX (box), text_box);
    gtk_widget_set_margin_top (box, 18);
    gtk_widget_set_margin_bottom (box, 12);
    gtk_widget_set_margin_start (box, 18);
    gtk_widget_set_margin_end (box, 18);
    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
    adw_clamp_set_child (ADW_CLAMP (clamp), box);

    /* The form on top, the log filling the rest and scrolling itself;
     * between them the log's heading and the button that adds to it.
     * In a window too low for the form and a few entries, the whole page
     * scrolls: its minimum height would otherwise push the window taller
     * than its default size once the log was shown. */
    {
      GtkWidget *page_scroller = gtk_scrolled_window_new ();
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading_clamp = adw_clamp_new ();
      GtkWidget *heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *headings = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_widget_add_css_class (clamp, LUWTE_EDIT_ONLY);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (log_scroller), 120);

      self->open_actions_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->open_actions_label), 0);
      gtk_label_set_wrap (GTK_LABEL (self->open_actions_label), TRUE);
      gtk_widget_add_css_class (self->open_actions_label, "dim-label");
      gtk_widget_set_hexpand (headings, TRUE);
      gtk_widget_set_valign (headings, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (headings), self->log_heading);
      gtk_box_append (GTK_BOX (headings), self->open_actions_label);
      gtk_box_append (GTK_BOX (heading_box), headings);
      gtk_box_append (GTK_BOX (heading_box), self->add_button);
      adw_clamp_set_maximum_size (ADW_CLAMP (heading_clamp), 760);
      adw_clamp_set_child (ADW_CLAMP (heading_clamp), heading_box);
      /* Inside the clamps, as the form's: the three line up. */
      gtk_widget_set_margin_start (heading_box, 18);
      gtk_widget_set_margin_end (heading_box, 18);
      gtk_widget_set_margin_start (GTK_WIDGET (self->log_view), 18);
      gtk_widget_set_margin_end (GTK_WIDGET (self->log_view), 18);
      gtk_box_append (GTK_BOX (page), clamp);
      gtk_box_append (GTK_BOX (page), heading_clamp);
      gtk_box_append (GTK_BOX (page), log_scroller);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (page_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page_scroller), page);
      adw_bin_set_child (ADW_BIN (self), page_scroller);
    }
  }

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (update_form), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->party_choice, "notify::selected", G_CALLBACK (update_form), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect_object (self->text, "changed", G_CALLBACK (update_form), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_text_key), self, G_CONNECT_SWAPPED);
  update_form (self);
}

/**
 * luwte_notes_page_refresh_log:
 *
 * Reads the log again, as stored (a party renamed elsewhere is named
 * anew in its entries); what is typed in the form stays.
 */
void
luwte_notes_page_refresh_log (LuwteNotesPage *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LUWTE_IS_NOTES_PAGE (self));

  clear_log (self);
  if (self->store != NULL && self->kase != NULL)
    {
      notes = luwte_store_list_notes (self->store, self->kase, &error);
      if (notes == NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      if (notes != NULL)
        {
          /* One change for the whole log, newest first. */
          g_autofree gpointer *newest_first = g_new (gpointer, notes->len);

          for (guint i = 0; i < notes->len; i++)
            newest_first[i] = g_ptr_array_index (notes, notes->len - 1 - i);
          g_list_store_splice (self->log, 0, 0, newest_first, notes->len);
          self->n_notes = notes->len;
        }
    }
  update_form (self);
}

/**
 * luwte_notes_page_set_case:
 * @kase: (nullable): the case whose log to show
 *
 * What is still typed in the form for the previous case is added to its
 * log first.
 */
void
luwte_notes_page_set_case (LuwteNotesPage *self,
                           LuwteStore     *store,
                           LuwteCase      *kase)
{
  g_return_if_fail (LUWTE_IS_NOTES_PAGE (self));

  if (kase == self->kase)
    return;
  luwte_notes_page_add_draft (self);
  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);
  luwte_notes_page_refresh_log (self);
  gtk_editable_set_text (GTK_EDITABLE (self->party_row), "");
  luwte_party_choice_fill (self->party_choice, store, kase, 0);
  adw_combo_row_set_selected (self->kind_row, LUWTE_NOTE_KIND_INFORMATION);
  update_form (self);
}

static void
reload_log (LuwteNotesPage *self)
{
  LuwteCase *kase = self->kase != NULL ? g_object_ref (self->kase) : NULL;

  /* set_case does nothing for the case on screen: leave and come back. */
  g_clear_object (&self->kase);
  clear_log (self);
  luwte_notes_page_set_case (self, self->store, kase);
  g_clear_object (&kase);
}

static void
on_undo (LuwteNotesPage *self)
{
  luwte_notes_page_undo_remove (self);
}

static gboolean
same_note (gconstpointer a,
           gconstpointer b)
{
  return luwte_note_get_id ((LuwteNote *) a) == luwte_note_get_id ((LuwteNote *) b);
}

/**
 * luwte_notes_page_remove:
 *
 * Takes @note out of the log at once; the toast offers to undo it.
 */
gboolean
luwte_notes_page_remove (LuwteNotesPage *self,
                         LuwteNote      *note)
{
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_val_if_fail (LUWTE_IS_NOTES_PAGE (self), FALSE);

  if (self->store == NULL || self->kase == NULL)
    return FALSE;
  removal = luwte_store_remove (self->store, LUWTE_REMOVAL_NOTE, self->kase, luwte_note_get_id (note), &error);
  if (removal == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  g_set_object (&self->removed, removal);
  if (g_list_store_find_with_equal_func (self->log, note, same_note, &position))
    {
      g_list_store_remove (self->log, position);
      self->n_notes--;
    }
  update_form (self);
  luwte_undo_toast_show (GTK_WIDGET (self), _("Log entry removed"), G_CALLBACK (on_undo));
  return TRUE;
}

/* Brings back the entry removed last. */
gboolean
luwte_notes_page_undo_remove (LuwteNotesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_NOTES_PAGE (self), FALSE);

  if (self->removed == NULL || self->store == NULL)
    return FALSE;
  if (!luwte_store_undo_removal (self->store, self->removed, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  g_clear_object (&self->removed);
  reload_log (self);
  return TRUE;
}

/* Parties are added on their own page: offer the current ones. */
static void
on_map (LuwteNotesPage *self)
{
  gint64 selected = luwte_party_choice_get_id (self->party_choice);

  luwte_party_choice_fill (self->party_choice, self->store, self->kase, selected);
}

guint
luwte_notes_page_get_n_notes (LuwteNotesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_NOTES_PAGE (self), 0);
  return self->n_notes;
}

/* Action points of the log on screen not yet done */
guint
luwte_notes_page_get_n_open_actions (LuwteNotesPage *self)
{
  guint n_items;
  guint open = 0;

  g_return_val_if_fail (LUWTE_IS_NOTES_PAGE (self), 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->log));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LuwteNote) note = g_list_model_get_item (G_LIST_MODEL (self->log), i);

      if (luwte_note_get_kind (note) == LUWTE_NOTE_KIND_ACTION && luwte_note_get_done_at (note) == NULL)
        open++;
    }
  return open;
}
