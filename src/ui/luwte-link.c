/* luwte-link.c — a message's web address: opened in the browser, copied
 *
 * The addresses are those of the messages that stir up a disturbance,
 * as the officer typed or pasted them: only web addresses are handed to
 * the browser, never a file or a script.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-link.h"
#include "luwte-accessible.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* Returns: %TRUE when @url is a web address (http or https) */
gboolean
luwte_link_can_open (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || !g_utf8_validate (url, -1, NULL))
    return FALSE;
  for (const char *c = url; *c != '\0'; c++)
    if ((guchar) *c <= ' ' || *c == 0x7f)
      return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_str_equal (scheme, "https") || g_str_equal (scheme, "http")) && host != NULL && *host != '\0';
}

static void
tell (GtkWidget  *from,
      const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    luwte_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GtkWidget) from = data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* The toast's title is Pango markup in libadwaita 1.2. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      /* TRANSLATORS: %s is why, e.g. "No application is registered as handling this file" */
      g_autofree char *text = g_strdup_printf (_("The browser could not be opened: %s"), escaped);

      tell (from, text);
    }
}

/**
 * luwte_link_open:
 * @from: the widget asking, for the window and its toasts
 *
 * Opens @url in the browser, when it is a web address.
 */
void
luwte_link_open (GtkWidget  *from,
                 const char *url)
{
  GtkNative *native = gtk_widget_get_native (from);
  g_autoptr(GAppLaunchContext) context = NULL;

  if (!luwte_link_can_open (url))
    {
      tell (from, _("Only web addresses (http or https) are opened"));
      return;
    }
  if (native != NULL)
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (from)));
  g_app_info_launch_default_for_uri_async (url, context, NULL, on_launched, g_object_ref (from));
}

/* Puts @url on the clipboard, and says so. */
void
luwte_link_copy (GtkWidget  *from,
                 const char *url)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (from), url);
  tell (from, _("Address copied"));
}
