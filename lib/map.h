/* SPDX-License-Identifier: MIT */
/*
 * A string-keyed hash map (open addressing, linear probing) for ids and
 * aliases. Keys are borrowed: they point at strings owned by the objects
 * stored. Growing is a separate step (rel__map_reserve) so that a caller can
 * make every allocation of an atomic change before committing any of it:
 * after a successful reserve, rel__map_put cannot fail.
 */
#ifndef REL_LIB_MAP_H
#define REL_LIB_MAP_H

#include <relations/common.h>

typedef struct rel_map_slot {
    const char *key; /* NULL: empty slot */
    size_t len;
    uint64_t hash;
    void *value;
    int32_t tag;
} rel_map_slot;

typedef struct rel_map {
    rel_map_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t count;
} rel_map;

uint64_t rel__hash(const char *key, size_t len);

/* Makes room for `extra` more keys; returns 0 on allocation failure (the map is unchanged). */
int rel__map_reserve(const rel_allocator *a, rel_map *m, size_t extra);

/* The slot holding key, or NULL. */
const rel_map_slot *rel__map_get(const rel_map *m, const char *key, size_t len);

/* Inserts or replaces; the caller has reserved room. */
void rel__map_put(rel_map *m, const char *key, size_t len, void *value, int32_t tag);

void rel__map_free(const rel_allocator *a, rel_map *m);

#endif
