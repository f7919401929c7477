/* SPDX-License-Identifier: MIT */
/*
 * Running one measurement in a child process, so that its peak memory is
 * its own and not the benchmark's (the peak resident size is per process).
 */
#ifndef BENCH_CHILD_H
#define BENCH_CHILD_H

#include <stddef.h>

/** The most figures a child can send back. */
#define CHILD_MAX_FIGURES 8

/**
 * A measurement: fills @p out with up to #CHILD_MAX_FIGURES figures.
 * @return 0 on success; anything else is a failure (the child says why on stderr).
 */
typedef int (*child_fn)(void *arg, double *out);

/**
 * Runs @p fn in a forked child and copies its figures into @p out.
 * @return 0 if the child succeeded; -1 otherwise.
 */
int run_in_child(child_fn fn, void *arg, double *out);

#endif /* BENCH_CHILD_H */
