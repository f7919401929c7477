/* SPDX-License-Identifier: MIT */
/*
 * The knowledge base's life cycle and its read-only lookups: by index, by
 * id, by source-id prefix and by alias. Nothing here writes to the handle,
 * so any number of threads may call it at once.
 */
#include <relations/builder.h>
#include <relations/kb.h>

#include "alloc.h"
#include "error.h"
#include "kb_internal.h"
#include "strview.h"
#include "text.h"
#include "time_impl.h"

#include <stddef.h>
#include <string.h>

rel_status rel_kb_options_init(rel_kb_options *opts, uint32_t version)
{
    static const rel_kb_options defaults = REL_KB_OPTIONS_INIT;

    if (!opts || version == 0 || version > REL_KB_OPTIONS_VERSION)
        return REL_ERR_ARG;
    /* A caller built for version 1 has a struct that ends before the progress members. */
    memcpy(opts, &defaults, version == 1 ? offsetof(rel_kb_options, progress) : sizeof(*opts));
    opts->version = version;
    return REL_OK;
}

static int allocator_valid(const rel_allocator *a)
{
    int set = (a->malloc != NULL) + (a->realloc != NULL) + (a->free != NULL);
    return set == 0 || set == 3;
}

rel_status rel_kb_new(rel_kb **out, const rel_kb_options *opts)
{
    const rel_allocator *a;
    rel_kb *kb;

    if (!out)
        return REL_ERR_ARG;
    *out = NULL;
    if (opts && (opts->version == 0 || opts->version > REL_KB_OPTIONS_VERSION || !allocator_valid(&opts->allocator)))
        return REL_ERR_ARG;
    a = rel__allocator_or_default(opts ? &opts->allocator : NULL);
    kb = rel__calloc(a, 1, sizeof(*kb));
    if (!kb)
        return REL_ERR_NOMEM;
    kb->alloc = *a;
    if (pthread_mutex_init(&kb->index_lock, NULL) != 0) {
        rel__free(a, kb);
        return REL_ERR_NOMEM;
    }
    if (opts && opts->base_dir) {
        kb->base_dir = rel__strndup(a, opts->base_dir, strlen(opts->base_dir));
        if (!kb->base_dir) {
            pthread_mutex_destroy(&kb->index_lock);
            rel__free(a, kb);
            return REL_ERR_NOMEM;
        }
    }
    *out = kb;
    return REL_OK;
}

void rel_kb__free_str(rel_kb *kb, rel_str *s)
{
    rel__free(&kb->alloc, s->ptr);
    s->ptr = NULL;
    s->len = 0;
}

static void free_evidence(rel_kb *kb, rel_evidence_list *list)
{
    size_t i;

    for (i = 0; i < list->count; i++)
        rel__free(&kb->alloc, list->items[i]);
    rel__free(&kb->alloc, list->items);
}

void rel_kb__free_source(rel_kb *kb, rel_source *s)
{
    int i;

    if (!s)
        return;
    rel_kb__free_str(kb, &s->id);
    rel_kb__free_str(kb, &s->text);
    for (i = 0; i < META_COUNT; i++)
        rel_kb__free_str(kb, &s->meta[i]);
    rel__free(&kb->alloc, s);
}

void rel_kb__free_entity(rel_kb *kb, rel_entity *e)
{
    size_t i;

    if (!e)
        return;
    rel_kb__free_str(kb, &e->id);
    rel_kb__free_str(kb, &e->name);
    for (i = 0; i < e->alias_count; i++) {
        rel_kb__free_str(kb, &e->aliases[i].text);
        rel_kb__free_str(kb, &e->aliases[i].lang);
    }
    rel__free(&kb->alloc, e->aliases);
    free_evidence(kb, &e->evidence);
    rel__free(&kb->alloc, e);
}

void rel_kb__free_event(rel_kb *kb, rel_event *ev)
{
    if (!ev)
        return;
    rel_kb__free_str(kb, &ev->id);
    rel_kb__free_str(kb, &ev->type);
    rel__free(&kb->alloc, ev->participants);
    rel_time_free(ev->time);
    rel_kb__free_str(kb, &ev->time_text);
    free_evidence(kb, &ev->evidence);
    rel__free(&kb->alloc, ev);
}

static void free_value(rel_kb *kb, rel_value *v)
{
    rel_kb__free_str(kb, &v->text);
    rel_time_free(v->time);
}

void rel_kb__free_claim(rel_kb *kb, rel_claim *c)
{
    if (!c)
        return;
    rel_kb__free_str(kb, &c->id);
    free_value(kb, &c->subject);
    rel_kb__free_str(kb, &c->predicate);
    free_value(kb, &c->object);
    rel__free(&kb->alloc, c->versions);
    rel__free(&kb->alloc, c->relations);
    free_evidence(kb, &c->evidence);
    rel__free(&kb->alloc, c);
}

void rel_kb__free_bucket(rel_kb *kb, rel_alias_bucket *b)
{
    if (!b)
        return;
    rel_kb__free_str(kb, &b->key);
    rel__free(&kb->alloc, b->entities);
    rel__free(&kb->alloc, b);
}

static void free_buckets(rel_kb *kb, rel_map *m)
{
    size_t i;

    for (i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            rel_kb__free_bucket(kb, m->slots[i].value);
    rel__map_free(&kb->alloc, m);
}

void rel_kb_free(rel_kb *kb)
{
    rel_allocator a;
    size_t i;

    if (!kb)
        return;
    a = kb->alloc;
    rel_kb__drop_index(kb);
    pthread_mutex_destroy(&kb->index_lock);
    for (i = 0; i < kb->claims.count; i++)
        rel_kb__free_claim(kb, kb->claims.items[i]);
    for (i = 0; i < kb->events.count; i++)
        rel_kb__free_event(kb, kb->events.items[i]);
    for (i = 0; i < kb->entities.count; i++)
        rel_kb__free_entity(kb, kb->entities.items[i]);
    for (i = 0; i < kb->sources.count; i++)
        rel_kb__free_source(kb, kb->sources.items[i]);
    for (i = 0; i < kb->predicates.count; i++) {
        rel_predicate *p = kb->predicates.items[i];
        rel_kb__free_str(kb, &p->name);
        rel__free(&a, p);
    }
    for (i = 0; i < kb->gaps.count; i++) {
        rel_gap *g = kb->gaps.items[i];
        rel_kb__free_str(kb, &g->reason);
        rel__free(&a, g);
    }
    for (i = 0; i < kb->retired_times.count; i++)
        rel_time_free(kb->retired_times.items[i]);
    for (i = 0; i < kb->retired_strings.count; i++)
        rel__free(&a, kb->retired_strings.items[i]);
    rel__free(&a, kb->predicates.items);
    rel__free(&a, kb->gaps.items);
    rel__free(&a, kb->retired_times.items);
    rel__free(&a, kb->retired_strings.items);
    rel__map_free(&a, &kb->predicate_names);
    rel__free(&a, kb->claims.items);
    rel__free(&a, kb->events.items);
    rel__free(&a, kb->entities.items);
    rel__free(&a, kb->sources.items);
    rel__map_free(&a, &kb->ids);
    free_buckets(kb, &kb->alias_exact);
    free_buckets(kb, &kb->alias_norm);
    rel__free(&a, kb->base_dir);
    rel__free(&a, kb);
}

const rel_error *rel_kb_error(const rel_kb *kb)
{
    return kb ? &kb->error : NULL;
}

const char *rel_kb_errmsg(const rel_kb *kb)
{
    return kb ? kb->error.message : "no knowledge base (NULL handle)";
}

static const void *item_at(const rel_kb *kb, const rel_ptr_list *list, size_t i)
{
    return kb && i < list->count ? list->items[i] : NULL;
}

size_t rel_kb_source_count(const rel_kb *kb) { return kb ? kb->sources.count : 0; }
size_t rel_kb_entity_count(const rel_kb *kb) { return kb ? kb->entities.count : 0; }
size_t rel_kb_event_count(const rel_kb *kb) { return kb ? kb->events.count : 0; }
size_t rel_kb_claim_count(const rel_kb *kb) { return kb ? kb->claims.count : 0; }

const rel_source *rel_kb_source_at(const rel_kb *kb, size_t i)
{
    return kb ? item_at(kb, &kb->sources, i) : NULL;
}

const rel_entity *rel_kb_entity_at(const rel_kb *kb, size_t i)
{
    return kb ? item_at(kb, &kb->entities, i) : NULL;
}

const rel_event *rel_kb_event_at(const rel_kb *kb, size_t i)
{
    return kb ? item_at(kb, &kb->events, i) : NULL;
}

const rel_claim *rel_kb_claim_at(const rel_kb *kb, size_t i)
{
    return kb ? item_at(kb, &kb->claims, i) : NULL;
}

void *rel_kb__lookup(const rel_kb *kb, const char *id, size_t len, int32_t *kind)
{
    const rel_map_slot *s = rel__map_get(&kb->ids, id, len);

    *kind = s ? s->tag : REL_OBJECT_NONE;
    return s ? s->value : NULL;
}

rel_evidence_list *rel_kb__evidence_of(void *object, int32_t kind)
{
    switch (kind) {
    case REL_OBJECT_ENTITY: return &((rel_entity *)object)->evidence;
    case REL_OBJECT_EVENT: return &((rel_event *)object)->evidence;
    case REL_OBJECT_CLAIM: return &((rel_claim *)object)->evidence;
    default: return NULL;
    }
}

int32_t rel_kb_id_kind(const rel_kb *kb, const char *id, size_t len)
{
    int32_t kind;

    if (!kb || !id)
        return REL_OBJECT_NONE;
    rel_kb__lookup(kb, id, rel__len(id, len), &kind);
    return kind;
}

rel_status rel_kb__source_by_prefix(const rel_kb *kb, const char *id, size_t len, const rel_source **out)
{
    const rel_source *found = NULL;
    int32_t kind;
    void *obj;
    size_t i, matches = 0;

    *out = NULL;
    obj = rel_kb__lookup(kb, id, len, &kind);
    if (kind == REL_OBJECT_SOURCE) {
        *out = obj;
        return REL_OK;
    }
    if (len == 0)
        return REL_ERR_NOT_FOUND;
    for (i = 0; i < kb->sources.count; i++) {
        const rel_source *s = kb->sources.items[i];
        if (s->id.len > len && memcmp(s->id.ptr, id, len) == 0) {
            found = s;
            matches++;
        }
    }
    if (matches > 1)
        return REL_ERR_AMBIGUOUS;
    if (!found)
        return REL_ERR_NOT_FOUND;
    *out = found;
    return REL_OK;
}

rel_status rel_kb_find_source(const rel_kb *kb, const char *id, size_t len, const rel_source **out)
{
    if (out)
        *out = NULL;
    if (!kb || !id || !out)
        return REL_ERR_ARG;
    return rel_kb__source_by_prefix(kb, id, rel__len(id, len), out);
}

static rel_status find_kind(const rel_kb *kb, const char *id, size_t len, int32_t want, const void **out)
{
    int32_t kind;
    void *obj;

    if (out)
        *out = NULL;
    if (!kb || !id || !out)
        return REL_ERR_ARG;
    obj = rel_kb__lookup(kb, id, rel__len(id, len), &kind);
    if (kind != want)
        return REL_ERR_NOT_FOUND;
    *out = obj;
    return REL_OK;
}

rel_status rel_kb_find_entity(const rel_kb *kb, const char *id, size_t len, const rel_entity **out)
{
    return find_kind(kb, id, len, REL_OBJECT_ENTITY, (const void **)out);
}

rel_status rel_kb_find_event(const rel_kb *kb, const char *id, size_t len, const rel_event **out)
{
    return find_kind(kb, id, len, REL_OBJECT_EVENT, (const void **)out);
}

rel_status rel_kb_find_claim(const rel_kb *kb, const char *id, size_t len, const rel_claim **out)
{
    return find_kind(kb, id, len, REL_OBJECT_CLAIM, (const void **)out);
}

rel_status rel_kb_find_alias(const rel_kb *kb, const char *text, size_t len, int32_t match,
                             const rel_entity **out, size_t cap, size_t *count)
{
    const rel_map_slot *slot;
    const rel_alias_bucket *b;
    char *norm = NULL;
    size_t i, norm_len;
    rel_status st;

    if (count)
        *count = 0;
    if (!kb || !text || !count || (!out && cap) ||
        (match != REL_MATCH_EXACT && match != REL_MATCH_NORMALISED))
        return REL_ERR_ARG;
    len = rel__len(text, len);
    if (!rel__utf8_valid(text, len))
        return REL_ERR_UTF8;
    if (match == REL_MATCH_EXACT) {
        slot = rel__map_get(&kb->alias_exact, text, len);
    } else {
        st = rel__normalise(&kb->alloc, text, len, &norm, &norm_len);
        if (st != REL_OK)
            return st;
        slot = rel__map_get(&kb->alias_norm, norm, norm_len);
        rel__free(&kb->alloc, norm);
    }
    if (!slot)
        return REL_ERR_NOT_FOUND;
    b = slot->value;
    for (i = 0; i < b->count && i < cap; i++)
        out[i] = b->entities[i];
    *count = b->count;
    return REL_OK;
}

size_t rel_kb_predicate_count(const rel_kb *kb)
{
    return kb ? kb->predicates.count : 0;
}

const char *rel_kb_predicate_name(const rel_kb *kb, size_t i, size_t *len)
{
    const rel_predicate *p = kb && i < kb->predicates.count ? kb->predicates.items[i] : NULL;

    return rel__str_out(p ? &p->name : NULL, len);
}

uint32_t rel_kb_predicate_flags(const rel_kb *kb, size_t i)
{
    const rel_predicate *p = kb && i < kb->predicates.count ? kb->predicates.items[i] : NULL;

    return p ? p->flags : 0;
}

int32_t rel_kb_predicate_is_functional(const rel_kb *kb, const char *predicate, size_t len)
{
    const rel_map_slot *slot;

    if (!kb || !predicate)
        return 0;
    slot = rel__map_get(&kb->predicate_names, predicate, rel__len(predicate, len));
    return slot && (((const rel_predicate *)slot->value)->flags & REL_PREDICATE_FUNCTIONAL);
}

size_t rel_kb_unannotated_count(const rel_kb *kb)
{
    return kb ? kb->gaps.count : 0;
}

const rel_evidence *rel_kb_unannotated_at(const rel_kb *kb, size_t i)
{
    return kb && i < kb->gaps.count ? &((const rel_gap *)kb->gaps.items[i])->span : NULL;
}

const char *rel_kb_unannotated_reason(const rel_kb *kb, size_t i, size_t *len)
{
    const rel_gap *g = kb && i < kb->gaps.count ? kb->gaps.items[i] : NULL;

    return rel__str_out(g ? &g->reason : NULL, len);
}
