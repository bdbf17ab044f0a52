/* luwte-json-guard.c — parse JSON from outside without trusting it
 *
 * json-glib 1.6 parses recursively and overflows the stack on deeply nested
 * input, and accepts a NUL byte as the end of the text. Everything that
 * reads a file a user or another municipality gave us goes through here
 * first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-json"

#include "config.h"

#include "luwte-json-guard.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (luwte-json-error-quark, luwte_json_error)

/* Counts how deep arrays and objects nest, skipping strings, without
 * recursion. Syntax errors are left to the parser. */
static gboolean
check_depth (const char  *data,
             gsize        length,
             guint        max_depth,
             GError     **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, LUWTE_JSON_ERROR, LUWTE_JSON_ERROR_TOO_DEEP,
                           _("nested more than %u levels deep (at byte %lu)"),
                           max_depth, (unsigned long) i);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/**
 * luwte_json_parse_guarded:
 * @data: the bytes as read
 * @length: their number
 * @max_length: the most bytes accepted
 * @max_depth: the deepest nesting of arrays and objects accepted
 * @error: a #LUWTE_JSON_ERROR naming the problem
 *
 * Returns: (transfer full): the root node, or %NULL with @error set
 */
JsonNode *
luwte_json_parse_guarded (const char  *data,
                          gsize        length,
                          gsize        max_length,
                          guint        max_depth,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *invalid = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > max_length)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (max_length, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, LUWTE_JSON_ERROR, LUWTE_JSON_ERROR_TOO_LARGE,
                   _("too large: %s, at most %s"), size, limit);
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      gsize at = (gsize) ((const char *) memchr (data, '\0', length) - data);

      g_set_error (error, LUWTE_JSON_ERROR, LUWTE_JSON_ERROR_ENCODING,
                   _("contains a NUL byte (at byte %lu)"), (unsigned long) at);
      return NULL;
    }

  if (!g_utf8_validate (data, (gssize) length, &invalid))
    {
      g_set_error (error, LUWTE_JSON_ERROR, LUWTE_JSON_ERROR_ENCODING,
                   _("not valid UTF-8 (at byte %lu)"),
                   (unsigned long) (invalid - data));
      return NULL;
    }

  if (!check_depth (data, length, max_depth, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* json-glib may quote decoded bytes of a bad \u escape. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, LUWTE_JSON_ERROR, LUWTE_JSON_ERROR_SYNTAX,
                   _("not valid JSON: %s"), message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, LUWTE_JSON_ERROR, LUWTE_JSON_ERROR_SYNTAX,
                           _("empty"));
      return NULL;
    }

  return root;
}
