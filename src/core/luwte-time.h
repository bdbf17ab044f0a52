/* luwte-time.h — times as officers type them and as the store keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *luwte_time_parse_typed   (const char *text);
char *luwte_time_format_local  (const char *iso,
                                const char *format);

G_END_DECLS
