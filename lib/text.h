/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 checks and name normalisation shared by the builder, the importer
 * and lookups. Unicode knowledge comes from utf8proc, not from tables here.
 */
#ifndef REL_LIB_TEXT_H
#define REL_LIB_TEXT_H

#include <relations/common.h>
#include <relations/status.h>

/* The real length of an input string: strlen() when len is REL_NTS. */
size_t rel__len(const char *s, size_t len);

/* 1 if s[0..len) is valid UTF-8 without NUL bytes. */
int rel__utf8_valid(const char *s, size_t len);

/* 1 if off (0..len) falls on a character boundary of valid UTF-8 text. */
int rel__utf8_boundary(const char *s, size_t len, uint64_t off);

/* A new normalised copy of s (see rel_text_normalise()); *out is owned by the caller. */
rel_status rel__normalise(const rel_allocator *a, const char *s, size_t len, char **out, size_t *out_len);

#endif
