"""Every statement in the library, one row each, for spreadsheets and programs.

``dramatis library export`` and the desktop app's "Export Library Statements…" write the
same rows (docs/SCHEMA.md, "Statements export"). ``date`` is the article's published date
(empty when unknown) and ``added`` when the article was first added, each in its own
column. The CSV is for people: its ``kind`` is in words ("Direct quote"), with the stored
value beside it in ``kind_code``; the JSON keeps the stored value in ``kind``. ``corrected``
marks a statement a reader's correction changed ("yes" in the CSV, true in the JSON).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.library.records import StoredStatement
from reader.output.files import replacing
from reader.output.words import statement_kind_name

if TYPE_CHECKING:
    from reader.library.core import Library

#: The columns of the CSV, in order.
CSV_FIELDS = (
    "statement_id",
    "article_id",
    "title",
    "date",
    "added",
    "actor_id",
    "actor",
    "speaker",
    "kind",
    "kind_code",
    "cue",
    "text",
    "corrected",
)


def statement_row(statement: StoredStatement) -> dict[str, Any]:
    """One statement as the JSON export writes it (None where unknown)."""
    return {
        "statement_id": statement.id,
        "article_id": statement.article_id,
        "title": statement.title,
        "date": statement.published,
        "added": statement.added,
        "actor_id": statement.actor_id,
        "actor": statement.actor,
        "speaker": statement.speaker,
        "kind": statement.kind,
        "cue": statement.cue,
        "text": statement.text,
        "corrected": bool(statement.corrected),
    }


def csv_row(statement: StoredStatement) -> dict[str, Any]:
    """One statement as a CSV row: the kind in words, empty cells where unknown."""
    row = statement_row(statement)
    row["kind_code"] = row["kind"]
    row["kind"] = statement_kind_name(statement.kind)
    row["corrected"] = "yes" if statement.corrected else ""
    return {key: "" if value is None else value for key, value in row.items()}


def statement_rows(library: Library) -> Iterator[dict[str, Any]]:
    """Every statement as a JSON export row, in article date order."""
    return (statement_row(s) for s in library.statements())


def write_csv(library: Library, stream: TextIO) -> int:
    """Write every statement as CSV (a header line first); return how many rows."""
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for statement in library.statements():
        writer.writerow(csv_row(statement))
        count += 1
    return count


def write_json(library: Library, stream: TextIO) -> int:
    """Write every statement as one JSON list; return how many."""
    rows = list(statement_rows(library))
    stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    return len(rows)


def export_csv(library: Library, path: str | Path) -> int:
    """Write the CSV to ``path``, whole or not at all (``OutputError`` if it cannot be
    written, leaving any file there unchanged); return how many statements."""
    with replacing(path) as stream:
        return write_csv(library, stream)
