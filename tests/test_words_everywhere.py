"""Words for people, not tags, wherever a reader looks.

The command line's text outputs (``dramatis analyse --format text`` and ``dramatis library
actors|said|search|check|reanalyse``), the statements CSV, the article view's tooltips, the
legend and the library panel's status line name labels, statement kinds and actor kinds in
words, never as spaCy tags ("GPE", "NORP", "CARDINAL") or stored kind values ("indirect",
"mixed"), and every count agrees with its noun: no "1 articles". The CLI runs on a real
article of the cast gold set, analysed by the real pipeline, in a library of its own.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.output.words import ACTOR_KIND_NAMES, LABEL_NAMES, STATEMENT_KIND_NAMES

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

#: A short article with countries, nationalities, numbers and all three statement kinds.
ARTICLE = Path(__file__).parent / "cast" / "articles" / "a-17-international-eu-chips.txt"

#: What must never reach a reader (as whole words).
TAGS = re.compile(r"\b(GPE|NORP|CARDINAL|ORG|PERSON|indirect|mixed|partial)\b")
#: A count of one with a plural noun.
ONE_MANY = re.compile(
    r"(?<![\d,.])1 (articles|statements|mentions|actors|names|words|people|problems|matches)\b"
)


def _bad(text: str) -> list[str]:
    """The tags and wrong plurals in text (empty when it is all words for people)."""
    return [m.group(0) for m in TAGS.finditer(text)] + [m.group(0) for m in ONE_MANY.finditer(text)]


def test_the_checks_catch_tags_and_wrong_plurals():
    assert _bad("Berlin (GPE) said: 1 articles, indirect") == ["GPE", "indirect", "1 articles"]
    assert _bad("ORG; mixed; partial; 1 mentions; 1 statements") == [
        "ORG",
        "mixed",
        "partial",
        "1 mentions",
        "1 statements",
    ]
    assert _bad("Organisation, partly quoted, 1 article, 21 articles, 2,001 names") == []


# -- the command line ---------------------------------------------------------------------


def _run(capsys, *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("words-library")
    assert main(["library", "--data-dir", str(data), "add", str(ARTICLE)]) == 0
    return data


def _library(capsys, data: Path, *args: str) -> str:
    return _run(capsys, "library", "--data-dir", str(data), *args)


def test_the_text_summary_is_in_words(capsys):
    out = _run(capsys, "analyse", "--format", "text", str(ARTICLE))
    assert _bad(out) == []
    # The article does have what the tags would name, and counts of one.
    assert LABEL_NAMES["GPE"] in out and LABEL_NAMES["NORP"] in out
    for kind in ("[direct quote]", "[partly quoted]", "[reported speech]"):
        assert kind in out
    assert "1 mention," in out and "1 statement" in out


def test_library_actors_names_kinds_and_counts_in_words(capsys, library_dir):
    out = _library(capsys, library_dir, "actors")
    assert _bad(out) == []
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows and all(len(row) == 4 for row in rows)
    assert {row[1] for row in rows} <= set(ACTOR_KIND_NAMES.values())
    assert {row[2] for row in rows} == {"1 article"}
    assert "1 statement" in {row[3] for row in rows}


def test_library_said_names_statement_kinds_in_words(capsys, library_dir):
    actors = json.loads(_library(capsys, library_dir, "actors", "--format", "json"))
    speakers = [a["name"] for a in actors if a["statements"]]
    assert speakers
    kinds_shown: set[str] = set()
    for name in speakers:
        out = _library(capsys, library_dir, "said", name)
        assert _bad(out) == [], name
        kinds_shown |= set(re.findall(r"\(([a-z ]+)(?:;[^)]*)?\)$", out, flags=re.MULTILINE))
    assert kinds_shown == {name.lower() for name in STATEMENT_KIND_NAMES.values()}


def test_library_search_check_and_reanalyse_read_as_words(capsys, library_dir):
    outputs = [
        _library(capsys, library_dir, "search", "chip"),
        _library(capsys, library_dir, "search", "plan", "--actor", "Katrin Vogel"),
        _library(capsys, library_dir, "check"),
        _library(capsys, library_dir, "reanalyse"),
    ]
    assert "[chip]" in outputs[0] and "\n\t" in outputs[0]
    assert all(line.count("\t") <= 1 for line in outputs[0].splitlines())  # one line a hit
    assert "Vogel" in outputs[1] or "EU" in outputs[1]
    assert outputs[3].strip() == "0 articles analysed again"
    for out in outputs:
        assert _bad(out) == []


def test_the_statements_csv_has_kinds_in_words_and_codes_only_in_code_columns(capsys, library_dir):
    out = _library(capsys, library_dir, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert {row["kind"] for row in rows} == set(STATEMENT_KIND_NAMES.values())
    assert {row["kind_code"] for row in rows} == set(STATEMENT_KIND_NAMES)
    header = out.splitlines()[0]
    assert _bad(header) == []
    for row in rows:
        for column, value in row.items():
            if not column.endswith("_code"):
                assert _bad(value) == [], (column, value)


# -- the desktop app ------------------------------------------------------------------------


def _texts_of(widget) -> list[str]:
    """Every tooltip, text and accessible name of a widget and its children."""
    from PySide6.QtWidgets import QWidget

    found: list[str] = []
    for each in [widget, *widget.findChildren(QWidget)]:
        found += [each.toolTip(), each.accessibleName(), each.accessibleDescription()]
        text = getattr(each, "text", None)
        if callable(text):
            found.append(text())
    return [t for t in found if t]


def test_every_tooltip_of_the_view_and_the_legend_is_in_words(qtbot, sample_analysis):
    from ui.style.colors import Theme
    from ui.widgets.article_view import ArticleView
    from ui.widgets.legend import Legend, connect_legend

    view = ArticleView()
    legend = Legend()
    qtbot.addWidget(view)
    qtbot.addWidget(legend)
    connect_legend(legend, view)
    view.show_analysis(sample_analysis, Theme.LIGHT)
    view.finish_drawing()
    qtbot.waitUntil(lambda: legend.counts is not None, timeout=5_000)

    text = sample_analysis.article.text
    tips = {view.tooltip_at(offset) for offset in range(len(text))} - {""}
    assert any(STATEMENT_KIND_NAMES["indirect"] in t for t in tips)
    assert any(LABEL_NAMES["GPE"] in t for t in tips)
    assert [t for t in tips if _bad(t)] == []

    shown = _texts_of(legend)
    assert any(": 1 " in t or "in this article" in t for t in shown)
    assert [t for t in shown if _bad(t)] == []
    # A label found once reads "1 name", a kind found once "1 statement".
    name_key = next(iter(legend.chips))
    kind_key = next(k for k in legend.chips if k in STATEMENT_KIND_NAMES)
    legend.set_counts({name_key: 1, kind_key: 1})
    assert "1 name in this article" in legend.chips[name_key].toolTip()
    assert "1 statement in this article" in legend.chips[kind_key].toolTip()
    assert [t for t in _texts_of(legend) if _bad(t)] == []


def test_the_library_panel_counts_one_article_in_the_singular(qtbot, tmp_path):
    from reader.library import open_library
    from reader.model import Analysis
    from reader.opening import article_from_text
    from ui.widgets.library_panel import LibraryPanel

    library = open_library(tmp_path, version="test")
    article = article_from_text("Harbour plans were discussed on Monday.", title="Harbour")
    library.add_analysis(Analysis(article, version="test"))
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    try:
        panel.set_library(library)
        qtbot.waitUntil(lambda: panel.status.text().startswith("1 "), timeout=10_000)
        assert panel.status.text() == "1 article in the library."
        panel.query.setText("harbour")
        panel.search()
        qtbot.waitUntil(lambda: "match" in panel.status.text(), timeout=10_000)
        assert panel.status.text() == "1 article matches."
        assert [t for t in _texts_of(panel) if _bad(t)] == []
    finally:
        panel.shutdown()
        library.close()
