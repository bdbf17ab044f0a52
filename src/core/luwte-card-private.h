/* luwte-card-private.h — the card's fields, shared by the model and its parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-card.h"

G_BEGIN_DECLS

struct _LuwteCardIntervention
{
  GObject                parent_instance;

  char                  *id;
  LuwteLocalized         title;
  LuwteLocalized         description;
  LuwteLocalized         decides;
  LuwteLocalized         more_info_label;
  LuwteLocalized         more_info_text;
  guint                  intensity;
  guint                  depth;
  GPtrArray             *legal_basis;   /* LuwteLegalBasis */
  GPtrArray             *conditions;    /* LuwteLocalized */
  GPtrArray             *caveats;       /* LuwteLocalized */
  GPtrArray             *sources;       /* LuwteCardSource */
  GPtrArray             *examples;      /* LuwteCardExample */
  GListStore            *children;      /* LuwteCardIntervention */
  LuwteCardIntervention *parent;        /* weak: owned by the parent */
  LuwteCardGroup        *group;         /* weak: owned by the group */
};

struct _LuwteCardGroup
{
  GObject         parent_instance;

  guint           number;
  char           *id;
  LuwteLocalized  title;
  LuwteLocalized  summary;
  GListStore     *interventions;
};

struct _LuwteCard
{
  GObject         parent_instance;

  char           *version;
  char           *date;
  char           *origin;
  gboolean        is_builtin;
  LuwteLocalized  title;
  LuwteLocalized  question;
  LuwteLocalized  disclaimer;
  LuwteLocalized  credits;
  GPtrArray      *remarks;              /* LuwteLocalized */
  GStrv           makers;
  GListStore     *groups;               /* LuwteCardGroup */
  GHashTable     *by_id;                /* id → LuwteCardIntervention, borrowed */
};

LuwteLocalized        *luwte_localized_new_copy (const LuwteLocalized *text);
void                   luwte_localized_free      (LuwteLocalized       *text);
void                   luwte_legal_basis_free    (LuwteLegalBasis      *basis);
void                   luwte_card_source_free    (LuwteCardSource      *source);
void                   luwte_card_example_free   (LuwteCardExample     *example);

LuwteCard             *luwte_card_parse          (const char           *data,
                                                  gsize                 length,
                                                  GError              **error);

G_END_DECLS
