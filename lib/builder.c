/* SPDX-License-Identifier: MIT */
/*
 * The write side of the knowledge base. Every call runs in two phases:
 * first it validates its input and makes every allocation the change
 * needs (copies, new buckets, room in arrays and maps); only then does it
 * commit, with steps that cannot fail. A failed call therefore leaves the
 * knowledge base exactly as it was, whatever failed, allocation included.
 */
#include <relations/builder.h>

#include "alloc.h"
#include "error.h"
#include "kb_internal.h"
#include "text.h"
#include "time_impl.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_ID_LEN 256

/* Clears the handle's error at the start of a write call. */
static void begin(rel_kb *kb)
{
    /* Any write may change what a query answers. */
    rel_kb__drop_index(kb);
    rel__error_clear(&kb->error);
}

static rel_status fail(rel_kb *kb, rel_status st, const char *fmt, ...) REL_PRINTF(3, 4);

static rel_status fail(rel_kb *kb, rel_status st, const char *fmt, ...)
{
    va_list ap;

    rel__error_clear(&kb->error);
    kb->error.status = st;
    va_start(ap, fmt);
    vsnprintf(kb->error.message, sizeof(kb->error.message), fmt, ap);
    va_end(ap);
    return st;
}

static rel_status nomem(rel_kb *kb)
{
    return fail(kb, REL_ERR_NOMEM, "out of memory");
}

/* Prints at most 60 bytes of a string for a message, cut on a character boundary. */
static int shown(const char *s, size_t len)
{
    size_t n = len < 60 ? len : 60;

    while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

static rel_status check_text(rel_kb *kb, const char *what, const char *s, size_t *len, int required)
{
    if (!s) {
        if (required)
            return fail(kb, REL_ERR_ARG, "%s is missing", what);
        return REL_OK;
    }
    *len = rel__len(s, *len);
    if (required && *len == 0)
        return fail(kb, REL_ERR_ARG, "%s is empty", what);
    if (!rel__utf8_valid(s, *len))
        return fail(kb, REL_ERR_UTF8, "%s is not valid UTF-8 or contains a NUL byte", what);
    return REL_OK;
}

static rel_status check_id(rel_kb *kb, const char *what, const char *id, size_t *len)
{
    rel_status st = check_text(kb, what, id, len, 1);
    size_t i;

    if (st != REL_OK)
        return st;
    if (*len > MAX_ID_LEN)
        return fail(kb, REL_ERR_ARG, "%s is longer than %d bytes", what, MAX_ID_LEN);
    for (i = 0; i < *len; i++) {
        unsigned char c = (unsigned char)id[i];
        if (c < 0x20 || c == 0x7F)
            return fail(kb, REL_ERR_ARG, "%s \"%.*s\" contains a control character", what, shown(id, *len), id);
    }
    return REL_OK;
}

/* Validates a new id and checks that no object has it yet. */
static rel_status check_new_id(rel_kb *kb, const char *id, size_t *len)
{
    int32_t kind;
    rel_status st = check_id(kb, "id", id, len);

    if (st != REL_OK)
        return st;
    if (rel_kb__lookup(kb, id, *len, &kind))
        return fail(kb, REL_ERR_DUPLICATE, "id \"%.*s\" is already taken", shown(id, *len), id);
    return REL_OK;
}

static rel_status find_object(rel_kb *kb, const char *what, int32_t want, const char *id, size_t *len, void **out)
{
    static const char *const kinds[] = {"nothing", "a source", "an entity", "an event", "a claim"};
    int32_t kind;
    rel_status st = check_id(kb, what, id, len);

    if (st != REL_OK)
        return st;
    *out = rel_kb__lookup(kb, id, *len, &kind);
    if (!*out)
        return fail(kb, REL_ERR_REFERENCE, "%s \"%.*s\" does not exist", what, shown(id, *len), id);
    if (want != REL_OBJECT_NONE && kind != want) {
        *out = NULL;
        return fail(kb, REL_ERR_REFERENCE, "%s \"%.*s\" is %s, not %s", what, shown(id, *len), id, kinds[kind],
                    kinds[want]);
    }
    return REL_OK;
}

static rel_status find_source(rel_kb *kb, const char *what, const char *id, size_t *len, const rel_source **out)
{
    rel_status st = check_id(kb, what, id, len);

    if (st != REL_OK)
        return st;
    st = rel_kb__source_by_prefix(kb, id, *len, out);
    if (st == REL_ERR_AMBIGUOUS)
        return fail(kb, st, "%s \"%.*s\" is a prefix of several sources", what, shown(id, *len), id);
    if (st != REL_OK)
        return fail(kb, REL_ERR_REFERENCE, "%s \"%.*s\" matches no source", what, shown(id, *len), id);
    return REL_OK;
}

static int copy_str(rel_kb *kb, rel_str *dst, const char *s, size_t len)
{
    dst->ptr = rel__strndup(&kb->alloc, s, len);
    dst->len = dst->ptr ? len : 0;
    return dst->ptr != NULL;
}

static int reserve_list(rel_kb *kb, rel_ptr_list *list)
{
    return rel__reserve(&kb->alloc, (void **)&list->items, &list->cap, list->count + 1, sizeof(void *));
}

/* Makes room for one more object with a new id. */
static int reserve_object(rel_kb *kb, rel_ptr_list *list)
{
    return reserve_list(kb, list) && rel__map_reserve(&kb->alloc, &kb->ids, 1);
}

static void commit_object(rel_kb *kb, rel_ptr_list *list, void *obj, const rel_str *id, int32_t kind)
{
    list->items[list->count++] = obj;
    rel__map_put(&kb->ids, id->ptr, id->len, obj, kind);
}

/* ---- specs ---- */

rel_status rel_source_spec_init(rel_source_spec *spec, uint32_t version)
{
    static const rel_source_spec empty = REL_SOURCE_SPEC_INIT;

    if (!spec || version == 0 || version > REL_SOURCE_SPEC_VERSION)
        return REL_ERR_ARG;
    *spec = empty;
    spec->version = version;
    return REL_OK;
}

rel_status rel_claim_spec_init(rel_claim_spec *spec, uint32_t version)
{
    static const rel_claim_spec empty = REL_CLAIM_SPEC_INIT;

    if (!spec || version == 0 || version > REL_CLAIM_SPEC_VERSION)
        return REL_ERR_ARG;
    *spec = empty;
    spec->version = version;
    return REL_OK;
}

/* ---- sources ---- */

rel_status rel_kb_add_source(rel_kb *kb, const rel_source_spec *spec)
{
    static const char *const meta_names[META_COUNT] = {"title", "label", "lang", "date", "url", "licence", "path"};
    const char *meta_ptr[META_COUNT];
    size_t meta_len[META_COUNT];
    size_t id_len, text_len, revises_len;
    const rel_source *revises = NULL;
    rel_source *src;
    rel_status st;
    int i;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if (!spec || spec->version == 0 || spec->version > REL_SOURCE_SPEC_VERSION)
        return fail(kb, REL_ERR_ARG, "source spec is NULL or of an unknown version");
    id_len = spec->id_len;
    text_len = spec->text_len;
    if ((st = check_new_id(kb, spec->id, &id_len)) != REL_OK)
        return st;
    if (!spec->text)
        return fail(kb, REL_ERR_ARG, "source \"%.*s\" has no text", shown(spec->id, id_len), spec->id);
    if ((st = check_text(kb, "source text", spec->text, &text_len, 0)) != REL_OK)
        return st;
    meta_ptr[META_TITLE] = spec->title;   meta_len[META_TITLE] = spec->title_len;
    meta_ptr[META_LABEL] = spec->label;   meta_len[META_LABEL] = spec->label_len;
    meta_ptr[META_LANG] = spec->lang;     meta_len[META_LANG] = spec->lang_len;
    meta_ptr[META_DATE] = spec->date;     meta_len[META_DATE] = spec->date_len;
    meta_ptr[META_URL] = spec->url;       meta_len[META_URL] = spec->url_len;
    meta_ptr[META_LICENCE] = spec->licence; meta_len[META_LICENCE] = spec->licence_len;
    meta_ptr[META_PATH] = spec->path;     meta_len[META_PATH] = spec->path_len;
    for (i = 0; i < META_COUNT; i++)
        if ((st = check_text(kb, meta_names[i], meta_ptr[i], &meta_len[i], 0)) != REL_OK)
            return st;
    if (spec->revises) {
        revises_len = spec->revises_len;
        if ((st = find_source(kb, "revised source", spec->revises, &revises_len, &revises)) != REL_OK)
            return st;
    }

    src = rel__calloc(&kb->alloc, 1, sizeof(*src));
    if (!src)
        return nomem(kb);
    if (!copy_str(kb, &src->id, spec->id, id_len) || !copy_str(kb, &src->text, spec->text, text_len))
        goto oom;
    for (i = 0; i < META_COUNT; i++)
        if (meta_ptr[i] && !copy_str(kb, &src->meta[i], meta_ptr[i], meta_len[i]))
            goto oom;
    if (!reserve_object(kb, &kb->sources))
        goto oom;
    src->revises = revises;
    src->index = kb->sources.count;
    commit_object(kb, &kb->sources, src, &src->id, REL_OBJECT_SOURCE);
    return REL_OK;
oom:
    rel_kb__free_source(kb, src);
    return nomem(kb);
}

/* ---- the alias index ---- */

/* What adding one name to the alias index will change, prepared in advance. */
typedef struct index_plan {
    rel_alias_bucket *bucket[2]; /* exact, normalised */
    int fresh[2];                /* the bucket is new and not yet in its map */
} index_plan;

static int bucket_has(const rel_alias_bucket *b, const rel_entity *e)
{
    size_t i;

    for (i = 0; i < b->count; i++)
        if (b->entities[i] == e)
            return 1;
    return 0;
}

static void drop_plan(rel_kb *kb, index_plan *p)
{
    int i;

    for (i = 0; i < 2; i++)
        if (p->fresh[i])
            rel_kb__free_bucket(kb, p->bucket[i]);
    memset(p, 0, sizeof(*p));
}

/* Takes ownership of key (a string of the kb's allocator) in every case. */
static int plan_bucket(rel_kb *kb, rel_map *map, const rel_entity *e, char *key, size_t key_len, index_plan *p,
                       int which)
{
    const rel_map_slot *slot = rel__map_get(map, key, key_len);
    rel_alias_bucket *b;

    if (slot) {
        rel__free(&kb->alloc, key);
        b = slot->value;
        p->bucket[which] = b;
        return bucket_has(b, e) ||
               rel__reserve(&kb->alloc, (void **)&b->entities, &b->cap, b->count + 1, sizeof(*b->entities));
    }
    b = rel__calloc(&kb->alloc, 1, sizeof(*b));
    if (!b) {
        rel__free(&kb->alloc, key);
        return 0;
    }
    b->key.ptr = key;
    b->key.len = key_len;
    p->bucket[which] = b;
    p->fresh[which] = 1;
    return rel__reserve(&kb->alloc, (void **)&b->entities, &b->cap, 1, sizeof(*b->entities)) &&
           rel__map_reserve(&kb->alloc, map, 1);
}

static rel_status plan_index(rel_kb *kb, const rel_entity *e, const char *text, size_t len, index_plan *p)
{
    char *exact, *norm;
    size_t norm_len;
    rel_status st;

    memset(p, 0, sizeof(*p));
    st = rel__normalise(&kb->alloc, text, len, &norm, &norm_len);
    if (st != REL_OK)
        return st;
    exact = rel__strndup(&kb->alloc, text, len);
    if (!exact) {
        rel__free(&kb->alloc, norm);
        return REL_ERR_NOMEM;
    }
    if (!plan_bucket(kb, &kb->alias_exact, e, exact, len, p, 0)) {
        rel__free(&kb->alloc, norm); /* not yet handed to a bucket */
        drop_plan(kb, p);
        return REL_ERR_NOMEM;
    }
    if (!plan_bucket(kb, &kb->alias_norm, e, norm, norm_len, p, 1)) {
        drop_plan(kb, p);
        return REL_ERR_NOMEM;
    }
    return REL_OK;
}

static void commit_index(rel_kb *kb, const rel_entity *e, index_plan *p)
{
    rel_map *maps[2] = {&kb->alias_exact, &kb->alias_norm};
    int i;

    for (i = 0; i < 2; i++) {
        rel_alias_bucket *b = p->bucket[i];
        if (p->fresh[i])
            rel__map_put(maps[i], b->key.ptr, b->key.len, b, 0);
        if (!bucket_has(b, e))
            b->entities[b->count++] = e;
    }
}

/* ---- entities ---- */

rel_status rel_kb_add_entity(rel_kb *kb, const char *id, size_t id_len, int32_t kind, const char *name,
                             size_t name_len)
{
    index_plan plan;
    rel_entity *e;
    rel_status st;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = check_new_id(kb, id, &id_len)) != REL_OK)
        return st;
    if (!rel_entity_kind_name(kind))
        return fail(kb, REL_ERR_ARG, "entity \"%.*s\": unknown kind %d", shown(id, id_len), id, (int)kind);
    if ((st = check_text(kb, "entity name", name, &name_len, 1)) != REL_OK)
        return st;
    e = rel__calloc(&kb->alloc, 1, sizeof(*e));
    if (!e)
        return nomem(kb);
    e->kind = kind;
    if (!copy_str(kb, &e->id, id, id_len) || !copy_str(kb, &e->name, name, name_len) ||
        !reserve_object(kb, &kb->entities)) {
        rel_kb__free_entity(kb, e);
        return nomem(kb);
    }
    if ((st = plan_index(kb, e, name, name_len, &plan)) != REL_OK) {
        rel_kb__free_entity(kb, e);
        return st == REL_ERR_NOMEM ? nomem(kb) : fail(kb, st, "entity name is not valid UTF-8");
    }
    e->index = kb->entities.count;
    commit_object(kb, &kb->entities, e, &e->id, REL_OBJECT_ENTITY);
    commit_index(kb, e, &plan);
    return REL_OK;
}

rel_status rel_kb_add_alias(rel_kb *kb, const char *entity_id, size_t id_len, const char *text, size_t text_len,
                            const char *lang, size_t lang_len)
{
    index_plan plan;
    rel_entity *e;
    rel_alias alias = {{NULL, 0}, {NULL, 0}};
    rel_status st;
    size_t i;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = find_object(kb, "entity", REL_OBJECT_ENTITY, entity_id, &id_len, (void **)&e)) != REL_OK)
        return st;
    if ((st = check_text(kb, "alias", text, &text_len, 1)) != REL_OK ||
        (st = check_text(kb, "alias language", lang, &lang_len, 1)) != REL_OK)
        return st;
    for (i = 0; i < e->alias_count; i++) {
        const rel_alias *a = &e->aliases[i];
        if (a->text.len == text_len && memcmp(a->text.ptr, text, text_len) == 0 && a->lang.len == lang_len &&
            memcmp(a->lang.ptr, lang, lang_len) == 0)
            return REL_OK;
    }
    if (!copy_str(kb, &alias.text, text, text_len) || !copy_str(kb, &alias.lang, lang, lang_len) ||
        !rel__reserve(&kb->alloc, (void **)&e->aliases, &e->alias_cap, e->alias_count + 1, sizeof(*e->aliases)))
        goto oom;
    if (plan_index(kb, e, text, text_len, &plan) != REL_OK)
        goto oom;
    e->aliases[e->alias_count++] = alias;
    commit_index(kb, e, &plan);
    return REL_OK;
oom:
    rel_kb__free_str(kb, &alias.text);
    rel_kb__free_str(kb, &alias.lang);
    return nomem(kb);
}

/* ---- events ---- */

/* "ROOT" or "ROOT.mode[.mode...]": upper-case root, lower-case modes. */
static int valid_event_type(const char *s, size_t len)
{
    size_t i = 0;

    if (len == 0 || s[0] < 'A' || s[0] > 'Z')
        return 0;
    while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
        i++;
    while (i < len) {
        if (s[i++] != '.' || i == len || s[i] < 'a' || s[i] > 'z')
            return 0;
        while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            i++;
    }
    return 1;
}

rel_status rel_kb_add_event(rel_kb *kb, const char *id, size_t id_len, const char *type, size_t type_len)
{
    rel_event *ev;
    rel_status st;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = check_new_id(kb, id, &id_len)) != REL_OK || (st = check_text(kb, "event type", type, &type_len, 1)) != REL_OK)
        return st;
    if (!valid_event_type(type, type_len))
        return fail(kb, REL_ERR_ARG, "event type \"%.*s\" is not ROOT or ROOT.mode", shown(type, type_len), type);
    ev = rel__calloc(&kb->alloc, 1, sizeof(*ev));
    if (!ev)
        return nomem(kb);
    if (!copy_str(kb, &ev->id, id, id_len) || !copy_str(kb, &ev->type, type, type_len) ||
        !reserve_object(kb, &kb->events)) {
        rel_kb__free_event(kb, ev);
        return nomem(kb);
    }
    ev->index = kb->events.count;
    commit_object(kb, &kb->events, ev, &ev->id, REL_OBJECT_EVENT);
    return REL_OK;
}

static rel_status parse_time(rel_kb *kb, const char *expr, size_t len, rel_time **out)
{
    rel_error err;
    rel_status st = rel_time__parse_with(&kb->alloc, out, expr, len, &err);

    if (st == REL_ERR_NOMEM)
        return nomem(kb);
    if (st != REL_OK)
        return fail(kb, st, "time \"%.*s\": %s", shown(expr, len), expr, err.message);
    return REL_OK;
}

rel_status rel_kb_set_event_time(rel_kb *kb, const char *event_id, size_t id_len, const char *expr, size_t expr_len,
                                 const char *words, size_t words_len)
{
    rel_event *ev;
    rel_time *t = NULL;
    rel_str text = {NULL, 0};
    rel_status st;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = find_object(kb, "event", REL_OBJECT_EVENT, event_id, &id_len, (void **)&ev)) != REL_OK ||
        (st = check_text(kb, "time expression", expr, &expr_len, 1)) != REL_OK ||
        (st = check_text(kb, "time words", words, &words_len, 0)) != REL_OK)
        return st;
    if ((st = parse_time(kb, expr, expr_len, &t)) != REL_OK)
        return st;
    if ((words && !copy_str(kb, &text, words, words_len)) ||
        !rel__reserve(&kb->alloc, (void **)&kb->retired_times.items, &kb->retired_times.cap,
                      kb->retired_times.count + 1, sizeof(void *)) ||
        !rel__reserve(&kb->alloc, (void **)&kb->retired_strings.items, &kb->retired_strings.cap,
                      kb->retired_strings.count + 1, sizeof(void *))) {
        rel_time_free(t);
        rel_kb__free_str(kb, &text);
        return nomem(kb);
    }
    /* The old time may still be held by a caller: keep it until rel_kb_free(). */
    if (ev->time)
        kb->retired_times.items[kb->retired_times.count++] = ev->time;
    if (ev->time_text.ptr)
        kb->retired_strings.items[kb->retired_strings.count++] = ev->time_text.ptr;
    ev->time = t;
    ev->time_text = text;
    return REL_OK;
}

rel_status rel_kb_add_participant(rel_kb *kb, const char *event_id, size_t event_id_len, const char *entity_id,
                                  size_t entity_id_len, int32_t role)
{
    rel_event *ev;
    rel_entity *e;
    rel_status st;
    size_t i;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = find_object(kb, "event", REL_OBJECT_EVENT, event_id, &event_id_len, (void **)&ev)) != REL_OK ||
        (st = find_object(kb, "participant", REL_OBJECT_ENTITY, entity_id, &entity_id_len, (void **)&e)) != REL_OK)
        return st;
    if (!rel_role_name(role))
        return fail(kb, REL_ERR_ARG, "unknown role %d", (int)role);
    for (i = 0; i < ev->participant_count; i++)
        if (ev->participants[i].entity == e && ev->participants[i].role == role)
            return fail(kb, REL_ERR_DUPLICATE, "event \"%s\" already has \"%s\" as %s", ev->id.ptr, e->id.ptr,
                        rel_role_name(role));
    if (!rel__reserve(&kb->alloc, (void **)&ev->participants, &ev->participant_cap, ev->participant_count + 1,
                      sizeof(*ev->participants)))
        return nomem(kb);
    ev->participants[ev->participant_count].entity = e;
    ev->participants[ev->participant_count].role = role;
    ev->participant_count++;
    return REL_OK;
}

/* ---- claims ---- */

static int valid_predicate(const char *s, size_t len)
{
    size_t i;

    if (len == 0 || s[0] < 'a' || s[0] > 'z')
        return 0;
    for (i = 1; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

/* Fills *v from a spec; on failure *v owns nothing. */
static rel_status make_value(rel_kb *kb, const char *what, const rel_value_spec *spec, int subject, rel_value *v)
{
    static const int32_t object_kind[] = {REL_OBJECT_NONE, REL_OBJECT_ENTITY, REL_OBJECT_EVENT, REL_OBJECT_CLAIM};
    size_t len = spec->str_len, words_len = spec->words_len;
    void *ref;
    rel_status st;

    memset(v, 0, sizeof(*v));
    v->kind = spec->kind;
    switch (spec->kind) {
    case REL_VALUE_NONE:
        if (subject)
            return fail(kb, REL_ERR_ARG, "a claim needs a subject");
        return REL_OK;
    case REL_VALUE_ENTITY:
    case REL_VALUE_EVENT:
    case REL_VALUE_CLAIM:
        if ((st = find_object(kb, what, object_kind[spec->kind], spec->str, &len, &ref)) != REL_OK)
            return st;
        v->ref = ref;
        return REL_OK;
    default:
        break;
    }
    if (subject)
        return fail(kb, REL_ERR_ARG, "a claim's subject must be an entity, an event or a claim");
    switch (spec->kind) {
    case REL_VALUE_LITERAL:
        if ((st = check_text(kb, what, spec->str, &len, 1)) != REL_OK)
            return st;
        return copy_str(kb, &v->text, spec->str, len) ? REL_OK : nomem(kb);
    case REL_VALUE_QUANTITY:
        if (!isfinite(spec->number))
            return fail(kb, REL_ERR_ARG, "%s: a quantity must be a finite number", what);
        if ((st = check_text(kb, "unit", spec->str, &len, 0)) != REL_OK)
            return st;
        v->number = spec->number;
        return !spec->str || copy_str(kb, &v->text, spec->str, len) ? REL_OK : nomem(kb);
    case REL_VALUE_TIME:
        if ((st = check_text(kb, "time expression", spec->str, &len, 1)) != REL_OK ||
            (st = check_text(kb, "time words", spec->words, &words_len, 0)) != REL_OK)
            return st;
        if ((st = parse_time(kb, spec->str, len, &v->time)) != REL_OK)
            return st;
        if (spec->words && !copy_str(kb, &v->text, spec->words, words_len)) {
            rel_time_free(v->time);
            v->time = NULL;
            return nomem(kb);
        }
        return REL_OK;
    default:
        return fail(kb, REL_ERR_ARG, "%s: unknown value kind %d", what, (int)spec->kind);
    }
}

rel_status rel_kb_add_claim(rel_kb *kb, const rel_claim_spec *spec)
{
    rel_claim *c;
    rel_entity *claimant;
    size_t id_len, pred_len, claimant_len;
    rel_status st;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if (!spec || spec->version == 0 || spec->version > REL_CLAIM_SPEC_VERSION)
        return fail(kb, REL_ERR_ARG, "claim spec is NULL or of an unknown version");
    id_len = spec->id_len;
    pred_len = spec->predicate_len;
    claimant_len = spec->claimant_len;
    if ((st = check_new_id(kb, spec->id, &id_len)) != REL_OK ||
        (st = check_text(kb, "predicate", spec->predicate, &pred_len, 1)) != REL_OK ||
        (st = find_object(kb, "claimant", REL_OBJECT_ENTITY, spec->claimant, &claimant_len, (void **)&claimant)) != REL_OK)
        return st;
    if (!valid_predicate(spec->predicate, pred_len))
        return fail(kb, REL_ERR_ARG, "predicate \"%.*s\" must be lower-case letters, digits and '_'",
                    shown(spec->predicate, pred_len), spec->predicate);
    if (spec->modality == REL_MODALITY_NONE || !rel_modality_name(spec->modality))
        return fail(kb, REL_ERR_ARG, "claim \"%.*s\": unknown modality %d", shown(spec->id, id_len), spec->id,
                    (int)spec->modality);
    if (spec->polarity != REL_POLARITY_POSITIVE && spec->polarity != REL_POLARITY_NEGATIVE)
        return fail(kb, REL_ERR_ARG, "claim \"%.*s\": unknown polarity %d", shown(spec->id, id_len), spec->id,
                    (int)spec->polarity);
    c = rel__calloc(&kb->alloc, 1, sizeof(*c));
    if (!c)
        return nomem(kb);
    c->claimant = claimant;
    c->modality = spec->modality;
    c->polarity = spec->polarity;
    if ((st = make_value(kb, "subject", &spec->subject, 1, &c->subject)) != REL_OK ||
        (st = make_value(kb, "object", &spec->object, 0, &c->object)) != REL_OK) {
        rel_kb__free_claim(kb, c);
        return st;
    }
    if (!copy_str(kb, &c->id, spec->id, id_len) || !copy_str(kb, &c->predicate, spec->predicate, pred_len) ||
        !reserve_object(kb, &kb->claims)) {
        rel_kb__free_claim(kb, c);
        return nomem(kb);
    }
    c->index = kb->claims.count;
    commit_object(kb, &kb->claims, c, &c->id, REL_OBJECT_CLAIM);
    return REL_OK;
}

rel_status rel_kb_set_claim_version(rel_kb *kb, const char *claim_id, size_t claim_id_len, const char *source_id,
                                    size_t source_id_len, const char *claimant_id, size_t claimant_id_len,
                                    int32_t modality)
{
    rel_claim *c;
    const rel_source *src;
    rel_entity *claimant = NULL;
    rel_claim_version *v = NULL;
    rel_status st;
    size_t i;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = find_object(kb, "claim", REL_OBJECT_CLAIM, claim_id, &claim_id_len, (void **)&c)) != REL_OK ||
        (st = find_source(kb, "source", source_id, &source_id_len, &src)) != REL_OK)
        return st;
    if (claimant_id &&
        (st = find_object(kb, "claimant", REL_OBJECT_ENTITY, claimant_id, &claimant_id_len, (void **)&claimant)) != REL_OK)
        return st;
    if (modality != REL_MODALITY_NONE && !rel_modality_name(modality))
        return fail(kb, REL_ERR_ARG, "unknown modality %d", (int)modality);
    if (!claimant && modality == REL_MODALITY_NONE)
        return fail(kb, REL_ERR_ARG, "a claim version needs a claimant or a modality");
    for (i = 0; i < c->version_count; i++)
        if (c->versions[i].source == src)
            v = &c->versions[i];
    if (!v) {
        if (!rel__reserve(&kb->alloc, (void **)&c->versions, &c->version_cap, c->version_count + 1,
                          sizeof(*c->versions)))
            return nomem(kb);
        v = &c->versions[c->version_count++];
        v->source = src;
    }
    v->claimant = claimant;
    v->modality = modality;
    return REL_OK;
}

rel_status rel_kb_add_claim_relation(rel_kb *kb, const char *claim_id, size_t claim_id_len, int32_t relation,
                                     const char *target_id, size_t target_id_len)
{
    rel_claim *c, *target;
    rel_status st;
    size_t i;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = find_object(kb, "claim", REL_OBJECT_CLAIM, claim_id, &claim_id_len, (void **)&c)) != REL_OK ||
        (st = find_object(kb, "related claim", REL_OBJECT_CLAIM, target_id, &target_id_len, (void **)&target)) != REL_OK)
        return st;
    if (!rel_relation_name(relation))
        return fail(kb, REL_ERR_ARG, "unknown claim relation %d", (int)relation);
    if (c == target)
        return fail(kb, REL_ERR_ARG, "claim \"%s\" cannot be related to itself", c->id.ptr);
    for (i = 0; i < c->relation_count; i++)
        if (c->relations[i].type == relation && c->relations[i].target == target)
            return fail(kb, REL_ERR_DUPLICATE, "claim \"%s\" already %s \"%s\"", c->id.ptr,
                        rel_relation_name(relation), target->id.ptr);
    if (!rel__reserve(&kb->alloc, (void **)&c->relations, &c->relation_cap, c->relation_count + 1,
                      sizeof(*c->relations)))
        return nomem(kb);
    c->relations[c->relation_count].type = relation;
    c->relations[c->relation_count].target = target;
    c->relation_count++;
    return REL_OK;
}

/* ---- evidence ---- */

static rel_status evidence_target(rel_kb *kb, const char *id, size_t *len, rel_evidence_list **out)
{
    int32_t kind;
    void *obj;
    rel_status st = find_object(kb, "evidence target", REL_OBJECT_NONE, id, len, &obj);

    if (st != REL_OK)
        return st;
    rel_kb__lookup(kb, id, *len, &kind);
    *out = rel_kb__evidence_of(obj, kind);
    if (!*out)
        return fail(kb, REL_ERR_REFERENCE, "evidence target \"%.*s\" is a source, not an entity, event or claim",
                    shown(id, *len), id);
    return REL_OK;
}

static rel_status add_span(rel_kb *kb, rel_evidence_list *list, const rel_source *src, uint64_t start, uint64_t end)
{
    rel_evidence *ev;
    size_t i;

    if (start >= end || end > src->text.len)
        return fail(kb, REL_ERR_RANGE, "span [%llu, %llu) is empty or outside source \"%s\" (%zu bytes)",
                    (unsigned long long)start, (unsigned long long)end, src->id.ptr, src->text.len);
    if (!rel__utf8_boundary(src->text.ptr, src->text.len, start) ||
        !rel__utf8_boundary(src->text.ptr, src->text.len, end))
        return fail(kb, REL_ERR_RANGE, "span [%llu, %llu) splits a UTF-8 character of source \"%s\"",
                    (unsigned long long)start, (unsigned long long)end, src->id.ptr);
    for (i = 0; i < list->count; i++) {
        const rel_evidence *e = list->items[i];
        if (e->source == src && e->start == start && e->end == end)
            return fail(kb, REL_ERR_DUPLICATE, "span [%llu, %llu) of source \"%s\" is already evidence here",
                        (unsigned long long)start, (unsigned long long)end, src->id.ptr);
    }
    ev = rel__malloc(&kb->alloc, sizeof(*ev));
    if (!ev)
        return nomem(kb);
    if (!rel__reserve(&kb->alloc, (void **)&list->items, &list->cap, list->count + 1, sizeof(*list->items))) {
        rel__free(&kb->alloc, ev);
        return nomem(kb);
    }
    ev->source = src;
    ev->start = start;
    ev->end = end;
    list->items[list->count++] = ev;
    return REL_OK;
}

rel_status rel_kb_add_evidence(rel_kb *kb, const char *object_id, size_t object_id_len, const char *source_id,
                               size_t source_id_len, uint64_t start, uint64_t end)
{
    rel_evidence_list *list;
    const rel_source *src;
    rel_status st;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = evidence_target(kb, object_id, &object_id_len, &list)) != REL_OK ||
        (st = find_source(kb, "source", source_id, &source_id_len, &src)) != REL_OK)
        return st;
    return add_span(kb, list, src, start, end);
}

rel_status rel_kb_add_evidence_quote(rel_kb *kb, const char *object_id, size_t object_id_len, const char *source_id,
                                     size_t source_id_len, const rel_quote *quote)
{
    rel_evidence_list *list;
    const rel_source *src;
    size_t exact_len, prefix_len = 0, suffix_len = 0, n;
    uint64_t at = 0;
    rel_status st;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if (!quote)
        return fail(kb, REL_ERR_ARG, "quote is NULL");
    exact_len = quote->exact_len;
    if ((st = evidence_target(kb, object_id, &object_id_len, &list)) != REL_OK ||
        (st = find_source(kb, "source", source_id, &source_id_len, &src)) != REL_OK ||
        (st = check_text(kb, "quote", quote->exact, &exact_len, 1)) != REL_OK)
        return st;
    if (quote->prefix) {
        prefix_len = quote->prefix_len;
        if ((st = check_text(kb, "quote prefix", quote->prefix, &prefix_len, 0)) != REL_OK)
            return st;
    }
    if (quote->suffix) {
        suffix_len = quote->suffix_len;
        if ((st = check_text(kb, "quote suffix", quote->suffix, &suffix_len, 0)) != REL_OK)
            return st;
    }
    n = rel_source__count_quote(src, quote->exact, exact_len, quote->prefix, prefix_len, quote->suffix, suffix_len,
                                &at);
    if (n == 0)
        return fail(kb, REL_ERR_NOT_FOUND, "quote \"%.*s\" is not in source \"%s\"", shown(quote->exact, exact_len),
                    quote->exact, src->id.ptr);
    if (n > 1)
        return fail(kb, REL_ERR_AMBIGUOUS, "quote \"%.*s\" occurs %zu times in source \"%s\": add a prefix or suffix",
                    shown(quote->exact, exact_len), quote->exact, n, src->id.ptr);
    return add_span(kb, list, src, at, at + exact_len);
}

/* ---- predicates and unannotated passages ---- */

rel_status rel_kb_add_predicate(rel_kb *kb, const char *name, size_t name_len, uint32_t flags)
{
    rel_predicate *p;
    rel_status st;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = check_text(kb, "predicate", name, &name_len, 1)) != REL_OK)
        return st;
    if (!valid_predicate(name, name_len))
        return fail(kb, REL_ERR_ARG, "predicate \"%.*s\" must be lower-case letters, digits and '_'",
                    shown(name, name_len), name);
    if (flags & ~(uint32_t)REL_PREDICATE_FUNCTIONAL)
        return fail(kb, REL_ERR_ARG, "predicate \"%.*s\": unknown flags 0x%x", shown(name, name_len), name,
                    (unsigned)flags);
    if (rel__map_get(&kb->predicate_names, name, name_len))
        return fail(kb, REL_ERR_DUPLICATE, "predicate \"%.*s\" is already declared", shown(name, name_len), name);
    p = rel__calloc(&kb->alloc, 1, sizeof(*p));
    if (!p)
        return nomem(kb);
    if (!copy_str(kb, &p->name, name, name_len) || !reserve_list(kb, &kb->predicates) ||
        !rel__map_reserve(&kb->alloc, &kb->predicate_names, 1)) {
        rel_kb__free_str(kb, &p->name);
        rel__free(&kb->alloc, p);
        return nomem(kb);
    }
    p->flags = flags;
    kb->predicates.items[kb->predicates.count++] = p;
    rel__map_put(&kb->predicate_names, p->name.ptr, p->name.len, p, 0);
    return REL_OK;
}

rel_status rel_kb_add_unannotated(rel_kb *kb, const char *source_id, size_t source_id_len, uint64_t start,
                                  uint64_t end, const char *reason, size_t reason_len)
{
    const rel_source *src;
    rel_gap *gap;
    rel_status st;

    if (!kb)
        return REL_ERR_ARG;
    begin(kb);
    if ((st = find_source(kb, "source", source_id, &source_id_len, &src)) != REL_OK ||
        (st = check_text(kb, "reason", reason, &reason_len, 1)) != REL_OK)
        return st;
    if (start >= end || end > src->text.len || !rel__utf8_boundary(src->text.ptr, src->text.len, start) ||
        !rel__utf8_boundary(src->text.ptr, src->text.len, end))
        return fail(kb, REL_ERR_RANGE, "span [%llu, %llu) is empty, outside source \"%s\" or splits a character",
                    (unsigned long long)start, (unsigned long long)end, src->id.ptr);
    gap = rel__calloc(&kb->alloc, 1, sizeof(*gap));
    if (!gap)
        return nomem(kb);
    if (!copy_str(kb, &gap->reason, reason, reason_len) || !reserve_list(kb, &kb->gaps)) {
        rel_kb__free_str(kb, &gap->reason);
        rel__free(&kb->alloc, gap);
        return nomem(kb);
    }
    gap->span.source = src;
    gap->span.start = start;
    gap->span.end = end;
    kb->gaps.items[kb->gaps.count++] = gap;
    return REL_OK;
}
