"""Actors: clustering names into people, organisations, places and groups; speakers to actors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.actors.building import resolve_actors
from reader.actors.names import name_tokens, slugify, strip_possessive, title_before
from reader.model import Actor, Analysis, Entity, Quote

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dd5b4a6056b2a50f.txt"


# -- helpers: entities and quotes built by hand on real sentences ------------------------


def ent(text: str, surface: str, label: str, nth: int = 0) -> Entity:
    """The ``nth`` occurrence of ``surface`` in ``text`` as an entity."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(start, start + len(surface), surface, label)


def quote(text: str, content: str, speaker: str, nth: int = 0, confidence: float = 0.8) -> Quote:
    """A direct quote of ``content`` attributed to the ``nth`` occurrence of ``speaker``."""
    start = text.index(content)
    end = start + len(content)
    s = -1
    for _ in range(nth + 1):
        s = text.index(speaker, s + 1)
    return Quote(
        start=start,
        end=end,
        text=content,
        spans=((start, end),),
        kind="direct",
        speaker=speaker,
        speaker_start=s,
        speaker_end=s + len(speaker),
        confidence=confidence,
    )


def run(text: str, entities: list[Entity], quotes: list[Quote] = ()):  # type: ignore[assignment]
    return resolve_actors(text, [], sorted(entities, key=lambda e: e.start), list(quotes))


def by_id(actors: list[Actor]) -> dict[str, Actor]:
    return {a.id: a for a in actors}


def check_consistent(entities: list[Entity], quotes: list[Quote], actors: list[Actor]) -> None:
    ids = [a.id for a in actors]
    assert len(ids) == len(set(ids))
    for e in entities:
        assert e.actor is None or e.actor in ids
    for q in quotes:
        assert q.actor is None or q.actor in ids
    for a in actors:
        assert [quotes[i].start for i in a.quotes] == sorted(quotes[i].start for i in a.quotes)
        assert all(quotes[i].actor == a.id for i in a.quotes)


# -- names ---------------------------------------------------------------------------------


def test_name_tokens_drop_titles_particles_case_and_possessive() -> None:
    assert name_tokens("Bashar al-Assad") == ("bashar", "assad")
    assert name_tokens("al-Assad's") == name_tokens("Al-Assad") == name_tokens("Assad")
    assert name_tokens("President Vladimir Putin") == ("vladimir", "putin")
    assert name_tokens("Martin Luther King Jr.") == ("martin", "luther", "king")
    assert name_tokens("Mr. Smith") == ("smith",)
    assert strip_possessive("the Smiths'") == "the Smiths"
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"


def test_title_before_reads_the_title_and_its_qualifier() -> None:
    text = "The office of Syrian President Bashar al-Assad said"
    title = title_before(text, text.index("Bashar"))
    assert title is not None
    assert title.keys == ("syrian president", "president")
    assert title_before("He met Bashar", len("He met ")) is None


# -- clustering ------------------------------------------------------------------------------


def test_full_name_surname_and_title_are_one_person() -> None:
    text = "President Vladimir Putin arrived. Putin spoke. Then Vladimir Putin left."
    entities = [
        ent(text, "President Vladimir Putin", "PERSON"),
        ent(text, "Putin", "PERSON", 1),
        ent(text, "Vladimir Putin", "PERSON", 1),
    ]
    new_entities, _, actors = run(text, entities)
    assert len(actors) == 1
    putin = actors[0]
    assert (putin.id, putin.name, putin.kind) == ("vladimir-putin", "Vladimir Putin", "person")
    assert putin.mentions == 3
    assert {e.actor for e in new_entities} == {"vladimir-putin"}


def test_particles_case_and_possessive_merge() -> None:
    text = (
        "Bashar al-Assad met envoys. Al-Assad smiled. In al-Assad's view, Assad said, "
        "al-Assad was right."
    )
    entities = [
        ent(text, "Bashar al-Assad", "PERSON"),
        ent(text, "Al-Assad", "PERSON"),
        ent(text, "al-Assad's", "ORG"),  # the model's label on a possessive surname
        ent(text, "Assad", "PERSON", 3),
        ent(text, "al-Assad", "ORG", 2),
    ]
    new_entities, _, actors = run(text, entities)
    assert len(actors) == 1
    assad = actors[0]
    assert assad.id == "bashar-al-assad"
    assert assad.kind == "person"
    assert assad.aliases == ("Al-Assad", "Assad", "Bashar al-Assad", "al-Assad")
    assert assad.mentions == 5
    assert all(e.actor == "bashar-al-assad" for e in new_entities)


def test_surname_tagged_org_before_the_full_name_joins_the_person() -> None:
    text = "Assad spoke first. Later Bashar al-Assad spoke again."
    entities = [ent(text, "Assad", "ORG"), ent(text, "Bashar al-Assad", "PERSON")]
    _, _, actors = run(text, entities)
    assert [a.id for a in actors] == ["bashar-al-assad"]
    assert actors[0].mentions == 2


def test_two_people_sharing_a_surname_stay_apart() -> None:
    text = "John Smith sued. Mary Smith replied. Smith then appealed. John Smith lost. Smith wept."
    entities = [
        ent(text, "John Smith", "PERSON"),
        ent(text, "Mary Smith", "PERSON"),
        ent(text, "Smith", "PERSON", 2),
        ent(text, "John Smith", "PERSON", 1),
        ent(text, "Smith", "PERSON", 4),
    ]
    new_entities, _, actors = run(text, entities)
    assert sorted(a.id for a in actors) == ["john-smith", "mary-smith"]
    assert [e.actor for e in new_entities] == [
        "john-smith",
        "mary-smith",
        "mary-smith",  # the most recently mentioned Smith
        "john-smith",
        "john-smith",
    ]


def test_honorific_picks_the_smith() -> None:
    text = "John Smith sued. Mary Smith replied. Mr Smith appealed. Mrs Smith won."
    entities = [
        ent(text, "John Smith", "PERSON"),
        ent(text, "Mary Smith", "PERSON"),
        ent(text, "Smith", "PERSON", 2),
        ent(text, "Smith", "PERSON", 3),
    ]
    # "Mr" and "Mrs" pick their person, whether the full names carried an honorific or
    # only a given name whose bearers are mostly men or women (the given-name data).
    text2 = "Mr John Smith sued. Mrs Mary Smith replied. Mr Smith appealed. Mrs Smith won."
    entities2 = [
        ent(text2, "John Smith", "PERSON"),
        ent(text2, "Mary Smith", "PERSON"),
        ent(text2, "Smith", "PERSON", 2),
        ent(text2, "Smith", "PERSON", 3),
    ]
    assert [e.actor for e in run(text, entities)[0]] == ["john-smith", "mary-smith"] * 2
    assert [e.actor for e in run(text2, entities2)[0]] == ["john-smith", "mary-smith"] * 2


def test_surname_first_then_two_full_names() -> None:
    text = "Smith arrived. John Smith sat. Mary Smith stood."
    entities = [
        ent(text, "Smith", "PERSON"),
        ent(text, "John Smith", "PERSON"),
        ent(text, "Mary Smith", "PERSON"),
    ]
    _, _, actors = run(text, entities)
    assert [a.id for a in actors] == ["john-smith", "mary-smith"]


def test_kinds_and_non_actors() -> None:
    text = "Russian troops left Russia for Ukraine on Monday, the Kremlin said, 2,000 of them."
    entities = [
        ent(text, "Russian", "NORP"),
        ent(text, "Russia", "GPE"),
        ent(text, "Ukraine", "GPE"),
        ent(text, "Monday", "DATE"),
        ent(text, "Kremlin", "ORG"),
        ent(text, "2,000", "CARDINAL"),
    ]
    new_entities, _, actors = run(text, entities)
    kinds = {a.id: a.kind for a in actors}
    # "Russian troops" is a mention of Russia, not an actor "Russian" of its own.
    assert kinds == {
        "russia": "place",
        "ukraine": "place",
        "kremlin": "organisation",
    }
    russia = next(a for a in actors if a.id == "russia")
    assert (russia.aliases, russia.mentions) == (("Russia", "Russian"), 2)
    # Only the actor id changes; offsets, text and labels stay ("them" is a pronoun mention).
    assert [e.text for e in new_entities if not e.named] == ["them"]
    for old, new in zip(entities, [e for e in new_entities if e.named], strict=True):
        assert (old.start, old.end, old.text, old.label) == (
            new.start,
            new.end,
            new.text,
            new.label,
        )
    assert [e.actor for e in new_entities if e.label in ("DATE", "CARDINAL")] == [None, None]


def test_acronym_and_the_same_organisation() -> None:
    text = "The United Nations met. The UN said so, and the U.S. and the US agreed."
    entities = [
        ent(text, "United Nations", "ORG"),
        ent(text, "UN", "ORG", 0),
        ent(text, "U.S.", "GPE"),
        ent(text, "US", "GPE"),
    ]
    _, _, actors = run(text, entities)
    assert {a.id: a.aliases for a in actors} == {
        "united-nations": ("UN", "United Nations"),
        "u-s": ("U.S.", "US"),
    }


# -- speakers ------------------------------------------------------------------------------


def test_speaker_span_containing_an_entity_prefers_the_person() -> None:
    text = 'Syrian President Bashar al-Assad said, "We will stay."'
    entities = [ent(text, "Syrian", "NORP"), ent(text, "Bashar al-Assad", "PERSON")]
    q = quote(text, "We will stay.", "Syrian President Bashar al-Assad")
    _, quotes, actors = run(text, entities, [q])
    assert quotes[0].actor == "bashar-al-assad"
    assert quotes[0].confidence == 0.8
    assert by_id(actors)["bashar-al-assad"].quotes == (0,)


def test_an_owner_in_the_speaker_is_the_speaker() -> None:
    text = (
        'Russia\'s foreign ministry said, "No." Defence Ministry officials said, "Yes." '
        'The Kremlin waited. "Maybe," the Defence Ministry said. "Soon," the Kremlin said.'
    )
    entities = [ent(text, "Russia", "GPE"), ent(text, "Kremlin", "ORG")]
    quotes_in = [
        quote(text, "No.", "Russia's foreign ministry"),
        quote(text, "Yes.", "Defence Ministry officials"),
        quote(text, "Maybe,", "the Defence Ministry"),
        quote(text, "Soon,", "the Kremlin"),
    ]
    _, quotes, actors = run(text, entities, quotes_in)
    assert [q.actor for q in quotes] == [
        "russia",
        "defence-ministry-officials",
        "defence-ministry",
        "kremlin",
    ]
    kinds = {a.id: a.kind for a in actors}
    assert kinds["defence-ministry-officials"] == "group"
    assert kinds["defence-ministry"] == "organisation"


def test_speaker_named_but_missed_by_the_model() -> None:
    text = 'John Smith arrived. "Hello," Smith said. "Goodbye," Jane Roe said.'
    entities = [ent(text, "John Smith", "PERSON")]
    quotes_in = [quote(text, "Hello,", "Smith", 1), quote(text, "Goodbye,", "Jane Roe")]
    _, quotes, actors = run(text, entities, quotes_in)
    assert [q.actor for q in quotes] == ["john-smith", "jane-roe"]
    actors_by_id = by_id(actors)
    assert actors_by_id["jane-roe"].kind == "person"
    assert actors_by_id["john-smith"].mentions == 2
    check_consistent(entities, quotes, actors)


def test_group_speakers() -> None:
    text = 'Experts were wary. "It will fail," experts said. "No," US officials said.'
    entities = [ent(text, "US", "GPE")]
    quotes_in = [quote(text, "It will fail,", "experts"), quote(text, "No,", "US officials")]
    _, quotes, actors = run(text, entities, quotes_in)
    actors_by_id = by_id(actors)
    assert quotes[0].actor == "experts"
    assert actors_by_id["experts"].kind == "group"
    # A place that only modifies the speaker is not the speaker.
    assert quotes[1].actor == "us-officials"
    assert actors_by_id["us-officials"].kind == "group"
    assert actors_by_id["us"].quotes == ()


def test_capitalised_group_noun_is_a_group_and_a_surname_in_s_is_not() -> None:
    text = 'Analysts said growth would slow. "It will fail," they said. "No," Jones said.'
    quotes_in = [
        quote(text, "growth would slow", "Analysts"),
        quote(text, "It will fail,", "they"),
        quote(text, "No,", "Jones"),
    ]
    _, quotes, actors = run(text, [], quotes_in)
    actors_by_id = by_id(actors)
    assert [q.actor for q in quotes] == ["analysts", "analysts", "jones"]
    assert actors_by_id["analysts"].kind == "group"
    assert actors_by_id["jones"].kind == "person"


def test_canonical_name_drops_a_leading_article() -> None:
    text = "The Russian Foreign Ministry spoke. In The Hague, the Kremlin replied."
    entities = [
        ent(text, "The Russian Foreign Ministry", "ORG"),
        ent(text, "The Hague", "GPE"),
        ent(text, "the Kremlin", "ORG"),
    ]
    _, _, actors = run(text, entities)
    assert [a.name for a in actors] == ["Russian Foreign Ministry", "The Hague", "Kremlin"]
    assert actors[0].id == "russian-foreign-ministry"


def test_he_is_the_most_recent_person() -> None:
    text = 'John Smith spoke to reporters in Paris. "We will win," he said.'
    entities = [ent(text, "John Smith", "PERSON"), ent(text, "Paris", "GPE")]
    _, quotes, actors = run(text, entities, [quote(text, "We will win,", "he")])
    assert quotes[0].actor == "john-smith"
    assert quotes[0].confidence == pytest.approx(0.8 * 0.85)
    check_consistent(entities, quotes, actors)


def test_she_skips_a_man_and_he_skips_a_woman() -> None:
    text = 'Mrs Jane Doe met Mr John Roe. "Fine," she said. "Good," he said.'
    entities = [ent(text, "Jane Doe", "PERSON"), ent(text, "John Roe", "PERSON")]
    quotes_in = [quote(text, "Fine,", "she"), quote(text, "Good,", "he")]
    _, quotes, _ = run(text, entities, quotes_in)
    assert [q.actor for q in quotes] == ["jane-doe", "john-roe"]


def test_he_prefers_the_previous_speaker_over_a_later_mention() -> None:
    text = 'Putin said talks went well. He praised Erdogan. "We agree," he said.'
    entities = [ent(text, "Putin", "PERSON"), ent(text, "Erdogan", "PERSON")]
    first = Quote(
        start=text.index("talks"),
        end=text.index(" He"),
        text="talks went well.",
        spans=((text.index("talks"), text.index(" He")),),
        kind="indirect",
        speaker="Putin",
        speaker_start=0,
        speaker_end=5,
        confidence=0.8,
    )
    second = quote(text, "We agree,", "he")
    _, quotes, _ = run(text, entities, [first, second])
    assert [q.actor for q in quotes] == ["putin", "putin"]


def test_they_and_it() -> None:
    text = (
        'The World Bank criticised Greece. "The plan is flawed," they said. '
        'Germany disagreed. "It is sound," it said.'
    )
    entities = [
        ent(text, "World Bank", "ORG"),
        ent(text, "Greece", "GPE"),
        ent(text, "Germany", "GPE"),
    ]
    quotes_in = [quote(text, "The plan is flawed,", "they"), quote(text, "It is sound,", "it", 1)]
    _, quotes, _ = run(text, entities, quotes_in)
    assert [q.actor for q in quotes] == ["world-bank", "germany"]


def test_the_president_is_the_latest_titled_person() -> None:
    text = (
        "Syrian President Bashar al-Assad met Russian President Vladimir Putin and "
        'John Smith. "Good talks," the president said. "Yes," the Syrian president said.'
    )
    entities = [
        ent(text, "Syrian", "NORP"),
        ent(text, "Bashar al-Assad", "PERSON"),
        ent(text, "Russian", "NORP"),
        ent(text, "Vladimir Putin", "PERSON"),
        ent(text, "John Smith", "PERSON"),
    ]
    quotes_in = [
        quote(text, "Good talks,", "the president"),
        quote(text, "Yes,", "the Syrian president"),
    ]
    _, quotes, actors = run(text, entities, quotes_in)
    assert [q.actor for q in quotes] == ["vladimir-putin", "bashar-al-assad"]
    assert quotes[0].confidence == pytest.approx(0.8 * 0.9)
    check_consistent(entities, quotes, actors)


def test_title_in_apposition() -> None:
    text = (
        "Dmitry Peskov, the Kremlin spokesman, met Sergei Lavrov, Russia's foreign minister. "
        '"No," the spokesman said. "Yes," the foreign minister said.'
    )
    entities = [
        ent(text, "Dmitry Peskov", "PERSON"),
        ent(text, "Kremlin", "ORG"),
        ent(text, "Sergei Lavrov", "PERSON"),
        ent(text, "Russia", "GPE"),
    ]
    quotes_in = [quote(text, "No,", "the spokesman"), quote(text, "Yes,", "the foreign minister")]
    _, quotes, _ = run(text, entities, quotes_in)
    assert [q.actor for q in quotes] == ["dmitry-peskov", "sergei-lavrov"]


def test_entity_after_the_head_is_the_speaker() -> None:
    text = (
        'The office of President Bashar al-Assad said, "Yes." '
        'A spokesman for the Kremlin said, "No."'
    )
    entities = [ent(text, "Bashar al-Assad", "PERSON"), ent(text, "Kremlin", "ORG")]
    quotes_in = [
        quote(text, "Yes.", "The office of President Bashar al-Assad"),
        quote(text, "No.", "A spokesman for the Kremlin"),
    ]
    _, quotes, _ = run(text, entities, quotes_in)
    assert [q.actor for q in quotes] == ["bashar-al-assad", "kremlin"]


def test_title_of_a_speaker_the_model_missed() -> None:
    text = 'Senator Jane Roe spoke. "Never," Senator Jane Roe said. "Agreed," the senator said.'
    quotes_in = [
        quote(text, "Never,", "Senator Jane Roe", 1),
        quote(text, "Agreed,", "the senator"),
    ]
    _, quotes, actors = run(text, [], quotes_in)
    assert [q.actor for q in quotes] == ["jane-roe", "jane-roe"]
    assert by_id(actors)["jane-roe"].name == "Jane Roe"


def test_unresolved_speakers_have_no_actor_and_lower_confidence() -> None:
    text = 'Paris was calm. "No comment," the spokesman said. "Later," he said.'
    entities = [ent(text, "Paris", "GPE")]
    quotes_in = [quote(text, "No comment,", "the spokesman"), quote(text, "Later,", "he")]
    _, quotes, actors = run(text, entities, quotes_in)
    assert [q.actor for q in quotes] == [None, None]
    assert [q.confidence for q in quotes] == [pytest.approx(0.4), pytest.approx(0.4)]
    assert [a.id for a in actors] == ["paris"]


def test_quote_without_speaker_is_left_alone() -> None:
    text = '"Nobody knows," read a sign.'
    q = Quote(0, 15, '"Nobody knows,"', ((0, 15),), "direct", confidence=0.3)
    _, quotes, actors = run(text, [], [q])
    assert quotes == [q]
    assert actors == []


def test_quotes_indices_are_in_text_order_and_inputs_not_mutated() -> None:
    text = 'Jane Roe spoke. "One," Roe said. "Two," Roe said. "Three," she said.'
    entities = [
        ent(text, "Jane Roe", "PERSON"),
        ent(text, "Roe", "PERSON", 1),
        ent(text, "Roe", "PERSON", 2),
    ]
    one, two, three = (
        quote(text, "One,", "Roe", 1),
        quote(text, "Two,", "Roe", 2),
        quote(text, "Three,", "she"),
    )
    given = [three, one, two]  # not in text order
    _, quotes, actors = run(text, entities, given)
    assert given == [three, one, two] and three.actor is None
    roe = by_id(actors)["jane-roe"]
    assert roe.quotes == (1, 2, 0)
    check_consistent(entities, quotes, actors)


def test_duplicate_slugs_get_a_suffix() -> None:
    text = "Jose Alvarez met José Álvarez."
    entities = [ent(text, "Jose Alvarez", "PERSON"), ent(text, "José Álvarez", "PERSON")]
    _, _, actors = run(text, entities)
    assert [a.id for a in actors] == ["jose-alvarez", "jose-alvarez-2"]


@pytest.mark.slow
def test_long_article_with_many_people_resolves_every_statement() -> None:
    """4,000 sentences, 120 people: each gets one actor and every statement a speaker.

    The stage's cost on long articles is measured by bench/analysis.py, not timed here
    (no wall-clock limits in tests).
    """
    sentence = (
        'Jane Roe{n} met Omar al-Farsi{m} in Paris. "Fine," she said. "Yes," al-Farsi{m} said. '
    )
    text = "".join(sentence.format(n=i % 50, m=i % 70) for i in range(4000))
    entities: list[Entity] = []
    quotes_in: list[Quote] = []
    offset = 0
    for i in range(4000):
        piece = sentence.format(n=i % 50, m=i % 70)
        for surface, label, nth in (
            (f"Jane Roe{i % 50}", "PERSON", 0),
            (f"Omar al-Farsi{i % 70}", "PERSON", 0),
            ("Paris", "GPE", 0),
            (f"al-Farsi{i % 70}", "ORG", 1),
        ):
            local = ent(piece, surface, label, nth)
            entities.append(Entity(local.start + offset, local.end + offset, surface, label))
        for content, speaker, nth in (("Fine,", "she", 0), ("Yes,", f"al-Farsi{i % 70}", 1)):
            local_q = quote(piece, content, speaker, nth)
            quotes_in.append(
                replace(
                    local_q,
                    start=local_q.start + offset,
                    end=local_q.end + offset,
                    spans=((local_q.start + offset, local_q.end + offset),),
                    speaker_start=local_q.speaker_start + offset,
                    speaker_end=local_q.speaker_end + offset,
                )
            )
        offset += len(piece)
    _, quotes, actors = resolve_actors(text, [], entities, quotes_in)
    assert len(actors) == 50 + 70 + 1
    assert all(q.actor is not None for q in quotes)


NAMES = [
    ("John Smith", "PERSON"),
    ("Mary Smith", "PERSON"),
    ("Smith", "PERSON"),
    ("Smith's", "ORG"),
    ("Al-Assad", "PERSON"),
    ("al-Assad", "ORG"),
    ("President Vladimir Putin", "PERSON"),
    ("Russia", "GPE"),
    ("Russian", "NORP"),
    ("the Kremlin", "ORG"),
    ("UN", "ORG"),
    ("United Nations", "ORG"),
    ("Monday", "DATE"),
    ("two", "CARDINAL"),
    ("'s", "PERSON"),
]
SPEAKERS = ["he", "she", "they", "it", "the president", "experts", "Smith", "Jane Roe", "a man"]


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(NAMES) - 1), st.integers(0, len(SPEAKERS) - 1), st.booleans()),
        max_size=25,
    )
)
def test_any_mix_of_mentions_gives_consistent_actors(events: list[tuple[int, int, bool]]) -> None:
    """Whatever the mentions, ids are unique and every id used is an actor; offsets stay."""
    text = ""
    entities: list[Entity] = []
    quotes_in: list[Quote] = []
    for name_index, speaker_index, with_quote in events:
        surface, label = NAMES[name_index]
        entities.append(Entity(len(text), len(text) + len(surface), surface, label))
        text += surface + " met people. "
        if with_quote:
            speaker = SPEAKERS[speaker_index]
            start = len(text) + 1
            text += '"Fine," '
            s = len(text)
            text += speaker + " said. "
            quotes_in.append(
                Quote(
                    start,
                    start + 5,
                    "Fine,",
                    ((start, start + 5),),
                    "direct",
                    speaker,
                    s,
                    s + len(speaker),
                    confidence=0.7,
                )
            )
    new_entities, quotes, actors = run(text, entities, quotes_in)
    check_consistent(new_entities, quotes, actors)
    names = [e for e in new_entities if e.named]
    for old, new in zip(entities, names, strict=True):
        assert (old.start, old.end, old.text, old.label) == (
            new.start,
            new.end,
            new.text,
            new.label,
        )
    for q in quotes:
        assert q.confidence is not None and 0 < q.confidence <= 0.7
        assert (q.actor is None) == (q.confidence == pytest.approx(0.35))
    named = {a.id for a in actors}
    assert all(e.actor in named for e in names if e.label not in ("DATE", "CARDINAL"))


# -- with the parse --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed():
    from reader.nlp.parsing import parse

    def _parse(text: str):
        return parse(text)

    return _parse


@pytest.mark.slow
def test_he_is_the_sentence_subject_not_the_nearest_name(parsed) -> None:
    text = (
        "Al-Assad stated that he would not meet with Turkish President Recep Tayyip Erdogan "
        'until the end of what he described as "illegal occupation".'
    )
    entities = [
        ent(text, "Al-Assad", "PERSON"),
        ent(text, "Turkish", "NORP"),
        ent(text, "Recep Tayyip Erdogan", "PERSON"),
    ]
    q = quote(text, "illegal occupation", "he", 1)
    _, quotes, _ = resolve_actors(text, parsed(text), entities, [q])
    assert quotes[0].actor == "al-assad"


def test_they_skips_adjectives_with_the_parse(parsed) -> None:
    text = 'Hezbollah praised Russian troops. "We are grateful," they said.'
    entities = [ent(text, "Hezbollah", "ORG"), ent(text, "Russian", "NORP")]
    q = quote(text, "We are grateful,", "they")
    _, quotes, _ = resolve_actors(text, parsed(text), entities, [q])
    assert quotes[0].actor == "hezbollah"


# -- the sample article, through the whole pipeline -----------------------------------------


@pytest.fixture(scope="module")
def sample() -> Analysis:
    from reader.opening import open_article
    from reader.pipeline import analyse

    return analyse(open_article(SEED))


def test_sample_actors(sample: Analysis) -> None:
    kinds = {a.name: a.kind for a in sample.actors}
    expected = {
        "Bashar al-Assad": "person",
        "Vladimir Putin": "person",
        "Recep Tayyip Erdogan": "person",
        "Syria": "place",
        "Russia": "place",
        "Turkey": "place",
        "Ukraine": "place",
        "Iran": "place",
        "Hezbollah": "organisation",
        "Al Jazeera": "organisation",
    }
    assert {name: kinds.get(name) for name in expected} == expected


def test_sample_one_al_assad(sample: Analysis) -> None:
    assads = [a for a in sample.actors if "al-Assad" in a.aliases]
    assert len(assads) == 1
    assad = assads[0]
    assert assad.name == "Bashar al-Assad"
    assert assad.id == "bashar-al-assad"
    assert {"al-Assad", "Al-Assad", "Bashar al-Assad"} <= set(assad.aliases)
    entity_actors = {e.actor for e in sample.entities if "assad" in e.text.lower()}
    assert entity_actors == {"bashar-al-assad"}


def test_sample_one_putin(sample: Analysis) -> None:
    putins = [a for a in sample.actors if {"Putin", "Vladimir Putin"} & set(a.aliases)]
    assert len(putins) == 1
    assert {"Putin", "Vladimir Putin"} <= set(putins[0].aliases)


def test_sample_al_assad_statements(sample: Analysis) -> None:
    assad = sample.actor("bashar-al-assad")
    assert assad is not None
    assert len(assad.quotes) >= 7


def test_sample_consistent(sample: Analysis) -> None:
    check_consistent(list(sample.entities), list(sample.quotes), list(sample.actors))
    labels = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
    assert all(e.actor is None for e in sample.entities if e.label in labels)
    # A nationality word used as a modifier names its country ("Syrian President"
    # is Syria) or no actor at all ("Western demands").
    modifiers = {"Western", "Middle Eastern", "Arab"}
    assert all(
        e.actor is not None
        for e in sample.names
        if e.label not in labels and e.text not in modifiers
    )
    assert all(e.actor is None for e in sample.entities if e.text in modifiers)
    assert sample.actor("russian") is None and sample.actor("russia") is not None
    assert "Russian" in sample.actor("russia").aliases


@pytest.mark.slow
def test_many_people_sharing_a_surname_stay_apart_and_are_found_again() -> None:
    """Each new Smith was compared with every earlier one (quadratic); now with the
    most recent few hundred, and a full name written again still finds its person."""
    names = [f"Given{n} Smith" for n in range(300)] + ["Given0 Smith"]
    text, entities = "", []
    for name in names:
        start = len(text)
        text += f"{name} spoke. "
        entities.append(Entity(start, start + len(name), name, "PERSON"))
    linked, _, actors = resolve_actors(text, [], entities, [])
    assert len(actors) == 300
    assert linked[0].actor == linked[-1].actor
    assert len({e.actor for e in linked[:300]}) == 300
