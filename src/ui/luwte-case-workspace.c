/* luwte-case-workspace.c — the workspace of one case
 *
 * There is no save button: every change is stored half a second after the
 * user stops typing, and at once when they switch case or close the
 * window, so a crash loses at most the last second. A failed write keeps
 * what was typed on screen, changes nothing in the database, and says so.
 *
 * Choosing "Closed" (or "Close Case…" in the case menu) asks for the
 * evaluation first; a closed case is shown read-only, with its
 * evaluation, until it is reopened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-workspace"

#include "config.h"

#include "luwte-case-workspace.h"
#include "luwte-autosave.h"
#include "luwte-accessible.h"
#include "luwte-case-intervention.h"
#include "luwte-close-dialog.h"
#include "luwte-read-only.h"
#include "luwte-time.h"
#include "luwte-time-entry.h"
#include "luwte-interventions-page.h"
#include "luwte-notes-page.h"
#include "luwte-parties-page.h"
#include "luwte-timeline-page.h"
#include "luwte-messages-page.h"

#include <glib/gi18n.h>
#include <string.h>


struct _LuwteCaseWorkspace
{
  AdwBin       parent_instance;

  LuwteStore  *store;
  LuwteCase   *kase;
  LuwteCard   *card;
  LuwteLanguage language;
  guint        save_source;
  gboolean     filling;
  LuwteCloseDialog *close_dialog;
  GPtrArray   *evaluation_rows;   /* borrowed */

  GtkRevealer *closed_banner;
  AdwPreferencesGroup *evaluation_group;
  GtkWidget   *lessons_box;
  GtkLabel    *lessons_label;

  AdwEntryRow *title_row;
  AdwComboRow *status_row;
  AdwEntryRow *location_row;
  AdwEntryRow *event_row;
  AdwEntryRow *platforms_row;
  GtkTextView *summary_view;
  GtkLabel    *saved_label;
  AdwViewSwitcher *switcher;
  AdwViewStack    *pages;
  LuwteInterventionsPage *interventions_page;
  LuwteNotesPage         *notes_page;
  LuwtePartiesPage       *parties_page;
  LuwteTimelinePage      *timeline_page;
  LuwteMessagesPage      *messages_page;
  LuwteLettersPage       *letters_page;
};

G_DEFINE_FINAL_TYPE (LuwteCaseWorkspace, luwte_case_workspace, ADW_TYPE_BIN)

/* The tabs in the order the switcher shows them: Alt+1 … Alt+7 */
static const char * const page_names[] = {
  "context", "interventions", "parties", "messages", "letters", "notes", "timeline",
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GStrv
split_platforms (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      if (*part != '\0')
        g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}

static char *
summary_text (LuwteCaseWorkspace *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_saved (LuwteCaseWorkspace *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%R");
  /* TRANSLATORS: below the case's fields; %s is a time such as 21:40 */
  g_autofree char *text = g_strdup_printf (_("Changes are saved as you type. Last saved at %s."), time);

  gtk_label_set_text (self->saved_label, text);
}

/**
 * luwte_case_workspace_flush:
 *
 * Stores what is waiting to be stored, now.
 *
 * Returns: %FALSE when the database refused it; the user was told
 */
gboolean
luwte_case_workspace_flush (LuwteCaseWorkspace *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *event_at = NULL;
  g_auto(GStrv) platforms = NULL;
  LuwteCaseEdit edit = { 0 };

  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->kase == NULL || self->store == NULL)
    return TRUE;
  if (!luwte_interventions_page_flush (self->interventions_page) ||
      !luwte_messages_page_flush (self->messages_page) ||
      !luwte_parties_page_flush (self->parties_page) ||
      !luwte_notes_page_add_draft (self->notes_page) ||
      !luwte_letters_page_flush (self->letters_page))
    return FALSE;

  summary = summary_text (self);
  platforms = split_platforms (gtk_editable_get_text (GTK_EDITABLE (self->platforms_row)));
  event_at = luwte_time_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->event_row)));

  edit.title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  edit.location = gtk_editable_get_text (GTK_EDITABLE (self->location_row));
  edit.summary = summary;
  edit.platforms = (const char * const *) platforms;
  /* An unreadable time is marked and left out; the rest is still saved. */
  edit.event_at = event_at;
  if (event_at == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->event_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->event_row), "error");

  if (!luwte_store_update_case (self->store, self->kase, &edit, &error))
    {
      g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
      return FALSE;
    }
  show_saved (self);
  if (event_at == NULL)
    {
      /* TRANSLATORS: %s is what was typed as the time of the gathering */
      g_autofree char *text = g_strdup_printf (_("Saved, except the time of the gathering: “%s” is not a time; "
                                                 "write it as 2026-12-31 22:00."),
                                               gtk_editable_get_text (GTK_EDITABLE (self->event_row)));

      gtk_label_set_text (self->saved_label, text);
    }
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  LuwteCaseWorkspace *self = user_data;

  self->save_source = 0;
  luwte_case_workspace_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (LuwteCaseWorkspace *self)
{
  if (self->filling || self->kase == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (LUWTE_AUTOSAVE_DELAY_MS, save_timeout, self);
}

/* The status row shows the case's status again, without acting on it. */
static void
show_status (LuwteCaseWorkspace *self)
{
  gboolean filling = self->filling;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->status_row, self->kase != NULL ? luwte_case_get_status (self->kase) : 0);
  self->filling = filling;
}

static void
clear_evaluation (LuwteCaseWorkspace *self)
{
  for (guint i = 0; i < self->evaluation_rows->len; i++)
    adw_preferences_group_remove (self->evaluation_group, g_ptr_array_index (self->evaluation_rows, i));
  g_ptr_array_set_size (self->evaluation_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->evaluation_group), FALSE);
  gtk_widget_set_visible (self->lessons_box, FALSE);
}

static void
add_evaluation_row (LuwteCaseWorkspace *self,
                    const char         *title,
                    const char         *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->evaluation_group, row);
  g_ptr_array_add (self->evaluation_rows, row);
}

/* What the evaluation says, on the Context page of a closed case */
static void
fill_evaluation (LuwteCaseWorkspace *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *description = NULL;
  const char *lessons;
  guint n_used = 0;

  clear_evaluation (self);
  if (self->kase == NULL || self->store == NULL || luwte_case_get_status (self->kase) != LUWTE_CASE_STATUS_CLOSED)
    return;

  items = luwte_store_list_case_interventions (self->store, self->kase, &error);
  if (items == NULL)
    {
      g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      LuwteCaseIntervention *item = g_ptr_array_index (items, i);
      LuwteCardIntervention *card_item = self->card != NULL
        ? luwte_card_find_intervention (self->card, luwte_case_intervention_get_card_id (item)) : NULL;

      if (!luwte_case_intervention_is_used (item))
        continue;
      add_evaluation_row (self, card_item != NULL ? luwte_localized_get (luwte_card_intervention_get_title (card_item), self->language)
                                                  : luwte_case_intervention_get_card_id (item),
                          luwte_effect_label (luwte_case_intervention_get_effect (item)));
      n_used++;
    }
  if (n_used == 0)
    add_evaluation_row (self, _("No intervention was carried out or under way."), NULL);

  closed = luwte_time_format_local (luwte_case_get_closed_at (self->kase), "%d-%m-%Y %H:%M");
  /* TRANSLATORS: above the evaluation of a closed case; %s is when, e.g. "29-11-2026 21:40" */
  description = g_strdup_printf (_("Closed on %s. What each intervention carried out or under way achieved:"), closed);
  adw_preferences_group_set_description (self->evaluation_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->evaluation_group), TRUE);

  lessons = luwte_case_get_lessons (self->kase);
  gtk_label_set_text (self->lessons_label, *lessons != '\0' ? lessons : _("No lessons were written down."));
  if (*lessons != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->lessons_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->lessons_label), "dim-label");
  gtk_widget_set_visible (self->lessons_box, TRUE);
}

/* A closed case can be read, not changed: the store refuses changes to
 * it, and the pages do not offer them. */
static void
update_read_only (LuwteCaseWorkspace *self)
{
  gboolean closed = self->kase != NULL && luwte_case_get_status (self->kase) == LUWTE_CASE_STATUS_CLOSED;

  gtk_revealer_set_reveal_child (self->closed_banner, closed);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.reopen", closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.close", self->kase != NULL && !closed);
  luwte_read_only_apply (GTK_WIDGET (self->pages), closed);
  fill_evaluation (self);
}

static void
on_close_done (LuwteCaseWorkspace *self,
               gboolean            closed)
{
  g_clear_weak_pointer (&self->close_dialog);
  if (closed)
    {
      /* The interventions show their effect now. */
      luwte_interventions_page_set_case (self->interventions_page, self->store, self->kase);
      show_saved (self);
    }
  show_status (self);
  update_read_only (self);
}

/* Choosing "Closed": first the evaluation. What waits is stored before,
 * as the case cannot be changed after. */
static void
ask_evaluation (LuwteCaseWorkspace *self)
{
  g_autoptr(GError) error = NULL;
  LuwteCloseDialog *dialog;

  /* Asked already: the same dialog, not a second one. */
  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }
  if (!luwte_case_workspace_flush (self) || self->card == NULL)
    {
      show_status (self);
      return;
    }
  dialog = luwte_close_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, self->kase,
                                   self->card, self->language, &error);
  if (dialog == NULL)
    {
      g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
      show_status (self);
      return;
    }
  g_set_weak_pointer (&self->close_dialog, dialog);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_close_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_status_selected (LuwteCaseWorkspace *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->filling || self->kase == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected == LUWTE_CASE_STATUS_CLOSED && luwte_case_get_status (self->kase) != LUWTE_CASE_STATUS_CLOSED)
    {
      ask_evaluation (self);
      return;
    }
  if (!luwte_store_set_case_status (self->store, self->kase, (LuwteCaseStatus) selected, &error))
    {
      g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
      self->filling = TRUE;
      adw_combo_row_set_selected (self->status_row, luwte_case_get_status (self->kase));
      self->filling = FALSE;
      return;
    }
  show_saved (self);
}

/* Reopened or closed elsewhere (the list, another window): follow. */
static void
on_case_status_notify (LuwteCaseWorkspace *self)
{
  if (self->close_dialog != NULL)
    return;
  show_status (self);
  update_read_only (self);
}

/* "Close Case…" in the case menu: what choosing "Closed" does. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LuwteCaseWorkspace *self = LUWTE_CASE_WORKSPACE (widget);

  if (self->kase == NULL || luwte_case_get_status (self->kase) == LUWTE_CASE_STATUS_CLOSED)
    return;
  ask_evaluation (self);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuwteCaseWorkspace *self = LUWTE_CASE_WORKSPACE (widget);
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL || luwte_case_get_status (self->kase) != LUWTE_CASE_STATUS_CLOSED)
    return;
  if (!luwte_store_set_case_status (self->store, self->kase, LUWTE_CASE_STATUS_ACTIVE, &error))
    {
      g_signal_emit (self, signals[SAVE_FAILED], 0, error->message);
      return;
    }
  show_saved (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LuwteCaseWorkspace *self = LUWTE_CASE_WORKSPACE (widget);

  adw_view_stack_set_visible_child_name (self->pages, g_variant_get_string (parameter, NULL));
}

/* Alt+number, as GNOME applications switch tabs: from anywhere in the
 * window while the workspace is shown, text fields too (they have no use
 * for Alt+digit). A shortcut controller skips a widget that is not
 * mapped, so they do nothing on the card or the statistics. */
static void
add_page_shortcuts (LuwteCaseWorkspace *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK),
                                                                           gtk_named_action_new ("workspace.show-page"),
                                                                           "s", page_names[i]));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
fill (LuwteCaseWorkspace *self)
{
  g_autofree char *event = NULL;
  g_autofree char *platforms = NULL;

  self->filling = TRUE;
  if (self->kase != NULL)
    {
      event = luwte_time_format_local (luwte_case_get_event_at (self->kase), "%F %R");
      platforms = g_strjoinv (", ", (char **) luwte_case_get_platforms (self->kase));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), luwte_case_get_title (self->kase));
      adw_combo_row_set_selected (self->status_row, luwte_case_get_status (self->kase));
      gtk_editable_set_text (GTK_EDITABLE (self->location_row), luwte_case_get_location (self->kase));
      gtk_editable_set_text (GTK_EDITABLE (self->event_row), event);
      gtk_editable_set_text (GTK_EDITABLE (self->platforms_row), platforms);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), luwte_case_get_summary (self->kase), -1);
      gtk_widget_remove_css_class (GTK_WIDGET (self->event_row), "error");
      gtk_label_set_text (self->saved_label, _("Changes are saved as you type."));
    }
  self->filling = FALSE;
}

/* The timeline shows what is stored: store what waits, then read. */
static void
on_page_shown (LuwteCaseWorkspace *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->pages);

  if (g_strcmp0 (name, "timeline") == 0)
    {
      luwte_case_workspace_flush (self);
      luwte_timeline_page_refresh (self->timeline_page);
    }
}

static void
luwte_case_workspace_dispose (GObject *object)
{
  LuwteCaseWorkspace *self = (LuwteCaseWorkspace *) object;

  /* Whatever is still waiting is stored before the widgets go. */
  luwte_case_workspace_flush (self);

  G_OBJECT_CLASS (luwte_case_workspace_parent_class)->dispose (object);
}

static void
luwte_case_workspace_finalize (GObject *object)
{
  LuwteCaseWorkspace *self = (LuwteCaseWorkspace *) object;

  g_clear_weak_pointer (&self->close_dialog);
  g_clear_pointer (&self->evaluation_rows, g_ptr_array_unref);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_object (&self->card);

  G_OBJECT_CLASS (luwte_case_workspace_parent_class)->finalize (object);
}

static void
luwte_case_workspace_class_init (LuwteCaseWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luwte_case_workspace_dispose;
  object_class->finalize = luwte_case_workspace_finalize;

  g_type_ensure (LUWTE_TYPE_INTERVENTIONS_PAGE);
  g_type_ensure (LUWTE_TYPE_NOTES_PAGE);
  g_type_ensure (LUWTE_TYPE_PARTIES_PAGE);
  g_type_ensure (LUWTE_TYPE_TIMELINE_PAGE);
  g_type_ensure (LUWTE_TYPE_MESSAGES_PAGE);
  g_type_ensure (LUWTE_TYPE_LETTERS_PAGE);

  /**
   * LuwteCaseWorkspace::save-failed:
   * @message: what went wrong, for the user
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-case-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, title_row);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, status_row);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, location_row);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, event_row);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, platforms_row);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, summary_view);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, saved_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, switcher);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, pages);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, interventions_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, notes_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, parties_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, messages_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, letters_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, closed_banner);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, evaluation_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, lessons_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteCaseWorkspace, lessons_label);
  gtk_widget_class_install_action (widget_class, "workspace.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "workspace.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "workspace.reopen", NULL, reopen_action);
}

static void
luwte_case_workspace_init (LuwteCaseWorkspace *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->evaluation_rows = g_ptr_array_new ();
  self->language = LUWTE_LANGUAGE_EN;
  luwte_time_entry_follow (GTK_WIDGET (self->event_row));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.close", FALSE);
  add_page_shortcuts (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.reopen", FALSE);

  for (int s = LUWTE_CASE_STATUS_SIGNAL; s <= LUWTE_CASE_STATUS_CLOSED; s++)
    gtk_string_list_append (statuses, luwte_case_status_label ((LuwteCaseStatus) s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  {
    g_autoptr(GtkListItemFactory) items = luwte_string_item_factory_new ();
    adw_combo_row_set_factory (self->status_row, items);
  }
  luwte_accessible_name_inner (GTK_WIDGET (self->status_row), GTK_TYPE_LIST_VIEW, _("Statuses"));

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->location_row, "changed", G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_row, "changed", G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->platforms_row, "changed", G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (schedule_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pages, "notify::visible-child", G_CALLBACK (on_page_shown), self, G_CONNECT_SWAPPED);
  /* The log names a party as it is now (see luwte_store_update_party()). */
  g_signal_connect_object (self->parties_page, "party-changed", G_CALLBACK (luwte_notes_page_refresh_log),
                           self->notes_page, G_CONNECT_SWAPPED);
}

GtkWidget *
luwte_case_workspace_new (void)
{
  return g_object_new (LUWTE_TYPE_CASE_WORKSPACE, NULL);
}

void
luwte_case_workspace_set_store (LuwteCaseWorkspace *self,
                                LuwteStore         *store)
{
  g_return_if_fail (LUWTE_IS_CASE_WORKSPACE (self));
  g_set_object (&self->store, store);
}

/**
 * luwte_case_workspace_set_case:
 * @kase: (nullable): the case to show
 *
 * Stores what the previous case still had waiting, then shows @kase.
 *
 * Returns: %FALSE, still showing the previous case, when its changes
 *   could not be stored
 */
gboolean
luwte_case_workspace_set_case (LuwteCaseWorkspace *self,
                               LuwteCase          *kase)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), FALSE);

  if (self->kase == kase)
    return TRUE;
  /* What could not be stored stays on screen, with the user told why. */
  if (!luwte_case_workspace_flush (self))
    return FALSE;
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_func (self->kase, on_case_status_notify, self);
  g_set_object (&self->kase, kase);
  if (kase != NULL)
    g_signal_connect_object (kase, "notify::status", G_CALLBACK (on_case_status_notify), self, G_CONNECT_SWAPPED);
  fill (self);
  luwte_interventions_page_set_case (self->interventions_page, self->store, kase);
  luwte_notes_page_set_case (self->notes_page, self->store, kase);
  luwte_parties_page_set_case (self->parties_page, self->store, kase);
  luwte_timeline_page_set_case (self->timeline_page, self->store, kase);
  luwte_messages_page_set_case (self->messages_page, self->store, kase);
  luwte_letters_page_set_case (self->letters_page, self->store, kase);
  update_read_only (self);
  return TRUE;
}

/* Returns: (nullable) (transfer none) */
LuwteCase *
luwte_case_workspace_get_case (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return self->kase;
}

/* A new case starts with typing its title. */
void
luwte_case_workspace_focus_title (LuwteCaseWorkspace *self)
{
  g_return_if_fail (LUWTE_IS_CASE_WORKSPACE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
luwte_case_workspace_set_card (LuwteCaseWorkspace *self,
                               LuwteCard          *card,
                               LuwteLanguage       language)
{
  g_return_if_fail (LUWTE_IS_CASE_WORKSPACE (self));
  g_set_object (&self->card, card);
  self->language = language;
  luwte_interventions_page_set_card (self->interventions_page, card, language);
  luwte_timeline_page_set_card (self->timeline_page, card, language);
}

/* Adds @card_id to the case's interventions and shows them. */
gboolean
luwte_case_workspace_choose_intervention (LuwteCaseWorkspace *self,
                                          const char         *card_id)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), FALSE);
  adw_view_stack_set_visible_child_name (self->pages, "interventions");
  return luwte_interventions_page_choose (self->interventions_page, card_id);
}

/* Which page shows: "context" or "interventions". */
void
luwte_case_workspace_show_page (LuwteCaseWorkspace *self,
                                const char         *name)
{
  g_return_if_fail (LUWTE_IS_CASE_WORKSPACE (self));
  adw_view_stack_set_visible_child_name (self->pages, name);
}

/* Returns: the name of the page shown, e.g. "context" */
const char *
luwte_case_workspace_get_visible_page (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return adw_view_stack_get_visible_child_name (self->pages);
}

guint
luwte_case_workspace_get_n_interventions (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), 0);
  return luwte_interventions_page_get_n_chosen (self->interventions_page);
}

LuwteNotesPage *
luwte_case_workspace_get_notes_page (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return self->notes_page;
}

LuwtePartiesPage *
luwte_case_workspace_get_parties_page (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return self->parties_page;
}

LuwteTimelinePage *
luwte_case_workspace_get_timeline_page (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return self->timeline_page;
}

LuwteMessagesPage *
luwte_case_workspace_get_messages_page (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return self->messages_page;
}

LuwteInterventionsPage *
luwte_case_workspace_get_interventions_page (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return self->interventions_page;
}

LuwteLettersPage *
luwte_case_workspace_get_letters_page (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return self->letters_page;
}

/* Chooses @status in the status row, as the user does: "Closed" asks for
 * the evaluation first. */
void
luwte_case_workspace_choose_status (LuwteCaseWorkspace *self,
                                    LuwteCaseStatus     status)
{
  g_return_if_fail (LUWTE_IS_CASE_WORKSPACE (self));
  adw_combo_row_set_selected (self->status_row, status);
}

/* Returns: (nullable) (transfer none): the evaluation being asked for */
LuwteCloseDialog *
luwte_case_workspace_get_close_dialog (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), NULL);
  return self->close_dialog;
}

/* Returns: whether the case shown is closed, and shown read-only */
gboolean
luwte_case_workspace_is_read_only (LuwteCaseWorkspace *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_WORKSPACE (self), FALSE);
  return luwte_read_only_get (GTK_WIDGET (self->pages));
}
