"""Writing an Analysis to the library and reading it back, one article at a time.

An article and all of its analysis (entities, statements, actor links) are written in one
``BEGIN IMMEDIATE`` transaction: after a crash an article is either fully present or absent.
Content is recognised by its sha256; storing it again only touches ``last_opened`` unless
the analysis version differs, in which case the stored analysis is replaced in place.
New content that is a near copy of a stored article is stored whole and marked as its copy
(``reader.library.copies``); deleting an original makes its first copy the original.
The rows written are the analysis with the reader's corrections laid over it
(``reader.library.amend``); ``rewrite_corrected`` writes articles' rows again after a
correction is made or undone.

Rows go in through sqlite-utils (``table.insert``, ``insert_all`` with the column names as
the first record), which joins the open transaction, and come back as dicts from
``db.query``, one mapper per model type.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reader.corrections.apply import Applied, apply_all
from reader.file_names import as_text
from reader.library import copies, subjects
from reader.library.amend import active, amended, uncorrected
from reader.library.bounded import within_limits
from reader.library.connection import database, write_transaction
from reader.library.identity import (
    SetAside,
    aliases_json,
    drop_set_aside,
    forget_links,
    resolve_actor,
)
from reader.library.records import DamagedRecord, Row
from reader.library.source_facts import write_sources
from reader.model import Actor, Analysis, Article, Entity, Quote, Subject

if TYPE_CHECKING:
    from reader.library.database import Database

LINK_COLUMNS = (
    "article_id", "local_id", "actor_id", "name", "kind", "aliases", "mentions", "quotes",
    "country", "named", "doubts",
)  # fmt: skip
ENTITY_COLUMNS = ("article_id", "start", "end", "text", "label", "local_actor")
STATEMENT_COLUMNS = (
    "article_id", "seq", "start", "end", "text", "spans", "kind", "speaker", "speaker_start",
    "speaker_end", "cue", "cue_start", "cue_end", "local_actor", "actor_id", "confidence",
    "rule", "via", "corrected", "doubts", "reviewed",
)  # fmt: skip


def now() -> str:
    """The current time as stored: UTC, ISO 8601, milliseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Written(NamedTuple):
    """What ``write_analysis`` did with an analysis."""

    article_id: int
    was_new: bool
    #: The analysis as its rows were written, the reader's corrections laid over it; None
    #: when the article was stored before by the same version and only touched.
    corrected: Analysis | None


def store_analyses(
    db: Database,
    analyses: Iterable[Analysis],
    subject: str | Path,
    opened: str | None = None,
) -> list[tuple[int, bool]]:
    """Store every analysis in ONE transaction; ``(article_id, was_new)`` for each."""
    with write_transaction(db.conn, subject):
        written = [write_analysis(db, analysis, opened or now()) for analysis in analyses]
    return [(w.article_id, w.was_new) for w in written]


def store_analysis(db: Database, analysis: Analysis, subject: str | Path) -> Written:
    """Store one analysis in its own transaction."""
    with write_transaction(db.conn, subject):
        return write_analysis(db, analysis, now())


def write_analysis(db: Database, analysis: Analysis, opened: str) -> Written:
    """Insert, refresh or just touch the article; the caller holds the write transaction."""
    analysis = within_limits(analysis)
    article = analysis.article
    row = db.execute(
        "SELECT id, analysis_version FROM articles WHERE sha256 = ?", (article.sha256,)
    ).fetchone()
    if row is not None:
        article_id, version = int(row[0]), str(row[1])
        touch_row(db, article_id, opened, article.outlet)
        if version != analysis.version:
            set_aside = forget_links(db, _clear_analysis(db, article_id))
            db.execute(
                "UPDATE articles SET analysis_version = ? WHERE id = ?",
                (analysis.version, article_id),
            )
            corrected = write_corrected(db, article_id, analysis, set_aside)
            drop_set_aside(db, set_aside)
            return Written(article_id, False, corrected)
        return Written(article_id, False, None)
    record = {
        "sha256": article.sha256,
        "title": article.title,
        # SQLite text must be valid UTF-8: undecodable bytes in the name become \xNN.
        "source": as_text(article.source) if article.source is not None else None,
        "format": article.format,
        "byline": article.byline,
        "published": article.published,
        "outlet": article.outlet,
        "first_opened": opened,
        "last_opened": opened,
        "text": article.text,
        "analysis_version": analysis.version,
    }
    article_id = int(db.table("articles").insert(record).last_rowid or 0)
    corrected = write_corrected(db, article_id, analysis)
    original = copies.file_article(db, article_id, article.text, article.title)
    if original is not None:
        # The story was opened again: its original comes first among the recent ones.
        db.execute("UPDATE articles SET last_opened = ? WHERE id = ?", (opened, original))
    return Written(article_id, True, corrected)


def write_corrected(
    db: Database, article_id: int, raw: Analysis, set_aside: SetAside | None = None
) -> Analysis:
    """Write the rows of ``raw`` with the reader's corrections laid over it; return them.

    ``set_aside``: library actors ``forget_links`` set aside; one made again is taken back.
    """
    applied = amended(db, article_id, within_limits(raw))
    # A correction may give a name of any length: what is stored is cut again.
    applied = dataclasses.replace(applied, analysis=within_limits(applied.analysis))
    _write_parts(db, article_id, applied, set_aside)
    return applied.analysis


def rewrite_corrected(db: Database, article_ids: Iterable[int]) -> None:
    """Lay the corrections in effect now over these articles' uncorrected analyses again.

    First every one of them is cleared, and what they alone gave the library's actors goes
    with them (``forget_links``); then each is written again, in article order. The
    library's actors are then as if these articles had just been added with the
    corrections now in effect: undoing a correction gives back the library it found, not
    one where an article written early still sees the names another gave.
    """
    raws = []
    for article_id in sorted(set(article_ids)):
        shown = load_analysis(db, article_id)
        if shown is not None:
            raws.append((article_id, uncorrected(db, article_id, shown)))
    linked: list[int] = []
    for article_id, _ in raws:
        linked.extend(_clear_analysis(db, article_id))
    set_aside = forget_links(db, linked)
    for article_id, raw in raws:
        write_corrected(db, article_id, raw, set_aside)
    drop_set_aside(db, set_aside)


def _linked_actor_ids(db: Database, article_id: int) -> list[int]:
    rows = db.execute("SELECT actor_id FROM article_actors WHERE article_id = ?", (article_id,))
    return [int(r[0]) for r in rows]


def _clear_analysis(db: Database, article_id: int) -> list[int]:
    """Delete the article's rows; return the library actors it linked to."""
    linked = _linked_actor_ids(db, article_id)
    subjects.clear(db, article_id)
    for table in ("entities", "statements", "article_actors", "article_sources"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    return linked


def mark_named_links(conn: sqlite3.Connection) -> None:
    """Set ``article_actors.named`` for the actors the corrections in effect gave their
    names (migration 6's step, in its transaction). An article whose stored rows cannot be
    read back is left as it is."""
    db = database(conn)
    corrected = db.execute("SELECT article_id FROM uncorrected_analyses").fetchall()
    for (article_id,) in corrected:
        try:
            shown = load_analysis(db, article_id)
            if shown is None:
                continue
            raw = uncorrected(db, article_id, shown)
            named = apply_all(raw, active(db, raw.article.sha256)).named
        except (DamagedRecord, ValueError, TypeError, KeyError):
            continue
        db.conn.executemany(
            "UPDATE article_actors SET named = 1 WHERE article_id = ? AND local_id = ?",
            [(article_id, local_id) for local_id in sorted(named)],
        )


def _write_parts(
    db: Database, article_id: int, applied: Applied, set_aside: SetAside | None = None
) -> None:
    analysis, named = applied.analysis, applied.named
    library_ids: dict[str, int] = {}
    links = []
    for actor in analysis.actors:
        # An actor a reader named is filed under that name alone, not the names it was
        # found by: undone, those find their own library actor again.
        library_id = resolve_actor(
            db, actor, as_named=actor.id in named, set_aside=set_aside, article_id=article_id
        )
        if library_id is None:
            continue
        library_ids[actor.id] = library_id
        links.append(_link_row(article_id, actor, library_id, actor.id in named))
    entities = [_entity_row(article_id, entity) for entity in analysis.entities]
    statements = [
        _statement_row(article_id, seq, quote, library_ids, seq in applied.changed)
        for seq, quote in enumerate(analysis.quotes)
    ]
    _insert(db, "article_actors", LINK_COLUMNS, links)
    _insert(db, "entities", ENTITY_COLUMNS, entities)
    _insert(db, "statements", STATEMENT_COLUMNS, statements)
    write_sources(db, article_id, analysis, library_ids)
    subjects.write(db, article_id, analysis.quotes, library_ids)


def _insert(
    db: Database, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """``insert_all`` in list mode: the column names first, then the rows in that order."""
    if rows:
        db.table(table).insert_all([columns, *rows])


def _link_row(article_id: int, actor: Actor, library_id: int, named: bool) -> tuple[Any, ...]:
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
        int(named),
        " ".join(actor.doubts),
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
        " ".join(quote.doubts),
        int(quote.reviewed),
    )


def touch(db: Database, article_id: int, subject: str | Path, outlet: str | None = None) -> None:
    with write_transaction(db.conn, subject):
        touch_row(db, article_id, now(), outlet)


def touch_row(db: Database, article_id: int, opened: str, outlet: str | None) -> None:
    """Note the article opened again; an outlet its file names now fills one not known
    (articles stored before outlets were kept have none)."""
    db.execute(
        "UPDATE articles SET last_opened = ?, outlet = COALESCE(outlet, ?) WHERE id = ?",
        (opened, outlet, article_id),
    )


def remove_article(db: Database, article_id: int, subject: str | Path) -> bool:
    """Delete an article and its analysis, and what it alone gave the library's actors
    (``forget_links``)."""
    with write_transaction(db.conn, subject):
        return delete_article(db, article_id)


def delete_article(db: Database, article_id: int) -> bool:
    """``remove_article`` inside the caller's write transaction; False if there was none."""
    actor_ids = _linked_actor_ids(db, article_id)
    copies.promote_first_copy(db, article_id)
    deleted = db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
    drop_set_aside(db, forget_links(db, actor_ids))
    return deleted > 0


def load_analysis(db: Database, article_id: int) -> Analysis | None:
    """Rebuild the ``Analysis`` stored for an article, exactly as it was written."""
    found = list(
        db.query(
            # Every column, as for statements below: migrations in Python read analyses
            # back from libraries without the columns later migrations add.
            "SELECT * FROM articles WHERE id = ?",
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
    about = subjects.read(db, article_id)
    quotes = tuple(
        _quote(row, article_id, about.get(int(row["seq"]), ()))
        for row in db.query(
            # Every column: a migration written in Python reads analyses back from a library
            # that does not have the columns later migrations add (``_quote``).
            "SELECT * FROM statements WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
    )
    actors = tuple(
        _actor(row, article_id)
        for row in db.query(
            "SELECT * FROM article_actors WHERE article_id = ? ORDER BY rowid",
            (article_id,),
        )
    )
    article = _article(found[0], article_id)
    _check_offsets(article.text, entities, quotes, article_id)
    return Analysis(
        article=article,
        entities=entities,
        quotes=quotes,
        actors=actors,
        version=found[0]["analysis_version"],
    )


def _check_offsets(
    text: str, entities: tuple[Entity, ...], quotes: tuple[Quote, ...], article_id: int
) -> None:
    """``DamagedRecord`` for an offset outside the text (99999999, -5): every renderer
    slices the text with them."""
    length = len(text)

    def fits(start: object, end: object) -> bool:
        return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length

    for entity in entities:
        if not fits(entity.start, entity.end):
            raise DamagedRecord(article_id, "entity offsets")
    for quote in quotes:
        pairs = [(quote.start, quote.end), *quote.spans]
        if quote.speaker_start is not None or quote.speaker_end is not None:
            pairs.append((quote.speaker_start, quote.speaker_end))  # type: ignore[arg-type]
        if quote.cue_start is not None or quote.cue_end is not None:
            pairs.append((quote.cue_start, quote.cue_end))  # type: ignore[arg-type]
        if not all(fits(start, end) for start, end in pairs):
            raise DamagedRecord(article_id, "statement offsets")


def _article(row: Row, article_id: int) -> Article:
    if not isinstance(row["text"], str):
        raise DamagedRecord(article_id, "text")  # stored as bytes by another program
    if row["title"] is not None and not isinstance(row["title"], str):
        raise DamagedRecord(article_id, "title")
    return Article(
        title=row["title"],
        text=row["text"],
        source=Path(row["source"]) if row["source"] is not None else None,
        format=row["format"],
        sha256=row["sha256"],
        byline=row["byline"],
        published=row["published"],
        outlet=row.get("outlet"),
    )


def _entity(row: Row) -> Entity:
    return Entity(row["start"], row["end"], row["text"], row["label"], row["local_actor"])


def _quote(row: Row, article_id: int, about: tuple[Subject, ...] = ()) -> Quote:
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
        doubts=_reasons(row.get("doubts")),
        reviewed=bool(row.get("reviewed")),
        subjects=about,
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
        doubts=_reasons(row.get("doubts")),
    )


def _reasons(value: object) -> tuple[str, ...]:
    """Stored reasons to check something: space-separated words (anything else: none)."""
    return tuple(value.split()) if isinstance(value, str) else ()


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
