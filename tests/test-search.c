/* test-search.c — full-text search over every case: every kind of field,
 * prefixes, accents and case, several words, ranking, the index after
 * every kind of change, hostile queries, filters and cancellation
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
#include "luwte-search.h"
#include "luwte-store.h"
#include "luwte-store-schema.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
temp_db_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "search", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
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

static LuwteSearch *
search_for (LuwteStore *store)
{
  g_autoptr(GError) error = NULL;
  LuwteSearch *search = luwte_search_new (store, &error);

  g_assert_no_error (error);
  return search;
}

static GPtrArray *
run (LuwteSearch             *search,
     const char              *query,
     const LuwteSearchFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = luwte_search_run (search, query, filter, 0, 100, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* The references found, best first, joined by spaces. */
static char *
found (LuwteSearch             *search,
       const char              *query,
       const LuwteSearchFilter *filter)
{
  g_autoptr(GPtrArray) hits = run (search, query, filter);
  g_autoptr(GString) refs = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (refs, "%s%s", i > 0 ? " " : "",
                            luwte_search_hit_get_reference (g_ptr_array_index (hits, i)));
  return g_string_free (g_steal_pointer (&refs), FALSE);
}

#define assert_found(search, query, expected) \
  G_STMT_START { \
    g_autofree char *refs_ = found ((search), (query), NULL); \
    g_assert_cmpstr (refs_, ==, (expected)); \
  } G_STMT_END

/* FTS5's own check that the index agrees with the documents. */
static void
assert_index_sound (LuwteStore *store)
{
  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (store),
                                 "INSERT INTO case_search (case_search) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
exec_sql (LuwteStore *store,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A case with one made-up word in each kind of field, and one without. */
typedef struct {
  LuwteStore  *store;
  LuwteSearch *search;
  LuwteCase   *kase;
  LuwteCase   *other;
} Fixture;

static const struct {
  const char *field;
  const char *word;
} field_words[] = {
  { "title", "Kraanvogelplein" },
  { "summary", "samenvattingswoord" },
  { "location", "Zwanenburgwal" },
  { "platform", "Mastodonië" },
  { "note", "notitiewoord" },
  { "note party", "Notitiepartij" },
  { "note action by", "Actiehouder" },
  { "responsible", "Verantwoordelijke" },
  { "rationale", "Motiveringswoord" },
  { "proportionality", "Evenredigheidstoets" },
  { "outcome", "Uitkomstwoord" },
  { "party name", "Partijnaam" },
  { "party organisation", "Organisatiewoord" },
  { "party contact", "contactadres" },
  { "party role", "prosecutor" },
  { "message url", "voorbeeldsite" },
  { "message platform", "Berichtplatform" },
  { "message account", "accountnaam" },
  { "message description", "Beschrijvingswoord" },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *platforms[] = { "Mastodonië", NULL };
  LuwteCaseEdit edit = { .summary = "Een samenvattingswoord in de samenvatting.", .location = "Zwanenburgwal 1",
                         .platforms = platforms };
  LuwteNoteNew note = { .kind = LUWTE_NOTE_KIND_ACTION, .party = "Notitiepartij", .text = "Een notitiewoord.",
                        .action_by = "Actiehouder" };
  LuwteInterventionStatus planned = LUWTE_INTERVENTION_STATUS_PLANNED;
  LuwteCaseInterventionEdit choice = { .status = &planned, .responsible = "Verantwoordelijke",
                                       .rationale = "Motiveringswoord.", .proportionality = "Evenredigheidstoets.",
                                       .outcome = "Uitkomstwoord." };
  LuwteEvidenceNew message = { .url = "https://voorbeeldsite.example/post/1", .platform = "Berichtplatform",
                               .account = "accountnaam", .description = "Beschrijvingswoord bij de schermafbeelding." };
  g_autoptr(LuwteParty) party = luwte_party_new (LUWTE_ROLE_PROSECUTOR, "Partijnaam", "Organisatiewoord", "contactadres@example.org");
  g_autoptr(LuwteParty) police = luwte_party_new (LUWTE_ROLE_POLICE, "Wijkagent", "Politie", "");
  g_autoptr(LuwteNote) added_note = NULL;
  g_autoptr(LuwteCaseIntervention) intervention = NULL;
  g_autoptr(LuwteEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  fixture->store = open_fresh ("fixture.db");
  fixture->kase = luwte_store_create_case (fixture->store, "Oproep bij het Kraanvogelplein", &error);
  g_assert_no_error (error);
  fixture->other = luwte_store_create_case (fixture->store, "Oproep tot rellen", &error);
  g_assert_no_error (error);

  g_assert_true (luwte_store_update_case (fixture->store, fixture->kase, &edit, &error));
  added_note = luwte_store_add_note (fixture->store, fixture->kase, &note, &error);
  g_assert_no_error (error);
  intervention = luwte_store_add_case_intervention (fixture->store, fixture->kase, "emergency-order", "1.0", &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_update_case_intervention (fixture->store, fixture->kase, intervention, &choice, &error));
  g_assert_true (luwte_store_add_party (fixture->store, fixture->kase, party, &error));
  evidence = luwte_store_add_evidence (fixture->store, fixture->kase, &message, NULL, &error);
  g_assert_no_error (error);
  /* The other case: a police party, nothing of the words above. */
  g_assert_true (luwte_store_add_party (fixture->store, fixture->other, police, &error));
  g_assert_no_error (error);

  fixture->search = search_for (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->search);
  g_clear_object (&fixture->kase);
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->store);
}

/* Every kind of field is found, and the snippet shows the word found. */
static void
test_every_field (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *reference = luwte_case_get_reference (fixture->kase);

  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    {
      g_autoptr(GPtrArray) hits = run (fixture->search, field_words[i].word, NULL);
      g_autofree char *folded_word = g_utf8_casefold (field_words[i].word, -1);
      LuwteSearchHit *hit;
      const LuwteTextRange *matches;
      const char *snippet;
      guint n_matches = 0;
      gboolean shown = FALSE;

      g_test_message ("field %s: %s", field_words[i].field, field_words[i].word);
      g_assert_cmpuint (hits->len, ==, 1);
      hit = g_ptr_array_index (hits, 0);
      g_assert_cmpstr (luwte_search_hit_get_reference (hit), ==, reference);
      g_assert_cmpint (luwte_search_hit_get_case_id (hit), ==, luwte_case_get_id (fixture->kase));
      g_assert_cmpstr (luwte_search_hit_get_title (hit), ==, "Oproep bij het Kraanvogelplein");
      g_assert_cmpint (luwte_search_hit_get_status (hit), ==, LUWTE_CASE_STATUS_SIGNAL);

      snippet = luwte_search_hit_get_snippet (hit);
      g_assert_true (g_utf8_validate (snippet, -1, NULL));
      g_assert_null (strchr (snippet, '\x02'));
      g_assert_null (strchr (snippet, '\x03'));
      g_assert_null (strchr (snippet, '\n'));
      matches = luwte_search_hit_get_matches (hit, &n_matches);
      for (guint m = 0; m < n_matches; m++)
        {
          g_autofree char *text = NULL;
          g_autofree char *folded = NULL;

          g_assert_cmpuint (matches[m].start, <, matches[m].end);
          g_assert_cmpuint (matches[m].end, <=, strlen (snippet));
          text = g_strndup (snippet + matches[m].start, matches[m].end - matches[m].start);
          g_assert_true (g_utf8_validate (text, -1, NULL));
          folded = g_utf8_casefold (text, -1);
          if (g_str_equal (folded, folded_word))
            shown = TRUE;
        }
      g_assert_true (shown);
    }

  /* The reference, whole or in part. */
  assert_found (fixture->search, reference, reference);
  {
    g_autofree char *refs = found (fixture->search, "OOV", NULL);
    g_assert_nonnull (strstr (refs, reference));
    g_assert_nonnull (strstr (refs, luwte_case_get_reference (fixture->other)));
  }
}

static void
test_prefix_accents_case (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *reference = luwte_case_get_reference (fixture->kase);

  /* The start of a word, not its middle or end. */
  assert_found (fixture->search, "kraanvo", reference);
  assert_found (fixture->search, "Zwanenb", reference);
  assert_found (fixture->search, "vogelplein", "");
  assert_found (fixture->search, "burgwal", "");
  assert_found (fixture->search, "kraanvogelpleinen", "");
  /* Accents and case either way. */
  assert_found (fixture->search, "MASTODONIE", reference);
  assert_found (fixture->search, "mastodonië", reference);
  assert_found (fixture->search, "mastodonïe", reference);
  assert_found (fixture->search, "ÉVENREDIGHEIDSTOETS", reference);
  assert_found (fixture->search, "kráánvogel", reference);
}

static void
test_all_words (Fixture       *fixture,
                gconstpointer  data)
{
  const char *reference = luwte_case_get_reference (fixture->kase);
  const char *other = luwte_case_get_reference (fixture->other);
  g_autofree char *both = NULL;
  g_autofree char *either = NULL;

  /* Words from different fields of one case: title, note, party. */
  assert_found (fixture->search, "kraanvogel notitiewoord partijnaam", reference);
  /* In any order, with punctuation between. */
  assert_found (fixture->search, "Partijnaam, Kraanvogel; (notitie)", reference);
  /* One word the case lacks, and it is not found. */
  assert_found (fixture->search, "kraanvogel rellen", "");
  /* A word both have. */
  either = found (fixture->search, "oproep", NULL);
  g_assert_nonnull (strstr (either, reference));
  g_assert_nonnull (strstr (either, other));
  both = found (fixture->search, "oproep rellen", NULL);
  g_assert_cmpstr (both, ==, other);
}

/* A word in the title ranks above the same word further down a case. */
static void
test_title_ranks_first (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("rank.db");
  g_autoptr(LuwteCase) in_note = luwte_store_create_case (store, "Melding uit de wijk", NULL);
  g_autoptr(LuwteCase) in_title = luwte_store_create_case (store, "Vuurwerkoverlast bij de school", NULL);
  g_autoptr(LuwteCase) newest = luwte_store_create_case (store, "Nog een melding", NULL);
  g_autoptr(LuwteSearch) search = NULL;
  g_autoptr(LuwteNote) note = NULL;
  g_autoptr(GError) error = NULL;
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_INFORMATION,
                         .text = "Een lange notitie over van alles in de wijk, waarin ergens ook vuurwerkoverlast"
                                 " genoemd wordt, tussen veel andere woorden over toezicht en afspraken." };
  g_autofree char *expected = NULL;

  note = luwte_store_add_note (store, in_note, &entry, &error);
  g_assert_no_error (error);
  search = search_for (store);
  expected = g_strdup_printf ("%s %s", luwte_case_get_reference (in_title), luwte_case_get_reference (in_note));
  assert_found (search, "vuurwerkoverlast", expected);
  g_assert_nonnull (newest);
}

/* The index after every kind of change, checked by searching and by
 * FTS5's own integrity check. */
static void
test_index_follows_changes (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *reference = luwte_case_get_reference (fixture->kase);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCaseEdit edit = { .title = "Oproep bij de Reigerstraat" };
  LuwteParty *party;

  /* A new title: the old word is gone, the new one found. */
  g_assert_true (luwte_store_update_case (fixture->store, fixture->kase, &edit, &error));
  g_assert_no_error (error);
  assert_found (fixture->search, "kraanvogelplein", "");
  assert_found (fixture->search, "reigerstraat", reference);
  assert_index_sound (fixture->store);

  /* A status change keeps the case findable. */
  g_assert_true (luwte_store_set_case_status (fixture->store, fixture->kase, LUWTE_CASE_STATUS_ACTIVE, &error));
  assert_found (fixture->search, "reigerstraat", reference);

  /* A note edited (as SQL: notes are not edited in the application),
   * then removed, and back with Undo. */
  exec_sql (fixture->store, "UPDATE notes SET text = 'Een bijgewerkte notitie over de ooievaar.' WHERE text LIKE '%notitiewoord%'");
  assert_found (fixture->search, "notitiewoord", "");
  assert_found (fixture->search, "ooievaar", reference);
  {
    g_autoptr(GPtrArray) notes = luwte_store_list_notes (fixture->store, fixture->kase, &error);
    g_autoptr(LuwteRemoval) removal = NULL;

    for (guint i = 0; i < notes->len; i++)
      if (strstr (luwte_note_get_text (g_ptr_array_index (notes, i)), "ooievaar") != NULL)
        removal = luwte_store_remove (fixture->store, LUWTE_REMOVAL_NOTE, fixture->kase,
                                      luwte_note_get_id (g_ptr_array_index (notes, i)), &error);
    g_assert_no_error (error);
    g_assert_nonnull (removal);
    assert_found (fixture->search, "ooievaar", "");
    assert_found (fixture->search, "reigerstraat", reference);
    g_assert_true (luwte_store_undo_removal (fixture->store, removal, &error));
    assert_found (fixture->search, "ooievaar", reference);
  }
  assert_index_sound (fixture->store);

  /* A party removed, and back with Undo: the same row, the same id. */
  parties = luwte_store_list_parties (fixture->store, fixture->kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parties->len, ==, 1);
  party = g_ptr_array_index (parties, 0);
  {
    g_autoptr(LuwteRemoval) removal = luwte_store_remove (fixture->store, LUWTE_REMOVAL_PARTY, fixture->kase,
                                                          luwte_party_get_id (party), &error);

    g_assert_no_error (error);
    assert_found (fixture->search, "partijnaam", "");
    g_assert_true (luwte_store_undo_removal (fixture->store, removal, &error));
    g_assert_no_error (error);
  }
  assert_found (fixture->search, "partijnaam", reference);
  assert_index_sound (fixture->store);

  /* A message's takedown state is no text: it leaves the index be. */
  {
    g_autoptr(GPtrArray) messages = luwte_store_list_evidence (fixture->store, fixture->kase, &error);

    g_assert_no_error (error);
    g_assert_true (luwte_store_set_takedown (fixture->store, fixture->kase, g_ptr_array_index (messages, 0),
                                            LUWTE_TAKEDOWN_REQUESTED, &error));
    g_assert_no_error (error);
    assert_found (fixture->search, "accountnaam", reference);
  }

  /* A message corrected: found by its new account, not the old one. */
  {
    g_autoptr(GPtrArray) messages = luwte_store_list_evidence (fixture->store, fixture->kase, &error);
    LuwteEvidenceEdit correction = { .account = "@zwaluwstaart" };

    g_assert_cmpuint (messages->len, >, 0);
    g_assert_true (luwte_store_update_evidence (fixture->store, fixture->kase, g_ptr_array_index (messages, 0),
                                                &correction, &error));
    g_assert_no_error (error);
    assert_found (fixture->search, "zwaluwstaart", reference);
    assert_found (fixture->search, "accountnaam", "");
    assert_index_sound (fixture->store);
  }

  /* A row moved to another case takes its words along. */
  sql = g_strdup_printf ("UPDATE case_interventions SET case_id = %" G_GINT64_FORMAT, luwte_case_get_id (fixture->other));
  exec_sql (fixture->store, sql);
  assert_found (fixture->search, "motiveringswoord", luwte_case_get_reference (fixture->other));
  assert_found (fixture->search, "motiveringswoord reigerstraat", "");

  /* A deleted case takes its document with it, whatever it held. */
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM cases WHERE id = %" G_GINT64_FORMAT, luwte_case_get_id (fixture->kase));
  exec_sql (fixture->store, sql);
  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    if (!g_str_equal (field_words[i].field, "responsible") && !g_str_equal (field_words[i].field, "rationale") &&
        !g_str_equal (field_words[i].field, "proportionality") && !g_str_equal (field_words[i].field, "outcome"))
      assert_found (fixture->search, field_words[i].word, "");
  assert_found (fixture->search, "reigerstraat", "");
  assert_found (fixture->search, reference, "");
  assert_found (fixture->search, "motiveringswoord", luwte_case_get_reference (fixture->other));
  assert_index_sound (fixture->store);
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (fixture->store, "SELECT count (*) FROM case_search", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  }

  /* A change rolled back leaves the index as it was. */
  g_assert_true (luwte_store_begin (fixture->store, NULL));
  exec_sql (fixture->store, "UPDATE cases SET title = 'Teruggedraaid'");
  luwte_store_rollback (fixture->store);
  assert_found (fixture->search, "teruggedraaid", "");
  assert_found (fixture->search, "rellen", luwte_case_get_reference (fixture->other));
  assert_index_sound (fixture->store);
}

static void
test_import_and_demo (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("import.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteSearch) search = search_for (store);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "exchange", "example-case.json", NULL);
  g_autofree char *data = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  reference = luwte_exchange_import (store, card, data, length, FALSE, &error);
  g_assert_no_error (error);
  /* Words of each part of the imported case. */
  assert_found (search, "winkelcentrum meent", reference);
  assert_found (search, "noodbevel wanordelijkheden", reference);
  assert_found (search, "wijkagent@example.org", reference);
  assert_found (search, "voorbeeld-account", reference);
  assert_found (search, "groep rond het winkelcentrum", reference);
  /* Imported again as new: two cases, both found. */
  copy = luwte_exchange_import (store, card, data, length, TRUE, &error);
  g_assert_no_error (error);
  hits = run (search, "wanordelijkheden", NULL);
  g_assert_cmpuint (hits->len, ==, 2);
  assert_index_sound (store);

  /* The demo indexes its cases at the end, in one go, and leaves the
   * triggers as they were. */
  {
    g_autoptr(LuwteStmt) count = luwte_store_prepare (store,
      "SELECT (SELECT count (*) FROM sqlite_schema WHERE type = 'trigger') || '/' ||"
      " (SELECT group_concat (sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name))", NULL);
    g_autofree char *before = NULL;
    g_autoptr(GPtrArray) demo_hits = NULL;

    g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
    before = g_strdup ((const char *) sqlite3_column_text (count, 0));
    sqlite3_reset (count);
    g_assert_true (luwte_demo_add_cases (store, card, 30, 7, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (count, 0), ==, before);
    sqlite3_reset (count);

    demo_hits = run (search, "demo", NULL);
    g_assert_cmpuint (demo_hits->len, ==, 30);
    assert_index_sound (store);

    /* A set number of log entries, spread over the cases, all indexed. */
    {
      g_autoptr(LuwteStmt) per_case = luwte_store_prepare (store,
        "SELECT min (n), max (n), sum (n), count (*) FROM (SELECT count (*) AS n FROM notes"
        " WHERE case_id > ?1 GROUP BY case_id)", NULL);
      g_autoptr(LuwteStmt) last = luwte_store_prepare (store, "SELECT max (id) FROM cases", NULL);
      gint64 last_id;

      g_assert_cmpint (sqlite3_step (last), ==, SQLITE_ROW);
      last_id = sqlite3_column_int64 (last, 0);
      g_assert_true (luwte_demo_add_cases_with_notes (store, card, 7, 50, 8, &error));
      g_assert_no_error (error);
      sqlite3_bind_int64 (per_case, 1, last_id);
      g_assert_cmpint (sqlite3_step (per_case), ==, SQLITE_ROW);
      /* 50 over 7: seven or eight each. */
      g_assert_cmpint (sqlite3_column_int (per_case, 0), ==, 7);
      g_assert_cmpint (sqlite3_column_int (per_case, 1), ==, 8);
      g_assert_cmpint (sqlite3_column_int (per_case, 2), ==, 50);
      g_assert_cmpint (sqlite3_column_int (per_case, 3), ==, 7);
      g_clear_pointer (&demo_hits, g_ptr_array_unref);
      demo_hits = run (search, "demo", NULL);
      g_assert_cmpuint (demo_hits->len, ==, 37);
      assert_index_sound (store);
    }
  }
}

/* Nothing the user types is FTS5 syntax, SQL, or a reason to fail. */
static void
test_hostile_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *reference = luwte_case_get_reference (fixture->kase);
  const char *hostile[] = {
    "", " ", "\"", "\"\"", "*", "**", "NEAR(", "NEAR(a b, 2)", "AND OR NOT", "AND", "OR", "NOT", "a AND",
    "title:kraanvogel", "col:word", "{title reference}: x", "^", "^kraanvogel", "(", ")", "((kraanvogel",
    "kraanvogel))", "a\"b", "\"kraanvogel", "-kraanvogel", "+", "!!!", "…", "\t\n\r",
    "'; DROP TABLE cases; --", "\" OR 1=1 --", "' OR '1'='1", "rowid:1", "case_search:kraanvogel",
    "%", "_", "\\", "\x01\x02\x03", "\xe2\x80\x8b", "\xef\xbb\xbf", "👮‍♀️ 🎆", "x\x7fy",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autoptr(GString) many_words = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("query %u", i);
      hits = run (fixture->search, hostile[i], NULL);
      g_assert_cmpuint (hits->len, <=, 2);
    }

  /* Words among the syntax still count, as words. */
  assert_found (fixture->search, "\"kraanvogel", reference);
  assert_found (fixture->search, "((kraanvogel", reference);
  assert_found (fixture->search, "kraanvogel*", reference);
  assert_found (fixture->search, "^kraanvogel", reference);
  assert_found (fixture->search, "-kraanvogel", reference);
  assert_found (fixture->search, "kraanvogel OR rellen", "");
  assert_found (fixture->search, "title:kraanvogel", "");

  /* 10,000 characters: one word, and many words. */
  for (int i = 0; i < 10000; i++)
    g_string_append_c (long_word, 'a' + i % 26);
  {
    g_autoptr(GPtrArray) hits = run (fixture->search, long_word->str, NULL);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  while (many_words->len < 10000)
    g_string_append (many_words, "kraanvogel ");
  assert_found (fixture->search, many_words->str, reference);

  /* Binary garbage without NULs, valid UTF-8 or not. */
  for (int i = 0; i < 200; i++)
    {
      char garbage[64];
      int length = g_rand_int_range (rand, 1, sizeof garbage);
      g_autoptr(GPtrArray) hits = NULL;

      for (int j = 0; j < length; j++)
        garbage[j] = (char) g_rand_int_range (rand, 1, 256);
      garbage[length] = '\0';
      hits = run (fixture->search, garbage, NULL);
      g_assert_nonnull (hits);
    }

  /* And the database is as it was. */
  assert_found (fixture->search, "kraanvogel", reference);
  assert_index_sound (fixture->store);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  const char *reference = luwte_case_get_reference (fixture->kase);
  const char *other = luwte_case_get_reference (fixture->other);
  g_autofree char *both = g_strdup_printf ("%s %s", other, reference);
  g_autofree char *sql = NULL;
  LuwteCaseStatus active = LUWTE_CASE_STATUS_ACTIVE;
  LuwteCaseStatus signal = LUWTE_CASE_STATUS_SIGNAL;
  LuwteRole prosecutor = LUWTE_ROLE_PROSECUTOR;
  LuwteRole police = LUWTE_ROLE_POLICE;
  LuwteRole mayor = LUWTE_ROLE_MAYOR;
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 ("2025-01-01T00:00:00+01:00", NULL);
  g_autoptr(GDateTime) before = g_date_time_new_from_iso8601 ("2025-07-01T00:00:00+02:00", NULL);
  g_autoptr(GError) error = NULL;
  struct {
    LuwteSearchFilter filter;
    const char       *expected;
  } cases[] = {
    { { 0 }, NULL },
    { { .status = &active }, NULL },
    { { .status = &signal }, NULL },
    { { .role = &prosecutor }, NULL },
    { { .role = &police }, NULL },
    { { .role = &mayor }, "" },
    { { .card_id = "emergency-order" }, NULL },
    { { .card_id = "do-nothing" }, "" },
    { { .platform = "mastodonië" }, NULL },
    { { .platform = "BERICHTPLATFORM" }, NULL },
    { { .platform = "TikTok" }, "" },
    { { .opened_from = from, .opened_before = before }, NULL },
    { { .opened_from = before }, NULL },
    { { .status = &signal, .role = &prosecutor, .platform = "Mastodonië", .card_id = "emergency-order" }, NULL },
  };

  /* One case active and opened in the spring of 2025. */
  g_assert_true (luwte_store_set_case_status (fixture->store, fixture->other, LUWTE_CASE_STATUS_ACTIVE, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE cases SET opened_at = '2025-03-01T10:00:00+01:00' WHERE id = %" G_GINT64_FORMAT,
                         luwte_case_get_id (fixture->other));
  exec_sql (fixture->store, sql);

  cases[0].expected = both;
  cases[1].expected = other;
  cases[2].expected = reference;
  cases[3].expected = reference;
  cases[4].expected = other;
  cases[6].expected = reference;
  cases[8].expected = reference;
  cases[9].expected = reference;
  cases[11].expected = other;
  cases[12].expected = reference;
  cases[13].expected = reference;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *refs = found (fixture->search, "oproep", &cases[i].filter);

      g_test_message ("filter %u", i);
      g_assert_cmpstr (refs, ==, cases[i].expected);
    }
}

static void
test_paging (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("paging.db");
  g_autoptr(LuwteSearch) search = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *title = g_strdup_printf ("Melding %d over de markt%s", i, i % 3 == 0 ? ", markt, markt" : "");
      g_autoptr(LuwteCase) kase = luwte_store_create_case (store, title, &error);

      g_assert_no_error (error);
    }
  search = search_for (store);
  all = run (search, "markt", NULL);
  g_assert_cmpuint (all->len, ==, 12);

  for (guint offset = 0; offset < 12; offset += 5)
    {
      g_autoptr(GPtrArray) page = luwte_search_run (search, "markt", NULL, offset, 5, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (5, 12 - offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (luwte_search_hit_get_case_id (g_ptr_array_index (page, i)), ==,
                         luwte_search_hit_get_case_id (g_ptr_array_index (all, offset + i)));
    }
  {
    g_autoptr(GPtrArray) beyond = luwte_search_run (search, "markt", NULL, 50, 5, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (beyond->len, ==, 0);
  }
}

/* The markers the snippet is read with are never in the text shown. */
static void
test_control_characters (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("control.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Titel met \x02stuur\x03tekens\x03 en \x02meer", NULL);
  g_autoptr(LuwteSearch) search = search_for (store);
  g_autoptr(GPtrArray) hits = run (search, "stuur tekens meer", NULL);
  const LuwteTextRange *matches;
  const char *snippet;
  guint n_matches = 0;

  g_assert_cmpuint (hits->len, ==, 1);
  snippet = luwte_search_hit_get_snippet (g_ptr_array_index (hits, 0));
  g_assert_null (strchr (snippet, '\x02'));
  g_assert_null (strchr (snippet, '\x03'));
  matches = luwte_search_hit_get_matches (g_ptr_array_index (hits, 0), &n_matches);
  g_assert_cmpuint (n_matches, ==, 3);
  g_assert_cmpint (strncmp (snippet + matches[0].start, "stuur", matches[0].end - matches[0].start), ==, 0);
  g_assert_cmpint (strncmp (snippet + matches[1].start, "tekens", matches[1].end - matches[1].start), ==, 0);
  g_assert_cmpint (strncmp (snippet + matches[2].start, "meer", matches[2].end - matches[2].start), ==, 0);
  g_assert_nonnull (kase);
}

/* A database of an earlier version gets its index when opened. */
static void
test_migration_fills_index (void)
{
  g_autofree char *path = temp_db_path ("version8.db");
  g_autoptr(GString) setup = g_string_new (NULL);
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_remove (path);
  for (int version = 1; version <= 8; version++)
    g_string_append (setup, luwte_store_schema_step (version));
  g_string_append (setup,
    "PRAGMA user_version = 8;"
    "INSERT INTO cases (reference, ref_prefix, ref_year, ref_number, title, status, opened_at, summary, updated_at)"
    " VALUES ('OOV-2025-0007', 'OOV', 2025, 7, 'Oud-en-nieuw Zuidwijk', 'closed', '2025-12-30T16:00:00+01:00',"
    " 'Carbidschieten in de wei', '2025-12-30T16:00:00+01:00');"
    "INSERT INTO notes (case_id, at, kind, text, created_at) VALUES (1, '2025-12-30T17:00:00+01:00', 'decision',"
    " 'Gedoogzone aangewezen', '2025-12-30T17:00:00+01:00');");
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, setup->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  search = search_for (store);
  assert_found (search, "carbid gedoogzone", "OOV-2025-0007");
  assert_index_sound (store);
}

/* A search sees what was committed before it started, from a store
 * written on another thread's connection. */
static void
test_sees_committed (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("committed.db");
  g_autoptr(LuwteSearch) search = search_for (store);
  g_autoptr(LuwteCase) kase = NULL;

  assert_found (search, "waterkanon", "");
  kase = luwte_store_create_case (store, "Waterkanon ingezet", NULL);
  assert_found (search, "waterkanon", luwte_case_get_reference (kase));

  g_assert_true (luwte_store_begin (store, NULL));
  exec_sql (store, "UPDATE cases SET title = 'Nog niet vastgelegd'");
  assert_found (search, "vastgelegd", "");
  assert_found (search, "waterkanon", luwte_case_get_reference (kase));
  g_assert_true (luwte_store_commit (store, NULL));
  assert_found (search, "vastgelegd", luwte_case_get_reference (kase));
}

typedef struct {
  LuwteSearch  *search;
  GCancellable *cancellable;
  GMutex        lock;
  GCond         cond;
  gboolean      started;
  GPtrArray    *hits;
  GError       *error;
} Worker;

static gpointer
search_in_thread (gpointer data)
{
  Worker *worker = data;

  g_mutex_lock (&worker->lock);
  worker->started = TRUE;
  g_cond_signal (&worker->cond);
  g_mutex_unlock (&worker->lock);
  worker->hits = luwte_search_run (worker->search, "o", NULL, 0, 1000, worker->cancellable, &worker->error);
  return NULL;
}

static void
test_cancel (void)
{
  g_autoptr(LuwteStore) store = open_fresh ("cancel.db");
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteSearch) search = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint n_cancelled = 0;

  g_assert_true (luwte_demo_add_cases (store, card, 2000, 3, &error));
  g_assert_no_error (error);
  search = search_for (store);

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancelled);
  hits = luwte_search_run (search, "oproep", NULL, 0, 10, cancelled, &error);
  g_assert_null (hits);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled from another thread while it runs: it stops with
   * G_IO_ERROR_CANCELLED or, if it was done first, has all its hits;
   * nothing else, and the next search works as ever. */
  for (int attempt = 0; attempt < 20; attempt++)
    {
      Worker worker = { .search = search, .cancellable = g_cancellable_new () };
      GThread *thread;

      g_mutex_init (&worker.lock);
      g_cond_init (&worker.cond);
      thread = g_thread_new ("search", search_in_thread, &worker);
      g_mutex_lock (&worker.lock);
      while (!worker.started)
        g_cond_wait (&worker.cond, &worker.lock);
      g_mutex_unlock (&worker.lock);
      g_usleep (attempt * 200);
      g_cancellable_cancel (worker.cancellable);
      g_thread_join (thread);

      if (worker.error != NULL)
        {
          g_assert_error (worker.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_null (worker.hits);
          n_cancelled++;
        }
      else
        g_assert_cmpuint (worker.hits->len, >, 0);
      g_clear_pointer (&worker.hits, g_ptr_array_unref);
      g_clear_error (&worker.error);
      g_object_unref (worker.cancellable);
      g_mutex_clear (&worker.lock);
      g_cond_clear (&worker.cond);
    }
  g_test_message ("%u of 20 searches stopped", n_cancelled);
  g_assert_cmpuint (n_cancelled, >, 0);

  hits = luwte_search_run (search, "oproep", NULL, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/search/every-field", Fixture, NULL, fixture_set_up, test_every_field, fixture_tear_down);
  g_test_add ("/search/prefix-accents-case", Fixture, NULL, fixture_set_up, test_prefix_accents_case, fixture_tear_down);
  g_test_add ("/search/all-words", Fixture, NULL, fixture_set_up, test_all_words, fixture_tear_down);
  g_test_add_func ("/search/title-ranks-first", test_title_ranks_first);
  g_test_add ("/search/index-follows-changes", Fixture, NULL, fixture_set_up, test_index_follows_changes, fixture_tear_down);
  g_test_add_func ("/search/import-and-demo", test_import_and_demo);
  g_test_add ("/search/hostile-queries", Fixture, NULL, fixture_set_up, test_hostile_queries, fixture_tear_down);
  g_test_add ("/search/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add_func ("/search/paging", test_paging);
  g_test_add_func ("/search/control-characters", test_control_characters);
  g_test_add_func ("/search/migration-fills-index", test_migration_fills_index);
  g_test_add_func ("/search/sees-committed", test_sees_committed);
  g_test_add_func ("/search/cancel", test_cancel);

  return g_test_run ();
}
