// SPDX-License-Identifier: MIT
//! Differences between versions, and contradictions inside one.

use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

use relations_sys as sys;

use crate::claim::Claim;
use crate::entity::Entity;
use crate::enums::{DifferenceKind, Modality, ObjectKind, Side};
use crate::event::Event;
use crate::iter::IndexIter;
use crate::source::{Evidence, Source};
use crate::util::output;
use crate::KnowledgeBase;

/// The differences found by one comparison
/// ([`KnowledgeBase::diff`], [`KnowledgeBase::diff_within`]).
///
/// Owns its `rel_diff` (freed on drop) and borrows the knowledge base it
/// was computed from, which must outlive it.
pub struct Diff<'kb> {
    raw: NonNull<sys::rel_diff>,
    _kb: PhantomData<&'kb KnowledgeBase>,
}

// SAFETY: a rel_diff is never written after rel_diff_sources() or
// rel_diff_within() returns: every other diff function takes a
// `const rel_diff *` and reads. Its memory comes from the knowledge base's
// allocator, which this crate always leaves at the C library's default
// (thread-safe malloc/free), so it may be freed from any thread. The
// knowledge base it names objects of is borrowed (shared) for 'kb, which
// relations.h allows from many threads ("any number of threads may call
// read functions ... on one knowledge base at once"); relations.h also
// says "There is no global state".
unsafe impl Send for Diff<'_> {}
// SAFETY: as above: only reads through &Diff.
unsafe impl Sync for Diff<'_> {}

impl<'kb> Diff<'kb> {
    /// Takes ownership of a diff the library made.
    ///
    /// # Safety
    /// `raw` must be a diff computed from a knowledge base borrowed for `'kb`.
    pub(crate) unsafe fn from_raw(raw: NonNull<sys::rel_diff>) -> Diff<'kb> {
        Diff {
            raw,
            _kb: PhantomData,
        }
    }

    /// The C object, for calls into `relations-sys`.
    pub fn as_ptr(&self) -> *const sys::rel_diff {
        self.raw.as_ptr()
    }

    /// How many differences there are.
    pub fn len(&self) -> usize {
        // SAFETY: a live diff.
        unsafe { sys::rel_diff_count(self.as_ptr()) }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// One difference.
    pub fn get(&self, i: usize) -> Option<Difference<'_, 'kb>> {
        // SAFETY: a live diff; the difference lives as long as the diff.
        let raw = unsafe { sys::rel_diff_at(self.as_ptr(), i) };
        NonNull::new(raw as *mut sys::rel_difference).map(|raw| Difference {
            raw,
            _diff: PhantomData,
        })
    }

    /// The differences in order: by kind of object (entities, events,
    /// claims), then the object's position, then the kind of difference.
    pub fn iter(&self) -> Differences<'_, 'kb> {
        IndexIter::new(self, self.len(), |d, i| d.get(i))
    }
}

impl Drop for Diff<'_> {
    fn drop(&mut self) {
        // SAFETY: we own the diff.
        unsafe { sys::rel_diff_free(self.raw.as_ptr()) }
    }
}

impl fmt::Debug for Diff<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'d, 'kb> IntoIterator for &'d Diff<'kb> {
    type Item = Difference<'d, 'kb>;
    type IntoIter = Differences<'d, 'kb>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The differences of a [`Diff`].
pub type Differences<'d, 'kb> = IndexIter<&'d Diff<'kb>, Difference<'d, 'kb>>;

/// One difference, borrowed from its [`Diff`] for `'d`; the objects it
/// names are borrowed from the knowledge base for `'kb`.
#[derive(Clone, Copy)]
pub struct Difference<'d, 'kb> {
    raw: NonNull<sys::rel_difference>,
    _diff: PhantomData<&'d Diff<'kb>>,
}

// SAFETY: only read functions on an immutable rel_difference owned by a
// Diff borrowed for 'd; see the impls for Diff.
unsafe impl Send for Difference<'_, '_> {}
// SAFETY: as above.
unsafe impl Sync for Difference<'_, '_> {}

/// One change of words in a rewording or respelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Change<'d> {
    /// Side A's words (may be empty).
    pub removed: &'d str,
    /// Side B's words (may be empty).
    pub added: &'d str,
    /// Whether only case, dashes, apostrophes, punctuation or spacing changed.
    pub is_spelling: bool,
}

/// The changes of words of a [`Difference`].
pub type Changes<'d, 'kb> = IndexIter<Difference<'d, 'kb>, Change<'d>>;
/// The evidence of one side of a [`Difference`].
pub type SideEvidence<'d, 'kb> = IndexIter<(Difference<'d, 'kb>, Side), Evidence<'kb>>;

impl<'d, 'kb> Difference<'d, 'kb> {
    /// The C object, for calls into `relations-sys`.
    pub fn as_ptr(&self) -> *const sys::rel_difference {
        self.raw.as_ptr()
    }

    /// The kind of difference.
    pub fn kind(&self) -> DifferenceKind {
        // SAFETY: a live difference.
        DifferenceKind::from_raw(unsafe { sys::rel_difference_kind(self.as_ptr()) })
    }

    /// What kind of object it is about: an entity, an event or a claim.
    pub fn object_kind(&self) -> ObjectKind {
        // SAFETY: a live difference.
        ObjectKind::from_raw(unsafe { sys::rel_difference_object_kind(self.as_ptr()) })
    }

    /// The entity it is about, if it is about one.
    pub fn entity(&self) -> Option<Entity<'kb>> {
        // SAFETY: a live difference; the entity is owned by the knowledge base.
        unsafe { Entity::from_raw(sys::rel_difference_entity(self.as_ptr())) }
    }

    /// The event it is about, if it is about one.
    pub fn event(&self) -> Option<Event<'kb>> {
        // SAFETY: as for entity().
        unsafe { Event::from_raw(sys::rel_difference_event(self.as_ptr())) }
    }

    /// The claim of one side, if it is about claims (both sides give the
    /// same claim except for a contradiction).
    pub fn claim(&self, side: Side) -> Option<Claim<'kb>> {
        // SAFETY: as for entity().
        unsafe { Claim::from_raw(sys::rel_difference_claim(self.as_ptr(), side.as_raw())) }
    }

    /// The source of one side.
    pub fn source(&self, side: Side) -> Option<Source<'kb>> {
        // SAFETY: as for entity().
        unsafe { Source::from_raw(sys::rel_difference_source(self.as_ptr(), side.as_raw())) }
    }

    /// The spans of one side the difference rests on (none on the missing
    /// side of an addition or drop).
    pub fn evidence(&self, side: Side) -> SideEvidence<'d, 'kb> {
        // SAFETY: a live difference.
        let n = unsafe { sys::rel_difference_evidence_count(self.as_ptr(), side.as_raw()) };
        IndexIter::new((*self, side), n, |(d, side), i| {
            // SAFETY: a live difference, i < count; evidence is owned by the knowledge base.
            unsafe {
                Evidence::from_raw(sys::rel_difference_evidence_at(
                    d.as_ptr(),
                    side.as_raw(),
                    i,
                ))
            }
        })
    }

    /// The claim's modality on one side; `None` unless the difference is
    /// about a claim stated on that side.
    pub fn modality(&self, side: Side) -> Option<Modality> {
        // SAFETY: a live difference.
        let m = Modality::from_raw(unsafe {
            sys::rel_difference_modality(self.as_ptr(), side.as_raw())
        });
        (m != Modality::None).then_some(m)
    }

    /// The claim's claimant on one side; `None` unless the difference is
    /// about a claim stated on that side.
    pub fn claimant(&self, side: Side) -> Option<Entity<'kb>> {
        // SAFETY: as for entity().
        unsafe { Entity::from_raw(sys::rel_difference_claimant(self.as_ptr(), side.as_raw())) }
    }

    /// The changes of words of a rewording or respelling (none for other kinds).
    pub fn changes(&self) -> Changes<'d, 'kb> {
        // SAFETY: a live difference.
        let n = unsafe { sys::rel_difference_change_count(self.as_ptr()) };
        IndexIter::new(*self, n, |d, i| {
            let (mut removed, mut added) = (std::ptr::null(), std::ptr::null());
            let (mut rlen, mut alen) = (0usize, 0usize);
            // SAFETY: a live difference, i < count; the texts are owned by
            // the diff, NUL-terminated, valid until rel_diff_free().
            unsafe {
                let status = sys::rel_difference_change_at(
                    d.as_ptr(),
                    i,
                    &mut removed,
                    &mut rlen,
                    &mut added,
                    &mut alen,
                );
                if status != sys::REL_OK {
                    return None;
                }
                Some(Change {
                    removed: output(removed, rlen, "removed words")?,
                    added: output(added, alen, "added words")?,
                    is_spelling: sys::rel_difference_change_is_spelling(d.as_ptr(), i) != 0,
                })
            }
        })
    }
}

impl fmt::Debug for Difference<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Difference");
        s.field("kind", &self.kind());
        if let Some(e) = self.entity() {
            s.field("entity", &e.id());
        }
        if let Some(e) = self.event() {
            s.field("event", &e.id());
        }
        if let Some(c) = self.claim(Side::A) {
            s.field("claim", &c.id());
        }
        s.finish()
    }
}
