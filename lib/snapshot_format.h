/* SPDX-License-Identifier: MIT */
/*
 * The snapshot file, byte for byte. docs/snapshot.md describes it for
 * readers; this header is what the writer (snapshot_write.c builds the
 * sections, snapshot_file.c writes them), the checks (snapshot_open.c,
 * snapshot_check.c) and the mapped getters (snapshot_read.c) share.
 *
 * A snapshot is written in the byte order and with the word size of the
 * machine that writes it and read where it lies: every field is naturally
 * aligned in the file, every record array starts on an 8-byte boundary, and
 * nothing is converted on open.
 *
 *   header       snap_header: magic, version, fingerprint, length,
 *                checksum, then the section table
 *   sections     each: an 8-byte word holding the section's own offset,
 *                then its data (8-byte aligned), then zeros up to the next
 *                8-byte boundary
 *
 * Objects refer to each other by position (uint32_t, SNAP_NONE for none),
 * and to strings by their offset in the string pool (uint64_t, 0 for an
 * absent string). A pool entry is the string's length (uint32_t), its
 * bytes and a NUL, padded with zeros to a multiple of 4 bytes, so an
 * offset names the first byte and the length lies in the 4 bytes before.
 *
 * Finding the file from a handle. A handle (rel_source, rel_entity,
 * rel_event, rel_claim, rel_evidence) points at a record whose first word,
 * its tag, is its position + 1 (never 0, which marks an in-memory struct;
 * see kb_impl.h). So the record array starts at record - (tag - 1), the
 * word before the array holds the array's offset in the file, and the file
 * starts that many bytes earlier: no pointer is ever stored in the file,
 * and the getters need nothing but the handle. A claim's subject and
 * object (rel_value) are snap_value records inside the claim whose tags
 * say which of the two they are, and so where the claim starts. Every tag
 * and every section's leading offset is checked on open.
 *
 * Lists (an entity's aliases, an event's participants, a claim's versions,
 * any object's evidence) are ranges of a shared array, in object order:
 * each record holds where its list ends, and its list starts where the
 * previous record's ends (0 for the first record).
 */
#ifndef REL_LIB_SNAPSHOT_FORMAT_H
#define REL_LIB_SNAPSHOT_FORMAT_H

#include <relations/snapshot.h>
#include <relations/time.h>

#include <stddef.h>
#include <stdint.h>

/* "No object" in a uint32_t reference. */
#define SNAP_NONE UINT32_MAX

/* At most this many objects of one kind, entries of one shared array, or
 * bytes in one string: positions and tags (position + 1) fit in a uint32_t
 * beside SNAP_NONE. */
#define SNAP_MAX_COUNT (UINT32_MAX - 1u)

#define SNAP_MAGIC "RELSNAP" /* and its NUL: 8 bytes */

/* Written as a native uint32_t: read back on a machine of the other byte order it is 0x04030201. */
#define SNAP_BYTE_ORDER 0x01020304u

/* The tags of a claim's subject and object records (snap_value). */
#define SNAP_SUBJECT 1u
#define SNAP_OBJECT 2u

enum snap_section_id {
    SNAP_SOURCES,            /* snap_source */
    SNAP_ENTITIES,           /* snap_entity */
    SNAP_EVENTS,             /* snap_event */
    SNAP_CLAIMS,             /* snap_claim */
    SNAP_ENTITY_EVIDENCE,    /* snap_evidence, ranges of entities */
    SNAP_EVENT_EVIDENCE,     /* snap_evidence, ranges of events */
    SNAP_CLAIM_EVIDENCE,     /* snap_evidence, ranges of claims */
    SNAP_GAP_EVIDENCE,       /* snap_evidence, one per gap (same position) */
    SNAP_ALIASES,            /* snap_alias, ranges of entities */
    SNAP_PARTICIPANTS,       /* snap_participant, ranges of events */
    SNAP_VERSIONS,           /* snap_version, ranges of claims */
    SNAP_RELATIONS,          /* snap_relation, ranges of claims */
    SNAP_TIMES,              /* rel_time, distinct, referred to by position */
    SNAP_NUMBERS,            /* double: the numbers of quantities */
    SNAP_PREDICATES,         /* snap_predicate, in declaration order */
    SNAP_GAPS,               /* snap_gap, passages left unannotated */
    SNAP_SOURCE_IDS,         /* uint32_t hash slots: id -> source position */
    SNAP_ENTITY_IDS,         /* uint32_t hash slots: id -> entity position */
    SNAP_EVENT_IDS,          /* uint32_t hash slots: id -> event position */
    SNAP_CLAIM_IDS,          /* uint32_t hash slots: id -> claim position */
    SNAP_PREDICATE_NAMES,    /* uint32_t hash slots: name -> predicate position */
    SNAP_EXACT_KEYS,         /* snap_alias_key: the distinct names and aliases */
    SNAP_EXACT_ENTITIES,     /* uint32_t entity positions, ranges of exact keys */
    SNAP_EXACT_SLOTS,        /* uint32_t hash slots: name -> exact key position */
    SNAP_NORM_KEYS,          /* snap_alias_key: the distinct normalised names */
    SNAP_NORM_ENTITIES,      /* uint32_t entity positions, ranges of normalised keys */
    SNAP_NORM_SLOTS,         /* uint32_t hash slots: normalised name -> key position */
    SNAP_INDEX,              /* the query indexes: a block of index.h, as it is */
    SNAP_STRINGS,            /* the string pool; last, so the file ends with a NUL */
    SNAP_SECTION_COUNT
};

/*
 * One section. offset is where its data starts (a multiple of 8, with the
 * same number stored in the 8 bytes before it); length is the data's size
 * in bytes; count is how many records it holds (for hash slots, the
 * capacity: 0 or a power of two).
 */
typedef struct snap_section {
    uint64_t offset;
    uint64_t length;
    uint64_t count;
} snap_section;

/* The part of the header that is checked field by field before the checksum. */
typedef struct snap_preamble {
    char magic[8];            /* SNAP_MAGIC and a NUL */
    uint32_t format;          /* REL_SNAPSHOT_FORMAT */
    uint32_t byte_order;      /* SNAP_BYTE_ORDER */
    uint32_t pointer_size;    /* sizeof(void *) of the writer */
    uint32_t time_size;       /* sizeof(rel_time) of the writer */
    uint32_t time_bounds_at;  /* offsetof(rel_time, bounds) of the writer */
    uint32_t section_count;   /* SNAP_SECTION_COUNT */
    uint64_t file_length;     /* the whole file, header included */
    uint64_t checksum;        /* XXH3-64 (seed 0) of every byte after the preamble */
} snap_preamble;

typedef struct snap_header {
    snap_preamble pre;
    snap_section sections[SNAP_SECTION_COUNT];
} snap_header;

typedef struct snap_source {
    uint32_t tag;      /* position + 1 */
    uint32_t revises;  /* an earlier source's position, or SNAP_NONE */
    uint64_t id;
    uint64_t text;
    uint64_t meta[7];  /* title, label, lang, date, url, licence, path (enum source_meta) */
} snap_source;

typedef struct snap_entity {
    uint32_t tag;
    int32_t kind;
    uint64_t id;
    uint64_t name;
    uint32_t aliases_end;
    uint32_t evidence_end;
} snap_entity;

typedef struct snap_event {
    uint32_t tag;
    uint32_t time;     /* position in SNAP_TIMES, or SNAP_NONE */
    uint64_t id;
    uint64_t type;
    uint64_t time_text;
    uint32_t participants_end;
    uint32_t evidence_end;
} snap_event;

/*
 * A claim's subject or object: the rel_value handle of a mapped claim. ref
 * is, by the value's kind, an entity, event or claim position, a position
 * in SNAP_TIMES or SNAP_NUMBERS, or SNAP_NONE; the kind and the text live
 * in the claim.
 */
typedef struct snap_value {
    uint32_t tag;      /* SNAP_SUBJECT or SNAP_OBJECT */
    uint32_t ref;
} snap_value;

typedef struct snap_claim {
    uint32_t tag;
    uint32_t claimant;     /* entity position */
    uint64_t id;
    uint64_t predicate;
    snap_value subject;
    snap_value object;
    uint64_t object_text;  /* a literal, a unit, or the words of a time; 0 if none */
    uint8_t subject_kind;  /* rel_value_code */
    uint8_t object_kind;
    uint8_t modality;
    uint8_t polarity;
    uint32_t versions_end;
    uint32_t relations_end;
    uint32_t evidence_end;
} snap_claim;

typedef struct snap_evidence {
    uint32_t tag;      /* position + 1 in its own evidence section */
    uint32_t source;
    uint32_t start;    /* byte offsets in the source's text, start < end */
    uint32_t end;
} snap_evidence;

typedef struct snap_alias {
    uint64_t text;
    uint64_t lang;
} snap_alias;

typedef struct snap_participant {
    uint32_t entity;
    int32_t role;
} snap_participant;

typedef struct snap_version {
    uint32_t source;
    uint32_t claimant;  /* SNAP_NONE: the claim's own */
    int32_t modality;   /* REL_MODALITY_NONE: the claim's own */
} snap_version;

typedef struct snap_relation {
    int32_t type;
    uint32_t target;
} snap_relation;

typedef struct snap_predicate {
    uint64_t name;
    uint32_t flags;
    uint32_t reserved;
} snap_predicate;

typedef struct snap_gap {
    uint64_t reason;   /* its span is the SNAP_GAP_EVIDENCE record of the same position */
} snap_gap;

typedef struct snap_alias_key {
    uint64_t key;
    uint32_t entities_end;
    uint32_t reserved;
} snap_alias_key;

/* The bytes one record of a section takes; 1 for the untyped ones (index, strings). */
size_t rel_snapshot__record_size(int section);

/* The hash of every key in the file's hash slots: XXH3-64, seed 0. A slot
 * holds a position or SNAP_NONE; a key is looked for from slot
 * hash & (capacity - 1) onwards, one slot at a time, wrapping. */
uint64_t rel_snapshot__hash(const char *key, size_t len);

/*
 * The string at offset `at` of the pool of a file whose sections are
 * checked: 1 with *s and *len set if the entry is well-formed (its length
 * and NUL inside the pool), or if at is 0 (absent: *s NULL); 0 if not.
 */
int rel_snapshot__string(const char *base, uint64_t at, const char **s, size_t *len);

_Static_assert(sizeof(snap_preamble) == 48, "the preamble has no padding");
_Static_assert(sizeof(snap_source) == 80, "snap_source has no padding");
_Static_assert(sizeof(snap_entity) == 32, "snap_entity has no padding");
_Static_assert(sizeof(snap_event) == 40, "snap_event has no padding");
_Static_assert(sizeof(snap_claim) == 64, "snap_claim has no padding");
_Static_assert(offsetof(snap_claim, subject) % 8 == 0 && offsetof(snap_claim, object) % 8 == 0,
               "a value handle is aligned like the structs it stands for");
_Static_assert(sizeof(snap_evidence) == 16, "snap_evidence has no padding");

#endif
