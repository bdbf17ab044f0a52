/* luwte-letter-logo.h — the municipality's logo, read for the letterhead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *luwte_letter_logo_load (const char  *path,
                                         double       max_width,
                                         double       max_height,
                                         double      *width,
                                         double      *height,
                                         GError     **error);

G_END_DECLS
