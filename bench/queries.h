/* SPDX-License-Identifier: MIT */
/*
 * The timed queries a-d on both sides, and the check that both sides gave
 * the same answers. Each run is timed on its own, from the start of the
 * query to the last result read and counted.
 */
#ifndef BENCH_QUERIES_H
#define BENCH_QUERIES_H

#include "params.h"

#include <relations.h>
#include <sqlite3.h>

#include <stdint.h>

/** The runs of one family on one side. */
typedef struct query_result {
    size_t n;        /* runs */
    double *us;      /* the time of each run, in microseconds */
    uint64_t *count; /* how many results each run gave (query d: how many events in all) */
    uint32_t *years; /* query d: how many years have events; 0 for the other queries */
} query_result;

/** How many runs of each family go untimed first, to warm the caches. */
#define QUERY_WARMUP 100

int results_alloc(query_result r[Q_COUNT], const query_params *p);
void results_free(query_result r[Q_COUNT]);

/** Runs every family on librelations' side; 0 on success (a failure is told on stderr). */
int queries_relations(const query_params *p, const rel_kb *kb, query_result r[Q_COUNT]);

/** Runs every family on SQLite's side, in one read transaction; 0 on success. */
int queries_sqlite(const query_params *p, sqlite3 *db, query_result r[Q_COUNT]);

/**
 * Compares the answers of both sides run by run; tells every difference on
 * stderr (the first few in detail). 0 if they agree everywhere.
 */
int results_check(const query_params *p, const query_result rel[Q_COUNT], const query_result sql[Q_COUNT]);

#endif /* BENCH_QUERIES_H */
