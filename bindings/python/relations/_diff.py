# SPDX-License-Identifier: MIT
"""Differences between versions, and contradictions inside one (``relations/diff.h``)."""
from __future__ import annotations

import collections
import ctypes
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, NamedTuple, Optional, Sequence, Union, overload

from . import _errors, _ffi
from ._enums import DifferenceKind, Modality, ObjectKind, Side
from ._objects import Claim, Entity, Event, Evidence, Source, _clip

if TYPE_CHECKING:
    from ._kb import KnowledgeBase


class Change(NamedTuple):
    """One change of words in a rewording: what side A has where side B has ``added``."""
    removed: str
    added: str
    spelling: bool  #: Only case, dashes, apostrophes, punctuation or spacing changed.


class DiffSide(NamedTuple):
    """One side of a difference."""
    source: Source
    claim: Optional[Claim]  #: The claim on this side (None unless the difference is about a claim).
    evidence: List[Evidence]  #: The spans this side rests on (empty on the missing side of an addition or drop).
    modality: Modality  #: The claim's modality here (NONE unless about a claim stated on this side).
    claimant: Optional[Entity]  #: The claim's claimant here.


class Difference:
    """One difference: its kind, the fact it is about, and both sides with their evidence.

    A plain snapshot taken when the diff was computed: its attributes stay
    readable after the knowledge base is closed, though the objects they
    name then raise :class:`~relations.ClosedError`.
    """

    __slots__ = ("kind", "object_kind", "object", "a", "b", "changes")

    kind: DifferenceKind
    object_kind: ObjectKind
    #: The entity, event or claim the difference is about (for a contradiction: side A's claim).
    object: Union[Entity, Event, Claim]
    a: DiffSide
    b: DiffSide
    changes: List[Change]

    def __init__(self, kind: DifferenceKind, object_kind: ObjectKind, obj: Union[Entity, Event, Claim],
                 a: DiffSide, b: DiffSide, changes: List[Change]) -> None:
        self.kind = kind
        self.object_kind = object_kind
        self.object = obj
        self.a = a
        self.b = b
        self.changes = changes

    @property
    def id(self) -> str:
        """The id of the object the difference is about."""
        return self.object.id

    def __repr__(self) -> str:
        k = self.kind
        detail = ""
        if k in (DifferenceKind.HEDGED, DifferenceKind.STRENGTHENED):
            detail = f": {self.a.modality} → {self.b.modality}"
        elif k == DifferenceKind.REATTRIBUTED:
            ca = self.a.claimant.id if self.a.claimant else "?"
            cb = self.b.claimant.id if self.b.claimant else "?"
            detail = f": {ca} → {cb}"
        elif k == DifferenceKind.CONTRADICTED and self.b.claim is not None:
            detail = f": contradicts {self.b.claim.id}"
        elif self.changes:
            c = self.changes[0]
            more = f" (+{len(self.changes) - 1} more)" if len(self.changes) > 1 else ""
            detail = f": {_clip(c.removed, 30)!r} → {_clip(c.added, 30)!r}{more}"
        sides = (self.a.source.short_id if self.a.source is self.b.source
                 else f"{self.a.source.short_id}→{self.b.source.short_id}")
        return f"<Difference {k} {self.object_kind} {self.id} {sides}{detail}>"


class Diff(Sequence[Difference]):
    """The differences found by :meth:`KnowledgeBase.diff` or :meth:`KnowledgeBase.within`.

    A sequence of :class:`Difference`, ordered by kind of object (entities,
    events, claims), then by position in the knowledge base, then by kind of
    difference. ``a`` and ``b`` are the two versions compared (the same
    source for :meth:`KnowledgeBase.within`).
    """

    def __init__(self, a: Source, b: Source, differences: List[Difference]) -> None:
        self.a = a
        self.b = b
        self._items = differences

    @overload
    def __getitem__(self, i: int) -> Difference: ...

    @overload
    def __getitem__(self, i: slice) -> List[Difference]: ...

    def __getitem__(self, i: Any) -> Any:
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Difference]:
        return iter(self._items)

    def of_kind(self, kind: Union[DifferenceKind, str, int]) -> List[Difference]:
        """The differences of one kind ("hedged", ``DifferenceKind.ADDED``, ...)."""
        k = DifferenceKind.coerce(kind)
        return [d for d in self._items if d.kind == k]

    def about(self, obj: Union[Entity, Event, Claim, str]) -> List[Difference]:
        """The differences about one object (or its id), including contradictions naming it on side B."""
        oid = obj if isinstance(obj, str) else obj.id
        return [d for d in self._items
                if d.id == oid or (d.b.claim is not None and d.b.claim.id == oid)]

    def counts(self) -> Dict[DifferenceKind, int]:
        """How many differences of each kind."""
        return dict(collections.Counter(d.kind for d in self._items))

    def __repr__(self) -> str:
        where = (self.a.short_id if self.a is self.b else f"{self.a.short_id} → {self.b.short_id}")
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.counts().items()))
        return f"<Diff {where}: {len(self)} differences{' (' + kinds + ')' if kinds else ''}>"


def _side(kb: "KnowledgeBase", d: Any, side: Side) -> DiffSide:
    lib = _ffi.lib
    s = int(side)
    return DiffSide(
        source=kb._wrap(Source, lib.rel_difference_source(d, s)),
        claim=kb._wrap(Claim, lib.rel_difference_claim(d, s)),
        evidence=[kb._evidence(lib.rel_difference_evidence_at(d, s, i))
                  for i in range(lib.rel_difference_evidence_count(d, s))],
        modality=Modality.wrap(lib.rel_difference_modality(d, s)),  # type: ignore[arg-type]
        claimant=kb._wrap(Entity, lib.rel_difference_claimant(d, s)),
    )


def _changes(d: Any) -> List[Change]:
    lib = _ffi.lib
    out = []
    for i in range(lib.rel_difference_change_count(d)):
        removed, added = _ffi.StrOut(), _ffi.StrOut()
        rn, an = ctypes.c_size_t(0), ctypes.c_size_t(0)
        _errors.check(lib.rel_difference_change_at(d, i, ctypes.byref(removed), ctypes.byref(rn),
                                                   ctypes.byref(added), ctypes.byref(an)))
        out.append(Change(_ffi.string_at(removed, rn.value).decode("utf-8", "surrogateescape"),
                          _ffi.string_at(added, an.value).decode("utf-8", "surrogateescape"),
                          bool(lib.rel_difference_change_is_spelling(d, i))))
    return out


def snapshot(kb: "KnowledgeBase", diff: Any, a: Source, b: Source) -> Diff:
    """Copies an owned ``rel_diff`` into Python objects (the caller frees the ``rel_diff``)."""
    lib = _ffi.lib
    items = []
    for i in range(lib.rel_diff_count(diff)):
        d = lib.rel_diff_at(diff, i)
        okind = ObjectKind.wrap(lib.rel_difference_object_kind(d))
        obj: Any
        if okind == ObjectKind.ENTITY:
            obj = kb._wrap(Entity, lib.rel_difference_entity(d))
        elif okind == ObjectKind.EVENT:
            obj = kb._wrap(Event, lib.rel_difference_event(d))
        else:
            obj = kb._wrap(Claim, lib.rel_difference_claim(d, int(Side.A)))
        items.append(Difference(DifferenceKind.wrap(lib.rel_difference_kind(d)),  # type: ignore[arg-type]
                                okind, obj, _side(kb, d, Side.A), _side(kb, d, Side.B),  # type: ignore[arg-type]
                                _changes(d)))
    return Diff(a, b, items)
