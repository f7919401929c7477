/* SPDX-License-Identifier: MIT */
/*
 * Saving a knowledge base as a snapshot (snapshot_format.h). The records
 * of each section are built in memory, strings deduplicated into one pool
 * and times into one table, the lookup tables hashed, and the query
 * indexes taken as the relocatable block they are; snapshot_file.c then
 * writes them out. The knowledge base is read through the getters only, so
 * a snapshot can be saved again from a knowledge base opened from one.
 */
#include <relations/builder.h>
#include <relations/snapshot.h>

#include "alloc.h"
#include "claim_internal.h"
#include "error.h"
#include "index.h"
#include "kb_impl.h"
#include "snapshot_impl.h"
#include "snapshot_read.h"
#include "time_impl.h"

#include <string.h>
#include <xxhash.h>

/* ---- growable buffers and maps ---- */

typedef struct bytes {
    char *p;
    size_t len;
    size_t cap;
} bytes;

/* Open addressing over the string pool or the time table: a slot holds an offset or position + 1, 0 when empty. */
typedef struct dedup_map {
    uint64_t *slots;
    size_t cap; /* a power of two */
    size_t count;
} dedup_map;

typedef struct writer {
    const rel_kb *kb;
    const rel_allocator *a;
    rel_error *err;
    rel_status st; /* the first failure */
    bytes sec[SNAP_SECTION_COUNT];
    dedup_map strings;
    dedup_map times;
    const void *index;    /* the query indexes' block, written as it is */
    size_t index_len;
} writer;

static void *fail(writer *w, rel_status st, const char *msg)
{
    if (w->st == REL_OK)
        w->st = rel__error_set(w->err, st, "%s", msg);
    return NULL;
}

static void *nomem(writer *w)
{
    return fail(w, REL_ERR_NOMEM, "out of memory");
}

/* Room for `extra` more bytes at the end of a buffer; NULL on failure. */
static char *grow(writer *w, bytes *b, size_t extra)
{
    if (w->st != REL_OK)
        return NULL;
    if (extra > SIZE_MAX - b->len)
        return nomem(w);
    if (!rel__reserve(w->a, (void **)&b->p, &b->cap, b->len + extra, 1))
        return nomem(w);
    memset(b->p + b->len, 0, extra);
    b->len += extra;
    return b->p + b->len - extra;
}

/* A new zeroed record at the end of a section, or NULL (the write has failed). */
static void *append(writer *w, int s)
{
    size_t size = rel_snapshot__record_size(s);

    if (w->sec[s].len / size >= SNAP_MAX_COUNT)
        return fail(w, REL_ERR_LIMIT, "more than 2^32 - 2 records of one kind");
    return grow(w, &w->sec[s], size);
}

static uint32_t count_of(const writer *w, int s)
{
    return (uint32_t)(w->sec[s].len / rel_snapshot__record_size(s));
}

static size_t capacity_for(size_t n)
{
    size_t cap = 16;

    while (cap / 2 < n)
        cap *= 2;
    return cap;
}

static int dedup_init(writer *w, dedup_map *m)
{
    m->cap = 1024;
    m->count = 0;
    m->slots = rel__calloc(w->a, m->cap, sizeof(*m->slots));
    return m->slots ? 1 : (nomem(w), 0);
}

/*
 * The slot of a key in a dedup map: the slot holding an equal key, or the
 * empty slot where it goes. same(w, value, key, len) compares a stored value
 * with the key.
 */
static uint64_t *dedup_slot(writer *w, dedup_map *m, uint64_t hash, const void *key, size_t len,
                            int (*same)(const writer *, uint64_t, const void *, size_t))
{
    size_t i = (size_t)hash & (m->cap - 1);

    while (m->slots[i] && !same(w, m->slots[i], key, len))
        i = (i + 1) & (m->cap - 1);
    return &m->slots[i];
}

/* Makes room for one more key (load at most 1/2); rehashes with rehash(w, value) giving a stored key's hash. */
static int dedup_reserve(writer *w, dedup_map *m, uint64_t (*rehash)(const writer *, uint64_t))
{
    uint64_t *old = m->slots;
    size_t i, old_cap = m->cap;

    if (m->count + 1 <= m->cap / 2)
        return 1;
    if (!(m->slots = rel__calloc(w->a, m->cap * 2, sizeof(*m->slots)))) {
        m->slots = old;
        return nomem(w), 0;
    }
    m->cap *= 2;
    for (i = 0; i < old_cap; i++) {
        size_t j;
        if (!old[i])
            continue;
        j = (size_t)rehash(w, old[i]) & (m->cap - 1);
        while (m->slots[j])
            j = (j + 1) & (m->cap - 1);
        m->slots[j] = old[i];
    }
    rel__free(w->a, old);
    return 1;
}

/* ---- strings ---- */

static const char *pool_string(const writer *w, uint64_t at, uint32_t *len)
{
    const char *p = w->sec[SNAP_STRINGS].p + at;

    memcpy(len, p - sizeof(*len), sizeof(*len));
    return p;
}

static int same_string(const writer *w, uint64_t at, const void *key, size_t len)
{
    uint32_t n;
    const char *s = pool_string(w, at, &n);

    return n == len && memcmp(s, key, len) == 0;
}

static uint64_t string_hash(const writer *w, uint64_t at)
{
    uint32_t n;
    const char *s = pool_string(w, at, &n);

    return rel_snapshot__hash(s, n);
}

/* Appends a pool entry; returns its offset, or 0 on failure. */
static uint64_t put_string(writer *w, const char *s, size_t len)
{
    bytes *pool = &w->sec[SNAP_STRINGS];
    size_t entry = sizeof(uint32_t) + len + 1, pad = (4 - entry % 4) % 4;
    uint32_t n = (uint32_t)len;
    char *p;

    if (len >= SNAP_MAX_COUNT)
        return fail(w, REL_ERR_LIMIT, "a string of 4 GiB or more"), 0;
    if (!(p = grow(w, pool, entry + pad)))
        return 0;
    memcpy(p, &n, sizeof(n));
    memcpy(p + sizeof(n), s, len);
    return (uint64_t)(p + sizeof(n) - pool->p);
}

/*
 * The pool offset of a string, 0 for an absent one. Ids are unique, so
 * they go in as they are; every other string is looked up first, since
 * event types, predicates, languages and time words repeat a lot.
 */
static uint64_t string(writer *w, const char *s, size_t len, int unique)
{
    uint64_t *slot, at;

    if (!s || w->st != REL_OK)
        return 0;
    if (unique)
        return put_string(w, s, len);
    if (!dedup_reserve(w, &w->strings, string_hash))
        return 0;
    slot = dedup_slot(w, &w->strings, rel_snapshot__hash(s, len), s, len, same_string);
    if (*slot)
        return *slot;
    if ((at = put_string(w, s, len)) != 0) {
        *slot = at;
        w->strings.count++;
    }
    return at;
}


/* ---- times ---- */

static const rel_time *stored_time(const writer *w, uint64_t position_plus_one)
{
    return (const rel_time *)(const void *)(w->sec[SNAP_TIMES].p + (position_plus_one - 1) * sizeof(rel_time));
}

static int same_time(const writer *w, uint64_t value, const void *key, size_t len)
{
    return memcmp(stored_time(w, value), key, len) == 0;
}

static uint64_t time_hash(const writer *w, uint64_t value)
{
    return XXH3_64bits(stored_time(w, value), sizeof(rel_time));
}

/* The position of a time in the table, added if new; SNAP_NONE for no time or on failure. */
static uint32_t put_time(writer *w, const rel_time *t)
{
    rel_time copy;
    uint64_t *slot;
    char *p;

    if (!t || w->st != REL_OK)
        return SNAP_NONE;
    /* The allocator pointer means nothing in a file: stored as NULL, so equal times are equal bytes. */
    memcpy(&copy, t, sizeof(copy));
    copy.alloc = NULL;
    if (!dedup_reserve(w, &w->times, time_hash))
        return SNAP_NONE;
    slot = dedup_slot(w, &w->times, XXH3_64bits(&copy, sizeof(copy)), &copy, sizeof(copy), same_time);
    if (*slot)
        return (uint32_t)(*slot - 1);
    if (!(p = append(w, SNAP_TIMES)))
        return SNAP_NONE;
    memcpy(p, &copy, sizeof(copy));
    *slot = count_of(w, SNAP_TIMES);
    w->times.count++;
    return (uint32_t)(*slot - 1);
}

/* ---- records ---- */

/* The spans of one object, appended to an evidence section; returns where its list ends. */
static uint32_t put_evidence(writer *w, int s, size_t count, const rel_evidence *(*at)(const void *, size_t),
                             const void *object)
{
    size_t i;

    for (i = 0; i < count; i++) {
        const rel_evidence *ev = at(object, i);
        snap_evidence *r = append(w, s);
        if (!r)
            break;
        r->tag = count_of(w, s);
        r->source = (uint32_t)rel_source_index(rel_evidence_source(ev));
        r->start = (uint32_t)rel_evidence_start(ev);
        r->end = (uint32_t)rel_evidence_end(ev);
    }
    return count_of(w, s);
}

static const rel_evidence *entity_evidence(const void *e, size_t i) { return rel_entity_evidence_at(e, i); }
static const rel_evidence *event_evidence(const void *ev, size_t i) { return rel_event_evidence_at(ev, i); }
static const rel_evidence *claim_evidence(const void *c, size_t i) { return rel_claim_evidence_at(c, i); }

static void put_sources(writer *w)
{
    static const char *(*const meta[7])(const rel_source *, size_t *) = {
        rel_source_title, rel_source_label, rel_source_lang, rel_source_date,
        rel_source_url,   rel_source_licence, rel_source_path};
    size_t i, n = rel_kb_source_count(w->kb);
    int m;

    for (i = 0; i < n && w->st == REL_OK; i++) {
        const rel_source *s = rel_kb_source_at(w->kb, i);
        size_t len;
        const char *str = rel_source_id(s, &len);
        uint64_t id = string(w, str, len, 1), text, metas[7];
        snap_source *r;
        str = rel_source_text(s, &len);
        text = string(w, str, len, 0);
        for (m = 0; m < 7; m++) {
            str = meta[m](s, &len);
            metas[m] = string(w, str, len, 0);
        }
        if (!(r = append(w, SNAP_SOURCES)))
            return;
        r->tag = (uint32_t)(i + 1);
        r->revises = rel_source_revises(s) ? (uint32_t)rel_source_index(rel_source_revises(s)) : SNAP_NONE;
        r->id = id;
        r->text = text;
        memcpy(r->meta, metas, sizeof(metas));
    }
}

static void put_entities(writer *w)
{
    size_t i, j, n = rel_kb_entity_count(w->kb);

    for (i = 0; i < n && w->st == REL_OK; i++) {
        const rel_entity *e = rel_kb_entity_at(w->kb, i);
        size_t len;
        const char *str = rel_entity_id(e, &len);
        uint64_t id = string(w, str, len, 1), name;
        uint32_t evidence_end = put_evidence(w, SNAP_ENTITY_EVIDENCE, rel_entity_evidence_count(e), entity_evidence, e);
        snap_entity *r;
        str = rel_entity_name(e, &len);
        name = string(w, str, len, 0);
        for (j = 0; j < rel_entity_alias_count(e); j++) {
            size_t text_len, lang_len;
            const char *text = rel_entity_alias_text(e, j, &text_len), *lang = rel_entity_alias_lang(e, j, &lang_len);
            uint64_t t = string(w, text, text_len, 0), l = string(w, lang, lang_len, 0);
            snap_alias *a = append(w, SNAP_ALIASES);
            if (!a)
                return;
            a->text = t;
            a->lang = l;
        }
        if (!(r = append(w, SNAP_ENTITIES)))
            return;
        r->tag = (uint32_t)(i + 1);
        r->kind = rel_entity_kind(e);
        r->id = id;
        r->name = name;
        r->aliases_end = count_of(w, SNAP_ALIASES);
        r->evidence_end = evidence_end;
    }
}

static void put_events(writer *w)
{
    size_t i, j, n = rel_kb_event_count(w->kb);

    for (i = 0; i < n && w->st == REL_OK; i++) {
        const rel_event *ev = rel_kb_event_at(w->kb, i);
        size_t len;
        const char *str = rel_event_id(ev, &len);
        uint64_t id = string(w, str, len, 1), type, time_text;
        uint32_t time = put_time(w, rel_event_time(ev));
        uint32_t evidence_end = put_evidence(w, SNAP_EVENT_EVIDENCE, rel_event_evidence_count(ev), event_evidence, ev);
        snap_event *r;
        str = rel_event_type(ev, &len);
        type = string(w, str, len, 0);
        str = rel_event_time_text(ev, &len);
        time_text = string(w, str, len, 0);
        for (j = 0; j < rel_event_participant_count(ev); j++) {
            snap_participant *p = append(w, SNAP_PARTICIPANTS);
            if (!p)
                return;
            p->entity = (uint32_t)rel_entity__index(rel_event_participant_entity(ev, j));
            p->role = rel_event_participant_role(ev, j);
        }
        if (!(r = append(w, SNAP_EVENTS)))
            return;
        r->tag = (uint32_t)(i + 1);
        r->time = time;
        r->id = id;
        r->type = type;
        r->time_text = time_text;
        r->participants_end = count_of(w, SNAP_PARTICIPANTS);
        r->evidence_end = evidence_end;
    }
}

/* A value's kind and reference; its text goes in *text (objects only). */
static uint32_t value_ref(writer *w, const rel_value *v, uint64_t *text)
{
    size_t len;
    const char *s = rel_value_text(v, &len);
    double number = 0;
    double *slot;

    *text = string(w, s, len, 0);
    switch (rel_value_kind(v)) {
    case REL_VALUE_ENTITY: return (uint32_t)rel_entity__index(rel_value_entity(v));
    case REL_VALUE_EVENT: return (uint32_t)rel_event__index(rel_value_event(v));
    case REL_VALUE_CLAIM: return (uint32_t)rel_claim__index(rel_value_claim(v));
    case REL_VALUE_TIME: return put_time(w, rel_value_time(v));
    case REL_VALUE_QUANTITY:
        rel_value_quantity(v, &number);
        if (!(slot = append(w, SNAP_NUMBERS)))
            return SNAP_NONE;
        memcpy(slot, &number, sizeof(number));
        return count_of(w, SNAP_NUMBERS) - 1;
    default: return SNAP_NONE;
    }
}

static void put_claim_lists(writer *w, const rel_claim *c)
{
    size_t j;

    for (j = 0; j < rel_claim__version_count(c); j++) {
        const rel_source *source;
        const rel_entity *claimant;
        int32_t modality;
        snap_version *v = append(w, SNAP_VERSIONS);
        if (!v)
            return;
        rel_claim__version_at(c, j, &source, &claimant, &modality);
        v->source = (uint32_t)rel_source_index(source);
        v->claimant = claimant ? (uint32_t)rel_entity__index(claimant) : SNAP_NONE;
        v->modality = modality;
    }
    for (j = 0; j < rel_claim_relation_count(c); j++) {
        snap_relation *r = append(w, SNAP_RELATIONS);
        if (!r)
            return;
        r->type = rel_claim_relation_type(c, j);
        r->target = (uint32_t)rel_claim__index(rel_claim_relation_target(c, j));
    }
}

static void put_claims(writer *w)
{
    size_t i, n = rel_kb_claim_count(w->kb);

    for (i = 0; i < n && w->st == REL_OK; i++) {
        const rel_claim *c = rel_kb_claim_at(w->kb, i);
        size_t len;
        const char *str = rel_claim_id(c, &len);
        uint64_t id = string(w, str, len, 1), predicate, no_text, object_text;
        uint32_t subject = value_ref(w, rel_claim_subject(c), &no_text);
        uint32_t object = value_ref(w, rel_claim_object(c), &object_text);
        uint32_t evidence_end = put_evidence(w, SNAP_CLAIM_EVIDENCE, rel_claim_evidence_count(c), claim_evidence, c);
        snap_claim *r;
        str = rel_claim_predicate(c, &len);
        predicate = string(w, str, len, 0);
        put_claim_lists(w, c);
        if (!(r = append(w, SNAP_CLAIMS)))
            return;
        r->tag = (uint32_t)(i + 1);
        r->claimant = (uint32_t)rel_entity__index(rel_claim_claimant(c));
        r->id = id;
        r->predicate = predicate;
        r->subject.tag = SNAP_SUBJECT;
        r->subject.ref = subject;
        r->object.tag = SNAP_OBJECT;
        r->object.ref = object;
        r->object_text = object_text;
        r->subject_kind = (uint8_t)rel_value_kind(rel_claim_subject(c));
        r->object_kind = (uint8_t)rel_value_kind(rel_claim_object(c));
        r->modality = (uint8_t)rel_claim_modality(c);
        r->polarity = (uint8_t)rel_claim_polarity(c);
        r->versions_end = count_of(w, SNAP_VERSIONS);
        r->relations_end = count_of(w, SNAP_RELATIONS);
        r->evidence_end = evidence_end;
    }
}

static const rel_evidence *gap_span(const void *kb, size_t i) { return rel_kb_unannotated_at(kb, i); }

static void put_predicates_and_gaps(writer *w)
{
    size_t i, len;

    for (i = 0; i < rel_kb_predicate_count(w->kb) && w->st == REL_OK; i++) {
        const char *name = rel_kb_predicate_name(w->kb, i, &len);
        uint64_t at = string(w, name, len, 0);
        snap_predicate *p = append(w, SNAP_PREDICATES);
        if (!p)
            return;
        p->name = at;
        p->flags = rel_kb_predicate_flags(w->kb, i);
    }
    put_evidence(w, SNAP_GAP_EVIDENCE, rel_kb_unannotated_count(w->kb), gap_span, w->kb);
    for (i = 0; i < rel_kb_unannotated_count(w->kb) && w->st == REL_OK; i++) {
        const char *reason = rel_kb_unannotated_reason(w->kb, i, &len);
        uint64_t at = string(w, reason, len, 0);
        snap_gap *g = append(w, SNAP_GAPS);
        if (!g)
            return;
        g->reason = at;
    }
}

/* ---- lookup tables ---- */

/* A table of n slots for the records of `records` whose string at key_at is the key. */
static void put_slots(writer *w, int slots, int records, size_t key_at)
{
    uint32_t i, n = count_of(w, records);
    size_t cap = n ? capacity_for(n) : 0, j;
    uint32_t *slot;

    if (w->st != REL_OK || (cap && !grow(w, &w->sec[slots], cap * sizeof(uint32_t))))
        return;
    slot = (uint32_t *)(void *)w->sec[slots].p;
    for (j = 0; j < cap; j++)
        slot[j] = SNAP_NONE;
    for (i = 0; i < n; i++) {
        uint64_t at;
        uint32_t len;
        const char *key;
        memcpy(&at, w->sec[records].p + (size_t)i * rel_snapshot__record_size(records) + key_at, sizeof(at));
        key = pool_string(w, at, &len);
        j = (size_t)rel_snapshot__hash(key, len) & (cap - 1);
        while (slot[j] != SNAP_NONE)
            j = (j + 1) & (cap - 1);
        slot[j] = i;
    }
}

/* One alias key and its entities, appended to the key and entity sections. */
static void put_alias_key(writer *w, int keys, int entities, const char *key, size_t len, const uint32_t *positions,
                          const rel_entity *const *objects, size_t count)
{
    uint64_t at = string(w, key, len, 0);
    snap_alias_key *k;
    size_t i;

    for (i = 0; i < count; i++) {
        uint32_t *e = append(w, entities);
        if (!e)
            return;
        *e = positions ? positions[i] : (uint32_t)rel_entity__index(objects[i]);
    }
    if (!(k = append(w, keys)))
        return;
    k->key = at;
    k->entities_end = count_of(w, entities);
}

static void put_aliases(writer *w, int32_t match, int keys, int entities, int slots)
{
    const rel_map *map = match == REL_MATCH_EXACT ? &w->kb->alias_exact : &w->kb->alias_norm;
    size_t i;

    if (w->kb->snapshot) {
        for (i = 0; i < rel_snapshot__alias_key_count(w->kb->snapshot, match); i++) {
            const uint32_t *positions;
            size_t len, count;
            const char *key = rel_snapshot__alias_key(w->kb->snapshot, match, i, &len, &positions, &count);
            put_alias_key(w, keys, entities, key, len, positions, NULL, count);
        }
    } else {
        for (i = 0; i < map->cap; i++) {
            const rel_alias_bucket *b = map->slots[i].key ? map->slots[i].value : NULL;
            if (b)
                put_alias_key(w, keys, entities, b->key.ptr, b->key.len, NULL, b->entities, b->count);
        }
    }
    put_slots(w, slots, keys, offsetof(snap_alias_key, key));
}

static void build(writer *w)
{
    const rel_kb *kb = w->kb;
    const rel_index *ix;

    if (rel_kb_source_count(kb) > SNAP_MAX_COUNT || rel_kb_entity_count(kb) > SNAP_MAX_COUNT ||
        rel_kb_event_count(kb) > SNAP_MAX_COUNT || rel_kb_claim_count(kb) > SNAP_MAX_COUNT) {
        fail(w, REL_ERR_LIMIT, "more than 2^32 - 2 objects of one kind");
        return;
    }
    /* The indexes go in as the block they are: built now if no query has built them yet. */
    if ((w->st = rel_kb__index(kb, &ix, w->err)) != REL_OK)
        return;
    w->index = rel_index__data(ix, &w->index_len);
    if (!dedup_init(w, &w->strings) || !dedup_init(w, &w->times))
        return;
    put_sources(w);
    put_entities(w);
    put_events(w);
    put_claims(w);
    put_predicates_and_gaps(w);
    put_slots(w, SNAP_SOURCE_IDS, SNAP_SOURCES, offsetof(snap_source, id));
    put_slots(w, SNAP_ENTITY_IDS, SNAP_ENTITIES, offsetof(snap_entity, id));
    put_slots(w, SNAP_EVENT_IDS, SNAP_EVENTS, offsetof(snap_event, id));
    put_slots(w, SNAP_CLAIM_IDS, SNAP_CLAIMS, offsetof(snap_claim, id));
    put_slots(w, SNAP_PREDICATE_NAMES, SNAP_PREDICATES, offsetof(snap_predicate, name));
    put_aliases(w, REL_MATCH_EXACT, SNAP_EXACT_KEYS, SNAP_EXACT_ENTITIES, SNAP_EXACT_SLOTS);
    put_aliases(w, REL_MATCH_NORMALISED, SNAP_NORM_KEYS, SNAP_NORM_ENTITIES, SNAP_NORM_SLOTS);
    /* An empty pool still ends with a NUL, as every file must. */
    if (w->sec[SNAP_STRINGS].len == 0)
        put_string(w, "", 0);
}

rel_status rel_kb_save_snapshot(const rel_kb *kb, const char *path, rel_error *err)
{
    writer w;
    rel_status st;
    int s;

    rel__error_clear(err);
    if (!kb || !path)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    memset(&w, 0, sizeof(w));
    w.kb = kb;
    w.a = &kb->alloc;
    w.err = err;
    build(&w);
    if ((st = w.st) == REL_OK) {
        rel_snapshot_section_data sections[SNAP_SECTION_COUNT];
        for (s = 0; s < SNAP_SECTION_COUNT; s++) {
            sections[s].data = s == SNAP_INDEX ? w.index : w.sec[s].p;
            sections[s].len = s == SNAP_INDEX ? w.index_len : w.sec[s].len;
        }
        st = rel_snapshot__write_file(path, sections, w.a, err);
    }
    if (st != REL_OK)
        rel__error_file(err, path);
    for (s = 0; s < SNAP_SECTION_COUNT; s++)
        rel__free(w.a, w.sec[s].p);
    rel__free(w.a, w.strings.slots);
    rel__free(w.a, w.times.slots);
    return st;
}
