/* SPDX-License-Identifier: MIT */
/* Read access to evidence spans. */
#include <relations/evidence.h>

#include "kb_impl.h"

const rel_source *rel_evidence_source(const rel_evidence *evidence)
{
    return evidence ? evidence->source : NULL;
}

uint64_t rel_evidence_start(const rel_evidence *evidence)
{
    return evidence ? evidence->start : 0;
}

uint64_t rel_evidence_end(const rel_evidence *evidence)
{
    return evidence ? evidence->end : 0;
}

const char *rel_evidence_text(const rel_evidence *evidence, size_t *len)
{
    if (!evidence || !len)
        return NULL;
    *len = (size_t)(evidence->end - evidence->start);
    return evidence->source->text.ptr + evidence->start;
}

rel_status rel_evidence_codepoints(const rel_evidence *evidence, uint64_t *start, uint64_t *end)
{
    const rel_str *text;
    uint64_t s, e;
    rel_status st;

    if (!evidence || !start || !end)
        return REL_ERR_ARG;
    text = &evidence->source->text;
    st = rel_utf8_codepoint_offset(text->ptr, text->len, evidence->start, &s);
    if (st == REL_OK)
        st = rel_utf8_codepoint_offset(text->ptr, text->len, evidence->end, &e);
    if (st != REL_OK)
        return st;
    *start = s;
    *end = e;
    return REL_OK;
}
