/* luwte-store-schema.h — the database schema, one step per version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The columns of the full-text index case_search, one document per case
 * (its rowid is the case's id), in the order of the bm25 weights. */
#define LUWTE_SEARCH_COLUMNS "reference, title, context, notes, interventions, parties, messages, letters"

/* As an SQL expression, the party with the id @id in words: "name
 * (organisation)", or whichever of the two there is; NULL for none. What
 * a final letter keeps as its recipient. */
#define LUWTE_SQL_PARTY_IN_WORDS(id) \
  "(SELECT CASE WHEN p.name <> '' AND p.organisation <> '' THEN p.name || ' (' || p.organisation || ')'" \
  " ELSE p.name || p.organisation END FROM parties p WHERE p.id = " id ")"

int         luwte_store_schema_latest (void);
const char *luwte_store_schema_step   (int version);

G_END_DECLS
