// SPDX-License-Identifier: MIT
//! Entities and their names.

use std::fmt;

use relations_sys as sys;

use crate::enums::EntityKind;
use crate::iter::{view, IndexIter};
use crate::source::Evidence;
use crate::util::{get_str, output};

view! {
    /// A thing the sources talk about: a state, an organisation, a person,
    /// a place... Borrowed from its [`KnowledgeBase`](crate::KnowledgeBase).
    Entity, sys::rel_entity
}

/// One surface form of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Alias<'kb> {
    /// The words, such as "Iran–Iraq War".
    pub text: &'kb str,
    /// Their language, as a BCP 47 tag ("en", "ko", "fa").
    pub lang: &'kb str,
}

/// The aliases of an entity.
pub type Aliases<'kb> = IndexIter<Entity<'kb>, Alias<'kb>>;
/// Evidence of an entity, event or claim.
pub type EvidenceIter<'kb, O> = IndexIter<O, Evidence<'kb>>;

impl<'kb> Entity<'kb> {
    /// The id.
    pub fn id(&self) -> &'kb str {
        // SAFETY: a live entity; strings live until rel_kb_free().
        unsafe { get_str(sys::rel_entity_id, self.as_ptr(), "entity id") }.unwrap_or("")
    }

    /// The kind.
    pub fn kind(&self) -> EntityKind {
        // SAFETY: a live entity.
        EntityKind::from_raw(unsafe { sys::rel_entity_kind(self.as_ptr()) })
    }

    /// The canonical name.
    pub fn name(&self) -> &'kb str {
        // SAFETY: as for id().
        unsafe { get_str(sys::rel_entity_name, self.as_ptr(), "entity name") }.unwrap_or("")
    }

    /// Every surface form the sources use, with its language.
    pub fn aliases(&self) -> Aliases<'kb> {
        // SAFETY: a live entity.
        let n = unsafe { sys::rel_entity_alias_count(self.as_ptr()) };
        IndexIter::new(*self, n, |e, i| {
            let (mut tlen, mut llen) = (0usize, 0usize);
            // SAFETY: a live entity, i < count; strings live until rel_kb_free().
            unsafe {
                let text = output(
                    sys::rel_entity_alias_text(e.as_ptr(), i, &mut tlen),
                    tlen,
                    "alias",
                )?;
                let lang = output(
                    sys::rel_entity_alias_lang(e.as_ptr(), i, &mut llen),
                    llen,
                    "alias language",
                )?;
                Some(Alias { text, lang })
            }
        })
    }

    /// The mentions of the entity.
    pub fn evidence(&self) -> EvidenceIter<'kb, Entity<'kb>> {
        // SAFETY: a live entity.
        let n = unsafe { sys::rel_entity_evidence_count(self.as_ptr()) };
        // SAFETY: a live entity, i < count; evidence is owned by the knowledge base.
        IndexIter::new(*self, n, |e, i| unsafe {
            Evidence::from_raw(sys::rel_entity_evidence_at(e.as_ptr(), i))
        })
    }
}

impl fmt::Debug for Entity<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Entity").field(&self.id()).finish()
    }
}
