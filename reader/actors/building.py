"""Actors: entity and speaker mentions clustered into people, organisations, places, groups.

``resolve_actors`` reads the entities and statements in text order, once:

* Entities become actors by label: PERSON → person; ORG → organisation; GPE, LOC, FAC →
  place; NORP → group (a nationality word used as a modifier is its country's mention).
  Dates, times, numbers, money and quantities are never actors, and neither are things:
  products, events, laws, works and languages.
* People merge on their name without titles, particles, case or possessive ("President
  Vladimir Putin" = "Putin"; "Bashar al-Assad" = "Al-Assad" = "Assad"). Two people both
  named in full with different given names ("John Smith", "Mary Smith") never merge; a bare
  "Smith" goes to the one mentioned most recently. A one-word ORG that is a known person's
  surname ("al-Assad" mislabelled ORG) joins that person.
* Country adjectives are groups of their own: "Russian" (NORP) is not merged into "Russia"
  (GPE). "Russian troops", "Russian offers" and "Russian soldier" are not the state, and
  merging would swell the country with every adjective. "Russians" and "Russian" do merge.
* Speakers, first rule that applies: a pronoun is resolved by ``reader.actors.coreference``; a
  span whose head word lies in an entity is that entity's actor; "the president" is the
  latest-mentioned actor the article gave that title ("Russian President Vladimir Putin",
  "Vladimir Putin, the Russian president"); an entity after the head ("a spokesman for the
  Kremlin", also when the span ends at "a spokesman" and the text goes on "for the
  Kremlin") or written as owner ("Russia's foreign ministry") is the speaker; a plural noun
  ("experts", "US officials") is a group and an institution noun ("the Defence Ministry")
  an organisation, found again by the same words ("the company", "the club" and the like
  are the organisation named as the subject of their sentence or the nearest one before,
  if one was: ``BACK_REFERENCE_HEADS``); then any entity in the span; then a
  capitalised name (matched by name, or a new person); else a description of kind other.
  A definite title nobody in the article holds stays unresolved.
* Confidence: a pronoun speaker keeps 0.85 of the quote's confidence, a title 0.9; an
  unresolved speaker mention gets actor None and half. Quotes without a speaker mention
  are left as they are.
* ``Actor.mentions`` counts the times the actor is named (entities and named or descriptive
  speakers); pronouns and titles are neither counted nor aliases.
* Every third-person pronoun outside the names ("he", "her", "their") becomes an entity
  labelled ``PRONOUN``, with the actor ``reader.actors.coreference`` resolves it to (a
  speaker pronoun keeps its statement's actor), or None.
* Ids are slugs of the canonical name, in order of first mention, "-2" on a clash.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.actors.clusters import Cluster, Registry
from reader.actors.coreference import (
    Antecedents,
    Mention,
    SentenceIndex,
    find_pronouns,
    is_pronoun,
    link_pronouns,
    pronoun_entities,
    voiced_stretches,
)
from reader.actors.names import (
    PersonTitle,
    capitalised_plural,
    description_key,
    given_name_gender,
    honorific_gender,
    is_plural_noun,
    looks_like_name,
    name_tokens,
    slugify,
    split_title,
    strip_possessive,
    title_after,
    title_before,
)
from reader.deadline import checkpoint
from reader.lexicon.demonyms import (
    COUNTRIES,
    COUNTRY_ALIASES,
    COUNTRY_OF_ADJECTIVE,
    COUNTRY_OF_PLURAL,
    NOUN_USE_FOLLOWERS,
)
from reader.lexicon.groups import (
    BACK_REFERENCE_HEADS,
    BODY_NOUNS,
    FINDINGS_NOUNS,
    ORGANISATION_HEADS,
    OTHER_BODIES,
    OUTLET_HEADS,
)
from reader.lexicon.name_parts import DETERMINERS
from reader.lexicon.titles import (
    HONORIFICS,
    KINSHIP_WORDS,
    ROLE_WORDS,
    SPEAKING_ROLES,
    TITLE_HEADS,
    Gender,
)
from reader.model import Actor, ActorKind, Entity, Quote
from reader.nlp.body_names import national_teams
from reader.nlp.labels import (
    APPOS,
    CONJ,
    GPE,
    LABEL_KINDS,
    LOC,
    MODIFIERS,
    NORP,
    NOT_ACTOR_LABELS,
    ORG,
    ROOT,
    SUBJECTS,
)
from reader.nlp.parsing import Paragraph
from reader.nlp.written_names import opens_sentence
from reader.opening.limits import MAX_ID_CHARS, MAX_NAME_CHARS, cut
from reader.spans import last_starting_at_or_before

PRONOUN_CONFIDENCE = 0.85
TITLE_CONFIDENCE = 0.9
UNRESOLVED_CONFIDENCE = 0.5

#: Where a speaker description's head ends: "a spokesman for the Kremlin" → "spokesman".
_POST_MODIFIER = re.compile(r",|\s(?:for|of|at|from|in|with|who|which|on)\s")
#: Longest entity looked back over when searching entities that overlap a span.
_MAX_ENTITY_CHARS = 200
#: Between a description and the name set off after it: "A spokesman, Marc Lemaire".
_APPOSITION_GAP = re.compile(
    r"(?:\s+[^,.;:!?\"“”\n]{1,60})?\s*,\s*(?:(?:the|Dr|Mr|Ms|Mrs|Prof|Sen|Coun)\.?\s+)?"
)
_POSSESSIVES = ("'s", "’s")
#: Nothing but a space between a role and the name it is given: "coach Nabil Maaloul".
_CLOSE_APPOSITION_GAP = re.compile(r"[ \t]+")
#: "academic and professor Marc Lamont Hill": more roles joined before the name.
_ROLE_JOINED = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:[a-z-]+[ \t]+){1,3}")
#: "Ambassador to the United States Hamdullah Mohib": where the role is held.
_PLACE_PHRASE = re.compile(
    r"[ \t]+(?:to|of|for|at|in)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.'’-]*[ \t]+){1,5}"
)
#: How far back "the company" looks for the company it refers to.
_BACK_REFERENCE_CHARS = 1500
_CLAUSE_PUNCTUATION = frozenset(',.;:"“”()')
#: What joins a speaking role (``SPEAKING_ROLES``) to its body after the speaker span:
#: " for the", " at", ", of".
_FOR_BODY = re.compile(r"[ \t]*,?[ \t]+(?:for|at|of|from)[ \t]+(?:the[ \t]+)?")
#: Between findings and their producer: "a study by", "data from the".
_PRODUCED_BY = re.compile(r"[ \t]+(?:by|from|of)[ \t]+(?:the[ \t]+)?")


def _last_word(before: str) -> str:
    """The last word of ``before``, lower case, without a full stop or comma."""
    words = before.split()
    return words[-1].lower().strip(".,") if words else ""


def _ends_in_role(before: str) -> bool:
    """The description ends in a role or kinship word ("coach", "father", "Ambassador")."""
    last = _last_word(before)
    return last in ROLE_WORDS or last in KINSHIP_WORDS


_KIND_PREFERENCE: dict[str, int] = {
    "person": 0,
    "organisation": 1,
    "group": 2,
    "place": 3,
    "other": 4,
}


def actor_kind(label: str) -> ActorKind | None:
    """The actor kind an entity label gives, or None for dates, numbers and the like."""
    if label in NOT_ACTOR_LABELS:
        return None
    return LABEL_KINDS.get(label, "other")


def resolve_actors(
    text: str,
    paragraphs: Sequence[Paragraph],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
) -> tuple[list[Entity], list[Quote], list[Actor]]:
    """Cluster mentions into actors and fill the ``actor`` ids of entities and quotes.

    ``paragraphs`` may be empty: the parse only sharpens pronoun resolution (sentence
    subjects, adjectives); sentences are then found by punctuation.
    """
    modifiers = _nationality_modifiers(text, paragraphs, entities)
    checkpoint()
    registry, entity_clusters = _cluster_entities(text, entities, modifiers)
    checkpoint()
    sentences = SentenceIndex.build(text, paragraphs)
    mentions = _entity_mentions(text, paragraphs, entities, entity_clusters, sentences, quotes)
    checkpoint()
    speakers = _Speakers(text, registry, entities, entity_clusters, sentences, mentions)
    quote_clusters: dict[int, Cluster] = {}
    factors: dict[int, float] = {}
    for qi in sorted(range(len(quotes)), key=lambda i: (quotes[i].start, i)):
        checkpoint()
        resolved = speakers.resolve(quotes[qi])
        if resolved is None:
            continue
        speaker, factors[qi] = resolved
        if speaker is not None:
            quote_clusters[qi] = speaker.root()
    _headline_roles_to_holders(text, paragraphs, quotes, quote_clusters, registry)
    checkpoint()
    pronouns = find_pronouns(text, sorted((e.start, e.end) for e in entities))
    said = [(quotes[qi], cluster.key) for qi, cluster in quote_clusters.items()]
    voiced = voiced_stretches(text, said)
    links = link_pronouns(
        text, paragraphs, pronouns, sentences, speakers.antecedents, speakers.spoken, voiced
    )

    checkpoint()
    clusters = registry.live()
    ids = _assign_ids(clusters)
    new_entities = [
        _with_actor(e, ids[entity_clusters[i].key] if i in entity_clusters else None)
        for i, e in enumerate(entities)
    ]
    new_entities = pronoun_entities(text, new_entities, links, ids)
    statements: defaultdict[str, list[int]] = defaultdict(list)
    new_quotes = list(quotes)
    for qi, factor in factors.items():
        quote = quotes[qi]
        speaker = quote_clusters.get(qi)
        actor_id = ids[speaker.key] if speaker is not None else None
        if actor_id is not None:
            statements[actor_id].append(qi)
        confidence = quote.confidence if factor == 1.0 else _scaled(quote.confidence, factor)
        if (actor_id, confidence) != (quote.actor, quote.confidence):
            new_quotes[qi] = replace(quote, actor=actor_id, confidence=confidence)
    actors = [
        Actor(
            id=ids[c.key],
            name=cut(c.canonical_name(), MAX_NAME_CHARS),
            kind=c.kind,
            aliases=tuple(sorted({cut(form, MAX_NAME_CHARS) for form in c.forms})),
            mentions=c.mentions,
            quotes=tuple(sorted(statements[ids[c.key]], key=lambda i: (quotes[i].start, i))),
            country=_country_of_group(c),
        )
        for c in clusters
    ]
    return new_entities, new_quotes, actors


def _headline_roles_to_holders(
    text: str,
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Quote],
    quote_clusters: dict[int, Cluster],
    registry: Registry,
) -> None:
    """A headline's statement by a bare role ("'…,' coach tells players") is the statement
    of the one person the body gives that role ("Coach Ana Ruiz"), never another actor's."""
    if len(paragraphs) < 2:
        return
    headline_end = paragraphs[0].end
    people = [c for c in registry.live() if c.person]
    for qi, cluster in list(quote_clusters.items()):
        quote = quotes[qi]
        role = (quote.speaker or "").strip().lower()
        if quote.start >= headline_end or cluster.person or role not in ROLE_WORDS:
            continue
        holders = [
            person
            for person in people
            if any(
                _role_before(text[max(headline_end, at - 30) : at]) == role
                for at in person.positions
            )
        ]
        if len(holders) == 1:
            quote_clusters[qi] = holders[0]
            if cluster not in quote_clusters.values() and cluster.mentions <= 1:
                cluster.positions.clear()  # the bare role named no one else: no actor


def _role_before(before: str) -> str:
    """The word right before a name, set off by a space: "Coach Ana Ruiz" → "coach"."""
    return _last_word(before) if before.endswith(" ") else ""


def _country_of_group(cluster: Cluster) -> str | None:
    """The country of a nationality group: "the Syrians" → Syria, "Ukrainians" → Ukraine."""
    if cluster.kind != "group":
        return None
    for form in cluster.forms:
        word = form.split()[-1] if form.split() else ""
        country = COUNTRY_OF_PLURAL.get(word) or COUNTRY_OF_ADJECTIVE.get(word)
        if country is not None:
            return country
    return None


def _cluster_entities(
    text: str, entities: Sequence[Entity], modifiers: set[int]
) -> tuple[Registry, dict[int, Cluster]]:
    """Cluster every actor-bearing entity, in text order; returns entity index → cluster.

    ``modifiers`` are the indices of nationality words used as modifiers ("Syrian
    President"): each is a mention of its country, or of no actor when it names none
    ("Western demands").
    """
    registry = Registry()
    clusters: dict[int, Cluster] = {}
    teams = national_teams(text, entities)
    for i in sorted(range(len(entities)), key=lambda i: (entities[i].start, entities[i].end)):
        entity = entities[i]
        kind = actor_kind(entity.label)
        if kind is None or not entity.text.strip():
            continue
        team = entity.label == "ORG" and entity.text in teams  # "Belgium 3 – 0 Panama"
        country = None if team else country_named(entity, i in modifiers)
        body = registry.body_of_acronym(entity.text) if kind == "person" else None
        if body is not None:  # "WHO" tagged a person after "the World Health Organisation"
            cluster, kind = body, "organisation"
        elif kind == "person":
            cluster = registry.person(entity.text, entity.start, _gender(text, entity))
            _note_title(cluster, text, entity.text, entity.start, entity.end)
        elif country is not None:
            cluster, kind = registry.country_of(country, entity.start), "place"
        elif i in modifiers:
            continue
        else:
            cluster = registry.named(entity.text, entity.label, entity.start)
        registry.mention(cluster, entity.text, entity.start, kind)
        clusters[i] = cluster
    registry.merge_surnames()
    registry.merge_name_parts()
    registry.merge_misspellings()
    registry.merge_organisation_parts()
    return registry, {i: c.root() for i, c in clusters.items()}


def country_named(entity: Entity, modifier: bool) -> str | None:
    """The country an entity names: "Syria", "Türkiye" (Turkey), or "Syrian" as a modifier."""
    name = strip_possessive(entity.text).strip()
    if name in COUNTRY_OF_ADJECTIVE:
        return COUNTRY_OF_ADJECTIVE[name] if modifier else None
    if entity.label in (GPE, LOC, ORG, NORP):
        name = COUNTRY_ALIASES.get(name, name)
        return name if name in COUNTRIES else None
    return None


def _nationality_modifiers(
    text: str, paragraphs: Sequence[Paragraph], entities: Sequence[Entity]
) -> set[int]:
    """Indices of nationality-word entities used as modifiers: "Russian troops", not "Russians"."""
    located = [
        i for i, e in enumerate(entities) if e.label == "NORP" or e.text in COUNTRY_OF_ADJECTIVE
    ]
    if not located:
        return set()
    spans = [(entities[i].start, entities[i].end) for i in located]
    if paragraphs:
        roles = [modifier for _, modifier in _roles(paragraphs, spans)]
    else:
        roles = [bool(_FOLLOWED_BY_WORD.match(text, end)) for _, end in spans]
    return {
        i
        for i, modifier in zip(located, roles, strict=True)
        if (modifier and entities[i].text not in COUNTRY_OF_ADJECTIVE)
        or (entities[i].text in COUNTRY_OF_ADJECTIVE and not _used_as_noun(text, entities[i]))
    }


#: Without a parse, a nationality word followed by another word modifies it.
_FOLLOWED_BY_WORD = re.compile(r" [A-Za-z]")


def _used_as_noun(text: str, entity: Entity) -> bool:
    """ "the British said", "a Canadian,": a nationality adjective standing for people.

    Everywhere else ("Russian troops", "Russian-mediated", "historically Russian") it
    describes something by its country.
    """
    before = text[max(0, entity.start - 5) : entity.start].lower()
    if not re.search(r"\b(?:the|a|an)\s+$", before):
        return False
    after = re.match(r"\s*([\w-]*)", text[entity.end : entity.end + 30])
    word = after.group(1).lower() if after else ""
    return not word or word in NOUN_USE_FOLLOWERS


def _entity_mentions(
    text: str,
    paragraphs: Sequence[Paragraph],
    entities: Sequence[Entity],
    clusters: dict[int, Cluster],
    sentences: SentenceIndex,
    quotes: Sequence[Quote],
) -> list[Mention]:
    """The entity mentions as antecedents for pronouns, with their role in the sentence."""
    located = sorted(clusters, key=lambda i: (entities[i].start, entities[i].end))
    spans = [(entities[i].start, entities[i].end) for i in located]
    if paragraphs:
        roles = _roles(paragraphs, spans)
    else:
        roles = [(sentences.opens(text, start), False) for start, _ in spans]
    quoted = _QuotedText(quotes)
    kinds = {c.key: c.kind for c in set(clusters.values())}
    return [
        Mention(
            start=start,
            end=end,
            actor=clusters[i].key,
            kind=kinds[clusters[i].key],
            sentence=sentences.of(start),
            subject=subject,
            modifier=modifier,
            quoted=quoted.contains(start),
        )
        for i, (start, end), (subject, modifier) in zip(located, spans, roles, strict=True)
    ]


def _scaled(confidence: float | None, factor: float) -> float:
    return round((1.0 if confidence is None else confidence) * factor, 3)


def _with_actor(entity: Entity, actor_id: str | None) -> Entity:
    if entity.actor == actor_id:
        return entity
    return Entity(entity.start, entity.end, entity.text, entity.label, actor_id)


def _gender(text: str, entity: Entity) -> Gender | None:
    """Gender the words at or just before a name give: "Mrs Smith", "King Charles"."""
    before = title_before(text, entity.start)
    return (
        (before.gender if before else None)
        or honorific_gender(entity.text)
        or given_name_gender(entity.text)
    )


def _note_title(cluster: Cluster, text: str, surface: str, start: int, end: int) -> None:
    """Remember "President" in "Russian President Vladimir Putin" for later "the president"."""
    written, _ = split_title(surface)
    written = tuple(w for w in written if w not in HONORIFICS)
    before = title_before(text, start)
    after = title_after(text, end)
    for words in (written, before.words if before else (), after.words if after else ()):
        cluster.titles.update(PersonTitle(words).keys)
    gender = (
        (before.gender if before else None)
        or (after.gender if after else None)
        or honorific_gender(surface)
    )
    # A bare "Mr Smith" may have gone to the wrong Smith: learn gender from full names only.
    if (
        gender
        and cluster.gender is None
        and (len(name_tokens(surface)) > 1 or not cluster.mentions)
    ):
        cluster.gender = gender


def _assign_ids(clusters: Sequence[Cluster]) -> dict[str, str]:
    ids: dict[str, str] = {}
    used: set[str] = set()
    for cluster in clusters:
        # A name of hundreds of words (a run of capitalised words taken for one) gives an
        # id within its limit all the same.
        slug = slugify(cluster.canonical_name())[:MAX_ID_CHARS].rstrip("-") or "actor"
        candidate, n = slug, 2
        while candidate in used:
            candidate, n = f"{slug}-{n}", n + 1
        used.add(candidate)
        ids[cluster.key] = candidate
    return ids


def _roles(
    paragraphs: Sequence[Paragraph], spans: list[tuple[int, int]]
) -> list[tuple[bool, bool]]:
    """(main-clause subject, adjective or compound modifier) for each span, from the parse."""
    starts = [p.start for p in paragraphs]
    ends = [p.end for p in paragraphs]
    roles: list[tuple[bool, bool]] = []
    for start, end in spans:
        index = last_starting_at_or_before(starts, start)
        paragraph = paragraphs[index] if index >= 0 else None
        if paragraph is None or end > ends[index]:
            roles.append((False, False))
            continue
        span = paragraph.doc.char_span(
            start - paragraph.start, end - paragraph.start, alignment_mode="expand"
        )
        if span is None or not len(span):
            roles.append((False, False))
            continue
        root = span.root
        head = root.head
        main = head.dep_ == ROOT or (head.dep_ == CONJ and head.head.dep_ == ROOT)
        outside = not (span.start <= head.i < span.end)
        # "Her deputy, Tom Okafor, was more cautious": the apposed name is the subject too.
        subject = root.dep_ in SUBJECTS or (root.dep_ == APPOS and head.dep_ in SUBJECTS)
        if root.dep_ == APPOS:
            head = head.head
            main = head.dep_ == ROOT or (head.dep_ == CONJ and head.head.dep_ == ROOT)
        roles.append((subject and main, root.dep_ in MODIFIERS and outside))
    return roles


class _QuotedText:
    """Which offsets lie inside the quoted words of a direct or mixed quotation."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        spans = sorted(s for q in quotes if q.kind != "indirect" for s in q.spans)
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def contains(self, offset: int) -> bool:
        index = last_starting_at_or_before(self._starts, offset)
        return index >= 0 and offset < self._ends[index]


@dataclass
class _Speakers:
    """Resolves each quote's speaker mention, in text order, to a cluster."""

    text: str
    registry: Registry
    entities: Sequence[Entity]
    entity_clusters: dict[int, Cluster]
    sentences: SentenceIndex
    mentions: list[Mention]

    def __post_init__(self) -> None:
        located = sorted(self.entity_clusters, key=lambda i: self.entities[i].start)
        self._located = located
        self._starts = [self.entities[i].start for i in located]
        # Many mentions share a cluster: each cluster's gender is worked out once, from
        # all its forms, not once per mention (quadratic in an actor named thousands of
        # times).
        self._by_key = {c.key: c for c in self.entity_clusters.values()}
        self._genders = {key: c.pronoun_gender() for key, c in self._by_key.items()}
        self._antecedents = Antecedents(self.mentions, self._genders)
        self._titles: defaultdict[str, set[str]] = defaultdict(set)
        for cluster in self._by_key.values():
            for title in cluster.titles:
                self._titles[title].add(cluster.key)
        self._previous: Mention | None = None
        #: Where the mentions that are their sentence's subject start, and those that only
        #: modify a noun ("the FrameKit app").
        self._subjects = {m.start for m in self.mentions if m.subject}
        self._modifiers = {m.start for m in self.mentions if m.modifier}
        #: Speaker pronouns and the cluster key each resolved to (None: unresolved).
        self.spoken: dict[tuple[int, int], str | None] = {}

    @property
    def antecedents(self) -> Antecedents:
        return self._antecedents

    def resolve(self, quote: Quote) -> tuple[Cluster | None, float] | None:
        """(cluster or None, confidence factor); None when the quote names no speaker."""
        if quote.speaker is None or quote.speaker_start is None or quote.speaker_end is None:
            return None
        start, end = quote.speaker_start, quote.speaker_end
        surface = self.text[start:end] if 0 <= start < end <= len(self.text) else quote.speaker
        sentence = self.sentences.of(start)
        if is_pronoun(surface):
            key = self._antecedents.pronoun(
                surface, start, sentence, self._previous, quote.spans, self._named_in_full(quote)
            )
            cluster = self._by_key.get(key) if key else None
            self.spoken[start, end] = cluster.root().key if cluster else None
            return self._done(cluster, start, end, sentence, PRONOUN_CONFIDENCE)
        titled = self._titled_name_at_end(start, end)
        if titled is not None:
            return self._done(titled, start, end, sentence, 1.0)
        named = looks_like_name(surface) and not _ends_in_role(surface)
        apposed = None if named else self._apposed_name(end)
        if apposed is not None:
            return self._done(apposed, start, end, sentence, 1.0)
        cluster, factor = self._describe(surface, start, end)
        return self._done(cluster, start, end, sentence, factor)

    def _named_in_full(self, quote: Quote) -> set[str]:
        """The people a statement's content names with given name and surname."""
        named: set[str] = set()
        for start, end in quote.spans:
            index = bisect_left(self._starts, start)
            while index < len(self._starts) and self._starts[index] < end:
                entity = self.entities[self._located[index]]
                cluster = self.entity_clusters[self._located[index]]
                if cluster.root().kind == "person" and len(entity.text.split()) >= 2:
                    named.update((cluster.key, cluster.root().key))
                index += 1
        return named

    def _apposed_name(self, end: int) -> Cluster | None:
        """The name set off after a description: "A spokesman, Marc Lemaire, told …"."""
        index = bisect_left(self._starts, end)
        if index >= len(self._starts):
            return None
        entity = self.entities[self._located[index]]
        # "A spokesman, Marc Lemaire," / "A spokeswoman for the commission, Tanya Boyd," /
        # "The union representing bakery staff, the Food Workers Alliance,".
        close = self._closely_apposed(end, index)
        if close is not None:
            return close
        cluster = self.entity_clusters[self._located[index]].root()
        gap = _APPOSITION_GAP.fullmatch(self.text, end, entity.start)
        if gap is None or not self.text.startswith(",", entity.end):
            return None
        if cluster.kind not in ("person", "organisation"):
            return None
        return cluster

    def _titled_name_at_end(self, start: int, end: int) -> Cluster | None:
        """ "… Student Association president Sehar Memon": a speaker ending in a person's
        name right after a role word is that person, whatever bodies come before."""
        index = bisect_left(self._starts, end) - 1
        if index < 0:
            return None
        entity = self.entities[self._located[index]]
        if entity.end != end or entity.start <= start:
            return None
        cluster = self.entity_clusters[self._located[index]].root()
        before = self.text[max(start, entity.start - 40) : entity.start]
        if cluster.kind == "person" and before.endswith(" ") and _ends_in_role(before):
            return cluster
        return None

    def _closely_apposed(self, end: int, index: int) -> Cluster | None:
        """The name a description runs into with no comma: "Tunisia's coach Nabil Maaloul
        said", "His father …", "academic and professor Marc Lamont Hill", "Ambassador to the
        United States Hamdullah Mohib", "The secularist magazine MicroMega"."""
        before = self.text[max(0, end - 40) : end]
        role_before = _ends_in_role(before)
        body_before = _last_word(before) in BODY_NOUNS
        for j in range(index, min(index + 3, len(self._starts))):
            entity = self.entities[self._located[j]]
            gap = self.text[end : entity.start]
            if len(gap) > 60 or any(c in gap for c in _CLAUSE_PUNCTUATION):
                return None
            cluster = self.entity_clusters[self._located[j]].root()
            just_before = self.text[max(0, entity.start - 40) : entity.start]
            if cluster.kind == "person" and (
                (_CLOSE_APPOSITION_GAP.fullmatch(gap) and role_before)
                or (_ROLE_JOINED.fullmatch(gap) and _ends_in_role(just_before))
                or (_PLACE_PHRASE.fullmatch(gap) and role_before)
            ):
                return cluster
            if (
                cluster.kind == "organisation"
                and _CLOSE_APPOSITION_GAP.fullmatch(gap)
                and body_before
            ):
                return cluster
        return None

    def _done(
        self, cluster: Cluster | None, start: int, end: int, sentence: int, factor: float
    ) -> tuple[Cluster | None, float]:
        if cluster is None:
            return None, UNRESOLVED_CONFIDENCE
        cluster = cluster.root()
        self._by_key[cluster.key] = cluster
        mention = Mention(start, end, cluster.key, cluster.kind, sentence, subject=True)
        self._antecedents.add(mention)
        self._previous = mention
        return cluster, factor

    def _describe(self, surface: str, start: int, end: int) -> tuple[Cluster | None, float]:
        head, head_at = _head(surface)
        head_offset = start + head_at
        inside = self._overlapping(head_offset, head_offset + max(1, len(head)))
        if inside:
            return inside[0], 1.0
        if head.lower() in FINDINGS_NOUNS:
            return self._producer(head_offset + len(head))
        words = description_key(surface).split()
        definite = surface.split()[0].lower() not in ("a", "an") if surface.split() else False
        title_failed = False
        if words and words[-1] in TITLE_HEADS and definite and not looks_like_name(surface):
            key = self._antecedents.titled(PersonTitle(tuple(words)).keys, start, self._titles)
            if key is not None:
                return self._by_key[key], TITLE_CONFIDENCE
            title_failed = True
        # "the office of President Bashar al-Assad", "a spokesman for the Kremlin".
        after_head = self._overlapping(head_offset + len(head), end)
        if after_head:
            return after_head[0], 1.0
        owners = self._overlapping(start, head_offset, possessive=True)
        if owners:
            return owners[0], 1.0
        lower_head = head.lower()
        body = self._body_spoken_for(lower_head, end) if surface.endswith(head) else None
        if body is not None:
            return body, 1.0
        plural = is_plural_noun(head) or (
            surface == head and opens_sentence(self.text, start) and capitalised_plural(head)
        )
        if plural and lower_head not in ORGANISATION_HEADS:
            return self._new_mention(
                self.registry.described(description_key(surface)), surface, start, "group"
            )
        bodies = [c for c in self._overlapping(start, head_offset) if c.kind == "organisation"]
        if bodies and lower_head in ORGANISATION_HEADS | BODY_NOUNS:
            return bodies[0], 1.0  # "Yonhap news agency", "the Hanover Gazette newspaper"
        named = self._named_before(lower_head, start) if definite else None
        if named is not None:  # "the company said" after "Hollis Marine"
            return named, TITLE_CONFIDENCE
        if lower_head in ORGANISATION_HEADS:
            return self._new_mention(
                self.registry.described(description_key(surface)), surface, start, "organisation"
            )
        before_head = self._overlapping(start, end)
        if before_head:
            return before_head[0], 1.0
        if title_failed:
            return None, UNRESOLVED_CONFIDENCE
        body = self.registry.body_of_acronym(surface)
        if body is not None:  # "WHO said" after "the World Health Organisation"
            return self._new_mention(body, surface, start, "organisation")
        outlet = _outlet_name(surface)
        if outlet is not None:  # "The Deseret News observed", "the Sydney Morning Herald"
            cluster = self.registry.named(outlet, "ORG", start)
            return self._new_mention(cluster, outlet, start, "organisation")
        if looks_like_name(surface):
            cluster = self.registry.speaker_name(surface, start)
            if cluster.person:
                self._learn_titles(cluster, surface, start, end)
            kind = cluster.kind if cluster.kinds or cluster.person else "organisation"
            return self._new_mention(cluster, surface, start, kind)
        key = description_key(surface)
        if not key or all(w in DETERMINERS for w in key.split()):
            return None, UNRESOLVED_CONFIDENCE
        return self._new_mention(self.registry.described(key), surface, start, "other")

    def _producer(self, after_head: int) -> tuple[Cluster | None, float]:
        """Who made the findings a speaker phrase names: the name right after "by", "from"
        or "of" ("a study by Harvard", "data from the bureau"), within the speaker phrase or
        just after it; none otherwise, and never a name further on ("results of the survey
        published in the Journal")."""
        named = self._named_after(_PRODUCED_BY, after_head)
        return (named[0], 1.0) if named else (None, UNRESOLVED_CONFIDENCE)

    def _body_spoken_for(self, role: str, end: int) -> Cluster | None:
        """The organisation named right after a speaking role the speaker span ends with:
        "a spokesman" + " for the Western Health Board", else None."""
        if role not in SPEAKING_ROLES:
            return None
        bodies = [c for c in self._named_after(_FOR_BODY, end) if c.kind == "organisation"]
        return bodies[0] if bodies else None

    def _named_after(self, joining: re.Pattern[str], offset: int) -> list[Cluster]:
        """The actors of a capitalised name right after ``joining`` matched at ``offset``
        (" for the Western Health Board", " by Harvard"), people first."""
        joined = joining.match(self.text, offset)
        if joined is None:
            return []
        at = joined.end()
        return self._overlapping(at, at + 1) if self.text[at : at + 1].isupper() else []

    def _learn_titles(self, cluster: Cluster, surface: str, start: int, end: int) -> None:
        _note_title(cluster, self.text, surface, start, end)
        self._genders[cluster.key] = cluster.pronoun_gender()
        for title in cluster.titles:
            self._titles[title].add(cluster.key)

    def _new_mention(
        self, cluster: Cluster, surface: str, start: int, kind: ActorKind
    ) -> tuple[Cluster, float]:
        self.registry.mention(cluster, surface, start, kind)
        return cluster, 1.0

    def _named_before(self, head: str, start: int) -> Cluster | None:
        """The organisation "the company" or "the club" refers back to: the first named in
        the nearest sentence (its own, or one before, within ``_BACK_REFERENCE_CHARS``)
        that names one, which is that sentence's subject in news ("Lumenary Inc., the maker
        of FrameKit, will cut 300 jobs, the company said"), whose name is not that of
        another kind of body ("the company" is not the Ministry of Health)."""
        if head not in BACK_REFERENCE_HEADS:
            return None
        found: list[tuple[bool, Cluster]] = []  # (a subject?, the organisation)
        found_sentence = -1
        index = bisect_left(self._starts, start)
        for j in range(index - 1, -1, -1):
            entity = self.entities[self._located[j]]
            if entity.start < start - _BACK_REFERENCE_CHARS:
                break
            sentence = self.sentences.of(entity.start)
            if found and sentence < found_sentence:
                break
            cluster = self.entity_clusters[self._located[j]].root()
            if cluster.kind != "organisation" or not entity.named:
                continue
            if entity.start in self._modifiers or self.text[: entity.start].endswith("("):
                continue  # "the FrameKit app", "SEOUL (Reuters) -": not who "the company" is
            words = {w.lower() for w in entity.text.split()}
            if head not in words and words & (ORGANISATION_HEADS | BODY_NOUNS | OTHER_BODIES):
                continue
            found.append((entity.start in self._subjects, cluster))
            found_sentence = sentence
        # The sentence's subject, else the first named in it.
        subjects = [c for subject, c in found if subject]
        return subjects[-1] if subjects else (found[-1][1] if found else None)

    def _overlapping(self, start: int, end: int, possessive: bool = False) -> list[Cluster]:
        """Actor clusters of entities overlapping [start, end), people first.

        With ``possessive``, only entities written as owners: "Russia's foreign ministry".
        """
        found: list[Cluster] = []
        index = bisect_left(self._starts, end)
        for j in range(index - 1, -1, -1):
            entity = self.entities[self._located[j]]
            if entity.start < start - _MAX_ENTITY_CHARS:
                break
            if entity.end <= start:
                continue
            if possessive and not (
                entity.text.endswith(_POSSESSIVES) or self.text.startswith(_POSSESSIVES, entity.end)
            ):
                continue
            found.append(self.entity_clusters[self._located[j]].root())
        return sorted(found, key=lambda c: _KIND_PREFERENCE.get(c.kind, 9))


def _outlet_name(surface: str) -> str | None:
    """ "The Deseret News" → "Deseret News": a capitalised name after "the" ending in an
    outlet's word, which the article names as a body, not described."""
    words = surface.split()
    if len(words) < 3 or words[0].lower() != "the" or words[-1].lower() not in OUTLET_HEADS:
        return None
    name = " ".join(words[1:])
    return name if looks_like_name(name) else None


def _head(surface: str) -> tuple[str, int]:
    """The head word of a speaker description and its offset in it.

    "a spokesman for the Kremlin" → "spokesman"; "Syrian President Bashar al-Assad" → "al-Assad".
    """
    cut = _POST_MODIFIER.search(surface)
    stem = surface[: cut.start()] if cut else surface
    stem = stem.rstrip()
    word_start = max(stem.rfind(" "), -1) + 1
    word = stem[word_start:]
    bare = word.rstrip(".,;:'’").removesuffix("'s").removesuffix("’s")
    return bare or word, word_start
