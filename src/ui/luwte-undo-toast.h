/* luwte-undo-toast.h — "… removed" with Undo, in the window's toast overlay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @title with an Undo button that calls @undo (@page, no other
 * arguments) while @page lives. */
void luwte_undo_toast_show (GtkWidget  *page,
                            const char *title,
                            GCallback   undo);
/* The same, shown until the user dismisses it: for a deletion too large
 * to lose by looking away for five seconds. */
void luwte_undo_toast_show_until_dismissed (GtkWidget  *page,
                                            const char *title,
                                            GCallback   undo);
gboolean luwte_undo_toast_undo_last (AdwToastOverlay *overlay);
AdwToast *luwte_undo_toast_get_last (AdwToastOverlay *overlay);

G_END_DECLS
