/* SPDX-License-Identifier: MIT */
/* The brute-force answer to a query; see brute_query.h. Only public getters are used. */
#include "brute_query.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

/* ---- words -------------------------------------------------------------- */

/* A set of strings: appended, then sorted and made unique by finish(). */
typedef struct str_set {
    char **items;
    size_t n;
    size_t cap;
} str_set;

static char *normalise(const char *text, size_t len)
{
    size_t need = 0;
    char *out;
    rel_status st = rel_text_normalise(text, len, NULL, 0, &need);

    if (st != REL_OK && st != REL_ERR_RANGE)
        fail_msg("rel_text_normalise: %s", rel_status_str(st));
    out = malloc(need + 1);
    assert_non_null(out);
    assert_int_equal(rel_text_normalise(text, len, out, need + 1, NULL), REL_OK);
    return out;
}

static void set_add(str_set *s, char *item)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->items = realloc(s->items, s->cap * sizeof(*s->items));
        assert_non_null(s->items);
    }
    s->items[s->n++] = item;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void set_finish(str_set *s)
{
    size_t i, o = 0;

    if (s->n == 0)
        return;
    qsort(s->items, s->n, sizeof(*s->items), cmp_str);
    for (i = 0; i < s->n; i++) {
        if (o > 0 && strcmp(s->items[o - 1], s->items[i]) == 0)
            free(s->items[i]);
        else
            s->items[o++] = s->items[i];
    }
    s->n = o;
}

static int set_has(const str_set *s, const char *w)
{
    return s->n > 0 && bsearch(&w, s->items, s->n, sizeof(*s->items), cmp_str) != NULL;
}

static void set_free(str_set *s)
{
    size_t i;

    for (i = 0; i < s->n; i++)
        free(s->items[i]);
    free(s->items);
}

static int is_word_char(utf8proc_int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: return 1;
    default: return 0;
    }
}

void bq_words(const char *text, size_t len, void (*fn)(const char *word, size_t len, void *payload), void *payload)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
    size_t i = 0, start = 0;
    int in_word = 0;

    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);

        assert_true(n > 0);
        if (is_word_char(c)) {
            if (!in_word)
                start = i;
            in_word = 1;
        } else if (in_word) {
            char *w = normalise(text + start, i - start);
            fn(w, strlen(w), payload);
            free(w);
            in_word = 0;
        }
        i += (size_t)n;
    }
    if (in_word) {
        char *w = normalise(text + start, len - start);
        fn(w, strlen(w), payload);
        free(w);
    }
}

static void add_word(const char *word, size_t len, void *payload)
{
    char *copy = malloc(len + 1);

    assert_non_null(copy);
    memcpy(copy, word, len + 1);
    set_add(payload, copy);
}

static void add_words(str_set *s, const char *text, size_t len)
{
    if (text)
        bq_words(text, len, add_word, s);
}

static void add_evidence_words(str_set *s, const rel_evidence *ev)
{
    size_t len = 0;
    const char *text = rel_evidence_text(ev, &len);

    add_words(s, text, len);
}

/* ---- the knowledge base, read once -------------------------------------- */

struct bq_kb {
    const rel_kb *kb;
    str_set *entity_words;
    str_set *event_words;
    str_set *claim_words;
    str_set *entity_names; /* normalised name and aliases, not sorted */
};

static void add_literal_words(str_set *s, const rel_value *v)
{
    size_t len = 0;
    const char *text;

    if (rel_value_kind(v) != REL_VALUE_LITERAL)
        return;
    text = rel_value_text(v, &len);
    add_words(s, text, len);
}

bq_kb *bq_new(const rel_kb *kb)
{
    bq_kb *b = calloc(1, sizeof(*b));
    size_t i, j, len;

    assert_non_null(b);
    b->kb = kb;
    b->entity_words = calloc(rel_kb_entity_count(kb) + 1, sizeof(str_set));
    b->entity_names = calloc(rel_kb_entity_count(kb) + 1, sizeof(str_set));
    b->event_words = calloc(rel_kb_event_count(kb) + 1, sizeof(str_set));
    b->claim_words = calloc(rel_kb_claim_count(kb) + 1, sizeof(str_set));
    assert_true(b->entity_words && b->entity_names && b->event_words && b->claim_words);
    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        const char *name = rel_entity_name(e, &len);

        add_words(&b->entity_words[i], name, len);
        set_add(&b->entity_names[i], normalise(name, len));
        for (j = 0; j < rel_entity_alias_count(e); j++) {
            const char *alias = rel_entity_alias_text(e, j, &len);
            add_words(&b->entity_words[i], alias, len);
            set_add(&b->entity_names[i], normalise(alias, len));
        }
        for (j = 0; j < rel_entity_evidence_count(e); j++)
            add_evidence_words(&b->entity_words[i], rel_entity_evidence_at(e, j));
        set_finish(&b->entity_words[i]);
    }
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev = rel_kb_event_at(kb, i);

        for (j = 0; j < rel_event_evidence_count(ev); j++)
            add_evidence_words(&b->event_words[i], rel_event_evidence_at(ev, j));
        set_finish(&b->event_words[i]);
    }
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        const char *predicate = rel_claim_predicate(c, &len);

        add_words(&b->claim_words[i], predicate, len);
        add_literal_words(&b->claim_words[i], rel_claim_subject(c));
        add_literal_words(&b->claim_words[i], rel_claim_object(c));
        for (j = 0; j < rel_claim_evidence_count(c); j++)
            add_evidence_words(&b->claim_words[i], rel_claim_evidence_at(c, j));
        set_finish(&b->claim_words[i]);
    }
    return b;
}

void bq_free(bq_kb *b)
{
    size_t i;

    if (!b)
        return;
    for (i = 0; i < rel_kb_entity_count(b->kb); i++) {
        set_free(&b->entity_words[i]);
        set_free(&b->entity_names[i]);
    }
    for (i = 0; i < rel_kb_event_count(b->kb); i++)
        set_free(&b->event_words[i]);
    for (i = 0; i < rel_kb_claim_count(b->kb); i++)
        set_free(&b->claim_words[i]);
    free(b->entity_words);
    free(b->entity_names);
    free(b->event_words);
    free(b->claim_words);
    free(b);
}

/* ---- the rules of query.h ----------------------------------------------- */

/* The options, resolved to objects, parsed and normalised. */
typedef struct resolved {
    const rel_entity *actor;
    const rel_entity *actor2;
    const rel_source *source;
    const rel_entity *claimant;
    int32_t about_kind;
    const void *about;
    int has_window;
    int64_t lo, hi;
    str_set words; /* the query's words */
    char *alias_norm;
} resolved;

static const rel_entity *find_entity(const rel_kb *kb, const char *id)
{
    const rel_entity *e = NULL;

    if (id && rel_kb_find_entity(kb, id, REL_NTS, &e) != REL_OK)
        fail_msg("brute force: no entity \"%s\"", id);
    return e;
}

static void resolve(const rel_kb *kb, const rel_query_options *o, resolved *r)
{
    memset(r, 0, sizeof(*r));
    r->actor = find_entity(kb, o->actor);
    r->actor2 = find_entity(kb, o->actor2);
    r->claimant = find_entity(kb, o->claimant);
    if (o->source && rel_kb_find_source(kb, o->source, REL_NTS, &r->source) != REL_OK)
        fail_msg("brute force: no source \"%s\"", o->source);
    if (o->about) {
        rel_status st = REL_ERR_NOT_FOUND;
        const rel_entity *e = NULL;
        const rel_event *ev = NULL;
        const rel_claim *c = NULL;

        r->about_kind = rel_kb_id_kind(kb, o->about, REL_NTS);
        if (r->about_kind == REL_OBJECT_ENTITY && (st = rel_kb_find_entity(kb, o->about, REL_NTS, &e)) == REL_OK)
            r->about = e;
        else if (r->about_kind == REL_OBJECT_EVENT && (st = rel_kb_find_event(kb, o->about, REL_NTS, &ev)) == REL_OK)
            r->about = ev;
        else if (r->about_kind == REL_OBJECT_CLAIM && (st = rel_kb_find_claim(kb, o->about, REL_NTS, &c)) == REL_OK)
            r->about = c;
        if (st != REL_OK)
            fail_msg("brute force: \"%s\" is no entity, event or claim", o->about);
    }
    if (o->window) {
        /* The window is the strict bounds of the expression; an open or unknown side is unbounded. */
        rel_time *t = NULL;
        rel_time_bounds b;

        if (rel_time_parse(&t, o->window, REL_NTS, NULL) != REL_OK)
            fail_msg("brute force: bad window \"%s\"", o->window);
        assert_int_equal(rel_time_get_bounds(t, &b), REL_OK);
        rel_time_free(t);
        r->has_window = 1;
        r->lo = b.lo_kind == REL_BOUND_DAY ? b.strict_lo : INT64_MIN;
        r->hi = b.hi_kind == REL_BOUND_DAY ? b.strict_hi : INT64_MAX;
    }
    if (o->text)
        add_words(&r->words, o->text, strlen(o->text));
    if (o->alias && o->alias_match != REL_MATCH_EXACT)
        r->alias_norm = normalise(o->alias, strlen(o->alias));
}

static void release(resolved *r)
{
    set_free(&r->words);
    free(r->alias_norm);
}

static int all_words_in(const str_set *query, const str_set *words)
{
    size_t i;

    for (i = 0; i < query->n; i++)
        if (!set_has(words, query->items[i]))
            return 0;
    return 1;
}

static int takes_part(const rel_event *ev, const rel_entity *e)
{
    size_t i;

    for (i = 0; i < rel_event_participant_count(ev); i++)
        if (rel_event_participant_entity(ev, i) == e)
            return 1;
    return 0;
}

/* The type, or a subtype: equal, or starting with the type and a dot. */
static int type_matches(const char *type, const char *wanted)
{
    size_t n = strlen(wanted);

    return strcmp(type, wanted) == 0 || (strncmp(type, wanted, n) == 0 && type[n] == '.');
}

static int evidence_in(const rel_evidence *(*at)(const void *, size_t), size_t (*count)(const void *),
                       const void *obj, const rel_source *s)
{
    size_t i;

    for (i = 0; i < count(obj); i++)
        if (rel_evidence_source(at(obj, i)) == s)
            return 1;
    return 0;
}

static size_t event_ev_count(const void *o) { return rel_event_evidence_count(o); }
static const rel_evidence *event_ev_at(const void *o, size_t i) { return rel_event_evidence_at(o, i); }
static size_t claim_ev_count(const void *o) { return rel_claim_evidence_count(o); }
static const rel_evidence *claim_ev_at(const void *o, size_t i) { return rel_claim_evidence_at(o, i); }
static size_t entity_ev_count(const void *o) { return rel_entity_evidence_count(o); }
static const rel_evidence *entity_ev_at(const void *o, size_t i) { return rel_entity_evidence_at(o, i); }

static int event_matches(const bq_kb *b, size_t i, const rel_query_options *o, const resolved *r)
{
    const rel_event *ev = rel_kb_event_at(b->kb, i);

    if (r->actor && !takes_part(ev, r->actor))
        return 0;
    if (r->actor2 && !takes_part(ev, r->actor2))
        return 0;
    if (r->has_window) {
        const rel_time *t = rel_event_time(ev);
        if (!t || !rel_time_in_window(t, r->lo, r->hi, o->window_semantics))
            return 0;
    }
    if (o->type && !type_matches(rel_event_type(ev, NULL), o->type))
        return 0;
    if (r->source && !evidence_in(event_ev_at, event_ev_count, ev, r->source))
        return 0;
    if (o->text && !all_words_in(&r->words, &b->event_words[i]))
        return 0;
    return 1;
}

/* The value is the entity, or an event the entity takes part in. */
static int value_involves(const rel_value *v, const rel_entity *e)
{
    if (rel_value_kind(v) == REL_VALUE_ENTITY)
        return rel_value_entity(v) == e;
    if (rel_value_kind(v) == REL_VALUE_EVENT)
        return takes_part(rel_value_event(v), e);
    return 0;
}

static int value_is(const rel_value *v, int32_t kind, const void *obj)
{
    switch (kind) {
    case REL_OBJECT_ENTITY: return rel_value_kind(v) == REL_VALUE_ENTITY && (const void *)rel_value_entity(v) == obj;
    case REL_OBJECT_EVENT: return rel_value_kind(v) == REL_VALUE_EVENT && (const void *)rel_value_event(v) == obj;
    case REL_OBJECT_CLAIM: return rel_value_kind(v) == REL_VALUE_CLAIM && (const void *)rel_value_claim(v) == obj;
    default: return 0;
    }
}

/*
 * The claimant: the one in `source` if set; else the default claimant or
 * the claimant in any source of the knowledge base. (rel_claim_claimant_in()
 * is NULL where the claim has no evidence, so a claim not stated in
 * `source` never matches.)
 */
static int claimant_matches(const rel_kb *kb, const rel_claim *c, const resolved *r)
{
    size_t i;

    if (r->source)
        return rel_claim_claimant_in(c, r->source) == r->claimant;
    if (rel_claim_claimant(c) == r->claimant)
        return 1;
    for (i = 0; i < rel_kb_source_count(kb); i++)
        if (rel_claim_claimant_in(c, rel_kb_source_at(kb, i)) == r->claimant)
            return 1;
    return 0;
}

/* The modality, likewise. */
static int modality_matches(const rel_kb *kb, const rel_claim *c, int32_t modality, const resolved *r)
{
    size_t i;

    if (r->source)
        return rel_claim_modality_in(c, r->source) == modality;
    if (rel_claim_modality(c) == modality)
        return 1;
    for (i = 0; i < rel_kb_source_count(kb); i++)
        if (rel_claim_modality_in(c, rel_kb_source_at(kb, i)) == modality)
            return 1;
    return 0;
}

static int claim_matches(const bq_kb *b, size_t i, const rel_query_options *o, const resolved *r)
{
    const rel_claim *c = rel_kb_claim_at(b->kb, i);
    const rel_value *subject = rel_claim_subject(c), *object = rel_claim_object(c);

    if (r->actor && !value_involves(subject, r->actor) && !value_involves(object, r->actor))
        return 0;
    if (r->source && !evidence_in(claim_ev_at, claim_ev_count, c, r->source))
        return 0;
    if (r->claimant && !claimant_matches(b->kb, c, r))
        return 0;
    if (o->modality != REL_MODALITY_NONE && !modality_matches(b->kb, c, o->modality, r))
        return 0;
    if (r->about && !value_is(subject, r->about_kind, r->about) && !value_is(object, r->about_kind, r->about))
        return 0;
    if (o->text && !all_words_in(&r->words, &b->claim_words[i]))
        return 0;
    return 1;
}

static int alias_matches(const bq_kb *b, size_t i, const rel_query_options *o, const resolved *r)
{
    const rel_entity *e = rel_kb_entity_at(b->kb, i);
    const str_set *names = &b->entity_names[i];
    size_t k, n;

    switch (o->alias_match) {
    case REL_MATCH_EXACT:
        if (strcmp(rel_entity_name(e, NULL), o->alias) == 0)
            return 1;
        for (k = 0; k < rel_entity_alias_count(e); k++)
            if (strcmp(rel_entity_alias_text(e, k, NULL), o->alias) == 0)
                return 1;
        return 0;
    case REL_MATCH_NORMALISED:
        for (k = 0; k < names->n; k++)
            if (strcmp(names->items[k], r->alias_norm) == 0)
                return 1;
        return 0;
    default:
        n = strlen(r->alias_norm);
        for (k = 0; k < names->n; k++)
            if (strncmp(names->items[k], r->alias_norm, n) == 0)
                return 1;
        return 0;
    }
}

static int entity_matches(const bq_kb *b, size_t i, const rel_query_options *o, const resolved *r)
{
    const rel_entity *e = rel_kb_entity_at(b->kb, i);

    if (r->source && !evidence_in(entity_ev_at, entity_ev_count, e, r->source))
        return 0;
    if (o->entity_kind != REL_QUERY_ANY_KIND && rel_entity_kind(e) != o->entity_kind)
        return 0;
    if (o->alias && !alias_matches(b, i, o, r))
        return 0;
    if (o->text && !all_words_in(&r->words, &b->entity_words[i]))
        return 0;
    return 1;
}

size_t bq_expected(const bq_kb *b, const rel_query_options *o, const void **out, size_t cap)
{
    resolved r;
    size_t i, n = 0;

    resolve(b->kb, o, &r);
    switch (o->target) {
    case REL_QUERY_EVENTS:
        for (i = 0; i < rel_kb_event_count(b->kb); i++)
            if (event_matches(b, i, o, &r) && n++ < cap)
                out[n - 1] = rel_kb_event_at(b->kb, i);
        break;
    case REL_QUERY_CLAIMS:
        for (i = 0; i < rel_kb_claim_count(b->kb); i++)
            if (claim_matches(b, i, o, &r) && n++ < cap)
                out[n - 1] = rel_kb_claim_at(b->kb, i);
        break;
    default:
        for (i = 0; i < rel_kb_entity_count(b->kb); i++)
            if (entity_matches(b, i, o, &r) && n++ < cap)
                out[n - 1] = rel_kb_entity_at(b->kb, i);
        break;
    }
    release(&r);
    return n;
}

/* ---- per year ----------------------------------------------------------- */

static int cmp_year(const void *a, const void *b)
{
    const rel_year_count *x = a, *y = b;

    return x->year < y->year ? -1 : x->year > y->year;
}

size_t bq_years(const void *const *events, size_t n, rel_year_count *rows, size_t cap, uint64_t *undated)
{
    rel_year_count *all = calloc(n + 1, sizeof(*all));
    size_t i, k, years = 0;

    assert_non_null(all);
    *undated = 0;
    for (i = 0; i < n; i++) {
        const rel_time *t = rel_event_time(events[i]);
        rel_time_bounds b;
        int64_t year;
        int32_t month, day;

        /* The year of the first day the time names; none without a time or a known first day. */
        if (!t) {
            (*undated)++;
            continue;
        }
        assert_int_equal(rel_time_get_bounds(t, &b), REL_OK);
        if (b.lo_kind != REL_BOUND_DAY) {
            (*undated)++;
            continue;
        }
        assert_int_equal(rel_date_from_day(b.strict_lo, &year, &month, &day), REL_OK);
        for (k = 0; k < years && all[k].year != year; k++)
            ;
        if (k == years) {
            all[years].year = year;
            all[years].count = 0;
            years++;
        }
        all[k].count++;
    }
    qsort(all, years, sizeof(*all), cmp_year);
    for (i = 0; i < years && i < cap; i++)
        rows[i] = all[i];
    free(all);
    return years;
}
