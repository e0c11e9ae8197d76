"""Positions: what statements are about (subjects), an actor's positions in an article and
across the library, stance words, and who quotes whom.

Articles are analysed by the real pipeline: the sample (al-Assad's positions) and two of
our own, a council's position on a harbour plan that moves between two stories.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from reader.cli import main
from reader.library import open_library
from reader.model import Analysis
from reader.opening import article_from_text
from reader.output.json_document import analysis_to_dict
from reader.pipeline import analyse
from reader.positions.grouping import positions
from reader.positions.stance import stance_words

MARCH = (
    "Council backs harbour plan\n\n"
    "Mayor Tom Okafor said the council supported the new harbour wall and would pay for "
    "the extra ferry berths. Okafor said residents would not lose their fishing rights.\n\n"
    "Aileen MacLeod, who leads the fishermen's association, said the harbour wall would "
    "destroy breeding grounds. She said Tom Okafor had ignored the association."
)
JUNE = (
    "Council drops harbour plan\n\n"
    "Mayor Tom Okafor said the council no longer supported the harbour wall. Okafor said "
    "the ferry berths were too expensive and the council would not pay for them."
)


@pytest.fixture(scope="module")
def sample(sample_path) -> Analysis:
    from reader.opening import open_article

    return analyse(open_article(sample_path))


def _statement(analysis: Analysis, words: str):
    found = [q for q in analysis.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in analysis.quotes]
    return found[0]


def test_a_statement_names_actors_and_key_noun_phrases():
    analysis = analyse(article_from_text(MARCH))
    statement = _statement(analysis, "harbour wall would destroy")
    keys = [(s.rule, s.key) for s in statement.subjects]
    assert ("noun_phrase", "harbour wall") in keys
    assert ("noun_phrase", "breeding ground") in keys
    about_okafor = _statement(analysis, "ignored the association")
    named = [s for s in about_okafor.subjects if s.rule == "named"]
    assert [analysis.actor(s.actor).name for s in named] == ["Tom Okafor"]
    for subject in statement.subjects:
        assert analysis.article.text[subject.start : subject.end] == subject.text


def test_subjects_are_in_the_json_document_of_schema_2():
    document = analysis_to_dict(analyse(article_from_text(MARCH)))
    assert document["schema"] == 2
    statement = next(q for q in document["quotes"] if "breeding" in q["text"])
    assert {"start", "end", "text", "key", "rule", "actor"} == set(statement["subjects"][0])


def test_al_assad_positions_keep_turkeys_occupation_and_russian_sites_apart(sample):
    assad = next(a for a in sample.actors if a.name == "Bashar al-Assad")
    names = {a.id: a.name for a in sample.actors}
    found = positions([(i, sample.quotes[i].subjects) for i in assad.quotes], names.get)
    by_label = {p.label: p for p in found}
    occupation = by_label["illegal occupation"]
    sites = by_label["military site"]
    assert occupation.owner == "Ankara"
    assert all("occupation" in sample.quotes[i].text for i in occupation.statements)
    assert len(occupation.statements) == 2
    assert all(" sites" in sample.quotes[i].text for i in sites.statements)
    assert len(sites.statements) == 2
    assert not set(occupation.statements) & set(sites.statements)
    # Most-stated first.
    counts = [len(p.statements) for p in found]
    assert counts == sorted(counts, reverse=True)


def test_stance_words_are_found_in_every_form():
    text = "The council no longer supports the wall; it rejected the berths and won't pay."
    found = [(text[w.start : w.end], w.kind) for w in stance_words(text)]
    assert found == [
        ("no longer", "negation"),
        ("supports", "support"),
        ("rejected", "opposition"),
        ("n't", "negation"),
    ]


@pytest.fixture
def library(tmp_path):
    march = analyse(article_from_text(MARCH, title="Council backs harbour plan"))
    june = analyse(article_from_text(JUNE, title="Council drops harbour plan"))
    march = dataclasses.replace(
        march, article=dataclasses.replace(march.article, published="2026-03-02")
    )
    june = dataclasses.replace(
        june, article=dataclasses.replace(june.article, published="2026-06-15")
    )
    with open_library(tmp_path / "data") as opened:
        opened.add_analyses([june, march])
        yield opened


def test_a_position_across_the_library_lists_its_statements_by_date(library):
    found = library.positions("Tom Okafor")
    wall = next(p for p in found if p.label == "harbour wall")
    assert (wall.statements, wall.articles) == (2, 2)
    statements = library.position_statements("Tom Okafor", wall.key)
    assert [s.published for s in statements] == ["2026-03-02", "2026-06-15"]
    assert "no longer supported" in statements[1].text
    berths = next(p for p in found if p.key == "phrase:berth")
    assert berths.statements == 2


def test_positions_survive_reading_the_stored_analysis_back(library):
    article_id = library.articles()[0].id
    stored = library.analysis(article_id)
    assert any(q.subjects for q in stored.quotes)
    fresh = analyse(stored.article)
    assert [q.subjects for q in stored.quotes] == [q.subjects for q in fresh.quotes]


def test_who_quotes_whom(library):
    macleod = library.quoting("Aileen MacLeod")
    assert macleod.names == (("Tom Okafor", 1),)
    okafor = library.quoting("Tom Okafor")
    assert okafor.named_by == (("Aileen MacLeod", 1),)


def test_positions_on_the_command_line(capsys, tmp_path):
    path = tmp_path / "march.txt"
    path.write_text(MARCH, encoding="utf-8")
    data = tmp_path / "data"
    assert main(["library", "--data-dir", str(data), "add", str(path)]) == 0
    capsys.readouterr()
    assert main(["library", "--data-dir", str(data), "positions", "Tom Okafor"]) == 0
    out = capsys.readouterr().out
    assert "harbour wall" in out and "Tom Okafor" in out
    code = main(["library", "--data-dir", str(data), "positions", "Tom Okafor", "--format", "json"])
    assert code == 0
    listed = json.loads(capsys.readouterr().out)
    wall = next(p for p in listed if p["label"] == "harbour wall")
    assert wall["statements"][0]["text"].startswith("the council supported")
    assert (
        main(["library", "--data-dir", str(data), "positions", "Tom Okafor", "--format", "csv"])
        == 0
    )
    csv_out = capsys.readouterr().out
    assert csv_out.splitlines()[0] == "actor,position,owner,article_id,title,date,statement"


def test_every_actors_positions_for_the_library(capsys, library):
    data = library.path.parent
    assert main(["library", "--data-dir", str(data), "positions", "--all", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    actors = {row.split(",")[0] for row in rows[1:]}
    assert {"Tom Okafor", "Aileen MacLeod"} <= actors
    assert main(["library", "--data-dir", str(data), "positions"]) == 2
    assert "takes NAME or --all" in capsys.readouterr().err
