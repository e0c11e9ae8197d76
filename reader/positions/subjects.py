"""What each statement is about: the actors its content names and its key noun phrases.

Read off the parse the analysis already made, once per statement, at analysis time:

* ``named`` — a named entity inside the statement's content that is an actor of the article
  ("Turkey", "Ankara", "Vladimir Putin"): its key is the actor's id, so that two names the
  article made one actor count as one subject. Pronouns are not subjects.
* ``noun_phrase`` — a common noun heading a noun phrase in the content, with the words that
  narrow it (adjectives and nouns before it that are not names, quantities or vague words:
  "additional", "any", "such"), lemmatised and lower case: "additional military sites" →
  "military site", "Ankara's illegal occupation" → "illegal occupation". Its last word is
  its head, by which positions group (``reader.positions.grouping``). A name that owns or
  qualifies it ("Ankara's occupation", "Russian military sites") is kept as its ``actor``.

Nothing is parsed again: the paragraphs' docs are read where the content lies.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.lexicon.positions import VAGUE_MODIFIERS, VAGUE_NOUNS
from reader.model import PRONOUN, Entity, Quote, Subject
from reader.nlp.labels import MODIFIERS, NMOD, NUMERIC_LABELS, POSS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.nlp.parsing import Paragraph

NAMED = "named"
NOUN_PHRASE = "noun_phrase"

#: Dependencies of the words that narrow a noun: "military site", "personnel numbers".
_NARROWING = MODIFIERS | {NMOD}
#: Dependencies of a name that owns or qualifies a noun: "Ankara's occupation", "Russian
#: troops".
_OWNING = MODIFIERS | {POSS, NMOD}
#: Entity labels that are never subjects: times, numbers and amounts.
_NOT_SUBJECTS = NUMERIC_LABELS | {PRONOUN}
#: Noun phrases no longer than this many words (a longer run is a list, not a phrase).
_MAX_WORDS = 4


def find_subjects(
    paragraphs: Sequence[Paragraph], entities: Sequence[Entity], quotes: Sequence[Quote]
) -> list[Quote]:
    """The statements with their ``subjects`` set, in text order within each."""
    named = sorted(
        (e for e in entities if e.actor is not None and e.label not in _NOT_SUBJECTS),
        key=lambda e: e.start,
    )
    named_starts = [e.start for e in named]
    starts = [p.start for p in paragraphs]
    found = []
    for quote in quotes:
        subjects: list[Subject] = []
        for start, end in quote.spans:
            subjects += _named_in(named, named_starts, start, end)
            subjects += _phrases_in(paragraphs, starts, start, end, (named, named_starts))
        subjects.sort(key=lambda s: (s.start, s.end))
        found.append(replace(quote, subjects=tuple(subjects)) if subjects else quote)
    return found


def named_subjects(entities: Sequence[Entity], quote: Quote) -> tuple[Subject, ...]:
    """The named subjects alone (a statement a reader added has no parse to read)."""
    named = sorted(
        (e for e in entities if e.actor is not None and e.label not in _NOT_SUBJECTS),
        key=lambda e: e.start,
    )
    starts = [e.start for e in named]
    found = [s for start, end in quote.spans for s in _named_in(named, starts, start, end)]
    return tuple(found)


def _named_in(named: list[Entity], starts: list[int], start: int, end: int) -> list[Subject]:
    found = []
    index = bisect_right(starts, start - 1)
    while index < len(named) and named[index].start < end:
        entity = named[index]
        index += 1
        if entity.end <= end and entity.actor is not None:
            found.append(
                Subject(entity.start, entity.end, entity.text, entity.actor, NAMED, entity.actor)
            )
    return found


_Names = tuple[list[Entity], list[int]]


def _phrases_in(
    paragraphs: Sequence[Paragraph], starts: list[int], start: int, end: int, names: _Names
) -> list[Subject]:
    index = bisect_right(starts, start) - 1
    found: list[Subject] = []
    while 0 <= index < len(paragraphs) and paragraphs[index].start < end:
        paragraph = paragraphs[index]
        index += 1
        base = paragraph.start
        span = paragraph.doc.char_span(
            max(start, base) - base, min(end, paragraph.end) - base, alignment_mode="contract"
        )
        if span is None:
            continue
        for token in span:
            subject = _phrase(token, paragraph.text, base, (start, end), names)
            if subject is not None:
                found.append(subject)
    return found


def _phrase(
    token: Token, text: str, base: int, within: tuple[int, int], names: _Names
) -> Subject | None:
    """The noun phrase ``token`` heads, if it is a key one."""
    start, end = within
    if token.pos_ != "NOUN" or token.dep_ in _NARROWING or token.ent_type_:
        return None
    head = token.lemma_.lower()
    if not head.isalpha() or head in VAGUE_NOUNS:
        return None
    words = [
        child
        for child in token.lefts
        if child.dep_ in _NARROWING
        and (child.pos_ in ("ADJ", "NOUN") or (child.pos_ == "PROPN" and child.is_lower))
        and not child.ent_type_
        and child.lemma_.lower() not in VAGUE_MODIFIERS
        and child.lemma_.isalpha()
    ][-(_MAX_WORDS - 1) :]
    first = token.doc[min([token.i, *(w.i for w in words)])]
    phrase_start = base + first.idx
    phrase_end = base + token.idx + len(token.text)
    if phrase_start < start or phrase_end > end:
        return None
    key = " ".join([*(w.lemma_.lower() for w in words), head])
    written = text[first.idx : token.idx + len(token.text)]
    owner = next(
        (
            actor
            for child in token.lefts
            if child.dep_ in _OWNING and child.ent_type_
            for actor in [_actor_at(names, base + child.idx)]
            if actor is not None
        ),
        None,
    )
    return Subject(phrase_start, phrase_end, written, key, NOUN_PHRASE, owner)


def _actor_at(names: _Names, offset: int) -> str | None:
    """The actor of the named entity covering ``offset``, if any."""
    named, starts = names
    index = bisect_right(starts, offset) - 1
    if index >= 0 and named[index].start <= offset < named[index].end:
        return named[index].actor
    return None
