"""Writing an Analysis to the library and reading it back, one article at a time.

An article and all of its analysis (entities, statements, actor links) are written in one
``BEGIN IMMEDIATE`` transaction: after a crash an article is either fully present or absent.
Content is recognised by its sha256; storing it again only touches ``last_opened`` unless
the analysis version differs, in which case the stored analysis is replaced in place.
The rows written are the analysis with the reader's corrections laid over it
(``reader.library.amend``); ``rewrite_corrected`` writes an article's rows again after a
correction is made or undone.

Rows go in through sqlite-utils (``table.insert``, ``insert_all`` with the column names as
the first record), which joins the open transaction, and come back as dicts from
``db.query``, one mapper per model type.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.file_names import as_text
from reader.library.amend import amended, uncorrected
from reader.library.connection import write_transaction
from reader.library.database import Database
from reader.library.identity import aliases_json, resolve_actor
from reader.library.records import DamagedRecord, Row
from reader.model import Actor, Analysis, Article, Entity, Quote

LINK_COLUMNS = (
    "article_id", "local_id", "actor_id", "name", "kind", "aliases", "mentions", "quotes",
    "country",
)  # fmt: skip
ENTITY_COLUMNS = ("article_id", "start", "end", "text", "label", "local_actor")
STATEMENT_COLUMNS = (
    "article_id", "seq", "start", "end", "text", "spans", "kind", "speaker", "speaker_start",
    "speaker_end", "cue", "cue_start", "cue_end", "local_actor", "actor_id", "confidence",
    "rule", "via", "corrected",
)  # fmt: skip


def now() -> str:
    """The current time as stored: UTC, ISO 8601, milliseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def store_analyses(
    db: Database,
    analyses: Iterable[Analysis],
    subject: str | Path,
    opened: str | None = None,
) -> list[tuple[int, bool]]:
    """Store every analysis in ONE transaction; ``(article_id, was_new)`` for each."""
    with write_transaction(db.conn, subject):
        return [write_analysis(db, analysis, opened or now()) for analysis in analyses]


def store_analysis(db: Database, analysis: Analysis, subject: str | Path) -> tuple[int, bool]:
    """Store one analysis in its own transaction; ``(article_id, was_new)``."""
    return store_analyses(db, (analysis,), subject)[0]


def write_analysis(db: Database, analysis: Analysis, opened: str) -> tuple[int, bool]:
    """Insert, refresh or just touch the article; the caller holds the write transaction."""
    article = analysis.article
    row = db.execute(
        "SELECT id, analysis_version FROM articles WHERE sha256 = ?", (article.sha256,)
    ).fetchone()
    if row is not None:
        article_id, version = int(row[0]), str(row[1])
        db.execute("UPDATE articles SET last_opened = ? WHERE id = ?", (opened, article_id))
        if version != analysis.version:
            _clear_analysis(db, article_id)
            db.execute(
                "UPDATE articles SET analysis_version = ? WHERE id = ?",
                (analysis.version, article_id),
            )
            write_corrected(db, article_id, analysis)
        return article_id, False
    record = {
        "sha256": article.sha256,
        "title": article.title,
        # SQLite text must be valid UTF-8: undecodable bytes in the name become \xNN.
        "source": as_text(article.source) if article.source is not None else None,
        "format": article.format,
        "byline": article.byline,
        "published": article.published,
        "first_opened": opened,
        "last_opened": opened,
        "text": article.text,
        "analysis_version": analysis.version,
    }
    article_id = int(db.table("articles").insert(record).last_rowid or 0)
    write_corrected(db, article_id, analysis)
    return article_id, True


def write_corrected(db: Database, article_id: int, raw: Analysis) -> Analysis:
    """Write the rows of ``raw`` with the reader's corrections laid over it; return them."""
    applied = amended(db, article_id, raw)
    _write_parts(db, article_id, applied.analysis, applied.changed, applied.named)
    return applied.analysis


def rewrite_corrected(db: Database, article_id: int) -> Analysis | None:
    """Lay the corrections in effect now over the article's uncorrected analysis again.

    Library actors that no article links to any more afterwards are dropped.
    """
    shown = load_analysis(db, article_id)
    if shown is None:
        return None
    raw = uncorrected(db, article_id, shown)
    before = _linked_actor_ids(db, article_id)
    _clear_analysis(db, article_id)
    analysis = write_corrected(db, article_id, raw)
    drop_unused_actors(db, before)
    return analysis


def _linked_actor_ids(db: Database, article_id: int) -> list[int]:
    rows = db.execute("SELECT actor_id FROM article_actors WHERE article_id = ?", (article_id,))
    return [int(r[0]) for r in rows]


def drop_unused_actors(db: Database, actor_ids: Iterable[int]) -> None:
    """Delete those library actors that no article and no statement refers to."""
    for actor_id in actor_ids:
        db.execute(
            """DELETE FROM actors WHERE id = ?
               AND NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = ?)
               AND NOT EXISTS (SELECT 1 FROM statements WHERE actor_id = ?)""",
            (actor_id, actor_id, actor_id),
        )


def _clear_analysis(db: Database, article_id: int) -> None:
    for table in ("entities", "statements", "article_actors"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))


def _write_parts(
    db: Database,
    article_id: int,
    analysis: Analysis,
    changed: frozenset[int] = frozenset(),
    named: frozenset[str] = frozenset(),
) -> None:
    library_ids: dict[str, int] = {}
    links = []
    for actor in analysis.actors:
        # An actor a reader named is filed under that name alone, not the names it was
        # found by: undone, those find their own library actor again.
        library_id = resolve_actor(db, actor, as_named=actor.id in named)
        if library_id is None:
            continue
        library_ids[actor.id] = library_id
        links.append(_link_row(article_id, actor, library_id))
    entities = [_entity_row(article_id, entity) for entity in analysis.entities]
    statements = [
        _statement_row(article_id, seq, quote, library_ids, seq in changed)
        for seq, quote in enumerate(analysis.quotes)
    ]
    _insert(db, "article_actors", LINK_COLUMNS, links)
    _insert(db, "entities", ENTITY_COLUMNS, entities)
    _insert(db, "statements", STATEMENT_COLUMNS, statements)


def _insert(
    db: Database, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """``insert_all`` in list mode: the column names first, then the rows in that order."""
    if rows:
        db.table(table).insert_all([columns, *rows])


def _link_row(article_id: int, actor: Actor, library_id: int) -> tuple[Any, ...]:
    return (
        article_id,
        actor.id,
        library_id,
        actor.name,
        actor.kind,
        aliases_json(actor),
        actor.mentions,
        json.dumps(list(actor.quotes)),
        actor.country,
    )


def _entity_row(article_id: int, entity: Entity) -> tuple[Any, ...]:
    return (article_id, entity.start, entity.end, entity.text, entity.label, entity.actor)


def _statement_row(
    article_id: int, seq: int, quote: Quote, library_ids: dict[str, int], corrected: bool
) -> tuple[Any, ...]:
    return (
        article_id,
        seq,
        quote.start,
        quote.end,
        quote.text,
        json.dumps([list(span) for span in quote.spans]),
        quote.kind,
        quote.speaker,
        quote.speaker_start,
        quote.speaker_end,
        quote.cue,
        quote.cue_start,
        quote.cue_end,
        quote.actor,
        library_ids.get(quote.actor) if quote.actor is not None else None,
        quote.confidence,
        quote.rule,
        quote.via,
        int(corrected),
    )


def touch(db: Database, article_id: int, subject: str | Path) -> None:
    with write_transaction(db.conn, subject):
        db.execute("UPDATE articles SET last_opened = ? WHERE id = ?", (now(), article_id))


def remove_article(db: Database, article_id: int, subject: str | Path) -> bool:
    """Delete an article and its analysis; drop library actors no article mentions any more."""
    with write_transaction(db.conn, subject):
        actor_ids = _linked_actor_ids(db, article_id)
        deleted = db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
        drop_unused_actors(db, actor_ids)
        return deleted > 0


def load_analysis(db: Database, article_id: int) -> Analysis | None:
    """Rebuild the ``Analysis`` stored for an article, exactly as it was written."""
    found = list(
        db.query(
            """SELECT title, text, source, format, sha256, byline, published, analysis_version
               FROM articles WHERE id = ?""",
            (article_id,),
        )
    )
    if not found:
        return None
    entities = tuple(
        _entity(row)
        for row in db.query(
            """SELECT start, "end", text, label, local_actor FROM entities
               WHERE article_id = ? ORDER BY id""",
            (article_id,),
        )
    )
    quotes = tuple(
        _quote(row, article_id)
        for row in db.query(
            """SELECT start, "end", text, spans, kind, speaker, speaker_start, speaker_end,
                      cue, cue_start, cue_end, local_actor, confidence, rule, via
               FROM statements WHERE article_id = ? ORDER BY seq""",
            (article_id,),
        )
    )
    actors = tuple(
        _actor(row, article_id)
        for row in db.query(
            """SELECT local_id, name, kind, aliases, mentions, quotes, country FROM article_actors
               WHERE article_id = ? ORDER BY rowid""",
            (article_id,),
        )
    )
    return Analysis(
        article=_article(found[0]),
        entities=entities,
        quotes=quotes,
        actors=actors,
        version=found[0]["analysis_version"],
    )


def _article(row: Row) -> Article:
    return Article(
        title=row["title"],
        text=row["text"],
        source=Path(row["source"]) if row["source"] is not None else None,
        format=row["format"],
        sha256=row["sha256"],
        byline=row["byline"],
        published=row["published"],
    )


def _entity(row: Row) -> Entity:
    return Entity(row["start"], row["end"], row["text"], row["label"], row["local_actor"])


def _quote(row: Row, article_id: int) -> Quote:
    return Quote(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        spans=_spans(row["spans"], article_id),
        kind=row["kind"],
        speaker=row["speaker"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
        cue=row["cue"],
        cue_start=row["cue_start"],
        cue_end=row["cue_end"],
        actor=row["local_actor"],
        confidence=row["confidence"],
        rule=row["rule"],
        via=row["via"],
    )


def _actor(row: Row, article_id: int) -> Actor:
    return Actor(
        id=row["local_id"],
        name=row["name"],
        kind=row["kind"],
        aliases=tuple(_json_list(row["aliases"], article_id, "actor aliases")),
        mentions=row["mentions"],
        quotes=tuple(_json_list(row["quotes"], article_id, "actor quotes")),
        country=row["country"],
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
