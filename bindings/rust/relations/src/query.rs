// SPDX-License-Identifier: MIT
//! Queries: the events, claims or entities that meet combined filters.

use std::ffi::{c_char, CString};
use std::fmt;
use std::iter::FusedIterator;
use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use relations_sys as sys;

use crate::claim::Claim;
use crate::entity::Entity;
use crate::enums::{EntityKind, Match, Modality, Window};
use crate::error::{blank, Error, Result, Status};
use crate::event::Event;
use crate::KnowledgeBase;

/// The filters of a query (`rel_query_options`), built step by step.
///
/// Every filter set must hold; a filter not set does not restrict. Which
/// filters apply to which target (a filter that does not apply makes the
/// query fail with [`Status::Arg`]):
///
/// | filter | events | claims | entities |
/// |---|:---:|:---:|:---:|
/// | [`actor`](Self::actor) | takes part | its subject or object is the entity, or an event it takes part in | — |
/// | [`actor2`](Self::actor2) | with `actor`: both take part | — | — |
/// | [`window`](Self::window) | its time meets (or lies in) the window | — | — |
/// | [`event_type`](Self::event_type) | the type or one of its subtypes | — | — |
/// | [`source`](Self::source) | has evidence in it | is stated in it | has evidence in it |
/// | [`claimant`](Self::claimant) | — | the claimant (in `source` if set) | — |
/// | [`modality`](Self::modality) | — | the modality (in `source` if set) | — |
/// | [`about`](Self::about) | — | its subject or object is that object | — |
/// | [`kind`](Self::kind) | — | — | the kind |
/// | [`alias`](Self::alias) | — | — | a name or alias, by [`Match`] |
/// | [`text`](Self::text) | words of its evidence | words of its literals, predicate and evidence | words of its names and evidence |
///
/// Ids and texts are copied into the options; the knowledge base copies
/// them again when it makes the query, so the options can be reused.
///
/// ```
/// use relations::{KnowledgeBase, QueryOptions};
///
/// let kb = KnowledgeBase::builtin()?;
/// let opts = QueryOptions::new().actor("iran").actor2("north-korea").window("1980/1989");
/// let ids: Vec<&str> = kb.query_events(&opts)?.iter().map(|e| e.id()).collect();
/// assert_eq!(ids, ["nk-arms-sales-to-iran", "boeing-flights-1980"]);
/// let certain = kb.query_events(&opts.certain(true))?;
/// assert_eq!(certain.count(), 1);
/// # Ok::<(), relations::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryOptions {
    actor: Option<String>,
    actor2: Option<String>,
    window: Option<String>,
    certain: bool,
    event_type: Option<String>,
    source: Option<String>,
    claimant: Option<String>,
    modality: Option<Modality>,
    about: Option<String>,
    kind: Option<EntityKind>,
    alias: Option<(String, Match)>,
    text: Option<String>,
}

impl QueryOptions {
    /// No filter: every object of the target.
    pub fn new() -> Self {
        Self::default()
    }

    /// Events the entity takes part in; claims whose subject or object is
    /// the entity, or an event it takes part in. Takes the entity's id.
    pub fn actor(mut self, entity_id: &str) -> Self {
        self.actor = Some(entity_id.to_owned());
        self
    }

    /// Events in which this entity takes part too, beside the
    /// [`actor`](Self::actor) (an unordered pair).
    pub fn actor2(mut self, entity_id: &str) -> Self {
        self.actor2 = Some(entity_id.to_owned());
        self
    }

    /// Events whose time meets the window: a time expression
    /// ([`Time::parse`](crate::Time::parse)) whose strict bounds are the
    /// window, such as "1980/1989". With [`certain`](Self::certain) the
    /// whole fuzzy time must lie inside it.
    pub fn window(mut self, expr: &str) -> Self {
        self.window = Some(expr.to_owned());
        self
    }

    /// Whether an event's time must lie wholly inside the window
    /// ([`Window::Certain`]) rather than meet it ([`Window::Possible`],
    /// the default).
    pub fn certain(mut self, certain: bool) -> Self {
        self.certain = certain;
        self
    }

    /// The same as [`certain`](Self::certain), by [`Window`].
    pub fn window_semantics(self, semantics: Window) -> Self {
        self.certain(semantics == Window::Certain)
    }

    /// Events of a type, "AID" (with its subtypes) or "AID.military".
    pub fn event_type(mut self, event_type: &str) -> Self {
        self.event_type = Some(event_type.to_owned());
        self
    }

    /// Objects with evidence in a source (claims stated in it), by its id
    /// or a unique prefix of it ("002").
    pub fn source(mut self, source_id: &str) -> Self {
        self.source = Some(source_id.to_owned());
        self
    }

    /// Claims made by an entity: in the [`source`](Self::source) if one is
    /// set, else by default or in any source that states them.
    pub fn claimant(mut self, entity_id: &str) -> Self {
        self.claimant = Some(entity_id.to_owned());
        self
    }

    /// Claims of a modality, in the [`source`](Self::source) if one is set,
    /// else by default or in any source. [`Modality::None`] means any.
    pub fn modality(mut self, modality: Modality) -> Self {
        self.modality = (modality != Modality::None).then_some(modality);
        self
    }

    /// Claims whose subject or object is the entity, event or claim with this id.
    pub fn about(mut self, id: &str) -> Self {
        self.about = Some(id.to_owned());
        self
    }

    /// Entities of a kind.
    pub fn kind(mut self, kind: EntityKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Entities with a name or alias, compared as `how` says
    /// ([`Match::Prefix`]: the normalised name begins with the normalised text).
    pub fn alias(mut self, name: &str, how: Match) -> Self {
        self.alias = Some((name.to_owned(), how));
        self
    }

    /// Objects whose words include every word of `words`, compared after
    /// [`normalise`](crate::normalise): "Nuclear" finds "nuclear", and
    /// "Iran-Iraq" is the two words "iran" and "iraq".
    pub fn text(mut self, words: &str) -> Self {
        self.text = Some(words.to_owned());
        self
    }
}

/// The C strings of one `rel_query_options`, kept alive until `rel_query_new()` returns.
struct RawOptions {
    raw: sys::rel_query_options,
    _strings: Vec<CString>,
}

impl RawOptions {
    fn new(opts: &QueryOptions, target: i32) -> Result<RawOptions> {
        let mut raw = std::mem::MaybeUninit::<sys::rel_query_options>::uninit();
        // SAFETY: rel_query_options_init() fills every field of a valid pointer.
        let status = unsafe {
            sys::rel_query_options_init(raw.as_mut_ptr(), sys::REL_QUERY_OPTIONS_VERSION)
        };
        crate::util::check(status, "initialise query options")?;
        // SAFETY: initialised by the successful call above.
        let mut raw = unsafe { raw.assume_init() };
        let mut strings = Vec::new();
        let mut put = |name: &str, value: &Option<String>| -> Result<*const c_char> {
            match value {
                None => Ok(ptr::null()),
                Some(s) => {
                    let c = CString::new(s.as_bytes()).map_err(|_| {
                        Error::new(
                            Status::Arg,
                            format!("the {name} filter {s:?} contains a NUL byte"),
                        )
                    })?;
                    // The CString's heap buffer does not move when the CString does.
                    let p = c.as_ptr();
                    strings.push(c);
                    Ok(p)
                }
            }
        };
        raw.target = target;
        raw.actor = put("actor", &opts.actor)?;
        raw.actor2 = put("actor2", &opts.actor2)?;
        raw.window = put("window", &opts.window)?;
        raw.type_ = put("type", &opts.event_type)?;
        raw.source = put("source", &opts.source)?;
        raw.claimant = put("claimant", &opts.claimant)?;
        raw.about = put("about", &opts.about)?;
        raw.alias = put("alias", &opts.alias.as_ref().map(|(name, _)| name.clone()))?;
        raw.text = put("text", &opts.text)?;
        raw.window_semantics = if opts.certain {
            Window::Certain
        } else {
            Window::Possible
        }
        .as_raw();
        if let Some(m) = opts.modality {
            raw.modality = m.as_raw();
        }
        if let Some(k) = opts.kind {
            raw.entity_kind = k.as_raw();
        }
        if let Some((_, how)) = opts.alias {
            raw.alias_match = how.as_raw();
        }
        Ok(RawOptions {
            raw,
            _strings: strings,
        })
    }
}

mod sealed {
    pub trait Sealed {}
}

/// What a query can return: [`Event`], [`Claim`] or [`Entity`].
///
/// Sealed: implemented by those three only, each with its target code and
/// the call that gives its next result.
pub trait QueryItem<'kb>: Sized + sealed::Sealed {
    /// The `rel_query_target_code` of queries for this kind of object.
    const TARGET: i32;

    /// The next result of a query of this target: `Ok(None)` when done.
    ///
    /// # Safety
    /// `q` must be a live query of this target on a knowledge base borrowed for `'kb`.
    #[doc(hidden)]
    unsafe fn next_of(q: *mut sys::rel_query)
        -> std::result::Result<Option<Self>, sys::rel_status>;
}

macro_rules! query_item {
    ($ty:ident, $raw:ty, $target:path, $next:path) => {
        impl sealed::Sealed for $ty<'_> {}

        impl<'kb> QueryItem<'kb> for $ty<'kb> {
            const TARGET: i32 = $target as i32;

            unsafe fn next_of(
                q: *mut sys::rel_query,
            ) -> std::result::Result<Option<Self>, sys::rel_status> {
                let mut out: *const $raw = ptr::null();
                // SAFETY: the caller guarantees a live query of this target; out is valid.
                let status = unsafe { $next(q, &mut out) };
                match status {
                    // SAFETY: the object is owned by the knowledge base, borrowed for 'kb.
                    sys::REL_OK => Ok(unsafe { $ty::from_raw(out) }),
                    sys::REL_DONE => Ok(None),
                    _ => Err(status),
                }
            }
        }
    };
}

query_item!(
    Event,
    sys::rel_event,
    sys::REL_QUERY_EVENTS,
    sys::rel_query_next_event
);
query_item!(
    Claim,
    sys::rel_claim,
    sys::REL_QUERY_CLAIMS,
    sys::rel_query_next_claim
);
query_item!(
    Entity,
    sys::rel_entity,
    sys::REL_QUERY_ENTITIES,
    sys::rel_query_next_entity
);

/// A query of events.
pub type EventQuery<'kb> = Query<'kb, Event<'kb>>;
/// A query of claims.
pub type ClaimQuery<'kb> = Query<'kb, Claim<'kb>>;
/// A query of entities.
pub type EntityQuery<'kb> = Query<'kb, Entity<'kb>>;

/// A query and its position in the results (`rel_query`), made by
/// [`KnowledgeBase::query_events`], [`query_claims`](KnowledgeBase::query_claims),
/// [`query_entities`](KnowledgeBase::query_entities) or
/// [`query`](KnowledgeBase::query).
///
/// Owns its `rel_query` (freed on drop) and borrows the knowledge base,
/// so it cannot outlive it, and the knowledge base cannot be written to
/// (which would drop the indexes the query reads) while it lives:
///
/// ```compile_fail,E0597
/// use relations::{KnowledgeBase, QueryOptions};
/// let query = {
///     let kb = KnowledgeBase::builtin().unwrap();
///     kb.query_events(&QueryOptions::new().actor("iran")).unwrap()
/// }; // kb is freed here
/// println!("{}", query.count());
/// ```
///
/// ```compile_fail,E0502
/// use relations::{EntityKind, KnowledgeBase, QueryOptions};
/// let mut kb = KnowledgeBase::builtin().unwrap();
/// let query = kb.query_events(&QueryOptions::new().actor("iran")).unwrap();
/// kb.add_entity("persia-2", EntityKind::Polity, "Persia").unwrap();
/// println!("{}", query.count());
/// ```
///
/// With the query dropped first, both compile:
///
/// ```
/// use relations::{EntityKind, KnowledgeBase, QueryOptions};
/// let mut kb = KnowledgeBase::builtin()?;
/// let query = kb.query_events(&QueryOptions::new().actor("iran"))?;
/// println!("{}", query.count());
/// drop(query);
/// kb.add_entity("persia-2", EntityKind::Polity, "Persia")?;
/// # Ok::<(), relations::Error>(())
/// ```
///
/// [`iter`](Self::iter) (or `for x in &mut query`) reads the results from
/// the first, in the knowledge base's order; `for x in query` does too,
/// consuming the query. A query is not an iterator itself, so that
/// [`count`](Self::count) counts without reading.
///
/// `Send` but not `Sync`: relations.h lets a query be used by one thread
/// at a time.
pub struct Query<'kb, T> {
    raw: NonNull<sys::rel_query>,
    _kb: PhantomData<&'kb KnowledgeBase>,
    /// Which results it gives; `fn() -> T` so that T's own auto traits do not matter.
    _item: PhantomData<fn() -> T>,
}

// SAFETY: relations.h: "A query is used by one thread at a time; several
// threads may each run their own queries on one knowledge base at once."
// Moving a query to another thread keeps it to one thread at a time; its
// memory comes from the knowledge base's allocator, which this crate
// always leaves at the C library's thread-safe malloc/free. The knowledge
// base is borrowed (shared) for 'kb, and `&KnowledgeBase` is Send. Not
// Sync: `&Query` must not reach two threads at once.
unsafe impl<T> Send for Query<'_, T> {}

impl<T> Drop for Query<'_, T> {
    fn drop(&mut self) {
        // SAFETY: we own the query; the knowledge base is still borrowed, so alive.
        unsafe { sys::rel_query_free(self.raw.as_ptr()) }
    }
}

impl<'kb, T: QueryItem<'kb>> Query<'kb, T> {
    pub(crate) fn new(kb: &'kb KnowledgeBase, opts: &QueryOptions) -> Result<Self> {
        let raw_opts = RawOptions::new(opts, T::TARGET)?;
        let mut out = ptr::null_mut();
        let mut err = blank();
        // SAFETY: a live knowledge base; the options and their strings outlive the call.
        let status = unsafe { sys::rel_query_new(&mut out, kb.as_ptr(), &raw_opts.raw, &mut err) };
        if status != sys::REL_OK {
            // SAFETY: NULL on failure; rel_query_free() accepts it.
            unsafe { sys::rel_query_free(out) };
            return Err(Error::from_raw(&err, status));
        }
        match NonNull::new(out) {
            Some(raw) => Ok(Query {
                raw,
                _kb: PhantomData,
                _item: PhantomData,
            }),
            None => Err(Error::new(Status::NoMem, "query: no query returned")),
        }
    }

    /// The C object, for calls into `relations-sys`.
    pub fn as_ptr(&self) -> *const sys::rel_query {
        self.raw.as_ptr()
    }

    /// How many results there are (`rel_query_count()`), whatever has been read.
    pub fn count(&self) -> usize {
        let mut n = 0usize;
        // SAFETY: a live query; n is valid. It fails only for NULL pointers.
        let status = unsafe { sys::rel_query_count(self.as_ptr(), &mut n) };
        debug_assert_eq!(status, sys::REL_OK);
        n
    }

    /// Starts the results again from the first (`rel_query_reset()`).
    pub fn reset(&mut self) {
        // SAFETY: a live query. It fails only for NULL.
        let status = unsafe { sys::rel_query_reset(self.raw.as_ptr()) };
        debug_assert_eq!(status, sys::REL_OK);
    }

    /// The next result after those already read; `None` when there are no
    /// more. [`iter`](Self::iter) is the usual way to read them.
    pub fn next_result(&mut self) -> Option<T> {
        // SAFETY: a live query of T's target (made by new() with T::TARGET)
        // on a knowledge base borrowed for 'kb. The only failure, a query
        // of another target, cannot happen.
        unsafe { T::next_of(self.raw.as_ptr()) }.ok().flatten()
    }

    /// The results from the first, in the knowledge base's order.
    pub fn iter(&mut self) -> QueryIter<'_, 'kb, T> {
        self.reset();
        QueryIter {
            query: self,
            done: false,
        }
    }
}

/// Events of an event query per year ([`EventQuery::per_year`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct YearCounts {
    /// `(year, count)` in year order, for each year with at least one
    /// event (astronomical years: 0 is 1 BCE).
    pub years: Vec<(i64, u64)>,
    /// Events without a time, or whose time has no known first day ("before 1979").
    pub undated: u64,
}

impl YearCounts {
    /// Every event counted: those of each year and the undated ones.
    pub fn total(&self) -> u64 {
        self.years.iter().map(|&(_, n)| n).sum::<u64>() + self.undated
    }
}

impl<'kb> Query<'kb, Event<'kb>> {
    /// Counts the events per year (`rel_query_count_by_year()`): each in
    /// the year of the first day its time names. Does not move the
    /// position of [`next_result`](Self::next_result).
    ///
    /// ```
    /// use relations::{KnowledgeBase, QueryOptions};
    /// let kb = KnowledgeBase::builtin()?;
    /// let opts = QueryOptions::new().actor("iran").actor2("north-korea").window("1980/1989");
    /// let counts = kb.query_events(&opts)?.per_year()?;
    /// assert_eq!((counts.years, counts.undated), (vec![(1980, 2)], 0));
    /// # Ok::<(), relations::Error>(())
    /// ```
    pub fn per_year(&self) -> Result<YearCounts> {
        let mut len = 0usize;
        let mut undated = 0u64;
        // SAFETY: a live event query; rows may be NULL with cap 0; len and undated are valid.
        let status = unsafe {
            sys::rel_query_count_by_year(self.as_ptr(), ptr::null_mut(), 0, &mut len, &mut undated)
        };
        crate::util::check(status, "count events per year")?;
        loop {
            let mut rows = vec![sys::rel_year_count { year: 0, count: 0 }; len];
            let cap = rows.len();
            // SAFETY: rows has room for cap rows; len and undated are valid.
            let status = unsafe {
                sys::rel_query_count_by_year(
                    self.as_ptr(),
                    if cap == 0 {
                        ptr::null_mut()
                    } else {
                        rows.as_mut_ptr()
                    },
                    cap,
                    &mut len,
                    &mut undated,
                )
            };
            crate::util::check(status, "count events per year")?;
            if len <= cap {
                rows.truncate(len);
                return Ok(YearCounts {
                    years: rows.iter().map(|r| (r.year, r.count)).collect(),
                    undated,
                });
            }
        }
    }
}

impl<T> fmt::Debug for Query<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut n = 0usize;
        // SAFETY: a live query; n is valid.
        unsafe { sys::rel_query_count(self.raw.as_ptr(), &mut n) };
        f.debug_struct("Query")
            .field("target", &std::any::type_name::<T>())
            .field("count", &n)
            .finish()
    }
}

/// The results of a query, read from the first ([`Query::iter`]).
pub struct QueryIter<'q, 'kb, T> {
    query: &'q mut Query<'kb, T>,
    done: bool,
}

impl<'kb, T: QueryItem<'kb>> Iterator for QueryIter<'_, 'kb, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.done {
            return None;
        }
        let item = self.query.next_result();
        self.done = item.is_none();
        item
    }
}

impl<'kb, T: QueryItem<'kb>> FusedIterator for QueryIter<'_, 'kb, T> {}

impl<T> fmt::Debug for QueryIter<'_, '_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QueryIter")
            .field("done", &self.done)
            .finish()
    }
}

impl<'q, 'kb, T: QueryItem<'kb>> IntoIterator for &'q mut Query<'kb, T> {
    type Item = T;
    type IntoIter = QueryIter<'q, 'kb, T>;

    fn into_iter(self) -> QueryIter<'q, 'kb, T> {
        self.iter()
    }
}

/// The results of a query that it consumes (`for x in query`).
pub struct QueryIntoIter<'kb, T> {
    query: Query<'kb, T>,
    done: bool,
}

impl<'kb, T: QueryItem<'kb>> Iterator for QueryIntoIter<'kb, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.done {
            return None;
        }
        let item = self.query.next_result();
        self.done = item.is_none();
        item
    }
}

impl<'kb, T: QueryItem<'kb>> FusedIterator for QueryIntoIter<'kb, T> {}

impl<T> fmt::Debug for QueryIntoIter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QueryIntoIter")
            .field("done", &self.done)
            .finish()
    }
}

impl<'kb, T: QueryItem<'kb>> IntoIterator for Query<'kb, T> {
    type Item = T;
    type IntoIter = QueryIntoIter<'kb, T>;

    fn into_iter(mut self) -> QueryIntoIter<'kb, T> {
        self.reset();
        QueryIntoIter {
            query: self,
            done: false,
        }
    }
}

impl KnowledgeBase {
    /// A query for the objects of type `T` ([`Event`], [`Claim`] or
    /// [`Entity`]) that meet the filters (`rel_query_new()`); see
    /// [`query_events`](Self::query_events) and its siblings.
    pub fn query<'kb, T: QueryItem<'kb>>(&'kb self, opts: &QueryOptions) -> Result<Query<'kb, T>> {
        Query::new(self, opts)
    }

    /// The events that meet the filters.
    ///
    /// The first query builds the knowledge base's indexes (see
    /// [`build_indexes`](Self::build_indexes)). Errors: [`Status::Arg`] for
    /// a filter that does not apply to events (or `actor2` without
    /// `actor`), [`Status::NotFound`] for an id that names nothing,
    /// [`Status::Syntax`] or [`Status::Range`] for a malformed window,
    /// [`Status::Utf8`] for text that is not UTF-8.
    pub fn query_events(&self, opts: &QueryOptions) -> Result<EventQuery<'_>> {
        Query::new(self, opts)
    }

    /// The claims that meet the filters; errors as for [`query_events`](Self::query_events).
    ///
    /// ```
    /// use relations::{KnowledgeBase, Modality, QueryOptions};
    /// let kb = KnowledgeBase::builtin()?;
    /// let opts = QueryOptions::new().source("002").modality(Modality::Reported).text("nuclear");
    /// for claim in kb.query_claims(&opts)? {
    ///     println!("{}", claim.id());
    /// }
    /// # Ok::<(), relations::Error>(())
    /// ```
    pub fn query_claims(&self, opts: &QueryOptions) -> Result<ClaimQuery<'_>> {
        Query::new(self, opts)
    }

    /// The entities that meet the filters; errors as for [`query_events`](Self::query_events).
    ///
    /// ```
    /// use relations::{KnowledgeBase, Match, QueryOptions};
    /// let kb = KnowledgeBase::builtin()?;
    /// let mut north = kb.query_entities(&QueryOptions::new().alias("north", Match::Prefix))?;
    /// assert_eq!(north.count(), 4);
    /// assert!(north.iter().all(|e| e.id().starts_with("north-korea")));
    /// # Ok::<(), relations::Error>(())
    /// ```
    pub fn query_entities(&self, opts: &QueryOptions) -> Result<EntityQuery<'_>> {
        Query::new(self, opts)
    }

    /// Builds the query indexes now rather than at the first query
    /// (`rel_kb_build_indexes()`); nothing to do if they are built already
    /// or the knowledge base came from a snapshot. A write, hence `&mut self`.
    pub fn build_indexes(&mut self) -> Result<()> {
        let mut err = blank();
        // SAFETY: a live knowledge base, exclusively borrowed; err is valid.
        let status = unsafe { sys::rel_kb_build_indexes(self.as_mut_ptr(), &mut err) };
        if status != sys::REL_OK {
            return Err(Error::from_raw(&err, status));
        }
        Ok(())
    }

    /// The memory the query indexes take, in bytes; 0 while they are not
    /// built (`rel_kb_index_size()`).
    pub fn index_size(&self) -> usize {
        // SAFETY: a live knowledge base.
        unsafe { sys::rel_kb_index_size(self.as_ptr()) }
    }
}
