/* test-template.c — letter templates: parsing, every kind of broken file,
 * rendering, the checklist, the library and dates written out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-template.h"
#include "luwte-template-fields.h"
#include "luwte-template-library.h"
#include "luwte-time.h"
#include "test-template-resources.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#define TEST_BUILTIN_PATH "/io/github/luwte/Luwte/tests/templates/"

/* The shape of data/templates/README.md, with every header key. */
static const char good_template[] =
  "# A line that starts with # is a comment.\n"
  "id: ntd-platform\n"
  "language: nl\n"
  "title: Verzoek tot verwijdering aan een platform\n"
  "interventions: notice-and-takedown, remove-content\n"
  "recipient: platform\n"
  "channel: email\n"
  "input: brief.uitleg | Waarom de berichten strafbaar zijn\n"
  "check: Uitleg waarom de inhoud illegaal is | brief.uitleg\n"
  "check: De precieze URL's van de berichten | berichten\n"
  "check: Naam en e-mailadres van de melder | afzender.naam, gemeente.email\n"
  "check: Verklaring te goeder trouw | \"te goeder trouw\"\n"
  "note: Laat een jurist deze brief nalezen voordat hij verstuurd wordt.\n"
  "note: Stuur hem naar het meldpunt van het platform.\n"
  "subject: Melding van illegale inhoud ({{zaak.kenmerk}})\n"
  "---\n"
  "Geachte heer, mevrouw,\n"
  "\n"
  "{{#each berichten}}\n"
  "- {{bericht.url}}\n"
  "{{/each}}\n"
  "\n"
  "{{brief.uitleg}}\n"
  "\n"
  "Ik verklaar te goeder trouw dat deze melding juist is.\n"
  "\n"
  "{{afzender.naam}}, {{gemeente.email}}\n";

/* A header that passes, so a test can break one thing in the body; the
 * body starts on line 6. */
#define HEADER "id: t\nlanguage: nl\ntitle: T\nsubject: S\n---\n"

static LuwteTemplate *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  LuwteTemplate *template = luwte_template_parse (text, -1, "t.nl.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

/* @text is refused with exactly "t.nl.txt:@where: …" holding @expected. */
static void
assert_refused_len (const char *text,
                    gssize      length,
                    const char *where,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteTemplate) template = luwte_template_parse (text, length, "t.nl.txt", &error);
  g_autofree char *prefix = g_strdup_printf ("t.nl.txt:%s: ", where);

  g_assert_null (template);
  g_assert_error (error, LUWTE_TEMPLATE_ERROR, LUWTE_TEMPLATE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
assert_refused (const char *text,
                const char *where,
                const char *expected)
{
  assert_refused_len (text, -1, where, expected);
}

static char *
render_body (LuwteTemplate       *template,
             LuwteTemplateValues *values,
             GPtrArray           *missing)
{
  return luwte_template_render_body (template, values, missing);
}

static char *
render_text (const char          *body,
             LuwteTemplateValues *values,
             GPtrArray           *missing)
{
  g_autofree char *text = g_strconcat (HEADER, body, NULL);
  g_autoptr(LuwteTemplate) template = parse_ok (text);

  return render_body (template, values, missing);
}

static GPtrArray *
new_missing (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
assert_names (GPtrArray  *names,
              const char *expected)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", (const char *) g_ptr_array_index (names, i));
  g_assert_cmpstr (joined->str, ==, expected);
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv (new, parts);
}

/* Parsing */

static void
test_parse_good (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok (good_template);
  const char * const *interventions = luwte_template_get_interventions (template);
  const char * const *notes = luwte_template_get_notes (template);
  GPtrArray *inputs = luwte_template_get_inputs (template);
  GPtrArray *checks = luwte_template_get_checks (template);
  LuwteTemplateInput *input;
  LuwteTemplateCheck *check;
  LuwteTemplateCheckItem *item;

  g_assert_cmpstr (luwte_template_get_id (template), ==, "ntd-platform");
  g_assert_cmpint (luwte_template_get_language (template), ==, LUWTE_LANGUAGE_NL);
  g_assert_cmpstr (luwte_template_get_title (template), ==, "Verzoek tot verwijdering aan een platform");
  g_assert_cmpuint (g_strv_length ((char **) interventions), ==, 2);
  g_assert_cmpstr (interventions[0], ==, "notice-and-takedown");
  g_assert_cmpstr (interventions[1], ==, "remove-content");
  g_assert_true (luwte_template_suits (template, "remove-content"));
  g_assert_false (luwte_template_suits (template, "home-visit-organiser"));
  g_assert_cmpstr (luwte_template_get_recipient (template), ==, "platform");
  g_assert_cmpint (luwte_template_get_channel (template), ==, LUWTE_TEMPLATE_CHANNEL_EMAIL);
  g_assert_cmpstr (luwte_template_get_origin (template), ==, "t.nl.txt");
  g_assert_false (luwte_template_get_is_builtin (template));

  g_assert_cmpuint (inputs->len, ==, 1);
  input = g_ptr_array_index (inputs, 0);
  g_assert_cmpstr (input->name, ==, "brief.uitleg");
  g_assert_cmpstr (input->label, ==, "Waarom de berichten strafbaar zijn");
  g_assert_cmpstr (luwte_template_get_field_label (template, "brief.uitleg"), ==, "Waarom de berichten strafbaar zijn");
  g_assert_cmpstr (luwte_template_get_field_label (template, "zaak.kenmerk"), ==, "Case reference");

  g_assert_cmpuint (checks->len, ==, 4);
  check = g_ptr_array_index (checks, 0);
  g_assert_cmpstr (check->label, ==, "Uitleg waarom de inhoud illegaal is");
  g_assert_cmpuint (check->items->len, ==, 1);
  item = g_ptr_array_index (check->items, 0);
  g_assert_cmpint (item->kind, ==, LUWTE_TEMPLATE_CHECK_FIELD);
  g_assert_cmpstr (item->text, ==, "brief.uitleg");
  check = g_ptr_array_index (checks, 1);
  item = g_ptr_array_index (check->items, 0);
  g_assert_cmpint (item->kind, ==, LUWTE_TEMPLATE_CHECK_LIST);
  check = g_ptr_array_index (checks, 2);
  g_assert_cmpuint (check->items->len, ==, 2);
  g_assert_cmpstr (((LuwteTemplateCheckItem *) g_ptr_array_index (check->items, 1))->text, ==, "gemeente.email");
  check = g_ptr_array_index (checks, 3);
  item = g_ptr_array_index (check->items, 0);
  g_assert_cmpint (item->kind, ==, LUWTE_TEMPLATE_CHECK_PHRASE);
  g_assert_cmpstr (item->text, ==, "te goeder trouw");

  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 2);
  g_assert_cmpstr (notes[1], ==, "Stuur hem naar het meldpunt van het platform.");
}

static void
test_parse_defaults (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok (HEADER "Tekst\n");
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autofree char *body = NULL;

  g_assert_cmpint (luwte_template_get_channel (template), ==, LUWTE_TEMPLATE_CHANNEL_POST);
  g_assert_null (luwte_template_get_recipient (template));
  g_assert_cmpuint (g_strv_length ((char **) luwte_template_get_interventions (template)), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) luwte_template_get_notes (template)), ==, 0);
  g_assert_cmpuint (luwte_template_get_inputs (template)->len, ==, 0);
  g_assert_cmpuint (luwte_template_get_checks (template)->len, ==, 0);
  body = render_body (template, values, NULL);
  g_assert_cmpstr (body, ==, "Tekst\n");
}

/* Windows line ends, a byte order mark, blank and comment lines, spaces
 * around keys and in tags: all read as the README means them. */
static void
test_parse_lenient_spelling (void)
{
  static const char text[] =
    "\xEF\xBB\xBF# Windows\r\n"
    "\r\n"
    "  # indented comment\r\n"
    "id :  t  \r\n"
    "language: en\r\n"
    "title: Let op: een titel met een dubbele punt\r\n"
    "subject: {{ zaak.kenmerk }}\r\n"
    "---  \r\n"
    "{{#if  zaak.titel }}\r\n"
    "Titel: {{zaak.titel}}\r\n"
    "{{/if}}\r\n"
    "Einde\r\n";
  g_autoptr(LuwteTemplate) template = parse_ok (text);
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autofree char *body = NULL;
  g_autofree char *subject = NULL;

  g_assert_cmpstr (luwte_template_get_id (template), ==, "t");
  g_assert_cmpint (luwte_template_get_language (template), ==, LUWTE_LANGUAGE_EN);
  g_assert_cmpstr (luwte_template_get_title (template), ==, "Let op: een titel met een dubbele punt");
  luwte_template_values_set (values, "zaak.titel", "Feest");
  luwte_template_values_set (values, "zaak.kenmerk", "OOV-2026-0042");
  body = render_body (template, values, NULL);
  g_assert_cmpstr (body, ==, "Titel: Feest\nEinde\n");
  subject = luwte_template_render_subject (template, values, NULL);
  g_assert_cmpstr (subject, ==, "OOV-2026-0042");
}

static void
test_parse_broken_header (void)
{
  assert_refused ("language: nl\ntitle: T\nsubject: S\n---\n", "4:1", "the header has no “id”");
  assert_refused ("id: t\ntitle: T\nsubject: S\n---\n", "4:1", "the header has no “language”");
  assert_refused ("id: t\nlanguage: nl\nsubject: S\n---\n", "4:1", "the header has no “title”");
  assert_refused ("id: t\nlanguage: nl\ntitle: T\n---\nBody\n", "4:1", "the header has no “subject”");
  assert_refused ("id: t\nlanguage: nl\ntitle: T\nsubject: S\n", "5:1", "a line “---” must come");
  assert_refused ("id: t\nlanguage: nl\ntitle: T\nsubject: S\nGeachte heer,\n", "5:1", "or “---”");
  assert_refused ("", "1:1", "a line “---” must come");

  assert_refused ("id: Ntd_platform\n", "1:5", "the id “Ntd_platform” may only hold a–z, 0–9 and “-”");
  assert_refused ("id: ntd platform\n", "1:5", "may only hold");
  assert_refused ("id: ntdé\n", "1:5", "may only hold");
  assert_refused ("id: t\nlanguage: de\n", "2:11", "the language must be “nl” or “en”, not “de”");
  assert_refused ("id: t\nid: u\n", "2:1", "“id” is given twice; first on line 1");
  assert_refused ("id: t\n  sender: x\n", "2:3", "unknown header key “sender”");
  assert_refused ("id: t\nSubject: x\n", "2:1", "unknown header key “Subject”");
  assert_refused ("id: t\ntitle:\n", "2:7", "“title” needs a value");
  assert_refused ("id: t\nnote:   \n", "2:9", "“note” needs a value");
  assert_refused ("id: t\n  just words\n", "2:3", "expected “key: value”");
  assert_refused ("id: t\nrecipient: burgemeester\n", "2:12", "“burgemeester” is not a party role");
  assert_refused ("id: t\nchannel: fax\n", "2:10", "the channel must be “post” or “email”, not “fax”");
  assert_refused ("id: t\ninterventions: remove-content, Home visit\n", "2:32", "“Home visit” is not a card id");
  assert_refused ("id: t\ninterventions: remove-content,,x\n", "2:31", "“” is not a card id");

  assert_refused ("id: t\ninput: brief.Uitleg | U\n", "2:8", "“brief.Uitleg” is not an input name");
  assert_refused ("id: t\ninput: zaak.titel | U\n", "2:8", "“zaak.titel” is not an input name");
  assert_refused ("id: t\ninput: brief. | U\n", "2:8", "is not an input name");
  assert_refused ("id: t\ninput: brief.uitleg\n", "2:8", "expected “brief.name | label”");
  assert_refused ("id: t\ninput: brief.uitleg |  \n", "2:21", "the part after “|” is empty");
  assert_refused ("id: t\ninput: brief.a | A\ninput: brief.a | B\n", "3:8", "the input “brief.a” is declared twice");

  assert_refused ("id: t\ncheck: Kenmerk | zaak.kenmrk\n", "2:18", "unknown field “zaak.kenmrk”");
  assert_refused ("id: t\ncheck: URL | bericht.url\n", "2:14", "“bericht.url” cannot be checked on its own; check “berichten”");
  assert_refused ("id: t\ncheck: Uitleg | brief.uitleg\n", "2:17", "the input “brief.uitleg” is not declared");
  assert_refused ("id: t\ncheck: Trouw | \"te goeder trouw\n", "2:16", "no closing double quote");
  assert_refused ("id: t\ncheck: Trouw | \"  \"\n", "2:16", "the phrase is empty");
  assert_refused ("id: t\ncheck: Trouw | \"a\" \"b\"\n", "2:20", "expected “,” between the parts");
  assert_refused ("id: t\ncheck: Titel | zaak.titel,\n", "2:27", "a check names fields");
  assert_refused ("id: t\ncheck:  | zaak.titel\n", "2:9", "the part before “|” is empty");
  assert_refused ("id: t\ncheck: Titel zaak.titel\n", "2:8", "expected “label | what”");

  /* The subject is template text too, with columns from the line start. */
  assert_refused ("id: t\nlanguage: nl\ntitle: T\nsubject: Melding {{zaak.kenmrk}}\n---\n", "4:18",
                  "unknown field “zaak.kenmrk”");
  assert_refused ("id: t\nlanguage: nl\ntitle: T\nsubject: Melding {{zaak.kenmerk\n---\n", "4:18",
                  "“{{” without “}}”");
}

/* An input may be declared below the check or the subject that uses it. */
static void
test_parse_input_declared_later (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok ("id: t\nlanguage: nl\ntitle: T\n"
                                                "subject: Over {{brief.onderwerp}}\n"
                                                "check: Onderwerp | brief.onderwerp\n"
                                                "input: brief.onderwerp | Onderwerp\n---\n");
  g_assert_cmpuint (luwte_template_get_inputs (template)->len, ==, 1);
}

static void
test_parse_broken_body (void)
{
  /* The example of the README's contract. */
  assert_refused (HEADER "Geachte heer,\n\nKenmerk:\n\n\nDatum: {{datum}}\n    {{zaak.kenmrk}}\n", "12:5",
                  "unknown field “zaak.kenmrk”");
  assert_refused (HEADER "a {{Zaak.Kenmerk}}\n", "6:3", "unknown field “Zaak.Kenmerk”");
  assert_refused (HEADER "{{brief.uitleg}}\n", "6:1", "the input “brief.uitleg” is not declared");
  assert_refused (HEADER "{{#unless zaak.titel}}x{{/unless}}\n", "6:1", "unknown tag “{{#unless zaak.titel}}”");
  assert_refused (HEADER "{{}}\n", "6:1", "unknown tag “{{}}”");
  assert_refused (HEADER "{{> partial}}\n", "6:1", "unknown tag “{{> partial}}”");
  assert_refused (HEADER "{{#if}}x{{/if}}\n", "6:1", "“{{#if}}” needs a field name");
  assert_refused (HEADER "{{#if zaak.titl}}x{{/if}}\n", "6:1", "unknown field “zaak.titl”");
  assert_refused (HEADER "text\n  {{/if}}\n", "7:3", "“{{/if}}” without its “{{#if}}”");
  assert_refused (HEADER "{{/each}}\n", "6:1", "“{{/each}}” without its “{{#each}}”");
  assert_refused (HEADER "{{else}}\n", "6:1", "“{{else}}” without its “{{#if}}”");
  assert_refused (HEADER "{{#each berichten}}{{else}}{{/each}}\n", "6:20", "“{{else}}” without its “{{#if}}”");
  assert_refused (HEADER "{{#if zaak.titel}}\na\n{{else}}\nb\n{{else}}\n{{/if}}\n", "10:1",
                  "a second “{{else}}” for the “{{#if zaak.titel}}” on line 6");
  assert_refused (HEADER "{{#if zaak.titel}}\n{{#each berichten}}\n{{/if}}\n", "8:1",
                  "“{{/if}}” does not close the “{{#each berichten}}” on line 7");
  assert_refused (HEADER "{{#each berichten}}\n{{#if bericht.url}}\n{{/each}}\n", "8:1",
                  "“{{/each}}” does not close the “{{#if bericht.url}}” on line 7");
  assert_refused (HEADER "a\n  {{#if zaak.titel}}\nb\n", "7:3", "“{{#if zaak.titel}}” is never closed");
  assert_refused (HEADER "{{#each berichten}}\n{{#if zaak.titel}}\n{{/if}}\n", "6:1",
                  "“{{#each berichten}}” is never closed");
  assert_refused (HEADER "{{#each berichten}}\n{{#if zaak.titel}}\n{{#each berichten}}\n", "8:1",
                  "cannot be inside another “{{#each}}”");
  assert_refused (HEADER "{{#each zaak.platforms}}\n{{/each}}\n", "6:1", "only “berichten” can be repeated");
  assert_refused (HEADER "Zie {{bericht.url}}\n", "6:5", "“bericht.url” can only be used inside “{{#each berichten}}”");
  assert_refused (HEADER "{{#if bericht.url}}x{{/if}}\n", "6:1", "can only be used inside");
  assert_refused (HEADER "{{berichten}}\n", "6:1", "“berichten” is a list; repeat it with “{{#each berichten}}”");
  assert_refused (HEADER "Kenmerk: {{zaak.kenmerk\n", "6:10", "“{{” without “}}” on the same line");
  assert_refused (HEADER "Kenmerk: {{zaak.kenmerk\n}}\n", "6:10", "“{{” without “}}” on the same line");
  assert_refused (HEADER "ok {{datum}} {{\n", "6:14", "“{{” without “}}”");
  /* Columns count characters, not bytes. */
  assert_refused (HEADER "Één, “twee” 🎉 {{zaak.onbekend}}\n", "6:15", "unknown field “zaak.onbekend”");
}

static void
test_parse_nesting_limit (void)
{
  g_autoptr(GString) ok = g_string_new (HEADER);
  g_autoptr(GString) deep = NULL;
  g_autoptr(LuwteTemplate) template = NULL;

  for (guint i = 0; i < 32; i++)
    g_string_append (ok, "{{#if zaak.titel}}");
  for (guint i = 0; i < 32; i++)
    g_string_append (ok, "{{/if}}");
  template = parse_ok (ok->str);

  deep = g_string_new (HEADER);
  for (guint i = 0; i < 33; i++)
    g_string_append (deep, "{{#if datum}}");
  assert_refused (deep->str, "6:417", "nested more than 32 deep");
}

static void
test_parse_bytes (void)
{
  g_autofree char *large = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteTemplate) refused = NULL;
  g_autoptr(LuwteTemplate) template = NULL;
  gsize header = strlen (HEADER);

  assert_refused_len ("id: t\nlan\0guage: nl\n", 20, "2:4", "NUL byte");
  assert_refused ("id: t\n\xff", "2:1", "not valid UTF-8");
  assert_refused ("id: t\ntitle: é\xc3(\n", "2:9", "not valid UTF-8");
  assert_refused (HEADER "\xed\xa0\x80\n", "6:1", "not valid UTF-8");

  /* Exactly 1 MiB is read; one byte more is refused before parsing. */
  large = g_malloc (LUWTE_TEMPLATE_MAX_BYTES + 2);
  memcpy (large, HEADER, header);
  memset (large + header, 'a', LUWTE_TEMPLATE_MAX_BYTES + 1 - header);
  large[LUWTE_TEMPLATE_MAX_BYTES + 1] = '\0';
  refused = luwte_template_parse (large, -1, "t.nl.txt", &error);
  g_assert_null (refused);
  g_assert_error (error, LUWTE_TEMPLATE_ERROR, LUWTE_TEMPLATE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "t.nl.txt: "));
  g_assert_nonnull (strstr (error->message, "larger than 1 MiB"));

  template = luwte_template_parse (large, LUWTE_TEMPLATE_MAX_BYTES, "t.nl.txt", NULL);
  g_assert_nonnull (template);
}

/* Rendering */

static void
test_render_fields (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok (good_template);
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autoptr(GPtrArray) missing = new_missing ();
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  guint item;

  luwte_template_values_set (values, "zaak.kenmerk", "OOV-2026-0042");
  luwte_template_values_set (values, "brief.uitleg", "De berichten roepen op tot geweld.");
  luwte_template_values_set (values, "afzender.naam", "A. Ambtenaar");
  luwte_template_values_set (values, "gemeente.email", "oov@gemeente.example");
  item = luwte_template_values_add_bericht (values);
  luwte_template_values_set_bericht (values, item, "bericht.url", "https://video.example/@x/1");
  item = luwte_template_values_add_bericht (values);
  luwte_template_values_set_bericht (values, item, "bericht.url", "https://video.example/@y/2");

  subject = luwte_template_render_subject (template, values, missing);
  g_assert_cmpstr (subject, ==, "Melding van illegale inhoud (OOV-2026-0042)");
  body = render_body (template, values, missing);
  g_assert_cmpstr (body, ==,
                   "Geachte heer, mevrouw,\n"
                   "\n"
                   "- https://video.example/@x/1\n"
                   "- https://video.example/@y/2\n"
                   "\n"
                   "De berichten roepen op tot geweld.\n"
                   "\n"
                   "Ik verklaar te goeder trouw dat deze melding juist is.\n"
                   "\n"
                   "A. Ambtenaar, oov@gemeente.example\n");
  g_assert_cmpuint (missing->len, ==, 0);
}

static void
test_render_missing (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok (good_template);
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autoptr(GPtrArray) missing = new_missing ();
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *again = NULL;
  guint item;

  /* Only spaces is no value either. */
  luwte_template_values_set (values, "afzender.naam", "  \n ");
  luwte_template_values_set (values, "gemeente.email", "");
  item = luwte_template_values_add_bericht (values);
  luwte_template_values_set_bericht (values, item, "bericht.platform", "TikTok");

  subject = luwte_template_render_subject (template, values, missing);
  g_assert_cmpstr (subject, ==, "Melding van illegale inhoud ([[zaak.kenmerk]])");
  body = render_body (template, values, missing);
  g_assert_nonnull (strstr (body, "- [[bericht.url]]\n"));
  g_assert_nonnull (strstr (body, "\n[[brief.uitleg]]\n"));
  g_assert_nonnull (strstr (body, "[[afzender.naam]], [[gemeente.email]]\n"));
  assert_names (missing, "zaak.kenmerk bericht.url brief.uitleg afzender.naam gemeente.email");

  /* Each name once, also when used again or rendered again. */
  again = render_body (template, values, missing);
  g_assert_cmpstr (again, ==, body);
  assert_names (missing, "zaak.kenmerk bericht.url brief.uitleg afzender.naam gemeente.email");
}

static void
test_render_if_else (void)
{
  static const char body[] =
    "{{#if jongere.naam}}Over {{jongere.naam}}.{{else}}Over uw kind, {{ontvanger.naam}}.{{/if}}|"
    "{{#if zaak.locatie}}Bij {{zaak.locatie}}.{{/if}}|"
    "{{#if berichten}}Met berichten.{{else}}Zonder berichten.{{/if}}|"
    "{{#each berichten}}[{{#if bericht.account}}{{bericht.account}}{{else}}onbekend{{/if}}]{{/each}}";
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autoptr(GPtrArray) missing = new_missing ();
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  guint item;

  without = render_text (body, values, missing);
  g_assert_cmpstr (without, ==, "Over uw kind, [[ontvanger.naam]].||Zonder berichten.|");
  /* Tested by #if and false: not missing; in the else part: missing. */
  assert_names (missing, "ontvanger.naam");

  g_ptr_array_set_size (missing, 0);
  luwte_template_values_set (values, "jongere.naam", "Sam");
  luwte_template_values_set (values, "zaak.locatie", "het Stationsplein");
  item = luwte_template_values_add_bericht (values);
  luwte_template_values_set_bericht (values, item, "bericht.account", "@oproep");
  luwte_template_values_add_bericht (values);
  with = render_text (body, values, missing);
  g_assert_cmpstr (with, ==, "Over Sam.|Bij het Stationsplein.|Met berichten.|[@oproep][onbekend]");
  g_assert_cmpuint (missing->len, ==, 0);
}

static void
test_render_each (void)
{
  static const char body[] =
    "Berichten:\n"
    "{{#each berichten}}\n"
    "- {{bericht.url}} ({{bericht.platform}}, {{bericht.account}}, {{bericht.geplaatst}}): {{bericht.omschrijving}} in {{zaak.kenmerk}}\n"
    "{{/each}}\n"
    "Einde\n";
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autofree char *none = NULL;
  g_autofree char *two = NULL;
  const char *fields[] = { "bericht.url", "bericht.platform", "bericht.account", "bericht.geplaatst", "bericht.omschrijving" };

  none = render_text (body, values, NULL);
  g_assert_cmpstr (none, ==, "Berichten:\nEinde\n");

  luwte_template_values_set (values, "zaak.kenmerk", "K");
  for (guint n = 0; n < 2; n++)
    {
      guint item = luwte_template_values_add_bericht (values);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *value = g_strdup_printf ("%c%u", fields[f][8], n + 1);
          luwte_template_values_set_bericht (values, item, fields[f], value);
        }
    }
  g_assert_cmpuint (luwte_template_values_get_n_berichten (values), ==, 2);
  two = render_text (body, values, NULL);
  g_assert_cmpstr (two, ==, "Berichten:\n- u1 (p1, a1, g1): o1 in K\n- u2 (p2, a2, g2): o2 in K\nEinde\n");

  luwte_template_values_clear_berichten (values);
  g_assert_cmpuint (luwte_template_values_get_n_berichten (values), ==, 0);
}

/* Values are text: nothing in them is template syntax or markup, and no
 * character is changed on the way. */
static void
test_render_literal_values (void)
{
  static const char * const literal[] = {
    "{{zaak.kenmerk}}",
    "{{#if datum}}x{{/if}} {{/each}} {{",
    "<b>Vet</b> & \"aanhalingstekens\" &amp; 'enkel'",
    "مرحبا بالعالم \u202Eעברית\u202C",
    "👍🏽 🇳🇱 👨‍👩‍👧 e\u0301",
    "[[zaak.titel]] \\n %s %n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (literal); i++)
    {
      g_autoptr(LuwteTemplate) template = parse_ok ("id: t\nlanguage: nl\ntitle: T\nsubject: ({{zaak.titel}})\n---\n"
                                                    "<{{zaak.titel}}>\n{{#each berichten}}{{bericht.omschrijving}}{{/each}}\n");
      g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
      g_autoptr(GPtrArray) missing = new_missing ();
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;
      g_autofree char *expected_subject = g_strdup_printf ("(%s)", literal[i]);
      g_autofree char *expected_body = g_strdup_printf ("<%s>\n%s\n", literal[i], literal[i]);
      guint item;

      luwte_template_values_set (values, "zaak.titel", literal[i]);
      item = luwte_template_values_add_bericht (values);
      luwte_template_values_set_bericht (values, item, "bericht.omschrijving", literal[i]);
      subject = luwte_template_render_subject (template, values, missing);
      body = render_body (template, values, missing);
      g_assert_cmpstr (subject, ==, expected_subject);
      g_assert_cmpstr (body, ==, expected_body);
      g_assert_cmpuint (missing->len, ==, 0);
    }
}

/* A tag alone on its line takes the line; a tag among text leaves it. */
static void
test_render_standalone_lines (void)
{
  static const char body[] =
    "Begin\n"
    "{{#if zaak.titel}}\n"
    "Titel: {{zaak.titel}}\n"
    "  {{else}}  \n"
    "Geen titel\n"
    "{{/if}}\n"
    "\t{{#each berichten}}\n"
    "- {{bericht.url}}\n"
    "\t{{/each}}\n"
    "a {{#if zaak.locatie}}{{zaak.locatie}}{{/if}} b\n"
    "{{#if zaak.locatie}}{{/if}}\n"
    "{{zaak.kenmerk}}\n"
    "Einde\n"
    "{{#if zaak.platforms}}\n"
    "{{zaak.platforms}}\n"
    "{{/if}}";
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autofree char *empty = NULL;
  g_autofree char *full = NULL;

  luwte_template_values_set (values, "zaak.kenmerk", "K");
  empty = render_text (body, values, NULL);
  g_assert_cmpstr (empty, ==, "Begin\nGeen titel\na  b\n\nK\nEinde\n");

  luwte_template_values_set (values, "zaak.titel", "T");
  luwte_template_values_set (values, "zaak.locatie", "L");
  luwte_template_values_set (values, "zaak.platforms", "TikTok, Snapchat");
  luwte_template_values_set_bericht (values, luwte_template_values_add_bericht (values), "bericht.url", "u1");
  luwte_template_values_set_bericht (values, luwte_template_values_add_bericht (values), "bericht.url", "u2");
  full = render_text (body, values, NULL);
  g_assert_cmpstr (full, ==, "Begin\nTitel: T\n- u1\n- u2\na L b\n\nK\nEinde\nTikTok, Snapchat\n");
}

static void
test_render_subject_one_line (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok ("id: t\nlanguage: nl\ntitle: T\nsubject: Over {{zaak.titel}}\n---\n{{zaak.titel}}\n");
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  luwte_template_values_set (values, "zaak.titel", "a\r\nBcc: x@example.org\nb");
  subject = luwte_template_render_subject (template, values, NULL);
  g_assert_cmpstr (subject, ==, "Over a  Bcc: x@example.org b");
  body = render_body (template, values, NULL);
  g_assert_cmpstr (body, ==, "a\r\nBcc: x@example.org\nb\n");
}

static void
test_missing_in_text (void)
{
  g_autoptr(GPtrArray) none = luwte_template_missing_in_text ("Alles ingevuld, [[ niets ]] [x]]");
  g_autoptr(GPtrArray) names = luwte_template_missing_in_text (
    "Beste [[ontvanger.naam]],\n[[brief.uitleg]] [[zaak.onbekend]] [[berichten]] [[brief.]]\n"
    "[[[ontvanger.naam]]] - [[bericht.url]] [[brief.extra_uitleg]] [[datum]] [[zaak.kenmerk]");

  g_assert_cmpuint (none->len, ==, 0);
  assert_names (names, "ontvanger.naam brief.uitleg bericht.url brief.extra_uitleg datum");
}

/* What the placeholder-rendered letter still lacks after editing. */
static void
test_missing_after_editing (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok (good_template);
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autoptr(GPtrArray) missing = new_missing ();
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *body = NULL;
  g_autofree char *edited = NULL;

  luwte_template_values_set (values, "zaak.kenmerk", "K");
  body = render_body (template, values, missing);
  assert_names (missing, "brief.uitleg afzender.naam gemeente.email");

  edited = replace (body, "[[brief.uitleg]]", "Het is een oproep tot rellen.");
  left = luwte_template_missing_in_text (edited);
  assert_names (left, "afzender.naam gemeente.email");
}

/* Checklist */

static GArray *
check (LuwteTemplate       *template,
       LuwteTemplateValues *values,
       const char          *text)
{
  GArray *met = luwte_template_check (template, values, text);

  g_assert_cmpuint (met->len, ==, luwte_template_get_checks (template)->len);
  return met;
}

static gboolean
met_at (GArray *met,
        guint   index)
{
  return g_array_index (met, gboolean, index);
}

static void
test_check_rules (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok (good_template);
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autoptr(GArray) all = NULL;
  g_autofree char *body = NULL;
  guint item;

  luwte_template_values_set (values, "brief.uitleg", "De berichten roepen op tot rellen bij het station.");
  luwte_template_values_set (values, "afzender.naam", "A. Ambtenaar");
  luwte_template_values_set (values, "gemeente.email", "oov@gemeente.example");
  item = luwte_template_values_add_bericht (values);
  luwte_template_values_set_bericht (values, item, "bericht.url", "https://video.example/@x/1");
  item = luwte_template_values_add_bericht (values);
  luwte_template_values_set_bericht (values, item, "bericht.url", "https://video.example/@y/2");

  body = render_body (template, values, NULL);
  all = check (template, values, body);
  for (guint i = 0; i < all->len; i++)
    g_assert_true (met_at (all, i));

  /* A field's value edited away from the text. */
  {
    g_autofree char *edited = replace (body, "rellen bij het station", "rellen");
    g_autoptr(GArray) met = check (template, values, edited);
    g_assert_false (met_at (met, 0));
    g_assert_true (met_at (met, 1));
  }
  /* The same value wrapped over two lines, as an editor may do, still counts. */
  {
    g_autofree char *edited = replace (body, "rellen bij het", "rellen\n   bij  het");
    g_autoptr(GArray) met = check (template, values, edited);
    g_assert_true (met_at (met, 0));
  }
  /* A field with no value is never met, also when its placeholder stays. */
  {
    g_autoptr(LuwteTemplateValues) empty = luwte_template_values_new ();
    g_autofree char *text = render_body (template, empty, NULL);
    g_autoptr(GArray) met = check (template, empty, text);
    for (guint i = 0; i < 3; i++)
      g_assert_false (met_at (met, i));
    g_assert_true (met_at (met, 3));
  }
  /* One of several fields gone. */
  {
    g_autofree char *edited = replace (body, "oov@gemeente.example", "oov@");
    g_autoptr(GArray) met = check (template, values, edited);
    g_assert_false (met_at (met, 2));
  }
  /* A URL removed, or changed in case: URLs are compared exactly. */
  {
    g_autofree char *edited = replace (body, "- https://video.example/@y/2\n", "");
    g_autofree char *cased = replace (body, "@x/1", "@X/1");
    g_autoptr(GArray) met = check (template, values, edited);
    g_autoptr(GArray) met_cased = check (template, values, cased);
    g_assert_false (met_at (met, 1));
    g_assert_false (met_at (met_cased, 1));
  }
  /* A phrase: case, accents and spacing ignored; gone is gone. */
  {
    g_autofree char *shouting = replace (body, "te goeder trouw", "TE GOEDËR\n  Trouw");
    g_autofree char *gone = replace (body, "te goeder trouw", "naar waarheid");
    g_autoptr(GArray) met_shouting = check (template, values, shouting);
    g_autoptr(GArray) met_gone = check (template, values, gone);
    g_assert_true (met_at (met_shouting, 3));
    g_assert_false (met_at (met_gone, 3));
  }
  /* A NULL or broken text meets nothing that needs text. */
  {
    g_autoptr(GArray) met = check (template, values, NULL);
    g_autoptr(GArray) met_broken = check (template, values, "te goeder \xff trouw");
    for (guint i = 0; i < met->len; i++)
      g_assert_false (met_at (met, i));
    g_assert_false (met_at (met_broken, 3));
  }
}

static void
test_check_list (void)
{
  g_autoptr(LuwteTemplate) template = parse_ok (good_template);
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  const char *text = "https://a.example/1 https://b.example/2";
  guint item;

  /* No message: not met, whatever the text says. */
  {
    g_autoptr(GArray) met = check (template, values, text);
    g_assert_false (met_at (met, 1));
  }
  item = luwte_template_values_add_bericht (values);
  luwte_template_values_set_bericht (values, item, "bericht.url", "https://a.example/1");
  {
    g_autoptr(GArray) met = check (template, values, text);
    g_assert_true (met_at (met, 1));
  }
  /* A message without a URL cannot be in the text. */
  item = luwte_template_values_add_bericht (values);
  {
    g_autoptr(GArray) met = check (template, values, text);
    g_assert_false (met_at (met, 1));
  }
  luwte_template_values_set_bericht (values, item, "bericht.url", "https://b.example/2");
  {
    g_autoptr(GArray) met = check (template, values, text);
    g_assert_true (met_at (met, 1));
  }
}

/* Fields */

static void
test_fields_table (void)
{
  guint n = 0;
  const LuwteTemplateField *fields = luwte_template_fields (&n);

  g_assert_cmpuint (n, ==, 27);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LuwteTemplate) template = NULL;

      g_assert_true (luwte_template_field_lookup (fields[i].name) == &fields[i]);
      g_assert_nonnull (luwte_template_field_get_label (fields[i].name));
      /* Every field can be used where the README says it can. */
      if (fields[i].kind == LUWTE_TEMPLATE_FIELD_TEXT)
        text = g_strdup_printf (HEADER "{{%s}}", fields[i].name);
      else if (fields[i].kind == LUWTE_TEMPLATE_FIELD_LIST)
        text = g_strdup_printf (HEADER "{{#each %s}}x{{/each}}", fields[i].name);
      else
        text = g_strdup_printf (HEADER "{{#each berichten}}{{%s}}{{/each}}", fields[i].name);
      template = luwte_template_parse (text, -1, "t.nl.txt", &error);
      g_assert_no_error (error);
    }
  g_assert_null (luwte_template_field_lookup ("brief.uitleg"));
  g_assert_null (luwte_template_field_get_label ("zaak.onbekend"));
  g_assert_true (luwte_template_field_is_input_name ("brief.uitleg_2"));
  g_assert_false (luwte_template_field_is_input_name ("brief."));
  g_assert_false (luwte_template_field_is_input_name ("brief.Uitleg"));
  g_assert_false (luwte_template_field_is_input_name ("brief.uit-leg"));
  g_assert_false (luwte_template_field_is_input_name ("zaak.titel"));
}

/* Library */

static char *
user_dir (void)
{
  return luwte_template_library_default_user_dir ();
}

static void
write_user_file (const char *name,
                 const char *text)
{
  g_autofree char *dir = user_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static LuwteTemplateLibrary *
test_library (void)
{
  g_autofree char *dir = user_dir ();

  return luwte_template_library_new_full (test_templates_get_resource (), TEST_BUILTIN_PATH, dir);
}

static const char *
id_lang (LuwteTemplate *template)
{
  static char buffer[128];

  g_snprintf (buffer, sizeof buffer, "%s.%s", luwte_template_get_id (template),
              luwte_language_to_code (luwte_template_get_language (template)));
  return buffer;
}

static void
assert_ids (GPtrArray  *templates,
            const char *expected)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < templates->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", id_lang (g_ptr_array_index (templates, i)));
  g_assert_cmpstr (joined->str, ==, expected);
}

/* The templates that ship with Luwte: all of them load, each with a file
 * name after its id and language (none at all is fine too). */
static void
test_library_shipped (void)
{
  g_autoptr(LuwteTemplateLibrary) library = luwte_template_library_new ();
  GPtrArray *problems = luwte_template_library_get_problems (library);
  GPtrArray *templates = luwte_template_library_get_templates (library);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < templates->len; i++)
    {
      LuwteTemplate *template = g_ptr_array_index (templates, i);
      g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
      g_autofree char *subject = luwte_template_render_subject (template, values, NULL);
      g_autofree char *body = luwte_template_render_body (template, values, NULL);

      g_assert_true (luwte_template_get_is_builtin (template));
      g_assert_cmpstr (subject, !=, "");
      g_assert_cmpstr (body, !=, "");
    }
}

static void
test_library_builtin (void)
{
  g_autoptr(LuwteTemplateLibrary) library = test_library ();
  GPtrArray *templates = luwte_template_library_get_templates (library);
  const char *suggest_ntd[] = { "notice-and-takedown", NULL };
  const char *suggest_both[] = { "do-nothing", "home-visit-organiser", "remove-content", NULL };
  const char *suggest_none[] = { "do-nothing", NULL };
  g_autoptr(GPtrArray) ntd = NULL;
  g_autoptr(GPtrArray) both_en = NULL;
  g_autoptr(GPtrArray) both_nl = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) no_ids = NULL;

  g_assert_cmpuint (luwte_template_library_get_problems (library)->len, ==, 0);
  assert_ids (templates, "ntd.nl ouders.nl ouders.en");
  for (guint i = 0; i < templates->len; i++)
    g_assert_true (luwte_template_get_is_builtin (g_ptr_array_index (templates, i)));
  g_assert_cmpstr (luwte_template_get_origin (g_ptr_array_index (templates, 0)), ==, "ntd.nl.txt");

  g_assert_cmpstr (luwte_template_get_title (luwte_template_library_lookup (library, "ouders", LUWTE_LANGUAGE_EN)),
                   ==, "Letter to the parents");
  g_assert_null (luwte_template_library_lookup (library, "ntd", LUWTE_LANGUAGE_EN));
  g_assert_null (luwte_template_library_lookup (library, "onbekend", LUWTE_LANGUAGE_NL));

  ntd = luwte_template_library_suggest (library, suggest_ntd, LUWTE_LANGUAGE_EN);
  assert_ids (ntd, "ntd.nl");
  both_en = luwte_template_library_suggest (library, suggest_both, LUWTE_LANGUAGE_EN);
  assert_ids (both_en, "ntd.nl ouders.en");
  both_nl = luwte_template_library_suggest (library, suggest_both, LUWTE_LANGUAGE_NL);
  assert_ids (both_nl, "ntd.nl ouders.nl");
  none = luwte_template_library_suggest (library, suggest_none, LUWTE_LANGUAGE_NL);
  assert_ids (none, "");
  no_ids = luwte_template_library_suggest (library, NULL, LUWTE_LANGUAGE_NL);
  assert_ids (no_ids, "");
}

static const char user_template[] =
  "id: eigen-brief\n"
  "language: en\n"
  "title: Our own letter\n"
  "interventions: home-visit-organiser\n"
  "subject: About {{zaak.titel}}\n"
  "---\n"
  "Dear {{ontvanger.naam}},\n";

static void
test_library_user (void)
{
  g_autoptr(LuwteTemplateLibrary) library = NULL;
  g_autofree char *dir = user_dir ();
  g_autofree char *broken_path = g_build_filename (dir, "kapot.nl.txt", NULL);
  g_autofree char *folder = g_build_filename (dir, "map.txt", NULL);
  g_autofree char *large = g_strnfill (LUWTE_TEMPLATE_MAX_BYTES + 1, 'a');
  const char *card_ids[] = { "home-visit-organiser", NULL };
  g_autoptr(GPtrArray) suggested = NULL;
  GPtrArray *problems;
  LuwteTemplate *own;
  struct {
    LuwteTemplateError  code;
    const char         *start;
    const char         *says;
  } expected[] = {
    { LUWTE_TEMPLATE_ERROR_INVALID, "groot.nl.txt: ", "larger than 1 MiB" },
    { LUWTE_TEMPLATE_ERROR_INVALID, "kapot.nl.txt:7:4: ", "unknown field “zaak.kenmrk”" },
    { LUWTE_TEMPLATE_ERROR_FAILED, "map.txt: ", "not a file" },
    { LUWTE_TEMPLATE_ERROR_BUILTIN_ID, "ouders.nl.txt: ", "there is a built-in template “ouders” in this language" },
    { LUWTE_TEMPLATE_ERROR_FILE_NAME, "verkeerd.en.txt: ", "must be named “anders.en.txt”" },
    { LUWTE_TEMPLATE_ERROR_FILE_NAME, "verkeerd.nl.txt: ", "must be named “verkeerd.en.txt”" },
  };

  write_user_file ("eigen-brief.en.txt", user_template);
  write_user_file ("kapot.nl.txt", "id: kapot\nlanguage: nl\ntitle: Kapot\nsubject: S\n---\nBeste,\nKe {{zaak.kenmrk}}\n");
  write_user_file ("verkeerd.en.txt", "id: anders\nlanguage: en\ntitle: T\nsubject: S\n---\n");
  write_user_file ("verkeerd.nl.txt", "id: verkeerd\nlanguage: en\ntitle: T\nsubject: S\n---\n");
  write_user_file ("ouders.nl.txt", "id: ouders\nlanguage: nl\ntitle: Mijn ouders\nsubject: S\n---\n");
  write_user_file ("groot.nl.txt", large);
  /* Not templates: left alone, no problem either. */
  write_user_file ("notities.md", "nothing");
  write_user_file (".verborgen.nl.txt", "{{");
  write_user_file ("eigen-brief.en.txt~", "{{");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  library = test_library ();
  assert_ids (luwte_template_library_get_templates (library), "eigen-brief.en ntd.nl ouders.nl ouders.en");
  own = luwte_template_library_lookup (library, "eigen-brief", LUWTE_LANGUAGE_EN);
  g_assert_false (luwte_template_get_is_builtin (own));
  g_assert_true (g_str_has_suffix (luwte_template_get_origin (own), "/luwte/templates/eigen-brief.en.txt"));
  g_assert_cmpstr (luwte_template_get_title (luwte_template_library_lookup (library, "ouders", LUWTE_LANGUAGE_NL)),
                   ==, "Brief aan de ouders");
  suggested = luwte_template_library_suggest (library, card_ids, LUWTE_LANGUAGE_EN);
  assert_ids (suggested, "eigen-brief.en ouders.en");

  problems = luwte_template_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);
      g_autofree char *start = g_build_filename (dir, expected[i].start, NULL);

      g_test_message ("problem: %s", problem->message);
      g_assert_error (problem, LUWTE_TEMPLATE_ERROR, (int) expected[i].code);
      g_assert_true (g_str_has_prefix (problem->message, start));
      g_assert_nonnull (strstr (problem->message, expected[i].says));
    }
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (problems, 1))->message, broken_path));

  /* Fixed, read again. */
  write_user_file ("kapot.nl.txt", "id: kapot\nlanguage: nl\ntitle: Heel\nsubject: S\n---\n{{zaak.kenmerk}}\n");
  luwte_template_library_reload (library);
  g_assert_cmpstr (luwte_template_get_title (luwte_template_library_lookup (library, "kapot", LUWTE_LANGUAGE_NL)), ==, "Heel");
  g_assert_cmpuint (luwte_template_library_get_problems (library)->len, ==, G_N_ELEMENTS (expected) - 1);
}

static void
count_changed (LuwteTemplateLibrary *library,
               guint                *count)
{
  (*count)++;
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
test_library_copy (void)
{
  g_autoptr(LuwteTemplateLibrary) library = test_library ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteTemplate) copy = NULL;
  g_autoptr(LuwteTemplate) second = NULL;
  g_autoptr(LuwteTemplate) third = NULL;
  g_autoptr(LuwteTemplate) copy_of_copy = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autofree char *dir = user_dir ();
  g_autofree char *path = g_build_filename (dir, "ouders-copy.nl.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *with_id = NULL;
  g_autofree char *expected = NULL;
  /* Copying reads the library again: keep a reference to what is kept. */
  g_autoptr(LuwteTemplate) ouders = g_object_ref (luwte_template_library_lookup (library, "ouders", LUWTE_LANGUAGE_NL));
  guint changed = 0;

  g_signal_connect (library, "changed", G_CALLBACK (count_changed), &changed);

  copy = luwte_template_library_copy (library, ouders, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (luwte_template_get_id (copy), ==, "ouders-copy");
  g_assert_cmpint (luwte_template_get_language (copy), ==, LUWTE_LANGUAGE_NL);
  g_assert_cmpstr (luwte_template_get_title (copy), ==, "Brief aan de ouders (kopie)");
  g_assert_false (luwte_template_get_is_builtin (copy));
  g_assert_cmpstr (luwte_template_get_origin (copy), ==, path);
  g_assert_true (luwte_template_library_lookup (library, "ouders-copy", LUWTE_LANGUAGE_NL) == copy);
  assert_mode (dir, 0700);
  assert_mode (path, 0600);

  /* Everything but the id and title lines as it was, comments too. */
  original = g_resource_lookup_data (test_templates_get_resource (), TEST_BUILTIN_PATH "ouders.nl.txt", 0, NULL);
  with_id = replace (g_bytes_get_data (original, NULL), "id: ouders\n", "id: ouders-copy\n");
  expected = replace (with_id, "title: Brief aan de ouders\n", "title: Brief aan de ouders (kopie)\n");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  second = luwte_template_library_copy (library, ouders, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_template_get_id (second), ==, "ouders-copy-2");
  g_assert_cmpstr (luwte_template_get_title (second), ==, "Brief aan de ouders (kopie 2)");

  /* An id taken in the other language, or by a broken file, is taken. */
  write_user_file ("ouders-copy-3.en.txt", "broken");
  third = luwte_template_library_copy (library, luwte_template_library_lookup (library, "ouders", LUWTE_LANGUAGE_EN), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_template_get_id (third), ==, "ouders-copy-4");
  g_assert_cmpstr (luwte_template_get_title (third), ==, "Letter to the parents (copy 4)");

  copy_of_copy = luwte_template_library_copy (library, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (luwte_template_get_id (copy_of_copy), ==, "ouders-copy-copy");
  g_assert_cmpstr (luwte_template_get_title (copy_of_copy), ==, "Brief aan de ouders (kopie) (kopie)");

  assert_ids (luwte_template_library_get_templates (library),
              "ntd.nl ouders.nl ouders.en ouders-copy.nl ouders-copy-2.nl ouders-copy-4.en ouders-copy-copy.nl");
  g_assert_cmpuint (luwte_template_library_get_problems (library)->len, ==, 1);
}

/* The user's folder cannot be written: an error, no crash, nothing half done. */
static void
test_library_copy_fails (void)
{
  g_autoptr(LuwteTemplateLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteTemplate) copy = NULL;
  g_autofree char *dir = user_dir ();
  g_autofree char *parent = g_path_get_dirname (dir);

  /* A file where the folder should be. */
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
  library = test_library ();
  g_assert_cmpuint (luwte_template_library_get_problems (library)->len, ==, 1);

  copy = luwte_template_library_copy (library, luwte_template_library_lookup (library, "ntd", LUWTE_LANGUAGE_NL), &error);
  g_assert_null (copy);
  g_assert_error (error, LUWTE_TEMPLATE_ERROR, LUWTE_TEMPLATE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_cmpint (g_remove (dir), ==, 0);
}

/* Values */

static void
test_values (void)
{
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  LuwteTemplateValues *ref = luwte_template_values_ref (values);
  guint item;

  luwte_template_values_set (values, "zaak.titel", "Eerste");
  luwte_template_values_set (values, "zaak.titel", "Tweede");
  g_assert_cmpstr (luwte_template_values_get (ref, "zaak.titel"), ==, "Tweede");
  luwte_template_values_set (values, "zaak.titel", NULL);
  g_assert_null (luwte_template_values_get (values, "zaak.titel"));
  luwte_template_values_unref (ref);

  item = luwte_template_values_add_bericht (values);
  g_assert_cmpuint (item, ==, 0);
  luwte_template_values_set_bericht (values, item, "bericht.url", "https://a.example/");
  g_assert_cmpstr (luwte_template_values_get_bericht (values, 0, "bericht.url"), ==, "https://a.example/");
  g_assert_null (luwte_template_values_get_bericht (values, 0, "bericht.account"));
  g_assert_null (luwte_template_values_get (values, "bericht.url"));

  g_assert_false (luwte_template_value_is_filled (NULL));
  g_assert_false (luwte_template_value_is_filled (""));
  g_assert_false (luwte_template_value_is_filled (" \t\n\u00a0"));
  g_assert_true (luwte_template_value_is_filled (" x "));
}

/* Dates */

static void
test_long_dates (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) evening = g_date_time_new (zone, 2026, 9, 11, 21, 0, 0);
  g_autoptr(GDateTime) morning = g_date_time_new (zone, 2027, 1, 3, 9, 5, 30);
  struct {
    GDateTime     *time;
    LuwteLanguage  language;
    const char    *date;
    const char    *datetime;
  } cases[] = {
    { evening, LUWTE_LANGUAGE_NL, "11 september 2026", "vrijdag 11 september 2026 om 21.00 uur" },
    { evening, LUWTE_LANGUAGE_EN, "11 September 2026", "Friday 11 September 2026 at 21:00" },
    { morning, LUWTE_LANGUAGE_NL, "3 januari 2027", "zondag 3 januari 2027 om 9.05 uur" },
    { morning, LUWTE_LANGUAGE_EN, "3 January 2027", "Sunday 3 January 2027 at 09:05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = luwte_time_format_long_date (cases[i].time, cases[i].language);
      g_autofree char *datetime = luwte_time_format_long_datetime (cases[i].time, cases[i].language);

      g_assert_cmpstr (date, ==, cases[i].date);
      g_assert_cmpstr (datetime, ==, cases[i].datetime);
    }

  /* Every month and day name, in both languages. */
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) time = g_date_time_new (zone, 2026, month, 1, 12, 0, 0);
      g_autofree char *nl = luwte_time_format_long_datetime (time, LUWTE_LANGUAGE_NL);
      g_autofree char *en = luwte_time_format_long_datetime (time, LUWTE_LANGUAGE_EN);
      g_autofree char *strftime_en = g_date_time_format (time, "%A 1 %B 2026 at 12:00");

      g_test_message ("%s | %s", nl, en);
      g_assert_true (g_str_has_suffix (nl, " 2026 om 12.00 uur"));
      /* GLib's names in the C locale are the English ones. */
      g_assert_cmpstr (en, ==, strftime_en);
    }
}

/* The process locale does not change a letter's language. */
static void
test_long_dates_locale (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2026, 3, 4, 8, 0, 0);
  g_autofree char *previous = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *nl = NULL;
  g_autofree char *en = NULL;

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL && setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("No Dutch or German locale is installed");
      return;
    }
  nl = luwte_time_format_long_datetime (time, LUWTE_LANGUAGE_NL);
  en = luwte_time_format_long_datetime (time, LUWTE_LANGUAGE_EN);
  setlocale (LC_ALL, previous);
  g_assert_cmpstr (nl, ==, "woensdag 4 maart 2026 om 8.00 uur");
  g_assert_cmpstr (en, ==, "Wednesday 4 March 2026 at 08:00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/template/parse/good", test_parse_good);
  g_test_add_func ("/template/parse/defaults", test_parse_defaults);
  g_test_add_func ("/template/parse/lenient-spelling", test_parse_lenient_spelling);
  g_test_add_func ("/template/parse/input-declared-later", test_parse_input_declared_later);
  g_test_add_func ("/template/broken/header", test_parse_broken_header);
  g_test_add_func ("/template/broken/body", test_parse_broken_body);
  g_test_add_func ("/template/broken/nesting", test_parse_nesting_limit);
  g_test_add_func ("/template/broken/bytes", test_parse_bytes);
  g_test_add_func ("/template/render/fields", test_render_fields);
  g_test_add_func ("/template/render/missing", test_render_missing);
  g_test_add_func ("/template/render/if-else", test_render_if_else);
  g_test_add_func ("/template/render/each", test_render_each);
  g_test_add_func ("/template/render/literal-values", test_render_literal_values);
  g_test_add_func ("/template/render/standalone-lines", test_render_standalone_lines);
  g_test_add_func ("/template/render/subject-one-line", test_render_subject_one_line);
  g_test_add_func ("/template/missing/in-text", test_missing_in_text);
  g_test_add_func ("/template/missing/after-editing", test_missing_after_editing);
  g_test_add_func ("/template/check/rules", test_check_rules);
  g_test_add_func ("/template/check/list", test_check_list);
  g_test_add_func ("/template/fields", test_fields_table);
  g_test_add_func ("/template/values", test_values);
  g_test_add_func ("/template/library/shipped", test_library_shipped);
  g_test_add_func ("/template/library/builtin", test_library_builtin);
  g_test_add_func ("/template/library/user", test_library_user);
  g_test_add_func ("/template/library/copy", test_library_copy);
  g_test_add_func ("/template/library/copy-fails", test_library_copy_fails);
  g_test_add_func ("/time/long-dates", test_long_dates);
  g_test_add_func ("/time/long-dates-locale", test_long_dates_locale);

  return g_test_run ();
}
