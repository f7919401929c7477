/* SPDX-License-Identifier: MIT */
/*
 * The snapshot file format (lib/snapshot_*.c): a saved knowledge base reads
 * back the same through every call, refuses writes, and every damaged or
 * forged file is refused with REL_ERR_FORMAT and a message that says why.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <relations.h>

#include "helpers.h"
#include "snapshot_format.h"
#include "snapshot_impl.h"
#include "time_impl.h"

#define ANNOTATION REL_TEST_DATA_DIR "/iran-north-korea.json"

/* ---- fixtures ----------------------------------------------------------- */

static char scratch[64];

static int setup_scratch(void **state)
{
    (void)state;
    snprintf(scratch, sizeof(scratch), "/tmp/relations-test-snapshot-XXXXXX");
    return mkdtemp(scratch) ? 0 : -1;
}

static void empty_scratch(void)
{
    DIR *d = opendir(scratch);
    struct dirent *e;
    char path[512];

    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", scratch, e->d_name);
        if (rmdir(path) != 0)
            unlink(path);
    }
    closedir(d);
}

static int teardown_scratch(void **state)
{
    (void)state;
    empty_scratch();
    return rmdir(scratch);
}

static const char *scratch_path(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", scratch, name);
    return buf;
}

/* How many entries the scratch folder holds. */
static size_t scratch_entries(void)
{
    DIR *d = opendir(scratch);
    struct dirent *e;
    size_t n = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void write_bytes(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* Saves kb under name in the scratch folder and reads the file back; free() it. */
static char *save_and_read(const rel_kb *kb, const char *name, char *path, size_t cap, size_t *len)
{
    rel_error err;
    char *bytes;

    scratch_path(path, cap, name);
    assert_int_equal(rel_kb_save_snapshot(kb, path, &err), REL_OK);
    bytes = helper_read_file(path, len);
    assert_non_null(bytes);
    return bytes;
}

static rel_kb *open_snapshot(const char *path)
{
    rel_kb *kb = NULL;
    rel_error err;

    if (rel_kb_open_snapshot(&kb, path, NULL, &err) != REL_OK)
        fail_msg("cannot open %s: %s", path, err.message);
    return kb;
}

/* Opens bytes written to a file: the status, with the message in err. */
static rel_status open_bytes(const void *data, size_t len, rel_error *err)
{
    char path[256];
    rel_kb *kb = NULL;
    rel_status st;

    write_bytes(scratch_path(path, sizeof(path), "probe.rel"), data, len);
    st = rel_kb_open_snapshot(&kb, path, NULL, err);
    assert_true(st == REL_OK ? kb != NULL : kb == NULL);
    rel_kb_free(kb);
    return st;
}

/* Puts the checksum of the bytes after the preamble into the header, as the writer does. */
static void reseal(char *data, size_t len)
{
    snap_preamble *p = (snap_preamble *)(void *)data;

    p->checksum = XXH3_64bits(data + sizeof(*p), len - sizeof(*p));
}

static void assert_same_export(const rel_kb *a, const rel_kb *b)
{
    size_t la, lb;
    char *ea = helper_export(a, &la), *eb = helper_export(b, &lb);

    assert_non_null(ea);
    assert_non_null(eb);
    assert_int_equal(la, lb);
    assert_memory_equal(ea, eb, la);
    free(ea);
    free(eb);
}

/* A small knowledge base with one of everything: every value kind, a version, a relation, a gap. */
static rel_kb *small_kb(const rel_kb_options *opts)
{
    static const char text_a[] = "Iran and North Korea signed a pact in 1985. Trade grew by 40 percent.";
    static const char text_b[] = "Iran and North Korea signed an accord in 1985. Trade grew.";
    rel_source_spec src = REL_SOURCE_SPEC_INIT;
    rel_claim_spec c = REL_CLAIM_SPEC_INIT;
    rel_kb *kb = NULL;

    if (rel_kb_new(&kb, opts) != REL_OK)
        return NULL;
    src.id_len = src.text_len = src.title_len = src.lang_len = src.revises_len = REL_NTS;
    c.id_len = c.predicate_len = c.claimant_len = REL_NTS;
    c.subject.str_len = c.object.str_len = c.object.words_len = REL_NTS;
    src.id = "va";
    src.text = text_a;
    src.title = "Version A";
    src.lang = "en";
    assert_int_equal(rel_kb_add_source(kb, &src), REL_OK);
    src.id = "vb";
    src.text = text_b;
    src.revises = "va";
    src.title = "Version B";
    assert_int_equal(rel_kb_add_source(kb, &src), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "iran", REL_NTS, REL_ENTITY_STATE, "Iran", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_alias(kb, "iran", REL_NTS, "Persia", REL_NTS, "en", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "dprk", REL_NTS, REL_ENTITY_STATE, "North Korea", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_alias(kb, "dprk", REL_NTS, "north korea", REL_NTS, "en", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_alias(kb, "iran", REL_NTS, "North-Korea", REL_NTS, "xx", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "iran", REL_NTS, "va", REL_NTS, 0, 4), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "dprk", REL_NTS, "vb", REL_NTS, 9, 20), REL_OK);
    assert_int_equal(rel_kb_add_event(kb, "pact", REL_NTS, "AGREE.treaty", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_set_event_time(kb, "pact", REL_NTS, "1985", REL_NTS, "in 1985", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_participant(kb, "pact", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT), REL_OK);
    assert_int_equal(rel_kb_add_participant(kb, "pact", REL_NTS, "dprk", REL_NTS, REL_ROLE_RECIPIENT), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "pact", REL_NTS, "va", REL_NTS, 21, 34), REL_OK);
    assert_int_equal(rel_kb_add_event(kb, "talks", REL_NTS, "CONSULT", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_predicate(kb, "trade_growth", REL_NTS, REL_PREDICATE_FUNCTIONAL), REL_OK);
    assert_int_equal(rel_kb_add_predicate(kb, "note", REL_NTS, 0), REL_OK);

    c.id = "c-growth";
    c.subject.kind = REL_VALUE_ENTITY;
    c.subject.str = "iran";
    c.predicate = "trade_growth";
    c.object.kind = REL_VALUE_QUANTITY;
    c.object.number = 40;
    c.object.str = "percent";
    c.claimant = "iran";
    c.modality = REL_MODALITY_ASSERTED;
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "c-growth", REL_NTS, "va", REL_NTS, 44, 69), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "c-growth", REL_NTS, "vb", REL_NTS, 47, 58), REL_OK);
    assert_int_equal(rel_kb_set_claim_version(kb, "c-growth", REL_NTS, "vb", REL_NTS, "dprk", REL_NTS,
                                              REL_MODALITY_REPORTED),
                     REL_OK);

    c.id = "c-growth-2";
    c.object.number = 12.5;
    c.polarity = REL_POLARITY_NEGATIVE;
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "c-growth-2", REL_NTS, "vb", REL_NTS, 47, 57), REL_OK);

    c.id = "c-when";
    c.subject.kind = REL_VALUE_EVENT;
    c.subject.str = "pact";
    c.predicate = "note";
    c.object.kind = REL_VALUE_TIME;
    c.object.str = "1985/1986";
    c.object.words = "in 1985";
    c.polarity = REL_POLARITY_POSITIVE;
    c.modality = REL_MODALITY_HEDGED;
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);

    c.id = "c-said";
    c.subject.kind = REL_VALUE_CLAIM;
    c.subject.str = "c-when";
    c.object.kind = REL_VALUE_LITERAL;
    c.object.str = "a pact, or an accord";
    c.object.words = NULL;
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    assert_int_equal(rel_kb_add_claim_relation(kb, "c-said", REL_NTS, REL_RELATION_REWORDS, "c-when", REL_NTS),
                     REL_OK);

    c.id = "c-bare";
    c.subject.kind = REL_VALUE_ENTITY;
    c.subject.str = "dprk";
    c.object.kind = REL_VALUE_NONE;
    c.object.str = NULL;
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    c.id = "c-event";
    c.object.kind = REL_VALUE_EVENT;
    c.object.str = "talks";
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);

    assert_int_equal(rel_kb_add_unannotated(kb, "vb", REL_NTS, 0, 8, "not a claim", REL_NTS), REL_OK);
    return kb;
}

/* ---- round trips ---------------------------------------------------------- */

static void test_snapshot_format__builtin_exports_the_same_json(void **state)
{
    rel_kb *kb = helper_open_builtin(), *snap;
    char path[256];

    (void)state;
    free(save_and_read(kb, "builtin.rel", path, sizeof(path), NULL));
    snap = open_snapshot(path);
    assert_true(rel_kb_is_read_only(snap));
    assert_false(rel_kb_is_read_only(kb));
    assert_false(rel_kb_is_read_only(NULL));
    assert_same_export(kb, snap);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

static void test_snapshot_format__small_kb_exports_the_same_json(void **state)
{
    rel_kb *kb = small_kb(NULL), *snap;
    char path[256];

    (void)state;
    free(save_and_read(kb, "small.rel", path, sizeof(path), NULL));
    snap = open_snapshot(path);
    assert_same_export(kb, snap);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

static void test_snapshot_format__an_empty_kb_round_trips(void **state)
{
    rel_kb *kb = NULL, *snap;
    char path[256];

    (void)state;
    assert_int_equal(rel_kb_new(&kb, NULL), REL_OK);
    free(save_and_read(kb, "empty.rel", path, sizeof(path), NULL));
    snap = open_snapshot(path);
    assert_int_equal(rel_kb_source_count(snap), 0);
    assert_int_equal(rel_kb_claim_count(snap), 0);
    assert_null(rel_kb_entity_at(snap, 0));
    assert_int_equal(rel_kb_id_kind(snap, "x", REL_NTS), REL_OBJECT_NONE);
    assert_same_export(kb, snap);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/* Saving a snapshot of a snapshot gives the same bytes: nothing is lost or reordered on the way. */
static void test_snapshot_format__a_snapshot_saves_the_same_bytes_again(void **state)
{
    rel_kb *kb = helper_open_builtin(), *snap;
    char path[256], again[256];
    size_t len, len2;
    char *first = save_and_read(kb, "first.rel", path, sizeof(path), &len), *second;

    (void)state;
    snap = open_snapshot(path);
    second = save_and_read(snap, "second.rel", again, sizeof(again), &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(first, second, len);
    free(first);
    free(second);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/* Every lookup answers on the snapshot what it answers on the original, with the snapshot's own handles. */
static void test_snapshot_format__lookups_agree(void **state)
{
    rel_kb *kb = helper_open_builtin(), *snap;
    const rel_entity *found[16], *orig[16];
    const rel_source *src;
    const rel_claim *claim;
    char path[256];
    size_t i, j, n, m;

    (void)state;
    free(save_and_read(kb, "lookups.rel", path, sizeof(path), NULL));
    snap = open_snapshot(path);
    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i), *se = rel_kb_entity_at(snap, i), *by_id;
        const char *id = rel_entity_id(e, NULL);
        assert_int_equal(rel_kb_find_entity(snap, id, REL_NTS, &by_id), REL_OK);
        assert_ptr_equal(by_id, se);
        assert_int_equal(rel_kb_id_kind(snap, id, REL_NTS), REL_OBJECT_ENTITY);
        for (j = 0; j <= rel_entity_alias_count(e); j++) {
            const char *alias = j ? rel_entity_alias_text(e, j - 1, NULL) : rel_entity_name(e, NULL);
            int32_t match;
            for (match = REL_MATCH_EXACT; match <= REL_MATCH_NORMALISED; match++) {
                size_t k;
                assert_int_equal(rel_kb_find_alias(kb, alias, REL_NTS, match, orig, 16, &n), REL_OK);
                assert_int_equal(rel_kb_find_alias(snap, alias, REL_NTS, match, found, 16, &m), REL_OK);
                assert_int_equal(n, m);
                for (k = 0; k < n && k < 16; k++)
                    assert_string_equal(rel_entity_id(orig[k], NULL), rel_entity_id(found[k], NULL));
            }
        }
    }
    assert_int_equal(rel_kb_find_alias(snap, "no such name", REL_NTS, REL_MATCH_NORMALISED, found, 16, &n),
                     REL_ERR_NOT_FOUND);
    assert_int_equal(n, 0);
    assert_int_equal(rel_kb_find_alias(snap, "\xff", 1, REL_MATCH_EXACT, found, 16, &n), REL_ERR_UTF8);
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev;
        assert_int_equal(rel_kb_find_event(snap, rel_event_id(rel_kb_event_at(kb, i), NULL), REL_NTS, &ev), REL_OK);
        assert_ptr_equal(ev, rel_kb_event_at(snap, i));
    }
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        assert_int_equal(rel_kb_find_claim(snap, rel_claim_id(rel_kb_claim_at(kb, i), NULL), REL_NTS, &claim), REL_OK);
        assert_ptr_equal(claim, rel_kb_claim_at(snap, i));
    }
    assert_int_equal(rel_kb_find_claim(snap, rel_entity_id(rel_kb_entity_at(kb, 0), NULL), REL_NTS, &claim),
                     REL_ERR_NOT_FOUND);
    assert_null(claim);
    assert_int_equal(rel_kb_find_source(snap, "001", REL_NTS, &src), REL_OK);
    assert_ptr_equal(src, rel_kb_source_at(snap, 1));
    assert_int_equal(rel_source_index(src), 1);
    assert_int_equal(rel_kb_find_source(snap, "00", REL_NTS, &src), REL_ERR_AMBIGUOUS);
    assert_int_equal(rel_kb_find_source(snap, "9", REL_NTS, &src), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_predicate_count(snap), rel_kb_predicate_count(kb));
    for (i = 0; i < rel_kb_predicate_count(kb); i++) {
        const char *name = rel_kb_predicate_name(kb, i, NULL);
        assert_string_equal(rel_kb_predicate_name(snap, i, NULL), name);
        assert_int_equal(rel_kb_predicate_flags(snap, i), rel_kb_predicate_flags(kb, i));
        assert_int_equal(rel_kb_predicate_is_functional(snap, name, REL_NTS),
                         rel_kb_predicate_is_functional(kb, name, REL_NTS));
    }
    assert_null(rel_kb_predicate_name(snap, rel_kb_predicate_count(kb), &n));
    assert_int_equal(n, 0);
    assert_int_equal(rel_kb_predicate_is_functional(snap, "no_such_predicate", REL_NTS), 0);
    assert_null(rel_kb_unannotated_at(snap, rel_kb_unannotated_count(kb)));
    assert_null(rel_kb_unannotated_reason(snap, rel_kb_unannotated_count(kb), NULL));
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/* Getters out of range, values of every kind, times that time.h accepts, quotes and code points. */
static void test_snapshot_format__getters_agree_on_the_small_kb(void **state)
{
    rel_kb *kb = small_kb(NULL), *snap;
    const rel_claim *c, *sc;
    const rel_event *ev;
    const rel_time *t;
    rel_time *copy = NULL;
    rel_time_bounds b, sb;
    rel_quote q = {"Trade grew", REL_NTS, NULL, 0, NULL, 0};
    uint64_t start, end;
    double number;
    char buf[64], path[256];
    size_t len;

    (void)state;
    free(save_and_read(kb, "getters.rel", path, sizeof(path), NULL));
    snap = open_snapshot(path);
    assert_int_equal(rel_kb_find_event(snap, "pact", REL_NTS, &ev), REL_OK);
    t = rel_event_time(ev);
    assert_non_null(t);
    assert_int_equal(rel_time_format(t, buf, sizeof(buf), &len), REL_OK);
    assert_string_equal(buf, "1985");
    assert_string_equal(rel_event_time_text(ev, NULL), "in 1985");
    assert_int_equal(rel_time_copy(&copy, t), REL_OK);
    assert_int_equal(rel_time_compare(copy, t), 0);
    rel_time_free(copy);
    assert_int_equal(rel_event_participant_role(ev, 1), REL_ROLE_RECIPIENT);
    assert_int_equal(rel_event_participant_role(ev, 2), -1);
    assert_null(rel_event_participant_entity(ev, 2));
    assert_null(rel_event_evidence_at(ev, 1));
    assert_int_equal(rel_kb_find_event(snap, "talks", REL_NTS, &ev), REL_OK);
    assert_null(rel_event_time(ev));
    assert_null(rel_event_time_text(ev, &len));
    assert_int_equal(len, 0);

    assert_int_equal(rel_kb_find_claim(snap, "c-growth", REL_NTS, &sc), REL_OK);
    assert_int_equal(rel_kb_find_claim(kb, "c-growth", REL_NTS, &c), REL_OK);
    assert_int_equal(rel_value_quantity(rel_claim_object(sc), &number), REL_OK);
    assert_true(number == 40);
    assert_string_equal(rel_value_text(rel_claim_object(sc), NULL), "percent");
    assert_null(rel_value_text(rel_claim_subject(sc), NULL));
    assert_int_equal(rel_value_quantity(rel_claim_subject(sc), &number), REL_ERR_ARG);
    assert_null(rel_value_time(rel_claim_object(sc)));
    assert_null(rel_value_event(rel_claim_subject(sc)));
    assert_string_equal(rel_entity_id(rel_value_entity(rel_claim_subject(sc)), NULL), "iran");
    assert_string_equal(rel_entity_id(rel_claim_claimant_in(sc, rel_kb_source_at(snap, 1)), NULL), "dprk");
    assert_int_equal(rel_claim_modality_in(sc, rel_kb_source_at(snap, 1)), REL_MODALITY_REPORTED);
    assert_int_equal(rel_claim_modality_in(sc, rel_kb_source_at(snap, 0)), REL_MODALITY_ASSERTED);
    assert_int_equal(rel_claim_relation_count(sc), 0);
    assert_int_equal(rel_claim_relation_type(sc, 0), 0);
    assert_null(rel_claim_relation_target(sc, 0));
    assert_null(rel_claim_evidence_at(sc, 2));

    assert_int_equal(rel_kb_find_claim(snap, "c-when", REL_NTS, &sc), REL_OK);
    assert_int_equal(rel_kb_find_claim(kb, "c-when", REL_NTS, &c), REL_OK);
    assert_int_equal(rel_time_get_bounds(rel_value_time(rel_claim_object(sc)), &sb), REL_OK);
    assert_int_equal(rel_time_get_bounds(rel_value_time(rel_claim_object(c)), &b), REL_OK);
    assert_memory_equal(&b, &sb, sizeof(b));
    assert_int_equal(rel_kb_find_claim(snap, "c-said", REL_NTS, &sc), REL_OK);
    assert_string_equal(rel_claim_id(rel_value_claim(rel_claim_subject(sc)), NULL), "c-when");
    assert_string_equal(rel_claim_id(rel_claim_relation_target(sc, 0), NULL), "c-when");

    assert_int_equal(rel_source_find_quote(rel_kb_source_at(snap, 0), &q, &start, &end), REL_OK);
    assert_int_equal(start, 44);
    assert_int_equal(rel_source_find_quote(rel_kb_source_at(snap, 1), &q, &start, &end), REL_OK);
    assert_int_equal(rel_evidence_codepoints(rel_kb_unannotated_at(snap, 0), &start, &end), REL_OK);
    assert_int_equal(end, 8);
    assert_ptr_equal(rel_source_revises(rel_kb_source_at(snap, 1)), rel_kb_source_at(snap, 0));
    assert_null(rel_source_revises(rel_kb_source_at(snap, 0)));
    assert_string_equal(rel_source_lang(rel_kb_source_at(snap, 1), NULL), "en");
    assert_null(rel_source_url(rel_kb_source_at(snap, 1), &len));
    assert_null(rel_entity_alias_text(rel_kb_entity_at(snap, 0), 2, NULL));
    assert_null(rel_entity_alias_lang(rel_kb_entity_at(snap, 0), 2, NULL));
    assert_null(rel_entity_evidence_at(rel_kb_entity_at(snap, 0), 1));
    assert_int_equal(rel_kb_id_kind(snap, "va", REL_NTS), REL_OBJECT_SOURCE);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

static int same_difference(const rel_difference *x, const rel_difference *y)
{
    int32_t side;

    if (rel_difference_kind(x) != rel_difference_kind(y) ||
        rel_difference_object_kind(x) != rel_difference_object_kind(y) ||
        rel_difference_change_count(x) != rel_difference_change_count(y))
        return 0;
    for (side = REL_SIDE_A; side <= REL_SIDE_B; side++) {
        const rel_claim *cx = rel_difference_claim(x, side), *cy = rel_difference_claim(y, side);
        if (rel_difference_evidence_count(x, side) != rel_difference_evidence_count(y, side) ||
            rel_difference_modality(x, side) != rel_difference_modality(y, side) || !cx != !cy ||
            (cx && strcmp(rel_claim_id(cx, NULL), rel_claim_id(cy, NULL)) != 0))
            return 0;
    }
    return 1;
}

static void assert_same_diff(const rel_diff *x, const rel_diff *y)
{
    size_t i;

    assert_int_equal(rel_diff_count(x), rel_diff_count(y));
    for (i = 0; i < rel_diff_count(x); i++)
        assert_true(same_difference(rel_diff_at(x, i), rel_diff_at(y, i)));
}

static void test_snapshot_format__diffs_agree(void **state)
{
    rel_kb *kb = helper_open_builtin(), *snap;
    rel_diff *dx, *dy;
    rel_error err;
    char path[256];
    size_t a, b;

    (void)state;
    free(save_and_read(kb, "diff.rel", path, sizeof(path), NULL));
    snap = open_snapshot(path);
    for (a = 0; a < rel_kb_source_count(kb); a++) {
        for (b = 0; b < rel_kb_source_count(kb); b++) {
            if (a == b) {
                assert_int_equal(rel_diff_within(&dx, kb, rel_kb_source_at(kb, a), &err), REL_OK);
                assert_int_equal(rel_diff_within(&dy, snap, rel_kb_source_at(snap, a), &err), REL_OK);
            } else {
                assert_int_equal(rel_diff_sources(&dx, kb, rel_kb_source_at(kb, a), rel_kb_source_at(kb, b), &err),
                                 REL_OK);
                assert_int_equal(
                    rel_diff_sources(&dy, snap, rel_kb_source_at(snap, a), rel_kb_source_at(snap, b), &err), REL_OK);
                assert_true(rel_diff_count(dx) > 0);
            }
            assert_same_diff(dx, dy);
            rel_diff_free(dx);
            rel_diff_free(dy);
        }
    }
    /* A source of another knowledge base is not one of this one. */
    assert_int_equal(rel_diff_within(&dy, snap, rel_kb_source_at(kb, 0), &err), REL_ERR_ARG);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

static void test_snapshot_format__open_file_takes_either_format(void **state)
{
    rel_kb *kb = NULL, *json = NULL;
    rel_error err;
    char path[256];

    (void)state;
    assert_int_equal(rel_kb_open_file(&json, ANNOTATION, NULL, &err), REL_OK);
    assert_false(rel_kb_is_read_only(json));
    free(save_and_read(json, "either.rel", path, sizeof(path), NULL));
    assert_int_equal(rel_kb_open_file(&kb, path, NULL, &err), REL_OK);
    assert_true(rel_kb_is_read_only(kb));
    assert_same_export(kb, json);
    rel_kb_free(kb);
    assert_int_equal(rel_kb_open_file(&kb, scratch_path(path, sizeof(path), "missing"), NULL, &err), REL_ERR_IO);
    assert_null(kb);
    assert_int_equal(rel_kb_open_file(&kb, NULL, NULL, &err), REL_ERR_ARG);
    rel_kb_free(json);
}

/* The ids a query returns, joined with spaces, into buf. */
static void query_ids(const rel_kb *kb, const rel_query_options *opts, char *buf, size_t cap)
{
    rel_query *q = NULL;
    rel_error err;
    const rel_event *ev;
    const rel_claim *c;
    const rel_entity *e;
    size_t len = 0;

    buf[0] = '\0';
    assert_int_equal(rel_query_new(&q, kb, opts, &err), REL_OK);
    for (;;) {
        const char *id;
        if (opts->target == REL_QUERY_EVENTS)
            id = rel_query_next_event(q, &ev) == REL_OK ? rel_event_id(ev, NULL) : NULL;
        else if (opts->target == REL_QUERY_CLAIMS)
            id = rel_query_next_claim(q, &c) == REL_OK ? rel_claim_id(c, NULL) : NULL;
        else
            id = rel_query_next_entity(q, &e) == REL_OK ? rel_entity_id(e, NULL) : NULL;
        if (!id)
            break;
        len += (size_t)snprintf(buf + len, len < cap ? cap - len : 0, "%s ", id);
    }
    assert_true(len < cap);
    rel_query_free(q);
}

/* The snapshot carries the query indexes: nothing is built on open, and queries answer as on the original. */
static void test_snapshot_format__queries_use_the_saved_indexes(void **state)
{
    rel_kb *kb = helper_open_builtin(), *snap;
    rel_query_options opts = REL_QUERY_OPTIONS_INIT;
    char path[256], a[8192], b[8192];

    (void)state;
    assert_int_equal(rel_kb_index_size(kb), 0);
    free(save_and_read(kb, "indexed.rel", path, sizeof(path), NULL));
    assert_true(rel_kb_index_size(kb) > 0); /* saving built them */
    snap = open_snapshot(path);
    assert_int_equal(rel_kb_index_size(snap), rel_kb_index_size(kb));
    opts.actor = "iran";
    query_ids(kb, &opts, a, sizeof(a));
    query_ids(snap, &opts, b, sizeof(b));
    assert_true(a[0] != '\0');
    assert_string_equal(a, b);
    opts.actor = NULL;
    opts.target = REL_QUERY_CLAIMS;
    opts.text = "nuclear";
    query_ids(kb, &opts, a, sizeof(a));
    query_ids(snap, &opts, b, sizeof(b));
    assert_true(a[0] != '\0');
    assert_string_equal(a, b);
    opts.text = NULL;
    opts.target = REL_QUERY_ENTITIES;
    opts.alias = "north korea";
    opts.alias_match = REL_MATCH_NORMALISED;
    query_ids(kb, &opts, a, sizeof(a));
    query_ids(snap, &opts, b, sizeof(b));
    assert_string_equal(a, b);
    assert_int_equal(rel_kb_build_indexes(snap, NULL), REL_OK);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/* ---- writes are refused --------------------------------------------------------- */

static void test_snapshot_format__every_write_is_refused(void **state)
{
    rel_kb *kb = small_kb(NULL), *snap;
    rel_source_spec src = REL_SOURCE_SPEC_INIT;
    rel_claim_spec c = REL_CLAIM_SPEC_INIT;
    rel_quote q = {"Iran", REL_NTS, NULL, 0, NULL, 0};
    rel_status st[13];
    char path[256];
    size_t i;

    (void)state;
    free(save_and_read(kb, "ro.rel", path, sizeof(path), NULL));
    snap = open_snapshot(path);
    src.id = "new";
    src.id_len = src.text_len = REL_NTS;
    src.text = "text";
    c.id_len = c.predicate_len = c.claimant_len = c.subject.str_len = REL_NTS;
    c.id = "c-new";
    c.subject.kind = REL_VALUE_ENTITY;
    c.subject.str = "iran";
    c.predicate = "note";
    c.claimant = "iran";
    c.modality = REL_MODALITY_ASSERTED;
    st[0] = rel_kb_add_source(snap, &src);
    st[1] = rel_kb_add_entity(snap, "e", REL_NTS, REL_ENTITY_STATE, "E", REL_NTS);
    st[2] = rel_kb_add_alias(snap, "iran", REL_NTS, "Eran", REL_NTS, "en", REL_NTS);
    st[3] = rel_kb_add_event(snap, "ev", REL_NTS, "AID", REL_NTS);
    st[4] = rel_kb_set_event_time(snap, "pact", REL_NTS, "1986", REL_NTS, NULL, 0);
    st[5] = rel_kb_add_participant(snap, "talks", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT);
    st[6] = rel_kb_add_claim(snap, &c);
    st[7] = rel_kb_set_claim_version(snap, "c-growth", REL_NTS, "va", REL_NTS, NULL, 0, REL_MODALITY_DENIED);
    st[8] = rel_kb_add_claim_relation(snap, "c-bare", REL_NTS, REL_RELATION_SUPPORTS, "c-when", REL_NTS);
    st[9] = rel_kb_add_evidence(snap, "iran", REL_NTS, "vb", REL_NTS, 0, 4);
    st[10] = rel_kb_add_evidence_quote(snap, "dprk", REL_NTS, "va", REL_NTS, &q);
    st[11] = rel_kb_add_predicate(snap, "other", REL_NTS, 0);
    st[12] = rel_kb_add_unannotated(snap, "va", REL_NTS, 0, 4, "why", REL_NTS);
    for (i = 0; i < sizeof(st) / sizeof(st[0]); i++)
        assert_int_equal(st[i], REL_ERR_READ_ONLY);
    assert_int_equal(rel_kb_error(snap)->status, REL_ERR_READ_ONLY);
    assert_non_null(strstr(rel_kb_errmsg(snap), "read-only"));
    assert_same_export(kb, snap);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/* ---- the header --------------------------------------------------------------- */

/* The snapshot of the small knowledge base, read into memory; free() it. */
static char *small_snapshot(size_t *len)
{
    rel_kb *kb = small_kb(NULL);
    char path[256], *bytes = save_and_read(kb, "small-bytes.rel", path, sizeof(path), len);

    rel_kb_free(kb);
    return bytes;
}

static void assert_refused(const char *data, size_t len, const char *message)
{
    rel_error err;

    assert_int_equal(open_bytes(data, len, &err), REL_ERR_FORMAT);
    assert_int_equal(err.status, REL_ERR_FORMAT);
    if (!strstr(err.message, message))
        fail_msg("\"%s\" does not say \"%s\"", err.message, message);
    assert_true(strstr(err.file, "probe.rel") != NULL);
}

static void test_snapshot_format__header_damage_is_named(void **state)
{
    size_t len;
    char *good = small_snapshot(&len), *bad = malloc(len + 8), expect[128];
    snap_preamble *p = (snap_preamble *)(void *)bad;

    (void)state;
    assert_non_null(bad);
    assert_refused(good, 0, "too short for a snapshot header");
    assert_refused(good, sizeof(snap_preamble) - 1, "too short for a snapshot header");

    memcpy(bad, good, len);
    bad[0] = 'X';
    assert_refused(bad, len, "not a librelations snapshot");
    assert_refused("{\"format\": \"relations-kb/1\"}                         ", 52, "not a librelations snapshot");

    memcpy(bad, good, len);
    p->format = 2;
    assert_refused(bad, len, "snapshot format 2, this library reads 1");

    memcpy(bad, good, len);
    p->byte_order = 0x04030201;
    assert_refused(bad, len, "another byte order");

    memcpy(bad, good, len);
    p->pointer_size = 4;
    assert_refused(bad, len, "different build or architecture");
    memcpy(bad, good, len);
    p->time_size += 8;
    assert_refused(bad, len, "different build or architecture");

    snprintf(expect, sizeof(expect), "truncated: %zu bytes, header says %zu", len - 1, len);
    assert_refused(good, len - 1, expect);
    memcpy(bad, good, len);
    memset(bad + len, 0, 8);
    assert_refused(bad, len + 8, "appended");

    memcpy(bad, good, len);
    bad[len / 2] ^= 0x20;
    assert_refused(bad, len, "checksum mismatch: file is corrupted");
    memcpy(bad, good, len);
    p->checksum ^= 1;
    assert_refused(bad, len, "checksum mismatch: file is corrupted");

    assert_int_equal(open_bytes(good, len, NULL), REL_OK);
    free(bad);
    free(good);
}

static void test_snapshot_format__every_truncation_is_refused(void **state)
{
    size_t len, cut;
    char *good = small_snapshot(&len);
    rel_error err;

    (void)state;
    for (cut = 0; cut < len; cut++) {
        rel_status st = open_bytes(good, cut, &err);
        if (st != REL_ERR_FORMAT)
            fail_msg("%zu of %zu bytes: status %d (%s)", cut, len, (int)st, err.message);
    }
    free(good);
}

static void test_snapshot_format__missing_or_odd_files_are_io_errors(void **state)
{
    rel_kb *kb = NULL;
    rel_error err;
    char path[256];

    (void)state;
    assert_int_equal(rel_kb_open_snapshot(&kb, scratch_path(path, sizeof(path), "nothing-here"), NULL, &err),
                     REL_ERR_IO);
    assert_null(kb);
    assert_non_null(strstr(err.message, "nothing-here"));
    assert_int_equal(rel_kb_open_snapshot(&kb, scratch, NULL, &err), REL_ERR_IO);
    assert_int_equal(rel_kb_open_snapshot(&kb, NULL, NULL, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_open_snapshot(NULL, path, NULL, &err), REL_ERR_ARG);
}

static void test_snapshot_format__bad_options_are_refused(void **state)
{
    rel_kb_options opts = REL_KB_OPTIONS_INIT;
    rel_kb *kb = NULL;
    size_t len;
    char *good = small_snapshot(&len), path[256];
    rel_error err;

    (void)state;
    write_bytes(scratch_path(path, sizeof(path), "opts.rel"), good, len);
    opts.version = 99;
    assert_int_equal(rel_kb_open_snapshot(&kb, path, &opts, &err), REL_ERR_ARG);
    assert_null(kb);
    free(good);
}

/* ---- forged structure behind a right checksum ------------------------------------- */

static snap_header *header_of(char *data)
{
    return (snap_header *)(void *)data;
}

static void *section_of(char *data, int s)
{
    return data + header_of(data)->sections[s].offset;
}

/* Applies a forgery to a copy of the small snapshot, reseals it, and expects it refused. */
static void assert_forgery_refused(const char *good, size_t len, void (*forge)(char *data), const char *message)
{
    char *bad = malloc(len);

    assert_non_null(bad);
    memcpy(bad, good, len);
    forge(bad);
    reseal(bad, len);
    assert_refused(bad, len, message);
    free(bad);
}

static void forge_section_outside(char *d) { header_of(d)->sections[SNAP_CLAIMS].offset += 1u << 20; }
static void forge_section_own_offset(char *d) { header_of(d)->sections[SNAP_EVENTS].offset += 8; }
static void forge_section_count(char *d) { header_of(d)->sections[SNAP_ENTITIES].count += 1; }
static void forge_slot_count(char *d)
{
    header_of(d)->sections[SNAP_ENTITY_IDS].count = 3;
    header_of(d)->sections[SNAP_ENTITY_IDS].length = 3 * sizeof(uint32_t);
}
static void forge_tag(char *d) { ((snap_entity *)section_of(d, SNAP_ENTITIES))[1].tag = 1; }
static void forge_zero_tag(char *d) { ((snap_claim *)section_of(d, SNAP_CLAIMS))[0].tag = 0; }
static void forge_claimant(char *d) { ((snap_claim *)section_of(d, SNAP_CLAIMS))[0].claimant = 2; }
static void forge_value_tag(char *d) { ((snap_claim *)section_of(d, SNAP_CLAIMS))[0].object.tag = SNAP_SUBJECT; }
static void forge_value_kind(char *d) { ((snap_claim *)section_of(d, SNAP_CLAIMS))[0].object_kind = 7; }
static void forge_subject(char *d) { ((snap_claim *)section_of(d, SNAP_CLAIMS))[0].subject.ref = 99; }
static void forge_list(char *d) { ((snap_claim *)section_of(d, SNAP_CLAIMS))[0].evidence_end = 99; }
static void forge_list_order(char *d) { ((snap_event *)section_of(d, SNAP_EVENTS))[1].participants_end = 1; }
static void forge_modality(char *d) { ((snap_claim *)section_of(d, SNAP_CLAIMS))[0].modality = 9; }
static void forge_span(char *d) { ((snap_evidence *)section_of(d, SNAP_CLAIM_EVIDENCE))[0].end = 1000; }
static void forge_source_ref(char *d) { ((snap_evidence *)section_of(d, SNAP_ENTITY_EVIDENCE))[0].source = 5; }
static void forge_role(char *d) { ((snap_participant *)section_of(d, SNAP_PARTICIPANTS))[0].role = 100; }
static void forge_revises(char *d) { ((snap_source *)section_of(d, SNAP_SOURCES))[0].revises = 1; }
static void forge_source_text(char *d) { ((snap_source *)section_of(d, SNAP_SOURCES))[0].text = 1u << 30; }
static void forge_strings_end(char *d)
{
    snap_section *s = &header_of(d)->sections[SNAP_STRINGS];
    d[s->offset + s->length - 1] = 'x';
}
static void forge_time_year_x(char *d) { ((rel_time *)section_of(d, SNAP_TIMES))->start.year_x = 7; }
static void forge_time_bounds(char *d) { ((rel_time *)section_of(d, SNAP_TIMES))->bounds.strict_lo -= 1; }
static void forge_number(char *d) { ((uint64_t *)section_of(d, SNAP_NUMBERS))[0] = 0x7FF0000000000000u; }
static void forge_alias_entity(char *d) { ((uint32_t *)section_of(d, SNAP_EXACT_ENTITIES))[0] = 2; }
static void forge_relation(char *d) { ((snap_relation *)section_of(d, SNAP_RELATIONS))[0].type = 0; }
static void forge_version(char *d) { ((snap_version *)section_of(d, SNAP_VERSIONS))[0].claimant = 7; }
static void forge_predicate(char *d) { ((snap_predicate *)section_of(d, SNAP_PREDICATES))[0].flags = 2; }
static void forge_index(char *d) { header_of(d)->sections[SNAP_INDEX].length = 8; }

static void test_snapshot_format__forged_structure_is_refused(void **state)
{
    size_t len;
    char *good = small_snapshot(&len);

    (void)state;
    assert_forgery_refused(good, len, forge_section_outside, "lies outside the file");
    assert_forgery_refused(good, len, forge_section_own_offset, "does not start with its own offset");
    assert_forgery_refused(good, len, forge_section_count, "not 3 records");
    assert_forgery_refused(good, len, forge_slot_count, "not a power of two");
    assert_forgery_refused(good, len, forge_tag, "entities record 1: wrong tag");
    assert_forgery_refused(good, len, forge_zero_tag, "claims record 0: wrong tag");
    assert_forgery_refused(good, len, forge_claimant, "claimant");
    assert_forgery_refused(good, len, forge_value_tag, "wrong tag");
    assert_forgery_refused(good, len, forge_value_kind, "unknown kind");
    assert_forgery_refused(good, len, forge_subject, "does not exist");
    assert_forgery_refused(good, len, forge_list, "a list outside its array");
    assert_forgery_refused(good, len, forge_list_order, "a list outside its array");
    assert_forgery_refused(good, len, forge_modality, "modality");
    assert_forgery_refused(good, len, forge_span, "claim evidence record 0: a span outside its source");
    assert_forgery_refused(good, len, forge_source_ref, "a span outside its source");
    assert_forgery_refused(good, len, forge_role, "unknown role");
    assert_forgery_refused(good, len, forge_revises, "revises");
    assert_forgery_refused(good, len, forge_source_text, "its text lies outside the strings");
    assert_forgery_refused(good, len, forge_strings_end, "do not end with a NUL");
    assert_forgery_refused(good, len, forge_time_year_x, "times record 0");
    assert_forgery_refused(good, len, forge_time_bounds, "times record 0");
    assert_forgery_refused(good, len, forge_number, "not a finite number");
    assert_forgery_refused(good, len, forge_alias_entity, "alias entities record 0");
    assert_forgery_refused(good, len, forge_relation, "claim relations record 0");
    assert_forgery_refused(good, len, forge_version, "claim versions record 0");
    assert_forgery_refused(good, len, forge_predicate, "unknown flags");
    assert_forgery_refused(good, len, forge_index, "corrupted index");
    free(good);
}

/* A string reference that leaves the pool reads as "", never out of bounds. */
static void test_snapshot_format__a_forged_string_reads_empty(void **state)
{
    size_t len, n = 1;
    char *good = small_snapshot(&len), path[256];
    snap_entity *e = section_of(good, SNAP_ENTITIES);
    rel_kb *kb;
    const rel_entity *found;

    (void)state;
    e[0].name = header_of(good)->sections[SNAP_STRINGS].length + 4;
    e[1].name = 2; /* not on an entry's boundary */
    reseal(good, len);
    write_bytes(scratch_path(path, sizeof(path), "strings.rel"), good, len);
    kb = open_snapshot(path);
    assert_string_equal(rel_entity_name(rel_kb_entity_at(kb, 0), &n), "");
    assert_int_equal(n, 0);
    assert_string_equal(rel_entity_name(rel_kb_entity_at(kb, 1), &n), "");
    assert_int_equal(rel_kb_find_entity(kb, "iran", REL_NTS, &found), REL_OK);
    rel_kb_free(kb);
    free(good);
}

/* The structural checks alone (the fuzz target's path) accept the real file and refuse misaligned memory. */
static void test_snapshot_format__open_mem(void **state)
{
    size_t len;
    char *good = small_snapshot(&len);
    rel_kb *kb = NULL;
    rel_error err;

    (void)state;
    assert_int_equal(rel_snapshot__open_mem(&kb, good, len, NULL, REL_SNAPSHOT__SKIP_CHECKSUM, &err), REL_OK);
    assert_int_equal(rel_kb_claim_count(kb), 6);
    rel_kb_free(kb);
    good[len / 2] ^= 0x20; /* what the checksum is for */
    assert_int_equal(rel_snapshot__open_mem(&kb, good, len, NULL, 0, &err), REL_ERR_FORMAT);
    assert_int_equal(rel_snapshot__open_mem(&kb, good + 1, len - 1, NULL, 0, &err), REL_ERR_ARG);
    free(good);
}

/* Every time the parser makes passes the check a snapshot's times get; its forgeries do not. */
static void test_snapshot_format__times_the_parser_makes_pass_the_check(void **state)
{
    static const char *const exprs[] = {
        "1985", "1985-10", "1985-10-03", "1985-21", "1985-24", "198X", "19XX", "1985?", "1985-10~", "1985-10-03%",
        "1985-10-03T12:30:00Z", "1985-10-03T12:30:00+05:30", "-0043", "Y-170000000", "Y170000000",
        "1985/1990", "../1990", "1985/..", "/1990", "1985/", "START 1980/1989", "MID 1980s/1990", "END 1985",
        "BEFORE 1985", "AFTER 1985 @2000", "ON_OR_BEFORE 1985/1990", "ON_OR_AFTER 1985", "APPROX 1985",
        "-P1600Y @2017", "MORE_THAN -P1600Y @2017", "LESS_THAN P10Y6M @1990-05", "APPROX -P3D @1990-05-04", "P5Y",
        "1985-XX", "1985-10-XX", "1985-XX-XX",
    };
    size_t i, checked = 0;

    (void)state;
    for (i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++) {
        rel_time *t = NULL;
        rel_time copy;
        if (rel_time_parse(&t, exprs[i], REL_NTS, NULL) != REL_OK)
            continue; /* not every line above is valid EDTF; the ones that are must pass */
        memcpy(&copy, t, sizeof(copy));
        copy.alloc = NULL;
        if (!rel_time__check(&copy))
            fail_msg("\"%s\" fails the check", exprs[i]);
        copy.start.day = 40;
        assert_false(rel_time__check(&copy));
        rel_time_free(t);
        checked++;
    }
    assert_true(checked >= 30);
}

/* ---- saving ------------------------------------------------------------------- */

static void test_snapshot_format__a_failed_save_leaves_nothing(void **state)
{
    rel_kb *kb = small_kb(NULL);
    rel_error err;
    char path[256];

    (void)state;
    empty_scratch();
    assert_int_equal(rel_kb_save_snapshot(kb, scratch_path(path, sizeof(path), "no/such/folder.rel"), &err),
                     REL_ERR_IO);
    assert_non_null(strstr(err.file, "folder.rel"));
    /* A folder in the way: the rename fails, the temporary file goes. */
    assert_int_equal(mkdir(scratch_path(path, sizeof(path), "folder"), 0700), 0);
    assert_int_equal(rel_kb_save_snapshot(kb, path, &err), REL_ERR_IO);
    assert_int_equal(scratch_entries(), 1);
    assert_int_equal(rel_kb_save_snapshot(NULL, path, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_save_snapshot(kb, NULL, &err), REL_ERR_ARG);
    empty_scratch();
    rel_kb_free(kb);
}

static void test_snapshot_format__a_save_replaces_the_file(void **state)
{
    rel_kb *kb = small_kb(NULL), *snap;
    rel_error err;
    char path[256];

    (void)state;
    empty_scratch();
    write_bytes(scratch_path(path, sizeof(path), "old.rel"), "old contents", 12);
    assert_int_equal(rel_kb_save_snapshot(kb, path, &err), REL_OK);
    assert_int_equal(scratch_entries(), 1);
    snap = open_snapshot(path);
    assert_same_export(kb, snap);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/* Every allocation of a save and of an open may fail: an error, nothing leaked, nothing left behind. */
static void test_snapshot_format__allocation_failures(void **state)
{
    helper_alloc alloc = {0, 0, 0, 0};
    rel_kb_options opts = helper_alloc_options(&alloc);
    rel_kb *kb = small_kb(&opts), *snap = NULL;
    rel_error err;
    char path[256];
    size_t at;
    rel_status st;

    (void)state;
    empty_scratch();
    scratch_path(path, sizeof(path), "alloc.rel");
    for (at = 1;; at++) {
        alloc.calls = 0;
        alloc.fail_at = at;
        st = rel_kb_save_snapshot(kb, path, &err);
        if (st == REL_OK)
            break;
        assert_int_equal(st, REL_ERR_NOMEM);
        assert_int_equal(scratch_entries(), 0);
    }
    alloc.fail_at = 0;
    rel_kb_free(kb);
    assert_int_equal(alloc.live, 0);
    for (at = 1;; at++) {
        alloc.calls = 0;
        alloc.fail_at = at;
        st = rel_kb_open_snapshot(&snap, path, &opts, &err);
        if (st == REL_OK)
            break;
        assert_int_equal(st, REL_ERR_NOMEM);
        assert_null(snap);
        assert_int_equal(alloc.live, 0);
    }
    assert_true(at > 1);
    alloc.fail_at = 0;
    rel_kb_free(snap);
    assert_int_equal(alloc.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snapshot_format__builtin_exports_the_same_json),
        cmocka_unit_test(test_snapshot_format__small_kb_exports_the_same_json),
        cmocka_unit_test(test_snapshot_format__an_empty_kb_round_trips),
        cmocka_unit_test(test_snapshot_format__a_snapshot_saves_the_same_bytes_again),
        cmocka_unit_test(test_snapshot_format__lookups_agree),
        cmocka_unit_test(test_snapshot_format__getters_agree_on_the_small_kb),
        cmocka_unit_test(test_snapshot_format__diffs_agree),
        cmocka_unit_test(test_snapshot_format__open_file_takes_either_format),
        cmocka_unit_test(test_snapshot_format__queries_use_the_saved_indexes),
        cmocka_unit_test(test_snapshot_format__every_write_is_refused),
        cmocka_unit_test(test_snapshot_format__header_damage_is_named),
        cmocka_unit_test(test_snapshot_format__every_truncation_is_refused),
        cmocka_unit_test(test_snapshot_format__missing_or_odd_files_are_io_errors),
        cmocka_unit_test(test_snapshot_format__bad_options_are_refused),
        cmocka_unit_test(test_snapshot_format__forged_structure_is_refused),
        cmocka_unit_test(test_snapshot_format__a_forged_string_reads_empty),
        cmocka_unit_test(test_snapshot_format__open_mem),
        cmocka_unit_test(test_snapshot_format__times_the_parser_makes_pass_the_check),
        cmocka_unit_test(test_snapshot_format__a_failed_save_leaves_nothing),
        cmocka_unit_test(test_snapshot_format__a_save_replaces_the_file),
        cmocka_unit_test(test_snapshot_format__allocation_failures),
    };
    return cmocka_run_group_tests_name("snapshot_format", tests, setup_scratch, teardown_scratch);
}
