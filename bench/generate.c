/* SPDX-License-Identifier: MIT */
#include "generate.h"

#include <relations/claim.h>
#include <relations/entity.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the pseudo-random generator ---------------------------------------- */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

void gen_rng_seed(gen_rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t gen_rng_next(gen_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t gen_rng_below(gen_rng *r, uint64_t n)
{
    /* The bias of a plain modulo is below 2^-40 for the ranges used here. */
    return gen_rng_next(r) % n;
}

double gen_rng_unit(gen_rng *r) { return (double)(gen_rng_next(r) >> 11) * (1.0 / 9007199254740992.0); }

/* ---- fixed vocabularies -------------------------------------------------- */

static const char *const event_types[] = {
    "AGREE", "CONSULT", "CONSULT.visit", "SUPPORT", "CONCEDE", "COOPERATE", "COOPERATE.economic", "AID",
    "AID.military", "AID.humanitarian", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE.seize", "ASSAULT", "TRADE.arms"};
#define EVENT_TYPE_COUNT (sizeof event_types / sizeof event_types[0])

static const char *const predicates[] = {"reports", "states", "confirms", "describes"};
#define PREDICATE_COUNT (sizeof predicates / sizeof predicates[0])

const char *gen_event_type(unsigned i) { return i < EVENT_TYPE_COUNT ? event_types[i] : NULL; }
const char *gen_predicate(unsigned i) { return i < PREDICATE_COUNT ? predicates[i] : NULL; }

static const char *const syllables[] = {
    "ka", "ran", "mo", "li", "sta", "vor", "den", "zu", "pel", "ar", "qa", "dir", "ne", "sho", "tal", "bek",
    "ul", "han", "sar", "go", "mir", "tes", "ri", "va", "lon", "da", "po", "ki", "ser", "um", "ta", "bri",
    "gal", "en", "hu", "ja"};
#define SYLLABLE_COUNT (sizeof syllables / sizeof syllables[0])

/* Words of the sources' texts and of the claims' literals; a few are not ASCII. */
static const char *const text_words[] = {
    "the", "minister", "visited", "talks", "agreement", "Tehrān", "Pyŏngyang", "São", "Paulo", "Ünal", "said",
    "on", "reports", "delegation", "signed", "trade", "military", "aid", "conference", "border", "envoy",
    "statement", "officials", "economic", "accord", "Zürich", "Kraków", "naïve", "rôle", "coöperation", "of",
    "and", "in", "that", "with", "security", "council", "renewed", "ties", "between", "both", "governments",
    "according", "to", "sources", "weapons", "shipment", "embassy", "protest", "sanctions", "joint",
    "exercise", "—", "“quoted”"};
#define TEXT_WORD_COUNT (sizeof text_words / sizeof text_words[0])

/* ---- ids and dates ------------------------------------------------------- */

/* A letter and a decimal number: called millions of times, so without snprintf(). */
static void make_id(char prefix, size_t i, char *buf)
{
    char digits[24];
    size_t n = 0;

    do
        digits[n++] = (char)('0' + i % 10);
    while ((i /= 10) != 0);
    *buf++ = prefix;
    while (n)
        *buf++ = digits[--n];
    *buf = '\0';
}

void gen_entity_id(size_t i, char *buf) { make_id('e', i, buf); }
void gen_event_id(size_t i, char *buf) { make_id('v', i, buf); }
void gen_claim_id(size_t i, char *buf) { make_id('c', i, buf); }
void gen_source_id(size_t i, char *buf) { make_id('s', i, buf); }

void gen_date_text(uint32_t date, char *buf)
{
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)(date / 10000 % 10000), (unsigned)(date / 100 % 100),
             (unsigned)(date % 100));
}

static unsigned days_in_month(unsigned year, unsigned month)
{
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    return month == 2 && leap ? 29 : days[month - 1];
}

static uint32_t random_date(gen_rng *r)
{
    unsigned year = 1900 + (unsigned)gen_rng_below(r, 126); /* 1900 to 2025 */
    unsigned month = 1 + (unsigned)gen_rng_below(r, 12);
    unsigned day = 1 + (unsigned)gen_rng_below(r, days_in_month(year, month));

    return (uint32_t)(year * 10000 + month * 100 + day);
}

/* ---- names and aliases --------------------------------------------------- */

/* A word of 2 or 3 syllables, capitalised. */
static void make_word(gen_rng *r, char *buf, size_t cap)
{
    size_t n = 2 + (size_t)gen_rng_below(r, 2), len = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s", syllables[gen_rng_below(r, SYLLABLE_COUNT)]);
    buf[0] = (char)toupper((unsigned char)buf[0]);
}

static void make_name(gen_rng *r, int kind, char *buf, size_t cap)
{
    static const char *const state_suffix[] = {"ia", "stan", "land", "a", "ania", ""};
    char a[32], b[32];

    make_word(r, a, sizeof a);
    make_word(r, b, sizeof b);
    switch (kind) {
    case REL_ENTITY_STATE:
        snprintf(buf, cap, "%s%s", a, state_suffix[gen_rng_below(r, 6)]);
        break;
    case REL_ENTITY_ORGANISATION: {
        static const char *const forms[] = {"%s-%s Council", "%s People's Front", "%s's League of %s",
                                            "Union of %s-%s"};
        unsigned f = (unsigned)gen_rng_below(r, 4);
        if (f == 1)
            snprintf(buf, cap, "%s People's Front", a);
        else
            snprintf(buf, cap, forms[f], a, b);
        break;
    }
    case REL_ENTITY_PERSON: {
        static const char *const forms[] = {"%s %s", "%s al-%s", "%s O'%s", "%s %s-Ka"};
        snprintf(buf, cap, forms[gen_rng_below(r, 4)], a, b);
        break;
    }
    case REL_ENTITY_GROUP: {
        unsigned f = (unsigned)gen_rng_below(r, 3);
        if (f == 0)
            snprintf(buf, cap, "%s Workers' Movement", a);
        else if (f == 1)
            snprintf(buf, cap, "%s-%s Alliance", a, b);
        else
            snprintf(buf, cap, "Friends of %s", a);
        break;
    }
    default: { /* a place */
        unsigned f = (unsigned)gen_rng_below(r, 4);
        if (f == 0)
            snprintf(buf, cap, "Port %s", a);
        else if (f == 1)
            snprintf(buf, cap, "%s-on-%s", a, b);
        else if (f == 2)
            snprintf(buf, cap, "%s's Crossing", a);
        else
            snprintf(buf, cap, "%s", a);
        break;
    }
    }
}

/* Replaces every byte @p from of @p in by the string @p to. */
static void replace_byte(const char *in, char from, const char *to, char *out, size_t cap)
{
    size_t len = 0, tl = strlen(to);

    for (; *in && len + tl + 1 < cap; in++) {
        if (*in == from) {
            memcpy(out + len, to, tl);
            len += tl;
        } else {
            out[len++] = *in;
        }
    }
    out[len] = '\0';
}

/*
 * A surface form of @p name: most variants differ from it only in case,
 * dashes, apostrophes or spaces (so a normalised lookup finds them and an
 * exact one does not); the others are other names.
 */
static void make_variant(gen_rng *r, const char *name, char *out, size_t cap)
{
    size_t len = 0;

    switch (gen_rng_below(r, 7)) {
    case 0: /* upper case */
        for (; name[len] && len + 1 < cap; len++)
            out[len] = (char)toupper((unsigned char)name[len]);
        out[len] = '\0';
        break;
    case 1: /* lower case */
        for (; name[len] && len + 1 < cap; len++)
            out[len] = (char)tolower((unsigned char)name[len]);
        out[len] = '\0';
        break;
    case 2: /* en dash for hyphen */
        replace_byte(name, '-', "\xE2\x80\x93", out, cap);
        break;
    case 3: /* typographic apostrophe */
        replace_byte(name, '\'', "\xE2\x80\x99", out, cap);
        break;
    case 4: /* doubled spaces */
        replace_byte(name, ' ', "  ", out, cap);
        break;
    case 5: /* with an article */
        snprintf(out, cap, "the %s", name);
        break;
    default: { /* initials, upper case: shared by many entities */
        int start = 1;
        for (const char *p = name; *p && len + 1 < cap; p++) {
            if (isalpha((unsigned char)*p) && start)
                out[len++] = (char)toupper((unsigned char)*p);
            start = !isalpha((unsigned char)*p);
        }
        out[len] = '\0';
        if (len < 2)
            snprintf(out, cap, "%s Office", name);
        break;
    }
    }
}

static int push_string(gen_data *g, const char *s, uint32_t *off)
{
    size_t len = strlen(s) + 1;

    if (g->strings_len + len > g->strings_cap) {
        size_t cap = g->strings_cap ? g->strings_cap * 2 : 1 << 16;
        char *p;
        while (cap < g->strings_len + len)
            cap *= 2;
        if (cap > UINT32_MAX || !(p = realloc(g->strings, cap)))
            return -1;
        g->strings = p;
        g->strings_cap = cap;
    }
    memcpy(g->strings + g->strings_len, s, len);
    *off = (uint32_t)g->strings_len;
    g->strings_len += len;
    return 0;
}

static int make_entities(gen_data *g, gen_rng *r)
{
    static const int actor_kinds[] = {REL_ENTITY_STATE, REL_ENTITY_ORGANISATION, REL_ENTITY_PERSON, REL_ENTITY_GROUP};
    char name[128], alias[192];

    g->entities = calloc(g->entity_count, sizeof *g->entities);
    g->actors = calloc(g->entity_count, sizeof *g->actors);
    if (!g->entities || !g->actors)
        return -1;
    for (size_t i = 0; i < g->entity_count; i++) {
        gen_entity *e = &g->entities[i];
        /* Every tenth entity is a place: it is where events happen, never an actor. */
        int kind = i % 10 == 9 ? REL_ENTITY_PLACE : actor_kinds[gen_rng_below(r, 4)];
        size_t want = (size_t)gen_rng_below(r, GEN_MAX_ALIASES + 1);

        e->kind = (uint8_t)kind;
        make_name(r, kind, name, sizeof name);
        if (push_string(g, name, &e->name) != 0)
            return -1;
        /* A few tries for each alias, since some variants leave a name as it is. */
        for (size_t k = 0; k < 4 * want && e->alias_count < want; k++) {
            int dup;
            make_variant(r, name, alias, sizeof alias);
            dup = strcmp(alias, name) == 0;
            for (size_t j = 0; j < e->alias_count && !dup; j++)
                dup = strcmp(alias, gen_str(g, e->alias[j])) == 0;
            if (dup)
                continue;
            if (push_string(g, alias, &e->alias[e->alias_count]) != 0)
                return -1;
            e->alias_count++;
            g->alias_count++;
        }
        if (kind != REL_ENTITY_PLACE)
            g->actors[g->actor_count++] = (uint32_t)i;
    }
    /* Shuffle, so that the most frequent actors are spread over the ids. */
    for (size_t i = g->actor_count; i > 1; i--) {
        size_t j = (size_t)gen_rng_below(r, i);
        uint32_t t = g->actors[i - 1];
        g->actors[i - 1] = g->actors[j];
        g->actors[j] = t;
    }
    return 0;
}

/* ---- events -------------------------------------------------------------- */

/*
 * Actor frequency follows a Zipf-Mandelbrot law: rank k has weight
 * 1 / (k + 3). At full scale the first few actors take part in tens of
 * thousands of events each, the median one in a handful.
 */
static double *make_zipf_cdf(size_t n)
{
    double *cdf = malloc(n * sizeof *cdf), sum = 0.0;

    if (!cdf)
        return NULL;
    for (size_t k = 0; k < n; k++)
        cdf[k] = (sum += 1.0 / ((double)k + 4.0));
    for (size_t k = 0; k < n; k++)
        cdf[k] /= sum;
    return cdf;
}

static size_t zipf_pick(gen_rng *r, const double *cdf, size_t n)
{
    double u = gen_rng_unit(r);
    size_t lo = 0, hi = n - 1;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cdf[mid] > u)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static int make_events(gen_data *g, gen_rng *r)
{
    double *cdf = make_zipf_cdf(g->actor_count);
    size_t places = g->entity_count / 10;

    g->events = calloc(g->event_count, sizeof *g->events);
    if (!cdf || !g->events) {
        free(cdf);
        return -1;
    }
    for (size_t i = 0; i < g->event_count; i++) {
        gen_event *ev = &g->events[i];
        size_t a = zipf_pick(r, cdf, g->actor_count), b;
        do
            b = zipf_pick(r, cdf, g->actor_count);
        while (b == a);
        ev->actor = g->actors[a];
        ev->target = g->actors[b];
        /* Half of the events have a location: the place entities are 9, 19, 29, ... */
        ev->place = gen_rng_below(r, 2) ? (uint32_t)(10 * gen_rng_below(r, places) + 9) : GEN_NO_PLACE;
        ev->date = random_date(r);
        ev->type = (uint16_t)gen_rng_below(r, EVENT_TYPE_COUNT);
    }
    free(cdf);
    return 0;
}

/* ---- sources and claims -------------------------------------------------- */

/* A long text of words; @p starts receives the byte offset of every word. */
static int make_source(gen_source *s, gen_rng *r, size_t target_len, uint32_t **starts, size_t *nstarts)
{
    size_t cap = target_len + 64, len = 0, n = 0, ncap = target_len / 2 + 16;
    char *text = malloc(cap);
    uint32_t *st = malloc(ncap * sizeof *st);

    if (!text || !st) {
        free(text);
        free(st);
        return -1;
    }
    while (len < target_len) {
        const char *w = text_words[gen_rng_below(r, TEXT_WORD_COUNT)];
        size_t wl = strlen(w);
        if (n > 0)
            text[len++] = (n % 97 == 0) ? '\n' : ' ';
        st[n++] = (uint32_t)len;
        memcpy(text + len, w, wl);
        len += wl;
        if (gen_rng_below(r, 12) == 0)
            text[len++] = '.';
    }
    text[len] = '\0';
    s->text = text;
    s->len = len;
    *starts = st;
    *nstarts = n;
    return 0;
}

/* A sentence of words, about 80 bytes long; returns its length. */
static size_t make_claim_text(gen_rng *r, char *buf, size_t cap)
{
    size_t len = 0;

    buf[0] = '\0';
    while (len < 76 && len + 32 < cap) {
        const char *w = text_words[gen_rng_below(r, TEXT_WORD_COUNT)];
        size_t wl = strlen(w);
        if (len)
            buf[len++] = ' ';
        memcpy(buf + len, w, wl);
        len += wl;
    }
    buf[len++] = '.';
    buf[len] = '\0';
    buf[0] = (char)toupper((unsigned char)buf[0]);
    return len;
}

static int make_claims(gen_data *g, gen_rng *r)
{
    /* Sixteen sources of about 1 MiB each at full scale (at least 16 KiB). */
    size_t target_len = 16384 + (size_t)(1048576.0 * g->scale);
    uint32_t *starts[16] = {0};
    size_t nstarts[16] = {0}, texts_len = 0, texts_cap = 1 << 16;
    int rc = -1;

    g->source_count = 16;
    g->sources = calloc(g->source_count, sizeof *g->sources);
    g->claims = calloc(g->claim_count, sizeof *g->claims);
    g->claim_texts = malloc(texts_cap);
    if (!g->sources || !g->claims || !g->claim_texts)
        return -1;
    for (size_t s = 0; s < g->source_count; s++)
        if (make_source(&g->sources[s], r, target_len, &starts[s], &nstarts[s]) != 0)
            goto out;
    for (size_t i = 0; i < g->claim_count; i++) {
        gen_claim *c = &g->claims[i];
        unsigned s = (unsigned)gen_rng_below(r, g->source_count);
        size_t w = (size_t)gen_rng_below(r, nstarts[s] - 16), k = 3 + (size_t)gen_rng_below(r, 10);

        c->event = (uint32_t)gen_rng_below(r, g->event_count);
        c->claimant = g->actors[gen_rng_below(r, g->actor_count)];
        c->source = (uint8_t)s;
        /* From the start of a word to the end of the k-th word after it (before its separator). */
        c->start = starts[s][w];
        c->end = starts[s][w + k] - 1;
        c->modality = (uint8_t)(REL_MODALITY_ASSERTED + gen_rng_below(r, REL_MODALITY_HEDGED));
        c->predicate = (uint8_t)gen_rng_below(r, PREDICATE_COUNT);
        if (texts_len + 128 > texts_cap) {
            char *p;
            texts_cap *= 2;
            if (texts_cap > UINT32_MAX || !(p = realloc(g->claim_texts, texts_cap)))
                goto out;
            g->claim_texts = p;
        }
        c->text = (uint32_t)texts_len;
        c->text_len = (uint8_t)make_claim_text(r, g->claim_texts + texts_len, 128);
        texts_len += (size_t)c->text_len + 1;
    }
    rc = 0;
out:
    for (size_t s = 0; s < 16; s++)
        free(starts[s]);
    return rc;
}

/* ---- the whole ----------------------------------------------------------- */

static size_t scaled(double base, double scale, size_t min)
{
    double v = floor(base * scale + 0.5);

    return v < (double)min ? min : (size_t)v;
}

int gen_make(gen_data *g, double scale, uint64_t seed)
{
    gen_rng r;

    memset(g, 0, sizeof *g);
    g->scale = scale;
    g->seed = seed;
    g->entity_count = scaled(100000, scale, 20);
    g->event_count = scaled(1000000, scale, 20);
    g->claim_count = scaled(1000000, scale, 20);
    if (!(scale > 0 && scale <= GEN_MAX_SCALE))
        return -1;
    gen_rng_seed(&r, seed);
    if (make_entities(g, &r) != 0 || make_events(g, &r) != 0 || make_claims(g, &r) != 0) {
        gen_free(g);
        return -1;
    }
    return 0;
}

void gen_free(gen_data *g)
{
    if (g->sources)
        for (size_t s = 0; s < g->source_count; s++)
            free(g->sources[s].text);
    free(g->sources);
    free(g->claims);
    free(g->claim_texts);
    free(g->events);
    free(g->strings);
    free(g->actors);
    free(g->entities);
    memset(g, 0, sizeof *g);
}
