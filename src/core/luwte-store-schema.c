/* luwte-store-schema.c — the database schema, one step per version
 *
 * Steps are only ever added, never changed: a database at version N runs
 * steps N+1… in order. Times are ISO 8601 text with offset, as in the
 * exchange format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-store"

#include "config.h"

#include "luwte-store-schema.h"

/* Full-text search: one document per case in the FTS5 table case_search,
 * rebuilt whole by triggers whenever a row it is made of changes, inside
 * the transaction of that change. What a document holds is said once, in
 * the view case_search_source (SEARCH_VIEW). A step's SQL must
 * not change once released, so these macros do not either: a later step
 * that needs other SQL gets macros of its own. */
#define SEARCH_COLUMNS LUWTE_SEARCH_COLUMNS

/* Deletes the document of case @id and writes it anew from the view; a
 * case that no longer exists gets none. */
#define SEARCH_REINDEX(id) \
  "DELETE FROM case_search WHERE rowid = " id ";" \
  "INSERT INTO case_search (rowid, " SEARCH_COLUMNS ")" \
  " SELECT id, " SEARCH_COLUMNS " FROM case_search_source WHERE id = " id ";"

/* The triggers that keep the documents of @table's cases right: @key is
 * the column naming the case, @columns those the document is made of. */
#define SEARCH_TRIGGERS(table, key, columns) \
  "CREATE TRIGGER " table "_search_insert AFTER INSERT ON " table \
  "  BEGIN " SEARCH_REINDEX ("NEW." key) " END;" \
  "CREATE TRIGGER " table "_search_update AFTER UPDATE OF " columns ", " key " ON " table \
  "  BEGIN " SEARCH_REINDEX ("NEW." key) " END;" \
  "CREATE TRIGGER " table "_search_move AFTER UPDATE OF " key " ON " table " WHEN OLD." key " IS NOT NEW." key \
  "  BEGIN " SEARCH_REINDEX ("OLD." key) " END;" \
  "CREATE TRIGGER " table "_search_delete AFTER DELETE ON " table \
  "  BEGIN " SEARCH_REINDEX ("OLD." key) " END;"

/* Every document anew; then the index merged into one segment, which
 * searches several times faster than the many a bulk insert leaves. */
#define SEARCH_REFILL \
  "DELETE FROM case_search;" \
  "INSERT INTO case_search (rowid, " SEARCH_COLUMNS ") SELECT id, " SEARCH_COLUMNS " FROM case_search_source;" \
  "INSERT INTO case_search (case_search) VALUES ('optimize');"

/* " — " before a field that is not empty; SEARCH_ROW drops the first. */
#define SEARCH_PART(field) "CASE WHEN " field " <> '' THEN ' — ' || " field " ELSE '' END"
#define SEARCH_ROW(parts) "substr (" parts ", 4)"
/* One line per row of @table for the case, in the order of its index
 * by case (the order they were added; notes by time). */
#define SEARCH_LINES(table, parts) \
  "coalesce ((SELECT group_concat (nullif (" SEARCH_ROW (parts) ", ''), char (10))" \
  " FROM " table " WHERE case_id = c.id), '')"
/* The UI's highlight markers (U+0002, U+0003) never occur in a document. */
#define SEARCH_CLEAN(text) "replace (replace (" text ", char (2), ' '), char (3), ' ')"

/* The view a document is read from, one column per column of the index;
 * @letters is the SQL of the letters column. */
#define SEARCH_VIEW(letters) \
  "CREATE VIEW case_search_source (id, " SEARCH_COLUMNS ") AS SELECT c.id," \
  "  " SEARCH_CLEAN ("c.reference") "," \
  "  " SEARCH_CLEAN ("c.title") "," \
  "  " SEARCH_CLEAN (SEARCH_ROW (SEARCH_PART ("c.summary") " || " SEARCH_PART ("c.location") " || " \
                                 SEARCH_PART ("c.lessons") " || " \
                                 "coalesce (' — ' || (SELECT group_concat (platform, ', ')" \
                                 " FROM case_platforms WHERE case_id = c.id), '')")) "," \
  "  " SEARCH_CLEAN (SEARCH_LINES ("notes", SEARCH_PART ("text") " || " SEARCH_PART ("party") " || " \
                                   SEARCH_PART ("action_by"))) "," \
  "  " SEARCH_CLEAN (SEARCH_LINES ("case_interventions", SEARCH_PART ("responsible") " || " SEARCH_PART ("rationale") \
                                   " || " SEARCH_PART ("proportionality") " || " SEARCH_PART ("outcome"))) "," \
  "  " SEARCH_CLEAN (SEARCH_LINES ("parties", SEARCH_PART ("name") " || " SEARCH_PART ("organisation") " || " \
                                   SEARCH_PART ("contact") " || " SEARCH_PART ("role"))) "," \
  "  " SEARCH_CLEAN (SEARCH_LINES ("evidence", SEARCH_PART ("url") " || " SEARCH_PART ("platform") " || " \
                                   SEARCH_PART ("account") " || " SEARCH_PART ("description"))) "," \
  "  " letters \
  "  FROM cases AS c;"

/* A contact detail that is a Dutch postal address: a postcode ("1234 AB"
 * or "1234AB") and no e-mail address */
#define POSTAL_CONTACT \
  "contact NOT LIKE '%@%' AND (contact GLOB '*[0-9][0-9][0-9][0-9] [A-Z][A-Z]*'" \
  " OR contact GLOB '*[0-9][0-9][0-9][0-9][A-Z][A-Z]*')"

static const char * const steps[] = {
  /* 1: cases and the municipality's settings */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE cases ("
  "  id          INTEGER PRIMARY KEY,"
  "  reference   TEXT NOT NULL UNIQUE,"
  "  ref_prefix  TEXT NOT NULL,"
  "  ref_year    INTEGER NOT NULL,"
  "  ref_number  INTEGER NOT NULL,"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  status      TEXT NOT NULL DEFAULT 'signal'"
  "              CHECK (status IN ('signal', 'active', 'monitoring', 'closed')),"
  "  opened_at   TEXT NOT NULL,"
  "  closed_at   TEXT,"
  "  location    TEXT NOT NULL DEFAULT '',"
  "  event_at    TEXT,"
  "  summary     TEXT NOT NULL DEFAULT '',"
  "  updated_at  TEXT NOT NULL,"
  "  UNIQUE (ref_prefix, ref_year, ref_number)"
  ") STRICT;"
  "CREATE INDEX cases_by_opened ON cases (opened_at DESC, id DESC);"
  "CREATE INDEX cases_by_status ON cases (status, opened_at DESC, id DESC);"
  "CREATE TABLE case_platforms ("
  "  case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  platform TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, position)"
  ") STRICT;",

  /* 2: status history and the audit log */
  "CREATE TABLE status_changes ("
  "  id          INTEGER PRIMARY KEY,"
  "  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  at          TEXT NOT NULL,"
  "  from_status TEXT,"
  "  to_status   TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX status_changes_by_case ON status_changes (case_id, at);"
  /* Append-only: no case reference that could vanish, no updates, no
   * deletes (BIO 12.4.2: protect logs against tampering). */
  "CREATE TABLE audit ("
  "  id         INTEGER PRIMARY KEY,"
  "  at         TEXT NOT NULL,"
  "  os_user    TEXT NOT NULL,"
  "  case_ref   TEXT,"
  "  action     TEXT NOT NULL,"
  "  detail     TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX audit_by_case ON audit (case_ref, id);"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",

  /* 3: the interventions chosen from the card for a case */
  "CREATE TABLE case_interventions ("
  "  id              INTEGER PRIMARY KEY,"
  "  case_id         INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  card_id         TEXT NOT NULL,"
  "  card_version    TEXT NOT NULL,"
  "  status          TEXT NOT NULL DEFAULT 'considered'"
  "                  CHECK (status IN ('considered', 'planned', 'in_progress', 'done', 'dropped')),"
  "  responsible     TEXT NOT NULL DEFAULT '',"
  "  due_at          TEXT,"
  "  done_at         TEXT,"
  "  rationale       TEXT NOT NULL DEFAULT '',"
  "  proportionality TEXT NOT NULL DEFAULT '',"
  "  outcome         TEXT NOT NULL DEFAULT '',"
  "  created_at      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX case_interventions_by_case ON case_interventions (case_id, id);",

  /* 4: the coordination log: what was agreed with whom */
  "CREATE TABLE notes ("
  "  id          INTEGER PRIMARY KEY,"
  "  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  at          TEXT NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('information', 'agreement', 'decision', 'action')),"
  "  party       TEXT NOT NULL DEFAULT '',"
  "  text        TEXT NOT NULL,"
  "  action_by   TEXT NOT NULL DEFAULT '',"
  "  action_due  TEXT,"
  "  created_at  TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX notes_by_case ON notes (case_id, at, id);",

  /* 5: the parties of a case, and the address book they come from */
  "CREATE TABLE parties ("
  "  id           INTEGER PRIMARY KEY,"
  "  case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  role         TEXT NOT NULL CHECK (role IN ('mayor', 'municipality', 'police', 'prosecutor', 'youth_work',"
  "               'communications', 'platform', 'parent', 'youth', 'organiser', 'school', 'key_figure',"
  "               'institution', 'other')),"
  "  name         TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  contact      TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX parties_by_case ON parties (case_id, id);"
  "CREATE TABLE contacts ("
  "  id           INTEGER PRIMARY KEY,"
  "  role         TEXT NOT NULL,"
  "  name         TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  contact      TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (role, name, organisation)"
  ") STRICT;",

  /* 6: order cases by the moment they were opened, not by the text of the
   * time, which sorts wrong across summer and winter time offsets */
  "ALTER TABLE cases ADD COLUMN opened_jd REAL GENERATED ALWAYS AS (julianday (opened_at)) VIRTUAL;"
  "DROP INDEX cases_by_opened;"
  "DROP INDEX cases_by_status;"
  "CREATE INDEX cases_by_opened ON cases (opened_jd DESC, id DESC);"
  "CREATE INDEX cases_by_status ON cases (status, opened_jd DESC, id DESC);",

  /* 7: the number of cases per status, kept by triggers, so the case list
   * knows its length without counting 100,000 rows at start-up */
  "CREATE TABLE case_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT;"
  "INSERT INTO case_counts SELECT s, (SELECT count (*) FROM cases WHERE status = s)"
  "  FROM (SELECT 'signal' AS s UNION ALL SELECT 'active' UNION ALL SELECT 'monitoring' UNION ALL SELECT 'closed');"
  "CREATE TRIGGER case_counts_insert AFTER INSERT ON cases"
  "  BEGIN UPDATE case_counts SET n = n + 1 WHERE status = NEW.status; END;"
  "CREATE TRIGGER case_counts_delete AFTER DELETE ON cases"
  "  BEGIN UPDATE case_counts SET n = n - 1 WHERE status = OLD.status; END;"
  "CREATE TRIGGER case_counts_status AFTER UPDATE OF status ON cases WHEN OLD.status <> NEW.status"
  "  BEGIN UPDATE case_counts SET n = n - 1 WHERE status = OLD.status;"
  "        UPDATE case_counts SET n = n + 1 WHERE status = NEW.status; END;",

  /* 8: the online messages of a case, with the screenshot as evidence */
  "CREATE TABLE evidence ("
  "  id               INTEGER PRIMARY KEY,"
  "  case_id          INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  url              TEXT NOT NULL DEFAULT '',"
  "  platform         TEXT NOT NULL DEFAULT '',"
  "  account          TEXT NOT NULL DEFAULT '',"
  "  posted_at        TEXT,"
  "  captured_at      TEXT NOT NULL,"
  "  description      TEXT NOT NULL DEFAULT '',"
  "  screenshot       BLOB,"
  "  sha256           TEXT,"
  "  takedown         TEXT NOT NULL DEFAULT 'not_requested'"
  "                   CHECK (takedown IN ('not_requested', 'requested', 'acknowledged', 'removed', 'refused', 'no_answer')),"
  "  takedown_at      TEXT"
  ") STRICT;"
  "CREATE INDEX evidence_by_case ON evidence (case_id, id);",

  /* 9: notes and interventions refer to the case's parties by id; the
   * case list sorts by title and by the expected gathering; takedown
   * requests keep their channel and the date an answer is due; letters,
   * whose final text is frozen with its PDF */
  "ALTER TABLE notes ADD COLUMN party_id INTEGER REFERENCES parties (id) ON DELETE SET NULL;"
  "CREATE INDEX notes_by_party ON notes (party_id) WHERE party_id IS NOT NULL;"
  "ALTER TABLE case_interventions ADD COLUMN party_id INTEGER REFERENCES parties (id) ON DELETE SET NULL;"
  "CREATE INDEX case_interventions_by_party ON case_interventions (party_id) WHERE party_id IS NOT NULL;"
  "CREATE INDEX cases_by_title ON cases (title COLLATE NOCASE, id);"
  "CREATE INDEX cases_by_event ON cases (event_at, id);"
  "ALTER TABLE evidence ADD COLUMN takedown_channel TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE evidence ADD COLUMN takedown_due TEXT;"
  "CREATE TABLE letters ("
  "  id           INTEGER PRIMARY KEY,"
  "  case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  template     TEXT NOT NULL,"
  "  language     TEXT NOT NULL CHECK (language IN ('nl', 'en')),"
  "  party_id     INTEGER REFERENCES parties (id) ON DELETE SET NULL,"
  "  version      INTEGER NOT NULL DEFAULT 1,"
  "  previous_id  INTEGER REFERENCES letters (id) ON DELETE SET NULL,"
  "  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final', 'sent')),"
  "  subject      TEXT NOT NULL DEFAULT '',"
  "  body         TEXT NOT NULL DEFAULT '',"
  "  edited       INTEGER NOT NULL DEFAULT 0,"
  "  created_at   TEXT NOT NULL,"
  "  updated_at   TEXT NOT NULL,"
  "  final_at     TEXT,"
  "  sent_at      TEXT,"
  "  sent_channel TEXT NOT NULL DEFAULT '',"
  "  pdf          BLOB,"
  "  sha256       TEXT"
  ") STRICT;"
  "CREATE INDEX letters_by_case ON letters (case_id, id);"
  "CREATE INDEX letters_by_party ON letters (party_id) WHERE party_id IS NOT NULL;"
  "CREATE INDEX letters_by_previous ON letters (previous_id) WHERE previous_id IS NOT NULL;"
  /* what was sent stays exactly as it was sent */
  "CREATE TRIGGER letters_frozen BEFORE UPDATE OF subject, body, language, template, pdf, sha256 ON letters"
  "  WHEN OLD.status <> 'draft'"
  "  BEGIN SELECT RAISE (ABORT, 'a final letter cannot be changed'); END;"
  "CREATE TABLE letter_inputs ("
  "  letter_id INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,"
  "  name      TEXT NOT NULL,"
  "  value     TEXT NOT NULL,"
  "  PRIMARY KEY (letter_id, name)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE letter_evidence ("
  "  letter_id   INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,"
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (letter_id, evidence_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX letter_evidence_by_evidence ON letter_evidence (evidence_id);",

  /* 10: closing a case with an evaluation: the effect of each intervention
   * (NULL until evaluated) and the lessons learned. Indexes that answer the
   * statistics without reading a case's row: by the date it was opened as
   * written (SQLite 3.40 reads the row for an index on opened_jd, a
   * generated column), the closed ones with their closing time, and the
   * interventions used per card id and effect. */
  "ALTER TABLE case_interventions ADD COLUMN effect TEXT"
  "  CHECK (effect IN ('worked', 'partly', 'not_worked', 'unknown'));"
  "ALTER TABLE cases ADD COLUMN lessons TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX cases_by_opened_at ON cases (opened_at);"
  "CREATE INDEX cases_by_status_opened_at ON cases (status, opened_at, closed_at);"
  "CREATE INDEX case_interventions_by_use ON case_interventions (status, card_id, effect, case_id);",

  /* 11: full-text search over every case, letters and lessons too (see SEARCH_REINDEX) */
  "CREATE VIRTUAL TABLE case_search USING fts5 (" SEARCH_COLUMNS ","
  "  tokenize = 'unicode61 remove_diacritics 2');"
  /* Which words the index holds, for expanding a prefix into them. */
  "CREATE VIRTUAL TABLE case_search_terms USING fts5vocab (case_search, instance);"
  SEARCH_VIEW (SEARCH_CLEAN (SEARCH_LINES ("letters", SEARCH_PART ("subject") " || " SEARCH_PART ("body"))))
  SEARCH_TRIGGERS ("cases", "id", "reference, title, summary, location, lessons")
  SEARCH_TRIGGERS ("case_platforms", "case_id", "platform")
  SEARCH_TRIGGERS ("notes", "case_id", "text, party, action_by")
  SEARCH_TRIGGERS ("case_interventions", "case_id", "responsible, rationale, proportionality, outcome")
  SEARCH_TRIGGERS ("parties", "case_id", "role, name, organisation, contact")
  SEARCH_TRIGGERS ("evidence", "case_id", "url, platform, account, description")
  SEARCH_TRIGGERS ("letters", "case_id", "subject, body")
  SEARCH_REFILL,

  /* 12: takedown requests waiting for an answer past their due date, found
   * at start-up without reading every message. The due date is compared
   * as a moment (julianday), not as text, which sorts wrong across
   * offsets; only messages with a due date are in the index. */
  "CREATE INDEX evidence_by_takedown_due ON evidence (takedown, julianday (takedown_due))"
  "  WHERE takedown_due IS NOT NULL;",

  /* 13: an action point is done, and when; NULL while it is open. The
   * open ones of a case are counted on its index by case. */
  "ALTER TABLE notes ADD COLUMN done_at TEXT;",
  /* 14: a final letter keeps whom it went to, in words, as the party was
   * when the letter was made final: renaming or removing the party later
   * does not change what was sent, nor the record of it. */
  "ALTER TABLE letters ADD COLUMN recipient TEXT NOT NULL DEFAULT '';"
  "UPDATE letters SET recipient = coalesce (" LUWTE_SQL_PARTY_IN_WORDS ("letters.party_id") ", '')"
  "  WHERE status <> 'draft';"
  "DROP TRIGGER letters_frozen;"
  "CREATE TRIGGER letters_frozen BEFORE UPDATE OF subject, body, language, template, pdf, sha256, recipient"
  "  ON letters WHEN OLD.status <> 'draft'"
  "  BEGIN SELECT RAISE (ABORT, 'a final letter cannot be changed'); END;",
  /* 15: the young person a letter is about (the parents' letter names
   * them), chosen per letter: a case can have several. Letters written
   * before named the case's first young person, and keep naming them. */
  "ALTER TABLE letters ADD COLUMN youth_id INTEGER REFERENCES parties (id) ON DELETE SET NULL;"
  "UPDATE letters SET youth_id = (SELECT id FROM parties WHERE parties.case_id = letters.case_id"
  "  AND role = 'youth' ORDER BY id LIMIT 1);"
  "CREATE INDEX letters_by_youth ON letters (youth_id) WHERE youth_id IS NOT NULL;",
  /* 16: a party's postal address, for the letters that go by post; the
   * contact is for phone and e-mail again. It stays with the case: the
   * address book does not keep the home addresses of families. A contact
   * that is a Dutch postal address (a postcode, no @), as the contact
   * field asked for before, moves to the address, and leaves the book. */
  "ALTER TABLE parties ADD COLUMN address TEXT NOT NULL DEFAULT '';"
  "UPDATE parties SET address = contact, contact = '' WHERE " POSTAL_CONTACT ";"
  "UPDATE contacts SET contact = '' WHERE " POSTAL_CONTACT ";",
};

int
luwte_store_schema_latest (void)
{
  return G_N_ELEMENTS (steps);
}

/* Returns: the SQL that brings a database from @version - 1 to @version */
const char *
luwte_store_schema_step (int version)
{
  g_return_val_if_fail (version >= 1 && version <= (int) G_N_ELEMENTS (steps), NULL);
  return steps[version - 1];
}
