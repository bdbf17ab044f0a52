/* ui-test-widgets.c — finding widgets and letting the main loop run, for
 * the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ui-test-widgets.h"

/* The first widget in @widget (itself included, depth first) that @match
 * says yes to, or NULL */
GtkWidget *
ui_find_matching (GtkWidget     *widget,
                  UiWidgetMatch  match,
                  gconstpointer  data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

/* The first widget of @type in @widget, itself included, or NULL */
GtkWidget *
ui_find_of_type (GtkWidget *widget,
                 GType      type)
{
  return ui_find_matching (widget, is_of_type, &type);
}

/* Runs what is pending; bounded, so that a widget that keeps scheduling
 * work (an animation) cannot hang a test. */
void
ui_wait_idle (void)
{
  for (int i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}
