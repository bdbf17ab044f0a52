/* luwte-letter-pdf.c — a laid-out letter as a PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-letter-pdf"

#include "config.h"

#include "luwte-letter-layout.h"
#include "luwte-letter-layout-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t  *surface,
              cairo_pdf_metadata_t key,
              const char       *value)
{
  if (value != NULL && *value != '\0')
    cairo_pdf_surface_set_metadata (surface, key, value);
}

/**
 * luwte_letter_layout_to_pdf:
 *
 * Returns: (transfer full): the letter as a PDF document of A4 pages, or
 *   %NULL when cairo fails
 */
GBytes *
luwte_letter_layout_to_pdf (LuwteLetterLayout  *self,
                            GError            **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int n_pages;

  g_return_val_if_fail (LUWTE_IS_LETTER_LAYOUT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_to_buffer, buffer,
                                                 LUWTE_LETTER_PAGE_WIDTH, LUWTE_LETTER_PAGE_HEIGHT);
  set_metadata (surface, CAIRO_PDF_METADATA_TITLE, luwte_letter_layout_get_title (self));
  set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, luwte_letter_layout_get_author (self));
  set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Luwte " PACKAGE_VERSION);

  cr = cairo_create (surface);
  n_pages = luwte_letter_layout_get_n_pages (self);
  for (int page = 0; page < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      luwte_letter_layout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LUWTE_LETTER_LAYOUT_ERROR, LUWTE_LETTER_LAYOUT_ERROR_PDF,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * luwte_letter_layout_write_pdf:
 * @path: the file to write; replaced when it exists
 *
 * Writes the letter as a PDF, into a new file that replaces @path only
 * once it is complete, so a crash or a full disk never leaves half a
 * letter behind.
 */
gboolean
luwte_letter_layout_write_pdf (LuwteLetterLayout  *self,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LUWTE_IS_LETTER_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pdf = luwte_letter_layout_to_pdf (self, error);
  if (pdf == NULL)
    return FALSE;

  /* Letters name minors: readable by the user alone, like the database. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not save the letter as “%s”: "), display);
      return FALSE;
    }
  return TRUE;
}
