"""Doubt made visible: reasons to check a statement, accepting it, "not an actor" and adding
a statement the analysis missed, in the analysis, the library and on the command line.

The article is one of our own, analysed by the real pipeline: a named speaker given by
apposition, a pronoun speaker, a title nobody in the article holds, a company speaking, and
residents "joking about" something (a construction that is often wrong).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from harbour_story import ARTICLE, MISSED
from library_command import library_with, run

from reader.corrections.apply import apply_all
from reader.corrections.operations import (
    Accept,
    ActorRef,
    AddStatement,
    Correction,
    NotActor,
    StatementRef,
    change_from_json,
)
from reader.library import open_library
from reader.model import CHECK_THRESHOLD, Analysis
from reader.opening import article_from_text
from reader.output.json_document import analysis_to_dict
from reader.pipeline import analyse


@pytest.fixture(scope="module")
def harbour() -> Analysis:
    return analyse(article_from_text(ARTICLE, title="Harbour works delayed again"))


def _statement(analysis: Analysis, words: str):
    found = [q for q in analysis.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in analysis.quotes]
    return found[0]


def _corrected(analysis: Analysis, *changes) -> Analysis:
    applied = apply_all(analysis, [Correction(i + 1, c) for i, c in enumerate(changes)])
    assert len(applied.applied) == len(changes), applied
    return applied.analysis


# -- reasons --------------------------------------------------------------------------------


def test_a_named_speaker_given_by_apposition_is_not_in_doubt(harbour):
    statement = _statement(harbour, "breakwater")
    assert statement.doubts == ()
    assert not statement.to_check(CHECK_THRESHOLD)


def test_a_pronoun_speaker_says_so(harbour):
    statement = _statement(harbour, "storms in November")
    assert "pronoun" in statement.doubts
    assert harbour.actor(statement.actor).name == "Marit Solberg"


def test_a_title_nobody_holds_is_no_speaker_and_is_marked(harbour):
    statement = _statement(harbour, "would not pay")
    assert statement.actor is None
    assert "no-speaker" in statement.doubts
    assert statement.to_check(CHECK_THRESHOLD)


def test_an_often_wrong_construction_and_a_description_speaker(harbour):
    statement = _statement(harbour, "the harbour")
    assert {"rule", "role"} <= set(statement.doubts)
    assert statement.to_check(CHECK_THRESHOLD)
    residents = harbour.actor(statement.actor)
    assert residents.doubts == ("description",)


def test_the_threshold_is_the_readers(harbour):
    statement = _statement(harbour, "storms in November")
    assert not statement.to_check(0.5)
    assert statement.to_check(0.99)


def test_the_json_document_carries_doubts_and_review(harbour):
    document = analysis_to_dict(harbour)
    by_text = {q["text"]: q for q in document["quotes"]}
    pronoun = next(q for t, q in by_text.items() if "storms" in t)
    assert pronoun["doubts"] == ["pronoun"] and pronoun["reviewed"] is False
    assert any(a["doubts"] == ["description"] for a in document["actors"])


# -- the three new corrections --------------------------------------------------------------


def test_accept_marks_the_statement_reviewed_and_no_longer_in_doubt(harbour):
    statement = _statement(harbour, "would not pay")
    corrected = _corrected(harbour, Accept(StatementRef.of(statement)))
    after = _statement(corrected, "would not pay")
    assert after.reviewed and not after.to_check(CHECK_THRESHOLD)
    assert after.doubts == statement.doubts  # the reasons stay, for the record


def test_not_an_actor_leaves_the_cast_and_its_statements_have_no_speaker(harbour):
    residents = _statement(harbour, "the harbour").actor
    corrected = _corrected(harbour, NotActor(ActorRef("Residents", "group")))
    assert all(a.name != "Residents" for a in corrected.actors)
    assert all(e.actor != residents for e in corrected.entities)
    statement = _statement(corrected, "the harbour")
    assert statement.actor is None and "no-speaker" in statement.doubts
    assert statement.confidence < _statement(harbour, "the harbour").confidence


def test_add_a_statement_the_analysis_missed(harbour):
    start = ARTICLE.index(MISSED)
    assert not any(q.start <= start < q.end for q in harbour.quotes)
    change = AddStatement(
        StatementRef(start, start + len(MISSED), MISSED), ActorRef("Hollis Marine", "organisation")
    )
    corrected = _corrected(harbour, change)
    added = _statement(corrected, "unavoidable")
    assert (added.start, added.kind, added.rule, added.confidence) == (
        start,
        "indirect",
        "reader",
        1.0,
    )
    assert added.reviewed and added.doubts == ()
    speaker = corrected.actor(added.actor)
    assert speaker.name == "Hollis Marine"
    assert corrected.quotes.index(added) in speaker.quotes
    assert [q.start for q in corrected.quotes] == sorted(q.start for q in corrected.quotes)


def test_an_added_statement_must_be_the_articles_text(harbour):
    change = AddStatement(StatementRef(10, 20, "not these words"), ActorRef("Hollis Marine"))
    assert apply_all(harbour, [Correction(1, change)]).missed == (1,)


def test_new_corrections_read_back_from_their_json():
    for change in (
        Accept(StatementRef(1, 5, "abcd")),
        NotActor(ActorRef("Getty Images", "organisation")),
        AddStatement(StatementRef(1, 5, "abcd"), ActorRef("Ana Lima")),
    ):
        from reader.corrections.operations import arguments

        assert change_from_json(change.operation, json.dumps(arguments(change))) == change


# -- the library ----------------------------------------------------------------------------


def test_review_state_survives_a_reanalysis(tmp_path, harbour):
    statement = _statement(harbour, "would not pay")
    with open_library(tmp_path / "data", version="one") as library:
        article_id, _ = library.add_analysis(dataclasses.replace(harbour, version="one"))
        assert library.to_check_counts([article_id], CHECK_THRESHOLD)[article_id] == 3
        library.correct(Accept(StatementRef.of(statement)), article_id)
        assert library.to_check_counts([article_id], CHECK_THRESHOLD)[article_id] == 2
    with open_library(tmp_path / "data", version="two") as library:
        library.add_analysis(dataclasses.replace(harbour, version="two"))
        stored = library.analysis(article_id)
        assert stored.version == "two"
        assert _statement(stored, "would not pay").reviewed
        assert library.to_check_counts([article_id], CHECK_THRESHOLD) == {article_id: 2}


def test_statements_listed_by_actor_carry_confidence_and_reasons(tmp_path, harbour):
    with open_library(tmp_path / "data") as library:
        library.add_analysis(harbour)
        said = library.said("Marit Solberg")
    pronoun = next(s for s in said if "storms" in s.text)
    assert pronoun.reasons == ("pronoun",) and pronoun.confidence < 0.9
    assert not pronoun.reviewed


# -- the command line ----------------------------------------------------------------------


@pytest.fixture
def data(tmp_path, capsys) -> Path:
    return library_with(capsys, tmp_path, ARTICLE)


def test_review_lists_what_to_check_with_reasons_then_accept_clears_it(capsys, data):
    code, out, _ = run(capsys, data, "review")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3  # the minister, the residents, the contractor "asking for"
    minister = next(line for line in lines if "would not pay" in line)
    assert "nobody in the article answers to its speaker" in minister
    statement_id = minister.split("\t")[0]
    code, out, _ = run(capsys, data, "accept", statement_id)
    assert code == 0 and out.split("\t")[1].startswith("checked:")
    code, out, _ = run(capsys, data, "review")
    assert "would not pay" not in out and len(out.splitlines()) == 2
    code, out, err = run(capsys, data, "review", "--below", "0.1")
    assert out == "" and "nothing to check in the library below 0.10" in err


def test_not_actor_and_add_statement_on_the_command_line(capsys, data):
    code, _, err = run(capsys, data, "not-actor", "Residents")
    assert code == 2
    assert "nothing in the library to correct: not an actor: Residents" in err
    assert "a description is in one article: name it" in err
    code, out, _ = run(capsys, data, "not-actor", "Residents", "--article", "1")
    assert code == 0 and "not an actor: Residents" in out
    code, out, err = run(capsys, data, "said", "Residents")
    assert code == 2
    start = ARTICLE.index(MISSED)
    code, out, _ = run(
        capsys, data, "add-statement", "1", str(start), str(start + len(MISSED)), "Hollis Marine"
    )
    assert code == 0, out
    code, out, _ = run(capsys, data, "said", "Hollis Marine", "--format", "json")
    assert [s["text"] for s in json.loads(out)] == ["another four million crowns", MISSED]
    code, _, err = run(capsys, data, "add-statement", "1", "5", "999999", "Hollis Marine")
    assert code == 2 and "not in article 1" in err


def test_the_library_table_counts_and_filters_what_to_check(tmp_path, harbour):
    from reader.library import Bounds

    sure = analyse(
        article_from_text(
            "Ferry timetable unchanged\n\nMarit Solberg said the ferry would keep its timetable.",
            title="Ferry timetable unchanged",
        )
    )
    assert not any(q.to_check() for q in sure.quotes)
    with open_library(tmp_path / "data") as library:
        harbour_id, _ = library.add_analysis(harbour)
        sure_id, _ = library.add_analysis(sure)
        listed = {a.id: a.to_check for a in library.listing()}
        assert listed == {harbour_id: 3, sure_id: 0}
        only = Bounds(to_check_only=True)
        assert [a.id for a in library.listing(bounds=only)] == [harbour_id]
        assert library.listing_count(only) == 1
        # The reader's threshold moves the counts and the filter.
        low = Bounds(to_check_only=True, check_below=0.4)
        assert [(a.id, a.to_check) for a in library.listing(bounds=low)] == [(harbour_id, 2)]
        assert library.listing_count(Bounds(to_check_only=True, check_below=0.1)) == 0
