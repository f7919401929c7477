/* SPDX-License-Identifier: MIT */
/* Returning an owned string through a getter's (pointer, length) contract. */
#ifndef REL_LIB_STRVIEW_H
#define REL_LIB_STRVIEW_H

#include "kb_impl.h"

static inline const char *rel__str_out(const rel_str *s, size_t *len)
{
    if (len)
        *len = s && s->ptr ? s->len : 0;
    return s ? s->ptr : NULL;
}

#endif
