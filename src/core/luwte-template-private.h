/* luwte-template-private.h — what the template library sets on a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-template.h"

G_BEGIN_DECLS

void luwte_template_set_builtin (LuwteTemplate *self,
                                 gboolean       is_builtin);

G_END_DECLS
