/* SPDX-License-Identifier: MIT */
/*
 * embed.c: the smallest useful program on librelations.
 *
 * It opens the built-in knowledge base (three versions of the article
 * "Iran–North Korea relations") and prints every claim: who makes it, how
 * surely, and the exact words of each version that states it.
 *
 * Build it against an installed library with
 *     cc embed.c $(pkg-config --cflags --libs relations) -o embed
 */
#include <relations.h>

#include <stdio.h>

int main(void)
{
    rel_kb *kb;
    rel_error err;
    size_t i, j, k;

    /* Every call returns a status; details of a failure go into err. */
    if (rel_kb_open_builtin(&kb, NULL, &err) != REL_OK) {
        fprintf(stderr, "cannot open the knowledge base: %s\n", err.message);
        return 1;
    }

    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        /* Claims, sources and evidence are borrowed: they live as long as kb. */
        const rel_claim *claim = rel_kb_claim_at(kb, i);

        printf("%s: %s\n", rel_claim_id(claim, NULL), rel_claim_predicate(claim, NULL));

        /* A version may attribute the claim to someone else, or hedge it. */
        for (j = 0; j < rel_kb_source_count(kb); j++) {
            const rel_source *source = rel_kb_source_at(kb, j);
            int32_t modality = rel_claim_modality_in(claim, source);

            if (modality == REL_MODALITY_NONE)
                continue; /* this version does not state the claim */
            printf("  in %.3s: %s by %s\n", rel_source_id(source, NULL), rel_modality_name(modality),
                   rel_entity_name(rel_claim_claimant_in(claim, source), NULL));

            for (k = 0; k < rel_claim_evidence_count(claim); k++) {
                const rel_evidence *ev = rel_claim_evidence_at(claim, k);
                size_t len;
                /* Evidence text points into the source: use its length. */
                const char *text = rel_evidence_text(ev, &len);

                if (rel_evidence_source(ev) == source)
                    printf("    \"%.*s\"\n", (int)len, text);
            }
        }
    }
    rel_kb_free(kb);
    return 0;
}
