/* luwte-cli-search.c — `luwte-cli search QUERY [--json] [--status S]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-cli"

#include "config.h"

#include "luwte-cli.h"
#include "luwte-search.h"
#include "luwte-store.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

/* Every case that matches, which is at most the 1,000 ranked. */
#define MAX_HITS 1000

/* A field on the one line of its case: no tabs or line breaks in it. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  return g_strdelimit (line, "\t\r\n", ' ');
}

int
luwte_cli_search (LuwteCliContext  *context,
                  int               argc,
                  char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteSearch) search = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  LuwteSearchFilter filter = { NULL };
  LuwteCaseStatus status;
  gboolean json = FALSE;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (g_str_equal (argv[i], "--status") || g_str_has_prefix (argv[i], "--status="))
        {
          const char *value = argv[i][8] == '=' ? argv[i] + 9 : (i + 1 < argc ? argv[++i] : NULL);

          if (value == NULL || !luwte_case_status_parse (value, &status))
            return luwte_cli_usage_error (_("search: --status takes signal, active, monitoring or closed"));
          filter.status = &status;
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return luwte_cli_usage_error (_("search: unexpected “%s”"), argv[i]);
      else
        g_ptr_array_add (words, argv[i]);
    }
  if (words->len == 0)
    return luwte_cli_usage_error (_("search: what to look for? Give the words, e.g. luwte-cli search vuurwerk"));

  /* The words of several arguments are one query, as if quoted. */
  g_ptr_array_add (words, NULL);
  query = g_strjoinv (" ", (char **) words->pdata);

  store = luwte_store_open (context->db_path, &error);
  if (store == NULL)
    return luwte_cli_fail (error);
  search = luwte_search_new (store, &error);
  if (search == NULL)
    return luwte_cli_fail (error);
  hits = luwte_search_run (search, query, &filter, 0, MAX_HITS, NULL, &error);
  if (hits == NULL)
    return luwte_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          LuwteSearchHit *hit = g_ptr_array_index (hits, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "reference");
          json_builder_add_string_value (builder, luwte_search_hit_get_reference (hit));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, luwte_search_hit_get_title (hit));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, luwte_case_status_to_string (luwte_search_hit_get_status (hit)));
          json_builder_set_member_name (builder, "snippet");
          json_builder_add_string_value (builder, luwte_search_hit_get_snippet (hit));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      out = json_generator_to_data (generator, NULL);
      luwte_cli_print (out);
      return LUWTE_CLI_OK;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      LuwteSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *title = one_line (luwte_search_hit_get_title (hit));

      g_print ("%s\t%s\t%s\t%s\n", luwte_search_hit_get_reference (hit),
               luwte_case_status_to_string (luwte_search_hit_get_status (hit)),
               title, luwte_search_hit_get_snippet (hit));
    }
  return LUWTE_CLI_OK;
}
