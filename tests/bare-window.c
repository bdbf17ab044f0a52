/* bare-window.c — the yardsticks for the start-up benchmark: an empty GTK 4
 * application window, started and measured exactly as Luwte is; built
 * with BARE_ADWAITA, an empty libadwaita application window, which tells
 * libadwaita's own share of Luwte's start-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef BARE_ADWAITA
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static void
on_first_frame (GdkFrameClock  *clock,
                GtkApplication *app)
{
  g_autofree char *status = NULL;
  const char *hwm;
  struct rusage usage;

  printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
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
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, app);
  g_application_quit (G_APPLICATION (app));
}

static void
on_realize (GtkWidget      *window,
            GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_frame), app);
}

static void
on_activate (GtkApplication *app)
{
#ifdef BARE_ADWAITA
  GtkWidget *window = adw_application_window_new (app);
#else
  GtkWidget *window = gtk_application_window_new (app);
#endif

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
#ifdef BARE_ADWAITA
  g_autoptr(GtkApplication) app = GTK_APPLICATION (adw_application_new ("io.github.luwte.BareAdwWindow",
                                                                        G_APPLICATION_DEFAULT_FLAGS));
#else
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.luwte.BareWindow", G_APPLICATION_DEFAULT_FLAGS);
#endif

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
