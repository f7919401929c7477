/* SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L
#include "timing.h"

#include <stdlib.h>
#include <time.h>

double bench_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

/* The nearest-rank percentile: the smallest sample with at least p of them at or below it. */
static double nearest_rank(const double *sorted, size_t n, double p)
{
    size_t rank = (size_t)((double)n * p + 0.999999999);

    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return sorted[rank - 1];
}

bench_stats bench_stats_of(double *samples, size_t n)
{
    bench_stats s = {0.0, 0.0};

    if (n == 0)
        return s;
    qsort(samples, n, sizeof *samples, cmp_double);
    s.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2.0;
    s.p99 = nearest_rank(samples, n, 0.99);
    return s;
}
