/* luwte-letter-layout.h — a letter set on A4 pages, for PDF, print and preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "luwte-language.h"

G_BEGIN_DECLS

#define LUWTE_LETTER_LAYOUT_ERROR (luwte_letter_layout_error_quark ())

typedef enum {
  LUWTE_LETTER_LAYOUT_ERROR_LOGO,
  LUWTE_LETTER_LAYOUT_ERROR_PDF,
} LuwteLetterLayoutError;

GQuark luwte_letter_layout_error_quark (void);

/* A4 in PostScript points: what luwte_letter_layout_draw_page() draws on. */
#define LUWTE_LETTER_PAGE_WIDTH  595.276
#define LUWTE_LETTER_PAGE_HEIGHT 841.89

/* Everything a letter shows, as plain text: nothing is read as markup. Any
 * field may be NULL or empty. */
typedef struct {
  LuwteLanguage  language;         /* of the labels, not of the UI */
  const char    *municipality;
  const char    *sender_address;   /* multi-line */
  const char    *logo_path;        /* PNG or SVG */
  const char    *contact_line;     /* phone · e-mail */
  const char    *recipient_block;  /* multi-line */
  const char    *date;             /* already written out */
  const char    *reference;
  const char    *subject;
  const char    *body;             /* multi-line; an empty line between paragraphs */
  gboolean       final;            /* the letter as made final; otherwise every
                                    * page is marked as a draft */
} LuwteLetterContent;

const char *luwte_letter_draft_mark (LuwteLanguage language);

#define LUWTE_TYPE_LETTER_LAYOUT (luwte_letter_layout_get_type ())
G_DECLARE_FINAL_TYPE (LuwteLetterLayout, luwte_letter_layout, LUWTE, LETTER_LAYOUT, GObject)

LuwteLetterLayout *luwte_letter_layout_new         (const LuwteLetterContent  *content,
                                                    GError                   **error);
int                luwte_letter_layout_get_n_pages (LuwteLetterLayout         *self);
void               luwte_letter_layout_draw_page   (LuwteLetterLayout         *self,
                                                    cairo_t                   *cr,
                                                    int                        page);
void               luwte_letter_layout_draw_page_as_shapes (LuwteLetterLayout *self,
                                                            cairo_t           *cr,
                                                            int                page);

GBytes            *luwte_letter_layout_to_pdf      (LuwteLetterLayout         *self,
                                                    GError                   **error);
gboolean           luwte_letter_layout_write_pdf   (LuwteLetterLayout         *self,
                                                    const char                *path,
                                                    GError                   **error);

G_END_DECLS
