/* SPDX-License-Identifier: MIT */
/**
 * @file kb.h
 * @brief The knowledge base: opening, freeing, walking and looking things up.
 */
#ifndef RELATIONS_KB_H
#define RELATIONS_KB_H

#include <relations/claim.h>
#include <relations/common.h>
#include <relations/entity.h>
#include <relations/evidence.h>
#include <relations/event.h>
#include <relations/source.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_kb Knowledge base
 *
 * A #rel_kb holds sources, entities, events and claims. Open the built-in
 * one with rel_kb_open_builtin(), a JSON file with rel_kb_open_json_file(),
 * or build one with rel_kb_new() and the @ref rel_builder "builder calls"; free it
 * with rel_kb_free(). Everything reached through it (sources, entities,
 * events, claims, evidence, the strings they hold) is borrowed and stays
 * valid until rel_kb_free(); adding to the knowledge base never moves it.
 *
 * Walk it by index (rel_kb_entity_count(), rel_kb_entity_at()) or look
 * things up by id (rel_kb_find_entity()) or by name (rel_kb_find_alias()).
 * Read calls never write to the handle; see @ref relations.h for the
 * thread-safety rule.
 * @{
 */

/** A knowledge base. Owned by the caller: free it with rel_kb_free(). */
typedef struct rel_kb rel_kb;

/** What kind of object an id names (values of rel_kb_id_kind()). */
enum rel_object_code {
    REL_OBJECT_NONE = 0,   ///< No object has that id.
    REL_OBJECT_SOURCE = 1, ///< A source.
    REL_OBJECT_ENTITY = 2, ///< An entity.
    REL_OBJECT_EVENT = 3,  ///< An event.
    REL_OBJECT_CLAIM = 4   ///< A claim.
};

/**
 * A progress callback: told how many bytes of the input are done out of
 * how many. Called from the thread that opens the knowledge base, at most
 * a few hundred times per file, and once more when the input is done.
 * @p done never goes back; the last call, made when the knowledge base is
 * complete, has @p done equal to @p total. Input of one piece (1 MiB), or a
 * file whose size is unknown (a pipe), gets only that call. On
 * #REL_ERR_CANCELLED the knowledge base is freed and none is returned.
 * @param[in] done    Bytes read so far.
 * @param[in] total   Bytes in all (the file's size; the length for in-memory input).
 * @param[in] payload rel_kb_options::progress_payload.
 * @return 0 to go on; anything else stops the import with #REL_ERR_CANCELLED.
 */
typedef int32_t (*rel_progress_fn)(uint64_t done, uint64_t total, void *payload);

/** The current version of #rel_kb_options (version 1 had no progress members). */
#define REL_KB_OPTIONS_VERSION 2

/**
 * Options for opening or creating a knowledge base.
 *
 * Initialise with #REL_KB_OPTIONS_INIT or rel_kb_options_init(); fields
 * are only ever appended, and rel_kb_options::version tells the library
 * which fields the caller knows. Passing NULL wherever options are taken
 * means the defaults. The library copies what it needs: the struct need not
 * outlive the call it is passed to.
 */
typedef struct rel_kb_options {
    uint32_t version;        ///< #REL_KB_OPTIONS_VERSION.
    rel_allocator allocator; ///< All NULL (the default) means the C library's allocator.
    /**
     * Folder against which relative source `path`s in JSON are resolved.
     * NULL means: the JSON file's own folder for rel_kb_open_json_file(),
     * the working directory for rel_kb_open_json_mem(). Copied; need not
     * outlive the call.
     */
    const char *base_dir;
    rel_progress_fn progress; ///< Optional: told how far a JSON import has got (version 2).
    void *progress_payload;   ///< Passed to `progress` as it is.
} rel_kb_options;

/** Static initialiser for #rel_kb_options with every default. */
#define REL_KB_OPTIONS_INIT {REL_KB_OPTIONS_VERSION, {NULL, NULL, NULL, NULL}, NULL, NULL, NULL}

/**
 * @brief Initialises options to their defaults.
 * @param[out] opts    The options.
 * @param[in]  version #REL_KB_OPTIONS_VERSION.
 * @return #REL_OK; #REL_ERR_ARG if @p opts is NULL or @p version is not one this library knows.
 */
REL_API rel_status rel_kb_options_init(rel_kb_options *opts, uint32_t version);

/**
 * @brief Creates an empty knowledge base, to fill with the @ref rel_builder "builder calls".
 * @param[out] out  Receives the knowledge base, owned by the caller; NULL on failure.
 * @param[in]  opts Options, or NULL for the defaults.
 * @return #REL_OK; #REL_ERR_ARG if @p out is NULL or the options are
 *         invalid (unknown version, an allocator with only some functions set);
 *         #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_new(rel_kb **out, const rel_kb_options *opts);

/**
 * @brief Opens the built-in knowledge base: three versions of the article
 *        "Iran–North Korea relations" (CC BY-SA 4.0) and their annotation.
 * @param[out] out  Receives the knowledge base, owned by the caller; NULL on failure.
 * @param[in]  opts Options, or NULL for the defaults.
 * @param[out] err  Optional: receives the detail of a failure.
 * @return #REL_OK; #REL_ERR_ARG; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_open_builtin(rel_kb **out, const rel_kb_options *opts, rel_error *err);

/**
 * @brief Frees a knowledge base and everything borrowed from it.
 * @param[in] kb The knowledge base, or NULL (then nothing happens).
 */
REL_API void rel_kb_free(rel_kb *kb);

/**
 * @brief The detail of the last failed write call (a @ref rel_builder "builder call") on this handle.
 *
 * Read calls do not touch it, so it is safe to call while other threads read.
 * @param[in] kb The knowledge base.
 * @return The error record, owned by @p kb: the pointer stays valid until
 *         rel_kb_free(), and its contents are replaced by the next write
 *         call; its status is #REL_OK if the last write call succeeded.
 *         NULL if @p kb is NULL.
 */
REL_API const rel_error *rel_kb_error(const rel_kb *kb);

/**
 * @brief The message of rel_kb_error(), for printing.
 * @param[in] kb The knowledge base.
 * @return A NUL-terminated message owned by @p kb (empty after a success),
 *         overwritten by the next write call; a static message if @p kb is NULL.
 */
REL_API const char *rel_kb_errmsg(const rel_kb *kb);

/**
 * @brief How many sources the knowledge base holds.
 * @param[in] kb The knowledge base.
 * @return The count; 0 if @p kb is NULL.
 */
REL_API size_t rel_kb_source_count(const rel_kb *kb);

/**
 * @brief One source, in the order they were added.
 * @param[in] kb The knowledge base.
 * @param[in] i  0 to rel_kb_source_count() - 1.
 * @return The source, owned by @p kb and valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_source *rel_kb_source_at(const rel_kb *kb, size_t i);

/**
 * @brief How many entities the knowledge base holds.
 * @param[in] kb The knowledge base.
 * @return The count; 0 if @p kb is NULL.
 */
REL_API size_t rel_kb_entity_count(const rel_kb *kb);

/**
 * @brief One entity, in the order they were added.
 * @param[in] kb The knowledge base.
 * @param[in] i  0 to rel_kb_entity_count() - 1.
 * @return The entity, owned by @p kb and valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_entity *rel_kb_entity_at(const rel_kb *kb, size_t i);

/**
 * @brief How many events the knowledge base holds.
 * @param[in] kb The knowledge base.
 * @return The count; 0 if @p kb is NULL.
 */
REL_API size_t rel_kb_event_count(const rel_kb *kb);

/**
 * @brief One event, in the order they were added.
 * @param[in] kb The knowledge base.
 * @param[in] i  0 to rel_kb_event_count() - 1.
 * @return The event, owned by @p kb and valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_event *rel_kb_event_at(const rel_kb *kb, size_t i);

/**
 * @brief How many claims the knowledge base holds.
 * @param[in] kb The knowledge base.
 * @return The count; 0 if @p kb is NULL.
 */
REL_API size_t rel_kb_claim_count(const rel_kb *kb);

/**
 * @brief One claim, in the order they were added.
 * @param[in] kb The knowledge base.
 * @param[in] i  0 to rel_kb_claim_count() - 1.
 * @return The claim, owned by @p kb and valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_claim *rel_kb_claim_at(const rel_kb *kb, size_t i);

/**
 * @brief What kind of object an id names.
 * @param[in] kb  The knowledge base.
 * @param[in] id  The id (exact; source-id prefixes are not resolved here).
 * @param[in] len Its length in bytes, or #REL_NTS.
 * @return A #rel_object_code; #REL_OBJECT_NONE if nothing has that id or an argument is NULL.
 */
REL_API int32_t rel_kb_id_kind(const rel_kb *kb, const char *id, size_t len);

/**
 * @brief Finds a source by its id or by a unique prefix of it ("000").
 * @param[in]  kb  The knowledge base.
 * @param[in]  id  The id or prefix.
 * @param[in]  len Its length in bytes, or #REL_NTS.
 * @param[out] out Receives the source, owned by @p kb and valid until rel_kb_free(); NULL on failure.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_NOT_FOUND;
 *         #REL_ERR_AMBIGUOUS if the prefix fits several sources and none exactly.
 */
REL_API rel_status rel_kb_find_source(const rel_kb *kb, const char *id, size_t len, const rel_source **out);

/**
 * @brief Finds an entity by id.
 * @param[in]  kb  The knowledge base.
 * @param[in]  id  The id.
 * @param[in]  len Its length in bytes, or #REL_NTS.
 * @param[out] out Receives the entity, owned by @p kb and valid until rel_kb_free(); NULL on failure.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_NOT_FOUND.
 */
REL_API rel_status rel_kb_find_entity(const rel_kb *kb, const char *id, size_t len, const rel_entity **out);

/**
 * @brief Finds an event by id.
 * @param[in]  kb  The knowledge base.
 * @param[in]  id  The id.
 * @param[in]  len Its length in bytes, or #REL_NTS.
 * @param[out] out Receives the event, owned by @p kb and valid until rel_kb_free(); NULL on failure.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_NOT_FOUND.
 */
REL_API rel_status rel_kb_find_event(const rel_kb *kb, const char *id, size_t len, const rel_event **out);

/**
 * @brief Finds a claim by id.
 * @param[in]  kb  The knowledge base.
 * @param[in]  id  The id.
 * @param[in]  len Its length in bytes, or #REL_NTS.
 * @param[out] out Receives the claim, owned by @p kb and valid until rel_kb_free(); NULL on failure.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_NOT_FOUND.
 */
REL_API rel_status rel_kb_find_claim(const rel_kb *kb, const char *id, size_t len, const rel_claim **out);

/**
 * @brief Finds the entities that have a name or alias.
 *
 * Canonical names count as aliases. With #REL_MATCH_NORMALISED both sides
 * are compared after rel_text_normalise(), so "Iran-Iraq war" finds the
 * entity whose alias is "Iran–Iraq War". Each entity comes once, in the
 * order in which the matching names were added.
 * @param[in]  kb    The knowledge base.
 * @param[in]  text  The name.
 * @param[in]  len   Its length in bytes, or #REL_NTS.
 * @param[in]  match #REL_MATCH_EXACT or #REL_MATCH_NORMALISED.
 * @param[out] out   Receives up to @p cap entities, owned by @p kb and valid until rel_kb_free();
 *                   may be NULL if @p cap is 0.
 * @param[in]  cap   The room in @p out.
 * @param[out] count Receives how many entities match (which may exceed @p cap); required.
 * @return #REL_OK if at least one matches; #REL_ERR_NOT_FOUND if none;
 *         #REL_ERR_ARG for a NULL pointer or an unknown @p match;
 *         #REL_ERR_UTF8 if @p text is not valid UTF-8; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_find_alias(const rel_kb *kb, const char *text, size_t len, int32_t match,
                                     const rel_entity **out, size_t cap, size_t *count);

/**
 * @brief How many predicates were declared (rel_kb_add_predicate()).
 * @param[in] kb The knowledge base.
 * @return The count; 0 if @p kb is NULL.
 */
REL_API size_t rel_kb_predicate_count(const rel_kb *kb);

/**
 * @brief The name of one declared predicate.
 * @param[in]  kb  The knowledge base.
 * @param[in]  i   0 to rel_kb_predicate_count() - 1.
 * @param[out] len Optional: receives the length in bytes.
 * @return The name, NUL-terminated, owned by @p kb and valid until rel_kb_free(); NULL if out of range.
 */
REL_API const char *rel_kb_predicate_name(const rel_kb *kb, size_t i, size_t *len);

/**
 * @brief The flags of one declared predicate.
 * @param[in] kb The knowledge base.
 * @param[in] i  0 to rel_kb_predicate_count() - 1.
 * @return The #rel_predicate_flag values, or-ed; 0 if out of range.
 */
REL_API uint32_t rel_kb_predicate_flags(const rel_kb *kb, size_t i);

/**
 * @brief Whether a predicate was declared functional (one value per subject).
 * @param[in] kb        The knowledge base.
 * @param[in] predicate The predicate.
 * @param[in] len       Its length in bytes, or #REL_NTS.
 * @return 1 if it was; 0 if not, if it was never declared, or if an argument is NULL.
 */
REL_API int32_t rel_kb_predicate_is_functional(const rel_kb *kb, const char *predicate, size_t len);

/**
 * @brief How many passages were left unannotated on purpose (rel_kb_add_unannotated()).
 * @param[in] kb The knowledge base.
 * @return The count; 0 if @p kb is NULL.
 */
REL_API size_t rel_kb_unannotated_count(const rel_kb *kb);

/**
 * @brief One passage left unannotated.
 * @param[in] kb The knowledge base.
 * @param[in] i  0 to rel_kb_unannotated_count() - 1.
 * @return Its span, owned by @p kb and valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_evidence *rel_kb_unannotated_at(const rel_kb *kb, size_t i);

/**
 * @brief Why one passage was left unannotated.
 * @param[in]  kb  The knowledge base.
 * @param[in]  i   0 to rel_kb_unannotated_count() - 1.
 * @param[out] len Optional: receives the length in bytes.
 * @return The reason, NUL-terminated, owned by @p kb and valid until rel_kb_free(); NULL if out of range.
 */
REL_API const char *rel_kb_unannotated_reason(const rel_kb *kb, size_t i, size_t *len);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_KB_H */
