/* SPDX-License-Identifier: MIT */
/*
 * The builder API, driven by the input: a sequence of calls (add a source,
 * an entity, an alias, an event, a time, a participant, a claim, a claim
 * version, a relation, evidence by offsets or by quote, a predicate, an
 * unannotated passage) with ids, offsets, numbers and strings decoded from
 * the bytes. Any call may also have one of its allocations fail.
 *
 * The promises checked: every call returns a status and, on failure, keeps
 * its detail on the handle; an allocation failure gives REL_ERR_NOMEM; a
 * failed call leaves the knowledge base exactly as it was (its JSON export,
 * the kind of every id, what the alias index finds). At the end the
 * knowledge base exports, the export imports again and exports to the same
 * bytes, and the reimported alias index finds what the built one finds.
 *
 * The input format (each field reads one byte unless said otherwise; bytes
 * past the end read as 0):
 *   call     = op [fail] arguments...    (op & 0x7F) % 14 picks the call; op & 0x80: one allocation fails
 *   fail     = which allocation of the call fails, 1 + fail % 16
 *   id       = m: m < 0xE0: the pool id m % 16; else a string
 *   string   = m, then by m % 8: NULL | NUL-terminated copy of (n % 64) bytes |
 *              pool text | part of a pool text (i, start, length) | pool text, NUL-terminated |
 *              n bytes of the input
 *   integer  = b: b < 0xF0: b % 16 - 1; else 4 bytes, little-endian
 *   offset   = b: b < 0xF0: b; else 8 bytes, little-endian
 */
#include "fuzz.h"

#include <math.h>
#include <string.h>

enum op {
    OP_SOURCE, OP_ENTITY, OP_ALIAS, OP_EVENT, OP_TIME, OP_PARTICIPANT, OP_CLAIM, OP_VERSION,
    OP_RELATION, OP_EVIDENCE, OP_QUOTE, OP_PREDICATE, OP_UNANNOTATED, OP_NULL_KB, OP_COUNT
};

/* Ids the calls pick from, so that references resolve: sources whose ids
 * prefix one another, look-alikes, a non-ASCII id, a control character. */
static const char *const pool_ids[16] = {
    "000_a", "000_b", "001", "000", "ent", "ent2", "Ent", "ev",
    "ev2", "cl", "cl2", "cl3", "00", "\xED\x95\x9C", "x", "cl\x7F"};

/* Texts the calls pick from: source texts with multi-byte characters and
 * repeated words (for quotes), names, languages, time expressions, event
 * types and predicates. */
static const char *const pool_texts[16] = {
    "Iran\xE2\x80\x93North Korea relations date back more than 1600 years, to Silla.",
    "\xEC\x9D\xB4\xEB\x9E\x80\xE2\x80\x93\xEC\xA1\xB0\xEC\x84\xA0 \xEA\xB4\x80\xEA\xB3\x84 and \xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86",
    "Iran\xE2\x80\x99s IRAN's  iran\xE2\x80\x99s",
    "",
    "ab ab ab",
    "START 1980-10",
    "MORE_THAN -P1600Y @2020",
    "en",
    "-P1M @2020-03-31",
    "198X~/2004-06",
    "cooperates_with",
    "AID.military",
    "e\xCC\x81 \xEF\xAC\x81 \xE1\xBA\x9E",
    "North Korea",
    "ko",
    "1500"};

typedef struct reader {
    const uint8_t *data;
    size_t size;
    size_t pos;
} reader;

/* Strings made for one call; freed after it. */
typedef struct scratch {
    char *items[64];
    size_t count;
} scratch;

static uint8_t u8(reader *r)
{
    return r->pos < r->size ? r->data[r->pos++] : 0;
}

static uint64_t le(reader *r, int bytes)
{
    uint64_t v = 0;
    int i;

    for (i = 0; i < bytes; i++)
        v |= (uint64_t)u8(r) << (8 * i);
    return v;
}

static int32_t integer(reader *r)
{
    uint8_t b = u8(r);

    return b < 0xF0 ? (int32_t)(b % 16) - 1 : (int32_t)(uint32_t)le(r, 4);
}

static uint64_t offset(reader *r)
{
    uint8_t b = u8(r);

    return b < 0xF0 ? b : le(r, 8);
}

/* A heap copy of n bytes, NUL-terminated or not; kept until the call is over. */
static const char *keep(scratch *s, const char *p, size_t n, int terminate)
{
    char *c = malloc(n + (size_t)terminate + (n + terminate == 0));

    FUZZ_CHECK(c != NULL && s->count < sizeof(s->items) / sizeof(s->items[0]));
    if (n)
        memcpy(c, p, n);
    if (terminate)
        c[n] = '\0';
    s->items[s->count++] = c;
    return c;
}

static void scratch_free(scratch *s)
{
    while (s->count)
        free(s->items[--s->count]);
}

static void string(reader *r, scratch *s, const char **out, size_t *len)
{
    uint8_t m = u8(r);
    const char *t;
    size_t n, start;

    switch (m % 8) {
    case 0:
        *out = NULL;
        *len = 0;
        return;
    case 1:
        n = u8(r) % 64;
        n = n < r->size - r->pos ? n : r->size - r->pos;
        *out = keep(s, (const char *)r->data + r->pos, n, 1);
        r->pos += n;
        *len = REL_NTS;
        return;
    case 2:
        t = pool_texts[u8(r) % 16];
        *len = strlen(t);
        *out = keep(s, t, *len, 0);
        return;
    case 3:
        t = pool_texts[u8(r) % 16];
        n = strlen(t);
        start = n ? u8(r) % n : 0;
        *len = (n - start) ? u8(r) % (n - start + 1) : 0;
        *out = keep(s, t + start, *len, 0);
        return;
    case 4:
        t = pool_texts[u8(r) % 16];
        *out = keep(s, t, strlen(t), 1);
        *len = REL_NTS;
        return;
    default:
        n = u8(r);
        n = n < r->size - r->pos ? n : r->size - r->pos;
        *out = keep(s, (const char *)r->data + r->pos, n, 0);
        r->pos += n;
        *len = n;
        return;
    }
}

static void id(reader *r, scratch *s, const char **out, size_t *len)
{
    uint8_t m = u8(r);

    if (m >= 0xE0) {
        string(r, s, out, len);
        return;
    }
    *len = strlen(pool_ids[m % 16]);
    *out = keep(s, pool_ids[m % 16], *len, m & 0x10);
    if (m & 0x10)
        *len = REL_NTS;
}

static void value(reader *r, scratch *s, rel_value_spec *v)
{
    v->kind = integer(r);
    if (v->kind >= REL_VALUE_ENTITY && v->kind <= REL_VALUE_CLAIM)
        id(r, s, &v->str, &v->str_len);
    else
        string(r, s, &v->str, &v->str_len);
    if (v->kind == REL_VALUE_TIME)
        string(r, s, &v->words, &v->words_len);
    if (v->kind == REL_VALUE_QUANTITY) {
        uint8_t b = u8(r);
        if (b < 0xF0) {
            v->number = (double)b - 8.5;
        } else {
            uint64_t bits = le(r, 8);
            memcpy(&v->number, &bits, sizeof(v->number));
        }
    }
}

/* ---- the state the calls must not change when they fail ----------------- */

/* Texts of failed alias and entity calls, looked up in the alias index at the end. */
typedef struct probes {
    char *text[64];
    size_t len[64];
    size_t count;
} probes;

static void probe_add(probes *p, const char *text, size_t len)
{
    if (!text || p->count == 64)
        return;
    len = len == REL_NTS ? strlen(text) : len;
    p->text[p->count] = malloc(len + 1);
    FUZZ_CHECK(p->text[p->count] != NULL);
    memcpy(p->text[p->count], text, len);
    p->text[p->count][len] = '\0';
    p->len[p->count++] = len;
}

/* How the alias index answers a text, exactly and normalised: the status and the entities' ids. */
#define LOOKUP_MAX 64
typedef struct lookup {
    rel_status st[2];
    size_t count[2];
    const char *ids[2][LOOKUP_MAX];
} lookup;

static int by_id(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void look_up(const rel_kb *kb, const char *text, size_t len, lookup *out)
{
    const rel_entity *found[LOOKUP_MAX];
    int m;
    size_t i, n;

    memset(out, 0, sizeof(*out));
    for (m = 0; m < 2; m++) {
        out->st[m] = rel_kb_find_alias(kb, text, len, m, found, LOOKUP_MAX, &out->count[m]);
        n = out->st[m] == REL_OK && out->count[m] < LOOKUP_MAX ? out->count[m] : 0;
        for (i = 0; i < n; i++)
            out->ids[m][i] = rel_entity_id(found[i], NULL);
        /* The order is that in which the names were added, which an export
         * does not keep across entities: compare the sets. */
        qsort(out->ids[m], n, sizeof(out->ids[m][0]), by_id);
    }
}

/* Same answers, by id (the entities of two knowledge bases are different objects). */
static int same_lookup(const lookup *a, const lookup *b)
{
    int m;
    size_t i;

    for (m = 0; m < 2; m++) {
        if (a->st[m] != b->st[m] || a->count[m] != b->count[m])
            return 0;
        for (i = 0; i < a->count[m] && i < LOOKUP_MAX; i++)
            if ((a->ids[m][i] == NULL) != (b->ids[m][i] == NULL) ||
                (a->ids[m][i] && strcmp(a->ids[m][i], b->ids[m][i]) != 0))
                return 0;
    }
    return 1;
}

static void check_same_index(const rel_kb *a, const rel_kb *b, const char *text, size_t len)
{
    lookup la, lb;

    look_up(a, text, len, &la);
    look_up(b, text, len, &lb);
    if (!same_lookup(&la, &lb))
        fprintf(stderr, "the alias index answers \"%.*s\" differently\n", (int)len, text);
    FUZZ_CHECK(same_lookup(&la, &lb));
}

/* ---- one call ------------------------------------------------------------- */

static rel_status call(rel_kb *kb, int op, reader *r, scratch *s, probes *p)
{
    const char *a = NULL, *b = NULL, *c = NULL;
    size_t al = 0, bl = 0, cl = 0;

    switch (op) {
    case OP_SOURCE: {
        rel_source_spec spec = REL_SOURCE_SPEC_INIT;
        uint8_t v = u8(r), fields;
        const char **ptrs[8] = {&spec.title, &spec.label, &spec.lang, &spec.date,
                                &spec.url, &spec.licence, &spec.path, &spec.revises};
        size_t *lens[8] = {&spec.title_len, &spec.label_len, &spec.lang_len, &spec.date_len,
                           &spec.url_len, &spec.licence_len, &spec.path_len, &spec.revises_len};
        int i;
        if (v == 0xFF)
            return rel_kb_add_source(kb, NULL);
        fields = u8(r);
        spec.version = v < 0xF0 ? REL_SOURCE_SPEC_VERSION : v - 0xF0;
        id(r, s, &spec.id, &spec.id_len);
        string(r, s, &spec.text, &spec.text_len);
        for (i = 0; i < 8; i++)
            if (fields & (1u << i)) {
                if (i == 7)
                    id(r, s, ptrs[i], lens[i]);
                else
                    string(r, s, ptrs[i], lens[i]);
            }
        return rel_kb_add_source(kb, &spec);
    }
    case OP_ENTITY: {
        int32_t kind;
        id(r, s, &a, &al);
        kind = integer(r);
        string(r, s, &b, &bl);
        probe_add(p, b, bl);
        return rel_kb_add_entity(kb, a, al, kind, b, bl);
    }
    case OP_ALIAS:
        id(r, s, &a, &al);
        string(r, s, &b, &bl);
        string(r, s, &c, &cl);
        probe_add(p, b, bl);
        return rel_kb_add_alias(kb, a, al, b, bl, c, cl);
    case OP_EVENT:
        id(r, s, &a, &al);
        string(r, s, &b, &bl);
        return rel_kb_add_event(kb, a, al, b, bl);
    case OP_TIME:
        id(r, s, &a, &al);
        string(r, s, &b, &bl);
        string(r, s, &c, &cl);
        return rel_kb_set_event_time(kb, a, al, b, bl, c, cl);
    case OP_PARTICIPANT: {
        int32_t role;
        id(r, s, &a, &al);
        id(r, s, &b, &bl);
        role = integer(r);
        return rel_kb_add_participant(kb, a, al, b, bl, role);
    }
    case OP_CLAIM: {
        rel_claim_spec spec = REL_CLAIM_SPEC_INIT;
        uint8_t v = u8(r);
        if (v == 0xFF)
            return rel_kb_add_claim(kb, NULL);
        spec.version = v < 0xF0 ? REL_CLAIM_SPEC_VERSION : v - 0xF0;
        id(r, s, &spec.id, &spec.id_len);
        value(r, s, &spec.subject);
        string(r, s, &spec.predicate, &spec.predicate_len);
        value(r, s, &spec.object);
        id(r, s, &spec.claimant, &spec.claimant_len);
        spec.modality = integer(r);
        spec.polarity = integer(r);
        return rel_kb_add_claim(kb, &spec);
    }
    case OP_VERSION: {
        int32_t modality;
        id(r, s, &a, &al);
        id(r, s, &b, &bl);
        if (u8(r) & 1)
            id(r, s, &c, &cl);
        modality = integer(r);
        return rel_kb_set_claim_version(kb, a, al, b, bl, c, cl, modality);
    }
    case OP_RELATION: {
        int32_t relation;
        id(r, s, &a, &al);
        relation = integer(r);
        id(r, s, &b, &bl);
        return rel_kb_add_claim_relation(kb, a, al, relation, b, bl);
    }
    case OP_EVIDENCE: {
        uint64_t start, end;
        id(r, s, &a, &al);
        id(r, s, &b, &bl);
        start = offset(r);
        end = offset(r);
        return rel_kb_add_evidence(kb, a, al, b, bl, start, end);
    }
    case OP_QUOTE: {
        rel_quote q = {NULL, 0, NULL, 0, NULL, 0};
        uint8_t with = u8(r);
        id(r, s, &a, &al);
        id(r, s, &b, &bl);
        if (with == 0xFF)
            return rel_kb_add_evidence_quote(kb, a, al, b, bl, NULL);
        string(r, s, &q.exact, &q.exact_len);
        if (with & 1)
            string(r, s, &q.prefix, &q.prefix_len);
        if (with & 2)
            string(r, s, &q.suffix, &q.suffix_len);
        return rel_kb_add_evidence_quote(kb, a, al, b, bl, &q);
    }
    case OP_PREDICATE: {
        uint8_t f = u8(r);
        string(r, s, &a, &al);
        return rel_kb_add_predicate(kb, a, al, f < 0xF0 ? f % 3 : (uint32_t)le(r, 4));
    }
    case OP_UNANNOTATED: {
        uint64_t start, end;
        id(r, s, &a, &al);
        start = offset(r);
        end = offset(r);
        string(r, s, &b, &bl);
        return rel_kb_add_unannotated(kb, a, al, start, end, b, bl);
    }
    default: {
        /* A NULL handle: REL_ERR_ARG from every write call, whatever else. */
        rel_source_spec spec = REL_SOURCE_SPEC_INIT;
        rel_claim_spec cspec = REL_CLAIM_SPEC_INIT;
        rel_quote q = {"ab", 2, NULL, 0, NULL, 0};
        FUZZ_CHECK(rel_kb_add_source(NULL, &spec) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_entity(NULL, "e", 1, 0, "E", 1) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_alias(NULL, "e", 1, "E", 1, "en", 2) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_event(NULL, "v", 1, "AID", 3) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_set_event_time(NULL, "v", 1, "1980", 4, NULL, 0) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_participant(NULL, "v", 1, "e", 1, 1) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_claim(NULL, &cspec) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_set_claim_version(NULL, "c", 1, "s", 1, NULL, 0, 1) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_claim_relation(NULL, "c", 1, 1, "d", 1) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_evidence(NULL, "e", 1, "s", 1, 0, 1) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_evidence_quote(NULL, "e", 1, "s", 1, &q) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_predicate(NULL, "p", 1, 0) == REL_ERR_ARG);
        FUZZ_CHECK(rel_kb_add_unannotated(NULL, "s", 1, 0, 1, "r", 1) == REL_ERR_ARG);
        return REL_OK;
    }
    }
}

/* The state a failed call must leave as it was. */
typedef struct snapshot {
    fuzz_buf json;
    int32_t kinds[16];
} snapshot;

static void take(const rel_kb *kb, snapshot *snap, fuzz_buf json)
{
    int i;

    snap->json = json;
    for (i = 0; i < 16; i++)
        snap->kinds[i] = rel_kb_id_kind(kb, pool_ids[i], REL_NTS);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int trace = -1;
    reader r = {data, size, 0};
    fuzz_alloc alloc = {0, 0, 0, 0};
    rel_kb_options opts = fuzz_alloc_options(&alloc);
    scratch s = {{NULL}, 0};
    probes p = {{NULL}, {0}, 0};
    snapshot snap;
    rel_kb *kb, *again;
    rel_error err;
    fuzz_buf json, second;
    size_t i, j, k;

    /* FUZZ_BUILDER_TRACE=1 prints every call's status: for writing seeds. */
    if (trace < 0)
        trace = getenv("FUZZ_BUILDER_TRACE") != NULL;
    FUZZ_CHECK(rel_kb_new(&kb, &opts) == REL_OK);
    take(kb, &snap, fuzz_export(kb));
    while (r.pos < r.size) {
        uint8_t op = u8(&r);
        int which = (op & 0x7F) % OP_COUNT;
        size_t failed = alloc.failed, probes_before = p.count;
        const rel_error *e;
        rel_status st;
        lookup before, after;

        if (op & 0x80)
            alloc.fail_at = alloc.calls + 1 + u8(&r) % 16;
        st = call(kb, which, &r, &s, &p);
        alloc.fail_at = 0;
        e = rel_kb_error(kb);
        if (trace)
            fprintf(stderr, "op %2d%s: %3d %s\n", which, alloc.failed > failed ? " (allocation failed)" : "",
                    (int)st, e->message);
        if (which == OP_NULL_KB) {
            scratch_free(&s);
            continue;
        }
        FUZZ_CHECK(st == REL_OK || st < 0);
        FUZZ_CHECK(e->status == st);
        FUZZ_CHECK(memchr(e->message, '\0', sizeof(e->message)) != NULL);
        FUZZ_CHECK((st == REL_OK) == (e->message[0] == '\0'));
        /* An allocation failure is REL_ERR_NOMEM, and REL_ERR_NOMEM means one failed. */
        if ((alloc.failed > failed) != (st == REL_ERR_NOMEM))
            fprintf(stderr, "op %d: status %d (%s) with %zu allocation(s) failed\n", which, (int)st,
                    e->message, alloc.failed - failed);
        FUZZ_CHECK((alloc.failed > failed) == (st == REL_ERR_NOMEM));
        if (st == REL_OK) {
            free(snap.json.data);
            take(kb, &snap, fuzz_export(kb));
        } else {
            /* Exactly as it was. */
            json = fuzz_export(kb);
            if (json.len != snap.json.len || memcmp(json.data, snap.json.data, json.len) != 0)
                fprintf(stderr, "op %d failed with %d (%s) but changed the knowledge base\n", which,
                        (int)st, e->message);
            FUZZ_CHECK(json.len == snap.json.len && memcmp(json.data, snap.json.data, json.len) == 0);
            free(json.data);
            for (i = 0; i < 16; i++)
                FUZZ_CHECK(rel_kb_id_kind(kb, pool_ids[i], REL_NTS) == snap.kinds[i]);
            /* A failed alias or entity leaves the index answering as before: as
             * a knowledge base rebuilt from the export does. */
            if (p.count > probes_before) {
                FUZZ_CHECK(rel_kb_open_json_mem(&again, snap.json.data, snap.json.len, NULL, &err) == REL_OK);
                look_up(kb, p.text[p.count - 1], p.len[p.count - 1], &after);
                look_up(again, p.text[p.count - 1], p.len[p.count - 1], &before);
                if (!same_lookup(&before, &after))
                    fprintf(stderr, "op %d failed with %d (%s) but changed the alias index\n", which,
                            (int)st, e->message);
                FUZZ_CHECK(same_lookup(&before, &after));
                rel_kb_free(again);
            }
        }
        scratch_free(&s);
    }

    /* The export imports again, exports the same, and indexes the same. */
    json = fuzz_export(kb);
    FUZZ_CHECK(json.len == snap.json.len && memcmp(json.data, snap.json.data, json.len) == 0);
    if (rel_kb_open_json_mem(&again, json.data, json.len, NULL, &err) != REL_OK) {
        fprintf(stderr, "the export does not import: %s (line %u, column %u)\n%s\n", err.message,
                (unsigned)err.line, (unsigned)err.column, json.data);
        FUZZ_CHECK(0);
    }
    second = fuzz_export(again);
    FUZZ_CHECK(second.len == json.len && memcmp(second.data, json.data, json.len) == 0);
    for (i = 0; i < 16; i++)
        FUZZ_CHECK(rel_kb_id_kind(again, pool_ids[i], REL_NTS) == rel_kb_id_kind(kb, pool_ids[i], REL_NTS));
    for (i = 0; i < p.count; i++)
        check_same_index(kb, again, p.text[i], p.len[i]);
    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *en = rel_kb_entity_at(kb, i);
        size_t len;
        const char *name = rel_entity_name(en, &len);
        check_same_index(kb, again, name, len);
        for (j = 0; j < rel_entity_alias_count(en); j++) {
            name = rel_entity_alias_text(en, j, &len);
            check_same_index(kb, again, name, len);
        }
    }
    for (k = 0; k < 16; k++)
        check_same_index(kb, again, pool_texts[k], strlen(pool_texts[k]));

    rel_kb_free(again);
    rel_kb_free(kb);
    FUZZ_CHECK(alloc.live == 0);
    for (i = 0; i < p.count; i++)
        free(p.text[i]);
    free(second.data);
    free(json.data);
    free(snap.json.data);
    return 0;
}
