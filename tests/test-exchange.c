/* test-exchange.c — the exchange format: the documented example, the round
 * trip field for field, and every kind of broken or hostile file, each
 * refused with the database exactly as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-case.h"
#include "luwte-case-intervention.h"
#include "luwte-evaluation.h"
#include "luwte-exchange.h"
#include "luwte-evidence.h"
#include "luwte-demo.h"
#include "luwte-letter.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-statistics.h"
#include "luwte-store.h"
#include "luwte-timeline.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static LuwteStore *
fresh_store (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "exchange", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  LuwteStore *store;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_remove (path);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static char *
example (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "exchange", "example-case.json", NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* Everything that can change: rows in every table. */
static char *
fingerprint (LuwteStore *store)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "SELECT (SELECT count (*) FROM cases) || '/' || (SELECT count (*) FROM parties) || '/' ||"
    " (SELECT count (*) FROM case_interventions) || '/' || (SELECT count (*) FROM notes) || '/' ||"
    " (SELECT count (*) FROM audit) || '/' || (SELECT count (*) FROM contacts) || '/' ||"
    " (SELECT count (*) FROM case_platforms) || '/' || (SELECT count (*) FROM status_changes)", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_example_imports (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("example.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *data = NULL;
  g_autofree char *reference = NULL;
  gsize length = 0;

  data = example (&length);
  reference = luwte_exchange_import (store, card, data, length, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reference, ==, "OOV-2026-0042");

  kase = luwte_store_get_case (store, reference, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_ACTIVE);
  g_assert_cmpstr (luwte_case_get_platforms (kase)[1], ==, "TikTok");
  parties = luwte_store_list_parties (store, kase, NULL);
  interventions = luwte_store_list_case_interventions (store, kase, NULL);
  notes = luwte_store_list_notes (store, kase, NULL);
  g_assert_cmpuint (parties->len, ==, 4);
  g_assert_cmpuint (interventions->len, ==, 3);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpint (luwte_party_get_role (g_ptr_array_index (parties, 3)), ==, LUWTE_ROLE_PARENT);
  /* Luwte's own "address" on a party: the postal address letters go to. */
  g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (parties, 3)), ==, "Verzonnenstraat 1, 1234 AB Zuidwijk");
  g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (parties, 1)), ==, "");
  /* A party reference becomes the party's name where the store keeps words. */
  g_assert_cmpstr (luwte_note_get_party (g_ptr_array_index (notes, 0)), ==, "Digitale wijkagent B. Verzonnen");
  g_assert_cmpstr (luwte_case_intervention_get_proportionality (g_ptr_array_index (interventions, 2)), !=, "");
  /* The action point was done; the others have no done_at at all. */
  g_assert_cmpstr (luwte_note_get_done_at (g_ptr_array_index (notes, 2)), ==, "2026-12-30T18:45:00+01:00");
  g_assert_null (luwte_note_get_done_at (g_ptr_array_index (notes, 0)));
  g_assert_cmpint (luwte_store_count_open_actions (store, kase, NULL), ==, 0);

  /* The status history as the file has it, not a start in "active". */
  {
    g_autoptr(GPtrArray) changes = luwte_store_list_status_changes (store, kase, &error);
    LuwteStatusChange *first, *second;

    g_assert_no_error (error);
    g_assert_cmpuint (changes->len, ==, 2);
    first = g_ptr_array_index (changes, 0);
    second = g_ptr_array_index (changes, 1);
    g_assert_cmpstr (first->at, ==, "2026-12-28T15:05:00+01:00");
    g_assert_null (first->from);
    g_assert_cmpstr (first->to, ==, "signal");
    g_assert_cmpstr (second->at, ==, "2026-12-28T16:10:00+01:00");
    g_assert_cmpstr (second->from, ==, "signal");
    g_assert_cmpstr (second->to, ==, "active");
  }
}

static void
test_round_trip (void)
{
  g_autoptr(LuwteStore) first = fresh_store ("first.db");
  g_autoptr(LuwteStore) second = fresh_store ("second.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCase) imported = NULL;
  g_autoptr(LuwteCase) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *reexported = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *reference2 = NULL;
  gsize length = 0;

  /* Example → first → export → second → export: the two exports match. */
  data = example (&length);
  reference = luwte_exchange_import (first, card, data, length, FALSE, &error);
  g_assert_no_error (error);
  imported = luwte_store_get_case (first, reference, NULL);
  exported = luwte_exchange_export (first, imported, &error);
  g_assert_no_error (error);

  reference2 = luwte_exchange_import (second, card, exported, strlen (exported), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reference2, ==, reference);
  again = luwte_store_get_case (second, reference2, NULL);
  reexported = luwte_exchange_export (second, again, &error);
  g_assert_no_error (error);

  /* Notes and interventions name their party by its id in the file. */
  g_assert_nonnull (strstr (exported, "\"party\" : \"p2\""));
  /* The action point stays done, as of when it was done. */
  g_assert_nonnull (strstr (exported, "\"done_at\" : \"2026-12-30T18:45:00+01:00\""));
  {
    g_autoptr(GPtrArray) notes = luwte_store_list_notes (second, again, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (luwte_note_get_done_at (g_ptr_array_index (notes, 2)), ==, "2026-12-30T18:45:00+01:00");
    g_assert_null (luwte_note_get_done_at (g_ptr_array_index (notes, 1)));
  }

  /* Party ids are the store's own, so they may differ; nothing else. */
  {
    g_autoptr(GRegex) ids = g_regex_new ("\"id\" : \"p[0-9]+\"", 0, 0, NULL);
    g_autofree char *a = g_regex_replace_literal (ids, exported, -1, 0, "\"id\" : \"p\"", 0, NULL);
    g_autofree char *b = g_regex_replace_literal (ids, reexported, -1, 0, "\"id\" : \"p\"", 0, NULL);
    g_assert_cmpstr (a, ==, b);
  }
}

/* A closed case with its evaluation goes out and comes back the same. */
static void
test_round_trip_evaluation (void)
{
  g_autoptr(LuwteStore) first = fresh_store ("evaluated-first.db");
  g_autoptr(LuwteStore) second = fresh_store ("evaluated-second.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCase) kase = luwte_store_create_case (first, "Gesloten met evaluatie", NULL);
  g_autoptr(LuwteCase) again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *reexported = NULL;
  g_autofree char *reference = NULL;
  const char *card_ids[] = { "digital-community-officer", "letter-to-parents-youths", "emergency-order", "do-nothing" };
  LuwteEffect effects[] = { LUWTE_EFFECT_WORKED, LUWTE_EFFECT_PARTLY, LUWTE_EFFECT_NOT_EVALUATED, LUWTE_EFFECT_UNKNOWN };
  LuwteEffectChoice choices[G_N_ELEMENTS (card_ids)];
  LuwteCaseEvaluation evaluation = { choices, G_N_ELEMENTS (choices),
                                     "Eerder ouders betrekken.\nHet platform reageerde pas na drie dagen: \"sneller\" vragen." };

  for (guint i = 0; i < G_N_ELEMENTS (card_ids); i++)
    {
      g_autoptr(LuwteCaseIntervention) item = luwte_store_add_case_intervention (first, kase, card_ids[i], "1.0", &error);

      g_assert_no_error (error);
      choices[i].intervention_id = luwte_case_intervention_get_id (item);
      choices[i].effect = effects[i];
    }
  g_assert_true (luwte_store_close_case (first, kase, &evaluation, &error));
  g_assert_no_error (error);

  exported = luwte_exchange_export (first, kase, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, "\"effect\" : \"worked\""));
  g_assert_nonnull (strstr (exported, "\"effect\" : null"));
  g_assert_nonnull (strstr (exported, "\"lessons\" : \"Eerder ouders betrekken.\\n"));
  g_assert_nonnull (strstr (exported, "\"status\" : \"closed\""));

  reference = luwte_exchange_import (second, card, exported, strlen (exported), FALSE, &error);
  g_assert_no_error (error);
  again = luwte_store_get_case (second, reference, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_case_get_status (again), ==, LUWTE_CASE_STATUS_CLOSED);
  g_assert_cmpstr (luwte_case_get_lessons (again), ==, evaluation.lessons);
  items = luwte_store_list_case_interventions (second, again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (effects));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (luwte_case_intervention_get_effect (g_ptr_array_index (items, i)), ==, effects[i]);

  /* Field for field, apart from the store's own party ids (none here). */
  reexported = luwte_exchange_export (second, again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, reexported);

  /* An imported closed case is closed here too: read-only. */
  {
    LuwteCaseEdit edit = { .title = "Anders" };

    g_assert_false (luwte_store_update_case (second, again, &edit, &error));
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_CLOSED);
  }
}

/* The status steps of the timeline, "at text" each, oldest first */
static char *
status_steps (LuwteStore *store,
              LuwteCase  *kase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = luwte_store_list_timeline (store, kase, NULL, NULL, LUWTE_LANGUAGE_EN, &error);
  g_autoptr(GString) steps = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      LuwteTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == LUWTE_TIMELINE_STATUS)
        g_string_append_printf (steps, "%s %s\n", entry->at, entry->text);
    }
  return g_string_free (g_steal_pointer (&steps), FALSE);
}

/* A case that went signal → active → closed, was reopened and closed
 * again: its steps come back at their times, as new or not, and the
 * statistics' time from signal to close is the same. */
static void
test_round_trip_status_history (void)
{
  g_autoptr(LuwteStore) first = fresh_store ("history-first.db");
  g_autoptr(LuwteStore) second = fresh_store ("history-second.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCase) kase = luwte_store_create_case (first, "Oproep met een lange geschiedenis", NULL);
  g_autoptr(LuwteCase) again = NULL;
  g_autoptr(LuwteCase) copy = NULL;
  g_autoptr(LuwteStatistics) figures = NULL;
  g_autoptr(LuwteStatistics) figures_again = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *reexported = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *reference_copy = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *steps_again = NULL;
  g_autofree char *steps_copy = NULL;
  LuwteCaseStatus moves[] = { LUWTE_CASE_STATUS_ACTIVE, LUWTE_CASE_STATUS_CLOSED,
                              LUWTE_CASE_STATUS_ACTIVE, LUWTE_CASE_STATUS_CLOSED };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_assert_true (luwte_store_set_case_status (first, kase, moves[i], &error));
      g_assert_no_error (error);
    }
  steps = status_steps (first, kase);
  g_assert_nonnull (strstr (steps, "Case reopened: Closed → Active"));

  exported = luwte_exchange_export (first, kase, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, "\"status_history\" : ["));
  g_assert_nonnull (strstr (exported, "\"from\" : null"));

  reference = luwte_exchange_import (second, card, exported, strlen (exported), FALSE, &error);
  g_assert_no_error (error);
  again = luwte_store_get_case (second, reference, &error);
  g_assert_no_error (error);
  steps_again = status_steps (second, again);
  g_assert_cmpstr (steps_again, ==, steps);

  /* Field for field (the case has no parties, so no ids differ). */
  reexported = luwte_exchange_export (second, again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reexported, ==, exported);

  /* The statistics count from the opening to the closing, in both. */
  figures = luwte_store_get_statistics (first, card, NULL, NULL, &error);
  g_assert_no_error (error);
  figures_again = luwte_store_get_statistics (second, card, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figures->closed, ==, 1);
  g_assert_cmpint (figures_again->closed, ==, 1);
  g_assert_cmpfloat (figures_again->median_days, ==, figures->median_days);
  g_assert_cmpfloat (figures_again->mean_days, ==, figures->mean_days);

  /* As a new case: the same history; only the import is audited, not
   * the steps, which happened elsewhere. */
  reference_copy = luwte_exchange_import (second, card, exported, strlen (exported), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reference_copy, !=, reference);
  copy = luwte_store_get_case (second, reference_copy, &error);
  g_assert_no_error (error);
  steps_copy = status_steps (second, copy);
  g_assert_cmpstr (steps_copy, ==, steps);
  history = luwte_store_list_history (second, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((LuwteHistoryEntry *) g_ptr_array_index (history, 0))->action, ==, "case.import");

  /* Without a history, or with an empty one (another program, an older
   * Luwte), the case starts in its status when it was opened. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(LuwteCase) bare = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *changed = NULL;
      g_autofree char *imported = NULL;
      JsonObject *object;
      LuwteStatusChange *only;

      g_assert_true (json_parser_load_from_data (parser, exported, -1, &error));
      object = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "case");
      if (round == 0)
        json_object_remove_member (object, "status_history");
      else
        json_object_set_array_member (object, "status_history", json_array_new ());
      json_generator_set_root (generator, json_parser_get_root (parser));
      changed = json_generator_to_data (generator, NULL);
      imported = luwte_exchange_import (second, card, changed, strlen (changed), TRUE, &error);
      g_assert_no_error (error);
      bare = luwte_store_get_case (second, imported, &error);
      changes = luwte_store_list_status_changes (second, bare, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, ==, 1);
      only = g_ptr_array_index (changes, 0);
      g_assert_cmpstr (only->at, ==, luwte_case_get_opened_at (kase));
      g_assert_null (only->from);
      g_assert_cmpstr (only->to, ==, "closed");
    }
}

typedef struct {
  const char *name;
  const char *history;     /* the value of "status_history" */
  const char *closed_at;   /* NULL: the example's open case; else it was closed then */
  const char *expected;
} HostileHistory;

static void
test_hostile_status_history (void)
{
#define SIGNAL_AT "\"at\": \"2026-12-28T15:05:00+01:00\", "
#define ACTIVE_AT "\"at\": \"2026-12-28T16:10:00+01:00\", "
  static const HostileHistory cases[] = {
    { "not an array", "{\"to\": \"active\"}", NULL, "$.case.status_history: must be an array" },
    { "a step not an object", "[\"active\"]", NULL, "$.case.status_history[0]: must be an object" },
    { "wrong order",
      "[{\"at\": \"2026-12-28T17:00:00+01:00\", \"from\": null, \"to\": \"signal\"},"
      " {" ACTIVE_AT "\"from\": \"signal\", \"to\": \"active\"}]", NULL,
      "$.case.status_history[1].at: is earlier than the step before" },
    { "before the opening",
      "[{\"at\": \"2026-12-28T15:00:00+01:00\", \"from\": null, \"to\": \"active\"}]", NULL,
      "$.case.status_history[0].at: is before the case was opened" },
    { "unknown status",
      "[{" SIGNAL_AT "\"from\": null, \"to\": \"signal\"}, {" ACTIVE_AT "\"from\": \"signal\", \"to\": \"open\"}]", NULL,
      "$.case.status_history[1].to: unknown status “open”" },
    { "unknown status left",
      "[{" SIGNAL_AT "\"from\": \"draft\", \"to\": \"active\"}]", NULL,
      "$.case.status_history[0].from: unknown status “draft”" },
    { "bad time",
      "[{\"at\": \"gisteren\", \"from\": null, \"to\": \"active\"}]", NULL,
      "$.case.status_history[0].at: “gisteren” is not a time" },
    { "time without offset",
      "[{\"at\": \"2026-12-28T15:05:00\", \"from\": null, \"to\": \"active\"}]", NULL,
      "$.case.status_history[0].at: “2026-12-28T15:05:00” is not a time" },
    { "missing time", "[{\"from\": null, \"to\": \"active\"}]", NULL,
      "$.case.status_history[0]: “at” is missing" },
    { "missing from", "[{" SIGNAL_AT "\"to\": \"active\"}]", NULL,
      "$.case.status_history[0]: “from” is missing" },
    { "to a number", "[{" SIGNAL_AT "\"from\": null, \"to\": 2}]", NULL,
      "$.case.status_history[0].to: must be a string" },
    { "last step not the case's status",
      "[{" SIGNAL_AT "\"from\": null, \"to\": \"signal\"}, {" ACTIVE_AT "\"from\": \"signal\", \"to\": \"monitoring\"}]", NULL,
      "$.case.status_history[1].to: the last step must end in the case’s status “active”, not “monitoring”" },
    { "from null in the middle",
      "[{" SIGNAL_AT "\"from\": null, \"to\": \"signal\"}, {" ACTIVE_AT "\"from\": null, \"to\": \"active\"}]", NULL,
      "$.case.status_history[1].from: only the first step may start from null" },
    { "a step from where the case was not",
      "[{" SIGNAL_AT "\"from\": null, \"to\": \"signal\"}, {" ACTIVE_AT "\"from\": \"monitoring\", \"to\": \"active\"}]", NULL,
      "$.case.status_history[1].from: must be “signal”" },
    { "closed at another time than closed_at",
      "[{" SIGNAL_AT "\"from\": null, \"to\": \"signal\"}, {" ACTIVE_AT "\"from\": \"signal\", \"to\": \"closed\"}]",
      "2026-12-29T10:00:00+01:00",
      "$.case.status_history[1].at: the step that closed the case must be at its “closed_at”" },
  };
#undef SIGNAL_AT
#undef ACTIVE_AT
  g_autoptr(LuwteStore) store = fresh_store ("hostile-history.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GString) many = g_string_new ("[");
  g_autofree char *original = NULL;
  g_autofree char *before = NULL;
  gsize length = 0;

  original = example (&length);
  before = fingerprint (store);
  for (guint i = 0; i <= 10000; i++)
    g_string_append_printf (many, "%s{" "\"at\": \"2026-12-28T15:05:00+01:00\", \"from\": null, \"to\": \"active\"}",
                            i > 0 ? "," : "");
  g_string_append (many, "]");

  for (guint i = 0; i <= G_N_ELEMENTS (cases); i++)
    {
      const HostileHistory too_many = { "too many steps", many->str, NULL, "$.case.status_history: has more than 10000 steps" };
      const HostileHistory *hostile = i < G_N_ELEMENTS (cases) ? &cases[i] : &too_many;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonParser) history = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *reference = NULL;
      g_autofree char *after = NULL;
      JsonObject *object;

      g_assert_true (json_parser_load_from_data (parser, original, (gssize) length, NULL));
      g_assert_true (json_parser_load_from_data (history, hostile->history, -1, NULL));
      object = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "case");
      json_object_set_member (object, "status_history", json_node_copy (json_parser_get_root (history)));
      if (hostile->closed_at != NULL)
        {
          json_object_set_string_member (object, "status", "closed");
          json_object_set_string_member (object, "closed_at", hostile->closed_at);
        }
      json_generator_set_root (generator, json_parser_get_root (parser));
      data = json_generator_to_data (generator, NULL);

      reference = luwte_exchange_import (store, card, data, strlen (data), FALSE, &error);
      g_test_message ("%s: %s", hostile->name, error != NULL ? error->message : "(imported!)");
      g_assert_null (reference);
      g_assert_nonnull (error);
      g_assert_error (error, LUWTE_EXCHANGE_ERROR, LUWTE_EXCHANGE_ERROR_INVALID);
      g_assert_null (strchr (error->message, '\n'));
      if (!g_str_has_prefix (error->message, hostile->expected))
        g_error ("%s: “%s” does not begin with “%s”", hostile->name, error->message, hostile->expected);

      after = fingerprint (store);
      g_assert_cmpstr (before, ==, after);
    }

  /* The same file with the example's own history imports. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *reference = luwte_exchange_import (store, card, original, length, FALSE, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reference);
  }
}

static void
test_as_new (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("as-new.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length = 0;

  data = example (&length);
  first = luwte_exchange_import (store, card, data, length, FALSE, &error);
  g_assert_no_error (error);

  before = fingerprint (store);
  g_assert_null (luwte_exchange_import (store, card, data, length, FALSE, &error));
  g_assert_error (error, LUWTE_EXCHANGE_ERROR, LUWTE_EXCHANGE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "OOV-2026-0042"));
  g_clear_error (&error);
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);

  second = luwte_exchange_import (store, card, data, length, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, first);
}

typedef struct {
  const char *name;
  const char *from;    /* text in the example to replace… */
  const char *to;      /* …with this; NULL: use data as the whole file */
  const char *data;
  const char *expected;
} Hostile;

static void
test_hostile_files (void)
{
  static const Hostile cases[] = {
    { "not JSON", NULL, NULL, "this is not json", "not valid JSON" },
    { "truncated", "\"letters\": []", "\"letters\": [", NULL, "not valid JSON" },
    { "empty", NULL, NULL, "", "empty" },
    { "newer version", "\"version\": 1", "\"version\": 2", NULL, "newer" },
    { "wrong format", "\"luwte-case\"", "\"luwte-card\"", NULL, "format" },
    { "missing title", "\"title\": \"Snapchat", "\"titel\": \"Snapchat", NULL, "$.case: “title” is missing" },
    { "title a number", "\"title\": \"Snapchat-oproep tot vuurwerkrellen op oudejaarsavond, Zuidwijk\"", "\"title\": 42", NULL, "$.case.title: must be a string" },
    { "unknown status", "\"status\": \"active\"", "\"status\": \"open\"", NULL, "unknown status “open”" },
    { "unknown intervention status", "\"status\": \"planned\"", "\"status\": \"busy\"", NULL, "$.case.interventions[1]" },
    { "unknown kind", "\"kind\": \"decision\"", "\"kind\": \"rumour\"", NULL, "$.case.notes[1]" },
    { "unknown role", "\"role\": \"parent\"", "\"role\": \"uncle\"", NULL, "$.case.parties[3]" },
    { "unknown party", "\"party\": \"p3\"", "\"party\": \"p9\"", NULL, "party “p9”" },
    { "duplicate party id", "\"id\": \"p4\"", "\"id\": \"p1\"", NULL, "used twice" },
    { "card id not on the card", "\"emergency-order\"", "\"martial-law\"", NULL, "no intervention “martial-law”" },
    { "bad timestamp", "\"2026-12-28T16:00:00+01:00\"", "\"gisteren\"", NULL, "$.case.notes[0].at" },
    { "timestamp without offset", "\"2026-12-28T16:00:00+01:00\"", "\"2026-12-28T16:00:00\"", NULL, "offset" },
    { "escaped NUL", "Alle namen", "Alle\\u0000namen", NULL, "NUL" },
    { "evidence without capture time", "\"captured_at\": \"2026-12-28T15:00:00+01:00\"", "\"captured\": \"2026-12-28T15:00:00+01:00\"", NULL, "“captured_at” is missing" },
    { "evidence with a bad hash", "\"sha256\": \"", "\"sha256\": \"XYZ", NULL, "64 lowercase" },
    { "unknown takedown state", "\"takedown\": \"requested\"", "\"takedown\": \"maybe\"", NULL, "takedown state" },
    { "case not an object", "\"case\": {", "\"case\": 7, \"other\": {", NULL, "$.case: must be an object" },
    { "unknown effect", "\"effect\": null }", "\"effect\": \"great\" }", NULL, "$.case.interventions[0].effect: unknown effect “great”" },
    { "effect a number", "\"effect\": null }", "\"effect\": 1 }", NULL, "$.case.interventions[0].effect: must be a string" },
    { "effect in words", "\"effect\": null }", "\"effect\": \"Worked\" }", NULL, "unknown effect" },
    { "bad done_at", "\"done_at\": \"2026-12-30T18:45:00+01:00\"", "\"done_at\": \"gisteren\"", NULL,
      "$.case.notes[2].done_at: “gisteren” is not a time" },
    { "done_at a number", "\"done_at\": \"2026-12-30T18:45:00+01:00\"", "\"done_at\": 1", NULL,
      "$.case.notes[2].done_at: must be a string" },
    { "done_at on a decision", "\"kind\": \"decision\"", "\"kind\": \"decision\", \"done_at\": \"2026-12-29T10:00:00+01:00\"", NULL,
      "$.case.notes[1].done_at: only an action point can be done" },
    { "lessons a list", "\"lessons\": \"\"", "\"lessons\": [\"a\"]", NULL, "$.case.lessons: must be a string" },
    { "unknown letter status", "\"letters\": []",
      "\"letters\": [{\"template\": \"parents-letter\", \"language\": \"nl\", \"status\": \"posted\"}]", NULL,
      "$.case.letters[0]: unknown letter status “posted”" },
    { "letter PDF not its hash", "\"letters\": []",
      "\"letters\": [{\"template\": \"parents-letter\", \"language\": \"nl\", \"status\": \"final\","
      " \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\","
      " \"pdf\": \"JVBERi0xLjUgdGVzdA==\"}]", NULL, "does not match" },
    { "letter about a message not in the file", "\"letters\": []",
      "\"letters\": [{\"template\": \"ntd-platform\", \"language\": \"nl\", \"status\": \"draft\", \"messages\": [99]}]",
      NULL, "places in “evidence”" },
    { "letter input that is no input", "\"letters\": []",
      "\"letters\": [{\"template\": \"ntd-platform\", \"language\": \"nl\", \"status\": \"draft\","
      " \"inputs\": {\"zaak.kenmerk\": \"OOV-1\"}}]", NULL, "not a field of a letter" },
  };
  g_autoptr(LuwteStore) store = fresh_store ("hostile.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autofree char *original = NULL;
  g_autofree char *before = NULL;
  gsize length = 0;

  original = example (&length);
  before = fingerprint (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree char *reference = NULL;
      g_autofree char *after = NULL;

      if (cases[i].from != NULL)
        {
          g_autoptr(GString) edited = g_string_new (original);

          g_assert_nonnull (strstr (original, cases[i].from));
          g_string_replace (edited, cases[i].from, cases[i].to, 1);
          data = g_string_free (g_steal_pointer (&edited), FALSE);
        }
      else
        data = g_strdup (cases[i].data);

      reference = luwte_exchange_import (store, card, data, strlen (data), FALSE, &error);
      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "(imported!)");
      g_assert_null (reference);
      g_assert_nonnull (error);
      g_assert_null (strchr (error->message, '\n'));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (cases[i].expected != NULL && strstr (error->message, cases[i].expected) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].name, error->message, cases[i].expected);

      after = fingerprint (store);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_hostile_bytes (void)
{
  g_autoptr(LuwteStore) store = fresh_store ("bytes.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autofree char *before = fingerprint (store);
  g_autofree char *after = NULL;
  const char nul[] = "{\"format\": \"luwte-case\"\0, \"version\": 1}";
  const char bad_utf8[] = "{\"format\": \"luwte-case\", \"version\": 1, \"case\": {\"title\": \"\xff\xfe\"}}";
  gsize deep = 200000;
  gsize big = 20 * 1024 * 1024;
  g_autofree char *nested = g_malloc (2 * deep);
  g_autofree char *huge = g_malloc (big + 1);
  struct { const char *data; gsize length; const char *expected; } cases[] = {
    { nul, sizeof nul - 1, "NUL" },
    { bad_utf8, sizeof bad_utf8 - 1, "UTF-8" },
    { nested, 2 * deep, "nested" },
    { huge, big, "too large" },
  };

  memset (nested, '[', deep);
  memset (nested + deep, ']', deep);
  /* A string of tens of megabytes. */
  memset (huge, 'a', big);
  memcpy (huge, "{\"format\": \"luwte-case\", \"x\": \"", 31);
  memcpy (huge + big - 2, "\"}", 2);
  huge[big] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *reference = luwte_exchange_import (store, card, cases[i].data, cases[i].length, FALSE, &error);

      g_assert_null (reference);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);
}

/* Letters travel with their case: text, facts, messages, and the PDF
 * that was sent, which must still match its hash. */
static void
test_round_trip_letters (void)
{
  g_autoptr(LuwteStore) first = fresh_store ("letters-first.db");
  g_autoptr(LuwteStore) second = fresh_store ("letters-second.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(LuwteLetter) letter = NULL;
  g_autoptr(LuwteLetter) version = NULL;
  g_autoptr(LuwteCase) again = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GHashTable) inputs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5 brief", 14);
  g_autoptr(GBytes) pdf_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *reexported = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  LuwteLetterEdit edit = { .subject = "Melding", .body = "Geachte heer, mevrouw, {{niet}} <b>&</b>" };
  LuwteCase *kase;
  LuwteParty *platform;
  g_autofree char *recipient = NULL;
  gint64 message;

  g_assert_true (luwte_demo_add_cases (first, card, 1, 5, &error));
  cases = luwte_store_list_cases (first, NULL, 0, 1, &error);
  kase = g_ptr_array_index (cases, 0);
  /* Letters are written in an open case. */
  if (luwte_case_get_status (kase) == LUWTE_CASE_STATUS_CLOSED)
    g_assert_true (luwte_store_set_case_status (first, kase, LUWTE_CASE_STATUS_ACTIVE, &error));
  messages = luwte_store_list_evidence (first, kase, &error);
  message = luwte_evidence_get_id (g_ptr_array_index (messages, messages->len - 1));
  g_array_append_val (chosen, message);
  g_hash_table_insert (inputs, "brief.uitleg", "Oproep tot geweld.");
  edit.inputs = inputs;
  edit.evidence_ids = chosen;
  platform = luwte_party_new (LUWTE_ROLE_PLATFORM, "Trust & Safety", "Verzonnen Platform", "");
  g_assert_true (luwte_store_add_party (first, kase, platform, &error));
  letter = luwte_store_add_letter (first, kase, "ntd-platform", LUWTE_LANGUAGE_NL, luwte_party_get_id (platform), &error);
  g_object_unref (platform);
  g_assert_no_error (error);
  g_assert_true (luwte_store_update_letter (first, kase, letter, &edit, &error));
  g_assert_true (luwte_store_finalise_letter (first, kase, letter, pdf, &error));
  g_assert_cmpstr (luwte_letter_get_recipient (letter), ==, "Trust & Safety (Verzonnen Platform)");
  g_assert_true (luwte_store_mark_letter_sent (first, kase, letter, "2026-11-30T10:00:00+01:00", "e-mail", NULL, &error));
  version = luwte_store_new_letter_version (first, kase, letter, &error);
  g_assert_no_error (error);

  exported = luwte_exchange_export (first, kase, &error);
  g_assert_no_error (error);
  reference = luwte_exchange_import (second, card, exported, strlen (exported), FALSE, &error);
  g_assert_no_error (error);
  again = luwte_store_get_case (second, reference, &error);
  reexported = luwte_exchange_export (second, again, &error);
  g_assert_no_error (error);
  {
    /* Party ids are each store's own; nothing else may differ. */
    g_autoptr(GRegex) ids = g_regex_new ("\"(id|party|youth)\" : \"p[0-9]+\"", 0, 0, NULL);
    g_autofree char *a = g_regex_replace_literal (ids, exported, -1, 0, "\"p\"", 0, NULL);
    g_autofree char *b = g_regex_replace_literal (ids, reexported, -1, 0, "\"p\"", 0, NULL);
    g_assert_cmpstr (a, ==, b);
  }

  letters = luwte_store_list_letters (second, again, &error);
  g_assert_cmpuint (letters->len, ==, 2);
  g_assert_cmpint (luwte_letter_get_status (g_ptr_array_index (letters, 0)), ==, LUWTE_LETTER_SENT);
  g_assert_cmpint (luwte_letter_get_previous_id (g_ptr_array_index (letters, 1)), ==,
                   luwte_letter_get_id (g_ptr_array_index (letters, 0)));
  g_assert_cmpuint (luwte_letter_get_evidence_ids (g_ptr_array_index (letters, 0))->len, ==, 1);
  pdf_again = luwte_store_get_letter_pdf (second, g_ptr_array_index (letters, 0), &error);
  g_assert_true (g_bytes_equal (pdf, pdf_again));
  /* Whom the letter went to, as it was then; a draft has none yet. */
  g_assert_cmpstr (luwte_letter_get_recipient (g_ptr_array_index (letters, 0)), ==, "Trust & Safety (Verzonnen Platform)");
  g_assert_cmpstr (luwte_letter_get_recipient (g_ptr_array_index (letters, 1)), ==, "");

  /* A file that gives another recipient keeps it; one without the key
   * (from another program) takes the party's name; a recipient that is
   * not a string is refused, naming where. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *sent;

    g_assert_true (json_parser_load_from_data (parser, exported, -1, &error));
    sent = json_array_get_object_element (json_object_get_array_member (
             json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "case"), "letters"), 0);
    for (guint round = 0; round < 3; round++)
      {
        g_autoptr(JsonGenerator) generator = json_generator_new ();
        g_autofree char *changed = NULL;
        g_autofree char *imported = NULL;
        g_autoptr(LuwteCase) copy = NULL;
        g_autoptr(GPtrArray) copied = NULL;

        if (round == 0)
          json_object_set_string_member (sent, "recipient", "Iemand uit het bestand");
        else if (round == 1)
          json_object_remove_member (sent, "recipient");
        else
          json_object_set_int_member (sent, "recipient", 7);
        json_generator_set_root (generator, json_parser_get_root (parser));
        changed = json_generator_to_data (generator, NULL);
        imported = luwte_exchange_import (second, card, changed, strlen (changed), TRUE, &error);
        if (round == 2)
          {
            g_assert_null (imported);
            g_assert_nonnull (error);
            g_assert_nonnull (strstr (error->message, "recipient"));
            g_clear_error (&error);
            continue;
          }
        g_assert_no_error (error);
        copy = luwte_store_get_case (second, imported, &error);
        copied = luwte_store_list_letters (second, copy, &error);
        g_assert_no_error (error);
        recipient = g_strdup (luwte_letter_get_recipient (g_ptr_array_index (copied, 0)));
        g_assert_cmpstr (recipient, ==, round == 0 ? "Iemand uit het bestand" : "Trust & Safety (Verzonnen Platform)");
        g_clear_pointer (&recipient, g_free);
      }
  }

  /* The young person a letter names travels as a party reference: the
   * second of the case's young people stays the second; null is none; a
   * file without the key names the first, as letters did then; a
   * reference to a party the file does not have, or to one that is no
   * young person (the platform the letter went to), is refused. */
  {
    g_autoptr(GPtrArray) first_parties = luwte_store_list_parties (first, kase, &error);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *second_youth = NULL;
    g_autofree char *first_youth = NULL;
    JsonObject *sent;

    for (guint i = 0; i < first_parties->len; i++)
      if (luwte_party_get_role (g_ptr_array_index (first_parties, i)) == LUWTE_ROLE_YOUTH)
        {
          char **slot = first_youth == NULL ? &first_youth : &second_youth;

          if (*slot == NULL)
            *slot = g_strdup (luwte_party_get_name (g_ptr_array_index (first_parties, i)));
        }
    g_assert_nonnull (first_youth);
    if (second_youth == NULL)
      {
        g_autoptr(LuwteParty) other = luwte_party_new (LUWTE_ROLE_YOUTH, "Noor Tweede", "", "");

        g_assert_true (luwte_store_add_party (first, kase, other, &error));
        second_youth = g_strdup ("Noor Tweede");
      }
    g_clear_pointer (&parties, g_ptr_array_unref);
    parties = luwte_store_list_parties (first, kase, &error);
    g_clear_pointer (&exported, g_free);
    exported = luwte_exchange_export (first, kase, &error);
    g_assert_no_error (error);
    g_assert_true (json_parser_load_from_data (parser, exported, -1, &error));
    sent = json_array_get_object_element (json_object_get_array_member (
             json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "case"), "letters"), 0);
    g_assert_true (json_object_has_member (sent, "youth"));
    for (guint i = 0; i < parties->len; i++)
      if (g_str_equal (luwte_party_get_name (g_ptr_array_index (parties, i)), second_youth))
        {
          g_autofree char *ref = g_strdup_printf ("p%" G_GINT64_FORMAT, luwte_party_get_id (g_ptr_array_index (parties, i)));

          json_object_set_string_member (sent, "youth", ref);
        }
    for (guint round = 0; round < 5; round++)
      {
        g_autoptr(JsonGenerator) generator = json_generator_new ();
        g_autofree char *changed = NULL;
        g_autofree char *imported = NULL;
        g_autoptr(LuwteCase) copy = NULL;
        g_autoptr(GPtrArray) copied = NULL;
        g_autoptr(GPtrArray) copied_parties = NULL;
        const char *named = NULL;
        gint64 youth_id;

        if (round == 1)
          json_object_set_null_member (sent, "youth");
        else if (round == 2)
          json_object_remove_member (sent, "youth");
        else if (round == 3)
          json_object_set_string_member (sent, "youth", "p999999");
        else if (round == 4)
          json_object_set_string_member (sent, "youth", json_object_get_string_member (sent, "party"));
        json_generator_set_root (generator, json_parser_get_root (parser));
        changed = json_generator_to_data (generator, NULL);
        imported = luwte_exchange_import (second, card, changed, strlen (changed), TRUE, &error);
        if (round >= 3)
          {
            g_assert_null (imported);
            g_assert_nonnull (error);
            g_assert_nonnull (strstr (error->message, "youth"));
            g_clear_error (&error);
            continue;
          }
        g_assert_no_error (error);
        copy = luwte_store_get_case (second, imported, &error);
        copied = luwte_store_list_letters (second, copy, &error);
        copied_parties = luwte_store_list_parties (second, copy, &error);
        g_assert_no_error (error);
        youth_id = luwte_letter_get_youth_id (g_ptr_array_index (copied, 0));
        for (guint i = 0; i < copied_parties->len; i++)
          if (luwte_party_get_id (g_ptr_array_index (copied_parties, i)) == youth_id)
            named = luwte_party_get_name (g_ptr_array_index (copied_parties, i));
        if (round == 1)
          g_assert_cmpint (youth_id, ==, 0);
        else
          g_assert_cmpstr (named, ==, round == 0 ? second_youth : first_youth);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/exchange/example-imports", test_example_imports);
  g_test_add_func ("/exchange/round-trip", test_round_trip);
  g_test_add_func ("/exchange/round-trip-evaluation", test_round_trip_evaluation);
  g_test_add_func ("/exchange/round-trip-letters", test_round_trip_letters);
  g_test_add_func ("/exchange/round-trip-status-history", test_round_trip_status_history);
  g_test_add_func ("/exchange/as-new", test_as_new);
  g_test_add_func ("/exchange/hostile-files", test_hostile_files);
  g_test_add_func ("/exchange/hostile-status-history", test_hostile_status_history);
  g_test_add_func ("/exchange/hostile-bytes", test_hostile_bytes);

  return g_test_run ();
}
