/* SPDX-License-Identifier: MIT */
/**
 * @file version.h
 * @brief Compile-time and run-time version of the library.
 */
#ifndef RELATIONS_VERSION_H
#define RELATIONS_VERSION_H

#include <relations/common.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_version Version
 * The version the program was compiled against (macros) and the version of
 * the library it runs with (functions). The shared library's SOVERSION is
 * the major version: a program runs with any library of the same major
 * version and an equal or newer minor version.
 * @{
 */

#define REL_VERSION_MAJOR 0     ///< Incompatible API or ABI changes.
#define REL_VERSION_MINOR 1     ///< Compatible additions.
#define REL_VERSION_PATCH 0     ///< Fixes.
#define REL_VERSION_STRING "0.1.0" ///< "MAJOR.MINOR.PATCH".
/** MAJOR * 1000000 + MINOR * 1000 + PATCH, for comparisons in the preprocessor. */
#define REL_VERSION_NUMBER (REL_VERSION_MAJOR * 1000000 + REL_VERSION_MINOR * 1000 + REL_VERSION_PATCH)

/**
 * @brief The version number of the library in use, as #REL_VERSION_NUMBER.
 * @return MAJOR * 1000000 + MINOR * 1000 + PATCH.
 */
REL_API int32_t rel_version_number(void);

/**
 * @brief The version of the library in use, as "MAJOR.MINOR.PATCH".
 * @return A static NUL-terminated string; never freed.
 */
REL_API const char *rel_version_string(void);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_VERSION_H */
