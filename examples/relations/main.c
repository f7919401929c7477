/* SPDX-License-Identifier: MIT */
/*
 * relations: the command-line face of librelations. It opens the built-in
 * knowledge base (or --kb FILE) and lists, shows, finds, exports; every
 * listing also comes as JSON with --json.
 */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "usage: relations [--kb FILE] [--json] COMMAND [ARGS]\n"
    "\n"
    "Entities, events and claims of a knowledge base, each tied to the exact\n"
    "words of the source versions that state it. Without --kb, the built-in\n"
    "knowledge base: three versions of \"Iran–North Korea relations\" (CC BY-SA 4.0).\n"
    "\n"
    "commands:\n"
    "  summary          counts of sources, entities, aliases, events, claims, evidence\n"
    "  sources          the source versions\n"
    "  entities         entities with their kinds and aliases\n"
    "  events           events with their types, times and participants\n"
    "  claims           claims with claimant and modality per version; filters:\n"
    "                     --claimant NAME (entity id or name), --modality M, --source ID\n"
    "  show ID          one entity, event, claim or source (id or unique prefix), with evidence\n"
    "  find ALIAS       entities with that name: exact match, else normalised\n"
    "  export [-o FILE] the whole knowledge base as JSON (stdout by default)\n"
    "  time EXPR        parse an EDTF/TIMEX expression and print its bounds\n"
    "  diff A B         what changed from version A to version B (ids or unique prefixes)\n"
    "  conflicts        every contradiction and change of stance, inside and across versions\n"
    "  timeline         events in time order, with their dates read honestly\n"
    "  query events|claims|entities [FILTERS]\n"
    "                   indexed search; filters combine: --actor ID, --with ID (a pair),\n"
    "                     --window EXPR [--certain], --type T (and its subtypes),\n"
    "                     --source ID, --claimant ID, --modality M, --about ID,\n"
    "                     --kind K, --alias TEXT [--match exact|normalised|prefix],\n"
    "                     --text WORDS; --count, --per-year (events per year)\n"
    "\n"
    "options:\n"
    "  --kb FILE        open FILE (JSON) instead of the built-in knowledge base\n"
    "  --json           print listings as JSON\n"
    "  -h, --help       print this help\n"
    "  --version        print the library version\n";

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "relations: %s%s%s\n%s", msg, arg ? ": " : "", arg ? arg : "", "try 'relations --help'\n");
    return 2;
}

static int open_kb(cli *c)
{
    rel_kb_options opts = REL_KB_OPTIONS_INIT;
    progress_bar bar;
    rel_error err;
    rel_status st;

    if (c->kb_path) {
        progress_bar_attach(&bar, &opts);
        st = rel_kb_open_json_file(&c->kb, c->kb_path, &opts, &err);
        progress_bar_finish(&bar);
    } else {
        st = rel_kb_open_builtin(&c->kb, NULL, &err);
    }
    if (st == REL_OK)
        return 0;
    if (err.line)
        fprintf(stderr, "relations: %s:%u:%u: %s (%s)\n", err.file[0] ? err.file : "<input>", (unsigned)err.line,
                (unsigned)err.column, err.message, rel_status_str(st));
    else
        fprintf(stderr, "relations: %s%s%s (%s)\n", err.file, err.file[0] ? ": " : "", err.message,
                rel_status_str(st));
    return 1;
}

static int run(cli *c, const char *cmd, int argc, char **argv)
{
    if ((c->claimant || c->modality || c->source) && strcmp(cmd, "claims") != 0 && strcmp(cmd, "query") != 0)
        return usage_error("--claimant, --modality and --source go with claims and query", NULL);
    if (strcmp(cmd, "query") == 0)
        return open_kb(c) ? 1 : cmd_query(c, argc, argv);
    if (strcmp(cmd, "time") == 0)
        return argc == 1 ? cmd_time(c, argv[0]) : usage_error("time takes one expression", NULL);
    if (open_kb(c))
        return 1;
    if (strcmp(cmd, "show") == 0 || strcmp(cmd, "find") == 0) {
        if (argc != 1)
            return usage_error(cmd[0] == 's' ? "show takes one id" : "find takes one name", NULL);
        return cmd[0] == 's' ? cmd_show(c, argv[0]) : cmd_find(c, argv[0]);
    }
    if (strcmp(cmd, "diff") == 0)
        return argc == 2 ? cmd_diff(c, argv[0], argv[1]) : usage_error("diff takes two source ids", NULL);
    if (strcmp(cmd, "export") == 0) {
        if (argc == 2 && strcmp(argv[0], "-o") == 0)
            c->output = argv[1];
        else if (argc != 0)
            return usage_error("export takes [-o FILE]", NULL);
        return cmd_export(c);
    }
    if (argc != 0)
        return usage_error("unexpected argument", argv[0]);
    if (strcmp(cmd, "summary") == 0)
        return cmd_summary(c);
    if (strcmp(cmd, "sources") == 0)
        return cmd_sources(c);
    if (strcmp(cmd, "entities") == 0)
        return cmd_entities(c);
    if (strcmp(cmd, "events") == 0)
        return cmd_events(c);
    if (strcmp(cmd, "claims") == 0)
        return cmd_claims(c);
    if (strcmp(cmd, "conflicts") == 0)
        return cmd_conflicts(c);
    if (strcmp(cmd, "timeline") == 0)
        return cmd_timeline(c);
    return usage_error("unknown command", cmd);
}

int main(int argc, char **argv)
{
    cli c;
    int i, status;

    memset(&c, 0, sizeof(c));
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--kb") == 0) {
            if (++i == argc)
                return usage_error("--kb needs a file", NULL);
            c.kb_path = argv[i];
        } else if (strcmp(argv[i], "--json") == 0) {
            c.json = 1;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("relations %s (library %s)\n", REL_VERSION_STRING, rel_version_string());
            return 0;
        } else {
            return usage_error("unknown option", argv[i]);
        }
    }
    if (i == argc)
        return usage_error("no command", NULL);
    /* Options may also follow the command: "relations claims --json". */
    {
        int j, k = i + 1;
        for (j = i + 1; j < argc; j++) {
            if (strcmp(argv[j], "--json") == 0)
                c.json = 1;
            else if (strcmp(argv[j], "--kb") == 0 && j + 1 < argc)
                c.kb_path = argv[++j];
            else if (strcmp(argv[j], "--claimant") == 0 || strcmp(argv[j], "--modality") == 0 ||
                     strcmp(argv[j], "--source") == 0) {
                const char **slot = argv[j][2] == 'c' ? &c.claimant : argv[j][2] == 'm' ? &c.modality : &c.source;
                if (j + 1 == argc)
                    return usage_error("option needs a value", argv[j]);
                *slot = argv[++j];
            } else
                argv[k++] = argv[j];
        }
        argc = k;
    }
    status = run(&c, argv[i], argc - i - 1, argv + i + 1);
    rel_kb_free(c.kb);
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
