/* luwte-report-pdf.c — a case report set on A4 pages
 *
 * Blocks flow down the page; a block that does not fit starts the next
 * page, and one longer than a page is split between its lines. A heading
 * is never left alone at the foot of a page. Every page has the report's
 * name at the top and "page N of M" at the bottom. Text is set with
 * pango_layout_set_text, never as markup, at a fixed 72 dpi so the pages
 * come out the same on every machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "luwte-letter-layout.h"
#include "luwte-report.h"

#define MM(x) ((x) * 72.0 / 25.4)
#define PAGE_WIDTH   LUWTE_LETTER_PAGE_WIDTH
#define PAGE_HEIGHT  LUWTE_LETTER_PAGE_HEIGHT
#define MARGIN       MM (20)
#define TOP          MM (25)
#define BOTTOM       (PAGE_HEIGHT - MM (22))
#define TEXT_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define LABEL_WIDTH  MM (45)
#define FONT_FAMILY  "Cantarell,DejaVu Sans,sans-serif"

typedef struct {
  PangoLayout *label;   /* may be NULL */
  PangoLayout *text;
  double       space_before;
  gboolean     keep_with_next;
  int          first_line;   /* when split over pages: the lines shown here */
  int          n_lines;
} Piece;

static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             double        size,
             PangoWeight   weight,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, g_strchomp (valid), -1);
  return layout;
}

static double
line_top (PangoLayout *layout,
          int          line)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle rect;

  for (int i = 0; i < line; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_extents (iter, NULL, &rect);
  pango_layout_iter_free (iter);
  return (double) rect.y / PANGO_SCALE;
}

/* The height of lines [first, first + n) of @layout */
static double
lines_height (PangoLayout *layout,
              int          first,
              int          n)
{
  double end;

  if (first + n >= pango_layout_get_line_count (layout))
    {
      int width, height;

      pango_layout_get_size (layout, &width, &height);
      end = (double) height / PANGO_SCALE;
    }
  else
    end = line_top (layout, first + n);
  return end - line_top (layout, first);
}

static double
piece_height (Piece *piece)
{
  double text = lines_height (piece->text, piece->first_line, piece->n_lines);

  if (piece->label != NULL && piece->first_line == 0)
    {
      int width, height;
      pango_layout_get_size (piece->label, &width, &height);
      text = MAX (text, (double) height / PANGO_SCALE);
    }
  return text;
}

static void
draw_header_footer (cairo_t    *cr,
                    PangoContext *context,
                    const char *header,
                    int         page,
                    int         n_pages)
{
  g_autoptr(PangoLayout) top = make_layout (context, header, 8, PANGO_WEIGHT_NORMAL, TEXT_WIDTH);
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);
  g_autoptr(PangoLayout) bottom = make_layout (context, number, 8, PANGO_WEIGHT_NORMAL, TEXT_WIDTH);

  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_move_to (cr, MARGIN, MM (12));
  pango_cairo_show_layout (cr, top);
  pango_layout_set_alignment (bottom, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, MARGIN, PAGE_HEIGHT - MM (14));
  pango_cairo_show_layout (cr, bottom);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, MM (17));
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, MM (17));
  cairo_stroke (cr);
}

static void
draw_piece (cairo_t *cr,
            Piece   *piece,
            double   y)
{
  double shift = line_top (piece->text, piece->first_line);
  double x = piece->label != NULL ? MARGIN + LABEL_WIDTH : MARGIN;

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (piece->label != NULL && piece->first_line == 0)
    {
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, piece->label);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  /* Only this piece's lines: clip to them. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, y, PAGE_WIDTH, lines_height (piece->text, piece->first_line, piece->n_lines));
  cairo_clip (cr);
  cairo_move_to (cr, x, y - shift);
  pango_cairo_show_layout (cr, piece->text);
  cairo_restore (cr);
}

static Piece *
make_piece (PangoContext     *context,
            LuwteReportBlock *block)
{
  Piece *piece = g_new0 (Piece, 1);

  switch (block->kind)
    {
    case LUWTE_REPORT_TITLE:
      piece->text = make_layout (context, block->text, 18, PANGO_WEIGHT_BOLD, TEXT_WIDTH);
      break;
    case LUWTE_REPORT_SECTION:
      piece->text = make_layout (context, block->text, 13, PANGO_WEIGHT_BOLD, TEXT_WIDTH);
      piece->space_before = 14;
      piece->keep_with_next = TRUE;
      break;
    case LUWTE_REPORT_ITEM:
      piece->text = make_layout (context, block->text, 10.5, PANGO_WEIGHT_BOLD, TEXT_WIDTH);
      piece->space_before = 8;
      piece->keep_with_next = TRUE;
      break;
    case LUWTE_REPORT_FIELD:
      piece->label = make_layout (context, block->label, 9, PANGO_WEIGHT_NORMAL, LABEL_WIDTH - MM (3));
      piece->text = make_layout (context, block->text, 9.5, PANGO_WEIGHT_NORMAL, TEXT_WIDTH - LABEL_WIDTH);
      piece->space_before = 1.5;
      break;
    case LUWTE_REPORT_TEXT:
      piece->text = make_layout (context, block->text, 9.5, PANGO_WEIGHT_NORMAL, TEXT_WIDTH);
      piece->space_before = 3;
      break;
    case LUWTE_REPORT_NOTE:
    default:
      piece->text = make_layout (context, block->text, 8.5, PANGO_WEIGHT_NORMAL, TEXT_WIDTH);
      piece->space_before = 3;
      break;
    }
  piece->n_lines = pango_layout_get_line_count (piece->text);
  return piece;
}

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_clear_object (&piece->label);
  g_object_unref (piece->text);
  g_free (piece);
}

/* Pieces per page: each page a GPtrArray of (Piece, y) pairs. */
typedef struct {
  Piece  *piece;
  double  y;
} Placed;

/* @parts gets the pieces split off where a block runs over a page. */
static GPtrArray *
paginate (GPtrArray *pieces,
          GPtrArray *parts)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));
  double y = TOP;

  g_ptr_array_add (pages, page);
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (pieces, i);
      double needed = (page->len > 0 ? piece->space_before : 0) + piece_height (piece);

      /* A heading goes to the next page with the start of what follows. */
      if (piece->keep_with_next && i + 1 < pieces->len)
        {
          Piece *next = g_ptr_array_index (pieces, i + 1);
          needed += next->space_before + lines_height (next->text, 0, MIN (2, next->n_lines));
        }
      if (y + needed > BOTTOM && page->len > 0)
        {
          page = g_array_new (FALSE, FALSE, sizeof (Placed));
          g_ptr_array_add (pages, page);
          y = TOP;
        }
      if (page->len > 0)
        y += piece->space_before;

      /* Longer than what is left: as many lines as fit here, the rest on. */
      while (y + piece_height (piece) > BOTTOM && piece->n_lines > 1)
        {
          int fit = 0;

          while (fit < piece->n_lines && y + lines_height (piece->text, piece->first_line, fit + 1) <= BOTTOM)
            fit++;
          if (fit == 0 && y == TOP)
            break;
          if (fit > 0)
            {
              Piece *part = g_new0 (Piece, 1);

              *part = *piece;
              part->label = piece->label != NULL ? g_object_ref (piece->label) : NULL;
              part->text = g_object_ref (piece->text);
              part->n_lines = fit;
              g_ptr_array_add (parts, part);
              g_array_append_val (page, ((Placed) { part, y }));
              piece->first_line += fit;
              piece->n_lines -= fit;
            }
          page = g_array_new (FALSE, FALSE, sizeof (Placed));
          g_ptr_array_add (pages, page);
          y = TOP;
        }
      g_array_append_val (page, ((Placed) { piece, y }));
      y += piece_height (piece);
    }
  return pages;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * luwte_report_to_pdf:
 * @blocks: (element-type LuwteReportBlock): the report
 * @header: at the top of every page
 *
 * Returns: (transfer full): the PDF
 */
GBytes *
luwte_report_to_pdf (GPtrArray   *blocks,
                     const char  *header,
                     GError     **error)
{
  PangoContext *context = create_context ();
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (piece_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (piece_free);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  for (guint i = 0; i < blocks->len; i++)
    g_ptr_array_add (pieces, make_piece (context, g_ptr_array_index (blocks, i)));
  pages = paginate (pieces, parts);

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, header);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Luwte " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *page = g_ptr_array_index (pages, p);

      draw_header_footer (cr, context, header, p, pages->len);
      for (guint i = 0; i < page->len; i++)
        {
          Placed *placed = &g_array_index (page, Placed, i);
          draw_piece (cr, placed->piece, placed->y);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  g_clear_pointer (&pages, g_ptr_array_unref);
  g_clear_pointer (&parts, g_ptr_array_unref);
  g_clear_pointer (&pieces, g_ptr_array_unref);
  g_object_unref (context);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The report could not be made into a PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
