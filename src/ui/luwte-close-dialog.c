/* luwte-close-dialog.c — closing a case with its evaluation
 *
 * Asks, for each intervention carried out or under way, what it achieved,
 * and for the lessons learned; "Close Case" stores them with the status in
 * one go, Cancel (or Escape) leaves the case as it was. An evaluation
 * written before, when the case was closed earlier, is where it starts.
 * Action points still open and letters still drafts are named on top:
 * closing makes them read-only, though the officer may still close.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-close-dialog"

#include "config.h"

#include "luwte-close-dialog.h"
#include "luwte-accessible.h"
#include "luwte-evaluation.h"
#include "luwte-letter.h"
#include "luwte-note.h"

#include <glib/gi18n.h>

struct _LuwteCloseDialog
{
  AdwWindow            parent_instance;

  LuwteStore          *store;
  LuwteCase           *kase;
  GPtrArray           *items;      /* LuwteCaseIntervention, used */
  GPtrArray           *rows;       /* AdwComboRow, borrowed */
  gboolean             answered;

  AdwWindowTitle      *window_title;
  GtkWidget           *open_work_group;
  GtkLabel            *open_work_label;
  AdwPreferencesGroup *effects_group;
  GtkWidget           *none_row;
  GtkTextView         *lessons_view;
  GtkLabel            *problem_label;
};

G_DEFINE_FINAL_TYPE (LuwteCloseDialog, luwte_close_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Once: closed, or left as it was. */
static void
answer (LuwteCloseDialog *self,
        gboolean          closed)
{
  if (self->answered)
    return;
  self->answered = TRUE;
  g_signal_emit (self, signals[DONE], 0, closed);
}

static char *
lessons_text (LuwteCloseDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->lessons_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
close_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LuwteCloseDialog *self = LUWTE_CLOSE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *lessons = lessons_text (self);
  g_autofree LuwteEffectChoice *effects = g_new0 (LuwteEffectChoice, self->items->len + 1);
  LuwteCaseEvaluation evaluation = { effects, self->items->len, lessons };

  for (guint i = 0; i < self->items->len; i++)
    {
      effects[i].intervention_id = luwte_case_intervention_get_id (g_ptr_array_index (self->items, i));
      effects[i].effect = (LuwteEffect) adw_combo_row_get_selected (g_ptr_array_index (self->rows, i));
    }
  if (!luwte_store_close_case (self->store, self->kase, &evaluation, &error))
    {
      /* The dialog stays, with what was chosen and written. */
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  answer (self, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
luwte_close_dialog_close_request (GtkWindow *window)
{
  answer (LUWTE_CLOSE_DIALOG (window), FALSE);
  return GTK_WINDOW_CLASS (luwte_close_dialog_parent_class)->close_request (window);
}

static void
luwte_close_dialog_dispose (GObject *object)
{
  LuwteCloseDialog *self = LUWTE_CLOSE_DIALOG (object);

  /* Gone with its parent: the case was not closed. */
  answer (self, FALSE);
  G_OBJECT_CLASS (luwte_close_dialog_parent_class)->dispose (object);
}

static void
luwte_close_dialog_finalize (GObject *object)
{
  LuwteCloseDialog *self = LUWTE_CLOSE_DIALOG (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (luwte_close_dialog_parent_class)->finalize (object);
}

static void
luwte_close_dialog_class_init (LuwteCloseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = luwte_close_dialog_dispose;
  object_class->finalize = luwte_close_dialog_finalize;
  window_class->close_request = luwte_close_dialog_close_request;

  /**
   * LuwteCloseDialog::done:
   * @closed: whether the case was closed
   *
   * Emitted once, when the case was closed or the dialog was left.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-close-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteCloseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LuwteCloseDialog, open_work_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteCloseDialog, open_work_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteCloseDialog, effects_group);
  gtk_widget_class_bind_template_child (widget_class, LuwteCloseDialog, none_row);
  gtk_widget_class_bind_template_child (widget_class, LuwteCloseDialog, lessons_view);
  gtk_widget_class_bind_template_child (widget_class, LuwteCloseDialog, problem_label);
  gtk_widget_class_install_action (widget_class, "evaluation.close-case", NULL, close_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
luwte_close_dialog_init (LuwteCloseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
}

static void
add_effect_row (LuwteCloseDialog      *self,
                LuwteCaseIntervention *item,
                LuwteCard             *card,
                LuwteLanguage          language)
{
  g_autoptr(GtkStringList) effects = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();
  LuwteCardIntervention *card_item = luwte_card_find_intervention (card, luwte_case_intervention_get_card_id (item));
  const char *title = card_item != NULL ? luwte_localized_get (luwte_card_intervention_get_title (card_item), language)
                                        : luwte_case_intervention_get_card_id (item);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  /* In the order of LuwteEffect, so a position is an effect. */
  for (int e = LUWTE_EFFECT_NOT_EVALUATED; e <= LUWTE_EFFECT_UNKNOWN; e++)
    gtk_string_list_append (effects, luwte_effect_label ((LuwteEffect) e));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               luwte_intervention_status_label (luwte_case_intervention_get_status (item)));
  adw_combo_row_set_model (row, G_LIST_MODEL (effects));
  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_selected (row, luwte_case_intervention_get_effect (item));
  luwte_accessible_name_inner (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW, _("Effects"));
  adw_preferences_group_add (self->effects_group, GTK_WIDGET (row));
  g_ptr_array_add (self->items, g_object_ref (item));
  g_ptr_array_add (self->rows, row);
}

/* What is not finished: once closed, nothing of the case can be changed. */
static gboolean
show_open_work (LuwteCloseDialog  *self,
                GError           **error)
{
  g_autoptr(GPtrArray) letters = luwte_store_list_letters (self->store, self->kase, error);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 actions;
  guint drafts = 0;

  if (letters == NULL)
    return FALSE;
  actions = luwte_store_count_open_actions (self->store, self->kase, error);
  if (actions < 0)
    return FALSE;
  for (guint i = 0; i < letters->len; i++)
    if (luwte_letter_get_status (g_ptr_array_index (letters, i)) == LUWTE_LETTER_DRAFT)
      drafts++;

  if (actions > 0)
    g_string_append_printf (text, ngettext ("%d action point is still open.", "%d action points are still open.",
                                            (gulong) actions), (int) actions);
  if (drafts > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u letter is still a draft.", "%u letters are still drafts.",
                                              drafts), drafts);
    }
  if (text->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("A closed case cannot be changed, but you can close it anyway."));
    }
  gtk_label_set_text (self->open_work_label, text->str);
  gtk_widget_set_visible (self->open_work_group, text->len > 0);
  return TRUE;
}

/**
 * luwte_close_dialog_new:
 * @parent: the window it belongs to
 *
 * Returns: (transfer none): the dialog, not yet shown; it emits
 *   LuwteCloseDialog::done once. %NULL with @error when the case's
 *   interventions, action points or letters cannot be read.
 */
LuwteCloseDialog *
luwte_close_dialog_new (GtkWindow      *parent,
                        LuwteStore     *store,
                        LuwteCase      *kase,
                        LuwteCard      *card,
                        LuwteLanguage   language,
                        GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  LuwteCloseDialog *self;

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);
  g_return_val_if_fail (LUWTE_IS_CASE (kase), NULL);
  g_return_val_if_fail (LUWTE_IS_CARD (card), NULL);

  items = luwte_store_list_case_interventions (store, kase, error);
  if (items == NULL)
    return NULL;

  self = g_object_new (LUWTE_TYPE_CLOSE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kase = g_object_ref (kase);
  adw_window_title_set_subtitle (self->window_title, luwte_case_get_reference (kase));
  for (guint i = 0; i < items->len; i++)
    if (luwte_case_intervention_is_used (g_ptr_array_index (items, i)))
      add_effect_row (self, g_ptr_array_index (items, i), card, language);
  gtk_widget_set_visible (self->none_row, self->rows->len == 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lessons_view), luwte_case_get_lessons (kase), -1);
  if (!show_open_work (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

/**
 * luwte_close_dialog_get_open_work:
 *
 * Returns: (nullable): the warning about open action points and draft
 *   letters, as shown; %NULL when there is none
 */
const char *
luwte_close_dialog_get_open_work (LuwteCloseDialog *self)
{
  g_return_val_if_fail (LUWTE_IS_CLOSE_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (self->open_work_group))
    return NULL;
  return gtk_label_get_text (self->open_work_label);
}

/* The interventions asked about: those carried out or under way */
guint
luwte_close_dialog_get_n_interventions (LuwteCloseDialog *self)
{
  g_return_val_if_fail (LUWTE_IS_CLOSE_DIALOG (self), 0);
  return self->rows->len;
}

/* As if the user chose @effect for the intervention at @position. */
void
luwte_close_dialog_set_effect (LuwteCloseDialog *self,
                               guint             position,
                               LuwteEffect       effect)
{
  g_return_if_fail (LUWTE_IS_CLOSE_DIALOG (self));
  g_return_if_fail (position < self->rows->len);
  adw_combo_row_set_selected (g_ptr_array_index (self->rows, position), effect);
}

/* As if the user typed @lessons. */
void
luwte_close_dialog_set_lessons (LuwteCloseDialog *self,
                                const char       *lessons)
{
  g_return_if_fail (LUWTE_IS_CLOSE_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lessons_view), lessons, -1);
}
