/* SPDX-License-Identifier: MIT */
/* Allocation failure, injected at every allocation: clean REL_ERR_NOMEM, no leak, no half-made change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <relations.h>

#include "helpers.h"

/* ---- documents ---------------------------------------------------------- */

/*
 * Small, but with every kind of record and member: metadata, a source read
 * from a file, escapes, aliases shared by two entities, evidence by offsets
 * and by quote, times, every kind of claim value, versions, relations to a
 * later claim and a claim about a later claim.
 */
#define A_SOURCES \
    "\"sources\": [\n" \
    "  {\"id\": \"v1\", \"title\": \"T\", \"label\": \"L\", \"lang\": \"en\", \"date\": \"2020\", \"url\": \"u\",\n" \
    "   \"licence\": \"CC0\", \"text\": \"Iran sent arms to Syria in 1980.\\nSome reports say Iran\\u2013Syria.\"},\n" \
    "  {\"id\": \"v2\", \"revises\": \"v1\", \"text\": \"Iran did not send arms.\"},\n" \
    "  {\"id\": \"x1\", \"path\": \"corpus/001_689928cb94a769b6.txt\", \"lang\": \"en\"}\n" \
    "]"

#define A_ENTITIES \
    "\"entities\": [\n" \
    "  {\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\",\n" \
    "   \"aliases\": [{\"text\": \"Persia\", \"lang\": \"en\"}, {\"text\": \"\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86\", \"lang\": \"fa\"}],\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"start\": 0, \"end\": 4, \"text\": \"Iran\"},\n" \
    "                {\"source\": \"v1\", \"exact\": \"Iran\", \"prefix\": \"say \", \"suffix\": \"\\u2013\"},\n" \
    "                {\"source\": \"x1\", \"exact\": \"Iran\", \"suffix\": \"\\u2013North Korea relations (\"}]},\n" \
    "  {\"id\": \"persia\", \"kind\": \"polity\", \"name\": \"Persia\", \"aliases\": [{\"text\": \"persia\", \"lang\": \"en\"}]},\n" \
    "  {\"id\": \"syria\", \"kind\": \"state\", \"name\": \"Syria\", \"evidence\": [{\"source\": \"v1\", \"exact\": \"Syria in\"}]},\n" \
    "  {\"id\": \"reports\", \"kind\": \"group\", \"name\": \"some reports\"},\n" \
    "  {\"id\": \"article\", \"kind\": \"publication\", \"name\": \"the article\"}\n" \
    "]"

#define A_EVENTS \
    "\"events\": [\n" \
    "  {\"id\": \"delivery\", \"type\": \"AID.military\",\n" \
    "   \"participants\": [{\"entity\": \"iran\", \"role\": \"agent\"}, {\"entity\": \"syria\", \"role\": \"recipient\"}],\n" \
    "   \"time\": {\"expr\": \"START 1980\", \"text\": \"early 1980\"},\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"exact\": \"sent arms\"}]}\n" \
    "]"

#define A_CLAIMS \
    "\"claims\": [\n" \
    "  {\"id\": \"c_about\", \"subject\": {\"claim\": \"c_when\"}, \"predicate\": \"is_reported_by\",\n" \
    "   \"object\": {\"literal\": \"some reports\"}, \"claimant\": \"article\", \"modality\": \"presumed\"},\n" \
    "  {\"id\": \"c_sent\", \"subject\": {\"event\": \"delivery\"}, \"predicate\": \"happened\",\n" \
    "   \"claimant\": \"article\", \"modality\": \"asserted\",\n" \
    "   \"versions\": [{\"source\": \"v2\", \"modality\": \"denied\", \"claimant\": \"reports\"}],\n" \
    "   \"relations\": [{\"type\": \"contradicts\", \"claim\": \"c_denied\"}, {\"type\": \"supports\", \"claim\": \"c_amount\"}],\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"exact\": \"Iran sent arms to Syria\"}, {\"source\": \"v2\", \"start\": 0, \"end\": 22}]},\n" \
    "  {\"id\": \"c_amount\", \"subject\": {\"event\": \"delivery\"}, \"predicate\": \"weighs\",\n" \
    "   \"object\": {\"quantity\": 3.5, \"unit\": \"tonnes\"}, \"claimant\": \"reports\", \"modality\": \"reported\"},\n" \
    "  {\"id\": \"c_denied\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"sends_arms_to\",\n" \
    "   \"object\": {\"entity\": \"syria\"}, \"claimant\": \"article\", \"modality\": \"hedged\", \"polarity\": \"negative\",\n" \
    "   \"evidence\": [{\"source\": \"v2\", \"exact\": \"did not send\", \"prefix\": \"Iran \"}]},\n" \
    "  {\"id\": \"c_when\", \"subject\": {\"event\": \"delivery\"}, \"predicate\": \"happened_in\",\n" \
    "   \"object\": {\"time\": {\"expr\": \"1980\", \"text\": \"in 1980\"}}, \"claimant\": \"article\", \"modality\": \"believed\"},\n" \
    "  {\"id\": \"c_next\", \"subject\": {\"entity\": \"persia\"}, \"predicate\": \"follows\",\n" \
    "   \"object\": {\"event\": \"delivery\"}, \"claimant\": \"reports\", \"modality\": \"alleged\"}\n" \
    "]"

static const char forward_doc[] =
    "{\"format\": \"relations-kb/1\",\n" A_SOURCES ",\n" A_ENTITIES ",\n" A_EVENTS ",\n" A_CLAIMS "\n}\n";

/* Every section before the ones it refers to: everything is kept back until the end. */
static const char reversed_doc[] = "{" A_CLAIMS ",\n" A_EVENTS ",\n" A_ENTITIES ",\n" A_SOURCES "}";

/* ---- helpers ------------------------------------------------------------ */

static rel_kb_options alloc_options(helper_alloc *a)
{
    rel_kb_options opts = helper_alloc_options(a);

    opts.base_dir = REL_TEST_DATA_DIR; /* for the source read from corpus/ */
    return opts;
}

/* Starts counting afresh; the allocation numbered fail_at (0: none) fails. */
static void arm(helper_alloc *a, size_t fail_at)
{
    a->calls = 0;
    a->fail_at = fail_at;
    a->failures = 0;
}

/* The export, made without failure. */
static char *export_ok(helper_alloc *a, const rel_kb *kb, size_t *len)
{
    char *json;

    arm(a, 0);
    json = helper_export(kb, len);
    assert_non_null(json);
    return json;
}

static void assert_export_is(helper_alloc *a, const rel_kb *kb, const char *json, size_t len)
{
    size_t now_len = 0;
    char *now = export_ok(a, kb, &now_len);

    assert_int_equal(now_len, len);
    assert_memory_equal(now, json, len);
    free(now);
}

/*
 * Opens `doc` failing each allocation in turn, from the first to the last
 * a successful open makes: every one gives REL_ERR_NOMEM, no knowledge base
 * and nothing left allocated. Returns the number of failures injected.
 */
static size_t open_failing_everywhere(const char *doc)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = alloc_options(&a);
    rel_kb *kb = NULL;
    rel_error err;
    char *reference;
    size_t total, n, len = 0;

    arm(&a, 0);
    if (rel_kb_open_json_mem(&kb, doc, REL_NTS, &opts, &err) != REL_OK)
        fail_msg("%u:%u: %s", err.line, err.column, err.message);
    total = a.calls;
    assert_true(total > 50);
    reference = export_ok(&a, kb, &len);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);

    for (n = 1; n <= total; n++) {
        kb = (rel_kb *)(void *)&a; /* any non-NULL value: it must be reset */
        arm(&a, n);
        if (rel_kb_open_json_mem(&kb, doc, REL_NTS, &opts, &err) != REL_ERR_NOMEM)
            fail_msg("allocation %zu of %zu failed: got %d (%s)", n, total, (int)err.status, err.message);
        assert_int_equal(a.failures, 1);
        assert_null(kb);
        assert_int_equal(err.status, REL_ERR_NOMEM);
        if (err.message[0] == '\0')
            fail_msg("allocation %zu of %zu failed: no message", n, total);
        if (a.live != 0)
            fail_msg("allocation %zu of %zu failed: %lld blocks leaked", n, total, a.live);
    }

    /* One past the last allocation: nothing fails and the result is the same. */
    arm(&a, total + 1);
    assert_int_equal(rel_kb_open_json_mem(&kb, doc, REL_NTS, &opts, &err), REL_OK);
    assert_int_equal(a.failures, 0);
    assert_export_is(&a, kb, reference, len);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
    free(reference);
    return total;
}

/* A builder call, made on kb; `round` tells calls of the same kind apart. */
typedef rel_status (*builder_call)(rel_kb *kb, int round);

/*
 * Runs `call` failing its first allocation, then its second, and so on:
 * each attempt returns REL_ERR_NOMEM, says so on the handle and leaves the
 * export as it was. Once the call makes fewer allocations than the one
 * chosen to fail, it succeeds and changes the knowledge base. Returns the
 * number of failures injected.
 */
static size_t call_failing_everywhere(helper_alloc *a, rel_kb *kb, builder_call call, int round)
{
    size_t before_len = 0, after_len = 0, n;
    char *before = export_ok(a, kb, &before_len), *after;
    rel_status st;

    for (n = 1;; n++) {
        arm(a, n);
        st = call(kb, round);
        if (a->failures == 0)
            break;
        if (st != REL_ERR_NOMEM)
            fail_msg("round %d, allocation %zu failed: got %d (%s)", round, n, (int)st, rel_kb_errmsg(kb));
        assert_int_equal(rel_kb_error(kb)->status, REL_ERR_NOMEM);
        assert_string_equal(rel_kb_errmsg(kb), "out of memory");
        assert_export_is(a, kb, before, before_len);
    }
    if (st != REL_OK)
        fail_msg("round %d without failure: got %d (%s)", round, (int)st, rel_kb_errmsg(kb));
    assert_int_equal(rel_kb_error(kb)->status, REL_OK);
    after = export_ok(a, kb, &after_len);
    assert_false(after_len == before_len && memcmp(after, before, after_len) == 0);
    free(after);
    free(before);
    return n - 1;
}

/* ---- builder calls ------------------------------------------------------ */

static const char SRC_TEXT[] = "Iran sent arms to Syria. Iran \xE2\x80\x93 Syria. Persia.";

static void round_id(char *buf, size_t cap, const char *prefix, int round)
{
    snprintf(buf, cap, "%s%d", prefix, round);
}

static rel_status call_add_source(rel_kb *kb, int round)
{
    rel_source_spec s = REL_SOURCE_SPEC_INIT;
    char id[16];

    round_id(id, sizeof(id), "src", round);
    s.id = id;
    s.id_len = REL_NTS;
    s.text = SRC_TEXT;
    s.text_len = REL_NTS;
    s.title = "Title";
    s.title_len = REL_NTS;
    s.lang = "en";
    s.lang_len = REL_NTS;
    s.path = "file.txt";
    s.path_len = REL_NTS;
    s.revises = round ? "src0" : NULL;
    s.revises_len = REL_NTS;
    return rel_kb_add_source(kb, &s);
}

static rel_status call_add_entity(rel_kb *kb, int round)
{
    char id[16], name[32];

    round_id(id, sizeof(id), "ent", round);
    /* Even rounds share one name, so their alias buckets are shared too. */
    if (round % 2)
        snprintf(name, sizeof(name), "Entity \xE2\x80\x93 %d", round);
    else
        snprintf(name, sizeof(name), "Shared Name");
    return rel_kb_add_entity(kb, id, REL_NTS, REL_ENTITY_STATE, name, REL_NTS);
}

static rel_status call_add_alias(rel_kb *kb, int round)
{
    static const char *const texts[] = {"Persia", "persia", "PERSIA", "Shared Name", "Iran\xE2\x80\x99s"};
    char text[32];

    if (round < 5)
        snprintf(text, sizeof(text), "%s", texts[round]);
    else
        snprintf(text, sizeof(text), "Alias %d", round);
    return rel_kb_add_alias(kb, "ent1", REL_NTS, text, REL_NTS, "en", REL_NTS);
}

static rel_status call_add_event(rel_kb *kb, int round)
{
    char id[16];

    round_id(id, sizeof(id), "ev", round);
    return rel_kb_add_event(kb, id, REL_NTS, "AID.military", REL_NTS);
}

static rel_status call_set_event_time(rel_kb *kb, int round)
{
    static const char *const exprs[] = {"START 1980-10", "1980/1988", "MORE_THAN P1600Y @2020"};

    return rel_kb_set_event_time(kb, "ev0", REL_NTS, exprs[round % 3], REL_NTS, round == 1 ? NULL : "the words",
                                 REL_NTS);
}

static rel_status call_add_participant(rel_kb *kb, int round)
{
    char entity[16];

    round_id(entity, sizeof(entity), "ent", round);
    return rel_kb_add_participant(kb, "ev0", REL_NTS, entity, REL_NTS, REL_ROLE_AGENT);
}

static rel_status call_add_claim(rel_kb *kb, int round)
{
    rel_claim_spec c = REL_CLAIM_SPEC_INIT;
    rel_value_spec none = {REL_VALUE_NONE, NULL, 0, NULL, 0, 0.0};
    rel_value_spec objects[] = {
        {REL_VALUE_ENTITY, "ent2", REL_NTS, NULL, 0, 0.0},
        {REL_VALUE_EVENT, "ev0", REL_NTS, NULL, 0, 0.0},
        {REL_VALUE_CLAIM, "cl0", REL_NTS, NULL, 0, 0.0},
        {REL_VALUE_LITERAL, "a literal", REL_NTS, NULL, 0, 0.0},
        {REL_VALUE_QUANTITY, "tonnes", REL_NTS, NULL, 0, 3.5},
        {REL_VALUE_QUANTITY, NULL, 0, NULL, 0, 7.0},
        {REL_VALUE_TIME, "1980-10", REL_NTS, "October 1980", REL_NTS, 0.0},
        {REL_VALUE_TIME, "1500~", REL_NTS, NULL, 0, 0.0},
    };
    char id[16];

    round_id(id, sizeof(id), "cl", round);
    c.id = id;
    c.id_len = REL_NTS;
    c.subject.kind = round % 2 ? REL_VALUE_EVENT : REL_VALUE_ENTITY;
    c.subject.str = round % 2 ? "ev0" : "ent0";
    c.subject.str_len = REL_NTS;
    c.predicate = "says";
    c.predicate_len = REL_NTS;
    c.object = round == 0 ? none : objects[(round - 1) % 8];
    c.claimant = "ent1";
    c.claimant_len = REL_NTS;
    c.modality = REL_MODALITY_REPORTED;
    c.polarity = round % 3 == 2 ? REL_POLARITY_NEGATIVE : REL_POLARITY_POSITIVE;
    return rel_kb_add_claim(kb, &c);
}

static rel_status call_set_claim_version(rel_kb *kb, int round)
{
    char claim[16];

    round_id(claim, sizeof(claim), "cl", round);
    return rel_kb_set_claim_version(kb, claim, REL_NTS, "src1", REL_NTS, round % 2 ? "ent2" : NULL, REL_NTS,
                                    round % 2 ? REL_MODALITY_NONE : REL_MODALITY_DENIED);
}

static rel_status call_add_claim_relation(rel_kb *kb, int round)
{
    char target[16];

    round_id(target, sizeof(target), "cl", round + 1);
    return rel_kb_add_claim_relation(kb, "cl0", REL_NTS, REL_RELATION_SUPPORTS, target, REL_NTS);
}

static rel_status call_add_evidence(rel_kb *kb, int round)
{
    static const char *const objects[] = {"ent0", "ev0", "cl0"};

    return rel_kb_add_evidence(kb, objects[round % 3], REL_NTS, "src0", REL_NTS, (uint64_t)round, 24);
}

static rel_status call_add_evidence_quote(rel_kb *kb, int round)
{
    static const rel_quote quotes[] = {
        {"Iran", REL_NTS, NULL, 0, " sent", REL_NTS},
        {"Syria", REL_NTS, "\xE2\x80\x93 ", REL_NTS, NULL, 0},
        {"Persia", REL_NTS, NULL, 0, NULL, 0},
    };

    return rel_kb_add_evidence_quote(kb, "ent1", REL_NTS, "src0", REL_NTS, &quotes[round % 3]);
}

/* ---- tests -------------------------------------------------------------- */

static void test_alloc__open_json_every_allocation(void **state)
{
    (void)state;
    open_failing_everywhere(forward_doc);
}

static void test_alloc__open_json_kept_back_records(void **state)
{
    (void)state;
    open_failing_everywhere(reversed_doc);
}

static void test_alloc__kb_new(void **state)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = alloc_options(&a);
    rel_kb *kb = NULL;
    size_t n;

    (void)state;
    for (n = 1; n <= 2; n++) { /* the handle, then the copy of base_dir */
        kb = (rel_kb *)(void *)&a;
        arm(&a, n);
        assert_int_equal(rel_kb_new(&kb, &opts), REL_ERR_NOMEM);
        assert_null(kb);
        assert_int_equal(a.failures, 1);
        assert_int_equal(a.live, 0);
    }
    arm(&a, 3);
    assert_int_equal(rel_kb_new(&kb, &opts), REL_OK);
    assert_int_equal(a.failures, 0);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
}

static void test_alloc__builder_calls(void **state)
{
    static const struct {
        builder_call call;
        int rounds;
    } calls[] = {
        {call_add_source, 3},          {call_add_entity, 20},        {call_add_alias, 12},
        {call_add_event, 10},          {call_set_event_time, 3},     {call_add_participant, 10},
        {call_add_claim, 12},          {call_set_claim_version, 4},  {call_add_claim_relation, 10},
        {call_add_evidence, 12},       {call_add_evidence_quote, 3},
    };
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = alloc_options(&a);
    rel_kb *kb = NULL;
    size_t i, injected = 0;
    int round;

    (void)state;
    arm(&a, 0);
    assert_int_equal(rel_kb_new(&kb, &opts), REL_OK);
    for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
        for (round = 0; round < calls[i].rounds; round++)
            injected += call_failing_everywhere(&a, kb, calls[i].call, round);
    /* Every call allocated at least once somewhere along the way. */
    assert_true(injected > 100);

    assert_int_equal(rel_kb_source_count(kb), 3);
    assert_int_equal(rel_kb_entity_count(kb), 20);
    assert_int_equal(rel_entity_alias_count(rel_kb_entity_at(kb, 1)), 12);
    assert_int_equal(rel_kb_claim_count(kb), 12);
    assert_int_equal(helper_evidence_count(kb), 15);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
}

static void test_alloc__find_alias_normalised(void **state)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = alloc_options(&a);
    const rel_entity *found[4];
    rel_kb *kb = NULL;
    size_t count = 9, n;
    rel_status st;

    (void)state;
    arm(&a, 0);
    assert_int_equal(rel_kb_open_json_mem(&kb, forward_doc, REL_NTS, &opts, NULL), REL_OK);
    for (n = 1;; n++) {
        arm(&a, n);
        st = rel_kb_find_alias(kb, "PERSIA", REL_NTS, REL_MATCH_NORMALISED, found, 4, &count);
        if (a.failures == 0)
            break;
        assert_int_equal(st, REL_ERR_NOMEM);
        assert_int_equal(count, 0);
    }
    assert_int_equal(st, REL_OK);
    assert_true(n > 1);
    /* "Persia" of iran and of persia, and "persia" of persia: two entities. */
    assert_int_equal(count, 2);
    assert_string_equal(rel_entity_id(found[0], NULL), "iran");
    assert_string_equal(rel_entity_id(found[1], NULL), "persia");
    /* Exact matching does not allocate. */
    arm(&a, 1);
    assert_int_equal(rel_kb_find_alias(kb, "Persia", REL_NTS, REL_MATCH_EXACT, found, 4, &count), REL_OK);
    assert_int_equal(a.failures, 0);
    assert_int_equal(count, 2);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
}

static int32_t discard(const char *data, size_t len, void *payload)
{
    size_t *total = payload;

    (void)data;
    *total += len;
    return 0;
}

static void test_alloc__write_json(void **state)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = alloc_options(&a);
    rel_kb *kb = NULL;
    rel_error err;
    size_t len = 0, written, n;
    char *reference;

    (void)state;
    arm(&a, 0);
    assert_int_equal(rel_kb_open_json_mem(&kb, forward_doc, REL_NTS, &opts, NULL), REL_OK);
    reference = export_ok(&a, kb, &len);
    for (n = 1;; n++) {
        written = 0;
        arm(&a, n);
        if (rel_kb_write_json(kb, discard, &written, &err) == REL_OK) {
            assert_int_equal(a.failures, 0);
            assert_int_equal(written, len);
            break;
        }
        assert_int_equal(a.failures, 1);
        assert_int_equal(err.status, REL_ERR_NOMEM);
        assert_int_equal(written, 0); /* nothing half-written */
        /* The knowledge base is as it was and still exports. */
        assert_export_is(&a, kb, reference, len);
    }
    assert_true(n > 1);
    free(reference);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
}

static void test_alloc__builtin_sampled(void **state)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = helper_alloc_options(&a);
    rel_kb *kb = NULL;
    rel_error err;
    size_t total, n, step;

    (void)state;
    arm(&a, 0);
    assert_int_equal(rel_kb_open_builtin(&kb, &opts, &err), REL_OK);
    total = a.calls;
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
    /* About 200 allocations spread over the whole import, the last one included. */
    step = total / 200 + 1;
    for (n = total; n >= 1; n = n > step ? n - step : 0) {
        kb = (rel_kb *)(void *)&a;
        arm(&a, n);
        if (rel_kb_open_builtin(&kb, &opts, &err) != REL_ERR_NOMEM)
            fail_msg("allocation %zu of %zu failed: got %d (%s)", n, total, (int)err.status, err.message);
        assert_null(kb);
        assert_int_equal(a.live, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc__open_json_every_allocation),
        cmocka_unit_test(test_alloc__open_json_kept_back_records),
        cmocka_unit_test(test_alloc__kb_new),
        cmocka_unit_test(test_alloc__builder_calls),
        cmocka_unit_test(test_alloc__find_alias_normalised),
        cmocka_unit_test(test_alloc__write_json),
        cmocka_unit_test(test_alloc__builtin_sampled),
    };

    return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
