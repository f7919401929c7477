/* SPDX-License-Identifier: MIT */
/*
 * SQLite's side of loading: the same data in a file database, in SQLite's
 * best configuration for a bulk load (no journal, no syncing, one
 * transaction, prepared statements, integer keys), then one index per
 * query's need.
 */
#ifndef BENCH_LOAD_SQLITE_H
#define BENCH_LOAD_SQLITE_H

#include "generate.h"

#include <sqlite3.h>

/**
 * Creates the database @p path (replacing any file there), loads the
 * generated data and builds the indexes. On success @p out receives the
 * open connection, ready for queries, and @p index_seconds the part of the
 * time spent building the indexes. 0 on success (a failure is told on stderr).
 */
int load_sqlite(const gen_data *g, const char *path, sqlite3 **out, double *index_seconds);

#endif /* BENCH_LOAD_SQLITE_H */
