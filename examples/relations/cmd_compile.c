/* SPDX-License-Identifier: MIT */
/*
 * relations compile: saves a knowledge base as a snapshot, the library's
 * own binary file, which --kb then opens by mapping it rather than parsing
 * it. The input may be JSON or a snapshot.
 */
#include "cli.h"

#include <string.h>
#include <sys/stat.h>

static int bad_usage(const char *msg)
{
    fprintf(stderr, "relations: compile: %s\nusage: relations compile IN -o OUT\n", msg);
    return 2;
}

int cmd_compile(cli *c, int argc, char **argv)
{
    const char *out = NULL;
    struct stat info;
    rel_error err;
    rel_status st;
    int i;

    if (c->kb_path)
        return bad_usage("the input is an argument, not --kb");
    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0) {
            if (++i == argc)
                return bad_usage("-o needs a file");
            out = argv[i];
        } else if (!c->kb_path) {
            c->kb_path = argv[i];
        } else {
            return bad_usage("one input only");
        }
    }
    if (!c->kb_path || !out)
        return bad_usage("an input and -o OUT are needed");
    if (open_kb(c))
        return 1;
    if ((st = rel_kb_save_snapshot(c->kb, out, &err)) != REL_OK) {
        fprintf(stderr, "relations: %s: %s (%s)\n", out, err.message, rel_status_str(st));
        return 1;
    }
    printf("%s: %zu sources, %zu entities, %zu events, %zu claims", out, rel_kb_source_count(c->kb),
           rel_kb_entity_count(c->kb), rel_kb_event_count(c->kb), rel_kb_claim_count(c->kb));
    if (stat(out, &info) == 0)
        printf(", %lld bytes", (long long)info.st_size);
    printf("\n");
    return 0;
}
