/* SPDX-License-Identifier: MIT */
/*
 * The default allocator and the overflow-checked helpers every module uses
 * instead of calling malloc() directly.
 */
#include "alloc.h"

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
