/* SPDX-License-Identifier: MIT */
/* Monotonic clock and the statistics the benchmark reports. */
#ifndef BENCH_TIMING_H
#define BENCH_TIMING_H

#include <stddef.h>

/** Seconds on the monotonic clock, from an arbitrary origin. */
double bench_now(void);

/** The median and the 99th percentile of a set of samples. */
typedef struct bench_stats {
    double median;
    double p99;
} bench_stats;

/** Sorts @p samples (n > 0) in place and returns their median and 99th percentile (nearest rank). */
bench_stats bench_stats_of(double *samples, size_t n);

#endif /* BENCH_TIMING_H */
