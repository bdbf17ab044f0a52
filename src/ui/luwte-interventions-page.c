/* luwte-interventions-page.c — the interventions chosen for a case
 *
 * Each chosen intervention is a row that opens to its status, who is
 * responsible, when, why, and what came of it. An administrative power
 * asks for the proportionality and subsidiarity reasoning, with the legal
 * basis and conditions from the card beside it; "doe niets" asks when to
 * look again. Edits are stored as the user types, like the context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-interventions"

#include "config.h"

#include "luwte-interventions-page.h"
#include "luwte-autosave.h"
#include "luwte-page.h"
#include "luwte-read-only.h"
#include "luwte-accessible.h"
#include "luwte-time.h"
#include "luwte-time-entry.h"
#include "luwte-case-intervention.h"
#include "luwte-card-search.h"
#include "luwte-party-choice.h"
#include "luwte-removal.h"
#include "luwte-undo-toast.h"

#include <glib/gi18n.h>
#include <string.h>


typedef struct _ChosenRow ChosenRow;

gboolean luwte_interventions_page_flush (LuwteInterventionsPage *self);

struct _LuwteInterventionsPage
{
  AdwBin          parent_instance;

  LuwteCard      *card;
  LuwteLanguage   language;
  LuwteStore     *store;
  LuwteCase      *kase;
  GPtrArray      *rows;          /* ChosenRow */

  GtkWidget      *stack;
  AdwPreferencesGroup *group;
  GtkWidget      *choose_button;
  GtkWidget      *chooser_entry;
  GtkListBox     *chooser_list;
  GtkWidget      *popover;
  LuwteRemoval   *removed;       /* for Undo */
};

G_DEFINE_FINAL_TYPE (LuwteInterventionsPage, luwte_interventions_page, ADW_TYPE_BIN)

struct _ChosenRow
{
  LuwteInterventionsPage *page;
  LuwteCaseIntervention  *item;
  GtkWidget              *expander;
  AdwComboRow            *status_row;
  AdwComboRow            *party_row;
  AdwEntryRow            *responsible_row;
  AdwEntryRow            *due_row;
  GtkTextBuffer          *rationale;
  GtkTextBuffer          *proportionality;
  GtkTextBuffer          *outcome;
  gboolean                filling;
  LuwteAutosave           autosave;
};

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  if (buffer == NULL)
    return NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The status, and the effect once the case's evaluation gave one */
static void
set_subtitle (ChosenRow               *row,
              LuwteInterventionStatus  status)
{
  LuwteEffect effect = luwte_case_intervention_get_effect (row->item);
  g_autofree char *subtitle = NULL;

  if (effect == LUWTE_EFFECT_NOT_EVALUATED)
    subtitle = g_strdup (luwte_intervention_status_label (status));
  else
    /* TRANSLATORS: a chosen intervention's status and evaluated effect, e.g. "Done · Worked" */
    subtitle = g_strdup_printf (_("%s · %s"), luwte_intervention_status_label (status), luwte_effect_label (effect));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle);
}

static gboolean
save_row (gpointer data)
{
  ChosenRow *row = data;
  LuwteInterventionsPage *self = row->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *rationale = buffer_text (row->rationale);
  g_autofree char *proportionality = buffer_text (row->proportionality);
  g_autofree char *outcome = buffer_text (row->outcome);
  g_autofree char *due = luwte_time_parse_typed (gtk_editable_get_text (GTK_EDITABLE (row->due_row)));
  LuwteInterventionStatus status = (LuwteInterventionStatus) adw_combo_row_get_selected (row->status_row);
  LuwteCaseInterventionEdit edit = { 0 };
  gint64 party_id = luwte_party_choice_get_id (row->party_row);

  luwte_autosave_stop (&row->autosave);

  edit.status = &status;
  edit.responsible = gtk_editable_get_text (GTK_EDITABLE (row->responsible_row));
  edit.party_id = &party_id;
  edit.due_at = due;
  edit.rationale = rationale;
  edit.proportionality = proportionality;
  edit.outcome = outcome;
  if (due == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row->due_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->due_row), "error");

  if (!luwte_store_update_case_intervention (self->store, self->kase, row->item, &edit, &error))
    {
      /* Still dirty: the next flush tries again. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  row->autosave.dirty = FALSE;
  set_subtitle (row, status);
  return TRUE;
}

static void
schedule_save (ChosenRow *row)
{
  if (row->filling)
    return;
  luwte_autosave_changed (&row->autosave);
}

/* Saving is the owner's job (flush) while the widgets are on screen;
 * here the row only lets go of them. */
static void
chosen_row_free (ChosenRow *row)
{
  luwte_autosave_stop (&row->autosave);
  g_signal_handlers_disconnect_by_data (row->status_row, row);
  g_signal_handlers_disconnect_by_data (row->party_row, row);
  g_signal_handlers_disconnect_by_data (row->responsible_row, row);
  g_signal_handlers_disconnect_by_data (row->due_row, row);
  g_signal_handlers_disconnect_by_data (row->rationale, row);
  if (row->proportionality != NULL)
    g_signal_handlers_disconnect_by_data (row->proportionality, row);
  g_signal_handlers_disconnect_by_data (row->outcome, row);
  g_clear_object (&row->item);
  g_object_unref (row->expander);
  g_free (row);
}

/* A labelled multi-line field inside the expander. */
static GtkTextBuffer *
add_text_field (GtkWidget  *expander,
                const char *heading,
                const char *hint,
                const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (hint != NULL)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      /* Selectable to copy from, but not a stop for Tab: it would
       * select all of itself on the way to the text. */
      gtk_label_set_selectable (GTK_LABEL (hint_label), TRUE);
      gtk_widget_set_focusable (hint_label, FALSE);
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_widget_add_css_class (hint_label, "caption");
      gtk_box_append (GTK_BOX (box), hint_label);
    }
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), box);
  /* The list row the expander puts around the field takes no focus of
   * its own: Tab goes straight into the text, where typing lands. */
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (box)), FALSE);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

/* The legal basis and conditions from the card, for the reasoning. */
static char *
legal_hint (LuwteInterventionsPage *self,
            LuwteCardIntervention  *card_item)
{
  GString *hint = g_string_new (_("Which lighter interventions were tried or considered, and why do they not suffice?"));
  GPtrArray *basis = luwte_card_intervention_get_legal_basis (card_item);
  GPtrArray *conditions = luwte_card_intervention_get_conditions (card_item);

  for (guint i = 0; i < basis->len; i++)
    {
      LuwteLegalBasis *b = g_ptr_array_index (basis, i);
      g_string_append_printf (hint, "\n%s — %s", b->article, luwte_localized_get (&b->summary, self->language));
    }
  for (guint i = 0; i < conditions->len; i++)
    g_string_append_printf (hint, "\n• %s", luwte_localized_get (g_ptr_array_index (conditions, i), self->language));
  return g_string_free (hint, FALSE);
}

static void
on_remove_clicked (ChosenRow *row)
{
  LuwteInterventionsPage *self = row->page;
  guint position;

  if (g_ptr_array_find (self->rows, row, &position))
    luwte_interventions_page_remove (self, position);
}

static ChosenRow *
add_row (LuwteInterventionsPage *self,
         LuwteCaseIntervention  *item)
{
  ChosenRow *row = g_new0 (ChosenRow, 1);

  luwte_autosave_init (&row->autosave, save_row, row);
  LuwteCardIntervention *card_item = luwte_card_find_intervention (self->card, luwte_case_intervention_get_card_id (item));
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();
  g_autofree char *due = luwte_time_format_local (luwte_case_intervention_get_due_at (item), "%F %R");
  gboolean do_nothing = g_str_equal (luwte_case_intervention_get_card_id (item), "do-nothing");
  const char *title;

  row->page = self;
  row->item = g_object_ref (item);
  row->filling = TRUE;

  /* A card without this id (an own card) still shows what was chosen. */
  title = card_item != NULL ? luwte_localized_get (luwte_card_intervention_get_title (card_item), self->language)
                            : luwte_case_intervention_get_card_id (item);
  /* Held until the row is freed: its widgets live as long as it does. */
  row->expander = g_object_ref_sink (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  luwte_page_follow_expander (ADW_EXPANDER_ROW (row->expander));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
  set_subtitle (row, luwte_case_intervention_get_status (item));

  for (int s = LUWTE_INTERVENTION_STATUS_CONSIDERED; s <= LUWTE_INTERVENTION_STATUS_DROPPED; s++)
    gtk_string_list_append (statuses, luwte_intervention_status_label ((LuwteInterventionStatus) s));
  row->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->status_row), _("Status"));
  adw_combo_row_set_model (row->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_factory (row->status_row, factory);
  adw_combo_row_set_selected (row->status_row, luwte_case_intervention_get_status (item));
  luwte_accessible_name_inner (GTK_WIDGET (row->status_row), GTK_TYPE_LIST_VIEW, _("Statuses"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), GTK_WIDGET (row->status_row));

  row->party_row = luwte_party_choice_new (_("Responsible Party"), _("Not one of the parties"));
  luwte_party_choice_fill (row->party_row, self->store, self->kase, luwte_case_intervention_get_party_id (item));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), GTK_WIDGET (row->party_row));

  row->responsible_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), _("Responsible (in words)"),
                                                   luwte_case_intervention_get_responsible (item));
  row->due_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander),
                                           do_nothing ? _("Review At (e.g. 2026-12-31 18:00)")
                                                      : _("Due (e.g. 2026-12-31 18:00)"),
                                           due);
  luwte_time_entry_follow (GTK_WIDGET (row->due_row));

  row->rationale = add_text_field (row->expander, _("Why"), NULL, luwte_case_intervention_get_rationale (item));
  if (card_item != NULL && luwte_card_intervention_is_administrative_power (card_item))
    {
      g_autofree char *hint = legal_hint (self, card_item);
      row->proportionality = add_text_field (row->expander, _("Proportionality and Subsidiarity"), hint,
                                             luwte_case_intervention_get_proportionality (item));
    }
  row->outcome = add_text_field (row->expander, _("Outcome"), NULL, luwte_case_intervention_get_outcome (item));

  {
    GtkWidget *remove_row = adw_action_row_new ();
    GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove From the Case"));
    g_autofree char *remove_label = g_strdup_printf (_("Remove %s from the case"), title);

    gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (remove, "destructive-action");
    gtk_widget_add_css_class (remove_row, LUWTE_EDIT_ONLY);
    gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
    g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), row);
    adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), remove_row);
  }

  g_signal_connect_swapped (row->status_row, "notify::selected", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->party_row, "notify::selected", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->responsible_row, "changed", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->due_row, "changed", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->rationale, "changed", G_CALLBACK (schedule_save), row);
  if (row->proportionality != NULL)
    g_signal_connect_swapped (row->proportionality, "changed", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->outcome, "changed", G_CALLBACK (schedule_save), row);

  adw_preferences_group_add (self->group, row->expander);
  g_ptr_array_add (self->rows, row);
  row->filling = FALSE;
  return row;
}

static void
clear_rows (LuwteInterventionsPage *self)
{
  luwte_interventions_page_flush (self);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, ((ChosenRow *) g_ptr_array_index (self->rows, i))->expander);
  g_ptr_array_set_size (self->rows, 0);
}

static void
update_empty (LuwteInterventionsPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->group), self->rows->len > 0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->rows->len > 0 ? "chosen" : "empty");
}

static void
fill_chooser (LuwteInterventionsPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->chooser_entry));
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chooser_list))) != NULL)
    gtk_list_box_remove (self->chooser_list, child);
  if (self->card == NULL)
    return;

  items = *query != '\0' ? luwte_card_search (self->card, self->language, query)
                         : luwte_card_list_interventions (self->card);
  for (guint i = 0; i < items->len; i++)
    {
      LuwteCardIntervention *item = g_ptr_array_index (items, i);
      LuwteCardGroup *group = luwte_card_intervention_get_group (item);
      const char *title = luwte_localized_get (luwte_card_intervention_get_title (item), self->language);
      g_autofree char *subtitle = g_strdup_printf (_("Group %u · %s"), luwte_card_group_get_number (group),
                                                   luwte_localized_get (luwte_card_group_get_title (group), self->language));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "card-id", g_strdup (luwte_card_intervention_get_id (item)), g_free);
      gtk_list_box_append (self->chooser_list, row);
    }
}

static void
on_chooser_activated (LuwteInterventionsPage *self,
                      GtkListBoxRow          *row)
{
  const char *card_id = g_object_get_data (G_OBJECT (row), "card-id");

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  luwte_interventions_page_choose (self, card_id);
}

static void
on_chooser_search_activate (LuwteInterventionsPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->chooser_list, 0);

  if (first != NULL)
    on_chooser_activated (self, first);
}

static void
on_popover_show (LuwteInterventionsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->chooser_entry), "");
  fill_chooser (self);
  gtk_widget_grab_focus (self->chooser_entry);
}

static void
luwte_interventions_page_dispose (GObject *object)
{
  LuwteInterventionsPage *self = (LuwteInterventionsPage *) object;

  /* What is waiting is stored while the widgets still hold it. */
  if (self->rows != NULL)
    {
      luwte_interventions_page_flush (self);
      g_ptr_array_set_size (self->rows, 0);
    }
  G_OBJECT_CLASS (luwte_interventions_page_parent_class)->dispose (object);
}

/* Parties are added on their own page: offer the current ones. */
static void
on_map (LuwteInterventionsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ChosenRow *row = g_ptr_array_index (self->rows, i);
      gboolean filling = row->filling;

      row->filling = TRUE;
      luwte_party_choice_fill (row->party_row, self->store, self->kase, luwte_party_choice_get_id (row->party_row));
      row->filling = filling;
    }
}

static void
luwte_interventions_page_finalize (GObject *object)
{
  LuwteInterventionsPage *self = (LuwteInterventionsPage *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->removed);
  g_clear_object (&self->card);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (luwte_interventions_page_parent_class)->finalize (object);
}

static void
luwte_interventions_page_class_init (LuwteInterventionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = luwte_interventions_page_dispose;
  object_class->finalize = luwte_interventions_page_finalize;
}

static void
luwte_interventions_page_init (LuwteInterventionsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (_("Chosen Interventions"));
  GtkWidget *popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *chooser_scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) chosen_row_free);
  self->language = LUWTE_LANGUAGE_EN;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);

  /* The chooser: the whole card, searchable, in a popover. */
  self->chooser_entry = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the card"), -1);
  g_object_set (self->chooser_entry, "placeholder-text", _("Search the card"), NULL);
  self->chooser_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->chooser_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Interventions of the card"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (chooser_scroller), GTK_WIDGET (self->chooser_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (chooser_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (chooser_scroller, 420, 420);
  gtk_box_append (GTK_BOX (popover_box), self->chooser_entry);
  gtk_box_append (GTK_BOX (popover_box), chooser_scroller);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), popover_box);

  self->choose_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->choose_button), _("_Choose From the Card"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->choose_button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->choose_button), self->popover);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose an intervention from the card"), -1);
  gtk_widget_add_css_class (self->choose_button, LUWTE_EDIT_ONLY);
  gtk_box_append (GTK_BOX (header), self->choose_button);

  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Interventions Chosen Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Choose from the card what you consider or do, and record why. “Doe niets” is a choice too: set when to look again."));
  gtk_widget_add_css_class (empty, "compact");

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->group), "chosen");
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->stack);
  luwte_page_set_scrolled_content (ADW_BIN (self), box);

  g_signal_connect_object (self->chooser_entry, "search-changed", G_CALLBACK (fill_chooser), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chooser_entry, "activate", G_CALLBACK (on_chooser_search_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chooser_list, "row-activated", G_CALLBACK (on_chooser_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (on_popover_show), self, G_CONNECT_SWAPPED);
  update_empty (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

void
luwte_interventions_page_set_card (LuwteInterventionsPage *self,
                                   LuwteCard              *card,
                                   LuwteLanguage           language)
{
  g_return_if_fail (LUWTE_IS_INTERVENTIONS_PAGE (self));
  g_set_object (&self->card, card);
  self->language = language;
}

/**
 * luwte_interventions_page_set_case:
 * @kase: (nullable): the case whose interventions to show
 */
void
luwte_interventions_page_set_case (LuwteInterventionsPage *self,
                                   LuwteStore             *store,
                                   LuwteCase              *kase)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LUWTE_IS_INTERVENTIONS_PAGE (self));

  clear_rows (self);
  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);

  if (store != NULL && kase != NULL && self->card != NULL)
    {
      items = luwte_store_list_case_interventions (store, kase, &error);
      if (items == NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      for (guint i = 0; items != NULL && i < items->len; i++)
        add_row (self, g_ptr_array_index (items, i));
    }
  update_empty (self);
}

/**
 * luwte_interventions_page_choose:
 * @card_id: an intervention of the card
 *
 * Adds it to the case as considered and opens it for the reasons.
 */
gboolean
luwte_interventions_page_choose (LuwteInterventionsPage *self,
                                 const char             *card_id)
{
  g_autoptr(LuwteCaseIntervention) item = NULL;
  g_autoptr(GError) error = NULL;
  ChosenRow *row;

  g_return_val_if_fail (LUWTE_IS_INTERVENTIONS_PAGE (self), FALSE);

  if (self->store == NULL || self->kase == NULL || luwte_card_find_intervention (self->card, card_id) == NULL)
    return FALSE;
  item = luwte_store_add_case_intervention (self->store, self->kase, card_id,
                                            luwte_card_get_version (self->card), &error);
  if (item == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  row = add_row (self, item);
  update_empty (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row->responsible_row));
  luwte_page_scroll_into_view (row->expander);
  return TRUE;
}

gboolean
luwte_interventions_page_flush (LuwteInterventionsPage *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (LUWTE_IS_INTERVENTIONS_PAGE (self), FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ChosenRow *row = g_ptr_array_index (self->rows, i);
      ok = luwte_autosave_flush (&row->autosave) && ok;
    }
  return ok;
}

guint
luwte_interventions_page_get_n_chosen (LuwteInterventionsPage *self)
{
  g_return_val_if_fail (LUWTE_IS_INTERVENTIONS_PAGE (self), 0);
  return self->rows->len;
}

static void
on_undo (LuwteInterventionsPage *self)
{
  luwte_interventions_page_undo_remove (self);
}

/**
 * luwte_interventions_page_remove:
 *
 * Takes the intervention at @position out of the case, with what was
 * typed for it; the toast offers to undo it.
 */
gboolean
luwte_interventions_page_remove (LuwteInterventionsPage *self,
                                 guint                   position)
{
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  ChosenRow *row;

  g_return_val_if_fail (LUWTE_IS_INTERVENTIONS_PAGE (self), FALSE);
  g_return_val_if_fail (position < self->rows->len, FALSE);

  row = g_ptr_array_index (self->rows, position);
  if (!luwte_autosave_flush (&row->autosave))
    return FALSE;
  removal = luwte_store_remove (self->store, LUWTE_REMOVAL_INTERVENTION, self->kase,
                                luwte_case_intervention_get_id (row->item), &error);
  if (removal == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  g_set_object (&self->removed, removal);
  adw_preferences_group_remove (self->group, row->expander);
  g_ptr_array_remove_index (self->rows, position);
  update_empty (self);
  luwte_undo_toast_show (GTK_WIDGET (self), _("Intervention removed from the case"), G_CALLBACK (on_undo));
  return TRUE;
}

/* Brings back the intervention removed last. */
gboolean
luwte_interventions_page_undo_remove (LuwteInterventionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;

  g_return_val_if_fail (LUWTE_IS_INTERVENTIONS_PAGE (self), FALSE);

  if (self->removed == NULL || self->store == NULL)
    return FALSE;
  if (!luwte_store_undo_removal (self->store, self->removed, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  g_clear_object (&self->removed);
  store = g_object_ref (self->store);
  kase = self->kase != NULL ? g_object_ref (self->kase) : NULL;
  luwte_interventions_page_set_case (self, store, kase);
  return TRUE;
}
