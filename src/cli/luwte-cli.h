/* luwte-cli.h — shared by the commands of luwte-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "luwte-case.h"
#include "luwte-language.h"
#include "luwte-store.h"

G_BEGIN_DECLS

enum {
  LUWTE_CLI_OK = 0,
  LUWTE_CLI_FAILED = 1,
  LUWTE_CLI_USAGE = 2,
};

typedef struct {
  const char    *db_path;    /* --db, or NULL */
  LuwteLanguage  language;
} LuwteCliContext;

int luwte_cli_fail        (const GError *error);
int luwte_cli_usage_error (const char   *format,
                           ...) G_GNUC_PRINTF (1, 2);
void luwte_cli_print      (const char   *text);

int luwte_cli_card        (LuwteCliContext *context,
                           int              argc,
                           char           **argv);
int luwte_cli_list        (LuwteCliContext *context,
                           int              argc,
                           char           **argv);
int luwte_cli_show        (LuwteCliContext *context,
                           int              argc,
                           char           **argv);
int luwte_cli_show_text   (LuwteCliContext *context,
                           LuwteStore      *store,
                           LuwteCase       *kase);
int luwte_cli_demo        (LuwteCliContext *context,
                           int              argc,
                           char           **argv);
int luwte_cli_export      (LuwteCliContext *context,
                           int              argc,
                           char           **argv);
int luwte_cli_import      (LuwteCliContext *context,
                           int              argc,
                           char           **argv);
int luwte_cli_search      (LuwteCliContext *context,
                           int              argc,
                           char           **argv);

int luwte_cli_stats       (LuwteCliContext *context,
                           int              argc,
                           char           **argv);

int luwte_cli_profile     (LuwteCliContext *context,
                           int              argc,
                           char           **argv);

int luwte_cli_templates   (LuwteCliContext *context,
                           int              argc,
                           char           **argv);
int luwte_cli_letter      (LuwteCliContext *context,
                           int              argc,
                           char           **argv);

int luwte_cli_report      (LuwteCliContext *context,
                           int              argc,
                           char           **argv);

G_END_DECLS
