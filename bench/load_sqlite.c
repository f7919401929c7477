/* SPDX-License-Identifier: MIT */
#include "load_sqlite.h"

#include "timing.h"

#include <relations.h>

#include <stdio.h>
#include <stdlib.h>

/*
 * The schema. Entities, events, claims and sources are keyed by their index
 * (INTEGER PRIMARY KEY); the string ids are kept as data. An event's two
 * actors are also stored as an ordered pair (a_lo, a_hi) for the pair
 * query, every participant (location included) in `participants` with the
 * year of its event for the per-actor query, and every name and alias with
 * its rel_text_normalise() form.
 */
static const char schema[] =
    "CREATE TABLE sources(id INTEGER PRIMARY KEY, sid TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL);"
    "CREATE TABLE entities(id INTEGER PRIMARY KEY, sid TEXT NOT NULL, kind INTEGER NOT NULL, name TEXT NOT NULL);"
    "CREATE TABLE aliases(entity INTEGER NOT NULL, alias TEXT NOT NULL, norm TEXT NOT NULL);"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, sid TEXT NOT NULL, type TEXT NOT NULL, day INTEGER NOT NULL,"
    " a_lo INTEGER NOT NULL, a_hi INTEGER NOT NULL);"
    "CREATE TABLE participants(event INTEGER NOT NULL, entity INTEGER NOT NULL, role INTEGER NOT NULL,"
    " year INTEGER NOT NULL);"
    "CREATE TABLE claims(id INTEGER PRIMARY KEY, sid TEXT NOT NULL, event INTEGER NOT NULL,"
    " claimant INTEGER NOT NULL, modality INTEGER NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,"
    " source INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL);";

/* One index per need of the queries, built after the load. */
static const char indexes[] = "CREATE INDEX aliases_alias ON aliases(alias, entity);"
                              "CREATE INDEX aliases_norm ON aliases(norm, entity);"
                              "CREATE INDEX events_pair ON events(a_lo, a_hi, day);"
                              "CREATE INDEX participants_entity ON participants(entity, year);"
                              "CREATE INDEX claims_event ON claims(event);";

enum { ST_SOURCE, ST_ENTITY, ST_ALIAS, ST_EVENT, ST_PARTICIPANT, ST_CLAIM, ST_COUNT };

static const char *const inserts[ST_COUNT] = {
    "INSERT INTO sources VALUES(?1, ?2, ?3, ?4)",
    "INSERT INTO entities VALUES(?1, ?2, ?3, ?4)",
    "INSERT INTO aliases VALUES(?1, ?2, ?3)",
    "INSERT INTO events VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO participants VALUES(?1, ?2, ?3, ?4)",
    "INSERT INTO claims VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
};

static int sql_failed(sqlite3 *db, const char *what)
{
    fprintf(stderr, "relations-bench: sqlite: %s: %s\n", what, sqlite3_errmsg(db));
    return -1;
}

static int step(sqlite3 *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);

    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sql_failed(db, sqlite3_sql(st));
}

static int insert_alias(sqlite3 *db, sqlite3_stmt *st, size_t entity, const char *text)
{
    char buf[512];
    size_t len = 0;

    if (rel_text_normalise(text, REL_NTS, buf, sizeof buf, &len) != REL_OK) {
        fprintf(stderr, "relations-bench: cannot normalise the alias \"%s\"\n", text);
        return -1;
    }
    sqlite3_bind_int64(st, 1, (sqlite3_int64)entity);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, buf, (int)len, SQLITE_STATIC);
    return step(db, st);
}

static int insert_participant(sqlite3 *db, sqlite3_stmt *st, size_t event, uint32_t entity, int role, uint32_t date)
{
    sqlite3_bind_int64(st, 1, (sqlite3_int64)event);
    sqlite3_bind_int64(st, 2, entity);
    sqlite3_bind_int(st, 3, role);
    sqlite3_bind_int(st, 4, (int)(date / 10000));
    return step(db, st);
}

static int load_rows(const gen_data *g, sqlite3 *db, sqlite3_stmt **st)
{
    char id[GEN_ID_CAP], text[160];

    for (size_t i = 0; i < g->source_count; i++) {
        gen_source_id(i, id);
        snprintf(text, sizeof text, "Synthetic source %zu", i);
        sqlite3_bind_int64(st[ST_SOURCE], 1, (sqlite3_int64)i);
        sqlite3_bind_text(st[ST_SOURCE], 2, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_SOURCE], 3, text, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_SOURCE], 4, g->sources[i].text, (int)g->sources[i].len, SQLITE_STATIC);
        if (step(db, st[ST_SOURCE]) != 0)
            return -1;
    }
    for (size_t i = 0; i < g->entity_count; i++) {
        const gen_entity *e = &g->entities[i];
        gen_entity_id(i, id);
        sqlite3_bind_int64(st[ST_ENTITY], 1, (sqlite3_int64)i);
        sqlite3_bind_text(st[ST_ENTITY], 2, id, -1, SQLITE_STATIC);
        sqlite3_bind_int(st[ST_ENTITY], 3, e->kind);
        sqlite3_bind_text(st[ST_ENTITY], 4, gen_str(g, e->name), -1, SQLITE_STATIC);
        if (step(db, st[ST_ENTITY]) != 0)
            return -1;
        /* The name is an alias too, as it is for rel_kb_find_alias() and queries. */
        if (insert_alias(db, st[ST_ALIAS], i, gen_str(g, e->name)) != 0)
            return -1;
        for (unsigned k = 0; k < e->alias_count; k++)
            if (insert_alias(db, st[ST_ALIAS], i, gen_str(g, e->alias[k])) != 0)
                return -1;
    }
    for (size_t i = 0; i < g->event_count; i++) {
        const gen_event *ev = &g->events[i];
        uint32_t lo = ev->actor < ev->target ? ev->actor : ev->target;
        uint32_t hi = ev->actor < ev->target ? ev->target : ev->actor;
        gen_event_id(i, id);
        sqlite3_bind_int64(st[ST_EVENT], 1, (sqlite3_int64)i);
        sqlite3_bind_text(st[ST_EVENT], 2, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[ST_EVENT], 3, gen_event_type(ev->type), -1, SQLITE_STATIC);
        sqlite3_bind_int(st[ST_EVENT], 4, (int)ev->date);
        sqlite3_bind_int64(st[ST_EVENT], 5, lo);
        sqlite3_bind_int64(st[ST_EVENT], 6, hi);
        if (step(db, st[ST_EVENT]) != 0 ||
            insert_participant(db, st[ST_PARTICIPANT], i, ev->actor, REL_ROLE_AGENT, ev->date) != 0 ||
            insert_participant(db, st[ST_PARTICIPANT], i, ev->target, REL_ROLE_RECIPIENT, ev->date) != 0 ||
            (ev->place != GEN_NO_PLACE &&
             insert_participant(db, st[ST_PARTICIPANT], i, ev->place, REL_ROLE_LOCATION, ev->date) != 0))
            return -1;
    }
    for (size_t i = 0; i < g->claim_count; i++) {
        const gen_claim *c = &g->claims[i];
        sqlite3_stmt *s = st[ST_CLAIM];
        gen_claim_id(i, id);
        sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
        sqlite3_bind_text(s, 2, id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 3, c->event);
        sqlite3_bind_int64(s, 4, c->claimant);
        sqlite3_bind_int(s, 5, c->modality);
        sqlite3_bind_text(s, 6, gen_predicate(c->predicate), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 7, gen_claim_text(g, i), c->text_len, SQLITE_STATIC);
        sqlite3_bind_int(s, 8, c->source);
        sqlite3_bind_int64(s, 9, c->start);
        sqlite3_bind_int64(s, 10, c->end);
        if (step(db, s) != 0)
            return -1;
    }
    return 0;
}

int load_sqlite(const gen_data *g, const char *path, sqlite3 **out, double *index_seconds)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st[ST_COUNT] = {0};
    int rc = -1;
    double t0;

    *out = NULL;
    remove(path);
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        sql_failed(db, path);
        sqlite3_close(db);
        return -1;
    }
    /* No rollback journal, no fsync, a page cache of up to 1 GiB, reads through a mapping. */
    if (sqlite3_exec(db,
                     "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
                     "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1048576; PRAGMA mmap_size=17179869184;",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sql_failed(db, "setting up");
        goto out;
    }
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v2(db, inserts[i], -1, &st[i], NULL) != SQLITE_OK) {
            sql_failed(db, inserts[i]);
            goto out;
        }
    if (load_rows(g, db, st) != 0)
        goto out;
    t0 = bench_now();
    if (sqlite3_exec(db, indexes, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sql_failed(db, "building the indexes");
        goto out;
    }
    *index_seconds = bench_now() - t0;
    rc = 0;
out:
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(st[i]);
    if (rc == 0)
        *out = db;
    else
        sqlite3_close(db);
    return rc;
}
