"""Clusters of mentions that name the same actor, and the name indexes that find them.

``Registry`` is the mutable working state of one article's actor resolution: each mention is
looked up by dict (full name, surname, given name, normalised key, acronym) and either joins
an existing cluster or starts one. Nothing here scans all clusters per mention, so a long
article stays linear. The result is turned into immutable ``Actor`` values by ``actors.py``.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.actors.names import (
    acronym,
    entity_key,
    forms_gender,
    honorific_gender,
    is_acronym,
    looks_like_name,
    name_tokens,
    split_title,
    strip_possessive,
)
from reader.lexicon.demonyms import COUNTRY_OF_ADJECTIVE
from reader.lexicon.given_names import FORMAL_NAMES
from reader.lexicon.groups import ORGANISATION_HEADS, OUTLET_HEADS
from reader.lexicon.name_parts import DETERMINERS
from reader.lexicon.open_class import given_name
from reader.lexicon.titles import Gender
from reader.model import ActorKind


@dataclass(eq=False, slots=True)
class Cluster:
    """Mentions of one actor while the article is being read."""

    order: int
    person: bool
    kinds: Counter[str] = field(default_factory=Counter)
    forms: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    mentions: int = 0
    given: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    gender: Gender | None = None
    from_acronym: bool = False
    merged: Cluster | None = None
    #: The name to show whatever the forms: a country met through its nationality word.
    country: str | None = None

    @property
    def key(self) -> str:
        """A stable id for the cluster while ids proper are not yet given."""
        return str(self.order)

    @property
    def kind(self) -> ActorKind:
        if self.person:
            return "person"
        if not self.kinds:
            return "other"
        kind = self.kinds.most_common(1)[0][0]
        return kind  # type: ignore[return-value]

    @property
    def first(self) -> int:
        return self.positions[0] if self.positions else 0

    def root(self) -> Cluster:
        cluster = self
        while cluster.merged is not None:
            cluster = cluster.merged
        return cluster

    def last_before(self, offset: int) -> int:
        """Offset of the latest mention before ``offset``, or -1."""
        index = bisect_left(self.positions, offset)
        return self.positions[index - 1] if index else -1

    def pronoun_gender(self) -> Gender | None:
        """The gender "he" or "she" must agree with: what a title or honorific said
        ("Mrs Smith", "King Charles"), else what the given names suggest."""
        if not self.person:
            return None
        return self.gender or forms_gender(self.forms)

    def canonical_name(self) -> str:
        """The fullest form: most name words (titles and leading "the" dropped), then most used."""
        forms = self.forms
        if self.country is not None:
            # "Syria", not "Syrian": a nationality word names its country only if nothing else does.
            forms = [f for f in forms if f not in COUNTRY_OF_ADJECTIVE]
            if not forms:
                return self.country
        if not forms:
            return ""
        counts = Counter(forms)
        first_seen = {form: i for i, form in reversed(list(enumerate(forms)))}
        displays = {form: self._display(form) for form in counts}
        best = max(
            counts,
            key=lambda f: (len(displays[f].split()), counts[f], -first_seen[f]),
        )
        return displays[best]

    def _display(self, form: str) -> str:
        words = form.split()
        if self.person and "," in form:
            # "Austen, Jane" of a reading list is Jane Austen.
            surname, _, given = form.partition(",")
            return f"{given.strip()} {surname.strip()}" if given.strip() else surname
        if self.person:
            titles, _ = split_title(form)
            words = words[len(titles) :] or words
        else:
            # "the Kremlin" → "Kremlin", "The council" → "council", "The Russian Foreign
            # Ministry" → "Russian Foreign Ministry", but "The Hague" stays.
            while (
                len(words) > 1
                and words[0].lower() in DETERMINERS
                and (words[0].islower() or words[1].islower() or len(words) > 2)
            ):
                words = words[1:]
        return " ".join(words)


#: How many of the people sharing a surname (or given name) a new mention is compared with,
#: most recently registered first. News names a handful; a hostile article naming thousands
#: of Smiths would otherwise make every new Smith compare with every earlier one.
MAX_NAMESAKES = 200


def _recent(clusters: list[Cluster]) -> list[Cluster]:
    return clusters[-MAX_NAMESAKES:]


def _compatible(known: set[str], given: set[str]) -> bool:
    """Given names agree: none known yet, one shared (a nickname shares its formal name:
    "Wally" ~ "Walter"), or an initial that fits ("J" ~ "John")."""
    if not known or known & given or _formal(known) & _formal(given):
        return True
    return any(
        (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
        for a in known
        for b in given
    )


def _best_root(
    candidates: list[Cluster], key: Callable[[Cluster], tuple[int, ...]]
) -> Cluster | None:
    """The cluster the candidates were merged into that ranks highest by ``key``."""
    roots = list(dict.fromkeys(c.root() for c in candidates))
    return max(roots, key=key) if roots else None


def _single_match(
    cluster: Cluster,
    candidates: Sequence[Cluster],
    names: dict[int, set[tuple[str, ...]]],
    related: Callable[[tuple[str, ...], tuple[str, ...]], bool],
    *,
    every_form: bool,
) -> Cluster | None:
    """The one other live cluster ``related`` to ``cluster`` by one of its forms (or, with
    ``every_form``, by each of them); None when there is none or more than one."""
    found = []
    for other in candidates:
        if other is cluster or other.merged is not None:
            continue
        test = all if every_form else any
        if test(
            any(related(mine, theirs) for theirs in names[id(other)]) for mine in names[id(cluster)]
        ):
            found.append(other)
    return found[0] if len(found) == 1 else None


def _one_letter_apart(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Two forms of a name that differ in one letter of one word of five letters or more
    (or four, for a given name beside the same surname), the other words equal; a bare
    surname is compared with the other's surname."""
    if len(mine) == 1 and len(theirs) > 1:
        theirs = theirs[-1:]
    elif len(theirs) == 1 and len(mine) > 1:
        mine = mine[-1:]
    differing = _the_one_word_apart(mine, theirs)
    if differing is None:
        return False
    a, b = differing
    given = len(mine) > 1 and (a, b) != (mine[-1], theirs[-1])
    if given and _genders_differ(a, b):
        return False  # "Mary Holt" and "Mark Holt": sister and brother, not a typo
    if min(len(a), len(b)) < (4 if given else 5):
        return False
    return _one_edit(a, b) or (not given and _two_edits_in_a_long_name(a, b))


#: Letters a surname needs before a misspelling of two letters is taken for it.
LONG_NAME = 8


def _two_edits_in_a_long_name(a: str, b: str) -> bool:
    """A long surname written two letters wrong ("Bauchtman" for "Buchtmann"): news
    misspells long foreign names by more than a letter; same first letter. Not for names
    of short parts joined by a hyphen ("Kwok-kin" and "Kwok-hing" are two people)."""
    if a[:1] != b[:1] or min(len(a), len(b)) < LONG_NAME or abs(len(a) - len(b)) > 2:
        return False
    if "-" in a or "-" in b:
        return False
    return _edit_distance(a.lower(), b.lower()) <= 2


def _edit_distance(a: str, b: str) -> int:
    """Letters inserted, deleted or replaced to make ``a`` into ``b`` (Levenshtein)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _the_one_word_apart(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, str] | None:
    """The pair of words two names of as many words differ in, when it is only one."""
    if len(mine) != len(theirs) or mine == theirs:
        return None
    differing = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    return differing[0] if len(differing) == 1 else None


def _genders_differ(a: str, b: str) -> bool:
    first, second = given_name(a), given_name(b)
    if first is None or second is None:
        return False
    return None not in (first.leaning, second.leaning) and first.leaning != second.leaning


def _part_of(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """``part`` is a run of ``whole``'s words, shorter than it, or ``whole`` written one
    letter wrong."""
    if len(part) < len(whole):
        return any(
            whole[i : i + len(part)] == part and _ends_a_name(whole[i + len(part) :])
            for i in range(len(whole) - len(part) + 1)
        )
    differing = _the_one_word_apart(part, whole)
    return differing is not None and min(map(len, differing)) >= 5 and _one_edit(*differing)


def _ends_a_name(rest: tuple[str, ...]) -> bool:
    """What follows a part in a fuller name leaves the part its head: nothing, a
    prepositional complement ("Church" of "Church of Scientology") or an outlet word ("CBC"
    of "CBC News"); not more name words ("Port Ellis" of "Port Ellis Fishermen's
    Association" is a town in the name)."""
    return (
        not rest
        or rest[0] in ("of", "for", "at", "in")
        or (len(rest) == 1 and rest[0] in OUTLET_HEADS)
    )


def _one_edit(a: str, b: str) -> bool:
    """One letter inserted, deleted, replaced, or two neighbours swapped; same first letter."""
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diffs) == 1 or (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


def _fold_into(cluster: Cluster, target: Cluster) -> None:
    """``cluster``'s mentions are ``target``'s from now on."""
    target.forms.extend(cluster.forms)
    target.positions = sorted(target.positions + cluster.positions)
    target.mentions += cluster.mentions
    cluster.merged = target


def _inner_parts(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The parts of a name of three words or more that may stand for it but are neither its
    first nor its last word: each middle word, and the words before the last."""
    if len(tokens) < 3:
        return []
    middles = [(word,) for word in tokens[1:-1]]
    return [*middles, tokens[:-1]]


def _formal(names: set[str]) -> set[str]:
    return {formal for name in names for formal in FORMAL_NAMES.get(name, (name,))}


class Registry:
    """All clusters of one article and the indexes that find them by name."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self._by_full: dict[tuple[str, ...], Cluster] = {}
        self._by_surname: defaultdict[str, list[Cluster]] = defaultdict(list)
        self._by_given: defaultdict[str, list[Cluster]] = defaultdict(list)
        #: Membership of the two lists above, so that registering stays constant-time.
        self._registered: set[tuple[str, int]] = set()
        self._registered_given: set[tuple[str, str, int]] = set()
        self._by_key: dict[str, Cluster] = {}
        self._by_acronym: dict[str, Cluster] = {}

    def new(self, person: bool) -> Cluster:
        cluster = Cluster(order=len(self.clusters), person=person)
        self.clusters.append(cluster)
        return cluster

    def mention(
        self, cluster: Cluster, surface: str, offset: int, kind: ActorKind, named: bool = True
    ) -> None:
        """Record one mention; only named mentions add a surface form and count."""
        insort(cluster.positions, offset)
        cluster.kinds[kind] += 1
        if named:
            cluster.forms.append(strip_possessive(surface))
            cluster.mentions += 1

    # -- people -------------------------------------------------------------------------

    def _most_recent(self, candidates: list[Cluster], offset: int) -> Cluster | None:
        return _best_root(candidates, lambda c: (c.last_before(offset), -c.order))

    def _most_named(self, candidates: list[Cluster], offset: int) -> Cluster | None:
        """The person a bare surname shared by several means: the one the story has named
        most so far (its subject: news tells a namesake apart by the full name), the most
        recent of those named as often."""
        return _best_root(candidates, lambda c: (c.mentions, c.last_before(offset), -c.order))

    def match_person(
        self,
        tokens: tuple[str, ...],
        offset: int,
        surname_only: bool = False,
        gender: Gender | None = None,
    ) -> Cluster | None:
        """The person these name tokens refer to, or None when they name someone new.

        A single name goes to the most recently mentioned person with that surname (or,
        failing that, given name) and, when the mention says ("Mrs Smith"), gender; a full
        name joins a cluster with the same surname only if the given names agree, so "John
        Smith" and "Mary Smith" stay apart.
        """
        if not tokens:
            return None
        if len(tokens) == 1:
            candidates = _recent(self._by_surname.get(tokens[0], []))
            if not candidates and not surname_only:
                candidates = _recent(self._by_given.get(tokens[0], []))
            if gender is not None:
                # "Ms. Holt" is not her brother "Tom Holt": an honorific must agree with the
                # gender the person's given name leans to, as with "he" and "she".
                candidates = [c for c in candidates if c.root().pronoun_gender() in (None, gender)]
            return self._most_named(candidates, offset)
        exact = self._by_full.get(tokens)
        if exact is not None:
            return exact.root()
        given = set(tokens[:-1])
        candidates = [
            c
            for c in _recent(self._by_surname.get(tokens[-1], []))
            if _compatible(c.root().given, given)
        ]
        return self._most_recent(candidates, offset)

    def _register_person(self, cluster: Cluster, tokens: tuple[str, ...]) -> None:
        if not tokens:
            return
        self._by_full.setdefault(tokens, cluster)
        if (tokens[-1], id(cluster)) not in self._registered:
            self._registered.add((tokens[-1], id(cluster)))
            self._by_surname[tokens[-1]].append(cluster)
        if len(tokens) > 1:
            cluster.given.update(tokens[:-1])
            if ("given", tokens[0], id(cluster)) not in self._registered_given:
                self._registered_given.add(("given", tokens[0], id(cluster)))
                self._by_given[tokens[0]].append(cluster)

    def person(self, surface: str, offset: int, gender: Gender | None = None) -> Cluster:
        """The cluster of a person's name, found or new; ``gender`` from "Mr", "Mrs"."""
        tokens = name_tokens(surface)
        cluster = self.match_person(tokens, offset, gender=gender)
        if cluster is None and len(tokens) == 1:
            # A name the model tagged PERSON here and ORG elsewhere ("Sputnik").
            other = self._by_key.get(entity_key(surface))
            cluster = other.root() if other is not None else None
        if cluster is None:
            cluster = self.new(person=True)
        if cluster.person:
            self._register_person(cluster, tokens)
        return cluster

    # -- everything else ----------------------------------------------------------------

    def named(self, surface: str, label: str, offset: int) -> Cluster:
        """The cluster of a non-person name (organisation, place, group, other)."""
        if label == "ORG" and looks_like_name(surface):
            # A surname the model tagged ORG ("al-Assad") belongs to that person.
            tokens = name_tokens(surface)
            if len(tokens) == 1:
                person = self.match_person(tokens, offset, surname_only=True)
                if person is not None:
                    return person
        key = entity_key(surface, label)
        cluster = self._by_key.get(key)
        short = label != "NORP" and is_acronym(surface)
        initials = acronym(surface) if label != "NORP" else None
        if cluster is None and short:
            cluster = self._by_acronym.get(key)
        if cluster is None and initials:
            found = self._by_key.get(initials)
            if found is not None and found.root().from_acronym:
                cluster = found
        if cluster is None:
            cluster = self.new(person=False)
            cluster.from_acronym = short
        cluster = cluster.root()
        self._by_key.setdefault(key, cluster)
        if initials:
            self._by_acronym.setdefault(initials, cluster)
        return cluster

    def body_of_acronym(self, surface: str) -> Cluster | None:
        """The body already named in full whose initials ``surface`` is ("WHO" after "the
        World Health Organisation"), or None."""
        if not is_acronym(surface):
            return None
        found = self._by_acronym.get(entity_key(surface, "ORG"))
        return found.root() if found is not None else None

    def country_of(self, name: str, offset: int) -> Cluster:
        """The cluster of a country, met by its name or its nationality word ("Syrian")."""
        cluster = self.named(name, "GPE", offset)
        cluster.country = name
        return cluster

    def described(self, key: str) -> Cluster:
        """The cluster of a common-noun description used as a speaker ("experts")."""
        cluster = self._by_key.get(key)
        if cluster is None:
            cluster = self.new(person=False)
            self._by_key[key] = cluster
        return cluster.root()

    def speaker_name(self, surface: str, offset: int) -> Cluster:
        """A capitalised speaker name the entity model missed: a known actor or a new one."""
        if any(w.lower() in ORGANISATION_HEADS for w in surface.split()):
            return self.named(surface, "ORG", offset)
        tokens = name_tokens(surface)
        cluster = self.match_person(tokens, offset, gender=honorific_gender(surface))
        if cluster is None:
            known = self._by_key.get(entity_key(surface))
            if known is not None:
                return known.root()
        if cluster is None:
            cluster = self.new(person=True)
        self._register_person(cluster, tokens)
        return cluster

    def merge_surnames(self) -> None:
        """Fold an ORG cluster that is only ever a surname into its single namesake person.

        Catches the mislabelled surname seen before the full name ("Assad ... Bashar al-Assad").
        """
        for cluster in self.clusters:
            if (
                cluster.person
                or cluster.merged is not None
                or set(cluster.kinds) != {"organisation"}
            ):
                continue
            tokens = {name_tokens(form) for form in cluster.forms}
            if len(tokens) != 1 or not all(looks_like_name(f) for f in cluster.forms):
                continue
            (only,) = tokens
            if len(only) != 1:
                continue
            people = list(dict.fromkeys(c.root() for c in self._by_surname.get(only[0], [])))
            if len(people) == 1 and people[0] is not cluster:
                _fold_into(cluster, people[0])

    def merge_name_parts(self) -> None:
        """Fold a person only ever named by part of one other person's fuller name into them:
        the first of a double surname ("Ortega" of "Javier Ortega Lozano"), or the names
        before a patronymic ("Ahmad Faizal" of "Ahmad Faizal bin Hassan")."""
        people = [c for c in self.clusters if c.person and c.merged is None]
        parts: defaultdict[tuple[str, ...], list[Cluster]] = defaultdict(list)
        for person in people:
            for tokens in {name_tokens(form) for form in person.forms}:
                for part in _inner_parts(tokens):
                    if person not in parts[part]:
                        parts[part].append(person)
        for person in people:
            forms = {name_tokens(form) for form in person.forms}
            if not forms or any(len(tokens) > 2 for tokens in forms):
                continue
            fuller: set[int] | None = None
            found: dict[int, Cluster] = {}
            for tokens in forms:
                owners = [c for c in parts.get(tokens, []) if c is not person]
                found.update((id(c), c) for c in owners)
                ids = {id(c) for c in owners}
                fuller = ids if fuller is None else fuller & ids
            if fuller is not None and len(fuller) == 1:
                target = found[fuller.pop()].root()
                if target is not person.root():
                    _fold_into(person, target)

    def merge_misspellings(self) -> None:
        """Fold a person whose name is another's written one letter wrong into them:
        "Kristen Wilkins" and "Kristin Wilkins", "Mauer" after "K.C. Maurer", or a long
        surname two letters wrong, "Ms Bauchtman" after "Lydia Buchtmann" (real news
        misspells names; two people that close in one article are rarer)."""
        people = [c for c in self.clusters if c.person and c.merged is None and c.positions]
        names = {id(c): {name_tokens(form) for form in c.forms} - {()} for c in people}
        for person in sorted(people, key=lambda c: c.mentions):
            if person.merged is not None:
                continue
            target = _single_match(person, people, names, _one_letter_apart, every_form=False)
            if target is not None and target.mentions >= person.mentions:
                _fold_into(person, target)

    def merge_organisation_parts(self) -> None:
        """Fold an organisation only ever named by part of one other organisation's name
        into it ("the Home Office" of "the United Kingdom Home Office", "the Church" and
        "Scientology" of "the Church of Scientology"), and one whose name is another's
        written one letter wrong ("the Untied Nations"). A part found in two names joins
        neither ("Department" of two departments)."""
        for _ in range(2):  # "Court" joins once "Supreme Court" has joined the full name
            bodies = [
                c for c in self.clusters
                if not c.person and c.merged is None and c.positions
                and c.kind == "organisation"
            ]  # fmt: skip
            keys = {
                id(c): {tuple(entity_key(form, "ORG").split()) for form in c.forms} - {()}
                for c in bodies
            }
            for body in sorted(bodies, key=lambda c: max(map(len, keys[id(c)]), default=0)):
                if body.merged is not None or not keys[id(body)]:
                    continue
                owner = _single_match(body, bodies, keys, _part_of, every_form=True)
                if owner is not None:
                    _fold_into(body, owner)

    def live(self) -> list[Cluster]:
        """Clusters that were not merged away, in order of first mention."""
        alive = [c for c in self.clusters if c.merged is None and c.positions]
        return sorted(alive, key=lambda c: (c.first, c.order))
