/* luwte-undo-toast.c — "… removed" with Undo, in the window's toast overlay
 *
 * Every deletion in Luwte happens at once and can be taken back from the
 * toast; the page that deleted keeps what is needed to undo it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "luwte-undo-toast.h"
#include "luwte-accessible.h"

void
luwte_undo_toast_show (GtkWidget  *page,
                       const char *title,
                       GCallback   undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", undo, page, G_CONNECT_SWAPPED);
  luwte_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
