"""The reading step (``reader.reading``): open, analyse and store, with a fake analyser.

The library stores what it is given and hands back the analysis as stored; the reading
step decides when to analyse, and with which analyser.
"""

from __future__ import annotations

import dataclasses

import pytest
from test_library_builder import VERSION, putin_article

from reader.corrections.operations import ActorRef, Rename
from reader.library import open_library
from reader.model import Analysis, Article
from reader.reading import Reading


def analyser(article: Article) -> Analysis:
    """The prepared Putin analysis for any article (no spaCy)."""
    return dataclasses.replace(putin_article(), article=article)


@pytest.fixture
def library(tmp_path):
    with open_library(tmp_path / "data", version=VERSION) as lib:
        yield lib


def test_the_analysis_as_stored_is_given_back_not_corrected_again(library, monkeypatch):
    """The corrections in effect are laid over a new article once, as it is written."""
    reading = Reading(library, analyser)
    reading.add_article(putin_article().article)
    library.correct(Rename(ActorRef("Vladimir Putin"), "President Putin"))

    def corrected_again(analysis):
        raise AssertionError("the stored analysis was computed a second time")

    monkeypatch.setattr(library, "corrected", corrected_again)
    later = putin_article(" They met again in May.").article
    article_id, shown, was_new = reading.add_article(later)
    assert was_new
    assert [a.name for a in shown.actors] == ["President Putin", "Olaf Scholz"]
    assert shown == library.analysis(article_id)


def test_each_call_may_bring_its_own_analyser_and_a_current_analysis_is_reused(library):
    asked: list[str] = []

    def for_job(job: str):
        def analyse(article: Article) -> Analysis:
            asked.append(job)
            return analyser(article)

        return analyse

    reading = Reading(library, for_job("default"))
    article = putin_article().article
    first_id, _, was_new = reading.add_article(article, for_job("job 7"))
    again_id, again, again_new = reading.add_article(article, for_job("job 8"))
    assert asked == ["job 7"]  # the second time the stored analysis is shown
    assert (was_new, again_new, again_id) == (True, False, first_id)
    assert again.quotes == putin_article().quotes


def test_stale_articles_are_analysed_again_by_the_reading_step(tmp_path):
    data = tmp_path / "data"
    with open_library(data, version="old") as old:
        old.add_analysis(dataclasses.replace(putin_article(), version="old"))
    analysed: list[Article] = []

    def new_rules(article: Article) -> Analysis:
        analysed.append(article)
        return dataclasses.replace(analyser(article), version="new")

    with open_library(data, version="new") as library:
        assert len(library.stale_ids()) == 1
        assert Reading(library, new_rules).reanalyse_all() == 1
        assert library.stale_ids() == []
    assert [a.text for a in analysed] == [putin_article().article.text]
