/* SPDX-License-Identifier: MIT */
/*
 * Output for the command-line tool: quoted evidence for people, and JSON
 * (through yajl, the library's own JSON dependency) for programs.
 */
#include "cli.h"

#include <string.h>

static void print_to_stdout(void *ctx, const char *s, size_t len)
{
    (void)ctx;
    fwrite(s, 1, len, stdout);
}

void json_begin(cli *c)
{
    c->gen = yajl_gen_alloc(NULL);
    if (!c->gen) {
        fputs("relations: out of memory\n", stderr);
        return;
    }
    yajl_gen_config(c->gen, yajl_gen_beautify, 1);
    yajl_gen_config(c->gen, yajl_gen_indent_string, "  ");
    yajl_gen_config(c->gen, yajl_gen_print_callback, print_to_stdout, NULL);
}

int json_end(cli *c)
{
    yajl_gen_free(c->gen);
    c->gen = NULL;
    return ferror(stdout) ? 1 : 0;
}

void json_key(cli *c, const char *key) { json_str(c, key); }
void json_str(cli *c, const char *s) { json_strn(c, s, strlen(s)); }
void json_strn(cli *c, const char *s, size_t len) { yajl_gen_string(c->gen, (const unsigned char *)s, len); }
void json_int(cli *c, long long v) { yajl_gen_integer(c->gen, v); }
void json_open_map(cli *c) { yajl_gen_map_open(c->gen); }
void json_close_map(cli *c) { yajl_gen_map_close(c->gen); }
void json_open_array(cli *c) { yajl_gen_array_open(c->gen); }
void json_close_array(cli *c) { yajl_gen_array_close(c->gen); }

/* The same evidence form as the export. */
void json_evidence(cli *c, const rel_evidence *ev)
{
    size_t len;
    const char *text = rel_evidence_text(ev, &len);

    json_open_map(c);
    json_key(c, "source");
    json_str(c, rel_source_id(rel_evidence_source(ev), NULL));
    json_key(c, "start");
    json_int(c, (long long)rel_evidence_start(ev));
    json_key(c, "end");
    json_int(c, (long long)rel_evidence_end(ev));
    json_key(c, "text");
    json_strn(c, text, len);
    json_close_map(c);
}

void print_evidence(const rel_evidence *ev, const char *indent)
{
    size_t len;
    const char *text = rel_evidence_text(ev, &len);

    printf("%s%.3s [%llu, %llu) \"%.*s\"\n", indent, rel_source_id(rel_evidence_source(ev), NULL),
           (unsigned long long)rel_evidence_start(ev), (unsigned long long)rel_evidence_end(ev), (int)len, text);
}

void describe_time(const rel_time *t, char *buf, size_t cap)
{
    if (!t || rel_time_describe(t, buf, cap, NULL) != REL_OK)
        snprintf(buf, cap, "%s", t ? "(too long)" : "(no time)");
}

void print_value(const rel_value *v)
{
    char buf[256];
    double q;

    switch (rel_value_kind(v)) {
    case REL_VALUE_ENTITY: printf("%s", rel_entity_name(rel_value_entity(v), NULL)); break;
    case REL_VALUE_EVENT: printf("event %s", rel_event_id(rel_value_event(v), NULL)); break;
    case REL_VALUE_CLAIM: printf("claim %s", rel_claim_id(rel_value_claim(v), NULL)); break;
    case REL_VALUE_LITERAL: printf("\"%s\"", rel_value_text(v, NULL)); break;
    case REL_VALUE_QUANTITY:
        rel_value_quantity(v, &q);
        printf("%g %s", q, rel_value_text(v, NULL) ? rel_value_text(v, NULL) : "");
        break;
    case REL_VALUE_TIME:
        describe_time(rel_value_time(v), buf, sizeof(buf));
        printf("%s", buf);
        break;
    default: printf("-"); break;
    }
}

void json_value(cli *c, const rel_value *v)
{
    char buf[256];
    double q;

    json_open_map(c);
    switch (rel_value_kind(v)) {
    case REL_VALUE_ENTITY: json_key(c, "entity"); json_str(c, rel_entity_id(rel_value_entity(v), NULL)); break;
    case REL_VALUE_EVENT: json_key(c, "event"); json_str(c, rel_event_id(rel_value_event(v), NULL)); break;
    case REL_VALUE_CLAIM: json_key(c, "claim"); json_str(c, rel_claim_id(rel_value_claim(v), NULL)); break;
    case REL_VALUE_LITERAL: json_key(c, "literal"); json_str(c, rel_value_text(v, NULL)); break;
    case REL_VALUE_QUANTITY:
        rel_value_quantity(v, &q);
        json_key(c, "quantity");
        yajl_gen_double(c->gen, q);
        if (rel_value_text(v, NULL)) {
            json_key(c, "unit");
            json_str(c, rel_value_text(v, NULL));
        }
        break;
    case REL_VALUE_TIME:
        json_key(c, "time");
        json_open_map(c);
        json_key(c, "expr");
        rel_time_format(rel_value_time(v), buf, sizeof(buf), NULL);
        json_str(c, buf);
        if (rel_value_text(v, NULL)) {
            json_key(c, "text");
            json_str(c, rel_value_text(v, NULL));
        }
        json_close_map(c);
        break;
    default: break;
    }
    json_close_map(c);
}

int fail_status(rel_status st, const char *what, const char *detail)
{
    fprintf(stderr, "relations: %s: %s%s%s\n", what, rel_status_str(st), detail && *detail ? ": " : "",
            detail ? detail : "");
    return 1;
}

void print_padded(const char *s, int width)
{
    int chars = 0;
    const char *p;

    /* Columns count characters, not bytes: "1971–1972" is nine wide. */
    for (p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    printf("%s%*s", s, width > chars ? width - chars : 0, "");
}
