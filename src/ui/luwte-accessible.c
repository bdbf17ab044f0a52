/* luwte-accessible.c — names for the parts GTK and libadwaita leave unnamed
 *
 * GTK 4.8 gives the rows of a drop-down's list, and the button that opens
 * it, no accessible name of their own; a screen reader then says "list
 * item" and "toggle button". These helpers name them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-accessible"

#include "config.h"

#include "luwte-accessible.h"

#include <glib/gi18n.h>

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *row = gtk_widget_get_parent (label);
  const char *text = gtk_string_object_get_string (string);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* The row is what a screen reader announces. */
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/**
 * luwte_string_item_factory_new:
 *
 * Returns: (transfer full): a factory for a #GtkStringList whose rows
 *   carry their text as their accessible name
 */
GtkListItemFactory *
luwte_string_item_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  return factory;
}

/**
 * luwte_accessible_name_inner:
 * @widget: a composite widget
 * @type: the type of its inner parts to name
 * @label: the name they get
 *
 * Names every descendant of @widget of @type.
 */
void
luwte_accessible_name_inner (GtkWidget  *widget,
                             GType       type,
                             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      luwte_accessible_name_inner (child, type, label);
    }
}

/* The icon-only buttons of @widget's descendants: a toast's close button. */
static void
name_icon_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"), -1);
      name_icon_buttons (child);
    }
}

/* libadwaita's toast widget is private: known by its type's name. */
static void
name_toast_widgets (GtkWidget *overlay)
{
  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      name_icon_buttons (child);
}

/**
 * luwte_accessible_add_toast:
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast, and names the close button that libadwaita 1.2 leaves
 * unnamed, on this toast and on the one shown after it.
 */
void
luwte_accessible_add_toast (AdwToastOverlay *overlay,
                            AdwToast        *toast)
{
  /* The overlay shows the next toast when this one goes; its handler was
   * connected first, so the next one's widget is there for ours. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (name_toast_widgets), overlay, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (overlay, toast);
  name_toast_widgets (GTK_WIDGET (overlay));
}
