/* luwte-cli-card.c — `luwte-cli card [--json]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-cli"

#include "config.h"

#include "luwte-cli.h"
#include "luwte-card.h"
#include "luwte-card-writer.h"

#include <glib/gi18n-lib.h>

int
luwte_cli_card (LuwteCliContext  *context,
                int               argc,
                char            **argv)
{
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(GError) user_card_error = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else
        return luwte_cli_usage_error (_("card: unexpected “%s”"), argv[i]);
    }

  card = luwte_card_load (&user_card_error);
  /* A broken own card is reported but the built-in card is still printed,
   * as the application does. */
  if (user_card_error != NULL)
    g_printerr ("luwte-cli: %s (%s)\n", user_card_error->message, _("using the built-in card"));

  output = json ? luwte_card_to_json (card, context->language)
                : luwte_card_to_text (card, context->language);
  luwte_cli_print (output);
  return LUWTE_CLI_OK;
}
