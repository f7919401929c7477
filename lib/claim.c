/* SPDX-License-Identifier: MIT */
/*
 * Read access to claims and their values. The claimant and modality in a
 * given source are resolved here: a per-source override if there is one,
 * else the claim's default, and nothing where the source does not state
 * the claim at all.
 */
#include <relations/claim.h>

#include "kb_impl.h"
#include "strview.h"

const char *rel_claim_id(const rel_claim *claim, size_t *len)
{
    return rel__str_out(claim ? &claim->id : NULL, len);
}

const rel_value *rel_claim_subject(const rel_claim *claim)
{
    return claim ? &claim->subject : NULL;
}

const char *rel_claim_predicate(const rel_claim *claim, size_t *len)
{
    return rel__str_out(claim ? &claim->predicate : NULL, len);
}

const rel_value *rel_claim_object(const rel_claim *claim)
{
    return claim ? &claim->object : NULL;
}

const rel_entity *rel_claim_claimant(const rel_claim *claim)
{
    return claim ? claim->claimant : NULL;
}

int32_t rel_claim_modality(const rel_claim *claim)
{
    return claim ? claim->modality : REL_MODALITY_NONE;
}

int32_t rel_claim_polarity(const rel_claim *claim)
{
    return claim ? claim->polarity : REL_POLARITY_POSITIVE;
}

static int stated_in(const rel_claim *claim, const rel_source *source)
{
    size_t i;

    for (i = 0; i < claim->evidence.count; i++)
        if (claim->evidence.items[i]->source == source)
            return 1;
    return 0;
}

static const rel_claim_version *version_in(const rel_claim *claim, const rel_source *source)
{
    size_t i;

    for (i = 0; i < claim->version_count; i++)
        if (claim->versions[i].source == source)
            return &claim->versions[i];
    return NULL;
}

const rel_entity *rel_claim_claimant_in(const rel_claim *claim, const rel_source *source)
{
    const rel_claim_version *v;

    if (!claim || !source || !stated_in(claim, source))
        return NULL;
    v = version_in(claim, source);
    return v && v->claimant ? v->claimant : claim->claimant;
}

int32_t rel_claim_modality_in(const rel_claim *claim, const rel_source *source)
{
    const rel_claim_version *v;

    if (!claim || !source || !stated_in(claim, source))
        return REL_MODALITY_NONE;
    v = version_in(claim, source);
    return v && v->modality != REL_MODALITY_NONE ? v->modality : claim->modality;
}

size_t rel_claim_relation_count(const rel_claim *claim)
{
    return claim ? claim->relation_count : 0;
}

int32_t rel_claim_relation_type(const rel_claim *claim, size_t i)
{
    return claim && i < claim->relation_count ? claim->relations[i].type : 0;
}

const rel_claim *rel_claim_relation_target(const rel_claim *claim, size_t i)
{
    return claim && i < claim->relation_count ? claim->relations[i].target : NULL;
}

size_t rel_claim_evidence_count(const rel_claim *claim)
{
    return claim ? claim->evidence.count : 0;
}

const rel_evidence *rel_claim_evidence_at(const rel_claim *claim, size_t i)
{
    return claim && i < claim->evidence.count ? claim->evidence.items[i] : NULL;
}

int32_t rel_value_kind(const rel_value *value)
{
    return value ? value->kind : REL_VALUE_NONE;
}

const rel_entity *rel_value_entity(const rel_value *value)
{
    return value && value->kind == REL_VALUE_ENTITY ? value->ref : NULL;
}

const rel_event *rel_value_event(const rel_value *value)
{
    return value && value->kind == REL_VALUE_EVENT ? value->ref : NULL;
}

const rel_claim *rel_value_claim(const rel_value *value)
{
    return value && value->kind == REL_VALUE_CLAIM ? value->ref : NULL;
}

const char *rel_value_text(const rel_value *value, size_t *len)
{
    return rel__str_out(value ? &value->text : NULL, len);
}

rel_status rel_value_quantity(const rel_value *value, double *out)
{
    if (!value || !out || value->kind != REL_VALUE_QUANTITY)
        return REL_ERR_ARG;
    *out = value->number;
    return REL_OK;
}

const rel_time *rel_value_time(const rel_value *value)
{
    return value && value->kind == REL_VALUE_TIME ? value->time : NULL;
}

size_t rel_claim__index(const rel_claim *claim)
{
    return claim->index;
}
