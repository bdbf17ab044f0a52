/* luwte-close-dialog.h — closing a case with its evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-case-intervention.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_CLOSE_DIALOG (luwte_close_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCloseDialog, luwte_close_dialog, LUWTE, CLOSE_DIALOG, AdwWindow)

LuwteCloseDialog *luwte_close_dialog_new            (GtkWindow        *parent,
                                                     LuwteStore       *store,
                                                     LuwteCase        *kase,
                                                     LuwteCard        *card,
                                                     LuwteLanguage     language,
                                                     GError          **error);
guint             luwte_close_dialog_get_n_interventions (LuwteCloseDialog *self);
const char       *luwte_close_dialog_get_open_work  (LuwteCloseDialog *self);
void              luwte_close_dialog_set_effect     (LuwteCloseDialog *self,
                                                     guint             position,
                                                     LuwteEffect       effect);
void              luwte_close_dialog_set_lessons    (LuwteCloseDialog *self,
                                                     const char       *lessons);

G_END_DECLS
