/* SPDX-License-Identifier: MIT */
/*
 * Build step: loads an annotation file (quotes and source paths resolved by
 * the library's own importer), exports it in full and writes the export as
 * a C byte array for lib/builtin.c. Any quote that is missing or ambiguous
 * stops the build here, with the file, line and column that name it.
 *
 * Usage: embed_kb ANNOTATION.json OUTPUT.c
 */
#include <relations.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buffer {
    char *data;
    size_t len;
    size_t cap;
} buffer;

static int32_t append(const char *data, size_t len, void *payload)
{
    buffer *b = payload;

    if (b->len + len > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 65536) + len;
        char *p = realloc(b->data, cap);
        if (!p)
            return 1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

int main(int argc, char **argv)
{
    buffer json = {NULL, 0, 0};
    rel_error err;
    rel_kb *kb;
    FILE *out;
    size_t i;

    if (argc != 3) {
        fprintf(stderr, "usage: %s ANNOTATION.json OUTPUT.c\n", argv[0]);
        return 2;
    }
    if (rel_kb_open_json_file(&kb, argv[1], NULL, &err) != REL_OK) {
        fprintf(stderr, "%s:%u:%u: error: %s (%s)\n", err.file, (unsigned)err.line, (unsigned)err.column,
                err.message, rel_status_str(err.status));
        return 1;
    }
    if (rel_kb_write_json(kb, append, &json, &err) != REL_OK) {
        fprintf(stderr, "%s: error: %s\n", argv[1], err.message);
        rel_kb_free(kb);
        return 1;
    }
    rel_kb_free(kb);
    if (!(out = fopen(argv[2], "w"))) {
        perror(argv[2]);
        free(json.data);
        return 1;
    }
    fprintf(out, "/* Generated from %s by embed_kb: do not edit. */\n#include <stddef.h>\n\n", argv[1]);
    fprintf(out, "const size_t rel__builtin_json_len = %zu;\n", json.len);
    fprintf(out, "const unsigned char rel__builtin_json[] = {\n");
    for (i = 0; i < json.len; i++)
        fprintf(out, "%u,%s", (unsigned char)json.data[i], i % 24 == 23 ? "\n" : "");
    fprintf(out, "0};\n");
    free(json.data);
    if (fclose(out) != 0) {
        perror(argv[2]);
        return 1;
    }
    return 0;
}
