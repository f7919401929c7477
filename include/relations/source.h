/* SPDX-License-Identifier: MIT */
/**
 * @file source.h
 * @brief Sources: the document versions every fact is tied to.
 */
#ifndef RELATIONS_SOURCE_H
#define RELATIONS_SOURCE_H

#include <relations/common.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_source Sources
 *
 * A source is one version of one document: an id, its full UTF-8 text and
 * optional metadata. Sources are owned by their knowledge base: never free
 * one; every pointer a getter returns stays valid until rel_kb_free().
 *
 * String getters return a NUL-terminated string and, when @p len is not
 * NULL, store its length in bytes there. An absent optional field gives
 * NULL (and a length of 0).
 * @{
 */

/** One document version. Borrowed from its #rel_kb. */
typedef struct rel_source rel_source;

/**
 * @brief The source's id, such as "000_d477b4b9c20a8e87".
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The id, owned by the knowledge base, valid until rel_kb_free(); NULL if @p source is NULL.
 */
REL_API const char *rel_source_id(const rel_source *source, size_t *len);

/**
 * @brief The full text of the source; every evidence offset points into it.
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The text, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL if
 *         @p source is NULL.
 */
REL_API const char *rel_source_text(const rel_source *source, size_t *len);

/**
 * @brief The source's title, such as "Iran–North Korea relations".
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The title, owned by the knowledge base and valid until rel_kb_free(), or NULL if absent.
 */
REL_API const char *rel_source_title(const rel_source *source, size_t *len);

/**
 * @brief A short label that tells versions apart, such as "later version".
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The label, owned by the knowledge base and valid until rel_kb_free(), or NULL if absent.
 */
REL_API const char *rel_source_label(const rel_source *source, size_t *len);

/**
 * @brief The language of the text as a BCP 47 tag, such as "en".
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The tag, owned by the knowledge base and valid until rel_kb_free(), or NULL if absent.
 */
REL_API const char *rel_source_lang(const rel_source *source, size_t *len);

/**
 * @brief The date of this version, as an EDTF date.
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The date, owned by the knowledge base and valid until rel_kb_free(), or NULL if absent.
 */
REL_API const char *rel_source_date(const rel_source *source, size_t *len);

/**
 * @brief Where the version was published.
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The URL, owned by the knowledge base and valid until rel_kb_free(), or NULL if absent.
 */
REL_API const char *rel_source_url(const rel_source *source, size_t *len);

/**
 * @brief The licence of the text, such as "CC BY-SA 4.0".
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The licence, owned by the knowledge base and valid until rel_kb_free(), or NULL if absent.
 */
REL_API const char *rel_source_licence(const rel_source *source, size_t *len);

/**
 * @brief The file the text was read from, as given in the JSON.
 * @param[in]  source The source.
 * @param[out] len    Optional: receives the length in bytes.
 * @return The path, owned by the knowledge base and valid until rel_kb_free(), or NULL if absent.
 */
REL_API const char *rel_source_path(const rel_source *source, size_t *len);

/**
 * @brief The version this one revises.
 * @param[in] source The source.
 * @return The earlier source, owned by the knowledge base and valid until rel_kb_free(), or NULL if
 *         none is recorded.
 */
REL_API const rel_source *rel_source_revises(const rel_source *source);

/**
 * @brief The position of the source in its knowledge base (for rel_kb_source_at()).
 * @param[in] source The source.
 * @return The index; SIZE_MAX if @p source is NULL.
 */
REL_API size_t rel_source_index(const rel_source *source);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_SOURCE_H */
