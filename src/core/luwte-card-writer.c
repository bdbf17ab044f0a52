/* luwte-card-writer.c — the card as JSON or text in one language
 *
 * The JSON is the contract of `luwte-cli card --json` in design.md: the
 * keys "version", "language", "groups" (number, id, title, interventions
 * with id, title, description and nested interventions) and "disclaimer",
 * and our further keys beside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-card"

#include "config.h"

#include "luwte-card-writer.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

static void
add_text (JsonBuilder          *builder,
          const char           *key,
          const LuwteLocalized *text,
          LuwteLanguage         language)
{
  const char *value = luwte_localized_get (text, language);

  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_text_list (JsonBuilder   *builder,
               const char    *key,
               GPtrArray     *texts,
               LuwteLanguage  language)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < texts->len; i++)
    json_builder_add_string_value (builder, luwte_localized_get (g_ptr_array_index (texts, i), language));
  json_builder_end_array (builder);
}

static void add_interventions (JsonBuilder   *builder,
                               GListModel    *interventions,
                               LuwteLanguage  language);

static void
add_intervention (JsonBuilder           *builder,
                  LuwteCardIntervention *intervention,
                  LuwteLanguage          language)
{
  GPtrArray *list;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, luwte_card_intervention_get_id (intervention));
  add_text (builder, "title", luwte_card_intervention_get_title (intervention), language);
  add_text (builder, "description", luwte_card_intervention_get_description (intervention), language);
  json_builder_set_member_name (builder, "intensity");
  json_builder_add_int_value (builder, luwte_card_intervention_get_intensity (intervention));
  add_text (builder, "decides", luwte_card_intervention_get_decides (intervention), language);

  json_builder_set_member_name (builder, "legal_basis");
  json_builder_begin_array (builder);
  list = luwte_card_intervention_get_legal_basis (intervention);
  for (guint i = 0; i < list->len; i++)
    {
      LuwteLegalBasis *basis = g_ptr_array_index (list, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "article");
      json_builder_add_string_value (builder, basis->article);
      add_text (builder, "summary", &basis->summary, language);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_text_list (builder, "conditions", luwte_card_intervention_get_conditions (intervention), language);
  add_text_list (builder, "caveats", luwte_card_intervention_get_caveats (intervention), language);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  list = luwte_card_intervention_get_sources (intervention);
  for (guint i = 0; i < list->len; i++)
    {
      LuwteCardSource *source = g_ptr_array_index (list, i);

      json_builder_begin_object (builder);
      add_text (builder, "title", &source->title, language);
      json_builder_set_member_name (builder, "reference");
      if (source->reference != NULL)
        json_builder_add_string_value (builder, source->reference);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "examples");
  json_builder_begin_array (builder);
  list = luwte_card_intervention_get_examples (intervention);
  for (guint i = 0; i < list->len; i++)
    {
      LuwteCardExample *example = g_ptr_array_index (list, i);

      json_builder_begin_object (builder);
      add_text (builder, "title", &example->title, language);
      json_builder_set_member_name (builder, "url");
      if (example->url != NULL)
        json_builder_add_string_value (builder, example->url);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "more_info");
  if (luwte_card_intervention_get_more_info_text (intervention) != NULL)
    {
      json_builder_begin_object (builder);
      add_text (builder, "label", luwte_card_intervention_get_more_info_label (intervention), language);
      add_text (builder, "text", luwte_card_intervention_get_more_info_text (intervention), language);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  add_interventions (builder, luwte_card_intervention_get_children (intervention), language);
  json_builder_end_object (builder);
}

static void
add_interventions (JsonBuilder   *builder,
                   GListModel    *interventions,
                   LuwteLanguage  language)
{
  guint n = g_list_model_get_n_items (interventions);

  json_builder_set_member_name (builder, "interventions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuwteCardIntervention) intervention = g_list_model_get_item (interventions, i);
      add_intervention (builder, intervention, language);
    }
  json_builder_end_array (builder);
}

/**
 * luwte_card_to_json:
 *
 * Returns: (transfer full): the card in @language, pretty-printed
 */
char *
luwte_card_to_json (LuwteCard     *card,
                    LuwteLanguage  language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *groups = luwte_card_get_groups (card);
  const char * const *makers = luwte_card_get_makers (card);
  guint n = g_list_model_get_n_items (groups);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, luwte_card_get_version (card));
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, luwte_card_get_date (card));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, luwte_language_to_code (language));
  add_text (builder, "title", luwte_card_get_title (card), language);
  add_text (builder, "question", luwte_card_get_question (card), language);

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (groups, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, luwte_card_group_get_number (group));
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, luwte_card_group_get_id (group));
      add_text (builder, "title", luwte_card_group_get_title (group), language);
      add_text (builder, "summary", luwte_card_group_get_summary (group), language);
      add_interventions (builder, luwte_card_group_get_interventions (group), language);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_text (builder, "disclaimer", luwte_card_get_disclaimer (card), language);
  add_text_list (builder, "remarks", luwte_card_get_remarks (card), language);
  add_text (builder, "credits", luwte_card_get_credits (card), language);
  json_builder_set_member_name (builder, "makers");
  json_builder_begin_array (builder);
  for (guint i = 0; makers != NULL && makers[i] != NULL; i++)
    json_builder_add_string_value (builder, makers[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

static void
append_wrapped (GString    *out,
                const char *indent,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "%s%s\n", indent, lines[i]);
}

static void
append_list (GString       *out,
             const char    *indent,
             const char    *heading,
             GPtrArray     *texts,
             LuwteLanguage  language)
{
  if (texts->len == 0)
    return;
  g_string_append_printf (out, "%s%s:\n", indent, heading);
  for (guint i = 0; i < texts->len; i++)
    g_string_append_printf (out, "%s  • %s\n", indent,
                            luwte_localized_get (g_ptr_array_index (texts, i), language));
}

static void
append_intervention (GString               *out,
                     LuwteCardIntervention *intervention,
                     LuwteLanguage          language)
{
  g_autofree char *indent = g_strnfill (3 + 3 * luwte_card_intervention_get_depth (intervention), ' ');
  g_autofree char *deeper = g_strconcat (indent, "   ", NULL);
  const char *description = luwte_localized_get (luwte_card_intervention_get_description (intervention), language);
  const LuwteLocalized *decides = luwte_card_intervention_get_decides (intervention);
  GListModel *children = luwte_card_intervention_get_children (intervention);
  GPtrArray *list;

  g_string_append_printf (out, "%s%s  [%s]\n", indent,
                          luwte_localized_get (luwte_card_intervention_get_title (intervention), language),
                          luwte_card_intervention_get_id (intervention));
  if (description != NULL && *description != '\0')
    append_wrapped (out, deeper, description);
  /* TRANSLATORS: place on the escalation ladder, from 1 (lightest) to 10 */
  g_string_append_printf (out, _("%sIntensity: %u of 10\n"), deeper, luwte_card_intervention_get_intensity (intervention));
  if (decides != NULL)
    g_string_append_printf (out, _("%sWho decides: %s\n"), deeper, luwte_localized_get (decides, language));

  list = luwte_card_intervention_get_legal_basis (intervention);
  if (list->len > 0)
    g_string_append_printf (out, "%s%s:\n", deeper, _("Legal basis"));
  for (guint i = 0; i < list->len; i++)
    {
      LuwteLegalBasis *basis = g_ptr_array_index (list, i);
      g_string_append_printf (out, "%s  • %s — %s\n", deeper, basis->article,
                              luwte_localized_get (&basis->summary, language));
    }
  append_list (out, deeper, _("Conditions"), luwte_card_intervention_get_conditions (intervention), language);
  append_list (out, deeper, _("Caveats"), luwte_card_intervention_get_caveats (intervention), language);

  list = luwte_card_intervention_get_examples (intervention);
  for (guint i = 0; i < list->len; i++)
    {
      LuwteCardExample *example = g_ptr_array_index (list, i);
      g_string_append_printf (out, _("%sExample: %s\n"), deeper, luwte_localized_get (&example->title, language));
    }

  if (luwte_card_intervention_get_more_info_text (intervention) != NULL)
    {
      g_string_append_printf (out, "%s%s:\n", deeper,
                              luwte_localized_get (luwte_card_intervention_get_more_info_label (intervention), language));
      append_wrapped (out, deeper, luwte_localized_get (luwte_card_intervention_get_more_info_text (intervention), language));
    }

  list = luwte_card_intervention_get_sources (intervention);
  if (list->len > 0)
    g_string_append_printf (out, "%s%s:\n", deeper, _("Sources"));
  for (guint i = 0; i < list->len; i++)
    {
      LuwteCardSource *source = g_ptr_array_index (list, i);

      if (source->reference != NULL)
        g_string_append_printf (out, "%s  • %s (%s)\n", deeper,
                                luwte_localized_get (&source->title, language), source->reference);
      else
        g_string_append_printf (out, "%s  • %s\n", deeper, luwte_localized_get (&source->title, language));
    }

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(LuwteCardIntervention) child = g_list_model_get_item (children, i);
      append_intervention (out, child, language);
    }
}

/**
 * luwte_card_to_text:
 *
 * Returns: (transfer full): the whole card in @language, for a terminal
 */
char *
luwte_card_to_text (LuwteCard     *card,
                    LuwteLanguage  language)
{
  GString *out = g_string_new (NULL);
  GListModel *groups = luwte_card_get_groups (card);
  GPtrArray *remarks = luwte_card_get_remarks (card);
  guint n = g_list_model_get_n_items (groups);

  g_string_append_printf (out, "%s\n", luwte_localized_get (luwte_card_get_title (card), language));
  /* TRANSLATORS: the card's version and date, e.g. "Version 1.0 of 2026-11-29" */
  g_string_append_printf (out, _("Version %s of %s\n"), luwte_card_get_version (card), luwte_card_get_date (card));
  if (luwte_localized_get (luwte_card_get_question (card), language) != NULL)
    g_string_append_printf (out, "\n%s\n", luwte_localized_get (luwte_card_get_question (card), language));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (groups, i);
      GListModel *interventions = luwte_card_group_get_interventions (group);
      const char *summary = luwte_localized_get (luwte_card_group_get_summary (group), language);

      g_string_append_printf (out, "\n%u. %s  [%s]\n", luwte_card_group_get_number (group),
                              luwte_localized_get (luwte_card_group_get_title (group), language),
                              luwte_card_group_get_id (group));
      if (summary != NULL)
        g_string_append_printf (out, "   %s\n", summary);
      for (guint j = 0; j < g_list_model_get_n_items (interventions); j++)
        {
          g_autoptr(LuwteCardIntervention) intervention = g_list_model_get_item (interventions, j);
          append_intervention (out, intervention, language);
        }
    }

  g_string_append_printf (out, "\n%s:\n", _("Disclaimer"));
  append_wrapped (out, "", luwte_localized_get (luwte_card_get_disclaimer (card), language));
  for (guint i = 0; i < remarks->len; i++)
    g_string_append_printf (out, "• %s\n", luwte_localized_get (g_ptr_array_index (remarks, i), language));
  g_string_append_printf (out, "• %s\n", luwte_localized_get (luwte_card_get_credits (card), language));

  return g_string_free (out, FALSE);
}
