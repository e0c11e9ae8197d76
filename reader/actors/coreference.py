"""Who a speaker pronoun or title stands for: "he said", "they said", "the president said".

Works on the actor mentions already found, in text order, with a bounded look-back so that
a long article stays linear. Rules, in order, for a pronoun:

1. the nearest main-clause subject of a compatible actor in the pronoun's sentence ("Al-Assad
   said he would not meet Erdogan until what he described ..." → al-Assad), else the nearest
   compatible mention in that sentence, else the nearest subject of the sentence before,
2. the previous statement's speaker, if compatible and no more than a few sentences back,
3. the nearest compatible mention.

Mentions inside direct quotations are never antecedents, and neither are modifiers
("Russian troops", "US officials"). he/she want a person (not one known to be of the other
gender), they/we a group or organisation, it an organisation or place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.lexicon.pronouns import PRONOUNS
from reader.lexicon.titles import Gender
from reader.model import ActorKind
from reader.nlp.parsing import Paragraph
from reader.spans import last_starting_at_or_before

#: How many earlier mentions a pronoun looks at; keeps resolution linear on long articles.
LOOKBACK = 80
#: How far back "the president" looks for the latest mention of a titled actor.
TITLE_LOOKBACK = 2000
#: How many sentences back the previous statement's speaker still counts.
SPEAKER_SENTENCES = 3


_WANTED_KINDS: dict[str, frozenset[str]] = {
    "male": frozenset({"person"}),
    "female": frozenset({"person"}),
    "plural": frozenset({"group", "organisation"}),
    "neuter": frozenset({"organisation", "place"}),
    "unknown": frozenset(),
}


def is_pronoun(surface: str) -> bool:
    """True for "he", "They", "it" … as a whole speaker mention."""
    return surface.strip().lower() in PRONOUNS


@dataclass(order=True, slots=True)
class Mention:
    """One mention of an actor, with what the parse says about its role in the sentence."""

    start: int
    end: int = field(compare=False)
    actor: str = field(compare=False)
    kind: ActorKind = field(compare=False)
    sentence: int = field(compare=False, default=0)
    subject: bool = field(compare=False, default=False)
    modifier: bool = field(compare=False, default=False)
    quoted: bool = field(compare=False, default=False)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")


class SentenceIndex:
    """Sentence number of any character offset, from the parse or, without one, punctuation."""

    def __init__(self, starts: Iterable[int]) -> None:
        self._starts = sorted(set(starts)) or [0]

    @classmethod
    def build(cls, text: str, paragraphs: Sequence[Paragraph]) -> SentenceIndex:
        if paragraphs:
            return cls(p.start + sent.start_char for p in paragraphs for sent in p.doc.sents)
        return cls([0, *(m.end() for m in _SENTENCE_END.finditer(text))])

    def of(self, offset: int) -> int:
        return max(0, last_starting_at_or_before(self._starts, offset))

    def opens(self, text: str, offset: int) -> bool:
        """True when only "the" stands between the sentence start and ``offset``.

        Without a parse, a name opening its sentence is taken as the sentence's subject.
        """
        start = self._starts[self.of(offset)]
        return text[start:offset].strip().lower() in ("", "the", '"', "“")


class Antecedents:
    """Actor mentions seen so far, in text order, and the actors' known genders."""

    def __init__(self, mentions: Iterable[Mention], genders: dict[str, Gender | None]) -> None:
        self._mentions = sorted(mentions)
        self._starts = [m.start for m in self._mentions]
        self._genders = genders

    def add(self, mention: Mention) -> None:
        index = bisect_right(self._starts, mention.start)
        self._starts.insert(index, mention.start)
        self._mentions.insert(index, mention)

    def _before(self, offset: int, limit: int) -> Iterable[Mention]:
        index = bisect_right(self._starts, offset - 1)
        for i in range(index - 1, max(-1, index - 1 - limit), -1):
            yield self._mentions[i]

    def _fits(self, mention: Mention, want: str) -> bool:
        if mention.kind not in _WANTED_KINDS[want] or mention.quoted or mention.modifier:
            return False
        if want in ("male", "female"):
            gender = self._genders.get(mention.actor)
            return gender is None or gender == want
        return True

    def pronoun(
        self,
        pronoun: str,
        offset: int,
        sentence: int,
        previous: Mention | None,
        exclude: Sequence[tuple[int, int]] = (),
    ) -> str | None:
        """The actor id a pronoun at ``offset`` refers to, or None."""
        want = PRONOUNS.get(pronoun.strip().lower(), "unknown")
        if want == "unknown":
            return None
        nearest: Mention | None = None
        for m in self._before(offset, LOOKBACK):
            if not self._fits(m, want) or any(s <= m.start < e for s, e in exclude):
                continue
            nearest = nearest or m
            if m.sentence < sentence - 1:
                break
            # "When I asked the director, Farid Karimi, what happened, he said …": no subject
            # in the pronoun's own sentence, so a compatible name there beats the one before.
            if m.sentence < sentence and nearest.sentence == sentence:
                return nearest.actor
            if m.subject:
                return m.actor
        if nearest is not None and nearest.sentence == sentence:
            return nearest.actor
        if (
            previous is not None
            and previous.start < offset
            and previous.sentence >= sentence - SPEAKER_SENTENCES
            and self._fits(previous, want)
        ):
            return previous.actor
        return nearest.actor if nearest else None

    def titled(self, keys: Sequence[str], offset: int, titles: dict[str, set[str]]) -> str | None:
        """The latest-mentioned actor holding one of the title ``keys``, most specific first."""
        for key in keys:
            holders = titles.get(key)
            if not holders:
                continue
            for m in self._before(offset, TITLE_LOOKBACK):
                if m.actor in holders:
                    return m.actor
            return min(holders, key=lambda k: (len(k), k))
        return None
