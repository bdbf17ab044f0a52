/* luwte-page.c — the shape every workspace page shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-page"

#include "config.h"

#include "luwte-page.h"

/* The GNOME page shape: @content with margins, clamped to a readable
 * width, scrolling vertically, as @page's child. */
void
luwte_page_set_scrolled_content (AdwBin    *page,
                                 GtkWidget *content)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (page, scroller);
}

/* A widget just added has no place on the page until the next frame, and
 * a row that opens grows for a moment: the page follows it frame by frame
 * until it stays put, for at most this many frames. One request per page:
 * the latest wins. */
#define SCROLL_MAX_FRAMES 60

typedef struct {
  GtkWidget *target;        /* weak */
  guint      tick_id;
  gboolean   waiting_for_map;
  int        last_height;
  guint      frames;
} ScrollRequest;

static GQuark
scroll_request_quark (void)
{
  return g_quark_from_static_string ("luwte-page-scroll-request");
}

static void
scroll_request_free (gpointer data)
{
  ScrollRequest *request = data;

  g_clear_weak_pointer (&request->target);
  g_free (request);
}

static gboolean
scroll_tick (GtkWidget     *scroller,
             GdkFrameClock *clock,
             gpointer       data)
{
  ScrollRequest *request = data;
  GtkWidget *widget = request->target;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;
  double top;
  double bottom;
  double page = gtk_widget_get_height (scroller);
  double shift = 0;
  int height;

  if (widget == NULL || ++request->frames > SCROLL_MAX_FRAMES)
    goto done;
  height = gtk_widget_get_height (widget);
  if (height == 0 || !gtk_widget_compute_bounds (widget, scroller, &bounds))
    return G_SOURCE_CONTINUE;

  /* Its top first: all of it when it fits, else as much as fits. */
  top = bounds.origin.y;
  bottom = top + bounds.size.height;
  if (top < 0)
    shift = top;
  else if (bottom > page)
    shift = MIN (top, bottom - page);
  if (shift != 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
  if (height != request->last_height || shift != 0)
    {
      request->last_height = height;
      return G_SOURCE_CONTINUE;
    }

done:
  request->tick_id = 0;
  g_object_set_qdata (G_OBJECT (scroller), scroll_request_quark (), NULL);
  return G_SOURCE_REMOVE;
}

static void
start_scrolling (GtkWidget *scroller)
{
  ScrollRequest *request = g_object_get_qdata (G_OBJECT (scroller), scroll_request_quark ());

  g_signal_handlers_disconnect_by_func (scroller, start_scrolling, NULL);
  if (request == NULL || request->tick_id != 0)
    return;
  request->waiting_for_map = FALSE;
  request->tick_id = gtk_widget_add_tick_callback (scroller, scroll_tick, request, NULL);
}

/**
 * luwte_page_scroll_into_view:
 * @widget: a widget inside a page's scrolled window
 *
 * Scrolls the page so @widget shows, once it has its place (and, on a
 * page not shown, once the page shows): for a row just added, which
 * GtkViewport's own scrolling to the focus cannot place yet.
 */
void
luwte_page_scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller;
  ScrollRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL)
    return;
  request = g_object_get_qdata (G_OBJECT (scroller), scroll_request_quark ());
  if (request == NULL)
    {
      request = g_new0 (ScrollRequest, 1);
      g_object_set_qdata_full (G_OBJECT (scroller), scroll_request_quark (), request, scroll_request_free);
    }
  g_set_weak_pointer (&request->target, widget);
  request->last_height = -1;
  request->frames = 0;
  if (request->tick_id != 0 || request->waiting_for_map)
    return;
  if (gtk_widget_get_mapped (scroller))
    start_scrolling (scroller);
  else
    {
      request->waiting_for_map = TRUE;
      g_signal_connect (scroller, "map", G_CALLBACK (start_scrolling), NULL);
    }
}

static void
on_expanded (AdwExpanderRow *row)
{
  if (adw_expander_row_get_expanded (row))
    luwte_page_scroll_into_view (GTK_WIDGET (row));
}

/**
 * luwte_page_follow_expander:
 * @row: a row of a page's list
 *
 * Whenever @row opens, scrolls the page so it shows: its header, and
 * what it opened to as far as that fits, not left below the fold.
 */
void
luwte_page_follow_expander (AdwExpanderRow *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (on_expanded), NULL);
}

/**
 * luwte_page_add_entry_row:
 * @row: an expander row of a page's list
 * @title: what the field holds, shown in it
 * @text: (nullable): its text
 *
 * Returns: (transfer none): a one-line field added to what @row opens to
 */
AdwEntryRow *
luwte_page_add_entry_row (AdwExpanderRow *row,
                          const char     *title,
                          const char     *text)
{
  AdwEntryRow *entry = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  adw_expander_row_add_row (row, GTK_WIDGET (entry));
  return entry;
}
