/* test-text.c — folding and matching text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-text.h"

#include <string.h>

static void
test_fold (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "Creëer", "creeer" },
    { "Interveniëren", "intervenieren" },
    { "ÉÉN café", "een cafe" },
    { "Noodverordening", "noodverordening" },
    { "", "" },
    { "art. 5:32a Awb", "art. 5:32a awb" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = luwte_text_fold (cases[i].in, NULL);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_fold_offsets (void)
{
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *folded = luwte_text_fold ("aë b", &offsets);

  g_assert_cmpstr (folded, ==, "ae b");
  g_assert_cmpuint (offsets->len, ==, strlen (folded) + 1);
  g_assert_cmpuint (g_array_index (offsets, gsize, 0), ==, 0);
  g_assert_cmpuint (g_array_index (offsets, gsize, 1), ==, 1);   /* "ë" starts at byte 1 */
  g_assert_cmpuint (g_array_index (offsets, gsize, 2), ==, 3);   /* " " after the two-byte "ë" */
  g_assert_cmpuint (g_array_index (offsets, gsize, 4), ==, 5);   /* the end */
}

static void
test_split_words (void)
{
  g_auto(GStrv) words = luwte_text_split_words ("  Noodverordening, art.176  Créëer ");
  g_auto(GStrv) none = luwte_text_split_words (" ,;. ");
  g_auto(GStrv) markup = luwte_text_split_words ("<b>&amp;</b> \"*\" (OR)");

  g_assert_cmpuint (g_strv_length (words), ==, 4);
  g_assert_cmpstr (words[0], ==, "noodverordening");
  g_assert_cmpstr (words[1], ==, "art");
  g_assert_cmpstr (words[2], ==, "176");
  g_assert_cmpstr (words[3], ==, "creeer");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  /* Query syntax and markup are just words. */
  g_assert_cmpuint (g_strv_length (markup), ==, 4);
  g_assert_cmpstr (markup[0], ==, "b");
  g_assert_cmpstr (markup[1], ==, "amp");
}

static void
test_find_words (void)
{
  const char *text = "Creëer en deel digitale posters; CREËER!";
  g_auto(GStrv) words = luwte_text_split_words ("creeer poster");
  g_autoptr(GArray) ranges = luwte_text_find_words (text, (const char * const *) words);
  LuwteTextRange *r;

  g_assert_cmpuint (ranges->len, ==, 3);
  r = &g_array_index (ranges, LuwteTextRange, 0);
  g_assert_cmpuint (r->start, ==, 0);
  g_assert_cmpuint (r->end, ==, strlen ("Creëer"));
  r = &g_array_index (ranges, LuwteTextRange, 1);
  g_assert_cmpuint (r->start, ==, strlen ("Creëer en deel digitale "));
  g_assert_cmpuint (r->end, ==, strlen ("Creëer en deel digitale poster"));
  r = &g_array_index (ranges, LuwteTextRange, 2);
  g_assert_cmpuint (r->end, ==, strlen (text) - 1);
}

static void
test_find_words_overlap (void)
{
  g_auto(GStrv) words = luwte_text_split_words ("noodver verordening");
  g_autoptr(GArray) ranges = luwte_text_find_words ("Noodverordening", (const char * const *) words);

  /* Overlapping matches are merged into one mark. */
  g_assert_cmpuint (ranges->len, ==, 1);
  g_assert_cmpuint (g_array_index (ranges, LuwteTextRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (ranges, LuwteTextRange, 0).end, ==, 15);
}

static void
test_find_no_words (void)
{
  const char *no_words[] = { NULL };
  g_autoptr(GArray) ranges = luwte_text_find_words ("abc", no_words);

  g_assert_cmpuint (ranges->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/fold-offsets", test_fold_offsets);
  g_test_add_func ("/text/split-words", test_split_words);
  g_test_add_func ("/text/find-words", test_find_words);
  g_test_add_func ("/text/find-words-overlap", test_find_words_overlap);
  g_test_add_func ("/text/find-no-words", test_find_no_words);

  return g_test_run ();
}
