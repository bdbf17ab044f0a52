/* luwte-case-list.c — the stored cases as a lazy GListModel
 *
 * Only the count is known up front; rows are read from SQLite a page at a
 * time when a view asks for them, and only a few pages are kept, so a list
 * of 100,000 cases costs what the screen shows. Filtering is done in SQL.
 * A page is read from the kept page nearest to it by its edge row's sort
 * key (keyset paging), so scrolling costs the same at the bottom of the
 * list as at its top; OFFSET would step over every row above.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-case-list"

#include "config.h"

#include "luwte-case-list.h"

#define PAGE_SIZE   64
#define MAX_PAGES   8

typedef struct {
  guint      first;     /* position of the page's first row */
  GPtrArray *cases;     /* LuwteCase */
} Page;

struct _LuwteCaseList
{
  GObject          parent_instance;

  LuwteStore      *store;
  gboolean         has_status;
  LuwteCaseStatus  status;
  LuwteCaseSort    sort;
  guint            n_items;
  GQueue           pages;   /* Page *, most recently used first */
  GError          *error;   /* the last read that failed, for the UI */
};

static void luwte_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LuwteCaseList, luwte_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, luwte_case_list_model_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->cases);
  g_free (page);
}

static void
drop_pages (LuwteCaseList *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static guint
count (LuwteCaseList *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = luwte_store_count_cases (self->store, self->has_status ? &self->status : NULL, &error);

  if (n < 0)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      return 0;
    }
  return (guint) n;
}

static GType
luwte_case_list_get_item_type (GListModel *model)
{
  return LUWTE_TYPE_CASE;
}

static guint
luwte_case_list_get_n_items (GListModel *model)
{
  return LUWTE_CASE_LIST (model)->n_items;
}

/* The cheapest way to the page at @first: from the top or the bottom of
 * the list, or from the edge of a kept page, whichever passes over the
 * fewest rows. */
static GPtrArray *
read_page (LuwteCaseList  *self,
           guint           first,
           GError        **error)
{
  const LuwteCaseStatus *status = self->has_status ? &self->status : NULL;
  guint limit = MIN (PAGE_SIZE, self->n_items - first);
  LuwteCase *anchor = NULL;
  gboolean backwards = FALSE;
  guint skip = first;
  GPtrArray *cases;

  if (self->n_items - first - limit < skip)
    {
      backwards = TRUE;
      skip = self->n_items - first - limit;
    }
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;
      guint end = page->first + page->cases->len;

      if (page->cases->len == 0)
        continue;
      if (end <= first && first - end < skip)
        {
          anchor = g_ptr_array_index (page->cases, page->cases->len - 1);
          backwards = FALSE;
          skip = first - end;
        }
      else if (page->first >= first + limit && page->first - (first + limit) < skip)
        {
          anchor = g_ptr_array_index (page->cases, 0);
          backwards = TRUE;
          skip = page->first - (first + limit);
        }
    }

  cases = luwte_store_list_cases_near (self->store, status, self->sort, anchor, backwards, skip, limit, error);
  /* Short of rows, the database changed since the count, or the kept
   * pages are out of date: what OFFSET finds is the truth then. */
  if (cases != NULL && cases->len != limit && (anchor != NULL || backwards))
    {
      g_ptr_array_unref (cases);
      cases = luwte_store_list_cases_sorted (self->store, status, self->sort, first, PAGE_SIZE, error);
    }
  return cases;
}

static gpointer
luwte_case_list_get_item (GListModel *model,
                          guint       position)
{
  LuwteCaseList *self = LUWTE_CASE_LIST (model);
  g_autoptr(GError) error = NULL;
  Page *page;
  guint first;

  if (position >= self->n_items)
    return NULL;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (position >= page->first && position < page->first + page->cases->len)
        {
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return g_object_ref (g_ptr_array_index (page->cases, position - page->first));
        }
    }

  first = position - position % PAGE_SIZE;
  page = g_new0 (Page, 1);
  page->first = first;
  page->cases = read_page (self, first, &error);
  if (page->cases == NULL || position - first >= page->cases->len)
    {
      /* The database changed under us or failed: keep the error for the
       * window to show, and give the view nothing rather than a lie. */
      if (error != NULL)
        {
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
        }
      if (page->cases != NULL)
        g_ptr_array_unref (page->cases);
      g_free (page);
      return NULL;
    }

  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return g_object_ref (g_ptr_array_index (page->cases, position - first));
}

static void
luwte_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = luwte_case_list_get_item_type;
  iface->get_n_items = luwte_case_list_get_n_items;
  iface->get_item = luwte_case_list_get_item;
}

static void
luwte_case_list_finalize (GObject *object)
{
  LuwteCaseList *self = (LuwteCaseList *) object;

  drop_pages (self);
  g_clear_object (&self->store);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (luwte_case_list_parent_class)->finalize (object);
}

static void
luwte_case_list_class_init (LuwteCaseListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_case_list_finalize;
}

static void
luwte_case_list_init (LuwteCaseList *self)
{
  g_queue_init (&self->pages);
}

LuwteCaseList *
luwte_case_list_new (LuwteStore *store)
{
  LuwteCaseList *self;

  g_return_val_if_fail (LUWTE_IS_STORE (store), NULL);

  self = g_object_new (LUWTE_TYPE_CASE_LIST, NULL);
  self->store = g_object_ref (store);
  self->n_items = count (self);
  return self;
}

/* Rereads everything: for changes that may move rows anywhere. */
void
luwte_case_list_reload (LuwteCaseList *self)
{
  guint removed;

  g_return_if_fail (LUWTE_IS_CASE_LIST (self));

  removed = self->n_items;
  drop_pages (self);
  self->n_items = count (self);
  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

/**
 * luwte_case_list_set_status:
 * @status: (nullable): show only cases with this status, or all
 */
void
luwte_case_list_set_status (LuwteCaseList         *self,
                            const LuwteCaseStatus *status)
{
  g_return_if_fail (LUWTE_IS_CASE_LIST (self));

  if ((status == NULL && !self->has_status) ||
      (status != NULL && self->has_status && *status == self->status))
    return;
  self->has_status = status != NULL;
  if (status != NULL)
    self->status = *status;
  luwte_case_list_reload (self);
}

/**
 * luwte_case_list_set_sort:
 * @sort: the order of the list; SQL does the sorting, page by page
 */
void
luwte_case_list_set_sort (LuwteCaseList *self,
                          LuwteCaseSort  sort)
{
  g_return_if_fail (LUWTE_IS_CASE_LIST (self));

  if (sort == self->sort)
    return;
  self->sort = sort;
  luwte_case_list_reload (self);
}

LuwteCaseSort
luwte_case_list_get_sort (LuwteCaseList *self)
{
  g_return_val_if_fail (LUWTE_IS_CASE_LIST (self), LUWTE_CASE_SORT_NEWEST);
  return self->sort;
}

/**
 * luwte_case_list_case_added:
 * @kase: the case just stored
 *
 * Inserts one row where @kase belongs, the smallest change.
 *
 * Returns: its position, or %GTK_INVALID_LIST_POSITION (G_MAXUINT) when
 *   the filter does not show it
 */
guint
luwte_case_list_case_added (LuwteCaseList *self,
                            LuwteCase     *kase)
{
  gint64 position;
  guint n;

  g_return_val_if_fail (LUWTE_IS_CASE_LIST (self), G_MAXUINT);

  n = count (self);
  drop_pages (self);
  position = luwte_store_get_case_position_sorted (self->store, self->has_status ? &self->status : NULL,
                                                   self->sort, kase, NULL);
  if (n == self->n_items + 1 && position >= 0 && position < n)
    {
      self->n_items = n;
      g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 0, 1);
    }
  else if (n != self->n_items)
    luwte_case_list_reload (self);
  return position >= 0 ? (guint) position : G_MAXUINT;
}

/* How many cases are in memory; for tests and benchmarks. */
guint
luwte_case_list_get_n_cached (LuwteCaseList *self)
{
  guint n = 0;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    n += ((Page *) l->data)->cases->len;
  return n;
}

/* Returns: (nullable) (transfer none): why the last read failed */
GError *
luwte_case_list_get_error (LuwteCaseList *self)
{
  return self->error;
}
