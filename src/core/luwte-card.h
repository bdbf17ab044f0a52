/* luwte-card.h — the intervention card: groups and interventions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-language.h"

G_BEGIN_DECLS

#define LUWTE_CARD_ERROR (luwte_card_error_quark ())

typedef enum {
  LUWTE_CARD_ERROR_INVALID,
  LUWTE_CARD_ERROR_NOT_FOUND,
} LuwteCardError;

GQuark luwte_card_error_quark (void);

/* The user's own card, which replaces the built-in one. */
#define LUWTE_CARD_USER_FILE "card.json"

typedef struct {
  char           *article;
  LuwteLocalized  summary;
} LuwteLegalBasis;

typedef struct {
  LuwteLocalized  title;
  char           *reference;
} LuwteCardSource;

char *luwte_card_source_describe (const LuwteCardSource *source,
                                  LuwteLanguage          language);

typedef struct {
  LuwteLocalized  title;
  char           *url;
} LuwteCardExample;

#define LUWTE_TYPE_CARD_INTERVENTION (luwte_card_intervention_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCardIntervention, luwte_card_intervention, LUWTE, CARD_INTERVENTION, GObject)

#define LUWTE_TYPE_CARD_GROUP (luwte_card_group_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCardGroup, luwte_card_group, LUWTE, CARD_GROUP, GObject)

#define LUWTE_TYPE_CARD (luwte_card_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCard, luwte_card, LUWTE, CARD, GObject)

/* Loading */
LuwteCard             *luwte_card_new_from_data         (const char     *data,
                                                         gsize           length,
                                                         GError        **error);
LuwteCard             *luwte_card_new_from_file         (GFile          *file,
                                                         GError        **error);
LuwteCard             *luwte_card_new_builtin           (void);
LuwteCard             *luwte_card_load                  (GError        **user_card_error);
GFile                 *luwte_card_get_user_file         (void);

/* The card */
const char            *luwte_card_get_version           (LuwteCard      *self);
const char            *luwte_card_get_date              (LuwteCard      *self);
const LuwteLocalized  *luwte_card_get_title             (LuwteCard      *self);
const LuwteLocalized  *luwte_card_get_question          (LuwteCard      *self);
const LuwteLocalized  *luwte_card_get_disclaimer        (LuwteCard      *self);
const LuwteLocalized  *luwte_card_get_credits           (LuwteCard      *self);
GPtrArray             *luwte_card_get_remarks           (LuwteCard      *self);
const char * const    *luwte_card_get_makers            (LuwteCard      *self);
GListModel            *luwte_card_get_groups            (LuwteCard      *self);
LuwteCardGroup        *luwte_card_get_group             (LuwteCard      *self,
                                                         guint           number);
LuwteCardIntervention *luwte_card_find_intervention     (LuwteCard      *self,
                                                         const char     *id);
GPtrArray             *luwte_card_list_interventions    (LuwteCard      *self);
gboolean               luwte_card_get_is_builtin        (LuwteCard      *self);
const char            *luwte_card_get_origin            (LuwteCard      *self);

/* A group */
guint                  luwte_card_group_get_number      (LuwteCardGroup *self);
const char            *luwte_card_group_get_id          (LuwteCardGroup *self);
const LuwteLocalized  *luwte_card_group_get_title       (LuwteCardGroup *self);
const LuwteLocalized  *luwte_card_group_get_summary     (LuwteCardGroup *self);
GListModel            *luwte_card_group_get_interventions (LuwteCardGroup *self);
GPtrArray             *luwte_card_group_list_all        (LuwteCardGroup *self);

/* An intervention */
const char            *luwte_card_intervention_get_id          (LuwteCardIntervention *self);
const LuwteLocalized  *luwte_card_intervention_get_title       (LuwteCardIntervention *self);
const LuwteLocalized  *luwte_card_intervention_get_description (LuwteCardIntervention *self);
const LuwteLocalized  *luwte_card_intervention_get_decides     (LuwteCardIntervention *self);
guint                  luwte_card_intervention_get_intensity   (LuwteCardIntervention *self);
GPtrArray             *luwte_card_intervention_get_legal_basis (LuwteCardIntervention *self);
GPtrArray             *luwte_card_intervention_get_conditions  (LuwteCardIntervention *self);
GPtrArray             *luwte_card_intervention_get_caveats     (LuwteCardIntervention *self);
GPtrArray             *luwte_card_intervention_get_sources     (LuwteCardIntervention *self);
GPtrArray             *luwte_card_intervention_get_examples    (LuwteCardIntervention *self);
const LuwteLocalized  *luwte_card_intervention_get_more_info_label (LuwteCardIntervention *self);
const LuwteLocalized  *luwte_card_intervention_get_more_info_text  (LuwteCardIntervention *self);
GListModel            *luwte_card_intervention_get_children    (LuwteCardIntervention *self);
LuwteCardIntervention *luwte_card_intervention_get_parent      (LuwteCardIntervention *self);
LuwteCardGroup        *luwte_card_intervention_get_group       (LuwteCardIntervention *self);
guint                  luwte_card_intervention_get_depth       (LuwteCardIntervention *self);
gboolean               luwte_card_intervention_is_administrative_power (LuwteCardIntervention *self);

G_END_DECLS
