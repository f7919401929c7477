/* SPDX-License-Identifier: MIT */
/* Building a knowledge base call by call (lib/builder.c): what is read back, and every refusal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <relations.h>

#include "helpers.h"

/* ---- fixtures ----------------------------------------------------------- */

/* "–" (3 bytes) and "é" (2 bytes) put multi-byte characters in the first source. */
static const char S1_TEXT[] = "Iran sent arms to Syria in early 1980. Reports say Iran sent arms again \xE2\x80\x93 caf\xC3\xA9.";
static const char S2_TEXT[] = "Iran sent arms to Syria. Some media reports say so.";
static const char S3_TEXT[] = "An unrelated text.";

/* The byte offset of the nth (0-based) occurrence of needle in text. */
static uint64_t offset_of(const char *text, const char *needle, int nth)
{
    const char *p = strstr(text, needle);

    while (p && nth-- > 0)
        p = strstr(p + 1, needle);
    if (!p)
        fail_msg("\"%s\" is not in the text", needle);
    return (uint64_t)(p - text);
}

static rel_kb *new_kb(void)
{
    rel_kb *kb = NULL;

    assert_int_equal(rel_kb_new(&kb, NULL), REL_OK);
    assert_non_null(kb);
    return kb;
}

static void add_source(rel_kb *kb, const char *id, const char *text, const char *revises)
{
    rel_source_spec spec = REL_SOURCE_SPEC_INIT;

    spec.id = id;
    spec.id_len = REL_NTS;
    spec.text = text;
    spec.text_len = REL_NTS;
    spec.revises = revises;
    spec.revises_len = REL_NTS;
    assert_int_equal(rel_kb_add_source(kb, &spec), REL_OK);
}

static rel_value_spec ref(int32_t kind, const char *id)
{
    rel_value_spec v = {kind, id, REL_NTS, NULL, 0, 0.0};
    return v;
}

static rel_claim_spec claim_spec(const char *id, rel_value_spec subject, const char *predicate, rel_value_spec object,
                                 const char *claimant, int32_t modality)
{
    rel_claim_spec spec = REL_CLAIM_SPEC_INIT;

    spec.id = id;
    spec.id_len = REL_NTS;
    spec.subject = subject;
    spec.predicate = predicate;
    spec.predicate_len = REL_NTS;
    spec.object = object;
    spec.claimant = claimant;
    spec.claimant_len = REL_NTS;
    spec.modality = modality;
    return spec;
}

static void add_quote(rel_kb *kb, const char *object, const char *source, const char *exact, const char *prefix,
                      const char *suffix)
{
    rel_quote q = {exact, REL_NTS, prefix, REL_NTS, suffix, REL_NTS};
    rel_status st = rel_kb_add_evidence_quote(kb, object, REL_NTS, source, REL_NTS, &q);

    if (st != REL_OK)
        fail_msg("quote \"%s\" on %s: %s", exact, object, rel_kb_errmsg(kb));
}

/*
 * Three sources (s1 with every piece of metadata; s2 revises s1; t3_long_id
 * revises s2), four entities, one event and a claim of every value kind,
 * with versions, relations and evidence by offsets and by quote.
 */
static rel_kb *build_kb(void)
{
    rel_kb *kb = new_kb();
    rel_source_spec s1 = REL_SOURCE_SPEC_INIT;
    rel_value_spec none = {REL_VALUE_NONE, NULL, 0, NULL, 0, 0.0};
    rel_value_spec literal = {REL_VALUE_LITERAL, "a lot of arms", REL_NTS, NULL, 0, 0.0};
    rel_value_spec quantity = {REL_VALUE_QUANTITY, "tonnes", REL_NTS, NULL, 0, 3.5};
    rel_value_spec time = {REL_VALUE_TIME, "1980", REL_NTS, "in 1980", REL_NTS, 0.0};
    rel_claim_spec c;

    s1.id = "s1";
    s1.id_len = REL_NTS;
    s1.text = S1_TEXT;
    s1.text_len = REL_NTS;
    s1.title = "Iran\xE2\x80\x93Syria";
    s1.title_len = REL_NTS;
    s1.label = "older version";
    s1.label_len = REL_NTS;
    s1.lang = "en";
    s1.lang_len = REL_NTS;
    s1.date = "1980-10";
    s1.date_len = REL_NTS;
    s1.url = "https://example.org/s1";
    s1.url_len = REL_NTS;
    s1.licence = "CC BY-SA 4.0";
    s1.licence_len = REL_NTS;
    s1.path = "corpus/s1.txt";
    s1.path_len = REL_NTS;
    assert_int_equal(rel_kb_add_source(kb, &s1), REL_OK);
    add_source(kb, "s2", S2_TEXT, "s1");
    add_source(kb, "t3_long_id", S3_TEXT, "s2");

    assert_int_equal(rel_kb_add_entity(kb, "iran", REL_NTS, REL_ENTITY_STATE, "Iran", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_alias(kb, "iran", REL_NTS, "Islamic Republic of Iran", REL_NTS, "en", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_alias(kb, "iran", REL_NTS, "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86", REL_NTS, "fa",
                                      REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "syria", REL_NTS, REL_ENTITY_STATE, "Syria", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "media", REL_NTS, REL_ENTITY_GROUP, "some media reports", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "article", REL_NTS, REL_ENTITY_PUBLICATION, "the article", REL_NTS), REL_OK);

    assert_int_equal(rel_kb_add_event(kb, "arms", REL_NTS, "AID.military", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_set_event_time(kb, "arms", REL_NTS, "1979", REL_NTS, "in 1979", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_set_event_time(kb, "arms", REL_NTS, "START 1980", REL_NTS, "in early 1980", REL_NTS),
                     REL_OK);
    assert_int_equal(rel_kb_add_participant(kb, "arms", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT), REL_OK);
    assert_int_equal(rel_kb_add_participant(kb, "arms", REL_NTS, "syria", REL_NTS, REL_ROLE_RECIPIENT), REL_OK);

    c = claim_spec("c_event", ref(REL_VALUE_EVENT, "arms"), "happened", none, "article", REL_MODALITY_ASSERTED);
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    c = claim_spec("c_entity", ref(REL_VALUE_ENTITY, "iran"), "supplies_arms_to", ref(REL_VALUE_ENTITY, "syria"),
                   "article", REL_MODALITY_ASSERTED);
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    c = claim_spec("c_claim", ref(REL_VALUE_CLAIM, "c_entity"), "is_about", ref(REL_VALUE_CLAIM, "c_event"), "media",
                   REL_MODALITY_REPORTED);
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    c = claim_spec("c_literal", ref(REL_VALUE_ENTITY, "iran"), "calls_it", literal, "media", REL_MODALITY_ALLEGED);
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    c = claim_spec("c_quantity", ref(REL_VALUE_EVENT, "arms"), "weighs", quantity, "article", REL_MODALITY_HEDGED);
    c.polarity = REL_POLARITY_NEGATIVE;
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    c = claim_spec("c_time", ref(REL_VALUE_EVENT, "arms"), "happened_in", time, "article", REL_MODALITY_BELIEVED);
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);

    assert_int_equal(rel_kb_set_claim_version(kb, "c_event", REL_NTS, "s2", REL_NTS, "media", REL_NTS,
                                              REL_MODALITY_REPORTED), REL_OK);
    assert_int_equal(rel_kb_set_claim_version(kb, "c_entity", REL_NTS, "s2", REL_NTS, "media", REL_NTS,
                                              REL_MODALITY_NONE), REL_OK);
    assert_int_equal(rel_kb_set_claim_version(kb, "c_literal", REL_NTS, "s1", REL_NTS, NULL, 0,
                                              REL_MODALITY_DISPUTED), REL_OK);
    /* A version in a source that does not state the claim. */
    assert_int_equal(rel_kb_set_claim_version(kb, "c_event", REL_NTS, "t3", REL_NTS, "media", REL_NTS,
                                              REL_MODALITY_DENIED), REL_OK);

    assert_int_equal(rel_kb_add_claim_relation(kb, "c_entity", REL_NTS, REL_RELATION_SUPPORTS, "c_event", REL_NTS),
                     REL_OK);
    assert_int_equal(rel_kb_add_claim_relation(kb, "c_claim", REL_NTS, REL_RELATION_DISPUTES, "c_entity", REL_NTS),
                     REL_OK);
    assert_int_equal(rel_kb_add_claim_relation(kb, "c_claim", REL_NTS, REL_RELATION_HEDGES, "c_entity", REL_NTS),
                     REL_OK);

    assert_int_equal(rel_kb_add_evidence(kb, "iran", REL_NTS, "s1", REL_NTS, 0, 4), REL_OK);
    add_quote(kb, "iran", "s1", "Iran", "say ", NULL);
    add_quote(kb, "syria", "s1", "Syria", NULL, NULL);
    add_quote(kb, "arms", "s1", "sent arms", NULL, " to");
    add_quote(kb, "c_event", "s1", "Iran sent arms to Syria in early 1980.", NULL, NULL);
    add_quote(kb, "c_event", "s2", "Iran sent arms to Syria.", NULL, NULL);
    add_quote(kb, "c_entity", "s1", "Iran sent arms to Syria", NULL, " in");
    add_quote(kb, "c_entity", "s2", "Iran sent arms to Syria", NULL, NULL);
    add_quote(kb, "c_claim", "s2", "Some media reports say so.", NULL, NULL);
    add_quote(kb, "c_literal", "s1", "caf\xC3\xA9", NULL, NULL);
    add_quote(kb, "c_quantity", "s1", "again", NULL, NULL);
    add_quote(kb, "c_time", "s1", "1980", NULL, NULL);
    return kb;
}

static int setup_built(void **state)
{
    *state = build_kb();
    return 0;
}

static int teardown_kb(void **state)
{
    rel_kb_free(*state);
    return 0;
}

/* ---- checking a refusal ------------------------------------------------- */

typedef struct snapshot {
    char *json;
    size_t len;
} snapshot;

static snapshot take(const rel_kb *kb)
{
    snapshot s;

    s.json = helper_export(kb, &s.len);
    assert_non_null(s.json);
    return s;
}

/*
 * The call returned `want`, the handle's error says so with a message that
 * names `needle` (when given), and the knowledge base exports as before.
 */
static void check_refused(rel_kb *kb, const snapshot *before, rel_status got, rel_status want, const char *needle)
{
    const rel_error *err = rel_kb_error(kb);
    char *after;
    size_t len;

    assert_int_equal(got, want);
    assert_non_null(err);
    assert_int_equal(err->status, want);
    assert_true(err->message[0] != '\0');
    assert_string_equal(rel_kb_errmsg(kb), err->message);
    if (needle && !strstr(err->message, needle))
        fail_msg("message \"%s\" does not mention \"%s\"", err->message, needle);
    after = helper_export(kb, &len);
    assert_non_null(after);
    assert_int_equal(len, before->len);
    assert_memory_equal(after, before->json, len);
    free(after);
}

static rel_status add_entity(rel_kb *kb, const char *id, const char *name)
{
    return rel_kb_add_entity(kb, id, REL_NTS, REL_ENTITY_OTHER, name, REL_NTS);
}

static rel_claim_spec plain_claim(void)
{
    rel_value_spec none = {REL_VALUE_NONE, NULL, 0, NULL, 0, 0.0};

    return claim_spec("c_new", ref(REL_VALUE_ENTITY, "iran"), "says", none, "article", REL_MODALITY_ASSERTED);
}

static const rel_evidence *entity_evidence(const rel_entity *e, size_t i)
{
    const rel_evidence *ev = rel_entity_evidence_at(e, i);

    assert_non_null(ev);
    return ev;
}

/* ---- library-wide calls ------------------------------------------------- */

static void test_builder__version_matches_header(void **state)
{
    (void)state;
    assert_int_equal(rel_version_number(), REL_VERSION_NUMBER);
    assert_int_equal(REL_VERSION_NUMBER, REL_VERSION_MAJOR * 1000000 + REL_VERSION_MINOR * 1000 + REL_VERSION_PATCH);
    assert_string_equal(rel_version_string(), REL_VERSION_STRING);
}

static void test_builder__status_str_names_every_code(void **state)
{
    static const rel_status codes[] = {REL_OK, REL_DONE, REL_ERR_ARG, REL_ERR_NOMEM, REL_ERR_NOT_FOUND, REL_ERR_IO,
                                       REL_ERR_SYNTAX, REL_ERR_UTF8, REL_ERR_RANGE, REL_ERR_DUPLICATE,
                                       REL_ERR_REFERENCE, REL_ERR_SCHEMA, REL_ERR_AMBIGUOUS, REL_ERR_MISMATCH,
                                       REL_ERR_LIMIT, REL_ERR_FORMAT, REL_ERR_READ_ONLY, REL_ERR_CANCELLED};
    size_t i, j;

    (void)state;
    for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        const char *s = rel_status_str(codes[i]);
        assert_non_null(s);
        assert_true(s[0] != '\0');
        assert_string_not_equal(s, "unknown status");
        for (j = 0; j < i; j++)
            assert_string_not_equal(s, rel_status_str(codes[j]));
    }
    assert_string_equal(rel_status_str(REL_OK), "success");
    assert_string_equal(rel_status_str(REL_ERR_NOMEM), "out of memory");
    assert_string_equal(rel_status_str(2), "unknown status");
    assert_string_equal(rel_status_str(-17), "unknown status");
    assert_string_equal(rel_status_str(INT32_MIN), "unknown status");
    assert_string_equal(rel_status_str(INT32_MAX), "unknown status");
}

static void test_builder__options_init(void **state)
{
    rel_kb_options opts;

    (void)state;
    memset(&opts, 0xA5, sizeof(opts));
    assert_int_equal(rel_kb_options_init(&opts, REL_KB_OPTIONS_VERSION), REL_OK);
    assert_int_equal(opts.version, REL_KB_OPTIONS_VERSION);
    assert_null(opts.allocator.ctx);
    assert_null(opts.allocator.malloc);
    assert_null(opts.allocator.realloc);
    assert_null(opts.allocator.free);
    assert_null(opts.base_dir);
    assert_int_equal(rel_kb_options_init(&opts, 0), REL_ERR_ARG);
    assert_int_equal(rel_kb_options_init(&opts, REL_KB_OPTIONS_VERSION + 1), REL_ERR_ARG);
    assert_int_equal(rel_kb_options_init(NULL, REL_KB_OPTIONS_VERSION), REL_ERR_ARG);
}

static void *plain_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void plain_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static void test_builder__new_rejects_bad_options(void **state)
{
    rel_kb_options opts = REL_KB_OPTIONS_INIT;
    rel_kb *kb = (rel_kb *)&opts; /* any non-NULL value: it must be reset */

    (void)state;
    opts.allocator.malloc = plain_malloc;
    opts.allocator.free = plain_free; /* realloc missing */
    assert_int_equal(rel_kb_new(&kb, &opts), REL_ERR_ARG);
    assert_null(kb);

    opts = (rel_kb_options)REL_KB_OPTIONS_INIT;
    opts.version = 0;
    kb = (rel_kb *)&opts;
    assert_int_equal(rel_kb_new(&kb, &opts), REL_ERR_ARG);
    assert_null(kb);
    opts.version = REL_KB_OPTIONS_VERSION + 1;
    assert_int_equal(rel_kb_new(&kb, &opts), REL_ERR_ARG);
    assert_null(kb);
    assert_int_equal(rel_kb_new(NULL, NULL), REL_ERR_ARG);
}

static void test_builder__new_kb_is_empty(void **state)
{
    rel_kb_options opts;
    rel_kb *kb = NULL;

    (void)state;
    assert_int_equal(rel_kb_options_init(&opts, REL_KB_OPTIONS_VERSION), REL_OK);
    assert_int_equal(rel_kb_new(&kb, &opts), REL_OK);
    assert_int_equal(rel_kb_source_count(kb), 0);
    assert_int_equal(rel_kb_entity_count(kb), 0);
    assert_int_equal(rel_kb_event_count(kb), 0);
    assert_int_equal(rel_kb_claim_count(kb), 0);
    assert_null(rel_kb_source_at(kb, 0));
    assert_int_equal(rel_kb_error(kb)->status, REL_OK);
    assert_string_equal(rel_kb_errmsg(kb), "");
    rel_kb_free(kb);
}

static void test_builder__null_handle_reads(void **state)
{
    (void)state;
    assert_null(rel_kb_error(NULL));
    assert_non_null(rel_kb_errmsg(NULL));
    assert_true(rel_kb_errmsg(NULL)[0] != '\0');
    assert_int_equal(rel_kb_source_count(NULL), 0);
    assert_int_equal(rel_kb_claim_count(NULL), 0);
    assert_null(rel_kb_entity_at(NULL, 0));
    assert_int_equal(rel_kb_id_kind(NULL, "x", REL_NTS), REL_OBJECT_NONE);
    rel_kb_free(NULL);
}

/* ---- what is read back -------------------------------------------------- */

static void test_builder__source_metadata_read_back(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s1 = rel_kb_source_at(kb, 0), *s2 = rel_kb_source_at(kb, 1), *t3 = rel_kb_source_at(kb, 2);
    size_t len = 99;

    assert_int_equal(rel_kb_source_count(kb), 3);
    assert_null(rel_kb_source_at(kb, 3));
    assert_string_equal(rel_source_id(s1, &len), "s1");
    assert_int_equal(len, 2);
    assert_string_equal(rel_source_text(s1, &len), S1_TEXT);
    assert_int_equal(len, strlen(S1_TEXT));
    assert_string_equal(rel_source_title(s1, &len), "Iran\xE2\x80\x93Syria");
    assert_int_equal(len, 12);
    assert_string_equal(rel_source_label(s1, NULL), "older version");
    assert_string_equal(rel_source_lang(s1, NULL), "en");
    assert_string_equal(rel_source_date(s1, NULL), "1980-10");
    assert_string_equal(rel_source_url(s1, NULL), "https://example.org/s1");
    assert_string_equal(rel_source_licence(s1, NULL), "CC BY-SA 4.0");
    assert_string_equal(rel_source_path(s1, &len), "corpus/s1.txt");
    assert_int_equal(len, 13);
    assert_null(rel_source_revises(s1));

    /* Absent metadata: NULL and a length of 0. */
    len = 99;
    assert_null(rel_source_title(s2, &len));
    assert_int_equal(len, 0);
    assert_null(rel_source_label(s2, NULL));
    assert_null(rel_source_lang(s2, NULL));
    assert_null(rel_source_date(s2, NULL));
    assert_null(rel_source_url(s2, NULL));
    assert_null(rel_source_licence(s2, NULL));
    assert_null(rel_source_path(s2, NULL));
    assert_ptr_equal(rel_source_revises(s2), s1);
    assert_ptr_equal(rel_source_revises(t3), s2);

    assert_int_equal(rel_source_index(s1), 0);
    assert_int_equal(rel_source_index(s2), 1);
    assert_int_equal(rel_source_index(t3), 2);
    assert_int_equal(rel_source_index(NULL), SIZE_MAX);
    assert_null(rel_source_id(NULL, &len));
    assert_int_equal(len, 0);
}

static void test_builder__source_revises_by_unique_prefix(void **state)
{
    rel_kb *kb = *state;
    const rel_source *s4;

    add_source(kb, "s4", "Fourth.", "t3");
    assert_int_equal(rel_kb_find_source(kb, "s4", REL_NTS, &s4), REL_OK);
    assert_ptr_equal(rel_source_revises(s4), rel_kb_source_at(kb, 2));
    assert_int_equal(rel_kb_error(kb)->status, REL_OK);
}

static void test_builder__find_source_by_id_and_prefix(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s = NULL;

    assert_int_equal(rel_kb_find_source(kb, "s1", REL_NTS, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 0));
    assert_int_equal(rel_kb_find_source(kb, "t3", REL_NTS, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 2));
    assert_int_equal(rel_kb_find_source(kb, "t3_long_id", REL_NTS, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 2));
    /* An explicit length: only the first two bytes count. */
    assert_int_equal(rel_kb_find_source(kb, "s2 and more", 2, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 1));

    assert_int_equal(rel_kb_find_source(kb, "s", REL_NTS, &s), REL_ERR_AMBIGUOUS);
    assert_null(s);
    assert_int_equal(rel_kb_find_source(kb, "x", REL_NTS, &s), REL_ERR_NOT_FOUND);
    assert_null(s);
    assert_int_equal(rel_kb_find_source(kb, "s1x", REL_NTS, &s), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_find_source(kb, "", REL_NTS, &s), REL_ERR_NOT_FOUND);
    /* Not a source: an entity's id is no source id. */
    assert_int_equal(rel_kb_find_source(kb, "iran", REL_NTS, &s), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_find_source(kb, NULL, REL_NTS, &s), REL_ERR_ARG);
    assert_null(s);
    assert_int_equal(rel_kb_find_source(NULL, "s1", REL_NTS, &s), REL_ERR_ARG);
    assert_int_equal(rel_kb_find_source(kb, "s1", REL_NTS, NULL), REL_ERR_ARG);
}

static void test_builder__exact_source_id_beats_prefix(void **state)
{
    rel_kb *kb = *state;
    const rel_source *s = NULL;

    add_source(kb, "s10", "Tenth.", NULL);
    /* "s1" is the id of s1 and a prefix of s10. */
    assert_int_equal(rel_kb_find_source(kb, "s1", REL_NTS, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 0));
}

static void test_builder__id_kind(void **state)
{
    const rel_kb *kb = *state;

    assert_int_equal(rel_kb_id_kind(kb, "s1", REL_NTS), REL_OBJECT_SOURCE);
    assert_int_equal(rel_kb_id_kind(kb, "iran", REL_NTS), REL_OBJECT_ENTITY);
    assert_int_equal(rel_kb_id_kind(kb, "arms", REL_NTS), REL_OBJECT_EVENT);
    assert_int_equal(rel_kb_id_kind(kb, "c_time", REL_NTS), REL_OBJECT_CLAIM);
    assert_int_equal(rel_kb_id_kind(kb, "armsX", 4), REL_OBJECT_EVENT);
    assert_int_equal(rel_kb_id_kind(kb, "t3", REL_NTS), REL_OBJECT_NONE); /* prefixes are not resolved */
    assert_int_equal(rel_kb_id_kind(kb, "nobody", REL_NTS), REL_OBJECT_NONE);
    assert_int_equal(rel_kb_id_kind(kb, NULL, REL_NTS), REL_OBJECT_NONE);
}

static void test_builder__find_by_kind(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *e = NULL;
    const rel_event *ev = NULL;
    const rel_claim *c = NULL;

    assert_int_equal(rel_kb_find_entity(kb, "syria", REL_NTS, &e), REL_OK);
    assert_ptr_equal(e, rel_kb_entity_at(kb, 1));
    assert_int_equal(rel_kb_find_event(kb, "arms", REL_NTS, &ev), REL_OK);
    assert_ptr_equal(ev, rel_kb_event_at(kb, 0));
    assert_int_equal(rel_kb_find_claim(kb, "c_claim", REL_NTS, &c), REL_OK);
    assert_ptr_equal(c, rel_kb_claim_at(kb, 2));
    /* An id of another kind is not found. */
    assert_int_equal(rel_kb_find_entity(kb, "arms", REL_NTS, &e), REL_ERR_NOT_FOUND);
    assert_null(e);
    assert_int_equal(rel_kb_find_event(kb, "iran", REL_NTS, &ev), REL_ERR_NOT_FOUND);
    assert_null(ev);
    assert_int_equal(rel_kb_find_claim(kb, "s1", REL_NTS, &c), REL_ERR_NOT_FOUND);
    assert_null(c);
    assert_int_equal(rel_kb_find_entity(kb, NULL, REL_NTS, &e), REL_ERR_ARG);
}

static void test_builder__entities_read_back(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *iran = rel_kb_entity_at(kb, 0);
    size_t len = 0;

    assert_int_equal(rel_kb_entity_count(kb), 4);
    assert_null(rel_kb_entity_at(kb, 4));
    assert_string_equal(rel_entity_id(iran, &len), "iran");
    assert_int_equal(len, 4);
    assert_int_equal(rel_entity_kind(iran), REL_ENTITY_STATE);
    assert_string_equal(rel_entity_name(iran, &len), "Iran");
    assert_int_equal(rel_entity_kind(rel_kb_entity_at(kb, 2)), REL_ENTITY_GROUP);
    assert_string_equal(rel_entity_name(rel_kb_entity_at(kb, 2), NULL), "some media reports");
    assert_int_equal(rel_entity_kind(rel_kb_entity_at(kb, 3)), REL_ENTITY_PUBLICATION);

    assert_int_equal(rel_entity_alias_count(iran), 2);
    assert_string_equal(rel_entity_alias_text(iran, 0, &len), "Islamic Republic of Iran");
    assert_int_equal(len, 24);
    assert_string_equal(rel_entity_alias_lang(iran, 0, &len), "en");
    assert_int_equal(len, 2);
    assert_string_equal(rel_entity_alias_text(iran, 1, NULL), "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86");
    assert_string_equal(rel_entity_alias_lang(iran, 1, NULL), "fa");
    assert_null(rel_entity_alias_text(iran, 2, &len));
    assert_int_equal(len, 0);
    assert_null(rel_entity_alias_lang(iran, 2, NULL));
    assert_int_equal(rel_entity_alias_count(rel_kb_entity_at(kb, 1)), 0);
    assert_int_equal(rel_entity_kind(NULL), REL_ENTITY_OTHER);
}

static void test_builder__same_alias_twice_is_a_no_op(void **state)
{
    rel_kb *kb = *state;
    const rel_entity *iran = rel_kb_entity_at(kb, 0);
    snapshot before = take(kb);
    char *after;
    size_t len;

    assert_int_equal(rel_kb_add_alias(kb, "iran", REL_NTS, "Islamic Republic of Iran", REL_NTS, "en", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_error(kb)->status, REL_OK);
    assert_int_equal(rel_entity_alias_count(iran), 2);
    after = helper_export(kb, &len);
    assert_int_equal(len, before.len);
    assert_memory_equal(after, before.json, len);
    free(after);
    /* The same text in another language is another alias. */
    assert_int_equal(rel_kb_add_alias(kb, "iran", REL_NTS, "Islamic Republic of Iran", REL_NTS, "de", REL_NTS), REL_OK);
    assert_int_equal(rel_entity_alias_count(iran), 3);
    assert_string_equal(rel_entity_alias_lang(iran, 2, NULL), "de");
    free(before.json);
}

static void test_builder__event_read_back(void **state)
{
    const rel_kb *kb = *state;
    const rel_event *ev = rel_kb_event_at(kb, 0);
    size_t len = 0;

    assert_int_equal(rel_kb_event_count(kb), 1);
    assert_null(rel_kb_event_at(kb, 1));
    assert_string_equal(rel_event_id(ev, &len), "arms");
    assert_int_equal(len, 4);
    assert_string_equal(rel_event_type(ev, &len), "AID.military");
    assert_int_equal(len, 12);
    assert_int_equal(rel_event_participant_count(ev), 2);
    assert_ptr_equal(rel_event_participant_entity(ev, 0), rel_kb_entity_at(kb, 0));
    assert_int_equal(rel_event_participant_role(ev, 0), REL_ROLE_AGENT);
    assert_ptr_equal(rel_event_participant_entity(ev, 1), rel_kb_entity_at(kb, 1));
    assert_int_equal(rel_event_participant_role(ev, 1), REL_ROLE_RECIPIENT);
    assert_null(rel_event_participant_entity(ev, 2));
    assert_int_equal(rel_event_participant_role(ev, 2), -1);
    assert_int_equal(rel_event_evidence_count(ev), 1);
    assert_null(rel_event_evidence_at(ev, 1));
}

static void test_builder__event_time_is_replaced(void **state)
{
    rel_kb *kb = *state;
    const rel_event *ev = rel_kb_event_at(kb, 0);
    char buf[64];
    size_t len = 0;

    /* The fixture set "1979" first, then "START 1980". */
    assert_int_equal(rel_time_format(rel_event_time(ev), buf, sizeof(buf), NULL), REL_OK);
    assert_string_equal(buf, "START 1980");
    assert_int_equal(rel_time_mod(rel_event_time(ev)), REL_MOD_START);
    assert_string_equal(rel_event_time_text(ev, &len), "in early 1980");
    assert_int_equal(len, 13);

    /* Replaced again, without words this time. */
    assert_int_equal(rel_kb_set_event_time(kb, "arms", REL_NTS, "1980-03/1980-05", REL_NTS, NULL, 0), REL_OK);
    assert_int_equal(rel_time_format(rel_event_time(ev), buf, sizeof(buf), NULL), REL_OK);
    assert_string_equal(buf, "1980-03/1980-05");
    assert_null(rel_event_time_text(ev, &len));
    assert_int_equal(len, 0);
}

static void test_builder__event_without_time(void **state)
{
    rel_kb *kb = *state;
    const rel_event *ev = NULL;
    size_t len = 7;

    assert_int_equal(rel_kb_add_event(kb, "talks", REL_NTS, "CONSULT", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_find_event(kb, "talks", REL_NTS, &ev), REL_OK);
    assert_null(rel_event_time(ev));
    assert_null(rel_event_time_text(ev, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_event_participant_count(ev), 0);
    assert_int_equal(rel_event_evidence_count(ev), 0);
}

static void test_builder__event_types_accepted(void **state)
{
    static const char *const ok[] = {"AID", "AID.military", "MIL_ACTION", "ACCUSE.disapprove", "A.b.c", "X.mode_2"};
    rel_kb *kb = *state;
    const rel_event *ev;
    char id[8];
    size_t i;

    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        id[0] = 'e';
        id[1] = (char)('0' + i);
        id[2] = '\0';
        if (rel_kb_add_event(kb, id, REL_NTS, ok[i], REL_NTS) != REL_OK)
            fail_msg("type \"%s\" refused: %s", ok[i], rel_kb_errmsg(kb));
        assert_int_equal(rel_kb_find_event(kb, id, REL_NTS, &ev), REL_OK);
        assert_string_equal(rel_event_type(ev, NULL), ok[i]);
    }
}

static void test_builder__claim_values_of_every_kind(void **state)
{
    const rel_kb *kb = *state;
    const rel_claim *c;
    const rel_value *v;
    double number = 0.0;
    size_t len = 0;
    char buf[32];

    assert_int_equal(rel_kb_claim_count(kb), 6);
    assert_null(rel_kb_claim_at(kb, 6));

    c = rel_kb_claim_at(kb, 0); /* c_event: event subject, no object */
    assert_string_equal(rel_claim_id(c, &len), "c_event");
    assert_int_equal(len, 7);
    v = rel_claim_subject(c);
    assert_int_equal(rel_value_kind(v), REL_VALUE_EVENT);
    assert_ptr_equal(rel_value_event(v), rel_kb_event_at(kb, 0));
    assert_null(rel_value_entity(v));
    assert_null(rel_value_claim(v));
    assert_null(rel_value_text(v, NULL));
    assert_string_equal(rel_claim_predicate(c, &len), "happened");
    assert_int_equal(len, 8);
    assert_non_null(rel_claim_object(c));
    assert_int_equal(rel_value_kind(rel_claim_object(c)), REL_VALUE_NONE);

    c = rel_kb_claim_at(kb, 1); /* c_entity: entity to entity */
    assert_ptr_equal(rel_value_entity(rel_claim_subject(c)), rel_kb_entity_at(kb, 0));
    assert_int_equal(rel_value_kind(rel_claim_object(c)), REL_VALUE_ENTITY);
    assert_ptr_equal(rel_value_entity(rel_claim_object(c)), rel_kb_entity_at(kb, 1));
    assert_null(rel_value_event(rel_claim_object(c)));

    c = rel_kb_claim_at(kb, 2); /* c_claim: claim about a claim */
    assert_int_equal(rel_value_kind(rel_claim_subject(c)), REL_VALUE_CLAIM);
    assert_ptr_equal(rel_value_claim(rel_claim_subject(c)), rel_kb_claim_at(kb, 1));
    assert_ptr_equal(rel_value_claim(rel_claim_object(c)), rel_kb_claim_at(kb, 0));

    c = rel_kb_claim_at(kb, 3); /* c_literal */
    v = rel_claim_object(c);
    assert_int_equal(rel_value_kind(v), REL_VALUE_LITERAL);
    assert_string_equal(rel_value_text(v, &len), "a lot of arms");
    assert_int_equal(len, 13);
    assert_int_equal(rel_value_quantity(v, &number), REL_ERR_ARG);
    assert_null(rel_value_time(v));

    c = rel_kb_claim_at(kb, 4); /* c_quantity */
    v = rel_claim_object(c);
    assert_int_equal(rel_value_kind(v), REL_VALUE_QUANTITY);
    assert_int_equal(rel_value_quantity(v, &number), REL_OK);
    assert_true(number == 3.5);
    assert_string_equal(rel_value_text(v, NULL), "tonnes");
    assert_int_equal(rel_value_quantity(v, NULL), REL_ERR_ARG);

    c = rel_kb_claim_at(kb, 5); /* c_time */
    v = rel_claim_object(c);
    assert_int_equal(rel_value_kind(v), REL_VALUE_TIME);
    assert_non_null(rel_value_time(v));
    assert_int_equal(rel_time_format(rel_value_time(v), buf, sizeof(buf), NULL), REL_OK);
    assert_string_equal(buf, "1980");
    assert_string_equal(rel_value_text(v, NULL), "in 1980");

    assert_int_equal(rel_value_kind(NULL), REL_VALUE_NONE);
    assert_null(rel_claim_subject(NULL));
    assert_null(rel_claim_object(NULL));
}

static void test_builder__quantity_without_unit(void **state)
{
    rel_kb *kb = *state;
    rel_value_spec q = {REL_VALUE_QUANTITY, NULL, 0, NULL, 0, -0.25};
    rel_claim_spec c = claim_spec("c_q", ref(REL_VALUE_EVENT, "arms"), "costs", q, "article", REL_MODALITY_ASSERTED);
    const rel_claim *claim;
    double number = 0.0;
    size_t len = 9;

    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    assert_int_equal(rel_kb_find_claim(kb, "c_q", REL_NTS, &claim), REL_OK);
    assert_int_equal(rel_value_quantity(rel_claim_object(claim), &number), REL_OK);
    assert_true(number == -0.25);
    assert_null(rel_value_text(rel_claim_object(claim), &len));
    assert_int_equal(len, 0);
}

static void test_builder__claim_defaults_and_polarity(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *article = rel_kb_entity_at(kb, 3), *media = rel_kb_entity_at(kb, 2);

    assert_ptr_equal(rel_claim_claimant(rel_kb_claim_at(kb, 0)), article);
    assert_int_equal(rel_claim_modality(rel_kb_claim_at(kb, 0)), REL_MODALITY_ASSERTED);
    assert_int_equal(rel_claim_polarity(rel_kb_claim_at(kb, 0)), REL_POLARITY_POSITIVE);
    assert_ptr_equal(rel_claim_claimant(rel_kb_claim_at(kb, 2)), media);
    assert_int_equal(rel_claim_modality(rel_kb_claim_at(kb, 2)), REL_MODALITY_REPORTED);
    assert_int_equal(rel_claim_modality(rel_kb_claim_at(kb, 3)), REL_MODALITY_ALLEGED);
    assert_int_equal(rel_claim_modality(rel_kb_claim_at(kb, 4)), REL_MODALITY_HEDGED);
    assert_int_equal(rel_claim_polarity(rel_kb_claim_at(kb, 4)), REL_POLARITY_NEGATIVE);
    assert_int_equal(rel_claim_modality(rel_kb_claim_at(kb, 5)), REL_MODALITY_BELIEVED);
    assert_null(rel_claim_claimant(NULL));
    assert_int_equal(rel_claim_modality(NULL), REL_MODALITY_NONE);
    assert_int_equal(rel_claim_polarity(NULL), REL_POLARITY_POSITIVE);
}

static void test_builder__claimant_and_modality_per_source(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s1 = rel_kb_source_at(kb, 0), *s2 = rel_kb_source_at(kb, 1), *t3 = rel_kb_source_at(kb, 2);
    const rel_entity *article = rel_kb_entity_at(kb, 3), *media = rel_kb_entity_at(kb, 2);
    const rel_claim *c_event = rel_kb_claim_at(kb, 0), *c_entity = rel_kb_claim_at(kb, 1);
    const rel_claim *c_literal = rel_kb_claim_at(kb, 3);

    /* No override in s1: the defaults. */
    assert_ptr_equal(rel_claim_claimant_in(c_event, s1), article);
    assert_int_equal(rel_claim_modality_in(c_event, s1), REL_MODALITY_ASSERTED);
    /* Both overridden in s2. */
    assert_ptr_equal(rel_claim_claimant_in(c_event, s2), media);
    assert_int_equal(rel_claim_modality_in(c_event, s2), REL_MODALITY_REPORTED);
    /* Only the claimant overridden: the default modality stays. */
    assert_ptr_equal(rel_claim_claimant_in(c_entity, s2), media);
    assert_int_equal(rel_claim_modality_in(c_entity, s2), REL_MODALITY_ASSERTED);
    /* Only the modality overridden: the default claimant stays. */
    assert_ptr_equal(rel_claim_claimant_in(c_literal, s1), media);
    assert_int_equal(rel_claim_modality_in(c_literal, s1), REL_MODALITY_DISPUTED);
    /* t3 does not state c_event, even though a version names it. */
    assert_null(rel_claim_claimant_in(c_event, t3));
    assert_int_equal(rel_claim_modality_in(c_event, t3), REL_MODALITY_NONE);
    /* s2 does not state c_literal at all. */
    assert_null(rel_claim_claimant_in(c_literal, s2));
    assert_int_equal(rel_claim_modality_in(c_literal, s2), REL_MODALITY_NONE);
    assert_null(rel_claim_claimant_in(NULL, s1));
    assert_null(rel_claim_claimant_in(c_event, NULL));
    assert_int_equal(rel_claim_modality_in(NULL, s1), REL_MODALITY_NONE);
    assert_int_equal(rel_claim_modality_in(c_event, NULL), REL_MODALITY_NONE);
}

static void test_builder__claim_version_is_replaced(void **state)
{
    rel_kb *kb = *state;
    const rel_source *s2 = rel_kb_source_at(kb, 1);
    const rel_claim *c_event = rel_kb_claim_at(kb, 0);
    char *json;

    /* A second version for s2 replaces the first: the claimant goes back to the default. */
    assert_int_equal(rel_kb_set_claim_version(kb, "c_event", REL_NTS, "s2", REL_NTS, NULL, 0, REL_MODALITY_DENIED),
                     REL_OK);
    assert_ptr_equal(rel_claim_claimant_in(c_event, s2), rel_kb_entity_at(kb, 3));
    assert_int_equal(rel_claim_modality_in(c_event, s2), REL_MODALITY_DENIED);
    json = helper_export(kb, NULL);
    assert_non_null(strstr(json, "\"versions\": [\n        {\n          \"source\": \"s2\",\n"
                                 "          \"modality\": \"denied\"\n        },\n        {\n"
                                 "          \"source\": \"t3_long_id\""));
    free(json);
}

static void test_builder__claim_relations_read_back(void **state)
{
    const rel_kb *kb = *state;
    const rel_claim *c_event = rel_kb_claim_at(kb, 0), *c_entity = rel_kb_claim_at(kb, 1);
    const rel_claim *c_claim = rel_kb_claim_at(kb, 2);

    assert_int_equal(rel_claim_relation_count(c_entity), 1);
    assert_int_equal(rel_claim_relation_type(c_entity, 0), REL_RELATION_SUPPORTS);
    assert_ptr_equal(rel_claim_relation_target(c_entity, 0), c_event);
    /* The same pair in two relations of different types. */
    assert_int_equal(rel_claim_relation_count(c_claim), 2);
    assert_int_equal(rel_claim_relation_type(c_claim, 0), REL_RELATION_DISPUTES);
    assert_int_equal(rel_claim_relation_type(c_claim, 1), REL_RELATION_HEDGES);
    assert_ptr_equal(rel_claim_relation_target(c_claim, 1), c_entity);
    assert_int_equal(rel_claim_relation_type(c_claim, 2), 0);
    assert_null(rel_claim_relation_target(c_claim, 2));
    assert_int_equal(rel_claim_relation_count(c_event), 0);
    assert_int_equal(rel_claim_relation_count(NULL), 0);
}

static void test_builder__evidence_read_back(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s1 = rel_kb_source_at(kb, 0), *s2 = rel_kb_source_at(kb, 1);
    const rel_entity *iran = rel_kb_entity_at(kb, 0);
    const rel_claim *c_event = rel_kb_claim_at(kb, 0), *c_literal = rel_kb_claim_at(kb, 3);
    const rel_evidence *ev;
    uint64_t cs = 0, ce = 0, cafe = offset_of(S1_TEXT, "caf\xC3\xA9", 0);
    const char *text;
    size_t len = 0;

    assert_int_equal(rel_entity_evidence_count(iran), 2);
    ev = entity_evidence(iran, 0);
    assert_ptr_equal(rel_evidence_source(ev), s1);
    assert_int_equal(rel_evidence_start(ev), 0);
    assert_int_equal(rel_evidence_end(ev), 4);
    text = rel_evidence_text(ev, &len);
    assert_int_equal(len, 4);
    assert_memory_equal(text, "Iran", 4);
    assert_ptr_equal(text, rel_source_text(s1, NULL));
    assert_null(rel_entity_evidence_at(iran, 2));

    assert_int_equal(rel_claim_evidence_count(c_event), 2);
    ev = rel_claim_evidence_at(c_event, 1);
    assert_ptr_equal(rel_evidence_source(ev), s2);
    assert_int_equal(rel_evidence_start(ev), 0);
    assert_int_equal(rel_evidence_end(ev), 24);
    assert_null(rel_claim_evidence_at(c_event, 2));

    /* "café" comes after the 3-byte "–": code points and bytes differ by 2. */
    ev = rel_claim_evidence_at(c_literal, 0);
    assert_int_equal(rel_evidence_start(ev), cafe);
    assert_int_equal(rel_evidence_end(ev), cafe + 5);
    assert_int_equal(rel_evidence_codepoints(ev, &cs, &ce), REL_OK);
    assert_int_equal(cs, cafe - 2);
    assert_int_equal(ce, cafe - 2 + 4);
    assert_int_equal(rel_evidence_codepoints(ev, NULL, &ce), REL_ERR_ARG);

    assert_null(rel_evidence_source(NULL));
    assert_int_equal(rel_evidence_start(NULL), 0);
    assert_int_equal(rel_evidence_end(NULL), 0);
    assert_null(rel_evidence_text(NULL, &len));
    assert_null(rel_evidence_text(ev, NULL));
}

static void test_builder__quote_prefix_picks_the_place(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *iran = rel_kb_entity_at(kb, 0);
    const rel_event *arms = rel_kb_event_at(kb, 0);
    const rel_evidence *ev;
    uint64_t second = offset_of(S1_TEXT, "Iran", 1), first_arms = offset_of(S1_TEXT, "sent arms", 0);

    /* "Iran" with the prefix "say " is the second "Iran" of s1. */
    ev = entity_evidence(iran, 1);
    assert_int_equal(second, offset_of(S1_TEXT, "say Iran", 0) + 4);
    assert_int_equal(rel_evidence_start(ev), second);
    assert_int_equal(rel_evidence_end(ev), second + 4);
    /* "sent arms" with the suffix " to" is the first of the two. */
    ev = rel_event_evidence_at(arms, 0);
    assert_int_equal(rel_evidence_start(ev), first_arms);
    assert_int_equal(rel_evidence_end(ev), first_arms + 9);
}

static void test_builder__quote_suffix_picks_the_place(void **state)
{
    rel_kb *kb = *state;
    const rel_event *arms = rel_kb_event_at(kb, 0);
    rel_quote q = {"sent arms", REL_NTS, NULL, 0, " again", REL_NTS};
    uint64_t second = offset_of(S1_TEXT, "sent arms", 1);
    const rel_evidence *ev;

    assert_int_equal(rel_kb_add_evidence_quote(kb, "arms", REL_NTS, "s1", REL_NTS, &q), REL_OK);
    ev = rel_event_evidence_at(arms, 1);
    assert_int_equal(rel_evidence_start(ev), second);
    assert_int_equal(rel_evidence_end(ev), second + 9);
}

static void test_builder__quote_with_prefix_and_suffix(void **state)
{
    rel_kb *kb = *state;
    const rel_entity *syria = rel_kb_entity_at(kb, 1);
    rel_quote q = {"Syria", REL_NTS, "arms to ", REL_NTS, ".", REL_NTS};
    const rel_evidence *ev;

    assert_int_equal(rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s2", REL_NTS, &q), REL_OK);
    ev = rel_entity_evidence_at(syria, 1);
    assert_ptr_equal(rel_evidence_source(ev), rel_kb_source_at(kb, 1));
    assert_int_equal(rel_evidence_start(ev), 18);
    assert_int_equal(rel_evidence_end(ev), 23);
}

static void test_builder__explicit_lengths(void **state)
{
    rel_kb *kb = *state;
    const char id[] = {'e', 'g', 'y', 'p', 't', '!', '!'}; /* not NUL-terminated */
    const char name[] = {'E', 'g', 'y', 'p', 't', '?'};
    const rel_entity *e = NULL;
    size_t len = 0;
    rel_quote q = {"Syria in early", 5, NULL, 0, NULL, 0};

    assert_int_equal(rel_kb_add_entity(kb, id, 5, REL_ENTITY_STATE, name, 5), REL_OK);
    assert_int_equal(rel_kb_find_entity(kb, "egypt", REL_NTS, &e), REL_OK);
    assert_string_equal(rel_entity_id(e, &len), "egypt");
    assert_int_equal(len, 5);
    assert_string_equal(rel_entity_name(e, NULL), "Egypt");
    assert_int_equal(rel_kb_add_alias(kb, "egypt!!", 5, "Misr-xx", 4, "ar-EG", 2), REL_OK);
    assert_string_equal(rel_entity_alias_text(e, 0, NULL), "Misr");
    assert_string_equal(rel_entity_alias_lang(e, 0, NULL), "ar");
    /* A quote of 5 bytes: "Syria"; a source id of 2 bytes: "s1". */
    assert_int_equal(rel_kb_add_evidence_quote(kb, "egypt", 5, "s1 and more", 2, &q), REL_OK);
    assert_int_equal(rel_evidence_start(rel_entity_evidence_at(e, 0)), offset_of(S1_TEXT, "Syria", 0));
    assert_int_equal(rel_evidence_end(rel_entity_evidence_at(e, 0)), offset_of(S1_TEXT, "Syria", 0) + 5);
}

static void test_builder__strings_are_copied(void **state)
{
    rel_kb *kb = *state;
    char id[16], name[16], text[16];
    rel_source_spec spec = REL_SOURCE_SPEC_INIT;
    const rel_entity *e = NULL;
    const rel_source *s = NULL;

    strcpy(id, "iraq");
    strcpy(name, "Iraq");
    assert_int_equal(rel_kb_add_entity(kb, id, REL_NTS, REL_ENTITY_STATE, name, REL_NTS), REL_OK);
    strcpy(id, "s9");
    strcpy(text, "Some text.");
    spec.id = id;
    spec.id_len = REL_NTS;
    spec.text = text;
    spec.text_len = REL_NTS;
    assert_int_equal(rel_kb_add_source(kb, &spec), REL_OK);
    memset(id, 'X', sizeof(id) - 1);
    memset(name, 'X', sizeof(name) - 1);
    memset(text, 'X', sizeof(text) - 1);
    assert_int_equal(rel_kb_find_entity(kb, "iraq", REL_NTS, &e), REL_OK);
    assert_string_equal(rel_entity_name(e, NULL), "Iraq");
    assert_int_equal(rel_kb_find_source(kb, "s9", REL_NTS, &s), REL_OK);
    assert_string_equal(rel_source_text(s, NULL), "Some text.");
}

static void test_builder__longest_id_is_accepted(void **state)
{
    rel_kb *kb = *state;
    char id[257];

    memset(id, 'a', 256);
    id[256] = '\0';
    assert_int_equal(rel_kb_add_entity(kb, id, REL_NTS, REL_ENTITY_OTHER, "long", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_id_kind(kb, id, 256), REL_OBJECT_ENTITY);
}

static void test_builder__success_clears_the_error(void **state)
{
    rel_kb *kb = *state;

    assert_int_equal(add_entity(kb, "iran", "Iran again"), REL_ERR_DUPLICATE);
    assert_int_equal(rel_kb_error(kb)->status, REL_ERR_DUPLICATE);
    assert_int_equal(add_entity(kb, "iraq", "Iraq"), REL_OK);
    assert_int_equal(rel_kb_error(kb)->status, REL_OK);
    assert_string_equal(rel_kb_errmsg(kb), "");
}

/* ---- refusals: arguments ------------------------------------------------ */

static void test_builder__null_kb_is_refused(void **state)
{
    rel_source_spec s = REL_SOURCE_SPEC_INIT;
    rel_claim_spec c = plain_claim();
    rel_quote q = {"Iran", REL_NTS, NULL, 0, NULL, 0};

    (void)state;
    s.id = "s";
    s.text = "t";
    s.id_len = s.text_len = REL_NTS;
    assert_int_equal(rel_kb_add_source(NULL, &s), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_entity(NULL, "e", REL_NTS, REL_ENTITY_STATE, "E", REL_NTS), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_alias(NULL, "e", REL_NTS, "E", REL_NTS, "en", REL_NTS), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_event(NULL, "v", REL_NTS, "AID", REL_NTS), REL_ERR_ARG);
    assert_int_equal(rel_kb_set_event_time(NULL, "v", REL_NTS, "1980", REL_NTS, NULL, 0), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_participant(NULL, "v", REL_NTS, "e", REL_NTS, REL_ROLE_AGENT), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_claim(NULL, &c), REL_ERR_ARG);
    assert_int_equal(rel_kb_set_claim_version(NULL, "c", REL_NTS, "s", REL_NTS, "e", REL_NTS, REL_MODALITY_NONE),
                     REL_ERR_ARG);
    assert_int_equal(rel_kb_add_claim_relation(NULL, "c", REL_NTS, REL_RELATION_SUPPORTS, "d", REL_NTS), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_evidence(NULL, "e", REL_NTS, "s", REL_NTS, 0, 1), REL_ERR_ARG);
    assert_int_equal(rel_kb_add_evidence_quote(NULL, "e", REL_NTS, "s", REL_NTS, &q), REL_ERR_ARG);
}

static void test_builder__null_spec_is_refused(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_source(kb, NULL), REL_ERR_ARG, "source spec");
    check_refused(kb, &before, rel_kb_add_claim(kb, NULL), REL_ERR_ARG, "claim spec");
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "iran", REL_NTS, "s1", REL_NTS, NULL), REL_ERR_ARG,
                  "quote");
    free(before.json);
}

static void test_builder__null_strings_are_refused(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_source_spec s = REL_SOURCE_SPEC_INIT;
    rel_claim_spec c = plain_claim();
    rel_quote q = {NULL, 0, NULL, 0, NULL, 0};

    s.id = "s9";
    s.id_len = REL_NTS;
    check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_ARG, "s9"); /* no text */
    s.id = NULL;
    s.text = "t";
    s.text_len = REL_NTS;
    check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_ARG, "id");
    check_refused(kb, &before, rel_kb_add_entity(kb, NULL, 0, REL_ENTITY_STATE, "E", REL_NTS), REL_ERR_ARG, "id");
    check_refused(kb, &before, rel_kb_add_entity(kb, "e9", REL_NTS, REL_ENTITY_STATE, NULL, 0), REL_ERR_ARG, "name");
    check_refused(kb, &before, rel_kb_add_alias(kb, NULL, 0, "E", REL_NTS, "en", REL_NTS), REL_ERR_ARG, "entity");
    check_refused(kb, &before, rel_kb_add_alias(kb, "iran", REL_NTS, NULL, 0, "en", REL_NTS), REL_ERR_ARG, "alias");
    check_refused(kb, &before, rel_kb_add_alias(kb, "iran", REL_NTS, "Persia", REL_NTS, NULL, 0), REL_ERR_ARG,
                  "language");
    check_refused(kb, &before, rel_kb_add_event(kb, NULL, 0, "AID", REL_NTS), REL_ERR_ARG, "id");
    check_refused(kb, &before, rel_kb_add_event(kb, "v9", REL_NTS, NULL, 0), REL_ERR_ARG, "event type");
    check_refused(kb, &before, rel_kb_set_event_time(kb, NULL, 0, "1980", REL_NTS, NULL, 0), REL_ERR_ARG, "event");
    check_refused(kb, &before, rel_kb_set_event_time(kb, "arms", REL_NTS, NULL, 0, NULL, 0), REL_ERR_ARG,
                  "time expression");
    check_refused(kb, &before, rel_kb_add_participant(kb, NULL, 0, "iran", REL_NTS, REL_ROLE_AGENT), REL_ERR_ARG,
                  "event");
    check_refused(kb, &before, rel_kb_add_participant(kb, "arms", REL_NTS, NULL, 0, REL_ROLE_AGENT), REL_ERR_ARG,
                  "participant");
    c.id = NULL;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "id");
    c = plain_claim();
    c.predicate = NULL;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "predicate");
    c = plain_claim();
    c.subject.str = NULL;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "subject");
    check_refused(kb, &before,
                  rel_kb_set_claim_version(kb, NULL, 0, "s1", REL_NTS, "media", REL_NTS, REL_MODALITY_NONE),
                  REL_ERR_ARG, "claim");
    check_refused(kb, &before,
                  rel_kb_set_claim_version(kb, "c_event", REL_NTS, NULL, 0, "media", REL_NTS, REL_MODALITY_NONE),
                  REL_ERR_ARG, "source");
    check_refused(kb, &before,
                  rel_kb_add_claim_relation(kb, "c_event", REL_NTS, REL_RELATION_SUPPORTS, NULL, 0), REL_ERR_ARG,
                  "related claim");
    check_refused(kb, &before, rel_kb_add_evidence(kb, NULL, 0, "s1", REL_NTS, 0, 4), REL_ERR_ARG, "evidence target");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "iran", REL_NTS, NULL, 0, 0, 4), REL_ERR_ARG, "source");
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "iran", REL_NTS, "s1", REL_NTS, &q), REL_ERR_ARG,
                  "quote");
    free(before.json);
}

static void test_builder__unknown_spec_version(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_source_spec s = REL_SOURCE_SPEC_INIT;
    rel_claim_spec c = plain_claim();

    s.id = "s9";
    s.text = "text";
    s.id_len = s.text_len = REL_NTS;
    s.version = 0;
    check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_ARG, "version");
    s.version = REL_SOURCE_SPEC_VERSION + 1;
    check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_ARG, "version");
    c.version = 0;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "version");
    c.version = REL_CLAIM_SPEC_VERSION + 1;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "version");
    free(before.json);
}

/* ---- refusals: ids ------------------------------------------------------ */

static void test_builder__empty_id(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, add_entity(kb, "", "Nobody"), REL_ERR_ARG, "empty");
    check_refused(kb, &before, rel_kb_add_entity(kb, "abc", 0, REL_ENTITY_OTHER, "Nobody", REL_NTS), REL_ERR_ARG,
                  "empty");
    check_refused(kb, &before, rel_kb_add_event(kb, "", REL_NTS, "AID", REL_NTS), REL_ERR_ARG, "empty");
    free(before.json);
}

static void test_builder__id_of_257_bytes(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    char id[258];

    memset(id, 'a', 257);
    id[257] = '\0';
    check_refused(kb, &before, add_entity(kb, id, "Long"), REL_ERR_ARG, "256");
    check_refused(kb, &before, rel_kb_add_event(kb, id, REL_NTS, "AID", REL_NTS), REL_ERR_ARG, "256");
    free(before.json);
}

static void test_builder__id_with_control_character(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, add_entity(kb, "a\tb", "Tab"), REL_ERR_ARG, "\"a\tb\" contains a control character");
    check_refused(kb, &before, add_entity(kb, "a\nb", "Newline"), REL_ERR_ARG, "control");
    check_refused(kb, &before, add_entity(kb, "del\x7f", "Delete"), REL_ERR_ARG, "control");
    check_refused(kb, &before, rel_kb_add_event(kb, "\x01", REL_NTS, "AID", REL_NTS), REL_ERR_ARG, "control");
    free(before.json);
}

static void test_builder__duplicate_id_across_kinds(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_claim_spec c = plain_claim();

    check_refused(kb, &before, add_entity(kb, "s1", "Source one"), REL_ERR_DUPLICATE, "\"s1\"");
    check_refused(kb, &before, add_entity(kb, "iran", "Iran again"), REL_ERR_DUPLICATE, "\"iran\"");
    check_refused(kb, &before, rel_kb_add_event(kb, "c_time", REL_NTS, "AID", REL_NTS), REL_ERR_DUPLICATE,
                  "\"c_time\"");
    c.id = "arms";
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_DUPLICATE, "\"arms\"");
    add_source(kb, "s9", "x", NULL); /* a fresh source id is fine... */
    free(before.json);
    before = take(kb);
    {
        rel_source_spec s = REL_SOURCE_SPEC_INIT; /* ...but not an entity's */
        s.id = "syria";
        s.text = "x";
        s.id_len = s.text_len = REL_NTS;
        check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_DUPLICATE, "\"syria\"");
    }
    free(before.json);
}

/* ---- refusals: text ----------------------------------------------------- */

static const char *const bad_utf8[] = {
    "caf\xC3\x28",     /* a lead byte without its continuation */
    "x\xC0\xAF",       /* overlong "/" */
    "x\xED\xA0\x80",   /* a surrogate */
    "x\xE2\x82",       /* truncated at the end */
    "\x80",            /* a lone continuation byte */
    "x\xF5\x80\x80\x80" /* beyond U+10FFFF */
};

static void test_builder__invalid_utf8_text(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    size_t i;

    for (i = 0; i < sizeof(bad_utf8) / sizeof(bad_utf8[0]); i++) {
        rel_source_spec s = REL_SOURCE_SPEC_INIT;
        s.id = "s9";
        s.text = bad_utf8[i];
        s.id_len = s.text_len = REL_NTS;
        check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_UTF8, "source text");
        s.text = "fine";
        s.title = bad_utf8[i];
        s.title_len = REL_NTS;
        check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_UTF8, "title");
    }
    free(before.json);
}

static void test_builder__invalid_utf8_name_and_alias(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    size_t i;

    for (i = 0; i < sizeof(bad_utf8) / sizeof(bad_utf8[0]); i++) {
        check_refused(kb, &before, add_entity(kb, "e9", bad_utf8[i]), REL_ERR_UTF8, "entity name");
        check_refused(kb, &before, add_entity(kb, bad_utf8[i], "Name"), REL_ERR_UTF8, "id");
        check_refused(kb, &before, rel_kb_add_alias(kb, "iran", REL_NTS, bad_utf8[i], REL_NTS, "en", REL_NTS),
                      REL_ERR_UTF8, "alias");
        check_refused(kb, &before, rel_kb_add_alias(kb, "iran", REL_NTS, "Persia", REL_NTS, bad_utf8[i], REL_NTS),
                      REL_ERR_UTF8, "alias language");
    }
    free(before.json);
}

static void test_builder__nul_inside_text(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_source_spec s = REL_SOURCE_SPEC_INIT;
    rel_value_spec literal = {REL_VALUE_LITERAL, "ab\0cd", 5, NULL, 0, 0.0};
    rel_claim_spec c = plain_claim();

    s.id = "s9";
    s.id_len = REL_NTS;
    s.text = "ab\0cd";
    s.text_len = 5;
    check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_UTF8, "NUL");
    check_refused(kb, &before, rel_kb_add_entity(kb, "e9", REL_NTS, REL_ENTITY_OTHER, "ab\0cd", 5), REL_ERR_UTF8,
                  "entity name");
    check_refused(kb, &before, rel_kb_add_entity(kb, "e\0", 2, REL_ENTITY_OTHER, "E", REL_NTS), REL_ERR_UTF8, "id");
    check_refused(kb, &before, rel_kb_add_alias(kb, "iran", REL_NTS, "Ir\0an", 5, "en", REL_NTS), REL_ERR_UTF8,
                  "alias");
    c.object = literal;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_UTF8, "object");
    free(before.json);
}

/* ---- refusals: entities and events -------------------------------------- */

static void test_builder__unknown_entity_kind(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_entity(kb, "e9", REL_NTS, 99, "E", REL_NTS), REL_ERR_ARG,
                  "entity \"e9\": unknown kind 99");
    check_refused(kb, &before, rel_kb_add_entity(kb, "e9", REL_NTS, -1, "E", REL_NTS), REL_ERR_ARG, "-1");
    check_refused(kb, &before, rel_kb_add_entity(kb, "e9", REL_NTS, REL_ENTITY_IDEOLOGY + 1, "E", REL_NTS),
                  REL_ERR_ARG, "e9");
    free(before.json);
}

static void test_builder__empty_name_or_alias(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, add_entity(kb, "e9", ""), REL_ERR_ARG, "entity name is empty");
    check_refused(kb, &before, rel_kb_add_alias(kb, "iran", REL_NTS, "", REL_NTS, "en", REL_NTS), REL_ERR_ARG,
                  "alias is empty");
    check_refused(kb, &before, rel_kb_add_alias(kb, "iran", REL_NTS, "Persia", REL_NTS, "", REL_NTS), REL_ERR_ARG,
                  "empty");
    free(before.json);
}

static void test_builder__alias_of_a_missing_entity(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_alias(kb, "persia", REL_NTS, "Persia", REL_NTS, "en", REL_NTS),
                  REL_ERR_REFERENCE, "\"persia\"");
    check_refused(kb, &before, rel_kb_add_alias(kb, "arms", REL_NTS, "Arms", REL_NTS, "en", REL_NTS),
                  REL_ERR_REFERENCE, "\"arms\" is an event");
    free(before.json);
}

static void test_builder__bad_event_types(void **state)
{
    static const char *const bad[] = {"aid", "AID.", "AID.Military", ".x", "AID..x", "Aid", "AID military",
                                      "AID.mil-itary", "1AID", "AID.2x", "_AID"};
    rel_kb *kb = *state;
    snapshot before = take(kb);
    char needle[40];
    size_t i;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        snprintf(needle, sizeof(needle), "\"%s\"", bad[i]);
        check_refused(kb, &before, rel_kb_add_event(kb, "v9", REL_NTS, bad[i], REL_NTS), REL_ERR_ARG, needle);
    }
    check_refused(kb, &before, rel_kb_add_event(kb, "v9", REL_NTS, "", REL_NTS), REL_ERR_ARG, "event type");
    free(before.json);
}

static void test_builder__unknown_role(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_participant(kb, "arms", REL_NTS, "media", REL_NTS, 8), REL_ERR_ARG,
                  "unknown role 8");
    check_refused(kb, &before, rel_kb_add_participant(kb, "arms", REL_NTS, "media", REL_NTS, -1), REL_ERR_ARG,
                  "unknown role -1");
    free(before.json);
}

static void test_builder__participant_references(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_participant(kb, "arms", REL_NTS, "nobody", REL_NTS, REL_ROLE_AGENT),
                  REL_ERR_REFERENCE, "\"nobody\" does not exist");
    check_refused(kb, &before, rel_kb_add_participant(kb, "arms", REL_NTS, "arms", REL_NTS, REL_ROLE_THEME),
                  REL_ERR_REFERENCE, "\"arms\" is an event, not an entity");
    check_refused(kb, &before, rel_kb_add_participant(kb, "nothing", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT),
                  REL_ERR_REFERENCE, "\"nothing\"");
    check_refused(kb, &before, rel_kb_add_participant(kb, "iran", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT),
                  REL_ERR_REFERENCE, "\"iran\" is an entity, not an event");
    /* The same entity in the same role twice. */
    check_refused(kb, &before, rel_kb_add_participant(kb, "arms", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT),
                  REL_ERR_DUPLICATE, "\"iran\"");
    free(before.json);
}

static void test_builder__event_time_refusals(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_set_event_time(kb, "arms", REL_NTS, "early 1980", REL_NTS, NULL, 0),
                  REL_ERR_SYNTAX, "\"early 1980\"");
    check_refused(kb, &before, rel_kb_set_event_time(kb, "arms", REL_NTS, "start 1980", REL_NTS, NULL, 0),
                  REL_ERR_SYNTAX, "start 1980");
    check_refused(kb, &before, rel_kb_set_event_time(kb, "arms", REL_NTS, "1980", REL_NTS, "x\xC3\x28", REL_NTS),
                  REL_ERR_UTF8, "time words");
    check_refused(kb, &before, rel_kb_set_event_time(kb, "iran", REL_NTS, "1980", REL_NTS, NULL, 0),
                  REL_ERR_REFERENCE, "\"iran\"");
    check_refused(kb, &before, rel_kb_set_event_time(kb, "nothing", REL_NTS, "1980", REL_NTS, NULL, 0),
                  REL_ERR_REFERENCE, "\"nothing\"");
    free(before.json);
}

/* ---- refusals: claims --------------------------------------------------- */

static void test_builder__claim_subject_kinds(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_claim_spec c = plain_claim();
    rel_value_spec literal = {REL_VALUE_LITERAL, "Iran", REL_NTS, NULL, 0, 0.0};
    rel_value_spec quantity = {REL_VALUE_QUANTITY, NULL, 0, NULL, 0, 1.0};
    rel_value_spec time = {REL_VALUE_TIME, "1980", REL_NTS, NULL, 0, 0.0};
    rel_value_spec none = {REL_VALUE_NONE, NULL, 0, NULL, 0, 0.0};

    c.subject = literal;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "subject");
    c.subject = quantity;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "subject");
    c.subject = time;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "subject");
    c.subject = none;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "subject");
    c.subject = ref(99, "iran");
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "subject");
    free(before.json);
}

static void test_builder__claim_value_references(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_claim_spec c = plain_claim();

    c.subject = ref(REL_VALUE_ENTITY, "nobody");
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_REFERENCE, "\"nobody\"");
    c.subject = ref(REL_VALUE_ENTITY, "arms");
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_REFERENCE, "\"arms\" is an event, not an entity");
    c.subject = ref(REL_VALUE_CLAIM, "c_later");
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_REFERENCE, "\"c_later\"");
    c = plain_claim();
    c.object = ref(REL_VALUE_EVENT, "iran");
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_REFERENCE, "\"iran\" is an entity, not an event");
    c.object = ref(99, "iran");
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "unknown value kind 99");
    c.object = ref(-1, "iran");
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "-1");
    free(before.json);
}

static void test_builder__claim_predicate(void **state)
{
    static const char *const bad[] = {"Supplies", "supplies-arms", "1st", "_x", "has space", "caf\xC3\xA9"};
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_claim_spec c = plain_claim();
    size_t i;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        c.predicate = bad[i];
        check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, bad[i]);
    }
    c.predicate = "";
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "predicate");
    free(before.json);
}

static void test_builder__claim_claimant(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_claim_spec c = plain_claim();

    c.claimant = NULL;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "claimant is missing");
    c.claimant = "arms";
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_REFERENCE, "claimant \"arms\" is an event");
    c.claimant = "nobody";
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_REFERENCE, "\"nobody\"");
    free(before.json);
}

static void test_builder__claim_modality_and_polarity(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_claim_spec c = plain_claim();

    c.modality = REL_MODALITY_NONE;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "claim \"c_new\": unknown modality 0");
    c.modality = 99;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "unknown modality 99");
    c.modality = -1;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "modality");
    c = plain_claim();
    c.polarity = 5;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "claim \"c_new\": unknown polarity 5");
    c.polarity = -1;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "polarity");
    free(before.json);
}

static void test_builder__claim_quantity_not_finite(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_claim_spec c = plain_claim();
    const double bad[] = {NAN, INFINITY, -INFINITY};
    size_t i;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        rel_value_spec q = {REL_VALUE_QUANTITY, "kg", REL_NTS, NULL, 0, bad[i]};
        c.object = q;
        check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "finite");
    }
    free(before.json);
}

static void test_builder__claim_time_value(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_claim_spec c = plain_claim();
    rel_value_spec bad = {REL_VALUE_TIME, "October 1980", REL_NTS, NULL, 0, 0.0};
    rel_value_spec empty = {REL_VALUE_TIME, "", REL_NTS, NULL, 0, 0.0};
    rel_value_spec bad_words = {REL_VALUE_TIME, "1980", REL_NTS, "\xE2\x82", REL_NTS, 0.0};
    rel_value_spec empty_literal = {REL_VALUE_LITERAL, "", REL_NTS, NULL, 0, 0.0};

    c.object = bad;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_SYNTAX, "\"October 1980\"");
    c.object = empty;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "time expression");
    c.object = bad_words;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_UTF8, "time words");
    c.object = empty_literal;
    check_refused(kb, &before, rel_kb_add_claim(kb, &c), REL_ERR_ARG, "object");
    free(before.json);
}

static void test_builder__claim_version_refusals(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_set_claim_version(kb, "c_event", REL_NTS, "s1", REL_NTS, NULL, 0,
                                                        REL_MODALITY_NONE), REL_ERR_ARG, "claimant or a modality");
    check_refused(kb, &before, rel_kb_set_claim_version(kb, "c_event", REL_NTS, "s1", REL_NTS, NULL, 0, 99),
                  REL_ERR_ARG, "unknown modality 99");
    check_refused(kb, &before, rel_kb_set_claim_version(kb, "c_event", REL_NTS, "x", REL_NTS, "media", REL_NTS,
                                                        REL_MODALITY_NONE), REL_ERR_REFERENCE, "\"x\"");
    check_refused(kb, &before, rel_kb_set_claim_version(kb, "c_event", REL_NTS, "s", REL_NTS, "media", REL_NTS,
                                                        REL_MODALITY_NONE), REL_ERR_AMBIGUOUS, "\"s\"");
    check_refused(kb, &before, rel_kb_set_claim_version(kb, "c_event", REL_NTS, "s1", REL_NTS, "arms", REL_NTS,
                                                        REL_MODALITY_NONE), REL_ERR_REFERENCE, "\"arms\"");
    check_refused(kb, &before, rel_kb_set_claim_version(kb, "iran", REL_NTS, "s1", REL_NTS, "media", REL_NTS,
                                                        REL_MODALITY_NONE), REL_ERR_REFERENCE, "\"iran\"");
    free(before.json);
}

static void test_builder__claim_relation_refusals(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_claim_relation(kb, "c_event", REL_NTS, REL_RELATION_SUPPORTS, "c_event",
                                                         REL_NTS), REL_ERR_ARG, "\"c_event\" cannot be related to itself");
    check_refused(kb, &before, rel_kb_add_claim_relation(kb, "c_event", REL_NTS, 0, "c_time", REL_NTS), REL_ERR_ARG,
                  "unknown claim relation 0");
    check_refused(kb, &before, rel_kb_add_claim_relation(kb, "c_event", REL_NTS, 6, "c_time", REL_NTS), REL_ERR_ARG,
                  "unknown claim relation 6");
    check_refused(kb, &before, rel_kb_add_claim_relation(kb, "c_entity", REL_NTS, REL_RELATION_SUPPORTS, "c_event",
                                                         REL_NTS), REL_ERR_DUPLICATE,
                  "\"c_entity\" already supports \"c_event\"");
    check_refused(kb, &before, rel_kb_add_claim_relation(kb, "c_event", REL_NTS, REL_RELATION_SUPPORTS, "c_none",
                                                         REL_NTS), REL_ERR_REFERENCE, "\"c_none\"");
    check_refused(kb, &before, rel_kb_add_claim_relation(kb, "c_event", REL_NTS, REL_RELATION_SUPPORTS, "iran",
                                                         REL_NTS), REL_ERR_REFERENCE, "\"iran\" is an entity");
    check_refused(kb, &before, rel_kb_add_claim_relation(kb, "arms", REL_NTS, REL_RELATION_SUPPORTS, "c_event",
                                                         REL_NTS), REL_ERR_REFERENCE, "\"arms\"");
    free(before.json);
}

/* ---- refusals: evidence ------------------------------------------------- */

static void test_builder__evidence_empty_or_reversed_span(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s1", REL_NTS, 3, 3), REL_ERR_RANGE,
                  "span [3, 3)");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s1", REL_NTS, 5, 2), REL_ERR_RANGE,
                  "\"s1\"");
    free(before.json);
}

static void test_builder__evidence_past_the_end(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    uint64_t len = strlen(S2_TEXT);

    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s2", REL_NTS, 0, len + 1), REL_ERR_RANGE,
                  "\"s2\"");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s2", REL_NTS, len, len + 1), REL_ERR_RANGE,
                  "\"s2\"");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s2", REL_NTS, 0, UINT64_MAX), REL_ERR_RANGE,
                  "\"s2\"");
    free(before.json);
    /* Up to the very end is fine. */
    assert_int_equal(rel_kb_add_evidence(kb, "syria", REL_NTS, "s2", REL_NTS, len - 1, len), REL_OK);
}

static void test_builder__evidence_inside_a_character(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    uint64_t dash = offset_of(S1_TEXT, "\xE2\x80\x93", 0), e_acute = offset_of(S1_TEXT, "\xC3\xA9", 0);

    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s1", REL_NTS, dash + 1, dash + 3),
                  REL_ERR_RANGE, "splits a UTF-8 character");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s1", REL_NTS, dash, dash + 2),
                  REL_ERR_RANGE, "splits");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s1", REL_NTS, e_acute - 3, e_acute + 1),
                  REL_ERR_RANGE, "splits");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s1", REL_NTS, e_acute + 1, e_acute + 3),
                  REL_ERR_RANGE, "\"s1\"");
    free(before.json);
    /* The whole character is fine. */
    assert_int_equal(rel_kb_add_evidence(kb, "syria", REL_NTS, "s1", REL_NTS, dash, dash + 3), REL_OK);
}

static void test_builder__evidence_duplicate_span(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_evidence(kb, "iran", REL_NTS, "s1", REL_NTS, 0, 4), REL_ERR_DUPLICATE,
                  "span [0, 4) of source \"s1\"");
    /* Found by quote, the same span is still a duplicate. */
    {
        rel_quote q = {"Iran", REL_NTS, NULL, 0, " sent arms to Syria in", REL_NTS};
        check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "iran", REL_NTS, "s1", REL_NTS, &q),
                      REL_ERR_DUPLICATE, "already evidence");
    }
    free(before.json);
    /* The same span on another object, or in another source, is new. */
    assert_int_equal(rel_kb_add_evidence(kb, "c_time", REL_NTS, "s1", REL_NTS, 0, 4), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "iran", REL_NTS, "s2", REL_NTS, 0, 4), REL_OK);
}

static void test_builder__evidence_target(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);

    check_refused(kb, &before, rel_kb_add_evidence(kb, "s2", REL_NTS, "s1", REL_NTS, 0, 4), REL_ERR_REFERENCE,
                  "\"s2\" is a source");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "nobody", REL_NTS, "s1", REL_NTS, 0, 4), REL_ERR_REFERENCE,
                  "\"nobody\"");
    free(before.json);
}

static void test_builder__evidence_source(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_quote q = {"Iran", REL_NTS, NULL, 0, NULL, 0};

    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "x9", REL_NTS, 0, 4), REL_ERR_REFERENCE,
                  "\"x9\" matches no source");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "iran", REL_NTS, 0, 4), REL_ERR_REFERENCE,
                  "\"iran\"");
    check_refused(kb, &before, rel_kb_add_evidence(kb, "syria", REL_NTS, "s", REL_NTS, 0, 4), REL_ERR_AMBIGUOUS,
                  "\"s\" is a prefix of several sources");
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s", REL_NTS, &q), REL_ERR_AMBIGUOUS,
                  "\"s\"");
    free(before.json);
    /* A unique prefix is accepted and the full source recorded. */
    assert_int_equal(rel_kb_add_evidence(kb, "syria", REL_NTS, "t3", REL_NTS, 0, 2), REL_OK);
    assert_ptr_equal(rel_evidence_source(rel_entity_evidence_at(rel_kb_entity_at(kb, 1), 1)),
                     rel_kb_source_at(kb, 2));
}

static void test_builder__quote_not_found(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_quote q = {"Iraq", REL_NTS, NULL, 0, NULL, 0};

    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_NOT_FOUND,
                  "quote \"Iraq\" is not in source \"s1\"");
    /* The words are there, but not with this prefix or suffix. */
    q.exact = "Syria";
    q.prefix = "from ";
    q.prefix_len = REL_NTS;
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_NOT_FOUND,
                  "\"Syria\"");
    q.prefix = NULL;
    q.suffix = " in late";
    q.suffix_len = REL_NTS;
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_NOT_FOUND,
                  "\"Syria\"");
    /* A suffix that would run past the end of the text. */
    q.exact = "so.";
    q.suffix = " And more.";
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s2", REL_NTS, &q), REL_ERR_NOT_FOUND,
                  "\"s2\"");
    /* A prefix that would start before the text. */
    q.exact = "Iran";
    q.prefix = "So ";
    q.prefix_len = REL_NTS;
    q.suffix = NULL;
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s2", REL_NTS, &q), REL_ERR_NOT_FOUND,
                  "\"Iran\"");
    free(before.json);
}

static void test_builder__quote_found_twice(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_quote q = {"Iran", REL_NTS, NULL, 0, NULL, 0};

    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_AMBIGUOUS,
                  "quote \"Iran\" occurs 2 times in source \"s1\"");
    q.exact = "sent arms";
    q.prefix = "Iran ";
    q.prefix_len = REL_NTS;
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_AMBIGUOUS,
                  "\"sent arms\"");
    free(before.json);
}

static void test_builder__quote_text_refusals(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_quote q = {"", REL_NTS, NULL, 0, NULL, 0};

    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_ARG,
                  "quote is empty");
    q.exact = "Syr\xC3\x28";
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_UTF8,
                  "quote");
    q.exact = "Syria";
    q.prefix = "\xED\xA0\x80";
    q.prefix_len = REL_NTS;
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_UTF8,
                  "quote prefix");
    q.prefix = NULL;
    q.suffix = "\xC0\xAF";
    q.suffix_len = REL_NTS;
    check_refused(kb, &before, rel_kb_add_evidence_quote(kb, "syria", REL_NTS, "s1", REL_NTS, &q), REL_ERR_UTF8,
                  "quote suffix");
    free(before.json);
}

/* ---- refusals: sources -------------------------------------------------- */

static void test_builder__source_revises_refusals(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    rel_source_spec s = REL_SOURCE_SPEC_INIT;

    s.id = "s9";
    s.text = "text";
    s.id_len = s.text_len = REL_NTS;
    s.revises = "x";
    s.revises_len = REL_NTS;
    check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_REFERENCE, "\"x\" matches no source");
    s.revises = "s";
    check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_AMBIGUOUS, "\"s\"");
    s.revises = "iran";
    check_refused(kb, &before, rel_kb_add_source(kb, &s), REL_ERR_REFERENCE, "\"iran\"");
    free(before.json);
}

static void test_builder__source_with_empty_text(void **state)
{
    rel_kb *kb = *state;
    const rel_source *s = NULL;
    size_t len = 9;

    /* The text is required, but may be empty. */
    add_source(kb, "s9", "", NULL);
    assert_int_equal(rel_kb_find_source(kb, "s9", REL_NTS, &s), REL_OK);
    assert_string_equal(rel_source_text(s, &len), "");
    assert_int_equal(len, 0);
    assert_int_equal(rel_kb_add_evidence(kb, "iran", REL_NTS, "s9", REL_NTS, 0, 1), REL_ERR_RANGE);
}

#define BUILT(t) cmocka_unit_test_setup_teardown(t, setup_built, teardown_kb)

/* ---- predicates and unannotated passages -------------------------------- */

static void test_builder__predicates_read_back(void **state)
{
    rel_kb *kb = *state;
    size_t len;

    assert_int_equal(rel_kb_add_predicate(kb, "dates_back", REL_NTS, REL_PREDICATE_FUNCTIONAL), REL_OK);
    assert_int_equal(rel_kb_add_predicate(kb, "member_of", 9, 0), REL_OK);
    assert_int_equal(rel_kb_predicate_count(kb), 2);
    assert_string_equal(rel_kb_predicate_name(kb, 0, &len), "dates_back");
    assert_int_equal(len, 10);
    assert_int_equal(rel_kb_predicate_flags(kb, 0), REL_PREDICATE_FUNCTIONAL);
    assert_int_equal(rel_kb_predicate_flags(kb, 1), 0);
    assert_int_equal(rel_kb_predicate_is_functional(kb, "dates_back", REL_NTS), 1);
    assert_int_equal(rel_kb_predicate_is_functional(kb, "member_of", REL_NTS), 0);
    assert_int_equal(rel_kb_predicate_is_functional(kb, "never_declared", REL_NTS), 0);
    assert_null(rel_kb_predicate_name(kb, 2, &len));
    assert_int_equal(len, 0);
    assert_int_equal(rel_kb_predicate_flags(kb, 2), 0);
    assert_int_equal(rel_kb_predicate_count(NULL), 0);
    assert_int_equal(rel_kb_predicate_is_functional(NULL, "dates_back", REL_NTS), 0);
    assert_int_equal(rel_kb_predicate_is_functional(kb, NULL, 0), 0);
}

static void test_builder__predicate_refusals(void **state)
{
    rel_kb *kb = *state;
    snapshot before;

    assert_int_equal(rel_kb_add_predicate(kb, "dates_back", REL_NTS, REL_PREDICATE_FUNCTIONAL), REL_OK);
    before = take(kb);
    check_refused(kb, &before, rel_kb_add_predicate(kb, "dates_back", REL_NTS, 0), REL_ERR_DUPLICATE, "dates_back");
    check_refused(kb, &before, rel_kb_add_predicate(kb, "DatesBack", REL_NTS, 0), REL_ERR_ARG, "DatesBack");
    check_refused(kb, &before, rel_kb_add_predicate(kb, "", REL_NTS, 0), REL_ERR_ARG, "predicate is empty");
    check_refused(kb, &before, rel_kb_add_predicate(kb, NULL, 0, 0), REL_ERR_ARG, "predicate is missing");
    check_refused(kb, &before, rel_kb_add_predicate(kb, "x\xC3\x28", REL_NTS, 0), REL_ERR_UTF8, "predicate");
    check_refused(kb, &before, rel_kb_add_predicate(kb, "ok", REL_NTS, 2), REL_ERR_ARG, "unknown flags");
    assert_int_equal(rel_kb_add_predicate(NULL, "x", REL_NTS, 0), REL_ERR_ARG);
    free(before.json);
}

static void test_builder__unannotated_read_back(void **state)
{
    rel_kb *kb = *state;
    const rel_evidence *span;
    size_t len;

    assert_int_equal(rel_kb_add_unannotated(kb, "s1", REL_NTS, 0, 4, "a heading", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_unannotated_count(kb), 1);
    span = rel_kb_unannotated_at(kb, 0);
    assert_non_null(span);
    assert_string_equal(rel_source_id(rel_evidence_source(span), NULL), "s1");
    assert_int_equal(rel_evidence_start(span), 0);
    assert_int_equal(rel_evidence_end(span), 4);
    assert_string_equal(rel_kb_unannotated_reason(kb, 0, &len), "a heading");
    assert_int_equal(len, 9);
    assert_null(rel_kb_unannotated_at(kb, 1));
    assert_null(rel_kb_unannotated_reason(kb, 1, NULL));
    assert_int_equal(rel_kb_unannotated_count(NULL), 0);
}

static void test_builder__unannotated_refusals(void **state)
{
    rel_kb *kb = *state;
    snapshot before = take(kb);
    size_t len = strlen(S1_TEXT);

    check_refused(kb, &before, rel_kb_add_unannotated(kb, "s1", REL_NTS, 4, 4, "why", REL_NTS), REL_ERR_RANGE, "[4, 4)");
    check_refused(kb, &before, rel_kb_add_unannotated(kb, "s1", REL_NTS, 0, len + 1, "why", REL_NTS), REL_ERR_RANGE,
                  "s1");
    /* 0x80 in "–" (bytes E2 80 93): a span may not end inside a character. */
    check_refused(kb, &before, rel_kb_add_unannotated(kb, "s1", REL_NTS, 0, strchr(S1_TEXT, '\xE2') - S1_TEXT + 1,
                                                      "why", REL_NTS), REL_ERR_RANGE, "splits");
    check_refused(kb, &before, rel_kb_add_unannotated(kb, "s1", REL_NTS, 0, 4, "", REL_NTS), REL_ERR_ARG,
                  "reason is empty");
    check_refused(kb, &before, rel_kb_add_unannotated(kb, "nowhere", REL_NTS, 0, 4, "why", REL_NTS),
                  REL_ERR_REFERENCE, "nowhere");
    check_refused(kb, &before, rel_kb_add_unannotated(kb, "s", REL_NTS, 0, 4, "why", REL_NTS), REL_ERR_AMBIGUOUS,
                  "several sources");
    assert_int_equal(rel_kb_add_unannotated(NULL, "s1", REL_NTS, 0, 4, "why", REL_NTS), REL_ERR_ARG);
    free(before.json);
}

static void test_builder__find_quote_in_a_source(void **state)
{
    rel_kb *kb = *state;
    const rel_source *s1 = NULL;
    rel_quote q = {"Iran", REL_NTS, NULL, 0, NULL, 0};
    uint64_t start = 99, end = 99;

    assert_int_equal(rel_kb_find_source(kb, "s1", REL_NTS, &s1), REL_OK);
    assert_int_equal(rel_source_find_quote(s1, &q, &start, &end), REL_ERR_AMBIGUOUS);
    assert_int_equal(start, 99);
    q.prefix = "say ";
    q.prefix_len = REL_NTS;
    assert_int_equal(rel_source_find_quote(s1, &q, &start, &end), REL_OK);
    assert_int_equal(end - start, 4);
    assert_memory_equal(rel_source_text(s1, NULL) + start, "Iran", 4);
    assert_memory_equal(rel_source_text(s1, NULL) + start - 4, "say ", 4);
    q.exact = "Iraq";
    assert_int_equal(rel_source_find_quote(s1, &q, &start, &end), REL_ERR_NOT_FOUND);
    q.exact = "";
    assert_int_equal(rel_source_find_quote(s1, &q, &start, &end), REL_ERR_ARG);
    q.exact = "Ir\xC3\x28";
    assert_int_equal(rel_source_find_quote(s1, &q, &start, &end), REL_ERR_UTF8);
    assert_int_equal(rel_source_find_quote(NULL, &q, &start, &end), REL_ERR_ARG);
    assert_int_equal(rel_source_find_quote(s1, NULL, &start, &end), REL_ERR_ARG);
    assert_int_equal(rel_source_find_quote(s1, &q, NULL, &end), REL_ERR_ARG);
}

static void test_builder__spec_init_functions_match_the_macros(void **state)
{
    static const rel_source_spec source_macro = REL_SOURCE_SPEC_INIT;
    static const rel_claim_spec claim_macro = REL_CLAIM_SPEC_INIT;
    rel_source_spec source;
    rel_claim_spec claim;

    (void)state;
    memset(&source, 0x5A, sizeof(source));
    memset(&claim, 0x5A, sizeof(claim));
    assert_int_equal(rel_source_spec_init(&source, REL_SOURCE_SPEC_VERSION), REL_OK);
    assert_int_equal(rel_claim_spec_init(&claim, REL_CLAIM_SPEC_VERSION), REL_OK);
    /* Field by field: padding bytes are not part of the contract. */
    assert_int_equal(source.version, source_macro.version);
    assert_null(source.id);
    assert_null(source.text);
    assert_null(source.revises);
    assert_int_equal(source.revises_len, 0);
    assert_int_equal(claim.version, claim_macro.version);
    assert_null(claim.id);
    assert_int_equal(claim.subject.kind, REL_VALUE_NONE);
    assert_null(claim.subject.str);
    assert_int_equal(claim.object.kind, REL_VALUE_NONE);
    assert_true(claim.object.number == 0.0);
    assert_null(claim.claimant);
    assert_int_equal(claim.modality, REL_MODALITY_NONE);
    assert_int_equal(claim.polarity, REL_POLARITY_POSITIVE);
    assert_int_equal(rel_source_spec_init(NULL, REL_SOURCE_SPEC_VERSION), REL_ERR_ARG);
    assert_int_equal(rel_source_spec_init(&source, 0), REL_ERR_ARG);
    assert_int_equal(rel_source_spec_init(&source, REL_SOURCE_SPEC_VERSION + 1), REL_ERR_ARG);
    assert_int_equal(rel_claim_spec_init(NULL, REL_CLAIM_SPEC_VERSION), REL_ERR_ARG);
    assert_int_equal(rel_claim_spec_init(&claim, REL_CLAIM_SPEC_VERSION + 1), REL_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builder__version_matches_header),
        cmocka_unit_test(test_builder__status_str_names_every_code),
        cmocka_unit_test(test_builder__options_init),
        cmocka_unit_test(test_builder__spec_init_functions_match_the_macros),
        cmocka_unit_test(test_builder__new_rejects_bad_options),
        cmocka_unit_test(test_builder__new_kb_is_empty),
        cmocka_unit_test(test_builder__null_handle_reads),
        BUILT(test_builder__predicates_read_back),
        BUILT(test_builder__predicate_refusals),
        BUILT(test_builder__unannotated_read_back),
        BUILT(test_builder__unannotated_refusals),
        BUILT(test_builder__find_quote_in_a_source),
        BUILT(test_builder__source_metadata_read_back),
        BUILT(test_builder__source_revises_by_unique_prefix),
        BUILT(test_builder__find_source_by_id_and_prefix),
        BUILT(test_builder__exact_source_id_beats_prefix),
        BUILT(test_builder__id_kind),
        BUILT(test_builder__find_by_kind),
        BUILT(test_builder__entities_read_back),
        BUILT(test_builder__same_alias_twice_is_a_no_op),
        BUILT(test_builder__event_read_back),
        BUILT(test_builder__event_time_is_replaced),
        BUILT(test_builder__event_without_time),
        BUILT(test_builder__event_types_accepted),
        BUILT(test_builder__claim_values_of_every_kind),
        BUILT(test_builder__quantity_without_unit),
        BUILT(test_builder__claim_defaults_and_polarity),
        BUILT(test_builder__claimant_and_modality_per_source),
        BUILT(test_builder__claim_version_is_replaced),
        BUILT(test_builder__claim_relations_read_back),
        BUILT(test_builder__evidence_read_back),
        BUILT(test_builder__quote_prefix_picks_the_place),
        BUILT(test_builder__quote_suffix_picks_the_place),
        BUILT(test_builder__quote_with_prefix_and_suffix),
        BUILT(test_builder__explicit_lengths),
        BUILT(test_builder__strings_are_copied),
        BUILT(test_builder__longest_id_is_accepted),
        BUILT(test_builder__success_clears_the_error),
        cmocka_unit_test(test_builder__null_kb_is_refused),
        BUILT(test_builder__null_spec_is_refused),
        BUILT(test_builder__null_strings_are_refused),
        BUILT(test_builder__unknown_spec_version),
        BUILT(test_builder__empty_id),
        BUILT(test_builder__id_of_257_bytes),
        BUILT(test_builder__id_with_control_character),
        BUILT(test_builder__duplicate_id_across_kinds),
        BUILT(test_builder__invalid_utf8_text),
        BUILT(test_builder__invalid_utf8_name_and_alias),
        BUILT(test_builder__nul_inside_text),
        BUILT(test_builder__unknown_entity_kind),
        BUILT(test_builder__empty_name_or_alias),
        BUILT(test_builder__alias_of_a_missing_entity),
        BUILT(test_builder__bad_event_types),
        BUILT(test_builder__unknown_role),
        BUILT(test_builder__participant_references),
        BUILT(test_builder__event_time_refusals),
        BUILT(test_builder__claim_subject_kinds),
        BUILT(test_builder__claim_value_references),
        BUILT(test_builder__claim_predicate),
        BUILT(test_builder__claim_claimant),
        BUILT(test_builder__claim_modality_and_polarity),
        BUILT(test_builder__claim_quantity_not_finite),
        BUILT(test_builder__claim_time_value),
        BUILT(test_builder__claim_version_refusals),
        BUILT(test_builder__claim_relation_refusals),
        BUILT(test_builder__evidence_empty_or_reversed_span),
        BUILT(test_builder__evidence_past_the_end),
        BUILT(test_builder__evidence_inside_a_character),
        BUILT(test_builder__evidence_duplicate_span),
        BUILT(test_builder__evidence_target),
        BUILT(test_builder__evidence_source),
        BUILT(test_builder__quote_not_found),
        BUILT(test_builder__quote_found_twice),
        BUILT(test_builder__quote_text_refusals),
        BUILT(test_builder__source_revises_refusals),
        BUILT(test_builder__source_with_empty_text),
    };

    return cmocka_run_group_tests_name("builder", tests, NULL, NULL);
}
