/* SPDX-License-Identifier: MIT */
/*
 * The comparing commands: diff (two versions), conflicts (every
 * contradiction and change of stance, inside and across versions) and
 * timeline (events in time order, with their fuzzy dates read honestly).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *object_id(const rel_difference *d)
{
    switch (rel_difference_object_kind(d)) {
    case REL_OBJECT_ENTITY: return rel_entity_id(rel_difference_entity(d), NULL);
    case REL_OBJECT_EVENT: return rel_event_id(rel_difference_event(d), NULL);
    default: return rel_claim_id(rel_difference_claim(d, REL_SIDE_A), NULL);
    }
}

static const char *object_kind_name(int32_t kind)
{
    return kind == REL_OBJECT_ENTITY ? "entity" : kind == REL_OBJECT_EVENT ? "event" : "claim";
}

static void json_side(cli *c, const rel_difference *d, int32_t side)
{
    const rel_entity *claimant = rel_difference_claimant(d, side);
    int32_t modality = rel_difference_modality(d, side);
    size_t i;

    json_open_map(c);
    json_key(c, "source");
    json_str(c, rel_source_id(rel_difference_source(d, side), NULL));
    if (rel_difference_object_kind(d) == REL_OBJECT_CLAIM) {
        json_key(c, "claim");
        json_str(c, rel_claim_id(rel_difference_claim(d, side), NULL));
    }
    if (modality != REL_MODALITY_NONE) {
        json_key(c, "modality");
        json_str(c, rel_modality_name(modality));
    }
    if (claimant) {
        json_key(c, "claimant");
        json_str(c, rel_entity_id(claimant, NULL));
    }
    json_key(c, "evidence");
    json_open_array(c);
    for (i = 0; i < rel_difference_evidence_count(d, side); i++)
        json_evidence(c, rel_difference_evidence_at(d, side, i));
    json_close_array(c);
    json_close_map(c);
}

static void json_difference(cli *c, const rel_difference *d)
{
    size_t i, rl, al;
    const char *removed, *added;

    json_open_map(c);
    json_key(c, "kind");
    json_str(c, rel_difference_kind_name(rel_difference_kind(d)));
    json_key(c, "object");
    json_str(c, object_kind_name(rel_difference_object_kind(d)));
    json_key(c, "id");
    json_str(c, object_id(d));
    json_key(c, "a");
    json_side(c, d, REL_SIDE_A);
    json_key(c, "b");
    json_side(c, d, REL_SIDE_B);
    if (rel_difference_change_count(d)) {
        json_key(c, "changes");
        json_open_array(c);
        for (i = 0; i < rel_difference_change_count(d); i++) {
            rel_difference_change_at(d, i, &removed, &rl, &added, &al);
            json_open_map(c);
            json_key(c, "removed");
            json_strn(c, removed, rl);
            json_key(c, "added");
            json_strn(c, added, al);
            json_key(c, "spelling");
            yajl_gen_bool(c->gen, rel_difference_change_is_spelling(d, i));
            json_close_map(c);
        }
        json_close_array(c);
    }
    json_close_map(c);
}

static void print_stance(const rel_difference *d, int32_t side)
{
    const rel_entity *claimant = rel_difference_claimant(d, side);

    printf("%s by %s", rel_modality_name(rel_difference_modality(d, side)),
           claimant ? rel_entity_id(claimant, NULL) : "?");
}

static void print_difference(const rel_difference *d)
{
    int32_t kind = rel_difference_kind(d), side;
    size_t i, rl, al;
    const char *removed, *added;

    printf("%-13s %-6s %s", rel_difference_kind_name(kind), object_kind_name(rel_difference_object_kind(d)),
           object_id(d));
    if (kind == REL_DIFF_CONTRADICTED)
        printf(" vs %s", rel_claim_id(rel_difference_claim(d, REL_SIDE_B), NULL));
    if (kind == REL_DIFF_HEDGED || kind == REL_DIFF_STRENGTHENED || kind == REL_DIFF_REATTRIBUTED) {
        printf(": ");
        print_stance(d, REL_SIDE_A);
        printf(" -> ");
        print_stance(d, REL_SIDE_B);
    }
    printf("\n");
    for (i = 0; i < rel_difference_change_count(d); i++) {
        rel_difference_change_at(d, i, &removed, &rl, &added, &al);
        printf("    %s \"%.*s\" -> \"%.*s\"\n", rel_difference_change_is_spelling(d, i) ? "spelling" : "wording ",
               (int)rl, removed, (int)al, added);
    }
    for (side = REL_SIDE_A; side <= REL_SIDE_B; side++)
        for (i = 0; i < rel_difference_evidence_count(d, side); i++)
            print_evidence(rel_difference_evidence_at(d, side, i), side == REL_SIDE_A ? "    a: " : "    b: ");
}

static int find_source(cli *c, const char *id, const rel_source **out)
{
    rel_status st = rel_kb_find_source(c->kb, id, REL_NTS, out);

    return st == REL_OK ? 0 : fail_status(st, "no single source matches", id);
}

int cmd_diff(cli *c, const char *a_id, const char *b_id)
{
    const rel_source *a, *b;
    rel_diff *diff;
    rel_error err;
    size_t i;

    if (find_source(c, a_id, &a) || find_source(c, b_id, &b))
        return 1;
    if (a == b)
        return fail_status(REL_ERR_ARG, "diff", "a version compared with itself; 'relations conflicts' shows the "
                                                "contradictions inside one");
    if (rel_diff_sources(&diff, c->kb, a, b, &err) != REL_OK)
        return fail_status(err.status, "diff", err.message);
    if (c->json) {
        json_begin(c);
        json_open_array(c);
        for (i = 0; i < rel_diff_count(diff); i++)
            json_difference(c, rel_diff_at(diff, i));
        json_close_array(c);
        rel_diff_free(diff);
        return json_end(c);
    }
    printf("%s -> %s: %zu differences\n", rel_source_id(a, NULL), rel_source_id(b, NULL), rel_diff_count(diff));
    for (i = 0; i < rel_diff_count(diff); i++)
        print_difference(rel_diff_at(diff, i));
    rel_diff_free(diff);
    return 0;
}

static int is_conflict(int32_t kind)
{
    return kind == REL_DIFF_CONTRADICTED || kind == REL_DIFF_HEDGED || kind == REL_DIFF_STRENGTHENED ||
           kind == REL_DIFF_REATTRIBUTED;
}

/* Prints (or adds to the JSON array) the conflicts of one diff; returns how many. */
static size_t emit_conflicts(cli *c, const rel_diff *diff, const char *heading)
{
    size_t i, n = 0;

    for (i = 0; i < rel_diff_count(diff); i++) {
        const rel_difference *d = rel_diff_at(diff, i);
        if (!is_conflict(rel_difference_kind(d)))
            continue;
        if (c->json) {
            json_difference(c, d);
        } else {
            if (n == 0)
                printf("%s\n", heading);
            print_difference(d);
        }
        n++;
    }
    return n;
}

int cmd_conflicts(cli *c)
{
    size_t n = rel_kb_source_count(c->kb), i, j, total = 0;
    rel_diff *diff;
    rel_error err;
    char heading[160];

    if (c->json) {
        json_begin(c);
        json_open_array(c);
    }
    for (i = 0; i < n; i++) {
        const rel_source *s = rel_kb_source_at(c->kb, i);
        if (rel_diff_within(&diff, c->kb, s, &err) != REL_OK)
            return fail_status(err.status, "conflicts", err.message);
        snprintf(heading, sizeof(heading), "inside %s:", rel_source_id(s, NULL));
        total += emit_conflicts(c, diff, heading);
        rel_diff_free(diff);
    }
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++) {
            const rel_source *a = rel_kb_source_at(c->kb, i), *b = rel_kb_source_at(c->kb, j);
            if (rel_diff_sources(&diff, c->kb, a, b, &err) != REL_OK)
                return fail_status(err.status, "conflicts", err.message);
            snprintf(heading, sizeof(heading), "%s -> %s:", rel_source_id(a, NULL), rel_source_id(b, NULL));
            total += emit_conflicts(c, diff, heading);
            rel_diff_free(diff);
        }
    if (c->json) {
        json_close_array(c);
        return json_end(c);
    }
    printf("%zu conflicts\n", total);
    return 0;
}

typedef struct timed {
    const rel_event *event;
    size_t index; /* in the knowledge base: keeps ties in their given order */
} timed;

static int by_time(const void *x, const void *y)
{
    const timed *a = x, *b = y;
    const rel_time *ta = rel_event_time(a->event), *tb = rel_event_time(b->event);
    int32_t r;

    /* Undated events go last. */
    if (!ta || !tb)
        r = !ta - !tb;
    else
        r = rel_time_compare(ta, tb);
    if (r)
        return r;
    return a->index < b->index ? -1 : a->index > b->index;
}

int cmd_timeline(cli *c)
{
    size_t n = rel_kb_event_count(c->kb), i, j;
    timed *events = malloc((n ? n : 1) * sizeof(*events));
    char reading[256];

    if (!events)
        return fail_status(REL_ERR_NOMEM, "timeline", NULL);
    for (i = 0; i < n; i++) {
        events[i].event = rel_kb_event_at(c->kb, i);
        events[i].index = i;
    }
    qsort(events, n, sizeof(*events), by_time);
    if (c->json) {
        json_begin(c);
        json_open_array(c);
    }
    for (i = 0; i < n; i++) {
        const rel_event *ev = events[i].event;
        describe_time(rel_event_time(ev), reading, sizeof(reading));
        if (c->json) {
            json_open_map(c);
            json_key(c, "id");
            json_str(c, rel_event_id(ev, NULL));
            json_key(c, "type");
            json_str(c, rel_event_type(ev, NULL));
            json_key(c, "when");
            json_str(c, rel_event_time(ev) ? reading : "undated");
            if (rel_event_time_text(ev, NULL)) {
                json_key(c, "words");
                json_str(c, rel_event_time_text(ev, NULL));
            }
            json_close_map(c);
            continue;
        }
        print_padded(rel_event_time(ev) ? reading : "undated", 32);
        printf(" %-22s %s", rel_event_type(ev, NULL), rel_event_id(ev, NULL));
        for (j = 0; j < rel_event_participant_count(ev); j++)
            printf("%s%s", j ? ", " : "  (", rel_entity_name(rel_event_participant_entity(ev, j), NULL));
        printf("%s\n", j ? ")" : "");
    }
    free(events);
    if (c->json) {
        json_close_array(c);
        return json_end(c);
    }
    return 0;
}
