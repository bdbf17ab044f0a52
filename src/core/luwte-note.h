/* luwte-note.h — the coordination log of a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

typedef enum {
  LUWTE_NOTE_KIND_INFORMATION,
  LUWTE_NOTE_KIND_AGREEMENT,
  LUWTE_NOTE_KIND_DECISION,
  LUWTE_NOTE_KIND_ACTION,
} LuwteNoteKind;

const char *luwte_note_kind_to_string (LuwteNoteKind  kind);
gboolean    luwte_note_kind_parse     (const char    *text,
                                       LuwteNoteKind *kind);
const char *luwte_note_kind_label     (LuwteNoteKind  kind);

#define LUWTE_TYPE_NOTE (luwte_note_get_type ())
G_DECLARE_FINAL_TYPE (LuwteNote, luwte_note, LUWTE, NOTE, GObject)

gint64        luwte_note_get_id         (LuwteNote *self);
const char   *luwte_note_get_at         (LuwteNote *self);
LuwteNoteKind luwte_note_get_kind       (LuwteNote *self);
const char   *luwte_note_get_party      (LuwteNote *self);
gint64        luwte_note_get_party_id   (LuwteNote *self);
const char   *luwte_note_get_text       (LuwteNote *self);
const char   *luwte_note_get_action_by  (LuwteNote *self);
const char   *luwte_note_get_action_due (LuwteNote *self);
const char   *luwte_note_get_done_at    (LuwteNote *self);
gboolean      luwte_note_is_overdue     (LuwteNote *self,
                                         GDateTime *now);

/* A new entry; @at, @action_by and @action_due may be NULL. */
typedef struct {
  const char    *at;
  LuwteNoteKind  kind;
  const char    *party;      /* in words, as shown */
  gint64         party_id;   /* a party of the case, or 0 */
  const char    *text;
  const char    *action_by;
  const char    *action_due;
} LuwteNoteNew;

LuwteNote *luwte_store_add_note   (LuwteStore          *store,
                                   LuwteCase           *kase,
                                   const LuwteNoteNew  *note,
                                   GError             **error);
GPtrArray *luwte_store_list_notes (LuwteStore          *store,
                                   LuwteCase           *kase,
                                   GError             **error);

gboolean   luwte_store_set_note_done     (LuwteStore  *store,
                                          LuwteCase   *kase,
                                          LuwteNote   *note,
                                          gboolean     done,
                                          GError     **error);
gint64     luwte_store_count_open_actions (LuwteStore  *store,
                                           LuwteCase   *kase,
                                           GError     **error);

G_END_DECLS
