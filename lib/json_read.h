/* SPDX-License-Identifier: MIT */
/* Converting one parsed JSON record into builder calls. */
#ifndef REL_LIB_JSON_READ_H
#define REL_LIB_JSON_READ_H

#include <relations/kb.h>

#include "json_tree.h"

/* The top-level arrays, in the order their records can be added. */
enum json_section { SEC_SOURCES, SEC_PREDICATES, SEC_ENTITIES, SEC_EVENTS, SEC_CLAIMS, SEC_UNANNOTATED, SEC_COUNT };

/* The names of the sections, indexed by json_section. */
extern const char *const rel_json__section_names[SEC_COUNT];

/* A claim relation read before its target may exist. */
typedef struct json_pending_relation {
    char *claim;
    char *target;
    size_t target_len; /* not yet checked: it may hold a NUL */
    int32_t type;
    uint64_t offset;
    size_t index; /* of the claim in its array, for messages */
} json_pending_relation;

typedef struct json_record_ctx {
    rel_kb *kb;
    rel_error *err;
    const char *base_dir; /* for relative source paths; NULL: working directory */
    json_pending_relation *relations;
    size_t relation_count;
    size_t relation_cap;
} json_record_ctx;

/*
 * Adds one record of a section to the knowledge base. Returns REL_OK, or an
 * error with err filled (message prefixed with "claims[3]: " and the
 * offset of the offending value). For claims, REL_ERR_REFERENCE may mean a
 * claim that appears later: the caller retries those at the end.
 */
rel_status rel_json__add_record(json_record_ctx *ctx, int section, size_t index, const jt_node *rec);

/* Adds the claim relations collected while reading claims. */
rel_status rel_json__add_relations(json_record_ctx *ctx);

void rel_json__free_relations(json_record_ctx *ctx);

#endif
