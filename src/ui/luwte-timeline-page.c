/* luwte-timeline-page.c — what happened in a case, and who changed what
 *
 * Read-only: the timeline merges status changes, the log, online messages
 * and their takedown requests, the interventions chosen and carried out,
 * and the letters made final and sent; below it, the case's history from
 * the audit log, in words. Rebuilt whenever the page is shown, so it is
 * never stale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-timeline"

#include "config.h"

#include "luwte-timeline-page.h"
#include "luwte-history.h"
#include "luwte-page.h"
#include "luwte-timeline.h"
#include "luwte-time.h"

#include <glib/gi18n.h>

struct _LuwteTimelinePage
{
  AdwBin               parent_instance;

  LuwteCard           *card;
  LuwteLanguage        language;
  LuwteStore          *store;
  LuwteCase           *kase;
  LuwteTemplateLibrary *library;   /* read when the timeline or history first names a letter */
  guint                n_events;
  gboolean             stale;   /* the case changed while the page was not shown */

  AdwPreferencesGroup *timeline_group;
  AdwPreferencesGroup *history_group;
  GPtrArray           *rows;   /* (group, row) pairs, borrowed */
};

G_DEFINE_FINAL_TYPE (LuwteTimelinePage, luwte_timeline_page, ADW_TYPE_BIN)

static void
add_row (LuwteTimelinePage   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static const char *
icon_for (LuwteTimelineKind kind)
{
  switch (kind)
    {
    case LUWTE_TIMELINE_STATUS: return "emblem-synchronizing-symbolic";
    case LUWTE_TIMELINE_NOTE: return "document-edit-symbolic";
    case LUWTE_TIMELINE_INTERVENTION: return "view-list-symbolic";
    case LUWTE_TIMELINE_MESSAGE: return "mail-unread-symbolic";
    case LUWTE_TIMELINE_LETTER_FINAL: return "x-office-document-symbolic";
    case LUWTE_TIMELINE_LETTER_SENT: return "mail-send-symbolic";
    case LUWTE_TIMELINE_TAKEDOWN: return "edit-delete-symbolic";
    case LUWTE_TIMELINE_ACTION_DONE: return "checkbox-checked-symbolic";
    case LUWTE_TIMELINE_INTERVENTION_DONE:
    default: return "object-select-symbolic";
    }
}

void
luwte_timeline_page_refresh (LuwteTimelinePage *self)
{
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LUWTE_IS_TIMELINE_PAGE (self));

  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  self->n_events = 0;
  self->stale = FALSE;

  if (self->store == NULL || self->kase == NULL)
    return;

  timeline = luwte_store_list_timeline (self->store, self->kase, self->card, &self->library, self->language,
                                        &error);
  if (timeline != NULL)
    history = luwte_store_list_history (self->store, self->kase, &error);
  if (timeline == NULL || history == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return;
    }

  for (guint i = 0; i < timeline->len; i++)
    {
      LuwteTimelineEntry *entry = g_ptr_array_index (timeline, i);
      g_autofree char *when = luwte_time_format_local (entry->at, "%d-%m-%Y %H:%M");

      add_row (self, self->timeline_group, entry->text, when, icon_for (entry->kind));
      self->n_events++;
    }
  for (guint i = 0; i < history->len; i++)
    {
      LuwteHistoryEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *when = luwte_time_format_local (entry->at, "%d-%m-%Y %H:%M");
      /* TRANSLATORS: who made a change and when: "29-11-2026 21:40 · jdevries" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when, entry->os_user);
      g_autofree char *title = NULL;

      if (self->library == NULL && g_str_has_prefix (entry->action, "letter."))
        self->library = luwte_template_library_new ();
      title = luwte_history_describe (entry, self->card, self->library, self->language);

      add_row (self, self->history_group, title, subtitle, NULL);
    }
}

static void
luwte_timeline_page_finalize (GObject *object)
{
  LuwteTimelinePage *self = (LuwteTimelinePage *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->card);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (luwte_timeline_page_parent_class)->finalize (object);
}

static void
luwte_timeline_page_class_init (LuwteTimelinePageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_timeline_page_finalize;
}

/* A case opened while the workspace was hidden, with this page as its
 * tab (after an import, or an undone deletion): read it now. */
static void
on_map (LuwteTimelinePage *self)
{
  if (self->stale)
    luwte_timeline_page_refresh (self);
}

static void
luwte_timeline_page_init (LuwteTimelinePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->rows = g_ptr_array_new ();
  self->language = LUWTE_LANGUAGE_EN;
  self->timeline_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->timeline_group, _("Timeline"));
  adw_preferences_group_set_description (self->timeline_group,
                                         _("Status changes, online messages and their takedown requests, the log, the interventions and the letters, in the order they happened."));
  self->history_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->history_group, _("History of Changes"));
  adw_preferences_group_set_description (self->history_group,
                                         _("Every change to this case: when, by which user, and which fields. It cannot be edited."));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->timeline_group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->history_group));
  luwte_page_set_scrolled_content (ADW_BIN (self), box);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

void
luwte_timeline_page_set_card (LuwteTimelinePage *self,
                              LuwteCard         *card,
                              LuwteLanguage      language)
{
  g_return_if_fail (LUWTE_IS_TIMELINE_PAGE (self));
  g_set_object (&self->card, card);
  self->language = language;
}

/**
 * luwte_timeline_page_set_case:
 * @kase: (nullable)
 */
void
luwte_timeline_page_set_case (LuwteTimelinePage *self,
                              LuwteStore        *store,
                              LuwteCase         *kase)
{
  g_return_if_fail (LUWTE_IS_TIMELINE_PAGE (self));
  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);
  /* Built when shown; until then it holds nothing stale. */
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
  self->n_events = 0;
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    luwte_timeline_page_refresh (self);
}

guint
luwte_timeline_page_get_n_events (LuwteTimelinePage *self)
{
  g_return_val_if_fail (LUWTE_IS_TIMELINE_PAGE (self), 0);
  return self->n_events;
}
