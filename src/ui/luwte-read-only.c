/* luwte-read-only.c — a closed case's pages, readable but not editable
 *
 * Read-only is not insensitive: the text stays at full contrast and
 * selectable, and the pages scroll and open, so a closed case can be read
 * and copied from. Entries and text views stop taking edits, choices stop
 * opening, and whatever only serves to change the case (style class
 * "edit-only") is hidden. Only what this module changed is changed back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-read-only"

#include "config.h"

#include "luwte-read-only.h"

#include <adwaita.h>

#define ROOT_KEY    "luwte-read-only"
#define CHANGED_KEY "luwte-read-only-changed"

/* The arrow of a combo row: the image that says it opens */
static void
set_arrows_visible (GtkWidget *widget,
                    gboolean   visible)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), "pan-down-symbolic") == 0)
        gtk_widget_set_opacity (child, visible ? 1.0 : 0.0);
      else if (!GTK_IS_POPOVER (child))
        set_arrows_visible (child, visible);
    }
}

static void
hide_edit_only (GtkWidget *widget,
                gboolean   read_only)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, LUWTE_EDIT_ONLY))
      gtk_widget_set_visible (child, !read_only);
    else
      hide_edit_only (child, read_only);
}

static void
apply (GtkWidget *widget,
       gboolean   read_only)
{
  gboolean changed = g_object_get_data (G_OBJECT (widget), CHANGED_KEY) != NULL;

  if (gtk_widget_has_css_class (widget, LUWTE_EDIT_ONLY))
    {
      gtk_widget_set_visible (widget, !read_only);
      return;
    }
  /* A choice shows what was chosen, at full contrast, and cannot be
   * opened: neither pointer nor keyboard reach it, and its arrow goes. */
  if (ADW_IS_COMBO_ROW (widget))
    {
      if (read_only && !changed)
        {
          gtk_widget_set_can_target (widget, FALSE);
          gtk_widget_set_focusable (widget, FALSE);
          set_arrows_visible (widget, FALSE);
          g_object_set_data (G_OBJECT (widget), CHANGED_KEY, GINT_TO_POINTER (TRUE));
        }
      else if (!read_only && changed)
        {
          gtk_widget_set_can_target (widget, TRUE);
          gtk_widget_set_focusable (widget, TRUE);
          set_arrows_visible (widget, TRUE);
          g_object_set_data (G_OBJECT (widget), CHANGED_KEY, NULL);
        }
      /* On to what it holds: a remove button beside it. */
    }
  else if (GTK_IS_DROP_DOWN (widget))
    {
      if (read_only && gtk_widget_get_sensitive (widget))
        {
          gtk_widget_set_sensitive (widget, FALSE);
          g_object_set_data (G_OBJECT (widget), CHANGED_KEY, GINT_TO_POINTER (TRUE));
        }
      else if (!read_only && changed)
        {
          gtk_widget_set_sensitive (widget, TRUE);
          g_object_set_data (G_OBJECT (widget), CHANGED_KEY, NULL);
        }
      return;
    }
  if (GTK_IS_TEXT_VIEW (widget))
    {
      if (read_only && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)))
        {
          gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), FALSE);
          gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), FALSE);
          g_object_set_data (G_OBJECT (widget), CHANGED_KEY, GINT_TO_POINTER (TRUE));
        }
      else if (!read_only && changed)
        {
          gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), TRUE);
          gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), TRUE);
          g_object_set_data (G_OBJECT (widget), CHANGED_KEY, NULL);
        }
      return;
    }
  /* An entry row passes this on to the text inside it. */
  if (GTK_IS_EDITABLE (widget))
    {
      if (read_only && gtk_editable_get_editable (GTK_EDITABLE (widget)))
        {
          gtk_editable_set_editable (GTK_EDITABLE (widget), FALSE);
          g_object_set_data (G_OBJECT (widget), CHANGED_KEY, GINT_TO_POINTER (TRUE));
        }
      else if (!read_only && changed)
        {
          gtk_editable_set_editable (GTK_EDITABLE (widget), TRUE);
          g_object_set_data (G_OBJECT (widget), CHANGED_KEY, NULL);
        }
      /* Its own text is done; a suffix that only serves to change it
       * (a calendar to pick from) goes too. */
      if (ADW_IS_ENTRY_ROW (widget))
        {
          hide_edit_only (widget, read_only);
          return;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    apply (child, read_only);
}

/**
 * luwte_read_only_apply:
 * @root: the pages of a case
 *
 * Makes what @root holds now read-only, or editable again. Rows made
 * later ask luwte_read_only_get().
 */
void
luwte_read_only_apply (GtkWidget *root,
                       gboolean   read_only)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  g_object_set_data (G_OBJECT (root), ROOT_KEY, GINT_TO_POINTER (read_only));
  apply (root, read_only);
}

/**
 * luwte_read_only_follow:
 * @page: a page of a case
 * @made: what @page has just made, such as a row
 *
 * Makes @made read-only when @page is, as luwte_read_only_apply() made
 * what was there then; editable again, it goes with the rest.
 */
void
luwte_read_only_follow (GtkWidget *page,
                        GtkWidget *made)
{
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (GTK_IS_WIDGET (made));

  if (luwte_read_only_get (page))
    apply (made, TRUE);
}

/* Returns: whether @widget is inside pages made read-only */
gboolean
luwte_read_only_get (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_object_get_data (G_OBJECT (widget), ROOT_KEY) != NULL)
      return TRUE;
  return FALSE;
}
