/* luwte-letters-page.h — the letters of a case, and writing a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-case.h"
#include "luwte-letter.h"
#include "luwte-letter-editor.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_LETTERS_PAGE (luwte_letters_page_get_type ())
G_DECLARE_FINAL_TYPE (LuwteLettersPage, luwte_letters_page, LUWTE, LETTERS_PAGE, AdwBin)

void               luwte_letters_page_set_case     (LuwteLettersPage *self,
                                                    LuwteStore       *store,
                                                    LuwteCase        *kase);
gboolean           luwte_letters_page_flush        (LuwteLettersPage *self);
LuwteLetter       *luwte_letters_page_write        (LuwteLettersPage *self,
                                                    const char       *template_id);
void               luwte_letters_page_open         (LuwteLettersPage *self,
                                                    LuwteLetter      *letter);
gboolean           luwte_letters_page_remove_open  (LuwteLettersPage *self);
gboolean           luwte_letters_page_undo_remove  (LuwteLettersPage *self);
guint              luwte_letters_page_get_n_letters (LuwteLettersPage *self);
LuwteLetterEditor *luwte_letters_page_get_editor   (LuwteLettersPage *self);

G_END_DECLS
