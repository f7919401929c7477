/* SPDX-License-Identifier: MIT */
/*
 * The few rules of the file format that are code rather than layout: how
 * big each section's records are, the hash of the lookup tables, and how a
 * string is read from the pool. Shared by the writer, the checks and the
 * getters so that they cannot disagree.
 */
#include "snapshot_format.h"

#include "time_impl.h"

#include <string.h>
#include <xxhash.h>

size_t rel_snapshot__record_size(int section)
{
    switch (section) {
    case SNAP_SOURCES: return sizeof(snap_source);
    case SNAP_ENTITIES: return sizeof(snap_entity);
    case SNAP_EVENTS: return sizeof(snap_event);
    case SNAP_CLAIMS: return sizeof(snap_claim);
    case SNAP_ENTITY_EVIDENCE:
    case SNAP_EVENT_EVIDENCE:
    case SNAP_CLAIM_EVIDENCE:
    case SNAP_GAP_EVIDENCE: return sizeof(snap_evidence);
    case SNAP_ALIASES: return sizeof(snap_alias);
    case SNAP_PARTICIPANTS: return sizeof(snap_participant);
    case SNAP_VERSIONS: return sizeof(snap_version);
    case SNAP_RELATIONS: return sizeof(snap_relation);
    case SNAP_TIMES: return sizeof(rel_time);
    case SNAP_NUMBERS: return sizeof(double);
    case SNAP_PREDICATES: return sizeof(snap_predicate);
    case SNAP_GAPS: return sizeof(snap_gap);
    case SNAP_EXACT_KEYS:
    case SNAP_NORM_KEYS: return sizeof(snap_alias_key);
    case SNAP_SOURCE_IDS:
    case SNAP_ENTITY_IDS:
    case SNAP_EVENT_IDS:
    case SNAP_CLAIM_IDS:
    case SNAP_PREDICATE_NAMES:
    case SNAP_EXACT_ENTITIES:
    case SNAP_EXACT_SLOTS:
    case SNAP_NORM_ENTITIES:
    case SNAP_NORM_SLOTS: return sizeof(uint32_t);
    default: return 1;
    }
}

uint64_t rel_snapshot__hash(const char *key, size_t len)
{
    return XXH3_64bits(key, len);
}

int rel_snapshot__string(const char *base, uint64_t at, const char **s, size_t *len)
{
    const snap_section *pool;
    const char *p;
    uint32_t n;

    *s = NULL;
    *len = 0;
    if (at == 0)
        return 1;
    pool = &((const snap_header *)(const void *)base)->sections[SNAP_STRINGS];
    if (at % 4 != 0 || at >= pool->length)
        return 0;
    p = base + pool->offset + at;
    memcpy(&n, p - sizeof(n), sizeof(n));
    if (n >= pool->length - at || p[n] != '\0')
        return 0;
    *s = p;
    *len = n;
    return 1;
}
