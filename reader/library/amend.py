"""Corrections laid over an article's analysis as it is written to the library.

The rows of ``entities``, ``statements`` and ``article_actors`` hold the corrected view,
so that ``said``, searches, listings and exports stay plain SQL. The analysis as the
pipeline made it is kept beside them in ``uncorrected_analyses`` (as JSON) for every
article a correction changed: undoing a correction, or adding one, re-applies the
remaining corrections to it. ``correction_effects`` records which corrections took effect
in which article. Every function runs inside the caller's write transaction.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.corrections.apply import Applied, apply_all
from reader.corrections.operations import Correction, change_from_json
from reader.library.records import Row
from reader.model import Analysis
from reader.output.json_document import parts_from_dict, parts_to_dict

if TYPE_CHECKING:
    from reader.library.database import Database

#: The SELECT list ``correction_from_row`` reads.
CORRECTION_COLUMNS = "id, created, scope, operation, arguments, undone"


def correction_from_row(row: Row) -> Correction:
    """A stored correction; ValueError if its arguments cannot be read."""
    return Correction(
        id=int(row["id"]),
        change=change_from_json(str(row["operation"]), str(row["arguments"])),
        scope=row["scope"],
        created=str(row["created"]),
        undone=row["undone"],
    )


def active(db: Database, sha256: str) -> list[Correction]:
    """The corrections in effect for an article: its own and the library's, oldest first.

    A row that cannot be read (changed outside Dramatis) is left out.
    """
    rows = db.query(
        f"""SELECT {CORRECTION_COLUMNS} FROM corrections
            WHERE undone IS NULL AND (scope IS NULL OR scope = ?) ORDER BY id""",
        (sha256,),
    )
    return readable(rows)


def readable(rows: Iterable[Row]) -> list[Correction]:
    """The stored corrections of ``rows``, leaving out any that cannot be read (changed
    outside Dramatis)."""
    found = []
    for row in rows:
        try:
            found.append(correction_from_row(row))
        except ValueError:
            continue
    return found


def amended(db: Database, article_id: int, raw: Analysis) -> Applied:
    """``raw`` with the article's corrections applied; keeps ``raw`` if any took effect."""
    applied = apply_all(raw, active(db, raw.article.sha256))
    db.execute("DELETE FROM correction_effects WHERE article_id = ?", (article_id,))
    if not applied.applied:
        db.execute("DELETE FROM uncorrected_analyses WHERE article_id = ?", (article_id,))
        return applied
    db.execute(
        "INSERT OR REPLACE INTO uncorrected_analyses (article_id, analysis) VALUES (?, ?)",
        (article_id, encode(raw)),
    )
    db.conn.executemany(
        "INSERT INTO correction_effects (correction_id, article_id) VALUES (?, ?)",
        [(correction_id, article_id) for correction_id in applied.applied],
    )
    return applied


def uncorrected(db: Database, article_id: int, shown: Analysis) -> Analysis:
    """The analysis before corrections: kept if any applied, else the stored one itself."""
    row = db.execute(
        "SELECT analysis FROM uncorrected_analyses WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return shown
    return decode(str(row[0]), shown)


def encode(analysis: Analysis) -> str:
    """The analysis' entities, statements and actors as JSON, in the JSON document's form
    (``reader.output.json_document``; the article is stored apart)."""
    return json.dumps(parts_to_dict(analysis), ensure_ascii=False)


def decode(text: str, shown: Analysis) -> Analysis:
    """The kept analysis, with the article and version of ``shown``."""
    entities, quotes, actors = parts_from_dict(json.loads(text))
    return dataclasses.replace(shown, entities=entities, quotes=quotes, actors=actors)
