/* SPDX-License-Identifier: MIT */
/* Coverage of the built-in annotation: every sentence of every version is annotated, or listed as left out with a reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <relations.h>

/*
 * Sentences ("units") of a text:
 *
 * - every non-empty line is at least one unit, so titles, headings, image
 *   captions and list entries count;
 * - within a line, a unit ends after '.', '?' or '!', optionally followed by
 *   closing quotes (", ', U+2019) and citation marks such as "[14]", when a
 *   space comes next; a '.' that ends an abbreviation made of single letters
 *   ("W." in "George W. Bush", "U.S." in "U.S. efforts") ends no unit;
 * - leading white space and citation marks ("[8] ") are trimmed, trailing
 *   white space too; a unit that is only citation marks is no unit.
 */
typedef struct unit {
    size_t start, end; /* byte offsets, end-exclusive */
} unit;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_ascii_letter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The length of the citation mark ("[" digits "]") at t[i], within t[0, len); 0 if there is none. */
static size_t citation_at(const char *t, size_t len, size_t i)
{
    size_t j = i + 1;

    if (i >= len || t[i] != '[')
        return 0;
    while (j < len && t[j] >= '0' && t[j] <= '9')
        j++;
    if (j == i + 1 || j >= len || t[j] != ']')
        return 0;
    return j + 1 - i;
}

/* Whether the '.' at t[i] ends single letters joined by dots: "W." or "U.S.". */
static int ends_abbreviation(const char *t, size_t i)
{
    size_t j = i, k;

    while (j > 0 && (is_ascii_letter(t[j - 1]) || t[j - 1] == '.'))
        j--;
    for (k = j; k < i; k += 2) {
        if (!is_ascii_letter(t[k]))
            return 0;
        if (k + 1 == i)
            return 1;
        if (t[k + 1] != '.')
            return 0;
    }
    return 0;
}

/* Trims [start, end) and stores it in out[*n] if it is a unit (and *n < cap); counts it in *n either way. */
static void emit(const char *t, size_t start, size_t end, unit *out, size_t cap, size_t *n)
{
    size_t c;

    for (;;) {
        while (start < end && is_space(t[start]))
            start++;
        if ((c = citation_at(t, end, start)) == 0)
            break;
        start += c;
    }
    while (end > start && is_space(t[end - 1]))
        end--;
    if (start == end)
        return;
    if (*n < cap) {
        out[*n].start = start;
        out[*n].end = end;
    }
    (*n)++;
}

/* Splits t[0, len) into units; stores at most cap of them in out; returns how many there are. */
static size_t split_units(const char *t, size_t len, unit *out, size_t cap)
{
    size_t n = 0, line = 0;

    for (;;) {
        size_t end = line, start = line, i = line;

        while (end < len && t[end] != '\n')
            end++;
        while (i < end) {
            if (t[i] == '.' || t[i] == '?' || t[i] == '!') {
                size_t j = i + 1, c;

                for (;;) {
                    if (j < end && (t[j] == '"' || t[j] == '\''))
                        j++;
                    else if (j + 3 <= end && memcmp(t + j, "\xE2\x80\x99", 3) == 0) /* U+2019 */
                        j += 3;
                    else if ((c = citation_at(t, end, j)) != 0)
                        j += c;
                    else
                        break;
                }
                if (j < end && t[j] == ' ' && !(t[i] == '.' && ends_abbreviation(t, i))) {
                    emit(t, start, j, out, cap, &n);
                    start = i = j;
                    continue;
                }
            }
            i++;
        }
        emit(t, start, end, out, cap, &n);
        if (end >= len)
            return n;
        line = end + 1;
    }
}

/* The units of t[0, len), allocated; *n receives their count. */
static unit *units_of(const char *t, size_t len, size_t *n)
{
    size_t count = split_units(t, len, NULL, 0);
    unit *u = calloc(count ? count : 1, sizeof(*u));

    assert_non_null(u);
    assert_int_equal(split_units(t, len, u, count), count);
    *n = count;
    return u;
}

/* ---- spans of the knowledge base, per source ------------------------------ */

typedef struct span {
    uint64_t start, end;
} span;

typedef struct spans {
    span *evidence; /* every evidence span of an entity, event or claim */
    size_t n_evidence, cap_evidence;
    span *unannotated; /* passages listed as left unannotated */
    size_t n_unannotated, cap_unannotated;
} spans;

static void push(span **arr, size_t *n, size_t *cap, const rel_evidence *ev)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *arr = realloc(*arr, *cap * sizeof(**arr));
        assert_non_null(*arr);
    }
    (*arr)[*n].start = rel_evidence_start(ev);
    (*arr)[*n].end = rel_evidence_end(ev);
    (*n)++;
}

static void add_evidence(spans *per_source, const rel_evidence *ev)
{
    spans *s;

    assert_non_null(ev);
    assert_true(rel_evidence_start(ev) < rel_evidence_end(ev));
    s = &per_source[rel_source_index(rel_evidence_source(ev))];
    push(&s->evidence, &s->n_evidence, &s->cap_evidence, ev);
}

/* Every evidence span and every unannotated passage of kb, by source index; free with free_spans(). */
static spans *collect_spans(const rel_kb *kb)
{
    size_t n_sources = rel_kb_source_count(kb), i, j;
    spans *per_source = calloc(n_sources ? n_sources : 1, sizeof(*per_source));

    assert_non_null(per_source);
    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        for (j = 0; j < rel_entity_evidence_count(e); j++)
            add_evidence(per_source, rel_entity_evidence_at(e, j));
    }
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *e = rel_kb_event_at(kb, i);
        for (j = 0; j < rel_event_evidence_count(e); j++)
            add_evidence(per_source, rel_event_evidence_at(e, j));
    }
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        for (j = 0; j < rel_claim_evidence_count(c); j++)
            add_evidence(per_source, rel_claim_evidence_at(c, j));
    }
    for (i = 0; i < rel_kb_unannotated_count(kb); i++) {
        const rel_evidence *ev = rel_kb_unannotated_at(kb, i);
        spans *s;

        assert_non_null(ev);
        s = &per_source[rel_source_index(rel_evidence_source(ev))];
        push(&s->unannotated, &s->n_unannotated, &s->cap_unannotated, ev);
    }
    return per_source;
}

static void free_spans(spans *per_source, size_t n_sources)
{
    size_t i;

    for (i = 0; i < n_sources; i++) {
        free(per_source[i].evidence);
        free(per_source[i].unannotated);
    }
    free(per_source);
}

static int overlaps_any(const span *arr, size_t n, uint64_t start, uint64_t end)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (arr[i].start < end && start < arr[i].end)
            return 1;
    return 0;
}

/* The id of a source up to its first '_' ("002" of "002_0300900bb6ce87ea"), for printing. */
static int short_id_len(const rel_source *s)
{
    size_t len = 0;
    const char *id = rel_source_id(s, &len);
    const char *underscore = memchr(id, '_', len);

    return (int)(underscore ? (size_t)(underscore - id) : len);
}

static double percent(size_t part, size_t whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 100.0;
}

/* ---- fixtures --------------------------------------------------------------- */

static int setup_builtin(void **state)
{
    rel_kb *kb = NULL;
    rel_error err;

    if (rel_kb_open_builtin(&kb, NULL, &err) != REL_OK)
        return -1;
    *state = kb;
    return 0;
}

static int teardown_kb(void **state)
{
    rel_kb_free(*state);
    return 0;
}

/* ---- tests -------------------------------------------------------------------- */

/* The splitter on a hand-made text, so that a broken splitter cannot let the coverage test pass vacuously. */
static void test_coverage__splitter_finds_sentences_titles_and_captions(void **state)
{
    static const char text[] = "A title line\n"
                               "\n"
                               "[8] First sentence.[1] Second one?\" Third! Then U.S. efforts and George W. Bush "
                               "spoke. A treaty[36] aimed at \"standards\". He said \xE2\x80\x98no.\xE2\x80\x99 It "
                               "cost 3.5 percent.[14][15]\n"
                               "   \n"
                               "[9]\n"
                               "A caption, 2021";
    static const char *const expected[] = {
        "A title line",
        "First sentence.[1]",
        "Second one?\"",
        "Third!",
        "Then U.S. efforts and George W. Bush spoke.",
        "A treaty[36] aimed at \"standards\".",
        "He said \xE2\x80\x98no.\xE2\x80\x99",
        "It cost 3.5 percent.[14][15]",
        "A caption, 2021",
    };
    size_t n = 0, i;
    unit *u = units_of(text, sizeof(text) - 1, &n);

    (void)state;
    for (i = 0; i < n && i < sizeof(expected) / sizeof(expected[0]); i++) {
        size_t len = u[i].end - u[i].start;
        if (len != strlen(expected[i]) || memcmp(text + u[i].start, expected[i], len) != 0)
            fail_msg("unit %zu is \"%.*s\", not \"%s\"", i, (int)len, text + u[i].start, expected[i]);
    }
    assert_int_equal(n, sizeof(expected) / sizeof(expected[0]));
    free(u);

    /* Edge cases: nothing, only blanks and citation marks, no final newline, a final terminator. */
    assert_int_equal(split_units("", 0, NULL, 0), 0);
    assert_int_equal(split_units(" \n\t\n[3][4]\n", 11, NULL, 0), 0);
    assert_int_equal(split_units("One. Two", 8, NULL, 0), 2);
    assert_int_equal(split_units("One.\nTwo.\n", 10, NULL, 0), 2);
    assert_int_equal(split_units("One.Two", 7, NULL, 0), 1);

    /* The abbreviation rule: single letters joined by dots only. */
    assert_true(ends_abbreviation("W.", 1));
    assert_true(ends_abbreviation("the U.S.", 7));
    assert_true(ends_abbreviation("pro-U.S.", 7));
    assert_false(ends_abbreviation("ago.", 3));
    assert_false(ends_abbreviation("Iran.", 4));
    assert_false(ends_abbreviation("2013.", 4));
    assert_false(ends_abbreviation("etc..", 4));
}

/* Every sentence of every version overlaps some evidence or some passage listed as left unannotated. */
static void test_coverage__every_sentence_is_annotated_or_listed(void **state)
{
    const rel_kb *kb = *state;
    size_t n_sources = rel_kb_source_count(kb), i, j, k;
    spans *per_source;
    size_t all_units = 0, all_covered = 0, all_bytes = 0, all_bytes_covered = 0, uncovered = 0;

    assert_true(n_sources > 0);
    per_source = collect_spans(kb);
    for (i = 0; i < n_sources; i++) {
        const rel_source *s = rel_kb_source_at(kb, i);
        const spans *sp = &per_source[i];
        size_t len = 0, n_units = 0, covered = 0, bytes = 0, bytes_covered = 0, lines = 0;
        const char *text = rel_source_text(s, &len);
        unit *u = units_of(text, len, &n_units);
        unsigned char *mask = calloc(len ? len : 1, 1);

        assert_non_null(mask);
        assert_int_equal(rel_source_index(s), i);
        /* Not vacuous: the source has evidence, and at least one unit per line that ends in a non-space character. */
        assert_true(sp->n_evidence > 0);
        for (j = 0; j < len; j++)
            if (!is_space(text[j]) && (j + 1 == len || text[j + 1] == '\n'))
                lines++;
        assert_true(n_units >= lines && n_units > 0);

        for (j = 0; j < sp->n_evidence; j++) {
            assert_true(sp->evidence[j].end <= len);
            memset(mask + sp->evidence[j].start, 1, (size_t)(sp->evidence[j].end - sp->evidence[j].start));
        }
        for (j = 0; j < n_units; j++) {
            size_t b = u[j].start;
            int by_evidence = overlaps_any(sp->evidence, sp->n_evidence, u[j].start, u[j].end);

            covered += (size_t)by_evidence;
            if (!by_evidence && !overlaps_any(sp->unannotated, sp->n_unannotated, u[j].start, u[j].end)) {
                printf("uncovered: %.*s [%zu, %zu) \"%.*s\"\n", short_id_len(s), rel_source_id(s, NULL), u[j].start,
                       u[j].end, (int)(u[j].end - u[j].start), text + u[j].start);
                uncovered++;
            }
            /* Bytes of text: white space and citation marks are not counted. */
            while (b < u[j].end) {
                size_t c = citation_at(text, u[j].end, b);
                if (c) {
                    b += c;
                    continue;
                }
                if (!is_space(text[b])) {
                    bytes++;
                    bytes_covered += mask[b];
                }
                b++;
            }
        }
        printf("coverage: %.*s sentences %zu/%zu (%.1f%%), bytes %zu/%zu (%.1f%%), unannotated passages %zu\n",
               short_id_len(s), rel_source_id(s, NULL), covered, n_units, percent(covered, n_units), bytes_covered,
               bytes, percent(bytes_covered, bytes), sp->n_unannotated);
        all_units += n_units;
        all_covered += covered;
        all_bytes += bytes;
        all_bytes_covered += bytes_covered;
        for (k = 0; k < n_units; k++)
            assert_true(u[k].start < u[k].end && u[k].end <= len);
        free(mask);
        free(u);
    }
    printf("coverage: all sentences %zu/%zu (%.1f%%), bytes %zu/%zu (%.1f%%)\n", all_covered, all_units,
           percent(all_covered, all_units), all_bytes_covered, all_bytes, percent(all_bytes_covered, all_bytes));
    free_spans(per_source, n_sources);
    if (uncovered)
        fail_msg("%zu sentences are neither annotated nor listed as left unannotated", uncovered);
}

/* Every passage left unannotated says why, and is not annotated after all (a stale entry). */
static void test_coverage__unannotated_passages_have_reasons_and_no_evidence(void **state)
{
    const rel_kb *kb = *state;
    size_t n_sources = rel_kb_source_count(kb), i, stale = 0, unexplained = 0;
    spans *per_source = collect_spans(kb);

    for (i = 0; i < rel_kb_unannotated_count(kb); i++) {
        const rel_evidence *ev = rel_kb_unannotated_at(kb, i);
        const rel_source *s = rel_evidence_source(ev);
        const spans *sp = &per_source[rel_source_index(s)];
        size_t len = 0, text_len = 0, j;
        const char *reason = rel_kb_unannotated_reason(kb, i, &len);
        const char *text = rel_evidence_text(ev, &text_len);
        int blank = 1;

        assert_non_null(reason);
        assert_non_null(text);
        assert_true(rel_evidence_start(ev) < rel_evidence_end(ev));
        for (j = 0; j < len; j++)
            blank &= is_space(reason[j]);
        if (blank) {
            printf("no reason: %.*s [%llu, %llu) \"%.*s\" is listed as unannotated without a reason\n",
                   short_id_len(s), rel_source_id(s, NULL), (unsigned long long)rel_evidence_start(ev),
                   (unsigned long long)rel_evidence_end(ev), (int)text_len, text);
            unexplained++;
        }
        if (overlaps_any(sp->evidence, sp->n_evidence, rel_evidence_start(ev), rel_evidence_end(ev))) {
            printf("stale: %.*s [%llu, %llu) \"%.*s\" is listed as unannotated but overlaps evidence\n",
                   short_id_len(s), rel_source_id(s, NULL), (unsigned long long)rel_evidence_start(ev),
                   (unsigned long long)rel_evidence_end(ev), (int)text_len, text);
            stale++;
        }
    }
    assert_null(rel_kb_unannotated_at(kb, rel_kb_unannotated_count(kb)));
    free_spans(per_source, n_sources);
    if (unexplained || stale)
        fail_msg("%zu passages listed as unannotated give no reason, %zu overlap evidence", unexplained, stale);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coverage__splitter_finds_sentences_titles_and_captions),
        cmocka_unit_test(test_coverage__every_sentence_is_annotated_or_listed),
        cmocka_unit_test(test_coverage__unannotated_passages_have_reasons_and_no_evidence),
    };

    return cmocka_run_group_tests_name("coverage", tests, setup_builtin, teardown_kb);
}
