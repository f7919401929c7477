/* SPDX-License-Identifier: MIT */
/*
 * The structural checks of a snapshot, run once on open after the header
 * and the checksum. The checksum only tells a damaged file from an intact
 * one: a file made to harm the reader can carry a right checksum. So every
 * section is held inside the file, and every record's tag, reference,
 * range, enumerated code, span and time is checked here, in one pass over
 * fixed-size records with no allocation but one array of source lengths.
 * After this the getters (snapshot_read.c) follow references without
 * checking them; only strings are checked as they are read.
 */
#include "snapshot_impl.h"

#include <relations/builder.h>

#include "alloc.h"
#include "error.h"
#include "time_impl.h"

#include <math.h>
#include <string.h>

static const char *const section_names[SNAP_SECTION_COUNT] = {
    "sources", "entities", "events", "claims", "entity evidence", "event evidence", "claim evidence",
    "unannotated spans", "aliases", "participants", "claim versions", "claim relations", "times", "numbers",
    "predicates", "unannotated passages", "source ids", "entity ids", "event ids", "claim ids", "predicate names",
    "alias keys", "alias entities", "alias slots", "normalised alias keys", "normalised alias entities",
    "normalised alias slots", "query indexes", "strings",
};

typedef struct checker {
    const char *base;
    uint64_t count[SNAP_SECTION_COUNT];
    const uint32_t *text_len; /* of each source */
    /* The codes that have a name, one bit each: looked up once, not per record. */
    uint32_t kinds, roles, modalities, relations;
    rel_error *err;
} checker;

static uint32_t named_codes(const char *(*name)(int32_t))
{
    uint32_t bits = 0;
    int32_t code;

    for (code = 0; code < 32; code++)
        if (name(code))
            bits |= 1u << code;
    return bits;
}

static int named(uint32_t bits, int32_t code)
{
    return code >= 0 && code < 32 && (bits >> code & 1u);
}

static const void *data(const checker *c, int s)
{
    return rel_snapshot__data(c->base, s);
}

static rel_status bad(checker *c, int s, uint64_t i, const char *what)
{
    return rel__error_set(c->err, REL_ERR_FORMAT, "corrupted snapshot: %s record %llu: %s", section_names[s],
                          (unsigned long long)i, what);
}

static int is_slot_section(int s)
{
    return s == SNAP_SOURCE_IDS || s == SNAP_ENTITY_IDS || s == SNAP_EVENT_IDS || s == SNAP_CLAIM_IDS ||
           s == SNAP_PREDICATE_NAMES || s == SNAP_EXACT_SLOTS || s == SNAP_NORM_SLOTS;
}

/* Every section inside the file, aligned, self-describing and the size its records say. */
static rel_status check_sections(checker *c, size_t len)
{
    const snap_header *h = (const snap_header *)(const void *)c->base;
    int s;

    for (s = 0; s < SNAP_SECTION_COUNT; s++) {
        const snap_section *sec = &h->sections[s];
        uint64_t size = rel_snapshot__record_size(s), own;

        if (sec->offset % 8 != 0 || sec->offset < sizeof(snap_header) + 8 || sec->offset > len ||
            sec->length > len - sec->offset)
            return rel__error_set(c->err, REL_ERR_FORMAT, "corrupted snapshot: the %s section (%llu bytes at %llu) "
                                  "lies outside the file", section_names[s], (unsigned long long)sec->length,
                                  (unsigned long long)sec->offset);
        memcpy(&own, c->base + sec->offset - 8, sizeof(own));
        if (own != sec->offset)
            return rel__error_set(c->err, REL_ERR_FORMAT, "corrupted snapshot: the %s section does not start "
                                  "with its own offset", section_names[s]);
        if (size > 1 && (sec->count > SNAP_MAX_COUNT || sec->count * size != sec->length))
            return rel__error_set(c->err, REL_ERR_FORMAT, "corrupted snapshot: the %s section holds %llu bytes, "
                                  "not %llu records", section_names[s], (unsigned long long)sec->length,
                                  (unsigned long long)sec->count);
        if (is_slot_section(s) && sec->count & (sec->count - 1))
            return rel__error_set(c->err, REL_ERR_FORMAT, "corrupted snapshot: the %s table has %llu slots, not a "
                                  "power of two", section_names[s], (unsigned long long)sec->count);
        c->count[s] = size > 1 ? sec->count : 0;
    }
    if (h->sections[SNAP_STRINGS].length == 0 ||
        c->base[h->sections[SNAP_STRINGS].offset + h->sections[SNAP_STRINGS].length - 1] != '\0')
        return rel__error_set(c->err, REL_ERR_FORMAT, "corrupted snapshot: the strings do not end with a NUL");
    if (c->count[SNAP_GAPS] != c->count[SNAP_GAP_EVIDENCE])
        return rel__error_set(c->err, REL_ERR_FORMAT, "corrupted snapshot: %llu unannotated passages but %llu spans",
                              (unsigned long long)c->count[SNAP_GAPS],
                              (unsigned long long)c->count[SNAP_GAP_EVIDENCE]);
    return REL_OK;
}

/* A list end: no earlier than the previous one, inside its array. */
static int list_end_ok(uint32_t end, uint32_t *prev, uint64_t total)
{
    int ok = end >= *prev && end <= total;

    *prev = end;
    return ok;
}

static int ref_ok(uint32_t ref, uint64_t count)
{
    return ref < count;
}

static int opt_ref_ok(uint32_t ref, uint64_t count)
{
    return ref == SNAP_NONE || ref < count;
}

static rel_status check_sources(checker *c, uint32_t *text_len)
{
    const snap_source *r = data(c, SNAP_SOURCES);
    uint64_t i, n = c->count[SNAP_SOURCES];

    for (i = 0; i < n; i++) {
        const char *text;
        size_t len;

        if (r[i].tag != i + 1)
            return bad(c, SNAP_SOURCES, i, "wrong tag");
        if (r[i].revises != SNAP_NONE && r[i].revises >= i)
            return bad(c, SNAP_SOURCES, i, "revises a source that does not come before it");
        if (!rel_snapshot__string(c->base, r[i].text, &text, &len) || !text)
            return bad(c, SNAP_SOURCES, i, "its text lies outside the strings");
        text_len[i] = (uint32_t)len;
    }
    return REL_OK;
}

static rel_status check_evidence(checker *c, int s)
{
    const snap_evidence *r = data(c, s);
    uint64_t i, n = c->count[s], sources = c->count[SNAP_SOURCES];

    for (i = 0; i < n; i++) {
        if (r[i].tag != i + 1)
            return bad(c, s, i, "wrong tag");
        if (!ref_ok(r[i].source, sources) || r[i].start >= r[i].end || r[i].end > c->text_len[r[i].source])
            return bad(c, s, i, "a span outside its source");
    }
    return REL_OK;
}

static rel_status check_entities(checker *c)
{
    const snap_entity *r = data(c, SNAP_ENTITIES);
    uint64_t i, n = c->count[SNAP_ENTITIES];
    uint32_t aliases = 0, evidence = 0;

    for (i = 0; i < n; i++) {
        if (r[i].tag != i + 1)
            return bad(c, SNAP_ENTITIES, i, "wrong tag");
        if (!named(c->kinds, r[i].kind))
            return bad(c, SNAP_ENTITIES, i, "unknown kind");
        if (!list_end_ok(r[i].aliases_end, &aliases, c->count[SNAP_ALIASES]) ||
            !list_end_ok(r[i].evidence_end, &evidence, c->count[SNAP_ENTITY_EVIDENCE]))
            return bad(c, SNAP_ENTITIES, i, "a list outside its array");
    }
    return REL_OK;
}

static rel_status check_events(checker *c)
{
    const snap_event *r = data(c, SNAP_EVENTS);
    const snap_participant *p = data(c, SNAP_PARTICIPANTS);
    uint64_t i, n = c->count[SNAP_EVENTS], entities = c->count[SNAP_ENTITIES];
    uint32_t participants = 0, evidence = 0;

    for (i = 0; i < n; i++) {
        if (r[i].tag != i + 1)
            return bad(c, SNAP_EVENTS, i, "wrong tag");
        if (!opt_ref_ok(r[i].time, c->count[SNAP_TIMES]))
            return bad(c, SNAP_EVENTS, i, "a time that does not exist");
        if (!list_end_ok(r[i].participants_end, &participants, c->count[SNAP_PARTICIPANTS]) ||
            !list_end_ok(r[i].evidence_end, &evidence, c->count[SNAP_EVENT_EVIDENCE]))
            return bad(c, SNAP_EVENTS, i, "a list outside its array");
    }
    for (i = 0; i < c->count[SNAP_PARTICIPANTS]; i++)
        if (!ref_ok(p[i].entity, entities) || !named(c->roles, p[i].role))
            return bad(c, SNAP_PARTICIPANTS, i, "an entity that does not exist or an unknown role");
    return REL_OK;
}

/* Whether a value's reference fits its kind. */
static int value_ok(const checker *c, int kind, uint32_t ref)
{
    switch (kind) {
    case REL_VALUE_NONE:
    case REL_VALUE_LITERAL: return 1;
    case REL_VALUE_ENTITY: return ref_ok(ref, c->count[SNAP_ENTITIES]);
    case REL_VALUE_EVENT: return ref_ok(ref, c->count[SNAP_EVENTS]);
    case REL_VALUE_CLAIM: return ref_ok(ref, c->count[SNAP_CLAIMS]);
    case REL_VALUE_QUANTITY: return ref_ok(ref, c->count[SNAP_NUMBERS]);
    case REL_VALUE_TIME: return ref_ok(ref, c->count[SNAP_TIMES]);
    default: return 0;
    }
}

static rel_status check_claims(checker *c)
{
    const snap_claim *r = data(c, SNAP_CLAIMS);
    const snap_version *v = data(c, SNAP_VERSIONS);
    const snap_relation *rel = data(c, SNAP_RELATIONS);
    uint64_t i, n = c->count[SNAP_CLAIMS], entities = c->count[SNAP_ENTITIES];
    uint32_t versions = 0, relations = 0, evidence = 0;

    for (i = 0; i < n; i++) {
        const snap_claim *x = &r[i];
        if (x->tag != i + 1 || x->subject.tag != SNAP_SUBJECT || x->object.tag != SNAP_OBJECT)
            return bad(c, SNAP_CLAIMS, i, "wrong tag");
        if (!ref_ok(x->claimant, entities))
            return bad(c, SNAP_CLAIMS, i, "a claimant that does not exist");
        if (x->subject_kind < REL_VALUE_ENTITY || x->subject_kind > REL_VALUE_CLAIM ||
            !value_ok(c, x->subject_kind, x->subject.ref) || !value_ok(c, x->object_kind, x->object.ref))
            return bad(c, SNAP_CLAIMS, i, "a subject or object of an unknown kind or that does not exist");
        if (x->modality == REL_MODALITY_NONE || !named(c->modalities, x->modality) ||
            (x->polarity != REL_POLARITY_POSITIVE && x->polarity != REL_POLARITY_NEGATIVE))
            return bad(c, SNAP_CLAIMS, i, "an unknown modality or polarity");
        if (!list_end_ok(x->versions_end, &versions, c->count[SNAP_VERSIONS]) ||
            !list_end_ok(x->relations_end, &relations, c->count[SNAP_RELATIONS]) ||
            !list_end_ok(x->evidence_end, &evidence, c->count[SNAP_CLAIM_EVIDENCE]))
            return bad(c, SNAP_CLAIMS, i, "a list outside its array");
    }
    for (i = 0; i < c->count[SNAP_VERSIONS]; i++)
        if (!ref_ok(v[i].source, c->count[SNAP_SOURCES]) || !opt_ref_ok(v[i].claimant, entities) ||
            (v[i].modality != REL_MODALITY_NONE && !named(c->modalities, v[i].modality)))
            return bad(c, SNAP_VERSIONS, i, "a source or claimant that does not exist, or an unknown modality");
    for (i = 0; i < c->count[SNAP_RELATIONS]; i++)
        if (!named(c->relations, rel[i].type) || !ref_ok(rel[i].target, n))
            return bad(c, SNAP_RELATIONS, i, "an unknown type or a claim that does not exist");
    return REL_OK;
}

static rel_status check_values(checker *c)
{
    const char *times = data(c, SNAP_TIMES);
    const double *numbers = data(c, SNAP_NUMBERS);
    const snap_predicate *p = data(c, SNAP_PREDICATES);
    uint64_t i;

    for (i = 0; i < c->count[SNAP_TIMES]; i++)
        if (!rel_time__check((const rel_time *)(const void *)(times + i * sizeof(rel_time))))
            return bad(c, SNAP_TIMES, i, "not a time the parser could have made");
    for (i = 0; i < c->count[SNAP_NUMBERS]; i++)
        if (!isfinite(numbers[i]))
            return bad(c, SNAP_NUMBERS, i, "not a finite number");
    for (i = 0; i < c->count[SNAP_PREDICATES]; i++)
        if (p[i].flags & ~(uint32_t)REL_PREDICATE_FUNCTIONAL)
            return bad(c, SNAP_PREDICATES, i, "unknown flags");
    return REL_OK;
}

static rel_status check_alias_keys(checker *c, int keys, int entities)
{
    const snap_alias_key *k = data(c, keys);
    const uint32_t *e = data(c, entities);
    uint64_t i;
    uint32_t end = 0;

    /* A name is filed under a key only with an entity that has it: no key has an empty list. */
    for (i = 0; i < c->count[keys]; i++) {
        uint32_t start = end;
        if (!list_end_ok(k[i].entities_end, &end, c->count[entities]) || end == start)
            return bad(c, keys, i, "an empty list, or one outside its array");
    }
    for (i = 0; i < c->count[entities]; i++)
        if (!ref_ok(e[i], c->count[SNAP_ENTITIES]))
            return bad(c, entities, i, "an entity that does not exist");
    return REL_OK;
}

rel_status rel_snapshot__check(const char *base, size_t len, const rel_allocator *a, rel_error *err)
{
    checker c;
    uint32_t *text_len = NULL;
    rel_status st;
    int s;

    memset(&c, 0, sizeof(c));
    c.base = base;
    c.err = err;
    c.kinds = named_codes(rel_entity_kind_name);
    c.roles = named_codes(rel_role_name);
    c.modalities = named_codes(rel_modality_name);
    c.relations = named_codes(rel_relation_name);
    if ((st = check_sections(&c, len)) != REL_OK)
        return st;
    if (c.count[SNAP_SOURCES] &&
        !(text_len = rel__realloc_array(a, NULL, (size_t)c.count[SNAP_SOURCES], sizeof(*text_len))))
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    c.text_len = text_len;
    st = check_sources(&c, text_len);
    for (s = SNAP_ENTITY_EVIDENCE; st == REL_OK && s <= SNAP_GAP_EVIDENCE; s++)
        st = check_evidence(&c, s);
    if (st == REL_OK)
        st = check_entities(&c);
    if (st == REL_OK)
        st = check_events(&c);
    if (st == REL_OK)
        st = check_claims(&c);
    if (st == REL_OK)
        st = check_values(&c);
    if (st == REL_OK)
        st = check_alias_keys(&c, SNAP_EXACT_KEYS, SNAP_EXACT_ENTITIES);
    if (st == REL_OK)
        st = check_alias_keys(&c, SNAP_NORM_KEYS, SNAP_NORM_ENTITIES);
    rel__free(a, text_len);
    return st;
}
