/* SPDX-License-Identifier: MIT */
/**
 * @file claim.h
 * @brief Claims: who says what, how sure, in which version, and how claims relate.
 */
#ifndef RELATIONS_CLAIM_H
#define RELATIONS_CLAIM_H

#include <relations/common.h>
#include <relations/entity.h>
#include <relations/event.h>
#include <relations/evidence.h>
#include <relations/source.h>
#include <relations/time.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_claim Claims
 *
 * A claim is a structured proposition, subject – predicate – object, made
 * by a claimant with a modality. The subject is an entity, an event or
 * another claim (a dispute is a claim about a claim); the object may also
 * be a literal, a quantity or a time. Because the claimant and the
 * modality can differ between versions ("asserted" by the article in one,
 * "reported" by some media reports in another), they are given *per
 * source*: rel_claim_claimant_in() and rel_claim_modality_in(). Two claims
 * with the same subject and predicate and different objects are how
 * versions that disagree on a value are found by a program.
 *
 * Claims and the values they hold are owned by their knowledge base: never
 * free one; every pointer a getter returns stays valid until rel_kb_free().
 * @{
 */

/** A proposition with its claimant and modality. Borrowed from its #rel_kb. */
typedef struct rel_claim rel_claim;

/** A claim's subject or object. Borrowed from its claim. */
typedef struct rel_value rel_value;

/** What a #rel_value holds (values of rel_value_kind()). */
enum rel_value_kind_code {
    REL_VALUE_NONE = 0,     ///< Nothing (a claim without object).
    REL_VALUE_ENTITY = 1,   ///< An entity: rel_value_entity().
    REL_VALUE_EVENT = 2,    ///< An event: rel_value_event().
    REL_VALUE_CLAIM = 3,    ///< Another claim: rel_value_claim().
    REL_VALUE_LITERAL = 4,  ///< A string: rel_value_text().
    REL_VALUE_QUANTITY = 5, ///< A number and a unit: rel_value_quantity(), rel_value_text().
    REL_VALUE_TIME = 6      ///< A time: rel_value_time(), and its words in rel_value_text().
};

/** How sure the text is of a claim (values of rel_claim_modality()). */
enum rel_modality_code {
    REL_MODALITY_NONE = 0,     ///< Not stated in the source asked about.
    REL_MODALITY_ASSERTED = 1, ///< Stated as fact.
    REL_MODALITY_REPORTED = 2, ///< Attributed to someone who says or reports it ("some media reports claim").
    REL_MODALITY_ALLEGED = 3,  ///< Attributed and doubted ("is said to have").
    REL_MODALITY_PRESUMED = 4, ///< Inferred ("it is presumed that").
    REL_MODALITY_BELIEVED = 5, ///< Believed or thought ("is thought to have").
    REL_MODALITY_DISPUTED = 6, ///< Stated and contested.
    REL_MODALITY_DENIED = 7,   ///< Stated to be false.
    REL_MODALITY_HEDGED = 8    ///< Weakened ("may", "possibly").
};

/** Polarity of a claim (values of rel_claim_polarity()). */
enum rel_polarity_code {
    REL_POLARITY_POSITIVE = 0, ///< The proposition holds.
    REL_POLARITY_NEGATIVE = 1  ///< The proposition does not hold ("had no relations").
};

/** How one claim stands to another (values of rel_claim_relation_type()). */
enum rel_relation_code {
    REL_RELATION_SUPPORTS = 1,    ///< Gives grounds for the other.
    REL_RELATION_CONTRADICTS = 2, ///< Cannot both be true.
    REL_RELATION_DISPUTES = 3,    ///< Contests the other.
    REL_RELATION_REWORDS = 4,     ///< Says the same in other words.
    REL_RELATION_HEDGES = 5       ///< Says the other less surely.
};

/**
 * @brief The claim's id.
 * @param[in]  claim The claim.
 * @param[out] len   Optional: receives the length in bytes.
 * @return The id, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL if
 *         @p claim is NULL.
 */
REL_API const char *rel_claim_id(const rel_claim *claim, size_t *len);

/**
 * @brief What the claim is about.
 * @param[in] claim The claim.
 * @return The subject, owned by the claim and valid until rel_kb_free(); NULL if @p claim is NULL.
 */
REL_API const rel_value *rel_claim_subject(const rel_claim *claim);

/**
 * @brief The predicate, a lower-case word such as "supplies_arms_to".
 * @param[in]  claim The claim.
 * @param[out] len   Optional: receives the length in bytes.
 * @return The predicate, NUL-terminated, owned by the knowledge base, valid until rel_kb_free();
 *         NULL if @p claim is NULL.
 */
REL_API const char *rel_claim_predicate(const rel_claim *claim, size_t *len);

/**
 * @brief The object of the claim.
 * @param[in] claim The claim.
 * @return The object, owned by the claim and valid until rel_kb_free() (its kind is #REL_VALUE_NONE when
 *         the claim has none); NULL if @p claim is NULL.
 */
REL_API const rel_value *rel_claim_object(const rel_claim *claim);

/**
 * @brief The claim's default claimant: who makes it where no source says otherwise.
 * @param[in] claim The claim.
 * @return The entity, owned by the knowledge base, valid until rel_kb_free(); NULL if @p claim is NULL.
 */
REL_API const rel_entity *rel_claim_claimant(const rel_claim *claim);

/**
 * @brief The claim's default modality.
 * @param[in] claim The claim.
 * @return A #rel_modality_code; #REL_MODALITY_NONE if @p claim is NULL.
 */
REL_API int32_t rel_claim_modality(const rel_claim *claim);

/**
 * @brief The claim's polarity.
 * @param[in] claim The claim.
 * @return A #rel_polarity_code; #REL_POLARITY_POSITIVE if @p claim is NULL.
 */
REL_API int32_t rel_claim_polarity(const rel_claim *claim);

/**
 * @brief Who makes the claim in one source.
 * @param[in] claim  The claim.
 * @param[in] source The source.
 * @return The claimant there, owned by the knowledge base, valid until rel_kb_free(); NULL if the
 *         claim has no evidence in @p source, or an argument is NULL.
 */
REL_API const rel_entity *rel_claim_claimant_in(const rel_claim *claim, const rel_source *source);

/**
 * @brief How sure one source is of the claim.
 * @param[in] claim  The claim.
 * @param[in] source The source.
 * @return A #rel_modality_code; #REL_MODALITY_NONE if the claim has no
 *         evidence in @p source, or an argument is NULL.
 */
REL_API int32_t rel_claim_modality_in(const rel_claim *claim, const rel_source *source);

/**
 * @brief How many relations this claim has to other claims.
 * @param[in] claim The claim.
 * @return The count; 0 if @p claim is NULL.
 */
REL_API size_t rel_claim_relation_count(const rel_claim *claim);

/**
 * @brief The type of one relation.
 * @param[in] claim The claim.
 * @param[in] i     0 to rel_claim_relation_count() - 1.
 * @return A #rel_relation_code; 0 if out of range.
 */
REL_API int32_t rel_claim_relation_type(const rel_claim *claim, size_t i);

/**
 * @brief The other claim of one relation: this claim [type] that one.
 * @param[in] claim The claim.
 * @param[in] i     0 to rel_claim_relation_count() - 1.
 * @return The other claim, owned by the knowledge base, valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_claim *rel_claim_relation_target(const rel_claim *claim, size_t i);

/**
 * @brief How many spans state the claim, over all sources.
 * @param[in] claim The claim.
 * @return The count; 0 if @p claim is NULL.
 */
REL_API size_t rel_claim_evidence_count(const rel_claim *claim);

/**
 * @brief One span that states the claim.
 * @param[in] claim The claim.
 * @param[in] i     0 to rel_claim_evidence_count() - 1.
 * @return The evidence, owned by the knowledge base, valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_evidence *rel_claim_evidence_at(const rel_claim *claim, size_t i);

/**
 * @brief What a value holds.
 * @param[in] value The value.
 * @return A #rel_value_kind_code; #REL_VALUE_NONE if @p value is NULL.
 */
REL_API int32_t rel_value_kind(const rel_value *value);

/**
 * @brief The entity a value refers to.
 * @param[in] value The value.
 * @return The entity, owned by the knowledge base, valid until rel_kb_free(); NULL unless the kind
 *         is #REL_VALUE_ENTITY.
 */
REL_API const rel_entity *rel_value_entity(const rel_value *value);

/**
 * @brief The event a value refers to.
 * @param[in] value The value.
 * @return The event, owned by the knowledge base, valid until rel_kb_free(); NULL unless the kind
 *         is #REL_VALUE_EVENT.
 */
REL_API const rel_event *rel_value_event(const rel_value *value);

/**
 * @brief The claim a value refers to.
 * @param[in] value The value.
 * @return The claim, owned by the knowledge base, valid until rel_kb_free(); NULL unless the kind
 *         is #REL_VALUE_CLAIM.
 */
REL_API const rel_claim *rel_value_claim(const rel_value *value);

/**
 * @brief The text of a value: the literal, the quantity's unit, or the words of a time.
 * @param[in]  value The value.
 * @param[out] len   Optional: receives the length in bytes.
 * @return The text, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL for
 *         other kinds or when absent.
 */
REL_API const char *rel_value_text(const rel_value *value, size_t *len);

/**
 * @brief The number of a quantity.
 * @param[in]  value The value.
 * @param[out] out   Receives the number.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL or the kind is not #REL_VALUE_QUANTITY.
 */
REL_API rel_status rel_value_quantity(const rel_value *value, double *out);

/**
 * @brief The time a value holds.
 * @param[in] value The value.
 * @return The time, owned by the knowledge base, valid until rel_kb_free(); NULL unless the kind is
 *         #REL_VALUE_TIME.
 */
REL_API const rel_time *rel_value_time(const rel_value *value);

/**
 * @brief The JSON name of a modality ("asserted", "reported", ...).
 * @param[in] modality A #rel_modality_code.
 * @return A static string; NULL for #REL_MODALITY_NONE or an unknown value.
 */
REL_API const char *rel_modality_name(int32_t modality);

/**
 * @brief The modality with a given JSON name.
 * @param[in]  name The name.
 * @param[in]  len  Its length in bytes, or #REL_NTS.
 * @param[out] out  Receives the #rel_modality_code.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_NOT_FOUND for an unknown name.
 */
REL_API rel_status rel_modality_from_name(const char *name, size_t len, int32_t *out);

/**
 * @brief The JSON name of a claim relation ("supports", "disputes", ...).
 * @param[in] relation A #rel_relation_code.
 * @return A static string; NULL for an unknown value.
 */
REL_API const char *rel_relation_name(int32_t relation);

/**
 * @brief The claim relation with a given JSON name.
 * @param[in]  name The name.
 * @param[in]  len  Its length in bytes, or #REL_NTS.
 * @param[out] out  Receives the #rel_relation_code.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_NOT_FOUND for an unknown name.
 */
REL_API rel_status rel_relation_from_name(const char *name, size_t len, int32_t *out);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_CLAIM_H */
