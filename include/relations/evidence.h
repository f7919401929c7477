/* SPDX-License-Identifier: MIT */
/**
 * @file evidence.h
 * @brief Evidence: the exact words of a source that state a fact.
 */
#ifndef RELATIONS_EVIDENCE_H
#define RELATIONS_EVIDENCE_H

#include <relations/common.h>
#include <relations/source.h>
#include <relations/status.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_evidence Evidence
 *
 * A piece of evidence is a span of a source: byte offsets [start, end),
 * end-exclusive, on UTF-8 character boundaries, with start < end. Every
 * entity, event and claim has its evidence; nothing in a knowledge base
 * floats free of the text. Evidence is owned by the knowledge base and
 * valid until rel_kb_free().
 * @{
 */

/** One span of one source. Borrowed from its #rel_kb. */
typedef struct rel_evidence rel_evidence;

/**
 * @brief The source the span points into.
 * @param[in] evidence The evidence.
 * @return The source, owned by the knowledge base, valid until rel_kb_free(); NULL if @p evidence is NULL.
 */
REL_API const rel_source *rel_evidence_source(const rel_evidence *evidence);

/**
 * @brief Byte offset of the first byte of the span.
 * @param[in] evidence The evidence.
 * @return The offset; 0 if @p evidence is NULL.
 */
REL_API uint64_t rel_evidence_start(const rel_evidence *evidence);

/**
 * @brief Byte offset one past the last byte of the span.
 * @param[in] evidence The evidence.
 * @return The offset; 0 if @p evidence is NULL.
 */
REL_API uint64_t rel_evidence_end(const rel_evidence *evidence);

/**
 * @brief The exact words of the span.
 *
 * The pointer points into the source's text, so it is **not**
 * NUL-terminated: use @p len.
 * @param[in]  evidence The evidence.
 * @param[out] len      Receives the length in bytes (end - start); required.
 * @return The first byte of the span, owned by the knowledge base, valid until rel_kb_free(); NULL
 *         if an argument is NULL.
 */
REL_API const char *rel_evidence_text(const rel_evidence *evidence, size_t *len);

/**
 * @brief The span as code-point offsets (what Python strings and brat count).
 * @param[in]  evidence The evidence.
 * @param[out] start    Receives the code-point offset of the start.
 * @param[out] end      Receives the code-point offset of the end (exclusive).
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL.
 */
REL_API rel_status rel_evidence_codepoints(const rel_evidence *evidence, uint64_t *start, uint64_t *end);

/**
 * @brief Converts a byte offset in a UTF-8 text to a code-point offset.
 * @param[in]  text        The text.
 * @param[in]  len         Its length in bytes.
 * @param[in]  byte_offset An offset from 0 to @p len on a character boundary.
 * @param[out] out         Receives the number of code points before @p byte_offset.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_RANGE if the
 *         offset is past the end or inside a character; #REL_ERR_UTF8 if
 *         the text before the offset is not valid UTF-8.
 */
REL_API rel_status rel_utf8_codepoint_offset(const char *text, size_t len, uint64_t byte_offset, uint64_t *out);

/**
 * @brief Converts a code-point offset in a UTF-8 text to a byte offset.
 * @param[in]  text      The text.
 * @param[in]  len       Its length in bytes.
 * @param[in]  cp_offset A code-point offset from 0 to the text's length in code points.
 * @param[out] out       Receives the byte offset.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_RANGE if past the end;
 *         #REL_ERR_UTF8 if the text is not valid UTF-8.
 */
REL_API rel_status rel_utf8_byte_offset(const char *text, size_t len, uint64_t cp_offset, uint64_t *out);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_EVIDENCE_H */
