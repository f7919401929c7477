/* SPDX-License-Identifier: MIT */
/*
 * Read access to claims and their values, in memory or in a snapshot
 * (snapshot_read.c). The claimant and modality in a given source are
 * resolved here: a per-source override if there is one, else the claim's
 * default, and nothing where the source does not state the claim at all.
 */
#include <relations/claim.h>
#include <relations/evidence.h>

#include "claim_internal.h"
#include "kb_impl.h"
#include "snapshot_read.h"
#include "strview.h"

const char *rel_claim_id(const rel_claim *claim, size_t *len)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_id(claim, len);
    return rel__str_out(claim ? &claim->id : NULL, len);
}

const rel_value *rel_claim_subject(const rel_claim *claim)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_subject(claim);
    return claim ? &claim->subject : NULL;
}

const char *rel_claim_predicate(const rel_claim *claim, size_t *len)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_predicate(claim, len);
    return rel__str_out(claim ? &claim->predicate : NULL, len);
}

const rel_value *rel_claim_object(const rel_claim *claim)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_object(claim);
    return claim ? &claim->object : NULL;
}

const rel_entity *rel_claim_claimant(const rel_claim *claim)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_claimant(claim);
    return claim ? claim->claimant : NULL;
}

int32_t rel_claim_modality(const rel_claim *claim)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_modality(claim);
    return claim ? claim->modality : REL_MODALITY_NONE;
}

int32_t rel_claim_polarity(const rel_claim *claim)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_polarity(claim);
    return claim ? claim->polarity : REL_POLARITY_POSITIVE;
}

size_t rel_claim__version_count(const rel_claim *claim)
{
    return rel__mapped(claim) ? rel_snapshot__claim_version_count(claim) : claim->version_count;
}

void rel_claim__version_at(const rel_claim *claim, size_t i, const rel_source **source, const rel_entity **claimant,
                           int32_t *modality)
{
    const rel_claim_version *v;

    if (rel__mapped(claim)) {
        rel_snapshot__claim_version_at(claim, i, source, claimant, modality);
        return;
    }
    v = &claim->versions[i];
    *source = v->source;
    *claimant = v->claimant;
    *modality = v->modality;
}

static int stated_in(const rel_claim *claim, const rel_source *source)
{
    size_t i, n = rel_claim_evidence_count(claim);

    for (i = 0; i < n; i++)
        if (rel_evidence_source(rel_claim_evidence_at(claim, i)) == source)
            return 1;
    return 0;
}

/* The claimant and modality the claim has in a source that states it. */
static void resolve_in(const rel_claim *claim, const rel_source *source, const rel_entity **claimant,
                       int32_t *modality)
{
    size_t i, n = rel_claim__version_count(claim);
    const rel_source *s;
    const rel_entity *c;
    int32_t m;

    *claimant = rel_claim_claimant(claim);
    *modality = rel_claim_modality(claim);
    for (i = 0; i < n; i++) {
        rel_claim__version_at(claim, i, &s, &c, &m);
        if (s != source)
            continue;
        if (c)
            *claimant = c;
        if (m != REL_MODALITY_NONE)
            *modality = m;
        return;
    }
}

const rel_entity *rel_claim_claimant_in(const rel_claim *claim, const rel_source *source)
{
    const rel_entity *claimant;
    int32_t modality;

    if (!claim || !source || !stated_in(claim, source))
        return NULL;
    resolve_in(claim, source, &claimant, &modality);
    return claimant;
}

int32_t rel_claim_modality_in(const rel_claim *claim, const rel_source *source)
{
    const rel_entity *claimant;
    int32_t modality;

    if (!claim || !source || !stated_in(claim, source))
        return REL_MODALITY_NONE;
    resolve_in(claim, source, &claimant, &modality);
    return modality;
}

size_t rel_claim_relation_count(const rel_claim *claim)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_relation_count(claim);
    return claim ? claim->relation_count : 0;
}

int32_t rel_claim_relation_type(const rel_claim *claim, size_t i)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_relation_type(claim, i);
    return claim && i < claim->relation_count ? claim->relations[i].type : 0;
}

const rel_claim *rel_claim_relation_target(const rel_claim *claim, size_t i)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_relation_target(claim, i);
    return claim && i < claim->relation_count ? claim->relations[i].target : NULL;
}

size_t rel_claim_evidence_count(const rel_claim *claim)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_evidence_count(claim);
    return claim ? claim->evidence.count : 0;
}

const rel_evidence *rel_claim_evidence_at(const rel_claim *claim, size_t i)
{
    if (claim && rel__mapped(claim))
        return rel_snapshot__claim_evidence_at(claim, i);
    return claim && i < claim->evidence.count ? claim->evidence.items[i] : NULL;
}

/* ---- values ---- */

int32_t rel_value_kind(const rel_value *value)
{
    if (value && rel__mapped(value))
        return rel_snapshot__value_kind(value);
    return value ? value->kind : REL_VALUE_NONE;
}

/* The object a value names if it is of the kind asked for, else NULL. */
static const void *value_ref(const rel_value *value, int32_t kind)
{
    if (!value || rel_value_kind(value) != kind)
        return NULL;
    return rel__mapped(value) ? rel_snapshot__value_object(value) : value->ref;
}

const rel_entity *rel_value_entity(const rel_value *value)
{
    return value_ref(value, REL_VALUE_ENTITY);
}

const rel_event *rel_value_event(const rel_value *value)
{
    return value_ref(value, REL_VALUE_EVENT);
}

const rel_claim *rel_value_claim(const rel_value *value)
{
    return value_ref(value, REL_VALUE_CLAIM);
}

const char *rel_value_text(const rel_value *value, size_t *len)
{
    if (value && rel__mapped(value))
        return rel_snapshot__value_text(value, len);
    return rel__str_out(value ? &value->text : NULL, len);
}

rel_status rel_value_quantity(const rel_value *value, double *out)
{
    if (!value || !out || rel_value_kind(value) != REL_VALUE_QUANTITY)
        return REL_ERR_ARG;
    *out = rel__mapped(value) ? rel_snapshot__value_number(value) : value->number;
    return REL_OK;
}

const rel_time *rel_value_time(const rel_value *value)
{
    if (!value || rel_value_kind(value) != REL_VALUE_TIME)
        return NULL;
    return rel__mapped(value) ? rel_snapshot__value_time(value) : value->time;
}

size_t rel_claim__index(const rel_claim *claim)
{
    return rel__mapped(claim) ? rel_snapshot__claim_index(claim) : claim->index;
}
