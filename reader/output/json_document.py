"""The stable JSON form of an Analysis (schema 2, documented in docs/SCHEMA.md).

Every key is always present, ``null`` where unknown; offsets are Python string indices
into ``text``. ``source`` is the file name with undecodable bytes written ``\\xNN``
(``reader.file_names.as_text``), so the document is always valid UTF-8.
"""

from __future__ import annotations

import json
from typing import Any

from reader.file_names import as_text
from reader.model import Actor, Analysis, Entity, Quote, Subject

#: An analysis' entities, statements and actors.
Parts = tuple[tuple[Entity, ...], tuple[Quote, ...], tuple[Actor, ...]]

SCHEMA_VERSION = 2


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """Plain dict of the analysis, ready for ``json.dumps``."""
    article = analysis.article
    return {
        "schema": SCHEMA_VERSION,
        "title": article.title,
        "source": as_text(article.source) if article.source is not None else None,
        "format": article.format,
        "sha256": article.sha256,
        "byline": article.byline,
        "published": article.published,
        "text": article.text,
        **parts_to_dict(analysis),
    }


def parts_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The analysis' entities, statements and actors as the document writes them (the
    library keeps an uncorrected analysis in this form too, ``reader.library.amend``)."""
    return {
        "entities": [_entity(e) for e in analysis.entities],
        "quotes": [_quote(q) for q in analysis.quotes],
        "actors": [_actor(a) for a in analysis.actors],
    }


def parts_from_dict(data: dict[str, Any]) -> Parts:
    """``(entities, quotes, actors)`` read back from ``parts_to_dict``'s form; a document
    written before statements had doubts and subjects and actors had doubts reads with
    none. ``KeyError``, ``TypeError`` or ``ValueError`` for a form it does not hold."""
    entities = tuple(Entity(**e) for e in data["entities"])
    quotes = tuple(
        Quote(
            **{
                **q,
                "spans": tuple(tuple(span) for span in q["spans"]),
                "doubts": tuple(q.get("doubts", ())),
                "subjects": tuple(Subject(**x) for x in q.get("subjects", ())),
            }
        )
        for q in data["quotes"]
    )
    actors = tuple(
        Actor(
            **{
                **a,
                "aliases": tuple(a["aliases"]),
                "quotes": tuple(a["quotes"]),
                "doubts": tuple(a.get("doubts", ())),
            }
        )
        for a in data["actors"]
    )
    return entities, quotes, actors


def analysis_to_json(analysis: Analysis, indent: int | None = 2) -> str:
    """The analysis as a JSON document (UTF-8 text, non-ASCII kept as is)."""
    return json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=indent)


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "start": entity.start,
        "end": entity.end,
        "text": entity.text,
        "label": entity.label,
        "actor": entity.actor,
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "spans": [[s, e] for s, e in quote.spans],
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "cue": quote.cue,
        "cue_start": quote.cue_start,
        "cue_end": quote.cue_end,
        "actor": quote.actor,
        "confidence": quote.confidence,
        "rule": quote.rule,
        "via": quote.via,
        "doubts": list(quote.doubts),
        "reviewed": quote.reviewed,
        "subjects": [
            {
                "start": subject.start,
                "end": subject.end,
                "text": subject.text,
                "key": subject.key,
                "rule": subject.rule,
                "actor": subject.actor,
            }
            for subject in quote.subjects
        ],
    }


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "mentions": actor.mentions,
        "quotes": list(actor.quotes),
        "country": actor.country,
        "doubts": list(actor.doubts),
    }
