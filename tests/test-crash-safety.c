/* test-crash-safety.c — kill a writing process with SIGKILL at many
 * points; the database must open, pass PRAGMA integrity_check, and hold
 * every change that was committed before the kill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-case.h"
#include "luwte-store.h"

#include <signal.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#define KILLS 40

typedef struct {
  GMainLoop  *loop;
  GString    *out;
} Reader;

static void
check_database (const char *path,
                GHashTable *committed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteStore) store = luwte_store_open (path, &error);
  GHashTableIter iter;
  gpointer reference;
  gpointer title;

  g_assert_no_error (error);
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "PRAGMA integrity_check", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  }

  /* Every change the writer reported is there; a later one may be too
   * (committed, killed before it printed), never an older one. */
  g_hash_table_iter_init (&iter, committed);
  while (g_hash_table_iter_next (&iter, &reference, &title))
    {
      g_autoptr(LuwteCase) kase = luwte_store_get_case (store, reference, &error);

      g_assert_no_error (error);
      if (!g_str_equal (luwte_case_get_title (kase), title))
        {
          g_autofree char *later = g_strconcat (title, ", bijgewerkt", NULL);
          g_assert_cmpstr (luwte_case_get_title (kase), ==, later);
        }
    }
}

/* Waits (at most 30 s) until the writer has reported a commit; what it
 * reads is lost for the check, which is fine: later lines still come. */
static void
wait_for_first_commit (int fd)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  char byte;

  while (g_get_monotonic_time () < until)
    {
      struct pollfd poll_fd = { fd, POLLIN, 0 };

      if (poll (&poll_fd, 1, 100) > 0)
        {
          if (read (fd, &byte, 1) != 1 || byte == '\n')
            return;
        }
    }
}

static void
test_kill_while_writing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("luwte-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autoptr(GHashTable) committed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const char *writer = g_getenv ("LUWTE_CRASH_WRITER");
  guint total = 0;

  g_assert_nonnull (writer);

  for (int kill_round = 0; kill_round < KILLS; kill_round++)
    {
      const char *argv[] = { writer, path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GIOChannel) channel = NULL;
      g_autofree char *output = NULL;
      g_auto(GStrv) lines = NULL;
      GPid pid;
      int out_fd;
      int status;
      gsize length;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                               &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* Kill at a different moment each round: every other round from
       * almost at once (opening, migrating); the others once the writer
       * has committed, however slow the machine, a moment later. */
      if (kill_round % 2 == 1)
        wait_for_first_commit (out_fd);
      g_usleep ((gulong) g_rand_int_range (rand, 1000, 150000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));

      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);
      g_io_channel_read_to_end (channel, &output, &length, NULL);

      /* Only complete lines were reported after a commit. */
      lines = g_strsplit (output != NULL ? output : "", "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);

          if (fields[0] == NULL || fields[1] == NULL)
            continue;
          g_hash_table_insert (committed, g_strdup (fields[0]), g_strdup (fields[1]));
          total++;
        }

      check_database (path, committed);
    }

  g_test_message ("%u committed changes survived %d kills", total, KILLS);
  g_assert_cmpuint (g_hash_table_size (committed), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash-safety/kill-while-writing", test_kill_while_writing);

  return g_test_run ();
}
