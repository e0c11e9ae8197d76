"""Analyses made by hand for library and Library tab tests: no spaCy, concrete statements.

``fake_analysis`` writes one sentence per statement ("Aileen MacLeod said that the harbour
would reopen."), with the speaker as a named entity, the statement's spans, speaker and
cue at their offsets, and one actor per speaker (the same name: the same actor).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Actor, Analysis, Entity, Quote
from reader.opening import article_from_text

VERSION = "test"


@dataclass(frozen=True)
class Said:
    """A speaker (as written), the kind and other names of its actor, and what it said."""

    speaker: str
    content: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()


def fake_analysis(
    title: str | None,
    said: list[Said],
    *,
    outlet: str | None = None,
    published: str | None = None,
    source: str | None = None,
    extra: str = "",
) -> Analysis:
    """An analysis of an article made of one sentence per statement (then ``extra``)."""
    from pathlib import Path

    parts: list[str] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    order: list[str] = []
    offset = 0
    for item in said:
        actor_id = _slug(item.speaker)
        if actor_id not in order:
            order.append(actor_id)
        sentence = f"{item.speaker} said that {item.content}."
        start = offset + len(item.speaker) + len(" said that ")
        end = start + len(item.content)
        cue = offset + len(item.speaker) + 1
        label = "PERSON" if item.kind == "person" else "ORG"
        entities.append(Entity(offset, offset + len(item.speaker), item.speaker, label, actor_id))
        quotes.append(
            Quote(
                start=start, end=end, text=item.content, spans=((start, end),), kind="indirect",
                speaker=item.speaker, speaker_start=offset,
                speaker_end=offset + len(item.speaker), cue="said", cue_start=cue,
                cue_end=cue + 4, actor=actor_id, confidence=0.8, rule="verb_that_clause",
            )
        )  # fmt: skip
        parts.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(parts) + (" " + extra if extra else "")
    actors = []
    for actor_id in order:
        items = [s for s in said if _slug(s.speaker) == actor_id]
        seqs = tuple(n for n, q in enumerate(quotes) if q.actor == actor_id)
        aliases = tuple(dict.fromkeys(a for s in items for a in (s.speaker, *s.aliases)))
        actors.append(
            Actor(actor_id, items[0].speaker, items[0].kind, aliases, len(items), seqs)  # type: ignore[arg-type]
        )
    article = article_from_text(
        text,
        source=Path(source) if source else None,
        title=title,
        published=published,
        outlet=outlet,
    )
    return Analysis(article, tuple(entities), tuple(quotes), tuple(actors), VERSION)


def _slug(name: str) -> str:
    return "-".join(name.lower().split())
