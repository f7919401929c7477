/* SPDX-License-Identifier: MIT */
/*
 * The layout of the index block (see index.h).
 *
 * The block is a header followed by tables, each found by its offset from
 * the block's start and its element count; every table starts on an
 * 8-byte boundary. Objects are named by position: events, claims,
 * entities and sources by their index in the knowledge base, and the
 * "about" table numbers every object in one space (entities, then events,
 * then claims). Lists are stored compressed-row style: a start table of
 * n + 1 positions into a table of members, each list sorted by position.
 */
#ifndef REL_LIB_INDEX_IMPL_H
#define REL_LIB_INDEX_IMPL_H

#include "index.h"

#include <stdint.h>

#define REL_IX_MAGIC 0x31584449u /* "IDX1" */
#define REL_IX_NONE UINT32_MAX

/* How many entity kinds the kind table has lists for (rel_entity_kind_code). */
#define REL_IX_KINDS 16

/* A string in the IX_STRINGS table. */
typedef struct rel_ix_key {
    uint64_t off;
    uint32_t len;
    uint32_t pad;
} rel_ix_key;

/* One distinct name and the sorted entities that have it. */
typedef struct rel_ix_group {
    rel_ix_key key;
    uint32_t first; /* into the group table's entity list */
    uint32_t count;
} rel_ix_group;

/* Which objects a word occurs in, one list per family. */
enum { REL_IX_WORD_EVENTS, REL_IX_WORD_CLAIMS, REL_IX_WORD_ENTITIES, REL_IX_WORD_FAMILIES };

typedef struct rel_ix_word {
    rel_ix_key key;
    uint32_t first[REL_IX_WORD_FAMILIES]; /* into IX_WORD_POSTINGS */
    uint32_t count[REL_IX_WORD_FAMILIES];
} rel_ix_word;

/*
 * An unordered pair of participants a < b of one event, in the list of a
 * (see IX_PAIR_START), with the event's fuzzy bounds so that a window is
 * tested without reading the event.
 */
typedef struct rel_ix_pair {
    uint32_t b, event;
    int64_t lo, hi;
} rel_ix_pair;

enum rel_ix_table {
    IX_EV_FUZZY_LO,     /* int64 per event: INT64_MAX if it has no time */
    IX_EV_FUZZY_HI,     /* int64 per event */
    IX_EV_YEAR,         /* int64 per event: year of the strict lower bound, INT64_MIN if none */
    IX_EV_TYPE,         /* uint32 per event: into IX_TYPES */
    IX_TYPES,           /* rel_ix_key, sorted by text */
    IX_ACTOR_START,     /* uint32 per entity + 1 */
    IX_ACTOR_EVENTS,    /* uint32 */
    IX_ACTOR_BY_TIME,   /* uint32: the same lists in fuzzy_lo order */
    IX_PAIRS,           /* rel_ix_pair, sorted by a, b, fuzzy_lo, event */
    IX_PAIR_START,      /* uint32 per entity + 1: where the pairs of each a begin */
    IX_ABOUT_START,     /* uint32 per object + 1 */
    IX_ABOUT_CLAIMS,    /* uint32 */
    IX_CLAIMANT_START,  /* uint32 per entity + 1 */
    IX_CLAIMANT_CLAIMS, /* uint32 */
    IX_SRC_EVENT_START, /* uint32 per source + 1 */
    IX_SRC_EVENTS,
    IX_SRC_CLAIM_START,
    IX_SRC_CLAIMS,
    IX_SRC_ENTITY_START,
    IX_SRC_ENTITIES,
    IX_KIND_START,      /* uint32 per kind + 1 */
    IX_KIND_ENTITIES,
    IX_EXACT_SLOTS,     /* uint32, a power of two: 0 empty, else group + 1 */
    IX_EXACT_GROUPS,    /* rel_ix_group */
    IX_EXACT_ENTITIES,  /* uint32 */
    IX_NORM_SLOTS,
    IX_NORM_GROUPS,     /* sorted by key, for prefixes */
    IX_NORM_ENTITIES,
    IX_WORD_SLOTS,
    IX_WORDS,           /* rel_ix_word */
    IX_WORD_POSTINGS,   /* uint32 */
    IX_STRINGS,         /* bytes */
    IX_TABLE_COUNT
};

typedef struct rel_ix_table_ref {
    uint64_t offset;
    uint64_t count;
} rel_ix_table_ref;

typedef struct rel_ix_header {
    uint32_t magic;
    uint32_t table_count;
    uint64_t sources, entities, events, claims;
    rel_ix_table_ref tables[IX_TABLE_COUNT];
} rel_ix_header;

struct rel_index {
    const rel_allocator *alloc;
    void *owned; /* the block when built here; NULL when mapped */
    const unsigned char *data;
    size_t len;
    const void *table[IX_TABLE_COUNT];
    uint64_t count[IX_TABLE_COUNT];
    uint64_t entities, events, claims, sources;
};

/* The size of one element of each table. */
size_t rel_ix__elem_size(int table);

/* Points ix->table and ix->count at a block; checks everything (see rel_index__attach). */
rel_status rel_ix__bind(rel_index *ix, rel_error *err);

/* A list of a compressed-row table pair: members of row i. */
static inline const uint32_t *rel_ix__row(const rel_index *ix, int start, int members, uint64_t i, uint32_t *n)
{
    const uint32_t *s = ix->table[start];

    *n = s[i + 1] - s[i];
    return (const uint32_t *)ix->table[members] + s[i];
}

static inline const char *rel_ix__str(const rel_index *ix, const rel_ix_key *k)
{
    return (const char *)ix->table[IX_STRINGS] + k->off;
}

/* Looks a key up in a slot table; returns the group (or word) position, or REL_IX_NONE. */
uint32_t rel_ix__find(const rel_index *ix, int slots, int groups, const char *key, size_t len);

/* Whether a sorted list holds a value. */
int rel_ix__has(const uint32_t *list, uint32_t n, uint32_t value);

/* Splits text into words and normalises each; calls fn for every word. */
typedef rel_status (*rel_ix_word_fn)(const char *word, size_t len, void *payload);
rel_status rel_ix__words(const rel_allocator *a, const char *text, size_t len, rel_ix_word_fn fn, void *payload);

#endif
