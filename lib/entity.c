/* SPDX-License-Identifier: MIT */
/* Read access to entities. */
#include <relations/entity.h>

#include "kb_impl.h"
#include "strview.h"

const char *rel_entity_id(const rel_entity *entity, size_t *len)
{
    return rel__str_out(entity ? &entity->id : NULL, len);
}

int32_t rel_entity_kind(const rel_entity *entity)
{
    return entity ? entity->kind : REL_ENTITY_OTHER;
}

const char *rel_entity_name(const rel_entity *entity, size_t *len)
{
    return rel__str_out(entity ? &entity->name : NULL, len);
}

size_t rel_entity_alias_count(const rel_entity *entity)
{
    return entity ? entity->alias_count : 0;
}

const char *rel_entity_alias_text(const rel_entity *entity, size_t i, size_t *len)
{
    return rel__str_out(entity && i < entity->alias_count ? &entity->aliases[i].text : NULL, len);
}

const char *rel_entity_alias_lang(const rel_entity *entity, size_t i, size_t *len)
{
    return rel__str_out(entity && i < entity->alias_count ? &entity->aliases[i].lang : NULL, len);
}

size_t rel_entity_evidence_count(const rel_entity *entity)
{
    return entity ? entity->evidence.count : 0;
}

const rel_evidence *rel_entity_evidence_at(const rel_entity *entity, size_t i)
{
    return entity && i < entity->evidence.count ? entity->evidence.items[i] : NULL;
}

size_t rel_entity__index(const rel_entity *entity)
{
    return entity->index;
}
