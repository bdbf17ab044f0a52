/* luwte-letter-layout.c — a letter set on A4 pages, for PDF, print and preview
 *
 * The letter is laid out once, in PostScript points, with a Pango context
 * of its own: the cairo font map at a fixed 72 dpi, without hinting or
 * rounded glyph positions. So the lines and pages come out the same
 * whether they are drawn into a PDF, onto a printer's page or scaled into
 * a widget, and never depend on the screen's resolution or font settings.
 *
 * Page 1: the logo at the top left and the municipality's name, address
 * and contact line in a column at the top right; the return address and
 * the recipient where a window envelope shows them; the date, our
 * reference and the subject; then the body. Later pages: a small header
 * with the municipality and our reference, then the body. A letter of more
 * than one page has "Pagina 1 van 2" at the foot of every page.
 *
 * A letter that is not the one made final is a draft, and says so on
 * every page: a large light "CONCEPT" (or "DRAFT") across the page, under
 * the text and drawn as shapes so it never mixes with the text a reader
 * copies, and a line of text at the foot.
 *
 * All text is set with pango_layout_set_text(), never as markup, and each
 * paragraph finds its own direction, so what the user typed is what the
 * letter shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-letter-layout"

#include "config.h"

#include "luwte-letter-layout.h"
#include "luwte-letter-layout-private.h"
#include "luwte-letter-logo.h"

#include <math.h>
#include <pango/pangocairo.h>

#define MM(x) ((x) * 72.0 / 25.4)

#define MARGIN_LEFT        MM (25)
#define MARGIN_RIGHT       MM (25)
#define TEXT_WIDTH         (LUWTE_LETTER_PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define BODY_BOTTOM        (LUWTE_LETTER_PAGE_HEIGHT - MM (25))
#define FOOTER_BASELINE    (LUWTE_LETTER_PAGE_HEIGHT - MM (14))

#define LOGO_TOP           MM (10)
#define LOGO_MAX_WIDTH     MM (70)
#define LOGO_MAX_HEIGHT    MM (30)
#define SENDER_LEFT        MM (125)
#define SENDER_WIDTH       (LUWTE_LETTER_PAGE_WIDTH - MARGIN_RIGHT - SENDER_LEFT)

/* The address field. We found no published Dutch norm with its measures,
 * so it is the address field of DIN 5008 form B: 45 mm from the top,
 * 20 mm from the left, 85 × 45 mm. A4 folded in three (folds at 105 and
 * 210 mm) shows it through the window of a DL or C5/6 window envelope
 * (window 90 × 45 mm, 20 mm from the left, 15 mm from the bottom; DIN 680,
 * the envelope sizes of ISO 269). Deutsche Post's franking service gives
 * the same field ("45 mm von oben, 20 mm von links, 85 mm Breite, 45 mm
 * Höhe"), and a survey of Nordic window envelopes (officeconsult.no,
 * "plassering av mottakerfelt i vinduskonvolutter") finds windows start
 * 15 mm from the left and 39–44 mm from the top. We set the small return
 * address at 47 mm and the recipient from 53 mm, 25 mm from the left,
 * so the address clears the window's edges by 2 mm or more. */
#define WINDOW_LEFT        MM (20)
#define WINDOW_WIDTH       MM (85)
#define RETURN_TOP         MM (47)
#define RECIPIENT_TOP      MM (53)
#define ADDRESS_WIDTH      (WINDOW_LEFT + WINDOW_WIDTH - MARGIN_LEFT)

/* Below the window and the first fold of a letter folded in three. */
#define DETAILS_TOP        MM (100)
#define LABEL_WIDTH        MM (30)

#define HEADER_TOP         MM (14)
#define NEXT_BODY_TOP      MM (30)

#define FONT_FAMILY        "Cantarell,DejaVu Sans,sans-serif"
#define BODY_SIZE          10.5
#define BODY_LINE_SPACING  1.2
#define NAME_SIZE          13.0
#define SMALL_SIZE         8.5
#define RETURN_SIZE        7.0

#define INK                0.0
#define SECONDARY_INK      0.35
#define RULE_INK           0.7
#define WATERMARK_INK      0.86
#define WATERMARK_WIDTH    MM (170)

typedef enum {
  DETAIL_DATE,
  DETAIL_REFERENCE,
  DETAIL_SUBJECT,
  N_DETAILS,
} Detail;

/* In the letter's language, whatever the language of the UI. */
static const char * const detail_labels[][N_DETAILS] = {
  [LUWTE_LANGUAGE_NL] = { "Datum", "Ons kenmerk", "Onderwerp" },
  [LUWTE_LANGUAGE_EN] = { "Date", "Our reference", "Subject" },
};

/* Not gettext: in the letter's language, like the labels. */
static const char * const draft_marks[] = {
  [LUWTE_LANGUAGE_NL] = "CONCEPT",
  [LUWTE_LANGUAGE_EN] = "DRAFT",
};

static const char * const draft_notes[] = {
  [LUWTE_LANGUAGE_NL] = "CONCEPT · niet definitief, niet verzenden",
  [LUWTE_LANGUAGE_EN] = "DRAFT · not final, do not send",
};

typedef struct {
  PangoLayoutLine *line;
  double           top;        /* of its logical box, in the body's layout */
  double           bottom;
  double           baseline;
  double           x;          /* a right-to-left paragraph's lines start further right */
  gboolean         blank;
  gboolean         paragraph_start;
} BodyLine;

typedef struct {
  guint first;
  guint end;
} PageLines;

struct _LuwteLetterLayout
{
  GObject          parent_instance;

  LuwteLanguage    language;
  char            *title;
  char            *author;
  PangoContext    *context;

  cairo_surface_t *logo;
  double           logo_width;
  double           logo_height;

  PangoLayout     *sender_name;
  PangoLayout     *sender_details;
  double           sender_details_top;
  PangoLayout     *return_address;
  PangoLayout     *recipient;
  PangoLayout     *labels[N_DETAILS];    /* NULL where the letter has no value */
  PangoLayout     *values[N_DETAILS];
  double           detail_top[N_DETAILS];

  PangoLayout     *header_name;
  PangoLayout     *header_reference;

  PangoLayout     *watermark;            /* NULL: the letter as made final */
  PangoLayout     *draft_note;

  PangoLayout     *body;
  double           first_body_top;
  GArray          *lines;                /* BodyLine */
  GArray          *pages;                /* PageLines */
};

G_DEFINE_FINAL_TYPE (LuwteLetterLayout, luwte_letter_layout, G_TYPE_OBJECT)

G_DEFINE_QUARK (luwte-letter-layout-error-quark, luwte_letter_layout_error)

static void
luwte_letter_layout_finalize (GObject *object)
{
  LuwteLetterLayout *self = (LuwteLetterLayout *) object;

  g_free (self->title);
  g_free (self->author);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_object (&self->sender_name);
  g_clear_object (&self->sender_details);
  g_clear_object (&self->return_address);
  g_clear_object (&self->recipient);
  for (guint i = 0; i < N_DETAILS; i++)
    {
      g_clear_object (&self->labels[i]);
      g_clear_object (&self->values[i]);
    }
  g_clear_object (&self->header_name);
  g_clear_object (&self->header_reference);
  g_clear_object (&self->watermark);
  g_clear_object (&self->draft_note);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->body);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (luwte_letter_layout_parent_class)->finalize (object);
}

static void
luwte_letter_layout_class_init (LuwteLetterLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_letter_layout_finalize;
}

static void
clear_body_line (gpointer data)
{
  BodyLine *line = data;

  g_clear_pointer (&line->line, pango_layout_line_unref);
}

static void
luwte_letter_layout_init (LuwteLetterLayout *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (BodyLine));
  g_array_set_clear_func (self->lines, clear_body_line);
  self->pages = g_array_new (FALSE, TRUE, sizeof (PageLines));
}

static PangoContext *
create_context (LuwteLanguage language)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string (luwte_language_to_code (language)));
  return context;
}

/* Valid UTF-8 (Pango refuses anything else), without trailing blank lines. */
static char *
clean_text (const char *text)
{
  return g_strchomp (g_utf8_make_valid (text != NULL ? text : "", -1));
}

/* The lines of @text that hold anything, each stripped, joined by @separator. */
static char *
join_lines (const char *text,
            const char *separator)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, separator);
      g_string_append (joined, line);
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* @width: wrap at this many points, or 0 for no wrapping */
static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             double        size,
             PangoWeight   weight,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* A word longer than the line is mostly a URL: broken without a hyphen
   * that was never in it. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_auto_dir (layout, TRUE);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return pango_units_to_double (width);
}

/* A URL breaks where Unicode allows, after each "/" and "-", and then
 * reads as two that lead nowhere: one that fits on a line is kept whole. */
static void
keep_urls_whole (PangoLayout *layout,
                 double       width)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  g_autoptr(PangoLayout) measure = pango_layout_copy (layout);

  pango_layout_set_width (measure, -1);
  for (const char *p = text; *p != '\0';)
    {
      const char *end;
      PangoAttribute *attr;

      if (!g_str_has_prefix (p, "http://") && !g_str_has_prefix (p, "https://") && !g_str_has_prefix (p, "www."))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      for (end = p; *end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)); end = g_utf8_next_char (end))
        ;
      pango_layout_set_text (measure, p, (int) (end - p));
      if (layout_width (measure) <= width)
        {
          attr = pango_attr_allow_breaks_new (FALSE);
          attr->start_index = (guint) (p - text);
          attr->end_index = (guint) (end - text);
          pango_attr_list_insert (attrs, attr);
        }
      p = end;
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static double
first_baseline (PangoLayout *layout)
{
  return pango_units_to_double (pango_layout_get_baseline (layout));
}

static void
lay_out_letterhead (LuwteLetterLayout        *self,
                    const LuwteLetterContent *content)
{
  g_autofree char *name = clean_text (content->municipality);
  g_autofree char *address = clean_text (content->sender_address);
  g_autofree char *contact = clean_text (content->contact_line);
  g_autofree char *recipient = clean_text (content->recipient_block);
  g_autofree char *one_line_address = join_lines (address, ", ");
  g_autoptr(GString) details = g_string_new (address);
  g_autoptr(GString) return_address = g_string_new (NULL);

  if (*name != '\0')
    self->sender_name = make_layout (self->context, name, NAME_SIZE, PANGO_WEIGHT_BOLD, SENDER_WIDTH);
  self->sender_details_top = LOGO_TOP;
  if (self->sender_name != NULL)
    self->sender_details_top += layout_height (self->sender_name) + MM (1.5);

  if (*contact != '\0')
    g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "", contact);
  if (details->len > 0)
    self->sender_details = make_layout (self->context, details->str, SMALL_SIZE, PANGO_WEIGHT_NORMAL, SENDER_WIDTH);

  /* One small line at the top of the window, as the Rijkshuisstijl has it:
   * where the post office returns what it cannot deliver. */
  g_strdelimit (name, "\n", ' ');
  g_string_append (return_address, name);
  if (*one_line_address != '\0')
    g_string_append_printf (return_address, "%s%s", return_address->len > 0 ? ", " : "", one_line_address);
  if (return_address->len > 0)
    {
      self->return_address = make_layout (self->context, return_address->str, RETURN_SIZE, PANGO_WEIGHT_NORMAL, ADDRESS_WIDTH);
      pango_layout_set_ellipsize (self->return_address, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->return_address, TRUE);
    }

  self->recipient = make_layout (self->context, recipient, BODY_SIZE, PANGO_WEIGHT_NORMAL, ADDRESS_WIDTH);
}

/* The date, our reference and the subject, below whatever stands above
 * them, and where the body starts. */
static void
lay_out_details (LuwteLetterLayout        *self,
                 const LuwteLetterContent *content)
{
  const char *texts[N_DETAILS] = { content->date, content->reference, content->subject };
  double top = DETAILS_TOP;

  top = MAX (top, RECIPIENT_TOP + layout_height (self->recipient) + MM (8));
  if (self->sender_details != NULL)
    top = MAX (top, self->sender_details_top + layout_height (self->sender_details) + MM (8));

  for (guint i = 0; i < N_DETAILS; i++)
    {
      g_autofree char *text = clean_text (texts[i]);

      if (*text == '\0')
        continue;
      self->labels[i] = make_layout (self->context, detail_labels[self->language][i],
                                     SMALL_SIZE, PANGO_WEIGHT_NORMAL, LABEL_WIDTH - MM (2));
      self->values[i] = make_layout (self->context, text, BODY_SIZE,
                                     i == DETAIL_SUBJECT ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                     TEXT_WIDTH - LABEL_WIDTH);
      self->detail_top[i] = top;
      top += MAX (layout_height (self->labels[i]), layout_height (self->values[i])) + MM (1.5);
    }

  self->first_body_top = top + MM (10);
}

static void
lay_out_header (LuwteLetterLayout        *self,
                const LuwteLetterContent *content)
{
  g_autofree char *name = clean_text (content->municipality);
  g_autofree char *reference = clean_text (content->reference);

  g_strdelimit (name, "\n", ' ');
  g_strdelimit (reference, "\n", ' ');
  if (*name != '\0')
    self->header_name = make_layout (self->context, name, SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0);
  if (*reference != '\0')
    {
      g_autofree char *text = g_strconcat (detail_labels[self->language][DETAIL_REFERENCE], "  ", reference, NULL);

      self->header_reference = make_layout (self->context, text, SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0);
    }
  /* A long name gives way to the reference. */
  if (self->header_name != NULL)
    {
      double room = TEXT_WIDTH;

      if (self->header_reference != NULL)
        room -= layout_width (self->header_reference) + MM (8);
      pango_layout_set_width (self->header_name, pango_units_from_double (MAX (room, MM (20))));
      pango_layout_set_ellipsize (self->header_name, PANGO_ELLIPSIZE_END);
    }
}

static void
lay_out_draft_mark (LuwteLetterLayout *self)
{
  double size = 100.0;
  double width;

  self->watermark = make_layout (self->context, draft_marks[self->language], size, PANGO_WEIGHT_BOLD, 0);
  /* As wide as the text column is long, whatever the word. */
  width = layout_width (self->watermark);
  if (width > 0)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (self->watermark));

      pango_font_description_set_size (font, (int) (size * WATERMARK_WIDTH / width * PANGO_SCALE));
      pango_layout_set_font_description (self->watermark, font);
      pango_font_description_free (font);
    }
  self->draft_note = make_layout (self->context, draft_notes[self->language], SMALL_SIZE, PANGO_WEIGHT_BOLD, 0);
}

static void
collect_body_lines (LuwteLetterLayout *self)
{
  PangoLayoutIter *iter = pango_layout_get_iter (self->body);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      BodyLine entry;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      entry.line = pango_layout_line_ref (line);
      entry.top = pango_units_to_double (logical.y);
      entry.bottom = pango_units_to_double (logical.y + logical.height);
      entry.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      entry.x = pango_units_to_double (logical.x);
      entry.blank = line->length == 0;
      entry.paragraph_start = line->is_paragraph_start;
      g_array_append_val (self->lines, entry);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* Moves a page break that falls inside a paragraph up, so the paragraph
 * leaves no single line at the foot of the page (an orphan) and carries no
 * single line over to the next (a widow), when the page keeps a line. */
static guint
keep_lines_together (const BodyLine *lines,
                     guint           n_lines,
                     guint           first,
                     guint           end)
{
  guint moved = end;

  if (moved + 1 == n_lines || lines[moved + 1].paragraph_start)
    moved--;
  if (!lines[moved].paragraph_start && lines[moved - 1].paragraph_start)
    moved--;
  return moved > first ? moved : end;
}

static void
paginate (LuwteLetterLayout *self)
{
  const BodyLine *lines = (const BodyLine *) (gpointer) self->lines->data;
  guint n_lines = self->lines->len;
  guint first = 0;
  double top = self->first_body_top;

  while (first < n_lines)
    {
      double origin = lines[first].top;
      PageLines page = { first, first };

      while (page.end < n_lines && lines[page.end].bottom - origin <= BODY_BOTTOM - top)
        page.end++;

      if (page.end == first && self->pages->len > 0)
        page.end = first + 1;   /* taller than a page: set it anyway */
      else if (page.end > first && page.end < n_lines && !lines[page.end].paragraph_start)
        page.end = keep_lines_together (lines, n_lines, first, page.end);
      g_array_append_val (self->pages, page);

      /* A new page starts with text, not with the space between paragraphs. */
      first = page.end;
      while (first < n_lines && lines[first].blank)
        first++;
      top = NEXT_BODY_TOP;
    }

  if (self->pages->len == 0)
    {
      PageLines page = { 0, 0 };

      g_array_append_val (self->pages, page);
    }
}

/**
 * luwte_letter_layout_new:
 * @content: what the letter says; copied
 *
 * Lays out the letter and breaks it into pages, with the fonts of the
 * calling thread's cairo font map: draw it in the same thread.
 *
 * Returns: (transfer full): the letter, or %NULL when its logo cannot be read
 */
LuwteLetterLayout *
luwte_letter_layout_new (const LuwteLetterContent  *content,
                         GError                   **error)
{
  g_autoptr(LuwteLetterLayout) self = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (content->language <= LUWTE_LANGUAGE_EN, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LUWTE_TYPE_LETTER_LAYOUT, NULL);
  self->language = content->language;

  if (content->logo_path != NULL && *content->logo_path != '\0')
    {
      self->logo = luwte_letter_logo_load (content->logo_path, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT,
                                           &self->logo_width, &self->logo_height, error);
      if (self->logo == NULL)
        return NULL;
    }

  self->title = clean_text (content->subject);
  if (*self->title == '\0')
    {
      g_free (self->title);
      self->title = clean_text (content->reference);
    }
  self->author = clean_text (content->municipality);

  self->context = create_context (self->language);
  lay_out_letterhead (self, content);
  lay_out_details (self, content);
  lay_out_header (self, content);
  if (!content->final)
    {
      g_autofree char *title = g_steal_pointer (&self->title);

      lay_out_draft_mark (self);
      /* A viewer shows the title in its title bar. */
      self->title = *title != '\0' ? g_strconcat (draft_marks[self->language], ": ", title, NULL)
                                    : g_strdup (draft_marks[self->language]);
    }

  body = clean_text (content->body);
  self->body = make_layout (self->context, body, BODY_SIZE, PANGO_WEIGHT_NORMAL, TEXT_WIDTH);
  pango_layout_set_line_spacing (self->body, BODY_LINE_SPACING);
  keep_urls_whole (self->body, TEXT_WIDTH);
  collect_body_lines (self);
  paginate (self);

  return g_steal_pointer (&self);
}

/**
 * luwte_letter_draft_mark:
 *
 * Returns: the word that marks a draft in a letter of @language:
 *   "CONCEPT" or "DRAFT"
 */
const char *
luwte_letter_draft_mark (LuwteLanguage language)
{
  g_return_val_if_fail (language <= LUWTE_LANGUAGE_EN, NULL);

  return draft_marks[language];
}

int
luwte_letter_layout_get_n_pages (LuwteLetterLayout *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_LAYOUT (self), 0);

  return (int) self->pages->len;
}

const char *
luwte_letter_layout_get_title (LuwteLetterLayout *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_LAYOUT (self), NULL);

  return self->title;
}

const char *
luwte_letter_layout_get_author (LuwteLetterLayout *self)
{
  g_return_val_if_fail (LUWTE_IS_LETTER_LAYOUT (self), NULL);

  return self->author;
}

/* @shapes: fill the glyphs' outlines rather than show them as text */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       grey,
             gboolean     shapes)
{
  if (layout == NULL)
    return;
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  if (shapes)
    {
      pango_cairo_layout_path (cr, layout);
      cairo_fill (cr);
    }
  else
    pango_cairo_show_layout (cr, layout);
}

static void
draw_logo (LuwteLetterLayout *self,
           cairo_t           *cr)
{
  int width = cairo_image_surface_get_width (self->logo);
  int height = cairo_image_surface_get_height (self->logo);

  cairo_save (cr);
  cairo_translate (cr, MARGIN_LEFT, LOGO_TOP);
  cairo_scale (cr, self->logo_width / width, self->logo_height / height);
  cairo_set_source_surface (cr, self->logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_first_page_head (LuwteLetterLayout *self,
                      cairo_t           *cr,
                      gboolean           shapes)
{
  if (self->logo != NULL)
    draw_logo (self, cr);
  show_layout (cr, self->sender_name, SENDER_LEFT, LOGO_TOP, INK, shapes);
  show_layout (cr, self->sender_details, SENDER_LEFT, self->sender_details_top, SECONDARY_INK, shapes);
  show_layout (cr, self->return_address, MARGIN_LEFT, RETURN_TOP, SECONDARY_INK, shapes);
  show_layout (cr, self->recipient, MARGIN_LEFT, RECIPIENT_TOP, INK, shapes);

  for (guint i = 0; i < N_DETAILS; i++)
    {
      double top = self->detail_top[i];
      double shift;

      if (self->values[i] == NULL)
        continue;
      /* The small label on the baseline of its value's first line. */
      shift = first_baseline (self->values[i]) - first_baseline (self->labels[i]);
      show_layout (cr, self->labels[i], MARGIN_LEFT, top + shift, SECONDARY_INK, shapes);
      show_layout (cr, self->values[i], MARGIN_LEFT + LABEL_WIDTH, top, INK, shapes);
    }
}

static void
draw_next_page_head (LuwteLetterLayout *self,
                     cairo_t           *cr,
                     gboolean           shapes)
{
  double bottom = HEADER_TOP;

  show_layout (cr, self->header_name, MARGIN_LEFT, HEADER_TOP, SECONDARY_INK, shapes);
  if (self->header_name != NULL)
    bottom = MAX (bottom, HEADER_TOP + layout_height (self->header_name));
  if (self->header_reference != NULL)
    {
      show_layout (cr, self->header_reference,
                   MARGIN_LEFT + TEXT_WIDTH - layout_width (self->header_reference), HEADER_TOP,
                   SECONDARY_INK, shapes);
      bottom = MAX (bottom, HEADER_TOP + layout_height (self->header_reference));
    }

  cairo_set_source_rgb (cr, RULE_INK, RULE_INK, RULE_INK);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_LEFT, bottom + MM (2));
  cairo_rel_line_to (cr, TEXT_WIDTH, 0);
  cairo_stroke (cr);
}

static void
draw_page_number (LuwteLetterLayout *self,
                  cairo_t           *cr,
                  int                page,
                  gboolean           shapes)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int n_pages = (int) self->pages->len;

  if (self->language == LUWTE_LANGUAGE_NL)
    text = g_strdup_printf ("Pagina %d van %d", page + 1, n_pages);
  else
    text = g_strdup_printf ("Page %d of %d", page + 1, n_pages);
  layout = make_layout (self->context, text, SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0);
  show_layout (cr, layout,
               MARGIN_LEFT + TEXT_WIDTH - layout_width (layout),
               FOOTER_BASELINE - first_baseline (layout),
               SECONDARY_INK, shapes);
}

/* Diagonally across the page, from the lower left, under the text. */
static void
draw_watermark (LuwteLetterLayout *self,
                cairo_t           *cr)
{
  PangoRectangle ink;

  pango_layout_get_extents (self->watermark, &ink, NULL);
  cairo_save (cr);
  cairo_translate (cr, LUWTE_LETTER_PAGE_WIDTH / 2, LUWTE_LETTER_PAGE_HEIGHT / 2);
  cairo_rotate (cr, -atan2 (LUWTE_LETTER_PAGE_HEIGHT, LUWTE_LETTER_PAGE_WIDTH));
  cairo_move_to (cr, -pango_units_to_double (ink.x + ink.width / 2),
                 -pango_units_to_double (ink.y + ink.height / 2));
  /* Shapes, not text: a reader copying the letter gets no stray letters. */
  pango_cairo_layout_path (cr, self->watermark);
  cairo_set_source_rgb (cr, WATERMARK_INK, WATERMARK_INK, WATERMARK_INK);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_draft_note (LuwteLetterLayout *self,
                 cairo_t           *cr,
                 gboolean           shapes)
{
  show_layout (cr, self->draft_note, MARGIN_LEFT, FOOTER_BASELINE - first_baseline (self->draft_note), INK, shapes);
}

static void
draw_page (LuwteLetterLayout *self,
           cairo_t           *cr,
           int                page,
           gboolean           shapes)
{
  const PageLines *range = &g_array_index (self->pages, PageLines, page);
  const BodyLine *lines = (const BodyLine *) (gpointer) self->lines->data;
  double top;

  cairo_save (cr);
  cairo_new_path (cr);
  if (self->watermark != NULL)
    draw_watermark (self, cr);
  if (page == 0)
    {
      draw_first_page_head (self, cr, shapes);
      top = self->first_body_top;
    }
  else
    {
      draw_next_page_head (self, cr, shapes);
      top = NEXT_BODY_TOP;
    }

  cairo_set_source_rgb (cr, INK, INK, INK);
  for (guint i = range->first; i < range->end; i++)
    {
      cairo_move_to (cr, MARGIN_LEFT + lines[i].x, top + lines[i].baseline - lines[range->first].top);
      if (shapes)
        pango_cairo_layout_line_path (cr, lines[i].line);
      else
        pango_cairo_show_layout_line (cr, lines[i].line);
    }
  if (shapes)
    cairo_fill (cr);

  if (self->pages->len > 1)
    draw_page_number (self, cr, page, shapes);
  if (self->draft_note != NULL)
    draw_draft_note (self, cr, shapes);
  cairo_restore (cr);
}

/**
 * luwte_letter_layout_draw_page:
 * @cr: where to draw, in points on an A4 page; scale it to draw smaller or
 *   larger
 * @page: counted from 0
 *
 * Draws one page on a white sheet: paints no background. The text is
 * text, as a PDF and a printer want it.
 */
void
luwte_letter_layout_draw_page (LuwteLetterLayout *self,
                               cairo_t           *cr,
                               int                page)
{
  g_return_if_fail (LUWTE_IS_LETTER_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && (guint) page < self->pages->len);

  draw_page (self, cr, page, FALSE);
}

/**
 * luwte_letter_layout_draw_page_as_shapes:
 * @cr: as for luwte_letter_layout_draw_page()
 * @page: counted from 0
 *
 * Draws one page as luwte_letter_layout_draw_page() does, but every glyph
 * as its outline, filled. For a screen: cairo 1.16 puts each glyph it
 * shows on a whole pixel, which at the size of a preview eats the spaces
 * between words and makes letters collide; an outline lands where the
 * layout put it.
 */
void
luwte_letter_layout_draw_page_as_shapes (LuwteLetterLayout *self,
                                         cairo_t           *cr,
                                         int                page)
{
  g_return_if_fail (LUWTE_IS_LETTER_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && (guint) page < self->pages->len);

  draw_page (self, cr, page, TRUE);
}
