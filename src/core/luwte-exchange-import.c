/* luwte-exchange-import.c — reading a case from an exchange file
 *
 * The file comes from outside, maybe from someone hostile. Everything is
 * checked before anything is written: the whole file is read into a plan,
 * and only a plan without a single problem is stored, in one transaction.
 * The first problem found is reported in one line with its JSON path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-exchange"

#include "config.h"

#include "luwte-exchange.h"
#include "luwte-case-intervention.h"
#include "luwte-evidence.h"
#include "luwte-json-guard.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-letter.h"
#include "luwte-store-schema.h"
#include "luwte-template.h"
#include "luwte-template-fields.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#define EXCHANGE_MAX_BYTES   (16 * 1024 * 1024)
#define EXCHANGE_MAX_DEPTH   32
#define EXCHANGE_MAX_STRING  (1024 * 1024)
#define EXCHANGE_MAX_STATUS_STEPS 10000

typedef struct {
  GString    *path;
  GError    **error;
  LuwteCard  *card;
} Reader;

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Reader     *reader,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (reader->error, LUWTE_EXCHANGE_ERROR, LUWTE_EXCHANGE_ERROR_INVALID,
               "%s: %s", reader->path->str, problem);
  return FALSE;
}

static gsize
push (Reader     *reader,
      const char *key,
      int         index)
{
  gsize old = reader->path->len;

  if (key != NULL)
    g_string_append_printf (reader->path, ".%s", key);
  else
    g_string_append_printf (reader->path, "[%d]", index);
  return old;
}

static void
pop (Reader *reader,
     gsize   old)
{
  g_string_truncate (reader->path, old);
}

/* A string member: required or not, NULL allowed or not. On success
 * *out points into the JSON tree (or is NULL). */
static gboolean
get_string (Reader       *reader,
            JsonObject   *object,
            const char   *key,
            gboolean      required,
            gboolean      nullable,
            const char  **out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize old;

  *out = NULL;
  if (node == NULL)
    return required ? fail (reader, _("“%s” is missing"), key) : TRUE;

  old = push (reader, key, 0);
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!nullable)
        return fail (reader, _("must be a string, not null"));
      pop (reader, old);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, _("must be a string"));
  *out = json_node_get_string (node);
  if (strlen (*out) > EXCHANGE_MAX_STRING)
    return fail (reader, _("is longer than %d bytes"), EXCHANGE_MAX_STRING);
  pop (reader, old);
  return TRUE;
}

static gboolean
get_time (Reader      *reader,
          JsonObject  *object,
          const char  *key,
          gboolean     required,
          const char **out)
{
  g_autoptr(GDateTime) parsed = NULL;
  gsize old;

  if (!get_string (reader, object, key, required, !required, out))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  parsed = g_date_time_new_from_iso8601 (*out, NULL);
  /* With an offset: a time without one means something else in every
   * municipality it travels to. */
  if (parsed == NULL || strlen (*out) < 20 ||
      !(g_str_has_suffix (*out, "Z") || (*out)[strlen (*out) - 3] == ':' || strchr (*out + 10, '+') != NULL))
    {
      old = push (reader, key, 0);
      fail (reader, _("“%s” is not a time in ISO 8601 with an offset, such as 2026-09-12T14:05:00+02:00"), *out);
      pop (reader, old);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_array (Reader      *reader,
           JsonObject  *object,
           const char  *key,
           JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize old;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      old = push (reader, key, 0);
      fail (reader, _("must be an array"));
      pop (reader, old);
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
element_object (Reader    *reader,
                JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* @key: a reference to a party of this file ("p1"), or null. */
static gboolean
get_party_member (Reader       *reader,
                  JsonObject   *object,
                  const char   *key,
                  GHashTable   *party_names,
                  const char  **name)
{
  const char *ref = NULL;
  gsize old;

  *name = NULL;
  if (!get_string (reader, object, key, FALSE, TRUE, &ref))
    return FALSE;
  if (ref == NULL)
    return TRUE;
  if (!g_hash_table_lookup_extended (party_names, ref, NULL, (gpointer *) name))
    {
      old = push (reader, key, 0);
      fail (reader, _("refers to a party “%s” that the file does not have"), ref);
      pop (reader, old);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_party_ref (Reader       *reader,
               JsonObject   *object,
               GHashTable   *party_names,
               const char  **name)
{
  return get_party_member (reader, object, "party", party_names, name);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_TRANSIENT);
}

/* The whole case, checked; nothing is written here. */
typedef struct {
  JsonObject *kase;
  const char *reference;
  const char *status;
  JsonArray  *platforms;
  JsonArray  *status_history;
  JsonArray  *parties;
  JsonArray  *interventions;
  JsonArray  *notes;
  JsonArray  *evidence;
  JsonArray  *letters;
  GArray     *evidence_ids;  /* the database id of each "evidence" entry, once stored */
  GHashTable *party_names;   /* file id → name for the notes */
  GHashTable *youth_ids;     /* the file ids of parties with the role youth */
  GHashTable *party_ids;     /* file id → id in the database, once stored */
} Plan;

static void
bind_party_id (sqlite3_stmt *stmt,
               int           column,
               Plan         *plan,
               const char   *file_id)
{
  gint64 *id = file_id != NULL ? g_hash_table_lookup (plan->party_ids, file_id) : NULL;

  if (id != NULL)
    sqlite3_bind_int64 (stmt, column, *id);
}

static GDateTime *
time_of (JsonObject *object,
         const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);
}

/* Luwte's own status_history: the steps must tell one story, as the
 * timeline shows it and the statistics count it. Oldest first, none
 * before the case was opened; each starts where the one before ended;
 * the last ends in the case's status and, when it is the step that
 * closed the case, at the case's closed_at. */
static gboolean
check_status_history (Reader *reader,
                      Plan   *plan)
{
  g_autoptr(GDateTime) opened = time_of (plan->kase, "opened_at");
  g_autoptr(GDateTime) closed = time_of (plan->kase, "closed_at");
  g_autoptr(GDateTime) previous = NULL;
  const char *previous_to = NULL;
  guint n = json_array_get_length (plan->status_history);
  gsize old = push (reader, "status_history", 0);
  gsize where;

  if (n > EXCHANGE_MAX_STATUS_STEPS)
    return fail (reader, _("has more than %d steps"), EXCHANGE_MAX_STATUS_STEPS);
  for (guint i = 0; i < n; i++)
    {
      gsize element = push (reader, NULL, (int) i);
      JsonObject *step = element_object (reader, plan->status_history, i);
      g_autoptr(GDateTime) at = NULL;
      const char *text, *from, *to;
      LuwteCaseStatus parsed;

      if (step == NULL ||
          !get_time (reader, step, "at", TRUE, &text) ||
          !get_string (reader, step, "from", TRUE, TRUE, &from) ||
          !get_string (reader, step, "to", TRUE, FALSE, &to))
        return FALSE;
      at = g_date_time_new_from_iso8601 (text, NULL);
      where = push (reader, "at", 0);
      if (opened != NULL && g_date_time_compare (at, opened) < 0)
        return fail (reader, _("is before the case was opened (“opened_at”)"));
      if (previous != NULL && g_date_time_compare (at, previous) < 0)
        return fail (reader, _("is earlier than the step before; the steps go oldest first"));
      pop (reader, where);

      where = push (reader, "from", 0);
      if (from == NULL && i > 0)
        return fail (reader, _("only the first step may start from null"));
      if (from != NULL && !luwte_case_status_parse (from, &parsed))
        return fail (reader, _("unknown status “%s”"), from);
      if (i > 0 && !g_str_equal (from, previous_to))
        return fail (reader, _("must be “%s”, the status the step before ended in, not “%s”"), previous_to, from);
      pop (reader, where);

      where = push (reader, "to", 0);
      if (!luwte_case_status_parse (to, &parsed))
        return fail (reader, _("unknown status “%s”"), to);
      /* The last step ends where the case is. */
      if (i == n - 1 && !g_str_equal (to, plan->status))
        return fail (reader, _("the last step must end in the case’s status “%s”, not “%s”"), plan->status, to);
      pop (reader, where);

      /* The step that closed the case is when it was closed: the
       * statistics count from the opening to closed_at. */
      if (i == n - 1 && from != NULL && parsed == LUWTE_CASE_STATUS_CLOSED &&
          closed != NULL && g_date_time_compare (at, closed) != 0)
        {
          push (reader, "at", 0);
          return fail (reader, _("the step that closed the case must be at its “closed_at”"));
        }

      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_steal_pointer (&at);
      previous_to = to;
      pop (reader, element);
    }
  pop (reader, old);
  return TRUE;
}

static gboolean
check_parties (Reader *reader,
               Plan   *plan)
{
  gsize old = push (reader, "parties", 0);

  for (guint i = 0; plan->parties != NULL && i < json_array_get_length (plan->parties); i++)
    {
      gsize element = push (reader, NULL, (int) i);
      JsonObject *party = element_object (reader, plan->parties, i);
      const char *id, *role, *name, *organisation, *contact;
      LuwteRole parsed;

      if (party == NULL ||
          !get_string (reader, party, "id", TRUE, FALSE, &id) ||
          !get_string (reader, party, "role", TRUE, FALSE, &role) ||
          !get_string (reader, party, "name", FALSE, TRUE, &name) ||
          !get_string (reader, party, "organisation", FALSE, TRUE, &organisation) ||
          !get_string (reader, party, "contact", FALSE, TRUE, &contact) ||
          !get_string (reader, party, "address", FALSE, TRUE, &contact))
        return FALSE;
      if (!luwte_role_parse (role, &parsed))
        return fail (reader, _("unknown role “%s”"), role);
      if (g_hash_table_contains (plan->party_names, id))
        return fail (reader, _("the party id “%s” is used twice"), id);
      g_hash_table_insert (plan->party_names, (gpointer) id,
                           (gpointer) (name != NULL && *name != '\0' ? name : organisation != NULL ? organisation : ""));
      if (parsed == LUWTE_ROLE_YOUTH)
        g_hash_table_add (plan->youth_ids, (gpointer) id);
      pop (reader, element);
    }
  pop (reader, old);
  return TRUE;
}

static gboolean
check_interventions (Reader *reader,
                     Plan   *plan)
{
  gsize old = push (reader, "interventions", 0);

  for (guint i = 0; plan->interventions != NULL && i < json_array_get_length (plan->interventions); i++)
    {
      gsize element = push (reader, NULL, (int) i);
      JsonObject *item = element_object (reader, plan->interventions, i);
      const char *card_id, *status, *party, *due, *done, *text, *effect;
      LuwteInterventionStatus parsed;
      LuwteEffect parsed_effect;

      if (item == NULL ||
          !get_string (reader, item, "card_id", TRUE, FALSE, &card_id) ||
          !get_string (reader, item, "status", TRUE, FALSE, &status) ||
          !get_party_ref (reader, item, plan->party_names, &party) ||
          !get_time (reader, item, "due_at", FALSE, &due) ||
          !get_time (reader, item, "done_at", FALSE, &done) ||
          !get_string (reader, item, "rationale", FALSE, TRUE, &text) ||
          !get_string (reader, item, "outcome", FALSE, TRUE, &text) ||
          !get_string (reader, item, "card_version", FALSE, TRUE, &text) ||
          !get_string (reader, item, "responsible", FALSE, TRUE, &text) ||
          !get_string (reader, item, "proportionality", FALSE, TRUE, &text) ||
          !get_string (reader, item, "effect", FALSE, TRUE, &effect))
        return FALSE;
      if (!luwte_intervention_status_parse (status, &parsed))
        return fail (reader, _("unknown intervention status “%s”"), status);
      if (effect != NULL && (!luwte_effect_parse (effect, &parsed_effect) || parsed_effect == LUWTE_EFFECT_NOT_EVALUATED))
        {
          gsize at = push (reader, "effect", 0);
          fail (reader, _("unknown effect “%s”; use worked, partly, not_worked, unknown or null"), effect);
          pop (reader, at);
          return FALSE;
        }
      if (luwte_card_find_intervention (reader->card, card_id) == NULL)
        return fail (reader, _("the card has no intervention “%s”"), card_id);
      pop (reader, element);
    }
  pop (reader, old);
  return TRUE;
}

static gboolean
check_notes (Reader *reader,
             Plan   *plan)
{
  gsize old = push (reader, "notes", 0);

  for (guint i = 0; plan->notes != NULL && i < json_array_get_length (plan->notes); i++)
    {
      gsize element = push (reader, NULL, (int) i);
      JsonObject *note = element_object (reader, plan->notes, i);
      const char *at, *party, *kind, *text, *done, *other;
      LuwteNoteKind parsed;

      if (note == NULL ||
          !get_time (reader, note, "at", TRUE, &at) ||
          !get_party_ref (reader, note, plan->party_names, &party) ||
          !get_string (reader, note, "kind", TRUE, FALSE, &kind) ||
          !get_string (reader, note, "text", TRUE, FALSE, &text) ||
          !get_string (reader, note, "party_name", FALSE, TRUE, &other) ||
          !get_string (reader, note, "action_by", FALSE, TRUE, &other) ||
          !get_time (reader, note, "action_due", FALSE, &other) ||
          !get_time (reader, note, "done_at", FALSE, &done))
        return FALSE;
      if (!luwte_note_kind_parse (kind, &parsed))
        return fail (reader, _("unknown kind “%s”"), kind);
      /* done_at is Luwte's own key: only an action point is ever done. */
      if (done != NULL && parsed != LUWTE_NOTE_KIND_ACTION)
        {
          gsize where = push (reader, "done_at", 0);
          fail (reader, _("only an action point can be done"));
          pop (reader, where);
          return FALSE;
        }
      pop (reader, element);
    }
  pop (reader, old);
  return TRUE;
}

static gboolean
check_evidence (Reader *reader,
                Plan   *plan)
{
  gsize old = push (reader, "evidence", 0);

  for (guint i = 0; plan->evidence != NULL && i < json_array_get_length (plan->evidence); i++)
    {
      gsize element = push (reader, NULL, (int) i);
      JsonObject *item = element_object (reader, plan->evidence, i);
      const char *text, *sha256, *takedown;
      LuwteTakedown parsed;

      if (item == NULL ||
          !get_string (reader, item, "url", TRUE, FALSE, &text) ||
          !get_string (reader, item, "platform", FALSE, TRUE, &text) ||
          !get_string (reader, item, "account", FALSE, TRUE, &text) ||
          !get_time (reader, item, "posted_at", FALSE, &text) ||
          !get_time (reader, item, "captured_at", TRUE, &text) ||
          !get_string (reader, item, "description", FALSE, TRUE, &text) ||
          !get_string (reader, item, "sha256", FALSE, TRUE, &sha256) ||
          !get_string (reader, item, "takedown", FALSE, TRUE, &takedown) ||
          !get_time (reader, item, "takedown_at", FALSE, &text) ||
          !get_string (reader, item, "takedown_channel", FALSE, TRUE, &text) ||
          !get_time (reader, item, "takedown_due", FALSE, &text))
        return FALSE;
      if (sha256 != NULL && (strlen (sha256) != 64 || strspn (sha256, "0123456789abcdef") != 64))
        return fail (reader, _("“sha256” must be 64 lowercase hexadecimal digits"));
      if (takedown != NULL && !luwte_takedown_parse (takedown, &parsed))
        return fail (reader, _("unknown takedown state “%s”"), takedown);
      pop (reader, element);
    }
  pop (reader, old);
  return TRUE;
}

static gboolean
get_int (Reader      *reader,
         JsonObject  *object,
         const char  *key,
         gint64       fallback,
         gint64      *out)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize old;

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      old = push (reader, key, 0);
      fail (reader, _("must be a whole number"));
      pop (reader, old);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
check_letter (Reader     *reader,
              Plan       *plan,
              JsonObject *letter)
{
  const char *template_id, *language, *status, *party, *youth, *text, *sha256, *pdf;
  LuwteLanguage parsed_language;
  LuwteLetterStatus parsed_status;
  JsonNode *inputs = json_object_get_member (letter, "inputs");
  JsonArray *messages = NULL;
  gint64 version;

  if (!get_string (reader, letter, "template", TRUE, FALSE, &template_id) ||
      !get_string (reader, letter, "language", TRUE, FALSE, &language) ||
      !get_string (reader, letter, "status", TRUE, FALSE, &status) ||
      !get_party_ref (reader, letter, plan->party_names, &party) ||
      !get_party_member (reader, letter, "youth", plan->party_names, &youth) ||
      !get_string (reader, letter, "subject", FALSE, TRUE, &text) ||
      !get_string (reader, letter, "body", FALSE, TRUE, &text) ||
      !get_int (reader, letter, "version", 1, &version) ||
      !get_time (reader, letter, "created_at", FALSE, &text) ||
      !get_time (reader, letter, "final_at", FALSE, &text) ||
      !get_time (reader, letter, "sent_at", FALSE, &text) ||
      !get_string (reader, letter, "sent_channel", FALSE, TRUE, &text) ||
      !get_string (reader, letter, "sha256", FALSE, TRUE, &sha256) ||
      !get_string (reader, letter, "recipient", FALSE, TRUE, &text) ||
      !get_string (reader, letter, "pdf", FALSE, TRUE, &pdf) ||
      !get_array (reader, letter, "messages", &messages))
    return FALSE;
  if (youth != NULL && !g_hash_table_contains (plan->youth_ids, json_object_get_string_member (letter, "youth")))
    {
      gsize old = push (reader, "youth", 0);

      fail (reader, _("refers to a party “%s” that is not a young person"), json_object_get_string_member (letter, "youth"));
      pop (reader, old);
      return FALSE;
    }
  if (!luwte_template_is_id (template_id))
    return fail (reader, _("“%s” is not a template id"), template_id);
  if (!luwte_language_parse (language, &parsed_language))
    return fail (reader, _("unknown language “%s”"), language);
  if (!luwte_letter_status_parse (status, &parsed_status))
    return fail (reader, _("unknown letter status “%s”"), status);
  if (version < 1 || version > 10000)
    return fail (reader, _("“version” must be from 1 to 10000"));
  if (sha256 != NULL && (strlen (sha256) != 64 || strspn (sha256, "0123456789abcdef") != 64))
    return fail (reader, _("“sha256” must be 64 lowercase hexadecimal digits"));
  if (pdf != NULL)
    {
      gsize length = 0;
      g_autofree guchar *bytes = g_base64_decode (pdf, &length);
      g_autofree char *checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, length);

      /* The PDF is what was sent: it must be the one its hash names. */
      if (length < 5 || memcmp (bytes, "%PDF-", 5) != 0)
        return fail (reader, _("“pdf” is not a PDF in base64"));
      if (g_strcmp0 (checksum, sha256) != 0)
        return fail (reader, _("the PDF does not match its “sha256”"));
    }
  if (inputs != NULL && !JSON_NODE_HOLDS_NULL (inputs))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (inputs))
        return fail (reader, _("“inputs” must be an object"));
      json_object_iter_init (&iter, json_node_get_object (inputs));
      while (json_object_iter_next (&iter, &name, &value))
        {
          if (!luwte_template_field_is_input_name (name))
            return fail (reader, _("“%s” is not a field of a letter’s own, such as brief.termijn"), name);
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            return fail (reader, _("the value of “%s” must be a string"), name);
        }
    }
  for (guint m = 0; messages != NULL && m < json_array_get_length (messages); m++)
    {
      JsonNode *node = json_array_get_element (messages, m);
      guint n_evidence = plan->evidence != NULL ? json_array_get_length (plan->evidence) : 0;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) >= n_evidence)
        return fail (reader, _("“messages” must hold places in “evidence”, from 0 to %u"), n_evidence);
    }
  return TRUE;
}

static gboolean
check_letters (Reader *reader,
               Plan   *plan)
{
  gsize old = push (reader, "letters", 0);

  for (guint i = 0; plan->letters != NULL && i < json_array_get_length (plan->letters); i++)
    {
      gsize element = push (reader, NULL, (int) i);
      JsonObject *letter = element_object (reader, plan->letters, i);

      if (letter == NULL || !check_letter (reader, plan, letter))
        return FALSE;
      pop (reader, element);
    }
  pop (reader, old);
  return TRUE;
}

static gboolean
check (Reader   *reader,
       JsonNode *root,
       Plan     *plan)
{
  JsonObject *object;
  JsonNode *node;
  const char *format, *text;
  LuwteCaseStatus status;
  gsize old;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (reader, _("must be an object"));
  object = json_node_get_object (root);

  if (!get_string (reader, object, "format", TRUE, FALSE, &format))
    return FALSE;
  if (!g_str_equal (format, LUWTE_EXCHANGE_FORMAT))
    return fail (reader, _("“format” must be “%s”, not “%s”"), LUWTE_EXCHANGE_FORMAT, format);

  node = json_object_get_member (object, "version");
  if (node == NULL)
    return fail (reader, _("“%s” is missing"), "version");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, _("“version” must be a whole number"));
  if (json_node_get_int (node) > LUWTE_EXCHANGE_VERSION)
    {
      g_set_error (reader->error, LUWTE_EXCHANGE_ERROR, LUWTE_EXCHANGE_ERROR_TOO_NEW,
                   _("$.version: the file is version %ld of the exchange format, newer than the %d this Luwte reads; update Luwte to import it"),
                   (long) json_node_get_int (node), LUWTE_EXCHANGE_VERSION);
      return FALSE;
    }
  if (json_node_get_int (node) < 1)
    return fail (reader, _("“version” must be 1 or more"));

  node = json_object_get_member (object, "case");
  if (node == NULL)
    return fail (reader, _("“%s” is missing"), "case");
  old = push (reader, "case", 0);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, _("must be an object"));
  plan->kase = json_node_get_object (node);

  if (!get_string (reader, plan->kase, "reference", TRUE, FALSE, &plan->reference) ||
      !get_string (reader, plan->kase, "title", TRUE, FALSE, &text) ||
      !get_string (reader, plan->kase, "status", TRUE, FALSE, &plan->status) ||
      !get_time (reader, plan->kase, "opened_at", TRUE, &text) ||
      !get_time (reader, plan->kase, "closed_at", FALSE, &text) ||
      !get_string (reader, plan->kase, "location", FALSE, TRUE, &text) ||
      !get_time (reader, plan->kase, "event_at", FALSE, &text) ||
      !get_string (reader, plan->kase, "summary", FALSE, TRUE, &text) ||
      !get_string (reader, plan->kase, "lessons", FALSE, TRUE, &text))
    return FALSE;
  if (*plan->reference == '\0' || strlen (plan->reference) > 64)
    {
      gsize at = push (reader, "reference", 0);
      fail (reader, _("must be a reference of 1 to 64 characters"));
      pop (reader, at);
      return FALSE;
    }
  if (!luwte_case_status_parse (plan->status, &status))
    {
      gsize at = push (reader, "status", 0);
      fail (reader, _("unknown status “%s”"), plan->status);
      pop (reader, at);
      return FALSE;
    }

  if (!get_array (reader, plan->kase, "platforms", &plan->platforms))
    return FALSE;
  for (guint i = 0; plan->platforms != NULL && i < json_array_get_length (plan->platforms); i++)
    {
      JsonNode *platform = json_array_get_element (plan->platforms, i);
      gsize at = push (reader, "platforms", 0);
      gsize element = push (reader, NULL, (int) i);

      if (!JSON_NODE_HOLDS_VALUE (platform) || json_node_get_value_type (platform) != G_TYPE_STRING)
        return fail (reader, _("must be a string"));
      pop (reader, element);
      pop (reader, at);
    }

  if (!get_array (reader, plan->kase, "status_history", &plan->status_history) ||
      (plan->status_history != NULL && !check_status_history (reader, plan)))
    return FALSE;

  if (!get_array (reader, plan->kase, "parties", &plan->parties) ||
      !get_array (reader, plan->kase, "interventions", &plan->interventions) ||
      !get_array (reader, plan->kase, "notes", &plan->notes) ||
      !check_parties (reader, plan) ||
      !check_interventions (reader, plan) ||
      !check_notes (reader, plan))
    return FALSE;

  if (!get_array (reader, plan->kase, "evidence", &plan->evidence) ||
      !check_evidence (reader, plan))
    return FALSE;

  if (!get_array (reader, plan->kase, "letters", &plan->letters) ||
      !check_letters (reader, plan))
    return FALSE;

  pop (reader, old);
  return TRUE;
}

static const char *
member_or (JsonObject *object,
           const char *key,
           const char *fallback)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fallback;
  return json_node_get_string (node);
}

static char *
next_reference (LuwteStore  *store,
                GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *prefix = luwte_store_get_setting (store, "reference_prefix", "OOV");
  gint64 number;

  return luwte_store_next_reference (store, prefix, g_date_time_get_year (now), &number, error);
}

static gboolean
reference_exists (LuwteStore  *store,
                  const char  *reference,
                  gboolean    *exists,
                  GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, "SELECT 1 FROM cases WHERE reference = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return luwte_store_set_error (store, rc, error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Splits "OOV-2026-0042" into its parts, so the numbering goes on after
 * it; references of another shape are kept whole, outside the numbering. */
static void
split_reference (const char  *reference,
                 char       **prefix,
                 int         *year,
                 gint64      *number)
{
  g_autoptr(GRegex) shape = g_regex_new ("^(.+)-([0-9]{4})-([0-9]{1,9})$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (shape, reference, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 2);
      g_autofree char *n = g_match_info_fetch (match, 3);

      *prefix = g_match_info_fetch (match, 1);
      *year = atoi (y);
      *number = g_ascii_strtoll (n, NULL, 10);
      return;
    }
  *prefix = g_strdup (reference);
  *year = 0;
  *number = 0;
}

/* The letters, in the order of the file: a later version points to the
 * one before it of the same template (a file has no ids for letters). */
static gboolean
store_letters (LuwteStore  *store,
               Plan        *plan,
               gint64       case_id,
               const char  *now,
               GError     **error)
{
  g_autoptr(GHashTable) last_of_template = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; plan->letters != NULL && i < json_array_get_length (plan->letters); i++)
    {
      JsonObject *letter = json_array_get_object_element (plan->letters, i);
      const char *template_id = member_or (letter, "template", "");
      const char *party = member_or (letter, "party", NULL);
      const char *youth = member_or (letter, "youth", NULL);
      const char *pdf = member_or (letter, "pdf", NULL);
      JsonNode *version = json_object_get_member (letter, "version");
      JsonNode *edited = json_object_get_member (letter, "edited");
      JsonNode *inputs = json_object_get_member (letter, "inputs");
      JsonNode *messages = json_object_get_member (letter, "messages");
      gint64 *previous = g_hash_table_lookup (last_of_template, template_id);
      g_autofree guchar *pdf_bytes = NULL;
      gsize pdf_length = 0;
      gint64 id;

      {
        g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
          "INSERT INTO letters (case_id, template, language, party_id, version, previous_id, status, subject, body,"
          " edited, created_at, updated_at, final_at, sent_at, sent_channel, pdf, sha256, recipient, youth_id)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
          /* A final letter's recipient as the file gives it, or else as
           * its party is; a draft gets one when it is made final. */
          "  CASE WHEN ?7 = 'draft' THEN '' ELSE coalesce (?18, " LUWTE_SQL_PARTY_IN_WORDS ("?4") ", '') END,"
          /* A file from before letters named their young person: the
           * case's first, whom the letter named then. */
          "  CASE WHEN ?20 THEN ?19 ELSE (SELECT id FROM parties WHERE case_id = ?1 AND role = 'youth'"
          "   ORDER BY id LIMIT 1) END)", error);

        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, case_id);
        sqlite3_bind_text (stmt, 2, template_id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 3, member_or (letter, "language", "nl"), -1, SQLITE_TRANSIENT);
        bind_party_id (stmt, 4, plan, party);
        sqlite3_bind_int64 (stmt, 5, version != NULL && JSON_NODE_HOLDS_VALUE (version) ? json_node_get_int (version) : 1);
        if (previous != NULL)
          sqlite3_bind_int64 (stmt, 6, *previous);
        sqlite3_bind_text (stmt, 7, member_or (letter, "status", "draft"), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 8, member_or (letter, "subject", ""), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 9, member_or (letter, "body", ""), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int (stmt, 10, edited != NULL && JSON_NODE_HOLDS_VALUE (edited) &&
                                    json_node_get_value_type (edited) == G_TYPE_BOOLEAN && json_node_get_boolean (edited));
        sqlite3_bind_text (stmt, 11, member_or (letter, "created_at", now), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 12, now, -1, SQLITE_TRANSIENT);
        bind_text_or_null (stmt, 13, member_or (letter, "final_at", NULL));
        bind_text_or_null (stmt, 14, member_or (letter, "sent_at", NULL));
        sqlite3_bind_text (stmt, 15, member_or (letter, "sent_channel", ""), -1, SQLITE_TRANSIENT);
        if (pdf != NULL)
          {
            pdf_bytes = g_base64_decode (pdf, &pdf_length);
            sqlite3_bind_blob64 (stmt, 16, pdf_bytes, pdf_length, SQLITE_STATIC);
          }
        bind_text_or_null (stmt, 17, member_or (letter, "sha256", NULL));
        bind_text_or_null (stmt, 18, member_or (letter, "recipient", NULL));
        bind_party_id (stmt, 19, plan, youth);
        sqlite3_bind_int (stmt, 20, json_object_has_member (letter, "youth"));
        if (!luwte_stmt_step_done (store, stmt, error))
          return FALSE;
        id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
        g_hash_table_insert (last_of_template, (gpointer) template_id, g_memdup2 (&id, sizeof id));
      }

      if (inputs != NULL && JSON_NODE_HOLDS_OBJECT (inputs))
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          json_object_iter_init (&iter, json_node_get_object (inputs));
          while (json_object_iter_next (&iter, &name, &value))
            {
              g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
                "INSERT OR REPLACE INTO letter_inputs (letter_id, name, value) VALUES (?, ?, ?)", error);

              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, id);
              sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 3, json_node_get_string (value), -1, SQLITE_TRANSIENT);
              if (!luwte_stmt_step_done (store, stmt, error))
                return FALSE;
            }
        }
      for (guint m = 0; messages != NULL && JSON_NODE_HOLDS_ARRAY (messages) &&
                        m < json_array_get_length (json_node_get_array (messages)); m++)
        {
          gint64 place = json_array_get_int_element (json_node_get_array (messages), m);
          g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
            "INSERT OR IGNORE INTO letter_evidence (letter_id, evidence_id) VALUES (?, ?)", error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (plan->evidence_ids, gint64, place));
          if (!luwte_stmt_step_done (store, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The steps as the file has them, in its order; they happened elsewhere,
 * so they are not audited one by one: the import is. */
static gboolean
store_status_history (LuwteStore  *store,
                      Plan        *plan,
                      gint64       case_id,
                      const char  *now,
                      GError     **error)
{
  guint n = plan->status_history != NULL ? json_array_get_length (plan->status_history) : 0;

  for (guint i = 0; i < MAX (n, 1); i++)
    {
      JsonObject *step = n > 0 ? json_array_get_object_element (plan->status_history, i) : NULL;
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT INTO status_changes (case_id, at, from_status, to_status) VALUES (?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      if (step != NULL)
        {
          sqlite3_bind_text (stmt, 2, member_or (step, "at", now), -1, SQLITE_TRANSIENT);
          bind_text_or_null (stmt, 3, member_or (step, "from", NULL));
          sqlite3_bind_text (stmt, 4, member_or (step, "to", plan->status), -1, SQLITE_TRANSIENT);
        }
      else
        {
          /* No status history (another program, an older Luwte): the
           * case began in its status when it was opened. */
          sqlite3_bind_text (stmt, 2, member_or (plan->kase, "opened_at", now), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, plan->status, -1, SQLITE_TRANSIENT);
        }
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
store_plan (LuwteStore  *store,
            LuwteCard   *card,
            Plan        *plan,
            const char  *reference,
            GError     **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *now = luwte_now_iso8601 ();
  const char *status = plan->status;
  int year;
  gint64 number;
  gint64 case_id;

  split_reference (reference, &prefix, &year, &number);

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO cases (reference, ref_prefix, ref_year, ref_number, title, status, opened_at, closed_at,"
      " location, event_at, summary, updated_at, lessons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 3, year);
    /* Outside the numbering: a negative number no generated one can take. */
    sqlite3_bind_int64 (stmt, 4, number > 0 ? number : -(gint64) g_str_hash (reference) - 1);
    sqlite3_bind_text (stmt, 5, member_or (plan->kase, "title", ""), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, member_or (plan->kase, "opened_at", now), -1, SQLITE_TRANSIENT);
    bind_text_or_null (stmt, 8, member_or (plan->kase, "closed_at", NULL));
    sqlite3_bind_text (stmt, 9, member_or (plan->kase, "location", ""), -1, SQLITE_TRANSIENT);
    bind_text_or_null (stmt, 10, member_or (plan->kase, "event_at", NULL));
    sqlite3_bind_text (stmt, 11, member_or (plan->kase, "summary", ""), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 12, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 13, member_or (plan->kase, "lessons", ""), -1, SQLITE_TRANSIENT);
    if (!luwte_stmt_step_done (store, stmt, error))
      return FALSE;
    case_id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
  }

  for (guint i = 0; plan->platforms != NULL && i < json_array_get_length (plan->platforms); i++)
    {
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT INTO case_platforms (case_id, position, platform) VALUES (?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, json_array_get_string_element (plan->platforms, i), -1, SQLITE_TRANSIENT);
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
    }

  if (!store_status_history (store, plan, case_id, now, error))
    return FALSE;

  for (guint i = 0; plan->parties != NULL && i < json_array_get_length (plan->parties); i++)
    {
      JsonObject *party = json_array_get_object_element (plan->parties, i);
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT INTO parties (case_id, role, name, organisation, contact, address) VALUES (?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, member_or (party, "role", "other"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, member_or (party, "name", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, member_or (party, "organisation", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, member_or (party, "contact", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, member_or (party, "address", ""), -1, SQLITE_TRANSIENT);
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
      g_hash_table_insert (plan->party_ids, (gpointer) member_or (party, "id", ""),
                           g_memdup2 (&(gint64) { sqlite3_last_insert_rowid (luwte_store_get_db (store)) }, sizeof (gint64)));
    }

  for (guint i = 0; plan->interventions != NULL && i < json_array_get_length (plan->interventions); i++)
    {
      JsonObject *item = json_array_get_object_element (plan->interventions, i);
      const char *party = member_or (item, "party", NULL);
      const char *responsible = member_or (item, "responsible", "");
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT INTO case_interventions (case_id, card_id, card_version, status, responsible, due_at, done_at,"
        " rationale, proportionality, outcome, created_at, updated_at, party_id, effect)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      if (*responsible == '\0' && party != NULL)
        responsible = g_hash_table_lookup (plan->party_names, party);
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, member_or (item, "card_id", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, member_or (item, "card_version", luwte_card_get_version (card)), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, member_or (item, "status", "considered"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, responsible != NULL ? responsible : "", -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 6, member_or (item, "due_at", NULL));
      bind_text_or_null (stmt, 7, member_or (item, "done_at", NULL));
      sqlite3_bind_text (stmt, 8, member_or (item, "rationale", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, member_or (item, "proportionality", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, member_or (item, "outcome", ""), -1, SQLITE_TRANSIENT);
      /* When it was chosen is not in the file: no later than the opening. */
      sqlite3_bind_text (stmt, 11, member_or (plan->kase, "opened_at", now), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 12, now, -1, SQLITE_TRANSIENT);
      bind_party_id (stmt, 13, plan, party);
      bind_text_or_null (stmt, 14, member_or (item, "effect", NULL));
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; plan->notes != NULL && i < json_array_get_length (plan->notes); i++)
    {
      JsonObject *note = json_array_get_object_element (plan->notes, i);
      const char *party = member_or (note, "party", NULL);
      const char *party_name = member_or (note, "party_name", "");
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT INTO notes (case_id, at, kind, party, text, action_by, action_due, created_at, party_id, done_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      if (party != NULL && *party_name == '\0')
        party_name = g_hash_table_lookup (plan->party_names, party);
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, member_or (note, "at", now), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, member_or (note, "kind", "information"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, party_name != NULL ? party_name : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, member_or (note, "text", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, member_or (note, "action_by", ""), -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 7, member_or (note, "action_due", NULL));
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
      bind_party_id (stmt, 9, plan, party);
      bind_text_or_null (stmt, 10, member_or (note, "done_at", NULL));
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; plan->evidence != NULL && i < json_array_get_length (plan->evidence); i++)
    {
      JsonObject *item = json_array_get_object_element (plan->evidence, i);
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "INSERT INTO evidence (case_id, url, platform, account, posted_at, captured_at, description, sha256, takedown,"
        " takedown_at, takedown_channel, takedown_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, member_or (item, "url", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, member_or (item, "platform", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, member_or (item, "account", ""), -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 5, member_or (item, "posted_at", NULL));
      sqlite3_bind_text (stmt, 6, member_or (item, "captured_at", now), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, member_or (item, "description", ""), -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 8, member_or (item, "sha256", NULL));
      sqlite3_bind_text (stmt, 9, member_or (item, "takedown", "not_requested"), -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 10, member_or (item, "takedown_at", NULL));
      sqlite3_bind_text (stmt, 11, member_or (item, "takedown_channel", ""), -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 12, member_or (item, "takedown_due", NULL));
      if (!luwte_stmt_step_done (store, stmt, error))
        return FALSE;
      {
        gint64 id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
        g_array_append_val (plan->evidence_ids, id);
      }
    }

  if (!store_letters (store, plan, case_id, now, error))
    return FALSE;
  return luwte_store_audit (store, reference, "case.import", plan->reference, error);
}

/**
 * luwte_exchange_import:
 * @card: the card the interventions must be on
 * @as_new: give the case a new reference instead of refusing one that
 *   exists
 *
 * Returns: (transfer full): the reference the case was stored under, or
 *   %NULL with @error naming the first problem (and its JSON path) and
 *   the database exactly as it was
 */
char *
luwte_exchange_import (LuwteStore  *store,
                       LuwteCard   *card,
                       const char  *data,
                       gsize        length,
                       gboolean     as_new,
                       GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(GHashTable) party_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) youth_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) party_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GArray) evidence_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *reference = NULL;
  Reader reader = { path, error, card };
  Plan plan = { 0 };
  gboolean exists = FALSE;

  root = luwte_json_parse_guarded (data, length, EXCHANGE_MAX_BYTES, EXCHANGE_MAX_DEPTH, &local_error);
  if (root == NULL)
    {
      g_set_error_literal (error, LUWTE_EXCHANGE_ERROR, LUWTE_EXCHANGE_ERROR_INVALID, local_error->message);
      return NULL;
    }
  /* "\u0000" would silently cut a string short inside json-glib. */
  if (g_strstr_len (data, (gssize) length, "\\u0000") != NULL)
    {
      g_set_error_literal (error, LUWTE_EXCHANGE_ERROR, LUWTE_EXCHANGE_ERROR_INVALID,
                           _("contains a NUL character (\\u0000) in a string"));
      return NULL;
    }

  plan.party_names = party_names;
  plan.youth_ids = youth_ids;
  plan.party_ids = party_ids;
  plan.evidence_ids = evidence_ids;
  if (!check (&reader, root, &plan))
    return NULL;

  if (!luwte_store_begin (store, error))
    return NULL;
  if (!reference_exists (store, plan.reference, &exists, error))
    goto failed;
  if (exists && !as_new)
    {
      g_set_error (error, LUWTE_EXCHANGE_ERROR, LUWTE_EXCHANGE_ERROR_EXISTS,
                   _("$.case.reference: a case “%s” already exists; import it as a new case to keep both"),
                   plan.reference);
      goto failed;
    }
  reference = exists || as_new ? next_reference (store, error) : g_strdup (plan.reference);
  if (reference == NULL ||
      !store_plan (store, card, &plan, reference, error) ||
      !luwte_store_commit (store, error))
    goto failed;
  return g_steal_pointer (&reference);

failed:
  luwte_store_rollback (store);
  return NULL;
}
