/* SPDX-License-Identifier: MIT */
/*
 * Which facts differ between two versions, and which claims contradict
 * each other inside one. Everything is read from the knowledge base's
 * structure: where each object has evidence, the modality and claimant of
 * each claim per source, and claims that share a subject and a functional
 * predicate. diff_words.c then says which words changed. It reads through
 * the getters, so a knowledge base opened from a snapshot gives the same
 * differences as the one it was saved from.
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

/* An entity, event or claim, with the kind that says which. */
typedef struct object_ref {
    int32_t kind;
    const void *ptr;
} object_ref;

static size_t evidence_count(object_ref o)
{
    switch (o.kind) {
    case REL_OBJECT_ENTITY: return rel_entity_evidence_count(o.ptr);
    case REL_OBJECT_EVENT: return rel_event_evidence_count(o.ptr);
    default: return rel_claim_evidence_count(o.ptr);
    }
}

static const rel_evidence *evidence_at(object_ref o, size_t i)
{
    switch (o.kind) {
    case REL_OBJECT_ENTITY: return rel_entity_evidence_at(o.ptr, i);
    case REL_OBJECT_EVENT: return rel_event_evidence_at(o.ptr, i);
    default: return rel_claim_evidence_at(o.ptr, i);
    }
}

static object_ref claim_ref(const rel_claim *c)
{
    object_ref o = {REL_OBJECT_CLAIM, c};

    return o;
}

/* The object's spans in one source, in text order. */
static int spans_in(const rel_allocator *a, object_ref o, const rel_source *src, const rel_evidence ***out,
                    size_t *count)
{
    size_t i, j, n = 0, total = evidence_count(o);
    const rel_evidence **v;

    *out = NULL;
    *count = 0;
    for (i = 0; i < total; i++)
        n += rel_evidence_source(evidence_at(o, i)) == src;
    if (!n)
        return 1;
    if (!(v = rel__realloc_array(a, NULL, n, sizeof(*v))))
        return 0;
    for (i = 0, n = 0; i < total; i++) {
        const rel_evidence *e = evidence_at(o, i);
        if (rel_evidence_source(e) != src)
            continue;
        for (j = n; j > 0 && rel_evidence_start(v[j - 1]) > rel_evidence_start(e); j--)
            v[j] = v[j - 1];
        v[j] = e;
        n++;
    }
    *out = v;
    *count = n;
    return 1;
}

static int has_evidence_in(object_ref o, const rel_source *src)
{
    size_t i, n = evidence_count(o);

    for (i = 0; i < n; i++)
        if (rel_evidence_source(evidence_at(o, i)) == src)
            return 1;
    return 0;
}

/*
 * A new difference about object x, with the spans of x in src_a and of y
 * (x itself, or the claim x contradicts) in src_b; NULL on allocation failure.
 */
static rel_difference *new_difference(const rel_allocator *a, int32_t kind, object_ref x, object_ref y,
                                      const rel_source *src_a, const rel_source *src_b)
{
    rel_difference *d = rel__calloc(a, 1, sizeof(*d));

    if (!d)
        return NULL;
    d->kind = kind;
    d->object_kind = x.kind;
    d->object = x.ptr;
    d->source[REL_SIDE_A] = src_a;
    d->source[REL_SIDE_B] = src_b;
    if (!spans_in(a, x, src_a, &d->evidence[REL_SIDE_A], &d->evidence_count[REL_SIDE_A]) ||
        !spans_in(a, y, src_b, &d->evidence[REL_SIDE_B], &d->evidence_count[REL_SIDE_B])) {
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
static int presence_and_words(rel_diff *diff, object_ref o, const rel_source *a, const rel_source *b)
{
    int in_a = has_evidence_in(o, a), in_b = has_evidence_in(o, b), all_spelling;
    rel_difference *d;

    if (!in_a && !in_b)
        return 1;
    if (in_a != in_b) {
        d = new_difference(&diff->alloc, in_a ? REL_DIFF_DROPPED : REL_DIFF_ADDED, o, o, a, b);
        if (d && o.kind == REL_OBJECT_CLAIM)
            set_claim_sides(d, o.ptr, o.ptr);
        return push(diff, d);
    }
    if (o.kind == REL_OBJECT_ENTITY)
        return 1; /* an entity's mentions change with every sentence; only presence counts */
    d = new_difference(&diff->alloc, REL_DIFF_REWORDED, o, o, a, b);
    if (!d || rel_diff__words(&diff->alloc, d, &all_spelling) != REL_OK) {
        free_difference(&diff->alloc, d);
        return 0;
    }
    if (d->change_count == 0) {
        free_difference(&diff->alloc, d);
        return 1;
    }
    d->kind = all_spelling ? REL_DIFF_RESPELLED : REL_DIFF_REWORDED;
    if (o.kind == REL_OBJECT_CLAIM)
        set_claim_sides(d, o.ptr, o.ptr);
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
        d = new_difference(&diff->alloc, kind, claim_ref(c), claim_ref(c), a, b);
        if (d)
            set_claim_sides(d, c, c);
        if (!push(diff, d))
            return 0;
    }
    if (rel_claim_claimant_in(c, a) != rel_claim_claimant_in(c, b)) {
        d = new_difference(&diff->alloc, REL_DIFF_REATTRIBUTED, claim_ref(c), claim_ref(c), a, b);
        if (d)
            set_claim_sides(d, c, c);
        if (!push(diff, d))
            return 0;
    }
    return 1;
}

/* ---- contradictions ---- */

/* The entity, event or claim a value names, or NULL for other kinds. */
static const void *value_object(const rel_value *v)
{
    switch (rel_value_kind(v)) {
    case REL_VALUE_ENTITY: return rel_value_entity(v);
    case REL_VALUE_EVENT: return rel_value_event(v);
    case REL_VALUE_CLAIM: return rel_value_claim(v);
    default: return NULL;
    }
}

static int same_text(const char *x, size_t x_len, const char *y, size_t y_len)
{
    return x_len == y_len && (!x_len || memcmp(x, y, x_len) == 0);
}

static int values_equal(const rel_value *x, const rel_value *y)
{
    rel_time_bounds bx, by;
    size_t x_len, y_len;
    const char *x_text = rel_value_text(x, &x_len), *y_text = rel_value_text(y, &y_len);
    double xq = 0, yq = 0;

    if (rel_value_kind(x) != rel_value_kind(y))
        return 0;
    switch (rel_value_kind(x)) {
    case REL_VALUE_NONE: return 1;
    case REL_VALUE_ENTITY:
    case REL_VALUE_EVENT:
    case REL_VALUE_CLAIM: return value_object(x) == value_object(y);
    case REL_VALUE_LITERAL: return same_text(x_text, x_len, y_text, y_len);
    case REL_VALUE_QUANTITY:
        rel_value_quantity(x, &xq);
        rel_value_quantity(y, &yq);
        return xq == yq && same_text(x_text, x_len, y_text, y_len);
    case REL_VALUE_TIME:
        rel_time_get_bounds(rel_value_time(x), &bx);
        rel_time_get_bounds(rel_value_time(y), &by);
        return memcmp(&bx, &by, sizeof(bx)) == 0 && rel_time_mod(rel_value_time(x)) == rel_time_mod(rel_value_time(y));
    default: return 0;
    }
}

static int related(const rel_claim *x, const rel_claim *y, int32_t type)
{
    size_t i, n = rel_claim_relation_count(x);

    for (i = 0; i < n; i++)
        if (rel_claim_relation_type(x, i) == type && rel_claim_relation_target(x, i) == y)
            return 1;
    return 0;
}

/* Whether two claims cannot both hold. */
static int conflict(const rel_kb *kb, const rel_claim *x, const rel_claim *y)
{
    const rel_value *xs = rel_claim_subject(x), *ys = rel_claim_subject(y);
    size_t x_len, y_len;
    const char *xp = rel_claim_predicate(x, &x_len), *yp = rel_claim_predicate(y, &y_len);

    if (related(x, y, REL_RELATION_CONTRADICTS) || related(y, x, REL_RELATION_CONTRADICTS))
        return 1;
    return rel_value_kind(xs) == rel_value_kind(ys) && value_object(xs) == value_object(ys) &&
           same_text(xp, x_len, yp, y_len) && rel_claim_polarity(x) == rel_claim_polarity(y) &&
           rel_kb_predicate_is_functional(kb, xp, x_len) && !values_equal(rel_claim_object(x), rel_claim_object(y));
}

static int add_contradiction(rel_diff *diff, const rel_claim *x, const rel_claim *y, const rel_source *a,
                             const rel_source *b)
{
    rel_difference *d = new_difference(&diff->alloc, REL_DIFF_CONTRADICTED, claim_ref(x), claim_ref(y), a, b);

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
    size_t i, j, n = rel_kb_claim_count(kb);

    for (i = 0; i < n; i++) {
        const rel_claim *x = rel_kb_claim_at(kb, i);
        for (j = i + 1; j < n; j++) {
            const rel_claim *y = rel_kb_claim_at(kb, j);
            int xa = has_evidence_in(claim_ref(x), a), xb = has_evidence_in(claim_ref(x), b);
            int ya = has_evidence_in(claim_ref(y), a), yb = has_evidence_in(claim_ref(y), b);
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
    if (rel_kb_source_at(kb, rel_source_index(a)) != a || rel_kb_source_at(kb, rel_source_index(b)) != b)
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
    for (i = 0; ok && i < rel_kb_entity_count(kb); i++) {
        object_ref o = {REL_OBJECT_ENTITY, rel_kb_entity_at(kb, i)};
        ok = presence_and_words(diff, o, a, b);
    }
    for (i = 0; ok && i < rel_kb_event_count(kb); i++) {
        object_ref o = {REL_OBJECT_EVENT, rel_kb_event_at(kb, i)};
        ok = presence_and_words(diff, o, a, b);
    }
    for (i = 0; ok && i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        ok = presence_and_words(diff, claim_ref(c), a, b) && stance(diff, c, a, b);
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
