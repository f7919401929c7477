/* SPDX-License-Identifier: MIT */
/*
 * The time-expression parser (rel_time_parse). The input is the expression,
 * not NUL-terminated. Whatever it is, parsing gives a time or an error;
 * a time then formats, describes and bounds, and its canonical text parses
 * back to an equal time (the round trip relations/time.h promises).
 */
#include "fuzz.h"

#include <relations.h>

#include <string.h>

/* The canonical text fits this (rel_time_compare() and the JSON export rely on it). */
#define TEXT_MAX 256

typedef rel_status (*text_fn)(const rel_time *, char *, size_t, size_t *);

/* The whole text of fn, checked against the snprintf()-like contract at several sizes. */
static char *full_text(text_fn fn, const rel_time *t, size_t *out_len)
{
    static const size_t caps[] = {1, 2, 3, 5, 8, 13, 21};
    size_t len = 12345, len2 = 0, i;
    char *buf;

    /* Every text is at least one byte, so asking for the size "fails". */
    FUZZ_CHECK(fn(t, NULL, 0, &len) == REL_ERR_RANGE && len > 0);
    buf = malloc(len + 1);
    FUZZ_CHECK(buf != NULL);
    FUZZ_CHECK(fn(t, buf, len + 1, &len2) == REL_OK && len2 == len && strlen(buf) == len);
    FUZZ_CHECK(fuzz_utf8_valid(buf, len));
    for (i = 0; i < sizeof(caps) / sizeof(caps[0]) && caps[i] <= len; i++) {
        char small[32];
        size_t got = 0, n;
        memset(small, 'Z', sizeof(small));
        FUZZ_CHECK(fn(t, small, caps[i], &got) == REL_ERR_RANGE && got == len);
        n = strlen(small);
        /* A prefix, cut on a character boundary, and nothing written past cap. */
        FUZZ_CHECK(n < caps[i] && memcmp(small, buf, n) == 0 && fuzz_utf8_valid(small, n));
        FUZZ_CHECK(small[caps[i]] == 'Z');
    }
    *out_len = len;
    return buf;
}

static void check_bounds(const rel_time *t, rel_time_bounds *b)
{
    int64_t y;
    int32_t m, d;

    FUZZ_CHECK(rel_time_get_bounds(t, b) == REL_OK);
    FUZZ_CHECK(b->lo_kind >= REL_BOUND_DAY && b->lo_kind <= REL_BOUND_UNKNOWN);
    FUZZ_CHECK(b->hi_kind >= REL_BOUND_DAY && b->hi_kind <= REL_BOUND_UNKNOWN);
    if (b->lo_kind == REL_BOUND_DAY) {
        FUZZ_CHECK(b->fuzzy_lo <= b->strict_lo);
        FUZZ_CHECK(rel_date_from_day(b->fuzzy_lo, &y, &m, &d) == REL_OK);
        FUZZ_CHECK(rel_date_from_day(b->strict_lo, &y, &m, &d) == REL_OK);
    } else {
        FUZZ_CHECK(b->fuzzy_lo == INT64_MIN && b->strict_lo == INT64_MIN);
    }
    if (b->hi_kind == REL_BOUND_DAY) {
        FUZZ_CHECK(b->strict_hi <= b->fuzzy_hi);
        FUZZ_CHECK(rel_date_from_day(b->fuzzy_hi, &y, &m, &d) == REL_OK);
        FUZZ_CHECK(rel_date_from_day(b->strict_hi, &y, &m, &d) == REL_OK);
    } else {
        FUZZ_CHECK(b->fuzzy_hi == INT64_MAX && b->strict_hi == INT64_MAX);
    }
    if (b->lo_kind == REL_BOUND_DAY && b->hi_kind == REL_BOUND_DAY)
        FUZZ_CHECK(b->strict_lo <= b->strict_hi);
    FUZZ_CHECK(rel_time_overlaps(t, t) == 1);
    FUZZ_CHECK(rel_time_in_window(t, INT64_MIN, INT64_MAX, REL_WINDOW_POSSIBLE) == 1);
    (void)rel_time_in_window(t, b->strict_lo, b->strict_hi, REL_WINDOW_CERTAIN);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *expr = fuzz_dup(data, size);
    char *text, *again, *words, *nts;
    size_t len, len2, wlen;
    rel_time *t = NULL, *t2 = NULL, *copy = NULL;
    rel_time_bounds b, b2;
    rel_error err;
    rel_status st;

    memset(&err, 0x5A, sizeof(err));
    st = rel_time_parse(&t, expr, size, &err);
    FUZZ_CHECK(err.status == st);
    FUZZ_CHECK(memchr(err.message, '\0', sizeof(err.message)) != NULL);
    if (st != REL_OK) {
        FUZZ_CHECK(t == NULL);
        FUZZ_CHECK(st == REL_ERR_SYNTAX || st == REL_ERR_RANGE);
        free(expr);
        return 0;
    }
    FUZZ_CHECK(t != NULL);
    FUZZ_CHECK(rel_time_mod(t) >= REL_MOD_NONE && rel_time_mod(t) <= REL_MOD_APPROX);

    /* The same text, NUL-terminated, parses alike. */
    nts = malloc(size + 1);
    FUZZ_CHECK(nts != NULL);
    memcpy(nts, expr, size);
    nts[size] = '\0';
    FUZZ_CHECK(rel_time_parse(&t2, nts, REL_NTS, NULL) == REL_OK);
    FUZZ_CHECK(rel_time_compare(t, t2) == 0);
    rel_time_free(t2);
    t2 = NULL;
    free(nts);

    text = full_text(rel_time_format, t, &len);
    FUZZ_CHECK(len < TEXT_MAX);
    words = full_text(rel_time_describe, t, &wlen);
    check_bounds(t, &b);

    /* The round trip: the canonical text parses to an equal time. */
    st = rel_time_parse(&t2, text, len, &err);
    if (st != REL_OK)
        fprintf(stderr, "canonical text \"%s\" does not parse: %s\n", text, err.message);
    FUZZ_CHECK(st == REL_OK);
    again = full_text(rel_time_format, t2, &len2);
    if (len2 != len || memcmp(again, text, len) != 0)
        fprintf(stderr, "canonical text \"%s\" formats again as \"%s\"\n", text, again);
    FUZZ_CHECK(len2 == len && memcmp(again, text, len) == 0);
    check_bounds(t2, &b2);
    FUZZ_CHECK(memcmp(&b, &b2, sizeof(b)) == 0);
    FUZZ_CHECK(rel_time_compare(t, t2) == 0 && rel_time_compare(t2, t) == 0);
    FUZZ_CHECK(rel_time_mod(t2) == rel_time_mod(t) && rel_time_is_relative(t2) == rel_time_is_relative(t));

    FUZZ_CHECK(rel_time_copy(&copy, t) == REL_OK);
    FUZZ_CHECK(rel_time_compare(copy, t) == 0);

    rel_time_free(copy);
    rel_time_free(t2);
    rel_time_free(t);
    free(again);
    free(words);
    free(text);
    free(expr);
    return 0;
}
