/* SPDX-License-Identifier: MIT */
/**
 * @file source.h
 * @brief Sources: the document versions every fact is tied to.
 */
#ifndef RELATIONS_SOURCE_H
#define RELATIONS_SOURCE_H

#include <relations/common.h>
#include <relations/status.h>

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

/**
 * A quotation that locates evidence by its words (the W3C Web Annotation
 * TextQuoteSelector): rel_quote::exact, optionally with the text immediately
 * before it (rel_quote::prefix) and after it (rel_quote::suffix) to tell
 * apart several places with the same words. Only the exact words become
 * the evidence span.
 */
typedef struct rel_quote {
    const char *exact;     ///< Required: the quoted words (non-empty).
    size_t exact_len;      ///< Length of `exact` in bytes, or #REL_NTS.
    const char *prefix;    ///< Optional: the text right before, or NULL.
    size_t prefix_len;     ///< Length of `prefix` in bytes, or #REL_NTS.
    const char *suffix;    ///< Optional: the text right after, or NULL.
    size_t suffix_len;     ///< Length of `suffix` in bytes, or #REL_NTS.
} rel_quote;
/**
 * @brief Finds where a quotation stands in a source.
 *
 * The place is where rel_quote::prefix, rel_quote::exact and
 * rel_quote::suffix follow each other; only the exact words make the span.
 * @param[in]  source The source.
 * @param[in]  quote  The quotation.
 * @param[out] start  Receives the byte offset of the exact words.
 * @param[out] end    Receives the byte offset just past them.
 * @return #REL_OK if the quotation fits exactly one place; #REL_ERR_NOT_FOUND
 *         if none; #REL_ERR_AMBIGUOUS if several; #REL_ERR_ARG if a pointer is
 *         NULL or the exact words are empty; #REL_ERR_UTF8 if a part of the
 *         quotation is not valid UTF-8.
 */
REL_API rel_status rel_source_find_quote(const rel_source *source, const rel_quote *quote, uint64_t *start,
                                         uint64_t *end);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_SOURCE_H */
