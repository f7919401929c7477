# SPDX-License-Identifier: MIT
"""ctypes declarations of the librelations C API.

Nothing here is public: the rest of the package wraps it. Every function
the library exports is declared with its ``argtypes`` and ``restype`` so
that pointers, ``size_t`` and 64-bit integers cross the boundary at their
full width (ctypes' default, a C ``int``, would truncate them).

The library is found through the ``RELATIONS_LIBRARY`` environment variable
(a full path to the shared library) or else the platform's loader path
(``librelations.so.0``, then :func:`ctypes.util.find_library`).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_double, c_int32, c_int64, c_size_t,
                    c_uint32, c_uint64, c_void_p)
from typing import Any, Dict, List, Optional, Sequence, Tuple

#: The major version of the C API this binding is written for.
EXPECTED_MAJOR = 0
#: The environment variable naming the shared library to load.
LIBRARY_ENV = "RELATIONS_LIBRARY"

#: ``REL_NTS``: "the string is NUL-terminated, measure it".
NTS = ctypes.c_size_t(-1).value


# ---------------------------------------------------------------- opaque handles
# Each handle gets its own pointer type, so that passing, say, an entity where
# a claim is expected is a ctypes.ArgumentError rather than undefined behaviour.
class _Opaque(Structure):
    """Base of the incomplete C structs: never instantiated, only pointed to."""


class rel_kb(_Opaque): pass  # noqa: E302,E701 - one-liners read best here
class rel_source(_Opaque): pass  # noqa: E302,E701
class rel_evidence(_Opaque): pass  # noqa: E302,E701
class rel_entity(_Opaque): pass  # noqa: E302,E701
class rel_event(_Opaque): pass  # noqa: E302,E701
class rel_claim(_Opaque): pass  # noqa: E302,E701
class rel_value(_Opaque): pass  # noqa: E302,E701
class rel_time(_Opaque): pass  # noqa: E302,E701
class rel_diff(_Opaque): pass  # noqa: E302,E701
class rel_difference(_Opaque): pass  # noqa: E302,E701
class rel_query(_Opaque): pass  # noqa: E302,E701


KbP = POINTER(rel_kb)
SourceP = POINTER(rel_source)
EvidenceP = POINTER(rel_evidence)
EntityP = POINTER(rel_entity)
EventP = POINTER(rel_event)
ClaimP = POINTER(rel_claim)
ValueP = POINTER(rel_value)
TimeP = POINTER(rel_time)
DiffP = POINTER(rel_diff)
DifferenceP = POINTER(rel_difference)
QueryP = POINTER(rel_query)
#: A borrowed string out of the library: a pointer to its first byte (read with string_at and a length).
StrOut = POINTER(c_char)
size_p = POINTER(c_size_t)
u64_p = POINTER(c_uint64)
i64_p = POINTER(c_int64)
i32_p = POINTER(c_int32)


# ---------------------------------------------------------------- structs
class rel_error(Structure):
    """``rel_error``: where and why a call failed."""
    _fields_ = [
        ("status", c_int32),
        ("line", c_uint32),
        ("column", c_uint32),
        ("offset", c_uint64),
        ("file", c_char * 256),
        ("message", c_char * 512),
    ]


class rel_allocator(Structure):
    """``rel_allocator``; the binding always leaves it empty (the C library's allocator)."""
    _fields_ = [("ctx", c_void_p), ("malloc", c_void_p), ("realloc", c_void_p), ("free", c_void_p)]


REL_KB_OPTIONS_VERSION = 2

#: ``rel_progress_fn``: int32_t (*)(uint64_t done, uint64_t total, void *payload).
rel_progress_fn = CFUNCTYPE(c_int32, c_uint64, c_uint64, c_void_p)


class rel_kb_options(Structure):
    """``rel_kb_options`` (version 2: with the progress callback)."""
    _fields_ = [("version", c_uint32), ("allocator", rel_allocator), ("base_dir", c_char_p),
                ("progress", rel_progress_fn), ("progress_payload", c_void_p)]


REL_SOURCE_SPEC_VERSION = 1


class rel_source_spec(Structure):
    """``rel_source_spec``: a source to add."""
    _fields_ = [("version", c_uint32)] + [
        field
        for name in ("id", "text", "title", "label", "lang", "date", "url", "licence", "path", "revises")
        for field in ((name, c_char_p), (name + "_len", c_size_t))
    ]


class rel_value_spec(Structure):
    """``rel_value_spec``: a claim's subject or object, to add."""
    _fields_ = [
        ("kind", c_int32),
        ("str", c_char_p),
        ("str_len", c_size_t),
        ("words", c_char_p),
        ("words_len", c_size_t),
        ("number", c_double),
    ]


REL_CLAIM_SPEC_VERSION = 1


class rel_claim_spec(Structure):
    """``rel_claim_spec``: a claim to add."""
    _fields_ = [
        ("version", c_uint32),
        ("id", c_char_p),
        ("id_len", c_size_t),
        ("subject", rel_value_spec),
        ("predicate", c_char_p),
        ("predicate_len", c_size_t),
        ("object", rel_value_spec),
        ("claimant", c_char_p),
        ("claimant_len", c_size_t),
        ("modality", c_int32),
        ("polarity", c_int32),
    ]


class rel_quote(Structure):
    """``rel_quote``: a TextQuoteSelector."""
    _fields_ = [
        ("exact", c_char_p),
        ("exact_len", c_size_t),
        ("prefix", c_char_p),
        ("prefix_len", c_size_t),
        ("suffix", c_char_p),
        ("suffix_len", c_size_t),
    ]


class rel_time_bounds(Structure):
    """``rel_time_bounds``: day numbers and how each side is known."""
    _fields_ = [
        ("strict_lo", c_int64),
        ("strict_hi", c_int64),
        ("fuzzy_lo", c_int64),
        ("fuzzy_hi", c_int64),
        ("lo_kind", c_int32),
        ("hi_kind", c_int32),
    ]


REL_QUERY_OPTIONS_VERSION = 1
#: ``REL_QUERY_ANY_KIND``: rel_query_options::entity_kind for entities of every kind.
REL_QUERY_ANY_KIND = -1


class rel_query_options(Structure):
    """``rel_query_options``: the filters of a query."""
    _fields_ = [
        ("version", c_uint32),
        ("target", c_int32),
        ("actor", c_char_p),
        ("actor2", c_char_p),
        ("window", c_char_p),
        ("window_semantics", c_int32),
        ("entity_kind", c_int32),
        ("type", c_char_p),
        ("source", c_char_p),
        ("claimant", c_char_p),
        ("modality", c_int32),
        ("alias_match", c_int32),
        ("about", c_char_p),
        ("alias", c_char_p),
        ("text", c_char_p),
    ]


class rel_year_count(Structure):
    """``rel_year_count``: one row of rel_query_count_by_year()."""
    _fields_ = [("year", c_int64), ("count", c_uint64)]


#: ``rel_write_fn``: int32_t (*)(const char *data, size_t len, void *payload).
rel_write_fn = CFUNCTYPE(c_int32, POINTER(c_char), c_size_t, c_void_p)

status = c_int32

# ---------------------------------------------------------------- functions
# name: (restype, [argtypes]). Kept in the order of the headers.
SIGNATURES: Dict[str, Tuple[Any, List[Any]]] = {
    # status.h, version.h
    "rel_status_str": (c_char_p, [status]),
    "rel_version_number": (c_int32, []),
    "rel_version_string": (c_char_p, []),
    # time.h
    "rel_time_parse": (status, [POINTER(TimeP), c_char_p, c_size_t, POINTER(rel_error)]),
    "rel_time_free": (None, [TimeP]),
    "rel_time_copy": (status, [POINTER(TimeP), TimeP]),
    "rel_time_format": (status, [TimeP, c_char_p, c_size_t, size_p]),
    "rel_time_describe": (status, [TimeP, c_char_p, c_size_t, size_p]),
    "rel_time_mod": (c_int32, [TimeP]),
    "rel_time_is_relative": (c_int32, [TimeP]),
    "rel_time_get_bounds": (status, [TimeP, POINTER(rel_time_bounds)]),
    "rel_time_compare": (c_int32, [TimeP, TimeP]),
    "rel_time_overlaps": (c_int32, [TimeP, TimeP]),
    "rel_time_in_window": (c_int32, [TimeP, c_int64, c_int64, c_int32]),
    "rel_day_from_date": (status, [c_int64, c_int32, c_int32, i64_p]),
    "rel_date_from_day": (status, [c_int64, i64_p, i32_p, i32_p]),
    # source.h
    "rel_source_id": (StrOut, [SourceP, size_p]),
    "rel_source_text": (StrOut, [SourceP, size_p]),
    "rel_source_title": (StrOut, [SourceP, size_p]),
    "rel_source_label": (StrOut, [SourceP, size_p]),
    "rel_source_lang": (StrOut, [SourceP, size_p]),
    "rel_source_date": (StrOut, [SourceP, size_p]),
    "rel_source_url": (StrOut, [SourceP, size_p]),
    "rel_source_licence": (StrOut, [SourceP, size_p]),
    "rel_source_path": (StrOut, [SourceP, size_p]),
    "rel_source_revises": (SourceP, [SourceP]),
    "rel_source_index": (c_size_t, [SourceP]),
    "rel_source_find_quote": (status, [SourceP, POINTER(rel_quote), u64_p, u64_p]),
    # evidence.h
    "rel_evidence_source": (SourceP, [EvidenceP]),
    "rel_evidence_start": (c_uint64, [EvidenceP]),
    "rel_evidence_end": (c_uint64, [EvidenceP]),
    "rel_evidence_text": (StrOut, [EvidenceP, size_p]),
    "rel_evidence_codepoints": (status, [EvidenceP, u64_p, u64_p]),
    "rel_utf8_codepoint_offset": (status, [c_char_p, c_size_t, c_uint64, u64_p]),
    "rel_utf8_byte_offset": (status, [c_char_p, c_size_t, c_uint64, u64_p]),
    # entity.h
    "rel_entity_id": (StrOut, [EntityP, size_p]),
    "rel_entity_kind": (c_int32, [EntityP]),
    "rel_entity_name": (StrOut, [EntityP, size_p]),
    "rel_entity_alias_count": (c_size_t, [EntityP]),
    "rel_entity_alias_text": (StrOut, [EntityP, c_size_t, size_p]),
    "rel_entity_alias_lang": (StrOut, [EntityP, c_size_t, size_p]),
    "rel_entity_evidence_count": (c_size_t, [EntityP]),
    "rel_entity_evidence_at": (EvidenceP, [EntityP, c_size_t]),
    "rel_entity_kind_name": (c_char_p, [c_int32]),
    "rel_entity_kind_from_name": (status, [c_char_p, c_size_t, i32_p]),
    "rel_text_normalise": (status, [c_char_p, c_size_t, c_char_p, c_size_t, size_p]),
    # event.h
    "rel_event_id": (StrOut, [EventP, size_p]),
    "rel_event_type": (StrOut, [EventP, size_p]),
    "rel_event_participant_count": (c_size_t, [EventP]),
    "rel_event_participant_entity": (EntityP, [EventP, c_size_t]),
    "rel_event_participant_role": (c_int32, [EventP, c_size_t]),
    "rel_event_time": (TimeP, [EventP]),
    "rel_event_time_text": (StrOut, [EventP, size_p]),
    "rel_event_evidence_count": (c_size_t, [EventP]),
    "rel_event_evidence_at": (EvidenceP, [EventP, c_size_t]),
    "rel_role_name": (c_char_p, [c_int32]),
    "rel_role_from_name": (status, [c_char_p, c_size_t, i32_p]),
    # claim.h
    "rel_claim_id": (StrOut, [ClaimP, size_p]),
    "rel_claim_subject": (ValueP, [ClaimP]),
    "rel_claim_predicate": (StrOut, [ClaimP, size_p]),
    "rel_claim_object": (ValueP, [ClaimP]),
    "rel_claim_claimant": (EntityP, [ClaimP]),
    "rel_claim_modality": (c_int32, [ClaimP]),
    "rel_claim_polarity": (c_int32, [ClaimP]),
    "rel_claim_claimant_in": (EntityP, [ClaimP, SourceP]),
    "rel_claim_modality_in": (c_int32, [ClaimP, SourceP]),
    "rel_claim_relation_count": (c_size_t, [ClaimP]),
    "rel_claim_relation_type": (c_int32, [ClaimP, c_size_t]),
    "rel_claim_relation_target": (ClaimP, [ClaimP, c_size_t]),
    "rel_claim_evidence_count": (c_size_t, [ClaimP]),
    "rel_claim_evidence_at": (EvidenceP, [ClaimP, c_size_t]),
    "rel_value_kind": (c_int32, [ValueP]),
    "rel_value_entity": (EntityP, [ValueP]),
    "rel_value_event": (EventP, [ValueP]),
    "rel_value_claim": (ClaimP, [ValueP]),
    "rel_value_text": (StrOut, [ValueP, size_p]),
    "rel_value_quantity": (status, [ValueP, POINTER(c_double)]),
    "rel_value_time": (TimeP, [ValueP]),
    "rel_modality_name": (c_char_p, [c_int32]),
    "rel_modality_from_name": (status, [c_char_p, c_size_t, i32_p]),
    "rel_relation_name": (c_char_p, [c_int32]),
    "rel_relation_from_name": (status, [c_char_p, c_size_t, i32_p]),
    # kb.h
    "rel_kb_options_init": (status, [POINTER(rel_kb_options), c_uint32]),
    "rel_source_spec_init": (status, [POINTER(rel_source_spec), c_uint32]),
    "rel_claim_spec_init": (status, [POINTER(rel_claim_spec), c_uint32]),
    "rel_kb_new": (status, [POINTER(KbP), POINTER(rel_kb_options)]),
    "rel_kb_open_builtin": (status, [POINTER(KbP), POINTER(rel_kb_options), POINTER(rel_error)]),
    "rel_kb_free": (None, [KbP]),
    "rel_kb_error": (POINTER(rel_error), [KbP]),
    "rel_kb_errmsg": (c_char_p, [KbP]),
    "rel_kb_source_count": (c_size_t, [KbP]),
    "rel_kb_source_at": (SourceP, [KbP, c_size_t]),
    "rel_kb_entity_count": (c_size_t, [KbP]),
    "rel_kb_entity_at": (EntityP, [KbP, c_size_t]),
    "rel_kb_event_count": (c_size_t, [KbP]),
    "rel_kb_event_at": (EventP, [KbP, c_size_t]),
    "rel_kb_claim_count": (c_size_t, [KbP]),
    "rel_kb_claim_at": (ClaimP, [KbP, c_size_t]),
    "rel_kb_id_kind": (c_int32, [KbP, c_char_p, c_size_t]),
    "rel_kb_find_source": (status, [KbP, c_char_p, c_size_t, POINTER(SourceP)]),
    "rel_kb_find_entity": (status, [KbP, c_char_p, c_size_t, POINTER(EntityP)]),
    "rel_kb_find_event": (status, [KbP, c_char_p, c_size_t, POINTER(EventP)]),
    "rel_kb_find_claim": (status, [KbP, c_char_p, c_size_t, POINTER(ClaimP)]),
    "rel_kb_find_alias": (status, [KbP, c_char_p, c_size_t, c_int32, POINTER(EntityP), c_size_t, size_p]),
    "rel_kb_predicate_count": (c_size_t, [KbP]),
    "rel_kb_predicate_name": (StrOut, [KbP, c_size_t, size_p]),
    "rel_kb_predicate_flags": (c_uint32, [KbP, c_size_t]),
    "rel_kb_predicate_is_functional": (c_int32, [KbP, c_char_p, c_size_t]),
    "rel_kb_unannotated_count": (c_size_t, [KbP]),
    "rel_kb_unannotated_at": (EvidenceP, [KbP, c_size_t]),
    "rel_kb_unannotated_reason": (StrOut, [KbP, c_size_t, size_p]),
    # builder.h
    "rel_kb_add_source": (status, [KbP, POINTER(rel_source_spec)]),
    "rel_kb_add_entity": (status, [KbP, c_char_p, c_size_t, c_int32, c_char_p, c_size_t]),
    "rel_kb_add_alias": (status, [KbP, c_char_p, c_size_t, c_char_p, c_size_t, c_char_p, c_size_t]),
    "rel_kb_add_event": (status, [KbP, c_char_p, c_size_t, c_char_p, c_size_t]),
    "rel_kb_set_event_time": (status, [KbP, c_char_p, c_size_t, c_char_p, c_size_t, c_char_p, c_size_t]),
    "rel_kb_add_participant": (status, [KbP, c_char_p, c_size_t, c_char_p, c_size_t, c_int32]),
    "rel_kb_add_claim": (status, [KbP, POINTER(rel_claim_spec)]),
    "rel_kb_set_claim_version": (status, [KbP, c_char_p, c_size_t, c_char_p, c_size_t, c_char_p, c_size_t,
                                          c_int32]),
    "rel_kb_add_claim_relation": (status, [KbP, c_char_p, c_size_t, c_int32, c_char_p, c_size_t]),
    "rel_kb_add_evidence": (status, [KbP, c_char_p, c_size_t, c_char_p, c_size_t, c_uint64, c_uint64]),
    "rel_kb_add_evidence_quote": (status, [KbP, c_char_p, c_size_t, c_char_p, c_size_t, POINTER(rel_quote)]),
    "rel_kb_add_predicate": (status, [KbP, c_char_p, c_size_t, c_uint32]),
    "rel_kb_add_unannotated": (status, [KbP, c_char_p, c_size_t, c_uint64, c_uint64, c_char_p, c_size_t]),
    # json.h
    "rel_kb_open_json_file": (status, [POINTER(KbP), c_char_p, POINTER(rel_kb_options), POINTER(rel_error)]),
    "rel_kb_open_json_mem": (status, [POINTER(KbP), c_char_p, c_size_t, POINTER(rel_kb_options),
                                      POINTER(rel_error)]),
    "rel_kb_write_json": (status, [KbP, rel_write_fn, c_void_p, POINTER(rel_error)]),
    "rel_kb_save_json": (status, [KbP, c_char_p, POINTER(rel_error)]),
    # diff.h
    "rel_diff_sources": (status, [POINTER(DiffP), KbP, SourceP, SourceP, POINTER(rel_error)]),
    "rel_diff_within": (status, [POINTER(DiffP), KbP, SourceP, POINTER(rel_error)]),
    "rel_diff_free": (None, [DiffP]),
    "rel_diff_count": (c_size_t, [DiffP]),
    "rel_diff_at": (DifferenceP, [DiffP, c_size_t]),
    "rel_difference_kind": (c_int32, [DifferenceP]),
    "rel_difference_object_kind": (c_int32, [DifferenceP]),
    "rel_difference_entity": (EntityP, [DifferenceP]),
    "rel_difference_event": (EventP, [DifferenceP]),
    "rel_difference_claim": (ClaimP, [DifferenceP, c_int32]),
    "rel_difference_source": (SourceP, [DifferenceP, c_int32]),
    "rel_difference_evidence_count": (c_size_t, [DifferenceP, c_int32]),
    "rel_difference_evidence_at": (EvidenceP, [DifferenceP, c_int32, c_size_t]),
    "rel_difference_modality": (c_int32, [DifferenceP, c_int32]),
    "rel_difference_claimant": (EntityP, [DifferenceP, c_int32]),
    "rel_difference_change_count": (c_size_t, [DifferenceP]),
    "rel_difference_change_at": (status, [DifferenceP, c_size_t, POINTER(StrOut), size_p, POINTER(StrOut),
                                          size_p]),
    "rel_difference_change_is_spelling": (c_int32, [DifferenceP, c_size_t]),
    "rel_difference_kind_name": (c_char_p, [c_int32]),
    "rel_modality_strength": (c_int32, [c_int32]),
    # query.h
    "rel_query_options_init": (status, [POINTER(rel_query_options), c_uint32]),
    "rel_query_new": (status, [POINTER(QueryP), KbP, POINTER(rel_query_options), POINTER(rel_error)]),
    "rel_query_free": (None, [QueryP]),
    "rel_query_next_event": (status, [QueryP, POINTER(EventP)]),
    "rel_query_next_claim": (status, [QueryP, POINTER(ClaimP)]),
    "rel_query_next_entity": (status, [QueryP, POINTER(EntityP)]),
    "rel_query_reset": (status, [QueryP]),
    "rel_query_count": (status, [QueryP, size_p]),
    "rel_query_count_by_year": (status, [QueryP, POINTER(rel_year_count), c_size_t, size_p, u64_p]),
    "rel_kb_build_indexes": (status, [KbP, POINTER(rel_error)]),
    "rel_kb_index_size": (c_size_t, [KbP]),
    # snapshot.h
    "rel_kb_save_snapshot": (status, [KbP, c_char_p, POINTER(rel_error)]),
    "rel_kb_open_snapshot": (status, [POINTER(KbP), c_char_p, POINTER(rel_kb_options), POINTER(rel_error)]),
    "rel_kb_open_file": (status, [POINTER(KbP), c_char_p, POINTER(rel_kb_options), POINTER(rel_error)]),
    "rel_kb_is_read_only": (c_int32, [KbP]),
}


def _candidates() -> Sequence[str]:
    names = ["librelations.so.0"]
    if sys.platform == "darwin":
        names = ["librelations.0.dylib", "librelations.dylib"]
    elif sys.platform == "win32":
        names = ["relations.dll", "librelations.dll"]
    found = ctypes.util.find_library("relations")
    if found and found not in names:
        names.append(found)
    return names


def _load() -> ctypes.CDLL:
    """Loads the shared library, or raises ImportError saying how to point at it."""
    explicit = os.environ.get(LIBRARY_ENV)
    if explicit:
        try:
            return ctypes.CDLL(explicit)
        except OSError as e:
            raise ImportError(f"relations: cannot load the library named by ${LIBRARY_ENV} "
                              f"({explicit!r}): {e}") from e
    tried = []
    for name in _candidates():
        try:
            return ctypes.CDLL(name)
        except OSError as e:
            tried.append(f"{name}: {e}")
    raise ImportError("relations: cannot find the librelations shared library; set "
                      f"${LIBRARY_ENV} to its full path (such as build/lib/librelations.so) or install it "
                      "on the loader path. Tried: " + "; ".join(tried))


def _declare(dll: ctypes.CDLL) -> None:
    missing = []
    for name, (restype, argtypes) in SIGNATURES.items():
        try:
            fn = getattr(dll, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.restype = restype
        fn.argtypes = argtypes
    if missing:
        raise ImportError(f"relations: the library {dll._name!r} lacks {', '.join(missing)}; "
                          "it is older than this binding")


lib = _load()
_declare(lib)

#: The library's version number, MAJOR * 1000000 + MINOR * 1000 + PATCH.
VERSION_NUMBER: int = lib.rel_version_number()
#: The library's version string, "MAJOR.MINOR.PATCH".
VERSION_STRING: str = (lib.rel_version_string() or b"?").decode("ascii", "replace")
#: The path or name the library was loaded from.
LIBRARY_PATH: str = lib._name

if VERSION_NUMBER // 1000000 != EXPECTED_MAJOR:
    raise ImportError(f"relations: the library {LIBRARY_PATH!r} is version {VERSION_STRING}, "
                      f"this binding needs major version {EXPECTED_MAJOR}")


# ---------------------------------------------------------------- helpers
def string_at(ptr: Any, length: int) -> bytes:
    """The ``length`` bytes at a ``POINTER(c_char)``; b"" for NULL or 0."""
    if not ptr or length == 0:
        return b""
    return ctypes.string_at(ptr, length)


def get_str(fn: Any, *args: Any) -> Optional[str]:
    """Calls a ``const char *fn(..., size_t *len)`` getter and decodes its result (None for NULL)."""
    n = c_size_t(0)
    p = fn(*args, ctypes.byref(n))
    if not p:
        return None
    return string_at(p, n.value).decode("utf-8", "surrogateescape")


def static_str(p: Optional[bytes]) -> Optional[str]:
    """Decodes a static ``const char *`` (restype c_char_p)."""
    return None if p is None else p.decode("utf-8", "replace")


def text_in(s: Any) -> bytes:
    """A string argument as bytes: ``str`` is encoded as UTF-8, bytes-like values pass through.

    Lone surrogates are passed on (``surrogatepass``), so the library, not
    the encoder, reports text that is not valid UTF-8.
    """
    if isinstance(s, str):
        return s.encode("utf-8", "surrogatepass")
    if isinstance(s, (bytes, bytearray, memoryview)):
        return bytes(s)
    raise TypeError(f"expected str or bytes, not {type(s).__name__}")


def address(p: Any) -> int:
    """The address a ctypes pointer holds (0 for NULL)."""
    return ctypes.cast(p, c_void_p).value or 0
