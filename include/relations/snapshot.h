/* SPDX-License-Identifier: MIT */
/**
 * @file snapshot.h
 * @brief Snapshots: a knowledge base saved in the library's own binary file and opened by mapping it.
 */
#ifndef RELATIONS_SNAPSHOT_H
#define RELATIONS_SNAPSHOT_H

#include <relations/common.h>
#include <relations/kb.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_snapshot Snapshots
 *
 * A snapshot holds a whole knowledge base, its query indexes included, in
 * the layout the library reads. Opening one maps the file read-only and
 * checks it; nothing is parsed or copied, and strings are used where they
 * lie in the file. A knowledge base opened this way answers every read
 * call and query like any other, and refuses writes with
 * #REL_ERR_READ_ONLY.
 *
 * The file starts with a header: the magic bytes `RELSNAP` and a NUL, the
 * format version (#REL_SNAPSHOT_FORMAT), the byte order and word size of
 * the machine that wrote it, the length of the content and its XXH3-64
 * checksum. Opening a file that is too short, foreign, of another format
 * version or byte order, or whose content does not match its checksum or
 * its own table of contents fails with #REL_ERR_FORMAT and a message that
 * says which; the file is never trusted further than it was checked.
 *
 * A snapshot opens only on a machine like the one that wrote it (same byte
 * order, word size and build of the time structs); it is a fast cache of a
 * knowledge base, and JSON is the format to move or keep one in. The guide
 * @ref snapshot describes the file, the checks and the limits.
 * @{
 */

/** The snapshot format version this library writes and reads. */
#define REL_SNAPSHOT_FORMAT 1

/**
 * @brief Saves a knowledge base as a snapshot.
 *
 * Builds the indexes first if they are not built. The file is written
 * under a temporary name beside @p path and renamed over it once complete,
 * so a failure never leaves a half-written snapshot at @p path.
 * @param[in]  kb   The knowledge base.
 * @param[in]  path The file to write.
 * @param[out] err  Optional: receives the reason of a failure.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_IO if the file cannot be written (the
 *         message names the file); #REL_ERR_LIMIT if the knowledge base holds more than 2^32 - 2
 *         objects of one kind (or entries in one list array) or a string of 4 GiB or more;
 *         #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_save_snapshot(const rel_kb *kb, const char *path, rel_error *err);

/**
 * @brief Opens a snapshot by mapping it.
 *
 * The file must not be changed while the knowledge base is open (the
 * mapping shows what is in the file; a file cut short underneath makes
 * reads fail with SIGBUS): replace it by renaming a new file over it, as
 * rel_kb_save_snapshot() does. The knowledge base is read-only: every
 * @ref rel_builder "builder call" on it returns #REL_ERR_READ_ONLY. Its
 * handles, strings and times point into the mapping and stay valid until
 * rel_kb_free(), which unmaps the file. The allocator of @p opts serves the
 * little the knowledge base allocates; `base_dir` and the progress
 * callback are not used.
 * @param[out] out  Receives the read-only knowledge base (rel_kb_free()); NULL on failure.
 * @param[in]  path The snapshot file.
 * @param[in]  opts Options, or NULL for the defaults.
 * @param[out] err  Optional: receives the reason of a failure.
 * @return #REL_OK; #REL_ERR_ARG for a NULL pointer or invalid options; #REL_ERR_IO if the file cannot
 *         be opened or mapped; #REL_ERR_FORMAT for a file that is not a valid snapshot of this format
 *         (the message says why); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_open_snapshot(rel_kb **out, const char *path, const rel_kb_options *opts,
                                        rel_error *err);

/**
 * @brief Opens a knowledge base file of either format: a snapshot if it starts with the snapshot magic, JSON otherwise.
 * @param[out] out  Receives the knowledge base (rel_kb_free()); NULL on failure.
 * @param[in]  path The file.
 * @param[in]  opts Options, or NULL for the defaults.
 * @param[out] err  Optional: receives the reason of a failure.
 * @return What rel_kb_open_snapshot() or rel_kb_open_json_file() returns.
 */
REL_API rel_status rel_kb_open_file(rel_kb **out, const char *path, const rel_kb_options *opts, rel_error *err);

/**
 * @brief Whether a knowledge base refuses writes (it was opened from a snapshot).
 * @param[in] kb The knowledge base.
 * @return 1 if read-only, 0 if not or if @p kb is NULL.
 */
REL_API int32_t rel_kb_is_read_only(const rel_kb *kb);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_SNAPSHOT_H */
