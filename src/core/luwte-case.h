/* luwte-case.h — a case: one online-incited disturbance and its handling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-store.h"

G_BEGIN_DECLS

typedef enum {
  LUWTE_CASE_STATUS_SIGNAL,
  LUWTE_CASE_STATUS_ACTIVE,
  LUWTE_CASE_STATUS_MONITORING,
  LUWTE_CASE_STATUS_CLOSED,
} LuwteCaseStatus;

const char *luwte_case_status_to_string (LuwteCaseStatus  status);
gboolean    luwte_case_status_parse     (const char      *text,
                                         LuwteCaseStatus *status);
const char *luwte_case_status_label     (LuwteCaseStatus  status);

#define LUWTE_TYPE_CASE (luwte_case_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCase, luwte_case, LUWTE, CASE, GObject)

gint64           luwte_case_get_id         (LuwteCase *self);
const char      *luwte_case_get_reference  (LuwteCase *self);
const char      *luwte_case_get_title      (LuwteCase *self);
LuwteCaseStatus  luwte_case_get_status     (LuwteCase *self);
const char      *luwte_case_get_opened_at  (LuwteCase *self);
const char      *luwte_case_get_closed_at  (LuwteCase *self);
const char      *luwte_case_get_location   (LuwteCase *self);
const char      *luwte_case_get_event_at   (LuwteCase *self);
const char      *luwte_case_get_summary    (LuwteCase *self);
const char * const *luwte_case_get_platforms (LuwteCase *self);
const char      *luwte_case_get_lessons    (LuwteCase *self);

/* What an edit changes; NULL fields stay as they are. An empty event_at
 * clears the time of the gathering. */
typedef struct {
  const char         *title;
  const char         *location;
  const char         *event_at;
  const char         *summary;
  const char * const *platforms;
} LuwteCaseEdit;

/* The orders the case list offers */
typedef enum {
  LUWTE_CASE_SORT_NEWEST,
  LUWTE_CASE_SORT_OLDEST,
  LUWTE_CASE_SORT_TITLE,
  LUWTE_CASE_SORT_GATHERING,
} LuwteCaseSort;

const char *luwte_case_sort_label (LuwteCaseSort sort);

/* Stored cases */
char      *luwte_store_next_reference (LuwteStore      *store,
                                       const char      *prefix,
                                       int              year,
                                       gint64          *number,
                                       GError         **error);
gboolean   luwte_store_update_case    (LuwteStore      *store,
                                       LuwteCase       *kase,
                                       const LuwteCaseEdit *edit,
                                       GError         **error);
LuwteCase *luwte_store_create_case    (LuwteStore      *store,
                                       const char      *title,
                                       GError         **error);
LuwteCase *luwte_store_get_case       (LuwteStore      *store,
                                       const char      *reference,
                                       GError         **error);
GPtrArray *luwte_store_list_cases     (LuwteStore      *store,
                                       const LuwteCaseStatus *status,
                                       guint            offset,
                                       guint            limit,
                                       GError         **error);
GPtrArray *luwte_store_list_cases_sorted (LuwteStore     *store,
                                          const LuwteCaseStatus *status,
                                          LuwteCaseSort   sort,
                                          guint           offset,
                                          guint           limit,
                                          GError        **error);
GPtrArray *luwte_store_list_cases_near  (LuwteStore     *store,
                                          const LuwteCaseStatus *status,
                                          LuwteCaseSort   sort,
                                          LuwteCase      *anchor,
                                          gboolean        backwards,
                                          guint           skip,
                                          guint           limit,
                                          GError        **error);
gint64     luwte_store_get_case_position_sorted (LuwteStore   *store,
                                                 const LuwteCaseStatus *status,
                                                 LuwteCaseSort sort,
                                                 LuwteCase    *kase,
                                                 GError      **error);
gint64     luwte_store_get_case_position (LuwteStore   *store,
                                       const LuwteCaseStatus *status,
                                       LuwteCase       *kase,
                                       GError         **error);
gboolean   luwte_store_ever_held_a_case (LuwteStore    *store);
gint64     luwte_store_count_cases    (LuwteStore      *store,
                                       const LuwteCaseStatus *status,
                                       GError         **error);
gboolean   luwte_store_set_case_status (LuwteStore     *store,
                                       LuwteCase       *kase,
                                       LuwteCaseStatus  status,
                                       GError         **error);
char      *luwte_store_get_setting    (LuwteStore      *store,
                                       const char      *key,
                                       const char      *fallback);
gboolean   luwte_store_set_setting    (LuwteStore      *store,
                                       const char      *key,
                                       const char      *value,
                                       GError         **error);

/* Audit */
gboolean   luwte_store_audit          (LuwteStore      *store,
                                       const char      *case_ref,
                                       const char      *action,
                                       const char      *detail,
                                       GError         **error);
char      *luwte_now_iso8601          (void);

G_END_DECLS
