/* luwte-note.c — the coordination log of a case
 *
 * Entries are appended, in the order things happened: information,
 * agreements, decisions, and action points that say who must do what by
 * when.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-note"

#include "config.h"

#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-case-private.h"

#include <glib/gi18n-lib.h>

struct _LuwteNote
{
  GObject        parent_instance;

  gint64         id;
  char          *at;
  LuwteNoteKind  kind;
  char          *party;
  gint64         party_id;
  char          *text;
  char          *action_by;
  char          *action_due;
  char          *done_at;
};

G_DEFINE_FINAL_TYPE (LuwteNote, luwte_note, G_TYPE_OBJECT)

static const char * const kind_names[] = { "information", "agreement", "decision", "action" };

const char *
luwte_note_kind_to_string (LuwteNoteKind kind)
{
  g_return_val_if_fail (kind <= LUWTE_NOTE_KIND_ACTION, NULL);
  return kind_names[kind];
}

gboolean
luwte_note_kind_parse (const char    *text,
                       LuwteNoteKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (LuwteNoteKind) i;
        return TRUE;
      }
  return FALSE;
}

/* informatie, afspraak, besluit, actiepunt */
const char *
luwte_note_kind_label (LuwteNoteKind kind)
{
  switch (kind)
    {
    case LUWTE_NOTE_KIND_INFORMATION:
      return C_("note kind", "Information");
    case LUWTE_NOTE_KIND_AGREEMENT:
      return C_("note kind", "Agreement");
    case LUWTE_NOTE_KIND_DECISION:
      return C_("note kind", "Decision");
    case LUWTE_NOTE_KIND_ACTION:
    default:
      return C_("note kind", "Action Point");
    }
}

static void
luwte_note_finalize (GObject *object)
{
  LuwteNote *self = (LuwteNote *) object;

  g_free (self->at);
  g_free (self->party);
  g_free (self->text);
  g_free (self->action_by);
  g_free (self->action_due);
  g_free (self->done_at);

  G_OBJECT_CLASS (luwte_note_parent_class)->finalize (object);
}

static void
luwte_note_class_init (LuwteNoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_note_finalize;
}

static void
luwte_note_init (LuwteNote *self)
{
}

gint64 luwte_note_get_id (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), 0); return self->id; }
const char *luwte_note_get_at (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), NULL); return self->at; }
LuwteNoteKind luwte_note_get_kind (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), 0); return self->kind; }
const char *luwte_note_get_party (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), NULL); return self->party; }
/* Returns: the case party the note is about, or 0 when it names someone in words only */
gint64 luwte_note_get_party_id (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), 0); return self->party_id; }
const char *luwte_note_get_text (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), NULL); return self->text; }
const char *luwte_note_get_action_by (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), NULL); return self->action_by; }
/* Returns: (nullable) */
const char *luwte_note_get_action_due (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), NULL); return self->action_due; }
/* Returns: (nullable): when the action point was done; %NULL while it is open */
const char *luwte_note_get_done_at (LuwteNote *self) { g_return_val_if_fail (LUWTE_IS_NOTE (self), NULL); return self->done_at; }

/**
 * luwte_note_is_overdue:
 * @now: the time to compare with
 *
 * Returns: whether @self is an open action point whose due date has passed
 */
gboolean
luwte_note_is_overdue (LuwteNote *self,
                       GDateTime *now)
{
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (LUWTE_IS_NOTE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->kind != LUWTE_NOTE_KIND_ACTION || self->done_at != NULL || self->action_due == NULL)
    return FALSE;
  /* As moments, not as text, which sorts wrong across offsets. */
  due = g_date_time_new_from_iso8601 (self->action_due, NULL);
  return due != NULL && g_date_time_compare (due, now) < 0;
}

static LuwteNote *
from_row (sqlite3_stmt *stmt)
{
  LuwteNote *self = g_object_new (LUWTE_TYPE_NOTE, NULL);
  g_autofree char *kind = luwte_stmt_dup_text (stmt, 2);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->at = luwte_stmt_dup_text (stmt, 1);
  luwte_note_kind_parse (kind, &self->kind);
  self->party = luwte_stmt_dup_text (stmt, 3);
  self->text = luwte_stmt_dup_text (stmt, 4);
  self->action_by = luwte_stmt_dup_text (stmt, 5);
  self->action_due = luwte_stmt_dup_text (stmt, 6);
  self->party_id = sqlite3_column_int64 (stmt, 7);
  self->done_at = luwte_stmt_dup_text (stmt, 8);
  return self;
}

#define COLUMNS "id, at, kind, party, text, action_by, action_due, party_id, done_at"

/* The party @party_id of @kase in words as it is now, for a log entry
 * about it: what the form showed may be older, if the party was renamed
 * in the meantime. *@described stays NULL for a party not in the case. */
static gboolean
describe_party (LuwteStore  *store,
                LuwteCase   *kase,
                gint64       party_id,
                char       **described,
                GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT role, name, organisation FROM parties WHERE id = ? AND case_id = ?", error);
  LuwteRole role = LUWTE_ROLE_OTHER;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, party_id);
  sqlite3_bind_int64 (stmt, 2, luwte_case_get_id (kase));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(LuwteParty) party = NULL;

      luwte_role_parse ((const char *) sqlite3_column_text (stmt, 0), &role);
      party = luwte_party_new (role, (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2), NULL);
      *described = luwte_party_describe (party);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    return luwte_store_set_error (store, rc, error);
  return TRUE;
}

/**
 * luwte_store_add_note:
 *
 * Appends @note to the case's log; an empty text is refused.
 *
 * Returns: (transfer full): the stored entry
 */
LuwteNote *
luwte_store_add_note (LuwteStore          *store,
                      LuwteCase           *kase,
                      const LuwteNoteNew  *note,
                      GError             **error)
{
  g_autofree char *now = luwte_now_iso8601 ();
  g_autofree char *text = g_strstrip (g_strdup (note->text != NULL ? note->text : ""));
  g_autofree char *described = NULL;
  g_autoptr(LuwteNote) item = NULL;
  gint64 id;
  int rc;

  if (*text == '\0')
    {
      g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED, _("A note needs some text."));
      return NULL;
    }
  if (!luwte_store_check_time (note->at, "at", error) || !luwte_store_check_time (note->action_due, "action_due", error))
    return NULL;

  if (!luwte_store_begin (store, error))
    return NULL;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  if (note->party_id > 0 && !describe_party (store, kase, note->party_id, &described, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO notes (case_id, at, kind, party, text, action_by, action_due, created_at, party_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM parties WHERE id = ?9 AND case_id = ?1))", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
    sqlite3_bind_text (stmt, 2, note->at != NULL ? note->at : now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, luwte_note_kind_to_string (note->kind), -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 4, described != NULL ? described : note->party != NULL ? note->party : "", -1,
                       SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, note->action_by != NULL ? note->action_by : "", -1, SQLITE_TRANSIENT);
    if (note->action_due != NULL)
      sqlite3_bind_text (stmt, 7, note->action_due, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
    if (note->party_id > 0)
      sqlite3_bind_int64 (stmt, 9, note->party_id);
    if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
      {
        luwte_store_set_error (store, rc, error);
        goto failed;
      }
    id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
  }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "note.add",
                          luwte_note_kind_to_string (note->kind), error))
    goto failed;
  /* Read back inside the transaction: a failure here undoes the insert. */
  item = luwte_store_read_by_id (store, "SELECT " COLUMNS " FROM notes WHERE id = ?", id,
                                 (LuwteRowReader) from_row, error);
  if (item == NULL || !luwte_store_commit (store, error))
    goto failed;
  return g_steal_pointer (&item);

failed:
  luwte_store_rollback (store);
  return NULL;
}

/**
 * luwte_store_list_notes:
 *
 * Returns: (transfer container) (element-type LuwteNote): the log, oldest
 *   first, in the order things happened
 */
GPtrArray *
luwte_store_list_notes (LuwteStore  *store,
                        LuwteCase   *kase,
                        GError     **error)
{
  return luwte_store_list_by_id (store, "SELECT " COLUMNS " FROM notes WHERE case_id = ? ORDER BY julianday (at), id",
                                 luwte_case_get_id (kase), (LuwteRowReader) from_row, error);
}

/**
 * luwte_store_set_note_done:
 * @done: %TRUE to mark the action point done as of now, %FALSE to open it again
 *
 * Only an action point can be done; a closed case is not changed.
 */
gboolean
luwte_store_set_note_done (LuwteStore  *store,
                           LuwteCase   *kase,
                           LuwteNote   *note,
                           gboolean     done,
                           GError     **error)
{
  g_autofree char *now = done ? luwte_now_iso8601 () : NULL;

  g_return_val_if_fail (LUWTE_IS_STORE (store), FALSE);
  g_return_val_if_fail (LUWTE_IS_CASE (kase), FALSE);
  g_return_val_if_fail (LUWTE_IS_NOTE (note), FALSE);

  if (note->kind != LUWTE_NOTE_KIND_ACTION)
    {
      g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                           _("Only an action point can be marked as done."));
      return FALSE;
    }
  if (done == (note->done_at != NULL))
    return TRUE;

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE notes SET done_at = ? WHERE id = ? AND case_id = ? AND kind = 'action'", error);

    if (stmt == NULL)
      goto failed;
    if (now != NULL)
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 2, note->id);
    sqlite3_bind_int64 (stmt, 3, luwte_case_get_id (kase));
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    if (sqlite3_changes (luwte_store_get_db (store)) != 1)
      {
        g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND,
                             _("This log entry no longer exists."));
        goto failed;
      }
  }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), done ? "note.done" : "note.undone", "", error) ||
      !luwte_store_commit (store, error))
    goto failed;

  g_free (note->done_at);
  note->done_at = g_steal_pointer (&now);
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

/**
 * luwte_store_count_open_actions:
 *
 * Returns: the number of action points of @kase not yet done, or -1 on failure
 */
gint64
luwte_store_count_open_actions (LuwteStore  *store,
                                LuwteCase   *kase,
                                GError     **error)
{
  g_autoptr(LuwteStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LUWTE_IS_STORE (store), -1);
  g_return_val_if_fail (LUWTE_IS_CASE (kase), -1);

  stmt = luwte_store_prepare (store,
    "SELECT count (*) FROM notes WHERE case_id = ? AND kind = 'action' AND done_at IS NULL", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      luwte_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
