/* SPDX-License-Identifier: MIT */
/*
 * What the libFuzzer targets share: the entry point's prototype and a check
 * that reports a broken promise and aborts, which libFuzzer records as a
 * crash (with the input that caused it).
 */
#ifndef REL_FUZZ_H
#define REL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <relations.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond);         \
            abort();                                                                           \
        }                                                                                      \
    } while (0)

/* A heap copy of exactly n bytes (no terminator), so that reading past the
 * length is an AddressSanitizer error; never NULL. */
static inline char *fuzz_dup(const uint8_t *data, size_t n)
{
    char *p = malloc(n ? n : 1);

    FUZZ_CHECK(p != NULL);
    for (size_t i = 0; i < n; i++)
        p[i] = (char)data[i];
    return p;
}

/* 1 if s[0..n) is well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF) without NUL bytes; written apart from
 * the library's own check so the two can be compared. */
static inline int fuzz_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        unsigned char c = p[i];
        uint32_t cp;
        size_t k, len;

        if (c == 0)
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07;
        else
            return 0;
        if (n - i < len)
            return 0;
        for (k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

/*
 * An allocator for a knowledge base that counts its calls, can fail one of
 * them, and tracks what is outstanding, so that a target can check the
 * promises about allocation failure: an error status, nothing leaked,
 * nothing half-changed.
 */
typedef struct fuzz_alloc {
    size_t calls;   /* malloc and realloc calls so far */
    size_t fail_at; /* the call (1-based) that returns NULL; 0: none */
    size_t failed;  /* calls that returned NULL */
    long long live; /* blocks not yet freed */
} fuzz_alloc;

static inline int fuzz_alloc_fails(fuzz_alloc *a)
{
    if (++a->calls == a->fail_at) {
        a->failed++;
        return 1;
    }
    return 0;
}

static inline void *fuzz_malloc(void *ctx, size_t size)
{
    fuzz_alloc *a = ctx;
    void *p;

    if (fuzz_alloc_fails(a))
        return NULL;
    p = malloc(size);
    if (p)
        a->live++;
    return p;
}

static inline void *fuzz_realloc(void *ctx, void *ptr, size_t size)
{
    fuzz_alloc *a = ctx;
    void *p;

    if (fuzz_alloc_fails(a))
        return NULL;
    p = realloc(ptr, size);
    if (p && !ptr)
        a->live++;
    return p;
}

static inline void fuzz_free(void *ctx, void *ptr)
{
    fuzz_alloc *a = ctx;

    FUZZ_CHECK(ptr != NULL); /* the library never frees NULL through the hook */
    a->live--;
    free(ptr);
}

/* Knowledge-base options whose allocator is *a. */
static inline rel_kb_options fuzz_alloc_options(fuzz_alloc *a)
{
    rel_kb_options opts = REL_KB_OPTIONS_INIT;

    opts.allocator.ctx = a;
    opts.allocator.malloc = fuzz_malloc;
    opts.allocator.realloc = fuzz_realloc;
    opts.allocator.free = fuzz_free;
    return opts;
}

/* A growing buffer that rel_kb_write_json() writes into. */
typedef struct fuzz_buf {
    char *data;
    size_t len;
    size_t cap;
} fuzz_buf;

static inline int32_t fuzz_buf_write(const char *data, size_t len, void *payload)
{
    fuzz_buf *b = payload;

    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        char *p;
        while (cap < b->len + len + 1)
            cap *= 2;
        p = realloc(b->data, cap);
        FUZZ_CHECK(p != NULL);
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

/* The JSON export of kb; it must succeed. Free data with free(). */
static inline fuzz_buf fuzz_export(const rel_kb *kb)
{
    fuzz_buf b = {NULL, 0, 0};
    rel_error err;
    rel_status st = rel_kb_write_json(kb, fuzz_buf_write, &b, &err);

    if (st != REL_OK)
        fprintf(stderr, "export failed: %s\n", err.message);
    FUZZ_CHECK(st == REL_OK && b.data != NULL);
    return b;
}

#endif
