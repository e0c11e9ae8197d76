"""People, places and sites told by open-class data, where the tagger's label is wrong.

Three phenomena of real news, each decided with the tables of ``reader.lexicon.open_class``
(given names, places) and not with names typed into the code:

- a person's name the tagger cut, split or called something else: a given name followed by
  capitalised name words is one person ("singer-songwriter Carly Simon" where only "Simon"
  was a person; "Dries" an organisation and "Mertens" a person; "Johnnie" a person and
  "Christmas" nothing; "Dean Kamen" and "Thibaut Courtois" organisations; "the Council on
  American-Islamic Relations Alia Salem" one organisation);
- a town the tagger called an organisation or a person ("from Herat", "Evansville,
  Indiana"): a one-word name the place data knows, that is no given name and never written
  in lower case in the article;
- a site named by its kind of building or ground ("Johnson Space Center", "Castlefrank
  Road"): a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.lexicon.furniture import CREDIT_WORDS
from reader.lexicon.groups import BODY_WORDS, ORGANISATION_HEADS, SITE_HEADS
from reader.lexicon.name_parts import COMPANY_SUFFIXES, NOT_NAME_ENDINGS, PARTICLES
from reader.lexicon.open_class import given_name, is_common_given_name, place_kind
from reader.lexicon.titles import ROLE_WORDS
from reader.model import Entity
from reader.nlp.labels import ACTOR_LABELS, EVENT, ORG, PERSON, PRODUCT, WORK_OF_ART
from reader.nlp.parsing import Paragraph

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Labels a person's name may carry by the tagger's mistake.
_MISTAKEN = (ACTOR_LABELS - {PERSON}) | {PRODUCT, WORK_OF_ART, EVENT}
_NAME_WORD = re.compile(r"^[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)?$")
_MAX_NAME_WORDS = 3
#: A capitalised word followed by another: where a given-name-led name may start.
_NAME_PAIR = re.compile(r"(?<![\w-])([A-Z][a-zà-ÿ]+)[ ]+(?=[A-Z])")


def people_by_given_names(paragraph: Paragraph, entities: list[Entity]) -> list[Entity]:
    """The paragraph's entities with each given-name-led name made one PERSON."""
    result = list(entities)
    for first, last in _given_name_runs(paragraph):
        start = paragraph.start + first.idx
        end = paragraph.start + last.idx + len(last.text)
        result = _as_person(result, start, end, paragraph, first)
    return result


def _given_name_runs(paragraph: Paragraph) -> list[tuple[Token, Token]]:
    """(first, last) tokens of each run "Given Name [Name]" in the paragraph.

    Only the tokens at a capitalised given name followed by a capitalised word are looked
    at: building every token of a paragraph costs more than the rest of this step.
    """
    runs: list[tuple[Token, Token]] = []
    doc = paragraph.doc
    last = -1
    for match in _NAME_PAIR.finditer(paragraph.text):
        if given_name(match.group(1)) is None:
            continue
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or len(span) != 1 or span[0].i <= last:
            continue
        token = span[0]
        if not _could_start_a_name(token):
            continue
        j = token.i
        while (
            j + 1 < len(doc)
            and j - token.i + 1 < _MAX_NAME_WORDS
            and _is_surname_word(doc[j + 1], doc[j + 2] if j + 2 < len(doc) else None)
        ):
            j += 1
        compound = j + 1 < len(doc) and doc[j + 1].text in "-‐" and not doc[j].whitespace_
        if j > token.i and not compound:  # "a Booker Prize-winner" names no one
            runs.append((token, doc[j]))
            last = j
    return runs


def _could_start_a_name(token: Token) -> bool:
    if token.tag_ not in ("NNP", "NNPS") or not _NAME_WORD.match(token.text):
        return False
    if given_name(token.text) is None or place_kind(token.text) in ("country", "state"):
        return False
    return token.text.lower() not in PARTICLES  # "Al Jazeera", "El Pais": an article


def _opens_sentence_alone(token: Token) -> bool:
    """A rare given name opening a sentence, with no honorific before it."""
    return bool(token.is_sent_start) and not is_common_given_name(token.text)


def _is_surname_word(token: Token, following: Token | None) -> bool:
    if token.tag_ not in ("NNP", "NNPS"):
        return False
    lower = token.text.lower()
    if "-" in lower and lower.rsplit("-", 1)[1] in NOT_NAME_ENDINGS:
        return False  # "a Booker Prize-winner"
    if following is not None and following.text == ":" and lower in CREDIT_WORDS:
        return False  # "Ahmed Mohamed Image: …": a caption's credit label
    return (
        bool(_NAME_WORD.match(token.text))
        and lower not in BODY_WORDS
        and lower not in ORGANISATION_HEADS
        and lower not in SITE_HEADS
        and lower not in COMPANY_SUFFIXES
        and lower not in ROLE_WORDS
        and lower not in PARTICLES
        and place_kind(token.text) not in ("country", "state")
    )


def _as_person(
    entities: list[Entity], start: int, end: int, paragraph: Paragraph, first: Token
) -> list[Entity]:
    """``entities`` with [start, end) one PERSON, when what the tagger found there allows."""
    overlapping = [e for e in entities if e.start < end and start < e.end]
    if any(e.label == "PERSON" and e.start == start and e.end == end for e in overlapping):
        return entities
    if any(e.label not in _MISTAKEN and e.label != "PERSON" for e in overlapping):
        return entities  # a date, a number, a law: not a name
    text = paragraph.text
    name = text[start - paragraph.start : end - paragraph.start]
    last_word = name.split()[-1]
    common_first = is_common_given_name(first.text)
    inside = all(start <= e.start and e.end <= end for e in overlapping)
    has_person = any(e.label == "PERSON" for e in overlapping)
    if inside:
        if not overlapping and not common_first:
            return entities
        # Two names side by side with nothing between them are one name ("Valeska Paris",
        # each word tagged a place): towns are written "Paris, France", not "Valeska Paris".
        cut_in_two = len(overlapping) >= 2
        if _opens_sentence_alone(first) and not (has_person or cut_in_two):
            return entities  # a rare given name opening a sentence may be any capital word
        if not has_person and not cut_in_two and (not common_first or _widely_given(last_word)):
            return entities  # "Morgan Stanley": two given names make no person of a body
        kept = [e for e in entities if e not in overlapping]
        return _sorted([*kept, Entity(start, end, name, "PERSON")])
    # One organisation that runs on into the name: "… Islamic Relations Alia Salem".
    runs_in = [e for e in overlapping if e.start < start and e.end == end and e.label == "ORG"]
    if len(runs_in) == 1 and len(overlapping) == 1:
        body = runs_in[0]
        head = text[body.start - paragraph.start : start - paragraph.start].rstrip(" ,")
        ends_a_body = head.split()[-1].lower() in BODY_WORDS | ORGANISATION_HEADS
        if len(head.split()) >= 2 and (common_first or ends_a_body):
            kept = [e for e in entities if e is not body]
            return _sorted(
                [
                    *kept,
                    Entity(body.start, body.start + len(head), head, "ORG"),
                    Entity(start, end, name, "PERSON"),
                ]
            )
    # A person named for the body they speak for: "Lydia Moss for Food Standards Ontario".
    runs_on = [e for e in overlapping if e.start == start and e.end > end and e.label == "ORG"]
    if len(runs_on) == 1 and len(overlapping) == 1 and common_first:
        body = runs_on[0]
        after = _FOR_BODY.match(text, end - paragraph.start, body.end - paragraph.start)
        if after is not None:
            body_text = text[after.end() : body.end - paragraph.start]
            kept = [e for e in entities if e is not body]
            return _sorted(
                [
                    *kept,
                    Entity(start, end, name, "PERSON"),
                    Entity(paragraph.start + after.end(), body.end, body_text, "ORG"),
                ]
            )
    return entities


_FOR_BODY = re.compile(r"\s+(?:for|of|from|at)\s+(?:the\s+)?(?=[A-Z])")


#: Bearers from which a last word is a given name first ("Morgan Stanley"), not a surname
#: that is sometimes given ("Annie Oakley").
_WIDELY_GIVEN = 50_000


def _widely_given(word: str) -> bool:
    found = given_name(word)
    return found is not None and found.bearers >= _WIDELY_GIVEN


def places_by_data(text: str, entities: list[Entity]) -> list[Entity]:
    """One-word organisations and people the place data knows, and named sites, as places."""
    names_words = {
        word for e in entities if e.label == "PERSON" and " " in e.text for word in e.text.split()
    }
    lower_words = _LowerCaseWords(text)
    result = []
    for entity in entities:
        label = entity.label
        if label in (ORG, PERSON) and _is_a_town(entity, names_words, lower_words):
            label = "GPE"
        elif label in (ORG, PERSON) and _is_a_site(entity.text):
            label = "FAC"
        result.append(
            entity
            if label == entity.label
            else Entity(entity.start, entity.end, entity.text, label)
        )
    return result


class _LowerCaseWords:
    """The words an article writes in lower case, found once, when first asked."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = set(_LOWER_WORD.findall(self._text))
        return word in self._words


_LOWER_WORD = re.compile(r"(?<![\w-])[a-zà-ÿ][\w'’-]*")


def _is_a_town(entity: Entity, names_words: set[str], lower_words: _LowerCaseWords) -> bool:
    name = entity.text
    if " " in name or not _NAME_WORD.match(name) or place_kind(name) not in ("city", "state"):
        return False
    if given_name(name) is not None or name in names_words:
        return False
    return name.lower() not in lower_words


def _is_a_site(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() or w in ("of", "and", "the", "&") for w in words):
        return False
    return words[-1].lower() in SITE_HEADS


def _sorted(entities: Sequence[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (e.start, e.end))
