/* SPDX-License-Identifier: MIT */
/*
 * Queries (query.h): random knowledge bases against a brute-force scan,
 * known answers on the built-in corpus, the rules of each filter, errors,
 * the life of the indexes, and allocation failure.
 *
 * How this file reads query.h where it leaves room (the brute force in
 * helpers/brute_query.c follows the same readings):
 * - window: the window is [strict_lo, strict_hi] of the expression, a side
 *   that is open or unknown reaching forever; an event without a time is
 *   never in a window; each event is tested with rel_time_in_window().
 * - claimant / modality without `source`: the claim matches if its default
 *   claimant (modality) is the one asked for, or if it is the claimant
 *   (modality) in any source, by rel_claim_claimant_in() (_modality_in());
 *   with `source`, only rel_claim_claimant_in(claim, source) counts, so a
 *   claim not stated in that source never matches.
 * - `source` on claims ("is stated in it"): the claim has evidence there.
 * - actor on claims: the subject or object is the entity, or is an event
 *   the entity takes part in; claims about claims are not followed.
 * - actor2 equal to actor: the entity takes part (both "take part").
 * - text on claims: "literal values" are values of kind REL_VALUE_LITERAL;
 *   the unit of a quantity and the words of a time are not searched.
 * - text on entities: "names" are the canonical name and every alias.
 * - words: runs of Unicode letters (L*), marks (M*) and decimal digits
 *   (Nd); each is normalised on its own, after the split. (Other numbers,
 *   such as "²", are left out of the tests: "digits" may or may not take
 *   them in.)
 * - alias PREFIX: the normalised name or alias begins, byte for byte, with
 *   the normalised query (so trailing space in the query is trimmed first).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <relations.h>

#include "brute_query.h"
#include "helpers.h"
#include "query_run.h"
#include "random_kb.h"
#include "random_query.h"

#define SRC_OLDER "000_d477b4b9c20a8e87"
#define SRC_EXCERPTS "001_689928cb94a769b6"
#define SRC_LATER "002_0300900bb6ce87ea"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A pointer no call would return: calls that fail must overwrite it with NULL. */
static const char poison[1];
#define POISON_QUERY ((rel_query *)(void *)poison)

/* ---- helpers ------------------------------------------------------------ */

static rel_query_options options(int32_t target)
{
    rel_query_options o = REL_QUERY_OPTIONS_INIT;

    o.target = target;
    return o;
}

static rel_query *query_ok(const rel_kb *kb, const rel_query_options *o)
{
    rel_query *q = NULL;
    rel_error err;
    char desc[1024];

    if (rel_query_new(&q, kb, o, &err) != REL_OK) {
        rq_describe(o, desc, sizeof(desc));
        fail_msg("query %s: %s (%s)", desc, rel_status_str(err.status), err.message);
    }
    assert_non_null(q);
    assert_int_equal(err.status, REL_OK);
    assert_string_equal(err.message, "");
    return q;
}

/* rel_query_new() that must fail: no query, the status in err, a message. */
static rel_status query_fails(const rel_kb *kb, const rel_query_options *o)
{
    rel_query *q = POISON_QUERY;
    rel_error err;
    rel_status st = rel_query_new(&q, kb, o, &err);
    char desc[1024];

    rq_describe(o, desc, sizeof(desc));
    if (st == REL_OK) {
        rel_query_free(q);
        fail_msg("query %s succeeded", desc);
    }
    assert_null(q);
    assert_int_equal(err.status, st);
    if (err.message[0] == '\0')
        fail_msg("query %s: %s without a message", desc, rel_status_str(st));
    /* Without an error record it fails the same way. */
    q = POISON_QUERY;
    assert_int_equal(rel_query_new(&q, kb, o, NULL), st);
    assert_null(q);
    return st;
}

/* Runs the query and asserts its results are exactly these ids, in this order. */
static void assert_ids(const rel_kb *kb, const rel_query_options *o, const char *const *ids, size_t n)
{
    rel_query *q = query_ok(kb, o);
    const void *got[512];
    size_t count = 99999, i, ngot;
    char desc[1024], list[4096];

    assert_int_equal(rel_query_count(q, &count), REL_OK);
    ngot = qr_collect(q, o->target, got, COUNT(got));
    rq_describe(o, desc, sizeof(desc));
    qr_ids(o->target, got, ngot < COUNT(got) ? ngot : COUNT(got), list, sizeof(list));
    if (ngot != n)
        fail_msg("query %s: %zu results, not %zu: %s", desc, ngot, n, list);
    for (i = 0; i < n; i++)
        if (strcmp(qr_id(o->target, got[i]), ids[i]) != 0)
            fail_msg("query %s: result %zu is \"%s\", not \"%s\": %s", desc, i, qr_id(o->target, got[i]), ids[i],
                     list);
    assert_int_equal(count, n);
    rel_query_free(q);
}

#define ASSERT_IDS(kb, o, ...)                                                                              \
    do {                                                                                                    \
        static const char *const ids_[] = {__VA_ARGS__};                                                    \
        assert_ids((kb), (o), ids_, COUNT(ids_));                                                           \
    } while (0)

#define ASSERT_NONE(kb, o) assert_ids((kb), (o), NULL, 0)

/* ---- brute force against random knowledge bases ------------------------- */

static int cmp_rows(const rel_year_count *a, const rel_year_count *b, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (a[i].year != b[i].year || a[i].count != b[i].count)
            return 1;
    return 0;
}

/* The query gives what the brute force gives: results, count, per-year counts, and again after a reset. */
static void check_query(const rel_kb *kb, const bq_kb *b, const rel_query_options *o, const char *where)
{
    size_t cap = rel_kb_entity_count(kb) + rel_kb_event_count(kb) + rel_kb_claim_count(kb) + 1;
    const void **want = calloc(cap, sizeof(*want)), **got = calloc(cap, sizeof(*got));
    size_t nwant, ngot, i, count = 99999;
    char desc[1024], wlist[2048], glist[2048];
    rel_query *q;

    assert_true(want && got);
    nwant = bq_expected(b, o, want, cap);
    q = query_ok(kb, o);
    ngot = qr_collect(q, o->target, got, cap);
    rq_describe(o, desc, sizeof(desc));
    for (i = 0; i < nwant && i < ngot && want[i] == got[i]; i++)
        ;
    if (i < nwant || i < ngot) {
        qr_ids(o->target, want, nwant, wlist, sizeof(wlist));
        qr_ids(o->target, got, ngot < cap ? ngot : cap, glist, sizeof(glist));
        fail_msg("%s: query %s\n  expected %zu: %s\n  got %zu: %s\n  first difference at %zu", where, desc, nwant,
                 wlist, ngot, glist, i);
    }
    assert_int_equal(rel_query_count(q, &count), REL_OK);
    if (count != nwant)
        fail_msg("%s: query %s: rel_query_count gives %zu, not %zu", where, desc, count, nwant);
    if (o->target == REL_QUERY_EVENTS) {
        rel_year_count *wrows = calloc(nwant + 1, sizeof(*wrows)), *grows = calloc(nwant + 1, sizeof(*grows));
        uint64_t wundated = 0, gundated = 99999;
        size_t wlen, glen = 99999;

        assert_true(wrows && grows);
        wlen = bq_years(want, nwant, wrows, nwant + 1, &wundated);
        assert_int_equal(rel_query_count_by_year(q, grows, nwant + 1, &glen, &gundated), REL_OK);
        if (glen != wlen || gundated != wundated || cmp_rows(wrows, grows, wlen))
            fail_msg("%s: query %s: count_by_year gives %zu years (%llu undated), not %zu (%llu)%s", where, desc,
                     glen, (unsigned long long)gundated, wlen, (unsigned long long)wundated,
                     glen == wlen ? ", or other rows" : "");
        free(wrows);
        free(grows);
    }
    /* From the start again: the same results. */
    assert_int_equal(rel_query_reset(q), REL_OK);
    assert_int_equal(qr_collect(q, o->target, got, cap), nwant);
    for (i = 0; i < nwant; i++)
        if (got[i] != want[i])
            fail_msg("%s: query %s: result %zu differs after rel_query_reset", where, desc, i);
    rel_query_free(q);
    free(want);
    free(got);
}

static void random_queries(uint64_t seed, const rkb_size *size, size_t queries)
{
    rel_kb *kb = rkb_new(seed, size, NULL);
    bq_kb *b = bq_new(kb);
    size_t i, nonempty = 0;
    rkb_rng r;
    char where[64];

    rkb_seed(&r, seed * 7919 + 1);
    for (i = 0; i < queries; i++) {
        rq_query q;
        const void *one[1];

        rq_random(&q, kb, &r);
        snprintf(where, sizeof(where), "seed %llu, query %zu", (unsigned long long)seed, i);
        check_query(kb, b, &q.opts, where);
        if (bq_expected(b, &q.opts, one, 1) > 0)
            nonempty++;
    }
    /* The draws are worth something: a good share of queries find something. */
    if (nonempty < queries / 5)
        fail_msg("seed %llu: only %zu of %zu queries found anything", (unsigned long long)seed, nonempty, queries);
    bq_free(b);
    rel_kb_free(kb);
}

static void test_query__random_tiny_kb(void **state)
{
    const rkb_size size = {1, 6, 10, 8};

    (void)state;
    random_queries(1, &size, 300);
}

static void test_query__random_small_kb(void **state)
{
    const rkb_size size = {2, 20, 60, 50};

    (void)state;
    random_queries(2, &size, 300);
}

static void test_query__random_medium_kb(void **state)
{
    const rkb_size size = {3, 40, 150, 120};

    (void)state;
    random_queries(3, &size, 300);
}

static void test_query__random_claim_heavy_kb(void **state)
{
    const rkb_size size = {4, 12, 40, 160};

    (void)state;
    random_queries(4, &size, 300);
}

static void test_query__random_many_entities(void **state)
{
    const rkb_size size = {2, 80, 120, 60};

    (void)state;
    random_queries(5, &size, 300);
}

/*
 * Pairs of actors in windows, on a knowledge base with few entities and
 * many events, so that every pair has many events at many times.
 */
static void test_query__random_pairs_in_windows(void **state)
{
    const rkb_size size = {2, 4, 300, 10};
    rel_kb *kb = rkb_new(6, &size, NULL);
    bq_kb *b = bq_new(kb);
    size_t i;
    rkb_rng r;
    char where[64];

    (void)state;
    rkb_seed(&r, 606);
    for (i = 0; i < 300; i++) {
        rq_query q;

        rq_random_pair_in_window(&q, kb, &r);
        snprintf(where, sizeof(where), "pairs in windows, query %zu", i);
        check_query(kb, b, &q.opts, where);
    }
    bq_free(b);
    rel_kb_free(kb);
}

/* Queries with no filter at all give everything, in order. */
static void test_query__no_filter_gives_everything(void **state)
{
    const rkb_size size = {2, 15, 30, 25};
    rel_kb *kb = rkb_new(11, &size, NULL);
    bq_kb *b = bq_new(kb);
    int32_t target;

    (void)state;
    for (target = REL_QUERY_EVENTS; target <= REL_QUERY_ENTITIES; target++) {
        rel_query_options o = options(target);
        const void *want[64];
        size_t n = bq_expected(b, &o, want, COUNT(want));

        assert_int_equal(n, target == REL_QUERY_EVENTS ? 30 : target == REL_QUERY_CLAIMS ? 25 : 15);
        check_query(kb, b, &o, "no filter");
    }
    bq_free(b);
    rel_kb_free(kb);
}

/* ---- the rules, on a small hand-made knowledge base --------------------- */

#define S1_TEXT "Iran sent nuclear arms to Syria in 1990. The Iran\xE2\x80\x93Iraq war. Stra\xC3\x9F" "e caf\xC3\xA9."
#define S2_TEXT "Some media reports say tonnes of aid went to Iraq."

#define OK(call) assert_int_equal((call), REL_OK)

static void add_claim(rel_kb *kb, const char *id, int32_t skind, const char *subject, const char *predicate,
                      int32_t okind, const char *object, const char *claimant, int32_t modality)
{
    rel_claim_spec c = REL_CLAIM_SPEC_INIT;

    c.id = id;
    c.id_len = REL_NTS;
    c.subject.kind = skind;
    c.subject.str = subject;
    c.subject.str_len = REL_NTS;
    c.predicate = predicate;
    c.predicate_len = REL_NTS;
    c.object.kind = okind;
    c.object.str = object;
    c.object.str_len = REL_NTS;
    c.object.number = 3.0;
    c.claimant = claimant;
    c.claimant_len = REL_NTS;
    c.modality = modality;
    OK(rel_kb_add_claim(kb, &c));
}

static void add_quote(rel_kb *kb, const char *object, const char *source, const char *exact)
{
    rel_quote q = {exact, REL_NTS, NULL, 0, NULL, 0};

    OK(rel_kb_add_evidence_quote(kb, object, REL_NTS, source, REL_NTS, &q));
}

/*
 * Sources s1, s2; entities iran, syria, iraq, media, article; events
 *   ev-aid   AID.military  iran (agent and location), syria   1990        evidence in s1
 *   ev-aidx  AIDX          iran                               1990
 *   ev-root  AID           (nobody)                           (no time)   evidence in s2
 *   ev-aid_x AID_X         iraq, syria                        BEFORE 1985
 * and claims
 *   cl-sent   ev-aid supplies_arms_to syria    article asserted; in s2: media, reported; evidence in s2 only
 *   cl-weight ev-root weighs 3 "tonnes"        media reported; no evidence
 *   cl-about  cl-sent disputes "war words"     article denied; evidence in s1
 *   cl-when   iraq happened_in time "1990"     article asserted (time words "in 1990")
 */
static rel_kb *rules_kb(void)
{
    rel_source_spec s = REL_SOURCE_SPEC_INIT;
    rel_claim_spec c = REL_CLAIM_SPEC_INIT;
    rel_kb *kb = NULL;

    OK(rel_kb_new(&kb, NULL));
    s.id = "s1";
    s.id_len = REL_NTS;
    s.text = S1_TEXT;
    s.text_len = REL_NTS;
    OK(rel_kb_add_source(kb, &s));
    s.id = "s2";
    s.text = S2_TEXT;
    OK(rel_kb_add_source(kb, &s));

    OK(rel_kb_add_entity(kb, "iran", REL_NTS, REL_ENTITY_STATE, "Iran", REL_NTS));
    OK(rel_kb_add_alias(kb, "iran", REL_NTS, "Iran\xE2\x80\x99s", REL_NTS, "en", REL_NTS));
    OK(rel_kb_add_alias(kb, "iran", REL_NTS, "Persia", REL_NTS, "en", REL_NTS));
    OK(rel_kb_add_entity(kb, "syria", REL_NTS, REL_ENTITY_STATE, "Syria", REL_NTS));
    OK(rel_kb_add_entity(kb, "iraq", REL_NTS, REL_ENTITY_STATE, "Iraq", REL_NTS));
    OK(rel_kb_add_alias(kb, "iraq", REL_NTS, "Iran\xE2\x80\x93Iraq border", REL_NTS, "en", REL_NTS));
    OK(rel_kb_add_entity(kb, "media", REL_NTS, REL_ENTITY_GROUP, "Some media reports", REL_NTS));
    OK(rel_kb_add_entity(kb, "article", REL_NTS, REL_ENTITY_PUBLICATION, "the article", REL_NTS));
    add_quote(kb, "iran", "s1", "Iran sent");
    add_quote(kb, "media", "s2", "Some media reports");

    OK(rel_kb_add_event(kb, "ev-aid", REL_NTS, "AID.military", REL_NTS));
    OK(rel_kb_add_participant(kb, "ev-aid", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT));
    OK(rel_kb_add_participant(kb, "ev-aid", REL_NTS, "syria", REL_NTS, REL_ROLE_RECIPIENT));
    OK(rel_kb_add_participant(kb, "ev-aid", REL_NTS, "iran", REL_NTS, REL_ROLE_LOCATION));
    OK(rel_kb_set_event_time(kb, "ev-aid", REL_NTS, "1990", REL_NTS, "in 1990", REL_NTS));
    add_quote(kb, "ev-aid", "s1", "Iran sent nuclear arms to Syria in 1990");
    OK(rel_kb_add_event(kb, "ev-aidx", REL_NTS, "AIDX", REL_NTS));
    OK(rel_kb_add_participant(kb, "ev-aidx", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT));
    OK(rel_kb_set_event_time(kb, "ev-aidx", REL_NTS, "1990", REL_NTS, NULL, 0));
    OK(rel_kb_add_event(kb, "ev-root", REL_NTS, "AID", REL_NTS));
    add_quote(kb, "ev-root", "s2", "tonnes of aid went to Iraq");
    OK(rel_kb_add_event(kb, "ev-aid_x", REL_NTS, "AID_X", REL_NTS));
    OK(rel_kb_add_participant(kb, "ev-aid_x", REL_NTS, "iraq", REL_NTS, REL_ROLE_AGENT));
    OK(rel_kb_add_participant(kb, "ev-aid_x", REL_NTS, "syria", REL_NTS, REL_ROLE_TARGET));
    OK(rel_kb_set_event_time(kb, "ev-aid_x", REL_NTS, "BEFORE 1985", REL_NTS, NULL, 0));

    add_claim(kb, "cl-sent", REL_VALUE_EVENT, "ev-aid", "supplies_arms_to", REL_VALUE_ENTITY, "syria", "article",
              REL_MODALITY_ASSERTED);
    OK(rel_kb_set_claim_version(kb, "cl-sent", REL_NTS, "s2", REL_NTS, "media", REL_NTS, REL_MODALITY_REPORTED));
    add_quote(kb, "cl-sent", "s2", "say tonnes of aid went");
    add_claim(kb, "cl-weight", REL_VALUE_EVENT, "ev-root", "weighs", REL_VALUE_QUANTITY, "tonnes", "media",
              REL_MODALITY_REPORTED);
    add_claim(kb, "cl-about", REL_VALUE_CLAIM, "cl-sent", "disputes", REL_VALUE_LITERAL, "war words", "article",
              REL_MODALITY_DENIED);
    add_quote(kb, "cl-about", "s1", "The Iran");
    c.id = "cl-when";
    c.id_len = REL_NTS;
    c.subject.kind = REL_VALUE_ENTITY;
    c.subject.str = "iraq";
    c.subject.str_len = REL_NTS;
    c.predicate = "happened_in";
    c.predicate_len = REL_NTS;
    c.object.kind = REL_VALUE_TIME;
    c.object.str = "1990";
    c.object.str_len = REL_NTS;
    c.object.words = "in 1990";
    c.object.words_len = REL_NTS;
    c.claimant = "article";
    c.claimant_len = REL_NTS;
    c.modality = REL_MODALITY_ASSERTED;
    OK(rel_kb_add_claim(kb, &c));
    return kb;
}

static int setup_rules(void **state)
{
    *state = rules_kb();
    return 0;
}

static void test_query__type_takes_subtypes_not_prefixes(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.type = "AID";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-root");
    o.type = "AID.military";
    ASSERT_IDS(kb, &o, "ev-aid");
    o.type = "AIDX";
    ASSERT_IDS(kb, &o, "ev-aidx");
    o.type = "AID_X";
    ASSERT_IDS(kb, &o, "ev-aid_x");
    o.type = "AI";
    ASSERT_NONE(kb, &o);
    o.type = "AID.mil";
    ASSERT_NONE(kb, &o);
}

static void test_query__participant_twice_comes_once(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.actor = "iran";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-aidx");
}

static void test_query__actor_pair_is_unordered(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.actor = "iran";
    o.actor2 = "syria";
    ASSERT_IDS(kb, &o, "ev-aid");
    o.actor = "syria";
    o.actor2 = "iran";
    ASSERT_IDS(kb, &o, "ev-aid");
    o.actor2 = "iraq";
    ASSERT_IDS(kb, &o, "ev-aid_x");
    o.actor = "iran";
    ASSERT_NONE(kb, &o);
}

/* Reading: with actor2 the same as actor, "both take part" is that entity taking part. */
static void test_query__actor2_same_as_actor(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.actor = "iran";
    o.actor2 = "iran";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-aidx");
}

static void test_query__claim_actor_through_events(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_CLAIMS);

    /* Iran takes part in ev-aid, the subject of cl-sent; cl-about is about cl-sent, which is not followed. */
    o.actor = "iran";
    ASSERT_IDS(kb, &o, "cl-sent");
    o.actor = "syria";
    ASSERT_IDS(kb, &o, "cl-sent");
    o.actor = "iraq";
    ASSERT_IDS(kb, &o, "cl-when");
    o.actor = "media"; /* a claimant, not a subject or object */
    ASSERT_NONE(kb, &o);
}

static void test_query__about_entity_event_claim(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_CLAIMS);

    o.about = "syria";
    ASSERT_IDS(kb, &o, "cl-sent");
    o.about = "ev-root";
    ASSERT_IDS(kb, &o, "cl-weight");
    o.about = "cl-sent";
    ASSERT_IDS(kb, &o, "cl-about");
    o.about = "iran"; /* takes part in ev-aid, but no claim names it */
    ASSERT_NONE(kb, &o);
}

/* Reading: without a source, the default claimant or the one of any source; with one, only that source's. */
static void test_query__claimant_per_source(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_CLAIMS);

    o.claimant = "media";
    ASSERT_IDS(kb, &o, "cl-sent", "cl-weight");
    o.source = "s2";
    ASSERT_IDS(kb, &o, "cl-sent");
    o.source = "s1";
    ASSERT_NONE(kb, &o);
    o.claimant = "article";
    ASSERT_IDS(kb, &o, "cl-about");
    o.source = "s2"; /* cl-sent is made by the media there */
    ASSERT_NONE(kb, &o);
    o.source = NULL;
    /* cl-sent: its default claimant is the article, though the one source that states it says the media. */
    ASSERT_IDS(kb, &o, "cl-sent", "cl-about", "cl-when");
}

static void test_query__modality_per_source(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_CLAIMS);

    o.modality = REL_MODALITY_REPORTED;
    ASSERT_IDS(kb, &o, "cl-sent", "cl-weight");
    o.source = "s2";
    ASSERT_IDS(kb, &o, "cl-sent");
    o.modality = REL_MODALITY_ASSERTED;
    ASSERT_NONE(kb, &o);
    o.source = NULL;
    ASSERT_IDS(kb, &o, "cl-sent", "cl-when");
    o.modality = REL_MODALITY_DENIED;
    o.source = "s1";
    ASSERT_IDS(kb, &o, "cl-about");
}

static void test_query__source_means_evidence_there(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.source = "s1";
    ASSERT_IDS(kb, &o, "ev-aid");
    o.source = "s2";
    ASSERT_IDS(kb, &o, "ev-root");
    o = options(REL_QUERY_CLAIMS);
    o.source = "s2";
    ASSERT_IDS(kb, &o, "cl-sent");
    o = options(REL_QUERY_ENTITIES);
    o.source = "s1";
    ASSERT_IDS(kb, &o, "iran");
    o.source = "s2";
    ASSERT_IDS(kb, &o, "media");
}

static void test_query__window_semantics(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.window = "1990";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-aidx");
    o.window = "1990-06";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-aidx");
    o.window_semantics = REL_WINDOW_CERTAIN;
    ASSERT_NONE(kb, &o);
    o.window = "1989/1991";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-aidx");
    /* BEFORE 1985 has no first day: never certainly in a window, possibly in one that reaches back. */
    o.window = "../1984";
    ASSERT_NONE(kb, &o);
    o.window_semantics = REL_WINDOW_POSSIBLE;
    ASSERT_IDS(kb, &o, "ev-aid_x");
    o.window = "1986/..";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-aidx");
    /* A relative time without anchor has unknown bounds: the window is everything, and undated events stay out. */
    o.window = "MORE_THAN -P5Y";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-aidx", "ev-aid_x");
}

static void test_query__text_words(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.text = "NUCLEAR";
    ASSERT_IDS(kb, &o, "ev-aid");
    o.text = "syria, nuclear";
    ASSERT_IDS(kb, &o, "ev-aid");
    o.text = "nuclear iraq"; /* every word must occur */
    ASSERT_NONE(kb, &o);
    o.text = "nucl"; /* words, not prefixes */
    ASSERT_NONE(kb, &o);
    o.text = "Iraq";
    ASSERT_IDS(kb, &o, "ev-root");
    o = options(REL_QUERY_CLAIMS);
    o.text = "Iran-Iraq"; /* two words: cl-about's evidence "The Iran" has one of them */
    ASSERT_NONE(kb, &o);
    o.text = "war";          /* the literal "war words" */
    ASSERT_IDS(kb, &o, "cl-about");
    o.text = "arms";         /* a piece of the predicate supplies_arms_to */
    ASSERT_IDS(kb, &o, "cl-sent");
    o.text = "supplies arms to";
    ASSERT_IDS(kb, &o, "cl-sent");
    o.text = "Tonnes";       /* cl-sent's evidence; cl-weight's unit is not a literal */
    ASSERT_IDS(kb, &o, "cl-sent");
    o.text = "1990";         /* cl-when's time words are not a literal */
    ASSERT_NONE(kb, &o);
    o = options(REL_QUERY_ENTITIES);
    o.text = "iraq Iran";    /* iraq's alias "Iran–Iraq border" */
    ASSERT_IDS(kb, &o, "iraq");
    o.text = "s";            /* "Iran’s": the apostrophe splits */
    ASSERT_IDS(kb, &o, "iran");
    o.text = "persia";
    ASSERT_IDS(kb, &o, "iran");
    o.text = "sent";         /* evidence */
    ASSERT_IDS(kb, &o, "iran");
}

/* The number of words in a query is not limited (query.h names no limit). */
static void test_query__text_of_many_words(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);
    char text[512];
    size_t i, len = 0;

    for (i = 0; i < 40; i++)
        len += (size_t)snprintf(text + len, sizeof(text) - len, "%s", i % 2 ? "Iran " : "syria ");
    o.text = text;
    ASSERT_IDS(kb, &o, "ev-aid");
    /* Forty words, thirty-nine of them nowhere. */
    len = 0;
    for (i = 0; i < 40; i++)
        len += (size_t)snprintf(text + len, sizeof(text) - len, "nothing%zu ", i);
    snprintf(text + len, sizeof(text) - len, "iran");
    ASSERT_NONE(kb, &o);
}

/* Reading: a text without any word (only spaces and punctuation) asks for no word, so it does not restrict. */
static void test_query__text_without_words(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.text = " -- , ";
    o.type = "AID";
    ASSERT_IDS(kb, &o, "ev-aid", "ev-root");
}

static void test_query__text_normalised(void **state)
{
    rel_kb *kb = rules_kb();
    rel_query_options o = options(REL_QUERY_CLAIMS);

    (void)state;
    /* cl-about's evidence is "The Iran". */
    o.text = "THE";
    ASSERT_IDS(kb, &o, "cl-about");
    o = options(REL_QUERY_EVENTS);
    add_quote(kb, "ev-aidx", "s1", "Stra\xC3\x9F" "e caf\xC3\xA9");
    o.text = "STRASSE";
    ASSERT_IDS(kb, &o, "ev-aidx");
    o.text = "cafe\xCC\x81"; /* decomposed */
    ASSERT_IDS(kb, &o, "ev-aidx");
    o.text = "CAF\xC3\x89"; /* capital, precomposed */
    ASSERT_IDS(kb, &o, "ev-aidx");
    o.text = "cafe";
    ASSERT_NONE(kb, &o);
    rel_kb_free(kb);
}

static void test_query__alias_matching(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_ENTITIES);

    o.alias = "Iran";
    ASSERT_IDS(kb, &o, "iran");
    o.alias = "iran";
    ASSERT_NONE(kb, &o);
    o.alias = "Iran's";
    ASSERT_NONE(kb, &o);
    o.alias_match = REL_MATCH_NORMALISED;
    ASSERT_IDS(kb, &o, "iran");
    o.alias = "  IRAN ";
    ASSERT_IDS(kb, &o, "iran");
    o.alias = "iran-iraq BORDER";
    ASSERT_IDS(kb, &o, "iraq");
    o.alias = "Iran-Iraq";
    ASSERT_NONE(kb, &o);
    o.alias_match = REL_MATCH_PREFIX;
    ASSERT_IDS(kb, &o, "iraq");
    o.alias = "IR";
    ASSERT_IDS(kb, &o, "iran", "iraq");
    o.alias = "the ";
    ASSERT_IDS(kb, &o, "article");
    o.alias = "Persia";
    ASSERT_IDS(kb, &o, "iran");
    o.alias = "ersia"; /* a prefix, not a substring */
    ASSERT_NONE(kb, &o);
    o.entity_kind = REL_ENTITY_GROUP;
    o.alias = "some";
    ASSERT_IDS(kb, &o, "media");
    o.entity_kind = REL_ENTITY_STATE;
    ASSERT_NONE(kb, &o);
}

static void test_query__count_by_year_rules(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);
    rel_year_count rows[4];
    rel_query *q;
    size_t len = 0;
    uint64_t undated = 0;

    q = query_ok(kb, &o);
    assert_int_equal(rel_query_count_by_year(q, rows, COUNT(rows), &len, &undated), REL_OK);
    /* ev-aid and ev-aidx in 1990; ev-root has no time and BEFORE 1985 no first day. */
    assert_int_equal(len, 1);
    assert_int_equal(rows[0].year, 1990);
    assert_int_equal(rows[0].count, 2);
    assert_int_equal(undated, 2);
    rel_query_free(q);
}

/* ---- known answers on the built-in knowledge base ------------------------ */

static void test_query__builtin_iran_and_north_korea(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.actor = "iran";
    o.actor2 = "north-korea";
    ASSERT_IDS(kb, &o, "pledge-of-cooperation", "nk-arms-sales-to-iran", "communist-bloc-arms-deals",
               "nk-domestic-weapons-sales", "nk-continuing-sales", "axis-of-evil-label", "state-sponsors-designation",
               "nk-military-aid-iran-iraq-war", "iran-maintains-relations-with-both-koreas",
               "military-aid-to-hezbollah", "siding-with-assad", "persian-gulf-war-arms-supply",
               "military-expertise-exchange", "arms-trade-treaty-blocked-2013", "dprk-supports-iraqi-claims",
               "dprk-condemns-island-seizure", "boeing-flights-1980");
    /* "Since the 1980s" (ON_OR_AFTER 198X) may fall in 1970-1989, but not surely. */
    o.window = "1970/1989";
    ASSERT_IDS(kb, &o, "nk-arms-sales-to-iran", "dprk-supports-iraqi-claims", "dprk-condemns-island-seizure",
               "boeing-flights-1980");
    o.window_semantics = REL_WINDOW_CERTAIN;
    ASSERT_IDS(kb, &o, "dprk-supports-iraqi-claims", "dprk-condemns-island-seizure", "boeing-flights-1980");
    o.window = "1980-10";
    ASSERT_IDS(kb, &o, "boeing-flights-1980");
    o.window_semantics = REL_WINDOW_POSSIBLE;
    o.source = SRC_EXCERPTS;
    o.window = "1960/1979";
    ASSERT_IDS(kb, &o, "dprk-supports-iraqi-claims", "dprk-condemns-island-seizure");
}

static void test_query__builtin_types(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.type = "AID";
    ASSERT_IDS(kb, &o, "nk-military-aid-iran-iraq-war", "military-aid-to-hezbollah", "persian-gulf-war-arms-supply",
               "boeing-flights-1980");
    o.type = "COERCE";
    ASSERT_IDS(kb, &o, "shipment-intercepted-2009", "iran-seizes-islands");
    o.type = "REGIME_CHANGE.establish";
    ASSERT_IDS(kb, &o, "islamic-republic-established", "khomeini-establishes-administration");
    o.type = "REGIME";
    ASSERT_NONE(kb, &o);
}

static void test_query__builtin_claimants_and_modalities(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_CLAIMS);

    /* "Some media reports" make the nuclear cooperation claim in the later version only. */
    o.claimant = "some-media-reports";
    ASSERT_IDS(kb, &o, "c-nuclear-cooperation");
    o.source = SRC_LATER;
    ASSERT_IDS(kb, &o, "c-nuclear-cooperation");
    o.source = SRC_OLDER;
    ASSERT_NONE(kb, &o);
    o.claimant = "iranian-leaders";
    ASSERT_IDS(kb, &o, "c-salafi-extremism-threatens-iran", "c-us-accused-of-weakness");
    o = options(REL_QUERY_CLAIMS);
    o.modality = REL_MODALITY_REPORTED;
    o.source = SRC_OLDER;
    ASSERT_IDS(kb, &o, "c-relations-positive", "c-us-efforts-are-interference", "c-shipment-destined-for-iran");
    o.source = NULL;
    ASSERT_IDS(kb, &o, "c-relations-positive", "c-nuclear-cooperation", "c-us-efforts-are-interference",
               "c-shipment-destined-for-iran", "c-hwasong-14-similar-to-iranian-slv", "c-silla-east-of-china",
               "c-silla-rich", "c-silla-culture-comparable-with-persia");
    o.modality = REL_MODALITY_PRESUMED;
    ASSERT_IDS(kb, &o, "c-relationship-1500-years", "c-silla-era-exchanges", "c-glass-from-persia",
               "c-sword-from-persia", "c-relics-sent-presumed");
}

static void test_query__builtin_about_and_actor(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_CLAIMS);

    o.about = "c-nuclear-cooperation";
    ASSERT_IDS(kb, &o, "c-nuclear-disputed-by-us-publications", "c-nuclear-disputed-by-academic-studies");
    o.about = "nk-arms-sales-to-iran";
    ASSERT_IDS(kb, &o, "c-us-concerned-by-arms-deals", "c-arms-deals-started-1980s",
               "c-sales-increased-in-iran-iraq-war", "c-sales-expanded-to-nuclear", "c-sales-involved-syria");
    o.about = NULL;
    o.actor = "iraq";
    ASSERT_IDS(kb, &o, "c-aid-caused-iraqi-break", "c-talks-failed", "c-us-efforts-are-interference",
               "c-boeing-flights-after-outbreak", "c-iraq-territorial-claims-against-iran");
    o.actor = "syria";
    ASSERT_IDS(kb, &o, "c-sales-involved-syria");
}

static void test_query__builtin_entities(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_ENTITIES);

    o.alias = "iran-iraq war";
    o.alias_match = REL_MATCH_NORMALISED;
    ASSERT_IDS(kb, &o, "iran-iraq-war");
    o.alias_match = REL_MATCH_EXACT;
    ASSERT_NONE(kb, &o);
    o.alias = "Persian";
    ASSERT_IDS(kb, &o, "persia", "persian-language");
    o.alias = "iran";
    o.alias_match = REL_MATCH_PREFIX;
    ASSERT_IDS(kb, &o, "article", "iran-north-korea-relations", "iran", "iranian-military-university",
               "iranian-leaders", "iranian-news-agencies", "iranian-operators", "iranian-reformists",
               "conservative-hard-liners", "iranian-embassy-pyongyang", "iranian-space-launch-vehicles",
               "iran-iraq-war");
    o.alias = "North K";
    ASSERT_IDS(kb, &o, "north-korea", "north-korean-authorities", "north-korean-military-students",
               "north-korean-ambassadors-to-iran");
    o = options(REL_QUERY_ENTITIES);
    o.entity_kind = REL_ENTITY_GROUP;
    o.source = SRC_EXCERPTS;
    ASSERT_IDS(kb, &o, "official-news-agencies", "academic-circles", "iranian-leaders", "dprk-diplomats-in-tehran",
               "iranian-reformists", "conservative-hard-liners", "middle-eastern-merchants",
               "north-korean-military-students");
}

static void test_query__builtin_full_text(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_CLAIMS);

    o.text = "Nuclear";
    ASSERT_IDS(kb, &o, "c-nuclear-cooperation", "c-nk-sells-missiles", "c-nk-sells-nuclear-technology",
               "c-sales-expanded-to-nuclear", "c-iran-cannot-afford-nuclear-confrontation", "c-reformists-reason");
    o.text = "selling"; /* continues_selling */
    ASSERT_IDS(kb, &o, "c-nk-sells-missiles", "c-nk-sells-nuclear-technology");
    o = options(REL_QUERY_EVENTS);
    o.text = "nuclear";
    ASSERT_IDS(kb, &o, "nk-continuing-sales");
    o.text = "Iran-Iraq";
    ASSERT_IDS(kb, &o, "nk-military-aid-iran-iraq-war", "dprk-supports-iraqi-claims", "iran-iraq-war-outbreak");
    o = options(REL_QUERY_ENTITIES);
    o.text = "nuclear";
    ASSERT_IDS(kb, &o, "iran-nuclear-program");
    o.text = "Korea Iran";
    ASSERT_IDS(kb, &o, "article", "iran-north-korea-relations", "korea-iran-relations", "official-news-agencies");
}

static void test_query__builtin_count_by_year(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);
    static const rel_year_count want[] = {{601, 1},  {1145, 1}, {1962, 1}, {1971, 2}, {1979, 3},
                                          {1980, 2}, {1982, 2}, {2009, 1}, {2013, 1}, {2021, 1}};
    rel_year_count rows[16];
    rel_query *q = query_ok(kb, &o);
    size_t len = 0, i;
    uint64_t undated = 0;

    assert_int_equal(rel_query_count_by_year(q, rows, COUNT(rows), &len, &undated), REL_OK);
    assert_int_equal(len, COUNT(want));
    for (i = 0; i < COUNT(want); i++) {
        assert_int_equal(rows[i].year, want[i].year);
        assert_int_equal(rows[i].count, want[i].count);
    }
    /* 35 events without a time, and "more than 1600 years ago" without a first day. */
    assert_int_equal(undated, 36);
    rel_query_free(q);
}

/* ---- iteration ---------------------------------------------------------- */

static void test_query__done_at_the_end_and_after(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);
    const rel_event *ev = NULL;
    rel_query *q;

    o.type = "COERCE";
    q = query_ok(kb, &o);
    assert_int_equal(rel_query_next_event(q, &ev), REL_OK);
    assert_string_equal(rel_event_id(ev, NULL), "shipment-intercepted-2009");
    assert_int_equal(rel_query_next_event(q, &ev), REL_OK);
    assert_string_equal(rel_event_id(ev, NULL), "iran-seizes-islands");
    assert_int_equal(rel_query_next_event(q, &ev), REL_DONE);
    assert_null(ev);
    ev = (const rel_event *)(const void *)poison;
    assert_int_equal(rel_query_next_event(q, &ev), REL_DONE);
    assert_null(ev);
    /* Counting does not move the iterator, nor depend on it. */
    {
        size_t count = 0, len = 0;
        rel_year_count rows[2];

        assert_int_equal(rel_query_count(q, &count), REL_OK);
        assert_int_equal(count, 2);
        assert_int_equal(rel_query_reset(q), REL_OK);
        assert_int_equal(rel_query_next_event(q, &ev), REL_OK);
        assert_string_equal(rel_event_id(ev, NULL), "shipment-intercepted-2009");
        assert_int_equal(rel_query_count(q, &count), REL_OK);
        assert_int_equal(count, 2);
        assert_int_equal(rel_query_count_by_year(q, rows, 2, &len, NULL), REL_OK);
        assert_int_equal(len, 1);
        assert_int_equal(rows[0].year, 2009);
        assert_int_equal(rows[0].count, 1);
        assert_int_equal(rel_query_next_event(q, &ev), REL_OK);
        assert_string_equal(rel_event_id(ev, NULL), "iran-seizes-islands");
    }
    rel_query_free(q);
}

static void test_query__empty_result(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_CLAIMS);
    const rel_claim *c = (const rel_claim *)(const void *)poison;
    rel_query *q;
    size_t count = 99;

    o.text = "zzzz";
    q = query_ok(kb, &o);
    assert_int_equal(rel_query_next_claim(q, &c), REL_DONE);
    assert_null(c);
    assert_int_equal(rel_query_count(q, &count), REL_OK);
    assert_int_equal(count, 0);
    rel_query_free(q);
}

static void test_query__next_of_another_target(void **state)
{
    const rel_kb *kb = *state;
    int32_t target;

    for (target = REL_QUERY_EVENTS; target <= REL_QUERY_ENTITIES; target++) {
        rel_query_options o = options(target);
        rel_query *q = query_ok(kb, &o);
        const rel_event *ev = NULL;
        const rel_claim *c = NULL;
        const rel_entity *e = NULL;

        assert_int_equal(rel_query_next_event(q, &ev), target == REL_QUERY_EVENTS ? REL_OK : REL_ERR_ARG);
        assert_int_equal(rel_query_next_claim(q, &c), target == REL_QUERY_CLAIMS ? REL_OK : REL_ERR_ARG);
        assert_int_equal(rel_query_next_entity(q, &e), target == REL_QUERY_ENTITIES ? REL_OK : REL_ERR_ARG);
        /* The wrong iterator did not move the right one: the second result comes next. */
        if (target == REL_QUERY_EVENTS) {
            assert_int_equal(rel_query_next_event(q, &ev), REL_OK);
            assert_ptr_equal(ev, rel_kb_event_at(kb, 1));
        } else if (target == REL_QUERY_CLAIMS) {
            assert_int_equal(rel_query_next_claim(q, &c), REL_OK);
            assert_ptr_equal(c, rel_kb_claim_at(kb, 1));
        } else {
            assert_int_equal(rel_query_next_entity(q, &e), REL_OK);
            assert_ptr_equal(e, rel_kb_entity_at(kb, 1));
        }
        rel_query_free(q);
    }
}

/* ---- errors ------------------------------------------------------------- */

static void test_query__options_init(void **state)
{
    rel_query_options o, init = REL_QUERY_OPTIONS_INIT;

    (void)state;
    memset(&o, 0x5A, sizeof(o));
    assert_int_equal(rel_query_options_init(&o, REL_QUERY_OPTIONS_VERSION), REL_OK);
    assert_int_equal(o.version, REL_QUERY_OPTIONS_VERSION);
    assert_int_equal(o.target, REL_QUERY_EVENTS);
    assert_null(o.actor);
    assert_null(o.actor2);
    assert_null(o.window);
    assert_int_equal(o.window_semantics, REL_WINDOW_POSSIBLE);
    assert_int_equal(o.entity_kind, REL_QUERY_ANY_KIND);
    assert_null(o.type);
    assert_null(o.source);
    assert_null(o.claimant);
    assert_int_equal(o.modality, REL_MODALITY_NONE);
    assert_int_equal(o.alias_match, REL_MATCH_EXACT);
    assert_null(o.about);
    assert_null(o.alias);
    assert_null(o.text);
    assert_int_equal(init.version, o.version);
    assert_int_equal(init.window_semantics, o.window_semantics);
    assert_int_equal(init.entity_kind, o.entity_kind);
    assert_int_equal(rel_query_options_init(NULL, REL_QUERY_OPTIONS_VERSION), REL_ERR_ARG);
    assert_int_equal(rel_query_options_init(&o, 0), REL_ERR_ARG);
    assert_int_equal(rel_query_options_init(&o, REL_QUERY_OPTIONS_VERSION + 1), REL_ERR_ARG);
}

static void test_query__null_arguments(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);
    rel_query *q = POISON_QUERY;
    const rel_event *ev;
    const rel_claim *c;
    const rel_entity *e;
    rel_year_count rows[2];
    size_t count, len;
    rel_error err;

    assert_int_equal(rel_query_new(NULL, kb, &o, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_int_equal(rel_query_new(&q, NULL, &o, &err), REL_ERR_ARG);
    assert_null(q);
    q = POISON_QUERY;
    assert_int_equal(rel_query_new(&q, kb, NULL, &err), REL_ERR_ARG);
    assert_null(q);
    assert_int_equal(err.status, REL_ERR_ARG);

    assert_int_equal(rel_query_next_event(NULL, &ev), REL_ERR_ARG);
    assert_int_equal(rel_query_next_claim(NULL, &c), REL_ERR_ARG);
    assert_int_equal(rel_query_next_entity(NULL, &e), REL_ERR_ARG);
    assert_int_equal(rel_query_reset(NULL), REL_ERR_ARG);
    assert_int_equal(rel_query_count(NULL, &count), REL_ERR_ARG);
    assert_int_equal(rel_query_count_by_year(NULL, rows, 2, &len, NULL), REL_ERR_ARG);
    assert_int_equal(rel_kb_build_indexes(NULL, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_int_equal(rel_kb_index_size(NULL), 0);
    rel_query_free(NULL);

    q = query_ok(kb, &o);
    assert_int_equal(rel_query_next_event(q, NULL), REL_ERR_ARG);
    assert_int_equal(rel_query_count(q, NULL), REL_ERR_ARG);
    assert_int_equal(rel_query_count_by_year(q, rows, 2, NULL, NULL), REL_ERR_ARG);
    assert_int_equal(rel_query_count_by_year(q, NULL, 2, &len, NULL), REL_ERR_ARG);
    /* Nothing was read by the failed calls. */
    assert_int_equal(rel_query_next_event(q, &ev), REL_OK);
    assert_ptr_equal(ev, rel_kb_event_at(kb, 0));
    rel_query_free(q);
    o.target = REL_QUERY_CLAIMS;
    q = query_ok(kb, &o);
    assert_int_equal(rel_query_next_claim(q, NULL), REL_ERR_ARG);
    /* Per-year counts are for events only. */
    assert_int_equal(rel_query_count_by_year(q, rows, 2, &len, NULL), REL_ERR_ARG);
    rel_query_free(q);
    o.target = REL_QUERY_ENTITIES;
    q = query_ok(kb, &o);
    assert_int_equal(rel_query_next_entity(q, NULL), REL_ERR_ARG);
    assert_int_equal(rel_query_count_by_year(q, rows, 2, &len, NULL), REL_ERR_ARG);
    rel_query_free(q);
}

static void test_query__unknown_codes(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o;

    o = options(REL_QUERY_EVENTS);
    o.version = 0;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o.version = REL_QUERY_OPTIONS_VERSION + 1;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(3);
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(-1);
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_EVENTS);
    o.window = "1990";
    o.window_semantics = 2;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o.window_semantics = -1;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_ENTITIES);
    o.entity_kind = REL_ENTITY_IDEOLOGY + 1;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o.entity_kind = -2;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_ENTITIES);
    o.alias = "Iran";
    o.alias_match = REL_MATCH_PREFIX + 1;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o.alias_match = -1;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_CLAIMS);
    o.modality = REL_MODALITY_HEDGED + 1;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o.modality = -1;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
}

/* Every filter that the table of query.h marks "—" for a target is refused for it. */
static void test_query__filter_not_for_target(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o;

    /* Events: claimant, modality, about, entity_kind, alias. */
    o = options(REL_QUERY_EVENTS);
    o.claimant = "article";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_EVENTS);
    o.modality = REL_MODALITY_ASSERTED;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_EVENTS);
    o.about = "iran";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_EVENTS);
    o.entity_kind = REL_ENTITY_STATE;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_EVENTS);
    o.alias = "Iran";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);

    /* Claims: actor2, window, type, entity_kind, alias. */
    o = options(REL_QUERY_CLAIMS);
    o.actor = "iran";
    o.actor2 = "north-korea";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_CLAIMS);
    o.window = "1990";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_CLAIMS);
    o.type = "AID";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_CLAIMS);
    o.entity_kind = REL_ENTITY_STATE;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_CLAIMS);
    o.alias = "Iran";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);

    /* Entities: actor, actor2, window, type, claimant, modality, about. */
    o = options(REL_QUERY_ENTITIES);
    o.actor = "iran";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o.actor2 = "north-korea";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_ENTITIES);
    o.window = "1990";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_ENTITIES);
    o.type = "AID";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_ENTITIES);
    o.claimant = "article";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_ENTITIES);
    o.modality = REL_MODALITY_ASSERTED;
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
    o = options(REL_QUERY_ENTITIES);
    o.about = "iran";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
}

static void test_query__actor2_needs_actor(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.actor2 = "north-korea";
    assert_int_equal(query_fails(kb, &o), REL_ERR_ARG);
}

static void test_query__unknown_ids(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o;

    o = options(REL_QUERY_EVENTS);
    o.actor = "atlantis";
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o.actor = "pledge-of-cooperation"; /* an event, not an entity */
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o.actor = "iran";
    o.actor2 = "atlantis";
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o = options(REL_QUERY_EVENTS);
    o.source = "999_nothing";
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o.source = "iran"; /* an entity, not a source */
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o = options(REL_QUERY_CLAIMS);
    o.claimant = "atlantis";
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o.claimant = "c-nuclear-cooperation"; /* a claim, not an entity */
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o = options(REL_QUERY_CLAIMS);
    o.about = "atlantis";
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o.about = SRC_OLDER; /* a source: not an entity, event or claim */
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o = options(REL_QUERY_CLAIMS);
    o.actor = "atlantis";
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
    o = options(REL_QUERY_ENTITIES);
    o.source = "atlantis";
    assert_int_equal(query_fails(kb, &o), REL_ERR_NOT_FOUND);
}

static void test_query__malformed_window(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.window = "19x0";
    assert_int_equal(query_fails(kb, &o), REL_ERR_SYNTAX);
    o.window = "";
    assert_int_equal(query_fails(kb, &o), REL_ERR_SYNTAX);
    o.window = "1990/1995/2000";
    assert_int_equal(query_fails(kb, &o), REL_ERR_SYNTAX);
    o.window = "2001-02-29";
    assert_int_equal(query_fails(kb, &o), REL_ERR_RANGE);
    o.window = "1990-13";
    assert_int_equal(query_fails(kb, &o), REL_ERR_RANGE);
}

static void test_query__invalid_utf8(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);

    o.text = "nuclear \xFF";
    assert_int_equal(query_fails(kb, &o), REL_ERR_UTF8);
    o.text = "\xC3"; /* a sequence cut short */
    assert_int_equal(query_fails(kb, &o), REL_ERR_UTF8);
    o = options(REL_QUERY_ENTITIES);
    o.text = "\xED\xA0\x80"; /* a surrogate */
    assert_int_equal(query_fails(kb, &o), REL_ERR_UTF8);
    o = options(REL_QUERY_ENTITIES);
    o.alias = "Iran\xC0\xAF";
    o.alias_match = REL_MATCH_NORMALISED;
    assert_int_equal(query_fails(kb, &o), REL_ERR_UTF8);
}

static void test_query__strings_are_copied(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);
    char actor[32], type[32], window[32];
    rel_query *q;
    size_t count = 0;

    snprintf(actor, sizeof(actor), "iran");
    snprintf(type, sizeof(type), "AID");
    snprintf(window, sizeof(window), "1980");
    o.actor = actor;
    o.type = type;
    o.window = window;
    q = query_ok(kb, &o);
    memset(actor, 'x', sizeof(actor) - 1);
    memset(type, 'x', sizeof(type) - 1);
    memset(window, 'x', sizeof(window) - 1);
    memset(&o, 0, sizeof(o));
    assert_int_equal(rel_query_count(q, &count), REL_OK);
    assert_int_equal(count, 1); /* boeing-flights-1980 */
    rel_query_free(q);
}

static void test_query__count_by_year_like_snprintf(void **state)
{
    const rel_kb *kb = *state;
    rel_query_options o = options(REL_QUERY_EVENTS);
    rel_year_count rows[12], all[12];
    rel_query *q = query_ok(kb, &o);
    size_t len = 0, i, full = 0;
    uint64_t undated = 0;

    assert_int_equal(rel_query_count_by_year(q, all, COUNT(all), &full, NULL), REL_OK);
    assert_int_equal(full, 10);
    /* cap 0 asks for the size; rows may then be NULL. */
    assert_int_equal(rel_query_count_by_year(q, NULL, 0, &len, &undated), REL_OK);
    assert_int_equal(len, full);
    assert_int_equal(undated, 36);
    /* A small cap: the first rows, untouched beyond, the full length. */
    for (i = 0; i < COUNT(rows); i++) {
        rows[i].year = -12345;
        rows[i].count = 777;
    }
    len = 0;
    assert_int_equal(rel_query_count_by_year(q, rows, 3, &len, NULL), REL_OK);
    assert_int_equal(len, full);
    for (i = 0; i < 3; i++) {
        assert_int_equal(rows[i].year, all[i].year);
        assert_int_equal(rows[i].count, all[i].count);
    }
    for (; i < COUNT(rows); i++) {
        assert_int_equal(rows[i].year, -12345);
        assert_int_equal(rows[i].count, 777);
    }
    /* Exactly enough room. */
    assert_int_equal(rel_query_count_by_year(q, rows, full, &len, NULL), REL_OK);
    assert_int_equal(len, full);
    assert_int_equal(rows[full - 1].year, 2021);
    /* A query with no results has no years. */
    rel_query_free(q);
    o.text = "zzzz";
    q = query_ok(kb, &o);
    len = 99;
    undated = 99;
    assert_int_equal(rel_query_count_by_year(q, NULL, 0, &len, &undated), REL_OK);
    assert_int_equal(len, 0);
    assert_int_equal(undated, 0);
    rel_query_free(q);
}

/* ---- index lifecycle ---------------------------------------------------- */

static void test_query__writes_drop_the_indexes(void **state)
{
    const rkb_size size = {2, 10, 20, 15};
    rel_kb *kb = rkb_new(21, &size, NULL);
    rel_query_options o = options(REL_QUERY_EVENTS);
    rel_query *q;
    size_t before = 0, after = 0, built;
    const void *results[64];
    rel_error err;

    (void)state;
    assert_int_equal(rel_kb_index_size(kb), 0);
    o.type = "AID";
    q = query_ok(kb, &o);
    assert_int_equal(rel_query_count(q, &before), REL_OK);
    rel_query_free(q);
    built = rel_kb_index_size(kb);
    assert_true(built > 0);

    /* A write drops the indexes; the next query sees the new event, last. */
    OK(rel_kb_add_event(kb, "ev-new", REL_NTS, "AID.economic", REL_NTS));
    assert_int_equal(rel_kb_index_size(kb), 0);
    q = query_ok(kb, &o);
    after = qr_collect(q, REL_QUERY_EVENTS, results, COUNT(results));
    assert_int_equal(after, before + 1);
    assert_string_equal(rel_event_id(results[after - 1], NULL), "ev-new");
    rel_query_free(q);
    assert_true(rel_kb_index_size(kb) > built); /* 24 bytes more per event, at least */

    /* Participants, times and evidence are seen too. */
    OK(rel_kb_add_participant(kb, "ev-new", REL_NTS, "ent0", REL_NTS, REL_ROLE_AGENT));
    OK(rel_kb_set_event_time(kb, "ev-new", REL_NTS, "1066", REL_NTS, NULL, 0));
    o.actor = "ent0";
    o.window = "1066";
    o.window_semantics = REL_WINDOW_CERTAIN;
    q = query_ok(kb, &o);
    assert_int_equal(qr_collect(q, REL_QUERY_EVENTS, results, COUNT(results)), 1);
    assert_string_equal(rel_event_id(results[0], NULL), "ev-new");
    rel_query_free(q);

    /* Built ahead of the first query, and again at no cost. */
    OK(rel_kb_add_entity(kb, "ent-new", REL_NTS, REL_ENTITY_PERSON, "Harold Godwinson", REL_NTS));
    assert_int_equal(rel_kb_index_size(kb), 0);
    assert_int_equal(rel_kb_build_indexes(kb, &err), REL_OK);
    assert_int_equal(err.status, REL_OK);
    built = rel_kb_index_size(kb);
    assert_true(built > 0);
    assert_int_equal(rel_kb_build_indexes(kb, NULL), REL_OK);
    assert_int_equal(rel_kb_index_size(kb), built);
    o = options(REL_QUERY_ENTITIES);
    o.alias = "harold";
    o.alias_match = REL_MATCH_PREFIX;
    ASSERT_IDS(kb, &o, "ent-new");
    assert_int_equal(rel_kb_index_size(kb), built);
    rel_kb_free(kb);
}

/* Several threads make the first queries on one knowledge base at once: the indexes are built once, safely. */
#define QUERY_THREADS 4
#define THREAD_QUERIES 60

typedef struct query_job {
    const rel_kb *kb;
    const rq_query *queries;
    const void *const *want; /* THREAD_QUERIES rows of `cap` results */
    const size_t *nwant;
    size_t cap;
    size_t first; /* the query this thread starts with */
    int failed;
} query_job;

/* The next result of any target, as a plain pointer. */
static rel_status next_any(rel_query *q, int32_t target, const void **out)
{
    const rel_event *ev = NULL;
    const rel_claim *c = NULL;
    const rel_entity *e = NULL;
    rel_status st;

    switch (target) {
    case REL_QUERY_EVENTS:
        st = rel_query_next_event(q, &ev);
        *out = ev;
        break;
    case REL_QUERY_CLAIMS:
        st = rel_query_next_claim(q, &c);
        *out = c;
        break;
    default:
        st = rel_query_next_entity(q, &e);
        *out = e;
        break;
    }
    return st;
}

/* Runs every query (no cmocka assertion off the main thread: a mismatch sets `failed`). */
static void *run_queries(void *payload)
{
    query_job *job = payload;
    const void **got = calloc(job->cap, sizeof(*got));
    size_t i, k, n;

    if (!got) {
        job->failed = 1;
        return NULL;
    }
    for (i = 0; i < THREAD_QUERIES && !job->failed; i++) {
        size_t at = (job->first + i) % THREAD_QUERIES;
        const rq_query *rq = &job->queries[at];
        rel_query *q = NULL;
        const void *result;

        if (rel_query_new(&q, job->kb, &rq->opts, NULL) != REL_OK) {
            job->failed = 1;
            break;
        }
        for (n = 0; n < job->cap && next_any(q, rq->opts.target, &result) == REL_OK; n++)
            got[n] = result;
        if (n != job->nwant[at])
            job->failed = 1;
        for (k = 0; k < n && !job->failed; k++)
            if (got[k] != job->want[at * job->cap + k])
                job->failed = 1;
        rel_query_free(q);
    }
    free(got);
    return NULL;
}

static void test_query__threads_query_at_once(void **state)
{
    const rkb_size size = {3, 30, 80, 60};
    rel_kb *kb = rkb_new(51, &size, NULL);
    bq_kb *b = bq_new(kb);
    size_t cap = 30 + 80 + 60 + 1, i;
    rq_query *queries = calloc(THREAD_QUERIES, sizeof(*queries));
    const void **want = calloc(THREAD_QUERIES * cap, sizeof(*want));
    size_t nwant[THREAD_QUERIES];
    query_job jobs[QUERY_THREADS];
    pthread_t threads[QUERY_THREADS];
    rkb_rng r;

    (void)state;
    assert_true(queries && want);
    rkb_seed(&r, 515);
    for (i = 0; i < THREAD_QUERIES; i++) {
        rq_random(&queries[i], kb, &r);
        nwant[i] = bq_expected(b, &queries[i].opts, want + i * cap, cap);
    }
    bq_free(b);
    assert_int_equal(rel_kb_index_size(kb), 0);
    for (i = 0; i < QUERY_THREADS; i++) {
        jobs[i] = (query_job){kb, queries, want, nwant, cap, i * (THREAD_QUERIES / QUERY_THREADS), 0};
        assert_int_equal(pthread_create(&threads[i], NULL, run_queries, &jobs[i]), 0);
    }
    for (i = 0; i < QUERY_THREADS; i++)
        assert_int_equal(pthread_join(threads[i], NULL), 0);
    for (i = 0; i < QUERY_THREADS; i++)
        if (jobs[i].failed)
            fail_msg("thread %zu got other results", i);
    assert_true(rel_kb_index_size(kb) > 0);
    free(queries);
    free(want);
    rel_kb_free(kb);
}

/* The knowledge base is the same after queries: they only read. */
static void test_query__queries_change_no_data(void **state)
{
    const rkb_size size = {3, 20, 40, 40};
    rel_kb *kb = rkb_new(31, &size, NULL);
    size_t len_before = 0, len_after = 0, i;
    char *before = helper_export(kb, &len_before), *after;
    rkb_rng r;

    (void)state;
    rkb_seed(&r, 99);
    for (i = 0; i < 50; i++) {
        rq_query q;
        rel_query *query;
        const void *results[256];

        rq_random(&q, kb, &r);
        query = query_ok(kb, &q.opts);
        qr_collect(query, q.opts.target, results, COUNT(results));
        rel_query_free(query);
    }
    after = helper_export(kb, &len_after);
    assert_non_null(before);
    assert_non_null(after);
    assert_int_equal(len_after, len_before);
    assert_memory_equal(after, before, len_before);
    free(before);
    free(after);
    rel_kb_free(kb);
}

/* ---- allocation failure ------------------------------------------------- */

static void arm(helper_alloc *a, size_t fail_at)
{
    a->calls = 0;
    a->fail_at = fail_at;
    a->failures = 0;
}

static const rkb_size alloc_size = {2, 8, 14, 12};
#define ALLOC_SEED 41

static rel_kb *alloc_kb(helper_alloc *a)
{
    rel_kb_options opts = helper_alloc_options(a);
    rel_kb *kb;

    arm(a, 0);
    kb = rkb_new(ALLOC_SEED, &alloc_size, &opts);
    return kb;
}

static void assert_export(helper_alloc *a, const rel_kb *kb, const char *json, size_t len)
{
    size_t now_len = 0;
    char *now;

    arm(a, 0);
    now = helper_export(kb, &now_len);
    assert_non_null(now);
    assert_int_equal(now_len, len);
    assert_memory_equal(now, json, len);
    free(now);
}

/* How many blocks the indexes of the allocation test's knowledge base hold. */
static long long index_blocks(void)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb *kb = alloc_kb(&a);
    long long before = a.live, blocks;

    assert_int_equal(rel_kb_build_indexes(kb, NULL), REL_OK);
    blocks = a.live - before;
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
    return blocks;
}

static void test_query__alloc_build_indexes(void **state)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb *kb = alloc_kb(&a);
    size_t len = 0, n;
    char *json;
    long long live;
    rel_error err;
    rel_status st;

    (void)state;
    json = helper_export(kb, &len);
    assert_non_null(json);
    live = a.live;
    for (n = 1;; n++) {
        arm(&a, n);
        st = rel_kb_build_indexes(kb, &err);
        if (a.failures == 0)
            break;
        if (st != REL_ERR_NOMEM)
            fail_msg("allocation %zu failed: got %s", n, rel_status_str(st));
        assert_int_equal(err.status, REL_ERR_NOMEM);
        assert_int_equal(rel_kb_index_size(kb), 0);
        if (a.live != live)
            fail_msg("allocation %zu failed: %lld blocks left", n, a.live - live);
        assert_export(&a, kb, json, len);
    }
    assert_int_equal(st, REL_OK);
    assert_true(n > 1);
    assert_true(rel_kb_index_size(kb) > 0);
    free(json);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
}

/* A few queries that need the indexes and normalising. */
static rel_query_options alloc_query(size_t i)
{
    rel_query_options o;

    switch (i) {
    case 0:
        o = options(REL_QUERY_EVENTS);
        o.window = "1950/2000";
        o.text = "Iran";
        break;
    case 1:
        o = options(REL_QUERY_CLAIMS);
        o.claimant = "ent1";
        o.text = "aid";
        break;
    case 2:
        o = options(REL_QUERY_ENTITIES);
        o.alias = "Ir";
        o.alias_match = REL_MATCH_PREFIX;
        break;
    default:
        o = options(REL_QUERY_EVENTS);
        o.actor = "ent2";
        o.type = "AID";
        break;
    }
    return o;
}

static void test_query__alloc_query_new_and_read(void **state)
{
    long long blocks = index_blocks();
    size_t i;

    (void)state;
    for (i = 0; i < 4; i++) {
        helper_alloc a = {0, 0, 0, 0};
        rel_kb *kb = alloc_kb(&a);
        rel_query_options o = alloc_query(i);
        const void *want[64], *got[64];
        size_t len = 0, n, nwant, k, count;
        long long live = a.live;
        char *json = helper_export(kb, &len);
        rel_query *q = NULL;
        rel_error err;
        rel_status st;
        bq_kb *b;

        assert_non_null(json);
        arm(&a, 0);
        b = bq_new(kb);
        nwant = bq_expected(b, &o, want, COUNT(want));
        bq_free(b);
        for (n = 1;; n++) {
            q = POISON_QUERY;
            arm(&a, n);
            st = rel_query_new(&q, kb, &o, &err);
            if (a.failures == 0)
                break;
            if (st != REL_ERR_NOMEM)
                fail_msg("query %zu, allocation %zu failed: got %s", i, n, rel_status_str(st));
            assert_null(q);
            assert_int_equal(err.status, REL_ERR_NOMEM);
            /* Nothing is left but the indexes, if they were finished before the failure. */
            if (a.live != live + (rel_kb_index_size(kb) > 0 ? blocks : 0))
                fail_msg("query %zu, allocation %zu failed: %lld blocks left", i, n, a.live - live);
            assert_export(&a, kb, json, len);
        }
        assert_int_equal(st, REL_OK);
        assert_true(n > 1);
        /* Reading and counting cannot fail: whatever allocation fails, the results are whole. */
        for (k = 1; k <= 8; k++) {
            arm(&a, k);
            assert_int_equal(rel_query_reset(q), REL_OK);
            assert_int_equal(qr_collect(q, o.target, got, COUNT(got)), nwant);
            assert_memory_equal(got, want, nwant * sizeof(*want));
            assert_int_equal(rel_query_count(q, &count), REL_OK);
            assert_int_equal(count, nwant);
        }
        rel_query_free(q);
        assert_export(&a, kb, json, len);
        free(json);
        rel_kb_free(kb);
        assert_int_equal(a.live, 0);
    }
}

static void test_query__alloc_count_by_year(void **state)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb *kb = alloc_kb(&a);
    rel_query_options o = options(REL_QUERY_EVENTS);
    rel_year_count rows[32], want_rows[32];
    const void *want[64];
    size_t len = 0, nwant, wlen, n;
    uint64_t undated, wundated;
    long long live;
    rel_query *q;
    rel_status st;
    bq_kb *b;

    (void)state;
    arm(&a, 0);
    b = bq_new(kb);
    nwant = bq_expected(b, &o, want, COUNT(want));
    wlen = bq_years(want, nwant, want_rows, COUNT(want_rows), &wundated);
    bq_free(b);
    q = query_ok(kb, &o);
    live = a.live;
    for (n = 1;; n++) {
        arm(&a, n);
        len = 99;
        st = rel_query_count_by_year(q, rows, COUNT(rows), &len, &undated);
        if (a.failures == 0)
            break;
        if (st != REL_ERR_NOMEM)
            fail_msg("allocation %zu failed: got %s", n, rel_status_str(st));
        assert_int_equal(a.live, live);
    }
    assert_int_equal(st, REL_OK);
    assert_int_equal(len, wlen);
    assert_int_equal(undated, wundated);
    assert_int_equal(cmp_rows(rows, want_rows, wlen), 0);
    rel_query_free(q);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
}

int main(void)
{
    const struct CMUnitTest random[] = {
        cmocka_unit_test(test_query__random_tiny_kb),
        cmocka_unit_test(test_query__random_small_kb),
        cmocka_unit_test(test_query__random_medium_kb),
        cmocka_unit_test(test_query__random_claim_heavy_kb),
        cmocka_unit_test(test_query__random_many_entities),
        cmocka_unit_test(test_query__random_pairs_in_windows),
        cmocka_unit_test(test_query__no_filter_gives_everything),
    };
    const struct CMUnitTest rules[] = {
        cmocka_unit_test(test_query__type_takes_subtypes_not_prefixes),
        cmocka_unit_test(test_query__participant_twice_comes_once),
        cmocka_unit_test(test_query__actor_pair_is_unordered),
        cmocka_unit_test(test_query__actor2_same_as_actor),
        cmocka_unit_test(test_query__claim_actor_through_events),
        cmocka_unit_test(test_query__about_entity_event_claim),
        cmocka_unit_test(test_query__claimant_per_source),
        cmocka_unit_test(test_query__modality_per_source),
        cmocka_unit_test(test_query__source_means_evidence_there),
        cmocka_unit_test(test_query__window_semantics),
        cmocka_unit_test(test_query__text_words),
        cmocka_unit_test(test_query__alias_matching),
        cmocka_unit_test(test_query__count_by_year_rules),
        cmocka_unit_test(test_query__text_of_many_words),
        cmocka_unit_test(test_query__text_without_words),
        cmocka_unit_test(test_query__text_normalised),
    };
    const struct CMUnitTest builtin[] = {
        cmocka_unit_test(test_query__builtin_iran_and_north_korea),
        cmocka_unit_test(test_query__builtin_types),
        cmocka_unit_test(test_query__builtin_claimants_and_modalities),
        cmocka_unit_test(test_query__builtin_about_and_actor),
        cmocka_unit_test(test_query__builtin_entities),
        cmocka_unit_test(test_query__builtin_full_text),
        cmocka_unit_test(test_query__builtin_count_by_year),
        cmocka_unit_test(test_query__done_at_the_end_and_after),
        cmocka_unit_test(test_query__empty_result),
        cmocka_unit_test(test_query__next_of_another_target),
        cmocka_unit_test(test_query__null_arguments),
        cmocka_unit_test(test_query__unknown_codes),
        cmocka_unit_test(test_query__filter_not_for_target),
        cmocka_unit_test(test_query__actor2_needs_actor),
        cmocka_unit_test(test_query__unknown_ids),
        cmocka_unit_test(test_query__malformed_window),
        cmocka_unit_test(test_query__invalid_utf8),
        cmocka_unit_test(test_query__strings_are_copied),
        cmocka_unit_test(test_query__count_by_year_like_snprintf),
    };
    const struct CMUnitTest lifecycle[] = {
        cmocka_unit_test(test_query__options_init),
        cmocka_unit_test(test_query__writes_drop_the_indexes),
        cmocka_unit_test(test_query__queries_change_no_data),
        cmocka_unit_test(test_query__threads_query_at_once),
        cmocka_unit_test(test_query__alloc_build_indexes),
        cmocka_unit_test(test_query__alloc_query_new_and_read),
        cmocka_unit_test(test_query__alloc_count_by_year),
    };
    int failed = 0;

    failed += cmocka_run_group_tests_name("query: random", random, NULL, NULL);
    failed += cmocka_run_group_tests_name("query: rules", rules, setup_rules, helper_teardown_kb);
    failed += cmocka_run_group_tests_name("query: builtin", builtin, helper_setup_builtin, helper_teardown_kb);
    failed += cmocka_run_group_tests_name("query: lifecycle", lifecycle, NULL, NULL);
    return failed;
}
