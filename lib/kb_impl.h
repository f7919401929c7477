/* SPDX-License-Identifier: MIT */
/*
 * The layout of the knowledge base and of the objects borrowed from it.
 * Every object is allocated on its own and held by pointer, so that adding
 * to a knowledge base never moves what a caller already holds.
 */
#ifndef REL_LIB_KB_IMPL_H
#define REL_LIB_KB_IMPL_H

#include <relations/claim.h>
#include <relations/entity.h>
#include <relations/event.h>
#include <relations/evidence.h>
#include <relations/kb.h>
#include <relations/source.h>

#include "index.h"
#include "map.h"

#include <pthread.h>
#include <stdatomic.h>

enum source_meta {
    META_TITLE,
    META_LABEL,
    META_LANG,
    META_DATE,
    META_URL,
    META_LICENCE,
    META_PATH,
    META_COUNT
};

/* A string owned by the knowledge base: NUL-terminated, with its length. */
typedef struct rel_str {
    char *ptr; /* NULL: absent */
    size_t len;
} rel_str;

struct rel_source {
    rel_str id;
    rel_str text;
    rel_str meta[META_COUNT];
    const rel_source *revises;
    size_t index;
};

struct rel_evidence {
    const rel_source *source;
    uint64_t start;
    uint64_t end;
};

typedef struct rel_evidence_list {
    rel_evidence **items;
    size_t count;
    size_t cap;
} rel_evidence_list;

typedef struct rel_alias {
    rel_str text;
    rel_str lang;
} rel_alias;

struct rel_entity {
    rel_str id;
    int32_t kind;
    rel_str name;
    rel_alias *aliases;
    size_t alias_count;
    size_t alias_cap;
    rel_evidence_list evidence;
    size_t index; /* position in the knowledge base */
};

typedef struct rel_participant {
    const rel_entity *entity;
    int32_t role;
} rel_participant;

struct rel_event {
    rel_str id;
    rel_str type;
    rel_participant *participants;
    size_t participant_count;
    size_t participant_cap;
    rel_time *time;
    rel_str time_text;
    rel_evidence_list evidence;
    size_t index;
};

struct rel_value {
    int32_t kind;
    const void *ref;  /* entity, event or claim */
    rel_str text;     /* literal, unit, or the words of a time */
    double number;
    rel_time *time;
};

typedef struct rel_claim_version {
    const rel_source *source;
    const rel_entity *claimant; /* NULL: the claim's default */
    int32_t modality;           /* REL_MODALITY_NONE: the claim's default */
} rel_claim_version;

typedef struct rel_claim_relation {
    int32_t type;
    const rel_claim *target;
} rel_claim_relation;

struct rel_claim {
    rel_str id;
    rel_value subject;
    rel_str predicate;
    rel_value object;
    const rel_entity *claimant;
    int32_t modality;
    int32_t polarity;
    rel_claim_version *versions;
    size_t version_count;
    size_t version_cap;
    rel_claim_relation *relations;
    size_t relation_count;
    size_t relation_cap;
    rel_evidence_list evidence;
    size_t index;
};

/* The entities that share one alias key (exact or normalised). */
typedef struct rel_alias_bucket {
    rel_str key;
    const rel_entity **entities;
    size_t count;
    size_t cap;
} rel_alias_bucket;

/* A growable array of object pointers. */
typedef struct rel_ptr_list {
    void **items;
    size_t count;
    size_t cap;
} rel_ptr_list;

/* A predicate declared with rel_kb_add_predicate(). */
typedef struct rel_predicate {
    rel_str name;
    uint32_t flags;
} rel_predicate;

/* A passage deliberately left unannotated, and why. */
typedef struct rel_gap {
    rel_evidence span;
    rel_str reason;
} rel_gap;

struct rel_kb {
    rel_allocator alloc;
    char *base_dir;
    rel_ptr_list sources;
    rel_ptr_list entities;
    rel_ptr_list events;
    rel_ptr_list claims;
    rel_ptr_list predicates;  /* rel_predicate */
    rel_ptr_list gaps;        /* rel_gap */
    rel_map predicate_names;  /* name -> rel_predicate */
    /* Event times and words replaced by rel_kb_set_event_time(): a caller may
     * still hold them, and borrowed pointers live until rel_kb_free(). */
    rel_ptr_list retired_times;
    rel_ptr_list retired_strings;
    rel_map ids;          /* id -> object, tag = REL_OBJECT_* */
    rel_map alias_exact;  /* alias text -> rel_alias_bucket */
    rel_map alias_norm;   /* normalised alias -> rel_alias_bucket */
    rel_error error;      /* detail of the last write call */
    /* Built by the first query; readers race to it, so it is published
     * atomically under index_lock. */
    _Atomic(rel_index *) index;
    pthread_mutex_t index_lock;
};

/* The position of an object in its knowledge base (rel_kb_entity_at() and friends). */
size_t rel_entity__index(const rel_entity *e);
size_t rel_event__index(const rel_event *ev);
size_t rel_claim__index(const rel_claim *c);

/* Looks an id up; returns the object and sets *kind, or NULL. */
void *rel_kb__lookup(const rel_kb *kb, const char *id, size_t len, int32_t *kind);

/* The evidence list of an entity, event or claim. */
rel_evidence_list *rel_kb__evidence_of(void *object, int32_t kind);

#endif
