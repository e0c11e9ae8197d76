"""Sources on PolNeAR: named speakers of speech-like attributions, as gold actors.

PolNeAR annotates statements, not actors, so the cast measured on it is the sources: for
each article, the speaker mentions of speech-like attributions (``cue_is_speech``) that are
names are grouped into gold sources, and the system's persons and organisations with
statements are scored against them with the cast rules of ``reader.evaluation.cast``.

- **A name** is what is left of the mention without a parenthesis ("(R-Utah)"), anything
  after a comma ("Rendell, a Clinton surrogate,") and the words up to its last title, role
  word or honorific ("Oversight Chairman Jason Chaffetz" → "Jason Chaffetz"): the trailing
  run of capitalised words, lower-case "of", "and", "on", "for", "the" between them
  included ("Republican nominee Donald Trump" → "Donald Trump"; "Federal Bureau of
  Prisons"). Mentions joined by "and" are two names when both parts are names and the
  whole is not an institution ("Securities and Exchange Commission"). Not names: pronouns,
  descriptions whose head is lower case ("the Trump campaign", "a spokesman") or a word
  for a body of people or a title ("Officials", "Police", "Poll"), countries (place
  actors, not sources), and plural peoples and party members ("Mexicans", "Republicans":
  group actors). The words are the lexicon's, except the few below.
- **Grouping.** Equal name forms are one source; multi-token forms join every form that
  contains them, so "Democrat Hillary Clinton" and "Rival Hillary Clinton" meet through
  "Hillary Clinton"; a one-word form then joins the most mentioned source with a form
  ending in it ("Clinton", "Mr. Obama" → "Obama"), and is a source of its own otherwise.
- **Non-speech names.** Names heard only in non-speech attributions (beliefs, polls,
  documents) are grouped too but are not gold: a system source that matches only such a
  name is left out of the count, as the attribution metric ignores statements on them.
- **System sources** are persons and organisations with statements. The gold speakers are
  surface mentions, not resolved ("he said" names nobody), so a system source that matches
  no gold source and none of whose statements names its speaker (by the same test) is left
  out rather than counted wrong: the gold cannot say whether it is right.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.evaluation.cast import (
    CastScore,
    Counts,
    Form,
    actor_names,
    assign,
    name_form,
    system_sources,
)
from reader.evaluation.cast_gold import GoldActor
from reader.evaluation.metrics import GoldQuote
from reader.evaluation.scoring import GoldArticle
from reader.lexicon.demonyms import COUNTRIES, COUNTRY_ALIASES, COUNTRY_OF_PLURAL
from reader.lexicon.groups import GROUP_NOUNS, IRREGULAR_PLURALS, ORGANISATION_HEADS
from reader.lexicon.name_parts import DETERMINERS, PARTICLES
from reader.lexicon.pronouns import PRONOUNS, RELATIVE_PRONOUNS
from reader.lexicon.speech import GROUP_SPEAKERS
from reader.lexicon.titles import HONORIFICS, ROLE_WORDS
from reader.model import Actor, Analysis

#: Plural nouns for a party's members: group actors, like peoples ("Republicans said").
PARTY_MEMBERS = frozenset({"republicans", "democrats", "conservatives", "liberals", "tories"})

#: Lower-case words inside a name between capitalised ones: "Federal Bureau of Prisons".
CONNECTORS = frozenset({"of", "and", "&", "on", "for", "the"})

#: Last words of institutions whose names hold an "and" (with the lexicon's).
_INSTITUTIONS = ORGANISATION_HEADS | frozenset(
    {"services", "institute", "foundation", "association", "center", "centre", "bureau"}
)
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
    whole = _name(text.split())
    parts = _AND.split(text)
    if len(parts) > 1 and not (whole and _clean(whole.split()[-1]) in _INSTITUTIONS):
        # "Obama and Clinton" are two; "Securities and Exchange Commission" is one, and
        # "Federal and state officials" none.
        names = [_name(part.split()) for part in parts]
        return [name for name in names if name] if all(names) else []
    return [whole] if whole else []


def _name(words: list[str]) -> str | None:
    if not words or not _capitalised(words[-1]):
        return None
    run: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        joins = _clean(word) in CONNECTORS and index > 0 and _capitalised(words[index - 1])
        if not (_capitalised(word) or _clean(word) in PARTICLES or joins):
            break
        run.insert(0, word)
    titled = [i for i, w in enumerate(run[:-1]) if _clean(w) in _TITLE_WORDS]
    if titled:
        run = run[titled[-1] + 1 :]
    while run and (_clean(run[0]) in DETERMINERS or _clean(run[0]) in CONNECTORS):
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
    by_form: dict[Form, list[str]] = {}
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


def _contains(longer: Form, shorter: Form) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _join(by_form: dict[Form, list[str]], counts: Counter[str]) -> list[list[str]]:
    """Surface forms grouped, longest forms first in each group.

    Multi-token forms join every form containing them (so "Democrat Hillary Clinton" and
    "Rival Hillary Clinton" meet through "Hillary Clinton"); a one-word form then joins the
    most mentioned group with a form ending in it, and no more, so that "Clinton" does not
    merge Hillary with Bill.
    """
    forms = sorted(by_form, key=lambda f: (-len(f), f))
    group_of = {form: index for index, form in enumerate(forms)}

    def merge(a: Form, b: Form) -> None:
        old, new = group_of[a], group_of[b]
        for form, group in group_of.items():
            if group == old:
                group_of[form] = new

    longer = [f for f in forms if len(f) > 1]
    for form in longer:
        for other in longer:
            if _contains(other, form) and group_of[other] != group_of[form]:
                merge(other, form)

    def mentions(group: int) -> int:
        return sum(counts[s] for f, g in group_of.items() if g == group for s in by_form[f])

    for form in (f for f in forms if len(f) == 1):
        homes = {group_of[f] for f in longer if f[-1] == form[0]}
        if homes:
            group_of[form] = max(sorted(homes), key=mentions)
    groups: dict[int, list[str]] = {}
    for form in forms:
        groups.setdefault(group_of[form], []).extend(by_form[form])
    return list(groups.values())


def score_article(gold: GoldArticle, analysis: Analysis, part: str) -> CastScore:
    """Sources P/R of one analysed PolNeAR article, with its errors."""
    groups = source_groups(gold.quotes)
    assigned = assign(analysis.actors, [g.actor for g in groups])
    sources = system_sources(analysis)
    matched = [a for a in sources if a.id in assigned]
    heard = [a for a in matched if groups[assigned[a.id]].speech]
    unmatched = [a for a in sources if a.id not in assigned]
    named = [a for a in unmatched if _named_speaker(a, analysis)]
    right = list(heard)
    heard += named
    gold_sources = {i for i, g in enumerate(groups) if g.speech}
    found = {assigned[a.id] for a in right} & gold_sources
    return CastScore(
        stem=gold.id,
        part=part,
        beat=None,
        sources=Counts(len(heard), len(right), len(gold_sources), len(found)),
        ignored_sources=len(matched) - len(right),
        unnamed_sources=len(unmatched) - len(named),
        errors=tuple(_errors(gold, part, groups, assigned, heard, analysis.actors, found)),
    )


def _named_speaker(actor: Actor, analysis: Analysis) -> bool:
    """Whether a statement of the actor names its speaker, as the gold's sources do."""
    return any(names_in(q.speaker) for q in analysis.quotes if q.actor == actor.id)


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
