/* SPDX-License-Identifier: MIT */
/**
 * @file diff.h
 * @brief Differences between source versions, and contradictions inside one.
 */
#ifndef RELATIONS_DIFF_H
#define RELATIONS_DIFF_H

#include <relations/claim.h>
#include <relations/common.h>
#include <relations/entity.h>
#include <relations/event.h>
#include <relations/evidence.h>
#include <relations/kb.h>
#include <relations/source.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_diff Differences between versions
 *
 * The library compares what two versions of a document say, fact by fact,
 * from the knowledge base's structure rather than from the raw text:
 *
 * - a claim, event or entity with evidence in one version and not the
 *   other was **added** or **dropped**;
 * - a claim or event stated in both, in other words, was **reworded**
 *   (the changed words are reported), or only **respelled** when every
 *   change is one of case, spelling of dashes and apostrophes, punctuation
 *   or spacing ("Iran-Iraq war" and "Iran–Iraq War");
 * - a claim whose modality changed was **hedged** (weaker: "asserted" to
 *   "reported") or **strengthened**; one whose claimant changed was
 *   **re-attributed**;
 * - two claims with the same subject and a functional predicate (one that
 *   takes a single value, see rel_kb_predicate_is_functional()), the same
 *   polarity and different objects **contradict** each other, as do two
 *   claims linked by #REL_RELATION_CONTRADICTS. rel_diff_within() finds the
 *   contradictions inside one version.
 *
 * Each difference names the fact and carries the evidence of both sides.
 * A #rel_diff is owned by the caller (rel_diff_free()); the differences in
 * it are borrowed from it, and the objects they name are borrowed from the
 * knowledge base, which must outlive the diff.
 * @{
 */

/** The differences found by one comparison. Owned by the caller: free with rel_diff_free(). */
typedef struct rel_diff rel_diff;

/** One difference. Borrowed from its #rel_diff. */
typedef struct rel_difference rel_difference;

/** Kinds of difference (values of rel_difference_kind()). */
enum rel_difference_code {
    REL_DIFF_ADDED = 1,        ///< Stated in the second version only.
    REL_DIFF_DROPPED = 2,      ///< Stated in the first version only.
    REL_DIFF_REWORDED = 3,     ///< Stated in both, in other words.
    REL_DIFF_RESPELLED = 4,    ///< Stated in both; only case, dashes, apostrophes, punctuation or spacing changed.
    REL_DIFF_HEDGED = 5,       ///< The claim's modality is weaker in the second version.
    REL_DIFF_STRENGTHENED = 6, ///< The claim's modality is stronger in the second version.
    REL_DIFF_REATTRIBUTED = 7, ///< The claim's claimant changed.
    REL_DIFF_CONTRADICTED = 8  ///< Two claims give different values for the same subject and predicate.
};

/** The two sides of a difference (for rel_difference_evidence_count() and the like). */
enum rel_side_code {
    REL_SIDE_A = 0, ///< The first version (for rel_diff_within(): the first claim).
    REL_SIDE_B = 1  ///< The second version (for rel_diff_within(): the second claim).
};

/**
 * @brief Compares two versions.
 *
 * Differences come ordered by kind of object (entities, events, claims),
 * then by the object's position in the knowledge base, then by kind of
 * difference.
 * @param[out] out Receives the differences, owned by the caller; NULL on failure.
 * @param[in]  kb  The knowledge base holding both sources.
 * @param[in]  a   The first (older) version.
 * @param[in]  b   The second (newer) version.
 * @param[out] err Optional: receives the detail of a failure.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL, a source is not of
 *         @p kb, or @p a and @p b are the same source; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_diff_sources(rel_diff **out, const rel_kb *kb, const rel_source *a, const rel_source *b,
                                    rel_error *err);

/**
 * @brief Finds the contradictions inside one version.
 *
 * Every difference is #REL_DIFF_CONTRADICTED, with the first claim on side
 * A and the second on side B, both with their evidence in @p source.
 * @param[out] out    Receives the differences, owned by the caller; NULL on failure.
 * @param[in]  kb     The knowledge base.
 * @param[in]  source The version to check.
 * @param[out] err    Optional: receives the detail of a failure.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL or @p source is not of @p kb; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_diff_within(rel_diff **out, const rel_kb *kb, const rel_source *source, rel_error *err);

/**
 * @brief Frees a diff and every difference in it.
 * @param[in] diff The diff, or NULL (then nothing happens).
 */
REL_API void rel_diff_free(rel_diff *diff);

/**
 * @brief How many differences a diff holds.
 * @param[in] diff The diff.
 * @return The count; 0 if @p diff is NULL.
 */
REL_API size_t rel_diff_count(const rel_diff *diff);

/**
 * @brief One difference.
 * @param[in] diff The diff.
 * @param[in] i    0 to rel_diff_count() - 1.
 * @return The difference, owned by @p diff and valid until rel_diff_free(); NULL if out of range.
 */
REL_API const rel_difference *rel_diff_at(const rel_diff *diff, size_t i);

/**
 * @brief The kind of a difference.
 * @param[in] d The difference.
 * @return A #rel_difference_code; 0 if @p d is NULL.
 */
REL_API int32_t rel_difference_kind(const rel_difference *d);

/**
 * @brief What kind of object the difference is about.
 * @param[in] d The difference.
 * @return #REL_OBJECT_ENTITY, #REL_OBJECT_EVENT or #REL_OBJECT_CLAIM; #REL_OBJECT_NONE if @p d is NULL.
 */
REL_API int32_t rel_difference_object_kind(const rel_difference *d);

/**
 * @brief The entity the difference is about.
 * @param[in] d The difference.
 * @return The entity, owned by the knowledge base; NULL unless the object kind is #REL_OBJECT_ENTITY.
 */
REL_API const rel_entity *rel_difference_entity(const rel_difference *d);

/**
 * @brief The event the difference is about.
 * @param[in] d The difference.
 * @return The event, owned by the knowledge base; NULL unless the object kind is #REL_OBJECT_EVENT.
 */
REL_API const rel_event *rel_difference_event(const rel_difference *d);

/**
 * @brief The claim of one side.
 *
 * For every difference about a claim but #REL_DIFF_CONTRADICTED both sides
 * give the same claim; a contradiction gives the two claims that disagree.
 * @param[in] d    The difference.
 * @param[in] side #REL_SIDE_A or #REL_SIDE_B.
 * @return The claim, owned by the knowledge base; NULL unless the object kind is #REL_OBJECT_CLAIM.
 */
REL_API const rel_claim *rel_difference_claim(const rel_difference *d, int32_t side);

/**
 * @brief The source of one side.
 * @param[in] d    The difference.
 * @param[in] side #REL_SIDE_A or #REL_SIDE_B.
 * @return The source, owned by the knowledge base; NULL if an argument is invalid.
 */
REL_API const rel_source *rel_difference_source(const rel_difference *d, int32_t side);

/**
 * @brief How many spans of one side the difference rests on (0 on the missing side of an addition or drop).
 * @param[in] d    The difference.
 * @param[in] side #REL_SIDE_A or #REL_SIDE_B.
 * @return The count; 0 if an argument is invalid.
 */
REL_API size_t rel_difference_evidence_count(const rel_difference *d, int32_t side);

/**
 * @brief One span of one side.
 * @param[in] d    The difference.
 * @param[in] side #REL_SIDE_A or #REL_SIDE_B.
 * @param[in] i    0 to rel_difference_evidence_count() - 1.
 * @return The evidence, owned by the knowledge base; NULL if out of range.
 */
REL_API const rel_evidence *rel_difference_evidence_at(const rel_difference *d, int32_t side, size_t i);

/**
 * @brief The claim's modality on one side (for #REL_DIFF_HEDGED and #REL_DIFF_STRENGTHENED).
 * @param[in] d    The difference.
 * @param[in] side #REL_SIDE_A or #REL_SIDE_B.
 * @return A #rel_modality_code; #REL_MODALITY_NONE unless the difference is about a claim stated on that side.
 */
REL_API int32_t rel_difference_modality(const rel_difference *d, int32_t side);

/**
 * @brief The claim's claimant on one side (for #REL_DIFF_REATTRIBUTED).
 * @param[in] d    The difference.
 * @param[in] side #REL_SIDE_A or #REL_SIDE_B.
 * @return The entity, owned by the knowledge base; NULL unless the difference is about a claim stated on that side.
 */
REL_API const rel_entity *rel_difference_claimant(const rel_difference *d, int32_t side);

/**
 * @brief How many changes of words a rewording or respelling holds.
 * @param[in] d The difference.
 * @return The count; 0 for other kinds or if @p d is NULL.
 */
REL_API size_t rel_difference_change_count(const rel_difference *d);

/**
 * @brief One change of words: what side A has where side B has something else.
 *
 * Either text may be empty (words only added, or only removed). The texts
 * are owned by the diff, NUL-terminated, valid until rel_diff_free().
 * @param[in]  d           The difference.
 * @param[in]  i           0 to rel_difference_change_count() - 1.
 * @param[out] removed     Receives side A's words.
 * @param[out] removed_len Optional: receives their length in bytes.
 * @param[out] added       Receives side B's words.
 * @param[out] added_len   Optional: receives their length in bytes.
 * @return #REL_OK; #REL_ERR_ARG if @p d, @p removed or @p added is NULL or @p i is out of range.
 */
REL_API rel_status rel_difference_change_at(const rel_difference *d, size_t i, const char **removed,
                                            size_t *removed_len, const char **added, size_t *added_len);

/**
 * @brief Whether one change of words is only one of spelling: case, dashes,
 *        apostrophes, punctuation or spacing.
 * @param[in] d The difference.
 * @param[in] i 0 to rel_difference_change_count() - 1.
 * @return 1 if it is, 0 if it changes wording or the arguments are invalid.
 */
REL_API int32_t rel_difference_change_is_spelling(const rel_difference *d, size_t i);

/**
 * @brief The name of a kind of difference ("added", "reworded", ...).
 * @param[in] kind A #rel_difference_code.
 * @return A static string; NULL for an unknown value.
 */
REL_API const char *rel_difference_kind_name(int32_t kind);

/**
 * @brief Orders modalities from strongest to weakest, for telling hedging from strengthening.
 *
 * asserted (6) > believed, presumed (5) > reported (4) > alleged (3) >
 * hedged (2) > disputed (1) > denied (0).
 * @param[in] modality A #rel_modality_code.
 * @return The rank; -1 for #REL_MODALITY_NONE or an unknown value.
 */
REL_API int32_t rel_modality_strength(int32_t modality);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_DIFF_H */
