// SPDX-License-Identifier: MIT
//! Events: typed happenings with participants and a fuzzy time.

use std::fmt;

use relations_sys as sys;

use crate::entity::{Entity, EvidenceIter};
use crate::enums::Role;
use crate::iter::{view, IndexIter};
use crate::source::Evidence;
use crate::time::TimeRef;
use crate::util::get_str;

view! {
    /// Something that happened, with participants, an optional fuzzy time
    /// and the mentions that report it. Borrowed from its
    /// [`KnowledgeBase`](crate::KnowledgeBase).
    Event, sys::rel_event
}

/// One participant of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Participant<'kb> {
    /// Who or what takes part.
    pub entity: Entity<'kb>,
    /// In which role.
    pub role: Role,
}

/// The participants of an event.
pub type Participants<'kb> = IndexIter<Event<'kb>, Participant<'kb>>;

impl<'kb> Event<'kb> {
    /// The id.
    pub fn id(&self) -> &'kb str {
        // SAFETY: a live event; strings live until rel_kb_free().
        unsafe { get_str(sys::rel_event_id, self.as_ptr(), "event id") }.unwrap_or("")
    }

    /// The type, "ROOT" or "ROOT.mode", such as "AID.military".
    pub fn event_type(&self) -> &'kb str {
        // SAFETY: as for id().
        unsafe { get_str(sys::rel_event_type, self.as_ptr(), "event type") }.unwrap_or("")
    }

    /// The participants, with their roles.
    pub fn participants(&self) -> Participants<'kb> {
        // SAFETY: a live event.
        let n = unsafe { sys::rel_event_participant_count(self.as_ptr()) };
        IndexIter::new(*self, n, |e, i| {
            // SAFETY: a live event, i < count; entities are owned by the knowledge base.
            unsafe {
                let entity = Entity::from_raw(sys::rel_event_participant_entity(e.as_ptr(), i))?;
                let role = Role::from_raw(sys::rel_event_participant_role(e.as_ptr(), i));
                Some(Participant { entity, role })
            }
        })
    }

    /// The time, if the sources give one.
    ///
    /// Borrowed from the knowledge base: replacing it
    /// ([`KnowledgeBase::set_event_time`](crate::KnowledgeBase::set_event_time))
    /// needs `&mut KnowledgeBase`, so it cannot happen while this lives.
    pub fn time(&self) -> Option<TimeRef<'kb>> {
        // SAFETY: a live event; the time is owned by the knowledge base and
        // only replaced by a write call, which the borrow excludes.
        unsafe { TimeRef::from_raw(sys::rel_event_time(self.as_ptr())) }
    }

    /// The words the time was read from, such as "early October 1980".
    pub fn time_text(&self) -> Option<&'kb str> {
        // SAFETY: as for time().
        unsafe { get_str(sys::rel_event_time_text, self.as_ptr(), "event time text") }
    }

    /// The mentions that report the event.
    pub fn evidence(&self) -> EvidenceIter<'kb, Event<'kb>> {
        // SAFETY: a live event.
        let n = unsafe { sys::rel_event_evidence_count(self.as_ptr()) };
        // SAFETY: a live event, i < count.
        IndexIter::new(*self, n, |e, i| unsafe {
            Evidence::from_raw(sys::rel_event_evidence_at(e.as_ptr(), i))
        })
    }
}

impl fmt::Debug for Event<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Event").field(&self.id()).finish()
    }
}
