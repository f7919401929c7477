# SPDX-License-Identifier: MIT
"""The knowledge base: opening, walking, looking up, building, JSON, differences."""
from __future__ import annotations

import ctypes
import io
import os
import weakref
from collections.abc import Sequence
from typing import (IO, Any, Callable, Dict, Generic, Iterator, List, Optional, Tuple, Type, TypeVar, Union,
                    overload)

from . import _errors, _ffi
from ._diff import Diff, snapshot
from ._enums import (EntityKind, Match, Modality, ObjectKind, Polarity, PredicateFlag, QueryTarget, Relation, Role,
                     ValueKind, Window)
from ._objects import (VALUE_CLASSES, Claim, Entity, Event, Evidence, Literal, Quantity, Source, SourceRef, Value,
                       _Borrowed, _quote)
from ._query import Query
from ._time import Time

T = TypeVar("T", bound=_Borrowed)
Text = Union[str, bytes]
PathLike = Union[str, bytes, "os.PathLike[Any]"]
#: An object given by itself or by its id.
Ref = Union[_Borrowed, str, bytes]
#: A progress callback: called with (bytes done, bytes in all); a true result stops the import.
Progress = Callable[[int, int], Any]

_Status = _errors.Status


class _Kind:
    """How to count, index and find one kind of object."""

    def __init__(self, cls: Type[_Borrowed], plural: str, count: str, at: str, find: str, id_fn: str) -> None:
        self.cls = cls
        self.plural = plural
        self.count = getattr(_ffi.lib, count)
        self.at = getattr(_ffi.lib, at)
        self.find = getattr(_ffi.lib, find)
        self.id_fn = getattr(_ffi.lib, id_fn)
        self.ptr_type = self.at.restype


_KINDS: Dict[Type[_Borrowed], _Kind] = {
    Source: _Kind(Source, "sources", "rel_kb_source_count", "rel_kb_source_at", "rel_kb_find_source",
                  "rel_source_id"),
    Entity: _Kind(Entity, "entities", "rel_kb_entity_count", "rel_kb_entity_at", "rel_kb_find_entity",
                  "rel_entity_id"),
    Event: _Kind(Event, "events", "rel_kb_event_count", "rel_kb_event_at", "rel_kb_find_event", "rel_event_id"),
    Claim: _Kind(Claim, "claims", "rel_kb_claim_count", "rel_kb_claim_at", "rel_kb_find_claim", "rel_claim_id"),
}
_OBJECT_CLASSES: Dict[int, Type[_Borrowed]] = {
    ObjectKind.SOURCE: Source, ObjectKind.ENTITY: Entity, ObjectKind.EVENT: Event, ObjectKind.CLAIM: Claim,
}


class Collection(Sequence, Generic[T]):  # type: ignore[type-arg]
    """A live view of the sources, entities, events or claims of a knowledge base.

    Index it by position (``kb.claims[0]``, slices too) or by id
    (``kb.claims["c-nuclear-cooperation"]``, raising
    :class:`~relations.NotFoundError`, a ``KeyError``); :meth:`get` returns
    None instead. Sources are also found by a unique prefix of their id
    (``kb.sources["000"]``). Objects added later show up at the end.
    """

    def __init__(self, kb: "KnowledgeBase", cls: Type[T]) -> None:
        self._kb = kb
        self._k = _KINDS[cls]

    def __len__(self) -> int:
        return int(self._k.count(self._kb._handle()))

    @overload
    def __getitem__(self, key: Union[int, str, bytes]) -> T: ...

    @overload
    def __getitem__(self, key: slice) -> List[T]: ...

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, (str, bytes)):
            return self._find(key)
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        n = len(self)
        i = key.__index__()
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{self._k.plural} index {key} out of range")
        return self._kb._wrap(self._k.cls, self._k.at(self._kb._handle(), i))

    def __iter__(self) -> Iterator[T]:
        i = 0
        while i < len(self):
            yield self._kb._wrap(self._k.cls, self._k.at(self._kb._handle(), i))
            i += 1

    def __contains__(self, item: object) -> bool:
        if isinstance(item, (str, bytes)):
            try:
                return self.get(item) is not None
            except _errors.AmbiguousError:
                return False
        return isinstance(item, self._k.cls) and item.kb is self._kb

    def _find(self, key: Text) -> T:
        raw = _ffi.text_in(key)
        out = self._k.ptr_type()
        st = self._k.find(self._kb._handle(), raw, len(raw), ctypes.byref(out))
        _errors.check(st, None, f"no {self._k.cls.__name__.lower()} {'matches' if self._k.cls is Source else 'has'} "
                                f"the id {key!r}")
        return self._kb._wrap(self._k.cls, out)

    def get(self, key: Text, default: Optional[T] = None) -> Optional[T]:
        """The object with this id (for sources: or unique prefix), else ``default``.

        An ambiguous source prefix still raises :class:`~relations.AmbiguousError`.
        """
        try:
            return self._find(key)
        except _errors.NotFoundError:
            return default

    def ids(self) -> List[str]:
        """The ids, in order."""
        return [o.id for o in self]

    def __repr__(self) -> str:
        if self._kb.closed:
            return f"<{self._k.plural} of a closed knowledge base>"
        return f"<{len(self)} {self._k.plural}>"


class KnowledgeBase:
    """A knowledge base of sources, entities, events and claims (``rel_kb``).

    Open one with :meth:`builtin`, :meth:`from_json_file` or
    :meth:`from_json`, or start an empty one with ``KnowledgeBase()`` (or
    :meth:`new`) and fill it with the builder methods (``add_source``,
    ``add_entity``, ...). Find what meets combined filters with :meth:`query`.
    Use it as a context manager, or call :meth:`close`: afterwards every
    object (and query) taken from it raises :class:`~relations.ClosedError`
    instead of touching freed memory.

    Reading is safe from several threads at once; the builder methods and
    :meth:`close` need the caller's lock, as in C.
    """

    def __init__(self) -> None:
        """An empty knowledge base (``rel_kb_new()``)."""
        self._init_state()
        out = _ffi.KbP()
        _errors.check(_ffi.lib.rel_kb_new(ctypes.byref(out), None), None, "cannot create a knowledge base")
        self._h = out

    def _init_state(self) -> None:
        self._h: Any = None
        # One Python object per C object while it is in use; weak, so that objects do not keep
        # their knowledge base alive through a cycle (it is freed as soon as nothing refers to it).
        self._cache: "weakref.WeakValueDictionary[Tuple[type, int], _Borrowed]" = weakref.WeakValueDictionary()
        # The C queries on this knowledge base, by token. They are owned here, not by their Query
        # objects, so that closing or changing the knowledge base frees them first, as C requires,
        # whatever order the garbage collector finalises things in.
        self._queries: Dict[int, Any] = {}

    # ------------------------------------------------------------ opening
    @classmethod
    def new(cls) -> "KnowledgeBase":
        """An empty knowledge base to fill with the builder methods."""
        return cls()

    @classmethod
    def _open(cls, fn: Callable[..., int], *args: Any, base_dir: Optional[PathLike] = None,
              progress: Optional[Progress] = None) -> "KnowledgeBase":
        opts = None
        callback = None
        failure: List[BaseException] = []
        if base_dir is not None or progress is not None:
            opts = _ffi.rel_kb_options()
            _errors.check(_ffi.lib.rel_kb_options_init(ctypes.byref(opts), _ffi.REL_KB_OPTIONS_VERSION))
            if base_dir is not None:
                opts.base_dir = os.fsencode(base_dir)
        if progress is not None:
            report = progress

            def tell(done: int, total: int, payload: Any) -> int:
                try:
                    return 1 if report(done, total) else 0
                except BaseException as e:  # must not unwind through C
                    failure.append(e)
                    return 1

            callback = _ffi.rel_progress_fn(tell)  # kept alive by this frame until the call returns
            assert opts is not None
            opts.progress = callback
        out = _ffi.KbP()
        err = _ffi.rel_error()
        st = fn(ctypes.byref(out), *args, ctypes.byref(opts) if opts is not None else None, ctypes.byref(err))
        del callback
        if failure:
            if st == _Status.OK:  # cannot happen (a refusing callback cancels); do not leak the result
                _ffi.lib.rel_kb_free(out)
            if not isinstance(failure[0], Exception):
                raise failure[0]  # KeyboardInterrupt, SystemExit: as they are
            raise _errors.from_record(st if st < 0 else _Status.ERR_CANCELLED, err) from failure[0]
        _errors.check(st, err)
        self = cls.__new__(cls)
        self._init_state()
        self._h = out
        return self

    @classmethod
    def builtin(cls, *, progress: Optional[Progress] = None) -> "KnowledgeBase":
        """The built-in knowledge base: three versions of "Iran–North Korea relations", annotated.

        ``progress`` is as in :meth:`from_json_file`.
        """
        return cls._open(_ffi.lib.rel_kb_open_builtin, progress=progress)

    @classmethod
    def from_json_file(cls, path: PathLike, *, base_dir: Optional[PathLike] = None,
                       progress: Optional[Progress] = None) -> "KnowledgeBase":
        """Opens a JSON file (docs/json-format.md).

        Relative source ``path``s are resolved against the file's folder, or
        ``base_dir``. Errors carry the file, line, column and byte offset.

        ``progress``, if given, is called as ``progress(done, total)`` with
        the bytes read so far and in all, at most a few hundred times, and
        last with ``done == total`` once the knowledge base is complete. If
        it returns a true value or raises an exception, the import stops
        and :class:`~relations.CancelledError` is raised (chained to the
        callback's exception, if any; ``KeyboardInterrupt`` and
        ``SystemExit`` propagate as they are).
        """
        return cls._open(_ffi.lib.rel_kb_open_json_file, os.fsencode(path), base_dir=base_dir, progress=progress)

    @classmethod
    def from_snapshot(cls, path: PathLike) -> "KnowledgeBase":
        """Opens a snapshot (:meth:`save_snapshot`) by mapping it (``rel_kb_open_snapshot()``).

        Nothing is parsed: it opens in milliseconds whatever its size, with its
        query indexes. It is read-only: the builder methods raise
        :class:`~relations.ReadOnlyError`. A file that is not a snapshot of this
        format and machine, or is damaged, raises :class:`~relations.FormatError`.
        """
        return cls._open(_ffi.lib.rel_kb_open_snapshot, os.fsencode(path))

    @classmethod
    def from_file(cls, path: PathLike, *, base_dir: Optional[PathLike] = None,
                  progress: Optional[Progress] = None) -> "KnowledgeBase":
        """Opens a snapshot or a JSON file, whichever it is (``rel_kb_open_file()``).

        ``base_dir`` and ``progress`` apply to JSON (see :meth:`from_json_file`); a snapshot ignores them.
        """
        return cls._open(_ffi.lib.rel_kb_open_file, os.fsencode(path), base_dir=base_dir, progress=progress)

    @classmethod
    def from_json(cls, data: Text, *, base_dir: Optional[PathLike] = None,
                  progress: Optional[Progress] = None) -> "KnowledgeBase":
        """Opens JSON held in memory (``str`` or UTF-8 ``bytes``).

        ``progress`` is as in :meth:`from_json_file` (input under 1 MiB is read in one piece: one call).
        """
        raw = _ffi.text_in(data)
        return cls._open(_ffi.lib.rel_kb_open_json_mem, raw, len(raw), base_dir=base_dir, progress=progress)

    # ------------------------------------------------------------ lifetime
    @property
    def closed(self) -> bool:
        """Whether the knowledge base was closed."""
        return not getattr(self, "_h", None)

    def close(self) -> None:
        """Frees the knowledge base, and first the queries on it. Safe to call twice."""
        h, self._h = getattr(self, "_h", None), None
        self._cache = weakref.WeakValueDictionary()
        if h:
            self._drop_queries()
            _ffi.lib.rel_kb_free(h)

    def _drop_queries(self) -> None:
        """Frees every query on the knowledge base: their Query objects raise ClosedError from then on."""
        queries, self._queries = getattr(self, "_queries", {}), {}
        for q in queries.values():
            _ffi.lib.rel_query_free(q)

    def __enter__(self) -> "KnowledgeBase":
        self._handle()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone already
            pass

    def _handle(self) -> Any:
        h = getattr(self, "_h", None)
        if not h:
            raise _errors.ClosedError()
        return h

    def __repr__(self) -> str:
        if self.closed:
            return "<KnowledgeBase (closed)>"
        h = self._h
        lib = _ffi.lib
        return (f"<KnowledgeBase: {lib.rel_kb_source_count(h)} sources, {lib.rel_kb_entity_count(h)} entities, "
                f"{lib.rel_kb_event_count(h)} events, {lib.rel_kb_claim_count(h)} claims>")

    def __reduce__(self) -> Any:
        raise TypeError("a KnowledgeBase cannot be pickled; use to_json() and from_json()")

    # ------------------------------------------------------------ wrapping
    def _wrap(self, cls: Type[T], p: Any) -> Optional[T]:
        """The one Python object for a borrowed C object (None for NULL)."""
        if not p:
            return None
        key = (cls, _ffi.address(p))
        obj = self._cache.get(key)
        if obj is None:
            id_ = _ffi.get_str(_KINDS[cls].id_fn, p) or ""
            obj = cls(self, p, id_)
            self._cache[key] = obj
        return obj  # type: ignore[return-value]

    def _span(self, source: Source, byte_start: int, byte_end: int) -> Evidence:
        data = source.text_bytes
        return Evidence(source, source.char_offset(byte_start), source.char_offset(byte_end),
                        data[byte_start:byte_end].decode("utf-8"), byte_start, byte_end)

    def _evidence(self, p: Any) -> Evidence:
        lib = _ffi.lib
        source = self._wrap(Source, lib.rel_evidence_source(p))
        n = ctypes.c_size_t(0)
        text = _ffi.string_at(lib.rel_evidence_text(p, ctypes.byref(n)), n.value).decode("utf-8")
        cs, ce = ctypes.c_uint64(), ctypes.c_uint64()
        _errors.check(lib.rel_evidence_codepoints(p, ctypes.byref(cs), ctypes.byref(ce)))
        assert source is not None
        return Evidence(source, cs.value, ce.value, text, lib.rel_evidence_start(p), lib.rel_evidence_end(p))

    def _value(self, p: Any) -> Value:
        lib = _ffi.lib
        kind = lib.rel_value_kind(p)
        if kind in VALUE_CLASSES:
            getter = {ValueKind.ENTITY: lib.rel_value_entity, ValueKind.EVENT: lib.rel_value_event,
                      ValueKind.CLAIM: lib.rel_value_claim}[kind]
            return self._wrap(VALUE_CLASSES[kind], getter(p))  # type: ignore[return-value]
        text = _ffi.get_str(lib.rel_value_text, p)
        if kind == ValueKind.LITERAL:
            return Literal(text or "")
        if kind == ValueKind.QUANTITY:
            number = ctypes.c_double()
            _errors.check(lib.rel_value_quantity(p, ctypes.byref(number)))
            return Quantity(number.value, text)
        if kind == ValueKind.TIME:
            return Time._copy_of(lib.rel_value_time(p), text)
        return None

    def _source_ptr(self, source: SourceRef) -> Any:
        """The C pointer of a source of this knowledge base, given as a Source or an id or prefix."""
        if isinstance(source, Source):
            if source.kb is self:
                self._handle()
                return source._p
            source = source.id
        return self.sources[source]._p

    # ------------------------------------------------------------ reading
    @property
    def sources(self) -> Collection[Source]:
        """The sources (document versions), in order."""
        self._handle()
        return Collection(self, Source)

    @property
    def entities(self) -> Collection[Entity]:
        """The entities, in order."""
        self._handle()
        return Collection(self, Entity)

    @property
    def events(self) -> Collection[Event]:
        """The events, in order."""
        self._handle()
        return Collection(self, Event)

    @property
    def claims(self) -> Collection[Claim]:
        """The claims, in order."""
        self._handle()
        return Collection(self, Claim)

    def kind_of(self, id: Text) -> ObjectKind:
        """What kind of object an id names (``ObjectKind.NONE`` if none; exact ids only)."""
        raw = _ffi.text_in(id)
        return ObjectKind.wrap(_ffi.lib.rel_kb_id_kind(self._handle(), raw, len(raw)))  # type: ignore[return-value]

    def get(self, id: Text, default: Any = None) -> Union[Source, Entity, Event, Claim, Any]:
        """The source, entity, event or claim with this exact id, else ``default``."""
        cls = _OBJECT_CLASSES.get(self.kind_of(id))
        if cls is None:
            return default
        return Collection(self, cls)[id]

    def __getitem__(self, id: Text) -> Union[Source, Entity, Event, Claim]:
        """The object with this exact id; :class:`~relations.NotFoundError` (a KeyError) if none."""
        obj = self.get(id)
        if obj is None:
            raise _errors.error(_Status.ERR_NOT_FOUND, f"nothing has the id {id!r}")
        return obj

    def __contains__(self, id: object) -> bool:
        if isinstance(id, _Borrowed):
            return id.kb is self
        return isinstance(id, (str, bytes)) and self.kind_of(id) != ObjectKind.NONE

    def find_alias(self, text: Text, normalised: bool = True) -> List[Entity]:
        """The entities with this name or alias (``rel_kb_find_alias()``); [] if none.

        With ``normalised`` (the default) both sides are compared after
        :func:`~relations.normalise`, so "Iran-Iraq war" finds "Iran–Iraq War";
        otherwise byte for byte.
        """
        h = self._handle()
        raw = _ffi.text_in(text)
        mode = 1 if normalised else 0
        count = ctypes.c_size_t(0)
        st = _ffi.lib.rel_kb_find_alias(h, raw, len(raw), mode, None, 0, ctypes.byref(count))
        if st == _Status.ERR_NOT_FOUND:
            return []
        _errors.check(st, None, f"cannot look up the alias {text!r}")
        n = count.value
        out = (_ffi.EntityP * n)()
        _errors.check(_ffi.lib.rel_kb_find_alias(h, raw, len(raw), mode, out, n, ctypes.byref(count)))
        return [self._wrap(Entity, out[i]) for i in range(min(n, count.value))]  # type: ignore[misc]

    @property
    def predicates(self) -> Dict[str, PredicateFlag]:
        """The declared predicates and their flags."""
        h = self._handle()
        lib = _ffi.lib
        return {_ffi.get_str(lib.rel_kb_predicate_name, h, i) or "": PredicateFlag(lib.rel_kb_predicate_flags(h, i))
                for i in range(lib.rel_kb_predicate_count(h))}

    def is_functional(self, predicate: Text) -> bool:
        """Whether a predicate was declared functional (one value per subject)."""
        raw = _ffi.text_in(predicate)
        return bool(_ffi.lib.rel_kb_predicate_is_functional(self._handle(), raw, len(raw)))

    @property
    def unannotated(self) -> List[Tuple[Evidence, str]]:
        """The passages left unannotated on purpose, each with the reason."""
        h = self._handle()
        lib = _ffi.lib
        return [(self._evidence(lib.rel_kb_unannotated_at(h, i)), _ffi.get_str(lib.rel_kb_unannotated_reason, h, i)
                 or "") for i in range(lib.rel_kb_unannotated_count(h))]

    def summary(self) -> Dict[str, int]:
        """Counts, as ``relations summary`` prints them: sources, entities, aliases, events, claims, evidence."""
        lib = _ffi.lib
        h = self._handle()
        entities, events, claims = self.entities, self.events, self.claims
        return {
            "sources": len(self.sources),
            "entities": len(entities),
            "aliases": sum(lib.rel_entity_alias_count(e._p) for e in entities),
            "events": len(events),
            "claims": len(claims),
            "evidence": sum(lib.rel_entity_evidence_count(e._p) for e in entities)
            + sum(lib.rel_event_evidence_count(e._p) for e in events)
            + sum(lib.rel_claim_evidence_count(c._p) for c in claims),
            "predicates": int(lib.rel_kb_predicate_count(h)),
            "unannotated": int(lib.rel_kb_unannotated_count(h)),
        }

    # ------------------------------------------------------------ differences
    def diff(self, a: SourceRef, b: SourceRef) -> Diff:
        """What changed from version ``a`` to version ``b`` (sources or ids/prefixes): a :class:`Diff`."""
        pa, pb = self._source_ptr(a), self._source_ptr(b)
        out = _ffi.DiffP()
        err = _ffi.rel_error()
        _errors.check(_ffi.lib.rel_diff_sources(ctypes.byref(out), self._handle(), pa, pb, ctypes.byref(err)), err)
        try:
            return snapshot(self, out, self._wrap(Source, pa), self._wrap(Source, pb))  # type: ignore[arg-type]
        finally:
            _ffi.lib.rel_diff_free(out)

    def within(self, source: SourceRef) -> Diff:
        """The contradictions inside one version: a :class:`Diff` of CONTRADICTED differences."""
        p = self._source_ptr(source)
        out = _ffi.DiffP()
        err = _ffi.rel_error()
        _errors.check(_ffi.lib.rel_diff_within(ctypes.byref(out), self._handle(), p, ctypes.byref(err)), err)
        try:
            src = self._wrap(Source, p)
            return snapshot(self, out, src, src)  # type: ignore[arg-type]
        finally:
            _ffi.lib.rel_diff_free(out)

    # ------------------------------------------------------------ JSON
    def write_json(self, stream: IO[bytes]) -> None:
        """Streams the knowledge base as JSON into a binary file object (``rel_kb_write_json()``).

        An exception raised by ``stream.write`` stops the export and is re-raised.
        """
        h = self._handle()
        failure: List[BaseException] = []

        def write(data: Any, length: int, payload: Any) -> int:
            try:
                if length:
                    stream.write(ctypes.string_at(data, length))
                return 0
            except BaseException as e:  # must not unwind through C
                failure.append(e)
                return 1

        callback = _ffi.rel_write_fn(write)
        err = _ffi.rel_error()
        st = _ffi.lib.rel_kb_write_json(h, callback, None, ctypes.byref(err))
        if failure:
            raise failure[0]
        _errors.check(st, err)

    def to_json(self) -> str:
        """The knowledge base as JSON; ``from_json(kb.to_json())`` gives an equal knowledge base."""
        buf = io.BytesIO()
        self.write_json(buf)
        return buf.getvalue().decode("utf-8")

    def save_json(self, path: PathLike) -> None:
        """Writes the knowledge base as a JSON file, replacing it (``rel_kb_save_json()``)."""
        err = _ffi.rel_error()
        _errors.check(_ffi.lib.rel_kb_save_json(self._handle(), os.fsencode(path), ctypes.byref(err)), err)

    # ------------------------------------------------------------ snapshots
    def save_snapshot(self, path: PathLike) -> None:
        """Saves the knowledge base as a snapshot, query indexes included (``rel_kb_save_snapshot()``).

        The file is written beside ``path`` and renamed over it when complete.
        Open it again with :meth:`from_snapshot` (or :func:`relations.open_snapshot`).
        """
        err = _ffi.rel_error()
        _errors.check(_ffi.lib.rel_kb_save_snapshot(self._handle(), os.fsencode(path), ctypes.byref(err)), err)

    @property
    def read_only(self) -> bool:
        """Whether the knowledge base refuses writes: it was opened from a snapshot (``rel_kb_is_read_only()``)."""
        return bool(_ffi.lib.rel_kb_is_read_only(self._handle()))

    # ------------------------------------------------------------ queries
    def query(self, target: Union[QueryTarget, int, str] = QueryTarget.EVENTS, *, actor: Optional[Ref] = None,
              actor2: Optional[Ref] = None, window: Union[Time, Text, None] = None, certain: bool = False,
              type: Optional[Text] = None, source: Optional[SourceRef] = None, claimant: Optional[Ref] = None,
              modality: Union[Modality, int, str, None] = None, about: Optional[Ref] = None,
              kind: Union[EntityKind, int, str, None] = None, alias: Optional[Text] = None,
              match: Union[Match, int, str] = Match.EXACT, text: Optional[Text] = None) -> "Query[Any]":
        """The events, claims or entities that meet every filter given (``rel_query_new()``): a :class:`Query`.

        ``target`` is "events", "claims" or "entities" (or a :class:`QueryTarget`).
        Entities, events, claims and sources are given as objects or by id
        (sources also by a unique prefix). The filters, and the targets they apply to:

        - ``actor`` (events, claims): takes part in the event; for claims, the
          subject or object is the entity, or an event it takes part in.
        - ``actor2`` (events, with ``actor``): both take part.
        - ``window`` (events): a time expression ("1980/1989") or :class:`Time`
          whose strict bounds are the window; the event's time must meet it,
          or with ``certain=True`` lie wholly inside it.
        - ``type`` (events): "AID" (with its subtypes) or "AID.military".
        - ``source`` (all): has evidence in (is stated in) that source.
        - ``claimant``, ``modality`` (claims): who makes the claim and how
          surely, in ``source`` if given, else by default or in any source.
        - ``about`` (claims): the subject or object is that entity, event or claim.
        - ``kind`` (entities): an :class:`EntityKind` or its name ("state").
        - ``alias`` (entities): a name or alias, compared by ``match``:
          "exact", "normalised" or "prefix" (of the normalised name).
        - ``text`` (all): every word occurs (after :func:`~relations.normalise`)
          in the evidence, or names, or a claim's literals and predicate.

        A filter that does not apply to the target raises
        :class:`~relations.ArgumentError`; an id that names nothing raises
        :class:`~relations.NotFoundError`; a malformed window
        :class:`~relations.ParseError` or :class:`~relations.RangeError`.

        >>> with KnowledgeBase.builtin() as kb:
        ...     kb.query("events", actor="iran", actor2="north-korea", window="1980/1989").ids()
        ['nk-arms-sales-to-iran', 'boeing-flights-1980']
        """
        self._handle()
        t = QueryTarget.coerce(target)
        opts = _ffi.rel_query_options()
        _errors.check(_ffi.lib.rel_query_options_init(ctypes.byref(opts), _ffi.REL_QUERY_OPTIONS_VERSION))
        opts.target = int(t)
        shown: List[str] = []

        def put(field: str, value: Any, raw: Optional[bytes]) -> None:
            if raw is None:
                return
            if b"\0" in raw:
                raise _errors.error(_Status.ERR_UTF8, f"the {field} filter {value!r} contains a NUL byte")
            setattr(opts, field, raw)  # the structure keeps the bytes alive
            shown.append(f"{field}={raw.decode('utf-8', 'replace')!r}")

        def ref(obj: Optional[Ref]) -> Optional[bytes]:
            return None if obj is None else self._ref(obj)

        if isinstance(window, Time):
            window = window.format()
        put("actor", actor, ref(actor))
        put("actor2", actor2, ref(actor2))
        put("window", window, None if window is None else _ffi.text_in(window))
        opts.window_semantics = int(Window.CERTAIN if certain else Window.POSSIBLE)
        if certain:
            shown.append("certain")
        put("type", type, None if type is None else _ffi.text_in(type))
        put("source", source, ref(source))
        put("claimant", claimant, ref(claimant))
        if modality is not None:
            opts.modality = int(Modality.coerce(modality))
            if opts.modality != Modality.NONE:
                shown.append(f"modality={Modality(opts.modality)}")
        put("about", about, ref(about))
        if kind is not None:
            opts.entity_kind = int(EntityKind.coerce(kind))
            shown.append(f"kind={EntityKind(opts.entity_kind)}")
        m = Match.coerce(match)
        opts.alias_match = int(m)
        put("alias", alias, None if alias is None else _ffi.text_in(alias))
        if alias is not None and m != Match.EXACT:
            shown.append(f"match={m}")
        put("text", text, None if text is None else _ffi.text_in(text))
        return Query(self, t, opts, " ".join([str(t)] + shown))

    def build_indexes(self) -> None:
        """Builds the query indexes now rather than at the first query (``rel_kb_build_indexes()``).

        Building them twice does nothing; a knowledge base opened from a
        snapshot carries them. Like a builder method, it needs the caller's
        lock if other threads read the knowledge base.
        """
        err = _ffi.rel_error()
        _errors.check(_ffi.lib.rel_kb_build_indexes(self._handle(), ctypes.byref(err)), err)

    @property
    def index_size(self) -> int:
        """The memory the query indexes take, in bytes; 0 while they are not built (``rel_kb_index_size()``)."""
        return int(_ffi.lib.rel_kb_index_size(self._handle()))

    # ------------------------------------------------------------ building
    def _writer(self) -> Any:
        """The handle, for a builder call: first ends the queries, whose indexes any write drops."""
        h = self._handle()
        if self._queries and not _ffi.lib.rel_kb_is_read_only(h):
            self._drop_queries()
        return h

    def _check_write(self, status: int) -> None:
        if status < 0:
            rec = _ffi.lib.rel_kb_error(self._h)
            raise _errors.from_record(status, rec.contents if rec else None)

    @staticmethod
    def _ref(obj: Ref) -> bytes:
        return _ffi.text_in(obj.id if isinstance(obj, _Borrowed) else obj)

    def add_source(self, id: Text, text: Text, *, title: Optional[Text] = None, label: Optional[Text] = None,
                   lang: Optional[Text] = None, date: Optional[Text] = None, url: Optional[Text] = None,
                   licence: Optional[Text] = None, path: Optional[Text] = None,
                   revises: Optional[SourceRef] = None) -> Source:
        """Adds a source (a document version) and returns it."""
        h = self._writer()
        spec = _ffi.rel_source_spec()
        spec.version = _ffi.REL_SOURCE_SPEC_VERSION
        keep = []
        fields = dict(id=id, text=text, title=title, label=label, lang=lang, date=date, url=url, licence=licence,
                      path=path, revises=None if revises is None else self._ref(revises))
        for name, value in fields.items():
            if value is not None:
                raw = _ffi.text_in(value)
                keep.append(raw)
                setattr(spec, name, raw)
                setattr(spec, name + "_len", len(raw))
        self._check_write(_ffi.lib.rel_kb_add_source(h, ctypes.byref(spec)))
        return self.sources[keep[0]]

    def add_entity(self, id: Text, kind: Union[EntityKind, int, str], name: Text) -> Entity:
        """Adds an entity of a kind (``EntityKind.STATE`` or "state") with its canonical name."""
        h = self._writer()
        raw_id, raw_name = _ffi.text_in(id), _ffi.text_in(name)
        self._check_write(_ffi.lib.rel_kb_add_entity(h, raw_id, len(raw_id), int(EntityKind.coerce(kind)),
                                                     raw_name, len(raw_name)))
        return self.entities[raw_id]

    def add_alias(self, entity: Ref, text: Text, lang: Text = "en") -> None:
        """Adds a surface form in a language (a BCP 47 tag) to an entity; adding it twice is a no-op."""
        h = self._writer()
        e, t, lg = self._ref(entity), _ffi.text_in(text), _ffi.text_in(lang)
        self._check_write(_ffi.lib.rel_kb_add_alias(h, e, len(e), t, len(t), lg, len(lg)))

    def add_event(self, id: Text, type: Text) -> Event:
        """Adds an event of a type, "ROOT" or "ROOT.mode" ("AID.military")."""
        h = self._writer()
        i, t = _ffi.text_in(id), _ffi.text_in(type)
        self._check_write(_ffi.lib.rel_kb_add_event(h, i, len(i), t, len(t)))
        return self.events[i]

    def set_event_time(self, event: Ref, expr: Union[Time, Text], words: Optional[Text] = None) -> None:
        """Sets or replaces an event's time: an expression ("START 1980-10") and the words it came from."""
        h = self._writer()
        if isinstance(expr, Time):
            if words is None:
                words = expr.words
            expr = expr.format()
        e, x = self._ref(event), _ffi.text_in(expr)
        w = None if words is None else _ffi.text_in(words)
        self._check_write(_ffi.lib.rel_kb_set_event_time(h, e, len(e), x, len(x), w, len(w or b"")))

    def add_participant(self, event: Ref, entity: Ref, role: Union[Role, int, str] = Role.PARTICIPANT) -> None:
        """Adds a participant to an event, in a role (``Role.AGENT`` or "agent")."""
        h = self._writer()
        ev, en = self._ref(event), self._ref(entity)
        self._check_write(_ffi.lib.rel_kb_add_participant(h, ev, len(ev), en, len(en), int(Role.coerce(role))))

    def _value_spec(self, value: Any, spec: _ffi.rel_value_spec, keep: List[bytes]) -> None:
        def put(field: str, raw: Optional[bytes]) -> None:
            if raw is not None:
                keep.append(raw)
                setattr(spec, field, raw)
                setattr(spec, field + "_len", len(raw))

        if value is None:
            spec.kind = ValueKind.NONE
        elif isinstance(value, (Entity, Event, Claim)):
            spec.kind = {Entity: ValueKind.ENTITY, Event: ValueKind.EVENT, Claim: ValueKind.CLAIM}[type(value)]
            put("str", _ffi.text_in(value.id))
        elif isinstance(value, Literal):
            spec.kind = ValueKind.LITERAL
            put("str", _ffi.text_in(str(value)))
        elif isinstance(value, Quantity) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            q = value if isinstance(value, Quantity) else Quantity(float(value))
            spec.kind = ValueKind.QUANTITY
            spec.number = float(q.number)
            put("str", None if q.unit is None else _ffi.text_in(q.unit))
        elif isinstance(value, Time):
            spec.kind = ValueKind.TIME
            put("str", _ffi.text_in(value.format()))
            put("words", None if value.words is None else _ffi.text_in(value.words))
        elif isinstance(value, (str, bytes)):
            # A plain string is the id of an entity, event or claim; the library reports unknown ids.
            kind = self.kind_of(value)
            spec.kind = {ObjectKind.EVENT: ValueKind.EVENT, ObjectKind.CLAIM: ValueKind.CLAIM}.get(
                kind, ValueKind.ENTITY)
            put("str", _ffi.text_in(value))
        else:
            raise TypeError(f"a claim value is an Entity, Event, Claim (or its id), Literal, Quantity, number or "
                            f"Time, not {type(value).__name__}")

    def add_claim(self, id: Text, subject: Ref, predicate: Text, object: Any = None, *, claimant: Ref,
                  modality: Union[Modality, int, str], polarity: Union[Polarity, int, str] = Polarity.POSITIVE
                  ) -> Claim:
        """Adds a claim: ``subject predicate object``, made by ``claimant`` with ``modality``.

        ``subject`` is an entity, event or claim (or its id). ``object`` may
        also be a :class:`Literal`, a :class:`Quantity` (or a bare number), a
        :class:`Time`, or None. ``claimant`` and ``modality`` are the defaults
        for every source; see :meth:`set_claim_version`.
        """
        h = self._writer()
        keep: List[bytes] = []
        spec = _ffi.rel_claim_spec()
        spec.version = _ffi.REL_CLAIM_SPEC_VERSION
        for field, value in (("id", id), ("predicate", predicate), ("claimant", self._ref(claimant))):
            raw = _ffi.text_in(value)
            keep.append(raw)
            setattr(spec, field, raw)
            setattr(spec, field + "_len", len(raw))
        self._value_spec(subject, spec.subject, keep)
        self._value_spec(object, spec.object, keep)
        spec.modality = int(Modality.coerce(modality))
        spec.polarity = int(Polarity.coerce(polarity))
        self._check_write(_ffi.lib.rel_kb_add_claim(h, ctypes.byref(spec)))
        return self.claims[keep[0]]

    def set_claim_version(self, claim: Ref, source: SourceRef, *, claimant: Optional[Ref] = None,
                          modality: Union[Modality, int, str, None] = None) -> None:
        """Says who makes a claim (``claimant``), and how surely (``modality``), in one source."""
        h = self._writer()
        c, s = self._ref(claim), self._ref(source)
        who = None if claimant is None else self._ref(claimant)
        m = Modality.NONE if modality is None else Modality.coerce(modality)
        self._check_write(_ffi.lib.rel_kb_set_claim_version(h, c, len(c), s, len(s), who, len(who or b""), int(m)))

    def add_claim_relation(self, claim: Ref, relation: Union[Relation, int, str], target: Ref) -> None:
        """Records that ``claim`` stands in ``relation`` ("disputes", ...) to ``target``."""
        h = self._writer()
        c, t = self._ref(claim), self._ref(target)
        self._check_write(_ffi.lib.rel_kb_add_claim_relation(h, c, len(c), int(Relation.coerce(relation)), t, len(t)))

    def _byte_span(self, source: SourceRef, start: Optional[int], end: Optional[int], byte_start: Optional[int],
                   byte_end: Optional[int]) -> Tuple[bytes, int, int]:
        """The source id and the span in bytes, from ``str`` indices or byte offsets."""
        chars = start is not None or end is not None
        if chars == (byte_start is not None or byte_end is not None):
            raise TypeError("give either start and end (str indices) or byte_start and byte_end")
        if chars:
            if start is None or end is None:
                raise TypeError("give both start and end")
            src = source if isinstance(source, Source) and source.kb is self else self.sources.get(self._ref(source))
            if src is None:
                raise _errors.error(_Status.ERR_REFERENCE, f"no source matches {source!r}")
            return _ffi.text_in(src.id), src.byte_offset(start), src.byte_offset(end)
        if byte_start is None or byte_end is None:
            raise TypeError("give both byte_start and byte_end")
        if byte_start < 0 or byte_end < 0:
            raise _errors.error(_Status.ERR_RANGE, f"negative offset in [{byte_start}, {byte_end})")
        return self._ref(source), byte_start, byte_end

    def _added(self, obj: Ref, source: bytes, byte_start: int, byte_end: int) -> Evidence:
        target = obj if isinstance(obj, _Borrowed) and obj.kb is self else self[self._ref(obj)]
        src = self.sources[source]
        for ev in getattr(target, "evidence"):
            if ev.source is src and ev.byte_start == byte_start and ev.byte_end == byte_end:
                return ev  # type: ignore[no-any-return]
        return self._span(src, byte_start, byte_end)

    def add_evidence(self, obj: Ref, source: SourceRef, start: Optional[int] = None, end: Optional[int] = None, *,
                     byte_start: Optional[int] = None, byte_end: Optional[int] = None) -> Evidence:
        """Adds evidence to an entity, event or claim: the span [start, end) of a source.

        Give ``start``/``end`` as ``str`` indices into ``source.text``, or
        ``byte_start``/``byte_end`` as byte offsets. Returns the new evidence.
        """
        h = self._writer()
        s, bs, be = self._byte_span(source, start, end, byte_start, byte_end)
        o = self._ref(obj)
        self._check_write(_ffi.lib.rel_kb_add_evidence(h, o, len(o), s, len(s), bs, be))
        return self._added(obj, s, bs, be)

    def add_evidence_quote(self, obj: Ref, source: SourceRef, exact: Text, *, prefix: Optional[Text] = None,
                           suffix: Optional[Text] = None) -> Evidence:
        """Adds evidence located by quoting it; the quote must fit exactly one place. Returns the new evidence."""
        h = self._writer()
        o, s = self._ref(obj), self._ref(source)
        keep, quote = _quote(exact, prefix, suffix)
        self._check_write(_ffi.lib.rel_kb_add_evidence_quote(h, o, len(o), s, len(s), ctypes.byref(quote)))
        span = self.sources[s].find_quote(exact, prefix, suffix)
        return self._added(obj, _ffi.text_in(span.source.id), span.byte_start, span.byte_end)

    def add_predicate(self, name: Text, *, functional: bool = False,
                      flags: Union[PredicateFlag, int] = PredicateFlag.NONE) -> None:
        """Declares a predicate; a ``functional`` one takes one value per subject (differing values contradict)."""
        h = self._writer()
        n = _ffi.text_in(name)
        f = int(flags) | (int(PredicateFlag.FUNCTIONAL) if functional else 0)
        self._check_write(_ffi.lib.rel_kb_add_predicate(h, n, len(n), f))

    def add_unannotated(self, source: SourceRef, start: Optional[int] = None, end: Optional[int] = None, *,
                        reason: Text, byte_start: Optional[int] = None, byte_end: Optional[int] = None) -> None:
        """Records a passage deliberately left without annotation, and why (offsets as in :meth:`add_evidence`)."""
        h = self._writer()
        s, bs, be = self._byte_span(source, start, end, byte_start, byte_end)
        r = _ffi.text_in(reason)
        self._check_write(_ffi.lib.rel_kb_add_unannotated(h, s, len(s), bs, be, r, len(r)))
