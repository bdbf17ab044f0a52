/* luwte-letter-compose.h — a letter made from a template and the case's facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-letter.h"
#include "luwte-letter-layout.h"
#include "luwte-store.h"
#include "luwte-template.h"

G_BEGIN_DECLS

/* Everything a letter is made from besides its template */
typedef struct {
  LuwteCase     *kase;
  gint64         party_id;       /* the recipient, or 0 */
  GArray        *evidence_ids;   /* gint64; NULL: every message of the case */
  GHashTable    *inputs;         /* brief.* → value; may be NULL */
  LuwteLanguage  language;
  GDateTime     *date;           /* the letter's date; NULL: today */
  gboolean       final;          /* the letter as made final; otherwise its
                                  * pages are marked as a draft */
  gint64         youth_id;       /* the young person it is about, or 0 */
} LuwteLetterFacts;

LuwteTemplateValues *luwte_letter_values_build   (LuwteStore              *store,
                                                  const LuwteLetterFacts  *facts,
                                                  GError                 **error);
gboolean             luwte_letter_render         (LuwteTemplate           *template,
                                                  LuwteTemplateValues     *values,
                                                  char                   **subject,
                                                  char                   **body,
                                                  GPtrArray               *missing);
GPtrArray           *luwte_letter_problems       (LuwteTemplate           *template,
                                                  LuwteTemplateValues     *values,
                                                  const char              *subject,
                                                  const char              *body);
LuwteLetterLayout   *luwte_letter_layout_for     (LuwteStore              *store,
                                                  const LuwteLetterFacts  *facts,
                                                  const char              *subject,
                                                  const char              *body,
                                                  GError                 **error);
char                *luwte_letter_plain_text     (LuwteStore              *store,
                                                  const LuwteLetterFacts  *facts,
                                                  const char              *subject,
                                                  const char              *body);
char                *luwte_letter_mailto         (const char              *address,
                                                  const char              *subject,
                                                  const char              *body);
gboolean             luwte_letter_requests_takedown (LuwteTemplate        *template);
gint64               luwte_letter_default_youth     (LuwteStore           *store,
                                                     LuwteCase            *kase);
gint64               luwte_letter_default_recipient (LuwteStore           *store,
                                                     LuwteCase            *kase,
                                                     LuwteTemplate        *template);

G_END_DECLS
