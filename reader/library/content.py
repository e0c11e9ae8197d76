"""What ``dramatis library check`` verifies of the stored content, and what ``--repair``
restores from what the library can verify (issue 17).

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
from collections.abc import Iterator
from dataclasses import dataclass

from reader import errors
from reader.library.database import Database
from reader.opening.limits import (
    MAX_BYLINE_CHARS,
    MAX_DATE_CHARS,
    MAX_NAME_CHARS,
    MAX_TITLE_CHARS,
    cut,
)

#: (table, column) of every stored string that is not JSON (JSON is checked apart).
_TEXT_COLUMNS = (
    ("articles", "title"),
    ("articles", "source"),
    ("articles", "byline"),
    ("articles", "published"),
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
    ("actors", "name", MAX_NAME_CHARS),
    ("actor_aliases", "alias", MAX_NAME_CHARS),
    ("article_actors", "name", MAX_NAME_CHARS),
    ("statements", "via", MAX_NAME_CHARS),
)

#: (table, start, end, may be empty) of the offsets into an article's text.
_OFFSETS = (
    ("statements", "start", '"end"', False),
    ("statements", "speaker_start", "speaker_end", True),
    ("statements", "cue_start", "cue_end", True),
    ("entities", "start", '"end"', False),
)

#: (column, start, end) of the statement strings that are the text at their offsets.
_SLICES = (("text", "start", '"end"'), ("speaker", "speaker_start", "speaker_end"),
           ("cue", "cue_start", "cue_end"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Found:
    """A content problem: its line, and whether ``restore`` can put it right."""

    text: str
    restorable: bool


def find(db: Database) -> list[Found]:
    """Every content problem, articles first."""
    unverified = set()
    found: list[Found] = []
    for article_id, line in _article_problems(db):
        unverified.add(article_id)
        found.append(Found(line, False))
    found.extend(Found(line, False) for line in _text_problems(db))
    found.extend(Found(line, False) for line in _offset_problems(db))
    for article_id, line in _slice_problems(db):
        found.append(Found(line, article_id not in unverified))
    found.extend(Found(line, True) for line in _limit_problems(db))
    return found


def restore(db: Database) -> None:
    """Write the statements' strings again from texts that still have their hash, and cut
    strings past their limits; the caller holds the write transaction and rebuilds the
    full-text indexes after."""
    unverified = [article_id for article_id, _ in _article_problems(db)]
    skip = ",".join(str(int(a)) for a in unverified) or "-1"  # ids are never negative
    for column, start, end in _SLICES:
        db.execute(
            f"""UPDATE statements SET {column} = (
                    SELECT substr(a.text, statements.{start} + 1,
                                  statements.{end} - statements.{start})
                    FROM articles AS a WHERE a.id = statements.article_id)
                WHERE {_slice_differs(column, start, end)} AND article_id NOT IN ({skip})"""
        )
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


def _article_problems(db: Database) -> Iterator[tuple[int, str]]:
    """Articles whose text is not text, or not the text their hash was made from."""
    rows = db.execute(
        "SELECT id, sha256, typeof(text), CAST(text AS BLOB) FROM articles ORDER BY id"
    )
    for article_id, sha256, kind, data in rows:
        if kind != "text":
            yield article_id, _bad(article_id, "articles", article_id, "text", "text")
            continue
        try:
            bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            yield article_id, _bad(article_id, "articles", article_id, "text", "valid UTF-8 text")
            continue
        if hashlib.sha256(bytes(data)).hexdigest() != sha256:
            yield article_id, errors.CHECK_TEXT_CHANGED.format(article_id=article_id)


def _text_problems(db: Database) -> Iterator[str]:
    for table, column in _TEXT_COLUMNS:
        article = "id" if table == "articles" else "article_id"
        if table in ("actors", "actor_aliases"):
            article = "NULL"
        rows = db.execute(
            f"""SELECT {article}, {_ROW.get(table, "rowid")}, typeof({column}),
                       CAST({column} AS BLOB) FROM {table}
                WHERE {column} IS NOT NULL ORDER BY 1, 2"""
        )
        for article_id, rowid, kind, data in rows:
            if kind != "text":
                yield _bad(article_id, table, rowid, column, "text")
                continue
            try:
                bytes(data).decode("utf-8")
            except UnicodeDecodeError:
                yield _bad(article_id, table, rowid, column, "valid UTF-8 text")


def _offset_problems(db: Database) -> Iterator[str]:
    for table, start, end, optional in _OFFSETS:
        present = f"{start} IS NOT NULL AND " if optional else ""
        rows = db.execute(
            f"""WITH lengths AS MATERIALIZED (SELECT id, length(text) AS n FROM articles
                                           WHERE typeof(text) = 'text')
                SELECT t.article_id, t.rowid, t.{start}, t.{end}, lengths.n
                FROM {table} AS t JOIN lengths ON lengths.id = t.article_id
                WHERE {present} typeof(t.{start}) = 'integer' AND typeof(t.{end}) = 'integer'
                AND NOT (0 <= t.{start} AND t.{start} <= t.{end} AND t.{end} <= lengths.n)
                ORDER BY 1, 2"""
        )
        for article_id, rowid, first, last, length in rows:
            yield errors.CHECK_OFFSETS.format(
                article_id=article_id,
                table=table,
                row_id=rowid,
                start=first,
                end=last,
                length=length,
            )
    rows = db.execute(
        """WITH lengths AS MATERIALIZED (SELECT id, length(text) AS n FROM articles
                                       WHERE typeof(text) = 'text')
           SELECT s.article_id, s.id, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'),
                  lengths.n
           FROM statements AS s JOIN lengths ON lengths.id = s.article_id,
                json_each(CASE WHEN json_valid(s.spans) THEN s.spans ELSE '[]' END) AS j
           WHERE NOT (json_extract(j.value, '$[0]') BETWEEN 0 AND json_extract(j.value, '$[1]')
                      AND json_extract(j.value, '$[1]') <= lengths.n)
           ORDER BY 1, 2"""
    )
    for article_id, rowid, first, last, length in rows:
        yield errors.CHECK_OFFSETS.format(
            article_id=article_id,
            table="statements",
            row_id=rowid,
            start=first,
            end=last,
            length=length,
        )


def _slice_differs(column: str, start: str, end: str) -> str:
    """SQL: this statement's ``column`` is not the article's text at its offsets (rows
    whose offsets or text are themselves damaged are left to the other checks)."""
    return f"""{start} IS NOT NULL AND typeof({start}) = 'integer'
        AND typeof({end}) = 'integer' AND 0 <= {start} AND {start} <= {end}
        AND statements.{column} IS NOT (
            SELECT substr(a.text, statements.{start} + 1, statements.{end} - statements.{start})
            FROM articles AS a
            WHERE a.id = statements.article_id AND typeof(a.text) = 'text'
                  AND statements.{end} <= length(a.text))
        AND EXISTS (SELECT 1 FROM articles AS a WHERE a.id = statements.article_id
                    AND typeof(a.text) = 'text' AND statements.{end} <= length(a.text))"""


def _slice_problems(db: Database) -> Iterator[tuple[int, str]]:
    for column, start, end in _SLICES:
        rows = db.execute(
            f"""SELECT article_id, id FROM statements
                WHERE {_slice_differs(column, start, end)} ORDER BY 1, 2"""
        )
        for article_id, rowid in rows:
            yield (
                article_id,
                errors.CHECK_CONTENT_CHANGED.format(
                    article_id=article_id, row_id=rowid, column=column
                ),
            )


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
