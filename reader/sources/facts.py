"""What an article says of each of its sources: one ``SourceFacts`` per actor that spoke.

``source_facts`` is a pure function of an ``Analysis``: it reads the actors, their
statements, the pronouns resolved to them and the text around their names, and nothing
else (no model, no library). The library stores its answer with every article it writes,
so that the sources of 100,000 articles are counted by SQL alone.

* **named**: the actor has a name, not only a description. Unnamed: the analysis marked it
  ``description`` (``reader.actors.doubts``: "officials said", "a spokesperson"), or every
  name of it is a common noun (``reader.actors.descriptions``: "Police said").
* **kind**: ``Actor.kind`` (person, organisation, group, place, other).
* **role**: ``reader.sources.roles`` (None: not stated).
* **gender**: ``reader.sources.gender``, for people only (None: not stated).
* **statements**: how many it made, and how many were direct quotes, partly quoted, or
  reported speech (``Quote.kind``).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.actors.descriptions import is_description
from reader.model import Actor, Analysis
from reader.sources.gender import gender_of
from reader.sources.phrases import Mentions, described
from reader.sources.roles import ROLE_WORDS_ALL, role_of


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """One source of one article, as its text tells it."""

    #: The actor's id in the analysis (``Actor.id``).
    actor: str
    name: str
    kind: str
    named: bool
    #: A class of ``reader.sources.roles.ROLES``, or None: not stated.
    role: str | None
    #: The word of the text that told the role ("Minister", "residents").
    role_word: str | None
    #: "female", "male", or None: not stated.
    gender: str | None
    #: How the text told it: one of ``reader.sources.gender.TOLD_BY``, or None.
    gender_by: str | None
    #: The word that told it ("Mrs", "she", "Maria").
    gender_word: str | None
    statements: int
    direct: int
    mixed: int
    indirect: int


def source_facts(analysis: Analysis) -> tuple[SourceFacts, ...]:
    """The facts of every actor of ``analysis`` that made a statement, in actor order."""
    kinds: dict[str, dict[str, int]] = {}
    for quote in analysis.quotes:
        if quote.actor is not None:
            said = kinds.setdefault(quote.actor, {})
            said[quote.kind] = said.get(quote.kind, 0) + 1
    mentions = Mentions.of(analysis)
    text = analysis.article.text
    return tuple(
        facts_of(text, actor, mentions, kinds[actor.id])
        for actor in analysis.actors
        if actor.id in kinds
    )


def facts_of(text: str, actor: Actor, mentions: Mentions, kinds: dict[str, int]) -> SourceFacts:
    """The facts of one source of the article ``text``, whose statements are of ``kinds``
    (kind → how many)."""
    named = is_named(actor)
    phrases = described(text, actor, mentions, ROLE_WORDS_ALL, description=not named)
    role = role_of(phrases)
    gender = gender_of(actor, phrases, mentions)
    return SourceFacts(
        actor=actor.id,
        name=actor.name,
        kind=actor.kind,
        named=named,
        role=role.role if role else None,
        role_word=role.word if role else None,
        gender=gender.gender if gender else None,
        gender_by=gender.told_by if gender else None,
        gender_word=gender.word if gender else None,
        statements=sum(kinds.values()),
        direct=kinds.get("direct", 0),
        mixed=kinds.get("mixed", 0),
        indirect=kinds.get("indirect", 0),
    )


def is_named(actor: Actor) -> bool:
    """The actor has a name, not only a description ("officials", "a spokesperson")."""
    return "description" not in actor.doubts and not is_description(actor.name, actor.aliases)
