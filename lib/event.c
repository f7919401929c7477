/* SPDX-License-Identifier: MIT */
/* Read access to events, in memory or in a snapshot (snapshot_read.c). */
#include <relations/event.h>

#include "kb_impl.h"
#include "snapshot_read.h"
#include "strview.h"

const char *rel_event_id(const rel_event *event, size_t *len)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_id(event, len);
    return rel__str_out(event ? &event->id : NULL, len);
}

const char *rel_event_type(const rel_event *event, size_t *len)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_type(event, len);
    return rel__str_out(event ? &event->type : NULL, len);
}

size_t rel_event_participant_count(const rel_event *event)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_participant_count(event);
    return event ? event->participant_count : 0;
}

const rel_entity *rel_event_participant_entity(const rel_event *event, size_t i)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_participant_entity(event, i);
    return event && i < event->participant_count ? event->participants[i].entity : NULL;
}

int32_t rel_event_participant_role(const rel_event *event, size_t i)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_participant_role(event, i);
    return event && i < event->participant_count ? event->participants[i].role : -1;
}

const rel_time *rel_event_time(const rel_event *event)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_time(event);
    return event ? event->time : NULL;
}

const char *rel_event_time_text(const rel_event *event, size_t *len)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_time_text(event, len);
    return rel__str_out(event && event->time ? &event->time_text : NULL, len);
}

size_t rel_event_evidence_count(const rel_event *event)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_evidence_count(event);
    return event ? event->evidence.count : 0;
}

const rel_evidence *rel_event_evidence_at(const rel_event *event, size_t i)
{
    if (event && rel__mapped(event))
        return rel_snapshot__event_evidence_at(event, i);
    return event && i < event->evidence.count ? event->evidence.items[i] : NULL;
}

size_t rel_event__index(const rel_event *event)
{
    return rel__mapped(event) ? rel_snapshot__event_index(event) : event->index;
}
