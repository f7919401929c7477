/* SPDX-License-Identifier: MIT */
/*
 * compare.c: what changed between two versions of the article.
 *
 * rel_diff_sources() compares the versions fact by fact: what one adds or
 * drops, rewords, hedges, attributes to someone else, or contradicts. Each
 * difference comes with the exact words of both versions.
 *
 * Build it against an installed library with
 *     cc compare.c $(pkg-config --cflags --libs relations) -o compare
 * and run it as "./compare 000 002" (source ids or unique prefixes).
 */
#include <relations.h>

#include <stdio.h>

static void print_side(const rel_difference *d, int32_t side, const char *label)
{
    size_t i, len;

    for (i = 0; i < rel_difference_evidence_count(d, side); i++) {
        /* Evidence text points into the source: it is not NUL-terminated. */
        const char *text = rel_evidence_text(rel_difference_evidence_at(d, side, i), &len);
        printf("    %s \"%.*s\"\n", label, (int)len, text);
    }
}

int main(int argc, char **argv)
{
    const rel_source *a, *b;
    rel_diff *diff;
    rel_kb *kb;
    rel_error err;
    size_t i;

    if (argc != 3) {
        fprintf(stderr, "usage: %s VERSION-A VERSION-B   (for example: 000 002)\n", argv[0]);
        return 2;
    }
    if (rel_kb_open_builtin(&kb, NULL, &err) != REL_OK) {
        fprintf(stderr, "cannot open the knowledge base: %s\n", err.message);
        return 1;
    }
    /* Ids or unique prefixes: "000" names 000_d477b4b9c20a8e87. */
    if (rel_kb_find_source(kb, argv[1], REL_NTS, &a) != REL_OK ||
        rel_kb_find_source(kb, argv[2], REL_NTS, &b) != REL_OK) {
        fprintf(stderr, "no single version matches %s or %s\n", argv[1], argv[2]);
        rel_kb_free(kb);
        return 1;
    }
    if (rel_diff_sources(&diff, kb, a, b, &err) != REL_OK) {
        fprintf(stderr, "cannot compare: %s\n", err.message);
        rel_kb_free(kb);
        return 1;
    }

    for (i = 0; i < rel_diff_count(diff); i++) {
        const rel_difference *d = rel_diff_at(diff, i);
        const rel_claim *claim = rel_difference_claim(d, REL_SIDE_A);

        /* Entities come and go with every sentence: show the claims and events. */
        if (rel_difference_object_kind(d) == REL_OBJECT_ENTITY)
            continue;
        printf("%s %s\n", rel_difference_kind_name(rel_difference_kind(d)),
               claim ? rel_claim_id(claim, NULL) : rel_event_id(rel_difference_event(d), NULL));
        print_side(d, REL_SIDE_A, "before:");
        print_side(d, REL_SIDE_B, "after: ");
    }
    rel_diff_free(diff); /* the diff is ours; the kb outlives it */
    rel_kb_free(kb);
    return 0;
}
