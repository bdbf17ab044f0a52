/* fuzz-exchange.c — importing an exchange file made of any bytes at all
 *
 * An exchange file comes from outside, maybe from someone hostile: whatever
 * it holds, importing it must end in a case or in one line naming the
 * problem with the database as it was, never a crash, a hang or a leak;
 * and a case it accepted must export to a file that imports again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-exchange.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *folder;
static LuwteStore *store;
static LuwteCard *card;

static void
remove_store (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&store);
  g_clear_object (&card);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (folder, G_DIR_SEPARATOR_S "fuzz.db", suffixes[i], NULL);

      g_remove (path);
    }
  g_rmdir (folder);
  g_clear_pointer (&folder, g_free);
}

/* Every row an import writes */
static char *
fingerprint (void)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT (SELECT count (*) FROM cases) || '/' || (SELECT count (*) FROM status_changes) || '/' ||"
    " (SELECT count (*) FROM parties) || '/' || (SELECT count (*) FROM notes) || '/' ||"
    " (SELECT count (*) FROM letters) || '/' || (SELECT count (*) FROM audit)", NULL);

  g_assert (stmt != NULL);
  g_assert (sqlite3_step (stmt) == SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  folder = g_dir_make_tmp ("luwte-fuzz-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "fuzz.db", NULL);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  card = luwte_card_new_builtin ();
  atexit (remove_store);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *reference = NULL;

  if (store == NULL)
    open_store ();
  before = fingerprint ();
  /* As a new case, so a reference that exists is no refusal. */
  reference = luwte_exchange_import (store, card, (const char *) data, size, TRUE, &error);
  g_assert ((reference == NULL) != (error == NULL));
  if (reference == NULL)
    {
      g_autofree char *after = fingerprint ();

      g_assert (strchr (error->message, '\n') == NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (before, ==, after);
      return 0;
    }

  /* What Luwte accepted, it writes so that Luwte accepts it again. */
  {
    g_autoptr(LuwteCase) kase = luwte_store_get_case (store, reference, &error);
    g_autofree char *exported = NULL;
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    exported = luwte_exchange_export (store, kase, &error);
    g_assert_no_error (error);
    again = luwte_exchange_import (store, card, exported, strlen (exported), TRUE, &error);
    g_assert_no_error (error);
    g_assert (again != NULL);
  }
  return 0;
}
