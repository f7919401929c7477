/* SPDX-License-Identifier: MIT */
/* Lib-only read calls on claims, for either layout: the per-source versions as stored. */
#ifndef REL_LIB_CLAIM_INTERNAL_H
#define REL_LIB_CLAIM_INTERNAL_H

#include <relations/claim.h>

/* How many sources override the claim's claimant or modality. */
size_t rel_claim__version_count(const rel_claim *claim);

/*
 * Version i (below rel_claim__version_count()): its source, its claimant
 * (NULL: the claim's own) and its modality (REL_MODALITY_NONE: the claim's own).
 */
void rel_claim__version_at(const rel_claim *claim, size_t i, const rel_source **source, const rel_entity **claimant,
                           int32_t *modality);

#endif
