/* luwte-text.h — folding text for diacritics- and case-insensitive matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A byte range [start, end) in the original (unfolded) UTF-8 text. */
typedef struct {
  gsize start;
  gsize end;
} LuwteTextRange;

char   *luwte_text_fold          (const char   *text,
                                  GArray      **origin_offsets);
char  **luwte_text_split_words   (const char   *query);
GArray *luwte_text_find_words    (const char   *text,
                                  const char  *const *folded_words);
gboolean luwte_text_contains_word (const char   *folded_text,
                                   const char   *folded_word);

G_END_DECLS
