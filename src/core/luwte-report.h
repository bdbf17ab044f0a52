/* luwte-report.h — the report of a case, for the driehoek or an evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

typedef enum {
  LUWTE_REPORT_TITLE,     /* the report's title */
  LUWTE_REPORT_SECTION,   /* a part: Context, Timeline, … */
  LUWTE_REPORT_ITEM,      /* the heading of one party, intervention, message, letter */
  LUWTE_REPORT_FIELD,     /* label: value */
  LUWTE_REPORT_TEXT,      /* a paragraph as typed */
  LUWTE_REPORT_NOTE,      /* small print: "none", the date of the report */
} LuwteReportBlockKind;

typedef struct {
  LuwteReportBlockKind  kind;
  char                 *label;   /* FIELD only */
  char                 *text;
} LuwteReportBlock;

/* The report as blocks of text, in the UI's language (gettext). */
GPtrArray *luwte_report_build     (LuwteStore  *store,
                                   LuwteCase   *kase,
                                   LuwteCard   *card,
                                   GError     **error);
/* The blocks on A4 pages, as a PDF */
GBytes    *luwte_report_to_pdf    (GPtrArray   *blocks,
                                   const char  *header,
                                   GError     **error);
gboolean   luwte_report_write_pdf (LuwteStore  *store,
                                   LuwteCase   *kase,
                                   LuwteCard   *card,
                                   const char  *path,
                                   GError     **error);

G_END_DECLS
