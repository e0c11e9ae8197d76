"""Library-wide actor identity: the same person across every article read.

Each article's analysis has its own actors, with ids that are slugs of their names
("bashar-al-assad"). In the library an actor is known
by a normalised canonical name: lower-case, without diacritics, punctuation or titles
("President Vladimir Putin" and "vladimir putin" are one key). Aliases seen in any article
are kept, so "Vladimir Putin" in one article and "Putin" in another become one library actor
when that is unambiguous: exactly one library actor of a compatible kind answers to one of
the new actor's names.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable

from reader.model import Actor

#: Titles and honorifics dropped from the front of a name before comparing.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "reverend",
        "fr",
        "father",
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "premier",
        "secretary",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "emir",
        "ayatollah",
        "pope",
        "general",
        "gen",
        "colonel",
        "col",
        "captain",
        "capt",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "commander",
        "admiral",
        "chief",
        "ceo",
        "chairman",
        "chairwoman",
        "former",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "state",
        "deputy",
        "acting",
        "minister's",
        "the",
    ]
)

_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s\b")


def normalise_name(name: str) -> str:
    """The comparison key of a name: case, diacritics, punctuation and titles ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", text.casefold())
    # Hyphens and apostrophes join parts of one name ("al-Assad", "O'Brien").
    text = text.replace("-", " ").replace("'", "").replace("’", "")
    text = _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()
    words = text.split(" ") if text else []
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return " ".join(words)


def _compatible(kind_a: str, kind_b: str) -> bool:
    return kind_a == kind_b or "other" in (kind_a, kind_b)


def actor_keys(actor: Actor) -> list[str]:
    """The canonical key first, then the alias keys, without repeats or empties."""
    keys: list[str] = []
    for name in (actor.name, *actor.aliases):
        key = normalise_name(name)
        if key and key not in keys:
            keys.append(key)
    return keys


def resolve_actor(conn: sqlite3.Connection, actor: Actor) -> int | None:
    """The library actor id for an article actor, creating or merging as needed.

    Runs inside the caller's write transaction. Returns None for an actor with no usable
    name (only punctuation or titles).
    """
    keys = actor_keys(actor)
    if not keys:
        return None
    canonical = keys[0]
    actor_id = _match(conn, actor.kind, canonical, keys)
    if actor_id is None:
        actor_id = int(
            conn.execute(
                "INSERT INTO actors (key, name, kind) VALUES (?, ?, ?)",
                (canonical, actor.name, actor.kind),
            ).lastrowid
            or 0
        )
    else:
        _maybe_promote(conn, actor_id, canonical, actor.name)
    _add_aliases(conn, actor_id, ((normalise_name(n), n) for n in (actor.name, *actor.aliases)))
    return actor_id


def _match(conn: sqlite3.Connection, kind: str, canonical: str, keys: list[str]) -> int | None:
    """The one library actor this article actor is, or None (new, or ambiguous).

    A candidate's canonical name must be one of the new actor's names, or the new actor's
    canonical name one of the candidate's aliases: sharing only an alias ("Bush") is not
    enough to make "George W. Bush" and "George H. W. Bush" one person.
    """
    rows = conn.execute("SELECT id, kind FROM actors WHERE key = ?", (canonical,)).fetchall()
    exact = {int(r[0]) for r in rows if _compatible(r[1], kind)}
    if len(exact) == 1:
        return exact.pop()
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"""SELECT id, kind FROM actors WHERE key IN ({marks})
            UNION SELECT a.id, a.kind FROM actor_aliases AS l JOIN actors AS a ON a.id = l.actor_id
            WHERE l.key = ?""",
        (*keys, canonical),
    ).fetchall()
    candidates = {int(r[0]) for r in rows if _compatible(r[1], kind)}
    if len(candidates) == 1:
        return candidates.pop()
    if not candidates and kind == "person" and " " not in canonical:
        # "Putin" alone: the one person whose full name ends with it, if only one does.
        rows = conn.execute(
            f"SELECT id FROM actors WHERE kind = 'person' AND {_ENDS_WITH} LIMIT 2",
            _ends_with(canonical),
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
    return None


def _maybe_promote(conn: sqlite3.Connection, actor_id: int, canonical: str, name: str) -> None:
    """Prefer the fuller name as canonical ("Putin" becomes "Vladimir Putin")."""
    current, kind = conn.execute(
        "SELECT key, kind FROM actors WHERE id = ?", (actor_id,)
    ).fetchone()
    words = str(current).split()
    if len(canonical.split()) <= len(words) or not canonical.endswith(" " + words[-1]):
        return
    taken = conn.execute(
        "SELECT 1 FROM actors WHERE key = ? AND kind = ?", (canonical, kind)
    ).fetchone()
    if taken is None:
        conn.execute(
            "UPDATE actors SET key = ?, name = ? WHERE id = ?", (canonical, name, actor_id)
        )


def _add_aliases(conn: sqlite3.Connection, actor_id: int, pairs: Iterable[tuple[str, str]]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, key, alias) VALUES (?, ?, ?)",
        [(actor_id, key, alias) for key, alias in pairs if key],
    )


def find_actor_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Library actors answering to ``name``: by canonical name or alias, else by surname."""
    key = normalise_name(name)
    if not key:
        return []
    rows = conn.execute(
        """SELECT id FROM actors WHERE key = :key
           UNION SELECT actor_id FROM actor_aliases WHERE key = :key ORDER BY 1""",
        {"key": key},
    ).fetchall()
    if rows:
        return [int(r[0]) for r in rows]
    rows = conn.execute(
        f"SELECT id FROM actors WHERE {_ENDS_WITH} ORDER BY id", _ends_with(key)
    ).fetchall()
    return [int(r[0]) for r in rows]


#: "The key ends with ' <surname>'". Not LIKE: SQLite refuses LIKE patterns over 50,000
#: bytes, and a name typed or found can be longer than that (issue 12).
_ENDS_WITH = "length(key) > :n AND substr(key, -:n) = :suffix"


def _ends_with(surname: str) -> dict[str, object]:
    suffix = " " + surname
    return {"n": len(suffix), "suffix": suffix}


def aliases_json(actor: Actor) -> str:
    return json.dumps(list(actor.aliases), ensure_ascii=False)
