// SPDX-License-Identifier: MIT
//! Safe Rust wrapper of librelations: a knowledge base of sources
//! (document versions), entities, events and claims, each tied to the
//! exact bytes of the sources that state it, with fuzzy time and typed
//! differences between versions.
//!
//! ```
//! use relations::{KnowledgeBase, Match};
//!
//! let kb = KnowledgeBase::builtin()?;
//! let claim = kb.find_claim("c-nuclear-cooperation").expect("a built-in claim");
//! for ev in claim.evidence() {
//!     let source = ev.source();
//!     println!(
//!         "{} in {} ({} by {}): {:?}",
//!         claim.id(),
//!         source.id(),
//!         claim.modality_in(source).unwrap(),
//!         claim.claimant_in(source).unwrap().id(),
//!         ev.text(),
//!     );
//! }
//! let found = kb.find_alias("iran-iraq war", Match::Normalised)?;
//! assert_eq!(found[0].id(), "iran-iraq-war");
//! # Ok::<(), relations::Error>(())
//! ```
//!
//! # Ownership and lifetimes
//!
//! [`KnowledgeBase`] owns its `rel_kb` and frees it on drop. Everything
//! reached through it — [`Source`], [`Entity`], [`Event`], [`Claim`],
//! [`Evidence`], [`TimeRef`], and every `&str` they give — is a copyable
//! view with the lifetime `'kb` of a shared borrow of the knowledge base,
//! so using it after the knowledge base is gone does not compile:
//!
//! ```compile_fail,E0597
//! let text: &str = {
//!     let kb = relations::KnowledgeBase::builtin().unwrap();
//!     let claim = kb.find_claim("c-nuclear-cooperation").unwrap();
//!     claim.evidence().next().unwrap().text()
//! }; // kb is freed here
//! println!("{text}");
//! ```
//!
//! A [`Diff`] owns its `rel_diff` and also borrows the knowledge base:
//!
//! ```compile_fail,E0597
//! let diff = {
//!     let kb = relations::KnowledgeBase::builtin().unwrap();
//!     let (a, b) = (kb.source_at(0).unwrap(), kb.source_at(2).unwrap());
//!     kb.diff(a, b).unwrap()
//! };
//! println!("{}", diff.len());
//! ```
//!
//! The same code with the knowledge base alive long enough compiles, and
//! so does a write once the borrows have ended. (Stable rustdoc does not
//! check the error codes of `compile_fail` examples, so each has this
//! compiling twin to show it fails for the lifetime reason alone;
//! `cargo +nightly test --doc` checks the codes too.)
//!
//! ```
//! let mut kb = relations::KnowledgeBase::builtin()?;
//! let claim = kb.find_claim("c-nuclear-cooperation").unwrap();
//! let text: &str = claim.evidence().next().unwrap().text();
//! let diff = kb.diff(kb.source_at(0).unwrap(), kb.source_at(2).unwrap())?;
//! println!("{text} {}", diff.len());
//! drop(diff);
//! let iran = kb.find_entity("iran").unwrap();
//! println!("{}", iran.name());
//! kb.add_entity("persia-2", relations::EntityKind::Polity, "Persia")?;
//! # Ok::<(), relations::Error>(())
//! ```
//!
//! A [`Time`] from [`Time::parse`] is owned; a [`TimeRef`] is borrowed.
//!
//! A [`Query`] owns its `rel_query` and borrows the knowledge base too, so
//! no write can drop the indexes it reads while it lives (see its
//! `compile_fail` examples):
//!
//! ```
//! use relations::{KnowledgeBase, QueryOptions};
//!
//! let kb = KnowledgeBase::builtin()?;
//! let opts = QueryOptions::new().actor("iran").actor2("north-korea").window("1980/1989");
//! let mut events = kb.query_events(&opts)?;
//! assert_eq!(events.count(), 2);
//! for event in events.iter() {
//!     println!("{} {}", event.id(), event.time_text().unwrap_or("?"));
//! }
//! # Ok::<(), relations::Error>(())
//! ```
//!
//! # Threads
//!
//! relations.h: "any number of threads may call read functions (every
//! function taking a `const rel_kb *` or a borrowed object) on one
//! knowledge base at once, while a function that writes to a knowledge
//! base (the builder calls and rel_kb_free()) needs the caller's lock". So
//! [`KnowledgeBase`] is `Send + Sync`: through `&KnowledgeBase` only read
//! functions are called, and the writes (builder methods) take
//! `&mut self`. The views are `Send + Sync` like the `&KnowledgeBase` they
//! stand for; [`Time`] and [`Diff`] are immutable and `Send + Sync` too.
//! A [`Query`] is `Send` but not `Sync`: relations.h lets one thread at a
//! time use a query, while each thread may run its own on one knowledge
//! base.
//! The crate never installs a custom allocator, which could otherwise make
//! that unsound.
//!
//! # Errors
//!
//! Fallible calls return [`Result`] with an [`Error`] carrying the
//! [`Status`], the library's message and, for JSON, the file, line,
//! column and byte offset. Lookups by id give `Option` (or
//! `Result<Option<_>>` where something other than "not found" can go wrong).
//!
//! # Strings
//!
//! The library guarantees that all the text it holds is UTF-8, and the
//! views hand it out as `&str` after checking it; should the library ever
//! break that guarantee, the check panics with a message saying so rather
//! than causing undefined behaviour.

#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

mod builder;
mod claim;
mod diff;
mod entity;
mod enums;
mod error;
mod event;
mod iter;
mod kb;
mod query;
mod source;
mod time;
mod util;

pub use relations_sys as sys;

pub use builder::{ClaimSpec, SourceSpec, ValueSpec};
pub use claim::{Claim, ClaimRelation, ClaimRelations, Value};
pub use diff::{Change, Changes, Diff, Difference, Differences, SideEvidence};
pub use entity::{Alias, Aliases, Entity, EvidenceIter};
pub use enums::{
    BoundKind, DifferenceKind, EntityKind, Match, Modality, ObjectKind, Polarity, Relation, Role,
    Side, TimeModifier, Window,
};
pub use error::{Error, Result, Status};
pub use event::{Event, Participant, Participants};
pub use iter::IndexIter;
pub use kb::{
    Claims, Entities, Events, KnowledgeBase, Predicate, Predicates, Sources, Unannotated,
    UnannotatedIter,
};
pub use query::{
    ClaimQuery, EntityQuery, EventQuery, Query, QueryIntoIter, QueryItem, QueryIter, QueryOptions,
    YearCounts,
};
pub use source::{Evidence, Quote, Source};
pub use time::{date_from_day, day_from_date, AsTimeRef, Bounds, Time, TimeRef};

/// The version of the library in use, "MAJOR.MINOR.PATCH".
pub fn version() -> &'static str {
    // SAFETY: returns a static string.
    unsafe { util::static_str(sys::rel_version_string()) }.unwrap_or("")
}

/// The version of the library in use as MAJOR * 1000000 + MINOR * 1000 + PATCH.
pub fn version_number() -> i32 {
    // SAFETY: no arguments.
    unsafe { sys::rel_version_number() }
}

/// Normalises a name for matching, as
/// [`Match::Normalised`] does: Unicode NFC, case folding, every dash to
/// "-", apostrophes to "'", white space runs to one space, trimmed.
///
/// ```
/// assert_eq!(relations::normalise("Iran–Iraq  War")?, relations::normalise("iran-iraq war")?);
/// # Ok::<(), relations::Error>(())
/// ```
pub fn normalise(text: &str) -> Result<String> {
    let (p, len) = util::input(text.as_bytes());
    // SAFETY: p/len describe `text`; buf/cap/out_len come from snprintf_string.
    util::snprintf_string("normalise", |buf, cap, out_len| unsafe {
        sys::rel_text_normalise(p, len, buf, cap, out_len)
    })
}
