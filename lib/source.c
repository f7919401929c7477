/* SPDX-License-Identifier: MIT */
/* Read access to sources, in memory or in a snapshot (snapshot_read.c). */
#include <relations/source.h>

#include "kb_internal.h"
#include "snapshot_read.h"
#include "strview.h"
#include "text.h"

#include <stdint.h>
#include <string.h>

const char *rel_source_id(const rel_source *source, size_t *len)
{
    if (source && rel__mapped(source))
        return rel_snapshot__source_id(source, len);
    return rel__str_out(source ? &source->id : NULL, len);
}

const char *rel_source_text(const rel_source *source, size_t *len)
{
    if (source && rel__mapped(source))
        return rel_snapshot__source_text(source, len);
    return rel__str_out(source ? &source->text : NULL, len);
}

static const char *meta(const rel_source *source, int field, size_t *len)
{
    if (source && rel__mapped(source))
        return rel_snapshot__source_meta(source, field, len);
    return rel__str_out(source ? &source->meta[field] : NULL, len);
}

const char *rel_source_title(const rel_source *source, size_t *len) { return meta(source, META_TITLE, len); }
const char *rel_source_label(const rel_source *source, size_t *len) { return meta(source, META_LABEL, len); }
const char *rel_source_lang(const rel_source *source, size_t *len) { return meta(source, META_LANG, len); }
const char *rel_source_date(const rel_source *source, size_t *len) { return meta(source, META_DATE, len); }
const char *rel_source_url(const rel_source *source, size_t *len) { return meta(source, META_URL, len); }
const char *rel_source_licence(const rel_source *source, size_t *len) { return meta(source, META_LICENCE, len); }
const char *rel_source_path(const rel_source *source, size_t *len) { return meta(source, META_PATH, len); }

const rel_source *rel_source_revises(const rel_source *source)
{
    if (source && rel__mapped(source))
        return rel_snapshot__source_revises(source);
    return source ? source->revises : NULL;
}

size_t rel_source_index(const rel_source *source)
{
    if (source && rel__mapped(source))
        return rel_snapshot__source_index(source);
    return source ? source->index : SIZE_MAX;
}

size_t rel_source__count_quote(const rel_source *source, const char *exact, size_t exact_len, const char *prefix,
                               size_t prefix_len, const char *suffix, size_t suffix_len, uint64_t *first)
{
    size_t pos, count = 0, text_len;
    const char *text = rel_source_text(source, &text_len);

    for (pos = prefix_len; pos + exact_len + suffix_len <= text_len; pos++) {
        const char *p = text + pos;
        if (memcmp(p, exact, exact_len) != 0 || (prefix_len && memcmp(p - prefix_len, prefix, prefix_len) != 0) ||
            (suffix_len && memcmp(p + exact_len, suffix, suffix_len) != 0))
            continue;
        if (count++ == 0)
            *first = pos;
    }
    return count;
}

rel_status rel_source_find_quote(const rel_source *source, const rel_quote *quote, uint64_t *start, uint64_t *end)
{
    size_t exact_len, prefix_len = 0, suffix_len = 0, count;
    uint64_t at = 0;

    if (!source || !quote || !quote->exact || !start || !end)
        return REL_ERR_ARG;
    exact_len = rel__len(quote->exact, quote->exact_len);
    if (quote->prefix)
        prefix_len = rel__len(quote->prefix, quote->prefix_len);
    if (quote->suffix)
        suffix_len = rel__len(quote->suffix, quote->suffix_len);
    if (exact_len == 0)
        return REL_ERR_ARG;
    if (!rel__utf8_valid(quote->exact, exact_len) || (prefix_len && !rel__utf8_valid(quote->prefix, prefix_len)) ||
        (suffix_len && !rel__utf8_valid(quote->suffix, suffix_len)))
        return REL_ERR_UTF8;
    count = rel_source__count_quote(source, quote->exact, exact_len, quote->prefix, prefix_len, quote->suffix,
                                    suffix_len, &at);
    if (count == 0)
        return REL_ERR_NOT_FOUND;
    if (count > 1)
        return REL_ERR_AMBIGUOUS;
    *start = at;
    *end = at + exact_len;
    return REL_OK;
}
