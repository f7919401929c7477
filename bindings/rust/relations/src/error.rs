// SPDX-License-Identifier: MIT
//! Status codes and the error type.

use std::ffi::CStr;
use std::fmt;

use relations_sys as sys;

use crate::enums::c_enum;

c_enum! {
    /// A status code of the C library (`rel_status`).
    ///
    /// [`Status::Unknown`] holds any value this version of the crate does
    /// not know, unchanged.
    Status {
        /// Success (`REL_OK`).
        Ok = sys::REL_OK,
        /// An iteration is over; not an error (`REL_DONE`).
        Done = sys::REL_DONE,
        /// A NULL or otherwise invalid argument (`REL_ERR_ARG`).
        Arg = sys::REL_ERR_ARG,
        /// An allocation failed (`REL_ERR_NOMEM`).
        NoMem = sys::REL_ERR_NOMEM,
        /// An id, prefix, alias or quote matched nothing (`REL_ERR_NOT_FOUND`).
        NotFound = sys::REL_ERR_NOT_FOUND,
        /// A file could not be read or written (`REL_ERR_IO`).
        Io = sys::REL_ERR_IO,
        /// Malformed JSON or a malformed time expression (`REL_ERR_SYNTAX`).
        Syntax = sys::REL_ERR_SYNTAX,
        /// Text that is not valid UTF-8 (`REL_ERR_UTF8`).
        Utf8 = sys::REL_ERR_UTF8,
        /// A span or number outside its allowed range (`REL_ERR_RANGE`).
        Range = sys::REL_ERR_RANGE,
        /// An id that is already taken (`REL_ERR_DUPLICATE`).
        Duplicate = sys::REL_ERR_DUPLICATE,
        /// A reference to an id that does not exist or is of the wrong kind (`REL_ERR_REFERENCE`).
        Reference = sys::REL_ERR_REFERENCE,
        /// Well-formed JSON of the wrong shape (`REL_ERR_SCHEMA`).
        Schema = sys::REL_ERR_SCHEMA,
        /// A prefix or quote that matches more than one thing (`REL_ERR_AMBIGUOUS`).
        Ambiguous = sys::REL_ERR_AMBIGUOUS,
        /// An evidence text that differs from the source bytes it points at (`REL_ERR_MISMATCH`).
        Mismatch = sys::REL_ERR_MISMATCH,
        /// Input beyond a documented limit (`REL_ERR_LIMIT`).
        Limit = sys::REL_ERR_LIMIT,
        /// A file that is not a snapshot, of another format version or
        /// machine, or corrupted (`REL_ERR_FORMAT`).
        Format = sys::REL_ERR_FORMAT,
        /// A write to a knowledge base opened read-only, from a snapshot
        /// (`REL_ERR_READ_ONLY`).
        ReadOnly = sys::REL_ERR_READ_ONLY,
        /// A progress callback asked to stop (`REL_ERR_CANCELLED`).
        Cancelled = sys::REL_ERR_CANCELLED,
    }
}

impl Status {
    /// The library's short description of the status (`rel_status_str()`),
    /// "unknown status" for values it does not know.
    pub fn description(self) -> &'static str {
        // SAFETY: rel_status_str() accepts any value and returns a static string.
        unsafe { crate::util::static_str(sys::rel_status_str(self.as_raw())) }
            .unwrap_or("unknown status")
    }

    /// Whether the status is an error (negative).
    pub fn is_error(self) -> bool {
        self.as_raw() < 0
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// Why a call failed: the status and, where the library gives them, a
/// message and the place in the input (a `rel_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What kind of failure.
    pub status: Status,
    /// What went wrong, in English (at worst the status's description).
    pub message: String,
    /// 1-based line in the input, or 0 when it does not apply.
    pub line: u32,
    /// 1-based column (in bytes) in the input, or 0 when it does not apply.
    pub column: u32,
    /// 0-based byte offset in the input (meaningful when `line` is set).
    pub offset: u64,
    /// The file the input came from, or empty.
    pub file: String,
}

/// The result of a fallible call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error with a status and a message, no position.
    pub fn new(status: Status, message: impl Into<String>) -> Error {
        let mut message = message.into();
        if message.is_empty() {
            message = status.description().to_owned();
        }
        Error {
            status,
            message,
            line: 0,
            column: 0,
            offset: 0,
            file: String::new(),
        }
    }

    /// An error for a call that returns a status but fills no `rel_error`:
    /// the status's description, after `context` when there is one.
    pub(crate) fn from_status(status: sys::rel_status, context: &str) -> Error {
        let status = Status::from_raw(status);
        if context.is_empty() {
            Error::new(status, "")
        } else {
            Error::new(status, format!("{context}: {}", status.description()))
        }
    }

    /// Copies a `rel_error` the library filled. `returned` is the status the
    /// call returned, used when the record holds none.
    pub(crate) fn from_raw(raw: &sys::rel_error, returned: sys::rel_status) -> Error {
        let status = if raw.status != sys::REL_OK {
            raw.status
        } else {
            returned
        };
        let mut e = Error::new(Status::from_raw(status), c_array(&raw.message));
        e.line = raw.line;
        e.column = raw.column;
        e.offset = raw.offset;
        e.file = c_array(&raw.file);
        e
    }
}

/// The NUL-terminated text of a fixed-size `char` array, lossily decoded
/// (a message cut at the array's size may end inside a character).
fn c_array(chars: &[std::ffi::c_char]) -> String {
    // SAFETY: c_char and u8 have the same size and alignment.
    let bytes = unsafe { std::slice::from_raw_parts(chars.as_ptr().cast::<u8>(), chars.len()) };
    let text = match CStr::from_bytes_until_nul(bytes) {
        Ok(s) => s.to_bytes(),
        Err(_) => bytes,
    };
    String::from_utf8_lossy(text).into_owned()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.file.is_empty() {
            write!(f, "{}:", self.file)?;
        }
        if self.line > 0 {
            write!(f, "{}:{}:", self.line, self.column)?;
        }
        if !self.file.is_empty() || self.line > 0 {
            f.write_str(" ")?;
        }
        f.write_str(&self.message)?;
        if !self.message.ends_with(self.status.description()) {
            write!(f, " ({})", self.status)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// A zeroed `rel_error` to pass to a call (a valid value: integers and char arrays).
pub(crate) fn blank() -> sys::rel_error {
    // SAFETY: every field of rel_error is an integer or an array of them.
    unsafe { std::mem::zeroed() }
}
