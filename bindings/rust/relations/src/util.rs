// SPDX-License-Identifier: MIT
//! Small helpers for crossing the FFI boundary.

use std::ffi::{c_char, CStr};
use std::ptr;

use relations_sys as sys;

use crate::error::{Error, Result};

/// A string input as the C API takes it: a pointer and a byte length.
///
/// A Rust slice is never `REL_NTS` long (no slice exceeds `isize::MAX`
/// bytes), so lengths are always taken literally. An empty slice's pointer
/// may dangle, so an empty input points at a static byte instead.
pub(crate) fn input(bytes: &[u8]) -> (*const c_char, usize) {
    static EMPTY: [u8; 1] = [0];
    if bytes.is_empty() {
        (EMPTY.as_ptr().cast(), 0)
    } else {
        (bytes.as_ptr().cast(), bytes.len())
    }
}

/// An optional string input: NULL (and length 0) when absent.
pub(crate) fn input_opt(bytes: Option<&[u8]>) -> (*const c_char, usize) {
    match bytes {
        Some(b) => input(b),
        None => (ptr::null(), 0),
    }
}

/// Checks that text the library hands out is UTF-8.
///
/// The library guarantees it (every builder call and the JSON reader refuse
/// text that is not), so a failure here is a bug in the C library; it is
/// reported as a panic with a clear message rather than undefined behaviour.
#[track_caller]
pub(crate) fn utf8<'a>(bytes: &'a [u8], what: &str) -> &'a str {
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => panic!(
            "librelations returned a {what} that is not valid UTF-8 ({e}); \
             the library guarantees UTF-8, so this is a bug in librelations"
        ),
    }
}

/// A string output: `ptr` and `len` as a getter returned them; NULL is `None`.
///
/// # Safety
/// `ptr` must be NULL or point at `len` readable bytes that live for `'a`.
#[track_caller]
pub(crate) unsafe fn output<'a>(ptr: *const c_char, len: usize, what: &str) -> Option<&'a str> {
    if ptr.is_null() {
        None
    } else {
        // SAFETY: the caller guarantees `len` readable bytes at `ptr` for 'a.
        Some(utf8(
            unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) },
            what,
        ))
    }
}

/// Calls a getter of the form `const char *f(const T *obj, size_t *len)`.
///
/// # Safety
/// `obj` must be valid for `f`, and what `f` returns must live for `'a`.
#[track_caller]
pub(crate) unsafe fn get_str<'a, T>(
    f: unsafe extern "C" fn(*const T, *mut usize) -> *const c_char,
    obj: *const T,
    what: &str,
) -> Option<&'a str> {
    let mut len = 0usize;
    // SAFETY: the caller guarantees `obj` is valid for `f` and what it returns lives for 'a.
    unsafe {
        let p = f(obj, &mut len);
        output(p, len, what)
    }
}

/// A static NUL-terminated string (names of codes); NULL is `None`.
///
/// # Safety
/// `ptr` must be NULL or a NUL-terminated string with static lifetime.
pub(crate) unsafe fn static_str(ptr: *const c_char) -> Option<&'static str> {
    if ptr.is_null() {
        None
    } else {
        // SAFETY: the caller guarantees a static NUL-terminated string.
        Some(utf8(unsafe { CStr::from_ptr(ptr) }.to_bytes(), "name"))
    }
}

/// `Ok(())` for `REL_OK`, else an error with the status's description.
pub(crate) fn check(status: sys::rel_status, context: &str) -> Result<()> {
    if status == sys::REL_OK {
        Ok(())
    } else {
        Err(Error::from_status(status, context))
    }
}

/// A byte offset the library returned, as `usize`.
///
/// Offsets point into text held in memory, so they always fit.
pub(crate) fn offset(value: u64) -> usize {
    usize::try_from(value).expect("librelations returned an offset beyond the address space")
}

/// Calls a function with the snprintf() contract of the library
/// (`f(buf, cap, &len)`: writes at most `cap` bytes with a NUL, always
/// reports the full length, `REL_ERR_RANGE` when it did not fit) and
/// returns the whole text.
pub(crate) fn snprintf_string(
    what: &str,
    mut f: impl FnMut(*mut c_char, usize, *mut usize) -> sys::rel_status,
) -> Result<String> {
    let mut needed = 0usize;
    let status = f(ptr::null_mut(), 0, &mut needed);
    if status != sys::REL_OK && status != sys::REL_ERR_RANGE {
        return Err(Error::from_status(status, what));
    }
    loop {
        let mut buf = vec![0u8; needed + 1];
        let mut len = 0usize;
        let status = f(buf.as_mut_ptr().cast(), buf.len(), &mut len);
        if status == sys::REL_ERR_RANGE && len > needed {
            needed = len; // cannot happen for immutable inputs; retry anyway
            continue;
        }
        check(status, what)?;
        buf.truncate(len);
        return String::from_utf8(buf).map_err(|e| {
            Error::new(
                crate::Status::Utf8,
                format!("{what}: librelations wrote text that is not valid UTF-8 ({e})"),
            )
        });
    }
}
