/* SPDX-License-Identifier: MIT */
/* The built-in knowledge base (lib/kb.c, lib/builtin.c): sources, lookups, integrity and facts of the annotation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <relations.h>

#include "helpers.h"

#define SRC_OLDER "000_d477b4b9c20a8e87"
#define SRC_EXCERPTS "001_689928cb94a769b6"
#define SRC_LATER "002_0300900bb6ce87ea"

/* A pointer no lookup would return: failed lookups must overwrite it with NULL. */
static const char poison[1];

/* ---- helpers ------------------------------------------------------------ */

static const rel_source *source(const rel_kb *kb, const char *id)
{
    const rel_source *s = NULL;

    if (rel_kb_find_source(kb, id, REL_NTS, &s) != REL_OK)
        fail_msg("no source \"%s\"", id);
    return s;
}

static const rel_entity *entity(const rel_kb *kb, const char *id)
{
    const rel_entity *e = NULL;

    if (rel_kb_find_entity(kb, id, REL_NTS, &e) != REL_OK)
        fail_msg("no entity \"%s\"", id);
    return e;
}

static const rel_event *event(const rel_kb *kb, const char *id)
{
    const rel_event *ev = NULL;

    if (rel_kb_find_event(kb, id, REL_NTS, &ev) != REL_OK)
        fail_msg("no event \"%s\"", id);
    return ev;
}

static const rel_claim *claim(const rel_kb *kb, const char *id)
{
    const rel_claim *c = NULL;

    if (rel_kb_find_claim(kb, id, REL_NTS, &c) != REL_OK)
        fail_msg("no claim \"%s\"", id);
    return c;
}

/* Fails unless e is the entity of kb with its id. */
static void assert_entity_of(const rel_kb *kb, const rel_entity *e, const char *what)
{
    const rel_entity *found = NULL;
    const char *id = rel_entity_id(e, NULL);

    if (!e || !id)
        fail_msg("%s: no entity", what);
    if (rel_kb_find_entity(kb, id, REL_NTS, &found) != REL_OK || found != e)
        fail_msg("%s: entity \"%s\" is not an entity of this knowledge base", what, id);
}

static void assert_event_of(const rel_kb *kb, const rel_event *ev, const char *what)
{
    const rel_event *found = NULL;
    const char *id = rel_event_id(ev, NULL);

    if (!ev || !id)
        fail_msg("%s: no event", what);
    if (rel_kb_find_event(kb, id, REL_NTS, &found) != REL_OK || found != ev)
        fail_msg("%s: event \"%s\" is not an event of this knowledge base", what, id);
}

static void assert_claim_of(const rel_kb *kb, const rel_claim *c, const char *what)
{
    const rel_claim *found = NULL;
    const char *id = rel_claim_id(c, NULL);

    if (!c || !id)
        fail_msg("%s: no claim", what);
    if (rel_kb_find_claim(kb, id, REL_NTS, &found) != REL_OK || found != c)
        fail_msg("%s: claim \"%s\" is not a claim of this knowledge base", what, id);
}

/* A claim's subject or object: whatever it refers to must be of this kb. */
static void assert_value_refs_of(const rel_kb *kb, const rel_value *v, const char *what)
{
    switch (rel_value_kind(v)) {
    case REL_VALUE_ENTITY: assert_entity_of(kb, rel_value_entity(v), what); break;
    case REL_VALUE_EVENT: assert_event_of(kb, rel_value_event(v), what); break;
    case REL_VALUE_CLAIM: assert_claim_of(kb, rel_value_claim(v), what); break;
    default: break;
    }
}

/* Whether the event has evidence in the source. */
static int event_stated_in(const rel_event *ev, const rel_source *s)
{
    size_t i;

    for (i = 0; i < rel_event_evidence_count(ev); i++)
        if (rel_evidence_source(rel_event_evidence_at(ev, i)) == s)
            return 1;
    return 0;
}

/* ^[A-Z][A-Z_]*(\.[a-z][a-z_]*)*$, the form docs/event-types.md gives. */
static int event_type_well_formed(const char *s)
{
    size_t i = 0;

    if (s[0] < 'A' || s[0] > 'Z')
        return 0;
    while ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_')
        i++;
    while (s[i] == '.') {
        i++;
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
        while ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_')
            i++;
    }
    return s[i] == '\0';
}

/* Whether two texts (either may be absent) differ. */
static int texts_differ(const char *a, size_t alen, const char *b, size_t blen)
{
    if (!a || !b)
        return a != b;
    return alen != blen || memcmp(a, b, alen) != 0;
}

/* Whether two claim values differ (what "different objects" means to a program). */
static int values_differ(const rel_value *a, const rel_value *b)
{
    const char *ta, *tb;
    size_t la, lb;
    double qa, qb;

    if (rel_value_kind(a) != rel_value_kind(b))
        return 1;
    ta = rel_value_text(a, &la);
    tb = rel_value_text(b, &lb);
    switch (rel_value_kind(a)) {
    case REL_VALUE_ENTITY: return rel_value_entity(a) != rel_value_entity(b);
    case REL_VALUE_EVENT: return rel_value_event(a) != rel_value_event(b);
    case REL_VALUE_CLAIM: return rel_value_claim(a) != rel_value_claim(b);
    case REL_VALUE_TIME: return rel_time_compare(rel_value_time(a), rel_value_time(b)) != 0;
    case REL_VALUE_LITERAL: return texts_differ(ta, la, tb, lb);
    case REL_VALUE_QUANTITY:
        assert_int_equal(rel_value_quantity(a, &qa), REL_OK);
        assert_int_equal(rel_value_quantity(b, &qb), REL_OK);
        return qa != qb || texts_differ(ta, la, tb, lb);
    default: return 0;
    }
}

static int has_alias(const rel_entity *e, const char *text, const char *lang)
{
    size_t i;

    for (i = 0; i < rel_entity_alias_count(e); i++)
        if (strcmp(rel_entity_alias_text(e, i, NULL), text) == 0 &&
            strcmp(rel_entity_alias_lang(e, i, NULL), lang) == 0)
            return 1;
    return 0;
}

/* ---- sources ------------------------------------------------------------ */

static void test_kb__three_sources_in_order(void **state)
{
    const rel_kb *kb = *state;
    static const char *const ids[] = {SRC_OLDER, SRC_EXCERPTS, SRC_LATER};
    size_t i, len;

    assert_int_equal(rel_kb_source_count(kb), 3);
    for (i = 0; i < 3; i++) {
        const rel_source *s = rel_kb_source_at(kb, i);
        assert_non_null(s);
        assert_string_equal(rel_source_id(s, &len), ids[i]);
        assert_int_equal(len, strlen(ids[i]));
        assert_int_equal(rel_source_index(s), i);
    }
}

static void test_kb__source_texts_are_the_corpus_files(void **state)
{
    const rel_kb *kb = *state;
    size_t i;

    for (i = 0; i < rel_kb_source_count(kb); i++) {
        const rel_source *s = rel_kb_source_at(kb, i);
        char path[1024];
        size_t file_len = 0, text_len = 0;
        const char *text = rel_source_text(s, &text_len);
        char *file;

        snprintf(path, sizeof(path), "%s/%s.txt", REL_TEST_CORPUS_DIR, rel_source_id(s, NULL));
        file = helper_read_file(path, &file_len);
        if (!file)
            fail_msg("cannot read %s", path);
        assert_non_null(text);
        assert_int_equal(text_len, file_len);
        if (memcmp(text, file, file_len) != 0)
            fail_msg("the built-in text of %s differs from %s", rel_source_id(s, NULL), path);
        assert_int_equal(text[text_len], '\0');
        free(file);
    }
}

static void test_kb__source_metadata(void **state)
{
    const rel_kb *kb = *state;
    size_t i, len;

    for (i = 0; i < rel_kb_source_count(kb); i++) {
        const rel_source *s = rel_kb_source_at(kb, i);
        assert_string_equal(rel_source_licence(s, &len), "CC BY-SA 4.0");
        assert_int_equal(len, strlen("CC BY-SA 4.0"));
        assert_string_equal(rel_source_title(s, NULL), "Iran–North Korea relations");
        assert_string_equal(rel_source_lang(s, NULL), "en");
    }
}

static void test_kb__find_source_by_unique_prefix(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s = NULL;

    assert_int_equal(rel_kb_find_source(kb, "000", REL_NTS, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 0));
    assert_int_equal(rel_kb_find_source(kb, "002_0", REL_NTS, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 2));
    assert_int_equal(rel_kb_find_source(kb, SRC_EXCERPTS, REL_NTS, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 1));
    /* The length counts, not the NUL: "001" out of "001xyz". */
    assert_int_equal(rel_kb_find_source(kb, "001xyz", 3, &s), REL_OK);
    assert_ptr_equal(s, rel_kb_source_at(kb, 1));
}

static void test_kb__find_source_ambiguous_prefix(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s = (const rel_source *)poison;

    assert_int_equal(rel_kb_find_source(kb, "0", REL_NTS, &s), REL_ERR_AMBIGUOUS);
    assert_null(s);
    s = (const rel_source *)poison;
    assert_int_equal(rel_kb_find_source(kb, "00", REL_NTS, &s), REL_ERR_AMBIGUOUS);
    assert_null(s);
}

static void test_kb__find_source_unknown_prefix(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s = (const rel_source *)poison;

    assert_int_equal(rel_kb_find_source(kb, "9", REL_NTS, &s), REL_ERR_NOT_FOUND);
    assert_null(s);
    s = (const rel_source *)poison;
    assert_int_equal(rel_kb_find_source(kb, SRC_OLDER "0", REL_NTS, &s), REL_ERR_NOT_FOUND);
    assert_null(s);
    s = (const rel_source *)poison;
    assert_int_equal(rel_kb_find_source(kb, "", REL_NTS, &s), REL_ERR_NOT_FOUND);
    assert_null(s);
}

/* ---- integrity ---------------------------------------------------------- */

static void test_kb__at_least_twenty_events_and_claims(void **state)
{
    const rel_kb *kb = *state;

    assert_true(rel_kb_event_count(kb) >= 20);
    assert_true(rel_kb_claim_count(kb) >= 20);
    assert_true(rel_kb_entity_count(kb) >= 1);
}

static void test_kb__every_object_has_evidence(void **state)
{
    const rel_kb *kb = *state;
    size_t i;

    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        const rel_entity *e = rel_kb_entity_at(kb, i);
        if (rel_entity_evidence_count(e) == 0 || !rel_entity_evidence_at(e, 0))
            fail_msg("entity %s has no evidence", rel_entity_id(e, NULL));
    }
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev = rel_kb_event_at(kb, i);
        if (rel_event_evidence_count(ev) == 0 || !rel_event_evidence_at(ev, 0))
            fail_msg("event %s has no evidence", rel_event_id(ev, NULL));
    }
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        if (rel_claim_evidence_count(c) == 0 || !rel_claim_evidence_at(c, 0))
            fail_msg("claim %s has no evidence", rel_claim_id(c, NULL));
    }
}

static void test_kb__every_id_resolves_to_its_object(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s;
    const rel_entity *e;
    const rel_event *ev;
    const rel_claim *c;
    const char *id;
    size_t i, len;

    for (i = 0; i < rel_kb_source_count(kb); i++) {
        id = rel_source_id(rel_kb_source_at(kb, i), &len);
        assert_int_equal(rel_kb_id_kind(kb, id, len), REL_OBJECT_SOURCE);
        assert_int_equal(rel_kb_find_source(kb, id, len, &s), REL_OK);
        assert_ptr_equal(s, rel_kb_source_at(kb, i));
    }
    for (i = 0; i < rel_kb_entity_count(kb); i++) {
        id = rel_entity_id(rel_kb_entity_at(kb, i), &len);
        if (rel_kb_id_kind(kb, id, len) != REL_OBJECT_ENTITY)
            fail_msg("id \"%s\" is not an entity's", id);
        assert_int_equal(rel_kb_find_entity(kb, id, len, &e), REL_OK);
        assert_ptr_equal(e, rel_kb_entity_at(kb, i));
    }
    for (i = 0; i < rel_kb_event_count(kb); i++) {
        id = rel_event_id(rel_kb_event_at(kb, i), &len);
        if (rel_kb_id_kind(kb, id, len) != REL_OBJECT_EVENT)
            fail_msg("id \"%s\" is not an event's", id);
        assert_int_equal(rel_kb_find_event(kb, id, len, &ev), REL_OK);
        assert_ptr_equal(ev, rel_kb_event_at(kb, i));
    }
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        id = rel_claim_id(rel_kb_claim_at(kb, i), &len);
        if (rel_kb_id_kind(kb, id, len) != REL_OBJECT_CLAIM)
            fail_msg("id \"%s\" is not a claim's", id);
        assert_int_equal(rel_kb_find_claim(kb, id, len, &c), REL_OK);
        assert_ptr_equal(c, rel_kb_claim_at(kb, i));
    }
}

static void test_kb__participants_are_entities_of_the_kb(void **state)
{
    const rel_kb *kb = *state;
    size_t i, j;

    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const rel_event *ev = rel_kb_event_at(kb, i);
        assert_true(rel_event_participant_count(ev) > 0);
        for (j = 0; j < rel_event_participant_count(ev); j++) {
            assert_entity_of(kb, rel_event_participant_entity(ev, j), rel_event_id(ev, NULL));
            if (!rel_role_name(rel_event_participant_role(ev, j)))
                fail_msg("event %s: participant %zu has no valid role", rel_event_id(ev, NULL), j);
        }
    }
}

static void test_kb__claim_references_are_objects_of_the_kb(void **state)
{
    const rel_kb *kb = *state;
    size_t i, j;

    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        const char *id = rel_claim_id(c, NULL);
        int32_t subject_kind = rel_value_kind(rel_claim_subject(c));

        assert_entity_of(kb, rel_claim_claimant(c), id);
        if (!rel_modality_name(rel_claim_modality(c)))
            fail_msg("claim %s has no valid default modality", id);
        if (subject_kind != REL_VALUE_ENTITY && subject_kind != REL_VALUE_EVENT && subject_kind != REL_VALUE_CLAIM)
            fail_msg("claim %s: the subject is not an entity, event or claim", id);
        assert_value_refs_of(kb, rel_claim_subject(c), id);
        assert_value_refs_of(kb, rel_claim_object(c), id);
        for (j = 0; j < rel_kb_source_count(kb); j++) {
            const rel_source *s = rel_kb_source_at(kb, j);
            if (rel_claim_modality_in(c, s) != REL_MODALITY_NONE)
                assert_entity_of(kb, rel_claim_claimant_in(c, s), id);
        }
        for (j = 0; j < rel_claim_relation_count(c); j++) {
            assert_claim_of(kb, rel_claim_relation_target(c, j), id);
            assert_ptr_not_equal(rel_claim_relation_target(c, j), c);
            if (!rel_relation_name(rel_claim_relation_type(c, j)))
                fail_msg("claim %s: relation %zu has no valid type", id, j);
        }
    }
}

static void test_kb__claims_stated_where_they_have_evidence(void **state)
{
    const rel_kb *kb = *state;
    size_t i, j, k;

    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *c = rel_kb_claim_at(kb, i);
        for (j = 0; j < rel_kb_source_count(kb); j++) {
            const rel_source *s = rel_kb_source_at(kb, j);
            int stated = 0;
            for (k = 0; k < rel_claim_evidence_count(c); k++)
                stated |= rel_evidence_source(rel_claim_evidence_at(c, k)) == s;
            if (stated != (rel_claim_modality_in(c, s) != REL_MODALITY_NONE) ||
                stated != (rel_claim_claimant_in(c, s) != NULL))
                fail_msg("claim %s: modality and claimant in %s disagree with its evidence", rel_claim_id(c, NULL),
                         rel_source_id(s, NULL));
        }
    }
}

static void test_kb__event_types_are_root_or_root_mode(void **state)
{
    const rel_kb *kb = *state;
    size_t i, len;

    for (i = 0; i < rel_kb_event_count(kb); i++) {
        const char *type = rel_event_type(rel_kb_event_at(kb, i), &len);
        assert_non_null(type);
        assert_int_equal(strlen(type), len);
        if (!event_type_well_formed(type))
            fail_msg("event %s: type \"%s\" is not ROOT or ROOT.mode", rel_event_id(rel_kb_event_at(kb, i), NULL),
                     type);
    }
    /* The checker itself tells good from bad. */
    assert_true(event_type_well_formed("AID.military"));
    assert_true(event_type_well_formed("REJECT"));
    assert_false(event_type_well_formed("aid.military"));
    assert_false(event_type_well_formed("AID.Military"));
    assert_false(event_type_well_formed("AID."));
}

/* ---- facts of the annotation ------------------------------------------- */

static void test_kb__nuclear_cooperation_asserted_then_reported(void **state)
{
    const rel_kb *kb = *state;
    const rel_claim *c = claim(kb, "c-nuclear-cooperation");
    const rel_source *older = source(kb, "000"), *excerpts = source(kb, "001"), *later = source(kb, "002");

    assert_int_equal(rel_claim_modality_in(c, older), REL_MODALITY_ASSERTED);
    assert_ptr_equal(rel_claim_claimant_in(c, older), entity(kb, "article"));
    assert_int_equal(rel_claim_modality_in(c, later), REL_MODALITY_REPORTED);
    assert_ptr_equal(rel_claim_claimant_in(c, later), entity(kb, "some-media-reports"));
    assert_string_equal(rel_entity_name(rel_claim_claimant_in(c, later), NULL), "Some media reports");
    /* The excerpts do not state it at all. */
    assert_int_equal(rel_claim_modality_in(c, excerpts), REL_MODALITY_NONE);
    assert_null(rel_claim_claimant_in(c, excerpts));
    /* The defaults are the older version's. */
    assert_int_equal(rel_claim_modality(c), REL_MODALITY_ASSERTED);
    assert_ptr_equal(rel_claim_claimant(c), entity(kb, "article"));
}

static void test_kb__claim_of_another_kb_source_is_not_stated(void **state)
{
    const rel_kb *kb = *state;
    const rel_claim *c = claim(kb, "c-nuclear-cooperation");
    rel_kb *other = helper_open_builtin();
    const rel_source *foreign = source(other, "000");

    assert_ptr_not_equal(foreign, source(kb, "000"));
    assert_int_equal(rel_claim_modality_in(c, foreign), REL_MODALITY_NONE);
    assert_null(rel_claim_claimant_in(c, foreign));
    rel_kb_free(other);
}

static void test_kb__dispute_is_a_claim_about_the_claim(void **state)
{
    const rel_kb *kb = *state;
    const rel_claim *nuclear = claim(kb, "c-nuclear-cooperation");
    const rel_claim *dispute = claim(kb, "c-nuclear-disputed-by-us-publications");
    const rel_value *subject = rel_claim_subject(dispute);
    size_t i;
    int disputes = 0;

    assert_int_equal(rel_value_kind(subject), REL_VALUE_CLAIM);
    assert_ptr_equal(rel_value_claim(subject), nuclear);
    assert_null(rel_value_entity(subject));
    assert_null(rel_value_event(subject));
    assert_string_equal(rel_claim_predicate(dispute, NULL), "disputes");
    assert_int_equal(rel_value_kind(rel_claim_object(dispute)), REL_VALUE_NONE);
    for (i = 0; i < rel_claim_relation_count(dispute); i++)
        disputes |= rel_claim_relation_type(dispute, i) == REL_RELATION_DISPUTES &&
                    rel_claim_relation_target(dispute, i) == nuclear;
    assert_true(disputes);
    /* Only the later version says so. */
    assert_int_equal(rel_claim_modality_in(dispute, source(kb, "002")), REL_MODALITY_ASSERTED);
    assert_int_equal(rel_claim_modality_in(dispute, source(kb, "000")), REL_MODALITY_NONE);
}

static void test_kb__program_finds_the_conflicting_dates(void **state)
{
    const rel_kb *kb = *state;
    const rel_claim *more_than_1600 = claim(kb, "c-relationship-more-than-1600-years");
    const rel_claim *about_1500 = claim(kb, "c-relationship-1500-years");
    size_t i, j, pairs = 0;
    int found = 0;

    /* Every pair with the same subject and predicate and different objects. */
    for (i = 0; i < rel_kb_claim_count(kb); i++) {
        const rel_claim *a = rel_kb_claim_at(kb, i);
        for (j = i + 1; j < rel_kb_claim_count(kb); j++) {
            const rel_claim *b = rel_kb_claim_at(kb, j);
            if (values_differ(rel_claim_subject(a), rel_claim_subject(b)) ||
                strcmp(rel_claim_predicate(a, NULL), rel_claim_predicate(b, NULL)) != 0 ||
                !values_differ(rel_claim_object(a), rel_claim_object(b)))
                continue;
            pairs++;
            found |= (a == more_than_1600 && b == about_1500) || (a == about_1500 && b == more_than_1600);
        }
    }
    assert_true(found);
    assert_true(pairs >= 1);
    /* The two values are times, read from these words. */
    assert_int_equal(rel_value_kind(rel_claim_object(more_than_1600)), REL_VALUE_TIME);
    assert_int_equal(rel_value_kind(rel_claim_object(about_1500)), REL_VALUE_TIME);
    assert_string_equal(rel_value_text(rel_claim_object(more_than_1600), NULL), "more than 1600 years ago");
    assert_string_equal(rel_value_text(rel_claim_object(about_1500), NULL), "1500 years ago");
    assert_int_equal(rel_time_mod(rel_value_time(rel_claim_object(more_than_1600))), REL_MOD_MORE_THAN);
    assert_int_equal(rel_time_mod(rel_value_time(rel_claim_object(about_1500))), REL_MOD_APPROX);
}

static void test_kb__boeing_flights_in_early_october_1980(void **state)
{
    const rel_kb *kb = *state;
    const rel_event *ev = event(kb, "boeing-flights-1980");
    const rel_time *t = rel_event_time(ev);
    char buf[64];
    size_t len;

    assert_non_null(t);
    assert_int_equal(rel_time_format(t, buf, sizeof(buf), &len), REL_OK);
    assert_string_equal(buf, "START 1980-10");
    assert_int_equal(rel_time_mod(t), REL_MOD_START);
    assert_int_equal(rel_time_describe(t, buf, sizeof(buf), &len), REL_OK);
    assert_string_equal(buf, "early October 1980");
    assert_string_equal(rel_event_time_text(ev, &len), "early October 1980");
    assert_int_equal(len, strlen("early October 1980"));
    assert_string_equal(rel_event_type(ev, NULL), "AID.military");
    assert_true(event_stated_in(ev, source(kb, "001")));
    assert_false(event_stated_in(ev, source(kb, "000")));
    assert_false(event_stated_in(ev, source(kb, "002")));
}

static void test_kb__arms_trade_treaty_block_in_every_version(void **state)
{
    const rel_kb *kb = *state;
    const rel_event *ev = event(kb, "arms-trade-treaty-blocked-2013");
    char buf[64];
    size_t i, j;
    int agent = 0;

    assert_int_equal(rel_time_format(rel_event_time(ev), buf, sizeof(buf), NULL), REL_OK);
    assert_string_equal(buf, "2013-03");
    assert_string_equal(rel_event_time_text(ev, NULL), "March 2013");
    for (i = 0; i < rel_kb_source_count(kb); i++)
        if (!event_stated_in(ev, rel_kb_source_at(kb, i)))
            fail_msg("the Arms Trade Treaty event has no evidence in %s",
                     rel_source_id(rel_kb_source_at(kb, i), NULL));
    for (j = 0; j < rel_event_participant_count(ev); j++)
        agent |= rel_event_participant_entity(ev, j) == entity(kb, "north-korea") &&
                 rel_event_participant_role(ev, j) == REL_ROLE_AGENT;
    assert_true(agent);
}

static void test_kb__korean_and_persian_aliases(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *relations = entity(kb, "iran-north-korea-relations");
    const rel_entity *iran = entity(kb, "iran");
    const rel_entity *north_korea = entity(kb, "north-korea");

    assert_true(has_alias(relations, "이란-조선민주주의인민공화국 관계", "ko"));
    assert_true(has_alias(relations, "روابط ایران و کرۀ شمالی", "fa"));
    assert_true(has_alias(iran, "이란", "ko"));
    assert_true(has_alias(iran, "ایران", "fa"));
    assert_true(has_alias(north_korea, "조선민주주의인민공화국", "ko"));
    assert_true(has_alias(north_korea, "کرۀ شمالی", "fa"));
    /* The language counts: the Korean title is not an English alias. */
    assert_false(has_alias(relations, "이란-조선민주주의인민공화국 관계", "en"));
}

/* ---- out of range and bad arguments ------------------------------------- */

static void test_kb__walk_out_of_range_is_null(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *e = entity(kb, "iran");
    const rel_event *ev = event(kb, "boeing-flights-1980");
    const rel_claim *c = claim(kb, "c-nuclear-disputed-by-us-publications");
    size_t len = 99;

    assert_null(rel_kb_source_at(kb, rel_kb_source_count(kb)));
    assert_null(rel_kb_entity_at(kb, rel_kb_entity_count(kb)));
    assert_null(rel_kb_event_at(kb, rel_kb_event_count(kb)));
    assert_null(rel_kb_claim_at(kb, rel_kb_claim_count(kb)));
    assert_null(rel_kb_claim_at(kb, SIZE_MAX));
    assert_null(rel_entity_alias_text(e, rel_entity_alias_count(e), &len));
    assert_int_equal(len, 0);
    assert_null(rel_entity_alias_lang(e, rel_entity_alias_count(e), NULL));
    assert_null(rel_entity_evidence_at(e, rel_entity_evidence_count(e)));
    assert_null(rel_event_participant_entity(ev, rel_event_participant_count(ev)));
    assert_int_equal(rel_event_participant_role(ev, rel_event_participant_count(ev)), -1);
    assert_null(rel_event_evidence_at(ev, rel_event_evidence_count(ev)));
    assert_int_equal(rel_claim_relation_type(c, rel_claim_relation_count(c)), 0);
    assert_null(rel_claim_relation_target(c, rel_claim_relation_count(c)));
    assert_null(rel_claim_evidence_at(c, rel_claim_evidence_count(c)));
}

static void test_kb__counts_of_null_are_zero(void **state)
{
    (void)state;
    assert_int_equal(rel_kb_source_count(NULL), 0);
    assert_int_equal(rel_kb_entity_count(NULL), 0);
    assert_int_equal(rel_kb_event_count(NULL), 0);
    assert_int_equal(rel_kb_claim_count(NULL), 0);
    assert_null(rel_kb_source_at(NULL, 0));
    assert_null(rel_kb_entity_at(NULL, 0));
    assert_null(rel_kb_event_at(NULL, 0));
    assert_null(rel_kb_claim_at(NULL, 0));
    assert_int_equal(rel_kb_id_kind(NULL, "iran", REL_NTS), REL_OBJECT_NONE);
}

static void test_kb__find_null_arguments(void **state)
{
    const rel_kb *kb = *state;
    const rel_source *s = (const rel_source *)poison;
    const rel_entity *e = (const rel_entity *)poison;
    const rel_event *ev = (const rel_event *)poison;
    const rel_claim *c = (const rel_claim *)poison;

    assert_int_equal(rel_kb_find_source(NULL, "000", REL_NTS, &s), REL_ERR_ARG);
    assert_null(s);
    s = (const rel_source *)poison;
    assert_int_equal(rel_kb_find_source(kb, NULL, 3, &s), REL_ERR_ARG);
    assert_null(s);
    assert_int_equal(rel_kb_find_source(kb, "000", REL_NTS, NULL), REL_ERR_ARG);

    assert_int_equal(rel_kb_find_entity(NULL, "iran", REL_NTS, &e), REL_ERR_ARG);
    assert_null(e);
    e = (const rel_entity *)poison;
    assert_int_equal(rel_kb_find_entity(kb, NULL, REL_NTS, &e), REL_ERR_ARG);
    assert_null(e);
    assert_int_equal(rel_kb_find_entity(kb, "iran", REL_NTS, NULL), REL_ERR_ARG);

    assert_int_equal(rel_kb_find_event(NULL, "boeing-flights-1980", REL_NTS, &ev), REL_ERR_ARG);
    assert_null(ev);
    ev = (const rel_event *)poison;
    assert_int_equal(rel_kb_find_event(kb, NULL, REL_NTS, &ev), REL_ERR_ARG);
    assert_null(ev);
    assert_int_equal(rel_kb_find_event(kb, "boeing-flights-1980", REL_NTS, NULL), REL_ERR_ARG);

    assert_int_equal(rel_kb_find_claim(NULL, "c-nuclear-cooperation", REL_NTS, &c), REL_ERR_ARG);
    assert_null(c);
    c = (const rel_claim *)poison;
    assert_int_equal(rel_kb_find_claim(kb, NULL, REL_NTS, &c), REL_ERR_ARG);
    assert_null(c);
    assert_int_equal(rel_kb_find_claim(kb, "c-nuclear-cooperation", REL_NTS, NULL), REL_ERR_ARG);

    assert_int_equal(rel_kb_id_kind(kb, NULL, 4), REL_OBJECT_NONE);
}

static void test_kb__find_unknown_id(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *e = (const rel_entity *)poison;
    const rel_event *ev = (const rel_event *)poison;
    const rel_claim *c = (const rel_claim *)poison;

    assert_int_equal(rel_kb_find_entity(kb, "no-such-id", REL_NTS, &e), REL_ERR_NOT_FOUND);
    assert_null(e);
    assert_int_equal(rel_kb_find_event(kb, "no-such-id", REL_NTS, &ev), REL_ERR_NOT_FOUND);
    assert_null(ev);
    assert_int_equal(rel_kb_find_claim(kb, "no-such-id", REL_NTS, &c), REL_ERR_NOT_FOUND);
    assert_null(c);
    assert_int_equal(rel_kb_id_kind(kb, "no-such-id", REL_NTS), REL_OBJECT_NONE);
    /* Ids are exact: no prefixes, no case folding. */
    e = (const rel_entity *)poison;
    assert_int_equal(rel_kb_find_entity(kb, "ira", REL_NTS, &e), REL_ERR_NOT_FOUND);
    assert_null(e);
    assert_int_equal(rel_kb_find_entity(kb, "Iran", REL_NTS, &e), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_id_kind(kb, "000", REL_NTS), REL_OBJECT_NONE);
}

static void test_kb__find_with_explicit_length(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *e = NULL;

    assert_int_equal(rel_kb_find_entity(kb, "iraq-and-more", 4, &e), REL_OK);
    assert_ptr_equal(e, entity(kb, "iraq"));
    assert_int_equal(rel_kb_id_kind(kb, "iraq-and-more", 4), REL_OBJECT_ENTITY);
    assert_int_equal(rel_kb_id_kind(kb, "iraq-and-more", REL_NTS), REL_OBJECT_NONE);
}

static void test_kb__find_of_the_wrong_kind(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *e = (const rel_entity *)poison;
    const rel_event *ev = (const rel_event *)poison;
    const rel_claim *c = (const rel_claim *)poison;

    assert_int_equal(rel_kb_id_kind(kb, "boeing-flights-1980", REL_NTS), REL_OBJECT_EVENT);
    assert_int_equal(rel_kb_find_entity(kb, "boeing-flights-1980", REL_NTS, &e), REL_ERR_NOT_FOUND);
    assert_null(e);
    assert_int_equal(rel_kb_find_event(kb, "iran", REL_NTS, &ev), REL_ERR_NOT_FOUND);
    assert_null(ev);
    assert_int_equal(rel_kb_find_claim(kb, "boeing-flights-1980", REL_NTS, &c), REL_ERR_NOT_FOUND);
    assert_null(c);
    e = (const rel_entity *)poison;
    assert_int_equal(rel_kb_find_entity(kb, SRC_OLDER, REL_NTS, &e), REL_ERR_NOT_FOUND);
    assert_null(e);
    assert_int_equal(rel_kb_find_entity(kb, "c-nuclear-cooperation", REL_NTS, &e), REL_ERR_NOT_FOUND);
}

static void test_kb__lookups_leave_the_error_record_alone(void **state)
{
    const rel_kb *kb = *state;
    const rel_entity *e;
    const rel_source *s;

    assert_int_equal(rel_kb_find_entity(kb, "no-such-id", REL_NTS, &e), REL_ERR_NOT_FOUND);
    assert_int_equal(rel_kb_find_source(kb, "0", REL_NTS, &s), REL_ERR_AMBIGUOUS);
    assert_int_equal(rel_kb_find_entity(kb, NULL, REL_NTS, &e), REL_ERR_ARG);
    assert_non_null(rel_kb_error(kb));
    assert_int_equal(rel_kb_error(kb)->status, REL_OK);
    assert_string_equal(rel_kb_errmsg(kb), "");
}

static void test_kb__open_builtin_null_out(void **state)
{
    rel_error err;

    (void)state;
    memset(&err, 0, sizeof(err));
    assert_int_equal(rel_kb_open_builtin(NULL, NULL, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_true(err.message[0] != '\0');
    assert_int_equal(rel_kb_open_builtin(NULL, NULL, NULL), REL_ERR_ARG);
}

static void test_kb__open_builtin_twice_gives_independent_handles(void **state)
{
    const rel_kb *kb = *state;
    rel_kb *other = NULL;
    rel_error err;

    memset(&err, 0x5a, sizeof(err));
    assert_int_equal(rel_kb_open_builtin(&other, NULL, &err), REL_OK);
    assert_non_null(other);
    assert_int_equal(err.status, REL_OK);
    assert_ptr_not_equal(other, kb);
    assert_int_equal(rel_kb_entity_count(other), rel_kb_entity_count(kb));
    assert_int_equal(rel_kb_claim_count(other), rel_kb_claim_count(kb));
    assert_ptr_not_equal(rel_kb_entity_at(other, 0), rel_kb_entity_at(kb, 0));
    rel_kb_free(other);
}

static void test_kb__options_init(void **state)
{
    rel_kb_options opts;
    rel_kb *kb = NULL;

    (void)state;
    memset(&opts, 0x5a, sizeof(opts));
    assert_int_equal(rel_kb_options_init(&opts, REL_KB_OPTIONS_VERSION), REL_OK);
    assert_int_equal(opts.version, REL_KB_OPTIONS_VERSION);
    assert_null(opts.allocator.malloc);
    assert_null(opts.allocator.realloc);
    assert_null(opts.allocator.free);
    assert_null(opts.base_dir);
    assert_int_equal(rel_kb_options_init(&opts, 0), REL_ERR_ARG);
    assert_int_equal(rel_kb_options_init(&opts, REL_KB_OPTIONS_VERSION + 1), REL_ERR_ARG);
    assert_int_equal(rel_kb_options_init(NULL, REL_KB_OPTIONS_VERSION), REL_ERR_ARG);
    /* Options from rel_kb_options_init() open the built-in knowledge base. */
    assert_int_equal(rel_kb_options_init(&opts, REL_KB_OPTIONS_VERSION), REL_OK);
    assert_int_equal(rel_kb_open_builtin(&kb, &opts, NULL), REL_OK);
    assert_int_equal(rel_kb_source_count(kb), 3);
    rel_kb_free(kb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kb__three_sources_in_order),
        cmocka_unit_test(test_kb__source_texts_are_the_corpus_files),
        cmocka_unit_test(test_kb__source_metadata),
        cmocka_unit_test(test_kb__find_source_by_unique_prefix),
        cmocka_unit_test(test_kb__find_source_ambiguous_prefix),
        cmocka_unit_test(test_kb__find_source_unknown_prefix),
        cmocka_unit_test(test_kb__at_least_twenty_events_and_claims),
        cmocka_unit_test(test_kb__every_object_has_evidence),
        cmocka_unit_test(test_kb__every_id_resolves_to_its_object),
        cmocka_unit_test(test_kb__participants_are_entities_of_the_kb),
        cmocka_unit_test(test_kb__claim_references_are_objects_of_the_kb),
        cmocka_unit_test(test_kb__claims_stated_where_they_have_evidence),
        cmocka_unit_test(test_kb__event_types_are_root_or_root_mode),
        cmocka_unit_test(test_kb__nuclear_cooperation_asserted_then_reported),
        cmocka_unit_test(test_kb__claim_of_another_kb_source_is_not_stated),
        cmocka_unit_test(test_kb__dispute_is_a_claim_about_the_claim),
        cmocka_unit_test(test_kb__program_finds_the_conflicting_dates),
        cmocka_unit_test(test_kb__boeing_flights_in_early_october_1980),
        cmocka_unit_test(test_kb__arms_trade_treaty_block_in_every_version),
        cmocka_unit_test(test_kb__korean_and_persian_aliases),
        cmocka_unit_test(test_kb__walk_out_of_range_is_null),
        cmocka_unit_test(test_kb__counts_of_null_are_zero),
        cmocka_unit_test(test_kb__find_null_arguments),
        cmocka_unit_test(test_kb__find_unknown_id),
        cmocka_unit_test(test_kb__find_with_explicit_length),
        cmocka_unit_test(test_kb__find_of_the_wrong_kind),
        cmocka_unit_test(test_kb__lookups_leave_the_error_record_alone),
        cmocka_unit_test(test_kb__open_builtin_null_out),
        cmocka_unit_test(test_kb__open_builtin_twice_gives_independent_handles),
        cmocka_unit_test(test_kb__options_init),
    };

    return cmocka_run_group_tests_name("kb", tests, helper_setup_builtin, helper_teardown_kb);
}
