/* SPDX-License-Identifier: MIT */
/*
 * relations-bench: librelations against SQLite (and jansson for JSON
 * import) on one generated workload, side by side in one run. See
 * docs/performance.md for the workload, the queries and the output.
 *
 * Figures go to stdout, one line each:
 *     bench: <name> relations=<x> sqlite=<y> ratio=<y/x>
 * and everything else (progress, secondary figures) to stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include "child.h"
#include "generate.h"
#include "load_json.h"
#include "load_relations.h"
#include "load_sqlite.h"
#include "memory.h"
#include "params.h"
#include "queries.h"
#include "timing.h"

#include <relations.h>
#include <sqlite3.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: relations-bench [--scale S] [--seed N] [--queries N] [--busiest-runs N] [--dir DIR]\n"
    "\n"
    "Times librelations against SQLite (and jansson for JSON import) on a generated\n"
    "knowledge base, in one run, and prints one line per figure:\n"
    "    bench: <name> relations=<x> sqlite=<y> ratio=<y/x>\n"
    "where a ratio above 1 means librelations is faster or smaller.\n"
    "\n"
    "options:\n"
    "  --scale S         size of the workload; 1 (the default) is 100,000 entities,\n"
    "                    1,000,000 events and 1,000,000 claims\n"
    "  --seed N          seed of the generator and of the query parameters (default 1)\n"
    "  --queries N       parameter sets per query (default 10000)\n"
    "  --busiest-runs N  runs of the busiest actor's query (default: as --queries)\n"
    "  --dir DIR         write the JSON, snapshot and SQLite files into DIR and keep them\n"
    "                    (default: a temporary folder, removed at the end)\n"
    "  -h, --help        print this help\n";

/* Opening the snapshot is timed this many times (the median is reported). */
#define SNAPSHOT_OPENS 5

typedef struct options {
    double scale;
    unsigned long long seed;
    size_t queries;
    size_t busiest_runs; /* 0: as queries */
    const char *dir;
} options;

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "relations-bench: %s%s%s\ntry 'relations-bench --help'\n", msg, arg ? ": " : "",
            arg ? arg : "");
    return 2;
}

static int parse_number(const char *s, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= 0))
        return -1;
    *out = v;
    return 0;
}

/* Returns -1 on success, else the exit status. */
static int parse_options(int argc, char **argv, options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = NULL, *eq = strchr(arg, '=');
        char name[32];
        size_t nl = eq ? (size_t)(eq - arg) : strlen(arg);
        double v = 0;

        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        }
        if (nl >= sizeof name)
            return usage_error("unknown option", arg);
        memcpy(name, arg, nl);
        name[nl] = '\0';
        if (strcmp(name, "--scale") && strcmp(name, "--seed") && strcmp(name, "--queries") &&
            strcmp(name, "--busiest-runs") && strcmp(name, "--dir"))
            return usage_error("unknown option", arg);
        if (eq)
            val = eq + 1;
        else if (i + 1 < argc)
            val = argv[++i];
        else
            return usage_error("missing value", arg);
        if (strcmp(name, "--dir") == 0) {
            o->dir = val;
            continue;
        }
        if (parse_number(val, &v) != 0)
            return usage_error("not a number", val);
        if (strcmp(name, "--scale") == 0) {
            if (v <= 0 || v > GEN_MAX_SCALE)
                return usage_error("the scale must be above 0 and at most 10", val);
            o->scale = v;
        } else if (v != (double)(unsigned long long)v || v > 1e15) {
            return usage_error("not a whole number", val);
        } else if (strcmp(name, "--seed") == 0) {
            o->seed = (unsigned long long)v;
        } else if (strcmp(name, "--queries") == 0) {
            if (v < 1)
                return usage_error("at least one query", val);
            o->queries = (size_t)v;
        } else {
            o->busiest_runs = (size_t)v;
        }
    }
    return -1;
}

/* ---- building and saving, in a child process ----------------------------- */

typedef struct build_job {
    const gen_data *g;
    const char *json_path, *snapshot_path;
} build_job;

enum { B_BUILD, B_INDEXES, B_SAVE_JSON, B_SAVE_SNAPSHOT, B_RESIDENT, B_PEAK };

static int build_and_save(void *arg, double *out)
{
    const build_job *j = arg;
    rel_kb *kb = NULL;
    rel_error err;
    rel_status st;
    int peak_reset = mem_reset_peak() == 0;
    size_t base = mem_rss();
    double t0 = bench_now(), t1, t2, t3, t4;

    if (load_relations(j->g, &kb) != 0)
        return -1;
    t1 = bench_now();
    out[B_RESIDENT] = (double)mem_rss() - (double)base;
    if ((st = rel_kb_build_indexes(kb, &err)) != REL_OK) {
        fprintf(stderr, "relations-bench: rel_kb_build_indexes: %s (%s)\n", err.message, rel_status_str(st));
        rel_kb_free(kb);
        return -1;
    }
    t2 = bench_now();
    if ((st = rel_kb_save_json(kb, j->json_path, &err)) != REL_OK) {
        fprintf(stderr, "relations-bench: rel_kb_save_json: %s (%s)\n", err.message, rel_status_str(st));
        rel_kb_free(kb);
        return -1;
    }
    t3 = bench_now();
    if ((st = rel_kb_save_snapshot(kb, j->snapshot_path, &err)) != REL_OK) {
        fprintf(stderr, "relations-bench: rel_kb_save_snapshot: %s (%s)\n", err.message, rel_status_str(st));
        rel_kb_free(kb);
        return -1;
    }
    t4 = bench_now();
    out[B_BUILD] = t1 - t0;
    out[B_INDEXES] = t2 - t1;
    out[B_SAVE_JSON] = t3 - t2;
    out[B_SAVE_SNAPSHOT] = t4 - t3;
    out[B_PEAK] = peak_reset ? (double)mem_peak() - (double)base : 0;
    rel_kb_free(kb);
    return 0;
}

/* ---- output -------------------------------------------------------------- */

static void figure(const char *name, const char *suffix, double x, double y, int decimals)
{
    printf("bench: %s%s relations=%.*f sqlite=%.*f ", name, suffix, decimals, x, decimals, y);
    if (x > 0)
        printf("ratio=%.2f\n", y / x);
    else
        printf("ratio=inf\n");
}

static double mib(double bytes) { return bytes / 1048576.0; }

/* ---- the run ------------------------------------------------------------- */

typedef struct paths {
    char dir[4096], json[4200], snapshot[4200], sqlite[4200];
    int temporary;
} paths;

static int make_paths(paths *p, const char *dir)
{
    memset(p, 0, sizeof *p);
    if (dir) {
        if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
            perror(dir);
            return -1;
        }
        snprintf(p->dir, sizeof p->dir, "%s", dir);
    } else {
        const char *tmp = getenv("TMPDIR");
        snprintf(p->dir, sizeof p->dir, "%s/relations-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(p->dir)) {
            perror("relations-bench: mkdtemp");
            return -1;
        }
        p->temporary = 1;
    }
    snprintf(p->json, sizeof p->json, "%s/kb.json", p->dir);
    snprintf(p->snapshot, sizeof p->snapshot, "%s/kb.snapshot", p->dir);
    snprintf(p->sqlite, sizeof p->sqlite, "%s/kb.sqlite", p->dir);
    return 0;
}

static void remove_paths(const paths *p)
{
    if (!p->temporary)
        return;
    remove(p->json);
    remove(p->snapshot);
    remove(p->sqlite);
    rmdir(p->dir);
}

static int time_snapshot_opens(const char *path, double *median)
{
    double t[SNAPSHOT_OPENS];

    for (int i = 0; i < SNAPSHOT_OPENS; i++) {
        rel_kb *kb = NULL;
        rel_error err;
        double t0 = bench_now();
        rel_status st = rel_kb_open_snapshot(&kb, path, NULL, &err);
        t[i] = bench_now() - t0;
        if (st != REL_OK) {
            fprintf(stderr, "relations-bench: rel_kb_open_snapshot: %s (%s)\n", err.message, rel_status_str(st));
            return -1;
        }
        rel_kb_free(kb);
    }
    *median = bench_stats_of(t, SNAPSHOT_OPENS).median;
    return 0;
}

int main(int argc, char **argv)
{
    options o = {1.0, 1, 10000, 0, NULL};
    paths p;
    gen_data g;
    query_params qp;
    query_result rel[Q_COUNT] = {{0}}, sql[Q_COUNT] = {{0}};
    build_job job;
    import_figures imp_rel, imp_jansson;
    double built[CHILD_MAX_FIGURES], t0, open_s, sqlite_load_s, sqlite_index_s = 0;
    size_t json_size, snapshot_size, sqlite_size, rss_before, rss_open, rss_after;
    rel_kb *kb = NULL;
    sqlite3 *db = NULL;
    rel_error err;
    rel_status st;
    int rc = parse_options(argc, argv, &o), status = 1;

    if (rc >= 0)
        return rc;
    if (!o.busiest_runs)
        o.busiest_runs = o.queries;
    if (make_paths(&p, o.dir) != 0)
        return 1;

    t0 = bench_now();
    if (gen_make(&g, o.scale, (uint64_t)o.seed) != 0) {
        fprintf(stderr, "relations-bench: cannot generate the workload (out of memory?)\n");
        remove_paths(&p);
        return 1;
    }
    fprintf(stderr, "relations-bench: generated %zu entities (%zu aliases), %zu events, %zu claims in %.2f s\n",
            g.entity_count, g.alias_count, g.event_count, g.claim_count, bench_now() - t0);
    if (params_make(&qp, &g, o.queries, o.busiest_runs, (uint64_t)o.seed) != 0 || results_alloc(rel, &qp) != 0 ||
        results_alloc(sql, &qp) != 0) {
        fprintf(stderr, "relations-bench: out of memory\n");
        goto out;
    }
    printf("# relations-bench scale=%g seed=%llu entities=%zu aliases=%zu events=%zu claims=%zu sources=%zu "
           "queries=%zu busiest_runs=%zu busiest=e%u (%zu events)\n",
           o.scale, o.seed, g.entity_count, g.alias_count, g.event_count, g.claim_count, g.source_count, o.queries,
           o.busiest_runs, (unsigned)qp.busiest, qp.busiest_events);
    fflush(stdout);

    /* librelations: build, index, save as JSON and as a snapshot (in a child, to keep this heap small). */
    job.g = &g;
    job.json_path = p.json;
    job.snapshot_path = p.snapshot;
    if (run_in_child(build_and_save, &job, built) != 0)
        goto out;
    json_size = file_size(p.json);
    snapshot_size = file_size(p.snapshot);
    fprintf(stderr,
            "relations-bench: librelations: built in %.2f s (%.1f MiB resident, peak %.1f MiB), indexes %.2f s, "
            "JSON saved in %.2f s (%.1f MiB), snapshot saved in %.2f s (%.1f MiB)\n",
            built[B_BUILD], mib(built[B_RESIDENT]), mib(built[B_PEAK]), built[B_INDEXES], built[B_SAVE_JSON],
            mib((double)json_size), built[B_SAVE_SNAPSHOT], mib((double)snapshot_size));

    /* JSON import against a jansson DOM parse of the same file. */
    {
        int repeats = json_size > (64u << 20) ? 1 : 3;
        if (load_json(JSON_RELATIONS, p.json, repeats, &imp_rel) != 0 ||
            load_json(JSON_JANSSON, p.json, repeats, &imp_jansson) != 0)
            goto out;
        fprintf(stderr,
                "relations-bench: import_json: librelations %.3f s (%.0f MB/s), peak %.1f MiB, kb %.1f MiB "
                "resident (peak/kb %.2f); jansson %.3f s (%.0f MB/s), peak %.1f MiB (%.1fx the file)\n",
                imp_rel.seconds, (double)json_size / imp_rel.seconds / 1e6, mib(imp_rel.peak), mib(imp_rel.resident),
                imp_rel.resident > 0 ? imp_rel.peak / imp_rel.resident : 0.0, imp_jansson.seconds,
                (double)json_size / imp_jansson.seconds / 1e6, mib(imp_jansson.peak),
                imp_jansson.peak / (double)json_size);
    }

    /* The snapshot: opened, queried, and the memory that leaves resident; then the time to open it. */
    rss_before = mem_rss();
    if ((st = rel_kb_open_snapshot(&kb, p.snapshot, NULL, &err)) != REL_OK) {
        fprintf(stderr, "relations-bench: rel_kb_open_snapshot: %s (%s)\n", err.message, rel_status_str(st));
        goto out;
    }
    rss_open = mem_rss();
    t0 = bench_now();
    if (queries_relations(&qp, kb, rel) != 0)
        goto out;
    rss_after = mem_rss();
    fprintf(stderr,
            "relations-bench: librelations: queries in %.2f s; resident %.1f MiB after opening the snapshot, "
            "%.1f MiB after the queries (snapshot file %.1f MiB)\n",
            bench_now() - t0, mib((double)rss_open - (double)rss_before), mib((double)rss_after - (double)rss_before),
            mib((double)snapshot_size));
    rel_kb_free(kb);
    kb = NULL;
    if (time_snapshot_opens(p.snapshot, &open_s) != 0)
        goto out;
    fprintf(stderr, "relations-bench: librelations: snapshot opened in %.6f s (median of %d)\n", open_s,
            SNAPSHOT_OPENS);

    /* SQLite: the same data, loaded and indexed, then the same queries. */
    t0 = bench_now();
    if (load_sqlite(&g, p.sqlite, &db, &sqlite_index_s) != 0)
        goto out;
    sqlite_load_s = bench_now() - t0;
    sqlite_size = file_size(p.sqlite);
    t0 = bench_now();
    if (queries_sqlite(&qp, db, sql) != 0)
        goto out;
    fprintf(stderr,
            "relations-bench: sqlite %s: insert and index in %.2f s (indexes %.2f s), database %.1f MiB; "
            "queries in %.2f s\n",
            sqlite3_libversion(), sqlite_load_s, sqlite_index_s, mib((double)sqlite_size), bench_now() - t0);

    if (results_check(&qp, rel, sql) != 0)
        goto out;

    for (int f = 0; f < Q_COUNT; f++) {
        bench_stats r = bench_stats_of(rel[f].us, rel[f].n), s = bench_stats_of(sql[f].us, sql[f].n);
        figure(query_names[f], "", r.median, s.median, 3);
        figure(query_names[f], "_p99", r.p99, s.p99, 3);
    }
    figure("open_snapshot", "", open_s, sqlite_load_s, 6);
    figure("import_json", "", imp_rel.seconds, imp_jansson.seconds, 3);
    figure("memory", "", (double)rss_after - (double)rss_before, (double)sqlite_size, 0);
    status = 0;
out:
    rel_kb_free(kb);
    sqlite3_close(db);
    results_free(rel);
    results_free(sql);
    params_free(&qp);
    gen_free(&g);
    remove_paths(&p);
    return status;
}
