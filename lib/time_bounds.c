/* SPDX-License-Identifier: MIT */
/*
 * Calendar arithmetic and the bounds of a time expression, and the queries
 * built on them (compare, overlap, window). Kept apart from the parser so
 * that the rules docs/time.md spells out live in one place. Day numbers
 * come from Howard Hinnant's days_from_civil / civil_from_days, done in
 * int64_t: with years limited to |10^12| no intermediate value comes near
 * overflow, so the arithmetic itself needs no checks, only its results.
 */
#include "time_impl.h"

#include <string.h>

/* ---- calendar ---------------------------------------------------------- */

int32_t rel_time__days_in_month(int64_t y, int32_t m)
{
    static const int32_t len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);

    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap ? 29 : len[m - 1];
}

int64_t rel_time__days_from_civil(int64_t y, int32_t m, int32_t d)
{
    int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void rel_time__civil_from_days(int64_t z, int64_t *y, int32_t *m, int32_t *d)
{
    int64_t era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int32_t)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int32_t)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int64_t day_min(void)
{
    return rel_time__days_from_civil(-REL_TIME__YEAR_MAX, 1, 1);
}

static int64_t day_max(void)
{
    return rel_time__days_from_civil(REL_TIME__YEAR_MAX, 12, 31);
}

static int in_range(int64_t day)
{
    return day >= day_min() && day <= day_max();
}

rel_status rel_day_from_date(int64_t year, int32_t month, int32_t day, int64_t *out)
{
    if (!out)
        return REL_ERR_ARG;
    if (year < -REL_TIME__YEAR_MAX || year > REL_TIME__YEAR_MAX || month < 1 || month > 12 ||
        day < 1 || day > rel_time__days_in_month(year, month))
        return REL_ERR_RANGE;
    *out = rel_time__days_from_civil(year, month, day);
    return REL_OK;
}

rel_status rel_date_from_day(int64_t days, int64_t *year, int32_t *month, int32_t *day)
{
    if (!year || !month || !day)
        return REL_ERR_ARG;
    if (!in_range(days))
        return REL_ERR_RANGE;
    rel_time__civil_from_days(days, year, month, day);
    return REL_OK;
}

/* Months are counted as year * 12 + (month - 1); this is floor division back. */
static int64_t first_of_month(int64_t month_index)
{
    int64_t y = month_index >= 0 ? month_index / 12 : -((-month_index + 11) / 12);

    return rel_time__days_from_civil(y, (int32_t)(month_index - y * 12 + 1), 1);
}

/*
 * Moves a day by whole months (the day of the month clamped to the target
 * month's length: Feb 29 minus a year is Feb 28), then by days.
 */
static int64_t shift_day(int64_t day, int64_t months, int64_t days)
{
    int64_t y, mi;
    int32_t m, d, dim;

    rel_time__civil_from_days(day, &y, &m, &d);
    mi = y * 12 + (m - 1) + months;
    y = mi >= 0 ? mi / 12 : -((-mi + 11) / 12);
    m = (int32_t)(mi - y * 12 + 1);
    dim = rel_time__days_in_month(y, m);
    if (d > dim)
        d = dim;
    return rel_time__days_from_civil(y, m, d) + days;
}

/* ---- the span a date names --------------------------------------------- */

/* A date's span: a run of whole months, or a single day. */
typedef struct period {
    int64_t first_month; /* month index of the first month (months > 0) */
    int64_t months;      /* length in months; 0 means the single day `day` */
    int64_t day;
    int64_t unit;        /* widening step in months (0: one day) */
} period;

static void date_period(const rel_time__date *d, period *p)
{
    int64_t span = 12;
    int32_t i;

    memset(p, 0, sizeof(*p));
    if (d->day > 0) {
        p->day = rel_time__days_from_civil(d->year, d->month, d->day);
        return;
    }
    if (d->month >= 1 && d->month <= 12) {
        p->first_month = d->year * 12 + (d->month - 1);
        p->months = p->unit = 1;
        return;
    }
    if (d->month >= 21) {
        /* 21 spring = Mar-May, 22 summer = Jun-Aug, 23 autumn = Sep-Nov,
         * 24 winter = Dec of the year to Feb of the next. */
        p->first_month = d->year * 12 + 3 * (d->month - 20) - 1;
        p->months = p->unit = 3;
        return;
    }
    for (i = 0; i < d->year_x; i++)
        span *= 10;
    p->first_month = d->year * 12;
    p->months = p->unit = span;
}

static int64_t qualifier_units(int32_t q)
{
    return q == REL_TIME__Q_BOTH ? 2 : q == REL_TIME__Q_NONE ? 0 : 1;
}

/* Strict and fuzzy bounds of one date, widened by its qualifier plus `extra` units. */
static void date_bounds(const rel_time__date *d, int64_t extra, rel_time_bounds *b)
{
    period p;
    int64_t u = qualifier_units(d->qualifier) + extra;

    date_period(d, &p);
    b->lo_kind = b->hi_kind = REL_BOUND_DAY;
    if (p.months == 0) {
        b->strict_lo = b->strict_hi = p.day;
        b->fuzzy_lo = p.day - u;
        b->fuzzy_hi = p.day + u;
        return;
    }
    b->strict_lo = first_of_month(p.first_month);
    b->strict_hi = first_of_month(p.first_month + p.months) - 1;
    b->fuzzy_lo = first_of_month(p.first_month - u * p.unit);
    b->fuzzy_hi = first_of_month(p.first_month + p.months + u * p.unit) - 1;
}

static void set_unbounded_lo(rel_time_bounds *b, int32_t kind)
{
    b->lo_kind = kind;
    b->strict_lo = b->fuzzy_lo = INT64_MIN;
}

static void set_unbounded_hi(rel_time_bounds *b, int32_t kind)
{
    b->hi_kind = kind;
    b->strict_hi = b->fuzzy_hi = INT64_MAX;
}

static int32_t end_kind_to_bound(int32_t k)
{
    return k == REL_TIME__END_OPEN ? REL_BOUND_OPEN : REL_BOUND_UNKNOWN;
}

/* ---- durations ----------------------------------------------------------- */

/* The span the duration points at from the anchor: the anchor moved, at the anchor's precision. */
static void duration_target(const rel_time *t, const rel_time_bounds *anchor, int64_t *lo,
                            int64_t *hi)
{
    const rel_time__duration *du = &t->duration;
    int64_t sign = du->negative ? -1 : 1;
    int64_t months = sign * (du->years * 12 + du->months), days = sign * du->days;

    if (t->anchor.day > 0) {
        *lo = *hi = shift_day(anchor->strict_lo, months, days);
        return;
    }
    /* Both ends are first days of months, so no clamping can reorder them. */
    *lo = shift_day(anchor->strict_lo, months, days);
    *hi = shift_day(anchor->strict_hi + 1, months, days) - 1;
}

/* APPROX on a duration: a tenth of each component, at least one unit of the smallest. */
static void approx_widening(const rel_time__duration *du, int64_t *months, int64_t *days)
{
    int64_t y = du->years / 10, m = du->months / 10, d = du->days / 10;

    if (y == 0 && m == 0 && d == 0) {
        if (du->has_days)
            d = 1;
        else if (du->has_months)
            m = 1;
        else
            y = 1;
    }
    *months = y * 12 + m;
    *days = d;
}

static void duration_bounds(const rel_time *t, rel_time_bounds *b)
{
    rel_time_bounds an;
    int64_t lo, hi, wm, wd;
    int back = t->duration.negative;

    if (!t->has_anchor) {
        set_unbounded_lo(b, REL_BOUND_UNKNOWN);
        set_unbounded_hi(b, REL_BOUND_UNKNOWN);
        return;
    }
    date_bounds(&t->anchor, 0, &an);
    duration_target(t, &an, &lo, &hi);
    b->lo_kind = b->hi_kind = REL_BOUND_DAY;
    b->strict_lo = b->fuzzy_lo = lo;
    b->strict_hi = b->fuzzy_hi = hi;

    switch (t->mod) {
    case REL_MOD_APPROX:
        approx_widening(&t->duration, &wm, &wd);
        b->fuzzy_lo = shift_day(lo, -wm, -wd);
        b->fuzzy_hi = t->anchor.day > 0 ? shift_day(hi, wm, wd) : shift_day(hi + 1, wm, wd) - 1;
        break;
    case REL_MOD_MORE_THAN:
        if (back) {
            set_unbounded_lo(b, REL_BOUND_UNKNOWN);
            b->strict_hi = lo - 1;
            b->fuzzy_hi = hi;
        } else {
            b->strict_lo = hi + 1;
            b->fuzzy_lo = lo;
            set_unbounded_hi(b, REL_BOUND_UNKNOWN);
        }
        break;
    case REL_MOD_LESS_THAN:
        /* Between the target and the anchor; a zero duration leaves only the
         * anchor's own edge, so the strict side is clamped to it. */
        if (back) {
            b->fuzzy_lo = lo;
            b->strict_lo = hi + 1;
            b->strict_hi = b->fuzzy_hi = an.strict_hi;
            if (b->strict_lo > b->strict_hi)
                b->strict_lo = b->strict_hi;
        } else {
            b->strict_lo = b->fuzzy_lo = an.strict_lo;
            b->strict_hi = lo - 1;
            b->fuzzy_hi = hi;
            if (b->strict_hi < b->strict_lo)
                b->strict_hi = b->strict_lo;
        }
        break;
    default:
        break;
    }
}

/* ---- dates and intervals -------------------------------------------------- */

static rel_status core_bounds(const rel_time *t, int64_t extra, rel_time_bounds *b, rel_error *err)
{
    rel_time_bounds s, e;

    if (t->core == REL_TIME__CORE_DATE) {
        date_bounds(&t->start, extra, b);
        return REL_OK;
    }
    if (t->start_kind == REL_TIME__END_DATE) {
        date_bounds(&t->start, extra, &s);
        b->lo_kind = REL_BOUND_DAY;
        b->strict_lo = s.strict_lo;
        b->fuzzy_lo = s.fuzzy_lo;
    } else {
        set_unbounded_lo(b, end_kind_to_bound(t->start_kind));
    }
    if (t->end_kind == REL_TIME__END_DATE) {
        date_bounds(&t->end, extra, &e);
        b->hi_kind = REL_BOUND_DAY;
        b->strict_hi = e.strict_hi;
        b->fuzzy_hi = e.fuzzy_hi;
    } else {
        set_unbounded_hi(b, end_kind_to_bound(t->end_kind));
    }
    if (b->lo_kind == REL_BOUND_DAY && b->hi_kind == REL_BOUND_DAY && b->strict_lo > b->strict_hi)
        return rel__error_set(err, REL_ERR_RANGE, "the interval ends before it starts");
    return REL_OK;
}

/* START, MID, END: a part of [L, H], never less than a day. */
static void part_bounds(int32_t mod, const rel_time_bounds *x, rel_time_bounds *b)
{
    int64_t L = x->strict_lo, H = x->strict_hi, n = H - L + 1;

    b->lo_kind = b->hi_kind = REL_BOUND_DAY;
    if (mod == REL_MOD_START) {
        b->strict_lo = L;
        b->strict_hi = L + n / 3 - 1;
        if (b->strict_hi < L)
            b->strict_hi = L;
        b->fuzzy_lo = x->fuzzy_lo;
        b->fuzzy_hi = L + n / 2 - 1;
        if (b->fuzzy_hi < b->strict_hi)
            b->fuzzy_hi = b->strict_hi;
    } else if (mod == REL_MOD_END) {
        b->strict_hi = H;
        b->strict_lo = H - n / 3 + 1;
        if (b->strict_lo > H)
            b->strict_lo = H;
        b->fuzzy_hi = x->fuzzy_hi;
        b->fuzzy_lo = H - n / 2 + 1;
        if (b->fuzzy_lo > b->strict_lo)
            b->fuzzy_lo = b->strict_lo;
    } else {
        b->strict_lo = L + n / 3;
        b->strict_hi = H - n / 3;
        b->fuzzy_lo = L + n / 6;
        b->fuzzy_hi = H - n / 6;
    }
}

static rel_status edtf_bounds(const rel_time *t, rel_time_bounds *b, rel_error *err)
{
    rel_time_bounds x, an;
    rel_status st;
    int32_t mod = t->mod;

    if ((st = core_bounds(t, mod == REL_MOD_APPROX, &x, err)) != REL_OK)
        return st;
    if (mod == REL_MOD_NONE || mod == REL_MOD_APPROX) {
        *b = x;
        return REL_OK;
    }
    if (mod == REL_MOD_START || mod == REL_MOD_MID || mod == REL_MOD_END) {
        part_bounds(mod, &x, b);
        return REL_OK;
    }
    if (mod == REL_MOD_BEFORE || mod == REL_MOD_ON_OR_BEFORE) {
        set_unbounded_lo(b, REL_BOUND_UNKNOWN);
        b->hi_kind = REL_BOUND_DAY;
        if (mod == REL_MOD_BEFORE) {
            /* Widened by as much as the period's own start is. */
            b->strict_hi = x.strict_lo - 1;
            b->fuzzy_hi = b->strict_hi + (x.strict_lo - x.fuzzy_lo);
        } else {
            b->strict_hi = x.strict_hi;
            b->fuzzy_hi = x.fuzzy_hi;
        }
        return REL_OK;
    }
    /* AFTER, ON_OR_AFTER: up to the anchor when there is one. */
    b->lo_kind = REL_BOUND_DAY;
    if (mod == REL_MOD_AFTER) {
        b->strict_lo = x.strict_hi + 1;
        b->fuzzy_lo = b->strict_lo - (x.fuzzy_hi - x.strict_hi);
    } else {
        b->strict_lo = x.strict_lo;
        b->fuzzy_lo = x.fuzzy_lo;
    }
    if (!t->has_anchor) {
        set_unbounded_hi(b, REL_BOUND_UNKNOWN);
        return REL_OK;
    }
    date_bounds(&t->anchor, 0, &an);
    if (an.strict_hi < b->strict_lo)
        return rel__error_set(err, REL_ERR_RANGE, "the anchor is earlier than the period it ends");
    b->hi_kind = REL_BOUND_DAY;
    b->strict_hi = b->fuzzy_hi = an.strict_hi;
    return REL_OK;
}

rel_status rel_time__compute_bounds(rel_time *t, rel_error *err)
{
    rel_time_bounds b;
    rel_status st;

    memset(&b, 0, sizeof(b));
    if (t->core == REL_TIME__CORE_DURATION)
        duration_bounds(t, &b);
    else if ((st = edtf_bounds(t, &b, err)) != REL_OK)
        return st;
    if ((b.lo_kind == REL_BOUND_DAY && (!in_range(b.fuzzy_lo) || !in_range(b.strict_lo))) ||
        (b.hi_kind == REL_BOUND_DAY && (!in_range(b.fuzzy_hi) || !in_range(b.strict_hi))))
        return rel__error_set(err, REL_ERR_RANGE, "a bound falls outside the years -10^12 to 10^12");
    t->bounds = b;
    return REL_OK;
}

/* ---- queries ------------------------------------------------------------- */

rel_status rel_time_get_bounds(const rel_time *t, rel_time_bounds *out)
{
    if (!t || !out)
        return REL_ERR_ARG;
    *out = t->bounds;
    return REL_OK;
}

static int32_t cmp64(int64_t a, int64_t b)
{
    return a < b ? -1 : a > b;
}

int32_t rel_time_compare(const rel_time *a, const rel_time *b)
{
    char ta[REL_TIME__TEXT_MAX], tb[REL_TIME__TEXT_MAX];
    const rel_time_bounds *x, *y;
    int32_t c;
    int r;

    if (a == b)
        return 0;
    if (!a)
        return -1;
    if (!b)
        return 1;
    x = &a->bounds;
    y = &b->bounds;
    if ((c = cmp64(x->fuzzy_lo, y->fuzzy_lo)) != 0 || (c = cmp64(x->strict_lo, y->strict_lo)) != 0 ||
        (c = cmp64(x->strict_hi, y->strict_hi)) != 0 || (c = cmp64(x->fuzzy_hi, y->fuzzy_hi)) != 0)
        return c;
    /* The buffers hold any canonical text, so neither call can fail. */
    rel_time_format(a, ta, sizeof(ta), NULL);
    rel_time_format(b, tb, sizeof(tb), NULL);
    r = strcmp(ta, tb);
    return r < 0 ? -1 : r > 0;
}

/* Unbounded sides hold INT64_MIN / INT64_MAX, so plain comparisons treat
 * them as reaching forever. */
int32_t rel_time_overlaps(const rel_time *a, const rel_time *b)
{
    if (!a || !b)
        return 0;
    return a->bounds.fuzzy_lo <= b->bounds.fuzzy_hi && b->bounds.fuzzy_lo <= a->bounds.fuzzy_hi;
}

int32_t rel_time_in_window(const rel_time *t, int64_t lo, int64_t hi, int32_t semantics)
{
    const rel_time_bounds *b;

    if (!t || lo > hi)
        return 0;
    b = &t->bounds;
    if (semantics == REL_WINDOW_CERTAIN)
        return b->lo_kind == REL_BOUND_DAY && b->hi_kind == REL_BOUND_DAY && b->fuzzy_lo >= lo &&
               b->fuzzy_hi <= hi;
    if (semantics == REL_WINDOW_POSSIBLE)
        return b->fuzzy_lo <= hi && b->fuzzy_hi >= lo;
    return 0;
}
