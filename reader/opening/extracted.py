"""What a format module hands back: the text of an article and what the file says about it.

Every format module exposes ``extract(data, source) -> Extracted`` and raises
``reader.errors.ArticleError`` naming ``source`` for input it cannot use. Heavy parsing
libraries (trafilatura, pypdf, python-docx) are imported inside those functions, so opening
a plain-text file never loads them. ``reader.opening`` picks the module by file suffix.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text of an article and whatever the file says about it."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None


def describe(error: BaseException) -> str:
    """A parser exception as a short detail for a user-facing message."""
    detail = " ".join(str(error).split())
    return detail or type(error).__name__
