/* luwte-store.h — the case database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define LUWTE_STORE_ERROR (luwte_store_error_quark ())

typedef enum {
  LUWTE_STORE_ERROR_FAILED,
  LUWTE_STORE_ERROR_TOO_NEW,
  LUWTE_STORE_ERROR_NOT_A_DATABASE,
  LUWTE_STORE_ERROR_BUSY,
  LUWTE_STORE_ERROR_FULL,
  LUWTE_STORE_ERROR_READ_ONLY,
  LUWTE_STORE_ERROR_CONSTRAINT,
  LUWTE_STORE_ERROR_NOT_FOUND,
  LUWTE_STORE_ERROR_CLOSED,
} LuwteStoreError;

GQuark luwte_store_error_quark (void);

#define LUWTE_TYPE_STORE (luwte_store_get_type ())
G_DECLARE_FINAL_TYPE (LuwteStore, luwte_store, LUWTE, STORE, GObject)

char       *luwte_store_default_path      (void);
LuwteStore *luwte_store_open              (const char  *path,
                                           GError     **error);
const char *luwte_store_get_path          (LuwteStore  *self);
int         luwte_store_get_schema_version (LuwteStore *self);
int         luwte_store_get_latest_schema_version (void);

/* For the store's own modules */
sqlite3    *luwte_store_get_db            (LuwteStore  *self);
/* A statement prepared once per store and reset when released: use with
 * g_autoptr(LuwteStmt) so it is ready for the next caller. */
typedef sqlite3_stmt LuwteStmt;
void        luwte_stmt_release            (LuwteStmt   *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuwteStmt, luwte_stmt_release)

gboolean    luwte_stmt_step_done          (LuwteStore  *self,
                                           LuwteStmt   *stmt,
                                           GError     **error);
char       *luwte_stmt_dup_text           (LuwteStmt   *stmt,
                                           int          column);
LuwteStmt  *luwte_store_prepare           (LuwteStore  *self,
                                           const char  *sql,
                                           GError     **error);
typedef gpointer (*LuwteRowReader) (LuwteStmt *stmt);
gpointer    luwte_store_read_by_id        (LuwteStore     *self,
                                           const char     *sql,
                                           gint64          id,
                                           LuwteRowReader  read,
                                           GError        **error);
GPtrArray  *luwte_store_list_by_id        (LuwteStore     *self,
                                           const char     *sql,
                                           gint64          id,
                                           LuwteRowReader  read,
                                           GError        **error);
gboolean    luwte_store_begin             (LuwteStore  *self,
                                           GError     **error);
gboolean    luwte_store_commit            (LuwteStore  *self,
                                           GError     **error);
void        luwte_store_rollback          (LuwteStore  *self);
void        luwte_store_setting_written   (LuwteStore  *self,
                                           const char  *key);
gboolean    luwte_store_set_error         (LuwteStore  *self,
                                           int          rc,
                                           GError     **error);
/* The same words for an error on another connection to a store's file */
gboolean    luwte_sqlite_set_error        (sqlite3     *db,
                                           const char  *path,
                                           int          rc,
                                           GError     **error);

G_END_DECLS
