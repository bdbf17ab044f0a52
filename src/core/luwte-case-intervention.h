/* luwte-case-intervention.h — an intervention chosen from the card for a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

typedef enum {
  LUWTE_INTERVENTION_STATUS_CONSIDERED,
  LUWTE_INTERVENTION_STATUS_PLANNED,
  LUWTE_INTERVENTION_STATUS_IN_PROGRESS,
  LUWTE_INTERVENTION_STATUS_DONE,
  LUWTE_INTERVENTION_STATUS_DROPPED,
} LuwteInterventionStatus;

const char *luwte_intervention_status_to_string (LuwteInterventionStatus  status);
gboolean    luwte_intervention_status_parse     (const char              *text,
                                                 LuwteInterventionStatus *status);
const char *luwte_intervention_status_label     (LuwteInterventionStatus  status);

/* What an intervention achieved, as the case's evaluation says: recorded
 * when the case is closed; not evaluated until then. */
typedef enum {
  LUWTE_EFFECT_NOT_EVALUATED,
  LUWTE_EFFECT_WORKED,
  LUWTE_EFFECT_PARTLY,
  LUWTE_EFFECT_NOT_WORKED,
  LUWTE_EFFECT_UNKNOWN,
} LuwteEffect;

#define LUWTE_N_EFFECTS (LUWTE_EFFECT_UNKNOWN + 1)

const char *luwte_effect_to_string (LuwteEffect  effect);
gboolean    luwte_effect_parse     (const char  *text,
                                    LuwteEffect *effect);
const char *luwte_effect_label     (LuwteEffect  effect);

#define LUWTE_TYPE_CASE_INTERVENTION (luwte_case_intervention_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCaseIntervention, luwte_case_intervention, LUWTE, CASE_INTERVENTION, GObject)

gint64                  luwte_case_intervention_get_id              (LuwteCaseIntervention *self);
const char             *luwte_case_intervention_get_card_id         (LuwteCaseIntervention *self);
const char             *luwte_case_intervention_get_card_version    (LuwteCaseIntervention *self);
LuwteInterventionStatus luwte_case_intervention_get_status          (LuwteCaseIntervention *self);
const char             *luwte_case_intervention_get_responsible     (LuwteCaseIntervention *self);
gint64                  luwte_case_intervention_get_party_id        (LuwteCaseIntervention *self);
const char             *luwte_case_intervention_get_due_at          (LuwteCaseIntervention *self);
const char             *luwte_case_intervention_get_done_at         (LuwteCaseIntervention *self);
const char             *luwte_case_intervention_get_rationale       (LuwteCaseIntervention *self);
const char             *luwte_case_intervention_get_proportionality (LuwteCaseIntervention *self);
const char             *luwte_case_intervention_get_outcome         (LuwteCaseIntervention *self);
LuwteEffect             luwte_case_intervention_get_effect          (LuwteCaseIntervention *self);
gboolean                luwte_case_intervention_is_used             (LuwteCaseIntervention *self);

/* What an edit changes; NULL fields stay as they are. */
typedef struct {
  const LuwteInterventionStatus *status;
  const char *responsible;
  const gint64 *party_id;     /* 0: no party */
  const char *due_at;
  const char *rationale;
  const char *proportionality;
  const char *outcome;
} LuwteCaseInterventionEdit;

LuwteCaseIntervention *luwte_store_add_case_intervention    (LuwteStore                      *store,
                                                             LuwteCase                       *kase,
                                                             const char                      *card_id,
                                                             const char                      *card_version,
                                                             GError                         **error);
GPtrArray             *luwte_store_list_case_interventions  (LuwteStore                      *store,
                                                             LuwteCase                       *kase,
                                                             GError                         **error);
gboolean               luwte_store_update_case_intervention (LuwteStore                      *store,
                                                             LuwteCase                       *kase,
                                                             LuwteCaseIntervention           *item,
                                                             const LuwteCaseInterventionEdit *edit,
                                                             GError                         **error);

G_END_DECLS
