/* luwte-language.h — the two languages of the card and the letters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LUWTE_LANGUAGE_NL,
  LUWTE_LANGUAGE_EN,
} LuwteLanguage;

/* A text the card or a template gives in both languages. */
typedef struct {
  char *nl;
  char *en;
} LuwteLocalized;

LuwteLanguage  luwte_language_from_locale (void);
gboolean       luwte_language_parse       (const char           *code,
                                           LuwteLanguage        *language);
const char    *luwte_language_to_code     (LuwteLanguage         language);
gboolean       luwte_language_apply       (const char           *code);

const char    *luwte_localized_get        (const LuwteLocalized *text,
                                           LuwteLanguage         language);
void           luwte_localized_clear      (LuwteLocalized       *text);

G_END_DECLS

G_BEGIN_DECLS
void           luwte_i18n_init            (void);
G_END_DECLS
