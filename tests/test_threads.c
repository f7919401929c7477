/* SPDX-License-Identifier: MIT */
/* Many threads read one knowledge base at once and get the answers one thread gets (run under ThreadSanitizer too). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <relations.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define THREADS 6
#define ROUNDS 3

/*
 * What one pass of reads computes, reduced to numbers and one string, so
 * that every thread's pass can be compared with the single-threaded one.
 */
typedef struct answers {
    uint64_t walk;          /* a checksum over every getter of every object */
    size_t alias_hits;      /* entities found by exact and by normalised alias */
    uint64_t codepoints;    /* sum of code-point offsets of all evidence */
    size_t differences;     /* differences over every pair of versions */
    size_t contradictions;  /* contradictions inside every version */
    char *export_json;      /* the JSON export */
    size_t export_len;
} answers;

typedef struct job {
    const rel_kb *kb;
    answers got[ROUNDS];
    int failed;
} job;

static uint64_t mix(uint64_t h, uint64_t v)
{
    return (h ^ v) * 1099511628211ULL;
}

static uint64_t mix_str(uint64_t h, const char *s)
{
    while (s && *s)
        h = mix(h, (unsigned char)*s++);
    return h;
}

static uint64_t walk(const rel_kb *kb)
{
    uint64_t h = 14695981039346656037ULL;
    size_t i, j;
    char buf[128];

    for (i = 0; i < rel_kb_source_count(kb); i++)
        h = mix_str(h, rel_source_id(rel_kb_source_at(kb, i), NULL));
    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        h = mix_str(mix(h, (uint64_t)rel_entity_kind(e)), rel_entity_name(e, NULL));
        for (j = 0; j < rel_entity_alias_count(e); j++)
            h = mix_str(h, rel_entity_alias_text(e, j, NULL));
    }
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev = rel_kb_event_at(kb, i);
        h = mix_str(h, rel_event_type(ev, NULL));
        for (j = 0; j < rel_event_participant_count(ev); j++)
            h = mix(h, (uint64_t)rel_event_participant_role(ev, j));
        if (rel_event_time(ev) && rel_time_describe(rel_event_time(ev), buf, sizeof(buf), NULL) == REL_OK)
            h = mix_str(h, buf);
    }
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        h = mix_str(h, rel_claim_predicate(c, NULL));
        for (j = 0; j < rel_kb_source_count(kb); j++)
            h = mix(h, (uint64_t)rel_claim_modality_in(c, rel_kb_source_at(kb, j)));
    }
    return h;
}

static size_t alias_hits(const rel_kb *kb)
{
    const rel_entity *found[8];
    size_t i, j, n, hits = 0;

    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        for (j = 0; j < rel_entity_alias_count(e); j++) {
            const char *alias = rel_entity_alias_text(e, j, NULL);
            if (rel_kb_find_alias(kb, alias, REL_NTS, REL_MATCH_EXACT, found, 8, &n) == REL_OK)
                hits += n;
            if (rel_kb_find_alias(kb, alias, REL_NTS, REL_MATCH_NORMALISED, found, 8, &n) == REL_OK)
                hits += n;
        }
        if (rel_kb_find_entity(kb, rel_entity_id(e, NULL), REL_NTS, found) == REL_OK && found[0] == e)
            hits++;
    }
    return hits;
}

static uint64_t codepoints(const rel_kb *kb)
{
    uint64_t sum = 0, s, e;
    size_t i, j;

    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        for (j = 0; j < rel_claim_evidence_count(c); j++)
            if (rel_evidence_codepoints(rel_claim_evidence_at(c, j), &s, &e) == REL_OK)
                sum += s + e;
    }
    return sum;
}

static int32_t append(const char *data, size_t len, void *payload)
{
    answers *a = payload;
    char *p = realloc(a->export_json, a->export_len + len);

    if (!p)
        return 1;
    memcpy(p + a->export_len, data, len);
    a->export_json = p;
    a->export_len += len;
    return 0;
}

static int compute(const rel_kb *kb, answers *a)
{
    size_t i, j, n = rel_kb_source_count(kb);
    rel_diff *diff;

    memset(a, 0, sizeof(*a));
    a->walk = walk(kb);
    a->alias_hits = alias_hits(kb);
    a->codepoints = codepoints(kb);
    for (i = 0; i < n; i++) {
        if (rel_diff_within(&diff, kb, rel_kb_source_at(kb, i), NULL) != REL_OK)
            return -1;
        a->contradictions += rel_diff_count(diff);
        rel_diff_free(diff);
        for (j = i + 1; j < n; j++) {
            if (rel_diff_sources(&diff, kb, rel_kb_source_at(kb, i), rel_kb_source_at(kb, j), NULL) != REL_OK)
                return -1;
            a->differences += rel_diff_count(diff);
            rel_diff_free(diff);
        }
    }
    return rel_kb_write_json(kb, append, a, NULL) == REL_OK ? 0 : -1;
}

static void *reader(void *arg)
{
    job *j = arg;
    int r;

    for (r = 0; r < ROUNDS; r++)
        if (compute(j->kb, &j->got[r]) != 0)
            j->failed = 1;
    return NULL;
}

static void test_threads__concurrent_readers_agree_with_one_reader(void **state)
{
    const rel_kb *kb = *state;
    answers want;
    pthread_t threads[THREADS];
    job *jobs = calloc(THREADS, sizeof(*jobs));
    int t, r;

    assert_non_null(jobs);
    assert_int_equal(compute(kb, &want), 0);
    /* The single-threaded answers are not trivial, so agreeing with them means something. */
    assert_true(want.alias_hits > 100);
    assert_true(want.differences > 100);
    assert_true(want.contradictions >= 1);
    assert_true(want.export_len > 100000);
    for (t = 0; t < THREADS; t++) {
        jobs[t].kb = kb;
        assert_int_equal(pthread_create(&threads[t], NULL, reader, &jobs[t]), 0);
    }
    for (t = 0; t < THREADS; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    for (t = 0; t < THREADS; t++) {
        assert_false(jobs[t].failed);
        for (r = 0; r < ROUNDS; r++) {
            const answers *got = &jobs[t].got[r];
            assert_int_equal(got->walk, want.walk);
            assert_int_equal(got->alias_hits, want.alias_hits);
            assert_int_equal(got->codepoints, want.codepoints);
            assert_int_equal(got->differences, want.differences);
            assert_int_equal(got->contradictions, want.contradictions);
            assert_int_equal(got->export_len, want.export_len);
            assert_memory_equal(got->export_json, want.export_json, want.export_len);
            free(got->export_json);
        }
    }
    free(want.export_json);
    free(jobs);
}

/* Distinct knowledge bases share nothing: threads may build and free their own freely. */
static void *own_kb(void *arg)
{
    rel_kb *kb = NULL;
    int *ok = arg;

    *ok = rel_kb_open_builtin(&kb, NULL, NULL) == REL_OK && rel_kb_source_count(kb) == 3 &&
          rel_kb_add_entity(kb, "thread-local", REL_NTS, REL_ENTITY_OTHER, "mine", REL_NTS) == REL_OK;
    rel_kb_free(kb);
    return NULL;
}

static void test_threads__separate_knowledge_bases_are_independent(void **state)
{
    pthread_t threads[THREADS];
    int ok[THREADS];
    int t;

    (void)state;
    for (t = 0; t < THREADS; t++)
        assert_int_equal(pthread_create(&threads[t], NULL, own_kb, &ok[t]), 0);
    for (t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_join(threads[t], NULL), 0);
        assert_true(ok[t]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads__concurrent_readers_agree_with_one_reader),
        cmocka_unit_test(test_threads__separate_knowledge_bases_are_independent),
    };

    return cmocka_run_group_tests_name("threads", tests, helper_setup_builtin, helper_teardown_kb);
}
