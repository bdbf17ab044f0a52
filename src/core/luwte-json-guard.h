/* luwte-json-guard.h — parse JSON from outside without trusting it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LUWTE_JSON_ERROR (luwte_json_error_quark ())

typedef enum {
  LUWTE_JSON_ERROR_TOO_LARGE,
  LUWTE_JSON_ERROR_ENCODING,
  LUWTE_JSON_ERROR_TOO_DEEP,
  LUWTE_JSON_ERROR_SYNTAX,
  LUWTE_JSON_ERROR_INVALID,
} LuwteJsonError;

GQuark    luwte_json_error_quark (void);

JsonNode *luwte_json_parse_guarded (const char  *data,
                                    gsize        length,
                                    gsize        max_length,
                                    guint        max_depth,
                                    GError     **error);

G_END_DECLS
