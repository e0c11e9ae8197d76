"""Plain values the library hands to the command line and the interface (no SQL outside).

They are immutable and JSON-friendly: ``as_dict()`` gives what ``--format json`` prints.
Each is built in one place, ``from_row``, from a row as sqlite-utils' ``db.query()`` gives
it: a dict keyed by the column names of the SELECT (``reader.library.search`` and the
library's reads, ``articles``, ``searching`` and ``speakers``, name their columns to match
the fields). A row that cannot be turned into one of them (a value changed outside
Dramatis) raises ``DamagedRecord`` naming its article.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from reader.actors.descriptions import speaking_for
from reader.model import CHECK_THRESHOLD, is_to_check

#: A row from ``Database.query``: column name -> value.
Row = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ArticleCopy:
    """Another copy of an article's story, stored from another file (``reader.library.copies``)."""

    id: int
    title: str | None
    source: str | None
    format: str

    @property
    def name(self) -> str:
        """Its file's name ("report.pdf"), else its title, else its id."""
        if self.source:
            return self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return self.title or f"article {self.id}"

    @classmethod
    def from_row(cls, row: Row) -> ArticleCopy:
        return cls(int(row["id"]), row["title"], row["source"], row["format"])


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
    #: The newspaper or site that published it, when its file said (schema 10 on).
    outlet: str | None = None
    #: The article this one is a copy of (the same story from another file), or None.
    copy_of: int | None = None
    #: This article's copies, first stored first (listings fill it in; else empty).
    copies: tuple[ArticleCopy, ...] = ()

    @classmethod
    def from_row(cls, row: Row) -> StoredArticle:
        """A row with a column for every field (``ARTICLE_COLUMNS``); ``copies`` apart."""
        return cls(
            id=int(row["id"]),
            sha256=row["sha256"],
            title=row["title"],
            source=row["source"],
            format=row["format"],
            byline=row["byline"],
            published=row["published"],
            first_opened=row["first_opened"],
            last_opened=row["last_opened"],
            analysis_version=row["analysis_version"],
            outlet=row["outlet"],
            copy_of=row["copy_of"],
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


#: The SELECT list that ``StoredArticle.from_row`` reads.
ARTICLE_COLUMNS = """id, sha256, title, source, format, byline, published, first_opened,
    last_opened, analysis_version, outlet, copy_of"""


@dataclass(frozen=True, slots=True)
class ListedArticle:
    """A row of the library as a table (the Library tab with no search): what it is
    called, who published it and when, when it was added and how many statements it has.

    ``opening`` is the start of its text when it has no title (to name it by), else "".
    """

    id: int
    title: str | None
    source: str | None
    outlet: str | None
    published: str | None
    added: str
    statements: int
    opening: str = ""
    #: How many of its statements a reader may want to check (``Quote.to_check``).
    to_check: int = 0
    #: The other files of the same story (``reader.library.copies``), first stored first.
    copies: tuple[ArticleCopy, ...] = ()

    @classmethod
    def from_row(cls, row: Row) -> ListedArticle:
        """A row with a column for every field (``reader.library.listing``)."""
        return cls(
            id=int(row["id"]),
            title=row["title"],
            source=row["source"],
            outlet=row["outlet"],
            published=row["published"],
            added=row["added"],
            statements=int(row["statements"] or 0),
            opening=row["opening"] or "",
            to_check=int(row.get("to_check") or 0),
        )

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
    #: The same story from other files (``reader.library.copies``), first stored first: a
    #: hit stands for all of them ("also: report.pdf, wire.txt").
    copies: tuple[ArticleCopy, ...] = ()

    @classmethod
    def from_row(cls, row: Row) -> SearchHit:
        """A row with ``id``, ``title``, ``snippet``, ``score``, ``source``, ``last_opened``
        (``copies`` are added apart)."""
        return cls(
            id=int(row["id"]),
            title=row["title"],
            snippet=row["snippet"] or "",
            score=float(row["score"]),
            source=row["source"],
            last_opened=row["last_opened"],
        )

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

    @classmethod
    def from_row(cls, row: Row) -> ActorSummary:
        """A row with ``id``, ``name``, ``kind``, ``aliases`` (a JSON list, the name itself
        left out here), ``articles`` and ``statements``."""
        return cls(
            id=int(row["id"]),
            name=row["name"],
            kind=row["kind"],
            aliases=tuple(a for a in json.loads(row["aliases"]) if a != row["name"]),
            articles=int(row["articles"]),
            statements=int(row["statements"]),
        )

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
    #: The article's published date, else when it was first added (to order by).
    date: str
    #: The article's published date as found in the file, or None.
    published: str | None
    #: When the article was first added to the library (ISO 8601, UTC).
    added: str
    #: Whether a reader's correction changed this statement (its speaker or its actor).
    corrected: int = 0
    #: The statement's calibrated confidence, why a reader may check it (space-separated
    #: ``reader.actors.doubts`` reasons), whether a reader accepted it, and its rule.
    confidence: float | None = None
    doubts: str = ""
    reviewed: int = 0
    rule: str | None = None

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why a reader may check it: ``reader.actors.doubts`` reasons."""
        return tuple(self.doubts.split()) if isinstance(self.doubts, str) else ()

    def to_check(self, threshold: float = CHECK_THRESHOLD) -> bool:
        """Marked "check this", as ``Quote.to_check``: less sure than ``threshold``, not
        reviewed by a reader."""
        return is_to_check(self.confidence, bool(self.reviewed), self.rule, threshold)

    @property
    def spoken_for(self) -> str | None:
        """ "spokesman, Western Health Board" when a description spoke for the actor."""
        return speaking_for(self.speaker, self.actor)

    @classmethod
    def from_row(cls, row: Row) -> StoredStatement:
        """A row of ``STORED_STATEMENT_COLUMNS`` (``reader.library.search``), which names a column
        for every field; ``DamagedRecord`` if a value is not of the type written (the row
        was changed outside Dramatis).

        Built with ``cls(**row)`` and checked after: a listing of every statement of a
        prolific actor maps tens of thousands of rows, and this is the quickest way.
        """
        record = cls(**row)
        sound = (
            isinstance(record.text, str)
            and isinstance(record.kind, str)
            and isinstance(record.date, str)
            and (record.published is None or isinstance(record.published, str))
            and isinstance(record.added, str)
            and (record.title is None or isinstance(record.title, str))
            and (record.speaker is None or isinstance(record.speaker, str))
            and (record.cue is None or isinstance(record.cue, str))
            and (record.actor is None or isinstance(record.actor, str))
            and isinstance(record.start, int)
            and isinstance(record.end, int)
        )
        if not sound:
            raise DamagedRecord(int(record.article_id), f"statement {record.id}")
        return record

    @classmethod
    def from_values(cls, values: Sequence[Any]) -> StoredStatement:
        """As ``from_row``, from a plain row of ``STORED_STATEMENT_COLUMNS`` in field order:
        no dict is made for it (a listing of 47,000 statements: 600 → 410 ms)."""
        (_, article_id, title, text, kind, speaker, cue, _, actor, start, end, date,
         published, added) = values[:14]  # fmt: skip
        sound = (
            type(text) is str
            and type(kind) is str
            and type(date) is str
            and (published is None or type(published) is str)
            and type(added) is str
            and (title is None or type(title) is str)
            and (speaker is None or type(speaker) is str)
            and (cue is None or type(cue) is str)
            and (actor is None or type(actor) is str)
            and type(start) is int
            and type(end) is int
        )
        if not sound:
            raise DamagedRecord(int(article_id), f"statement {values[0]}")
        return cls(*values)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to one file given to ``library add`` or to ``Reading.add_paths``."""

    path: str
    article_id: int | None
    was_new: bool
    error: str | None = None
    #: The stored article it turned out to be a copy of (the same story), or None.
    copy_of: int | None = None


class DamagedRecord(ValueError):
    """A stored row that cannot be read back as it was written (changed outside Dramatis)."""

    def __init__(self, article_id: int, part: str) -> None:
        super().__init__(f"article {article_id}: {part}")
        self.article_id = article_id
        self.part = part
