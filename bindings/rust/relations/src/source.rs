// SPDX-License-Identifier: MIT
//! Sources (document versions) and evidence (spans of them).

use std::fmt;
use std::ops::Range;

use relations_sys as sys;

use crate::error::{Error, Result, Status};
use crate::iter::view;
use crate::util::{get_str, input, input_opt, offset, output};

view! {
    /// One version of one document: an id, its full UTF-8 text and optional
    /// metadata. Borrowed from its [`KnowledgeBase`](crate::KnowledgeBase).
    Source, sys::rel_source
}

impl<'kb> Source<'kb> {
    fn field(
        &self,
        f: unsafe extern "C" fn(*const sys::rel_source, *mut usize) -> *const std::ffi::c_char,
        what: &str,
    ) -> Option<&'kb str> {
        // SAFETY: self.raw is a live source for 'kb; f is one of its getters,
        // whose strings live until rel_kb_free().
        unsafe { get_str(f, self.as_ptr(), what) }
    }

    /// The id, such as "000_d477b4b9c20a8e87".
    pub fn id(&self) -> &'kb str {
        self.field(sys::rel_source_id, "source id").unwrap_or("")
    }

    /// The full text; every evidence offset points into it.
    pub fn text(&self) -> &'kb str {
        self.field(sys::rel_source_text, "source text")
            .unwrap_or("")
    }

    /// The title, such as "Iran–North Korea relations".
    pub fn title(&self) -> Option<&'kb str> {
        self.field(sys::rel_source_title, "source title")
    }

    /// A short label that tells versions apart, such as "later version".
    pub fn label(&self) -> Option<&'kb str> {
        self.field(sys::rel_source_label, "source label")
    }

    /// The language of the text as a BCP 47 tag, such as "en".
    pub fn lang(&self) -> Option<&'kb str> {
        self.field(sys::rel_source_lang, "source language")
    }

    /// The date of this version, as an EDTF date.
    pub fn date(&self) -> Option<&'kb str> {
        self.field(sys::rel_source_date, "source date")
    }

    /// Where the version was published.
    pub fn url(&self) -> Option<&'kb str> {
        self.field(sys::rel_source_url, "source URL")
    }

    /// The licence of the text, such as "CC BY-SA 4.0".
    pub fn licence(&self) -> Option<&'kb str> {
        self.field(sys::rel_source_licence, "source licence")
    }

    /// The file the text was read from, as given in the JSON.
    pub fn path(&self) -> Option<&'kb str> {
        self.field(sys::rel_source_path, "source path")
    }

    /// The version this one revises.
    pub fn revises(&self) -> Option<Source<'kb>> {
        // SAFETY: a live source; the result is owned by the same knowledge base.
        unsafe { Source::from_raw(sys::rel_source_revises(self.as_ptr())) }
    }

    /// The position of the source in its knowledge base
    /// ([`KnowledgeBase::source_at`](crate::KnowledgeBase::source_at)).
    pub fn index(&self) -> usize {
        // SAFETY: a live source.
        unsafe { sys::rel_source_index(self.as_ptr()) }
    }

    /// Finds where a quotation stands: the byte range of its exact words.
    ///
    /// `Ok(None)` if it stands nowhere; an error with [`Status::Ambiguous`]
    /// if it fits several places, [`Status::Arg`] if the exact words are
    /// empty, [`Status::Utf8`] if a part is not valid UTF-8.
    pub fn find_quote(&self, quote: &Quote<'_>) -> Result<Option<Range<usize>>> {
        let raw = quote.to_raw();
        let (mut start, mut end) = (0u64, 0u64);
        // SAFETY: a live source; raw points into the text `quote` borrows, which outlives the call.
        let status =
            unsafe { sys::rel_source_find_quote(self.as_ptr(), &raw, &mut start, &mut end) };
        match status {
            sys::REL_OK => Ok(Some(offset(start)..offset(end))),
            sys::REL_ERR_NOT_FOUND => Ok(None),
            _ => Err(Error::from_status(status, "find quote")),
        }
    }
}

impl fmt::Debug for Source<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Source").field(&self.id()).finish()
    }
}

/// A quotation that locates evidence by its words (the W3C Web Annotation
/// TextQuoteSelector): the exact words, optionally with the text right
/// before and after them to tell several places apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote<'a> {
    /// The quoted words (non-empty); only they become the span.
    pub exact: &'a [u8],
    /// The text right before, if needed.
    pub prefix: Option<&'a [u8]>,
    /// The text right after, if needed.
    pub suffix: Option<&'a [u8]>,
}

impl<'a> Quote<'a> {
    /// A quotation of `exact`, without prefix or suffix.
    pub fn new(exact: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        Quote {
            exact: exact.as_ref(),
            prefix: None,
            suffix: None,
        }
    }

    /// With the text right before the words.
    pub fn prefix(mut self, prefix: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        self.prefix = Some(prefix.as_ref());
        self
    }

    /// With the text right after the words.
    pub fn suffix(mut self, suffix: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        self.suffix = Some(suffix.as_ref());
        self
    }

    /// The C form, pointing into the borrowed text (valid for `'a`).
    pub(crate) fn to_raw(self) -> sys::rel_quote {
        let (exact, exact_len) = input(self.exact);
        let (prefix, prefix_len) = input_opt(self.prefix);
        let (suffix, suffix_len) = input_opt(self.suffix);
        sys::rel_quote {
            exact,
            exact_len,
            prefix,
            prefix_len,
            suffix,
            suffix_len,
        }
    }
}

view! {
    /// A span of a source, byte offsets `[start, end)` on character
    /// boundaries: the exact words that state a fact. Borrowed from its
    /// [`KnowledgeBase`](crate::KnowledgeBase).
    Evidence, sys::rel_evidence
}

impl<'kb> Evidence<'kb> {
    /// The source the span points into.
    pub fn source(&self) -> Source<'kb> {
        // SAFETY: a live evidence; its source is owned by the same knowledge base.
        unsafe { Source::from_raw(sys::rel_evidence_source(self.as_ptr())) }
            .expect("librelations returned evidence without a source")
    }

    /// Byte offset of the first byte of the span.
    pub fn start(&self) -> usize {
        // SAFETY: a live evidence.
        offset(unsafe { sys::rel_evidence_start(self.as_ptr()) })
    }

    /// Byte offset one past the last byte of the span.
    pub fn end(&self) -> usize {
        // SAFETY: a live evidence.
        offset(unsafe { sys::rel_evidence_end(self.as_ptr()) })
    }

    /// The span as byte offsets into [`Source::text`].
    pub fn byte_range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The span as code-point offsets (what Python strings and brat count).
    pub fn char_range(&self) -> Range<usize> {
        let (mut start, mut end) = (0u64, 0u64);
        // SAFETY: a live evidence and two valid outputs.
        let status = unsafe { sys::rel_evidence_codepoints(self.as_ptr(), &mut start, &mut end) };
        assert_eq!(
            Status::from_raw(status),
            Status::Ok,
            "rel_evidence_codepoints failed on valid arguments"
        );
        offset(start)..offset(end)
    }

    /// The exact words of the span: `&self.source().text()[self.byte_range()]`.
    pub fn text(&self) -> &'kb str {
        let mut len = 0usize;
        // SAFETY: a live evidence; the text points into the source's text,
        // `len` bytes long, valid until rel_kb_free().
        unsafe {
            let p = sys::rel_evidence_text(self.as_ptr(), &mut len);
            output(p, len, "evidence text").unwrap_or("")
        }
    }
}

impl fmt::Debug for Evidence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Evidence")
            .field("source", &self.source().id())
            .field("bytes", &self.byte_range())
            .field("text", &self.text())
            .finish()
    }
}
