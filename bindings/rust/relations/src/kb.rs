// SPDX-License-Identifier: MIT
//! The knowledge base: opening, walking, looking up, JSON, diffs.

use std::ffi::{c_char, c_void, CString};
use std::fmt;
use std::io::{self, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::ptr::{self, NonNull};

use relations_sys as sys;

use crate::claim::Claim;
use crate::diff::Diff;
use crate::entity::Entity;
use crate::enums::{Match, ObjectKind};
use crate::error::{blank, Error, Result, Status};
use crate::event::Event;
use crate::iter::IndexIter;
use crate::source::{Evidence, Source};
use crate::util::{input, output};

/// A knowledge base of sources, entities, events and claims (`rel_kb`).
///
/// Everything borrowed from it ([`Source`], [`Entity`], [`Event`],
/// [`Claim`], [`Evidence`], the strings they give, [`Diff`]) carries the
/// lifetime of a shared borrow of it, so it cannot outlive the knowledge
/// base, and the knowledge base cannot be changed (builder calls take
/// `&mut self`) while any of it is in use:
///
/// ```compile_fail,E0597
/// let claim = {
///     let kb = relations::KnowledgeBase::builtin().unwrap();
///     kb.claims().next().unwrap()
/// }; // kb is freed here, while `claim` still borrows it
/// println!("{}", claim.id());
/// ```
///
/// ```compile_fail,E0502
/// let mut kb = relations::KnowledgeBase::builtin().unwrap();
/// let iran = kb.find_entity("iran").unwrap();
/// kb.add_entity("persia-2", relations::EntityKind::Polity, "Persia").unwrap();
/// println!("{}", iran.name());
/// ```
///
/// The same code with the knowledge base alive long enough compiles:
///
/// ```
/// let kb = relations::KnowledgeBase::builtin()?;
/// let claim = kb.claims().next().unwrap();
/// println!("{}", claim.id());
/// # Ok::<(), relations::Error>(())
/// ```
pub struct KnowledgeBase {
    raw: NonNull<sys::rel_kb>,
}

// SAFETY: relations.h: "There is no global state and nothing to
// initialise" and "distinct knowledge bases are independent", so a
// knowledge base may be used and freed on any thread. This crate never
// installs a custom allocator (rel_kb_options::allocator stays NULL, the C
// library's malloc), so no thread-unsafe callback is attached to it.
unsafe impl Send for KnowledgeBase {}
// SAFETY: relations.h: "any number of threads may call read functions
// (every function taking a `const rel_kb *` or a borrowed object) on one
// knowledge base at once, while a function that writes to a knowledge base
// (the builder calls and rel_kb_free()) needs the caller's lock, excluding
// every other call on that knowledge base". Through `&KnowledgeBase` this
// crate calls only read functions; every write (the builder methods) takes
// `&mut self` and rel_kb_free() runs in Drop, both of which the borrow
// checker makes exclusive of every other use.
unsafe impl Sync for KnowledgeBase {}

impl Drop for KnowledgeBase {
    fn drop(&mut self) {
        // SAFETY: we own the knowledge base; nothing borrows it any more.
        unsafe { sys::rel_kb_free(self.raw.as_ptr()) }
    }
}

impl fmt::Debug for KnowledgeBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnowledgeBase")
            .field("sources", &self.source_count())
            .field("entities", &self.entity_count())
            .field("events", &self.event_count())
            .field("claims", &self.claim_count())
            .finish()
    }
}

/// The sources of a knowledge base.
pub type Sources<'kb> = IndexIter<&'kb KnowledgeBase, Source<'kb>>;
/// The entities of a knowledge base.
pub type Entities<'kb> = IndexIter<&'kb KnowledgeBase, Entity<'kb>>;
/// The events of a knowledge base.
pub type Events<'kb> = IndexIter<&'kb KnowledgeBase, Event<'kb>>;
/// The claims of a knowledge base.
pub type Claims<'kb> = IndexIter<&'kb KnowledgeBase, Claim<'kb>>;
/// The declared predicates of a knowledge base.
pub type Predicates<'kb> = IndexIter<&'kb KnowledgeBase, Predicate<'kb>>;
/// The passages of a knowledge base left unannotated on purpose.
pub type UnannotatedIter<'kb> = IndexIter<&'kb KnowledgeBase, Unannotated<'kb>>;

/// A declared predicate ([`KnowledgeBase::add_predicate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Predicate<'kb> {
    /// The name, such as "dates_back".
    pub name: &'kb str,
    /// Whether it takes one value per subject (`REL_PREDICATE_FUNCTIONAL`).
    pub functional: bool,
    /// Every flag, as the C library gives them.
    pub flags: u32,
}

/// A passage left without annotation on purpose, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unannotated<'kb> {
    /// The passage.
    pub evidence: Evidence<'kb>,
    /// Why, such as "a heading".
    pub reason: &'kb str,
}

/// A path as the C library takes it: NUL-terminated bytes.
fn path_cstring(path: &Path) -> Result<CString> {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = match path.to_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => {
            return Err(Error::new(
                Status::Arg,
                format!("path {} is not valid Unicode", path.display()),
            ))
        }
    };
    CString::new(bytes).map_err(|_| {
        Error::new(
            Status::Arg,
            format!("path {} contains a NUL byte", path.display()),
        )
    })
}

/// State of one rel_kb_write_json() call, for the callback.
struct Sink<W> {
    writer: W,
    error: Option<io::Error>,
    panic: Option<Box<dyn std::any::Any + Send>>,
}

unsafe extern "C" fn write_to_sink<W: Write>(
    data: *const c_char,
    len: usize,
    payload: *mut c_void,
) -> i32 {
    // SAFETY: payload is the &mut Sink<W> given to rel_kb_write_json() below,
    // and data/len describe bytes the library holds during the call.
    let sink = unsafe { &mut *payload.cast::<Sink<W>>() };
    let bytes = if len == 0 {
        &[][..]
    } else {
        unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) }
    };
    // A panic must not unwind through C: catch it here, rethrow it after.
    match panic::catch_unwind(AssertUnwindSafe(|| sink.writer.write_all(bytes))) {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => {
            sink.error = Some(e);
            1
        }
        Err(p) => {
            sink.panic = Some(p);
            1
        }
    }
}

impl KnowledgeBase {
    /// Runs an open call and wraps what it made.
    fn open(
        what: &str,
        f: impl FnOnce(&mut *mut sys::rel_kb, &mut sys::rel_error) -> sys::rel_status,
    ) -> Result<Self> {
        let mut out = ptr::null_mut();
        let mut err = blank();
        let status = f(&mut out, &mut err);
        if status != sys::REL_OK {
            // SAFETY: on failure the library sets out to NULL; free anyway (NULL is a no-op).
            unsafe { sys::rel_kb_free(out) };
            return Err(Error::from_raw(&err, status));
        }
        NonNull::new(out)
            .map(|raw| KnowledgeBase { raw })
            .ok_or_else(|| Error::new(Status::NoMem, format!("{what}: no knowledge base returned")))
    }

    /// An empty knowledge base, to fill with the builder methods.
    pub fn new() -> Result<Self> {
        // SAFETY: valid output, default options.
        Self::open("new knowledge base", |out, _| unsafe {
            sys::rel_kb_new(out, ptr::null())
        })
    }

    /// The built-in knowledge base: three versions of the article
    /// "Iran–North Korea relations" (CC BY-SA 4.0) and their annotation.
    pub fn builtin() -> Result<Self> {
        // SAFETY: valid outputs, default options.
        Self::open("built-in knowledge base", |out, err| unsafe {
            sys::rel_kb_open_builtin(out, ptr::null(), err)
        })
    }

    /// Opens a knowledge base from a JSON file. Relative source paths in it
    /// are resolved against the file's folder.
    ///
    /// Errors carry the file, line, column and byte offset.
    pub fn from_json_file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path_cstring(path.as_ref())?;
        // SAFETY: path is NUL-terminated and outlives the call; default options.
        Self::open("open JSON file", |out, err| unsafe {
            sys::rel_kb_open_json_file(out, path.as_ptr(), ptr::null(), err)
        })
    }

    /// Opens a snapshot ([`save_snapshot`](Self::save_snapshot)) by mapping
    /// it (`rel_kb_open_snapshot()`): nothing is parsed or copied, and the
    /// query indexes come with it.
    ///
    /// The knowledge base is read-only: every builder method fails with
    /// [`Status::ReadOnly`]. A file that is not a valid snapshot of this
    /// format and machine (too short, foreign, another version or byte
    /// order, a checksum that does not match) gives [`Status::Format`] with
    /// a message saying which; a file that cannot be opened, [`Status::Io`].
    /// The file must not be changed while the knowledge base is open
    /// (replace it by renaming a new file over it, as `save_snapshot` does).
    ///
    /// ```
    /// use relations::KnowledgeBase;
    /// let path = std::env::temp_dir().join(format!("relations-doc-{}.rel", std::process::id()));
    /// let kb = KnowledgeBase::builtin()?;
    /// kb.save_snapshot(&path)?;
    /// let snap = KnowledgeBase::open_snapshot(&path)?;
    /// assert!(snap.is_read_only() && !kb.is_read_only());
    /// assert_eq!(snap.to_json()?, kb.to_json()?);
    /// # drop(snap);
    /// # std::fs::remove_file(&path).unwrap();
    /// # Ok::<(), relations::Error>(())
    /// ```
    pub fn open_snapshot(path: impl AsRef<Path>) -> Result<Self> {
        let path = path_cstring(path.as_ref())?;
        // SAFETY: path is NUL-terminated and outlives the call; default options.
        Self::open("open snapshot", |out, err| unsafe {
            sys::rel_kb_open_snapshot(out, path.as_ptr(), ptr::null(), err)
        })
    }

    /// Opens a knowledge base file of either format (`rel_kb_open_file()`):
    /// a snapshot, as [`open_snapshot`](Self::open_snapshot) does, if it
    /// starts with the snapshot magic, else JSON, as
    /// [`from_json_file`](Self::from_json_file) does.
    pub fn open_file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path_cstring(path.as_ref())?;
        // SAFETY: path is NUL-terminated and outlives the call; default options.
        Self::open("open file", |out, err| unsafe {
            sys::rel_kb_open_file(out, path.as_ptr(), ptr::null(), err)
        })
    }

    /// Opens a knowledge base from JSON in memory (`&str`, `&[u8]`, ...).
    /// Relative source paths in it are resolved against the working directory.
    ///
    /// Errors carry the line, column and byte offset.
    pub fn from_json(json: &(impl AsRef<[u8]> + ?Sized)) -> Result<Self> {
        Self::from_json_opts(json.as_ref(), None)
    }

    /// As [`from_json`](Self::from_json), resolving relative source paths
    /// against `base_dir`.
    pub fn from_json_with_base_dir(
        json: &(impl AsRef<[u8]> + ?Sized),
        base_dir: impl AsRef<Path>,
    ) -> Result<Self> {
        let dir = path_cstring(base_dir.as_ref())?;
        Self::from_json_opts(json.as_ref(), Some(&dir))
    }

    fn from_json_opts(json: &[u8], base_dir: Option<&CString>) -> Result<Self> {
        let mut opts = std::mem::MaybeUninit::<sys::rel_kb_options>::uninit();
        // SAFETY: rel_kb_options_init() fills every field of a valid pointer.
        let status =
            unsafe { sys::rel_kb_options_init(opts.as_mut_ptr(), sys::REL_KB_OPTIONS_VERSION) };
        crate::util::check(status, "initialise options")?;
        // SAFETY: initialised by the successful call above.
        let mut opts = unsafe { opts.assume_init() };
        opts.base_dir = base_dir.map_or(ptr::null(), |d| d.as_ptr());
        let (p, len) = input(json);
        // SAFETY: p/len describe `json`; opts (and base_dir) outlive the call;
        // the allocator stays the default.
        Self::open("open JSON", |out, err| unsafe {
            sys::rel_kb_open_json_mem(out, p, len, &opts, err)
        })
    }

    /// The C object, for read calls into `relations-sys`.
    pub fn as_ptr(&self) -> *const sys::rel_kb {
        self.raw.as_ptr()
    }

    /// The C object, for write calls into `relations-sys`.
    pub fn as_mut_ptr(&mut self) -> *mut sys::rel_kb {
        self.raw.as_ptr()
    }

    /// How many sources there are.
    pub fn source_count(&self) -> usize {
        // SAFETY: a live knowledge base.
        unsafe { sys::rel_kb_source_count(self.as_ptr()) }
    }

    /// How many entities there are.
    pub fn entity_count(&self) -> usize {
        // SAFETY: a live knowledge base.
        unsafe { sys::rel_kb_entity_count(self.as_ptr()) }
    }

    /// How many events there are.
    pub fn event_count(&self) -> usize {
        // SAFETY: a live knowledge base.
        unsafe { sys::rel_kb_event_count(self.as_ptr()) }
    }

    /// How many claims there are.
    pub fn claim_count(&self) -> usize {
        // SAFETY: a live knowledge base.
        unsafe { sys::rel_kb_claim_count(self.as_ptr()) }
    }

    /// The source at an index, in the order they were added.
    pub fn source_at(&self, i: usize) -> Option<Source<'_>> {
        // SAFETY: a live knowledge base; the source is owned by it.
        unsafe { Source::from_raw(sys::rel_kb_source_at(self.as_ptr(), i)) }
    }

    /// The entity at an index, in the order they were added.
    pub fn entity_at(&self, i: usize) -> Option<Entity<'_>> {
        // SAFETY: as for source_at().
        unsafe { Entity::from_raw(sys::rel_kb_entity_at(self.as_ptr(), i)) }
    }

    /// The event at an index, in the order they were added.
    pub fn event_at(&self, i: usize) -> Option<Event<'_>> {
        // SAFETY: as for source_at().
        unsafe { Event::from_raw(sys::rel_kb_event_at(self.as_ptr(), i)) }
    }

    /// The claim at an index, in the order they were added.
    pub fn claim_at(&self, i: usize) -> Option<Claim<'_>> {
        // SAFETY: as for source_at().
        unsafe { Claim::from_raw(sys::rel_kb_claim_at(self.as_ptr(), i)) }
    }

    /// Every source.
    pub fn sources(&self) -> Sources<'_> {
        IndexIter::new(self, self.source_count(), |kb, i| kb.source_at(i))
    }

    /// Every entity.
    pub fn entities(&self) -> Entities<'_> {
        IndexIter::new(self, self.entity_count(), |kb, i| kb.entity_at(i))
    }

    /// Every event.
    pub fn events(&self) -> Events<'_> {
        IndexIter::new(self, self.event_count(), |kb, i| kb.event_at(i))
    }

    /// Every claim.
    pub fn claims(&self) -> Claims<'_> {
        IndexIter::new(self, self.claim_count(), |kb, i| kb.claim_at(i))
    }

    /// What kind of object an id names ([`ObjectKind::None`] if nothing has it).
    pub fn id_kind(&self, id: &str) -> ObjectKind {
        let (p, len) = input(id.as_bytes());
        // SAFETY: a live knowledge base; p/len describe `id`.
        ObjectKind::from_raw(unsafe { sys::rel_kb_id_kind(self.as_ptr(), p, len) })
    }

    /// Finds a source by its id or by a unique prefix of it ("000").
    ///
    /// `Ok(None)` if nothing fits; an error with [`Status::Ambiguous`] if
    /// the prefix fits several sources and none exactly.
    pub fn find_source(&self, id_or_prefix: &str) -> Result<Option<Source<'_>>> {
        let (p, len) = input(id_or_prefix.as_bytes());
        let mut out = ptr::null();
        // SAFETY: a live knowledge base; p/len describe the id; out is valid.
        let status = unsafe { sys::rel_kb_find_source(self.as_ptr(), p, len, &mut out) };
        match status {
            // SAFETY: the source is owned by self.
            sys::REL_OK => Ok(unsafe { Source::from_raw(out) }),
            sys::REL_ERR_NOT_FOUND => Ok(None),
            _ => Err(Error::from_status(
                status,
                &format!("find source \"{id_or_prefix}\""),
            )),
        }
    }

    /// Finds an entity by id.
    pub fn find_entity(&self, id: &str) -> Option<Entity<'_>> {
        let (p, len) = input(id.as_bytes());
        let mut out = ptr::null();
        // SAFETY: a live knowledge base; p/len describe the id; out is valid.
        let status = unsafe { sys::rel_kb_find_entity(self.as_ptr(), p, len, &mut out) };
        // SAFETY: the entity is owned by self.
        (status == sys::REL_OK)
            .then(|| unsafe { Entity::from_raw(out) })
            .flatten()
    }

    /// Finds an event by id.
    pub fn find_event(&self, id: &str) -> Option<Event<'_>> {
        let (p, len) = input(id.as_bytes());
        let mut out = ptr::null();
        // SAFETY: as for find_entity().
        let status = unsafe { sys::rel_kb_find_event(self.as_ptr(), p, len, &mut out) };
        // SAFETY: the event is owned by self.
        (status == sys::REL_OK)
            .then(|| unsafe { Event::from_raw(out) })
            .flatten()
    }

    /// Finds a claim by id.
    pub fn find_claim(&self, id: &str) -> Option<Claim<'_>> {
        let (p, len) = input(id.as_bytes());
        let mut out = ptr::null();
        // SAFETY: as for find_entity().
        let status = unsafe { sys::rel_kb_find_claim(self.as_ptr(), p, len, &mut out) };
        // SAFETY: the claim is owned by self.
        (status == sys::REL_OK)
            .then(|| unsafe { Claim::from_raw(out) })
            .flatten()
    }

    /// The entities that have a name or alias, each once, in the order the
    /// matching names were added; empty if none.
    ///
    /// With [`Match::Normalised`], "Iran-Iraq war" finds the entity whose
    /// alias is "Iran–Iraq War" (see [`normalise`](crate::normalise)).
    pub fn find_alias(&self, name: &str, how: Match) -> Result<Vec<Entity<'_>>> {
        let (p, len) = input(name.as_bytes());
        let mut buf: Vec<*const sys::rel_entity> = vec![ptr::null(); 8];
        loop {
            let mut count = 0usize;
            // SAFETY: a live knowledge base; p/len describe `name`; buf has
            // room for buf.len() pointers; count is valid.
            let status = unsafe {
                sys::rel_kb_find_alias(
                    self.as_ptr(),
                    p,
                    len,
                    how.as_raw(),
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut count,
                )
            };
            match status {
                sys::REL_ERR_NOT_FOUND => return Ok(Vec::new()),
                sys::REL_OK if count > buf.len() => buf = vec![ptr::null(); count],
                sys::REL_OK => {
                    // SAFETY: the first `count` pointers are entities owned by self.
                    return Ok(buf[..count]
                        .iter()
                        .filter_map(|&e| unsafe { Entity::from_raw(e) })
                        .collect());
                }
                _ => {
                    return Err(Error::from_status(
                        status,
                        &format!("find alias \"{name}\""),
                    ))
                }
            }
        }
    }

    /// The declared predicates.
    pub fn predicates(&self) -> Predicates<'_> {
        // SAFETY: a live knowledge base.
        let n = unsafe { sys::rel_kb_predicate_count(self.as_ptr()) };
        IndexIter::new(self, n, |kb, i| {
            let mut len = 0usize;
            // SAFETY: a live knowledge base, i < count; the name lives as long as it.
            unsafe {
                let name = output(
                    sys::rel_kb_predicate_name(kb.as_ptr(), i, &mut len),
                    len,
                    "predicate",
                )?;
                let flags = sys::rel_kb_predicate_flags(kb.as_ptr(), i);
                Some(Predicate {
                    name,
                    functional: flags & sys::REL_PREDICATE_FUNCTIONAL != 0,
                    flags,
                })
            }
        })
    }

    /// Whether a predicate was declared functional (one value per subject).
    pub fn predicate_is_functional(&self, predicate: &str) -> bool {
        let (p, len) = input(predicate.as_bytes());
        // SAFETY: a live knowledge base; p/len describe `predicate`.
        unsafe { sys::rel_kb_predicate_is_functional(self.as_ptr(), p, len) != 0 }
    }

    /// The passages left unannotated on purpose, with the reasons.
    pub fn unannotated(&self) -> UnannotatedIter<'_> {
        // SAFETY: a live knowledge base.
        let n = unsafe { sys::rel_kb_unannotated_count(self.as_ptr()) };
        IndexIter::new(self, n, |kb, i| {
            let mut len = 0usize;
            // SAFETY: a live knowledge base, i < count; both live as long as it.
            unsafe {
                let evidence = Evidence::from_raw(sys::rel_kb_unannotated_at(kb.as_ptr(), i))?;
                let reason = output(
                    sys::rel_kb_unannotated_reason(kb.as_ptr(), i, &mut len),
                    len,
                    "reason",
                )?;
                Some(Unannotated { evidence, reason })
            }
        })
    }

    /// Writes the knowledge base as JSON (the format of the repository's
    /// `docs/json-format.md`) to a writer. Exporting an imported export
    /// gives byte-identical JSON.
    ///
    /// An I/O error of the writer gives [`Status::Io`] with its message; a
    /// panic in the writer is caught before it reaches C and resumed here.
    pub fn write_json<W: Write>(&self, writer: W) -> Result<()> {
        let mut sink = Sink {
            writer,
            error: None,
            panic: None,
        };
        let mut err = blank();
        // SAFETY: a live knowledge base; the callback gets &mut sink, which
        // outlives the call, and is only called during it.
        let status = unsafe {
            sys::rel_kb_write_json(
                self.as_ptr(),
                Some(write_to_sink::<W>),
                (&mut sink as *mut Sink<W>).cast(),
                &mut err,
            )
        };
        if let Some(p) = sink.panic {
            panic::resume_unwind(p);
        }
        if let Some(e) = sink.error {
            return Err(Error::new(Status::Io, format!("write JSON: {e}")));
        }
        if status != sys::REL_OK {
            return Err(Error::from_raw(&err, status));
        }
        sink.writer
            .flush()
            .map_err(|e| Error::new(Status::Io, format!("write JSON: {e}")))
    }

    /// The knowledge base as a JSON string.
    pub fn to_json(&self) -> Result<String> {
        let mut buf = Vec::new();
        self.write_json(&mut buf)?;
        String::from_utf8(buf).map_err(|e| {
            Error::new(
                Status::Utf8,
                format!("librelations wrote JSON that is not UTF-8 ({e})"),
            )
        })
    }

    /// Saves the knowledge base as a JSON file, replacing it.
    pub fn save_json(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path_cstring(path.as_ref())?;
        let mut err = blank();
        // SAFETY: a live knowledge base; path is NUL-terminated.
        let status = unsafe { sys::rel_kb_save_json(self.as_ptr(), path.as_ptr(), &mut err) };
        if status != sys::REL_OK {
            return Err(Error::from_raw(&err, status));
        }
        Ok(())
    }

    /// Saves the knowledge base as a snapshot, query indexes included
    /// (`rel_kb_save_snapshot()`), to open again with
    /// [`open_snapshot`](Self::open_snapshot). The file is written under a
    /// temporary name beside `path` and renamed over it once complete.
    ///
    /// A snapshot opens only on a machine like the one that wrote it; JSON
    /// is the format to move or keep a knowledge base in.
    pub fn save_snapshot(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path_cstring(path.as_ref())?;
        let mut err = blank();
        // SAFETY: a live knowledge base; path is NUL-terminated. Building the
        // indexes on the way is safe alongside other readers (relations.h:
        // "safely, even when several threads query at once").
        let status = unsafe { sys::rel_kb_save_snapshot(self.as_ptr(), path.as_ptr(), &mut err) };
        if status != sys::REL_OK {
            return Err(Error::from_raw(&err, status));
        }
        Ok(())
    }

    /// Whether the knowledge base refuses writes: it was opened from a
    /// snapshot (`rel_kb_is_read_only()`).
    pub fn is_read_only(&self) -> bool {
        // SAFETY: a live knowledge base.
        unsafe { sys::rel_kb_is_read_only(self.as_ptr()) != 0 }
    }

    /// Compares two versions: what was added, dropped, reworded,
    /// respelled, hedged, strengthened, re-attributed or contradicted.
    ///
    /// [`Status::Arg`] if a source is not of this knowledge base or both
    /// are the same.
    pub fn diff(&self, a: Source<'_>, b: Source<'_>) -> Result<Diff<'_>> {
        let mut out = ptr::null_mut();
        let mut err = blank();
        // SAFETY: a live knowledge base and live sources (the library checks
        // that they belong to it); valid outputs.
        let status = unsafe {
            sys::rel_diff_sources(&mut out, self.as_ptr(), a.as_ptr(), b.as_ptr(), &mut err)
        };
        self.wrap_diff(status, out, &err)
    }

    /// The contradictions inside one version.
    pub fn diff_within(&self, source: Source<'_>) -> Result<Diff<'_>> {
        let mut out = ptr::null_mut();
        let mut err = blank();
        // SAFETY: as for diff().
        let status =
            unsafe { sys::rel_diff_within(&mut out, self.as_ptr(), source.as_ptr(), &mut err) };
        self.wrap_diff(status, out, &err)
    }

    fn wrap_diff(
        &self,
        status: sys::rel_status,
        out: *mut sys::rel_diff,
        err: &sys::rel_error,
    ) -> Result<Diff<'_>> {
        if status != sys::REL_OK {
            // SAFETY: NULL or a diff we own; rel_diff_free() accepts both.
            unsafe { sys::rel_diff_free(out) };
            return Err(Error::from_raw(err, status));
        }
        match NonNull::new(out) {
            // SAFETY: a diff of self, which the result borrows.
            Some(raw) => Ok(unsafe { Diff::from_raw(raw) }),
            None => Err(Error::new(Status::NoMem, "diff: no diff returned")),
        }
    }
}
