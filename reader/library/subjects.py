"""Statements' subjects in the library (``statement_subjects``), written and read back.

A row per ``Subject`` of a stored statement, with ``position``, what gathers it with others
across the library (``reader.positions.grouping.position_key``, with a named actor's key
made the library actor's id so that "Turkey" in two articles is one position), and
``actor_id``, the library actor it names or that owns it. The rows go in with the
statements in the article's write transaction, and go with them (ON DELETE CASCADE, and
``clear``).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reader.model import Quote, Subject
from reader.positions.grouping import NAMED, position_key

if TYPE_CHECKING:
    from reader.library.database import Database

COLUMNS = (
    "statement_id", "article_id", "start", "end", "text", "key", "rule", "local_actor",
    "actor_id", "position",
)  # fmt: skip


def write(
    db: Database, article_id: int, quotes: Sequence[Quote], library_ids: dict[str, int]
) -> None:
    """The subjects of the article's statements, just stored (found by their ``seq``)."""
    if not any(q.subjects for q in quotes):
        return
    ids = dict(
        db.execute("SELECT seq, id FROM statements WHERE article_id = ?", (article_id,)).fetchall()
    )
    rows: list[tuple[Any, ...]] = []
    for seq, quote in enumerate(quotes):
        statement_id = ids.get(seq)
        if statement_id is None:
            continue
        for subject in quote.subjects:
            actor_id = library_ids.get(subject.actor) if subject.actor is not None else None
            position = position_key(subject)
            if subject.rule == NAMED and actor_id is not None:
                position = f"{NAMED}:#{actor_id}"
            rows.append(
                (
                    statement_id,
                    article_id,
                    subject.start,
                    subject.end,
                    subject.text,
                    subject.key,
                    subject.rule,
                    subject.actor,
                    actor_id,
                    position,
                )
            )
    if rows:
        db.table("statement_subjects").insert_all([COLUMNS, *rows])


def clear(db: Database, article_id: int) -> None:
    if _present(db):
        db.execute("DELETE FROM statement_subjects WHERE article_id = ?", (article_id,))


def read(db: Database, article_id: int) -> dict[int, tuple[Subject, ...]]:
    """The stored subjects of an article's statements, by the statements' ``seq``."""
    if not _present(db):
        return {}  # a library before statements had subjects (a migration reading it back)
    found: dict[int, list[Subject]] = defaultdict(list)
    rows = db.execute(
        """SELECT s.seq, ss.start, ss."end", ss.text, ss.key, ss.rule, ss.local_actor
           FROM statement_subjects AS ss JOIN statements AS s ON s.id = ss.statement_id
           WHERE ss.article_id = ? ORDER BY s.seq, ss.start, ss."end", ss.rowid""",
        (article_id,),
    )
    for seq, start, end, text, key, rule, actor in rows:
        found[int(seq)].append(Subject(start, end, text, key, rule, actor))
    return {seq: tuple(subjects) for seq, subjects in found.items()}


def _present(db: Database) -> bool:
    try:
        db.execute("SELECT 1 FROM statement_subjects LIMIT 0")
    except sqlite3.OperationalError:
        return False
    return True
