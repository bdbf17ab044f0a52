/* luwte-card-parser.c — reading and checking card JSON
 *
 * The card comes from our own resource or from a file a municipality wrote
 * by hand, so every field is checked and every problem is reported with the
 * JSON path where it is, in words a person editing the file understands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-card"

#include "config.h"

#include "luwte-card-private.h"
#include "luwte-json-guard.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define CARD_MAX_BYTES (4 * 1024 * 1024)
#define CARD_MAX_DEPTH 64
#define CARD_FORMAT "luwte-card"

typedef struct {
  LuwteCard *card;
  GString   *path;
  GHashTable *id_paths;   /* id → JSON path of its first use */
} Parser;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Parser      *parser,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_INVALID,
               "%s: %s", parser->path->str, problem);
  return FALSE;
}

/* Appends ".key" or "[index]" to the path; returns the old length to
 * restore with path_pop(). */
static gsize
path_push_key (Parser     *parser,
               const char *key)
{
  gsize old = parser->path->len;
  g_string_append_printf (parser->path, ".%s", key);
  return old;
}

static gsize
path_push_index (Parser *parser,
                 guint   index)
{
  gsize old = parser->path->len;
  g_string_append_printf (parser->path, "[%u]", index);
  return old;
}

static void
path_pop (Parser *parser,
          gsize   old)
{
  g_string_truncate (parser->path, old);
}

static const char *
node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return _("a string");
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return _("true or false");
      return _("a number");
    }
}

/* Looks up @key in @object; a missing key is an error unless @optional. */
static gboolean
member (Parser      *parser,
        JsonObject  *object,
        const char  *key,
        gboolean     optional,
        JsonNode   **out,
        GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || (optional && JSON_NODE_HOLDS_NULL (node)))
    {
      if (optional)
        return TRUE;
      return fail (parser, error, _("“%s” is missing"), key);
    }
  *out = node;
  return TRUE;
}

static gboolean
read_string (Parser      *parser,
             JsonObject  *object,
             const char  *key,
             gboolean     optional,
             char       **out,
             GError     **error)
{
  JsonNode *node;
  const char *value;
  gsize old;

  if (!member (parser, object, key, optional, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  old = path_push_key (parser, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (parser, error, _("must be a string, not %s"), node_kind (node));
  value = json_node_get_string (node);
  if (*value == '\0' && !optional)
    return fail (parser, error, _("must not be empty"));
  path_pop (parser, old);

  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_integer (Parser      *parser,
              JsonObject  *object,
              const char  *key,
              gint64       min,
              gint64       max,
              guint       *out,
              GError     **error)
{
  JsonNode *node;
  gint64 value;
  gsize old;

  if (!member (parser, object, key, FALSE, &node, error))
    return FALSE;

  old = path_push_key (parser, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (parser, error, _("must be a whole number, not %s"), node_kind (node));
  value = json_node_get_int (node);
  if (value < min || value > max)
    return fail (parser, error, _("must be from %d to %d, not %ld"), (int) min, (int) max, (long) value);
  path_pop (parser, old);

  *out = (guint) value;
  return TRUE;
}

/* A text is either one string for both languages, or an object with "nl"
 * and/or "en"; a card a municipality adapts may be in Dutch only. */
static gboolean
read_localized_node (Parser          *parser,
                     JsonNode        *node,
                     LuwteLocalized  *out,
                     GError         **error)
{
  luwte_localized_clear (out);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *value = json_node_get_string (node);

      if (*value == '\0')
        return fail (parser, error, _("must not be empty"));
      out->nl = g_strdup (value);
      out->en = g_strdup (value);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (!read_string (parser, object, "nl", TRUE, &out->nl, error) ||
          !read_string (parser, object, "en", TRUE, &out->en, error))
        return FALSE;
      if ((out->nl == NULL || *out->nl == '\0') && (out->en == NULL || *out->en == '\0'))
        return fail (parser, error, _("needs a text in “nl” or “en”"));
      return TRUE;
    }

  return fail (parser, error, _("must be a text (a string, or an object with “nl” and “en”), not %s"),
               node_kind (node));
}

static gboolean
read_localized (Parser          *parser,
                JsonObject      *object,
                const char      *key,
                gboolean         optional,
                LuwteLocalized  *out,
                GError         **error)
{
  JsonNode *node;
  gsize old;

  if (!member (parser, object, key, optional, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  old = path_push_key (parser, key);
  if (!read_localized_node (parser, node, out, error))
    return FALSE;
  path_pop (parser, old);
  return TRUE;
}

typedef gboolean (*ReadElement) (Parser    *parser,
                                 JsonNode  *node,
                                 gpointer   user_data,
                                 GError   **error);

/* Calls @read for every element of the array at @key, with the path set. */
static gboolean
read_array (Parser      *parser,
            JsonObject  *object,
            const char  *key,
            gboolean     optional,
            gboolean     non_empty,
            ReadElement  read,
            gpointer     user_data,
            GError     **error)
{
  JsonNode *node;
  JsonArray *array;
  gsize old;
  guint n;

  if (!member (parser, object, key, optional, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  old = path_push_key (parser, key);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (parser, error, _("must be an array, not %s"), node_kind (node));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0 && non_empty)
    return fail (parser, error, _("must not be empty"));

  for (guint i = 0; i < n; i++)
    {
      gsize element_old = path_push_index (parser, i);

      if (!read (parser, json_array_get_element (array, i), user_data, error))
        return FALSE;
      path_pop (parser, element_old);
    }
  path_pop (parser, old);
  return TRUE;
}

static gboolean
require_object (Parser     *parser,
                JsonNode   *node,
                GError    **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  return fail (parser, error, _("must be an object, not %s"), node_kind (node));
}

static gboolean
read_localized_element (Parser    *parser,
                        JsonNode  *node,
                        gpointer   user_data,
                        GError   **error)
{
  GPtrArray *into = user_data;
  LuwteLocalized *text = g_new0 (LuwteLocalized, 1);

  g_ptr_array_add (into, text);
  return read_localized_node (parser, node, text, error);
}

static gboolean
read_maker (Parser    *parser,
            JsonNode  *node,
            gpointer   user_data,
            GError   **error)
{
  GPtrArray *into = user_data;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    return fail (parser, error, _("must be a name"));
  g_ptr_array_add (into, g_strdup (json_node_get_string (node)));
  return TRUE;
}

static gboolean
read_legal_basis (Parser    *parser,
                  JsonNode  *node,
                  gpointer   user_data,
                  GError   **error)
{
  GPtrArray *into = user_data;
  LuwteLegalBasis *basis = g_new0 (LuwteLegalBasis, 1);
  JsonObject *object;

  g_ptr_array_add (into, basis);
  if (!require_object (parser, node, error))
    return FALSE;
  object = json_node_get_object (node);
  return read_string (parser, object, "article", FALSE, &basis->article, error) &&
         read_localized (parser, object, "summary", FALSE, &basis->summary, error);
}

static gboolean
read_source (Parser    *parser,
             JsonNode  *node,
             gpointer   user_data,
             GError   **error)
{
  GPtrArray *into = user_data;
  LuwteCardSource *source = g_new0 (LuwteCardSource, 1);
  JsonObject *object;

  g_ptr_array_add (into, source);
  if (!require_object (parser, node, error))
    return FALSE;
  object = json_node_get_object (node);
  return read_localized (parser, object, "title", FALSE, &source->title, error) &&
         read_string (parser, object, "reference", TRUE, &source->reference, error);
}

static gboolean
read_example (Parser    *parser,
              JsonNode  *node,
              gpointer   user_data,
              GError   **error)
{
  GPtrArray *into = user_data;
  LuwteCardExample *example = g_new0 (LuwteCardExample, 1);
  JsonObject *object;

  g_ptr_array_add (into, example);
  if (!require_object (parser, node, error))
    return FALSE;
  object = json_node_get_object (node);
  if (!read_localized (parser, object, "title", FALSE, &example->title, error) ||
      !read_string (parser, object, "url", TRUE, &example->url, error))
    return FALSE;
  if (example->url != NULL && !g_str_has_prefix (example->url, "https://") &&
      !g_str_has_prefix (example->url, "http://"))
    return fail (parser, error, _("“url” must start with https:// or http://"));
  return TRUE;
}

static gboolean
check_id (Parser      *parser,
          const char  *id,
          GError     **error)
{
  const char *first;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return fail (parser, error, _("the id “%s” may only hold a–z, 0–9 and “-”"), id);

  first = g_hash_table_lookup (parser->id_paths, id);
  if (first != NULL)
    return fail (parser, error, _("the id “%s” is used twice; first at %s"), id, first);

  g_hash_table_insert (parser->id_paths, g_strdup (id), g_strdup (parser->path->str));
  return TRUE;
}

typedef struct {
  LuwteCardGroup        *group;
  LuwteCardIntervention *parent;
  GListStore            *into;
} InterventionContext;

static gboolean read_intervention (Parser    *parser,
                                   JsonNode  *node,
                                   gpointer   user_data,
                                   GError   **error);

static gboolean
read_more_info (Parser                 *parser,
                JsonObject             *object,
                LuwteCardIntervention  *intervention,
                GError                **error)
{
  JsonNode *node;
  gsize old;
  gboolean ok;

  if (!member (parser, object, "more_info", TRUE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  old = path_push_key (parser, "more_info");
  ok = require_object (parser, node, error) &&
       read_localized (parser, json_node_get_object (node), "label", FALSE, &intervention->more_info_label, error) &&
       read_localized (parser, json_node_get_object (node), "text", FALSE, &intervention->more_info_text, error);
  if (ok)
    path_pop (parser, old);
  return ok;
}

static gboolean
read_intervention (Parser    *parser,
                   JsonNode  *node,
                   gpointer   user_data,
                   GError   **error)
{
  InterventionContext *context = user_data;
  g_autoptr(LuwteCardIntervention) intervention = NULL;
  InterventionContext children;
  JsonObject *object;

  if (!require_object (parser, node, error))
    return FALSE;
  object = json_node_get_object (node);

  intervention = g_object_new (LUWTE_TYPE_CARD_INTERVENTION, NULL);
  intervention->group = context->group;
  intervention->parent = context->parent;
  intervention->depth = context->parent != NULL ? context->parent->depth + 1 : 0;

  if (!read_string (parser, object, "id", FALSE, &intervention->id, error) ||
      !check_id (parser, intervention->id, error) ||
      !read_localized (parser, object, "title", FALSE, &intervention->title, error) ||
      !read_localized (parser, object, "description", TRUE, &intervention->description, error) ||
      !read_integer (parser, object, "intensity", 1, 10, &intervention->intensity, error) ||
      !read_localized (parser, object, "decides", TRUE, &intervention->decides, error) ||
      !read_array (parser, object, "legal_basis", TRUE, FALSE, read_legal_basis, intervention->legal_basis, error) ||
      !read_array (parser, object, "conditions", TRUE, FALSE, read_localized_element, intervention->conditions, error) ||
      !read_array (parser, object, "caveats", TRUE, FALSE, read_localized_element, intervention->caveats, error) ||
      !read_array (parser, object, "sources", TRUE, FALSE, read_source, intervention->sources, error) ||
      !read_array (parser, object, "examples", TRUE, FALSE, read_example, intervention->examples, error) ||
      !read_more_info (parser, object, intervention, error))
    return FALSE;

  children.group = context->group;
  children.parent = intervention;
  children.into = intervention->children;
  if (!read_array (parser, object, "interventions", TRUE, FALSE, read_intervention, &children, error))
    return FALSE;

  g_hash_table_insert (parser->card->by_id, intervention->id, intervention);
  g_list_store_append (context->into, intervention);
  return TRUE;
}

static gboolean
read_group (Parser    *parser,
            JsonNode  *node,
            gpointer   user_data,
            GError   **error)
{
  guint *expected_number = user_data;
  g_autoptr(LuwteCardGroup) group = NULL;
  InterventionContext context;
  JsonObject *object;

  if (!require_object (parser, node, error))
    return FALSE;
  object = json_node_get_object (node);

  group = g_object_new (LUWTE_TYPE_CARD_GROUP, NULL);
  if (!read_integer (parser, object, "number", 1, 99, &group->number, error))
    return FALSE;
  if (group->number != *expected_number)
    return fail (parser, error, _("groups must be numbered 1, 2, 3… in order; expected %u, found %u"),
                 *expected_number, group->number);
  (*expected_number)++;

  if (!read_string (parser, object, "id", FALSE, &group->id, error) ||
      !check_id (parser, group->id, error) ||
      !read_localized (parser, object, "title", FALSE, &group->title, error) ||
      !read_localized (parser, object, "summary", TRUE, &group->summary, error))
    return FALSE;

  context.group = group;
  context.parent = NULL;
  context.into = group->interventions;
  if (!read_array (parser, object, "interventions", FALSE, TRUE, read_intervention, &context, error))
    return FALSE;

  g_list_store_append (parser->card->groups, group);
  return TRUE;
}

static gboolean
read_date (Parser      *parser,
           JsonObject  *object,
           char       **out,
           GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *as_time = NULL;
  gsize old;

  if (!read_string (parser, object, "date", FALSE, out, error))
    return FALSE;

  as_time = g_strconcat (*out, "T00:00:00Z", NULL);
  parsed = g_date_time_new_from_iso8601 (as_time, NULL);
  if (parsed == NULL || strlen (*out) != 10)
    {
      old = path_push_key (parser, "date");
      fail (parser, error, _("must be a date as YYYY-MM-DD, not “%s”"), *out);
      path_pop (parser, old);
      return FALSE;
    }
  return TRUE;
}

/**
 * luwte_card_parse:
 *
 * Returns: (transfer full): the card, or %NULL with @error naming the
 *   problem and where it is
 */
LuwteCard *
luwte_card_parse (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(GPtrArray) makers = NULL;
  g_autoptr(GHashTable) id_paths = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format = NULL;
  JsonObject *object;
  Parser parser;
  guint next_group = 1;

  root = luwte_json_parse_guarded (data, length, CARD_MAX_BYTES, CARD_MAX_DEPTH, &local_error);
  if (root == NULL)
    {
      g_set_error_literal (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_INVALID, local_error->message);
      return NULL;
    }

  card = g_object_new (LUWTE_TYPE_CARD, NULL);
  path = g_string_new ("$");
  id_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  parser.card = card;
  parser.path = path;
  parser.id_paths = id_paths;

  if (!require_object (&parser, root, error))
    return NULL;
  object = json_node_get_object (root);

  if (!read_string (&parser, object, "format", FALSE, &format, error))
    return NULL;
  if (!g_str_equal (format, CARD_FORMAT))
    {
      fail (&parser, error, _("“format” must be “%s”, not “%s”"), CARD_FORMAT, format);
      return NULL;
    }

  makers = g_ptr_array_new_with_free_func (g_free);
  if (!read_string (&parser, object, "version", FALSE, &card->version, error) ||
      !read_date (&parser, object, &card->date, error) ||
      !read_localized (&parser, object, "title", FALSE, &card->title, error) ||
      !read_localized (&parser, object, "question", TRUE, &card->question, error) ||
      !read_localized (&parser, object, "disclaimer", FALSE, &card->disclaimer, error) ||
      !read_array (&parser, object, "remarks", TRUE, FALSE, read_localized_element, card->remarks, error) ||
      !read_localized (&parser, object, "credits", FALSE, &card->credits, error) ||
      !read_array (&parser, object, "makers", TRUE, FALSE, read_maker, makers, error) ||
      !read_array (&parser, object, "groups", FALSE, TRUE, read_group, &next_group, error))
    return NULL;

  g_ptr_array_add (makers, NULL);
  card->makers = (GStrv) g_ptr_array_free (g_steal_pointer (&makers), FALSE);

  return g_steal_pointer (&card);
}
