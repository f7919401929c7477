/* SPDX-License-Identifier: MIT */
/*
 * The default allocator and the overflow-checked helpers every module uses
 * instead of calling malloc() directly.
 */
#include "alloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static void *std_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void *std_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void std_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static const rel_allocator std_allocator = {NULL, std_malloc, std_realloc, std_free};

const rel_allocator *rel__default_allocator(void)
{
    return &std_allocator;
}

const rel_allocator *rel__allocator_or_default(const rel_allocator *a)
{
    if (!a || !a->malloc || !a->realloc || !a->free)
        return &std_allocator;
    return a;
}

void *rel__malloc(const rel_allocator *a, size_t size)
{
    return a->malloc(a->ctx, size ? size : 1);
}

void *rel__calloc(const rel_allocator *a, size_t count, size_t size)
{
    void *p;

    if (size && count > SIZE_MAX / size)
        return NULL;
    p = rel__malloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *rel__realloc_array(const rel_allocator *a, void *ptr, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    if (!ptr)
        return rel__malloc(a, count * size);
    if (count == 0 || size == 0)
        count = size = 1;
    return a->realloc(a->ctx, ptr, count * size);
}

void rel__free(const rel_allocator *a, void *ptr)
{
    if (ptr)
        a->free(a->ctx, ptr);
}

char *rel__strndup(const rel_allocator *a, const char *s, size_t len)
{
    char *p;

    if (len == SIZE_MAX)
        return NULL;
    p = rel__malloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

int rel__reserve(const rel_allocator *a, void **items, size_t *cap, size_t need, size_t elem)
{
    size_t ncap;
    void *p;

    if (need <= *cap)
        return 1;
    ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return 0;
        ncap *= 2;
    }
    p = rel__realloc_array(a, *items, ncap, elem);
    if (!p)
        return 0;
    *items = p;
    *cap = ncap;
    return 1;
}

/* Says where a block given to yajl came from, and its size (for a move). */
typedef union yajl_header {
    max_align_t align;
    struct {
        size_t size;
        int fallback; /* from the C library's allocator */
    } h;
} yajl_header;

static void *yajl_fallback(rel_yajl_alloc *y, size_t size)
{
    yajl_header *h = malloc(sizeof(*h) + size);

    y->failed = 1;
    if (!h)
        return NULL;
    h->h.size = size;
    h->h.fallback = 1;
    return h + 1;
}

void *rel__yajl_malloc(void *ctx, size_t size)
{
    rel_yajl_alloc *y = ctx;
    yajl_header *h;

    if (size > SIZE_MAX - sizeof(*h))
        return NULL;
    if (!(h = rel__malloc(y->a, sizeof(*h) + size)))
        return yajl_fallback(y, size);
    h->h.size = size;
    h->h.fallback = 0;
    return h + 1;
}

void *rel__yajl_realloc(void *ctx, void *ptr, size_t size)
{
    rel_yajl_alloc *y = ctx;
    yajl_header *h, *n;
    void *moved;

    if (!ptr)
        return rel__yajl_malloc(ctx, size);
    if (size > SIZE_MAX - sizeof(*h))
        return NULL;
    h = (yajl_header *)ptr - 1;
    if (h->h.fallback) {
        if (!(n = realloc(h, sizeof(*h) + size)))
            return NULL;
    } else if (!(n = y->a->realloc(y->a->ctx, h, sizeof(*h) + size))) {
        if (!(moved = yajl_fallback(y, size)))
            return NULL;
        memcpy(moved, ptr, h->h.size < size ? h->h.size : size);
        rel__free(y->a, h);
        return moved;
    }
    n->h.size = size;
    return n + 1;
}

void rel__yajl_free(void *ctx, void *ptr)
{
    rel_yajl_alloc *y = ctx;
    yajl_header *h;

    if (!ptr)
        return;
    h = (yajl_header *)ptr - 1;
    if (h->h.fallback)
        free(h);
    else
        rel__free(y->a, h);
}
