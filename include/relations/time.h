/* SPDX-License-Identifier: MIT */
/**
 * @file time.h
 * @brief Fuzzy time: EDTF levels 0 and 1, TIMEX3-style modifiers, anchors, bounds.
 *
 * Usable on its own, without a knowledge base.
 */
#ifndef RELATIONS_TIME_H
#define RELATIONS_TIME_H

#include <relations/common.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_time Fuzzy time
 *
 * A #rel_time is an immutable, parsed time expression. Its text form is
 *
 *     expr     = [MOD " "] core [" @" anchor]
 *     core     = EDTF level 0 or 1 (a date, a season, or an interval)
 *              | ["-"] "P" [n "Y"] [n "M"] [n "D"]    (a duration from the anchor,
 *                                                      at least one part; "-" means "ago")
 *     MOD      = START | MID | END | BEFORE | AFTER | ON_OR_BEFORE | ON_OR_AFTER
 *              | MORE_THAN | LESS_THAN | APPROX
 *     anchor   = an EDTF level 0 date: the time a relative expression counts from
 *
 * so that "early October 1980" is `START 1980-10`, "the 1980s" is `198X`,
 * "1971–1972" is `1971/1972`, "before 1979" is `BEFORE 1979`, and "more
 * than 1600 years ago" is `MORE_THAN -P1600Y` (or `MORE_THAN -P1600Y @2020`
 * once the document's own date is known). A relative expression without an
 * anchor has unknown bounds: nothing is guessed.
 *
 * Bounds are day numbers: days since 1970-01-01 in the proleptic Gregorian
 * calendar with astronomical year numbering (year 0 is 1 BCE), inclusive at
 * both ends. The *strict* bounds are the span the expression names; the
 * *fuzzy* bounds widen it where the expression says it is uncertain (`?`),
 * approximate (`~`), both (`%`) or APPROX, so that
 * fuzzy_lo <= strict_lo <= strict_hi <= fuzzy_hi whenever all four are days.
 * @ref time_guide gives every rule.
 *
 * Thread safety: a #rel_time is immutable; any number of threads may read
 * one at once.
 * @{
 */

/** A parsed time expression. Owned by whoever parsed it; free with rel_time_free(). */
typedef struct rel_time rel_time;

/** TIMEX3-style modifiers (values of rel_time_mod()). */
enum rel_time_mod_code {
    REL_MOD_NONE = 0,         ///< No modifier.
    REL_MOD_START = 1,        ///< The first part of the period ("early").
    REL_MOD_MID = 2,          ///< The middle part ("mid-").
    REL_MOD_END = 3,          ///< The last part ("late").
    REL_MOD_BEFORE = 4,       ///< Strictly before the period.
    REL_MOD_AFTER = 5,        ///< Strictly after the period.
    REL_MOD_ON_OR_BEFORE = 6, ///< Before the period ends.
    REL_MOD_ON_OR_AFTER = 7,  ///< After the period begins.
    REL_MOD_MORE_THAN = 8,    ///< With a duration: further from the anchor than it ("more than 1600 years ago").
    REL_MOD_LESS_THAN = 9,    ///< With a duration: nearer to the anchor than it.
    REL_MOD_APPROX = 10       ///< About the period ("around 1500 years ago").
};

/** How the end of a bound is known (values of rel_time_bounds::lo_kind and rel_time_bounds::hi_kind). */
enum rel_bound_kind_code {
    REL_BOUND_DAY = 0,     ///< The bound is a day number.
    REL_BOUND_OPEN = 1,    ///< Explicitly open (EDTF `..`): no limit on that side.
    REL_BOUND_UNKNOWN = 2  ///< Not given: the text does not say (EDTF empty end, BEFORE's lower side, a relative time without anchor).
};

/** Semantics for rel_time_in_window(). */
enum rel_window_code {
    REL_WINDOW_CERTAIN = 0, ///< The whole fuzzy span lies inside the window.
    REL_WINDOW_POSSIBLE = 1 ///< The fuzzy span meets the window.
};

/**
 * The bounds of a time expression, as day numbers.
 *
 * When a kind is not #REL_BOUND_DAY the matching values are INT64_MIN (lower
 * side) or INT64_MAX (upper side), so that sorting and overlap tests treat
 * an unbounded side as reaching forever.
 */
typedef struct rel_time_bounds {
    int64_t strict_lo; ///< Earliest day the expression names.
    int64_t strict_hi; ///< Latest day the expression names.
    int64_t fuzzy_lo;  ///< Earliest day once uncertainty and approximation are allowed for.
    int64_t fuzzy_hi;  ///< Latest day once uncertainty and approximation are allowed for.
    int32_t lo_kind;   ///< A #rel_bound_kind_code for both lower values.
    int32_t hi_kind;   ///< A #rel_bound_kind_code for both upper values.
} rel_time_bounds;

/**
 * @brief Parses a time expression.
 * @param[out] out   Receives a new #rel_time on success, NULL on failure.
 *                   Owned by the caller: free it with rel_time_free().
 * @param[in]  expr  The expression (UTF-8; see the group description).
 * @param[in]  len   Its length in bytes, or #REL_NTS if NUL-terminated.
 * @param[out] err   Optional: receives the reason and the byte offset of a failure.
 * @return #REL_OK; #REL_ERR_ARG if @p out or @p expr is NULL;
 *         #REL_ERR_SYNTAX if the text is not a valid expression (offset set;
 *         the grammar is ASCII, so any other byte is a syntax error there);
 *         #REL_ERR_RANGE for a month, day, season or year out of range
 *         (such as `1985-02-30`); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_time_parse(rel_time **out, const char *expr, size_t len, rel_error *err);

/**
 * @brief Frees a time parsed with rel_time_parse() or made by rel_time_copy().
 * @param[in] t The time, or NULL (then nothing happens).
 */
REL_API void rel_time_free(rel_time *t);

/**
 * @brief Copies a time (for example one borrowed from an event) so it can outlive its owner.
 * @param[out] out Receives the copy, owned by the caller (rel_time_free()); NULL on failure.
 * @param[in]  t   The time to copy.
 * @return #REL_OK; #REL_ERR_ARG if either pointer is NULL; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_time_copy(rel_time **out, const rel_time *t);

/**
 * @brief Writes the canonical text of a time expression.
 *
 * Works like snprintf(): writes at most @p cap bytes including a NUL
 * terminator and always reports the full length, so a call with a too small
 * buffer (or @p buf NULL and @p cap 0) tells how much room is needed; such
 * a call returns #REL_ERR_RANGE with @p len set.
 * Parsing the canonical text gives an equal time.
 * @param[in]  t   The time.
 * @param[out] buf Where to write, or NULL when @p cap is 0.
 * @param[in]  cap Size of @p buf in bytes.
 * @param[out] len Optional: the length of the full text, without the NUL.
 * @return #REL_OK; #REL_ERR_ARG if @p t is NULL or @p buf is NULL with @p cap > 0;
 *         #REL_ERR_RANGE if the text did not fit (it is then truncated, NUL-terminated).
 */
REL_API rel_status rel_time_format(const rel_time *t, char *buf, size_t cap, size_t *len);

/**
 * @brief Writes an English reading of a time expression, such as
 *        "early October 1980", "the 1980s", "before 1979" or
 *        "more than 1600 years before the document".
 *
 * Same buffer contract as rel_time_format().
 * @param[in]  t   The time.
 * @param[out] buf Where to write, or NULL when @p cap is 0.
 * @param[in]  cap Size of @p buf in bytes.
 * @param[out] len Optional: the length of the full text, without the NUL.
 * @return #REL_OK; #REL_ERR_ARG; #REL_ERR_RANGE if the text did not fit.
 */
REL_API rel_status rel_time_describe(const rel_time *t, char *buf, size_t cap, size_t *len);

/**
 * @brief The modifier of a time expression.
 * @param[in] t The time.
 * @return A #rel_time_mod_code; #REL_MOD_NONE when @p t is NULL.
 */
REL_API int32_t rel_time_mod(const rel_time *t);

/**
 * @brief Whether a time is relative (a duration from an anchor).
 * @param[in] t The time.
 * @return 1 if relative, 0 if not or if @p t is NULL.
 */
REL_API int32_t rel_time_is_relative(const rel_time *t);

/**
 * @brief Computes the strict and fuzzy bounds of a time.
 * @param[in]  t   The time.
 * @param[out] out Receives the bounds.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL.
 */
REL_API rel_status rel_time_get_bounds(const rel_time *t, rel_time_bounds *out);

/**
 * @brief Orders two times for a timeline.
 *
 * Compares fuzzy_lo, then strict_lo, strict_hi, fuzzy_hi, then the
 * canonical text, so that the order is total and stable. NULL sorts first.
 * @param[in] a A time or NULL.
 * @param[in] b A time or NULL.
 * @return Negative, zero or positive, as strcmp().
 */
REL_API int32_t rel_time_compare(const rel_time *a, const rel_time *b);

/**
 * @brief Whether two times may overlap: their fuzzy spans meet.
 * @param[in] a A time.
 * @param[in] b A time.
 * @return 1 if they may overlap, 0 if they cannot or if either is NULL.
 */
REL_API int32_t rel_time_overlaps(const rel_time *a, const rel_time *b);

/**
 * @brief Whether a time falls in a window of days.
 * @param[in] t         The time.
 * @param[in] lo        First day of the window (inclusive).
 * @param[in] hi        Last day of the window (inclusive).
 * @param[in] semantics #REL_WINDOW_CERTAIN or #REL_WINDOW_POSSIBLE.
 * @return 1 if it does, 0 if not or if an argument is invalid.
 */
REL_API int32_t rel_time_in_window(const rel_time *t, int64_t lo, int64_t hi, int32_t semantics);

/**
 * @brief The day number of a calendar date (proleptic Gregorian, astronomical years).
 * @param[in]  year  Any year with |year| <= 10^12.
 * @param[in]  month 1 to 12.
 * @param[in]  day   1 to the length of that month.
 * @param[out] out   Receives the day number (0 is 1970-01-01).
 * @return #REL_OK; #REL_ERR_ARG if @p out is NULL; #REL_ERR_RANGE for an invalid date.
 */
REL_API rel_status rel_day_from_date(int64_t year, int32_t month, int32_t day, int64_t *out);

/**
 * @brief The calendar date of a day number (inverse of rel_day_from_date()).
 * @param[in]  days  A day number within the range rel_day_from_date() produces.
 * @param[out] year  Receives the year.
 * @param[out] month Receives the month, 1 to 12.
 * @param[out] day   Receives the day of the month.
 * @return #REL_OK; #REL_ERR_ARG if an output is NULL; #REL_ERR_RANGE if out of range.
 */
REL_API rel_status rel_date_from_day(int64_t days, int64_t *year, int32_t *month, int32_t *day);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_TIME_H */
