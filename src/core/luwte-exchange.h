/* luwte-exchange.h — one case as a file, for a colleague or another
 * municipality (design.md's exchange format, version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_EXCHANGE_FORMAT  "luwte-case"
#define LUWTE_EXCHANGE_VERSION 1

#define LUWTE_EXCHANGE_ERROR (luwte_exchange_error_quark ())

typedef enum {
  LUWTE_EXCHANGE_ERROR_INVALID,
  LUWTE_EXCHANGE_ERROR_TOO_NEW,
  LUWTE_EXCHANGE_ERROR_EXISTS,
} LuwteExchangeError;

GQuark luwte_exchange_error_quark (void);

char *luwte_exchange_export (LuwteStore  *store,
                             LuwteCase   *kase,
                             GError     **error);
char *luwte_exchange_import (LuwteStore  *store,
                             LuwteCard   *card,
                             const char  *data,
                             gsize        length,
                             gboolean     as_new,
                             GError     **error);

G_END_DECLS
