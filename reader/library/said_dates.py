"""When an actor spoke: each article they said something in, its date and how often.

The desktop app's "who said what" timeline places every article of an actor on a strip by
date; listing the statements themselves page by page would leave it empty until the last
page. ``said_articles`` reads one light row per article instead (title, dates, number of
statements and the first of them), with one grouped query over the ``statements_actor``
index. It only reads, through the ``Library``'s own connection and error translation.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.library.connection import translate_errors

if TYPE_CHECKING:
    from reader.library.core import Library

#: The first statement is kept only this long (it is shown shortened, in a tooltip).
FIRST_STATEMENT_CHARS = 300
#: How much of an untitled article's text is read to name it by its first sentence.
OPENING_CHARS = 400

_ISO_DAY = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class SaidArticle:
    """One article an actor said something in: what to call it, when, and how often."""

    article_id: int
    title: str | None
    source: str | None
    #: The article's published date as found in the file, or None.
    published: str | None
    #: When the article was first added to the library (ISO 8601, UTC).
    added: str
    #: How many of the actor's statements the article holds.
    statements: int
    #: The first of them (its first ``FIRST_STATEMENT_CHARS`` characters) and its offsets.
    first: str
    start: int
    end: int
    #: The start of the article's text, to name an article that has no title.
    opening: str = ""

    @property
    def day(self) -> datetime.date | None:
        """The published date, else the day it was added; None if neither reads as a date."""
        return parse_day(self.published) or parse_day(self.added)

    @property
    def dated_by_publication(self) -> bool:
        return parse_day(self.published) is not None


def parse_day(value: str | None) -> datetime.date | None:
    """The day an ISO 8601 date starts with ("2024-03-05T10:00Z", "2024-03", "2024")."""
    if not value:
        return None
    match = _ISO_DAY.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        return datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def said_articles(library: Library, name: str) -> list[SaidArticle]:
    """Every article in which the actor answering to ``name`` said something, by date."""
    ids = library.actor_ids(name)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    with translate_errors(library.path):
        # SQLite takes the bare columns of an aggregate query from the row min() chose:
        # the article's first statement by this actor.
        rows = library.connection.execute(
            f"""SELECT s.article_id, a.title, a.source, a.published, a.first_opened,
                    count(*), min(s.seq), substr(s.text, 1, ?), s.start, s."end",
                    CASE WHEN a.title IS NULL THEN substr(a.text, 1, ?) ELSE '' END
                FROM statements AS s JOIN articles AS a ON a.id = s.article_id
                WHERE s.actor_id IN ({marks})
                GROUP BY s.article_id
                ORDER BY COALESCE(a.published, a.first_opened), s.article_id""",
            (FIRST_STATEMENT_CHARS, OPENING_CHARS, *ids),
        ).fetchall()
    return [
        SaidArticle(
            article_id=int(row[0]),
            title=_text_or_none(row[1]),
            source=_text_or_none(row[2]),
            published=_text_or_none(row[3]),
            added=str(row[4]),
            statements=int(row[5]),
            first=str(row[7]),
            start=int(row[8]),
            end=int(row[9]),
            opening=str(row[10] or ""),
        )
        for row in rows
    ]


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)
