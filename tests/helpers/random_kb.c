/* SPDX-License-Identifier: MIT */
/* Random knowledge bases for the query and snapshot tests; see random_kb.h. */
#include "random_kb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* ---- the generator ------------------------------------------------------ */

void rkb_seed(rkb_rng *r, uint64_t seed)
{
    r->state = seed;
}

uint64_t rkb_next(rkb_rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15u);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

size_t rkb_below(rkb_rng *r, size_t n)
{
    return n ? (size_t)(rkb_next(r) % n) : 0;
}

int rkb_chance(rkb_rng *r, unsigned percent)
{
    return rkb_below(r, 100) < percent;
}

/* ---- vocabulary --------------------------------------------------------- */

static const char *const words[] = {
    "iran", "iraq", "korea", "north", "nuclear", "arms", "aid", "aide", "aided", "war", "relations",
    "missile", "persia", "persian", "treaty", "1980", "1980s", "747", "x7", "14b",
    "caf\xC3\xA9",                          /* café, precomposed */
    "cafe\xCC\x81",                         /* café, with a combining acute accent */
    "stra\xC3\x9F\x65",                     /* straße: folds to "strasse" */
    "strasse", "na\xC3\xAFve",              /* naïve */
    "\xEC\x9D\xB4\xEB\x9E\x80",             /* 이란 */
    "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86" /* ایران */
};

/* What separates words in texts: white space, punctuation, dashes, apostrophes, '_'. */
static const char *const separators[] = {
    " ", " ", " ", " ", ", ", ". ", " \xE2\x80\x93 ", "\xE2\x80\x94", "-", "\xE2\x80\x99", "'", "_", "\n",
    " (", ") ", "/", "  ", "\t", ": ",
};

/* What separates the words of a name. */
static const char *const name_separators[] = {
    " ", " ", "-", "\xE2\x80\x93", "'s ", "\xE2\x80\x99s ", " of ",
};

/* Names that several entities may share as an alias. */
static const char *const shared_names[] = {"Persia", "Korea", "The Republic", "Iran"};

static const char *const types[] = {
    "AID", "AID.military", "AID.economic", "AIDX", "AIDX.military", "AID_X", "ASSAULT", "ASSAULT.heavy_weapons",
};

static const char *const predicates[] = {
    "described_as", "supplies_arms_to", "aid", "aids", "nuclear", "iran_iraq", "has_1980s", "located_in",
};

static const char *const langs[] = {"en", "ko", "fa"};

size_t rkb_word_count(void)
{
    return sizeof(words) / sizeof(words[0]);
}

const char *rkb_word(size_t i)
{
    return i < rkb_word_count() ? words[i] : NULL;
}

size_t rkb_type_count(void)
{
    return sizeof(types) / sizeof(types[0]);
}

const char *rkb_type(size_t i)
{
    return i < rkb_type_count() ? types[i] : NULL;
}

#define PICK(r, array) ((array)[rkb_below((r), sizeof(array) / sizeof((array)[0]))])

/* ---- text --------------------------------------------------------------- */

typedef struct text_buf {
    char *data;
    size_t len;
    size_t cap;
} text_buf;

static void put(text_buf *b, const char *s)
{
    size_t n = strlen(s);

    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        assert_non_null(b->data);
    }
    memcpy(b->data + b->len, s, n + 1);
    b->len += n;
}

/* A word as written: as it is, capitalised or in capitals (ASCII letters only change). */
static void put_word(text_buf *b, rkb_rng *r, const char *w)
{
    char tmp[64];
    size_t i, n = strlen(w);
    size_t style = rkb_below(r, 4);

    assert_true(n < sizeof(tmp));
    memcpy(tmp, w, n + 1);
    if (style == 1 && tmp[0] >= 'a' && tmp[0] <= 'z')
        tmp[0] = (char)(tmp[0] - 'a' + 'A');
    if (style == 2)
        for (i = 0; i < n; i++)
            if (tmp[i] >= 'a' && tmp[i] <= 'z')
                tmp[i] = (char)(tmp[i] - 'a' + 'A');
    put(b, tmp);
}

/* Words and separators; the result is owned by b (free b->data). */
static void put_words(text_buf *b, rkb_rng *r, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (i)
            put(b, PICK(r, separators));
        put_word(b, r, PICK(r, words));
    }
}

static void ascii_case(char *s, int upper)
{
    for (; *s; s++) {
        if (upper && *s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
        if (!upper && *s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
    }
}

/* Replaces every occurrence of `from` in s (capacity cap) by `to`. */
static void replace_all(char *s, size_t cap, const char *from, const char *to)
{
    char out[512];
    size_t fl = strlen(from), tl = strlen(to), o = 0;
    const char *p = s;

    while (*p && o + tl + 1 < sizeof(out)) {
        if (strncmp(p, from, fl) == 0) {
            memcpy(out + o, to, tl);
            o += tl;
            p += fl;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    snprintf(s, cap, "%s", out);
}

/* ---- time --------------------------------------------------------------- */

static void time_candidate(rkb_rng *r, char *buf, size_t cap)
{
    static const char *const mods[] = {"START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "APPROX"};
    static const char *const rare[] = {"-0500", "0000", "-0044-03-15", "0001/0100", "19XX", "1985/..", "../1980"};
    static const char *const quals[] = {"~", "?", "%"};
    int y = 1940 + (int)rkb_below(r, 86), m = 1 + (int)rkb_below(r, 12), d = 1 + (int)rkb_below(r, 28);
    int k = (int)rkb_below(r, 12);

    switch (rkb_below(r, 18)) {
    case 0: snprintf(buf, cap, "%04d", y); break;
    case 1: snprintf(buf, cap, "%04d-%02d", y, m); break;
    case 2: snprintf(buf, cap, "%04d-%02d-%02d", y, m, d); break;
    case 3: snprintf(buf, cap, "%04d%s", y, PICK(r, quals)); break;
    case 4: snprintf(buf, cap, "%03dX", y / 10); break;
    case 5: snprintf(buf, cap, "%04d/%04d", y, y + k); break;
    case 6: snprintf(buf, cap, "../%04d", y); break;
    case 7: snprintf(buf, cap, "%04d/..", y); break;
    case 8: snprintf(buf, cap, "/%04d", y); break;
    case 9: snprintf(buf, cap, "%04d/", y); break;
    case 10: snprintf(buf, cap, "%s %04d", PICK(r, mods), y); break;
    case 11: snprintf(buf, cap, "%s %04d-%02d", PICK(r, mods), y, m); break;
    case 12: snprintf(buf, cap, "%s %03dX", PICK(r, mods), y / 10); break;
    case 13:
        if (rkb_chance(r, 50))
            snprintf(buf, cap, "MORE_THAN -P%dY @%04d", 1 + k * 3, y);
        else
            snprintf(buf, cap, "MORE_THAN -P%dY", 1 + k * 3);
        break;
    case 14: snprintf(buf, cap, "LESS_THAN -P%dY @%04d", 1 + k, y); break;
    case 15: snprintf(buf, cap, "%04d-%02d", y, 21 + (int)rkb_below(r, 4)); break;
    case 16: snprintf(buf, cap, "%04d-%02d%s", y, m, PICK(r, quals)); break;
    default: snprintf(buf, cap, "%s", PICK(r, rare)); break;
    }
}

void rkb_time_expr(rkb_rng *r, char *buf, size_t cap)
{
    rel_time *t = NULL;

    for (;;) {
        time_candidate(r, buf, cap);
        if (rel_time_parse(&t, buf, REL_NTS, NULL) == REL_OK) {
            rel_time_free(t);
            return;
        }
    }
}

/* ---- filling ------------------------------------------------------------ */

#define BUILD(kb, call)                                                                                   \
    do {                                                                                                  \
        rel_status st_ = (call);                                                                          \
        if (st_ != REL_OK)                                                                                \
            fail_msg("%s:%d: %s: %s (%s)", __FILE__, __LINE__, #call, rel_status_str(st_), rel_kb_errmsg(kb)); \
    } while (0)

/* A call that may fail only because what it adds is there already. */
#define BUILD_OR_DUPLICATE(kb, call)                                                                      \
    do {                                                                                                  \
        rel_status st_ = (call);                                                                          \
        if (st_ != REL_OK && st_ != REL_ERR_DUPLICATE)                                                   \
            fail_msg("%s:%d: %s: %s (%s)", __FILE__, __LINE__, #call, rel_status_str(st_), rel_kb_errmsg(kb)); \
    } while (0)

static void add_sources(rel_kb *kb, rkb_rng *r, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        rel_source_spec s = REL_SOURCE_SPEC_INIT;
        text_buf text = {NULL, 0, 0};
        char id[32], prev[32], date[16];

        snprintf(id, sizeof(id), "src%zu", i);
        put_words(&text, r, 40 + rkb_below(r, 200));
        s.id = id;
        s.id_len = REL_NTS;
        s.text = text.data;
        s.text_len = text.len;
        if (rkb_chance(r, 50)) {
            s.title = "Random \xE2\x80\x93 document";
            s.title_len = REL_NTS;
            s.label = i % 2 ? "later version" : "older version";
            s.label_len = REL_NTS;
        }
        if (rkb_chance(r, 50)) {
            snprintf(date, sizeof(date), "20%02zu-0%zu", 10 + rkb_below(r, 15), 1 + rkb_below(r, 9));
            s.date = date;
            s.date_len = REL_NTS;
            s.lang = "en";
            s.lang_len = REL_NTS;
        }
        if (rkb_chance(r, 30)) {
            s.url = "https://example.org/doc";
            s.url_len = REL_NTS;
            s.licence = "CC0";
            s.licence_len = REL_NTS;
            s.path = "doc.txt";
            s.path_len = REL_NTS;
        }
        if (i > 0 && rkb_chance(r, 50)) {
            snprintf(prev, sizeof(prev), "src%zu", rkb_below(r, i));
            s.revises = prev;
            s.revises_len = REL_NTS;
        }
        BUILD(kb, rel_kb_add_source(kb, &s));
        free(text.data);
    }
}

static void random_name(rkb_rng *r, char *buf, size_t cap)
{
    text_buf b = {NULL, 0, 0};
    size_t i, n = 1 + rkb_below(r, 3);

    for (i = 0; i < n; i++) {
        const char *w = PICK(r, words);
        char cap_word[64];

        if (i)
            put(&b, PICK(r, name_separators));
        snprintf(cap_word, sizeof(cap_word), "%s", w);
        if (cap_word[0] >= 'a' && cap_word[0] <= 'z')
            cap_word[0] = (char)(cap_word[0] - 'a' + 'A');
        put(&b, cap_word);
    }
    snprintf(buf, cap, "%s", b.data);
    free(b.data);
}

/* An alias made from the name: another case, dash or apostrophe, spacing, a longer name, or another name. */
static void alias_of(rkb_rng *r, const char *name, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", name);
    switch (rkb_below(r, 9)) {
    case 0: ascii_case(buf, 0); break;
    case 1: ascii_case(buf, 1); break;
    case 2:
        replace_all(buf, cap, "-", "\x01");
        replace_all(buf, cap, "\xE2\x80\x93", "-");
        replace_all(buf, cap, "\x01", "\xE2\x80\x94");
        break;
    case 3:
        replace_all(buf, cap, "'", "\x01");
        replace_all(buf, cap, "\xE2\x80\x99", "'");
        replace_all(buf, cap, "\x01", "\xE2\x80\x99");
        break;
    case 4: replace_all(buf, cap, " ", "  "); break;
    case 5: snprintf(buf, cap, "%s %s", name, PICK(r, words)); break;
    case 6: snprintf(buf, cap, "%sian", name); break;
    case 7: snprintf(buf, cap, "%s", PICK(r, shared_names)); break;
    default: random_name(r, buf, cap); break;
    }
}

static void add_entities(rel_kb *kb, rkb_rng *r, size_t n)
{
    size_t i, j, aliases;

    for (i = 0; i < n; i++) {
        char id[32], name[256], alias[512];

        snprintf(id, sizeof(id), "ent%zu", i);
        if (rkb_chance(r, 10))
            snprintf(name, sizeof(name), "%s", PICK(r, shared_names));
        else
            random_name(r, name, sizeof(name));
        BUILD(kb, rel_kb_add_entity(kb, id, REL_NTS, (int32_t)rkb_below(r, 14), name, REL_NTS));
        aliases = rkb_below(r, 5);
        for (j = 0; j < aliases; j++) {
            alias_of(r, name, alias, sizeof(alias));
            BUILD(kb, rel_kb_add_alias(kb, id, REL_NTS, alias, REL_NTS, PICK(r, langs), REL_NTS));
        }
    }
}

static void add_events(rel_kb *kb, rkb_rng *r, size_t n, size_t entities)
{
    static const char *const time_words[] = {"in the 1990s", "early October 1980", "long ago"};
    size_t i, j, parts;

    for (i = 0; i < n; i++) {
        char id[32], ent[32], expr[64];

        snprintf(id, sizeof(id), "ev%zu", i);
        BUILD(kb, rel_kb_add_event(kb, id, REL_NTS, PICK(r, types), REL_NTS));
        parts = entities ? rkb_below(r, 5) : 0;
        for (j = 0; j < parts; j++) {
            snprintf(ent, sizeof(ent), "ent%zu", rkb_below(r, entities));
            /* The same entity in another role is allowed; in the same role it is a duplicate. */
            BUILD_OR_DUPLICATE(kb, rel_kb_add_participant(kb, id, REL_NTS, ent, REL_NTS, (int32_t)rkb_below(r, 8)));
        }
        if (rkb_chance(r, 80)) {
            rkb_time_expr(r, expr, sizeof(expr));
            BUILD(kb, rel_kb_set_event_time(kb, id, REL_NTS, expr, REL_NTS,
                                            rkb_chance(r, 50) ? PICK(r, time_words) : NULL, REL_NTS));
        }
    }
}

static void random_value(rkb_rng *r, rel_value_spec *v, char *buf, size_t cap, size_t claims_before,
                         size_t entities, size_t events, int subject)
{
    size_t kind = rkb_below(r, subject ? 3 : 7);
    text_buf b = {NULL, 0, 0};

    memset(v, 0, sizeof(*v));
    v->str = buf;
    v->str_len = REL_NTS;
    if (kind == 2 && claims_before == 0)
        kind = 0;
    if (kind == 1 && events == 0)
        kind = 0;
    switch (kind) {
    case 0:
        v->kind = REL_VALUE_ENTITY;
        snprintf(buf, cap, "ent%zu", rkb_below(r, entities));
        break;
    case 1:
        v->kind = REL_VALUE_EVENT;
        snprintf(buf, cap, "ev%zu", rkb_below(r, events));
        break;
    case 2:
        v->kind = REL_VALUE_CLAIM;
        snprintf(buf, cap, "cl%zu", rkb_below(r, claims_before));
        break;
    case 3:
        v->kind = REL_VALUE_LITERAL;
        put_words(&b, r, 1 + rkb_below(r, 4));
        snprintf(buf, cap, "%s", b.data);
        free(b.data);
        break;
    case 4:
        v->kind = REL_VALUE_QUANTITY;
        v->number = (double)rkb_below(r, 2000) / 4.0;
        if (rkb_chance(r, 50))
            snprintf(buf, cap, "%s", PICK(r, words));
        else
            v->str = NULL;
        break;
    case 5:
        v->kind = REL_VALUE_TIME;
        rkb_time_expr(r, buf, cap);
        if (rkb_chance(r, 50)) {
            v->words = "around 1980";
            v->words_len = REL_NTS;
        }
        break;
    default:
        v->kind = REL_VALUE_NONE;
        v->str = NULL;
        break;
    }
}

static void add_claims(rel_kb *kb, rkb_rng *r, const rkb_size *size)
{
    size_t i, j;

    for (i = 0; i < size->claims; i++) {
        rel_claim_spec c = REL_CLAIM_SPEC_INIT;
        char id[32], subject[256], object[256], claimant[32];

        snprintf(id, sizeof(id), "cl%zu", i);
        snprintf(claimant, sizeof(claimant), "ent%zu", rkb_below(r, size->entities));
        c.id = id;
        c.id_len = REL_NTS;
        random_value(r, &c.subject, subject, sizeof(subject), i, size->entities, size->events, 1);
        random_value(r, &c.object, object, sizeof(object), i, size->entities, size->events, 0);
        c.predicate = PICK(r, predicates);
        c.predicate_len = REL_NTS;
        c.claimant = claimant;
        c.claimant_len = REL_NTS;
        c.modality = 1 + (int32_t)rkb_below(r, 8);
        c.polarity = rkb_chance(r, 20) ? REL_POLARITY_NEGATIVE : REL_POLARITY_POSITIVE;
        BUILD(kb, rel_kb_add_claim(kb, &c));
    }
    /* Claimant and modality per source, where a source says otherwise. */
    for (i = 0; i < size->claims; i++) {
        for (j = 0; j < size->sources; j++) {
            char id[32], src[32], claimant[32];
            int with_claimant, with_modality;

            if (!rkb_chance(r, 25))
                continue;
            with_claimant = rkb_chance(r, 60);
            with_modality = !with_claimant || rkb_chance(r, 50);
            snprintf(id, sizeof(id), "cl%zu", i);
            snprintf(src, sizeof(src), "src%zu", j);
            snprintf(claimant, sizeof(claimant), "ent%zu", rkb_below(r, size->entities));
            BUILD(kb, rel_kb_set_claim_version(kb, id, REL_NTS, src, REL_NTS, with_claimant ? claimant : NULL,
                                               REL_NTS, with_modality ? 1 + (int32_t)rkb_below(r, 8) : REL_MODALITY_NONE));
        }
    }
    for (i = 0; size->claims > 1 && i < size->claims / 4; i++) {
        char a[32], b[32];
        size_t x = rkb_below(r, size->claims), y = rkb_below(r, size->claims);

        if (x == y)
            continue;
        snprintf(a, sizeof(a), "cl%zu", x);
        snprintf(b, sizeof(b), "cl%zu", y);
        BUILD_OR_DUPLICATE(kb, rel_kb_add_claim_relation(kb, a, REL_NTS, 1 + (int32_t)rkb_below(r, 5), b, REL_NTS));
    }
}

/* A span of a source on character boundaries, or 0 if the draw gave none. */
static int random_span(rkb_rng *r, const rel_kb *kb, size_t source, uint64_t *start, uint64_t *end)
{
    size_t len = 0;
    const char *text = rel_source_text(rel_kb_source_at(kb, source), &len);
    size_t s, e;

    if (len == 0)
        return 0;
    s = rkb_below(r, len);
    e = s + 1 + rkb_below(r, 40);
    if (e > len)
        e = len;
    while (s < len && ((unsigned char)text[s] & 0xC0) == 0x80)
        s++;
    while (e < len && ((unsigned char)text[e] & 0xC0) == 0x80)
        e++;
    if (s >= e)
        return 0;
    *start = s;
    *end = e;
    return 1;
}

static void add_evidence(rel_kb *kb, rkb_rng *r, const char *prefix, size_t n, size_t sources)
{
    size_t i, j, spans;

    for (i = 0; i < n; i++) {
        char id[32], src[32];

        snprintf(id, sizeof(id), "%s%zu", prefix, i);
        spans = rkb_below(r, 4);
        for (j = 0; j < spans; j++) {
            size_t source = rkb_below(r, sources);
            uint64_t start, end;

            if (!random_span(r, kb, source, &start, &end))
                continue;
            snprintf(src, sizeof(src), "src%zu", source);
            BUILD_OR_DUPLICATE(kb, rel_kb_add_evidence(kb, id, REL_NTS, src, REL_NTS, start, end));
        }
    }
}

void rkb_fill(rel_kb *kb, rkb_rng *r, const rkb_size *size)
{
    size_t i;

    assert_true(size->sources > 0);
    assert_true(size->entities > 0 || (size->events == 0 && size->claims == 0));
    add_sources(kb, r, size->sources);
    for (i = 0; i < sizeof(predicates) / sizeof(predicates[0]); i++)
        if (rkb_chance(r, 40))
            BUILD(kb, rel_kb_add_predicate(kb, predicates[i], REL_NTS, rkb_chance(r, 50) ? REL_PREDICATE_FUNCTIONAL : 0));
    add_entities(kb, r, size->entities);
    add_events(kb, r, size->events, size->entities);
    add_claims(kb, r, size);
    add_evidence(kb, r, "ent", size->entities, size->sources);
    add_evidence(kb, r, "ev", size->events, size->sources);
    add_evidence(kb, r, "cl", size->claims, size->sources);
    for (i = 0; i < size->sources; i++) {
        char src[32];
        uint64_t start, end;

        snprintf(src, sizeof(src), "src%zu", i);
        if (rkb_chance(r, 50) && random_span(r, kb, i, &start, &end))
            BUILD(kb, rel_kb_add_unannotated(kb, src, REL_NTS, start, end, "a heading", REL_NTS));
    }
}

rel_kb *rkb_new(uint64_t seed, const rkb_size *size, const rel_kb_options *opts)
{
    rel_kb *kb = NULL;
    rkb_rng r;

    rkb_seed(&r, seed);
    assert_int_equal(rel_kb_new(&kb, opts), REL_OK);
    rkb_fill(kb, &r, size);
    return kb;
}
