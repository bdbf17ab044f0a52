/* luwte-letter.c — a letter of a case: draft, final (frozen, with its PDF), sent
 *
 * A draft changes as the officer types. Making it final stores the PDF and
 * its SHA-256 and freezes the text (a trigger refuses any later change),
 * so the case keeps exactly what was sent. Changing a final letter means a
 * new version: a draft that points to the one before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-letter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "luwte-case-private.h"
#include "luwte-letter.h"
#include "luwte-store-schema.h"

struct _LuwteLetter
{
  GObject            parent_instance;

  gint64             id;
  char              *template_id;
  LuwteLanguage      language;
  gint64             party_id;
  gint64             youth_id;
  int                version;
  gint64             previous_id;
  LuwteLetterStatus  status;
  char              *subject;
  char              *body;
  gboolean           edited;
  char              *created_at;
  char              *final_at;
  char              *sent_at;
  char              *sent_channel;
  char              *sha256;
  char              *recipient;
  GHashTable        *inputs;
  GArray            *evidence_ids;
};

G_DEFINE_FINAL_TYPE (LuwteLetter, luwte_letter, G_TYPE_OBJECT)

static const char * const status_names[] = { "draft", "final", "sent" };

const char *
luwte_letter_status_to_string (LuwteLetterStatus status)
{
  g_return_val_if_fail (status <= LUWTE_LETTER_SENT, NULL);
  return status_names[status];
}

gboolean
luwte_letter_status_parse (const char        *text,
                           LuwteLetterStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (LuwteLetterStatus) i;
        return TRUE;
      }
  return FALSE;
}

/* concept, definitief, verzonden */
const char *
luwte_letter_status_label (LuwteLetterStatus status)
{
  switch (status)
    {
    case LUWTE_LETTER_DRAFT: return C_("letter", "Draft");
    case LUWTE_LETTER_FINAL: return C_("letter", "Final");
    case LUWTE_LETTER_SENT:
    default: return C_("letter", "Sent");
    }
}

static void
luwte_letter_finalize (GObject *object)
{
  LuwteLetter *self = LUWTE_LETTER (object);

  g_free (self->template_id);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->created_at);
  g_free (self->final_at);
  g_free (self->sent_at);
  g_free (self->sent_channel);
  g_free (self->recipient);
  g_free (self->sha256);
  g_hash_table_unref (self->inputs);
  g_array_unref (self->evidence_ids);
  G_OBJECT_CLASS (luwte_letter_parent_class)->finalize (object);
}

static void
luwte_letter_class_init (LuwteLetterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_letter_finalize;
}

static void
luwte_letter_init (LuwteLetter *self)
{
  self->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->evidence_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

gint64 luwte_letter_get_id (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), 0); return self->id; }
const char *luwte_letter_get_template (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->template_id; }
LuwteLanguage luwte_letter_get_language (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), 0); return self->language; }
/* Returns: the recipient, a party of the case, or 0 */
gint64 luwte_letter_get_party_id (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), 0); return self->party_id; }
/* Returns: the young person the letter is about (a party of its case), or 0 */
gint64 luwte_letter_get_youth_id (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), 0); return self->youth_id; }
int luwte_letter_get_version (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), 0); return self->version; }
/* Returns: the version this one replaces, or 0 */
gint64 luwte_letter_get_previous_id (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), 0); return self->previous_id; }
LuwteLetterStatus luwte_letter_get_status (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), 0); return self->status; }
const char *luwte_letter_get_subject (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->subject; }
const char *luwte_letter_get_body (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->body; }
/* Returns: %TRUE when the text was changed by hand: then the case's facts
 * no longer flow into it */
gboolean luwte_letter_get_edited (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), FALSE); return self->edited; }
const char *luwte_letter_get_created_at (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->created_at; }
/* Returns: (nullable) */
const char *luwte_letter_get_final_at (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->final_at; }
/* Returns: (nullable) */
const char *luwte_letter_get_sent_at (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->sent_at; }
const char *luwte_letter_get_sent_channel (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->sent_channel; }
/* Returns: (nullable): the SHA-256 of the stored PDF, once final */
const char *luwte_letter_get_sha256 (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->sha256; }
/* Returns: whom the letter went to, in words, as the party was when the
 * letter was made final; "" while it is a draft, or when it had no
 * recipient */
const char *luwte_letter_get_recipient (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->recipient; }
/* Returns: (transfer none): brief.* → value */
GHashTable *luwte_letter_get_inputs (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->inputs; }
/* Returns: (transfer none) (element-type gint64): the messages chosen */
GArray *luwte_letter_get_evidence_ids (LuwteLetter *self) { g_return_val_if_fail (LUWTE_IS_LETTER (self), NULL); return self->evidence_ids; }

#define COLUMNS "id, template, language, party_id, version, previous_id, status, subject, body, edited," \
  " created_at, final_at, sent_at, sent_channel, sha256, recipient, youth_id"

static LuwteLetter *
from_row (LuwteStmt *stmt)
{
  LuwteLetter *self = g_object_new (LUWTE_TYPE_LETTER, NULL);
  g_autofree char *language = luwte_stmt_dup_text (stmt, 2);
  g_autofree char *status = luwte_stmt_dup_text (stmt, 6);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->template_id = luwte_stmt_dup_text (stmt, 1);
  luwte_language_parse (language, &self->language);
  self->party_id = sqlite3_column_int64 (stmt, 3);
  self->version = sqlite3_column_int (stmt, 4);
  self->previous_id = sqlite3_column_int64 (stmt, 5);
  luwte_letter_status_parse (status, &self->status);
  self->subject = luwte_stmt_dup_text (stmt, 7);
  self->body = luwte_stmt_dup_text (stmt, 8);
  self->edited = sqlite3_column_int (stmt, 9) != 0;
  self->created_at = luwte_stmt_dup_text (stmt, 10);
  self->final_at = luwte_stmt_dup_text (stmt, 11);
  self->sent_at = luwte_stmt_dup_text (stmt, 12);
  self->sent_channel = luwte_stmt_dup_text (stmt, 13);
  self->sha256 = luwte_stmt_dup_text (stmt, 14);
  self->recipient = luwte_stmt_dup_text (stmt, 15);
  self->youth_id = sqlite3_column_int64 (stmt, 16);
  return self;
}

static gboolean
read_choices (LuwteStore   *store,
              LuwteLetter  *letter,
              GError      **error)
{
  int rc;

  g_hash_table_remove_all (letter->inputs);
  g_array_set_size (letter->evidence_ids, 0);
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "SELECT name, value FROM letter_inputs WHERE letter_id = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, letter->id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_hash_table_insert (letter->inputs, luwte_stmt_dup_text (stmt, 0), luwte_stmt_dup_text (stmt, 1));
    if (rc != SQLITE_DONE)
      return luwte_store_set_error (store, rc, error);
  }
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "SELECT evidence_id FROM letter_evidence WHERE letter_id = ? ORDER BY evidence_id", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, letter->id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (letter->evidence_ids, id);
      }
    if (rc != SQLITE_DONE)
      return luwte_store_set_error (store, rc, error);
  }
  return TRUE;
}

static LuwteLetter *
read_letter (LuwteStore  *store,
             gint64       id,
             GError     **error)
{
  g_autoptr(LuwteLetter) letter = luwte_store_read_by_id (store, "SELECT " COLUMNS " FROM letters WHERE id = ?", id,
                                                          (LuwteRowReader) from_row, error);

  if (letter == NULL || !read_choices (store, letter, error))
    return NULL;
  return g_steal_pointer (&letter);
}

/**
 * luwte_store_add_letter:
 * @template_id: the template it is written from
 * @party_id: the recipient, a party of @kase, or 0
 *
 * Starts a draft with no text; the caller fills it from the template.
 *
 * Returns: (transfer full): the draft
 */
LuwteLetter *
luwte_store_add_letter (LuwteStore     *store,
                        LuwteCase      *kase,
                        const char     *template_id,
                        LuwteLanguage   language,
                        gint64          party_id,
                        GError        **error)
{
  g_autofree char *now = luwte_now_iso8601 ();
  g_autoptr(LuwteLetter) letter = NULL;
  gint64 id;

  if (!luwte_store_begin (store, error))
    return NULL;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO letters (case_id, template, language, party_id, youth_id, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, (SELECT id FROM parties WHERE id = ?4 AND case_id = ?1),"
      "  (SELECT id FROM parties WHERE case_id = ?1 AND role = 'youth' ORDER BY id LIMIT 1), ?5, ?5)", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
    sqlite3_bind_text (stmt, 2, template_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, luwte_language_to_code (language), -1, SQLITE_STATIC);
    if (party_id > 0)
      sqlite3_bind_int64 (stmt, 4, party_id);
    sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
  }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "letter.add", template_id, error))
    goto failed;
  letter = read_letter (store, id, error);
  if (letter == NULL || !luwte_store_commit (store, error))
    goto failed;
  return g_steal_pointer (&letter);

failed:
  luwte_store_rollback (store);
  return NULL;
}

/**
 * luwte_store_list_letters:
 *
 * Returns: (transfer container) (element-type LuwteLetter): the letters of
 *   @kase, oldest first
 */
GPtrArray *
luwte_store_list_letters (LuwteStore  *store,
                          LuwteCase   *kase,
                          GError     **error)
{
  g_autoptr(GPtrArray) letters = luwte_store_list_by_id (store, "SELECT " COLUMNS " FROM letters WHERE case_id = ? ORDER BY id",
                                                        luwte_case_get_id (kase), (LuwteRowReader) from_row, error);

  if (letters == NULL)
    return NULL;
  for (guint i = 0; i < letters->len; i++)
    if (!read_choices (store, g_ptr_array_index (letters, i), error))
      return NULL;
  return g_steal_pointer (&letters);
}

static gboolean
refuse_unless_draft (LuwteLetter  *letter,
                     GError      **error)
{
  if (letter->status == LUWTE_LETTER_DRAFT)
    return TRUE;
  g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                       _("This letter is final and cannot be changed; make a new version of it instead."));
  return FALSE;
}

static gboolean
write_inputs (LuwteStore  *store,
              LuwteLetter *letter,
              GHashTable  *inputs,
              GError     **error)
{
  GHashTableIter iter;
  gpointer name;
  gpointer value;

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "DELETE FROM letter_inputs WHERE letter_id = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, letter->id);
    if (!luwte_stmt_step_done (store, stmt, error))
      return FALSE;
  }
  g_hash_table_iter_init (&iter, inputs);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autoptr(LuwteStmt) stmt = NULL;

      if (value == NULL || *(const char *) value == '\0')
        continue;
      stmt = luwte_store_prepare (store, "INSERT INTO letter_inputs (letter_id, name, value) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, letter->id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_evidence (LuwteStore  *store,
                LuwteCase   *kase,
                LuwteLetter *letter,
                GArray      *ids,
                GError     **error)
{
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "DELETE FROM letter_evidence WHERE letter_id = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, letter->id);
    if (!luwte_stmt_step_done (store, stmt, error))
      return FALSE;
  }
  for (guint i = 0; i < ids->len; i++)
    {
      /* Only messages of this case; others are ignored, not an error. */
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT OR IGNORE INTO letter_evidence (letter_id, evidence_id)"
        " SELECT ?1, id FROM evidence WHERE id = ?2 AND case_id = ?3", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, letter->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 3, luwte_case_get_id (kase));
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * luwte_store_update_letter:
 *
 * Changes a draft; a final or sent letter is refused.
 */
gboolean
luwte_store_update_letter (LuwteStore             *store,
                           LuwteCase              *kase,
                           LuwteLetter            *letter,
                           const LuwteLetterEdit  *edit,
                           GError                **error)
{
  g_autofree char *now = luwte_now_iso8601 ();
  g_autoptr(LuwteLetter) reread = NULL;
  LuwteLanguage language = letter->language;

  g_return_val_if_fail (LUWTE_IS_LETTER (letter), FALSE);

  if (!refuse_unless_draft (letter, error))
    return FALSE;
  if (edit->language != NULL && !luwte_language_parse (edit->language, &language))
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED, _("Unknown language “%s”."), edit->language);
      return FALSE;
    }

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE letters SET subject = ?1, body = ?2, edited = ?3, language = ?4, updated_at = ?5,"
      " party_id = (SELECT id FROM parties WHERE id = ?6 AND case_id = ?7),"
      " youth_id = (SELECT id FROM parties WHERE id = ?9 AND case_id = ?7 AND role = 'youth')"
      " WHERE id = ?8 AND case_id = ?7 AND status = 'draft'", error);
    gint64 party_id = edit->party_id != NULL ? *edit->party_id : letter->party_id;
    gint64 youth_id = edit->youth_id != NULL ? *edit->youth_id : letter->youth_id;

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, edit->subject != NULL ? edit->subject : letter->subject, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, edit->body != NULL ? edit->body : letter->body, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 3, edit->edited != NULL ? *edit->edited : letter->edited);
    sqlite3_bind_text (stmt, 4, luwte_language_to_code (language), -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
    if (party_id > 0)
      sqlite3_bind_int64 (stmt, 6, party_id);
    sqlite3_bind_int64 (stmt, 7, luwte_case_get_id (kase));
    sqlite3_bind_int64 (stmt, 8, letter->id);
    if (youth_id > 0)
      sqlite3_bind_int64 (stmt, 9, youth_id);
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    if (sqlite3_changes (luwte_store_get_db (store)) != 1)
      {
        g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND,
                             _("This letter is no longer a draft of this case."));
        goto failed;
      }
  }
  if ((edit->inputs != NULL && !write_inputs (store, letter, edit->inputs, error)) ||
      (edit->evidence_ids != NULL && !write_evidence (store, kase, letter, edit->evidence_ids, error)))
    goto failed;
  /* The text is a draft's, changing every second: the audit notes that it
   * changed, not what it says. */
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "letter.update", letter->template_id, error))
    goto failed;
  reread = read_letter (store, letter->id, error);
  if (reread == NULL || !luwte_store_commit (store, error))
    goto failed;

  letter->party_id = reread->party_id;
  letter->youth_id = reread->youth_id;
  letter->language = reread->language;
  letter->edited = reread->edited;
  g_free (letter->subject);
  letter->subject = g_steal_pointer (&reread->subject);
  g_free (letter->body);
  letter->body = g_steal_pointer (&reread->body);
  g_hash_table_remove_all (letter->inputs);
  {
    GHashTableIter iter;
    gpointer name, value;

    g_hash_table_iter_init (&iter, reread->inputs);
    while (g_hash_table_iter_next (&iter, &name, &value))
      g_hash_table_insert (letter->inputs, g_strdup (name), g_strdup (value));
  }
  g_array_set_size (letter->evidence_ids, 0);
  g_array_append_vals (letter->evidence_ids, reread->evidence_ids->data, reread->evidence_ids->len);
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

/**
 * luwte_store_finalise_letter:
 * @pdf: the letter as it will be sent
 *
 * Freezes the draft with its PDF and the PDF's SHA-256. Whether the letter
 * is complete is the caller's check (see luwte-letter-compose.h).
 */
gboolean
luwte_store_finalise_letter (LuwteStore   *store,
                             LuwteCase    *kase,
                             LuwteLetter  *letter,
                             GBytes       *pdf,
                             GError      **error)
{
  g_autofree char *now = luwte_now_iso8601 ();
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *recipient = NULL;

  if (!refuse_unless_draft (letter, error))
    return FALSE;
  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE letters SET pdf = ?1, sha256 = ?2 WHERE id = ?3 AND case_id = ?4 AND status = 'draft'", error);
    gsize size = 0;
    gconstpointer data = g_bytes_get_data (pdf, &size);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_blob64 (stmt, 1, data, size, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 3, letter->id);
    sqlite3_bind_int64 (stmt, 4, luwte_case_get_id (kase));
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
  }
  {
    /* Status last: from here the trigger keeps the text, and the
     * recipient as the party is now, as they are. */
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE letters SET status = 'final', final_at = ?1, updated_at = ?1,"
      " recipient = coalesce (" LUWTE_SQL_PARTY_IN_WORDS ("letters.party_id") ", '')"
      " WHERE id = ?2 RETURNING recipient", error);
    int rc;

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, letter->id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      {
        g_free (recipient);
        recipient = luwte_stmt_dup_text (stmt, 0);
        rc = sqlite3_step (stmt);
      }
    if (rc != SQLITE_DONE)
      {
        luwte_store_set_error (store, rc, error);
        goto failed;
      }
  }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "letter.final", sha256, error) ||
      !luwte_store_commit (store, error))
    goto failed;

  letter->status = LUWTE_LETTER_FINAL;
  g_free (letter->final_at);
  letter->final_at = g_steal_pointer (&now);
  g_free (letter->sha256);
  letter->sha256 = g_steal_pointer (&sha256);
  g_free (letter->recipient);
  letter->recipient = g_steal_pointer (&recipient);
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

/**
 * luwte_store_mark_letter_sent:
 * @sent_at: (nullable): when, or now
 * @channel: how: "post", "e-mail", a platform's form
 * @takedown_due: (nullable): for a request to take messages down, by when
 *   an answer is expected; the letter's messages then count as requested
 *   on @sent_at via @channel
 */
gboolean
luwte_store_mark_letter_sent (LuwteStore   *store,
                              LuwteCase    *kase,
                              LuwteLetter  *letter,
                              const char   *sent_at,
                              const char   *channel,
                              const char   *takedown_due,
                              GError      **error)
{
  g_autofree char *now = luwte_now_iso8601 ();
  const char *at = sent_at != NULL ? sent_at : now;

  if (letter->status != LUWTE_LETTER_FINAL)
    {
      g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                           letter->status == LUWTE_LETTER_SENT ? _("This letter was sent already.")
                                                               : _("Make the letter final before it is sent."));
      return FALSE;
    }
  if (!luwte_store_check_time (at, "sent_at", error) || !luwte_store_check_time (takedown_due, "takedown_due", error))
    return FALSE;

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE letters SET status = 'sent', sent_at = ?1, sent_channel = ?2, updated_at = ?3"
      " WHERE id = ?4 AND case_id = ?5 AND status = 'final'", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, channel != NULL ? channel : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 4, letter->id);
    sqlite3_bind_int64 (stmt, 5, luwte_case_get_id (kase));
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
  }
  if (takedown_due != NULL)
    {
      /* A message already taken down or answered keeps its state. */
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "UPDATE evidence SET takedown = 'requested', takedown_at = ?1, takedown_channel = ?2, takedown_due = ?3"
        " WHERE case_id = ?4 AND takedown IN ('not_requested', 'refused', 'no_answer')"
        " AND id IN (SELECT evidence_id FROM letter_evidence WHERE letter_id = ?5)", error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, channel != NULL ? channel : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, takedown_due, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, luwte_case_get_id (kase));
      sqlite3_bind_int64 (stmt, 5, letter->id);
      if (!luwte_stmt_step_done (store, stmt, error))
        goto failed;
    }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "letter.sent", letter->template_id, error) ||
      !luwte_store_commit (store, error))
    goto failed;

  letter->status = LUWTE_LETTER_SENT;
  g_free (letter->sent_at);
  letter->sent_at = g_strdup (at);
  g_free (letter->sent_channel);
  letter->sent_channel = g_strdup (channel != NULL ? channel : "");
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

/**
 * luwte_store_new_letter_version:
 *
 * Starts a draft from a final or sent letter: the same template, language,
 * recipient, inputs, messages and text, one version higher.
 *
 * Returns: (transfer full): the new draft
 */
LuwteLetter *
luwte_store_new_letter_version (LuwteStore   *store,
                                LuwteCase    *kase,
                                LuwteLetter  *letter,
                                GError      **error)
{
  g_autofree char *now = luwte_now_iso8601 ();
  g_autoptr(LuwteLetter) draft = NULL;
  gint64 id;

  if (letter->status == LUWTE_LETTER_DRAFT)
    return g_object_ref (letter);
  if (!luwte_store_begin (store, error))
    return NULL;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO letters (case_id, template, language, party_id, youth_id, version, previous_id, subject, body,"
      " edited, created_at, updated_at)"
      " SELECT case_id, template, language, party_id, youth_id, version + 1, id, subject, body, edited, ?1, ?1"
      " FROM letters WHERE id = ?2 AND case_id = ?3", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, letter->id);
    sqlite3_bind_int64 (stmt, 3, luwte_case_get_id (kase));
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
  }
  {
    g_autoptr(LuwteStmt) inputs = luwte_store_prepare (store,
      "INSERT INTO letter_inputs (letter_id, name, value) SELECT ?1, name, value FROM letter_inputs WHERE letter_id = ?2",
      error);

    if (inputs == NULL)
      goto failed;
    sqlite3_bind_int64 (inputs, 1, id);
    sqlite3_bind_int64 (inputs, 2, letter->id);
    if (!luwte_stmt_step_done (store, inputs, error))
      goto failed;
  }
  {
    g_autoptr(LuwteStmt) evidence = luwte_store_prepare (store,
      "INSERT INTO letter_evidence (letter_id, evidence_id) SELECT ?1, evidence_id FROM letter_evidence WHERE letter_id = ?2",
      error);

    if (evidence == NULL)
      goto failed;
    sqlite3_bind_int64 (evidence, 1, id);
    sqlite3_bind_int64 (evidence, 2, letter->id);
    if (!luwte_stmt_step_done (store, evidence, error))
      goto failed;
  }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "letter.version", letter->template_id, error))
    goto failed;
  draft = read_letter (store, id, error);
  if (draft == NULL || !luwte_store_commit (store, error))
    goto failed;
  return g_steal_pointer (&draft);

failed:
  luwte_store_rollback (store);
  return NULL;
}

/**
 * luwte_store_get_letter_pdf:
 *
 * Returns: (transfer full) (nullable): the PDF of a final letter, exactly
 *   as it was made; %NULL for a draft
 */
GBytes *
luwte_store_get_letter_pdf (LuwteStore   *store,
                            LuwteLetter  *letter,
                            GError      **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "SELECT pdf FROM letters WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, letter->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND, _("The letter is gone."));
      else
        luwte_store_set_error (store, rc, error);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}
