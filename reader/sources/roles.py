"""A source's role, from the role nouns and titles the article uses for it.

A handful of classes, as media researchers count sources: officials and politicians,
police and military, experts, spokespeople, business, citizens and residents; "other" for
a role the text gives that is none of these (a coach, a bishop, an activist); and no role
(shown "not stated") when the text gives none. Nothing is guessed from a name.

The evidence is the phrases of ``reader.sources.phrases``: the speaker as written, titles
before or opening a name, an apposition after it, a description's own words, a body's
name. In each phrase the role is that of its head: the last word with a class among the
words that can head it ("Westbury Health Board spokesperson" is a spokesperson; "police
chief" is police, "chief" telling nothing more). Two-word roles are read first ("chief
executive officer" is business, not police; "press secretary" a spokesperson). "Dr" and
"Prof" before a name make an expert. When the phrases disagree, the class told most often
wins, ties going to the one written first; a class always wins over "other".

The words: the role and title words of ``reader.lexicon.titles`` and the group nouns of
``reader.lexicon.groups`` sorted into classes, with a few role nouns news uses that the
lexicon does not need (engineer, landlord, neighbour).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.lexicon.groups import GROUP_NOUNS
from reader.lexicon.source_roles import (
    BUSINESS,
    CITIZEN,
    EXPERT,
    OFFICIAL,
    OTHER,
    PHRASE_ENDS,
    POLICE,
    ROLE_CLASS_WORDS,
    ROLE_PAIRS,
    SPOKESPERSON,
)
from reader.lexicon.titles import ROLE_WORDS, TITLE_HEADS
from reader.sources.phrases import Described, Phrase, head_words

#: Every role class, in the order reports list them.
ROLES = (OFFICIAL, POLICE, EXPERT, SPOKESPERSON, BUSINESS, CITIZEN, OTHER)

#: Word → its class.
ROLE_CLASSES: dict[str, str] = {
    word: role for role, words in ROLE_CLASS_WORDS.items() for word in words
}
#: Role words of the lexicon in none of the classes: a role, "other" ("coach", "bishop").
_OTHER_ROLES: frozenset[str] = (ROLE_WORDS | TITLE_HEADS | GROUP_NOUNS) - frozenset(ROLE_CLASSES)

#: Every word that tells a role, or is part of a two-word one, for the titles before names.
ROLE_WORDS_ALL: frozenset[str] = (
    frozenset(ROLE_CLASSES) | _OTHER_ROLES | frozenset(w for pair in ROLE_PAIRS for w in pair)
)


@dataclass(frozen=True, slots=True)
class RoleFinding:
    """A role class and the word of the text that told it."""

    role: str
    word: str
    start: int


def phrase_role(phrase: Phrase, title: bool = False) -> RoleFinding | None:
    """The role ``phrase`` gives its head, if any: the last word with a class among the
    words that can head it (two-word roles first), else "other" for a role word. A
    ``title`` (written before a name) is headed by its last role word that is not part of
    a name after a preposition ("Secretary of State", "Student Association president",
    not "Council" in "director of the Council on …"); another phrase by a word before
    its first preposition ("a spokesperson for the ministry")."""
    words = title_words(phrase) if title else head_words(phrase)
    found: RoleFinding | None = None
    other: RoleFinding | None = None
    covered: set[int] = set()
    for n, word in enumerate(words):
        following = words[n + 1] if n + 1 < len(words) else None
        pair = ROLE_PAIRS.get((word.key, following.key)) if following is not None else None
        if pair is not None and following is not None:
            finding = RoleFinding(pair, f"{word.text} {following.text}", word.start)
            covered.update((n, n + 1))
        elif n in covered:
            continue
        elif word.key in ROLE_CLASSES:
            finding = RoleFinding(ROLE_CLASSES[word.key], word.text, word.start)
        elif word.key in _OTHER_ROLES:
            finding = RoleFinding(OTHER, word.text, word.start)
        else:
            continue
        if finding.role == OTHER:
            other = finding
        else:
            found = finding
    return found or other


def title_words(title: Phrase) -> Phrase:
    """The words of a title that may head it: those before its first preposition, and
    after it those in lower case (a capitalised word there is part of a name: "the Council
    on American-Islamic Relations")."""
    first = next((n for n, w in enumerate(title) if w.key in PHRASE_ENDS), len(title))
    return (*title[:first], *(w for w in title[first:] if not w.text[:1].isupper()))


def choose(findings: Iterable[RoleFinding]) -> RoleFinding | None:
    """The class most findings give (each word counted once), ties to the first written;
    any class before "other"."""
    by_place = {f.start: f for f in findings}
    if not by_place:
        return None
    counts: dict[str, int] = {}
    first: dict[str, RoleFinding] = {}
    for finding in sorted(by_place.values(), key=lambda f: f.start):
        counts[finding.role] = counts.get(finding.role, 0) + 1
        first.setdefault(finding.role, finding)
    best = max(counts, key=lambda r: (r != OTHER, counts[r], -first[r].start))
    return first[best]


def role_of(described: Described) -> RoleFinding | None:
    """The role the phrases describing an actor give it, and the word that tells it
    (``reader.sources.phrases.described``, with ``ROLE_WORDS_ALL``); None: not stated."""
    findings = [phrase_role(t, title=True) for t in described.titles]
    findings += [phrase_role(p) for p in described.phrases]
    return choose(f for f in findings if f is not None)
