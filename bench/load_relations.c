/* SPDX-License-Identifier: MIT */
#include "load_relations.h"

#include <stdio.h>

static int failed(rel_kb *kb, const char *what, const char *id)
{
    fprintf(stderr, "relations-bench: building the knowledge base: %s %s: %s\n", what, id, rel_kb_errmsg(kb));
    return -1;
}

static int add_sources(rel_kb *kb, const gen_data *g)
{
    char id[GEN_ID_CAP], title[64];

    for (size_t i = 0; i < g->source_count; i++) {
        rel_source_spec spec = REL_SOURCE_SPEC_INIT;
        gen_source_id(i, id);
        snprintf(title, sizeof title, "Synthetic source %zu", i);
        spec.id = id;
        spec.id_len = REL_NTS;
        spec.text = g->sources[i].text;
        spec.text_len = g->sources[i].len;
        spec.title = title;
        spec.title_len = REL_NTS;
        spec.lang = "en";
        spec.lang_len = REL_NTS;
        if (rel_kb_add_source(kb, &spec) != REL_OK)
            return failed(kb, "source", id);
    }
    return 0;
}

static int add_entities(rel_kb *kb, const gen_data *g)
{
    char id[GEN_ID_CAP];

    for (size_t i = 0; i < g->entity_count; i++) {
        const gen_entity *e = &g->entities[i];
        gen_entity_id(i, id);
        if (rel_kb_add_entity(kb, id, REL_NTS, e->kind, gen_str(g, e->name), REL_NTS) != REL_OK)
            return failed(kb, "entity", id);
        for (unsigned k = 0; k < e->alias_count; k++)
            if (rel_kb_add_alias(kb, id, REL_NTS, gen_str(g, e->alias[k]), REL_NTS, "en", 2) != REL_OK)
                return failed(kb, "alias of", id);
    }
    return 0;
}

static int add_events(rel_kb *kb, const gen_data *g)
{
    char id[GEN_ID_CAP], who[GEN_ID_CAP], date[16];

    for (size_t i = 0; i < g->event_count; i++) {
        const gen_event *ev = &g->events[i];
        gen_event_id(i, id);
        gen_date_text(ev->date, date);
        if (rel_kb_add_event(kb, id, REL_NTS, gen_event_type(ev->type), REL_NTS) != REL_OK ||
            rel_kb_set_event_time(kb, id, REL_NTS, date, REL_NTS, NULL, 0) != REL_OK)
            return failed(kb, "event", id);
        gen_entity_id(ev->actor, who);
        if (rel_kb_add_participant(kb, id, REL_NTS, who, REL_NTS, REL_ROLE_AGENT) != REL_OK)
            return failed(kb, "actor of", id);
        gen_entity_id(ev->target, who);
        if (rel_kb_add_participant(kb, id, REL_NTS, who, REL_NTS, REL_ROLE_RECIPIENT) != REL_OK)
            return failed(kb, "target of", id);
        if (ev->place != GEN_NO_PLACE) {
            gen_entity_id(ev->place, who);
            if (rel_kb_add_participant(kb, id, REL_NTS, who, REL_NTS, REL_ROLE_LOCATION) != REL_OK)
                return failed(kb, "location of", id);
        }
    }
    return 0;
}

static int add_claims(rel_kb *kb, const gen_data *g)
{
    char id[GEN_ID_CAP], event[GEN_ID_CAP], claimant[GEN_ID_CAP], source[GEN_ID_CAP];

    for (size_t i = 0; i < g->claim_count; i++) {
        const gen_claim *c = &g->claims[i];
        rel_claim_spec spec = REL_CLAIM_SPEC_INIT;
        gen_claim_id(i, id);
        gen_event_id(c->event, event);
        gen_entity_id(c->claimant, claimant);
        gen_source_id(c->source, source);
        spec.id = id;
        spec.id_len = REL_NTS;
        spec.subject.kind = REL_VALUE_EVENT;
        spec.subject.str = event;
        spec.subject.str_len = REL_NTS;
        spec.predicate = gen_predicate(c->predicate);
        spec.predicate_len = REL_NTS;
        spec.object.kind = REL_VALUE_LITERAL;
        spec.object.str = gen_claim_text(g, i);
        spec.object.str_len = c->text_len;
        spec.claimant = claimant;
        spec.claimant_len = REL_NTS;
        spec.modality = c->modality;
        if (rel_kb_add_claim(kb, &spec) != REL_OK)
            return failed(kb, "claim", id);
        if (rel_kb_add_evidence(kb, id, REL_NTS, source, REL_NTS, c->start, c->end) != REL_OK)
            return failed(kb, "evidence of", id);
    }
    return 0;
}

int load_relations(const gen_data *g, rel_kb **out)
{
    rel_kb *kb = NULL;

    *out = NULL;
    if (rel_kb_new(&kb, NULL) != REL_OK) {
        fprintf(stderr, "relations-bench: rel_kb_new failed\n");
        return -1;
    }
    if (add_sources(kb, g) != 0 || add_entities(kb, g) != 0 || add_events(kb, g) != 0 || add_claims(kb, g) != 0) {
        rel_kb_free(kb);
        return -1;
    }
    *out = kb;
    return 0;
}
