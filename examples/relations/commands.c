/* SPDX-License-Identifier: MIT */
/*
 * The commands of the relations tool. Each walks the knowledge base through
 * the public API only, as any embedding program would.
 */
#include "cli.h"

#include <stdint.h>
#include <string.h>

static size_t evidence_total(const rel_kb *kb)
{
    size_t i, n = 0;

    for (i = 0; i < rel_kb_entity_count(kb); i++)
        n += rel_entity_evidence_count(rel_kb_entity_at(kb, i));
    for (i = 0; i < rel_kb_event_count(kb); i++)
        n += rel_event_evidence_count(rel_kb_event_at(kb, i));
    for (i = 0; i < rel_kb_claim_count(kb); i++)
        n += rel_claim_evidence_count(rel_kb_claim_at(kb, i));
    return n;
}

static size_t alias_total(const rel_kb *kb)
{
    size_t i, n = 0;

    for (i = 0; i < rel_kb_entity_count(kb); i++)
        n += rel_entity_alias_count(rel_kb_entity_at(kb, i));
    return n;
}

/* How many claims a source states. */
static size_t claims_in(const rel_kb *kb, const rel_source *s)
{
    size_t i, n = 0;

    for (i = 0; i < rel_kb_claim_count(kb); i++)
        n += rel_claim_modality_in(rel_kb_claim_at(kb, i), s) != REL_MODALITY_NONE;
    return n;
}

int cmd_summary(cli *c)
{
    const rel_kb *kb = c->kb;
    size_t i;

    if (c->json) {
        json_begin(c);
        json_open_map(c);
        json_key(c, "sources");
        json_int(c, (long long)rel_kb_source_count(kb));
        json_key(c, "entities");
        json_int(c, (long long)rel_kb_entity_count(kb));
        json_key(c, "aliases");
        json_int(c, (long long)alias_total(kb));
        json_key(c, "events");
        json_int(c, (long long)rel_kb_event_count(kb));
        json_key(c, "claims");
        json_int(c, (long long)rel_kb_claim_count(kb));
        json_key(c, "evidence");
        json_int(c, (long long)evidence_total(kb));
        json_close_map(c);
        return json_end(c);
    }
    printf("Knowledge base: %s\n", c->kb_path ? c->kb_path : "built-in (Iran–North Korea relations, CC BY-SA 4.0)");
    printf("  sources   %zu\n", rel_kb_source_count(kb));
    printf("  entities  %zu (%zu aliases)\n", rel_kb_entity_count(kb), alias_total(kb));
    printf("  events    %zu\n", rel_kb_event_count(kb));
    printf("  claims    %zu\n", rel_kb_claim_count(kb));
    printf("  evidence  %zu spans\n", evidence_total(kb));
    for (i = 0; i < rel_kb_source_count(kb); i++) {
        const rel_source *s = rel_kb_source_at(kb, i);
        size_t len;
        const char *label = rel_source_label(s, NULL);
        rel_source_text(s, &len);
        printf("  %s  %-14s %5zu bytes, states %zu claims\n", rel_source_id(s, NULL), label ? label : "", len,
               claims_in(kb, s));
    }
    return 0;
}

int cmd_sources(cli *c)
{
    size_t i, len;

    if (c->json) {
        json_begin(c);
        json_open_array(c);
    }
    for (i = 0; i < rel_kb_source_count(c->kb); i++) {
        const rel_source *s = rel_kb_source_at(c->kb, i);
        const char *title = rel_source_title(s, NULL), *label = rel_source_label(s, NULL);
        rel_source_text(s, &len);
        if (c->json) {
            json_open_map(c);
            json_key(c, "id");
            json_str(c, rel_source_id(s, NULL));
            if (title) {
                json_key(c, "title");
                json_str(c, title);
            }
            if (label) {
                json_key(c, "label");
                json_str(c, label);
            }
            json_key(c, "bytes");
            json_int(c, (long long)len);
            json_close_map(c);
        } else {
            printf("%s  %5zu bytes  %-14s %s\n", rel_source_id(s, NULL), len, label ? label : "", title ? title : "");
        }
    }
    if (c->json) {
        json_close_array(c);
        return json_end(c);
    }
    return 0;
}

static void json_entity(cli *c, const rel_entity *e, int full)
{
    size_t j;

    json_open_map(c);
    json_key(c, "id");
    json_str(c, rel_entity_id(e, NULL));
    json_key(c, "kind");
    json_str(c, rel_entity_kind_name(rel_entity_kind(e)));
    json_key(c, "name");
    json_str(c, rel_entity_name(e, NULL));
    json_key(c, "aliases");
    json_open_array(c);
    for (j = 0; j < rel_entity_alias_count(e); j++) {
        json_open_map(c);
        json_key(c, "text");
        json_str(c, rel_entity_alias_text(e, j, NULL));
        json_key(c, "lang");
        json_str(c, rel_entity_alias_lang(e, j, NULL));
        json_close_map(c);
    }
    json_close_array(c);
    if (full) {
        json_key(c, "evidence");
        json_open_array(c);
        for (j = 0; j < rel_entity_evidence_count(e); j++)
            json_evidence(c, rel_entity_evidence_at(e, j));
        json_close_array(c);
    }
    json_close_map(c);
}

int cmd_entities(cli *c)
{
    size_t i, j;

    if (c->json) {
        json_begin(c);
        json_open_array(c);
        for (i = 0; i < rel_kb_entity_count(c->kb); i++)
            json_entity(c, rel_kb_entity_at(c->kb, i), 0);
        json_close_array(c);
        return json_end(c);
    }
    for (i = 0; i < rel_kb_entity_count(c->kb); i++) {
        const rel_entity *e = rel_kb_entity_at(c->kb, i);
        printf("%-36s %-12s %s", rel_entity_id(e, NULL), rel_entity_kind_name(rel_entity_kind(e)),
               rel_entity_name(e, NULL));
        for (j = 0; j < rel_entity_alias_count(e); j++)
            printf("%s%s", j ? " | " : "  [", rel_entity_alias_text(e, j, NULL));
        printf("%s\n", j ? "]" : "");
    }
    return 0;
}

static void json_event(cli *c, const rel_event *ev, int full)
{
    const rel_time *t = rel_event_time(ev);
    char buf[256];
    size_t j;

    json_open_map(c);
    json_key(c, "id");
    json_str(c, rel_event_id(ev, NULL));
    json_key(c, "type");
    json_str(c, rel_event_type(ev, NULL));
    json_key(c, "participants");
    json_open_array(c);
    for (j = 0; j < rel_event_participant_count(ev); j++) {
        json_open_map(c);
        json_key(c, "entity");
        json_str(c, rel_entity_id(rel_event_participant_entity(ev, j), NULL));
        json_key(c, "role");
        json_str(c, rel_role_name(rel_event_participant_role(ev, j)));
        json_close_map(c);
    }
    json_close_array(c);
    if (t) {
        json_key(c, "time");
        json_open_map(c);
        json_key(c, "expr");
        rel_time_format(t, buf, sizeof(buf), NULL);
        json_str(c, buf);
        if (rel_event_time_text(ev, NULL)) {
            json_key(c, "text");
            json_str(c, rel_event_time_text(ev, NULL));
        }
        json_key(c, "reading");
        describe_time(t, buf, sizeof(buf));
        json_str(c, buf);
        json_close_map(c);
    }
    if (full) {
        json_key(c, "evidence");
        json_open_array(c);
        for (j = 0; j < rel_event_evidence_count(ev); j++)
            json_evidence(c, rel_event_evidence_at(ev, j));
        json_close_array(c);
    }
    json_close_map(c);
}

int cmd_events(cli *c)
{
    char buf[256];
    size_t i, j;

    if (c->json) {
        json_begin(c);
        json_open_array(c);
        for (i = 0; i < rel_kb_event_count(c->kb); i++)
            json_event(c, rel_kb_event_at(c->kb, i), 0);
        json_close_array(c);
        return json_end(c);
    }
    for (i = 0; i < rel_kb_event_count(c->kb); i++) {
        const rel_event *ev = rel_kb_event_at(c->kb, i);
        describe_time(rel_event_time(ev), buf, sizeof(buf));
        printf("%-36s %-20s %-28s", rel_event_id(ev, NULL), rel_event_type(ev, NULL), buf);
        for (j = 0; j < rel_event_participant_count(ev); j++)
            printf(" %s:%s", rel_role_name(rel_event_participant_role(ev, j)),
                   rel_entity_id(rel_event_participant_entity(ev, j), NULL));
        printf("\n");
    }
    return 0;
}

static void json_claim(cli *c, const rel_claim *cl, int full)
{
    size_t j;

    json_open_map(c);
    json_key(c, "id");
    json_str(c, rel_claim_id(cl, NULL));
    json_key(c, "subject");
    json_value(c, rel_claim_subject(cl));
    json_key(c, "predicate");
    json_str(c, rel_claim_predicate(cl, NULL));
    if (rel_value_kind(rel_claim_object(cl)) != REL_VALUE_NONE) {
        json_key(c, "object");
        json_value(c, rel_claim_object(cl));
    }
    json_key(c, "polarity");
    json_str(c, rel_claim_polarity(cl) == REL_POLARITY_NEGATIVE ? "negative" : "positive");
    json_key(c, "versions");
    json_open_array(c);
    for (j = 0; j < rel_kb_source_count(c->kb); j++) {
        const rel_source *s = rel_kb_source_at(c->kb, j);
        int32_t m = rel_claim_modality_in(cl, s);
        if (m == REL_MODALITY_NONE)
            continue;
        json_open_map(c);
        json_key(c, "source");
        json_str(c, rel_source_id(s, NULL));
        json_key(c, "claimant");
        json_str(c, rel_entity_id(rel_claim_claimant_in(cl, s), NULL));
        json_key(c, "modality");
        json_str(c, rel_modality_name(m));
        json_close_map(c);
    }
    json_close_array(c);
    if (full) {
        json_key(c, "relations");
        json_open_array(c);
        for (j = 0; j < rel_claim_relation_count(cl); j++) {
            json_open_map(c);
            json_key(c, "type");
            json_str(c, rel_relation_name(rel_claim_relation_type(cl, j)));
            json_key(c, "claim");
            json_str(c, rel_claim_id(rel_claim_relation_target(cl, j), NULL));
            json_close_map(c);
        }
        json_close_array(c);
        json_key(c, "evidence");
        json_open_array(c);
        for (j = 0; j < rel_claim_evidence_count(cl); j++)
            json_evidence(c, rel_claim_evidence_at(cl, j));
        json_close_array(c);
    }
    json_close_map(c);
}

static void print_claim_line(cli *c, const rel_claim *cl)
{
    size_t j;

    printf("%-36s ", rel_claim_id(cl, NULL));
    print_value(rel_claim_subject(cl));
    printf(" %s%s ", rel_claim_polarity(cl) == REL_POLARITY_NEGATIVE ? "NOT " : "", rel_claim_predicate(cl, NULL));
    print_value(rel_claim_object(cl));
    for (j = 0; j < rel_kb_source_count(c->kb); j++) {
        const rel_source *s = rel_kb_source_at(c->kb, j);
        int32_t m = rel_claim_modality_in(cl, s);
        if (m != REL_MODALITY_NONE)
            printf("  [%.3s %s by %s]", rel_source_id(s, NULL), rel_modality_name(m),
                   rel_entity_id(rel_claim_claimant_in(cl, s), NULL));
    }
    printf("\n");
}

/* The claims filters of the command line, resolved against the knowledge base. */
typedef struct claim_filter {
    const rel_source *source;   /* NULL: any */
    const rel_entity *claimant; /* NULL: any */
    int32_t modality;           /* REL_MODALITY_NONE: any */
} claim_filter;

static int resolve_filter(cli *c, claim_filter *f)
{
    const rel_entity *found[2];
    size_t n = 0;
    rel_status st;

    memset(f, 0, sizeof(*f));
    if (c->source && (st = rel_kb_find_source(c->kb, c->source, REL_NTS, &f->source)) != REL_OK)
        return fail_status(st, "--source", c->source);
    if (c->modality && (st = rel_modality_from_name(c->modality, REL_NTS, &f->modality)) != REL_OK)
        return fail_status(st, "--modality (asserted, reported, alleged, presumed, believed, disputed, denied, hedged)",
                           c->modality);
    if (c->claimant && rel_kb_find_entity(c->kb, c->claimant, REL_NTS, &f->claimant) != REL_OK) {
        st = rel_kb_find_alias(c->kb, c->claimant, REL_NTS, REL_MATCH_NORMALISED, found, 2, &n);
        if (st == REL_OK && n > 1)
            st = REL_ERR_AMBIGUOUS;
        if (st != REL_OK)
            return fail_status(st, "--claimant", c->claimant);
        f->claimant = found[0];
    }
    return 0;
}

/* Whether some version (the filtered one, if any) states the claim as the filter asks. */
static int claim_matches(const rel_kb *kb, const rel_claim *cl, const claim_filter *f)
{
    size_t j;

    for (j = 0; j < rel_kb_source_count(kb); j++) {
        const rel_source *s = rel_kb_source_at(kb, j);
        int32_t m = rel_claim_modality_in(cl, s);
        if (m == REL_MODALITY_NONE || (f->source && s != f->source) ||
            (f->modality != REL_MODALITY_NONE && m != f->modality) ||
            (f->claimant && rel_claim_claimant_in(cl, s) != f->claimant))
            continue;
        return 1;
    }
    return 0;
}

int cmd_claims(cli *c)
{
    claim_filter f;
    size_t i;

    if (resolve_filter(c, &f))
        return 1;
    if (c->json) {
        json_begin(c);
        json_open_array(c);
    }
    for (i = 0; i < rel_kb_claim_count(c->kb); i++) {
        const rel_claim *cl = rel_kb_claim_at(c->kb, i);
        if (!claim_matches(c->kb, cl, &f))
            continue;
        if (c->json)
            json_claim(c, cl, 0);
        else
            print_claim_line(c, cl);
    }
    if (c->json) {
        json_close_array(c);
        return json_end(c);
    }
    return 0;
}

static int show_source(cli *c, const rel_source *s)
{
    size_t len;
    const char *text = rel_source_text(s, &len);

    if (c->json) {
        json_begin(c);
        json_open_map(c);
        json_key(c, "id");
        json_str(c, rel_source_id(s, NULL));
        json_key(c, "text");
        json_strn(c, text, len);
        json_close_map(c);
        return json_end(c);
    }
    printf("source %s (%zu bytes)\n", rel_source_id(s, NULL), len);
    if (rel_source_title(s, NULL))
        printf("  title    %s\n", rel_source_title(s, NULL));
    if (rel_source_label(s, NULL))
        printf("  label    %s\n", rel_source_label(s, NULL));
    if (rel_source_licence(s, NULL))
        printf("  licence  %s\n", rel_source_licence(s, NULL));
    printf("\n%.*s\n", (int)len, text);
    return 0;
}

int cmd_show(cli *c, const char *id)
{
    const rel_source *s;
    const rel_entity *e;
    const rel_event *ev;
    const rel_claim *cl;
    char buf[256];
    size_t j;
    rel_status st;

    if (rel_kb_find_entity(c->kb, id, REL_NTS, &e) == REL_OK) {
        if (c->json) {
            json_begin(c);
            json_entity(c, e, 1);
            return json_end(c);
        }
        printf("entity %s (%s): %s\n", id, rel_entity_kind_name(rel_entity_kind(e)), rel_entity_name(e, NULL));
        for (j = 0; j < rel_entity_alias_count(e); j++)
            printf("  alias [%s] %s\n", rel_entity_alias_lang(e, j, NULL), rel_entity_alias_text(e, j, NULL));
        for (j = 0; j < rel_entity_evidence_count(e); j++)
            print_evidence(rel_entity_evidence_at(e, j), "  mention ");
        return 0;
    }
    if (rel_kb_find_event(c->kb, id, REL_NTS, &ev) == REL_OK) {
        if (c->json) {
            json_begin(c);
            json_event(c, ev, 1);
            return json_end(c);
        }
        describe_time(rel_event_time(ev), buf, sizeof(buf));
        printf("event %s (%s), %s\n", id, rel_event_type(ev, NULL), buf);
        if (rel_event_time_text(ev, NULL))
            printf("  time words \"%s\"\n", rel_event_time_text(ev, NULL));
        for (j = 0; j < rel_event_participant_count(ev); j++)
            printf("  %-10s %s\n", rel_role_name(rel_event_participant_role(ev, j)),
                   rel_entity_name(rel_event_participant_entity(ev, j), NULL));
        for (j = 0; j < rel_event_evidence_count(ev); j++)
            print_evidence(rel_event_evidence_at(ev, j), "  reported in ");
        return 0;
    }
    if (rel_kb_find_claim(c->kb, id, REL_NTS, &cl) == REL_OK) {
        if (c->json) {
            json_begin(c);
            json_claim(c, cl, 1);
            return json_end(c);
        }
        print_claim_line(c, cl);
        for (j = 0; j < rel_claim_relation_count(cl); j++)
            printf("  %s %s\n", rel_relation_name(rel_claim_relation_type(cl, j)),
                   rel_claim_id(rel_claim_relation_target(cl, j), NULL));
        for (j = 0; j < rel_claim_evidence_count(cl); j++)
            print_evidence(rel_claim_evidence_at(cl, j), "  stated in ");
        return 0;
    }
    st = rel_kb_find_source(c->kb, id, REL_NTS, &s);
    if (st == REL_OK)
        return show_source(c, s);
    return fail_status(st == REL_ERR_AMBIGUOUS ? st : REL_ERR_NOT_FOUND, "show", id);
}

int cmd_find(cli *c, const char *alias)
{
    const rel_entity *found[64];
    size_t n = 0, i;
    int32_t match = REL_MATCH_EXACT;
    rel_status st = rel_kb_find_alias(c->kb, alias, REL_NTS, match, found, 64, &n);

    if (st == REL_ERR_NOT_FOUND) {
        match = REL_MATCH_NORMALISED;
        st = rel_kb_find_alias(c->kb, alias, REL_NTS, match, found, 64, &n);
    }
    if (st != REL_OK)
        return fail_status(st, "find", alias);
    if (n > 64)
        n = 64;
    if (c->json) {
        json_begin(c);
        json_open_map(c);
        json_key(c, "match");
        json_str(c, match == REL_MATCH_EXACT ? "exact" : "normalised");
        json_key(c, "entities");
        json_open_array(c);
        for (i = 0; i < n; i++)
            json_entity(c, found[i], 0);
        json_close_array(c);
        json_close_map(c);
        return json_end(c);
    }
    for (i = 0; i < n; i++)
        printf("%s  %s (%s, %s match)\n", rel_entity_id(found[i], NULL), rel_entity_name(found[i], NULL),
               rel_entity_kind_name(rel_entity_kind(found[i])), match == REL_MATCH_EXACT ? "exact" : "normalised");
    return 0;
}

static int32_t to_stdout(const char *data, size_t len, void *payload)
{
    (void)payload;
    return fwrite(data, 1, len, stdout) == len ? 0 : 1;
}

int cmd_export(cli *c)
{
    rel_error err;
    rel_status st;

    if (c->output)
        st = rel_kb_save_json(c->kb, c->output, &err);
    else
        st = rel_kb_write_json(c->kb, to_stdout, NULL, &err);
    return st == REL_OK ? 0 : fail_status(st, "export", err.message);
}

static void print_bound(const char *label, int64_t day, int32_t kind)
{
    int64_t y;
    int32_t m, d;

    if (kind == REL_BOUND_OPEN)
        printf("  %-10s open\n", label);
    else if (kind == REL_BOUND_UNKNOWN)
        printf("  %-10s unknown\n", label);
    else if (rel_date_from_day(day, &y, &m, &d) == REL_OK)
        printf("  %-10s %04lld-%02d-%02d (day %lld)\n", label, (long long)y, (int)m, (int)d, (long long)day);
}

/* A bound as a day number, or null where the text gives none. */
static void json_day(cli *c, int64_t day, int32_t kind)
{
    if (kind == REL_BOUND_DAY)
        json_int(c, (long long)day);
    else
        yajl_gen_null(c->gen);
}

int cmd_time(cli *c, const char *expr)
{
    rel_time *t;
    rel_time_bounds b;
    rel_error err;
    char canon[256], reading[256];
    rel_status st = rel_time_parse(&t, expr, REL_NTS, &err);

    if (st != REL_OK) {
        fprintf(stderr, "relations: time: %s at byte %llu: %s\n", rel_status_str(st), (unsigned long long)err.offset,
                err.message);
        return 1;
    }
    rel_time_format(t, canon, sizeof(canon), NULL);
    describe_time(t, reading, sizeof(reading));
    rel_time_get_bounds(t, &b);
    rel_time_free(t);
    if (c->json) {
        json_begin(c);
        json_open_map(c);
        json_key(c, "expr");
        json_str(c, canon);
        json_key(c, "reading");
        json_str(c, reading);
        json_key(c, "strict");
        json_open_array(c);
        json_day(c, b.strict_lo, b.lo_kind);
        json_day(c, b.strict_hi, b.hi_kind);
        json_close_array(c);
        json_key(c, "fuzzy");
        json_open_array(c);
        json_day(c, b.fuzzy_lo, b.lo_kind);
        json_day(c, b.fuzzy_hi, b.hi_kind);
        json_close_array(c);
        json_close_map(c);
        return json_end(c);
    }
    printf("%s\n  reading    %s\n", canon, reading);
    print_bound("strict lo", b.strict_lo, b.lo_kind);
    print_bound("strict hi", b.strict_hi, b.hi_kind);
    print_bound("fuzzy lo", b.fuzzy_lo, b.lo_kind);
    print_bound("fuzzy hi", b.fuzzy_hi, b.hi_kind);
    return 0;
}
