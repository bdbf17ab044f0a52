/* luwte-screenshot-viewer.h — a message's screenshot, in a window of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "luwte-evidence.h"
#include "luwte-store.h"

G_BEGIN_DECLS

GtkWindow *luwte_screenshot_viewer_show (GtkWidget     *from,
                                         LuwteStore    *store,
                                         LuwteEvidence *item);

G_END_DECLS
