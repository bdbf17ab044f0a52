/* luwte-compat.h — what newer GLib has and GLib 2.74 (Debian 12) lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() of GLib 2.76: replaces *@field by a copy of @value (which
 * may be *@field itself), freeing what was there. */
static inline void
luwte_set_str (char       **field,
               const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

G_END_DECLS
