"""Whether a library's tables are those its schema version says, and putting right what can be.

``PRAGMA user_version`` says which migrations a library has had; nothing stops another
program from changing it (to 3, 0 or -1 on a file of schema 6) or from dropping a table (a
search index), and migrating on the strength of a wrong number fails half-way or worse.
Before a library is used or migrated its tables, columns, indexes and triggers are compared
with those the migrations make (``reference``: each migration applied in turn to an empty
database in memory, once per process). Objects the file has beyond them are allowed.

When they differ, the schema whose objects are nearest the file's (fewest objects missing or
different) is what the file is taken to be. ``repair`` sets the version to it and makes again
what it lacks if all of that can be made again without losing anything: indexes, triggers
and full-text tables (rebuilt from their content); never a table of data.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from reader import errors
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION, run_step, stored_version

#: (type, name, columns) of one table, index or trigger; columns only for tables.
Item = tuple[str, str, tuple[str, ...]]
Shape = frozenset[Item]


@dataclass(frozen=True, slots=True)
class ShapeProblem:
    """How a file's tables differ from its version's; ``text`` is the one line to show."""

    text: str
    stored: int
    actual: int
    #: SQL making again what the file lacks, in order; None when something lacking is data.
    fixes: tuple[str, ...] | None
    #: Full-text tables to fill again from their content after they are made again.
    rebuild: tuple[str, ...]

    @property
    def repairable(self) -> bool:
        return self.fixes is not None


def shape_of(conn: sqlite3.Connection) -> Shape:
    """The tables (with their columns), indexes and triggers of a database."""
    items: set[Item] = set()
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "AND type IN ('table', 'index', 'trigger')"
    ).fetchall()
    for kind, name, sql in rows:
        columns: tuple[str, ...] = ()
        # A virtual table's columns would be read by running its module, which a damaged
        # full-text index makes fail; its name is enough.
        virtual = str(sql or "").upper().startswith("CREATE VIRTUAL TABLE")
        if kind == "table" and not virtual:
            columns = tuple(
                str(row[0])
                for row in conn.execute("SELECT name FROM pragma_table_info(?)", (name,))
            )
        items.add((str(kind), str(name), columns))
    return frozenset(items)


@lru_cache(maxsize=1)
def _references() -> tuple[tuple[Shape, dict[str, str]], ...]:
    """For each version 0…SCHEMA_VERSION: its shape and the SQL of each object by name."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        found: list[tuple[Shape, dict[str, str]]] = [(shape_of(conn), {})]
        for step in MIGRATIONS:
            conn.execute("BEGIN")
            run_step(conn, step)
            conn.execute("COMMIT")
            sql = {
                str(name): str(text)
                for name, text in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                )
            }
            found.append((shape_of(conn), sql))
    finally:
        conn.close()
    return tuple(found)


def reference(version: int) -> Shape:
    return _references()[version][0]


def _later(version: int) -> Shape:
    """What only the migrations after ``version`` make: a file holding any of it has had
    them, whatever its version says (a version of 0 on a full library)."""
    made: set[Item] = set()
    for later in range(version + 1, SCHEMA_VERSION + 1):
        made |= reference(later)
    return frozenset(made - reference(version))


def find_problem(conn: sqlite3.Connection) -> ShapeProblem | None:
    """How the file's tables differ from those of its stored version (None: they do not).

    A version above ``SCHEMA_VERSION`` is a newer program's and is not judged here.
    """
    stored = stored_version(conn)
    if stored > SCHEMA_VERSION:
        return None
    found = shape_of(conn)
    if stored >= 0 and reference(stored) <= found and not found & _later(stored):
        return None
    actual = min(range(SCHEMA_VERSION + 1), key=lambda v: (len(reference(v) ^ found), -v))
    missing = sorted(reference(actual) - found, key=_order)
    names = ", ".join(name for _, name, _ in missing if not _is_shadow(actual, name))
    if not missing:
        text = errors.SCHEMA_VERSION_WRONG.format(stored=stored, actual=actual)
        return ShapeProblem(text, stored, actual, (), ())
    fixes = _fixes(actual, missing)
    rebuild = tuple(name for _, name, _ in missing if _is_full_text(actual, name))
    if fixes is None:
        text = errors.SCHEMA_BROKEN.format(stored=stored, actual=actual, names=names)
    elif stored == actual:
        text = errors.SCHEMA_MISSING.format(names=names)
    else:
        text = errors.SCHEMA_MISSING_AND_VERSION.format(names=names, stored=stored, actual=actual)
    return ShapeProblem(text, stored, actual, fixes, rebuild)


def repair(conn: sqlite3.Connection, problem: ShapeProblem) -> None:
    """Make again what the file lacks and set its version; the caller holds the write
    transaction and has made a backup copy."""
    if problem.fixes is None:
        raise ValueError("not repairable")
    for sql in problem.fixes:
        conn.execute(sql)
    for table in problem.rebuild:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    conn.execute(f"PRAGMA user_version = {int(problem.actual)}")


def _fixes(version: int, missing: list[Item]) -> tuple[str, ...] | None:
    """The statements making the missing objects again, or None if a data table is missing."""
    sql = _references()[version][1]
    fixes = []
    for kind, name, _ in missing:
        if kind == "table" and _is_full_text(version, name):
            fixes.append(sql[name])
        elif kind == "table" and _is_shadow(version, name):
            continue  # made with its full-text table
        elif kind in ("index", "trigger") and name in sql:
            fixes.append(sql[name])
        else:
            return None
    return tuple(fixes)


def _is_full_text(version: int, name: str) -> bool:
    text = _references()[version][1].get(name, "")
    return text.upper().startswith("CREATE VIRTUAL TABLE")


#: The tables FTS5 keeps a full-text table in (``articles_fts_data``…).
_SHADOWS = ("data", "idx", "docsize", "config", "content")


def _is_shadow(version: int, name: str) -> bool:
    table, _, suffix = name.rpartition("_")
    return suffix in _SHADOWS and _is_full_text(version, table)


def _order(item: Item) -> tuple[int, str]:
    # Tables first (triggers and indexes need them), then indexes, then triggers.
    return ({"table": 0, "index": 1, "trigger": 2}[item[0]], item[1])
