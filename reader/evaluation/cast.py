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
- **Named actors.** A system actor is *named* when one of its names holds a proper word:
  one with a capital that is not a title, role word, word for a body of people or an
  institution, determiner or pronoun (``is_proper_name``; "the spokesman", "Officials",
  "The Minister", "U.S. officials" and "Tom Reyes's lawyer" are not names, "Aileen
  MacLeod", "WHO" and "New Zealand government" are). The words are the lexicon's; the rule
  is the metric's own.
- **Split people.** Gold persons matched by two or more system persons. **Found only as a
  non-person**: gold persons matched only by system actors of other kinds. **Split
  organisations**: gold organisations matched by two or more system organisations (a split
  across kinds shows as a wrong kind). **Merged people**: system actors whose names match
  two or more gold persons, each through a form no other gold person has or by containment
  ("Black Widow and Captain America").
- **Wrong kinds.** Matched gold actors that some matched system actor gives another kind;
  "kinds right" is the share of matched gold actors all of whose system actors agree.
- **Statements.** Predicted statements against gold statements with the quote detection
  rule of ``reader.evaluation.metrics`` at T = 0.3; then a gold statement left unmatched is
  found by a prediction already matched to another part of the same quotation (same gold
  speaker, no other speaker's statement between them) that covers more than T of it too: a
  quotation split around its cue, a quotation of several paragraphs or two that-clauses
  returned as one statement find each part. P = predictions that found a gold statement /
  predictions (each counted once, however many parts it found); R = gold statements found /
  gold statements. **End-to-end**: found, and the statement's actor is a named actor
  matched to the gold speaker. A gold statement without a named speaker (``speaker:
  null``) is right end to end when the prediction has no actor, an actor that is not named
  or an actor that matches no gold actor; an actor named only by a role noun is right
  nowhere else, even where the gold lists that role noun as an alias of the speaker.
- **Not-actors.** System actors with a name or alias whose form equals that of one of the
  gold's ``not_actors`` strings.
- **Pronouns** (when the folder has ``coref/``). The gold's third-person pronouns of people
  (``person`` 3, ``kind`` person): each is *right* when the analysis's pronoun mention at
  its place (an entity labelled ``PRONOUN`` overlapping it) has an actor matched, as above,
  to the gold actor; *wrong* when that actor matches another gold actor or none; and
  *unresolved* when the analysis has no pronoun there or leaves it without an actor.

Every figure is a count, so parts, beats and the whole set pool their articles (micro
averages). ``score_article`` also lists each error with a category guess for error analysis.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.evaluation.cast_gold import CastArticle, GoldActor, GoldPronoun, GoldStatement
from reader.evaluation.metrics import (
    PRONOUNS,
    SPEAKER_THRESHOLD,
    TITLES,
    GoldQuote,
    PredictedQuote,
    match_quotes,
    normalise_name,
    prf,
    text_order,
)
from reader.evaluation.scoring import predictions_of
from reader.lexicon.groups import GROUP_NOUNS, IRREGULAR_PLURALS
from reader.lexicon.name_parts import DETERMINERS
from reader.lexicon.speech import GROUP_SPEAKERS
from reader.lexicon.titles import HONORIFICS, ROLE_WORDS
from reader.model import PRONOUN, Actor, Analysis
from reader.spans import overlap, total_length

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


#: Words for people by their role or as a body ("spokesman", "officials", "police"): one in
#: lower case at the end makes a name a description even after a proper word ("U.S.
#: officials", "Tom Reyes's lawyer").
_PEOPLE = ROLE_WORDS | GROUP_NOUNS | IRREGULAR_PLURALS | {w.removesuffix("s") for w in GROUP_NOUNS}
#: Capitalised words that make no name: people words, the institutions and documents that
#: speak ("the Government", "a Study"), titles, honorifics, determiners and pronouns ("The
#: Minister", "Officials", "Every politician", "Her family").
_NOT_NAME_WORDS = (
    _PEOPLE
    | GROUP_SPEAKERS
    | TITLES
    | frozenset(HONORIFICS)
    | DETERMINERS
    | PRONOUNS
    | {"every", "each", "another", "any", "no", "both"}
)
_WORD_EDGES = ".,;:!?\"'“”‘’()[]"


def _word(word: str) -> str:
    """A word without the punctuation around it or a possessive ending."""
    word = word.strip(_WORD_EDGES)
    for ending in ("'s", "’s"):
        word = word.removesuffix(ending)
    return word.strip(_WORD_EDGES)


def _capitalised(word: str) -> bool:
    return any(c.isupper() for c in word)


def _proper_word(word: str) -> bool:
    lower = word.lower()
    if len(word) > 1 and word.isupper():
        # An acronym: "WHO" and "US" are names, "CEO" and "MP" are not.
        return lower not in _PEOPLE and lower not in TITLES
    return _capitalised(word) and lower not in _NOT_NAME_WORDS


def is_proper_name(name: str, text: str = "") -> bool:
    """True if ``name`` holds a proper name, False for a role noun or a description.

    A proper word has a capital letter and is not a title, a role word, a word for a body of
    people or an institution, a determiner or a pronoun (``"Officials"``, ``"The
    Minister"``). A name is proper when it has a proper word, unless its last word is a
    lower-case people word (``"U.S. officials"``, ``"Tom Reyes's lawyer"``) or its only
    capital is that of its first word and ``text`` also writes that word in lower case (a
    sentence start: ``"School board"``).
    """
    words = [w for w in map(_word, name.split()) if w]
    proper = [i for i, w in enumerate(words) if _proper_word(w)]
    if not proper:
        return False
    head = words[-1]
    if not _capitalised(head) and head in _PEOPLE:
        return False
    if proper == [0] and len(words) > 1 and not any(map(_capitalised, words[1:])):
        lower = words[0].lower()
        return re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text) is None
    return True


def is_named(actor: Actor, text: str = "") -> bool:
    """True if one of the actor's names is a proper name (``is_proper_name``)."""
    return any(is_proper_name(name, text) for name in actor_names(actor))


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
class PronounCounts:
    """Gold third-person pronouns of people, and how many the analysis resolved how."""

    gold: int = 0
    right: int = 0
    wrong: int = 0

    @property
    def unresolved(self) -> int:
        return self.gold - self.right - self.wrong

    def __add__(self, other: PronounCounts) -> PronounCounts:
        return PronounCounts(
            self.gold + other.gold, self.right + other.right, self.wrong + other.wrong
        )

    def scores(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "right": self.right,
            "wrong": self.wrong,
            "unresolved": self.unresolved,
            "right_share": self.right / self.gold if self.gold else 0.0,
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
    #: Gold names of organisations split over several system organisations, and the gold
    #: people one system actor merges ("Ann Lee + Bo Tan").
    split_organisations: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()
    matched_gold: int = 0
    wrong_kind: tuple[str, ...] = ()
    not_actors: tuple[str, ...] = ()
    #: PolNeAR: system sources left out because they match only a non-speech name, and
    #: those left out because no statement of theirs names its speaker.
    ignored_sources: int = 0
    unnamed_sources: int = 0
    #: Third-person pronouns of people, or None when the gold has no pronouns.
    pronouns: PronounCounts | None = None
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
    split, split_organisations, non_person, wrong_kind = [], [], [], []
    for index, gold_actor in enumerate(gold.actors):
        matched = by_gold[index]
        kinds = {a.kind for a in matched}
        if gold_actor.kind == "person" and sum(a.kind == "person" for a in matched) >= 2:
            split.append(gold_actor.name)
            record.actors("split", gold_actor, matched)
        if (
            gold_actor.kind == "organisation"
            and sum(a.kind == "organisation" for a in matched) >= 2
        ):
            split_organisations.append(gold_actor.name)
            record.actors("split organisation", gold_actor, matched)
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
    merged = []
    for actor in actors:
        held = merged_people(actor, gold.actors)
        if held:
            merged.append(" + ".join(g.name for g in held))
            record.actors("merged people", None, (actor,), merged=held)
    not_actor_forms = forms_of(gold.not_actors)
    not_actors = [a.name for a in actors if forms_of(actor_names(a)) & not_actor_forms]
    for actor in actors:
        if actor.id not in assigned:
            category = "not-actor became actor" if actor.name in not_actors else "spurious actor"
            record.actors(category, None, (actor,))
    statements, end_to_end = _statements(gold, analysis, assigned, record)
    pronouns = _pronouns(gold, analysis, assigned, record) if gold.pronouns is not None else None
    return CastScore(
        stem=gold.stem,
        part=gold.part,
        beat=gold.beat,
        people=people,
        sources=sources,
        statements=statements,
        end_to_end=end_to_end,
        split=tuple(split),
        split_organisations=tuple(split_organisations),
        merged=tuple(merged),
        non_person=tuple(non_person),
        matched_gold=sum(bool(m) for m in by_gold),
        wrong_kind=tuple(wrong_kind),
        not_actors=tuple(not_actors),
        pronouns=pronouns,
        errors=tuple(record.records),
    )


def merged_people(actor: Actor, gold: Sequence[GoldActor]) -> list[GoldActor]:
    """The gold persons the actor's names match, when there are two or more.

    Here a form two gold persons share says nothing ("McBride" of "Ms McBride" and "Mr
    McBride"): a person is held through a form only it has, or by containment.
    """
    names = actor_names(actor)
    system = forms_of(names)
    people = [g for g in gold if g.kind == "person"]
    forms = [forms_of(g.names) for g in people]
    seen = Counter(form for own in forms for form in own)
    held = [
        person
        for person, own in zip(people, forms, strict=True)
        if system & {f for f in own if seen[f] == 1} or match_strength(names, person.names)[1]
    ]
    return held if len(held) >= 2 else []


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
    """Statements and end-to-end: precision counts system statements, recall gold ones.

    A system statement is right once, however many gold fragments it finds (so a system
    that joins the parts of a quotation neither gains nor loses precision by it); each gold
    fragment it finds is found. End to end, its actor counts only when it is named
    (``is_named``): an actor named only by a role noun stands for no gold actor, so it is
    right only where the gold speaker is unnamed too.
    """
    golds = [_gold_quote(gold.article.text, s) for s in gold.statements]
    predictions = predictions_of(analysis)
    matches = match_quotes(golds, predictions, SPEAKER_THRESHOLD)
    matches = _join_fragments(gold.statements, golds, predictions, matches)
    text = gold.article.text
    named = {a.id for a in analysis.actors if is_named(a, text)}
    right: set[int] = set()
    for statement, match in zip(gold.statements, matches, strict=True):
        if match is None:
            record.statement("missed statement", statement, None)
            continue
        quote = analysis.quotes[match]
        speaker = gold.actor_index(statement.speaker)
        actor_gold = assigned.get(quote.actor) if quote.actor in named else None
        if actor_gold == speaker:
            right.add(match)
        else:
            record.statement("wrong speaker", statement, match)
    used = {m for m in matches if m is not None}
    for index in range(len(predictions)):
        if index not in used:
            record.statement("spurious statement", None, index)
    found = sum(m is not None for m in matches)
    found_right = sum(m in right for m in matches)
    return (
        Counts(len(predictions), len(used), len(golds), found),
        Counts(len(predictions), len(right), len(golds), found_right),
    )


def _join_fragments(
    statements: Sequence[GoldStatement],
    golds: Sequence[GoldQuote],
    predictions: Sequence[PredictedQuote],
    matches: Sequence[int | None],
) -> list[int | None]:
    """Give each gold statement left unmatched the system statement that found another part
    of the same quotation, if it covers more than ``SPEAKER_THRESHOLD`` of it too.

    Parts of one quotation are gold statements of one speaker (or all unnamed) with no
    statement of another speaker between them in the text: the fragments of a quotation
    split around its cue, the paragraphs of a long one, or two that-clauses of one cue. The
    one-to-one matches are kept as they are; this only finds the parts a longer system
    statement covers.
    """
    joined = list(matches)
    order = text_order(golds)
    position = {index: rank for rank, index in enumerate(order)}
    for index in order:
        length = total_length(golds[index].spans)
        if joined[index] is not None or not length:
            continue
        best, best_ratio = None, SPEAKER_THRESHOLD
        for candidate, prediction in enumerate(predictions):
            parts = [i for i, m in enumerate(joined) if m == candidate]
            ranks = [position[i] for i in (*parts, index)]
            between = (statements[order[r]].speaker for r in range(min(ranks), max(ranks) + 1))
            if not parts or any(s != statements[index].speaker for s in between):
                continue
            ratio = overlap(golds[index].spans, prediction.spans) / length
            if ratio > best_ratio:
                best, best_ratio = candidate, ratio
        joined[index] = best
    return joined


def scored_pronouns(gold: CastArticle) -> list[GoldPronoun]:
    """The gold pronouns scored: third person, referring to people (he, her, their …)."""
    return [p for p in gold.pronouns or () if p.person == 3 and p.kind == "person"]


def _pronouns(
    gold: CastArticle, analysis: Analysis, assigned: dict[str, int], record: _Recorder
) -> PronounCounts:
    """Each gold pronoun against the analysis's pronoun mention at its place."""
    system = sorted((e.start, e.end, e.actor) for e in analysis.entities if e.label == PRONOUN)
    starts = [start for start, _, _ in system]
    right = wrong = 0
    scored = scored_pronouns(gold)
    for pronoun in scored:
        index = bisect_right(starts, pronoun.end - 1) - 1
        actor = None
        if index >= 0 and system[index][1] > pronoun.start:
            actor = system[index][2]
        if actor is None:
            record.pronoun("pronoun unresolved", pronoun, None)
        elif assigned.get(actor) == gold.actor_index(pronoun.actor):
            right += 1
        else:
            wrong += 1
            record.pronoun("pronoun to a wrong actor", pronoun, analysis.actor(actor))
    return PronounCounts(len(scored), right, wrong)


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

    def actors(
        self,
        category: str,
        gold_actor: GoldActor | None,
        system: Sequence[Actor],
        merged: Sequence[GoldActor] = (),
    ) -> None:
        """One error about actors; ``merged`` are the gold people one system actor holds."""
        span = self._system_span(system[0]) if system else None
        if gold_actor is not None and (span is None or category.startswith("missed")):
            span = _find_any(self.gold.article.text, gold_actor.names)
        golds = list(merged) or ([gold_actor] if gold_actor else [])
        self._add(
            category,
            span,
            gold_name=" + ".join(g.name for g in golds) if golds else None,
            gold_kind=golds[0].kind if golds else None,
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

    def pronoun(self, category: str, gold: GoldPronoun, actor: Actor | None) -> None:
        self._add(
            category,
            (gold.start, gold.end),
            pronoun=gold.text,
            gold_actor=gold.actor,
            predicted_actor=actor.name if actor else None,
        )

    def _system_span(self, actor: Actor) -> tuple[int, int] | None:
        entity = next(
            (e for e in self.analysis.entities if e.actor == actor.id and e.label != PRONOUN),
            None,
        )
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
