/* luwte-preferences-window.c — the municipality's details for letters
 *
 * Like everything in Luwte, stored as it is typed: half a second after the
 * last key, and at once when the window closes. A value the profile
 * refuses (an e-mail address without @, a prefix in lower case) marks its
 * row and says why; the stored value stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "luwte-preferences-window.h"

#define SAVE_DELAY_MS 500

struct _LuwtePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  LuwteStore           *store;
  GtkWidget            *rows[LUWTE_PROFILE_N_KEYS];   /* entry rows; NULL for address and logo */
  gboolean              dirty[LUWTE_PROFILE_N_KEYS];
  guint                 save_source;
  gboolean              filling;

  AdwEntryRow          *municipality_row;
  AdwEntryRow          *mayor_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *sender_name_row;
  AdwEntryRow          *sender_role_row;
  AdwEntryRow          *reference_prefix_row;
  AdwActionRow         *logo_row;
  GtkWidget            *logo_choose_button;
  GtkWidget            *logo_clear_button;
  GtkTextView          *address_view;
};

G_DEFINE_FINAL_TYPE (LuwtePreferencesWindow, luwte_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
typed_value (LuwtePreferencesWindow *self,
             LuwteProfileKey         key)
{
  if (key == LUWTE_PROFILE_ADDRESS)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
      GtkTextIter start;
      GtkTextIter end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[key])));
}

static gboolean
save_key (LuwtePreferencesWindow *self,
          LuwteProfileKey         key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = typed_value (self, key);
  GtkWidget *widget = key == LUWTE_PROFILE_ADDRESS ? GTK_WIDGET (self->address_view) : self->rows[key];

  if (!luwte_profile_set (self->store, key, value, &error))
    {
      gtk_widget_add_css_class (widget, "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      /* A refused value stays dirty: closing tries once more. */
      return FALSE;
    }
  gtk_widget_remove_css_class (widget, "error");
  self->dirty[key] = FALSE;
  return TRUE;
}

/**
 * luwte_preferences_window_flush:
 *
 * Stores what is typed and not yet stored.
 *
 * Returns: %FALSE when a value was refused (the user was told)
 */
gboolean
luwte_preferences_window_flush (LuwtePreferencesWindow *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (LUWTE_IS_PREFERENCES_WINDOW (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  for (LuwteProfileKey key = 0; key < LUWTE_PROFILE_N_KEYS; key++)
    if (self->dirty[key])
      ok = save_key (self, key) && ok;
  return ok;
}

static gboolean
save_timeout (gpointer user_data)
{
  LuwtePreferencesWindow *self = user_data;

  self->save_source = 0;
  luwte_preferences_window_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (LuwtePreferencesWindow *self,
            LuwteProfileKey         key)
{
  if (self->filling)
    return;
  self->dirty[key] = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

static void
on_entry_changed (GtkEditable            *editable,
                  LuwtePreferencesWindow *self)
{
  on_changed (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "profile-key")));
}

static void
on_address_changed (LuwtePreferencesWindow *self)
{
  on_changed (self, LUWTE_PROFILE_ADDRESS);
}

static void
show_logo (LuwtePreferencesWindow *self)
{
  g_autofree char *logo = luwte_profile_get (self->store, LUWTE_PROFILE_LOGO);

  adw_action_row_set_subtitle (self->logo_row, *logo != '\0' ? logo : _("None; letters have the municipality’s name only"));
  gtk_widget_set_sensitive (self->logo_clear_button, *logo != '\0');
}

/* Returns: %FALSE when @path cannot be the logo (the user was told) */
gboolean
luwte_preferences_window_set_logo (LuwtePreferencesWindow *self,
                                   const char             *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_PREFERENCES_WINDOW (self), FALSE);

  if (!luwte_profile_set (self->store, LUWTE_PROFILE_LOGO, path != NULL ? path : "", &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return FALSE;
    }
  show_logo (self);
  return TRUE;
}

static void
on_logo_response (GtkNativeDialog        *dialog,
                  int                     response,
                  LuwtePreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        luwte_preferences_window_set_logo (self, path);
    }
  g_object_unref (dialog);
}

static void
on_logo_choose (LuwtePreferencesWindow *self)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PNG or SVG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_logo_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_logo_clear (LuwtePreferencesWindow *self)
{
  luwte_preferences_window_set_logo (self, "");
}

static gboolean
on_close_request (LuwtePreferencesWindow *self)
{
  luwte_preferences_window_flush (self);
  return FALSE;
}

static void
luwte_preferences_window_dispose (GObject *object)
{
  LuwtePreferencesWindow *self = LUWTE_PREFERENCES_WINDOW (object);

  if (self->store != NULL)
    luwte_preferences_window_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  G_OBJECT_CLASS (luwte_preferences_window_parent_class)->dispose (object);
}

static void
luwte_preferences_window_finalize (GObject *object)
{
  LuwtePreferencesWindow *self = LUWTE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (luwte_preferences_window_parent_class)->finalize (object);
}

static void
luwte_preferences_window_class_init (LuwtePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luwte_preferences_window_dispose;
  object_class->finalize = luwte_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, mayor_row);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, sender_name_row);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, sender_role_row);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, reference_prefix_row);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, logo_choose_button);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, logo_clear_button);
  gtk_widget_class_bind_template_child (widget_class, LuwtePreferencesWindow, address_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
luwte_preferences_window_init (LuwtePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows[LUWTE_PROFILE_MUNICIPALITY] = GTK_WIDGET (self->municipality_row);
  self->rows[LUWTE_PROFILE_MAYOR] = GTK_WIDGET (self->mayor_row);
  self->rows[LUWTE_PROFILE_SENDER_NAME] = GTK_WIDGET (self->sender_name_row);
  self->rows[LUWTE_PROFILE_SENDER_ROLE] = GTK_WIDGET (self->sender_role_row);
  self->rows[LUWTE_PROFILE_PHONE] = GTK_WIDGET (self->phone_row);
  self->rows[LUWTE_PROFILE_EMAIL] = GTK_WIDGET (self->email_row);
  self->rows[LUWTE_PROFILE_REFERENCE_PREFIX] = GTK_WIDGET (self->reference_prefix_row);

  for (LuwteProfileKey key = 0; key < LUWTE_PROFILE_N_KEYS; key++)
    if (self->rows[key] != NULL)
      {
        g_object_set_data (G_OBJECT (self->rows[key]), "profile-key", GUINT_TO_POINTER (key));
        g_signal_connect_object (self->rows[key], "changed", G_CALLBACK (on_entry_changed), self, 0);
      }
  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (on_address_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->logo_choose_button, "clicked", G_CALLBACK (on_logo_choose), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->logo_clear_button, "clicked", G_CALLBACK (on_logo_clear), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

LuwtePreferencesWindow *
luwte_preferences_window_new (GtkWindow  *parent,
                              LuwteStore *store)
{
  LuwtePreferencesWindow *self;

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);

  self = g_object_new (LUWTE_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->filling = TRUE;
  for (LuwteProfileKey key = 0; key < LUWTE_PROFILE_N_KEYS; key++)
    {
      g_autofree char *value = luwte_profile_get (store, key);

      if (self->rows[key] != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->rows[key]), value);
      else if (key == LUWTE_PROFILE_ADDRESS)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view), value, -1);
    }
  self->filling = FALSE;
  show_logo (self);
  return self;
}

/* Returns: (transfer none) (nullable): the entry of @key; for tests */
GtkEditable *
luwte_preferences_window_get_entry (LuwtePreferencesWindow *self,
                                    LuwteProfileKey         key)
{
  g_return_val_if_fail (LUWTE_IS_PREFERENCES_WINDOW (self), NULL);
  return self->rows[key] != NULL ? GTK_EDITABLE (self->rows[key]) : NULL;
}
