/* SPDX-License-Identifier: MIT */
/**
 * @file event.h
 * @brief Events: typed happenings with participants and a fuzzy time.
 */
#ifndef RELATIONS_EVENT_H
#define RELATIONS_EVENT_H

#include <relations/common.h>
#include <relations/entity.h>
#include <relations/evidence.h>
#include <relations/time.h>

REL_BEGIN_DECLS

/**
 * @defgroup rel_event Events
 *
 * An event is something that happened: a type from a documented
 * vocabulary (PLOVER's types and modes plus a few additions, see
 * @ref event_types), participants with roles, an optional fuzzy time that
 * keeps the words it came from, and the mentions that report it. One event
 * reported by several versions is one event with evidence in each.
 * Events are owned by their knowledge base: never free one; every pointer
 * a getter returns stays valid until rel_kb_free().
 * @{
 */

/** Something that happened. Borrowed from its #rel_kb. */
typedef struct rel_event rel_event;

/** Roles of an event's participants (values of rel_event_participant_role()). */
enum rel_role_code {
    REL_ROLE_PARTICIPANT = 0, ///< Takes part, in no more specific role.
    REL_ROLE_AGENT = 1,       ///< Does the action (PLOVER's actor).
    REL_ROLE_RECIPIENT = 2,   ///< Receives the action (PLOVER's recipient).
    REL_ROLE_TARGET = 3,      ///< Is acted against.
    REL_ROLE_LOCATION = 4,    ///< Where it happened.
    REL_ROLE_INSTRUMENT = 5,  ///< What it was done with.
    REL_ROLE_THEME = 6,       ///< What was moved, made or talked about.
    REL_ROLE_CONTEXT = 7      ///< The larger event it happened in (a war, an era).
};

/**
 * @brief The event's id.
 * @param[in]  event The event.
 * @param[out] len   Optional: receives the length in bytes.
 * @return The id, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL if
 *         @p event is NULL.
 */
REL_API const char *rel_event_id(const rel_event *event, size_t *len);

/**
 * @brief The event's type, "ROOT" or "ROOT.mode", such as "AID.military".
 * @param[in]  event The event.
 * @param[out] len   Optional: receives the length in bytes.
 * @return The type, NUL-terminated, owned by the knowledge base, valid until rel_kb_free(); NULL if
 *         @p event is NULL.
 */
REL_API const char *rel_event_type(const rel_event *event, size_t *len);

/**
 * @brief How many participants the event has.
 * @param[in] event The event.
 * @return The count; 0 if @p event is NULL.
 */
REL_API size_t rel_event_participant_count(const rel_event *event);

/**
 * @brief One participant.
 * @param[in] event The event.
 * @param[in] i     0 to rel_event_participant_count() - 1.
 * @return The entity, owned by the knowledge base, valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_entity *rel_event_participant_entity(const rel_event *event, size_t i);

/**
 * @brief The role of one participant.
 * @param[in] event The event.
 * @param[in] i     0 to rel_event_participant_count() - 1.
 * @return A #rel_role_code; -1 if out of range.
 */
REL_API int32_t rel_event_participant_role(const rel_event *event, size_t i);

/**
 * @brief The event's time.
 * @param[in] event The event.
 * @return The time, owned by the knowledge base and valid until rel_kb_free()
 *         or until rel_kb_set_event_time() replaces it (copy it with
 *         rel_time_copy() to keep it longer); NULL if the sources give no time.
 */
REL_API const rel_time *rel_event_time(const rel_event *event);

/**
 * @brief The words the event's time was read from, such as "early October 1980".
 * @param[in]  event The event.
 * @param[out] len   Optional: receives the length in bytes.
 * @return The words, NUL-terminated, owned by the knowledge base and valid
 *         until rel_kb_free() or until rel_kb_set_event_time() replaces them;
 *         NULL if there is no time or it was given without words.
 */
REL_API const char *rel_event_time_text(const rel_event *event, size_t *len);

/**
 * @brief How many mentions report the event.
 * @param[in] event The event.
 * @return The count; 0 if @p event is NULL.
 */
REL_API size_t rel_event_evidence_count(const rel_event *event);

/**
 * @brief One mention of the event.
 * @param[in] event The event.
 * @param[in] i     0 to rel_event_evidence_count() - 1.
 * @return The evidence, owned by the knowledge base, valid until rel_kb_free(); NULL if out of range.
 */
REL_API const rel_evidence *rel_event_evidence_at(const rel_event *event, size_t i);

/**
 * @brief The JSON name of a role ("agent", "recipient", ...).
 * @param[in] role A #rel_role_code.
 * @return A static string; NULL for an unknown value.
 */
REL_API const char *rel_role_name(int32_t role);

/**
 * @brief The role with a given JSON name.
 * @param[in]  name The name.
 * @param[in]  len  Its length in bytes, or #REL_NTS.
 * @param[out] out  Receives the #rel_role_code.
 * @return #REL_OK; #REL_ERR_ARG if a pointer is NULL; #REL_ERR_NOT_FOUND for an unknown name.
 */
REL_API rel_status rel_role_from_name(const char *name, size_t len, int32_t *out);

/** @} */

REL_END_DECLS

#endif /* RELATIONS_EVENT_H */
