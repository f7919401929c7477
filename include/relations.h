/* SPDX-License-Identifier: MIT */
/**
 * @file relations.h
 * @brief librelations: entities, events and claims tied to the exact words of their sources.
 *
 * Include this header only; it includes the rest. What is not declared in
 * the headers it includes is not part of the API.
 *
 * **Thread safety.** There is no global state and nothing to initialise:
 * any number of threads may call read functions (every function taking a
 * `const rel_kb *` or a borrowed object, rel_query_new() included, on a
 * knowledge base in memory or opened from a snapshot) on one knowledge
 * base at once; the first query builds the indexes under the knowledge
 * base's own lock. A #rel_query is used by one thread at a time. A
 * function that writes to a knowledge base (the @ref rel_builder
 * "builder calls", rel_kb_build_indexes() and rel_kb_free()) needs the
 * caller's lock, excluding every other call on that knowledge base;
 * distinct knowledge bases are independent. The test suite runs every
 * family of read call, and first queries racing to build the indexes,
 * from several threads under ThreadSanitizer. See @ref threads_ownership.
 */
#ifndef RELATIONS_H
#define RELATIONS_H

/**
 * @defgroup rel_api The API, by concept
 *
 * One group per header, in the order a reader meets them: common
 * definitions, status codes and errors, the version, fuzzy time (usable on
 * its own), then the objects of a knowledge base (sources, evidence,
 * entities, events, claims), the knowledge base itself, building one,
 * JSON import and export, the differences between versions, queries and
 * snapshots.
 * @{
 */
/*
 * Each concept group is a subgroup of this one, listed here so that the
 * reference shows them in this order.
 */
/**
 * @addtogroup rel_common
 * @ingroup rel_api
 * @addtogroup rel_status
 * @ingroup rel_api
 * @addtogroup rel_version
 * @ingroup rel_api
 * @addtogroup rel_time
 * @ingroup rel_api
 * @addtogroup rel_source
 * @ingroup rel_api
 * @addtogroup rel_evidence
 * @ingroup rel_api
 * @addtogroup rel_entity
 * @ingroup rel_api
 * @addtogroup rel_event
 * @ingroup rel_api
 * @addtogroup rel_claim
 * @ingroup rel_api
 * @addtogroup rel_kb
 * @ingroup rel_api
 * @addtogroup rel_builder
 * @ingroup rel_api
 * @addtogroup rel_json
 * @ingroup rel_api
 * @addtogroup rel_diff
 * @ingroup rel_api
 */
#include <relations/common.h>   /* export macro, lengths, allocator */
#include <relations/status.h>   /* rel_status, rel_error */
#include <relations/version.h>  /* REL_VERSION_*, rel_version_*() */
#include <relations/time.h>     /* rel_time: fuzzy time */
#include <relations/source.h>   /* rel_source */
#include <relations/evidence.h> /* rel_evidence */
#include <relations/entity.h>   /* rel_entity, names and aliases */
#include <relations/event.h>    /* rel_event */
#include <relations/claim.h>    /* rel_claim, rel_value */
#include <relations/kb.h>       /* rel_kb: open, walk, look up */
#include <relations/builder.h>  /* rel_kb_add_*() */
#include <relations/json.h>     /* JSON import and export */
#include <relations/diff.h>     /* rel_diff: differences between versions */
#include <relations/query.h>    /* rel_query: filtered, indexed lookups */
#include <relations/snapshot.h> /* mapped binary snapshots */
/** @} */

#endif /* RELATIONS_H */
