/* luwte-time-entry.c — a time field that writes out what was typed
 *
 * A time field takes what people type, "vrijdag 22:00" or "morgen 9:30"
 * (see luwte_time_parse_typed()). When the cursor leaves the field, or
 * Enter is pressed in it, the text becomes the date and time it was read
 * as: stored again later, with another field of the case, a day named
 * relative to today would move with the calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-time-entry.h"
#include "luwte-time.h"

#include <adwaita.h>
#include <string.h>

/* As the pages fill their time fields. */
#define SHOWN_FORMAT "%F %R"

static void
write_out (GtkEditable *field)
{
  const char *text = gtk_editable_get_text (field);
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;

  /* ISO 8601 as typed stays: it may hold seconds the field does not show. */
  if (strlen (text) >= 5 && strspn (text, "0123456789") == 4 && text[4] == '-')
    return;
  stored = luwte_time_parse_typed (text);
  if (stored == NULL || *stored == '\0')
    return;
  shown = luwte_time_format_local (stored, SHOWN_FORMAT);
  if (strcmp (shown, text) != 0)
    gtk_editable_set_text (field, shown);
}

static void
on_leave (GtkEventControllerFocus *focus)
{
  write_out (GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

/**
 * luwte_time_entry_follow:
 * @field: an #AdwEntryRow or another #GtkEditable that takes a time
 *
 * Writes out @field's time when the cursor leaves it or Enter is pressed.
 */
void
luwte_time_entry_follow (GtkWidget *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_return_if_fail (GTK_IS_EDITABLE (field));

  g_signal_connect (focus, "leave", G_CALLBACK (on_leave), NULL);
  gtk_widget_add_controller (field, focus);
  if (ADW_IS_ENTRY_ROW (field))
    g_signal_connect (field, "entry-activated", G_CALLBACK (write_out), NULL);
  else
    g_signal_connect_after (field, "activate", G_CALLBACK (write_out), NULL);
}
