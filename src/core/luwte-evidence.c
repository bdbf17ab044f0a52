/* luwte-evidence.c — the online messages of a case
 *
 * Each message is kept with where it was (URL, platform, account), when it
 * was posted and captured, a screenshot, and the state of a request to take
 * it down. A screenshot is decoded and stored again as a plain PNG, so
 * metadata such as EXIF and GPS never enters the database; its SHA-256 is
 * of exactly the bytes stored, so the case can show what it holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-evidence"

#include "config.h"

#include "luwte-evidence.h"
#include "luwte-compat.h"
#include "luwte-case-private.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>

#define SCREENSHOT_MAX_BYTES (32 * 1024 * 1024)

static const char * const takedown_names[] = {
  "not_requested", "requested", "acknowledged", "removed", "refused", "no_answer",
};

const char *
luwte_takedown_to_string (LuwteTakedown state)
{
  g_return_val_if_fail (state <= LUWTE_TAKEDOWN_NO_ANSWER, NULL);
  return takedown_names[state];
}

gboolean
luwte_takedown_parse (const char    *text,
                      LuwteTakedown *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (takedown_names); i++)
    if (g_strcmp0 (text, takedown_names[i]) == 0)
      {
        *state = (LuwteTakedown) i;
        return TRUE;
      }
  return FALSE;
}

struct _LuwteEvidence
{
  GObject        parent_instance;

  gint64         id;
  char          *url;
  char          *platform;
  char          *account;
  char          *posted_at;
  char          *captured_at;
  char          *description;
  char          *sha256;
  gboolean       has_screenshot;
  LuwteTakedown  takedown;
  char          *takedown_at;
  char          *takedown_channel;
  char          *takedown_due;
};

G_DEFINE_FINAL_TYPE (LuwteEvidence, luwte_evidence, G_TYPE_OBJECT)

static void
luwte_evidence_finalize (GObject *object)
{
  LuwteEvidence *self = (LuwteEvidence *) object;

  g_free (self->url);
  g_free (self->platform);
  g_free (self->account);
  g_free (self->posted_at);
  g_free (self->captured_at);
  g_free (self->description);
  g_free (self->sha256);
  g_free (self->takedown_at);
  g_free (self->takedown_channel);
  g_free (self->takedown_due);
  G_OBJECT_CLASS (luwte_evidence_parent_class)->finalize (object);
}

static void
luwte_evidence_class_init (LuwteEvidenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_evidence_finalize;
}

static void
luwte_evidence_init (LuwteEvidence *self)
{
}

gint64 luwte_evidence_get_id (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), 0); return self->id; }
const char *luwte_evidence_get_url (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->url; }
const char *luwte_evidence_get_platform (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->platform; }
const char *luwte_evidence_get_account (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->account; }
/* Returns: (nullable) */
const char *luwte_evidence_get_posted_at (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->posted_at; }
const char *luwte_evidence_get_captured_at (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->captured_at; }
const char *luwte_evidence_get_description (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->description; }
/* Returns: (nullable): of the stored screenshot */
const char *luwte_evidence_get_sha256 (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->sha256; }
/* Returns: %TRUE when the screenshot itself is in the database, not only
 * the hash of one kept elsewhere */
gboolean luwte_evidence_has_screenshot (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), FALSE); return self->has_screenshot; }
LuwteTakedown luwte_evidence_get_takedown (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), 0); return self->takedown; }
/* Returns: (nullable): when the takedown state was last set */
const char *luwte_evidence_get_takedown_at (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->takedown_at; }
/* Returns: how the request went out ("e-mail", "platform form"), or "" */
const char *luwte_evidence_get_takedown_channel (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->takedown_channel; }
/* Returns: (nullable): by when an answer is expected */
const char *luwte_evidence_get_takedown_due (LuwteEvidence *self) { g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), NULL); return self->takedown_due; }

/**
 * luwte_evidence_is_overdue:
 * @now: the time to compare with
 *
 * Returns: %TRUE when a request went out, has had no final answer, and
 *   the date the user set for one has passed: time for a reminder
 */
gboolean
luwte_evidence_is_overdue (LuwteEvidence *self,
                           GDateTime     *now)
{
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (LUWTE_IS_EVIDENCE (self), FALSE);

  if (self->takedown_due == NULL ||
      (self->takedown != LUWTE_TAKEDOWN_REQUESTED && self->takedown != LUWTE_TAKEDOWN_ACKNOWLEDGED))
    return FALSE;
  due = g_date_time_new_from_iso8601 (self->takedown_due, NULL);
  return due != NULL && g_date_time_compare (due, now) < 0;
}

/**
 * luwte_evidence_strip_metadata:
 * @image: a screenshot in any format gdk-pixbuf reads
 *
 * Returns: (transfer full): the same picture as a PNG without metadata,
 *   turned upright as its EXIF said, or %NULL when @image is no picture
 */
GBytes *
luwte_evidence_strip_metadata (GBytes  *image,
                               GError **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GError) local_error = NULL;
  gchar *buffer = NULL;
  gsize length = 0;

  if (g_bytes_get_size (image) > SCREENSHOT_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The screenshot is larger than %d MiB."), SCREENSHOT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  stream = g_memory_input_stream_new_from_bytes (image);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &local_error);
  if (pixbuf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is not a picture Luwte can read (%s)."), local_error->message);
      return NULL;
    }
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (upright, &buffer, &length, "png", error, NULL))
    return NULL;
  return g_bytes_new_take (buffer, length);
}

static LuwteEvidence *
from_row (LuwteStmt *stmt)
{
  LuwteEvidence *self = g_object_new (LUWTE_TYPE_EVIDENCE, NULL);
  g_autofree char *takedown = luwte_stmt_dup_text (stmt, 9);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->url = luwte_stmt_dup_text (stmt, 1);
  self->platform = luwte_stmt_dup_text (stmt, 2);
  self->account = luwte_stmt_dup_text (stmt, 3);
  self->posted_at = luwte_stmt_dup_text (stmt, 4);
  self->captured_at = luwte_stmt_dup_text (stmt, 5);
  self->description = luwte_stmt_dup_text (stmt, 6);
  self->sha256 = luwte_stmt_dup_text (stmt, 7);
  self->takedown_at = luwte_stmt_dup_text (stmt, 8);
  luwte_takedown_parse (takedown, &self->takedown);
  self->takedown_channel = luwte_stmt_dup_text (stmt, 10);
  self->takedown_due = luwte_stmt_dup_text (stmt, 11);
  self->has_screenshot = sqlite3_column_int (stmt, 12) != 0;
  return self;
}

#define COLUMNS "id, url, platform, account, posted_at, captured_at, description, sha256, takedown_at, takedown," \
  " takedown_channel, takedown_due, screenshot IS NOT NULL"

/**
 * luwte_store_add_evidence:
 * @screenshot: (nullable): the picture, as the user gave it
 *
 * Returns: (transfer full): the stored message
 */
LuwteEvidence *
luwte_store_add_evidence (LuwteStore              *store,
                          LuwteCase               *kase,
                          const LuwteEvidenceNew  *entry,
                          GBytes                  *screenshot,
                          GError                 **error)
{
  g_autoptr(GBytes) clean = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = luwte_now_iso8601 ();
  g_autoptr(LuwteEvidence) item = NULL;
  gint64 id;

  if (screenshot != NULL)
    {
      clean = luwte_evidence_strip_metadata (screenshot, error);
      if (clean == NULL)
        return NULL;
      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, clean);
    }
  else if (entry->sha256 != NULL)
    sha256 = g_strdup (entry->sha256);

  if (!luwte_store_begin (store, error))
    return NULL;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO evidence (case_id, url, platform, account, posted_at, captured_at, description, screenshot, sha256)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
    sqlite3_bind_text (stmt, 2, entry->url != NULL ? entry->url : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, entry->platform != NULL ? entry->platform : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, entry->account != NULL ? entry->account : "", -1, SQLITE_TRANSIENT);
    if (entry->posted_at != NULL)
      sqlite3_bind_text (stmt, 5, entry->posted_at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, entry->captured_at != NULL ? entry->captured_at : now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, entry->description != NULL ? entry->description : "", -1, SQLITE_TRANSIENT);
    if (clean != NULL)
      sqlite3_bind_blob64 (stmt, 8, g_bytes_get_data (clean, NULL), g_bytes_get_size (clean), SQLITE_TRANSIENT);
    if (sha256 != NULL)
      sqlite3_bind_text (stmt, 9, sha256, -1, SQLITE_TRANSIENT);
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
  }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "evidence.add",
                          clean != NULL ? "with screenshot" : "", error))
    goto failed;
  /* Read back inside the transaction: a failure here undoes the insert. */
  item = luwte_store_read_by_id (store, "SELECT " COLUMNS " FROM evidence WHERE id = ?", id,
                                 (LuwteRowReader) from_row, error);
  if (item == NULL || !luwte_store_commit (store, error))
    goto failed;
  return g_steal_pointer (&item);

failed:
  luwte_store_rollback (store);
  return NULL;
}

/* Returns: (transfer container) (element-type LuwteEvidence) */
GPtrArray *
luwte_store_list_evidence (LuwteStore  *store,
                           LuwteCase   *kase,
                           GError     **error)
{
  return luwte_store_list_by_id (store, "SELECT " COLUMNS " FROM evidence WHERE case_id = ? ORDER BY id",
                                 luwte_case_get_id (kase), (LuwteRowReader) from_row, error);
}

/* Returns: (transfer full) (nullable): the stored PNG, %NULL when none */
GBytes *
luwte_store_get_screenshot (LuwteStore     *store,
                            LuwteEvidence  *evidence,
                            GError        **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "SELECT screenshot FROM evidence WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      luwte_store_set_error (store, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

/**
 * luwte_store_set_takedown:
 *
 * Records where the request to take @evidence down stands, as of now.
 */
gboolean
luwte_store_set_takedown (LuwteStore     *store,
                          LuwteCase      *kase,
                          LuwteEvidence  *evidence,
                          LuwteTakedown   state,
                          GError        **error)
{
  LuwteTakedownUpdate update = { .state = state };

  if (state == evidence->takedown)
    return TRUE;
  return luwte_store_update_takedown (store, kase, evidence, &update, error);
}

/**
 * luwte_store_update_takedown:
 *
 * Records the state of the takedown request, when it was reached (now if
 * not given), how the request went out, and by when an answer is due;
 * a NULL channel or due keeps what was there, "" clears it.
 */
gboolean
luwte_store_update_takedown (LuwteStore                *store,
                             LuwteCase                 *kase,
                             LuwteEvidence             *evidence,
                             const LuwteTakedownUpdate *update,
                             GError                   **error)
{
  g_autofree char *now = luwte_now_iso8601 ();
  const char *at = update->at != NULL ? update->at : now;
  const char *channel = update->channel != NULL ? update->channel : evidence->takedown_channel;
  const char *due = update->due != NULL ? (*update->due != '\0' ? update->due : NULL) : evidence->takedown_due;

  g_return_val_if_fail (update->state <= LUWTE_TAKEDOWN_NO_ANSWER, FALSE);

  if (!luwte_store_check_time (at, "takedown_at", error) || !luwte_store_check_time (due, "takedown_due", error))
    return FALSE;

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE evidence SET takedown = ?, takedown_at = ?, takedown_channel = ?, takedown_due = ?"
      " WHERE id = ? AND case_id = ?", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, takedown_names[update->state], -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, channel != NULL ? channel : "", -1, SQLITE_TRANSIENT);
    if (due != NULL)
      sqlite3_bind_text (stmt, 4, due, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 5, evidence->id);
    sqlite3_bind_int64 (stmt, 6, luwte_case_get_id (kase));
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
  }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "evidence.takedown",
                          takedown_names[update->state], error) ||
      !luwte_store_commit (store, error))
    goto failed;

  evidence->takedown = update->state;
  {
    char *new_at = g_strdup (at);
    char *new_channel = g_strdup (channel != NULL ? channel : "");
    char *new_due = g_strdup (due);

    g_free (evidence->takedown_at);
    g_free (evidence->takedown_channel);
    g_free (evidence->takedown_due);
    evidence->takedown_at = new_at;
    evidence->takedown_channel = new_channel;
    evidence->takedown_due = new_due;
  }
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

static void
note_changed (GString    *changed,
              const char *name,
              const char *after,
              const char *before)
{
  if (g_strcmp0 (after != NULL ? after : "", before != NULL ? before : "") != 0)
    g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", name);
}

/**
 * luwte_store_update_evidence:
 *
 * Corrects what was written down about a message: a typing error in its
 * address, the account, when it was posted, what it says. When it was
 * captured and its screenshot are facts of the capture and stay. Letters
 * made final keep the text they were sent with; a draft not changed by
 * hand takes the correction when it is opened again.
 *
 * Returns: %FALSE, with nothing changed, when the address is empty, the
 *   time is not one, or the case is closed
 */
gboolean
luwte_store_update_evidence (LuwteStore               *store,
                             LuwteCase                *kase,
                             LuwteEvidence            *evidence,
                             const LuwteEvidenceEdit  *edit,
                             GError                  **error)
{
  g_autofree char *url = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  const char *platform, *account, *posted_at, *description;

  g_return_val_if_fail (LUWTE_IS_STORE (store), FALSE);
  g_return_val_if_fail (LUWTE_IS_CASE (kase), FALSE);
  g_return_val_if_fail (LUWTE_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  url = g_strstrip (g_strdup (edit->url != NULL ? edit->url : evidence->url));
  platform = edit->platform != NULL ? edit->platform : evidence->platform;
  account = edit->account != NULL ? edit->account : evidence->account;
  posted_at = edit->posted_at != NULL ? (*edit->posted_at != '\0' ? edit->posted_at : NULL) : evidence->posted_at;
  description = edit->description != NULL ? edit->description : evidence->description;
  /* The audit names what was corrected, not what it says now: that is
   * in the case. */
  note_changed (changed, "url", url, evidence->url);
  note_changed (changed, "platform", platform, evidence->platform);
  note_changed (changed, "account", account, evidence->account);
  note_changed (changed, "posted_at", posted_at, evidence->posted_at);
  note_changed (changed, "description", description, evidence->description);
  if (changed->len == 0)
    return TRUE;

  if (*url == '\0')
    {
      g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                           _("A message needs its web address; the address was not changed."));
      return FALSE;
    }
  if (!luwte_store_check_time (posted_at, "posted_at", error))
    return FALSE;

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE evidence SET url = ?, platform = ?, account = ?, posted_at = ?, description = ?"
      " WHERE id = ? AND case_id = ?", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, url, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, platform != NULL ? platform : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, account != NULL ? account : "", -1, SQLITE_TRANSIENT);
    if (posted_at != NULL)
      sqlite3_bind_text (stmt, 4, posted_at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 5, description != NULL ? description : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 6, evidence->id);
    sqlite3_bind_int64 (stmt, 7, luwte_case_get_id (kase));
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    if (sqlite3_changes (luwte_store_get_db (store)) != 1)
      {
        g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND,
                             _("This message is no longer in the case."));
        goto failed;
      }
  }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "evidence.update", changed->str, error) ||
      !luwte_store_commit (store, error))
    goto failed;

  luwte_set_str (&evidence->url, url);
  luwte_set_str (&evidence->platform, platform != NULL ? platform : "");
  luwte_set_str (&evidence->account, account != NULL ? account : "");
  luwte_set_str (&evidence->posted_at, posted_at);
  luwte_set_str (&evidence->description, description != NULL ? description : "");
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

/* The SQL of luwte_evidence_is_overdue(), on the index of schema step 10:
 * due dates compared as moments, ?1 being now. */
#define OVERDUE_WHERE \
  "takedown IN ('requested', 'acknowledged') AND takedown_due IS NOT NULL" \
  " AND julianday (takedown_due) < julianday (?1)"

/**
 * luwte_store_count_overdue_takedowns:
 * @kase: (nullable): the case, or %NULL for all cases
 * @now: the time to compare with
 *
 * Counts the requests that luwte_evidence_is_overdue() calls overdue, in
 * SQL, so the case list and the start-up reminder load no messages.
 *
 * Returns: the number, or -1 on failure
 */
gint64
luwte_store_count_overdue_takedowns (LuwteStore  *store,
                                     LuwteCase   *kase,
                                     GDateTime   *now,
                                     GError     **error)
{
  g_autoptr(LuwteStmt) stmt = NULL;
  g_autofree char *at = NULL;
  int rc;

  g_return_val_if_fail (LUWTE_IS_STORE (store), -1);
  g_return_val_if_fail (kase == NULL || LUWTE_IS_CASE (kase), -1);
  g_return_val_if_fail (now != NULL, -1);

  /* For one case, its few messages: the due-date index would walk every
   * overdue request of every case instead. */
  stmt = luwte_store_prepare (store, kase != NULL
                                       ? "SELECT count (*) FROM evidence INDEXED BY evidence_by_case"
                                         " WHERE case_id = ?2 AND " OVERDUE_WHERE
                                       : "SELECT count (*) FROM evidence WHERE " OVERDUE_WHERE,
                              error);
  if (stmt == NULL)
    return -1;
  at = g_date_time_format (now, "%FT%T%:z");
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  if (kase != NULL)
    sqlite3_bind_int64 (stmt, 2, luwte_case_get_id (kase));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      luwte_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * luwte_store_find_cases_with_overdue_takedowns:
 * @case_ids: (array length=n_ids): the cases to look at
 * @now: the time to compare with
 *
 * Which of @case_ids have a request luwte_evidence_is_overdue() calls
 * overdue: one query for the rows a list shows, not one per row.
 *
 * Returns: (transfer full) (nullable): a set of the case ids (#gint64
 *   keys, see g_int64_hash()), or %NULL on failure
 */
GHashTable *
luwte_store_find_cases_with_overdue_takedowns (LuwteStore    *store,
                                               const gint64  *case_ids,
                                               guint          n_ids,
                                               GDateTime     *now,
                                               GError       **error)
{
  g_autoptr(LuwteStmt) stmt = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) ids = g_string_new ("[");
  g_autofree char *at = NULL;
  int rc;

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);
  g_return_val_if_fail (case_ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (n_ids == 0)
    return g_steal_pointer (&found);
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", case_ids[i]);
  g_string_append_c (ids, ']');

  /* Per case, its few messages: the due-date index would walk every
   * overdue request of every case instead. */
  stmt = luwte_store_prepare (store,
    "SELECT DISTINCT case_id FROM evidence INDEXED BY evidence_by_case"
    " WHERE case_id IN (SELECT value FROM json_each (?2)) AND " OVERDUE_WHERE, error);
  if (stmt == NULL)
    return NULL;
  at = g_date_time_format (now, "%FT%T%:z");
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ids->str, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (found, id);
    }
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/**
 * luwte_store_find_overdue_takedown_case:
 * @now: the time to compare with
 *
 * Returns: (transfer full) (nullable): the reference of the case whose
 *   request has waited longest past its due date; %NULL without @error
 *   set when no request is overdue
 */
char *
luwte_store_find_overdue_takedown_case (LuwteStore  *store,
                                        GDateTime   *now,
                                        GError     **error)
{
  g_autoptr(LuwteStmt) stmt = NULL;
  g_autofree char *at = NULL;
  int rc;

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  stmt = luwte_store_prepare (store,
    "SELECT (SELECT reference FROM cases WHERE id = evidence.case_id) FROM evidence WHERE " OVERDUE_WHERE
    " ORDER BY julianday (takedown_due), id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  at = g_date_time_format (now, "%FT%T%:z");
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  return luwte_stmt_dup_text (stmt, 0);
}

/* not requested, requested, acknowledged, removed, refused, no answer */
const char *
luwte_takedown_label (LuwteTakedown state)
{
  switch (state)
    {
    case LUWTE_TAKEDOWN_NOT_REQUESTED: return C_("takedown", "Not Requested");
    case LUWTE_TAKEDOWN_REQUESTED: return C_("takedown", "Requested");
    case LUWTE_TAKEDOWN_ACKNOWLEDGED: return C_("takedown", "Acknowledged");
    case LUWTE_TAKEDOWN_REMOVED: return C_("takedown", "Removed");
    case LUWTE_TAKEDOWN_REFUSED: return C_("takedown", "Refused");
    case LUWTE_TAKEDOWN_NO_ANSWER:
    default: return C_("takedown", "No Answer");
    }
}
