"""Corrections a reader makes to the cast: stored in the library, laid over every analysis,
kept across re-analysis with other rules, undone, exported, made by two programs at once.

The articles are analysed by the real pipeline; each test first checks the mistake it then
corrects, so that it fails if the pipeline and the correction disagree about the article.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import multiprocessing
from pathlib import Path

import pytest

from reader.corrections.operations import (
    ActorRef,
    ChangeKind,
    Dismiss,
    Merge,
    Reassign,
    Rename,
    Split,
    StatementRef,
)
from reader.library import CorrectionError, open_library
from reader.library.export import write_csv
from reader.model import Analysis
from reader.opening import article_from_text
from reader.reading import Reading, default_analyser

ECB = (
    "Christine Lagarde said on Tuesday that inflation would fall by the summer. "
    '"We are not done yet," Lagarde told reporters in Frankfurt. '
    "A spokesman, Marc Lemaire, said the bank would wait for more data."
)
HARBOUR = (
    "Aileen MacLeod said the harbour plan would destroy breeding grounds. "
    "Mayor Tom Okafor said the council would vote on it in May."
)


def _actor(analysis: Analysis, name: str):
    return next((a for a in analysis.actors if a.name == name), None)


def _statement(analysis: Analysis, words: str):
    return next(q for q in analysis.quotes if words in q.text)


def _said(library, name: str) -> list[str]:
    return [s.text for s in library.said(name)]


@pytest.fixture
def ecb(library):
    article_id, analysis, _ = Reading(library).add_article(article_from_text(ECB, title="Rates"))
    assert _actor(analysis, "Christine Lagarde") is not None
    assert "the bank would wait for more data" in _said(library, "Marc Lemaire")
    return article_id


def test_rename_keeps_the_statements_and_said_finds_the_new_name(library, ecb):
    library.correct(Rename(ActorRef("Christine Lagarde"), "Christine Lagarde-Martin"), ecb)
    shown = library.analysis(ecb)
    actor = _actor(shown, "Christine Lagarde-Martin")
    assert actor is not None and len(actor.quotes) == 2
    assert "Christine Lagarde" in actor.aliases  # the name as written stays an alias
    assert _actor(shown, "Christine Lagarde") is None
    assert len(_said(library, "Christine Lagarde-Martin")) == 2
    assert [a.name for a in library.actors() if a.name.startswith("Christine")] == [
        "Christine Lagarde-Martin"
    ]


def test_merge_in_one_article_moves_mentions_and_statements(library, ecb):
    before = library.analysis(ecb)
    frankfurt = _actor(before, "Frankfurt")
    lemaire = _actor(before, "Marc Lemaire")
    assert frankfurt is not None and lemaire is not None
    _, changed = library.correct(
        Merge(ActorRef("Frankfurt", "place"), ActorRef("Marc Lemaire")), ecb
    )
    assert changed == [ecb]
    shown = library.analysis(ecb)
    assert _actor(shown, "Frankfurt") is None
    merged = _actor(shown, "Marc Lemaire")
    assert merged.mentions == frankfurt.mentions + lemaire.mentions
    assert "Frankfurt" in merged.aliases
    assert all(e.actor == merged.id for e in shown.entities if e.text == "Frankfurt")
    assert "Frankfurt" not in [a.name for a in library.actors()]  # no empty library actor


def test_kind_change_files_the_actor_as_that_kind(library, ecb):
    library.correct(ChangeKind(ActorRef("Frankfurt", "place"), "organisation"), ecb)
    assert _actor(library.analysis(ecb), "Frankfurt").kind == "organisation"
    assert {(a.name, a.kind) for a in library.actors() if a.name == "Frankfurt"} == {
        ("Frankfurt", "organisation")
    }


def test_reassign_moves_a_statement_to_another_speaker_new_or_known(library, ecb):
    statement = _statement(library.analysis(ecb), "the bank would wait")
    library.correct(Reassign(StatementRef.of(statement), ActorRef("ECB", "organisation")), ecb)
    shown = library.analysis(ecb)
    bank = _actor(shown, "ECB")
    assert bank is not None and bank.kind == "organisation"
    assert [shown.quotes[i].text for i in bank.quotes] == [statement.text]
    assert _said(library, "ECB") == [statement.text]
    assert _said(library, "Marc Lemaire") == []
    # To an actor the article has: it joins their statements.
    library.correct(Reassign(StatementRef.of(statement), ActorRef("Christine Lagarde")), ecb)
    assert statement.text in _said(library, "Christine Lagarde")
    assert (
        _actor(library.analysis(ecb), "ECB") is None
        or not _actor(library.analysis(ecb), "ECB").quotes
    )


def test_dismiss_removes_the_statement_everywhere_and_undo_brings_it_back(library, ecb):
    statement = _statement(library.analysis(ecb), "inflation would fall")
    count = len(library.analysis(ecb).quotes)
    correction, _ = library.correct(Dismiss(StatementRef.of(statement)), ecb)
    shown = library.analysis(ecb)
    assert len(shown.quotes) == count - 1
    assert statement.text not in [q.text for q in shown.quotes]
    assert statement.text not in _said(library, "Christine Lagarde")
    assert all(i < len(shown.quotes) for a in shown.actors for i in a.quotes)
    assert library.search_statements("inflation") == []
    library.undo_correction(correction.id)
    assert len(library.analysis(ecb).quotes) == count
    assert statement.text in _said(library, "Christine Lagarde")
    listed = library.corrections()
    assert [c.id for c in listed] == [correction.id] and listed[0].undone is not None


def test_split_an_alias_off_an_actor(library, ecb):
    lagarde = _actor(library.analysis(ecb), "Christine Lagarde")
    assert "Lagarde" in lagarde.aliases
    library.correct(Split(ActorRef("Christine Lagarde"), "Lagarde"), ecb)
    shown = library.analysis(ecb)
    other = _actor(shown, "Lagarde")
    assert other is not None
    assert [shown.quotes[i].text for i in other.quotes] == ['"We are not done yet,"']
    assert "Lagarde" not in _actor(shown, "Christine Lagarde").aliases


def test_a_correction_naming_nothing_in_the_article_is_refused_and_not_stored(library, ecb):
    with pytest.raises(CorrectionError, match="nothing in article"):
        library.correct(Rename(ActorRef("Nobody Here"), "Someone"), ecb)
    assert library.corrections() == []
    with pytest.raises(CorrectionError, match="one article"):
        statement = _statement(library.analysis(ecb), "inflation")
        library.correct(Dismiss(StatementRef.of(statement)))


def test_undo_restores_the_analysis_as_the_pipeline_made_it(library, ecb):
    before = library.analysis(ecb)
    made = [
        library.correct(Rename(ActorRef("Marc Lemaire"), "Marc Lemaire-Dubois"), ecb)[0],
        library.correct(Merge(ActorRef("Frankfurt", "place"), ActorRef("Christine Lagarde")), ecb)[
            0
        ],
    ]
    for correction in reversed(made):
        library.undo_correction(correction.id)
    after = library.analysis(ecb)
    assert after.actors == before.actors
    assert after.quotes == before.quotes
    assert after.entities == before.entities
    with pytest.raises(CorrectionError, match="already undone"):
        library.undo_correction(made[0].id)


def _analyser(version: str):
    """The real pipeline, its analyses labelled as made by rules of another version."""

    def analyse(article):
        return dataclasses.replace(default_analyser(article), version=version)

    return analyse


def test_corrections_survive_a_re_analysis_with_a_new_analysis_version(tmp_path):
    data = tmp_path / "data"
    with open_library(data, version="rules-old") as old:
        article_id, analysis, _ = Reading(old, _analyser("rules-old")).add_article(
            article_from_text(ECB, title="Rates")
        )
        statement = _statement(analysis, "the bank would wait")
        old.correct(
            Reassign(StatementRef.of(statement), ActorRef("ECB", "organisation")), article_id
        )
        old.correct(Rename(ActorRef("Christine Lagarde"), "Christine Lagarde-Martin"), article_id)
    with open_library(data, version="rules-new") as new:
        assert new.stale_ids() == [article_id]
        assert Reading(new, _analyser("rules-new")).reanalyse_all() == 1
        shown = new.analysis(article_id)
        assert shown.version == "rules-new"
        assert _actor(shown, "Christine Lagarde-Martin") is not None
        assert _said(new, "ECB") == [statement.text]
        # Removed and added again: the corrections are the content's, not the row's.
        new.remove(article_id)
        assert new.count() == 0 and _said(new, "ECB") == []
        again, reopened, _ = Reading(new, _analyser("rules-new")).add_article(
            article_from_text(ECB, title="Rates")
        )
        assert _actor(reopened, "Christine Lagarde-Martin") is not None
        assert _actor(new.analysis(again), "Christine Lagarde-Martin") is not None
        assert _said(new, "ECB") == [statement.text]


def test_a_library_wide_merge_applies_to_articles_added_later(library):
    first, analysis, _ = Reading(library).add_article(article_from_text(HARBOUR, title="Harbour"))
    assert _actor(analysis, "Tom Okafor") is not None
    correction, changed = library.correct(Rename(ActorRef("Tom Okafor"), "Thomas Okafor"))
    assert correction.scope is None and changed == [first]
    later = (
        "Tom Okafor said on Monday that the vote would be delayed. "
        "Residents said they had not been asked."
    )
    second, shown, _ = Reading(library).add_article(article_from_text(later, title="Vote delayed"))
    assert _actor(shown, "Thomas Okafor") is not None  # what the window is given
    assert _actor(library.analysis(second), "Thomas Okafor") is not None
    assert "that the vote would be delayed" in _said(library, "Thomas Okafor")
    library.undo_correction(correction.id)
    assert _actor(library.analysis(second), "Tom Okafor") is not None
    assert _actor(library.analysis(first), "Tom Okafor") is not None


def test_export_marks_corrected_rows(library, ecb):
    statement = _statement(library.analysis(ecb), "the bank would wait")
    library.correct(Reassign(StatementRef.of(statement), ActorRef("ECB", "organisation")), ecb)
    stream = io.StringIO()
    write_csv(library, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    marked = {row["text"]: row["corrected"] for row in rows}
    assert marked[statement.text] == "yes"
    assert {value for text, value in marked.items() if text != statement.text} == {""}
    assert next(r for r in rows if r["text"] == statement.text)["actor"] == "ECB"


def _correct_in_turn(data_dir: str, name: str, new_names: list[str], start) -> None:
    start.wait()
    with open_library(Path(data_dir)) as lib:
        article_id = lib.articles()[0].id
        current = name
        for new_name in new_names:
            lib.correct(Rename(ActorRef(current), new_name), article_id)
            current = new_name


@pytest.mark.slow
def test_two_processes_correcting_at_once_keep_every_correction(tmp_path):
    data = tmp_path / "data"
    with open_library(data) as lib:
        article_id, _, _ = Reading(lib).add_article(article_from_text(ECB, title="Rates"))
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    jobs = [
        context.Process(
            target=_correct_in_turn,
            args=(str(data), "Christine Lagarde", [f"Lagarde {n}" for n in range(8)], start),
        ),
        context.Process(
            target=_correct_in_turn,
            args=(str(data), "Marc Lemaire", [f"Lemaire {n}" for n in range(8)], start),
        ),
    ]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(120)
    assert [job.exitcode for job in jobs] == [0, 0]
    with open_library(data) as lib:
        assert len(lib.corrections()) == 16
        names = {a.name for a in lib.analysis(article_id).actors}
        assert {"Lagarde 7", "Lemaire 7"} <= names
        assert len(_said(lib, "Lagarde 7")) == 2 and len(_said(lib, "Lemaire 7")) == 1
