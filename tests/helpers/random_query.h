/* SPDX-License-Identifier: MIT */
/* Random query options over a knowledge base, and their description for failure messages. */
#ifndef REL_TEST_RANDOM_QUERY_H
#define REL_TEST_RANDOM_QUERY_H

#include <relations.h>

#include "random_kb.h"

/* Options and the strings they point to (fill in place: the pointers are into the struct). */
typedef struct rq_query {
    rel_query_options opts;
    char actor[64];
    char actor2[64];
    char window[64];
    char type[64];
    char source[64];
    char claimant[64];
    char about[64];
    char alias[512];
    char text[256];
} rq_query;

/*
 * A random query on kb: a random target and one to three filters that
 * apply to it, with values drawn mostly from what kb holds so that many
 * queries find something. `actor2` never equals `actor`, and `text` always
 * holds at least one word.
 */
void rq_random(rq_query *q, const rel_kb *kb, rkb_rng *r);

/* A random event query with an actor, a second actor that differs from it, and a window. */
void rq_random_pair_in_window(rq_query *q, const rel_kb *kb, rkb_rng *r);

/* The options as text, such as `events actor="ent3" window="1990/.." (possible)`. */
void rq_describe(const rel_query_options *o, char *buf, size_t cap);

#endif
