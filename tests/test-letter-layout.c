/* test-letter-layout.c — letters set on A4 pages and written as PDF
 *
 * The PDF is read back as poppler reads it (pdftotext, pdfinfo, pdfimages
 * from poppler-utils), the way a recipient's viewer would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-letter-layout.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#define MM(x) ((x) * 72.0 / 25.4)

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("luwte-letter-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static const char sample_body[] =
  "Geachte familie De Vries,\n"
  "\n"
  "Op vrijdag 11 september 2026 werd via sociale media opgeroepen om zaterdagavond naar het "
  "winkelcentrum te komen. Wij hebben aanwijzingen dat uw zoon betrokken is bij het verspreiden "
  "van dit bericht. Wij vragen u daarom met hem in gesprek te gaan over de gevolgen die zo'n "
  "oproep kan hebben, voor anderen en voor hemzelf.\n"
  "\n"
  "Meer informatie vindt u op https://www.voorbeeld.nl/veiligheid/oproepen-online-en-ouders\n"
  "Voor vragen: oov@voorbeeld.nl of 14 0123.\n"
  "\n"
  "Met vriendelijke groet,\n"
  "\n"
  "De burgemeester van Voorbeeld,\n"
  "\n"
  "J. Jansen";

static LuwteLetterContent
sample_content (void)
{
  LuwteLetterContent content = {
    .language = LUWTE_LANGUAGE_NL,
    .municipality = "Gemeente Voorbeeld",
    .sender_address = "Postbus 1\n1234 AA Voorbeeld",
    .contact_line = "14 0123 · oov@voorbeeld.nl",
    .recipient_block = "Fam. De Vries\nDorpsstraat 1\n1234 AB  Voorbeeld",
    .date = "14 september 2026",
    .reference = "OOV-2026-0042",
    .subject = "Oproep tot ordeverstoring via sociale media",
    .body = sample_body,
  };
  return content;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdfinfo) is not installed");
      return FALSE;
    }
  return TRUE;
}

/* Runs a poppler tool with the arguments after @program, up to NULL. */
static char *
run_tool (const char *program,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) program);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static gboolean
is_direction_mark (gunichar c)
{
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* The text with each run of white space as one space, or none with
 * @no_spaces, and no direction marks: what pdftotext adds or moves
 * around. A line that ends in a hyphen joins the next without a space. */
static char *
squash (const char *text,
        gboolean    no_spaces)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  gboolean newline = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_direction_mark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          newline |= c == '\n' || c == '\f';
          continue;
        }
      if (space && !no_spaces && out->len > 0
          && !(newline && out->str[out->len - 1] == '-'))
        g_string_append_c (out, ' ');
      space = newline = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  g_autofree char *raw = NULL;

  if (page > 0)
    raw = run_tool ("pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL);
  else
    raw = run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  return squash (raw, FALSE);
}

static void
assert_has (const char *text,
            const char *needle)
{
  g_autofree char *wanted = squash (needle, FALSE);

  if (strstr (text, wanted) == NULL)
    g_test_message ("“%s” is not in the PDF's text: %s", wanted, text);
  g_assert_nonnull (strstr (text, wanted));
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_every_line (const char *text,
                   const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      assert_has (text, lines[i]);
}

static char *
write_letter (Fixture                  *fixture,
              const LuwteLetterContent *content,
              const char               *name,
              int                      *n_pages)
{
  g_autoptr(LuwteLetterLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  layout = luwte_letter_layout_new (content, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_assert_true (luwte_letter_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = luwte_letter_layout_get_n_pages (layout);
  return path;
}

/* Every page of @path is A4 and there are @n_pages. */
static void
assert_a4 (const char *path,
           int         n_pages)
{
  g_autofree char *last = g_strdup_printf ("%d", n_pages);
  g_autofree char *info = run_tool ("pdfinfo", "-f", "1", "-l", last, path, NULL);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  int pages = 0;
  int sizes = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *size = strstr (lines[i], "size:");
      double width = 0;
      double height = 0;

      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = atoi (lines[i] + strlen ("Pages:"));
      if (!g_str_has_prefix (lines[i], "Page") || size == NULL)
        continue;
      g_assert_cmpint (sscanf (size, "size: %lf x %lf pts", &width, &height), ==, 2);
      g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
      sizes++;
    }
  g_assert_cmpint (pages, ==, n_pages);
  g_assert_cmpint (sizes, >=, n_pages);
}

static void
test_one_page (Fixture       *fixture,
               gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  int n_pages = 0;

  if (!have_poppler ())
    return;

  path = write_letter (fixture, &content, "letter.pdf", &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  assert_a4 (path, 1);

  text = pdf_text (path, 0);
  assert_has (text, "Gemeente Voorbeeld");
  assert_has (text, "Postbus 1");
  assert_has (text, "oov@voorbeeld.nl");
  assert_has (text, "Fam. De Vries");
  assert_has (text, "Dorpsstraat 1");
  assert_has (text, "1234 AB Voorbeeld");
  assert_has (text, "Datum 14 september 2026");
  assert_has (text, "Ons kenmerk OOV-2026-0042");
  assert_has (text, "Onderwerp Oproep tot ordeverstoring via sociale media");
  assert_every_line (text, sample_body);
  assert_has (text, "https://www.voorbeeld.nl/veiligheid/oproepen-online-en-ouders");
  /* One page: no page number. */
  g_assert_null (strstr (text, "Pagina"));
  g_assert_null (strstr (text, " van 1"));

  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Oproep tot ordeverstoring via sociale media"));
  g_assert_nonnull (strstr (info, "Luwte"));
}

/* Paragraph @k is made of words "p<k>w<j>", so any line of the PDF's text
 * tells which paragraph it comes from. Lengths vary, so the page breaks
 * fall in different places of a paragraph. */
static char *
numbered_body (guint n_paragraphs,
               guint shift)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < shift; i++)
    g_string_append_printf (body, "s%u\n", i);
  for (guint k = 0; k < n_paragraphs; k++)
    {
      guint words = 12 + (k * 7 + shift * 5) % 45;

      if (k > 0)
        g_string_append (body, "\n\n");
      for (guint j = 0; j < words; j++)
        g_string_append_printf (body, "%sp%uw%u", j > 0 ? " " : "", k, j);
    }
  return g_string_free (body, FALSE);
}

/* The paragraph a line of the PDF's text comes from, or -1. */
static int
paragraph_of (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  unsigned k, j;

  for (guint i = 0; words[i] != NULL; i++)
    if (sscanf (words[i], "p%uw%u", &k, &j) == 2)
      return (int) k;
  return -1;
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *body = numbered_body (40, 0);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  int n_pages = 0;

  if (!have_poppler ())
    return;

  content.body = body;
  path = write_letter (fixture, &content, "long.pdf", &n_pages);
  g_assert_cmpint (n_pages, >=, 3);
  assert_a4 (path, n_pages);

  all = pdf_text (path, 0);
  assert_every_line (all, body);
  g_assert_cmpuint (count (all, "Pagina "), ==, (guint) n_pages);

  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      g_autofree char *number = g_strdup_printf ("Pagina %d van %d", page, n_pages);

      assert_has (text, number);
      g_assert_cmpuint (count (text, "Pagina "), ==, 1);
      /* Later pages carry the reference in their header. */
      assert_has (text, "OOV-2026-0042");
      if (page > 1)
        {
          assert_has (text, "Ons kenmerk OOV-2026-0042");
          g_assert_null (strstr (text, "Dorpsstraat"));
        }
    }
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *body = numbered_body (30, 0);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  int n_pages = 0;

  if (!have_poppler ())
    return;

  /* The labels follow the letter's language, whatever the UI's is. */
  content.language = LUWTE_LANGUAGE_EN;
  content.body = body;
  path = write_letter (fixture, &content, "english.pdf", &n_pages);
  g_assert_cmpint (n_pages, >=, 2);

  text = pdf_text (path, 0);
  assert_has (text, "Date 14 september 2026");
  assert_has (text, "Our reference OOV-2026-0042");
  assert_has (text, "Subject Oproep tot ordeverstoring via sociale media");
  assert_has (text, "Page 1 of");
  g_assert_null (strstr (text, "Ons kenmerk"));
  g_assert_null (strstr (text, "Onderwerp"));
  g_assert_null (strstr (text, "Pagina"));
}

/* No paragraph leaves a single line at the foot of a page or carries a
 * single line over to the next, wherever the breaks fall. */
#define MAX_PARAGRAPHS 30
#define MAX_PAGES 8

static void
test_widows_and_orphans (Fixture       *fixture,
                         gconstpointer  data)
{
  guint split = 0;

  if (!have_poppler ())
    return;

  for (guint shift = 0; shift < 8; shift++)
    {
      LuwteLetterContent content = sample_content ();
      g_autofree char *body = numbered_body (MAX_PARAGRAPHS, shift);
      g_autofree char *name = g_strdup_printf ("shift-%u.pdf", shift);
      g_autofree char *path = NULL;
      guint lines_on[MAX_PARAGRAPHS][MAX_PAGES] = { { 0 } };
      int n_pages = 0;

      content.body = body;
      path = write_letter (fixture, &content, name, &n_pages);
      g_assert_cmpint (n_pages, >=, 2);
      g_assert_cmpint (n_pages, <=, MAX_PAGES);

      for (int page = 1; page <= n_pages; page++)
        {
          g_autofree char *number = g_strdup_printf ("%d", page);
          g_autofree char *raw = run_tool ("pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL);
          g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            {
              int k = paragraph_of (lines[i]);

              if (k >= 0)
                lines_on[k][page - 1]++;
            }
        }

      for (guint k = 0; k < MAX_PARAGRAPHS; k++)
        {
          guint pages = 0;

          for (int page = 0; page < n_pages; page++)
            pages += lines_on[k][page] > 0;
          if (pages < 2)
            continue;
          split++;
          for (int page = 0; page < n_pages; page++)
            if (lines_on[k][page] > 0)
              {
                g_test_message ("%s: paragraph %u has %u lines on page %d", name, k, lines_on[k][page], page + 1);
                g_assert_cmpuint (lines_on[k][page], >=, 2);
              }
        }
    }
  /* The letters do break paragraphs across pages. */
  g_assert_cmpuint (split, >=, 4);
}

static void
test_literal_text (Fixture       *fixture,
                   gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *raw = NULL;
  const char *rtl_words[] = { "שלום", "עולם", "مرحبا", "بالعالم" };

  if (!have_poppler ())
    return;

  content.municipality = "Gemeente <b>&amp;</b> {{x}}";
  content.recipient_block = "Fam. <i>De</i> Vries &lt;\nDorpsstraat 1 {{x}}";
  content.reference = "{{reference}}";
  content.subject = "<b>Onderwerp</b> & meer 😀";
  content.body = "Geachte <b>heer</b> &amp; {{name}} %s %d,\n\n"
                 "שלום עולם\n\n"
                 "مرحبا بالعالم\n\n"
                 "Een glimlach 😀 en <span foreground=\"red\">rood</span>.";
  path = write_letter (fixture, &content, "literal.pdf", NULL);
  raw = run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  text = squash (raw, FALSE);
  bare = squash (raw, TRUE);

  assert_has (text, "Gemeente <b>&amp;</b> {{x}}");
  assert_has (text, "Fam. <i>De</i> Vries &lt;");
  assert_has (text, "Dorpsstraat 1 {{x}}");
  assert_has (text, "{{reference}}");
  assert_has (text, "<b>Onderwerp</b> & meer 😀");
  assert_has (text, "Geachte <b>heer</b> &amp; {{name}} %s %d,");
  assert_has (text, "Een glimlach 😀 en <span foreground=\"red\">rood</span>.");
  /* pdftotext puts right-to-left words in its own order: each is whole. */
  for (guint i = 0; i < G_N_ELEMENTS (rtl_words); i++)
    g_assert_nonnull (strstr (bare, rtl_words[i]));
}

static void
test_logo_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *missing = g_build_filename (fixture->dir, "geen-logo.png", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "kapot-logo.png", NULL);
  g_autofree char *truncated = g_build_filename (fixture->dir, "half-logo.png", NULL);
  g_autofree char *bad_svg = g_build_filename (fixture->dir, "kapot-logo.svg", NULL);
  static const guchar png_start[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  const struct { const char *path; const char *name; } cases[] = {
    { missing, "geen-logo.png" },
    { broken, "kapot-logo.png" },
    { truncated, "half-logo.png" },
    { bad_svg, "kapot-logo.svg" },
  };

  g_assert_true (g_file_set_contents (broken, "dit is geen plaatje", -1, NULL));
  g_assert_true (g_file_set_contents (truncated, (const char *) png_start, sizeof png_start, NULL));
  g_assert_true (g_file_set_contents (bad_svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LuwteLetterLayout) layout = NULL;
      g_autoptr(GError) error = NULL;

      content.logo_path = cases[i].path;
      layout = luwte_letter_layout_new (&content, &error);
      g_assert_null (layout);
      g_assert_error (error, LUWTE_LETTER_LAYOUT_ERROR, LUWTE_LETTER_LAYOUT_ERROR_LOGO);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].name));
    }
}

static void
write_png_logo (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 120);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.8);
  cairo_rectangle (cr, 0, 0, 120, 120);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0.9, 0.2, 0.1, 0.5);
  cairo_arc (cr, 180, 60, 50, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_logo_png_and_svg (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "logo.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "logo.svg", NULL);
  g_autofree char *pdfimages = g_find_program_in_path ("pdfimages");
  const char *logos[] = { png, svg };

  if (!have_poppler ())
    return;

  write_png_logo (png);
  g_assert_true (g_file_set_contents (svg,
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"80\" viewBox=\"0 0 200 80\">"
    "<rect width=\"80\" height=\"80\" rx=\"10\" fill=\"#1c71d8\"/>"
    "<circle cx=\"140\" cy=\"40\" r=\"30\" fill=\"#e01b24\"/></svg>", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (logos); i++)
    {
      LuwteLetterContent content = sample_content ();
      g_autofree char *name = g_strdup_printf ("logo-%u.pdf", i);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      content.logo_path = logos[i];
      path = write_letter (fixture, &content, name, NULL);
      text = pdf_text (path, 0);
      assert_has (text, "Gemeente Voorbeeld");
      assert_has (text, "Fam. De Vries");

      if (pdfimages != NULL)
        {
          g_autofree char *list = run_tool ("pdfimages", "-list", path, NULL);

          /* The logo is in the PDF as a picture. */
          g_assert_nonnull (strstr (list, " image "));
        }
    }
}

static void
ink_extents (LuwteLetterLayout *layout,
             int                page,
             double            *x,
             double            *y,
             double            *width,
             double            *height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  luwte_letter_layout_draw_page (layout, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, x, y, width, height);
  cairo_surface_destroy (surface);
}

static void
count_operation (cairo_surface_t *observer,
                 cairo_surface_t *target,
                 void            *data)
{
  (*(guint *) data)++;
}

/* The same page drawn as text and as shapes, watched: how often each
 * shows glyphs and fills, and where its ink is. */
static void
observe_page (LuwteLetterLayout *layout,
              int                page,
              gboolean           shapes,
              guint             *n_glyphs,
              guint             *n_fills,
              cairo_rectangle_t *ink)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *observer = cairo_surface_create_observer (recording, CAIRO_SURFACE_OBSERVER_NORMAL);
  cairo_t *cr = cairo_create (observer);

  *n_glyphs = *n_fills = 0;
  cairo_surface_observer_add_glyphs_callback (observer, count_operation, n_glyphs);
  cairo_surface_observer_add_fill_callback (observer, count_operation, n_fills);
  if (shapes)
    luwte_letter_layout_draw_page_as_shapes (layout, cr, page);
  else
    luwte_letter_layout_draw_page (layout, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (observer);
  cairo_recording_surface_ink_extents (recording, &ink->x, &ink->y, &ink->width, &ink->height);
  cairo_surface_destroy (observer);
  cairo_surface_destroy (recording);
}

/* For the screen, every glyph is an outline where the layout put it, so
 * the page shows what the PDF shows, at any size. */
static void
test_draw_as_shapes (Fixture       *fixture,
                     gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *body = numbered_body (30, 2);
  g_autoptr(LuwteLetterLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  content.body = body;
  layout = luwte_letter_layout_new (&content, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_letter_layout_get_n_pages (layout), >=, 2);

  for (int page = 0; page < 2; page++)
    {
      cairo_rectangle_t text_ink, shapes_ink;
      guint n_glyphs, n_fills;

      observe_page (layout, page, FALSE, &n_glyphs, &n_fills, &text_ink);
      g_assert_cmpuint (n_glyphs, >, 0);

      observe_page (layout, page, TRUE, &n_glyphs, &n_fills, &shapes_ink);
      g_assert_cmpuint (n_glyphs, ==, 0);
      g_assert_cmpuint (n_fills, >, 0);

      /* The same text in the same place, to within a point. */
      g_assert_cmpfloat_with_epsilon (shapes_ink.x, text_ink.x, 1.0);
      g_assert_cmpfloat_with_epsilon (shapes_ink.y, text_ink.y, 1.0);
      g_assert_cmpfloat_with_epsilon (shapes_ink.width, text_ink.width, 1.0);
      g_assert_cmpfloat_with_epsilon (shapes_ink.height, text_ink.height, 1.0);
    }
}

/* Into a recording surface, as printing does, and scaled into an image,
 * as the preview does. */
static void
test_draw_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *body = numbered_body (30, 2);
  g_autofree char *png = g_build_filename (fixture->dir, "logo.png", NULL);
  g_autoptr(LuwteLetterLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  int n_pages;

  write_png_logo (png);
  content.logo_path = png;
  content.body = body;
  layout = luwte_letter_layout_new (&content, &error);
  g_assert_no_error (error);
  n_pages = luwte_letter_layout_get_n_pages (layout);
  g_assert_cmpint (n_pages, >=, 2);

  for (int page = 0; page < n_pages; page++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
      cairo_t *cr = cairo_create (image);
      double x, y, width, height;
      guchar *pixels;
      int stride;
      guint dark = 0;

      /* Everything within the margins of the page. */
      ink_extents (layout, page, &x, &y, &width, &height);
      g_assert_cmpfloat (width, >, 0);
      g_assert_cmpfloat (height, >, 0);
      g_assert_cmpfloat (x, >=, MM (20));
      g_assert_cmpfloat (x + width, <=, LUWTE_LETTER_PAGE_WIDTH - MM (20));
      g_assert_cmpfloat (y, >=, MM (8));
      g_assert_cmpfloat (y + height, <=, LUWTE_LETTER_PAGE_HEIGHT - MM (10));

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 298 / LUWTE_LETTER_PAGE_WIDTH, 421 / LUWTE_LETTER_PAGE_HEIGHT);
      luwte_letter_layout_draw_page (layout, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (image);
      pixels = cairo_image_surface_get_data (image);
      stride = cairo_image_surface_get_stride (image);
      for (int row = 0; row < 421; row++)
        for (int col = 0; col < 298; col++)
          if ((((guint32 *) (gpointer) (pixels + row * stride))[col] & 0xff) < 0xe0)
            dark++;
      g_test_message ("page %d: %u pixels not white", page + 1, dark);
      g_assert_cmpuint (dark, >, 1000);
      cairo_surface_destroy (image);
    }
}

/* A letter not made final says it is a draft on every page, in its own
 * language; the body stays whole in the text a reader copies. The letter
 * as made final carries no mark. */
static void
test_draft_mark (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    LuwteLanguage  language;
    const char    *mark;
    const char    *other;
  } languages[] = {
    { LUWTE_LANGUAGE_NL, "CONCEPT", "DRAFT" },
    { LUWTE_LANGUAGE_EN, "DRAFT", "CONCEPT" },
  };
  g_autofree char *body = numbered_body (30, 0);

  if (!have_poppler ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      LuwteLetterContent content = sample_content ();
      g_autofree char *draft = NULL;
      g_autofree char *final = NULL;
      g_autofree char *all = NULL;
      g_autofree char *final_text = NULL;
      g_autofree char *info = NULL;
      g_autofree char *title = NULL;
      int n_pages = 0;

      content.language = languages[i].language;
      content.body = body;
      draft = write_letter (fixture, &content, "draft.pdf", &n_pages);
      g_assert_cmpint (n_pages, >=, 2);
      all = pdf_text (draft, 0);
      assert_every_line (all, body);
      g_assert_null (strstr (all, languages[i].other));
      for (int page = 1; page <= n_pages; page++)
        {
          g_autofree char *text = pdf_text (draft, page);

          /* Once: the large mark is drawn, not set as text. */
          g_assert_cmpuint (count (text, languages[i].mark), ==, 1);
        }
      info = run_tool ("pdfinfo", draft, NULL);
      title = g_strconcat (languages[i].mark, ": Oproep tot ordeverstoring", NULL);
      g_assert_nonnull (strstr (info, title));

      content.final = TRUE;
      final = write_letter (fixture, &content, "final.pdf", NULL);
      final_text = pdf_text (final, 0);
      assert_every_line (final_text, body);
      g_assert_null (strstr (final_text, "CONCEPT"));
      g_assert_null (strstr (final_text, "DRAFT"));
      g_clear_pointer (&info, g_free);
      info = run_tool ("pdfinfo", final, NULL);
      g_assert_null (strstr (info, title));
    }
}

static cairo_surface_t *
draw_page_image (LuwteLetterLayout *layout,
                 int                page,
                 int                width,
                 int                height)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / LUWTE_LETTER_PAGE_WIDTH, height / LUWTE_LETTER_PAGE_HEIGHT);
  luwte_letter_layout_draw_page (layout, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The large mark is light, covers a good part of the page, and lies under
 * the text: no pixel of the final letter is lighter in the draft. Drawn at
 * a pixel a point. */
static void
test_draft_mark_under_text (Fixture       *fixture,
                            gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *body = numbered_body (30, 0);
  g_autoptr(LuwteLetterLayout) draft = NULL;
  g_autoptr(LuwteLetterLayout) final = NULL;
  const int width = 595;
  const int height = 842;
  const int footer = (int) (LUWTE_LETTER_PAGE_HEIGHT - MM (25));

  content.body = body;
  draft = luwte_letter_layout_new (&content, NULL);
  content.final = TRUE;
  final = luwte_letter_layout_new (&content, NULL);
  g_assert_cmpint (luwte_letter_layout_get_n_pages (draft), ==, luwte_letter_layout_get_n_pages (final));

  for (int page = 0; page < luwte_letter_layout_get_n_pages (draft); page++)
    {
      cairo_surface_t *with_mark = draw_page_image (draft, page, width, height);
      cairo_surface_t *without = draw_page_image (final, page, width, height);
      int stride = cairo_image_surface_get_stride (with_mark);
      guint marked = 0;

      for (int row = 0; row < height; row++)
        {
          const guint32 *a = (const guint32 *) (gpointer) (cairo_image_surface_get_data (with_mark) + row * stride);
          const guint32 *b = (const guint32 *) (gpointer) (cairo_image_surface_get_data (without) + row * stride);

          for (int col = 0; col < width; col++)
            {
              guint grey_draft = a[col] & 0xff;
              guint grey_final = b[col] & 0xff;

              g_assert_cmpuint (grey_draft, <=, grey_final + 2);
              /* Above the foot, where the line of text says it, too. */
              if (row < footer && grey_final == 0xff && grey_draft < 0xff)
                {
                  g_assert_cmpuint (grey_draft, >=, 0xc8);
                  marked++;
                }
            }
        }
      g_test_message ("page %d: %u pixels of the mark", page + 1, marked);
      g_assert_cmpuint (marked, >, (guint) (width * height / 100));
      cairo_surface_destroy (with_mark);
      cairo_surface_destroy (without);
    }
}

/* The screen's resolution, which GTK sets on the default font map, moves
 * no line: PDF, print and preview break the pages alike. */
static void
test_independent_of_screen (Fixture       *fixture,
                            gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autofree char *body = numbered_body (30, 1);
  PangoCairoFontMap *map = PANGO_CAIRO_FONT_MAP (pango_cairo_font_map_get_default ());
  double resolution = pango_cairo_font_map_get_resolution (map);
  g_autoptr(LuwteLetterLayout) normal = NULL;
  g_autoptr(LuwteLetterLayout) hidpi = NULL;
  int n_pages;

  content.body = body;
  normal = luwte_letter_layout_new (&content, NULL);
  pango_cairo_font_map_set_resolution (map, 192);
  hidpi = luwte_letter_layout_new (&content, NULL);
  pango_cairo_font_map_set_resolution (map, resolution);

  n_pages = luwte_letter_layout_get_n_pages (normal);
  g_assert_cmpint (luwte_letter_layout_get_n_pages (hidpi), ==, n_pages);
  for (int page = 0; page < n_pages; page++)
    {
      double a[4], b[4];

      ink_extents (normal, page, &a[0], &a[1], &a[2], &a[3]);
      ink_extents (hidpi, page, &b[0], &b[1], &b[2], &b[3]);
      for (guint i = 0; i < 4; i++)
        g_assert_cmpfloat_with_epsilon (a[i], b[i], 0.01);
    }
}

static void
test_write_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  LuwteLetterContent content = sample_content ();
  g_autoptr(LuwteLetterLayout) layout = luwte_letter_layout_new (&content, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "brief.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "bestaat-niet", "brief.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *data_read = NULL;
  gsize length = 0;
  GStatBuf info;
  guint n_files = 0;

  bytes = luwte_letter_layout_to_pdf (layout, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);

  /* Over an older file, which is replaced whole. */
  g_assert_true (g_file_set_contents (path, "oud", -1, NULL));
  g_assert_true (luwte_letter_layout_write_pdf (layout, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data_read, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (data_read, 5, "%PDF-", 5);
  /* Letters name minors: for the user's eyes alone. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_false (luwte_letter_layout_write_pdf (layout, nowhere, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "brief.pdf"));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  LuwteLetterContent content = { .language = LUWTE_LANGUAGE_NL };
  g_autoptr(LuwteLetterLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  layout = luwte_letter_layout_new (&content, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_letter_layout_get_n_pages (layout), ==, 1);
  pdf = luwte_letter_layout_to_pdf (layout, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
}

int
main (int   argc,
      char *argv[])
{
  /* Not isolated: gdk-pixbuf tells PNG from SVG through the shared MIME
   * database, and fontconfig keeps its cache, in the XDG directories. */
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/letter-layout/one-page", test_one_page);
  ADD ("/letter-layout/pages", test_pages);
  ADD ("/letter-layout/english", test_english);
  ADD ("/letter-layout/widows-and-orphans", test_widows_and_orphans);
  ADD ("/letter-layout/literal-text", test_literal_text);
  ADD ("/letter-layout/logo-errors", test_logo_errors);
  ADD ("/letter-layout/logo-png-and-svg", test_logo_png_and_svg);
  ADD ("/letter-layout/draw-pages", test_draw_pages);
  ADD ("/letter-layout/draw-as-shapes", test_draw_as_shapes);
  ADD ("/letter-layout/independent-of-screen", test_independent_of_screen);
  ADD ("/letter-layout/write-pdf", test_write_pdf);
  ADD ("/letter-layout/empty", test_empty);
  ADD ("/letter-layout/draft-mark", test_draft_mark);
  ADD ("/letter-layout/draft-mark-under-text", test_draft_mark_under_text);
#undef ADD

  return g_test_run ();
}
