"""Python string offsets to Qt text positions and back.

Analyses count code points; ``QTextDocument`` counts UTF-16 code units, so every character
outside the Basic Multilingual Plane (an emoji, some CJK) shifts later positions by one.
For the usual article without such characters the mapping is the identity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# One C-level scan instead of a Python loop over every character (a long article has
# millions; the loop stalled the window for a tenth of a second).
_WIDE = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts between offsets into ``text`` and positions in a document showing it."""

    def __init__(self, text: str) -> None:
        #: Offsets of the characters that take two UTF-16 units.
        self._wide = [m.start() for m in _WIDE.finditer(text)]
        # Their positions in the document (each earlier wide character adds one).
        self._wide_qt = [i + n for n, i in enumerate(self._wide)]
        self.length = len(text)

    def to_qt(self, offset: int) -> int:
        """Document position of a string offset (a start or an end)."""
        return offset + bisect_left(self._wide, offset)

    def from_qt(self, position: int) -> int:
        """String offset of a document position (inside a surrogate pair: its start)."""
        return position - bisect_right(self._wide_qt, position - 1)
