/* SPDX-License-Identifier: MIT */
/**
 * @file json.h
 * @brief Importing and exporting a knowledge base as JSON.
 */
#ifndef RELATIONS_JSON_H
#define RELATIONS_JSON_H

#include <relations/common.h>
#include <relations/kb.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_json JSON import and export
 *
 * One format for import and export, described in @ref json_format. An
 * export holds the full text of every source, so it stands alone; exporting
 * an imported export gives byte-identical JSON. Import errors give the line,
 * column and byte offset in the #rel_error.
 * @{
 */

/**
 * Receives exported JSON piece by piece.
 * @param data    The next bytes (not NUL-terminated).
 * @param len     Their length.
 * @param payload The pointer given to rel_kb_write_json().
 * @return 0 to go on; anything else stops the export with #REL_ERR_IO.
 */
typedef int32_t (*rel_write_fn)(const char *data, size_t len, void *payload);

/**
 * @brief Opens a knowledge base from a JSON file.
 *
 * The file is read in pieces, never whole: memory is the knowledge base
 * plus one piece (1 MiB) and the record being read (see @ref json_format).
 * rel_kb_options::progress, if set, is told how far the import has got and
 * may stop it.
 * @param[out] out  Receives the knowledge base, owned by the caller; NULL on failure.
 * @param[in]  path The file's path (NUL-terminated).
 * @param[in]  opts Options, or NULL for the defaults. Relative source
 *                  `path`s are resolved against the file's folder unless
 *                  rel_kb_options::base_dir is set.
 * @param[out] err  Optional: receives the detail of a failure, with the file,
 *                  line, column and byte offset.
 * @return #REL_OK; #REL_ERR_ARG (a NULL pointer, invalid options, or a
 *         value the @ref rel_builder "builder calls" refuse: a malformed id, event
 *         type or predicate, an empty name); #REL_ERR_IO (the file or a
 *         source's file cannot be read); #REL_ERR_SYNTAX (malformed JSON); #REL_ERR_UTF8;
 *         #REL_ERR_SCHEMA; #REL_ERR_DUPLICATE; #REL_ERR_REFERENCE;
 *         #REL_ERR_RANGE; #REL_ERR_MISMATCH; #REL_ERR_NOT_FOUND and
 *         #REL_ERR_AMBIGUOUS (quotes); #REL_ERR_LIMIT; #REL_ERR_CANCELLED (the
 *         progress callback said stop); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_open_json_file(rel_kb **out, const char *path, const rel_kb_options *opts, rel_error *err);

/**
 * @brief Opens a knowledge base from JSON in memory.
 *
 * The text is parsed in pieces too, so that rel_kb_options::progress, if
 * set, is told how far the import has got.
 * @param[out] out  Receives the knowledge base, owned by the caller; NULL on failure.
 * @param[in]  json The JSON text (need not be NUL-terminated).
 * @param[in]  len  Its length in bytes, or #REL_NTS.
 * @param[in]  opts Options, or NULL for the defaults.
 * @param[out] err  Optional: receives the detail of a failure.
 * @return As rel_kb_open_json_file().
 */
REL_API rel_status rel_kb_open_json_mem(rel_kb **out, const char *json, size_t len, const rel_kb_options *opts,
                                        rel_error *err);

/**
 * @brief Writes a knowledge base as JSON through a callback.
 * @param[in]  kb      The knowledge base.
 * @param[in]  write   Called with each piece of the output, in order.
 * @param[in]  payload Passed to @p write unchanged.
 * @param[out] err     Optional: receives the detail of a failure.
 * @return #REL_OK; #REL_ERR_ARG if @p kb or @p write is NULL; #REL_ERR_IO if
 *         @p write returned non-zero; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_write_json(const rel_kb *kb, rel_write_fn write, void *payload, rel_error *err);

/**
 * @brief Saves a knowledge base as a JSON file (replacing the file).
 * @param[in]  kb   The knowledge base.
 * @param[in]  path The file's path (NUL-terminated).
 * @param[out] err  Optional: receives the detail of a failure.
 * @return #REL_OK; #REL_ERR_ARG if @p kb or @p path is NULL; #REL_ERR_IO
 *         (the file cannot be created or written; a partial file may be
 *         left behind); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_save_json(const rel_kb *kb, const char *path, rel_error *err);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_JSON_H */
