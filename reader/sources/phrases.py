"""The phrases an article describes an actor by: where its roles and gendered words are.

A source's role and gender are read only from what the text writes about it, in four
places, each a ``Phrase`` of words with their offsets in the article text:

* the **speaker** of each of its statements, as written ("Health Minister Ana Lima", "a
  spokesperson for the board", "Residents"), its own names left out but for the titles
  they open with ("Mrs Joan Keane": "Mrs");
* the **titles before a name**: the words written right before one of its names, with
  nothing but spaces between them ("Health Minister Ana Lima", "clinic director Peter
  Mallon"), on one line, up to ``MAX_TITLE_WORDS``;
* the titles a name **opens with** ("Dr Peter Mallon" tagged whole);
* an **apposition** after a name, set off by a comma, starting with a determiner or a role
  word ("J. Okafor, an engineer who inspected the bridge", "Maria Costa, a shop owner on
  Mill Street,"), up to the next punctuation or "who".

A description with none of these (never written as a speaker) is described by its own
words; a name never is. Only the words that can head a phrase count (``head_words``):
those before its first preposition or relative word, after any possessive ("the clinic's
director": the director, not the clinic).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from reader.lexicon.groups import GROUP_NOUNS
from reader.lexicon.name_parts import DETERMINERS
from reader.lexicon.open_class import is_common_given_name
from reader.lexicon.source_roles import PHRASE_ENDS, POSSESSIVE_DETERMINERS, TITLE_ABBREVIATIONS
from reader.lexicon.titles import (
    GENDERED_PEOPLE,
    GENDERED_TITLES,
    HONORIFICS,
    ROLE_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from reader.model import Actor, Analysis, Entity

#: Words written before a name that may still be its title.
MAX_TITLE_WORDS = 6
#: An apposition longer than this many characters is a clause, not a description.
MAX_APPOSITION_CHARS = 80

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*\.?")
_APPOSITION = re.compile(rf", ([^,.;:!?\"“”()\n]{{1,{MAX_APPOSITION_CHARS}}})")


@dataclass(frozen=True, slots=True)
class Word:
    """A word as written and where it starts in the article text."""

    text: str
    start: int

    @property
    def key(self) -> str:
        """Lower case, without a final full stop or a possessive: "Dr." → "dr"."""
        key = self.text.lower().replace("’", "'").rstrip(".")
        return key[:-2] if key.endswith("'s") else key

    @property
    def possessive(self) -> bool:
        return self.text.lower().replace("’", "'").endswith("'s")


#: A phrase: words in text order.
Phrase = tuple[Word, ...]


def words_in(text: str, start: int, end: int) -> Phrase:
    """The words of ``text[start:end]`` with their offsets in ``text``."""
    return tuple(Word(m.group(), m.start()) for m in _WORD.finditer(text, start, end))


def title_like(word: Word, extra: frozenset[str] = frozenset()) -> bool:
    """A word that may stand in a title before a name: "Health", "Minister", "Dr", "Mrs"."""
    key = word.key
    if key in HONORIFICS:
        return True
    if key not in TITLE_WORDS and key not in extra:
        return False
    # "Dean Smith", "Judge Hale": a common given name opening a name is the name.
    return not (word.text[:1].isupper() and is_common_given_name(key))


#: Every word a title may be made of.
TITLE_WORDS: frozenset[str] = (
    TITLE_HEADS | ROLE_WORDS | TITLE_MODIFIERS | frozenset(GENDERED_TITLES)
)


def head_words(phrase: Phrase) -> Phrase:
    """The words that can head ``phrase``: after its last possessive, before its first
    preposition or relative word."""
    words = list(phrase)
    for n in range(len(words) - 1, -1, -1):
        if words[n].possessive:
            words = words[n + 1 :]
            break
    for n, word in enumerate(words):
        if word.key in PHRASE_ENDS:
            return tuple(words[:n])
    return tuple(words)


@dataclass(frozen=True, slots=True)
class Described:
    """Where the text describes one actor: ``titles``, the words written before its names
    or opening them, whose head is their last role word ("Secretary of State", "Student
    Association president"); ``phrases``, the other phrases (speakers that are no name,
    what follows a name in a speaker or an apposition, a body's name), whose head comes
    before any preposition ("a spokesperson for the board")."""

    titles: tuple[Phrase, ...]
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class Mentions:
    """An analysis's mentions by actor, found in one pass (an article may hold thousands
    of actors: nothing is looked for actor by actor)."""

    #: Each actor's names in text order.
    names: dict[str, list[Entity]]
    #: Each actor's pronouns ("he", "her").
    pronouns: dict[str, list[Entity]]
    #: Each actor's statements' speakers, as (start, end).
    speakers: dict[str, list[tuple[int, int]]]

    @classmethod
    def of(cls, analysis: Analysis) -> Mentions:
        names: dict[str, list[Entity]] = {}
        pronouns: dict[str, list[Entity]] = {}
        speakers: dict[str, list[tuple[int, int]]] = {}
        for entity in sorted(analysis.entities, key=lambda e: e.start):
            if entity.actor is not None:
                found = names if entity.named else pronouns
                found.setdefault(entity.actor, []).append(entity)
        for quote in analysis.quotes:
            if quote.actor is None or quote.speaker_start is None or quote.speaker_end is None:
                continue
            speakers.setdefault(quote.actor, []).append((quote.speaker_start, quote.speaker_end))
        return cls(names, pronouns, speakers)


def described(
    text: str,
    actor: Actor,
    mentions: Mentions,
    extra: frozenset[str] = frozenset(),
    *,
    description: bool = False,
) -> Described:
    """Every phrase ``text`` describes ``actor`` by (see the module's docstring).
    ``extra``: more words that may stand in a title (the role words of ``roles``);
    ``description``: the actor has no name, only a description, whose words describe it
    when nothing else does (a name's words never do: "Mark Chancellor" is no chancellor)."""
    names = mentions.names.get(actor.id, [])
    titles: list[Phrase] = []
    phrases: list[Phrase] = []
    for entity in names:
        opening = leading_title(words_in(text, entity.start, entity.end), extra)
        before = _title_before(text, entity.start, extra)
        titles.extend(found for found in (before, opening) if found)
        if actor.kind in ("organisation", "group"):
            # A body's name says what it is: "Ministry of Health", "Westbury Police".
            phrases.append(words_in(text, entity.start, entity.end))
        apposition = _apposition(text, entity.end, extra)
        if apposition:
            phrases.append(apposition)
    starts = [e.start for e in names]
    for start, end in mentions.speakers.get(actor.id, []):
        title, rest = _speaker_parts(text, start, end, names, starts, extra)
        if title:
            titles.append(title)
        if rest:
            phrases.append(rest)
    if not titles and not phrases and description:
        phrases.append(words_in(actor.name, 0, len(actor.name)))
    return Described(tuple(titles), tuple(phrases))


def leading_title(words: Phrase, extra: frozenset[str] = frozenset()) -> Phrase:
    """The title words ``words`` open with, leaving at least one word after them."""
    n = 0
    while n < len(words) - 1 and title_like(words[n], extra):
        n += 1
    return words[:n]


def _title_before(text: str, start: int, extra: frozenset[str]) -> Phrase:
    """The words right before ``start`` that may be a title: title words, or capitalised
    words of a body's name ("Westbury Health Board spokesperson"), spaces between."""
    line_start = text.rfind("\n", 0, start) + 1
    words = words_in(text, max(line_start, start - 120), start)
    found: list[Word] = []
    end = start
    for word in reversed(words):
        gap = text[word.start + len(word.text) : end]
        if gap.strip() or not gap or len(found) >= MAX_TITLE_WORDS:
            break
        if word.text.endswith(".") and word.key not in TITLE_ABBREVIATIONS:
            break  # the end of the sentence before
        if not (title_like(word, extra) or word.text[:1].isupper()):
            break
        found.append(word)
        end = word.start
    # A capitalised word that opens the run may be the sentence's first word: no harm, it
    # names no role; but a run of names alone is another name, not a title.
    if not any(title_like(w, extra) for w in found):
        return ()
    return tuple(reversed(found))


def _apposition(text: str, end: int, extra: frozenset[str]) -> Phrase:
    """ ", an engineer who inspected the bridge" after a name: its words up to "who" or
    the next punctuation, when it opens with a determiner or a role word."""
    match = _APPOSITION.match(text, end)
    if match is None:
        return ()
    words = words_in(text, match.start(1), match.end(1))
    if not words:
        return ()
    first = words[0]
    opens = (
        first.key in DETERMINERS
        or first.key in POSSESSIVE_DETERMINERS
        or first.key in GROUP_NOUNS
        or (title_like(first, extra) and not first.text[:1].isupper())
        or first.key in extra
    )
    return words if opens and first.key not in ("who", "which") else ()


def _speaker_parts(
    text: str,
    start: int,
    end: int,
    names: list[Entity],
    starts: list[int],
    extra: frozenset[str],
) -> tuple[Phrase, Phrase]:
    """A speaker as written, in two parts around the actor's first name in it (``names``,
    in text order, starting at ``starts``): the title before it, with the titles the name
    opens with ("Health Minister" of "Health Minister Ana Lima", "Mrs" of "Mrs Joan
    Keane"), and the words after it ("news agency" of "Yonhap news agency"). A speaker
    that holds no name of the actor is all words after ("a spokesperson for the board");
    one that holds it as a possessive ("Thomas' sister") describes someone else."""
    words = words_in(text, start, end)
    for n, word in enumerate(words):
        k = bisect_right(starts, word.start) - 1
        if k >= 0 and word.start < names[k].end:
            name = names[k]
            if text[name.end : name.end + 1] in ("'", "’"):
                return (), ()  # "Thomas' sister": someone else, wrongly filed under him
            opening = leading_title(words_in(text, name.start, name.end), extra)
            after = tuple(w for w in words[n:] if w.start >= name.end)
            return (*words[:n], *opening), after
    return (), words


def gendered_word(word: Word) -> str | None:
    """The gender a title or noun gives ("spokeswoman", "Queen", "a woman"), else None."""
    key = word.key
    return GENDERED_TITLES.get(key) or GENDERED_PEOPLE.get(key)
