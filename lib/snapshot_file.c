/* SPDX-License-Identifier: MIT */
/*
 * Writing a snapshot's sections to disk so that a failure leaves nothing
 * behind: the header and the sections go to a new file beside the target,
 * the checksum is taken over what the file then holds and put into its
 * header, the file is synced and renamed over the target. On any failure
 * the new file is removed and the target is left as it was.
 */
#define _DEFAULT_SOURCE /* fsync, pwrite, and the rest of POSIX */

#include "snapshot_impl.h"

#include "alloc.h"
#include "error.h"
#include "time_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xxhash.h>

/* Fills the header and lays the sections out after it; returns the file's length. */
static uint64_t lay_out(const rel_snapshot_section_data *sections, snap_header *h)
{
    uint64_t at = sizeof(snap_header);
    int s;

    memset(h, 0, sizeof(*h));
    memcpy(h->pre.magic, SNAP_MAGIC, sizeof(h->pre.magic));
    h->pre.format = REL_SNAPSHOT_FORMAT;
    h->pre.byte_order = SNAP_BYTE_ORDER;
    h->pre.pointer_size = sizeof(void *);
    h->pre.time_size = sizeof(rel_time);
    h->pre.time_bounds_at = offsetof(rel_time, bounds);
    h->pre.section_count = SNAP_SECTION_COUNT;
    for (s = 0; s < SNAP_SECTION_COUNT; s++) {
        size_t size = rel_snapshot__record_size(s);
        at += 8; /* the section's own offset */
        h->sections[s].offset = at;
        h->sections[s].length = sections[s].len;
        h->sections[s].count = size > 1 ? sections[s].len / size : 0;
        at = (at + sections[s].len + 7) / 8 * 8;
    }
    h->pre.file_length = at;
    return at;
}

static int write_all(int fd, const void *p, size_t len)
{
    const char *c = p;

    while (len) {
        ssize_t n = write(fd, c, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return 0;
        }
        c += n;
        len -= (size_t)n;
    }
    return 1;
}

/* Writes the header and sections, then checksums what the file holds and puts the sum in the header. */
static int write_sections(int fd, const rel_snapshot_section_data *sections)
{
    static const char zeros[8];
    snap_header h;
    uint64_t length = lay_out(sections, &h);
    void *map;
    int s;

    if (!write_all(fd, &h, sizeof(h)))
        return 0;
    for (s = 0; s < SNAP_SECTION_COUNT; s++) {
        uint64_t own = h.sections[s].offset;
        size_t len = sections[s].len, pad = (8 - len % 8) % 8;
        if (!write_all(fd, &own, sizeof(own)) || !write_all(fd, sections[s].data, len) ||
            !write_all(fd, zeros, pad))
            return 0;
    }
    if ((uint64_t)(size_t)length != length)
        return errno = EFBIG, 0;
    map = mmap(NULL, (size_t)length, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED)
        return 0;
    h.pre.checksum = XXH3_64bits((const char *)map + sizeof(snap_preamble), (size_t)length - sizeof(snap_preamble));
    munmap(map, (size_t)length);
    return pwrite(fd, &h.pre, sizeof(h.pre), 0) == (ssize_t)sizeof(h.pre) && fsync(fd) == 0;
}

/* A name beside the target that no one else uses: the target's, a dot, the process and a counter. */
static int create_temp(const rel_allocator *a, const char *path, char **tmp)
{
    size_t len = strlen(path) + 64;
    unsigned attempt;
    int fd;

    if (!(*tmp = rel__malloc(a, len)))
        return -1;
    for (attempt = 0; attempt < 100; attempt++) {
        snprintf(*tmp, len, "%s.%ld.%u.tmp", path, (long)getpid(), attempt);
        /* Readable too: the checksum is taken through a mapping of what was written. */
        fd = open(*tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

rel_status rel_snapshot__write_file(const char *path, const rel_snapshot_section_data *sections,
                                   const rel_allocator *a, rel_error *err)
{
    char *tmp = NULL;
    int fd, ok;

    fd = create_temp(a, path, &tmp);
    if (!tmp)
        return rel__error_set(err, REL_ERR_NOMEM, "out of memory");
    if (fd < 0) {
        rel__error_set(err, REL_ERR_IO, "cannot create a file beside \"%s\": %s", path, strerror(errno));
        rel__free(a, tmp);
        return REL_ERR_IO;
    }
    ok = write_sections(fd, sections);
    if (!ok)
        rel__error_set(err, REL_ERR_IO, "cannot write \"%s\": %s", tmp, strerror(errno));
    if (close(fd) != 0 && ok) {
        ok = 0;
        rel__error_set(err, REL_ERR_IO, "cannot write \"%s\": %s", tmp, strerror(errno));
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        rel__error_set(err, REL_ERR_IO, "cannot rename \"%s\" to \"%s\": %s", tmp, path, strerror(errno));
    }
    if (!ok)
        unlink(tmp);
    rel__free(a, tmp);
    return ok ? REL_OK : REL_ERR_IO;
}
