/* SPDX-License-Identifier: MIT */
/* What the cmocka tests share: fixtures, a failing allocator, export to memory. */
#ifndef REL_TEST_HELPERS_H
#define REL_TEST_HELPERS_H

#include <relations.h>

#include <stddef.h>

/* Opens the built-in knowledge base; fails the test if it cannot. */
rel_kb *helper_open_builtin(void);

/* cmocka group setup/teardown: *state becomes the built-in knowledge base. */
int helper_setup_builtin(void **state);
int helper_teardown_kb(void **state);

/* The JSON export of a knowledge base, NUL-terminated; free() it. */
char *helper_export(const rel_kb *kb, size_t *len);

/* A whole file (NUL-terminated); free() it. NULL if it cannot be read. */
char *helper_read_file(const char *path, size_t *len);

/*
 * An allocator that fails the allocation numbered fail_at (1-based, counting
 * malloc and realloc calls; 0 never fails) and tracks what is outstanding,
 * so a test can assert that nothing leaked.
 */
typedef struct helper_alloc {
    size_t calls;       /* malloc and realloc calls so far */
    size_t fail_at;     /* the call that returns NULL, or 0 */
    size_t failures;    /* how many calls were failed */
    long long live;     /* blocks allocated and not yet freed */
} helper_alloc;

/* Options whose allocator is the failing allocator over *state. */
rel_kb_options helper_alloc_options(helper_alloc *state);

/* Counts the evidence spans of every entity, event and claim. */
size_t helper_evidence_count(const rel_kb *kb);

#endif
