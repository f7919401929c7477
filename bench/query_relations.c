/* SPDX-License-Identifier: MIT */
/* Queries a-d through librelations' query API (relations/query.h). */
#include "queries.h"
#include "timing.h"

#include <stdio.h>

/* One query's options, with room for the strings they point at. */
typedef struct call {
    rel_query_options opts;
    char actor[GEN_ID_CAP], actor2[GEN_ID_CAP], window[32];
} call;

/* Everything that is not the query itself (formatting ids) happens here, untimed. */
static void prepare(const query_params *p, int f, size_t i, call *c)
{
    rel_query_options init = REL_QUERY_OPTIONS_INIT;

    c->opts = init;
    switch (f) {
    case Q_A:
        gen_entity_id(p->a_actor[i], c->actor);
        gen_entity_id(p->a_actor2[i], c->actor2);
        snprintf(c->window, sizeof c->window, "%04d/%04d", (int)p->a_year[i], (int)p->a_year[i] + 9);
        c->opts.target = REL_QUERY_EVENTS;
        c->opts.actor = c->actor;
        c->opts.actor2 = c->actor2;
        c->opts.window = c->window;
        c->opts.window_semantics = REL_WINDOW_POSSIBLE;
        break;
    case Q_B_EXACT:
    case Q_B_NORMALISED:
        c->opts.target = REL_QUERY_ENTITIES;
        c->opts.alias = f == Q_B_EXACT ? p->b_exact[i] : p->b_normalised[i];
        c->opts.alias_match = f == Q_B_EXACT ? REL_MATCH_EXACT : REL_MATCH_NORMALISED;
        break;
    case Q_C:
        gen_event_id(p->c_event[i], c->actor);
        c->opts.target = REL_QUERY_CLAIMS;
        c->opts.about = c->actor;
        break;
    default:
        gen_entity_id(f == Q_D ? p->d_actor[i] : p->busiest, c->actor);
        c->opts.target = REL_QUERY_EVENTS;
        c->opts.actor = c->actor;
        break;
    }
}

static int failed(const char *what, rel_status st, const rel_error *err)
{
    fprintf(stderr, "relations-bench: %s: %s (%s)\n", what, err ? err->message : "", rel_status_str(st));
    return -1;
}

/* The query: make it, read every result, free it. */
static int execute(const rel_kb *kb, int f, const call *c, uint64_t *count, uint32_t *years)
{
    rel_query *q = NULL;
    rel_error err;
    rel_status st = rel_query_new(&q, kb, &c->opts, &err);
    uint64_t n = 0;

    if (st != REL_OK)
        return failed("rel_query_new", st, &err);
    if (f == Q_D || f == Q_D_BUSIEST) {
        rel_year_count rows[256];
        size_t len = 0;
        st = rel_query_count_by_year(q, rows, sizeof rows / sizeof rows[0], &len, NULL);
        if (st == REL_OK && len > sizeof rows / sizeof rows[0])
            st = REL_ERR_RANGE;
        for (size_t k = 0; st == REL_OK && k < len; k++)
            n += rows[k].count;
        *years = (uint32_t)len;
    } else if (f == Q_A) {
        const rel_event *ev;
        while ((st = rel_query_next_event(q, &ev)) == REL_OK)
            n++;
    } else if (f == Q_C) {
        const rel_claim *cl;
        while ((st = rel_query_next_claim(q, &cl)) == REL_OK)
            n++;
    } else {
        const rel_entity *en;
        while ((st = rel_query_next_entity(q, &en)) == REL_OK)
            n++;
    }
    rel_query_free(q);
    if (st != REL_OK && st != REL_DONE)
        return failed(query_names[f], st, NULL);
    *count = n;
    return 0;
}

int queries_relations(const query_params *p, const rel_kb *kb, query_result r[Q_COUNT])
{
    call c;

    for (int f = 0; f < Q_COUNT; f++) {
        uint64_t count;
        uint32_t years = 0;
        for (size_t i = 0; i < r[f].n && i < QUERY_WARMUP; i++) {
            prepare(p, f, i, &c);
            if (execute(kb, f, &c, &count, &years) != 0)
                return -1;
        }
        for (size_t i = 0; i < r[f].n; i++) {
            double t0, t1;
            prepare(p, f, i, &c);
            years = 0;
            t0 = bench_now();
            if (execute(kb, f, &c, &count, &years) != 0)
                return -1;
            t1 = bench_now();
            r[f].us[i] = (t1 - t0) * 1e6;
            r[f].count[i] = count;
            r[f].years[i] = years;
        }
    }
    return 0;
}
