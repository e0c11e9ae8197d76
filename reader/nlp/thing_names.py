"""Things the tagger takes for actors, told by the form of their name or the noun before it.

Real news names many things the way it names people and bodies, and the tagger calls them
PERSON, ORG or GPE. They are relabelled to what they are, so they are highlighted but are
not in the cast:

- codes of products, versions and missions: "IE9", "STS-134", "COVID-19";
- web addresses: "Gawker.com", "Scientology.org";
- vehicles: "Space Shuttle Atlantis", "the cruise ship Freewinds";
- events, prizes and studies, by the last word of the name: "Google Science Fair",
  "Booker Prize", "the Australian National Iodine Nutrition Study"; storms by the first
  ("Cyclone Phailin", and "Phailin" after it);
- works, by the noun that introduces the title: "the 1969 film Easy Rider", "her graphic
  novel Angel Catbird".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.lexicon.furniture import EVENT_HEADS, STORM_WORDS, VEHICLE_WORDS, WORK_NOUNS
from reader.lexicon.groups import BODY_NOUNS
from reader.model import Entity
from reader.nlp.labels import ACTOR_LABELS

#: Capital letters, then digits: a model, version or mission code ("IE9", "STS-134").
_CODE = re.compile(r"^[A-Z]{2,}-?\d+[a-z]?$")
_GROUP_OF_A_DRAW = re.compile(r"^(?:Group|Pool|Round)\s+(?:[A-Z]|\d{1,2})$")
_WEB_ADDRESS = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|co|info)$", re.I)
#: "the 1969 film", "her graphic novel", "the new album": a work noun right before a title,
#: with at most two words between the determiner and the noun.
_WORK_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|new|latest)\s+(?:[\w-]+\s+){0,2}("
    + "|".join(sorted(WORK_NOUNS, key=len, reverse=True))
    + r"),?\s+$",
    re.IGNORECASE,
)


def things_by_form(text: str, entities: Iterable[Entity]) -> list[Entity]:
    """``entities`` with codes, web addresses, vehicles, events and works relabelled."""
    found = list(entities)
    labels = [_thing_label(text, e) if e.label in ACTOR_LABELS else None for e in found]
    # "Space Shuttle Columbia … Columbia was lost": later mentions are the same thing.
    things: dict[str, str] = {}
    for entity, label in zip(found, labels, strict=True):
        if label is not None:
            name = _bare(entity.text)
            things[name] = label
            if (label == "PRODUCT" and len(name.split()) > 1) or _storm(name):
                things.setdefault(name.split()[-1], label)  # "Phailin" after "Cyclone Phailin"
    result = []
    for entity, label in zip(found, labels, strict=True):
        if label is None and entity.label in ACTOR_LABELS:
            label = things.get(_bare(entity.text))
        result.append(
            entity
            if label is None
            else Entity(entity.start, entity.end, entity.text, label, entity.actor)
        )
    return result


def _storm(name: str) -> bool:
    """ "Hurricane Katrina", "Cyclone Phailin", "Tropical Storm Alberto"."""
    words = name.split()
    return len(words) >= 2 and words[0].lower() in STORM_WORDS and words[-1][:1].isupper()


def _bare(name: str) -> str:
    return name.removeprefix("the ").removeprefix("The ")


def _thing_label(text: str, entity: Entity) -> str | None:
    name = _bare(entity.text)
    words = name.split()
    if not words:
        return None
    if _CODE.match(name):
        return "PRODUCT"
    if _GROUP_OF_A_DRAW.match(name):
        return "EVENT"  # "Group G" of a tournament
    if _WEB_ADDRESS.match(name) and not _named_as_a_body(text, entity.start):
        return "PRODUCT"  # a site; "the security firm Secunia.com" stays the firm
    before = {w.strip(",").lower() for w in text[max(0, entity.start - 40) : entity.start].split()}
    vehicle_before = not before.isdisjoint(VEHICLE_WORDS) and _vehicle_before(text, entity.start)
    if vehicle_before or any(w.lower() in VEHICLE_WORDS for w in words):
        return "PRODUCT"
    if (len(words) >= 2 and words[-1].lower() in EVENT_HEADS) or _storm(name):
        return "EVENT"
    if not before.isdisjoint(WORK_NOUNS) and _WORK_BEFORE.search(
        text, max(0, entity.start - 40), entity.start
    ):
        return "WORK_OF_ART"
    return None


_VEHICLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(VEHICLE_WORDS, key=len, reverse=True)) + r"),?\s+$", re.I
)


def _vehicle_before(text: str, start: int) -> bool:
    """ "the cruise ship, Freewinds", "the probe Juno": a vehicle noun right before."""
    return _VEHICLE_BEFORE.search(text, max(0, start - 20), start) is not None


def _named_as_a_body(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1].lower() in BODY_NOUNS
