/* luwte-template.c — a letter template: its header, its body, rendering and checklist
 *
 * The format is data/templates/README.md. A template file comes from our
 * own resource or from a user's folder, so every problem is reported with
 * the file, line and column, and a broken file never gets further than
 * luwte_template_parse(). The body is parsed once into a tree of text,
 * fields and sections; rendering only walks that tree, so whatever a value
 * holds (braces, markup, any script) is written as text and never read as
 * template syntax.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-template"

#include "config.h"

#include "luwte-template.h"
#include "luwte-template-fields.h"
#include "luwte-template-private.h"
#include "luwte-party.h"
#include "luwte-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (luwte-template-error-quark, luwte_template_error)

/* Deeper nesting is no letter; the limit keeps rendering's recursion small
 * whatever a file holds. */
#define MAX_SECTION_DEPTH 32

typedef enum {
  NODE_TEXT,
  NODE_FIELD,
  NODE_IF,
  NODE_EACH,
} NodeKind;

typedef struct {
  NodeKind   kind;
  char      *text;        /* TEXT: the text; otherwise the field name */
  GPtrArray *children;    /* IF: kept when true; EACH: repeated per item */
  GPtrArray *otherwise;   /* IF: kept when false (after {{else}}) */
} Node;

struct _LuwteTemplate
{
  GObject               parent_instance;

  char                 *origin;
  char                 *source;         /* the text, line ends as "\n", for copies */
  char                 *id;
  LuwteLanguage         language;
  char                 *title;
  GStrv                 interventions;
  char                 *recipient;
  LuwteTemplateChannel  channel;
  GPtrArray            *inputs;         /* LuwteTemplateInput */
  GPtrArray            *checks;         /* LuwteTemplateCheck */
  GStrv                 notes;
  GPtrArray            *subject;        /* Node */
  GPtrArray            *body;           /* Node */
  gboolean              is_builtin;

  /* Byte ranges in source of the `id:` and `title:` lines. */
  gsize                 id_line[2];
  gsize                 title_line[2];
};

G_DEFINE_FINAL_TYPE (LuwteTemplate, luwte_template, G_TYPE_OBJECT)

static void
node_free (Node *node)
{
  g_free (node->text);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_clear_pointer (&node->otherwise, g_ptr_array_unref);
  g_free (node);
}

static GPtrArray *
new_nodes (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
}

static void
input_free (LuwteTemplateInput *input)
{
  g_free (input->name);
  g_free (input->label);
  g_free (input);
}

static void
check_item_free (LuwteTemplateCheckItem *item)
{
  g_free (item->text);
  g_free (item);
}

static void
check_free (LuwteTemplateCheck *check)
{
  g_free (check->label);
  g_ptr_array_unref (check->items);
  g_free (check);
}

static void
luwte_template_finalize (GObject *object)
{
  LuwteTemplate *self = (LuwteTemplate *) object;

  g_free (self->origin);
  g_free (self->source);
  g_free (self->id);
  g_free (self->title);
  g_strfreev (self->interventions);
  g_free (self->recipient);
  g_ptr_array_unref (self->inputs);
  g_ptr_array_unref (self->checks);
  g_strfreev (self->notes);
  g_clear_pointer (&self->subject, g_ptr_array_unref);
  g_clear_pointer (&self->body, g_ptr_array_unref);

  G_OBJECT_CLASS (luwte_template_parent_class)->finalize (object);
}

static void
luwte_template_class_init (LuwteTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_template_finalize;
}

static void
luwte_template_init (LuwteTemplate *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  self->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) check_free);
  self->channel = LUWTE_TEMPLATE_CHANNEL_POST;
}

/* Parsing */

typedef struct {
  const char    *text;      /* the whole file, for line and column */
  const char    *origin;
  LuwteTemplate *template;
  GHashTable    *inputs;    /* brief.* names the header declares */
} Parser;

/* Line and column (in characters) of @pos, both counted from 1. Only the
 * lead bytes of UTF-8 sequences count, so this is safe on bytes that are
 * not valid UTF-8 too. */
static void
locate (const char *text,
        const char *pos,
        guint      *line,
        guint      *column)
{
  *line = 1;
  *column = 1;
  for (const char *c = text; c < pos; c++)
    {
      if (*c == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *c & 0xC0) != 0x80)
        (*column)++;
    }
}

G_GNUC_PRINTF (5, 6)
static gboolean
fail_in (const char  *origin,
         const char  *text,
         const char  *pos,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *problem = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  locate (text, pos, &line, &column);
  g_set_error (error, LUWTE_TEMPLATE_ERROR, LUWTE_TEMPLATE_ERROR_INVALID,
               "%s:%u:%u: %s", origin, line, column, problem);
  return FALSE;
}

#define fail_at(parser, pos, error, ...) \
  fail_in ((parser)->origin, (parser)->text, (pos), (error), __VA_ARGS__)

static gboolean
is_blank (const char *start,
          const char *end)
{
  for (const char *c = start; c < end; c++)
    if (*c != ' ' && *c != '\t')
      return FALSE;
  return TRUE;
}

/* Narrows [*start, *end) to leave out spaces and tabs at either side. */
static void
trim (const char **start,
      const char **end)
{
  while (*start < *end && (**start == ' ' || **start == '\t'))
    (*start)++;
  while (*end > *start && ((*end)[-1] == ' ' || (*end)[-1] == '\t'))
    (*end)--;
}

static const char *
find (const char *start,
      const char *end,
      const char *needle)
{
  gsize n = strlen (needle);

  for (const char *c = start; c + n <= end; c++)
    if (memcmp (c, needle, n) == 0)
      return c;
  return NULL;
}

/* The "}}" that closes a tag, on the same line as its "{{". */
static const char *
find_close (const char *start,
            const char *end)
{
  for (const char *c = start; c + 1 < end && *c != '\n'; c++)
    if (c[0] == '}' && c[1] == '}')
      return c;
  return NULL;
}

static gboolean
slice_equal (const char *start,
             const char *end,
             const char *word)
{
  gsize n = strlen (word);
  return (gsize) (end - start) == n && memcmp (start, word, n) == 0;
}

/**
 * luwte_template_is_id:
 * @id: (nullable): a template or card id
 *
 * Returns: whether @id is one or more of a–z, 0–9 and `-`
 */
gboolean
luwte_template_is_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
      return FALSE;
  return TRUE;
}

/* Whether @name is declared, known and allowed where it stands. */
static gboolean
check_field (Parser      *parser,
             const char  *name,
             const char  *pos,
             gboolean     in_each,
             gboolean     allow_list,
             GError     **error)
{
  const LuwteTemplateField *field = luwte_template_field_lookup (name);

  if (field == NULL)
    {
      if (luwte_template_field_is_input_name (name))
        {
          if (g_hash_table_contains (parser->inputs, name))
            return TRUE;
          return fail_at (parser, pos, error,
                          _("the input “%s” is not declared; add “input: %s | label” to the header"),
                          name, name);
        }
      return fail_at (parser, pos, error, _("unknown field “%s”"), name);
    }
  if (field->kind == LUWTE_TEMPLATE_FIELD_LIST && !allow_list)
    return fail_at (parser, pos, error, _("“%s” is a list; repeat it with “{{#each %s}}”"), name, name);
  if (field->kind == LUWTE_TEMPLATE_FIELD_ITEM && !in_each)
    return fail_at (parser, pos, error, _("“%s” can only be used inside “{{#each %s}}”"),
                    name, LUWTE_TEMPLATE_LIST);
  return TRUE;
}

typedef enum {
  TAG_FIELD,
  TAG_IF,
  TAG_ELSE,
  TAG_END_IF,
  TAG_EACH,
  TAG_END_EACH,
  TAG_UNKNOWN,
} TagKind;

static gboolean
is_field_syntax (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!(g_ascii_isalnum (*c) || *c == '_' || *c == '.' || *c == '-'))
      return FALSE;
  return TRUE;
}

/* Splits the inside of a tag, spaces trimmed, into its kind and its
 * argument (a field name for fields and sections). */
static TagKind
classify_tag (char  *content,
              char **arg)
{
  *arg = NULL;

  if (content[0] == '#')
    {
      gsize word = strcspn (content, " \t");
      TagKind kind = TAG_UNKNOWN;

      if (word == 3 && strncmp (content, "#if", 3) == 0)
        kind = TAG_IF;
      else if (word == 5 && strncmp (content, "#each", 5) == 0)
        kind = TAG_EACH;
      *arg = g_strstrip (content + word);
      return kind;
    }
  if (g_str_equal (content, "else"))
    return TAG_ELSE;
  if (g_str_equal (content, "/if"))
    return TAG_END_IF;
  if (g_str_equal (content, "/each"))
    return TAG_END_EACH;
  if (is_field_syntax (content))
    {
      *arg = content;
      return TAG_FIELD;
    }
  return TAG_UNKNOWN;
}

typedef struct {
  Node       *node;
  const char *open;       /* where its tag starts */
  char       *tag;        /* the tag as written, for messages */
  gboolean    in_else;
} Frame;

static void
frame_clear (Frame *frame)
{
  g_free (frame->tag);
}

static GPtrArray *
current_nodes (GPtrArray *root,
               GArray    *stack)
{
  Frame *top;

  if (stack->len == 0)
    return root;
  top = &g_array_index (stack, Frame, stack->len - 1);
  return top->in_else ? top->node->otherwise : top->node->children;
}

static void
flush_text (GString   *pending,
            GPtrArray *nodes)
{
  Node *node;

  if (pending->len == 0)
    return;
  node = g_new0 (Node, 1);
  node->kind = NODE_TEXT;
  node->text = g_strndup (pending->str, pending->len);
  g_ptr_array_add (nodes, node);
  g_string_truncate (pending, 0);
}

static guint
line_of (Parser     *parser,
         const char *pos)
{
  guint line, column;

  locate (parser->text, pos, &line, &column);
  return line;
}

/* Parses [start, end) into a tree of nodes. With @standalone_lines, a
 * section tag alone on its line (spaces aside) takes the line with it. */
static GPtrArray *
parse_sections (Parser      *parser,
                const char  *start,
                const char  *end,
                gboolean     standalone_lines,
                GError     **error)
{
  g_autoptr(GPtrArray) root = new_nodes ();
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  const char *pos = start;
  gboolean in_each = FALSE;

  g_array_set_clear_func (stack, (GDestroyNotify) frame_clear);

  while (pos < end)
    {
      const char *open = find (pos, end, "{{");
      const char *close, *after;
      g_autofree char *content = NULL;
      g_autofree char *tag = NULL;
      char *arg = NULL;
      TagKind kind;
      Frame *top;
      Node *node;

      if (open == NULL)
        {
          g_string_append_len (pending, pos, end - pos);
          break;
        }
      g_string_append_len (pending, pos, open - pos);

      close = find_close (open + 2, end);
      if (close == NULL)
        {
          fail_at (parser, open, error, _("“{{” without “}}” on the same line"));
          return NULL;
        }
      after = close + 2;
      tag = g_strndup (open, after - open);
      content = g_strstrip (g_strndup (open + 2, close - (open + 2)));
      kind = classify_tag (content, &arg);

      if (kind == TAG_UNKNOWN)
        {
          fail_at (parser, open, error, _("unknown tag “%s”"), tag);
          return NULL;
        }

      if (kind != TAG_FIELD && standalone_lines)
        {
          const char *line_start = open;
          const char *eol = after;

          /* Only blanks are passed over, so many tags on one long line
           * cost no more than one. */
          while (line_start > start && (line_start[-1] == ' ' || line_start[-1] == '\t'))
            line_start--;
          while (eol < end && (*eol == ' ' || *eol == '\t'))
            eol++;
          if ((line_start == start || line_start[-1] == '\n') && (eol == end || *eol == '\n'))
            {
              g_string_truncate (pending, pending->len - (open - line_start));
              after = eol < end ? eol + 1 : end;
            }
        }

      flush_text (pending, current_nodes (root, stack));
      top = stack->len > 0 ? &g_array_index (stack, Frame, stack->len - 1) : NULL;

      switch (kind)
        {
        case TAG_FIELD:
          if (!check_field (parser, arg, open, in_each, FALSE, error))
            return NULL;
          node = g_new0 (Node, 1);
          node->kind = NODE_FIELD;
          node->text = g_strdup (arg);
          g_ptr_array_add (current_nodes (root, stack), node);
          break;

        case TAG_IF:
        case TAG_EACH:
          if (*arg == '\0')
            {
              fail_at (parser, open, error, _("“%s” needs a field name"), tag);
              return NULL;
            }
          if (stack->len >= MAX_SECTION_DEPTH)
            {
              fail_at (parser, open, error, _("sections are nested more than %d deep"), MAX_SECTION_DEPTH);
              return NULL;
            }
          if (kind == TAG_EACH)
            {
              if (in_each)
                {
                  fail_at (parser, open, error, _("“%s” cannot be inside another “{{#each}}”"), tag);
                  return NULL;
                }
              if (!g_str_equal (arg, LUWTE_TEMPLATE_LIST))
                {
                  fail_at (parser, open, error, _("only “%s” can be repeated, not “%s”"), LUWTE_TEMPLATE_LIST, arg);
                  return NULL;
                }
            }
          else if (!check_field (parser, arg, open, in_each, TRUE, error))
            return NULL;

          node = g_new0 (Node, 1);
          node->kind = kind == TAG_IF ? NODE_IF : NODE_EACH;
          node->text = g_strdup (arg);
          node->children = new_nodes ();
          if (kind == TAG_IF)
            node->otherwise = new_nodes ();
          g_ptr_array_add (current_nodes (root, stack), node);
          {
            Frame frame = { node, open, g_steal_pointer (&tag), FALSE };
            g_array_append_val (stack, frame);
          }
          if (kind == TAG_EACH)
            in_each = TRUE;
          break;

        case TAG_ELSE:
          if (top == NULL || top->node->kind != NODE_IF)
            {
              fail_at (parser, open, error, _("“{{else}}” without its “{{#if}}”"));
              return NULL;
            }
          if (top->in_else)
            {
              fail_at (parser, open, error, _("a second “{{else}}” for the “%s” on line %u"),
                       top->tag, line_of (parser, top->open));
              return NULL;
            }
          top->in_else = TRUE;
          break;

        case TAG_END_IF:
        case TAG_END_EACH:
          {
            NodeKind opens = kind == TAG_END_IF ? NODE_IF : NODE_EACH;
            const char *opener = kind == TAG_END_IF ? "{{#if}}" : "{{#each}}";

            if (top == NULL)
              {
                fail_at (parser, open, error, _("“%s” without its “%s”"), tag, opener);
                return NULL;
              }
            if (top->node->kind != opens)
              {
                fail_at (parser, open, error, _("“%s” does not close the “%s” on line %u"),
                         tag, top->tag, line_of (parser, top->open));
                return NULL;
              }
            if (opens == NODE_EACH)
              in_each = FALSE;
            g_array_set_size (stack, stack->len - 1);
          }
          break;

        case TAG_UNKNOWN:
        default:
          g_assert_not_reached ();
        }

      pos = after;
    }

  if (stack->len > 0)
    {
      Frame *top = &g_array_index (stack, Frame, stack->len - 1);
      fail_at (parser, top->open, error, _("“%s” is never closed"), top->tag);
      return NULL;
    }
  flush_text (pending, root);
  return g_steal_pointer (&root);
}

/* Header */

typedef struct {
  const char *line;          /* start of the line */
  const char *key_start, *key_end;
  const char *value_start, *value_end;
} HeaderLine;

static gboolean
check_value_present (Parser           *parser,
                     const HeaderLine *hl,
                     const char       *key,
                     GError          **error)
{
  if (hl->value_start < hl->value_end)
    return TRUE;
  return fail_at (parser, hl->value_start, error, _("“%s” needs a value"), key);
}

static char *
dup_value (const HeaderLine *hl)
{
  return g_strndup (hl->value_start, hl->value_end - hl->value_start);
}

/* Splits "left | right" at the first "|", both sides trimmed and filled. */
static gboolean
split_bar (Parser            *parser,
           const HeaderLine  *hl,
           const char        *shape,
           const char       **left_start,
           const char       **left_end,
           const char       **right_start,
           const char       **right_end,
           GError           **error)
{
  const char *bar = memchr (hl->value_start, '|', hl->value_end - hl->value_start);

  if (bar == NULL)
    return fail_at (parser, hl->value_start, error, _("expected “%s”"), shape);
  *left_start = hl->value_start;
  *left_end = bar;
  *right_start = bar + 1;
  *right_end = hl->value_end;
  trim (left_start, left_end);
  trim (right_start, right_end);
  if (*left_start == *left_end)
    return fail_at (parser, hl->value_start, error, _("expected “%s”; the part before “|” is empty"), shape);
  if (*right_start == *right_end)
    return fail_at (parser, bar, error, _("expected “%s”; the part after “|” is empty"), shape);
  return TRUE;
}

static gboolean
parse_interventions (Parser            *parser,
                     const HeaderLine  *hl,
                     GError           **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  const char *p = hl->value_start;

  for (;;)
    {
      const char *comma = memchr (p, ',', hl->value_end - p);
      const char *item_end = comma != NULL ? comma : hl->value_end;
      const char *item_start = p;
      g_autofree char *id = NULL;

      trim (&item_start, &item_end);
      id = g_strndup (item_start, item_end - item_start);
      if (!luwte_template_is_id (id))
        return fail_at (parser, item_start, error,
                        _("“%s” is not a card id: one or more of a–z, 0–9 and “-”, separated by commas"), id);
      g_strv_builder_add (ids, id);
      if (comma == NULL)
        break;
      p = comma + 1;
    }
  parser->template->interventions = g_strv_builder_end (ids);
  return TRUE;
}

static gboolean
parse_input (Parser            *parser,
             const HeaderLine  *hl,
             GHashTable        *seen,
             GError           **error)
{
  const char *name_start, *name_end, *label_start, *label_end;
  g_autofree char *name = NULL;
  LuwteTemplateInput *input;

  if (!split_bar (parser, hl, "brief.name | label", &name_start, &name_end, &label_start, &label_end, error))
    return FALSE;
  name = g_strndup (name_start, name_end - name_start);
  if (!luwte_template_field_is_input_name (name))
    return fail_at (parser, name_start, error,
                    _("“%s” is not an input name: “brief.” and then a–z, 0–9 and “_”"), name);
  if (g_hash_table_contains (seen, name))
    return fail_at (parser, name_start, error, _("the input “%s” is declared twice"), name);

  input = g_new0 (LuwteTemplateInput, 1);
  input->name = g_steal_pointer (&name);
  input->label = g_strndup (label_start, label_end - label_start);
  g_ptr_array_add (parser->template->inputs, input);
  g_hash_table_add (seen, input->name);
  return TRUE;
}

static gboolean
parse_check (Parser            *parser,
             const HeaderLine  *hl,
             GError           **error)
{
  const char *label_start, *label_end, *what, *what_end;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) check_item_free);
  LuwteTemplateCheck *check;
  const char *q;

  if (!split_bar (parser, hl, "label | what", &label_start, &label_end, &what, &what_end, error))
    return FALSE;

  for (q = what; ; )
    {
      LuwteTemplateCheckItem *item;

      while (q < what_end && (*q == ' ' || *q == '\t'))
        q++;
      if (q == what_end)
        return fail_at (parser, q, error, _("a check names fields, “%s” or phrases in double quotes, separated by commas"),
                        LUWTE_TEMPLATE_LIST);

      item = g_new0 (LuwteTemplateCheckItem, 1);
      g_ptr_array_add (items, item);
      if (*q == '"')
        {
          const char *close = memchr (q + 1, '"', what_end - (q + 1));

          if (close == NULL)
            return fail_at (parser, q, error, _("the phrase has no closing double quote"));
          if (is_blank (q + 1, close))
            return fail_at (parser, q, error, _("the phrase is empty"));
          item->kind = LUWTE_TEMPLATE_CHECK_PHRASE;
          item->text = g_strndup (q + 1, close - (q + 1));
          q = close + 1;
        }
      else
        {
          const char *stop = memchr (q, ',', what_end - q);
          const char *name_end = stop != NULL ? stop : what_end;
          const char *name_start = q;
          const LuwteTemplateField *field;

          trim (&name_start, &name_end);
          item->text = g_strndup (name_start, name_end - name_start);
          field = luwte_template_field_lookup (item->text);
          if (field != NULL && field->kind == LUWTE_TEMPLATE_FIELD_ITEM)
            return fail_at (parser, name_start, error, _("“%s” cannot be checked on its own; check “%s”"),
                            item->text, LUWTE_TEMPLATE_LIST);
          if (!check_field (parser, item->text, name_start, FALSE, TRUE, error))
            return FALSE;
          item->kind = field != NULL && field->kind == LUWTE_TEMPLATE_FIELD_LIST
                       ? LUWTE_TEMPLATE_CHECK_LIST : LUWTE_TEMPLATE_CHECK_FIELD;
          q = name_end;
        }

      while (q < what_end && (*q == ' ' || *q == '\t'))
        q++;
      if (q == what_end)
        break;
      if (*q != ',')
        return fail_at (parser, q, error, _("expected “,” between the parts of a check"));
      q++;
    }

  check = g_new0 (LuwteTemplateCheck, 1);
  check->label = g_strndup (label_start, label_end - label_start);
  check->items = g_steal_pointer (&items);
  g_ptr_array_add (parser->template->checks, check);
  return TRUE;
}

/* Reads "key: value" at @line; %FALSE when the line has no colon. */
static gboolean
split_header_line (const char *line,
                   const char *eol,
                   HeaderLine *hl)
{
  const char *colon = memchr (line, ':', eol - line);

  if (colon == NULL)
    return FALSE;
  hl->line = line;
  hl->key_start = line;
  hl->key_end = colon;
  hl->value_start = colon + 1;
  hl->value_end = eol;
  trim (&hl->key_start, &hl->key_end);
  trim (&hl->value_start, &hl->value_end);
  return TRUE;
}

static const char *
skip_blank (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* Declared inputs are known before the header is read in order, so a
 * check or the subject may use one declared further down. */
static void
collect_inputs (Parser     *parser,
                const char *header_end)
{
  for (const char *line = parser->text; line < header_end; )
    {
      const char *eol = memchr (line, '\n', header_end - line);
      HeaderLine hl;

      if (eol == NULL)
        eol = header_end;
      if (split_header_line (line, eol, &hl) && slice_equal (hl.key_start, hl.key_end, "input"))
        {
          const char *bar = memchr (hl.value_start, '|', hl.value_end - hl.value_start);
          const char *name_start = hl.value_start;
          const char *name_end = bar != NULL ? bar : hl.value_end;

          trim (&name_start, &name_end);
          g_hash_table_add (parser->inputs, g_strndup (name_start, name_end - name_start));
        }
      line = eol + 1;
    }
}

enum {
  KEY_ID,
  KEY_LANGUAGE,
  KEY_TITLE,
  KEY_INTERVENTIONS,
  KEY_RECIPIENT,
  KEY_CHANNEL,
  KEY_INPUT,
  KEY_CHECK,
  KEY_NOTE,
  KEY_SUBJECT,
  N_KEYS,
};

static const struct {
  const char *name;
  gboolean    required;
  gboolean    repeatable;
} header_keys[N_KEYS] = {
  [KEY_ID] = { "id", TRUE, FALSE },
  [KEY_LANGUAGE] = { "language", TRUE, FALSE },
  [KEY_TITLE] = { "title", TRUE, FALSE },
  [KEY_INTERVENTIONS] = { "interventions", FALSE, FALSE },
  [KEY_RECIPIENT] = { "recipient", FALSE, FALSE },
  [KEY_CHANNEL] = { "channel", FALSE, FALSE },
  [KEY_INPUT] = { "input", FALSE, TRUE },
  [KEY_CHECK] = { "check", FALSE, TRUE },
  [KEY_NOTE] = { "note", FALSE, TRUE },
  [KEY_SUBJECT] = { "subject", TRUE, FALSE },
};

/* The bytes of @hl's line, without its "\n". */
static void
line_range (Parser           *parser,
            const HeaderLine *hl,
            gsize             range[2])
{
  range[0] = hl->line - parser->text;
  range[1] = (hl->value_end - parser->text) + strcspn (hl->value_end, "\n");
}

static gboolean
parse_header_line (Parser            *parser,
                   const HeaderLine  *hl,
                   guint             *seen_lines,
                   GHashTable        *inputs_seen,
                   GStrvBuilder      *notes,
                   GError           **error)
{
  LuwteTemplate *template = parser->template;
  g_autofree char *value = NULL;
  guint key;

  for (key = 0; key < N_KEYS; key++)
    if (slice_equal (hl->key_start, hl->key_end, header_keys[key].name))
      break;
  if (key == N_KEYS)
    {
      g_autofree char *name = g_strndup (hl->key_start, hl->key_end - hl->key_start);
      return fail_at (parser, hl->key_start, error, _("unknown header key “%s”"), name);
    }
  if (!header_keys[key].repeatable && seen_lines[key] != 0)
    return fail_at (parser, hl->key_start, error, _("“%s” is given twice; first on line %u"),
                    header_keys[key].name, seen_lines[key]);
  if (seen_lines[key] == 0)
    seen_lines[key] = line_of (parser, hl->line);
  if (!check_value_present (parser, hl, header_keys[key].name, error))
    return FALSE;
  value = dup_value (hl);

  switch (key)
    {
    case KEY_ID:
      if (!luwte_template_is_id (value))
        return fail_at (parser, hl->value_start, error, _("the id “%s” may only hold a–z, 0–9 and “-”"), value);
      template->id = g_steal_pointer (&value);
      line_range (parser, hl, template->id_line);
      break;

    case KEY_LANGUAGE:
      if (!luwte_language_parse (value, &template->language))
        return fail_at (parser, hl->value_start, error, _("the language must be “nl” or “en”, not “%s”"), value);
      break;

    case KEY_TITLE:
      template->title = g_steal_pointer (&value);
      line_range (parser, hl, template->title_line);
      break;

    case KEY_INTERVENTIONS:
      return parse_interventions (parser, hl, error);

    case KEY_RECIPIENT:
      {
        LuwteRole role;

        if (!luwte_role_parse (value, &role))
          return fail_at (parser, hl->value_start, error,
                          _("“%s” is not a party role of the exchange format, such as “parent” or “platform”"), value);
        template->recipient = g_steal_pointer (&value);
      }
      break;

    case KEY_CHANNEL:
      if (g_str_equal (value, "post"))
        template->channel = LUWTE_TEMPLATE_CHANNEL_POST;
      else if (g_str_equal (value, "email"))
        template->channel = LUWTE_TEMPLATE_CHANNEL_EMAIL;
      else
        return fail_at (parser, hl->value_start, error, _("the channel must be “post” or “email”, not “%s”"), value);
      break;

    case KEY_INPUT:
      return parse_input (parser, hl, inputs_seen, error);

    case KEY_CHECK:
      return parse_check (parser, hl, error);

    case KEY_NOTE:
      g_strv_builder_add (notes, value);
      break;

    case KEY_SUBJECT:
      template->subject = parse_sections (parser, hl->value_start, hl->value_end, FALSE, error);
      return template->subject != NULL;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* Reads the header up to "---"; returns where the body starts. */
static const char *
parse_header (Parser  *parser,
              GError **error)
{
  g_autoptr(GHashTable) inputs_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  guint seen_lines[N_KEYS] = { 0 };
  const char *end = parser->text + strlen (parser->text);
  const char *line = parser->text;
  const char *header_end = NULL;
  const char *body = NULL;

  /* Where the header ends, to know the inputs before reading it in order. */
  for (const char *l = parser->text; l < end; )
    {
      const char *eol = memchr (l, '\n', end - l);
      const char *stop;

      if (eol == NULL)
        eol = end;
      stop = eol;
      trim (&l, &stop);
      if (slice_equal (l, stop, "---"))
        {
          header_end = l;
          while (header_end > parser->text && header_end[-1] != '\n')
            header_end--;
          body = eol < end ? eol + 1 : end;
          break;
        }
      l = eol + 1;
    }
  /* Without "---", the lines are read as header lines first, so that a
   * problem among them is named where it is. */
  if (header_end == NULL)
    header_end = end;
  collect_inputs (parser, header_end);

  while (line < header_end)
    {
      const char *eol = memchr (line, '\n', header_end - line);
      const char *first;
      HeaderLine hl;

      if (eol == NULL)
        eol = header_end;
      first = skip_blank (line, eol);
      if (first == eol || *first == '#')
        {
          line = eol + 1;
          continue;
        }
      if (!split_header_line (line, eol, &hl))
        {
          fail_at (parser, first, error, _("expected “key: value”, a comment starting with “#”, or “---”"));
          return NULL;
        }
      if (!parse_header_line (parser, &hl, seen_lines, inputs_seen, notes, error))
        return NULL;
      line = eol + 1;
    }

  if (body == NULL)
    {
      fail_at (parser, end, error, _("the header does not end: a line “---” must come before the letter text"));
      return NULL;
    }
  for (guint key = 0; key < N_KEYS; key++)
    if (header_keys[key].required && seen_lines[key] == 0)
      {
        fail_at (parser, header_end, error, _("the header has no “%s”"), header_keys[key].name);
        return NULL;
      }
  parser->template->notes = g_strv_builder_end (notes);
  return body;
}

/* One text whatever its origin: without a byte order mark, and with "\n"
 * for "\r\n". Lines and columns stay those of the file. */
static char *
normalize (const char *text,
           gsize       length)
{
  GString *out = g_string_sized_new (length + 1);

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  for (gsize i = 0; i < length; i++)
    if (!(text[i] == '\r' && i + 1 < length && text[i + 1] == '\n'))
      g_string_append_c (out, text[i]);
  return g_string_free (out, FALSE);
}

/**
 * luwte_template_parse:
 * @text: (array length=length): the contents of a template file
 * @length: its length in bytes, or -1 when @text ends with a NUL
 * @origin: (nullable): the file name, for messages
 * @error: set with a message "origin:line:column: problem" in the words
 *   of data/templates/README.md
 *
 * Returns: (transfer full) (nullable): the template, %NULL when @text
 *   breaks the format
 */
LuwteTemplate *
luwte_template_parse (const char  *text,
                      gssize       length,
                      const char  *origin,
                      GError     **error)
{
  g_autoptr(LuwteTemplate) self = NULL;
  g_autoptr(GHashTable) inputs = NULL;
  const char *invalid;
  const char *nul;
  const char *body;
  gsize size;
  Parser parser;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (origin == NULL)
    origin = _("template");
  if (text == NULL)
    text = "";
  size = length < 0 ? strlen (text) : (gsize) length;

  if (size > LUWTE_TEMPLATE_MAX_BYTES)
    {
      g_set_error (error, LUWTE_TEMPLATE_ERROR, LUWTE_TEMPLATE_ERROR_INVALID,
                   _("%s: the file is larger than 1 MiB, too large for a letter template"), origin);
      return NULL;
    }
  nul = memchr (text, '\0', size);
  if (nul != NULL)
    {
      fail_in (origin, text, nul, error, _("the file holds a NUL byte; a template is plain text"));
      return NULL;
    }
  if (!g_utf8_validate_len (text, size, &invalid))
    {
      fail_in (origin, text, invalid, error, _("the file is not valid UTF-8 text"));
      return NULL;
    }

  self = g_object_new (LUWTE_TYPE_TEMPLATE, NULL);
  self->origin = g_strdup (origin);
  self->source = normalize (text, size);
  inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  parser.text = self->source;
  parser.origin = origin;
  parser.template = self;
  parser.inputs = inputs;

  body = parse_header (&parser, error);
  if (body == NULL)
    return NULL;
  self->body = parse_sections (&parser, body, body + strlen (body), TRUE, error);
  if (self->body == NULL)
    return NULL;
  if (self->interventions == NULL)
    self->interventions = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

void
luwte_template_set_builtin (LuwteTemplate *self,
                            gboolean       is_builtin)
{
  g_return_if_fail (LUWTE_IS_TEMPLATE (self));
  self->is_builtin = is_builtin;
}

/* Getters */

const char *
luwte_template_get_id (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  return self->id;
}

LuwteLanguage
luwte_template_get_language (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), LUWTE_LANGUAGE_NL);
  return self->language;
}

const char *
luwte_template_get_title (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  return self->title;
}

/**
 * luwte_template_get_interventions:
 *
 * Returns: (transfer none): the card ids this letter suits, maybe none
 */
const char * const *
luwte_template_get_interventions (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  return (const char * const *) self->interventions;
}

/**
 * luwte_template_get_recipient:
 *
 * Returns: (nullable): the party role the letter is meant for, as the
 *   exchange format writes it ("parent", "platform")
 */
const char *
luwte_template_get_recipient (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  return self->recipient;
}

LuwteTemplateChannel
luwte_template_get_channel (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), LUWTE_TEMPLATE_CHANNEL_POST);
  return self->channel;
}

/**
 * luwte_template_get_inputs:
 *
 * Returns: (transfer none) (element-type LuwteTemplateInput): the facts
 *   the editor asks for, in the order of the header
 */
GPtrArray *
luwte_template_get_inputs (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  return self->inputs;
}

/**
 * luwte_template_get_checks:
 *
 * Returns: (transfer none) (element-type LuwteTemplateCheck): the
 *   checklist, in the order of the header
 */
GPtrArray *
luwte_template_get_checks (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  return self->checks;
}

/**
 * luwte_template_get_notes:
 *
 * Returns: (transfer none): warnings for the editor, maybe none
 */
const char * const *
luwte_template_get_notes (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  return (const char * const *) self->notes;
}

const char *
luwte_template_get_origin (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  return self->origin;
}

gboolean
luwte_template_get_is_builtin (LuwteTemplate *self)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), FALSE);
  return self->is_builtin;
}

/**
 * luwte_template_suits:
 * @card_id: an intervention's id
 *
 * Returns: whether the header names @card_id in `interventions`
 */
gboolean
luwte_template_suits (LuwteTemplate *self,
                      const char    *card_id)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), FALSE);
  return card_id != NULL && g_strv_contains ((const char * const *) self->interventions, card_id);
}

/**
 * luwte_template_get_field_label:
 * @name: a field name
 *
 * Returns: (transfer none): how the editor names @name: the label of the
 *   template's input, the translated label of a known field, or @name
 */
const char *
luwte_template_get_field_label (LuwteTemplate *self,
                                const char    *name)
{
  const char *label;

  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      LuwteTemplateInput *input = g_ptr_array_index (self->inputs, i);
      if (g_str_equal (input->name, name))
        return input->label;
    }
  label = luwte_template_field_get_label (name);
  return label != NULL ? label : name;
}

static gboolean
nodes_use_field (GPtrArray  *nodes,
                 const char *name)
{
  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);

      if ((node->kind != NODE_TEXT && g_str_equal (node->text, name)) ||
          nodes_use_field (node->children, name) || nodes_use_field (node->otherwise, name))
        return TRUE;
    }
  return FALSE;
}

/**
 * luwte_template_uses_field:
 * @name: a field name, such as "jongere.naam"
 *
 * Returns: whether the subject or the body writes, or asks about, @name
 */
gboolean
luwte_template_uses_field (LuwteTemplate *self,
                           const char    *name)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return nodes_use_field (self->subject, name) || nodes_use_field (self->body, name);
}

/* Rendering */

typedef struct {
  LuwteTemplateValues *values;
  GPtrArray           *missing;
  GHashTable          *missing_set;   /* the names in missing */
  GString             *out;
  gboolean             one_line;
} Render;

#define NO_ITEM G_MAXUINT

static const char *
value_of (Render     *render,
          const char *name,
          guint       item)
{
  if (item != NO_ITEM && g_str_has_prefix (name, LUWTE_TEMPLATE_ITEM_PREFIX))
    return luwte_template_values_get_bericht (render->values, item, name);
  return luwte_template_values_get (render->values, name);
}

/* Adds @name to @missing once; @set holds what @missing holds, so a
 * template with thousands of fields costs no more than one with ten. */
static void
add_missing (GPtrArray  *missing,
             GHashTable *set,
             const char *name)
{
  char *copy;

  if (missing == NULL || g_hash_table_contains (set, name))
    return;
  copy = g_strdup (name);
  g_ptr_array_add (missing, copy);
  g_hash_table_add (set, copy);
}

static GHashTable *
new_missing_set (GPtrArray *missing)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; missing != NULL && i < missing->len; i++)
    g_hash_table_add (set, g_ptr_array_index (missing, i));
  return set;
}

static void
append_value (Render     *render,
              const char *value)
{
  if (!render->one_line)
    {
      g_string_append (render->out, value);
      return;
    }
  /* A subject is one line, also as an e-mail header. */
  for (const char *c = value; *c != '\0'; c++)
    g_string_append_c (render->out, *c == '\n' || *c == '\r' ? ' ' : *c);
}

static void
render_nodes (Render    *render,
              GPtrArray *nodes,
              guint      item)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);
      gboolean holds;

      switch (node->kind)
        {
        case NODE_TEXT:
          g_string_append (render->out, node->text);
          break;

        case NODE_FIELD:
          {
            const char *value = value_of (render, node->text, item);

            if (luwte_template_value_is_filled (value))
              append_value (render, value);
            else
              {
                g_string_append_printf (render->out, "[[%s]]", node->text);
                add_missing (render->missing, render->missing_set, node->text);
              }
          }
          break;

        case NODE_IF:
          if (g_str_equal (node->text, LUWTE_TEMPLATE_LIST))
            holds = luwte_template_values_get_n_berichten (render->values) > 0;
          else
            holds = luwte_template_value_is_filled (value_of (render, node->text, item));
          render_nodes (render, holds ? node->children : node->otherwise, item);
          break;

        case NODE_EACH:
          for (guint n = 0; n < luwte_template_values_get_n_berichten (render->values); n++)
            render_nodes (render, node->children, n);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static char *
render (GPtrArray           *nodes,
        LuwteTemplateValues *values,
        GPtrArray           *missing,
        gboolean             one_line)
{
  g_autoptr(GHashTable) missing_set = new_missing_set (missing);
  Render r = { values, missing, missing_set, g_string_new (NULL), one_line };

  render_nodes (&r, nodes, NO_ITEM);
  return g_string_free (r.out, FALSE);
}

/**
 * luwte_template_render_subject:
 * @values: the values of the fields
 * @missing: (nullable) (element-type utf8): fields without a value are
 *   added to it once each, as new strings; make it with g_free() as its
 *   free function
 *
 * Line breaks in values become spaces: a subject is one line.
 *
 * Returns: (transfer full): the subject as plain text, with `[[name]]`
 *   where a field has no value
 */
char *
luwte_template_render_subject (LuwteTemplate       *self,
                               LuwteTemplateValues *values,
                               GPtrArray           *missing)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  return render (self->subject, values, missing, TRUE);
}

/**
 * luwte_template_render_body:
 * @values: the values of the fields
 * @missing: (nullable) (element-type utf8): as for
 *   luwte_template_render_subject()
 *
 * Returns: (transfer full): the letter as plain text, with `[[name]]`
 *   where a field has no value
 */
char *
luwte_template_render_body (LuwteTemplate       *self,
                            LuwteTemplateValues *values,
                            GPtrArray           *missing)
{
  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  return render (self->body, values, missing, FALSE);
}

/**
 * luwte_template_missing_in_text:
 * @text: a letter as rendered, maybe edited since
 *
 * Returns: (transfer full) (element-type utf8): the names of known fields
 *   whose placeholder `[[name]]` is still in @text, each once, in order
 */
GPtrArray *
luwte_template_missing_in_text (const char *text)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  const char *p = text;

  g_return_val_if_fail (text != NULL, names);

  while ((p = strstr (p, "[[")) != NULL)
    {
      const char *start = p + 2;
      const char *end = start;
      const LuwteTemplateField *field;
      g_autofree char *name = NULL;

      while (g_ascii_isalnum (*end) || *end == '_' || *end == '.')
        end++;
      if (end == start || end[0] != ']' || end[1] != ']')
        {
          p = start - 1;
          continue;
        }
      name = g_strndup (start, end - start);
      field = luwte_template_field_lookup (name);
      if ((field != NULL && field->kind != LUWTE_TEMPLATE_FIELD_LIST) ||
          luwte_template_field_is_input_name (name))
        add_missing (names, set, name);
      p = end + 2;
    }
  return names;
}

/* Checklist */

/* @text with every run of white space as one space and none at either
 * end, so a value the editor wrapped over two lines is still found. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isspace (u))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, u);
    }
  return g_string_free (out, FALSE);
}

static gboolean
text_holds (const char *collapsed_text,
            const char *value)
{
  g_autofree char *collapsed = NULL;

  if (!luwte_template_value_is_filled (value))
    return FALSE;
  collapsed = collapse_spaces (value);
  return strstr (collapsed_text, collapsed) != NULL;
}

static gboolean
check_met (const LuwteTemplateCheck *check,
           LuwteTemplateValues      *values,
           const char               *text,
           const char               *folded_text)
{
  for (guint i = 0; i < check->items->len; i++)
    {
      LuwteTemplateCheckItem *item = g_ptr_array_index (check->items, i);
      guint n;

      switch (item->kind)
        {
        case LUWTE_TEMPLATE_CHECK_FIELD:
          if (!text_holds (text, luwte_template_values_get (values, item->text)))
            return FALSE;
          break;

        case LUWTE_TEMPLATE_CHECK_LIST:
          n = luwte_template_values_get_n_berichten (values);
          if (n == 0)
            return FALSE;
          for (guint m = 0; m < n; m++)
            if (!text_holds (text, luwte_template_values_get_bericht (values, m, "bericht.url")))
              return FALSE;
          break;

        case LUWTE_TEMPLATE_CHECK_PHRASE:
          {
            g_autofree char *folded = luwte_text_fold (item->text, NULL);
            if (!text_holds (folded_text, folded))
              return FALSE;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/**
 * luwte_template_check:
 * @values: the values the letter was made from
 * @letter_text: (nullable): the letter as it is now, subject and body,
 *   maybe edited
 *
 * Checks the checklist of data/templates/README.md: a field must be filled
 * and its value still in the text; `berichten` needs a message and each of
 * its URLs in the text; a phrase must be in the text, case and accents
 * ignored. White space counts as one space throughout.
 *
 * Returns: (transfer full) (element-type gboolean): for every check of
 *   luwte_template_get_checks(), whether it is met
 */
GArray *
luwte_template_check (LuwteTemplate       *self,
                      LuwteTemplateValues *values,
                      const char          *letter_text)
{
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *folded_text = NULL;
  GArray *met;

  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  valid = g_utf8_make_valid (letter_text != NULL ? letter_text : "", -1);
  text = collapse_spaces (valid);
  folded = luwte_text_fold (valid, NULL);
  folded_text = collapse_spaces (folded);

  met = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), self->checks->len);
  for (guint i = 0; i < self->checks->len; i++)
    {
      gboolean ok = check_met (g_ptr_array_index (self->checks, i), values, text, folded_text);
      g_array_append_val (met, ok);
    }
  return met;
}

/* Copies */

/**
 * luwte_template_copy_text:
 * @new_id: the copy's id
 * @new_title: the copy's title, one line
 *
 * Returns: (transfer full): the template's text with @new_id and
 *   @new_title in its header and everything else as it was, comments too
 */
char *
luwte_template_copy_text (LuwteTemplate *self,
                          const char    *new_id,
                          const char    *new_title)
{
  GString *out;
  gboolean id_first;
  const gsize *first, *second;
  gsize pos;

  g_return_val_if_fail (LUWTE_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (luwte_template_is_id (new_id), NULL);
  g_return_val_if_fail (new_title != NULL && strchr (new_title, '\n') == NULL, NULL);

  id_first = self->id_line[0] < self->title_line[0];
  first = id_first ? self->id_line : self->title_line;
  second = id_first ? self->title_line : self->id_line;

  out = g_string_new (NULL);
  g_string_append_len (out, self->source, first[0]);
  g_string_append_printf (out, id_first ? "id: %s" : "title: %s", id_first ? new_id : new_title);
  pos = first[1];
  g_string_append_len (out, self->source + pos, second[0] - pos);
  g_string_append_printf (out, id_first ? "title: %s" : "id: %s", id_first ? new_title : new_id);
  g_string_append (out, self->source + second[1]);
  return g_string_free (out, FALSE);
}
