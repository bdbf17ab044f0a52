/* luwte-template-library.c — the built-in letter templates and the user's own
 *
 * Built-in templates are compiled into the data resource; a user's own are
 * files in $XDG_DATA_HOME/luwte/templates/. Every file is named after its
 * id and language. A file that cannot be used is kept as a problem for the
 * interface to show and left out: it never stops Luwte. A user's template
 * cannot take the place of a built-in one; "Copy template" writes a copy
 * with an id of its own, readable by the user alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-template"

#include "config.h"

#include "luwte-template-library.h"
#include "luwte-template-private.h"
#include "luwte-data-resources.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#define TEMPLATE_SUFFIX ".txt"

struct _LuwteTemplateLibrary
{
  GObject    parent_instance;

  GResource *builtin;
  char      *builtin_path;   /* a resource folder, ending in "/" */
  char      *user_dir;
  gint64     user_dir_changed;   /* its modification time when read, µs; 0 when missing */
  GPtrArray *templates;      /* LuwteTemplate, by id, then language */
  GPtrArray *problems;       /* GError */
};

G_DEFINE_FINAL_TYPE (LuwteTemplateLibrary, luwte_template_library, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
luwte_template_library_finalize (GObject *object)
{
  LuwteTemplateLibrary *self = (LuwteTemplateLibrary *) object;

  g_clear_pointer (&self->builtin, g_resource_unref);
  g_free (self->builtin_path);
  g_free (self->user_dir);
  g_ptr_array_unref (self->templates);
  g_ptr_array_unref (self->problems);

  G_OBJECT_CLASS (luwte_template_library_parent_class)->finalize (object);
}

static void
luwte_template_library_class_init (LuwteTemplateLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_template_library_finalize;

  /**
   * LuwteTemplateLibrary::changed:
   *
   * The templates and problems were read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
luwte_template_library_init (LuwteTemplateLibrary *self)
{
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

/**
 * luwte_template_library_default_user_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/luwte/templates`
 */
char *
luwte_template_library_default_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "luwte", "templates", NULL);
}

/**
 * luwte_template_library_new:
 *
 * Returns: (transfer full): the templates that ship with Luwte and the
 *   user's own, loaded
 */
LuwteTemplateLibrary *
luwte_template_library_new (void)
{
  g_autofree char *user_dir = luwte_template_library_default_user_dir ();

  return luwte_template_library_new_full (luwte_data_get_resource (), RESOURCE_PREFIX "/templates/", user_dir);
}

/**
 * luwte_template_library_new_full:
 * @builtin: (nullable): the resource holding the built-in templates
 * @builtin_path: their folder in @builtin
 * @user_dir: the folder of the user's own templates
 *
 * Returns: (transfer full): the templates of @builtin and @user_dir, loaded
 */
LuwteTemplateLibrary *
luwte_template_library_new_full (GResource  *builtin,
                                 const char *builtin_path,
                                 const char *user_dir)
{
  LuwteTemplateLibrary *self;

  g_return_val_if_fail (builtin == NULL || builtin_path != NULL, NULL);
  g_return_val_if_fail (user_dir != NULL, NULL);

  self = g_object_new (LUWTE_TYPE_TEMPLATE_LIBRARY, NULL);
  self->builtin = builtin != NULL ? g_resource_ref (builtin) : NULL;
  self->builtin_path = builtin_path == NULL ? NULL
                       : g_str_has_suffix (builtin_path, "/") ? g_strdup (builtin_path)
                       : g_strconcat (builtin_path, "/", NULL);
  self->user_dir = g_strdup (user_dir);
  luwte_template_library_reload (self);
  return self;
}

static void
add_problem (LuwteTemplateLibrary *self,
             GError               *error)
{
  g_debug ("Template left out: %s", error->message);
  g_ptr_array_add (self->problems, error);
}

G_GNUC_PRINTF (4, 5)
static void
add_problem_printf (LuwteTemplateLibrary *self,
                    LuwteTemplateError    code,
                    const char           *origin,
                    const char           *format,
                    ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (self, g_error_new (LUWTE_TEMPLATE_ERROR, code, "%s: %s", origin, problem));
}

static LuwteTemplate *
find (GPtrArray     *templates,
      const char    *id,
      LuwteLanguage  language)
{
  for (guint i = 0; i < templates->len; i++)
    {
      LuwteTemplate *template = g_ptr_array_index (templates, i);

      if (g_str_equal (luwte_template_get_id (template), id) &&
          luwte_template_get_language (template) == language)
        return template;
    }
  return NULL;
}

/* Parses @data and adds the template when its file name fits. */
static void
add_from_data (LuwteTemplateLibrary *self,
               const char           *name,
               const char           *origin,
               const char           *data,
               gsize                 length,
               gboolean              is_builtin)
{
  g_autoptr(LuwteTemplate) template = NULL;
  g_autofree char *expected = NULL;
  GError *error = NULL;

  template = luwte_template_parse (data, length, origin, &error);
  if (template == NULL)
    {
      add_problem (self, error);
      return;
    }

  expected = g_strdup_printf ("%s.%s" TEMPLATE_SUFFIX, luwte_template_get_id (template),
                              luwte_language_to_code (luwte_template_get_language (template)));
  if (!g_str_equal (name, expected))
    {
      add_problem_printf (self, LUWTE_TEMPLATE_ERROR_FILE_NAME, origin,
                          _("the file must be named “%s”, after the id and language in its header"), expected);
      return;
    }
  if (!is_builtin && find (self->templates, luwte_template_get_id (template), luwte_template_get_language (template)) != NULL)
    {
      add_problem_printf (self, LUWTE_TEMPLATE_ERROR_BUILTIN_ID, origin,
                          _("there is a built-in template “%s” in this language; give your own template an id of its own"),
                          luwte_template_get_id (template));
      return;
    }

  luwte_template_set_builtin (template, is_builtin);
  g_ptr_array_add (self->templates, g_steal_pointer (&template));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
load_builtin (LuwteTemplateLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  if (self->builtin == NULL)
    return;

  names = g_resource_enumerate_children (self->builtin, self->builtin_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    {
      /* No built-in templates at all is a build without them, not a fault. */
      if (!g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND))
        add_problem_printf (self, LUWTE_TEMPLATE_ERROR_FAILED, self->builtin_path, "%s", error->message);
      return;
    }
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (self->builtin_path, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length = 0;
      const char *data;

      if (!g_str_has_suffix (names[i], TEMPLATE_SUFFIX))
        continue;
      bytes = g_resource_lookup_data (self->builtin, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        {
          add_problem_printf (self, LUWTE_TEMPLATE_ERROR_FAILED, names[i], "%s", local_error->message);
          continue;
        }
      data = g_bytes_get_data (bytes, &length);
      add_from_data (self, names[i], names[i], data, length, TRUE);
    }
}

/* Reads at most one byte more than a template may have, so a huge file is
 * refused without being read whole. */
static char *
read_limited (GFile   *file,
              gsize   *length,
              GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autofree char *buffer = NULL;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (LUWTE_TEMPLATE_MAX_BYTES + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, LUWTE_TEMPLATE_MAX_BYTES + 1,
                                length, NULL, error))
    return NULL;
  return g_steal_pointer (&buffer);
}

static void
load_user_file (LuwteTemplateLibrary *self,
                const char           *name)
{
  g_autofree char *path = g_build_filename (self->user_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  /* Follows links; anything but a plain file (a pipe would block) is left. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      add_problem_printf (self, LUWTE_TEMPLATE_ERROR_FAILED, path, "%s", error->message);
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      add_problem_printf (self, LUWTE_TEMPLATE_ERROR_FAILED, path, _("not a file"));
      return;
    }

  data = read_limited (file, &length, &error);
  if (data == NULL)
    {
      add_problem_printf (self, LUWTE_TEMPLATE_ERROR_FAILED, path, "%s", error->message);
      return;
    }
  add_from_data (self, name, path, data, length, FALSE);
}

static void
load_user (LuwteTemplateLibrary *self)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (self->user_dir, 0, &error);
  if (dir == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        add_problem_printf (self, LUWTE_TEMPLATE_ERROR_FAILED, self->user_dir, "%s", error->message);
      return;
    }
  /* Hidden files and anything not ending in .txt are an editor's backups
   * and the like, not templates. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, TEMPLATE_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    load_user_file (self, g_ptr_array_index (names, i));
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  LuwteTemplate *ta = *(LuwteTemplate * const *) a;
  LuwteTemplate *tb = *(LuwteTemplate * const *) b;
  int by_id = strcmp (luwte_template_get_id (ta), luwte_template_get_id (tb));

  if (by_id != 0)
    return by_id;
  return (int) luwte_template_get_language (ta) - (int) luwte_template_get_language (tb);
}

/**
 * luwte_template_library_reload:
 *
 * Reads every template again, and emits #LuwteTemplateLibrary::changed.
 * Templates from before are dropped; whoever holds one keeps a reference.
 */
/* When the user's folder last changed (a template added, removed or
 * renamed), in µs; 0 when there is no such folder. */
static gint64
user_dir_changed (LuwteTemplateLibrary *self)
{
  g_autoptr(GFile) dir = g_file_new_for_path (self->user_dir);
  g_autoptr(GFileInfo) info = g_file_query_info (dir, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) changed = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;

  return changed != NULL ? g_date_time_to_unix (changed) * G_USEC_PER_SEC + g_date_time_get_microsecond (changed) : 0;
}

/**
 * luwte_template_library_reload_if_changed:
 *
 * Reads the templates again when a template was added to the user's
 * folder, or one taken out, since they were read: one look at the
 * folder, not a read of every file.
 *
 * Returns: %TRUE when they were read again
 */
gboolean
luwte_template_library_reload_if_changed (LuwteTemplateLibrary *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE_LIBRARY (self), FALSE);

  if (user_dir_changed (self) == self->user_dir_changed)
    return FALSE;
  luwte_template_library_reload (self);
  return TRUE;
}

void
luwte_template_library_reload (LuwteTemplateLibrary *self)
{
  g_return_if_fail (LUWTE_IS_TEMPLATE_LIBRARY (self));

  self->user_dir_changed = user_dir_changed (self);
  g_ptr_array_set_size (self->templates, 0);
  g_ptr_array_set_size (self->problems, 0);
  load_builtin (self);
  load_user (self);
  g_ptr_array_sort (self->templates, compare_templates);

  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
luwte_template_library_get_user_dir (LuwteTemplateLibrary *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE_LIBRARY (self), NULL);
  return self->user_dir;
}

/**
 * luwte_template_library_get_templates:
 *
 * Returns: (transfer none) (element-type LuwteTemplate): every usable
 *   template, by id and then language (Dutch first), until the next
 *   reload; take a reference to keep one longer
 */
GPtrArray *
luwte_template_library_get_templates (LuwteTemplateLibrary *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE_LIBRARY (self), NULL);
  return self->templates;
}

/**
 * luwte_template_library_get_problems:
 *
 * Returns: (transfer none) (element-type GError): why files were left
 *   out, each message naming the file
 */
GPtrArray *
luwte_template_library_get_problems (LuwteTemplateLibrary *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE_LIBRARY (self), NULL);
  return self->problems;
}

/**
 * luwte_template_library_lookup:
 *
 * Returns: (transfer none) (nullable): the template @id in @language,
 *   until the next reload; take a reference to keep it longer
 */
LuwteTemplate *
luwte_template_library_lookup (LuwteTemplateLibrary *self,
                               const char           *id,
                               LuwteLanguage         language)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find (self->templates, id, language);
}

/**
 * luwte_template_library_suggest:
 * @card_ids: (nullable): the interventions chosen in a case
 * @language: the language wanted
 *
 * One template per id that suits one of @card_ids: the one in @language
 * when there is one, else the other language's.
 *
 * Returns: (transfer full) (element-type LuwteTemplate): the suggested
 *   templates, by id
 */
GPtrArray *
luwte_template_library_suggest (LuwteTemplateLibrary *self,
                                const char * const   *card_ids,
                                LuwteLanguage         language)
{
  GPtrArray *suggested = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LUWTE_IS_TEMPLATE_LIBRARY (self), suggested);

  for (guint i = 0; card_ids != NULL && i < self->templates->len; i++)
    {
      LuwteTemplate *template = g_ptr_array_index (self->templates, i);
      const char *id = luwte_template_get_id (template);
      gboolean suits = FALSE;

      if (luwte_template_get_language (template) != language && find (self->templates, id, language) != NULL)
        continue;
      if (find (suggested, id, LUWTE_LANGUAGE_NL) != NULL || find (suggested, id, LUWTE_LANGUAGE_EN) != NULL)
        continue;
      for (guint c = 0; card_ids[c] != NULL && !suits; c++)
        suits = luwte_template_suits (template, card_ids[c]);
      if (suits)
        g_ptr_array_add (suggested, g_object_ref (template));
    }
  return suggested;
}

/* Whether a template, or a file of one (broken ones too), has @id. */
static gboolean
id_taken (LuwteTemplateLibrary *self,
          const char           *id)
{
  for (guint i = 0; i < self->templates->len; i++)
    if (g_str_equal (luwte_template_get_id (g_ptr_array_index (self->templates, i)), id))
      return TRUE;
  for (LuwteLanguage language = LUWTE_LANGUAGE_NL; language <= LUWTE_LANGUAGE_EN; language++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s" TEMPLATE_SUFFIX, id, luwte_language_to_code (language));
      g_autofree char *path = g_build_filename (self->user_dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        return TRUE;
    }
  return FALSE;
}

/* The copy's title is in the template's language, not the interface's. */
static char *
copy_title (LuwteTemplate *template,
            guint          n)
{
  const char *word = luwte_template_get_language (template) == LUWTE_LANGUAGE_NL ? "kopie" : "copy";

  if (n == 1)
    return g_strdup_printf ("%s (%s)", luwte_template_get_title (template), word);
  return g_strdup_printf ("%s (%s %u)", luwte_template_get_title (template), word, n);
}

static gboolean
write_new_file (const char  *path,
                const char  *text,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;

  /* Created, never replaced, and 0600 from the start. */
  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, strlen (text), NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * luwte_template_library_copy:
 * @template: a template of this library
 *
 * Writes an editable copy of @template into the user's folder (made 0700,
 * the file 0600) with a new id, `<id>-copy`, `<id>-copy-2`, …, and a title
 * that says it is a copy, and reads the templates again.
 *
 * Returns: (transfer full) (nullable): the copy as now loaded, or %NULL
 *   with @error set
 */
LuwteTemplate *
luwte_template_library_copy (LuwteTemplateLibrary  *self,
                             LuwteTemplate         *template,
                             GError               **error)
{
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LuwteTemplate) check = NULL;
  g_autoptr(GError) local_error = NULL;
  LuwteLanguage language;
  LuwteTemplate *copy;
  guint n;

  g_return_val_if_fail (LUWTE_IS_TEMPLATE_LIBRARY (self), NULL);
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (n = 1; ; n++)
    {
      g_free (id);
      id = n == 1 ? g_strdup_printf ("%s-copy", luwte_template_get_id (template))
                  : g_strdup_printf ("%s-copy-%u", luwte_template_get_id (template), n);
      if (!id_taken (self, id))
        break;
    }
  language = luwte_template_get_language (template);
  title = copy_title (template, n);
  text = luwte_template_copy_text (template, id, title);
  name = g_strdup_printf ("%s.%s" TEMPLATE_SUFFIX, id, luwte_language_to_code (language));
  path = g_build_filename (self->user_dir, name, NULL);

  /* The copy is the original with two lines changed; read it back before
   * writing anything, so a copy is never a broken file. */
  check = luwte_template_parse (text, -1, path, error);
  if (check == NULL)
    return NULL;

  if (g_mkdir_with_parents (self->user_dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, LUWTE_TEMPLATE_ERROR, LUWTE_TEMPLATE_ERROR_FAILED,
                   _("Cannot create the folder for your templates: %s (%s)"), self->user_dir, g_strerror (saved));
      return NULL;
    }
  g_chmod (self->user_dir, 0700);
  if (!write_new_file (path, text, &local_error))
    {
      g_set_error (error, LUWTE_TEMPLATE_ERROR, LUWTE_TEMPLATE_ERROR_FAILED,
                   _("Cannot write the copy of the template: %s"), local_error->message);
      return NULL;
    }

  luwte_template_library_reload (self);
  copy = find (self->templates, id, language);
  if (copy == NULL)
    {
      g_set_error (error, LUWTE_TEMPLATE_ERROR, LUWTE_TEMPLATE_ERROR_FAILED,
                   _("The copy of the template was written to %s but could not be read back"), path);
      return NULL;
    }
  return g_object_ref (copy);
}
