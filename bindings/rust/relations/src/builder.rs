// SPDX-License-Identifier: MIT
//! Building a knowledge base call by call (the builder calls of `builder.h`).
//!
//! Every method takes `&mut self`: a write needs exclusive access to the
//! knowledge base (relations.h), and the borrow checker gives exactly that.
//! Every call is atomic: on failure the knowledge base is as it was and
//! the error carries the library's message.
//!
//! Required text is taken as bytes (`&str`, `&[u8]`, `&String`, ...) and
//! validated by the library: text that is not UTF-8 gives
//! [`Status::Utf8`](crate::Status::Utf8).

use relations_sys as sys;

use crate::enums::{EntityKind, Modality, Polarity, Relation, Role};
use crate::error::{Error, Result};
use crate::source::Quote;
use crate::util::{input, input_opt};
use crate::KnowledgeBase;

/// A source to add ([`KnowledgeBase::add_source`]): an id and the full
/// text, with optional metadata set by the chained methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceSpec<'a> {
    /// The id.
    pub id: &'a [u8],
    /// The full UTF-8 text; every evidence offset will point into it.
    pub text: &'a [u8],
    /// The title.
    pub title: Option<&'a [u8]>,
    /// A short label that tells versions apart.
    pub label: Option<&'a [u8]>,
    /// A BCP 47 language tag.
    pub lang: Option<&'a [u8]>,
    /// The EDTF date of the version.
    pub date: Option<&'a [u8]>,
    /// Where it was published.
    pub url: Option<&'a [u8]>,
    /// The licence.
    pub licence: Option<&'a [u8]>,
    /// The file the text came from (metadata; not read).
    pub path: Option<&'a [u8]>,
    /// The id (or unique prefix) of an existing source this one revises.
    pub revises: Option<&'a [u8]>,
}

macro_rules! setters {
    ($($(#[$m:meta])* $field:ident),*) => {
        $(
            $(#[$m])*
            pub fn $field(mut self, value: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
                self.$field = Some(value.as_ref());
                self
            }
        )*
    };
}

impl<'a> SourceSpec<'a> {
    /// A source with an id and a text and no metadata.
    pub fn new(id: &'a (impl AsRef<[u8]> + ?Sized), text: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        SourceSpec {
            id: id.as_ref(),
            text: text.as_ref(),
            title: None,
            label: None,
            lang: None,
            date: None,
            url: None,
            licence: None,
            path: None,
            revises: None,
        }
    }

    setters! {
        /// Sets the title.
        title,
        /// Sets the label.
        label,
        /// Sets the language tag.
        lang,
        /// Sets the EDTF date.
        date,
        /// Sets the URL.
        url,
        /// Sets the licence.
        licence,
        /// Sets the path.
        path,
        /// Sets the source this one revises.
        revises
    }
}

/// A claim's subject or object, to add.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueSpec<'a> {
    /// Nothing (an object only).
    None,
    /// An entity, by id.
    Entity(&'a str),
    /// An event, by id.
    Event(&'a str),
    /// A claim, by id.
    Claim(&'a str),
    /// A literal string.
    Literal(&'a str),
    /// A finite number with an optional unit.
    Quantity {
        /// The number.
        number: f64,
        /// The unit.
        unit: Option<&'a str>,
    },
    /// A time expression (see [`Time::parse`](crate::Time::parse)) with the
    /// words it came from.
    Time {
        /// The expression, such as `START 1980-10`.
        expr: &'a str,
        /// The words, such as "early October 1980".
        words: Option<&'a str>,
    },
}

impl ValueSpec<'_> {
    fn to_raw(self) -> sys::rel_value_spec {
        let (kind, s, words, number) = match self {
            ValueSpec::None => (sys::REL_VALUE_NONE, None, None, 0.0),
            ValueSpec::Entity(id) => (sys::REL_VALUE_ENTITY, Some(id), None, 0.0),
            ValueSpec::Event(id) => (sys::REL_VALUE_EVENT, Some(id), None, 0.0),
            ValueSpec::Claim(id) => (sys::REL_VALUE_CLAIM, Some(id), None, 0.0),
            ValueSpec::Literal(text) => (sys::REL_VALUE_LITERAL, Some(text), None, 0.0),
            ValueSpec::Quantity { number, unit } => (sys::REL_VALUE_QUANTITY, unit, None, number),
            ValueSpec::Time { expr, words } => (sys::REL_VALUE_TIME, Some(expr), words, 0.0),
        };
        let (str_, str_len) = input_opt(s.map(str::as_bytes));
        let (words, words_len) = input_opt(words.map(str::as_bytes));
        sys::rel_value_spec {
            kind: kind as i32,
            str_,
            str_len,
            words,
            words_len,
            number,
        }
    }
}

/// A claim to add ([`KnowledgeBase::add_claim`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimSpec<'a> {
    /// The new id.
    pub id: &'a str,
    /// An entity, event or claim.
    pub subject: ValueSpec<'a>,
    /// A lower-case letter, then lower-case letters, digits and '_'.
    pub predicate: &'a str,
    /// The object, or [`ValueSpec::None`].
    pub object: ValueSpec<'a>,
    /// The id of the claimant entity (the default for every source).
    pub claimant: &'a str,
    /// The modality (the default for every source); not [`Modality::None`].
    pub modality: Modality,
    /// The polarity.
    pub polarity: Polarity,
}

impl<'a> ClaimSpec<'a> {
    /// A positive claim without object.
    pub fn new(
        id: &'a str,
        subject: ValueSpec<'a>,
        predicate: &'a str,
        claimant: &'a str,
        modality: Modality,
    ) -> Self {
        ClaimSpec {
            id,
            subject,
            predicate,
            object: ValueSpec::None,
            claimant,
            modality,
            polarity: Polarity::Positive,
        }
    }

    /// With an object.
    pub fn object(mut self, object: ValueSpec<'a>) -> Self {
        self.object = object;
        self
    }

    /// With a polarity.
    pub fn polarity(mut self, polarity: Polarity) -> Self {
        self.polarity = polarity;
        self
    }
}

type Text = [u8];

impl KnowledgeBase {
    /// `Ok` for `REL_OK`, else the detail the library recorded on the handle.
    fn written(&mut self, status: sys::rel_status) -> Result<()> {
        if status == sys::REL_OK {
            return Ok(());
        }
        // SAFETY: a live knowledge base; the record lives until the next write
        // call, and we copy it now.
        let raw = unsafe { sys::rel_kb_error(self.as_ptr()) };
        if raw.is_null() {
            return Err(Error::from_status(status, ""));
        }
        // SAFETY: non-NULL, owned by self, not written while we hold &mut self.
        Err(Error::from_raw(unsafe { &*raw }, status))
    }

    /// Adds a source.
    pub fn add_source(&mut self, spec: &SourceSpec<'_>) -> Result<()> {
        let (id, id_len) = input(spec.id);
        let (text, text_len) = input(spec.text);
        let (title, title_len) = input_opt(spec.title);
        let (label, label_len) = input_opt(spec.label);
        let (lang, lang_len) = input_opt(spec.lang);
        let (date, date_len) = input_opt(spec.date);
        let (url, url_len) = input_opt(spec.url);
        let (licence, licence_len) = input_opt(spec.licence);
        let (path, path_len) = input_opt(spec.path);
        let (revises, revises_len) = input_opt(spec.revises);
        let raw = sys::rel_source_spec {
            version: sys::REL_SOURCE_SPEC_VERSION,
            id,
            id_len,
            text,
            text_len,
            title,
            title_len,
            label,
            label_len,
            lang,
            lang_len,
            date,
            date_len,
            url,
            url_len,
            licence,
            licence_len,
            path,
            path_len,
            revises,
            revises_len,
        };
        // SAFETY: exclusive access; raw points into `spec`, which outlives the call.
        let status = unsafe { sys::rel_kb_add_source(self.as_mut_ptr(), &raw) };
        self.written(status)
    }

    /// Adds an entity with its canonical name.
    pub fn add_entity(
        &mut self,
        id: &(impl AsRef<Text> + ?Sized),
        kind: EntityKind,
        name: &(impl AsRef<Text> + ?Sized),
    ) -> Result<()> {
        let (id, id_len) = input(id.as_ref());
        let (name, name_len) = input(name.as_ref());
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe {
            sys::rel_kb_add_entity(self.as_mut_ptr(), id, id_len, kind.as_raw(), name, name_len)
        };
        self.written(status)
    }

    /// Adds an alias (a surface form) in a language to an entity.
    pub fn add_alias(
        &mut self,
        entity_id: &(impl AsRef<Text> + ?Sized),
        text: &(impl AsRef<Text> + ?Sized),
        lang: &(impl AsRef<Text> + ?Sized),
    ) -> Result<()> {
        let (id, id_len) = input(entity_id.as_ref());
        let (text, text_len) = input(text.as_ref());
        let (lang, lang_len) = input(lang.as_ref());
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe {
            sys::rel_kb_add_alias(
                self.as_mut_ptr(),
                id,
                id_len,
                text,
                text_len,
                lang,
                lang_len,
            )
        };
        self.written(status)
    }

    /// Adds an event of a type such as "AID.military".
    pub fn add_event(
        &mut self,
        id: &(impl AsRef<Text> + ?Sized),
        event_type: &(impl AsRef<Text> + ?Sized),
    ) -> Result<()> {
        let (id, id_len) = input(id.as_ref());
        let (ty, ty_len) = input(event_type.as_ref());
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe { sys::rel_kb_add_event(self.as_mut_ptr(), id, id_len, ty, ty_len) };
        self.written(status)
    }

    /// Sets or replaces an event's time, with the words it came from.
    ///
    /// Any [`TimeRef`](crate::TimeRef) to the old time is a borrow of the
    /// knowledge base, so none can be alive across this call.
    pub fn set_event_time(
        &mut self,
        event_id: &(impl AsRef<Text> + ?Sized),
        expr: &(impl AsRef<Text> + ?Sized),
        words: Option<&str>,
    ) -> Result<()> {
        let (id, id_len) = input(event_id.as_ref());
        let (expr, expr_len) = input(expr.as_ref());
        let (words, words_len) = input_opt(words.map(str::as_bytes));
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe {
            sys::rel_kb_set_event_time(
                self.as_mut_ptr(),
                id,
                id_len,
                expr,
                expr_len,
                words,
                words_len,
            )
        };
        self.written(status)
    }

    /// Adds a participant in a role to an event.
    pub fn add_participant(
        &mut self,
        event_id: &(impl AsRef<Text> + ?Sized),
        entity_id: &(impl AsRef<Text> + ?Sized),
        role: Role,
    ) -> Result<()> {
        let (ev, ev_len) = input(event_id.as_ref());
        let (en, en_len) = input(entity_id.as_ref());
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe {
            sys::rel_kb_add_participant(self.as_mut_ptr(), ev, ev_len, en, en_len, role.as_raw())
        };
        self.written(status)
    }

    /// Adds a claim; what it refers to must already exist.
    pub fn add_claim(&mut self, spec: &ClaimSpec<'_>) -> Result<()> {
        let (id, id_len) = input(spec.id.as_bytes());
        let (predicate, predicate_len) = input(spec.predicate.as_bytes());
        let (claimant, claimant_len) = input(spec.claimant.as_bytes());
        let raw = sys::rel_claim_spec {
            version: sys::REL_CLAIM_SPEC_VERSION,
            id,
            id_len,
            subject: spec.subject.to_raw(),
            predicate,
            predicate_len,
            object: spec.object.to_raw(),
            claimant,
            claimant_len,
            modality: spec.modality.as_raw(),
            polarity: spec.polarity.as_raw(),
        };
        // SAFETY: exclusive access; raw points into `spec`, which outlives the call.
        let status = unsafe { sys::rel_kb_add_claim(self.as_mut_ptr(), &raw) };
        self.written(status)
    }

    /// Says who makes a claim, and how surely, in one source; `None` keeps
    /// the claim's default (at least one must be given).
    pub fn set_claim_version(
        &mut self,
        claim_id: &(impl AsRef<Text> + ?Sized),
        source_id: &(impl AsRef<Text> + ?Sized),
        claimant_id: Option<&str>,
        modality: Option<Modality>,
    ) -> Result<()> {
        let (c, c_len) = input(claim_id.as_ref());
        let (s, s_len) = input(source_id.as_ref());
        let (who, who_len) = input_opt(claimant_id.map(str::as_bytes));
        let modality = modality.unwrap_or(Modality::None).as_raw();
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe {
            sys::rel_kb_set_claim_version(
                self.as_mut_ptr(),
                c,
                c_len,
                s,
                s_len,
                who,
                who_len,
                modality,
            )
        };
        self.written(status)
    }

    /// Records that one claim stands in a relation to another.
    pub fn add_claim_relation(
        &mut self,
        claim_id: &(impl AsRef<Text> + ?Sized),
        relation: Relation,
        target_id: &(impl AsRef<Text> + ?Sized),
    ) -> Result<()> {
        let (c, c_len) = input(claim_id.as_ref());
        let (t, t_len) = input(target_id.as_ref());
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe {
            sys::rel_kb_add_claim_relation(self.as_mut_ptr(), c, c_len, relation.as_raw(), t, t_len)
        };
        self.written(status)
    }

    /// Adds evidence, by byte offsets `start..end` into a source's text, to
    /// an entity, event or claim.
    pub fn add_evidence(
        &mut self,
        object_id: &(impl AsRef<Text> + ?Sized),
        source_id: &(impl AsRef<Text> + ?Sized),
        bytes: std::ops::Range<usize>,
    ) -> Result<()> {
        let (o, o_len) = input(object_id.as_ref());
        let (s, s_len) = input(source_id.as_ref());
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe {
            sys::rel_kb_add_evidence(
                self.as_mut_ptr(),
                o,
                o_len,
                s,
                s_len,
                bytes.start as u64,
                bytes.end as u64,
            )
        };
        self.written(status)
    }

    /// Adds evidence, located by quoting it, to an entity, event or claim.
    pub fn add_evidence_quote(
        &mut self,
        object_id: &(impl AsRef<Text> + ?Sized),
        source_id: &(impl AsRef<Text> + ?Sized),
        quote: &Quote<'_>,
    ) -> Result<()> {
        let (o, o_len) = input(object_id.as_ref());
        let (s, s_len) = input(source_id.as_ref());
        let raw = quote.to_raw();
        // SAFETY: exclusive access; the strings and the text `raw` points
        // into (borrowed by `quote`) outlive the call.
        let status =
            unsafe { sys::rel_kb_add_evidence_quote(self.as_mut_ptr(), o, o_len, s, s_len, &raw) };
        self.written(status)
    }

    /// Declares a predicate; `functional` if it takes one value per subject
    /// (so that two claims with different values contradict each other).
    pub fn add_predicate(
        &mut self,
        name: &(impl AsRef<Text> + ?Sized),
        functional: bool,
    ) -> Result<()> {
        let (n, n_len) = input(name.as_ref());
        let flags = if functional {
            sys::REL_PREDICATE_FUNCTIONAL
        } else {
            0
        };
        // SAFETY: exclusive access; the name outlives the call.
        let status = unsafe { sys::rel_kb_add_predicate(self.as_mut_ptr(), n, n_len, flags) };
        self.written(status)
    }

    /// Records a passage `start..end` of a source left unannotated on
    /// purpose, and why.
    pub fn add_unannotated(
        &mut self,
        source_id: &(impl AsRef<Text> + ?Sized),
        bytes: std::ops::Range<usize>,
        reason: &(impl AsRef<Text> + ?Sized),
    ) -> Result<()> {
        let (s, s_len) = input(source_id.as_ref());
        let (r, r_len) = input(reason.as_ref());
        // SAFETY: exclusive access; the strings outlive the call.
        let status = unsafe {
            sys::rel_kb_add_unannotated(
                self.as_mut_ptr(),
                s,
                s_len,
                bytes.start as u64,
                bytes.end as u64,
                r,
                r_len,
            )
        };
        self.written(status)
    }
}
