/* luwte-timeline.h — one chronological view of a case, and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-card.h"
#include "luwte-template-library.h"
#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

typedef enum {
  LUWTE_TIMELINE_STATUS,
  LUWTE_TIMELINE_NOTE,
  LUWTE_TIMELINE_INTERVENTION,
  LUWTE_TIMELINE_INTERVENTION_DONE,
  LUWTE_TIMELINE_MESSAGE,
  LUWTE_TIMELINE_LETTER_FINAL,
  LUWTE_TIMELINE_LETTER_SENT,
  LUWTE_TIMELINE_TAKEDOWN,
  LUWTE_TIMELINE_ACTION_DONE,
} LuwteTimelineKind;

typedef struct {
  char              *at;
  LuwteTimelineKind  kind;
  char              *text;
} LuwteTimelineEntry;

/* One step of a case's status history */
typedef struct {
  char *at;
  char *from;   /* the status it left; NULL where the case started */
  char *to;
} LuwteStatusChange;

typedef struct {
  char *at;
  char *os_user;
  char *action;
  char *detail;
} LuwteHistoryEntry;

GPtrArray *luwte_store_list_timeline (LuwteStore            *store,
                                      LuwteCase             *kase,
                                      LuwteCard             *card,
                                      LuwteTemplateLibrary **library,
                                      LuwteLanguage          language,
                                      GError               **error);
GPtrArray *luwte_store_list_history  (LuwteStore     *store,
                                      LuwteCase      *kase,
                                      GError        **error);
GPtrArray *luwte_store_list_status_changes (LuwteStore  *store,
                                            LuwteCase   *kase,
                                            GError     **error);

G_END_DECLS
