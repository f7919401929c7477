# SPDX-License-Identifier: MIT
"""Python binding of librelations: entities, events and claims tied to the exact words of their sources.

    >>> import relations
    >>> with relations.KnowledgeBase.builtin() as kb:
    ...     claim = kb.claims["c-nuclear-cooperation"]
    ...     [(str(v.modality), v.claimant.id, v.source.short_id) for v in claim.versions]
    [('asserted', 'article', '000'), ('reported', 'some-media-reports', '002')]

The shared library is found through the ``RELATIONS_LIBRARY`` environment
variable (its full path) or else the loader path (``librelations.so.0``).

Everything taken from a :class:`KnowledgeBase` (sources, entities, events,
claims) keeps it alive and raises :class:`ClosedError` once it is closed.
Evidence is ``(source, start, end, text, byte_start, byte_end)`` with
``start``/``end`` as Python ``str`` indices into ``source.text`` and
``byte_start``/``byte_end`` as byte offsets into ``source.text_bytes``.
Every failing call raises a :class:`RelationsError` carrying the library's
status and message.
"""
from __future__ import annotations

import ctypes
import os
from typing import Any, Optional, Union

from . import _ffi
from ._diff import Change, Diff, DiffSide, Difference
from ._enums import (BoundKind, DifferenceKind, EntityKind, Match, Modality, NamedEnum, ObjectKind, Polarity,
                     PredicateFlag, QueryTarget, Relation, Role, Side, TimeMod, ValueKind, Window)
from ._errors import (ERRORS, AmbiguousError, ArgumentError, CancelledError, ClosedError, DuplicateError,
                      EncodingError, FileError, FormatError, InvalidReferenceError, LimitError, MismatchError,
                      NoMemoryError, NotFoundError, ParseError, RangeError, ReadOnlyError, RelationsError, SchemaError,
                      Status, status_str)
from ._errors import check as _check
from ._kb import Collection, KnowledgeBase, PathLike, Progress
from ._objects import (Alias, Claim, ClaimRelation, ClaimVersion, Entity, Event, Evidence, Literal, Participant,
                       Quantity, Source, Value)
from ._query import Query, YearCounts
from ._time import Bounds, DateBounds, Time, date_from_day, day_from_date, day_to_date

#: The version of this binding (it follows the C library's).
__version__ = "0.1.0"
#: The version of the loaded C library, "MAJOR.MINOR.PATCH".
library_version: str = _ffi.VERSION_STRING
#: The version number of the loaded C library, MAJOR * 1000000 + MINOR * 1000 + PATCH.
library_version_number: int = _ffi.VERSION_NUMBER
#: Where the C library was loaded from.
library_path: str = _ffi.LIBRARY_PATH


def open_snapshot(path: Union[str, bytes, "os.PathLike[Any]"]) -> KnowledgeBase:
    """Opens a snapshot by mapping it: :meth:`KnowledgeBase.from_snapshot`.

    >>> import os, tempfile, relations
    >>> with tempfile.TemporaryDirectory() as d, relations.KnowledgeBase.builtin() as kb:
    ...     kb.save_snapshot(os.path.join(d, "kb.rel"))
    ...     with relations.open_snapshot(os.path.join(d, "kb.rel")) as snap:
    ...         (len(snap.claims), snap.read_only)
    (96, True)
    """
    return KnowledgeBase.from_snapshot(path)


def open_file(path: PathLike, *, base_dir: Optional[PathLike] = None,
              progress: Optional[Progress] = None) -> KnowledgeBase:
    """Opens a snapshot or a JSON file, whichever it is: :meth:`KnowledgeBase.from_file`.

    ``base_dir`` and ``progress`` apply to JSON (see :meth:`KnowledgeBase.from_json_file`).

    >>> import os, tempfile, relations
    >>> with tempfile.TemporaryDirectory() as d, relations.KnowledgeBase.builtin() as kb:
    ...     kb.save_json(os.path.join(d, "kb.json"))
    ...     seen = []
    ...     with relations.open_file(os.path.join(d, "kb.json"), progress=lambda done, total: seen.append(done)) as k:
    ...         (len(k.claims), k.read_only, seen[-1] == os.path.getsize(os.path.join(d, "kb.json")))
    (96, False, True)
    """
    return KnowledgeBase.from_file(path, base_dir=base_dir, progress=progress)


def normalise(text: Union[str, bytes]) -> str:
    """``rel_text_normalise()``: the form names are matched in (NFC, case-folded, dashes and apostrophes unified).

    >>> normalise("Iran–Iraq War") == normalise("iran-iraq war")
    True
    """
    raw = _ffi.text_in(text)
    n = ctypes.c_size_t(0)
    st = _ffi.lib.rel_text_normalise(raw, len(raw), None, 0, ctypes.byref(n))
    if st not in (Status.OK, Status.ERR_RANGE):
        _check(st)
    buf = ctypes.create_string_buffer(n.value + 1)
    _check(_ffi.lib.rel_text_normalise(raw, len(raw), buf, len(buf), ctypes.byref(n)))
    return buf.raw[:n.value].decode("utf-8")


__all__ = [
    # knowledge base and its objects
    "KnowledgeBase", "Collection", "Source", "Entity", "Event", "Claim", "Evidence", "Alias", "Participant",
    "ClaimVersion", "ClaimRelation", "Literal", "Quantity", "Value", "Query", "YearCounts", "Progress",
    # differences
    "Diff", "Difference", "DiffSide", "Change",
    # time
    "Time", "Bounds", "DateBounds", "day_from_date", "date_from_day", "day_to_date",
    # enumerations
    "NamedEnum", "ObjectKind", "EntityKind", "Role", "ValueKind", "Modality", "Polarity", "Relation",
    "DifferenceKind", "Side", "TimeMod", "BoundKind", "PredicateFlag", "QueryTarget", "Match", "Window",
    # errors
    "Status", "status_str", "RelationsError", "ArgumentError", "NoMemoryError", "NotFoundError", "FileError",
    "ParseError", "EncodingError", "RangeError", "DuplicateError", "InvalidReferenceError", "SchemaError",
    "AmbiguousError", "MismatchError", "LimitError", "FormatError", "ReadOnlyError", "CancelledError",
    "ClosedError", "ERRORS",
    # functions and versions
    "open_snapshot", "open_file", "normalise", "library_version", "library_version_number", "library_path",
    "__version__",
]
