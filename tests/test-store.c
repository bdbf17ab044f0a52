#define _GNU_SOURCE
/* test-store.c — the case database: files, modes, migrations, refusals,
 * cases, status history and the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-case.h"
#include "luwte-case-list.h"
#include "luwte-case-intervention.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-removal.h"
#include "luwte-history.h"
#include "luwte-timeline.h"
#include "luwte-evidence.h"
#include "luwte-letter.h"
#include "luwte-profile.h"
#include "luwte-evaluation.h"
#include "luwte-search.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include "luwte-store.h"
#include "luwte-store-schema.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

static char *
temp_db_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tests", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
query_text (LuwteStore *store,
            const char *sql)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_default_location_and_modes (void)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "luwte", "luwte.db", NULL);
  g_autofree char *dir = g_path_get_dirname (expected);
  g_autofree char *mode = NULL;
  GStatBuf st;

  g_unsetenv ("LUWTE_DB");
  store = luwte_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_store_get_path (store), ==, expected);

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (expected, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);
  mode = query_text (store, "PRAGMA foreign_keys");
  g_assert_cmpstr (mode, ==, "1");
  g_assert_cmpint (luwte_store_get_schema_version (store), ==, luwte_store_get_latest_schema_version ());
}

static void
test_env_points_elsewhere (void)
{
  g_autofree char *path = temp_db_path ("from-env.db");
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("LUWTE_DB", path, TRUE);
  store = luwte_store_open (NULL, &error);
  g_unsetenv ("LUWTE_DB");
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_store_get_path (store), ==, path);
}

static void
test_newer_database_refused_untouched (void)
{
  g_autofree char *path = temp_db_path ("newer.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteStore) store = NULL;
  gsize before_len = 0;
  gsize after_len = 0;

  exec_raw (path, "CREATE TABLE future (x); PRAGMA user_version = 999;");
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = luwte_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Luwte"));
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = temp_db_path ("garbage.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteStore) store = NULL;
  g_autofree char *garbage = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  store = luwte_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "not a Luwte case database"));
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_migration_keeps_data (void)
{
  g_autofree char *path = temp_db_path ("version1.db");
  g_autofree char *setup = g_strdup_printf ("%s PRAGMA user_version = 1;"
                                            "INSERT INTO cases (reference, ref_prefix, ref_year, ref_number, title, status, opened_at, updated_at)"
                                            " VALUES ('OOV-2025-0007', 'OOV', 2025, 7, 'Oud-en-nieuw Zuidwijk', 'active',"
                                            " '2025-12-30T16:00:00+01:00', '2025-12-30T16:00:00+01:00');"
                                            "INSERT INTO case_platforms VALUES (1, 0, 'Snapchat');",
                                            luwte_store_schema_step (1));
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  exec_raw (path, setup);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_store_get_schema_version (store), ==, luwte_store_get_latest_schema_version ());

  kase = luwte_store_get_case (store, "OOV-2025-0007", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_title (kase), ==, "Oud-en-nieuw Zuidwijk");
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_ACTIVE);
  g_assert_cmpstr (luwte_case_get_platforms (kase)[0], ==, "Snapchat");
  /* The counts kept by triggers start from the rows already there. */
  {
    LuwteCaseStatus active = LUWTE_CASE_STATUS_ACTIVE;
    g_assert_cmpint (luwte_store_count_cases (store, NULL, NULL), ==, 1);
    g_assert_cmpint (luwte_store_count_cases (store, &active, NULL), ==, 1);
  }
  /* The new tables of the later steps work on the old data. */
  g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_MONITORING, &error));
  g_assert_no_error (error);
}

/* A database at the version before action points could be done keeps its
 * log, and its action points start open. */
static void
test_migration_to_done_actions (void)
{
  g_autofree char *path = temp_db_path ("version12.db");
  GString *setup = g_string_new (NULL);
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  int previous = 12;

  g_remove (path);
  for (int step = 1; step <= previous; step++)
    g_string_append (setup, luwte_store_schema_step (step));
  g_string_append_printf (setup,
                          "PRAGMA user_version = %d;"
                          "INSERT INTO cases (reference, ref_prefix, ref_year, ref_number, title, status, opened_at, updated_at)"
                          " VALUES ('OOV-2026-0012', 'OOV', 2026, 12, 'Oproep Stationsplein', 'active',"
                          " '2026-03-02T10:00:00+01:00', '2026-03-02T10:00:00+01:00');"
                          "INSERT INTO notes (case_id, at, kind, party, text, action_by, action_due, created_at)"
                          " VALUES (1, '2026-03-02T11:00:00+01:00', 'action', 'Politie', 'Jongerenwerk belt de ouders',"
                          " 'Jongerenwerk', '2026-03-03T12:00:00+01:00', '2026-03-02T11:00:00+01:00');",
                          previous);
  sql = g_string_free (setup, FALSE);
  exec_raw (path, sql);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_store_get_schema_version (store), ==, luwte_store_get_latest_schema_version ());

  kase = luwte_store_get_case (store, "OOV-2026-0012", &error);
  g_assert_no_error (error);
  notes = luwte_store_list_notes (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (luwte_note_get_text (g_ptr_array_index (notes, 0)), ==, "Jongerenwerk belt de ouders");
  g_assert_cmpstr (luwte_note_get_action_due (g_ptr_array_index (notes, 0)), ==, "2026-03-03T12:00:00+01:00");
  g_assert_null (luwte_note_get_done_at (g_ptr_array_index (notes, 0)));
  g_assert_cmpint (luwte_store_count_open_actions (store, kase, NULL), ==, 1);
  g_assert_true (luwte_store_set_note_done (store, kase, g_ptr_array_index (notes, 0), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (luwte_store_count_open_actions (store, kase, NULL), ==, 0);
}

/* A database from before letters kept their recipient: a final letter
 * gets its party's name as it is at the upgrade, a draft none yet. From
 * before letters named their young person: every letter is about the
 * case's first young person, whom it named then. */
static void
test_migration_to_letter_recipients (void)
{
  g_autofree char *path = temp_db_path ("version13.db");
  GString *setup = g_string_new (NULL);
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_remove (path);
  for (int step = 1; step <= 13; step++)
    g_string_append (setup, luwte_store_schema_step (step));
  g_string_append (setup,
                   "PRAGMA user_version = 13;"
                   "INSERT INTO cases (reference, ref_prefix, ref_year, ref_number, title, status, opened_at, updated_at)"
                   " VALUES ('OOV-2026-0013', 'OOV', 2026, 13, 'Brief aan ouders', 'active',"
                   " '2026-03-02T10:00:00+01:00', '2026-03-02T10:00:00+01:00');"
                   "INSERT INTO parties (case_id, role, name, organisation) VALUES (1, 'parent', 'Fam. Verzonnen', 'Ouders');"
                   "INSERT INTO parties (case_id, role, name, organisation) VALUES (1, 'youth', 'Sam', '');"
                   "INSERT INTO parties (case_id, role, name, organisation) VALUES (1, 'youth', 'Noor', '');"
                   "INSERT INTO parties (case_id, role, name, organisation, contact)"
                   " VALUES (1, 'parent', 'Fam. Adres', '', 'Dorpsstraat 1' || char (10) || '1234 AB Voorbeeld');"
                   "INSERT INTO parties (case_id, role, name, organisation, contact)"
                   " VALUES (1, 'police', 'Wijkagent', '', '06-00000000');"
                   "INSERT INTO contacts (role, name, organisation, contact)"
                   " VALUES ('parent', 'Fam. Adres', '', 'Dorpsstraat 1, 1234AB Voorbeeld');"
                   "INSERT INTO letters (case_id, template, language, party_id, status, subject, body, created_at,"
                   " updated_at, final_at) VALUES (1, 'parents-letter', 'nl', 1, 'final', 'Zorgen', 'Tekst',"
                   " '2026-03-02T11:00:00+01:00', '2026-03-02T11:00:00+01:00', '2026-03-02T11:00:00+01:00');"
                   "INSERT INTO letters (case_id, template, language, party_id, subject, body, created_at, updated_at)"
                   " VALUES (1, 'parents-letter', 'nl', 1, 'Zorgen', 'Concept', '2026-03-02T12:00:00+01:00',"
                   " '2026-03-02T12:00:00+01:00');");
  sql = g_string_free (setup, FALSE);
  exec_raw (path, sql);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  kase = luwte_store_get_case (store, "OOV-2026-0013", &error);
  g_assert_no_error (error);
  letters = luwte_store_list_letters (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letters->len, ==, 2);
  g_assert_cmpstr (luwte_letter_get_recipient (g_ptr_array_index (letters, 0)), ==, "Fam. Verzonnen (Ouders)");
  g_assert_cmpstr (luwte_letter_get_recipient (g_ptr_array_index (letters, 1)), ==, "");
  for (guint i = 0; i < letters->len; i++)
    g_assert_cmpint (luwte_letter_get_youth_id (g_ptr_array_index (letters, i)), ==, 2);

  /* A contact that was a postal address is the party's address now, and
   * is gone from the address book; a phone number stays the contact. */
  {
    g_autoptr(GPtrArray) parties = luwte_store_list_parties (store, kase, &error);
    g_autoptr(GPtrArray) book = luwte_store_list_contacts (store, &error);

    g_assert_cmpuint (parties->len, ==, 5);
    g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (parties, 3)), ==, "Dorpsstraat 1\n1234 AB Voorbeeld");
    g_assert_cmpstr (luwte_party_get_contact (g_ptr_array_index (parties, 3)), ==, "");
    g_assert_cmpstr (luwte_party_get_contact (g_ptr_array_index (parties, 4)), ==, "06-00000000");
    g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (parties, 4)), ==, "");
    g_assert_cmpuint (book->len, ==, 1);
    g_assert_cmpstr (luwte_party_get_contact (g_ptr_array_index (book, 0)), ==, "");
  }
}

static LuwteStore *
open_fresh (const char *name)
{
  g_autofree char *path = temp_db_path (name);
  g_autoptr(GError) error = NULL;
  LuwteStore *store;

  g_remove (path);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

/* A letter made final keeps whom it went to as the party was then:
 * renaming or removing the party later changes neither the letter nor
 * the timeline, and the recipient of a final letter cannot be changed. */
static void
test_letter_keeps_recipient (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("recipient.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(LuwteParty) parent = luwte_party_new (LUWTE_ROLE_PARENT, "J. Verzonnen", "", "");
  g_autoptr(LuwteLetter) letter = NULL;
  g_autoptr(LuwteLetter) draft = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  const char *renamed = "J. Verzonnen-Anders";
  LuwtePartyEdit edit = { .name = renamed };
  gboolean named = FALSE;

  kase = luwte_store_create_case (store, "Oproep via Snapchat", &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_add_party (store, kase, parent, &error));
  letter = luwte_store_add_letter (store, kase, "parents-letter", LUWTE_LANGUAGE_NL, luwte_party_get_id (parent), &error);
  g_assert_no_error (error);
  draft = luwte_store_add_letter (store, kase, "parents-letter", LUWTE_LANGUAGE_NL, luwte_party_get_id (parent), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_letter_get_recipient (letter), ==, "");
  g_assert_true (luwte_store_finalise_letter (store, kase, letter, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_letter_get_recipient (letter), ==, "J. Verzonnen");

  g_assert_true (luwte_store_update_party (store, kase, parent, &edit, &error));
  g_assert_no_error (error);
  removal = luwte_store_remove (store, LUWTE_REMOVAL_PARTY, kase, luwte_party_get_id (parent), &error);
  g_assert_no_error (error);

  letters = luwte_store_list_letters (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_letter_get_recipient (g_ptr_array_index (letters, 0)), ==, "J. Verzonnen");
  g_assert_cmpstr (luwte_letter_get_recipient (g_ptr_array_index (letters, 1)), ==, "");
  timeline = luwte_store_list_timeline (store, kase, card, NULL, LUWTE_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    {
      LuwteTimelineEntry *entry = g_ptr_array_index (timeline, i);

      if (entry->kind == LUWTE_TIMELINE_LETTER_FINAL)
        named = g_str_has_suffix (entry->text, " J. Verzonnen");
    }
  g_assert_true (named);

  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (store), "UPDATE letters SET recipient = 'Iemand anders'"
                                 " WHERE status = 'final'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_TRIGGER);
}

static void
test_create_and_references (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("references.db");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *first_ref = g_strdup_printf ("OOV-%d-0001", g_date_time_get_year (now));
  g_autofree char *second_ref = g_strdup_printf ("OOV-%d-0002", g_date_time_get_year (now));
  g_autofree char *prefixed_ref = g_strdup_printf ("VRZW-%d-0001", g_date_time_get_year (now));
  g_autoptr(LuwteCase) first = NULL;
  g_autoptr(LuwteCase) second = NULL;
  g_autoptr(LuwteCase) prefixed = NULL;
  g_autoptr(LuwteCase) again = NULL;
  g_autoptr(GDateTime) opened = NULL;
  g_autoptr(GError) error = NULL;

  first = luwte_store_create_case (store, "Oproep tot rellen <b>&amp;</b>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_reference (first), ==, first_ref);
  g_assert_cmpint (luwte_case_get_status (first), ==, LUWTE_CASE_STATUS_SIGNAL);
  g_assert_null (luwte_case_get_closed_at (first));
  opened = g_date_time_new_from_iso8601 (luwte_case_get_opened_at (first), NULL);
  g_assert_nonnull (opened);

  second = luwte_store_create_case (store, "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_reference (second), ==, second_ref);

  g_assert_true (luwte_store_set_setting (store, "reference_prefix", "VRZW", &error));
  prefixed = luwte_store_create_case (store, "Feest Haren-achtig", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_reference (prefixed), ==, prefixed_ref);

  /* Markup in user text is stored as typed. */
  again = luwte_store_get_case (store, first_ref, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_title (again), ==, "Oproep tot rellen <b>&amp;</b>");
}

static void
test_not_found (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("not-found.db");
  g_autoptr(LuwteCase) created = luwte_store_create_case (store, "x", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCase) kase = luwte_store_get_case (store, "x' OR 1=1 --", &error);

  g_assert_nonnull (created);
  g_assert_null (kase);
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND);
}

static void
test_status_history_and_audit (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("status.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Telegramgroep", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *actions = NULL;
  char *err_msg = NULL;

  g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_ACTIVE, &error));
  g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_CLOSED, &error));
  g_assert_nonnull (luwte_case_get_closed_at (kase));
  g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_ACTIVE, &error));
  g_assert_no_error (error);
  g_assert_null (luwte_case_get_closed_at (kase));

  changes = query_text (store, "SELECT group_concat (coalesce (from_status, '-') || '>' || to_status, ',')"
                               " FROM (SELECT * FROM status_changes ORDER BY id)");
  g_assert_cmpstr (changes, ==, "->signal,signal>active,active>closed,closed>active");

  actions = query_text (store, "SELECT group_concat (action, ',') FROM (SELECT * FROM audit ORDER BY id)");
  g_assert_cmpstr (actions, ==, "case.create,case.status,case.status,case.reopen");
  g_free (actions);
  actions = query_text (store, "SELECT DISTINCT os_user FROM audit");
  g_assert_cmpstr (actions, ==, g_get_user_name ());

  /* Append-only, even for SQL typed by hand. */
  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (store), "UPDATE audit SET detail = 'x'", NULL, NULL, &err_msg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (err_msg, "append-only"));
  sqlite3_free (err_msg);
  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (store), "DELETE FROM audit", NULL, NULL, NULL), !=, SQLITE_OK);
}

static void
test_list_pages_and_filter (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("list.db");
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCaseStatus status = LUWTE_CASE_STATUS_ACTIVE;

  for (int i = 0; i < 25; i++)
    {
      g_autofree char *title = g_strdup_printf ("Casus %d", i);
      g_autoptr(LuwteCase) kase = luwte_store_create_case (store, title, &error);

      g_assert_no_error (error);
      if (i % 5 == 0)
        g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_ACTIVE, &error));
    }

  g_assert_cmpint (luwte_store_count_cases (store, NULL, &error), ==, 25);
  g_assert_cmpint (luwte_store_count_cases (store, &status, &error), ==, 5);

  /* Newest first, one page at a time. */
  page = luwte_store_list_cases (store, NULL, 10, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpstr (luwte_case_get_title (g_ptr_array_index (page, 0)), ==, "Casus 14");
  g_assert_cmpstr (luwte_case_get_title (g_ptr_array_index (page, 9)), ==, "Casus 5");

  active = luwte_store_list_cases (store, &status, 0, 100, &error);
  g_assert_cmpuint (active->len, ==, 5);
  for (guint i = 0; i < active->len; i++)
    g_assert_cmpint (luwte_case_get_status (g_ptr_array_index (active, i)), ==, LUWTE_CASE_STATUS_ACTIVE);
}

/* Every order the list offers, its pages and the position of a case in it
 * agree with sorting the whole list in C. */
static void
test_list_sorted (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("sorted.db");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const titles[] = { "delta", "Alfa", "charlie", "Bravo", "echo" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(LuwteCase) kase = luwte_store_create_case (store, titles[i], &error);
      g_autofree char *event = g_strdup_printf ("2026-12-%02uT20:00:00+01:00", (i * 7) % 5 + 1);
      LuwteCaseEdit edit = { .event_at = i == 2 ? "" : event };

      g_assert_true (luwte_store_update_case (store, kase, &edit, &error));
    }

  all = luwte_store_list_cases_sorted (store, NULL, LUWTE_CASE_SORT_TITLE, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_title (g_ptr_array_index (all, 0)), ==, "Alfa");
  g_assert_cmpstr (luwte_case_get_title (g_ptr_array_index (all, 1)), ==, "Bravo");
  g_assert_cmpstr (luwte_case_get_title (g_ptr_array_index (all, 4)), ==, "echo");
  g_clear_pointer (&all, g_ptr_array_unref);

  all = luwte_store_list_cases_sorted (store, NULL, LUWTE_CASE_SORT_OLDEST, 0, 100, &error);
  g_assert_cmpstr (luwte_case_get_title (g_ptr_array_index (all, 0)), ==, "delta");
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Latest gathering first; a case without one comes last. */
  all = luwte_store_list_cases_sorted (store, NULL, LUWTE_CASE_SORT_GATHERING, 0, 100, &error);
  for (guint i = 1; i + 1 < all->len; i++)
    g_assert_cmpstr (luwte_case_get_event_at (g_ptr_array_index (all, i - 1)), >, luwte_case_get_event_at (g_ptr_array_index (all, i)));
  g_assert_null (luwte_case_get_event_at (g_ptr_array_index (all, 4)));

  for (LuwteCaseSort sort = LUWTE_CASE_SORT_NEWEST; sort <= LUWTE_CASE_SORT_GATHERING; sort++)
    {
      g_autoptr(GPtrArray) sorted = luwte_store_list_cases_sorted (store, NULL, sort, 0, 100, &error);
      g_autoptr(GPtrArray) second_page = luwte_store_list_cases_sorted (store, NULL, sort, 2, 2, &error);

      g_assert_nonnull (luwte_case_sort_label (sort));
      g_assert_true (g_ptr_array_index (second_page, 0) == g_ptr_array_index (sorted, 2));
      for (guint i = 0; i < sorted->len; i++)
        g_assert_cmpint (luwte_store_get_case_position_sorted (store, NULL, sort, g_ptr_array_index (sorted, i), &error), ==, i);
    }
}


static void
test_update_case (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("update.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Eerste titel", NULL);
  g_autoptr(LuwteCase) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *audits = NULL;
  const char *platforms[] = { "TikTok", "Snapchat", NULL };
  LuwteCaseEdit edit = { 0 };
  LuwteCaseEdit bad = { 0 };
  LuwteCaseEdit same = { 0 };

  edit.title = "Oproep vuurwerkrellen Zuidplein";
  edit.location = "Zuidplein, Rotterdam-Zuid";
  edit.event_at = "2026-12-31T22:00:00+01:00";
  edit.platforms = platforms;
  g_assert_true (luwte_store_update_case (store, kase, &edit, &error));
  g_assert_no_error (error);

  reread = luwte_store_get_case (store, luwte_case_get_reference (kase), &error);
  g_assert_cmpstr (luwte_case_get_title (reread), ==, edit.title);
  g_assert_cmpstr (luwte_case_get_location (reread), ==, edit.location);
  g_assert_cmpstr (luwte_case_get_event_at (reread), ==, edit.event_at);
  g_assert_cmpstr (luwte_case_get_platforms (reread)[1], ==, "Snapchat");
  g_assert_cmpstr (luwte_case_get_summary (reread), ==, "");

  /* The audit names the fields, not what was typed in them. */
  detail = query_text (store, "SELECT detail FROM audit WHERE action = 'case.update'");
  g_assert_cmpstr (detail, ==, "title, location, event_at, platforms");

  /* Nothing changed, nothing written. */
  same.title = edit.title;
  g_assert_true (luwte_store_update_case (store, kase, &same, &error));
  audits = query_text (store, "SELECT count (*) FROM audit WHERE action = 'case.update'");
  g_assert_cmpstr (audits, ==, "1");

  /* A bad time changes nothing. */
  bad.title = "Mag niet opgeslagen worden";
  bad.event_at = "oudjaarsavond";
  g_assert_false (luwte_store_update_case (store, kase, &bad, &error));
  g_assert_nonnull (error);
  g_clear_object (&reread);
  reread = luwte_store_get_case (store, luwte_case_get_reference (kase), NULL);
  g_assert_cmpstr (luwte_case_get_title (reread), ==, edit.title);
}

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint emissions;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->emissions++;
}

static void
test_case_list_model (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("model.db");
  g_autoptr(LuwteCaseList) list = NULL;
  g_autoptr(LuwteCase) last = NULL;
  g_autoptr(LuwteCase) first_item = NULL;
  g_autoptr(LuwteCase) newest = NULL;
  LuwteCaseStatus closed = LUWTE_CASE_STATUS_CLOSED;
  Changes changes = { 0 };

  for (int i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Casus %d", i);
      g_autoptr(LuwteCase) kase = luwte_store_create_case (store, title, NULL);
      g_assert_nonnull (kase);
    }

  list = luwte_case_list_new (store);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == LUWTE_TYPE_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
  /* Nothing is read until asked for. */
  g_assert_cmpuint (luwte_case_list_get_n_cached (list), ==, 0);

  last = g_list_model_get_item (G_LIST_MODEL (list), 299);
  g_assert_cmpstr (luwte_case_get_title (last), ==, "Casus 0");
  g_assert_cmpuint (luwte_case_list_get_n_cached (list), <, 300);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 300));

  /* Reading every row keeps only a few pages. */
  for (guint i = 0; i < 300; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (luwte_case_list_get_n_cached (list), <=, 8 * 64);

  /* A new case: the smallest change, one row at the top. */
  newest = luwte_store_create_case (store, "Nieuwste", NULL);
  g_assert_cmpuint (luwte_case_list_case_added (list, newest), ==, 0);
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  first_item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (luwte_case_get_reference (first_item), ==, luwte_case_get_reference (newest));

  /* The filter is SQL: no closed cases yet. */
  luwte_case_list_set_status (list, &closed);
  g_assert_cmpuint (changes.emissions, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 301);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  luwte_case_list_set_status (list, &closed);
  g_assert_cmpuint (changes.emissions, ==, 2);
}


static void
test_case_interventions (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("interventions.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Oproep rellen", NULL);
  g_autoptr(LuwteCaseIntervention) nothing = NULL;
  g_autoptr(LuwteCaseIntervention) ordinance = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  LuwteInterventionStatus done = LUWTE_INTERVENTION_STATUS_DONE;
  LuwteCaseInterventionEdit edit = { 0 };
  LuwteCaseInterventionEdit bad = { 0 };

  nothing = luwte_store_add_case_intervention (store, kase, "do-nothing", "1.0", &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_case_intervention_get_status (nothing), ==, LUWTE_INTERVENTION_STATUS_CONSIDERED);
  g_assert_cmpstr (luwte_case_intervention_get_card_version (nothing), ==, "1.0");
  ordinance = luwte_store_add_case_intervention (store, kase, "emergency-ordinance", "1.0", &error);
  g_assert_no_error (error);

  edit.status = &done;
  edit.responsible = "Burgemeester";
  edit.rationale = "Oproep tot rellen met tijd en plaats";
  edit.proportionality = "Noodbevel te smal: oproep aan iedereen";
  edit.due_at = "2026-12-31T20:00:00+01:00";
  g_assert_true (luwte_store_update_case_intervention (store, kase, ordinance, &edit, &error));
  g_assert_no_error (error);
  g_assert_nonnull (luwte_case_intervention_get_done_at (ordinance));

  bad.due_at = "morgen";
  bad.outcome = "mag niet";
  g_assert_false (luwte_store_update_case_intervention (store, kase, ordinance, &bad, &error));
  g_assert_nonnull (error);

  listed = luwte_store_list_case_interventions (store, kase, NULL);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (luwte_case_intervention_get_card_id (g_ptr_array_index (listed, 1)), ==, "emergency-ordinance");
  g_assert_cmpint (luwte_case_intervention_get_status (g_ptr_array_index (listed, 1)), ==, LUWTE_INTERVENTION_STATUS_DONE);
  g_assert_cmpstr (luwte_case_intervention_get_proportionality (g_ptr_array_index (listed, 1)), ==, edit.proportionality);
  g_assert_cmpstr (luwte_case_intervention_get_outcome (g_ptr_array_index (listed, 1)), ==, "");

  audit = query_text (store, "SELECT detail FROM audit WHERE action = 'intervention.update'");
  g_assert_cmpstr (audit, ==, "emergency-ordinance: status, responsible, due_at, rationale, proportionality");
}


static void
test_notes (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("notes.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Driehoek", NULL);
  g_autoptr(LuwteNote) late = NULL;
  g_autoptr(LuwteNote) early = NULL;
  g_autoptr(LuwteNote) empty = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  LuwteNoteNew first = { 0 };
  LuwteNoteNew second = { 0 };
  LuwteNoteNew blank = { 0 };

  /* 14:30 summer time (12:30 UTC) comes before 12:40 UTC, though its
   * text sorts after it. */
  first.at = "2026-06-12T14:30:00+02:00";
  first.kind = LUWTE_NOTE_KIND_ACTION;
  first.party = "Politie";
  first.text = "Wijkagent gaat langs bij de organisator <b>&</b>";
  first.action_by = "Wijkagent";
  first.action_due = "2026-06-12T18:00:00+02:00";
  second.at = "2026-06-12T12:40:00Z";
  second.kind = LUWTE_NOTE_KIND_DECISION;
  second.text = "Driehoek besluit: geen noodbevel";

  late = luwte_store_add_note (store, kase, &first, &error);
  g_assert_no_error (error);
  early = luwte_store_add_note (store, kase, &second, &error);
  g_assert_no_error (error);

  blank.text = "   ";
  empty = luwte_store_add_note (store, kase, &blank, &error);
  g_assert_null (empty);
  g_assert_nonnull (error);

  notes = luwte_store_list_notes (store, kase, NULL);
  g_assert_cmpuint (notes->len, ==, 2);
  /* Ordered by the moment, not by the text of the time. */
  g_assert_cmpint (luwte_note_get_kind (g_ptr_array_index (notes, 0)), ==, LUWTE_NOTE_KIND_ACTION);
  g_assert_cmpstr (luwte_note_get_text (g_ptr_array_index (notes, 0)), ==, first.text);
  g_assert_cmpstr (luwte_note_get_action_by (g_ptr_array_index (notes, 0)), ==, "Wijkagent");
  g_assert_cmpint (luwte_note_get_kind (g_ptr_array_index (notes, 1)), ==, LUWTE_NOTE_KIND_DECISION);
}

static void
test_notes_done (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("notes-done.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Driehoek", NULL);
  g_autoptr(LuwteCase) other = luwte_store_create_case (store, "Andere casus", NULL);
  g_autoptr(LuwteNote) action = NULL;
  g_autoptr(LuwteNote) decision = NULL;
  g_autoptr(LuwteNote) elsewhere = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GDateTime) before_due = g_date_time_new_from_iso8601 ("2026-06-12T17:00:00+02:00", NULL);
  g_autoptr(GDateTime) after_due = g_date_time_new_from_iso8601 ("2026-06-12T16:30:00Z", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *audits = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LuwteNoteNew todo = { .at = "2026-06-12T14:30:00+02:00", .kind = LUWTE_NOTE_KIND_ACTION,
                        .text = "Wijkagent gaat langs", .action_by = "Wijkagent",
                        .action_due = "2026-06-12T18:00:00+02:00" };
  LuwteNoteNew said = { .at = "2026-06-12T14:40:00+02:00", .kind = LUWTE_NOTE_KIND_DECISION,
                        .text = "Geen noodbevel" };
  LuwteCaseEvaluation evaluation = { NULL, 0, "Les" };

  action = luwte_store_add_note (store, kase, &todo, &error);
  decision = luwte_store_add_note (store, kase, &said, &error);
  elsewhere = luwte_store_add_note (store, other, &todo, &error);
  g_assert_no_error (error);
  g_assert_null (luwte_note_get_done_at (action));
  g_assert_cmpint (luwte_store_count_open_actions (store, kase, NULL), ==, 1);

  /* Overdue as a moment: 18:00 summer time is 16:00 UTC. */
  g_assert_false (luwte_note_is_overdue (action, before_due));
  g_assert_true (luwte_note_is_overdue (action, after_due));
  g_assert_false (luwte_note_is_overdue (decision, after_due));

  g_assert_true (luwte_store_set_note_done (store, kase, action, TRUE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (luwte_note_get_done_at (action));
  g_assert_false (luwte_note_is_overdue (action, after_due));
  /* The timeline says when, by whom. */
  {
    g_autoptr(GPtrArray) timeline = luwte_store_list_timeline (store, kase, NULL, NULL, LUWTE_LANGUAGE_EN, &error);
    LuwteTimelineEntry *last;

    g_assert_no_error (error);
    last = g_ptr_array_index (timeline, timeline->len - 1);
    g_assert_cmpint (last->kind, ==, LUWTE_TIMELINE_ACTION_DONE);
    g_assert_cmpstr (last->at, ==, luwte_note_get_done_at (action));
    g_assert_cmpstr (last->text, ==, "Action point done (Wijkagent): Wijkagent gaat langs");
  }
  g_assert_cmpint (luwte_store_count_open_actions (store, kase, NULL), ==, 0);
  /* The other case's action point is its own. */
  g_assert_cmpint (luwte_store_count_open_actions (store, other, NULL), ==, 1);
  notes = luwte_store_list_notes (store, kase, NULL);
  g_assert_cmpstr (luwte_note_get_done_at (g_ptr_array_index (notes, 0)), ==, luwte_note_get_done_at (action));
  g_assert_null (luwte_note_get_done_at (g_ptr_array_index (notes, 1)));
  /* Done twice is done once. */
  g_assert_true (luwte_store_set_note_done (store, kase, action, TRUE, &error));

  g_assert_true (luwte_store_set_note_done (store, kase, action, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (luwte_note_get_done_at (action));
  g_assert_cmpint (luwte_store_count_open_actions (store, kase, NULL), ==, 1);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = luwte_store_list_notes (store, kase, NULL);
  g_assert_null (luwte_note_get_done_at (g_ptr_array_index (notes, 0)));

  audits = query_text (store, "SELECT group_concat (action, ',') FROM (SELECT * FROM audit"
                              " WHERE action LIKE 'note.%' AND case_ref = (SELECT reference FROM cases WHERE title = 'Driehoek') ORDER BY id)");
  g_assert_cmpstr (audits, ==, "note.add,note.add,note.done,note.undone");

  /* Only an action point can be done. */
  g_assert_false (luwte_store_set_note_done (store, kase, decision, TRUE, &error));
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (luwte_note_get_done_at (decision));

  /* A note of another case is not changed through this one. */
  g_assert_false (luwte_store_set_note_done (store, kase, elsewhere, TRUE, &error));
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (luwte_store_count_open_actions (store, other, NULL), ==, 1);

  /* A closed case is not changed, and its audit gets nothing. */
  g_assert_true (luwte_store_close_case (store, kase, &evaluation, &error));
  g_assert_no_error (error);
  before = query_text (store, "SELECT count (*) || '/' || coalesce ((SELECT group_concat (coalesce (done_at, '-')) FROM notes), '') FROM audit");
  g_assert_false (luwte_store_set_note_done (store, kase, action, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (luwte_note_get_done_at (action));
  after = query_text (store, "SELECT count (*) || '/' || coalesce ((SELECT group_concat (coalesce (done_at, '-')) FROM notes), '') FROM audit");
  g_assert_cmpstr (before, ==, after);
}


static void
test_parties (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("parties.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Feest", NULL);
  g_autoptr(LuwteCase) next = luwte_store_create_case (store, "Volgende", NULL);
  g_autoptr(LuwteParty) police = luwte_party_new (LUWTE_ROLE_POLICE, "J. de Vries", "Politie Eenheid Noord", "06-00000000");
  g_autoptr(LuwteParty) parent = luwte_party_new (LUWTE_ROLE_PARENT, "Ouder van Y.", "", "");
  g_autoptr(LuwteParty) nobody = luwte_party_new (LUWTE_ROLE_OTHER, "", "", "");
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  LuwteRole role;
  gint64 parent_id;

  g_assert_true (luwte_role_parse ("key_figure", &role));
  g_assert_cmpint (role, ==, LUWTE_ROLE_KEY_FIGURE);
  g_assert_false (luwte_role_parse ("hacker", &role));

  g_assert_true (luwte_store_add_party (store, kase, police, &error));
  g_assert_true (luwte_store_add_party (store, kase, parent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (luwte_party_get_id (parent), >, luwte_party_get_id (police));
  g_assert_false (luwte_store_add_party (store, kase, nobody, &error));
  g_clear_error (&error);

  /* Remove and undo: the same party, with the same id. */
  parent_id = luwte_party_get_id (parent);
  removal = luwte_store_remove (store, LUWTE_REMOVAL_PARTY, kase, parent_id, &error);
  g_assert_no_error (error);
  parties = luwte_store_list_parties (store, kase, NULL);
  g_assert_cmpuint (parties->len, ==, 1);
  g_clear_pointer (&parties, g_ptr_array_unref);
  g_assert_true (luwte_store_undo_removal (store, removal, &error));
  g_assert_no_error (error);
  g_clear_object (&removal);
  parties = luwte_store_list_parties (store, kase, NULL);
  g_assert_cmpuint (parties->len, ==, 2);

  /* The address book remembers both, once, for the next case. */
  contacts = luwte_store_list_contacts (store, NULL);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (luwte_party_get_name (g_ptr_array_index (contacts, 0)), ==, "J. de Vries");
  g_clear_pointer (&parties, g_ptr_array_unref);
  parties = luwte_store_list_parties (store, next, NULL);
  g_assert_cmpuint (parties->len, ==, 0);
}


static void
test_one_live_case (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("live.db");
  g_autoptr(LuwteCase) created = luwte_store_create_case (store, "Eén", NULL);
  g_autoptr(LuwteCase) again = luwte_store_get_case (store, luwte_case_get_reference (created), NULL);
  g_autoptr(LuwteCaseList) list = luwte_case_list_new (store);
  g_autoptr(LuwteCase) listed = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_autoptr(LuwteCase) fresh = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCaseEdit title = { 0 };
  LuwteCaseEdit location = { 0 };
  gpointer weak = NULL;

  /* Whoever asks gets the same object. */
  g_assert_true (created == again);
  g_assert_true (created == listed);

  /* An edit of one field never writes another field back. */
  title.title = "Nieuwe titel";
  g_assert_true (luwte_store_update_case (store, created, &title, &error));
  location.location = "Marktplein";
  g_assert_true (luwte_store_update_case (store, listed, &location, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = luwte_store_get_case (store, luwte_case_get_reference (created), NULL);
  g_assert_cmpstr (luwte_case_get_title (again), ==, "Nieuwe titel");
  g_assert_cmpstr (luwte_case_get_location (again), ==, "Marktplein");

  /* Once nobody holds it, the next read makes a new one. */
  weak = created;
  g_object_add_weak_pointer (G_OBJECT (created), &weak);
  g_clear_object (&created);
  g_clear_object (&again);
  g_clear_object (&listed);
  g_clear_object (&list);
  g_assert_null (weak);
  fresh = luwte_store_get_case (store, "OOV-1", NULL);
  g_assert_null (fresh);
}


static void
test_new_case_position (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("position.db");
  g_autoptr(LuwteCase) future = luwte_store_create_case (store, "Later geopend", NULL);
  g_autoptr(LuwteCaseList) list = NULL;
  g_autoptr(LuwteCase) fresh = NULL;
  g_autoptr(LuwteCase) at_one = NULL;
  g_autoptr(LuwteCase) summer = NULL;
  g_autoptr(LuwteCase) winter = NULL;

  /* A clock set back, or the autumn hour: a case opened "later" than now.
   * 02:50+02:00 is 00:50 UTC, before 02:10+01:00 (01:10 UTC). */
  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (store),
                                 "UPDATE cases SET opened_at = '2999-10-25T02:10:00+01:00'", NULL, NULL, NULL), ==, SQLITE_OK);
  list = luwte_case_list_new (store);
  fresh = luwte_store_create_case (store, "Net begonnen", NULL);
  g_assert_cmpuint (luwte_case_list_case_added (list, fresh), ==, 1);
  at_one = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (at_one == fresh);

  summer = luwte_store_create_case (store, "Zomertijd", NULL);
  winter = luwte_store_create_case (store, "Wintertijd", NULL);
  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (store),
                                 "UPDATE cases SET opened_at = '2999-10-25T02:50:00+02:00' WHERE title = 'Zomertijd';"
                                 "UPDATE cases SET opened_at = '2999-10-25T02:10:00+01:00' WHERE title = 'Wintertijd';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (luwte_store_get_case_position (store, NULL, winter, NULL), <,
                   luwte_store_get_case_position (store, NULL, summer, NULL));
}


static void
test_timeline_and_history (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("timeline.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Tijdlijn", NULL);
  g_autoptr(LuwteCaseIntervention) item = NULL;
  g_autoptr(LuwteNote) note = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  LuwteInterventionStatus done = LUWTE_INTERVENTION_STATUS_DONE;
  LuwteCaseInterventionEdit edit = { 0 };
  LuwteNoteNew entry = { 0 };

  entry.at = "2000-01-01T10:00:00+01:00";   /* before everything else */
  entry.kind = LUWTE_NOTE_KIND_INFORMATION;
  entry.text = "Eerste signaal";
  note = luwte_store_add_note (store, kase, &entry, &error);
  g_assert_no_error (error);
  item = luwte_store_add_case_intervention (store, kase, "do-nothing", "1.0", &error);
  g_assert_no_error (error);
  edit.status = &done;
  edit.outcome = "Waaide over";
  g_assert_true (luwte_store_update_case_intervention (store, kase, item, &edit, &error));
  g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_ACTIVE, &error));
  {
    LuwteEvidenceNew message = { .url = "https://t.me/x/1", .platform = "Telegram", .account = "@x",
                                 .posted_at = "2000-01-01T11:00:00+01:00" };
    g_autoptr(LuwteEvidence) posted = luwte_store_add_evidence (store, kase, &message, NULL, &error);
    g_autoptr(LuwteParty) platform = luwte_party_new (LUWTE_ROLE_PLATFORM, "Trust & Safety", "Telegram", "");
    g_autoptr(LuwteLetter) letter = NULL;
    g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);
    g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
    LuwteLetterEdit choice = { .evidence_ids = chosen };
    gint64 id;

    g_assert_no_error (error);
    /* A takedown request, sent by letter an hour after the message. */
    g_assert_true (luwte_store_add_party (store, kase, platform, &error));
    letter = luwte_store_add_letter (store, kase, "ntd-platform", LUWTE_LANGUAGE_NL, luwte_party_get_id (platform), &error);
    g_assert_no_error (error);
    id = luwte_evidence_get_id (posted);
    g_array_append_val (chosen, id);
    g_assert_true (luwte_store_update_letter (store, kase, letter, &choice, &error));
    g_assert_true (luwte_store_finalise_letter (store, kase, letter, pdf, &error));
    g_assert_true (luwte_store_mark_letter_sent (store, kase, letter, "2000-01-01T12:00:00+01:00", "e-mail",
                                                 "2000-01-02T12:00:00+01:00", &error));
    g_assert_no_error (error);
  }

  /* The letter templates are read once for a caller that keeps them. */
  {
    g_autoptr(LuwteTemplateLibrary) kept = NULL;
    g_autoptr(GPtrArray) first = luwte_store_list_timeline (store, kase, card, &kept, LUWTE_LANGUAGE_NL, &error);
    LuwteTemplateLibrary *read = kept;
    g_autoptr(GPtrArray) again = luwte_store_list_timeline (store, kase, card, &kept, LUWTE_LANGUAGE_NL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (read);
    g_assert_true (kept == read);
    g_assert_cmpuint (first->len, ==, again->len);

    /* A template the user added after they were read: read again, and
     * its letter named by its title, not its id. A template that is
     * nowhere does not make them be read again while nothing changed. */
    {
      g_autofree char *dir = luwte_template_library_default_user_dir ();
      g_autofree char *file = g_build_filename (dir, "eigen-bedankbrief.nl.txt", NULL);
      g_autoptr(LuwteCase) own_case = luwte_store_create_case (store, "Eigen sjabloon", &error);
      g_autoptr(LuwteLetter) own = NULL;
      g_autoptr(LuwteLetter) unknown = NULL;
      g_autoptr(GPtrArray) later = NULL;
      g_autoptr(GPtrArray) again_later = NULL;
      g_autoptr(GBytes) own_pdf = g_bytes_new_static ("%PDF-1.4", 8);
      LuwteTimelineEntry *last;
      guint reads = 0;

      g_assert_no_error (error);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_signal_connect_swapped (kept, "changed", G_CALLBACK (count_signal), &reads);
      g_assert_true (g_file_set_contents (file, "id: eigen-bedankbrief\nlanguage: nl\ntitle: Bedankbrief aan de buurt\n"
                                                "subject: Dank\n---\nDank u wel.\n", -1, &error));
      own = luwte_store_add_letter (store, own_case, "eigen-bedankbrief", LUWTE_LANGUAGE_NL, 0, &error);
      g_assert_no_error (error);
      g_assert_true (luwte_store_finalise_letter (store, own_case, own, own_pdf, &error));
      later = luwte_store_list_timeline (store, own_case, card, &kept, LUWTE_LANGUAGE_NL, &error);
      g_assert_no_error (error);
      g_assert_true (kept == read);
      g_assert_cmpuint (reads, ==, 1);
      last = g_ptr_array_index (later, later->len - 1);
      g_assert_cmpint (last->kind, ==, LUWTE_TIMELINE_LETTER_FINAL);
      g_assert_nonnull (strstr (last->text, "Bedankbrief aan de buurt"));

      unknown = luwte_store_add_letter (store, own_case, "nergens-te-vinden", LUWTE_LANGUAGE_NL, 0, &error);
      g_assert_no_error (error);
      g_assert_true (luwte_store_finalise_letter (store, own_case, unknown, own_pdf, &error));
      again_later = luwte_store_list_timeline (store, own_case, card, &kept, LUWTE_LANGUAGE_NL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (reads, ==, 1);
      g_signal_handlers_disconnect_by_data (kept, &reads);
      g_assert_cmpint (g_remove (file), ==, 0);
    }
  }
  timeline = luwte_store_list_timeline (store, kase, card, NULL, LUWTE_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 9);
  /* The message, posted long ago, comes right after the first signal. */
  g_assert_cmpint (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 1))->kind, ==, LUWTE_TIMELINE_MESSAGE);
  g_assert_nonnull (strstr (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 1))->text, "https://t.me/x/1"));
  g_assert_cmpint (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 0))->kind, ==, LUWTE_TIMELINE_NOTE);
  g_assert_nonnull (strstr (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 0))->text, "Eerste signaal"));
  /* Then the letter sent, by its template's title and its recipient, and
   * the takedown request it made, at the time it was sent. */
  g_assert_cmpint (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 2))->kind, ==, LUWTE_TIMELINE_LETTER_SENT);
  g_assert_nonnull (strstr (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 2))->text,
                            "Melding van illegale inhoud aan een platform"));
  g_assert_nonnull (strstr (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 2))->text, "Trust & Safety (Telegram)"));
  g_assert_cmpstr (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 2))->at, ==, "2000-01-01T12:00:00+01:00");
  g_assert_cmpint (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 3))->kind, ==, LUWTE_TIMELINE_TAKEDOWN);
  g_assert_nonnull (strstr (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 3))->text, "https://t.me/x/1"));
  g_assert_cmpstr (((LuwteTimelineEntry *) g_ptr_array_index (timeline, 3))->at, ==, "2000-01-01T12:00:00+01:00");
  /* The rest happened within the same second: all there, in any order. */
  {
    guint kinds[LUWTE_TIMELINE_TAKEDOWN + 1] = { 0 };
    gboolean chosen = FALSE;
    gboolean outcome = FALSE;

    for (guint i = 4; i < timeline->len; i++)
      {
        LuwteTimelineEntry *e = g_ptr_array_index (timeline, i);
        kinds[e->kind]++;
        chosen = chosen || strstr (e->text, "Doe niets") != NULL;
        outcome = outcome || strstr (e->text, "Waaide over") != NULL;
      }
    g_assert_cmpuint (kinds[LUWTE_TIMELINE_STATUS], ==, 2);
    g_assert_cmpuint (kinds[LUWTE_TIMELINE_INTERVENTION], ==, 1);
    g_assert_cmpuint (kinds[LUWTE_TIMELINE_INTERVENTION_DONE], ==, 1);
    g_assert_cmpuint (kinds[LUWTE_TIMELINE_LETTER_FINAL], ==, 1);
    g_assert_true (chosen && outcome);
  }

  history = luwte_store_list_history (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 11);
  g_assert_cmpstr (((LuwteHistoryEntry *) g_ptr_array_index (history, 0))->action, ==, "case.create");
  g_assert_cmpstr (((LuwteHistoryEntry *) g_ptr_array_index (history, 0))->os_user, ==, g_get_user_name ());

  /* In words: no audit identifier left, the detail kept. */
  {
    g_autoptr(LuwteTemplateLibrary) library = luwte_template_library_new ();
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < history->len; i++)
      {
        LuwteHistoryEntry *e = g_ptr_array_index (history, i);
        g_autofree char *text = luwte_history_describe (e, card, library, LUWTE_LANGUAGE_NL);

        g_assert_null (strstr (text, e->action));
        g_string_append_printf (all, "%s\n", text);
      }
    g_assert_nonnull (strstr (all->str, "Case created\n"));
    g_assert_nonnull (strstr (all->str, "Log entry added: Information\n"));
    g_assert_nonnull (strstr (all->str, "Intervention added: Doe niets\n"));
    g_assert_nonnull (strstr (all->str, "Intervention changed: Doe niets (Status, Outcome)\n"));
    g_assert_nonnull (strstr (all->str, "Status changed: Signal → Active\n"));
    g_assert_nonnull (strstr (all->str, "Online message added\n"));
    g_assert_nonnull (strstr (all->str, "Party added: Platform\n"));
    g_assert_nonnull (strstr (all->str, "Letter drafted: Melding van illegale inhoud aan een platform"));
    g_assert_nonnull (strstr (all->str, "Letter made final (SHA-256 "));
    g_assert_nonnull (strstr (all->str, "Letter sent: Melding van illegale inhoud aan een platform"));
  }
  {
    static const char * const cases[][3] = {
      { "case.update", "title", "Title changed" },
      { "case.update", "title, event_at, platforms", "Changed: Title, Expected gathering, Platforms" },
      { "case.update", "title, colour", "Changed: Title, colour" },
      { "case.reopen", "closed → monitoring", "Case reopened: Closed → Monitoring" },
      { "case.evaluate", "effects: 3, lessons", "Case evaluated: effect of 3 interventions, with lessons learned" },
      { "case.evaluate", "effects: 1", "Case evaluated: effect of 1 intervention" },
      { "case.import", "OOV-2026-0042", "Case imported as OOV-2026-0042" },
      { "evidence.add", "with screenshot", "Online message added, with a screenshot" },
      { "evidence.takedown", "removed", "Takedown request: Removed" },
      { "evidence.update", "url, posted_at", "Online message corrected (Address, Posted at)" },
      { "note.remove", "12", "Log entry removed (no. 12)" },
      { "letter.restore", "4", "Letter restored (no. 4)" },
      { "intervention.update", "no-such-card: outcome", "Intervention changed: no-such-card (Outcome)" },
      { "letter.sent", "no-such-template", "Letter sent: no-such-template" },
      { "party.update", "role, name, contact", "Party changed (Role, Name, Contact)" },
      { "note.done", "", "Action point ticked off as done" },
      { "note.undone", "", "Action point opened again" },
      /* Unknown: as written. */
      { "case.frobnicate", "x", "case.frobnicate — x" },
      { "frob.nicate", "", "frob.nicate" },
      { "nodot", "detail", "nodot — detail" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        LuwteHistoryEntry e = { .action = (char *) cases[i][0], .detail = (char *) cases[i][1] };
        g_autofree char *text = luwte_history_describe (&e, card, NULL, LUWTE_LANGUAGE_EN);

        g_assert_cmpstr (text, ==, cases[i][2]);
      }
  }
}


static char *system_data_dirs;

/* A JPEG with an EXIF segment that holds a GPS marker. */
static GBytes *
jpeg_with_exif (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 16, 12);
  g_autofree gchar *jpeg = NULL;
  gsize length = 0;
  static const char exif[] = "Exif\0\0MM\0*\0\0\0\x08GPSLatitude=52.0907;GPSLongitude=5.1214";
  GByteArray *out = g_byte_array_new ();
  guint8 marker[4];

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &length, "jpeg", NULL, NULL));
  /* SOI, then an APP1 segment, then the rest. */
  g_byte_array_append (out, (const guint8 *) jpeg, 2);
  marker[0] = 0xff;
  marker[1] = 0xe1;
  marker[2] = (guint8) ((sizeof exif - 1 + 2) >> 8);
  marker[3] = (guint8) ((sizeof exif - 1 + 2) & 0xff);
  g_byte_array_append (out, marker, 4);
  g_byte_array_append (out, (const guint8 *) exif, sizeof exif - 1);
  g_byte_array_append (out, (const guint8 *) jpeg + 2, (guint) length - 2);
  return g_byte_array_free_to_bytes (out);
}

static void
test_evidence (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("evidence.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Bewijs", NULL);
  g_autoptr(GBytes) jpeg = jpeg_with_exif ();
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) not_a_picture = g_bytes_new_static ("GIF89a but not really", 21);
  g_autoptr(LuwteEvidence) item = NULL;
  g_autoptr(LuwteEvidence) refused = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  LuwteEvidenceNew entry = { 0 };
  gsize size = 0;
  const guint8 *data;

  g_assert_nonnull (memmem (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), "GPSLatitude", 11));
  /* gdk-pixbuf tells formats apart through the shared MIME database,
   * which the isolated test directories hide. */
  g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);

  entry.url = "https://www.tiktok.com/@voorbeeld/video/1";
  entry.platform = "TikTok";
  entry.account = "@voorbeeld";
  entry.posted_at = "2026-12-30T20:00:00+01:00";
  entry.description = "Oproep <b>&</b> plaats";
  item = luwte_store_add_evidence (store, kase, &entry, jpeg, &error);
  g_assert_no_error (error);

  /* Stored as a PNG without the metadata, and the hash is of those bytes. */
  stored = luwte_store_get_screenshot (store, item, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (stored, &size);
  g_assert_true (size > 8 && memcmp (data, "\x89PNG", 4) == 0);
  g_assert_null (memmem (data, size, "GPSLatitude", 11));
  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, stored);
  g_assert_cmpstr (luwte_evidence_get_sha256 (item), ==, hash);
  g_assert_cmpint (luwte_evidence_get_takedown (item), ==, LUWTE_TAKEDOWN_NOT_REQUESTED);

  /* Not a picture: refused, nothing stored. */
  refused = luwte_store_add_evidence (store, kase, &entry, not_a_picture, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  listed = luwte_store_list_evidence (store, kase, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (luwte_evidence_get_description (g_ptr_array_index (listed, 0)), ==, "Oproep <b>&</b> plaats");

  g_clear_error (&error);

  /* A typing error corrected: the address, account, time and text, not
   * when it was captured nor its screenshot. An empty address or a time
   * that is none is refused and changes nothing. */
  {
    LuwteEvidenceEdit edit = { .url = "  https://www.tiktok.com/@voorbeeld/video/2 ", .account = "@voorbeeld2",
                               .posted_at = "", .description = "Oproep, verbeterd" };
    LuwteEvidenceEdit empty = { .url = " " };
    LuwteEvidenceEdit bad_time = { .posted_at = "morgen" };
    g_autofree char *captured = g_strdup (luwte_evidence_get_captured_at (item));
    g_autoptr(GPtrArray) again = NULL;
    LuwteEvidence *stored_item;

    g_assert_true (luwte_store_update_evidence (store, kase, item, &edit, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (luwte_evidence_get_url (item), ==, "https://www.tiktok.com/@voorbeeld/video/2");
    {
      /* The audit names what was corrected. */
      g_autofree char *detail = query_text (store, "SELECT detail FROM audit WHERE action = 'evidence.update'");

      g_assert_cmpstr (detail, ==, "url, account, posted_at, description");
    }
    g_assert_false (luwte_store_update_evidence (store, kase, item, &empty, &error));
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_false (luwte_store_update_evidence (store, kase, item, &bad_time, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    again = luwte_store_list_evidence (store, kase, &error);
    stored_item = g_ptr_array_index (again, 0);
    g_assert_cmpstr (luwte_evidence_get_url (stored_item), ==, "https://www.tiktok.com/@voorbeeld/video/2");
    g_assert_cmpstr (luwte_evidence_get_platform (stored_item), ==, "TikTok");
    g_assert_cmpstr (luwte_evidence_get_account (stored_item), ==, "@voorbeeld2");
    g_assert_null (luwte_evidence_get_posted_at (stored_item));
    g_assert_cmpstr (luwte_evidence_get_description (stored_item), ==, "Oproep, verbeterd");
    g_assert_cmpstr (luwte_evidence_get_captured_at (stored_item), ==, captured);
    g_assert_cmpstr (luwte_evidence_get_sha256 (stored_item), ==, hash);

    /* Nothing changed: nothing written, not even to the audit. */
    g_assert_true (luwte_store_update_evidence (store, kase, item, &edit, &error));
    {
      g_autofree char *updates = query_text (store, "SELECT count (*) FROM audit WHERE action = 'evidence.update'");

      g_assert_cmpstr (updates, ==, "1");
    }

    /* A closed case is read-only. */
    g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_CLOSED, &error));
    edit.account = "@iemand_anders";
    g_assert_false (luwte_store_update_evidence (store, kase, item, &edit, &error));
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_CLOSED);
    g_clear_error (&error);
  }
}

/* A takedown request keeps how it went out and by when an answer is due;
 * past that date it asks for a reminder, until the platform answers. */
static void
test_takedown_follow_up (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("takedown.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Oproep", NULL);
  LuwteEvidenceNew message = { .url = "https://tiktok.example/x/1", .platform = "TikTok" };
  g_autoptr(LuwteEvidence) evidence = luwte_store_add_evidence (store, kase, &message, NULL, NULL);
  g_autoptr(GDateTime) before = g_date_time_new_from_iso8601 ("2026-12-01T09:00:00+01:00", NULL);
  g_autoptr(GDateTime) after = g_date_time_new_from_iso8601 ("2026-12-03T09:00:00+01:00", NULL);
  g_autoptr(GPtrArray) reread = NULL;
  g_autoptr(GError) error = NULL;
  LuwteTakedownUpdate requested = { LUWTE_TAKEDOWN_REQUESTED, "2026-11-30T10:00:00+01:00", "e-mail",
                                    "2026-12-02T10:00:00+01:00" };
  LuwteTakedownUpdate removed = { .state = LUWTE_TAKEDOWN_REMOVED };
  LuwteTakedownUpdate bad = { LUWTE_TAKEDOWN_REQUESTED, NULL, NULL, "morgen" };

  g_assert_false (luwte_evidence_is_overdue (evidence, after));
  g_assert_true (luwte_store_update_takedown (store, kase, evidence, &requested, &error));
  g_assert_no_error (error);
  g_assert_false (luwte_evidence_is_overdue (evidence, before));
  g_assert_true (luwte_evidence_is_overdue (evidence, after));

  reread = luwte_store_list_evidence (store, kase, &error);
  g_assert_cmpstr (luwte_evidence_get_takedown_channel (g_ptr_array_index (reread, 0)), ==, "e-mail");
  g_assert_cmpstr (luwte_evidence_get_takedown_at (g_ptr_array_index (reread, 0)), ==, "2026-11-30T10:00:00+01:00");
  g_assert_cmpstr (luwte_evidence_get_takedown_due (g_ptr_array_index (reread, 0)), ==, "2026-12-02T10:00:00+01:00");
  g_assert_true (luwte_evidence_is_overdue (g_ptr_array_index (reread, 0), after));

  g_assert_false (luwte_store_update_takedown (store, kase, evidence, &bad, &error));
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (luwte_evidence_get_takedown (evidence), ==, LUWTE_TAKEDOWN_REQUESTED);

  /* Removed: the channel stays, no reminder any more. */
  g_assert_true (luwte_store_update_takedown (store, kase, evidence, &removed, &error));
  g_assert_false (luwte_evidence_is_overdue (evidence, after));
  g_assert_cmpstr (luwte_evidence_get_takedown_channel (evidence), ==, "e-mail");
}

/* The counts the case list and the start-up reminder use agree with
 * luwte_evidence_is_overdue(), compare moments rather than text, and
 * leave answered requests and those without a due date alone. */
static void
test_overdue_takedowns (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("overdue.db");
  g_autoptr(LuwteCase) first = luwte_store_create_case (store, "Eerste", NULL);
  g_autoptr(LuwteCase) second = luwte_store_create_case (store, "Tweede", NULL);
  g_autoptr(LuwteCase) quiet = luwte_store_create_case (store, "Stil", NULL);
  /* 08:15 UTC: 09:00+01:00 (08:00 UTC) has passed, 08:30+00:00 not,
   * though as text it sorts first. */
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-12-02T08:15:00+00:00", NULL);
  g_autoptr(GDateTime) before = g_date_time_new_from_iso8601 ("2026-11-01T00:00:00+01:00", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  struct {
    LuwteCase     *kase;
    LuwteTakedown  state;
    const char    *due;
    gboolean       overdue;
  } messages[] = {
    { second, LUWTE_TAKEDOWN_REQUESTED, "2026-12-02T09:00:00+01:00", TRUE },
    { second, LUWTE_TAKEDOWN_REQUESTED, "2026-12-02T08:30:00+00:00", FALSE },
    { second, LUWTE_TAKEDOWN_REMOVED, "2026-11-30T10:00:00+01:00", FALSE },
    { second, LUWTE_TAKEDOWN_REQUESTED, NULL, FALSE },
    { first, LUWTE_TAKEDOWN_ACKNOWLEDGED, "2026-11-20T10:00:00+01:00", TRUE },
    { first, LUWTE_TAKEDOWN_NO_ANSWER, "2026-11-20T10:00:00+01:00", FALSE },
    { quiet, LUWTE_TAKEDOWN_NOT_REQUESTED, NULL, FALSE },
  };

  g_assert_cmpint (luwte_store_count_overdue_takedowns (store, NULL, now, &error), ==, 0);
  g_assert_null (luwte_store_find_overdue_takedown_case (store, now, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autofree char *url = g_strdup_printf ("https://tiktok.example/x/%u", i);
      LuwteEvidenceNew entry = { .url = url, .platform = "TikTok" };
      g_autoptr(LuwteEvidence) evidence = luwte_store_add_evidence (store, messages[i].kase, &entry, NULL, &error);
      LuwteTakedownUpdate update = { messages[i].state, "2026-11-18T10:00:00+01:00", "e-mail", messages[i].due };

      g_assert_no_error (error);
      g_assert_true (luwte_store_update_takedown (store, messages[i].kase, evidence, &update, &error));
      g_assert_no_error (error);
      g_assert_cmpint (luwte_evidence_is_overdue (evidence, now), ==, messages[i].overdue);
    }

  g_assert_cmpint (luwte_store_count_overdue_takedowns (store, NULL, now, &error), ==, 2);
  g_assert_cmpint (luwte_store_count_overdue_takedowns (store, first, now, &error), ==, 1);
  g_assert_cmpint (luwte_store_count_overdue_takedowns (store, second, now, &error), ==, 1);
  g_assert_cmpint (luwte_store_count_overdue_takedowns (store, quiet, now, &error), ==, 0);
  g_assert_cmpint (luwte_store_count_overdue_takedowns (store, NULL, before, &error), ==, 0);
  g_assert_no_error (error);

  /* The request that has waited longest: the first case's. */
  reference = luwte_store_find_overdue_takedown_case (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reference, ==, luwte_case_get_reference (first));
  g_assert_null (luwte_store_find_overdue_takedown_case (store, before, &error));
  g_assert_no_error (error);

  /* The case list asks for the cases it shows at once. */
  {
    gint64 ids[] = { luwte_case_get_id (quiet), luwte_case_get_id (first), luwte_case_get_id (second), 999999 };
    g_autoptr(GHashTable) overdue = luwte_store_find_cases_with_overdue_takedowns (store, ids, G_N_ELEMENTS (ids),
                                                                                  now, &error);
    g_autoptr(GHashTable) none = luwte_store_find_cases_with_overdue_takedowns (store, ids, G_N_ELEMENTS (ids),
                                                                               before, &error);
    g_autoptr(GHashTable) empty = luwte_store_find_cases_with_overdue_takedowns (store, NULL, 0, now, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (overdue), ==, 2);
    g_assert_true (g_hash_table_contains (overdue, &ids[1]));
    g_assert_true (g_hash_table_contains (overdue, &ids[2]));
    g_assert_false (g_hash_table_contains (overdue, &ids[0]));
    g_assert_cmpuint (g_hash_table_size (none), ==, 0);
    g_assert_cmpuint (g_hash_table_size (empty), ==, 0);
  }

  /* Found through indexes, not by reading every message: none of the
   * statements that ran did a step of a full scan. */
  {
    sqlite3 *db = luwte_store_get_db (store);
    guint n_checked = 0;

    for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
      if (strstr (sqlite3_sql (stmt), "julianday (takedown_due)") != NULL)
        {
          g_assert_cmpint (sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE), ==, 0);
          n_checked++;
        }
    g_assert_cmpuint (n_checked, ==, 4);
  }
}

static void
on_setting_changed (GPtrArray  *seen,
                    const char *key)
{
  g_ptr_array_add (seen, g_strdup (key));
}

/* A stored setting is told after its commit, once; a refused or rolled
 * back one is not; the detail names it. */
static void
test_setting_changed (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("setting-changed.db");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) mayor = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  LuwteProfileKey key;

  g_signal_connect_swapped (store, "setting-changed", G_CALLBACK (on_setting_changed), seen);
  g_signal_connect_swapped (store, "setting-changed::profile.mayor", G_CALLBACK (on_setting_changed), mayor);

  g_assert_true (luwte_profile_set (store, LUWTE_PROFILE_MAYOR, "A. de Burgemeester", &error));
  g_assert_true (luwte_profile_set (store, LUWTE_PROFILE_PHONE, "14 0123", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (mayor->len, ==, 1);
  g_assert_true (luwte_profile_key_from_setting (g_ptr_array_index (seen, 0), &key));
  g_assert_cmpint (key, ==, LUWTE_PROFILE_MAYOR);
  g_assert_true (luwte_profile_key_from_setting (g_ptr_array_index (seen, 1), &key));
  g_assert_cmpint (key, ==, LUWTE_PROFILE_PHONE);

  /* Refused: nothing stored, nothing told. */
  g_assert_false (luwte_profile_set (store, LUWTE_PROFILE_EMAIL, "geen adres", &error));
  g_clear_error (&error);
  g_assert_cmpuint (seen->len, ==, 2);

  /* Written in a transaction that is rolled back: not told. */
  g_assert_true (luwte_store_begin (store, &error));
  g_assert_true (luwte_store_set_setting (store, "profile.mayor", "B. Teruggedraaid", &error));
  g_assert_cmpuint (seen->len, ==, 2);
  luwte_store_rollback (store);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (mayor->len, ==, 1);

  /* A case's reference counter is a setting too, but not the profile's. */
  kase = luwte_store_create_case (store, "Signaal", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_false (luwte_profile_key_from_setting (g_ptr_array_index (seen, 2), NULL));
}

static void
test_profile (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("profile.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *logo = g_build_filename (g_get_user_data_dir (), "logo.png", NULL);
  g_autofree char *value = NULL;
  LuwteProfileKey key;

  value = luwte_profile_get (store, LUWTE_PROFILE_REFERENCE_PREFIX);
  g_assert_cmpstr (value, ==, "OOV");
  g_clear_pointer (&value, g_free);
  value = luwte_profile_get (store, LUWTE_PROFILE_MUNICIPALITY);
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);

  for (LuwteProfileKey k = 0; k < LUWTE_PROFILE_N_KEYS; k++)
    {
      g_assert_true (luwte_profile_key_parse (luwte_profile_key_to_string (k), &key));
      g_assert_cmpint (key, ==, k);
      g_assert_nonnull (luwte_profile_key_label (k));
    }
  g_assert_false (luwte_profile_key_parse ("burgemeester", &key));

  g_assert_true (luwte_profile_set (store, LUWTE_PROFILE_ADDRESS, "Raadhuisplein 1\n1234 AB Voorbeeld", &error));
  g_assert_true (luwte_profile_set (store, LUWTE_PROFILE_MUNICIPALITY, "  Gemeente <b>Voorbeeld</b> ", &error));
  g_assert_no_error (error);
  value = luwte_profile_get (store, LUWTE_PROFILE_MUNICIPALITY);
  g_assert_cmpstr (value, ==, "Gemeente <b>Voorbeeld</b>");
  g_clear_pointer (&value, g_free);

  /* Each bad value is refused and changes nothing. */
  g_assert_false (luwte_profile_set (store, LUWTE_PROFILE_REFERENCE_PREFIX, "oov", &error));
  g_clear_error (&error);
  g_assert_false (luwte_profile_set (store, LUWTE_PROFILE_REFERENCE_PREFIX, "OOV-", &error));
  g_clear_error (&error);
  g_assert_false (luwte_profile_set (store, LUWTE_PROFILE_EMAIL, "oov at voorbeeld", &error));
  g_clear_error (&error);
  g_assert_false (luwte_profile_set (store, LUWTE_PROFILE_MAYOR, "Twee\nregels", &error));
  g_clear_error (&error);
  g_assert_false (luwte_profile_set (store, LUWTE_PROFILE_LOGO, "logo.png", &error));
  g_clear_error (&error);
  g_assert_false (luwte_profile_set (store, LUWTE_PROFILE_LOGO, logo, &error));
  g_assert_nonnull (strstr (error->message, logo));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (logo, "png", -1, NULL));
  g_assert_true (luwte_profile_set (store, LUWTE_PROFILE_LOGO, logo, &error));
  g_assert_true (luwte_profile_set (store, LUWTE_PROFILE_EMAIL, "oov@voorbeeld.example", &error));
  g_assert_true (luwte_profile_set (store, LUWTE_PROFILE_REFERENCE_PREFIX, "VRB2", &error));
  g_assert_no_error (error);
  value = luwte_profile_get (store, LUWTE_PROFILE_REFERENCE_PREFIX);
  g_assert_cmpstr (value, ==, "VRB2");

  /* New cases take the new prefix. */
  {
    g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "", &error);
    g_assert_true (g_str_has_prefix (luwte_case_get_reference (kase), "VRB2-"));
  }
}

/* Rows in every table a closed case could be changed through */
static char *
case_fingerprint (LuwteStore *store)
{
  return query_text (store,
    "SELECT (SELECT count (*) FROM cases) || '/' || (SELECT group_concat (title || status || lessons, '|') FROM cases)"
    " || '/' || (SELECT count (*) FROM parties) || '/' || (SELECT group_concat (role || name || organisation || contact, '|') FROM parties)"
    " || '/' || (SELECT count (*) FROM notes)"
    " || '/' || (SELECT group_concat (status || responsible || coalesce (effect, '-'), '|') FROM case_interventions)"
    " || '/' || (SELECT group_concat (takedown, '|') FROM evidence) || '/' || (SELECT count (*) FROM case_platforms)");
}

static void
test_close_with_evaluation (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("close.db");
  g_autoptr(LuwteStore) other = NULL;
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Feest gaat viraal", NULL);
  g_autoptr(LuwteCase) elsewhere = luwte_store_create_case (store, "Een andere casus", NULL);
  g_autoptr(LuwteCase) seen = NULL;
  g_autoptr(LuwteCaseIntervention) a = NULL;
  g_autoptr(LuwteCaseIntervention) b = NULL;
  g_autoptr(LuwteCaseIntervention) c = NULL;
  g_autoptr(LuwteCaseIntervention) foreign = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *changes = NULL;
  LuwteInterventionStatus done = LUWTE_INTERVENTION_STATUS_DONE;
  LuwteCaseInterventionEdit edit = { .status = &done };

  a = luwte_store_add_case_intervention (store, kase, "digital-community-officer", "1.0", &error);
  b = luwte_store_add_case_intervention (store, kase, "letter-to-parents-youths", "1.0", &error);
  c = luwte_store_add_case_intervention (store, kase, "emergency-order", "1.0", &error);
  foreign = luwte_store_add_case_intervention (store, elsewhere, "do-nothing", "1.0", &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_update_case_intervention (store, kase, a, &edit, &error));
  g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_ACTIVE, &error));
  g_assert_no_error (error);
  g_assert_true (luwte_case_intervention_is_used (a));
  g_assert_false (luwte_case_intervention_is_used (c));

  /* An intervention of another case: refused, and nothing changes. */
  {
    LuwteEffectChoice effects[] = {
      { luwte_case_intervention_get_id (a), LUWTE_EFFECT_WORKED },
      { luwte_case_intervention_get_id (foreign), LUWTE_EFFECT_PARTLY },
    };
    LuwteCaseEvaluation evaluation = { effects, G_N_ELEMENTS (effects), "Niet opgeslagen" };

    before = case_fingerprint (store);
    g_assert_false (luwte_store_close_case (store, kase, &evaluation, &error));
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    after = case_fingerprint (store);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_ACTIVE);
    g_assert_cmpstr (luwte_case_get_lessons (kase), ==, "");
  }

  {
    LuwteEffectChoice effects[] = {
      { luwte_case_intervention_get_id (a), LUWTE_EFFECT_WORKED },
      { luwte_case_intervention_get_id (b), LUWTE_EFFECT_NOT_WORKED },
    };
    LuwteCaseEvaluation evaluation = { effects, G_N_ELEMENTS (effects), "Eerder de ouders betrekken." };

    g_assert_true (luwte_store_close_case (store, kase, &evaluation, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (luwte_case_get_status (kase), ==, LUWTE_CASE_STATUS_CLOSED);
  g_assert_nonnull (luwte_case_get_closed_at (kase));
  g_assert_cmpstr (luwte_case_get_lessons (kase), ==, "Eerder de ouders betrekken.");

  /* As another program sees it. */
  other = luwte_store_open (luwte_store_get_path (store), &error);
  g_assert_no_error (error);
  seen = luwte_store_get_case (other, luwte_case_get_reference (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_case_get_status (seen), ==, LUWTE_CASE_STATUS_CLOSED);
  g_assert_cmpstr (luwte_case_get_lessons (seen), ==, "Eerder de ouders betrekken.");
  items = luwte_store_list_case_interventions (other, seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpint (luwte_case_intervention_get_effect (g_ptr_array_index (items, 0)), ==, LUWTE_EFFECT_WORKED);
  g_assert_cmpint (luwte_case_intervention_get_effect (g_ptr_array_index (items, 1)), ==, LUWTE_EFFECT_NOT_WORKED);
  g_assert_cmpint (luwte_case_intervention_get_effect (g_ptr_array_index (items, 2)), ==, LUWTE_EFFECT_NOT_EVALUATED);

  /* One transaction: the evaluation, then the status, both audited, with
   * no content in the log. */
  actions = query_text (store, "SELECT group_concat (action || ':' || detail, ',') FROM"
                               " (SELECT * FROM audit WHERE case_ref = (SELECT reference FROM cases WHERE title LIKE 'Feest%')"
                               "  AND action LIKE 'case.%' ORDER BY id)");
  g_assert_cmpstr (actions, ==, "case.create:,case.status:signal → active,case.evaluate:effects: 2, lessons,"
                                "case.status:active → closed");
  changes = query_text (store, "SELECT group_concat (coalesce (from_status, '-') || '>' || to_status, ',')"
                               " FROM (SELECT * FROM status_changes WHERE case_id = 1 ORDER BY id)");
  g_assert_cmpstr (changes, ==, "->signal,signal>active,active>closed");

  /* Closed is closed: a second evaluation is refused. */
  {
    LuwteCaseEvaluation evaluation = { NULL, 0, "Nog eens" };

    g_assert_false (luwte_store_close_case (store, kase, &evaluation, &error));
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_CLOSED);
    g_assert_cmpstr (luwte_case_get_lessons (kase), ==, "Eerder de ouders betrekken.");
  }
}
/* The references of the cases a search for @query finds */
static char *
search_references (LuwteStore *store,
                   const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteSearch) search = luwte_search_new (store, &error);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) refs = g_string_new (NULL);

  g_assert_no_error (error);
  hits = luwte_search_run (search, query, NULL, 0, 100, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (refs, "%s%s", i > 0 ? "," : "", luwte_search_hit_get_reference (g_ptr_array_index (hits, i)));
  return g_string_free (g_steal_pointer (&refs), FALSE);
}

/* A party's postal address is kept with the case, corrected like the rest
 * (the audit names the field, not the address), and never goes into the
 * address book: that would keep families' home addresses for every later
 * case. */
static void
test_party_address (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("party-address.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Oproep Zuidwijk", NULL);
  g_autoptr(LuwteParty) parents = luwte_party_new (LUWTE_ROLE_PARENT, "Fam. Verzonnen", "", "06-00000000");
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  LuwtePartyEdit moved = { .address = "Kerkstraat 2, 1234 AB Voorbeeld" };

  luwte_party_set_address (parents, "Molenlaan 140, 9569 AB Zuidwijk");
  g_assert_true (luwte_store_add_party (store, kase, parents, &error));
  g_assert_no_error (error);
  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (parties, 0)), ==, "Molenlaan 140, 9569 AB Zuidwijk");
  g_assert_cmpstr (luwte_party_get_contact (g_ptr_array_index (parties, 0)), ==, "06-00000000");

  g_assert_true (luwte_store_update_party (store, kase, parents, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_party_get_address (parents), ==, "Kerkstraat 2, 1234 AB Voorbeeld");
  g_clear_pointer (&parties, g_ptr_array_unref);
  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (parties, 0)), ==, "Kerkstraat 2, 1234 AB Voorbeeld");
  detail = query_text (store, "SELECT detail FROM audit WHERE action = 'party.update'");
  g_assert_cmpstr (detail, ==, "address");

  contacts = luwte_store_list_contacts (store, &error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (luwte_party_get_contact (g_ptr_array_index (contacts, 0)), ==, "06-00000000");
  g_assert_cmpstr (luwte_party_get_address (g_ptr_array_index (contacts, 0)), ==, "");
  {
    g_autofree char *anywhere = query_text (store, "SELECT count (*) FROM contacts WHERE contact LIKE '%straat%'");

    g_assert_cmpstr (anywhere, ==, "0");
  }
}

static void
test_update_party (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("update-party.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Oproep op TikTok", NULL);
  g_autoptr(LuwteCase) other = luwte_store_create_case (store, "Andere casus", NULL);
  g_autoptr(LuwteParty) party = luwte_party_new (LUWTE_ROLE_POLICE, "Jansen", "Politie Eenheid Noord", "06-00000000");
  g_autoptr(LuwteParty) stranger = luwte_party_new (LUWTE_ROLE_SCHOOL, "Mentor", "", "");
  g_autoptr(LuwteNote) linked = NULL;
  g_autoptr(LuwteNote) in_words = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *refs = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LuwteRole key_figure = LUWTE_ROLE_KEY_FIGURE;
  LuwteRole unknown = (LuwteRole) 99;
  LuwtePartyEdit edit = { .role = &key_figure, .name = "Bakkersma", .contact = "06-11111111" };
  LuwtePartyEdit bad_role = { .role = &unknown, .name = "Iemand" };
  LuwtePartyEdit nameless = { .name = "", .organisation = "" };
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_AGREEMENT, .text = "Gaat langs bij de ouders" };

  g_assert_true (luwte_store_add_party (store, kase, party, &error));
  g_assert_true (luwte_store_add_party (store, other, stranger, &error));
  g_assert_no_error (error);
  described = luwte_party_describe (party);
  entry.party = described;
  entry.party_id = luwte_party_get_id (party);
  linked = luwte_store_add_note (store, kase, &entry, &error);
  entry.party = "Jansen van de buurtvereniging";
  entry.party_id = 0;
  in_words = luwte_store_add_note (store, kase, &entry, &error);
  g_assert_no_error (error);
  refs = search_references (store, "Jansen");
  g_assert_cmpstr (refs, ==, luwte_case_get_reference (kase));
  g_clear_pointer (&refs, g_free);

  g_assert_true (luwte_store_update_party (store, kase, party, &edit, &error));
  g_assert_no_error (error);
  /* The object follows; what was not given stays. */
  g_assert_cmpint (luwte_party_get_role (party), ==, LUWTE_ROLE_KEY_FIGURE);
  g_assert_cmpstr (luwte_party_get_name (party), ==, "Bakkersma");
  g_assert_cmpstr (luwte_party_get_organisation (party), ==, "Politie Eenheid Noord");

  parties = luwte_store_list_parties (store, kase, NULL);
  g_assert_cmpuint (parties->len, ==, 1);
  g_assert_cmpint (luwte_party_get_id (g_ptr_array_index (parties, 0)), ==, luwte_party_get_id (party));
  g_assert_cmpint (luwte_party_get_role (g_ptr_array_index (parties, 0)), ==, LUWTE_ROLE_KEY_FIGURE);
  g_assert_cmpstr (luwte_party_get_name (g_ptr_array_index (parties, 0)), ==, "Bakkersma");
  g_assert_cmpstr (luwte_party_get_organisation (g_ptr_array_index (parties, 0)), ==, "Politie Eenheid Noord");
  g_assert_cmpstr (luwte_party_get_contact (g_ptr_array_index (parties, 0)), ==, "06-11111111");

  /* The log names the linked party as it is now; a name in words stays. */
  notes = luwte_store_list_notes (store, kase, NULL);
  g_assert_cmpuint (notes->len, ==, 2);
  for (guint i = 0; i < notes->len; i++)
    {
      LuwteNote *note = g_ptr_array_index (notes, i);

      if (luwte_note_get_id (note) == luwte_note_get_id (linked))
        {
          g_assert_nonnull (strstr (luwte_note_get_party (note), "Bakkersma"));
          g_assert_null (strstr (luwte_note_get_party (note), "Jansen"));
        }
      else
        g_assert_cmpstr (luwte_note_get_party (note), ==, "Jansen van de buurtvereniging");
    }

  /* An entry written from a form that still shows the old name (the
   * Log page's draft, stored at a case switch) names the party as it is. */
  {
    LuwteNoteNew stale = { .kind = LUWTE_NOTE_KIND_INFORMATION, .text = "Belt terug", .party = described,
                           .party_id = luwte_party_get_id (party) };
    g_autoptr(LuwteNote) late = luwte_store_add_note (store, kase, &stale, &error);
    g_autoptr(LuwteRemoval) removed = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (described, !=, luwte_note_get_party (late));
    g_assert_nonnull (strstr (luwte_note_get_party (late), "Bakkersma"));
    removed = luwte_store_remove (store, LUWTE_REMOVAL_NOTE, kase, luwte_note_get_id (late), &error);
    g_assert_no_error (error);
  }

  /* Audited by the fields changed, without what was typed. */
  detail = query_text (store, "SELECT detail FROM audit WHERE action = 'party.update'");
  g_assert_cmpstr (detail, ==, "role, name, contact");

  /* The search index follows: the new name finds the case; the old one
   * only through the note that names someone else in words. */
  refs = search_references (store, "Bakkersma");
  g_assert_cmpstr (refs, ==, luwte_case_get_reference (kase));
  g_clear_pointer (&refs, g_free);
  g_assert_true (luwte_store_remove (store, LUWTE_REMOVAL_NOTE, kase, luwte_note_get_id (in_words), &error) != NULL);
  g_assert_no_error (error);
  refs = search_references (store, "Jansen");
  g_assert_cmpstr (refs, ==, "");
  g_clear_pointer (&refs, g_free);

  /* Refused, and nothing changed: an unknown role, no name left, a
   * party of another case. */
  before = case_fingerprint (store);
  g_assert_false (luwte_store_update_party (store, kase, party, &bad_role, &error));
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (luwte_store_update_party (store, kase, party, &nameless, &error));
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (luwte_store_update_party (store, kase, stranger, &edit, &error));
  g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED);
  g_clear_error (&error);
  after = case_fingerprint (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (luwte_party_get_name (party), ==, "Bakkersma");
  g_assert_cmpstr (luwte_party_get_name (stranger), ==, "Mentor");
  g_clear_pointer (&detail, g_free);
  detail = query_text (store, "SELECT count (*) FROM audit WHERE action = 'party.update'");
  g_assert_cmpstr (detail, ==, "1");

  /* The address book keeps the entry as it was added, no new one. */
  contacts = luwte_store_list_contacts (store, NULL);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (luwte_party_get_name (g_ptr_array_index (contacts, 0)), ==, "Jansen");

  /* A name corrected to match a book entry leaves that entry's contact
   * detail alone when none was typed. */
  {
    g_autoptr(LuwteParty) typo = luwte_party_new (LUWTE_ROLE_MAYOR, "H. de Vriess", "Gemeente", "");
    g_autoptr(LuwteParty) known = luwte_party_new (LUWTE_ROLE_MAYOR, "H. de Vries", "Gemeente", "06-11111111");
    LuwtePartyEdit corrected = { .name = "H. de Vries" };

    g_assert_true (luwte_store_add_party (store, other, known, &error));
    g_assert_true (luwte_store_add_party (store, kase, typo, &error));
    g_assert_true (luwte_store_update_party (store, kase, typo, &corrected, &error));
    g_assert_no_error (error);
    g_clear_pointer (&detail, g_free);
    detail = query_text (store, "SELECT contact FROM contacts WHERE name = 'H. de Vries'");
    g_assert_cmpstr (detail, ==, "06-11111111");
  }
}

static void
test_closed_case_read_only (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("read-only.db");
  g_autoptr(LuwteStore) other = NULL;
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Gesloten casus", NULL);
  g_autoptr(LuwteCase) stale = NULL;
  g_autoptr(LuwteCaseIntervention) item = NULL;
  g_autoptr(LuwteNote) note = NULL;
  g_autoptr(LuwteEvidence) evidence = NULL;
  g_autoptr(LuwteParty) party = luwte_party_new (LUWTE_ROLE_POLICE, "Wijkagent", "Politie", "");
  g_autoptr(LuwteParty) late = luwte_party_new (LUWTE_ROLE_SCHOOL, "Mentor", "School", "");
  g_autoptr(LuwteRemoval) earlier = NULL;
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_DECISION, .text = "Geen noodbevel" };
  LuwteEvidenceNew message = { .url = "https://example.org/1", .platform = "TikTok" };
  LuwteInterventionStatus done = LUWTE_INTERVENTION_STATUS_DONE;
  LuwteCaseInterventionEdit edit = { .status = &done, .outcome = "Later" };
  LuwteCaseEdit case_edit = { .title = "Andere titel" };
  LuwteTakedownUpdate takedown = { .state = LUWTE_TAKEDOWN_REQUESTED };
  LuwteCaseEvaluation evaluation = { NULL, 0, "Les" };
  const char *platforms[] = { "Snapchat", NULL };

  item = luwte_store_add_case_intervention (store, kase, "do-nothing", "1.0", &error);
  note = luwte_store_add_note (store, kase, &entry, &error);
  evidence = luwte_store_add_evidence (store, kase, &message, NULL, &error);
  g_assert_true (luwte_store_add_party (store, kase, party, &error));
  g_assert_no_error (error);
  /* Removed while open: its undo comes after the case is closed. */
  {
    g_autoptr(LuwteNote) second = luwte_store_add_note (store, kase, &entry, &error);
    g_assert_no_error (error);
    earlier = luwte_store_remove (store, LUWTE_REMOVAL_NOTE, kase, luwte_note_get_id (second), &error);
    g_assert_no_error (error);
  }
  g_assert_true (luwte_store_close_case (store, kase, &evaluation, &error));
  g_assert_no_error (error);
  before = case_fingerprint (store);

#define ASSERT_CLOSED(call) G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_CLOSED); \
    g_assert_nonnull (strstr (error->message, luwte_case_get_reference (kase))); \
    g_assert_nonnull (strstr (error->message, "reopen it to change it")); \
    g_clear_error (&error); \
  } G_STMT_END

  ASSERT_CLOSED (luwte_store_update_case (store, kase, &case_edit, &error));
  case_edit.title = NULL;
  case_edit.platforms = platforms;
  ASSERT_CLOSED (luwte_store_update_case (store, kase, &case_edit, &error));
  ASSERT_CLOSED (luwte_store_add_note (store, kase, &entry, &error) != NULL);
  ASSERT_CLOSED (luwte_store_add_case_intervention (store, kase, "emergency-order", "1.0", &error) != NULL);
  ASSERT_CLOSED (luwte_store_update_case_intervention (store, kase, item, &edit, &error));
  ASSERT_CLOSED (luwte_store_add_party (store, kase, late, &error));
  {
    LuwtePartyEdit rename = { .name = "Andere wijkagent" };

    ASSERT_CLOSED (luwte_store_update_party (store, kase, party, &rename, &error));
    g_assert_cmpstr (luwte_party_get_name (party), ==, "Wijkagent");
  }
  ASSERT_CLOSED (luwte_store_add_evidence (store, kase, &message, NULL, &error) != NULL);
  ASSERT_CLOSED (luwte_store_update_takedown (store, kase, evidence, &takedown, &error));
  ASSERT_CLOSED (luwte_store_remove (store, LUWTE_REMOVAL_NOTE, kase, luwte_note_get_id (note), &error) != NULL);
  ASSERT_CLOSED (luwte_store_remove (store, LUWTE_REMOVAL_INTERVENTION, kase, luwte_case_intervention_get_id (item), &error) != NULL);
  ASSERT_CLOSED (luwte_store_remove (store, LUWTE_REMOVAL_PARTY, kase, luwte_party_get_id (party), &error) != NULL);
  ASSERT_CLOSED (luwte_store_remove (store, LUWTE_REMOVAL_EVIDENCE, kase, luwte_evidence_get_id (evidence), &error) != NULL);
  ASSERT_CLOSED (luwte_store_undo_removal (store, earlier, &error));
  after = case_fingerprint (store);
  g_assert_cmpstr (before, ==, after);

  /* The database decides, not a stale object: another program reopens and
   * closes it again while this one still holds it as it was. */
  other = luwte_store_open (luwte_store_get_path (store), &error);
  g_assert_no_error (error);
  stale = luwte_store_get_case (other, luwte_case_get_reference (kase), &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_set_case_status (other, stale, LUWTE_CASE_STATUS_ACTIVE, &error));
  g_assert_true (luwte_store_update_case (store, kase, &case_edit, &error));
  g_assert_no_error (error);
  g_assert_true (luwte_store_set_case_status (other, stale, LUWTE_CASE_STATUS_CLOSED, &error));
  case_edit.platforms = NULL;
  case_edit.summary = "Nog iets";
  ASSERT_CLOSED (luwte_store_update_case (store, kase, &case_edit, &error));
#undef ASSERT_CLOSED

  /* Deleting the whole case stays possible, and Undo brings it back closed,
   * with its evaluation. */
  removal = luwte_store_remove (store, LUWTE_REMOVAL_CASE, kase, 0, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_undo_removal (store, removal, &error));
  g_assert_no_error (error);
  {
    g_autoptr(LuwteCase) back = luwte_store_get_case (store, luwte_case_get_reference (kase), &error);

    g_assert_no_error (error);
    g_assert_cmpint (luwte_case_get_status (back), ==, LUWTE_CASE_STATUS_CLOSED);
    g_assert_cmpstr (luwte_case_get_lessons (back), ==, "Les");
  }
}

static void
test_reopen_recorded (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("reopen.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Heropend", NULL);
  g_autoptr(LuwteCaseIntervention) item = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  gboolean reopened_in_timeline = FALSE;
  gboolean reopened_in_history = FALSE;
  LuwteCaseEdit edit = { .summary = "Nieuwe oproep na drie weken" };

  item = luwte_store_add_case_intervention (store, kase, "do-nothing", "1.0", &error);
  g_assert_no_error (error);
  {
    LuwteEffectChoice effects[] = { { luwte_case_intervention_get_id (item), LUWTE_EFFECT_PARTLY } };
    LuwteCaseEvaluation evaluation = { effects, 1, "Waaide over" };

    g_assert_true (luwte_store_close_case (store, kase, &evaluation, &error));
  }
  g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_ACTIVE, &error));
  g_assert_no_error (error);
  g_assert_null (luwte_case_get_closed_at (kase));

  changes = query_text (store, "SELECT group_concat (coalesce (from_status, '-') || '>' || to_status, ',')"
                               " FROM (SELECT * FROM status_changes ORDER BY id)");
  g_assert_cmpstr (changes, ==, "->signal,signal>closed,closed>active");

  timeline = luwte_store_list_timeline (store, kase, card, NULL, LUWTE_LANGUAGE_EN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    {
      LuwteTimelineEntry *entry = g_ptr_array_index (timeline, i);

      if (entry->kind == LUWTE_TIMELINE_STATUS && strstr (entry->text, "reopened") != NULL)
        reopened_in_timeline = TRUE;
    }
  g_assert_true (reopened_in_timeline);
  history = luwte_store_list_history (store, kase, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      LuwteHistoryEntry *entry = g_ptr_array_index (history, i);

      if (g_str_equal (entry->action, "case.reopen") && g_str_equal (entry->detail, "closed → active"))
        reopened_in_history = TRUE;
    }
  g_assert_true (reopened_in_history);

  /* Open again, it can be changed; the evaluation is kept for next time. */
  g_assert_true (luwte_store_update_case (store, kase, &edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_case_get_lessons (kase), ==, "Waaide over");
  items = luwte_store_list_case_interventions (store, kase, &error);
  g_assert_cmpint (luwte_case_intervention_get_effect (g_ptr_array_index (items, 0)), ==, LUWTE_EFFECT_PARTLY);

  /* And closed once more, with other lessons and the effect cleared. */
  {
    LuwteEffectChoice effects[] = { { luwte_case_intervention_get_id (item), LUWTE_EFFECT_NOT_EVALUATED } };
    LuwteCaseEvaluation evaluation = { effects, 1, "Tweede keer: sneller handelen" };

    g_assert_true (luwte_store_close_case (store, kase, &evaluation, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&items, g_ptr_array_unref);
  items = luwte_store_list_case_interventions (store, kase, &error);
  g_assert_cmpint (luwte_case_intervention_get_effect (g_ptr_array_index (items, 0)), ==, LUWTE_EFFECT_NOT_EVALUATED);
  g_assert_cmpstr (luwte_case_get_lessons (kase), ==, "Tweede keer: sneller handelen");
}

static void
test_effect_words (void)
{
  LuwteEffect effect = LUWTE_EFFECT_WORKED;

  g_assert_null (luwte_effect_to_string (LUWTE_EFFECT_NOT_EVALUATED));
  for (LuwteEffect e = LUWTE_EFFECT_WORKED; e <= LUWTE_EFFECT_UNKNOWN; e++)
    {
      g_assert_true (luwte_effect_parse (luwte_effect_to_string (e), &effect));
      g_assert_cmpint (effect, ==, e);
      g_assert_cmpstr (luwte_effect_label (e), !=, "");
    }
  g_assert_cmpstr (luwte_effect_to_string (LUWTE_EFFECT_NOT_WORKED), ==, "not_worked");
  g_assert_true (luwte_effect_parse (NULL, &effect));
  g_assert_cmpint (effect, ==, LUWTE_EFFECT_NOT_EVALUATED);
  g_assert_false (luwte_effect_parse ("great", &effect));
  g_assert_false (luwte_effect_parse ("", &effect));
}

int
main (int   argc,
      char *argv[])
{
  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS") != NULL ? g_getenv ("XDG_DATA_DIRS") : "/usr/local/share:/usr/share");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/default-location-and-modes", test_default_location_and_modes);
  g_test_add_func ("/store/env-points-elsewhere", test_env_points_elsewhere);
  g_test_add_func ("/store/newer-database-refused-untouched", test_newer_database_refused_untouched);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/migration-keeps-data", test_migration_keeps_data);
  g_test_add_func ("/store/migration-to-done-actions", test_migration_to_done_actions);
  g_test_add_func ("/store/migration-to-letter-recipients", test_migration_to_letter_recipients);
  g_test_add_func ("/store/letter-keeps-recipient", test_letter_keeps_recipient);
  g_test_add_func ("/store/create-and-references", test_create_and_references);
  g_test_add_func ("/store/not-found", test_not_found);
  g_test_add_func ("/store/status-history-and-audit", test_status_history_and_audit);
  g_test_add_func ("/store/list-pages-and-filter", test_list_pages_and_filter);
  g_test_add_func ("/store/list-sorted", test_list_sorted);
  g_test_add_func ("/store/update-case", test_update_case);
  g_test_add_func ("/store/case-list-model", test_case_list_model);
  g_test_add_func ("/store/case-interventions", test_case_interventions);
  g_test_add_func ("/store/notes", test_notes);
  g_test_add_func ("/store/notes-done", test_notes_done);
  g_test_add_func ("/store/parties", test_parties);
  g_test_add_func ("/store/party-address", test_party_address);
  g_test_add_func ("/store/one-live-case", test_one_live_case);
  g_test_add_func ("/store/new-case-position", test_new_case_position);
  g_test_add_func ("/store/timeline-and-history", test_timeline_and_history);
  g_test_add_func ("/store/evidence", test_evidence);
  g_test_add_func ("/store/takedown-follow-up", test_takedown_follow_up);
  g_test_add_func ("/store/overdue-takedowns", test_overdue_takedowns);
  g_test_add_func ("/store/profile", test_profile);
  g_test_add_func ("/store/setting-changed", test_setting_changed);
  g_test_add_func ("/store/close-with-evaluation", test_close_with_evaluation);
  g_test_add_func ("/store/update-party", test_update_party);
  g_test_add_func ("/store/closed-case-read-only", test_closed_case_read_only);
  g_test_add_func ("/store/reopen-recorded", test_reopen_recorded);
  g_test_add_func ("/store/effect-words", test_effect_words);

  return g_test_run ();
}
