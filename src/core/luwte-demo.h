/* luwte-demo.h — synthetic, reproducible cases for demos and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-card.h"
#include "luwte-store.h"

G_BEGIN_DECLS

gboolean luwte_demo_add_cases (LuwteStore  *store,
                               LuwteCard   *card,
                               guint        n_cases,
                               guint32      seed,
                               GError     **error);
gboolean luwte_demo_add_cases_with_notes (LuwteStore  *store,
                                          LuwteCard   *card,
                                          guint        n_cases,
                                          guint        n_notes,
                                          guint32      seed,
                                          GError     **error);

G_END_DECLS
