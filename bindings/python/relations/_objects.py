# SPDX-License-Identifier: MIT
"""Sources, evidence, entities, events and claims: views of objects borrowed from a knowledge base."""
from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Any, List, NamedTuple, Optional, Union

from . import _errors, _ffi
from ._enums import EntityKind, Modality, Polarity, Relation, Role, ValueKind
from ._time import Time

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

SourceRef = Union["Source", str, bytes]


def _short(source_id: str) -> str:
    """The part of a source id before its first "_" ("000" for "000_d477b4b9c20a8e87")."""
    return source_id.split("_", 1)[0]


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


class Evidence(NamedTuple):
    """A span of a source: ``(source, start, end, text, byte_start, byte_end)``.

    ``start``/``end`` are Python ``str`` indices (code points) into
    ``source.text``, so ``source.text[start:end] == text``;
    ``byte_start``/``byte_end`` are the library's byte offsets into
    ``source.text_bytes``. Both are end-exclusive.
    """
    source: "Source"
    start: int
    end: int
    text: str
    byte_start: int
    byte_end: int

    def __repr__(self) -> str:
        return (f"Evidence({_short(self.source.id)} [{self.start}:{self.end}] "
                f"bytes [{self.byte_start}:{self.byte_end}] {_clip(self.text)!r})")


class Alias(NamedTuple):
    """One surface form of an entity."""
    text: str
    lang: str


class Participant(NamedTuple):
    """One participant of an event."""
    entity: "Entity"
    role: Role


class ClaimVersion(NamedTuple):
    """Who makes a claim, and how surely, in one source that states it."""
    source: "Source"
    modality: Modality
    claimant: Optional["Entity"]


class ClaimRelation(NamedTuple):
    """``claim [relation] target``: how a claim stands to another."""
    relation: Relation
    target: "Claim"


class Quantity(NamedTuple):
    """A claim value that is a number with an optional unit."""
    number: float
    unit: Optional[str] = None

    def __str__(self) -> str:
        n = int(self.number) if float(self.number).is_integer() else self.number
        return f"{n} {self.unit}" if self.unit else f"{n}"


class Literal(str):
    """A claim value that is a string literal (a plain ``str`` passed to the builder is an id)."""

    def __repr__(self) -> str:
        return f"Literal({str.__repr__(self)})"


#: What a claim's subject or object can be.
Value = Union["Entity", "Event", "Claim", Literal, Quantity, Time, None]


class _Borrowed:
    """Base of the objects borrowed from a knowledge base.

    Each keeps its knowledge base alive; once the knowledge base is closed,
    everything but ``id`` and ``repr()`` raises :class:`~relations.ClosedError`.
    One object of the knowledge base is always the same Python object, so
    ``is`` and ``==`` agree.
    """

    __slots__ = ("_kb", "_p", "_id", "__weakref__")
    _kind = "object"

    def __init__(self, kb: "KnowledgeBase", p: Any, id_: str) -> None:
        self._kb = kb
        self._p = p
        self._id = id_

    @property
    def id(self) -> str:
        """The object's id."""
        return self._id

    @property
    def kb(self) -> "KnowledgeBase":
        """The knowledge base the object belongs to."""
        return self._kb

    def _h(self) -> Any:
        self._kb._handle()  # raises ClosedError once the knowledge base is closed
        return self._p

    def _evidence_list(self, count_fn: Any, at_fn: Any) -> List[Evidence]:
        p = self._h()
        return [self._kb._evidence(at_fn(p, i)) for i in range(count_fn(p))]

    def __repr__(self) -> str:
        name = type(self).__name__
        if self._kb.closed:
            return f"<{name} {self._id} (closed)>"
        return f"<{name} {self._id}: {self._describe()}>"

    def _describe(self) -> str:
        return ""

    def __reduce__(self) -> Any:
        raise TypeError(f"a {type(self).__name__} belongs to its knowledge base and cannot be pickled")


class Source(_Borrowed):
    """One version of a document: its id, its full text, and metadata."""

    __slots__ = ("_text", "_bytes")
    _kind = "source"

    def __init__(self, kb: "KnowledgeBase", p: Any, id_: str) -> None:
        super().__init__(kb, p, id_)
        self._text: Optional[str] = None
        self._bytes: Optional[bytes] = None

    @property
    def short_id(self) -> str:
        """The id up to its first "_" ("000"), as the command-line tool shows it."""
        return _short(self._id)

    @property
    def text_bytes(self) -> bytes:
        """The full UTF-8 text; evidence byte offsets point into it."""
        if self._bytes is None:
            n = ctypes.c_size_t(0)
            ptr = _ffi.lib.rel_source_text(self._h(), ctypes.byref(n))
            self._bytes = _ffi.string_at(ptr, n.value)
        return self._bytes

    @property
    def text(self) -> str:
        """The full text; evidence ``start``/``end`` index into it."""
        if self._text is None:
            self._text = self.text_bytes.decode("utf-8")
        return self._text

    def _meta(self, fn: Any) -> Optional[str]:
        return _ffi.get_str(fn, self._h())

    @property
    def title(self) -> Optional[str]:
        """The title, or None."""
        return self._meta(_ffi.lib.rel_source_title)

    @property
    def label(self) -> Optional[str]:
        """A short label that tells versions apart ("later version"), or None."""
        return self._meta(_ffi.lib.rel_source_label)

    @property
    def lang(self) -> Optional[str]:
        """The language, a BCP 47 tag, or None."""
        return self._meta(_ffi.lib.rel_source_lang)

    @property
    def date(self) -> Optional[str]:
        """The EDTF date of this version, or None."""
        return self._meta(_ffi.lib.rel_source_date)

    @property
    def url(self) -> Optional[str]:
        """Where the version was published, or None."""
        return self._meta(_ffi.lib.rel_source_url)

    @property
    def licence(self) -> Optional[str]:
        """The licence of the text, or None."""
        return self._meta(_ffi.lib.rel_source_licence)

    @property
    def path(self) -> Optional[str]:
        """The file the text was read from, as given in the JSON, or None."""
        return self._meta(_ffi.lib.rel_source_path)

    @property
    def revises(self) -> Optional["Source"]:
        """The earlier version this one revises, or None."""
        return self._kb._wrap(Source, _ffi.lib.rel_source_revises(self._h()))

    @property
    def index(self) -> int:
        """The position of the source in ``kb.sources``."""
        return int(_ffi.lib.rel_source_index(self._h()))

    def char_offset(self, byte_offset: int) -> int:
        """A byte offset into the text as a ``str`` index (``rel_utf8_codepoint_offset()``)."""
        data = self.text_bytes
        if byte_offset < 0:
            raise _errors.error(_errors.Status.ERR_RANGE, f"negative offset {byte_offset}")
        out = ctypes.c_uint64()
        _errors.check(_ffi.lib.rel_utf8_codepoint_offset(data, len(data), byte_offset, ctypes.byref(out)), None,
                      f"byte offset {byte_offset} is not a character boundary of {self._id}")
        return out.value

    def byte_offset(self, char_offset: int) -> int:
        """A ``str`` index into the text as a byte offset (``rel_utf8_byte_offset()``)."""
        data = self.text_bytes
        if char_offset < 0:
            raise _errors.error(_errors.Status.ERR_RANGE, f"negative offset {char_offset}")
        out = ctypes.c_uint64()
        _errors.check(_ffi.lib.rel_utf8_byte_offset(data, len(data), char_offset, ctypes.byref(out)), None,
                      f"offset {char_offset} is past the end of {self._id}")
        return out.value

    def span(self, start: int, end: int) -> Evidence:
        """The span [start, end) of the text, in ``str`` indices, as an :class:`Evidence`."""
        bs, be = self.byte_offset(start), self.byte_offset(end)
        return Evidence(self, start, end, self.text[start:end], bs, be)

    def find_quote(self, exact: Union[str, bytes], prefix: Union[str, bytes, None] = None,
                   suffix: Union[str, bytes, None] = None) -> Evidence:
        """Where a quotation stands (``rel_source_find_quote()``).

        Raises :class:`~relations.NotFoundError` if it fits nowhere and
        :class:`~relations.AmbiguousError` if it fits several places.
        """
        keep, quote = _quote(exact, prefix, suffix)
        s, e = ctypes.c_uint64(), ctypes.c_uint64()
        _errors.check(_ffi.lib.rel_source_find_quote(self._h(), ctypes.byref(quote), ctypes.byref(s),
                                                     ctypes.byref(e)), None,
                      f"the quote {_ffi.static_str(keep[0])!r} does not fit exactly one place of {self._id}")
        return self._kb._span(self, s.value, e.value)

    def _describe(self) -> str:
        label = self.label
        return f"{label + ', ' if label else ''}{len(self.text_bytes)} bytes"


def _quote(exact: Union[str, bytes], prefix: Union[str, bytes, None],
           suffix: Union[str, bytes, None]) -> tuple:
    ex = _ffi.text_in(exact)
    pre = None if prefix is None else _ffi.text_in(prefix)
    suf = None if suffix is None else _ffi.text_in(suffix)
    quote = _ffi.rel_quote(ex, len(ex), pre, len(pre or b""), suf, len(suf or b""))
    return (ex, pre, suf), quote


class Entity(_Borrowed):
    """A thing the sources talk about: a state, a group, a person, a place..."""

    __slots__ = ()
    _kind = "entity"

    @property
    def kind(self) -> EntityKind:
        """The kind of entity; ``str(kind)`` is its JSON name ("state")."""
        return EntityKind.wrap(_ffi.lib.rel_entity_kind(self._h()))  # type: ignore[return-value]

    @property
    def name(self) -> str:
        """The canonical name."""
        return _ffi.get_str(_ffi.lib.rel_entity_name, self._h()) or ""

    @property
    def aliases(self) -> List[Alias]:
        """Every surface form, with its language."""
        p = self._h()
        lib = _ffi.lib
        return [Alias(_ffi.get_str(lib.rel_entity_alias_text, p, i) or "",
                      _ffi.get_str(lib.rel_entity_alias_lang, p, i) or "")
                for i in range(lib.rel_entity_alias_count(p))]

    @property
    def evidence(self) -> List[Evidence]:
        """The mentions of the entity."""
        return self._evidence_list(_ffi.lib.rel_entity_evidence_count, _ffi.lib.rel_entity_evidence_at)

    def _describe(self) -> str:
        return f"{self.name} ({self.kind})"


class Event(_Borrowed):
    """Something that happened: a type, participants with roles, a fuzzy time."""

    __slots__ = ()
    _kind = "event"

    @property
    def type(self) -> str:
        """The type, "ROOT" or "ROOT.mode" ("AID.military")."""
        return _ffi.get_str(_ffi.lib.rel_event_type, self._h()) or ""

    @property
    def participants(self) -> List[Participant]:
        """The participants with their roles."""
        p = self._h()
        lib = _ffi.lib
        return [Participant(self._kb._wrap(Entity, lib.rel_event_participant_entity(p, i)),
                            Role.wrap(lib.rel_event_participant_role(p, i)))  # type: ignore[arg-type]
                for i in range(lib.rel_event_participant_count(p))]

    @property
    def time_text(self) -> Optional[str]:
        """The words the time was read from ("early October 1980"), or None."""
        return _ffi.get_str(_ffi.lib.rel_event_time_text, self._h())

    @property
    def time(self) -> Optional[Time]:
        """The event's time (an owned copy, with ``words`` set), or None."""
        p = self._h()
        return Time._copy_of(_ffi.lib.rel_event_time(p), _ffi.get_str(_ffi.lib.rel_event_time_text, p))

    @property
    def evidence(self) -> List[Evidence]:
        """The mentions that report the event."""
        return self._evidence_list(_ffi.lib.rel_event_evidence_count, _ffi.lib.rel_event_evidence_at)

    def _describe(self) -> str:
        parts = ", ".join(f"{pt.entity.id} ({pt.role})" for pt in self.participants)
        out = self.type + (f"; {parts}" if parts else "")
        t = self.time
        if t is not None:
            out += f"; {t}" + (f" {t.words!r}" if t.words else "")
            t.close()
        return out


class Claim(_Borrowed):
    """A proposition, subject – predicate – object, with a claimant and a modality per version."""

    __slots__ = ()
    _kind = "claim"

    @property
    def subject(self) -> Value:
        """What the claim is about: an :class:`Entity`, :class:`Event` or :class:`Claim`."""
        return self._kb._value(_ffi.lib.rel_claim_subject(self._h()))

    @property
    def predicate(self) -> str:
        """The predicate ("supplies_arms_to")."""
        return _ffi.get_str(_ffi.lib.rel_claim_predicate, self._h()) or ""

    @property
    def object(self) -> Value:
        """The object: an entity, event or claim, a :class:`Literal`, a :class:`Quantity`, a Time, or None."""
        return self._kb._value(_ffi.lib.rel_claim_object(self._h()))

    @property
    def claimant(self) -> Optional[Entity]:
        """The default claimant (where no source says otherwise)."""
        return self._kb._wrap(Entity, _ffi.lib.rel_claim_claimant(self._h()))

    @property
    def modality(self) -> Modality:
        """The default modality."""
        return Modality.wrap(_ffi.lib.rel_claim_modality(self._h()))  # type: ignore[return-value]

    @property
    def polarity(self) -> Polarity:
        """Whether the proposition holds (POSITIVE) or is stated not to (NEGATIVE)."""
        return Polarity.wrap(_ffi.lib.rel_claim_polarity(self._h()))  # type: ignore[return-value]

    def modality_in(self, source: SourceRef) -> Modality:
        """How sure a source is of the claim; ``Modality.NONE`` if it does not state it."""
        src = self._kb._source_ptr(source)
        return Modality.wrap(_ffi.lib.rel_claim_modality_in(self._h(), src))  # type: ignore[return-value]

    def claimant_in(self, source: SourceRef) -> Optional[Entity]:
        """Who makes the claim in a source; None if the source does not state it."""
        src = self._kb._source_ptr(source)
        return self._kb._wrap(Entity, _ffi.lib.rel_claim_claimant_in(self._h(), src))

    @property
    def versions(self) -> List[ClaimVersion]:
        """Claimant and modality in each source that states the claim, in source order."""
        p = self._h()
        lib = _ffi.lib
        out = []
        for src in self._kb.sources:
            m = lib.rel_claim_modality_in(p, src._p)
            if m != Modality.NONE:
                out.append(ClaimVersion(src, Modality.wrap(m),  # type: ignore[arg-type]
                                        self._kb._wrap(Entity, lib.rel_claim_claimant_in(p, src._p))))
        return out

    @property
    def relations(self) -> List[ClaimRelation]:
        """How this claim stands to others (supports, disputes, ...)."""
        p = self._h()
        lib = _ffi.lib
        return [ClaimRelation(Relation.wrap(lib.rel_claim_relation_type(p, i)),  # type: ignore[arg-type]
                              self._kb._wrap(Claim, lib.rel_claim_relation_target(p, i)))
                for i in range(lib.rel_claim_relation_count(p))]

    @property
    def evidence(self) -> List[Evidence]:
        """Every span that states the claim, over all sources."""
        return self._evidence_list(_ffi.lib.rel_claim_evidence_count, _ffi.lib.rel_claim_evidence_at)

    def evidence_in(self, source: SourceRef) -> List[Evidence]:
        """The spans of one source that state the claim."""
        src = self._kb._wrap(Source, self._kb._source_ptr(source))
        return [ev for ev in self.evidence if ev.source is src]

    def _describe(self) -> str:
        def show(v: Value) -> str:
            if isinstance(v, _Borrowed):
                return v.id
            if isinstance(v, Time):
                s = str(v)
                v.close()
                return s
            return repr(v) if isinstance(v, Literal) else str(v)

        negated = "not " if self.polarity == Polarity.NEGATIVE else ""
        obj = self.object
        text = f"{show(self.subject)} {negated}{self.predicate}" + (f" {show(obj)}" if obj is not None else "")
        versions = "; ".join(f"{v.modality} by {v.claimant.id if v.claimant else '?'} in {v.source.short_id}"
                             for v in self.versions)
        return text + (f"; {versions}" if versions else f"; {self.modality} by "
                       f"{self.claimant.id if self.claimant else '?'}")


#: The wrapper class for each kind of value that refers to an object.
VALUE_CLASSES = {ValueKind.ENTITY: Entity, ValueKind.EVENT: Event, ValueKind.CLAIM: Claim}
