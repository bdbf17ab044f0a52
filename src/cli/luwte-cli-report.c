/* luwte-cli-report.c — `report REF -o FILE.pdf`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "luwte-cli.h"
#include "luwte-report.h"

int
luwte_cli_report (LuwteCliContext  *context,
                  int               argc,
                  char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) card_problem = NULL;
  const char *reference = NULL;
  const char *output = NULL;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output"))
        {
          if (++i >= argc)
            return luwte_cli_usage_error (_("report: -o needs a file name"));
          output = argv[i];
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return luwte_cli_usage_error (_("report: unknown option “%s”"), argv[i]);
      else if (reference == NULL)
        reference = argv[i];
      else
        return luwte_cli_usage_error (_("report: unexpected “%s”"), argv[i]);
    }
  if (reference == NULL || output == NULL)
    return luwte_cli_usage_error (_("report takes a case reference and -o FILE.pdf: report REF -o FILE.pdf"));
  if (!g_str_has_suffix (output, ".pdf"))
    return luwte_cli_usage_error (_("report: the output file must end in .pdf"));

  store = luwte_store_open (context->db_path, &error);
  if (store == NULL)
    return luwte_cli_fail (error);
  kase = luwte_store_get_case (store, reference, &error);
  if (kase == NULL)
    return luwte_cli_fail (error);
  /* The user's own card names the interventions, as in the application. */
  card = luwte_card_load (&card_problem);
  if (!luwte_report_write_pdf (store, kase, card, output, &error))
    return luwte_cli_fail (error);
  return LUWTE_CLI_OK;
}
