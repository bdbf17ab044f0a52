/* statistics-data.h — a small set of cases whose figures are known by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-store.h"

G_BEGIN_DECLS

void statistics_data_fill (LuwteStore *store);

G_END_DECLS
