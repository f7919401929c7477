/* SPDX-License-Identifier: MIT */
/* The layout of a diff, shared by diff.c (which facts differ) and diff_words.c (which words). */
#ifndef REL_LIB_DIFF_IMPL_H
#define REL_LIB_DIFF_IMPL_H

#include <relations/diff.h>

#include "kb_impl.h"

typedef struct rel_word_change {
    rel_str removed;
    rel_str added;
    int spelling;
} rel_word_change;

struct rel_difference {
    int32_t kind;
    int32_t object_kind;
    const void *object;            /* entity, event or (side A's) claim */
    const rel_claim *claim[2];
    const rel_source *source[2];
    const rel_evidence **evidence[2];
    size_t evidence_count[2];
    int32_t modality[2];
    const rel_entity *claimant[2];
    rel_word_change *changes;
    size_t change_count;
};

struct rel_diff {
    rel_allocator alloc;
    rel_difference **items;
    size_t count;
    size_t cap;
};

/*
 * Compares the words of two lists of spans (each in text order) and fills
 * d->changes. Returns REL_OK or REL_ERR_NOMEM; sets *all_spelling to 1 when
 * every change is one of spelling only. No changes means identical words.
 */
rel_status rel_diff__words(const rel_allocator *a, rel_difference *d, int *all_spelling);

void rel_diff__free_changes(const rel_allocator *a, rel_difference *d);

#endif
