/* SPDX-License-Identifier: MIT */
/*
 * The hash map behind id and alias lookups. FNV-1a is enough here: keys are
 * short names and ids, and the table is rebuilt, never attacked through a
 * network.
 */
#include "map.h"

#include "alloc.h"

#include <string.h>

uint64_t rel__hash(const char *key, size_t len)
{
    uint64_t h = 14695981039346656037ULL;
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static rel_map_slot *find_slot(rel_map_slot *slots, size_t cap, const char *key, size_t len, uint64_t hash)
{
    size_t i = (size_t)hash & (cap - 1);

    for (;;) {
        rel_map_slot *s = &slots[i];
        if (!s->key || (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

int rel__map_reserve(const rel_allocator *a, rel_map *m, size_t extra)
{
    size_t need, ncap, i;
    rel_map_slot *slots;

    if (extra > SIZE_MAX / 4 - m->count)
        return 0;
    need = m->count + extra;
    /* Keep the load factor at most 1/2: probes stay short. */
    if (m->cap && need <= m->cap / 2)
        return 1;
    ncap = m->cap ? m->cap : 16;
    while (need > ncap / 2)
        ncap *= 2;
    slots = rel__calloc(a, ncap, sizeof(*slots));
    if (!slots)
        return 0;
    for (i = 0; i < m->cap; i++) {
        rel_map_slot *s = &m->slots[i];
        if (s->key)
            *find_slot(slots, ncap, s->key, s->len, s->hash) = *s;
    }
    rel__free(a, m->slots);
    m->slots = slots;
    m->cap = ncap;
    return 1;
}

const rel_map_slot *rel__map_get(const rel_map *m, const char *key, size_t len)
{
    const rel_map_slot *s;

    if (!m->cap)
        return NULL;
    s = find_slot(m->slots, m->cap, key, len, rel__hash(key, len));
    return s->key ? s : NULL;
}

void rel__map_put(rel_map *m, const char *key, size_t len, void *value, int32_t tag)
{
    uint64_t hash = rel__hash(key, len);
    rel_map_slot *s = find_slot(m->slots, m->cap, key, len, hash);

    if (!s->key)
        m->count++;
    s->key = key;
    s->len = len;
    s->hash = hash;
    s->value = value;
    s->tag = tag;
}

void rel__map_free(const rel_allocator *a, rel_map *m)
{
    rel__free(a, m->slots);
    memset(m, 0, sizeof(*m));
}
