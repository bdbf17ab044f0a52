/* luwte-autosave.c — stored as typed: a change waits for a pause in typing
 *
 * The pages' rows keep a change until the officer pauses, then store it;
 * a flush (another case chosen, the window closed) stores it at once.
 * What the store refused stays marked as changed, for the next try.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-autosave.h"

void
luwte_autosave_init (LuwteAutosave     *self,
                     LuwteAutosaveFunc  save,
                     gpointer           data)
{
  *self = (LuwteAutosave) { .save = save, .data = data };
}

static gboolean
on_pause (gpointer user_data)
{
  LuwteAutosave *self = user_data;

  self->source = 0;
  self->save (self->data);
  return G_SOURCE_REMOVE;
}

/* Something was typed: stored after the next pause. */
void
luwte_autosave_changed (LuwteAutosave *self)
{
  self->dirty = TRUE;
  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add (LUWTE_AUTOSAVE_DELAY_MS, on_pause, self);
}

/* No store after a pause: the save runs now, or the row goes. */
void
luwte_autosave_stop (LuwteAutosave *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
}

/* Stores a waiting change now. Returns: %FALSE when it was refused */
gboolean
luwte_autosave_flush (LuwteAutosave *self)
{
  if (!self->dirty)
    return TRUE;
  return self->save (self->data);
}
