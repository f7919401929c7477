# SPDX-License-Identifier: MIT
"""Fuzzy time: EDTF levels 0 and 1 with TIMEX3-style modifiers (``relations/time.h``)."""
from __future__ import annotations

import ctypes
import datetime
from typing import Any, Callable, NamedTuple, Optional, Tuple, Union

from . import _errors, _ffi
from ._enums import BoundKind, TimeMod

Day = Union[int, datetime.date]


def day_from_date(year: int, month: int, day: int) -> int:
    """``rel_day_from_date()``: days since 1970-01-01 (proleptic Gregorian, astronomical years)."""
    out = ctypes.c_int64()
    _errors.check(_ffi.lib.rel_day_from_date(year, month, day, ctypes.byref(out)), None,
                  f"no such date: {year}-{month}-{day}")
    return out.value


def date_from_day(days: int) -> Tuple[int, int, int]:
    """``rel_date_from_day()``: (year, month, day) of a day number; years may be 0 or negative."""
    y, m, d = ctypes.c_int64(), ctypes.c_int32(), ctypes.c_int32()
    _errors.check(_ffi.lib.rel_date_from_day(days, ctypes.byref(y), ctypes.byref(m), ctypes.byref(d)), None,
                  f"day {days} is out of range")
    return y.value, m.value, d.value


def day_to_date(days: int) -> datetime.date:
    """A day number as a :class:`datetime.date`; ValueError outside years 1 to 9999."""
    y, m, d = date_from_day(days)
    if not datetime.MINYEAR <= y <= datetime.MAXYEAR:
        raise ValueError(f"day {days} is in year {y}, outside datetime.date's range; use date_from_day()")
    return datetime.date(y, m, d)


def _as_day(value: Day) -> int:
    if isinstance(value, datetime.date):
        return day_from_date(value.year, value.month, value.day)
    return int(value)


class DateBounds(NamedTuple):
    """:class:`Bounds` as dates; None where a side is open or unknown."""
    strict_lo: Optional[datetime.date]
    strict_hi: Optional[datetime.date]
    fuzzy_lo: Optional[datetime.date]
    fuzzy_hi: Optional[datetime.date]


class Bounds(NamedTuple):
    """``rel_time_bounds``: inclusive day numbers (days since 1970-01-01).

    A side that is open (``..``) or unknown (not given, or a relative time
    without anchor) is None, with its kind in ``lo_kind``/``hi_kind``.
    """
    strict_lo: Optional[int]
    strict_hi: Optional[int]
    fuzzy_lo: Optional[int]
    fuzzy_hi: Optional[int]
    lo_kind: BoundKind
    hi_kind: BoundKind

    def dates(self) -> DateBounds:
        """The bounds as :class:`datetime.date` (ValueError for years outside 1 to 9999)."""
        return DateBounds(*(None if d is None else day_to_date(d) for d in self[:4]))


class Time:
    """A parsed, immutable time expression (``rel_time``), owned by this object.

    ``Time("START 1980-10")`` parses (raising :class:`~relations.ParseError`
    or :class:`~relations.RangeError`); ``str()`` is the canonical text;
    :meth:`describe` reads it in English ("early October 1980"). Times read
    from a knowledge base are copies, so they outlive it; ``words`` then
    holds the words of the source they came from.

    The C object is freed by :meth:`close`, by leaving a ``with`` block or
    when the Time is garbage-collected.
    """

    __slots__ = ("_p", "words", "__weakref__")

    _p: Any
    #: The words the time was read from ("early October 1980"), or None.
    words: Optional[str]

    def __init__(self, expr: Union[str, bytes], words: Optional[str] = None) -> None:
        self._p = None
        raw = _ffi.text_in(expr)
        out = _ffi.TimeP()
        err = _ffi.rel_error()
        _errors.check(_ffi.lib.rel_time_parse(ctypes.byref(out), raw, len(raw), ctypes.byref(err)), err)
        self._p = out
        self.words = words

    @classmethod
    def parse(cls, expr: Union[str, bytes]) -> "Time":
        """Parses an expression: ``Time.parse("198X")`` is ``Time("198X")``."""
        return cls(expr)

    @classmethod
    def _copy_of(cls, borrowed: Any, words: Optional[str] = None) -> Optional["Time"]:
        """An owned copy of a time borrowed from a knowledge base (None for NULL)."""
        if not borrowed:
            return None
        out = _ffi.TimeP()
        _errors.check(_ffi.lib.rel_time_copy(ctypes.byref(out), borrowed))
        self = cls.__new__(cls)
        self._p = out
        self.words = words
        return self

    # -- lifetime
    def close(self) -> None:
        """Frees the C object; using the Time afterwards raises :class:`~relations.ClosedError`."""
        p, self._p = self._p, None
        if p:
            _ffi.lib.rel_time_free(p)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return not self._p

    def __enter__(self) -> "Time":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone already
            pass

    def _h(self) -> Any:
        if not self._p:
            raise _errors.ClosedError("the time is closed")
        return self._p

    # -- reading
    def _text(self, fn: Callable[..., int]) -> str:
        h = self._h()
        n = ctypes.c_size_t(0)
        st = fn(h, None, 0, ctypes.byref(n))
        if st not in (_errors.Status.OK, _errors.Status.ERR_RANGE):
            _errors.check(st)
        buf = ctypes.create_string_buffer(n.value + 1)
        _errors.check(fn(h, buf, len(buf), ctypes.byref(n)))
        return buf.raw[:n.value].decode("utf-8", "replace")

    def format(self) -> str:
        """``rel_time_format()``: the canonical text, which parses back to an equal time."""
        return self._text(_ffi.lib.rel_time_format)

    def describe(self) -> str:
        """``rel_time_describe()``: an English reading, such as "early October 1980"."""
        return self._text(_ffi.lib.rel_time_describe)

    @property
    def mod(self) -> TimeMod:
        """The modifier (``TimeMod.NONE`` if there is none)."""
        return TimeMod.wrap(_ffi.lib.rel_time_mod(self._h()))  # type: ignore[return-value]

    @property
    def is_relative(self) -> bool:
        """Whether the time is a duration from an anchor ("more than 1600 years ago")."""
        return bool(_ffi.lib.rel_time_is_relative(self._h()))

    @property
    def bounds(self) -> Bounds:
        """The strict and fuzzy bounds, as day numbers (see :meth:`Bounds.dates`)."""
        b = _ffi.rel_time_bounds()
        _errors.check(_ffi.lib.rel_time_get_bounds(self._h(), ctypes.byref(b)))
        lo = BoundKind.wrap(b.lo_kind)
        hi = BoundKind.wrap(b.hi_kind)
        lo_day = lo == BoundKind.DAY
        hi_day = hi == BoundKind.DAY
        return Bounds(b.strict_lo if lo_day else None, b.strict_hi if hi_day else None,
                      b.fuzzy_lo if lo_day else None, b.fuzzy_hi if hi_day else None,
                      lo, hi)  # type: ignore[arg-type]

    # -- comparing
    def compare(self, other: "Time") -> int:
        """``rel_time_compare()``: negative, zero or positive, for a total timeline order."""
        return int(_ffi.lib.rel_time_compare(self._h(), _coerce(other)._h()))

    def overlaps(self, other: "Time") -> bool:
        """``rel_time_overlaps()``: whether the fuzzy spans of the two times meet."""
        return bool(_ffi.lib.rel_time_overlaps(self._h(), _coerce(other)._h()))

    def in_window(self, lo: Day, hi: Day, *, possible: bool = False) -> bool:
        """``rel_time_in_window()``: whether the time lies in [lo, hi] (day numbers or dates, inclusive).

        By default the whole fuzzy span must lie inside the window
        (certain); with ``possible=True`` it need only meet it.
        """
        return bool(_ffi.lib.rel_time_in_window(self._h(), _as_day(lo), _as_day(hi), 1 if possible else 0))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Time):
            return NotImplemented
        return self.compare(other) == 0

    def __hash__(self) -> int:
        return hash(self.format())

    def __lt__(self, other: "Time") -> bool:
        return self.compare(other) < 0

    def __le__(self, other: "Time") -> bool:
        return self.compare(other) <= 0

    def __gt__(self, other: "Time") -> bool:
        return self.compare(other) > 0

    def __ge__(self, other: "Time") -> bool:
        return self.compare(other) >= 0

    def copy(self) -> "Time":
        """An independent copy (``rel_time_copy()``)."""
        t = Time._copy_of(self._h(), self.words)
        assert t is not None
        return t

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        if not self._p:
            return "<Time (closed)>"
        words = f" {self.words!r}" if self.words else ""
        return f"<Time {self.format()}: {self.describe()}{words}>"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (Time, (self.format(), self.words))


def _coerce(t: Union[Time, str]) -> Time:
    return t if isinstance(t, Time) else Time(t)
