"""``dramatis library merge|rename|kind|reassign|dismiss|split|corrections`` on a real article.

The article is analysed by the real pipeline into a temporary library; each command's
effect is read back through ``library said``, ``library actors`` and the stored analysis.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from library_command import library_with, run

from reader.library import open_library

ARTICLE = (
    "Port Ellis votes on harbour plan\n\n"
    "Aileen MacLeod said the harbour plan would destroy breeding grounds. "
    '"We will fight it," MacLeod told the meeting. '
    "Mayor Tom Okafor said the council would vote on it in May. "
    "The Port Ellis Fishermen's Association said in a statement that it was not consulted."
)


@pytest.fixture
def data(tmp_path, capsys) -> Path:
    return library_with(capsys, tmp_path, ARTICLE)


def _said(capsys, data: Path, name: str) -> list[dict]:
    code, out, _ = run(capsys, data, "said", name, "--format", "json")
    assert code == 0
    return json.loads(out)


def _names(data: Path) -> set[str]:
    with open_library(data) as library:
        return {a.name for a in library.analysis(library.articles()[0].id).actors}


def test_rename_everywhere_then_undo(capsys, data):
    assert len(_said(capsys, data, "Aileen MacLeod")) == 2
    code, out, _ = run(capsys, data, "rename", "Aileen MacLeod", "Aileen McLeod-Grant")
    assert code == 0
    assert "rename Aileen MacLeod to Aileen McLeod-Grant" in out
    assert "every article; 1 article changed" in out
    assert len(_said(capsys, data, "Aileen McLeod-Grant")) == 2
    code, out, _ = run(capsys, data, "corrections")
    correction_id = int(out.split("\t")[0])
    assert "in effect" in out
    code, out, _ = run(capsys, data, "corrections", "--undo", str(correction_id))
    assert code == 0 and out.startswith(f"undone: {correction_id}")
    assert "Aileen MacLeod" in _names(data)
    assert "undone" in run(capsys, data, "corrections")[1]


def test_merge_and_kind_in_one_article(capsys, data):
    with open_library(data) as library:
        article_id = library.articles()[0].id
    code, out, _ = run(
        capsys, data, "merge", "Port Ellis", "Port Ellis Fishermen's Association",
        "--article", str(article_id),
    )  # fmt: skip
    assert code == 0 and "this article; 1 article changed" in out
    assert "Port Ellis" not in _names(data)
    code, out, _ = run(capsys, data, "kind", "Tom Okafor", "group", "--article", str(article_id))
    assert code == 0
    with open_library(data) as library:
        kinds = {a.name: a.kind for a in library.analysis(article_id).actors}
    assert kinds["Tom Okafor"] == "group"


def test_reassign_and_dismiss_by_statement_id(capsys, data):
    code, out, _ = run(capsys, data, "said", "Tom Okafor")
    assert code == 0
    statement_id = int(re.search(r"statement (\d+)\)", out).group(1))
    code, out, _ = run(capsys, data, "reassign", str(statement_id), "Port Ellis Council",
                       "--kind", "organisation")  # fmt: skip
    assert code == 0 and "was said by Port Ellis Council" in out
    assert _said(capsys, data, "Tom Okafor") == []
    moved = _said(capsys, data, "Port Ellis Council")
    assert [s["text"] for s in moved] == ["the council would vote on it in May"]
    code, out, _ = run(capsys, data, "dismiss", str(moved[0]["statement_id"]))
    assert code == 0 and "not a statement" in out
    assert _said(capsys, data, "Port Ellis Council") == []
    code, out, _ = run(capsys, data, "export", "--format", "csv")
    assert "the council would vote" not in out


def test_split_an_alias(capsys, data):
    code, out, _ = run(capsys, data, "split", "Aileen MacLeod", "MacLeod")
    assert code == 0 and "MacLeod is not Aileen MacLeod" in out
    assert [s["text"] for s in _said(capsys, data, "Aileen MacLeod")] == [
        "the harbour plan would destroy breeding grounds"
    ]


def test_bad_corrections_name_the_problem_and_change_nothing(capsys, data):
    before = _names(data)
    code, _, err = run(capsys, data, "rename", "Nobody", "Somebody", "--article", "1")
    assert code != 0 and "nothing in article 1" in err
    code, _, err = run(capsys, data, "dismiss", "9999")
    assert code != 0 and "no statement with id 9999" in err
    code, _, err = run(capsys, data, "corrections", "--undo", "42")
    assert code != 0 and "no correction 42" in err
    assert _names(data) == before
    assert "no corrections" in run(capsys, data, "corrections")[1]


def test_merge_everywhere_then_undo_gives_back_the_library(capsys, tmp_path):
    """``merge "Vladimir Putin" "Joe Biden"`` then ``corrections --undo 1`` left
    Putin's names on Biden, and his statements under Biden's name."""
    texts = {
        "putin.txt": "Vladimir Putin said on Friday that the talks had failed. "
        '"We will not wait," Putin told reporters in Moscow.',
        "biden.txt": "Joe Biden said the sanctions would stay in place. "
        '"This is not over," Biden told reporters at the White House.',
        "both.txt": "Vladimir Putin said the offer was an insult. Joe Biden said the offer "
        'was serious. "We are ready," Biden added. "Never," Putin replied.',
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    data = tmp_path / "data"
    assert run(capsys, data, "add", *(str(tmp_path / name) for name in texts))[0] == 0

    def said(name: str) -> list[tuple]:
        return [(s["article_id"], s["text"], s["actor"]) for s in _said(capsys, data, name)]

    putin, biden, actors = said("Vladimir Putin"), said("Joe Biden"), run(capsys, data, "actors")[1]
    assert len(putin) == 4 and {s[2] for s in putin} == {"Vladimir Putin"}
    assert "Joe Biden (also Biden)\t" in actors
    code, out, _ = run(capsys, data, "merge", "Vladimir Putin", "Joe Biden")
    assert code == 0 and out.startswith("1\t")
    assert len(said("Joe Biden")) == len(putin) + len(biden)
    code, out, _ = run(capsys, data, "corrections", "--undo", "1")
    assert code == 0
    assert said("Vladimir Putin") == putin and said("Joe Biden") == biden
    assert run(capsys, data, "actors")[1] == actors
    assert run(capsys, data, "check")[0] == 0
