/* luwte-timeline.c — one chronological view of a case, and its history
 *
 * The timeline merges what happened in the case: status changes, notes,
 * online messages (when posted, or else captured), interventions chosen
 * and carried out, letters made final and sent, and where each message's
 * takedown request stands (as of its last change: the store keeps no
 * earlier states), ordered by the moment (julianday),
 * whatever offset each time was written with. The history is the case's
 * part of the append-only audit log; the status changes alone are what
 * the exchange format carries as the case's status history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-timeline"

#include "config.h"

#include "luwte-timeline.h"
#include "luwte-case-intervention.h"
#include "luwte-evidence.h"
#include "luwte-note.h"
#include "luwte-template-library.h"

#include <glib/gi18n-lib.h>

static void
timeline_entry_free (LuwteTimelineEntry *entry)
{
  g_free (entry->at);
  g_free (entry->text);
  g_free (entry);
}

static void
history_entry_free (LuwteHistoryEntry *entry)
{
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->action);
  g_free (entry->detail);
  g_free (entry);
}

static void
status_change_free (LuwteStatusChange *change)
{
  g_free (change->at);
  g_free (change->from);
  g_free (change->to);
  g_free (change);
}

static const char *
intervention_title (LuwteCard     *card,
                    const char    *card_id,
                    LuwteLanguage  language)
{
  LuwteCardIntervention *item = card != NULL ? luwte_card_find_intervention (card, card_id) : NULL;

  return item != NULL ? luwte_localized_get (luwte_card_intervention_get_title (item), language) : card_id;
}

static LuwteTemplate *
lookup_template (LuwteTemplateLibrary *library,
                 const char           *id,
                 LuwteLanguage         language)
{
  LuwteTemplate *template = luwte_template_library_lookup (library, id, language);

  if (template == NULL)
    template = luwte_template_library_lookup (library, id, language == LUWTE_LANGUAGE_NL ? LUWTE_LANGUAGE_EN
                                                                                      : LUWTE_LANGUAGE_NL);
  return template;
}

/* The template's title in @language, or else in the other one, or else
 * its id. The library is read only when a letter needs it; a library
 * kept from before is read again when it lacks a template and the user's
 * folder changed since, as when a template was added. */
static const char *
template_title (LuwteTemplateLibrary **library,
                const char            *id,
                LuwteLanguage          language)
{
  LuwteTemplate *template;

  if (*library == NULL)
    *library = luwte_template_library_new ();
  template = lookup_template (*library, id, language);
  if (template == NULL && luwte_template_library_reload_if_changed (*library))
    template = lookup_template (*library, id, language);
  return template != NULL ? luwte_template_get_title (template) : id;
}

static char *
letter_text (LuwteTimelineKind  kind,
             const char        *title,
             const char        *recipient)
{
  if (kind == LUWTE_TIMELINE_LETTER_SENT)
    /* TRANSLATORS: in the timeline: "Letter sent: Letter to parents to J. Jansen" */
    return *recipient != '\0' ? g_strdup_printf (_("Letter sent: %s to %s"), title, recipient)
                              : g_strdup_printf (_("Letter sent: %s"), title);
  /* TRANSLATORS: in the timeline: "Letter made final: Letter to parents to J. Jansen" */
  return *recipient != '\0' ? g_strdup_printf (_("Letter made final: %s to %s"), title, recipient)
                            : g_strdup_printf (_("Letter made final: %s"), title);
}

/**
 * luwte_store_list_timeline:
 * @card: (nullable): for the interventions' titles
 * @library: (inout) (nullable) (optional): the letter templates, for the
 *   letters' titles: read when a letter is first named and kept there
 *   for the next call, read again when a letter's template is not in
 *   them and the user's template folder changed; %NULL to read them for
 *   this call only
 *
 * Returns: (transfer container) (element-type LuwteTimelineEntry): oldest
 *   first
 */
GPtrArray *
luwte_store_list_timeline (LuwteStore            *store,
                           LuwteCase             *kase,
                           LuwteCard             *card,
                           LuwteTemplateLibrary **library,
                           LuwteLanguage          language,
                           GError               **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT at, kind, a, b, c FROM ("
    "   SELECT at AS at, 0 AS kind, coalesce (from_status, '') AS a, to_status AS b, '' AS c, id AS n"
    "     FROM status_changes WHERE case_id = ?1"
    "   UNION ALL SELECT at, 1, kind, text, party, id FROM notes WHERE case_id = ?1"
    "   UNION ALL SELECT created_at, 2, card_id, status, responsible, id FROM case_interventions WHERE case_id = ?1"
    "   UNION ALL SELECT done_at, 3, card_id, outcome, responsible, id FROM case_interventions"
    "     WHERE case_id = ?1 AND done_at IS NOT NULL"
    "   UNION ALL SELECT coalesce (posted_at, captured_at), 4, platform, url, account, id FROM evidence"
    "     WHERE case_id = ?1"
    /* A letter's recipient as it was when the letter was made final. */
    "   UNION ALL SELECT final_at, 5, template, recipient, '', id FROM letters"
    "     WHERE case_id = ?1 AND final_at IS NOT NULL"
    "   UNION ALL SELECT sent_at, 6, template, recipient, '', id FROM letters"
    "     WHERE case_id = ?1 AND sent_at IS NOT NULL"
    "   UNION ALL SELECT takedown_at, 7, platform, url, takedown, id FROM evidence"
    "     WHERE case_id = ?1 AND takedown <> 'not_requested' AND takedown_at IS NOT NULL"
    "   UNION ALL SELECT done_at, 8, coalesce (action_by, ''), text, party, id FROM notes"
    "     WHERE case_id = ?1 AND done_at IS NOT NULL)"
    " ORDER BY julianday (at), kind, n", error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) timeline_entry_free);
  g_autoptr(LuwteTemplateLibrary) own_library = NULL;
  LuwteTemplateLibrary **templates = library != NULL ? library : &own_library;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LuwteTimelineEntry *entry = g_new0 (LuwteTimelineEntry, 1);
      const char *a = (const char *) sqlite3_column_text (stmt, 2);
      const char *b = (const char *) sqlite3_column_text (stmt, 3);
      const char *c = (const char *) sqlite3_column_text (stmt, 4);

      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->kind = (LuwteTimelineKind) sqlite3_column_int (stmt, 1);
      switch (entry->kind)
        {
        case LUWTE_TIMELINE_STATUS:
          {
            LuwteCaseStatus from, to = LUWTE_CASE_STATUS_SIGNAL;

            luwte_case_status_parse (b, &to);
            if (luwte_case_status_parse (a, &from) && from == LUWTE_CASE_STATUS_CLOSED)
              /* TRANSLATORS: a closed case opened again, in the timeline: "Case reopened: Closed → Active" */
              entry->text = g_strdup_printf (_("Case reopened: %s → %s"), luwte_case_status_label (from), luwte_case_status_label (to));
            else if (luwte_case_status_parse (a, &from))
              /* TRANSLATORS: a status change in the timeline, e.g. "Status: Signal → Active" */
              entry->text = g_strdup_printf (_("Status: %s → %s"), luwte_case_status_label (from), luwte_case_status_label (to));
            else
              entry->text = g_strdup_printf (_("Case started as %s"), luwte_case_status_label (to));
          }
          break;
        case LUWTE_TIMELINE_NOTE:
          {
            LuwteNoteKind kind = LUWTE_NOTE_KIND_INFORMATION;

            luwte_note_kind_parse (a, &kind);
            entry->text = *c != '\0' ? g_strdup_printf ("%s (%s): %s", luwte_note_kind_label (kind), c, b)
                                     : g_strdup_printf ("%s: %s", luwte_note_kind_label (kind), b);
          }
          break;
        case LUWTE_TIMELINE_INTERVENTION:
          /* TRANSLATORS: an intervention chosen from the card, in the timeline */
          entry->text = g_strdup_printf (_("Intervention chosen: %s"), intervention_title (card, a, language));
          break;
        case LUWTE_TIMELINE_MESSAGE:
          /* TRANSLATORS: an online message in the timeline: "Message on TikTok (@account): URL" */
          entry->text = *c != '\0' ? g_strdup_printf (_("Message on %s (%s): %s"), a, c, b)
                                   : g_strdup_printf (_("Message on %s: %s"), a, b);
          break;
        case LUWTE_TIMELINE_LETTER_FINAL:
        case LUWTE_TIMELINE_LETTER_SENT:
          entry->text = letter_text (entry->kind, template_title (templates, a, language), b);
          break;
        case LUWTE_TIMELINE_TAKEDOWN:
          {
            LuwteTakedown state = LUWTE_TAKEDOWN_REQUESTED;

            luwte_takedown_parse (c, &state);
            if (state == LUWTE_TAKEDOWN_REQUESTED)
              /* TRANSLATORS: in the timeline: "Takedown requested for the message on TikTok: URL" */
              entry->text = g_strdup_printf (_("Takedown requested for the message on %s: %s"), a, b);
            else
              /* TRANSLATORS: in the timeline, where a takedown request stands:
               * "Takedown request (Removed) for the message on TikTok: URL" */
              entry->text = g_strdup_printf (_("Takedown request (%s) for the message on %s: %s"),
                                             luwte_takedown_label (state), a, b);
          }
          break;
        case LUWTE_TIMELINE_ACTION_DONE:
          /* TRANSLATORS: an action point ticked off, in the timeline:
           * "Action point done (Wijkagent): Langs bij de ouders" */
          entry->text = *a != '\0' ? g_strdup_printf (_("Action point done (%s): %s"), a, b)
                                   : g_strdup_printf (_("Action point done: %s"), b);
          break;
        case LUWTE_TIMELINE_INTERVENTION_DONE:
        default:
          entry->text = *b != '\0'
            ? g_strdup_printf (_("Intervention carried out: %s. Outcome: %s"), intervention_title (card, a, language), b)
            : g_strdup_printf (_("Intervention carried out: %s"), intervention_title (card, a, language));
          break;
        }
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * luwte_store_list_history:
 *
 * Returns: (transfer container) (element-type LuwteHistoryEntry): every
 *   audited change of @kase, oldest first
 */
GPtrArray *
luwte_store_list_history (LuwteStore  *store,
                          LuwteCase   *kase,
                          GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT at, os_user, action, detail FROM audit WHERE case_ref = ? ORDER BY id", error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) history_entry_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, luwte_case_get_reference (kase), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LuwteHistoryEntry *entry = g_new0 (LuwteHistoryEntry, 1);

      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->os_user = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * luwte_store_list_status_changes:
 *
 * Returns: (transfer container) (element-type LuwteStatusChange): the
 *   status history of @kase, oldest first, in the order the timeline
 *   shows it
 */
GPtrArray *
luwte_store_list_status_changes (LuwteStore  *store,
                                 LuwteCase   *kase,
                                 GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT at, from_status, to_status FROM status_changes WHERE case_id = ?"
    " ORDER BY julianday (at), id", error);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) status_change_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LuwteStatusChange *change = g_new0 (LuwteStatusChange, 1);

      change->at = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->from = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      change->to = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}
