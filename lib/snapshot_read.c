/* SPDX-License-Identifier: MIT */
/*
 * The getters of a mapped snapshot: every answer is read from the file's
 * records where they lie, found from the handle alone (snapshot_format.h
 * says how). References, ranges and tags were checked when the file was
 * opened (snapshot_check.c), so they are used as they are; strings are
 * checked here, on each read, since checking every one on open would read
 * the whole string pool: a bad one reads as "" rather than out of bounds.
 */
#include "snapshot_read.h"

#include <string.h>

/* ---- finding things in the file ---- */

static const snap_section *section(const char *base, int s)
{
    return rel_snapshot__section(base, s);
}

static const void *data(const char *base, int s)
{
    return rel_snapshot__data(base, s);
}

static uint32_t tag_of(const void *record)
{
    uint32_t tag;

    memcpy(&tag, record, sizeof(tag));
    return tag;
}

/* The file a record lies in: its array starts tag - 1 records back, and the word before the array is the array's offset. */
static const char *base_of(const void *record, size_t size)
{
    const char *first = (const char *)record - (size_t)(tag_of(record) - 1) * size;
    uint64_t at;

    memcpy(&at, first - sizeof(at), sizeof(at));
    return first - at;
}

#define SOURCE(h) ((const snap_source *)(const void *)(h))
#define ENTITY(h) ((const snap_entity *)(const void *)(h))
#define EVENT(h) ((const snap_event *)(const void *)(h))
#define CLAIM(h) ((const snap_claim *)(const void *)(h))
#define EVIDENCE(h) ((const snap_evidence *)(const void *)(h))

static const char *string_at(const char *base, uint64_t at, size_t *len)
{
    const char *s;
    size_t n;

    if (!rel_snapshot__string(base, at, &s, &n)) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = n;
    return s;
}

/* Where record i's list starts: where the previous record's ends. */
#define LIST_START(rec, field) (tag_of(rec) > 1 ? (rec)[-1].field : 0u)

static const void *record_at(const char *base, int s, size_t i)
{
    return (const char *)data(base, s) + i * rel_snapshot__record_size(s);
}

/* The position of the record of section `records` whose string at key_at equals key, or SNAP_NONE. */
static uint32_t find_key(const char *base, int slots, int records, size_t key_at, const char *key, size_t len)
{
    const snap_section *ss = section(base, slots);
    const uint32_t *slot = data(base, slots);
    uint64_t count = section(base, records)->count, mask, i, probes;

    if (ss->count == 0)
        return SNAP_NONE;
    mask = ss->count - 1;
    i = rel_snapshot__hash(key, len) & mask;
    for (probes = 0; probes < ss->count; probes++, i = (i + 1) & mask) {
        uint32_t pos = slot[i];
        const char *s;
        uint64_t at;
        size_t n;

        if (pos == SNAP_NONE || pos >= count)
            return SNAP_NONE;
        memcpy(&at, (const char *)record_at(base, records, pos) + key_at, sizeof(at));
        s = string_at(base, at, &n);
        if (s && n == len && memcmp(s, key, len) == 0)
            return pos;
    }
    return SNAP_NONE;
}

/* ---- the knowledge base ---- */

size_t rel_snapshot__count(const rel_snapshot *s, int sec)
{
    return (size_t)section(s->base, sec)->count;
}

const void *rel_snapshot__at(const rel_snapshot *s, int sec, size_t i)
{
    return i < rel_snapshot__count(s, sec) ? record_at(s->base, sec, i) : NULL;
}

static const int object_sections[][2] = {
    [REL_OBJECT_SOURCE] = {SNAP_SOURCES, SNAP_SOURCE_IDS},
    [REL_OBJECT_ENTITY] = {SNAP_ENTITIES, SNAP_ENTITY_IDS},
    [REL_OBJECT_EVENT] = {SNAP_EVENTS, SNAP_EVENT_IDS},
    [REL_OBJECT_CLAIM] = {SNAP_CLAIMS, SNAP_CLAIM_IDS},
};

/* Every object record keeps its id at the same place. */
_Static_assert(offsetof(snap_source, id) == 8 && offsetof(snap_entity, id) == 8 && offsetof(snap_event, id) == 8 &&
                   offsetof(snap_claim, id) == 8,
               "ids lie at offset 8");

const void *rel_snapshot__find_kind(const rel_snapshot *s, int32_t kind, const char *id, size_t len)
{
    uint32_t pos;

    if (kind < REL_OBJECT_SOURCE || kind > REL_OBJECT_CLAIM)
        return NULL;
    pos = find_key(s->base, object_sections[kind][1], object_sections[kind][0], 8, id, len);
    return pos == SNAP_NONE ? NULL : record_at(s->base, object_sections[kind][0], pos);
}

const void *rel_snapshot__find_id(const rel_snapshot *s, const char *id, size_t len, int32_t *kind)
{
    int32_t k;

    for (k = REL_OBJECT_SOURCE; k <= REL_OBJECT_CLAIM; k++) {
        const void *found = rel_snapshot__find_kind(s, k, id, len);
        if (found) {
            *kind = k;
            return found;
        }
    }
    *kind = REL_OBJECT_NONE;
    return NULL;
}

static void alias_sections(int32_t match, int *keys, int *entities, int *slots)
{
    *keys = match == REL_MATCH_EXACT ? SNAP_EXACT_KEYS : SNAP_NORM_KEYS;
    *entities = match == REL_MATCH_EXACT ? SNAP_EXACT_ENTITIES : SNAP_NORM_ENTITIES;
    *slots = match == REL_MATCH_EXACT ? SNAP_EXACT_SLOTS : SNAP_NORM_SLOTS;
}

size_t rel_snapshot__alias_key_count(const rel_snapshot *s, int32_t match)
{
    int keys, entities, slots;

    alias_sections(match, &keys, &entities, &slots);
    return rel_snapshot__count(s, keys);
}

const char *rel_snapshot__alias_key(const rel_snapshot *s, int32_t match, size_t i, size_t *len,
                                    const uint32_t **entity_positions, size_t *entity_count)
{
    const snap_alias_key *key;
    uint32_t first;
    int keys, entities, slots;

    alias_sections(match, &keys, &entities, &slots);
    key = (const snap_alias_key *)data(s->base, keys) + i;
    first = i ? key[-1].entities_end : 0;
    *entity_positions = (const uint32_t *)data(s->base, entities) + first;
    *entity_count = key->entities_end - first;
    return string_at(s->base, key->key, len);
}

rel_status rel_snapshot__find_alias(const rel_snapshot *s, int32_t match, const char *text, size_t len,
                                    const rel_entity **out, size_t cap, size_t *count)
{
    const uint32_t *positions;
    size_t i, n;
    uint32_t pos;
    int keys, entities, slots;

    alias_sections(match, &keys, &entities, &slots);
    pos = find_key(s->base, slots, keys, offsetof(snap_alias_key, key), text, len);
    if (pos == SNAP_NONE)
        return REL_ERR_NOT_FOUND;
    rel_snapshot__alias_key(s, match, pos, NULL, &positions, &n);
    for (i = 0; i < n && i < cap; i++)
        out[i] = record_at(s->base, SNAP_ENTITIES, positions[i]);
    *count = n;
    return REL_OK;
}

const char *rel_snapshot__predicate_name(const rel_snapshot *s, size_t i, size_t *len)
{
    const snap_predicate *p = rel_snapshot__at(s, SNAP_PREDICATES, i);

    if (!p) {
        if (len)
            *len = 0;
        return NULL;
    }
    return string_at(s->base, p->name, len);
}

uint32_t rel_snapshot__predicate_flags(const rel_snapshot *s, size_t i)
{
    const snap_predicate *p = rel_snapshot__at(s, SNAP_PREDICATES, i);

    return p ? p->flags : 0;
}

uint32_t rel_snapshot__predicate_flags_of(const rel_snapshot *s, const char *name, size_t len)
{
    uint32_t pos = find_key(s->base, SNAP_PREDICATE_NAMES, SNAP_PREDICATES, offsetof(snap_predicate, name), name, len);

    return pos == SNAP_NONE ? 0 : rel_snapshot__predicate_flags(s, pos);
}

const rel_evidence *rel_snapshot__unannotated_at(const rel_snapshot *s, size_t i)
{
    return rel_snapshot__at(s, SNAP_GAP_EVIDENCE, i);
}

const char *rel_snapshot__unannotated_reason(const rel_snapshot *s, size_t i, size_t *len)
{
    const snap_gap *g = rel_snapshot__at(s, SNAP_GAPS, i);

    if (!g) {
        if (len)
            *len = 0;
        return NULL;
    }
    return string_at(s->base, g->reason, len);
}

/* ---- sources ---- */

static const char *source_string(const rel_source *source, uint64_t at, size_t *len)
{
    return string_at(base_of(source, sizeof(snap_source)), at, len);
}

const char *rel_snapshot__source_id(const rel_source *source, size_t *len)
{
    return source_string(source, SOURCE(source)->id, len);
}

const char *rel_snapshot__source_text(const rel_source *source, size_t *len)
{
    return source_string(source, SOURCE(source)->text, len);
}

const char *rel_snapshot__source_meta(const rel_source *source, int field, size_t *len)
{
    return source_string(source, SOURCE(source)->meta[field], len);
}

const rel_source *rel_snapshot__source_revises(const rel_source *source)
{
    const snap_source *s = SOURCE(source);

    /* An earlier source of the same array (checked on open). */
    return s->revises == SNAP_NONE ? NULL : (const rel_source *)(const void *)(s - (s->tag - 1) + s->revises);
}

size_t rel_snapshot__source_index(const rel_source *source)
{
    return SOURCE(source)->tag - 1;
}

/* ---- entities ---- */

static const char *entity_base(const rel_entity *entity)
{
    return base_of(entity, sizeof(snap_entity));
}

const char *rel_snapshot__entity_id(const rel_entity *entity, size_t *len)
{
    return string_at(entity_base(entity), ENTITY(entity)->id, len);
}

int32_t rel_snapshot__entity_kind(const rel_entity *entity)
{
    return ENTITY(entity)->kind;
}

const char *rel_snapshot__entity_name(const rel_entity *entity, size_t *len)
{
    return string_at(entity_base(entity), ENTITY(entity)->name, len);
}

size_t rel_snapshot__entity_alias_count(const rel_entity *entity)
{
    const snap_entity *e = ENTITY(entity);

    return e->aliases_end - LIST_START(e, aliases_end);
}

static const snap_alias *entity_alias(const rel_entity *entity, size_t i, const char **base)
{
    const snap_entity *e = ENTITY(entity);

    if (i >= rel_snapshot__entity_alias_count(entity))
        return NULL;
    *base = entity_base(entity);
    return (const snap_alias *)data(*base, SNAP_ALIASES) + LIST_START(e, aliases_end) + i;
}

const char *rel_snapshot__entity_alias_text(const rel_entity *entity, size_t i, size_t *len)
{
    const char *base = NULL;
    const snap_alias *a = entity_alias(entity, i, &base);

    return string_at(base, a ? a->text : 0, len);
}

const char *rel_snapshot__entity_alias_lang(const rel_entity *entity, size_t i, size_t *len)
{
    const char *base = NULL;
    const snap_alias *a = entity_alias(entity, i, &base);

    return string_at(base, a ? a->lang : 0, len);
}

size_t rel_snapshot__entity_evidence_count(const rel_entity *entity)
{
    const snap_entity *e = ENTITY(entity);

    return e->evidence_end - LIST_START(e, evidence_end);
}

const rel_evidence *rel_snapshot__entity_evidence_at(const rel_entity *entity, size_t i)
{
    const snap_entity *e = ENTITY(entity);

    if (i >= rel_snapshot__entity_evidence_count(entity))
        return NULL;
    return record_at(entity_base(entity), SNAP_ENTITY_EVIDENCE, LIST_START(e, evidence_end) + i);
}

size_t rel_snapshot__entity_index(const rel_entity *entity)
{
    return ENTITY(entity)->tag - 1;
}

/* ---- events ---- */

static const char *event_base(const rel_event *event)
{
    return base_of(event, sizeof(snap_event));
}

const char *rel_snapshot__event_id(const rel_event *event, size_t *len)
{
    return string_at(event_base(event), EVENT(event)->id, len);
}

const char *rel_snapshot__event_type(const rel_event *event, size_t *len)
{
    return string_at(event_base(event), EVENT(event)->type, len);
}

size_t rel_snapshot__event_participant_count(const rel_event *event)
{
    const snap_event *ev = EVENT(event);

    return ev->participants_end - LIST_START(ev, participants_end);
}

static const snap_participant *participant(const rel_event *event, size_t i, const char **base)
{
    const snap_event *ev = EVENT(event);

    if (i >= rel_snapshot__event_participant_count(event))
        return NULL;
    *base = event_base(event);
    return (const snap_participant *)data(*base, SNAP_PARTICIPANTS) + LIST_START(ev, participants_end) + i;
}

const rel_entity *rel_snapshot__event_participant_entity(const rel_event *event, size_t i)
{
    const char *base;
    const snap_participant *p = participant(event, i, &base);

    return p ? record_at(base, SNAP_ENTITIES, p->entity) : NULL;
}

int32_t rel_snapshot__event_participant_role(const rel_event *event, size_t i)
{
    const char *base;
    const snap_participant *p = participant(event, i, &base);

    return p ? p->role : -1;
}

const rel_time *rel_snapshot__event_time(const rel_event *event)
{
    const snap_event *ev = EVENT(event);

    return ev->time == SNAP_NONE ? NULL : record_at(event_base(event), SNAP_TIMES, ev->time);
}

const char *rel_snapshot__event_time_text(const rel_event *event, size_t *len)
{
    const snap_event *ev = EVENT(event);

    return string_at(event_base(event), ev->time == SNAP_NONE ? 0 : ev->time_text, len);
}

size_t rel_snapshot__event_evidence_count(const rel_event *event)
{
    const snap_event *ev = EVENT(event);

    return ev->evidence_end - LIST_START(ev, evidence_end);
}

const rel_evidence *rel_snapshot__event_evidence_at(const rel_event *event, size_t i)
{
    const snap_event *ev = EVENT(event);

    if (i >= rel_snapshot__event_evidence_count(event))
        return NULL;
    return record_at(event_base(event), SNAP_EVENT_EVIDENCE, LIST_START(ev, evidence_end) + i);
}

size_t rel_snapshot__event_index(const rel_event *event)
{
    return EVENT(event)->tag - 1;
}

/* ---- claims ---- */

static const char *claim_base(const rel_claim *claim)
{
    return base_of(claim, sizeof(snap_claim));
}

const char *rel_snapshot__claim_id(const rel_claim *claim, size_t *len)
{
    return string_at(claim_base(claim), CLAIM(claim)->id, len);
}

const rel_value *rel_snapshot__claim_subject(const rel_claim *claim)
{
    return (const rel_value *)(const void *)&CLAIM(claim)->subject;
}

const char *rel_snapshot__claim_predicate(const rel_claim *claim, size_t *len)
{
    return string_at(claim_base(claim), CLAIM(claim)->predicate, len);
}

const rel_value *rel_snapshot__claim_object(const rel_claim *claim)
{
    return (const rel_value *)(const void *)&CLAIM(claim)->object;
}

const rel_entity *rel_snapshot__claim_claimant(const rel_claim *claim)
{
    return record_at(claim_base(claim), SNAP_ENTITIES, CLAIM(claim)->claimant);
}

int32_t rel_snapshot__claim_modality(const rel_claim *claim)
{
    return CLAIM(claim)->modality;
}

int32_t rel_snapshot__claim_polarity(const rel_claim *claim)
{
    return CLAIM(claim)->polarity;
}

size_t rel_snapshot__claim_version_count(const rel_claim *claim)
{
    const snap_claim *c = CLAIM(claim);

    return c->versions_end - LIST_START(c, versions_end);
}

void rel_snapshot__claim_version_at(const rel_claim *claim, size_t i, const rel_source **source,
                                    const rel_entity **claimant, int32_t *modality)
{
    const snap_claim *c = CLAIM(claim);
    const char *base = claim_base(claim);
    const snap_version *v = (const snap_version *)data(base, SNAP_VERSIONS) + LIST_START(c, versions_end) + i;

    *source = record_at(base, SNAP_SOURCES, v->source);
    *claimant = v->claimant == SNAP_NONE ? NULL : record_at(base, SNAP_ENTITIES, v->claimant);
    *modality = v->modality;
}

size_t rel_snapshot__claim_relation_count(const rel_claim *claim)
{
    const snap_claim *c = CLAIM(claim);

    return c->relations_end - LIST_START(c, relations_end);
}

static const snap_relation *relation(const rel_claim *claim, size_t i, const char **base)
{
    const snap_claim *c = CLAIM(claim);

    if (i >= rel_snapshot__claim_relation_count(claim))
        return NULL;
    *base = claim_base(claim);
    return (const snap_relation *)data(*base, SNAP_RELATIONS) + LIST_START(c, relations_end) + i;
}

int32_t rel_snapshot__claim_relation_type(const rel_claim *claim, size_t i)
{
    const char *base;
    const snap_relation *r = relation(claim, i, &base);

    return r ? r->type : 0;
}

const rel_claim *rel_snapshot__claim_relation_target(const rel_claim *claim, size_t i)
{
    const char *base;
    const snap_relation *r = relation(claim, i, &base);

    return r ? record_at(base, SNAP_CLAIMS, r->target) : NULL;
}

size_t rel_snapshot__claim_evidence_count(const rel_claim *claim)
{
    const snap_claim *c = CLAIM(claim);

    return c->evidence_end - LIST_START(c, evidence_end);
}

const rel_evidence *rel_snapshot__claim_evidence_at(const rel_claim *claim, size_t i)
{
    const snap_claim *c = CLAIM(claim);

    if (i >= rel_snapshot__claim_evidence_count(claim))
        return NULL;
    return record_at(claim_base(claim), SNAP_CLAIM_EVIDENCE, LIST_START(c, evidence_end) + i);
}

size_t rel_snapshot__claim_index(const rel_claim *claim)
{
    return CLAIM(claim)->tag - 1;
}

/* ---- values ---- */

/* The claim a value lies in: its tag says whether it is the subject or the object. */
static const snap_claim *claim_of(const rel_value *value, const snap_value **v)
{
    *v = (const snap_value *)(const void *)value;
    return (const snap_claim *)(const void *)((const char *)*v - ((*v)->tag == SNAP_SUBJECT
                                                                      ? offsetof(snap_claim, subject)
                                                                      : offsetof(snap_claim, object)));
}

int32_t rel_snapshot__value_kind(const rel_value *value)
{
    const snap_value *v;
    const snap_claim *c = claim_of(value, &v);

    return v->tag == SNAP_SUBJECT ? c->subject_kind : c->object_kind;
}

const void *rel_snapshot__value_object(const rel_value *value)
{
    static const int sections[] = {[REL_VALUE_ENTITY] = SNAP_ENTITIES, [REL_VALUE_EVENT] = SNAP_EVENTS,
                                   [REL_VALUE_CLAIM] = SNAP_CLAIMS};
    int32_t kind = rel_snapshot__value_kind(value);
    const snap_value *v;
    const snap_claim *c = claim_of(value, &v);

    if (kind < REL_VALUE_ENTITY || kind > REL_VALUE_CLAIM)
        return NULL;
    return record_at(base_of(c, sizeof(snap_claim)), sections[kind], v->ref);
}

const char *rel_snapshot__value_text(const rel_value *value, size_t *len)
{
    const snap_value *v;
    const snap_claim *c = claim_of(value, &v);

    /* Only an object has words; a subject names an object. */
    return string_at(base_of(c, sizeof(snap_claim)), v->tag == SNAP_OBJECT ? c->object_text : 0, len);
}

double rel_snapshot__value_number(const rel_value *value)
{
    const snap_value *v;
    const snap_claim *c = claim_of(value, &v);

    return *(const double *)record_at(base_of(c, sizeof(snap_claim)), SNAP_NUMBERS, v->ref);
}

const rel_time *rel_snapshot__value_time(const rel_value *value)
{
    const snap_value *v;
    const snap_claim *c = claim_of(value, &v);

    return record_at(base_of(c, sizeof(snap_claim)), SNAP_TIMES, v->ref);
}

/* ---- evidence ---- */

const rel_source *rel_snapshot__evidence_source(const rel_evidence *evidence)
{
    return record_at(base_of(evidence, sizeof(snap_evidence)), SNAP_SOURCES, EVIDENCE(evidence)->source);
}

uint64_t rel_snapshot__evidence_start(const rel_evidence *evidence)
{
    return EVIDENCE(evidence)->start;
}

uint64_t rel_snapshot__evidence_end(const rel_evidence *evidence)
{
    return EVIDENCE(evidence)->end;
}
