/* luwte-template-values.h — the values a letter is made from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LUWTE_TYPE_TEMPLATE_VALUES (luwte_template_values_get_type ())

typedef struct _LuwteTemplateValues LuwteTemplateValues;

GType                luwte_template_values_get_type       (void) G_GNUC_CONST;
LuwteTemplateValues *luwte_template_values_new            (void);
LuwteTemplateValues *luwte_template_values_ref            (LuwteTemplateValues *self);
void                 luwte_template_values_unref          (LuwteTemplateValues *self);

void                 luwte_template_values_set            (LuwteTemplateValues *self,
                                                           const char          *name,
                                                           const char          *value);
const char          *luwte_template_values_get            (LuwteTemplateValues *self,
                                                           const char          *name);

guint                luwte_template_values_add_bericht    (LuwteTemplateValues *self);
guint                luwte_template_values_get_n_berichten (LuwteTemplateValues *self);
void                 luwte_template_values_set_bericht    (LuwteTemplateValues *self,
                                                           guint                index,
                                                           const char          *name,
                                                           const char          *value);
const char          *luwte_template_values_get_bericht    (LuwteTemplateValues *self,
                                                           guint                index,
                                                           const char          *name);
void                 luwte_template_values_clear_berichten (LuwteTemplateValues *self);

gboolean             luwte_template_value_is_filled       (const char          *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuwteTemplateValues, luwte_template_values_unref)

G_END_DECLS
