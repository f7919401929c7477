/* SPDX-License-Identifier: MIT */
/* Read access to sources. */
#include <relations/source.h>

#include "kb_impl.h"
#include "strview.h"

#include <stdint.h>

const char *rel_source_id(const rel_source *source, size_t *len)
{
    return rel__str_out(source ? &source->id : NULL, len);
}

const char *rel_source_text(const rel_source *source, size_t *len)
{
    return rel__str_out(source ? &source->text : NULL, len);
}

static const char *meta(const rel_source *source, int field, size_t *len)
{
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
    return source ? source->revises : NULL;
}

size_t rel_source_index(const rel_source *source)
{
    return source ? source->index : SIZE_MAX;
}
