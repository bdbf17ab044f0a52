/* luwte-cli-letters.c — `templates [--json]` and `letter REF TEMPLATE …`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "luwte-cli.h"
#include "luwte-letter-compose.h"
#include "luwte-party.h"
#include "luwte-template-library.h"
#include "luwte-template-fields.h"

/* One entry per template id, with the languages it comes in. */
int
luwte_cli_templates (LuwteCliContext  *context,
                     int               argc,
                     char            **argv)
{
  g_autoptr(LuwteTemplateLibrary) library = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GPtrArray *templates;
  GPtrArray *problems;
  gboolean json = FALSE;

  for (int i = 0; i < argc; i++)
    if (g_str_equal (argv[i], "--json"))
      json = TRUE;
    else
      return luwte_cli_usage_error (_("templates: unexpected “%s”"), argv[i]);

  library = luwte_template_library_new ();
  templates = luwte_template_library_get_templates (library);
  problems = luwte_template_library_get_problems (library);
  /* A broken template of the user's is reported, and the rest listed. */
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("luwte-cli: %s\n", ((GError *) g_ptr_array_index (problems, i))->message);

  for (guint i = 0; i < templates->len; i++)
    {
      const char *id = luwte_template_get_id (g_ptr_array_index (templates, i));

      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) id);
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      LuwteTemplate *nl = luwte_template_library_lookup (library, id, LUWTE_LANGUAGE_NL);
      LuwteTemplate *en = luwte_template_library_lookup (library, id, LUWTE_LANGUAGE_EN);
      LuwteTemplate *shown = context->language == LUWTE_LANGUAGE_EN && en != NULL ? en : nl != NULL ? nl : en;
      const char * const *interventions = luwte_template_get_interventions (shown);

      if (json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, luwte_template_get_title (shown));
          json_builder_set_member_name (builder, "languages");
          json_builder_begin_array (builder);
          if (nl != NULL)
            json_builder_add_string_value (builder, "nl");
          if (en != NULL)
            json_builder_add_string_value (builder, "en");
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "interventions");
          json_builder_begin_array (builder);
          for (guint k = 0; interventions != NULL && interventions[k] != NULL; k++)
            json_builder_add_string_value (builder, interventions[k]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "recipient");
          json_builder_add_string_value (builder, luwte_template_get_recipient (shown));
          json_builder_set_member_name (builder, "builtin");
          json_builder_add_boolean_value (builder, luwte_template_get_is_builtin (shown));
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *list = interventions != NULL ? g_strjoinv (",", (char **) interventions) : g_strdup ("");

          g_print ("%s\t%s%s%s\t%s\t%s\n", id, nl != NULL ? "nl" : "", nl != NULL && en != NULL ? "," : "",
                   en != NULL ? "en" : "", list, luwte_template_get_title (shown));
        }
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      luwte_cli_print (text);
    }
  return LUWTE_CLI_OK;
}

/* "p12", as show --json and export print it, or 12 */
static gint64
parse_party_id (const char *text)
{
  const char *digits = text[0] == 'p' ? text + 1 : text;
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &id, NULL))
    return -1;
  return (gint64) id;
}

static gboolean
party_of_case (GPtrArray *parties,
               gint64     id)
{
  for (guint i = 0; i < parties->len; i++)
    if (luwte_party_get_id (g_ptr_array_index (parties, i)) == id)
      return TRUE;
  return FALSE;
}

static gboolean
youth_of_case (GPtrArray *parties,
               gint64     id)
{
  for (guint i = 0; i < parties->len; i++)
    if (luwte_party_get_id (g_ptr_array_index (parties, i)) == id &&
        luwte_party_get_role (g_ptr_array_index (parties, i)) == LUWTE_ROLE_YOUTH)
      return TRUE;
  return FALSE;
}

/* A --set the template does not ask for would be dropped unseen, and the
 * officer would think the letter says it: wrong usage. */
static gboolean
inputs_of_template (LuwteTemplate *template,
                    GHashTable    *inputs)
{
  GPtrArray *fields = luwte_template_get_inputs (template);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, inputs);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_autoptr(GString) known = g_string_new (NULL);
      gboolean found = FALSE;

      for (guint i = 0; i < fields->len && !found; i++)
        found = g_str_equal (((LuwteTemplateInput *) g_ptr_array_index (fields, i))->name, name);
      if (found)
        continue;

      for (guint i = 0; i < fields->len; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                                ((LuwteTemplateInput *) g_ptr_array_index (fields, i))->name);
      if (fields->len == 0)
        luwte_cli_usage_error (_("letter: template “%s” has no field “%s”; it takes no --set"),
                               luwte_template_get_id (template), (const char *) name);
      else
        luwte_cli_usage_error (_("letter: template “%s” has no field “%s”; it takes %s"),
                               luwte_template_get_id (template), (const char *) name, known->str);
      return FALSE;
    }
  return TRUE;
}

static int
fail_message (const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);
  return luwte_cli_fail (error);
}

int
luwte_cli_letter (LuwteCliContext  *context,
                  int               argc,
                  char            **argv)
{
  g_autoptr(LuwteTemplateLibrary) library = NULL;
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GHashTable) inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(LuwteTemplateValues) values = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  const char *positional[2] = { NULL, NULL };
  const char *output = NULL;
  const char *party_text = NULL;
  const char *youth_text = NULL;
  LuwteTemplate *template;
  LuwteLetterFacts facts = { 0 };
  guint n_positional = 0;
  gboolean pdf;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output"))
        {
          if (++i >= argc)
            return luwte_cli_usage_error (_("letter: -o needs a file name"));
          output = argv[i];
        }
      else if (g_str_equal (argv[i], "--party"))
        {
          if (++i >= argc)
            return luwte_cli_usage_error (_("letter: --party needs a party id, such as p3"));
          party_text = argv[i];
        }
      else if (g_str_equal (argv[i], "--youth"))
        {
          if (++i >= argc)
            return luwte_cli_usage_error (_("letter: --youth needs a party id, such as p3"));
          youth_text = argv[i];
        }
      else if (g_str_equal (argv[i], "--set"))
        {
          const char *equals;

          if (++i >= argc || (equals = strchr (argv[i], '=')) == NULL)
            return luwte_cli_usage_error (_("letter: --set takes NAME=VALUE, such as brief.termijn=24 uur"));
          g_hash_table_replace (inputs, g_strndup (argv[i], equals - argv[i]), g_strdup (equals + 1));
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return luwte_cli_usage_error (_("letter: unknown option “%s”"), argv[i]);
      else if (n_positional < 2)
        positional[n_positional++] = argv[i];
      else
        return luwte_cli_usage_error (_("letter: unexpected “%s”"), argv[i]);
    }
  if (n_positional != 2 || output == NULL)
    return luwte_cli_usage_error (_("letter takes a case reference, a template and -o FILE: letter REF TEMPLATE -o FILE"));
  if (g_str_has_suffix (output, ".pdf"))
    pdf = TRUE;
  else if (g_str_has_suffix (output, ".txt"))
    pdf = FALSE;
  else
    return luwte_cli_usage_error (_("letter: the output file must end in .pdf or .txt"));
  if (party_text != NULL && parse_party_id (party_text) < 0)
    return luwte_cli_usage_error (_("letter: “%s” is not a party id, such as p3"), party_text);
  if (youth_text != NULL && parse_party_id (youth_text) < 0)
    return luwte_cli_usage_error (_("letter: “%s” is not a party id, such as p3"), youth_text);

  library = luwte_template_library_new ();
  template = luwte_template_library_lookup (library, positional[1], context->language);
  if (template == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no template “%s” in %s; see luwte-cli templates."),
                                                  positional[1], luwte_language_to_code (context->language));
      return fail_message (message);
    }
  if (!inputs_of_template (template, inputs))
    return LUWTE_CLI_USAGE;
  /* Like a --set the template does not ask for: dropped unseen, it would
   * mislead. */
  if (youth_text != NULL && !luwte_template_uses_field (template, LUWTE_FIELD_YOUTH_NAME))
    return luwte_cli_usage_error (_("letter: the template “%s” names no young person; leave out --youth"),
                                  positional[1]);

  store = luwte_store_open (context->db_path, &error);
  if (store == NULL)
    return luwte_cli_fail (error);
  kase = luwte_store_get_case (store, positional[0], &error);
  if (kase == NULL)
    return luwte_cli_fail (error);
  parties = luwte_store_list_parties (store, kase, &error);
  if (parties == NULL)
    return luwte_cli_fail (error);

  facts.kase = kase;
  facts.language = context->language;
  facts.inputs = inputs;
  facts.party_id = party_text != NULL ? parse_party_id (party_text) : luwte_letter_default_recipient (store, kase, template);
  if (party_text != NULL && !party_of_case (parties, facts.party_id))
    {
      g_autofree char *message = g_strdup_printf (_("Case %s has no party %s; see luwte-cli show %s --json."),
                                                  positional[0], party_text, positional[0]);
      return fail_message (message);
    }
  facts.youth_id = youth_text != NULL ? parse_party_id (youth_text) : luwte_letter_default_youth (store, kase);
  if (youth_text != NULL && !youth_of_case (parties, facts.youth_id))
    {
      g_autofree char *message = g_strdup_printf (_("Case %s has no young person %s; see luwte-cli show %s --json."),
                                                  positional[0], youth_text, positional[0]);
      return fail_message (message);
    }

  values = luwte_letter_values_build (store, &facts, &error);
  if (values == NULL)
    return luwte_cli_fail (error);
  luwte_letter_render (template, values, &subject, &body, missing);
  problems = luwte_letter_problems (template, values, subject, body);
  if (facts.party_id == 0)
    g_ptr_array_insert (problems, 0, g_strdup (_("No recipient: the case has no party in the template’s role; give one with --party")));
  if (problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (_("The letter is not complete, no file was written: "));

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (message, "%s%s", i > 0 ? "; " : "", (const char *) g_ptr_array_index (problems, i));
      return fail_message (message->str);
    }

  if (pdf)
    {
      g_autoptr(LuwteLetterLayout) layout = luwte_letter_layout_for (store, &facts, subject, body, &error);

      if (layout == NULL || !luwte_letter_layout_write_pdf (layout, output, &error))
        return luwte_cli_fail (error);
    }
  else
    {
      g_autofree char *text = luwte_letter_plain_text (store, &facts, subject, body);

      if (!g_file_set_contents_full (output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        return luwte_cli_fail (error);
    }
  return LUWTE_CLI_OK;
}
