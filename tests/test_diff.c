/* SPDX-License-Identifier: MIT */
/* Differences between versions and contradictions inside one, on a knowledge base with every kind planted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <relations.h>

#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/*
 * Version a and version b of a short text. Every difference the library
 * knows is planted once: a rewording, a respelling, a drop, an addition, a
 * hedge with a new claimant, and a contradiction on a functional predicate
 * (inside b, and from a to b).
 */
#define TEXT_A "Relations picked up in 1979. The Iran-Iraq war began. The tie dates back 1500 years. " \
               "Iran sells missiles. Media say Iran builds ships."
#define TEXT_B "Relations improved in 1979. The Iran–Iraq War began. The tie dates back more than 1600 years. " \
               "The tie dates back 1500 years. Iran builds ships, reports claim. Syria watches."

static void add(rel_kb *kb, rel_status st)
{
    if (st != REL_OK)
        fail_msg("building the fixture: %s", rel_kb_errmsg(kb));
}

static void quote(rel_kb *kb, const char *id, const char *source, const char *exact)
{
    rel_quote q = {exact, REL_NTS, NULL, 0, NULL, 0};

    add(kb, rel_kb_add_evidence_quote(kb, id, REL_NTS, source, REL_NTS, &q));
}

static void claim(rel_kb *kb, const char *id, const char *subject, const char *predicate, int32_t object_kind,
                  const char *object)
{
    rel_claim_spec c = REL_CLAIM_SPEC_INIT;

    c.id = id;
    c.id_len = REL_NTS;
    c.subject.kind = REL_VALUE_ENTITY;
    c.subject.str = subject;
    c.subject.str_len = REL_NTS;
    c.predicate = predicate;
    c.predicate_len = REL_NTS;
    c.object.kind = object_kind;
    c.object.str = object;
    c.object.str_len = REL_NTS;
    c.claimant = "text";
    c.claimant_len = REL_NTS;
    c.modality = REL_MODALITY_ASSERTED;
    add(kb, rel_kb_add_claim(kb, &c));
}

static rel_kb *make_fixture(const rel_kb_options *opts)
{
    rel_source_spec a = REL_SOURCE_SPEC_INIT, b = REL_SOURCE_SPEC_INIT;
    rel_kb *kb;

    if (rel_kb_new(&kb, opts) != REL_OK)
        return NULL;
    a.id = "v1";
    a.id_len = REL_NTS;
    a.text = TEXT_A;
    a.text_len = REL_NTS;
    b.id = "v2";
    b.id_len = REL_NTS;
    b.text = TEXT_B;
    b.text_len = REL_NTS;
    add(kb, rel_kb_add_source(kb, &a));
    add(kb, rel_kb_add_source(kb, &b));
    add(kb, rel_kb_add_predicate(kb, "dates_back", REL_NTS, REL_PREDICATE_FUNCTIONAL));
    add(kb, rel_kb_add_entity(kb, "text", REL_NTS, REL_ENTITY_PUBLICATION, "the text", REL_NTS));
    add(kb, rel_kb_add_entity(kb, "media", REL_NTS, REL_ENTITY_GROUP, "reports", REL_NTS));
    add(kb, rel_kb_add_entity(kb, "iran", REL_NTS, REL_ENTITY_STATE, "Iran", REL_NTS));
    add(kb, rel_kb_add_entity(kb, "tie", REL_NTS, REL_ENTITY_OTHER, "the tie", REL_NTS));
    add(kb, rel_kb_add_entity(kb, "syria", REL_NTS, REL_ENTITY_STATE, "Syria", REL_NTS));
    quote(kb, "iran", "v1", "Iran sells");
    quote(kb, "iran", "v2", "Iran builds");
    quote(kb, "syria", "v2", "Syria");

    add(kb, rel_kb_add_event(kb, "war", REL_NTS, "ASSAULT", REL_NTS));
    quote(kb, "war", "v1", "The Iran-Iraq war began");
    quote(kb, "war", "v2", "The Iran–Iraq War began");

    claim(kb, "improved", "iran", "improved_after", REL_VALUE_LITERAL, "1979");
    quote(kb, "improved", "v1", "Relations picked up in 1979");
    quote(kb, "improved", "v2", "Relations improved in 1979");

    claim(kb, "old", "tie", "dates_back", REL_VALUE_LITERAL, "1500 years");
    quote(kb, "old", "v1", "The tie dates back 1500 years");
    quote(kb, "old", "v2", "The tie dates back 1500 years");

    claim(kb, "older", "tie", "dates_back", REL_VALUE_LITERAL, "more than 1600 years");
    quote(kb, "older", "v2", "The tie dates back more than 1600 years");

    claim(kb, "sells", "iran", "sells", REL_VALUE_LITERAL, "missiles");
    quote(kb, "sells", "v1", "Iran sells missiles");

    claim(kb, "ships", "iran", "builds", REL_VALUE_LITERAL, "ships");
    quote(kb, "ships", "v1", "Media say Iran builds ships");
    quote(kb, "ships", "v2", "Iran builds ships, reports claim");
    add(kb, rel_kb_set_claim_version(kb, "ships", REL_NTS, "v1", REL_NTS, "media", REL_NTS, REL_MODALITY_ASSERTED));
    add(kb, rel_kb_set_claim_version(kb, "ships", REL_NTS, "v2", REL_NTS, "media", REL_NTS, REL_MODALITY_REPORTED));
    return kb;
}

static int setup(void **state)
{
    *state = make_fixture(NULL);
    return *state ? 0 : -1;
}

static const rel_source *source(const rel_kb *kb, const char *id)
{
    const rel_source *s = NULL;

    assert_int_equal(rel_kb_find_source(kb, id, REL_NTS, &s), REL_OK);
    return s;
}

static const char *object_id(const rel_difference *d)
{
    switch (rel_difference_object_kind(d)) {
    case REL_OBJECT_ENTITY: return rel_entity_id(rel_difference_entity(d), NULL);
    case REL_OBJECT_EVENT: return rel_event_id(rel_difference_event(d), NULL);
    default: return rel_claim_id(rel_difference_claim(d, REL_SIDE_A), NULL);
    }
}

/* The differences as "kind object" lines, one string, for whole-list comparisons. */
static char *describe(const rel_diff *diff)
{
    size_t i, len = 1;
    char *out;

    for (i = 0; i < rel_diff_count(diff); i++)
        len += 64;
    out = calloc(1, len);
    assert_non_null(out);
    for (i = 0; i < rel_diff_count(diff); i++) {
        const rel_difference *d = rel_diff_at(diff, i);
        strcat(out, rel_difference_kind_name(rel_difference_kind(d)));
        strcat(out, " ");
        strcat(out, object_id(d));
        strcat(out, "\n");
    }
    return out;
}

static const rel_difference *find(const rel_diff *diff, int32_t kind, const char *id)
{
    size_t i;

    for (i = 0; i < rel_diff_count(diff); i++) {
        const rel_difference *d = rel_diff_at(diff, i);
        if (rel_difference_kind(d) == kind && strcmp(object_id(d), id) == 0)
            return d;
    }
    fail_msg("no %s difference about %s", rel_difference_kind_name(kind), id);
    return NULL;
}

static void test_diff__finds_every_planted_difference_in_order(void **state)
{
    const rel_kb *kb = *state;
    rel_diff *diff;
    rel_error err;
    char *got;

    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), &err), REL_OK);
    got = describe(diff);
    assert_string_equal(got, "added syria\n"
                             "respelled war\n"
                             "reworded improved\n"
                             "added older\n"
                             "dropped sells\n"
                             "reworded ships\n"
                             "hedged ships\n"
                             "contradicted old\n");
    free(got);
    rel_diff_free(diff);
}

static void test_diff__rewording_reports_the_changed_words(void **state)
{
    const rel_kb *kb = *state;
    const rel_difference *d;
    const char *removed, *added;
    size_t rl, al;
    rel_diff *diff;

    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    d = find(diff, REL_DIFF_REWORDED, "improved");
    assert_int_equal(rel_difference_change_count(d), 1);
    assert_int_equal(rel_difference_change_at(d, 0, &removed, &rl, &added, &al), REL_OK);
    assert_string_equal(removed, "picked up");
    assert_int_equal(rl, strlen("picked up"));
    assert_string_equal(added, "improved");
    assert_int_equal(al, strlen("improved"));
    assert_int_equal(rel_difference_change_is_spelling(d, 0), 0);
    assert_int_equal(rel_difference_change_at(d, 1, &removed, &rl, &added, &al), REL_ERR_ARG);
    rel_diff_free(diff);
}

/* A changed stretch keeps the white space between its words, however long (it once overran its buffer). */
static void test_diff__reworded_words_far_apart(void **state)
{
    rel_source_spec src = REL_SOURCE_SPEC_INIT;
    rel_kb *kb = NULL;
    rel_diff *diff;
    const char *removed, *added;
    size_t rl, al;

    (void)state;
    assert_int_equal(rel_kb_new(&kb, NULL), REL_OK);
    src.id_len = src.text_len = REL_NTS;
    src.id = "a";
    src.text = "alpha                              beta gamma";
    add(kb, rel_kb_add_source(kb, &src));
    src.id = "b";
    src.text = "omega                              zeta gamma";
    add(kb, rel_kb_add_source(kb, &src));
    add(kb, rel_kb_add_event(kb, "e", REL_NTS, "AID", REL_NTS));
    add(kb, rel_kb_add_evidence(kb, "e", REL_NTS, "a", REL_NTS, 0, 45));
    add(kb, rel_kb_add_evidence(kb, "e", REL_NTS, "b", REL_NTS, 0, 45));
    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "a"), source(kb, "b"), NULL), REL_OK);
    assert_int_equal(rel_diff_count(diff), 1);
    assert_int_equal(rel_difference_change_at(rel_diff_at(diff, 0), 0, &removed, &rl, &added, &al), REL_OK);
    assert_string_equal(removed, "alpha                              beta");
    assert_string_equal(added, "omega                              zeta");
    rel_diff_free(diff);
    rel_kb_free(kb);
}

static void test_diff__respelling_is_told_apart_from_rewording(void **state)
{
    const rel_kb *kb = *state;
    const rel_difference *d;
    const char *removed, *added;
    rel_diff *diff;
    size_t i;

    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    d = find(diff, REL_DIFF_RESPELLED, "war");
    assert_int_equal(rel_difference_object_kind(d), REL_OBJECT_EVENT);
    /* "-" -> "–" and "war" -> "War": two changes, both of spelling only. */
    assert_int_equal(rel_difference_change_count(d), 2);
    for (i = 0; i < 2; i++)
        assert_int_equal(rel_difference_change_is_spelling(d, i), 1);
    assert_int_equal(rel_difference_change_at(d, 0, &removed, NULL, &added, NULL), REL_OK);
    assert_string_equal(removed, "-");
    assert_string_equal(added, "–");
    assert_int_equal(rel_difference_change_at(d, 1, &removed, NULL, &added, NULL), REL_OK);
    assert_string_equal(removed, "war");
    assert_string_equal(added, "War");
    rel_diff_free(diff);
}

static void test_diff__hedge_carries_both_stances_and_evidence(void **state)
{
    const rel_kb *kb = *state;
    const rel_difference *d;
    const rel_evidence *ev;
    const char *text;
    rel_diff *diff;
    size_t len;

    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    d = find(diff, REL_DIFF_HEDGED, "ships");
    assert_int_equal(rel_difference_modality(d, REL_SIDE_A), REL_MODALITY_ASSERTED);
    assert_int_equal(rel_difference_modality(d, REL_SIDE_B), REL_MODALITY_REPORTED);
    assert_string_equal(rel_entity_id(rel_difference_claimant(d, REL_SIDE_A), NULL), "media");
    assert_string_equal(rel_entity_id(rel_difference_claimant(d, REL_SIDE_B), NULL), "media");
    assert_ptr_equal(rel_difference_source(d, REL_SIDE_A), source(kb, "v1"));
    assert_ptr_equal(rel_difference_source(d, REL_SIDE_B), source(kb, "v2"));
    assert_int_equal(rel_difference_evidence_count(d, REL_SIDE_A), 1);
    assert_int_equal(rel_difference_evidence_count(d, REL_SIDE_B), 1);
    ev = rel_difference_evidence_at(d, REL_SIDE_B, 0);
    text = rel_evidence_text(ev, &len);
    assert_int_equal(len, strlen("Iran builds ships, reports claim"));
    assert_memory_equal(text, "Iran builds ships, reports claim", len);
    assert_null(rel_difference_evidence_at(d, REL_SIDE_B, 1));
    rel_diff_free(diff);
}

static void test_diff__a_new_claimant_is_a_reattribution(void **state)
{
    rel_kb *kb = make_fixture(NULL);
    const rel_difference *d;
    rel_diff *diff;

    (void)state;
    assert_non_null(kb);
    /* v2 now names another claimant as well as another modality. */
    assert_int_equal(rel_kb_set_claim_version(kb, "ships", REL_NTS, "v2", REL_NTS, "text", REL_NTS,
                                              REL_MODALITY_REPORTED), REL_OK);
    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    d = find(diff, REL_DIFF_REATTRIBUTED, "ships");
    assert_string_equal(rel_entity_id(rel_difference_claimant(d, REL_SIDE_A), NULL), "media");
    assert_string_equal(rel_entity_id(rel_difference_claimant(d, REL_SIDE_B), NULL), "text");
    find(diff, REL_DIFF_HEDGED, "ships");
    rel_diff_free(diff);
    rel_kb_free(kb);
}

static void test_diff__additions_and_drops_have_one_side(void **state)
{
    const rel_kb *kb = *state;
    const rel_difference *d;
    rel_diff *diff;

    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    d = find(diff, REL_DIFF_DROPPED, "sells");
    assert_int_equal(rel_difference_evidence_count(d, REL_SIDE_A), 1);
    assert_int_equal(rel_difference_evidence_count(d, REL_SIDE_B), 0);
    assert_int_equal(rel_difference_modality(d, REL_SIDE_A), REL_MODALITY_ASSERTED);
    assert_int_equal(rel_difference_modality(d, REL_SIDE_B), REL_MODALITY_NONE);
    d = find(diff, REL_DIFF_ADDED, "syria");
    assert_int_equal(rel_difference_object_kind(d), REL_OBJECT_ENTITY);
    assert_int_equal(rel_difference_evidence_count(d, REL_SIDE_A), 0);
    assert_int_equal(rel_difference_evidence_count(d, REL_SIDE_B), 1);
    assert_null(rel_difference_claim(d, REL_SIDE_A));
    rel_diff_free(diff);
}

static void test_diff__contradiction_across_versions_names_both_claims(void **state)
{
    const rel_kb *kb = *state;
    const rel_difference *d;
    rel_diff *diff;

    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    d = find(diff, REL_DIFF_CONTRADICTED, "old");
    assert_string_equal(rel_claim_id(rel_difference_claim(d, REL_SIDE_A), NULL), "old");
    assert_string_equal(rel_claim_id(rel_difference_claim(d, REL_SIDE_B), NULL), "older");
    assert_int_equal(rel_difference_evidence_count(d, REL_SIDE_A), 1);
    assert_int_equal(rel_difference_evidence_count(d, REL_SIDE_B), 1);
    rel_diff_free(diff);
}

static void test_diff__within_finds_the_contradiction_inside_one_version(void **state)
{
    const rel_kb *kb = *state;
    const rel_difference *d;
    rel_diff *diff;

    assert_int_equal(rel_diff_within(&diff, kb, source(kb, "v2"), NULL), REL_OK);
    assert_int_equal(rel_diff_count(diff), 1);
    d = rel_diff_at(diff, 0);
    assert_int_equal(rel_difference_kind(d), REL_DIFF_CONTRADICTED);
    assert_string_equal(rel_claim_id(rel_difference_claim(d, REL_SIDE_A), NULL), "old");
    assert_string_equal(rel_claim_id(rel_difference_claim(d, REL_SIDE_B), NULL), "older");
    assert_ptr_equal(rel_difference_source(d, REL_SIDE_A), source(kb, "v2"));
    assert_ptr_equal(rel_difference_source(d, REL_SIDE_B), source(kb, "v2"));
    rel_diff_free(diff);
    assert_int_equal(rel_diff_within(&diff, kb, source(kb, "v1"), NULL), REL_OK);
    assert_int_equal(rel_diff_count(diff), 0);
    rel_diff_free(diff);
}

static void test_diff__without_functional_predicate_no_contradiction(void **state)
{
    rel_kb *kb = make_fixture(NULL);
    rel_diff *diff;
    size_t i;

    (void)state;
    assert_non_null(kb);
    /* Two values of a predicate nobody declared functional can both hold. */
    claim(kb, "sells2", "iran", "sells", REL_VALUE_LITERAL, "ships");
    quote(kb, "sells2", "v2", "Iran builds ships");
    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    for (i = 0; i < rel_diff_count(diff); i++) {
        const rel_difference *d = rel_diff_at(diff, i);
        if (rel_difference_kind(d) == REL_DIFF_CONTRADICTED)
            assert_string_not_equal(object_id(d), "sells");
    }
    rel_diff_free(diff);
    rel_kb_free(kb);
}

static void test_diff__explicit_contradiction_counts(void **state)
{
    rel_kb *kb = make_fixture(NULL);
    rel_diff *diff;

    (void)state;
    assert_non_null(kb);
    claim(kb, "sells2", "iran", "sells", REL_VALUE_LITERAL, "nothing");
    quote(kb, "sells2", "v2", "Syria watches");
    assert_int_equal(rel_kb_add_claim_relation(kb, "sells2", REL_NTS, REL_RELATION_CONTRADICTS, "sells", REL_NTS),
                     REL_OK);
    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    find(diff, REL_DIFF_CONTRADICTED, "sells");
    rel_diff_free(diff);
    rel_kb_free(kb);
}

static void test_diff__bad_arguments(void **state)
{
    const rel_kb *kb = *state;
    rel_kb *other = make_fixture(NULL);
    rel_diff *diff = (rel_diff *)(void *)&diff;
    rel_error err;

    assert_int_equal(rel_diff_sources(&diff, NULL, source(kb, "v1"), source(kb, "v2"), &err), REL_ERR_ARG);
    assert_null(diff);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_int_equal(rel_diff_sources(NULL, kb, source(kb, "v1"), source(kb, "v2"), &err), REL_ERR_ARG);
    assert_int_equal(rel_diff_sources(&diff, kb, NULL, source(kb, "v2"), &err), REL_ERR_ARG);
    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v1"), &err), REL_ERR_ARG);
    assert_non_null(strstr(err.message, "itself"));
    assert_null(diff);
    /* A source of another knowledge base is refused, not read. */
    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(other, "v2"), &err), REL_ERR_ARG);
    assert_null(diff);
    assert_int_equal(rel_diff_within(&diff, kb, source(other, "v2"), &err), REL_ERR_ARG);
    assert_int_equal(rel_diff_within(&diff, kb, NULL, NULL), REL_ERR_ARG);
    rel_kb_free(other);
}

static void test_diff__getters_accept_null_and_bad_sides(void **state)
{
    const rel_kb *kb = *state;
    const rel_difference *d;
    const char *r, *a;
    rel_diff *diff;

    rel_diff_free(NULL);
    assert_int_equal(rel_diff_count(NULL), 0);
    assert_null(rel_diff_at(NULL, 0));
    assert_int_equal(rel_difference_kind(NULL), 0);
    assert_int_equal(rel_difference_object_kind(NULL), REL_OBJECT_NONE);
    assert_null(rel_difference_entity(NULL));
    assert_null(rel_difference_event(NULL));
    assert_null(rel_difference_claim(NULL, REL_SIDE_A));
    assert_null(rel_difference_source(NULL, REL_SIDE_A));
    assert_int_equal(rel_difference_evidence_count(NULL, REL_SIDE_A), 0);
    assert_null(rel_difference_evidence_at(NULL, REL_SIDE_A, 0));
    assert_int_equal(rel_difference_modality(NULL, REL_SIDE_A), REL_MODALITY_NONE);
    assert_null(rel_difference_claimant(NULL, REL_SIDE_A));
    assert_int_equal(rel_difference_change_count(NULL), 0);
    assert_int_equal(rel_difference_change_at(NULL, 0, &r, NULL, &a, NULL), REL_ERR_ARG);
    assert_int_equal(rel_difference_change_is_spelling(NULL, 0), 0);

    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "v1"), source(kb, "v2"), NULL), REL_OK);
    assert_null(rel_diff_at(diff, rel_diff_count(diff)));
    d = rel_diff_at(diff, 0);
    assert_null(rel_difference_source(d, 2));
    assert_null(rel_difference_source(d, -1));
    assert_int_equal(rel_difference_evidence_count(d, 7), 0);
    assert_int_equal(rel_difference_change_at(d, 0, NULL, NULL, &a, NULL), REL_ERR_ARG);
    rel_diff_free(diff);
}

static void test_diff__names_and_strength(void **state)
{
    static const char *const names[] = {"added", "dropped", "reworded", "respelled",
                                        "hedged", "strengthened", "reattributed", "contradicted"};
    int32_t k;

    (void)state;
    for (k = REL_DIFF_ADDED; k <= REL_DIFF_CONTRADICTED; k++)
        assert_string_equal(rel_difference_kind_name(k), names[k - 1]);
    assert_null(rel_difference_kind_name(0));
    assert_null(rel_difference_kind_name(9));
    assert_true(rel_modality_strength(REL_MODALITY_ASSERTED) > rel_modality_strength(REL_MODALITY_BELIEVED));
    assert_true(rel_modality_strength(REL_MODALITY_BELIEVED) > rel_modality_strength(REL_MODALITY_PRESUMED));
    assert_true(rel_modality_strength(REL_MODALITY_PRESUMED) > rel_modality_strength(REL_MODALITY_REPORTED));
    assert_true(rel_modality_strength(REL_MODALITY_REPORTED) > rel_modality_strength(REL_MODALITY_ALLEGED));
    assert_true(rel_modality_strength(REL_MODALITY_ALLEGED) > rel_modality_strength(REL_MODALITY_HEDGED));
    assert_true(rel_modality_strength(REL_MODALITY_HEDGED) > rel_modality_strength(REL_MODALITY_DISPUTED));
    assert_true(rel_modality_strength(REL_MODALITY_DISPUTED) > rel_modality_strength(REL_MODALITY_DENIED));
    assert_int_equal(rel_modality_strength(REL_MODALITY_DENIED), 0);
    assert_int_equal(rel_modality_strength(REL_MODALITY_NONE), -1);
    assert_int_equal(rel_modality_strength(42), -1);
}

static void test_diff__allocation_failure_leaks_nothing(void **state)
{
    helper_alloc alloc = {0, 0, 0, 0};
    rel_kb_options opts = helper_alloc_options(&alloc);
    rel_kb *kb = make_fixture(&opts);
    const rel_source *a, *b;
    size_t needed, n;
    long long live;
    rel_diff *diff;

    (void)state;
    assert_non_null(kb);
    a = source(kb, "v1");
    b = source(kb, "v2");
    live = alloc.live;
    n = alloc.calls;
    assert_int_equal(rel_diff_sources(&diff, kb, a, b, NULL), REL_OK);
    needed = alloc.calls - n;
    rel_diff_free(diff);
    assert_int_equal(alloc.live, live);
    for (n = 1; n <= needed; n++) {
        rel_error err;
        alloc.fail_at = alloc.calls + n;
        assert_int_equal(rel_diff_sources(&diff, kb, a, b, &err), REL_ERR_NOMEM);
        assert_null(diff);
        assert_int_equal(err.status, REL_ERR_NOMEM);
        assert_int_equal(alloc.live, live);
    }
    alloc.fail_at = 0;
    rel_kb_free(kb);
    assert_int_equal(alloc.live, 0);
}

static void test_diff__builtin_nuclear_claim_is_hedged_and_reattributed(void **state)
{
    rel_kb *kb = helper_open_builtin();
    const rel_difference *d;
    const char *removed, *added;
    rel_diff *diff;
    size_t i;
    int spelling_only_found = 0;

    (void)state;
    assert_int_equal(rel_diff_sources(&diff, kb, source(kb, "000"), source(kb, "002"), NULL), REL_OK);
    d = find(diff, REL_DIFF_HEDGED, "c-nuclear-cooperation");
    assert_int_equal(rel_difference_modality(d, REL_SIDE_A), REL_MODALITY_ASSERTED);
    assert_int_equal(rel_difference_modality(d, REL_SIDE_B), REL_MODALITY_REPORTED);
    d = find(diff, REL_DIFF_REATTRIBUTED, "c-nuclear-cooperation");
    assert_string_equal(rel_entity_id(rel_difference_claimant(d, REL_SIDE_A), NULL), "article");
    assert_string_equal(rel_entity_id(rel_difference_claimant(d, REL_SIDE_B), NULL), "some-media-reports");
    d = find(diff, REL_DIFF_REWORDED, "c-relations-improved-after-revolution");
    assert_int_equal(rel_difference_change_at(d, 0, &removed, NULL, &added, NULL), REL_OK);
    assert_string_equal(removed, "picked up");
    assert_string_equal(added, "improved");
    /* The curly and the straight apostrophe of "Iran’s crusade": spelling, not wording. */
    for (i = 0; i < rel_diff_count(diff); i++) {
        d = rel_diff_at(diff, i);
        if (rel_difference_kind(d) == REL_DIFF_RESPELLED && rel_difference_change_count(d) > 0 &&
            rel_difference_change_at(d, 0, &removed, NULL, &added, NULL) == REL_OK && strcmp(removed, "’") == 0 &&
            strcmp(added, "'") == 0)
            spelling_only_found = 1;
    }
    assert_true(spelling_only_found);
    rel_diff_free(diff);
    rel_kb_free(kb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diff__finds_every_planted_difference_in_order),
        cmocka_unit_test(test_diff__rewording_reports_the_changed_words),
        cmocka_unit_test(test_diff__reworded_words_far_apart),
        cmocka_unit_test(test_diff__respelling_is_told_apart_from_rewording),
        cmocka_unit_test(test_diff__hedge_carries_both_stances_and_evidence),
        cmocka_unit_test(test_diff__a_new_claimant_is_a_reattribution),
        cmocka_unit_test(test_diff__additions_and_drops_have_one_side),
        cmocka_unit_test(test_diff__contradiction_across_versions_names_both_claims),
        cmocka_unit_test(test_diff__within_finds_the_contradiction_inside_one_version),
        cmocka_unit_test(test_diff__without_functional_predicate_no_contradiction),
        cmocka_unit_test(test_diff__explicit_contradiction_counts),
        cmocka_unit_test(test_diff__bad_arguments),
        cmocka_unit_test(test_diff__getters_accept_null_and_bad_sides),
        cmocka_unit_test(test_diff__names_and_strength),
        cmocka_unit_test(test_diff__allocation_failure_leaks_nothing),
        cmocka_unit_test(test_diff__builtin_nuclear_claim_is_hedged_and_reattributed),
    };

    return cmocka_run_group_tests_name("diff", tests, setup, helper_teardown_kb);
}
