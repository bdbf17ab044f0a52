/* main.c — luwte, the GUI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-application.h"
#include "luwte-language.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LuwteApplication) app = NULL;

  luwte_i18n_init ();
  app = luwte_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
