// SPDX-License-Identifier: MIT
//! The C library's integer codes as Rust enums.
//!
//! Every enum has an `Unknown(i32)` variant that keeps a value this crate
//! does not know, so that converting from C never invents or loses a value
//! (and never transmutes an integer into an enum).

use std::fmt;

use relations_sys as sys;

use crate::util::{input, static_str};

/// Defines an enum over C integer constants with `from_raw` and `as_raw`.
macro_rules! c_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:path, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of the crate does not know, unchanged.
            Unknown(i32),
        }

        impl $name {
            /// The variant for a C value; [`Self::Unknown`] for any other value.
            pub fn from_raw(raw: i32) -> Self {
                $( if raw == $value as i32 { return Self::$variant; } )*
                Self::Unknown(raw)
            }

            /// The C value.
            pub fn as_raw(self) -> i32 {
                match self {
                    $( Self::$variant => $value as i32, )*
                    Self::Unknown(raw) => raw,
                }
            }
        }
    };
}
pub(crate) use c_enum;

/// Implements `name()`, `from_name()` and `Display` with the library's
/// JSON names.
macro_rules! named {
    ($name:ident, $to_name:path, $from_name:path) => {
        impl $name {
            /// The name used in JSON (such as "state" or "asserted"); `None`
            /// for a value without one.
            pub fn name(self) -> Option<&'static str> {
                // SAFETY: the function accepts any value and returns NULL or a static string.
                unsafe { static_str($to_name(self.as_raw())) }
            }

            /// The value with a JSON name; `None` for a name the library does not know.
            pub fn from_name(name: &str) -> Option<Self> {
                let (p, len) = input(name.as_bytes());
                let mut out = 0i32;
                // SAFETY: p/len describe `name`; out is a valid i32.
                let status = unsafe { $from_name(p, len, &mut out) };
                (status == sys::REL_OK).then(|| Self::from_raw(out))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.name() {
                    Some(n) => f.write_str(n),
                    None => write!(f, "unknown({})", self.as_raw()),
                }
            }
        }
    };
}

c_enum! {
    /// Kinds of entity (`rel_entity_kind_code`).
    EntityKind {
        /// None of the other kinds.
        Other = sys::REL_ENTITY_OTHER,
        /// A sovereign state of today.
        State = sys::REL_ENTITY_STATE,
        /// A historical state, kingdom or dynasty.
        Polity = sys::REL_ENTITY_POLITY,
        /// An organisation or agency.
        Organisation = sys::REL_ENTITY_ORGANISATION,
        /// A loose group that speaks or acts ("some media reports").
        Group = sys::REL_ENTITY_GROUP,
        /// A person.
        Person = sys::REL_ENTITY_PERSON,
        /// A place.
        Place = sys::REL_ENTITY_PLACE,
        /// A made object.
        Artifact = sys::REL_ENTITY_ARTIFACT,
        /// A weapon system.
        Weapon = sys::REL_ENTITY_WEAPON,
        /// A text.
        Publication = sys::REL_ENTITY_PUBLICATION,
        /// A treaty.
        Treaty = sys::REL_ENTITY_TREATY,
        /// A named war or crisis.
        Conflict = sys::REL_ENTITY_CONFLICT,
        /// A named period.
        Period = sys::REL_ENTITY_PERIOD,
        /// A doctrine or movement.
        Ideology = sys::REL_ENTITY_IDEOLOGY,
    }
}
named!(
    EntityKind,
    sys::rel_entity_kind_name,
    sys::rel_entity_kind_from_name
);

c_enum! {
    /// Roles of an event's participants (`rel_role_code`).
    Role {
        /// Takes part, in no more specific role.
        Participant = sys::REL_ROLE_PARTICIPANT,
        /// Does the action.
        Agent = sys::REL_ROLE_AGENT,
        /// Receives the action.
        Recipient = sys::REL_ROLE_RECIPIENT,
        /// Is acted against.
        Target = sys::REL_ROLE_TARGET,
        /// Where it happened.
        Location = sys::REL_ROLE_LOCATION,
        /// What it was done with.
        Instrument = sys::REL_ROLE_INSTRUMENT,
        /// What was moved, made or talked about.
        Theme = sys::REL_ROLE_THEME,
        /// The larger event it happened in.
        Context = sys::REL_ROLE_CONTEXT,
    }
}
named!(Role, sys::rel_role_name, sys::rel_role_from_name);

c_enum! {
    /// How sure the text is of a claim (`rel_modality_code`).
    Modality {
        /// Not stated in the source asked about (`REL_MODALITY_NONE`).
        None = sys::REL_MODALITY_NONE,
        /// Stated as fact.
        Asserted = sys::REL_MODALITY_ASSERTED,
        /// Attributed to someone who says or reports it.
        Reported = sys::REL_MODALITY_REPORTED,
        /// Attributed and doubted.
        Alleged = sys::REL_MODALITY_ALLEGED,
        /// Inferred.
        Presumed = sys::REL_MODALITY_PRESUMED,
        /// Believed or thought.
        Believed = sys::REL_MODALITY_BELIEVED,
        /// Stated and contested.
        Disputed = sys::REL_MODALITY_DISPUTED,
        /// Stated to be false.
        Denied = sys::REL_MODALITY_DENIED,
        /// Weakened ("may", "possibly").
        Hedged = sys::REL_MODALITY_HEDGED,
    }
}
named!(
    Modality,
    sys::rel_modality_name,
    sys::rel_modality_from_name
);

impl Modality {
    /// The rank of the modality from strongest (asserted, 6) to weakest
    /// (denied, 0) (`rel_modality_strength()`); `None` for
    /// [`Modality::None`] and unknown values.
    pub fn strength(self) -> Option<i32> {
        // SAFETY: accepts any value.
        let rank = unsafe { sys::rel_modality_strength(self.as_raw()) };
        (rank >= 0).then_some(rank)
    }
}

c_enum! {
    /// Polarity of a claim (`rel_polarity_code`).
    Polarity {
        /// The proposition holds.
        Positive = sys::REL_POLARITY_POSITIVE,
        /// The proposition does not hold.
        Negative = sys::REL_POLARITY_NEGATIVE,
    }
}

c_enum! {
    /// How one claim stands to another (`rel_relation_code`).
    Relation {
        /// Gives grounds for the other.
        Supports = sys::REL_RELATION_SUPPORTS,
        /// Cannot both be true.
        Contradicts = sys::REL_RELATION_CONTRADICTS,
        /// Contests the other.
        Disputes = sys::REL_RELATION_DISPUTES,
        /// Says the same in other words.
        Rewords = sys::REL_RELATION_REWORDS,
        /// Says the other less surely.
        Hedges = sys::REL_RELATION_HEDGES,
    }
}
named!(
    Relation,
    sys::rel_relation_name,
    sys::rel_relation_from_name
);

c_enum! {
    /// Kinds of difference between versions (`rel_difference_code`).
    DifferenceKind {
        /// Stated in the second version only.
        Added = sys::REL_DIFF_ADDED,
        /// Stated in the first version only.
        Dropped = sys::REL_DIFF_DROPPED,
        /// Stated in both, in other words.
        Reworded = sys::REL_DIFF_REWORDED,
        /// Stated in both; only case, dashes, apostrophes, punctuation or spacing changed.
        Respelled = sys::REL_DIFF_RESPELLED,
        /// The claim's modality is weaker in the second version.
        Hedged = sys::REL_DIFF_HEDGED,
        /// The claim's modality is stronger in the second version.
        Strengthened = sys::REL_DIFF_STRENGTHENED,
        /// The claim's claimant changed.
        Reattributed = sys::REL_DIFF_REATTRIBUTED,
        /// Two claims give different values for the same subject and predicate.
        Contradicted = sys::REL_DIFF_CONTRADICTED,
    }
}

impl DifferenceKind {
    /// The name of the kind ("added", "reworded", ...); `None` for an unknown value.
    pub fn name(self) -> Option<&'static str> {
        // SAFETY: accepts any value; returns NULL or a static string.
        unsafe { static_str(sys::rel_difference_kind_name(self.as_raw())) }
    }
}

impl fmt::Display for DifferenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => f.write_str(n),
            None => write!(f, "unknown({})", self.as_raw()),
        }
    }
}

c_enum! {
    /// What kind of object an id names (`rel_object_code`).
    ObjectKind {
        /// No object has that id.
        None = sys::REL_OBJECT_NONE,
        /// A source.
        Source = sys::REL_OBJECT_SOURCE,
        /// An entity.
        Entity = sys::REL_OBJECT_ENTITY,
        /// An event.
        Event = sys::REL_OBJECT_EVENT,
        /// A claim.
        Claim = sys::REL_OBJECT_CLAIM,
    }
}

c_enum! {
    /// TIMEX3-style modifiers of a time (`rel_time_mod_code`).
    TimeModifier {
        /// No modifier.
        None = sys::REL_MOD_NONE,
        /// The first part of the period ("early").
        Start = sys::REL_MOD_START,
        /// The middle part ("mid-").
        Mid = sys::REL_MOD_MID,
        /// The last part ("late").
        End = sys::REL_MOD_END,
        /// Strictly before the period.
        Before = sys::REL_MOD_BEFORE,
        /// Strictly after the period.
        After = sys::REL_MOD_AFTER,
        /// Before the period ends.
        OnOrBefore = sys::REL_MOD_ON_OR_BEFORE,
        /// After the period begins.
        OnOrAfter = sys::REL_MOD_ON_OR_AFTER,
        /// With a duration: further from the anchor than it.
        MoreThan = sys::REL_MOD_MORE_THAN,
        /// With a duration: nearer to the anchor than it.
        LessThan = sys::REL_MOD_LESS_THAN,
        /// About the period.
        Approx = sys::REL_MOD_APPROX,
    }
}

c_enum! {
    /// How one end of a time's bounds is known (`rel_bound_kind_code`).
    BoundKind {
        /// The bound is a day number.
        Day = sys::REL_BOUND_DAY,
        /// Explicitly open (EDTF `..`).
        Open = sys::REL_BOUND_OPEN,
        /// Not given: the text does not say (`REL_BOUND_UNKNOWN`).
        NotGiven = sys::REL_BOUND_UNKNOWN,
    }
}

/// How names are compared, by
/// [`KnowledgeBase::find_alias`](crate::KnowledgeBase::find_alias) and
/// [`QueryOptions::alias`](crate::QueryOptions::alias).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Match {
    /// Byte for byte.
    Exact,
    /// After [`normalise`](crate::normalise) on both sides.
    Normalised,
    /// The normalised name begins with the normalised text (queries only:
    /// `find_alias` refuses it with [`Status::Arg`](crate::Status::Arg)).
    Prefix,
}

impl Match {
    pub(crate) fn as_raw(self) -> i32 {
        match self {
            Match::Exact => sys::REL_MATCH_EXACT as i32,
            Match::Normalised => sys::REL_MATCH_NORMALISED as i32,
            Match::Prefix => sys::REL_MATCH_PREFIX as i32,
        }
    }
}

/// Semantics of [`TimeRef::in_window`](crate::TimeRef::in_window) and of
/// [`QueryOptions::window`](crate::QueryOptions::window).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Window {
    /// The whole fuzzy span lies inside the window.
    Certain,
    /// The fuzzy span meets the window.
    Possible,
}

impl Window {
    pub(crate) fn as_raw(self) -> i32 {
        match self {
            Window::Certain => sys::REL_WINDOW_CERTAIN as i32,
            Window::Possible => sys::REL_WINDOW_POSSIBLE as i32,
        }
    }
}

/// The two sides of a [`Difference`](crate::Difference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The first version (for a diff within one version: the first claim).
    A,
    /// The second version (for a diff within one version: the second claim).
    B,
}

impl Side {
    pub(crate) fn as_raw(self) -> i32 {
        match self {
            Side::A => sys::REL_SIDE_A as i32,
            Side::B => sys::REL_SIDE_B as i32,
        }
    }
}
