/* luwte-notes-page.h — the coordination log of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-case.h"
#include "luwte-note.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_NOTES_PAGE (luwte_notes_page_get_type ())
G_DECLARE_FINAL_TYPE (LuwteNotesPage, luwte_notes_page, LUWTE, NOTES_PAGE, AdwBin)

void     luwte_notes_page_set_case    (LuwteNotesPage *self,
                                       LuwteStore     *store,
                                       LuwteCase      *kase);
gboolean luwte_notes_page_add_draft   (LuwteNotesPage *self);
void     luwte_notes_page_refresh_log (LuwteNotesPage *self);
guint    luwte_notes_page_get_n_notes (LuwteNotesPage *self);
guint    luwte_notes_page_get_n_open_actions (LuwteNotesPage *self);
gboolean luwte_notes_page_remove      (LuwteNotesPage *self,
                                       LuwteNote      *note);
gboolean luwte_notes_page_undo_remove (LuwteNotesPage *self);

G_END_DECLS
