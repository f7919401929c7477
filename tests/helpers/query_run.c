/* SPDX-License-Identifier: MIT */
/* Reading query results; see query_run.h. */
#include "query_run.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>

#include <cmocka.h>

/* One step of the iterator of the target. */
static rel_status next(rel_query *q, int32_t target, const void **out)
{
    rel_status st;

    switch (target) {
    case REL_QUERY_EVENTS: {
        const rel_event *ev = (const rel_event *)(const void *)out; /* poison: must be overwritten */
        st = rel_query_next_event(q, &ev);
        *out = ev;
        return st;
    }
    case REL_QUERY_CLAIMS: {
        const rel_claim *c = (const rel_claim *)(const void *)out;
        st = rel_query_next_claim(q, &c);
        *out = c;
        return st;
    }
    default: {
        const rel_entity *e = (const rel_entity *)(const void *)out;
        st = rel_query_next_entity(q, &e);
        *out = e;
        return st;
    }
    }
}

size_t qr_collect(rel_query *q, int32_t target, const void **out, size_t cap)
{
    size_t n = 0;

    for (;;) {
        const void *result = NULL;
        rel_status st = next(q, target, &result);

        if (st == REL_DONE) {
            if (result != NULL)
                fail_msg("REL_DONE after %zu results, with a result", n);
            return n;
        }
        if (st != REL_OK)
            fail_msg("reading result %zu: %s", n, rel_status_str(st));
        if (result == NULL)
            fail_msg("result %zu: REL_OK without a result", n);
        if (n < cap)
            out[n] = result;
        n++;
        if (n > 1000000)
            fail_msg("the results do not end");
    }
}

const char *qr_id(int32_t target, const void *result)
{
    switch (target) {
    case REL_QUERY_EVENTS: return rel_event_id(result, NULL);
    case REL_QUERY_CLAIMS: return rel_claim_id(result, NULL);
    default: return rel_entity_id(result, NULL);
    }
}

void qr_ids(int32_t target, const void *const *results, size_t n, char *buf, size_t cap)
{
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < n && len + 1 < cap; i++) {
        int w = snprintf(buf + len, cap - len, "%s%s", i ? "," : "", qr_id(target, results[i]));
        if (w < 0)
            break;
        len += (size_t)w;
    }
    if (len >= cap && cap > 4)
        snprintf(buf + cap - 4, 4, "...");
}
