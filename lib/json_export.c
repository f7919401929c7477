/* SPDX-License-Identifier: MIT */
/*
 * JSON export through yajl's generator. The output is deterministic (fixed
 * member order, two-space indent, numbers in their shortest exact form) so
 * that exporting an imported export gives the same bytes.
 */
#include <relations/builder.h>
#include <relations/json.h>

#include "alloc.h"
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

static void member(writer *w, const char *k, const rel_str *s)
{
    if (!s->ptr)
        return;
    key(w, k);
    str(w, s->ptr, s->len);
}

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

static void write_evidence(writer *w, const rel_evidence_list *list)
{
    size_t i;

    key(w, "evidence");
    open_array(w);
    for (i = 0; i < list->count; i++) {
        const rel_evidence *ev = list->items[i];
        open_map(w);
        member(w, "source", &ev->source->id);
        key(w, "start");
        integer(w, ev->start);
        key(w, "end");
        integer(w, ev->end);
        key(w, "text");
        str(w, ev->source->text.ptr + ev->start, (size_t)(ev->end - ev->start));
        close_map(w);
    }
    close_array(w);
}

static void write_time(writer *w, const rel_time *t, const rel_str *text)
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
    member(w, "text", text);
    close_map(w);
}

static void write_sources(writer *w, const rel_kb *kb)
{
    static const char *const names[META_COUNT] = {"title", "label", "lang", "date", "url", "licence", "path"};
    size_t i;
    int m;

    key(w, "sources");
    open_array(w);
    for (i = 0; i < kb->sources.count; i++) {
        const rel_source *s = kb->sources.items[i];
        open_map(w);
        member(w, "id", &s->id);
        for (m = 0; m < META_COUNT; m++)
            member(w, names[m], &s->meta[m]);
        if (s->revises)
            member(w, "revises", &s->revises->id);
        member(w, "text", &s->text);
        close_map(w);
    }
    close_array(w);
}

static void write_entities(writer *w, const rel_kb *kb)
{
    size_t i, j;

    key(w, "entities");
    open_array(w);
    for (i = 0; i < kb->entities.count; i++) {
        const rel_entity *e = kb->entities.items[i];
        open_map(w);
        member(w, "id", &e->id);
        member_c(w, "kind", rel_entity_kind_name(e->kind));
        member(w, "name", &e->name);
        key(w, "aliases");
        open_array(w);
        for (j = 0; j < e->alias_count; j++) {
            open_map(w);
            member(w, "text", &e->aliases[j].text);
            member(w, "lang", &e->aliases[j].lang);
            close_map(w);
        }
        close_array(w);
        write_evidence(w, &e->evidence);
        close_map(w);
    }
    close_array(w);
}

static void write_events(writer *w, const rel_kb *kb)
{
    size_t i, j;

    key(w, "events");
    open_array(w);
    for (i = 0; i < kb->events.count; i++) {
        const rel_event *ev = kb->events.items[i];
        open_map(w);
        member(w, "id", &ev->id);
        member(w, "type", &ev->type);
        key(w, "participants");
        open_array(w);
        for (j = 0; j < ev->participant_count; j++) {
            open_map(w);
            member(w, "entity", &ev->participants[j].entity->id);
            member_c(w, "role", rel_role_name(ev->participants[j].role));
            close_map(w);
        }
        close_array(w);
        if (ev->time)
            write_time(w, ev->time, &ev->time_text);
        write_evidence(w, &ev->evidence);
        close_map(w);
    }
    close_array(w);
}

static void write_value(writer *w, const char *name, const rel_value *v)
{
    key(w, name);
    open_map(w);
    switch (v->kind) {
    case REL_VALUE_ENTITY: member(w, "entity", &((const rel_entity *)v->ref)->id); break;
    case REL_VALUE_EVENT: member(w, "event", &((const rel_event *)v->ref)->id); break;
    case REL_VALUE_CLAIM: member(w, "claim", &((const rel_claim *)v->ref)->id); break;
    case REL_VALUE_LITERAL: member(w, "literal", &v->text); break;
    case REL_VALUE_QUANTITY:
        key(w, "quantity");
        number(w, v->number);
        member(w, "unit", &v->text);
        break;
    case REL_VALUE_TIME:
        write_time(w, v->time, &v->text);
        break;
    default:
        break;
    }
    close_map(w);
}

static void write_claims(writer *w, const rel_kb *kb)
{
    size_t i, j;

    key(w, "claims");
    open_array(w);
    for (i = 0; i < kb->claims.count; i++) {
        const rel_claim *c = kb->claims.items[i];
        open_map(w);
        member(w, "id", &c->id);
        write_value(w, "subject", &c->subject);
        member(w, "predicate", &c->predicate);
        if (c->object.kind != REL_VALUE_NONE)
            write_value(w, "object", &c->object);
        member(w, "claimant", &c->claimant->id);
        member_c(w, "modality", rel_modality_name(c->modality));
        if (c->polarity == REL_POLARITY_NEGATIVE)
            member_c(w, "polarity", "negative");
        if (c->version_count) {
            key(w, "versions");
            open_array(w);
            for (j = 0; j < c->version_count; j++) {
                const rel_claim_version *v = &c->versions[j];
                open_map(w);
                member(w, "source", &v->source->id);
                if (v->claimant)
                    member(w, "claimant", &v->claimant->id);
                if (v->modality != REL_MODALITY_NONE)
                    member_c(w, "modality", rel_modality_name(v->modality));
                close_map(w);
            }
            close_array(w);
        }
        if (c->relation_count) {
            key(w, "relations");
            open_array(w);
            for (j = 0; j < c->relation_count; j++) {
                open_map(w);
                member_c(w, "type", rel_relation_name(c->relations[j].type));
                member(w, "claim", &c->relations[j].target->id);
                close_map(w);
            }
            close_array(w);
        }
        write_evidence(w, &c->evidence);
        close_map(w);
    }
    close_array(w);
}

static void write_predicates(writer *w, const rel_kb *kb)
{
    size_t i;

    key(w, "predicates");
    open_array(w);
    for (i = 0; i < kb->predicates.count; i++) {
        const rel_predicate *p = kb->predicates.items[i];
        open_map(w);
        member(w, "name", &p->name);
        key(w, "functional");
        check(w, yajl_gen_bool(w->gen, (p->flags & REL_PREDICATE_FUNCTIONAL) != 0));
        close_map(w);
    }
    close_array(w);
}

static void write_unannotated(writer *w, const rel_kb *kb)
{
    size_t i;

    key(w, "unannotated");
    open_array(w);
    for (i = 0; i < kb->gaps.count; i++) {
        const rel_gap *g = kb->gaps.items[i];
        open_map(w);
        member(w, "source", &g->span.source->id);
        key(w, "start");
        integer(w, g->span.start);
        key(w, "end");
        integer(w, g->span.end);
        key(w, "text");
        str(w, g->span.source->text.ptr + g->span.start, (size_t)(g->span.end - g->span.start));
        member(w, "reason", &g->reason);
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
