/* luwte-letter-preview.h — one page of a letter, as it will be printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "luwte-letter-layout.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_LETTER_PREVIEW (luwte_letter_preview_get_type ())
G_DECLARE_FINAL_TYPE (LuwteLetterPreview, luwte_letter_preview, LUWTE, LETTER_PREVIEW, GtkWidget)

GtkWidget *luwte_letter_preview_new              (void);
void       luwte_letter_preview_set_layout       (LuwteLetterPreview *self,
                                                  LuwteLetterLayout  *layout,
                                                  int                 page);
int        luwte_letter_preview_get_page         (LuwteLetterPreview *self);
double     luwte_letter_preview_get_scale        (LuwteLetterPreview *self);
gboolean   luwte_letter_preview_get_fit_width    (LuwteLetterPreview *self);
gboolean   luwte_letter_preview_can_zoom         (LuwteLetterPreview *self,
                                                  int                 steps);
void       luwte_letter_preview_zoom             (LuwteLetterPreview *self,
                                                  int                 steps);
void       luwte_letter_preview_fit_width        (LuwteLetterPreview *self);
gboolean   luwte_letter_preview_get_texture_size (LuwteLetterPreview *self,
                                                  int                *width,
                                                  int                *height);

G_END_DECLS
