/* SPDX-License-Identifier: MIT */
#include "queries.h"

#include <stdio.h>
#include <stdlib.h>

int results_alloc(query_result r[Q_COUNT], const query_params *p)
{
    for (int f = 0; f < Q_COUNT; f++) {
        size_t n = p->runs[f] ? p->runs[f] : 1;
        r[f].n = p->runs[f];
        r[f].us = calloc(n, sizeof *r[f].us);
        r[f].count = calloc(n, sizeof *r[f].count);
        r[f].years = calloc(n, sizeof *r[f].years);
        if (!r[f].us || !r[f].count || !r[f].years) {
            results_free(r);
            return -1;
        }
    }
    return 0;
}

void results_free(query_result r[Q_COUNT])
{
    for (int f = 0; f < Q_COUNT; f++) {
        free(r[f].us);
        free(r[f].count);
        free(r[f].years);
        r[f].us = NULL;
        r[f].count = NULL;
        r[f].years = NULL;
        r[f].n = 0;
    }
}

static void describe(const query_params *p, int f, size_t i, char *buf, size_t cap)
{
    switch (f) {
    case Q_A:
        snprintf(buf, cap, "actors e%u and e%u, %04d/%04d", (unsigned)p->a_actor[i], (unsigned)p->a_actor2[i],
                 (int)p->a_year[i], (int)p->a_year[i] + 9);
        break;
    case Q_B_EXACT:
        snprintf(buf, cap, "alias \"%s\"", p->b_exact[i]);
        break;
    case Q_B_NORMALISED:
        snprintf(buf, cap, "normalised alias \"%s\"", p->b_normalised[i]);
        break;
    case Q_C:
        snprintf(buf, cap, "claims about v%u", (unsigned)p->c_event[i]);
        break;
    case Q_D:
        snprintf(buf, cap, "events per year of e%u", (unsigned)p->d_actor[i]);
        break;
    default:
        snprintf(buf, cap, "events per year of e%u (the busiest)", (unsigned)p->busiest);
        break;
    }
}

int results_check(const query_params *p, const query_result rel[Q_COUNT], const query_result sql[Q_COUNT])
{
    size_t differ = 0;
    char what[640];

    for (int f = 0; f < Q_COUNT; f++)
        for (size_t i = 0; i < rel[f].n && i < sql[f].n; i++) {
            if (rel[f].count[i] == sql[f].count[i] && rel[f].years[i] == sql[f].years[i])
                continue;
            if (differ++ < 10) {
                describe(p, f, i, what, sizeof what);
                fprintf(stderr,
                        "relations-bench: %s, run %zu (%s): librelations gave %llu results (%u years), "
                        "SQLite %llu (%u years)\n",
                        query_names[f], i, what, (unsigned long long)rel[f].count[i], (unsigned)rel[f].years[i],
                        (unsigned long long)sql[f].count[i], (unsigned)sql[f].years[i]);
            }
        }
    if (differ)
        fprintf(stderr, "relations-bench: the two sides disagree on %zu runs: the comparison would be worthless\n",
                differ);
    return differ ? -1 : 0;
}
