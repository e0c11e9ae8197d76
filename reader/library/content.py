"""What ``dramatis library check`` verifies of the stored content, and what ``--repair``
restores from what the library can verify.

An article's text is stored with its sha256 (``reader.opening.text_sha256``); a statement's
text, speaker and cue are the article's text at their offsets (``reader.attribution``
makes them so). So:

- every stored string must be text, and valid UTF-8 (SQLite stores what it is given);
- an article's text must still have its hash: if not, nothing can be restored from it;
- every offset must lie within its article's text (0 ≤ start ≤ end ≤ length);
- a statement's text, speaker and cue must be what the text says at their offsets; when
  they are not and the article's text still has its hash, ``restore`` writes them again
  from it ("could" changed to "would" is put back), otherwise they are reported only;
- titles, bylines, dates, names and aliases stored before the length limits existed are
  cut to them (``reader.opening.limits.cut``) by ``restore``.

A reader's correction changes who said a statement, never its words: a reassigned
statement's speaker is the actor's name without offsets, and is not compared.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader import errors
from reader.opening.limits import (
    MAX_BYLINE_CHARS,
    MAX_DATE_CHARS,
    MAX_NAME_CHARS,
    MAX_TITLE_CHARS,
    cut,
)

if TYPE_CHECKING:
    from reader.library.database import Database

#: (table, column) of every stored string that is not JSON (JSON is checked apart).
_TEXT_COLUMNS = (
    ("articles", "title"),
    ("articles", "source"),
    ("articles", "byline"),
    ("articles", "published"),
    ("articles", "outlet"),
    ("statements", "text"),
    ("statements", "speaker"),
    ("statements", "cue"),
    ("statements", "via"),
    ("entities", "text"),
    ("actors", "name"),
    ("actor_aliases", "alias"),
    ("article_actors", "name"),
)

#: How a row of each table is named in a line (``actor_aliases`` has no rowid).
_ROW = {"actor_aliases": "actor_id"}

#: (table, column, limit) of the strings the store cuts (``reader.library.bounded``).
_LIMITS = (
    ("articles", "title", MAX_TITLE_CHARS),
    ("articles", "byline", MAX_BYLINE_CHARS),
    ("articles", "published", MAX_DATE_CHARS),
    ("articles", "outlet", MAX_NAME_CHARS),
    ("actors", "name", MAX_NAME_CHARS),
    ("actor_aliases", "alias", MAX_NAME_CHARS),
    ("article_actors", "name", MAX_NAME_CHARS),
    ("statements", "via", MAX_NAME_CHARS),
)


@dataclass(frozen=True, slots=True)
class Found:
    """A content problem: its line, and whether ``restore`` can put it right."""

    text: str
    restorable: bool


@dataclass(slots=True)
class _Scan:
    """What one pass over the articles found, and the statement strings to write again."""

    found: list[Found] = field(default_factory=list)
    #: (column, the article's text at the statement's offsets, statement id)
    fixes: list[tuple[str, str, int]] = field(default_factory=list)


def find(db: Database) -> list[Found]:
    """Every content problem, articles first."""
    found = _scan(db).found
    found.extend(Found(line, False) for line in _text_problems(db))
    found.extend(Found(line, True) for line in _limit_problems(db))
    return found


def restore(db: Database) -> None:
    """Write the statements' strings again from texts that still have their hash, and cut
    strings past their limits; the caller holds the write transaction and rebuilds the
    full-text indexes after."""
    for column, value, statement_id in _scan(db).fixes:
        db.execute(f"UPDATE statements SET {column} = ? WHERE id = ?", (value, statement_id))
    for table, column, limit in _LIMITS:
        # An alias is found by its key, which stays: it was made from the whole name.
        key = "actor_id = ? AND key" if table == "actor_aliases" else "rowid"
        select = "actor_id, key" if table == "actor_aliases" else "rowid"
        rows = db.execute(
            f"SELECT {select}, {column} FROM {table} WHERE length({column}) > ?", (limit,)
        ).fetchall()
        db.conn.executemany(
            f"UPDATE {table} SET {column} = ? WHERE {key} = ?",
            [(cut(str(row[-1]), limit), *row[:-1]) for row in rows],
        )
    _cut_link_aliases(db)


def _scan(db: Database) -> _Scan:
    """One pass over the articles, each text read once with its statements and entities
    (by the index on their article): hashes, offsets, and statements against the text."""
    scan = _Scan()
    rows = db.execute(
        "SELECT id, sha256, typeof(text), CAST(text AS BLOB) FROM articles ORDER BY id"
    )
    for article_id, sha256, kind, data in rows:
        if kind != "text":
            scan.found.append(
                Found(_bad(article_id, "articles", article_id, "text", "text"), False)
            )
            continue
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            line = _bad(article_id, "articles", article_id, "text", "valid UTF-8 text")
            scan.found.append(Found(line, False))
            continue
        verified = hashlib.sha256(bytes(data)).hexdigest() == sha256
        if not verified:
            scan.found.append(Found(errors.CHECK_TEXT_CHANGED.format(article_id=article_id), False))
        _scan_statements(db, scan, article_id, text, verified)
        _scan_entities(db, scan, article_id, len(text))
    return scan


def _scan_statements(db: Database, scan: _Scan, article_id: int, text: str, verified: bool) -> None:
    rows = db.execute(
        """SELECT id, start, "end", spans, speaker_start, speaker_end, cue_start, cue_end,
                  CAST(text AS BLOB), CAST(speaker AS BLOB), CAST(cue AS BLOB)
           FROM statements WHERE article_id = ? ORDER BY id""",
        (article_id,),
    )
    length = len(text)
    for row in rows:
        statement_id = int(row[0])
        pairs = [
            ("", row[1], row[2], False),
            ("", row[4], row[5], True),
            ("", row[6], row[7], True),
        ]
        pairs.extend(("", start, end, False) for start, end in _spans(row[3]))
        outside = [
            (start, end)
            for _, start, end, optional in pairs
            if not (optional and start is None and end is None) and not _fits(start, end, length)
        ]
        if outside:
            _offsets_outside(scan, article_id, "statements", statement_id, *outside[0], length)
            continue
        for column, (start, end), stored in zip(
            ("text", "speaker", "cue"),
            ((row[1], row[2]), (row[4], row[5]), (row[6], row[7])),
            row[8:11],
            strict=True,
        ):
            if start is None or not _fits(start, end, length):
                continue  # a reassigned statement's speaker has no offsets
            expected = text[start:end]
            if stored is None or bytes(stored) != expected.encode("utf-8"):
                line = errors.CHECK_CONTENT_CHANGED.format(
                    article_id=article_id, row_id=statement_id, column=column
                )
                scan.found.append(Found(line, verified))
                if verified:
                    scan.fixes.append((column, expected, statement_id))


def _scan_entities(db: Database, scan: _Scan, article_id: int, length: int) -> None:
    rows = db.execute(
        'SELECT id, start, "end" FROM entities WHERE article_id = ? ORDER BY id', (article_id,)
    )
    for entity_id, start, end in rows:
        if not _fits(start, end, length):
            _offsets_outside(scan, article_id, "entities", entity_id, start, end, length)


def _offsets_outside(
    scan: _Scan, article_id: int, table: str, row_id: int, start: object, end: object, length: int
) -> None:
    """Note a row whose offsets fall outside its article's text (no repair can place it)."""
    line = errors.CHECK_OFFSETS.format(
        article_id=article_id, table=table, row_id=row_id, start=start, end=end, length=length
    )
    scan.found.append(Found(line, False))


def _fits(start: object, end: object, length: int) -> bool:
    """Offsets that are not numbers are reported by ``check`` itself (``_VALUES``)."""
    if not isinstance(start, int) or not isinstance(end, int):
        return True
    return 0 <= start <= end <= length


def _spans(value: object) -> list[tuple[object, object]]:
    try:
        spans = json.loads(value)  # type: ignore[arg-type]
        return [(span[0], span[1]) for span in spans]
    except (TypeError, ValueError, IndexError, KeyError):
        return []  # not valid JSON: reported by ``check`` itself


def _text_problems(db: Database) -> Iterator[str]:
    for table, column in _TEXT_COLUMNS:
        article = "id" if table == "articles" else "article_id"
        if table in ("actors", "actor_aliases"):
            article = "NULL"
        row = _ROW.get(table, "rowid")
        for article_id, rowid in db.execute(
            f"""SELECT {article}, {row} FROM {table}
                WHERE typeof({column}) NOT IN ('text', 'null') ORDER BY 1, 2"""
        ):
            yield _bad(article_id, table, rowid, column, "text")
        if _decodes(db, table, column):
            continue
        # Some value is not valid UTF-8: find which, a row at a time.
        rows = db.execute(
            f"""SELECT {article}, {row}, CAST({column} AS BLOB) FROM {table}
                WHERE typeof({column}) = 'text' ORDER BY 1, 2"""
        )
        for article_id, rowid, data in rows:
            try:
                bytes(data).decode("utf-8")
            except UnicodeDecodeError:
                yield _bad(article_id, table, rowid, column, "valid UTF-8 text")


def _decodes(db: Database, table: str, column: str) -> bool:
    """True when every text value of the column decodes (sqlite3 decodes each in C)."""
    try:
        for _ in db.execute(f"SELECT {column} FROM {table} WHERE typeof({column}) = 'text'"):
            pass
    except sqlite3.OperationalError as error:
        if "decode" not in str(error).lower():
            raise
        return False
    return True


def _limit_problems(db: Database) -> Iterator[str]:
    for table, column, limit in _LIMITS:
        rows = db.execute(
            f"""SELECT {_ROW.get(table, "rowid")}, length({column}) FROM {table}
                WHERE typeof({column}) = 'text' AND length({column}) > ? ORDER BY 1""",
            (limit,),
        )
        for rowid, length in rows:
            yield errors.CHECK_TOO_LONG.format(
                table=table, row_id=rowid, column=column, length=length, limit=limit
            )
    rows = db.execute(
        """SELECT DISTINCT l.rowid FROM article_actors AS l,
               json_each(CASE WHEN json_valid(l.aliases) THEN l.aliases ELSE '[]' END) AS j
           WHERE length(j.value) > ? ORDER BY 1""",
        (MAX_NAME_CHARS,),
    )
    for (rowid,) in rows:
        yield errors.CHECK_TOO_LONG_ALIASES.format(row_id=rowid, limit=MAX_NAME_CHARS)


def _cut_link_aliases(db: Database) -> None:
    rows = db.execute(
        """SELECT DISTINCT l.rowid, l.aliases FROM article_actors AS l,
               json_each(CASE WHEN json_valid(l.aliases) THEN l.aliases ELSE '[]' END) AS j
           WHERE length(j.value) > ?""",
        (MAX_NAME_CHARS,),
    ).fetchall()
    updates = []
    for rowid, aliases in rows:
        kept = dict.fromkeys(cut(str(a), MAX_NAME_CHARS) for a in json.loads(aliases))
        updates.append((json.dumps(list(kept), ensure_ascii=False), rowid))
    db.conn.executemany("UPDATE article_actors SET aliases = ? WHERE rowid = ?", updates)


def _bad(article_id: int | None, table: str, rowid: int, column: str, kind: str) -> str:
    if article_id is None:
        return errors.CHECK_BAD_ROW.format(table=table, row_id=rowid, column=column, kind=kind)
    return errors.CHECK_BAD_VALUE.format(
        article_id=article_id, table=table, row_id=rowid, column=column, kind=kind
    )
