/* luwte-autosave.h — stored as typed: a change waits for a pause in typing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long a pause in typing is: the change is stored after it. A crash
 * loses at most this much. */
#define LUWTE_AUTOSAVE_DELAY_MS 500

/* Stores what @data holds; %FALSE when the store refused it. */
typedef gboolean (*LuwteAutosaveFunc) (gpointer data);

/* Kept in the thing that is edited (a row of a page), never moved. */
typedef struct {
  LuwteAutosaveFunc save;
  gpointer          data;
  guint             source;
  gboolean          dirty;     /* changed, not yet stored */
} LuwteAutosave;

void     luwte_autosave_init    (LuwteAutosave     *self,
                                 LuwteAutosaveFunc  save,
                                 gpointer           data);
void     luwte_autosave_changed (LuwteAutosave     *self);
void     luwte_autosave_stop    (LuwteAutosave     *self);
gboolean luwte_autosave_flush   (LuwteAutosave     *self);

G_END_DECLS
