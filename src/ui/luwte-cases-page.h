/* luwte-cases-page.h — the case list beside the workspace of the chosen case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-case-workspace.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_CASES_PAGE (luwte_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (LuwteCasesPage, luwte_cases_page, LUWTE, CASES_PAGE, AdwBin)

void       luwte_cases_page_set_store        (LuwteCasesPage *self,
                                              LuwteStore     *store,
                                              const GError   *open_error);
void       luwte_cases_page_set_title_widget (LuwteCasesPage *self,
                                              GtkWidget      *widget);
LuwteCase *luwte_cases_page_new_case         (LuwteCasesPage *self);
LuwteCase *luwte_cases_page_get_selected     (LuwteCasesPage *self);
gboolean   luwte_cases_page_show_case        (LuwteCasesPage *self,
                                              const char     *reference,
                                              const char     *page);
gboolean   luwte_cases_page_flush            (LuwteCasesPage *self);
gboolean   luwte_cases_page_delete_selected  (LuwteCasesPage *self);
void       luwte_cases_page_focus_list       (LuwteCasesPage *self);
gboolean   luwte_cases_page_write_report     (LuwteCasesPage *self,
                                              GFile          *file);
gboolean   luwte_cases_page_undo_delete      (LuwteCasesPage *self);
GListModel *luwte_cases_page_get_model       (LuwteCasesPage *self);
GtkListView *luwte_cases_page_get_list_view  (LuwteCasesPage *self);
void       luwte_cases_page_set_card         (LuwteCasesPage *self,
                                              LuwteCard      *card,
                                              LuwteLanguage   language);
LuwteCaseWorkspace *luwte_cases_page_get_workspace (LuwteCasesPage *self);
gboolean   luwte_cases_page_import_file      (LuwteCasesPage *self,
                                              GFile          *file,
                                              gboolean        as_new);
gboolean   luwte_cases_page_export_file      (LuwteCasesPage *self,
                                              GFile          *file);

GtkEditable *luwte_cases_page_get_search_entry (LuwteCasesPage *self);
GListModel  *luwte_cases_page_get_search_hits  (LuwteCasesPage *self);
gboolean     luwte_cases_page_is_searching     (LuwteCasesPage *self);

G_END_DECLS
