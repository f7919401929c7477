/* SPDX-License-Identifier: MIT */
/*
 * A small JSON tree for one record of an import (one source, entity, event
 * or claim). The importer streams the file with yajl and builds a tree only
 * for the record at hand, so memory stays bounded by the largest record,
 * not by the file.
 */
#ifndef REL_LIB_JSON_TREE_H
#define REL_LIB_JSON_TREE_H

#include <relations/common.h>

enum jt_type { JT_NULL, JT_BOOL, JT_NUMBER, JT_STRING, JT_ARRAY, JT_OBJECT };

typedef struct jt_node {
    int type;
    uint64_t offset;      /* where the value starts in the input */
    char *key;            /* member name inside an object, else NULL */
    size_t key_len;
    char *str;            /* string value, or the text of a number; NUL-terminated */
    size_t len;
    int boolean;
    struct jt_node *kids; /* array elements or object members */
    size_t count;
    size_t cap;
} jt_node;

/* Appends a child to an array or object node; NULL on allocation failure. */
jt_node *jt_append(const rel_allocator *a, jt_node *parent);

/* Frees everything a node owns (not the node itself). */
void jt_clear(const rel_allocator *a, jt_node *n);

/* The member of an object with the given name, or NULL. */
const jt_node *jt_member(const jt_node *obj, const char *name);

#endif
