/* crash-writer.c — writes to a case database until it is killed
 *
 * Each step is one committed change (a new case, a status change, an
 * edit); after each commit it prints the case's reference and what it now
 * holds, so test-crash-safety knows exactly what must survive a SIGKILL.
 *
 * Usage: crash-writer DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-case.h"
#include "luwte-store.h"

#include <stdio.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    return 2;
  store = luwte_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; ; i++)
    {
      g_autofree char *title = g_strdup_printf ("Casus %u", i);
      g_autofree char *edited = g_strdup_printf ("Casus %u, bijgewerkt", i);
      g_autoptr(LuwteCase) kase = luwte_store_create_case (store, title, &error);
      LuwteCaseEdit edit = { 0 };

      if (kase == NULL)
        g_error ("%s", error->message);
      printf ("%s\t%s\n", luwte_case_get_reference (kase), title);
      fflush (stdout);

      edit.title = edited;
      edit.summary = "Een langere tekst die de pagina's van de database vult, zodat een kill midden in het schrijven van meerdere pagina's valt.";
      if (!luwte_store_update_case (store, kase, &edit, &error))
        g_error ("%s", error->message);
      printf ("%s\t%s\n", luwte_case_get_reference (kase), edited);
      fflush (stdout);
    }
  return 0;
}
