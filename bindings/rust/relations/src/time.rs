// SPDX-License-Identifier: MIT
//! Fuzzy time: EDTF levels 0 and 1, TIMEX3-style modifiers, bounds.

use std::cmp::Ordering;
use std::fmt;
use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use relations_sys as sys;

use crate::enums::{BoundKind, TimeModifier, Window};
use crate::error::{blank, Error, Result};
use crate::util::{check, input, snprintf_string};

/// A parsed time expression, owned (`rel_time_parse()`; freed on drop).
///
/// ```
/// let t = relations::Time::parse("START 1980-10")?;
/// assert_eq!(t.describe()?, "early October 1980");
/// # Ok::<(), relations::Error>(())
/// ```
pub struct Time {
    raw: NonNull<sys::rel_time>,
}

// SAFETY: time.h: "a rel_time is immutable; any number of threads may read
// one at once", and it uses the C library's allocator (common.h: "times
// made by rel_time_parse() and rel_time_copy() use the C library's
// allocator"), which may free from any thread. relations.h: "There is no
// global state".
unsafe impl Send for Time {}
// SAFETY: as above: immutable, read-only functions only through &Time.
unsafe impl Sync for Time {}

/// A time borrowed from a knowledge base (an event's time, a claim's
/// value) or from a [`Time`]; valid for `'a`.
#[derive(Clone, Copy)]
pub struct TimeRef<'a> {
    raw: NonNull<sys::rel_time>,
    _owner: PhantomData<&'a sys::rel_time>,
}

// SAFETY: a TimeRef only calls read functions on an immutable rel_time
// (time.h: "any number of threads may read one at once") that its owner
// (a KnowledgeBase or a Time, both borrowed for 'a) keeps alive and
// unchanged: replacing an event's time is a write call, which needs
// `&mut KnowledgeBase` and so cannot overlap the borrow.
unsafe impl Send for TimeRef<'_> {}
// SAFETY: as above.
unsafe impl Sync for TimeRef<'_> {}

/// Anything that lends a time: [`Time`] and [`TimeRef`].
pub trait AsTimeRef {
    /// The borrowed time.
    fn as_time_ref(&self) -> TimeRef<'_>;
}

impl AsTimeRef for Time {
    fn as_time_ref(&self) -> TimeRef<'_> {
        TimeRef {
            raw: self.raw,
            _owner: PhantomData,
        }
    }
}

impl AsTimeRef for TimeRef<'_> {
    fn as_time_ref(&self) -> TimeRef<'_> {
        *self
    }
}

/// The bounds of a time as day numbers (days since 1970-01-01, proleptic
/// Gregorian, astronomical years), inclusive at both ends.
///
/// When a kind is not [`BoundKind::Day`] the values are `i64::MIN` (lower
/// side) or `i64::MAX` (upper side).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bounds {
    /// Earliest day the expression names.
    pub strict_lo: i64,
    /// Latest day the expression names.
    pub strict_hi: i64,
    /// Earliest day once uncertainty and approximation are allowed for.
    pub fuzzy_lo: i64,
    /// Latest day once uncertainty and approximation are allowed for.
    pub fuzzy_hi: i64,
    /// How both lower values are known.
    pub lo_kind: BoundKind,
    /// How both upper values are known.
    pub hi_kind: BoundKind,
}

impl Time {
    /// Parses an expression such as `START 1980-10`, `198X`, `1971/1972`,
    /// `BEFORE 1979` or `MORE_THAN -P1600Y @2020`.
    ///
    /// Errors: [`Status::Syntax`](crate::Status::Syntax) (with the byte
    /// offset in [`Error::offset`]), [`Status::Range`](crate::Status::Range)
    /// for a date out of range such as `1985-02-30`.
    pub fn parse(expr: &str) -> Result<Time> {
        let (p, len) = input(expr.as_bytes());
        let mut out = ptr::null_mut();
        let mut err = blank();
        // SAFETY: p/len describe `expr`; out and err are valid outputs.
        let status = unsafe { sys::rel_time_parse(&mut out, p, len, &mut err) };
        if status != sys::REL_OK {
            return Err(Error::from_raw(&err, status));
        }
        NonNull::new(out)
            .map(|raw| Time { raw })
            .ok_or_else(|| Error::from_status(sys::REL_ERR_NOMEM, "parse time"))
    }

    /// Copies a time (`rel_time_copy()`), reporting allocation failure.
    pub fn try_clone(&self) -> Result<Time> {
        self.as_time_ref().to_time()
    }

    /// The owned C object, for calls into `relations-sys`.
    pub fn as_ptr(&self) -> *const sys::rel_time {
        self.raw.as_ptr()
    }
}

impl Drop for Time {
    fn drop(&mut self) {
        // SAFETY: we own the time, made by rel_time_parse() or rel_time_copy().
        unsafe { sys::rel_time_free(self.raw.as_ptr()) }
    }
}

impl Clone for Time {
    /// Copies the time; panics only if memory runs out.
    fn clone(&self) -> Time {
        self.try_clone().expect("rel_time_copy failed")
    }
}

impl<'a> TimeRef<'a> {
    /// Wraps a time the library lends; `None` for NULL.
    ///
    /// # Safety
    /// `raw` must be NULL or a time that stays valid and unchanged for `'a`.
    pub(crate) unsafe fn from_raw(raw: *const sys::rel_time) -> Option<TimeRef<'a>> {
        NonNull::new(raw as *mut sys::rel_time).map(|raw| TimeRef {
            raw,
            _owner: PhantomData,
        })
    }

    /// The C object, for calls into `relations-sys`.
    pub fn as_ptr(&self) -> *const sys::rel_time {
        self.raw.as_ptr()
    }

    /// An owned copy that can outlive the owner (`rel_time_copy()`).
    pub fn to_time(&self) -> Result<Time> {
        let mut out = ptr::null_mut();
        // SAFETY: a live time and a valid output.
        let status = unsafe { sys::rel_time_copy(&mut out, self.as_ptr()) };
        check(status, "copy time")?;
        NonNull::new(out)
            .map(|raw| Time { raw })
            .ok_or_else(|| Error::from_status(sys::REL_ERR_NOMEM, "copy time"))
    }

    /// The canonical text; parsing it gives an equal time.
    pub fn format(&self) -> Result<String> {
        // SAFETY: a live time; buf/cap/len are provided by snprintf_string.
        snprintf_string("format time", |buf, cap, len| unsafe {
            sys::rel_time_format(self.as_ptr(), buf, cap, len)
        })
    }

    /// An English reading, such as "early October 1980" or "the 1980s".
    pub fn describe(&self) -> Result<String> {
        // SAFETY: as for format().
        snprintf_string("describe time", |buf, cap, len| unsafe {
            sys::rel_time_describe(self.as_ptr(), buf, cap, len)
        })
    }

    /// The modifier.
    pub fn modifier(&self) -> TimeModifier {
        // SAFETY: a live time.
        TimeModifier::from_raw(unsafe { sys::rel_time_mod(self.as_ptr()) })
    }

    /// Whether the time is relative (a duration from an anchor).
    pub fn is_relative(&self) -> bool {
        // SAFETY: a live time.
        unsafe { sys::rel_time_is_relative(self.as_ptr()) != 0 }
    }

    /// The strict and fuzzy bounds.
    pub fn bounds(&self) -> Bounds {
        let mut b = sys::rel_time_bounds {
            strict_lo: 0,
            strict_hi: 0,
            fuzzy_lo: 0,
            fuzzy_hi: 0,
            lo_kind: 0,
            hi_kind: 0,
        };
        // SAFETY: a live time and a valid output.
        let status = unsafe { sys::rel_time_get_bounds(self.as_ptr(), &mut b) };
        assert_eq!(
            status,
            sys::REL_OK,
            "rel_time_get_bounds failed on valid arguments"
        );
        Bounds {
            strict_lo: b.strict_lo,
            strict_hi: b.strict_hi,
            fuzzy_lo: b.fuzzy_lo,
            fuzzy_hi: b.fuzzy_hi,
            lo_kind: BoundKind::from_raw(b.lo_kind),
            hi_kind: BoundKind::from_raw(b.hi_kind),
        }
    }

    /// Whether two times may overlap: their fuzzy spans meet.
    pub fn overlaps(&self, other: &impl AsTimeRef) -> bool {
        // SAFETY: two live times.
        unsafe { sys::rel_time_overlaps(self.as_ptr(), other.as_time_ref().as_ptr()) != 0 }
    }

    /// Whether the time falls in the window of days `lo..=hi`.
    pub fn in_window(&self, lo: i64, hi: i64, semantics: Window) -> bool {
        // SAFETY: a live time.
        unsafe { sys::rel_time_in_window(self.as_ptr(), lo, hi, semantics.as_raw()) != 0 }
    }

    /// Timeline order (`rel_time_compare()`): fuzzy_lo, strict_lo,
    /// strict_hi, fuzzy_hi, then the canonical text; total and stable.
    pub fn compare(&self, other: &impl AsTimeRef) -> Ordering {
        // SAFETY: two live times.
        unsafe { sys::rel_time_compare(self.as_ptr(), other.as_time_ref().as_ptr()) }.cmp(&0)
    }
}

/// Forwards the reading methods of [`TimeRef`] to [`Time`].
macro_rules! forward {
    ($( $(#[$m:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty; )*) => {
        impl Time {
            $( $(#[$m])* pub fn $name(&self $(, $arg: $ty)*) -> $ret { self.as_time_ref().$name($($arg),*) } )*
        }
    };
}

forward! {
    /// The canonical text; see [`TimeRef::format`].
    fn format(&self) -> Result<String>;
    /// An English reading; see [`TimeRef::describe`].
    fn describe(&self) -> Result<String>;
    /// The modifier.
    fn modifier(&self) -> TimeModifier;
    /// Whether the time is relative.
    fn is_relative(&self) -> bool;
    /// The strict and fuzzy bounds.
    fn bounds(&self) -> Bounds;
    /// Whether the window of days `lo..=hi` holds the time; see [`TimeRef::in_window`].
    fn in_window(&self, lo: i64, hi: i64, semantics: Window) -> bool;
}

impl Time {
    /// Whether two times may overlap; see [`TimeRef::overlaps`].
    pub fn overlaps(&self, other: &impl AsTimeRef) -> bool {
        self.as_time_ref().overlaps(other)
    }

    /// Timeline order; see [`TimeRef::compare`].
    pub fn compare(&self, other: &impl AsTimeRef) -> Ordering {
        self.as_time_ref().compare(other)
    }
}

macro_rules! traits {
    ($ty:ty) => {
        impl fmt::Display for $ty {
            /// The canonical text.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.format().map_err(|_| fmt::Error)?)
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.format() {
                    Ok(s) => f.debug_tuple(stringify!($ty)).field(&s).finish(),
                    Err(_) => f
                        .debug_tuple(stringify!($ty))
                        .field(&self.as_ptr())
                        .finish(),
                }
            }
        }

        impl PartialEq for $ty {
            /// Equal in timeline order: same bounds and same canonical text.
            fn eq(&self, other: &Self) -> bool {
                self.compare(other) == Ordering::Equal
            }
        }

        impl Eq for $ty {}

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> Ordering {
                self.compare(other)
            }
        }
    };
}
traits!(Time);
traits!(TimeRef<'_>);

/// The day number of a calendar date (proleptic Gregorian, astronomical
/// years; day 0 is 1970-01-01). [`Status::Range`](crate::Status::Range)
/// for an invalid date.
pub fn day_from_date(year: i64, month: i32, day: i32) -> Result<i64> {
    let mut out = 0i64;
    // SAFETY: a valid output.
    check(
        unsafe { sys::rel_day_from_date(year, month, day, &mut out) },
        "day from date",
    )?;
    Ok(out)
}

/// The calendar date `(year, month, day)` of a day number.
pub fn date_from_day(days: i64) -> Result<(i64, i32, i32)> {
    let (mut y, mut m, mut d) = (0i64, 0i32, 0i32);
    // SAFETY: valid outputs.
    check(
        unsafe { sys::rel_date_from_day(days, &mut y, &mut m, &mut d) },
        "date from day",
    )?;
    Ok((y, m, d))
}
