"""Library-wide actor identity: the same person across every article read.

Each article's analysis has its own actors, with ids that are slugs of their names
("bashar-al-assad"). In the library an actor is known
by a key made with the same name functions the article uses
(``reader.actors.names.identity_key``): for people,
without titles, honorifics, suffixes or particles ("Ambassador John Smith" and "john smith"
are one key), for everything else as written ("Prime Minister's Office" stays itself); case,
diacritics and punctuation never count. Across articles two people are one library actor
only when their keys agree: "Smith" in one article and "John Smith" in another share only
a surname, and may be two people; within an article the analysis has already
decided. Organisations, places and groups also join the one library actor of their kind
that has their key as an alias ("UN" after "United Nations (UN)"). An actor known only by a
description ("a spokesperson", "the company": ``reader.actors.descriptions``) is filed
under its article alone, with a key scoped to it (``scoped_key``), and no name lookup finds it.
A reader who names an actor files it under that name (``as_named``).

Lookups and the insert of a new actor run through sqlite-utils' ``db.execute``; aliases
keep ``executemany`` (``_add_aliases`` says why). ``rekey_actors``
is migration 3's step and keeps the plain ``sqlite3`` connection a migration gets;
``reidentify_actors`` is migration 8's.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reader.actors.descriptions import is_description
from reader.actors.names import identity_key
from reader.library.connection import database
from reader.model import Actor

if TYPE_CHECKING:
    from reader.library.database import Database


def name_keys(name: str) -> list[str]:
    """The keys a name typed by a user may have: as a person's, and as anything else's."""
    keys = [identity_key(name, "person"), identity_key(name, "other")]
    return [k for k in dict.fromkeys(keys) if k]


def _compatible(kind_a: str, kind_b: str) -> bool:
    return kind_a == kind_b or "other" in (kind_a, kind_b)


def actor_keys(actor: Actor) -> list[str]:
    """The canonical key first, then the alias keys, without repeats or empties."""
    keys: list[str] = []
    for name in (actor.name, *actor.aliases):
        key = identity_key(name, actor.kind)
        if key and key not in keys:
            keys.append(key)
    return keys


#: Library actors ``forget_links`` set aside (no article links to them), by their key and
#: kind: one made again while their articles are written again is that actor, with its id.
SetAside = dict[tuple[str, str], int]


#: Joins a description's key to its article's id: a character no folded key holds.
SCOPE = "\x1f"

#: SQL: the actor (``a``) is a description filed under one article (``scoped_key``).
IN_ONE_ARTICLE = "instr(a.key, char(31)) > 0"


def scoped_key(key: str, article_id: int) -> str:
    """The library key of a description in one article: "spokesperson" of article 12."""
    return f"{key}{SCOPE}{article_id}"


def resolve_actor(
    db: Database,
    actor: Actor,
    *,
    as_named: bool = False,
    set_aside: SetAside | None = None,
    article_id: int | None = None,
) -> int | None:
    """The library actor id for an article actor, creating or merging as needed.

    ``as_named``: a reader gave the actor its name; it joins only the library actor of that
    very key and kind (no alias or surname match), and only that name becomes an alias.
    ``article_id``: the article the actor is in; a description there is filed under it alone.
    ``set_aside``: actors left without articles while those are written again; one made
    again is taken back, with its id. Runs inside the caller's write transaction. Returns
    None for an actor with no usable name (only punctuation or titles).
    """
    keys = actor_keys(actor)
    if not keys:
        return None
    canonical = keys[0]
    if not as_named and article_id is not None and is_description(actor.name, actor.aliases):
        canonical = scoped_key(canonical, article_id)
        as_named = True  # found by its very key only, like a name a reader gave
        keys = [canonical]
    if as_named:
        keys = keys[:1]
        found = db.execute(
            "SELECT id FROM actors WHERE key = ? AND kind = ?", (canonical, actor.kind)
        ).fetchone()
        actor_id = int(found[0]) if found else None
    else:
        actor_id = _match(db, actor.kind, canonical, keys)
    if actor_id is None and set_aside and (canonical, actor.kind) in set_aside:
        actor_id = set_aside.pop((canonical, actor.kind))
        db.execute(
            "UPDATE actors SET key = ?, name = ? WHERE id = ?", (canonical, actor.name, actor_id)
        )
    elif actor_id is None:
        # One row, often several per article: a plain INSERT costs a fifth of ``table.insert``
        # (which first reads the schema to check that the table exists).
        cursor = db.execute(
            "INSERT INTO actors (key, name, kind) VALUES (?, ?, ?)",
            (canonical, actor.name, actor.kind),
        )
        actor_id = int(cursor.lastrowid or 0)
    elif not as_named:
        _maybe_promote(db, actor_id, canonical, actor.name)
    names = given_names(actor.name, actor.aliases, named=as_named and not _scoped(canonical))
    _add_aliases(db, actor_id, ((identity_key(n, actor.kind), n) for n in names))
    return actor_id


def given_names(name: str, aliases: Iterable[str], *, named: bool) -> tuple[str, ...]:
    """The names an article's actor gives its library actor as aliases: all of them, or
    its name alone when a reader gave it that name."""
    return (name,) if named else (name, *aliases)


def _fuller(canonical: str, current: str) -> bool:
    """``canonical`` is a fuller form of the key ``current`` ("vladimir putin" of "putin")."""
    words = current.split()
    return len(canonical.split()) > len(words) and canonical.endswith(" " + words[-1])


def _scoped(key: str) -> bool:
    return SCOPE in key


def _match(db: Database, kind: str, canonical: str, keys: list[str]) -> int | None:
    """The one library actor this article actor is, or None (new, or ambiguous).

    A person joins only the library actor of the same key: the full names agree ("John
    Smith" = "Mr John Smith"), never a surname or given name alone ("Smith" is not "John
    Smith"). Anything else may also join by alias: a candidate's canonical name
    must be one of the new actor's names, or the new actor's canonical name one of the
    candidate's aliases, and neither may be a person.
    """
    rows = db.execute("SELECT id, kind FROM actors WHERE key = ?", (canonical,)).fetchall()
    exact = {int(r[0]) for r in rows if _compatible(r[1], kind)}
    if len(exact) == 1:
        return exact.pop()
    if exact or kind == "person":
        return None
    marks = ",".join("?" * len(keys))
    rows = db.execute(
        f"""SELECT id, kind FROM actors WHERE key IN ({marks})
            UNION SELECT a.id, a.kind FROM actor_aliases AS l JOIN actors AS a ON a.id = l.actor_id
            WHERE l.key = ?""",
        (*keys, canonical),
    ).fetchall()
    candidates = {int(r[0]) for r in rows if _compatible(r[1], kind) and r[1] != "person"}
    if len(candidates) == 1:
        return candidates.pop()
    return None


def _maybe_promote(db: Database, actor_id: int, canonical: str, name: str) -> None:
    """Prefer the fuller name as canonical ("Putin" becomes "Vladimir Putin")."""
    current, kind = db.execute("SELECT key, kind FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if not _fuller(canonical, str(current)):
        return
    taken = db.execute(
        "SELECT 1 FROM actors WHERE key = ? AND kind = ?", (canonical, kind)
    ).fetchone()
    if taken is None:
        db.execute("UPDATE actors SET key = ?, name = ? WHERE id = ?", (canonical, name, actor_id))


def _add_aliases(db: Database, actor_id: int, pairs: Iterable[tuple[str, str]]) -> None:
    """Every name not known yet for the actor (a known key is left as it is).

    Not ``insert_all(..., ignore=True)``: when its one row is ignored, sqlite-utils 4 looks
    the existing row up by ``rowid``, which ``actor_aliases`` (WITHOUT ROWID) does not have,
    and the insert fails with "no such column: rowid".
    """
    _insert_aliases(db.conn, [(actor_id, key, alias) for key, alias in pairs])


def forget_links(db: Database, actor_ids: Iterable[int]) -> SetAside:
    """Make these library actors what the article links left to them alone would make them.

    Called once some articles' links are gone (the article removed, or about to be written
    again): an actor no article or statement refers to any more is set aside, out of
    reach of any name (``drop_set_aside`` deletes it unless it is made again first); the
    others lose the aliases no remaining link gives them (``given_names``), and a key no
    remaining link has gives way to the one their links, in article order, would have
    made. Writing those articles again then finds the library as if they had just been
    added: undoing a correction takes back the names it gave ("Putin" as an alias of Joe
    Biden after a merge), and what was Putin's is his again.
    """
    set_aside: SetAside = {}
    for actor_id in sorted(set(actor_ids)):
        links = db.execute(
            """SELECT name, kind, aliases, named FROM article_actors WHERE actor_id = ?
               ORDER BY article_id, rowid""",
            (actor_id,),
        ).fetchall()
        if not links:
            found = db.execute(
                """SELECT key, kind FROM actors WHERE id = :id
                   AND NOT EXISTS (SELECT 1 FROM statements WHERE actor_id = :id)""",
                {"id": actor_id},
            ).fetchone()
            if found is not None:
                set_aside[(str(found[0]), str(found[1]))] = actor_id
                # A key no name has ("\0" and the id, as ``rekey_actors`` does), no aliases.
                db.execute("UPDATE actors SET key = ? WHERE id = ?", (f"\0{actor_id}", actor_id))
                db.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (actor_id,))
            continue
        given = link_keys(links)
        if given is None:
            continue  # a link changed outside Dramatis: what it gives is unknown
        _rekey(db, actor_id, links, given)
        known = db.execute(
            "SELECT key FROM actor_aliases WHERE actor_id = ?", (actor_id,)
        ).fetchall()
        db.conn.executemany(
            "DELETE FROM actor_aliases WHERE actor_id = ? AND key = ?",
            [(actor_id, key) for (key,) in known if key not in given],
        )
    return set_aside


def drop_set_aside(db: Database, set_aside: SetAside) -> None:
    """Delete the actors ``forget_links`` set aside that were not made again."""
    db.conn.executemany("DELETE FROM actors WHERE id = ?", [(i,) for i in set_aside.values()])


#: An ``article_actors`` row as ``link_keys`` reads it: name, kind, aliases (JSON), named.
Link = tuple[str, str, str, int]


def link_keys(
    links: Iterable[Link], key_of: Callable[[str, str], str] = identity_key
) -> set[str] | None:
    """The alias keys these article links give their library actor, as ``resolve_actor``
    adds them; None if a link's aliases cannot be read (changed outside Dramatis).
    ``key_of``: ``identity_key``, or a cached one for many links."""
    keys: set[str] = set()
    for name, kind, aliases, named in links:
        found = _json_names(aliases)
        if found is None:
            return None
        for given in given_names(name, found, named=bool(named)):
            key = key_of(given, kind)
            if key:
                keys.add(key)
    return keys


def _json_names(value: object) -> list[str] | None:
    try:
        found = json.loads(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not isinstance(found, list) or not all(isinstance(n, str) for n in found):
        return None
    return found


def _rekey(db: Database, actor_id: int, links: list[Link], given: set[str]) -> None:
    """A key no remaining link gives (it came from a link now gone) becomes the key these
    links, written in article order, make: the first one's, then any fuller one."""
    current, kind = db.execute("SELECT key, kind FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if current in given or _scoped(current):
        return  # a description keeps the key of its article
    made: tuple[str, str] | None = None
    for name, link_kind, aliases, named in links:
        keys = [identity_key(n, link_kind) for n in (name, *(_json_names(aliases) or []))]
        canonical = next((k for k in keys if k), "")
        if not canonical:
            continue
        if made is None or (not named and _fuller(canonical, made[0])):
            made = (canonical, name)
    if made is None or made[0] == current:
        return
    taken = db.execute(
        "SELECT 1 FROM actors WHERE key = ? AND kind = ? AND id != ?", (made[0], kind, actor_id)
    ).fetchone()
    if taken is None:
        db.execute("UPDATE actors SET key = ?, name = ? WHERE id = ?", (*made, actor_id))


def find_actor_ids(db: Database, name: str) -> list[int]:
    """Library actors answering to ``name``: by canonical name, else by alias, else by
    surname. The canonical name comes first so that "Smith" is the actor of that name, not
    also John Smith, who was once called Smith. A description filed under its
    article (``scoped_key``) answers to no name."""
    keys = name_keys(name)
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    for sql in (
        f"SELECT a.id FROM actors AS a WHERE a.key IN ({marks})",
        f"""SELECT DISTINCT a.id FROM actor_aliases AS l JOIN actors AS a ON a.id = l.actor_id
            WHERE l.key IN ({marks}) AND NOT {IN_ONE_ARTICLE}""",
    ):
        found = sorted(int(r[0]) for r in db.execute(sql, keys).fetchall())
        if found:
            return found
    rows = db.execute(
        f"SELECT a.id FROM actors AS a WHERE {_ENDS_WITH} AND NOT {IN_ONE_ARTICLE} ORDER BY id",
        _ends_with(keys[0]),
    ).fetchall()
    return [int(r[0]) for r in rows]


#: "The key ends with ' <surname>'". Not LIKE: SQLite refuses LIKE patterns over 50,000
#: bytes, and a name typed or found can be longer than that.
_ENDS_WITH = "length(a.key) > :n AND substr(a.key, -:n) = :suffix"


def _ends_with(surname: str) -> dict[str, object]:
    suffix = " " + surname
    return {"n": len(suffix), "suffix": suffix}


def aliases_json(actor: Actor) -> str:
    return json.dumps(list(actor.aliases), ensure_ascii=False)


def rekey_actors(conn: sqlite3.Connection) -> None:
    """Recompute every stored key with ``identity_key``; merge actors that now share one.

    Runs inside a migration's transaction. Of actors that now share a key and kind, the
    oldest stays and takes over the others' statements, article links and aliases.
    """
    actors = conn.execute("SELECT id, key, name, kind FROM actors ORDER BY id").fetchall()
    survivor: dict[tuple[str, str], int] = {}
    new_keys: dict[int, str] = {}
    for actor_id, old_key, name, kind in actors:
        key = identity_key(name, kind) or old_key
        keep = survivor.setdefault((key, kind), actor_id)
        if keep == actor_id:
            new_keys[actor_id] = key
            continue
        for table in ("statements", "article_actors"):
            conn.execute(f"UPDATE {table} SET actor_id = ? WHERE actor_id = ?", (keep, actor_id))
        conn.execute(
            """UPDATE actor_aliases SET actor_id = :keep WHERE actor_id = :gone
               AND key NOT IN (SELECT key FROM actor_aliases WHERE actor_id = :keep)""",
            {"keep": keep, "gone": actor_id},
        )
        conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (actor_id,))
        conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
    # Two passes, so that no update meets a key another actor still holds.
    conn.executemany("UPDATE actors SET key = ? WHERE id = ?", [(f"\0{i}", i) for i in new_keys])
    conn.executemany(
        "UPDATE actors SET key = ? WHERE id = ?", [(k, i) for i, k in new_keys.items()]
    )
    kinds = dict(conn.execute("SELECT id, kind FROM actors").fetchall())
    aliases = conn.execute("SELECT actor_id, alias FROM actor_aliases").fetchall()
    conn.execute("DELETE FROM actor_aliases")
    _insert_aliases(conn, [(a, identity_key(alias, kinds[a]), alias) for a, alias in aliases])


def _insert_aliases(conn: sqlite3.Connection, rows: list[tuple[int, str, str]]) -> None:
    """``(actor_id, key, alias)`` rows with a key, each unless the actor has that key."""
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, key, alias) VALUES (?, ?, ?)",
        [row for row in rows if row[1]],
    )


def reidentify_actors(conn: sqlite3.Connection) -> None:
    """File every article's actors again by today's rules; migration 8's step.

    Libraries written before joined "Smith" to "John Smith" and one article's "a
    spokesperson" to another's. Every library actor is set aside, and every article link,
    in article order, is resolved again as if its article were being added: an actor made
    again keeps its id; one made by no link any more is deleted. Runs inside the
    migration's transaction.
    """
    db = database(conn)  # recursive triggers off, as the library keeps them
    old = conn.execute("SELECT id, key, kind FROM actors").fetchall()
    set_aside: SetAside = {(str(key), str(kind)): int(i) for i, key, kind in old}
    conn.execute("DELETE FROM actor_aliases")
    conn.executemany("UPDATE actors SET key = ? WHERE id = ?", [(f"\0{i}", i) for i, _, _ in old])
    links = conn.execute(
        """SELECT article_id, local_id, name, kind, aliases, named FROM article_actors
           ORDER BY article_id, rowid"""
    ).fetchall()
    for article_id, local_id, name, kind, aliases, named in links:
        actor = Actor(local_id, name, kind, tuple(_json_names(aliases) or ()))
        new = resolve_actor(
            db, actor, as_named=bool(named), set_aside=set_aside, article_id=article_id
        )
        if new is None:
            continue  # a name with nothing to key: its link keeps the actor it had
        where = (new, article_id, local_id)
        conn.execute(
            "UPDATE article_actors SET actor_id = ? WHERE article_id = ? AND local_id = ?", where
        )
        conn.execute(
            "UPDATE statements SET actor_id = ? WHERE article_id = ? AND local_actor = ?", where
        )
    # Deleted only when nothing refers to it any more (a row changed outside Dramatis may).
    unused = {
        key: i
        for key, i in set_aside.items()
        if conn.execute(
            """SELECT 1 FROM article_actors WHERE actor_id = :id
               UNION ALL SELECT 1 FROM statements WHERE actor_id = :id LIMIT 1""",
            {"id": i},
        ).fetchone()
        is None
    }
    drop_set_aside(db, unused)
