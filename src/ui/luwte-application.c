/* luwte-application.c — the Luwte application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte"

#include "config.h"

#include "luwte-application.h"
#include "luwte-card.h"
#include "luwte-store.h"
#include "luwte-window.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

struct _LuwteApplication
{
  AdwApplication  parent_instance;

  LuwteCard      *card;
  GError         *card_problem;
  LuwteStore     *store;
  GError         *store_problem;
};

G_DEFINE_FINAL_TYPE (LuwteApplication, luwte_application, ADW_TYPE_APPLICATION)

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LuwteApplication *self = user_data;
  const char *developers[] = { "Luwte developers", NULL };
  g_autofree char *card_credits = NULL;
  g_autofree char *card_title = NULL;
  LuwteLanguage language = luwte_language_from_locale ();
  GtkWidget *about;

  card_title = g_markup_escape_text (luwte_localized_get (luwte_card_get_title (self->card), language), -1);
  /* The licence text is markup; the card may be a user's own file. */
  card_credits = g_markup_printf_escaped ("%s\n\n%s",
                                  luwte_localized_get (luwte_card_get_credits (self->card), language),
                                  _("Luwte shows the card with the makers' words; the legal notes, the escalation ladder and the English translation are Luwte's own and are no legal advice."));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", "Luwte",
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("Luwte developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/luwte/luwte",
                        "issue-url", "https://github.com/luwte/luwte/issues",
                        "comments", _("The intervention card and a case workspace for public-order disturbances stirred up online."),
                        "developers", developers,
                        "copyright", "© 2026 Luwte developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: put your name here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Intervention Card"),
                                       (const char **) luwte_card_get_makers (self->card));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), card_title, NULL,
                                      GTK_LICENSE_CUSTOM, card_credits);
  gtk_window_present (GTK_WINDOW (about));
}

/* Built when asked for, not with every window as GtkApplication's
 * automatic help overlay would: it is a large tree of widgets. */
static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/luwte-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window once lets it store what is typed; a window that
   * could not store it stays open and says so, and the application with it. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "shortcuts", .activate = shortcuts_action },
  { .name = "quit", .activate = quit_action },
};

static void
on_first_frame (GdkFrameClock    *clock,
                LuwteApplication *self)
{
  /* For the start-up benchmark: the time the first frame was painted on
   * the monotonic clock, which the benchmark shares. */
  g_autofree char *status = NULL;
  const char *hwm;
  struct rusage usage;

  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  /* And the peak resident memory so far, for the memory benchmark. */
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    printf ("peak-rss-kb %ld\n", strtol (hwm + strlen ("VmHWM:"), NULL, 10));
  /* And the CPU time of all its threads so far, which other work on the
   * machine does not lengthen. */
  if (getrusage (RUSAGE_SELF, &usage) == 0)
    printf ("cpu-us %" G_GINT64_FORMAT "\n",
            (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
            usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  g_application_quit (G_APPLICATION (self));
}

static void
on_window_realize (GtkWidget        *window,
                   LuwteApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

static void
luwte_application_startup (GApplication *application)
{
  LuwteApplication *self = LUWTE_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (luwte_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  self->card = luwte_card_load (&self->card_problem);
  if (self->card_problem != NULL)
    g_warning ("Own card not used: %s", self->card_problem->message);

  /* A database that cannot be opened leaves the card usable; the cases
   * page says what is wrong. */
  self->store = luwte_store_open (NULL, &self->store_problem);
}

static void
luwte_application_activate (GApplication *application)
{
  LuwteApplication *self = LUWTE_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (luwte_window_new (GTK_APPLICATION (self), self->card, self->card_problem,
                                             self->store, self->store_problem));
      if (g_getenv ("LUWTE_EXIT_AFTER_FIRST_FRAME") != NULL)
        g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize), self, 0);
    }
  gtk_window_present (window);
}

static void
luwte_application_finalize (GObject *object)
{
  LuwteApplication *self = (LuwteApplication *) object;

  g_clear_object (&self->card);
  g_clear_error (&self->card_problem);
  g_clear_object (&self->store);
  g_clear_error (&self->store_problem);

  G_OBJECT_CLASS (luwte_application_parent_class)->finalize (object);
}

static void
luwte_application_class_init (LuwteApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = luwte_application_finalize;
  app_class->startup = luwte_application_startup;
  app_class->activate = luwte_application_activate;
}

static void
luwte_application_init (LuwteApplication *self)
{
}

LuwteApplication *
luwte_application_new (void)
{
  return g_object_new (LUWTE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
