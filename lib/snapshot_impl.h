/* SPDX-License-Identifier: MIT */
/*
 * A knowledge base opened from a snapshot keeps one of these (rel_kb's
 * `snapshot` member): where the file's bytes are and who releases them.
 * Everything else is read from the bytes themselves (snapshot_format.h).
 */
#ifndef REL_LIB_SNAPSHOT_IMPL_H
#define REL_LIB_SNAPSHOT_IMPL_H

#include <relations/snapshot.h>

#include "snapshot_format.h"

typedef struct rel_snapshot {
    const char *base;    /* the file's first byte: 8-byte aligned, checked */
    size_t len;
    void *mapping;       /* unmapped by rel_kb_free(); NULL if the bytes are borrowed */
    size_t mapping_len;
} rel_snapshot;

/* rel_snapshot__open_mem() flags. */
enum {
    /* Skips the checksum, so that a fuzzer reaches the structural checks
     * behind it; everything else is checked as usual. */
    REL_SNAPSHOT__SKIP_CHECKSUM = 1
};

/*
 * Opens a snapshot held in memory, used where it lies: data must be 8-byte
 * aligned and stay unchanged until rel_kb_free(). rel_kb_open_snapshot()
 * maps the file and comes here.
 */
rel_status rel_snapshot__open_mem(rel_kb **out, const void *data, size_t len, const rel_kb_options *opts,
                                  uint32_t flags, rel_error *err);

/* The structure behind a header that is already checked: sections, records, references. */
rel_status rel_snapshot__check(const char *base, size_t len, const rel_allocator *a, rel_error *err);

/* One section's bytes, for rel_snapshot__write_file(). */
typedef struct rel_snapshot_section_data {
    const void *data;
    size_t len;
} rel_snapshot_section_data;

/*
 * Writes a snapshot of these sections (SNAP_SECTION_COUNT of them, in
 * order) to path: through a new file beside it, renamed over it once
 * complete and synced; nothing is left behind on failure (REL_ERR_IO,
 * REL_ERR_NOMEM).
 */
rel_status rel_snapshot__write_file(const char *path, const rel_snapshot_section_data *sections,
                                    const rel_allocator *a, rel_error *err);

/* Releases what rel_snapshot__open_mem() took (called by rel_kb_free()). */
void rel_snapshot__free(const rel_allocator *a, rel_snapshot *s);

/* The section's data and its count, from a checked file. */
static inline const snap_section *rel_snapshot__section(const char *base, int section)
{
    return &((const snap_header *)(const void *)base)->sections[section];
}

static inline const void *rel_snapshot__data(const char *base, int section)
{
    return base + rel_snapshot__section(base, section)->offset;
}

#endif
