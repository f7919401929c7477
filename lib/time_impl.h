/* SPDX-License-Identifier: MIT */
/*
 * The inside of a rel_time, shared by the parser, the bounds arithmetic and
 * the formatter. A rel_time is one flat struct with no pointers besides its
 * allocator, so copying is a memcpy and freeing is one call; its bounds are
 * computed once, at parse time, so that an expression whose span leaves the
 * supported calendar is rejected there rather than at every query.
 */
#ifndef REL_LIB_TIME_IMPL_H
#define REL_LIB_TIME_IMPL_H

#include <relations/time.h>

#include "alloc.h"
#include "error.h"

/* Largest |year| accepted anywhere, parsed or derived. */
#define REL_TIME__YEAR_MAX INT64_C(1000000000000)

/* Room for any canonical text: the longest is far below this. */
#define REL_TIME__TEXT_MAX 256

enum rel_time__core_kind {
    REL_TIME__CORE_DATE = 0,     /* one date (or date-time, or season) */
    REL_TIME__CORE_INTERVAL = 1, /* start "/" end */
    REL_TIME__CORE_DURATION = 2  /* [-]P...: relative to the anchor */
};

/* What one side of an interval is. */
enum rel_time__end_kind {
    REL_TIME__END_DATE = 0,
    REL_TIME__END_OPEN = 1,   /* ".." */
    REL_TIME__END_UNKNOWN = 2 /* empty */
};

enum rel_time__qualifier {
    REL_TIME__Q_NONE = 0,
    REL_TIME__Q_UNCERTAIN = 1, /* ? */
    REL_TIME__Q_APPROX = 2,    /* ~ */
    REL_TIME__Q_BOTH = 3       /* % */
};

enum rel_time__zone {
    REL_TIME__ZONE_NONE = 0,
    REL_TIME__ZONE_UTC = 1,     /* Z */
    REL_TIME__ZONE_HOURS = 2,   /* +hh */
    REL_TIME__ZONE_MINUTES = 3  /* +hh:mm */
};

/*
 * One EDTF date as written. A field that was not written is 0; a field
 * written as "XX" has its _x flag set and value 0. Unspecified year digits
 * are stored as zeros in year (198X is 1980 with year_x 1).
 */
typedef struct rel_time__date {
    int64_t year;        /* astronomical */
    int32_t month;       /* 1..12, 21..24 for a season, 0 if absent */
    int32_t day;         /* 1..31, 0 if absent */
    int32_t year_x;      /* trailing X digits in the year, 0..3 */
    int32_t month_x;     /* month written XX */
    int32_t day_x;       /* day written XX */
    int32_t qualifier;   /* a rel_time__qualifier */
    int32_t has_time;    /* a time of day follows the date */
    int32_t hour, minute, second;
    int32_t zone;        /* a rel_time__zone */
    int32_t zone_sign;   /* '+' or '-' as written (so "-00" survives) */
    int32_t zone_hours, zone_mins;
} rel_time__date;

typedef struct rel_time__duration {
    int32_t negative;    /* "-P": before the anchor */
    int32_t has_years, has_months, has_days;
    int64_t years, months, days;
} rel_time__duration;

struct rel_time {
    const rel_allocator *alloc; /* frees this struct */
    int32_t mod;                /* a rel_time_mod_code */
    int32_t core;               /* a rel_time__core_kind */
    int32_t start_kind;         /* a rel_time__end_kind (intervals) */
    int32_t end_kind;           /* a rel_time__end_kind (intervals) */
    rel_time__date start;       /* the date, or an interval's start */
    rel_time__date end;         /* an interval's end */
    rel_time__duration duration;
    int32_t has_anchor;
    rel_time__date anchor;      /* level 0: year, month, day only */
    rel_time_bounds bounds;     /* computed by rel_time__compute_bounds() */
};

/* Parses with a given allocator (NULL means the default); see rel_time_parse(). */
rel_status rel_time__parse_with(const rel_allocator *a, rel_time **out, const char *expr,
                                size_t len, rel_error *err);

/* Copies through a given allocator (NULL means the default); see rel_time_copy(). */
rel_status rel_time__copy_with(const rel_allocator *a, rel_time **out, const rel_time *t);

/* Fills t->bounds from the parsed fields; REL_ERR_RANGE if a bound leaves
 * the supported years or an interval runs backwards. */
rel_status rel_time__compute_bounds(rel_time *t, rel_error *err);

/* Why the modifier does not go with the core (a message), or NULL if it does. */
const char *rel_time__mod_mismatch(const rel_time *t);

/* 1 if t (read from a snapshot, with a NULL allocator) is one the parser
 * could have made: every field in its range, the bounds those fields give. */
int rel_time__check(const rel_time *t);

/* Calendar primitives (proleptic Gregorian, astronomical years), unchecked. */
int64_t rel_time__days_from_civil(int64_t y, int32_t m, int32_t d);
void rel_time__civil_from_days(int64_t z, int64_t *y, int32_t *m, int32_t *d);
int32_t rel_time__days_in_month(int64_t y, int32_t m);

/* The modifier's name as written ("START"), or NULL for none or an unknown code. */
const char *rel_time__mod_name(int32_t mod);

#endif
