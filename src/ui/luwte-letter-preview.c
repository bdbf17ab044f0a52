/* luwte-letter-preview.c — one page of a letter, as it will be printed
 *
 * Draws the same LuwteLetterLayout as the PDF and the printer, scaled to
 * the width it is given: what the officer sees is what is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "luwte-letter-preview.h"

struct _LuwteLetterPreview
{
  GtkWidget          parent_instance;

  LuwteLetterLayout *layout;
  int                page;
};

G_DEFINE_FINAL_TYPE (LuwteLetterPreview, luwte_letter_preview, GTK_TYPE_WIDGET)

static void
luwte_letter_preview_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 420;
    }
  else
    {
      int width = for_size > 0 ? for_size : 420;

      /* As tall as an A4 page of that width. */
      *minimum = *natural = (int) (width * LUWTE_LETTER_PAGE_HEIGHT / LUWTE_LETTER_PAGE_WIDTH);
    }
  *minimum_baseline = *natural_baseline = -1;
}

static GtkSizeRequestMode
luwte_letter_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
luwte_letter_preview_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LuwteLetterPreview *self = LUWTE_LETTER_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale = MIN (width / LUWTE_LETTER_PAGE_WIDTH, height / LUWTE_LETTER_PAGE_HEIGHT);
  double page_width = LUWTE_LETTER_PAGE_WIDTH * scale;
  double page_height = LUWTE_LETTER_PAGE_HEIGHT * scale;
  double x = (width - page_width) / 2;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Paper is white in light and dark style alike. */
  cairo_rectangle (cr, x, 0, page_width, page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  if (self->layout != NULL && self->page < luwte_letter_layout_get_n_pages (self->layout))
    {
      cairo_translate (cr, x, 0);
      cairo_scale (cr, scale, scale);
      luwte_letter_layout_draw_page (self->layout, cr, self->page);
    }
  cairo_destroy (cr);
}

static void
luwte_letter_preview_dispose (GObject *object)
{
  LuwteLetterPreview *self = LUWTE_LETTER_PREVIEW (object);

  g_clear_object (&self->layout);
  G_OBJECT_CLASS (luwte_letter_preview_parent_class)->dispose (object);
}

static void
luwte_letter_preview_class_init (LuwteLetterPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luwte_letter_preview_dispose;
  widget_class->measure = luwte_letter_preview_measure;
  widget_class->get_request_mode = luwte_letter_preview_get_request_mode;
  widget_class->snapshot = luwte_letter_preview_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
luwte_letter_preview_init (LuwteLetterPreview *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the letter"), -1);
}

GtkWidget *
luwte_letter_preview_new (void)
{
  return g_object_new (LUWTE_TYPE_LETTER_PREVIEW, NULL);
}

/* Shows @page of @layout; page numbers count from 0. */
void
luwte_letter_preview_set_layout (LuwteLetterPreview *self,
                                 LuwteLetterLayout  *layout,
                                 int                 page)
{
  g_return_if_fail (LUWTE_IS_LETTER_PREVIEW (self));

  g_set_object (&self->layout, layout);
  self->page = layout != NULL ? CLAMP (page, 0, luwte_letter_layout_get_n_pages (layout) - 1) : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
luwte_letter_preview_get_page (LuwteLetterPreview *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_PREVIEW (self), 0);
  return self->page;
}
