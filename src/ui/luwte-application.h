/* luwte-application.h — the Luwte application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LUWTE_TYPE_APPLICATION (luwte_application_get_type ())
G_DECLARE_FINAL_TYPE (LuwteApplication, luwte_application, LUWTE, APPLICATION, AdwApplication)

LuwteApplication *luwte_application_new (void);

G_END_DECLS
