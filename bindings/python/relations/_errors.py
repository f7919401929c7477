# SPDX-License-Identifier: MIT
"""Status codes and the exceptions that carry them."""
from __future__ import annotations

import enum
from typing import Any, Dict, Optional, Tuple, Type

from . import _ffi


class Status(enum.IntEnum):
    """``rel_status``: what a call returned. Errors are negative."""
    OK = 0
    DONE = 1
    ERR_ARG = -1
    ERR_NOMEM = -2
    ERR_NOT_FOUND = -3
    ERR_IO = -4
    ERR_SYNTAX = -5
    ERR_UTF8 = -6
    ERR_RANGE = -7
    ERR_DUPLICATE = -8
    ERR_REFERENCE = -9
    ERR_SCHEMA = -10
    ERR_AMBIGUOUS = -11
    ERR_MISMATCH = -12
    ERR_LIMIT = -13
    ERR_FORMAT = -14
    ERR_READ_ONLY = -15
    ERR_CANCELLED = -16

    def __str__(self) -> str:
        return status_str(self)


def status_str(status: int) -> str:
    """``rel_status_str()``: the library's short description of a status ("syntax error")."""
    return _ffi.static_str(_ffi.lib.rel_status_str(int(status))) or "unknown status"


class RelationsError(Exception):
    """A call into librelations failed.

    Attributes:
        status: the ``rel_status`` (negative int; compare with :class:`Status`).
        status_name: the library's name for it (``rel_status_str()``).
        message: what went wrong, in English.
        line, column: 1-based position in the input (columns count bytes), or 0.
        offset: 0-based byte offset in the input, meaningful when ``line`` is set
            (a time expression's errors set only the offset).
        file: the file the input came from, or "".
    """

    status: int
    message: str
    line: int
    column: int
    offset: int
    file: str

    def __init__(self, status: int, message: str = "", *, line: int = 0, column: int = 0, offset: int = 0,
                 file: str = "") -> None:
        super().__init__(status, message)
        try:
            self.status = Status(status)
        except ValueError:
            self.status = status
        self.message = message or status_str(status)
        self.line = line
        self.column = column
        self.offset = offset
        self.file = file

    @property
    def status_name(self) -> str:
        """``rel_status_str(status)``, such as "syntax error"."""
        return status_str(self.status)

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file + ":"
        if self.line:
            where += f"{self.line}:{self.column}:"
        return f"{where + ' ' if where else ''}{self.message} [{self.status_name}]"

    def __repr__(self) -> str:
        extra = "".join(f", {k}={getattr(self, k)!r}" for k in ("line", "column", "offset", "file")
                        if getattr(self, k))
        return f"{type(self).__name__}({int(self.status)} {self.status_name!r}, {self.message!r}{extra})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (type(self), int(self.status), self.message,
                           dict(line=self.line, column=self.column, offset=self.offset, file=self.file)))


def _rebuild(cls: Type[RelationsError], status: int, message: str, kw: Dict[str, Any]) -> RelationsError:
    return cls(status, message, **kw)


class ArgumentError(RelationsError, ValueError):
    """``REL_ERR_ARG``: an invalid argument (malformed id, unknown enumeration value, ...)."""


class NoMemoryError(RelationsError, MemoryError):
    """``REL_ERR_NOMEM``: an allocation failed."""


class NotFoundError(RelationsError, KeyError):
    """``REL_ERR_NOT_FOUND``: an id, prefix, alias or quote matched nothing.

    Also a ``KeyError``, so ``kb.claims["no-such-id"]`` behaves like a dict lookup.
    """


class FileError(RelationsError, OSError):
    """``REL_ERR_IO``: a file could not be read or written, or a write callback refused the data."""


class ParseError(RelationsError, ValueError):
    """``REL_ERR_SYNTAX``: malformed JSON (line and column set) or time expression (offset set)."""


class EncodingError(RelationsError, ValueError):
    """``REL_ERR_UTF8``: text that is not valid UTF-8, or that contains a NUL byte."""


class RangeError(RelationsError, ValueError):
    """``REL_ERR_RANGE``: a span or number outside its range, or a span splitting a character."""


class DuplicateError(RelationsError, ValueError):
    """``REL_ERR_DUPLICATE``: an id already taken, or the same thing added twice."""


class InvalidReferenceError(RelationsError, LookupError):
    """``REL_ERR_REFERENCE``: a reference to an id that does not exist or names the wrong kind."""


class SchemaError(RelationsError, ValueError):
    """``REL_ERR_SCHEMA``: well-formed JSON of the wrong shape."""


class AmbiguousError(RelationsError, LookupError):
    """``REL_ERR_AMBIGUOUS``: a source prefix or quote that fits more than one place."""


class MismatchError(RelationsError, ValueError):
    """``REL_ERR_MISMATCH``: evidence text that differs from the source bytes it points at."""


class LimitError(RelationsError, ValueError):
    """``REL_ERR_LIMIT``: input beyond a documented limit (JSON nesting depth)."""


class FormatError(RelationsError, ValueError):
    """``REL_ERR_FORMAT``: a file that is not a snapshot, of another format version or machine, or corrupted."""


class ReadOnlyError(RelationsError, TypeError):
    """``REL_ERR_READ_ONLY``: a builder method on a knowledge base opened from a snapshot."""


class CancelledError(RelationsError):
    """``REL_ERR_CANCELLED``: a progress callback asked to stop an import."""


class ClosedError(RelationsError, ValueError):
    """The knowledge base (or time) was closed: the object can no longer be used.

    Raised by the binding, not the library; its status is ``REL_ERR_ARG``.
    """

    def __init__(self, message: str = "the knowledge base is closed") -> None:
        super().__init__(Status.ERR_ARG, message)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (ClosedError, (self.message,))

#: The exception class raised for each status.
ERRORS: Dict[int, Type[RelationsError]] = {
    Status.ERR_ARG: ArgumentError,
    Status.ERR_NOMEM: NoMemoryError,
    Status.ERR_NOT_FOUND: NotFoundError,
    Status.ERR_IO: FileError,
    Status.ERR_SYNTAX: ParseError,
    Status.ERR_UTF8: EncodingError,
    Status.ERR_RANGE: RangeError,
    Status.ERR_DUPLICATE: DuplicateError,
    Status.ERR_REFERENCE: InvalidReferenceError,
    Status.ERR_SCHEMA: SchemaError,
    Status.ERR_AMBIGUOUS: AmbiguousError,
    Status.ERR_MISMATCH: MismatchError,
    Status.ERR_LIMIT: LimitError,
    Status.ERR_FORMAT: FormatError,
    Status.ERR_READ_ONLY: ReadOnlyError,
    Status.ERR_CANCELLED: CancelledError,
}


def error(status: int, message: str = "", **where: Any) -> RelationsError:
    """The exception for a status: the subclass of :class:`RelationsError` that matches it."""
    return ERRORS.get(status, RelationsError)(status, message, **where)


def from_record(status: int, err: Optional[_ffi.rel_error], context: str = "") -> RelationsError:
    """The exception for a failed call, with the detail of its ``rel_error`` record."""
    if err is None:
        return error(status, context)
    message = err.message.decode("utf-8", "replace")
    if context and not message:
        message = context
    return error(status, message, line=err.line, column=err.column, offset=err.offset,
                 file=err.file.decode("utf-8", "surrogateescape"))


def check(status: int, err: Optional[_ffi.rel_error] = None, context: str = "") -> None:
    """Raises the matching exception unless ``status`` is OK (or DONE)."""
    if status < 0:
        raise from_record(status, err, context)
