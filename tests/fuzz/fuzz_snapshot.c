/* SPDX-License-Identifier: MIT */
/*
 * Snapshots opened from memory (rel_snapshot__open_mem) with the checksum
 * skipped: a changed byte almost never keeps a right checksum, and what the
 * fuzzer should reach is the structural checks behind it, which are all
 * that stands between a forged file and the reader. Whatever the bytes,
 * opening gives a knowledge base or REL_ERR_FORMAT, never a read out of
 * bounds. A knowledge base it gives is read through every call on every
 * object, looked up, exported, compared and queried; each string it hands
 * out ends with a NUL where its length says, and each span lies in its
 * source.
 *
 * Seeds: corpus/snapshot/ holds snapshots of tests/fuzz/snapshot_seed.json
 * and of an empty knowledge base, written by
 *   relations compile tests/fuzz/snapshot_seed.json -o tests/fuzz/corpus/snapshot/small.rel
 * They record the machine that wrote them (byte order, pointer size, size
 * of a rel_time): write them again if that changes, or every seed is
 * refused at the header.
 */
#include "fuzz.h"

#include "kb_impl.h"
#include "snapshot_impl.h"

/* A string the library handed out: NULL or NUL-terminated at its length. */
static void check_string(const char *s, size_t len)
{
    FUZZ_CHECK(s ? s[len] == '\0' : len == 0);
}

static int32_t sink(const char *data, size_t len, void *payload)
{
    size_t *total = payload;

    (void)data;
    *total += len;
    return 0;
}

static void read_time(const rel_time *t)
{
    char buf[64];
    size_t len;
    rel_time_bounds b;
    rel_time *copy = NULL;

    if (!t)
        return;
    rel_time_format(t, buf, sizeof(buf), &len);
    rel_time_describe(t, buf, sizeof(buf), &len);
    FUZZ_CHECK(rel_time_get_bounds(t, &b) == REL_OK);
    rel_time_mod(t);
    rel_time_is_relative(t);
    rel_time_in_window(t, -1000000, 1000000, REL_WINDOW_POSSIBLE);
    FUZZ_CHECK(rel_time_copy(&copy, t) == REL_OK);
    FUZZ_CHECK(rel_time_compare(copy, t) == 0);
    FUZZ_CHECK(rel_time_overlaps(copy, t) == rel_time_overlaps(t, t));
    rel_time_free(copy);
}

static void read_evidence(const rel_kb *kb, const rel_evidence *ev)
{
    const rel_source *src = rel_evidence_source(ev);
    uint64_t start = rel_evidence_start(ev), end = rel_evidence_end(ev), cs, ce;
    size_t text_len, len;
    const char *text = rel_source_text(src, &text_len);

    FUZZ_CHECK(src != NULL && rel_kb_source_at(kb, rel_source_index(src)) == src);
    FUZZ_CHECK(text != NULL && start < end && end <= text_len);
    FUZZ_CHECK(rel_evidence_text(ev, &len) == text + start && len == end - start);
    rel_evidence_codepoints(ev, &cs, &ce);
}

static void find_names(const rel_kb *kb, const char *name, size_t len)
{
    const rel_entity *found[4];
    size_t count, i;
    int32_t match;

    for (match = REL_MATCH_EXACT; match <= REL_MATCH_NORMALISED; match++) {
        if (rel_kb_find_alias(kb, name, len, match, found, 4, &count) != REL_OK)
            continue;
        FUZZ_CHECK(count > 0);
        for (i = 0; i < count && i < 4; i++)
            FUZZ_CHECK(rel_kb_entity_at(kb, rel_entity__index(found[i])) == found[i]);
    }
}

static void read_sources(const rel_kb *kb)
{
    const char *(*const meta[])(const rel_source *, size_t *) = {
        rel_source_title, rel_source_label, rel_source_lang, rel_source_date,
        rel_source_url,   rel_source_licence, rel_source_path};
    size_t i, m, len;

    for (i = 0; i < rel_kb_source_count(kb); i++) {
        const rel_source *s = rel_kb_source_at(kb, i), *found, *r;
        const char *id = rel_source_id(s, &len), *text;
        size_t steps = 0;
        check_string(id, len);
        if (rel_kb_find_source(kb, id, len, &found) == REL_OK)
            FUZZ_CHECK(found != NULL);
        text = rel_source_text(s, &len);
        check_string(text, len);
        if (len >= 2) {
            rel_quote q = {text, 2, NULL, 0, NULL, 0};
            uint64_t start, end;
            if (rel_source_find_quote(s, &q, &start, &end) == REL_OK)
                FUZZ_CHECK(end == start + 2 && end <= len);
        }
        for (m = 0; m < sizeof(meta) / sizeof(meta[0]); m++) {
            const char *v = meta[m](s, &len);
            check_string(v, len);
        }
        FUZZ_CHECK(rel_source_index(s) == i);
        for (r = rel_source_revises(s); r; r = rel_source_revises(r))
            FUZZ_CHECK(++steps <= i && rel_source_index(r) < i);
    }
}

static void read_entities(const rel_kb *kb)
{
    size_t i, j, len;

    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i), *found;
        const char *s = rel_entity_id(e, &len);
        check_string(s, len);
        if (rel_kb_find_entity(kb, s, len, &found) == REL_OK)
            FUZZ_CHECK(found != NULL && rel_kb_id_kind(kb, s, len) != REL_OBJECT_NONE); /* ids may repeat across kinds in a forged file */
        FUZZ_CHECK(rel_entity_kind_name(rel_entity_kind(e)) != NULL);
        s = rel_entity_name(e, &len);
        check_string(s, len);
        find_names(kb, s, len);
        for (j = 0; j < rel_entity_alias_count(e); j++) {
            s = rel_entity_alias_text(e, j, &len);
            check_string(s, len);
            find_names(kb, s, len);
            s = rel_entity_alias_lang(e, j, &len);
            check_string(s, len);
        }
        FUZZ_CHECK(rel_entity_alias_text(e, j, &len) == NULL);
        for (j = 0; j < rel_entity_evidence_count(e); j++)
            read_evidence(kb, rel_entity_evidence_at(e, j));
        FUZZ_CHECK(rel_entity_evidence_at(e, j) == NULL);
    }
}

static void read_events(const rel_kb *kb)
{
    size_t i, j, len;

    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev = rel_kb_event_at(kb, i), *found;
        const char *s = rel_event_id(ev, &len);
        check_string(s, len);
        if (rel_kb_find_event(kb, s, len, &found) == REL_OK)
            FUZZ_CHECK(found != NULL);
        s = rel_event_type(ev, &len);
        check_string(s, len);
        for (j = 0; j < rel_event_participant_count(ev); j++) {
            FUZZ_CHECK(rel_event_participant_entity(ev, j) != NULL);
            FUZZ_CHECK(rel_role_name(rel_event_participant_role(ev, j)) != NULL);
        }
        FUZZ_CHECK(rel_event_participant_entity(ev, j) == NULL);
        read_time(rel_event_time(ev));
        s = rel_event_time_text(ev, &len);
        check_string(s, len);
        for (j = 0; j < rel_event_evidence_count(ev); j++)
            read_evidence(kb, rel_event_evidence_at(ev, j));
        FUZZ_CHECK(rel_event__index(ev) == i);
    }
}

static void read_value(const rel_value *v)
{
    size_t len;
    const char *s = rel_value_text(v, &len);
    double number;

    check_string(s, len);
    switch (rel_value_kind(v)) {
    case REL_VALUE_ENTITY: FUZZ_CHECK(rel_value_entity(v) != NULL); break;
    case REL_VALUE_EVENT: FUZZ_CHECK(rel_value_event(v) != NULL); break;
    case REL_VALUE_CLAIM: FUZZ_CHECK(rel_value_claim(v) != NULL); break;
    case REL_VALUE_QUANTITY: FUZZ_CHECK(rel_value_quantity(v, &number) == REL_OK); break;
    case REL_VALUE_TIME: read_time(rel_value_time(v)); break;
    default: break;
    }
}

static void read_claims(const rel_kb *kb)
{
    size_t i, j, len;

    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i), *found;
        const char *s = rel_claim_id(c, &len);
        check_string(s, len);
        if (rel_kb_find_claim(kb, s, len, &found) == REL_OK)
            FUZZ_CHECK(found != NULL);
        read_value(rel_claim_subject(c));
        read_value(rel_claim_object(c));
        s = rel_claim_predicate(c, &len);
        check_string(s, len);
        rel_kb_predicate_is_functional(kb, s, len);
        FUZZ_CHECK(rel_claim_claimant(c) != NULL);
        FUZZ_CHECK(rel_modality_name(rel_claim_modality(c)) != NULL);
        rel_claim_polarity(c);
        for (j = 0; j < rel_kb_source_count(kb); j++) {
            rel_claim_claimant_in(c, rel_kb_source_at(kb, j));
            rel_claim_modality_in(c, rel_kb_source_at(kb, j));
        }
        for (j = 0; j < rel_claim_relation_count(c); j++) {
            FUZZ_CHECK(rel_relation_name(rel_claim_relation_type(c, j)) != NULL);
            FUZZ_CHECK(rel_claim_relation_target(c, j) != NULL);
        }
        for (j = 0; j < rel_claim_evidence_count(c); j++)
            read_evidence(kb, rel_claim_evidence_at(c, j));
        FUZZ_CHECK(rel_claim_evidence_at(c, j) == NULL);
    }
}

static void read_rest(const rel_kb *kb)
{
    size_t i, len;

    for (i = 0; i < rel_kb_predicate_count(kb); i++) {
        const char *name = rel_kb_predicate_name(kb, i, &len);
        check_string(name, len);
        rel_kb_predicate_flags(kb, i);
        rel_kb_predicate_is_functional(kb, name, len);
    }
    for (i = 0; i < rel_kb_unannotated_count(kb); i++) {
        const char *reason = rel_kb_unannotated_reason(kb, i, &len);
        check_string(reason, len);
        read_evidence(kb, rel_kb_unannotated_at(kb, i));
    }
    rel_kb_id_kind(kb, "iran", REL_NTS);
}

static void compare(const rel_kb *kb)
{
    rel_diff *d = NULL;
    size_t n = rel_kb_source_count(kb);

    if (n == 0)
        return;
    if (rel_diff_within(&d, kb, rel_kb_source_at(kb, 0), NULL) == REL_OK)
        rel_diff_free(d);
    if (n > 1 && rel_diff_sources(&d, kb, rel_kb_source_at(kb, 0), rel_kb_source_at(kb, 1), NULL) == REL_OK)
        rel_diff_free(d);
}

static void query(const rel_kb *kb, int32_t target, const char *actor, const char *text)
{
    rel_query_options opts = REL_QUERY_OPTIONS_INIT;
    rel_query *q = NULL;
    const rel_event *ev;
    const rel_claim *c;
    const rel_entity *e;
    size_t n = 0, count;

    opts.target = target;
    opts.actor = actor;
    opts.text = text;
    if (target == REL_QUERY_ENTITIES) {
        opts.actor = NULL;
        opts.alias = actor;
        opts.alias_match = REL_MATCH_PREFIX;
    }
    if (rel_query_new(&q, kb, &opts, NULL) != REL_OK)
        return;
    if (target == REL_QUERY_EVENTS)
        while (rel_query_next_event(q, &ev) == REL_OK)
            FUZZ_CHECK(ev != NULL && ++n <= rel_kb_event_count(kb));
    else if (target == REL_QUERY_CLAIMS)
        while (rel_query_next_claim(q, &c) == REL_OK)
            FUZZ_CHECK(c != NULL && ++n <= rel_kb_claim_count(kb));
    else
        while (rel_query_next_entity(q, &e) == REL_OK)
            FUZZ_CHECK(e != NULL && ++n <= rel_kb_entity_count(kb));
    FUZZ_CHECK(rel_query_count(q, &count) == REL_OK && count == n);
    rel_query_free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A heap copy of exactly the input: aligned as the format needs, and any read past its end is an ASan error. */
    char *copy = fuzz_dup(data, size);
    rel_kb *kb = NULL;
    rel_error err;
    size_t exported = 0;
    rel_status st = rel_snapshot__open_mem(&kb, copy, size, NULL, REL_SNAPSHOT__SKIP_CHECKSUM, &err);

    FUZZ_CHECK(st == REL_OK || st == REL_ERR_FORMAT);
    FUZZ_CHECK((st == REL_OK) == (kb != NULL));
    FUZZ_CHECK(st == err.status && (st == REL_OK) == (err.message[0] == '\0'));
    if (kb) {
        const char *actor = rel_kb_entity_count(kb) ? rel_entity_id(rel_kb_entity_at(kb, 0), NULL) : "iran";
        FUZZ_CHECK(rel_kb_is_read_only(kb));
        FUZZ_CHECK(rel_kb_add_entity(kb, "x", REL_NTS, REL_ENTITY_STATE, "X", REL_NTS) == REL_ERR_READ_ONLY);
        read_sources(kb);
        read_entities(kb);
        read_events(kb);
        read_claims(kb);
        read_rest(kb);
        FUZZ_CHECK(rel_kb_write_json(kb, sink, &exported, NULL) == REL_OK && exported > 0);
        compare(kb);
        query(kb, REL_QUERY_EVENTS, actor, NULL);
        query(kb, REL_QUERY_CLAIMS, actor, "trade grew");
        query(kb, REL_QUERY_ENTITIES, "nor", NULL);
        rel_kb_free(kb);
    }
    free(copy);
    return 0;
}
