/* SPDX-License-Identifier: MIT */
/*
 * JSON import from memory (rel_kb_open_json_mem). The input is the
 * document. Whatever it is, the import gives a knowledge base or an error
 * with its detail. A knowledge base it gives is walked through the read
 * calls, compared version against version, exported, and the export must
 * import again and export to the same bytes. The import is then repeated
 * with one of its allocations failing: that must give REL_ERR_NOMEM and
 * leak nothing.
 *
 * Sources may name a file ("path"): this program links with
 * -Wl,--wrap=fopen, so that the only file there is to read is
 * /fuzz/text.txt, served from memory, and nothing outside is ever read
 * (not /dev/zero, say). Writes go through: libFuzzer writes its artifacts
 * with fopen().
 */
#define _GNU_SOURCE /* fmemopen */
#include "fuzz.h"

#include <errno.h>
#include <string.h>

#define BASE_DIR "/fuzz"

FILE *__real_fopen(const char *path, const char *mode);
FILE *__wrap_fopen(const char *path, const char *mode);

FILE *__wrap_fopen(const char *path, const char *mode)
{
    static char text[] = "Pyongyang and Tehran \xE2\x80\x93 \xED\x8F\x89\xEC\x96\x91 \xD8\xAA\xD9\x87\xD8\xB1\xD8\xA7\xD9\x86.";

    if (strpbrk(mode, "wa+"))
        return __real_fopen(path, mode);
    if (strcmp(path, BASE_DIR "/text.txt") == 0)
        return fmemopen(text, sizeof(text) - 1, "r");
    errno = ENOENT;
    return NULL;
}

/*
 * Whether the document has a \u0000 escape. No string of the format may
 * hold a NUL (ids, names and texts refuse it, codes and keys never match
 * with one), so a document that has one must not import: a success means
 * that a string was read up to its NUL and the rest dropped.
 */
static int has_nul_escape(const char *s, size_t n)
{
    size_t i, k;

    for (i = 0; i + 6 <= n; i++) {
        if (s[i] != '\\' || s[i + 1] != 'u' || memcmp(s + i + 2, "0000", 4) != 0)
            continue;
        for (k = 0; k < i && s[i - 1 - k] == '\\'; k++)
            ;
        if (k % 2 == 0) /* the backslash is not itself escaped */
            return 1;
    }
    return 0;
}

static void check_error(rel_status st, const rel_error *err, size_t size)
{
    static const rel_status documented[] = {
        REL_ERR_ARG, REL_ERR_IO, REL_ERR_SYNTAX, REL_ERR_UTF8, REL_ERR_SCHEMA, REL_ERR_DUPLICATE,
        REL_ERR_REFERENCE, REL_ERR_RANGE, REL_ERR_MISMATCH, REL_ERR_NOT_FOUND, REL_ERR_AMBIGUOUS,
        REL_ERR_LIMIT, REL_ERR_NOMEM};
    size_t i;
    int known = 0;

    for (i = 0; i < sizeof(documented) / sizeof(documented[0]); i++)
        known |= st == documented[i];
    if (!known)
        fprintf(stderr, "undocumented status %d: %s\n", (int)st, err->message);
    FUZZ_CHECK(known);
    FUZZ_CHECK(err->status == st);
    FUZZ_CHECK(memchr(err->message, '\0', sizeof(err->message)) != NULL && err->message[0] != '\0');
    FUZZ_CHECK(memchr(err->file, '\0', sizeof(err->file)) != NULL);
    FUZZ_CHECK(err->line == 0 || err->offset <= size);
}

static void walk_evidence(const rel_evidence *ev)
{
    uint64_t s, e;
    size_t len, tlen;
    const char *text = rel_evidence_text(ev, &len);
    const char *src = rel_source_text(rel_evidence_source(ev), &tlen);

    FUZZ_CHECK(text != NULL && src != NULL);
    FUZZ_CHECK(rel_evidence_start(ev) < rel_evidence_end(ev) && rel_evidence_end(ev) <= tlen);
    FUZZ_CHECK(len == rel_evidence_end(ev) - rel_evidence_start(ev));
    FUZZ_CHECK(memcmp(text, src + rel_evidence_start(ev), len) == 0);
    FUZZ_CHECK(rel_evidence_codepoints(ev, &s, &e) == REL_OK && s < e);
}

/* Every read call on every object; the alias index must find every alias. */
static void walk(const rel_kb *kb)
{
    const rel_entity *found[4];
    size_t i, j, count, len;

    for (i = 0; i < rel_kb_source_count(kb); i++) {
        const rel_source *s = rel_kb_source_at(kb, i);
        const char *id = rel_source_id(s, &len);
        const rel_source *again;
        FUZZ_CHECK(rel_kb_find_source(kb, id, len, &again) == REL_OK && again == s);
        FUZZ_CHECK(rel_source_index(s) == i);
    }
    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        const char *id = rel_entity_id(e, &len);
        FUZZ_CHECK(rel_kb_id_kind(kb, id, len) == REL_OBJECT_ENTITY);
        FUZZ_CHECK(rel_entity_kind_name(rel_entity_kind(e)) != NULL);
        for (j = 0; j < rel_entity_alias_count(e); j++) {
            size_t alen;
            const char *alias = rel_entity_alias_text(e, j, &alen);
            FUZZ_CHECK(rel_kb_find_alias(kb, alias, alen, REL_MATCH_EXACT, found, 4, &count) == REL_OK && count > 0);
            FUZZ_CHECK(rel_kb_find_alias(kb, alias, alen, REL_MATCH_NORMALISED, found, 4, &count) == REL_OK &&
                       count > 0);
        }
        for (j = 0; j < rel_entity_evidence_count(e); j++)
            walk_evidence(rel_entity_evidence_at(e, j));
    }
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev = rel_kb_event_at(kb, i);
        for (j = 0; j < rel_event_participant_count(ev); j++)
            FUZZ_CHECK(rel_event_participant_entity(ev, j) != NULL &&
                       rel_role_name(rel_event_participant_role(ev, j)) != NULL);
        for (j = 0; j < rel_event_evidence_count(ev); j++)
            walk_evidence(rel_event_evidence_at(ev, j));
    }
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        FUZZ_CHECK(rel_claim_subject(c) != NULL && rel_claim_claimant(c) != NULL);
        FUZZ_CHECK(rel_modality_name(rel_claim_modality(c)) != NULL);
        for (j = 0; j < rel_kb_source_count(kb); j++) {
            /* Nothing where the source does not state the claim, else both. */
            const rel_source *s = rel_kb_source_at(kb, j);
            int none = rel_claim_modality_in(c, s) == REL_MODALITY_NONE;
            FUZZ_CHECK(none == (rel_claim_claimant_in(c, s) == NULL));
            FUZZ_CHECK(none || rel_modality_name(rel_claim_modality_in(c, s)) != NULL);
        }
        for (j = 0; j < rel_claim_relation_count(c); j++)
            FUZZ_CHECK(rel_claim_relation_target(c, j) != NULL && rel_claim_relation_target(c, j) != c);
        for (j = 0; j < rel_claim_evidence_count(c); j++)
            walk_evidence(rel_claim_evidence_at(c, j));
    }
    for (i = 0; i < rel_kb_unannotated_count(kb); i++)
        walk_evidence(rel_kb_unannotated_at(kb, i));
}

/* What the comparisons find is not checked here; that they run cleanly is. */
static void diff(const rel_kb *kb)
{
    size_t n = rel_kb_source_count(kb), i, j, k;
    rel_diff *d;

    for (i = 0; i < n && i < 3; i++) {
        FUZZ_CHECK(rel_diff_within(&d, kb, rel_kb_source_at(kb, i), NULL) == REL_OK);
        rel_diff_free(d);
        for (j = i + 1; j < n && j < 3; j++) {
            FUZZ_CHECK(rel_diff_sources(&d, kb, rel_kb_source_at(kb, i), rel_kb_source_at(kb, j), NULL) == REL_OK);
            for (k = 0; k < rel_diff_count(d); k++) {
                const rel_difference *x = rel_diff_at(d, k);
                size_t c;
                FUZZ_CHECK(rel_difference_kind_name(rel_difference_kind(x)) != NULL);
                for (c = 0; c < rel_difference_change_count(x); c++) {
                    const char *removed, *added;
                    FUZZ_CHECK(rel_difference_change_at(x, c, &removed, NULL, &added, NULL) == REL_OK);
                }
            }
            rel_diff_free(d);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *json = fuzz_dup(data, size);
    fuzz_alloc counter = {0, 0, 0, 0}, failing = {0, 0, 0, 0};
    rel_kb_options opts = fuzz_alloc_options(&counter), fail_opts;
    rel_kb *kb = (rel_kb *)&counter, *again; /* not NULL: a failed open must set it */
    rel_error err;
    rel_status st;
    fuzz_buf first, second;

    opts.base_dir = BASE_DIR;
    memset(&err, 0x5A, sizeof(err));
    st = rel_kb_open_json_mem(&kb, json, size, &opts, &err);
    if (st != REL_OK) {
        FUZZ_CHECK(kb == NULL);
        check_error(st, &err, size);
        FUZZ_CHECK(counter.live == 0);
        free(json);
        return 0;
    }
    /* A success clears the error record. */
    if (err.status != REL_OK || err.message[0] != '\0')
        fprintf(stderr, "import succeeded with status %d and message \"%s\" in the record\n", (int)err.status,
                err.message);
    FUZZ_CHECK(kb != NULL && err.status == REL_OK && err.message[0] == '\0');
    if (has_nul_escape(json, size))
        fprintf(stderr, "a document with a \\u0000 escape imported\n");
    FUZZ_CHECK(!has_nul_escape(json, size));

    /* The same import with one allocation failing: REL_ERR_NOMEM, nothing leaked. */
    fail_opts = fuzz_alloc_options(&failing);
    fail_opts.base_dir = BASE_DIR;
    if (counter.calls > 0) {
        uint32_t h = 2166136261u;
        size_t i;
        for (i = 0; i < size; i++)
            h = (h ^ data[i]) * 16777619u;
        failing.fail_at = 1 + h % counter.calls;
        again = (rel_kb *)&failing;
        st = rel_kb_open_json_mem(&again, json, size, &fail_opts, &err);
        if (st != REL_ERR_NOMEM)
            fprintf(stderr, "allocation %zu of %zu failing gave status %d: %s\n", failing.fail_at, counter.calls,
                    (int)st, err.message);
        FUZZ_CHECK(st == REL_ERR_NOMEM && again == NULL && failing.failed == 1);
        check_error(st, &err, size);
        FUZZ_CHECK(failing.live == 0);
    }

    walk(kb);
    diff(kb);

    /* An export imports again, and exports to the same bytes. */
    first = fuzz_export(kb);
    st = rel_kb_open_json_mem(&again, first.data, first.len, NULL, &err);
    if (st != REL_OK)
        fprintf(stderr, "the export does not import: %s (line %u, column %u)\n", err.message, (unsigned)err.line,
                (unsigned)err.column);
    FUZZ_CHECK(st == REL_OK);
    second = fuzz_export(again);
    FUZZ_CHECK(second.len == first.len && memcmp(second.data, first.data, first.len) == 0);

    rel_kb_free(again);
    rel_kb_free(kb);
    FUZZ_CHECK(counter.live == 0);
    free(second.data);
    free(first.data);
    free(json);
    return 0;
}
