"""Bodies the tagger takes for places or people, told by the words of their name or the
result lines around them.

- an outlet, by the last word of its name: "the Saudi Gazette", "Deseret News";
- an institution named "<Institution> of <place>": "the Municipality of Livorno";
- a national team, named like its country, in a sports result: "Belgium 3 – 0 Panama",
  "Sweden defeated South Korea 1 – 0" (every mention of that name in the article is the
  team, as news of a match means);
- a body named in another language by its first word: "Instituto Gonzaga", "Istituto
  Tecnico Fermi" (the word joined back when the tagger left it out);
- a party named by a plural after a word: "the Neo Democrats";
- a university with its campus: "University of North Carolina at Chapel Hill" is one body,
  not a university and a town.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.lexicon.demonyms import COUNTRIES
from reader.lexicon.groups import (
    BODY_FIRST_WORDS,
    INSTITUTION_NOUNS,
    OUTLET_HEADS,
    PARTY_PLURALS,
)
from reader.lexicon.open_class import given_name, place_kind
from reader.model import Entity
from reader.nlp.labels import ACTOR_LABELS, CARDINAL, GPE, LOC, ORG, PERSON, PLACE_LABELS, PRODUCT

_PLACE_OR_PERSON = ACTOR_LABELS - {ORG}
_INSTITUTION_OF = re.compile(
    r"^(?:the\s+)?(?:"
    + "|".join(sorted(INSTITUTION_NOUNS, key=len, reverse=True))
    + r")\s+of\s+[A-Z]",
    re.IGNORECASE,
)
#: "Belgium 3 – 0 Panama", "Sweden 1-0 South Korea": two sides around a score.
_SCORE = r"\d{1,2}\s*[–—-]\s*\d{1,2}"
_RESULT_VERBS = (
    r"(?:defeated|beat|beats|defeats|lost|lose|loses|drew|draws|tied|edged|thrashed|routed)"
)


def bodies_by_form(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` with outlets, institutions, bodies named in other languages and parties
    relabelled ORG, and universities joined to their campus."""
    result = []
    for entity in _campuses_joined(text, [_foreign_body(text, e) for e in entities]):
        entity = _without_score(text, entity)
        bare = entity.text.removeprefix("the ").removeprefix("The ")
        words = bare.split()
        outlet = (
            len(words) >= 2
            and words[-1].lower() in OUTLET_HEADS
            and not (entity.label == "PERSON" and given_name(words[0]) is not None)
        )
        party = len(words) >= 2 and words[-1].lower() in PARTY_PLURALS
        foreign = words[0].lower() in BODY_FIRST_WORDS if words else False
        is_body = entity.label in _PLACE_OR_PERSON and (
            outlet or party or foreign or _INSTITUTION_OF.match(entity.text) is not None
        )
        if is_body:
            entity = Entity(entity.start, entity.end, entity.text, "ORG", entity.actor)
        result.append(entity)
    return result


#: A capitalised word just before a name: the first word of a body the tagger left out.
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]+)[ \t]+$")


def _foreign_body(text: str, entity: Entity) -> Entity:
    """ "Istituto Tecnico Fermi" tagged "Tecnico Fermi": the body's first word joined back."""
    before = _WORD_BEFORE.search(text, max(0, entity.start - 30), entity.start)
    if before is None or before.group(1).lower() not in BODY_FIRST_WORDS:
        return entity
    start = before.start(1)
    return Entity(start, entity.end, text[start : entity.end], ORG, entity.actor)


#: A university's name: its first word, or its second after "the".
_UNIVERSITY = re.compile(r"(?:[Tt]he\s+)?University(?:\s|$)")


def _campuses_joined(text: str, entities: list[Entity]) -> list[Entity]:
    """ "University of North Carolina" + " at " + "Chapel Hill": one body."""
    joined: list[Entity] = []
    for entity in entities:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label == ORG
            and _UNIVERSITY.match(previous.text) is not None
            and entity.label in PLACE_LABELS
            and text[previous.end : entity.start] == " at "
        ):
            whole = text[previous.start : entity.end]
            joined[-1] = Entity(previous.start, entity.end, whole, ORG, previous.actor)
            continue
        joined.append(entity)
    return joined


_SIDE = r"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
_SCORELINE = re.compile(rf"{_SIDE}\s+{_SCORE}\s+{_SIDE}")
_RESULT_LINE = re.compile(
    rf"{_SIDE}\s+{_RESULT_VERBS}\s+(?:{_SCORE}\s+)?(?:to\s+)?(?:debutants\s+)?{_SIDE}"
)


def teams_as_organisations(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Every mention of a country that plays in a result line, as the team (ORG)."""
    teams = national_teams(text, entities)
    if not teams:
        return list(entities)
    return [
        Entity(e.start, e.end, e.text, "ORG", e.actor)
        if e.text in teams and e.label in (GPE, LOC, PERSON)
        else e
        for e in entities
    ]


def national_teams(text: str, entities: Sequence[Entity]) -> set[str]:
    """Country names that play in a result line of the article: the sides around a score,
    or the subject and object of "defeated", "lost to"… in a paragraph with a score."""
    if re.search(_SCORE, text) is None:
        return set()
    places = {e.text for e in entities if e.label in PLACE_LABELS}

    def country(name: str) -> bool:
        return place_kind(name) == "country" or name in COUNTRIES or name in places

    teams: set[str] = set()
    for pattern in (_SCORELINE, _RESULT_LINE):
        for match in pattern.finditer(text):
            sides = [g for g in match.groups() if g]
            if len(sides) == 2 and all(country(side) for side in sides):
                teams.update(sides)
    return teams


_TRAILING_SCORE = re.compile(r"\s+\d{1,2}$")


def _without_score(text: str, entity: Entity) -> Entity:
    """ "putting Sweden 1 – 0 up": the tagger takes the score into the name."""
    found = _TRAILING_SCORE.search(entity.text)
    if found is None or not re.match(r"\s*[–—-]\s*\d", text[entity.end : entity.end + 6]):
        return entity
    name = entity.text[: found.start()]
    label = "GPE" if entity.label in (PRODUCT, CARDINAL) else entity.label
    return Entity(entity.start, entity.start + len(name), name, label, entity.actor)
