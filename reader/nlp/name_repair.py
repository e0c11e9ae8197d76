"""Person names the tagger cut, padded or glued: repaired before anything counts them.

- A name cut at a particle ("Ursula von der" + "Leyen") is joined up to the capitalised
  word after the particles ("Ursula von der Leyen"), swallowing the stray piece.
- A lower-case word the tagger ran on with is dropped ("Von der Leyen later" → "Von der
  Leyen"); particles stay.
- A role word glued before a full name is not part of it ("Organizer Jane Doe" → "Jane
  Doe"); the role is still read from the text in front of the name (``reader.actors``).
- An age run on after a comma is dropped ("Mary Smith,60" → "Mary Smith").
- A title or honorific cut off on its own ("Coun" of "Coun. Rita Das") is no name, nor is
  a "person" with digits ("Grade 8"); a plural role ("Opposition MPs") is a group.
- Initials before a surname are a person's ("J.K. Rowling", "T. J. Okafor"), whatever the
  tagger called them.
- A name the tagger cut in two ("João Pedro" + "Alves", one space apart) is one person, and
  so is a name cut before a word the article uses alone as a person's name ("João Pedro"
  then an untagged "Alves", with "Alves said" later).
- A capitalised word without digits that the tagger called a number ("Aileen" of "Aileen
  MacLeod") is a given name when a one- or two-word name follows it: the two are one
  person. Alone, it is no number and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.lexicon.furniture import CREDIT_WORDS
from reader.lexicon.name_parts import CALENDAR_WORDS, NOT_NAME_ENDINGS, PARTICLES
from reader.lexicon.numbers import NUMBER_WORDS
from reader.lexicon.titles import HONORIFICS, ROLE_WORDS, TITLE_HEADS
from reader.model import Entity
from reader.nlp.labels import ACTOR_LABELS, CARDINAL, ORDINAL, QUANTITY

_WORD = re.compile(r"\S+")
#: A capitalised name word after particles: "Leyen", "Berg", "O'Brien", "Al-Sayed".
_NAME_WORD = re.compile(r"[A-ZÀ-ÞĀ-Ž][\w'’-]*")
_AGE = re.compile(r",\s*\d{1,3}\b.*$")
#: "J.K. Rowling", "T. J. Okafor", "W.E.B. Du Bois".
_INITIALS_NAME = re.compile(
    r"^(?:[A-Z]\.\s?){1,3}(?:[A-Z][a-z]+\s)?(?:[a-z]{1,3}\s)?[A-Z][\w'’-]+$"
)


def repair_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The entities with the name repairs above applied, in text order, never overlapping."""
    repaired: list[Entity] = []
    for entity in _name_pieces_joined(text, sorted(entities, key=lambda e: (e.start, e.end))):
        if repaired and entity.start < repaired[-1].end:
            continue  # swallowed by a join
        fixed = _without_age(_without_role_word(_without_trailing_word(entity)))
        if _not_a_name(fixed):
            continue
        if fixed.label == "PERSON" and _is_plural_role(fixed.text):
            fixed = _rebuilt(fixed, 0, len(fixed.text), "NORP")
        if fixed.label in ACTOR_LABELS and _INITIALS_NAME.match(fixed.text):
            fixed = _rebuilt(fixed, 0, len(fixed.text), "PERSON")
        if fixed.label == "PERSON":
            fixed = _joined_over_particles(text, fixed)
        repaired.append(fixed)
    return [_without_credit_word(text, e) for e in _extended_over_surnames(text, repaired)]


def _extended_over_surnames(text: str, entities: list[Entity]) -> list[Entity]:
    """A person's name followed by an untagged name word the article also uses on its own
    ("João Pedro" Alves … "Alves said"): the word is the name's last part."""
    starts = {e.start for e in entities}
    extended = []
    for entity in entities:
        if entity.label == "PERSON" and 2 <= len(entity.text.split()) <= 3:
            word = _NAME_WORD.match(text, entity.end + 1)
            if (
                word is not None
                and text[entity.end : entity.end + 1] == " "
                and word.start() not in starts
                and word.group()[1:].islower()
                and word.group().lower() not in CALENDAR_WORDS
                and _used_alone(text, word.group(), word.start())
            ):
                start, end = entity.start, word.end()
                entity = Entity(start, end, text[start:end], "PERSON", entity.actor)
        extended.append(entity)
    return extended


def _used_alone(text: str, word: str, here: int) -> bool:
    """``word`` written elsewhere in the text after a lower-case word or a full stop: a
    name used on its own, not only after the words it follows here."""
    for match in re.finditer(rf"(?<=[a-z.,;:!?\"”] )(?<!\w){re.escape(word)}\b", text):
        if match.start() != here:
            return True
    return False


def _name_pieces_joined(text: str, entities: list[Entity]) -> list[Entity]:
    """A word-number ("Aileen" as CARDINAL) before a short name: one person; else dropped.
    Two people one space apart ("João Pedro" "Alves"): one person."""
    joined: list[Entity] = []
    skip = -1
    for i, entity in enumerate(entities):
        if i == skip:
            continue
        if not _is_word_number(entity):
            if joined and _cut_in_two(text, joined[-1], entity):
                first = joined.pop()
                start, end = first.start, entity.end
                joined.append(Entity(start, end, text[start:end], "PERSON", first.actor))
            else:
                joined.append(entity)
            continue
        after = entities[i + 1] if i + 1 < len(entities) else None
        if (
            after is not None
            and after.label in ACTOR_LABELS
            and text[entity.end : after.start] == " "
            and 1 <= len(after.text.split()) <= 2
            and all(_NAME_WORD.fullmatch(w) for w in after.text.split())
        ):
            start, end = entity.start, after.end
            joined.append(Entity(start, end, text[start:end], "PERSON", after.actor))
            skip = i + 1
    return joined


def _cut_in_two(text: str, first: Entity, second: Entity) -> bool:
    """Two person names with only a space between them: one name the tagger cut."""
    return (
        first.label == second.label == "PERSON"
        and text[first.end : second.start] == " "
        and len(first.text.split()) + len(second.text.split()) <= 4
        and all(_NAME_WORD.fullmatch(w) or _is_particle(w) for w in second.text.split())
    )


def _is_word_number(entity: Entity) -> bool:
    """ "Aileen" tagged CARDINAL: one capitalised word of letters that is no number word."""
    word = entity.text
    return (
        entity.label in (CARDINAL, ORDINAL, QUANTITY)
        and " " not in word
        and word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()
        and word.lower() not in NUMBER_WORDS
    )


def _not_a_name(entity: Entity) -> bool:
    if entity.label != "PERSON":
        return False
    bare = entity.text.lower().rstrip(".")
    if entity.text == bare:  # "don crazy glasses", "vehicle miles": no capital, no name
        return True
    last = entity.text.split()[-1]
    if "-" in last and last.rsplit("-", 1)[1] in NOT_NAME_ENDINGS:
        return True  # "a Booker Prize-winner": a compound noun, not a name
    return bare in ROLE_WORDS or bare in HONORIFICS or any(c.isdigit() for c in entity.text)


def _is_plural_role(text: str) -> bool:
    """ "Opposition MPs", "Liberal senators": the last word is a role word in the plural."""
    last = text.split()[-1]
    return len(last) > 2 and last.endswith("s") and last[:-1].lower() in ROLE_WORDS


def _words(entity: Entity) -> list[re.Match[str]]:
    return list(_WORD.finditer(entity.text))


def _rebuilt(entity: Entity, start: int, end: int, label: str | None = None) -> Entity:
    """The entity cut to ``[start, end)`` of its own text."""
    return Entity(
        entity.start + start,
        entity.start + end,
        entity.text[start:end],
        label or entity.label,
        entity.actor,
    )


def _is_particle(word: str) -> bool:
    return word.lower() in PARTICLES


def _without_credit_word(text: str, entity: Entity) -> Entity:
    """ "Ahmed Mohamed Image: …" → "Ahmed Mohamed": a caption runs into its credit label."""
    words = _words(entity)
    if len(words) < 2 or words[-1].group().lower() not in CREDIT_WORDS:
        return entity
    if not text.startswith(":", entity.end):
        return entity
    return _rebuilt(entity, 0, words[-2].end())


def _without_trailing_word(entity: Entity) -> Entity:
    """ "Von der Leyen later" → "Von der Leyen": a trailing lower-case non-particle word."""
    if entity.label not in ACTOR_LABELS:
        return entity
    words = _words(entity)
    if len(words) < 2:
        return entity
    last = words[-1].group()
    trailing = last.islower() and last.isalpha() and last not in ("of", "and")
    if trailing and not _is_particle(last) and any(w.group()[:1].isupper() for w in words[:-1]):
        # "Yonhap news agency" → "Yonhap": every trailing lower-case word goes.
        return _without_trailing_word(_rebuilt(entity, 0, words[-2].end()))
    return entity


def _without_role_word(entity: Entity) -> Entity:
    """ "Organizer Jane Doe" → "Jane Doe": a role word before at least two name words."""
    if entity.label != "PERSON":
        return entity
    words = _words(entity)
    if len(words) < 3:
        return entity
    first = words[0].group().lower().rstrip(".")
    if first in ROLE_WORDS and first not in TITLE_HEADS:
        rest = words[1:]
        if all(w.group()[:1].isupper() or _is_particle(w.group()) for w in rest):
            return _rebuilt(entity, rest[0].start(), words[-1].end())
    return entity


def _without_age(entity: Entity) -> Entity:
    """ "Mary Smith,60" → "Mary Smith"."""
    if entity.label != "PERSON":
        return entity
    age = _AGE.search(entity.text)
    if age is None or age.start() == 0:
        return entity
    return _rebuilt(entity, 0, age.start())


def _joined_over_particles(text: str, entity: Entity) -> Entity:
    """ "Ursula von der" followed by "Leyen" → "Ursula von der Leyen"."""
    words = _words(entity)
    if len(words) < 2 or not _is_particle(words[-1].group()):
        return entity
    position = entity.end
    while True:
        gap = re.compile(r"[ \t]+").match(text, position)
        if gap is None:
            return entity
        word = _WORD.match(text, gap.end())
        if word is None:
            return entity
        value = word.group().rstrip('.,;:!?"”’)')
        if _is_particle(value):
            position = gap.end() + len(value)
            continue
        name = _NAME_WORD.match(value)
        if name is None:
            return entity
        surname = name.group().removesuffix("'s").removesuffix("’s")
        end = gap.end() + len(surname)
        return Entity(entity.start, end, text[entity.start : end], "PERSON", entity.actor)
