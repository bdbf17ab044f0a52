/* luwte-store-schema.h — the database schema, one step per version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int         luwte_store_schema_latest (void);
const char *luwte_store_schema_step   (int version);

G_END_DECLS
