/* test-letter.c — letters from the built-in templates and a demo case:
 * complete in both languages, literal values, the PDF's text, the
 * checklist, and a letter's life from draft to sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-demo.h"
#include "luwte-evidence.h"
#include "luwte-letter.h"
#include "luwte-letter-compose.h"
#include "luwte-party.h"
#include "luwte-profile.h"
#include "luwte-removal.h"
#include "luwte-template-library.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

static LuwteStore *
open_with_profile (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tests", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  LuwteStore *store;
  static const struct { LuwteProfileKey key; const char *value; } profile[] = {
    { LUWTE_PROFILE_MUNICIPALITY, "Gemeente Voorbeeld" },
    { LUWTE_PROFILE_ADDRESS, "Raadhuisplein 1\n1234 AB Voorbeeld" },
    { LUWTE_PROFILE_MAYOR, "A. de Burgemeester" },
    { LUWTE_PROFILE_SENDER_NAME, "J. Jansen" },
    { LUWTE_PROFILE_SENDER_ROLE, "adviseur openbare orde en veiligheid" },
    { LUWTE_PROFILE_PHONE, "14 0123" },
    { LUWTE_PROFILE_EMAIL, "oov@voorbeeld.example" },
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_unlink (path);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (profile); i++)
    g_assert_true (luwte_profile_set (store, profile[i].key, profile[i].value, &error));
  return store;
}

/* The case the demo makes first has a party in every role letters go to. */
static LuwteCase *
complete_demo_case (LuwteStore *store)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  LuwteCase *best = NULL;

  g_assert_true (luwte_demo_add_cases (store, card, 4, 2026, &error));
  cases = luwte_store_list_cases (store, NULL, 0, 10, &error);
  for (guint i = 0; i < cases->len && best == NULL; i++)
    {
      LuwteCase *kase = g_ptr_array_index (cases, i);
      g_autoptr(GPtrArray) parties = luwte_store_list_parties (store, kase, NULL);

      for (guint k = 0; k < parties->len; k++)
        if (luwte_party_get_role (g_ptr_array_index (parties, k)) == LUWTE_ROLE_YOUTH &&
            luwte_case_get_event_at (kase) != NULL)
          best = kase;
    }
  g_assert_nonnull (best);
  return g_object_ref (best);
}

static gint64
party_in_role (LuwteStore *store,
               LuwteCase  *kase,
               const char *role_name)
{
  g_autoptr(GPtrArray) parties = luwte_store_list_parties (store, kase, NULL);
  LuwteRole role;

  g_assert_true (luwte_role_parse (role_name, &role));
  for (guint i = 0; i < parties->len; i++)
    if (luwte_party_get_role (g_ptr_array_index (parties, i)) == role &&
        *luwte_party_get_contact (g_ptr_array_index (parties, i)) != '\0')
      return luwte_party_get_id (g_ptr_array_index (parties, i));
  for (guint i = 0; i < parties->len; i++)
    if (luwte_party_get_role (g_ptr_array_index (parties, i)) == role)
      return luwte_party_get_id (g_ptr_array_index (parties, i));
  return 0;
}

/* Every input the template asks for, filled with something recognisable. */
static GHashTable *
all_inputs (LuwteTemplate *template)
{
  GHashTable *inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *declared = luwte_template_get_inputs (template);

  for (guint i = 0; i < declared->len; i++)
    {
      LuwteTemplateInput *input = g_ptr_array_index (declared, i);
      g_hash_table_insert (inputs, g_strdup (input->name), g_strdup_printf ("waarde van %s", input->name));
    }
  return inputs;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static char *
pdf_text (GBytes *pdf)
{
  g_autofree char *dir = g_dir_make_tmp ("luwte-letter-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *command = g_strdup_printf ("pdftotext -layout %s -", path);
  g_autofree char *info = g_strdup_printf ("pdfinfo %s", path);
  g_autofree char *info_out = NULL;
  char *text = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_spawn_command_line_sync (info, &info_out, NULL, &status, NULL));
  g_assert_nonnull (strstr (info_out, "595.276 x 841.89 pts (A4)"));
  g_unlink (path);
  g_rmdir (dir);
  return text;
}

static void
test_every_template_complete (void)
{
  g_autoptr(LuwteStore) store = open_with_profile ("letters-complete.db");
  g_autoptr(LuwteCase) kase = complete_demo_case (store);
  g_autoptr(LuwteTemplateLibrary) library = luwte_template_library_new ();
  GPtrArray *templates = luwte_template_library_get_templates (library);
  gboolean have_pdftotext = have_program ("pdftotext");
  guint n_builtin = 0;

  for (guint i = 0; i < templates->len; i++)
    {
      LuwteTemplate *template = g_ptr_array_index (templates, i);
      g_autoptr(GHashTable) inputs = all_inputs (template);
      g_autoptr(LuwteTemplateValues) values = NULL;
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(LuwteLetterLayout) layout = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;
      g_autofree char *text = NULL;
      LuwteLetterFacts facts = { kase, 0, NULL, inputs, luwte_template_get_language (template), NULL };

      if (!luwte_template_get_is_builtin (template))
        continue;
      n_builtin++;
      facts.party_id = party_in_role (store, kase, luwte_template_get_recipient (template));
      g_assert_cmpint (facts.party_id, >, 0);
      facts.youth_id = luwte_letter_default_youth (store, kase);
      values = luwte_letter_values_build (store, &facts, &error);
      g_assert_no_error (error);
      if (!luwte_letter_render (template, values, &subject, &body, missing))
        g_error ("%s.%s: not filled: %s", luwte_template_get_id (template),
                 luwte_language_to_code (facts.language), (char *) g_ptr_array_index (missing, 0));
      problems = luwte_letter_problems (template, values, subject, body);
      if (problems->len > 0)
        g_error ("%s.%s: %s", luwte_template_get_id (template), luwte_language_to_code (facts.language),
                 (char *) g_ptr_array_index (problems, 0));
      g_assert_null (strstr (body, "[["));
      g_assert_null (strstr (body, "{{"));

      layout = luwte_letter_layout_for (store, &facts, subject, body, &error);
      g_assert_no_error (error);
      pdf = luwte_letter_layout_to_pdf (layout, &error);
      g_assert_no_error (error);
      if (!have_pdftotext)
        continue;
      text = pdf_text (pdf);
      g_assert_nonnull (strstr (text, luwte_case_get_reference (kase)));
      g_assert_nonnull (strstr (text, luwte_template_values_get (values, "datum")));
      g_assert_nonnull (strstr (text, luwte_template_values_get (values, "ontvanger.naam")));
      for (guint m = 0; g_str_equal (luwte_template_get_id (template), "ntd-platform") &&
                        m < luwte_template_values_get_n_berichten (values); m++)
        g_assert_nonnull (strstr (text, luwte_template_values_get_bericht (values, m, "bericht.url")));
    }
  /* Seven letters in two languages. */
  g_assert_cmpuint (n_builtin, ==, 14);
}

/* What people typed comes out as typed: markup, braces, other scripts. */
static void
test_values_literal (void)
{
  g_autoptr(LuwteStore) store = open_with_profile ("letters-literal.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Feest <b>&amp;</b> {{zaak.kenmerk}}", NULL);
  g_autoptr(LuwteParty) youth = luwte_party_new (LUWTE_ROLE_YOUTH, "שלום {{jongere.naam}} 🎆", "", "");
  g_autoptr(LuwteParty) parent = luwte_party_new (LUWTE_ROLE_PARENT, "Fam. <i>Test</i> & co {{x}}", "", "Dorpsstraat 1\n1234 AB Voorbeeld");
  g_autoptr(LuwteTemplateLibrary) library = luwte_template_library_new ();
  LuwteTemplate *template = luwte_template_library_lookup (library, "parents-letter", LUWTE_LANGUAGE_NL);
  g_autoptr(LuwteTemplateValues) values = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  LuwteLetterFacts facts = { kase, 0, NULL, NULL, LUWTE_LANGUAGE_NL, NULL };

  g_assert_nonnull (template);
  g_assert_true (luwte_store_add_party (store, kase, youth, &error));
  g_assert_true (luwte_store_add_party (store, kase, parent, &error));
  facts.party_id = luwte_party_get_id (parent);
  facts.youth_id = luwte_party_get_id (youth);
  values = luwte_letter_values_build (store, &facts, &error);
  g_assert_no_error (error);
  luwte_letter_render (template, values, &subject, &body, missing);
  g_assert_nonnull (strstr (body, "שלום {{jongere.naam}} 🎆"));

  text = luwte_letter_plain_text (store, &facts, subject, body);
  g_assert_nonnull (strstr (text, "Fam. <i>Test</i> & co {{x}}\nDorpsstraat 1\n1234 AB Voorbeeld"));

  /* A postal address typed on one line goes on the envelope's lines; the
   * contact (a phone number) stays out of the address block. */
  {
    LuwtePartyEdit moved = { .contact = "06-00000000", .address = "Molenlaan 140,  9569 AB Zuidwijk, " };
    g_autofree char *moved_text = NULL;
    g_autoptr(LuwteTemplateValues) moved_values = NULL;

    g_assert_true (luwte_store_update_party (store, kase, parent, &moved, &error));
    moved_text = luwte_letter_plain_text (store, &facts, subject, body);
    g_assert_nonnull (strstr (moved_text, "Fam. <i>Test</i> & co {{x}}\nMolenlaan 140\n9569 AB Zuidwijk\n"));
    g_assert_null (strstr (moved_text, "06-00000000"));
    moved_values = luwte_letter_values_build (store, &facts, &error);
    g_assert_cmpstr (luwte_template_values_get (moved_values, "ontvanger.adres"), ==, "Molenlaan 140, 9569 AB Zuidwijk");
  }
  g_assert_nonnull (strstr (text, "Ons kenmerk: "));

  if (have_program ("pdftotext"))
    {
      g_autoptr(LuwteLetterLayout) layout = luwte_letter_layout_for (store, &facts, subject, body, &error);
      g_autoptr(GBytes) pdf = luwte_letter_layout_to_pdf (layout, &error);
      g_autofree char *pdf_words = NULL;

      g_assert_no_error (error);
      pdf_words = pdf_text (pdf);
      g_assert_nonnull (strstr (pdf_words, "Fam. <i>Test</i> & co {{x}}"));
      g_assert_true (strstr (pdf_words, "🎆") != NULL || strstr (pdf_words, "שלום") != NULL);
    }
}

/* The checklist of the DSA notice follows the text, also after editing. */
static void
test_checklist (void)
{
  g_autoptr(LuwteStore) store = open_with_profile ("letters-checklist.db");
  g_autoptr(LuwteCase) kase = complete_demo_case (store);
  g_autoptr(LuwteTemplateLibrary) library = luwte_template_library_new ();
  LuwteTemplate *template = luwte_template_library_lookup (library, "ntd-platform", LUWTE_LANGUAGE_NL);
  g_autoptr(GHashTable) inputs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LuwteTemplateValues) values = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *edited = NULL;
  LuwteLetterFacts facts = { kase, 0, NULL, inputs, LUWTE_LANGUAGE_NL, NULL };

  facts.party_id = party_in_role (store, kase, "platform");
  values = luwte_letter_values_build (store, &facts, &error);
  g_assert_false (luwte_letter_render (template, values, &subject, &body, missing));
  problems = luwte_letter_problems (template, values, subject, body);
  /* The explanation is missing: as a field and as element (a). */
  g_assert_cmpuint (problems->len, ==, 2);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&values, luwte_template_values_unref);
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);

  g_hash_table_insert (inputs, "brief.uitleg", "De berichten roepen op tot geweld tegen de politie.");
  values = luwte_letter_values_build (store, &facts, &error);
  g_assert_true (luwte_letter_render (template, values, &subject, &body, missing));
  problems = luwte_letter_problems (template, values, subject, body);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Taking the good-faith statement out by hand: element (d) is missing. */
  {
    g_autoptr(GString) text = g_string_new (body);
    g_string_replace (text, "te goeder trouw", "", 0);
    edited = g_string_free (g_steal_pointer (&text), FALSE);
  }
  problems = luwte_letter_problems (template, values, subject, edited);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "(d)"));
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

/* Draft, final (frozen with its PDF), sent (the messages count as
 * requested), a new version, and removal with undo. */
static void
test_life_of_a_letter (void)
{
  g_autoptr(LuwteStore) store = open_with_profile ("letters-life.db");
  g_autoptr(LuwteCase) kase = complete_demo_case (store);
  g_autoptr(LuwteLetter) letter = NULL;
  g_autoptr(LuwteLetter) version = NULL;
  g_autoptr(GPtrArray) messages = luwte_store_list_evidence (store, kase, NULL);
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) inputs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5 test", 13);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  gint64 platform = party_in_role (store, kase, "platform");
  gint64 first_message;
  gboolean edited = TRUE;
  LuwteLetterEdit edit = { .subject = "Melding", .body = "Geachte heer, mevrouw,", .edited = &edited };

  g_assert_cmpuint (messages->len, >, 0);
  first_message = luwte_evidence_get_id (g_ptr_array_index (messages, 0));
  g_array_append_val (chosen, first_message);
  g_hash_table_insert (inputs, "brief.uitleg", "Opruiing.");
  edit.inputs = inputs;
  edit.evidence_ids = chosen;

  letter = luwte_store_add_letter (store, kase, "ntd-platform", LUWTE_LANGUAGE_NL, platform, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_letter_get_status (letter), ==, LUWTE_LETTER_DRAFT);
  g_assert_cmpint (luwte_letter_get_party_id (letter), ==, platform);
  g_assert_true (luwte_store_update_letter (store, kase, letter, &edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (luwte_letter_get_inputs (letter), "brief.uitleg"), ==, "Opruiing.");
  g_assert_cmpuint (luwte_letter_get_evidence_ids (letter)->len, ==, 1);
  g_assert_true (luwte_letter_get_edited (letter));

  /* Sending before it is final is refused. */
  g_assert_false (luwte_store_mark_letter_sent (store, kase, letter, NULL, "e-mail", NULL, &error));
  g_clear_error (&error);

  g_assert_true (luwte_store_finalise_letter (store, kase, letter, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_letter_get_sha256 (letter), ==, sha256);
  stored = luwte_store_get_letter_pdf (store, letter, &error);
  g_assert_true (g_bytes_equal (stored, pdf));

  /* Frozen: through the store, and even by hand in SQL. */
  g_assert_false (luwte_store_update_letter (store, kase, letter, &edit, &error));
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (luwte_store_get_db (store), "UPDATE letters SET body = 'anders'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);

  g_assert_true (luwte_store_mark_letter_sent (store, kase, letter, "2026-11-30T10:00:00+01:00", "e-mail",
                                               "2026-12-02T10:00:00+01:00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (luwte_letter_get_status (letter), ==, LUWTE_LETTER_SENT);
  g_clear_pointer (&messages, g_ptr_array_unref);
  messages = luwte_store_list_evidence (store, kase, NULL);
  for (guint i = 0; i < messages->len; i++)
    {
      LuwteEvidence *message = g_ptr_array_index (messages, i);

      if (luwte_evidence_get_id (message) == first_message)
        {
          g_assert_cmpint (luwte_evidence_get_takedown (message), ==, LUWTE_TAKEDOWN_REQUESTED);
          g_assert_cmpstr (luwte_evidence_get_takedown_channel (message), ==, "e-mail");
          g_assert_cmpstr (luwte_evidence_get_takedown_due (message), ==, "2026-12-02T10:00:00+01:00");
        }
    }

  version = luwte_store_new_letter_version (store, kase, letter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_letter_get_version (version), ==, 2);
  g_assert_cmpint (luwte_letter_get_previous_id (version), ==, luwte_letter_get_id (letter));
  g_assert_cmpint (luwte_letter_get_status (version), ==, LUWTE_LETTER_DRAFT);
  g_assert_cmpstr (luwte_letter_get_body (version), ==, "Geachte heer, mevrouw,");
  g_assert_cmpuint (luwte_letter_get_evidence_ids (version)->len, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (luwte_letter_get_inputs (version), "brief.uitleg"), ==, "Opruiing.");

  letters = luwte_store_list_letters (store, kase, &error);
  g_assert_cmpuint (letters->len, ==, 2);

  /* A closed case keeps its letters as they are. */
  {
    LuwteLetterEdit change = { .subject = "Anders" };

    g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_CLOSED, &error));
    g_assert_false (luwte_store_update_letter (store, kase, version, &change, &error));
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_CLOSED);
    g_clear_error (&error);
    g_assert_null (luwte_store_add_letter (store, kase, "ntd-platform", LUWTE_LANGUAGE_NL, platform, &error));
    g_assert_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_CLOSED);
    g_clear_error (&error);
    g_assert_true (luwte_store_set_case_status (store, kase, LUWTE_CASE_STATUS_ACTIVE, &error));
  }

  /* A sent letter can be removed, and Undo gives it back exactly. */
  removal = luwte_store_remove (store, LUWTE_REMOVAL_LETTER, kase, luwte_letter_get_id (letter), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count (*) FROM letters"), ==, 1);
  g_assert_true (luwte_store_undo_removal (store, removal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count (*) FROM letters WHERE status = 'sent' AND pdf IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM letters WHERE previous_id IS NOT NULL"), ==, 1);
}

/* A case with two young people: each parents' letter names the one it is
 * about, chosen per letter, and keeps them through a new version, the
 * removal of the party and its Undo. */
static void
test_youth_per_letter (void)
{
  g_autoptr(LuwteStore) store = open_with_profile ("letters-youth.db");
  g_autoptr(LuwteCase) kase = luwte_store_create_case (store, "Oproep Zuidwijk", NULL);
  g_autoptr(LuwteParty) first = luwte_party_new (LUWTE_ROLE_YOUTH, "Sam Eerste", "", "");
  g_autoptr(LuwteParty) second = luwte_party_new (LUWTE_ROLE_YOUTH, "Noor Tweede", "", "");
  g_autoptr(LuwteParty) parent = luwte_party_new (LUWTE_ROLE_PARENT, "Fam. Tweede", "", "Dorpsstraat 2");
  g_autoptr(LuwteTemplateLibrary) library = luwte_template_library_new ();
  LuwteTemplate *parents = luwte_template_library_lookup (library, "parents-letter", LUWTE_LANGUAGE_NL);
  g_autoptr(LuwteLetter) letter = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  LuwteLetterFacts facts = { .kase = kase, .language = LUWTE_LANGUAGE_NL };
  LuwteLetterEdit edit = { 0 };
  gint64 second_id;

  g_assert_nonnull (parents);
  g_assert_true (luwte_template_uses_field (parents, "jongere.naam"));
  g_assert_false (luwte_template_uses_field (luwte_template_library_lookup (library, "ntd-platform", LUWTE_LANGUAGE_NL),
                                             "jongere.naam"));
  g_assert_true (luwte_store_add_party (store, kase, first, &error));
  g_assert_true (luwte_store_add_party (store, kase, second, &error));
  g_assert_true (luwte_store_add_party (store, kase, parent, &error));
  second_id = luwte_party_get_id (second);
  g_assert_cmpint (luwte_letter_default_youth (store, kase), ==, luwte_party_get_id (first));

  /* A new letter is about the first young person, as before. */
  letter = luwte_store_add_letter (store, kase, "parents-letter", LUWTE_LANGUAGE_NL, luwte_party_get_id (parent), &error);
  g_assert_no_error (error);
  g_assert_cmpint (luwte_letter_get_youth_id (letter), ==, luwte_party_get_id (first));

  /* Chosen: the second, stored, and named in the text. */
  edit.youth_id = &second_id;
  g_assert_true (luwte_store_update_letter (store, kase, letter, &edit, &error));
  g_assert_cmpint (luwte_letter_get_youth_id (letter), ==, second_id);
  letters = luwte_store_list_letters (store, kase, &error);
  g_assert_cmpint (luwte_letter_get_youth_id (g_ptr_array_index (letters, 0)), ==, second_id);
  facts.party_id = luwte_party_get_id (parent);
  facts.youth_id = luwte_letter_get_youth_id (letter);
  {
    g_autoptr(LuwteTemplateValues) values = luwte_letter_values_build (store, &facts, &error);
    g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *subject = NULL;
    g_autofree char *body = NULL;

    g_assert_no_error (error);
    g_assert_true (luwte_letter_render (parents, values, &subject, &body, missing));
    g_assert_nonnull (strstr (body, "uw kind, Noor Tweede."));
    g_assert_null (strstr (body, "Sam Eerste"));
  }
  /* None chosen: the field is missing, not filled with someone else. */
  facts.youth_id = 0;
  {
    g_autoptr(LuwteTemplateValues) values = luwte_letter_values_build (store, &facts, &error);
    g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *subject = NULL;
    g_autofree char *body = NULL;

    g_assert_false (luwte_letter_render (parents, values, &subject, &body, missing));
    g_assert_nonnull (strstr (body, "[[jongere.naam]]"));
  }

  /* A party of another case is never chosen as the young person. */
  {
    g_autoptr(LuwteCase) other = luwte_store_create_case (store, "Andere casus", NULL);
    g_autoptr(LuwteParty) stranger = luwte_party_new (LUWTE_ROLE_YOUTH, "Iemand Anders", "", "");
    gint64 stranger_id;

    g_assert_true (luwte_store_add_party (store, other, stranger, &error));
    stranger_id = luwte_party_get_id (stranger);
    edit.youth_id = &stranger_id;
    g_assert_true (luwte_store_update_letter (store, kase, letter, &edit, &error));
    g_assert_cmpint (luwte_letter_get_youth_id (letter), ==, 0);
    /* Nor a party of the case that is no young person. */
    {
      gint64 parent_id = luwte_party_get_id (parent);

      edit.youth_id = &parent_id;
      g_assert_true (luwte_store_update_letter (store, kase, letter, &edit, &error));
      g_assert_cmpint (luwte_letter_get_youth_id (letter), ==, 0);
    }
    edit.youth_id = &second_id;
    g_assert_true (luwte_store_update_letter (store, kase, letter, &edit, &error));
  }

  /* Removing the young person forgets the choice; Undo brings it back. */
  removal = luwte_store_remove (store, LUWTE_REMOVAL_PARTY, kase, second_id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&letters, g_ptr_array_unref);
  letters = luwte_store_list_letters (store, kase, &error);
  g_assert_cmpint (luwte_letter_get_youth_id (g_ptr_array_index (letters, 0)), ==, 0);
  g_assert_true (luwte_store_undo_removal (store, removal, &error));
  g_assert_no_error (error);
  g_clear_pointer (&letters, g_ptr_array_unref);
  letters = luwte_store_list_letters (store, kase, &error);
  g_assert_cmpint (luwte_letter_get_youth_id (g_ptr_array_index (letters, 0)), ==, second_id);

  /* A new version of a final letter is about the same young person. */
  g_clear_object (&letter);
  letter = g_object_ref (g_ptr_array_index (letters, 0));
  {
    g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);
    g_autoptr(LuwteLetter) next = NULL;

    g_assert_true (luwte_store_finalise_letter (store, kase, letter, pdf, &error));
    g_assert_no_error (error);
    next = luwte_store_new_letter_version (store, kase, letter, &error);
    g_assert_no_error (error);
    g_assert_cmpint (luwte_letter_get_youth_id (next), ==, second_id);
  }
}

static void
test_mailto (void)
{
  g_autofree char *uri = luwte_letter_mailto ("legal@tiktok.example", "Melding & verzoek", "Regel 1\nRegel 2");

  g_assert_cmpstr (uri, ==, "mailto:legal@tiktok.example?subject=Melding%20%26%20verzoek&body=Regel%201%0D%0ARegel%202");
  g_assert_null (luwte_letter_mailto ("Dorpsstraat 1", "x", "y"));
  g_assert_null (luwte_letter_mailto ("a@b.example?cc=evil@x.example", "x", "y"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/letter/every-template-complete", test_every_template_complete);
  g_test_add_func ("/letter/values-literal", test_values_literal);
  g_test_add_func ("/letter/checklist", test_checklist);
  g_test_add_func ("/letter/life", test_life_of_a_letter);
  g_test_add_func ("/letter/mailto", test_mailto);
  g_test_add_func ("/letter/youth-per-letter", test_youth_per_letter);

  return g_test_run ();
}
