/* luwte-exchange-export.c — writing a case in the exchange format
 *
 * The keys of design.md, plus a few of Luwte's own that a reader of
 * version 1 may ignore: address on parties (postal), card_version, responsible and proportionality on
 * interventions, action_by, action_due and done_at on notes, and party_name: the
 * note's party in words, which is all it has when it is not a party of
 * the case. The evaluation: effect on interventions (null until the case
 * is closed with one), lessons on the case. On letters: version, edited,
 * youth (the party of the young person the letter names),
 * the times, inputs, the messages by their place in "evidence", and the
 * PDF of a final letter in base64 with its SHA-256. And status_history:
 * every status step of the case, oldest first, for the review of how it
 * went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-exchange"

#include "config.h"

#include "luwte-exchange.h"
#include "luwte-case-intervention.h"
#include "luwte-evidence.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-letter.h"
#include "luwte-timeline.h"

#include <json-glib/json-glib.h>

G_DEFINE_QUARK (luwte-exchange-error-quark, luwte_exchange_error)

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A party of the case by the id its "parties" entry has, or null */
static void
add_party_member (JsonBuilder *builder,
                  const char  *member,
                  gint64       party_id)
{
  g_autofree char *id = party_id > 0 ? g_strdup_printf ("p%" G_GINT64_FORMAT, party_id) : NULL;

  add_string (builder, member, id);
}

static void
add_party_ref (JsonBuilder *builder,
               gint64       party_id)
{
  add_party_member (builder, "party", party_id);
}

/* A letter, every version: its text, the facts it was written from, the
 * messages it is about (by their place in "evidence") and, once final,
 * the PDF that was sent, in base64, with its SHA-256. */
static gboolean
add_letter (JsonBuilder  *builder,
            LuwteStore   *store,
            LuwteLetter  *letter,
            GPtrArray    *evidence,
            GError      **error)
{
  GArray *chosen = luwte_letter_get_evidence_ids (letter);
  g_autoptr(GBytes) pdf = NULL;
  GHashTableIter iter;
  gpointer name, value;

  if (luwte_letter_get_status (letter) != LUWTE_LETTER_DRAFT)
    {
      pdf = luwte_store_get_letter_pdf (store, letter, error);
      if (pdf == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  json_builder_begin_object (builder);
  add_string (builder, "template", luwte_letter_get_template (letter));
  add_string (builder, "language", luwte_language_to_code (luwte_letter_get_language (letter)));
  add_string (builder, "status", luwte_letter_status_to_string (luwte_letter_get_status (letter)));
  add_party_ref (builder, luwte_letter_get_party_id (letter));
  add_party_member (builder, "youth", luwte_letter_get_youth_id (letter));
  add_string (builder, "subject", luwte_letter_get_subject (letter));
  add_string (builder, "body", luwte_letter_get_body (letter));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, luwte_letter_get_version (letter));
  json_builder_set_member_name (builder, "edited");
  json_builder_add_boolean_value (builder, luwte_letter_get_edited (letter));
  add_string (builder, "created_at", luwte_letter_get_created_at (letter));
  add_string (builder, "final_at", luwte_letter_get_final_at (letter));
  add_string (builder, "sent_at", luwte_letter_get_sent_at (letter));
  add_string (builder, "sent_channel", luwte_letter_get_sent_channel (letter));
  add_string (builder, "sha256", luwte_letter_get_sha256 (letter));
  if (luwte_letter_get_status (letter) != LUWTE_LETTER_DRAFT)
    add_string (builder, "recipient", luwte_letter_get_recipient (letter));
  json_builder_set_member_name (builder, "inputs");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, luwte_letter_get_inputs (letter));
  while (g_hash_table_iter_next (&iter, &name, &value))
    add_string (builder, name, value);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint m = 0; m < evidence->len; m++)
    for (guint c = 0; c < chosen->len; c++)
      if (g_array_index (chosen, gint64, c) == luwte_evidence_get_id (g_ptr_array_index (evidence, m)))
        json_builder_add_int_value (builder, m);
  json_builder_end_array (builder);
  if (pdf != NULL)
    {
      g_autofree char *encoded = g_base64_encode (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
      add_string (builder, "pdf", encoded);
    }
  else
    add_string (builder, "pdf", NULL);
  json_builder_end_object (builder);
  return TRUE;
}

/**
 * luwte_exchange_export:
 *
 * Returns: (transfer full): @kase with everything it holds, as JSON
 */
char *
luwte_exchange_export (LuwteStore  *store,
                       LuwteCase   *kase,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) parties = luwte_store_list_parties (store, kase, error);
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GPtrArray) status_changes = NULL;
  const char * const *platforms = luwte_case_get_platforms (kase);

  if (parties == NULL)
    return NULL;
  interventions = luwte_store_list_case_interventions (store, kase, error);
  if (interventions == NULL)
    return NULL;
  notes = luwte_store_list_notes (store, kase, error);
  if (notes == NULL)
    return NULL;
  evidence = luwte_store_list_evidence (store, kase, error);
  if (evidence == NULL)
    return NULL;
  letters = luwte_store_list_letters (store, kase, error);
  if (letters == NULL)
    return NULL;
  status_changes = luwte_store_list_status_changes (store, kase, error);
  if (status_changes == NULL)
    return NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", LUWTE_EXCHANGE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, LUWTE_EXCHANGE_VERSION);
  json_builder_set_member_name (builder, "case");
  json_builder_begin_object (builder);

  add_string (builder, "reference", luwte_case_get_reference (kase));
  add_string (builder, "title", luwte_case_get_title (kase));
  add_string (builder, "status", luwte_case_status_to_string (luwte_case_get_status (kase)));
  add_string (builder, "opened_at", luwte_case_get_opened_at (kase));
  add_string (builder, "closed_at", luwte_case_get_closed_at (kase));
  add_string (builder, "location", luwte_case_get_location (kase));
  add_string (builder, "event_at", luwte_case_get_event_at (kase));
  add_string (builder, "summary", luwte_case_get_summary (kase));
  add_string (builder, "lessons", luwte_case_get_lessons (kase));
  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);
  for (guint i = 0; platforms != NULL && platforms[i] != NULL; i++)
    json_builder_add_string_value (builder, platforms[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "status_history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status_changes->len; i++)
    {
      LuwteStatusChange *change = g_ptr_array_index (status_changes, i);

      json_builder_begin_object (builder);
      add_string (builder, "at", change->at);
      add_string (builder, "from", change->from);
      add_string (builder, "to", change->to);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parties->len; i++)
    {
      LuwteParty *party = g_ptr_array_index (parties, i);
      g_autofree char *id = g_strdup_printf ("p%" G_GINT64_FORMAT, luwte_party_get_id (party));

      json_builder_begin_object (builder);
      add_string (builder, "id", id);
      add_string (builder, "role", luwte_role_to_string (luwte_party_get_role (party)));
      add_string (builder, "name", luwte_party_get_name (party));
      add_string (builder, "organisation", luwte_party_get_organisation (party));
      add_string (builder, "contact", luwte_party_get_contact (party));
      add_string (builder, "address", luwte_party_get_address (party));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "interventions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < interventions->len; i++)
    {
      LuwteCaseIntervention *item = g_ptr_array_index (interventions, i);

      json_builder_begin_object (builder);
      add_string (builder, "card_id", luwte_case_intervention_get_card_id (item));
      add_string (builder, "card_version", luwte_case_intervention_get_card_version (item));
      add_string (builder, "status", luwte_intervention_status_to_string (luwte_case_intervention_get_status (item)));
      add_party_ref (builder, luwte_case_intervention_get_party_id (item));
      add_string (builder, "responsible", luwte_case_intervention_get_responsible (item));
      add_string (builder, "due_at", luwte_case_intervention_get_due_at (item));
      add_string (builder, "done_at", luwte_case_intervention_get_done_at (item));
      add_string (builder, "rationale", luwte_case_intervention_get_rationale (item));
      add_string (builder, "proportionality", luwte_case_intervention_get_proportionality (item));
      add_string (builder, "outcome", luwte_case_intervention_get_outcome (item));
      add_string (builder, "effect", luwte_effect_to_string (luwte_case_intervention_get_effect (item)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    {
      LuwteNote *note = g_ptr_array_index (notes, i);

      json_builder_begin_object (builder);
      add_string (builder, "at", luwte_note_get_at (note));
      add_party_ref (builder, luwte_note_get_party_id (note));
      add_string (builder, "party_name", luwte_note_get_party (note));
      add_string (builder, "kind", luwte_note_kind_to_string (luwte_note_get_kind (note)));
      add_string (builder, "text", luwte_note_get_text (note));
      add_string (builder, "action_by", luwte_note_get_action_by (note));
      add_string (builder, "action_due", luwte_note_get_action_due (note));
      add_string (builder, "done_at", luwte_note_get_done_at (note));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < evidence->len; i++)
    {
      LuwteEvidence *item = g_ptr_array_index (evidence, i);

      json_builder_begin_object (builder);
      add_string (builder, "url", luwte_evidence_get_url (item));
      add_string (builder, "platform", luwte_evidence_get_platform (item));
      add_string (builder, "account", luwte_evidence_get_account (item));
      add_string (builder, "posted_at", luwte_evidence_get_posted_at (item));
      add_string (builder, "captured_at", luwte_evidence_get_captured_at (item));
      add_string (builder, "description", luwte_evidence_get_description (item));
      add_string (builder, "sha256", luwte_evidence_get_sha256 (item));
      add_string (builder, "takedown", luwte_takedown_to_string (luwte_evidence_get_takedown (item)));
      add_string (builder, "takedown_at", luwte_evidence_get_takedown_at (item));
      add_string (builder, "takedown_channel", luwte_evidence_get_takedown_channel (item));
      add_string (builder, "takedown_due", luwte_evidence_get_takedown_due (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "letters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < letters->len; i++)
    if (!add_letter (builder, store, g_ptr_array_index (letters, i), evidence, error))
      return NULL;
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
