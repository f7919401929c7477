/* SPDX-License-Identifier: MIT */
/* Random knowledge bases, made with the builder calls from a deterministic generator. */
#ifndef REL_TEST_RANDOM_KB_H
#define REL_TEST_RANDOM_KB_H

#include <relations.h>

#include <stddef.h>
#include <stdint.h>

/* A small deterministic generator (splitmix64): the same seed, the same kb, everywhere. */
typedef struct rkb_rng {
    uint64_t state;
} rkb_rng;

void rkb_seed(rkb_rng *r, uint64_t seed);
uint64_t rkb_next(rkb_rng *r);
/* A number from 0 to n - 1 (0 if n is 0). */
size_t rkb_below(rkb_rng *r, size_t n);
/* 1 with a chance of percent in 100. */
int rkb_chance(rkb_rng *r, unsigned percent);

/* How many objects of each kind to make (at least one source). */
typedef struct rkb_size {
    size_t sources;
    size_t entities;
    size_t events;
    size_t claims;
} rkb_size;

/*
 * The words the generator writes into texts, names and literals (ASCII,
 * precomposed and decomposed accents, a sharp s, Hangul and Persian), so
 * that queries can look for them; a query may write them in other cases.
 */
size_t rkb_word_count(void);
const char *rkb_word(size_t i);

/* The event types the generator uses: a root, its modes, and roots that merely start alike. */
size_t rkb_type_count(void);
const char *rkb_type(size_t i);

/* A random time expression that rel_time_parse() accepts, written into buf. */
void rkb_time_expr(rkb_rng *r, char *buf, size_t cap);

/*
 * Fills kb with random sources ("src0"...), entities ("ent0"...), events
 * ("ev0"...) and claims ("cl0"...) with aliases, participants, times,
 * claimant and modality per source, relations, predicates, unannotated
 * passages and evidence. Fails the test if a builder call fails.
 */
void rkb_fill(rel_kb *kb, rkb_rng *r, const rkb_size *size);

/* A new knowledge base (opts may be NULL) filled by rkb_fill() from seed; fails the test on error. */
rel_kb *rkb_new(uint64_t seed, const rkb_size *size, const rel_kb_options *opts);

#endif
