/* SPDX-License-Identifier: MIT */
/*
 * Which words changed between two wordings of one fact. The spans of each
 * side are cut into tokens (runs of letters and digits, and single marks),
 * aligned by a longest common subsequence, and every stretch between
 * aligned tokens becomes one change. A change is "spelling only" when both
 * sides read the same once normalised (case, dashes, apostrophes) and
 * stripped of punctuation and spaces: "Iran-Iraq war" against "Iran–Iraq
 * War" is spelling, "picked up" against "improved" is wording.
 */
#include "diff_impl.h"

#include "alloc.h"
#include "text.h"

#include <string.h>
#include <utf8proc.h>

/* Beyond this many cells the alignment gives up and reports one change. */
#define MAX_LCS_CELLS (4u * 1024u * 1024u)

typedef struct token {
    const char *ptr;
    size_t len;
    size_t span; /* index of the span it came from */
} token;

typedef struct tokens {
    token *items;
    size_t count;
    size_t cap;
} tokens;

enum char_class { CHAR_SPACE, CHAR_WORD, CHAR_MARK };

/* The class of the character at text[i] by its Unicode category; *n gets its length. */
static int char_class(const char *text, size_t len, size_t i, size_t *n)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
    utf8proc_category_t cat;

    if (k <= 0) {
        *n = 1;
        return CHAR_MARK;
    }
    *n = (size_t)k;
    cat = utf8proc_category(c);
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO)
        return CHAR_WORD; /* letters, marks, numbers */
    if (cat >= UTF8PROC_CATEGORY_ZS && cat <= UTF8PROC_CATEGORY_CC)
        return CHAR_SPACE;
    return CHAR_MARK;
}

static int tokenise(const rel_allocator *a, const rel_evidence *const *spans, size_t n, tokens *out)
{
    size_t s, i, k;

    for (s = 0; s < n; s++) {
        size_t len;
        const char *text = rel_evidence_text(spans[s], &len);
        for (i = 0; i < len;) {
            size_t j = i;
            int cls = char_class(text, len, i, &k);
            if (cls == CHAR_SPACE) {
                i += k;
                continue;
            }
            j += k;
            while (cls == CHAR_WORD && j < len && char_class(text, len, j, &k) == CHAR_WORD)
                j += k;
            if (!rel__reserve(a, (void **)&out->items, &out->cap, out->count + 1, sizeof(*out->items)))
                return 0;
            out->items[out->count].ptr = text + i;
            out->items[out->count].len = j - i;
            out->items[out->count].span = s;
            out->count++;
            i = j;
        }
    }
    return 1;
}

static int same(const token *x, const token *y)
{
    return x->len == y->len && memcmp(x->ptr, y->ptr, x->len) == 0;
}

/*
 * The stretches of source text that tokens [from, to) cover, one per span,
 * joined by " … ": copied to p unless p is NULL; returns their length. A
 * stretch keeps whatever lies between its words, which may be any amount
 * of white space.
 */
static size_t stretches(const tokens *t, size_t from, size_t to, char *p)
{
    static const char gap[] = " \xE2\x80\xA6 ";
    size_t i, len = 0, start = from;

    for (i = from; i <= to; i++) {
        if (i == to || (i > start && t->items[i].span != t->items[i - 1].span)) {
            const token *first = &t->items[start], *last = &t->items[i - 1];
            size_t n = (size_t)(last->ptr + last->len - first->ptr), g = start > from ? sizeof(gap) - 1 : 0;
            if (p) {
                memcpy(p + len, gap, g);
                memcpy(p + len + g, first->ptr, n);
            }
            len += g + n;
            start = i;
        }
    }
    return len;
}

/* The text of tokens [from, to): one stretch of source text, or stretches joined by " … ". */
static int join(const rel_allocator *a, const tokens *t, size_t from, size_t to, rel_str *out)
{
    size_t len;

    out->ptr = NULL;
    out->len = 0;
    if (from == to) {
        /* Nothing on this side: the words were only added, or only removed. */
        out->ptr = rel__strndup(a, "", 0);
        return out->ptr != NULL;
    }
    len = stretches(t, from, to, NULL);
    if (!(out->ptr = rel__malloc(a, len + 1)))
        return 0;
    stretches(t, from, to, out->ptr);
    out->ptr[len] = '\0';
    out->len = len;
    return 1;
}

/* The letters and digits of a normalised text, for the spelling test. */
static int skeleton(const rel_allocator *a, const rel_str *s, char **out, size_t *out_len)
{
    size_t i, k, w = 0, n;
    char *norm;

    if (rel__normalise(a, s->ptr, s->len, &norm, &n) != REL_OK)
        return 0;
    for (i = 0; i < n; i += k)
        if (char_class(norm, n, i, &k) == CHAR_WORD) {
            memmove(norm + w, norm + i, k);
            w += k;
        }
    norm[w] = '\0';
    *out = norm;
    *out_len = w;
    return 1;
}

static int spelling_only(const rel_allocator *a, const rel_word_change *c, int *result)
{
    char *x, *y;
    size_t xl, yl;

    if (!skeleton(a, &c->removed, &x, &xl))
        return 0;
    if (!skeleton(a, &c->added, &y, &yl)) {
        rel__free(a, x);
        return 0;
    }
    *result = xl == yl && memcmp(x, y, xl) == 0;
    rel__free(a, x);
    rel__free(a, y);
    return 1;
}

static int add_change(const rel_allocator *a, rel_difference *d, const tokens *ta, size_t a0, size_t a1,
                      const tokens *tb, size_t b0, size_t b1)
{
    rel_word_change *c;
    size_t cap = d->change_count;

    /* changes grow one at a time: few per difference */
    c = rel__realloc_array(a, d->changes, cap + 1, sizeof(*c));
    if (!c)
        return 0;
    d->changes = c;
    c = &d->changes[d->change_count];
    memset(c, 0, sizeof(*c));
    if (!join(a, ta, a0, a1, &c->removed) || !join(a, tb, b0, b1, &c->added) || !spelling_only(a, c, &c->spelling)) {
        rel__free(a, c->removed.ptr);
        rel__free(a, c->added.ptr);
        return 0;
    }
    d->change_count++;
    return 1;
}

/* Walks the LCS table and records each stretch between aligned tokens. */
static int align(const rel_allocator *a, rel_difference *d, const tokens *ta, const tokens *tb)
{
    size_t n = ta->count, m = tb->count, i = 0, j = 0, i0, j0;
    uint32_t *lcs;

    if (n && m && (n + 1) * (m + 1) > MAX_LCS_CELLS)
        return add_change(a, d, ta, 0, n, tb, 0, m);
    lcs = rel__calloc(a, (n + 1) * (m + 1), sizeof(*lcs));
    if (!lcs)
        return 0;
#define L(x, y) lcs[(x) * (m + 1) + (y)]
    for (i = n; i-- > 0;)
        for (j = m; j-- > 0;)
            L(i, j) = same(&ta->items[i], &tb->items[j]) ? L(i + 1, j + 1) + 1
                      : L(i + 1, j) >= L(i, j + 1)       ? L(i + 1, j)
                                                         : L(i, j + 1);
    i = j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same(&ta->items[i], &tb->items[j])) {
            i++;
            j++;
            continue;
        }
        i0 = i;
        j0 = j;
        while ((i < n || j < m) && !(i < n && j < m && same(&ta->items[i], &tb->items[j]) &&
                                     L(i, j) == L(i + 1, j + 1) + 1)) {
            if (j == m || (i < n && L(i + 1, j) >= L(i, j + 1)))
                i++;
            else
                j++;
        }
        if (!add_change(a, d, ta, i0, i, tb, j0, j)) {
            rel__free(a, lcs);
            return 0;
        }
    }
#undef L
    rel__free(a, lcs);
    return 1;
}

void rel_diff__free_changes(const rel_allocator *a, rel_difference *d)
{
    size_t i;

    for (i = 0; i < d->change_count; i++) {
        rel__free(a, d->changes[i].removed.ptr);
        rel__free(a, d->changes[i].added.ptr);
    }
    rel__free(a, d->changes);
    d->changes = NULL;
    d->change_count = 0;
}

rel_status rel_diff__words(const rel_allocator *a, rel_difference *d, int *all_spelling)
{
    tokens ta = {NULL, 0, 0}, tb = {NULL, 0, 0};
    size_t i;
    int ok;

    ok = tokenise(a, d->evidence[REL_SIDE_A], d->evidence_count[REL_SIDE_A], &ta) &&
         tokenise(a, d->evidence[REL_SIDE_B], d->evidence_count[REL_SIDE_B], &tb) && align(a, d, &ta, &tb);
    rel__free(a, ta.items);
    rel__free(a, tb.items);
    if (!ok) {
        rel_diff__free_changes(a, d);
        return REL_ERR_NOMEM;
    }
    *all_spelling = 1;
    for (i = 0; i < d->change_count; i++)
        *all_spelling &= d->changes[i].spelling;
    return REL_OK;
}
