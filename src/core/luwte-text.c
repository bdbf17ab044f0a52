/* luwte-text.c — folding text for diacritics- and case-insensitive matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-text"

#include "config.h"

#include "luwte-text.h"

#include <string.h>

/* Appends the folded form of @c: its canonical decomposition without
 * combining marks, lower-cased. "É" becomes "e", "ĳ" stays one letter. */
static void
append_folded_char (GString  *out,
                    gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_ismark (d))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (d));
    }
}

/**
 * luwte_text_fold:
 * @text: valid UTF-8
 * @origin_offsets: (out) (optional): for every byte of the result, plus one
 *   past the end, the byte offset in @text of the character it came from
 *
 * Returns: (transfer full): @text without diacritics, in lower case
 */
char *
luwte_text_fold (const char  *text,
                 GArray     **origin_offsets)
{
  g_autoptr(GArray) offsets = NULL;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  if (origin_offsets != NULL)
    offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), strlen (text) + 1);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize before = out->len;

      append_folded_char (out, g_utf8_get_char (p));
      if (offsets != NULL)
        for (gsize i = before; i < out->len; i++)
          {
            gsize origin = (gsize) (p - text);
            g_array_append_val (offsets, origin);
          }
    }

  if (offsets != NULL)
    {
      gsize end = (gsize) (p - text);
      g_array_append_val (offsets, end);
      *origin_offsets = g_steal_pointer (&offsets);
    }

  return g_string_free (out, FALSE);
}

/**
 * luwte_text_split_words:
 * @query: what the user typed
 *
 * Splits @query at anything that is not a letter or digit and folds each
 * word, so that "Noodverordening, art.176" gives "noodverordening", "art"
 * and "176". Punctuation never has a meaning of its own.
 *
 * Returns: (transfer full): a %NULL-terminated array, empty for a blank query
 */
char **
luwte_text_split_words (const char *query)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree char *folded = NULL;
  GString *word = g_string_new (NULL);

  g_return_val_if_fail (query != NULL, NULL);

  folded = luwte_text_fold (query, NULL);
  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strndup (word->str, word->len));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  g_ptr_array_add (words, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

gboolean
luwte_text_contains_word (const char *folded_text,
                          const char *folded_word)
{
  return strstr (folded_text, folded_word) != NULL;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const LuwteTextRange *ra = a;
  const LuwteTextRange *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return ra->end < rb->end ? -1 : (ra->end > rb->end);
}

/**
 * luwte_text_find_words:
 * @text: valid UTF-8, as shown to the user
 * @folded_words: words from luwte_text_split_words()
 *
 * Finds every occurrence of every word in @text, ignoring case and
 * diacritics, for highlighting.
 *
 * Returns: (transfer full): sorted, merged #LuwteTextRange in @text
 */
GArray *
luwte_text_find_words (const char         *text,
                       const char * const *folded_words)
{
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *folded = NULL;
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (LuwteTextRange));
  GArray *merged;

  g_return_val_if_fail (text != NULL, ranges);

  if (folded_words == NULL || folded_words[0] == NULL)
    return ranges;

  folded = luwte_text_fold (text, &offsets);
  for (guint w = 0; folded_words[w] != NULL; w++)
    {
      gsize len = strlen (folded_words[w]);
      const char *hit;

      if (len == 0)
        continue;
      for (hit = strstr (folded, folded_words[w]); hit != NULL; hit = strstr (hit + len, folded_words[w]))
        {
          gsize fstart = (gsize) (hit - folded);
          gsize fend = fstart + len;
          LuwteTextRange range;

          range.start = g_array_index (offsets, gsize, fstart);
          /* The end maps to the start of the next source character, so a
           * folded "e" from "é" covers the whole "é". */
          range.end = g_array_index (offsets, gsize, fend);
          if (range.end <= range.start)
            {
              const char *next = g_utf8_next_char (text + range.start);
              range.end = (gsize) (next - text);
            }
          g_array_append_val (ranges, range);
        }
    }

  g_array_sort (ranges, compare_ranges);
  merged = g_array_new (FALSE, FALSE, sizeof (LuwteTextRange));
  for (guint i = 0; i < ranges->len; i++)
    {
      LuwteTextRange *r = &g_array_index (ranges, LuwteTextRange, i);

      if (merged->len > 0)
        {
          LuwteTextRange *last = &g_array_index (merged, LuwteTextRange, merged->len - 1);
          if (r->start <= last->end)
            {
              last->end = MAX (last->end, r->end);
              continue;
            }
        }
      g_array_append_val (merged, *r);
    }
  g_array_unref (ranges);

  return merged;
}
