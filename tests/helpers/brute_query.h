/* SPDX-License-Identifier: MIT */
/*
 * What a query should find, by scanning every object of a knowledge base
 * through the public getters and applying the rules of query.h one by one.
 * The words and normalised names of every object are read once (bq_new()).
 */
#ifndef REL_TEST_BRUTE_QUERY_H
#define REL_TEST_BRUTE_QUERY_H

#include <relations.h>

#include <stddef.h>
#include <stdint.h>

typedef struct bq_kb bq_kb;

/* Reads kb; fails the test on error. Free with bq_free() before kb. */
bq_kb *bq_new(const rel_kb *kb);
void bq_free(bq_kb *b);

/*
 * The results of a query with options o (valid for kb), in the knowledge
 * base's order: up to cap pointers into out; returns how many there are.
 */
size_t bq_expected(const bq_kb *b, const rel_query_options *o, const void **out, size_t cap);

/*
 * rel_query_count_by_year() of the events in[0..n): up to cap rows in year
 * order; returns how many years there are; *undated gets the rest.
 */
size_t bq_years(const void *const *events, size_t n, rel_year_count *rows, size_t cap, uint64_t *undated);

/*
 * The words of a text as query.h defines them (runs of letters, digits and
 * marks), each normalised with rel_text_normalise(). Calls fn for each.
 */
void bq_words(const char *text, size_t len, void (*fn)(const char *word, size_t len, void *payload), void *payload);

#endif
