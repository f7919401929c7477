/* SPDX-License-Identifier: MIT */
/*
 * Writing a time expression back out: its canonical text, and a plain
 * English reading of it. Both share an snprintf()-like writer that counts
 * the full length while keeping only what fits, so that a caller can ask
 * for the size first; truncation never cuts a UTF-8 sequence in half (the
 * English reading uses an en dash).
 */
#include "time_impl.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const mod_names[] = {
    NULL, "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "MORE_THAN", "LESS_THAN", "APPROX"};

const char *rel_time__mod_name(int32_t mod)
{
    if (mod < REL_MOD_START || mod > REL_MOD_APPROX)
        return NULL;
    return mod_names[mod];
}

/* ---- the writer -------------------------------------------------------- */

typedef struct writer {
    char *buf;
    size_t cap;
    size_t len; /* full length so far, written or not */
} writer;

static void put(writer *w, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++, w->len++)
        if (w->len + 1 < w->cap)
            w->buf[w->len] = s[i];
}

static void put_str(writer *w, const char *s)
{
    put(w, s, strlen(s));
}

static void putf(writer *w, const char *fmt, ...) REL_PRINTF(2, 3);

static void putf(writer *w, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (n > 0)
        put(w, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* Length of the UTF-8 sequence a lead byte starts (1 for anything else). */
static size_t utf8_seq_len(unsigned char b)
{
    return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

static rel_status finish(writer *w, size_t *len)
{
    size_t cut, p;

    if (len)
        *len = w->len;
    if (w->len < w->cap) {
        w->buf[w->len] = '\0';
        return REL_OK;
    }
    if (w->cap > 0) {
        /* Drop a multi-byte character the cut would split. */
        cut = w->cap - 1;
        p = cut;
        while (p > 0 && ((unsigned char)w->buf[p - 1] & 0xC0) == 0x80)
            p--;
        if (p > 0 && (unsigned char)w->buf[p - 1] >= 0xC0 &&
            (p - 1) + utf8_seq_len((unsigned char)w->buf[p - 1]) > cut)
            cut = p - 1;
        w->buf[cut] = '\0';
    }
    return REL_ERR_RANGE;
}

/* Common argument checks of rel_time_format() and rel_time_describe(). */
static int start(writer *w, const rel_time *t, char *buf, size_t cap, size_t *len)
{
    if (len)
        *len = 0;
    if (buf && cap)
        buf[0] = '\0';
    if (!t || (!buf && cap))
        return 0;
    w->buf = buf;
    w->cap = cap;
    w->len = 0;
    return 1;
}

/* ---- canonical text ---------------------------------------------------- */

static void put_year(writer *w, const rel_time__date *d)
{
    char digits[32];
    int32_t i;

    if (d->year_x) {
        /* Only non-negative four-digit years carry unspecified digits. */
        snprintf(digits, sizeof(digits), "%04" PRId64, d->year);
        for (i = 0; i < d->year_x; i++)
            digits[3 - i] = 'X';
        put(w, digits, 4);
    } else if (d->year > 9999 || d->year < -9999) {
        putf(w, "Y%" PRId64, d->year);
    } else if (d->year < 0) {
        putf(w, "-%04" PRId64, -d->year);
    } else {
        putf(w, "%04" PRId64, d->year);
    }
}

static void put_date(writer *w, const rel_time__date *d)
{
    static const char quals[] = {0, '?', '~', '%'};

    put_year(w, d);
    if (d->month_x)
        put_str(w, "-XX");
    else if (d->month)
        putf(w, "-%02d", (int)d->month);
    if (d->day_x)
        put_str(w, "-XX");
    else if (d->day)
        putf(w, "-%02d", (int)d->day);
    if (d->has_time) {
        putf(w, "T%02d:%02d:%02d", (int)d->hour, (int)d->minute, (int)d->second);
        if (d->zone == REL_TIME__ZONE_UTC)
            put_str(w, "Z");
        else if (d->zone == REL_TIME__ZONE_HOURS)
            putf(w, "%c%02d", (char)d->zone_sign, (int)d->zone_hours);
        else if (d->zone == REL_TIME__ZONE_MINUTES)
            putf(w, "%c%02d:%02d", (char)d->zone_sign, (int)d->zone_hours, (int)d->zone_mins);
    }
    if (d->qualifier > REL_TIME__Q_NONE && d->qualifier <= REL_TIME__Q_BOTH)
        put(w, &quals[d->qualifier], 1);
}

static void put_end(writer *w, int32_t kind, const rel_time__date *d)
{
    if (kind == REL_TIME__END_OPEN)
        put_str(w, "..");
    else if (kind == REL_TIME__END_DATE)
        put_date(w, d);
}

static void put_duration(writer *w, const rel_time__duration *du)
{
    if (du->negative)
        put_str(w, "-");
    put_str(w, "P");
    if (du->has_years)
        putf(w, "%" PRId64 "Y", du->years);
    if (du->has_months)
        putf(w, "%" PRId64 "M", du->months);
    if (du->has_days)
        putf(w, "%" PRId64 "D", du->days);
}

rel_status rel_time_format(const rel_time *t, char *buf, size_t cap, size_t *len)
{
    writer w;

    if (!start(&w, t, buf, cap, len))
        return REL_ERR_ARG;
    if (t->mod != REL_MOD_NONE && rel_time__mod_name(t->mod)) {
        put_str(&w, rel_time__mod_name(t->mod));
        put_str(&w, " ");
    }
    if (t->core == REL_TIME__CORE_DURATION) {
        put_duration(&w, &t->duration);
    } else if (t->core == REL_TIME__CORE_INTERVAL) {
        put_end(&w, t->start_kind, &t->start);
        put_str(&w, "/");
        put_end(&w, t->end_kind, &t->end);
    } else {
        put_date(&w, &t->start);
    }
    if (t->has_anchor) {
        put_str(&w, " @");
        put_date(&w, &t->anchor);
    }
    return finish(&w, len);
}

/* ---- English ----------------------------------------------------------- */

#define EN_DASH "\xE2\x80\x93"

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};

static const char *const season_names[4] = {"spring", "summer", "autumn", "winter"};

/* Astronomical year 0 is 1 BCE, -43 is 44 BCE. */
static void say_year(writer *w, int64_t y)
{
    if (y >= 1)
        putf(w, "%" PRId64, y);
    else
        putf(w, "%" PRId64 " BCE", 1 - y);
}

static void say_qualifier(writer *w, int32_t q)
{
    if (q == REL_TIME__Q_UNCERTAIN)
        put_str(w, "possibly ");
    else if (q == REL_TIME__Q_APPROX)
        put_str(w, "about ");
    else if (q == REL_TIME__Q_BOTH)
        put_str(w, "possibly about ");
}

static void say_time(writer *w, const rel_time__date *d)
{
    if (!d->has_time)
        return;
    putf(w, " at %02d:%02d:%02d", (int)d->hour, (int)d->minute, (int)d->second);
    if (d->zone == REL_TIME__ZONE_UTC)
        put_str(w, " UTC");
    else if (d->zone == REL_TIME__ZONE_HOURS)
        putf(w, " UTC%c%02d", (char)d->zone_sign, (int)d->zone_hours);
    else if (d->zone == REL_TIME__ZONE_MINUTES)
        putf(w, " UTC%c%02d:%02d", (char)d->zone_sign, (int)d->zone_hours, (int)d->zone_mins);
}

/*
 * One date. `part` ("early ", "mid-", "late ") comes from START, MID and
 * END; it goes after the "the" of a decade ("the early 1980s"), and with it
 * an unspecified month or day reads as the span it leaves open, since that
 * is the span the part is taken of.
 */
static void say_date(writer *w, const rel_time__date *d, const char *part)
{
    int64_t span = 1;
    int32_t i;

    say_qualifier(w, d->qualifier);
    if (d->year_x) {
        for (i = 0; i < d->year_x; i++)
            span *= 10;
        if (d->year_x <= 2 && d->year != 0) {
            put_str(w, "the ");
            if (part)
                put_str(w, part);
            putf(w, "%" PRId64 "s", d->year);
        } else {
            if (part)
                put_str(w, part);
            say_year(w, d->year);
            put_str(w, EN_DASH);
            say_year(w, d->year + span - 1);
        }
        return;
    }
    if (!part && d->month_x) {
        put_str(w, d->day_x ? "some day in " : "some month in ");
    } else if (!part && d->day_x) {
        put_str(w, "some day in ");
    } else if (part) {
        put_str(w, part);
    }
    if (d->month >= 21 && d->month <= 24) {
        put_str(w, season_names[d->month - 21]);
        put_str(w, " ");
        say_year(w, d->year);
        if (d->month == 24) {
            put_str(w, EN_DASH);
            say_year(w, d->year + 1);
        }
        return;
    }
    if (d->day > 0)
        putf(w, "%d ", (int)d->day);
    if (d->month >= 1 && d->month <= 12) {
        put_str(w, month_names[d->month - 1]);
        put_str(w, " ");
    }
    say_year(w, d->year);
    say_time(w, d);
}

static void say_core(writer *w, const rel_time *t, const char *part)
{
    if (t->core == REL_TIME__CORE_DATE) {
        say_date(w, &t->start, part);
        return;
    }
    if (part)
        put_str(w, part);
    if (t->start_kind != REL_TIME__END_DATE) {
        put_str(w, "until ");
        say_date(w, &t->end, NULL);
        if (t->start_kind == REL_TIME__END_UNKNOWN)
            put_str(w, " (start unknown)");
    } else if (t->end_kind != REL_TIME__END_DATE) {
        put_str(w, "from ");
        say_date(w, &t->start, NULL);
        put_str(w, t->end_kind == REL_TIME__END_OPEN ? " on" : " (end unknown)");
    } else {
        say_date(w, &t->start, NULL);
        put_str(w, EN_DASH);
        say_date(w, &t->end, NULL);
    }
}

static void say_count(writer *w, int64_t n, const char *unit)
{
    putf(w, "%" PRId64 " %s%s", n, unit, n == 1 ? "" : "s");
}

static void say_duration(writer *w, const rel_time *t)
{
    const rel_time__duration *du = &t->duration;
    int total = du->has_years + du->has_months + du->has_days, done = 0;

    if (t->mod == REL_MOD_MORE_THAN)
        put_str(w, "more than ");
    else if (t->mod == REL_MOD_LESS_THAN)
        put_str(w, "less than ");
    else if (t->mod == REL_MOD_APPROX)
        put_str(w, "about ");
    if (du->has_years) {
        say_count(w, du->years, "year");
        done++;
    }
    if (du->has_months) {
        put_str(w, done == 0 ? "" : done + 1 == total ? " and " : ", ");
        say_count(w, du->months, "month");
        done++;
    }
    if (du->has_days) {
        put_str(w, done == 0 ? "" : " and ");
        say_count(w, du->days, "day");
    }
    put_str(w, du->negative ? " before " : " after ");
    if (t->has_anchor)
        say_date(w, &t->anchor, NULL);
    else
        put_str(w, "the document");
}

/* The side of an interval a BEFORE/AFTER-like modifier looks at, or the whole date. */
static void say_side(writer *w, const rel_time *t, int end)
{
    if (t->core == REL_TIME__CORE_INTERVAL)
        say_date(w, end ? &t->end : &t->start, NULL);
    else
        say_date(w, &t->start, NULL);
}

static void say_up_to_anchor(writer *w, const rel_time *t)
{
    if (!t->has_anchor)
        return;
    put_str(w, " (up to ");
    say_date(w, &t->anchor, NULL);
    put_str(w, ")");
}

static int has_qualifier(const rel_time *t)
{
    return t->start.qualifier != REL_TIME__Q_NONE || t->end.qualifier != REL_TIME__Q_NONE;
}

rel_status rel_time_describe(const rel_time *t, char *buf, size_t cap, size_t *len)
{
    writer w;

    if (!start(&w, t, buf, cap, len))
        return REL_ERR_ARG;
    if (t->core == REL_TIME__CORE_DURATION) {
        say_duration(&w, t);
        return finish(&w, len);
    }
    switch (t->mod) {
    case REL_MOD_START:
        say_core(&w, t, "early ");
        break;
    case REL_MOD_MID:
        say_core(&w, t, "mid-");
        break;
    case REL_MOD_END:
        say_core(&w, t, "late ");
        break;
    case REL_MOD_BEFORE:
        put_str(&w, "before ");
        say_side(&w, t, 0);
        break;
    case REL_MOD_AFTER:
        put_str(&w, "after ");
        say_side(&w, t, 1);
        say_up_to_anchor(&w, t);
        break;
    case REL_MOD_ON_OR_BEFORE:
        put_str(&w, "on or before ");
        say_side(&w, t, 1);
        break;
    case REL_MOD_ON_OR_AFTER:
        put_str(&w, "on or after ");
        say_side(&w, t, 0);
        say_up_to_anchor(&w, t);
        break;
    case REL_MOD_APPROX:
        /* "about about 1984" would hide the second widening. */
        put_str(&w, has_qualifier(t) ? "around " : "about ");
        say_core(&w, t, NULL);
        break;
    default:
        say_core(&w, t, NULL);
        break;
    }
    return finish(&w, len);
}
