/* SPDX-License-Identifier: MIT */
/*
 * Alias normalisation (rel_text_normalise). The input is taken twice: as
 * the text itself, not NUL-terminated (valid UTF-8 or not), and as a
 * sequence of code points, two bytes each, written out as UTF-8, so that
 * most inputs reach deep into Unicode (combining marks, case folding,
 * composition) rather than stopping at a UTF-8 error. Each text is
 * normalised into buffers of several sizes, which must follow the
 * snprintf()-like contract and cut on character boundaries, and the result
 * normalised again must be the same (normalising is idempotent, so that a
 * stored normalised name matches itself).
 */
#include "fuzz.h"

#include <relations.h>

#include <string.h>

/* Length of the longest prefix of s[0..n) no longer than max that ends on a character boundary. */
static size_t boundary_at_most(const char *s, size_t n, size_t max)
{
    size_t k = max < n ? max : n;

    while (k > 0 && k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* Normalises into a buffer of every interesting size; returns the full result. */
static char *normalise(const char *text, size_t len, rel_status *status, size_t *out_len)
{
    size_t n = 0, got, caps[8], i, ncaps = 0;
    rel_status st;
    char *full;

    st = rel_text_normalise(text, len, NULL, 0, &n);
    *status = st;
    if (st == REL_ERR_UTF8)
        return NULL;
    FUZZ_CHECK(st == REL_ERR_RANGE); /* cap 0 never has room for the NUL */
    full = malloc(n + 1);
    FUZZ_CHECK(full != NULL);
    got = 0;
    FUZZ_CHECK(rel_text_normalise(text, len, full, n + 1, &got) == REL_OK && got == n);
    FUZZ_CHECK(strlen(full) == n);
    /* No out_len is fine too. */
    FUZZ_CHECK(rel_text_normalise(text, len, full, n + 1, NULL) == REL_OK && strlen(full) == n);

    caps[ncaps++] = 1;
    caps[ncaps++] = 2;
    caps[ncaps++] = 3;
    caps[ncaps++] = 4;
    caps[ncaps++] = n / 2 + 1;
    caps[ncaps++] = n;
    caps[ncaps++] = n + 1;
    caps[ncaps++] = n + 7;
    for (i = 0; i < ncaps; i++) {
        size_t cap = caps[i];
        char *buf;
        if (cap == 0)
            continue;
        /* Exactly cap bytes, so a write past them is an AddressSanitizer error. */
        buf = malloc(cap);
        FUZZ_CHECK(buf != NULL);
        memset(buf, 'Z', cap);
        got = 0;
        st = rel_text_normalise(text, len, buf, cap, &got);
        FUZZ_CHECK(got == n);
        if (cap > n) {
            FUZZ_CHECK(st == REL_OK && strcmp(buf, full) == 0);
        } else {
            size_t k = boundary_at_most(full, n, cap - 1);
            FUZZ_CHECK(st == REL_ERR_RANGE);
            FUZZ_CHECK(strlen(buf) == k && memcmp(buf, full, k) == 0);
        }
        free(buf);
    }
    *out_len = n;
    return full;
}

static void check(const char *text, size_t size)
{
    char *full, *twice, *nts;
    size_t n = 0, n2 = 0, i;
    rel_status st, st2;
    int valid = fuzz_utf8_valid(text, size);

    full = normalise(text, size, &st, &n);
    if (!valid) {
        /* Invalid UTF-8 or a NUL byte: an error, and nothing else. */
        FUZZ_CHECK(st == REL_ERR_UTF8 && full == NULL);
        return;
    }
    FUZZ_CHECK(full != NULL);

    /* The result is valid UTF-8, trimmed, with single spaces and no control characters. */
    FUZZ_CHECK(fuzz_utf8_valid(full, n));
    FUZZ_CHECK(n == 0 || (full[0] != ' ' && full[n - 1] != ' '));
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)full[i];
        FUZZ_CHECK(c >= 0x20 && c != 0x7F);
        FUZZ_CHECK(!(c == ' ' && i + 1 < n && full[i + 1] == ' '));
    }

    /* Idempotent. */
    twice = normalise(full, n, &st2, &n2);
    FUZZ_CHECK(twice != NULL);
    if (n2 != n || memcmp(twice, full, n) != 0)
        fprintf(stderr, "normalised \"%s\" normalises again to \"%s\"\n", full, twice);
    FUZZ_CHECK(n2 == n && memcmp(twice, full, n) == 0);

    /* The same text NUL-terminated gives the same result. */
    nts = malloc(size + 1);
    FUZZ_CHECK(nts != NULL);
    memcpy(nts, text, size);
    nts[size] = '\0';
    free(twice);
    twice = normalise(nts, REL_NTS, &st2, &n2);
    FUZZ_CHECK(twice != NULL && n2 == n && memcmp(twice, full, n) == 0);

    free(nts);
    free(twice);
    free(full);
}

/* Appends code point c as UTF-8. */
static size_t put_utf8(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (char)(0x80 | (c >> 6 & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_dup(data, size), *cps = malloc(size * 2 + 1);
    size_t i, n = 0;

    check(text, size);

    /* Two bytes a code point: the Basic Multilingual Plane, where the
     * surrogates' range stands for code points of the other planes. */
    FUZZ_CHECK(cps != NULL);
    for (i = 0; i + 1 < size; i += 2) {
        uint32_t c = (uint32_t)data[i] << 8 | data[i + 1];
        if (c >= 0xD800 && c < 0xE000)
            c = 0x10000 + (c - 0xD800) * 0x80 + (c & 0x7F);
        if (c == 0)
            continue;
        n += put_utf8(cps + n, c);
    }
    check(cps, n);
    free(cps);
    free(text);
    return 0;
}
