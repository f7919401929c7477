/* SPDX-License-Identifier: MIT */
/*
 * Which facts differ between two versions, and which claims contradict
 * each other inside one. Everything is read from the knowledge base's
 * structure: where each object has evidence, the modality and claimant of
 * each claim per source, and claims that share a subject and a functional
 * predicate. diff_words.c then says which words changed.
 */
#include <relations/diff.h>

#include "alloc.h"
#include "diff_impl.h"
#include "error.h"
#include "kb_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- building a diff ---- */

static void free_difference(const rel_allocator *a, rel_difference *d)
{
    if (!d)
        return;
    rel__free(a, (void *)d->evidence[0]);
    rel__free(a, (void *)d->evidence[1]);
    rel_diff__free_changes(a, d);
    rel__free(a, d);
}

void rel_diff_free(rel_diff *diff)
{
    rel_allocator a;
    size_t i;

    if (!diff)
        return;
    a = diff->alloc;
    for (i = 0; i < diff->count; i++)
        free_difference(&a, diff->items[i]);
    rel__free(&a, diff->items);
    rel__free(&a, diff);
}

/* The object's spans in one source, in text order. */
static int spans_in(const rel_allocator *a, const rel_evidence_list *list, const rel_source *src,
                    const rel_evidence ***out, size_t *count)
{
    size_t i, j, n = 0;
    const rel_evidence **v;

    *out = NULL;
    *count = 0;
    for (i = 0; i < list->count; i++)
        n += list->items[i]->source == src;
    if (!n)
        return 1;
    if (!(v = rel__realloc_array(a, NULL, n, sizeof(*v))))
        return 0;
    for (i = 0, n = 0; i < list->count; i++) {
        const rel_evidence *e = list->items[i];
        if (e->source != src)
            continue;
        for (j = n; j > 0 && v[j - 1]->start > e->start; j--)
            v[j] = v[j - 1];
        v[j] = e;
        n++;
    }
    *out = v;
    *count = n;
    return 1;
}

static int has_evidence_in(const rel_evidence_list *list, const rel_source *src)
{
    size_t i;

    for (i = 0; i < list->count; i++)
        if (list->items[i]->source == src)
            return 1;
    return 0;
}

/* A new difference about one object, with its spans on both sides; NULL on allocation failure. */
static rel_difference *new_difference(const rel_allocator *a, int32_t kind, int32_t object_kind, const void *object,
                                      const rel_evidence_list *ev_a, const rel_evidence_list *ev_b,
                                      const rel_source *src_a, const rel_source *src_b)
{
    rel_difference *d = rel__calloc(a, 1, sizeof(*d));

    if (!d)
        return NULL;
    d->kind = kind;
    d->object_kind = object_kind;
    d->object = object;
    d->source[REL_SIDE_A] = src_a;
    d->source[REL_SIDE_B] = src_b;
    if (!spans_in(a, ev_a, src_a, &d->evidence[REL_SIDE_A], &d->evidence_count[REL_SIDE_A]) ||
        !spans_in(a, ev_b, src_b, &d->evidence[REL_SIDE_B], &d->evidence_count[REL_SIDE_B])) {
        free_difference(a, d);
        return NULL;
    }
    return d;
}

static int push(rel_diff *diff, rel_difference *d)
{
    if (!d)
        return 0;
    if (!rel__reserve(&diff->alloc, (void **)&diff->items, &diff->cap, diff->count + 1, sizeof(*diff->items))) {
        free_difference(&diff->alloc, d);
        return 0;
    }
    diff->items[diff->count++] = d;
    return 1;
}

static void set_claim_sides(rel_difference *d, const rel_claim *ca, const rel_claim *cb)
{
    d->claim[REL_SIDE_A] = ca;
    d->claim[REL_SIDE_B] = cb;
    d->modality[REL_SIDE_A] = rel_claim_modality_in(ca, d->source[REL_SIDE_A]);
    d->modality[REL_SIDE_B] = rel_claim_modality_in(cb, d->source[REL_SIDE_B]);
    d->claimant[REL_SIDE_A] = rel_claim_claimant_in(ca, d->source[REL_SIDE_A]);
    d->claimant[REL_SIDE_B] = rel_claim_claimant_in(cb, d->source[REL_SIDE_B]);
}

/*
 * Added, dropped, reworded or respelled: what an object's presence and
 * words say. For a claim the caller then looks at modality and claimant.
 * Returns 0 on allocation failure.
 */
static int presence_and_words(rel_diff *diff, int32_t object_kind, const void *object,
                              const rel_evidence_list *ev, const rel_source *a, const rel_source *b)
{
    int in_a = has_evidence_in(ev, a), in_b = has_evidence_in(ev, b), all_spelling;
    rel_difference *d;

    if (!in_a && !in_b)
        return 1;
    if (in_a != in_b) {
        d = new_difference(&diff->alloc, in_a ? REL_DIFF_DROPPED : REL_DIFF_ADDED, object_kind, object, ev, ev, a, b);
        if (d && object_kind == REL_OBJECT_CLAIM)
            set_claim_sides(d, object, object);
        return push(diff, d);
    }
    if (object_kind == REL_OBJECT_ENTITY)
        return 1; /* an entity's mentions change with every sentence; only presence counts */
    d = new_difference(&diff->alloc, REL_DIFF_REWORDED, object_kind, object, ev, ev, a, b);
    if (!d || rel_diff__words(&diff->alloc, d, &all_spelling) != REL_OK) {
        free_difference(&diff->alloc, d);
        return 0;
    }
    if (d->change_count == 0) {
        free_difference(&diff->alloc, d);
        return 1;
    }
    d->kind = all_spelling ? REL_DIFF_RESPELLED : REL_DIFF_REWORDED;
    if (object_kind == REL_OBJECT_CLAIM)
        set_claim_sides(d, object, object);
    return push(diff, d);
}

/* Hedged, strengthened or re-attributed: a claim stated in both versions. */
static int stance(rel_diff *diff, const rel_claim *c, const rel_source *a, const rel_source *b)
{
    int32_t ma = rel_claim_modality_in(c, a), mb = rel_claim_modality_in(c, b);
    rel_difference *d;

    if (ma == REL_MODALITY_NONE || mb == REL_MODALITY_NONE)
        return 1;
    if (ma != mb) {
        int32_t kind = rel_modality_strength(mb) < rel_modality_strength(ma) ? REL_DIFF_HEDGED : REL_DIFF_STRENGTHENED;
        d = new_difference(&diff->alloc, kind, REL_OBJECT_CLAIM, c, &c->evidence, &c->evidence, a, b);
        if (d)
            set_claim_sides(d, c, c);
        if (!push(diff, d))
            return 0;
    }
    if (rel_claim_claimant_in(c, a) != rel_claim_claimant_in(c, b)) {
        d = new_difference(&diff->alloc, REL_DIFF_REATTRIBUTED, REL_OBJECT_CLAIM, c, &c->evidence, &c->evidence, a, b);
        if (d)
            set_claim_sides(d, c, c);
        if (!push(diff, d))
            return 0;
    }
    return 1;
}

/* ---- contradictions ---- */

static int values_equal(const rel_value *x, const rel_value *y)
{
    rel_time_bounds bx, by;

    if (x->kind != y->kind)
        return 0;
    switch (x->kind) {
    case REL_VALUE_NONE: return 1;
    case REL_VALUE_ENTITY:
    case REL_VALUE_EVENT:
    case REL_VALUE_CLAIM: return x->ref == y->ref;
    case REL_VALUE_LITERAL: return x->text.len == y->text.len && memcmp(x->text.ptr, y->text.ptr, x->text.len) == 0;
    case REL_VALUE_QUANTITY:
        return x->number == y->number && x->text.len == y->text.len &&
               (!x->text.len || memcmp(x->text.ptr, y->text.ptr, x->text.len) == 0);
    case REL_VALUE_TIME:
        rel_time_get_bounds(x->time, &bx);
        rel_time_get_bounds(y->time, &by);
        return memcmp(&bx, &by, sizeof(bx)) == 0 && rel_time_mod(x->time) == rel_time_mod(y->time);
    default: return 0;
    }
}

static int related(const rel_claim *x, const rel_claim *y, int32_t type)
{
    size_t i;

    for (i = 0; i < x->relation_count; i++)
        if (x->relations[i].type == type && x->relations[i].target == y)
            return 1;
    return 0;
}

/* Whether two claims cannot both hold. */
static int conflict(const rel_kb *kb, const rel_claim *x, const rel_claim *y)
{
    if (related(x, y, REL_RELATION_CONTRADICTS) || related(y, x, REL_RELATION_CONTRADICTS))
        return 1;
    return x->subject.kind == y->subject.kind && x->subject.ref == y->subject.ref &&
           x->predicate.len == y->predicate.len && memcmp(x->predicate.ptr, y->predicate.ptr, x->predicate.len) == 0 &&
           x->polarity == y->polarity && rel_kb_predicate_is_functional(kb, x->predicate.ptr, x->predicate.len) &&
           !values_equal(&x->object, &y->object);
}

static int add_contradiction(rel_diff *diff, const rel_claim *x, const rel_claim *y, const rel_source *a,
                             const rel_source *b)
{
    rel_difference *d =
        new_difference(&diff->alloc, REL_DIFF_CONTRADICTED, REL_OBJECT_CLAIM, x, &x->evidence, &y->evidence, a, b);

    if (d)
        set_claim_sides(d, x, y);
    return push(diff, d);
}

/*
 * Contradictions between a claim stated in a and another stated in b.
 * With a == b, the contradictions inside one version. Across versions a
 * pair stated by both versions is left out: each version contradicts itself
 * there, which rel_diff_within() reports.
 */
static int contradictions(rel_diff *diff, const rel_kb *kb, const rel_source *a, const rel_source *b)
{
    size_t i, j, n = kb->claims.count;

    for (i = 0; i < n; i++) {
        const rel_claim *x = kb->claims.items[i];
        for (j = i + 1; j < n; j++) {
            const rel_claim *y = kb->claims.items[j];
            int xa = has_evidence_in(&x->evidence, a), xb = has_evidence_in(&x->evidence, b);
            int ya = has_evidence_in(&y->evidence, a), yb = has_evidence_in(&y->evidence, b);
            if (!conflict(kb, x, y))
                continue;
            if (a == b) {
                if (xa && ya && !add_contradiction(diff, x, y, a, a))
                    return 0;
            } else if (!(xa && xb && ya && yb)) {
                if (xa && yb && !add_contradiction(diff, x, y, a, b))
                    return 0;
                if (ya && xb && !(xa && yb) && !add_contradiction(diff, y, x, a, b))
                    return 0;
            }
        }
    }
    return 1;
}

/* ---- the two entry points ---- */

static rel_status start(rel_diff **out, const rel_kb *kb, const rel_source *a, const rel_source *b, rel_error *err)
{
    rel__error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !kb || !a || !b)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    if (a->index >= kb->sources.count || kb->sources.items[a->index] != a || b->index >= kb->sources.count ||
        kb->sources.items[b->index] != b)
        return rel__error_set(err, REL_ERR_ARG, "the source is not part of this knowledge base");
    *out = rel__calloc(&kb->alloc, 1, sizeof(**out));
    if (!*out)
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    (*out)->alloc = kb->alloc;
    return REL_OK;
}

static rel_status finish(rel_diff **out, int ok, rel_error *err)
{
    if (ok)
        return REL_OK;
    rel_diff_free(*out);
    *out = NULL;
    return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
}

rel_status rel_diff_sources(rel_diff **out, const rel_kb *kb, const rel_source *a, const rel_source *b,
                            rel_error *err)
{
    rel_status st = start(out, kb, a, b, err);
    rel_diff *diff = out ? *out : NULL;
    size_t i;
    int ok = 1;

    if (st != REL_OK)
        return st;
    if (a == b) {
        rel_diff_free(diff);
        *out = NULL;
        return rel__error_set(err, REL_ERR_ARG, "a version compared with itself: use rel_diff_within()");
    }
    for (i = 0; ok && i < kb->entities.count; i++) {
        const rel_entity *e = kb->entities.items[i];
        ok = presence_and_words(diff, REL_OBJECT_ENTITY, e, &e->evidence, a, b);
    }
    for (i = 0; ok && i < kb->events.count; i++) {
        const rel_event *ev = kb->events.items[i];
        ok = presence_and_words(diff, REL_OBJECT_EVENT, ev, &ev->evidence, a, b);
    }
    for (i = 0; ok && i < kb->claims.count; i++) {
        const rel_claim *c = kb->claims.items[i];
        ok = presence_and_words(diff, REL_OBJECT_CLAIM, c, &c->evidence, a, b) && stance(diff, c, a, b);
    }
    ok = ok && contradictions(diff, kb, a, b);
    return finish(out, ok, err);
}

rel_status rel_diff_within(rel_diff **out, const rel_kb *kb, const rel_source *source, rel_error *err)
{
    rel_status st = start(out, kb, source, source, err);

    if (st != REL_OK)
        return st;
    return finish(out, contradictions(*out, kb, source, source), err);
}

/* ---- reading a diff ---- */

static int side_ok(const rel_difference *d, int32_t side)
{
    return d && (side == REL_SIDE_A || side == REL_SIDE_B);
}

size_t rel_diff_count(const rel_diff *diff)
{
    return diff ? diff->count : 0;
}

const rel_difference *rel_diff_at(const rel_diff *diff, size_t i)
{
    return diff && i < diff->count ? diff->items[i] : NULL;
}

int32_t rel_difference_kind(const rel_difference *d)
{
    return d ? d->kind : 0;
}

int32_t rel_difference_object_kind(const rel_difference *d)
{
    return d ? d->object_kind : REL_OBJECT_NONE;
}

const rel_entity *rel_difference_entity(const rel_difference *d)
{
    return d && d->object_kind == REL_OBJECT_ENTITY ? d->object : NULL;
}

const rel_event *rel_difference_event(const rel_difference *d)
{
    return d && d->object_kind == REL_OBJECT_EVENT ? d->object : NULL;
}

const rel_claim *rel_difference_claim(const rel_difference *d, int32_t side)
{
    return side_ok(d, side) && d->object_kind == REL_OBJECT_CLAIM ? d->claim[side] : NULL;
}

const rel_source *rel_difference_source(const rel_difference *d, int32_t side)
{
    return side_ok(d, side) ? d->source[side] : NULL;
}

size_t rel_difference_evidence_count(const rel_difference *d, int32_t side)
{
    return side_ok(d, side) ? d->evidence_count[side] : 0;
}

const rel_evidence *rel_difference_evidence_at(const rel_difference *d, int32_t side, size_t i)
{
    return side_ok(d, side) && i < d->evidence_count[side] ? d->evidence[side][i] : NULL;
}

int32_t rel_difference_modality(const rel_difference *d, int32_t side)
{
    return side_ok(d, side) && d->object_kind == REL_OBJECT_CLAIM ? d->modality[side] : REL_MODALITY_NONE;
}

const rel_entity *rel_difference_claimant(const rel_difference *d, int32_t side)
{
    return side_ok(d, side) && d->object_kind == REL_OBJECT_CLAIM ? d->claimant[side] : NULL;
}

size_t rel_difference_change_count(const rel_difference *d)
{
    return d ? d->change_count : 0;
}

rel_status rel_difference_change_at(const rel_difference *d, size_t i, const char **removed, size_t *removed_len,
                                    const char **added, size_t *added_len)
{
    if (!d || !removed || !added || i >= d->change_count)
        return REL_ERR_ARG;
    *removed = d->changes[i].removed.ptr;
    *added = d->changes[i].added.ptr;
    if (removed_len)
        *removed_len = d->changes[i].removed.len;
    if (added_len)
        *added_len = d->changes[i].added.len;
    return REL_OK;
}

int32_t rel_difference_change_is_spelling(const rel_difference *d, size_t i)
{
    return d && i < d->change_count ? d->changes[i].spelling : 0;
}

const char *rel_difference_kind_name(int32_t kind)
{
    static const char *const names[] = {NULL, "added", "dropped", "reworded", "respelled",
                                        "hedged", "strengthened", "reattributed", "contradicted"};
    return kind >= 1 && kind <= REL_DIFF_CONTRADICTED ? names[kind] : NULL;
}

int32_t rel_modality_strength(int32_t modality)
{
    static const int32_t rank[] = {-1, 7, 4, 3, 5, 6, 1, 0, 2};
    return modality >= 1 && modality <= REL_MODALITY_HEDGED ? rank[modality] : -1;
}
