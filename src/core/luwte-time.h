/* luwte-time.h — times as officers type them, as the store keeps them and as letters write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "luwte-language.h"

G_BEGIN_DECLS

char *luwte_time_parse_typed   (const char *text);
char *luwte_time_parse_typed_at (const char *text,
                                 GDateTime  *now);
char *luwte_time_format_local  (const char *iso,
                                const char *format);

char *luwte_time_format_long_date     (GDateTime     *time,
                                       LuwteLanguage  language);
char *luwte_time_format_long_datetime (GDateTime     *time,
                                       LuwteLanguage  language);
char *luwte_time_format_month         (const char    *month,
                                       LuwteLanguage  language);

G_END_DECLS
