/* luwte-search.c — full-text search over every case
 *
 * The index is the FTS5 table case_search, one document per case, kept
 * right by triggers (see luwte-store-schema.c). What the user types is
 * never FTS5 syntax: it is split into words, each word must match (as a
 * word or the start of one, accents and case ignored), and the query is
 * written from those words alone.
 *
 * Speed on 100,000 cases comes from three choices:
 * - a word is expanded into the words of the index that start with it
 *   ("oproep" → "oproep" OR "oproepen"), read from the vocabulary; FTS5's
 *   own prefix query would first merge the lists of every such word in
 *   full, which for a common word costs more than the whole search;
 * - the cases ranked are the newest CANDIDATES that match (all of them in
 *   any real database), so a word found in every case costs no more than
 *   a rare one;
 * - the ranking is bm25 as FTS5 computes it, with weights per column
 *   (the title highest), except that how many cases hold a word is
 *   estimated from its first matches: FTS5's bm25() counts them all, for
 *   every query, which alone takes longer than the budget of 10 ms.
 * Snippets are made for the page asked for only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-search"

#include "config.h"

#include "luwte-search.h"
#include "luwte-store-schema.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* A query longer than this many words is cut: more words only narrow
 * further what is already narrow. */
#define MAX_WORDS 12
/* ... and a word longer than this many characters. */
#define MAX_WORD_CHARS 48
/* A word is expanded into at most this many words of the index; one that
 * starts more (a letter or two) is left to FTS5 as a prefix query. */
#define MAX_EXPANSION 32
/* The newest matching cases that are ranked. */
#define CANDIDATES 1000
/* Matches counted per phrase to estimate how common it is, in all. */
#define IDF_SAMPLE 1000
#define BUSY_TIMEOUT_MS 5000
/* SQLite calls the progress handler every this many steps of its VM;
 * FTS5 does much in one step. */
#define PROGRESS_STEPS 100

/* Snippet markers: the documents never hold them (SEARCH_CLEAN). */
#define MARK_START '\x02'
#define MARK_END '\x03'

/* The bm25 weight of each column, in the order of LUWTE_SEARCH_COLUMNS. */
static const double column_weights[] = {
  2.0,   /* reference */
  5.0,   /* title */
  2.0,   /* context: summary, location, platforms */
  1.0,   /* notes */
  1.0,   /* interventions */
  1.0,   /* parties */
  1.0,   /* messages */
  1.0,   /* letters */
};

/* The search */

struct _LuwteSearch
{
  GObject        parent_instance;

  GMutex         lock;        /* one run at a time */
  sqlite3       *db;
  char          *path;
  fts5_tokenizer tokenizer_api;
  Fts5Tokenizer *tokenizer;
  sqlite3_stmt  *terms;
  sqlite3_stmt  *candidates;
  sqlite3_stmt  *filtered;
  sqlite3_stmt  *details;
  GCancellable  *cancellable; /* of the run going on */
};

/* Hits */

struct _LuwteSearchHit
{
  GObject          parent_instance;

  gint64           case_id;
  char            *reference;
  char            *title;
  LuwteCaseStatus  status;
  char            *snippet;
  GArray          *matches;   /* LuwteTextRange in snippet */
};

G_DEFINE_FINAL_TYPE (LuwteSearchHit, luwte_search_hit, G_TYPE_OBJECT)

static void
luwte_search_hit_finalize (GObject *object)
{
  LuwteSearchHit *self = (LuwteSearchHit *) object;

  g_free (self->reference);
  g_free (self->title);
  g_free (self->snippet);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (luwte_search_hit_parent_class)->finalize (object);
}

static void
luwte_search_hit_class_init (LuwteSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_search_hit_finalize;
}

static void
luwte_search_hit_init (LuwteSearchHit *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (LuwteTextRange));
}

gint64 luwte_search_hit_get_case_id (LuwteSearchHit *self) { g_return_val_if_fail (LUWTE_IS_SEARCH_HIT (self), 0); return self->case_id; }
const char *luwte_search_hit_get_reference (LuwteSearchHit *self) { g_return_val_if_fail (LUWTE_IS_SEARCH_HIT (self), NULL); return self->reference; }
const char *luwte_search_hit_get_title (LuwteSearchHit *self) { g_return_val_if_fail (LUWTE_IS_SEARCH_HIT (self), NULL); return self->title; }
LuwteCaseStatus luwte_search_hit_get_status (LuwteSearchHit *self) { g_return_val_if_fail (LUWTE_IS_SEARCH_HIT (self), 0); return self->status; }
/* Returns: a piece of the case's text around what matched, on one line */
const char *luwte_search_hit_get_snippet (LuwteSearchHit *self) { g_return_val_if_fail (LUWTE_IS_SEARCH_HIT (self), NULL); return self->snippet; }

/**
 * luwte_search_hit_get_matches:
 * @n_matches: (out): how many
 *
 * Returns: (array length=n_matches): the byte ranges of the snippet that
 *   matched a word of the query, in order, for highlighting
 */
const LuwteTextRange *
luwte_search_hit_get_matches (LuwteSearchHit *self,
                              guint          *n_matches)
{
  g_return_val_if_fail (LUWTE_IS_SEARCH_HIT (self), NULL);
  *n_matches = self->matches->len;
  return (const LuwteTextRange *) self->matches->data;
}

/* Reads FTS5's snippet: the markers become ranges, every run of white
 * space (the lines of a document) one space. */
static void
hit_set_snippet (LuwteSearchHit *self,
                 const char     *marked)
{
  g_autofree char *valid = g_utf8_make_valid (marked != NULL ? marked : "", -1);
  GString *text = g_string_new (NULL);
  LuwteTextRange range = { 0, 0 };
  gboolean in_match = FALSE;
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == MARK_START && !in_match)
        {
          if (space && text->len > 0)
            g_string_append_c (text, ' ');
          space = FALSE;
          range.start = text->len;
          in_match = TRUE;
          continue;
        }
      if (c == MARK_END && in_match)
        {
          range.end = text->len;
          if (range.end > range.start)
            g_array_append_val (self->matches, range);
          in_match = FALSE;
          continue;
        }
      if (c == MARK_START || c == MARK_END)
        continue;
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && text->len > 0)
        g_string_append_c (text, ' ');
      space = FALSE;
      g_string_append_unichar (text, c);
    }
  self->snippet = g_string_free (text, FALSE);
}

/* Ranking: bm25 as FTS5 has it, with the document frequency estimated */

typedef struct {
  int     n_phrases;
  double  avg_size;
  double *idf;
  double *freq;
} RankData;

static void
rank_data_free (gpointer data)
{
  RankData *rank = data;

  g_free (rank->idf);
  g_free (rank->freq);
  g_free (rank);
}

typedef struct {
  gint64 limit;
  gint64 count;
  gint64 first;
  gint64 last;
} PhraseCount;

static int
count_phrase_row (const Fts5ExtensionApi *api,
                  Fts5Context            *fts,
                  void                   *user_data)
{
  PhraseCount *count = user_data;
  gint64 rowid = api->xRowid (fts);

  if (count->count == 0)
    count->first = rowid;
  count->last = rowid;
  return ++count->count >= count->limit ? SQLITE_DONE : SQLITE_OK;
}

/* How many of @n_rows documents hold phrase @phrase: counted up to
 * @limit, and beyond that estimated from how far apart the first @limit
 * lie (case ids are dense: cases are seldom deleted). */
static double
estimate_documents (const Fts5ExtensionApi *api,
                    Fts5Context            *fts,
                    int                     phrase,
                    gint64                  n_rows,
                    gint64                  limit,
                    int                    *rc)
{
  PhraseCount count = { limit, 0, 0, 0 };
  double span;

  *rc = api->xQueryPhrase (fts, phrase, &count, count_phrase_row);
  if (count.count < limit)
    return (double) count.count;
  span = (double) (count.last - count.first + 1);
  return CLAMP ((double) count.count * (double) n_rows / span, (double) count.count, (double) n_rows);
}

static RankData *
rank_data_new (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               GCancellable           *cancellable,
               int                    *rc)
{
  RankData *rank = g_new0 (RankData, 1);
  sqlite3_int64 n_rows = 0;
  sqlite3_int64 total = 0;
  gint64 limit;

  rank->n_phrases = api->xPhraseCount (fts);
  rank->idf = g_new0 (double, MAX (rank->n_phrases, 1));
  rank->freq = g_new0 (double, MAX (rank->n_phrases, 1));
  limit = MAX (64, IDF_SAMPLE / MAX (rank->n_phrases, 1));

  if ((*rc = api->xRowCount (fts, &n_rows)) != SQLITE_OK ||
      (*rc = api->xColumnTotalSize (fts, -1, &total)) != SQLITE_OK)
    return rank;
  rank->avg_size = n_rows > 0 ? (double) total / (double) n_rows : 1.0;

  for (int i = 0; i < rank->n_phrases; i++)
    {
      double n;

      /* Many phrases take a while, in one step of SQLite's VM. */
      if (g_cancellable_is_cancelled (cancellable))
        {
          *rc = SQLITE_INTERRUPT;
          return rank;
        }
      n = estimate_documents (api, fts, i, n_rows, limit, rc);
      double idf = log ((n_rows - n + 0.5) / (n + 0.5));

      if (*rc != SQLITE_OK)
        return rank;
      /* As FTS5 does: a word in more than half the cases still counts. */
      rank->idf[i] = idf > 1e-6 ? idf : 1e-6;
    }
  return rank;
}

/* luwte_rank (case_search): lower is better, as FTS5's bm25(). */
static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_values,
               sqlite3_value          **values)
{
  const double k1 = 1.2;
  const double b = 0.75;
  LuwteSearch *search = api->xUserData (fts);
  RankData *rank = api->xGetAuxdata (fts, 0);
  int rc = SQLITE_OK;
  int n_inst = 0;
  int size = 0;
  double score = 0.0;
  double norm;

  if (rank == NULL)
    {
      rank = rank_data_new (api, fts, search->cancellable, &rc);
      if (rc == SQLITE_OK)
        rc = api->xSetAuxdata (fts, rank, rank_data_free);
      else
        rank_data_free (rank);
      if (rc != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
    }

  memset (rank->freq, 0, sizeof (double) * rank->n_phrases);
  if ((rc = api->xInstCount (fts, &n_inst)) != SQLITE_OK ||
      (rc = api->xColumnSize (fts, -1, &size)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset;

      if ((rc = api->xInst (fts, i, &phrase, &column, &offset)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      if (phrase >= 0 && phrase < rank->n_phrases)
        rank->freq[phrase] += column >= 0 && column < (int) G_N_ELEMENTS (column_weights) ? column_weights[column] : 1.0;
    }

  norm = k1 * (1 - b + b * (double) size / rank->avg_size);
  for (int i = 0; i < rank->n_phrases; i++)
    score += rank->idf[i] * rank->freq[i] * (k1 + 1) / (rank->freq[i] + norm);
  sqlite3_result_double (context, -score);
}

G_DEFINE_FINAL_TYPE (LuwteSearch, luwte_search, G_TYPE_OBJECT)

static void
luwte_search_finalize (GObject *object)
{
  LuwteSearch *self = (LuwteSearch *) object;

  sqlite3_finalize (self->terms);
  sqlite3_finalize (self->candidates);
  sqlite3_finalize (self->filtered);
  sqlite3_finalize (self->details);
  if (self->tokenizer != NULL)
    self->tokenizer_api.xDelete (self->tokenizer);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (luwte_search_parent_class)->finalize (object);
}

static void
luwte_search_class_init (LuwteSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_search_finalize;
}

static void
luwte_search_init (LuwteSearch *self)
{
  g_mutex_init (&self->lock);
}

static gboolean
fail (LuwteSearch  *self,
      int           rc,
      GError      **error)
{
  return luwte_sqlite_set_error (self->db, self->path, rc, error);
}

static gboolean
prepare (LuwteSearch   *self,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);

  if (rc != SQLITE_OK)
    return fail (self, rc, error);
  return TRUE;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/* The statements, prepared once. Filters are SQL: a NULL parameter does
 * not narrow. The candidates come newest first, which FTS5 gives without
 * sorting, and the rank is computed for those rows only; without a
 * filter, the cases table is not read at all. */
#define SQL_TERMS "SELECT term FROM case_search_terms WHERE term >= ?1 LIMIT 1"
#define SQL_CANDIDATES \
  "SELECT rowid, luwte_rank (case_search) FROM case_search WHERE case_search MATCH ?1" \
  " ORDER BY rowid DESC LIMIT ?2"
#define SQL_CANDIDATES_FILTERED \
  "SELECT case_search.rowid, luwte_rank (case_search)" \
  " FROM case_search CROSS JOIN cases AS c ON c.id = case_search.rowid" \
  " WHERE case_search MATCH ?1" \
  "   AND (?3 IS NULL OR c.status = ?3)" \
  "   AND (?4 IS NULL OR c.opened_jd >= julianday (?4))" \
  "   AND (?5 IS NULL OR c.opened_jd < julianday (?5))" \
  "   AND (?6 IS NULL OR EXISTS (SELECT 1 FROM case_interventions AS i WHERE i.case_id = c.id AND i.card_id = ?6))" \
  "   AND (?7 IS NULL OR EXISTS (SELECT 1 FROM parties AS p WHERE p.case_id = c.id AND p.role = ?7))" \
  "   AND (?8 IS NULL" \
  "        OR EXISTS (SELECT 1 FROM case_platforms AS f WHERE f.case_id = c.id AND f.platform = ?8 COLLATE NOCASE)" \
  "        OR EXISTS (SELECT 1 FROM evidence AS e WHERE e.case_id = c.id AND e.platform = ?8 COLLATE NOCASE))" \
  " ORDER BY case_search.rowid DESC LIMIT ?2"
/* The page's cases in one pass over the matches between the first and
 * the last of them: FTS5 then opens its lists once, not once a case,
 * and makes a snippet for the page only (the + keeps the IN a filter). */
#define SQL_DETAILS \
  "SELECT case_search.rowid, c.reference, c.title, c.status," \
  "   snippet (case_search, -1, char (2), char (3), '…', 16)" \
  " FROM case_search CROSS JOIN cases AS c ON c.id = case_search.rowid" \
  " WHERE case_search MATCH ?1 AND case_search.rowid BETWEEN ?2 AND ?3" \
  "   AND +case_search.rowid IN (SELECT value FROM json_each (?4))"

/**
 * luwte_search_new:
 * @store: an open store: it has brought the database up to date
 *
 * Opens a read-only connection to @store's file; the search does not
 * hold on to @store and may be used from any thread (see the header).
 *
 * Returns: (transfer full): the search, or %NULL with @error set
 */
LuwteSearch *
luwte_search_new (LuwteStore  *store,
                  GError     **error)
{
  g_autoptr(LuwteSearch) self = g_object_new (LUWTE_TYPE_SEARCH, NULL);
  const char *tokenizer_args[] = { "remove_diacritics", "2" };
  void *tokenizer_data = NULL;
  fts5_api *api;
  int rc;

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);

  self->path = g_strdup (luwte_store_get_path (store));
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      fail (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* A search reads pages all over the file: keep more of them than the
   * 2 MiB SQLite keeps by default. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -16384", NULL, NULL, NULL);

  api = get_fts5_api (self->db);
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                   _("The SQLite library on this system was built without full-text search (FTS5), which Luwte needs to search cases. Install an SQLite with FTS5 (Debian’s libsqlite3-0 has it)."));
      return NULL;
    }
  /* The function lives as long as the connection, and so does self. */
  rc = api->xCreateFunction (api, "luwte_rank", self, rank_function, NULL);
  if (rc == SQLITE_OK)
    rc = api->xFindTokenizer (api, "unicode61", &tokenizer_data, &self->tokenizer_api);
  if (rc == SQLITE_OK)
    rc = self->tokenizer_api.xCreate (tokenizer_data, tokenizer_args, G_N_ELEMENTS (tokenizer_args), &self->tokenizer);
  if (rc != SQLITE_OK)
    {
      fail (self, rc, error);
      return NULL;
    }

  if (!prepare (self, SQL_TERMS, &self->terms, error) ||
      !prepare (self, SQL_CANDIDATES, &self->candidates, error) ||
      !prepare (self, SQL_CANDIDATES_FILTERED, &self->filtered, error) ||
      !prepare (self, SQL_DETAILS, &self->details, error))
    return NULL;

  return g_steal_pointer (&self);
}

static int
on_progress (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* The search stopped on @rc: cancelled, or an error in words. */
static gboolean
fail_run (LuwteSearch   *self,
          int            rc,
          GCancellable  *cancellable,
          GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return fail (self, rc, error);
}

static int
collect_token (void       *user_data,
               int         flags,
               const char *token,
               int         length,
               int         start,
               int         end)
{
  GPtrArray *tokens = user_data;

  if ((flags & FTS5_TOKEN_COLOCATED) == 0)
    g_ptr_array_add (tokens, g_strndup (token, length));
  return SQLITE_OK;
}

/* A term of the query: in double quotes, which FTS5 reads as text only. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The words of the index that start with @token, in order, up to
 * MAX_EXPANSION + 1 (one more says there are too many). The step after a
 * word is that word and U+0001, which sorts after it and before any word
 * it starts, as no word holds a control character. */
static GPtrArray *
expand (LuwteSearch   *self,
        const char    *token,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = g_strdup (token);

  while (terms->len <= MAX_EXPANSION)
    {
      const char *term;
      int rc;

      /* Each step is too short for the progress handler to see. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      sqlite3_reset (self->terms);
      sqlite3_bind_text (self->terms, 1, from, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (self->terms);
      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_ROW)
        {
          fail_run (self, rc, cancellable, error);
          sqlite3_reset (self->terms);
          return NULL;
        }
      term = (const char *) sqlite3_column_text (self->terms, 0);
      if (term == NULL || !g_str_has_prefix (term, token))
        break;
      g_ptr_array_add (terms, g_strdup (term));
      g_free (from);
      from = g_strconcat (term, "\x01", NULL);
    }
  sqlite3_reset (self->terms);
  return g_steal_pointer (&terms);
}

/* Writes the FTS5 query for @query into @match: every word must match,
 * as itself or as the start of a longer word. Leaves @match empty when
 * nothing can match: no words, or a word that starts no word at all. */
static gboolean
build_match (LuwteSearch   *self,
             const char    *query,
             GString       *match,
             GCancellable  *cancellable,
             GError       **error)
{
  g_auto(GStrv) words = luwte_text_split_words (query);
  guint n_words = 0;

  for (guint w = 0; words[w] != NULL && n_words < MAX_WORDS; w++)
    {
      g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *word = g_utf8_substring (words[w], 0, MIN (g_utf8_strlen (words[w], -1), MAX_WORD_CHARS));
      int rc;

      /* FTS5's own tokenizer says what the index holds for this word. */
      rc = self->tokenizer_api.xTokenize (self->tokenizer, tokens, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                                          word, (int) strlen (word), collect_token);
      if (rc != SQLITE_OK)
        return fail_run (self, rc, cancellable, error);
      if (tokens->len == 0)
        continue;

      if (n_words++ > 0)
        g_string_append (match, " AND ");

      if (tokens->len == 1)
        {
          g_autoptr(GPtrArray) terms = expand (self, g_ptr_array_index (tokens, 0), cancellable, error);

          if (terms == NULL)
            return FALSE;
          if (terms->len == 0)
            {
              g_string_truncate (match, 0);
              return TRUE;
            }
          if (terms->len <= MAX_EXPANSION)
            {
              g_string_append_c (match, '(');
              for (guint t = 0; t < terms->len; t++)
                {
                  if (t > 0)
                    g_string_append (match, " OR ");
                  append_quoted (match, g_ptr_array_index (terms, t));
                }
              g_string_append_c (match, ')');
              continue;
            }
        }

      /* Too many words start with it, or it is more than one token: a
       * phrase whose last token may be the start of a word. */
      g_ptr_array_add (tokens, NULL);
      {
        g_autofree char *phrase = g_strjoinv (" ", (char **) tokens->pdata);

        append_quoted (match, phrase);
        g_string_append_c (match, '*');
      }
    }
  return TRUE;
}

typedef struct {
  gint64 id;
  double score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  /* The newer case first. */
  return (x->id < y->id) - (x->id > y->id);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           column,
           GDateTime    *time)
{
  if (time != NULL)
    {
      g_autofree char *text = g_date_time_format (time, "%FT%T%:z");
      sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
    }
}

static GArray *
find_candidates (LuwteSearch              *self,
                 const char               *match,
                 const LuwteSearchFilter  *filter,
                 GCancellable             *cancellable,
                 GError                  **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  gboolean filtered = filter != NULL &&
    (filter->status != NULL || filter->opened_from != NULL || filter->opened_before != NULL ||
     filter->card_id != NULL || filter->role != NULL || filter->platform != NULL);
  sqlite3_stmt *stmt = filtered ? self->filtered : self->candidates;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, CANDIDATES);
  if (filtered)
    {
      if (filter->status != NULL)
        sqlite3_bind_text (stmt, 3, luwte_case_status_to_string (*filter->status), -1, SQLITE_STATIC);
      bind_time (stmt, 4, filter->opened_from);
      bind_time (stmt, 5, filter->opened_before);
      if (filter->card_id != NULL)
        sqlite3_bind_text (stmt, 6, filter->card_id, -1, SQLITE_TRANSIENT);
      if (filter->role != NULL)
        sqlite3_bind_text (stmt, 7, luwte_role_to_string (*filter->role), -1, SQLITE_STATIC);
      if (filter->platform != NULL)
        sqlite3_bind_text (stmt, 8, filter->platform, -1, SQLITE_TRANSIENT);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };
      g_array_append_val (found, candidate);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fail_run (self, rc, cancellable, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* The reference, title, status and snippet of the cases @page[] (ids),
 * in that order; a case gone since is left out. */
static GPtrArray *
read_hits (LuwteSearch   *self,
           const char    *match,
           const gint64  *page,
           guint          n_page,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GString) ids = g_string_new ("[");
  GPtrArray *hits;
  sqlite3_stmt *stmt = self->details;
  gint64 first = G_MAXINT64;
  gint64 last = G_MININT64;
  int rc;

  for (guint i = 0; i < n_page; i++)
    {
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", page[i]);
      first = MIN (first, page[i]);
      last = MAX (last, page[i]);
    }
  g_string_append_c (ids, ']');

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);
  sqlite3_bind_text (stmt, 4, ids->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LuwteSearchHit *hit = g_object_new (LUWTE_TYPE_SEARCH_HIT, NULL);

      hit->case_id = sqlite3_column_int64 (stmt, 0);
      hit->reference = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      luwte_case_status_parse ((const char *) sqlite3_column_text (stmt, 3), &hit->status);
      hit_set_snippet (hit, (const char *) sqlite3_column_text (stmt, 4));
      g_hash_table_insert (found, &hit->case_id, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fail_run (self, rc, cancellable, error);
      return NULL;
    }

  hits = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_page; i++)
    {
      LuwteSearchHit *hit = g_hash_table_lookup (found, &page[i]);

      if (hit != NULL)
        g_ptr_array_add (hits, g_object_ref (hit));
    }
  return hits;
}

static GPtrArray *
run_locked (LuwteSearch              *self,
            const char               *query,
            const LuwteSearchFilter  *filter,
            guint                     offset,
            guint                     limit,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GArray) candidates = NULL;
  gboolean ok = TRUE;

  if (!build_match (self, query, match, cancellable, error))
    ok = FALSE;
  else if (match->len > 0)
    {
      candidates = find_candidates (self, match->str, filter, cancellable, error);
      ok = candidates != NULL;
    }

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && candidates != NULL && offset < candidates->len)
    {
      g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_sort (candidates, compare_candidates);
      for (guint i = offset; i < candidates->len && i - offset < limit; i++)
        g_array_append_val (page, g_array_index (candidates, Candidate, i).id);
      if (page->len > 0)
        {
          hits = read_hits (self, match->str, (const gint64 *) page->data, page->len, cancellable, error);
          ok = hits != NULL;
        }
    }

  if (!ok)
    return NULL;
  return hits != NULL ? g_steal_pointer (&hits) : g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * luwte_search_run:
 * @query: what the user typed; anything at all
 * @filter: (nullable): what to narrow the search to
 * @offset: hits to skip, best first
 * @limit: hits at most
 * @cancellable: (nullable): stops the search, from any thread
 *
 * Finds the cases that hold every word of @query, each as a word or the
 * start of one, in any of their fields, ignoring accents and case. A
 * query without words (empty, or only punctuation) finds nothing; no
 * query is an error. The best come first; when more than 1,000 cases
 * match, the best of the newest 1,000.
 *
 * Returns: (transfer container) (element-type LuwteSearchHit): the hits,
 *   or %NULL with @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
GPtrArray *
luwte_search_run (LuwteSearch              *self,
                  const char               *query,
                  const LuwteSearchFilter  *filter,
                  guint                     offset,
                  guint                     limit,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  GPtrArray *hits;
  int rc;

  g_return_val_if_fail (LUWTE_IS_SEARCH (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!g_utf8_validate (query, -1, NULL))
    {
      /* Text from outside: read what is valid of it. */
      g_autofree char *valid = g_utf8_make_valid (query, -1);
      return luwte_search_run (self, valid, filter, offset, limit, cancellable, error);
    }

  g_mutex_lock (&self->lock);
  /* One snapshot of the database for the whole run. */
  rc = sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      fail (self, rc, error);
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  self->cancellable = cancellable;
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, PROGRESS_STEPS, on_progress, cancellable);
  hits = run_locked (self, query, filter, offset, limit, cancellable, error);
  self->cancellable = NULL;
  /* Ended with the handler gone, so a cancelled run still ends its read
   * transaction. */
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_mutex_unlock (&self->lock);
  return hits;
}

/* Pausing the index for a bulk insert */

struct _LuwteSearchPause
{
  GStrv  triggers;   /* their SQL, to create them again */
  gint64 last_id;    /* the last case before the pause */
};

void
luwte_search_pause_free (LuwteSearchPause *pause)
{
  if (pause == NULL)
    return;
  g_strfreev (pause->triggers);
  g_free (pause);
}

static gboolean
exec (LuwteStore  *store,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (luwte_store_get_db (store), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return luwte_store_set_error (store, rc, error);
  return TRUE;
}

/**
 * luwte_search_pause_index:
 *
 * Inside a transaction of @store: drops the triggers that index cases,
 * keeping their SQL. The transaction makes this invisible to anyone
 * else, and a rollback undoes it.
 *
 * Returns: (transfer full): what luwte_search_resume_index() needs
 */
LuwteSearchPause *
luwte_search_pause_index (LuwteStore  *store,
                          GError     **error)
{
  g_autoptr(LuwteSearchPause) pause = g_new0 (LuwteSearchPause, 1);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = luwte_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (db), NULL);

  rc = sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_search_*'"
                           " UNION ALL SELECT NULL, coalesce (max (id), 0) FROM cases", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
          pause->last_id = sqlite3_column_int64 (stmt, 1);
        else
          {
            g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
            g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
          }
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      char *drop = sqlite3_mprintf ("DROP TRIGGER \"%w\"", (const char *) g_ptr_array_index (names, i));
      gboolean ok = exec (store, drop, error);

      sqlite3_free (drop);
      if (!ok)
        return NULL;
    }
  g_ptr_array_add (triggers, NULL);
  pause->triggers = (GStrv) g_ptr_array_free (g_steal_pointer (&triggers), FALSE);
  return g_steal_pointer (&pause);
}

/**
 * luwte_search_resume_index:
 * @pause: from luwte_search_pause_index() in this transaction
 *
 * Creates the triggers again and indexes the cases added since the pause.
 */
gboolean
luwte_search_resume_index (LuwteStore        *store,
                           LuwteSearchPause  *pause,
                           GError           **error)
{
  g_autofree char *reindex = NULL;

  for (guint i = 0; pause->triggers[i] != NULL; i++)
    if (!exec (store, pause->triggers[i], error))
      return FALSE;

  reindex = g_strdup_printf ("DELETE FROM case_search WHERE rowid > %" G_GINT64_FORMAT ";"
                             "INSERT INTO case_search (rowid, " LUWTE_SEARCH_COLUMNS ")"
                             " SELECT id, " LUWTE_SEARCH_COLUMNS " FROM case_search_source WHERE id > %" G_GINT64_FORMAT ";"
                             /* One segment searches several times faster
                              * than the many of a bulk insert. */
                             "INSERT INTO case_search (case_search) VALUES ('optimize')",
                             pause->last_id, pause->last_id);
  return exec (store, reindex, error);
}
