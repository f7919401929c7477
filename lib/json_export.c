/* SPDX-License-Identifier: MIT */
/*
 * JSON export through yajl's generator. The output is deterministic (fixed
 * member order, two-space indent, numbers in their shortest exact form) so
 * that exporting an imported export gives the same bytes. It reads through
 * the getters, so a knowledge base opened from a snapshot exports the same
 * bytes as the one the snapshot was saved from.
 */
#include <relations/builder.h>
#include <relations/json.h>

#include "alloc.h"
#include "claim_internal.h"
#include "error.h"
#include "kb_impl.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

typedef struct writer {
    yajl_gen gen;
    rel_write_fn write;
    void *payload;
    int write_failed;
    int gen_failed;
} writer;

static void on_output(void *ctx, const char *str, size_t len)
{
    writer *w = ctx;

    if (!w->write_failed && w->write(str, len, w->payload) != 0)
        w->write_failed = 1;
}

static void check(writer *w, yajl_gen_status s)
{
    if (s != yajl_gen_status_ok)
        w->gen_failed = 1;
}

static void key(writer *w, const char *k)
{
    check(w, yajl_gen_string(w->gen, (const unsigned char *)k, strlen(k)));
}

static void str(writer *w, const char *s, size_t len)
{
    check(w, yajl_gen_string(w->gen, (const unsigned char *)s, len));
}

/* A string member, left out when the string is absent (NULL). */
static void member(writer *w, const char *k, const char *s, size_t len)
{
    if (!s)
        return;
    key(w, k);
    str(w, s, len);
}

/* The members holding a getter's string: MEMBER(w, "id", rel_entity_id, e). */
#define MEMBER(w, k, getter, obj)                 \
    do {                                          \
        size_t member_len_;                       \
        const char *member_s_ = getter(obj, &member_len_); \
        member(w, k, member_s_, member_len_);     \
    } while (0)

static void member_c(writer *w, const char *k, const char *s)
{
    key(w, k);
    str(w, s, strlen(s));
}

static void integer(writer *w, uint64_t v)
{
    char buf[24];
    int n = snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v);
    check(w, yajl_gen_number(w->gen, buf, (size_t)n));
}

/* The shortest decimal form that reads back as the same double, in JSON's notation. */
static void number(writer *w, double v)
{
    const char *point = localeconv()->decimal_point;
    char buf[40], *p;
    int prec, n = 0;

    for (prec = 1; prec <= 17; prec++) {
        n = snprintf(buf, sizeof(buf), "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    if (point && point[0] && point[0] != '.' && (p = strchr(buf, point[0])))
        *p = '.';
    check(w, yajl_gen_number(w->gen, buf, (size_t)n));
}

static void open_map(writer *w) { check(w, yajl_gen_map_open(w->gen)); }
static void close_map(writer *w) { check(w, yajl_gen_map_close(w->gen)); }
static void open_array(writer *w) { check(w, yajl_gen_array_open(w->gen)); }
static void close_array(writer *w) { check(w, yajl_gen_array_close(w->gen)); }

/* The members of a span: source, start, end and the text it covers. */
static void write_span(writer *w, const rel_evidence *ev)
{
    size_t len;
    const char *text;

    MEMBER(w, "source", rel_source_id, rel_evidence_source(ev));
    key(w, "start");
    integer(w, rel_evidence_start(ev));
    key(w, "end");
    integer(w, rel_evidence_end(ev));
    text = rel_evidence_text(ev, &len);
    key(w, "text");
    str(w, text, len);
}

/* The "evidence" member of an entity, event or claim. */
static void write_evidence(writer *w, size_t count, const rel_evidence *(*at)(const void *, size_t),
                           const void *object)
{
    size_t i;

    key(w, "evidence");
    open_array(w);
    for (i = 0; i < count; i++) {
        open_map(w);
        write_span(w, at(object, i));
        close_map(w);
    }
    close_array(w);
}

static const rel_evidence *entity_evidence(const void *e, size_t i) { return rel_entity_evidence_at(e, i); }
static const rel_evidence *event_evidence(const void *ev, size_t i) { return rel_event_evidence_at(ev, i); }
static const rel_evidence *claim_evidence(const void *c, size_t i) { return rel_claim_evidence_at(c, i); }

static void write_time(writer *w, const rel_time *t, const char *text, size_t text_len)
{
    char buf[256];
    size_t len;

    key(w, "time");
    open_map(w);
    key(w, "expr");
    if (rel_time_format(t, buf, sizeof(buf), &len) != REL_OK)
        w->gen_failed = 1;
    else
        str(w, buf, len);
    member(w, "text", text, text_len);
    close_map(w);
}

static void write_sources(writer *w, const rel_kb *kb)
{
    static const char *const names[META_COUNT] = {"title", "label", "lang", "date", "url", "licence", "path"};
    static const char *(*const meta[META_COUNT])(const rel_source *, size_t *) = {
        rel_source_title, rel_source_label, rel_source_lang, rel_source_date,
        rel_source_url,   rel_source_licence, rel_source_path};
    size_t i, n = rel_kb_source_count(kb);
    int m;

    key(w, "sources");
    open_array(w);
    for (i = 0; i < n; i++) {
        const rel_source *s = rel_kb_source_at(kb, i);
        open_map(w);
        MEMBER(w, "id", rel_source_id, s);
        for (m = 0; m < META_COUNT; m++)
            MEMBER(w, names[m], meta[m], s);
        if (rel_source_revises(s))
            MEMBER(w, "revises", rel_source_id, rel_source_revises(s));
        MEMBER(w, "text", rel_source_text, s);
        close_map(w);
    }
    close_array(w);
}

static void write_entities(writer *w, const rel_kb *kb)
{
    size_t i, j, n = rel_kb_entity_count(kb);

    key(w, "entities");
    open_array(w);
    for (i = 0; i < n; i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        size_t aliases = rel_entity_alias_count(e), len;
        const char *s;
        open_map(w);
        MEMBER(w, "id", rel_entity_id, e);
        member_c(w, "kind", rel_entity_kind_name(rel_entity_kind(e)));
        MEMBER(w, "name", rel_entity_name, e);
        key(w, "aliases");
        open_array(w);
        for (j = 0; j < aliases; j++) {
            open_map(w);
            s = rel_entity_alias_text(e, j, &len);
            member(w, "text", s, len);
            s = rel_entity_alias_lang(e, j, &len);
            member(w, "lang", s, len);
            close_map(w);
        }
        close_array(w);
        write_evidence(w, rel_entity_evidence_count(e), entity_evidence, e);
        close_map(w);
    }
    close_array(w);
}

static void write_events(writer *w, const rel_kb *kb)
{
    size_t i, j, n = rel_kb_event_count(kb);

    key(w, "events");
    open_array(w);
    for (i = 0; i < n; i++) {
        const rel_event *ev = rel_kb_event_at(kb, i);
        size_t participants = rel_event_participant_count(ev), len;
        const char *text;
        open_map(w);
        MEMBER(w, "id", rel_event_id, ev);
        MEMBER(w, "type", rel_event_type, ev);
        key(w, "participants");
        open_array(w);
        for (j = 0; j < participants; j++) {
            open_map(w);
            MEMBER(w, "entity", rel_entity_id, rel_event_participant_entity(ev, j));
            member_c(w, "role", rel_role_name(rel_event_participant_role(ev, j)));
            close_map(w);
        }
        close_array(w);
        if (rel_event_time(ev)) {
            text = rel_event_time_text(ev, &len);
            write_time(w, rel_event_time(ev), text, len);
        }
        write_evidence(w, rel_event_evidence_count(ev), event_evidence, ev);
        close_map(w);
    }
    close_array(w);
}

static void write_value(writer *w, const char *name, const rel_value *v)
{
    size_t len;
    const char *text = rel_value_text(v, &len);
    double quantity = 0;

    key(w, name);
    open_map(w);
    switch (rel_value_kind(v)) {
    case REL_VALUE_ENTITY: MEMBER(w, "entity", rel_entity_id, rel_value_entity(v)); break;
    case REL_VALUE_EVENT: MEMBER(w, "event", rel_event_id, rel_value_event(v)); break;
    case REL_VALUE_CLAIM: MEMBER(w, "claim", rel_claim_id, rel_value_claim(v)); break;
    case REL_VALUE_LITERAL: member(w, "literal", text, len); break;
    case REL_VALUE_QUANTITY:
        rel_value_quantity(v, &quantity);
        key(w, "quantity");
        number(w, quantity);
        member(w, "unit", text, len);
        break;
    case REL_VALUE_TIME:
        write_time(w, rel_value_time(v), text, len);
        break;
    default:
        break;
    }
    close_map(w);
}

static void write_versions(writer *w, const rel_claim *c, size_t count)
{
    const rel_source *source;
    const rel_entity *claimant;
    int32_t modality;
    size_t j;

    key(w, "versions");
    open_array(w);
    for (j = 0; j < count; j++) {
        rel_claim__version_at(c, j, &source, &claimant, &modality);
        open_map(w);
        MEMBER(w, "source", rel_source_id, source);
        if (claimant)
            MEMBER(w, "claimant", rel_entity_id, claimant);
        if (modality != REL_MODALITY_NONE)
            member_c(w, "modality", rel_modality_name(modality));
        close_map(w);
    }
    close_array(w);
}

static void write_relations(writer *w, const rel_claim *c, size_t count)
{
    size_t j;

    key(w, "relations");
    open_array(w);
    for (j = 0; j < count; j++) {
        open_map(w);
        member_c(w, "type", rel_relation_name(rel_claim_relation_type(c, j)));
        MEMBER(w, "claim", rel_claim_id, rel_claim_relation_target(c, j));
        close_map(w);
    }
    close_array(w);
}

static void write_claims(writer *w, const rel_kb *kb)
{
    size_t i, n = rel_kb_claim_count(kb);

    key(w, "claims");
    open_array(w);
    for (i = 0; i < n; i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        size_t versions = rel_claim__version_count(c), relations = rel_claim_relation_count(c);
        open_map(w);
        MEMBER(w, "id", rel_claim_id, c);
        write_value(w, "subject", rel_claim_subject(c));
        MEMBER(w, "predicate", rel_claim_predicate, c);
        if (rel_value_kind(rel_claim_object(c)) != REL_VALUE_NONE)
            write_value(w, "object", rel_claim_object(c));
        MEMBER(w, "claimant", rel_entity_id, rel_claim_claimant(c));
        member_c(w, "modality", rel_modality_name(rel_claim_modality(c)));
        if (rel_claim_polarity(c) == REL_POLARITY_NEGATIVE)
            member_c(w, "polarity", "negative");
        if (versions)
            write_versions(w, c, versions);
        if (relations)
            write_relations(w, c, relations);
        write_evidence(w, rel_claim_evidence_count(c), claim_evidence, c);
        close_map(w);
    }
    close_array(w);
}

static void write_predicates(writer *w, const rel_kb *kb)
{
    size_t i, n = rel_kb_predicate_count(kb);

    key(w, "predicates");
    open_array(w);
    for (i = 0; i < n; i++) {
        size_t len;
        const char *name = rel_kb_predicate_name(kb, i, &len);
        open_map(w);
        member(w, "name", name, len);
        key(w, "functional");
        check(w, yajl_gen_bool(w->gen, (rel_kb_predicate_flags(kb, i) & REL_PREDICATE_FUNCTIONAL) != 0));
        close_map(w);
    }
    close_array(w);
}

static void write_unannotated(writer *w, const rel_kb *kb)
{
    size_t i, n = rel_kb_unannotated_count(kb), len;
    const char *reason;

    key(w, "unannotated");
    open_array(w);
    for (i = 0; i < n; i++) {
        open_map(w);
        write_span(w, rel_kb_unannotated_at(kb, i));
        reason = rel_kb_unannotated_reason(kb, i, &len);
        member(w, "reason", reason, len);
        close_map(w);
    }
    close_array(w);
}

rel_status rel_kb_write_json(const rel_kb *kb, rel_write_fn write, void *payload, rel_error *err)
{
    rel_yajl_alloc ya = {NULL, 0};
    yajl_alloc_funcs funcs = {rel__yajl_malloc, rel__yajl_realloc, rel__yajl_free, &ya};
    writer w = {NULL, write, payload, 0, 0};

    rel__error_clear(err);
    if (!kb || !write)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    ya.a = &kb->alloc;
    if (!(w.gen = yajl_gen_alloc(&funcs)) || ya.failed) {
        if (w.gen)
            yajl_gen_free(w.gen);
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    }
    yajl_gen_config(w.gen, yajl_gen_beautify, 1);
    yajl_gen_config(w.gen, yajl_gen_indent_string, "  ");
    yajl_gen_config(w.gen, yajl_gen_print_callback, on_output, &w);
    open_map(&w);
    member_c(&w, "format", "relations-kb/1");
    write_sources(&w, kb);
    write_predicates(&w, kb);
    write_entities(&w, kb);
    write_events(&w, kb);
    write_claims(&w, kb);
    write_unannotated(&w, kb);
    close_map(&w);
    yajl_gen_free(w.gen);
    if (w.write_failed)
        return rel__error_set(err, REL_ERR_IO, "the output callback stopped the export");
    if (w.gen_failed || ya.failed)
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory while writing JSON");
    return REL_OK;
}

static int32_t to_file(const char *data, size_t len, void *payload)
{
    return fwrite(data, 1, len, payload) == len ? 0 : 1;
}

rel_status rel_kb_save_json(const rel_kb *kb, const char *path, rel_error *err)
{
    FILE *f;
    rel_status st;

    rel__error_clear(err);
    if (!kb || !path)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    if (!(f = fopen(path, "wb"))) {
        rel__error_set(err, REL_ERR_IO, "cannot create \"%s\": %s", path, strerror(errno));
        rel__error_file(err, path);
        return REL_ERR_IO;
    }
    st = rel_kb_write_json(kb, to_file, f, err);
    if (fclose(f) != 0 && st == REL_OK)
        st = rel__error_set(err, REL_ERR_IO, "cannot write \"%s\": %s", path, strerror(errno));
    if (st != REL_OK)
        rel__error_file(err, path);
    return st;
}
