/* luwte-case-intervention.c — an intervention chosen from the card for a case
 *
 * Each records the card version it was chosen from, so a later card does
 * not change what the case says was decided.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-case"

#include "config.h"

#include "luwte-case-intervention.h"
#include "luwte-compat.h"
#include "luwte-case-private.h"

#include <glib/gi18n-lib.h>

struct _LuwteCaseIntervention
{
  GObject                  parent_instance;

  gint64                   id;
  char                    *card_id;
  char                    *card_version;
  LuwteInterventionStatus  status;
  char                    *responsible;
  gint64                   party_id;
  char                    *due_at;
  char                    *done_at;
  char                    *rationale;
  char                    *proportionality;
  char                    *outcome;
  LuwteEffect              effect;
};

G_DEFINE_FINAL_TYPE (LuwteCaseIntervention, luwte_case_intervention, G_TYPE_OBJECT)

static const char * const status_names[] = { "considered", "planned", "in_progress", "done", "dropped" };

const char *
luwte_intervention_status_to_string (LuwteInterventionStatus status)
{
  g_return_val_if_fail (status <= LUWTE_INTERVENTION_STATUS_DROPPED, NULL);
  return status_names[status];
}

gboolean
luwte_intervention_status_parse (const char              *text,
                                 LuwteInterventionStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (LuwteInterventionStatus) i;
        return TRUE;
      }
  return FALSE;
}

/* overwogen, gepland, in uitvoering, uitgevoerd, afgezien */
const char *
luwte_intervention_status_label (LuwteInterventionStatus status)
{
  switch (status)
    {
    case LUWTE_INTERVENTION_STATUS_CONSIDERED:
      return C_("intervention status", "Considered");
    case LUWTE_INTERVENTION_STATUS_PLANNED:
      return C_("intervention status", "Planned");
    case LUWTE_INTERVENTION_STATUS_IN_PROGRESS:
      return C_("intervention status", "In Progress");
    case LUWTE_INTERVENTION_STATUS_DONE:
      return C_("intervention status", "Done");
    case LUWTE_INTERVENTION_STATUS_DROPPED:
    default:
      return C_("intervention status", "Dropped");
    }
}

/* NULL in the database: not evaluated */
static const char * const effect_names[] = { NULL, "worked", "partly", "not_worked", "unknown" };

/* Returns: (nullable): the exchange format's word, %NULL when not evaluated */
const char *
luwte_effect_to_string (LuwteEffect effect)
{
  g_return_val_if_fail (effect <= LUWTE_EFFECT_UNKNOWN, NULL);
  return effect_names[effect];
}

/* Reads one of the four words; %NULL is not evaluated. */
gboolean
luwte_effect_parse (const char  *text,
                    LuwteEffect *effect)
{
  for (guint i = 0; i < G_N_ELEMENTS (effect_names); i++)
    if (g_strcmp0 (text, effect_names[i]) == 0)
      {
        *effect = (LuwteEffect) i;
        return TRUE;
      }
  return FALSE;
}

/* werkte, werkte deels, werkte niet, onbekend */
const char *
luwte_effect_label (LuwteEffect effect)
{
  switch (effect)
    {
    case LUWTE_EFFECT_WORKED:
      return C_("effect", "Worked");
    case LUWTE_EFFECT_PARTLY:
      return C_("effect", "Partly");
    case LUWTE_EFFECT_NOT_WORKED:
      return C_("effect", "Did Not Work");
    case LUWTE_EFFECT_UNKNOWN:
      return C_("effect", "Unknown");
    case LUWTE_EFFECT_NOT_EVALUATED:
    default:
      return C_("effect", "Not Evaluated");
    }
}

static void
luwte_case_intervention_finalize (GObject *object)
{
  LuwteCaseIntervention *self = (LuwteCaseIntervention *) object;

  g_free (self->card_id);
  g_free (self->card_version);
  g_free (self->responsible);
  g_free (self->due_at);
  g_free (self->done_at);
  g_free (self->rationale);
  g_free (self->proportionality);
  g_free (self->outcome);

  G_OBJECT_CLASS (luwte_case_intervention_parent_class)->finalize (object);
}

static void
luwte_case_intervention_class_init (LuwteCaseInterventionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_case_intervention_finalize;
}

static void
luwte_case_intervention_init (LuwteCaseIntervention *self)
{
}

gint64 luwte_case_intervention_get_id (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), 0); return self->id; }
const char *luwte_case_intervention_get_card_id (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), NULL); return self->card_id; }
const char *luwte_case_intervention_get_card_version (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), NULL); return self->card_version; }
LuwteInterventionStatus luwte_case_intervention_get_status (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), 0); return self->status; }
const char *luwte_case_intervention_get_responsible (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), NULL); return self->responsible; }
/* Returns: the responsible party of the case, or 0 */
gint64 luwte_case_intervention_get_party_id (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), 0); return self->party_id; }
/* Returns: (nullable) */
const char *luwte_case_intervention_get_due_at (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), NULL); return self->due_at; }
/* Returns: (nullable): set when the status became done */
const char *luwte_case_intervention_get_done_at (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), NULL); return self->done_at; }
const char *luwte_case_intervention_get_rationale (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), NULL); return self->rationale; }
const char *luwte_case_intervention_get_proportionality (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), NULL); return self->proportionality; }
const char *luwte_case_intervention_get_outcome (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), NULL); return self->outcome; }
/* Returns: what the case's evaluation says it achieved */
LuwteEffect luwte_case_intervention_get_effect (LuwteCaseIntervention *self) { g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), 0); return self->effect; }

/* Used: carried out or under way, as the evaluation and the statistics
 * count it; considered, planned and dropped ones were not used. */
gboolean
luwte_case_intervention_is_used (LuwteCaseIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_INTERVENTION (self), FALSE);
  return self->status == LUWTE_INTERVENTION_STATUS_IN_PROGRESS || self->status == LUWTE_INTERVENTION_STATUS_DONE;
}

#define COLUMNS "id, card_id, card_version, status, responsible, due_at, done_at, rationale, proportionality, outcome, party_id," \
  " effect"

static LuwteCaseIntervention *
from_row (sqlite3_stmt *stmt)
{
  LuwteCaseIntervention *self = g_object_new (LUWTE_TYPE_CASE_INTERVENTION, NULL);
  g_autofree char *status = luwte_stmt_dup_text (stmt, 3);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->card_id = luwte_stmt_dup_text (stmt, 1);
  self->card_version = luwte_stmt_dup_text (stmt, 2);
  luwte_intervention_status_parse (status, &self->status);
  self->responsible = luwte_stmt_dup_text (stmt, 4);
  self->due_at = luwte_stmt_dup_text (stmt, 5);
  self->done_at = luwte_stmt_dup_text (stmt, 6);
  self->rationale = luwte_stmt_dup_text (stmt, 7);
  self->proportionality = luwte_stmt_dup_text (stmt, 8);
  self->outcome = luwte_stmt_dup_text (stmt, 9);
  self->party_id = sqlite3_column_int64 (stmt, 10);
  luwte_effect_parse ((const char *) sqlite3_column_text (stmt, 11), &self->effect);
  return self;
}

/**
 * luwte_store_list_case_interventions:
 *
 * Returns: (transfer container) (element-type LuwteCaseIntervention): in
 *   the order they were chosen
 */
GPtrArray *
luwte_store_list_case_interventions (LuwteStore  *store,
                                     LuwteCase   *kase,
                                     GError     **error)
{
  return luwte_store_list_by_id (store, "SELECT " COLUMNS " FROM case_interventions WHERE case_id = ? ORDER BY id",
                                 luwte_case_get_id (kase), (LuwteRowReader) from_row, error);
}

/**
 * luwte_store_add_case_intervention:
 * @card_id: the card's id of the intervention
 * @card_version: the version of the card it was chosen from
 *
 * Returns: (transfer full): the chosen intervention, as considered
 */
LuwteCaseIntervention *
luwte_store_add_case_intervention (LuwteStore  *store,
                                   LuwteCase   *kase,
                                   const char  *card_id,
                                   const char  *card_version,
                                   GError     **error)
{
  g_autofree char *at = luwte_now_iso8601 ();
  g_autoptr(LuwteCaseIntervention) item = NULL;
  gint64 id;

  if (!luwte_store_begin (store, error))
    return NULL;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO case_interventions (case_id, card_id, card_version, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?)", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
    sqlite3_bind_text (stmt, 2, card_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, card_version, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
  }

  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "intervention.add", card_id, error))
    goto failed;
  /* Read back inside the transaction: a failure here undoes the insert. */
  item = luwte_store_read_by_id (store, "SELECT " COLUMNS " FROM case_interventions WHERE id = ?", id,
                                 (LuwteRowReader) from_row, error);
  if (item == NULL || !luwte_store_commit (store, error))
    goto failed;
  return g_steal_pointer (&item);

failed:
  luwte_store_rollback (store);
  return NULL;
}

/**
 * luwte_store_update_case_intervention:
 *
 * Stores the changed fields in one transaction, audited by field name;
 * reaching "done" records when.
 */
gboolean
luwte_store_update_case_intervention (LuwteStore                       *store,
                                      LuwteCase                        *kase,
                                      LuwteCaseIntervention            *item,
                                      const LuwteCaseInterventionEdit  *edit,
                                      GError                          **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *at = luwte_now_iso8601 ();
  g_autofree char *detail = NULL;
  g_autofree char *done_at = NULL;
  const char *due_at = NULL;

  /* An empty time clears it. */
  if (edit->due_at != NULL && *edit->due_at != '\0')
    {
      if (!luwte_store_check_time (edit->due_at, "due_at", error))
        return FALSE;
      due_at = edit->due_at;
    }

  if (edit->status != NULL && *edit->status != item->status)
    g_ptr_array_add (changed, "status");
  if (edit->responsible != NULL && g_strcmp0 (edit->responsible, item->responsible) != 0)
    g_ptr_array_add (changed, "responsible");
  if (edit->party_id != NULL && *edit->party_id != item->party_id)
    g_ptr_array_add (changed, "party");
  if (edit->due_at != NULL && g_strcmp0 (due_at, item->due_at) != 0)
    g_ptr_array_add (changed, "due_at");
  if (edit->rationale != NULL && g_strcmp0 (edit->rationale, item->rationale) != 0)
    g_ptr_array_add (changed, "rationale");
  if (edit->proportionality != NULL && g_strcmp0 (edit->proportionality, item->proportionality) != 0)
    g_ptr_array_add (changed, "proportionality");
  if (edit->outcome != NULL && g_strcmp0 (edit->outcome, item->outcome) != 0)
    g_ptr_array_add (changed, "outcome");
  if (changed->len == 0)
    return TRUE;

  if (edit->status != NULL && *edit->status == LUWTE_INTERVENTION_STATUS_DONE)
    done_at = g_strdup (item->done_at != NULL ? item->done_at : at);
  else if (edit->status == NULL)
    done_at = g_strdup (item->done_at);

  g_ptr_array_add (changed, NULL);
  detail = g_strjoinv (", ", (char **) changed->pdata);

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE case_interventions SET status = ?1, responsible = ?2, due_at = ?3, done_at = ?4,"
      " rationale = ?5, proportionality = ?6, outcome = ?7, updated_at = ?8,"
      " party_id = (SELECT id FROM parties WHERE id = ?10 AND case_id = ?11) WHERE id = ?9", error);
    LuwteInterventionStatus status = edit->status != NULL ? *edit->status : item->status;

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, luwte_intervention_status_to_string (status), -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, edit->responsible != NULL ? edit->responsible : item->responsible, -1, SQLITE_TRANSIENT);
    if ((edit->due_at != NULL ? due_at : item->due_at) != NULL)
      sqlite3_bind_text (stmt, 3, edit->due_at != NULL ? due_at : item->due_at, -1, SQLITE_TRANSIENT);
    if (done_at != NULL)
      sqlite3_bind_text (stmt, 4, done_at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 5, edit->rationale != NULL ? edit->rationale : item->rationale, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, edit->proportionality != NULL ? edit->proportionality : item->proportionality, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, edit->outcome != NULL ? edit->outcome : item->outcome, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 8, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 9, item->id);
    if ((edit->party_id != NULL ? *edit->party_id : item->party_id) > 0)
      sqlite3_bind_int64 (stmt, 10, edit->party_id != NULL ? *edit->party_id : item->party_id);
    sqlite3_bind_int64 (stmt, 11, luwte_case_get_id (kase));
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
  }

  {
    g_autofree char *audit_detail = g_strdup_printf ("%s: %s", item->card_id, detail);

    if (!luwte_store_audit (store, luwte_case_get_reference (kase), "intervention.update", audit_detail, error) ||
        !luwte_store_commit (store, error))
      goto failed;
  }

  if (edit->status != NULL)
    item->status = *edit->status;
  if (edit->responsible != NULL)
    luwte_set_str (&item->responsible, edit->responsible);
  if (edit->party_id != NULL)
    item->party_id = *edit->party_id;
  if (edit->due_at != NULL)
    luwte_set_str (&item->due_at, due_at);
  luwte_set_str (&item->done_at, done_at);
  if (edit->rationale != NULL)
    luwte_set_str (&item->rationale, edit->rationale);
  if (edit->proportionality != NULL)
    luwte_set_str (&item->proportionality, edit->proportionality);
  if (edit->outcome != NULL)
    luwte_set_str (&item->outcome, edit->outcome);
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}
