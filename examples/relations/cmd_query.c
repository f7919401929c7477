/* SPDX-License-Identifier: MIT */
/*
 * relations query: the query API's filters as options. Each option sets
 * one field of rel_query_options; the library checks that they apply to
 * the target and reports what does not.
 */
#include "cli.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct query_args {
    rel_query_options opts;
    int per_year;
    int count_only;
} query_args;

static int bad_usage(const char *msg, const char *arg)
{
    fprintf(stderr, "relations: query: %s%s%s\ntry 'relations --help'\n", msg, arg ? ": " : "", arg ? arg : "");
    return 2;
}

static int parse_target(const char *s, int32_t *target)
{
    if (strcmp(s, "events") == 0)
        *target = REL_QUERY_EVENTS;
    else if (strcmp(s, "claims") == 0)
        *target = REL_QUERY_CLAIMS;
    else if (strcmp(s, "entities") == 0)
        *target = REL_QUERY_ENTITIES;
    else
        return 0;
    return 1;
}

static int parse_match(const char *s, int32_t *match)
{
    if (strcmp(s, "exact") == 0)
        *match = REL_MATCH_EXACT;
    else if (strcmp(s, "normalised") == 0 || strcmp(s, "normalized") == 0)
        *match = REL_MATCH_NORMALISED;
    else if (strcmp(s, "prefix") == 0)
        *match = REL_MATCH_PREFIX;
    else
        return 0;
    return 1;
}

/* Options that take a value, and the field each one fills. */
static const char **string_slot(query_args *q, const char *opt)
{
    static const struct {
        const char *name;
        size_t offset;
    } table[] = {
        {"--actor", offsetof(rel_query_options, actor)},   {"--with", offsetof(rel_query_options, actor2)},
        {"--window", offsetof(rel_query_options, window)}, {"--type", offsetof(rel_query_options, type)},
        {"--about", offsetof(rel_query_options, about)},   {"--alias", offsetof(rel_query_options, alias)},
        {"--text", offsetof(rel_query_options, text)},
    };
    size_t i;

    for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (strcmp(opt, table[i].name) == 0)
            return (const char **)((char *)&q->opts + table[i].offset);
    return NULL;
}

static int parse_args(cli *c, query_args *q, int argc, char **argv)
{
    int i;

    rel_query_options_init(&q->opts, REL_QUERY_OPTIONS_VERSION);
    if (argc < 1 || !parse_target(argv[0], &q->opts.target))
        return bad_usage("say what to look for: events, claims or entities", argc ? argv[0] : NULL);
    for (i = 1; i < argc; i++) {
        const char **slot = string_slot(q, argv[i]);
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;

        if (strcmp(argv[i], "--certain") == 0) {
            q->opts.window_semantics = REL_WINDOW_CERTAIN;
        } else if (strcmp(argv[i], "--per-year") == 0) {
            q->per_year = 1;
        } else if (strcmp(argv[i], "--count") == 0) {
            q->count_only = 1;
        } else if (strcmp(argv[i], "--match") == 0) {
            if (!value || !parse_match(value, &q->opts.alias_match))
                return bad_usage("--match takes exact, normalised or prefix", value);
            i++;
        } else if (strcmp(argv[i], "--kind") == 0) {
            if (!value || rel_entity_kind_from_name(value, REL_NTS, &q->opts.entity_kind) != REL_OK)
                return bad_usage("--kind takes an entity kind such as state or person", value);
            i++;
        } else if (slot) {
            if (!value)
                return bad_usage("option needs a value", argv[i]);
            *slot = value;
            i++;
        } else {
            return bad_usage("unknown option", argv[i]);
        }
    }
    q->opts.claimant = c->claimant;
    q->opts.source = c->source;
    if (c->modality && rel_modality_from_name(c->modality, REL_NTS, &q->opts.modality) != REL_OK)
        return bad_usage("--modality takes asserted, reported, alleged, presumed, believed, disputed, denied or hedged",
                         c->modality);
    if (q->per_year && q->opts.target != REL_QUERY_EVENTS)
        return bad_usage("--per-year counts events", NULL);
    return 0;
}

static void print_result(cli *c, int32_t target, const void *obj)
{
    const char *id = target == REL_QUERY_EVENTS   ? rel_event_id(obj, NULL)
                     : target == REL_QUERY_CLAIMS ? rel_claim_id(obj, NULL)
                                                  : rel_entity_id(obj, NULL);
    const char *what = target == REL_QUERY_EVENTS   ? rel_event_type(obj, NULL)
                       : target == REL_QUERY_CLAIMS ? rel_claim_predicate(obj, NULL)
                                                    : rel_entity_name(obj, NULL);

    if (c->json) {
        json_open_map(c);
        json_key(c, "id");
        json_str(c, id);
        json_key(c, target == REL_QUERY_EVENTS ? "type" : target == REL_QUERY_CLAIMS ? "predicate" : "name");
        json_str(c, what);
        if (target == REL_QUERY_EVENTS && rel_event_time_text(obj, NULL)) {
            json_key(c, "time");
            json_str(c, rel_event_time_text(obj, NULL));
        }
        json_close_map(c);
        return;
    }
    print_padded(id, 40);
    printf(" %s", what);
    if (target == REL_QUERY_EVENTS && rel_event_time_text(obj, NULL))
        printf("  (%s)", rel_event_time_text(obj, NULL));
    printf("\n");
}

static int per_year(cli *c, rel_query *q)
{
    rel_year_count *rows = NULL;
    size_t len = 0, i;
    uint64_t undated = 0;
    rel_status st = rel_query_count_by_year(q, NULL, 0, &len, NULL);

    if (st == REL_OK && len && !(rows = malloc(len * sizeof(*rows))))
        st = REL_ERR_NOMEM;
    if (st == REL_OK)
        st = rel_query_count_by_year(q, rows, len, &len, &undated);
    if (st != REL_OK) {
        free(rows);
        return fail_status(st, "query", "counting per year");
    }
    if (c->json) {
        json_begin(c);
        json_open_map(c);
        json_key(c, "years");
        json_open_array(c);
        for (i = 0; i < len; i++) {
            json_open_map(c);
            json_key(c, "year");
            json_int(c, rows[i].year);
            json_key(c, "count");
            json_int(c, (long long)rows[i].count);
            json_close_map(c);
        }
        json_close_array(c);
        json_key(c, "undated");
        json_int(c, (long long)undated);
        json_close_map(c);
        free(rows);
        return json_end(c);
    }
    for (i = 0; i < len; i++)
        printf("%lld %llu\n", (long long)rows[i].year, (unsigned long long)rows[i].count);
    printf("undated %llu\n", (unsigned long long)undated);
    free(rows);
    return 0;
}

int cmd_query(cli *c, int argc, char **argv)
{
    query_args args;
    rel_query *q;
    rel_error err;
    rel_status st;
    int status = 0;

    memset(&args, 0, sizeof(args));
    if ((status = parse_args(c, &args, argc, argv)) != 0)
        return status;
    if ((st = rel_query_new(&q, c->kb, &args.opts, &err)) != REL_OK)
        return fail_status(st, "query", err.message);
    if (args.per_year) {
        status = per_year(c, q);
    } else if (args.count_only) {
        size_t n = 0;
        rel_query_count(q, &n);
        printf("%zu\n", n);
    } else {
        const void *obj;

        if (c->json) {
            json_begin(c);
            json_open_array(c);
        }
        for (;;) {
            st = args.opts.target == REL_QUERY_EVENTS   ? rel_query_next_event(q, (const rel_event **)&obj)
                 : args.opts.target == REL_QUERY_CLAIMS ? rel_query_next_claim(q, (const rel_claim **)&obj)
                                                        : rel_query_next_entity(q, (const rel_entity **)&obj);
            if (st != REL_OK)
                break;
            print_result(c, args.opts.target, obj);
        }
        if (c->json) {
            json_close_array(c);
            status = json_end(c);
        }
    }
    rel_query_free(q);
    return status;
}
