"""The command line says what it found: an empty search, an actor who said
nothing, a name no actor answers to, and a correction that would change nothing each get
one clear line; `said` names the actor it matched."""

from __future__ import annotations

import pytest

from reader.cli import main

COUNCIL = """Hospital car park charges to rise
Parking charges at the hospital will rise from March.
Councillor Niamh Byrne said the increase was "a tax on the sick and their families".
Byrne said she would raise it at the next meeting in Galway.
"""


@pytest.fixture
def data(tmp_path):
    article = tmp_path / "council.txt"
    article.write_text(COUNCIL, encoding="utf-8")
    data = tmp_path / "data"
    assert main(["library", "--data-dir", str(data), "add", str(article)]) == 0
    return data


def _run(data, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["library", "--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_said_names_the_actor_it_matched(data, capsys):
    code, out, err = _run(data, capsys, "said", "Byrne")
    assert code == 0 and err == ""
    heading, *rest = out.splitlines()
    assert heading == "Niamh Byrne: 2 statements in 1 article"
    assert any("a tax on the sick" in line for line in rest)


def test_said_of_an_actor_who_said_nothing_says_so(data, capsys):
    code, out, err = _run(data, capsys, "said", "Galway")
    assert (code, out, err) == (0, "Galway: no statements in the library\n", "")


def test_said_of_a_name_no_actor_answers_to_is_one_line_and_2(data, capsys):
    code, out, err = _run(data, capsys, "said", "Nobody   Here")
    assert code == 2 and out == ""
    assert err == (
        "dramatis: said: no actor in the library answers to 'Nobody Here' "
        "('dramatis library actors' lists them)\n"
    )


def test_json_stays_a_list_for_programs(data, capsys):
    code, out, err = _run(data, capsys, "said", "Nobody", "--format", "json")
    assert (code, out, err) == (0, "[]\n", "")


def test_an_empty_search_says_so(data, capsys):
    code, out, err = _run(data, capsys, "search", "zebra")
    assert (code, out) == (0, "")
    assert err == "dramatis: no article matches 'zebra'\n"


def test_a_correction_that_would_change_nothing_is_refused_not_stored(data, capsys):
    code, out, err = _run(data, capsys, "merge", "Nobody", "Niamh Byrne")
    assert code == 2 and out == ""
    assert err.endswith("nothing in the library to merge Nobody into Niamh Byrne\n")
    code, out, _ = _run(data, capsys, "corrections")
    assert (code, out) == (0, "no corrections\n")
    code, out, _ = _run(data, capsys, "rename", "Nobody", "Someone")
    assert code == 2
    code, out, _ = _run(data, capsys, "corrections")
    assert out == "no corrections\n"
