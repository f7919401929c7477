/* SPDX-License-Identifier: MIT */
/* Fixtures and tools shared by the tests; see helpers.h. */
#include "helpers.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

rel_kb *helper_open_builtin(void)
{
    rel_kb *kb = NULL;
    rel_error err;

    if (rel_kb_open_builtin(&kb, NULL, &err) != REL_OK)
        fail_msg("cannot open the built-in knowledge base: %s", err.message);
    return kb;
}

int helper_setup_builtin(void **state)
{
    *state = helper_open_builtin();
    return *state ? 0 : -1;
}

int helper_teardown_kb(void **state)
{
    rel_kb_free(*state);
    return 0;
}

typedef struct membuf {
    char *data;
    size_t len;
    size_t cap;
} membuf;

static int32_t append(const char *data, size_t len, void *payload)
{
    membuf *b = payload;

    if (b->len + len + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 4096) + len + 1;
        char *p = realloc(b->data, cap);
        if (!p)
            return 1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

char *helper_export(const rel_kb *kb, size_t *len)
{
    membuf b = {NULL, 0, 0};
    rel_error err;

    if (rel_kb_write_json(kb, append, &b, &err) != REL_OK) {
        free(b.data);
        return NULL;
    }
    if (len)
        *len = b.len;
    return b.data;
}

char *helper_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    membuf b = {NULL, 0, 0};
    char chunk[4096];
    size_t n;

    if (!f)
        return NULL;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (append(chunk, n, &b) != 0)
            break;
    fclose(f);
    if (!b.data)
        b.data = calloc(1, 1);
    if (len)
        *len = b.len;
    return b.data;
}

/* Failures injected in this process; with REL_TEST_REPORT_ALLOC set, printed at exit. */
static size_t injected;

static void report_injected(void)
{
    fprintf(stderr, "allocation failures injected: %zu\n", injected);
}

static void *fail_malloc(void *ctx, size_t size)
{
    helper_alloc *a = ctx;
    void *p;

    if (++a->calls == a->fail_at) {
        a->failures++;
        injected++;
        return NULL;
    }
    p = malloc(size);
    if (p)
        a->live++;
    return p;
}

static void *fail_realloc(void *ctx, void *ptr, size_t size)
{
    helper_alloc *a = ctx;
    void *p;

    if (++a->calls == a->fail_at) {
        a->failures++;
        injected++;
        return NULL;
    }
    p = realloc(ptr, size);
    if (p && !ptr)
        a->live++;
    return p;
}

static void fail_free(void *ctx, void *ptr)
{
    helper_alloc *a = ctx;

    if (ptr)
        a->live--;
    free(ptr);
}

rel_kb_options helper_alloc_options(helper_alloc *state)
{
    static int reporting;
    rel_kb_options opts = REL_KB_OPTIONS_INIT;

    if (!reporting && getenv("REL_TEST_REPORT_ALLOC")) {
        reporting = 1;
        atexit(report_injected);
    }
    opts.allocator.ctx = state;
    opts.allocator.malloc = fail_malloc;
    opts.allocator.realloc = fail_realloc;
    opts.allocator.free = fail_free;
    return opts;
}

size_t helper_evidence_count(const rel_kb *kb)
{
    size_t i, n = 0;

    for (i = 0; i < rel_kb_entity_count(kb); i++)
        n += rel_entity_evidence_count(rel_kb_entity_at(kb, i));
    for (i = 0; i < rel_kb_event_count(kb); i++)
        n += rel_event_evidence_count(rel_kb_event_at(kb, i));
    for (i = 0; i < rel_kb_claim_count(kb); i++)
        n += rel_claim_evidence_count(rel_kb_claim_at(kb, i));
    return n;
}
