/* luwte-messages-page.h — the online messages of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_MESSAGES_PAGE (luwte_messages_page_get_type ())
G_DECLARE_FINAL_TYPE (LuwteMessagesPage, luwte_messages_page, LUWTE, MESSAGES_PAGE, AdwBin)

void       luwte_messages_page_set_case       (LuwteMessagesPage *self,
                                               LuwteStore        *store,
                                               LuwteCase         *kase);
gboolean   luwte_messages_page_attach_file    (LuwteMessagesPage *self,
                                               GFile             *file);
gboolean   luwte_messages_page_add_from_form  (LuwteMessagesPage *self);
guint      luwte_messages_page_get_n_messages (LuwteMessagesPage *self);
gboolean   luwte_messages_page_remove         (LuwteMessagesPage *self,
                                               guint              position);
gboolean   luwte_messages_page_undo_remove    (LuwteMessagesPage *self);
gboolean   luwte_messages_page_flush          (LuwteMessagesPage *self);
guint      luwte_messages_page_get_n_overdue  (LuwteMessagesPage *self);
GtkWidget *luwte_messages_page_get_row        (LuwteMessagesPage *self,
                                               guint              position);

G_END_DECLS
