"""What the library held: a record beside the file, so that an emptied, truncated or
replaced library file is noticed instead of silently used as a new one.

A library file keeps its own id and generation in ``library_state`` (schema 7): a random id
made once, and a count moved by a trigger every time an article is added or removed. After
every write, and when a library is opened, that id, that generation and the number of
articles are copied to ``library.db.held`` (JSON) next to the file. Before a library is
used the file is compared with the record:

- the file is missing, empty, or has no tables, but the record says it held articles:
  it was emptied or deleted (``truncate -s 0``, a failed copy);
- its id is not the recorded one, or it has no id at all: another file was put in its place;
- its generation is below the recorded one: it is an older copy of itself (articles added
  or removed since are missing).

A record of a library that held no article refuses nothing: there was nothing to lose.

The record is only ever raised, never lowered, by a writer: two processes writing at once
may leave it one step behind the file (harmless: behind is never taken for a loss), never
ahead of it. Failing to write it (a read-only folder, a full disk) only means the next
write tries again. ``forget`` drops it when the file is moved aside or knowingly replaced.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader import errors
from reader.errors import LibraryError
from reader.file_names import printable
from reader.library.connection import is_corruption
from reader.library.side_files import remove_quietly, replace_quietly
from reader.output.words import plural

SUFFIX = ".held"


class LostLibraryError(LibraryError):
    """The library file no longer holds what the library held (emptied, replaced, older).

    ``what`` says what happened, without the command line's advice on what to do, for the
    window to offer its own.
    """

    def __init__(self, subject: str | Path, what: str, remedy: str) -> None:
        super().__init__(subject, f"{what}; {remedy}")
        self.what = printable(what)
        #: The file is empty or gone (a new library is the way on), not replaced by one
        #: that still holds articles (which can be kept as it is).
        self.emptied = remedy == errors.LIBRARY_KEEP_ASIDE


@dataclass(frozen=True, slots=True)
class Held:
    """The id, generation and article count of a library file."""

    library: str
    generation: int
    articles: int

    def as_json(self) -> str:
        return json.dumps(
            {"library": self.library, "generation": self.generation, "articles": self.articles}
        )


def record_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def recorded(path: Path) -> Held | None:
    """The record beside ``path``, or None when there is none that can be read."""
    try:
        found = json.loads(record_path(path).read_text(encoding="utf-8"))
        return Held(str(found["library"]), int(found["generation"]), int(found["articles"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def file_is_empty(path: Path) -> bool:
    """True when the file (and its log) hold nothing: missing or of length 0."""
    wal = path.with_name(path.name + "-wal")
    try:
        size = path.stat().st_size
    except OSError:
        return True
    try:
        wal_size = wal.stat().st_size
    except OSError:
        wal_size = 0
    return size == 0 and wal_size == 0


def emptied_problem(path: Path) -> str | None:
    """What happened, before opening a file that is gone or empty but held articles."""
    held = recorded(path)
    if held is None or held.articles == 0 or not file_is_empty(path):
        return None
    words = errors.LIBRARY_MISSING if not path.exists() else errors.LIBRARY_EMPTIED
    return words.format(held=plural(held.articles, "article"))


def read_state(conn: sqlite3.Connection) -> tuple[str, int] | None:
    """The id and generation the file keeps (None: it keeps none)."""
    try:
        row = conn.execute("SELECT library, generation FROM library_state WHERE id = 1").fetchone()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return None
        raise
    return None if row is None else (str(row[0]), int(row[1]))


def count_articles(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def state_problem(path: Path, conn: sqlite3.Connection) -> tuple[str, str] | None:
    """How the opened file differs from what the record says it held, and what to do; or
    None."""
    held = recorded(path)
    if held is None or held.articles == 0:
        return None  # nothing to lose: the file is taken as it is
    found = read_state(conn)
    was = plural(held.articles, "article")
    if found is None:
        if _has_tables(conn):
            found_words = errors.LIBRARY_REPLACED.format(
                found="a library of an older kind", held=was
            )
            return found_words, errors.LIBRARY_KEEP_AS_IS
        return errors.LIBRARY_EMPTIED.format(held=was), errors.LIBRARY_KEEP_ASIDE
    library, generation = found
    if library != held.library:
        now = plural(count_articles(conn), "article")
        replaced = errors.LIBRARY_REPLACED.format(found=f"another library of {now}", held=was)
        return replaced, errors.LIBRARY_KEEP_AS_IS
    if generation < held.generation:
        now = plural(count_articles(conn), "article")
        return errors.LIBRARY_OLDER_COPY.format(found=now, held=was), errors.LIBRARY_KEEP_AS_IS
    return None


def check_state(path: Path, conn: sqlite3.Connection) -> None:
    """``LostLibraryError`` when the opened file is not the library the record describes.

    A file too damaged to tell is left to the checks made before writing (its readable
    articles can still be read).
    """
    try:
        problem = state_problem(path, conn)
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise
        return
    if problem is not None:
        raise LostLibraryError(path, *problem)


def note(path: Path, conn: sqlite3.Connection) -> None:
    """Raise the record to what the file holds now (never lower it); advisory.

    The articles are counted only when the record changes: their number moves only with
    the generation.
    """
    try:
        found = read_state(conn)
        if found is None:
            return
        held = recorded(path)
        if held is not None and held.library == found[0] and held.generation >= found[1]:
            return
        state = Held(found[0], found[1], count_articles(conn))
    except sqlite3.Error:
        return
    write(path, state)


def accept(path: Path, conn: sqlite3.Connection) -> int:
    """Make the record describe the file as it is now (a restore the user meant); return
    how many articles it holds."""
    forget(path)
    note(path, conn)
    return count_articles(conn)


def write(path: Path, state: Held) -> None:
    """Replace the record with ``state`` (whole or not at all)."""
    replace_quietly(record_path(path), state.as_json())


def forget(path: Path) -> None:
    """Drop the record: the file it described was moved aside or knowingly replaced."""
    remove_quietly(record_path(path))


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
