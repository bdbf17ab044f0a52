/* bench-db.h — the large database the benchmarks run against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#define BENCH_DB_CASES 100000
#define BENCH_DB_NOTES 1000000

void bench_db_make_full (const char *luwte_cli,
                         const char *path);
void bench_db_remove_dir (const char *path);
