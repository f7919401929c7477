/* SPDX-License-Identifier: MIT */
/* Reading the results of a query with the iterator of its target. */
#ifndef REL_TEST_QUERY_RUN_H
#define REL_TEST_QUERY_RUN_H

#include <relations.h>

#include <stddef.h>

/*
 * Reads the rest of the results of q (a query of the given target) with
 * rel_query_next_event(), _claim() or _entity(): up to cap of them into out;
 * returns how many there were. Fails the test on a status other than
 * REL_OK and REL_DONE, on REL_OK without a result, or on REL_DONE with one.
 */
size_t qr_collect(rel_query *q, int32_t target, const void **out, size_t cap);

/* The id of an event, claim or entity, by the target of the query that found it. */
const char *qr_id(int32_t target, const void *result);

/* The ids of results, comma-separated, for failure messages (at most about cap bytes). */
void qr_ids(int32_t target, const void *const *results, size_t n, char *buf, size_t cap);

#endif
