/* test-card.c — loading the card: the built-in one, a user's own, and every
 * kind of broken file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-card-search.h"
#include "luwte-card-writer.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* The built-in card as a JSON tree, to break in one place per test. */
static JsonNode *
builtin_json (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "card", "interventiekaart.json", NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
to_string (JsonNode *root)
{
  return json_to_string (root, FALSE);
}

static JsonObject *
intervention_at (JsonNode *root,
                 guint     group,
                 guint     index)
{
  JsonObject *card = json_node_get_object (root);
  JsonObject *g = json_array_get_object_element (json_object_get_array_member (card, "groups"), group);
  return json_array_get_object_element (json_object_get_array_member (g, "interventions"), index);
}

/* Loads @data and checks that it is refused with a message holding every
 * one of @expected. */
static void
assert_refused (const char *data,
                gsize       length,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCard) card = luwte_card_new_from_data (data, length, &error);
  const char *expected;
  va_list args;

  g_assert_null (card);
  g_assert_error (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_null (strchr (error->message, '\n'));

  va_start (args, length);
  while ((expected = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, expected) == NULL)
      g_error ("“%s” does not say “%s”", error->message, expected);
  va_end (args);
}

static void
test_builtin (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  GListModel *groups = luwte_card_get_groups (card);
  LuwteCardIntervention *ordinance;
  LuwteCardIntervention *ban;
  gboolean found_article = FALSE;

  g_assert_true (luwte_card_get_is_builtin (card));
  g_assert_cmpstr (luwte_card_get_version (card), !=, NULL);
  g_assert_cmpuint (strlen (luwte_card_get_date (card)), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 6);

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (groups, i);
      g_assert_cmpuint (luwte_card_group_get_number (group), ==, i + 1);
      g_assert_cmpuint (g_list_model_get_n_items (luwte_card_group_get_interventions (group)), >, 0);
    }

  /* The legal notes a municipal lawyer wants beside the powers. */
  ordinance = luwte_card_find_intervention (card, "emergency-ordinance");
  g_assert_nonnull (ordinance);
  g_assert_true (luwte_card_intervention_is_administrative_power (ordinance));
  for (guint i = 0; i < luwte_card_intervention_get_legal_basis (ordinance)->len; i++)
    {
      LuwteLegalBasis *basis = g_ptr_array_index (luwte_card_intervention_get_legal_basis (ordinance), i);
      if (strstr (basis->article, "176") != NULL && strstr (basis->article, "Gemeentewet") != NULL)
        found_article = TRUE;
    }
  g_assert_true (found_article);
  g_assert_nonnull (luwte_card_intervention_get_decides (ordinance));
  g_assert_cmpuint (luwte_card_intervention_get_conditions (ordinance)->len, >, 0);

  ban = luwte_card_find_intervention (card, "online-area-ban");
  g_assert_nonnull (ban);
  {
    gboolean overturned = FALSE;
    GPtrArray *caveats = luwte_card_intervention_get_caveats (ban);
    for (guint i = 0; i < caveats->len; i++)
      if (strstr (((LuwteLocalized *) g_ptr_array_index (caveats, i))->nl, "ECLI:NL:RBMNE:2023:375") != NULL)
        overturned = TRUE;
    g_assert_true (overturned);
  }

  /* "Doe niets" is the lightest step of the ladder, group 6 the heaviest. */
  g_assert_cmpuint (luwte_card_intervention_get_intensity (luwte_card_find_intervention (card, "do-nothing")), ==, 1);
  g_assert_cmpuint (luwte_card_intervention_get_intensity (ordinance), >,
                    luwte_card_intervention_get_intensity (luwte_card_find_intervention (card, "notice-and-takedown")));
}

/* A source reads as one line, without saying the same thing twice. */
static void
test_source_describe (void)
{
  LuwteCardSource both = { { "Gemeentewet, art. 175", "Municipalities Act, art. 175" }, "Gemeentewet art. 175" };
  LuwteCardSource repeats = { { "Handreiking online onderzoek door gemeenten", NULL },
                              "Handreiking online onderzoek door gemeenten (BZK/JenV/VNG, 26 oktober 2023)" };
  LuwteCardSource same = { { "Gedragscode Notice-and-Take-Down (2008)", NULL }, "Gedragscode Notice-and-Take-Down (2008)" };
  LuwteCardSource inside = { { "Digitaledienstenverordening (DSA)", NULL }, "DSA" };
  LuwteCardSource bare = { { "Kamerbrief", NULL }, NULL };
  g_autofree char *a = luwte_card_source_describe (&both, LUWTE_LANGUAGE_EN);
  g_autofree char *b = luwte_card_source_describe (&repeats, LUWTE_LANGUAGE_NL);
  g_autofree char *c = luwte_card_source_describe (&same, LUWTE_LANGUAGE_NL);
  g_autofree char *d = luwte_card_source_describe (&inside, LUWTE_LANGUAGE_NL);
  g_autofree char *e = luwte_card_source_describe (&bare, LUWTE_LANGUAGE_EN);

  g_assert_cmpstr (a, ==, "Municipalities Act, art. 175 — Gemeentewet art. 175");
  g_assert_cmpstr (b, ==, "Handreiking online onderzoek door gemeenten (BZK/JenV/VNG, 26 oktober 2023)");
  g_assert_cmpstr (c, ==, "Gedragscode Notice-and-Take-Down (2008)");
  g_assert_cmpstr (d, ==, "Digitaledienstenverordening (DSA)");
  g_assert_cmpstr (e, ==, "Kamerbrief");
}

static void
test_unconfirmed_not_shown (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autofree char *nl = luwte_card_to_json (card, LUWTE_LANGUAGE_NL);
  g_autofree char *en = luwte_card_to_json (card, LUWTE_LANGUAGE_EN);

  /* domain-facts.md marks the ECLI of the Raad van State ruling of 11 June
   * 2025 as unconfirmed: no RvS ECLI of 2025 may appear. */
  g_assert_null (strstr (nl, "ECLI:NL:RVS:2025"));
  g_assert_null (strstr (en, "ECLI:NL:RVS:2025"));
  /* Bill 36789 is not law and must say so wherever it appears. */
  if (strstr (nl, "36789") != NULL)
    g_assert_nonnull (strstr (nl, "nog geen wet"));
  if (strstr (en, "36789") != NULL)
    g_assert_nonnull (strstr (en, "not law"));
}

static void
test_broken_json (void)
{
  const char *data = "{ \"format\": \"luwte-card\", \"groups\": [ ";
  assert_refused (data, strlen (data), "not valid JSON", NULL);
  assert_refused ("", 0, NULL);
  assert_refused ("[]", 2, "must be an object", NULL);

  /* A lone surrogate escape: the message stays valid UTF-8. */
  {
    const char *lone = "{\"format\": \"luwte-card\", \"title\": \"\\udc00\" ";
    g_autoptr(GError) error = NULL;
    g_autoptr(LuwteCard) card = luwte_card_new_from_data (lone, strlen (lone), &error);

    g_assert_null (card);
    g_assert_nonnull (error);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }
  assert_refused ("\"card\"", 6, "must be an object", NULL);
}

static void
test_duplicate_ids (void)
{
  g_autoptr(JsonNode) root = builtin_json ();
  g_autofree char *data = NULL;
  const char *first = json_object_get_string_member (intervention_at (root, 1, 0), "id");

  json_object_set_string_member (intervention_at (root, 5, 2), "id", first);
  data = to_string (root);
  assert_refused (data, strlen (data), "used twice", first, "$.groups[5].interventions[2]", NULL);
}

static void
test_duplicate_group_and_intervention_id (void)
{
  g_autoptr(JsonNode) root = builtin_json ();
  g_autofree char *data = NULL;
  JsonObject *g = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "groups"), 0);

  json_object_set_string_member (g, "id", "noodbevel-x");
  json_object_set_string_member (intervention_at (root, 2, 0), "id", "noodbevel-x");
  data = to_string (root);
  assert_refused (data, strlen (data), "used twice", NULL);
}

static void
test_missing_fields (void)
{
  const char *required[] = { "id", "title", "intensity" };
  const char *top[] = { "format", "version", "date", "title", "disclaimer", "credits", "groups" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(JsonNode) root = builtin_json ();
      g_autofree char *data = NULL;
      g_autofree char *expected = g_strdup_printf ("“%s” is missing", required[i]);

      json_object_remove_member (intervention_at (root, 3, 1), required[i]);
      data = to_string (root);
      assert_refused (data, strlen (data), "$.groups[3].interventions[1]", expected, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    {
      g_autoptr(JsonNode) root = builtin_json ();
      g_autofree char *data = NULL;
      g_autofree char *expected = g_strdup_printf ("“%s” is missing", top[i]);

      json_object_remove_member (json_node_get_object (root), top[i]);
      data = to_string (root);
      assert_refused (data, strlen (data), expected, NULL);
    }
}

static void
test_wrong_types (void)
{
  struct { const char *member; const char *json; const char *expected; } cases[] = {
    { "intensity", "\"high\"", "must be a whole number" },
    { "intensity", "11", "must be from 1 to 10" },
    { "intensity", "2.5", "must be a whole number" },
    { "id", "42", "must be a string" },
    { "id", "\"Nood Bevel\"", "may only hold" },
    { "title", "[]", "must be a text" },
    { "title", "{\"de\": \"x\"}", "needs a text" },
    { "legal_basis", "{}", "must be an array" },
    { "conditions", "[1]", "must be a text" },
    { "examples", "[{\"title\": \"x\", \"url\": \"javascript:alert(1)\"}]", "https://" },
    { "interventions", "\"none\"", "must be an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = builtin_json ();
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *data = NULL;

      json_parser_load_from_data (parser, cases[i].json, -1, NULL);
      json_object_set_member (intervention_at (root, 5, 0), cases[i].member,
                              json_node_copy (json_parser_get_root (parser)));
      data = to_string (root);
      assert_refused (data, strlen (data), "$.groups[5].interventions[0]", cases[i].expected, NULL);
    }
}

static void
test_group_numbers (void)
{
  g_autoptr(JsonNode) root = builtin_json ();
  g_autofree char *data = NULL;
  JsonObject *g = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "groups"), 2);

  json_object_set_int_member (g, "number", 7);
  data = to_string (root);
  assert_refused (data, strlen (data), "$.groups[2]", "expected 3", NULL);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(JsonNode) root = builtin_json ();
  g_autofree char *data = NULL;
  char *at;

  json_object_set_string_member (intervention_at (root, 0, 0), "description", "Bad ~~ here");
  data = to_string (root);
  at = strstr (data, "~~");
  at[0] = (char) 0xc3;
  at[1] = (char) 0x28;
  assert_refused (data, strlen (data), "UTF-8", NULL);
}

static void
test_nul_byte (void)
{
  const char data[] = "{\"format\": \"luwte-card\"\0 }";
  assert_refused (data, sizeof data - 1, "NUL", NULL);
}

static void
test_deep_nesting (void)
{
  /* Deep enough to overflow json-glib 1.6's recursive parser. */
  gsize depth = 1000000;
  g_autofree char *data = g_malloc (2 * depth);

  memset (data, '[', depth);
  memset (data + depth, ']', depth);
  assert_refused (data, 2 * depth, "nested more than", NULL);

  /* Brackets inside strings do not count. */
  {
    g_autoptr(JsonNode) root = builtin_json ();
    g_autofree char *ok = NULL;
    g_autofree char *brackets = g_strnfill (500, '[');
    g_autoptr(GError) error = NULL;
    g_autoptr(LuwteCard) card = NULL;

    json_object_set_string_member (intervention_at (root, 0, 0), "description", brackets);
    ok = to_string (root);
    card = luwte_card_new_from_data (ok, strlen (ok), &error);
    g_assert_no_error (error);
    g_assert_nonnull (card);
  }
}

static void
test_too_large (void)
{
  gsize size = 6 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCard) card = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  memset (data, ' ', size);
  data[0] = '{';
  data[size - 1] = '}';
  assert_refused (data, size, "too large", NULL);

  g_assert_true (g_file_set_contents (path, data, (gssize) size, NULL));
  card = luwte_card_new_from_file (file, &error);
  g_assert_null (card);
  g_assert_error (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "big.json"));
  g_assert_nonnull (strstr (error->message, "too large"));
}

static char *
user_card_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "luwte", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, "card.json", NULL);
}

static void
test_user_card_replaces_builtin (void)
{
  g_autoptr(JsonNode) root = builtin_json ();
  g_autofree char *data = NULL;
  g_autofree char *path = user_card_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCard) card = NULL;

  json_object_set_string_member (json_node_get_object (root), "version", "Gemeente Voorbeeld 2");
  json_object_set_string_member (intervention_at (root, 0, 0), "title", "Eerst afwachten");
  data = to_string (root);
  g_assert_true (g_file_set_contents (path, data, -1, NULL));

  card = luwte_card_load (&error);
  g_assert_no_error (error);
  g_assert_false (luwte_card_get_is_builtin (card));
  g_assert_cmpstr (luwte_card_get_version (card), ==, "Gemeente Voorbeeld 2");
  g_assert_cmpstr (luwte_card_get_origin (card), ==, path);
  g_assert_cmpstr (luwte_card_intervention_get_title (luwte_card_find_intervention (card, "do-nothing"))->nl, ==, "Eerst afwachten");
  /* A plain string is the text in both languages. */
  g_assert_cmpstr (luwte_card_intervention_get_title (luwte_card_find_intervention (card, "do-nothing"))->en, ==, "Eerst afwachten");

  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_broken_user_card_falls_back (void)
{
  g_autofree char *path = user_card_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCard) card = NULL;

  g_assert_true (g_file_set_contents (path, "{ broken", -1, NULL));
  card = luwte_card_load (&error);
  g_assert_nonnull (card);
  g_assert_true (luwte_card_get_is_builtin (card));
  g_assert_error (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "not valid JSON"));

  g_assert_cmpint (g_remove (path), ==, 0);
}

static void
test_no_user_card (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCard) card = luwte_card_load (&error);

  g_assert_no_error (error);
  g_assert_true (luwte_card_get_is_builtin (card));
}

static void
test_search (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autoptr(GPtrArray) ordinance = luwte_card_search (card, LUWTE_LANGUAGE_NL, "noodverordening");
  g_autoptr(GPtrArray) accents = luwte_card_search (card, LUWTE_LANGUAGE_NL, "CREEER poster");
  g_autoptr(GPtrArray) article = luwte_card_search (card, LUWTE_LANGUAGE_NL, "176 gemeentewet");
  g_autoptr(GPtrArray) legal = luwte_card_search (card, LUWTE_LANGUAGE_NL, "RBMNE");
  g_autoptr(GPtrArray) english = luwte_card_search (card, LUWTE_LANGUAGE_EN, "emergency ordinance");
  g_autoptr(GPtrArray) none = luwte_card_search (card, LUWTE_LANGUAGE_NL, "noodverordening xylofoon");
  g_autoptr(GPtrArray) blank = luwte_card_search (card, LUWTE_LANGUAGE_NL, "  ");
  g_autoptr(GPtrArray) hostile = luwte_card_search (card, LUWTE_LANGUAGE_NL, "\"* OR <b>&amp; ((");

  /* The title match ranks first. */
  g_assert_cmpuint (ordinance->len, >, 0);
  g_assert_cmpstr (luwte_card_intervention_get_id (g_ptr_array_index (ordinance, 0)), ==, "emergency-ordinance");
  g_assert_cmpuint (accents->len, ==, 1);
  g_assert_cmpstr (luwte_card_intervention_get_id (g_ptr_array_index (accents, 0)), ==, "digital-posters");
  g_assert_cmpuint (article->len, >, 0);
  g_assert_cmpstr (luwte_card_intervention_get_id (g_ptr_array_index (article, 0)), ==, "emergency-ordinance");
  g_assert_true (g_ptr_array_find (legal, luwte_card_find_intervention (card, "online-area-ban"), NULL));
  g_assert_cmpuint (english->len, >, 0);
  g_assert_cmpstr (luwte_card_intervention_get_id (g_ptr_array_index (english, 0)), ==, "emergency-ordinance");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  (void) hostile;
}

static void
test_json_contract (void)
{
  g_autoptr(LuwteCard) card = luwte_card_new_builtin ();
  g_autofree char *json = luwte_card_to_json (card, LUWTE_LANGUAGE_NL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *groups;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "language"), ==, "nl");
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, luwte_card_get_version (card));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "disclaimer"), "Interveniëren is maatwerk"));
  groups = json_object_get_array_member (root, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);
      JsonArray *interventions = json_object_get_array_member (group, "interventions");
      JsonObject *first = json_array_get_object_element (interventions, 0);

      g_assert_cmpint (json_object_get_int_member (group, "number"), ==, i + 1);
      g_assert_nonnull (json_object_get_string_member (group, "id"));
      g_assert_nonnull (json_object_get_string_member (group, "title"));
      g_assert_nonnull (json_object_get_string_member (first, "id"));
      g_assert_nonnull (json_object_get_string_member (first, "title"));
      g_assert_true (json_object_has_member (first, "description"));
      g_assert_nonnull (json_object_get_array_member (first, "interventions"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/card/builtin", test_builtin);
  g_test_add_func ("/card/source-describe", test_source_describe);
  g_test_add_func ("/card/unconfirmed-not-shown", test_unconfirmed_not_shown);
  g_test_add_func ("/card/broken/json", test_broken_json);
  g_test_add_func ("/card/broken/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/card/broken/duplicate-group-and-intervention-id", test_duplicate_group_and_intervention_id);
  g_test_add_func ("/card/broken/missing-fields", test_missing_fields);
  g_test_add_func ("/card/broken/wrong-types", test_wrong_types);
  g_test_add_func ("/card/broken/group-numbers", test_group_numbers);
  g_test_add_func ("/card/broken/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/card/broken/nul-byte", test_nul_byte);
  g_test_add_func ("/card/broken/deep-nesting", test_deep_nesting);
  g_test_add_func ("/card/broken/too-large", test_too_large);
  g_test_add_func ("/card/user/replaces-builtin", test_user_card_replaces_builtin);
  g_test_add_func ("/card/user/broken-falls-back", test_broken_user_card_falls_back);
  g_test_add_func ("/card/user/none", test_no_user_card);
  g_test_add_func ("/card/search", test_search);
  g_test_add_func ("/card/json-contract", test_json_contract);

  return g_test_run ();
}
