/* luwte-cli-cases.c — `luwte-cli list` and `luwte-cli show`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-cli"

#include "config.h"

#include "luwte-cli.h"
#include "luwte-case.h"
#include "luwte-store.h"
#include "luwte-card.h"
#include "luwte-demo.h"
#include "luwte-exchange.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#define PAGE_SIZE 500

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The case's own fields, named as in the exchange format. */
static void
add_case (JsonBuilder *builder,
          LuwteCase   *kase)
{
  const char * const *platforms = luwte_case_get_platforms (kase);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "reference", luwte_case_get_reference (kase));
  add_string_or_null (builder, "title", luwte_case_get_title (kase));
  add_string_or_null (builder, "status", luwte_case_status_to_string (luwte_case_get_status (kase)));
  add_string_or_null (builder, "opened_at", luwte_case_get_opened_at (kase));
  add_string_or_null (builder, "closed_at", luwte_case_get_closed_at (kase));
  add_string_or_null (builder, "location", luwte_case_get_location (kase));
  add_string_or_null (builder, "event_at", luwte_case_get_event_at (kase));
  add_string_or_null (builder, "summary", luwte_case_get_summary (kase));
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (guint i = 0; platforms != NULL && platforms[i] != NULL; i++)
    json_builder_add_string_value (builder, platforms[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static LuwteStore *
open_store (LuwteCliContext  *context,
            GError          **error)
{
  return luwte_store_open (context->db_path, error);
}

int
luwte_cli_list (LuwteCliContext  *context,
                int               argc,
                char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  LuwteCaseStatus status;
  gboolean has_status = FALSE;
  gboolean json = FALSE;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (g_str_equal (argv[i], "--status") || g_str_has_prefix (argv[i], "--status="))
        {
          const char *value = argv[i][8] == '=' ? argv[i] + 9 : (i + 1 < argc ? argv[++i] : NULL);

          if (value == NULL || !luwte_case_status_parse (value, &status))
            return luwte_cli_usage_error (_("list: --status takes signal, active, monitoring or closed"));
          has_status = TRUE;
        }
      else
        return luwte_cli_usage_error (_("list: unexpected “%s”"), argv[i]);
    }

  store = open_store (context, &error);
  if (store == NULL)
    return luwte_cli_fail (error);

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  /* Page by page, so a database of any size prints in little memory. */
  for (guint offset = 0; ; offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = luwte_store_list_cases (store, has_status ? &status : NULL,
                                                          offset, PAGE_SIZE, &error);
      if (page == NULL)
        return luwte_cli_fail (error);

      for (guint i = 0; i < page->len; i++)
        {
          LuwteCase *kase = g_ptr_array_index (page, i);

          if (json)
            add_case (builder, kase);
          else
            g_print ("%s\t%s\t%s\t%s\n", luwte_case_get_reference (kase),
                     luwte_case_status_to_string (luwte_case_get_status (kase)),
                     luwte_case_get_opened_at (kase), luwte_case_get_title (kase));
        }
      if (page->len < PAGE_SIZE)
        break;
    }

  if (json)
    {
      g_autofree char *out = NULL;

      json_builder_end_array (builder);
      out = builder_to_string (builder);
      luwte_cli_print (out);
    }
  return LUWTE_CLI_OK;
}

int
luwte_cli_show (LuwteCliContext  *context,
                int               argc,
                char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  const char *reference = NULL;
  gboolean json = FALSE;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (reference == NULL && argv[i][0] != '-')
        reference = argv[i];
      else
        return luwte_cli_usage_error (_("show: unexpected “%s”"), argv[i]);
    }
  if (reference == NULL)
    return luwte_cli_usage_error (_("show: which case? Give its reference, e.g. OOV-2026-0042"));

  store = open_store (context, &error);
  if (store == NULL)
    return luwte_cli_fail (error);
  kase = luwte_store_get_case (store, reference, &error);
  if (kase == NULL)
    return luwte_cli_fail (error);

  if (json)
    {
      /* The whole case, as the exchange format has it: parties with the
       * ids that `letter --party` and the export use. */
      g_autofree char *exported = luwte_exchange_export (store, kase, &error);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *out = NULL;

      if (exported == NULL || !json_parser_load_from_data (parser, exported, -1, &error))
        return luwte_cli_fail (error);
      json_generator_set_root (generator,
                               json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "case"));
      json_generator_set_pretty (generator, TRUE);
      out = json_generator_to_data (generator, NULL);
      luwte_cli_print (out);
    }
  else
    return luwte_cli_show_text (context, store, kase);
  return LUWTE_CLI_OK;
}

int
luwte_cli_demo (LuwteCliContext  *context,
                int               argc,
                char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_cases = 0;
  guint64 n_notes = 0;
  guint64 seed = 1;
  gboolean has_count = FALSE;

  for (int i = 0; i < argc; i++)
    {
      guint64 *target = NULL;

      if (g_str_equal (argv[i], "--cases"))
        {
          target = &n_cases;
          has_count = TRUE;
        }
      else if (g_str_equal (argv[i], "--seed"))
        target = &seed;
      else if (g_str_equal (argv[i], "--notes"))
        target = &n_notes;
      else
        return luwte_cli_usage_error (_("demo: unexpected “%s”"), argv[i]);

      if (i + 1 >= argc || !g_ascii_string_to_unsigned (argv[i + 1], 10, 0, G_MAXUINT32, target, NULL))
        return luwte_cli_usage_error (_("demo: %s needs a whole number"), argv[i]);
      i++;
    }
  if (!has_count || n_cases == 0)
    return luwte_cli_usage_error (_("demo: how many? Use --cases N"));

  card = luwte_card_new_builtin ();
  store = open_store (context, &error);
  if (store == NULL || !luwte_demo_add_cases_with_notes (store, card, (guint) n_cases, (guint) n_notes,
                                                          (guint32) seed, &error))
    return luwte_cli_fail (error);
  return LUWTE_CLI_OK;
}

int
luwte_cli_export (LuwteCliContext  *context,
                  int               argc,
                  char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const char *reference = NULL;
  const char *output = NULL;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output"))
        {
          if (i + 1 >= argc)
            return luwte_cli_usage_error (_("export: -o needs a file name"));
          output = argv[++i];
        }
      else if (reference == NULL && argv[i][0] != '-')
        reference = argv[i];
      else
        return luwte_cli_usage_error (_("export: unexpected “%s”"), argv[i]);
    }
  if (reference == NULL)
    return luwte_cli_usage_error (_("export: which case? Give its reference, e.g. OOV-2026-0042"));

  store = open_store (context, &error);
  if (store == NULL)
    return luwte_cli_fail (error);
  kase = luwte_store_get_case (store, reference, &error);
  if (kase == NULL)
    return luwte_cli_fail (error);
  json = luwte_exchange_export (store, kase, &error);
  if (json == NULL)
    return luwte_cli_fail (error);

  if (output == NULL)
    {
      luwte_cli_print (json);
      return LUWTE_CLI_OK;
    }
  /* The file holds personal data: readable by its owner only. */
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
    g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);

    if (stream == NULL ||
        !g_output_stream_write_all (G_OUTPUT_STREAM (stream), json, strlen (json), NULL, NULL, &error) ||
        !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
      return luwte_cli_fail (error);
  }
  return LUWTE_CLI_OK;
}

int
luwte_cli_import (LuwteCliContext  *context,
                  int               argc,
                  char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reference = NULL;
  const char *path = NULL;
  gboolean as_new = FALSE;
  gsize length = 0;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--as-new"))
        as_new = TRUE;
      else if (path == NULL && argv[i][0] != '-')
        path = argv[i];
      else
        return luwte_cli_usage_error (_("import: unexpected “%s”"), argv[i]);
    }
  if (path == NULL)
    return luwte_cli_usage_error (_("import: which file?"));

  file = g_file_new_for_commandline_arg (path);
  /* Refuse a huge file before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    return luwte_cli_fail (error);
  if (g_file_info_get_size (info) > 16 * 1024 * 1024)
    {
      g_autofree char *size = g_format_size_full ((guint64) g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: too large: %s, at most 16.0 MiB"), path, size);
      return luwte_cli_fail (error);
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    return luwte_cli_fail (error);

  card = luwte_card_load (NULL);
  store = open_store (context, &error);
  if (store == NULL)
    return luwte_cli_fail (error);
  reference = luwte_exchange_import (store, card, contents, length, as_new, &error);
  if (reference == NULL)
    {
      g_prefix_error (&error, "%s: ", path);
      return luwte_cli_fail (error);
    }
  luwte_cli_print (reference);
  return LUWTE_CLI_OK;
}
