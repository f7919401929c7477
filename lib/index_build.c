/* SPDX-License-Identifier: MIT */
/*
 * Building the index block of an in-memory knowledge base. Each table is
 * made on its own, then all are laid out in one block. Lists are gathered
 * as (row, member) pairs in member order and grouped by a stable counting
 * sort, so every list comes out sorted without a comparison sort.
 */
#include "index_impl.h"

#include "error.h"
#include "kb_impl.h"
#include "map.h"
#include "text.h"
#include "time_impl.h"

#include <stdlib.h>
#include <string.h>

/* ---- growable arrays ---- */

typedef struct pairs {
    uint32_t *row, *member;
    size_t count, cap;
} pairs;

typedef struct table {
    void *data;
    size_t count;
} table;

typedef struct builder {
    const rel_kb *kb;
    const rel_allocator *a;
    int failed;      /* an allocation failed */
    rel_status st;   /* the first other failure */
    table t[IX_TABLE_COUNT];
    /* the string table and its de-duplicating hash of keys */
    char *strings;
    size_t strings_len, strings_cap;
} builder;

static void *grab(builder *b, size_t count, size_t size)
{
    void *p = rel__calloc(b->a, count ? count : 1, size);

    if (!p)
        b->failed = 1;
    return p;
}

static void push_pair(builder *b, pairs *p, uint32_t row, uint32_t member)
{
    if (p->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 256;
        uint32_t *r = rel__realloc_array(b->a, p->row, cap, sizeof(*r));

        if (r)
            p->row = r;
        r = r ? rel__realloc_array(b->a, p->member, cap, sizeof(*r)) : NULL;
        if (!r) {
            b->failed = 1;
            return;
        }
        p->member = r;
        p->cap = cap;
    }
    p->row[p->count] = row;
    p->member[p->count] = member;
    p->count++;
}

static void free_pairs(builder *b, pairs *p)
{
    rel__free(b->a, p->row);
    rel__free(b->a, p->member);
    memset(p, 0, sizeof(*p));
}

/*
 * Groups pairs into rows: start gets rows + 1 positions, members the
 * members of each row in the order pushed, repeats next to each other
 * dropped (so a member pushed in increasing order comes out sorted, once).
 */
static void make_rows(builder *b, pairs *p, size_t rows, int start_table, int member_table)
{
    uint32_t *start = grab(b, rows + 1, sizeof(*start)), *fill, *out;
    size_t i, r, n = 0;

    fill = grab(b, rows + 1, sizeof(*fill));
    out = grab(b, p->count, sizeof(*out));
    if (b->failed) {
        rel__free(b->a, start);
        rel__free(b->a, fill);
        rel__free(b->a, out);
        return;
    }
    for (i = 0; i < p->count; i++)
        fill[p->row[i] + 1]++;
    for (r = 0; r < rows; r++)
        fill[r + 1] += fill[r];
    for (i = 0; i < p->count; i++)
        out[fill[p->row[i]]++] = p->member[i];
    /* fill[r] is now the end of row r: drop repeats row by row, compacting. */
    for (r = 0, i = 0; r < rows; r++) {
        size_t end = fill[r];

        start[r] = (uint32_t)n;
        for (; i < end; i++)
            if (n == start[r] || out[n - 1] != out[i])
                out[n++] = out[i];
    }
    start[rows] = (uint32_t)n;
    rel__free(b->a, fill);
    b->t[start_table] = (table){start, rows + 1};
    b->t[member_table] = (table){out, n};
}

/* ---- strings and keys ---- */

/* Interns strings: equal texts get one key and one number. */
typedef struct interner {
    rel_ix_key *keys;
    size_t count, cap;
    uint32_t *slots; /* 0 empty, else key + 1 */
    size_t slot_cap;
} interner;

static uint32_t intern(builder *b, interner *in, const char *s, size_t len)
{
    uint64_t h = rel__hash(s, len);
    size_t i;

    if (b->failed)
        return 0;
    if ((in->count + 1) * 2 > in->slot_cap) {
        size_t cap = in->slot_cap ? in->slot_cap * 2 : 64, k;
        uint32_t *slots = grab(b, cap, sizeof(*slots));

        if (!slots)
            return 0;
        for (k = 0; k < in->count; k++) {
            const rel_ix_key *key = &in->keys[k];
            for (i = rel__hash(b->strings + key->off, key->len) & (cap - 1); slots[i]; i = (i + 1) & (cap - 1))
                ;
            slots[i] = (uint32_t)k + 1;
        }
        rel__free(b->a, in->slots);
        in->slots = slots;
        in->slot_cap = cap;
    }
    for (i = h & (in->slot_cap - 1); in->slots[i]; i = (i + 1) & (in->slot_cap - 1)) {
        const rel_ix_key *key = &in->keys[in->slots[i] - 1];
        if (key->len == len && memcmp(b->strings + key->off, s, len) == 0)
            return in->slots[i] - 1;
    }
    if (!rel__reserve(b->a, (void **)&in->keys, &in->cap, in->count + 1, sizeof(*in->keys)) ||
        !rel__reserve(b->a, (void **)&b->strings, &b->strings_cap, b->strings_len + len + 1, 1)) {
        b->failed = 1;
        return 0;
    }
    memcpy(b->strings + b->strings_len, s, len);
    b->strings[b->strings_len + len] = '\0';
    in->keys[in->count] = (rel_ix_key){b->strings_len, (uint32_t)len, 0};
    b->strings_len += len + 1;
    in->slots[i] = (uint32_t)in->count + 1;
    return (uint32_t)in->count++;
}

static void free_interner(builder *b, interner *in)
{
    rel__free(b->a, in->keys);
    rel__free(b->a, in->slots);
}

/* A key while sorting: its text by address, so the comparison needs no shared state. */
typedef struct sort_key {
    const char *text;
    rel_ix_key key;
    uint32_t number;
} sort_key;

static int by_text(const void *x, const void *y)
{
    const sort_key *a = x, *b = y;
    size_t n = a->key.len < b->key.len ? a->key.len : b->key.len;
    int c = memcmp(a->text, b->text, n);

    return c ? c : (a->key.len > b->key.len) - (a->key.len < b->key.len);
}

/* Sorts an interner's keys by text, in place, and returns old -> new numbers. */
static uint32_t *sort_keys(builder *b, interner *in)
{
    uint32_t *rank = grab(b, in->count, sizeof(*rank));
    sort_key *sk = grab(b, in->count, sizeof(*sk));
    size_t i;

    if (!rank || !sk) {
        rel__free(b->a, rank);
        rel__free(b->a, sk);
        return NULL;
    }
    for (i = 0; i < in->count; i++)
        sk[i] = (sort_key){b->strings + in->keys[i].off, in->keys[i], (uint32_t)i};
    if (in->count) /* qsort() takes no NULL, even for nothing */
        qsort(sk, in->count, sizeof(*sk), by_text);
    for (i = 0; i < in->count; i++) {
        rank[sk[i].number] = (uint32_t)i;
        in->keys[i] = sk[i].key;
    }
    rel__free(b->a, sk);
    return rank;
}

/* A slot table for keys that live at the start of each element of a table. */
static void make_slots(builder *b, int slots_table, const void *elems, size_t count, size_t stride)
{
    size_t cap = 0, i, k;
    uint32_t *slots;

    if (count) {
        for (cap = 2; cap < count * 2; cap *= 2)
            ;
    }
    if (!(slots = grab(b, cap, sizeof(*slots))))
        return;
    for (k = 0; k < count; k++) {
        const rel_ix_key *key = (const rel_ix_key *)((const unsigned char *)elems + k * stride);
        for (i = rel__hash(b->strings + key->off, key->len) & (cap - 1); slots[i]; i = (i + 1) & (cap - 1))
            ;
        slots[i] = (uint32_t)k + 1;
    }
    b->t[slots_table] = (table){slots, cap};
}

/* ---- the tables ---- */

static uint32_t entity_at(const rel_entity *e) { return (uint32_t)e->index; }

static void event_tables(builder *b)
{
    const rel_kb *kb = b->kb;
    size_t n = kb->events.count, i;
    int64_t *lo = grab(b, n, sizeof(*lo)), *hi = grab(b, n, sizeof(*hi)), *year = grab(b, n, sizeof(*year));
    uint32_t *type = grab(b, n, sizeof(*type)), *rank;
    interner types = {0};

    b->t[IX_EV_FUZZY_LO] = (table){lo, n};
    b->t[IX_EV_FUZZY_HI] = (table){hi, n};
    b->t[IX_EV_YEAR] = (table){year, n};
    b->t[IX_EV_TYPE] = (table){type, n};
    for (i = 0; i < n && !b->failed; i++) {
        const rel_event *ev = kb->events.items[i];

        lo[i] = INT64_MAX;
        hi[i] = INT64_MIN;
        year[i] = INT64_MIN;
        if (ev->time) {
            const rel_time_bounds *bd = &ev->time->bounds;
            lo[i] = bd->fuzzy_lo;
            hi[i] = bd->fuzzy_hi;
            if (bd->lo_kind == REL_BOUND_DAY) {
                int32_t m, d;
                rel_time__civil_from_days(bd->strict_lo, &year[i], &m, &d);
            }
        }
        type[i] = intern(b, &types, ev->type.ptr, ev->type.len);
    }
    if (!b->failed && (rank = sort_keys(b, &types)) != NULL) {
        for (i = 0; i < n; i++)
            type[i] = rank[type[i]];
        rel__free(b->a, rank);
        b->t[IX_TYPES] = (table){types.keys, types.count};
        types.keys = NULL;
    }
    free_interner(b, &types);
}

/* Actor lists, by position and by time, and the pairs of each event. */
typedef struct timed {
    int64_t lo;
    uint32_t a, b, event, pad;
} timed;

static int by_time(const void *x, const void *y)
{
    const timed *p = x, *q = y;

    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    if (p->lo != q->lo)
        return p->lo < q->lo ? -1 : 1;
    return (p->event > q->event) - (p->event < q->event);
}

/* Where the pairs of each smaller entity begin, so a lookup searches only its own. */
static void pair_starts(builder *b, const timed *pr, size_t n)
{
    size_t entities = b->kb->entities.count, i, e = 0;
    uint32_t *start;

    if (b->failed || !(start = grab(b, entities + 1, sizeof(*start))))
        return;
    for (i = 0; i < n; i++)
        while (e <= pr[i].a)
            start[e++] = (uint32_t)i;
    while (e <= entities)
        start[e++] = (uint32_t)n;
    b->t[IX_PAIR_START] = (table){start, entities + 1};
}

static void actor_tables(builder *b)
{
    const rel_kb *kb = b->kb;
    const int64_t *lo = b->t[IX_EV_FUZZY_LO].data, *hi = b->t[IX_EV_FUZZY_HI].data;
    pairs actors = {0};
    timed *byt = NULL, *pr = NULL;
    size_t npr = 0, cap = 0, i, j, k;
    uint32_t *by_time_list;
    rel_ix_pair *out;

    for (i = 0; i < kb->events.count; i++) {
        const rel_event *ev = kb->events.items[i];
        for (j = 0; j < ev->participant_count; j++) {
            uint32_t a = entity_at(ev->participants[j].entity);
            push_pair(b, &actors, a, (uint32_t)i);
            for (k = j + 1; k < ev->participant_count; k++) {
                uint32_t c = entity_at(ev->participants[k].entity);
                if (a == c)
                    continue;
                if (!rel__reserve(b->a, (void **)&pr, &cap, npr + 1, sizeof(*pr))) {
                    b->failed = 1;
                    break;
                }
                pr[npr++] = (timed){lo[i], a < c ? a : c, a < c ? c : a, (uint32_t)i, 0};
            }
        }
    }
    make_rows(b, &actors, kb->entities.count, IX_ACTOR_START, IX_ACTOR_EVENTS);
    free_pairs(b, &actors);
    if (b->failed) {
        rel__free(b->a, pr);
        return;
    }
    /* Repeated pairs in one event (an entity in two roles) collapse here. */
    if (npr)
        qsort(pr, npr, sizeof(*pr), by_time);
    for (i = 0, k = 0; i < npr; i++)
        if (k == 0 || by_time(&pr[k - 1], &pr[i]) != 0)
            pr[k++] = pr[i];
    npr = k;
    out = grab(b, npr, sizeof(*out));
    for (i = 0; out && i < npr; i++)
        out[i] = (rel_ix_pair){pr[i].b, pr[i].event, lo[pr[i].event], hi[pr[i].event]};
    b->t[IX_PAIRS] = (table){out, npr};
    pair_starts(b, pr, npr);
    rel__free(b->a, pr);

    /* The same actor lists ordered by time. */
    k = b->t[IX_ACTOR_EVENTS].count;
    byt = grab(b, k, sizeof(*byt));
    by_time_list = grab(b, k, sizeof(*by_time_list));
    if (b->failed) {
        rel__free(b->a, byt);
        rel__free(b->a, by_time_list);
        return;
    }
    {
        const uint32_t *start = b->t[IX_ACTOR_START].data, *members = b->t[IX_ACTOR_EVENTS].data;
        for (i = 0; i < kb->entities.count; i++)
            for (j = start[i]; j < start[i + 1]; j++)
                byt[j] = (timed){lo[members[j]], (uint32_t)i, 0, members[j], 0};
    }
    if (k)
        qsort(byt, k, sizeof(*byt), by_time);
    for (i = 0; i < k; i++)
        by_time_list[i] = byt[i].event;
    rel__free(b->a, byt);
    b->t[IX_ACTOR_BY_TIME] = (table){by_time_list, k};
}

static uint32_t object_number(const rel_kb *kb, const rel_value *v)
{
    switch (v->kind) {
    case REL_VALUE_ENTITY: return (uint32_t)((const rel_entity *)v->ref)->index;
    case REL_VALUE_EVENT: return (uint32_t)(kb->entities.count + ((const rel_event *)v->ref)->index);
    case REL_VALUE_CLAIM:
        return (uint32_t)(kb->entities.count + kb->events.count + ((const rel_claim *)v->ref)->index);
    default: return REL_IX_NONE;
    }
}

static void push_sources(builder *b, pairs *p, const rel_evidence_list *list, uint32_t member)
{
    size_t i;

    for (i = 0; i < list->count; i++)
        push_pair(b, p, (uint32_t)list->items[i]->source->index, member);
}

static void claim_tables(builder *b)
{
    const rel_kb *kb = b->kb;
    pairs about = {0}, claimant = {0}, src = {0};
    size_t i, j, objects = kb->entities.count + kb->events.count + kb->claims.count;

    for (i = 0; i < kb->claims.count; i++) {
        const rel_claim *c = kb->claims.items[i];
        uint32_t s = object_number(kb, &c->subject), o = object_number(kb, &c->object);

        if (s != REL_IX_NONE)
            push_pair(b, &about, s, (uint32_t)i);
        if (o != REL_IX_NONE && o != s)
            push_pair(b, &about, o, (uint32_t)i);
        /* Its own claimant, and the claimant in each source that states it, as a query reads them. */
        push_pair(b, &claimant, (uint32_t)c->claimant->index, (uint32_t)i);
        for (j = 0; j < c->evidence.count; j++)
            push_pair(b, &claimant, (uint32_t)rel_claim_claimant_in(c, c->evidence.items[j]->source)->index,
                      (uint32_t)i);
        push_sources(b, &src, &c->evidence, (uint32_t)i);
    }
    make_rows(b, &about, objects, IX_ABOUT_START, IX_ABOUT_CLAIMS);
    make_rows(b, &claimant, kb->entities.count, IX_CLAIMANT_START, IX_CLAIMANT_CLAIMS);
    make_rows(b, &src, kb->sources.count, IX_SRC_CLAIM_START, IX_SRC_CLAIMS);
    free_pairs(b, &about);
    free_pairs(b, &claimant);
    free_pairs(b, &src);
}

static void source_and_kind_tables(builder *b)
{
    const rel_kb *kb = b->kb;
    pairs ev = {0}, en = {0}, kind = {0};
    size_t i;

    for (i = 0; i < kb->events.count; i++)
        push_sources(b, &ev, &((const rel_event *)kb->events.items[i])->evidence, (uint32_t)i);
    for (i = 0; i < kb->entities.count; i++) {
        const rel_entity *e = kb->entities.items[i];
        push_sources(b, &en, &e->evidence, (uint32_t)i);
        if (e->kind >= 0 && e->kind < REL_IX_KINDS)
            push_pair(b, &kind, (uint32_t)e->kind, (uint32_t)i);
    }
    make_rows(b, &ev, kb->sources.count, IX_SRC_EVENT_START, IX_SRC_EVENTS);
    make_rows(b, &en, kb->sources.count, IX_SRC_ENTITY_START, IX_SRC_ENTITIES);
    make_rows(b, &kind, REL_IX_KINDS, IX_KIND_START, IX_KIND_ENTITIES);
    free_pairs(b, &ev);
    free_pairs(b, &en);
    free_pairs(b, &kind);
}

/* Groups from an interner and (key, entity) pairs. */
static void make_groups(builder *b, interner *in, pairs *p, const uint32_t *rank, int slots_t, int groups_t,
                        int members_t)
{
    rel_ix_group *g;
    const uint32_t *start;
    size_t i;

    if (rank)
        for (i = 0; i < p->count; i++)
            p->row[i] = rank[p->row[i]];
    /* The start table is only a step here: it becomes the groups' ranges. */
    make_rows(b, p, in->count, groups_t, members_t);
    if (b->failed)
        return;
    start = b->t[groups_t].data;
    if (!(g = grab(b, in->count, sizeof(*g)))) {
        return;
    }
    for (i = 0; i < in->count; i++)
        g[i] = (rel_ix_group){in->keys[i], start[i], start[i + 1] - start[i]};
    rel__free(b->a, b->t[groups_t].data);
    b->t[groups_t] = (table){g, in->count};
    make_slots(b, slots_t, g, in->count, sizeof(*g));
}

static void alias_name(builder *b, interner *exact, interner *norm, pairs *pe, pairs *pn, const rel_str *s,
                       uint32_t entity)
{
    char *n;
    size_t len;
    rel_status st;

    push_pair(b, pe, intern(b, exact, s->ptr, s->len), entity);
    st = rel__normalise(b->a, s->ptr, s->len, &n, &len);
    if (st == REL_ERR_NOMEM) {
        b->failed = 1;
        return;
    }
    if (st != REL_OK) {
        b->st = b->st ? b->st : st;
        return;
    }
    push_pair(b, pn, intern(b, norm, n, len), entity);
    rel__free(b->a, n);
}

static void alias_tables(builder *b)
{
    const rel_kb *kb = b->kb;
    interner exact = {0}, norm = {0};
    pairs pe = {0}, pn = {0};
    uint32_t *rank = NULL;
    size_t i, j;

    for (i = 0; i < kb->entities.count && !b->failed; i++) {
        const rel_entity *e = kb->entities.items[i];
        alias_name(b, &exact, &norm, &pe, &pn, &e->name, (uint32_t)i);
        for (j = 0; j < e->alias_count; j++)
            alias_name(b, &exact, &norm, &pe, &pn, &e->aliases[j].text, (uint32_t)i);
    }
    if (!b->failed)
        make_groups(b, &exact, &pe, NULL, IX_EXACT_SLOTS, IX_EXACT_GROUPS, IX_EXACT_ENTITIES);
    if (!b->failed && (rank = sort_keys(b, &norm)) != NULL)
        make_groups(b, &norm, &pn, rank, IX_NORM_SLOTS, IX_NORM_GROUPS, IX_NORM_ENTITIES);
    rel__free(b->a, rank);
    free_pairs(b, &pe);
    free_pairs(b, &pn);
    free_interner(b, &exact);
    free_interner(b, &norm);
}

/* ---- words ---- */

typedef struct word_sink {
    builder *b;
    interner *words;
    pairs *p;
    uint32_t member;
} word_sink;

static rel_status add_word(const char *w, size_t len, void *payload)
{
    word_sink *s = payload;

    push_pair(s->b, s->p, intern(s->b, s->words, w, len), s->member);
    return s->b->failed ? REL_ERR_NOMEM : REL_OK;
}

static void words_of(word_sink *s, const char *text, size_t len)
{
    rel_status st;

    if (!text || s->b->failed)
        return;
    st = rel_ix__words(s->b->a, text, len, add_word, s);
    if (st == REL_ERR_NOMEM)
        s->b->failed = 1;
    else if (st != REL_OK && !s->b->st)
        s->b->st = st;
}

static void evidence_words(word_sink *s, const rel_evidence_list *list)
{
    size_t i;

    for (i = 0; i < list->count; i++) {
        const rel_evidence *ev = list->items[i];
        words_of(s, ev->source->text.ptr + ev->start, (size_t)(ev->end - ev->start));
    }
}

static void word_tables(builder *b)
{
    const rel_kb *kb = b->kb;
    interner words = {0};
    pairs p[REL_IX_WORD_FAMILIES] = {{0}};
    word_sink s = {b, &words, NULL, 0};
    uint32_t *start[REL_IX_WORD_FAMILIES] = {0}, *postings;
    rel_ix_word *w;
    size_t i, j, f, total = 0, at = 0;

    s.p = &p[REL_IX_WORD_EVENTS];
    for (i = 0; i < kb->events.count; i++) {
        s.member = (uint32_t)i;
        evidence_words(&s, &((const rel_event *)kb->events.items[i])->evidence);
    }
    s.p = &p[REL_IX_WORD_CLAIMS];
    for (i = 0; i < kb->claims.count; i++) {
        const rel_claim *c = kb->claims.items[i];
        s.member = (uint32_t)i;
        if (c->subject.kind == REL_VALUE_LITERAL)
            words_of(&s, c->subject.text.ptr, c->subject.text.len);
        words_of(&s, c->predicate.ptr, c->predicate.len);
        if (c->object.kind == REL_VALUE_LITERAL)
            words_of(&s, c->object.text.ptr, c->object.text.len);
        evidence_words(&s, &c->evidence);
    }
    s.p = &p[REL_IX_WORD_ENTITIES];
    for (i = 0; i < kb->entities.count; i++) {
        const rel_entity *e = kb->entities.items[i];
        s.member = (uint32_t)i;
        words_of(&s, e->name.ptr, e->name.len);
        for (j = 0; j < e->alias_count; j++)
            words_of(&s, e->aliases[j].text.ptr, e->aliases[j].text.len);
        evidence_words(&s, &e->evidence);
    }
    /* Each family's lists are made in turn through the word tables, then moved out. */
    for (f = 0; f < REL_IX_WORD_FAMILIES && !b->failed; f++) {
        make_rows(b, &p[f], words.count, IX_WORD_SLOTS, IX_WORD_POSTINGS);
        free_pairs(b, &p[f]);
        if (b->failed)
            break;
        start[f] = b->t[IX_WORD_SLOTS].data;
        p[f].row = b->t[IX_WORD_POSTINGS].data;
        p[f].count = b->t[IX_WORD_POSTINGS].count;
        b->t[IX_WORD_SLOTS] = (table){NULL, 0};
        b->t[IX_WORD_POSTINGS] = (table){NULL, 0};
        total += p[f].count;
    }
    w = grab(b, words.count, sizeof(*w));
    postings = grab(b, total, sizeof(*postings));
    if (!b->failed) {
        for (f = 0; f < REL_IX_WORD_FAMILIES; f++) {
            memcpy(postings + at, p[f].row, p[f].count * sizeof(*postings));
            for (i = 0; i < words.count; i++) {
                w[i].key = words.keys[i];
                w[i].first[f] = (uint32_t)(at + start[f][i]);
                w[i].count[f] = start[f][i + 1] - start[f][i];
            }
            at += p[f].count;
        }
        b->t[IX_WORDS] = (table){w, words.count};
        b->t[IX_WORD_POSTINGS] = (table){postings, total};
        make_slots(b, IX_WORD_SLOTS, w, words.count, sizeof(*w));
    } else {
        rel__free(b->a, w);
        rel__free(b->a, postings);
    }
    for (f = 0; f < REL_IX_WORD_FAMILIES; f++) {
        rel__free(b->a, start[f]);
        free_pairs(b, &p[f]);
    }
    free_interner(b, &words);
}

/* ---- the block ---- */

static rel_status assemble(builder *b, rel_index **out, rel_error *err)
{
    const rel_kb *kb = b->kb;
    rel_ix_header h;
    size_t len = sizeof(h), t;
    unsigned char *block;
    rel_index *ix;
    rel_status st;

    memset(&h, 0, sizeof(h));
    h.magic = REL_IX_MAGIC;
    h.table_count = IX_TABLE_COUNT;
    h.sources = kb->sources.count;
    h.entities = kb->entities.count;
    h.events = kb->events.count;
    h.claims = kb->claims.count;
    b->t[IX_STRINGS] = (table){b->strings, b->strings_len};
    b->strings = NULL;
    for (t = 0; t < IX_TABLE_COUNT; t++) {
        len = (len + 7) & ~(size_t)7;
        h.tables[t].offset = len;
        h.tables[t].count = b->t[t].count;
        len += b->t[t].count * rel_ix__elem_size((int)t);
    }
    len = (len + 7) & ~(size_t)7;
    block = rel__calloc(b->a, 1, len);
    ix = rel__calloc(b->a, 1, sizeof(*ix));
    if (!block || !ix) {
        rel__free(b->a, block);
        rel__free(b->a, ix);
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    }
    memcpy(block, &h, sizeof(h));
    for (t = 0; t < IX_TABLE_COUNT; t++)
        if (b->t[t].count)
            memcpy(block + h.tables[t].offset, b->t[t].data, b->t[t].count * rel_ix__elem_size((int)t));
    *ix = (rel_index){.alloc = b->a, .owned = block, .data = block, .len = len, .sources = h.sources,
                      .entities = h.entities, .events = h.events, .claims = h.claims};
    if ((st = rel_ix__bind(ix, err)) != REL_OK) {
        rel_index__free(ix);
        return st;
    }
    *out = ix;
    return REL_OK;
}

rel_status rel_index__build(rel_index **out, const rel_kb *kb, rel_error *err)
{
    builder b;
    rel_status st;
    size_t t;

    *out = NULL;
    if (kb->entities.count >= UINT32_MAX || kb->events.count >= UINT32_MAX || kb->claims.count >= UINT32_MAX ||
        kb->entities.count + kb->events.count + kb->claims.count >= UINT32_MAX)
        return rel__error_set(err, REL_ERR_LIMIT, "too many objects to index (2^32 - 2 at most)");
    memset(&b, 0, sizeof(b));
    b.kb = kb;
    b.a = &kb->alloc;
    event_tables(&b);
    if (!b.failed)
        actor_tables(&b);
    if (!b.failed)
        claim_tables(&b);
    if (!b.failed)
        source_and_kind_tables(&b);
    if (!b.failed)
        alias_tables(&b);
    if (!b.failed && !b.st)
        word_tables(&b);
    if (b.failed)
        st = rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    else if (b.st)
        st = rel__error_set(err, b.st, "cannot index the knowledge base: %s", rel_status_str(b.st));
    else
        st = assemble(&b, out, err);
    for (t = 0; t < IX_TABLE_COUNT; t++)
        rel__free(b.a, b.t[t].data);
    rel__free(b.a, b.strings);
    return st;
}
