"""An actor's positions across the library, and each position's statements by date.

The positions are the subjects the actor's statements share (``reader.positions.grouping``),
counted in SQL over ``statement_subjects``: how many of the actor's statements each
position has, most first, a page at a time; then, for those alone, the form the statements
use most to name it, and the name every one of them has own it. A position's statements
come back as stored statements in date order, a page at a time, so that even an actor with
tens of thousands of statements is read off the window's thread in bounded pieces.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.library.records import StoredStatement
from reader.library.search import STATEMENT_FROM, STORED_STATEMENT_COLUMNS
from reader.positions.grouping import NAMED, most_used

if TYPE_CHECKING:
    from reader.library.database import Database


@dataclass(frozen=True, slots=True)
class StoredPosition:
    """One position of an actor across the library."""

    #: What gathers it: "phrase:<head>", or "named:#<library actor id>".
    key: str
    #: How it is named: the phrase its statements use most, or the actor's name.
    label: str
    #: The library actor every statement has own or qualify it ("Ankara"), or None.
    owner: str | None
    #: How many of the actor's statements have it, in how many articles.
    statements: int
    articles: int

    @property
    def shown(self) -> str:
        """ "illegal occupation (Ankara)", "military site", "Turkey"."""
        return f"{self.label} ({self.owner})" if self.owner else self.label


def actor_positions(
    db: Database, actor_ids: list[int], limit: int = 50, offset: int = 0
) -> list[StoredPosition]:
    """The positions of the actors ``actor_ids`` (one actor's library ids), most-stated
    first, then by name."""
    if not actor_ids:
        return []
    marks = ",".join("?" * len(actor_ids))
    rows = db.execute(
        f"""SELECT ss.position, count(DISTINCT ss.statement_id), count(DISTINCT ss.article_id)
            FROM statements AS s JOIN statement_subjects AS ss ON ss.statement_id = s.id
            WHERE s.actor_id IN ({marks})
            GROUP BY ss.position
            ORDER BY 2 DESC, ss.position LIKE 'named:%', ss.position LIMIT ? OFFSET ?""",
        (*actor_ids, limit, offset),
    ).fetchall()
    if not rows:
        return []
    keys = [str(r[0]) for r in rows]
    forms: dict[str, Counter[str]] = {key: Counter() for key in keys}
    owners: dict[str, set[int | None]] = {key: set() for key in keys}
    key_marks = ",".join("?" * len(keys))
    # CROSS JOIN and "+": from the actor's statements to their subjects, never from a
    # common position to every statement in the library that has it.
    for position, form, rule, owner, n in db.execute(
        f"""SELECT ss.position, CASE WHEN ss.rule = '{NAMED}' THEN ss.text ELSE ss.key END,
                   ss.rule, ss.actor_id, count(*)
            FROM statements AS s CROSS JOIN statement_subjects AS ss ON ss.statement_id = s.id
            WHERE s.actor_id IN ({marks}) AND +ss.position IN ({key_marks})
            GROUP BY 1, 2, 3, 4""",
        (*actor_ids, *keys),
    ):
        forms[position][str(form)] += int(n)
        if rule != NAMED:
            owners[position].add(owner)
    names = _actor_names(db, keys, owners)
    found = []
    for key, statements, articles in rows:
        owner_ids = owners[key]
        owner_id = next(iter(owner_ids)) if len(owner_ids) == 1 else None
        label = names.get(key) or most_used(forms[key])
        owner = names.get(f"#{owner_id}") if owner_id is not None else None
        found.append(StoredPosition(key, label, owner, int(statements), int(articles)))
    return found


def position_statements(
    db: Database, actor_ids: list[int], position: str, limit: int = 100, offset: int = 0
) -> list[StoredStatement]:
    """The actor's statements that have ``position``, in date order, a page at a time."""
    if not actor_ids:
        return []
    marks = ",".join("?" * len(actor_ids))
    rows = db.query(
        f"""SELECT {STORED_STATEMENT_COLUMNS} FROM {STATEMENT_FROM}
            WHERE s.actor_id IN ({marks}) AND EXISTS (
                SELECT 1 FROM statement_subjects AS ss
                WHERE ss.statement_id = s.id AND ss.position = ?)
            ORDER BY date, s.article_id, s.seq LIMIT ? OFFSET ?""",
        (*actor_ids, position, limit, offset),
    )
    return [StoredStatement.from_row(row) for row in rows]


@dataclass(frozen=True, slots=True)
class Quoting:
    """Who quotes whom, for one actor: ``(name, statements)`` pairs, most first."""

    #: The actors its statements name.
    names: tuple[tuple[str, int], ...]
    #: The actors whose statements name it.
    named_by: tuple[tuple[str, int], ...]


def quoting(db: Database, actor_ids: list[int], limit: int = 10) -> Quoting:
    """The actors ``actor_ids``' statements name, and the actors whose statements name
    them, each with how many statements, most first (the actor itself left out)."""
    if not actor_ids:
        return Quoting((), ())
    marks = ",".join("?" * len(actor_ids))
    names = db.execute(
        f"""SELECT a.name, count(DISTINCT ss.statement_id) AS n
            FROM statements AS s JOIN statement_subjects AS ss ON ss.statement_id = s.id
            JOIN actors AS a ON a.id = ss.actor_id
            WHERE s.actor_id IN ({marks}) AND ss.rule = '{NAMED}'
              AND ss.actor_id NOT IN ({marks})
            GROUP BY ss.actor_id ORDER BY n DESC, a.name LIMIT ?""",
        (*actor_ids, *actor_ids, limit),
    ).fetchall()
    positions = [f"{NAMED}:#{i}" for i in actor_ids]
    named_by = db.execute(
        f"""SELECT a.name, count(DISTINCT s.id) AS n
            FROM statement_subjects AS ss JOIN statements AS s ON s.id = ss.statement_id
            JOIN actors AS a ON a.id = s.actor_id
            WHERE ss.position IN ({marks}) AND s.actor_id NOT IN ({marks})
            GROUP BY s.actor_id ORDER BY n DESC, a.name LIMIT ?""",
        (*positions, *actor_ids, limit),
    ).fetchall()
    return Quoting(
        tuple((str(a), int(n)) for a, n in names),
        tuple((str(a), int(n)) for a, n in named_by),
    )


def _actor_names(
    db: Database, keys: list[str], owners: dict[str, set[int | None]]
) -> dict[str, str]:
    """Names of the library actors positions are about ("named:#12") or owned by ("#12")."""
    ids = {int(k.rsplit("#", 1)[1]) for k in keys if k.startswith(f"{NAMED}:#")}
    ids |= {o for found in owners.values() for o in found if o is not None}
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT id, name FROM actors WHERE id IN ({marks})", sorted(ids))
    names: dict[str, str] = {}
    for actor_id, name in rows:
        names[f"{NAMED}:#{actor_id}"] = str(name)
        names[f"#{actor_id}"] = str(name)
    return names
