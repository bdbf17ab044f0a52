/* luwte-letter-layout-private.h — what the PDF writer reads of a laid-out letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "luwte-letter-layout.h"

G_BEGIN_DECLS

const char *luwte_letter_layout_get_title  (LuwteLetterLayout *self);
const char *luwte_letter_layout_get_author (LuwteLetterLayout *self);

G_END_DECLS
