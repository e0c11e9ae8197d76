"""Why a reader may want to check a statement or an actor, in named reasons.

A statement's confidence (``Quote.confidence``) is the calibrated share of its rule's
statements that are right, scaled down when its speaker is a pronoun or a title
(``reader.actors.building``). ``stamp_doubts`` gives every statement and actor the reasons
behind a low figure, so that the reader can say *why* it marks a statement "check this":

Statements:

* ``no-speaker`` — the statement was found but nobody in the article answers to its speaker;
* ``pronoun`` — the speaker is a pronoun ("he said"), resolved to an earlier name;
* ``role`` — the speaker is only a role or description ("the minister", "a spokesman");
* ``rule`` — the construction that found it is right less often than ``RARE_RULE`` of the
  time on the calibration set ("joked about …", a quote far from any speaker);
* ``kind`` — its speaker's kind (person or organisation) was guessed (see below).

Actors:

* ``kind`` — no name in the article was tagged as its kind: a capitalised speaker the
  entity model did not recognise, filed as a person or organisation by its words alone;
* ``description`` — the actor has no name at all, only a role or group noun ("officials").

A statement a reader accepted (``Quote.reviewed``) or whose speaker a reader chose keeps
its reasons but is no longer marked: ``Quote.to_check`` decides, against a threshold the
reader sets (``reader.model.CHECK_THRESHOLD`` at first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.actors.coreference import is_pronoun
from reader.actors.names import looks_like_name
from reader.attribution.rules import Rule, confidence
from reader.model import READER_RULE, Actor, Entity, Quote
from reader.nlp.labels import KIND_LABELS, LABEL_KINDS, NORP

#: Below this calibrated share right, a rule is "rarely right" for a reader.
RARE_RULE = 0.7

#: The entity labels that say an actor is of each kind: the labels of that kind, and for a
#: place a nationality too ("Syrian" is a mention of Syria).
_KIND_LABELS: dict[str, frozenset[str]] = {
    kind: frozenset(label for label, of in LABEL_KINDS.items() if of == kind)
    for kind in KIND_LABELS
}
_KIND_LABELS["place"] |= {NORP}

#: Every reason, in the order they are listed.
STATEMENT_REASONS = ("no-speaker", "pronoun", "role", "rule", "kind")
ACTOR_REASONS = ("kind", "description")


def stamp_doubts(
    text: str,
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
    actors: Sequence[Actor],
) -> tuple[list[Quote], list[Actor]]:
    """The statements and actors with their reasons (``doubts``) set; nothing else changes."""
    named: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.actor is not None and entity.named:
            named.setdefault(entity.actor, []).append(entity)
    stamped_actors = [
        replace(a, doubts=actor_doubts(a, [e.label for e in named.get(a.id, [])])) for a in actors
    ]
    doubts_of = {a.id: a.doubts for a in stamped_actors}
    stamped_quotes = []
    for quote in quotes:
        key = quote.actor or ""
        reasons = statement_doubts(text, quote, doubts_of.get(key, ()), named.get(key, ()))
        stamped_quotes.append(quote if reasons == quote.doubts else replace(quote, doubts=reasons))
    return stamped_quotes, stamped_actors


def actor_doubts(actor: Actor, labels: Sequence[str]) -> tuple[str, ...]:
    """The reasons to check an actor whose named mentions carry ``labels``."""
    if not labels:
        if actor.kind in ("person", "organisation") and looks_like_name(actor.name):
            return ("kind",)
        return ("description",)
    wanted = _KIND_LABELS.get(actor.kind)
    if wanted is None:
        return ()
    agreeing = sum(1 for label in labels if label in wanted)
    return ("kind",) if 2 * agreeing < len(labels) else ()


def statement_doubts(
    text: str,
    quote: Quote,
    speaker_doubts: Sequence[str] = (),
    speaker_names: Sequence[Entity] = (),
) -> tuple[str, ...]:
    """The reasons to check a statement whose actor has ``speaker_doubts`` and is named by
    ``speaker_names`` in the article."""
    if quote.rule == READER_RULE:
        return ()
    reasons: list[str] = []
    if quote.actor is None:
        reasons.append("no-speaker")
    surface = _speaker_surface(text, quote)
    if surface is not None and quote.actor is not None:
        if is_pronoun(surface):
            reasons.append("pronoun")
        elif "description" in speaker_doubts or (
            not looks_like_name(surface) and not _named_within(quote, speaker_names)
        ):
            reasons.append("role")
    if _rarely_right(quote.rule):
        reasons.append("rule")
    if "kind" in speaker_doubts:
        reasons.append("kind")
    return tuple(reasons)


def _speaker_surface(text: str, quote: Quote) -> str | None:
    start, end = quote.speaker_start, quote.speaker_end
    if start is not None and end is not None and 0 <= start < end <= len(text):
        return text[start:end]
    return quote.speaker


def _named_within(quote: Quote, names: Sequence[Entity]) -> bool:
    """A speaker span that holds the actor's name ("a spokesman for the Kremlin"), or is
    followed by it set off ("The chief engineer, Marit Solberg, said"), names it."""
    start, end = quote.speaker_start, quote.speaker_end
    if start is None or end is None:
        return False
    return any((start <= e.start and e.end <= end) or end < e.start <= end + 3 for e in names)


def _rarely_right(rule: str | None) -> bool:
    if not rule:
        return False
    try:
        share = confidence(Rule(rule))
    except ValueError:
        return False
    return share is not None and share < RARE_RULE
