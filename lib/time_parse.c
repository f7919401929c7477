/* SPDX-License-Identifier: MIT */
/*
 * Parsing time expressions, and the life cycle of a rel_time. The parser is
 * a hand-written cursor over a byte span that may not be NUL-terminated:
 * every read goes through peek(), which answers -1 past the end, so no
 * input can make it read out of bounds. It works into a struct on the stack
 * and allocates only once everything has been checked, so a failure never
 * leaves anything to free.
 */
#include "time_impl.h"

#include <string.h>

typedef struct cursor {
    const char *s;
    size_t len;
    size_t pos;
    rel_error *err;
} cursor;

/* The byte `ahead` places after the cursor, or -1 past the end. */
static int peek(const cursor *c, size_t ahead)
{
    if (ahead >= c->len - c->pos)
        return -1;
    return (unsigned char)c->s[c->pos + ahead];
}

static int is_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

static rel_status fail_at(cursor *c, rel_status status, size_t at, const char *msg)
{
    rel__error_at(c->err, status, at, "%s", msg);
    rel__error_locate(c->err, c->s, c->len);
    return status;
}

static rel_status syntax_at(cursor *c, size_t at, const char *msg)
{
    return fail_at(c, REL_ERR_SYNTAX, at, msg);
}

/* Reads exactly two digits; -1 (cursor unmoved) if they are not there. */
static int two_digits(cursor *c)
{
    int a = peek(c, 0), b = peek(c, 1);

    if (!is_digit(a) || !is_digit(b))
        return -1;
    c->pos += 2;
    return (a - '0') * 10 + (b - '0');
}

/* "XX" at the cursor (level 1 unspecified month or day). */
static int two_x(const cursor *c)
{
    return peek(c, 0) == 'X' && peek(c, 1) == 'X';
}

/* A year written "Y" [-] digits, more than four of them (EDTF level 1). */
static rel_status parse_y_year(cursor *c, rel_time__date *d)
{
    size_t ypos = c->pos, dpos;
    int neg = 0, over = 0;
    int64_t v = 0;
    size_t n = 0;

    c->pos++; /* Y */
    if (peek(c, 0) == '-') {
        neg = 1;
        c->pos++;
    }
    dpos = c->pos;
    if (peek(c, 0) == '0')
        return syntax_at(c, dpos, "a Y-prefixed year has no leading zero");
    while (is_digit(peek(c, 0))) {
        if (!over) {
            v = v * 10 + (peek(c, 0) - '0');
            if (v > REL_TIME__YEAR_MAX)
                over = 1;
        }
        c->pos++;
        n++;
    }
    if (n == 0)
        return syntax_at(c, c->pos, "expected the digits of a Y-prefixed year");
    if (n <= 4)
        return syntax_at(c, ypos, "a Y-prefixed year needs more than four digits");
    if (over)
        return fail_at(c, REL_ERR_RANGE, dpos, "year beyond 10^12");
    d->year = neg ? -v : v;
    return REL_OK;
}

/* A two-digit clock field (hour, minute, second, zone) no greater than max. */
static rel_status clock_field(cursor *c, int max, const char *expected, const char *out_of_range, int *out)
{
    size_t at = c->pos;
    int v = two_digits(c);

    if (v < 0)
        return syntax_at(c, c->pos, expected);
    if (v > max)
        return fail_at(c, REL_ERR_RANGE, at, out_of_range);
    *out = v;
    return REL_OK;
}

static rel_status parse_time_of_day(cursor *c, rel_time__date *d)
{
    rel_status st;
    int v;

    c->pos++; /* T */
    if ((st = clock_field(c, 23, "expected the hour (hh)", "hour out of range", &v)) != REL_OK)
        return st;
    d->hour = v;
    if (peek(c, 0) != ':')
        return syntax_at(c, c->pos, "expected ':' after the hour");
    c->pos++;
    if ((st = clock_field(c, 59, "expected the minute (mm)", "minute out of range", &v)) != REL_OK)
        return st;
    d->minute = v;
    if (peek(c, 0) != ':')
        return syntax_at(c, c->pos, "expected ':' after the minute");
    c->pos++;
    if ((st = clock_field(c, 59, "expected the second (ss)", "second out of range", &v)) != REL_OK)
        return st;
    d->second = v;
    d->has_time = 1;

    if (peek(c, 0) == 'Z') {
        c->pos++;
        d->zone = REL_TIME__ZONE_UTC;
    } else if (peek(c, 0) == '+' || peek(c, 0) == '-') {
        d->zone_sign = peek(c, 0);
        c->pos++;
        if ((st = clock_field(c, 23, "expected the zone's hours (hh)", "zone hours out of range", &v)) != REL_OK)
            return st;
        d->zone = REL_TIME__ZONE_HOURS;
        d->zone_hours = v;
        if (peek(c, 0) == ':') {
            c->pos++;
            if ((st = clock_field(c, 59, "expected the zone's minutes (mm)", "zone minutes out of range", &v)) != REL_OK)
                return st;
            d->zone = REL_TIME__ZONE_MINUTES;
            d->zone_mins = v;
        }
    }
    return REL_OK;
}

/* A four-digit year, maybe negative, maybe ending in X digits (level 1). */
static rel_status parse_year(cursor *c, rel_time__date *d, int level0)
{
    size_t start = c->pos;
    int64_t v = 0;
    int neg = 0, xs = 0, i, ch;

    if (!level0 && peek(c, 0) == '-') {
        neg = 1;
        c->pos++;
    }
    for (i = 0; i < 4; i++) {
        ch = peek(c, 0);
        if (is_digit(ch) && xs == 0)
            v = v * 10 + (ch - '0');
        else if (ch == 'X' && !level0 && i > 0)
            xs++, v *= 10;
        else
            return syntax_at(c, c->pos, xs ? "unspecified digits (X) must be the last ones"
                                            : "expected a four-digit year");
        c->pos++;
    }
    if (is_digit(peek(c, 0)) || peek(c, 0) == 'X')
        return syntax_at(c, c->pos, "a year has four digits (longer years take the Y prefix)");
    if (neg && xs)
        return syntax_at(c, c->pos - (size_t)xs, "a negative year cannot have unspecified digits");
    if (neg && v == 0)
        return syntax_at(c, start, "-0000 is not a year (the year zero is 0000)");
    d->year = neg ? -v : v;
    d->year_x = xs;
    return REL_OK;
}

/* "-MM" (or season, or XX) and then "-DD" (or XX), each if present. */
static rel_status parse_month_day(cursor *c, rel_time__date *d, int level0)
{
    size_t at;
    int v;

    if (peek(c, 0) != '-')
        return REL_OK;
    if (d->year_x)
        return syntax_at(c, c->pos, "a year with unspecified digits cannot have a month");
    c->pos++;
    at = c->pos;
    if (!level0 && two_x(c)) {
        c->pos += 2;
        d->month_x = 1;
    } else {
        if ((v = two_digits(c)) < 0)
            return syntax_at(c, is_digit(peek(c, 0)) ? c->pos + 1 : c->pos,
                             "expected a two-digit month or season");
        if (v >= 21 && v <= 24 && level0)
            return syntax_at(c, at, "an anchor cannot be a season");
        if (v < 1 || (v > 12 && v < 21) || v > 24)
            return fail_at(c, REL_ERR_RANGE, at, "month or season out of range");
        d->month = v;
    }

    if (peek(c, 0) != '-')
        return REL_OK;
    if (d->month > 12)
        return syntax_at(c, c->pos, "a season cannot have a day");
    c->pos++;
    at = c->pos;
    if (!level0 && two_x(c)) {
        c->pos += 2;
        d->day_x = 1;
        return REL_OK;
    }
    if (d->month_x && is_digit(peek(c, 0)))
        return syntax_at(c, at, "a day cannot follow an unspecified month");
    if ((v = two_digits(c)) < 0)
        return syntax_at(c, is_digit(peek(c, 0)) ? c->pos + 1 : c->pos, "expected a two-digit day");
    if (v < 1 || v > rel_time__days_in_month(d->year, d->month))
        return fail_at(c, REL_ERR_RANGE, at, "day out of range for its month");
    d->day = v;
    return REL_OK;
}

/*
 * One date. level0 restricts it to what an anchor may be (YYYY, YYYY-MM,
 * YYYY-MM-DD); allow_time admits a time of day after a complete date.
 * Stops at the first byte that cannot continue a date; the caller decides
 * whether that byte may follow.
 */
static rel_status parse_date(cursor *c, rel_time__date *d, int level0, int allow_time)
{
    rel_status st;
    int ch;

    memset(d, 0, sizeof(*d));
    if (!level0 && peek(c, 0) == 'Y') {
        st = parse_y_year(c, d);
    } else {
        st = parse_year(c, d, level0);
        if (st == REL_OK)
            st = parse_month_day(c, d, level0);
        if (st == REL_OK && allow_time && peek(c, 0) == 'T') {
            /* A time of day takes no qualifier: what follows it is the caller's. */
            if (d->day == 0)
                return syntax_at(c, c->pos, "a time of day needs a complete date");
            return parse_time_of_day(c, d);
        }
    }
    if (st != REL_OK || level0)
        return st;
    ch = peek(c, 0);
    if (ch == '?' || ch == '~' || ch == '%') {
        d->qualifier = ch == '?' ? REL_TIME__Q_UNCERTAIN
                     : ch == '~' ? REL_TIME__Q_APPROX : REL_TIME__Q_BOTH;
        c->pos++;
    }
    return REL_OK;
}

/* "..": an open interval end. */
static int at_open(const cursor *c)
{
    return peek(c, 0) == '.' && peek(c, 1) == '.';
}

static rel_status parse_duration(cursor *c, rel_time__duration *du)
{
    static const char units[3] = {'Y', 'M', 'D'};
    int last = -1, idx, over;
    size_t npos;
    int64_t v;

    memset(du, 0, sizeof(*du));
    if (peek(c, 0) == '-') {
        du->negative = 1;
        c->pos++;
    }
    c->pos++; /* P */
    while (is_digit(peek(c, 0))) {
        npos = c->pos;
        v = 0;
        over = 0;
        while (is_digit(peek(c, 0))) {
            if (!over) {
                v = v * 10 + (peek(c, 0) - '0');
                if (v > REL_TIME__YEAR_MAX)
                    over = 1;
            }
            c->pos++;
        }
        for (idx = 0; idx < 3 && units[idx] != peek(c, 0); idx++)
            ;
        if (idx == 3 || idx <= last)
            return syntax_at(c, c->pos, "expected Y, M or D (in that order) after the number");
        if (over)
            return fail_at(c, REL_ERR_RANGE, npos, "duration beyond 10^12 units");
        c->pos++;
        last = idx;
        if (idx == 0)
            du->has_years = 1, du->years = v;
        else if (idx == 1)
            du->has_months = 1, du->months = v;
        else
            du->has_days = 1, du->days = v;
    }
    if (last < 0)
        return syntax_at(c, c->pos, "expected a number after P");
    return REL_OK;
}

/* A date, an interval, or a duration. */
static rel_status parse_core(cursor *c, rel_time *t)
{
    rel_status st;
    int ch = peek(c, 0);

    if (ch == 'P' || (ch == '-' && peek(c, 1) == 'P')) {
        t->core = REL_TIME__CORE_DURATION;
        return parse_duration(c, &t->duration);
    }

    t->start_kind = REL_TIME__END_DATE;
    t->end_kind = REL_TIME__END_DATE;
    if (at_open(c)) {
        c->pos += 2;
        t->start_kind = REL_TIME__END_OPEN;
        if (peek(c, 0) != '/')
            return syntax_at(c, c->pos, "expected '/' after '..'");
    } else if (ch == '/') {
        t->start_kind = REL_TIME__END_UNKNOWN;
    } else {
        if ((st = parse_date(c, &t->start, 0, 1)) != REL_OK)
            return st;
        if (peek(c, 0) != '/') {
            t->core = REL_TIME__CORE_DATE;
            return REL_OK;
        }
        if (t->start.has_time)
            return syntax_at(c, c->pos, "an interval's ends cannot have a time of day");
    }

    t->core = REL_TIME__CORE_INTERVAL;
    c->pos++; /* / */
    ch = peek(c, 0);
    if (at_open(c) || ch == -1 || ch == ' ') {
        if (t->start_kind != REL_TIME__END_DATE)
            return syntax_at(c, c->pos, "an interval needs at least one date");
        if (ch == '.') {
            c->pos += 2;
            t->end_kind = REL_TIME__END_OPEN;
        } else {
            t->end_kind = REL_TIME__END_UNKNOWN;
        }
        return REL_OK;
    }
    return parse_date(c, &t->end, 0, 0);
}

/* The modifier, if the text starts with one; the cursor is left on the core. */
static rel_status parse_mod(cursor *c, rel_time *t)
{
    size_t n = 0;
    int32_t m;
    const char *name;
    int ch = peek(c, 0);

    /* No modifier starts with P (a duration) or Y (a long year). */
    if (ch < 'A' || ch > 'Z' || ch == 'P' || ch == 'Y')
        return REL_OK;
    while ((ch = peek(c, n)) == '_' || (ch >= 'A' && ch <= 'Z'))
        n++;
    for (m = REL_MOD_START; m <= REL_MOD_APPROX; m++) {
        name = rel_time__mod_name(m);
        if (strlen(name) == n && memcmp(name, c->s + c->pos, n) == 0)
            break;
    }
    if (m > REL_MOD_APPROX)
        return syntax_at(c, c->pos, "expected a date or a modifier such as START");
    c->pos += n;
    if (peek(c, 0) != ' ')
        return syntax_at(c, c->pos, "expected one space after the modifier");
    c->pos++;
    t->mod = m;
    return REL_OK;
}

const char *rel_time__mod_mismatch(const rel_time *t)
{
    int dur = t->core == REL_TIME__CORE_DURATION;
    int iv = t->core == REL_TIME__CORE_INTERVAL;
    int lo = !iv || t->start_kind == REL_TIME__END_DATE;
    int hi = !iv || t->end_kind == REL_TIME__END_DATE;

    switch (t->mod) {
    case REL_MOD_NONE:
    case REL_MOD_APPROX:
        return NULL;
    case REL_MOD_MORE_THAN:
    case REL_MOD_LESS_THAN:
        return dur ? NULL : "MORE_THAN and LESS_THAN need a duration such as -P1600Y";
    default:
        break;
    }
    if (dur)
        return "this modifier needs a date or interval, not a duration";
    switch (t->mod) {
    case REL_MOD_START:
    case REL_MOD_MID:
    case REL_MOD_END:
        return lo && hi ? NULL : "START, MID and END need an interval with two dates";
    case REL_MOD_BEFORE:
    case REL_MOD_ON_OR_AFTER:
        return lo ? NULL : "this modifier needs an interval with a start date";
    default:
        return hi ? NULL : "this modifier needs an interval with an end date";
    }
}

static rel_status parse_expr(cursor *c, rel_time *t)
{
    rel_status st;
    size_t core_at;
    const char *why;

    if ((st = parse_mod(c, t)) != REL_OK)
        return st;
    core_at = c->pos;
    if ((st = parse_core(c, t)) != REL_OK)
        return st;
    if (peek(c, 0) == ' ') {
        if (peek(c, 1) != '@')
            return syntax_at(c, c->pos + 1, "expected '@' and an anchor date after the space");
        c->pos += 2;
        if ((st = parse_date(c, &t->anchor, 1, 0)) != REL_OK)
            return st;
        t->has_anchor = 1;
    }
    if (c->pos != c->len)
        return syntax_at(c, c->pos, "unexpected character");
    if ((why = rel_time__mod_mismatch(t)) != NULL)
        return syntax_at(c, core_at, why);
    return rel_time__compute_bounds(t, c->err);
}

rel_status rel_time__parse_with(const rel_allocator *a, rel_time **out, const char *expr,
                                size_t len, rel_error *err)
{
    rel_time tmp;
    rel_status st;
    cursor c;

    if (!out)
        return rel__error_set(err, REL_ERR_ARG, "out is NULL");
    *out = NULL;
    if (!expr)
        return rel__error_set(err, REL_ERR_ARG, "expr is NULL");
    a = rel__allocator_or_default(a);
    c.s = expr;
    c.len = len == REL_NTS ? strlen(expr) : len;
    c.pos = 0;
    c.err = err;
    memset(&tmp, 0, sizeof(tmp));
    if ((st = parse_expr(&c, &tmp)) != REL_OK)
        return st;
    tmp.alloc = a;
    *out = rel__malloc(a, sizeof(**out));
    if (!*out)
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    memcpy(*out, &tmp, sizeof(tmp));
    rel__error_clear(err);
    return REL_OK;
}

rel_status rel_time_parse(rel_time **out, const char *expr, size_t len, rel_error *err)
{
    return rel_time__parse_with(rel__default_allocator(), out, expr, len, err);
}

void rel_time_free(rel_time *t)
{
    if (t)
        rel__free(t->alloc, t);
}

rel_status rel_time__copy_with(const rel_allocator *a, rel_time **out, const rel_time *t)
{
    if (!out)
        return REL_ERR_ARG;
    *out = NULL;
    if (!t)
        return REL_ERR_ARG;
    a = rel__allocator_or_default(a);
    *out = rel__malloc(a, sizeof(**out));
    if (!*out)
        return REL_ERR_NOMEM;
    memcpy(*out, t, sizeof(*t));
    (*out)->alloc = a;
    return REL_OK;
}

rel_status rel_time_copy(rel_time **out, const rel_time *t)
{
    return rel_time__copy_with(rel__default_allocator(), out, t);
}

int32_t rel_time_mod(const rel_time *t)
{
    return t ? t->mod : REL_MOD_NONE;
}

int32_t rel_time_is_relative(const rel_time *t)
{
    return t && t->core == REL_TIME__CORE_DURATION;
}
