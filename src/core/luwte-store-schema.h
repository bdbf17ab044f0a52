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

int         luwte_store_schema_latest (void);
const char *luwte_store_schema_step   (int version);

G_END_DECLS
