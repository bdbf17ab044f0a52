/* luwte-store.c — the case database
 *
 * One SQLite file per user, 0600 in a 0700 folder: cases hold personal
 * data of minors. WAL, foreign keys and a busy timeout; the schema version
 * lives in PRAGMA user_version and moves forward in one transaction per
 * migration. A database from a newer Luwte is refused before anything is
 * written to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-store"

#include "config.h"

#include "luwte-store.h"
#include "luwte-store-schema.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (luwte-store-error-quark, luwte_store_error)

#define BUSY_TIMEOUT_MS 5000

struct _LuwteStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL → sqlite3_stmt, prepared once */
  int         schema_version;
  GPtrArray  *changed_settings;  /* written in the open transaction */
};

G_DEFINE_FINAL_TYPE (LuwteStore, luwte_store, G_TYPE_OBJECT)

enum {
  SETTING_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
luwte_store_finalize (GObject *object)
{
  LuwteStore *self = (LuwteStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->changed_settings, g_ptr_array_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (luwte_store_parent_class)->finalize (object);
}

static void
luwte_store_class_init (LuwteStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_store_finalize;

  /**
   * LuwteStore::setting-changed:
   * @key: the setting, such as "profile.mayor"; also the signal's detail
   *
   * A setting was stored through this store: emitted once its transaction
   * is committed, never for one that was rolled back.
   */
  signals[SETTING_CHANGED] = g_signal_new ("setting-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
luwte_store_init (LuwteStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->changed_settings = g_ptr_array_new_with_free_func (g_free);
}

/* Words a user understands for what SQLite reports, with SQLite's own
 * message after them for whoever helps the user. */
gboolean
luwte_sqlite_set_error (sqlite3     *db,
                        const char  *path,
                        int          rc,
                        GError     **error)
{
  LuwteStoreError code = LUWTE_STORE_ERROR_FAILED;
  const char *what;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = LUWTE_STORE_ERROR_BUSY;
      what = _("The case database is busy: another program is writing to it. Try again in a moment.");
      break;
    case SQLITE_FULL:
      code = LUWTE_STORE_ERROR_FULL;
      what = _("The disk is full, so the change could not be saved. Free some space and try again.");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      code = LUWTE_STORE_ERROR_READ_ONLY;
      what = _("The case database cannot be opened for writing. Check that the file and its folder belong to you.");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = LUWTE_STORE_ERROR_NOT_A_DATABASE;
      what = _("The file is damaged or is not a Luwte case database.");
      break;
    case SQLITE_IOERR:
      what = _("The case database could not be read or written (an input/output error).");
      break;
    case SQLITE_CONSTRAINT:
      code = LUWTE_STORE_ERROR_CONSTRAINT;
      what = _("The change conflicts with what is already stored.");
      break;
    default:
      what = _("The case database reported an error.");
      break;
    }

  g_set_error (error, LUWTE_STORE_ERROR, code, "%s (%s: %s)", what, path != NULL ? path : "", detail);
  return FALSE;
}

gboolean
luwte_store_set_error (LuwteStore  *self,
                       int          rc,
                       GError     **error)
{
  return luwte_sqlite_set_error (self->db, self->path, rc, error);
}

static gboolean
exec (LuwteStore  *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return luwte_store_set_error (self, rc, error);
  return TRUE;
}

void
luwte_stmt_release (LuwteStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Runs a statement that returns no rows; an error in words for the user. */
gboolean
luwte_stmt_step_done (LuwteStore  *self,
                      LuwteStmt   *stmt,
                      GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return luwte_store_set_error (self, rc, error);
  return TRUE;
}

/* Returns: (transfer full) (nullable): a text column, %NULL for NULL */
char *
luwte_stmt_dup_text (LuwteStmt *stmt,
                     int        column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/**
 * luwte_store_prepare:
 * @sql: one SQL statement, with ? or :name for every value
 *
 * Returns: (transfer none): the statement, prepared on first use and kept;
 *   release it with luwte_stmt_release() (or g_autoptr(LuwteStmt))
 */
LuwteStmt *
luwte_store_prepare (LuwteStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LUWTE_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      luwte_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * luwte_store_read_by_id:
 * @sql: a SELECT with one ? for the id
 * @read: makes the object from the row
 *
 * Reads back a row just written. Called before the commit, so that a
 * failure here rolls the insert back rather than reporting a failure
 * after the change was stored.
 *
 * Returns: (transfer full) (nullable): what @read made
 */
gpointer
luwte_store_read_by_id (LuwteStore      *self,
                        const char      *sql,
                        gint64           id,
                        LuwteRowReader   read,
                        GError         **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      luwte_store_set_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }
  return read (stmt);
}

/**
 * luwte_store_list_by_id:
 * @sql: a SELECT with one ? for the id (of a case, say)
 * @read: makes a GObject from each row
 *
 * Returns: (transfer container) (element-type GObject): the objects of
 *   every row, in the order of @sql, or %NULL with @error set
 */
GPtrArray *
luwte_store_list_by_id (LuwteStore      *self,
                        const char      *sql,
                        gint64           id,
                        LuwteRowReader   read,
                        GError         **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read (stmt));
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

gboolean
luwte_store_begin (LuwteStore  *self,
                   GError     **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

static void
emit_setting_changed (LuwteStore *self,
                      const char *key)
{
  g_signal_emit (self, signals[SETTING_CHANGED], g_quark_from_string (key), key);
}

gboolean
luwte_store_commit (LuwteStore  *self,
                    GError     **error)
{
  g_autoptr(GPtrArray) changed = NULL;

  if (!exec (self, "COMMIT", error))
    {
      luwte_store_rollback (self);
      return FALSE;
    }
  /* Taken first: a handler may write and commit again. */
  changed = g_steal_pointer (&self->changed_settings);
  self->changed_settings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < changed->len; i++)
    emit_setting_changed (self, g_ptr_array_index (changed, i));
  return TRUE;
}

void
luwte_store_rollback (LuwteStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_ptr_array_set_size (self->changed_settings, 0);
}

/**
 * luwte_store_setting_written:
 * @key: the setting just written
 *
 * For the store's own modules: emits #LuwteStore::setting-changed now, or
 * when the open transaction is committed.
 */
void
luwte_store_setting_written (LuwteStore *self,
                             const char *key)
{
  g_return_if_fail (LUWTE_IS_STORE (self));

  if (sqlite3_get_autocommit (self->db))
    {
      emit_setting_changed (self, key);
      return;
    }
  if (!g_ptr_array_find_with_equal_func (self->changed_settings, key, g_str_equal, NULL))
    g_ptr_array_add (self->changed_settings, g_strdup (key));
}

static int
read_user_version (LuwteStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Brings the schema to the latest version, one transaction per step, so
 * a failed step leaves the database at the version before it. */
static gboolean
migrate (LuwteStore  *self,
         GError     **error)
{
  int latest = luwte_store_schema_latest ();

  for (int version = self->schema_version; version < latest; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!luwte_store_begin (self, error))
        return FALSE;
      if (!exec (self, luwte_store_schema_step (version + 1), error) ||
          !exec (self, set_version, error))
        {
          luwte_store_rollback (self);
          return FALSE;
        }
      if (!luwte_store_commit (self, error))
        return FALSE;
      self->schema_version = version + 1;
    }
  return TRUE;
}

/**
 * luwte_store_default_path:
 *
 * Returns: (transfer full): `LUWTE_DB` when set, otherwise
 *   `$XDG_DATA_HOME/luwte/luwte.db`
 */
char *
luwte_store_default_path (void)
{
  const char *env = g_getenv ("LUWTE_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "luwte", "luwte.db", NULL);
}

/* The folder 0700 when Luwte made it for itself (another folder, given
 * with --db or LUWTE_DB, is the user's business); the file created 0600
 * before SQLite opens it, so it is never readable by others, not even for
 * a moment. SQLite gives its -wal and -shm files the same mode. */
static gboolean
prepare_file (const char  *path,
              gboolean     own_folder,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* Only Luwte's own folder is made; a path given by hand must be in a
   * folder that is there, or a typing mistake would make a new database. */
  if (own_folder && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_READ_ONLY,
                   _("Cannot create the folder for the case database: %s (%s)"), dir, g_strerror (saved));
      return FALSE;
    }
  if (!own_folder && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND,
                   _("There is no folder %s for the case database %s."), dir, path);
      return FALSE;
    }
  if (own_folder)
    g_chmod (dir, 0700);

  /* A new file is made 0600 before SQLite opens it. An existing one is
   * never opened here: see restrict_mode(). */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int saved = errno;
          g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_READ_ONLY,
                       _("Cannot open the case database: %s (%s)"), path, g_strerror (saved));
          return FALSE;
        }
      if (fd >= 0)
        close (fd);
    }
  return TRUE;
}

/* By path, never through a file descriptor of our own: closing any
 * descriptor of the database file would drop the locks SQLite holds on
 * it for the whole process, and another connection could then write
 * into a transaction in progress. */
static void
restrict_mode (const char *path)
{
  if (g_chmod (path, 0600) != 0)
    g_debug ("Could not restrict the database file's mode");
}

/* FTS5 registers the SQL function fts5(): it can be prepared only when
 * the library has full-text search. */
static gboolean
has_fts5 (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = sqlite3_prepare_v2 (db, "SELECT fts5 (NULL)", -1, &stmt, NULL) == SQLITE_OK;

  sqlite3_finalize (stmt);
  return found;
}

/**
 * luwte_store_open:
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Opens (creating when needed) and migrates the database.
 *
 * Returns: (transfer full): the store, or %NULL with @error set in words for
 *   the user; a database from a newer Luwte is left untouched
 */
LuwteStore *
luwte_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(LuwteStore) self = g_object_new (LUWTE_TYPE_STORE, NULL);
  int rc;

  gboolean own_folder = path == NULL && g_getenv ("LUWTE_DB") == NULL;

  self->path = path != NULL ? g_strdup (path) : luwte_store_default_path ();
  if (!prepare_file (self->path, own_folder, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      luwte_sqlite_set_error (self->db, self->path, rc, error);
      return NULL;
    }
  restrict_mode (self->path);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Read the version before anything writes: even switching to WAL
   * changes the file. */
  self->schema_version = read_user_version (self);
  if (self->schema_version < 0)
    {
      rc = sqlite3_errcode (self->db);
      luwte_sqlite_set_error (self->db, self->path, rc != SQLITE_OK ? rc : SQLITE_NOTADB, error);
      return NULL;
    }
  if (self->schema_version > luwte_store_schema_latest ())
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_TOO_NEW,
                   _("The case database %s was made by a newer version of Luwte (schema %d; this version knows up to %d). Update Luwte to open it; the file was left unchanged."),
                   self->path, self->schema_version, luwte_store_schema_latest ());
      return NULL;
    }

  if (!has_fts5 (self->db))
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                   _("The SQLite library on this system was built without full-text search (FTS5), which Luwte needs to search cases. Install an SQLite with FTS5 (Debian’s libsqlite3-0 has it)."));
      return NULL;
    }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
luwte_store_get_path (LuwteStore *self)
{
  g_return_val_if_fail (LUWTE_IS_STORE (self), NULL);
  return self->path;
}

int
luwte_store_get_schema_version (LuwteStore *self)
{
  g_return_val_if_fail (LUWTE_IS_STORE (self), -1);
  return self->schema_version;
}

int
luwte_store_get_latest_schema_version (void)
{
  return luwte_store_schema_latest ();
}

sqlite3 *
luwte_store_get_db (LuwteStore *self)
{
  g_return_val_if_fail (LUWTE_IS_STORE (self), NULL);
  return self->db;
}
