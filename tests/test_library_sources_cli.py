"""``dramatis library sources``: the report printed as text, JSON or CSV, within filters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from source_articles import three_stories

from reader.cli import main
from reader.library import open_library


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    with open_library(folder) as library:
        for analysis in three_stories():
            library.add_analysis(analysis)
    return folder


def run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["library", "--data-dir", str(data), "sources", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_text_report(capsys, data):
    code, out, _ = run(capsys, data)
    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert lines[0] == "Sources in 3 articles"
    assert lines[1] == "10 sources, 14 statements, 21% quoted directly"
    assert "Named 7 70%" in lines
    assert "Officials and politicians 4 40%" in lines
    assert "Women 3 43%" in lines
    assert "Not stated 1 14%" in lines  # of the people: Jordan Ellis
    assert "Grace Obi (person): 2 statements in 1 article" in lines


def test_an_outlet_and_dates_bound_it(capsys, data):
    code, out, _ = run(capsys, data, "--outlet", "Harbour Times", "--until", "2024-04-30")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Sources in 1 article (outlet Harbour Times; dated … to 2024-04-30)"
    assert lines[1] == "3 sources, 5 statements, 40% quoted directly"


def test_json_is_one_object_of_counts(capsys, data):
    code, out, _ = run(capsys, data, "--format", "json", "--since", "2024-04-01")
    assert code == 0
    report = json.loads(out)
    assert (report["articles"], report["sources"], report["statements"]) == (2, 7, 9)
    roles = {r["key"]: r["count"] for r in report["roles"]}
    assert roles["citizen"] == 2 and roles[None] == 1
    assert [a["name"] for a in report["most_quoted"]][:2] == ["Lena Fischer", "Tom Hardy"]


def test_csv_rows(capsys, data):
    code, out, _ = run(capsys, data, "--format", "csv", "--outlet", "valley courier")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["section", "key", "label", "count", "share"]
    assert ["Kind", "person", "People", "3", "0.750"] in rows
    assert ["Gender (people)", "male", "Men", "1", "0.333"] in rows


def test_one_article_lists_its_sources(capsys, data):
    code, out, _ = run(capsys, data, "--article", "1")
    assert code == 0
    assert out.splitlines()[0] == "Sources of article 1"
    assert (
        '  Daniel Reyes: person, named; role Citizens and residents ("resident"); '
        'gender Men (an honorific: "Mr"); 2 statements, 1 direct'
    ) in out.splitlines()
    assert "  Officials: group, unnamed; role Officials and politicians" in out


def test_a_date_that_is_no_date_is_a_usage_mistake(capsys, data):
    code, _, err = run(capsys, data, "--since", "March 2024")
    assert code == 2
    assert "not a date (YYYY-MM-DD): March 2024" in err


def test_an_article_that_is_not_there(capsys, data):
    code, _, err = run(capsys, data, "--article", "99")
    assert code == 2
    assert "no article with id 99" in err
