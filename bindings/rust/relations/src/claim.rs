// SPDX-License-Identifier: MIT
//! Claims: who says what, how sure, in which version.

use std::fmt;

use relations_sys as sys;

use crate::entity::{Entity, EvidenceIter};
use crate::enums::{Modality, Polarity, Relation};
use crate::event::Event;
use crate::iter::{view, IndexIter};
use crate::source::{Evidence, Source};
use crate::time::TimeRef;
use crate::util::get_str;

view! {
    /// A proposition, subject – predicate – object, made by a claimant
    /// with a modality, which can differ from version to version. Borrowed
    /// from its [`KnowledgeBase`](crate::KnowledgeBase).
    Claim, sys::rel_claim
}

/// A claim's subject or object.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Value<'kb> {
    /// Nothing (a claim without object).
    None,
    /// An entity.
    Entity(Entity<'kb>),
    /// An event.
    Event(Event<'kb>),
    /// Another claim (a dispute is a claim about a claim).
    Claim(Claim<'kb>),
    /// A string.
    Literal(&'kb str),
    /// A number with an optional unit.
    Quantity {
        /// The number.
        number: f64,
        /// The unit, such as "tonnes".
        unit: Option<&'kb str>,
    },
    /// A time, with the words it came from.
    Time {
        /// The time.
        time: TimeRef<'kb>,
        /// The words, such as "in 1980".
        words: Option<&'kb str>,
    },
    /// A kind of value this version of the crate does not know (its C code).
    Unknown(i32),
}

impl<'kb> Value<'kb> {
    /// Reads a `rel_value`.
    ///
    /// # Safety
    /// `raw` must be NULL or a value owned by a knowledge base borrowed for `'kb`.
    unsafe fn from_raw(raw: *const sys::rel_value) -> Value<'kb> {
        if raw.is_null() {
            return Value::None;
        }
        // SAFETY: the caller guarantees `raw` is a live value borrowed for
        // 'kb; everything it gives is owned by the same knowledge base.
        unsafe { Self::read(raw) }
    }

    /// # Safety
    /// As for from_raw(), and `raw` is not NULL.
    #[allow(unsafe_op_in_unsafe_fn)]
    unsafe fn read(raw: *const sys::rel_value) -> Value<'kb> {
        let kind = sys::rel_value_kind(raw);
        let text = get_str(sys::rel_value_text, raw, "value text");
        let unknown = Value::Unknown(kind);
        match kind {
            k if k == sys::REL_VALUE_NONE as i32 => Value::None,
            k if k == sys::REL_VALUE_ENTITY as i32 => {
                Entity::from_raw(sys::rel_value_entity(raw)).map_or(unknown, Value::Entity)
            }
            k if k == sys::REL_VALUE_EVENT as i32 => {
                Event::from_raw(sys::rel_value_event(raw)).map_or(unknown, Value::Event)
            }
            k if k == sys::REL_VALUE_CLAIM as i32 => {
                Claim::from_raw(sys::rel_value_claim(raw)).map_or(unknown, Value::Claim)
            }
            k if k == sys::REL_VALUE_LITERAL as i32 => Value::Literal(text.unwrap_or("")),
            k if k == sys::REL_VALUE_QUANTITY as i32 => {
                let mut number = 0f64;
                if sys::rel_value_quantity(raw, &mut number) == sys::REL_OK {
                    Value::Quantity { number, unit: text }
                } else {
                    unknown
                }
            }
            k if k == sys::REL_VALUE_TIME as i32 => TimeRef::from_raw(sys::rel_value_time(raw))
                .map_or(unknown, |time| Value::Time { time, words: text }),
            _ => unknown,
        }
    }
}

impl fmt::Display for Value<'_> {
    /// A short reading: the name of an entity, the id of an event or claim,
    /// the literal, the quantity, the words (or canonical text) of a time.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => Ok(()),
            Value::Entity(e) => f.write_str(e.name()),
            Value::Event(e) => f.write_str(e.id()),
            Value::Claim(c) => f.write_str(c.id()),
            Value::Literal(s) => write!(f, "\"{s}\""),
            Value::Quantity {
                number,
                unit: Some(u),
            } => write!(f, "{number} {u}"),
            Value::Quantity { number, unit: None } => write!(f, "{number}"),
            Value::Time { words: Some(w), .. } => f.write_str(w),
            Value::Time { time, words: None } => write!(f, "{time}"),
            Value::Unknown(k) => write!(f, "<value of kind {k}>"),
        }
    }
}

/// How a claim stands to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimRelation<'kb> {
    /// How this claim stands to the target ("this claim *supports* that one").
    pub relation: Relation,
    /// The other claim.
    pub target: Claim<'kb>,
}

/// The relations of a claim to other claims.
pub type ClaimRelations<'kb> = IndexIter<Claim<'kb>, ClaimRelation<'kb>>;

impl<'kb> Claim<'kb> {
    /// The id.
    pub fn id(&self) -> &'kb str {
        // SAFETY: a live claim; strings live until rel_kb_free().
        unsafe { get_str(sys::rel_claim_id, self.as_ptr(), "claim id") }.unwrap_or("")
    }

    /// What the claim is about: an entity, an event or another claim.
    pub fn subject(&self) -> Value<'kb> {
        // SAFETY: a live claim; its values live until rel_kb_free().
        unsafe { Value::from_raw(sys::rel_claim_subject(self.as_ptr())) }
    }

    /// The predicate, such as "supplies_arms_to".
    pub fn predicate(&self) -> &'kb str {
        // SAFETY: as for id().
        unsafe { get_str(sys::rel_claim_predicate, self.as_ptr(), "predicate") }.unwrap_or("")
    }

    /// The object; [`Value::None`] when the claim has none.
    pub fn object(&self) -> Value<'kb> {
        // SAFETY: as for subject().
        unsafe { Value::from_raw(sys::rel_claim_object(self.as_ptr())) }
    }

    /// The default claimant: who makes the claim where no source says otherwise.
    pub fn claimant(&self) -> Entity<'kb> {
        // SAFETY: a live claim; the entity is owned by the knowledge base.
        unsafe { Entity::from_raw(sys::rel_claim_claimant(self.as_ptr())) }
            .expect("librelations returned a claim without a claimant")
    }

    /// The default modality.
    pub fn modality(&self) -> Modality {
        // SAFETY: a live claim.
        Modality::from_raw(unsafe { sys::rel_claim_modality(self.as_ptr()) })
    }

    /// The polarity.
    pub fn polarity(&self) -> Polarity {
        // SAFETY: a live claim.
        Polarity::from_raw(unsafe { sys::rel_claim_polarity(self.as_ptr()) })
    }

    /// Who makes the claim in one source; `None` if the claim has no
    /// evidence there.
    pub fn claimant_in(&self, source: Source<'_>) -> Option<Entity<'kb>> {
        // SAFETY: a live claim and a live source (of any knowledge base: the
        // library compares the pointer with the claim's own sources).
        unsafe { Entity::from_raw(sys::rel_claim_claimant_in(self.as_ptr(), source.as_ptr())) }
    }

    /// How sure one source is of the claim; `None` if the claim has no
    /// evidence there.
    pub fn modality_in(&self, source: Source<'_>) -> Option<Modality> {
        // SAFETY: as for claimant_in().
        let m = Modality::from_raw(unsafe {
            sys::rel_claim_modality_in(self.as_ptr(), source.as_ptr())
        });
        (m != Modality::None).then_some(m)
    }

    /// The relations of this claim to other claims.
    pub fn relations(&self) -> ClaimRelations<'kb> {
        // SAFETY: a live claim.
        let n = unsafe { sys::rel_claim_relation_count(self.as_ptr()) };
        IndexIter::new(*self, n, |c, i| {
            // SAFETY: a live claim, i < count.
            unsafe {
                let target = Claim::from_raw(sys::rel_claim_relation_target(c.as_ptr(), i))?;
                let relation = Relation::from_raw(sys::rel_claim_relation_type(c.as_ptr(), i));
                Some(ClaimRelation { relation, target })
            }
        })
    }

    /// Every span that states the claim, over all sources.
    pub fn evidence(&self) -> EvidenceIter<'kb, Claim<'kb>> {
        // SAFETY: a live claim.
        let n = unsafe { sys::rel_claim_evidence_count(self.as_ptr()) };
        // SAFETY: a live claim, i < count.
        IndexIter::new(*self, n, |c, i| unsafe {
            Evidence::from_raw(sys::rel_claim_evidence_at(c.as_ptr(), i))
        })
    }
}

impl fmt::Debug for Claim<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Claim").field(&self.id()).finish()
    }
}
