/* luwte-cli-profile.c — `profile [--json]` and `profile set KEY VALUE`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "luwte-cli.h"
#include "luwte-profile.h"
#include "luwte-store.h"

static int
print_profile (LuwteStore *store,
               gboolean    json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (LuwteProfileKey key = 0; key < LUWTE_PROFILE_N_KEYS; key++)
    {
      g_autofree char *value = luwte_profile_get (store, key);

      if (json)
        {
          json_builder_set_member_name (builder, luwte_profile_key_to_string (key));
          json_builder_add_string_value (builder, value);
        }
      else
        {
          /* One line per key: a multi-line address shows its breaks as \n. */
          g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
          g_autofree char *line = g_strjoinv ("\\n", lines);

          g_print ("%s\t%s\n", luwte_profile_key_to_string (key), line);
        }
    }
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      luwte_cli_print (text);
    }
  return LUWTE_CLI_OK;
}

int
luwte_cli_profile (LuwteCliContext  *context,
                   int               argc,
                   char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LuwteProfileKey key;

  if (argc >= 1 && g_str_equal (argv[0], "set"))
    {
      g_autofree char *value = NULL;

      if (argc != 3)
        return luwte_cli_usage_error (_("profile set takes a key and a value: profile set KEY VALUE"));
      if (!luwte_profile_key_parse (argv[1], &key))
        return luwte_cli_usage_error (_("profile: unknown key “%s”; the keys are municipality, address, mayor, "
                                        "sender_name, sender_role, phone, email, logo and reference_prefix"), argv[1]);
      /* "\n" in the address becomes a line break, as `profile` prints it. */
      value = key == LUWTE_PROFILE_ADDRESS ? g_strcompress (argv[2]) : g_strdup (argv[2]);
      if (key == LUWTE_PROFILE_LOGO && *value != '\0' && !g_path_is_absolute (value))
        {
          g_autofree char *cwd = g_get_current_dir ();
          g_autofree char *absolute = g_build_filename (cwd, value, NULL);

          g_free (value);
          value = g_steal_pointer (&absolute);
        }
      store = luwte_store_open (context->db_path, &error);
      if (store == NULL || !luwte_profile_set (store, key, value, &error))
        return luwte_cli_fail (error);
      return LUWTE_CLI_OK;
    }

  if (argc > 1 || (argc == 1 && !g_str_equal (argv[0], "--json")))
    return luwte_cli_usage_error (_("profile: unexpected “%s”"), argv[argc - 1]);
  store = luwte_store_open (context->db_path, &error);
  if (store == NULL)
    return luwte_cli_fail (error);
  return print_profile (store, argc == 1);
}
