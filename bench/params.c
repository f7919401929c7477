/* SPDX-License-Identifier: MIT */
#include "params.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const query_names[Q_COUNT] = {"query_a", "query_b_exact", "query_b_normalised",
                                          "query_c", "query_d",       "query_d_busiest"};

static char *dup_string(const char *s)
{
    size_t len = strlen(s) + 1;
    char *p = malloc(len);

    if (p)
        memcpy(p, s, len);
    return p;
}

/* A random name or alias of a random entity. */
static const char *random_alias(const gen_data *g, gen_rng *r)
{
    const gen_entity *e = &g->entities[gen_rng_below(r, g->entity_count)];
    size_t k = (size_t)gen_rng_below(r, (uint64_t)e->alias_count + 1);

    return gen_str(g, k == 0 ? e->name : e->alias[k - 1]);
}

/* A name that no entity has: none of the generated ones has digits. */
static void missing_alias(gen_rng *r, char *buf, size_t cap)
{
    snprintf(buf, cap, "Nowhere %u", (unsigned)gen_rng_below(r, 1000000));
}

/*
 * @p in as someone else might write it: letters in either case, any dash
 * for a hyphen and the reverse, either apostrophe, spaces doubled. It
 * normalises like @p in, but is seldom byte for byte the same.
 */
static void vary(gen_rng *r, const char *in, char *out, size_t cap)
{
    static const char *const dashes[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94"};
    static const char *const apostrophes[] = {"'", "\xE2\x80\x99"};
    size_t len = 0;

    while (*in && len + 8 < cap) {
        const char *put = NULL;
        if (strncmp(in, "\xE2\x80\x93", 3) == 0 || strncmp(in, "\xE2\x80\x94", 3) == 0 || *in == '-') {
            put = dashes[gen_rng_below(r, 3)];
            in += *in == '-' ? 1 : 3;
        } else if (strncmp(in, "\xE2\x80\x99", 3) == 0 || *in == '\'') {
            put = apostrophes[gen_rng_below(r, 2)];
            in += *in == '\'' ? 1 : 3;
        } else if (*in == ' ') {
            put = gen_rng_below(r, 4) ? " " : "  ";
            in++;
        } else {
            unsigned char c = (unsigned char)*in++;
            if (isalpha(c))
                c = (unsigned char)(gen_rng_below(r, 2) ? toupper(c) : tolower(c));
            out[len++] = (char)c;
        }
        if (put) {
            size_t pl = strlen(put);
            memcpy(out + len, put, pl);
            len += pl;
        }
    }
    out[len] = '\0';
}

int params_make(query_params *p, const gen_data *g, size_t n, size_t busiest_runs, uint64_t seed)
{
    uint32_t *events_of = calloc(g->entity_count, sizeof *events_of), *active = NULL;
    size_t active_count = 0;
    gen_rng r;
    char buf[512];
    int rc = -1;

    memset(p, 0, sizeof *p);
    p->n = n;
    for (int f = 0; f < Q_COUNT; f++)
        p->runs[f] = n;
    p->runs[Q_D_BUSIEST] = busiest_runs;
    p->a_actor = calloc(n, sizeof *p->a_actor);
    p->a_actor2 = calloc(n, sizeof *p->a_actor2);
    p->a_year = calloc(n, sizeof *p->a_year);
    p->b_exact = calloc(n, sizeof *p->b_exact);
    p->b_normalised = calloc(n, sizeof *p->b_normalised);
    p->c_event = calloc(n, sizeof *p->c_event);
    p->d_actor = calloc(n, sizeof *p->d_actor);
    active = calloc(g->actor_count, sizeof *active);
    if (!events_of || !active || !p->a_actor || !p->a_actor2 || !p->a_year || !p->b_exact || !p->b_normalised ||
        !p->c_event || !p->d_actor)
        goto out;

    for (size_t i = 0; i < g->event_count; i++) {
        events_of[g->events[i].actor]++;
        events_of[g->events[i].target]++;
    }
    for (size_t i = 0; i < g->actor_count; i++) {
        uint32_t e = g->actors[i];
        if (events_of[e] > 0)
            active[active_count++] = e;
        if (events_of[e] > p->busiest_events) {
            p->busiest_events = events_of[e];
            p->busiest = e;
        }
    }

    gen_rng_seed(&r, seed ^ 0x7175657279u); /* a stream of its own, apart from the data's */
    for (size_t i = 0; i < n; i++) {
        /* a: nine times in ten the actors of a real event, in a decade around it; else any two actors. */
        if (gen_rng_below(&r, 10) < 9) {
            const gen_event *ev = &g->events[gen_rng_below(&r, g->event_count)];
            int swap = (int)gen_rng_below(&r, 2);
            p->a_actor[i] = swap ? ev->target : ev->actor;
            p->a_actor2[i] = swap ? ev->actor : ev->target;
            p->a_year[i] = (int32_t)(ev->date / 10000) - (int32_t)gen_rng_below(&r, 10);
        } else {
            p->a_actor[i] = g->actors[gen_rng_below(&r, g->actor_count)];
            do
                p->a_actor2[i] = g->actors[gen_rng_below(&r, g->actor_count)];
            while (p->a_actor2[i] == p->a_actor[i]);
            p->a_year[i] = 1900 + (int32_t)gen_rng_below(&r, 117);
        }
        /* b: one in twenty names nobody has. */
        if (gen_rng_below(&r, 20) == 0)
            missing_alias(&r, buf, sizeof buf);
        else
            snprintf(buf, sizeof buf, "%s", random_alias(g, &r));
        p->b_exact[i] = dup_string(buf);
        if (gen_rng_below(&r, 20) == 0)
            missing_alias(&r, buf, sizeof buf);
        else
            vary(&r, random_alias(g, &r), buf, sizeof buf);
        p->b_normalised[i] = dup_string(buf);
        if (!p->b_exact[i] || !p->b_normalised[i])
            goto out;
        /* c: four times in five an event that some claim is about; else any event. */
        p->c_event[i] = gen_rng_below(&r, 5) ? g->claims[gen_rng_below(&r, g->claim_count)].event
                                            : (uint32_t)gen_rng_below(&r, g->event_count);
        /* d: any actor that takes part in at least one event, all alike. */
        p->d_actor[i] = active_count ? active[gen_rng_below(&r, active_count)] : g->actors[0];
    }
    rc = 0;
out:
    free(events_of);
    free(active);
    if (rc != 0)
        params_free(p);
    return rc;
}

void params_free(query_params *p)
{
    if (p->b_exact)
        for (size_t i = 0; i < p->n; i++)
            free(p->b_exact[i]);
    if (p->b_normalised)
        for (size_t i = 0; i < p->n; i++)
            free(p->b_normalised[i]);
    free(p->a_actor);
    free(p->a_actor2);
    free(p->a_year);
    free(p->b_exact);
    free(p->b_normalised);
    free(p->c_event);
    free(p->d_actor);
    memset(p, 0, sizeof *p);
}
