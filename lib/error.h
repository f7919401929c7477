/* SPDX-License-Identifier: MIT */
/*
 * Filling a rel_error. The formatting helpers are variadic, which the public
 * API never is; they stay inside the library.
 */
#ifndef REL_LIB_ERROR_H
#define REL_LIB_ERROR_H

#include <relations/status.h>

#if defined(__GNUC__)
#define REL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define REL_PRINTF(f, a)
#endif

/* Clears *err (when err is not NULL) to "no error". */
void rel__error_clear(rel_error *err);

/* Sets status and message (no position); returns status. err may be NULL. */
rel_status rel__error_set(rel_error *err, rel_status status, const char *fmt, ...) REL_PRINTF(3, 4);

/* Sets status, message and a byte offset into the input; returns status. */
rel_status rel__error_at(rel_error *err, rel_status status, uint64_t offset,
                         const char *fmt, ...) REL_PRINTF(4, 5);

/* Adds line and column computed from the input text up to err->offset. */
void rel__error_locate(rel_error *err, const char *text, size_t len);

/* Records the file name the input came from (truncated to fit). */
void rel__error_file(rel_error *err, const char *path);

/* Copies one error record into another (either may be NULL). */
void rel__error_copy(rel_error *dst, const rel_error *src);

#endif
