"""File names as data: kept exactly as the system gives them, shown and stored safely.

A file name on Linux is any bytes. Python decodes it with ``os.fsdecode``, turning each
byte that is not valid UTF-8 into a lone surrogate (``b"caf\\xe9"`` -> ``"caf\\udce9"``);
such a string opens the file again but cannot be written as UTF-8, neither to a terminal
nor to JSON nor to SQLite. Paths stay in that exact form inside ``Article`` and
``Path`` values, and are converted only where they leave the program:

- ``printable`` for anything a person reads (error lines, text output, reports): one line
  of valid UTF-8, undecodable bytes as ``\\xNN`` and control characters such as a newline
  as ``\\n``;
- ``as_text`` for JSON output and the library: valid Unicode, the name unchanged except
  undecodable bytes as ``\\xNN`` (JSON escapes control characters itself).

Backslashes are left as they are, so both are unchanged on ordinary names and applying
them twice changes nothing.
"""

from __future__ import annotations

import os
import unicodedata

#: Surrogates made by ``os.fsdecode`` for the undecodable bytes 0x80-0xFF.
_ESCAPED_BYTES = range(0xDC80, 0xDD00)
_NAMED_CONTROLS = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Characters that break a line or reorder what the terminal shows.
_LINE_AND_BIDI = frozenset("\u2028\u2029\u061c\u200e\u200f") | frozenset(
    chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)

NameLike = str | bytes | os.PathLike[str] | os.PathLike[bytes]


def as_text(name: NameLike) -> str:
    """The name as valid Unicode: undecodable bytes as ``\\xNN``, all else unchanged."""
    return "".join(_surrogate(ch) if _is_surrogate(ch) else ch for ch in _decoded(name))


def printable(name: NameLike) -> str:
    """The name (or any message naming it) as one line of valid UTF-8 for people to read."""
    return "".join(_printable_char(ch) for ch in _decoded(name))


def _decoded(name: NameLike) -> str:
    value = os.fspath(name)
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _printable_char(ch: str) -> str:
    if _is_surrogate(ch):
        return _surrogate(ch)
    if ch in _NAMED_CONTROLS:
        return _NAMED_CONTROLS[ch]
    if ch in _LINE_AND_BIDI or unicodedata.category(ch) == "Cc":
        return _code(ch)
    return ch


def _is_surrogate(ch: str) -> bool:
    return "\ud800" <= ch <= "\udfff"


def _surrogate(ch: str) -> str:
    if ord(ch) in _ESCAPED_BYTES:
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return _code(ch)


def _code(ch: str) -> str:
    point = ord(ch)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"
