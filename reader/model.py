"""The plain, immutable values that flow from a file to the library and the interface.

``Article`` is what a file holds; ``Analysis`` is what the NLP made of it: entities,
statements (quotes and reported speech) and actors, all as character offsets into
``Article.text``. Renderers (the Qt view, JSON output, the library) read these and nothing
else, so an Analysis is computed once and never re-derived.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Literal

QuoteKind = Literal["direct", "mixed", "indirect"]
ActorKind = Literal["person", "organisation", "place", "group", "other"]

#: Bump when the rules change in a way that alters stored analyses.
RULES_VERSION = 15

#: Statements less sure than this are marked "check this" until a reader sets another.
CHECK_THRESHOLD = 0.7
#: The rule of a statement a reader added ("add a statement"): nothing to check.
READER_RULE = "reader"

#: The label of an ``Entity`` that is a third-person pronoun ("he", "her", "their"): a
#: mention of the actor it resolves to, not a name. Renderers do not colour it as a name.
PRONOUN = "PRONOUN"


@dataclass(frozen=True, slots=True)
class Article:
    """An opened article: its text and what is known about where it came from."""

    title: str | None
    text: str
    source: Path | None
    format: str
    sha256: str
    byline: str | None = None
    published: str | None = None
    #: The newspaper or site that published it, when the file says ("The Guardian").
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention: ``text == article.text[start:end]``.

    Labelled ``PRONOUN``, a third-person pronoun and the actor it resolves to (None when
    unresolved); ``named`` tells the names from the pronouns.
    """

    start: int
    end: int
    text: str
    label: str
    actor: str | None = None

    @property
    def named(self) -> bool:
        """True for a name ("Angela Merkel"), False for a pronoun ("she")."""
        return self.label != PRONOUN


def is_to_check(
    confidence: float | None, reviewed: bool, rule: str | None, threshold: float
) -> bool:
    """A statement is marked "check this" when it is less sure than ``threshold`` and no
    reader has accepted it, chosen its speaker or added it (the one rule for a ``Quote``
    and a stored statement; ``reader.library.review`` says it in SQL)."""
    if reviewed or rule == READER_RULE or confidence is None:
        return False
    return confidence < threshold


@dataclass(frozen=True, slots=True)
class Subject:
    """What a statement is about: an actor its content names, or one of its key noun phrases.

    ``text == article.text[start:end]``; ``key`` is the actor's id (rule ``named``) or the
    phrase's lemmas, lower case ("military site"), whose last word is its head.
    """

    start: int
    end: int
    text: str
    key: str
    #: How it was found (``reader.positions.subjects``): "named" or "noun_phrase".
    rule: str
    #: For a named actor, its ``Actor.id``; for a phrase, the actor that owns or qualifies it
    #: ("Ankara's occupation", "Russian military sites"), or None.
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement attributed to a speaker: a direct quote or reported speech.

    ``spans`` holds the content fragments (a quote split around its cue has several);
    ``start``/``end`` cover them all. Speaker and cue offsets are both set or both None.
    """

    start: int
    end: int
    text: str
    spans: tuple[tuple[int, int], ...]
    kind: QuoteKind
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    actor: str | None = None
    confidence: float | None = None
    #: The ``reader.attribution.rules.Rule`` value that found the statement (None if stored before).
    rule: str | None = None
    #: The outlet the statement was reported through ("Per Mirror, al-Assad stated …"), or None.
    via: str | None = None
    #: Why a reader may want to check it (``reader.actors.doubts``: "pronoun", "role", …).
    doubts: tuple[str, ...] = ()
    #: A reader checked it and accepted it as it is (an ``Accept`` correction).
    reviewed: bool = False
    #: What the statement is about (``reader.positions.subjects``), in text order.
    subjects: tuple[Subject, ...] = ()

    def to_check(self, threshold: float = CHECK_THRESHOLD) -> bool:
        """Marked "check this": less sure than ``threshold`` and not reviewed by a reader."""
        return is_to_check(self.confidence, bool(self.reviewed), self.rule, threshold)


@dataclass(frozen=True, slots=True)
class Actor:
    """One person, organisation, place or group, however it is written in the article."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    quotes: tuple[int, ...] = ()
    #: For a nationality group ("the Syrians"), the country it belongs to ("Syria").
    country: str | None = None
    #: Why a reader may want to check it (``reader.actors.doubts``: "kind", "description").
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the NLP found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = field(default_factory=tuple)
    version: str = ""

    @property
    def names(self) -> tuple[Entity, ...]:
        """The entities that are names: all but the pronouns (``Entity.named``)."""
        return tuple(e for e in self.entities if e.named)

    def label_counts(self) -> Counter[str]:
        """How many entities of each label, pronouns (``PRONOUN``) included: one pass in C,
        for a 100,000-word article on the GUI thread."""
        return Counter(map(attrgetter("label"), self.entities))

    def name_count(self) -> int:
        """How many entities are names (``len(names)``, without building the tuple)."""
        labels = self.label_counts()
        return labels.total() - labels[PRONOUN]

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)
