/* SPDX-License-Identifier: MIT */
/*
 * The JSON names of every enumerated code, in one place, so that the
 * importer, the exporter and the command line agree on them.
 */
#include <relations/claim.h>
#include <relations/entity.h>
#include <relations/event.h>

#include "text.h"

#include <string.h>

static const char *const entity_kinds[] = {
    "other", "state", "polity", "organisation", "group", "person", "place",
    "artifact", "weapon", "publication", "treaty", "conflict", "period", "ideology",
};

static const char *const roles[] = {
    "participant", "agent", "recipient", "target", "location", "instrument", "theme", "context",
};

/* Index 0 (REL_MODALITY_NONE) has no name: it is never written. */
static const char *const modalities[] = {
    NULL, "asserted", "reported", "alleged", "presumed", "believed", "disputed", "denied", "hedged",
};

static const char *const relations[] = {
    NULL, "supports", "contradicts", "disputes", "rewords", "hedges",
};

#define COUNT(a) ((int32_t)(sizeof(a) / sizeof((a)[0])))

static const char *name_of(const char *const *names, int32_t count, int32_t code)
{
    return code >= 0 && code < count ? names[code] : NULL;
}

static rel_status code_of(const char *const *names, int32_t count, const char *name, size_t len, int32_t *out)
{
    int32_t i;

    if (!name || !out)
        return REL_ERR_ARG;
    len = rel__len(name, len);
    for (i = 0; i < count; i++) {
        if (names[i] && strlen(names[i]) == len && memcmp(names[i], name, len) == 0) {
            *out = i;
            return REL_OK;
        }
    }
    return REL_ERR_NOT_FOUND;
}

const char *rel_entity_kind_name(int32_t kind)
{
    return name_of(entity_kinds, COUNT(entity_kinds), kind);
}

rel_status rel_entity_kind_from_name(const char *name, size_t len, int32_t *out)
{
    return code_of(entity_kinds, COUNT(entity_kinds), name, len, out);
}

const char *rel_role_name(int32_t role)
{
    return name_of(roles, COUNT(roles), role);
}

rel_status rel_role_from_name(const char *name, size_t len, int32_t *out)
{
    return code_of(roles, COUNT(roles), name, len, out);
}

const char *rel_modality_name(int32_t modality)
{
    return name_of(modalities, COUNT(modalities), modality);
}

rel_status rel_modality_from_name(const char *name, size_t len, int32_t *out)
{
    return code_of(modalities, COUNT(modalities), name, len, out);
}

const char *rel_relation_name(int32_t relation)
{
    return name_of(relations, COUNT(relations), relation);
}

rel_status rel_relation_from_name(const char *name, size_t len, int32_t *out)
{
    return code_of(relations, COUNT(relations), name, len, out);
}
