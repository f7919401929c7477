/* SPDX-License-Identifier: MIT */
/*
 * Opening a snapshot: map the file, check the header field by field (each
 * failure says what is wrong: not a snapshot, another version, another
 * machine, cut short, damaged), check the checksum and the structure, and
 * hand the bytes to a read-only knowledge base. Nothing is copied or
 * parsed, so opening costs one pass of the checksum over the file and one
 * of the checks over its fixed-size records.
 */
#define _DEFAULT_SOURCE /* MAP_POPULATE; the rest is POSIX */

#include "snapshot_impl.h"

#include <relations/json.h>

#include "alloc.h"
#include "error.h"
#include "index.h"
#include "kb_impl.h"
#include "time_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

static rel_status check_preamble(const snap_preamble *p, size_t len, rel_error *err)
{
    if (p->format != REL_SNAPSHOT_FORMAT)
        return rel__error_set(err, REL_ERR_FORMAT, "snapshot format %u, this library reads %d", (unsigned)p->format,
                              REL_SNAPSHOT_FORMAT);
    if (p->byte_order != SNAP_BYTE_ORDER)
        return rel__error_set(err, REL_ERR_FORMAT, "snapshot written on a machine of another byte order");
    if (p->pointer_size != sizeof(void *) || p->time_size != sizeof(rel_time) ||
        p->time_bounds_at != offsetof(rel_time, bounds))
        return rel__error_set(err, REL_ERR_FORMAT,
                              "snapshot written by a different build or architecture (%u-byte pointers, %u-byte "
                              "times; here %u and %u)",
                              (unsigned)p->pointer_size, (unsigned)p->time_size, (unsigned)sizeof(void *),
                              (unsigned)sizeof(rel_time));
    if (p->section_count != SNAP_SECTION_COUNT)
        return rel__error_set(err, REL_ERR_FORMAT, "corrupted snapshot: %u sections, this format has %d",
                              (unsigned)p->section_count, SNAP_SECTION_COUNT);
    if (p->file_length > len)
        return rel__error_set(err, REL_ERR_FORMAT, "truncated: %zu bytes, header says %llu", len,
                              (unsigned long long)p->file_length);
    if (p->file_length < len)
        return rel__error_set(err, REL_ERR_FORMAT, "%zu bytes, header says %llu: something was appended", len,
                              (unsigned long long)p->file_length);
    if (len < sizeof(snap_header))
        return rel__error_set(err, REL_ERR_FORMAT, "corrupted snapshot: %zu bytes cannot hold its table of contents",
                              len);
    return REL_OK;
}

/* The header's checks, in the order that gives the most useful message. */
static rel_status check_header(const char *base, size_t len, uint32_t flags, rel_error *err)
{
    const snap_preamble *p = (const snap_preamble *)(const void *)base;
    uint64_t sum;
    rel_status st;

    if (len < sizeof(snap_preamble))
        return rel__error_set(err, REL_ERR_FORMAT, "%zu bytes: too short for a snapshot header", len);
    if (memcmp(p->magic, SNAP_MAGIC, sizeof(p->magic)) != 0)
        return rel__error_set(err, REL_ERR_FORMAT, "not a librelations snapshot");
    if ((st = check_preamble(p, len, err)) != REL_OK)
        return st;
    if (flags & REL_SNAPSHOT__SKIP_CHECKSUM)
        return REL_OK;
    sum = XXH3_64bits(base + sizeof(snap_preamble), len - sizeof(snap_preamble));
    if (sum != p->checksum)
        return rel__error_set(err, REL_ERR_FORMAT, "checksum mismatch: file is corrupted");
    return REL_OK;
}

/* The query indexes, used where they lie: their block checks itself against the object counts. */
static rel_status attach_index(rel_kb *kb, const char *base, rel_error *err)
{
    const snap_section *block = rel_snapshot__section(base, SNAP_INDEX);
    rel_index_counts counts;
    rel_index *ix;
    rel_status st;

    counts.sources = rel_snapshot__section(base, SNAP_SOURCES)->count;
    counts.entities = rel_snapshot__section(base, SNAP_ENTITIES)->count;
    counts.events = rel_snapshot__section(base, SNAP_EVENTS)->count;
    counts.claims = rel_snapshot__section(base, SNAP_CLAIMS)->count;
    /* A bad block is REL_ERR_FORMAT, "corrupted index: ...". */
    if ((st = rel_index__attach(&ix, &kb->alloc, base + block->offset, (size_t)block->length, &counts, err)) != REL_OK)
        return st;
    atomic_store_explicit(&kb->index, ix, memory_order_release);
    return REL_OK;
}

rel_status rel_snapshot__open_mem(rel_kb **out, const void *data, size_t len, const rel_kb_options *opts,
                                  uint32_t flags, rel_error *err)
{
    const char *base = data;
    rel_snapshot *snap;
    rel_kb *kb;
    rel_status st;

    rel__error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !data || (uintptr_t)data % 8 != 0)
        return rel__error_set(err, REL_ERR_ARG, "NULL or misaligned argument");
    if ((st = rel_kb_new(&kb, opts)) != REL_OK)
        return rel__error_set(err, st, st == REL_ERR_NOMEM ? "out of memory" : "invalid options");
    if ((st = check_header(base, len, flags, err)) != REL_OK ||
        (st = rel_snapshot__check(base, len, &kb->alloc, err)) != REL_OK || (st = attach_index(kb, base, err)) != REL_OK) {
        rel_kb_free(kb);
        return st;
    }
    if (!(snap = rel__calloc(&kb->alloc, 1, sizeof(*snap)))) {
        rel_kb_free(kb);
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    }
    snap->base = base;
    snap->len = len;
    kb->snapshot = snap;
    *out = kb;
    return REL_OK;
}

void rel_snapshot__free(const rel_allocator *a, rel_snapshot *s)
{
    if (!s)
        return;
    if (s->mapping)
        munmap(s->mapping, s->mapping_len);
    rel__free(a, s);
}

static rel_status io_error(rel_error *err, const char *what, const char *path)
{
    rel__error_set(err, REL_ERR_IO, "cannot %s \"%s\": %s", what, path, strerror(errno));
    rel__error_file(err, path);
    return REL_ERR_IO;
}

rel_status rel_kb_open_snapshot(rel_kb **out, const char *path, const rel_kb_options *opts, rel_error *err)
{
    struct stat info;
    void *map;
    size_t len;
    rel_status st;
    int fd, flags = MAP_PRIVATE;

    rel__error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !path)
        return rel__error_set(err, REL_ERR_ARG, "NULL argument");
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return io_error(err, "open", path);
    if (fstat(fd, &info) != 0) {
        st = io_error(err, "read", path);
        close(fd);
        return st;
    }
    if (!S_ISREG(info.st_mode) || (uint64_t)info.st_size > SIZE_MAX) {
        close(fd);
        errno = S_ISDIR(info.st_mode) ? EISDIR : EFBIG;
        return io_error(err, "map", path);
    }
    len = (size_t)info.st_size;
    if (len < sizeof(snap_preamble)) {
        close(fd);
        rel__error_set(err, REL_ERR_FORMAT, "%zu bytes: too short for a snapshot header", len);
        rel__error_file(err, path);
        return REL_ERR_FORMAT;
    }
#ifdef MAP_POPULATE
    /* The checksum reads every page anyway: fault them in with one call. */
    flags |= MAP_POPULATE;
#endif
    map = mmap(NULL, len, PROT_READ, flags, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return io_error(err, "map", path);
    if ((st = rel_snapshot__open_mem(out, map, len, opts, 0, err)) != REL_OK) {
        munmap(map, len);
        rel__error_file(err, path);
        return st;
    }
    (*out)->snapshot->mapping = map;
    (*out)->snapshot->mapping_len = len;
    return REL_OK;
}

rel_status rel_kb_open_file(rel_kb **out, const char *path, const rel_kb_options *opts, rel_error *err)
{
    char magic[sizeof(SNAP_MAGIC)];
    ssize_t n = 0;
    int fd;

    if (path && (fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
        n = read(fd, magic, sizeof(magic));
        close(fd);
    }
    /* Anything that is not a snapshot, unreadable files included, goes to the JSON reader and its messages. */
    if (n == (ssize_t)sizeof(magic) && memcmp(magic, SNAP_MAGIC, sizeof(magic)) == 0)
        return rel_kb_open_snapshot(out, path, opts, err);
    return rel_kb_open_json_file(out, path, opts, err);
}

int32_t rel_kb_is_read_only(const rel_kb *kb)
{
    return kb && kb->snapshot;
}
