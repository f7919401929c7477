/* SPDX-License-Identifier: MIT */
/*
 * The JSON importer, fed a piece at a time. json_open.c reads the input and
 * hands it over in pieces; json_import.c turns the pieces into records. No
 * piece needs to outlive the call it is passed to.
 */
#ifndef REL_LIB_JSON_IMPORT_H
#define REL_LIB_JSON_IMPORT_H

#include <relations/kb.h>

#include <stddef.h>

typedef struct json_import json_import;

/*
 * Starts an import into kb, allocating from the knowledge base's allocator.
 * base_dir resolves relative source paths (NULL: the working directory);
 * it must outlive the import. Errors go to err, which may be NULL.
 */
rel_status rel_json__import_new(json_import **out, rel_kb *kb, const char *base_dir, rel_error *err);

/*
 * Parses the next piece of the input. Each piece but the last must end
 * between two tokens (after white space, punctuation or a string's closing
 * quote): yajl then never holds a token over to the next piece, and what it
 * reports, errors and their places included, is what it reports for the
 * whole input at once. After an error the import is over: free it. Error
 * offsets count from the start of the whole input.
 */
rel_status rel_json__import_feed(json_import *im, const char *piece, size_t len);

/* Ends the input: checks that the document is complete and adds what was kept back. */
rel_status rel_json__import_finish(json_import *im);

/* Frees the import (not the knowledge base); NULL is allowed. */
void rel_json__import_free(json_import *im);

/*
 * rel_kb_open_json_mem() and rel_kb_open_json_file() with the input read in
 * pieces of `piece` bytes (0: the default, 1 MiB). The tests give small
 * pieces so that every token falls across a boundary somewhere.
 */
rel_status rel_json__open_mem(rel_kb **out, const char *json, size_t len, const rel_kb_options *opts, size_t piece,
                             rel_error *err);
rel_status rel_json__open_file(rel_kb **out, const char *path, const rel_kb_options *opts, size_t piece,
                              rel_error *err);

#endif
