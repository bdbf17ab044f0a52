/* luwte-search.h — full-text search over every case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-party.h"
#include "luwte-store.h"
#include "luwte-text.h"

G_BEGIN_DECLS

/* What a search is narrowed to; NULL or an unset field does not narrow. */
typedef struct {
  const LuwteCaseStatus *status;
  GDateTime             *opened_from;     /* opened at or after */
  GDateTime             *opened_before;   /* opened before */
  const char            *card_id;         /* an intervention of the card chosen in the case */
  const LuwteRole       *role;            /* a party in this role */
  const char            *platform;        /* a platform of the case or of one of its messages, any case */
} LuwteSearchFilter;

#define LUWTE_TYPE_SEARCH_HIT (luwte_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (LuwteSearchHit, luwte_search_hit, LUWTE, SEARCH_HIT, GObject)

gint64                luwte_search_hit_get_case_id   (LuwteSearchHit *self);
const char           *luwte_search_hit_get_reference (LuwteSearchHit *self);
const char           *luwte_search_hit_get_title     (LuwteSearchHit *self);
LuwteCaseStatus       luwte_search_hit_get_status    (LuwteSearchHit *self);
const char           *luwte_search_hit_get_snippet   (LuwteSearchHit *self);
const LuwteTextRange *luwte_search_hit_get_matches   (LuwteSearchHit *self,
                                                      guint          *n_matches);

/*
 * A LuwteSearch reads the case database through a read-only SQLite
 * connection of its own, so it can search in a worker thread while the
 * main thread writes through the LuwteStore (WAL lets both work at once;
 * a search sees what was committed when it started).
 *
 * How the UI searches while the user types:
 *
 *   - make one LuwteSearch for the open store, on the main thread
 *     (luwte_search_new()), and keep it;
 *   - on every change of the query, cancel the GCancellable of the search
 *     before, make a new one, and run luwte_search_run() in a GTask
 *     (g_task_run_in_thread()) with it; hand the hits to the main thread
 *     in the task's callback, and drop results whose cancellable was
 *     cancelled (G_IO_ERROR_CANCELLED);
 *   - runs on one LuwteSearch take turns: a cancelled run stops within
 *     a few milliseconds, then the next one starts. A search of a page of
 *     50 takes a few milliseconds on 100,000 cases, so there is no need
 *     to wait for the user to stop typing.
 *
 * The hits of a run are the cases as they were at that moment: a case
 * deleted since is simply not found when opened by its reference.
 */
#define LUWTE_TYPE_SEARCH (luwte_search_get_type ())
G_DECLARE_FINAL_TYPE (LuwteSearch, luwte_search, LUWTE, SEARCH, GObject)

LuwteSearch *luwte_search_new (LuwteStore               *store,
                               GError                  **error);
GPtrArray   *luwte_search_run (LuwteSearch              *self,
                               const char               *query,
                               const LuwteSearchFilter  *filter,
                               guint                     offset,
                               guint                     limit,
                               GCancellable             *cancellable,
                               GError                  **error);

/* For adding many new cases in one transaction of @store (the demo):
 * indexing them one row at a time is ten times slower than all at once.
 * Pause inside the transaction, add the cases, resume before the commit;
 * the cases added in between are then indexed in one go. Changes to
 * cases that were there before the pause are not indexed: do not make
 * any. */
typedef struct _LuwteSearchPause LuwteSearchPause;

LuwteSearchPause *luwte_search_pause_index  (LuwteStore        *store,
                                             GError           **error);
gboolean          luwte_search_resume_index (LuwteStore        *store,
                                             LuwteSearchPause  *pause,
                                             GError           **error);
void              luwte_search_pause_free   (LuwteSearchPause  *pause);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuwteSearchPause, luwte_search_pause_free)

G_END_DECLS
