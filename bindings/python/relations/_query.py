# SPDX-License-Identifier: MIT
"""Queries: the events, claims or entities that meet combined filters (``relations/query.h``)."""
from __future__ import annotations

import ctypes
import itertools
import threading
from typing import TYPE_CHECKING, Any, Dict, Generic, Iterator, List, NamedTuple, Optional, Tuple, Type, TypeVar

from . import _errors, _ffi
from ._enums import QueryTarget
from ._objects import Claim, Entity, Event, _Borrowed

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

T = TypeVar("T", bound=_Borrowed)

#: For each target: the class of its results, their pointer type and the call that gives the next one.
_TARGETS: Dict[QueryTarget, Tuple[Type[_Borrowed], Any, str]] = {
    QueryTarget.EVENTS: (Event, _ffi.EventP, "rel_query_next_event"),
    QueryTarget.CLAIMS: (Claim, _ffi.ClaimP, "rel_query_next_claim"),
    QueryTarget.ENTITIES: (Entity, _ffi.EntityP, "rel_query_next_entity"),
}

#: Tokens that name live queries in their knowledge base's table (never reused, unlike addresses).
_tokens = itertools.count(1)


class YearCounts(NamedTuple):
    """What :meth:`Query.per_year` returns: ``(years, undated)``.

    ``years`` lists ``(year, count)`` in year order, for each year with at
    least one event (astronomical years: 0 is 1 BCE); ``undated`` counts the
    events without a time, or whose time has no known first day.
    """
    years: List[Tuple[int, int]]
    undated: int

    @property
    def total(self) -> int:
        """Every event counted: those of each year and the undated ones."""
        return sum(n for _, n in self.years) + self.undated


class Query(Generic[T]):
    """The results of :meth:`KnowledgeBase.query <relations.KnowledgeBase.query>` (``rel_query``).

    Iterate over it for the results, in the knowledge base's order: the
    same :class:`~relations.Event`, :class:`~relations.Claim` or
    :class:`~relations.Entity` objects the knowledge base gives elsewhere.
    Each ``iter()`` starts again from the first result (advancing an
    iterator made before then raises ``RuntimeError``). :meth:`count` and
    :meth:`per_year` count without iterating.

    A query keeps its knowledge base alive. Use it as a context manager, or
    call :meth:`close`, to free it at once; it is freed anyway when it is
    garbage collected, when its knowledge base is closed, and when the
    knowledge base is changed (a builder method drops the indexes queries
    read). Using a query after any of these raises
    :class:`~relations.ClosedError`. As in C, one query is used by one
    thread at a time (a lock makes sure of it); each thread may run its
    own queries on one knowledge base.
    """

    def __init__(self, kb: "KnowledgeBase", target: QueryTarget, opts: _ffi.rel_query_options,
                 description: str) -> None:
        self._kb = kb
        self._token = 0
        self._closed = False
        self._lock = threading.Lock()
        self._run = 0
        self._target = target
        self._cls, self._ptr_type, next_name = _TARGETS[target]
        self._next = getattr(_ffi.lib, next_name)
        self._description = description
        out = _ffi.QueryP()
        err = _ffi.rel_error()
        _errors.check(_ffi.lib.rel_query_new(ctypes.byref(out), kb._handle(), ctypes.byref(opts),
                                             ctypes.byref(err)), err)
        # The knowledge base owns the C query from here on: it frees it first when it is closed or changed.
        self._token = next(_tokens)
        kb._queries[self._token] = out

    # ------------------------------------------------------------ lifetime
    @property
    def kb(self) -> "KnowledgeBase":
        """The knowledge base the query reads."""
        return self._kb

    @property
    def target(self) -> QueryTarget:
        """What the query returns."""
        return self._target

    @property
    def closed(self) -> bool:
        """Whether the query can no longer be used (closed, or its knowledge base closed or changed)."""
        return self._token not in getattr(self._kb, "_queries", {})

    def _handle(self) -> Any:
        """The C query; raises ClosedError, saying why, once it is gone. Call with the lock held."""
        h = self._kb._queries.get(self._token)
        if h is not None:
            return h
        if self._closed:
            raise _errors.ClosedError("the query is closed")
        if self._kb.closed:
            raise _errors.ClosedError()
        raise _errors.ClosedError("the knowledge base was changed after the query was made, which ends it; "
                                  "make the query again")

    def close(self) -> None:
        """Frees the query (``rel_query_free()``). Safe to call twice."""
        with self._lock:
            self._closed = True
            queries = getattr(self._kb, "_queries", None)
            h = queries.pop(self._token, None) if queries is not None else None
            if h is not None:
                _ffi.lib.rel_query_free(h)

    def __enter__(self) -> "Query[T]":
        with self._lock:
            self._handle()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone already
            pass

    def __reduce__(self) -> Any:
        raise TypeError("a Query belongs to its knowledge base and cannot be pickled")

    def __repr__(self) -> str:
        state = " (closed)" if self.closed else ""
        return f"<Query {self._description}{state}>"

    # ------------------------------------------------------------ results
    def __iter__(self) -> Iterator[T]:
        with self._lock:
            _errors.check(_ffi.lib.rel_query_reset(self._handle()))
            self._run += 1
            run = self._run
        return self._results(run)

    def _results(self, run: int) -> Iterator[T]:
        while True:
            out = self._ptr_type()
            with self._lock:
                h = self._handle()
                if run != self._run:
                    raise RuntimeError("the query was started again by another iteration")
                st = self._next(h, ctypes.byref(out))
            if st == _errors.Status.DONE:
                return
            _errors.check(st)
            yield self._kb._wrap(self._cls, out)  # type: ignore[misc]

    def ids(self) -> List[str]:
        """The ids of the results, in order."""
        return [o.id for o in self]

    def count(self) -> int:
        """How many results there are (``rel_query_count()``), without reading them."""
        n = ctypes.c_size_t(0)
        with self._lock:
            _errors.check(_ffi.lib.rel_query_count(self._handle(), ctypes.byref(n)))
        return n.value

    def per_year(self) -> YearCounts:
        """The events of an event query per year (``rel_query_count_by_year()``): ``(years, undated)``.

        An event counts in the year of the first day its time names; events
        without a time, or with no known first day ("before 1979"), count
        as undated. Other targets raise :class:`~relations.ArgumentError`.
        """
        n = ctypes.c_size_t(0)
        undated = ctypes.c_uint64(0)
        context = f"per_year() counts events, not {self._target}"
        with self._lock:
            h = self._handle()
            _errors.check(_ffi.lib.rel_query_count_by_year(h, None, 0, ctypes.byref(n), None), None, context)
            while True:
                cap = n.value
                rows = (_ffi.rel_year_count * max(cap, 1))()
                _errors.check(_ffi.lib.rel_query_count_by_year(h, rows, cap, ctypes.byref(n),
                                                               ctypes.byref(undated)), None, context)
                if n.value <= cap:
                    break
        return YearCounts([(int(rows[i].year), int(rows[i].count)) for i in range(n.value)], int(undated.value))

    def first(self) -> Optional[T]:
        """The first result, or None if there is none."""
        return next(iter(self), None)
