# SPDX-License-Identifier: MIT
"""The C API's enumerations, as IntEnums whose ``str()`` is the library's own name."""
from __future__ import annotations

import ctypes
import enum
from typing import Any, Optional, Type, TypeVar, Union

from . import _errors, _ffi

E = TypeVar("E", bound="NamedEnum")


class NamedEnum(enum.IntEnum):
    """An IntEnum whose ``str()`` is the name the library (and its JSON) uses."""

    @classmethod
    def _c_name(cls, value: int) -> Optional[bytes]:
        return None

    @classmethod
    def _c_from_name(cls) -> Any:
        return None

    def __str__(self) -> str:
        return _ffi.static_str(self._c_name(int(self))) or self.name.lower()

    @classmethod
    def from_name(cls: Type[E], name: Union[str, bytes]) -> E:
        """The member with a JSON name ("reported", "agent", "state", ...).

        Raises :class:`~relations.NotFoundError` for an unknown name.
        """
        fn = cls._c_from_name()
        if fn is not None:
            raw = _ffi.text_in(name)
            out = ctypes.c_int32()
            _errors.check(fn(raw, len(raw), ctypes.byref(out)), None,
                          f"no {cls.__name__} is called {name!r}")
            return cls(out.value)
        for member in cls:
            if str(member) == name or member.name == name:
                return member
        raise _errors.error(_errors.Status.ERR_NOT_FOUND, f"no {cls.__name__} is called {name!r}")

    @classmethod
    def coerce(cls: Type[E], value: Union[E, int, str]) -> E:
        """A member from a member, its integer value or its name."""
        if isinstance(value, cls):
            return value
        if isinstance(value, (str, bytes)):
            try:
                return cls.from_name(value)
            except _errors.NotFoundError as e:
                raise _errors.error(_errors.Status.ERR_ARG, e.message) from None
        try:
            return cls(value)
        except ValueError:
            raise _errors.error(_errors.Status.ERR_ARG, f"{value!r} is not a {cls.__name__}") from None

    @classmethod
    def wrap(cls: Type[E], value: int) -> Union[E, int]:
        """A member for a value the library returned, or the bare int for a value unknown to the binding."""
        try:
            return cls(value)
        except ValueError:
            return value


class ObjectKind(NamedEnum):
    """``rel_object_code``: what kind of object an id names."""
    NONE = 0
    SOURCE = 1
    ENTITY = 2
    EVENT = 3
    CLAIM = 4


class EntityKind(NamedEnum):
    """``rel_entity_kind_code``."""
    OTHER = 0
    STATE = 1
    POLITY = 2
    ORGANISATION = 3
    GROUP = 4
    PERSON = 5
    PLACE = 6
    ARTIFACT = 7
    WEAPON = 8
    PUBLICATION = 9
    TREATY = 10
    CONFLICT = 11
    PERIOD = 12
    IDEOLOGY = 13

    @classmethod
    def _c_name(cls, value: int) -> Optional[bytes]:
        return _ffi.lib.rel_entity_kind_name(value)

    @classmethod
    def _c_from_name(cls) -> Any:
        return _ffi.lib.rel_entity_kind_from_name


class Role(NamedEnum):
    """``rel_role_code``: the role of an event's participant."""
    PARTICIPANT = 0
    AGENT = 1
    RECIPIENT = 2
    TARGET = 3
    LOCATION = 4
    INSTRUMENT = 5
    THEME = 6
    CONTEXT = 7

    @classmethod
    def _c_name(cls, value: int) -> Optional[bytes]:
        return _ffi.lib.rel_role_name(value)

    @classmethod
    def _c_from_name(cls) -> Any:
        return _ffi.lib.rel_role_from_name


class ValueKind(NamedEnum):
    """``rel_value_kind_code``: what a claim's subject or object holds."""
    NONE = 0
    ENTITY = 1
    EVENT = 2
    CLAIM = 3
    LITERAL = 4
    QUANTITY = 5
    TIME = 6


class Modality(NamedEnum):
    """``rel_modality_code``: how sure the text is of a claim."""
    NONE = 0
    ASSERTED = 1
    REPORTED = 2
    ALLEGED = 3
    PRESUMED = 4
    BELIEVED = 5
    DISPUTED = 6
    DENIED = 7
    HEDGED = 8

    @classmethod
    def _c_name(cls, value: int) -> Optional[bytes]:
        return _ffi.lib.rel_modality_name(value)

    @classmethod
    def _c_from_name(cls) -> Any:
        return _ffi.lib.rel_modality_from_name

    @property
    def strength(self) -> int:
        """``rel_modality_strength()``: 6 for asserted down to 0 for denied; -1 for NONE."""
        return int(_ffi.lib.rel_modality_strength(int(self)))


class Polarity(NamedEnum):
    """``rel_polarity_code``."""
    POSITIVE = 0
    NEGATIVE = 1


class Relation(NamedEnum):
    """``rel_relation_code``: how one claim stands to another."""
    SUPPORTS = 1
    CONTRADICTS = 2
    DISPUTES = 3
    REWORDS = 4
    HEDGES = 5

    @classmethod
    def _c_name(cls, value: int) -> Optional[bytes]:
        return _ffi.lib.rel_relation_name(value)

    @classmethod
    def _c_from_name(cls) -> Any:
        return _ffi.lib.rel_relation_from_name


class DifferenceKind(NamedEnum):
    """``rel_difference_code``: kinds of difference between versions."""
    ADDED = 1
    DROPPED = 2
    REWORDED = 3
    RESPELLED = 4
    HEDGED = 5
    STRENGTHENED = 6
    REATTRIBUTED = 7
    CONTRADICTED = 8

    @classmethod
    def _c_name(cls, value: int) -> Optional[bytes]:
        return _ffi.lib.rel_difference_kind_name(value)


class Side(NamedEnum):
    """``rel_side_code``: the two sides of a difference."""
    A = 0
    B = 1


class TimeMod(NamedEnum):
    """``rel_time_mod_code``: TIMEX3-style modifiers; ``str()`` gives the keyword ("START")."""
    NONE = 0
    START = 1
    MID = 2
    END = 3
    BEFORE = 4
    AFTER = 5
    ON_OR_BEFORE = 6
    ON_OR_AFTER = 7
    MORE_THAN = 8
    LESS_THAN = 9
    APPROX = 10

    def __str__(self) -> str:
        return self.name


class BoundKind(NamedEnum):
    """``rel_bound_kind_code``: how one side of a time's bounds is known."""
    DAY = 0
    OPEN = 1
    UNKNOWN = 2


class PredicateFlag(enum.IntFlag):
    """``rel_predicate_flag``."""
    NONE = 0
    FUNCTIONAL = 1


class Match(NamedEnum):
    """``rel_match_code``: how names are compared (``str()`` gives "exact", "normalised", "prefix")."""
    EXACT = 0  #: Byte for byte.
    NORMALISED = 1  #: After :func:`~relations.normalise` on both sides.
    PREFIX = 2  #: The normalised name begins with the normalised text (queries only).


class Window(NamedEnum):
    """``rel_window_code``: how a fuzzy time must lie in a window."""
    CERTAIN = 0  #: The whole fuzzy span lies inside the window.
    POSSIBLE = 1  #: The fuzzy span meets the window.


class QueryTarget(NamedEnum):
    """``rel_query_target_code``: what a query returns (``str()`` gives "events", "claims", "entities")."""
    EVENTS = 0
    CLAIMS = 1
    ENTITIES = 2
