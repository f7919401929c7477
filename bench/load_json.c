/* SPDX-License-Identifier: MIT */
#include "load_json.h"

#include "child.h"
#include "memory.h"
#include "timing.h"

#include <jansson.h>
#include <relations.h>

#include <stdio.h>
#include <stdlib.h>

typedef struct job {
    enum json_reader reader;
    const char *path;
} job;

/* In the child: figures 0, 1, 2 are the time, the peak and the resident bytes gained. */
static int import_once(void *arg, double *out)
{
    const job *j = arg;
    int peak_reset = mem_reset_peak() == 0;
    size_t base = mem_rss(), after;
    double t0 = bench_now(), t1;

    if (j->reader == JSON_RELATIONS) {
        rel_kb *kb = NULL;
        rel_error err;
        rel_status st = rel_kb_open_json_file(&kb, j->path, NULL, &err);
        t1 = bench_now();
        if (st != REL_OK) {
            fprintf(stderr, "relations-bench: rel_kb_open_json_file: %s (%s)\n", err.message, rel_status_str(st));
            return -1;
        }
        after = mem_rss();
        rel_kb_free(kb);
    } else {
        json_error_t err;
        json_t *root = json_load_file(j->path, 0, &err);
        t1 = bench_now();
        if (!root) {
            fprintf(stderr, "relations-bench: jansson: %s:%d:%d: %s\n", j->path, err.line, err.column, err.text);
            return -1;
        }
        after = mem_rss();
        json_decref(root);
    }
    out[0] = t1 - t0;
    /* Without a reset the peak is the process's (the child's copy of the benchmark included). */
    out[1] = peak_reset ? (double)mem_peak() - (double)base : (double)mem_peak();
    out[2] = (double)after - (double)base;
    return 0;
}

int load_json(enum json_reader reader, const char *path, int repeats, import_figures *out)
{
    job j = {reader, path};
    double *times, *resident, figures[CHILD_MAX_FIGURES];
    int rc = 0;

    if (repeats < 1)
        repeats = 1;
    times = calloc((size_t)repeats, sizeof *times);
    resident = calloc((size_t)repeats, sizeof *resident);
    if (!times || !resident) {
        free(times);
        free(resident);
        return -1;
    }
    out->peak = 0;
    for (int i = 0; i < repeats && rc == 0; i++) {
        if (run_in_child(import_once, &j, figures) != 0) {
            rc = -1;
            break;
        }
        times[i] = figures[0];
        resident[i] = figures[2];
        if (figures[1] > out->peak)
            out->peak = figures[1];
    }
    if (rc == 0) {
        out->seconds = bench_stats_of(times, (size_t)repeats).median;
        out->resident = bench_stats_of(resident, (size_t)repeats).median;
    }
    free(times);
    free(resident);
    return rc;
}
