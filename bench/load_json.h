/* SPDX-License-Identifier: MIT */
/*
 * JSON import, timed: librelations' rel_kb_open_json_file() against a DOM
 * parse of the same file by jansson. Each run happens in a child process,
 * so its peak memory is its own.
 */
#ifndef BENCH_LOAD_JSON_H
#define BENCH_LOAD_JSON_H

/** Who reads the file. */
enum json_reader { JSON_RELATIONS, JSON_JANSSON };

typedef struct import_figures {
    double seconds;  /* the median time of one import */
    double peak;     /* the highest peak resident bytes gained while importing */
    double resident; /* the resident bytes the loaded result holds (median) */
} import_figures;

/** Reads @p path @p repeats times with @p reader; 0 on success (a failure is told on stderr). */
int load_json(enum json_reader reader, const char *path, int repeats, import_figures *out);

#endif /* BENCH_LOAD_JSON_H */
