/* luwte-cli.c — luwte-cli: Luwte's core for scripting and administration
 *
 * Global options (--db, --lang) are accepted before or after the command.
 * Output goes to stdout; errors go to stderr in one line; exit 0 on
 * success, 1 on failure, 2 on wrong usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-cli"

#include "config.h"

#include "luwte-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

typedef int (*CommandFunc) (LuwteCliContext *context,
                            int              argc,
                            char           **argv);

typedef struct {
  const char  *name;
  const char  *usage;
  const char  *summary;
  CommandFunc  run;
} Command;

static const Command commands[] = {
  { "card", "card [--json]", N_("Print the intervention card"), luwte_cli_card },
  { "list", "list [--json] [--status S]", N_("List cases, newest first"), luwte_cli_list },
  { "show", "show REF [--json]", N_("Print one case"), luwte_cli_show },
  { "export", "export REF [-o FILE]", N_("Write a case in the exchange format"), luwte_cli_export },
  { "import", "import FILE [--as-new]", N_("Import an exchange file; prints the reference"), luwte_cli_import },
  { "demo", "demo --cases N [--notes M] [--seed S]",
    N_("Add N synthetic cases, the same for the same seed; with --notes, M log entries over them all"), luwte_cli_demo },
  { "templates", "templates [--json]", N_("List the letter templates"), luwte_cli_templates },
  { "letter", "letter REF TEMPLATE [--party ID] [--youth ID] [--set NAME=VALUE]… -o FILE", N_("Write a letter of a case, .pdf or .txt by the file’s extension"), luwte_cli_letter },
  { "report", "report REF -o FILE.pdf", N_("Write the report of a case as PDF"), luwte_cli_report },
  { "stats", "stats [--json] [--from DATE] [--to DATE]", N_("Figures over the cases opened in a period"), luwte_cli_stats },
  { "profile", "profile [--json] | profile set KEY VALUE", N_("Print or set the municipality’s details for letters"), luwte_cli_profile },
  { "search", "search QUERY [--json] [--status S]", N_("Find cases by words in any of their fields, best first"), luwte_cli_search },
};

/* Errors are one line on stderr, whatever the message holds. */
static void
print_error_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  fprintf (stderr, "luwte-cli: %s\n", line);
}

int
luwte_cli_fail (const GError *error)
{
  print_error_line (error->message);
  return LUWTE_CLI_FAILED;
}

int
luwte_cli_usage_error (const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = g_strdup_printf (_("%s (see “luwte-cli --help”)"), message);
  print_error_line (line);
  return LUWTE_CLI_USAGE;
}

void
luwte_cli_print (const char *text)
{
  fputs (text, stdout);
  if (*text != '\0' && text[strlen (text) - 1] != '\n')
    fputc ('\n', stdout);
}

/* The help fits a terminal of this width, in any language. */
#define HELP_WIDTH 80
#define HELP_OPTION_COLUMN 16

/* Appends @text word-wrapped, each line indented by @indent spaces;
 * @used columns of the first line are taken already. */
static void
append_wrapped (GString    *help,
                const char *text,
                guint       indent,
                guint       used)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column = used;
  gboolean line_empty = TRUE;

  for (guint i = column; i < indent; i++)
    g_string_append_c (help, ' ');
  column = MAX (column, indent);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint width = g_utf8_strlen (words[i], -1);

      if (width == 0)
        continue;
      if (!line_empty && column + 1 + width > HELP_WIDTH)
        {
          g_string_append_c (help, '\n');
          for (guint k = 0; k < indent; k++)
            g_string_append_c (help, ' ');
          column = indent;
          line_empty = TRUE;
        }
      if (!line_empty)
        {
          g_string_append_c (help, ' ');
          column++;
        }
      g_string_append (help, words[i]);
      column += width;
      line_empty = FALSE;
    }
  g_string_append_c (help, '\n');
}

/* "  --db PATH     Use the …", the description below when the option is long */
static void
append_option (GString    *help,
               const char *option,
               const char *description)
{
  guint width = 2 + g_utf8_strlen (option, -1);

  g_string_append_printf (help, "  %s", option);
  if (width + 1 > HELP_OPTION_COLUMN)
    {
      g_string_append_c (help, '\n');
      width = 0;
    }
  append_wrapped (help, description, HELP_OPTION_COLUMN, width);
}

static void
print_help (void)
{
  g_autoptr(GString) help = g_string_new (NULL);

  append_wrapped (help, _("Usage: luwte-cli [--db PATH] [--lang nl|en] COMMAND [OPTIONS]"), 0, 0);
  g_string_append_c (help, '\n');
  append_wrapped (help, _("Luwte: the intervention card and case workspace for online-incited public-order disturbances."), 0, 0);
  g_string_append_printf (help, "\n%s\n", _("Commands:"));
  /* The usages differ too much in length for one column: each usage on
   * its own line, its description indented below. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_string_append_printf (help, "  %s\n", commands[i].usage);
      append_wrapped (help, _(commands[i].summary), 6, 0);
    }
  g_string_append_printf (help, "\n%s\n", _("Options:"));
  append_option (help, "--db PATH", _("Use the case database at PATH (or set LUWTE_DB)"));
  append_option (help, "--lang nl|en", _("Dutch or English output"));
  append_option (help, "--json", _("Machine-readable output"));
  append_option (help, "--version", _("Print the version"));
  append_option (help, "--help", _("Print this help"));
  g_string_append_c (help, '\n');
  append_wrapped (help, _("Exit status: 0 on success, 1 on failure, 2 on wrong usage."), 0, 0);
  luwte_cli_print (help->str);
}

/* Takes the value of a global option given as "--opt VALUE" or
 * "--opt=VALUE"; returns FALSE when @arg is not that option. */
static gboolean
take_option (const char  *name,
             int         *i,
             int          argc,
             char       **argv,
             const char **value,
             gboolean    *missing)
{
  const char *arg = argv[*i];
  gsize len = strlen (name);

  if (strncmp (arg, name, len) != 0)
    return FALSE;
  if (arg[len] == '=')
    {
      *value = arg + len + 1;
      return TRUE;
    }
  if (arg[len] != '\0')
    return FALSE;
  if (*i + 1 >= argc)
    {
      *missing = TRUE;
      return TRUE;
    }
  *value = argv[++(*i)];
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  LuwteCliContext context = { NULL, LUWTE_LANGUAGE_EN };
  const char *lang = NULL;
  gboolean want_help = FALSE;
  gboolean want_version = FALSE;
  gboolean after_dashes = FALSE;

  luwte_i18n_init ();

  for (int i = 1; i < argc; i++)
    {
      const char *value = NULL;
      gboolean missing = FALSE;

      if (after_dashes)
        g_ptr_array_add (rest, argv[i]);
      else if (g_str_equal (argv[i], "--"))
        after_dashes = TRUE;
      else if (take_option ("--db", &i, argc, argv, &value, &missing))
        {
          if (missing)
            return luwte_cli_usage_error (_("--db needs a path"));
          context.db_path = value;
        }
      else if (take_option ("--lang", &i, argc, argv, &value, &missing))
        {
          if (missing)
            return luwte_cli_usage_error (_("--lang needs “nl” or “en”"));
          lang = value;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        want_help = TRUE;
      else if (g_str_equal (argv[i], "--version"))
        want_version = TRUE;
      else
        g_ptr_array_add (rest, argv[i]);
    }

  if (lang != NULL && !luwte_language_apply (lang))
    return luwte_cli_usage_error (_("unknown language “%s”; use “nl” or “en”"), lang);
  context.language = luwte_language_from_locale ();

  if (want_version)
    {
      luwte_cli_print ("luwte-cli " PACKAGE_VERSION);
      return LUWTE_CLI_OK;
    }
  if (want_help)
    {
      print_help ();
      return LUWTE_CLI_OK;
    }
  if (rest->len == 0)
    return luwte_cli_usage_error (_("no command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, g_ptr_array_index (rest, 0)))
      {
        g_ptr_array_add (rest, NULL);
        return commands[i].run (&context, (int) rest->len - 2, (char **) rest->pdata + 1);
      }

  return luwte_cli_usage_error (_("unknown command “%s”"), (const char *) g_ptr_array_index (rest, 0));
}
