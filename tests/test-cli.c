/* test-cli.c — luwte-cli as a script or a person uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-case-intervention.h"
#include "luwte-evidence.h"
#include "luwte-letter.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-store.h"
#include "statistics-data.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/wait.h>
#include <string.h>

typedef struct {
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs luwte-cli with the arguments after @run, up to NULL. */
static void
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("LUWTE_CLI"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LANGUAGE", "", TRUE);
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* Errors are exactly one line on stderr. */
static void
assert_one_error_line (Run *run)
{
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "luwte-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "luwte-cli " PACKAGE_VERSION "\n");
}

/* Readable in an 80-column terminal, in both languages, every command listed */
static void
test_help (void)
{
  static const char * const commands[] = {
    "card", "list", "show", "export", "import", "demo", "templates", "letter", "report", "stats", "profile", "search",
  };
  static const char * const languages[] = { "en", "nl" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli (&run, "--help", "--lang", languages[l], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_nonnull (strstr (run.out, "luwte-cli [--db "));
      g_assert_nonnull (strstr (run.out, "\n  card [--json]\n"));

      lines = g_strsplit (run.out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_assert_true (g_utf8_validate (lines[i], -1, NULL));
          if (g_utf8_strlen (lines[i], -1) > 80)
            g_error ("help line %u is longer than 80 columns: %s", i, lines[i]);
        }

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          gboolean listed = FALSE;

          for (guint i = 0; lines[i] != NULL && !listed; i++)
            listed = g_str_has_prefix (lines[i], "  ") && g_str_has_prefix (lines[i] + 2, commands[c])
                     && (lines[i][2 + strlen (commands[c])] == ' ' || lines[i][2 + strlen (commands[c])] == '\0');
          if (!listed)
            g_error ("the help does not list “%s”", commands[c]);
        }
    }
}

static void
test_usage_errors (void)
{
  const char *cases[][3] = {
    { NULL },
    { "frobnicate", NULL },
    { "card", "--yaml", NULL },
    { "--lang", "de", NULL },
    { "card", "--lang", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][0] ? cases[i][1] : NULL, cases[i][0] && cases[i][1] ? cases[i][2] : NULL, NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run);
    }
}

static void
test_card_text (void)
{
  g_auto(Run) en = { 0 };
  g_auto(Run) nl = { 0 };
  g_auto(Run) nl_after = { 0 };

  run_cli (&en, "card", NULL);
  g_assert_cmpint (en.status, ==, 0);
  g_assert_nonnull (strstr (en.out, "6. Administrative powers"));
  g_assert_nonnull (strstr (en.out, "[emergency-ordinance]"));
  g_assert_nonnull (strstr (en.out, "ECLI:NL:RBMNE:2023:375"));

  run_cli (&nl, "--lang", "nl", "card", NULL);
  g_assert_cmpint (nl.status, ==, 0);
  g_assert_nonnull (strstr (nl.out, "Aanpak online aangejaagde openbare ordeverstoringen"));
  g_assert_nonnull (strstr (nl.out, "6. Bestuurlijke bevoegdheden"));
  g_assert_nonnull (strstr (nl.out, "Interveniëren is maatwerk"));
  /* The labels are translated too. */
  g_assert_nonnull (strstr (nl.out, "Juridische grondslag"));

  /* Global options go before or after the command. */
  run_cli (&nl_after, "card", "--lang=nl", NULL);
  g_assert_cmpstr (nl_after.out, ==, nl.out);
}

static void
test_card_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  run_cli (&run, "card", "--json", "--lang", "nl", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "language"), ==, "nl");
  g_assert_true (json_object_has_member (root, "version"));
  g_assert_true (json_object_has_member (root, "disclaimer"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "groups")), ==, 6);
}

static void
test_broken_user_card (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "luwte", NULL);
  g_autofree char *path = g_build_filename (dir, "card.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"format\": 1}", -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);

  run_cli (&run, "card", NULL);
  /* The built-in card is still printed; the problem is named. */
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Administrative powers"));
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "format"));
  g_remove (path);
}


static void
test_list_and_show (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "cli.db", NULL);
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) first = NULL;
  g_autoptr(LuwteCase) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) list = { 0 };
  g_auto(Run) active = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) show_json = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) bad_status = { 0 };
  JsonArray *cases;
  LuwteCaseEdit edit = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  store = luwte_store_open (db, &error);
  g_assert_no_error (error);
  first = luwte_store_create_case (store, "Feest <b>uit de hand</b> & meer", &error);
  second = luwte_store_create_case (store, "Oproep rellen", &error);
  edit.location = "Stationsplein";
  g_assert_true (luwte_store_update_case (store, first, &edit, &error));
  g_assert_true (luwte_store_set_case_status (store, second, LUWTE_CASE_STATUS_ACTIVE, &error));
  g_clear_object (&store);

  run_cli (&list, "--db", db, "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  json_parser_load_from_data (parser, list.out, -1, &error);
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (cases), ==, 2);
  /* Newest first. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cases, 0), "reference"),
                   ==, luwte_case_get_reference (second));

  run_cli (&active, "list", "--status", "active", "--db", db, NULL);
  g_assert_cmpint (active.status, ==, 0);
  g_assert_nonnull (strstr (active.out, luwte_case_get_reference (second)));
  g_assert_null (strstr (active.out, luwte_case_get_reference (first)));

  run_cli (&show, "--db", db, "show", luwte_case_get_reference (first), NULL);
  g_assert_cmpint (show.status, ==, 0);
  /* Markup shows literally. */
  g_assert_nonnull (strstr (show.out, "Feest <b>uit de hand</b> & meer"));
  g_assert_nonnull (strstr (show.out, "Stationsplein"));

  run_cli (&show_json, "--db", db, "show", luwte_case_get_reference (first), "--json", NULL);
  g_assert_cmpint (show_json.status, ==, 0);
  g_assert_nonnull (strstr (show_json.out, "\"status\" : \"signal\""));
  g_assert_nonnull (strstr (show_json.out, "\"parties\""));
  g_assert_nonnull (strstr (show_json.out, "\"location\" : \"Stationsplein\""));

  run_cli (&missing, "--db", db, "show", "OOV-1999-9999", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  assert_one_error_line (&missing);

  run_cli (&bad_status, "--db", db, "list", "--status", "open", NULL);
  g_assert_cmpint (bad_status.status, ==, 2);
  assert_one_error_line (&bad_status);
}

/* The text of show: every part of a case, under its heading, literally */
static void
test_show_text (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "show.db", NULL);
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(LuwteNote) note = NULL;
  g_autoptr(LuwteEvidence) message = NULL;
  g_autoptr(LuwteLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_auto(Run) run = { 0 };
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_ACTION, .party = "Politie",
                         .text = "Bel <i>ouders</i> & \"school\"\x1b[31m", .action_by = "Wijkagent K. Klaassen",
                         .action_due = "2026-12-01T10:00:00+01:00" };
  LuwteEvidenceNew posted = { .url = "https://tiktok.example/@demo/video/1?a=1&b=<2>", .platform = "TikTok",
                              .account = "@demo", .description = "Oproep" };
  static const char * const sections[] = {
    "Status: ", "Opened: ", "Closed: ", "Location: ", "Expected gathering: ", "Platforms: ", "\nContext\n",
    "\nParties (", "\nInterventions (", "\nLog (", "\nOnline messages (", "\nLetters (1)\n",
  };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_unlink (db);
  run_cli (&run, "--db", db, "demo", "--cases", "1", "--seed", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (&run, "--db", db, "list", NULL);
  reference = g_strndup (run.out, strcspn (run.out, "\t"));
  run_clear (&run);

  store = luwte_store_open (db, &error);
  g_assert_no_error (error);
  kase = luwte_store_get_case (store, reference, &error);
  g_assert_no_error (error);
  parties = luwte_store_list_parties (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parties->len, >, 0);
  interventions = luwte_store_list_case_interventions (store, kase, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interventions->len, >, 0);
  note = luwte_store_add_note (store, kase, &entry, &error);
  g_assert_no_error (error);
  message = luwte_store_add_evidence (store, kase, &posted, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_set_takedown (store, kase, message, LUWTE_TAKEDOWN_REQUESTED, &error));
  letter = luwte_store_add_letter (store, kase, "parents-letter", LUWTE_LANGUAGE_EN,
                                   luwte_party_get_id (g_ptr_array_index (parties, 0)), &error);
  g_assert_no_error (error);

  run_cli (&run, "--db", db, "--lang", "en", "show", reference, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, reference));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (strstr (run.out, sections[i]) == NULL)
      g_error ("show lacks “%s”:\n%s", sections[i], run.out);

  for (guint i = 0; i < parties->len; i++)
    g_assert_nonnull (strstr (run.out, luwte_party_get_name (g_ptr_array_index (parties, i))));
  for (guint i = 0; i < interventions->len; i++)
    {
      LuwteCaseIntervention *item = g_ptr_array_index (interventions, i);
      LuwteCardIntervention *on_card = luwte_card_find_intervention (card, luwte_case_intervention_get_card_id (item));

      g_assert_nonnull (on_card);
      g_assert_nonnull (strstr (run.out, luwte_localized_get (luwte_card_intervention_get_title (on_card),
                                                              LUWTE_LANGUAGE_EN)));
      g_assert_nonnull (strstr (run.out, luwte_intervention_status_label (luwte_case_intervention_get_status (item))));
    }

  /* Markup literally; a terminal escape made harmless. */
  g_assert_nonnull (strstr (run.out, "Action Point (Politie): Bel <i>ouders</i> & \"school\"\xef\xbf\xbd[31m\n"));
  g_assert_null (strchr (run.out, '\x1b'));
  g_assert_nonnull (strstr (run.out, "Action by: Wijkagent K. Klaassen; due "));
  g_assert_nonnull (strstr (run.out, "https://tiktok.example/@demo/video/1?a=1&b=<2>\n"));
  g_assert_nonnull (strstr (run.out, "TikTok, @demo — Takedown: Requested"));
  g_assert_nonnull (strstr (run.out, "Letter to parents about an online call to riot — Draft — to "));
}

static void
test_newer_database (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "newer.db", NULL);
  g_autofree char *sql = g_strdup_printf ("sqlite3 %s 'PRAGMA user_version = 99'", db);
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_spawn_command_line_sync (sql, NULL, NULL, NULL, NULL));
  run_cli (&run, "--db", db, "list", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
  g_assert_nonnull (strstr (run.err, "newer version"));
}


static void
test_demo_reproducible (void)
{
  g_autofree char *a = g_build_filename (g_get_user_data_dir (), "demo-a.db", NULL);
  g_autofree char *b = g_build_filename (g_get_user_data_dir (), "demo-b.db", NULL);
  g_auto(Run) make_a = { 0 };
  g_auto(Run) make_b = { 0 };
  g_auto(Run) list_a = { 0 };
  g_auto(Run) list_b = { 0 };
  g_auto(Run) count = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  run_cli (&make_a, "--db", a, "demo", "--cases", "40", "--seed", "5", NULL);
  run_cli (&make_b, "--db", b, "demo", "--seed", "5", "--cases", "40", NULL);
  g_assert_cmpint (make_a.status, ==, 0);
  g_assert_cmpint (make_b.status, ==, 0);

  /* The same seed gives the same cases; their times follow today, so
   * compare what does not depend on the clock: references, statuses,
   * titles, in order. */
  run_cli (&list_a, "--db", a, "list", NULL);
  run_cli (&list_b, "--db", b, "list", NULL);
  {
    g_autoptr(GRegex) times = g_regex_new ("\t[0-9T:+-]+\t", 0, 0, NULL);
    g_autofree char *without_a = g_regex_replace_literal (times, list_a.out, -1, 0, "\t", 0, NULL);
    g_autofree char *without_b = g_regex_replace_literal (times, list_b.out, -1, 0, "\t", 0, NULL);

    g_assert_cmpstr (without_a, ==, without_b);
  }
  lines = g_strsplit (list_a.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 41);
  run_cli (&count, "--db", a, "list", "--status", "closed", NULL);
  g_assert_cmpuint (strlen (count.out), >, 0);

  run_cli (&missing, "--db", a, "demo", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  run_cli (&bad, "--db", a, "demo", "--cases", "many", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  assert_one_error_line (&bad);
}


static void
test_search (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "search.db", NULL);
  g_autofree char *not_a_db = g_build_filename (g_get_user_data_dir (), "search-not-a.db", NULL);
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) first = NULL;
  g_autoptr(LuwteCase) second = NULL;
  g_autoptr(LuwteNote) note = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) active = { 0 };
  g_auto(Run) words = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) hostile = { 0 };
  g_auto(Run) broken = { 0 };
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_DECISION, .text = "Driehoek:\tgeen noodbevel,\nwel toezicht bij de Kraanvogelvijver." };
  const char *usage[][4] = {
    { "search", NULL },
    { "search", "vijver", "--status", NULL },
    { "search", "vijver", "--status", "open" },
    { "search", "vijver", "--frobnicate", NULL },
  };
  JsonArray *hits;
  JsonObject *hit;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  store = luwte_store_open (db, &error);
  g_assert_no_error (error);
  first = luwte_store_create_case (store, "Oproep tot rellen\tbij de vijver", &error);
  second = luwte_store_create_case (store, "Feest in het park", &error);
  note = luwte_store_add_note (store, first, &entry, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_set_case_status (store, second, LUWTE_CASE_STATUS_ACTIVE, &error));
  g_clear_object (&store);

  /* One line a case: reference, status, title, snippet. */
  run_cli (&text, "--db", db, "search", "kraanvogel", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  lines = g_strsplit (text.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, luwte_case_get_reference (first));
  g_assert_cmpstr (fields[1], ==, "signal");
  g_assert_cmpstr (fields[2], ==, "Oproep tot rellen bij de vijver");
  g_assert_cmpstr (fields[3], ==, "Driehoek: geen noodbevel, wel toezicht bij de Kraanvogelvijver.");

  /* JSON: best first, the snippet in plain text. */
  run_cli (&json, "search", "vijver", "--json", "--db", db, NULL);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  hits = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (hits), ==, 1);
  hit = json_array_get_object_element (hits, 0);
  g_assert_cmpuint (json_object_get_size (hit), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (hit, "reference"), ==, luwte_case_get_reference (first));
  g_assert_cmpstr (json_object_get_string_member (hit, "title"), ==, "Oproep tot rellen\tbij de vijver");
  g_assert_cmpstr (json_object_get_string_member (hit, "status"), ==, "signal");
  g_assert_cmpstr (json_object_get_string_member (hit, "snippet"), ==, "Oproep tot rellen bij de vijver");

  run_cli (&active, "--db", db, "search", "--status", "active", "feest", NULL);
  g_assert_cmpint (active.status, ==, 0);
  g_assert_true (g_str_has_prefix (active.out, luwte_case_get_reference (second)));
  run_cli (&none, "--db", db, "search", "--status=closed", "feest", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "");

  /* Several arguments are one query: every word must match. */
  run_cli (&words, "--db", db, "search", "noodbevel", "VIJVER", NULL);
  g_assert_cmpint (words.status, ==, 0);
  g_assert_true (g_str_has_prefix (words.out, luwte_case_get_reference (first)));

  /* Syntax is words or nothing, never an error. */
  run_cli (&hostile, "--db", db, "search", "\"NEAR(", "AND", "OR", "NOT", "title:x", "^*", "--json", NULL);
  g_assert_cmpint (hostile.status, ==, 0);
  g_assert_cmpstr (hostile.out, ==, "[]\n");

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "--db", db, usage[i][0], usage[i][1], usage[i][2], usage[i][3], NULL);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run);
    }

  g_assert_true (g_file_set_contents (not_a_db, "no database, just text\n", -1, NULL));
  run_cli (&broken, "--db", not_a_db, "search", "vijver", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  assert_one_error_line (&broken);
}

static void
test_export_import (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "exchange.db", NULL);
  g_autofree char *other = g_build_filename (g_get_user_data_dir (), "other.db", NULL);
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "case.json", NULL);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "exchange", "example-case.json", NULL);
  g_auto(Run) imported = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) as_new = { 0 };
  g_auto(Run) into_other = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) broken = { 0 };
  GStatBuf st;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  run_cli (&imported, "--db", db, "import", example, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_cmpstr (imported.out, ==, "OOV-2026-0042\n");

  run_cli (&exported, "--db", db, "export", "OOV-2026-0042", "-o", file, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  /* Personal data: the file is the owner's only. */
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  run_cli (&again, "--db", db, "import", file, NULL);
  g_assert_cmpint (again.status, ==, 1);
  assert_one_error_line (&again);
  g_assert_nonnull (strstr (again.err, "already exists"));

  run_cli (&as_new, "--db", db, "import", file, "--as-new", NULL);
  g_assert_cmpint (as_new.status, ==, 0);
  g_assert_cmpstr (as_new.out, !=, "OOV-2026-0042\n");

  run_cli (&into_other, "--db", other, "import", file, NULL);
  g_assert_cmpint (into_other.status, ==, 0);

  run_cli (&missing, "--db", db, "export", "OOV-1999-0001", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  assert_one_error_line (&missing);

  g_assert_true (g_file_set_contents (file, "{\"format\": \"luwte-case\", \"version\": 3}", -1, NULL));
  run_cli (&broken, "--db", db, "import", file, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  assert_one_error_line (&broken);
  g_assert_nonnull (strstr (broken.err, "newer"));
}

static void
test_profile (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "cli-profile.db", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  JsonObject *profile;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_unlink (db);
  run_cli (&run, "--db", db, "profile", "set", "municipality", "Gemeente Voorbeeld", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (&run, "profile", "set", "address", "Raadhuisplein 1\\n1234 AB Voorbeeld", "--db", db, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* A bad value: one line, exit 1; a bad key or missing value: usage. */
  run_cli (&run, "--db", db, "profile", "set", "email", "geen adres", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "geen adres"));
  assert_one_error_line (&run);
  run_clear (&run);
  run_cli (&run, "--db", db, "profile", "set", "burgemeester", "X", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, "--db", db, "profile", "set", "mayor", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_cli (&run, "--db", db, "profile", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  profile = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (profile, "municipality"), ==, "Gemeente Voorbeeld");
  g_assert_cmpstr (json_object_get_string_member (profile, "address"), ==, "Raadhuisplein 1\n1234 AB Voorbeeld");
  g_assert_cmpstr (json_object_get_string_member (profile, "email"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (profile, "reference_prefix"), ==, "OOV");
  g_assert_cmpuint (json_object_get_size (profile), ==, 9);
  run_clear (&run);

  run_cli (&run, "--db", db, "profile", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "address\tRaadhuisplein 1\\n1234 AB Voorbeeld\n"));
  run_clear (&run);
}

static void
test_templates (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *templates;
  gboolean found = FALSE;

  run_cli (&run, "templates", "--json", "--lang", "nl", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  templates = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (templates), >=, 7);
  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonObject *template = json_array_get_object_element (templates, i);
      JsonArray *languages = json_object_get_array_member (template, "languages");

      g_assert_nonnull (json_object_get_string_member (template, "title"));
      g_assert_cmpuint (json_array_get_length (languages), ==, 2);
      g_assert_nonnull (json_object_get_array_member (template, "interventions"));
      if (g_str_equal (json_object_get_string_member (template, "id"), "ntd-platform"))
        {
          found = TRUE;
          g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (template, "interventions"), 0),
                           ==, "notice-and-takedown");
        }
    }
  g_assert_true (found);
}

/* Every page of the PDF at @path has @mark in its text, as poppler reads it. */
static void
assert_every_page_marked (const char *path,
                          const char *mark)
{
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  int status = 0;

  command = g_strdup_printf ("pdftotext -enc UTF-8 %s -", path);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  /* pdftotext ends each page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  for (guint i = 0; pages[i + 1] != NULL; i++)
    if (strstr (pages[i], mark) == NULL)
      g_error ("page %u has no “%s”:\n%s", i + 1, mark, pages[i]);
}

static void
test_letter (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "cli-letter.db", NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "brief.pdf", NULL);
  g_autofree char *txt = g_build_filename (g_get_user_data_dir (), "brief.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *youth = NULL;
  g_autofree char *youth_name = NULL;
  g_autofree char *not_youth = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gboolean have_pdftotext = pdftotext != NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  static const char * const profile[][2] = {
    { "municipality", "Gemeente Voorbeeld" }, { "address", "Raadhuisplein 1" }, { "mayor", "A. de Burgemeester" },
    { "sender_name", "J. Jansen" }, { "sender_role", "adviseur" }, { "phone", "14 0123" },
    { "email", "oov@voorbeeld.example" },
  };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_unlink (db);
  run_cli (&run, "--db", db, "demo", "--cases", "1", "--seed", "3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (&run, "--db", db, "list", NULL);
  reference = g_strndup (run.out, strcspn (run.out, "\t"));
  run_clear (&run);

  /* No profile yet: not complete, exit 1, the missing fields named, no file. */
  run_cli (&run, "--db", db, "--lang", "en", "letter", reference, "parents-letter", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
  g_assert_nonnull (strstr (run.err, "phone"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_clear (&run);

  for (guint i = 0; i < G_N_ELEMENTS (profile); i++)
    {
      run_cli (&run, "--db", db, "profile", "set", profile[i][0], profile[i][1], NULL);
      g_assert_cmpint (run.status, ==, 0);
      run_clear (&run);
    }

  /* The youth's id, as show --json prints it; the letter goes to them. */
  run_cli (&run, "--db", db, "show", reference, "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  {
    JsonArray *parties = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "parties");

    for (guint i = 0; i < json_array_get_length (parties); i++)
      {
        JsonObject *party = json_array_get_object_element (parties, i);

        if (g_str_equal (json_object_get_string_member (party, "role"), "youth") && youth == NULL)
          {
            youth = g_strdup (json_object_get_string_member (party, "id"));
            youth_name = g_strdup (json_object_get_string_member (party, "name"));
          }
        else if (!g_str_equal (json_object_get_string_member (party, "role"), "youth") && not_youth == NULL)
          not_youth = g_strdup (json_object_get_string_member (party, "id"));
      }
  }
  g_assert_nonnull (youth);
  g_assert_nonnull (not_youth);
  run_clear (&run);

  run_cli (&run, "--db", db, "letter", reference, "youth-letter", "--party", youth, "-o", txt, "--lang", "nl", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, reference));
  g_assert_nonnull (strstr (text, "Gemeente Voorbeeld"));
  run_clear (&run);

  run_cli (&run, "--db", db, "letter", reference, "parents-letter", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);

  /* The parents' letter names the young person given; only a party with
   * that role can be. */
  g_clear_pointer (&text, g_free);
  run_cli (&run, "--db", db, "letter", reference, "parents-letter", "--youth", youth, "-o", txt, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, youth_name));
  run_clear (&run);
  run_cli (&run, "--db", db, "letter", reference, "parents-letter", "--youth", not_youth, "-o", txt, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
  g_assert_nonnull (strstr (run.err, not_youth));
  run_clear (&run);
  run_cli (&run, "--db", db, "letter", reference, "parents-letter", "--youth", "jongere", "-o", txt, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, "--db", db, "letter", reference, "ntd-platform", "--youth", youth, "-o", txt, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_error_line (&run);
  run_clear (&run);

  /* Not a letter made final: a draft, in the letter's language. */
  if (have_pdftotext)
    {
      run_cli (&run, "--db", db, "--lang", "nl", "letter", reference, "parents-letter", "-o", pdf, NULL);
      g_assert_cmpint (run.status, ==, 0);
      assert_every_page_marked (pdf, "CONCEPT");
      run_clear (&run);
      run_cli (&run, "--db", db, "--lang", "en", "letter", reference, "parents-letter", "-o", pdf, NULL);
      g_assert_cmpint (run.status, ==, 0);
      assert_every_page_marked (pdf, "DRAFT");
      run_clear (&run);
    }
  else
    g_test_message ("pdftotext is not installed: the draft mark is not checked");

  /* Wrong usage: 2; an unknown template or party: 1. */
  run_cli (&run, "--db", db, "letter", reference, "parents-letter", "-o", "brief.doc", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, "--db", db, "letter", reference, "parents-letter", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, "--db", db, "letter", reference, "no-such-template", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
  run_clear (&run);
  run_cli (&run, "--db", db, "letter", reference, "parents-letter", "--party", "p999", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
  run_clear (&run);
  run_cli (&run, "--db", db, "letter", reference, "ntd-platform", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "(a)"));
  run_clear (&run);
  run_cli (&run, "--db", db, "letter", reference, "ntd-platform", "--set", "brief.uitleg=Oproep tot geweld.",
           "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* A field the template does not have: wrong usage, named, nothing written. */
  g_unlink (pdf);
  run_cli (&run, "--db", db, "letter", reference, "ntd-platform", "--set", "brief.uitleg=Oproep tot geweld.",
           "--set", "brief.x=iets", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_error_line (&run);
  g_assert_nonnull (strstr (run.err, "brief.x"));
  g_assert_nonnull (strstr (run.err, "ntd-platform"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* The case report, and its usage errors. */
  g_unlink (pdf);
  run_cli (&run, "--db", db, "report", reference, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);
  run_cli (&run, "--db", db, "report", reference, "-o", txt, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, "--db", db, "report", "OOV-1999-0001", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
}

/* The figures of statistics-data.c, as a script reads them */
static void
test_stats (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "stats.db", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) year = { 0 };
  g_auto(Run) all = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonObject *close;
  JsonArray *groups;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  {
    g_autoptr(LuwteStore) store = luwte_store_open (db, &error);

    g_assert_no_error (error);
    statistics_data_fill (store);
  }

  run_cli (&year, "--db", db, "stats", "--json", "--from", "2026-01-01", "--to=2027-01-01", NULL);
  g_assert_cmpint (year.status, ==, 0);
  g_assert_cmpstr (year.err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, year.out, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "cases"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, "2026-01-01");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "cases_per_month")), ==, 12);
  groups = json_object_get_array_member (object, "interventions_per_group");
  g_assert_cmpuint (json_array_get_length (groups), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (groups, 1), "used"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_array_get_object_element (groups, 1), "effects"),
                                               "not_worked"), ==, 1);
  close = json_object_get_object_member (object, "signal_to_close");
  g_assert_cmpint (json_object_get_int_member (close, "closed_cases"), ==, 4);
  g_assert_cmpfloat (json_object_get_double_member (close, "median_days"), ==, 3.5);
  g_assert_cmpfloat (json_object_get_double_member (close, "mean_days"), ==, 4.46);

  run_cli (&all, "--db", db, "stats", "--json", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, all.out, -1, &error));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "cases"), ==, 8);
  g_assert_true (json_object_get_null_member (object, "from"));

  run_cli (&text, "--db", db, "stats", "--from", "2026-01-01", "--to", "2027-01-01", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Cases: 6\n"));
  g_assert_nonnull (strstr (text.out, "  2026-03       2\n"));
  g_assert_nonnull (strstr (text.out, "Group 3 · Seek connection: 2\n"));
  g_assert_nonnull (strstr (text.out, "Median: 3.5 days\n"));
  g_assert_nonnull (strstr (text.out, "Mean: 4.5 days\n"));

  /* Wrong usage: 2, one line; a database it cannot read: 1. */
  {
    const char *wrong[][4] = {
      { "--from", "2026-02-30", NULL }, { "--to", "yesterday", NULL }, { "--from", NULL },
      { "--from", "2026-02-01", "--to", "2026-01-01" }, { "--from", "2026-01-01", "--to", "2026-01-01" },
      { "--bogus", NULL }, { "2026", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_auto(Run) run = { 0 };

        run_cli (&run, "--db", db, "stats", wrong[i][0], wrong[i][1], wrong[i][2], wrong[i][3], NULL);
        g_assert_cmpint (run.status, ==, 2);
        assert_one_error_line (&run);
      }
  }
  {
    g_autofree char *newer = g_build_filename (g_get_user_data_dir (), "stats-newer.db", NULL);
    g_autofree char *sql = g_strdup_printf ("sqlite3 %s 'PRAGMA user_version = 99'", newer);
    g_auto(Run) run = { 0 };

    g_assert_true (g_spawn_command_line_sync (sql, NULL, NULL, NULL, NULL));
    run_cli (&run, "--db", newer, "stats", NULL);
    g_assert_cmpint (run.status, ==, 1);
    assert_one_error_line (&run);
  }
}

/* Opening the database a second time in a process (the statistics and
 * search threads do) must keep the locks of the first connection: else
 * another program that closes the database thinks it was the last one,
 * removes the write-ahead log, and what the first writes next is lost to
 * everyone else. */
static void
test_second_open_keeps_locks (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "locks.db", NULL);
  g_autoptr(LuwteStore) first = NULL;
  g_autoptr(LuwteStore) second = NULL;
  g_autoptr(LuwteCase) before = NULL;
  g_autoptr(LuwteCase) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  first = luwte_store_open (db, &error);
  g_assert_no_error (error);
  before = luwte_store_create_case (first, "Voor de tweede verbinding", &error);
  second = luwte_store_open (db, &error);
  g_assert_no_error (error);

  run_cli (&run, "--db", db, "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Voor de tweede verbinding"));

  after = luwte_store_create_case (first, "Na het andere programma", &error);
  g_assert_no_error (error);
  run_cli (&again, "--db", db, "list", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "Na het andere programma"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/show-text", test_show_text);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/card/text", test_card_text);
  g_test_add_func ("/cli/card/json", test_card_json);
  g_test_add_func ("/cli/card/broken-user-card", test_broken_user_card);
  g_test_add_func ("/cli/list-and-show", test_list_and_show);
  g_test_add_func ("/cli/newer-database", test_newer_database);
  g_test_add_func ("/cli/demo-reproducible", test_demo_reproducible);
  g_test_add_func ("/cli/export-import", test_export_import);
  g_test_add_func ("/cli/profile", test_profile);
  g_test_add_func ("/cli/templates", test_templates);
  g_test_add_func ("/cli/letter", test_letter);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/stats", test_stats);
  g_test_add_func ("/cli/second-open-keeps-locks", test_second_open_keeps_locks);

  return g_test_run ();
}
