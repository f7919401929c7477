/* SPDX-License-Identifier: MIT */
/* Fuzzy time (lib/time_*.c): parsing, canonical text, bounds, English, order, windows, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <relations/time.h>

#include "time_impl.h"

/* ---- helpers ------------------------------------------------------------ */

static int64_t day(int64_t y, int32_t m, int32_t d)
{
    int64_t out = 0;

    assert_int_equal(rel_day_from_date(y, m, d, &out), REL_OK);
    return out;
}

static rel_time *parse_ok(const char *s)
{
    rel_time *t = NULL;
    rel_error err;
    rel_status st = rel_time_parse(&t, s, REL_NTS, &err);

    if (st != REL_OK)
        fail_msg("parsing \"%s\" failed: %d %s", s, (int)st, err.message);
    assert_non_null(t);
    assert_int_equal(err.status, REL_OK);
    return t;
}

static rel_time_bounds bounds_of(const char *s)
{
    rel_time *t = parse_ok(s);
    rel_time_bounds b;

    assert_int_equal(rel_time_get_bounds(t, &b), REL_OK);
    rel_time_free(t);
    return b;
}

/* All four bounds are days, in the order fuzzy_lo, strict_lo, strict_hi, fuzzy_hi. */
static void check_days(const char *s, int64_t flo, int64_t slo, int64_t shi, int64_t fhi)
{
    rel_time_bounds b = bounds_of(s);

    assert_int_equal(b.lo_kind, REL_BOUND_DAY);
    assert_int_equal(b.hi_kind, REL_BOUND_DAY);
    assert_int_equal(b.fuzzy_lo, flo);
    assert_int_equal(b.strict_lo, slo);
    assert_int_equal(b.strict_hi, shi);
    assert_int_equal(b.fuzzy_hi, fhi);
}

/* Strict and fuzzy are the same span. */
static void check_span(const char *s, int64_t lo, int64_t hi)
{
    check_days(s, lo, lo, hi, hi);
}

static void check_format(const rel_time *t, const char *expect)
{
    char buf[REL_TIME__TEXT_MAX];
    size_t len = 0;

    assert_int_equal(rel_time_format(t, buf, sizeof(buf), &len), REL_OK);
    assert_string_equal(buf, expect);
    assert_int_equal(len, strlen(expect));
}

/* format(parse(s)) == s, and parse(format(t)) is equal to t. */
static void check_round_trip(const char *s)
{
    rel_time *t = parse_ok(s), *u;
    rel_time_bounds a, b;

    check_format(t, s);
    u = parse_ok(s);
    assert_int_equal(rel_time_compare(t, u), 0);
    assert_int_equal(rel_time_get_bounds(t, &a), REL_OK);
    assert_int_equal(rel_time_get_bounds(u, &b), REL_OK);
    assert_memory_equal(&a, &b, sizeof(a));
    assert_int_equal(rel_time_mod(t), rel_time_mod(u));
    rel_time_free(t);
    rel_time_free(u);
}

static void check_describe(const char *s, const char *expect)
{
    rel_time *t = parse_ok(s);
    char buf[REL_TIME__TEXT_MAX];
    size_t len = 0;

    assert_int_equal(rel_time_describe(t, buf, sizeof(buf), &len), REL_OK);
    assert_string_equal(buf, expect);
    assert_int_equal(len, strlen(expect));
    rel_time_free(t);
}

/* Fails with `status`; syntax errors point at byte `offset`. */
static void check_error_n(const char *s, size_t n, rel_status status, uint64_t offset)
{
    rel_time *t = (rel_time *)&t; /* must be reset to NULL */
    rel_error err;
    rel_status st = rel_time_parse(&t, s, n, &err);

    if (st != status)
        fail_msg("\"%s\": expected status %d, got %d (%s)", s, (int)status, (int)st,
                 st == REL_OK ? "ok" : err.message);
    assert_null(t);
    assert_int_equal(err.status, status);
    assert_true(err.message[0] != '\0');
    if (status == REL_ERR_SYNTAX) {
        if (err.offset != offset)
            fail_msg("\"%s\": expected offset %u, got %u (%s)", s, (unsigned)offset,
                     (unsigned)err.offset, err.message);
        assert_int_equal(err.line, 1);
        assert_int_equal(err.column, offset + 1);
    }
}

static void check_error(const char *s, rel_status status, uint64_t offset)
{
    check_error_n(s, strlen(s), status, offset);
}

/* ---- day numbers -------------------------------------------------------- */

static void test_time__day_absolute_anchors(void **state)
{
    (void)state;
    assert_int_equal(day(1970, 1, 1), 0);
    assert_int_equal(day(2000, 3, 1), 11017);
    assert_int_equal(day(0, 1, 1), -719528);
    assert_int_equal(day(1969, 12, 31), -1);
}

static void test_time__day_date_round_trip(void **state)
{
    int64_t d, y, first = day(-1204, 1, 1), last = day(2404, 12, 31), prev_y = -1205;
    int32_t m, dd, prev_m = 12, prev_d = 31;

    (void)state;
    for (d = first; d <= last; d++) {
        assert_int_equal(rel_date_from_day(d, &y, &m, &dd), REL_OK);
        assert_int_equal(day(y, m, dd), d);
        /* Consecutive days are consecutive dates. */
        if (dd == 1) {
            assert_true(prev_d == rel_time__days_in_month(prev_y, prev_m));
            assert_true((m == 1 && prev_m == 12 && y == prev_y + 1) || (m == prev_m + 1 && y == prev_y));
        } else {
            assert_true(dd == prev_d + 1 && m == prev_m && y == prev_y);
        }
        prev_y = y;
        prev_m = m;
        prev_d = dd;
    }
}

static void test_time__day_leap_years_proleptic(void **state)
{
    int64_t out;

    (void)state;
    assert_int_equal(day(2000, 2, 29) + 1, day(2000, 3, 1));
    assert_int_equal(rel_day_from_date(1900, 2, 29, &out), REL_ERR_RANGE);
    assert_int_equal(rel_day_from_date(2023, 2, 29, &out), REL_ERR_RANGE);
    assert_int_equal(day(0, 2, 29) + 1, day(0, 3, 1));      /* 1 BCE is a leap year */
    assert_int_equal(day(-4, 2, 29) + 1, day(-4, 3, 1));
    assert_int_equal(rel_day_from_date(-100, 2, 29, &out), REL_ERR_RANGE);
    assert_int_equal(day(-400, 2, 29) + 1, day(-400, 3, 1));
    assert_int_equal(day(2001, 1, 1) - day(2000, 1, 1), 366);
    assert_int_equal(day(1901, 1, 1) - day(1900, 1, 1), 365);
}

static void test_time__day_range_limits(void **state)
{
    int64_t out, y, lo, hi;
    int32_t m, d;

    (void)state;
    lo = day(-REL_TIME__YEAR_MAX, 1, 1);
    hi = day(REL_TIME__YEAR_MAX, 12, 31);
    assert_int_equal(rel_date_from_day(lo, &y, &m, &d), REL_OK);
    assert_int_equal(y, -REL_TIME__YEAR_MAX);
    assert_int_equal(rel_date_from_day(hi, &y, &m, &d), REL_OK);
    assert_int_equal(y, REL_TIME__YEAR_MAX);
    assert_int_equal(rel_date_from_day(lo - 1, &y, &m, &d), REL_ERR_RANGE);
    assert_int_equal(rel_date_from_day(hi + 1, &y, &m, &d), REL_ERR_RANGE);
    assert_int_equal(rel_date_from_day(INT64_MIN, &y, &m, &d), REL_ERR_RANGE);
    assert_int_equal(rel_date_from_day(INT64_MAX, &y, &m, &d), REL_ERR_RANGE);
    assert_int_equal(rel_day_from_date(REL_TIME__YEAR_MAX + 1, 1, 1, &out), REL_ERR_RANGE);
    assert_int_equal(rel_day_from_date(-REL_TIME__YEAR_MAX - 1, 1, 1, &out), REL_ERR_RANGE);
    assert_int_equal(rel_day_from_date(INT64_MIN, 1, 1, &out), REL_ERR_RANGE);
    assert_int_equal(rel_day_from_date(2000, 0, 1, &out), REL_ERR_RANGE);
    assert_int_equal(rel_day_from_date(2000, 13, 1, &out), REL_ERR_RANGE);
    assert_int_equal(rel_day_from_date(2000, 1, 0, &out), REL_ERR_RANGE);
    assert_int_equal(rel_day_from_date(2000, 4, 31, &out), REL_ERR_RANGE);
}

/* ---- EDTF examples ------------------------------------------------------ */

static void test_time__edtf_level0_round_trip(void **state)
{
    static const char *const ex[] = {
        "1985-04-12", "1985-04", "1985", "1985-04-12T23:20:30", "1985-04-12T23:20:30Z",
        "1985-04-12T23:20:30-04", "1985-04-12T23:20:30+04:30", "1964/2008", "2004-06/2006-08",
        "2004-02-01/2005-02-08", "2004-02-01/2005-02", "2004-02-01/2005", "2005/2006-02",
        "0000", "0001-01-01", "9999-12-31"};
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++)
        check_round_trip(ex[i]);
}

static void test_time__edtf_level1_round_trip(void **state)
{
    static const char *const ex[] = {
        "Y170000002", "Y-170000002", "2001-21", "2001-22", "2001-23", "2001-24", "1984?",
        "2004-06~", "2004-06-11%", "1984~/2004-06", "1984/2004-06~", "1984?/2004%", "201X",
        "20XX", "2XXX", "2004-XX", "1985-04-XX", "1985-XX-XX", "1985-04-12/..", "1985-04/..",
        "1985/..", "../1985-04-12", "../1985-04", "../1985", "1985-04-12/", "1985-04/", "1985/",
        "/1985-04-12", "/1985-04", "/1985", "-1985", "-0043", "198X~", "2001-21?"};
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++)
        check_round_trip(ex[i]);
}

static void test_time__modifiers_and_anchors_round_trip(void **state)
{
    static const char *const ex[] = {
        "START 1980-10", "MID 1980-10", "END 1980-10", "BEFORE 1979", "AFTER 1979",
        "ON_OR_BEFORE 1979", "ON_OR_AFTER 1979", "MORE_THAN -P1600Y", "LESS_THAN -P1600Y",
        "APPROX -P1500Y", "APPROX 1984", "MORE_THAN -P1600Y @2020", "-P1Y6M3D @2020-02-29",
        "P2M", "P10D", "-P1Y2D", "P3M4D", "1985 @2020", "AFTER 1979 @2020-06",
        "0601/0700", "Y12345", "Y-10000"};
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++)
        check_round_trip(ex[i]);
}

static void test_time__noncanonical_input_formats_canonically(void **state)
{
    rel_time *t = parse_ok("P0012Y"), *u;

    (void)state;
    check_format(t, "P12Y");
    u = parse_ok("P12Y");
    assert_int_equal(rel_time_compare(t, u), 0);
    rel_time_free(t);
    rel_time_free(u);
}

static void test_time__level0_bounds(void **state)
{
    (void)state;
    check_span("1985-04-12", day(1985, 4, 12), day(1985, 4, 12));
    check_span("1985-04", day(1985, 4, 1), day(1985, 4, 30));
    check_span("1985", day(1985, 1, 1), day(1985, 12, 31));
    check_span("2004-02", day(2004, 2, 1), day(2004, 2, 29));
    check_span("1985-04-12T23:20:30+04:30", day(1985, 4, 12), day(1985, 4, 12));
    check_span("1964/2008", day(1964, 1, 1), day(2008, 12, 31));
    check_span("2004-06/2006-08", day(2004, 6, 1), day(2006, 8, 31));
    check_span("2004-02-01/2005-02-08", day(2004, 2, 1), day(2005, 2, 8));
    check_span("2004-02-01/2005-02", day(2004, 2, 1), day(2005, 2, 28));
    check_span("2004-02-01/2005", day(2004, 2, 1), day(2005, 12, 31));
    check_span("2005/2006-02", day(2005, 1, 1), day(2006, 2, 28));
}

static void test_time__seasons_bounds(void **state)
{
    (void)state;
    check_span("2001-21", day(2001, 3, 1), day(2001, 5, 31));
    check_span("2001-22", day(2001, 6, 1), day(2001, 8, 31));
    check_span("2001-23", day(2001, 9, 1), day(2001, 11, 30));
    check_span("2001-24", day(2001, 12, 1), day(2002, 2, 28));
    check_span("2003-24", day(2003, 12, 1), day(2004, 2, 29));
    /* A season widens by a season. */
    check_days("2001-21~", day(2000, 12, 1), day(2001, 3, 1), day(2001, 5, 31), day(2001, 8, 31));
}

static void test_time__unspecified_digits_bounds(void **state)
{
    (void)state;
    check_span("198X", day(1980, 1, 1), day(1989, 12, 31));
    check_span("19XX", day(1900, 1, 1), day(1999, 12, 31));
    check_span("2XXX", day(2000, 1, 1), day(2999, 12, 31));
    check_span("2004-XX", day(2004, 1, 1), day(2004, 12, 31));
    check_span("1985-04-XX", day(1985, 4, 1), day(1985, 4, 30));
    check_span("1985-XX-XX", day(1985, 1, 1), day(1985, 12, 31));
}

static void test_time__long_and_negative_years_bounds(void **state)
{
    (void)state;
    check_span("Y170000002", day(170000002, 1, 1), day(170000002, 12, 31));
    check_span("Y-170000002", day(-170000002, 1, 1), day(-170000002, 12, 31));
    check_span("-1985", day(-1985, 1, 1), day(-1985, 12, 31));
    check_span("-0043-03-15", day(-43, 3, 15), day(-43, 3, 15));
    check_span("0000", day(0, 1, 1), day(0, 12, 31));
}

static void test_time__qualifiers_widen_fuzzy_not_strict(void **state)
{
    (void)state;
    check_days("1984?", day(1983, 1, 1), day(1984, 1, 1), day(1984, 12, 31), day(1985, 12, 31));
    check_days("1984~", day(1983, 1, 1), day(1984, 1, 1), day(1984, 12, 31), day(1985, 12, 31));
    check_days("1984%", day(1982, 1, 1), day(1984, 1, 1), day(1984, 12, 31), day(1986, 12, 31));
    check_days("2004-06~", day(2004, 5, 1), day(2004, 6, 1), day(2004, 6, 30), day(2004, 7, 31));
    check_days("2004-03?", day(2004, 2, 1), day(2004, 3, 1), day(2004, 3, 31), day(2004, 4, 30));
    check_days("2004-06-11%", day(2004, 6, 9), day(2004, 6, 11), day(2004, 6, 11), day(2004, 6, 13));
    check_days("198X~", day(1970, 1, 1), day(1980, 1, 1), day(1989, 12, 31), day(1999, 12, 31));
    check_days("1985-04-XX?", day(1985, 3, 1), day(1985, 4, 1), day(1985, 4, 30), day(1985, 5, 31));
}

static void test_time__qualifiers_on_interval_ends(void **state)
{
    (void)state;
    check_days("1984~/2004-06", day(1983, 1, 1), day(1984, 1, 1), day(2004, 6, 30), day(2004, 6, 30));
    check_days("1984/2004-06~", day(1984, 1, 1), day(1984, 1, 1), day(2004, 6, 30), day(2004, 7, 31));
    check_days("1984?/2004%", day(1983, 1, 1), day(1984, 1, 1), day(2004, 12, 31), day(2006, 12, 31));
}

static void test_time__open_and_unknown_ends(void **state)
{
    rel_time_bounds b;

    (void)state;
    b = bounds_of("1985/..");
    assert_int_equal(b.lo_kind, REL_BOUND_DAY);
    assert_int_equal(b.hi_kind, REL_BOUND_OPEN);
    assert_int_equal(b.strict_lo, day(1985, 1, 1));
    assert_int_equal(b.strict_hi, INT64_MAX);
    assert_int_equal(b.fuzzy_hi, INT64_MAX);

    b = bounds_of("../1985-04-12");
    assert_int_equal(b.lo_kind, REL_BOUND_OPEN);
    assert_int_equal(b.hi_kind, REL_BOUND_DAY);
    assert_int_equal(b.strict_lo, INT64_MIN);
    assert_int_equal(b.fuzzy_lo, INT64_MIN);
    assert_int_equal(b.strict_hi, day(1985, 4, 12));

    b = bounds_of("1985-04/");
    assert_int_equal(b.lo_kind, REL_BOUND_DAY);
    assert_int_equal(b.hi_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.strict_lo, day(1985, 4, 1));
    assert_int_equal(b.strict_hi, INT64_MAX);

    b = bounds_of("/1985");
    assert_int_equal(b.lo_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.hi_kind, REL_BOUND_DAY);
    assert_int_equal(b.fuzzy_lo, INT64_MIN);
    assert_int_equal(b.fuzzy_hi, day(1985, 12, 31));
}

/* ---- the corpus's expressions ------------------------------------------- */

static void test_time__corpus_the_1980s(void **state)
{
    (void)state;
    check_span("198X", day(1980, 1, 1), day(1989, 12, 31));
    check_describe("198X", "the 1980s");
}

static void test_time__corpus_early_october_1980(void **state)
{
    (void)state;
    check_days("START 1980-10", day(1980, 10, 1), day(1980, 10, 1), day(1980, 10, 10),
               day(1980, 10, 15));
    check_describe("START 1980-10", "early October 1980");
}

static void test_time__corpus_1971_1972(void **state)
{
    (void)state;
    check_span("1971/1972", day(1971, 1, 1), day(1972, 12, 31));
    check_describe("1971/1972", "1971\xE2\x80\x93" "1972");
}

static void test_time__corpus_7th_century(void **state)
{
    (void)state;
    check_span("0601/0700", day(601, 1, 1), day(700, 12, 31));
    check_describe("0601/0700", "601\xE2\x80\x93" "700");
}

static void test_time__corpus_more_than_1600_years_ago(void **state)
{
    rel_time_bounds b = bounds_of("MORE_THAN -P1600Y");

    (void)state;
    assert_int_equal(b.lo_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.hi_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.strict_lo, INT64_MIN);
    assert_int_equal(b.fuzzy_lo, INT64_MIN);
    assert_int_equal(b.strict_hi, INT64_MAX);
    assert_int_equal(b.fuzzy_hi, INT64_MAX);
    check_describe("MORE_THAN -P1600Y", "more than 1600 years before the document");

    b = bounds_of("MORE_THAN -P1600Y @2020");
    assert_int_equal(b.lo_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.hi_kind, REL_BOUND_DAY);
    assert_int_equal(b.strict_hi, day(419, 12, 31));
    assert_int_equal(b.fuzzy_hi, day(420, 12, 31));
    check_describe("MORE_THAN -P1600Y @2020", "more than 1600 years before 2020");
}

static void test_time__corpus_december_2009(void **state)
{
    (void)state;
    check_span("2009-12", day(2009, 12, 1), day(2009, 12, 31));
    check_describe("2009-12", "December 2009");
}

static void test_time__corpus_compiled_in_1145(void **state)
{
    (void)state;
    check_span("1145", day(1145, 1, 1), day(1145, 12, 31));
    check_describe("1145", "1145");
}

static void test_time__corpus_1500_years_ago(void **state)
{
    rel_time_bounds b = bounds_of("APPROX -P1500Y");

    (void)state;
    assert_int_equal(b.lo_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.hi_kind, REL_BOUND_UNKNOWN);
    check_describe("APPROX -P1500Y", "about 1500 years before the document");
    /* A tenth of 1500 years either side. */
    check_days("APPROX -P1500Y @2020", day(370, 1, 1), day(520, 1, 1), day(520, 12, 31),
               day(670, 12, 31));
    check_describe("APPROX -P1500Y @2020", "about 1500 years before 2020");
}

static void test_time__corpus_before_1979(void **state)
{
    rel_time_bounds b = bounds_of("BEFORE 1979");

    (void)state;
    assert_int_equal(b.lo_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.strict_lo, INT64_MIN);
    assert_int_equal(b.fuzzy_lo, INT64_MIN);
    assert_int_equal(b.hi_kind, REL_BOUND_DAY);
    assert_int_equal(b.strict_hi, day(1978, 12, 31));
    assert_int_equal(b.fuzzy_hi, day(1978, 12, 31));
    check_describe("BEFORE 1979", "before 1979");
}

static void test_time__corpus_plain_dates(void **state)
{
    (void)state;
    check_span("1979", day(1979, 1, 1), day(1979, 12, 31));
    check_describe("1979", "1979");
    check_span("1982", day(1982, 1, 1), day(1982, 12, 31));
    check_describe("1982", "1982");
    check_span("2013-03", day(2013, 3, 1), day(2013, 3, 31));
    check_describe("2013-03", "March 2013");
    check_span("1962", day(1962, 1, 1), day(1962, 12, 31));
    check_describe("1962", "1962");
    check_span("2021", day(2021, 1, 1), day(2021, 12, 31));
    check_describe("2021", "2021");
}

/* ---- modifiers ---------------------------------------------------------- */

static void test_time__start_mid_end_parts(void **state)
{
    (void)state;
    /* October 1980: 31 days, a third is 10, a half 15, a sixth 5. */
    check_days("MID 1980-10", day(1980, 10, 6), day(1980, 10, 11), day(1980, 10, 21),
               day(1980, 10, 26));
    check_days("END 1980-10", day(1980, 10, 17), day(1980, 10, 22), day(1980, 10, 31),
               day(1980, 10, 31));
    /* START keeps the period's own fuzzy start. */
    check_days("START 1980-10~", day(1980, 9, 1), day(1980, 10, 1), day(1980, 10, 10),
               day(1980, 10, 15));
    check_days("END 1980-10~", day(1980, 10, 17), day(1980, 10, 22), day(1980, 10, 31),
               day(1980, 11, 30));
}

static void test_time__start_mid_end_never_empty(void **state)
{
    int64_t d = day(1985, 4, 12);

    (void)state;
    check_span("START 1985-04-12", d, d);
    check_span("MID 1985-04-12", d, d);
    check_span("END 1985-04-12", d, d);
    check_span("START 1985-04-12/1985-04-13", d, d);
    check_span("END 1985-04-12/1985-04-13", d + 1, d + 1);
}

static void test_time__before_and_after(void **state)
{
    rel_time_bounds b;

    (void)state;
    /* A qualified period widens BEFORE's end by as much as its own start. */
    b = bounds_of("BEFORE 1984~");
    assert_int_equal(b.lo_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.strict_hi, day(1983, 12, 31));
    assert_int_equal(b.fuzzy_hi, day(1983, 12, 31) + (day(1984, 1, 1) - day(1983, 1, 1)));

    b = bounds_of("AFTER 1979");
    assert_int_equal(b.lo_kind, REL_BOUND_DAY);
    assert_int_equal(b.hi_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.strict_lo, day(1980, 1, 1));
    assert_int_equal(b.fuzzy_lo, day(1980, 1, 1));
    assert_int_equal(b.strict_hi, INT64_MAX);

    b = bounds_of("AFTER 2004-06~");
    assert_int_equal(b.strict_lo, day(2004, 7, 1));
    assert_int_equal(b.fuzzy_lo, day(2004, 7, 1) - (day(2004, 7, 31) - day(2004, 6, 30)));

    check_span("AFTER 1979 @2020", day(1980, 1, 1), day(2020, 12, 31));
    /* An interval: BEFORE looks at its start, AFTER at its end. */
    b = bounds_of("BEFORE 1971/1972");
    assert_int_equal(b.strict_hi, day(1970, 12, 31));
    b = bounds_of("AFTER 1971/1972");
    assert_int_equal(b.strict_lo, day(1973, 1, 1));
    b = bounds_of("BEFORE 1985/..");
    assert_int_equal(b.strict_hi, day(1984, 12, 31));
}

static void test_time__on_or_before_and_after(void **state)
{
    rel_time_bounds b;

    (void)state;
    b = bounds_of("ON_OR_BEFORE 1979~");
    assert_int_equal(b.lo_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.strict_hi, day(1979, 12, 31));
    assert_int_equal(b.fuzzy_hi, day(1980, 12, 31));

    b = bounds_of("ON_OR_AFTER 1979~");
    assert_int_equal(b.hi_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.strict_lo, day(1979, 1, 1));
    assert_int_equal(b.fuzzy_lo, day(1978, 1, 1));

    check_span("ON_OR_AFTER 1979 @2020-03", day(1979, 1, 1), day(2020, 3, 31));
}

static void test_time__approx_widens_one_unit(void **state)
{
    (void)state;
    check_days("APPROX 1984", day(1983, 1, 1), day(1984, 1, 1), day(1984, 12, 31), day(1985, 12, 31));
    check_days("APPROX 1984~", day(1982, 1, 1), day(1984, 1, 1), day(1984, 12, 31), day(1986, 12, 31));
    check_days("APPROX 2004-06-11", day(2004, 6, 10), day(2004, 6, 11), day(2004, 6, 11),
               day(2004, 6, 12));
    check_days("APPROX 1971/1972", day(1970, 1, 1), day(1971, 1, 1), day(1972, 12, 31),
               day(1973, 12, 31));
}

static void test_time__approx_duration_widens_a_tenth(void **state)
{
    (void)state;
    /* Under ten units, at least one unit of the smallest component. */
    check_days("APPROX -P5Y @2020", day(2014, 1, 1), day(2015, 1, 1), day(2015, 12, 31),
               day(2016, 12, 31));
    check_days("APPROX -P3M @2020-06", day(2020, 2, 1), day(2020, 3, 1), day(2020, 3, 31),
               day(2020, 4, 30));
    check_days("APPROX P20D @2020-01-01", day(2020, 1, 19), day(2020, 1, 21), day(2020, 1, 21),
               day(2020, 1, 23));
}

/* ---- durations ---------------------------------------------------------- */

static void test_time__duration_without_anchor_is_unknown(void **state)
{
    static const char *const ex[] = {"-P1600Y", "P2M", "LESS_THAN -P10D", "APPROX P1Y"};
    rel_time_bounds b;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
        b = bounds_of(ex[i]);
        assert_int_equal(b.lo_kind, REL_BOUND_UNKNOWN);
        assert_int_equal(b.hi_kind, REL_BOUND_UNKNOWN);
        assert_int_equal(b.strict_lo, INT64_MIN);
        assert_int_equal(b.strict_hi, INT64_MAX);
    }
}

static void test_time__duration_keeps_anchor_precision(void **state)
{
    (void)state;
    check_span("-P1600Y @2020", day(420, 1, 1), day(420, 12, 31));
    check_span("P1600Y @2020", day(3620, 1, 1), day(3620, 12, 31));
    check_span("-P1M @2020-03", day(2020, 2, 1), day(2020, 2, 29));
    check_span("-P1M @2020-04", day(2020, 3, 1), day(2020, 3, 31));
    check_span("-P10D @2020-03-05", day(2020, 2, 24), day(2020, 2, 24));
    check_span("-P1Y6M3D @2020-02-29", day(2018, 8, 26), day(2018, 8, 26));
}

static void test_time__duration_clamps_day_of_month(void **state)
{
    (void)state;
    check_span("-P1Y @2020-02-29", day(2019, 2, 28), day(2019, 2, 28));
    check_span("P1M @2021-01-31", day(2021, 2, 28), day(2021, 2, 28));
    check_span("-P1M @2020-03-31", day(2020, 2, 29), day(2020, 2, 29));
}

static void test_time__more_and_less_than(void **state)
{
    rel_time_bounds b;

    (void)state;
    check_days("LESS_THAN -P1600Y @2020", day(420, 1, 1), day(421, 1, 1), day(2020, 12, 31),
               day(2020, 12, 31));
    b = bounds_of("MORE_THAN P10Y @2020");
    assert_int_equal(b.lo_kind, REL_BOUND_DAY);
    assert_int_equal(b.hi_kind, REL_BOUND_UNKNOWN);
    assert_int_equal(b.fuzzy_lo, day(2030, 1, 1));
    assert_int_equal(b.strict_lo, day(2031, 1, 1));
    check_days("LESS_THAN P10Y @2020", day(2020, 1, 1), day(2020, 1, 1), day(2029, 12, 31),
               day(2030, 12, 31));
}

static void test_time__mod_and_relative_accessors(void **state)
{
    rel_time *t = parse_ok("ON_OR_AFTER 1979"), *u = parse_ok("MORE_THAN -P1600Y @2020");

    (void)state;
    assert_int_equal(rel_time_mod(t), REL_MOD_ON_OR_AFTER);
    assert_int_equal(rel_time_is_relative(t), 0);
    assert_int_equal(rel_time_mod(u), REL_MOD_MORE_THAN);
    assert_int_equal(rel_time_is_relative(u), 1);
    assert_int_equal(rel_time_mod(NULL), REL_MOD_NONE);
    assert_int_equal(rel_time_is_relative(NULL), 0);
    rel_time_free(t);
    rel_time_free(u);
}

static void test_time__every_modifier_name_parses(void **state)
{
    static const struct {
        const char *text;
        int32_t mod;
    } ex[] = {{"START 1980", REL_MOD_START}, {"MID 1980", REL_MOD_MID}, {"END 1980", REL_MOD_END},
              {"BEFORE 1980", REL_MOD_BEFORE}, {"AFTER 1980", REL_MOD_AFTER},
              {"ON_OR_BEFORE 1980", REL_MOD_ON_OR_BEFORE}, {"ON_OR_AFTER 1980", REL_MOD_ON_OR_AFTER},
              {"MORE_THAN P1Y", REL_MOD_MORE_THAN}, {"LESS_THAN P1Y", REL_MOD_LESS_THAN},
              {"APPROX 1980", REL_MOD_APPROX}, {"APPROX P1Y", REL_MOD_APPROX}, {"1980", REL_MOD_NONE}};
    rel_time *t;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
        t = parse_ok(ex[i].text);
        assert_int_equal(rel_time_mod(t), ex[i].mod);
        check_format(t, ex[i].text);
        rel_time_free(t);
    }
}

/* ---- descriptions ------------------------------------------------------- */

static void test_time__describe_dates(void **state)
{
    (void)state;
    check_describe("1980", "1980");
    check_describe("1980-10", "October 1980");
    check_describe("1980-10-05", "5 October 1980");
    check_describe("19XX", "the 1900s");
    check_describe("2001-21", "spring 2001");
    check_describe("2001-24", "winter 2001\xE2\x80\x93" "2002");
    check_describe("-0043", "44 BCE");
    check_describe("0000", "1 BCE");
    check_describe("1985-04-12T23:20:30Z", "12 April 1985 at 23:20:30 UTC");
    check_describe("2004-XX", "some month in 2004");
    check_describe("1985-04-XX", "some day in April 1985");
}

static void test_time__describe_qualifiers(void **state)
{
    (void)state;
    check_describe("1984?", "possibly 1984");
    check_describe("1984~", "about 1984");
    check_describe("1984%", "possibly about 1984");
    check_describe("198X~", "about the 1980s");
}

static void test_time__describe_modifiers(void **state)
{
    (void)state;
    check_describe("MID 1980-10", "mid-October 1980");
    check_describe("END 1980-10", "late October 1980");
    check_describe("START 198X", "the early 1980s");
    check_describe("AFTER 1979", "after 1979");
    check_describe("ON_OR_BEFORE 1979", "on or before 1979");
    check_describe("ON_OR_AFTER 1979", "on or after 1979");
    check_describe("APPROX 1979", "about 1979");
    check_describe("LESS_THAN -P1600Y", "less than 1600 years before the document");
    check_describe("P1Y2M3D @2020-10", "1 year, 2 months and 3 days after October 2020");
}

static void test_time__describe_interval_ends(void **state)
{
    (void)state;
    check_describe("1985/..", "from 1985 on");
    check_describe("../1985", "until 1985");
    check_describe("1985/", "from 1985 (end unknown)");
    check_describe("/1985", "until 1985 (start unknown)");
}

/* ---- ordering and windows ----------------------------------------------- */

static int cmp_times(const void *a, const void *b)
{
    return rel_time_compare(*(rel_time *const *)a, *(rel_time *const *)b);
}

static void test_time__compare_sorts_a_timeline(void **state)
{
    /* Listed in the expected order. */
    static const char *const sorted[] = {
        "BEFORE 1979", "../1985", "/1985", "0601/0700", "1971/1972", "1979", "198X",
        "START 1980-10", "1980-10", "1985/", "1985/..", "2009-12"};
    enum { N = sizeof(sorted) / sizeof(sorted[0]) };
    static const size_t shuffle[N] = {7, 2, 11, 0, 9, 4, 1, 10, 6, 3, 8, 5};
    rel_time *ts[N];
    char buf[REL_TIME__TEXT_MAX];
    size_t i;

    (void)state;
    for (i = 0; i < N; i++)
        ts[i] = parse_ok(sorted[shuffle[i]]);
    qsort(ts, N, sizeof(ts[0]), cmp_times);
    for (i = 0; i < N; i++) {
        assert_int_equal(rel_time_format(ts[i], buf, sizeof(buf), NULL), REL_OK);
        assert_string_equal(buf, sorted[i]);
    }
    for (i = 0; i < N; i++)
        rel_time_free(ts[i]);
}

static void test_time__compare_nulls_and_ties(void **state)
{
    rel_time *a = parse_ok("1984"), *b = parse_ok("1984 @2020"), *c = parse_ok("1984");

    (void)state;
    assert_int_equal(rel_time_compare(NULL, NULL), 0);
    assert_true(rel_time_compare(NULL, a) < 0);
    assert_true(rel_time_compare(a, NULL) > 0);
    assert_int_equal(rel_time_compare(a, c), 0);
    /* Same bounds: the canonical text decides. */
    assert_true(rel_time_compare(a, b) < 0);
    assert_true(rel_time_compare(b, a) > 0);
    rel_time_free(a);
    rel_time_free(b);
    rel_time_free(c);
}

static int overlaps(const char *x, const char *y)
{
    rel_time *a = parse_ok(x), *b = parse_ok(y);
    int r = rel_time_overlaps(a, b);

    assert_int_equal(rel_time_overlaps(b, a), r);
    rel_time_free(a);
    rel_time_free(b);
    return r;
}

static void test_time__overlaps(void **state)
{
    rel_time *a = parse_ok("1984");

    (void)state;
    assert_int_equal(overlaps("1984", "1984-06"), 1);
    assert_int_equal(overlaps("1984", "1985"), 0);
    assert_int_equal(overlaps("1984~", "1985"), 1); /* fuzzy spans meet */
    assert_int_equal(overlaps("1984-12-31", "1985-01-01"), 0);
    assert_int_equal(overlaps("BEFORE 1979", "1900"), 1);
    assert_int_equal(overlaps("BEFORE 1979", "1979"), 0);
    assert_int_equal(overlaps("1985/..", "2500"), 1);
    assert_int_equal(overlaps("MORE_THAN -P1600Y", "2020"), 1); /* unknown reaches everywhere */
    assert_int_equal(rel_time_overlaps(a, NULL), 0);
    assert_int_equal(rel_time_overlaps(NULL, a), 0);
    rel_time_free(a);
}

static int in_window(const char *s, int64_t lo, int64_t hi, int32_t sem)
{
    rel_time *t = parse_ok(s);
    int r = rel_time_in_window(t, lo, hi, sem);

    rel_time_free(t);
    return r;
}

static void test_time__in_window_certain(void **state)
{
    int64_t lo = day(1980, 1, 1), hi = day(1989, 12, 31);

    (void)state;
    assert_int_equal(in_window("1984", lo, hi, REL_WINDOW_CERTAIN), 1);
    assert_int_equal(in_window("198X", lo, hi, REL_WINDOW_CERTAIN), 1);
    assert_int_equal(in_window("198X~", lo, hi, REL_WINDOW_CERTAIN), 0);
    assert_int_equal(in_window("1980?", lo, hi, REL_WINDOW_CERTAIN), 0);
    assert_int_equal(in_window("1979/1981", lo, hi, REL_WINDOW_CERTAIN), 0);
    assert_int_equal(in_window("1985/..", lo, hi, REL_WINDOW_CERTAIN), 0);
    assert_int_equal(in_window("BEFORE 1985", lo, hi, REL_WINDOW_CERTAIN), 0);
}

static void test_time__in_window_possible(void **state)
{
    int64_t lo = day(1980, 1, 1), hi = day(1989, 12, 31);

    (void)state;
    assert_int_equal(in_window("1984", lo, hi, REL_WINDOW_POSSIBLE), 1);
    assert_int_equal(in_window("1979/1981", lo, hi, REL_WINDOW_POSSIBLE), 1);
    assert_int_equal(in_window("1979?", lo, hi, REL_WINDOW_POSSIBLE), 1);
    assert_int_equal(in_window("1979", lo, hi, REL_WINDOW_POSSIBLE), 0);
    assert_int_equal(in_window("1985/..", lo, hi, REL_WINDOW_POSSIBLE), 1);
    assert_int_equal(in_window("BEFORE 1985", lo, hi, REL_WINDOW_POSSIBLE), 1);
    assert_int_equal(in_window("BEFORE 1980", lo, hi, REL_WINDOW_POSSIBLE), 0);
    assert_int_equal(in_window("-P1600Y", lo, hi, REL_WINDOW_POSSIBLE), 1);
}

static void test_time__in_window_invalid_arguments(void **state)
{
    rel_time *t = parse_ok("1984");
    int64_t d = day(1984, 6, 1);

    (void)state;
    assert_int_equal(rel_time_in_window(t, d + 1, d, REL_WINDOW_POSSIBLE), 0);
    assert_int_equal(rel_time_in_window(t, d, d, 2), 0);
    assert_int_equal(rel_time_in_window(t, d, d, -1), 0);
    assert_int_equal(rel_time_in_window(NULL, d, d, REL_WINDOW_POSSIBLE), 0);
    assert_int_equal(rel_time_in_window(t, INT64_MIN, INT64_MAX, REL_WINDOW_CERTAIN), 1);
    rel_time_free(t);
}

/* ---- errors ------------------------------------------------------------- */

static void test_time__null_arguments(void **state)
{
    rel_time *t = parse_ok("1984"), *out = (rel_time *)&out;
    rel_time_bounds b;
    rel_error err;
    char buf[8];
    size_t len = 99;
    int64_t y;
    int32_t m, dd;

    (void)state;
    assert_int_equal(rel_time_parse(NULL, "1984", REL_NTS, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_int_equal(rel_time_parse(&out, NULL, 4, &err), REL_ERR_ARG);
    assert_null(out);
    assert_int_equal(rel_time_parse(&out, NULL, 4, NULL), REL_ERR_ARG);
    assert_int_equal(rel_time_copy(NULL, t), REL_ERR_ARG);
    out = (rel_time *)&out;
    assert_int_equal(rel_time_copy(&out, NULL), REL_ERR_ARG);
    assert_null(out);
    assert_int_equal(rel_time_format(NULL, buf, sizeof(buf), &len), REL_ERR_ARG);
    assert_int_equal(len, 0);
    assert_int_equal(rel_time_format(t, NULL, 8, &len), REL_ERR_ARG);
    assert_int_equal(rel_time_describe(NULL, buf, sizeof(buf), &len), REL_ERR_ARG);
    assert_int_equal(rel_time_describe(t, NULL, 8, &len), REL_ERR_ARG);
    assert_int_equal(rel_time_get_bounds(NULL, &b), REL_ERR_ARG);
    assert_int_equal(rel_time_get_bounds(t, NULL), REL_ERR_ARG);
    assert_int_equal(rel_day_from_date(1984, 1, 1, NULL), REL_ERR_ARG);
    assert_int_equal(rel_date_from_day(0, NULL, &m, &dd), REL_ERR_ARG);
    assert_int_equal(rel_date_from_day(0, &y, NULL, &dd), REL_ERR_ARG);
    assert_int_equal(rel_date_from_day(0, &y, &m, NULL), REL_ERR_ARG);
    rel_time_free(t);
}

static void test_time__invalid_inputs(void **state)
{
    (void)state;
    check_error("1985-13", REL_ERR_RANGE, 5);
    check_error("1985-02-30", REL_ERR_RANGE, 8);
    check_error("1900-02-29", REL_ERR_RANGE, 8);
    check_error("2001-25", REL_ERR_RANGE, 5);
    check_error("1985-00", REL_ERR_RANGE, 5);
    check_error("1985-04-00", REL_ERR_RANGE, 8);
    check_error("1985-04-12T24:00:00", REL_ERR_RANGE, 11);
    check_error("../..", REL_ERR_SYNTAX, 3);
    check_error("/", REL_ERR_SYNTAX, 1);
    check_error("../", REL_ERR_SYNTAX, 3);
    check_error("/..", REL_ERR_SYNTAX, 1);
    check_error("", REL_ERR_SYNTAX, 0);
    check_error("19850", REL_ERR_SYNTAX, 4);
    check_error("1985x", REL_ERR_SYNTAX, 4);
    check_error("1985-04-12 ", REL_ERR_SYNTAX, 11);
    check_error("start 1980-10", REL_ERR_SYNTAX, 0);
    check_error("Start 1980-10", REL_ERR_SYNTAX, 0);
    check_error("START  1980-10", REL_ERR_SYNTAX, 6);
    check_error("START1980-10", REL_ERR_SYNTAX, 5);
    check_error("1980  @2020", REL_ERR_SYNTAX, 5);
    check_error("1980 2020", REL_ERR_SYNTAX, 5);
    check_error(" 1980", REL_ERR_SYNTAX, 0);
    check_error("FOO 1980", REL_ERR_SYNTAX, 0);
}

static void test_time__invalid_level1_forms(void **state)
{
    (void)state;
    check_error("1985-XX-12", REL_ERR_SYNTAX, 8);
    check_error("198X-04", REL_ERR_SYNTAX, 4);
    check_error("1X85", REL_ERR_SYNTAX, 2);
    check_error("XXXX", REL_ERR_SYNTAX, 0);
    check_error("2001-21-05", REL_ERR_SYNTAX, 7);
    check_error("1984?~", REL_ERR_SYNTAX, 5);
    check_error("Y1234", REL_ERR_SYNTAX, 0);
    check_error("Y01234", REL_ERR_SYNTAX, 1);
    check_error("Y12345-01", REL_ERR_SYNTAX, 6);
    check_error("-0000", REL_ERR_SYNTAX, 0);
    check_error("-198X", REL_ERR_SYNTAX, 4);
    check_error("1985-04T10:00:00", REL_ERR_SYNTAX, 7);
    check_error("1985-04-12T23:20:30?", REL_ERR_SYNTAX, 19);
    check_error("1985-04-12T23:20:30/1986", REL_ERR_SYNTAX, 19);
    check_error("1985/1986-01-01T00:00:00", REL_ERR_SYNTAX, 15);
    check_error("1985 @2020-21", REL_ERR_SYNTAX, 11);
    check_error("1985 @-2020", REL_ERR_SYNTAX, 6);
    check_error("1985 @2020~", REL_ERR_SYNTAX, 10);
    check_error("1985 @198X", REL_ERR_SYNTAX, 9);
}

static void test_time__invalid_durations(void **state)
{
    (void)state;
    check_error("P", REL_ERR_SYNTAX, 1);
    check_error("-P", REL_ERR_SYNTAX, 2);
    check_error("P1", REL_ERR_SYNTAX, 2);
    check_error("P1Y1Y", REL_ERR_SYNTAX, 4);
    check_error("P1D1Y", REL_ERR_SYNTAX, 4);
    check_error("PT1H", REL_ERR_SYNTAX, 1);
    check_error("P1000000000001Y", REL_ERR_RANGE, 1);
    check_error("P1600Y @2020 @2021", REL_ERR_SYNTAX, 12);
}

static void test_time__modifier_needs_matching_core(void **state)
{
    (void)state;
    check_error("MORE_THAN 1980", REL_ERR_SYNTAX, 10);
    check_error("LESS_THAN 1971/1972", REL_ERR_SYNTAX, 10);
    check_error("START -P1Y", REL_ERR_SYNTAX, 6);
    check_error("BEFORE P1Y @2020", REL_ERR_SYNTAX, 7);
    check_error("ON_OR_AFTER -P1Y", REL_ERR_SYNTAX, 12);
    check_error("START 1985/..", REL_ERR_SYNTAX, 6);
    check_error("BEFORE ../1985", REL_ERR_SYNTAX, 7);
    check_error("AFTER 1985/", REL_ERR_SYNTAX, 6);
}

static void test_time__range_of_spans(void **state)
{
    (void)state;
    check_error("2005/2004", REL_ERR_RANGE, 0);
    check_error("2004-12/2004-06", REL_ERR_RANGE, 0);
    check_error("AFTER 1979 @1970", REL_ERR_RANGE, 0);
    check_error("Y1000000000000~", REL_ERR_RANGE, 0);
    check_error("P1000000000000Y @2020", REL_ERR_RANGE, 0);
    check_span("Y1000000000000", day(REL_TIME__YEAR_MAX, 1, 1), day(REL_TIME__YEAR_MAX, 12, 31));
    check_span("Y-1000000000000", day(-REL_TIME__YEAR_MAX, 1, 1), day(-REL_TIME__YEAR_MAX, 12, 31));
}

static void test_time__year_overflow(void **state)
{
    (void)state;
    check_error("Y99999999999999999999", REL_ERR_RANGE, 1);
    check_error("Y-99999999999999999999", REL_ERR_RANGE, 2);
    check_error("Y1000000000001", REL_ERR_RANGE, 1);
    check_error("-P99999999999999999999999Y", REL_ERR_RANGE, 2);
}

static void test_time__not_nul_terminated(void **state)
{
    /* Only the first len bytes are the expression; the rest must not be read. */
    static const char buf[] = "1985-04-12T99garbage";
    char *heap = malloc(4);
    rel_time *t;

    (void)state;
    assert_non_null(heap);
    memcpy(heap, "1985", 4); /* no terminator: ASan catches a read past it */
    assert_int_equal(rel_time_parse(&t, heap, 4, NULL), REL_OK);
    check_format(t, "1985");
    rel_time_free(t);
    assert_int_equal(rel_time_parse(&t, heap, 3, NULL), REL_ERR_SYNTAX);
    assert_int_equal(rel_time_parse(&t, buf, 10, NULL), REL_OK);
    check_format(t, "1985-04-12");
    rel_time_free(t);
    assert_int_equal(rel_time_parse(&t, buf, 7, NULL), REL_OK);
    check_format(t, "1985-04");
    rel_time_free(t);
    check_error_n(buf, 11, REL_ERR_SYNTAX, 11);
    assert_int_equal(rel_time_parse(&t, buf, 0, NULL), REL_ERR_SYNTAX);
    free(heap);
}

static void test_time__embedded_nul(void **state)
{
    (void)state;
    check_error_n("1985\0-04", 8, REL_ERR_SYNTAX, 4);
    check_error_n("START\0 1985", 11, REL_ERR_SYNTAX, 5);
    check_error_n("\0", 1, REL_ERR_SYNTAX, 0);
}

static void test_time__invalid_utf8(void **state)
{
    (void)state;
    check_error("\xFF\xFE", REL_ERR_SYNTAX, 0);
    check_error("1985\xC3", REL_ERR_SYNTAX, 4);
    check_error("19\xE2\x80\x93" "85", REL_ERR_SYNTAX, 2);
    check_error("1971\xE2\x80\x93" "1972", REL_ERR_SYNTAX, 4);
    check_error("START\xC2\xA0" "1985", REL_ERR_SYNTAX, 5);
}

static void test_time__garbage_10kb(void **state)
{
    enum { N = 10 * 1024 };
    char *g = malloc(N);
    rel_time *t;
    rel_error err;
    unsigned x = 12345;
    size_t i;

    (void)state;
    assert_non_null(g);
    for (i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        g[i] = (char)(x >> 16);
    }
    assert_true(rel_time_parse(&t, g, N, &err) < 0);
    assert_null(t);
    /* Long runs of what a date is made of. */
    memset(g, '9', N);
    assert_int_equal(rel_time_parse(&t, g, N, &err), REL_ERR_SYNTAX);
    g[0] = 'Y';
    assert_int_equal(rel_time_parse(&t, g, N, &err), REL_ERR_RANGE);
    g[0] = 'P';
    g[N - 1] = 'Y';
    assert_int_equal(rel_time_parse(&t, g, N, &err), REL_ERR_RANGE);
    memset(g, '/', N);
    assert_int_equal(rel_time_parse(&t, g, N, &err), REL_ERR_SYNTAX);
    memset(g, 'A', N);
    assert_int_equal(rel_time_parse(&t, g, N, &err), REL_ERR_SYNTAX);
    free(g);
}

static void test_time__error_cleared_on_success(void **state)
{
    rel_time *t;
    rel_error err;

    (void)state;
    assert_int_equal(rel_time_parse(&t, "1985-13", REL_NTS, &err), REL_ERR_RANGE);
    assert_int_equal(rel_time_parse(&t, "1985-12", REL_NTS, &err), REL_OK);
    assert_int_equal(err.status, REL_OK);
    assert_int_equal(err.offset, 0);
    assert_string_equal(err.message, "");
    rel_time_free(t);
}

/* ---- buffers ------------------------------------------------------------ */

static void test_time__format_length_query_and_truncation(void **state)
{
    rel_time *t = parse_ok("MORE_THAN -P1600Y @2020");
    char buf[8];
    size_t len = 0;

    (void)state;
    assert_int_equal(rel_time_format(t, NULL, 0, &len), REL_ERR_RANGE);
    assert_int_equal(len, strlen("MORE_THAN -P1600Y @2020"));
    memset(buf, 'z', sizeof(buf));
    assert_int_equal(rel_time_format(t, buf, sizeof(buf), &len), REL_ERR_RANGE);
    assert_int_equal(len, 23);
    assert_string_equal(buf, "MORE_TH");
    assert_int_equal(rel_time_format(t, buf, 1, &len), REL_ERR_RANGE);
    assert_string_equal(buf, "");
    assert_int_equal(rel_time_format(t, buf, 0, NULL), REL_ERR_RANGE);
    rel_time_free(t);

    t = parse_ok("1984");
    assert_int_equal(rel_time_format(t, buf, 5, &len), REL_OK); /* exactly fits */
    assert_string_equal(buf, "1984");
    assert_int_equal(rel_time_format(t, buf, 4, &len), REL_ERR_RANGE);
    assert_string_equal(buf, "198");
    assert_int_equal(len, 4);
    rel_time_free(t);
}

static void test_time__describe_truncation_keeps_utf8_whole(void **state)
{
    rel_time *t = parse_ok("1971/1972");
    char buf[8];
    size_t len = 0;

    (void)state;
    assert_int_equal(rel_time_describe(t, NULL, 0, &len), REL_ERR_RANGE);
    assert_int_equal(len, 11); /* "1971", 3-byte dash, "1972" */
    /* Room for "1971" and two bytes of the dash: the dash is dropped whole. */
    assert_int_equal(rel_time_describe(t, buf, 7, &len), REL_ERR_RANGE);
    assert_string_equal(buf, "1971");
    assert_int_equal(rel_time_describe(t, buf, 8, &len), REL_ERR_RANGE);
    assert_string_equal(buf, "1971\xE2\x80\x93");
    rel_time_free(t);
}

/* ---- life cycle --------------------------------------------------------- */

static void test_time__copy_and_free(void **state)
{
    rel_time *t = parse_ok("START 1984~/2004-06 @2020"), *c = NULL;

    (void)state;
    assert_int_equal(rel_time_copy(&c, t), REL_OK);
    assert_non_null(c);
    assert_ptr_not_equal(c, t);
    rel_time_free(t); /* the copy outlives the original */
    check_format(c, "START 1984~/2004-06 @2020");
    rel_time_free(c);
    rel_time_free(NULL);
}

/* An allocator that fails once `left` reaches zero and counts what is live. */
typedef struct test_alloc {
    int left;
    int live;
} test_alloc;

static void *ta_malloc(void *ctx, size_t n)
{
    test_alloc *a = ctx;

    if (a->left == 0)
        return NULL;
    a->left--;
    a->live++;
    return malloc(n);
}

static void *ta_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    return realloc(p, n);
}

static void ta_free(void *ctx, void *p)
{
    ((test_alloc *)ctx)->live--;
    free(p);
}

static void test_time__custom_allocator_and_nomem(void **state)
{
    test_alloc ctx = {1, 0};
    rel_allocator a = {&ctx, ta_malloc, ta_realloc, ta_free};
    rel_time *t = NULL, *c = (rel_time *)&c;
    rel_error err;

    (void)state;
    assert_int_equal(rel_time__parse_with(&a, &t, "1984", REL_NTS, &err), REL_OK);
    assert_int_equal(ctx.live, 1);
    assert_int_equal(rel_time__copy_with(&a, &c, t), REL_ERR_NOMEM);
    assert_null(c);
    assert_int_equal(rel_time__parse_with(&a, &c, "1985", REL_NTS, &err), REL_ERR_NOMEM);
    assert_int_equal(err.status, REL_ERR_NOMEM);
    assert_null(c);
    ctx.left = 1;
    assert_int_equal(rel_time__copy_with(&a, &c, t), REL_OK);
    assert_int_equal(ctx.live, 2);
    rel_time_free(c); /* through the allocator it was made with */
    rel_time_free(t);
    assert_int_equal(ctx.live, 0);
    /* A failed parse allocates nothing. */
    ctx.left = 5;
    assert_int_equal(rel_time__parse_with(&a, &t, "1985-13", REL_NTS, &err), REL_ERR_RANGE);
    assert_int_equal(ctx.left, 5);
    /* NULL means the default allocator. */
    assert_int_equal(rel_time__parse_with(NULL, &t, "1984", REL_NTS, NULL), REL_OK);
    rel_time_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time__day_absolute_anchors),
        cmocka_unit_test(test_time__day_date_round_trip),
        cmocka_unit_test(test_time__day_leap_years_proleptic),
        cmocka_unit_test(test_time__day_range_limits),
        cmocka_unit_test(test_time__edtf_level0_round_trip),
        cmocka_unit_test(test_time__edtf_level1_round_trip),
        cmocka_unit_test(test_time__modifiers_and_anchors_round_trip),
        cmocka_unit_test(test_time__noncanonical_input_formats_canonically),
        cmocka_unit_test(test_time__level0_bounds),
        cmocka_unit_test(test_time__seasons_bounds),
        cmocka_unit_test(test_time__unspecified_digits_bounds),
        cmocka_unit_test(test_time__long_and_negative_years_bounds),
        cmocka_unit_test(test_time__qualifiers_widen_fuzzy_not_strict),
        cmocka_unit_test(test_time__qualifiers_on_interval_ends),
        cmocka_unit_test(test_time__open_and_unknown_ends),
        cmocka_unit_test(test_time__corpus_the_1980s),
        cmocka_unit_test(test_time__corpus_early_october_1980),
        cmocka_unit_test(test_time__corpus_1971_1972),
        cmocka_unit_test(test_time__corpus_7th_century),
        cmocka_unit_test(test_time__corpus_more_than_1600_years_ago),
        cmocka_unit_test(test_time__corpus_december_2009),
        cmocka_unit_test(test_time__corpus_compiled_in_1145),
        cmocka_unit_test(test_time__corpus_1500_years_ago),
        cmocka_unit_test(test_time__corpus_before_1979),
        cmocka_unit_test(test_time__corpus_plain_dates),
        cmocka_unit_test(test_time__start_mid_end_parts),
        cmocka_unit_test(test_time__start_mid_end_never_empty),
        cmocka_unit_test(test_time__before_and_after),
        cmocka_unit_test(test_time__on_or_before_and_after),
        cmocka_unit_test(test_time__approx_widens_one_unit),
        cmocka_unit_test(test_time__approx_duration_widens_a_tenth),
        cmocka_unit_test(test_time__duration_without_anchor_is_unknown),
        cmocka_unit_test(test_time__duration_keeps_anchor_precision),
        cmocka_unit_test(test_time__duration_clamps_day_of_month),
        cmocka_unit_test(test_time__more_and_less_than),
        cmocka_unit_test(test_time__mod_and_relative_accessors),
        cmocka_unit_test(test_time__every_modifier_name_parses),
        cmocka_unit_test(test_time__describe_dates),
        cmocka_unit_test(test_time__describe_qualifiers),
        cmocka_unit_test(test_time__describe_modifiers),
        cmocka_unit_test(test_time__describe_interval_ends),
        cmocka_unit_test(test_time__compare_sorts_a_timeline),
        cmocka_unit_test(test_time__compare_nulls_and_ties),
        cmocka_unit_test(test_time__overlaps),
        cmocka_unit_test(test_time__in_window_certain),
        cmocka_unit_test(test_time__in_window_possible),
        cmocka_unit_test(test_time__in_window_invalid_arguments),
        cmocka_unit_test(test_time__null_arguments),
        cmocka_unit_test(test_time__invalid_inputs),
        cmocka_unit_test(test_time__invalid_level1_forms),
        cmocka_unit_test(test_time__invalid_durations),
        cmocka_unit_test(test_time__modifier_needs_matching_core),
        cmocka_unit_test(test_time__range_of_spans),
        cmocka_unit_test(test_time__year_overflow),
        cmocka_unit_test(test_time__not_nul_terminated),
        cmocka_unit_test(test_time__embedded_nul),
        cmocka_unit_test(test_time__invalid_utf8),
        cmocka_unit_test(test_time__garbage_10kb),
        cmocka_unit_test(test_time__error_cleared_on_success),
        cmocka_unit_test(test_time__format_length_query_and_truncation),
        cmocka_unit_test(test_time__describe_truncation_keeps_utf8_whole),
        cmocka_unit_test(test_time__copy_and_free),
        cmocka_unit_test(test_time__custom_allocator_and_nomem),
    };

    return cmocka_run_group_tests_name("time", tests, NULL, NULL);
}
