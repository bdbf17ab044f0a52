/* luwte-report.c — the report of a case, for the driehoek or an evaluation
 *
 * Everything the case holds, in the order a reader needs it: what it is
 * about, what happened when, who was involved, what was done and why,
 * what was agreed, which messages were online and whether they came down,
 * which letters went out (with the SHA-256 of the PDF that was sent) and,
 * for a closed case, how it was evaluated. Text is kept as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "luwte-case-intervention.h"
#include "luwte-evidence.h"
#include "luwte-letter.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-report.h"
#include "luwte-time.h"
#include "luwte-timeline.h"

static void
block_free (gpointer data)
{
  LuwteReportBlock *block = data;

  g_free (block->label);
  g_free (block->text);
  g_free (block);
}

static void
add (GPtrArray            *blocks,
     LuwteReportBlockKind  kind,
     const char           *label,
     const char           *text)
{
  LuwteReportBlock *block = g_new0 (LuwteReportBlock, 1);

  block->kind = kind;
  block->label = g_strdup (label);
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (blocks, block);
}

/* A field with a value; an empty one is left out. */
static void
field (GPtrArray  *blocks,
       const char *label,
       const char *value)
{
  if (value != NULL && *value != '\0')
    add (blocks, LUWTE_REPORT_FIELD, label, value);
}

static void
time_field (GPtrArray  *blocks,
            const char *label,
            const char *iso8601)
{
  g_autofree char *local = luwte_time_format_local (iso8601, "%d-%m-%Y %H:%M");

  field (blocks, label, local);
}

static const char *
party_name (GPtrArray *parties,
            gint64     id)
{
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      LuwteParty *party = g_ptr_array_index (parties, i);

      if (luwte_party_get_id (party) == id)
        return *luwte_party_get_name (party) != '\0' ? luwte_party_get_name (party) : luwte_party_get_organisation (party);
    }
  return NULL;
}

static const char *
intervention_title (LuwteCard     *card,
                    const char    *card_id,
                    LuwteLanguage  language)
{
  LuwteCardIntervention *item = card != NULL ? luwte_card_find_intervention (card, card_id) : NULL;

  return item != NULL ? luwte_localized_get (luwte_card_intervention_get_title (item), language) : card_id;
}

static void
none (GPtrArray *blocks)
{
  add (blocks, LUWTE_REPORT_NOTE, NULL, _("None."));
}

static void
add_context (GPtrArray *blocks,
             LuwteCase *kase)
{
  const char * const *platforms = luwte_case_get_platforms (kase);
  g_autofree char *platform_list = platforms != NULL ? g_strjoinv (", ", (char **) platforms) : NULL;

  add (blocks, LUWTE_REPORT_SECTION, NULL, _("Context"));
  field (blocks, _("Reference"), luwte_case_get_reference (kase));
  field (blocks, _("Status"), luwte_case_status_label (luwte_case_get_status (kase)));
  time_field (blocks, _("Opened"), luwte_case_get_opened_at (kase));
  time_field (blocks, _("Closed"), luwte_case_get_closed_at (kase));
  field (blocks, _("Location"), luwte_case_get_location (kase));
  time_field (blocks, _("Expected gathering"), luwte_case_get_event_at (kase));
  field (blocks, _("Platforms"), platform_list);
  if (*luwte_case_get_summary (kase) != '\0')
    add (blocks, LUWTE_REPORT_TEXT, NULL, luwte_case_get_summary (kase));
}

static gboolean
add_timeline (GPtrArray  *blocks,
              LuwteStore *store,
              LuwteCase  *kase,
              LuwteCard  *card,
              GError    **error)
{
  g_autoptr(GPtrArray) entries = luwte_store_list_timeline (store, kase, card, NULL, luwte_language_from_locale (), error);

  if (entries == NULL)
    return FALSE;
  add (blocks, LUWTE_REPORT_SECTION, NULL, _("Timeline"));
  for (guint i = 0; i < entries->len; i++)
    {
      LuwteTimelineEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = luwte_time_format_local (entry->at, "%d-%m-%Y %H:%M");

      add (blocks, LUWTE_REPORT_FIELD, when, entry->text);
    }
  if (entries->len == 0)
    none (blocks);
  return TRUE;
}

static void
add_parties (GPtrArray *blocks,
             GPtrArray *parties)
{
  add (blocks, LUWTE_REPORT_SECTION, NULL, _("Parties"));
  for (guint i = 0; i < parties->len; i++)
    {
      LuwteParty *party = g_ptr_array_index (parties, i);
      const char *name = luwte_party_get_name (party);

      add (blocks, LUWTE_REPORT_ITEM, NULL, *name != '\0' ? name : luwte_role_label (luwte_party_get_role (party)));
      field (blocks, _("Role"), luwte_role_label (luwte_party_get_role (party)));
      field (blocks, _("Organisation"), luwte_party_get_organisation (party));
      field (blocks, _("Contact"), luwte_party_get_contact (party));
    }
  if (parties->len == 0)
    none (blocks);
}

static gboolean
add_interventions (GPtrArray  *blocks,
                   LuwteStore *store,
                   LuwteCase  *kase,
                   LuwteCard  *card,
                   GPtrArray  *parties,
                   GError    **error)
{
  g_autoptr(GPtrArray) chosen = luwte_store_list_case_interventions (store, kase, error);
  LuwteLanguage language = luwte_language_from_locale ();

  if (chosen == NULL)
    return FALSE;
  add (blocks, LUWTE_REPORT_SECTION, NULL, _("Interventions"));
  for (guint i = 0; i < chosen->len; i++)
    {
      LuwteCaseIntervention *item = g_ptr_array_index (chosen, i);

      add (blocks, LUWTE_REPORT_ITEM, NULL, intervention_title (card, luwte_case_intervention_get_card_id (item), language));
      field (blocks, _("Status"), luwte_intervention_status_label (luwte_case_intervention_get_status (item)));
      field (blocks, _("Responsible party"), party_name (parties, luwte_case_intervention_get_party_id (item)));
      field (blocks, _("Responsible"), luwte_case_intervention_get_responsible (item));
      time_field (blocks, _("Due"), luwte_case_intervention_get_due_at (item));
      time_field (blocks, _("Done"), luwte_case_intervention_get_done_at (item));
      field (blocks, _("Why"), luwte_case_intervention_get_rationale (item));
      field (blocks, _("Proportionality and subsidiarity"), luwte_case_intervention_get_proportionality (item));
      field (blocks, _("Outcome"), luwte_case_intervention_get_outcome (item));
      if (luwte_case_intervention_get_effect (item) != LUWTE_EFFECT_NOT_EVALUATED)
        field (blocks, _("Effect"), luwte_effect_label (luwte_case_intervention_get_effect (item)));
      field (blocks, _("Card version"), luwte_case_intervention_get_card_version (item));
    }
  if (chosen->len == 0)
    none (blocks);
  return TRUE;
}

static gboolean
add_notes (GPtrArray  *blocks,
           LuwteStore *store,
           LuwteCase  *kase,
           GError    **error)
{
  g_autoptr(GPtrArray) notes = luwte_store_list_notes (store, kase, error);

  if (notes == NULL)
    return FALSE;
  add (blocks, LUWTE_REPORT_SECTION, NULL, _("Coordination log"));
  for (guint i = 0; i < notes->len; i++)
    {
      LuwteNote *note = g_ptr_array_index (notes, i);
      g_autofree char *when = luwte_time_format_local (luwte_note_get_at (note), "%d-%m-%Y %H:%M");
      g_autoptr(GString) heading = g_string_new (when);

      g_string_append_printf (heading, " · %s", luwte_note_kind_label (luwte_note_get_kind (note)));
      if (*luwte_note_get_party (note) != '\0')
        g_string_append_printf (heading, " · %s", luwte_note_get_party (note));
      add (blocks, LUWTE_REPORT_ITEM, NULL, heading->str);
      add (blocks, LUWTE_REPORT_TEXT, NULL, luwte_note_get_text (note));
      if (luwte_note_get_kind (note) == LUWTE_NOTE_KIND_ACTION)
        {
          field (blocks, _("Who does it"), luwte_note_get_action_by (note));
          time_field (blocks, _("By when"), luwte_note_get_action_due (note));
          time_field (blocks, _("Done on"), luwte_note_get_done_at (note));
        }
    }
  if (notes->len == 0)
    none (blocks);
  return TRUE;
}

static gboolean
add_messages (GPtrArray  *blocks,
              LuwteStore *store,
              LuwteCase  *kase,
              GError    **error)
{
  g_autoptr(GPtrArray) messages = luwte_store_list_evidence (store, kase, error);

  if (messages == NULL)
    return FALSE;
  add (blocks, LUWTE_REPORT_SECTION, NULL, _("Online messages"));
  for (guint i = 0; i < messages->len; i++)
    {
      LuwteEvidence *message = g_ptr_array_index (messages, i);
      g_autofree char *since = luwte_time_format_local (luwte_evidence_get_takedown_at (message), "%d-%m-%Y");
      g_autoptr(GString) takedown = g_string_new (luwte_takedown_label (luwte_evidence_get_takedown (message)));

      if (luwte_evidence_get_takedown (message) != LUWTE_TAKEDOWN_NOT_REQUESTED && *since != '\0')
        g_string_append_printf (takedown, _(", since %s"), since);
      if (*luwte_evidence_get_takedown_channel (message) != '\0')
        g_string_append_printf (takedown, _(", via %s"), luwte_evidence_get_takedown_channel (message));
      add (blocks, LUWTE_REPORT_ITEM, NULL, luwte_evidence_get_url (message));
      field (blocks, _("Platform"), luwte_evidence_get_platform (message));
      field (blocks, _("Account"), luwte_evidence_get_account (message));
      time_field (blocks, _("Posted"), luwte_evidence_get_posted_at (message));
      time_field (blocks, _("Captured"), luwte_evidence_get_captured_at (message));
      field (blocks, _("Takedown"), takedown->str);
      time_field (blocks, _("Answer due"), luwte_evidence_get_takedown_due (message));
      field (blocks, _("Screenshot SHA-256"), luwte_evidence_get_sha256 (message));
      if (*luwte_evidence_get_description (message) != '\0')
        add (blocks, LUWTE_REPORT_TEXT, NULL, luwte_evidence_get_description (message));
    }
  if (messages->len == 0)
    none (blocks);
  return TRUE;
}

static gboolean
add_letters (GPtrArray  *blocks,
             LuwteStore *store,
             LuwteCase  *kase,
             GPtrArray  *parties,
             GError    **error)
{
  g_autoptr(GPtrArray) letters = luwte_store_list_letters (store, kase, error);
  guint shown = 0;

  if (letters == NULL)
    return FALSE;
  add (blocks, LUWTE_REPORT_SECTION, NULL, _("Letters"));
  for (guint i = 0; i < letters->len; i++)
    {
      LuwteLetter *letter = g_ptr_array_index (letters, i);
      g_autofree char *version = NULL;

      /* Drafts are work in progress, not part of the record. */
      if (luwte_letter_get_status (letter) == LUWTE_LETTER_DRAFT)
        continue;
      shown++;
      version = g_strdup_printf ("%d", luwte_letter_get_version (letter));
      add (blocks, LUWTE_REPORT_ITEM, NULL, luwte_letter_get_subject (letter));
      field (blocks, _("Template"), luwte_letter_get_template (letter));
      /* As the party was when the letter was made final. */
      field (blocks, _("Recipient"), luwte_letter_get_recipient (letter));
      field (blocks, _("Status"), luwte_letter_status_label (luwte_letter_get_status (letter)));
      field (blocks, _("Version"), version);
      time_field (blocks, _("Final"), luwte_letter_get_final_at (letter));
      time_field (blocks, _("Sent"), luwte_letter_get_sent_at (letter));
      field (blocks, _("Channel"), luwte_letter_get_sent_channel (letter));
      field (blocks, _("PDF SHA-256"), luwte_letter_get_sha256 (letter));
    }
  if (shown == 0)
    none (blocks);
  return TRUE;
}

/* What each intervention used achieved, and the lessons learned. */
static gboolean
add_evaluation (GPtrArray  *blocks,
                LuwteStore *store,
                LuwteCase  *kase,
                LuwteCard  *card,
                GError    **error)
{
  g_autoptr(GPtrArray) chosen = luwte_store_list_case_interventions (store, kase, error);
  LuwteLanguage language = luwte_language_from_locale ();
  guint evaluated = 0;

  if (chosen == NULL)
    return FALSE;
  add (blocks, LUWTE_REPORT_SECTION, NULL, _("Evaluation"));
  for (guint i = 0; i < chosen->len; i++)
    {
      LuwteCaseIntervention *item = g_ptr_array_index (chosen, i);

      if (luwte_case_intervention_get_effect (item) == LUWTE_EFFECT_NOT_EVALUATED)
        continue;
      evaluated++;
      add (blocks, LUWTE_REPORT_FIELD, intervention_title (card, luwte_case_intervention_get_card_id (item), language),
           luwte_effect_label (luwte_case_intervention_get_effect (item)));
    }
  if (*luwte_case_get_lessons (kase) != '\0')
    {
      add (blocks, LUWTE_REPORT_ITEM, NULL, _("Lessons learned"));
      add (blocks, LUWTE_REPORT_TEXT, NULL, luwte_case_get_lessons (kase));
    }
  else if (evaluated == 0)
    add (blocks, LUWTE_REPORT_NOTE, NULL, luwte_case_get_status (kase) == LUWTE_CASE_STATUS_CLOSED
                                          ? _("Closed without an evaluation.")
                                          : _("The case is evaluated when it is closed."));
  return TRUE;
}

/**
 * luwte_report_build:
 * @card: the card, for the interventions' titles
 *
 * Returns: (transfer full) (element-type LuwteReportBlock): the report
 */
GPtrArray *
luwte_report_build (LuwteStore  *store,
                    LuwteCase   *kase,
                    LuwteCard   *card,
                    GError     **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (block_free);
  g_autoptr(GPtrArray) parties = luwte_store_list_parties (store, kase, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made = g_date_time_format (now, "%d-%m-%Y %H:%M");
  g_autofree char *made_line = NULL;
  g_autofree char *title = NULL;

  if (parties == NULL)
    return NULL;
  /* TRANSLATORS: the report's title: "Case report OOV-2026-0042" */
  title = g_strdup_printf (_("Case report %s"), luwte_case_get_reference (kase));
  add (blocks, LUWTE_REPORT_TITLE, NULL, title);
  add (blocks, LUWTE_REPORT_ITEM, NULL, *luwte_case_get_title (kase) != '\0' ? luwte_case_get_title (kase) : _("Untitled case"));
  /* TRANSLATORS: when the report was made */
  made_line = g_strdup_printf (_("Made with Luwte on %s. Contains personal data: share it only with those who need it."), made);
  add (blocks, LUWTE_REPORT_NOTE, NULL, made_line);

  add_context (blocks, kase);
  if (!add_timeline (blocks, store, kase, card, error))
    return NULL;
  add_parties (blocks, parties);
  if (!add_interventions (blocks, store, kase, card, parties, error) ||
      !add_notes (blocks, store, kase, error) ||
      !add_messages (blocks, store, kase, error) ||
      !add_letters (blocks, store, kase, parties, error) ||
      !add_evaluation (blocks, store, kase, card, error))
    return NULL;
  return g_steal_pointer (&blocks);
}

/**
 * luwte_report_write_pdf:
 *
 * Writes the report of @kase to @path (0600: it holds personal data).
 */
gboolean
luwte_report_write_pdf (LuwteStore  *store,
                        LuwteCase   *kase,
                        LuwteCard   *card,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GPtrArray) blocks = luwte_report_build (store, kase, card, error);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *header = NULL;

  if (blocks == NULL)
    return FALSE;
  header = g_strdup_printf (_("Case report %s"), luwte_case_get_reference (kase));
  pdf = luwte_report_to_pdf (blocks, header, error);
  if (pdf == NULL)
    return FALSE;
  return g_file_set_contents_full (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
