/* SPDX-License-Identifier: MIT */
/* Calls shared by the files that make and free knowledge-base objects. */
#ifndef REL_LIB_KB_INTERNAL_H
#define REL_LIB_KB_INTERNAL_H

#include "kb_impl.h"

void rel_kb__free_str(rel_kb *kb, rel_str *s);
void rel_kb__free_source(rel_kb *kb, rel_source *s);
void rel_kb__free_entity(rel_kb *kb, rel_entity *e);
void rel_kb__free_event(rel_kb *kb, rel_event *ev);
void rel_kb__free_claim(rel_kb *kb, rel_claim *c);
void rel_kb__free_bucket(rel_kb *kb, rel_alias_bucket *b);

/* Finds a source by id or unique prefix. */
rel_status rel_kb__source_by_prefix(const rel_kb *kb, const char *id, size_t len, const rel_source **out);

/*
 * How many places of the source's text have prefix, exact and suffix in a
 * row; *first receives the offset of the exact words at the first place.
 * The strings are already validated.
 */
size_t rel_source__count_quote(const rel_source *source, const char *exact, size_t exact_len, const char *prefix,
                               size_t prefix_len, const char *suffix, size_t suffix_len, uint64_t *first);

#endif
