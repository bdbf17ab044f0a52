/* luwte-card-search.c — finding interventions on the card
 *
 * Searches everything a user sees of an intervention: title, description,
 * who decides, legal basis, conditions, caveats, sources, examples and the
 * further information, ignoring case and diacritics ("noodverordening"
 * finds "Noodverordening", "creeer" finds "Creëer").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-card-search"

#include "config.h"

#include "luwte-card-search.h"
#include "luwte-text.h"

enum {
  WEIGHT_DETAIL = 1,
  WEIGHT_DESCRIPTION = 2,
  WEIGHT_TITLE = 4,
};

static void
add_text (GPtrArray  *texts,
          GArray     *weights,
          const char *text,
          guint       weight)
{
  if (text == NULL || *text == '\0')
    return;
  g_ptr_array_add (texts, (gpointer) text);
  if (weights != NULL)
    g_array_append_val (weights, weight);
}

/**
 * luwte_card_intervention_list_texts:
 * @texts: (element-type utf8): receives borrowed strings
 * @weights: (nullable) (element-type guint): how much a match in each counts
 *
 * Lists every text of @intervention that is shown to the user in @language.
 */
void
luwte_card_intervention_list_texts (LuwteCardIntervention *intervention,
                                    LuwteLanguage          language,
                                    GPtrArray             *texts,
                                    GArray                *weights)
{
  GPtrArray *list;

  add_text (texts, weights, luwte_localized_get (luwte_card_intervention_get_title (intervention), language), WEIGHT_TITLE);
  add_text (texts, weights, luwte_localized_get (luwte_card_intervention_get_description (intervention), language), WEIGHT_DESCRIPTION);
  add_text (texts, weights, luwte_localized_get (luwte_card_intervention_get_decides (intervention), language), WEIGHT_DETAIL);

  list = luwte_card_intervention_get_legal_basis (intervention);
  for (guint i = 0; i < list->len; i++)
    {
      LuwteLegalBasis *basis = g_ptr_array_index (list, i);
      add_text (texts, weights, basis->article, WEIGHT_DESCRIPTION);
      add_text (texts, weights, luwte_localized_get (&basis->summary, language), WEIGHT_DETAIL);
    }

  list = luwte_card_intervention_get_conditions (intervention);
  for (guint i = 0; i < list->len; i++)
    add_text (texts, weights, luwte_localized_get (g_ptr_array_index (list, i), language), WEIGHT_DETAIL);

  list = luwte_card_intervention_get_caveats (intervention);
  for (guint i = 0; i < list->len; i++)
    add_text (texts, weights, luwte_localized_get (g_ptr_array_index (list, i), language), WEIGHT_DETAIL);

  list = luwte_card_intervention_get_sources (intervention);
  for (guint i = 0; i < list->len; i++)
    {
      LuwteCardSource *source = g_ptr_array_index (list, i);
      add_text (texts, weights, luwte_localized_get (&source->title, language), WEIGHT_DETAIL);
      add_text (texts, weights, source->reference, WEIGHT_DETAIL);
    }

  list = luwte_card_intervention_get_examples (intervention);
  for (guint i = 0; i < list->len; i++)
    {
      LuwteCardExample *example = g_ptr_array_index (list, i);
      add_text (texts, weights, luwte_localized_get (&example->title, language), WEIGHT_DETAIL);
    }

  add_text (texts, weights, luwte_localized_get (luwte_card_intervention_get_more_info_label (intervention), language), WEIGHT_DETAIL);
  add_text (texts, weights, luwte_localized_get (luwte_card_intervention_get_more_info_text (intervention), language), WEIGHT_DETAIL);
}

typedef struct {
  LuwteCardIntervention *intervention;
  guint                  score;
  guint                  order;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;

  if (ma->score != mb->score)
    return ma->score > mb->score ? -1 : 1;
  return ma->order < mb->order ? -1 : (ma->order > mb->order);
}

/* The score of @intervention for @words: for each word, the weight of the
 * best field it occurs in; 0 when a word occurs nowhere. */
static guint
score_intervention (LuwteCardIntervention *intervention,
                    LuwteLanguage          language,
                    char                 **words)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (guint));
  guint score = 0;

  luwte_card_intervention_list_texts (intervention, language, texts, weights);
  for (guint i = 0; i < texts->len; i++)
    g_ptr_array_add (folded, luwte_text_fold (g_ptr_array_index (texts, i), NULL));

  for (guint w = 0; words[w] != NULL; w++)
    {
      guint best = 0;

      for (guint i = 0; i < folded->len; i++)
        if (luwte_text_contains_word (g_ptr_array_index (folded, i), words[w]))
          best = MAX (best, g_array_index (weights, guint, i));
      if (best == 0)
        return 0;
      score += best;
    }

  return score;
}

/**
 * luwte_card_search:
 * @query: what the user typed; every word must occur
 *
 * Returns: (transfer container) (element-type LuwteCardIntervention): the
 *   matching interventions, best first, then in card order; empty for a
 *   blank query
 */
GPtrArray *
luwte_card_search (LuwteCard     *card,
                   LuwteLanguage  language,
                   const char    *query)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) matches = NULL;
  g_auto(GStrv) words = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LUWTE_IS_CARD (card), result);

  words = luwte_text_split_words (query != NULL ? query : "");
  if (words[0] == NULL)
    return result;

  all = luwte_card_list_interventions (card);
  matches = g_array_new (FALSE, FALSE, sizeof (Match));
  for (guint i = 0; i < all->len; i++)
    {
      Match match = { g_ptr_array_index (all, i), 0, i };

      match.score = score_intervention (match.intervention, language, words);
      if (match.score > 0)
        g_array_append_val (matches, match);
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (result, g_object_ref (g_array_index (matches, Match, i).intervention));

  return result;
}
