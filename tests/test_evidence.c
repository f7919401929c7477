/* SPDX-License-Identifier: MIT */
/* Evidence spans (lib/evidence.c, lib/text.c): every span of the built-in kb, code points, offset conversion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <relations.h>

#include "helpers.h"

/* Korean (3-byte), Persian (2-byte), an en dash, é, an emoji (4-byte). */
static const char mixed[] = "Iran–North 이란 ایران é\xF0\x9F\x98\x80!";

/* ---- helpers ------------------------------------------------------------ */

typedef void (*evidence_fn)(const rel_kb *kb, const char *owner, const rel_evidence *ev, void *payload);

/* Calls fn on every evidence of every entity, event and claim; returns how many. */
static size_t for_each_evidence(const rel_kb *kb, evidence_fn fn, void *payload)
{
    size_t i, j, n = 0;

    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        for (j = 0; j < rel_entity_evidence_count(e); j++, n++)
            fn(kb, rel_entity_id(e, NULL), rel_entity_evidence_at(e, j), payload);
    }
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev = rel_kb_event_at(kb, i);
        for (j = 0; j < rel_event_evidence_count(ev); j++, n++)
            fn(kb, rel_event_id(ev, NULL), rel_event_evidence_at(ev, j), payload);
    }
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        for (j = 0; j < rel_claim_evidence_count(c); j++, n++)
            fn(kb, rel_claim_id(c, NULL), rel_claim_evidence_at(c, j), payload);
    }
    return n;
}

static int continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Code points in s[0..len), counted here rather than by the library. */
static uint64_t count_codepoints(const char *s, size_t len)
{
    uint64_t n = 0;
    size_t i;

    for (i = 0; i < len; i++)
        n += !continuation((unsigned char)s[i]);
    return n;
}

/* Whether s[0..len) holds "[" digits "]". */
static int has_citation_mark(const char *s, size_t len)
{
    size_t i, j;

    for (i = 0; i < len; i++) {
        if (s[i] != '[')
            continue;
        for (j = i + 1; j < len && s[j] >= '0' && s[j] <= '9'; j++)
            ;
        if (j > i + 1 && j < len && s[j] == ']')
            return 1;
    }
    return 0;
}

static const rel_entity *entity(const rel_kb *kb, const char *id)
{
    const rel_entity *e = NULL;

    if (rel_kb_find_entity(kb, id, REL_NTS, &e) != REL_OK)
        fail_msg("no entity \"%s\"", id);
    return e;
}

/* ---- every span of the built-in knowledge base -------------------------- */

static void check_span(const rel_kb *kb, const char *owner, const rel_evidence *ev, void *payload)
{
    const rel_source *s = rel_evidence_source(ev);
    size_t text_len, len = 0;
    const char *text = rel_source_text(s, &text_len);
    const char *words = rel_evidence_text(ev, &len);
    uint64_t start = rel_evidence_start(ev), end = rel_evidence_end(ev);

    (void)payload;
    if (!s || rel_kb_source_at(kb, rel_source_index(s)) != s)
        fail_msg("%s: evidence whose source is not of this knowledge base", owner);
    if (!(start < end && end <= text_len))
        fail_msg("%s: span [%llu, %llu) out of %s (%zu bytes)", owner, (unsigned long long)start,
                 (unsigned long long)end, rel_source_id(s, NULL), text_len);
    if (words != text + start || len != end - start)
        fail_msg("%s: rel_evidence_text() does not point at [%llu, %llu) of %s", owner, (unsigned long long)start,
                 (unsigned long long)end, rel_source_id(s, NULL));
    if (continuation((unsigned char)text[start]) || (end < text_len && continuation((unsigned char)text[end])))
        fail_msg("%s: span [%llu, %llu) of %s splits a UTF-8 character", owner, (unsigned long long)start,
                 (unsigned long long)end, rel_source_id(s, NULL));
}

static void test_evidence__every_span_matches_its_source(void **state)
{
    const rel_kb *kb = *state;

    assert_int_equal(for_each_evidence(kb, check_span, NULL), helper_evidence_count(kb));
    assert_true(helper_evidence_count(kb) > 0);
}

static void check_no_citation(const rel_kb *kb, const char *owner, const rel_evidence *ev, void *payload)
{
    size_t len;
    const char *words = rel_evidence_text(ev, &len);

    (void)kb;
    (void)payload;
    if (has_citation_mark(words, len))
        fail_msg("%s: evidence \"%.*s\" in %s holds a citation mark", owner, (int)len, words,
                 rel_source_id(rel_evidence_source(ev), NULL));
}

static void test_evidence__no_span_holds_a_citation_mark(void **state)
{
    const rel_kb *kb = *state;

    /* The checker itself finds one. */
    assert_true(has_citation_mark("Iran.[15] North", 15));
    assert_true(has_citation_mark("[1]", 3));
    assert_false(has_citation_mark("[] [a] [1", 9));
    assert_false(has_citation_mark("Iran.[15]", 8));
    for_each_evidence(kb, check_no_citation, NULL);
}

static void check_codepoints(const rel_kb *kb, const char *owner, const rel_evidence *ev, void *payload)
{
    const char *text = rel_source_text(rel_evidence_source(ev), NULL);
    uint64_t cp_start = 0, cp_end = 0;
    size_t *shifted = payload;

    (void)kb;
    if (rel_evidence_codepoints(ev, &cp_start, &cp_end) != REL_OK)
        fail_msg("%s: rel_evidence_codepoints() failed", owner);
    if (cp_start != count_codepoints(text, (size_t)rel_evidence_start(ev)) ||
        cp_end != count_codepoints(text, (size_t)rel_evidence_end(ev)))
        fail_msg("%s: code points [%llu, %llu) for bytes [%llu, %llu)", owner, (unsigned long long)cp_start,
                 (unsigned long long)cp_end, (unsigned long long)rel_evidence_start(ev),
                 (unsigned long long)rel_evidence_end(ev));
    *shifted += cp_start < rel_evidence_start(ev);
}

static void test_evidence__codepoints_agree_with_counting(void **state)
{
    const rel_kb *kb = *state;
    size_t shifted = 0;

    for_each_evidence(kb, check_codepoints, &shifted);
    /* Every source opens with an en dash, so most spans are shifted. */
    assert_true(shifted > 0);
}

static void test_evidence__codepoints_after_korean_persian_and_dashes(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *e = entity(kb, "official-news-agencies");
    size_t i, len;
    int seen = 0;

    /* Before the span: 000 has an en dash and the Korean title; 001 the
     * Korean and Persian titles and two en dashes; 002 two en dashes. */
    for (i = 0; i < rel_entity_evidence_count(e); i++) {
        const rel_evidence *ev = rel_entity_evidence_at(e, i);
        const char *id = rel_source_id(rel_evidence_source(ev), NULL);
        uint64_t start = 0, end = 0;
        const char *words = rel_evidence_text(ev, &len);

        assert_int_equal(len, strlen("official news agencies of the two countries"));
        assert_memory_equal(words, "official news agencies of the two countries", len);
        assert_int_equal(rel_evidence_codepoints(ev, &start, &end), REL_OK);
        assert_int_equal(end - start, len); /* ASCII words: one code point a byte */
        assert_true(start < rel_evidence_start(ev));
        if (strncmp(id, "000", 3) == 0) {
            assert_int_equal(rel_evidence_start(ev), 122);
            assert_int_equal(start, 90);
            seen |= 1;
        } else if (strncmp(id, "001", 3) == 0) {
            assert_int_equal(rel_evidence_start(ev), 205);
            assert_int_equal(start, 152);
            seen |= 2;
        } else {
            assert_int_equal(rel_evidence_start(ev), 95);
            assert_int_equal(start, 91);
            seen |= 4;
        }
    }
    assert_int_equal(seen, 7);
}

/* The number of code points of the evidence of e whose words are `words`; fails if there is none. */
static uint64_t span_codepoints(const rel_entity *e, const char *words)
{
    size_t i, len;

    for (i = 0; i < rel_entity_evidence_count(e); i++) {
        const rel_evidence *ev = rel_entity_evidence_at(e, i);
        const char *text = rel_evidence_text(ev, &len);
        uint64_t start, end;

        if (len != strlen(words) || memcmp(text, words, len) != 0)
            continue;
        assert_int_equal(rel_evidence_codepoints(ev, &start, &end), REL_OK);
        assert_true(start < rel_evidence_start(ev));
        return end - start;
    }
    fail_msg("no evidence \"%s\"", words);
    return 0;
}

static void test_evidence__codepoints_of_non_ascii_spans(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *e = entity(kb, "iran-north-korea-relations");

    /* 15 Hangul syllables (3 bytes each), '-' and ' ': 47 bytes. */
    assert_int_equal(span_codepoints(e, "이란-조선민주주의인민공화국 관계"), 17);
    /* 19 Arabic letters (2 bytes each) and 4 spaces: 42 bytes. */
    assert_int_equal(span_codepoints(e, "روابط ایران و کرۀ شمالی"), 23);
}

/* ---- offset conversion -------------------------------------------------- */

static void test_evidence__utf8_offsets_round_trip(void **state)
{
    size_t len = strlen(mixed), b;
    uint64_t cps = count_codepoints(mixed, len), k, back, byte = 0;

    (void)state;
    for (k = 0; k <= cps; k++) {
        assert_int_equal(rel_utf8_byte_offset(mixed, len, k, &byte), REL_OK);
        assert_true(byte <= len);
        assert_true(byte == len || !continuation((unsigned char)mixed[byte]));
        assert_int_equal(count_codepoints(mixed, (size_t)byte), k);
        assert_int_equal(rel_utf8_codepoint_offset(mixed, len, byte, &back), REL_OK);
        assert_int_equal(back, k);
    }
    for (b = 0; b <= len; b++) {
        if (b < len && continuation((unsigned char)mixed[b]))
            continue;
        assert_int_equal(rel_utf8_codepoint_offset(mixed, len, b, &k), REL_OK);
        assert_int_equal(rel_utf8_byte_offset(mixed, len, k, &back), REL_OK);
        assert_int_equal(back, b);
    }
}

static void test_evidence__utf8_offsets_of_known_characters(void **state)
{
    size_t len = strlen(mixed);
    uint64_t out = 0;

    (void)state;
    /* "Iran" 4 bytes, then the en dash (3 bytes). */
    assert_int_equal(rel_utf8_codepoint_offset(mixed, len, 4, &out), REL_OK);
    assert_int_equal(out, 4);
    assert_int_equal(rel_utf8_codepoint_offset(mixed, len, 7, &out), REL_OK);
    assert_int_equal(out, 5);
    assert_int_equal(rel_utf8_byte_offset(mixed, len, 5, &out), REL_OK);
    assert_int_equal(out, 7);
    /* The whole text: its length in code points, and back. */
    assert_int_equal(rel_utf8_codepoint_offset(mixed, len, len, &out), REL_OK);
    assert_int_equal(out, count_codepoints(mixed, len));
    assert_int_equal(rel_utf8_byte_offset(mixed, len, count_codepoints(mixed, len), &out), REL_OK);
    assert_int_equal(out, len);
    /* The empty text. */
    assert_int_equal(rel_utf8_codepoint_offset("", 0, 0, &out), REL_OK);
    assert_int_equal(out, 0);
    assert_int_equal(rel_utf8_byte_offset("", 0, 0, &out), REL_OK);
    assert_int_equal(out, 0);
}

static void test_evidence__utf8_offset_past_the_end(void **state)
{
    size_t len = strlen(mixed);
    uint64_t out = 12345;

    (void)state;
    assert_int_equal(rel_utf8_codepoint_offset(mixed, len, len + 1, &out), REL_ERR_RANGE);
    assert_int_equal(rel_utf8_codepoint_offset(mixed, len, UINT64_MAX, &out), REL_ERR_RANGE);
    assert_int_equal(rel_utf8_byte_offset(mixed, len, count_codepoints(mixed, len) + 1, &out), REL_ERR_RANGE);
    assert_int_equal(rel_utf8_byte_offset(mixed, len, UINT64_MAX, &out), REL_ERR_RANGE);
    assert_int_equal(rel_utf8_byte_offset("", 0, 1, &out), REL_ERR_RANGE);
    assert_int_equal(out, 12345);
}

static void test_evidence__utf8_offset_inside_a_character(void **state)
{
    size_t len = strlen(mixed), b;
    uint64_t out = 12345;
    size_t inside = 0;

    (void)state;
    for (b = 0; b < len; b++) {
        if (!continuation((unsigned char)mixed[b]))
            continue;
        assert_int_equal(rel_utf8_codepoint_offset(mixed, len, b, &out), REL_ERR_RANGE);
        inside++;
    }
    assert_int_equal(out, 12345);
    assert_true(inside > 0);
    /* The middle of the en dash, of a Hangul syllable, of the emoji. */
    assert_int_equal(rel_utf8_codepoint_offset(mixed, len, 5, &out), REL_ERR_RANGE);
    assert_int_equal(rel_utf8_codepoint_offset(mixed, len, 6, &out), REL_ERR_RANGE);
}

static void test_evidence__utf8_offset_invalid_utf8(void **state)
{
    uint64_t out = 12345;

    (void)state;
    /* A lead byte without its continuation, an overlong NUL, a surrogate, a stray 0xFF. */
    assert_int_equal(rel_utf8_codepoint_offset("a\xC3(", 3, 3, &out), REL_ERR_UTF8);
    assert_int_equal(rel_utf8_codepoint_offset("\xC0\x80z", 3, 2, &out), REL_ERR_UTF8);
    assert_int_equal(rel_utf8_codepoint_offset("\xED\xA0\x80z", 4, 3, &out), REL_ERR_UTF8);
    assert_int_equal(rel_utf8_byte_offset("ab\xFF", 3, 1, &out), REL_ERR_UTF8);
    assert_int_equal(rel_utf8_byte_offset("a\xC3(", 3, 0, &out), REL_ERR_UTF8);
    assert_int_equal(out, 12345);
    /* Only the text before the offset has to be valid. */
    assert_int_equal(rel_utf8_codepoint_offset("ab\xFF", 3, 2, &out), REL_OK);
    assert_int_equal(out, 2);
}

static void test_evidence__utf8_offset_null_arguments(void **state)
{
    uint64_t out = 12345;

    (void)state;
    assert_int_equal(rel_utf8_codepoint_offset(NULL, 0, 0, &out), REL_ERR_ARG);
    assert_int_equal(rel_utf8_codepoint_offset("abc", 3, 1, NULL), REL_ERR_ARG);
    assert_int_equal(rel_utf8_byte_offset(NULL, 0, 0, &out), REL_ERR_ARG);
    assert_int_equal(rel_utf8_byte_offset("abc", 3, 1, NULL), REL_ERR_ARG);
    assert_int_equal(out, 12345);
}

/* ---- getters on NULL ---------------------------------------------------- */

static void test_evidence__null_evidence(void **state)
{
    size_t len = 99;
    uint64_t start = 7, end = 7;

    (void)state;
    assert_null(rel_evidence_source(NULL));
    assert_int_equal(rel_evidence_start(NULL), 0);
    assert_int_equal(rel_evidence_end(NULL), 0);
    assert_null(rel_evidence_text(NULL, &len));
    assert_int_equal(rel_evidence_codepoints(NULL, &start, &end), REL_ERR_ARG);
    assert_int_equal(start, 7);
    assert_int_equal(end, 7);
}

static void test_evidence__text_needs_a_length(void **state)
{
    const rel_kb *kb = *state;
    const rel_evidence *ev = rel_entity_evidence_at(entity(kb, "iran"), 0);
    uint64_t out = 0;

    assert_non_null(ev);
    assert_null(rel_evidence_text(ev, NULL));
    assert_int_equal(rel_evidence_codepoints(ev, NULL, &out), REL_ERR_ARG);
    assert_int_equal(rel_evidence_codepoints(ev, &out, NULL), REL_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_evidence__every_span_matches_its_source),
        cmocka_unit_test(test_evidence__no_span_holds_a_citation_mark),
        cmocka_unit_test(test_evidence__codepoints_agree_with_counting),
        cmocka_unit_test(test_evidence__codepoints_after_korean_persian_and_dashes),
        cmocka_unit_test(test_evidence__codepoints_of_non_ascii_spans),
        cmocka_unit_test(test_evidence__utf8_offsets_round_trip),
        cmocka_unit_test(test_evidence__utf8_offsets_of_known_characters),
        cmocka_unit_test(test_evidence__utf8_offset_past_the_end),
        cmocka_unit_test(test_evidence__utf8_offset_inside_a_character),
        cmocka_unit_test(test_evidence__utf8_offset_invalid_utf8),
        cmocka_unit_test(test_evidence__utf8_offset_null_arguments),
        cmocka_unit_test(test_evidence__null_evidence),
        cmocka_unit_test(test_evidence__text_needs_a_length),
    };

    return cmocka_run_group_tests_name("evidence", tests, helper_setup_builtin, helper_teardown_kb);
}
