/* fuzz-driver.c — runs a fuzz target over its corpus without libFuzzer
 *
 * Usage: fuzz-driver FILE|DIR…  Every file is fed to the target once, so the
 * corpus runs in every build, with the sanitizers in CI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint
run_path (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          count += run_path (child);
        }
      return count;
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    g_error ("cannot read %s", path);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    count += run_path (argv[i]);
  g_print ("%u inputs, no failure\n", count);
  return count > 0 ? 0 : 1;
}
