"""An actor's positions written out: JSON (a list of positions with their statements) or CSV
(a row per statement of each position). The command line and the window write the same."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, Any, TextIO

from reader.library.positions import StoredPosition
from reader.library.records import StoredStatement

if TYPE_CHECKING:
    from reader.library.core import Library

CSV_COLUMNS = ("actor", "position", "owner", "article_id", "title", "date", "statement")

Listed = list[tuple[StoredPosition, list[StoredStatement]]]


def listed_positions(library: Library, name: str, limit: int = 50) -> Listed:
    """The actor's positions, most-stated first, each with its statements by date."""
    found = library.positions(name, limit=limit)
    return [(p, library.position_statements(name, p.key, limit=10_000)) for p in found]


def library_positions(library: Library, limit: int = 20) -> list[tuple[str, Listed]]:
    """Every actor who said something, quoted most first, with its positions."""
    return [
        (actor.name, listed_positions(library, actor.name, limit))
        for actor in library.actors()
        if actor.statements
    ]


def write_json(name: str, listed: Listed, out: TextIO) -> None:
    out.write(json.dumps(_positions_json(name, listed), ensure_ascii=False, indent=2) + "\n")


def write_library_json(every: list[tuple[str, Listed]], out: TextIO) -> None:
    """The positions of every actor: one list, each position naming its actor."""
    document = [p for name, listed in every for p in _positions_json(name, listed)]
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def write_library_csv(every: list[tuple[str, Listed]], out: TextIO) -> None:
    rows = csv.writer(out, lineterminator="\n")
    rows.writerow(CSV_COLUMNS)
    for name, listed in every:
        _csv_rows(rows, name, listed)


def _positions_json(name: str, listed: Listed) -> list[dict[str, object]]:
    return [
        {
            "actor": name,
            "key": position.key,
            "label": position.label,
            "owner": position.owner,
            "statements": [
                {
                    "statement_id": s.id,
                    "article_id": s.article_id,
                    "title": s.title,
                    "date": s.date,
                    "text": s.text,
                    "actor": s.actor,
                }
                for s in statements
            ],
        }
        for position, statements in listed
    ]


def write_csv(name: str, listed: Listed, out: TextIO) -> None:
    rows = csv.writer(out, lineterminator="\n")
    rows.writerow(CSV_COLUMNS)
    _csv_rows(rows, name, listed)


def _csv_rows(rows: Any, name: str, listed: Listed) -> None:
    for position, statements in listed:
        for s in statements:
            rows.writerow(
                (name, position.label, position.owner or "", s.article_id, s.title or "",
                 s.date[:10], " ".join(s.text.split()))
            )  # fmt: skip
