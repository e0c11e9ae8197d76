"""Shared clean-up for extracted text: one paragraph a line, and the title guess."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A first line longer than this is a sentence, not a title.
TITLE_MAX_WORDS = 15
TITLE_MAX_CHARS = 120

# Horizontal whitespace, including the no-break and other Unicode spaces.
_SPACES = re.compile(r"[^\S\n]+")


def squash(text: str) -> str:
    """Collapse runs of horizontal whitespace to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """One paragraph a line: squashed, blank ones dropped, joined by a single newline.

    A paragraph that itself contains newlines is split there, so the result never holds
    an empty line, a leading or trailing newline, or a run of spaces.
    """
    lines = (squash(line) for paragraph in paragraphs for line in paragraph.split("\n"))
    return "\n".join(line for line in lines if line)


def guess_title(text: str) -> str | None:
    """The first non-blank line when it looks like a headline and more text follows it."""
    first, _, rest = text.lstrip().partition("\n")
    if rest and not rest.isspace() and looks_like_title(first):
        return squash(first)
    return None


def looks_like_title(line: str) -> bool:
    """Short, with a letter in it, not ending like a sentence (full stop) or a lead-in (colon)."""
    line = line.strip()
    return (
        bool(line)
        and len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and not line.endswith((".", "…", ":", ",", ";"))
        and any(char.isalpha() for char in line)
    )
