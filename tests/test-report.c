#define _GNU_SOURCE
/* test-report.c — the case report holds every part of a complete case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-case-intervention.h"
#include "luwte-demo.h"
#include "luwte-evaluation.h"
#include "luwte-evidence.h"
#include "luwte-letter.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-report.h"

#include <glib/gstdio.h>
#include <string.h>

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -raw %s -", path);
  char *text = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return text;
}

/* pdftotext breaks lines where the page does: compare without them. */
static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autoptr(GString) flat = g_string_new (haystack);
  g_autoptr(GString) word = g_string_new (needle);

  g_string_replace (flat, "\n", " ", 0);
  g_string_replace (word, "\n", " ", 0);
  return strstr (flat->str, word->str) != NULL;
}

static void
test_complete_case (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tests", NULL);
  g_autofree char *db = g_build_filename (dir, "report.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(LuwteLetter) letter = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GBytes) letter_pdf = g_bytes_new_static ("%PDF-1.5 brief", 14);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LuwteCaseEdit edit = { .summary = "Oproep met <b>opmaak</b> & {{accolades}}", .location = "Marktplein, Voorbeeld" };
  LuwteEvidenceNew message = { .url = "https://tiktok.example/report/123", .platform = "TikTok", .account = "demo_report" };
  LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_DECISION, .text = "Driehoek besluit tot extra toezicht op het plein." };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_unlink (db);
  store = luwte_store_open (db, &error);
  g_assert_no_error (error);
  kase = luwte_store_create_case (store, "Vuurwerkoproep op het Marktplein", &error);
  g_assert_true (luwte_store_update_case (store, kase, &edit, &error));
  {
    g_autoptr(LuwteParty) parent = luwte_party_new (LUWTE_ROLE_PARENT, "Fam. Rapport", "", "Dorpsstraat 9");
    g_assert_true (luwte_store_add_party (store, kase, parent, &error));
  }
  g_assert_nonnull (luwte_store_add_note (store, kase, &entry, &error));
  {
    LuwteNoteNew action = { .kind = LUWTE_NOTE_KIND_ACTION, .text = "Wijkagent bezoekt de ouders.",
                            .action_by = "Wijkagent", .action_due = "2026-12-30T18:00:00+01:00" };
    g_autoptr(LuwteNote) note = luwte_store_add_note (store, kase, &action, &error);

    g_assert_nonnull (note);
    g_assert_true (luwte_store_set_note_done (store, kase, note, TRUE, &error));
  }
  g_assert_nonnull (luwte_store_add_evidence (store, kase, &message, NULL, &error));
  {
    g_autoptr(LuwteCaseIntervention) item = luwte_store_add_case_intervention (store, kase, "mayor-video-message", "1", &error);
    LuwteCaseInterventionEdit change = { .rationale = "Snel zichtbaar in de eigen kanalen.", .outcome = "Minder reacties daarna." };
    g_assert_true (luwte_store_update_case_intervention (store, kase, item, &change, &error));
  }
  letter = luwte_store_add_letter (store, kase, "parents-letter", LUWTE_LANGUAGE_NL, 0, &error);
  {
    LuwteLetterEdit change = { .subject = "Oproep tot rellen door uw kind" };
    g_assert_true (luwte_store_update_letter (store, kase, letter, &change, &error));
  }
  g_assert_true (luwte_store_finalise_letter (store, kase, letter, letter_pdf, &error));
  g_assert_true (luwte_store_mark_letter_sent (store, kase, letter, NULL, "post", NULL, &error));
  g_assert_no_error (error);

  /* Closed with its evaluation. */
  chosen = luwte_store_list_case_interventions (store, kase, &error);
  {
    LuwteEffectChoice effect = { luwte_case_intervention_get_id (g_ptr_array_index (chosen, 0)), LUWTE_EFFECT_PARTLY };
    LuwteCaseEvaluation evaluation = { &effect, 1, "Eerder de ouders betrekken; de videoboodschap werkte maar half." };
    LuwteInterventionStatus done = LUWTE_INTERVENTION_STATUS_DONE;
    LuwteCaseInterventionEdit change = { .status = &done };

    g_assert_true (luwte_store_update_case_intervention (store, kase, g_ptr_array_index (chosen, 0), &change, &error));
    g_assert_true (luwte_store_close_case (store, kase, &evaluation, &error));
    g_assert_no_error (error);
  }

  g_assert_true (luwte_report_write_pdf (store, kase, card, pdf, &error));
  g_assert_no_error (error);
  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  text = pdf_text (pdf);

  /* Every part, with what it holds. */
  g_assert_true (contains (text, luwte_case_get_reference (kase)));
  g_assert_true (contains (text, "Vuurwerkoproep op het Marktplein"));
  g_assert_true (contains (text, "Oproep met <b>opmaak</b> & {{accolades}}"));
  g_assert_true (contains (text, "Marktplein, Voorbeeld"));
  g_assert_true (contains (text, "Fam. Rapport"));
  g_assert_true (contains (text, "Dorpsstraat 9"));
  g_assert_true (contains (text, "Driehoek besluit tot extra toezicht op het plein."));
  g_assert_true (contains (text, "Wijkagent bezoekt de ouders."));
  g_assert_true (contains (text, "Done on"));
  g_assert_true (contains (text, "https://tiktok.example/report/123"));
  g_assert_true (contains (text, "demo_report"));
  g_assert_true (contains (text, "Snel zichtbaar in de eigen kanalen."));
  g_assert_true (contains (text, "Minder reacties daarna."));
  g_assert_true (contains (text, "Oproep tot rellen door uw kind"));
  g_assert_true (contains (text, luwte_letter_get_sha256 (letter)));
  g_assert_true (contains (text, "Timeline"));
  g_assert_true (contains (text, "Evaluation"));
  g_assert_true (contains (text, "Eerder de ouders betrekken; de videoboodschap werkte maar half."));
  g_assert_true (contains (text, "Partly"));
  g_assert_true (contains (text, "Page 1 of"));
}

/* A case with a long log runs over several pages, each numbered. */
static void
test_long_case_pages (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tests", NULL);
  g_autofree char *db = g_build_filename (dir, "long.db", NULL);
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;
  guint pages = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_unlink (db);
  store = luwte_store_open (db, &error);
  kase = luwte_store_create_case (store, "Lang", &error);
  for (int i = 0; i < 120; i++)
    {
      g_autofree char *line = g_strdup_printf ("Regel %d van een lang logboek, met genoeg woorden om een regel te vullen.", i);
      LuwteNoteNew entry = { .kind = LUWTE_NOTE_KIND_INFORMATION, .text = line };
      g_autoptr(LuwteNote) note = luwte_store_add_note (store, kase, &entry, &error);
      g_assert_no_error (error);
    }
  blocks = luwte_report_build (store, kase, card, &error);
  g_assert_no_error (error);
  pdf = luwte_report_to_pdf (blocks, "Rapport", &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &size);
  /* Each page object of the PDF, not the /Pages tree. */
  /* memmem: a PDF holds NUL bytes. */
  for (const char *p = data; (p = memmem (p, size - (p - data), "/Type /Page", 11)) != NULL; p++)
    if (p[11] != 's')
      pages++;
  g_assert_cmpuint (pages, >=, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/complete-case", test_complete_case);
  g_test_add_func ("/report/long-case-pages", test_long_case_pages);

  return g_test_run ();
}
