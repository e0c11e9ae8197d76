"""Named entities from the parsed paragraphs, corrected for what real news needs.

The statistical model alone gets five things wrong often enough to matter in news:
- a surname used on its own after the full name ("al-Assad" after "Bashar al-Assad") is
  frequently labelled ORG or missed; once an article names a person in full, the last part
  of that name is a PERSON everywhere in the article;
- the possessive "'s" is swallowed into the entity ("al-Assad's");
- title-case headline fragments look like names ("Russian Jet Collide"); in a headline an
  entity is kept only when the same string is an entity in the body;
- a source phrase is swallowed into the name ("Per Mirror", "According to Reuters");
- a one-word outlet after "news agency" or "newspaper" is labelled a person ("Sputnik");
- names are cut, padded or glued (``reader.nlp.name_repair``);
- a person's surname is labelled a place ("Lagarde said …" after "Christine Lagarde"): a
  place-labelled surname is the person unless it follows a preposition of place ("in
  Washington") without speaking;
- a person's name is labelled an organisation or place ("Its chairwoman, Aileen MacLeod"):
  a name apposed to a role noun, or after a role word or honorific, is a person;
- page furniture (credits, bylines, datelines, section labels: ``reader.nlp.furniture``)
  is not the story: its names are dropped;
- names written family name first with a hyphenated given name ("Lam Cheuk-ting") are cut
  or taken into a party (``reader.nlp.hyphenated_names``);
- people, towns and sites the tagger mislabels, told by given-name and place data
  (``reader.nlp.open_class_names``);
- outlets, institutions "of" a place and national teams are called places or people
  (``reader.nlp.body_names``);
- codes, web addresses, vehicles, events and works are called people or bodies
  (``reader.nlp.thing_names``);
- platforms, products and events are called people ("Twitter", "Bitcoin", "Brexit"): they
  get their own labels (``reader.lexicon.furniture``), and so do bills ("Bill C-21").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.deadline import checkpoint
from reader.lexicon.furniture import EVENTS, PLATFORMS, PRODUCT_HEADS, PRODUCTS
from reader.lexicon.groups import (
    BODY_WORDS,
    DOCTRINE_ENDINGS,
    ORGANISATION_HEADS,
    PEOPLE_APPOSITION_HEADS,
    PLACE_NOUNS,
)
from reader.lexicon.name_parts import (
    COMPANY_SUFFIXES,
    INTERJECTIONS,
    JOINED_ARTICLES,
    PARTICLES,
    STATE_ABBREVIATIONS,
)
from reader.lexicon.open_class import given_name, is_common_given_name
from reader.lexicon.speech import SPEECH_VERBS
from reader.lexicon.titles import HONORIFICS, ROLE_WORDS
from reader.model import Entity
from reader.nlp.body_names import bodies_by_form, teams_as_organisations
from reader.nlp.furniture import furniture_spans
from reader.nlp.headlines import is_title_case_headline
from reader.nlp.hyphenated_names import hyphenated_names
from reader.nlp.inverted_names import people_in_inverted_names
from reader.nlp.labels import (
    ACTOR_LABELS,
    APPOS,
    EVENT,
    FAC,
    GPE,
    LAW,
    NORP,
    ORG,
    PERSON,
    PLACE_LABELS,
    PRODUCT,
    SUBJECTS,
    WORK_OF_ART,
)
from reader.nlp.name_lists import people_in_lists
from reader.nlp.name_repair import repair_names
from reader.nlp.open_class_names import people_by_given_names, places_by_data
from reader.nlp.parsing import Paragraph
from reader.nlp.species_names import english_words, without_species
from reader.nlp.thing_names import things_by_form
from reader.nlp.transcript_turns import answerers
from reader.nlp.written_names import opens_sentence
from reader.spans import SortedSpans

if TYPE_CHECKING:
    from spacy.tokens import Token

_POSSESSIVES = ("'s", "’s")

#: Labels a bare surname may be re-labelled from; places are left alone ("Washington").
_RELABELLABLE = frozenset({ORG, NORP, PRODUCT, WORK_OF_ART, EVENT, LAW, FAC})

#: Name particles: "al-Assad" is also written "Assad".
_PARTICLE = re.compile(
    r"^(?:" + "|".join(sorted(PARTICLES | JOINED_ARTICLES, key=len, reverse=True)) + r")[-‐]",
    re.IGNORECASE,
)


def extract_entities(text: str, paragraphs: Sequence[Paragraph]) -> list[Entity]:
    """Entities in text order with article offsets, after the news corrections above."""
    body: list[Entity] = []
    headline: list[Entity] = []
    speaking: set[int] = set()
    for paragraph in paragraphs:
        checkpoint()
        target = headline if is_title_case_headline(paragraph.text) else body
        repaired = repair_names(text, list(_trimmed(_raw_entities(paragraph))))
        named = hyphenated_names(text, paragraph.start, paragraph.end, repaired)
        found = _people_by_role(paragraph, people_by_given_names(paragraph, named))
        found = people_in_lists(paragraph, found)
        target.extend(found)
        speaking |= _speaking_subjects(paragraph, found)
    checkpoint()
    furniture = furniture_spans(text)
    body = [
        e
        for e in things_by_form(text, _things_relabelled(body))
        if e.start not in furniture and not _state_after_town(text, e) and not _in_a_title(text, e)
    ]
    headline = [
        e for e in things_by_form(text, _things_relabelled(headline)) if e.start not in furniture
    ]
    body = bodies_by_form(text, list(_media_outlets_as_orgs(text, body)))
    body_strings = {e.text for e in body}
    kept = body + [e for e in headline if e.text in body_strings]
    ordered = sorted(kept, key=lambda e: (e.start, e.end))
    checkpoint()
    ordered, body = _transcript_people(text, people_in_inverted_names(text, ordered), body)
    people = _propagate_surnames(text, ordered, body, speaking)
    checkpoint()
    placed = _places_by_noun(text, _lone_names_as_places(text, places_by_data(text, people)))
    placed = _doctrines_as_bodies(_acronyms_as_bodies(_families(text, placed)))
    placed = without_species(text, _peoples_by_apposition(text, placed))
    placed = _described_not_named(text, _products_by_noun(text, placed))
    placed = [e for e in placed if not _opens_with_a_gerund(text, e)]
    return teams_as_organisations(text, placed)


#: "weapons to Kyiv", "in Mariupol": a preposition of place right before a word.
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|to|from|near|across|outside|around|into|toward|towards)\s+$"
)


#: "Secretary of State", "Undersecretary for Education", "Minister of Health": the office.
_OFFICE_BEFORE = re.compile(
    r"\b(?:[Ss]ecretary|[Uu]ndersecretary|[Mm]inister|[Cc]ommissioner|[Dd]irector)"
    r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$"
)
#: "Home Secretary", "Foreign Affairs minister", "Emeritus Professor": a title's first words.
_TITLE_AFTER = re.compile(r"[ \t]+(?:[Ss]ecretary|[Mm]inister|[Pp]rofessor|[Cc]ommissioner)\b")


def _in_a_title(text: str, entity: Entity) -> bool:
    """An "organisation" that is only part of a person's title: "the Secretary of State",
    "Home Secretary Suella Braverman", "Emeritus Professor John Burrows"."""
    if entity.label != "ORG" or len(entity.text.split()) > 2:
        return False
    return bool(
        _OFFICE_BEFORE.search(text, max(0, entity.start - 30), entity.start)
        or _TITLE_AFTER.match(text, entity.end)
    )


_AFTER_TOWN = re.compile(r"[A-Z][\w.'’-]*,[ \t]*$")


def _state_after_town(text: str, entity: Entity) -> bool:
    """ "Austin, Tex.", "Hamilton, Ont.": a state's abbreviation in a town's address."""
    name = entity.text if entity.text.endswith(".") else entity.text + "."
    return name in STATE_ABBREVIATIONS and bool(
        _AFTER_TOWN.search(text, max(0, entity.start - 40), entity.start)
    )


def _relabelled(
    entities: list[Entity], label: str, which: Callable[[Entity], bool]
) -> list[Entity]:
    """``entities`` with those ``which`` picks given ``label``."""
    return [replace(e, label=label) if which(e) else e for e in entities]


#: "the town of ", "a village of ", "the province of ".
_PLACE_NOUN_OF = r"\b(?:the|a)\s+(?:" + "|".join(sorted(PLACE_NOUNS)) + r")\s+of\s+"
#: The same right before a name.
_PLACE_OF = re.compile(_PLACE_NOUN_OF + "$")
#: The same with the name after it: "the city of Paju".
_PLACE_NAMED = re.compile(_PLACE_NOUN_OF + r"([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)")


#: A name in capitals only, as bodies are shortened: "DAB", "NCLAN", "UAAR".
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _opens_with_a_gerund(text: str, entity: Entity) -> bool:
    """ "Closing Loopholes and putting in place …": a "person" of two words or more opening
    a sentence with a verb's -ing form (one the model's English words know, and no given
    name) is the sentence's capitalised first words, no one's name."""
    words = entity.text.split()
    first = words[0]
    if entity.label != PERSON or len(words) < 2 or not first.endswith("ing") or len(first) < 6:
        return False
    if is_common_given_name(first) or not opens_sentence(text, entity.start):
        return False
    stem = first[:-3].lower()
    stems = {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())
    return bool(stems & english_words())


#: A lower-case product noun right after a name: " software", " game", " browser".
_PRODUCT_AFTER = re.compile(r"[ \t]+(" + "|".join(sorted(PRODUCT_HEADS)) + r")\b")


def _products_by_noun(text: str, entities: list[Entity]) -> list[Entity]:
    """ "runs on Mediawiki software", "the Epic Mickey game": a name followed by a noun
    for a product is that product, a thing and no actor."""
    return _relabelled(
        entities,
        PRODUCT,
        lambda e: (
            e.label in (PERSON, ORG, *PLACE_LABELS)
            and len(e.text.split()) <= 2
            and _PRODUCT_AFTER.match(text, e.end) is not None
        ),
    )


#: What may follow a noun phrase's end: "a self-described Libertarian Socialist."
_PHRASE_ENDS = frozenset({".", ",", ";", ":", ")", "", "\n", "!", "?"})
#: "a self-described Libertarian Socialist": a name after "a" or "an" and lower-case words.
_INDEFINITE_BEFORE = re.compile(
    r"(?<![\w-])(?:a|an)[ \t]+(?:(?!(?:against|for|of|to|with|by|from|at|on|in|about|over|"
    r"like|than|as|and|or)\b)[a-z][\w-]*[ \t]+){0,2}$"
)


def _described_not_named(text: str, entities: list[Entity]) -> list[Entity]:
    """ "a self-described Libertarian Socialist", "an Edwardian": a "person" after an
    indefinite article is a description, no one's name (a group, as the tagger's nationality
    words are)."""
    return _relabelled(
        entities,
        NORP,
        lambda e: (
            e.label == PERSON
            and not is_common_given_name(e.text.split()[0])
            and text[e.end : e.end + 1] in _PHRASE_ENDS  # not "a Warhol exhibit"
            and _INDEFINITE_BEFORE.search(text, max(0, e.start - 40), e.start) is not None
        ),
    )


#: ", a stateless minority", ", an ethnic group", ", a hill tribe" right after a name.
_PEOPLE_APPOSITION = re.compile(
    r",[ \t]+(?:a|an|the)[ \t]+(?:(?!(?:of|for|in|from|with|at|to)\b)[\w-]+[ \t]+){0,3}?(?:"
    + "|".join(sorted(PEOPLE_APPOSITION_HEADS | {"ethnic group", "ethnic groups"}))
    + r")\b"
)


def _peoples_by_apposition(text: str, entities: list[Entity]) -> list[Entity]:
    """ "Rohingya, a stateless minority": a name described as a people is a group."""
    return _relabelled(
        entities,
        NORP,
        lambda e: (
            e.label in (ORG, PERSON, *PLACE_LABELS)
            and _PEOPLE_APPOSITION.match(text, e.end) is not None
        ),
    )


def _doctrines_as_bodies(entities: list[Entity]) -> list[Entity]:
    """ "within Scientology", "Buddhism grew": a one-word name ending as faiths and
    movements do is a body, whatever place or person the tagger took it for."""
    return _relabelled(
        entities,
        ORG,
        lambda e: (
            e.label in (PERSON, *PLACE_LABELS)
            and " " not in e.text
            and e.text[:1].isupper()
            and e.text.lower().endswith(DOCTRINE_ENDINGS)
        ),
    )


def _acronyms_as_bodies(entities: list[Entity]) -> list[Entity]:
    """A "person" written as an acronym is a body ("DAB's Ben Chan"), unless it is the
    initials of a person the article names ("John Fitzgerald Kennedy" … "JFK")."""
    initials = {
        "".join(word[0] for word in e.text.replace(".", " ").split() if word[:1].isupper())
        for e in entities
        if e.label == PERSON and " " in e.text
    }
    return _relabelled(
        entities,
        ORG,
        lambda e: (
            e.label == PERSON and _ACRONYM.fullmatch(e.text) is not None and e.text not in initials
        ),
    )


def _families(text: str, entities: list[Entity]) -> list[Entity]:
    """ "the Sams", "the Obamas": a person's surname in the plural after "the" is their
    family, a group (the tagger calls it an organisation or a person)."""
    surnames = {form for e in entities if e.label == PERSON for form in surname_forms(e.text)}
    if not surnames:
        return entities
    return _relabelled(
        entities,
        NORP,
        lambda e: (
            e.label != NORP
            and " " not in e.text
            and e.text.endswith("s")
            and (e.text[:-1] in surnames or (e.text.endswith("es") and e.text[:-2] in surnames))
            and text[max(0, e.start - 4) : e.start].lower() == "the "
        ),
    )


def _places_by_noun(text: str, entities: list[Entity]) -> list[Entity]:
    """A name right after "the town of", "the province of" … is that place, whatever the
    tagger called it ("the town of Yeoncheon" as an organisation) or if it missed it."""
    relabelled = _relabelled(
        entities,
        GPE,
        lambda e: (
            e.label != GPE and _PLACE_OF.search(text, max(0, e.start - 30), e.start) is not None
        ),
    )
    covered = _coverage(relabelled)
    missed = [
        Entity(m.start(1), m.end(1), m.group(1), GPE)
        for m in _PLACE_NAMED.finditer(text)
        if not any(covered(i) for i in range(m.start(1), m.end(1)))
    ]
    return _merge(relabelled, missed) if missed else relabelled


def _lone_names_as_places(text: str, entities: list[Entity]) -> list[Entity]:
    """A one-word "person" only ever met after "in", "to", "from"… is a place ("to Kyiv").

    Not when the word is part of a person's full name in the article: "sent it to Smith"
    after "John Smith" stays a person.
    """
    names_words = {
        word for e in entities if e.label == "PERSON" and " " in e.text for word in e.text.split()
    }
    lone: dict[str, list[int]] = {}
    for index, entity in enumerate(entities):
        if entity.label == "PERSON" and " " not in entity.text and entity.text not in names_words:
            lone.setdefault(entity.text, []).append(index)
    places = {
        name
        for name, indices in lone.items()
        if all(
            _PLACE_PREPOSITION.search(text, max(0, entities[i].start - 12), entities[i].start)
            for i in indices
        )
    }
    places |= _organisations_only_met_as_places(text, entities)
    if not places:
        return entities
    return _relabelled(entities, GPE, lambda e: e.label in (PERSON, ORG) and e.text in places)


#: "a teacher in Ipoh", "born in Mabou": where a town is, never where a body acts from.
_IN_PLACE = re.compile(r"\b(?:in|near|outside|around|across|throughout)\s+(?:the\s+)?$")


def _organisations_only_met_as_places(text: str, entities: list[Entity]) -> set[str]:
    """A short "organisation" only ever met after "in", "near"… and without a word that
    makes it a body ("Council", "Bank", "Inc.") is a town the tagger took for one."""
    mentions: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.label == "ORG" and 1 <= len(entity.text.split()) <= 2:
            mentions.setdefault(entity.text, []).append(entity)
    return {
        name
        for name, found in mentions.items()
        if _could_be_a_town(name)
        and all(_IN_PLACE.search(text, max(0, e.start - 16), e.start) for e in found)
    }


def _could_be_a_town(name: str) -> bool:
    words = [w.strip(".,").lower() for w in name.split()]
    return all(w.isalpha() for w in words) and not any(
        w in ORGANISATION_HEADS or w in COMPANY_SUFFIXES or w in BODY_WORDS for w in words
    )


#: A bill or act the tagger took for a person or organisation: "Bill C-21", "the Online News Act".
_LAW_NAME = re.compile(r"^(?:Bill\s+[A-Z]?-?\d+|.*\b(?:Act|Bill|Law|Treaty|Accord|Charter))$")
_THING_LABELS = ACTOR_LABELS | {WORK_OF_ART}


def _things_relabelled(entities: Iterable[Entity]) -> Iterable[Entity]:
    """Platforms as organisations, products, events and laws as what they are."""
    for entity in entities:
        label = entity.label
        name = entity.text.removeprefix("the ").strip()
        if label in _THING_LABELS:
            if name in PLATFORMS:
                label = "ORG"
            elif name in PRODUCTS:
                label = "PRODUCT"
            elif name in EVENTS:
                label = "EVENT"
            elif (
                label in (PERSON, ORG, WORK_OF_ART)
                and _LAW_NAME.match(name)
                and not (label == "PERSON" and given_name(name.split()[0]) is not None)
            ):  # "Nathan Law" is a person, "the Online News Act" a law
                label = "LAW"
        yield (
            entity
            if label == entity.label
            else Entity(entity.start, entity.end, entity.text, label, entity.actor)
        )


def _people_by_role(paragraph: Paragraph, entities: list[Entity]) -> list[Entity]:
    """Names the tagger took for organisations or places but the sentence gives a person's role.

    "Its chairwoman, Aileen MacLeod," / "Aileen MacLeod, its chairwoman," / "Ms. MacLeod".
    """
    return _relabelled(
        entities,
        PERSON,
        lambda e: (
            e.label in _ROLE_RELABELLABLE and any(_role_named(t) for t in _tokens(paragraph, e))
        ),
    )


_ROLE_RELABELLABLE = (ACTOR_LABELS - {PERSON}) | {PRODUCT, WORK_OF_ART}


def _tokens(paragraph: Paragraph, entity: Entity) -> list[Token]:
    span = paragraph.doc.char_span(
        entity.start - paragraph.start, entity.end - paragraph.start, alignment_mode="expand"
    )
    return list(span) if span is not None else []


def _is_role(token: Token) -> bool:
    return token.lemma_.lower() in ROLE_WORDS and token.pos_ in ("NOUN", "PROPN")


def _role_named(token: Token) -> bool:
    """A proper noun the parse ties to a role word or honorific."""
    if token.pos_ != "PROPN":
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return (
        (token.dep_ == APPOS and _is_role(token.head))
        or any(child.dep_ == APPOS and _is_role(child) for child in token.children)
        or (
            previous is not None
            and previous.text.lower().rstrip(".") in HONORIFICS
            and previous.text[:1].isupper()
        )
    )


def _speaking_subjects(paragraph: Paragraph, entities: Iterable[Entity]) -> set[int]:
    """Article offsets of place-labelled names that are the subject of a speech verb
    ("Lagarde said")."""
    return {
        paragraph.start + token.idx
        for entity in entities
        if entity.label in PLACE_LABELS
        for token in _tokens(paragraph, entity)
        if token.dep_ in SUBJECTS and token.head.lemma_.lower() in SPEECH_VERBS
    }


#: Word classes no name is, and interjections: "Nah, I'm kidding" tagged a person.
_NOT_NAME_CLASSES = frozenset({"DET", "PRON", "INTJ", "CCONJ", "SCONJ", "ADP", "AUX", "PART"})


def _raw_entities(paragraph: Paragraph) -> Iterable[Entity]:
    for ent in paragraph.doc.ents:
        if len(ent) == 1 and (ent[0].pos_ in _NOT_NAME_CLASSES or ent[0].lower_ in INTERJECTIONS):
            continue
        yield Entity(
            paragraph.start + ent.start_char, paragraph.start + ent.end_char, ent.text, ent.label_
        )


_OUTLET_NOUN = re.compile(
    r"\b(?:agency|newspaper|paper|daily|weekly|magazine|outlet|network|channel|station|"
    r"broadcaster|website|tabloid|wire|service)\s+$",
    re.IGNORECASE,
)


#: "told the Chronicle": a one-word name after a lower-case "the" is no person's name.
_THE_BEFORE = re.compile(r"(?<![A-Za-z])the\s+$")


def _media_outlets_as_orgs(text: str, entities: Iterable[Entity]) -> Iterable[Entity]:
    """A one-word "person" right after "news agency", "newspaper"…, or after a lower-case
    "the" ("told the Chronicle"), is an outlet or institution (an ORG)."""
    for entity in entities:
        if (
            entity.label == "PERSON"
            and " " not in entity.text
            and (
                _OUTLET_NOUN.search(text, max(0, entity.start - 40), entity.start)
                or _THE_BEFORE.search(text, max(0, entity.start - 5), entity.start)
            )
        ):
            yield Entity(entity.start, entity.end, entity.text, "ORG")
        else:
            yield entity


#: A stance written as one word: "Pro-Beijing", "anti-Kremlin".
_STANCE_WORD = r"(?:[Pp]ro|[Aa]nti)-[\w'’]+"
_STANCE = re.compile(_STANCE_WORD)
#: A sentence-initial preposition the model sometimes takes into a name ("Per Mirror"),
#: or a stance before a body's name ("Pro-Beijing DAB", "anti-Kremlin Yabloko").
_LEADING_PREPOSITION = re.compile(rf"^(?:As per|Per|Via|According to|{_STANCE_WORD})\s+(?=[A-Z])")


def _trimmed(entities: Iterable[Entity]) -> Iterable[Entity]:
    """Drop a trailing possessive, a leading preposition and stray punctuation."""
    for entity in entities:
        value, start = entity.text, entity.start
        for suffix in _POSSESSIVES:
            if value.endswith(suffix) and len(value) > len(suffix):
                value = value[: -len(suffix)]
        if _STANCE.fullmatch(value):
            continue  # "Pro-Beijing" alone: a stance, no one's name
        leading_word = _LEADING_PREPOSITION.match(value)
        if leading_word:
            value, start = value[leading_word.end() :], start + leading_word.end()
        stripped = value.rstrip(" -–—,;:")
        lead = len(stripped) - len(stripped.lstrip(" -–—,;:\"“”'‘’"))
        value, start = stripped[lead:], start + lead
        opened = value.find("(")
        if opened > 0 and ")" not in value[opened:]:
            # "The World Health Organisation (WHO": the name, and its short form apart.
            name, short = value[:opened].rstrip(), value[opened + 1 :].strip()
            if name:
                yield Entity(start, start + len(name), name, entity.label)
            if short:
                at = start + value.index(short, opened)
                yield Entity(at, at + len(short), short, entity.label)
        elif value:
            yield Entity(start, start + len(value), value, entity.label)


def surname_forms(full_name: str) -> set[str]:
    """The ways the last part of a multi-word name can stand alone: "al-Assad", "Assad"."""
    words = full_name.split()
    if len(words) < 2:
        return set()
    last = words[-1]
    forms = {last}
    # "Ursula von der Leyen" is also "von der Leyen" and "Von der Leyen".
    first_particle = len(words) - 1
    while first_particle > 1 and words[first_particle - 1].lower() in PARTICLES:
        first_particle -= 1
    if first_particle < len(words) - 1:
        joined = " ".join(words[first_particle:])
        forms |= {joined, joined[:1].upper() + joined[1:]}
    bare = _PARTICLE.sub("", last)
    if bare != last and bare[:1].isupper():
        forms.add(bare)
    return {f for f in forms if len(f) > 1 and f[0].isalpha()}


def _propagate_surnames(
    text: str, entities: list[Entity], body: Sequence[Entity], speaking: Set[int] = frozenset()
) -> list[Entity]:
    surnames: set[str] = set()
    for entity in body:
        if entity.label == "PERSON":
            surnames |= surname_forms(entity.text)
    if not surnames:
        return entities
    folded = {_fold(s) for s in surnames}
    given = {
        name for e in body if e.label == "PERSON" for name in _other_name_forms(e.text)
    } - surnames
    relabelled = _relabelled(
        entities,
        PERSON,
        lambda e: (
            (_fold(e.text) in folded and _relabellable(e, speaking, text))
            or (e.text in given and e.label in _RELABELLABLE)
        ),
    )
    return _merge(relabelled, _uncovered_mentions(text, surnames, relabelled))


def _transcript_people(
    text: str, entities: list[Entity], body: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """Those who answer in a transcript's labelled turns are people, wherever their full
    name is written: the tagger may know neither the name nor that it is someone's."""
    names = answerers(text)
    if not names:
        return entities, body
    named = _relabelled(entities, PERSON, lambda e: e.text in names)
    extra = _uncovered_mentions(text, set(names), named)
    body_named = _relabelled(body, PERSON, lambda e: e.text in names)
    return _merge(named, extra), [*body_named, *extra]


def _other_name_forms(full_name: str) -> set[str]:
    """The first word of a two- or three-word name, by which an article may also call the
    person: a given name ("Scott" of brothers "Dean" and "Scott MacAuley", "Chioma" in an
    interview) or a surname written first ("Ishiba" of "Ishiba Shigeru")."""
    words = full_name.split()
    if not 2 <= len(words) <= 3:
        return set()
    first = words[0]
    if len(first) < 3 or not first.isalpha() or not first[:1].isupper() or first.isupper():
        return set()
    if first.lower() in HONORIFICS or first.lower() in ROLE_WORDS:
        return set()
    return {first}


def _relabellable(entity: Entity, speaking: Set[int], text: str = "") -> bool:
    """A surname labelled otherwise is the person; one labelled a place only where it speaks
    or is not after a preposition of place ("in Washington" stays a place)."""
    if entity.label in _RELABELLABLE:
        return True
    if entity.label not in PLACE_LABELS:
        return False
    if any(entity.start <= offset < entity.end for offset in speaking):
        return True
    return not _PLACE_PREPOSITION.search(text, max(0, entity.start - 12), entity.start)


def _fold(name: str) -> str:
    """Case-fold the first letter only: "Al-Assad" and "al-Assad" are one spelling."""
    return name[:1].lower() + name[1:]


def _uncovered_mentions(text: str, surnames: set[str], entities: Sequence[Entity]) -> list[Entity]:
    """Surname occurrences the model did not tag at all, as new PERSON entities."""
    alternatives = sorted(
        {v for s in surnames for v in (s, s[:1].upper() + s[1:])}, key=len, reverse=True
    )
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])")
    covered = _coverage(entities)
    found = []
    for match in pattern.finditer(text):
        if not any(covered(i) for i in range(match.start(), match.end())):
            found.append(Entity(match.start(), match.end(), match.group(), "PERSON"))
    return found


def _coverage(entities: Sequence[Entity]) -> Callable[[int], bool]:
    """A test of whether a character offset lies inside one of the (non-overlapping) entities."""
    spans = SortedSpans((e.start, e.end) for e in entities)
    return spans.__contains__


def _merge(entities: Sequence[Entity], extra: Sequence[Entity]) -> list[Entity]:
    return sorted([*entities, *extra], key=lambda e: (e.start, e.end))
