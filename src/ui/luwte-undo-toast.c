/* luwte-undo-toast.c — "… removed" with Undo, in the window's toast overlay
 *
 * Every deletion in Luwte happens at once and can be taken back from the
 * toast, or with Ctrl+Z while the toast is there; the page that deleted
 * keeps what is needed to undo it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "luwte-undo-toast.h"
#include "luwte-accessible.h"

/* On the overlay: the undo toast shown last, until it is dismissed. */
#define LAST_TOAST_KEY "luwte-undo-toast-last"

static void
on_dismissed (AdwToast        *toast,
              AdwToastOverlay *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), LAST_TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (overlay), LAST_TOAST_KEY, NULL);
}

static void
show (GtkWidget  *page,
      const char *title,
      GCallback   undo,
      guint       timeout)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, timeout);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", undo, page, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_dismissed), overlay, 0);
  g_object_set_data_full (G_OBJECT (overlay), LAST_TOAST_KEY, g_object_ref (toast), g_object_unref);
  luwte_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
luwte_undo_toast_show (GtkWidget  *page,
                       const char *title,
                       GCallback   undo)
{
  /* libadwaita's own default. */
  show (page, title, undo, 5);
}

void
luwte_undo_toast_show_until_dismissed (GtkWidget  *page,
                                       const char *title,
                                       GCallback   undo)
{
  show (page, title, undo, 0);
}

/**
 * luwte_undo_toast_get_last:
 * @overlay: the window's toast overlay
 *
 * Returns: (nullable) (transfer none): the undo toast shown last in
 *   @overlay, while it is shown
 */
AdwToast *
luwte_undo_toast_get_last (AdwToastOverlay *overlay)
{
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);
  return g_object_get_data (G_OBJECT (overlay), LAST_TOAST_KEY);
}

/**
 * luwte_undo_toast_undo_last:
 * @overlay: the window's toast overlay
 *
 * Undoes what the undo toast shown last in @overlay offers to undo, as
 * its button does, while it is shown.
 *
 * Returns: %TRUE when there was something to undo
 */
gboolean
luwte_undo_toast_undo_last (AdwToastOverlay *overlay)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);

  toast = g_object_steal_data (G_OBJECT (overlay), LAST_TOAST_KEY);
  if (toast == NULL)
    return FALSE;
  g_signal_emit_by_name (toast, "button-clicked");
  /* The toast stays its time and says so: dismissing it here, while
   * another toast may be coming or going, trips libadwaita 1.2's toast
   * overlay. */
  adw_toast_set_title (toast, _("Undone"));
  adw_toast_set_button_label (toast, NULL);
  return TRUE;
}
