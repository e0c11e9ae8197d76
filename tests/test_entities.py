"""Entity analysis on the sample article and on short texts."""

from __future__ import annotations

import re

import pytest

from reader.nlp.entities import extract_entities, surname_forms
from reader.nlp.headlines import is_title_case_headline
from reader.nlp.parsing import load_nlp, parse


@pytest.fixture(scope="module")
def entities(sample_analysis):
    return sample_analysis.entities


def _mentions(text: str, pattern: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def test_every_al_assad_mention_is_a_person(sample_analysis, entities):
    text = sample_analysis.article.text
    mentions = _mentions(text, r"(?<![\w-])[Aa]l-Assad(?![\w-])")
    assert len(mentions) >= 13
    persons = {(e.start, e.end) for e in entities if e.label == "PERSON"}
    # a mention counts when a PERSON entity covers it (alone, or as part of the full name)
    for start, end in mentions:
        assert any(s <= start and end <= e for s, e in persons), text[start - 20 : end + 5]


@pytest.mark.parametrize("name", ["Putin", "Vladimir Putin", "Recep Tayyip Erdogan"])
def test_leaders_are_persons(entities, name):
    labels = {e.label for e in entities if e.text == name}
    assert labels == {"PERSON"}


@pytest.mark.parametrize("name", ["Syria", "Russia", "Turkey", "Ukraine"])
def test_countries_are_gpe(entities, name):
    labels = [e.label for e in entities if e.text == name]
    assert labels, f"{name} not found"
    assert set(labels) == {"GPE"}


def test_no_entity_ends_in_possessive(entities):
    assert entities
    assert not [e.text for e in entities if e.text.endswith(("'s", "’s"))]


def test_headline_fragment_is_not_a_person(entities):
    assert not [e for e in entities if "Collide" in e.text]


def test_headline_entity_kept_when_also_in_body(sample_analysis, entities):
    text = sample_analysis.article.text
    headline_start = text.index("Syria, Russia Leaders Meet")
    in_headline = {e.text for e in entities if headline_start <= e.start < headline_start + 26}
    assert in_headline == {"Syria", "Russia"}


def test_offsets_match_text(sample_analysis, entities):
    text = sample_analysis.article.text
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
    assert [e.start for e in entities] == sorted(e.start for e in entities)


def test_actor_ids_point_to_actors(sample_analysis):
    ids = {a.id for a in sample_analysis.actors}
    for entity in sample_analysis.entities:
        assert entity.actor is None or entity.actor in ids


def test_line_break_ends_sentence():
    text = "Syria, Russia Leaders Meet\nThe two presidents met in Moscow on Wednesday."
    paragraphs = parse(text, load_nlp())
    sentences = [s.text for p in paragraphs for s in p.doc.sents]
    assert sentences[0] == "Syria, Russia Leaders Meet"
    assert all("\n" not in s for s in sentences)


def test_surname_added_where_model_missed_it():
    text = (
        "Prime Minister Jacinda Ardern spoke in Wellington on Monday.\n"
        "Ardern said the budget would pass. Later, Ardern's office confirmed it."
    )
    found = extract_entities(text, parse(text, load_nlp()))
    surnames = [e for e in found if e.text == "Ardern"]
    assert len(surnames) == 2
    assert {e.label for e in surnames} == {"PERSON"}


def test_place_surname_after_a_preposition_of_place_stays_a_place():
    text = "George Washington crossed the river.\nThe talks were held in Washington."
    found = extract_entities(text, parse(text, load_nlp()))
    second = [e for e in found if e.start > text.index("\n") and e.text == "Washington"]
    assert second and second[0].label in {"GPE", "LOC"}


def test_person_surname_labelled_a_place_is_the_person():
    """A "Lagarde" typed a place held her statements, apart from "Christine Lagarde"."""
    text = "Coach Mike Brandt was fired.\nThe players had been behind Brandt until the end."
    found = extract_entities(text, parse(text, load_nlp()))
    second = [e for e in found if e.start > text.index("\n") and e.text == "Brandt"]
    assert second and second[0].label == "PERSON"


def test_surname_forms():
    assert surname_forms("Bashar al-Assad") == {"al-Assad", "Assad"}
    assert surname_forms("Putin") == set()
    assert surname_forms("Vladimir Putin") == {"Putin"}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Syria, Russia Leaders Meet", True),
        ("Meeting Comes After Saudi-Iran Reconciliation Negotiated by China", True),
        ("The two leaders were depicted happy and shaking hands.", False),
        ("Russia has claimed around one-fifth of Ukraine as its own territory", False),
        ("", False),
    ],
)
def test_is_title_case_headline(line, expected):
    assert is_title_case_headline(line) is expected
