/* SPDX-License-Identifier: MIT */
/*
 * Whether a rel_time read from outside (a snapshot stores them as they lie
 * in memory) is one the parser could have made. The formatter, the English
 * reading and the bounds arithmetic trust the parser's ranges (a year_x of
 * 7 would write before a buffer; a year of 10^18 would overflow), so every
 * field is held to them here, and the stored bounds must be the ones the
 * fields give. So must the modifier suit the core: START of an open
 * interval would take a third of an unbounded span.
 */
#include "time_impl.h"

#include <string.h>

static int in(int64_t v, int64_t lo, int64_t hi)
{
    return v >= lo && v <= hi;
}

static int flag(int32_t v)
{
    return v == 0 || v == 1;
}

static int date_ok(const rel_time__date *d)
{
    int month_ok = d->month == 0 || in(d->month, 1, 12) || in(d->month, 21, 24);
    int day_max = in(d->month, 1, 12) ? rel_time__days_in_month(d->year, d->month) : 0;

    return in(d->year, -REL_TIME__YEAR_MAX, REL_TIME__YEAR_MAX) && in(d->year_x, 0, 3) && month_ok &&
           in(d->day, 0, day_max) && flag(d->month_x) && flag(d->day_x) &&
           in(d->qualifier, REL_TIME__Q_NONE, REL_TIME__Q_BOTH) && flag(d->has_time) && in(d->hour, 0, 23) &&
           in(d->minute, 0, 59) && in(d->second, 0, 59) && in(d->zone, REL_TIME__ZONE_NONE, REL_TIME__ZONE_MINUTES) &&
           (d->zone_sign == 0 || d->zone_sign == '+' || d->zone_sign == '-') && in(d->zone_hours, 0, 23) &&
           in(d->zone_mins, 0, 59);
}

static int duration_ok(const rel_time__duration *du)
{
    return flag(du->negative) && flag(du->has_years) && flag(du->has_months) && flag(du->has_days) &&
           in(du->years, 0, REL_TIME__YEAR_MAX) && in(du->months, 0, REL_TIME__YEAR_MAX) &&
           in(du->days, 0, REL_TIME__YEAR_MAX);
}

int rel_time__check(const rel_time *t)
{
    rel_time copy;

    if (t->alloc != NULL || !in(t->mod, REL_MOD_NONE, REL_MOD_APPROX) ||
        !in(t->core, REL_TIME__CORE_DATE, REL_TIME__CORE_DURATION) ||
        !in(t->start_kind, REL_TIME__END_DATE, REL_TIME__END_UNKNOWN) ||
        !in(t->end_kind, REL_TIME__END_DATE, REL_TIME__END_UNKNOWN) || !flag(t->has_anchor) || !date_ok(&t->start) ||
        !date_ok(&t->end) || !date_ok(&t->anchor) || !duration_ok(&t->duration) || rel_time__mod_mismatch(t))
        return 0;
    /* With every field in range the arithmetic cannot overflow; the bounds must be its result. */
    memcpy(&copy, t, sizeof(copy));
    if (rel_time__compute_bounds(&copy, NULL) != REL_OK)
        return 0;
    return memcmp(&copy.bounds, &t->bounds, sizeof(copy.bounds)) == 0;
}
