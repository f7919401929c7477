/* SPDX-License-Identifier: MIT */
/* What the command-line tool's files share. */
#ifndef RELATIONS_CLI_H
#define RELATIONS_CLI_H

#include <relations.h>

#include <stdio.h>
#include <yajl/yajl_gen.h>

typedef struct cli {
    const char *kb_path; /* NULL: the built-in knowledge base */
    int json;
    const char *output;  /* export -o */
    const char *claimant; /* claims --claimant: an entity id or name */
    const char *modality; /* claims --modality */
    const char *source;   /* claims --source: a source id or prefix */
    rel_kb *kb;
    yajl_gen gen;        /* set while writing --json output */
} cli;

/* Each command returns the process exit status. */
int cmd_summary(cli *c);
int cmd_sources(cli *c);
int cmd_entities(cli *c);
int cmd_events(cli *c);
int cmd_claims(cli *c);
int cmd_show(cli *c, const char *id);
int cmd_find(cli *c, const char *alias);
int cmd_export(cli *c);
int cmd_time(cli *c, const char *expr);
int cmd_diff(cli *c, const char *a, const char *b);
int cmd_conflicts(cli *c);
int cmd_timeline(cli *c);
int cmd_query(cli *c, int argc, char **argv);

/* A progress bar on stderr while a knowledge base loads (progress.c). */
typedef struct progress_bar {
    int percent;     /* as last drawn; -1 before */
    int width;       /* of the line drawn, 0 if none is */
    double drawn_at; /* seconds, on a monotonic clock */
} progress_bar;

/* Makes opts draw the bar while a JSON file loads, if stderr is a terminal. */
void progress_bar_attach(progress_bar *bar, rel_kb_options *opts);
/* Erases the bar, if one is drawn; call it before printing anything else. */
void progress_bar_finish(progress_bar *bar);

/* Output helpers (print.c). */
void json_begin(cli *c);
int json_end(cli *c);
void json_key(cli *c, const char *key);
void json_str(cli *c, const char *s);
void json_strn(cli *c, const char *s, size_t len);
void json_int(cli *c, long long v);
void json_open_map(cli *c);
void json_close_map(cli *c);
void json_open_array(cli *c);
void json_close_array(cli *c);
void json_evidence(cli *c, const rel_evidence *ev);
void print_evidence(const rel_evidence *ev, const char *indent);
void print_value(const rel_value *v);
void json_value(cli *c, const rel_value *v);
void describe_time(const rel_time *t, char *buf, size_t cap);
/* Prints s left-aligned in a column of `width` characters. */
void print_padded(const char *s, int width);
int fail_status(rel_status st, const char *what, const char *detail);

#endif
