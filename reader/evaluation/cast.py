"""The cast metrics: how well an Analysis names who is in a story and who said what.

Pure functions over ``Analysis`` values and gold casts (``reader.evaluation.cast_gold``);
nothing here parses text or loads a model. The definitions, also in docs/ACCURACY.md
("Cast metrics"):

- **Names.** A name's *form* is its lower-case tokens without possessive 's, titles and
  honorifics ("Ms.", "Sen.", "President") or a leading "the"
  (``reader.evaluation.metrics.normalise_name``: the metric keeps its own name rules, so it
  never shares the rules it measures). A system actor *matches* a gold actor when a form of
  its name or aliases equals a form of the gold name or aliases, or when a form of two or
  more tokens of one is contained in the other's full name ("Aileen MacLeod" in "Aileen
  Mary MacLeod"). Each system actor goes to at most one gold actor: the one sharing most
  forms, then one matched by containment, then one of the same kind, then the first listed.
- **People.** Gold actors of kind person against system actors of kind person.
  P = system persons matched to a gold person / system persons; R = gold persons matched by
  at least one system person / gold persons.
- **Sources.** Gold persons and organisations that are the speaker of at least one gold
  statement, against system persons and organisations with at least one statement; P and
  R as for people (a system source counts when it matches a gold source of either kind).
- **Split people.** Gold persons matched by two or more system persons. **Found only as a
  non-person**: gold persons matched only by system actors of other kinds.
- **Wrong kinds.** Matched gold actors that some matched system actor gives another kind;
  "kinds right" is the share of matched gold actors all of whose system actors agree.
- **Statements.** Predicted statements against gold statements with the quote detection
  rule of ``reader.evaluation.metrics`` at T = 0.3. **End-to-end**: matched, and the
  statement's actor is the system actor matched to the gold speaker. A gold statement
  without a named speaker (``speaker: null``) is right end to end when the prediction has
  no actor or an actor that matches no gold actor.
- **Not-actors.** System actors with a name or alias whose form equals that of one of the
  gold's ``not_actors`` strings.

Every figure is a count, so parts, beats and the whole set pool their articles (micro
averages). ``score_article`` also lists each error with a category guess for error analysis.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.evaluation.cast_gold import CastArticle, GoldActor, GoldStatement
from reader.evaluation.metrics import (
    SPEAKER_THRESHOLD,
    GoldQuote,
    match_quotes,
    normalise_name,
    prf,
)
from reader.evaluation.scoring import predictions_of
from reader.model import Actor, Analysis

Form = tuple[str, ...]
SOURCE_KINDS = frozenset({"person", "organisation"})
#: Characters of article text kept on either side of an error in the errors file.
CONTEXT_CHARS = 60


# Names ---------------------------------------------------------------------------------------


def name_form(name: str) -> Form:
    """``"the Port Ellis Fishermen's Association"`` → ``("port", "ellis", "fishermen", ...)``."""
    tokens = normalise_name(name)
    return tokens[1:] if tokens[:1] == ("the",) else tokens


def forms_of(names: Iterable[str]) -> frozenset[Form]:
    """The non-empty forms of some names."""
    return frozenset(form for form in map(name_form, names) if form)


def _contains(longer: Form, shorter: Form) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def match_strength(system_names: Sequence[str], gold_names: Sequence[str]) -> tuple[int, int]:
    """(forms shared, 1 if matched by a multi-token form inside the other's full name)."""
    if not system_names or not gold_names:
        return (0, 0)
    system, gold = forms_of(system_names), forms_of(gold_names)
    shared = len(system & gold)
    system_full, gold_full = name_form(system_names[0]), name_form(gold_names[0])
    contained = any(len(f) >= 2 and _contains(gold_full, f) for f in system) or any(
        len(f) >= 2 and _contains(system_full, f) for f in gold
    )
    return (shared, int(contained))


def actor_names(actor: Actor) -> tuple[str, ...]:
    """The actor's name, then its other forms (an alias may repeat the name)."""
    return tuple(dict.fromkeys((actor.name, *actor.aliases)))


def assign(actors: Sequence[Actor], gold: Sequence[GoldActor]) -> dict[str, int]:
    """System actor id → index of the gold actor it matches best (unmatched ids are absent)."""
    assigned: dict[str, int] = {}
    for actor in actors:
        best: tuple[int, int, int, int] | None = None
        for index, gold_actor in enumerate(gold):
            shared, contained = match_strength(actor_names(actor), gold_actor.names)
            if not shared and not contained:
                continue
            key = (shared, contained, int(actor.kind == gold_actor.kind), -index)
            if best is None or key > best:
                best = key
        if best is not None:
            assigned[actor.id] = -best[3]
    return assigned


# Counts --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """The four counts behind a P/R/F1: system items, those right, gold items, those found."""

    system: int = 0
    system_right: int = 0
    gold: int = 0
    gold_found: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.system + other.system,
            self.system_right + other.system_right,
            self.gold + other.gold,
            self.gold_found + other.gold_found,
        )

    def scores(self) -> dict[str, float | int]:
        return {
            **prf(self.system_right, self.system, self.gold_found, self.gold),
            "system": self.system,
            "system_right": self.system_right,
            "gold": self.gold,
            "gold_found": self.gold_found,
        }


@dataclass(frozen=True, slots=True)
class CastScore:
    """Everything measured on one article; parts and beats add these up."""

    stem: str
    part: str
    beat: str | None
    people: Counts = Counts()
    sources: Counts = Counts()
    statements: Counts = Counts()
    end_to_end: Counts = Counts()
    #: Gold names of people split over several system persons, and of those found only as
    #: non-persons; gold names given a wrong kind; system names that are gold not-actors.
    split: tuple[str, ...] = ()
    non_person: tuple[str, ...] = ()
    matched_gold: int = 0
    wrong_kind: tuple[str, ...] = ()
    not_actors: tuple[str, ...] = ()
    #: PolNeAR: system sources left out because they match only a non-speech name, and
    #: those left out because no statement of theirs names its speaker.
    ignored_sources: int = 0
    unnamed_sources: int = 0
    errors: tuple[dict[str, Any], ...] = field(default=(), compare=False)


# One article -----------------------------------------------------------------------------


def score_article(gold: CastArticle, analysis: Analysis) -> CastScore:
    """Score one analysed article against its gold cast."""
    actors = analysis.actors
    assigned = assign(actors, gold.actors)
    by_gold = _by_gold(actors, assigned, len(gold.actors))
    speakers = {gold.actor_index(s.speaker) for s in gold.statements} - {None}
    gold_sources = {i for i in speakers if i is not None and gold.actors[i].kind in SOURCE_KINDS}
    record = _Recorder(gold, analysis)

    people = _counts(
        [a for a in actors if a.kind == "person"],
        assigned,
        {i for i, g in enumerate(gold.actors) if g.kind == "person"},
        wanted=lambda a, i: gold.actors[i].kind == "person",
    )
    sources = _counts(
        system_sources(analysis), assigned, gold_sources, wanted=lambda a, i: i in gold_sources
    )
    split, non_person, wrong_kind = [], [], []
    for index, gold_actor in enumerate(gold.actors):
        matched = by_gold[index]
        kinds = {a.kind for a in matched}
        if gold_actor.kind == "person" and sum(a.kind == "person" for a in matched) >= 2:
            split.append(gold_actor.name)
            record.actors("split", gold_actor, matched)
        if matched and gold_actor.kind == "person" and "person" not in kinds:
            non_person.append(gold_actor.name)
            record.actors("non-person", gold_actor, matched)
        elif kinds - {gold_actor.kind}:
            record.actors("wrong kind", gold_actor, matched)
        if kinds - {gold_actor.kind}:
            wrong_kind.append(gold_actor.name)
        if not matched:
            category = "missed person" if gold_actor.kind == "person" else "missed actor"
            record.actors(category, gold_actor, ())
    not_actor_forms = forms_of(gold.not_actors)
    not_actors = [a.name for a in actors if forms_of(actor_names(a)) & not_actor_forms]
    for actor in actors:
        if actor.id not in assigned:
            category = "not-actor became actor" if actor.name in not_actors else "spurious actor"
            record.actors(category, None, (actor,))
    statements, end_to_end = _statements(gold, analysis, assigned, record)
    return CastScore(
        stem=gold.stem,
        part=gold.part,
        beat=gold.beat,
        people=people,
        sources=sources,
        statements=statements,
        end_to_end=end_to_end,
        split=tuple(split),
        non_person=tuple(non_person),
        matched_gold=sum(bool(m) for m in by_gold),
        wrong_kind=tuple(wrong_kind),
        not_actors=tuple(not_actors),
        errors=tuple(record.records),
    )


def system_sources(analysis: Analysis) -> list[Actor]:
    """Persons and organisations with at least one statement."""
    speaking = {q.actor for q in analysis.quotes if q.actor}
    return [a for a in analysis.actors if a.kind in SOURCE_KINDS and a.id in speaking]


def _by_gold(actors: Sequence[Actor], assigned: dict[str, int], size: int) -> list[list[Actor]]:
    by_gold: list[list[Actor]] = [[] for _ in range(size)]
    for actor in actors:
        if actor.id in assigned:
            by_gold[assigned[actor.id]].append(actor)
    return by_gold


def _counts(
    system: Sequence[Actor],
    assigned: dict[str, int],
    gold: set[int],
    wanted: Callable[[Actor, int], bool],
) -> Counts:
    right = [a for a in system if a.id in assigned and wanted(a, assigned[a.id])]
    found = {assigned[a.id] for a in right} & gold
    return Counts(len(system), len(right), len(gold), len(found))


def _statements(
    gold: CastArticle, analysis: Analysis, assigned: dict[str, int], record: _Recorder
) -> tuple[Counts, Counts]:
    golds = [_gold_quote(gold.article.text, s) for s in gold.statements]
    predictions = predictions_of(analysis)
    matches = match_quotes(golds, predictions, SPEAKER_THRESHOLD)
    correct = 0
    for statement, match in zip(gold.statements, matches, strict=True):
        if match is None:
            record.statement("missed statement", statement, None)
            continue
        quote = analysis.quotes[match]
        speaker = gold.actor_index(statement.speaker)
        actor_gold = assigned.get(quote.actor) if quote.actor else None
        if actor_gold == speaker:
            correct += 1
        else:
            record.statement("wrong speaker", statement, match)
    used = {m for m in matches if m is not None}
    for index in range(len(predictions)):
        if index not in used:
            record.statement("spurious statement", None, index)
    matched = len(used)
    return (
        Counts(len(predictions), matched, len(golds), matched),
        Counts(len(predictions), correct, len(golds), correct),
    )


def _gold_quote(text: str, statement: GoldStatement) -> GoldQuote:
    before = text[statement.start - 1 : statement.start] if statement.start else ""
    return GoldQuote(
        spans=((statement.start, statement.end),),
        text=statement.content,
        kind="direct" if before and before in "\"“”'‘’«" else "indirect",
        speaker=statement.speaker,
        speaker_start=None,
        speaker_end=None,
        cue=None,
        cue_is_speech=True,
    )


# Error records ---------------------------------------------------------------------------


class _Recorder:
    """Collects one JSON-ready record per error of one article."""

    def __init__(self, gold: CastArticle, analysis: Analysis) -> None:
        self.gold = gold
        self.analysis = analysis
        self.records: list[dict[str, Any]] = []

    def actors(self, category: str, gold_actor: GoldActor | None, system: Sequence[Actor]) -> None:
        span = self._system_span(system[0]) if system else None
        if gold_actor is not None and (span is None or category.startswith("missed")):
            span = _find_any(self.gold.article.text, gold_actor.names)
        self._add(
            category,
            span,
            gold_name=gold_actor.name if gold_actor else None,
            gold_kind=gold_actor.kind if gold_actor else None,
            system_names=[list(actor_names(a)) for a in system],
            system_kinds=[a.kind for a in system],
        )

    def statement(self, category: str, gold: GoldStatement | None, prediction: int | None) -> None:
        quote = self.analysis.quotes[prediction] if prediction is not None else None
        actor = self.analysis.actor(quote.actor) if quote and quote.actor else None
        span = (gold.start, gold.end) if gold else (quote.start, quote.end) if quote else None
        self._add(
            category,
            span,
            gold_content=gold.content if gold else None,
            gold_speaker=gold.speaker if gold else None,
            predicted=quote.text if quote else None,
            predicted_speaker=quote.speaker if quote else None,
            predicted_actor=actor.name if actor else None,
        )

    def _system_span(self, actor: Actor) -> tuple[int, int] | None:
        entity = next((e for e in self.analysis.entities if e.actor == actor.id), None)
        if entity is not None:
            return (entity.start, entity.end)
        return _find_any(self.analysis.article.text, actor_names(actor))

    def _add(self, category: str, span: tuple[int, int] | None, **fields: Any) -> None:
        text = self.gold.article.text
        start, end = span if span else (None, None)
        context = (
            _squash(text[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS])
            if start is not None and end is not None
            else None
        )
        self.records.append(
            {
                "article": self.gold.stem,
                "part": self.gold.part,
                "category": category,
                **fields,
                "start": start,
                "end": end,
                "context": context,
            }
        )


def _find_any(text: str, names: Iterable[str]) -> tuple[int, int] | None:
    found = [(text.find(n), len(n)) for n in names if n and n in text]
    if not found:
        return None
    start, length = min(found)
    return (start, start + length)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
