"""Three short news stories analysed by hand, for the tests of the sources report.

Each story's names, pronouns and statements are given as the words written, and found in
the text, so that every offset is exact and each source's facts follow from the text
alone: "Transport Minister Grace Obi" is an official and, by her given name, a woman;
"Mr Daniel Reyes, a resident of Port Ellen" a man and a citizen; "Jordan Ellis, who runs
the café next door" has neither a role nor a gender the text states.

The library they make, in numbers (the tests check each):

================  =====  =====  =====  =====
                  all    A1     A2     A3
================  =====  =====  =====  =====
sources           10     3      3      4
named / unnamed   7 / 3  2 / 1  2 / 1  3 / 1
people (F/M/-)    3/3/1  1/1/0  1/1/0  1/1/1
statements        14     5      4      5
direct            3      2      0      1
================  =====  =====  =====  =====
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model import PRONOUN, Actor, Analysis, Entity, Quote
from reader.opening import article_from_text

VERSION = "test"


@dataclass(frozen=True)
class Source:
    """An actor: its id, name and kind, its names and pronouns as written (each found in
    the text in order), and whether it is only a description."""

    id: str
    name: str
    kind: str
    names: tuple[str, ...] = ()
    pronouns: tuple[str, ...] = ()
    description: bool = False


@dataclass(frozen=True)
class Said:
    """A statement: its speaker and content as written, its kind and the actor's id."""

    speaker: str
    content: str
    kind: str
    actor: str


def hand_analysis(
    text: str,
    sources: list[Source],
    said: list[Said],
    *,
    outlet: str | None = None,
    published: str | None = None,
) -> Analysis:
    """An analysis of ``text`` with these actors and statements, offsets found in it."""
    position = 0
    entities: list[Entity] = []

    def find(written: str, after: int = 0) -> int:
        """Where ``written`` is next written as whole words ("he", not "the")."""
        found = re.compile(rf"(?<!\w){re.escape(written)}(?!\w)").search(text, after)
        assert found is not None, written
        return found.start()

    for source in sources:
        after = 0
        for written in source.names:
            start = find(written, after)
            label = {"person": "PERSON", "organisation": "ORG"}.get(source.kind, "NORP")
            entities.append(Entity(start, start + len(written), written, label, source.id))
            after = start + len(written)
        for written in source.pronouns:
            start = find(written, after)
            entities.append(Entity(start, start + len(written), written, PRONOUN, source.id))
            after = start + len(written)
    quotes = []
    for item in said:
        speaker = find(item.speaker, position)
        content = find(item.content)
        position = speaker + len(item.speaker)
        quotes.append(
            Quote(
                start=content, end=content + len(item.content), text=item.content,
                spans=((content, content + len(item.content)),), kind=item.kind,  # type: ignore[arg-type]
                speaker=item.speaker, speaker_start=speaker, speaker_end=position,
                actor=item.actor, confidence=0.9, rule="verb_that_clause",
            )
        )  # fmt: skip
    actors = tuple(
        Actor(
            id=s.id,
            name=s.name,
            kind=s.kind,  # type: ignore[arg-type]
            aliases=tuple(dict.fromkeys(s.names)) or (s.name,),
            mentions=len(s.names),
            quotes=tuple(n for n, q in enumerate(quotes) if q.actor == s.id),
            doubts=("description",) if s.description else (),
        )
        for s in sources
    )
    article = article_from_text(
        text, title=text.splitlines()[0], published=published, outlet=outlet
    )
    return Analysis(
        article, tuple(sorted(entities, key=lambda e: e.start)), tuple(quotes), actors, VERSION
    )


FERRY = (
    "Ferry service to resume in April\n\n"
    "Transport Minister Grace Obi said on Monday that the island ferry would run again from "
    'April. "The new boat has passed every test," Obi said.\n\n'
    "Officials said the timetable would be published next week.\n\n"
    "Mr Daniel Reyes, a resident of Port Ellen, said the island had waited too long. "
    '"We have lost a whole season," he said.\n'
)

DREDGING = (
    "Harbour dredging delayed until June\n\n"
    "The Port Authority said the dredging of the harbour would start in June, not May.\n\n"
    "Dr Lena Fischer, a marine biologist at Westbury, said the delay would protect nesting "
    "birds. Fischer said the birds leave the cliffs by late May.\n\n"
    "A spokesman for the contractor said the crews were ready.\n"
)

LIBRARY = (
    "Library to open on Sundays\n\n"
    "Mayor Tom Hardy said the library would open on Sundays from May. Hardy said the cost "
    "would be met from the arts budget.\n\n"
    'Students said the change was overdue. "We need somewhere quiet to work," said Priya '
    "Nair, a student at the college.\n\n"
    "Jordan Ellis, who runs the café next door, said business would pick up.\n"
)


def ferry(outlet: str = "Harbour Times", text: str = FERRY) -> Analysis:
    return hand_analysis(
        text,
        [
            Source("grace-obi", "Grace Obi", "person", ("Grace Obi", "Obi")),
            Source("officials", "Officials", "group", description=True),
            Source("daniel-reyes", "Daniel Reyes", "person", ("Mr Daniel Reyes",), ("he",)),
        ],
        [
            Said("Transport Minister Grace Obi", "the island ferry", "indirect", "grace-obi"),
            Said("Obi", '"The new boat has passed every test,"', "direct", "grace-obi"),
            Said("Officials", "the timetable would be published", "indirect", "officials"),
            Said("Mr Daniel Reyes", "the island had waited too long", "indirect", "daniel-reyes"),
            Said("he", '"We have lost a whole season,"', "direct", "daniel-reyes"),
        ],
        outlet=outlet,
        published="2024-03-01",
    )  # fmt: skip


def dredging() -> Analysis:
    return hand_analysis(
        DREDGING,
        [
            Source("port-authority", "Port Authority", "organisation", ("The Port Authority",)),
            Source("lena-fischer", "Lena Fischer", "person", ("Lena Fischer", "Fischer")),
            Source("a-spokesman", "A spokesman", "person", description=True),
        ],
        [
            Said("The Port Authority", "the dredging of the harbour", "indirect", "port-authority"),
            Said("Dr Lena Fischer", "the delay would protect", "indirect", "lena-fischer"),
            Said("Fischer", "the birds leave the cliffs", "indirect", "lena-fischer"),
            Said("A spokesman for the contractor", "the crews were ready", "indirect",
                 "a-spokesman"),
        ],
        outlet="Harbour Times",
        published="2024-05-10",
    )  # fmt: skip


def library_hours() -> Analysis:
    return hand_analysis(
        LIBRARY,
        [
            Source("tom-hardy", "Tom Hardy", "person", ("Tom Hardy", "Hardy")),
            Source("students", "Students", "group", description=True),
            Source("priya-nair", "Priya Nair", "person", ("Priya Nair",)),
            Source("jordan-ellis", "Jordan Ellis", "person", ("Jordan Ellis",)),
        ],
        [
            Said("Mayor Tom Hardy", "the library would open on Sundays", "indirect", "tom-hardy"),
            Said("Hardy", "the cost would be met", "indirect", "tom-hardy"),
            Said("Students", "the change was overdue", "indirect", "students"),
            Said("Priya Nair", '"We need somewhere quiet to work,"', "direct", "priya-nair"),
            Said("Jordan Ellis", "business would pick up", "indirect", "jordan-ellis"),
        ],
        outlet="Valley Courier",
        published="2024-04-02",
    )  # fmt: skip


def three_stories() -> list[Analysis]:
    """The ferry and the dredging (Harbour Times), the library hours (Valley Courier)."""
    return [ferry(), dredging(), library_hours()]
