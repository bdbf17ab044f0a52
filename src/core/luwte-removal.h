/* luwte-removal.h — what a deletion took away, so that Undo puts it back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

#define LUWTE_TYPE_REMOVAL (luwte_removal_get_type ())
G_DECLARE_FINAL_TYPE (LuwteRemoval, luwte_removal, LUWTE, REMOVAL, GObject)

typedef enum {
  LUWTE_REMOVAL_CASE,
  LUWTE_REMOVAL_NOTE,
  LUWTE_REMOVAL_INTERVENTION,
  LUWTE_REMOVAL_PARTY,
  LUWTE_REMOVAL_EVIDENCE,
  LUWTE_REMOVAL_LETTER,
} LuwteRemovalKind;

LuwteRemovalKind luwte_removal_get_kind     (LuwteRemoval  *self);
const char      *luwte_removal_get_case_ref (LuwteRemoval  *self);

/* Deletes one thing (a case with everything in it) in one transaction.
 * Returns: (transfer full): what was removed, for luwte_store_undo_removal() */
LuwteRemoval *luwte_store_remove          (LuwteStore        *store,
                                           LuwteRemovalKind   kind,
                                           LuwteCase         *kase,
                                           gint64             id,
                                           GError           **error);
gboolean      luwte_store_undo_removal    (LuwteStore        *store,
                                           LuwteRemoval      *removal,
                                           GError           **error);

G_END_DECLS
