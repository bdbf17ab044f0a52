/* luwte-time-entry.c — a time field that writes out what was typed
 *
 * A time field takes what people type, "vrijdag 22:00" or "morgen 9:30"
 * (see luwte_time_parse_typed()). When the cursor leaves the field, or
 * Enter is pressed in it, the text becomes the date and time it was read
 * as: stored again later, with another field of the case, a day named
 * relative to today would move with the calendar.
 *
 * A field in a row also has a button that opens a calendar with the hour
 * and minute, for who would rather pick a day than type one. Its popover
 * is made the first time it opens: a page can hold many time fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-time-entry.h"
#include "luwte-read-only.h"
#include "luwte-time.h"

#include <adwaita.h>
#include <glib/gi18n.h>
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

/* The calendar of one field, made when it first opens */
typedef struct {
  GtkWidget     *field;      /* the row it belongs to, which holds it */
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
} Picker;

/* The field's time, or else the next quarter of an hour from now */
static GDateTime *
picker_start (Picker *picker)
{
  g_autofree char *typed = luwte_time_parse_typed (gtk_editable_get_text (GTK_EDITABLE (picker->field)));
  g_autoptr(GDateTime) utc = typed != NULL && *typed != '\0' ? g_date_time_new_from_iso8601 (typed, NULL) : NULL;
  g_autoptr(GDateTime) now = NULL;

  if (utc != NULL)
    return g_date_time_to_local (utc);
  now = g_date_time_new_now_local ();
  return g_date_time_add_minutes (now, 15 - g_date_time_get_minute (now) % 15);
}

static void
on_pick (Picker *picker)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (picker->calendar);
  g_autoptr(GDateTime) chosen = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                       g_date_time_get_day_of_month (day),
                                                       gtk_spin_button_get_value_as_int (picker->hour),
                                                       gtk_spin_button_get_value_as_int (picker->minute), 0);
  g_autofree char *shown = chosen != NULL ? g_date_time_format (chosen, SHOWN_FORMAT) : NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (picker->calendar), GTK_TYPE_POPOVER);

  if (shown != NULL)
    gtk_editable_set_text (GTK_EDITABLE (picker->field), shown);
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (picker->field);
}

static gboolean
on_clock_key (GtkEventControllerKey *keys,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              Picker                *picker)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  gtk_spin_button_update (GTK_SPIN_BUTTON (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys))));
  on_pick (picker);
  return TRUE;
}

static GtkWidget *
time_spin (int         upper,
           const char *name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return spin;
}

/* Two digits, as a clock shows them */
static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkWidget *
make_popover (Picker *picker)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clock = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *hour = time_spin (23, _("Hour"));
  GtkWidget *minute = time_spin (59, _("Minute"));
  GtkWidget *set = gtk_button_new_with_mnemonic (_("_Set"));

  picker->calendar = GTK_CALENDAR (gtk_calendar_new ());
  picker->hour = GTK_SPIN_BUTTON (hour);
  picker->minute = GTK_SPIN_BUTTON (minute);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->calendar));

  gtk_widget_set_halign (clock, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (clock), hour);
  gtk_box_append (GTK_BOX (clock), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (clock), minute);
  gtk_box_append (GTK_BOX (box), clock);
  for (GtkWidget *spin = hour; spin != NULL; spin = spin == hour ? minute : NULL)
    {
      /* Enter in the clock sets the time, as the button does (GTK 4.8's
       * spin button has no "activate" of its own). */
      GtkEventController *keys = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_clock_key), picker);
      gtk_widget_add_controller (spin, keys);
      g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), NULL);
    }

  gtk_widget_add_css_class (set, "suggested-action");
  g_signal_connect_swapped (set, "clicked", G_CALLBACK (on_pick), picker);
  gtk_box_append (GTK_BOX (box), set);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), set);
  return popover;
}

/* Each time it opens: the day and time the field holds now. */
static void
on_create_popup (GtkMenuButton *button,
                 gpointer       data)
{
  Picker *picker = data;
  g_autoptr(GDateTime) start = picker_start (picker);

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_popover (button, make_popover (picker));
  gtk_calendar_select_day (picker->calendar, start);
  gtk_spin_button_set_value (picker->hour, g_date_time_get_hour (start));
  gtk_spin_button_set_value (picker->minute, g_date_time_get_minute (start));
}

static void
add_picker (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  Picker *picker = g_new0 (Picker, 1);

  picker->field = GTK_WIDGET (row);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Choosing changes the case: not in a closed one. */
  gtk_widget_add_css_class (button, LUWTE_EDIT_ONLY);
  gtk_widget_set_tooltip_text (button, _("Choose From a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the date and time from a calendar"), -1);
  g_object_set_data_full (G_OBJECT (button), "luwte-time-picker", picker, g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), on_create_popup, picker, NULL);
  adw_entry_row_add_suffix (row, button);
}

/**
 * luwte_time_entry_follow:
 * @field: an #AdwEntryRow or another #GtkEditable that takes a time
 *
 * Writes out @field's time when the cursor leaves it or Enter is pressed;
 * a row also gets a calendar to pick the day and time from.
 */
void
luwte_time_entry_follow (GtkWidget *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_return_if_fail (GTK_IS_EDITABLE (field));

  g_signal_connect (focus, "leave", G_CALLBACK (on_leave), NULL);
  gtk_widget_add_controller (field, focus);
  if (ADW_IS_ENTRY_ROW (field))
    {
      g_signal_connect (field, "entry-activated", G_CALLBACK (write_out), NULL);
      add_picker (ADW_ENTRY_ROW (field));
    }
  else
    g_signal_connect_after (field, "activate", G_CALLBACK (write_out), NULL);
}
