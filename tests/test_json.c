/* SPDX-License-Identifier: MIT */
/* JSON import and export (lib/json_*.c): round trips, every member of the format, and located errors. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <relations.h>

#include "helpers.h"
#include "json_import.h" /* rel_json__open_mem(), rel_json__open_file() */

#define ANNOTATION REL_TEST_DATA_DIR "/iran-north-korea.json"

/*
 * The size of the pieces the importer reads (0: its default). The imports
 * of this file go through the two calls below, which read in pieces of
 * that size; the public calls are the same with 0.
 */
static size_t piece;

static rel_status import_mem(rel_kb **out, const char *json, size_t len, const rel_kb_options *opts, rel_error *err)
{
    return rel_json__open_mem(out, json, len, opts, piece, err);
}

static rel_status import_file(rel_kb **out, const char *path, const rel_kb_options *opts, rel_error *err)
{
    return rel_json__open_file(out, path, opts, piece, err);
}

/* ---- fixtures ----------------------------------------------------------- */

/* A scratch folder for the tests that write files; emptied and removed at the end. */
static char scratch[64];

static int setup_scratch(void **state)
{
    (void)state;
    snprintf(scratch, sizeof(scratch), "/tmp/relations-test-json-XXXXXX");
    return mkdtemp(scratch) ? 0 : -1;
}

static int teardown_scratch(void **state)
{
    DIR *d = opendir(scratch);
    struct dirent *e;
    char path[512];

    (void)state;
    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", scratch, e->d_name);
        unlink(path);
    }
    closedir(d);
    return rmdir(scratch);
}

static const char *scratch_path(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", scratch, name);
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

static rel_kb *open_mem(const char *json)
{
    rel_kb *kb = NULL;
    rel_error err;

    if (import_mem(&kb, json, REL_NTS, NULL, &err) != REL_OK)
        fail_msg("import failed at %u:%u: %s", err.line, err.column, err.message);
    assert_non_null(kb);
    return kb;
}

static void assert_same_export(const rel_kb *a, const rel_kb *b)
{
    size_t la = 0, lb = 0;
    char *ja = helper_export(a, &la), *jb = helper_export(b, &lb);

    assert_non_null(ja);
    assert_non_null(jb);
    assert_int_equal(la, lb);
    assert_memory_equal(ja, jb, la);
    free(ja);
    free(jb);
}

/* The byte offset of the nth (0-based) occurrence of needle in text. */
static uint64_t offset_of(const char *text, const char *needle, int nth)
{
    const char *p = strstr(text, needle);

    while (p && nth-- > 0)
        p = strstr(p + 1, needle);
    if (!p)
        fail_msg("\"%s\" is not in the text", needle);
    return (uint64_t)(p - text);
}

/* The byte offset of a 1-based line and column of text. */
static uint64_t offset_at(const char *text, uint32_t line, uint32_t column)
{
    uint64_t i = 0;

    while (line > 1) {
        if (text[i] == '\0')
            fail_msg("the text has fewer lines");
        if (text[i++] == '\n')
            line--;
    }
    return i + column - 1;
}

/*
 * Piece sizes for the importer: the default, and small ones that cut every
 * token somewhere, so that each error is also found across a boundary.
 */
static const size_t chunk_sizes[] = {0, 1, 2, 3, 7, 64, 4096};
#define CHUNK_SIZE_COUNT (sizeof(chunk_sizes) / sizeof(chunk_sizes[0]))

/*
 * Importing json fails with `want` at line:column, *out is reset to NULL,
 * the error record is filled in and the message says `needle`; path is
 * the file it was read from, or NULL for memory.
 */
static void check_one_import_error(const char *json, const char *path, rel_status want, uint32_t line,
                                   uint32_t column, const char *needle)
{
    rel_kb *kb = (rel_kb *)(void *)&scratch; /* any non-NULL value */
    rel_error err;
    rel_status st;

    memset(&err, 0x5A, sizeof(err));
    st = path ? import_file(&kb, path, NULL, &err) : import_mem(&kb, json, REL_NTS, NULL, &err);
    if (st != want || err.line != line || err.column != column)
        fail_msg("expected %d at %u:%u, got %d at %u:%u: %s (%s, pieces of %zu)", (int)want, line, column, (int)st,
                 err.line, err.column, err.message, path ? path : "memory", piece);
    assert_null(kb);
    assert_int_equal(err.status, want);
    assert_int_equal(err.offset, offset_at(json, line, column));
    assert_string_equal(err.file, path ? path : "");
    if (!strstr(err.message, needle))
        fail_msg("message \"%s\" does not mention \"%s\"", err.message, needle);
}

/* check_one_import_error() for json in memory and in a file, cut into pieces of every size in chunk_sizes. */
static void check_import_error(const char *json, rel_status want, uint32_t line, uint32_t column, const char *needle)
{
    char path[256];
    size_t i;

    scratch_path(path, sizeof(path), "error.json");
    write_file(path, json);
    for (i = 0; i < CHUNK_SIZE_COUNT; i++) {
        piece = chunk_sizes[i];
        check_one_import_error(json, NULL, want, line, column, needle);
        check_one_import_error(json, path, want, line, column, needle);
    }
    piece = 0;
    unlink(path);
}

/* ---- a document with every member of the format ------------------------- */

#define V1_TEXT "Iran sent arms to Syria in 1980.\nSome reports say Iran sent 3.5 tonnes."
#define V2_TEXT "Iran did not send arms to Syria."

#define DOC_FORMAT "\"format\": \"relations-kb/1\""

#define DOC_SOURCES \
    "\"sources\": [\n" \
    "  {\"id\": \"v1\", \"title\": \"Iran\xE2\x80\x93Syria relations\", \"label\": \"older version\", \"lang\": \"en\",\n" \
    "   \"date\": \"2020-05-01\", \"url\": \"https://example.org/v1\", \"licence\": \"CC BY-SA 4.0\",\n" \
    "   \"text\": \"Iran sent arms to Syria in 1980.\\nSome reports say Iran sent 3.5 tonnes.\"},\n" \
    "  {\"id\": \"v2\", \"revises\": \"v1\", \"text\": \"" V2_TEXT "\"}\n" \
    "]"

#define DOC_ENTITIES \
    "\"entities\": [\n" \
    "  {\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\",\n" \
    "   \"aliases\": [{\"text\": \"Persia\", \"lang\": \"en\"},\n" \
    "                {\"text\": \"\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86\", \"lang\": \"fa\"}],\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"start\": 0, \"end\": 4, \"text\": \"Iran\"},\n" \
    "                {\"source\": \"v1\", \"exact\": \"Iran\", \"prefix\": \"say \"},\n" \
    "                {\"source\": \"v2\", \"exact\": \"Iran\"}]},\n" \
    "  {\"id\": \"syria\", \"kind\": \"state\", \"name\": \"Syria\", \"evidence\": [{\"source\": \"v1\", \"exact\": \"Syria\"}]},\n" \
    "  {\"id\": \"reports\", \"kind\": \"group\", \"name\": \"some reports\", \"aliases\": [],\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"exact\": \"Some reports\"}]},\n" \
    "  {\"id\": \"article\", \"kind\": \"publication\", \"name\": \"the article\"}\n" \
    "]"

#define DOC_EVENTS \
    "\"events\": [\n" \
    "  {\"id\": \"delivery\", \"type\": \"AID.military\",\n" \
    "   \"participants\": [{\"entity\": \"iran\", \"role\": \"agent\"}, {\"entity\": \"syria\", \"role\": \"recipient\"}],\n" \
    "   \"time\": {\"expr\": \"1980\", \"text\": \"in 1980\"},\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"exact\": \"sent arms\", \"suffix\": \" to Syria\"}]},\n" \
    "  {\"id\": \"talks\", \"type\": \"CONSULT\", \"participants\": [], \"evidence\": []}\n" \
    "]"

#define DOC_CLAIMS \
    "\"claims\": [\n" \
    "  {\"id\": \"c_about\", \"subject\": {\"claim\": \"c_when\"}, \"predicate\": \"is_reported_by\",\n" \
    "   \"object\": {\"literal\": \"some reports\"}, \"claimant\": \"article\", \"modality\": \"presumed\", \"evidence\": []},\n" \
    "  {\"id\": \"c_sent\", \"subject\": {\"event\": \"delivery\"}, \"predicate\": \"happened\",\n" \
    "   \"claimant\": \"article\", \"modality\": \"asserted\",\n" \
    "   \"versions\": [{\"source\": \"v2\", \"modality\": \"denied\"}],\n" \
    "   \"relations\": [{\"type\": \"contradicts\", \"claim\": \"c_denied\"}, {\"type\": \"supports\", \"claim\": \"c_amount\"}],\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"exact\": \"Iran sent arms to Syria\"},\n" \
    "                {\"source\": \"v2\", \"exact\": \"Iran did not send arms to Syria\"}]},\n" \
    "  {\"id\": \"c_amount\", \"subject\": {\"event\": \"delivery\"}, \"predicate\": \"weighs\",\n" \
    "   \"object\": {\"quantity\": 3.5, \"unit\": \"tonnes\"}, \"claimant\": \"reports\", \"modality\": \"reported\",\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"exact\": \"3.5 tonnes\"}]},\n" \
    "  {\"id\": \"c_denied\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"sends_arms_to\",\n" \
    "   \"object\": {\"entity\": \"syria\"}, \"claimant\": \"article\", \"modality\": \"hedged\", \"polarity\": \"negative\",\n" \
    "   \"versions\": [{\"source\": \"v2\", \"claimant\": \"reports\"}],\n" \
    "   \"evidence\": [{\"source\": \"v2\", \"exact\": \"did not send\", \"prefix\": \"Iran \"}]},\n" \
    "  {\"id\": \"c_when\", \"subject\": {\"event\": \"delivery\"}, \"predicate\": \"happened_in\",\n" \
    "   \"object\": {\"time\": {\"expr\": \"START 1980\", \"text\": \"early 1980\"}},\n" \
    "   \"claimant\": \"article\", \"modality\": \"believed\", \"polarity\": \"positive\",\n" \
    "   \"evidence\": [{\"source\": \"v1\", \"exact\": \"1980\"}]},\n" \
    "  {\"id\": \"c_next\", \"subject\": {\"event\": \"talks\"}, \"predicate\": \"follows\",\n" \
    "   \"object\": {\"event\": \"delivery\"}, \"claimant\": \"reports\", \"modality\": \"alleged\"}\n" \
    "]"

static const char complete_doc[] =
    "{\n" DOC_FORMAT ",\n" DOC_SOURCES ",\n" DOC_ENTITIES ",\n" DOC_EVENTS ",\n" DOC_CLAIMS "\n}\n";

static const char reversed_doc[] =
    "{\n" DOC_CLAIMS ",\n" DOC_EVENTS ",\n" DOC_ENTITIES ",\n" DOC_SOURCES ",\n" DOC_FORMAT "\n}\n";

static const rel_claim *claim(const rel_kb *kb, const char *id)
{
    const rel_claim *c = NULL;

    assert_int_equal(rel_kb_find_claim(kb, id, REL_NTS, &c), REL_OK);
    return c;
}

static const rel_entity *entity(const rel_kb *kb, const char *id)
{
    const rel_entity *e = NULL;

    assert_int_equal(rel_kb_find_entity(kb, id, REL_NTS, &e), REL_OK);
    return e;
}

static void assert_span(const rel_evidence *ev, const rel_source *src, uint64_t start, uint64_t end)
{
    assert_non_null(ev);
    assert_ptr_equal(rel_evidence_source(ev), src);
    assert_int_equal(rel_evidence_start(ev), start);
    assert_int_equal(rel_evidence_end(ev), end);
}

/* ---- round trips -------------------------------------------------------- */

static void test_json__builtin_round_trip(void **state)
{
    rel_kb *kb = helper_open_builtin(), *again = NULL;
    size_t len = 0;
    char *json = helper_export(kb, &len);
    rel_error err;

    (void)state;
    assert_non_null(json);
    assert_int_equal(import_mem(&again, json, len, NULL, &err), REL_OK);
    assert_int_equal(err.status, REL_OK);
    assert_string_equal(err.message, "");
    assert_int_equal(rel_kb_source_count(again), rel_kb_source_count(kb));
    assert_int_equal(rel_kb_entity_count(again), rel_kb_entity_count(kb));
    assert_int_equal(rel_kb_event_count(again), rel_kb_event_count(kb));
    assert_int_equal(rel_kb_claim_count(again), rel_kb_claim_count(kb));
    assert_int_equal(helper_evidence_count(again), helper_evidence_count(kb));
    assert_same_export(kb, again);
    free(json);
    rel_kb_free(again);
    rel_kb_free(kb);
}

static void test_json__file_round_trip(void **state)
{
    rel_kb *kb = helper_open_builtin(), *again = NULL;
    char path[256], *file, *json;
    size_t file_len = 0, json_len = 0;
    rel_error err;

    (void)state;
    scratch_path(path, sizeof(path), "builtin.json");
    assert_int_equal(rel_kb_save_json(kb, path, &err), REL_OK);
    assert_int_equal(err.status, REL_OK);
    /* The file holds exactly the export. */
    file = helper_read_file(path, &file_len);
    json = helper_export(kb, &json_len);
    assert_non_null(file);
    assert_int_equal(file_len, json_len);
    assert_memory_equal(file, json, json_len);
    assert_int_equal(import_file(&again, path, NULL, &err), REL_OK);
    assert_same_export(kb, again);
    /* Saving again replaces the file. */
    assert_int_equal(rel_kb_save_json(again, path, NULL), REL_OK);
    free(file);
    file = helper_read_file(path, &file_len);
    assert_int_equal(file_len, json_len);
    free(file);
    free(json);
    rel_kb_free(again);
    rel_kb_free(kb);
}

static void test_json__annotation_file_gives_the_builtin(void **state)
{
    rel_kb *builtin = helper_open_builtin(), *kb = NULL;
    rel_error err;

    (void)state;
    /* Quotes resolved and source paths read relative to the JSON file's folder. */
    if (import_file(&kb, ANNOTATION, NULL, &err) != REL_OK)
        fail_msg("%s:%u:%u: %s", err.file, err.line, err.column, err.message);
    assert_same_export(builtin, kb);
    rel_kb_free(kb);
    rel_kb_free(builtin);
}

static void test_json__base_dir_resolves_source_paths(void **state)
{
    rel_kb *builtin = helper_open_builtin(), *kb = NULL;
    rel_kb_options opts = REL_KB_OPTIONS_INIT;
    size_t len = 0;
    char *json = helper_read_file(ANNOTATION, &len), cwd[4096];
    rel_error err;
    rel_status st;

    (void)state;
    assert_non_null(json);
    opts.base_dir = REL_TEST_DATA_DIR;
    if (import_mem(&kb, json, len, &opts, &err) != REL_OK)
        fail_msg("%u:%u: %s", err.line, err.column, err.message);
    assert_same_export(builtin, kb);
    rel_kb_free(kb);
    /* Without base_dir, paths are relative to the working directory, where corpus/ is not. */
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(scratch), 0);
    st = import_mem(&kb, json, len, NULL, &err);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(st, REL_ERR_IO);
    assert_null(kb);
    assert_non_null(strstr(err.message, "sources[0].path"));
    assert_non_null(strstr(err.message, "corpus/000_d477b4b9c20a8e87.txt"));
    free(json);
    rel_kb_free(builtin);
}

static void test_json__path_relative_to_the_json_file(void **state)
{
    char json_path[256], text_path[256], other[512];
    rel_kb_options opts = REL_KB_OPTIONS_INIT;
    const rel_source *s;
    rel_kb *kb = NULL;
    rel_error err;
    size_t len = 0;

    (void)state;
    write_file(scratch_path(text_path, sizeof(text_path), "text.txt"), "Text read from a file.\n");
    write_file(scratch_path(json_path, sizeof(json_path), "by-path.json"),
               "{\"sources\": [{\"id\": \"f\", \"path\": \"text.txt\"}]}");
    assert_int_equal(import_file(&kb, json_path, NULL, &err), REL_OK);
    s = rel_kb_source_at(kb, 0);
    assert_string_equal(rel_source_text(s, &len), "Text read from a file.\n");
    assert_int_equal(len, 23);
    assert_string_equal(rel_source_path(s, NULL), "text.txt"); /* kept as written */
    rel_kb_free(kb);

    /* base_dir wins over the JSON file's folder. */
    opts.base_dir = REL_TEST_DATA_DIR;
    assert_int_equal(import_file(&kb, json_path, &opts, &err), REL_ERR_IO);
    assert_null(kb);
    assert_string_equal(err.file, json_path);
    assert_non_null(strstr(err.message, REL_TEST_DATA_DIR "/text.txt"));
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 34);

    /* With "text" given, "path" is not read, only kept. */
    assert_int_equal(import_mem(&kb, "{\"sources\": [{\"id\": \"f\", \"path\": \"nowhere.txt\", \"text\": \"T\"}]}",
                                          REL_NTS, &opts, &err), REL_OK);
    assert_string_equal(rel_source_text(rel_kb_source_at(kb, 0), NULL), "T");
    assert_string_equal(rel_source_path(rel_kb_source_at(kb, 0), NULL), "nowhere.txt");
    rel_kb_free(kb);

    /* An absolute path is taken as it is. */
    snprintf(other, sizeof(other), "{\"sources\": [{\"id\": \"f\", \"path\": \"%s\"}]}", text_path);
    assert_int_equal(import_mem(&kb, other, REL_NTS, &opts, &err), REL_OK);
    assert_string_equal(rel_source_text(rel_kb_source_at(kb, 0), NULL), "Text read from a file.\n");
    rel_kb_free(kb);
}

/* ---- every member of the format ----------------------------------------- */

static void test_json__sources_read_back(void **state)
{
    rel_kb *kb = open_mem(complete_doc);
    const rel_source *v1 = rel_kb_source_at(kb, 0), *v2 = rel_kb_source_at(kb, 1);
    size_t len = 0;

    (void)state;
    assert_int_equal(rel_kb_source_count(kb), 2);
    assert_string_equal(rel_source_id(v1, NULL), "v1");
    assert_string_equal(rel_source_text(v1, &len), V1_TEXT);
    assert_int_equal(len, strlen(V1_TEXT));
    assert_string_equal(rel_source_title(v1, NULL), "Iran\xE2\x80\x93Syria relations");
    assert_string_equal(rel_source_label(v1, NULL), "older version");
    assert_string_equal(rel_source_lang(v1, NULL), "en");
    assert_string_equal(rel_source_date(v1, NULL), "2020-05-01");
    assert_string_equal(rel_source_url(v1, NULL), "https://example.org/v1");
    assert_string_equal(rel_source_licence(v1, NULL), "CC BY-SA 4.0");
    assert_null(rel_source_path(v1, NULL));
    assert_null(rel_source_revises(v1));
    assert_string_equal(rel_source_text(v2, NULL), V2_TEXT);
    assert_ptr_equal(rel_source_revises(v2), v1);
    assert_null(rel_source_title(v2, NULL));
    rel_kb_free(kb);
}

static void test_json__entities_read_back(void **state)
{
    rel_kb *kb = open_mem(complete_doc);
    const rel_source *v1 = rel_kb_source_at(kb, 0), *v2 = rel_kb_source_at(kb, 1);
    const rel_entity *iran = entity(kb, "iran"), *reports = entity(kb, "reports");
    uint64_t second = offset_of(V1_TEXT, "say Iran", 0) + 4;
    const char *text;
    size_t len = 0;

    (void)state;
    assert_int_equal(rel_kb_entity_count(kb), 4);
    assert_ptr_equal(rel_kb_entity_at(kb, 0), iran);
    assert_int_equal(rel_entity_kind(iran), REL_ENTITY_STATE);
    assert_string_equal(rel_entity_name(iran, NULL), "Iran");
    assert_int_equal(rel_entity_alias_count(iran), 2);
    assert_string_equal(rel_entity_alias_text(iran, 0, NULL), "Persia");
    assert_string_equal(rel_entity_alias_lang(iran, 0, NULL), "en");
    assert_string_equal(rel_entity_alias_text(iran, 1, NULL), "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86");
    assert_string_equal(rel_entity_alias_lang(iran, 1, NULL), "fa");
    assert_int_equal(rel_entity_evidence_count(iran), 3);
    assert_span(rel_entity_evidence_at(iran, 0), v1, 0, 4);
    assert_span(rel_entity_evidence_at(iran, 1), v1, second, second + 4); /* by the prefix "say " */
    assert_span(rel_entity_evidence_at(iran, 2), v2, 0, 4);
    text = rel_evidence_text(rel_entity_evidence_at(iran, 1), &len);
    assert_int_equal(len, 4);
    assert_memory_equal(text, "Iran", 4);

    assert_int_equal(rel_entity_kind(reports), REL_ENTITY_GROUP);
    assert_int_equal(rel_entity_alias_count(reports), 0);
    assert_span(rel_entity_evidence_at(reports, 0), v1, offset_of(V1_TEXT, "Some reports", 0),
                offset_of(V1_TEXT, "Some reports", 0) + 12);
    assert_int_equal(rel_entity_kind(entity(kb, "article")), REL_ENTITY_PUBLICATION);
    assert_int_equal(rel_entity_evidence_count(entity(kb, "article")), 0);
    rel_kb_free(kb);
}

static void test_json__events_read_back(void **state)
{
    rel_kb *kb = open_mem(complete_doc);
    const rel_event *ev = rel_kb_event_at(kb, 0), *talks = rel_kb_event_at(kb, 1);
    uint64_t at = offset_of(V1_TEXT, "sent arms", 0);
    char buf[32];

    (void)state;
    assert_int_equal(rel_kb_event_count(kb), 2);
    assert_string_equal(rel_event_id(ev, NULL), "delivery");
    assert_string_equal(rel_event_type(ev, NULL), "AID.military");
    assert_int_equal(rel_event_participant_count(ev), 2);
    assert_ptr_equal(rel_event_participant_entity(ev, 0), entity(kb, "iran"));
    assert_int_equal(rel_event_participant_role(ev, 0), REL_ROLE_AGENT);
    assert_ptr_equal(rel_event_participant_entity(ev, 1), entity(kb, "syria"));
    assert_int_equal(rel_event_participant_role(ev, 1), REL_ROLE_RECIPIENT);
    assert_int_equal(rel_time_format(rel_event_time(ev), buf, sizeof(buf), NULL), REL_OK);
    assert_string_equal(buf, "1980");
    assert_string_equal(rel_event_time_text(ev, NULL), "in 1980");
    assert_span(rel_event_evidence_at(ev, 0), rel_kb_source_at(kb, 0), at, at + 9);
    assert_string_equal(rel_event_type(talks, NULL), "CONSULT");
    assert_null(rel_event_time(talks));
    assert_int_equal(rel_event_participant_count(talks), 0);
    rel_kb_free(kb);
}

static void test_json__claims_read_back(void **state)
{
    rel_kb *kb = open_mem(complete_doc);
    const rel_source *v1 = rel_kb_source_at(kb, 0), *v2 = rel_kb_source_at(kb, 1);
    const rel_entity *article = entity(kb, "article"), *reports = entity(kb, "reports");
    const rel_claim *sent = claim(kb, "c_sent"), *amount = claim(kb, "c_amount"), *denied = claim(kb, "c_denied");
    const rel_claim *when = claim(kb, "c_when"), *about = claim(kb, "c_about"), *next = claim(kb, "c_next");
    double number = 0.0;
    char buf[32];

    (void)state;
    assert_int_equal(rel_kb_claim_count(kb), 6);
    /* A claim about a later claim is added once that claim is there. */
    assert_ptr_equal(rel_kb_claim_at(kb, 0), sent);
    assert_ptr_equal(rel_kb_claim_at(kb, 5), about);

    assert_int_equal(rel_value_kind(rel_claim_subject(sent)), REL_VALUE_EVENT);
    assert_ptr_equal(rel_value_event(rel_claim_subject(sent)), rel_kb_event_at(kb, 0));
    assert_string_equal(rel_claim_predicate(sent, NULL), "happened");
    assert_int_equal(rel_value_kind(rel_claim_object(sent)), REL_VALUE_NONE);
    assert_ptr_equal(rel_claim_claimant(sent), article);
    assert_int_equal(rel_claim_modality(sent), REL_MODALITY_ASSERTED);
    assert_int_equal(rel_claim_polarity(sent), REL_POLARITY_POSITIVE);
    assert_int_equal(rel_claim_modality_in(sent, v1), REL_MODALITY_ASSERTED);
    assert_int_equal(rel_claim_modality_in(sent, v2), REL_MODALITY_DENIED);
    assert_ptr_equal(rel_claim_claimant_in(sent, v2), article);
    /* Relations, one of them to a claim further down the file. */
    assert_int_equal(rel_claim_relation_count(sent), 2);
    assert_int_equal(rel_claim_relation_type(sent, 0), REL_RELATION_CONTRADICTS);
    assert_ptr_equal(rel_claim_relation_target(sent, 0), denied);
    assert_int_equal(rel_claim_relation_type(sent, 1), REL_RELATION_SUPPORTS);
    assert_ptr_equal(rel_claim_relation_target(sent, 1), amount);
    assert_int_equal(rel_claim_evidence_count(sent), 2);
    assert_span(rel_claim_evidence_at(sent, 1), v2, 0, strlen(V2_TEXT) - 1);

    assert_int_equal(rel_value_kind(rel_claim_object(amount)), REL_VALUE_QUANTITY);
    assert_int_equal(rel_value_quantity(rel_claim_object(amount), &number), REL_OK);
    assert_true(number == 3.5);
    assert_string_equal(rel_value_text(rel_claim_object(amount), NULL), "tonnes");
    assert_ptr_equal(rel_claim_claimant(amount), reports);
    assert_int_equal(rel_claim_modality(amount), REL_MODALITY_REPORTED);

    assert_ptr_equal(rel_value_entity(rel_claim_subject(denied)), entity(kb, "iran"));
    assert_ptr_equal(rel_value_entity(rel_claim_object(denied)), entity(kb, "syria"));
    assert_int_equal(rel_claim_polarity(denied), REL_POLARITY_NEGATIVE);
    assert_int_equal(rel_claim_modality(denied), REL_MODALITY_HEDGED);
    assert_ptr_equal(rel_claim_claimant_in(denied, v2), reports);
    assert_int_equal(rel_claim_modality_in(denied, v2), REL_MODALITY_HEDGED);
    assert_null(rel_claim_claimant_in(denied, v1)); /* not stated in v1 */
    assert_span(rel_claim_evidence_at(denied, 0), v2, 5, 17);

    assert_int_equal(rel_value_kind(rel_claim_object(when)), REL_VALUE_TIME);
    assert_int_equal(rel_time_format(rel_value_time(rel_claim_object(when)), buf, sizeof(buf), NULL), REL_OK);
    assert_string_equal(buf, "START 1980");
    assert_string_equal(rel_value_text(rel_claim_object(when), NULL), "early 1980");
    assert_int_equal(rel_claim_polarity(when), REL_POLARITY_POSITIVE);
    assert_int_equal(rel_claim_modality(when), REL_MODALITY_BELIEVED);

    assert_ptr_equal(rel_value_claim(rel_claim_subject(about)), when);
    assert_string_equal(rel_value_text(rel_claim_object(about), NULL), "some reports");
    assert_int_equal(rel_claim_modality(about), REL_MODALITY_PRESUMED);
    assert_int_equal(rel_claim_evidence_count(about), 0);

    assert_ptr_equal(rel_value_event(rel_claim_subject(next)), rel_kb_event_at(kb, 1));
    assert_ptr_equal(rel_value_event(rel_claim_object(next)), rel_kb_event_at(kb, 0));
    assert_int_equal(rel_claim_modality(next), REL_MODALITY_ALLEGED);
    rel_kb_free(kb);
}

static void test_json__reversed_arrays_import_the_same(void **state)
{
    rel_kb *kb = open_mem(complete_doc), *reversed = open_mem(reversed_doc);

    (void)state;
    assert_same_export(kb, reversed);
    rel_kb_free(reversed);
    rel_kb_free(kb);
}

static void test_json__export_reimports_identically(void **state)
{
    rel_kb *kb = open_mem(complete_doc), *again;
    char *json = helper_export(kb, NULL);

    (void)state;
    again = open_mem(json);
    assert_same_export(kb, again);
    free(json);
    rel_kb_free(again);
    rel_kb_free(kb);
}

static void test_json__export_writes_offsets_text_and_full_ids(void **state)
{
    rel_kb *kb = open_mem("{\"sources\": [{\"id\": \"src_long\", \"lang\": \"en\", \"text\": \"Iran\\u2013Iraq\"}],\n"
                          " \"entities\": [{\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\",\n"
                          "   \"evidence\": [{\"source\": \"src\", \"exact\": \"Iran\"}]}],\n"
                          " \"claims\": [{\"id\": \"c\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                          "   \"object\": {\"quantity\": 0.1}, \"claimant\": \"iran\", \"modality\": \"asserted\",\n"
                          "   \"polarity\": \"positive\", \"versions\": [{\"source\": \"src\", \"modality\": \"hedged\"}],\n"
                          "   \"evidence\": [{\"source\": \"src_long\", \"start\": 7, \"end\": 11}]}]}");
    static const char head[] = "{\n  \"format\": \"relations-kb/1\",\n  \"sources\": [\n    {\n"
                               "      \"id\": \"src_long\",\n      \"lang\": \"en\",\n"
                               "      \"text\": \"Iran\xE2\x80\x93Iraq\"\n    }\n  ],\n";
    char *json = helper_export(kb, NULL);

    (void)state;
    assert_non_null(json);
    /* Members in a fixed order, metadata before the text. */
    assert_int_equal(strncmp(json, head, sizeof(head) - 1), 0);
    /* Evidence by quote is written as offsets and text, with the full source id. */
    assert_non_null(strstr(json, "{\n          \"source\": \"src_long\",\n          \"start\": 0,\n"
                                 "          \"end\": 4,\n          \"text\": \"Iran\"\n        }"));
    assert_non_null(strstr(json, "\"start\": 7,\n          \"end\": 11,\n          \"text\": \"Iraq\""));
    assert_non_null(strstr(json, "\"quantity\": 0.1\n"));
    assert_non_null(strstr(json, "\"versions\": [\n        {\n          \"source\": \"src_long\",\n"
                                 "          \"modality\": \"hedged\"\n        }\n      ]"));
    /* Positive polarity is the default and is not written; a claim without relations has none. */
    assert_null(strstr(json, "polarity"));
    assert_null(strstr(json, "\"relations\""));
    assert_null(strstr(json, "\"path\""));
    assert_string_equal(json + strlen(json) - 3, "\n}\n");
    free(json);
    rel_kb_free(kb);
}

static void test_json__quantities_round_trip(void **state)
{
    static const double values[] = {0.1, -0.0, 3.5, -2.5e-7, 1e300, 123456789012345678.0, DBL_MAX, DBL_MIN,
                                    1e-310, 5e-324, -DBL_TRUE_MIN};
    rel_value_spec none = {REL_VALUE_NONE, NULL, 0, NULL, 0, 0.0};
    rel_kb *kb = NULL, *again = NULL;
    rel_error err;
    char id[8], *json;
    size_t i, len = 0;
    double got;

    (void)state;
    assert_int_equal(rel_kb_new(&kb, NULL), REL_OK);
    assert_int_equal(rel_kb_add_entity(kb, "e", REL_NTS, REL_ENTITY_OTHER, "E", REL_NTS), REL_OK);
    for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        rel_claim_spec c = REL_CLAIM_SPEC_INIT;
        snprintf(id, sizeof(id), "c%zu", i);
        c.id = id;
        c.id_len = REL_NTS;
        c.subject.kind = REL_VALUE_ENTITY;
        c.subject.str = "e";
        c.subject.str_len = REL_NTS;
        c.predicate = "p";
        c.predicate_len = REL_NTS;
        c.object = none;
        c.object.kind = REL_VALUE_QUANTITY;
        c.object.number = values[i];
        c.claimant = "e";
        c.claimant_len = REL_NTS;
        c.modality = REL_MODALITY_ASSERTED;
        assert_int_equal(rel_kb_add_claim(kb, &c), REL_OK);
    }
    /* Every finite double, subnormals included, comes back bit for bit. */
    json = helper_export(kb, &len);
    if (import_mem(&again, json, len, NULL, &err) != REL_OK)
        fail_msg("%u:%u: %s", err.line, err.column, err.message);
    for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        assert_int_equal(rel_value_quantity(rel_claim_object(rel_kb_claim_at(again, i)), &got), REL_OK);
        assert_memory_equal(&got, &values[i], sizeof(got));
    }
    assert_same_export(kb, again);
    free(json);
    rel_kb_free(again);
    rel_kb_free(kb);
}

static void test_json__quantity_below_the_smallest_double(void **state)
{
    rel_kb *kb = open_mem("{\"entities\": [{\"id\": \"e\", \"kind\": \"other\", \"name\": \"E\"}],\n"
                          " \"claims\": [{\"id\": \"c\", \"subject\": {\"entity\": \"e\"}, \"predicate\": \"p\",\n"
                          "   \"object\": {\"quantity\": 1e-400}, \"claimant\": \"e\", \"modality\": \"asserted\"}]}");
    double got = 1.0;

    (void)state;
    /* A finite JSON number: it becomes the nearest double, zero. */
    assert_int_equal(rel_value_quantity(rel_claim_object(rel_kb_claim_at(kb, 0)), &got), REL_OK);
    assert_true(got == 0.0);
    rel_kb_free(kb);
}

static void test_json__nts_and_explicit_length(void **state)
{
    static const char doc[] = "{\"sources\": [{\"id\": \"s\", \"text\": \"x\"}]}GARBAGE";
    size_t len = strlen(doc) - strlen("GARBAGE");
    rel_kb *kb = NULL;
    rel_error err;

    (void)state;
    /* The length stops before the trailing bytes. */
    assert_int_equal(import_mem(&kb, doc, len, NULL, &err), REL_OK);
    assert_int_equal(rel_kb_source_count(kb), 1);
    rel_kb_free(kb);
    /* REL_NTS reads up to the NUL, garbage included. */
    assert_int_equal(import_mem(&kb, doc, REL_NTS, NULL, &err), REL_ERR_SYNTAX);
    assert_null(kb);
    assert_non_null(strstr(err.message, "trailing garbage"));
    /* A length that cuts the document short. */
    assert_int_equal(import_mem(&kb, doc, len - 1, NULL, &err), REL_ERR_SYNTAX);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, len); /* the end of the shortened input */
    assert_int_equal(import_mem(&kb, "{}", REL_NTS, NULL, &err), REL_OK);
    assert_int_equal(rel_kb_source_count(kb), 0);
    rel_kb_free(kb);
}

static void test_json__success_clears_the_error(void **state)
{
    rel_kb *kb = NULL;
    rel_error err;

    (void)state;
    memset(&err, 0x5A, sizeof(err));
    assert_int_equal(import_mem(&kb, "{\"format\": \"relations-kb/1\"}", REL_NTS, NULL, &err), REL_OK);
    assert_int_equal(err.status, REL_OK);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.file, "");
    assert_string_equal(err.message, "");
    memset(&err, 0x5A, sizeof(err));
    assert_int_equal(rel_kb_write_json(kb, NULL, NULL, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    rel_kb_free(kb);
}

/* Found by fuzz_json: a claim about a claim further down is tried again at
 * the end, and the error of its first try stayed in the record. */
static void test_json__success_after_a_retried_claim_clears_the_error(void **state)
{
    rel_kb *kb = NULL;
    rel_error err;

    (void)state;
    memset(&err, 0x5A, sizeof(err));
    assert_int_equal(import_mem(&kb, complete_doc, REL_NTS, NULL, &err), REL_OK);
    assert_non_null(kb);
    assert_int_equal(err.status, REL_OK);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.offset, 0);
    assert_string_equal(err.message, "");
    rel_kb_free(kb);
}

/* ---- malformed JSON ----------------------------------------------------- */

static void test_json__missing_closing_brace(void **state)
{
    (void)state;
    /* The end of the input: line 4, after its final newline. */
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"text\": \"x\"}\n  ]\n", REL_ERR_SYNTAX, 5, 1,
                       "premature EOF");
}

static void test_json__premature_end_inside_a_string(void **state)
{
    (void)state;
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"te", REL_ERR_SYNTAX, 3, 20, "premature EOF");
    check_import_error("", REL_ERR_SYNTAX, 1, 1, "premature EOF");
}

static void test_json__trailing_comma(void **state)
{
    (void)state;
    /* yajl stops after the token it cannot take. */
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"text\": \"x\"},\n  ]\n}", REL_ERR_SYNTAX, 4, 4,
                       "malformed JSON");
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"text\": \"x\",}\n  ]\n}", REL_ERR_SYNTAX, 3, 30,
                       "malformed JSON");
}

static void test_json__trailing_garbage(void **state)
{
    (void)state;
    check_import_error("{}\n x", REL_ERR_SYNTAX, 2, 3, "trailing garbage");
}

/* Found by fuzz_json: yajl took an unterminated string after the document
 * for a token yet to come, and the import succeeded. */
static void test_json__trailing_unterminated_string(void **state)
{
    (void)state;
    check_import_error("{}\n \"x", REL_ERR_SYNTAX, 2, 2, "trailing garbage");
    check_import_error("{\"format\": \"relations-kb/1\"}\"", REL_ERR_SYNTAX, 1, 29, "trailing garbage");
    check_import_error("{\"sources\": [{\"id\": \"s\", \"text\": \"x\"}]}  \"prev\\u0000", REL_ERR_SYNTAX, 1, 42,
                       "trailing garbage");
}

static void test_json__invalid_utf8_in_a_string(void **state)
{
    (void)state;
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"text\": \"a\xC3\x28\"}\n  ]\n}", REL_ERR_UTF8, 3, 29,
                       "UTF8");
    /* yajl checks the form of UTF-8 only; the builder refuses the surrogate, at the text. */
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"text\": \"\xED\xA0\x80\"}\n  ]\n}", REL_ERR_UTF8, 3, 25,
                       "sources[0]: source text is not valid UTF-8");
}

static void test_json__nul_escape_in_a_string(void **state)
{
    (void)state;
    /* Well-formed JSON, but the builder takes no NUL byte: reported at the entity's id. */
    check_import_error("{\"entities\": [\n  {\"id\": \"e\", \"kind\": \"state\", \"name\": \"a\\u0000b\"}\n]}",
                       REL_ERR_UTF8, 2, 10, "entities[0]: entity name is not valid UTF-8");
}

/* ---- the top level ------------------------------------------------------ */

static void test_json__top_level_not_an_object(void **state)
{
    (void)state;
    check_import_error("[\n]", REL_ERR_SCHEMA, 1, 1, "expected an object");
    check_import_error("\n  \"text\"", REL_ERR_SCHEMA, 2, 3, "top level");
}

static void test_json__unknown_top_level_member(void **state)
{
    (void)state;
    check_import_error("{\n  \"format\": \"relations-kb/1\",\n  \"source\": []\n}", REL_ERR_SCHEMA, 3, 3,
                       "unknown member");
}

static void test_json__top_level_member_twice(void **state)
{
    (void)state;
    check_import_error("{\n  \"sources\": [],\n  \"sources\": []\n}", REL_ERR_SCHEMA, 3, 3, "appears twice");
}

static void test_json__section_not_an_array(void **state)
{
    (void)state;
    check_import_error("{\n  \"entities\": {}\n}", REL_ERR_SCHEMA, 2, 15, "expected arrays");
    check_import_error("{\n  \"entities\": 3\n}", REL_ERR_SCHEMA, 2, 15, "expected arrays");
}

static void test_json__wrong_format(void **state)
{
    (void)state;
    check_import_error("{\n  \"format\": \"relations-kb/2\"\n}", REL_ERR_SCHEMA, 2, 13, "relations-kb/1");
    check_import_error("{\n  \"format\": 1\n}", REL_ERR_SCHEMA, 2, 13, "format");
    check_import_error("{\n  \"format\": [\"relations-kb/1\"]\n}", REL_ERR_SCHEMA, 2, 13, "format");
}

static void test_json__record_not_an_object(void **state)
{
    (void)state;
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"text\": \"x\"},\n    \"s2\"\n  ]\n}", REL_ERR_SCHEMA,
                       4, 5, "sources[1]: expected an object, found a string");
}

/* ---- records ------------------------------------------------------------ */

#define ERR_DOC_HEAD \
    "{\n" \
    "  \"sources\": [\n" \
    "    {\"id\": \"s1\", \"text\": \"Iran sent arms. Iran\xE2\x80\x93Syria.\"}\n" \
    "  ],\n"

static void test_json__unknown_member_in_an_entity(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\"},\n"
                                    "    {\"id\": \"e2\", \"kinds\": \"state\", \"name\": \"X\"}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 7, 27, "entities[1]: unknown member \"kinds\"");
}

static void test_json__wrong_type(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"iran\", \"kind\": 5, \"name\": \"Iran\"}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 6, 28, "entities[0].kind: expected a string, found a number");
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\", \"aliases\": {}}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 6, 64, "entities[0].aliases: expected an array, found an object");
    /* true, false and null are found at their first letter. */
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"iran\", \"kind\": \"state\", \"name\": false}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 6, 45, "entities[0].name: expected a string, found a boolean");
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"iran\", \"kind\": null, \"name\": \"Iran\"}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 6, 28, "entities[0].kind: expected a string, found null");
}

static void test_json__missing_required_member(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\"},\n"
                                    "    {\"id\": \"iraq\", \"kind\": \"state\"}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 7, 5, "entities[1]: member \"name\" is missing");
}

static void test_json__unknown_entity_kind(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"iran\", \"kind\": \"stat\", \"name\": \"Iran\"}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 6, 28, "entities[0].kind: unknown entity kind \"stat\"");
}

static void test_json__unknown_role(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"entities\": [{\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\"}],\n"
                                    "  \"events\": [\n"
                                    "    {\"id\": \"v\", \"type\": \"AID\",\n"
                                    "     \"participants\": [{\"entity\": \"iran\", \"role\": \"giver\"}]}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 8, 50, "events[0].participants[0].role: unknown role \"giver\"");
}

static void test_json__participant_reference(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"events\": [\n"
                                    "    {\"id\": \"v\", \"type\": \"AID\",\n"
                                    "     \"participants\": [{\"entity\": \"iran\", \"role\": \"agent\"}]}\n"
                                    "  ]\n}",
                       REL_ERR_REFERENCE, 7, 34, "events[0].participants[]: participant \"iran\" does not exist");
}

static void test_json__bad_event_type_and_time(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"events\": [\n"
                                    "    {\"id\": \"v\", \"type\": \"AID.Military\"}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 6, 12, "events[0]: event type \"AID.Military\"");
    check_import_error(ERR_DOC_HEAD "  \"events\": [\n"
                                    "    {\"id\": \"v\", \"type\": \"AID\", \"time\": {\"expr\": \"early 1980\"}}\n"
                                    "  ]\n}",
                       REL_ERR_SYNTAX, 6, 49, "events[0].time.expr: time \"early 1980\"");
    check_import_error(ERR_DOC_HEAD "  \"events\": [\n"
                                    "    {\"id\": \"v\", \"type\": \"AID\", \"time\": {\"text\": \"in 1980\"}}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 6, 40, "member \"expr\" is missing");
}

#define ERR_DOC_PARTIES \
    ERR_DOC_HEAD \
    "  \"entities\": [\n" \
    "    {\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\"}\n" \
    "  ],\n"

static void test_json__unknown_modality(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"certain\"}\n"
                                       "  ]\n}",
                       REL_ERR_SCHEMA, 10, 38, "claims[0].modality: unknown modality \"certain\"");
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"asserted\",\n"
                                       "     \"versions\": [{\"source\": \"s1\", \"modality\": \"sure\"}]}\n"
                                       "  ]\n}",
                       REL_ERR_SCHEMA, 11, 48, "claims[0].modality: unknown modality \"sure\"");
}

static void test_json__bad_claim_values(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c\", \"subject\": {\"literal\": \"Iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"asserted\"}\n"
                                       "  ]\n}",
                       REL_ERR_SCHEMA, 9, 28, "claims[0].subject: expected");
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"object\": {\"quantity\": 1e400}, \"claimant\": \"iran\", \"modality\": \"asserted\"}\n"
                                       "  ]\n}",
                       REL_ERR_SCHEMA, 10, 29, "claims[0].object.quantity: expected a finite number");
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c\", \"subject\": {\"entity\": \"iran\", \"event\": \"x\"},\n"
                                       "     \"predicate\": \"p\", \"claimant\": \"iran\", \"modality\": \"asserted\"}\n"
                                       "  ]\n}",
                       REL_ERR_SCHEMA, 9, 56, "claims[0].subject: unknown member \"event\"");
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"asserted\", \"polarity\": \"no\"}\n"
                                       "  ]\n}",
                       REL_ERR_SCHEMA, 10, 62, "claims[0].polarity");
}

static void test_json__relation_to_a_claim_that_never_appears(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"asserted\",\n"
                                       "     \"relations\": [{\"type\": \"supports\", \"claim\": \"c_gone\"}]}\n"
                                       "  ]\n}",
                       REL_ERR_REFERENCE, 11, 50, "claims[0].relations[]: related claim \"c_gone\" does not exist");
}

/* Found by fuzz_json: the target of a relation was read up to its first NUL,
 * so "c0\u0000junk" was taken for "c0" and the document imported. */
static void test_json__relation_target_with_a_nul(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c0\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"asserted\"},\n"
                                       "    {\"id\": \"c\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"asserted\",\n"
                                       "     \"relations\": [{\"type\": \"supports\", \"claim\": \"c0\\u0000junk\"}]}\n"
                                       "  ]\n}",
                       REL_ERR_UTF8, 13, 50, "claims[1].relations[]: related claim is not valid UTF-8 or contains a NUL");
}

static void test_json__claim_about_a_claim_that_never_appears(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c0\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"asserted\"},\n"
                                       "    {\"id\": \"c1\", \"subject\": {\"claim\": \"c_gone\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"iran\", \"modality\": \"asserted\"}\n"
                                       "  ]\n}",
                       REL_ERR_REFERENCE, 11, 12, "claims[1]: subject \"c_gone\" does not exist");
}

static void test_json__claimant_that_never_appears(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_PARTIES "  \"claims\": [\n"
                                       "    {\"id\": \"c0\", \"subject\": {\"entity\": \"iran\"}, \"predicate\": \"p\",\n"
                                       "     \"claimant\": \"nobody\", \"modality\": \"asserted\"}\n"
                                       "  ]\n}",
                       REL_ERR_REFERENCE, 9, 12, "claims[0]: claimant \"nobody\" does not exist");
}

/* An entity whose evidence item is `item`. */
#define ENTITY_WITH_EVIDENCE(item) \
    ERR_DOC_HEAD "  \"entities\": [\n" \
                 "    {\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\",\n" \
                 "     \"evidence\": [\n" \
                 "       {\"source\": \"s1\", \"start\": 0, \"end\": 4},\n" \
                 "       " item "\n" \
                 "     ]}\n" \
                 "  ]\n}"

static void test_json__evidence_with_exact_and_offsets(void **state)
{
    (void)state;
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"exact\": \"Iran\", \"start\": 0, \"end\": 4}"),
                       REL_ERR_SCHEMA, 9, 8, "entities[0].evidence[1]: give either \"exact\" or offsets, not both");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 0}"), REL_ERR_SCHEMA, 9, 8,
                       "evidence[1]: needs \"start\" and \"end\"");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 0, \"end\": 4, \"prefix\": \"x\"}"),
                       REL_ERR_SCHEMA, 9, 8, "go with \"exact\"");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"begin\": 0, \"end\": 4}"), REL_ERR_SCHEMA, 9, 34,
                       "unknown member \"begin\"");
}

static void test_json__evidence_text_mismatch(void **state)
{
    (void)state;
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 5, \"end\": 9, \"text\": \"send\"}"),
                       REL_ERR_MISMATCH, 9, 55, "entities[0].evidence[1].text: differs from bytes [5, 9) of source \"s1\"");
}

static void test_json__evidence_offsets_not_integers(void **state)
{
    (void)state;
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 1.5, \"end\": 9}"), REL_ERR_SCHEMA, 9, 34,
                       "evidence[1].start: expected an integer");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": -1, \"end\": 9}"), REL_ERR_SCHEMA, 9, 34,
                       "evidence[1].start");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 1e3, \"end\": 9}"), REL_ERR_SCHEMA, 9, 34,
                       "evidence[1].start");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": \"0\", \"end\": 9}"), REL_ERR_SCHEMA, 9, 34,
                       "evidence[1].start");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 0, \"end\": 9007199254740993}"),
                       REL_ERR_SCHEMA, 9, 44, "evidence[1].end: expected an integer from 0 to 2^53");
}

static void test_json__evidence_span_out_of_range(void **state)
{
    (void)state;
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 20, \"end\": 99}"), REL_ERR_RANGE, 9, 34,
                       "entities[0].evidence[]: span [20, 99) is empty or outside source \"s1\"");
    /* Byte 21 is inside the "–" at 20..23. */
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 21, \"end\": 23}"), REL_ERR_RANGE, 9, 34,
                       "splits a UTF-8 character");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"start\": 0, \"end\": 4}"), REL_ERR_DUPLICATE, 9, 34,
                       "already evidence");
}

static void test_json__evidence_source(void **state)
{
    (void)state;
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s9\", \"start\": 0, \"end\": 4}"), REL_ERR_REFERENCE, 9, 34,
                       "source \"s9\" matches no source");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s9\", \"start\": 0, \"end\": 4, \"text\": \"Iran\"}"),
                       REL_ERR_REFERENCE, 9, 34, "\"s9\"");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"start\": 0, \"end\": 4}"), REL_ERR_SCHEMA, 9, 8,
                       "member \"source\" is missing");
}

static void test_json__evidence_quotes(void **state)
{
    (void)state;
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"exact\": \"Iraq\"}"), REL_ERR_NOT_FOUND, 9, 34,
                       "entities[0].evidence[].exact: quote \"Iraq\" is not in source \"s1\"");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"exact\": \"Iran\"}"), REL_ERR_AMBIGUOUS, 9, 34,
                       "quote \"Iran\" occurs 2 times in source \"s1\"");
    check_import_error(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"exact\": \"Iran\", \"suffix\": \" sent\"}"),
                       REL_ERR_DUPLICATE, 9, 34, "span [0, 4)");
}

static void test_json__quote_resolved_by_prefix(void **state)
{
    rel_kb *kb = open_mem(ENTITY_WITH_EVIDENCE("{\"source\": \"s1\", \"exact\": \"Iran\", \"prefix\": \"arms. \"}"));
    const rel_entity *iran = rel_kb_entity_at(kb, 0);

    (void)state;
    assert_int_equal(rel_entity_evidence_count(iran), 2);
    assert_span(rel_entity_evidence_at(iran, 1), rel_kb_source_at(kb, 0), 16, 20);
    rel_kb_free(kb);
}

static void test_json__duplicate_ids(void **state)
{
    (void)state;
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"text\": \"x\"},\n    {\"id\": \"s\", \"text\": \"y\"}\n  ]\n}",
                       REL_ERR_DUPLICATE, 4, 12, "sources[1]: id \"s\" is already taken");
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"s1\", \"kind\": \"state\", \"name\": \"Iran\"}\n"
                                    "  ]\n}",
                       REL_ERR_DUPLICATE, 6, 12, "entities[0]: id \"s1\" is already taken");
}

static void test_json__source_without_text(void **state)
{
    (void)state;
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"title\": \"T\"}\n  ]\n}", REL_ERR_SCHEMA, 3, 5,
                       "sources[0]: a source needs \"text\" or \"path\"");
    check_import_error("{\n  \"sources\": [\n    {\"title\": \"T\", \"text\": \"x\"}\n  ]\n}", REL_ERR_SCHEMA, 3, 5,
                       "member \"id\" is missing");
}

static void test_json__source_revises_unknown(void **state)
{
    (void)state;
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"text\": \"x\", \"revises\": \"q\"}\n  ]\n}",
                       REL_ERR_REFERENCE, 3, 41, "sources[0]: revised source \"q\" matches no source");
}

static void test_json__source_path_that_does_not_exist(void **state)
{
    (void)state;
    check_import_error("{\n  \"sources\": [\n    {\"id\": \"s\", \"path\": \"/nonexistent-dir/text.txt\"}\n  ]\n}",
                       REL_ERR_IO, 3, 25, "sources[0].path: cannot open \"/nonexistent-dir/text.txt\"");
}

static void test_json__nesting_too_deep(void **state)
{
    char doc[512];
    size_t n, at;
    int i;

    (void)state;
    n = (size_t)snprintf(doc, sizeof(doc), "{\"entities\": [\n  {\"id\": \"e\", \"kind\": \"state\", \"name\": \"n\", \"aliases\": ");
    at = n; /* the first "[" of "aliases", at depth 4 */
    for (i = 0; i < 100; i++)
        doc[n++] = '[';
    for (i = 0; i < 100; i++)
        doc[n++] = ']';
    snprintf(doc + n, sizeof(doc) - n, "}\n]}");
    /* Line 2 starts after 15 bytes, so the first "[" is in column 56; depth 65 is the 62nd "[". */
    assert_int_equal(at, 70);
    check_import_error(doc, REL_ERR_LIMIT, 2, 56 + 61, "deeper than 64");
}

static void test_json__nesting_of_64_is_accepted(void **state)
{
    char doc[512];
    size_t n;
    int i;
    rel_kb *kb = NULL;
    rel_error err;

    (void)state;
    /* 64 levels is the limit, not an error: the schema is what refuses it. */
    n = (size_t)snprintf(doc, sizeof(doc), "{\"entities\": [{\"id\": \"e\", \"kind\": \"state\", \"name\": \"n\", \"aliases\": ");
    for (i = 0; i < 61; i++)
        doc[n++] = '[';
    for (i = 0; i < 61; i++)
        doc[n++] = ']';
    snprintf(doc + n, sizeof(doc) - n, "}]}");
    assert_int_equal(import_mem(&kb, doc, REL_NTS, NULL, &err), REL_ERR_SCHEMA);
    assert_non_null(strstr(err.message, "aliases[]: expected an object, found an array"));
}

static void test_json__member_twice(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"entities\": [\n"
                                    "    {\"id\": \"iran\", \"kind\": \"state\", \"name\": \"Iran\", \"name\": \"Persia\"}\n"
                                    "  ]\n}",
                       REL_ERR_SCHEMA, 6, 61, "entities[0]: member \"name\" appears twice");
}

/* ---- files and arguments ------------------------------------------------ */

static void test_json__file_error_names_the_file(void **state)
{
    char path[256];
    rel_kb *kb = (rel_kb *)(void *)&scratch;
    rel_error err;

    (void)state;
    scratch_path(path, sizeof(path), "bad.json");
    write_file(path, "{\n  \"entities\": [\n    {\"id\": \"e\", \"kind\": \"stat\", \"name\": \"n\"}\n  ]\n}\n");
    assert_int_equal(import_file(&kb, path, NULL, &err), REL_ERR_SCHEMA);
    assert_null(kb);
    assert_int_equal(err.status, REL_ERR_SCHEMA);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 25);
    assert_int_equal(err.offset, 42);
    assert_non_null(strstr(err.message, "entities[0].kind: unknown entity kind \"stat\""));
}

static void test_json__missing_file(void **state)
{
    char path[256];
    rel_kb *kb = (rel_kb *)(void *)&scratch;
    rel_error err;

    (void)state;
    scratch_path(path, sizeof(path), "missing.json");
    assert_int_equal(import_file(&kb, path, NULL, &err), REL_ERR_IO);
    assert_null(kb);
    assert_int_equal(err.status, REL_ERR_IO);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.message, path));
    assert_int_equal(err.line, 0);
}

static void test_json__null_arguments(void **state)
{
    rel_kb *kb = (rel_kb *)(void *)&scratch, *builtin = helper_open_builtin();
    rel_error err;

    (void)state;
    assert_int_equal(import_mem(NULL, "{}", REL_NTS, NULL, &err), REL_ERR_ARG);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_int_equal(import_mem(&kb, NULL, 0, NULL, &err), REL_ERR_ARG);
    assert_null(kb);
    kb = (rel_kb *)(void *)&scratch;
    assert_int_equal(import_file(&kb, NULL, NULL, &err), REL_ERR_ARG);
    assert_null(kb);
    assert_int_equal(import_file(NULL, ANNOTATION, NULL, NULL), REL_ERR_ARG);
    assert_int_equal(rel_kb_write_json(NULL, NULL, NULL, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_write_json(builtin, NULL, NULL, NULL), REL_ERR_ARG);
    assert_int_equal(rel_kb_save_json(builtin, NULL, &err), REL_ERR_ARG);
    assert_int_equal(rel_kb_save_json(NULL, "/tmp/x.json", &err), REL_ERR_ARG);
    rel_kb_free(builtin);
}

static void test_json__bad_options(void **state)
{
    rel_kb_options opts = REL_KB_OPTIONS_INIT;
    rel_kb *kb = (rel_kb *)(void *)&scratch;
    rel_error err;

    (void)state;
    opts.version = 0;
    assert_int_equal(import_mem(&kb, "{}", REL_NTS, &opts, &err), REL_ERR_ARG);
    assert_null(kb);
    assert_int_equal(err.status, REL_ERR_ARG);
    assert_true(err.message[0] != '\0');
}

static void test_json__errors_without_a_record(void **state)
{
    rel_kb *kb = (rel_kb *)(void *)&scratch;

    (void)state;
    /* err may be NULL: the status alone comes back. */
    assert_int_equal(import_mem(&kb, "{\"entities\": [1]}", REL_NTS, NULL, NULL), REL_ERR_SCHEMA);
    assert_null(kb);
    assert_int_equal(import_mem(&kb, "{", REL_NTS, NULL, NULL), REL_ERR_SYNTAX);
}

typedef struct stopper {
    int calls;
    int stop_at;
} stopper;

static int32_t stop_writing(const char *data, size_t len, void *payload)
{
    stopper *s = payload;

    (void)data;
    (void)len;
    return ++s->calls >= s->stop_at ? 1 : 0;
}

static void test_json__write_callback_stops_the_export(void **state)
{
    rel_kb *kb = helper_open_builtin();
    stopper s = {0, 1};
    rel_error err;
    char *json;

    (void)state;
    assert_int_equal(rel_kb_write_json(kb, stop_writing, &s, &err), REL_ERR_IO);
    assert_int_equal(err.status, REL_ERR_IO);
    assert_non_null(strstr(err.message, "callback"));
    /* Not called again once it said stop. */
    assert_int_equal(s.calls, 1);
    s.calls = 0;
    s.stop_at = 50;
    assert_int_equal(rel_kb_write_json(kb, stop_writing, &s, &err), REL_ERR_IO);
    assert_int_equal(s.calls, 50);
    /* The knowledge base is untouched and still exports. */
    json = helper_export(kb, NULL);
    assert_non_null(json);
    free(json);
    rel_kb_free(kb);
}

static void test_json__save_to_an_unwritable_path(void **state)
{
    rel_kb *kb = helper_open_builtin();
    rel_error err;

    (void)state;
    assert_int_equal(rel_kb_save_json(kb, "/nonexistent-dir/x.json", &err), REL_ERR_IO);
    assert_int_equal(err.status, REL_ERR_IO);
    assert_string_equal(err.file, "/nonexistent-dir/x.json");
    assert_non_null(strstr(err.message, "/nonexistent-dir/x.json"));
    assert_int_equal(rel_kb_save_json(kb, scratch, &err), REL_ERR_IO); /* a folder */
    rel_kb_free(kb);
}

/* ---- predicates and unannotated passages -------------------------------- */

static void test_json__predicates_and_unannotated_read_back(void **state)
{
    static const char doc[] = ERR_DOC_HEAD
        "  \"predicates\": [{\"name\": \"dates_back\", \"functional\": true}, {\"name\": \"member_of\"}],\n"
        "  \"unannotated\": [\n"
        "    {\"source\": \"s1\", \"exact\": \"Iran\", \"suffix\": \" sent\", \"reason\": \"a name alone\"},\n"
        "    {\"source\": \"s1\", \"start\": 16, \"end\": 28, \"text\": \"Iran\xE2\x80\x93Syria\", \"reason\": \"a pair\"}\n"
        "  ]\n}";
    const rel_evidence *span;
    rel_error err;
    rel_kb *kb, *again;
    char *json, *json2;
    size_t len, len2;

    (void)state;
    assert_int_equal(import_mem(&kb, doc, REL_NTS, NULL, &err), REL_OK);
    assert_int_equal(rel_kb_predicate_count(kb), 2);
    assert_int_equal(rel_kb_predicate_is_functional(kb, "dates_back", REL_NTS), 1);
    assert_int_equal(rel_kb_predicate_is_functional(kb, "member_of", REL_NTS), 0);
    assert_int_equal(rel_kb_unannotated_count(kb), 2);
    span = rel_kb_unannotated_at(kb, 0);
    assert_int_equal(rel_evidence_start(span), 0);
    assert_int_equal(rel_evidence_end(span), 4);
    assert_string_equal(rel_kb_unannotated_reason(kb, 1, NULL), "a pair");
    json = helper_export(kb, &len);
    assert_non_null(strstr(json, "\"predicates\": [\n    {\n      \"name\": \"dates_back\",\n      \"functional\": true"));
    assert_non_null(strstr(json, "\"reason\": \"a name alone\""));
    assert_int_equal(import_mem(&again, json, len, NULL, &err), REL_OK);
    json2 = helper_export(again, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(json, json2, len);
    free(json);
    free(json2);
    rel_kb_free(again);
    rel_kb_free(kb);
}

static void test_json__predicate_errors(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"predicates\": [\n    {\"name\": \"x\", \"functional\": \"yes\"}\n  ]\n}",
                       REL_ERR_SCHEMA, 6, 33, "predicates[0].functional: expected a boolean");
    check_import_error(ERR_DOC_HEAD "  \"predicates\": [\n    {\"name\": \"x\"},\n    {\"name\": \"x\"}\n  ]\n}",
                       REL_ERR_DUPLICATE, 7, 14, "predicates[1]: predicate \"x\" is already declared");
    check_import_error(ERR_DOC_HEAD "  \"predicates\": [\n    {\"name\": \"X\"}\n  ]\n}", REL_ERR_SCHEMA, 6, 14,
                       "predicates[0]: predicate \"X\" must be lower-case");
    check_import_error(ERR_DOC_HEAD "  \"predicates\": [\n    {\"name\": \"x\", \"arity\": 1}\n  ]\n}", REL_ERR_SCHEMA, 6,
                       28, "unknown member \"arity\"");
}

static void test_json__unannotated_errors(void **state)
{
    (void)state;
    check_import_error(ERR_DOC_HEAD "  \"unannotated\": [\n    {\"source\": \"s1\", \"exact\": \"Iran\"}\n  ]\n}",
                       REL_ERR_SCHEMA, 6, 5, "unannotated[0]: member \"reason\" is missing");
    check_import_error(ERR_DOC_HEAD
                       "  \"unannotated\": [\n    {\"source\": \"s1\", \"exact\": \"Iraq\", \"reason\": \"r\"}\n  ]\n}",
                       REL_ERR_NOT_FOUND, 6, 31, "unannotated[0].exact: quote \"Iraq\" is not in source \"s1\"");
    check_import_error(ERR_DOC_HEAD
                       "  \"unannotated\": [\n    {\"source\": \"s1\", \"exact\": \"Iran\", \"reason\": \"r\"}\n  ]\n}",
                       REL_ERR_AMBIGUOUS, 6, 31, "occurs more than once");
    check_import_error(ERR_DOC_HEAD
                       "  \"unannotated\": [\n    {\"source\": \"s9\", \"start\": 0, \"end\": 4, \"reason\": \"r\"}\n  ]\n}",
                       REL_ERR_REFERENCE, 6, 16, "\"s9\" matches no single source");
    check_import_error(ERR_DOC_HEAD
                       "  \"unannotated\": [\n    {\"source\": \"s1\", \"start\": 0, \"end\": 99, \"reason\": \"r\"}\n  ]\n}",
                       REL_ERR_RANGE, 6, 5, "unannotated[0]: span [0, 99)");
    check_import_error(ERR_DOC_HEAD
                       "  \"unannotated\": [\n    {\"source\": \"s1\", \"start\": 0, \"end\": 4, \"text\": \"Iraq\", "
                       "\"reason\": \"r\"}\n  ]\n}",
                       REL_ERR_MISMATCH, 6, 52, "unannotated[0].text: differs from bytes [0, 4)");
}

/* ---- input in pieces ---------------------------------------------------- */

/*
 * Whatever the size of the pieces, from memory or from a file, the import
 * is the same; also for a document on one line, which is cut where a token
 * ends rather than at a line end.
 */
static void test_json__any_piece_size_gives_the_same_import(void **state)
{
    rel_kb *whole = open_mem(complete_doc), *reversed = open_mem(reversed_doc), *kb;
    char path[256], reversed_path[256], one_line[sizeof(complete_doc)];
    rel_error err;
    size_t size, i;

    (void)state;
    for (i = 0; i < sizeof(complete_doc); i++)
        one_line[i] = complete_doc[i] == '\n' ? ' ' : complete_doc[i];
    write_file(scratch_path(path, sizeof(path), "pieces.json"), complete_doc);
    write_file(scratch_path(reversed_path, sizeof(reversed_path), "pieces-reversed.json"), reversed_doc);
    for (size = 1; size <= 100; size++) {
        piece = size;
        kb = open_mem(complete_doc);
        assert_same_export(whole, kb);
        rel_kb_free(kb);
        kb = open_mem(reversed_doc);
        assert_same_export(reversed, kb);
        rel_kb_free(kb);
        kb = open_mem(one_line);
        assert_same_export(whole, kb);
        rel_kb_free(kb);
        if (import_file(&kb, path, NULL, &err) != REL_OK)
            fail_msg("pieces of %zu: %u:%u: %s", size, err.line, err.column, err.message);
        assert_same_export(whole, kb);
        rel_kb_free(kb);
        if (import_file(&kb, reversed_path, NULL, &err) != REL_OK)
            fail_msg("pieces of %zu: %u:%u: %s", size, err.line, err.column, err.message);
        assert_same_export(reversed, kb);
        rel_kb_free(kb);
    }
    piece = 0;
    unlink(path);
    unlink(reversed_path);
    rel_kb_free(whole);
    rel_kb_free(reversed);
}

/* The line and column of a byte offset of text, 1-based. */
static void line_column(const char *text, uint64_t offset, uint32_t *line, uint32_t *column)
{
    uint64_t i;

    *line = 1;
    *column = 1;
    for (i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
    }
}

/*
 * A document of `count` entities, one per line (some 60 bytes each), between
 * head and tail; the one numbered `odd` (if any) is written as `odd_entity`.
 * free() it.
 */
static char *many_entities(const char *head, size_t count, size_t odd, const char *odd_entity, const char *tail)
{
    size_t cap = strlen(head) + strlen(tail) + strlen(odd_entity) + count * 80 + 1, n;
    char *doc = malloc(cap);
    size_t i;

    assert_non_null(doc);
    n = (size_t)snprintf(doc, cap, "%s", head);
    for (i = 0; i < count; i++) {
        if (i == odd)
            n += (size_t)snprintf(doc + n, cap - n, "%s", odd_entity);
        else
            n += (size_t)snprintf(doc + n, cap - n, "  {\"id\": \"e%zu\", \"kind\": \"state\", \"name\": \"Entity %zu\"}", i,
                                  i);
        n += (size_t)snprintf(doc + n, cap - n, "%s", i + 1 < count ? ",\n" : "\n");
    }
    snprintf(doc + n, cap - n, "%s", tail);
    return doc;
}

/* check_import_error() for an error at the first place of `needle` in doc (plus `shift` bytes). */
static void check_error_at(const char *doc, const char *needle, uint64_t shift, rel_status want, const char *message)
{
    uint32_t line, column;

    line_column(doc, offset_of(doc, needle, 0) + shift, &line, &column);
    check_import_error(doc, want, line, column, message);
}

/* Errors far into a document of many pieces keep their line, column and offset. */
static void test_json__errors_beyond_the_first_piece(void **state)
{
    static const char head[] = "{\"format\": \"relations-kb/1\",\n \"entities\": [\n";
    char *doc, *p;

    (void)state;
    /* A schema error in the last record. */
    doc = many_entities(head, 1000, 999, "  {\"id\": \"odd\", \"kind\": \"stat\", \"name\": \"Odd\"}", "]}\n");
    check_error_at(doc, "\"stat\"", 0, REL_ERR_SCHEMA, "entities[999].kind: unknown entity kind \"stat\"");
    /* The same on one line. */
    for (p = doc; *p; p++)
        if (*p == '\n')
            *p = ' ';
    check_error_at(doc, "\"stat\"", 0, REL_ERR_SCHEMA, "entities[999].kind: unknown entity kind \"stat\"");
    free(doc);
    /* A syntax error: yajl stops after the token it cannot take. */
    doc = many_entities(head, 1000, 998, "  {\"id\": \"odd\" \"kind\": \"state\", \"name\": \"Odd\"}", "]}\n");
    check_error_at(doc, "\"odd\" \"kind\"", 8, REL_ERR_SYNTAX, "malformed JSON");
    free(doc);
    /* Garbage after the document, as a token and as a string that never ends. */
    doc = many_entities(head, 1000, SIZE_MAX, "", "]}\n\n  x");
    check_error_at(doc, "  x", 3, REL_ERR_SYNTAX, "trailing garbage");
    free(doc);
    doc = many_entities(head, 1000, SIZE_MAX, "", "]}\n\n  \"x, y, z");
    check_error_at(doc, "\"x, y", 0, REL_ERR_SYNTAX, "trailing garbage");
    free(doc);
    /* The input ends early. */
    doc = many_entities(head, 1000, SIZE_MAX, "", "]");
    check_error_at(doc, "]", 1, REL_ERR_SYNTAX, "premature EOF");
    free(doc);
    /* A record kept back until the end, whose error lies in the first piece. */
    doc = many_entities("{\"claims\": [{\"id\": \"c\", \"subject\": {\"entity\": \"e1\"}, \"predicate\": \"p\",\n"
                        "             \"claimant\": \"nobody\", \"modality\": \"asserted\"}],\n"
                        " \"entities\": [\n",
                        1000, SIZE_MAX, "", "]}\n");
    check_error_at(doc, "\"c\", \"subject\"", 0, REL_ERR_REFERENCE, "claims[0]: claimant \"nobody\" does not exist");
    free(doc);
}

/* ---- progress and cancelling -------------------------------------------- */

/* Width of one sentence of the generated source text, "Entity 0000000 was there. ". */
#define SENTENCE 26

/*
 * A generated document: `count` entities, events and claims, each with
 * evidence in one source text, some 800 bytes per entity, with strings
 * that have escapes, numbers, and claims about claims further down.
 * free() it.
 */
static char *generated_doc(size_t count, size_t *len)
{
    size_t cap = count * 1000 + 4096, n = 0, i;
    char *doc = malloc(cap);

    assert_non_null(doc);
#define ADD(...) (n += (size_t)snprintf(doc + n, cap - n, __VA_ARGS__), assert_true(n < cap))
    ADD("{\n\"format\": \"relations-kb/1\",\n\"sources\": [{\"id\": \"s\", \"title\": \"A \\\"generated\\\" text\", \"text\": \"");
    for (i = 0; i < count; i++)
        ADD("Entity %07zu was there. ", i);
    ADD("\"}],\n\"entities\": [\n");
    for (i = 0; i < count; i++)
        ADD("%s{\"id\": \"e%zu\", \"kind\": \"state\", \"name\": \"Entity %07zu\", \"aliases\": [{\"text\": "
            "\"Caf\\u00e9 %zu\", \"lang\": \"fr\"}], \"evidence\": [{\"source\": \"s\", \"start\": %zu, \"end\": %zu, "
            "\"text\": \"Entity %07zu\"}]}\n",
            i ? "," : "", i, i, i, i * SENTENCE, i * SENTENCE + 14, i);
    ADD("],\n\"events\": [\n");
    for (i = 0; i < count; i++)
        ADD("%s{\"id\": \"ev%zu\", \"type\": \"CONSULT\", \"participants\": [{\"entity\": \"e%zu\", \"role\": \"agent\"}, "
            "{\"entity\": \"e%zu\", \"role\": \"recipient\"}], \"time\": {\"expr\": \"19%02zu\", \"text\": \"in 19%02zu\"}, "
            "\"evidence\": [{\"source\": \"s\", \"start\": %zu, \"end\": %zu}]}\n",
            i ? "," : "", i, i, (i + 1) % count, i % 100, i % 100, i * SENTENCE, i * SENTENCE + SENTENCE - 1);
    ADD("],\n\"claims\": [\n");
    for (i = 0; i < count; i++) {
        ADD("%s{\"id\": \"c%zu\", \"subject\": {\"event\": \"ev%zu\"}, \"predicate\": \"weighs\", ", i ? "," : "", i, i);
        if (i % 2)
            ADD("\"object\": {\"quantity\": %zu.25e-1, \"unit\": \"t\"}, ", i);
        else
            ADD("\"object\": {\"literal\": \"said \\\"no\\\" \\\\ %zu\"}, ", i);
        if (i % 3 == 0 && i + 1 < count)
            ADD("\"relations\": [{\"type\": \"supports\", \"claim\": \"c%zu\"}], ", i + 1);
        ADD("\"claimant\": \"e%zu\", \"modality\": \"reported\", \"polarity\": %s, \"evidence\": [{\"source\": \"s\", "
            "\"start\": %zu, \"end\": %zu}]}\n",
            i, i % 5 ? "\"positive\"" : "\"negative\"", i * SENTENCE + 15, i * SENTENCE + SENTENCE - 1);
    }
    ADD("]\n}\n");
#undef ADD
    *len = n;
    return doc;
}

/* What a progress callback was told. */
typedef struct progress_log {
    size_t calls;
    size_t cancel_at; /* the call (from 1) that says stop; 0: none */
    uint64_t done;    /* as last told */
    uint64_t total;
    int disorder;     /* done went back, passed total, or total changed */
} progress_log;

static int32_t log_progress(uint64_t done, uint64_t total, void *payload)
{
    progress_log *log = payload;

    if (done > total || (log->calls > 0 && (done < log->done || total != log->total)))
        log->disorder = 1;
    log->calls++;
    log->done = done;
    log->total = total;
    return log->cancel_at != 0 && log->calls >= log->cancel_at;
}

/* Options that tell log. */
static rel_kb_options logging_options(progress_log *log)
{
    rel_kb_options opts = REL_KB_OPTIONS_INIT;

    memset(log, 0, sizeof(*log));
    opts.progress = log_progress;
    opts.progress_payload = log;
    return opts;
}

/* The log of a successful import: in order, more than one call but not many, the last saying all is done. */
static void assert_told_in_order(const progress_log *log, uint64_t total)
{
    assert_false(log->disorder);
    assert_true(log->calls >= 2);
    assert_true(log->calls <= 257);
    assert_int_equal(log->done, total);
    assert_int_equal(log->total, total);
}

static void test_json__progress_from_memory(void **state)
{
    size_t len;
    char *doc = generated_doc(1000, &len);
    progress_log log;
    rel_kb_options opts = logging_options(&log);
    rel_kb *kb = NULL;
    rel_error err;

    (void)state;
    piece = 4096;
    assert_int_equal(import_mem(&kb, doc, len, &opts, &err), REL_OK);
    assert_told_in_order(&log, len);
    rel_kb_free(kb);
    /* However small the pieces, the callback is told a few hundred times at most. */
    opts = logging_options(&log);
    piece = 16;
    assert_int_equal(import_mem(&kb, doc, len, &opts, &err), REL_OK);
    assert_told_in_order(&log, len);
    rel_kb_free(kb);
    /* Input of one piece: one call, at the end. */
    opts = logging_options(&log);
    piece = 0;
    assert_int_equal(import_mem(&kb, doc, len, &opts, &err), REL_OK);
    assert_int_equal(log.calls, 1);
    assert_int_equal(log.done, len);
    assert_int_equal(log.total, len);
    rel_kb_free(kb);
    free(doc);
}

static void test_json__progress_from_a_file(void **state)
{
    size_t len;
    char *doc = generated_doc(1000, &len), path[256];
    progress_log log;
    rel_kb_options opts = logging_options(&log);
    rel_kb *kb = NULL;
    rel_error err;

    (void)state;
    write_file(scratch_path(path, sizeof(path), "progress.json"), doc);
    piece = 4096;
    assert_int_equal(import_file(&kb, path, &opts, &err), REL_OK);
    piece = 0;
    assert_told_in_order(&log, len);
    rel_kb_free(kb);
    unlink(path);
    free(doc);
}

/* Stopping at the nth call gives REL_ERR_CANCELLED, no knowledge base and nothing left allocated. */
static void check_cancel_at(const char *doc, size_t len, const char *path, size_t n)
{
    helper_alloc a = {0, 0, 0, 0};
    rel_kb_options opts = helper_alloc_options(&a);
    progress_log log;
    rel_kb *kb = (rel_kb *)(void *)&scratch;
    rel_error err;
    rel_status st;

    memset(&log, 0, sizeof(log));
    log.cancel_at = n;
    opts.progress = log_progress;
    opts.progress_payload = &log;
    st = path ? import_file(&kb, path, &opts, &err) : import_mem(&kb, doc, len, &opts, &err);
    if (st != REL_ERR_CANCELLED)
        fail_msg("%s, stopping at call %zu of %zu: status %d", path ? path : "memory", n, log.calls, (int)st);
    assert_null(kb);
    assert_int_equal(log.calls, n);
    assert_int_equal(err.status, REL_ERR_CANCELLED);
    assert_non_null(strstr(err.message, "cancelled"));
    assert_string_equal(err.file, path ? path : "");
    assert_int_equal(err.line, 0);
    assert_int_equal(a.live, 0);
}

static void test_json__progress_cancels(void **state)
{
    size_t len, i;
    char *doc = generated_doc(1000, &len), path[256];
    progress_log log;
    rel_kb_options opts;
    rel_kb *kb = NULL;
    rel_error err;

    (void)state;
    write_file(scratch_path(path, sizeof(path), "cancel.json"), doc);
    piece = 4096;
    for (i = 0; i < 2; i++) {
        const char *from = i ? path : NULL;
        opts = logging_options(&log);
        assert_int_equal(from ? import_file(&kb, from, &opts, &err)
                              : import_mem(&kb, doc, len, &opts, &err),
                         REL_OK);
        rel_kb_free(kb);
        assert_true(log.calls > 5);
        /* At the first call, a later one, and the last one, when all the input is in. */
        check_cancel_at(doc, len, from, 1);
        check_cancel_at(doc, len, from, 5);
        check_cancel_at(doc, len, from, log.calls);
    }
    piece = 0;
    unlink(path);
    free(doc);
}

/* A generated file of a few megabytes, read in small pieces, gives what the same bytes give from memory. */
static void test_json__large_file_in_small_pieces(void **state)
{
    size_t len;
    char *doc = generated_doc(5000, &len), path[256];
    progress_log log;
    rel_kb_options opts = logging_options(&log);
    rel_kb *from_file = NULL, *from_memory = NULL;
    rel_error err;

    (void)state;
    assert_true(len > 3 * 1000 * 1000);
    write_file(scratch_path(path, sizeof(path), "large.json"), doc);
    piece = 4093; /* not a power of two: the cuts fall everywhere */
    if (import_file(&from_file, path, &opts, &err) != REL_OK)
        fail_msg("%s:%u:%u: %s", err.file, err.line, err.column, err.message);
    piece = 0;
    assert_told_in_order(&log, len);
    if (import_mem(&from_memory, doc, len, NULL, &err) != REL_OK)
        fail_msg("%u:%u: %s", err.line, err.column, err.message);
    assert_int_equal(rel_kb_entity_count(from_memory), 5000);
    assert_int_equal(rel_kb_event_count(from_memory), 5000);
    assert_int_equal(rel_kb_claim_count(from_memory), 5000);
    assert_same_export(from_file, from_memory);
    rel_kb_free(from_file);
    rel_kb_free(from_memory);
    unlink(path);
    free(doc);
}

/* ---- options of version 1 ----------------------------------------------- */

/* What a caller built against version 1 of rel_kb_options has: no progress members. */
typedef struct options_v1 {
    uint32_t version;
    rel_allocator allocator;
    const char *base_dir;
} options_v1;

static int32_t never_called(uint64_t done, uint64_t total, void *payload)
{
    (void)done;
    (void)total;
    (void)payload;
    fail_msg("the progress callback of options of version 1 was called");
    return 1;
}

static void test_json__version_1_options(void **state)
{
    options_v1 *v1 = malloc(sizeof(*v1)); /* just that size: a sanitizer sees any access beyond */
    rel_kb_options opts;
    const unsigned char *after;
    rel_kb *kb = NULL;
    rel_error err;
    size_t i;

    (void)state;
    assert_non_null(v1);
    assert_int_equal(sizeof(*v1), offsetof(rel_kb_options, progress));
    /* Initialising version 1 writes nothing past its members. */
    memset(&opts, 0x5A, sizeof(opts));
    assert_int_equal(rel_kb_options_init(&opts, 1), REL_OK);
    assert_int_equal(opts.version, 1);
    assert_null(opts.base_dir);
    after = (const unsigned char *)&opts + sizeof(*v1);
    for (i = 0; i < sizeof(opts) - sizeof(*v1); i++)
        assert_int_equal(after[i], 0x5A);
    assert_int_equal(rel_kb_options_init((rel_kb_options *)(void *)v1, 1), REL_OK);
    assert_int_equal(v1->version, 1);
    assert_null(v1->base_dir);
    /* Version 1 and version 2 both open. */
    assert_int_equal(import_mem(&kb, complete_doc, REL_NTS, (const rel_kb_options *)(void *)v1, &err), REL_OK);
    rel_kb_free(kb);
    assert_int_equal(import_file(&kb, ANNOTATION, (const rel_kb_options *)(void *)v1, &err), REL_OK);
    rel_kb_free(kb);
    /* Whatever lies where version 2 has its progress members, version 1 has none. */
    memset(&opts, 0, sizeof(opts));
    opts.version = 1;
    opts.progress = never_called;
    assert_int_equal(import_mem(&kb, complete_doc, REL_NTS, &opts, &err), REL_OK);
    rel_kb_free(kb);
    assert_int_equal(import_file(&kb, ANNOTATION, &opts, &err), REL_OK);
    rel_kb_free(kb);
    assert_int_equal(rel_kb_options_init(&opts, 2), REL_OK);
    assert_null(opts.progress);
    assert_null(opts.progress_payload);
    assert_int_equal(import_mem(&kb, complete_doc, REL_NTS, &opts, &err), REL_OK);
    rel_kb_free(kb);
    assert_int_equal(rel_kb_options_init(&opts, 3), REL_ERR_ARG);
    free(v1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json__predicates_and_unannotated_read_back),
        cmocka_unit_test(test_json__predicate_errors),
        cmocka_unit_test(test_json__unannotated_errors),
        cmocka_unit_test(test_json__any_piece_size_gives_the_same_import),
        cmocka_unit_test(test_json__errors_beyond_the_first_piece),
        cmocka_unit_test(test_json__progress_from_memory),
        cmocka_unit_test(test_json__progress_from_a_file),
        cmocka_unit_test(test_json__progress_cancels),
        cmocka_unit_test(test_json__large_file_in_small_pieces),
        cmocka_unit_test(test_json__version_1_options),
        cmocka_unit_test(test_json__builtin_round_trip),
        cmocka_unit_test(test_json__file_round_trip),
        cmocka_unit_test(test_json__annotation_file_gives_the_builtin),
        cmocka_unit_test(test_json__base_dir_resolves_source_paths),
        cmocka_unit_test(test_json__path_relative_to_the_json_file),
        cmocka_unit_test(test_json__sources_read_back),
        cmocka_unit_test(test_json__entities_read_back),
        cmocka_unit_test(test_json__events_read_back),
        cmocka_unit_test(test_json__claims_read_back),
        cmocka_unit_test(test_json__reversed_arrays_import_the_same),
        cmocka_unit_test(test_json__export_reimports_identically),
        cmocka_unit_test(test_json__export_writes_offsets_text_and_full_ids),
        cmocka_unit_test(test_json__quantities_round_trip),
        cmocka_unit_test(test_json__quantity_below_the_smallest_double),
        cmocka_unit_test(test_json__nts_and_explicit_length),
        cmocka_unit_test(test_json__success_clears_the_error),
        cmocka_unit_test(test_json__success_after_a_retried_claim_clears_the_error),
        cmocka_unit_test(test_json__missing_closing_brace),
        cmocka_unit_test(test_json__premature_end_inside_a_string),
        cmocka_unit_test(test_json__trailing_comma),
        cmocka_unit_test(test_json__trailing_garbage),
        cmocka_unit_test(test_json__trailing_unterminated_string),
        cmocka_unit_test(test_json__invalid_utf8_in_a_string),
        cmocka_unit_test(test_json__nul_escape_in_a_string),
        cmocka_unit_test(test_json__top_level_not_an_object),
        cmocka_unit_test(test_json__unknown_top_level_member),
        cmocka_unit_test(test_json__top_level_member_twice),
        cmocka_unit_test(test_json__section_not_an_array),
        cmocka_unit_test(test_json__wrong_format),
        cmocka_unit_test(test_json__record_not_an_object),
        cmocka_unit_test(test_json__unknown_member_in_an_entity),
        cmocka_unit_test(test_json__wrong_type),
        cmocka_unit_test(test_json__missing_required_member),
        cmocka_unit_test(test_json__unknown_entity_kind),
        cmocka_unit_test(test_json__unknown_role),
        cmocka_unit_test(test_json__participant_reference),
        cmocka_unit_test(test_json__bad_event_type_and_time),
        cmocka_unit_test(test_json__unknown_modality),
        cmocka_unit_test(test_json__bad_claim_values),
        cmocka_unit_test(test_json__relation_to_a_claim_that_never_appears),
        cmocka_unit_test(test_json__relation_target_with_a_nul),
        cmocka_unit_test(test_json__claim_about_a_claim_that_never_appears),
        cmocka_unit_test(test_json__claimant_that_never_appears),
        cmocka_unit_test(test_json__evidence_with_exact_and_offsets),
        cmocka_unit_test(test_json__evidence_text_mismatch),
        cmocka_unit_test(test_json__evidence_offsets_not_integers),
        cmocka_unit_test(test_json__evidence_span_out_of_range),
        cmocka_unit_test(test_json__evidence_source),
        cmocka_unit_test(test_json__evidence_quotes),
        cmocka_unit_test(test_json__quote_resolved_by_prefix),
        cmocka_unit_test(test_json__duplicate_ids),
        cmocka_unit_test(test_json__source_without_text),
        cmocka_unit_test(test_json__source_revises_unknown),
        cmocka_unit_test(test_json__source_path_that_does_not_exist),
        cmocka_unit_test(test_json__nesting_too_deep),
        cmocka_unit_test(test_json__nesting_of_64_is_accepted),
        cmocka_unit_test(test_json__member_twice),
        cmocka_unit_test(test_json__file_error_names_the_file),
        cmocka_unit_test(test_json__missing_file),
        cmocka_unit_test(test_json__null_arguments),
        cmocka_unit_test(test_json__bad_options),
        cmocka_unit_test(test_json__errors_without_a_record),
        cmocka_unit_test(test_json__write_callback_stops_the_export),
        cmocka_unit_test(test_json__save_to_an_unwritable_path),
    };

    return cmocka_run_group_tests_name("json", tests, setup_scratch, teardown_scratch);
}
