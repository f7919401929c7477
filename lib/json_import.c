/* SPDX-License-Identifier: MIT */
/*
 * Streaming JSON import. The input comes in pieces (json_open.c), which
 * yajl reports event by event; at the top level this file follows the
 * known members, and below them it builds a small tree for one record at a
 * time, hands it to json_record.c and frees it. Records are added as soon
 * as everything they can refer to is complete (sources before entities
 * before events before claims); a file in another order, or claims that
 * refer to later claims, are handled by keeping those records until the end.
 */
#include "json_import.h"

#include "alloc.h"
#include "error.h"
#include "json_read.h"
#include "kb_impl.h"

#include <stdio.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#define MAX_DEPTH 64
#define FORMAT_NAME "relations-kb/1"

typedef struct deferred {
    jt_node tree;
    int section;
    size_t index;
} deferred;

/* No offset: no trailing garbage seen. */
#define NO_OFFSET UINT64_MAX

typedef struct json_import {
    json_record_ctx ctx;
    const rel_allocator *alloc;
    rel_yajl_alloc yajl_alloc;  /* yajl's allocator, which yajl keeps a pointer to */
    const unsigned char *chunk; /* the piece yajl is parsing now */
    uint64_t chunk_base;        /* its offset in the whole input */
    uint64_t fed;               /* bytes of input so far */
    uint64_t garbage;           /* the first byte after the top-level value that is not white space */
    yajl_handle parser;
    rel_status status;          /* the first error, REL_OK while none */
    int depth;                  /* of the JSON nesting at the parser's position */
    int section;                /* the top-level array being read, or -1 */
    int top_key;                /* the top-level member whose value comes next */
    int seen[SEC_COUNT + 1];    /* the member was present (the last one is "format") */
    int done[SEC_COUNT];        /* closed, with every record added */
    size_t index[SEC_COUNT];    /* records read so far */
    jt_node record;             /* the record being built */
    jt_node *stack[MAX_DEPTH];  /* its open containers */
    int sp;
    uint64_t end;               /* just past the top-level value, once it is closed */
    deferred *later;
    size_t later_count;
    size_t later_cap;
} reader;

enum { KEY_NONE = -1, KEY_FORMAT = SEC_COUNT };

/*
 * Where the token yajl just reported starts in the whole input. buf and
 * len are what yajl passed; for true, false and null, buf is NULL and len
 * the length of the word. The token lies whole in the piece (json_open.c
 * cuts between tokens), but yajl may pass a copy of its own.
 */
static uint64_t token_start(const reader *r, int type, const unsigned char *buf, size_t len)
{
    size_t end = yajl_get_bytes_consumed(r->parser);

    /* Numbers and words are passed as written. */
    if (type != JT_STRING)
        return r->chunk_base + end - len;
    if (buf && buf >= r->chunk && buf < r->chunk + end)
        return r->chunk_base + (uint64_t)(buf - r->chunk) - 1;
    /* A string decoded or copied elsewhere: scan back for its opening quote, the one not escaped. */
    if (end >= 2) {
        size_t i = end - 2;
        while (i > 0 && !(r->chunk[i] == '"' && r->chunk[i - 1] != '\\'))
            i--;
        return r->chunk_base + i;
    }
    return r->chunk_base + end;
}

static int stop(reader *r, rel_status st)
{
    if (r->status == REL_OK)
        r->status = st;
    return 0;
}

static int fail_at(reader *r, rel_status st, uint64_t offset, const char *msg)
{
    rel__error_at(r->ctx.err, st, offset, "%s", msg);
    return stop(r, st);
}

static int nomem(reader *r)
{
    rel__error_set(r->ctx.err, REL_ERR_NOMEM, "out of memory");
    return stop(r, REL_ERR_NOMEM);
}

/* ---- records ---- */

/* What each section's records refer to: those sections must be complete first. */
static int depends_on(int section, int other)
{
    switch (section) {
    case SEC_ENTITIES: return other == SEC_SOURCES;
    case SEC_EVENTS: return other == SEC_SOURCES || other == SEC_ENTITIES;
    case SEC_CLAIMS: return other == SEC_SOURCES || other == SEC_ENTITIES || other == SEC_EVENTS;
    case SEC_UNANNOTATED: return other == SEC_SOURCES;
    default: return 0;
    }
}

static int earlier_done(const reader *r, int section)
{
    int s;

    for (s = 0; s < SEC_COUNT; s++)
        if (depends_on(section, s) && !r->done[s])
            return 0;
    return 1;
}

static int keep_for_later(reader *r, int section, size_t index)
{
    deferred *d;

    if (!rel__reserve(r->alloc, (void **)&r->later, &r->later_cap, r->later_count + 1, sizeof(*r->later)))
        return 0;
    d = &r->later[r->later_count++];
    d->tree = r->record;
    d->section = section;
    d->index = index;
    memset(&r->record, 0, sizeof(r->record));
    return 1;
}

static int record_done(reader *r)
{
    int section = r->section;
    size_t index = r->index[section]++;
    rel_status st;

    if (!earlier_done(r, section)) {
        if (!keep_for_later(r, section, index))
            return nomem(r);
        return 1;
    }
    st = rel_json__add_record(&r->ctx, section, index, &r->record);
    if (st == REL_ERR_REFERENCE && section == SEC_CLAIMS && r->record.type == JT_OBJECT) {
        const jt_node *id = jt_member(&r->record, "id");
        /* A claim about a claim further down the file: try again at the end. */
        if (id && id->type == JT_STRING && rel_kb_id_kind(r->ctx.kb, id->str, id->len) == REL_OBJECT_NONE) {
            if (!keep_for_later(r, section, index))
                return nomem(r);
            return 1;
        }
    }
    jt_clear(r->alloc, &r->record);
    return st == REL_OK ? 1 : stop(r, st);
}

/* Adds the records kept back, in section order, retrying claims until no progress. */
static rel_status add_deferred(reader *r)
{
    size_t i, left;
    rel_status st = REL_OK;
    int section, progress = 1;

    for (section = 0; section < SEC_COUNT; section++)
        for (i = 0; section != SEC_CLAIMS && i < r->later_count; i++)
            if (r->later[i].section == section) {
                st = rel_json__add_record(&r->ctx, section, r->later[i].index, &r->later[i].tree);
                if (st != REL_OK)
                    return st;
                r->later[i].section = -1;
            }
    while (progress) {
        progress = 0;
        left = 0;
        for (i = 0; i < r->later_count; i++) {
            if (r->later[i].section != SEC_CLAIMS)
                continue;
            st = rel_json__add_record(&r->ctx, SEC_CLAIMS, r->later[i].index, &r->later[i].tree);
            if (st == REL_OK) {
                r->later[i].section = -1;
                progress = 1;
            } else if (st != REL_ERR_REFERENCE) {
                return st;
            } else {
                left++;
            }
        }
        if (!left)
            return REL_OK;
    }
    /* The error of the last claim tried stands: a reference that never resolves. */
    return st;
}

/* ---- yajl callbacks ---- */

/* Adds a scalar or container node to the record being built. */
static jt_node *new_node(reader *r, int type, uint64_t offset)
{
    jt_node *parent, *n;

    if (r->sp == 0) {
        n = &r->record;
        memset(n, 0, sizeof(*n));
    } else {
        parent = r->stack[r->sp - 1];
        if (parent->type == JT_OBJECT) {
            /* The key was stored in a placeholder child by on_map_key. */
            n = &parent->kids[parent->count - 1];
        } else if (!(n = jt_append(r->alloc, parent))) {
            return NULL;
        }
    }
    n->type = type;
    n->offset = offset;
    return n;
}

static int scalar(reader *r, int type, const unsigned char *buf, size_t len, int boolean)
{
    size_t written = type == JT_NULL ? 4 : type == JT_BOOL ? (boolean ? 4 : 5) : len;
    uint64_t at = token_start(r, type, buf, written);
    jt_node *n;

    if (r->depth == 1 && r->top_key == KEY_FORMAT) {
        r->top_key = KEY_NONE;
        if (type != JT_STRING || len != strlen(FORMAT_NAME) || memcmp(buf, FORMAT_NAME, len) != 0)
            return fail_at(r, REL_ERR_SCHEMA, at, "format: expected \"" FORMAT_NAME "\"");
        return 1;
    }
    if (r->depth < 2 || (r->depth == 2 && r->sp == 0 && r->section < 0))
        return fail_at(r, REL_ERR_SCHEMA, at, "top level: expected arrays \"sources\", \"entities\", \"events\", \"claims\"");
    if (!(n = new_node(r, type, at)))
        return nomem(r);
    n->boolean = boolean;
    if (buf) {
        if (!(n->str = rel__strndup(r->alloc, (const char *)buf, len)))
            return nomem(r);
        n->len = len;
    }
    if (r->sp == 0)
        return record_done(r);
    return 1;
}

static int on_null(void *ctx)
{
    return scalar(ctx, JT_NULL, NULL, 0, 0);
}

static int on_boolean(void *ctx, int value)
{
    return scalar(ctx, JT_BOOL, NULL, 0, value);
}

static int on_number(void *ctx, const char *s, size_t len)
{
    return scalar(ctx, JT_NUMBER, (const unsigned char *)s, len, 0);
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
    return scalar(ctx, JT_STRING, s, len, 0);
}

static int open_container(reader *r, int type)
{
    uint64_t at = r->chunk_base + yajl_get_bytes_consumed(r->parser) - 1;
    jt_node *n;

    if (++r->depth > MAX_DEPTH)
        return fail_at(r, REL_ERR_LIMIT, at, "JSON nested deeper than 64 levels");
    if (r->depth == 1) {
        if (type != JT_OBJECT)
            return fail_at(r, REL_ERR_SCHEMA, at, "top level: expected an object");
        return 1;
    }
    if (r->depth == 2) {
        if (r->top_key == KEY_FORMAT)
            return fail_at(r, REL_ERR_SCHEMA, at, "format: expected \"" FORMAT_NAME "\"");
        if (type != JT_ARRAY)
            return fail_at(r, REL_ERR_SCHEMA, at, "top level: expected arrays \"sources\", \"entities\", \"events\", \"claims\"");
        r->section = r->top_key;
        r->top_key = KEY_NONE;
        return 1;
    }
    if (!(n = new_node(r, type, at)))
        return nomem(r);
    r->stack[r->sp++] = n;
    return 1;
}

static int close_container(reader *r)
{
    if (--r->depth == 0)
        r->end = r->chunk_base + yajl_get_bytes_consumed(r->parser);
    if (r->depth == 1 && r->section >= 0) {
        r->done[r->section] = earlier_done(r, r->section) && !r->later_count;
        r->section = -1;
        return 1;
    }
    if (r->sp > 0 && --r->sp == 0)
        return record_done(r);
    return 1;
}

static int on_start_map(void *ctx)
{
    return open_container(ctx, JT_OBJECT);
}

static int on_end_map(void *ctx)
{
    return close_container(ctx);
}

static int on_start_array(void *ctx)
{
    return open_container(ctx, JT_ARRAY);
}

static int on_end_array(void *ctx)
{
    return close_container(ctx);
}

static int on_map_key(void *ctx, const unsigned char *key, size_t len)
{
    reader *r = ctx;
    jt_node *parent, *n;
    int i;

    if (r->depth == 1) {
        uint64_t at = token_start(r, JT_STRING, key, len);
        char msg[160];
        for (i = 0; i < SEC_COUNT; i++)
            if (strlen(rel_json__section_names[i]) == len && memcmp(rel_json__section_names[i], key, len) == 0)
                break;
        if (i == SEC_COUNT && !(len == 6 && memcmp(key, "format", 6) == 0)) {
            snprintf(msg, sizeof(msg), "top level: unknown member \"%.*s\"", len > 64 ? 64 : (int)len, key);
            return fail_at(r, REL_ERR_SCHEMA, at, msg);
        }
        if (r->seen[i]) {
            snprintf(msg, sizeof(msg), "top level: member \"%.*s\" appears twice", (int)len, key);
            return fail_at(r, REL_ERR_SCHEMA, at, msg);
        }
        r->seen[i] = 1;
        r->top_key = i;
        return 1;
    }
    parent = r->stack[r->sp - 1];
    if (!(n = jt_append(r->alloc, parent)))
        return nomem(r);
    if (!(n->key = rel__strndup(r->alloc, (const char *)key, len)))
        return nomem(r);
    n->key_len = len;
    return 1;
}

static const yajl_callbacks callbacks = {
    on_null, on_boolean, NULL, NULL, on_number, on_string,
    on_start_map, on_map_key, on_end_map, on_start_array, on_end_array,
};

/* ---- driver ---- */

rel_status rel_json__import_new(json_import **out, rel_kb *kb, const char *base_dir, rel_error *err)
{
    reader *r;
    yajl_alloc_funcs funcs = {rel__yajl_malloc, rel__yajl_realloc, rel__yajl_free, NULL};

    *out = NULL;
    if (!(r = rel__calloc(&kb->alloc, 1, sizeof(*r))))
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    r->ctx.kb = kb;
    r->ctx.err = err;
    r->ctx.base_dir = base_dir;
    r->alloc = &kb->alloc;
    r->yajl_alloc.a = &kb->alloc;
    r->garbage = NO_OFFSET;
    r->section = -1;
    r->top_key = KEY_NONE;
    funcs.ctx = &r->yajl_alloc;
    if (!(r->parser = yajl_alloc(&callbacks, &funcs, r)) || r->yajl_alloc.failed) {
        rel_json__import_free(r);
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    }
    *out = r;
    return REL_OK;
}

void rel_json__import_free(json_import *r)
{
    size_t i;

    if (!r)
        return;
    jt_clear(r->alloc, &r->record);
    for (i = 0; i < r->later_count; i++)
        jt_clear(r->alloc, &r->later[i].tree);
    rel__free(r->alloc, r->later);
    rel_json__free_relations(&r->ctx);
    if (r->parser)
        yajl_free(r->parser);
    rel__free(r->alloc, r);
}

/*
 * Turns a yajl error into ours; yajl's position is the end of the bad token.
 * yajl_complete_parse() parses a buffer of its own, so an error it finds
 * (premature end) is placed at the end of the input.
 */
static rel_status syntax_error(reader *r, int at_end)
{
    unsigned char *msg = yajl_get_error(r->parser, 0, NULL, 0);
    uint64_t at = at_end ? r->fed : r->chunk_base + yajl_get_bytes_consumed(r->parser);
    rel_status st = msg && strstr((const char *)msg, "UTF8") ? REL_ERR_UTF8 : REL_ERR_SYNTAX;
    size_t n = msg ? strlen((const char *)msg) : 0;

    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    rel__error_at(r->ctx.err, st, at, "malformed JSON: %.*s", (int)n, msg ? (const char *)msg : "");
    if (msg)
        yajl_free_error(r->parser, msg);
    return st;
}

/* Ends the import with an error; every later call returns it too. */
static rel_status end_with(reader *r, rel_status st)
{
    stop(r, st);
    return st;
}

/* What yajl's answer means, the first error found winning. */
static rel_status parse_status(reader *r, yajl_status ys, int at_end)
{
    if (r->yajl_alloc.failed)
        return end_with(r, rel__error_set(r->ctx.err, REL_ERR_NOMEM, "out of memory"));
    if (r->status != REL_OK)
        return r->status;
    if (ys != yajl_status_ok)
        return end_with(r, syntax_error(r, at_end));
    return REL_OK;
}

/*
 * yajl takes an unterminated string after the top-level value for a token
 * yet to come, and lets the parse end without a word: anything but white
 * space after the value is garbage. Only the first such byte matters, and
 * only if yajl finds nothing wrong before the end.
 */
static void note_garbage(reader *r, size_t len)
{
    size_t i;

    if (r->end == 0 || r->garbage != NO_OFFSET)
        return;
    for (i = r->end > r->chunk_base ? (size_t)(r->end - r->chunk_base) : 0; i < len; i++)
        if (r->chunk[i] != ' ' && r->chunk[i] != '\t' && r->chunk[i] != '\n' && r->chunk[i] != '\r') {
            r->garbage = r->chunk_base + i;
            return;
        }
}

rel_status rel_json__import_feed(json_import *r, const char *piece, size_t len)
{
    yajl_status ys;
    rel_status st;

    if (r->status != REL_OK)
        return r->status;
    r->chunk = (const unsigned char *)piece;
    r->chunk_base = r->fed;
    ys = yajl_parse(r->parser, r->chunk, len);
    r->fed += len;
    if ((st = parse_status(r, ys, 0)) != REL_OK)
        return st;
    note_garbage(r, len);
    return REL_OK;
}

rel_status rel_json__import_finish(json_import *r)
{
    rel_status st;

    if (r->status != REL_OK)
        return r->status;
    /* yajl finishes on a blank of its own: a number at the very end is only complete now. */
    r->chunk = (const unsigned char *)" ";
    r->chunk_base = r->fed;
    if ((st = parse_status(r, yajl_complete_parse(r->parser), 1)) != REL_OK)
        return st;
    if (r->garbage != NO_OFFSET)
        return end_with(r, rel__error_at(r->ctx.err, REL_ERR_SYNTAX, r->garbage,
                                         "malformed JSON: parse error: trailing garbage"));
    if ((st = add_deferred(r)) == REL_OK)
        st = rel_json__add_relations(&r->ctx);
    return st == REL_OK ? st : end_with(r, st);
}
