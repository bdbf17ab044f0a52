/* luwte-case-workspace.h — the workspace of one case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-store.h"
#include "luwte-notes-page.h"
#include "luwte-parties-page.h"
#include "luwte-timeline-page.h"
#include "luwte-messages-page.h"
#include "luwte-interventions-page.h"
#include "luwte-letters-page.h"
#include "luwte-close-dialog.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_CASE_WORKSPACE (luwte_case_workspace_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCaseWorkspace, luwte_case_workspace, LUWTE, CASE_WORKSPACE, AdwBin)

GtkWidget *luwte_case_workspace_new       (void);
void       luwte_case_workspace_set_store (LuwteCaseWorkspace *self,
                                           LuwteStore         *store);
gboolean   luwte_case_workspace_set_case  (LuwteCaseWorkspace *self,
                                           LuwteCase          *kase);
LuwteCase *luwte_case_workspace_get_case  (LuwteCaseWorkspace *self);
gboolean   luwte_case_workspace_flush     (LuwteCaseWorkspace *self);
void       luwte_case_workspace_focus_title (LuwteCaseWorkspace *self);
void       luwte_case_workspace_set_card    (LuwteCaseWorkspace *self,
                                             LuwteCard          *card,
                                             LuwteLanguage       language);
gboolean   luwte_case_workspace_choose_intervention (LuwteCaseWorkspace *self,
                                                     const char         *card_id);
void       luwte_case_workspace_show_page   (LuwteCaseWorkspace *self,
                                             const char         *name);
const char *luwte_case_workspace_get_visible_page (LuwteCaseWorkspace *self);
guint      luwte_case_workspace_get_n_interventions (LuwteCaseWorkspace *self);
LuwteNotesPage *luwte_case_workspace_get_notes_page (LuwteCaseWorkspace *self);
LuwtePartiesPage *luwte_case_workspace_get_parties_page (LuwteCaseWorkspace *self);
LuwteTimelinePage *luwte_case_workspace_get_timeline_page (LuwteCaseWorkspace *self);
LuwteMessagesPage *luwte_case_workspace_get_messages_page (LuwteCaseWorkspace *self);
LuwteInterventionsPage *luwte_case_workspace_get_interventions_page (LuwteCaseWorkspace *self);
LuwteLettersPage *luwte_case_workspace_get_letters_page (LuwteCaseWorkspace *self);
void       luwte_case_workspace_choose_status    (LuwteCaseWorkspace *self,
                                                  LuwteCaseStatus     status);
LuwteCloseDialog *luwte_case_workspace_get_close_dialog (LuwteCaseWorkspace *self);
gboolean   luwte_case_workspace_is_read_only     (LuwteCaseWorkspace *self);

G_END_DECLS
