/* SPDX-License-Identifier: MIT */
/*
 * Streaming JSON import. yajl reports the document event by event; at the
 * top level this file follows the five known members, and below them it
 * builds a small tree for one record at a time, hands it to
 * json_record.c and frees it. Records are added as soon as everything they
 * can refer to is complete (sources before entities before events before
 * claims); a file in another order, or claims that refer to later claims,
 * are handled by keeping those records until the end.
 */
#include <relations/json.h>

#include "alloc.h"
#include "error.h"
#include "json_read.h"
#include "kb_impl.h"

#include <errno.h>
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

typedef struct reader {
    json_record_ctx ctx;
    const rel_allocator *alloc;
    const unsigned char *chunk; /* the text yajl is parsing now */
    uint64_t chunk_base;        /* its offset in the whole input */
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

/* Where the token yajl just reported starts in the whole input. */
static uint64_t token_start(const reader *r, const unsigned char *buf)
{
    size_t end = yajl_get_bytes_consumed(r->parser);

    if (buf && buf >= r->chunk && buf < r->chunk + end)
        return r->chunk_base + (uint64_t)(buf - r->chunk) - (buf > r->chunk && buf[-1] == '"');
    /* A string with escapes was decoded elsewhere: scan back for its opening quote. */
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
    uint64_t at = token_start(r, buf);
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
        uint64_t at = token_start(r, key);
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

static void reader_free(reader *r)
{
    size_t i;

    jt_clear(r->alloc, &r->record);
    for (i = 0; i < r->later_count; i++)
        jt_clear(r->alloc, &r->later[i].tree);
    rel__free(r->alloc, r->later);
    rel_json__free_relations(&r->ctx);
    if (r->parser)
        yajl_free(r->parser);
}

/*
 * Turns a yajl error into ours; yajl's position is the end of the bad token.
 * yajl_complete_parse() parses a buffer of its own, so an error it finds
 * (premature end) is placed at the end of the input.
 */
static rel_status syntax_error(reader *r, const unsigned char *text, size_t len, int at_end)
{
    unsigned char *msg = yajl_get_error(r->parser, 0, text, len);
    uint64_t at = at_end ? len : r->chunk_base + yajl_get_bytes_consumed(r->parser);
    rel_status st = msg && strstr((const char *)msg, "UTF8") ? REL_ERR_UTF8 : REL_ERR_SYNTAX;
    size_t n = msg ? strlen((const char *)msg) : 0;

    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    rel__error_at(r->ctx.err, st, at, "malformed JSON: %.*s", (int)n, msg ? (const char *)msg : "");
    if (msg)
        yajl_free_error(r->parser, msg);
    return st;
}

/*
 * yajl takes an unterminated string after the top-level value for a token
 * yet to come, and lets the parse end without a word: anything but white
 * space after the value is garbage.
 */
static rel_status check_trailing(reader *r, const char *json, size_t len)
{
    size_t i;

    for (i = (size_t)r->end; i < len; i++)
        if (json[i] != ' ' && json[i] != '\t' && json[i] != '\n' && json[i] != '\r')
            return rel__error_at(r->ctx.err, REL_ERR_SYNTAX, i, "malformed JSON: parse error: trailing garbage");
    return REL_OK;
}

static rel_status import(rel_kb *kb, const char *json, size_t len, const char *base_dir, rel_error *err)
{
    rel_yajl_alloc ya = {&kb->alloc, 0};
    yajl_alloc_funcs funcs = {rel__yajl_malloc, rel__yajl_realloc, rel__yajl_free, &ya};
    reader r;
    yajl_status ys;
    rel_status st;
    int at_end = 0;

    memset(&r, 0, sizeof(r));
    r.ctx.kb = kb;
    r.ctx.err = err;
    r.ctx.base_dir = base_dir;
    r.alloc = &kb->alloc;
    r.section = -1;
    r.top_key = KEY_NONE;
    if (!(r.parser = yajl_alloc(&callbacks, &funcs, &r)) || ya.failed) {
        reader_free(&r);
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    }
    r.chunk = (const unsigned char *)json;
    ys = yajl_parse(r.parser, r.chunk, len);
    if (ys == yajl_status_ok) {
        ys = yajl_complete_parse(r.parser);
        at_end = 1;
    }
    if (ya.failed)
        st = rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    else if (r.status != REL_OK)
        st = r.status;
    else if (ys != yajl_status_ok)
        st = syntax_error(&r, r.chunk, len, at_end);
    else if ((st = check_trailing(&r, json, len)) == REL_OK && (st = add_deferred(&r)) == REL_OK)
        st = rel_json__add_relations(&r.ctx);
    reader_free(&r);
    return st;
}

static rel_status open_json(rel_kb **out, const char *json, size_t len, const rel_kb_options *opts,
                            const char *file, const char *dir, rel_error *err)
{
    rel_kb *kb;
    rel_status st;

    rel__error_clear(err);
    if ((st = rel_kb_new(&kb, opts)) != REL_OK)
        return rel__error_set(err, st, "%s", st == REL_ERR_NOMEM ? "out of memory" : "invalid options");
    st = import(kb, json, len, kb->base_dir ? kb->base_dir : dir, err);
    if (st != REL_OK) {
        if (err) {
            err->status = st;
            if (st != REL_ERR_NOMEM && err->offset <= len)
                rel__error_locate(err, json, len);
            rel__error_file(err, file);
        }
        rel_kb_free(kb);
        return st;
    }
    /* A claim kept for later left the error of its first try: success clears it. */
    rel__error_clear(err);
    *out = kb;
    return REL_OK;
}

rel_status rel_kb_open_json_mem(rel_kb **out, const char *json, size_t len, const rel_kb_options *opts,
                                rel_error *err)
{
    if (out)
        *out = NULL;
    if (!out || !json)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    if (len == REL_NTS)
        len = strlen(json);
    return open_json(out, json, len, opts, NULL, NULL, err);
}

/* Reads a whole file into memory from the C library's allocator. */
static rel_status slurp(const char *path, char **out, size_t *len, rel_error *err)
{
    const rel_allocator *a = rel__default_allocator();
    size_t cap = 0, n = 0, got;
    char *buf = NULL;
    FILE *f = fopen(path, "rb");

    if (!f)
        return rel__error_set(err, REL_ERR_IO, "cannot open \"%s\": %s", path, strerror(errno));
    do {
        if (!rel__reserve(a, (void **)&buf, &cap, n + 65536, 1)) {
            fclose(f);
            rel__free(a, buf);
            return rel__error_set(err, REL_ERR_NOMEM, "out of memory reading \"%s\"", path);
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        fclose(f);
        rel__free(a, buf);
        return rel__error_set(err, REL_ERR_IO, "cannot read \"%s\"", path);
    }
    fclose(f);
    *out = buf;
    *len = n;
    return REL_OK;
}

rel_status rel_kb_open_json_file(rel_kb **out, const char *path, const rel_kb_options *opts, rel_error *err)
{
    const rel_allocator *a = rel__default_allocator();
    char *json = NULL, *dir, *slash;
    size_t len = 0;
    rel_status st;

    if (out)
        *out = NULL;
    if (!out || !path)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    if ((st = slurp(path, &json, &len, err)) != REL_OK) {
        rel__error_file(err, path);
        return st;
    }
    dir = rel__strndup(a, path, strlen(path));
    if (!dir) {
        rel__free(a, json);
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    }
    slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    st = open_json(out, json, len, opts, path, slash ? dir : NULL, err);
    rel__free(a, dir);
    rel__free(a, json);
    return st;
}
