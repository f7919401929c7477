/* SPDX-License-Identifier: MIT */
/*
 * Snapshots (snapshot.h): round trips of the built-in and of random
 * knowledge bases, the read-only knowledge base a snapshot opens as,
 * corrupted and foreign files, and allocation failure while saving and
 * opening.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <relations.h>

#include "helpers.h"
#include "query_run.h"
#include "random_kb.h"
#include "random_query.h"
/* White-box: the layout of the header, to damage it field by field. */
#include "snapshot_format.h"

#define SRC_OLDER "000_d477b4b9c20a8e87"
#define SRC_EXCERPTS "001_689928cb94a769b6"
#define SRC_LATER "002_0300900bb6ce87ea"
#define ANNOTATION REL_TEST_DATA_DIR "/iran-north-korea.json"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A pointer no call would return: calls that fail must overwrite it with NULL. */
static const char poison[1];
#define POISON_KB ((rel_kb *)(void *)poison)

/* ---- files -------------------------------------------------------------- */

/* A scratch folder for the files the tests write; emptied and removed at the end. */
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

    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", scratch, e->d_name);
        unlink(path);
    }
    closedir(d);
}

/* After each test: the folder is empty again. */
static int empty_after(void **state)
{
    (void)state;
    empty_scratch();
    return 0;
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

/* How many files the scratch folder holds. */
static size_t scratch_files(void)
{
    DIR *d = opendir(scratch);
    struct dirent *e;
    size_t n = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static int file_exists(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0;
}

/* ---- knowledge bases ---------------------------------------------------- */

static void save_ok(const rel_kb *kb, const char *path)
{
    rel_error err;

    if (rel_kb_save_snapshot(kb, path, &err) != REL_OK)
        fail_msg("saving %s: %s", path, err.message);
    assert_int_equal(err.status, REL_OK);
}

static rel_kb *open_ok(const char *path, const rel_kb_options *opts)
{
    rel_kb *kb = NULL;
    rel_error err;

    if (rel_kb_open_snapshot(&kb, path, opts, &err) != REL_OK)
        fail_msg("opening %s: %s", path, err.message);
    assert_non_null(kb);
    assert_int_equal(err.status, REL_OK);
    return kb;
}

/* Opening must fail with this status, give no knowledge base and say why. Returns the message. */
static const char *open_fails(const char *path, rel_status want)
{
    static char message[512];
    rel_kb *kb = POISON_KB;
    rel_error err;
    rel_status st = rel_kb_open_snapshot(&kb, path, NULL, &err);

    if (st == REL_OK) {
        rel_kb_free(kb);
        fail_msg("%s opened", path);
    }
    if (st != want)
        fail_msg("%s: %s (%s), not %s", path, rel_status_str(st), err.message, rel_status_str(want));
    assert_null(kb);
    assert_int_equal(err.status, st);
    if (err.message[0] == '\0')
        fail_msg("%s: %s without a message", path, rel_status_str(st));
    snprintf(message, sizeof(message), "%s", err.message);
    return message;
}

static void assert_same_export(const rel_kb *a, const rel_kb *b)
{
    size_t alen = 0, blen = 0;
    char *ja = helper_export(a, &alen), *jb = helper_export(b, &blen);

    assert_non_null(ja);
    assert_non_null(jb);
    if (alen != blen || memcmp(ja, jb, alen) != 0) {
        size_t i = 0;
        while (i < alen && i < blen && ja[i] == jb[i])
            i++;
        fail_msg("the exports differ at byte %zu of %zu and %zu: ...%.60s... against ...%.60s...", i, alen, blen,
                 ja + (i > 20 ? i - 20 : 0), jb + (i > 20 ? i - 20 : 0));
    }
    free(ja);
    free(jb);
}

/* The ids a query finds, comma-separated (the two knowledge bases share ids, not pointers). */
static char *query_ids(const rel_kb *kb, const rel_query_options *o, size_t *count)
{
    size_t cap = rel_kb_entity_count(kb) + rel_kb_event_count(kb) + rel_kb_claim_count(kb) + 1;
    const void **results = calloc(cap, sizeof(*results));
    char *ids = malloc(cap * 300 + 1);
    rel_query *q = NULL;
    rel_error err;
    size_t n;

    assert_true(results && ids);
    if (rel_query_new(&q, kb, o, &err) != REL_OK) {
        char desc[1024];
        rq_describe(o, desc, sizeof(desc));
        fail_msg("query %s: %s", desc, err.message);
    }
    n = qr_collect(q, o->target, results, cap);
    assert_true(n < cap);
    qr_ids(o->target, results, n, ids, cap * 300 + 1);
    assert_int_equal(rel_query_count(q, count), REL_OK);
    assert_int_equal(*count, n);
    if (o->target == REL_QUERY_EVENTS) {
        rel_year_count rows[512];
        size_t len = 0, i, w = strlen(ids);
        uint64_t undated = 0;

        assert_int_equal(rel_query_count_by_year(q, rows, COUNT(rows), &len, &undated), REL_OK);
        w += (size_t)snprintf(ids + w, cap * 300 + 1 - w, "; undated %llu;", (unsigned long long)undated);
        for (i = 0; i < len && i < COUNT(rows) && w < cap * 300; i++)
            w += (size_t)snprintf(ids + w, cap * 300 + 1 - w, " %lld:%llu", (long long)rows[i].year,
                                  (unsigned long long)rows[i].count);
    }
    rel_query_free(q);
    free(results);
    return ids;
}

static void assert_same_query(const rel_kb *a, const rel_kb *b, const rel_query_options *o)
{
    size_t na = 0, nb = 0;
    char *ia = query_ids(a, o, &na), *ib = query_ids(b, o, &nb);

    if (na != nb || strcmp(ia, ib) != 0) {
        char desc[1024];
        rq_describe(o, desc, sizeof(desc));
        fail_msg("query %s:\n  original: %s\n  snapshot: %s", desc, ia, ib);
    }
    free(ia);
    free(ib);
}

/* Random queries (drawn on a) and a query without filter per target give the same answers on both. */
static void assert_same_queries(const rel_kb *a, const rel_kb *b, uint64_t seed, size_t n)
{
    rkb_rng r;
    size_t i;
    int32_t target;

    for (target = REL_QUERY_EVENTS; target <= REL_QUERY_ENTITIES; target++) {
        rel_query_options o = REL_QUERY_OPTIONS_INIT;
        o.target = target;
        assert_same_query(a, b, &o);
    }
    rkb_seed(&r, seed);
    for (i = 0; i < n; i++) {
        rq_query q;

        rq_random(&q, a, &r);
        assert_same_query(a, b, &q.opts);
    }
}

/* The entities a name finds, as ids. */
static void alias_ids(const rel_kb *kb, const char *name, int32_t match, char *buf, size_t cap)
{
    const rel_entity *found[64];
    size_t count = 0, i, len = 0;
    rel_status st = rel_kb_find_alias(kb, name, REL_NTS, match, found, COUNT(found), &count);

    len = (size_t)snprintf(buf, cap, "%s:", rel_status_str(st));
    for (i = 0; i < count && i < COUNT(found) && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, " %s", rel_entity_id(found[i], NULL));
}

static void assert_same_evidence(const rel_evidence *a, const rel_evidence *b)
{
    uint64_t as, ae, bs, be;

    assert_string_equal(rel_source_id(rel_evidence_source(b), NULL), rel_source_id(rel_evidence_source(a), NULL));
    assert_int_equal(rel_evidence_start(b), rel_evidence_start(a));
    assert_int_equal(rel_evidence_end(b), rel_evidence_end(a));
    assert_int_equal(rel_evidence_codepoints(a, &as, &ae), REL_OK);
    assert_int_equal(rel_evidence_codepoints(b, &bs, &be), REL_OK);
    assert_int_equal(bs, as);
    assert_int_equal(be, ae);
}

/* Lookups by id and by name, and the evidence of every object, agree. */
static void assert_same_lookups(const rel_kb *a, const rel_kb *b)
{
    size_t i, j;
    char ia[4096], ib[4096];

    for (i = 0; i < rel_kb_entity_count(a); i++) {
        const rel_entity *ea = rel_kb_entity_at(a, i), *eb = NULL;
        const char *id = rel_entity_id(ea, NULL);
        int32_t match;

        assert_int_equal(rel_kb_find_entity(b, id, REL_NTS, &eb), REL_OK);
        assert_ptr_equal(eb, rel_kb_entity_at(b, i));
        assert_int_equal(rel_kb_id_kind(b, id, REL_NTS), REL_OBJECT_ENTITY);
        for (j = 0; j <= rel_entity_alias_count(ea); j++) {
            const char *name = j < rel_entity_alias_count(ea) ? rel_entity_alias_text(ea, j, NULL)
                                                               : rel_entity_name(ea, NULL);
            for (match = REL_MATCH_EXACT; match <= REL_MATCH_NORMALISED; match++) {
                alias_ids(a, name, match, ia, sizeof(ia));
                alias_ids(b, name, match, ib, sizeof(ib));
                if (strcmp(ia, ib) != 0)
                    fail_msg("\"%s\" (%d) finds %s in the original, %s in the snapshot", name, (int)match, ia, ib);
            }
        }
        for (j = 0; j < rel_entity_evidence_count(ea); j++)
            assert_same_evidence(rel_entity_evidence_at(ea, j), rel_entity_evidence_at(eb, j));
    }
    for (i = 0; i < rel_kb_event_count(a); i++) {
        const rel_event *ea = rel_kb_event_at(a, i), *eb = NULL;

        assert_int_equal(rel_kb_find_event(b, rel_event_id(ea, NULL), REL_NTS, &eb), REL_OK);
        assert_ptr_equal(eb, rel_kb_event_at(b, i));
        assert_int_equal(rel_time_compare(rel_event_time(ea), rel_event_time(eb)), 0);
        for (j = 0; j < rel_event_evidence_count(ea); j++)
            assert_same_evidence(rel_event_evidence_at(ea, j), rel_event_evidence_at(eb, j));
    }
    for (i = 0; i < rel_kb_claim_count(a); i++) {
        const rel_claim *ca = rel_kb_claim_at(a, i), *cb = NULL;

        assert_int_equal(rel_kb_find_claim(b, rel_claim_id(ca, NULL), REL_NTS, &cb), REL_OK);
        assert_ptr_equal(cb, rel_kb_claim_at(b, i));
        for (j = 0; j < rel_kb_source_count(a); j++) {
            const rel_entity *xa = rel_claim_claimant_in(ca, rel_kb_source_at(a, j));
            const rel_entity *xb = rel_claim_claimant_in(cb, rel_kb_source_at(b, j));

            assert_int_equal(rel_claim_modality_in(cb, rel_kb_source_at(b, j)),
                             rel_claim_modality_in(ca, rel_kb_source_at(a, j)));
            if (xa)
                assert_string_equal(rel_entity_id(xb, NULL), rel_entity_id(xa, NULL));
            else
                assert_null(xb);
        }
        for (j = 0; j < rel_claim_evidence_count(ca); j++)
            assert_same_evidence(rel_claim_evidence_at(ca, j), rel_claim_evidence_at(cb, j));
    }
    for (i = 0; i < rel_kb_source_count(a); i++) {
        const rel_source *sb = NULL;

        assert_int_equal(rel_kb_find_source(b, rel_source_id(rel_kb_source_at(a, i), NULL), REL_NTS, &sb), REL_OK);
        assert_ptr_equal(sb, rel_kb_source_at(b, i));
    }
    assert_int_equal(rel_kb_id_kind(b, "no such id", REL_NTS), REL_OBJECT_NONE);
}

/* Saves kb, opens the snapshot, and compares everything; returns the snapshot's knowledge base. */
static rel_kb *round_trip(const rel_kb *kb, const char *name, uint64_t seed)
{
    char path[256];
    rel_kb *snap;

    scratch_path(path, sizeof(path), name);
    save_ok(kb, path);
    snap = open_ok(path, NULL);
    assert_int_equal(rel_kb_is_read_only(snap), 1);
    assert_int_equal(rel_kb_is_read_only(kb), 0);
    assert_int_equal(rel_kb_source_count(snap), rel_kb_source_count(kb));
    assert_int_equal(rel_kb_entity_count(snap), rel_kb_entity_count(kb));
    assert_int_equal(rel_kb_event_count(snap), rel_kb_event_count(kb));
    assert_int_equal(rel_kb_claim_count(snap), rel_kb_claim_count(kb));
    assert_same_export(kb, snap);
    /* The snapshot carries the indexes: it has them from the start, the same as the original's. */
    assert_true(rel_kb_index_size(snap) > 0);
    assert_true(rel_kb_index_size(kb) > 0); /* saving built them */
    assert_int_equal(rel_kb_index_size(snap), rel_kb_index_size(kb));
    assert_same_queries(kb, snap, seed, 200);
    assert_same_lookups(kb, snap);
    return snap;
}

static void test_snapshot__builtin_round_trip(void **state)
{
    rel_kb *kb = helper_open_builtin(), *snap;

    (void)state;
    snap = round_trip(kb, "builtin.snap", 1);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

static void test_snapshot__random_round_trips(void **state)
{
    static const rkb_size sizes[] = {{1, 1, 0, 0}, {1, 3, 4, 2}, {2, 20, 40, 30}, {4, 50, 120, 150}, {3, 600, 900, 900}};
    size_t i;

    (void)state;
    for (i = 0; i < COUNT(sizes); i++) {
        rel_kb *kb = rkb_new(100 + i, &sizes[i], NULL), *snap;
        char name[32];

        snprintf(name, sizeof(name), "random%zu.snap", i);
        snap = round_trip(kb, name, 200 + i);
        rel_kb_free(snap);
        rel_kb_free(kb);
    }
}

static void test_snapshot__empty_kb_round_trip(void **state)
{
    rel_kb *kb = NULL, *snap;
    char path[256];

    (void)state;
    assert_int_equal(rel_kb_new(&kb, NULL), REL_OK);
    save_ok(kb, scratch_path(path, sizeof(path), "empty.snap"));
    snap = open_ok(path, NULL);
    assert_int_equal(rel_kb_source_count(snap), 0);
    assert_int_equal(rel_kb_entity_count(snap), 0);
    assert_same_export(kb, snap);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/* A snapshot of a snapshot holds the same knowledge base. */
static void test_snapshot__snapshot_of_a_snapshot(void **state)
{
    rel_kb *kb = helper_open_builtin(), *snap, *again;
    char path[256];

    (void)state;
    save_ok(kb, scratch_path(path, sizeof(path), "first.snap"));
    snap = open_ok(path, NULL);
    save_ok(snap, scratch_path(path, sizeof(path), "second.snap"));
    again = open_ok(path, NULL);
    assert_same_export(kb, again);
    assert_same_queries(kb, again, 7, 50);
    rel_kb_free(again);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/*
 * Saving replaces an existing file by renaming over it, so a knowledge base
 * still open on the old file keeps reading the old file.
 */
static void test_snapshot__save_replaces(void **state)
{
    const rkb_size small = {1, 3, 4, 2};
    rel_kb *a = rkb_new(1, &small, NULL), *b = helper_open_builtin(), *old_snap, *snap;
    char path[256];

    (void)state;
    scratch_path(path, sizeof(path), "replace.snap");
    write_file(path, "old contents", 12);
    save_ok(a, path);
    old_snap = open_ok(path, NULL);
    save_ok(b, path);
    snap = open_ok(path, NULL);
    assert_same_export(b, snap);
    assert_same_export(a, old_snap);
    assert_same_queries(a, old_snap, 3, 20);
    rel_kb_free(old_snap);
    rel_kb_free(snap);
    rel_kb_free(a);
    rel_kb_free(b);
    /* Only the snapshot is left: no temporary file beside it. */
    assert_int_equal(scratch_files(), 1);
    assert_int_equal(unlink(path), 0);
}

/* ---- the read-only knowledge base --------------------------------------- */

typedef rel_status (*write_call)(rel_kb *kb);

static rel_status w_source(rel_kb *kb)
{
    rel_source_spec s = REL_SOURCE_SPEC_INIT;

    s.id = "new-source";
    s.id_len = REL_NTS;
    s.text = "A new text.";
    s.text_len = REL_NTS;
    return rel_kb_add_source(kb, &s);
}

static rel_status w_entity(rel_kb *kb)
{
    return rel_kb_add_entity(kb, "new-entity", REL_NTS, REL_ENTITY_STATE, "Atlantis", REL_NTS);
}

static rel_status w_alias(rel_kb *kb)
{
    return rel_kb_add_alias(kb, "iran", REL_NTS, "Iranland", REL_NTS, "en", REL_NTS);
}

static rel_status w_event(rel_kb *kb)
{
    return rel_kb_add_event(kb, "new-event", REL_NTS, "AID", REL_NTS);
}

static rel_status w_time(rel_kb *kb)
{
    return rel_kb_set_event_time(kb, "pledge-of-cooperation", REL_NTS, "1990", REL_NTS, "in 1990", REL_NTS);
}

static rel_status w_participant(rel_kb *kb)
{
    return rel_kb_add_participant(kb, "pledge-of-cooperation", REL_NTS, "syria", REL_NTS, REL_ROLE_AGENT);
}

static rel_status w_claim(rel_kb *kb)
{
    rel_claim_spec c = REL_CLAIM_SPEC_INIT;

    c.id = "new-claim";
    c.id_len = REL_NTS;
    c.subject.kind = REL_VALUE_ENTITY;
    c.subject.str = "iran";
    c.subject.str_len = REL_NTS;
    c.predicate = "likes";
    c.predicate_len = REL_NTS;
    c.claimant = "article";
    c.claimant_len = REL_NTS;
    c.modality = REL_MODALITY_ASSERTED;
    return rel_kb_add_claim(kb, &c);
}

static rel_status w_version(rel_kb *kb)
{
    return rel_kb_set_claim_version(kb, "c-relations-positive", REL_NTS, SRC_LATER, REL_NTS, "article", REL_NTS,
                                    REL_MODALITY_NONE);
}

static rel_status w_relation(rel_kb *kb)
{
    return rel_kb_add_claim_relation(kb, "c-relations-positive", REL_NTS, REL_RELATION_SUPPORTS,
                                     "c-pledged-cooperation", REL_NTS);
}

static rel_status w_evidence(rel_kb *kb)
{
    return rel_kb_add_evidence(kb, "iran", REL_NTS, SRC_OLDER, REL_NTS, 1, 4);
}

static rel_status w_quote(rel_kb *kb)
{
    rel_quote q = {"greatly concerned", REL_NTS, NULL, 0, NULL, 0};

    return rel_kb_add_evidence_quote(kb, "united-states", REL_NTS, SRC_OLDER, REL_NTS, &q);
}

static rel_status w_predicate(rel_kb *kb)
{
    return rel_kb_add_predicate(kb, "new_predicate", REL_NTS, REL_PREDICATE_FUNCTIONAL);
}

static rel_status w_unannotated(rel_kb *kb)
{
    return rel_kb_add_unannotated(kb, SRC_OLDER, REL_NTS, 0, 4, "a heading", REL_NTS);
}

static void test_snapshot__refuses_every_write(void **state)
{
    static const struct {
        const char *name;
        write_call call;
    } calls[] = {
        {"add_source", w_source},           {"add_entity", w_entity},
        {"add_alias", w_alias},             {"add_event", w_event},
        {"set_event_time", w_time},         {"add_participant", w_participant},
        {"add_claim", w_claim},             {"set_claim_version", w_version},
        {"add_claim_relation", w_relation}, {"add_evidence", w_evidence},
        {"add_evidence_quote", w_quote},    {"add_predicate", w_predicate},
        {"add_unannotated", w_unannotated},
    };
    rel_kb *kb = helper_open_builtin(), *snap;
    size_t before_len = 0, i, index_size;
    char path[256], *before;

    (void)state;
    save_ok(kb, scratch_path(path, sizeof(path), "read-only.snap"));
    snap = open_ok(path, NULL);
    before = helper_export(snap, &before_len);
    assert_non_null(before);
    index_size = rel_kb_index_size(snap);
    for (i = 0; i < COUNT(calls); i++) {
        rel_status st = calls[i].call(snap);

        if (st != REL_ERR_READ_ONLY)
            fail_msg("%s on a snapshot: %s, not REL_ERR_READ_ONLY", calls[i].name, rel_status_str(st));
        assert_int_equal(rel_kb_error(snap)->status, REL_ERR_READ_ONLY);
        if (rel_kb_errmsg(snap)[0] == '\0')
            fail_msg("%s on a snapshot: no message", calls[i].name);
        /* The same call is a valid write: on the original it succeeds. */
        if ((st = calls[i].call(kb)) != REL_OK)
            fail_msg("%s on the original: %s (%s)", calls[i].name, rel_status_str(st), rel_kb_errmsg(kb));
    }
    {
        size_t after_len = 0;
        char *after = helper_export(snap, &after_len);

        assert_non_null(after);
        assert_int_equal(after_len, before_len);
        assert_memory_equal(after, before, before_len);
        free(after);
    }
    /* The refused writes dropped nothing: the indexes are still there, and building them is a no-op. */
    assert_int_equal(rel_kb_index_size(snap), index_size);
    assert_int_equal(rel_kb_build_indexes(snap, NULL), REL_OK);
    assert_int_equal(rel_kb_index_size(snap), index_size);
    assert_int_equal(rel_kb_is_read_only(snap), 1);
    assert_int_equal(rel_kb_is_read_only(NULL), 0);
    free(before);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

static void test_snapshot__open_file_takes_either_format(void **state)
{
    rel_kb *kb = helper_open_builtin(), *from_snap = NULL, *from_json = NULL;
    char snap_path[256], json_path[256];
    rel_error err;

    (void)state;
    save_ok(kb, scratch_path(snap_path, sizeof(snap_path), "either.snap"));
    assert_int_equal(rel_kb_save_json(kb, scratch_path(json_path, sizeof(json_path), "either.json"), &err), REL_OK);
    assert_int_equal(rel_kb_open_file(&from_snap, snap_path, NULL, &err), REL_OK);
    assert_int_equal(rel_kb_open_file(&from_json, json_path, NULL, &err), REL_OK);
    assert_int_equal(rel_kb_is_read_only(from_snap), 1);
    assert_int_equal(rel_kb_is_read_only(from_json), 0);
    assert_same_export(kb, from_snap);
    assert_same_export(kb, from_json);
    rel_kb_free(from_snap);
    rel_kb_free(from_json);
    /* The annotation itself, whose sources are files beside it. */
    assert_int_equal(rel_kb_open_file(&from_json, ANNOTATION, NULL, &err), REL_OK);
    assert_int_equal(rel_kb_is_read_only(from_json), 0);
    assert_same_export(kb, from_json);
    rel_kb_free(from_json);
    /* Errors are those of the format the file is in. */
    from_json = POISON_KB;
    write_file(json_path, "{\"format\": ", 11);
    assert_int_equal(rel_kb_open_file(&from_json, json_path, NULL, &err), REL_ERR_SYNTAX);
    assert_null(from_json);
    from_json = POISON_KB;
    assert_int_equal(rel_kb_open_file(&from_json, scratch_path(json_path, sizeof(json_path), "missing"), NULL, &err),
                     REL_ERR_IO);
    assert_null(from_json);
    assert_int_equal(rel_kb_open_file(NULL, snap_path, NULL, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_open_file(&from_json, NULL, NULL, &err), REL_ERR_ARG);
    rel_kb_free(kb);
}

/* Differences between versions come out the same from a snapshot. */
static void assert_same_diff(const rel_diff *a, const rel_diff *b)
{
    size_t i, k;
    int32_t side;

    assert_int_equal(rel_diff_count(b), rel_diff_count(a));
    for (i = 0; i < rel_diff_count(a); i++) {
        const rel_difference *x = rel_diff_at(a, i), *y = rel_diff_at(b, i);

        assert_int_equal(rel_difference_kind(y), rel_difference_kind(x));
        assert_int_equal(rel_difference_object_kind(y), rel_difference_object_kind(x));
        if (rel_difference_entity(x))
            assert_string_equal(rel_entity_id(rel_difference_entity(y), NULL), rel_entity_id(rel_difference_entity(x), NULL));
        if (rel_difference_event(x))
            assert_string_equal(rel_event_id(rel_difference_event(y), NULL), rel_event_id(rel_difference_event(x), NULL));
        for (side = REL_SIDE_A; side <= REL_SIDE_B; side++) {
            if (rel_difference_claim(x, side))
                assert_string_equal(rel_claim_id(rel_difference_claim(y, side), NULL),
                                    rel_claim_id(rel_difference_claim(x, side), NULL));
            assert_string_equal(rel_source_id(rel_difference_source(y, side), NULL),
                                rel_source_id(rel_difference_source(x, side), NULL));
            assert_int_equal(rel_difference_evidence_count(y, side), rel_difference_evidence_count(x, side));
            for (k = 0; k < rel_difference_evidence_count(x, side); k++) {
                assert_int_equal(rel_evidence_start(rel_difference_evidence_at(y, side, k)),
                                 rel_evidence_start(rel_difference_evidence_at(x, side, k)));
                assert_int_equal(rel_evidence_end(rel_difference_evidence_at(y, side, k)),
                                 rel_evidence_end(rel_difference_evidence_at(x, side, k)));
            }
            assert_int_equal(rel_difference_modality(y, side), rel_difference_modality(x, side));
            if (rel_difference_claimant(x, side))
                assert_string_equal(rel_entity_id(rel_difference_claimant(y, side), NULL),
                                    rel_entity_id(rel_difference_claimant(x, side), NULL));
            else
                assert_null(rel_difference_claimant(y, side));
        }
        assert_int_equal(rel_difference_change_count(y), rel_difference_change_count(x));
    }
}

static void test_snapshot__diffs_match(void **state)
{
    rel_kb *kb = helper_open_builtin(), *snap;
    char path[256];
    size_t a, b, total = 0;

    (void)state;
    save_ok(kb, scratch_path(path, sizeof(path), "diff.snap"));
    snap = open_ok(path, NULL);
    for (a = 0; a < rel_kb_source_count(kb); a++) {
        rel_diff *dk = NULL, *ds = NULL;

        assert_int_equal(rel_diff_within(&dk, kb, rel_kb_source_at(kb, a), NULL), REL_OK);
        assert_int_equal(rel_diff_within(&ds, snap, rel_kb_source_at(snap, a), NULL), REL_OK);
        assert_same_diff(dk, ds);
        rel_diff_free(dk);
        rel_diff_free(ds);
        for (b = 0; b < rel_kb_source_count(kb); b++) {
            if (a == b)
                continue;
            assert_int_equal(rel_diff_sources(&dk, kb, rel_kb_source_at(kb, a), rel_kb_source_at(kb, b), NULL), REL_OK);
            assert_int_equal(
                rel_diff_sources(&ds, snap, rel_kb_source_at(snap, a), rel_kb_source_at(snap, b), NULL), REL_OK);
            assert_same_diff(dk, ds);
            total += rel_diff_count(dk);
            rel_diff_free(dk);
            rel_diff_free(ds);
        }
    }
    assert_true(total > 50);
    rel_kb_free(snap);
    rel_kb_free(kb);
}

/* ---- errors ------------------------------------------------------------- */

static void test_snapshot__null_arguments(void **state)
{
    rel_kb *kb = helper_open_builtin(), *out = POISON_KB;
    rel_kb_options bad = REL_KB_OPTIONS_INIT;
    char path[256];
    rel_error err;

    (void)state;
    scratch_path(path, sizeof(path), "null.snap");
    assert_int_equal(rel_kb_save_snapshot(NULL, path, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_int_equal(rel_kb_save_snapshot(kb, NULL, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_false(file_exists(path));
    save_ok(kb, path);
    assert_int_equal(rel_kb_open_snapshot(NULL, path, NULL, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_open_snapshot(&out, NULL, NULL, &err), REL_ERR_ARG);
    assert_null(out);
    /* Invalid options: an unknown version, an allocator with only some functions. */
    bad.version = 0;
    out = POISON_KB;
    assert_int_equal(rel_kb_open_snapshot(&out, path, &bad, &err), REL_ERR_ARG);
    assert_null(out);
    {
        helper_alloc a = {0, 0, 0, 0};
        rel_kb_options half = helper_alloc_options(&a);

        half.allocator.realloc = NULL;
        out = POISON_KB;
        assert_int_equal(rel_kb_open_snapshot(&out, path, &half, &err), REL_ERR_ARG);
        assert_null(out);
    }
    rel_kb_free(kb);
}

static void test_snapshot__io_errors(void **state)
{
    rel_kb *kb = helper_open_builtin();
    char path[256];
    rel_error err;

    (void)state;
    open_fails(scratch_path(path, sizeof(path), "does-not-exist.snap"), REL_ERR_IO);
    /* A folder is not a file. */
    open_fails(scratch, REL_ERR_IO);
    /* Saving into a folder that does not exist. */
    assert_int_equal(rel_kb_save_snapshot(kb, scratch_path(path, sizeof(path), "no/such/folder.snap"), &err),
                     REL_ERR_IO);
    assert_int_equal(err.status, REL_ERR_IO);
    assert_true(err.message[0] != '\0');
    rel_kb_free(kb);
}

static void test_snapshot__foreign_files(void **state)
{
    rel_kb *kb = helper_open_builtin();
    char path[256], noise[4096];
    rkb_rng r;
    size_t i;
    rel_error err;

    (void)state;
    scratch_path(path, sizeof(path), "foreign");
    /* A JSON export. */
    assert_int_equal(rel_kb_save_json(kb, path, &err), REL_OK);
    open_fails(path, REL_ERR_FORMAT);
    /* Random bytes, of several lengths. */
    rkb_seed(&r, 5);
    for (i = 0; i < sizeof(noise); i++)
        noise[i] = (char)rkb_next(&r);
    write_file(path, noise, sizeof(noise));
    open_fails(path, REL_ERR_FORMAT);
    write_file(path, noise, 100);
    open_fails(path, REL_ERR_FORMAT);
    /* An empty file. */
    write_file(path, "", 0);
    open_fails(path, REL_ERR_FORMAT);
    /* The magic alone, and the magic followed by noise. */
    write_file(path, "RELSNAP", 8);
    open_fails(path, REL_ERR_FORMAT);
    memcpy(noise, "RELSNAP", 8);
    write_file(path, noise, sizeof(noise));
    open_fails(path, REL_ERR_FORMAT);
    rel_kb_free(kb);
}

/* ---- damaged files ------------------------------------------------------ */

/* One source, two entities, one event, one claim: a snapshot of a few kilobytes. */
static rel_kb *tiny_kb(void)
{
    rel_source_spec s = REL_SOURCE_SPEC_INIT;
    rel_claim_spec c = REL_CLAIM_SPEC_INIT;
    rel_kb *kb = NULL;

    assert_int_equal(rel_kb_new(&kb, NULL), REL_OK);
    s.id = "src";
    s.id_len = REL_NTS;
    s.text = "Iran sent arms to Syria in 1990.";
    s.text_len = REL_NTS;
    assert_int_equal(rel_kb_add_source(kb, &s), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "iran", REL_NTS, REL_ENTITY_STATE, "Iran", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_alias(kb, "iran", REL_NTS, "Persia", REL_NTS, "en", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "syria", REL_NTS, REL_ENTITY_STATE, "Syria", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_event(kb, "sent", REL_NTS, "AID.military", REL_NTS), REL_OK);
    assert_int_equal(rel_kb_add_participant(kb, "sent", REL_NTS, "iran", REL_NTS, REL_ROLE_AGENT), REL_OK);
    assert_int_equal(rel_kb_add_participant(kb, "sent", REL_NTS, "syria", REL_NTS, REL_ROLE_RECIPIENT), REL_OK);
    assert_int_equal(rel_kb_set_event_time(kb, "sent", REL_NTS, "1990", REL_NTS, "in 1990", REL_NTS), REL_OK);
    c.id = "claim";
    c.id_len = REL_NTS;
    c.subject.kind = REL_VALUE_EVENT;
    c.subject.str = "sent";
    c.subject.str_len = REL_NTS;
    c.predicate = "happened";
    c.predicate_len = REL_NTS;
    c.claimant = "iran";
    c.claimant_len = REL_NTS;
    c.modality = REL_MODALITY_REPORTED;
    assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "iran", REL_NTS, "src", REL_NTS, 0, 4), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "sent", REL_NTS, "src", REL_NTS, 5, 14), REL_OK);
    assert_int_equal(rel_kb_add_evidence(kb, "claim", REL_NTS, "src", REL_NTS, 0, 23), REL_OK);
    return kb;
}

/* The bytes of a snapshot of the tiny knowledge base; free() them. */
static char *tiny_snapshot(size_t *len)
{
    rel_kb *kb = tiny_kb();
    char path[256], *bytes;

    save_ok(kb, scratch_path(path, sizeof(path), "tiny.snap"));
    rel_kb_free(kb);
    bytes = helper_read_file(path, len);
    assert_non_null(bytes);
    assert_int_equal(unlink(path), 0);
    assert_true(*len > sizeof(snap_header));
    return bytes;
}

/* Writes bytes to a file and opens it as a snapshot: it must fail with REL_ERR_FORMAT. Returns the message. */
static const char *damaged_fails(const char *bytes, size_t len, const char *what)
{
    static char message[512];
    char path[256];
    rel_kb *kb = POISON_KB;
    rel_error err;
    rel_status st;

    write_file(scratch_path(path, sizeof(path), "damaged.snap"), bytes, len);
    st = rel_kb_open_snapshot(&kb, path, NULL, &err);
    if (st == REL_OK) {
        rel_kb_free(kb);
        fail_msg("%s (%zu bytes): opened", what, len);
    }
    if (st != REL_ERR_FORMAT)
        fail_msg("%s (%zu bytes): %s (%s), not REL_ERR_FORMAT", what, len, rel_status_str(st), err.message);
    assert_null(kb);
    assert_int_equal(err.status, REL_ERR_FORMAT);
    if (err.message[0] == '\0')
        fail_msg("%s (%zu bytes): no message", what, len);
    snprintf(message, sizeof(message), "%s", err.message);
    return message;
}

/* Opens the file at path as a snapshot: it must fail with REL_ERR_FORMAT and no knowledge base. */
static void file_fails(const char *path, const char *what, size_t at)
{
    rel_kb *kb = POISON_KB;
    rel_error err;
    rel_status st = rel_kb_open_snapshot(&kb, path, NULL, &err);

    if (st == REL_OK) {
        rel_kb_free(kb);
        fail_msg("%s at %zu: opened", what, at);
    }
    if (st != REL_ERR_FORMAT)
        fail_msg("%s at %zu: %s (%s), not REL_ERR_FORMAT", what, at, rel_status_str(st), err.message);
    assert_null(kb);
    if (err.message[0] == '\0')
        fail_msg("%s at %zu: no message", what, at);
}

/* Writes bytes to a scratch file and keeps it open for changes in place (pwrite, ftruncate). */
static int open_scratch_copy(const char *bytes, size_t len, char *path, size_t cap)
{
    int fd;

    write_file(scratch_path(path, cap, "in-place.snap"), bytes, len);
    fd = open(path, O_RDWR);
    assert_true(fd >= 0);
    return fd;
}

static void put_bytes(int fd, const void *bytes, size_t n, size_t at)
{
    assert_int_equal(pwrite(fd, bytes, n, (off_t)at), (ssize_t)n);
}

/* A copy of the snapshot with n bytes at `at` replaced. */
static char *patched(const char *good, size_t len, size_t at, const void *value, size_t n)
{
    char *bad = malloc(len);

    assert_non_null(bad);
    memcpy(bad, good, len);
    memcpy(bad + at, value, n);
    return bad;
}

static int contains(const char *message, const char *word)
{
    return strstr(message, word) != NULL;
}

static void test_snapshot__damaged_header(void **state)
{
    size_t len, i, j;
    char *good = tiny_snapshot(&len), *bad;
    char messages[6][512];
    uint32_t u32;
    uint64_t u64;

    (void)state;
    /* Still good as it is. */
    {
        char path[256];
        rel_kb *kb;

        write_file(scratch_path(path, sizeof(path), "good.snap"), good, len);
        kb = open_ok(path, NULL);
        rel_kb_free(kb);
    }
    /* Not the magic. */
    bad = patched(good, len, 0, "RELSNAQ", 8);
    snprintf(messages[0], sizeof(messages[0]), "%s", damaged_fails(bad, len, "magic"));
    free(bad);
    bad = patched(good, len, 0, "relsnap", 8);
    damaged_fails(bad, len, "magic in lower case");
    free(bad);
    /* Another format version. */
    u32 = REL_SNAPSHOT_FORMAT + 1;
    bad = patched(good, len, offsetof(snap_preamble, format), &u32, sizeof(u32));
    snprintf(messages[1], sizeof(messages[1]), "%s", damaged_fails(bad, len, "version"));
    free(bad);
    u32 = 0;
    bad = patched(good, len, offsetof(snap_preamble, format), &u32, sizeof(u32));
    damaged_fails(bad, len, "version 0");
    free(bad);
    /* The byte-order mark as a machine of the other byte order reads it. */
    u32 = 0x04030201u;
    bad = patched(good, len, offsetof(snap_preamble, byte_order), &u32, sizeof(u32));
    snprintf(messages[2], sizeof(messages[2]), "%s", damaged_fails(bad, len, "byte order"));
    free(bad);
    /* Another word size. */
    u32 = sizeof(void *) == 8 ? 4 : 8;
    bad = patched(good, len, offsetof(snap_preamble, pointer_size), &u32, sizeof(u32));
    snprintf(messages[3], sizeof(messages[3]), "%s", damaged_fails(bad, len, "word size"));
    free(bad);
    /* A length that is not the file's. */
    u64 = (uint64_t)len + 8;
    bad = patched(good, len, offsetof(snap_preamble, file_length), &u64, sizeof(u64));
    snprintf(messages[4], sizeof(messages[4]), "%s", damaged_fails(bad, len, "length"));
    free(bad);
    /* Content that does not match the checksum, and a checksum that does not match the content. */
    bad = patched(good, len, len / 2, good + len / 2, 1);
    bad[len / 2] ^= 0x10;
    snprintf(messages[5], sizeof(messages[5]), "%s", damaged_fails(bad, len, "content"));
    free(bad);
    bad = patched(good, len, len - 1, "\x01", 1);
    assert_string_equal(damaged_fails(bad, len, "last byte"), messages[5]);
    free(bad);
    bad = patched(good, len, sizeof(snap_header), good + sizeof(snap_header), 1);
    bad[sizeof(snap_header)] ^= 0x01;
    assert_string_equal(damaged_fails(bad, len, "first byte after the header"), messages[5]);
    free(bad);
    u64 = 0;
    memcpy(&u64, good + offsetof(snap_preamble, checksum), sizeof(u64));
    u64 ^= 1;
    bad = patched(good, len, offsetof(snap_preamble, checksum), &u64, sizeof(u64));
    assert_string_equal(damaged_fails(bad, len, "checksum"), messages[5]);
    free(bad);

    /* Each message says which: they all differ, and name what the header calls them. */
    for (i = 0; i < 6; i++)
        for (j = i + 1; j < 6; j++)
            if (strcmp(messages[i], messages[j]) == 0)
                fail_msg("two kinds of damage give one message: \"%s\"", messages[i]);
    assert_true(contains(messages[1], "format"));
    assert_true(contains(messages[2], "byte order"));
    assert_true(contains(messages[5], "checksum"));
    free(good);
}

static void test_snapshot__truncated(void **state)
{
    rel_kb *kb = helper_open_builtin();
    char path[256], *good;
    size_t len, i;
    const size_t cuts[] = {0, 1, 7, 8, sizeof(snap_preamble) - 1, sizeof(snap_preamble), sizeof(snap_header) - 1,
                           sizeof(snap_header), sizeof(snap_header) + 1};

    (void)state;
    save_ok(kb, scratch_path(path, sizeof(path), "whole.snap"));
    rel_kb_free(kb);
    good = helper_read_file(path, &len);
    assert_non_null(good);
    for (i = 0; i < COUNT(cuts); i++)
        damaged_fails(good, cuts[i], "cut");
    damaged_fails(good, len / 2, "half");
    damaged_fails(good, len - 8, "the last word");
    damaged_fails(good, len - 1, "the last byte");
    /* And one byte too many. */
    {
        char *longer = malloc(len + 1);
        assert_non_null(longer);
        memcpy(longer, good, len);
        longer[len] = '\0';
        damaged_fails(longer, len + 1, "appended");
        free(longer);
    }
    free(good);
}

/* Every length short of the whole file is refused, and nothing is read beyond what is there. */
static void test_snapshot__every_truncation(void **state)
{
    size_t len, cut;
    char *good = tiny_snapshot(&len), path[256];
    int fd = open_scratch_copy(good, len, path, sizeof(path));

    (void)state;
    for (cut = len; cut-- > 0;) {
        assert_int_equal(ftruncate(fd, (off_t)cut), 0);
        file_fails(path, "cut", cut);
    }
    assert_int_equal(close(fd), 0);
    free(good);
}

/* Every byte changed, anywhere, is noticed: the preamble field by field, the rest by the checksum. */
static void test_snapshot__every_byte_changed(void **state)
{
    static const unsigned char flips[] = {0x01, 0x80};
    size_t len, at, f;
    char *good = tiny_snapshot(&len), path[256];
    int fd = open_scratch_copy(good, len, path, sizeof(path));

    (void)state;
    for (at = 0; at < len; at++) {
        for (f = 0; f < COUNT(flips); f++) {
            char b = (char)(good[at] ^ flips[f]);

            put_bytes(fd, &b, 1, at);
            file_fails(path, "a changed byte", at);
        }
        put_bytes(fd, good + at, 1, at);
    }
    assert_int_equal(close(fd), 0);
    free(good);
}

/* Reads everything a knowledge base holds, as a program would. */
static void read_everything(const rel_kb *kb)
{
    size_t i, j, len = 0;
    int32_t target;
    char *json;

    for (i = 0; i < rel_kb_source_count(kb); i++)
        (void)rel_source_text(rel_kb_source_at(kb, i), &len);
    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        (void)rel_entity_name(e, &len);
        for (j = 0; j < rel_entity_alias_count(e); j++)
            (void)rel_entity_alias_text(e, j, &len);
    }
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev = rel_kb_event_at(kb, i);
        for (j = 0; j < rel_event_evidence_count(ev); j++)
            (void)rel_evidence_text(rel_event_evidence_at(ev, j), &len);
    }
    json = helper_export(kb, &len);
    free(json);
    for (target = REL_QUERY_EVENTS; target <= REL_QUERY_ENTITIES; target++) {
        rel_query_options o = REL_QUERY_OPTIONS_INIT;
        rel_query *q = NULL;
        const void *results[16];
        size_t count;

        o.target = target;
        if (target == REL_QUERY_ENTITIES) {
            o.alias = "ir";
            o.alias_match = REL_MATCH_PREFIX;
        } else {
            o.text = "iran";
        }
        if (rel_query_new(&q, kb, &o, NULL) != REL_OK)
            continue;
        (void)qr_collect(q, target, results, COUNT(results));
        (void)rel_query_count(q, &count);
        rel_query_free(q);
    }
}

/*
 * Huge offsets, lengths and counts in each section of the header, with the
 * checksum made to match: a count of 2^40 records must not be believed,
 * multiplied into an overflow, or used to size an allocation.
 */
static void test_snapshot__huge_section_fields_are_refused(void **state)
{
    static const uint64_t values[] = {UINT64_MAX, UINT64_MAX / 2, (uint64_t)1 << 40, (uint64_t)UINT32_MAX + 1};
    static const size_t fields[] = {offsetof(snap_section, offset), offsetof(snap_section, length),
                                    offsetof(snap_section, count)};
    size_t len, sec, f, v, refused = 0;
    char *good = tiny_snapshot(&len), path[256];
    int fd = open_scratch_copy(good, len, path, sizeof(path));

    (void)state;
    for (sec = 0; sec < SNAP_SECTION_COUNT; sec++) {
        for (f = 0; f < COUNT(fields); f++) {
            size_t at = offsetof(snap_header, sections) + sec * sizeof(snap_section) + fields[f];

            for (v = 0; v < COUNT(values); v++) {
                char saved[8];
                uint64_t sum;
                rel_kb *kb = POISON_KB;
                rel_error err;
                rel_status st;

                memcpy(saved, good + at, sizeof(saved));
                memcpy(good + at, &values[v], sizeof(values[v]));
                sum = XXH3_64bits(good + sizeof(snap_preamble), len - sizeof(snap_preamble));
                put_bytes(fd, &values[v], sizeof(values[v]), at);
                put_bytes(fd, &sum, sizeof(sum), offsetof(snap_preamble, checksum));
                memcpy(good + at, saved, sizeof(saved));
                st = rel_kb_open_snapshot(&kb, path, NULL, &err);
                if (st == REL_OK) {
                    read_everything(kb);
                    rel_kb_free(kb);
                }
                put_bytes(fd, saved, sizeof(saved), at);
                if (st == REL_OK)
                    continue; /* a count that nothing reads (the string pool's) */
                if (st != REL_ERR_FORMAT)
                    fail_msg("section %zu field %zu = %llu: %s (%s)", sec, f, (unsigned long long)values[v],
                             rel_status_str(st), err.message);
                assert_null(kb);
                refused++;
            }
        }
    }
    /* Every offset and length, and the count of every record section, is refused. */
    assert_true(refused >= SNAP_SECTION_COUNT * 2 * COUNT(values));
    assert_int_equal(close(fd), 0);
    free(good);
}

/*
 * Every byte after the header changed, and the checksum made to match: the
 * checks of the content either refuse the file (REL_ERR_FORMAT) or what
 * they let through reads without a fault (the sanitizers watch).
 */
static void test_snapshot__forged_bytes_are_checked(void **state)
{
    static const unsigned char values[] = {0x00, 0xFF, 0x07};
    size_t len, at, v, refused = 0, opened = 0;
    char *good = tiny_snapshot(&len), path[256];
    int fd = open_scratch_copy(good, len, path, sizeof(path));

    (void)state;
    for (at = sizeof(snap_preamble); at < len; at++) {
        for (v = 0; v < COUNT(values); v++) {
            char saved = good[at];
            uint64_t sum;
            rel_kb *kb = POISON_KB;
            rel_error err;
            rel_status st;

            if ((unsigned char)saved == values[v])
                continue;
            good[at] = (char)values[v];
            sum = XXH3_64bits(good + sizeof(snap_preamble), len - sizeof(snap_preamble));
            good[at] = saved;
            put_bytes(fd, &values[v], 1, at);
            put_bytes(fd, &sum, sizeof(sum), offsetof(snap_preamble, checksum));
            st = rel_kb_open_snapshot(&kb, path, NULL, &err);
            if (st == REL_OK) {
                opened++;
                read_everything(kb);
                rel_kb_free(kb);
            }
            /* The file is changed back only once no knowledge base maps it. */
            put_bytes(fd, &saved, 1, at);
            if (st == REL_OK)
                continue;
            if (st != REL_ERR_FORMAT)
                fail_msg("byte %zu set to %u: %s (%s)", at, (unsigned)values[v], rel_status_str(st), err.message);
            assert_null(kb);
            assert_true(err.message[0] != '\0');
            refused++;
        }
    }
    /* Most changes are caught; some (a letter of a text, padding) are harmless. */
    assert_true(refused > 0);
    assert_true(opened > 0);
    assert_int_equal(close(fd), 0);
    free(good);
}

/* ---- allocation failure ------------------------------------------------- */

static void arm(helper_alloc *a, size_t fail_at)
{
    a->calls = 0;
    a->fail_at = fail_at;
    a->failures = 0;
}

static const rkb_size alloc_size = {2, 6, 10, 8};

static char *export_unfailing(helper_alloc *a, const rel_kb *kb, size_t *len)
{
    char *json;

    arm(a, 0);
    json = helper_export(kb, len);
    assert_non_null(json);
    return json;
}

/*
 * Saves, failing each allocation in turn: REL_ERR_NOMEM, nothing leaked
 * (beyond indexes that were completed), and at the path either nothing or
 * the file that was there (`old`, if not NULL).
 */
static void save_failing_everywhere(int prebuilt, const char *old)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = helper_alloc_options(&a);
    rel_kb *kb, *snap;
    char path[256], *json;
    size_t len = 0, n, files;
    long long live;
    rel_error err;
    rel_status st;

    arm(&a, 0);
    kb = rkb_new(77, &alloc_size, &opts);
    if (prebuilt)
        assert_int_equal(rel_kb_build_indexes(kb, NULL), REL_OK);
    json = export_unfailing(&a, kb, &len);
    scratch_path(path, sizeof(path), "failing.snap");
    if (old)
        write_file(path, old, strlen(old));
    files = scratch_files();
    live = a.live;
    for (n = 1;; n++) {
        arm(&a, n);
        st = rel_kb_save_snapshot(kb, path, &err);
        if (a.failures == 0)
            break;
        if (st != REL_ERR_NOMEM)
            fail_msg("allocation %zu failed: got %s (%s)", n, rel_status_str(st), err.message);
        assert_int_equal(err.status, REL_ERR_NOMEM);
        if (prebuilt && a.live != live)
            fail_msg("allocation %zu failed: %lld blocks left", n, a.live - live);
        if (old) {
            size_t got_len = 0;
            char *got = helper_read_file(path, &got_len);
            assert_non_null(got);
            assert_int_equal(got_len, strlen(old));
            assert_memory_equal(got, old, got_len);
            free(got);
        } else {
            assert_false(file_exists(path));
        }
        /* No temporary file is left behind. */
        if (scratch_files() != files)
            fail_msg("allocation %zu failed: %zu files in the folder, not %zu", n, scratch_files(), files);
        if (prebuilt)
            assert_true(rel_kb_index_size(kb) > 0);
    }
    assert_int_equal(st, REL_OK);
    assert_true(n > 1 || prebuilt);
    snap = open_ok(path, NULL);
    {
        size_t snap_len = 0;
        char *snap_json = helper_export(snap, &snap_len);
        assert_int_equal(snap_len, len);
        assert_memory_equal(snap_json, json, len);
        free(snap_json);
    }
    rel_kb_free(snap);
    free(json);
    rel_kb_free(kb);
    assert_int_equal(a.live, 0);
    assert_int_equal(unlink(path), 0);
}

static void test_snapshot__alloc_save(void **state)
{
    (void)state;
    save_failing_everywhere(0, NULL);
    save_failing_everywhere(1, NULL);
    save_failing_everywhere(0, "the snapshot that was there");
}

static void test_snapshot__alloc_open(void **state)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = helper_alloc_options(&a);
    rel_kb *kb, *snap;
    char path[256], *json;
    size_t len = 0, n;
    rel_error err;
    rel_status st;

    (void)state;
    kb = rkb_new(78, &alloc_size, NULL);
    json = helper_export(kb, &len);
    assert_non_null(json);
    save_ok(kb, scratch_path(path, sizeof(path), "alloc-open.snap"));
    rel_kb_free(kb);
    for (n = 1;; n++) {
        snap = POISON_KB;
        arm(&a, n);
        st = rel_kb_open_snapshot(&snap, path, &opts, &err);
        if (a.failures == 0)
            break;
        if (st != REL_ERR_NOMEM)
            fail_msg("allocation %zu failed: got %s (%s)", n, rel_status_str(st), err.message);
        assert_null(snap);
        assert_int_equal(err.status, REL_ERR_NOMEM);
        if (a.live != 0)
            fail_msg("allocation %zu failed: %lld blocks left", n, a.live);
    }
    assert_int_equal(st, REL_OK);
    assert_true(n > 1);
    {
        size_t snap_len = 0;
        char *snap_json = export_unfailing(&a, snap, &snap_len);
        assert_int_equal(snap_len, len);
        assert_memory_equal(snap_json, json, len);
        free(snap_json);
    }
    /* Queries on the snapshot allocate from its allocator, and fail cleanly too. */
    {
        rel_query_options o = REL_QUERY_OPTIONS_INIT;
        long long live = a.live;
        rel_query *q;

        o.target = REL_QUERY_ENTITIES;
        o.alias = "i";
        o.alias_match = REL_MATCH_PREFIX;
        o.text = "Iran";
        for (n = 1;; n++) {
            q = (rel_query *)(void *)poison;
            arm(&a, n);
            st = rel_query_new(&q, snap, &o, &err);
            if (a.failures == 0)
                break;
            if (st != REL_ERR_NOMEM)
                fail_msg("query, allocation %zu failed: got %s (%s)", n, rel_status_str(st), err.message);
            assert_null(q);
            assert_int_equal(a.live, live);
        }
        assert_int_equal(st, REL_OK);
        rel_query_free(q);
        assert_int_equal(a.live, live);
    }
    rel_kb_free(snap);
    assert_int_equal(a.live, 0);
    free(json);
    assert_int_equal(unlink(path), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_snapshot__builtin_round_trip, empty_after),
        cmocka_unit_test_teardown(test_snapshot__random_round_trips, empty_after),
        cmocka_unit_test_teardown(test_snapshot__empty_kb_round_trip, empty_after),
        cmocka_unit_test_teardown(test_snapshot__snapshot_of_a_snapshot, empty_after),
        cmocka_unit_test_teardown(test_snapshot__save_replaces, empty_after),
        cmocka_unit_test_teardown(test_snapshot__refuses_every_write, empty_after),
        cmocka_unit_test_teardown(test_snapshot__open_file_takes_either_format, empty_after),
        cmocka_unit_test_teardown(test_snapshot__diffs_match, empty_after),
        cmocka_unit_test_teardown(test_snapshot__null_arguments, empty_after),
        cmocka_unit_test_teardown(test_snapshot__io_errors, empty_after),
        cmocka_unit_test_teardown(test_snapshot__foreign_files, empty_after),
        cmocka_unit_test_teardown(test_snapshot__damaged_header, empty_after),
        cmocka_unit_test_teardown(test_snapshot__truncated, empty_after),
        cmocka_unit_test_teardown(test_snapshot__every_truncation, empty_after),
        cmocka_unit_test_teardown(test_snapshot__every_byte_changed, empty_after),
        cmocka_unit_test_teardown(test_snapshot__forged_bytes_are_checked, empty_after),
        cmocka_unit_test_teardown(test_snapshot__huge_section_fields_are_refused, empty_after),
        cmocka_unit_test_teardown(test_snapshot__alloc_save, empty_after),
        cmocka_unit_test_teardown(test_snapshot__alloc_open, empty_after),
    };

    return cmocka_run_group_tests_name("snapshot", tests, setup_scratch, teardown_scratch);
}
