"""Plain values the library hands to the command line and the interface (no SQL outside).

They are immutable and JSON-friendly: ``as_dict()`` gives what ``--format json`` prints.
A row that cannot be turned into one of them (a value changed outside Dramatis) raises
``DamagedRecord`` naming its article.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the library lists it (without its text)."""

    id: int
    sha256: str
    title: str | None
    source: str | None
    format: str
    byline: str | None
    published: str | None
    first_opened: str
    last_opened: str
    analysis_version: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article found by a search; ``snippet`` marks matched words with ``MARK_START``
    and ``MARK_END`` (``reader.library.search``), characters no article text holds.

    ``score`` is the negated bm25 rank: higher is better.
    """

    id: int
    title: str | None
    snippet: str
    score: float
    source: str | None
    last_opened: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """A library-wide actor with how often it appears and speaks."""

    id: int
    name: str
    kind: str
    aliases: tuple[str, ...]
    articles: int
    statements: int

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["aliases"] = list(self.aliases)
        return data


@dataclass(frozen=True, slots=True)
class StoredStatement:
    """A statement in the library, linked to its article and (if known) its library actor."""

    id: int
    article_id: int
    title: str | None
    text: str
    kind: str
    speaker: str | None
    cue: str | None
    actor_id: int | None
    actor: str | None
    start: int
    end: int
    date: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to one file given to ``Library.add_paths``."""

    path: str
    article_id: int | None
    was_new: bool
    error: str | None = None


class DamagedRecord(ValueError):
    """A stored row that cannot be read back as it was written (changed outside Dramatis)."""

    def __init__(self, article_id: int, part: str) -> None:
        super().__init__(f"article {article_id}: {part}")
        self.article_id = article_id
        self.part = part
