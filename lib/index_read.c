/* SPDX-License-Identifier: MIT */
/*
 * Reading an index block: checking it, looking keys up, and the index's
 * place in a knowledge base. A block from a snapshot is checked in full
 * before it is used, so that no value in it can send a read out of bounds.
 */
#include "index_impl.h"

#include "error.h"
#include "kb_impl.h"
#include "map.h"
#include "text.h"

#include <string.h>
#include <utf8proc.h>

size_t rel_ix__elem_size(int table)
{
    switch (table) {
    case IX_EV_FUZZY_LO:
    case IX_EV_FUZZY_HI:
    case IX_EV_YEAR: return sizeof(int64_t);
    case IX_TYPES: return sizeof(rel_ix_key);
    case IX_PAIRS: return sizeof(rel_ix_pair);
    case IX_EXACT_GROUPS:
    case IX_NORM_GROUPS: return sizeof(rel_ix_group);
    case IX_WORDS: return sizeof(rel_ix_word);
    case IX_STRINGS: return 1;
    default: return sizeof(uint32_t);
    }
}

static rel_status bad(rel_error *err, const char *what)
{
    return rel__error_set(err, REL_ERR_FORMAT, "corrupted index: %s", what);
}

/* Every value of a uint32 table below a limit (REL_IX_NONE allowed if asked). */
static int all_below(const rel_index *ix, int t, uint64_t limit, int none_ok)
{
    const uint32_t *v = ix->table[t];
    uint64_t i;

    for (i = 0; i < ix->count[t]; i++)
        if (v[i] >= limit && !(none_ok && v[i] == REL_IX_NONE))
            return 0;
    return 1;
}

/* A start table: rows + 1 non-decreasing positions, the last one the member count. */
static int rows_valid(const rel_index *ix, int start, int members, uint64_t rows)
{
    const uint32_t *s = ix->table[start];
    uint64_t i;

    if (ix->count[start] != rows + 1 || s[0] != 0 || s[rows] != ix->count[members])
        return 0;
    for (i = 0; i < rows; i++)
        if (s[i] > s[i + 1])
            return 0;
    return 1;
}

static int key_valid(const rel_index *ix, const rel_ix_key *k)
{
    return k->off <= ix->count[IX_STRINGS] && k->len <= ix->count[IX_STRINGS] - k->off;
}

static int groups_valid(const rel_index *ix, int slots, int groups, int members)
{
    const rel_ix_group *g = ix->table[groups];
    uint64_t i, n = ix->count[slots];

    if (n & (n - 1))
        return 0;
    if (ix->count[groups] > 0 && n <= ix->count[groups])
        return 0;
    if (!all_below(ix, slots, ix->count[groups] + 1, 0))
        return 0;
    for (i = 0; i < ix->count[groups]; i++)
        if (!key_valid(ix, &g[i].key) || g[i].first > ix->count[members] ||
            g[i].count > ix->count[members] - g[i].first)
            return 0;
    return 1;
}

static int words_valid(const rel_index *ix)
{
    const rel_ix_word *w = ix->table[IX_WORDS];
    uint64_t i, n = ix->count[IX_WORD_SLOTS], total = ix->count[IX_WORD_POSTINGS];
    const uint64_t *limit[REL_IX_WORD_FAMILIES] = {&ix->events, &ix->claims, &ix->entities};
    int f;

    if ((n & (n - 1)) || (ix->count[IX_WORDS] > 0 && n <= ix->count[IX_WORDS]))
        return 0;
    if (!all_below(ix, IX_WORD_SLOTS, ix->count[IX_WORDS] + 1, 0))
        return 0;
    for (i = 0; i < ix->count[IX_WORDS]; i++) {
        if (!key_valid(ix, &w[i].key))
            return 0;
        for (f = 0; f < REL_IX_WORD_FAMILIES; f++) {
            const uint32_t *p;
            uint32_t j;

            if (w[i].first[f] > total || w[i].count[f] > total - w[i].first[f])
                return 0;
            p = (const uint32_t *)ix->table[IX_WORD_POSTINGS] + w[i].first[f];
            for (j = 0; j < w[i].count[f]; j++)
                if (p[j] >= *limit[f])
                    return 0;
        }
    }
    return 1;
}

static int pairs_valid(const rel_index *ix)
{
    const rel_ix_pair *p = ix->table[IX_PAIRS];
    uint64_t i;

    for (i = 0; i < ix->count[IX_PAIRS]; i++)
        if (p[i].b >= ix->entities || p[i].event >= ix->events)
            return 0;
    return 1;
}

static int types_valid(const rel_index *ix)
{
    const rel_ix_key *k = ix->table[IX_TYPES];
    uint64_t i;

    for (i = 0; i < ix->count[IX_TYPES]; i++)
        if (!key_valid(ix, &k[i]))
            return 0;
    return all_below(ix, IX_EV_TYPE, ix->count[IX_TYPES], 1);
}

rel_status rel_ix__bind(rel_index *ix, rel_error *err)
{
    const rel_ix_header *h = (const rel_ix_header *)ix->data;
    uint64_t objects;
    int t;

    if (ix->len < sizeof(*h) || ((uintptr_t)ix->data & 7) != 0)
        return bad(err, "block too short or misaligned");
    if (h->magic != REL_IX_MAGIC || h->table_count != IX_TABLE_COUNT)
        return bad(err, "unknown index layout");
    if (h->sources != ix->sources || h->entities != ix->entities || h->events != ix->events ||
        h->claims != ix->claims)
        return bad(err, "object counts differ from the knowledge base");
    for (t = 0; t < IX_TABLE_COUNT; t++) {
        uint64_t off = h->tables[t].offset, n = h->tables[t].count, elem = rel_ix__elem_size(t);

        if ((off & 7) || off > ix->len || n > (ix->len - off) / elem || n > UINT32_MAX)
            return bad(err, "a table lies outside the block");
        ix->table[t] = ix->data + off;
        ix->count[t] = n;
    }
    objects = ix->entities + ix->events + ix->claims;
    if (ix->count[IX_EV_FUZZY_LO] != ix->events || ix->count[IX_EV_FUZZY_HI] != ix->events ||
        ix->count[IX_EV_YEAR] != ix->events || ix->count[IX_EV_TYPE] != ix->events)
        return bad(err, "event tables of the wrong length");
    if (!types_valid(ix) || !pairs_valid(ix))
        return bad(err, "an event table names nothing");
    if (!rows_valid(ix, IX_ACTOR_START, IX_ACTOR_EVENTS, ix->entities) ||
        !rows_valid(ix, IX_PAIR_START, IX_PAIRS, ix->entities) ||
        ix->count[IX_ACTOR_BY_TIME] != ix->count[IX_ACTOR_EVENTS] ||
        !rows_valid(ix, IX_ABOUT_START, IX_ABOUT_CLAIMS, objects) ||
        !rows_valid(ix, IX_CLAIMANT_START, IX_CLAIMANT_CLAIMS, ix->entities) ||
        !rows_valid(ix, IX_SRC_EVENT_START, IX_SRC_EVENTS, ix->sources) ||
        !rows_valid(ix, IX_SRC_CLAIM_START, IX_SRC_CLAIMS, ix->sources) ||
        !rows_valid(ix, IX_SRC_ENTITY_START, IX_SRC_ENTITIES, ix->sources) ||
        !rows_valid(ix, IX_KIND_START, IX_KIND_ENTITIES, REL_IX_KINDS))
        return bad(err, "a list table is inconsistent");
    if (!all_below(ix, IX_ACTOR_EVENTS, ix->events, 0) || !all_below(ix, IX_ACTOR_BY_TIME, ix->events, 0) ||
        !all_below(ix, IX_ABOUT_CLAIMS, ix->claims, 0) || !all_below(ix, IX_CLAIMANT_CLAIMS, ix->claims, 0) ||
        !all_below(ix, IX_SRC_EVENTS, ix->events, 0) || !all_below(ix, IX_SRC_CLAIMS, ix->claims, 0) ||
        !all_below(ix, IX_SRC_ENTITIES, ix->entities, 0) || !all_below(ix, IX_KIND_ENTITIES, ix->entities, 0) ||
        !all_below(ix, IX_EXACT_ENTITIES, ix->entities, 0) || !all_below(ix, IX_NORM_ENTITIES, ix->entities, 0))
        return bad(err, "a list names an object that does not exist");
    if (!groups_valid(ix, IX_EXACT_SLOTS, IX_EXACT_GROUPS, IX_EXACT_ENTITIES) ||
        !groups_valid(ix, IX_NORM_SLOTS, IX_NORM_GROUPS, IX_NORM_ENTITIES))
        return bad(err, "an alias table is inconsistent");
    if (!words_valid(ix))
        return bad(err, "the word table is inconsistent");
    return REL_OK;
}

rel_status rel_index__attach(rel_index **out, const rel_allocator *a, const void *data, size_t len,
                             const rel_index_counts *counts, rel_error *err)
{
    rel_index *ix;
    rel_status st;

    *out = NULL;
    a = rel__allocator_or_default(a);
    if (!(ix = rel__calloc(a, 1, sizeof(*ix))))
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    ix->alloc = a;
    ix->data = data;
    ix->len = len;
    ix->sources = counts->sources;
    ix->entities = counts->entities;
    ix->events = counts->events;
    ix->claims = counts->claims;
    if ((st = rel_ix__bind(ix, err)) != REL_OK) {
        rel__free(a, ix);
        return st;
    }
    *out = ix;
    return REL_OK;
}

const void *rel_index__data(const rel_index *ix, size_t *len)
{
    *len = ix->len;
    return ix->data;
}

void rel_index__free(rel_index *ix)
{
    if (ix) {
        rel__free(ix->alloc, ix->owned);
        rel__free(ix->alloc, ix);
    }
}

uint32_t rel_ix__find(const rel_index *ix, int slots, int groups, const char *key, size_t len)
{
    const uint32_t *s = ix->table[slots];
    uint64_t mask = ix->count[slots] - 1, i;
    size_t stride = rel_ix__elem_size(groups);

    if (ix->count[slots] == 0)
        return REL_IX_NONE;
    for (i = rel__hash(key, len) & mask;; i = (i + 1) & mask) {
        const rel_ix_key *k;

        if (s[i] == 0)
            return REL_IX_NONE;
        /* Groups and words both start with their key. */
        k = (const rel_ix_key *)((const unsigned char *)ix->table[groups] + (size_t)(s[i] - 1) * stride);
        if (k->len == len && memcmp(rel_ix__str(ix, k), key, len) == 0)
            return s[i] - 1;
    }
}

int rel_ix__has(const uint32_t *list, uint32_t n, uint32_t value)
{
    uint32_t lo = 0, hi = n;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;

        if (list[mid] < value)
            lo = mid + 1;
        else if (list[mid] > value)
            hi = mid;
        else
            return 1;
    }
    return 0;
}

static int word_char(utf8proc_int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return 1;
    default: return 0;
    }
}

/*
 * Words are runs of letters, marks and digits. An ASCII word is normalised
 * by lowering its case, which is what rel_text_normalise() does to it, so
 * the common case never allocates.
 */
rel_status rel_ix__words(const rel_allocator *a, const char *text, size_t len, rel_ix_word_fn fn, void *payload)
{
    size_t i = 0;
    char small[64];

    while (i < len) {
        size_t start, end, j;
        int ascii = 1;
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
        rel_status st;

        if (n <= 0)
            return REL_ERR_UTF8;
        if (!word_char(c)) {
            i += (size_t)n;
            continue;
        }
        start = i;
        while (i < len) {
            n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
            if (n <= 0)
                return REL_ERR_UTF8;
            if (!word_char(c))
                break;
            ascii &= c < 0x80;
            i += (size_t)n;
        }
        end = i;
        if (ascii && end - start <= sizeof(small)) {
            for (j = start; j < end; j++)
                small[j - start] = (char)(text[j] >= 'A' && text[j] <= 'Z' ? text[j] + 32 : text[j]);
            st = fn(small, end - start, payload);
        } else {
            char *norm;
            size_t norm_len;

            if ((st = rel__normalise(a, text + start, end - start, &norm, &norm_len)) != REL_OK)
                return st;
            st = norm_len ? fn(norm, norm_len, payload) : REL_OK;
            rel__free(a, norm);
        }
        if (st != REL_OK)
            return st;
    }
    return REL_OK;
}

rel_status rel_kb__index(const rel_kb *kb, const rel_index **out, rel_error *err)
{
    rel_kb *mut = (rel_kb *)kb; /* the index is a cache: building it changes no content */
    rel_index *ix = atomic_load_explicit(&mut->index, memory_order_acquire);
    rel_status st = REL_OK;

    if (!ix) {
        pthread_mutex_lock(&mut->index_lock);
        ix = atomic_load_explicit(&mut->index, memory_order_relaxed);
        if (!ix && (st = rel_index__build(&ix, kb, err)) == REL_OK)
            atomic_store_explicit(&mut->index, ix, memory_order_release);
        pthread_mutex_unlock(&mut->index_lock);
    }
    *out = ix;
    return st;
}

void rel_kb__drop_index(rel_kb *kb)
{
    rel_index__free(atomic_exchange_explicit(&kb->index, NULL, memory_order_acq_rel));
}
