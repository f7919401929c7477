/* SPDX-License-Identifier: MIT */
/* Names (lib/kb.c, lib/text.c, lib/names.c): alias lookup, rel_text_normalise() and the JSON names of codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <relations.h>

#include "helpers.h"

/* A pointer no lookup would return, to see which slots were written. */
static const char poison[1];
#define POISON ((const rel_entity *)poison)

/* ---- helpers ------------------------------------------------------------ */

static const rel_entity *entity(const rel_kb *kb, const char *id)
{
    const rel_entity *e = NULL;

    if (rel_kb_find_entity(kb, id, REL_NTS, &e) != REL_OK)
        fail_msg("no entity \"%s\"", id);
    return e;
}

/* The one entity a name finds; fails unless exactly one matches. */
static const rel_entity *find_one(const rel_kb *kb, const char *name, int32_t match)
{
    const rel_entity *out[4] = {NULL, NULL, NULL, NULL};
    size_t count = 99;
    rel_status st = rel_kb_find_alias(kb, name, REL_NTS, match, out, 4, &count);

    if (st != REL_OK)
        fail_msg("\"%s\" (%s) finds nothing: %s", name, match == REL_MATCH_EXACT ? "exact" : "normalised",
                 rel_status_str(st));
    if (count != 1)
        fail_msg("\"%s\" finds %zu entities, not one", name, count);
    return out[0];
}

/* rel_text_normalise() into a buffer, expecting success. */
static const char *normalise(const char *text, size_t len)
{
    static char buf[256];
    size_t out_len = 99999;
    rel_status st = rel_text_normalise(text, len, buf, sizeof(buf), &out_len);

    if (st != REL_OK)
        fail_msg("normalising \"%s\": %s", text, rel_status_str(st));
    assert_int_equal(strlen(buf), out_len);
    return buf;
}

static int contains(const rel_entity *const *list, size_t n, const rel_entity *e)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (list[i] == e)
            return 1;
    return 0;
}

/* ---- alias lookup on the built-in knowledge base ------------------------- */

static void test_alias__dash_and_case_insensitive(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *war = entity(kb, "iran-iraq-war");

    assert_ptr_equal(find_one(kb, "Iran–Iraq War", REL_MATCH_NORMALISED), war);
    assert_ptr_equal(find_one(kb, "Iran-Iraq war", REL_MATCH_NORMALISED), war);
    assert_ptr_equal(find_one(kb, "iran-iraq war", REL_MATCH_NORMALISED), war);
    assert_ptr_equal(find_one(kb, "IRAN—IRAQ WAR", REL_MATCH_NORMALISED), war);
    assert_string_equal(rel_entity_name(war, NULL), "Iran–Iraq War");
}

static void test_alias__exact_is_byte_for_byte(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *out[2] = {POISON, POISON};
    size_t count = 99;

    /* The annotation lists "Iran–Iraq War" and "Iran-Iraq war", not these. */
    assert_ptr_equal(find_one(kb, "Iran–Iraq War", REL_MATCH_EXACT), entity(kb, "iran-iraq-war"));
    assert_ptr_equal(find_one(kb, "Iran-Iraq war", REL_MATCH_EXACT), entity(kb, "iran-iraq-war"));
    assert_int_equal(rel_kb_find_alias(kb, "iran-iraq war", REL_NTS, REL_MATCH_EXACT, out, 2, &count),
                     REL_ERR_NOT_FOUND);
    assert_int_equal(count, 0);
    assert_ptr_equal(out[0], POISON);
    assert_int_equal(rel_kb_find_alias(kb, "Iran–Iraq war", REL_NTS, REL_MATCH_EXACT, out, 2, &count),
                     REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_find_alias(kb, "Iran-Iraq War ", REL_NTS, REL_MATCH_EXACT, out, 2, &count),
                     REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_find_alias(kb, "  north   KOREA ", REL_NTS, REL_MATCH_EXACT, out, 2, &count),
                     REL_ERR_NOT_FOUND);
}

static void test_alias__curly_and_straight_apostrophes(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *iran = entity(kb, "iran");

    /* The annotation lists both spellings; each finds Iran both ways. */
    assert_ptr_equal(find_one(kb, "Iran’s", REL_MATCH_EXACT), iran);
    assert_ptr_equal(find_one(kb, "Iran's", REL_MATCH_EXACT), iran);
    assert_ptr_equal(find_one(kb, "Iran’s", REL_MATCH_NORMALISED), iran);
    assert_ptr_equal(find_one(kb, "Iran's", REL_MATCH_NORMALISED), iran);
    /* A spelling the annotation lacks: U+02BC, in capitals. */
    assert_ptr_equal(find_one(kb, "IRAN\xCA\xBCS", REL_MATCH_NORMALISED), iran);
}

static void test_alias__white_space_and_case(void **state)
{
    const rel_kb *kb = *state;

    assert_ptr_equal(find_one(kb, "  north   KOREA ", REL_MATCH_NORMALISED), entity(kb, "north-korea"));
    assert_ptr_equal(find_one(kb, "north\tkorea\n", REL_MATCH_NORMALISED), entity(kb, "north-korea"));
}

static void test_alias__korean_and_persian_titles(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *relations = entity(kb, "iran-north-korea-relations");

    assert_ptr_equal(find_one(kb, "이란-조선민주주의인민공화국 관계", REL_MATCH_EXACT), relations);
    assert_ptr_equal(find_one(kb, "이란-조선민주주의인민공화국 관계", REL_MATCH_NORMALISED), relations);
    assert_ptr_equal(find_one(kb, "روابط ایران و کرۀ شمالی", REL_MATCH_EXACT), relations);
    assert_ptr_equal(find_one(kb, "روابط ایران و کرۀ شمالی", REL_MATCH_NORMALISED), relations);
    /* A different dash in the Korean title still matches when normalised. */
    assert_ptr_equal(find_one(kb, "이란–조선민주주의인민공화국 관계", REL_MATCH_NORMALISED),
                     relations);
}

static void test_alias__canonical_names_count(void **state)
{
    const rel_kb *kb = *state;

    /* Names that are not also listed as aliases. */
    assert_ptr_equal(find_one(kb, "Persia (ancient Iran)", REL_MATCH_EXACT), entity(kb, "persia"));
    assert_ptr_equal(find_one(kb, "korea–iran (persia) relationship", REL_MATCH_NORMALISED),
                     entity(kb, "korea-iran-relations"));
}

static void test_alias__every_alias_finds_its_entity(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *out[64];
    size_t i, j, count;

    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        for (j = 0; j <= rel_entity_alias_count(e); j++) {
            size_t len;
            const char *name = j < rel_entity_alias_count(e) ? rel_entity_alias_text(e, j, &len)
                                                               : rel_entity_name(e, &len);
            assert_int_equal(rel_kb_find_alias(kb, name, len, REL_MATCH_EXACT, out, 64, &count), REL_OK);
            if (count > 64 || !contains(out, count, e))
                fail_msg("exact \"%s\" does not find %s", name, rel_entity_id(e, NULL));
            assert_int_equal(rel_kb_find_alias(kb, name, len, REL_MATCH_NORMALISED, out, 64, &count), REL_OK);
            if (count > 64 || !contains(out, count, e))
                fail_msg("normalised \"%s\" does not find %s", name, rel_entity_id(e, NULL));
        }
    }
}

static void test_alias__each_entity_once(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *out[8];
    size_t count = 0, i, j;

    /* Four names of the war normalise alike: the war still comes once. */
    assert_int_equal(rel_kb_find_alias(kb, "iran-iraq war", REL_NTS, REL_MATCH_NORMALISED, out, 8, &count), REL_OK);
    assert_int_equal(count, 1);
    /* "Korean" names Korea and the Korean language. */
    assert_int_equal(rel_kb_find_alias(kb, "Korean", REL_NTS, REL_MATCH_EXACT, out, 8, &count), REL_OK);
    assert_true(count >= 2 && count <= 8);
    for (i = 0; i < count; i++)
        for (j = i + 1; j < count; j++)
            assert_ptr_not_equal(out[i], out[j]);
}

static void test_alias__several_matches_in_order_added(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *out[8];
    const rel_entity *korea = entity(kb, "korea"), *language = entity(kb, "korean-language");
    size_t count = 0, i, at_korea = 99, at_language = 99;

    assert_int_equal(rel_kb_find_alias(kb, "korean", REL_NTS, REL_MATCH_NORMALISED, out, 8, &count), REL_OK);
    assert_true(count >= 2 && count <= 8);
    for (i = 0; i < count; i++) {
        if (out[i] == korea)
            at_korea = i;
        if (out[i] == language)
            at_language = i;
    }
    assert_true(at_korea < count && at_language < count);
    /* Korea comes before the language in the annotation. */
    assert_true(at_korea < at_language);
}

static void test_alias__cap_smaller_than_count(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *all[8];
    const rel_entity *out[3] = {POISON, POISON, POISON};
    size_t total = 0, count = 0;

    assert_int_equal(rel_kb_find_alias(kb, "Persian", REL_NTS, REL_MATCH_EXACT, all, 8, &total), REL_OK);
    assert_true(total >= 2 && total <= 8);
    assert_int_equal(rel_kb_find_alias(kb, "Persian", REL_NTS, REL_MATCH_EXACT, out, 1, &count), REL_OK);
    assert_int_equal(count, total);
    assert_ptr_equal(out[0], all[0]);
    assert_ptr_equal(out[1], POISON);
    assert_ptr_equal(out[2], POISON);
}

static void test_alias__count_only(void **state)
{
    const rel_kb *kb = *state;
    size_t count = 0, total = 0;
    const rel_entity *all[8];

    assert_int_equal(rel_kb_find_alias(kb, "Persian", REL_NTS, REL_MATCH_EXACT, all, 8, &total), REL_OK);
    assert_int_equal(rel_kb_find_alias(kb, "Persian", REL_NTS, REL_MATCH_EXACT, NULL, 0, &count), REL_OK);
    assert_int_equal(count, total);
    assert_int_equal(rel_kb_find_alias(kb, "  iran  ", REL_NTS, REL_MATCH_NORMALISED, NULL, 0, &count), REL_OK);
    assert_int_equal(count, 1);
}

static void test_alias__explicit_length(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *out[2];
    size_t count = 0;

    assert_int_equal(rel_kb_find_alias(kb, "Iraq's war", 4, REL_MATCH_EXACT, out, 2, &count), REL_OK);
    assert_int_equal(count, 1);
    assert_ptr_equal(out[0], entity(kb, "iraq"));
    assert_int_equal(rel_kb_find_alias(kb, "IRAQI forces", 5, REL_MATCH_NORMALISED, out, 2, &count), REL_OK);
    assert_int_equal(count, 1);
}

static void test_alias__unknown_name(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *out[2] = {POISON, POISON};
    size_t count = 99;

    assert_int_equal(rel_kb_find_alias(kb, "Atlantis", REL_NTS, REL_MATCH_EXACT, out, 2, &count), REL_ERR_NOT_FOUND);
    assert_int_equal(count, 0);
    count = 99;
    assert_int_equal(rel_kb_find_alias(kb, "Atlantis", REL_NTS, REL_MATCH_NORMALISED, out, 2, &count),
                     REL_ERR_NOT_FOUND);
    assert_int_equal(count, 0);
    assert_ptr_equal(out[0], POISON);
    /* Nor are names matched by prefix, or ids taken for names. */
    assert_int_equal(rel_kb_find_alias(kb, "Ira", REL_NTS, REL_MATCH_NORMALISED, out, 2, &count), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_find_alias(kb, "iran-iraq-war", REL_NTS, REL_MATCH_NORMALISED, out, 2, &count),
                     REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_find_alias(kb, "", REL_NTS, REL_MATCH_NORMALISED, out, 2, &count), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_find_alias(kb, "", REL_NTS, REL_MATCH_EXACT, out, 2, &count), REL_ERR_NOT_FOUND);
}

static void test_alias__invalid_utf8(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *out[2] = {POISON, POISON};
    size_t count = 99;

    assert_int_equal(rel_kb_find_alias(kb, "Iran\xFF", REL_NTS, REL_MATCH_EXACT, out, 2, &count), REL_ERR_UTF8);
    assert_int_equal(count, 0);
    count = 99;
    assert_int_equal(rel_kb_find_alias(kb, "Iran\xFF", REL_NTS, REL_MATCH_NORMALISED, out, 2, &count), REL_ERR_UTF8);
    assert_int_equal(count, 0);
    /* A truncated en dash, and a NUL inside the given length. */
    assert_int_equal(rel_kb_find_alias(kb, "Iran\xE2\x80", REL_NTS, REL_MATCH_NORMALISED, out, 2, &count),
                     REL_ERR_UTF8);
    assert_int_equal(rel_kb_find_alias(kb, "Iran\0", 5, REL_MATCH_EXACT, out, 2, &count), REL_ERR_UTF8);
    assert_ptr_equal(out[0], POISON);
}

static void test_alias__bad_arguments(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *out[2] = {POISON, POISON};
    size_t count = 99;

    assert_int_equal(rel_kb_find_alias(kb, "Iran", REL_NTS, 2, out, 2, &count), REL_ERR_ARG);
    assert_int_equal(count, 0);
    assert_int_equal(rel_kb_find_alias(kb, "Iran", REL_NTS, -1, out, 2, &count), REL_ERR_ARG);
    assert_int_equal(rel_kb_find_alias(NULL, "Iran", REL_NTS, REL_MATCH_EXACT, out, 2, &count), REL_ERR_ARG);
    assert_int_equal(rel_kb_find_alias(kb, NULL, REL_NTS, REL_MATCH_EXACT, out, 2, &count), REL_ERR_ARG);
    assert_int_equal(rel_kb_find_alias(kb, "Iran", REL_NTS, REL_MATCH_EXACT, out, 2, NULL), REL_ERR_ARG);
    assert_int_equal(rel_kb_find_alias(kb, "Iran", REL_NTS, REL_MATCH_EXACT, NULL, 1, &count), REL_ERR_ARG);
    assert_ptr_equal(out[0], POISON);
}

/* ---- rel_text_normalise() ----------------------------------------------- */

static void test_alias__normalise_nfc(void **state)
{
    (void)state;
    /* "e" + COMBINING ACUTE ACCENT composes to U+00E9. */
    assert_string_equal(normalise("e\xCC\x81", REL_NTS), "\xC3\xA9");
    assert_string_equal(normalise("\xC3\xA9", REL_NTS), "\xC3\xA9");
    /* Hangul jamo compose to the syllable. */
    assert_string_equal(normalise("\xE1\x84\x8B\xE1\x85\xB5", REL_NTS), "이");
}

static void test_alias__normalise_case_folding(void **state)
{
    (void)state;
    assert_string_equal(normalise("ÉCOLE", REL_NTS), "école");
    assert_string_equal(normalise("Straße", REL_NTS), "strasse");
    assert_string_equal(normalise("ΣΟΦΙΑ", REL_NTS), "σοφια");
    assert_string_equal(normalise("North KOREA", REL_NTS), "north korea");
    /* Scripts without case are left alone. */
    assert_string_equal(normalise("روابط ایران", REL_NTS), "روابط ایران");
}

static void test_alias__normalise_dashes(void **state)
{
    static const char *const dashes[] = {
        /* U+2010 to U+2015 */
        "\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x92", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95",
        /* U+2E3A TWO-EM DASH, U+FE63 SMALL HYPHEN-MINUS: also Pd */
        "\xE2\xB8\xBA", "\xEF\xB9\xA3",
        /* U+2212 MINUS SIGN: Sm, but in utf8proc's lump table */
        "\xE2\x88\x92",
    };
    char text[32];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(dashes) / sizeof(dashes[0]); i++) {
        snprintf(text, sizeof(text), "Iran%sIraq", dashes[i]);
        if (strcmp(normalise(text, REL_NTS), "iran-iraq") != 0)
            fail_msg("dash %zu: \"%s\" normalises to \"%s\"", i, text, normalise(text, REL_NTS));
    }
    /* Other punctuation stays. */
    assert_string_equal(normalise("Iran_Iraq", REL_NTS), "iran_iraq");
    assert_string_equal(normalise("Iran/Iraq", REL_NTS), "iran/iraq");
}

static void test_alias__normalise_apostrophes(void **state)
{
    (void)state;
    assert_string_equal(normalise("Iran’s", REL_NTS), "iran's");       /* U+2019 */
    assert_string_equal(normalise("Iran‘s", REL_NTS), "iran's");       /* U+2018 */
    assert_string_equal(normalise("Iran\xCA\xBCs", REL_NTS), "iran's"); /* U+02BC */
    assert_string_equal(normalise("Iran's", REL_NTS), "iran's");
}

static void test_alias__normalise_white_space(void **state)
{
    (void)state;
    assert_string_equal(normalise("  north   KOREA ", REL_NTS), "north korea");
    assert_string_equal(normalise("a\tb\nc\r\nd", REL_NTS), "a b c d");
    assert_string_equal(normalise("a\xC2\xA0" "b\xE2\x80\x83" "c", REL_NTS), "a b c"); /* NBSP, em space */
    /* LINE SEPARATOR and PARAGRAPH SEPARATOR are white space too. */
    assert_string_equal(normalise("\xE2\x80\xA8north\xE2\x80\xA9 korea\xE2\x80\xA8", REL_NTS), "north korea");
    assert_string_equal(normalise(" \t\n ", REL_NTS), "");
    assert_string_equal(normalise("", REL_NTS), "");
}

static void test_alias__normalise_removes_control_characters(void **state)
{
    (void)state;
    assert_string_equal(normalise("Ir\x01" "an\x7F", REL_NTS), "iran");
    assert_string_equal(normalise("\x1B[0mIran", REL_NTS), "[0miran");
}

/* Found by fuzz_normalise: a control character between two combining marks
 * kept them out of canonical order and uncomposed, so the result was not
 * NFC, did not match the same text without the control, and changed when
 * normalised again. */
static void test_alias__control_between_combining_marks(void **state)
{
    /* e, U+0323 (dot below), U+0301 (acute) in NFC: U+1EB9 U+0301. */
    static const char nfc[] = "\xE1\xBA\xB9\xCC\x81";
    char once[32];

    (void)state;
    assert_string_equal(normalise("e\xCC\xA3\xCC\x81", REL_NTS), nfc);
    assert_string_equal(normalise("e\xCC\x81\xCC\xA3", REL_NTS), nfc);
    assert_string_equal(normalise("e\xCC\x81\x03\xCC\xA3", REL_NTS), nfc);          /* a C0 control */
    assert_string_equal(normalise("E\xCC\x81\xC2\x9B\xCC\xA3", REL_NTS), nfc);      /* a C1 control */
    assert_string_equal(normalise("\xCC\x83\x03\xCC\xAC", REL_NTS), "\xCC\xAC\xCC\x83"); /* marks alone */
    /* Normalising the result again changes nothing. */
    snprintf(once, sizeof(once), "%s", normalise("e\xCC\x81\x7F\xCC\xA3", REL_NTS));
    assert_string_equal(normalise(once, REL_NTS), once);
    /* Controls that become spaces still separate. */
    assert_string_equal(normalise("e\xCC\x81\t\xCC\xA3", REL_NTS), "\xC3\xA9 \xCC\xA3");
}

static void test_alias__normalise_explicit_length(void **state)
{
    (void)state;
    assert_string_equal(normalise("IRAN and more", 4), "iran");
    assert_string_equal(normalise("IRAN\xFF", 4), "iran");
}

static void test_alias__normalise_length_query(void **state)
{
    size_t len = 0;

    (void)state;
    assert_int_equal(rel_text_normalise("ÉCOLE", REL_NTS, NULL, 0, &len), REL_ERR_RANGE);
    assert_int_equal(len, strlen("école"));
    assert_int_equal(rel_text_normalise("  north   KOREA ", REL_NTS, NULL, 0, &len), REL_ERR_RANGE);
    assert_int_equal(len, strlen("north korea"));
    /* The exact room fits. */
    {
        char buf[7];
        assert_int_equal(rel_text_normalise("ÉCOLE", REL_NTS, buf, sizeof(buf), &len), REL_OK);
        assert_string_equal(buf, "école");
        assert_int_equal(rel_text_normalise("ÉCOLE", REL_NTS, buf, sizeof(buf), NULL), REL_OK);
    }
}

static void test_alias__normalise_truncation_keeps_characters_whole(void **state)
{
    char buf[8];
    size_t len = 0, cap;

    (void)state;
    /* "école" is c3 a9 63 6f 6c 65: a cap of 2 leaves room for one byte, not for é. */
    memset(buf, 'x', sizeof(buf));
    assert_int_equal(rel_text_normalise("ÉCOLE", REL_NTS, buf, 2, &len), REL_ERR_RANGE);
    assert_int_equal(len, 6);
    assert_string_equal(buf, "");
    assert_int_equal(buf[2], 'x');
    assert_int_equal(rel_text_normalise("ÉCOLE", REL_NTS, buf, 3, &len), REL_ERR_RANGE);
    assert_string_equal(buf, "é");
    assert_int_equal(rel_text_normalise("ÉCOLE", REL_NTS, buf, 6, &len), REL_ERR_RANGE);
    assert_string_equal(buf, "écol");
    /* Korean: three bytes a syllable; every cap gives whole syllables. */
    for (cap = 1; cap <= 7; cap++) {
        assert_int_equal(rel_text_normalise("이란 관계", REL_NTS, buf, cap, &len), REL_ERR_RANGE);
        assert_int_equal(len, strlen("이란 관계"));
        assert_int_equal(strlen(buf), cap <= 3 ? 0 : cap <= 6 ? 3 : 6);
    }
}

static void test_alias__normalise_invalid_utf8(void **state)
{
    char buf[16];
    size_t len = 0;

    (void)state;
    assert_int_equal(rel_text_normalise("Iran\xFF", REL_NTS, buf, sizeof(buf), &len), REL_ERR_UTF8);
    assert_int_equal(rel_text_normalise("\xC3", REL_NTS, buf, sizeof(buf), &len), REL_ERR_UTF8);
    assert_int_equal(rel_text_normalise("\xED\xA0\x80", REL_NTS, buf, sizeof(buf), &len), REL_ERR_UTF8);
    assert_int_equal(rel_text_normalise("\xC0\xAF", REL_NTS, buf, sizeof(buf), &len), REL_ERR_UTF8);
    assert_int_equal(rel_text_normalise("Iran\xFF", REL_NTS, NULL, 0, &len), REL_ERR_UTF8);
}

static void test_alias__normalise_embedded_nul(void **state)
{
    char buf[16];
    size_t len = 0;

    (void)state;
    assert_int_equal(rel_text_normalise("Ir\0an", 5, buf, sizeof(buf), &len), REL_ERR_UTF8);
    assert_int_equal(rel_text_normalise("\0", 1, buf, sizeof(buf), &len), REL_ERR_UTF8);
}

static void test_alias__normalise_bad_arguments(void **state)
{
    char buf[16];
    size_t len = 0;

    (void)state;
    assert_int_equal(rel_text_normalise(NULL, 0, buf, sizeof(buf), &len), REL_ERR_ARG);
    assert_int_equal(rel_text_normalise(NULL, REL_NTS, buf, sizeof(buf), &len), REL_ERR_ARG);
    assert_int_equal(rel_text_normalise("Iran", REL_NTS, NULL, 4, &len), REL_ERR_ARG);
}

static void test_alias__normalise_is_idempotent(void **state)
{
    const rel_kb *kb = *state;
    char once[512], twice[512];
    size_t i, j, len;

    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        for (j = 0; j < rel_entity_alias_count(e); j++) {
            assert_int_equal(rel_text_normalise(rel_entity_alias_text(e, j, NULL), REL_NTS, once, sizeof(once), &len),
                             REL_OK);
            assert_int_equal(rel_text_normalise(once, len, twice, sizeof(twice), NULL), REL_OK);
            assert_string_equal(once, twice);
        }
    }
}

/* ---- JSON names of codes ------------------------------------------------- */

static void test_alias__entity_kind_names(void **state)
{
    static const char *const names[] = {
        "other", "state", "polity", "organisation", "group", "person", "place",
        "artifact", "weapon", "publication", "treaty", "conflict", "period", "ideology",
    };
    int32_t i, code;

    (void)state;
    assert_int_equal(REL_ENTITY_IDEOLOGY + 1, (int32_t)(sizeof(names) / sizeof(names[0])));
    for (i = REL_ENTITY_OTHER; i <= REL_ENTITY_IDEOLOGY; i++) {
        assert_string_equal(rel_entity_kind_name(i), names[i]);
        code = -5;
        assert_int_equal(rel_entity_kind_from_name(names[i], REL_NTS, &code), REL_OK);
        assert_int_equal(code, i);
    }
    assert_null(rel_entity_kind_name(-1));
    assert_null(rel_entity_kind_name(REL_ENTITY_IDEOLOGY + 1));
    assert_null(rel_entity_kind_name(INT32_MAX));
    code = -5;
    assert_int_equal(rel_entity_kind_from_name("stat", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_entity_kind_from_name("State", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_entity_kind_from_name("states", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_entity_kind_from_name("", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(code, -5);
    assert_int_equal(rel_entity_kind_from_name("statesman", 5, &code), REL_OK);
    assert_int_equal(code, REL_ENTITY_STATE);
    assert_int_equal(rel_entity_kind_from_name(NULL, 0, &code), REL_ERR_ARG);
    assert_int_equal(rel_entity_kind_from_name("state", REL_NTS, NULL), REL_ERR_ARG);
}

static void test_alias__role_names(void **state)
{
    static const char *const names[] = {
        "participant", "agent", "recipient", "target", "location", "instrument", "theme", "context",
    };
    int32_t i, code;

    (void)state;
    assert_int_equal(REL_ROLE_CONTEXT + 1, (int32_t)(sizeof(names) / sizeof(names[0])));
    for (i = REL_ROLE_PARTICIPANT; i <= REL_ROLE_CONTEXT; i++) {
        assert_string_equal(rel_role_name(i), names[i]);
        assert_int_equal(rel_role_from_name(names[i], REL_NTS, &code), REL_OK);
        assert_int_equal(code, i);
    }
    assert_null(rel_role_name(-1));
    assert_null(rel_role_name(REL_ROLE_CONTEXT + 1));
    assert_int_equal(rel_role_from_name("actor", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_role_from_name("Agent", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_role_from_name(NULL, REL_NTS, &code), REL_ERR_ARG);
    assert_int_equal(rel_role_from_name("agent", REL_NTS, NULL), REL_ERR_ARG);
}

static void test_alias__modality_names(void **state)
{
    static const char *const names[] = {
        NULL, "asserted", "reported", "alleged", "presumed", "believed", "disputed", "denied", "hedged",
    };
    int32_t i, code;

    (void)state;
    assert_int_equal(REL_MODALITY_HEDGED + 1, (int32_t)(sizeof(names) / sizeof(names[0])));
    assert_null(rel_modality_name(REL_MODALITY_NONE));
    for (i = REL_MODALITY_ASSERTED; i <= REL_MODALITY_HEDGED; i++) {
        assert_string_equal(rel_modality_name(i), names[i]);
        assert_int_equal(rel_modality_from_name(names[i], REL_NTS, &code), REL_OK);
        assert_int_equal(code, i);
    }
    assert_null(rel_modality_name(-1));
    assert_null(rel_modality_name(REL_MODALITY_HEDGED + 1));
    code = -5;
    assert_int_equal(rel_modality_from_name("none", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_modality_from_name("", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_modality_from_name("Asserted", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(code, -5);
    assert_int_equal(rel_modality_from_name(NULL, REL_NTS, &code), REL_ERR_ARG);
    assert_int_equal(rel_modality_from_name("asserted", REL_NTS, NULL), REL_ERR_ARG);
}

static void test_alias__relation_names(void **state)
{
    static const char *const names[] = {NULL, "supports", "contradicts", "disputes", "rewords", "hedges"};
    int32_t i, code;

    (void)state;
    assert_int_equal(REL_RELATION_HEDGES + 1, (int32_t)(sizeof(names) / sizeof(names[0])));
    assert_null(rel_relation_name(0));
    for (i = REL_RELATION_SUPPORTS; i <= REL_RELATION_HEDGES; i++) {
        assert_string_equal(rel_relation_name(i), names[i]);
        assert_int_equal(rel_relation_from_name(names[i], REL_NTS, &code), REL_OK);
        assert_int_equal(code, i);
    }
    assert_null(rel_relation_name(-1));
    assert_null(rel_relation_name(REL_RELATION_HEDGES + 1));
    assert_int_equal(rel_relation_from_name("support", REL_NTS, &code), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_relation_from_name("supportsX", 8, &code), REL_OK);
    assert_int_equal(code, REL_RELATION_SUPPORTS);
    assert_int_equal(rel_relation_from_name(NULL, REL_NTS, &code), REL_ERR_ARG);
    assert_int_equal(rel_relation_from_name("supports", REL_NTS, NULL), REL_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alias__dash_and_case_insensitive),
        cmocka_unit_test(test_alias__exact_is_byte_for_byte),
        cmocka_unit_test(test_alias__curly_and_straight_apostrophes),
        cmocka_unit_test(test_alias__white_space_and_case),
        cmocka_unit_test(test_alias__korean_and_persian_titles),
        cmocka_unit_test(test_alias__canonical_names_count),
        cmocka_unit_test(test_alias__every_alias_finds_its_entity),
        cmocka_unit_test(test_alias__each_entity_once),
        cmocka_unit_test(test_alias__several_matches_in_order_added),
        cmocka_unit_test(test_alias__cap_smaller_than_count),
        cmocka_unit_test(test_alias__count_only),
        cmocka_unit_test(test_alias__explicit_length),
        cmocka_unit_test(test_alias__unknown_name),
        cmocka_unit_test(test_alias__invalid_utf8),
        cmocka_unit_test(test_alias__bad_arguments),
        cmocka_unit_test(test_alias__normalise_nfc),
        cmocka_unit_test(test_alias__normalise_case_folding),
        cmocka_unit_test(test_alias__normalise_dashes),
        cmocka_unit_test(test_alias__normalise_apostrophes),
        cmocka_unit_test(test_alias__normalise_white_space),
        cmocka_unit_test(test_alias__normalise_removes_control_characters),
        cmocka_unit_test(test_alias__control_between_combining_marks),
        cmocka_unit_test(test_alias__normalise_explicit_length),
        cmocka_unit_test(test_alias__normalise_length_query),
        cmocka_unit_test(test_alias__normalise_truncation_keeps_characters_whole),
        cmocka_unit_test(test_alias__normalise_invalid_utf8),
        cmocka_unit_test(test_alias__normalise_embedded_nul),
        cmocka_unit_test(test_alias__normalise_bad_arguments),
        cmocka_unit_test(test_alias__normalise_is_idempotent),
        cmocka_unit_test(test_alias__entity_kind_names),
        cmocka_unit_test(test_alias__role_names),
        cmocka_unit_test(test_alias__modality_names),
        cmocka_unit_test(test_alias__relation_names),
    };

    return cmocka_run_group_tests_name("alias", tests, helper_setup_builtin, helper_teardown_kb);
}
