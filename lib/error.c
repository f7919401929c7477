/* SPDX-License-Identifier: MIT */
/*
 * Status strings and the error record. Messages are formatted into the
 * fixed buffer of rel_error, so reporting an error never allocates and so
 * never fails on its own.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *rel_status_str(rel_status status)
{
    switch (status) {
    case REL_OK: return "success";
    case REL_DONE: return "iteration over";
    case REL_ERR_ARG: return "invalid argument";
    case REL_ERR_NOMEM: return "out of memory";
    case REL_ERR_NOT_FOUND: return "not found";
    case REL_ERR_IO: return "input/output error";
    case REL_ERR_SYNTAX: return "syntax error";
    case REL_ERR_UTF8: return "invalid UTF-8";
    case REL_ERR_RANGE: return "out of range";
    case REL_ERR_DUPLICATE: return "duplicate id";
    case REL_ERR_REFERENCE: return "dangling reference";
    case REL_ERR_SCHEMA: return "schema violation";
    case REL_ERR_AMBIGUOUS: return "ambiguous";
    case REL_ERR_MISMATCH: return "text mismatch";
    case REL_ERR_LIMIT: return "limit exceeded";
    case REL_ERR_FORMAT: return "bad file format";
    case REL_ERR_READ_ONLY: return "read-only knowledge base";
    case REL_ERR_CANCELLED: return "cancelled";
    default: return "unknown status";
    }
}

/* Clears what a reader looks at, not the whole 800-byte record: queries clear it on every call. */
void rel__error_clear(rel_error *err)
{
    if (err) {
        err->status = REL_OK;
        err->line = err->column = 0;
        err->offset = 0;
        err->file[0] = '\0';
        err->message[0] = '\0';
    }
}

static void error_vset(rel_error *err, rel_status status, const char *fmt, va_list ap)
{
    rel__error_clear(err);
    err->status = status;
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
}

rel_status rel__error_set(rel_error *err, rel_status status, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return status;
    va_start(ap, fmt);
    error_vset(err, status, fmt, ap);
    va_end(ap);
    return status;
}

rel_status rel__error_at(rel_error *err, rel_status status, uint64_t offset, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return status;
    va_start(ap, fmt);
    error_vset(err, status, fmt, ap);
    va_end(ap);
    err->offset = offset;
    return status;
}

void rel__error_locate(rel_error *err, const char *text, size_t len)
{
    uint32_t line = 1, column = 1;
    size_t i, end;

    if (!err || !text)
        return;
    end = err->offset < len ? (size_t)err->offset : len;
    for (i = 0; i < end; i++) {
        if (text[i] == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }
    err->line = line;
    err->column = column;
}

void rel__error_file(rel_error *err, const char *path)
{
    if (err && path)
        snprintf(err->file, sizeof(err->file), "%s", path);
}

void rel__error_copy(rel_error *dst, const rel_error *src)
{
    if (dst && src && dst != src)
        memcpy(dst, src, sizeof(*dst));
}
