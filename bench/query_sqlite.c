/* SPDX-License-Identifier: MIT */
/* Queries a-d in SQL, on the indexes built by load_sqlite(). */
#include "queries.h"
#include "timing.h"

#include <stdio.h>

static const char *const sql[Q_COUNT] = {
    /* a: the pair is stored ordered, so one index range holds an unordered pair's events */
    "SELECT id FROM events WHERE a_lo = ?1 AND a_hi = ?2 AND day BETWEEN ?3 AND ?4",
    "SELECT DISTINCT entity FROM aliases WHERE alias = ?1",
    "SELECT DISTINCT entity FROM aliases WHERE norm = ?1",
    "SELECT id FROM claims WHERE event = ?1",
    "SELECT year, count(*) FROM participants WHERE entity = ?1 GROUP BY year",
    "SELECT year, count(*) FROM participants WHERE entity = ?1 GROUP BY year",
};

static int failed(sqlite3 *db, const char *what)
{
    fprintf(stderr, "relations-bench: sqlite: %s: %s\n", what, sqlite3_errmsg(db));
    return -1;
}

/* The query: bind, step through every row, reset. */
static int execute(sqlite3 *db, sqlite3_stmt *st, const query_params *p, int f, size_t i, uint64_t *count,
                   uint32_t *years)
{
    uint64_t n = 0;
    uint32_t y = 0;
    char norm[512];
    size_t len = 0;
    int rc;

    switch (f) {
    case Q_A: {
        uint32_t a = p->a_actor[i], b = p->a_actor2[i];
        sqlite3_bind_int64(st, 1, a < b ? a : b);
        sqlite3_bind_int64(st, 2, a < b ? b : a);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)p->a_year[i] * 10000 + 101);
        sqlite3_bind_int64(st, 4, ((sqlite3_int64)p->a_year[i] + 9) * 10000 + 1231);
        break;
    }
    case Q_B_EXACT:
        sqlite3_bind_text(st, 1, p->b_exact[i], -1, SQLITE_STATIC);
        break;
    case Q_B_NORMALISED:
        /* The same normalisation as librelations', of the query string, inside the timed region. */
        if (rel_text_normalise(p->b_normalised[i], REL_NTS, norm, sizeof norm, &len) != REL_OK) {
            fprintf(stderr, "relations-bench: cannot normalise \"%s\"\n", p->b_normalised[i]);
            return -1;
        }
        sqlite3_bind_text(st, 1, norm, (int)len, SQLITE_STATIC);
        break;
    case Q_C:
        sqlite3_bind_int64(st, 1, p->c_event[i]);
        break;
    default:
        sqlite3_bind_int64(st, 1, f == Q_D ? p->d_actor[i] : p->busiest);
        break;
    }
    if (f == Q_D || f == Q_D_BUSIEST) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            y++;
            n += (uint64_t)sqlite3_column_int64(st, 1);
        }
    } else {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            (void)sqlite3_column_int64(st, 0);
            n++;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return failed(db, sql[f]);
    *count = n;
    *years = y;
    return 0;
}

int queries_sqlite(const query_params *p, sqlite3 *db, query_result r[Q_COUNT])
{
    sqlite3_stmt *st[Q_COUNT] = {0};
    int rc = -1;

    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return failed(db, "BEGIN");
    for (int f = 0; f < Q_COUNT; f++)
        if (sqlite3_prepare_v2(db, sql[f], -1, &st[f], NULL) != SQLITE_OK) {
            failed(db, sql[f]);
            goto out;
        }
    for (int f = 0; f < Q_COUNT; f++) {
        uint64_t count;
        uint32_t years;
        for (size_t i = 0; i < r[f].n && i < QUERY_WARMUP; i++)
            if (execute(db, st[f], p, f, i, &count, &years) != 0)
                goto out;
        for (size_t i = 0; i < r[f].n; i++) {
            double t0 = bench_now(), t1;
            if (execute(db, st[f], p, f, i, &count, &years) != 0)
                goto out;
            t1 = bench_now();
            r[f].us[i] = (t1 - t0) * 1e6;
            r[f].count[i] = count;
            r[f].years[i] = years;
        }
    }
    rc = 0;
out:
    for (int f = 0; f < Q_COUNT; f++)
        sqlite3_finalize(st[f]);
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK && rc == 0)
        rc = failed(db, "COMMIT");
    return rc;
}
