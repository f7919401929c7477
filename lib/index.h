/* SPDX-License-Identifier: MIT */
/*
 * The query indexes of a knowledge base.
 *
 * An index is one relocatable block of bytes: every table in it is found by
 * an offset from the block's start, and every object is named by its
 * position in the knowledge base (rel_kb_event_at() and friends). So the
 * same block serves a knowledge base in memory, where it is built, and one
 * mapped from a snapshot, where it is used where it lies in the file.
 */
#ifndef REL_LIB_INDEX_H
#define REL_LIB_INDEX_H

#include <relations/kb.h>

#include "alloc.h"

typedef struct rel_index rel_index;

/* The object counts an index was built for; a block must agree with them. */
typedef struct rel_index_counts {
    uint64_t sources, entities, events, claims;
} rel_index_counts;

/* Builds the index of an in-memory knowledge base. */
rel_status rel_index__build(rel_index **out, const rel_kb *kb, rel_error *err);

/*
 * Makes an index that reads a block in place (from a snapshot): the block
 * must be 8-byte aligned and outlive the index. Every offset, count and
 * object position in it is checked against len and counts first, so a
 * hostile block is REL_ERR_FORMAT and never a read out of bounds.
 */
rel_status rel_index__attach(rel_index **out, const rel_allocator *a, const void *data, size_t len,
                             const rel_index_counts *counts, rel_error *err);

/* The block, for writing into a snapshot. */
const void *rel_index__data(const rel_index *ix, size_t *len);

void rel_index__free(rel_index *ix);

/*
 * The index of a knowledge base, built on first use. Safe to call from
 * several threads reading one knowledge base at once.
 */
rel_status rel_kb__index(const rel_kb *kb, const rel_index **out, rel_error *err);

/* Drops the index after a write (writes are never concurrent with reads). */
void rel_kb__drop_index(rel_kb *kb);

#endif
