/* test-card-seed.c — every line of the published card is in Luwte's card,
 * in Dutch and in English, and ids never change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"

#include <string.h>

typedef struct {
  GPtrArray *texts;      /* const LuwteLocalized *, borrowed from the card */
  GPtrArray *examples;   /* const LuwteLocalized * */
} CardTexts;

/* Collapses runs of white space, so line breaks in the seed do not matter. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The seed's markdown: "- " bullets, "**", "[text](#)" links, "\(" escapes. */
static char *
normalise_seed_line (const char *line)
{
  g_autoptr(GRegex) link = g_regex_new ("\\[([^\\]]*)\\]\\([^)]*\\)", 0, 0, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  g_autofree char *unlinked = NULL;
  g_autofree char *squashed = NULL;
  GString *out;
  const char *p = stripped;

  while (g_str_has_prefix (p, "- ") || g_str_has_prefix (p, "-"))
    p = g_strchug ((char *) p + 1);

  out = g_string_new (p);
  g_string_replace (out, "**", "", 0);
  g_string_replace (out, "\\(", "(", 0);
  g_string_replace (out, "\\)", ")", 0);
  unlinked = g_regex_replace (link, out->str, -1, 0, "\\1", 0, NULL);
  g_string_free (out, TRUE);
  squashed = squash (unlinked);
  return g_strstrip (g_steal_pointer (&squashed));
}

static void
add (GPtrArray            *into,
     const LuwteLocalized *text)
{
  if (text != NULL)
    g_ptr_array_add (into, (gpointer) text);
}

static void
collect_intervention (CardTexts             *texts,
                      LuwteCardIntervention *item)
{
  GListModel *children = luwte_card_intervention_get_children (item);
  GPtrArray *list;

  add (texts->texts, luwte_card_intervention_get_title (item));
  add (texts->texts, luwte_card_intervention_get_description (item));
  add (texts->texts, luwte_card_intervention_get_more_info_label (item));
  add (texts->texts, luwte_card_intervention_get_more_info_text (item));
  list = luwte_card_intervention_get_examples (item);
  for (guint i = 0; i < list->len; i++)
    add (texts->examples, &((LuwteCardExample *) g_ptr_array_index (list, i))->title);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(LuwteCardIntervention) child = g_list_model_get_item (children, i);
      collect_intervention (texts, child);
    }
}

/* Whether @line stands in one of @texts; its English must be there too. */
static gboolean
find_in (GPtrArray  *texts,
         const char *line)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const LuwteLocalized *text = g_ptr_array_index (texts, i);
      g_autofree char *nl = squash (text->nl);

      if (strstr (nl, line) != NULL)
        {
          g_assert_nonnull (text->en);
          g_assert_cmpstr (text->en, !=, "");
          return TRUE;
        }
    }
  return FALSE;
}

/* The one published item the card splits over title and description. */
static gboolean
find_in_title_and_description (LuwteCard  *card,
                               const char *line)
{
  g_autoptr(GPtrArray) all = luwte_card_list_interventions (card);

  for (guint i = 0; i < all->len; i++)
    {
      LuwteCardIntervention *item = g_ptr_array_index (all, i);
      g_autofree char *joined = g_strdup_printf ("%s %s",
                                                 luwte_card_intervention_get_title (item)->nl,
                                                 luwte_card_intervention_get_description (item)->nl);
      g_autofree char *squashed = squash (joined);

      if (strstr (squashed, line) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_group_heading (LuwteCard  *card,
                  const char *line)
{
  GListModel *groups = luwte_card_get_groups (card);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", luwte_card_group_get_number (group),
                                                  luwte_card_group_get_title (group)->nl);

      if (g_str_equal (heading, line))
        {
          g_assert_cmpstr (luwte_card_group_get_title (group)->en, !=, luwte_card_group_get_title (group)->nl);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_every_seed_line (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "interventiekaart.txt", NULL);
  g_autofree char *seed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) all = luwte_card_list_interventions (card);
  CardTexts texts = { g_ptr_array_new (), g_ptr_array_new () };
  GListModel *groups = luwte_card_get_groups (card);
  GPtrArray *remarks = luwte_card_get_remarks (card);
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &seed, NULL, NULL));

  add (texts.texts, luwte_card_get_title (card));
  add (texts.texts, luwte_card_get_question (card));
  add (texts.texts, luwte_card_get_disclaimer (card));
  add (texts.texts, luwte_card_get_credits (card));
  for (guint i = 0; i < remarks->len; i++)
    add (texts.texts, g_ptr_array_index (remarks, i));
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (groups, i);
      GListModel *items = luwte_card_group_get_interventions (group);

      add (texts.texts, luwte_card_group_get_title (group));
      add (texts.texts, luwte_card_group_get_summary (group));
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(LuwteCardIntervention) item = g_list_model_get_item (items, j);
          collect_intervention (&texts, item);
        }
    }

  lines = g_strsplit (seed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = normalise_seed_line (lines[i]);

      if (*line == '\0')
        continue;
      checked++;

      if (is_group_heading (card, line))
        continue;
      /* The heading the window shows above the disclaimer. */
      if (g_str_equal (line, "Disclaimer:"))
        continue;
      if (g_str_has_prefix (line, "Voorbeeld ") && find_in (texts.examples, line + strlen ("Voorbeeld ")))
        continue;
      if (find_in (texts.texts, line))
        continue;
      if (find_in_title_and_description (card, line))
        continue;

      g_error ("The seed line “%s” is not on the card", line);
    }

  /* The seed holds 49 non-empty lines; a parse that skipped some would
   * pass the loop above. */
  g_assert_cmpuint (checked, ==, 49);

  /* Every intervention is translated: the English differs from the Dutch. */
  for (guint i = 0; i < all->len; i++)
    {
      LuwteCardIntervention *item = g_ptr_array_index (all, i);
      g_assert_cmpstr (luwte_card_intervention_get_title (item)->en, !=, luwte_card_intervention_get_title (item)->nl);
      g_assert_cmpstr (luwte_card_intervention_get_description (item)->en, !=, luwte_card_intervention_get_description (item)->nl);
    }

  g_ptr_array_unref (texts.texts);
  g_ptr_array_unref (texts.examples);
}

static void
collect_ids (LuwteCard  *card,
             GHashTable *ids)
{
  g_autoptr(GPtrArray) all = luwte_card_list_interventions (card);
  GListModel *groups = luwte_card_get_groups (card);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (groups, i);
      g_assert_true (g_hash_table_add (ids, g_strdup (luwte_card_group_get_id (group))));
    }
  for (guint i = 0; i < all->len; i++)
    g_assert_true (g_hash_table_add (ids, g_strdup (luwte_card_intervention_get_id (g_ptr_array_index (all, i)))));
}

static void
test_ids_stable (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "card-ids.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTableIter iter;
  gpointer id;

  collect_ids (card, ids);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (!g_hash_table_contains (ids, lines[i]))
        g_error ("The id “%s” disappeared from the card; ids never change", lines[i]);
      g_hash_table_add (known, lines[i]);
    }

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      for (const char *p = id; *p != '\0'; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
      if (!g_hash_table_contains (known, id))
        g_error ("The new id “%s” is not in tests/fixtures/card-ids.txt", (char *) id);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card-seed/every-line", test_every_seed_line);
  g_test_add_func ("/card-seed/ids-stable", test_ids_stable);

  return g_test_run ();
}
