/* luwte-case.c — a case: one online-incited disturbance and its handling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-case"

#include "config.h"

#include "luwte-case.h"
#include "luwte-compat.h"
#include "luwte-case-private.h"

#include <glib/gi18n-lib.h>

#define DEFAULT_REFERENCE_PREFIX "OOV"

struct _LuwteCase
{
  GObject          parent_instance;

  gint64           id;
  char            *reference;
  char            *title;
  LuwteCaseStatus  status;
  char            *opened_at;
  char            *closed_at;
  char            *location;
  char            *event_at;
  char            *summary;
  GStrv            platforms;
  char            *lessons;
};

G_DEFINE_FINAL_TYPE (LuwteCase, luwte_case, G_TYPE_OBJECT)

/* Read-only: the store changes them, views follow. */
enum {
  PROP_0,
  PROP_TITLE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = { "signal", "active", "monitoring", "closed" };

const char *
luwte_case_status_to_string (LuwteCaseStatus status)
{
  g_return_val_if_fail (status <= LUWTE_CASE_STATUS_CLOSED, NULL);
  return status_names[status];
}

gboolean
luwte_case_status_parse (const char      *text,
                         LuwteCaseStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (LuwteCaseStatus) i;
        return TRUE;
      }
  return FALSE;
}

/* The word the officer uses: signaal, actief, monitoren, gesloten. */
const char *
luwte_case_status_label (LuwteCaseStatus status)
{
  switch (status)
    {
    case LUWTE_CASE_STATUS_SIGNAL:
      return C_("case status", "Signal");
    case LUWTE_CASE_STATUS_ACTIVE:
      return C_("case status", "Active");
    case LUWTE_CASE_STATUS_MONITORING:
      return C_("case status", "Monitoring");
    case LUWTE_CASE_STATUS_CLOSED:
    default:
      return C_("case status", "Closed");
    }
}

static void
luwte_case_finalize (GObject *object)
{
  LuwteCase *self = (LuwteCase *) object;

  g_free (self->reference);
  g_free (self->title);
  g_free (self->opened_at);
  g_free (self->closed_at);
  g_free (self->location);
  g_free (self->event_at);
  g_free (self->summary);
  g_strfreev (self->platforms);
  g_free (self->lessons);

  G_OBJECT_CLASS (luwte_case_parent_class)->finalize (object);
}

static void
luwte_case_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LuwteCase *self = LUWTE_CASE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luwte_case_class_init (LuwteCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = luwte_case_finalize;
  object_class->get_property = luwte_case_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, LUWTE_CASE_STATUS_SIGNAL, LUWTE_CASE_STATUS_CLOSED,
                      LUWTE_CASE_STATUS_SIGNAL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
luwte_case_init (LuwteCase *self)
{
}

gint64 luwte_case_get_id (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), 0); return self->id; }
const char *luwte_case_get_reference (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return self->reference; }
const char *luwte_case_get_title (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return self->title; }
LuwteCaseStatus luwte_case_get_status (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), 0); return self->status; }
const char *luwte_case_get_opened_at (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return self->opened_at; }
/* Returns: (nullable) */
const char *luwte_case_get_closed_at (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return self->closed_at; }
const char *luwte_case_get_location (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return self->location; }
/* Returns: (nullable): when the gathering is expected, if it is */
const char *luwte_case_get_event_at (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return self->event_at; }
const char *luwte_case_get_summary (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return self->summary; }
const char * const *luwte_case_get_platforms (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return (const char * const *) self->platforms; }
/* Returns: the lessons learned, written when the case was closed; "" when none */
const char *luwte_case_get_lessons (LuwteCase *self) { g_return_val_if_fail (LUWTE_IS_CASE (self), NULL); return self->lessons != NULL ? self->lessons : ""; }

/**
 * luwte_now_iso8601:
 *
 * Returns: (transfer full): the local time now, to the second, with offset
 */
char *
luwte_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%FT%T%:z");
}

/* The platforms come along in one column, joined by the unit separator
 * (which no one types), so a page of cases is one query. */
#define CASE_COLUMNS "id, reference, title, status, opened_at, closed_at, location, event_at, summary," \
  " (SELECT group_concat (platform, char (31)) FROM" \
  "   (SELECT platform FROM case_platforms WHERE case_id = cases.id ORDER BY position)), lessons"

/* One live object per stored case: the list, the workspace and whoever
 * else asks all hold the same LuwteCase, so an edit made through one is
 * what the others show, and no stale copy can write old text back. */
#define LIVE_CASES_KEY "luwte-live-cases"

/* Weak notifications run at dispose, before the fields are freed. */
static void
forget_live_case (gpointer  table,
                  GObject  *disposed)
{
  g_hash_table_remove (table, &LUWTE_CASE (disposed)->id);
}

static void
live_cases_free (gpointer data)
{
  GHashTable *table = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, forget_live_case, table);
  g_hash_table_unref (table);
}

static GHashTable *
live_cases (LuwteStore *store)
{
  GHashTable *table = g_object_get_data (G_OBJECT (store), LIVE_CASES_KEY);

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (store), LIVE_CASES_KEY, table, live_cases_free);
    }
  return table;
}

void
luwte_case_forget_live (LuwteStore *store,
                        gint64      id)
{
  GHashTable *table = live_cases (store);
  GObject *object = g_hash_table_lookup (table, &id);

  if (object == NULL)
    return;
  g_object_weak_unref (object, forget_live_case, table);
  g_hash_table_remove (table, &id);
}

static void
replace_field (char **field,
               char  *value)
{
  g_free (*field);
  *field = value;
}

static LuwteCase *
case_from_row (LuwteStore    *store,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  GHashTable *table = live_cases (store);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  LuwteCase *self = g_hash_table_lookup (table, &id);
  g_autofree char *status_text = luwte_stmt_dup_text (stmt, 3);
  g_autofree char *title = luwte_stmt_dup_text (stmt, 2);
  LuwteCaseStatus status = LUWTE_CASE_STATUS_SIGNAL;
  GStrv platforms;
  gboolean title_changed;
  gboolean status_changed;

  platforms = sqlite3_column_type (stmt, 9) == SQLITE_NULL
    ? g_new0 (char *, 1)
    : g_strsplit ((const char *) sqlite3_column_text (stmt, 9), "\x1f", -1);
  luwte_case_status_parse (status_text, &status);

  if (self == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      self = g_object_new (LUWTE_TYPE_CASE, NULL);
      self->id = id;
      *key = id;
      g_hash_table_insert (table, key, self);
      g_object_weak_ref (G_OBJECT (self), forget_live_case, table);
    }
  else
    g_object_ref (self);

  /* Refresh from the database: it is the truth. */
  title_changed = g_strcmp0 (self->title, title) != 0;
  status_changed = self->status != status;
  replace_field (&self->reference, luwte_stmt_dup_text (stmt, 1));
  replace_field (&self->title, g_steal_pointer (&title));
  self->status = status;
  replace_field (&self->opened_at, luwte_stmt_dup_text (stmt, 4));
  replace_field (&self->closed_at, luwte_stmt_dup_text (stmt, 5));
  replace_field (&self->location, luwte_stmt_dup_text (stmt, 6));
  replace_field (&self->event_at, luwte_stmt_dup_text (stmt, 7));
  replace_field (&self->summary, luwte_stmt_dup_text (stmt, 8));
  replace_field (&self->lessons, luwte_stmt_dup_text (stmt, 10));
  g_strfreev (self->platforms);
  self->platforms = platforms;

  if (title_changed && self->reference != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (status_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  return self;
}

/**
 * luwte_store_get_case:
 * @reference: e.g. "OOV-2026-0042"
 *
 * Returns: (transfer full): the case, or %NULL with
 *   %LUWTE_STORE_ERROR_NOT_FOUND when there is none
 */
LuwteCase *
luwte_store_get_case (LuwteStore  *store,
                      const char  *reference,
                      GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT " CASE_COLUMNS " FROM cases WHERE reference = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return case_from_row (store, stmt, error);
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND,
               _("There is no case “%s”"), reference);
  return NULL;
}

const char *
luwte_case_sort_label (LuwteCaseSort sort)
{
  switch (sort)
    {
    case LUWTE_CASE_SORT_NEWEST: return _("Newest First");
    case LUWTE_CASE_SORT_OLDEST: return _("Oldest First");
    case LUWTE_CASE_SORT_TITLE: return _("By Title");
    case LUWTE_CASE_SORT_GATHERING: return _("By Gathering");
    default: g_return_val_if_reached (NULL);
    }
}

/* Each order has an index, so a page is a range scan, not a sort. */
#define POSITION_SQL(order) "SELECT position FROM (SELECT id, row_number () OVER (ORDER BY " order ") - 1 AS position" \
  " FROM cases WHERE (?1 IS NULL OR status = ?1)) WHERE id = ?2"
#define ORDER_NEWEST "opened_jd DESC, id DESC"
#define ORDER_OLDEST "opened_jd, id"
#define ORDER_TITLE "title COLLATE NOCASE, id"
#define ORDER_GATHERING "event_at DESC, id DESC"

static const char * const position_sql[] = {
  POSITION_SQL (ORDER_NEWEST), POSITION_SQL (ORDER_OLDEST), POSITION_SQL (ORDER_TITLE), POSITION_SQL (ORDER_GATHERING),
};

/* What each order sorts on, the id breaking ties: the column, how it is
 * ordered, and a case's value of it as SQL made from ?3. */
typedef struct {
  const char *column;
  const char *ordered;
  const char *value;
  gboolean    descending;
} SortKey;

static const SortKey sort_keys[] = {
  [LUWTE_CASE_SORT_NEWEST] = { "opened_jd", "opened_jd", "julianday (?3)", TRUE },
  [LUWTE_CASE_SORT_OLDEST] = { "opened_jd", "opened_jd", "julianday (?3)", FALSE },
  [LUWTE_CASE_SORT_TITLE] = { "title", "title COLLATE NOCASE", "?3 COLLATE NOCASE", FALSE },
  [LUWTE_CASE_SORT_GATHERING] = { "event_at", "event_at", "?3", TRUE },
};

static const char *
sort_value (LuwteCase     *kase,
            LuwteCaseSort  sort)
{
  switch (sort)
    {
    case LUWTE_CASE_SORT_TITLE:
      return kase->title;
    case LUWTE_CASE_SORT_GATHERING:
      return kase->event_at;
    case LUWTE_CASE_SORT_NEWEST:
    case LUWTE_CASE_SORT_OLDEST:
    default:
      return kase->opened_at;
    }
}

/* The rows of one stretch of the list that @condition picks, in index
 * order, appended to @cases; -1 on error. */
static gssize
read_stretch (LuwteStore            *store,
              const LuwteCaseStatus *status,
              LuwteCaseSort          sort,
              gboolean               descending,
              const char            *condition,
              LuwteCase             *anchor,
              guint                  skip,
              guint                  limit,
              GPtrArray             *cases,
              GError               **error)
{
  const char *direction = descending ? "DESC" : "ASC";
  g_autofree char *sql = g_strdup_printf ("SELECT " CASE_COLUMNS " FROM cases"
                                          " WHERE (?1 IS NULL OR status = ?1) AND %s"
                                          " ORDER BY %s %s, id %s LIMIT ?5 OFFSET ?6",
                                          condition, sort_keys[sort].ordered, direction, direction);
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql, error);
  gssize n = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  if (status != NULL)
    sqlite3_bind_text (stmt, 1, luwte_case_status_to_string (*status), -1, SQLITE_STATIC);
  if (anchor != NULL)
    {
      sqlite3_bind_text (stmt, 3, sort_value (anchor, sort), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, anchor->id);
    }
  sqlite3_bind_int64 (stmt, 5, limit);
  sqlite3_bind_int64 (stmt, 6, skip);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LuwteCase *kase = case_from_row (store, stmt, error);

      if (kase == NULL)
        return -1;
      g_ptr_array_add (cases, kase);
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return -1;
    }
  return n;
}

/* How many rows @condition picks, counting no further than @at_most. */
static gssize
count_stretch (LuwteStore            *store,
               const LuwteCaseStatus *status,
               const char            *condition,
               LuwteCase             *anchor,
               LuwteCaseSort          sort,
               guint                  at_most,
               GError               **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM (SELECT 1 FROM cases"
                                          " WHERE (?1 IS NULL OR status = ?1) AND %s LIMIT ?5)", condition);
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  if (status != NULL)
    sqlite3_bind_text (stmt, 1, luwte_case_status_to_string (*status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sort_value (anchor, sort), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, anchor->id);
  sqlite3_bind_int64 (stmt, 5, at_most);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      luwte_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * luwte_store_list_cases_near:
 * @status: (nullable): only cases with this status
 * @sort: the order
 * @anchor: (nullable): a case in the list to read beside; %NULL reads from
 *   the top of the list, or with @backwards from its bottom
 * @backwards: read the rows above @anchor rather than below it
 * @skip: rows to pass over first, counted away from @anchor
 * @limit: rows at most
 *
 * Keyset paging: the rows beside a case already read are found through
 * the order's index from that case's sort key, as fast at the bottom of
 * 100,000 cases as at the top, where OFFSET steps over every row above.
 *
 * Returns: (transfer container) (element-type LuwteCase): the rows, in
 *   list order whichever way they were read
 */
GPtrArray *
luwte_store_list_cases_near (LuwteStore            *store,
                             const LuwteCaseStatus *status,
                             LuwteCaseSort          sort,
                             LuwteCase             *anchor,
                             gboolean               backwards,
                             guint                  skip,
                             guint                  limit,
                             GError               **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first = NULL;
  g_autofree char *then = NULL;
  const SortKey *key;
  gboolean descending;
  gssize n;

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);
  g_return_val_if_fail (sort < G_N_ELEMENTS (sort_keys), NULL);
  g_return_val_if_fail (anchor == NULL || LUWTE_IS_CASE (anchor), NULL);

  /* SQLite sorts NULL (a gathering not yet known) below every value: a
   * descending read has the NULL rows last, an ascending one first, by
   * id. From a case with a value, a descending read goes on into them;
   * from one without, an ascending read goes on into the rows with one. */
  key = &sort_keys[sort];
  descending = key->descending != backwards;
  if (anchor == NULL)
    first = g_strdup ("1");
  else if (sort_value (anchor, sort) != NULL)
    {
      first = g_strdup_printf ("(%s, id) %s (%s, ?4)", key->column, descending ? "<" : ">", key->value);
      if (descending)
        then = g_strdup_printf ("%s IS NULL", key->column);
    }
  else if (descending)
    first = g_strdup_printf ("%s IS NULL AND id < ?4", key->column);
  else
    {
      first = g_strdup_printf ("%s IS NULL AND id > ?4", key->column);
      then = g_strdup_printf ("%s IS NOT NULL", key->column);
    }

  n = read_stretch (store, status, sort, descending, first, anchor, skip, limit, cases, error);
  if (n < 0)
    return NULL;
  if (n < limit && then != NULL)
    {
      /* Past the end of the first stretch: all of it was skipped when
       * rows came from it, else count what was. */
      gssize passed = n > 0 || skip == 0 ? skip : count_stretch (store, status, first, anchor, sort, skip, error);

      if (passed < 0 ||
          read_stretch (store, status, sort, descending, then, anchor, skip - passed, limit - n, cases, error) < 0)
        return NULL;
    }

  if (backwards)
    for (guint i = 0; i < cases->len / 2; i++)
      {
        gpointer swap = cases->pdata[i];

        cases->pdata[i] = cases->pdata[cases->len - 1 - i];
        cases->pdata[cases->len - 1 - i] = swap;
      }
  return g_steal_pointer (&cases);
}

/**
 * luwte_store_list_cases_sorted:
 * @status: (nullable): only cases with this status
 * @sort: the order
 * @offset: rows to skip
 * @limit: rows at most
 *
 * Returns: (transfer container) (element-type LuwteCase): one page of cases
 */
GPtrArray *
luwte_store_list_cases_sorted (LuwteStore            *store,
                               const LuwteCaseStatus *status,
                               LuwteCaseSort          sort,
                               guint                  offset,
                               guint                  limit,
                               GError               **error)
{
  return luwte_store_list_cases_near (store, status, sort, NULL, FALSE, offset, limit, error);
}

/**
 * luwte_store_get_case_position_sorted:
 *
 * Returns: where @kase stands in the list with @status in @sort order, or
 *   -1 when it is not in it or on error
 */
gint64
luwte_store_get_case_position_sorted (LuwteStore            *store,
                                      const LuwteCaseStatus *status,
                                      LuwteCaseSort          sort,
                                      LuwteCase             *kase,
                                      GError               **error)
{
  g_autoptr(LuwteStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (sort < G_N_ELEMENTS (position_sql), -1);

  if (sort == LUWTE_CASE_SORT_NEWEST)
    return luwte_store_get_case_position (store, status, kase, error);
  stmt = luwte_store_prepare (store, position_sql[sort], error);
  if (stmt == NULL)
    return -1;
  if (status != NULL)
    sqlite3_bind_text (stmt, 1, luwte_case_status_to_string (*status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, kase->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    luwte_store_set_error (store, rc, error);
  return -1;
}

/**
 * luwte_store_list_cases:
 * @status: (nullable): only cases with this status
 * @offset: rows to skip, newest first
 * @limit: rows at most
 *
 * Returns: (transfer container) (element-type LuwteCase): one page of
 *   cases, newest first; the list is never read whole
 */
GPtrArray *
luwte_store_list_cases (LuwteStore            *store,
                        const LuwteCaseStatus *status,
                        guint                  offset,
                        guint                  limit,
                        GError               **error)
{
  return luwte_store_list_cases_sorted (store, status, LUWTE_CASE_SORT_NEWEST, offset, limit, error);
}

/**
 * luwte_store_ever_held_a_case:
 *
 * Whether a case was ever made, imported or loaded in this database,
 * deleted since or not, as the audit log, which keeps everything, says.
 * Demo cases are offered only to a database that never held one, not to
 * one whose real cases were all deleted.
 *
 * Returns: %TRUE when one was, or when the database cannot tell
 */
gboolean
luwte_store_ever_held_a_case (LuwteStore *store)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT EXISTS (SELECT 1 FROM audit WHERE case_ref IS NOT NULL)", NULL);

  return stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
}

gint64
luwte_store_count_cases (LuwteStore            *store,
                         const LuwteCaseStatus *status,
                         GError               **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT coalesce (sum (n), 0) FROM case_counts WHERE (?1 IS NULL OR status = ?1)", error);
  int rc;

  if (stmt == NULL)
    return -1;
  if (status != NULL)
    sqlite3_bind_text (stmt, 1, luwte_case_status_to_string (*status), -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      luwte_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
record_status_change (LuwteStore  *store,
                      gint64       case_id,
                      const char  *at,
                      const char  *from,
                      const char  *to,
                      GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "INSERT INTO status_changes (case_id, at, from_status, to_status) VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  if (from != NULL)
    sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);
  return luwte_stmt_step_done (store, stmt, error);
}

/**
 * luwte_store_next_reference:
 * @prefix: the municipality's prefix, e.g. "OOV"
 * @year: the year of the case
 * @number: (out): the number in that year
 *
 * Inside the caller's transaction, so two cases never get one number.
 *
 * Returns: (transfer full): the next free reference, PREFIX-YEAR-NUMBER
 */
char *
luwte_store_next_reference (LuwteStore  *store,
                            const char  *prefix,
                            int          year,
                            gint64      *number,
                            GError     **error)
{
  /* The highest number ever given is kept, so a deleted case's reference,
   * which may be on letters already sent, is never given again. */
  g_autofree char *key = g_strdup_printf ("last_number:%s-%d", prefix, year);
  g_autofree char *value = NULL;
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT max (coalesce ((SELECT max (ref_number) FROM cases WHERE ref_prefix = ?1 AND ref_year = ?2), 0),"
    "            coalesce ((SELECT CAST (value AS INTEGER) FROM settings WHERE key = ?3), 0)) + 1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      luwte_store_set_error (store, sqlite3_errcode (luwte_store_get_db (store)), error);
      return NULL;
    }
  *number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  value = g_strdup_printf ("%" G_GINT64_FORMAT, *number);
  if (!luwte_store_set_setting (store, key, value, error))
    return NULL;
  return g_strdup_printf ("%s-%d-%04" G_GINT64_FORMAT, prefix, year, *number);
}

/**
 * luwte_store_create_case:
 * @title: what the officer calls it; may be empty at first
 *
 * Starts a case as a signal, with the next reference of this year:
 * PREFIX-YEAR-NUMBER, the prefix from the setting `reference_prefix`.
 *
 * Returns: (transfer full): the new case
 */
LuwteCase *
luwte_store_create_case (LuwteStore  *store,
                         const char  *title,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%FT%T%:z");
  g_autofree char *prefix = luwte_store_get_setting (store, "reference_prefix", DEFAULT_REFERENCE_PREFIX);
  g_autofree char *reference = NULL;
  int year = g_date_time_get_year (now);
  gint64 number = 1;
  gint64 id;

  if (!luwte_store_begin (store, error))
    return NULL;

  reference = luwte_store_next_reference (store, prefix, year, &number, error);
  if (reference == NULL)
    goto failed;

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO cases (reference, ref_prefix, ref_year, ref_number, title, status, opened_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, 'signal', ?, ?)", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 3, year);
    sqlite3_bind_int64 (stmt, 4, number);
    sqlite3_bind_text (stmt, 5, title != NULL ? title : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, at, -1, SQLITE_TRANSIENT);
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
  }

  if (!record_status_change (store, id, at, NULL, "signal", error) ||
      !luwte_store_audit (store, reference, "case.create", "", error) ||
      !luwte_store_commit (store, error))
    goto failed;

  return luwte_store_get_case (store, reference, error);

failed:
  luwte_store_rollback (store);
  return NULL;
}

/* The status the database has for the case, inside the caller's
 * transaction. Returns: FALSE with @error when the case is gone */
static gboolean
read_status (LuwteStore       *store,
             gint64            case_id,
             const char       *reference,
             LuwteCaseStatus  *status,
             GError          **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "SELECT status FROM cases WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND,
                   _("There is no case “%s”"), reference != NULL ? reference : "");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return luwte_store_set_error (store, rc, error);
  *status = LUWTE_CASE_STATUS_SIGNAL;
  luwte_case_status_parse ((const char *) sqlite3_column_text (stmt, 0), status);
  return TRUE;
}

/**
 * luwte_store_check_case_id_open:
 *
 * A closed case is read-only until it is reopened: called inside the
 * transaction of every change to what a case holds.
 *
 * Returns: %FALSE with %LUWTE_STORE_ERROR_CLOSED when the case is closed,
 *   or %LUWTE_STORE_ERROR_NOT_FOUND when it is gone
 */
gboolean
luwte_store_check_case_id_open (LuwteStore  *store,
                                gint64       case_id,
                                const char  *reference,
                                GError     **error)
{
  LuwteCaseStatus status;

  if (!read_status (store, case_id, reference, &status, error))
    return FALSE;
  if (status == LUWTE_CASE_STATUS_CLOSED)
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_CLOSED,
                   _("The case %s is closed; reopen it to change it."), reference);
      return FALSE;
    }
  return TRUE;
}

gboolean
luwte_store_check_case_open (LuwteStore  *store,
                             LuwteCase   *kase,
                             GError     **error)
{
  return luwte_store_check_case_id_open (store, kase->id, kase->reference, error);
}

/* Inside the caller's transaction: the move from the status the database
 * has, with its history and audit entry; reopening is audited as such. */
gboolean
luwte_case_store_status (LuwteStore       *store,
                         LuwteCase        *kase,
                         LuwteCaseStatus   status,
                         const char       *at,
                         GError          **error)
{
  g_autofree char *detail = NULL;
  LuwteCaseStatus stored;
  const char *from;
  const char *to = luwte_case_status_to_string (status);

  if (!read_status (store, kase->id, kase->reference, &stored, error))
    return FALSE;
  from = luwte_case_status_to_string (stored);

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE cases SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, to, -1, SQLITE_STATIC);
    if (status == LUWTE_CASE_STATUS_CLOSED)
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 4, kase->id);
    if (!luwte_stmt_step_done (store, stmt, error))
      return FALSE;
  }

  detail = g_strdup_printf ("%s → %s", from, to);
  return record_status_change (store, kase->id, at, from, to, error) &&
         luwte_store_audit (store, kase->reference,
                            stored == LUWTE_CASE_STATUS_CLOSED ? "case.reopen" : "case.status",
                            detail, error);
}

void
luwte_case_apply_status (LuwteCase       *kase,
                         LuwteCaseStatus  status,
                         const char      *at)
{
  kase->status = status;
  g_free (kase->closed_at);
  kase->closed_at = status == LUWTE_CASE_STATUS_CLOSED ? g_strdup (at) : NULL;
  g_object_notify_by_pspec (G_OBJECT (kase), properties[PROP_STATUS]);
}

void
luwte_case_apply_lessons (LuwteCase  *kase,
                          const char *lessons)
{
  replace_field (&kase->lessons, g_strdup (lessons));
}

/**
 * luwte_store_set_case_status:
 *
 * Moves @kase to @status, recording the change in its history and the
 * audit log; closing sets the closing time, reopening clears it. Closing
 * here records no evaluation: luwte_store_close_case() does.
 */
gboolean
luwte_store_set_case_status (LuwteStore       *store,
                             LuwteCase        *kase,
                             LuwteCaseStatus   status,
                             GError          **error)
{
  g_autofree char *at = luwte_now_iso8601 ();

  if (status == kase->status)
    return TRUE;

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_case_store_status (store, kase, status, at, error) ||
      !luwte_store_commit (store, error))
    {
      luwte_store_rollback (store);
      return FALSE;
    }

  luwte_case_apply_status (kase, status, at);
  return TRUE;
}

/**
 * luwte_store_get_setting:
 *
 * Returns: (transfer full): the setting, or a copy of @fallback
 */
char *
luwte_store_get_setting (LuwteStore *store,
                         const char *key,
                         const char *fallback)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "SELECT value FROM settings WHERE key = ?", NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strdup (fallback);
}

gboolean
luwte_store_set_setting (LuwteStore  *store,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
    if (!luwte_stmt_step_done (store, stmt, error))
      return FALSE;
  }
  /* Told once the statement is released: a listener may read settings. */
  luwte_store_setting_written (store, key);
  return TRUE;
}

/**
 * luwte_store_audit:
 * @case_ref: (nullable): the case concerned
 * @action: what happened, e.g. "case.create"
 * @detail: which fields changed; never their personal content
 *
 * Appends to the audit log: time, operating-system user, case, change.
 * Called inside the transaction of the change it records.
 */
gboolean
luwte_store_audit (LuwteStore  *store,
                   const char  *case_ref,
                   const char  *action,
                   const char  *detail,
                   GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "INSERT INTO audit (at, os_user, case_ref, action, detail) VALUES (?, ?, ?, ?, ?)", error);
  g_autofree char *at = luwte_now_iso8601 ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  if (case_ref != NULL)
    sqlite3_bind_text (stmt, 3, case_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, detail != NULL ? detail : "", -1, SQLITE_TRANSIENT);
  return luwte_stmt_step_done (store, stmt, error);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

static gboolean
replace_platforms (LuwteStore          *store,
                   gint64               case_id,
                   const char * const  *platforms,
                   GError             **error)
{
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "DELETE FROM case_platforms WHERE case_id = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, case_id);
    if (!luwte_stmt_step_done (store, stmt, error))
      return FALSE;
  }

  for (guint i = 0; platforms[i] != NULL; i++)
    {
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT INTO case_platforms (case_id, position, platform) VALUES (?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, platforms[i], -1, SQLITE_TRANSIENT);
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * luwte_store_check_time:
 * @value: (nullable): ISO 8601 with an offset; %NULL is no time
 * @field: the field's name, for the message
 *
 * Returns: %FALSE with a message that shows how to write it, when @value
 *   is not a time
 */
gboolean
luwte_store_check_time (const char  *value,
                        const char  *field,
                        GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (value == NULL)
    return TRUE;
  parsed = g_date_time_new_from_iso8601 (value, NULL);
  if (parsed == NULL)
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                   _("“%s” is not a time with a date and an offset, such as 2026-12-31T21:00:00+01:00 (%s)"),
                   value, field);
      return FALSE;
    }
  return TRUE;
}

/**
 * luwte_store_update_case:
 * @edit: the fields to change
 *
 * Stores the changed fields in one transaction, with an audit entry that
 * names the fields (never their content); @kase then holds the new values.
 * Unchanged fields write nothing.
 */
gboolean
luwte_store_update_case (LuwteStore           *store,
                         LuwteCase            *kase,
                         const LuwteCaseEdit  *edit,
                         GError              **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *at = NULL;
  g_autofree char *detail = NULL;
  const char *event_at = NULL;
  gboolean change_title, change_location, change_event, change_summary, change_platforms;

  g_return_val_if_fail (LUWTE_IS_CASE (kase), FALSE);

  /* An empty time clears it. */
  if (edit->event_at != NULL && *edit->event_at != '\0' && !luwte_store_check_time (edit->event_at, "event_at", error))
    return FALSE;
  if (edit->event_at != NULL)
    event_at = *edit->event_at != '\0' ? edit->event_at : NULL;

  change_title = edit->title != NULL && g_strcmp0 (edit->title, kase->title) != 0;
  change_location = edit->location != NULL && g_strcmp0 (edit->location, kase->location) != 0;
  change_event = edit->event_at != NULL && g_strcmp0 (event_at, kase->event_at) != 0;
  change_summary = edit->summary != NULL && g_strcmp0 (edit->summary, kase->summary) != 0;
  change_platforms = edit->platforms != NULL && !strv_equal (edit->platforms, (const char * const *) kase->platforms);
  if (change_title)
    g_ptr_array_add (changed, "title");
  if (change_location)
    g_ptr_array_add (changed, "location");
  if (change_event)
    g_ptr_array_add (changed, "event_at");
  if (change_summary)
    g_ptr_array_add (changed, "summary");
  if (change_platforms)
    g_ptr_array_add (changed, "platforms");
  if (changed->len == 0)
    return TRUE;

  at = luwte_now_iso8601 ();
  g_ptr_array_add (changed, NULL);
  detail = g_strjoinv (", ", (char **) changed->pdata);

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE cases SET title = coalesce (?1, title), location = coalesce (?2, location),"
      " event_at = CASE WHEN ?3 THEN ?4 ELSE event_at END, summary = coalesce (?5, summary),"
      " updated_at = ?6 WHERE id = ?7", error);

    if (stmt == NULL)
      goto failed;
    /* Only what changed is written: a field this edit did not change
     * keeps whatever the database holds. */
    if (change_title)
      sqlite3_bind_text (stmt, 1, edit->title, -1, SQLITE_TRANSIENT);
    if (change_location)
      sqlite3_bind_text (stmt, 2, edit->location, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 3, change_event);
    if (change_event && event_at != NULL)
      sqlite3_bind_text (stmt, 4, event_at, -1, SQLITE_TRANSIENT);
    if (change_summary)
      sqlite3_bind_text (stmt, 5, edit->summary, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 7, kase->id);
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
  }

  if (change_platforms && !replace_platforms (store, kase->id, edit->platforms, error))
    goto failed;
  if (!luwte_store_audit (store, kase->reference, "case.update", detail, error) ||
      !luwte_store_commit (store, error))
    goto failed;

  if (change_title)
    {
      luwte_set_str (&kase->title, edit->title);
      g_object_notify_by_pspec (G_OBJECT (kase), properties[PROP_TITLE]);
    }
  if (change_location)
    luwte_set_str (&kase->location, edit->location);
  if (change_event)
    luwte_set_str (&kase->event_at, event_at);
  if (change_summary)
    luwte_set_str (&kase->summary, edit->summary);
  if (change_platforms)
    {
      g_strfreev (kase->platforms);
      kase->platforms = g_strdupv ((char **) edit->platforms);
    }
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

/**
 * luwte_store_get_case_position:
 * @status: (nullable): the filter of the list
 *
 * Returns: where @kase stands in the list of cases (newest first) with
 *   @status, or -1 when it is not in it or on error
 */
gint64
luwte_store_get_case_position (LuwteStore            *store,
                               const LuwteCaseStatus *status,
                               LuwteCase             *kase,
                               GError               **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT count (*) FROM cases AS c, cases AS k WHERE k.id = ?2 AND (?1 IS NULL OR k.status = ?1)"
    " AND (?1 IS NULL OR c.status = ?1)"
    " AND (c.opened_jd > k.opened_jd OR (c.opened_jd = k.opened_jd AND c.id > k.id))", error);
  g_autoptr(LuwteStmt) present = NULL;
  int rc;

  if (stmt == NULL)
    return -1;
  if (status != NULL)
    sqlite3_bind_text (stmt, 1, luwte_case_status_to_string (*status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, kase->id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      luwte_store_set_error (store, rc, error);
      return -1;
    }
  if (status != NULL && *status != kase->status)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}
