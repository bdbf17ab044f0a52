/* luwte-evidence.h — the online messages of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

typedef enum {
  LUWTE_TAKEDOWN_NOT_REQUESTED,
  LUWTE_TAKEDOWN_REQUESTED,
  LUWTE_TAKEDOWN_ACKNOWLEDGED,
  LUWTE_TAKEDOWN_REMOVED,
  LUWTE_TAKEDOWN_REFUSED,
  LUWTE_TAKEDOWN_NO_ANSWER,
} LuwteTakedown;

const char *luwte_takedown_to_string (LuwteTakedown  state);
gboolean    luwte_takedown_parse     (const char    *text,
                                      LuwteTakedown *state);
const char *luwte_takedown_label     (LuwteTakedown  state);

#define LUWTE_TYPE_EVIDENCE (luwte_evidence_get_type ())
G_DECLARE_FINAL_TYPE (LuwteEvidence, luwte_evidence, LUWTE, EVIDENCE, GObject)

gint64        luwte_evidence_get_id          (LuwteEvidence *self);
const char   *luwte_evidence_get_url         (LuwteEvidence *self);
const char   *luwte_evidence_get_platform    (LuwteEvidence *self);
const char   *luwte_evidence_get_account     (LuwteEvidence *self);
const char   *luwte_evidence_get_posted_at   (LuwteEvidence *self);
const char   *luwte_evidence_get_captured_at (LuwteEvidence *self);
const char   *luwte_evidence_get_description (LuwteEvidence *self);
const char   *luwte_evidence_get_sha256      (LuwteEvidence *self);
gboolean      luwte_evidence_has_screenshot  (LuwteEvidence *self);
LuwteTakedown luwte_evidence_get_takedown    (LuwteEvidence *self);
const char   *luwte_evidence_get_takedown_at (LuwteEvidence *self);
const char   *luwte_evidence_get_takedown_channel (LuwteEvidence *self);
const char   *luwte_evidence_get_takedown_due (LuwteEvidence *self);
gboolean      luwte_evidence_is_overdue      (LuwteEvidence *self,
                                              GDateTime     *now);

typedef struct {
  const char *url;
  const char *platform;
  const char *account;
  const char *posted_at;
  const char *captured_at;   /* NULL: now */
  const char *description;
  const char *sha256;        /* only without a screenshot: the hash of one kept elsewhere */
} LuwteEvidenceNew;

GBytes        *luwte_evidence_strip_metadata (GBytes              *image,
                                              GError             **error);
LuwteEvidence *luwte_store_add_evidence      (LuwteStore          *store,
                                              LuwteCase           *kase,
                                              const LuwteEvidenceNew *entry,
                                              GBytes              *screenshot,
                                              GError             **error);
GPtrArray     *luwte_store_list_evidence     (LuwteStore          *store,
                                              LuwteCase           *kase,
                                              GError             **error);
gboolean       luwte_store_set_takedown      (LuwteStore          *store,
                                              LuwteCase           *kase,
                                              LuwteEvidence       *evidence,
                                              LuwteTakedown        state,
                                              GError             **error);
/* A change to the takedown request; NULL fields keep their value. */
typedef struct {
  LuwteTakedown  state;
  const char    *at;        /* NULL: now */
  const char    *channel;   /* "" clears */
  const char    *due;       /* "" clears */
} LuwteTakedownUpdate;

gboolean       luwte_store_update_takedown   (LuwteStore          *store,
                                              LuwteCase           *kase,
                                              LuwteEvidence       *evidence,
                                              const LuwteTakedownUpdate *update,
                                              GError             **error);
/* A correction of a message; NULL fields keep their value, a posted_at
 * of "" clears it. */
typedef struct {
  const char *url;
  const char *platform;
  const char *account;
  const char *posted_at;
  const char *description;
} LuwteEvidenceEdit;

gboolean       luwte_store_update_evidence   (LuwteStore          *store,
                                              LuwteCase           *kase,
                                              LuwteEvidence       *evidence,
                                              const LuwteEvidenceEdit *edit,
                                              GError             **error);
gint64         luwte_store_count_overdue_takedowns (LuwteStore    *store,
                                                   LuwteCase     *kase,
                                                   GDateTime     *now,
                                                   GError       **error);
GHashTable    *luwte_store_find_cases_with_overdue_takedowns (LuwteStore   *store,
                                                             const gint64 *case_ids,
                                                             guint         n_ids,
                                                             GDateTime    *now,
                                                             GError      **error);
char          *luwte_store_find_overdue_takedown_case (LuwteStore *store,
                                                      GDateTime  *now,
                                                      GError    **error);
GBytes        *luwte_store_get_screenshot    (LuwteStore          *store,
                                              LuwteEvidence       *evidence,
                                              GError             **error);

G_END_DECLS
