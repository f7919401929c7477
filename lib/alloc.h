/* SPDX-License-Identifier: MIT */
/*
 * Allocation through a rel_allocator. Every object the library makes keeps
 * the allocator it was made with, so that a knowledge base built with a
 * caller's allocator frees through it too, and so that tests can make the
 * Nth allocation fail.
 */
#ifndef REL_LIB_ALLOC_H
#define REL_LIB_ALLOC_H

#include <relations/common.h>

/* The allocator used when the caller gives none: the C library's. */
const rel_allocator *rel__default_allocator(void);

/* NULL or an incomplete allocator (some functions missing) means the default. */
const rel_allocator *rel__allocator_or_default(const rel_allocator *a);

void *rel__malloc(const rel_allocator *a, size_t size);
void *rel__calloc(const rel_allocator *a, size_t count, size_t size);
/* Fails (returns NULL, leaves *ptr alone) when count * size overflows. */
void *rel__realloc_array(const rel_allocator *a, void *ptr, size_t count, size_t size);
void rel__free(const rel_allocator *a, void *ptr);

/* A NUL-terminated copy of len bytes. */
char *rel__strndup(const rel_allocator *a, const char *s, size_t len);

/* Grows *items (of *cap elements of size elem) to hold at least need. */
int rel__reserve(const rel_allocator *a, void **items, size_t *cap, size_t need, size_t elem);

/*
 * The allocator handed to yajl, which writes through whatever its allocator
 * returns and so cannot survive a NULL. Blocks come from `a` while it gives
 * them; when it fails, from the C library's, and `failed` is set so that the
 * caller reports REL_ERR_NOMEM once yajl has returned. Pass a pointer to a
 * rel_yajl_alloc as the ctx of yajl_alloc_funcs.
 */
typedef struct rel_yajl_alloc {
    const rel_allocator *a;
    int failed;
} rel_yajl_alloc;

void *rel__yajl_malloc(void *ctx, size_t size);
void *rel__yajl_realloc(void *ctx, void *ptr, size_t size);
void rel__yajl_free(void *ctx, void *ptr);

#endif
