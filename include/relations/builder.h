/* SPDX-License-Identifier: MIT */
/**
 * @file builder.h
 * @brief Building a knowledge base call by call, with every input validated.
 */
#ifndef RELATIONS_BUILDER_H
#define RELATIONS_BUILDER_H

#include <relations/common.h>
#include <relations/kb.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_builder Building a knowledge base
 *
 * Start from rel_kb_new() (or any open knowledge base) and add sources,
 * then entities, events and claims, then their evidence. Each call
 * validates everything it is given: text is valid UTF-8 without NUL bytes,
 * ids are unique across all objects, references resolve to an object of
 * the right kind, spans lie inside the source text on UTF-8 boundaries.
 *
 * Every call is atomic: on failure it returns the error, records the
 * detail on the handle (rel_kb_error()) and leaves the knowledge base
 * exactly as it was, allocation failure included. Strings are copied; the
 * caller's buffers need not outlive the call. Every string is a pointer
 * and a byte length, where the length may be #REL_NTS for a NUL-terminated
 * string. These calls write: they need the caller's lock if other threads
 * use the same knowledge base. A NULL @p kb gives #REL_ERR_ARG with no
 * detail recorded anywhere.
 *
 * Ids are 1 to 256 bytes of UTF-8 without control characters.
 * @{
 */

/** The current version of #rel_source_spec. */
#define REL_SOURCE_SPEC_VERSION 1

/**
 * A source to add. Pointers may be NULL for absent optional fields (then
 * the length is ignored). Initialise with #REL_SOURCE_SPEC_INIT.
 */
typedef struct rel_source_spec {
    uint32_t version;      ///< #REL_SOURCE_SPEC_VERSION.
    const char *id;        ///< Required: the id.
    size_t id_len;         ///< Length of `id` in bytes, or #REL_NTS.
    const char *text;      ///< Required: the full UTF-8 text, copied; every evidence offset will point into it.
    size_t text_len;       ///< Length of `text` in bytes, or #REL_NTS.
    const char *title;     ///< Optional title, such as "Iran–North Korea relations".
    size_t title_len;      ///< Length of `title` in bytes, or #REL_NTS.
    const char *label;     ///< Optional label that tells versions apart, such as "later version".
    size_t label_len;      ///< Length of `label` in bytes, or #REL_NTS.
    const char *lang;      ///< Optional BCP 47 language tag.
    size_t lang_len;       ///< Length of `lang` in bytes, or #REL_NTS.
    const char *date;      ///< Optional EDTF date of the version.
    size_t date_len;       ///< Length of `date` in bytes, or #REL_NTS.
    const char *url;       ///< Optional URL.
    size_t url_len;        ///< Length of `url` in bytes, or #REL_NTS.
    const char *licence;   ///< Optional licence.
    size_t licence_len;    ///< Length of `licence` in bytes, or #REL_NTS.
    const char *path;      ///< Optional file the text came from (kept as metadata; not read).
    size_t path_len;       ///< Length of `path` in bytes, or #REL_NTS.
    const char *revises;   ///< Optional id (or unique prefix) of an existing source this one revises.
    size_t revises_len;    ///< Length of `revises` in bytes, or #REL_NTS.
} rel_source_spec;

/** Static initialiser for #rel_source_spec: every field absent. */
#define REL_SOURCE_SPEC_INIT {REL_SOURCE_SPEC_VERSION, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, \
                              NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0}

/**
 * @brief Initialises a source spec: every field absent, the version set.
 *
 * The function form of #REL_SOURCE_SPEC_INIT, for callers that cannot use
 * a C initialiser (Python, Rust).
 * @param[out] spec    The spec.
 * @param[in]  version #REL_SOURCE_SPEC_VERSION.
 * @return #REL_OK; #REL_ERR_ARG if @p spec is NULL or @p version is not one this library knows.
 */
REL_API rel_status rel_source_spec_init(rel_source_spec *spec, uint32_t version);

/**
 * A claim's subject or object, to add.
 *
 * Which fields count depends on rel_value_spec::kind:
 * - #REL_VALUE_ENTITY, #REL_VALUE_EVENT, #REL_VALUE_CLAIM: rel_value_spec::str is the id;
 * - #REL_VALUE_LITERAL: rel_value_spec::str is the literal;
 * - #REL_VALUE_QUANTITY: rel_value_spec::number, and rel_value_spec::str the unit (optional);
 * - #REL_VALUE_TIME: rel_value_spec::str is the time expression (see @ref rel_time),
 *   rel_value_spec::words the words it came from (optional);
 * - #REL_VALUE_NONE: nothing (valid for an object only).
 *
 * The strings are copied by rel_kb_add_claim(); they need not outlive the call.
 */
typedef struct rel_value_spec {
    int32_t kind;          ///< A #rel_value_kind_code.
    const char *str;       ///< Id, literal, unit or time expression; NULL if absent.
    size_t str_len;        ///< Length of `str` in bytes, or #REL_NTS.
    const char *words;     ///< For a time: the words it came from, or NULL.
    size_t words_len;      ///< Length of `words` in bytes, or #REL_NTS.
    double number;         ///< For a quantity: the number (finite).
} rel_value_spec;

/** The current version of #rel_claim_spec. */
#define REL_CLAIM_SPEC_VERSION 1

/** A claim to add. Initialise with #REL_CLAIM_SPEC_INIT. */
typedef struct rel_claim_spec {
    uint32_t version;      ///< #REL_CLAIM_SPEC_VERSION.
    const char *id;        ///< Required: the new id.
    size_t id_len;         ///< Length of `id` in bytes, or #REL_NTS.
    rel_value_spec subject;///< Required: an entity, event or claim.
    const char *predicate; ///< Required: a lower-case letter, then lower-case letters, digits and '_'.
    size_t predicate_len;  ///< Length of `predicate` in bytes, or #REL_NTS.
    rel_value_spec object; ///< Optional (kind #REL_VALUE_NONE).
    const char *claimant;  ///< Required: id of the claimant entity (the default for every source).
    size_t claimant_len;   ///< Length of `claimant` in bytes, or #REL_NTS.
    int32_t modality;      ///< Required: a #rel_modality_code other than #REL_MODALITY_NONE (the default for every source).
    int32_t polarity;      ///< A #rel_polarity_code; 0 is #REL_POLARITY_POSITIVE.
} rel_claim_spec;

/** Static initialiser for #rel_claim_spec: everything empty. */
#define REL_CLAIM_SPEC_INIT {REL_CLAIM_SPEC_VERSION, NULL, 0, {0, NULL, 0, NULL, 0, 0.0}, NULL, 0, \
                             {0, NULL, 0, NULL, 0, 0.0}, NULL, 0, 0, 0}

/**
 * @brief Initialises a claim spec: every field empty, the version set.
 *
 * The function form of #REL_CLAIM_SPEC_INIT, for callers that cannot use a
 * C initialiser (Python, Rust).
 * @param[out] spec    The spec.
 * @param[in]  version #REL_CLAIM_SPEC_VERSION.
 * @return #REL_OK; #REL_ERR_ARG if @p spec is NULL or @p version is not one this library knows.
 */
REL_API rel_status rel_claim_spec_init(rel_claim_spec *spec, uint32_t version);

/**
 * @brief Adds a source.
 * @param[in] kb   The knowledge base.
 * @param[in] spec The source.
 * @return #REL_OK; #REL_ERR_ARG (NULL, no id, malformed id, no text, unknown spec version);
 *         #REL_ERR_UTF8; #REL_ERR_DUPLICATE; #REL_ERR_REFERENCE (unknown
 *         @ref rel_source_spec::revises); #REL_ERR_AMBIGUOUS; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_source(rel_kb *kb, const rel_source_spec *spec);

/**
 * @brief Adds an entity.
 * @param[in] kb       The knowledge base.
 * @param[in] id       The new id.
 * @param[in] id_len   Its length, or #REL_NTS.
 * @param[in] kind     A #rel_entity_kind_code.
 * @param[in] name     The canonical name (non-empty).
 * @param[in] name_len Its length, or #REL_NTS.
 * @return #REL_OK; #REL_ERR_ARG (NULL, empty, bad id, unknown kind);
 *         #REL_ERR_UTF8; #REL_ERR_DUPLICATE; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_entity(rel_kb *kb, const char *id, size_t id_len, int32_t kind,
                                     const char *name, size_t name_len);

/**
 * @brief Adds an alias (a surface form) to an entity. Adding the same
 *        text and language twice is a no-op that succeeds.
 * @param[in] kb        The knowledge base.
 * @param[in] entity_id The entity's id.
 * @param[in] id_len    Its length, or #REL_NTS.
 * @param[in] text      The alias (non-empty).
 * @param[in] text_len  Its length, or #REL_NTS.
 * @param[in] lang      A BCP 47 tag such as "en" (non-empty).
 * @param[in] lang_len  Its length, or #REL_NTS.
 * @return #REL_OK; #REL_ERR_ARG; #REL_ERR_UTF8; #REL_ERR_REFERENCE (no such entity); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_alias(rel_kb *kb, const char *entity_id, size_t id_len,
                                    const char *text, size_t text_len, const char *lang, size_t lang_len);

/**
 * @brief Adds an event.
 * @param[in] kb       The knowledge base.
 * @param[in] id       The new id.
 * @param[in] id_len   Its length, or #REL_NTS.
 * @param[in] type     "ROOT" or "ROOT.mode": upper-case letters and '_' for
 *                     the root, then lower-case modes ("AID.military").
 * @param[in] type_len Its length, or #REL_NTS.
 * @return #REL_OK; #REL_ERR_ARG (NULL, bad id or type); #REL_ERR_UTF8;
 *         #REL_ERR_DUPLICATE; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_event(rel_kb *kb, const char *id, size_t id_len, const char *type, size_t type_len);

/**
 * @brief Sets (or replaces) an event's time.
 *
 * Replacing frees the previous time and words: pointers obtained from
 * rel_event_time() and rel_event_time_text() for this event become invalid
 * (copy a time with rel_time_copy() to keep it).
 * @param[in] kb        The knowledge base.
 * @param[in] event_id  The event's id.
 * @param[in] id_len    Its length, or #REL_NTS.
 * @param[in] expr      A time expression (see @ref rel_time).
 * @param[in] expr_len  Its length, or #REL_NTS.
 * @param[in] words     The words it came from, such as "early October 1980", or NULL.
 * @param[in] words_len Their length, or #REL_NTS.
 * @return #REL_OK; #REL_ERR_ARG; #REL_ERR_UTF8; #REL_ERR_REFERENCE;
 *         #REL_ERR_SYNTAX or #REL_ERR_RANGE for a bad expression; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_set_event_time(rel_kb *kb, const char *event_id, size_t id_len,
                                         const char *expr, size_t expr_len, const char *words, size_t words_len);

/**
 * @brief Adds a participant to an event.
 * @param[in] kb           The knowledge base.
 * @param[in] event_id     The event's id.
 * @param[in] event_id_len Its length, or #REL_NTS.
 * @param[in] entity_id    The participant's entity id.
 * @param[in] entity_id_len Its length, or #REL_NTS.
 * @param[in] role         A #rel_role_code.
 * @return #REL_OK; #REL_ERR_ARG (NULL, malformed id, unknown role);
 *         #REL_ERR_UTF8 (an id that is not valid UTF-8); #REL_ERR_REFERENCE
 *         (no such event or entity); #REL_ERR_DUPLICATE (the same entity in
 *         the same role twice); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_participant(rel_kb *kb, const char *event_id, size_t event_id_len,
                                          const char *entity_id, size_t entity_id_len, int32_t role);

/**
 * @brief Adds a claim.
 * @param[in] kb   The knowledge base.
 * @param[in] spec The claim; its references must already exist.
 * @return #REL_OK; #REL_ERR_ARG (NULL, missing or malformed field, unknown
 *         kind, modality or polarity, a quantity that is not finite);
 *         #REL_ERR_UTF8; #REL_ERR_DUPLICATE; #REL_ERR_REFERENCE;
 *         #REL_ERR_SYNTAX or #REL_ERR_RANGE for a bad time; #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_claim(rel_kb *kb, const rel_claim_spec *spec);

/**
 * @brief Says who makes a claim, and how surely, in one source.
 * @param[in] kb            The knowledge base.
 * @param[in] claim_id      The claim's id.
 * @param[in] claim_id_len  Its length, or #REL_NTS.
 * @param[in] source_id     The source's id or unique prefix.
 * @param[in] source_id_len Its length, or #REL_NTS.
 * @param[in] claimant_id   The claimant's entity id there, or NULL to keep the claim's default.
 * @param[in] claimant_id_len Its length, or #REL_NTS.
 * @param[in] modality      A #rel_modality_code, or #REL_MODALITY_NONE to keep the default.
 * @return #REL_OK; #REL_ERR_ARG (NULL, malformed id, both overrides absent,
 *         unknown modality); #REL_ERR_UTF8 (an id that is not valid UTF-8);
 *         #REL_ERR_REFERENCE (no such claim, source or claimant);
 *         #REL_ERR_AMBIGUOUS (a source prefix that fits several sources); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_set_claim_version(rel_kb *kb, const char *claim_id, size_t claim_id_len,
                                            const char *source_id, size_t source_id_len,
                                            const char *claimant_id, size_t claimant_id_len, int32_t modality);

/**
 * @brief Records that one claim stands in a relation to another.
 * @param[in] kb         The knowledge base.
 * @param[in] claim_id   The claim's id.
 * @param[in] claim_id_len Its length, or #REL_NTS.
 * @param[in] relation   A #rel_relation_code.
 * @param[in] target_id  The other claim's id (not the same claim).
 * @param[in] target_id_len Its length, or #REL_NTS.
 * @return #REL_OK; #REL_ERR_ARG (NULL, malformed id, unknown relation, a
 *         claim related to itself); #REL_ERR_UTF8 (an id that is not valid
 *         UTF-8); #REL_ERR_REFERENCE (no such claim); #REL_ERR_DUPLICATE (the
 *         same relation twice); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_claim_relation(rel_kb *kb, const char *claim_id, size_t claim_id_len,
                                             int32_t relation, const char *target_id, size_t target_id_len);

/**
 * @brief Adds evidence, by byte offsets, to an entity, event or claim.
 * @param[in] kb            The knowledge base.
 * @param[in] object_id     The entity's, event's or claim's id.
 * @param[in] object_id_len Its length, or #REL_NTS.
 * @param[in] source_id     The source's id or unique prefix.
 * @param[in] source_id_len Its length, or #REL_NTS.
 * @param[in] start         First byte (inclusive).
 * @param[in] end           One past the last byte; start < end <= the text's length.
 * @return #REL_OK; #REL_ERR_ARG (NULL, malformed id); #REL_ERR_UTF8 (an id
 *         that is not valid UTF-8); #REL_ERR_REFERENCE (no such entity, event
 *         or claim, or no such source); #REL_ERR_AMBIGUOUS (a source prefix
 *         that fits several sources); #REL_ERR_RANGE (empty, out of the
 *         text, or splitting a UTF-8 sequence); #REL_ERR_DUPLICATE (the same
 *         span twice on one object); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_evidence(rel_kb *kb, const char *object_id, size_t object_id_len,
                                       const char *source_id, size_t source_id_len, uint64_t start, uint64_t end);

/**
 * @brief Adds evidence, located by quoting it, to an entity, event or claim.
 * @param[in] kb            The knowledge base.
 * @param[in] object_id     The entity's, event's or claim's id.
 * @param[in] object_id_len Its length, or #REL_NTS.
 * @param[in] source_id     The source's id or unique prefix.
 * @param[in] source_id_len Its length, or #REL_NTS.
 * @param[in] quote         The quotation; it must match exactly one place.
 * @return As rel_kb_add_evidence() (#REL_ERR_ARG also for a NULL @p quote or
 *         an empty rel_quote::exact, #REL_ERR_UTF8 also for quoted text that
 *         is not valid UTF-8), and #REL_ERR_NOT_FOUND if the quote matches
 *         nowhere, #REL_ERR_AMBIGUOUS if it matches several places.
 */
REL_API rel_status rel_kb_add_evidence_quote(rel_kb *kb, const char *object_id, size_t object_id_len,
                                             const char *source_id, size_t source_id_len, const rel_quote *quote);

/** Flags of rel_kb_add_predicate(). */
enum rel_predicate_flag {
    REL_PREDICATE_FUNCTIONAL = 1 ///< Takes one value per subject: two claims with different values contradict each other.
};

/**
 * @brief Declares a predicate and its flags.
 *
 * Claims may use predicates that were never declared; declaring one says
 * how to compare its claims. A functional predicate (#REL_PREDICATE_FUNCTIONAL)
 * is what lets rel_diff_sources() and rel_diff_within() tell that two
 * claims with the same subject and different objects contradict each other
 * ("dates back more than 1600 years" against "dates back 1500 years").
 * @param[in] kb       The knowledge base.
 * @param[in] name     The predicate: lower-case letters, digits and '_', starting with a letter.
 * @param[in] name_len Its length, or #REL_NTS.
 * @param[in] flags    Zero or more #rel_predicate_flag values, or-ed.
 * @return #REL_OK; #REL_ERR_ARG (NULL, malformed name, unknown flag);
 *         #REL_ERR_UTF8; #REL_ERR_DUPLICATE (declared before); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_predicate(rel_kb *kb, const char *name, size_t name_len, uint32_t flags);

/**
 * @brief Records a passage of a source that was deliberately left without
 *        annotation, and why ("a heading", "a caption that repeats the title").
 *
 * Coverage checks count such passages as accounted for, so nothing is
 * left out silently.
 * @param[in] kb            The knowledge base.
 * @param[in] source_id     The source's id or unique prefix.
 * @param[in] source_id_len Its length, or #REL_NTS.
 * @param[in] start         First byte (inclusive).
 * @param[in] end           One past the last byte; start < end <= the text's length.
 * @param[in] reason        Why the passage is not annotated (non-empty).
 * @param[in] reason_len    Its length, or #REL_NTS.
 * @return #REL_OK; #REL_ERR_ARG (NULL, empty reason); #REL_ERR_UTF8;
 *         #REL_ERR_REFERENCE (no such source); #REL_ERR_AMBIGUOUS;
 *         #REL_ERR_RANGE (empty, out of the text, or splitting a UTF-8
 *         sequence); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_kb_add_unannotated(rel_kb *kb, const char *source_id, size_t source_id_len, uint64_t start,
                                          uint64_t end, const char *reason, size_t reason_len);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_BUILDER_H */
