/* luwte-messages-page.c — the online messages of a case
 *
 * A form for a message found online (where, who, when, what) with a
 * screenshot from a file or dropped on the page, and the case's messages
 * below it, each with the state of the request to take it down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-messages"

#include "config.h"

#include "luwte-messages-page.h"
#include "luwte-page.h"
#include "luwte-read-only.h"
#include "luwte-accessible.h"
#include "luwte-evidence.h"
#include "luwte-time.h"
#include "luwte-removal.h"
#include "luwte-undo-toast.h"

#include <glib/gi18n.h>

struct _LuwteMessagesPage
{
  AdwBin               parent_instance;

  LuwteStore          *store;
  LuwteCase           *kase;
  GBytes              *screenshot;   /* attached, not yet stored */
  GPtrArray           *rows;         /* borrowed */
  GPtrArray           *items;        /* LuwteEvidence */
  LuwteRemoval        *removed;      /* for Undo */

  AdwEntryRow         *url_row;
  AdwEntryRow         *platform_row;
  AdwEntryRow         *account_row;
  AdwEntryRow         *posted_row;
  AdwEntryRow         *description_row;
  GtkLabel            *attached_label;
  AdwPreferencesGroup *list_group;
};

G_DEFINE_FINAL_TYPE (LuwteMessagesPage, luwte_messages_page, ADW_TYPE_BIN)

static void
show_problem (LuwteMessagesPage *self,
              const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message);
}

static void
on_takedown_selected (AdwComboRow       *row,
                      GParamSpec        *pspec,
                      LuwteMessagesPage *self)
{
  LuwteEvidence *item = g_object_get_data (G_OBJECT (row), "evidence");
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!luwte_store_set_takedown (self->store, self->kase, item, (LuwteTakedown) selected, &error))
    {
      show_problem (self, error->message);
      adw_combo_row_set_selected (row, luwte_evidence_get_takedown (item));
    }
}

static void
on_remove_clicked (GtkButton         *button,
                   LuwteMessagesPage *self)
{
  guint position;

  if (g_ptr_array_find (self->items, g_object_get_data (G_OBJECT (button), "evidence"), &position))
    luwte_messages_page_remove (self, position);
}

static void
append_row (LuwteMessagesPage *self,
            LuwteEvidence     *item)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();
  g_autofree char *posted = luwte_time_format_local (luwte_evidence_get_posted_at (item), "%d-%m-%Y %H:%M");
  g_autoptr(GString) subtitle = g_string_new (luwte_evidence_get_platform (item));
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  if (*luwte_evidence_get_account (item) != '\0')
    g_string_append_printf (subtitle, " · %s", luwte_evidence_get_account (item));
  if (*posted != '\0')
    g_string_append_printf (subtitle, " · %s", posted);
  if (luwte_evidence_get_sha256 (item) != NULL)
    /* TRANSLATORS: the start of a screenshot's SHA-256, e.g. "screenshot 9f2c1d0b…" */
    g_string_append_printf (subtitle, _(" · screenshot %.12s…"), luwte_evidence_get_sha256 (item));
  if (*luwte_evidence_get_description (item) != '\0')
    g_string_append_printf (subtitle, "\n%s", luwte_evidence_get_description (item));

  for (int t = LUWTE_TAKEDOWN_NOT_REQUESTED; t <= LUWTE_TAKEDOWN_NO_ANSWER; t++)
    gtk_string_list_append (states, luwte_takedown_label ((LuwteTakedown) t));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), luwte_evidence_get_url (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_combo_row_set_model (row, G_LIST_MODEL (states));
  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_selected (row, luwte_evidence_get_takedown (item));
  luwte_accessible_name_inner (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW, _("Takedown states"));
  g_object_set_data (G_OBJECT (row), "evidence", item);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_takedown_selected), self, 0);
  {
    GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

    gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (remove, "flat");
    gtk_widget_add_css_class (remove, LUWTE_EDIT_ONLY);
    gtk_widget_set_tooltip_text (remove, _("Remove From the Case"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Remove this message from the case"), -1);
    g_object_set_data (G_OBJECT (remove), "evidence", item);
    g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), remove);
  }

  adw_preferences_group_add (self->list_group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->items, g_object_ref (item));
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), TRUE);
}

static void
refill (LuwteMessagesPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->items, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);
  if (self->store == NULL || self->kase == NULL)
    return;
  items = luwte_store_list_evidence (self->store, self->kase, &error);
  if (items == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    append_row (self, g_ptr_array_index (items, i));
}

/**
 * luwte_messages_page_attach_file:
 *
 * Reads a screenshot to go with the next message; a file that is no
 * picture is refused now, not when the message is added.
 */
gboolean
luwte_messages_page_attach_file (LuwteMessagesPage *self,
                                 GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) clean = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    clean = luwte_evidence_strip_metadata (bytes, &error);
  if (clean == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not attached: %s"), name, error->message);
      show_problem (self, message);
      return FALSE;
    }
  g_clear_pointer (&self->screenshot, g_bytes_unref);
  self->screenshot = g_steal_pointer (&bytes);
  /* TRANSLATORS: the file attached to the next message */
  text = g_strdup_printf (_("Screenshot: %s"), name);
  gtk_label_set_text (self->attached_label, text);
  return TRUE;
}

static void
on_file_chosen (GtkNativeDialog   *dialog,
                int                response,
                LuwteMessagesPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    luwte_messages_page_attach_file (self, file);
}

static void
on_attach_clicked (LuwteMessagesPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (filter);
  dialog = gtk_file_chooser_native_new (_("Attach a Screenshot"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         LuwteMessagesPage *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  return luwte_messages_page_attach_file (self, g_value_get_object (value));
}

/* Adds the message in the form, with the attached screenshot. */
gboolean
luwte_messages_page_add_from_form (LuwteMessagesPage *self)
{
  g_autoptr(LuwteEvidence) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *posted = NULL;
  LuwteEvidenceNew entry = { 0 };

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);

  if (self->store == NULL || self->kase == NULL)
    return FALSE;
  entry.url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  if (*entry.url == '\0')
    {
      show_problem (self, _("A message needs at least its address (URL)."));
      return FALSE;
    }
  posted = luwte_time_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->posted_row)));
  if (posted == NULL)
    {
      show_problem (self, _("When it was posted is not a time; write it as 2026-12-31 18:00."));
      return FALSE;
    }
  entry.platform = gtk_editable_get_text (GTK_EDITABLE (self->platform_row));
  entry.account = gtk_editable_get_text (GTK_EDITABLE (self->account_row));
  entry.posted_at = *posted != '\0' ? posted : NULL;
  entry.description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  item = luwte_store_add_evidence (self->store, self->kase, &entry, self->screenshot, &error);
  if (item == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  append_row (self, item);
  g_clear_pointer (&self->screenshot, g_bytes_unref);
  gtk_label_set_text (self->attached_label, _("No screenshot attached. Drop a picture here or choose one."));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->posted_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), "");
  return TRUE;
}

static void
on_add_clicked (LuwteMessagesPage *self)
{
  luwte_messages_page_add_from_form (self);
}

static AdwEntryRow *
add_entry (GtkWidget  *group,
           const char *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  return row;
}

static void
luwte_messages_page_finalize (GObject *object)
{
  LuwteMessagesPage *self = (LuwteMessagesPage *) object;

  g_clear_pointer (&self->screenshot, g_bytes_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->removed);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  G_OBJECT_CLASS (luwte_messages_page_parent_class)->finalize (object);
}

static void
luwte_messages_page_class_init (LuwteMessagesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_messages_page_finalize;
}

static void
luwte_messages_page_init (LuwteMessagesPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *form = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *attach = gtk_button_new_with_mnemonic (_("Attach _Screenshot…"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Message"));
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  self->rows = g_ptr_array_new ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form), _("New Message"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (form),
                                         _("A message found online: where it is, who posted it, and when. Its screenshot is kept without metadata, with its SHA-256."));
  self->url_row = add_entry (form, _("Address (URL)"));
  self->platform_row = add_entry (form, _("Platform"));
  self->account_row = add_entry (form, _("Account"));
  self->posted_row = add_entry (form, _("Posted At (e.g. 2026-12-31 18:00)"));
  self->description_row = add_entry (form, _("What It Says"));

  self->attached_label = GTK_LABEL (gtk_label_new (_("No screenshot attached. Drop a picture here or choose one.")));
  gtk_label_set_xalign (self->attached_label, 0);
  gtk_label_set_wrap (self->attached_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attached_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->attached_label), TRUE);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->attached_label));
  gtk_box_append (GTK_BOX (buttons), attach);
  gtk_box_append (GTK_BOX (buttons), add);

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Messages of This Case"));
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);

  gtk_widget_add_css_class (form, LUWTE_EDIT_ONLY);
  gtk_widget_add_css_class (buttons, LUWTE_EDIT_ONLY);
  gtk_box_append (GTK_BOX (box), form);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_group));
  luwte_page_set_scrolled_content (ADW_BIN (self), box);

  g_signal_connect_object (attach, "clicked", G_CALLBACK (on_attach_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/**
 * luwte_messages_page_set_case:
 * @kase: (nullable)
 */
void
luwte_messages_page_set_case (LuwteMessagesPage *self,
                              LuwteStore        *store,
                              LuwteCase         *kase)
{
  g_return_if_fail (LUWTE_IS_MESSAGES_PAGE (self));
  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);
  refill (self);
}

guint
luwte_messages_page_get_n_messages (LuwteMessagesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), 0);
  return self->items->len;
}

static void
on_undo (LuwteMessagesPage *self)
{
  luwte_messages_page_undo_remove (self);
}

/**
 * luwte_messages_page_remove:
 *
 * Takes the message at @position, with its screenshot, out of the case;
 * the toast offers to undo it.
 */
gboolean
luwte_messages_page_remove (LuwteMessagesPage *self,
                            guint              position)
{
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);
  g_return_val_if_fail (position < self->items->len, FALSE);

  removal = luwte_store_remove (self->store, LUWTE_REMOVAL_EVIDENCE, self->kase,
                                luwte_evidence_get_id (g_ptr_array_index (self->items, position)), &error);
  if (removal == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  g_set_object (&self->removed, removal);
  refill (self);
  luwte_undo_toast_show (GTK_WIDGET (self), _("Message removed from the case"), G_CALLBACK (on_undo));
  return TRUE;
}

/* Brings back the message removed last, with its screenshot. */
gboolean
luwte_messages_page_undo_remove (LuwteMessagesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);

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
