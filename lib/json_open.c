/* SPDX-License-Identifier: MIT */
/*
 * Opening a knowledge base from JSON in memory or in a file. The input goes
 * to the importer (json_import.c) a piece at a time, so that a file is
 * never held whole: memory is the knowledge base plus one piece and one
 * record. After each piece the caller's progress callback, if any, is told
 * how far the import has got, and may stop it.
 */
#define _POSIX_C_SOURCE 200809L /* fileno() and fstat(): the size of an open file */

#include <relations/json.h>

#include "alloc.h"
#include "error.h"
#include "json_import.h"
#include "kb_impl.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_CHUNK_SIZE ((size_t)1 << 20)

/* The progress callback hears of at most this many pieces, however big the input. */
#define PROGRESS_CALLS 256

typedef struct progress {
    rel_progress_fn fn; /* NULL: nobody asked */
    void *payload;
    uint64_t total;
    uint64_t told;      /* done, as last told */
} progress;

/* Where the JSON comes from: memory, or an open file read into buf. */
typedef struct input {
    const char *mem;
    size_t mem_len;
    FILE *file;
    const char *path;
    char *buf;
    size_t cap;
    size_t piece;  /* bytes per piece */
    uint64_t done; /* bytes handed to the importer */
} input;

/*
 * Finds where the input may be cut between two tokens: after white space
 * or punctuation outside a string, or after a string's closing quote (a
 * number or a word may go on in the next byte). A line end is always such
 * a place, since a JSON string cannot hold one; only where there is none
 * is the input read byte by byte, the reading going on from piece to piece.
 */
typedef struct cutter {
    size_t from;   /* where the next reading starts, in the text it is given */
    int in_string; /* the state there */
    int escaped;   /* the byte before, in a string, was a backslash */
} cutter;

static int ends_token(char ch)
{
    return ch == ' ' || ch == '\n' || ch == ',' || ch == ':' || ch == '{' || ch == '}' || ch == '[' || ch == ']' ||
           ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* Reads text from c->from to `to`; returns the last place to cut after c->from, or 0 if there is none. */
static size_t next_cut(cutter *c, const char *text, size_t to)
{
    size_t i = to, cut = 0;

    /* Invalid JSON with a line end in a string is no exception: yajl stops there, in this piece. */
    while (i > c->from && text[i - 1] != '\n')
        i--;
    if (i > c->from) {
        c->from = i;
        c->in_string = 0;
        c->escaped = 0;
        return i;
    }
    for (i = c->from; i < to; i++) {
        char ch = text[i];
        if (c->escaped) {
            c->escaped = 0;
        } else if (c->in_string) {
            if (ch == '\\') {
                c->escaped = 1;
            } else if (ch == '"') {
                c->in_string = 0;
                cut = i + 1;
            }
        } else if (ch == '"') {
            c->in_string = 1;
        } else if (ends_token(ch)) {
            cut = i + 1;
        }
    }
    c->from = to;
    return cut;
}

/* Options of version 1 end before the progress members: those are not there to read. */
static progress progress_from(const rel_kb_options *opts, uint64_t total)
{
    progress p;

    memset(&p, 0, sizeof(p));
    if (opts && opts->version >= 2) {
        p.fn = opts->progress;
        p.payload = opts->progress_payload;
    }
    p.total = total;
    return p;
}

static rel_status tell(progress *p, uint64_t done, rel_error *err)
{
    p->told = done;
    if (p->fn && p->fn(done, p->total, p->payload) != 0)
        return rel__error_set(err, REL_ERR_CANCELLED, "import cancelled by the progress callback");
    return REL_OK;
}

/*
 * After a piece: tells the callback, unless too little has changed since
 * it was last told. The end of the input is told once, by import().
 */
static rel_status tell_some(progress *p, uint64_t done, rel_error *err)
{
    if (!p->fn || done >= p->total || done - p->told < p->total / PROGRESS_CALLS)
        return REL_OK;
    return tell(p, done, err);
}

/*
 * Counts lines and columns as rel__error_locate() does, reading the file
 * again up to the offset: the error may lie in any earlier piece (a record
 * kept back until the end). A file that cannot be read again gets none.
 */
static void locate_in_file(rel_error *err, input *in)
{
    uint64_t left = err->offset;
    uint32_t line = 1, column = 1;
    size_t i, n;

    if (fseek(in->file, 0, SEEK_SET) != 0)
        return;
    while (left > 0 && (n = fread(in->buf, 1, left < in->cap ? (size_t)left : in->cap, in->file)) > 0) {
        for (i = 0; i < n; i++) {
            if (in->buf[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        left -= n;
    }
    if (left > 0)
        return;
    err->line = line;
    err->column = column;
}

/* An error of the importer, which knows the byte offset only: adds line and column. */
static rel_status located(rel_status st, input *in, rel_error *err)
{
    if (st == REL_OK || st == REL_ERR_NOMEM || !err || err->offset > in->done)
        return st;
    if (in->mem)
        rel__error_locate(err, in->mem, in->mem_len);
    else
        locate_in_file(err, in);
    return st;
}

static rel_status feed(json_import *im, input *in, const char *piece, size_t len, rel_error *err)
{
    in->done += len;
    return located(rel_json__import_feed(im, piece, len), in, err);
}

/* Pieces of about in->piece bytes, each cut between two tokens; none copied. */
static rel_status feed_memory(json_import *im, input *in, progress *p, rel_error *err)
{
    size_t size = in->piece, len = in->mem_len, fed = 0, end, cut;
    cutter c = {0, 0, 0};
    rel_status st;

    while (fed < len) {
        end = len - c.from > size ? c.from + size : len;
        if ((cut = end == len ? len : next_cut(&c, in->mem, end)) == 0)
            continue; /* a token longer than a piece: read on */
        if ((st = feed(im, in, in->mem + fed, cut - fed, err)) != REL_OK || (st = tell_some(p, cut, err)) != REL_OK)
            return st;
        fed = cut;
    }
    return REL_OK;
}

/*
 * Reads the file into buf and hands over what lies before the last cut;
 * the rest moves to the front of buf, to be finished by the next read. A
 * token longer than buf makes it grow.
 */
static rel_status feed_file(rel_kb *kb, json_import *im, input *in, progress *p, rel_error *err)
{
    size_t size = in->piece, kept = 0, got, cut;
    cutter c = {0, 0, 0};
    rel_status st;
    char *grown;

    for (;;) {
        if (kept == in->cap) {
            if (in->cap > SIZE_MAX / 2 || !(grown = rel__realloc_array(&kb->alloc, in->buf, in->cap * 2, 1)))
                return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
            in->buf = grown;
            in->cap *= 2;
        }
        /* Pieces of in->piece bytes, even after a long token made buf grow. */
        if ((got = fread(in->buf + kept, 1, in->cap - kept < size ? in->cap - kept : size, in->file)) == 0)
            break;
        kept += got;
        if ((cut = next_cut(&c, in->buf, kept)) == 0)
            continue;
        if ((st = feed(im, in, in->buf, cut, err)) != REL_OK || (st = tell_some(p, in->done, err)) != REL_OK)
            return st;
        memmove(in->buf, in->buf + cut, kept - cut);
        kept -= cut;
        c.from -= cut;
    }
    if (ferror(in->file))
        return rel__error_set(err, REL_ERR_IO, "cannot read \"%s\": %s", in->path, strerror(errno));
    return kept ? feed(im, in, in->buf, kept, err) : REL_OK;
}

static rel_status import(rel_kb *kb, input *in, progress *p, const char *base_dir, rel_error *err)
{
    json_import *im;
    rel_status st;

    if (!in->mem && !(in->buf = rel__malloc(&kb->alloc, in->cap = in->piece)))
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    if ((st = rel_json__import_new(&im, kb, base_dir, err)) != REL_OK)
        return st;
    st = in->mem ? feed_memory(im, in, p, err) : feed_file(kb, im, in, p, err);
    if (st == REL_OK)
        st = located(rel_json__import_finish(im), in, err);
    rel_json__import_free(im);
    if (st != REL_OK)
        return st;
    /* The last call says that the whole input is in, even if a file was not the size it said. */
    p->total = in->done;
    return tell(p, in->done, err);
}

static rel_status open_json(rel_kb **out, input *in, uint64_t total, const rel_kb_options *opts, const char *dir,
                            rel_error *err)
{
    rel_kb *kb;
    progress p;
    rel_status st;

    rel__error_clear(err);
    if ((st = rel_kb_new(&kb, opts)) != REL_OK)
        return rel__error_set(err, st, "%s", st == REL_ERR_NOMEM ? "out of memory" : "invalid options");
    p = progress_from(opts, total);
    st = import(kb, in, &p, kb->base_dir ? kb->base_dir : dir, err);
    rel__free(&kb->alloc, in->buf);
    in->buf = NULL;
    if (st != REL_OK) {
        if (err) {
            err->status = st;
            rel__error_file(err, in->path);
        }
        rel_kb_free(kb);
        return st;
    }
    /* A claim kept for later left the error of its first try: success clears it. */
    rel__error_clear(err);
    *out = kb;
    return REL_OK;
}

rel_status rel_json__open_mem(rel_kb **out, const char *json, size_t len, const rel_kb_options *opts, size_t piece,
                             rel_error *err)
{
    input in;

    if (out)
        *out = NULL;
    if (!out || !json)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    memset(&in, 0, sizeof(in));
    in.mem = json;
    in.mem_len = len == REL_NTS ? strlen(json) : len;
    in.piece = piece ? piece : DEFAULT_CHUNK_SIZE;
    return open_json(out, &in, in.mem_len, opts, NULL, err);
}

/* The size of an open file; 0 if it has none (a pipe), whose progress is then told only at the end. */
static uint64_t file_size(FILE *f)
{
    struct stat sb;

    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < 0)
        return 0;
    return (uint64_t)sb.st_size;
}

rel_status rel_json__open_file(rel_kb **out, const char *path, const rel_kb_options *opts, size_t piece,
                              rel_error *err)
{
    const rel_allocator *a = rel__default_allocator();
    char *dir, *slash;
    input in;
    rel_status st;

    if (out)
        *out = NULL;
    if (!out || !path)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    memset(&in, 0, sizeof(in));
    in.path = path;
    in.piece = piece ? piece : DEFAULT_CHUNK_SIZE;
    if (!(in.file = fopen(path, "rb"))) {
        rel__error_set(err, REL_ERR_IO, "cannot open \"%s\": %s", path, strerror(errno));
        rel__error_file(err, path);
        return REL_ERR_IO;
    }
    if (!(dir = rel__strndup(a, path, strlen(path)))) {
        fclose(in.file);
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    }
    slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    st = open_json(out, &in, file_size(in.file), opts, slash ? dir : NULL, err);
    rel__free(a, dir);
    fclose(in.file);
    return st;
}

rel_status rel_kb_open_json_mem(rel_kb **out, const char *json, size_t len, const rel_kb_options *opts,
                                rel_error *err)
{
    return rel_json__open_mem(out, json, len, opts, 0, err);
}

rel_status rel_kb_open_json_file(rel_kb **out, const char *path, const rel_kb_options *opts, rel_error *err)
{
    return rel_json__open_file(out, path, opts, 0, err);
}
