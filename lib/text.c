/* SPDX-License-Identifier: MIT */
/*
 * Validation, normalisation and offset conversion for UTF-8 text. Matching
 * names across versions must not care about case, dashes, apostrophes or
 * white space ("Iran–Iraq War", "Iran-Iraq war"); utf8proc supplies the
 * Unicode data for that: NFC, case folding, its "lump" table for
 * apostrophes and quotation marks, and the general category for dashes.
 */
#include "text.h"

#include <relations/entity.h>
#include <relations/evidence.h>

#include "alloc.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

size_t rel__len(const char *s, size_t len)
{
    return len == REL_NTS ? strlen(s) : len;
}

int rel__utf8_valid(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;

    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n;

        if (p[i] < 0x80) {
            if (p[i] == 0)
                return 0;
            i++;
            continue;
        }
        n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

int rel__utf8_boundary(const char *s, size_t len, uint64_t off)
{
    if (off > len)
        return 0;
    return off == len || ((unsigned char)s[off] & 0xC0) != 0x80;
}

/* Every dash (Pd) to '-'; the line and paragraph separators (Zl, Zp), white
 * space that the lump table leaves alone, to a space. */
static utf8proc_int32_t fold_dashes_and_separators(utf8proc_int32_t c, void *data)
{
    (void)data;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_PD: return '-';
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return ' ';
    default: return c;
    }
}

static const utf8proc_option_t NORMALISE =
    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_LUMP | UTF8PROC_STRIPCC;

/* Collapses runs of spaces to one and trims both ends, in place. */
static size_t collapse_spaces(char *s, size_t len)
{
    size_t r, w = 0;
    int pending = 0;

    for (r = 0; r < len; r++) {
        if (s[r] == ' ') {
            pending = w > 0;
            continue;
        }
        if (pending)
            s[w++] = ' ';
        pending = 0;
        s[w++] = s[r];
    }
    s[w] = '\0';
    return w;
}

/* Bytes of the control character at s[i] (valid UTF-8) that UTF8PROC_STRIPCC
 * removes rather than turns into a space, or 0. */
static size_t stripped_control(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i], next = i + 1 < len ? (unsigned char)s[i + 1] : 0;

    if ((c < 0x20 && (c < 0x09 || c > 0x0D)) || c == 0x7F)
        return 1;
    return c == 0xC2 && next >= 0x80 && next <= 0x9F && next != 0x85 ? 2 : 0; /* C1, but NEL */
}

/*
 * utf8proc removes control characters only after it has put combining marks
 * in canonical order, so one between two marks would leave them out of order
 * and uncomposed ("e\u0301\u0003\u0323" would not come out in NFC, and
 * would change when normalised again). This removes them first: *copy is
 * NULL if there are none, else a copy without them, and *len its length.
 */
static rel_status strip_controls(const rel_allocator *a, const char *s, size_t *len, char **copy)
{
    size_t i = 0, w = 0, n;

    *copy = NULL;
    while (i < *len && !stripped_control(s, *len, i))
        i++;
    if (i == *len)
        return REL_OK;
    if (!(*copy = rel__malloc(a, *len)))
        return REL_ERR_NOMEM;
    for (i = 0; i < *len; i += n ? n : 1) {
        n = stripped_control(s, *len, i);
        if (n == 0)
            (*copy)[w++] = s[i];
    }
    *len = w;
    return REL_OK;
}

rel_status rel__normalise(const rel_allocator *a, const char *s, size_t len, char **out, size_t *out_len)
{
    const utf8proc_uint8_t *in;
    utf8proc_int32_t *buf;
    utf8proc_ssize_t n;
    char *stripped;

    *out = NULL;
    if (!rel__utf8_valid(s, len) || len > (size_t)PTRDIFF_MAX / 8)
        return REL_ERR_UTF8;
    if (strip_controls(a, s, &len, &stripped) != REL_OK)
        return REL_ERR_NOMEM;
    in = (const utf8proc_uint8_t *)(stripped ? stripped : s);
    n = utf8proc_decompose_custom(in, (utf8proc_ssize_t)len, NULL, 0, NORMALISE, fold_dashes_and_separators, NULL);
    if (n < 0) {
        rel__free(a, stripped);
        return n == UTF8PROC_ERROR_NOMEM ? REL_ERR_NOMEM : REL_ERR_UTF8;
    }
    /* utf8proc_reencode() writes the UTF-8 result into the same buffer,
     * and needs one spare slot for its terminator. */
    buf = rel__realloc_array(a, NULL, (size_t)n + 1, sizeof(*buf));
    if (!buf) {
        rel__free(a, stripped);
        return REL_ERR_NOMEM;
    }
    n = utf8proc_decompose_custom(in, (utf8proc_ssize_t)len, buf, n, NORMALISE, fold_dashes_and_separators, NULL);
    if (n >= 0)
        n = utf8proc_reencode(buf, n, NORMALISE);
    rel__free(a, stripped);
    if (n < 0) {
        rel__free(a, buf);
        return REL_ERR_UTF8;
    }
    *out_len = collapse_spaces((char *)buf, (size_t)n);
    *out = (char *)buf;
    return REL_OK;
}

rel_status rel_text_normalise(const char *text, size_t len, char *buf, size_t cap, size_t *out_len)
{
    const rel_allocator *a = rel__default_allocator();
    char *norm;
    size_t n, copy;
    rel_status st;

    if (!text || (!buf && cap))
        return REL_ERR_ARG;
    st = rel__normalise(a, text, rel__len(text, len), &norm, &n);
    if (st != REL_OK)
        return st;
    if (out_len)
        *out_len = n;
    if (cap) {
        copy = n < cap ? n : cap - 1;
        while (copy > 0 && !rel__utf8_boundary(norm, n, copy))
            copy--;
        memcpy(buf, norm, copy);
        buf[copy] = '\0';
    }
    rel__free(a, norm);
    return n < cap ? REL_OK : REL_ERR_RANGE;
}

rel_status rel_utf8_codepoint_offset(const char *text, size_t len, uint64_t byte_offset, uint64_t *out)
{
    uint64_t cps = 0;
    size_t i;

    if (!text || !out)
        return REL_ERR_ARG;
    if (byte_offset > len || !rel__utf8_boundary(text, len, byte_offset))
        return REL_ERR_RANGE;
    if (!rel__utf8_valid(text, (size_t)byte_offset))
        return REL_ERR_UTF8;
    for (i = 0; i < byte_offset; i++)
        cps += ((unsigned char)text[i] & 0xC0) != 0x80;
    *out = cps;
    return REL_OK;
}

rel_status rel_utf8_byte_offset(const char *text, size_t len, uint64_t cp_offset, uint64_t *out)
{
    uint64_t cps = 0;
    size_t i;

    if (!text || !out)
        return REL_ERR_ARG;
    if (!rel__utf8_valid(text, len))
        return REL_ERR_UTF8;
    for (i = 0; i < len && cps < cp_offset; i++) {
        if (i + 1 == len || ((unsigned char)text[i + 1] & 0xC0) != 0x80)
            cps++;
    }
    if (cps < cp_offset)
        return REL_ERR_RANGE;
    *out = i;
    return REL_OK;
}
