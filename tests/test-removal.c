/* test-removal.c — deleting anything, and Undo putting it back exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-case-intervention.h"
#include "luwte-demo.h"
#include "luwte-evidence.h"
#include "luwte-exchange.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-removal.h"
#include "luwte-store.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

static LuwteStore *
open_fresh (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tests", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  LuwteStore *store;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_unlink (path);
  g_unlink (wal);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static gint64
count (LuwteStore *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (luwte_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static LuwteCase *
first_case (LuwteStore *store)
{
  g_autoptr(GPtrArray) cases = luwte_store_list_cases (store, NULL, 0, 1, NULL);

  g_assert_nonnull (cases);
  g_assert_cmpuint (cases->len, ==, 1);
  return g_object_ref (g_ptr_array_index (cases, 0));
}

/* A whole demo case (parties, notes, interventions, messages, history)
 * goes and comes back field for field, as its export shows. */
static void
test_case_comes_back_whole (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("removal-case.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(LuwteCase) back = NULL;
  g_autoptr(LuwteCase) other = NULL;
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reference = NULL;
  gint64 rows_before;

  g_assert_nonnull (card);
  g_assert_true (luwte_demo_add_cases (store, card, 1, 7, &error));
  g_assert_no_error (error);
  kase = first_case (store);
  reference = g_strdup (luwte_case_get_reference (kase));
  before = luwte_exchange_export (store, kase, &error);
  g_assert_no_error (error);
  rows_before = count (store, "SELECT (SELECT count (*) FROM notes) + (SELECT count (*) FROM parties)"
                              " + (SELECT count (*) FROM case_interventions) + (SELECT count (*) FROM evidence)"
                              " + (SELECT count (*) FROM status_changes)");
  g_assert_cmpint (rows_before, >, 5);

  removal = luwte_store_remove (store, LUWTE_REMOVAL_CASE, kase, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_removal_get_kind (removal), ==, LUWTE_REMOVAL_CASE);
  g_assert_cmpstr (luwte_removal_get_case_ref (removal), ==, reference);
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 0);
  g_assert_null (luwte_store_get_case (store, reference, &error));
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT count (*) FROM notes"), ==, 0);

  /* A new case meanwhile takes the freed id, but never the reference. */
  other = luwte_store_create_case (store, "Nieuw", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_reference (other), !=, reference);

  g_assert_true (luwte_store_undo_removal (store, removal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 2);
  back = luwte_store_get_case (store, reference, &error);
  g_assert_no_error (error);
  after = luwte_exchange_export (store, back, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (store, "SELECT (SELECT count (*) FROM notes) + (SELECT count (*) FROM parties)"
                                 " + (SELECT count (*) FROM case_interventions) + (SELECT count (*) FROM evidence)"
                                 " + (SELECT count (*) FROM status_changes)"), ==, rows_before + 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM audit WHERE action IN ('case.remove', 'case.restore')"), ==, 2);

  /* A second undo changes nothing. */
  g_assert_true (luwte_store_undo_removal (store, removal, &error));
  g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 2);
  g_assert_cmpint (count (store, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_note_intervention_evidence (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("removal-items.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Feest", NULL);
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_AGREEMENT, .text = "Politie rijdt extra rondes" };
  LuwteNoteNew later = { .kind = LUWTE_NOTE_KIND_INFORMATION, .text = "Later" };
  LuwteEvidenceNew message = { .url = "https://example.invalid/p/1", .platform = "TikTok" };
  g_autoptr(LuwteNote) note = luwte_store_add_note (store, kase, &entry, NULL);
  g_autoptr(LuwteNote) replacement = NULL;
  g_autoptr(LuwteCaseIntervention) chosen = luwte_store_add_case_intervention (store, kase, "restraint", "1", NULL);
  g_autoptr(LuwteEvidence) evidence = luwte_store_add_evidence (store, kase, &message, NULL, NULL);
  g_autoptr(LuwteRemoval) removed_note = NULL;
  g_autoptr(LuwteRemoval) removed_chosen = NULL;
  g_autoptr(LuwteRemoval) removed_evidence = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 note_id;

  g_assert_nonnull (note);
  g_assert_nonnull (chosen);
  g_assert_nonnull (evidence);
  note_id = luwte_note_get_id (note);

  removed_note = luwte_store_remove (store, LUWTE_REMOVAL_NOTE, kase, note_id, &error);
  g_assert_no_error (error);
  removed_chosen = luwte_store_remove (store, LUWTE_REMOVAL_INTERVENTION, kase, luwte_case_intervention_get_id (chosen), &error);
  g_assert_no_error (error);
  removed_evidence = luwte_store_remove (store, LUWTE_REMOVAL_EVIDENCE, kase, luwte_evidence_get_id (evidence), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT (SELECT count (*) FROM notes) + (SELECT count (*) FROM case_interventions)"
                                 " + (SELECT count (*) FROM evidence)"), ==, 0);

  /* Removing what is gone already says so and changes nothing. */
  g_assert_null (luwte_store_remove (store, LUWTE_REMOVAL_NOTE, kase, note_id, &error));
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The next note takes the freed id; the undone one comes back beside it. */
  replacement = luwte_store_add_note (store, kase, &later, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_note_get_id (replacement), ==, note_id);
  g_assert_true (luwte_store_undo_removal (store, removed_note, &error));
  g_assert_no_error (error);
  notes = luwte_store_list_notes (store, kase, &error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpint (count (store, "SELECT count (*) FROM notes WHERE text = 'Politie rijdt extra rondes'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM notes WHERE text = 'Later'"), ==, 1);

  g_assert_true (luwte_store_undo_removal (store, removed_chosen, &error));
  g_assert_true (luwte_store_undo_removal (store, removed_evidence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count (*) FROM case_interventions WHERE card_id = 'restraint'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM evidence WHERE url = 'https://example.invalid/p/1'"), ==, 1);

  /* An item of one case cannot be removed through another. */
  {
    g_autoptr(LuwteCase) other = luwte_store_create_case (store, "Ander", NULL);

    g_assert_null (luwte_store_remove (store, LUWTE_REMOVAL_NOTE, other, note_id, &error));
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND);
  }
}

/* Notes and interventions that named a removed party name it again after
 * Undo. */
static void
test_party_links_come_back (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("removal-party.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Feest", NULL);
  g_autoptr(LuwteParty) police = luwte_party_new (LUWTE_ROLE_POLICE, "Wijkagent", "Politie", "");
  g_autoptr(LuwteNote) note = NULL;
  g_autoptr(LuwteCaseIntervention) chosen = NULL;
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) chosen_list = NULL;
  g_autoptr(GError) error = NULL;
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_AGREEMENT, .party = "Wijkagent", .text = "Extra rondes" };
  LuwteCaseInterventionEdit edit = { 0 };
  gint64 party_id;

  g_assert_true (luwte_store_add_party (store, kase, police, &error));
  party_id = luwte_party_get_id (police);
  entry.party_id = party_id;
  note = luwte_store_add_note (store, kase, &entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_note_get_party_id (note), ==, party_id);
  chosen = luwte_store_add_case_intervention (store, kase, "digital-community-officer", "1", &error);
  edit.party_id = &party_id;
  g_assert_true (luwte_store_update_case_intervention (store, kase, chosen, &edit, &error));
  g_assert_no_error (error);

  removal = luwte_store_remove (store, LUWTE_REMOVAL_PARTY, kase, party_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count (*) FROM notes WHERE party_id IS NULL"), ==, 1);
  g_assert_true (luwte_store_undo_removal (store, removal, &error));
  g_assert_no_error (error);

  notes = luwte_store_list_notes (store, kase, &error);
  g_assert_cmpint (luwte_note_get_party_id (g_ptr_array_index (notes, 0)), ==, party_id);
  chosen_list = luwte_store_list_case_interventions (store, kase, &error);
  g_assert_cmpint (luwte_case_intervention_get_party_id (g_ptr_array_index (chosen_list, 0)), ==, party_id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/removal/case-comes-back-whole", test_case_comes_back_whole);
  g_test_add_func ("/removal/note-intervention-evidence", test_note_intervention_evidence);
  g_test_add_func ("/removal/party-links-come-back", test_party_links_come_back);

  return g_test_run ();
}
