"""Who a pronoun or title stands for: "he said", "they said", "her lawyer", "the president said".

Works on the actor mentions already found, in text order, with a bounded look-back so that
a long article stays linear. Rules, in order, for a pronoun:

1. the nearest main-clause subject of a compatible actor in the pronoun's sentence ("Al-Assad
   said he would not meet Erdogan until what he described ..." → al-Assad), else the nearest
   compatible mention in that sentence, else the nearest subject of the sentence before,
2. the previous statement's speaker, if compatible and no more than a few sentences back,
3. the nearest compatible mention.

Mentions inside direct quotations are never antecedents, and neither are modifiers
("Russian troops", "US officials") except of a person for he or she ("the Santorum
cocktail"). he/she want a person (not one known to be of the other gender), they/we a group
or organisation, it an organisation or place. A person's gender comes from a title or
honorific ("Mrs", "King"), else from the given names the packaged data knows (the lean of
"Kristen" is female), else from an earlier "he" or "she" resolved to them. For he and she the
rules run twice, among the actors known to agree and among those not known to disagree; the
first answer wins unless the second lies in a later sentence or is the subject of the
pronoun's own ("The lawyer, Kowalski, answered Judge Mary Holt. She said" is the judge).

Beyond statements' speakers (``link_pronouns``), every third-person pronoun of the lexicon's
``THIRD_PERSON`` is resolved the same way, in text order, each becoming an antecedent of the
ones after it, with what the parse and the statements say of its place: a reflexive is the
subject of its own clause ("turned himself in"), an object pronoun is not ("he would assist
him"), a pronoun in a phrase before its sentence's subject announces it ("In her speech,
Okafor said"), and one in a speaker's own words is not that speaker ("'I told him', Smith
said") but may be a name quoted beside it; a person described without a name in between
("There was a woman, a fan. She …") is no actor, so that pronoun and the ones referring back
to it stay unresolved. "they", "them" and "their" are resolved only as speakers: elsewhere
they mostly stand for people the story describes without naming ("the girls",
"participants"), which are no actors, so they stay unresolved.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.attribution.rules import Rule
from reader.lexicon.pronouns import PRONOUNS, REFLEXIVE_PRONOUNS, THIRD_PERSON
from reader.lexicon.titles import GENDERED_PEOPLE, Gender
from reader.model import PRONOUN, ActorKind, Entity, Quote
from reader.nlp.labels import CONJ, OBJECTS, POBJ, ROOT, SUBJECTS
from reader.nlp.parsing import Paragraph
from reader.spans import last_starting_at_or_before

if TYPE_CHECKING:
    from spacy.tokens import Token

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


@dataclass(frozen=True, slots=True)
class Place:
    """Where a pronoun stands, as far as finding what it refers to goes."""

    #: Mentions starting in these spans are no antecedents (a statement's own content).
    exclude: Sequence[tuple[int, int]] = ()
    #: The actors whose own words hold the pronoun ("I told him", said Smith: not Smith).
    voices: Collection[str] = ()
    #: The quotation holding the pronoun: names quoted in it may be antecedents.
    quotation: tuple[int, int] | None = None
    #: The subject of the clause whose object the pronoun is: "himself" is that subject,
    #: "him" is not ("he would assist him").
    clause_subject: Mention | None = None
    #: Where the sentence's subject begins when the pronoun stands in a phrase before it
    #: ("In her speech, Ms Okafor said"): the subject it announces.
    announced: int | None = None
    #: People a statement names in full, for its speaker pronoun: "He said, “Andy Warhol
    #: was a legend”" is not Warhol speaking of himself.
    named_within: Collection[str] = ()

    def quoted(self, offset: int) -> bool:
        return self.quotation is not None and self.quotation[0] <= offset < self.quotation[1]


#: Keys of people described without a name start so; no cluster key does.
_UNNAMED = "unnamed:"


class Antecedents:
    """Actor mentions seen so far, in text order, and the actors' known genders."""

    def __init__(self, mentions: Iterable[Mention], genders: dict[str, Gender | None]) -> None:
        self._mentions = sorted(mentions)
        self._starts = [m.start for m in self._mentions]
        self._genders = genders
        self._speakers: list[Mention] = []
        self._speaker_starts: list[int] = []
        #: Pronouns resolved in text order (``chain``), apart so that adding stays cheap.
        self._chain: list[Mention] = []
        self._chain_starts: list[int] = []

    def add(self, mention: Mention) -> None:
        """A statement's speaker, resolved: an antecedent, and the latest speaker after it."""
        index = bisect_right(self._starts, mention.start)
        self._starts.insert(index, mention.start)
        self._mentions.insert(index, mention)
        index = bisect_right(self._speaker_starts, mention.start)
        self._speaker_starts.insert(index, mention.start)
        self._speakers.insert(index, mention)

    def speaker_before(self, offset: int) -> Mention | None:
        """The speaker mention latest before ``offset``, or None."""
        index = bisect_right(self._speaker_starts, offset - 1) - 1
        return self._speakers[index] if index >= 0 else None

    def chain(self, mention: Mention) -> None:
        """A pronoun resolved to ``mention.actor``: an antecedent of the pronouns after it.

        Pronouns are chained in text order, each after every one before it.
        """
        self._chain.append(mention)
        self._chain_starts.append(mention.start)

    def _before(self, offset: int, limit: int) -> Iterable[Mention]:
        """Up to ``limit`` mentions starting before ``offset``, latest first."""
        i = bisect_right(self._starts, offset - 1) - 1
        j = bisect_right(self._chain_starts, offset - 1) - 1
        for _ in range(limit):
            if j < 0 or (i >= 0 and self._starts[i] >= self._chain_starts[j]):
                if i < 0:
                    return
                yield self._mentions[i]
                i -= 1
            else:
                yield self._chain[j]
                j -= 1

    def _fits(self, mention: Mention, want: str, strict: bool = False) -> bool:
        """The mention's actor can be what the pronoun wants; ``strict``: known to be."""
        # "Russian troops" is no mention of Russia for "they"; "the Santorum cocktail" is
        # one of Santorum for "he".
        personal = want in ("male", "female")
        if mention.kind not in _WANTED_KINDS[want] or (mention.modifier and not personal):
            return False
        if personal:
            gender = self._genders.get(mention.actor)
            return gender == want if strict else gender in (None, want)
        return True

    def unnamed(self, gender: Gender) -> str:
        """The key standing for a person of ``gender`` described without a name."""
        key = f"{_UNNAMED}{gender}"
        self._genders[key] = gender
        return key

    @staticmethod
    def is_unnamed(key: str | None) -> bool:
        return key is not None and key.startswith(_UNNAMED)

    def mention_at(self, offset: int) -> Mention | None:
        """The mention (name or chained pronoun) covering ``offset``, or None."""
        for starts, mentions in ((self._starts, self._mentions), (self._chain_starts, self._chain)):
            index = bisect_right(starts, offset) - 1
            if index >= 0 and mentions[index].end > offset:
                return mentions[index]
        return None

    def pronoun(
        self,
        pronoun: str,
        offset: int,
        sentence: int,
        previous: Mention | None,
        exclude: Sequence[tuple[int, int]] = (),
        named_within: Collection[str] = (),
    ) -> str | None:
        """The actor id a pronoun at ``offset`` refers to, or None."""
        place = Place(exclude=exclude, named_within=named_within)
        found = self.antecedent(pronoun, offset, sentence, previous, place)
        return found.actor if found else None

    def antecedent(
        self, pronoun: str, offset: int, sentence: int, previous: Mention | None, place: Place
    ) -> Mention | None:
        """The mention a pronoun at ``offset`` refers to, or None.

        A reflexive is its clause's subject; a pronoun before its sentence's subject is
        that subject, if it fits; else the rules of the module decide, for he and she first
        among the actors known to agree (see the module). An actor of unknown gender then
        takes the pronoun's.
        """
        word = pronoun.strip().lower()
        want = PRONOUNS.get(word, "unknown")
        if want == "unknown":
            return None
        bound = place.clause_subject
        if bound is not None and word in REFLEXIVE_PRONOUNS:
            # "Montalvo turned himself in": a reflexive is the subject of its own clause.
            return bound if self._fits(bound, want) else None
        unbound = bound.actor if bound is not None else None

        def allowed(m: Mention) -> bool:
            return not (
                m.actor in place.voices
                or m.actor in place.named_within
                or m.actor == unbound
                or (m.quoted and not place.quoted(m.start))
                or any(s <= m.start < e for s, e in place.exclude)
            )

        if place.announced is not None:
            subject = self._subject_after(place.announced, sentence, want, allowed)
            if subject is not None:
                return subject
        loose = self._scan(offset, sentence, previous, lambda m: self._fits(m, want) and allowed(m))
        if want not in ("male", "female"):
            return loose
        strong = self._scan(
            offset, sentence, previous, lambda m: self._fits(m, want, True) and allowed(m)
        )
        # Known to agree wins, unless the other is in a later sentence or is the subject of
        # the pronoun's own ("Al-Assad said he would not meet Erdogan until what he said").
        ahead = (
            loose is not None
            and strong is not None
            and (
                loose.sentence > strong.sentence
                or (loose.sentence == sentence and loose.subject and not strong.subject)
            )
        )
        found = loose if strong is None or ahead else strong
        if found is not None and self._genders.get(found.actor) is None:
            # "Professor Eastman said he …": a later "she" is someone else.
            self._genders[found.actor] = want  # type: ignore[assignment]
        return found

    def _scan(
        self,
        offset: int,
        sentence: int,
        previous: Mention | None,
        fits: Callable[[Mention], bool],
    ) -> Mention | None:
        nearest: Mention | None = None
        for m in self._before(offset, LOOKBACK):
            if not fits(m):
                continue
            nearest = nearest or m
            if m.sentence < sentence - 1:
                break
            # "When I asked the director, Farid Karimi, what happened, he said …": no subject
            # in the pronoun's own sentence, so a compatible name there beats the one before.
            if m.sentence < sentence and nearest.sentence == sentence:
                return nearest
            if m.subject:
                return m
        if nearest is not None and nearest.sentence == sentence:
            return nearest
        if (
            previous is not None
            and previous.start < offset
            and previous.sentence >= sentence - SPEAKER_SENTENCES
            and fits(previous)
        ):
            return previous
        return nearest

    def _subject_after(
        self, offset: int, sentence: int, want: str, allowed: Callable[[Mention], bool]
    ) -> Mention | None:
        """The first subject mention from ``offset`` on in the sentence, if it fits."""
        index = bisect_right(self._starts, offset - 1)
        for m in self._mentions[index : index + LOOKBACK]:
            if m.sentence != sentence:
                return None
            if m.subject and not m.modifier:
                return m if self._fits(m, want) and allowed(m) else None
        return None

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


#: A third-person pronoun as a whole word ("he", "Her", "their"; "he's" too).
_THIRD_PERSON = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(sorted(THIRD_PERSON, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PronounLink:
    """A third-person pronoun and the actor (cluster key) it refers to, or None."""

    start: int
    end: int
    actor: str | None


def find_pronouns(text: str, names: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the third-person pronouns of ``text`` outside the sorted ``names`` spans."""
    found: list[tuple[int, int]] = []
    index = 0
    for match in _THIRD_PERSON.finditer(text):
        start, end = match.span()
        while index < len(names) and names[index][1] <= start:
            index += 1
        if index < len(names) and names[index][0] < end:
            continue  # inside a name: "His Holiness the Dalai Lama", "He Jiankui"
        found.append((start, end))
    return found


#: A stretch between double quotation marks (marks excluded), inside a mixed statement.
_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»]+)[\"”»]")


def voiced_stretches(
    text: str, statements: Sequence[tuple[Quote, str]]
) -> list[tuple[int, int, str]]:
    """The stretches in a speaker's own words, ``(start, end, actor)``: direct quotations,
    transcript turns ("Rebecca: And he's been right") and the quoted words of mixed
    statements, each with the actor (cluster key) who says them."""
    voiced: list[tuple[int, int, str]] = []
    for quote, actor in statements:
        if quote.kind == "direct" or quote.rule == Rule.COLON_LINE:
            voiced.extend((start, end, actor) for start, end in quote.spans)
        elif quote.kind == "mixed":
            for start, end in quote.spans:
                voiced.extend(
                    (*found.span(1), actor) for found in _QUOTED.finditer(text, start, end)
                )
    return voiced


def link_pronouns(
    text: str,
    paragraphs: Sequence[Paragraph],
    pronouns: Sequence[tuple[int, int]],
    sentences: SentenceIndex,
    antecedents: Antecedents,
    spoken: dict[tuple[int, int], str | None],
    voiced: Sequence[tuple[int, int, str]] = (),
) -> list[PronounLink]:
    """Resolve each pronoun, in text order, as a speaker pronoun is resolved.

    ``spoken`` holds the pronouns that are statements' speakers, already resolved: they
    keep the actor their statement was given. ``voiced`` are the stretches of the speakers'
    own words (``(start, end, actor)``): a pronoun inside never refers to that speaker, and
    may refer to a name quoted in the same stretch. Each resolved pronoun becomes an
    antecedent of those after it.
    """
    links: list[PronounLink] = []
    voices = _Voices(voiced)
    roles = _roles(text, paragraphs, pronouns, sentences)
    for (start, end), role in zip(pronouns, roles, strict=True):
        if (start, end) in spoken:
            links.append(PronounLink(start, end, spoken[start, end]))
            continue
        want = PRONOUNS.get(text[start:end].lower(), "unknown")
        if want not in ("male", "female"):
            # "they" mostly stands for people the story describes without naming ("the
            # girls", "participants"), which are no actors: left unresolved.
            links.append(PronounLink(start, end, None))
            continue
        sentence = sentences.of(start)
        speakers, quotation = voices.at(start)
        place = Place(
            voices=speakers,
            quotation=quotation,
            clause_subject=(
                antecedents.mention_at(role.clause_subject)
                if role.clause_subject is not None
                else None
            ),
            announced=role.announced,
        )
        previous = antecedents.speaker_before(start)
        found = antecedents.antecedent(text[start:end], start, sentence, previous, place)
        if found is not None and _described_since(text, found.end, start, want):
            # "There was a woman, a fan. She …": someone described, not an actor; the
            # pronouns after it that refer back to her are unresolved too.
            gender: Gender = "male" if want == "male" else "female"
            found = Mention(start, end, antecedents.unnamed(gender), "person")
        actor = found.actor if found is not None else None
        links.append(PronounLink(start, end, None if antecedents.is_unnamed(actor) else actor))
        if found is not None:
            mention = Mention(start, end, found.actor, found.kind, sentence, role.subject)
            antecedents.chain(mention)
    return links


#: How far back a person described without a name ("a woman") is looked for.
DESCRIBED_CHARS = 250
#: "a woman", "an elderly man", "one brother" — but not "a brother, George", whom the name
#: after names. ("his brother" is not looked for: a story's people have families.)
_DESCRIBED = re.compile(
    r"(?<![\w-])(?:a|an|one)\s+(?:[a-z-]+\s+){0,2}("
    + "|".join(sorted(GENDERED_PEOPLE, key=len, reverse=True))
    + r")(?![\w-])(?!\s*,?\s*(?-i:[A-Z]))",
    re.IGNORECASE,
)


def _described_since(text: str, after: int, offset: int, want: str) -> bool:
    """A person of the pronoun's gender is described, not named, between its antecedent and
    it ("There was a woman, a fan. She …"): the pronoun is probably that person."""
    window = max(after, offset - DESCRIBED_CHARS)
    return any(
        GENDERED_PEOPLE[m.group(1).lower()] == want
        for m in _DESCRIBED.finditer(text, window, offset)
    )


@dataclass(frozen=True, slots=True)
class _Role:
    """What the parse says of a pronoun (offsets into the text)."""

    #: The subject of its main clause ("he said").
    subject: bool = False
    #: Where the subject of its clause stands, when it is that clause's object ("him",
    #: "himself").
    clause_subject: int | None = None
    #: Where the sentence's subject begins, when the pronoun comes in a phrase before it.
    announced: int | None = None


def _roles(
    text: str,
    paragraphs: Sequence[Paragraph],
    spans: Sequence[tuple[int, int]],
    sentences: SentenceIndex,
) -> list[_Role]:
    """The role of each pronoun; without a parse, one opening its sentence is its subject."""
    if not paragraphs:
        return [_Role(subject=sentences.opens(text, start)) for start, _ in spans]
    starts = [p.start for p in paragraphs]
    roles: list[_Role] = []
    for start, end in spans:
        index = last_starting_at_or_before(starts, start)
        paragraph = paragraphs[index] if index >= 0 else None
        span = (
            paragraph.doc.char_span(
                start - paragraph.start, end - paragraph.start, alignment_mode="expand"
            )
            if paragraph is not None and end <= paragraph.end
            else None
        )
        if paragraph is None or span is None or not len(span):
            roles.append(_Role())
            continue
        roles.append(_token_role(span[0], paragraph.start))
    return roles


def _token_role(token: Token, base: int) -> _Role:
    head = token.head
    main = head.dep_ == ROOT or (head.dep_ == CONJ and head.head.dep_ == ROOT)
    if token.dep_ in SUBJECTS:
        return _Role(subject=main)
    clause_subject = None
    if token.dep_ in OBJECTS:
        verb = head.head if token.dep_ == POBJ else head
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None and verb.dep_ == CONJ:
            # "walked into the station and turned himself in": the first verb's subject.
            subject = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.i < token.i:
            clause_subject = base + subject.idx
    announced = None
    root = token.sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is not None and token.i < subject.left_edge.i:
        between = token.doc[token.i + 1 : subject.left_edge.i]
        if any(t.text == "," for t in between):
            announced = base + subject.left_edge.idx
    return _Role(clause_subject=clause_subject, announced=announced)


class _Voices:
    """Whose own words cover an offset: the speakers of the stretches around it."""

    #: Stretches starting before an offset that are checked; statements seldom nest deeper.
    DEPTH = 8

    def __init__(self, voiced: Sequence[tuple[int, int, str]]) -> None:
        self._voiced = sorted(voiced)
        self._starts = [start for start, _, _ in self._voiced]

    def at(self, offset: int) -> tuple[set[str], tuple[int, int] | None]:
        """The speakers whose words hold ``offset``, and the innermost stretch of them."""
        index = bisect_right(self._starts, offset) - 1
        speakers: set[str] = set()
        innermost: tuple[int, int] | None = None
        for start, end, actor in self._voiced[max(0, index - self.DEPTH + 1) : index + 1]:
            if start <= offset < end:
                speakers.add(actor)
                if innermost is None or end - start < innermost[1] - innermost[0]:
                    innermost = (start, end)
        return speakers, innermost


def pronoun_entities(
    text: str, entities: Sequence[Entity], links: Sequence[PronounLink], ids: dict[str, str]
) -> list[Entity]:
    """``entities`` with a ``PRONOUN`` entity for each link merged in, in text order.

    ``ids`` maps cluster keys to actor ids; the entities keep their own order.
    """
    pronouns = [
        Entity(link.start, link.end, text[link.start : link.end], PRONOUN, ids.get(link.actor))
        if link.actor is not None
        else Entity(link.start, link.end, text[link.start : link.end], PRONOUN)
        for link in links
    ]
    return list(heapq.merge(entities, pronouns, key=lambda e: e.start))
