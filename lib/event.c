/* SPDX-License-Identifier: MIT */
/* Read access to events. */
#include <relations/event.h>

#include "kb_impl.h"
#include "strview.h"

const char *rel_event_id(const rel_event *event, size_t *len)
{
    return rel__str_out(event ? &event->id : NULL, len);
}

const char *rel_event_type(const rel_event *event, size_t *len)
{
    return rel__str_out(event ? &event->type : NULL, len);
}

size_t rel_event_participant_count(const rel_event *event)
{
    return event ? event->participant_count : 0;
}

const rel_entity *rel_event_participant_entity(const rel_event *event, size_t i)
{
    return event && i < event->participant_count ? event->participants[i].entity : NULL;
}

int32_t rel_event_participant_role(const rel_event *event, size_t i)
{
    return event && i < event->participant_count ? event->participants[i].role : -1;
}

const rel_time *rel_event_time(const rel_event *event)
{
    return event ? event->time : NULL;
}

const char *rel_event_time_text(const rel_event *event, size_t *len)
{
    return rel__str_out(event && event->time ? &event->time_text : NULL, len);
}

size_t rel_event_evidence_count(const rel_event *event)
{
    return event ? event->evidence.count : 0;
}

const rel_evidence *rel_event_evidence_at(const rel_event *event, size_t i)
{
    return event && i < event->evidence.count ? event->evidence.items[i] : NULL;
}

size_t rel_event__index(const rel_event *event)
{
    return event->index;
}
