/* SPDX-License-Identifier: MIT */
/* NULL everywhere: every destructor accepts it, every call of every public header answers it as documented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <relations.h>

#include "helpers.h"

/* What a length out-parameter holds before a call, to see it overwritten. */
#define STALE ((size_t)12345)

/* A pointer no call returns: out-parameters are set to it before a call that must clear them. */
static char poison[1];

static int32_t discard(const char *data, size_t len, void *payload)
{
    (void)data;
    (void)len;
    (void)payload;
    return 0;
}

static void test_free_null__destructors_accept_null(void **state)
{
    (void)state;
    rel_kb_free(NULL);
    rel_time_free(NULL);
    /* And still work on real objects afterwards. */
    rel_kb_free(helper_open_builtin());
}

static void test_free_null__source_getters(void **state)
{
    size_t len;

    (void)state;
    len = STALE;
    assert_null(rel_source_id(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_text(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_title(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_label(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_lang(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_date(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_url(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_licence(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_path(NULL, &len));
    assert_int_equal(len, 0);
    assert_null(rel_source_id(NULL, NULL));
    assert_null(rel_source_revises(NULL));
    assert_int_equal(rel_source_index(NULL), SIZE_MAX);
}

static void test_free_null__absent_source_fields(void **state)
{
    rel_kb *kb = helper_open_builtin();
    const rel_source *s = rel_kb_source_at(kb, 0);
    size_t len = STALE;

    (void)state;
    /* The built-in sources have no URL, no date and revise nothing. */
    assert_null(rel_source_url(s, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_source_date(s, &len));
    assert_int_equal(len, 0);
    assert_null(rel_source_revises(s));
    rel_kb_free(kb);
}

static void test_free_null__evidence_getters(void **state)
{
    size_t len = STALE;
    uint64_t start = 7, end = 7;

    (void)state;
    assert_null(rel_evidence_source(NULL));
    assert_int_equal(rel_evidence_start(NULL), 0);
    assert_int_equal(rel_evidence_end(NULL), 0);
    assert_null(rel_evidence_text(NULL, &len));
    assert_null(rel_evidence_text(NULL, NULL));
    assert_int_equal(rel_evidence_codepoints(NULL, &start, &end), REL_ERR_ARG);
    assert_int_equal(rel_utf8_codepoint_offset(NULL, 0, 0, &start), REL_ERR_ARG);
    assert_int_equal(rel_utf8_byte_offset(NULL, 0, 0, &start), REL_ERR_ARG);
    assert_int_equal(rel_utf8_codepoint_offset("a", 1, 0, NULL), REL_ERR_ARG);
    assert_int_equal(rel_utf8_byte_offset("a", 1, 0, NULL), REL_ERR_ARG);
    assert_int_equal(start, 7);
    assert_int_equal(end, 7);
}

static void test_free_null__entity_getters(void **state)
{
    size_t len;
    int32_t code = -5;
    char buf[8];

    (void)state;
    len = STALE;
    assert_null(rel_entity_id(NULL, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_entity_kind(NULL), REL_ENTITY_OTHER);
    len = STALE;
    assert_null(rel_entity_name(NULL, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_entity_alias_count(NULL), 0);
    len = STALE;
    assert_null(rel_entity_alias_text(NULL, 0, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_entity_alias_lang(NULL, 0, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_entity_evidence_count(NULL), 0);
    assert_null(rel_entity_evidence_at(NULL, 0));
    assert_int_equal(rel_entity_kind_from_name(NULL, REL_NTS, &code), REL_ERR_ARG);
    assert_int_equal(rel_entity_kind_from_name("state", REL_NTS, NULL), REL_ERR_ARG);
    assert_int_equal(code, -5);
    assert_int_equal(rel_text_normalise(NULL, 0, buf, sizeof(buf), &len), REL_ERR_ARG);
    assert_int_equal(rel_text_normalise("a", 1, NULL, 1, &len), REL_ERR_ARG);
}

static void test_free_null__event_getters(void **state)
{
    size_t len;
    int32_t code = -5;

    (void)state;
    len = STALE;
    assert_null(rel_event_id(NULL, &len));
    assert_int_equal(len, 0);
    len = STALE;
    assert_null(rel_event_type(NULL, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_event_participant_count(NULL), 0);
    assert_null(rel_event_participant_entity(NULL, 0));
    assert_int_equal(rel_event_participant_role(NULL, 0), -1);
    assert_null(rel_event_time(NULL));
    len = STALE;
    assert_null(rel_event_time_text(NULL, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_event_evidence_count(NULL), 0);
    assert_null(rel_event_evidence_at(NULL, 0));
    assert_int_equal(rel_role_from_name(NULL, REL_NTS, &code), REL_ERR_ARG);
    assert_int_equal(rel_role_from_name("agent", REL_NTS, NULL), REL_ERR_ARG);
    assert_int_equal(code, -5);
}

static void test_free_null__event_without_time(void **state)
{
    rel_kb *kb = helper_open_builtin();
    const rel_event *ev = NULL;
    size_t len = STALE;

    (void)state;
    /* The pledge of cooperation has no time in the annotation. */
    assert_int_equal(rel_kb_find_event(kb, "pledge-of-cooperation", REL_NTS, &ev), REL_OK);
    assert_null(rel_event_time(ev));
    assert_null(rel_event_time_text(ev, &len));
    assert_int_equal(len, 0);
    rel_kb_free(kb);
}

static void test_free_null__claim_getters(void **state)
{
    rel_kb *kb = helper_open_builtin();
    const rel_claim *c = rel_kb_claim_at(kb, 0);
    const rel_source *s = rel_kb_source_at(kb, 0);
    size_t len;
    int32_t code = -5;

    (void)state;
    len = STALE;
    assert_null(rel_claim_id(NULL, &len));
    assert_int_equal(len, 0);
    assert_null(rel_claim_subject(NULL));
    len = STALE;
    assert_null(rel_claim_predicate(NULL, &len));
    assert_int_equal(len, 0);
    assert_null(rel_claim_object(NULL));
    assert_null(rel_claim_claimant(NULL));
    assert_int_equal(rel_claim_modality(NULL), REL_MODALITY_NONE);
    assert_int_equal(rel_claim_polarity(NULL), REL_POLARITY_POSITIVE);
    assert_null(rel_claim_claimant_in(NULL, s));
    assert_null(rel_claim_claimant_in(c, NULL));
    assert_null(rel_claim_claimant_in(NULL, NULL));
    assert_int_equal(rel_claim_modality_in(NULL, s), REL_MODALITY_NONE);
    assert_int_equal(rel_claim_modality_in(c, NULL), REL_MODALITY_NONE);
    assert_int_equal(rel_claim_relation_count(NULL), 0);
    assert_int_equal(rel_claim_relation_type(NULL, 0), 0);
    assert_null(rel_claim_relation_target(NULL, 0));
    assert_int_equal(rel_claim_evidence_count(NULL), 0);
    assert_null(rel_claim_evidence_at(NULL, 0));
    assert_int_equal(rel_modality_from_name(NULL, REL_NTS, &code), REL_ERR_ARG);
    assert_int_equal(rel_modality_from_name("asserted", REL_NTS, NULL), REL_ERR_ARG);
    assert_int_equal(rel_relation_from_name(NULL, REL_NTS, &code), REL_ERR_ARG);
    assert_int_equal(rel_relation_from_name("supports", REL_NTS, NULL), REL_ERR_ARG);
    assert_int_equal(code, -5);
    rel_kb_free(kb);
}

static void test_free_null__value_getters(void **state)
{
    size_t len = STALE;
    double q = 4.5;

    (void)state;
    assert_int_equal(rel_value_kind(NULL), REL_VALUE_NONE);
    assert_null(rel_value_entity(NULL));
    assert_null(rel_value_event(NULL));
    assert_null(rel_value_claim(NULL));
    assert_null(rel_value_text(NULL, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_value_quantity(NULL, &q), REL_ERR_ARG);
    assert_true(q == 4.5);
    assert_null(rel_value_time(NULL));
}

static void test_free_null__value_getters_of_other_kinds(void **state)
{
    rel_kb *kb = helper_open_builtin();
    const rel_claim *c = NULL;
    const rel_value *entity_value, *time_value, *none_value;
    size_t len = STALE;
    double q = 4.5;

    (void)state;
    /* Subject: an entity. Object: a time. */
    assert_int_equal(rel_kb_find_claim(kb, "c-relationship-1500-years", REL_NTS, &c), REL_OK);
    entity_value = rel_claim_subject(c);
    time_value = rel_claim_object(c);
    assert_int_equal(rel_value_kind(entity_value), REL_VALUE_ENTITY);
    assert_non_null(rel_value_entity(entity_value));
    assert_null(rel_value_event(entity_value));
    assert_null(rel_value_claim(entity_value));
    assert_null(rel_value_time(entity_value));
    assert_null(rel_value_text(entity_value, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_value_quantity(entity_value, &q), REL_ERR_ARG);
    assert_int_equal(rel_value_kind(time_value), REL_VALUE_TIME);
    assert_null(rel_value_entity(time_value));
    assert_non_null(rel_value_time(time_value));
    assert_int_equal(rel_value_quantity(time_value, NULL), REL_ERR_ARG);
    assert_int_equal(rel_value_quantity(time_value, &q), REL_ERR_ARG);
    assert_true(q == 4.5);
    /* A claim without object has an object of kind NONE, not NULL. */
    assert_int_equal(rel_kb_find_claim(kb, "c-gulf-war-supplies", REL_NTS, &c), REL_OK);
    none_value = rel_claim_object(c);
    assert_non_null(none_value);
    assert_int_equal(rel_value_kind(none_value), REL_VALUE_NONE);
    assert_null(rel_value_entity(none_value));
    assert_null(rel_value_time(none_value));
    assert_null(rel_value_text(none_value, NULL));
    rel_kb_free(kb);
}

static void test_free_null__kb_getters(void **state)
{
    const rel_source *s = (const rel_source *)poison;
    const rel_entity *out[1];
    size_t count = STALE;

    (void)state;
    assert_null(rel_kb_error(NULL));
    assert_non_null(rel_kb_errmsg(NULL));
    assert_true(rel_kb_errmsg(NULL)[0] != '\0');
    assert_int_equal(rel_kb_source_count(NULL), 0);
    assert_int_equal(rel_kb_entity_count(NULL), 0);
    assert_int_equal(rel_kb_event_count(NULL), 0);
    assert_int_equal(rel_kb_claim_count(NULL), 0);
    assert_null(rel_kb_source_at(NULL, 0));
    assert_null(rel_kb_entity_at(NULL, 0));
    assert_null(rel_kb_event_at(NULL, 0));
    assert_null(rel_kb_claim_at(NULL, 0));
    assert_int_equal(rel_kb_id_kind(NULL, "iran", REL_NTS), REL_OBJECT_NONE);
    assert_int_equal(rel_kb_find_source(NULL, "000", REL_NTS, &s), REL_ERR_ARG);
    assert_null(s);
    assert_int_equal(rel_kb_find_alias(NULL, "Iran", REL_NTS, REL_MATCH_EXACT, out, 1, &count), REL_ERR_ARG);
    assert_int_equal(count, 0);
}

static void test_free_null__kb_constructors(void **state)
{
    rel_kb *kb = (rel_kb *)poison;
    rel_error err;

    (void)state;
    assert_int_equal(rel_kb_options_init(NULL, REL_KB_OPTIONS_VERSION), REL_ERR_ARG);
    assert_int_equal(rel_kb_new(NULL, NULL), REL_ERR_ARG);
    assert_int_equal(rel_kb_open_builtin(NULL, NULL, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    /* NULL options mean the defaults. */
    assert_int_equal(rel_kb_new(&kb, NULL), REL_OK);
    assert_non_null(kb);
    assert_int_equal(rel_kb_source_count(kb), 0);
    assert_int_equal(rel_kb_error(kb)->status, REL_OK);
    assert_string_equal(rel_kb_errmsg(kb), "");
    rel_kb_free(kb);
}

static void test_free_null__builder_calls_on_null_kb(void **state)
{
    rel_source_spec source = REL_SOURCE_SPEC_INIT;
    rel_claim_spec claim = REL_CLAIM_SPEC_INIT;
    rel_quote quote = {"Iran", REL_NTS, NULL, 0, NULL, 0};

    (void)state;
    source.id = "s";
    source.text = "Iran";
    assert_int_equal(rel_kb_add_source(NULL, &source), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_entity(NULL, "iran", REL_NTS, REL_ENTITY_STATE, "Iran", REL_NTS), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_alias(NULL, "iran", REL_NTS, "Persia", REL_NTS, "en", REL_NTS), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_event(NULL, "e", REL_NTS, "AGREE", REL_NTS), REL_ERR_ARG);
    assert_int_equal(rel_kb_set_event_time(NULL, "e", REL_NTS, "1980", REL_NTS, NULL, 0), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_participant(NULL, "e", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_claim(NULL, &claim), REL_ERR_ARG);
    assert_int_equal(rel_kb_set_claim_version(NULL, "c", REL_NTS, "s", REL_NTS, NULL, 0, REL_MODALITY_REPORTED),
                     REL_ERR_ARG);
    assert_int_equal(rel_kb_add_claim_relation(NULL, "c", REL_NTS, REL_RELATION_SUPPORTS, "d", REL_NTS), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_evidence(NULL, "iran", REL_NTS, "s", REL_NTS, 0, 4), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_evidence_quote(NULL, "iran", REL_NTS, "s", REL_NTS, &quote), REL_ERR_ARG);
}

/* A small knowledge base: source "s" ("Iran and Iraq"), entity "iran", event "e", claim "c". */
static rel_kb *small_kb(void)
{
    rel_source_spec source = REL_SOURCE_SPEC_INIT;
    rel_claim_spec claim = REL_CLAIM_SPEC_INIT;
    rel_kb *kb = NULL;

    assert_int_equal(rel_kb_new(&kb, NULL), REL_OK);
    source.id = "s";
    source.id_len = REL_NTS;
    source.text = "Iran and Iraq";
    source.text_len = REL_NTS;
    assert_int_equal(rel_kb_add_source(kb, &source), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "iran", REL_NTS, REL_ENTITY_STATE, "Iran", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_event(kb, "e", REL_NTS, "AGREE", REL_NTS), REL_OK);
    claim.id = "c";
    claim.id_len = REL_NTS;
    claim.subject.kind = REL_VALUE_ENTITY;
    claim.subject.str = "iran";
    claim.subject.str_len = REL_NTS;
    claim.predicate = "exists";
    claim.predicate_len = REL_NTS;
    claim.claimant = "iran";
    claim.claimant_len = REL_NTS;
    claim.modality = REL_MODALITY_ASSERTED;
    assert_int_equal(rel_kb_add_claim(kb, &claim), REL_OK);
    return kb;
}

/* The call failed with REL_ERR_ARG, said so on the handle and left the kb as it was. */
static void assert_refused(rel_kb *kb, rel_status st, const char *call)
{
    if (st != REL_ERR_ARG)
        fail_msg("%s: %s, not REL_ERR_ARG", call, rel_status_str(st));
    assert_int_equal(rel_kb_error(kb)->status, REL_ERR_ARG);
    assert_true(rel_kb_errmsg(kb)[0] != '\0');
    assert_int_equal(rel_kb_source_count(kb), 1);
    assert_int_equal(rel_kb_entity_count(kb), 1);
    assert_int_equal(rel_kb_event_count(kb), 1);
    assert_int_equal(rel_kb_claim_count(kb), 1);
    assert_int_equal(helper_evidence_count(kb), 0);
    assert_int_equal(rel_entity_alias_count(rel_kb_entity_at(kb, 0)), 0);
    assert_int_equal(rel_event_participant_count(rel_kb_event_at(kb, 0)), 0);
    assert_null(rel_event_time(rel_kb_event_at(kb, 0)));
}

static void test_free_null__builder_null_arguments(void **state)
{
    rel_kb *kb = small_kb();
    rel_quote no_exact = {NULL, 0, NULL, 0, NULL, 0};

    (void)state;
    assert_refused(kb, rel_kb_add_source(kb, NULL), "add_source(NULL spec)");
    assert_refused(kb, rel_kb_add_entity(kb, NULL, REL_NTS, REL_ENTITY_STATE, "Iraq", REL_NTS),
                   "add_entity(NULL id)");
    assert_refused(kb, rel_kb_add_entity(kb, "iraq", REL_NTS, REL_ENTITY_STATE, NULL, REL_NTS),
                   "add_entity(NULL name)");
    assert_refused(kb, rel_kb_add_alias(kb, NULL, REL_NTS, "Persia", REL_NTS, "en", REL_NTS), "add_alias(NULL id)");
    assert_refused(kb, rel_kb_add_alias(kb, "iran", REL_NTS, NULL, REL_NTS, "en", REL_NTS), "add_alias(NULL text)");
    assert_refused(kb, rel_kb_add_alias(kb, "iran", REL_NTS, "Persia", REL_NTS, NULL, REL_NTS),
                   "add_alias(NULL lang)");
    assert_refused(kb, rel_kb_add_event(kb, NULL, REL_NTS, "AGREE", REL_NTS), "add_event(NULL id)");
    assert_refused(kb, rel_kb_add_event(kb, "e2", REL_NTS, NULL, REL_NTS), "add_event(NULL type)");
    assert_refused(kb, rel_kb_set_event_time(kb, NULL, REL_NTS, "1980", REL_NTS, NULL, 0), "set_event_time(NULL id)");
    assert_refused(kb, rel_kb_set_event_time(kb, "e", REL_NTS, NULL, REL_NTS, NULL, 0), "set_event_time(NULL expr)");
    assert_refused(kb, rel_kb_add_participant(kb, NULL, REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT),
                   "add_participant(NULL event)");
    assert_refused(kb, rel_kb_add_participant(kb, "e", REL_NTS, NULL, REL_NTS, REL_ROLE_AGENT),
                   "add_participant(NULL entity)");
    assert_refused(kb, rel_kb_add_claim(kb, NULL), "add_claim(NULL spec)");
    assert_refused(kb, rel_kb_set_claim_version(kb, NULL, REL_NTS, "s", REL_NTS, NULL, 0, REL_MODALITY_REPORTED),
                   "set_claim_version(NULL claim)");
    assert_refused(kb, rel_kb_set_claim_version(kb, "c", REL_NTS, NULL, REL_NTS, NULL, 0, REL_MODALITY_REPORTED),
                   "set_claim_version(NULL source)");
    assert_refused(kb, rel_kb_set_claim_version(kb, "c", REL_NTS, "s", REL_NTS, NULL, 0, REL_MODALITY_NONE),
                   "set_claim_version(no override)");
    assert_refused(kb, rel_kb_add_claim_relation(kb, NULL, REL_NTS, REL_RELATION_SUPPORTS, "c", REL_NTS),
                   "add_claim_relation(NULL claim)");
    assert_refused(kb, rel_kb_add_claim_relation(kb, "c", REL_NTS, REL_RELATION_SUPPORTS, NULL, REL_NTS),
                   "add_claim_relation(NULL target)");
    assert_refused(kb, rel_kb_add_evidence(kb, NULL, REL_NTS, "s", REL_NTS, 0, 4), "add_evidence(NULL object)");
    assert_refused(kb, rel_kb_add_evidence(kb, "iran", REL_NTS, NULL, REL_NTS, 0, 4), "add_evidence(NULL source)");
    assert_refused(kb, rel_kb_add_evidence_quote(kb, "iran", REL_NTS, "s", REL_NTS, NULL),
                   "add_evidence_quote(NULL quote)");
    assert_refused(kb, rel_kb_add_evidence_quote(kb, "iran", REL_NTS, "s", REL_NTS, &no_exact),
                   "add_evidence_quote(NULL exact)");
    assert_refused(kb, rel_kb_add_evidence_quote(kb, NULL, REL_NTS, "s", REL_NTS, &no_exact),
                   "add_evidence_quote(NULL object)");
    /* After all that the kb still takes a good call, and clears the error. */
    assert_int_equal(rel_kb_add_evidence(kb, "iran", REL_NTS, "s", REL_NTS, 0, 4), REL_OK);
    assert_int_equal(rel_kb_error(kb)->status, REL_OK);
    assert_string_equal(rel_kb_errmsg(kb), "");
    rel_kb_free(kb);
}

static void test_free_null__json_calls(void **state)
{
    rel_kb *kb = (rel_kb *)poison;
    rel_kb *real = helper_open_builtin();
    rel_error err;

    (void)state;
    assert_int_equal(rel_kb_open_json_file(NULL, "x.json", NULL, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_int_equal(rel_kb_open_json_file(&kb, NULL, NULL, &err), REL_ERR_ARG);
    assert_null(kb);
    kb = (rel_kb *)poison;
    assert_int_equal(rel_kb_open_json_mem(NULL, "{}", REL_NTS, NULL, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_open_json_mem(&kb, NULL, 0, NULL, &err), REL_ERR_ARG);
    assert_null(kb);
    assert_int_equal(rel_kb_open_json_mem(&kb, NULL, 0, NULL, NULL), REL_ERR_ARG);
    assert_int_equal(rel_kb_write_json(NULL, discard, NULL, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_write_json(real, NULL, NULL, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_int_equal(rel_kb_save_json(NULL, "x.json", &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_save_json(real, NULL, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_save_json(real, NULL, NULL), REL_ERR_ARG);
    /* The payload may be NULL: it is only passed on. */
    assert_int_equal(rel_kb_write_json(real, discard, NULL, NULL), REL_OK);
    rel_kb_free(real);
}

static void test_free_null__time_calls(void **state)
{
    rel_time *t = (rel_time *)poison, *copy = (rel_time *)poison;
    rel_time_bounds b;
    rel_error err;
    char buf[16];
    size_t len = STALE;
    int64_t year = 42;
    int32_t month = 42, mday = 42;

    (void)state;
    assert_int_equal(rel_time_parse(NULL, "1980", REL_NTS, &err), REL_ERR_ARG);
    assert_int_equal(rel_time_parse(&t, NULL, 0, &err), REL_ERR_ARG);
    assert_null(t);
    assert_int_equal(rel_time_copy(NULL, NULL), REL_ERR_ARG);
    assert_int_equal(rel_time_copy(&copy, NULL), REL_ERR_ARG);
    assert_null(copy);
    assert_int_equal(rel_time_format(NULL, buf, sizeof(buf), &len), REL_ERR_ARG);
    assert_int_equal(rel_time_describe(NULL, buf, sizeof(buf), &len), REL_ERR_ARG);
    assert_int_equal(rel_time_mod(NULL), REL_MOD_NONE);
    assert_int_equal(rel_time_is_relative(NULL), 0);
    assert_int_equal(rel_time_get_bounds(NULL, &b), REL_ERR_ARG);
    assert_int_equal(rel_time_compare(NULL, NULL), 0);
    assert_int_equal(rel_time_overlaps(NULL, NULL), 0);
    assert_int_equal(rel_time_in_window(NULL, 0, 10, REL_WINDOW_POSSIBLE), 0);
    assert_int_equal(rel_day_from_date(1980, 10, 1, NULL), REL_ERR_ARG);
    assert_int_equal(rel_date_from_day(0, NULL, &month, &mday), REL_ERR_ARG);
    assert_int_equal(rel_date_from_day(0, &year, NULL, &mday), REL_ERR_ARG);
    assert_int_equal(rel_date_from_day(0, &year, &month, NULL), REL_ERR_ARG);
    assert_int_equal(year, 42);
    assert_int_equal(month, 42);

    /* With one real time: NULL sorts first, never overlaps, and outputs are required. */
    assert_int_equal(rel_time_parse(&t, "1980", REL_NTS, NULL), REL_OK);
    assert_true(rel_time_compare(NULL, t) < 0);
    assert_true(rel_time_compare(t, NULL) > 0);
    assert_int_equal(rel_time_overlaps(t, NULL), 0);
    assert_int_equal(rel_time_overlaps(NULL, t), 0);
    assert_int_equal(rel_time_get_bounds(t, NULL), REL_ERR_ARG);
    assert_int_equal(rel_time_copy(NULL, t), REL_ERR_ARG);
    assert_int_equal(rel_time_format(t, NULL, 4, &len), REL_ERR_ARG);
    assert_int_equal(rel_time_describe(t, NULL, 4, &len), REL_ERR_ARG);
    rel_time_free(t);
}

static void test_free_null__static_strings(void **state)
{
    rel_status st;

    (void)state;
    for (st = REL_ERR_CANCELLED; st <= REL_DONE; st++) {
        assert_non_null(rel_status_str(st));
        assert_string_not_equal(rel_status_str(st), "unknown status");
    }
    assert_string_equal(rel_status_str(REL_ERR_CANCELLED - 1), "unknown status");
    assert_string_equal(rel_status_str(REL_DONE + 1), "unknown status");
    assert_string_equal(rel_status_str(INT32_MIN), "unknown status");
    assert_string_equal(rel_version_string(), REL_VERSION_STRING);
    assert_int_equal(rel_version_number(), REL_VERSION_NUMBER);
    assert_null(rel_entity_kind_name(-1));
    assert_null(rel_role_name(-1));
    assert_null(rel_modality_name(REL_MODALITY_NONE));
    assert_null(rel_relation_name(0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_null__destructors_accept_null),
        cmocka_unit_test(test_free_null__source_getters),
        cmocka_unit_test(test_free_null__absent_source_fields),
        cmocka_unit_test(test_free_null__evidence_getters),
        cmocka_unit_test(test_free_null__entity_getters),
        cmocka_unit_test(test_free_null__event_getters),
        cmocka_unit_test(test_free_null__event_without_time),
        cmocka_unit_test(test_free_null__claim_getters),
        cmocka_unit_test(test_free_null__value_getters),
        cmocka_unit_test(test_free_null__value_getters_of_other_kinds),
        cmocka_unit_test(test_free_null__kb_getters),
        cmocka_unit_test(test_free_null__kb_constructors),
        cmocka_unit_test(test_free_null__builder_calls_on_null_kb),
        cmocka_unit_test(test_free_null__builder_null_arguments),
        cmocka_unit_test(test_free_null__json_calls),
        cmocka_unit_test(test_free_null__time_calls),
        cmocka_unit_test(test_free_null__static_strings),
    };

    return cmocka_run_group_tests_name("free_null", tests, NULL, NULL);
}
