"""A reader's corrections to the cast, stored in the library and laid over every analysis.

``record`` stores a correction and writes again every article it may change; ``undo`` marks
one undone and writes again the articles it had changed. Both run inside the caller's write
transaction, so two programs correcting at once take turns and lose nothing.

A correction made in one article is scoped by the article's sha256: it survives a
re-analysis with other rules (a statement is found again by its content span, an actor by its
library key) and the article being removed and added again. A library-wide correction (scope
NULL) applies to every article with that actor, including articles added later.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from reader.corrections.operations import (
    Accept,
    AddStatement,
    Change,
    ChangeKind,
    Correction,
    Dismiss,
    Merge,
    Reassign,
    Rename,
    Split,
    arguments,
)
from reader.library.amend import CORRECTION_COLUMNS, correction_from_row, readable
from reader.library.identity import find_actor_ids
from reader.library.store import now, rewrite_corrected
from reader.output.words import change_description

if TYPE_CHECKING:
    from reader.library.database import Database

#: Corrections that name a statement, which belongs to one article.
STATEMENT_CHANGES = (Reassign, Dismiss, Accept, AddStatement)


class CorrectionRefused(ValueError):
    """The correction names nothing it could change; the message says what."""


def record(db: Database, change: Change, article_id: int | None) -> tuple[Correction, list[int]]:
    """Store ``change`` (for one article, or the whole library when ``article_id`` is None).

    Returns the stored correction and the articles it changed. ``CorrectionRefused`` when a
    statement correction is asked for the whole library, or when the correction finds
    nothing to change, in its article or in the whole library (nothing is stored then).
    """
    if article_id is None and isinstance(change, STATEMENT_CHANGES):
        raise CorrectionRefused("a statement belongs to one article: name the article")
    scope = None if article_id is None else _sha256(db, article_id)
    created = now()
    cursor = db.execute(
        "INSERT INTO corrections (created, scope, operation, arguments) VALUES (?, ?, ?, ?)",
        (created, scope, change.operation, json.dumps(arguments(change), ensure_ascii=False)),
    )
    correction = Correction(int(cursor.lastrowid or 0), change, scope, created)
    rewrite_corrected(db, [article_id] if article_id is not None else _articles_with(db, change))
    changed = _changed_articles(db, correction.id)
    if not changed:
        # Refused rather than stored: it would change nothing, and a reader who
        # mistyped a name learns it here, not from a correction that silently does nothing.
        where = "the library" if article_id is None else f"article {article_id}"
        if isinstance(change, Merge | Rename | ChangeKind | Split | Reassign | Dismiss):
            raise CorrectionRefused(f"nothing in {where} to {change_description(change)}")
        hint = "" if article_id is not None else " (a description is in one article: name it)"
        raise CorrectionRefused(
            f"nothing in {where} to correct: {change_description(change)}{hint}"
        )
    return correction, changed


def undo(db: Database, correction_id: int) -> tuple[Correction, list[int]]:
    """Mark a correction undone and write again the articles it changed."""
    correction = find(db, correction_id)
    if correction is None:
        raise CorrectionRefused(f"no correction {correction_id}")
    if correction.undone is not None:
        raise CorrectionRefused(f"correction {correction_id} is already undone")
    changed = _changed_articles(db, correction_id)
    undone = now()
    db.execute("UPDATE corrections SET undone = ? WHERE id = ?", (undone, correction_id))
    rewrite_corrected(db, changed)
    return dataclasses.replace(correction, undone=undone), changed


def find(db: Database, correction_id: int) -> Correction | None:
    rows = list(
        db.query(f"SELECT {CORRECTION_COLUMNS} FROM corrections WHERE id = ?", (correction_id,))
    )
    return correction_from_row(rows[0]) if rows else None


def listing(db: Database, article_id: int | None = None) -> list[Correction]:
    """Every correction, newest first; for one article, its own and the library-wide ones."""
    if article_id is None:
        rows = db.query(f"SELECT {CORRECTION_COLUMNS} FROM corrections ORDER BY id DESC")
    else:
        rows = db.query(
            f"""SELECT {CORRECTION_COLUMNS} FROM corrections
                WHERE scope IS NULL OR scope = (SELECT sha256 FROM articles WHERE id = ?)
                ORDER BY id DESC""",
            (article_id,),
        )
    return readable(rows)  # as when applying, one changed outside Dramatis is left out


def _sha256(db: Database, article_id: int) -> str:
    row = db.execute("SELECT sha256 FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise CorrectionRefused(f"no article with id {article_id} in the library")
    return str(row[0])


def _articles_with(db: Database, change: Change) -> list[int]:
    """Articles a library-wide correction may change: those linking to an actor answering
    to the name it corrects (found too widely is harmless: a correction only acts where the
    article has that actor)."""
    if isinstance(change, STATEMENT_CHANGES):
        return []
    named = change.source if isinstance(change, Merge) else change.actor
    ids = find_actor_ids(db, named.name)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT DISTINCT article_id FROM article_actors WHERE actor_id IN ({marks})", ids
    ).fetchall()
    return sorted(int(r[0]) for r in rows)


def _changed_articles(db: Database, correction_id: int) -> list[int]:
    rows = db.execute(
        "SELECT article_id FROM correction_effects WHERE correction_id = ? ORDER BY article_id",
        (correction_id,),
    ).fetchall()
    return [int(r[0]) for r in rows]
