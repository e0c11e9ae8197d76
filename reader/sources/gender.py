"""A person's gender, only where the article's text tells it; never guessed from nothing.

Four kinds of evidence, taken in this order, the first that tells deciding:

1. ``honorific``: a gendered honorific in a title written with the person's name or
   opening its speaker ("Mrs Joan Keane", "Mr Okafor said", "Sir …"; ``HONORIFICS`` of
   ``reader.lexicon.titles``; "Dr" and "Prof" tell none);
2. ``noun``: a gendered title or noun describing the person ("spokeswoman", "Queen",
   "chairman", "a mother of three"; ``GENDERED_TITLES`` and ``GENDERED_PEOPLE``), in the
   phrases of ``reader.sources.phrases``;
3. ``pronoun``: the third-person pronouns the analysis resolved to the person (entities
   labelled ``PRONOUN`` carrying its actor id: "he", "her", …);
4. ``given-name``: the person's given name, the first word of its fullest name when that
   has two words or more (titles left out, an initial never), in the packaged given-name
   data (``reader.lexicon.open_class``) with at least ``CLEAR_SHARE`` of its bearers women,
   or at most ``1 - CLEAR_SHARE``: "Margaret", "Thomas"; not "Jordan" or "Kim".

Within one kind the evidence must agree ("he" twice and "she" once tells nothing, and the
next kind is asked). Only people have a gender here; a person the text tells nothing of
stays "not stated" ("J. Okafor said… Okafor added").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.lexicon.open_class import given_name
from reader.lexicon.pronouns import PRONOUNS
from reader.lexicon.titles import HONORIFICS
from reader.model import Actor
from reader.sources.phrases import (
    Described,
    Mentions,
    gendered_word,
    head_words,
    leading_title,
    words_in,
)

#: The share of a given name's bearers who must be women (or men) for the name to tell.
#: Stricter than the 0.9 the analysis uses to pick between two people for a pronoun.
CLEAR_SHARE = 0.95

HONORIFIC = "honorific"
NOUN = "noun"
PRONOUN_EVIDENCE = "pronoun"
GIVEN_NAME = "given-name"

#: How a gender can be told, in the order the evidence is asked.
TOLD_BY = (HONORIFIC, NOUN, PRONOUN_EVIDENCE, GIVEN_NAME)


@dataclass(frozen=True, slots=True)
class GenderFinding:
    """A gender ("female" or "male"), how the text told it, and the word that did."""

    gender: str
    told_by: str
    word: str


def gender_of(actor: Actor, described: Described, mentions: Mentions) -> GenderFinding | None:
    """The gender the text tells for ``actor`` (a person), or None: not stated."""
    if actor.kind != "person":
        return None
    honorifics = (
        (HONORIFICS.get(word.key), word.text) for title in described.titles for word in title
    )
    nouns = (
        (gendered_word(word), word.text)
        for phrase in (*described.titles, *map(head_words, described.phrases))
        for word in phrase
    )
    return (
        _found(_agreeing(honorifics), HONORIFIC)
        or _found(_agreeing(nouns), NOUN)
        or _found(_agreeing(_pronouns(actor, mentions)), PRONOUN_EVIDENCE)
        or _given_name(actor)
    )


def _found(agreed: tuple[str, str] | None, told_by: str) -> GenderFinding | None:
    return GenderFinding(agreed[0], told_by, agreed[1]) if agreed is not None else None


def _agreeing(evidence: Iterable[tuple[str | None, str]]) -> tuple[str, str] | None:
    """The one gender all the evidence gives, with its first word; None if none or mixed."""
    genders: dict[str, str] = {}
    for gender, word in evidence:
        if gender in ("female", "male"):
            genders.setdefault(gender, word)
    if len(genders) != 1:
        return None
    ((gender, word),) = genders.items()
    return gender, word


def _pronouns(actor: Actor, mentions: Mentions) -> Iterable[tuple[str | None, str]]:
    for entity in mentions.pronouns.get(actor.id, []):
        yield PRONOUNS.get(entity.text.lower()), entity.text


def _given_name(actor: Actor) -> GenderFinding | None:
    words = words_in(actor.name, 0, len(actor.name))
    words = words[len(leading_title(words)) :]
    if len(words) < 2:
        return None  # a surname alone ("Okafor") is no given name
    first = words[0].text
    if len(first) < 2 or first.endswith(".") or not first.isalpha():
        return None  # an initial ("J.") tells nothing
    found = given_name(first)
    if found is None:
        return None
    if found.share_female >= CLEAR_SHARE:
        return GenderFinding("female", GIVEN_NAME, first)
    if found.share_female <= 1 - CLEAR_SHARE:
        return GenderFinding("male", GIVEN_NAME, first)
    return None
