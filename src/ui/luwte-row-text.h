/* luwte-row-text.h — a list row's title and subtitle, sized by the font
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LUWTE_TYPE_ROW_TEXT (luwte_row_text_get_type ())
G_DECLARE_FINAL_TYPE (LuwteRowText, luwte_row_text, LUWTE, ROW_TEXT, GtkWidget)

GtkWidget  *luwte_row_text_new          (void);
void        luwte_row_text_set          (LuwteRowText *self,
                                         const char   *title,
                                         gboolean      title_dim,
                                         const char   *subtitle);
void        luwte_row_text_set_detail   (LuwteRowText  *self,
                                         const char    *text,
                                         PangoAttrList *attributes,
                                         guint          lines);
const char *luwte_row_text_get_title    (LuwteRowText *self);
const char *luwte_row_text_get_detail   (LuwteRowText *self);
const char *luwte_row_text_get_subtitle (LuwteRowText *self);

G_END_DECLS
