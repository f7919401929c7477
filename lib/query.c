/* SPDX-License-Identifier: MIT */
/*
 * Queries. rel_query_new() turns each filter into either a sorted list of
 * candidates from the index or a test, walks the shortest list, and tests
 * each candidate against the other filters. Every list is sorted by
 * position, so results come in the knowledge base's order and a
 * membership test is a binary search.
 */
#include <relations/query.h>
#include <relations/time.h>

#include "error.h"
#include "index_impl.h"
#include "kb_impl.h"
#include "text.h"
#include "time_impl.h"

#include <stdlib.h>
#include <string.h>

/* A sorted list of positions: borrowed from the index, or owned. */
typedef struct list {
    const uint32_t *items;
    uint32_t count;
} list;

struct rel_query {
    const rel_kb *kb;
    const rel_index *ix;
    int32_t target;
    uint64_t universe; /* objects of the target kind */

    /* filters; a list with items NULL is not set */
    list actor, actor2;   /* events of each actor */
    uint32_t actor_at[2]; /* their positions */
    int has_window;
    int64_t lo, hi;
    int32_t semantics;
    int has_type;
    uint32_t type_lo, type_hi; /* type numbers [lo, hi) */
    const rel_source *source;
    list in_source;
    const rel_entity *claimant;
    list by_claimant;
    int32_t modality;
    int32_t kind;
    list about;
    list actor_claims;         /* claims: about the actor or its events */
    list alias;
    list *words;               /* one list per distinct word of the text */
    size_t word_count, word_cap;
    int empty;                 /* a filter that nothing can meet */

    list walk;                 /* the candidates */
    const list *walk_from;     /* the filter they come from, met by all of them */
    int walk_pair;             /* they come from the pair of actors */
    int walk_all;              /* every object instead */
    uint32_t *owned;           /* a list made for this query (at most one per target) */
    uint64_t pos;
};

/* ---- options ---- */

rel_status rel_query_options_init(rel_query_options *opts, uint32_t version)
{
    static const rel_query_options defaults = REL_QUERY_OPTIONS_INIT;

    if (!opts || version == 0 || version > REL_QUERY_OPTIONS_VERSION)
        return REL_ERR_ARG;
    *opts = defaults;
    opts->version = version;
    return REL_OK;
}

static const char *target_name(int32_t t)
{
    return t == REL_QUERY_EVENTS ? "events" : t == REL_QUERY_CLAIMS ? "claims" : "entities";
}

/* Refuses a filter that is set but does not apply to the target. */
static rel_status check_applies(const rel_query_options *o, rel_error *err)
{
    static const struct {
        const char *name;
        unsigned targets; /* bit per target */
    } filters[] = {
        {"actor", 3}, {"actor2", 1}, {"window", 1}, {"type", 1}, {"source", 7},
        {"claimant", 2}, {"modality", 2}, {"about", 2}, {"entity_kind", 4}, {"alias", 4}, {"text", 7},
    };
    const int set[] = {o->actor != NULL, o->actor2 != NULL, o->window != NULL, o->type != NULL,
                       o->source != NULL, o->claimant != NULL, o->modality != REL_MODALITY_NONE,
                       o->about != NULL, o->entity_kind != REL_QUERY_ANY_KIND, o->alias != NULL, o->text != NULL};
    size_t i;

    for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++)
        if (set[i] && !(filters[i].targets & (1u << o->target)))
            return rel__error_set(err, REL_ERR_ARG, "\"%s\" is not a filter of %s queries", filters[i].name,
                                  target_name(o->target));
    if (o->actor2 && !o->actor)
        return rel__error_set(err, REL_ERR_ARG, "\"actor2\" needs \"actor\"");
    return REL_OK;
}

static rel_status check_options(const rel_query_options *o, rel_error *err)
{
    if (o->version == 0 || o->version > REL_QUERY_OPTIONS_VERSION)
        return rel__error_set(err, REL_ERR_ARG, "unknown options version %u", (unsigned)o->version);
    if (o->target < REL_QUERY_EVENTS || o->target > REL_QUERY_ENTITIES)
        return rel__error_set(err, REL_ERR_ARG, "unknown target %d", (int)o->target);
    if (o->window_semantics != REL_WINDOW_CERTAIN && o->window_semantics != REL_WINDOW_POSSIBLE)
        return rel__error_set(err, REL_ERR_ARG, "unknown window semantics %d", (int)o->window_semantics);
    if (o->modality != REL_MODALITY_NONE && !rel_modality_name(o->modality))
        return rel__error_set(err, REL_ERR_ARG, "unknown modality %d", (int)o->modality);
    if (o->entity_kind != REL_QUERY_ANY_KIND && !rel_entity_kind_name(o->entity_kind))
        return rel__error_set(err, REL_ERR_ARG, "unknown entity kind %d", (int)o->entity_kind);
    if (o->alias_match != REL_MATCH_EXACT && o->alias_match != REL_MATCH_NORMALISED &&
        o->alias_match != REL_MATCH_PREFIX)
        return rel__error_set(err, REL_ERR_ARG, "unknown alias match %d", (int)o->alias_match);
    return check_applies(o, err);
}

/* ---- resolving filters ---- */

static rel_status find_entity(const rel_query *q, const char *what, const char *id, const rel_entity **out,
                              rel_error *err)
{
    if (!rel__utf8_valid(id, strlen(id)))
        return rel__error_set(err, REL_ERR_UTF8, "%s id is not valid UTF-8", what);
    if (rel_kb_find_entity(q->kb, id, REL_NTS, out) != REL_OK)
        return rel__error_set(err, REL_ERR_NOT_FOUND, "%s \"%.60s\": no such entity", what, id);
    return REL_OK;
}

static list actor_events(const rel_query *q, const rel_entity *e)
{
    list l;

    l.items = rel_ix__row(q->ix, IX_ACTOR_START, IX_ACTOR_EVENTS, rel_entity__index(e), &l.count);
    return l;
}

static rel_status set_window(rel_query *q, const char *expr, rel_error *err)
{
    rel_time *t;
    rel_time_bounds b;
    rel_status st = rel_time_parse(&t, expr, REL_NTS, err);

    if (st != REL_OK)
        return st;
    rel_time_get_bounds(t, &b);
    rel_time_free(t);
    q->has_window = 1;
    q->lo = b.lo_kind == REL_BOUND_DAY ? b.strict_lo : INT64_MIN;
    q->hi = b.hi_kind == REL_BOUND_DAY ? b.strict_hi : INT64_MAX;
    return REL_OK;
}

/* The first type whose text is not below text + tail (tail: one more character, or none). */
static uint32_t first_type_from(const rel_query *q, const char *text, size_t len, const char *tail)
{
    const rel_ix_key *k = q->ix->table[IX_TYPES];
    uint32_t lo = 0, hi = (uint32_t)q->ix->count[IX_TYPES];
    size_t n = len + (tail != NULL);

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const char *s = rel_ix__str(q->ix, &k[mid]);
        size_t m = k[mid].len < len ? k[mid].len : len;
        int c = memcmp(s, text, m);

        if (c == 0 && tail && k[mid].len > len)
            c = (unsigned char)s[len] - (unsigned char)*tail;
        else if (c == 0)
            c = (k[mid].len > m) - (n > m);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/*
 * Types are numbered in text order. A type and its subtypes ("AID",
 * "AID.military") are then one run: every text from "AID" up to, not
 * including, "AID/" ('/' follows '.'), since no character a type may hold
 * (see rel_kb_add_event()) sorts between the end of a text and '.'.
 */
static void set_type(rel_query *q, const char *type)
{
    size_t len = strlen(type);

    q->has_type = 1;
    q->type_lo = first_type_from(q, type, len, NULL);
    q->type_hi = first_type_from(q, type, len, "/");
}

static rel_status set_source(rel_query *q, const char *id, rel_error *err)
{
    static const int start[] = {IX_SRC_EVENT_START, IX_SRC_CLAIM_START, IX_SRC_ENTITY_START};
    static const int members[] = {IX_SRC_EVENTS, IX_SRC_CLAIMS, IX_SRC_ENTITIES};

    if (!rel__utf8_valid(id, strlen(id)))
        return rel__error_set(err, REL_ERR_UTF8, "source id is not valid UTF-8");
    if (rel_kb_find_source(q->kb, id, REL_NTS, &q->source) != REL_OK)
        return rel__error_set(err, REL_ERR_NOT_FOUND, "source \"%.60s\": no such source", id);
    q->in_source.items = rel_ix__row(q->ix, start[q->target], members[q->target], rel_source_index(q->source),
                                     &q->in_source.count);
    return REL_OK;
}

static rel_status set_about(rel_query *q, const char *id, rel_error *err)
{
    const rel_kb *kb = q->kb;
    uint64_t n;
    const rel_entity *e;
    const rel_event *ev;
    const rel_claim *c;

    if (!rel__utf8_valid(id, strlen(id)))
        return rel__error_set(err, REL_ERR_UTF8, "about id is not valid UTF-8");
    if (rel_kb_find_entity(kb, id, REL_NTS, &e) == REL_OK)
        n = rel_entity__index(e);
    else if (rel_kb_find_event(kb, id, REL_NTS, &ev) == REL_OK)
        n = rel_kb_entity_count(kb) + rel_event__index(ev);
    else if (rel_kb_find_claim(kb, id, REL_NTS, &c) == REL_OK)
        n = rel_kb_entity_count(kb) + rel_kb_event_count(kb) + rel_claim__index(c);
    else
        return rel__error_set(err, REL_ERR_NOT_FOUND, "about \"%.60s\": no entity, event or claim has that id", id);
    q->about.items = rel_ix__row(q->ix, IX_ABOUT_START, IX_ABOUT_CLAIMS, n, &q->about.count);
    return REL_OK;
}

static int by_value(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

    return (a > b) - (a < b);
}

/*
 * Sorts and de-duplicates a list made for this query, which then owns it.
 * Each target makes at most one: pairs for events, the actor's claims for
 * claims, alias prefixes for entities.
 */
static list own(rel_query *q, uint32_t *items, size_t n)
{
    size_t i, k = 0;

    qsort(items, n, sizeof(*items), by_value);
    for (i = 0; i < n; i++)
        if (k == 0 || items[k - 1] != items[i])
            items[k++] = items[i];
    q->owned = items;
    return (list){items, (uint32_t)k};
}

/* Claims about the actor itself or about an event it takes part in. */
static rel_status set_actor_claims(rel_query *q, const rel_entity *e, rel_error *err)
{
    const rel_kb *kb = q->kb;
    list events = actor_events(q, e), rows[2];
    uint64_t total;
    uint32_t i, j, *items;
    size_t n = 0;

    rows[0].items = rel_ix__row(q->ix, IX_ABOUT_START, IX_ABOUT_CLAIMS, rel_entity__index(e), &rows[0].count);
    total = rows[0].count;
    for (i = 0; i < events.count; i++) {
        rel_ix__row(q->ix, IX_ABOUT_START, IX_ABOUT_CLAIMS, rel_kb_entity_count(kb) + events.items[i], &rows[1].count);
        total += rows[1].count;
    }
    if (!(items = rel__malloc(&kb->alloc, (total ? total : 1) * sizeof(*items))))
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    memcpy(items, rows[0].items, rows[0].count * sizeof(*items));
    n = rows[0].count;
    for (i = 0; i < events.count; i++) {
        rows[1].items = rel_ix__row(q->ix, IX_ABOUT_START, IX_ABOUT_CLAIMS, rel_kb_entity_count(kb) + events.items[i],
                                    &rows[1].count);
        for (j = 0; j < rows[1].count; j++)
            items[n++] = rows[1].items[j];
    }
    q->actor_claims = own(q, items, n);
    return REL_OK;
}

static rel_status set_alias(rel_query *q, const char *text, int32_t match, rel_error *err)
{
    const rel_index *ix = q->ix;
    const rel_allocator *a = &q->kb->alloc;
    size_t len = strlen(text), norm_len;
    char *norm = NULL;
    rel_status st;
    uint32_t g;

    if (!rel__utf8_valid(text, len))
        return rel__error_set(err, REL_ERR_UTF8, "alias is not valid UTF-8");
    if (match == REL_MATCH_EXACT) {
        g = rel_ix__find(ix, IX_EXACT_SLOTS, IX_EXACT_GROUPS, text, len);
        if (g != REL_IX_NONE) {
            const rel_ix_group *gr = (const rel_ix_group *)ix->table[IX_EXACT_GROUPS] + g;
            q->alias = (list){(const uint32_t *)ix->table[IX_EXACT_ENTITIES] + gr->first, gr->count};
        } else {
            q->empty = 1;
        }
        return REL_OK;
    }
    if ((st = rel__normalise(a, text, len, &norm, &norm_len)) != REL_OK)
        return rel__error_set(err, st, st == REL_ERR_NOMEM ? "out of memory" : "alias is not valid UTF-8");
    if (match == REL_MATCH_NORMALISED) {
        g = rel_ix__find(ix, IX_NORM_SLOTS, IX_NORM_GROUPS, norm, norm_len);
        if (g != REL_IX_NONE) {
            const rel_ix_group *gr = (const rel_ix_group *)ix->table[IX_NORM_GROUPS] + g;
            q->alias = (list){(const uint32_t *)ix->table[IX_NORM_ENTITIES] + gr->first, gr->count};
        } else {
            q->empty = 1;
        }
    } else {
        /* The groups are sorted by text: those that begin with the prefix are a run. */
        const rel_ix_group *gr = ix->table[IX_NORM_GROUPS];
        uint32_t lo = 0, hi = (uint32_t)ix->count[IX_NORM_GROUPS], end, i, *items;
        size_t total = 0, n = 0;

        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            const rel_ix_key *k = &gr[mid].key;
            size_t m = k->len < norm_len ? k->len : norm_len;
            int c = memcmp(rel_ix__str(ix, k), norm, m);

            if (c < 0 || (c == 0 && k->len < norm_len))
                lo = mid + 1;
            else
                hi = mid;
        }
        for (end = lo; end < ix->count[IX_NORM_GROUPS] && gr[end].key.len >= norm_len &&
                       memcmp(rel_ix__str(ix, &gr[end].key), norm, norm_len) == 0;
             end++)
            total += gr[end].count;
        if (!(items = rel__malloc(a, (total ? total : 1) * sizeof(*items)))) {
            rel__free(a, norm);
            return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
        }
        for (i = lo; i < end; i++) {
            memcpy(items + n, (const uint32_t *)ix->table[IX_NORM_ENTITIES] + gr[i].first, gr[i].count * sizeof(*items));
            n += gr[i].count;
        }
        q->alias = own(q, items, n);
        q->empty |= n == 0;
    }
    rel__free(a, norm);
    return REL_OK;
}

static rel_status add_word(const char *w, size_t len, void *payload)
{
    rel_query *q = payload;
    const rel_ix_word *word;
    uint32_t i = rel_ix__find(q->ix, IX_WORD_SLOTS, IX_WORDS, w, len);
    list l;
    size_t k;

    if (i == REL_IX_NONE) {
        q->empty = 1;
        return REL_OK;
    }
    word = (const rel_ix_word *)q->ix->table[IX_WORDS] + i;
    l = (list){(const uint32_t *)q->ix->table[IX_WORD_POSTINGS] + word->first[q->target], word->count[q->target]};
    for (k = 0; k < q->word_count; k++)
        if (q->words[k].items == l.items && q->words[k].count == l.count)
            return REL_OK; /* a word said twice */
    if (!rel__reserve(&q->kb->alloc, (void **)&q->words, &q->word_cap, q->word_count + 1, sizeof(*q->words)))
        return REL_ERR_NOMEM;
    q->words[q->word_count++] = l;
    return REL_OK;
}

static rel_status set_text(rel_query *q, const char *text, rel_error *err)
{
    rel_status st;
    size_t len = strlen(text);

    if (!rel__utf8_valid(text, len))
        return rel__error_set(err, REL_ERR_UTF8, "text is not valid UTF-8");
    st = rel_ix__words(&q->kb->alloc, text, len, add_word, q);
    if (st != REL_OK)
        return rel__error_set(err, st, "%s", st == REL_ERR_NOMEM ? "out of memory" : "text is not valid UTF-8");
    return REL_OK;
}

/* ---- testing candidates ---- */

static int in(const rel_query *q, const list *l, uint32_t i)
{
    return !l->items || l == q->walk_from || rel_ix__has(l->items, l->count, i);
}

/* Whether a claim's claimant or modality, in a source or in any, is the one asked for. */
static int claim_voice(const rel_query *q, const rel_claim *c)
{
    size_t i, n;

    if (q->source)
        return (!q->claimant || rel_claim_claimant_in(c, q->source) == q->claimant) &&
               (q->modality == REL_MODALITY_NONE || rel_claim_modality_in(c, q->source) == q->modality);
    if (q->claimant && !in(q, &q->by_claimant, (uint32_t)rel_claim__index(c)))
        return 0;
    if (q->modality == REL_MODALITY_NONE || rel_claim_modality(c) == q->modality)
        return 1;
    n = rel_claim_evidence_count(c);
    for (i = 0; i < n; i++)
        if (rel_claim_modality_in(c, rel_evidence_source(rel_claim_evidence_at(c, i))) == q->modality)
            return 1;
    return 0;
}

/*
 * rel_time_in_window() from the index's copy of the fuzzy bounds, without
 * reading the event: a side that is not a day is INT64_MIN or INT64_MAX
 * there (no day comes near either), and an event without a time has
 * INT64_MAX as its lower bound.
 */
static int in_window(const rel_query *q, uint32_t i)
{
    int64_t lo = ((const int64_t *)q->ix->table[IX_EV_FUZZY_LO])[i];
    int64_t hi = ((const int64_t *)q->ix->table[IX_EV_FUZZY_HI])[i];

    if (lo == INT64_MAX)
        return 0;
    if (q->semantics == REL_WINDOW_CERTAIN)
        return lo != INT64_MIN && hi != INT64_MAX && lo >= q->lo && hi <= q->hi;
    return lo <= q->hi && hi >= q->lo;
}

static int matches(const rel_query *q, uint32_t i)
{
    const rel_kb *kb = q->kb;
    size_t w;

    for (w = 0; w < q->word_count; w++)
        if (!in(q, &q->words[w], i))
            return 0;
    if (!in(q, &q->in_source, i))
        return 0;
    switch (q->target) {
    case REL_QUERY_EVENTS: {
        const uint32_t *type = q->ix->table[IX_EV_TYPE];

        if (!q->walk_pair && (!in(q, &q->actor, i) || !in(q, &q->actor2, i)))
            return 0;
        if (q->has_type && (type[i] < q->type_lo || type[i] >= q->type_hi))
            return 0;
        if (q->has_window && !in_window(q, i))
            return 0;
        return 1;
    }
    case REL_QUERY_CLAIMS:
        if (!in(q, &q->about, i) || !in(q, &q->actor_claims, i))
            return 0;
        return (!q->claimant && q->modality == REL_MODALITY_NONE) || claim_voice(q, rel_kb_claim_at(kb, i));
    default:
        if (!in(q, &q->alias, i))
            return 0;
        return q->kind == REL_QUERY_ANY_KIND || rel_entity_kind(rel_kb_entity_at(kb, i)) == q->kind;
    }
}

/* ---- choosing the walk ---- */

static void consider(rel_query *q, const list *l)
{
    if (l->items && (q->walk_all || l->count < q->walk.count)) {
        q->walk = *l;
        q->walk_from = l;
        q->walk_all = 0;
    }
}

/*
 * Events of a pair in a window: the pair's entries are in time order, so
 * the scan stops at the first that starts after the window. Each entry
 * carries its event's fuzzy bounds, so no event is read on the way; the
 * candidates are still tested exactly by matches().
 */
static rel_status pair_in_window(rel_query *q, uint32_t a, uint32_t b, rel_error *err)
{
    const rel_ix_pair *p = q->ix->table[IX_PAIRS];
    const uint32_t *start = q->ix->table[IX_PAIR_START];
    uint32_t first, last, i, *items;
    size_t n = 0;

    if (a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    first = start[a];
    last = start[a + 1];
    while (first < last) {
        uint32_t mid = first + (last - first) / 2;
        if (p[mid].b < b)
            first = mid + 1;
        else
            last = mid;
    }
    for (last = first; last < start[a + 1] && p[last].b == b; last++)
        ;
    if (!(items = rel__malloc(&q->kb->alloc, (last - first ? last - first : 1) * sizeof(*items))))
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    for (i = first; i < last && (!q->has_window || p[i].lo <= q->hi); i++)
        if (!q->has_window || p[i].hi >= q->lo)
            items[n++] = p[i].event;
    q->walk = own(q, items, n);
    q->walk_all = 0;
    q->walk_pair = 1;
    return REL_OK;
}

static rel_status choose_walk(rel_query *q, rel_error *err)
{
    size_t w;

    q->walk_all = 1;
    q->walk = (list){NULL, 0};
    q->walk_from = NULL;
    if (q->target == REL_QUERY_EVENTS && q->actor2.items && q->actor_at[0] != q->actor_at[1])
        return pair_in_window(q, q->actor_at[0], q->actor_at[1], err);
    consider(q, &q->actor);
    consider(q, &q->actor2);
    consider(q, &q->in_source);
    consider(q, &q->by_claimant);
    consider(q, &q->about);
    consider(q, &q->actor_claims);
    consider(q, &q->alias);
    for (w = 0; w < q->word_count; w++)
        consider(q, &q->words[w]);
    if (q->walk_all && q->target == REL_QUERY_ENTITIES && q->kind != REL_QUERY_ANY_KIND && q->kind < REL_IX_KINDS) {
        q->walk.items = rel_ix__row(q->ix, IX_KIND_START, IX_KIND_ENTITIES, (uint64_t)q->kind, &q->walk.count);
        q->walk_all = 0;
    }
    return REL_OK;
}

/* ---- the API ---- */

static rel_status set_filters(rel_query *q, const rel_query_options *o, rel_error *err)
{
    rel_status st;
    const rel_entity *e;

    q->semantics = o->window_semantics;
    q->modality = o->modality;
    q->kind = o->entity_kind;
    if (o->actor) {
        if ((st = find_entity(q, "actor", o->actor, &e, err)) != REL_OK)
            return st;
        q->actor_at[0] = q->actor_at[1] = (uint32_t)rel_entity__index(e);
        if (q->target == REL_QUERY_EVENTS)
            q->actor = actor_events(q, e);
        else if ((st = set_actor_claims(q, e, err)) != REL_OK)
            return st;
    }
    if (o->actor2) {
        if ((st = find_entity(q, "actor2", o->actor2, &e, err)) != REL_OK)
            return st;
        q->actor_at[1] = (uint32_t)rel_entity__index(e);
        q->actor2 = actor_events(q, e);
    }
    if (o->window && (st = set_window(q, o->window, err)) != REL_OK)
        return st;
    if (o->type)
        set_type(q, o->type);
    if (o->source && (st = set_source(q, o->source, err)) != REL_OK)
        return st;
    if (o->claimant) {
        if ((st = find_entity(q, "claimant", o->claimant, &q->claimant, err)) != REL_OK)
            return st;
        if (!q->source)
            q->by_claimant.items = rel_ix__row(q->ix, IX_CLAIMANT_START, IX_CLAIMANT_CLAIMS,
                                               rel_entity__index(q->claimant), &q->by_claimant.count);
    }
    if (o->about && (st = set_about(q, o->about, err)) != REL_OK)
        return st;
    if (o->alias && (st = set_alias(q, o->alias, o->alias_match, err)) != REL_OK)
        return st;
    if (o->text && (st = set_text(q, o->text, err)) != REL_OK)
        return st;
    if (q->has_type && q->type_lo >= q->type_hi)
        q->empty = 1;
    return choose_walk(q, err);
}

rel_status rel_query_new(rel_query **out, const rel_kb *kb, const rel_query_options *opts, rel_error *err)
{
    rel_query *q;
    rel_status st;

    rel__error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !kb || !opts)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    if ((st = check_options(opts, err)) != REL_OK)
        return st;
    if (!(q = rel__calloc(&kb->alloc, 1, sizeof(*q))))
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    q->kb = kb;
    q->target = opts->target;
    q->universe = opts->target == REL_QUERY_EVENTS   ? rel_kb_event_count(kb)
                  : opts->target == REL_QUERY_CLAIMS ? rel_kb_claim_count(kb)
                                                     : rel_kb_entity_count(kb);
    if ((st = rel_kb__index(kb, &q->ix, err)) != REL_OK || (st = set_filters(q, opts, err)) != REL_OK) {
        rel_query_free(q);
        return st;
    }
    *out = q;
    return REL_OK;
}

void rel_query_free(rel_query *q)
{
    if (!q)
        return;
    rel__free(&q->kb->alloc, q->owned);
    rel__free(&q->kb->alloc, q->words);
    rel__free(&q->kb->alloc, q);
}

/* The position of the next result from *pos on, or REL_IX_NONE. */
static uint32_t next_match(const rel_query *q, uint64_t *pos)
{
    if (q->empty)
        return REL_IX_NONE;
    for (; q->walk_all ? *pos < q->universe : *pos < q->walk.count; (*pos)++) {
        uint32_t i = q->walk_all ? (uint32_t)*pos : q->walk.items[*pos];

        if (matches(q, i)) {
            (*pos)++;
            return i;
        }
    }
    return REL_IX_NONE;
}

static rel_status next(rel_query *q, int32_t target, const void **out)
{
    uint32_t i;

    if (out)
        *out = NULL;
    if (!q || !out || q->target != target)
        return REL_ERR_ARG;
    if ((i = next_match(q, &q->pos)) == REL_IX_NONE)
        return REL_DONE;
    *out = target == REL_QUERY_EVENTS   ? (const void *)rel_kb_event_at(q->kb, i)
           : target == REL_QUERY_CLAIMS ? (const void *)rel_kb_claim_at(q->kb, i)
                                        : (const void *)rel_kb_entity_at(q->kb, i);
    return REL_OK;
}

rel_status rel_query_next_event(rel_query *q, const rel_event **out)
{
    return next(q, REL_QUERY_EVENTS, (const void **)out);
}

rel_status rel_query_next_claim(rel_query *q, const rel_claim **out)
{
    return next(q, REL_QUERY_CLAIMS, (const void **)out);
}

rel_status rel_query_next_entity(rel_query *q, const rel_entity **out)
{
    return next(q, REL_QUERY_ENTITIES, (const void **)out);
}

rel_status rel_query_reset(rel_query *q)
{
    if (!q)
        return REL_ERR_ARG;
    q->pos = 0;
    return REL_OK;
}

rel_status rel_query_count(const rel_query *q, size_t *count)
{
    uint64_t pos = 0;
    size_t n = 0;

    if (count)
        *count = 0;
    if (!q || !count)
        return REL_ERR_ARG;
    while (next_match(q, &pos) != REL_IX_NONE)
        n++;
    *count = n;
    return REL_OK;
}

static int by_year(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

    return (a > b) - (a < b);
}

/* Writes up to cap rows for a year list; returns how many years there are. */
static size_t emit(rel_year_count *rows, size_t cap, size_t out, int64_t year, uint64_t count)
{
    if (out < cap)
        rows[out] = (rel_year_count){year, count};
    return out + 1;
}

/*
 * Counts years into rows; *out receives how many years there are. Dates
 * of a few centuries, the usual case, are tallied in an array by year;
 * anything wider is sorted.
 */
static rel_status tally_years(const rel_query *q, int64_t *years, size_t n, rel_year_count *rows, size_t cap,
                              size_t *out)
{
    int64_t min = INT64_MAX, max = INT64_MIN;
    uint64_t *tally;
    size_t i, run;

    *out = 0;
    for (i = 0; i < n; i++) {
        min = years[i] < min ? years[i] : min;
        max = years[i] > max ? years[i] : max;
    }
    if (n && (uint64_t)(max - min) < 4096) {
        if (!(tally = rel__calloc(&q->kb->alloc, (size_t)(max - min) + 1, sizeof(*tally))))
            return REL_ERR_NOMEM;
        for (i = 0; i < n; i++)
            tally[years[i] - min]++;
        for (i = 0; i <= (size_t)(max - min); i++)
            if (tally[i])
                *out = emit(rows, cap, *out, min + (int64_t)i, tally[i]);
        rel__free(&q->kb->alloc, tally);
        return REL_OK;
    }
    qsort(years, n, sizeof(*years), by_year);
    for (i = 0; i < n; i += run) {
        for (run = 1; i + run < n && years[i + run] == years[i]; run++)
            ;
        *out = emit(rows, cap, *out, years[i], run);
    }
    return REL_OK;
}

rel_status rel_query_count_by_year(const rel_query *q, rel_year_count *rows, size_t cap, size_t *len,
                                   uint64_t *undated)
{
    const int64_t *year;
    int64_t *years;
    uint64_t pos = 0, none = 0;
    size_t n = 0, out;
    uint32_t e;
    rel_status st;

    if (len)
        *len = 0;
    if (undated)
        *undated = 0;
    if (!q || !len || (!rows && cap) || q->target != REL_QUERY_EVENTS)
        return REL_ERR_ARG;
    year = q->ix->table[IX_EV_YEAR];
    if (!(years = rel__malloc(&q->kb->alloc, ((q->walk_all ? q->universe : q->walk.count) + 1) * sizeof(*years))))
        return REL_ERR_NOMEM;
    while ((e = next_match(q, &pos)) != REL_IX_NONE) {
        if (year[e] == INT64_MIN)
            none++;
        else
            years[n++] = year[e];
    }
    st = tally_years(q, years, n, rows, cap, &out);
    rel__free(&q->kb->alloc, years);
    if (st != REL_OK)
        return st;
    *len = out;
    if (undated)
        *undated = none;
    return REL_OK;
}

rel_status rel_kb_build_indexes(rel_kb *kb, rel_error *err)
{
    const rel_index *ix;

    rel__error_clear(err);
    if (!kb)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    return rel_kb__index(kb, &ix, err);
}

size_t rel_kb_index_size(const rel_kb *kb)
{
    const rel_index *ix;
    size_t len = 0;

    if (!kb || !(ix = atomic_load_explicit(&((rel_kb *)kb)->index, memory_order_acquire)))
        return 0;
    rel_index__data(ix, &len);
    return len;
}
