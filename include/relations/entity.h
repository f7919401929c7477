/* SPDX-License-Identifier: MIT */
/**
 * @file entity.h
 * @brief Entities: states, organisations, people, places, things, and their names.
 */
#ifndef RELATIONS_ENTITY_H
#define RELATIONS_ENTITY_H

#include <relations/common.h>
#include <relations/evidence.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_entity Entities
 *
 * An entity has a stable id, a kind, a canonical name, aliases per
 * language (every surface form the sources use, in English, Korean and
 * Persian for the built-in article) and its mentions as evidence.
 * Entities are owned by their knowledge base: never free one; every
 * pointer a getter returns stays valid until rel_kb_free().
 * @{
 */

/** A thing the sources talk about. Borrowed from its #rel_kb. */
typedef struct rel_entity rel_entity;

/** Kinds of entity (values of rel_entity_kind()). */
enum rel_entity_kind_code {
    REL_ENTITY_OTHER = 0,        ///< None of the kinds below (for example a bilateral relationship).
    REL_ENTITY_STATE = 1,        ///< A sovereign state of today: Iran, North Korea.
    REL_ENTITY_POLITY = 2,       ///< A historical state, kingdom or dynasty: Silla, the Imperial State of Iran.
    REL_ENTITY_ORGANISATION = 3, ///< An organisation or agency: Korean Central News Agency, Hezbollah.
    REL_ENTITY_GROUP = 4,        ///< A loose group that speaks or acts: "some media reports", "academic circles".
    REL_ENTITY_PERSON = 5,       ///< A person: Jeffrey Lewis.
    REL_ENTITY_PLACE = 6,        ///< A place: Gyeongju, Pyongyang.
    REL_ENTITY_ARTIFACT = 7,     ///< A made object: a golden sword, a cargo plane.
    REL_ENTITY_WEAPON = 8,       ///< A weapon system: the Hwasong-14.
    REL_ENTITY_PUBLICATION = 9,  ///< A text: Samguk Sagi, the article itself.
    REL_ENTITY_TREATY = 10,      ///< A treaty: the UN Arms Trade Treaty.
    REL_ENTITY_CONFLICT = 11,    ///< A named war or crisis: the Iran–Iraq War.
    REL_ENTITY_PERIOD = 12,      ///< A named period: the Cold War, the Three Kingdoms era.
    REL_ENTITY_IDEOLOGY = 13     ///< A doctrine or movement: Sunni Salafi extremism.
};

/** How rel_kb_find_alias() and queries (rel_query_options::alias_match) compare names. */
enum rel_match_code {
    REL_MATCH_EXACT = 0,     ///< Byte for byte.
    REL_MATCH_NORMALISED = 1, ///< After rel_text_normalise() on both sides.
    REL_MATCH_PREFIX = 2      ///< The normalised name begins with the normalised text (queries only).
};

/**
 * @brief The entity's id.
 * @param[in]  entity The entity.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The id, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL if
 *         @p entity is NULL.
 */
REL_API const char *rel_entity_id(const rel_entity *entity, size_t *len);

/**
 * @brief The entity's kind.
 * @param[in] entity The entity.
 * @return A #rel_entity_kind_code; #REL_ENTITY_OTHER if @p entity is NULL.
 */
REL_API int32_t rel_entity_kind(const rel_entity *entity);

/**
 * @brief The entity's canonical name.
 * @param[in]  entity The entity.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The name, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL if
 *         @p entity is NULL.
 */
REL_API const char *rel_entity_name(const rel_entity *entity, size_t *len);

/**
 * @brief How many aliases (surface forms) the entity has.
 * @param[in] entity The entity.
 * @return The count; 0 if @p entity is NULL.
 */
REL_API size_t rel_entity_alias_count(const rel_entity *entity);

/**
 * @brief The text of one alias.
 * @param[in]  entity The entity.
 * @param[in]  i      0 to rel_entity_alias_count() - 1.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The alias, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL
 *         if out of range.
 */
REL_API const char *rel_entity_alias_text(const rel_entity *entity, size_t i, size_t *len);

/**
 * @brief The language of one alias, as a BCP 47 tag ("en", "ko", "fa").
 * @param[in]  entity The entity.
 * @param[in]  i      0 to rel_entity_alias_count() - 1.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The tag, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL if
 *         out of range.
 */
REL_API const char *rel_entity_alias_lang(const rel_entity *entity, size_t i, size_t *len);

/**
 * @brief How many mentions the entity has.
 * @param[in] entity The entity.
 * @return The count; 0 if @p entity is NULL.
 */
REL_API size_t rel_entity_evidence_count(const rel_entity *entity);

/**
 * @brief One mention of the entity.
 * @param[in] entity The entity.
 * @param[in] i      0 to rel_entity_evidence_count() - 1.
 * @return The evidence, owned by the knowledge base, valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_evidence *rel_entity_evidence_at(const rel_entity *entity, size_t i);

/**
 * @brief The name of an entity kind as used in JSON ("state", "group", ...).
 * @param[in] kind A #rel_entity_kind_code.
 * @return A static string; NULL for an unknown value.
 */
REL_API const char *rel_entity_kind_name(int32_t kind);

/**
 * @brief The entity kind with a given JSON name.
 * @param[in]  name The name, such as "state".
 * @param[in]  len  Its length in bytes, or #REL_NTS.
 * @param[out] out  Receives the #rel_entity_kind_code.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_NOT_FOUND for an unknown name.
 */
REL_API rel_status rel_entity_kind_from_name(const char *name, size_t len, int32_t *out);

/**
 * @brief Normalises a name for matching: Unicode NFC, case folding, every
 *        dash (general category Pd) to "-", apostrophes and the other
 *        characters of utf8proc's "lump" table to their ASCII forms, control
 *        characters removed and runs of white space made one space, trimmed.
 *
 * "Iran–Iraq War" and "iran-iraq war" normalise alike, as do "Iran’s"
 * and "Iran's". Same buffer contract as snprintf(): writes at most @p cap
 * bytes including a NUL and always reports the full length.
 * @param[in]  text The text (UTF-8).
 * @param[in]  len  Its length in bytes, or #REL_NTS.
 * @param[out] buf  Where to write, or NULL when @p cap is 0.
 * @param[in]  cap  The size of @p buf.
 * @param[out] out_len Optional: receives the full length of the result.
 * @return #REL_OK; #REL_ERR_ARG if @p text is NULL or @p buf is NULL with
 *         @p cap > 0; #REL_ERR_UTF8 if @p text is not valid UTF-8 or
 *         contains a NUL; #REL_ERR_RANGE if the result did not fit (it is
 *         then truncated on a character boundary); #REL_ERR_NOMEM.
 */
REL_API rel_status rel_text_normalise(const char *text, size_t len, char *buf, size_t cap, size_t *out_len);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_ENTITY_H */
