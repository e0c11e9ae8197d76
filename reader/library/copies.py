"""Copies in the library: the same story stored twice is one article with its copies.

An article whose text is a near copy (``reader.library.near_copies``) of one already stored
is kept whole, with its file, its text and its own analysis, so that opening it shows what
it says, and is marked ``articles.copy_of`` = the article first stored (the original).
Everything that counts or lists leaves copies out (``NOT_A_COPY``): Who said what,
``library said``, actor summaries, statement searches and exports, article searches and
listings, which show each original with its ``copies`` instead. Removing an original makes
its first copy (the lowest id) the original of the others (``promote_first_copy``).

Each article's band values go into ``near_copy_bands``, indexed by value: the candidates for
a new article are the articles sharing a band with it, found by index lookups (no scan,
whatever the size of the library), and each is then compared with it exactly.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.library.connection import database
from reader.library.near_copies import Fingerprint, fingerprint
from reader.library.records import ArticleCopy, SearchHit

if TYPE_CHECKING:
    from reader.library.database import Database

#: SQL: true for an article ``a`` (or any table's ``article_id`` column, with
#: ``not_a_copy("s.article_id")``) that is not a copy. Reads the ``articles_copy_of`` index
#: once per query, never the article rows (``copy_of`` sits after their text).
NOT_A_COPY = "a.id NOT IN (SELECT id FROM articles WHERE copy_of IS NOT NULL)"

#: At most this many candidates (those sharing the most bands first) are compared exactly.
MOST_CANDIDATES = 20


def not_a_copy(column: str) -> str:
    """SQL: the article id in ``column`` is not that of a copy."""
    return f"{column} NOT IN (SELECT id FROM articles WHERE copy_of IS NOT NULL)"


def file_article(db: Database, article_id: int, text: str, title: str | None) -> int | None:
    """Note a newly stored article's bands and, if it is a copy of an article stored
    before, mark it so; return that original's id (None: it is an original). Runs in the
    caller's write transaction."""
    found = fingerprint(text, title)
    original = find_original(db, found, article_id)
    _insert_bands(db, article_id, found.bands)
    if original is not None:
        db.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (original, article_id))
    return original


def find_original(db: Database, found: Fingerprint, article_id: int | None = None) -> int | None:
    """The original of the stored story ``found`` is a copy of, if any (never
    ``article_id`` itself)."""
    if not found.bands or not found.shingles:
        return None
    marks = ",".join("?" * len(found.bands))
    candidates = db.execute(
        f"""SELECT b.article_id, COALESCE(a.copy_of, a.id), a.text, a.title
            FROM (SELECT article_id, count(*) AS shared FROM near_copy_bands
                  WHERE band IN ({marks}) AND article_id IS NOT ?
                  GROUP BY article_id ORDER BY shared DESC, article_id LIMIT ?) AS b
            JOIN articles AS a ON a.id = b.article_id
            ORDER BY b.shared DESC, b.article_id""",
        (*found.bands, article_id, MOST_CANDIDATES),
    ).fetchall()
    for _, original, text, title in candidates:
        if isinstance(text, str) and found.is_copy_of(fingerprint(text, title)):
            return int(original)
    return None


def _insert_bands(db: Database, article_id: int, bands: Iterable[int]) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO near_copy_bands (article_id, band) VALUES (?, ?)",
        [(article_id, band) for band in bands],
    )


def promote_first_copy(db: Database, article_id: int) -> int | None:
    """Before an original is deleted: its first copy becomes the original of the others.
    Returns that copy's id (None: it had no copies)."""
    rows = db.execute(
        "SELECT id FROM articles WHERE copy_of = ? ORDER BY id", (article_id,)
    ).fetchall()
    if not rows:
        return None
    first = int(rows[0][0])
    db.execute("UPDATE articles SET copy_of = NULL WHERE id = ?", (first,))
    db.execute("UPDATE articles SET copy_of = ? WHERE copy_of = ?", (first, article_id))
    return first


def original_of(db: Database, article_id: int) -> int | None:
    row = db.execute("SELECT copy_of FROM articles WHERE id = ?", (article_id,)).fetchone()
    return int(row[0]) if row is not None and row[0] is not None else None


def copies_sql(count: int) -> str:
    """SQL: the copies of ``count`` articles. The index is named: once ``PRAGMA optimize``
    has counted a library where nearly every ``copy_of`` is NULL, SQLite judged the index
    useless and read every article in id order instead (160 ms a search on 100,000
    articles, against 0.2 ms through the index)."""
    marks = ",".join("?" * count)
    return f"""SELECT id, copy_of, title, source, format FROM articles INDEXED BY articles_copy_of
               WHERE copy_of IN ({marks}) ORDER BY id"""


def copies_of(db: Database, article_ids: Sequence[int]) -> dict[int, tuple[ArticleCopy, ...]]:
    """The copies of each of these articles, first stored first (only those that have any)."""
    if not article_ids:
        return {}
    found: dict[int, list[ArticleCopy]] = {}
    rows = db.query(copies_sql(len(article_ids)), tuple(article_ids))
    for row in rows:
        found.setdefault(int(row["copy_of"]), []).append(ArticleCopy.from_row(row))
    return {original: tuple(copies) for original, copies in found.items()}


def fingerprint_library(conn: sqlite3.Connection) -> int:
    """File the bands of every stored article, in the order they were stored, marking each
    that copies one stored before it; return how many copies were found. The migration
    that brought copies runs this in its transaction."""
    db = database(conn)
    found = 0
    last = 0
    while True:
        batch = conn.execute(
            "SELECT id, text, title FROM articles WHERE id > ? ORDER BY id LIMIT 500", (last,)
        ).fetchall()
        if not batch:
            return found
        for article_id, text, title in batch:
            last = int(article_id)
            if not isinstance(text, str):
                continue  # damaged: ``library check`` names it
            title = title if isinstance(title, str) else None
            found += file_article(db, last, text, title) is not None


def with_copies(db: Database, hits: list[SearchHit]) -> list[SearchHit]:
    """Search hits with their articles' copies."""
    found = copies_of(db, [hit.id for hit in hits])
    return [
        dataclasses.replace(hit, copies=found[hit.id]) if hit.id in found else hit for hit in hits
    ]


def refile(db: Database, article_id: int) -> int | None:
    """File an article stored again by other means than ``store.write_analysis`` (the
    Library tab's undo of a removal): its bands again, and whether it is a copy, of what
    the library holds now. Returns its original's id, or None."""
    row = db.execute("SELECT text, title FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None or not isinstance(row[0], str):
        return None
    db.execute("UPDATE articles SET copy_of = NULL WHERE id = ?", (article_id,))
    db.execute("DELETE FROM near_copy_bands WHERE article_id = ?", (article_id,))
    return file_article(db, article_id, row[0], row[1] if isinstance(row[1], str) else None)
