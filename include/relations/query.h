/* SPDX-License-Identifier: MIT */
/**
 * @file query.h
 * @brief Queries: events, claims and entities that match combined filters.
 */
#ifndef RELATIONS_QUERY_H
#define RELATIONS_QUERY_H

#include <relations/claim.h>
#include <relations/common.h>
#include <relations/entity.h>
#include <relations/event.h>
#include <relations/kb.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_query Queries
 *
 * A query is built from a #rel_query_options and read through an iterator.
 * Every filter that is set must hold (they combine with "and"); a filter
 * left at its default (NULL, 0) does not restrict. Which filters apply to
 * which target:
 *
 * | filter             | events | claims | entities |
 * |--------------------|:------:|:------:|:--------:|
 * | `actor`            | takes part | its subject or object is the entity, or an event it takes part in | — |
 * | `actor2`           | with `actor`: both take part (an unordered pair) | — | — |
 * | `window`           | its time, by `window_semantics` | — | — |
 * | `type`             | the type or one of its subtypes | — | — |
 * | `source`           | has evidence in it | is stated in it | has evidence in it |
 * | `claimant`         | — | the claimant: in `source` if set (rel_claim_claimant_in()), else rel_claim_claimant() or the claimant in any source it is stated in | — |
 * | `modality`         | — | the modality, likewise | — |
 * | `about`            | — | its subject or object is that object | — |
 * | `entity_kind`      | — | — | the kind |
 * | `alias`            | — | — | a name or alias, by `alias_match` |
 * | `text`             | words of its evidence | words of its literal values, predicate and evidence | words of its names and evidence |
 *
 * A filter that does not apply to the target is an error (#REL_ERR_ARG),
 * not silently ignored. Results come in the knowledge base's order (the
 * order of rel_kb_event_at() and friends), each once.
 *
 * **Full text.** The text is split into words (runs of letters, digits and
 * marks) and each word is compared after rel_text_normalise(); every word
 * of the query must occur. "Nuclear" finds "nuclear", and "Iran-Iraq" is
 * the two words "iran" and "iraq".
 *
 * **Indexes.** The first query on a knowledge base builds its indexes
 * once (safely, even when several threads query at once); a knowledge base
 * opened from a snapshot (rel_kb_open_snapshot()) carries them and builds
 * nothing. Any write to the knowledge base drops them, and they are built
 * again by the next query. What each index costs in memory is tabled in
 * @ref queries; rel_kb_index_size() reports the total for a knowledge base.
 *
 * **Lifetime.** A query borrows its knowledge base: free the query before
 * the knowledge base, and do not write to the knowledge base while a query
 * on it is alive. A query is used by one thread at a time; several threads
 * may each run their own queries on one knowledge base at once.
 * @{
 */

/** A query and its position in the results. Owned by the caller: free it with rel_query_free(). */
typedef struct rel_query rel_query;

/** What a query returns (rel_query_options::target). */
enum rel_query_target_code {
    REL_QUERY_EVENTS = 0,  ///< Events (rel_query_next_event()).
    REL_QUERY_CLAIMS = 1,  ///< Claims (rel_query_next_claim()).
    REL_QUERY_ENTITIES = 2 ///< Entities (rel_query_next_entity()).
};

/** rel_query_options::entity_kind for entities of every kind. */
#define REL_QUERY_ANY_KIND (-1)

/** The current version of #rel_query_options. */
#define REL_QUERY_OPTIONS_VERSION 1

/**
 * The filters of a query. Initialise it with #REL_QUERY_OPTIONS_INIT or
 * rel_query_options_init(), then set what you need. Strings are copied by
 * rel_query_new() and need not outlive the call. Ids and texts are UTF-8,
 * NUL-terminated.
 */
typedef struct rel_query_options {
    uint32_t version;         ///< #REL_QUERY_OPTIONS_VERSION.
    int32_t target;           ///< A #rel_query_target_code.
    const char *actor;        ///< An entity id, or NULL.
    const char *actor2;       ///< A second entity id (needs `actor`), or NULL.
    const char *window;       ///< A time expression (rel_time_parse()) whose strict bounds are the window, or NULL.
    int32_t window_semantics; ///< #REL_WINDOW_CERTAIN or #REL_WINDOW_POSSIBLE (the default).
    int32_t entity_kind;      ///< A #rel_entity_kind_code, or #REL_QUERY_ANY_KIND.
    const char *type;         ///< An event type such as "AID" (its subtypes too) or "AID.military", or NULL.
    const char *source;       ///< A source id, or NULL.
    const char *claimant;     ///< An entity id, or NULL.
    int32_t modality;         ///< A #rel_modality_code, or #REL_MODALITY_NONE for any.
    int32_t alias_match;      ///< #REL_MATCH_EXACT, #REL_MATCH_NORMALISED or #REL_MATCH_PREFIX.
    const char *about;        ///< The id of an entity, event or claim, or NULL.
    const char *alias;        ///< A name or alias, or NULL.
    const char *text;         ///< Words that must all occur, or NULL.
} rel_query_options;

/** Static initialiser for #rel_query_options: events, no filter. */
#define REL_QUERY_OPTIONS_INIT                                                                          \
    {REL_QUERY_OPTIONS_VERSION, REL_QUERY_EVENTS, NULL, NULL, NULL, REL_WINDOW_POSSIBLE, REL_QUERY_ANY_KIND, \
     NULL, NULL, NULL, REL_MODALITY_NONE, REL_MATCH_EXACT, NULL, NULL, NULL}

/**
 * @brief Sets every field of @p opts to its default (for callers that cannot use #REL_QUERY_OPTIONS_INIT).
 * @param[out] opts    The options to initialise.
 * @param[in]  version #REL_QUERY_OPTIONS_VERSION.
 * @return #REL_OK; #REL_ERR_ARG if @p opts is NULL or @p version is not one this library knows.
 */
REL_API rel_status rel_query_options_init(rel_query_options *opts, uint32_t version);

/**
 * @brief Makes a query.
 *
 * Builds the knowledge base's indexes first if it has none (see the group
 * description).
 * @param[out] out  Receives the query, owned by the caller (rel_query_free()); NULL on failure.
 * @param[in]  kb   The knowledge base; borrowed, must outlive the query.
 * @param[in]  opts The filters.
 * @param[out] err  Optional: receives the reason of a failure.
 * @return #REL_OK; #REL_ERR_ARG for a NULL pointer, an unknown version, target, semantics, kind,
 *         modality or match, a filter that does not apply to the target, or `actor2` without `actor`;
 *         #REL_ERR_NOT_FOUND if an id (actor, source, claimant, about) names nothing of its kind;
 *         #REL_ERR_SYNTAX or #REL_ERR_RANGE for a malformed window; #REL_ERR_UTF8 for text that is not
 *         UTF-8; #REL_ERR_LIMIT if the indexes must be built and the knowledge base holds 2^32 - 1
 *         objects of one kind or more; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_query_new(rel_query **out, const rel_kb *kb, const rel_query_options *opts,
                                 rel_error *err);

/**
 * @brief Frees a query.
 * @param[in] q The query, or NULL (then nothing happens).
 */
REL_API void rel_query_free(rel_query *q);

/**
 * @brief The next event of an event query.
 * @param[in]  q   The query.
 * @param[out] out Receives the event, owned by the knowledge base; NULL when the results are done.
 * @return #REL_OK with a result; #REL_DONE when there are no more;
 *         #REL_ERR_ARG if a pointer is NULL or the query is not an event query.
 */
REL_API rel_status rel_query_next_event(rel_query *q, const rel_event **out);

/**
 * @brief The next claim of a claim query.
 * @param[in]  q   The query.
 * @param[out] out Receives the claim, owned by the knowledge base; NULL when the results are done.
 * @return #REL_OK with a result; #REL_DONE when there are no more;
 *         #REL_ERR_ARG if a pointer is NULL or the query is not a claim query.
 */
REL_API rel_status rel_query_next_claim(rel_query *q, const rel_claim **out);

/**
 * @brief The next entity of an entity query.
 * @param[in]  q   The query.
 * @param[out] out Receives the entity, owned by the knowledge base; NULL when the results are done.
 * @return #REL_OK with a result; #REL_DONE when there are no more;
 *         #REL_ERR_ARG if a pointer is NULL or the query is not an entity query.
 */
REL_API rel_status rel_query_next_entity(rel_query *q, const rel_entity **out);

/**
 * @brief Starts the results again from the first.
 * @param[in] q The query.
 * @return #REL_OK; #REL_ERR_ARG if @p q is NULL.
 */
REL_API rel_status rel_query_reset(rel_query *q);

/**
 * @brief Counts all the results (whatever has been read already).
 * @param[in]  q     The query.
 * @param[out] count Receives the number of results.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL.
 */
REL_API rel_status rel_query_count(const rel_query *q, size_t *count);

/** One row of rel_query_count_by_year(). */
typedef struct rel_year_count {
    int64_t year;   ///< A year (astronomical: 0 is 1 BCE).
    uint64_t count; ///< How many results fall in it.
} rel_year_count;

/**
 * @brief Counts the events of an event query per year.
 *
 * An event counts in the year of the first day its time names (the
 * strict lower bound). Events without a time, or whose time has no known
 * first day ("before 1979"), are counted in @p undated instead. The
 * iterator's position is not changed. Works like snprintf(): at most @p cap
 * rows are written, in year order, and @p len always receives how many
 * years have events, so a call with @p cap 0 asks for the size.
 * @param[in]  q       An event query.
 * @param[out] rows    Receives up to @p cap rows; may be NULL if @p cap is 0.
 * @param[in]  cap     The room in @p rows.
 * @param[out] len     Receives the number of years with at least one event.
 * @param[out] undated Optional: receives the number of events not counted in any year.
 * @return #REL_OK (even if @p cap was too small: compare @p len);
 *         #REL_ERR_ARG if @p q or @p len is NULL, @p rows is NULL with @p cap above 0,
 *         or the query is not an event query; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_query_count_by_year(const rel_query *q, rel_year_count *rows, size_t cap, size_t *len,
                                           uint64_t *undated);

/**
 * @brief Builds the indexes of a knowledge base now rather than at its first query.
 *
 * A write call: not to be run while another thread reads @p kb.
 * @param[in]  kb  The knowledge base.
 * @param[out] err Optional: receives the reason of a failure.
 * @return #REL_OK (also if they were built already, or @p kb was opened from a snapshot);
 *         #REL_ERR_ARG if @p kb is NULL; #REL_ERR_LIMIT if it holds 2^32 - 1 objects of one kind or
 *         more; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_build_indexes(rel_kb *kb, rel_error *err);

/**
 * @brief The memory the indexes of a knowledge base take, in bytes.
 * @param[in] kb The knowledge base.
 * @return The size; 0 if @p kb is NULL or its indexes are not built yet.
 */
REL_API size_t rel_kb_index_size(const rel_kb *kb);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_QUERY_H */
