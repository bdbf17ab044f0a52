/* luwte-window.c — the main window
 *
 * Remembers its size and state, and the intervention last viewed, so the
 * officer finds the card as they left it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-window"

#include "config.h"

#include "luwte-window.h"

#include <glib/gi18n.h>

struct _LuwteWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  LuwteCardBrowser     *card_browser;
};

G_DEFINE_FINAL_TYPE (LuwteWindow, luwte_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
luwte_window_close_request (GtkWindow *window)
{
  LuwteWindow *self = LUWTE_WINDOW (window);
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (luwte_card_browser_get_group_number (self->card_browser) > 0)
    g_settings_set_int (self->settings, "last-group", (int) luwte_card_browser_get_group_number (self->card_browser));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (luwte_window_parent_class)->close_request (window);
}

static void
luwte_window_dispose (GObject *object)
{
  G_OBJECT_CLASS (luwte_window_parent_class)->dispose (object);
}

static void
luwte_window_finalize (GObject *object)
{
  LuwteWindow *self = (LuwteWindow *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (luwte_window_parent_class)->finalize (object);
}

static void
luwte_window_class_init (LuwteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = luwte_window_dispose;
  object_class->finalize = luwte_window_finalize;
  window_class->close_request = luwte_window_close_request;

  g_type_ensure (LUWTE_TYPE_CARD_BROWSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LuwteWindow, card_browser);
}

static void
luwte_window_init (LuwteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  luwte_card_browser_set_key_capture_widget (self->card_browser, GTK_WIDGET (self));
}

/**
 * luwte_window_new:
 * @application: (nullable): the application
 * @card: the card to show
 * @card_problem: (nullable): why the user's own card was not used
 */
LuwteWindow *
luwte_window_new (GtkApplication *application,
                  LuwteCard      *card,
                  const GError   *card_problem)
{
  LuwteWindow *self;
  g_autofree char *last = NULL;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LUWTE_IS_CARD (card), NULL);

  self = g_object_new (LUWTE_TYPE_WINDOW, "application", application, NULL);
  luwte_card_browser_set_card (self->card_browser, card, luwte_language_from_locale ());

  last = g_settings_get_string (self->settings, "last-intervention");
  if (!luwte_card_browser_show_intervention (self->card_browser, last))
    luwte_card_browser_select_group (self->card_browser, (guint) g_settings_get_int (self->settings, "last-group"));
  g_settings_bind (self->settings, "last-intervention", self->card_browser, "intervention-id", G_SETTINGS_BIND_SET);

  if (card_problem != NULL)
    {
      g_autofree char *problem = g_markup_escape_text (card_problem->message, -1);
      /* The toast's title is Pango markup in libadwaita 1.2: escape. */
      g_autofree char *title = g_strdup_printf (_("Your own card was not used: %s. The built-in card is shown."),
                                                problem);
      AdwToast *toast = adw_toast_new (title);

      /* Stays until dismissed: the user should fix their card. */
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  return self;
}

LuwteCardBrowser *
luwte_window_get_card_browser (LuwteWindow *self)
{
  g_return_val_if_fail (LUWTE_IS_WINDOW (self), NULL);
  return self->card_browser;
}
