/* luwte-letter-preview.c — one page of a letter, as it will be printed
 *
 * Draws the same LuwteLetterLayout as the PDF and the printer: what the
 * officer sees is what is sent. By default the page is as wide as the
 * widget ("fit width"); zoomed, it has a fixed size and the scrolled
 * window around it scrolls.
 *
 * The page is drawn with cairo at the widget's own pixels (times the
 * display's scale), glyphs as outlines so no word loses its spaces, into
 * a texture that is kept until the letter, the page, the size or the zoom
 * changes: scrolling and redrawing the window cost nothing more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "luwte-letter-preview.h"

/* 100 % is A4 at its real size on a 96 dpi screen. */
#define ACTUAL_SIZE (96.0 / 72.0)

/* In percent; the largest keeps the texture of a page within reason. */
static const int zoom_levels[] = { 25, 33, 50, 67, 80, 100, 125, 150, 175, 200 };

#define MIN_SCALE (zoom_levels[0] / 100.0 * ACTUAL_SIZE)
#define MAX_SCALE (zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] / 100.0 * ACTUAL_SIZE)

struct _LuwteLetterPreview
{
  GtkWidget          parent_instance;

  LuwteLetterLayout *layout;
  int                page;
  double             zoom;              /* pixels per point; 0: fit width */
  double             scale;             /* as last allocated */

  GdkTexture        *texture;           /* the page as last drawn */
  int                texture_width;     /* in the widget's pixels */
  int                texture_height;
  int                texture_scale;
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LuwteLetterPreview, luwte_letter_preview, GTK_TYPE_WIDGET)

static void
forget_texture (LuwteLetterPreview *self)
{
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pixels per point when the page is @width pixels wide. */
static double
fit_scale (int width)
{
  return CLAMP (width / LUWTE_LETTER_PAGE_WIDTH, MIN_SCALE, MAX_SCALE);
}

static double
scale_for_width (LuwteLetterPreview *self,
                 int                 width)
{
  return self->zoom > 0 ? self->zoom : fit_scale (width);
}

static void
luwte_letter_preview_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  LuwteLetterPreview *self = LUWTE_LETTER_PREVIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->zoom > 0)
        *minimum = *natural = (int) round (LUWTE_LETTER_PAGE_WIDTH * self->zoom);
      else
        {
          /* Fit width takes what it is given. */
          *minimum = (int) ceil (LUWTE_LETTER_PAGE_WIDTH * MIN_SCALE);
          *natural = 420;
        }
    }
  else
    {
      double scale = scale_for_width (self, for_size > 0 ? for_size : 420);

      /* As tall as an A4 page of that width. */
      *minimum = *natural = (int) round (LUWTE_LETTER_PAGE_HEIGHT * scale);
    }
  *minimum_baseline = *natural_baseline = -1;
}

/* Fit width follows the width: the scale shown changes with it. */
static void
update_scale (LuwteLetterPreview *self)
{
  double scale = scale_for_width (self, gtk_widget_get_width (GTK_WIDGET (self)));

  if (scale == self->scale)
    return;
  self->scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

static void
luwte_letter_preview_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  update_scale (LUWTE_LETTER_PREVIEW (widget));
}

static GtkSizeRequestMode
luwte_letter_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
free_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

/* The page, @width × @height of the widget's pixels, at @scale device
 * pixels each. */
static GdkTexture *
draw_texture (LuwteLetterPreview *self,
              int                 width,
              int                 height,
              int                 scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_scale (cr, scale, scale);
  /* Paper is white in light and dark style alike. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  if (self->layout != NULL && self->page < luwte_letter_layout_get_n_pages (self->layout))
    {
      cairo_scale (cr, width / LUWTE_LETTER_PAGE_WIDTH, height / LUWTE_LETTER_PAGE_HEIGHT);
      luwte_letter_layout_draw_page_as_shapes (self->layout, cr, self->page);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      free_surface, surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static void
luwte_letter_preview_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LuwteLetterPreview *self = LUWTE_LETTER_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  double scale = scale_for_width (self, width);
  int page_width = (int) round (LUWTE_LETTER_PAGE_WIDTH * scale);
  int page_height = (int) round (LUWTE_LETTER_PAGE_HEIGHT * scale);
  int device_scale = gtk_widget_get_scale_factor (widget);

  if (page_width <= 0 || page_height <= 0)
    return;
  if (self->texture == NULL || self->texture_width != page_width || self->texture_height != page_height
      || self->texture_scale != device_scale)
    {
      g_clear_object (&self->texture);
      self->texture = draw_texture (self, page_width, page_height, device_scale);
      self->texture_width = page_width;
      self->texture_height = page_height;
      self->texture_scale = device_scale;
    }
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (MAX (0, (width - page_width) / 2), 0, page_width, page_height));
}

/* Ctrl and the wheel zoom, as in a document viewer. */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           LuwteLetterPreview       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  luwte_letter_preview_zoom (self, dy < 0 ? 1 : -1);
  return TRUE;
}

static void
luwte_letter_preview_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LuwteLetterPreview *self = LUWTE_LETTER_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SCALE:
      g_value_set_double (value, luwte_letter_preview_get_scale (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luwte_letter_preview_dispose (GObject *object)
{
  LuwteLetterPreview *self = LUWTE_LETTER_PREVIEW (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->texture);
  G_OBJECT_CLASS (luwte_letter_preview_parent_class)->dispose (object);
}

static void
luwte_letter_preview_class_init (LuwteLetterPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = luwte_letter_preview_get_property;
  object_class->dispose = luwte_letter_preview_dispose;
  widget_class->measure = luwte_letter_preview_measure;
  widget_class->size_allocate = luwte_letter_preview_size_allocate;
  widget_class->get_request_mode = luwte_letter_preview_get_request_mode;
  widget_class->snapshot = luwte_letter_preview_snapshot;

  /**
   * LuwteLetterPreview:zoom: pixels per point, or 0 when the page fits
   * the widget's width
   */
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 0, MAX_SCALE, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LuwteLetterPreview:scale: pixels per point the page is shown at
   */
  properties[PROP_SCALE] = g_param_spec_double ("scale", NULL, NULL, 0, MAX_SCALE, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
luwte_letter_preview_init (LuwteLetterPreview *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
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

  page = layout != NULL ? CLAMP (page, 0, luwte_letter_layout_get_n_pages (layout) - 1) : 0;
  if (layout == self->layout && page == self->page)
    return;
  g_set_object (&self->layout, layout);
  self->page = page;
  forget_texture (self);
}

int
luwte_letter_preview_get_page (LuwteLetterPreview *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_PREVIEW (self), 0);
  return self->page;
}

/* Returns: the pixels per point the page is drawn at now */
double
luwte_letter_preview_get_scale (LuwteLetterPreview *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_PREVIEW (self), 0);
  return scale_for_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

/* Returns: whether the page is as wide as the widget */
gboolean
luwte_letter_preview_get_fit_width (LuwteLetterPreview *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_PREVIEW (self), FALSE);
  return self->zoom == 0;
}

static void
set_zoom (LuwteLetterPreview *self,
          double              zoom)
{
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  forget_texture (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  update_scale (self);
}

/* The zoom level @steps levels larger (or, negative, smaller) than what
 * is shown now; 0 when there is none. */
static double
next_level (LuwteLetterPreview *self,
            int                 steps)
{
  double current = luwte_letter_preview_get_scale (self);
  int n = (int) G_N_ELEMENTS (zoom_levels);
  int i;

  if (steps > 0)
    {
      /* The first level above what is shown, however it got there. */
      for (i = 0; i < n && zoom_levels[i] / 100.0 * ACTUAL_SIZE <= current + 1e-6; i++)
        ;
      i += steps - 1;
    }
  else
    {
      for (i = n - 1; i >= 0 && zoom_levels[i] / 100.0 * ACTUAL_SIZE >= current - 1e-6; i--)
        ;
      i += steps + 1;
    }
  return i >= 0 && i < n ? zoom_levels[i] / 100.0 * ACTUAL_SIZE : 0;
}

/* Returns: whether luwte_letter_preview_zoom() can go @steps further */
gboolean
luwte_letter_preview_can_zoom (LuwteLetterPreview *self,
                               int                 steps)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_PREVIEW (self), FALSE);
  return steps != 0 && next_level (self, steps) > 0;
}

/**
 * luwte_letter_preview_zoom:
 * @steps: levels to zoom in by; negative to zoom out
 *
 * From what is shown now, fit width too, to the next level of 25 % to
 * 200 %; nothing beyond them.
 */
void
luwte_letter_preview_zoom (LuwteLetterPreview *self,
                           int                 steps)
{
  double level;

  g_return_if_fail (LUWTE_IS_LETTER_PREVIEW (self));

  level = steps != 0 ? next_level (self, steps) : 0;
  if (level > 0)
    set_zoom (self, level);
}

/* The page as wide as the widget again: the default. */
void
luwte_letter_preview_fit_width (LuwteLetterPreview *self)
{
  g_return_if_fail (LUWTE_IS_LETTER_PREVIEW (self));
  set_zoom (self, 0);
}

/**
 * luwte_letter_preview_get_texture_size:
 * @width: (out): in device pixels
 * @height: (out): in device pixels
 *
 * The size of the picture of the page last drawn; for tests.
 *
 * Returns: whether a page was drawn
 */
gboolean
luwte_letter_preview_get_texture_size (LuwteLetterPreview *self,
                                       int                *width,
                                       int                *height)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_PREVIEW (self), FALSE);

  *width = self->texture != NULL ? gdk_texture_get_width (self->texture) : 0;
  *height = self->texture != NULL ? gdk_texture_get_height (self->texture) : 0;
  return self->texture != NULL;
}
