/* SPDX-License-Identifier: MIT */
/*
 * The built-in knowledge base. Its JSON is generated at build time by
 * tools/embed_kb.c from data/iran-north-korea.json and the corpus files,
 * with every quotation already resolved to byte offsets, and compiled into
 * the library as a byte array.
 */
#include <relations/json.h>

#include "error.h"

extern const unsigned char rel__builtin_json[];
extern const size_t rel__builtin_json_len;

rel_status rel_kb_open_builtin(rel_kb **out, const rel_kb_options *opts, rel_error *err)
{
    if (out)
        *out = NULL;
    if (!out)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    return rel_kb_open_json_mem(out, (const char *)rel__builtin_json, rel__builtin_json_len, opts, err);
}
