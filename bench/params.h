/* SPDX-License-Identifier: MIT */
/*
 * The queries' parameter sets: drawn once, from the generated data, and
 * given to both contenders, so that both answer the same questions.
 */
#ifndef BENCH_PARAMS_H
#define BENCH_PARAMS_H

#include "generate.h"

#include <stddef.h>
#include <stdint.h>

/** The timed query families, in the order they are reported. */
enum query_family { Q_A, Q_B_EXACT, Q_B_NORMALISED, Q_C, Q_D, Q_D_BUSIEST, Q_COUNT };

/** The names of performance.md, by family. */
extern const char *const query_names[Q_COUNT];

typedef struct query_params {
    size_t n;              /* parameter sets per family (Q_D_BUSIEST: repeats) */
    size_t runs[Q_COUNT];  /* how many times each family is timed */
    /* a: the events of an unordered pair of actors (entity indices) from a_year to a_year + 9 */
    uint32_t *a_actor, *a_actor2;
    int32_t *a_year;
    /* b: an alias, exact and varied in case, dashes, apostrophes or spaces (NUL-terminated) */
    char **b_exact, **b_normalised;
    /* c: an event index */
    uint32_t *c_event;
    /* d: an actor (entity index) */
    uint32_t *d_actor;
    uint32_t busiest;        /* the actor in the most events */
    size_t busiest_events;   /* how many */
} query_params;

/** Draws @p n parameter sets per family from @p seed; @p busiest_runs repeats of the busiest actor. 0 on success. */
int params_make(query_params *p, const gen_data *g, size_t n, size_t busiest_runs, uint64_t seed);
void params_free(query_params *p);

#endif /* BENCH_PARAMS_H */
