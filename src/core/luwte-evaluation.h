/* luwte-evaluation.h — closing a case with its evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-case-intervention.h"
#include "luwte-store.h"

G_BEGIN_DECLS

/* The effect one chosen intervention had */
typedef struct {
  gint64      intervention_id;   /* luwte_case_intervention_get_id() */
  LuwteEffect effect;            /* NOT_EVALUATED clears it */
} LuwteEffectChoice;

/* What closing a case records; interventions not listed keep their effect. */
typedef struct {
  const LuwteEffectChoice *effects;
  guint                    n_effects;
  const char              *lessons;   /* NULL keeps what was written before */
} LuwteCaseEvaluation;

gboolean luwte_store_close_case (LuwteStore                 *store,
                                 LuwteCase                  *kase,
                                 const LuwteCaseEvaluation  *evaluation,
                                 GError                    **error);

G_END_DECLS
