"""What a format module hands back: the text of an article and what the file says about it.

Every format module exposes ``extract(data, source) -> Extracted`` and raises
``reader.errors.ArticleError`` naming ``source`` for input it cannot use. Heavy parsing
libraries (trafilatura, pypdf, python-docx) are imported inside those functions, so opening
a plain-text file never loads them. ``reader.opening`` picks the module by file suffix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import AnyStr


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text of an article and whatever the file says about it."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None


def describe(error: BaseException) -> str:
    """A parser exception as a short detail for a user-facing message."""
    detail = " ".join(str(error).split())
    return detail or type(error).__name__


def without_elements(
    markup: AnyStr, start: re.Pattern[AnyStr], ends: Mapping[AnyStr, re.Pattern[AnyStr]]
) -> AnyStr:
    """``markup`` without the elements ``start`` finds (its group 1, lower-cased, names the
    ``ends`` pattern that closes each), in linear time: an element that never closes is left
    in place, and no later element of its kind is looked for again."""
    pieces: list[AnyStr] = []
    kept = searched = 0
    unclosed: set[AnyStr] = set()
    while found := start.search(markup, searched):
        name = found[1].lower()
        end = None if name in unclosed else ends[name].search(markup, found.end())
        if end is None:
            unclosed.add(name)
            searched = found.end()
            continue
        pieces.append(markup[kept : found.start()])
        kept = searched = end.end()
    pieces.append(markup[kept:])
    return markup[:0].join(pieces)
