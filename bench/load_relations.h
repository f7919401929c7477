/* SPDX-License-Identifier: MIT */
/* librelations' side of loading: building the knowledge base with the builder calls. */
#ifndef BENCH_LOAD_RELATIONS_H
#define BENCH_LOAD_RELATIONS_H

#include "generate.h"

#include <relations.h>

/** Builds a knowledge base holding the generated data; 0 on success (a failure is told on stderr). */
int load_relations(const gen_data *g, rel_kb **out);

#endif /* BENCH_LOAD_RELATIONS_H */
