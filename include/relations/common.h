/* SPDX-License-Identifier: MIT */
/**
 * @file common.h
 * @brief Export macro, string-length convention and the allocator hook.
 *
 * Everything here is shared by every other header; nothing here allocates.
 */
#ifndef RELATIONS_COMMON_H
#define RELATIONS_COMMON_H

#include <stddef.h>
#include <stdint.h>

/**
 * @defgroup rel_common Common definitions
 * The export macro, the NUL-terminated length marker and the allocator.
 * @{
 */

#if defined(_WIN32) && defined(RELATIONS_SHARED_BUILD)
#define REL_API __declspec(dllexport)
#elif defined(_WIN32) && !defined(RELATIONS_STATIC)
#define REL_API __declspec(dllimport)
#elif defined(__GNUC__)
#define REL_API __attribute__((visibility("default")))
#else
/** Marks a function as part of the exported API; everything else is hidden. */
#define REL_API
#endif

#ifdef __cplusplus
#define REL_BEGIN_DECLS extern "C" {
#define REL_END_DECLS }
#else
/** Opens a block of C declarations (for C++ callers). */
#define REL_BEGIN_DECLS
/** Closes a block opened with #REL_BEGIN_DECLS. */
#define REL_END_DECLS
#endif

/**
 * Length marker for string inputs: "read up to the first NUL".
 *
 * Every string input is a pointer and a byte length, so that callers whose
 * strings are not NUL-terminated (Rust slices, Python bytes) pass them as
 * they are. Passing #REL_NTS as the length asks the library to measure a
 * NUL-terminated string instead.
 */
#define REL_NTS ((size_t)-1)

/**
 * A caller-supplied allocator for one knowledge base.
 *
 * Set it in rel_kb_options to route every allocation the knowledge base
 * makes (including the JSON parser's) through your own functions. All three
 * functions must be set, or none. @p ctx is passed back unchanged.
 * The functions follow the contracts of malloc(), realloc() and free():
 * returning NULL means "out of memory", and the library then fails the call
 * with #REL_ERR_NOMEM and leaves the knowledge base as it was.
 *
 * Some read calls allocate too (rel_kb_find_alias() with
 * #REL_MATCH_NORMALISED, rel_kb_write_json(), rel_kb_save_json()), so when
 * several threads read one knowledge base at once the functions must be
 * safe to call from several threads at once. The file that
 * rel_kb_open_json_file() reads, and times made by rel_time_parse() and
 * rel_time_copy(), use the C library's allocator.
 */
typedef struct rel_allocator {
    void *ctx;                                          ///< Passed to every call.
    void *(*malloc)(void *ctx, size_t size);            ///< Like malloc().
    void *(*realloc)(void *ctx, void *ptr, size_t size);///< Like realloc().
    void (*free)(void *ctx, void *ptr);                 ///< Like free(); gets NULL never.
} rel_allocator;

/** @} */

#endif /* RELATIONS_COMMON_H */
