/* luwte-evaluation.c — closing a case with its evaluation
 *
 * The effects, the lessons learned and the status go in one transaction:
 * a case is never closed with half an evaluation. The audit log names
 * what was evaluated, never what was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-case"

#include "config.h"

#include "luwte-evaluation.h"
#include "luwte-case-private.h"

#include <glib/gi18n-lib.h>

static gboolean
store_effect (LuwteStore               *store,
              LuwteCase                *kase,
              const LuwteEffectChoice  *choice,
              GError                  **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "UPDATE case_interventions SET effect = ?1, updated_at = ?2 WHERE id = ?3 AND case_id = ?4"
    " AND effect IS NOT ?1", error);
  g_autofree char *at = luwte_now_iso8601 ();
  const char *effect;

  if (stmt == NULL)
    return FALSE;
  effect = luwte_effect_to_string (choice->effect);
  if (effect != NULL)
    sqlite3_bind_text (stmt, 1, effect, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, choice->intervention_id);
  sqlite3_bind_int64 (stmt, 4, luwte_case_get_id (kase));
  if (!luwte_stmt_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (luwte_store_get_db (store)) == 0)
    {
      /* Unchanged, or not an intervention of this case at all. */
      g_autoptr(LuwteStmt) check = luwte_store_prepare (store,
        "SELECT 1 FROM case_interventions WHERE id = ? AND case_id = ?", error);
      int rc;

      if (check == NULL)
        return FALSE;
      sqlite3_bind_int64 (check, 1, choice->intervention_id);
      sqlite3_bind_int64 (check, 2, luwte_case_get_id (kase));
      rc = sqlite3_step (check);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND,
                       _("An intervention to evaluate is not one of case %s; it may have been removed."),
                       luwte_case_get_reference (kase));
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return luwte_store_set_error (store, rc, error);
    }
  return TRUE;
}

/**
 * luwte_store_close_case:
 * @evaluation: the effect of the interventions and the lessons learned
 *
 * Closes @kase with its evaluation, in one transaction with its status
 * history and audit entries. The case is read-only from then on, until it
 * is reopened with luwte_store_set_case_status(); the evaluation stays
 * and is there to start from when it is closed again.
 *
 * Returns: %FALSE with @error, the database unchanged, when the case is
 *   closed already, an intervention is not the case's, or the write fails
 */
gboolean
luwte_store_close_case (LuwteStore                 *store,
                        LuwteCase                  *kase,
                        const LuwteCaseEvaluation  *evaluation,
                        GError                    **error)
{
  g_autofree char *at = luwte_now_iso8601 ();
  g_autofree char *detail = NULL;
  gboolean lessons = evaluation->lessons != NULL;

  g_return_val_if_fail (LUWTE_IS_STORE (store), FALSE);
  g_return_val_if_fail (LUWTE_IS_CASE (kase), FALSE);
  g_return_val_if_fail (evaluation->n_effects == 0 || evaluation->effects != NULL, FALSE);

  for (guint i = 0; i < evaluation->n_effects; i++)
    g_return_val_if_fail (evaluation->effects[i].effect <= LUWTE_EFFECT_UNKNOWN, FALSE);

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;

  for (guint i = 0; i < evaluation->n_effects; i++)
    if (!store_effect (store, kase, &evaluation->effects[i], error))
      goto failed;

  if (lessons)
    {
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "UPDATE cases SET lessons = ? WHERE id = ?", error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, evaluation->lessons, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, luwte_case_get_id (kase));
      if (!luwte_stmt_step_done (store, stmt, error))
        goto failed;
    }

  detail = g_strdup_printf (lessons ? "effects: %u, lessons" : "effects: %u", evaluation->n_effects);
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "case.evaluate", detail, error) ||
      !luwte_case_store_status (store, kase, LUWTE_CASE_STATUS_CLOSED, at, error) ||
      !luwte_store_commit (store, error))
    goto failed;

  if (lessons)
    luwte_case_apply_lessons (kase, evaluation->lessons);
  luwte_case_apply_status (kase, LUWTE_CASE_STATUS_CLOSED, at);
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}
