/* SPDX-License-Identifier: MIT */
/* Read access to evidence spans, in memory or in a snapshot (snapshot_read.c). */
#include <relations/evidence.h>
#include <relations/source.h>

#include "kb_impl.h"
#include "snapshot_read.h"

const rel_source *rel_evidence_source(const rel_evidence *evidence)
{
    if (evidence && rel__mapped(evidence))
        return rel_snapshot__evidence_source(evidence);
    return evidence ? evidence->source : NULL;
}

uint64_t rel_evidence_start(const rel_evidence *evidence)
{
    if (evidence && rel__mapped(evidence))
        return rel_snapshot__evidence_start(evidence);
    return evidence ? evidence->start : 0;
}

uint64_t rel_evidence_end(const rel_evidence *evidence)
{
    if (evidence && rel__mapped(evidence))
        return rel_snapshot__evidence_end(evidence);
    return evidence ? evidence->end : 0;
}

const char *rel_evidence_text(const rel_evidence *evidence, size_t *len)
{
    uint64_t start;

    if (!evidence || !len)
        return NULL;
    start = rel_evidence_start(evidence);
    *len = (size_t)(rel_evidence_end(evidence) - start);
    return rel_source_text(rel_evidence_source(evidence), NULL) + start;
}

rel_status rel_evidence_codepoints(const rel_evidence *evidence, uint64_t *start, uint64_t *end)
{
    const char *text;
    size_t len;
    uint64_t s, e;
    rel_status st;

    if (!evidence || !start || !end)
        return REL_ERR_ARG;
    text = rel_source_text(rel_evidence_source(evidence), &len);
    st = rel_utf8_codepoint_offset(text, len, rel_evidence_start(evidence), &s);
    if (st == REL_OK)
        st = rel_utf8_codepoint_offset(text, len, rel_evidence_end(evidence), &e);
    if (st != REL_OK)
        return st;
    *start = s;
    *end = e;
    return REL_OK;
}
