"""``dramatis library list``: the Library tab's table on the command line — sorted by a
column, within an outlet and a date range, only the articles with statements to check."""

from __future__ import annotations

import json

from fake_articles import VERSION, Said, fake_analysis

from reader.cli import main
from reader.library import open_library

#: (title, outlet, published, statements)
ROWS = [
    ("Harbour reopens", "The Coastal Times", "2024-03-05", 2),
    ("Bridge closes", "Daily Courier", None, 0),
    ("Zoo expands", "Daily Courier", "2022-01-15", 3),
]


def _library(tmp_path):
    data = tmp_path / "data"
    with open_library(data, version=VERSION) as library:
        for title, outlet, published, n in ROWS:
            said = [Said(f"Speaker {k}", f"point {k} about {title}") for k in range(n)]
            library.add_analysis(fake_analysis(title, said, outlet=outlet, published=published))
        # One statement less sure than the threshold, in the zoo story.
        library.connection.execute(
            "UPDATE statements SET confidence = 0.3 WHERE text LIKE '%about Zoo%' AND seq = 0"
        )
    return data


def _list(capsys, data, *args):
    code = main(["library", "--data-dir", str(data), "list", "--format", "json", *args])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_sorted_filtered_and_counted_as_the_tab_shows_them(tmp_path, capsys):
    data = _library(tmp_path)
    titles = [a["title"] for a in _list(capsys, data, "--sort", "title", "--ascending")]
    assert titles == ["Bridge closes", "Harbour reopens", "Zoo expands"]
    courier = _list(capsys, data, "--outlet", "daily courier", "--sort", "statements")
    assert [(a["title"], a["statements"]) for a in courier] == [
        ("Zoo expands", 3),
        ("Bridge closes", 0),
    ]
    dated = _list(capsys, data, "--since", "2023-01-01", "--until", "2024-12-31")
    assert "Zoo expands" not in [a["title"] for a in dated]
    to_check = _list(capsys, data, "--to-check")
    assert [(a["title"], a["to_check"]) for a in to_check] == [("Zoo expands", 1)]
    assert _list(capsys, data, "--to-check", "--below", "0.2") == []


def test_the_text_form_and_an_empty_list(tmp_path, capsys):
    data = _library(tmp_path)
    assert main(["library", "--data-dir", str(data), "list", "--outlet", "Nobody"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no article in the library within these filters" in err
    assert main(["library", "--data-dir", str(data), "list", "--sort", "title"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("\tZoo expands") and "\tDaily Courier\t3\t1\t" in lines[0]
