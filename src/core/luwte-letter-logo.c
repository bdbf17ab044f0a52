/* luwte-letter-logo.c — the municipality's logo, read for the letterhead
 *
 * Any picture gdk-pixbuf reads will do: PNG through its own loader, SVG
 * through librsvg's. The picture is kept at no more than 300 dots per inch
 * of the size it is drawn at, so a photo-sized PNG does not bloat every
 * PDF, and an SVG is rendered sharp enough for print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-letter-logo"

#include "config.h"

#include "luwte-letter-logo.h"
#include "luwte-letter-layout.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>

#define LOGO_DPI 300.0

/* gdk-pixbuf keeps straight RGB(A) bytes; cairo wants premultiplied
 * native-endian ARGB32. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int dst_stride;
  guchar *dst;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guchar *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (gpointer) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/**
 * luwte_letter_logo_load:
 * @path: a picture file
 * @max_width: the widest it may be drawn, in points
 * @max_height: the highest it may be drawn, in points
 * @width: (out): the width to draw it at, in points
 * @height: (out): the height to draw it at, in points
 *
 * Reads @path and works out the size that fits it, aspect kept, in the
 * box of @max_width by @max_height.
 *
 * Returns: (transfer full): the picture, or %NULL with @error naming the
 *   file when it cannot be read
 */
cairo_surface_t *
luwte_letter_logo_load (const char  *path,
                        double       max_width,
                        double       max_height,
                        double      *width,
                        double      *height,
                        GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  GdkPixbufFormat *format;
  int file_width = 0;
  int file_height = 0;
  int box_width = (int) (max_width / 72.0 * LOGO_DPI);
  int box_height = (int) (max_height / 72.0 * LOGO_DPI);
  double aspect;
  cairo_surface_t *surface;

  g_return_val_if_fail (path != NULL, NULL);

  format = gdk_pixbuf_get_file_info (path, &file_width, &file_height);
  if (format != NULL && file_width > 0 && file_height > 0
      && (gdk_pixbuf_format_is_scalable (format) || file_width > box_width || file_height > box_height))
    pixbuf = gdk_pixbuf_new_from_file_at_scale (path, box_width, box_height, TRUE, &local_error);
  else
    pixbuf = gdk_pixbuf_new_from_file (path, &local_error);

  if (pixbuf == NULL)
    {
      display = g_filename_display_name (path);
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, LUWTE_LETTER_LAYOUT_ERROR, LUWTE_LETTER_LAYOUT_ERROR_LOGO,
                     _("The logo “%s” does not exist."), display);
      else
        g_set_error (error, LUWTE_LETTER_LAYOUT_ERROR, LUWTE_LETTER_LAYOUT_ERROR_LOGO,
                     _("The logo “%s” is not a picture Luwte can read (%s)."), display, local_error->message);
      return NULL;
    }

  surface = surface_from_pixbuf (pixbuf);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      display = g_filename_display_name (path);
      g_set_error (error, LUWTE_LETTER_LAYOUT_ERROR, LUWTE_LETTER_LAYOUT_ERROR_LOGO,
                   _("The logo “%s” is not a picture Luwte can read (%s)."), display,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  aspect = (double) gdk_pixbuf_get_width (pixbuf) / gdk_pixbuf_get_height (pixbuf);
  *height = max_height;
  *width = max_height * aspect;
  if (*width > max_width)
    {
      *width = max_width;
      *height = max_width / aspect;
    }
  return surface;
}
