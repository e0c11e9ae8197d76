"""Checking a library and repairing what can be repaired without losing anything.

``quick_check`` is the page-level test (``PRAGMA quick_check``) run before writing to a
library whose file is not as the last clean close left it. ``find_problems`` is ``dramatis
library check``: SQLite's full ``integrity_check``, rows whose article or actor is gone,
aliases of library actors that no article's actor gives them (what an undone correction left
in libraries written by earlier versions), stored values that cannot be read back (JSON that
does not parse, offsets that are not numbers), the stored content against what the library
can verify (``content``: text that is not valid UTF-8, an article text whose hash differs,
offsets outside the text, statements that are not the text at their offsets, strings past
their limits), and both full-text indexes compared with their tables (row counts and the
FTS5 ``integrity-check`` against the content). ``repair`` copies the file aside, then, in
one transaction, drops the orphan rows and those aliases (made from the articles, they lose
nothing), restores statements from texts that still have their hash, cuts strings to their
limits, and rebuilds the full-text indexes. Damaged pages and damaged values are reported
but never "repaired": that would lose what they hold.

Every function takes the library's sqlite-utils ``Database`` (or a plain connection, which
gets one); rows are counted with sqlite-utils' ``table.count``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from reader import errors
from reader.actors.names import identity_key
from reader.library import content
from reader.library.connection import database, is_corruption, write_transaction
from reader.library.files import copy_beside
from reader.library.identity import link_keys

if TYPE_CHECKING:
    from reader.library.database import Database

#: At most this many messages from ``integrity_check`` (it can list every page).
MAX_PAGE_MESSAGES = 20
#: At most this many ids are named in one line.
MAX_IDS = 10


class Kind(Enum):
    """What a problem is, which decides whether ``repair`` may touch it."""

    FILE = "file"  # damaged pages: never repaired
    VALUE = "value"  # a row whose stored value cannot be read back: reported only
    ORPHAN = "orphan"  # rows pointing at nothing: dropped by repair
    INDEX = "index"  # full-text index out of step: rebuilt by repair
    CONTENT = "content"  # restored from the article text (its hash holds), or cut to its limit


@dataclass(frozen=True, slots=True)
class Problem:
    kind: Kind
    text: str

    @property
    def repairable(self) -> bool:
        return self.kind in (Kind.ORPHAN, Kind.INDEX, Kind.CONTENT)


@dataclass(frozen=True, slots=True)
class _Orphans:
    """Rows of ``table`` whose ``column`` names no row of ``parent``, and how to fix them."""

    table: str
    column: str
    parent: str
    fix: str

    def where(self) -> str:
        return (
            f"{self.table}.{self.column} IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {self.parent} AS p WHERE p.id = {self.table}.{self.column})"
        )


_ORPHANS = (
    _Orphans("statements", "article_id", "articles", "DELETE FROM statements WHERE {where}"),
    _Orphans("entities", "article_id", "articles", "DELETE FROM entities WHERE {where}"),
    _Orphans(
        "article_actors", "article_id", "articles", "DELETE FROM article_actors WHERE {where}"
    ),
    # A statement whose library actor is gone still belongs to its article: unlink it.
    _Orphans(
        "statements", "actor_id", "actors", "UPDATE statements SET actor_id = NULL WHERE {where}"
    ),
    _Orphans("article_actors", "actor_id", "actors", "DELETE FROM article_actors WHERE {where}"),
    _Orphans("actor_aliases", "actor_id", "actors", "DELETE FROM actor_aliases WHERE {where}"),
)

_UNUSED_ACTORS = """FROM actors AS a
    WHERE NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM statements WHERE actor_id = a.id)"""

#: (table, column, what it must be, SQL test that it is not) for values read back as data.
_VALUES = (
    ("statements", "spans", "valid JSON", "NOT json_valid(spans)"),
    ("statements", "start", "a number", "typeof(start) != 'integer'"),
    ("statements", '"end"', "a number", "typeof(\"end\") != 'integer'"),
    ("article_actors", "aliases", "valid JSON", "NOT json_valid(aliases)"),
    ("article_actors", "quotes", "valid JSON", "NOT json_valid(quotes)"),
    ("entities", "start", "a number", "typeof(start) != 'integer'"),
    ("entities", '"end"', "a number", "typeof(\"end\") != 'integer'"),
)

#: (full-text table, content table) pairs.
_INDEXES = (("articles_fts", "articles"), ("statements_fts", "statements"))


def quick_check(db: Database | sqlite3.Connection) -> list[str]:
    """The page-level problems ``PRAGMA quick_check`` finds (empty when the file is sound)."""
    return _pragma_check(database(db), "quick_check")


def integrity_problems(db: Database | sqlite3.Connection) -> list[str]:
    """What ``PRAGMA integrity_check`` finds: damaged pages, and also indexes that disagree
    with their tables, which ``quick_check`` does not look at."""
    return _pragma_check(database(db), f"integrity_check({MAX_PAGE_MESSAGES})")


def _page_problems(db: Database) -> list[Problem]:
    """A line for each damaged page ``integrity_check`` names."""
    return [
        Problem(Kind.FILE, errors.CHECK_FILE_DAMAGED.format(detail=d))
        for d in integrity_problems(db)
    ]


def write_blockers(db: Database | sqlite3.Connection) -> list[Problem]:
    """The problems ``find_problems`` would report that a write must not go into: damaged
    pages, indexes out of step with their tables, and full-text indexes out of step with
    their content. (Rows ``check`` names as damaged are refused one at a time, by the write
    that meets them.)"""
    db = database(db)
    pages = _page_problems(db)
    if pages:
        return pages
    try:
        return _index_problems(db, writable=True)
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise
        return [Problem(Kind.FILE, errors.CHECK_FILE_DAMAGED.format(detail=error))]


def find_problems(db: Database | sqlite3.Connection, *, writable: bool = True) -> list[Problem]:
    """Every problem in the library, one per line to show. ``writable``: the connection
    may run FTS5's ``integrity-check`` (it needs a writable connection; it changes nothing).
    """
    db = database(db)
    pages = _page_problems(db)
    if pages:
        # Reading the tables of a damaged file only adds errors about the same pages.
        return pages
    try:
        return [
            *_orphan_problems(db),
            *_value_problems(db),
            *_content_problems(db),
            *_index_problems(db, writable),
        ]
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise
        return [Problem(Kind.FILE, errors.CHECK_FILE_DAMAGED.format(detail=error))]


def repair(db: Database | sqlite3.Connection, path: Path) -> Path:
    """Copy the library aside, then rebuild the indexes and drop orphan rows; return the copy.

    All in one write transaction: nobody writes between the copy and the repair, and a
    repair that fails half-way leaves the library as it was.
    """
    db = database(db)
    with write_transaction(db.conn, path):
        backup = copy_beside(path)
        for orphans in _ORPHANS:
            db.execute(orphans.fix.format(where=orphans.where()))
        db.execute(f"DELETE {_UNUSED_ACTORS}")
        db.conn.executemany(
            "DELETE FROM actor_aliases WHERE actor_id = ? AND key = ?", _unsupported_aliases(db)
        )
        content.restore(db)
        for index, _ in _INDEXES:
            db.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
    return backup


def _pragma_check(db: Database, pragma: str) -> list[str]:
    try:
        rows = db.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise
        return [str(error)]
    messages = []
    for (row,) in rows:
        for line in str(row).splitlines():
            # The first message may start with a "*** in database main ***" header line.
            if line.strip() and line.strip() != "ok" and not line.startswith("***"):
                messages.append(line.strip())
    return messages


def _orphan_problems(db: Database) -> list[Problem]:
    problems = []
    for orphans in _ORPHANS:
        count, ids = db.execute(
            f"""SELECT count(*), group_concat(DISTINCT {orphans.table}.{orphans.column})
                FROM {orphans.table} WHERE {orphans.where()}"""
        ).fetchone()
        if count:
            text = errors.CHECK_ORPHANS.format(
                count=count, table=orphans.table, parent=orphans.parent, ids=_some(ids)
            )
            problems.append(Problem(Kind.ORPHAN, text))
    count, ids = db.execute(f"SELECT count(*), group_concat(a.id) {_UNUSED_ACTORS}").fetchone()
    if count:
        text = errors.CHECK_UNUSED_ACTORS.format(count=count, ids=_some(ids))
        problems.append(Problem(Kind.ORPHAN, text))
    unsupported = _unsupported_aliases(db)
    if unsupported:
        actors = ",".join(str(a) for a in dict.fromkeys(a for a, _ in unsupported))
        text = errors.CHECK_UNSUPPORTED_ALIASES.format(count=len(unsupported), ids=_some(actors))
        problems.append(Problem(Kind.ORPHAN, text))
    return problems


def _unsupported_aliases(db: Database) -> list[tuple[int, str]]:
    """``(actor_id, key)`` of the aliases no article's actor linked to that library actor
    gives it (``identity.link_keys``). Actors without links, or with a link whose aliases
    cannot be read, are left to the other checks. One actor's links at a time, each way of
    naming it once (an actor is named alike in most of its articles), so that a large
    library's links are neither all held at once nor all read as JSON."""
    key_of = lru_cache(maxsize=1 << 14)(identity_key)  # an actor's names recur together
    rows = db.execute(
        """SELECT actor_id, name, kind, aliases, named FROM article_actors
           GROUP BY actor_id, name, kind, aliases, named ORDER BY actor_id"""
    )
    unsupported: list[tuple[int, str]] = []
    for actor_id, links in groupby(rows, key=itemgetter(0)):
        given = link_keys((tuple(link[1:]) for link in links), key_of)
        if given is None:
            continue
        aliases = db.execute("SELECT key FROM actor_aliases WHERE actor_id = ?", (actor_id,))
        unsupported.extend((int(actor_id), str(key)) for (key,) in aliases if key not in given)
    return unsupported


def _value_problems(db: Database) -> list[Problem]:
    problems = []
    for table, column, kind, test in _VALUES:
        row_id = "rowid" if table == "article_actors" else "id"
        for article_id, found in db.execute(
            f"SELECT article_id, {row_id} FROM {table} WHERE {test} ORDER BY article_id, 2"
        ):
            text = errors.CHECK_BAD_VALUE.format(
                article_id=article_id,
                table=table,
                row_id=found,
                column=column.strip('"'),
                kind=kind,
            )
            problems.append(Problem(Kind.VALUE, text))
    return problems


def _content_problems(db: Database) -> list[Problem]:
    return [
        Problem(Kind.CONTENT if found.restorable else Kind.VALUE, found.text)
        for found in content.find(db)
    ]


def _index_problems(db: Database, writable: bool) -> list[Problem]:
    problems = []
    for index, table in _INDEXES:
        rows = db.table(table).count
        # One ``_docsize`` row (FTS5's shadow table) per indexed row.
        indexed = db.table(f"{index}_docsize").count
        if rows != indexed:
            text = errors.CHECK_INDEX_COUNT.format(
                index=index, indexed=indexed, rows=rows, table=table
            )
            problems.append(Problem(Kind.INDEX, text))
        elif writable and not _index_in_step(db, index):
            text = errors.CHECK_INDEX_OUT_OF_STEP.format(index=index, table=table)
            problems.append(Problem(Kind.INDEX, text))
    return problems


def _index_in_step(db: Database, index: str) -> bool:
    """FTS5 ``integrity-check`` with rank 1: the index against the content table."""
    try:
        db.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as error:
        if is_corruption(error):
            return False
        raise
    return True


def _some(ids: object) -> str:
    values = str(ids).split(",") if ids is not None else []
    shown = ", ".join(values[:MAX_IDS])
    return shown + (", …" if len(values) > MAX_IDS else "")
