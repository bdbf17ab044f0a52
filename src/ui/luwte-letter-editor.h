/* luwte-letter-editor.h — writing one letter of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-case.h"
#include "luwte-letter.h"
#include "luwte-store.h"
#include "luwte-template-library.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_LETTER_EDITOR (luwte_letter_editor_get_type ())
G_DECLARE_FINAL_TYPE (LuwteLetterEditor, luwte_letter_editor, LUWTE, LETTER_EDITOR, AdwBin)

GtkWidget   *luwte_letter_editor_new          (LuwteTemplateLibrary *library);
void         luwte_letter_editor_set_letter   (LuwteLetterEditor    *self,
                                               LuwteStore           *store,
                                               LuwteCase            *kase,
                                               LuwteLetter          *letter);
LuwteLetter *luwte_letter_editor_get_letter   (LuwteLetterEditor    *self);
void         luwte_letter_editor_reload_parties (LuwteLetterEditor    *self);
gboolean     luwte_letter_editor_flush        (LuwteLetterEditor    *self);
GPtrArray   *luwte_letter_editor_get_problems (LuwteLetterEditor    *self);
gboolean     luwte_letter_editor_make_final   (LuwteLetterEditor    *self);
gboolean     luwte_letter_editor_mark_sent    (LuwteLetterEditor    *self,
                                               const char           *sent_at,
                                               const char           *channel,
                                               const char           *takedown_due);
LuwteLetter *luwte_letter_editor_new_version  (LuwteLetterEditor    *self);
gboolean     luwte_letter_editor_save_pdf     (LuwteLetterEditor    *self,
                                               GFile                *file);
char        *luwte_letter_editor_get_text     (LuwteLetterEditor    *self);
char        *luwte_letter_editor_get_mailto   (LuwteLetterEditor    *self);
gboolean     luwte_letter_editor_set_input    (LuwteLetterEditor    *self,
                                               const char           *name,
                                               const char           *value);
char        *luwte_letter_editor_get_body     (LuwteLetterEditor    *self);
void         luwte_letter_editor_set_body     (LuwteLetterEditor    *self,
                                               const char           *body);

G_END_DECLS
