"""Writing an Analysis to the library and reading it back, one article at a time.

An article and all of its analysis (entities, statements, actor links) are written in one
``BEGIN IMMEDIATE`` transaction: after a crash an article is either fully present or absent.
Content is recognised by its sha256; storing it again only touches ``last_opened`` unless
the analysis version differs, in which case the stored analysis is replaced in place.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.file_names import as_text
from reader.library.actors import aliases_json, resolve_actor
from reader.library.connection import write_transaction
from reader.library.records import DamagedRecord
from reader.model import Actor, Analysis, Article, Entity, Quote


def now() -> str:
    """The current time as stored: UTC, ISO 8601, milliseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def store_analyses(
    conn: sqlite3.Connection,
    analyses: Iterable[Analysis],
    subject: str | Path,
    opened: str | None = None,
) -> list[tuple[int, bool]]:
    """Store every analysis in ONE transaction; ``(article_id, was_new)`` for each."""
    with write_transaction(conn, subject):
        return [write_analysis(conn, analysis, opened or now()) for analysis in analyses]


def store_analysis(
    conn: sqlite3.Connection, analysis: Analysis, subject: str | Path
) -> tuple[int, bool]:
    """Store one analysis in its own transaction; ``(article_id, was_new)``."""
    return store_analyses(conn, (analysis,), subject)[0]


def write_analysis(conn: sqlite3.Connection, analysis: Analysis, opened: str) -> tuple[int, bool]:
    """Insert, refresh or just touch the article; the caller holds the write transaction."""
    article = analysis.article
    row = conn.execute(
        "SELECT id, analysis_version FROM articles WHERE sha256 = ?", (article.sha256,)
    ).fetchone()
    if row is not None:
        article_id, version = int(row[0]), str(row[1])
        conn.execute("UPDATE articles SET last_opened = ? WHERE id = ?", (opened, article_id))
        if version != analysis.version:
            _clear_analysis(conn, article_id)
            conn.execute(
                "UPDATE articles SET analysis_version = ? WHERE id = ?",
                (analysis.version, article_id),
            )
            _write_parts(conn, article_id, analysis)
        return article_id, False
    cursor = conn.execute(
        """INSERT INTO articles (sha256, title, source, format, byline, published,
                                 first_opened, last_opened, text, analysis_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            article.sha256,
            article.title,
            # SQLite text must be valid UTF-8: undecodable bytes in the name become \xNN.
            as_text(article.source) if article.source is not None else None,
            article.format,
            article.byline,
            article.published,
            opened,
            opened,
            article.text,
            analysis.version,
        ),
    )
    article_id = int(cursor.lastrowid or 0)
    _write_parts(conn, article_id, analysis)
    return article_id, True


def _clear_analysis(conn: sqlite3.Connection, article_id: int) -> None:
    for table in ("entities", "statements", "article_actors"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))


def _write_parts(conn: sqlite3.Connection, article_id: int, analysis: Analysis) -> None:
    library_ids: dict[str, int] = {}
    links = []
    for actor in analysis.actors:
        library_id = resolve_actor(conn, actor)
        if library_id is None:
            continue
        library_ids[actor.id] = library_id
        links.append(
            (
                article_id,
                actor.id,
                library_id,
                actor.name,
                actor.kind,
                aliases_json(actor),
                actor.mentions,
                json.dumps(list(actor.quotes)),
            )
        )
    conn.executemany(
        """INSERT INTO article_actors (article_id, local_id, actor_id, name, kind, aliases,
                                       mentions, quotes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        links,
    )
    conn.executemany(
        """INSERT INTO entities (article_id, start, "end", text, label, local_actor)
           VALUES (?, ?, ?, ?, ?, ?)""",
        [(article_id, e.start, e.end, e.text, e.label, e.actor) for e in analysis.entities],
    )
    conn.executemany(
        """INSERT INTO statements (article_id, seq, start, "end", text, spans, kind, speaker,
               speaker_start, speaker_end, cue, cue_start, cue_end, local_actor, actor_id,
               confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                article_id,
                seq,
                q.start,
                q.end,
                q.text,
                json.dumps([list(span) for span in q.spans]),
                q.kind,
                q.speaker,
                q.speaker_start,
                q.speaker_end,
                q.cue,
                q.cue_start,
                q.cue_end,
                q.actor,
                library_ids.get(q.actor) if q.actor is not None else None,
                q.confidence,
                q.rule,
            )
            for seq, q in enumerate(analysis.quotes)
        ],
    )


def touch(conn: sqlite3.Connection, article_id: int, subject: str | Path) -> None:
    with write_transaction(conn, subject):
        conn.execute("UPDATE articles SET last_opened = ? WHERE id = ?", (now(), article_id))


def remove_article(conn: sqlite3.Connection, article_id: int, subject: str | Path) -> bool:
    """Delete an article and its analysis; drop library actors no article mentions any more."""
    with write_transaction(conn, subject):
        actor_ids = [
            int(r[0])
            for r in conn.execute(
                "SELECT actor_id FROM article_actors WHERE article_id = ?", (article_id,)
            )
        ]
        deleted = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
        for actor_id in actor_ids:
            conn.execute(
                """DELETE FROM actors WHERE id = ?
                   AND NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = ?)
                   AND NOT EXISTS (SELECT 1 FROM statements WHERE actor_id = ?)""",
                (actor_id, actor_id, actor_id),
            )
        return deleted > 0


def load_analysis(conn: sqlite3.Connection, article_id: int) -> Analysis | None:
    """Rebuild the ``Analysis`` stored for an article, exactly as it was written."""
    row = conn.execute(
        """SELECT title, text, source, format, sha256, byline, published, analysis_version
           FROM articles WHERE id = ?""",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    title, text, source, format_, sha256, byline, published, version = row
    article = Article(
        title=title,
        text=text,
        source=Path(source) if source is not None else None,
        format=format_,
        sha256=sha256,
        byline=byline,
        published=published,
    )
    entities = tuple(
        Entity(start, end, etext, label, local_actor)
        for start, end, etext, label, local_actor in conn.execute(
            """SELECT start, "end", text, label, local_actor FROM entities
               WHERE article_id = ? ORDER BY id""",
            (article_id,),
        )
    )
    quotes = tuple(
        Quote(
            start=r[0],
            end=r[1],
            text=r[2],
            spans=_spans(r[3], article_id),
            kind=r[4],
            speaker=r[5],
            speaker_start=r[6],
            speaker_end=r[7],
            cue=r[8],
            cue_start=r[9],
            cue_end=r[10],
            actor=r[11],
            confidence=r[12],
            rule=r[13],
        )
        for r in conn.execute(
            """SELECT start, "end", text, spans, kind, speaker, speaker_start, speaker_end,
                      cue, cue_start, cue_end, local_actor, confidence, rule
               FROM statements WHERE article_id = ? ORDER BY seq""",
            (article_id,),
        )
    )
    actors = tuple(
        Actor(
            id=local_id,
            name=name,
            kind=kind,
            aliases=tuple(_json_list(aliases, article_id, "actor aliases")),
            mentions=mentions,
            quotes=tuple(_json_list(quote_ids, article_id, "actor quotes")),
        )
        for local_id, name, kind, aliases, mentions, quote_ids in conn.execute(
            """SELECT local_id, name, kind, aliases, mentions, quotes FROM article_actors
               WHERE article_id = ? ORDER BY rowid""",
            (article_id,),
        )
    )
    return Analysis(
        article=article, entities=entities, quotes=quotes, actors=actors, version=version
    )


def _json_list(value: object, article_id: int, part: str) -> list[Any]:
    """A JSON list column as written, or ``DamagedRecord`` if it was changed since."""
    try:
        found = json.loads(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise DamagedRecord(article_id, part) from None
    if not isinstance(found, list):
        raise DamagedRecord(article_id, part)
    return found


def _spans(value: object, article_id: int) -> tuple[tuple[int, int], ...]:
    try:
        return tuple((int(a), int(b)) for a, b in _json_list(value, article_id, "statement spans"))
    except (TypeError, ValueError):
        raise DamagedRecord(article_id, "statement spans") from None
