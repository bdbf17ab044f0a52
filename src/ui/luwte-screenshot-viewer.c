/* luwte-screenshot-viewer.c — a message's screenshot, in a window of its own
 *
 * The screenshot kept as evidence, scaled to the window and readable at
 * full size when the window is made larger; Escape closes it. The picture
 * was cleaned when it was attached (see luwte_store_add_evidence()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-screenshot-viewer.h"
#include "luwte-accessible.h"

#include <glib/gi18n.h>

static void
tell (GtkWidget  *from,
      const char *problem)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  /* The toast's title is Pango markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (problem, -1);
  /* TRANSLATORS: %s is why, in words */
  g_autofree char *text = g_strdup_printf (_("The screenshot cannot be shown: %s"), escaped);

  if (overlay != NULL)
    luwte_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/**
 * luwte_screenshot_viewer_show:
 * @from: the widget asking, for the window above which it opens
 *
 * Returns: (transfer none) (nullable): the window shown, or %NULL when
 *   the screenshot could not be read (the user was told why)
 */
GtkWindow *
luwte_screenshot_viewer_show (GtkWidget     *from,
                              LuwteStore    *store,
                              LuwteEvidence *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = luwte_store_get_screenshot (store, item, &error);
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *window, *view, *header, *picture, *scrolled;
  GtkEventController *keys;

  if (bytes == NULL)
    {
      tell (from, error != NULL ? error->message : _("only its SHA-256 is kept in Luwte"));
      return NULL;
    }
  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      tell (from, error->message);
      return NULL;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), luwte_evidence_get_url (item));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (from)));
  gtk_window_set_default_size (GTK_WINDOW (window),
                               CLAMP (gdk_texture_get_width (texture) + 24, 360, 1000),
                               CLAMP (gdk_texture_get_height (texture) + 72, 300, 800));
  view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Screenshot"), luwte_evidence_get_url (item)));
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), luwte_evidence_get_description (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Screenshot of the message"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), picture);
  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), scrolled);
  adw_window_set_content (ADW_WINDOW (window), view);

  /* Escape closes it, as a dialog. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
