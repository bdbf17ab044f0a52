/* luwte-statistics.h — figures over the cases of a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "luwte-card.h"
#include "luwte-case-intervention.h"
#include "luwte-store.h"

G_BEGIN_DECLS

/* The card's groups, numbered 1 to 6 */
#define LUWTE_N_CARD_GROUPS 6

typedef struct {
  char   month[8];    /* "2026-09", as the case's opening time has it */
  gint64 cases;
} LuwteMonthFigure;

typedef struct {
  guint  number;                     /* 1–6 */
  char  *id;                         /* the group's id on the card */
  gint64 used;                       /* chosen and in progress or done */
  gint64 effects[LUWTE_N_EFFECTS];   /* of those, per LuwteEffect */
} LuwteGroupFigure;

/* Over the cases opened on the days [from, to) */
typedef struct {
  char             *from;            /* a date, 2026-01-01; NULL: since the first case */
  char             *to;              /* the day after the period; NULL: open */
  gint64            cases;
  GArray           *months;          /* LuwteMonthFigure: every month of the period, oldest first */
  LuwteGroupFigure  groups[LUWTE_N_CARD_GROUPS];
  gint64            used_off_card;   /* used, with a card id this card does not have */
  gint64            closed;          /* closed cases, for the time to close */
  double            median_days;     /* from signal to close; NAN when closed is 0 */
  double            mean_days;
} LuwteStatistics;

gboolean         luwte_statistics_date_is_valid (const char   *date);
LuwteStatistics *luwte_store_get_statistics (LuwteStore       *store,
                                             LuwteCard        *card,
                                             const char       *from,
                                             const char       *to,
                                             GError          **error);
void             luwte_statistics_free      (LuwteStatistics  *self);
char            *luwte_statistics_to_csv    (const LuwteStatistics *self);
JsonNode        *luwte_statistics_to_json   (const LuwteStatistics *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuwteStatistics, luwte_statistics_free)

G_END_DECLS
