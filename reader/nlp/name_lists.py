"""A list of names shares the kind most of its tagged members have.

"the ancient gods, such as Zeus, Hera, Poseidon, Aphrodite, and Athena": the tagger calls
two of them people, one an organisation, and misses two. Names coordinated in one list are
the same kind of thing, so when most of a list's members are people (two at least, each
tagged a person or a given name the data knows), a one-word member tagged otherwise, or not
tagged at all, is a person too, and so is a member of two or three capitalised words the tagger cut
or typed otherwise ("Romelu Lukaku, Yannick Carrasco, and Dries Mertens", "Dries" tagged
an organisation), unless its last word is a body's or a place's ("the Red Cross" in a list
of people is still a body). A member the place data calls a country or state ("Zeus, Hera
and Greece"), or a town the tagger calls a place too, stays a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lexicon.groups import BODY_WORDS
from reader.lexicon.open_class import given_name, place_kind
from reader.model import Entity
from reader.nlp.labels import (
    COMPOUND,
    CONJ,
    FAC,
    GPE,
    LOC,
    NORP,
    ORG,
    PERSON,
    PRODUCT,
    WORK_OF_ART,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.nlp.parsing import Paragraph

#: Labels a one-word member of a list of people may be given by mistake.
_RELABELLED = frozenset({ORG, GPE, LOC, NORP, PRODUCT, WORK_OF_ART, FAC})


def people_in_lists(paragraph: Paragraph, entities: list[Entity]) -> list[Entity]:
    """The paragraph's entities with the members of lists of people made people."""
    doc = paragraph.doc
    if len(entities) < 2:
        return entities
    firsts = _list_openers(doc)
    if not firsts:
        return entities
    by_token: dict[int, Entity] = {}
    for entity in entities:
        span = doc.char_span(entity.start - paragraph.start, entity.end - paragraph.start)
        if span is not None:
            for token in span:
                by_token[token.i] = entity
    result = list(entities)
    for first in firsts:
        members = _list_members(doc[first])
        if len(members) >= 3:
            result = _members_as_people(members, by_token, result, paragraph)
    return sorted(result, key=lambda e: (e.start, e.end))


def _list_openers(doc: Doc) -> list[int]:
    """The first member of each chain of proper nouns joined as conjuncts, read from the
    parse's arrays (no token objects made for the rest of the paragraph)."""
    dep, pos = doc.to_array(["DEP", "POS"]).T
    head = doc.to_array("HEAD").astype("int64")  # relative: negative for a head before
    conj, propn = doc.vocab.strings[CONJ], doc.vocab.strings["PROPN"]
    firsts: set[int] = set()
    for i in (dep == conj).nonzero()[0]:
        if pos[i] != propn:
            continue
        j = int(i)
        while dep[j] == conj and head[j] != 0:
            j += int(head[j])  # up to the member the chain hangs from
        if pos[j] == propn:
            firsts.add(j)
    return sorted(firsts)


def _list_members(first: Token) -> list[Token]:
    """``first`` and the proper nouns coordinated with it, in order."""
    members = [first]
    current = first
    while True:
        following = [c for c in current.children if c.dep_ == CONJ and c.pos_ == "PROPN"]
        if not following:
            return members
        current = following[0]
        members.append(current)


def _members_as_people(
    members: list[Token], by_token: dict[int, Entity], entities: list[Entity], paragraph: Paragraph
) -> list[Entity]:
    people = sum(1 for m in members if _person_like(m, by_token.get(m.i)))
    if people < 2 or people * 2 <= len(members):
        return entities
    result = list(entities)
    for member in members:
        if not _one_word_name(member):
            result = _split_name_joined(member, result, paragraph)
            continue
        start = paragraph.start + member.idx
        end = start + len(member.text)
        entity = by_token.get(member.i)
        if entity is not None and entity.label == PERSON:
            continue
        if entity is not None and (
            entity.label not in _RELABELLED or (entity.start, entity.end) != (start, end)
        ):
            continue  # a name of several words, or a date or number
        place = place_kind(member.text)
        if place in ("country", "state") or (
            place is not None and entity is not None and entity.label == GPE
        ):
            continue  # "Zeus, Hera and Greece"; a town the tagger and the data agree on
        if entity is not None:
            result.remove(entity)
        result.append(Entity(start, end, member.text, PERSON))
    return result


def _split_name_joined(member: Token, entities: list[Entity], paragraph: Paragraph) -> list[Entity]:
    """A member of two or three capitalised words ("Dries Mertens") that the tagger cut or
    typed as something else in a list of people is one person."""
    words = _name_words(member)
    first, last = words[0], words[-1]
    if len(words) > 3 or last.i - first.i + 1 != len(words):
        return entities
    if not all(w.pos_ == "PROPN" and w.is_alpha and w.text[:1].isupper() for w in words):
        return entities
    if last.lower_ in BODY_WORDS or place_kind(last.text) is not None:
        return entities
    start = paragraph.start + first.idx
    end = paragraph.start + last.idx + len(last.text)
    overlapping = [e for e in entities if e.start < end and start < e.end]
    if any(e.label == PERSON for e in overlapping):
        return entities  # the tagger's person stands
    if any(e.start < start or e.end > end or e.label not in _RELABELLED for e in overlapping):
        return entities
    kept = [e for e in entities if e not in overlapping]
    name = paragraph.text[first.idx : last.idx + len(last.text)]
    return [*kept, Entity(start, end, name, PERSON)]


def _person_like(member: Token, entity: Entity | None) -> bool:
    """Tagged a person, or led by a given name the data knows that is not a place it knows."""
    if entity is not None and entity.label == PERSON:
        return True
    first = _name_words(member)[0]  # "Yannick" of "Yannick Carrasco"
    return given_name(first.text) is not None and place_kind(first.text) is None


def _name_words(member: Token) -> list[Token]:
    """The words of a member's name: the name words before it ("Dries" of "Dries
    Mertens") and the member itself."""
    return [c for c in member.lefts if c.dep_ == COMPOUND] + [member]


def _one_word_name(token: Token) -> bool:
    """A capitalised word standing alone: no name word before or after it."""
    if not token.text[:1].isupper() or not token.is_alpha:
        return False
    return not any(c.dep_ == COMPOUND for c in token.children)
