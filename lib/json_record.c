/* SPDX-License-Identifier: MIT */
/*
 * From one JSON record to builder calls. The JSON format is checked here
 * (members, types, names of codes); everything about the data itself (ids,
 * references, spans, UTF-8) is checked once, by the builder, which the
 * importer and a C caller share.
 */
#include "json_read.h"

#include <relations/builder.h>

#include "alloc.h"
#include "error.h"
#include "kb_impl.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const rel_json__section_names[SEC_COUNT] = {"sources", "predicates", "entities",
                                                        "events", "claims", "unannotated"};

typedef struct where {
    json_record_ctx *ctx;
    int section;
    size_t index;
} where;

static rel_status bad(const where *w, rel_status st, const jt_node *at, const char *fmt, ...) REL_PRINTF(4, 5);

static rel_status bad(const where *w, rel_status st, const jt_node *at, const char *fmt, ...)
{
    char detail[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(detail, sizeof(detail), fmt, ap);
    va_end(ap);
    return rel__error_at(w->ctx->err, st, at->offset, "%s[%zu]%s", rel_json__section_names[w->section], w->index, detail);
}

/*
 * Reports the builder's error for the value at `at`. What the builder calls
 * an invalid argument is, in a file, a value the format does not allow.
 */
static rel_status from_kb(const where *w, rel_status st, const jt_node *at, const char *field)
{
    if (st == REL_ERR_ARG)
        st = REL_ERR_SCHEMA;
    return bad(w, st, at, "%s%s: %s", field ? "." : "", field ? field : "", rel_kb_errmsg(w->ctx->kb));
}

static const char *type_name(int type)
{
    static const char *const names[] = {"null", "a boolean", "a number", "a string", "an array", "an object"};
    return names[type];
}

static rel_status expect(const where *w, const jt_node *n, int type, const char *field)
{
    if (n->type == type)
        return REL_OK;
    return bad(w, REL_ERR_SCHEMA, n, ".%s: expected %s, found %s", field, type_name(type), type_name(n->type));
}

/* Checks that an object has only allowed members, each once. field is "", ".name" or "name". */
static rel_status check_members(const where *w, const jt_node *obj, const char *field, const char *const *allowed)
{
    const char *dot = field[0] && field[0] != '.' ? "." : "";
    size_t i, j;

    for (i = 0; i < obj->count; i++) {
        const jt_node *m = &obj->kids[i];
        const char *const *a;
        for (a = allowed; *a; a++)
            if (strlen(*a) == m->key_len && memcmp(*a, m->key, m->key_len) == 0)
                break;
        if (!*a)
            return bad(w, REL_ERR_SCHEMA, m, "%s%s: unknown member \"%s\"", dot, field, m->key);
        for (j = 0; j < i; j++)
            if (obj->kids[j].key_len == m->key_len && memcmp(obj->kids[j].key, m->key, m->key_len) == 0)
                return bad(w, REL_ERR_SCHEMA, m, "%s%s: member \"%s\" appears twice", dot, field, m->key);
    }
    return REL_OK;
}

/* A string member: *out is NULL when absent and not required. */
static rel_status string_member(const where *w, const jt_node *obj, const char *name, int required,
                                const jt_node **out)
{
    const jt_node *m = jt_member(obj, name);

    *out = NULL;
    if (!m) {
        if (required)
            return bad(w, REL_ERR_SCHEMA, obj, ": member \"%s\" is missing", name);
        return REL_OK;
    }
    if (m->type != JT_STRING)
        return bad(w, REL_ERR_SCHEMA, m, ".%s: expected a string, found %s", name, type_name(m->type));
    *out = m;
    return REL_OK;
}

static rel_status array_member(const where *w, const jt_node *obj, const char *name, const jt_node **out)
{
    const jt_node *m = jt_member(obj, name);

    *out = m;
    return m ? expect(w, m, JT_ARRAY, name) : REL_OK;
}

/* A non-negative integer up to 2^53, from the text of a JSON number. */
static int parse_offset(const char *s, uint64_t *out)
{
    uint64_t v = 0;

    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > (UINT64_C(1) << 53))
            return 0;
    }
    *out = v;
    return 1;
}

/*
 * strtod() in the "C" locale's notation whatever the process's locale. Any
 * finite number is taken: one too small for a normal double (strtod() sets
 * ERANGE) becomes the nearest double, as export writes it.
 */
static int parse_double(const char *s, double *out)
{
    const char *point = localeconv()->decimal_point;
    char buf[64], *end;
    size_t i, len = strlen(s);

    if (len >= sizeof(buf))
        return 0;
    for (i = 0; i <= len; i++)
        buf[i] = s[i] == '.' && point && point[0] && !point[1] ? point[0] : s[i];
    *out = strtod(buf, &end);
    return *end == '\0' && isfinite(*out);
}

/* ---- evidence ---- */

/* The "text" of an evidence item must be the bytes its offsets point at. */
static rel_status check_evidence_text(const where *w, const char *field, const jt_node *src, const jt_node *text,
                                      uint64_t s, uint64_t e)
{
    const rel_source *source;
    size_t len;
    const char *bytes;

    if (rel_kb_find_source(w->ctx->kb, src->str, src->len, &source) != REL_OK)
        return REL_OK; /* the builder reports the bad reference */
    bytes = rel_source_text(source, &len);
    if (s >= e || e > len)
        return REL_OK; /* the builder reports the bad span */
    if (text->len == e - s && memcmp(text->str, bytes + s, text->len) == 0)
        return REL_OK;
    return bad(w, REL_ERR_MISMATCH, text, "%s.text: differs from bytes [%llu, %llu) of source \"%s\"", field,
               (unsigned long long)s, (unsigned long long)e, rel_source_id(source, NULL));
}

static rel_status add_evidence(const where *w, const char *owner, const jt_node *list)
{
    static const char *const allowed[] = {"source", "start", "end", "text", "exact", "prefix", "suffix", NULL};
    rel_kb *kb = w->ctx->kb;
    size_t i;
    rel_status st;

    for (i = 0; i < list->count; i++) {
        const jt_node *item = &list->kids[i], *src, *start, *end, *text, *exact, *prefix, *suffix;
        char field[40];
        uint64_t s, e;

        if ((st = expect(w, item, JT_OBJECT, "evidence[]")) != REL_OK ||
            (st = check_members(w, item, ".evidence[]", allowed)) != REL_OK ||
            (st = string_member(w, item, "source", 1, &src)) != REL_OK ||
            (st = string_member(w, item, "text", 0, &text)) != REL_OK ||
            (st = string_member(w, item, "exact", 0, &exact)) != REL_OK ||
            (st = string_member(w, item, "prefix", 0, &prefix)) != REL_OK ||
            (st = string_member(w, item, "suffix", 0, &suffix)) != REL_OK)
            return st;
        start = jt_member(item, "start");
        end = jt_member(item, "end");
        if (exact) {
            rel_quote q = {exact->str, exact->len, NULL, 0, NULL, 0};
            if (start || end || text)
                return bad(w, REL_ERR_SCHEMA, item, ".evidence[%zu]: give either \"exact\" or offsets, not both", i);
            if (prefix) {
                q.prefix = prefix->str;
                q.prefix_len = prefix->len;
            }
            if (suffix) {
                q.suffix = suffix->str;
                q.suffix_len = suffix->len;
            }
            st = rel_kb_add_evidence_quote(kb, owner, REL_NTS, src->str, src->len, &q);
            if (st != REL_OK)
                return from_kb(w, st, exact, "evidence[].exact");
            continue;
        }
        if (prefix || suffix)
            return bad(w, REL_ERR_SCHEMA, item, ".evidence[%zu]: \"prefix\" and \"suffix\" go with \"exact\"", i);
        if (!start || !end)
            return bad(w, REL_ERR_SCHEMA, item, ".evidence[%zu]: needs \"start\" and \"end\", or \"exact\"", i);
        if (start->type != JT_NUMBER || !parse_offset(start->str, &s))
            return bad(w, REL_ERR_SCHEMA, start, ".evidence[%zu].start: expected an integer from 0 to 2^53", i);
        if (end->type != JT_NUMBER || !parse_offset(end->str, &e))
            return bad(w, REL_ERR_SCHEMA, end, ".evidence[%zu].end: expected an integer from 0 to 2^53", i);
        snprintf(field, sizeof(field), ".evidence[%zu]", i);
        if (text && (st = check_evidence_text(w, field, src, text, s, e)) != REL_OK)
            return st;
        st = rel_kb_add_evidence(kb, owner, REL_NTS, src->str, src->len, s, e);
        if (st != REL_OK)
            return from_kb(w, st, start, "evidence[]");
    }
    return REL_OK;
}

static rel_status evidence_member(const where *w, const char *owner, const jt_node *rec)
{
    const jt_node *list;
    rel_status st = array_member(w, rec, "evidence", &list);

    return st != REL_OK || !list ? st : add_evidence(w, owner, list);
}

/* ---- sources ---- */

static rel_status read_text_file(const where *w, const jt_node *path, char **text, size_t *len)
{
    const rel_allocator *a = &w->ctx->kb->alloc;
    const char *dir = w->ctx->base_dir;
    char *full;
    size_t dir_len = dir ? strlen(dir) : 0, cap = 0, n = 0;
    FILE *f;

    *text = NULL;
    if (memchr(path->str, '\0', path->len))
        return bad(w, REL_ERR_SCHEMA, path, ".path: contains a NUL byte");
    full = rel__malloc(a, dir_len + 1 + path->len + 1);
    if (!full)
        return rel__error_set(w->ctx->err, REL_ERR_NOMEM, "out of memory");
    if (dir_len && path->str[0] != '/')
        sprintf(full, "%s/%s", dir, path->str);
    else
        sprintf(full, "%s", path->str);
    f = fopen(full, "rb");
    if (!f) {
        bad(w, REL_ERR_IO, path, ".path: cannot open \"%s\": %s", full, strerror(errno));
        rel__free(a, full);
        return REL_ERR_IO;
    }
    for (;;) {
        size_t got;
        if (!rel__reserve(a, (void **)text, &cap, n + 65536, 1)) {
            fclose(f);
            rel__free(a, full);
            rel__free(a, *text);
            *text = NULL;
            return rel__error_set(w->ctx->err, REL_ERR_NOMEM, "out of memory");
        }
        got = fread(*text + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        bad(w, REL_ERR_IO, path, ".path: cannot read \"%s\"", full);
        fclose(f);
        rel__free(a, full);
        rel__free(a, *text);
        *text = NULL;
        return REL_ERR_IO;
    }
    fclose(f);
    rel__free(a, full);
    *len = n;
    return REL_OK;
}

static rel_status add_source(const where *w, const jt_node *rec)
{
    static const char *const allowed[] = {"id", "text", "path", "title", "label", "lang", "date",
                                          "url", "licence", "revises", NULL};
    static const char *const fields[] = {"title", "label", "lang", "date", "url", "licence", "path", "revises"};
    rel_source_spec spec = REL_SOURCE_SPEC_INIT;
    const jt_node *id, *text, *m[8];
    const char **ptrs[8] = {&spec.title, &spec.label, &spec.lang, &spec.date, &spec.url, &spec.licence, &spec.path,
                            &spec.revises};
    size_t *lens[8] = {&spec.title_len, &spec.label_len, &spec.lang_len, &spec.date_len, &spec.url_len,
                       &spec.licence_len, &spec.path_len, &spec.revises_len};
    char *file_text = NULL;
    rel_status st;
    size_t i;

    if ((st = check_members(w, rec, "", allowed)) != REL_OK || (st = string_member(w, rec, "id", 1, &id)) != REL_OK ||
        (st = string_member(w, rec, "text", 0, &text)) != REL_OK)
        return st;
    for (i = 0; i < 8; i++) {
        if ((st = string_member(w, rec, fields[i], 0, &m[i])) != REL_OK)
            return st;
        if (m[i]) {
            *ptrs[i] = m[i]->str;
            *lens[i] = m[i]->len;
        }
    }
    spec.id = id->str;
    spec.id_len = id->len;
    if (text) {
        spec.text = text->str;
        spec.text_len = text->len;
    } else if (m[6]) {
        if ((st = read_text_file(w, m[6], &file_text, &spec.text_len)) != REL_OK)
            return st;
        spec.text = file_text ? file_text : "";
    } else {
        return bad(w, REL_ERR_SCHEMA, rec, ": a source needs \"text\" or \"path\"");
    }
    st = rel_kb_add_source(w->ctx->kb, &spec);
    rel__free(&w->ctx->kb->alloc, file_text);
    if (st == REL_OK)
        return REL_OK;
    /* Point at what was refused: the id, the revised source, or else the text. */
    if (st == REL_ERR_DUPLICATE || st == REL_ERR_ARG)
        return from_kb(w, st, id, NULL);
    if ((st == REL_ERR_REFERENCE || st == REL_ERR_AMBIGUOUS) && m[7])
        return from_kb(w, st, m[7], NULL);
    return from_kb(w, st, text ? text : rec, NULL);
}

/* ---- entities ---- */

static rel_status add_entity(const where *w, const jt_node *rec)
{
    static const char *const allowed[] = {"id", "kind", "name", "aliases", "evidence", NULL};
    static const char *const alias_allowed[] = {"text", "lang", NULL};
    rel_kb *kb = w->ctx->kb;
    const jt_node *id, *kind, *name, *aliases;
    int32_t code;
    rel_status st;
    size_t i;

    if ((st = check_members(w, rec, "", allowed)) != REL_OK || (st = string_member(w, rec, "id", 1, &id)) != REL_OK ||
        (st = string_member(w, rec, "kind", 1, &kind)) != REL_OK ||
        (st = string_member(w, rec, "name", 1, &name)) != REL_OK ||
        (st = array_member(w, rec, "aliases", &aliases)) != REL_OK)
        return st;
    if (rel_entity_kind_from_name(kind->str, kind->len, &code) != REL_OK)
        return bad(w, REL_ERR_SCHEMA, kind, ".kind: unknown entity kind \"%s\"", kind->str);
    if ((st = rel_kb_add_entity(kb, id->str, id->len, code, name->str, name->len)) != REL_OK)
        return from_kb(w, st, id, NULL);
    for (i = 0; aliases && i < aliases->count; i++) {
        const jt_node *al = &aliases->kids[i], *text, *lang;
        if ((st = expect(w, al, JT_OBJECT, "aliases[]")) != REL_OK ||
            (st = check_members(w, al, ".aliases[]", alias_allowed)) != REL_OK ||
            (st = string_member(w, al, "text", 1, &text)) != REL_OK ||
            (st = string_member(w, al, "lang", 1, &lang)) != REL_OK)
            return st;
        if ((st = rel_kb_add_alias(kb, id->str, id->len, text->str, text->len, lang->str, lang->len)) != REL_OK)
            return from_kb(w, st, text, "aliases[]");
    }
    return evidence_member(w, id->str, rec);
}

/* ---- events ---- */

static rel_status time_object(const where *w, const jt_node *t, const char *field, const jt_node **expr,
                              const jt_node **text)
{
    static const char *const allowed[] = {"expr", "text", NULL};
    rel_status st;

    if ((st = expect(w, t, JT_OBJECT, field)) != REL_OK || (st = check_members(w, t, field, allowed)) != REL_OK ||
        (st = string_member(w, t, "expr", 1, expr)) != REL_OK)
        return st;
    return string_member(w, t, "text", 0, text);
}

static rel_status add_event(const where *w, const jt_node *rec)
{
    static const char *const allowed[] = {"id", "type", "participants", "time", "evidence", NULL};
    static const char *const part_allowed[] = {"entity", "role", NULL};
    rel_kb *kb = w->ctx->kb;
    const jt_node *id, *type, *parts, *time;
    rel_status st;
    size_t i;

    if ((st = check_members(w, rec, "", allowed)) != REL_OK || (st = string_member(w, rec, "id", 1, &id)) != REL_OK ||
        (st = string_member(w, rec, "type", 1, &type)) != REL_OK ||
        (st = array_member(w, rec, "participants", &parts)) != REL_OK)
        return st;
    if ((st = rel_kb_add_event(kb, id->str, id->len, type->str, type->len)) != REL_OK)
        return from_kb(w, st, id, NULL);
    for (i = 0; parts && i < parts->count; i++) {
        const jt_node *p = &parts->kids[i], *entity, *role;
        int32_t code;
        if ((st = expect(w, p, JT_OBJECT, "participants[]")) != REL_OK ||
            (st = check_members(w, p, ".participants[]", part_allowed)) != REL_OK ||
            (st = string_member(w, p, "entity", 1, &entity)) != REL_OK ||
            (st = string_member(w, p, "role", 1, &role)) != REL_OK)
            return st;
        if (rel_role_from_name(role->str, role->len, &code) != REL_OK)
            return bad(w, REL_ERR_SCHEMA, role, ".participants[%zu].role: unknown role \"%s\"", i, role->str);
        if ((st = rel_kb_add_participant(kb, id->str, id->len, entity->str, entity->len, code)) != REL_OK)
            return from_kb(w, st, entity, "participants[]");
    }
    time = jt_member(rec, "time");
    if (time) {
        const jt_node *expr, *text;
        if ((st = time_object(w, time, "time", &expr, &text)) != REL_OK)
            return st;
        st = rel_kb_set_event_time(kb, id->str, id->len, expr->str, expr->len, text ? text->str : NULL,
                                   text ? text->len : 0);
        if (st != REL_OK)
            return from_kb(w, st, expr, "time.expr");
    }
    return evidence_member(w, id->str, rec);
}

/* ---- claims ---- */

static rel_status read_value(const where *w, const jt_node *v, const char *field, int subject, rel_value_spec *out)
{
    static const char *const ref_names[] = {"entity", "event", "claim"};
    static const int32_t ref_kinds[] = {REL_VALUE_ENTITY, REL_VALUE_EVENT, REL_VALUE_CLAIM};
    const jt_node *m;
    rel_status st;
    int i;

    memset(out, 0, sizeof(*out));
    if ((st = expect(w, v, JT_OBJECT, field)) != REL_OK)
        return st;
    if (v->count == 0)
        return bad(w, REL_ERR_SCHEMA, v, ".%s: empty value", field);
    for (i = 0; i < 3; i++) {
        static const char *const one[3][2] = {{"entity", NULL}, {"event", NULL}, {"claim", NULL}};
        if (!jt_member(v, ref_names[i]))
            continue;
        if ((st = check_members(w, v, field, one[i])) != REL_OK ||
            (st = string_member(w, v, ref_names[i], 1, &m)) != REL_OK)
            return st;
        out->kind = ref_kinds[i];
        out->str = m->str;
        out->str_len = m->len;
        return REL_OK;
    }
    if (subject)
        return bad(w, REL_ERR_SCHEMA, v, ".%s: expected {\"entity\"|\"event\"|\"claim\": id}", field);
    if (jt_member(v, "literal")) {
        static const char *const allowed[] = {"literal", NULL};
        if ((st = check_members(w, v, field, allowed)) != REL_OK ||
            (st = string_member(w, v, "literal", 1, &m)) != REL_OK)
            return st;
        out->kind = REL_VALUE_LITERAL;
        out->str = m->str;
        out->str_len = m->len;
        return REL_OK;
    }
    if ((m = jt_member(v, "quantity"))) {
        static const char *const allowed[] = {"quantity", "unit", NULL};
        const jt_node *unit;
        if ((st = check_members(w, v, field, allowed)) != REL_OK ||
            (st = string_member(w, v, "unit", 0, &unit)) != REL_OK)
            return st;
        if (m->type != JT_NUMBER || !parse_double(m->str, &out->number))
            return bad(w, REL_ERR_SCHEMA, m, ".%s.quantity: expected a finite number", field);
        out->kind = REL_VALUE_QUANTITY;
        if (unit) {
            out->str = unit->str;
            out->str_len = unit->len;
        }
        return REL_OK;
    }
    if ((m = jt_member(v, "time"))) {
        static const char *const allowed[] = {"time", NULL};
        const jt_node *expr, *text;
        if ((st = check_members(w, v, field, allowed)) != REL_OK ||
            (st = time_object(w, m, field, &expr, &text)) != REL_OK)
            return st;
        out->kind = REL_VALUE_TIME;
        out->str = expr->str;
        out->str_len = expr->len;
        if (text) {
            out->words = text->str;
            out->words_len = text->len;
        }
        return REL_OK;
    }
    return bad(w, REL_ERR_SCHEMA, v, ".%s: unknown kind of value \"%s\"", field, v->kids[0].key);
}

static rel_status code_member(const where *w, const jt_node *n, const char *field,
                              rel_status (*from_name)(const char *, size_t, int32_t *), int32_t *out)
{
    if (from_name(n->str, n->len, out) != REL_OK)
        return bad(w, REL_ERR_SCHEMA, n, ".%s: unknown %s \"%s\"", field, field, n->str);
    return REL_OK;
}

static rel_status add_versions(const where *w, const jt_node *id, const jt_node *list)
{
    static const char *const allowed[] = {"source", "claimant", "modality", NULL};
    size_t i;
    rel_status st;

    for (i = 0; i < list->count; i++) {
        const jt_node *v = &list->kids[i], *src, *claimant, *modality;
        int32_t code = REL_MODALITY_NONE;
        if ((st = expect(w, v, JT_OBJECT, "versions[]")) != REL_OK ||
            (st = check_members(w, v, ".versions[]", allowed)) != REL_OK ||
            (st = string_member(w, v, "source", 1, &src)) != REL_OK ||
            (st = string_member(w, v, "claimant", 0, &claimant)) != REL_OK ||
            (st = string_member(w, v, "modality", 0, &modality)) != REL_OK)
            return st;
        if (modality && (st = code_member(w, modality, "modality", rel_modality_from_name, &code)) != REL_OK)
            return st;
        st = rel_kb_set_claim_version(w->ctx->kb, id->str, id->len, src->str, src->len,
                                      claimant ? claimant->str : NULL, claimant ? claimant->len : 0, code);
        if (st != REL_OK)
            return from_kb(w, st, v, "versions[]");
    }
    return REL_OK;
}

static rel_status queue_relations(const where *w, const jt_node *id, const jt_node *list)
{
    static const char *const allowed[] = {"type", "claim", NULL};
    json_record_ctx *ctx = w->ctx;
    const rel_allocator *a = &ctx->kb->alloc;
    size_t i;
    rel_status st;

    for (i = 0; i < list->count; i++) {
        const jt_node *r = &list->kids[i], *type, *target;
        json_pending_relation *p;
        int32_t code;
        if ((st = expect(w, r, JT_OBJECT, "relations[]")) != REL_OK ||
            (st = check_members(w, r, ".relations[]", allowed)) != REL_OK ||
            (st = string_member(w, r, "type", 1, &type)) != REL_OK ||
            (st = string_member(w, r, "claim", 1, &target)) != REL_OK ||
            (st = code_member(w, type, "type", rel_relation_from_name, &code)) != REL_OK)
            return st;
        if (!rel__reserve(a, (void **)&ctx->relations, &ctx->relation_cap, ctx->relation_count + 1,
                          sizeof(*ctx->relations)))
            return rel__error_set(ctx->err, REL_ERR_NOMEM, "out of memory");
        p = &ctx->relations[ctx->relation_count];
        p->claim = rel__strndup(a, id->str, id->len);
        p->target = rel__strndup(a, target->str, target->len);
        if (!p->claim || !p->target) {
            rel__free(a, p->claim);
            rel__free(a, p->target);
            return rel__error_set(ctx->err, REL_ERR_NOMEM, "out of memory");
        }
        p->target_len = target->len;
        p->type = code;
        p->offset = target->offset;
        p->index = w->index;
        ctx->relation_count++;
    }
    return REL_OK;
}

static rel_status add_claim(const where *w, const jt_node *rec)
{
    static const char *const allowed[] = {"id", "subject", "predicate", "object", "claimant", "modality",
                                          "polarity", "versions", "relations", "evidence", NULL};
    rel_claim_spec spec = REL_CLAIM_SPEC_INIT;
    const jt_node *id, *subject, *predicate, *object, *claimant, *modality, *polarity, *versions, *relations;
    rel_status st;

    if ((st = check_members(w, rec, "", allowed)) != REL_OK || (st = string_member(w, rec, "id", 1, &id)) != REL_OK ||
        (st = string_member(w, rec, "predicate", 1, &predicate)) != REL_OK ||
        (st = string_member(w, rec, "claimant", 1, &claimant)) != REL_OK ||
        (st = string_member(w, rec, "modality", 1, &modality)) != REL_OK ||
        (st = string_member(w, rec, "polarity", 0, &polarity)) != REL_OK ||
        (st = array_member(w, rec, "versions", &versions)) != REL_OK ||
        (st = array_member(w, rec, "relations", &relations)) != REL_OK)
        return st;
    if (!(subject = jt_member(rec, "subject")))
        return bad(w, REL_ERR_SCHEMA, rec, ": member \"subject\" is missing");
    if ((st = read_value(w, subject, "subject", 1, &spec.subject)) != REL_OK)
        return st;
    if ((object = jt_member(rec, "object")) && (st = read_value(w, object, "object", 0, &spec.object)) != REL_OK)
        return st;
    if ((st = code_member(w, modality, "modality", rel_modality_from_name, &spec.modality)) != REL_OK)
        return st;
    if (polarity) {
        if (polarity->len == 8 && memcmp(polarity->str, "negative", 8) == 0)
            spec.polarity = REL_POLARITY_NEGATIVE;
        else if (!(polarity->len == 8 && memcmp(polarity->str, "positive", 8) == 0))
            return bad(w, REL_ERR_SCHEMA, polarity, ".polarity: expected \"positive\" or \"negative\"");
    }
    spec.id = id->str;
    spec.id_len = id->len;
    spec.predicate = predicate->str;
    spec.predicate_len = predicate->len;
    spec.claimant = claimant->str;
    spec.claimant_len = claimant->len;
    if ((st = rel_kb_add_claim(w->ctx->kb, &spec)) != REL_OK)
        return from_kb(w, st, id, NULL);
    if ((st = evidence_member(w, id->str, rec)) != REL_OK)
        return st;
    if (versions && (st = add_versions(w, id, versions)) != REL_OK)
        return st;
    return relations ? queue_relations(w, id, relations) : REL_OK;
}

/* ---- predicates and unannotated passages ---- */

static rel_status add_predicate(const where *w, const jt_node *rec)
{
    static const char *const allowed[] = {"name", "functional", NULL};
    const jt_node *name, *functional;
    uint32_t flags = 0;
    rel_status st;

    if ((st = check_members(w, rec, "", allowed)) != REL_OK || (st = string_member(w, rec, "name", 1, &name)) != REL_OK)
        return st;
    if ((functional = jt_member(rec, "functional"))) {
        if ((st = expect(w, functional, JT_BOOL, "functional")) != REL_OK)
            return st;
        if (functional->boolean)
            flags |= REL_PREDICATE_FUNCTIONAL;
    }
    st = rel_kb_add_predicate(w->ctx->kb, name->str, name->len, flags);
    return st == REL_OK ? REL_OK : from_kb(w, st, name, NULL);
}

static rel_status add_unannotated(const where *w, const jt_node *rec)
{
    static const char *const allowed[] = {"source", "start", "end", "text", "exact", "prefix", "suffix", "reason", NULL};
    const jt_node *src, *reason, *exact, *prefix, *suffix, *text, *start, *end;
    const rel_source *source;
    uint64_t s, e;
    rel_status st;

    if ((st = check_members(w, rec, "", allowed)) != REL_OK ||
        (st = string_member(w, rec, "source", 1, &src)) != REL_OK ||
        (st = string_member(w, rec, "reason", 1, &reason)) != REL_OK ||
        (st = string_member(w, rec, "exact", 0, &exact)) != REL_OK ||
        (st = string_member(w, rec, "prefix", 0, &prefix)) != REL_OK ||
        (st = string_member(w, rec, "suffix", 0, &suffix)) != REL_OK ||
        (st = string_member(w, rec, "text", 0, &text)) != REL_OK)
        return st;
    if (rel_kb_find_source(w->ctx->kb, src->str, src->len, &source) != REL_OK)
        return bad(w, REL_ERR_REFERENCE, src, ".source: \"%s\" matches no single source", src->str);
    start = jt_member(rec, "start");
    end = jt_member(rec, "end");
    if (exact) {
        rel_quote q = {exact->str, exact->len, prefix ? prefix->str : NULL, prefix ? prefix->len : 0,
                       suffix ? suffix->str : NULL, suffix ? suffix->len : 0};
        if (start || end || text)
            return bad(w, REL_ERR_SCHEMA, rec, ": give either \"exact\" or offsets, not both");
        st = rel_source_find_quote(source, &q, &s, &e);
        if (st != REL_OK)
            return bad(w, st, exact, ".exact: quote \"%.60s\" %s source \"%s\"", exact->str,
                       st == REL_ERR_AMBIGUOUS ? "occurs more than once in" : "is not in", rel_source_id(source, NULL));
    } else {
        if (prefix || suffix)
            return bad(w, REL_ERR_SCHEMA, rec, ": \"prefix\" and \"suffix\" go with \"exact\"");
        if (!start || !end || start->type != JT_NUMBER || end->type != JT_NUMBER || !parse_offset(start->str, &s) ||
            !parse_offset(end->str, &e))
            return bad(w, REL_ERR_SCHEMA, rec, ": needs integer \"start\" and \"end\", or \"exact\"");
        if (text && (st = check_evidence_text(w, "", src, text, s, e)) != REL_OK)
            return st;
    }
    st = rel_kb_add_unannotated(w->ctx->kb, src->str, src->len, s, e, reason->str, reason->len);
    return st == REL_OK ? REL_OK : from_kb(w, st, exact ? exact : rec, NULL);
}

rel_status rel_json__add_record(json_record_ctx *ctx, int section, size_t index, const jt_node *rec)
{
    where w = {ctx, section, index};

    if (rec->type != JT_OBJECT)
        return bad(&w, REL_ERR_SCHEMA, rec, ": expected an object, found %s", type_name(rec->type));
    switch (section) {
    case SEC_SOURCES: return add_source(&w, rec);
    case SEC_ENTITIES: return add_entity(&w, rec);
    case SEC_EVENTS: return add_event(&w, rec);
    case SEC_PREDICATES: return add_predicate(&w, rec);
    case SEC_UNANNOTATED: return add_unannotated(&w, rec);
    default: return add_claim(&w, rec);
    }
}

rel_status rel_json__add_relations(json_record_ctx *ctx)
{
    size_t i;

    for (i = 0; i < ctx->relation_count; i++) {
        const json_pending_relation *p = &ctx->relations[i];
        rel_status st = rel_kb_add_claim_relation(ctx->kb, p->claim, REL_NTS, p->type, p->target, p->target_len);
        if (st != REL_OK)
            return rel__error_at(ctx->err, st, p->offset, "claims[%zu].relations[]: %s", p->index,
                                 rel_kb_errmsg(ctx->kb));
    }
    return REL_OK;
}

void rel_json__free_relations(json_record_ctx *ctx)
{
    size_t i;

    for (i = 0; i < ctx->relation_count; i++) {
        rel__free(&ctx->kb->alloc, ctx->relations[i].claim);
        rel__free(&ctx->kb->alloc, ctx->relations[i].target);
    }
    rel__free(&ctx->kb->alloc, ctx->relations);
    ctx->relations = NULL;
    ctx->relation_count = ctx->relation_cap = 0;
}
