/* SPDX-License-Identifier: MIT */
/*
 * The read calls on a knowledge base opened from a snapshot. The public
 * getters (entity.c, event.c, ...) come here when rel__mapped() says the
 * handle is a snapshot record; each call here has the same contract as the
 * public call it serves, for a handle that is not NULL. The kb-level calls
 * take the knowledge base's rel_snapshot.
 */
#ifndef REL_LIB_SNAPSHOT_READ_H
#define REL_LIB_SNAPSHOT_READ_H

#include "kb_impl.h"
#include "snapshot_impl.h"

/* ---- the knowledge base ---- */

/* How many records a section holds (SNAP_SOURCES, SNAP_ENTITIES, ...). */
size_t rel_snapshot__count(const rel_snapshot *s, int section);
/* Record i of an object section as a handle, or NULL out of range. */
const void *rel_snapshot__at(const rel_snapshot *s, int section, size_t i);
/* The object an id names, its kind in *kind (REL_OBJECT_NONE if none). */
const void *rel_snapshot__find_id(const rel_snapshot *s, const char *id, size_t len, int32_t *kind);
/* One kind's object by id: NULL if none. */
const void *rel_snapshot__find_kind(const rel_snapshot *s, int32_t kind, const char *id, size_t len);
/* The entities under one alias key (text already normalised for REL_MATCH_NORMALISED). */
rel_status rel_snapshot__find_alias(const rel_snapshot *s, int32_t match, const char *key, size_t len,
                                    const rel_entity **out, size_t cap, size_t *count);
const char *rel_snapshot__predicate_name(const rel_snapshot *s, size_t i, size_t *len);
uint32_t rel_snapshot__predicate_flags(const rel_snapshot *s, size_t i);
/* The flags of a predicate by name, or 0 if it was never declared. */
uint32_t rel_snapshot__predicate_flags_of(const rel_snapshot *s, const char *name, size_t len);
const rel_evidence *rel_snapshot__unannotated_at(const rel_snapshot *s, size_t i);
const char *rel_snapshot__unannotated_reason(const rel_snapshot *s, size_t i, size_t *len);

/* The alias keys of one match (REL_MATCH_EXACT or _NORMALISED), for copying a snapshot. */
size_t rel_snapshot__alias_key_count(const rel_snapshot *s, int32_t match);
const char *rel_snapshot__alias_key(const rel_snapshot *s, int32_t match, size_t i, size_t *len,
                                    const uint32_t **entities, size_t *entity_count);

/* ---- sources ---- */

const char *rel_snapshot__source_id(const rel_source *source, size_t *len);
const char *rel_snapshot__source_text(const rel_source *source, size_t *len);
/* field is an enum source_meta value. */
const char *rel_snapshot__source_meta(const rel_source *source, int field, size_t *len);
const rel_source *rel_snapshot__source_revises(const rel_source *source);
size_t rel_snapshot__source_index(const rel_source *source);

/* ---- entities ---- */

const char *rel_snapshot__entity_id(const rel_entity *entity, size_t *len);
int32_t rel_snapshot__entity_kind(const rel_entity *entity);
const char *rel_snapshot__entity_name(const rel_entity *entity, size_t *len);
size_t rel_snapshot__entity_alias_count(const rel_entity *entity);
const char *rel_snapshot__entity_alias_text(const rel_entity *entity, size_t i, size_t *len);
const char *rel_snapshot__entity_alias_lang(const rel_entity *entity, size_t i, size_t *len);
size_t rel_snapshot__entity_evidence_count(const rel_entity *entity);
const rel_evidence *rel_snapshot__entity_evidence_at(const rel_entity *entity, size_t i);
/* The entity's position in the knowledge base. */
size_t rel_snapshot__entity_index(const rel_entity *entity);

/* ---- events ---- */

const char *rel_snapshot__event_id(const rel_event *event, size_t *len);
const char *rel_snapshot__event_type(const rel_event *event, size_t *len);
size_t rel_snapshot__event_participant_count(const rel_event *event);
const rel_entity *rel_snapshot__event_participant_entity(const rel_event *event, size_t i);
int32_t rel_snapshot__event_participant_role(const rel_event *event, size_t i);
const rel_time *rel_snapshot__event_time(const rel_event *event);
const char *rel_snapshot__event_time_text(const rel_event *event, size_t *len);
size_t rel_snapshot__event_evidence_count(const rel_event *event);
const rel_evidence *rel_snapshot__event_evidence_at(const rel_event *event, size_t i);
size_t rel_snapshot__event_index(const rel_event *event);

/* ---- claims ---- */

const char *rel_snapshot__claim_id(const rel_claim *claim, size_t *len);
const rel_value *rel_snapshot__claim_subject(const rel_claim *claim);
const char *rel_snapshot__claim_predicate(const rel_claim *claim, size_t *len);
const rel_value *rel_snapshot__claim_object(const rel_claim *claim);
const rel_entity *rel_snapshot__claim_claimant(const rel_claim *claim);
int32_t rel_snapshot__claim_modality(const rel_claim *claim);
int32_t rel_snapshot__claim_polarity(const rel_claim *claim);
size_t rel_snapshot__claim_version_count(const rel_claim *claim);
void rel_snapshot__claim_version_at(const rel_claim *claim, size_t i, const rel_source **source,
                                    const rel_entity **claimant, int32_t *modality);
size_t rel_snapshot__claim_relation_count(const rel_claim *claim);
int32_t rel_snapshot__claim_relation_type(const rel_claim *claim, size_t i);
const rel_claim *rel_snapshot__claim_relation_target(const rel_claim *claim, size_t i);
size_t rel_snapshot__claim_evidence_count(const rel_claim *claim);
const rel_evidence *rel_snapshot__claim_evidence_at(const rel_claim *claim, size_t i);
size_t rel_snapshot__claim_index(const rel_claim *claim);

/* ---- values ---- */

int32_t rel_snapshot__value_kind(const rel_value *value);
/* The entity, event or claim the value names (whichever its kind says), or NULL. */
const void *rel_snapshot__value_object(const rel_value *value);
const char *rel_snapshot__value_text(const rel_value *value, size_t *len);
double rel_snapshot__value_number(const rel_value *value);
const rel_time *rel_snapshot__value_time(const rel_value *value);

/* ---- evidence ---- */

const rel_source *rel_snapshot__evidence_source(const rel_evidence *evidence);
uint64_t rel_snapshot__evidence_start(const rel_evidence *evidence);
uint64_t rel_snapshot__evidence_end(const rel_evidence *evidence);

#endif
