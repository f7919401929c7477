/* SPDX-License-Identifier: MIT */
/*
 * The seeded, deterministic generator of the benchmark's workload: entities
 * with aliases, events between actors, claims about the events with
 * evidence in a few long sources. Everything is held in plain arrays so
 * that both contenders are loaded from the same data.
 */
#ifndef BENCH_GENERATE_H
#define BENCH_GENERATE_H

#include <stddef.h>
#include <stdint.h>

/** A small, fast pseudo-random generator (xoshiro256**, seeded through splitmix64). */
typedef struct gen_rng {
    uint64_t s[4];
} gen_rng;

void gen_rng_seed(gen_rng *r, uint64_t seed);
uint64_t gen_rng_next(gen_rng *r);
/** A number in [0, n), n > 0. */
uint64_t gen_rng_below(gen_rng *r, uint64_t n);
/** A number in [0, 1). */
double gen_rng_unit(gen_rng *r);

/** gen_event::place of an event without a location. */
#define GEN_NO_PLACE UINT32_MAX
/** The most aliases an entity gets (besides its name). */
#define GEN_MAX_ALIASES 3

typedef struct gen_entity {
    uint32_t name;                   /* offset of the name in gen_data::strings */
    uint32_t alias[GEN_MAX_ALIASES]; /* offsets of the aliases */
    uint8_t alias_count;
    uint8_t kind;                    /* a rel_entity_kind_code */
} gen_entity;

typedef struct gen_event {
    uint32_t actor;  /* entity index (role agent) */
    uint32_t target; /* entity index (role recipient), never the actor */
    uint32_t place;  /* entity index (role location), or GEN_NO_PLACE */
    uint32_t date;   /* YYYYMMDD */
    uint16_t type;   /* index into gen_event_type() */
} gen_event;

typedef struct gen_claim {
    uint32_t text;     /* offset of its object, a literal of about 80 bytes, in gen_data::claim_texts */
    uint32_t event;    /* what the claim is about (its subject) */
    uint32_t claimant; /* entity index */
    uint32_t start;    /* evidence span: bytes [start, end) of the source's text */
    uint32_t end;
    uint8_t source;    /* index into gen_data::sources */
    uint8_t modality;  /* a rel_modality_code other than none */
    uint8_t predicate; /* index into gen_predicate() */
    uint8_t text_len;  /* the literal's length in bytes */
} gen_claim;

typedef struct gen_source {
    char *text;
    size_t len;
} gen_source;

typedef struct gen_data {
    double scale;
    uint64_t seed;
    size_t entity_count, alias_count, event_count, claim_count, source_count;
    size_t actor_count;   /* entities that take part as actor or target */
    gen_entity *entities;
    uint32_t *actors;     /* entity indices of the actors, most frequent first (Zipf rank order) */
    char *strings;        /* names and aliases, each NUL-terminated */
    size_t strings_len, strings_cap;
    gen_event *events;
    gen_claim *claims;
    char *claim_texts;    /* the claims' literals, each NUL-terminated */
    gen_source *sources;
} gen_data;

/** The largest scale gen_make() accepts. */
#define GEN_MAX_SCALE 10.0

/** Generates the workload at @p scale (1.0 is the full size, at most #GEN_MAX_SCALE) from @p seed. 0 on success. */
int gen_make(gen_data *g, double scale, uint64_t seed);
void gen_free(gen_data *g);

/** A NUL-terminated name or alias. */
static inline const char *gen_str(const gen_data *g, uint32_t off) { return g->strings + off; }

/** The literal (about 80 bytes, NUL-terminated) of claim @p i. */
static inline const char *gen_claim_text(const gen_data *g, size_t i) { return g->claim_texts + g->claims[i].text; }

/** Event types ("AID.military"), predicates ("reports"), by index. */
const char *gen_event_type(unsigned i);
const char *gen_predicate(unsigned i);

/** The ids of the objects: "e12" (entity), "v12" (event), "c12" (claim), "s3" (source). */
#define GEN_ID_CAP 24
void gen_entity_id(size_t i, char *buf);
void gen_event_id(size_t i, char *buf);
void gen_claim_id(size_t i, char *buf);
void gen_source_id(size_t i, char *buf);

/** The date of an event as an EDTF day, "YYYY-MM-DD" (buf of at least 11 bytes). */
void gen_date_text(uint32_t date, char *buf);

#endif /* BENCH_GENERATE_H */
