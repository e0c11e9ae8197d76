"""Sources on PolNeAR: named speakers of speech-like attributions, as gold actors.

PolNeAR annotates statements, not actors, so the cast measured on it is the sources: for
each article, the speaker mentions of speech-like attributions (``cue_is_speech``) that are
names are grouped into gold sources, and the system's persons and organisations with
statements are scored against them with the cast rules of ``reader.evaluation.cast``.

- **A name** is what is left of the mention without a parenthesis ("(R-Utah)"), anything
  after a comma ("Rendell, a Clinton surrogate,") and the words up to its last title, role
  word or honorific ("Oversight Chairman Jason Chaffetz" → "Jason Chaffetz"): the trailing
  run of capitalised words ("Republican nominee Donald Trump" → "Donald Trump"). Mentions joined
  by "and" are two names. Not names: pronouns, descriptions whose head is lower case ("the
  Trump campaign", "a spokesman") or a word for a body of people or a title ("Officials",
  "Police", "Poll"), countries (place actors, not sources), and plural peoples and party
  members ("Mexicans", "Republicans": group actors). The words are the lexicon's, except
  the few party words below.
- **Grouping.** Equal name forms are one source; a multi-token form inside a longer one
  joins it ("Hillary Clinton", "Rival Hillary Clinton"); a one-word form joins the source
  whose last word it is ("Clinton", "Mr. Obama" → "Obama"), the most often mentioned one
  when several share it, and is a source of its own otherwise.
- **Non-speech names.** Names heard only in non-speech attributions (beliefs, polls,
  documents) are grouped too but are not gold: a system source that matches only such a
  name is left out of the count, as the attribution metric ignores statements on them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.evaluation.cast import (
    CastScore,
    Counts,
    actor_names,
    assign,
    name_form,
    system_sources,
)
from reader.evaluation.cast_gold import GoldActor
from reader.evaluation.metrics import GoldQuote
from reader.evaluation.scoring import GoldArticle
from reader.lexicon.demonyms import COUNTRIES, COUNTRY_ALIASES, COUNTRY_OF_PLURAL
from reader.lexicon.groups import GROUP_NOUNS, IRREGULAR_PLURALS
from reader.lexicon.name_parts import DETERMINERS, PARTICLES
from reader.lexicon.pronouns import PRONOUNS, RELATIVE_PRONOUNS
from reader.lexicon.speech import GROUP_SPEAKERS
from reader.lexicon.titles import HONORIFICS, ROLE_WORDS
from reader.model import Actor, Analysis

#: Plural nouns for a party's members: group actors, like peoples ("Republicans said").
PARTY_MEMBERS = frozenset({"republicans", "democrats", "conservatives", "liberals", "tories"})

_TITLE_WORDS = ROLE_WORDS | frozenset(HONORIFICS)
_BODIES = GROUP_NOUNS | IRREGULAR_PLURALS | GROUP_SPEAKERS | ROLE_WORDS
_COUNTRY_FORMS = frozenset(name_form(c) for c in (*COUNTRIES, *COUNTRY_ALIASES))
_PLURAL_PEOPLES = frozenset(p.lower() for p in COUNTRY_OF_PLURAL) | PARTY_MEMBERS
_PARENTHESIS = re.compile(r"\([^)]*\)")
_AND = re.compile(r"\s+(?:and|&)\s+")


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """One gold source of an article: its name forms, mentions, and whether it spoke."""

    actor: GoldActor
    mentions: int
    speech: bool


def _clean(word: str) -> str:
    return word.strip(".,;:!?\"'“”‘’()[]").lower()


def _capitalised(word: str) -> bool:
    # "al-Assad" is capitalised after its particle.
    return any(part[:1].isupper() for part in word.split("-"))


def names_in(mention: str | None) -> list[str]:
    """The names a speaker mention is made of (none for a pronoun or a description)."""
    if not mention:
        return []
    text = _PARENTHESIS.sub(" ", mention).split(",")[0]
    return [name for part in _AND.split(text) if (name := _name(part.split()))]


def _name(words: list[str]) -> str | None:
    if not words or not _capitalised(words[-1]):
        return None
    run: list[str] = []
    for word in reversed(words):
        if not (_capitalised(word) or _clean(word) in PARTICLES):
            break
        run.insert(0, word)
    titled = [i for i, w in enumerate(run[:-1]) if _clean(w) in _TITLE_WORDS]
    if titled:
        run = run[titled[-1] + 1 :]
    while run and _clean(run[0]) in DETERMINERS:
        run = run[1:]
    if not run or all(_clean(w) in PRONOUNS or _clean(w) in RELATIVE_PRONOUNS for w in run):
        return None
    head = _clean(run[-1])
    # After a title, a word such as "King" is a surname ("Mr. King"), not a body or a role.
    if not titled and (head in _BODIES or head.removesuffix("s") in _BODIES):
        return None
    if len(run) == 1 and head.removesuffix("’s").removesuffix("'s") in _PLURAL_PEOPLES:
        return None
    name = " ".join(run)
    return None if name_form(name) in _COUNTRY_FORMS else name


def source_groups(quotes: Sequence[GoldQuote]) -> list[SourceGroup]:
    """The named speakers of one article's attributions, grouped into sources."""
    surfaces: Counter[str] = Counter()
    speech: set[str] = set()
    for quote in quotes:
        for name in names_in(quote.speaker):
            surfaces[name] += 1
            if quote.cue_is_speech:
                speech.add(name)
    by_form: dict[tuple[str, ...], list[str]] = {}
    for surface in surfaces:
        if form := name_form(surface):
            by_form.setdefault(form, []).append(surface)
    groups = _join(by_form, surfaces)
    return [
        SourceGroup(
            actor=GoldActor(name=members[0], kind="other", aliases=tuple(members[1:])),
            mentions=sum(surfaces[m] for m in members),
            speech=any(m in speech for m in members),
        )
        for members in groups
    ]


def _join(by_form: dict[tuple[str, ...], list[str]], counts: Counter[str]) -> list[list[str]]:
    """Surface forms grouped: longest forms first, shorter ones joining a longer one."""
    groups: list[tuple[list[tuple[str, ...]], list[str]]] = []
    for form in sorted(by_form, key=lambda f: (-len(f), f)):
        home = _home(form, groups, counts)
        if home is None:
            groups.append(([form], list(by_form[form])))
        else:
            home[0].append(form)
            home[1].extend(by_form[form])
    return [surfaces for _, surfaces in groups]


def _home(
    form: tuple[str, ...],
    groups: list[tuple[list[tuple[str, ...]], list[str]]],
    counts: Counter[str],
) -> tuple[list[tuple[str, ...]], list[str]] | None:
    def holds(longer: tuple[str, ...]) -> bool:
        if len(form) == 1:
            return longer[-1] == form[0]
        n = len(form)
        return any(longer[i : i + n] == form for i in range(len(longer) - n + 1))

    candidates = [g for g in groups if any(holds(f) for f in g[0] if len(f) > len(form))]
    if not candidates:
        return None
    return max(candidates, key=lambda g: sum(counts[s] for s in g[1]))


def score_article(gold: GoldArticle, analysis: Analysis, part: str) -> CastScore:
    """Sources P/R of one analysed PolNeAR article, with its errors."""
    groups = source_groups(gold.quotes)
    assigned = assign(analysis.actors, [g.actor for g in groups])
    sources = system_sources(analysis)
    heard = [a for a in sources if a.id not in assigned or groups[assigned[a.id]].speech]
    right = [a for a in heard if a.id in assigned]
    gold_sources = {i for i, g in enumerate(groups) if g.speech}
    found = {assigned[a.id] for a in right} & gold_sources
    return CastScore(
        stem=gold.id,
        part=part,
        beat=None,
        sources=Counts(len(heard), len(right), len(gold_sources), len(found)),
        ignored_sources=len(sources) - len(heard),
        errors=tuple(_errors(gold, part, groups, assigned, heard, analysis.actors, found)),
    )


def _errors(
    gold: GoldArticle,
    part: str,
    groups: Sequence[SourceGroup],
    assigned: dict[str, int],
    heard: Sequence[Actor],
    actors: Sequence[Actor],
    found: set[int],
) -> list[dict[str, object]]:
    """A missed source lists the system actors that match it without being sources."""
    records: list[dict[str, object]] = []
    for index, group in enumerate(groups):
        if group.speech and index not in found:
            matched = [a for a in actors if assigned.get(a.id) == index]
            records.append(_record(gold, part, "missed source", group.actor, matched))
    for actor in heard:
        if actor.id not in assigned:
            records.append(_record(gold, part, "spurious source", None, [actor]))
    return records


def _record(
    gold: GoldArticle,
    part: str,
    category: str,
    gold_actor: GoldActor | None,
    system: Sequence[Actor],
) -> dict[str, object]:
    names = gold_actor.names if gold_actor else actor_names(system[0])
    written = next((n for n in names if n in gold.text), None)
    start = gold.text.find(written) if written else None
    return {
        "article": gold.id,
        "part": part,
        "category": category,
        "gold_name": gold_actor.name if gold_actor else None,
        "gold_names": list(gold_actor.names) if gold_actor else None,
        "system_names": [list(actor_names(a)) for a in system],
        "system_kinds": [a.kind for a in system],
        "start": start,
        "end": start + len(written) if written and start is not None else None,
    }


def take_slice(items: Sequence[GoldArticle], k: int, n: int) -> list[GoldArticle]:
    """The ``k``-th (1-based) of ``n`` equal slices, in order."""
    return list(items[(k - 1) * len(items) // n : k * len(items) // n])
