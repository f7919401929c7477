// SPDX-License-Identifier: MIT
//! Raw FFI bindings to librelations, the C library of entities, events and
//! claims tied to the exact words of their sources.
//!
//! Everything here mirrors `include/relations.h` one to one and is
//! `unsafe` to call; the `relations` crate is the safe wrapper. The items
//! come from `src/bindings.rs`, which `generate.sh` makes with Debian's
//! `bindgen` and `check-bindings.sh` verifies against the header.
//!
//! Two things of the header are not in the generated file, because bindgen
//! cannot express them, and are written here by hand:
//!
//! - [`REL_NTS`], `((size_t)-1)`: bindgen does not evaluate casts in macros;
//! - the static initialisers (`REL_KB_OPTIONS_INIT`, `REL_SOURCE_SPEC_INIT`,
//!   `REL_CLAIM_SPEC_INIT`, `REL_QUERY_OPTIONS_INIT`), which are brace
//!   lists: use [`rel_kb_options_init`], [`rel_source_spec_init`],
//!   [`rel_claim_spec_init`] and [`rel_query_options_init`], or build the
//!   structs field by field.
//!
//! The enumerations are `int32_t` on the C side wherever they cross the
//! API (functions return and take `int32_t`, not the enum type), while
//! bindgen gives each enum's constants the enum's own underlying type
//! (`c_uint` for enums without negative values); cast with `as i32`.

#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case)]
#![allow(clippy::all)]
// The doc comments are Doxygen's (`@param[in]`, `#REL_OK`), not rustdoc's.
#![allow(
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::bare_urls
)]

include!("bindings.rs");

/// Length marker for string inputs: "read up to the first NUL" (`REL_NTS`,
/// `((size_t)-1)` in `relations/common.h`).
pub const REL_NTS: usize = usize::MAX;

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn version_matches_header() {
        let v = unsafe { rel_version_number() };
        assert_eq!(v as u32, REL_VERSION_NUMBER);
        let s = unsafe { CStr::from_ptr(rel_version_string()) };
        assert_eq!(s.to_bytes_with_nul(), REL_VERSION_STRING);
    }

    #[test]
    fn nts_means_nul_terminated() {
        let mut kind = -1;
        let st =
            unsafe { rel_entity_kind_from_name(b"state\0".as_ptr().cast(), REL_NTS, &mut kind) };
        assert_eq!(st, REL_OK);
        assert_eq!(kind, REL_ENTITY_STATE as i32);
    }

    #[test]
    fn open_builtin_and_count() {
        let mut kb = std::ptr::null_mut();
        let mut err = std::mem::MaybeUninit::<rel_error>::uninit();
        let st = unsafe { rel_kb_open_builtin(&mut kb, std::ptr::null(), err.as_mut_ptr()) };
        assert_eq!(st, REL_OK);
        assert!(!kb.is_null());
        unsafe {
            assert_eq!(rel_kb_source_count(kb), 3);
            assert!(rel_kb_claim_count(kb) >= 81);
            rel_kb_free(kb);
        }
    }

    #[test]
    fn options_init() {
        let mut opts = std::mem::MaybeUninit::<rel_kb_options>::uninit();
        let st = unsafe { rel_kb_options_init(opts.as_mut_ptr(), REL_KB_OPTIONS_VERSION) };
        assert_eq!(st, REL_OK);
        let opts = unsafe { opts.assume_init() };
        assert_eq!(opts.version, REL_KB_OPTIONS_VERSION);
        assert!(opts.base_dir.is_null());
        assert!(opts.allocator.malloc.is_none());
        assert!(opts.progress.is_none());
        assert!(opts.progress_payload.is_null());
    }

    #[test]
    fn query_options_init_and_a_query() {
        let mut opts = std::mem::MaybeUninit::<rel_query_options>::uninit();
        let st = unsafe { rel_query_options_init(opts.as_mut_ptr(), REL_QUERY_OPTIONS_VERSION) };
        assert_eq!(st, REL_OK);
        let mut opts = unsafe { opts.assume_init() };
        assert_eq!(opts.target, REL_QUERY_EVENTS as i32);
        assert_eq!(opts.entity_kind, REL_QUERY_ANY_KIND);
        assert_eq!(opts.window_semantics, REL_WINDOW_POSSIBLE as i32);
        assert!(opts.actor.is_null() && opts.text.is_null());
        opts.target = REL_QUERY_ENTITIES as i32;
        opts.alias = b"north\0".as_ptr().cast();
        opts.alias_match = REL_MATCH_PREFIX as i32;
        unsafe {
            let mut kb = std::ptr::null_mut();
            assert_eq!(
                rel_kb_open_builtin(&mut kb, std::ptr::null(), std::ptr::null_mut()),
                REL_OK
            );
            let mut q = std::ptr::null_mut();
            assert_eq!(
                rel_query_new(&mut q, kb, &opts, std::ptr::null_mut()),
                REL_OK
            );
            let mut n = 0usize;
            assert_eq!(rel_query_count(q, &mut n), REL_OK);
            assert_eq!(n, 4);
            assert!(rel_kb_index_size(kb) > 0);
            rel_query_free(q);
            rel_kb_free(kb);
        }
    }
}
