// SPDX-License-Identifier: MIT
//! The iterator behind every walk by index.

use std::fmt;
use std::iter::FusedIterator;

/// Walks `0..count` of an owner (a knowledge base, a claim, a diff...),
/// yielding what `get(owner, i)` gives.
///
/// The counts cannot change while the iterator lives (it borrows its
/// owner, and nothing can be added to a knowledge base while anything
/// borrows it), so the iterator knows its exact length.
pub struct IndexIter<O, T> {
    owner: O,
    front: usize,
    back: usize,
    get: fn(O, usize) -> Option<T>,
}

impl<O: Copy, T> IndexIter<O, T> {
    pub(crate) fn new(owner: O, count: usize, get: fn(O, usize) -> Option<T>) -> Self {
        IndexIter {
            owner,
            front: 0,
            back: count,
            get,
        }
    }
}

impl<O: Copy, T> Iterator for IndexIter<O, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.front >= self.back {
            return None;
        }
        let item = (self.get)(self.owner, self.front);
        self.front += 1;
        if item.is_none() {
            // Only if the library broke its own count; stop cleanly.
            self.front = self.back;
        }
        item
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }

    fn nth(&mut self, n: usize) -> Option<T> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }
}

impl<O: Copy, T> DoubleEndedIterator for IndexIter<O, T> {
    fn next_back(&mut self) -> Option<T> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        let item = (self.get)(self.owner, self.back);
        if item.is_none() {
            self.back = self.front;
        }
        item
    }
}

impl<O: Copy, T> ExactSizeIterator for IndexIter<O, T> {}

impl<O: Copy, T> FusedIterator for IndexIter<O, T> {}

impl<O: Copy, T> Clone for IndexIter<O, T> {
    fn clone(&self) -> Self {
        IndexIter {
            owner: self.owner,
            front: self.front,
            back: self.back,
            get: self.get,
        }
    }
}

impl<O, T> fmt::Debug for IndexIter<O, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IndexIter")
            .field("front", &self.front)
            .field("back", &self.back)
            .finish()
    }
}

/// Defines a borrowed view of a C object owned by a knowledge base.
///
/// A view is a pointer plus the lifetime `'kb` of a shared borrow of the
/// [`KnowledgeBase`](crate::KnowledgeBase); it compares equal to another
/// view when both point at the same object.
macro_rules! view {
    ($(#[$meta:meta])* $name:ident, $raw:ty) => {
        $(#[$meta])*
        #[derive(Clone, Copy)]
        pub struct $name<'kb> {
            raw: std::ptr::NonNull<$raw>,
            _kb: std::marker::PhantomData<&'kb crate::KnowledgeBase>,
        }

        // SAFETY: relations.h: "any number of threads may call read
        // functions (every function taking a `const rel_kb *` or a borrowed
        // object) on one knowledge base at once, while a function that
        // writes to a knowledge base (the builder calls and rel_kb_free())
        // needs the caller's lock, excluding every other call on that
        // knowledge base". A view only ever calls read functions, and it
        // holds a shared borrow of its KnowledgeBase for 'kb, so no write
        // (`&mut KnowledgeBase`) or free (drop) can happen while it exists,
        // on any thread. It is therefore as thread-safe as
        // `&'kb KnowledgeBase`, which is Send + Sync.
        unsafe impl Send for $name<'_> {}
        // SAFETY: as for Send above.
        unsafe impl Sync for $name<'_> {}

        impl<'kb> $name<'kb> {
            /// Wraps a pointer the library returned; `None` for NULL.
            ///
            /// # Safety
            /// `raw` must be NULL or an object owned by a knowledge base that
            /// is borrowed (shared) for `'kb`.
            pub(crate) unsafe fn from_raw(raw: *const $raw) -> Option<Self> {
                std::ptr::NonNull::new(raw as *mut $raw)
                    .map(|raw| $name { raw, _kb: std::marker::PhantomData })
            }

            /// The C object, for calls into `relations-sys`. It stays valid
            /// for `'kb`; only read functions may be called on it.
            pub fn as_ptr(&self) -> *const $raw {
                self.raw.as_ptr()
            }
        }

        impl PartialEq for $name<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.raw == other.raw
            }
        }

        impl Eq for $name<'_> {}

        impl std::hash::Hash for $name<'_> {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.raw.hash(state)
            }
        }
    };
}
pub(crate) use view;
