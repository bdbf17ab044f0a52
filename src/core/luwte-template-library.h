/* luwte-template-library.h — the built-in letter templates and the user's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-template.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_TEMPLATE_LIBRARY (luwte_template_library_get_type ())
G_DECLARE_FINAL_TYPE (LuwteTemplateLibrary, luwte_template_library, LUWTE, TEMPLATE_LIBRARY, GObject)

LuwteTemplateLibrary *luwte_template_library_new           (void);
LuwteTemplateLibrary *luwte_template_library_new_full      (GResource            *builtin,
                                                            const char           *builtin_path,
                                                            const char           *user_dir);
char                 *luwte_template_library_default_user_dir (void);

void                  luwte_template_library_reload        (LuwteTemplateLibrary *self);
gboolean              luwte_template_library_reload_if_changed (LuwteTemplateLibrary *self);
const char           *luwte_template_library_get_user_dir  (LuwteTemplateLibrary *self);
GPtrArray            *luwte_template_library_get_templates (LuwteTemplateLibrary *self);
GPtrArray            *luwte_template_library_get_problems  (LuwteTemplateLibrary *self);
LuwteTemplate        *luwte_template_library_lookup        (LuwteTemplateLibrary *self,
                                                            const char           *id,
                                                            LuwteLanguage         language);
GPtrArray            *luwte_template_library_suggest       (LuwteTemplateLibrary *self,
                                                            const char * const   *card_ids,
                                                            LuwteLanguage         language);
LuwteTemplate        *luwte_template_library_copy          (LuwteTemplateLibrary *self,
                                                            LuwteTemplate        *template,
                                                            GError              **error);

G_END_DECLS
