"""Pronouns as mentions of the actor they refer to: resolved, stored, scored.

The resolution tests run the real pipeline on sentences written here; the scorer tests build
their analyses by hand on a tiny gold folder, so the expected figures are exact.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.corrections.apply import apply_corrections
from reader.corrections.operations import ActorRef, ChangeKind, Correction
from reader.errors import DramatisError
from reader.evaluation import cast_report
from reader.evaluation.cast import score_article
from reader.evaluation.cast_gold import read_cast_gold
from reader.model import PRONOUN, Actor, Analysis, Article, Entity
from reader.opening import article_from_text
from reader.output import segments
from reader.output.json_document import analysis_to_dict
from reader.output.text import summarise


@pytest.fixture(scope="module")
def analysed():
    from reader.pipeline import analyse

    cache: dict[str, Analysis] = {}

    def _analyse(text: str) -> Analysis:
        if text not in cache:
            cache[text] = analyse(article_from_text(text))
        return cache[text]

    return _analyse


def pronoun(analysis: Analysis, written: str, nth: int = 0) -> Entity:
    """The ``nth`` pronoun mention written ``written``."""
    found = [e for e in analysis.entities if e.label == PRONOUN and e.text == written]
    return found[nth]


def name_of(analysis: Analysis, entity: Entity) -> str | None:
    actor = analysis.actor(entity.actor) if entity.actor else None
    return actor.name if actor else None


# Resolution ---------------------------------------------------------------------------------


def test_gender_from_a_given_name_chooses_between_two_people(analysed):
    """The subject of the sentence before is Tom Okafor, but "She" is Kristen: the given-name
    data says Kristen is (mostly) a woman's name and Tom a man's."""
    analysis = analysed(
        "Tom Okafor met Kristen Hale at the station on Monday. She thanked him for the tip."
    )
    assert name_of(analysis, pronoun(analysis, "She")) == "Kristen Hale"
    assert name_of(analysis, pronoun(analysis, "him")) == "Tom Okafor"


def test_a_woman_judge_is_she_not_the_lawyer_of_unknown_gender(analysed):
    analysis = analysed(
        "The defence lawyer, Kowalski, answered Judge Mary Holt. "
        "She said the delay was unacceptable."
    )
    she = pronoun(analysis, "She")
    assert name_of(analysis, she) == "Mary Holt"
    # The same resolution gives the statement its speaker.
    (statement,) = [q for q in analysis.quotes if q.speaker == "She"]
    assert statement.actor == she.actor


def test_honorifics_keep_a_sister_and_her_brother_apart(analysed):
    """ "Ms. Varga said" is not her brother "Mr. Varga": two people, and each pronoun goes
    to the one of its gender."""
    analysis = analysed(
        "Ms. Varga said the bridge was unsafe. Mr. Varga, who runs the ferry, disagreed. "
        "She said she would write to the council."
    )
    vargas = [a for a in analysis.actors if a.kind == "person"]
    assert len(vargas) == 2
    ms, mr = (e.actor for e in analysis.names if e.label == "PERSON")
    assert ms != mr
    assert pronoun(analysis, "She").actor == ms
    assert pronoun(analysis, "she").actor == ms

    brother = analysed(
        "Ms. Varga said the bridge was unsafe, and Mr. Varga said he disagreed with his sister."
    )
    ms, mr = (e.actor for e in brother.names if e.label == "PERSON")
    assert pronoun(brother, "he").actor == mr
    assert pronoun(brother, "his").actor == mr


def test_a_possessive_in_the_same_sentence(analysed):
    analysis = analysed("Anna Weiss praised Tom Okafor for his patience.")
    assert name_of(analysis, pronoun(analysis, "his")) == "Tom Okafor"
    analysis = analysed("Daniel Brandt left the meeting early, and his deputy stayed behind.")
    assert name_of(analysis, pronoun(analysis, "his")) == "Daniel Brandt"


def test_a_pronoun_with_no_antecedent_stays_unresolved(analysed):
    analysis = analysed("He left early on Friday. They never came back.")
    assert [(e.text, e.actor) for e in analysis.entities if e.label == PRONOUN] == [
        ("He", None),
        ("They", None),
    ]
    assert analysis.actors == ()


def test_a_woman_described_without_a_name_is_no_named_woman(analysed):
    """ "There was a woman …, She": the pronoun is the woman described, no actor, and so is
    the pronoun after it; without her, "She" is the mayor."""
    analysis = analysed(
        "Mayor Ruth Okafor opened the new clinic on Monday. There was a woman in the queue, "
        "a nurse from Leeds. She had waited since dawn, and her feet hurt."
    )
    assert [(e.text, e.actor) for e in analysis.entities if e.label == PRONOUN] == [
        ("She", None),
        ("her", None),
    ]
    analysis = analysed(
        "Mayor Ruth Okafor opened the new clinic on Monday. She had waited for it since her "
        "election."
    )
    assert {name_of(analysis, e) for e in analysis.entities if e.label == PRONOUN} == {
        "Ruth Okafor"
    }


def test_they_is_a_mention_but_left_unresolved(analysed):
    """A plural pronoun mostly stands for people described, not named ("the girls"):
    measured on realnews/gum, linking it to the nearest organisation was mostly wrong."""
    analysis = analysed(
        "Brightwater Academy entered a team. The girls built a robot, and they won."
    )
    assert pronoun(analysis, "they").actor is None


def test_a_reflexive_is_its_clause_subject_an_object_pronoun_is_not(analysed):
    analysis = analysed("Omar Haddad drove to the station and turned himself in.")
    assert name_of(analysis, pronoun(analysis, "himself")) == "Omar Haddad"
    analysis = analysed("Tom Devlin told Mark Ruiz that he would help him.")
    assert name_of(analysis, pronoun(analysis, "he")) == "Tom Devlin"
    assert name_of(analysis, pronoun(analysis, "him")) == "Mark Ruiz"


def test_a_pronoun_in_a_quotation_is_not_its_speaker(analysed):
    """Tom Weber is the subject before, but he is the one speaking: "he" in his words is
    someone else, here the name quoted beside it."""
    analysis = analysed(
        'Tom Weber spoke after the vote. "Karl Brun lost because he never listened," Weber said.'
    )
    assert name_of(analysis, pronoun(analysis, "he")) == "Karl Brun"


def test_a_pronoun_before_the_subject_it_announces(analysed):
    analysis = analysed("In her first speech, Mayor Ruth Okafor promised new buses.")
    assert name_of(analysis, pronoun(analysis, "her")) == "Ruth Okafor"


def test_a_he_resolved_to_someone_makes_a_later_she_someone_else(analysed):
    analysis = analysed(
        "Professor Eastman said he was alarmed. Lydia Brook, a spokeswoman, disagreed. "
        '"It will take time," she said.'
    )
    assert name_of(analysis, pronoun(analysis, "she")) == "Lydia Brook"


def test_pronouns_are_neither_counted_as_mentions_nor_aliases(analysed):
    analysis = analysed("Daniel Brandt left early. He said he was tired, and his deputy stayed.")
    (brandt,) = [a for a in analysis.actors if a.kind == "person"]
    assert brandt.mentions == 1
    assert brandt.aliases == ("Daniel Brandt",)
    assert [e.actor for e in analysis.entities if e.label == PRONOUN] == [brandt.id] * 3


# What renders and stores them ---------------------------------------------------------------


def test_pronouns_are_entities_in_the_json_but_no_names_to_renderers(analysed):
    analysis = analysed("Daniel Brandt left early, and his deputy stayed behind.")
    document = analysis_to_dict(analysis)
    entities = document["entities"]
    assert [e["label"] for e in entities] == ["PERSON", "PRONOUN"]
    assert entities[1]["actor"] == entities[0]["actor"] == "daniel-brandt"
    text = document["text"]
    assert all(text[e["start"] : e["end"]] == e["text"] for e in entities)
    # Highlights and counts leave the pronoun out: it is not a name.
    marked = [m for m in segments.marks(analysis) if m.role == "entity"]
    assert [analysis.entities[m.item].label for m in marked] == ["PERSON"]
    assert "1 name" in summarise(analysis)


def test_a_kind_correction_leaves_pronouns_pronouns(analysed):
    analysis = analysed("Daniel Brandt left early, and his deputy stayed behind.")
    change = ChangeKind(ActorRef("Daniel Brandt", "person"), "organisation")
    corrected = apply_corrections(analysis, [Correction(1, change)])
    assert [e.label for e in corrected.entities] == ["ORG", PRONOUN]


# Scoring ------------------------------------------------------------------------------------

STORY = """\
Holt rules on ferry

Judge Mary Holt heard the ferry case. The lawyer, Piet Kowalski, said his client was \
innocent. She disagreed, and he left. I will appeal, said Kowalski. Holt said she was done.
"""

STORY_GOLD = {
    "beat": "courts and crime",
    "part": "tuning",
    "actors": [
        {"name": "Mary Holt", "kind": "person", "aliases": ["Holt", "Judge Mary Holt"]},
        {"name": "Piet Kowalski", "kind": "person", "aliases": ["Kowalski"]},
    ],
    "statements": [],
}


def coref(text: str, *links: tuple[str, int, str, int]) -> dict:
    """(pronoun, its occurrence, gold actor, person) → a coref file's record."""
    found = []
    for written, nth, actor, person in links:
        start = -1
        for _ in range(nth + 1):
            start = text.index(f" {written} ", start + 1) + 1
        found.append(
            {
                "start": start,
                "end": start + len(written),
                "text": written,
                "person": person,
                "actor": actor,
                "kind": "person",
            }
        )
    return {"document": "story", "pronouns": found}


@pytest.fixture
def coref_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cast"
    for sub in ("articles", "gold", "coref"):
        (folder / sub).mkdir(parents=True)
    (folder / "articles" / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "gold" / "story.json").write_text(json.dumps(STORY_GOLD), encoding="utf-8")
    links = coref(
        STORY,
        ("his", 0, "Piet Kowalski", 3),
        ("She", 0, "Mary Holt", 3),
        ("he", 0, "Piet Kowalski", 3),
        ("she", 0, "Mary Holt", 3),
        ("I", 0, "Piet Kowalski", 1),  # first person: not scored
    )
    (folder / "coref" / "story.coref.json").write_text(json.dumps(links), encoding="utf-8")
    return folder


def story_analysis(article: Article) -> Analysis:
    """his → Kowalski (right), She → Kowalski (wrong), he → nobody, she not found at all."""
    text = article.text
    holt, kowalski = (
        Actor("holt", "Mary Holt", "person", ("Judge Mary Holt",)),
        Actor("kowalski", "Piet Kowalski", "person", ("Piet Kowalski",)),
    )

    def at(written: str, actor: str | None, label: str = PRONOUN) -> Entity:
        found = re.search(rf"(?<!\w){written}(?!\w)", text)
        assert found is not None
        return Entity(found.start(), found.end(), written, label, actor)

    entities = (
        at("Judge Mary Holt", "holt", "PERSON"),
        at("Piet Kowalski", "kowalski", "PERSON"),
        at("his", "kowalski"),
        at("She", "kowalski"),
        at("he", None),
    )
    return Analysis(article, tuple(sorted(entities, key=lambda e: e.start)), (), (holt, kowalski))


def test_pronoun_gold_is_read_and_checked_against_the_text(coref_folder: Path):
    (gold,) = read_cast_gold(coref_folder)
    assert gold.pronouns is not None
    assert [(p.text, p.actor, p.person) for p in gold.pronouns] == [
        ("his", "Piet Kowalski", 3),
        ("She", "Mary Holt", 3),
        ("he", "Piet Kowalski", 3),
        ("I", "Piet Kowalski", 1),
        ("she", "Mary Holt", 3),
    ]
    record = json.loads((coref_folder / "coref" / "story.coref.json").read_text("utf-8"))
    record["pronouns"][0]["start"] += 1
    (coref_folder / "coref" / "story.coref.json").write_text(json.dumps(record), "utf-8")
    with pytest.raises(DramatisError, match="pronoun 1: 'his' is not at"):
        read_cast_gold(coref_folder)


def test_a_folder_without_coref_reports_no_pronouns(coref_folder: Path):
    for path in (coref_folder / "coref").iterdir():
        path.unlink()
    (coref_folder / "coref").rmdir()
    (gold,) = read_cast_gold(coref_folder)
    assert gold.pronouns is None
    score = score_article(gold, story_analysis(gold.article))
    assert score.pronouns is None
    summary = cast_report.summarise([score])
    assert summary["cast"]["parts"]["all"]["pronouns"] is None
    assert "pronouns:" not in cast_report.format_report(summary)


def test_third_person_pronouns_of_people_are_scored_right_wrong_or_unresolved(
    coref_folder: Path, tmp_path: Path
):
    (gold,) = read_cast_gold(coref_folder)
    score = score_article(gold, story_analysis(gold.article))
    assert score.pronouns is not None
    assert (score.pronouns.gold, score.pronouns.right, score.pronouns.wrong) == (4, 1, 1)
    assert score.pronouns.unresolved == 2

    summary = cast_report.summarise([score, score])  # pooled like every other figure
    figures = summary["cast"]["parts"]["all"]["pronouns"]
    assert figures == {"gold": 8, "right": 2, "wrong": 2, "unresolved": 4, "right_share": 0.25}
    assert summary["per_article"][0]["pronouns"]["right"] == 1
    report = cast_report.format_report(summary, details=True)
    assert (
        "pronouns: 8 third-person pronouns to people, 2 resolved to the right person (25 %), "
        "2 to a wrong actor, 4 unresolved"
    ) in report

    errors_path = tmp_path / "errors.jsonl"
    cast_report.write_errors(errors_path, [score])
    records = [json.loads(line) for line in errors_path.read_text("utf-8").splitlines()]
    pronoun_errors = [
        (r["category"], r["pronoun"], r["gold_actor"], r["predicted_actor"])
        for r in records
        if r["category"].startswith("pronoun")
    ]
    assert pronoun_errors == [
        ("pronoun to a wrong actor", "She", "Mary Holt", "Piet Kowalski"),
        ("pronoun unresolved", "he", "Piet Kowalski", None),
        ("pronoun unresolved", "she", "Mary Holt", None),
    ]


def test_names_and_their_counts_leave_the_pronouns_out():
    entities = (
        Entity(0, 5, "Maria", "PERSON", "maria"),
        Entity(6, 9, "she", PRONOUN, "maria"),
        Entity(10, 16, "Toledo", "GPE"),
    )
    analysis = Analysis(article_from_text("Maria she Toledo"), entities)
    assert [e.text for e in analysis.names] == ["Maria", "Toledo"]
    assert analysis.name_count() == 2
    assert analysis.label_counts() == {"PERSON": 1, PRONOUN: 1, "GPE": 1}
