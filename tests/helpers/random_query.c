/* SPDX-License-Identifier: MIT */
/* Random query options for the query and snapshot tests; see random_query.h. */
#include "random_query.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

enum filter {
    F_ACTOR,
    F_ACTOR2,
    F_WINDOW,
    F_TYPE,
    F_SOURCE,
    F_CLAIMANT,
    F_MODALITY,
    F_ABOUT,
    F_KIND,
    F_ALIAS,
    F_TEXT
};

static const enum filter event_filters[] = {F_ACTOR, F_ACTOR2, F_WINDOW, F_TYPE, F_SOURCE, F_TEXT};
static const enum filter claim_filters[] = {F_ACTOR, F_SOURCE, F_CLAIMANT, F_MODALITY, F_ABOUT, F_TEXT};
static const enum filter entity_filters[] = {F_SOURCE, F_KIND, F_ALIAS, F_TEXT};

/* Words of predicates, and words nothing holds, for text queries. */
static const char *const extra_words[] = {"supplies", "described", "as", "located", "in", "has", "aids", "zzz", "ira"};
/* Types no event has, some of them prefixes of types that events have. */
static const char *const extra_types[] = {"AI", "AID.mil", "ASSAULT.heavy", "TRADE"};
static const char *const word_separators[] = {" ", " ", "-", "\xE2\x80\x93", ", ", "\xE2\x80\x99", "_"};

#define PICK(r, array) ((array)[rkb_below((r), sizeof(array) / sizeof((array)[0]))])

static void set_id(char *buf, size_t cap, const char *id)
{
    snprintf(buf, cap, "%s", id ? id : "");
}

static const rel_entity *random_entity(const rel_kb *kb, rkb_rng *r)
{
    return rel_kb_entity_at(kb, rkb_below(r, rel_kb_entity_count(kb)));
}

/* An actor, and maybe a second one that differs from it; mostly participants of one event. */
static void pick_actors(rq_query *q, const rel_kb *kb, rkb_rng *r, int pair)
{
    const rel_event *ev = rel_kb_event_at(kb, rkb_below(r, rel_kb_event_count(kb)));
    size_t n = rel_event_participant_count(ev);
    const rel_entity *a = NULL, *b = NULL;

    if (n > 0 && rkb_chance(r, 70)) {
        a = rel_event_participant_entity(ev, rkb_below(r, n));
        b = rel_event_participant_entity(ev, rkb_below(r, n));
    }
    if (!a || rkb_chance(r, 20))
        a = random_entity(kb, r);
    if (!b || b == a || rkb_chance(r, 20))
        b = random_entity(kb, r);
    set_id(q->actor, sizeof(q->actor), rel_entity_id(a, NULL));
    q->opts.actor = q->actor;
    if (!pair)
        return;
    if (a == b) {
        /* Another entity, if there is one. */
        size_t i = (size_t)(rel_kb_entity_count(kb) > 1 ? 1 + rkb_below(r, rel_kb_entity_count(kb) - 1) : 0);
        size_t k;

        for (k = 0; k < rel_kb_entity_count(kb); k++)
            if (rel_kb_entity_at(kb, k) == a)
                break;
        b = rel_kb_entity_at(kb, (k + i) % rel_kb_entity_count(kb));
        if (b == a)
            return; /* one entity only: no pair */
    }
    set_id(q->actor2, sizeof(q->actor2), rel_entity_id(b, NULL));
    q->opts.actor2 = q->actor2;
}

static void ascii_case(char *s, int upper)
{
    for (; *s; s++) {
        if (upper && *s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
        if (!upper && *s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
    }
}

static void pick_text(rq_query *q, rkb_rng *r)
{
    size_t i, n = 1 + rkb_below(r, 3), len = 0;

    q->text[0] = '\0';
    for (i = 0; i < n; i++) {
        char word[64];

        if (rkb_chance(r, 85))
            snprintf(word, sizeof(word), "%s", rkb_word(rkb_below(r, rkb_word_count())));
        else
            snprintf(word, sizeof(word), "%s", PICK(r, extra_words));
        if (rkb_chance(r, 30))
            ascii_case(word, 1);
        len += (size_t)snprintf(q->text + len, sizeof(q->text) - len, "%s%s", i ? PICK(r, word_separators) : "",
                                word);
    }
    if (rkb_chance(r, 10)) /* surrounding white space and punctuation are not words */
        snprintf(q->text + len, sizeof(q->text) - len, " .");
    q->opts.text = q->text;
}

/* A name or alias of an entity, respelled, maybe cut short; or a word. */
static void pick_alias(rq_query *q, const rel_kb *kb, rkb_rng *r)
{
    const rel_entity *e = random_entity(kb, r);
    size_t n = rel_entity_alias_count(e);
    size_t k = rkb_below(r, n + 1), len;
    const char *name = k < n ? rel_entity_alias_text(e, k, NULL) : rel_entity_name(e, NULL);
    char buf[512];

    q->opts.alias_match = (int32_t)rkb_below(r, 3);
    if (rkb_chance(r, 15))
        name = rkb_word(rkb_below(r, rkb_word_count()));
    snprintf(buf, sizeof(buf), "%s", name);
    switch (rkb_below(r, 6)) {
    case 0: ascii_case(buf, 0); break;
    case 1: ascii_case(buf, 1); break;
    case 2: snprintf(buf, sizeof(buf), "  %s ", name); break;
    default: break;
    }
    len = strlen(buf);
    if (q->opts.alias_match == REL_MATCH_PREFIX && len > 1 && rkb_chance(r, 70)) {
        size_t cut = 1 + rkb_below(r, len - 1);

        while (cut > 1 && ((unsigned char)buf[cut] & 0xC0) == 0x80)
            cut--;
        buf[cut] = '\0';
    }
    snprintf(q->alias, sizeof(q->alias), "%s", buf);
    q->opts.alias = q->alias;
}

static void pick_about(rq_query *q, const rel_kb *kb, rkb_rng *r)
{
    const rel_claim *c = rel_kb_claim_at(kb, rkb_below(r, rel_kb_claim_count(kb)));
    const rel_value *v = rkb_chance(r, 50) ? rel_claim_subject(c) : rel_claim_object(c);
    const char *id = NULL;

    switch (rel_value_kind(v)) {
    case REL_VALUE_ENTITY: id = rel_entity_id(rel_value_entity(v), NULL); break;
    case REL_VALUE_EVENT: id = rel_event_id(rel_value_event(v), NULL); break;
    case REL_VALUE_CLAIM: id = rel_claim_id(rel_value_claim(v), NULL); break;
    default: break;
    }
    if (!id || rkb_chance(r, 30)) {
        switch (rkb_below(r, 3)) {
        case 0: id = rel_entity_id(random_entity(kb, r), NULL); break;
        case 1: id = rel_event_id(rel_kb_event_at(kb, rkb_below(r, rel_kb_event_count(kb))), NULL); break;
        default: id = rel_claim_id(rel_kb_claim_at(kb, rkb_below(r, rel_kb_claim_count(kb))), NULL); break;
        }
    }
    if (!id)
        id = rel_entity_id(random_entity(kb, r), NULL);
    set_id(q->about, sizeof(q->about), id);
    q->opts.about = q->about;
}

static void apply(rq_query *q, const rel_kb *kb, rkb_rng *r, enum filter f)
{
    switch (f) {
    case F_ACTOR:
        if (!q->opts.actor)
            pick_actors(q, kb, r, 0);
        break;
    case F_ACTOR2: pick_actors(q, kb, r, 1); break;
    case F_WINDOW:
        rkb_time_expr(r, q->window, sizeof(q->window));
        q->opts.window = q->window;
        q->opts.window_semantics = rkb_chance(r, 50) ? REL_WINDOW_CERTAIN : REL_WINDOW_POSSIBLE;
        break;
    case F_TYPE:
        if (rkb_chance(r, 80))
            set_id(q->type, sizeof(q->type), rkb_type(rkb_below(r, rkb_type_count())));
        else
            set_id(q->type, sizeof(q->type), PICK(r, extra_types));
        q->opts.type = q->type;
        break;
    case F_SOURCE:
        set_id(q->source, sizeof(q->source), rel_source_id(rel_kb_source_at(kb, rkb_below(r, rel_kb_source_count(kb))), NULL));
        q->opts.source = q->source;
        break;
    case F_CLAIMANT: {
        const rel_entity *e = random_entity(kb, r);

        if (rkb_chance(r, 50))
            e = rel_claim_claimant(rel_kb_claim_at(kb, rkb_below(r, rel_kb_claim_count(kb))));
        set_id(q->claimant, sizeof(q->claimant), rel_entity_id(e, NULL));
        q->opts.claimant = q->claimant;
        break;
    }
    case F_MODALITY: q->opts.modality = 1 + (int32_t)rkb_below(r, 8); break;
    case F_ABOUT: pick_about(q, kb, r); break;
    case F_KIND: q->opts.entity_kind = (int32_t)rkb_below(r, 14); break;
    case F_ALIAS: pick_alias(q, kb, r); break;
    case F_TEXT: pick_text(q, r); break;
    }
}

void rq_random(rq_query *q, const rel_kb *kb, rkb_rng *r)
{
    const enum filter *filters;
    size_t count, n, i;

    memset(q, 0, sizeof(*q));
    assert_int_equal(rel_query_options_init(&q->opts, REL_QUERY_OPTIONS_VERSION), REL_OK);
    q->opts.target = (int32_t)rkb_below(r, 3);
    if (q->opts.target == REL_QUERY_EVENTS && rel_kb_event_count(kb) == 0)
        q->opts.target = REL_QUERY_ENTITIES;
    if (q->opts.target == REL_QUERY_CLAIMS && rel_kb_claim_count(kb) == 0)
        q->opts.target = REL_QUERY_ENTITIES;
    switch (q->opts.target) {
    case REL_QUERY_EVENTS:
        filters = event_filters;
        count = sizeof(event_filters) / sizeof(event_filters[0]);
        break;
    case REL_QUERY_CLAIMS:
        filters = claim_filters;
        count = sizeof(claim_filters) / sizeof(claim_filters[0]);
        break;
    default:
        filters = entity_filters;
        count = sizeof(entity_filters) / sizeof(entity_filters[0]);
        break;
    }
    n = 1 + rkb_below(r, 3);
    for (i = 0; i < n; i++)
        apply(q, kb, r, filters[rkb_below(r, count)]);
}

void rq_random_pair_in_window(rq_query *q, const rel_kb *kb, rkb_rng *r)
{
    memset(q, 0, sizeof(*q));
    assert_int_equal(rel_query_options_init(&q->opts, REL_QUERY_OPTIONS_VERSION), REL_OK);
    q->opts.target = REL_QUERY_EVENTS;
    apply(q, kb, r, F_ACTOR2);
    apply(q, kb, r, F_WINDOW);
    if (rkb_chance(r, 30))
        apply(q, kb, r, rkb_chance(r, 50) ? F_TYPE : F_SOURCE);
}

static size_t describe_str(char *buf, size_t cap, size_t len, const char *name, const char *value)
{
    if (!value || len >= cap)
        return len;
    return len + (size_t)snprintf(buf + len, cap - len, " %s=\"%s\"", name, value);
}

void rq_describe(const rel_query_options *o, char *buf, size_t cap)
{
    static const char *const targets[] = {"events", "claims", "entities"};
    size_t len;

    len = (size_t)snprintf(buf, cap, "%s", o->target >= 0 && o->target < 3 ? targets[o->target] : "?");
    len = describe_str(buf, cap, len, "actor", o->actor);
    len = describe_str(buf, cap, len, "actor2", o->actor2);
    len = describe_str(buf, cap, len, "window", o->window);
    if (o->window && len < cap)
        len += (size_t)snprintf(buf + len, cap - len, " (%s)",
                                o->window_semantics == REL_WINDOW_CERTAIN ? "certain" : "possible");
    len = describe_str(buf, cap, len, "type", o->type);
    len = describe_str(buf, cap, len, "source", o->source);
    len = describe_str(buf, cap, len, "claimant", o->claimant);
    if (o->modality != REL_MODALITY_NONE && len < cap)
        len += (size_t)snprintf(buf + len, cap - len, " modality=%s", rel_modality_name(o->modality));
    len = describe_str(buf, cap, len, "about", o->about);
    if (o->entity_kind != REL_QUERY_ANY_KIND && len < cap)
        len += (size_t)snprintf(buf + len, cap - len, " kind=%s", rel_entity_kind_name(o->entity_kind));
    len = describe_str(buf, cap, len, "alias", o->alias);
    if (o->alias && len < cap)
        len += (size_t)snprintf(buf + len, cap - len, " (%s)",
                                o->alias_match == REL_MATCH_EXACT        ? "exact"
                                : o->alias_match == REL_MATCH_NORMALISED ? "normalised"
                                                                         : "prefix");
    describe_str(buf, cap, len, "text", o->text);
}
