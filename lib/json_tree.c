/* SPDX-License-Identifier: MIT */
/* The per-record JSON tree of the importer. */
#include "json_tree.h"

#include "alloc.h"

#include <string.h>

jt_node *jt_append(const rel_allocator *a, jt_node *parent)
{
    jt_node *n;

    if (!rel__reserve(a, (void **)&parent->kids, &parent->cap, parent->count + 1, sizeof(*parent->kids)))
        return NULL;
    n = &parent->kids[parent->count++];
    memset(n, 0, sizeof(*n));
    return n;
}

void jt_clear(const rel_allocator *a, jt_node *n)
{
    size_t i;

    for (i = 0; i < n->count; i++)
        jt_clear(a, &n->kids[i]);
    rel__free(a, n->kids);
    rel__free(a, n->key);
    rel__free(a, n->str);
    memset(n, 0, sizeof(*n));
}

const jt_node *jt_member(const jt_node *obj, const char *name)
{
    size_t i, len = strlen(name);

    for (i = 0; i < obj->count; i++)
        if (obj->kids[i].key_len == len && memcmp(obj->kids[i].key, name, len) == 0)
            return &obj->kids[i];
    return NULL;
}
