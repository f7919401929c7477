/* SPDX-License-Identifier: MIT */
/**
 * @file status.h
 * @brief Status codes and the caller-supplied error record.
 */
#ifndef RELATIONS_STATUS_H
#define RELATIONS_STATUS_H

#include <relations/common.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_status Status codes and errors
 *
 * Every call that can fail returns a #rel_status: #REL_OK (zero) on
 * success, #REL_DONE (positive) when an iteration has nothing more to give,
 * and a negative code on error. There is no global "last error": the detail
 * of a failure (what went wrong and where) is written into a #rel_error the
 * caller passes in, and the knowledge base's write calls also keep it on the
 * handle (rel_kb_error()).
 * @{
 */

/** A status code: one of the #rel_status_code values, as a fixed-size integer. */
typedef int32_t rel_status;

/** The values a #rel_status takes. */
enum rel_status_code {
    REL_OK = 0,              ///< Success.
    REL_DONE = 1,            ///< An iteration is over; not an error.
    REL_ERR_ARG = -1,        ///< A NULL or otherwise invalid argument.
    REL_ERR_NOMEM = -2,      ///< An allocation failed.
    REL_ERR_NOT_FOUND = -3,  ///< An id, prefix, alias or quote matched nothing.
    REL_ERR_IO = -4,         ///< A file could not be read or written.
    REL_ERR_SYNTAX = -5,     ///< Malformed JSON or a malformed time expression.
    REL_ERR_UTF8 = -6,       ///< Text that is not valid UTF-8.
    REL_ERR_RANGE = -7,      ///< A span or number outside its allowed range, or a span splitting a UTF-8 sequence.
    REL_ERR_DUPLICATE = -8,  ///< An id that is already taken.
    REL_ERR_REFERENCE = -9,  ///< A reference to an id that does not exist or is of the wrong kind.
    REL_ERR_SCHEMA = -10,    ///< Well-formed JSON of the wrong shape: missing, unknown or mistyped member.
    REL_ERR_AMBIGUOUS = -11, ///< A prefix or quote that matches more than one thing.
    REL_ERR_MISMATCH = -12,  ///< An evidence text that differs from the source bytes it points at.
    REL_ERR_LIMIT = -13,     ///< Input beyond a documented limit (nesting depth, size).
    REL_ERR_FORMAT = -14,    ///< A file that is not a snapshot, of another format version or byte order, or corrupted.
    REL_ERR_READ_ONLY = -15, ///< A write to a knowledge base opened read-only (a snapshot).
    REL_ERR_CANCELLED = -16  ///< A progress callback asked to stop.
};

/**
 * Where and why a call failed.
 *
 * Pass a pointer to one (it need not be initialised) to any call that takes
 * `rel_error *err`; pass NULL if you do not want the detail. On success the
 * record is cleared (status #REL_OK, empty message). Fields that do not
 * apply are zero (rel_error::file is then empty). The record is plain data
 * owned by the caller: copy it, keep it, or put it on the stack.
 */
typedef struct rel_error {
    rel_status status;  ///< The status the call returned.
    uint32_t line;      ///< 1-based line in the input, or 0.
    uint32_t column;    ///< 1-based column (in bytes) in the input, or 0.
    uint64_t offset;    ///< 0-based byte offset in the input (meaningful when rel_error::line is set).
    char file[256];     ///< The file the input came from, or empty; NUL-terminated.
    char message[512];  ///< What went wrong, in English; NUL-terminated.
} rel_error;

/**
 * @brief A short, static description of a status code.
 * @param[in] status Any value; unknown values get "unknown status".
 * @return A NUL-terminated string with static lifetime; never NULL, never freed.
 */
REL_API const char *rel_status_str(rel_status status);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_STATUS_H */
