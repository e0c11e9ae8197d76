"""Removing articles so that they can be put back: the Library tab's Remove and its Undo.

Removing deletes an article as ``dramatis library remove`` does (its rows, and what it alone
gave the library's actors), after keeping, in memory, what putting it back needs: its
``articles`` row as stored, its analysis as the pipeline made it (before the reader's
corrections, ``amend.uncorrected``) and the library actors it linked to as they were.
Putting back writes that row again (with its id, unless another article took it since) and
the analysis through the same path every write takes (``store.write_corrected``), so the
corrections in effect are laid over it again, with their effects, and the library actors
it alone made come back with their ids; an actor whose name the removal changed gets that
name back. The library is then as it was: the same text, analysis, corrections' effects
and counts in Who said what.

Nothing is kept in the file: a soft-deleted row would have to be left out by every query
(searches, actors, Who said what, exports, checks, identity) now and in every query
written later, and the command line's ``remove`` would then differ from the window's.
What is kept lives as long as the window keeps the value; statement and entity rows get
new ids when put back (nothing stored refers to them: corrections name statements by
their content).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.library.amend import uncorrected
from reader.library.copies import refile
from reader.library.identity import SetAside, drop_set_aside, link_keys
from reader.library.records import DamagedRecord
from reader.library.store import delete_article, load_analysis, write_corrected
from reader.model import Analysis

if TYPE_CHECKING:
    from reader.library.database import Database


@dataclass(frozen=True, slots=True)
class KeptActor:
    """A library actor as it was before articles linking to it were removed."""

    id: int
    key: str
    name: str
    kind: str
    #: (key, alias) of every alias it had.
    aliases: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class RemovedArticle:
    """One removed article: its stored row and its analysis before corrections (None when
    its stored analysis could not be read back: removed for good)."""

    id: int
    row: Mapping[str, Any]
    analysis: Analysis | None

    @property
    def title(self) -> str | None:
        title = self.row.get("title")
        return title if isinstance(title, str) else None


@dataclass(frozen=True, slots=True)
class Removed:
    """What ``take_out`` removed, in article order, and the actors they linked to."""

    articles: tuple[RemovedArticle, ...] = ()
    actors: tuple[KeptActor, ...] = ()

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(article.id for article in self.articles)

    @property
    def restorable(self) -> tuple[RemovedArticle, ...]:
        return tuple(article for article in self.articles if article.analysis is not None)

    def __len__(self) -> int:
        return len(self.articles)


def take_out(db: Database, article_ids: Iterable[int]) -> Removed:
    """Remove these articles (ids not stored are skipped), keeping what ``put_back`` needs.
    Runs inside the caller's write transaction."""
    removed: list[RemovedArticle] = []
    actor_ids: set[int] = set()
    for article_id in sorted(set(article_ids)):
        rows = list(db.query("SELECT * FROM articles WHERE id = ?", (article_id,)))
        if not rows:
            continue
        row = {key: value for key, value in rows[0].items() if key != "id"}
        try:
            shown = load_analysis(db, article_id)
            analysis = uncorrected(db, article_id, shown) if shown is not None else None
        except (DamagedRecord, ValueError, TypeError, KeyError):
            analysis = None  # it cannot be written again; removing it is the remedy
        removed.append(RemovedArticle(article_id, row, analysis))
        actor_ids.update(_linked(db, article_id))
    actors = tuple(_kept(db, actor_id) for actor_id in sorted(actor_ids))
    for article in removed:
        delete_article(db, article.id)
    return Removed(tuple(removed), tuple(a for a in actors if a is not None))


def put_back(db: Database, removed: Removed) -> dict[int, int]:
    """Store the removed articles again, as they were: ``{old id: id now}`` (the same id
    unless another article took it since). An article whose content is in the library again
    (added since) is left as it is. Runs inside the caller's write transaction."""
    placed: dict[int, int] = {}
    for article in removed.restorable:
        found = db.execute(
            "SELECT id FROM articles WHERE sha256 = ?", (article.row["sha256"],)
        ).fetchone()
        if found is not None:
            placed[article.id] = int(found[0])
            continue
        taken = db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
        row = dict(article.row) if taken else {"id": article.id, **article.row}
        placed[article.id] = int(db.table("articles").insert(row).last_rowid or 0)
    set_aside = _placeholders(db, removed.actors)
    for article in removed.restorable:
        if placed.get(article.id) is None or article.analysis is None:
            continue
        new_id = placed[article.id]
        if _has_rows(db, new_id):
            continue  # the same content, added again since the removal
        write_corrected(db, new_id, article.analysis, set_aside)
        # Its near-copy bands went with it, and its original may have gone since.
        refile(db, new_id)
    drop_set_aside(db, set_aside)
    for actor in removed.actors:
        _rename_back(db, actor)
    return placed


def _linked(db: Database, article_id: int) -> set[int]:
    rows = db.execute(
        """SELECT actor_id FROM article_actors WHERE article_id = :id
           UNION SELECT actor_id FROM statements WHERE article_id = :id
           AND actor_id IS NOT NULL""",
        {"id": article_id},
    ).fetchall()
    return {int(r[0]) for r in rows}


def _kept(db: Database, actor_id: int) -> KeptActor | None:
    found = db.execute("SELECT key, name, kind FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if found is None:
        return None
    aliases = db.execute(
        "SELECT key, alias FROM actor_aliases WHERE actor_id = ? ORDER BY key", (actor_id,)
    ).fetchall()
    return KeptActor(
        actor_id, str(found[0]), str(found[1]), str(found[2]),
        tuple((str(k), str(a)) for k, a in aliases),
    )  # fmt: skip


def _placeholders(db: Database, actors: Iterable[KeptActor]) -> SetAside:
    """The removed actors, made again under a key no name has (as ``forget_links`` sets
    actors aside), so that writing the articles again takes each back with its id."""
    set_aside: SetAside = {}
    for actor in actors:
        exists = db.execute("SELECT 1 FROM actors WHERE id = ?", (actor.id,)).fetchone()
        if exists is not None:
            continue
        db.execute(
            "INSERT INTO actors (id, key, name, kind) VALUES (?, ?, ?, ?)",
            (actor.id, f"\0{actor.id}", actor.name, actor.kind),
        )
        set_aside[(actor.key, actor.kind)] = actor.id
    return set_aside


def _has_rows(db: Database, article_id: int) -> bool:
    found = db.execute(
        """SELECT EXISTS (SELECT 1 FROM entities WHERE article_id = :id)
           OR EXISTS (SELECT 1 FROM statements WHERE article_id = :id)
           OR EXISTS (SELECT 1 FROM article_actors WHERE article_id = :id)""",
        {"id": article_id},
    ).fetchone()
    return bool(found[0])


def _rename_back(db: Database, actor: KeptActor) -> None:
    """The removal made a shared actor's name the one its other articles give ("John
    Smith" for "Mr John Smith"); now that those articles are back, it is theirs again, as
    are the aliases it had that its articles give. Left as it is when another actor has
    that key, or its articles no longer give it (changed since the removal)."""
    found = db.execute("SELECT key, name FROM actors WHERE id = ?", (actor.id,)).fetchone()
    if found is None:
        return
    aliases = db.execute(
        "SELECT key, alias FROM actor_aliases WHERE actor_id = ? ORDER BY key", (actor.id,)
    ).fetchall()
    if (str(found[0]), str(found[1])) == (actor.key, actor.name) and tuple(
        (str(k), str(a)) for k, a in aliases
    ) == actor.aliases:
        return  # as it was (most are): its links need not be read, a popular actor has many
    links = db.execute(
        "SELECT name, kind, aliases, named FROM article_actors WHERE actor_id = ?", (actor.id,)
    ).fetchall()
    given = link_keys(links) or set()
    if (str(found[0]), str(found[1])) != (actor.key, actor.name) and actor.key in given:
        taken = db.execute(
            "SELECT 1 FROM actors WHERE key = ? AND kind = ? AND id != ?",
            (actor.key, actor.kind, actor.id),
        ).fetchone()
        if taken is None:
            db.execute(
                "UPDATE actors SET key = ?, name = ? WHERE id = ?",
                (actor.key, actor.name, actor.id),
            )
    db.conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, key, alias) VALUES (?, ?, ?)",
        [(actor.id, key, alias) for key, alias in actor.aliases if key in given],
    )
