"""Named entities from the parsed paragraphs, corrected for what real news needs.

The statistical model alone gets five things wrong often enough to matter in news:
- a surname used on its own after the full name ("al-Assad" after "Bashar al-Assad") is
  frequently labelled ORG or missed; once an article names a person in full, the last part
  of that name is a PERSON everywhere in the article;
- the possessive "'s" is swallowed into the entity ("al-Assad's");
- title-case headline fragments look like names ("Russian Jet Collide"); in a headline an
  entity is kept only when the same string is an entity in the body;
- a source phrase is swallowed into the name ("Per Mirror", "According to Reuters");
- a one-word outlet after "news agency" or "newspaper" is labelled a person ("Sputnik").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from reader.lexicon.name_parts import JOINED_ARTICLES, PARTICLES
from reader.model import Entity
from reader.nlp.headlines import is_title_case_headline
from reader.nlp.parsing import Paragraph
from reader.spans import SortedSpans

_POSSESSIVES = ("'s", "’s")

#: Labels a bare surname may be re-labelled from; places are left alone ("Washington").
_RELABELLABLE = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"})

#: Name particles: "al-Assad" is also written "Assad".
_PARTICLE = re.compile(
    r"^(?:" + "|".join(sorted(PARTICLES | JOINED_ARTICLES, key=len, reverse=True)) + r")[-‐]",
    re.IGNORECASE,
)


def extract_entities(text: str, paragraphs: Sequence[Paragraph]) -> list[Entity]:
    """Entities in text order with article offsets, after the news corrections above."""
    body: list[Entity] = []
    headline: list[Entity] = []
    for paragraph in paragraphs:
        target = headline if is_title_case_headline(paragraph.doc.text) else body
        target.extend(_trimmed(_raw_entities(paragraph)))
    body = list(_media_outlets_as_orgs(text, body))
    body_strings = {e.text for e in body}
    kept = body + [e for e in headline if e.text in body_strings]
    return _propagate_surnames(text, sorted(kept, key=lambda e: (e.start, e.end)), body)


def _raw_entities(paragraph: Paragraph) -> Iterable[Entity]:
    for ent in paragraph.doc.ents:
        yield Entity(
            paragraph.start + ent.start_char, paragraph.start + ent.end_char, ent.text, ent.label_
        )


_OUTLET_NOUN = re.compile(
    r"\b(?:agency|newspaper|paper|daily|weekly|magazine|outlet|network|channel|station|"
    r"broadcaster|website|tabloid|wire|service)\s+$",
    re.IGNORECASE,
)


def _media_outlets_as_orgs(text: str, entities: Iterable[Entity]) -> Iterable[Entity]:
    """A one-word "person" right after "news agency", "newspaper"… is the outlet (an ORG)."""
    for entity in entities:
        if (
            entity.label == "PERSON"
            and " " not in entity.text
            and _OUTLET_NOUN.search(text, max(0, entity.start - 40), entity.start)
        ):
            yield Entity(entity.start, entity.end, entity.text, "ORG")
        else:
            yield entity


#: A sentence-initial preposition the model sometimes takes into a name ("Per Mirror").
_LEADING_PREPOSITION = re.compile(r"^(?:As per|Per|Via|According to)\s+(?=[A-Z])")


def _trimmed(entities: Iterable[Entity]) -> Iterable[Entity]:
    """Drop a trailing possessive, a leading preposition and stray punctuation."""
    for entity in entities:
        value, start = entity.text, entity.start
        for suffix in _POSSESSIVES:
            if value.endswith(suffix) and len(value) > len(suffix):
                value = value[: -len(suffix)]
        leading_word = _LEADING_PREPOSITION.match(value)
        if leading_word:
            value, start = value[leading_word.end() :], start + leading_word.end()
        stripped = value.rstrip(" -–—,;:")
        lead = len(stripped) - len(stripped.lstrip(" -–—,;:\"“”'‘’"))
        value, start = stripped[lead:], start + lead
        if value:
            yield Entity(start, start + len(value), value, entity.label)


def surname_forms(full_name: str) -> set[str]:
    """The ways the last part of a multi-word name can stand alone: "al-Assad", "Assad"."""
    words = full_name.split()
    if len(words) < 2:
        return set()
    last = words[-1]
    forms = {last}
    bare = _PARTICLE.sub("", last)
    if bare != last and bare[:1].isupper():
        forms.add(bare)
    return {f for f in forms if len(f) > 1 and f[0].isalpha()}


def _propagate_surnames(text: str, entities: list[Entity], body: Sequence[Entity]) -> list[Entity]:
    surnames: set[str] = set()
    for entity in body:
        if entity.label == "PERSON":
            surnames |= surname_forms(entity.text)
    if not surnames:
        return entities
    folded = {_fold(s) for s in surnames}
    relabelled = [
        Entity(e.start, e.end, e.text, "PERSON")
        if e.label in _RELABELLABLE and _fold(e.text) in folded
        else e
        for e in entities
    ]
    return _merge(relabelled, _uncovered_mentions(text, surnames, relabelled))


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
