/* luwte-letter.h — a letter of a case: draft, final (frozen, with its PDF), sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-language.h"
#include "luwte-store.h"

G_BEGIN_DECLS

typedef enum {
  LUWTE_LETTER_DRAFT,
  LUWTE_LETTER_FINAL,
  LUWTE_LETTER_SENT,
} LuwteLetterStatus;

const char *luwte_letter_status_to_string (LuwteLetterStatus  status);
gboolean    luwte_letter_status_parse     (const char        *text,
                                           LuwteLetterStatus *status);
const char *luwte_letter_status_label     (LuwteLetterStatus  status);

#define LUWTE_TYPE_LETTER (luwte_letter_get_type ())
G_DECLARE_FINAL_TYPE (LuwteLetter, luwte_letter, LUWTE, LETTER, GObject)

gint64             luwte_letter_get_id           (LuwteLetter *self);
const char        *luwte_letter_get_template     (LuwteLetter *self);
LuwteLanguage      luwte_letter_get_language     (LuwteLetter *self);
gint64             luwte_letter_get_party_id     (LuwteLetter *self);
gint64             luwte_letter_get_youth_id     (LuwteLetter *self);
int                luwte_letter_get_version      (LuwteLetter *self);
gint64             luwte_letter_get_previous_id  (LuwteLetter *self);
LuwteLetterStatus  luwte_letter_get_status       (LuwteLetter *self);
const char        *luwte_letter_get_subject      (LuwteLetter *self);
const char        *luwte_letter_get_body         (LuwteLetter *self);
gboolean           luwte_letter_get_edited       (LuwteLetter *self);
const char        *luwte_letter_get_created_at   (LuwteLetter *self);
const char        *luwte_letter_get_final_at     (LuwteLetter *self);
const char        *luwte_letter_get_sent_at      (LuwteLetter *self);
const char        *luwte_letter_get_sent_channel (LuwteLetter *self);
const char        *luwte_letter_get_sha256       (LuwteLetter *self);
const char        *luwte_letter_get_recipient    (LuwteLetter *self);
GHashTable        *luwte_letter_get_inputs       (LuwteLetter *self);
GArray            *luwte_letter_get_evidence_ids (LuwteLetter *self);

/* What an edit of a draft changes; NULL fields stay as they are. */
typedef struct {
  const char   *subject;
  const char   *body;
  const gboolean *edited;       /* the text was changed by hand */
  const gint64 *party_id;       /* 0: no recipient */
  const gint64 *youth_id;       /* 0: about no young person */
  const char   *language;       /* "nl" or "en" */
  GHashTable   *inputs;         /* brief.* → value: replaces all */
  GArray       *evidence_ids;   /* gint64: replaces the choice */
} LuwteLetterEdit;

LuwteLetter *luwte_store_add_letter       (LuwteStore            *store,
                                           LuwteCase             *kase,
                                           const char            *template_id,
                                           LuwteLanguage          language,
                                           gint64                 party_id,
                                           GError               **error);
GPtrArray   *luwte_store_list_letters     (LuwteStore            *store,
                                           LuwteCase             *kase,
                                           GError               **error);
gboolean     luwte_store_update_letter    (LuwteStore            *store,
                                           LuwteCase             *kase,
                                           LuwteLetter           *letter,
                                           const LuwteLetterEdit *edit,
                                           GError               **error);
gboolean     luwte_store_finalise_letter  (LuwteStore            *store,
                                           LuwteCase             *kase,
                                           LuwteLetter           *letter,
                                           GBytes                *pdf,
                                           GError               **error);
gboolean     luwte_store_mark_letter_sent (LuwteStore            *store,
                                           LuwteCase             *kase,
                                           LuwteLetter           *letter,
                                           const char            *sent_at,
                                           const char            *channel,
                                           const char            *takedown_due,
                                           GError               **error);
LuwteLetter *luwte_store_new_letter_version (LuwteStore          *store,
                                             LuwteCase           *kase,
                                             LuwteLetter         *letter,
                                             GError             **error);
GBytes      *luwte_store_get_letter_pdf   (LuwteStore            *store,
                                           LuwteLetter           *letter,
                                           GError               **error);

G_END_DECLS
