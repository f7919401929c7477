/* SPDX-License-Identifier: MIT */
/* Resident memory of this process, read from /proc (Linux). */
#ifndef BENCH_MEMORY_H
#define BENCH_MEMORY_H

#include <stddef.h>

/** Resident bytes now (/proc/self/statm); 0 if unknown. */
size_t mem_rss(void);

/** The peak resident bytes since the start or the last mem_reset_peak() (VmHWM); 0 if unknown. */
size_t mem_peak(void);

/** Resets the peak to the current resident size (/proc/self/clear_refs); 0 on success. */
int mem_reset_peak(void);

/** The size of a file in bytes; 0 if it cannot be read. */
size_t file_size(const char *path);

#endif /* BENCH_MEMORY_H */
