/* luwte-removal.c — what a deletion took away, so that Undo puts it back
 *
 * Before deleting, the rows that go (and, for a case, everything in it) are
 * copied column by column; Undo inserts them again in the order of their
 * foreign keys. A row gets its old id back unless something new has taken
 * it meanwhile; then it gets a new one and the rows that pointed to it
 * follow. Rows that only lost a reference to a removed party get it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-removal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "luwte-case-private.h"
#include "luwte-removal.h"

/* The rows of one table that a removal took */
typedef struct {
  const char *table;      /* static */
  char      **columns;
  GPtrArray  *rows;       /* sqlite3_value*[n_columns] */
} Capture;

/* Rows that pointed to the removed row and were set to NULL */
typedef struct {
  const char *table;      /* static */
  const char *column;     /* static */
  const char *parent;     /* the table the column points to */
  gint64      parent_id;
  GArray     *ids;
} Relink;

struct _LuwteRemoval
{
  GObject          parent_instance;

  LuwteRemovalKind kind;
  char            *case_ref;
  gint64           case_id;
  gint64           id;
  GPtrArray       *captures;
  GPtrArray       *relinks;
  gboolean         undone;
};

G_DEFINE_FINAL_TYPE (LuwteRemoval, luwte_removal, G_TYPE_OBJECT)

typedef struct {
  const char *table;
  const char *where;     /* ?1 is the removed id, ?2 the case id */
} Part;

typedef struct {
  const char *action;
  const char *remove;    /* the DELETE; cascades take the rest */
  Part        parts[11];
  Part        links[5];  /* table, column */
} Plan;

static const Plan plans[] = {
  [LUWTE_REMOVAL_CASE] = {
    "case", "DELETE FROM cases WHERE id = ?1 AND id = ?2",
    {
      { "cases", "id = ?1" },
      { "case_platforms", "case_id = ?1" },
      { "status_changes", "case_id = ?1" },
      { "parties", "case_id = ?1" },
      { "case_interventions", "case_id = ?1" },
      { "notes", "case_id = ?1" },
      { "evidence", "case_id = ?1" },
      { "letters", "case_id = ?1" },
      { "letter_inputs", "letter_id IN (SELECT id FROM letters WHERE case_id = ?1)" },
      { "letter_evidence", "letter_id IN (SELECT id FROM letters WHERE case_id = ?1)" },
    },
    { { NULL } },
  },
  [LUWTE_REMOVAL_NOTE] = {
    "note", "DELETE FROM notes WHERE id = ?1 AND case_id = ?2",
    { { "notes", "id = ?1 AND case_id = ?2" } },
    { { NULL } },
  },
  [LUWTE_REMOVAL_INTERVENTION] = {
    "intervention", "DELETE FROM case_interventions WHERE id = ?1 AND case_id = ?2",
    { { "case_interventions", "id = ?1 AND case_id = ?2" } },
    { { NULL } },
  },
  [LUWTE_REMOVAL_PARTY] = {
    "party", "DELETE FROM parties WHERE id = ?1 AND case_id = ?2",
    { { "parties", "id = ?1 AND case_id = ?2" } },
    { { "notes", "party_id" }, { "case_interventions", "party_id" }, { "letters", "party_id" }, { "letters", "youth_id" } },
  },
  [LUWTE_REMOVAL_EVIDENCE] = {
    "evidence", "DELETE FROM evidence WHERE id = ?1 AND case_id = ?2",
    {
      { "evidence", "id = ?1 AND case_id = ?2" },
      { "letter_evidence", "evidence_id = ?1" },
    },
    { { NULL } },
  },
  [LUWTE_REMOVAL_LETTER] = {
    "letter", "DELETE FROM letters WHERE id = ?1 AND case_id = ?2",
    {
      { "letters", "id = ?1 AND case_id = ?2" },
      { "letter_inputs", "letter_id = ?1" },
      { "letter_evidence", "letter_id = ?1" },
    },
    { { "letters", "previous_id" } },
  },
};

static void
capture_free (gpointer data)
{
  Capture *capture = data;

  g_strfreev (capture->columns);
  g_ptr_array_unref (capture->rows);
  g_free (capture);
}

static void
relink_free (gpointer data)
{
  Relink *relink = data;

  g_array_unref (relink->ids);
  g_free (relink);
}

static void
values_free (gpointer data)
{
  sqlite3_value **values = data;

  for (guint i = 0; values[i] != NULL; i++)
    sqlite3_value_free (values[i]);
  g_free (values);
}

static void
luwte_removal_finalize (GObject *object)
{
  LuwteRemoval *self = LUWTE_REMOVAL (object);

  g_free (self->case_ref);
  g_ptr_array_unref (self->captures);
  g_ptr_array_unref (self->relinks);

  G_OBJECT_CLASS (luwte_removal_parent_class)->finalize (object);
}

static void
luwte_removal_class_init (LuwteRemovalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_removal_finalize;
}

static void
luwte_removal_init (LuwteRemoval *self)
{
  self->captures = g_ptr_array_new_with_free_func (capture_free);
  self->relinks = g_ptr_array_new_with_free_func (relink_free);
}

LuwteRemovalKind luwte_removal_get_kind (LuwteRemoval *self) { g_return_val_if_fail (LUWTE_IS_REMOVAL (self), 0); return self->kind; }
const char *luwte_removal_get_case_ref (LuwteRemoval *self) { g_return_val_if_fail (LUWTE_IS_REMOVAL (self), NULL); return self->case_ref; }

/* The columns a row can be inserted with: not the generated ones. The
 * table names come from the plans above, never from input. */
static char **
insertable_columns (LuwteStore  *store,
                    const char  *table,
                    GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT name FROM pragma_table_xinfo (?) WHERE hidden = 0 ORDER BY cid", error);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (columns, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  return g_strv_builder_end (columns);
}

static char *
quoted_list (char       **columns,
             const char  *prefix)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (list, "%s%s\"%s\"", i > 0 ? ", " : "", prefix, columns[i]);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
capture (LuwteRemoval  *self,
         LuwteStore    *store,
         const Part    *part,
         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) columns = insertable_columns (store, part->table, error);
  g_autofree char *list = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (values_free);
  guint n_columns;
  int rc;

  if (columns == NULL)
    return FALSE;
  n_columns = g_strv_length (columns);
  list = quoted_list (columns, "");
  sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE %s", list, part->table, part->where);
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, self->id);
    sqlite3_bind_int64 (stmt, 2, self->case_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        sqlite3_value **values = g_new0 (sqlite3_value *, n_columns + 1);

        g_ptr_array_add (rows, values);
        for (guint i = 0; i < n_columns; i++)
          if ((values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i))) == NULL)
            {
              luwte_store_set_error (store, SQLITE_NOMEM, error);
              return FALSE;
            }
      }
    if (rc != SQLITE_DONE)
      {
        luwte_store_set_error (store, rc, error);
        return FALSE;
      }
  }

  if (rows->len > 0)
    {
      Capture *captured = g_new0 (Capture, 1);

      captured->table = part->table;
      captured->columns = g_steal_pointer (&columns);
      captured->rows = g_steal_pointer (&rows);
      g_ptr_array_add (self->captures, captured);
    }
  return TRUE;
}

static gboolean
capture_links (LuwteRemoval  *self,
               LuwteStore    *store,
               const Part    *link,
               const char    *parent,
               GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?", link->table, link->where);
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return FALSE;
    }
  if (ids->len > 0)
    {
      Relink *relink = g_new0 (Relink, 1);

      relink->table = link->table;
      relink->column = link->where;
      relink->parent = parent;
      relink->parent_id = self->id;
      relink->ids = g_steal_pointer (&ids);
      g_ptr_array_add (self->relinks, relink);
    }
  return TRUE;
}

static const char *
audit_detail (LuwteRemoval *self,
              char         *buffer,
              gsize         size)
{
  g_snprintf (buffer, size, "%" G_GINT64_FORMAT, self->id);
  return buffer;
}

/**
 * luwte_store_remove:
 * @kind: what to remove
 * @kase: the case it belongs to (for a case: the case itself)
 * @id: the row to remove; ignored for a case
 *
 * Returns: (transfer full) (nullable): the removal, or %NULL with @error
 *   set, the database unchanged
 */
LuwteRemoval *
luwte_store_remove (LuwteStore        *store,
                    LuwteRemovalKind   kind,
                    LuwteCase         *kase,
                    gint64             id,
                    GError           **error)
{
  g_autoptr(LuwteRemoval) self = NULL;
  const Plan *plan;
  char detail[32];

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);
  g_return_val_if_fail (LUWTE_IS_CASE (kase), NULL);
  g_return_val_if_fail (kind <= LUWTE_REMOVAL_LETTER, NULL);

  plan = &plans[kind];
  self = g_object_new (LUWTE_TYPE_REMOVAL, NULL);
  self->kind = kind;
  self->case_ref = g_strdup (luwte_case_get_reference (kase));
  self->case_id = luwte_case_get_id (kase);
  self->id = kind == LUWTE_REMOVAL_CASE ? self->case_id : id;

  if (!luwte_store_begin (store, error))
    return NULL;
  /* A closed case can go as a whole, but nothing is taken out of it. */
  if (kind != LUWTE_REMOVAL_CASE && !luwte_store_check_case_open (store, kase, error))
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (plan->parts) && plan->parts[i].table != NULL; i++)
    if (!capture (self, store, &plan->parts[i], error))
      goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (plan->links) && plan->links[i].table != NULL; i++)
    if (!capture_links (self, store, &plan->links[i], plan->parts[0].table, error))
      goto failed;
  if (self->captures->len == 0)
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND,
                   _("It was already removed."));
      goto failed;
    }
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, plan->remove, error);
    g_autofree char *action = g_strconcat (plan->action, ".remove", NULL);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, self->id);
    sqlite3_bind_int64 (stmt, 2, self->case_id);
    if (!luwte_stmt_step_done (store, stmt, error) ||
        !luwte_store_audit (store, self->case_ref, action, audit_detail (self, detail, sizeof detail), error) ||
        !luwte_store_commit (store, error))
      goto failed;
  }

  if (kind == LUWTE_REMOVAL_CASE)
    luwte_case_forget_live (store, self->case_id);
  return g_steal_pointer (&self);

failed:
  luwte_store_rollback (store);
  return NULL;
}

/* Old id → new id, per table, for rows whose id was taken meanwhile */
static gint64
mapped_id (GHashTable *maps,
           const char *table,
           gint64      id)
{
  GHashTable *map = g_hash_table_lookup (maps, table);
  gint64 *new_id = map != NULL ? g_hash_table_lookup (map, &id) : NULL;

  return new_id != NULL ? *new_id : id;
}

static void
map_id (GHashTable *maps,
        const char *table,
        gint64      old_id,
        gint64      new_id)
{
  GHashTable *map = g_hash_table_lookup (maps, table);

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (maps, (gpointer) table, map);
    }
  g_hash_table_insert (map, g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&new_id, sizeof new_id));
}

/* The parent table of each column with a foreign key, NULL elsewhere */
static const char **
parent_tables (LuwteStore  *store,
               Capture     *captured,
               GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT \"from\", \"table\" FROM pragma_foreign_key_list (?)", error);
  g_autofree const char **parents = g_new0 (const char *, g_strv_length (captured->columns) + 1);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, captured->table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint i = 0; captured->columns[i] != NULL; i++)
      if (g_strcmp0 (captured->columns[i], (const char *) sqlite3_column_text (stmt, 0)) == 0)
        parents[i] = g_intern_string ((const char *) sqlite3_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&parents);
}

static gboolean
id_taken (LuwteStore  *store,
          const char  *table,
          gint64       id,
          gboolean    *taken,
          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?", table);
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return luwte_store_set_error (store, rc, error);
  *taken = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
restore_capture (LuwteStore  *store,
                 Capture     *captured,
                 GHashTable  *maps,
                 GError     **error)
{
  g_autofree const char **parents = parent_tables (store, captured, error);
  g_autofree char *list = NULL;
  g_autoptr(GString) sql = NULL;
  int id_column = -1;

  if (parents == NULL)
    return FALSE;
  list = quoted_list (captured->columns, "");
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO \"%s\" (%s) VALUES (", captured->table, list);
  for (guint i = 0; captured->columns[i] != NULL; i++)
    {
      g_string_append (sql, i > 0 ? ", ?" : "?");
      if (g_str_equal (captured->columns[i], "id"))
        id_column = i;
    }
  g_string_append (sql, ")");

  for (guint r = 0; r < captured->rows->len; r++)
    {
      sqlite3_value **values = g_ptr_array_index (captured->rows, r);
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql->str, error);
      gboolean taken = FALSE;
      gint64 old_id = id_column >= 0 ? sqlite3_value_int64 (values[id_column]) : 0;

      if (stmt == NULL)
        return FALSE;
      if (id_column >= 0 && !id_taken (store, captured->table, old_id, &taken, error))
        return FALSE;
      for (guint i = 0; captured->columns[i] != NULL; i++)
        {
          if ((int) i == id_column && taken)
            sqlite3_bind_null (stmt, i + 1);
          else if (parents[i] != NULL && sqlite3_value_type (values[i]) == SQLITE_INTEGER)
            sqlite3_bind_int64 (stmt, i + 1, mapped_id (maps, parents[i], sqlite3_value_int64 (values[i])));
          else
            sqlite3_bind_value (stmt, i + 1, values[i]);
        }
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
      if (taken)
        map_id (maps, captured->table, old_id, sqlite3_last_insert_rowid (luwte_store_get_db (store)));
    }
  return TRUE;
}

static gboolean
restore_relink (LuwteStore  *store,
                Relink      *relink,
                GHashTable  *maps,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2 AND \"%s\" IS NULL",
                                          relink->table, relink->column, relink->column);
  gint64 parent_id = mapped_id (maps, g_intern_string (relink->parent), relink->parent_id);

  for (guint i = 0; i < relink->ids->len; i++)
    {
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (relink->ids, gint64, i));
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * luwte_store_undo_removal:
 *
 * Puts back what @removal took, in one transaction. An undo that fails
 * (say, the case it belonged to is gone too) changes nothing.
 */
gboolean
luwte_store_undo_removal (LuwteStore    *store,
                          LuwteRemoval  *removal,
                          GError       **error)
{
  g_autoptr(GHashTable) maps = NULL;
  g_autofree char *action = NULL;
  char detail[32];

  g_return_val_if_fail (LUWTE_IS_STORE (store), FALSE);
  g_return_val_if_fail (LUWTE_IS_REMOVAL (removal), FALSE);

  if (removal->undone)
    return TRUE;

  maps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  if (!luwte_store_begin (store, error))
    return FALSE;
  /* Nor is anything put back into a case closed since. */
  if (removal->kind != LUWTE_REMOVAL_CASE &&
      !luwte_store_check_case_id_open (store, removal->case_id, removal->case_ref, error))
    goto failed;
  for (guint i = 0; i < removal->captures->len; i++)
    if (!restore_capture (store, g_ptr_array_index (removal->captures, i), maps, error))
      goto failed;
  for (guint i = 0; i < removal->relinks->len; i++)
    if (!restore_relink (store, g_ptr_array_index (removal->relinks, i), maps, error))
      goto failed;
  action = g_strconcat (plans[removal->kind].action, ".restore", NULL);
  if (!luwte_store_audit (store, removal->case_ref, action, audit_detail (removal, detail, sizeof detail), error) ||
      !luwte_store_commit (store, error))
    goto failed;

  removal->undone = TRUE;
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}
