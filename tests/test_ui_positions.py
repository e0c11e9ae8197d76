"""Positions in the window: the Cast names the chosen actor's positions in the article,
Who said what lists them across the library, narrows the statements to one position in
date order with the stance words marked, shows who quotes whom, and exports them."""

from __future__ import annotations

import csv
import json
import re

import pytest
from window_opening import TIMEOUT, window_showing

from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path, sample_path):
    win = window_showing(qtbot, tmp_path, sample_path)
    yield win
    win.shutdown()


def _assad(window: MainWindow):
    return next(a for a in window.analysis.actors if a.name == "Bashar al-Assad")


def test_the_cast_names_the_actors_positions_and_steps_through_them(window, qtbot):
    window.actors.select_actor(_assad(window).id)
    window.actors._update_said_button()
    line = window.actors.positions_line
    assert line.isVisible()
    assert "illegal occupation</a> (Ankara) 2" in line.text()
    assert "military site</a> 2" in line.text()
    n = next(i for i, p in enumerate(window.actors._positions) if p.label == "military site")
    chosen: list[int] = []
    window.actors.statementChosen.connect(chosen.append)
    line.linkActivated.emit(f"position:{n}")
    line.linkActivated.emit(f"position:{n}")
    assert all(" sites" in window.analysis.quotes[i].text for i in chosen)
    assert len(set(chosen)) == 2


def test_who_said_what_lists_positions_and_narrows_to_one(window, qtbot, tmp_path):
    said = window.said
    window.show_said("Bashar al-Assad")
    qtbot.waitUntil(lambda: said.positions.count() > 1, timeout=TIMEOUT)
    rows = [said.positions.item(i).text() for i in range(said.positions.count())]
    assert rows[0] == "All statements"
    occupation = next(i for i, r in enumerate(rows) if r.startswith("illegal occupation"))
    assert rows[occupation] == "illegal occupation (Ankara) — 2 statements in 1 article"
    said.positions.setCurrentRow(occupation)
    qtbot.waitUntil(lambda: len(said.statements) == 2, timeout=TIMEOUT)
    assert all("occupation" in s.text for s in said.statements)
    html = said.results.toHtml()
    # Qt writes the mark back as its own style: an underlined, bold "not".
    underlined = r'<span style="[^"]*font-weight:\d+;[^"]*text-decoration: underline;[^>]*>'
    assert re.search(underlined + "not</span>", html), html
    # Who quotes whom: al-Assad's statements name Turkey; NDTV's names al-Assad.
    assert ("Turkey", 3) in said.quoting.quoting.names
    assert any(name == "NDTV" for name, _ in said.quoting.quoting.named_by)
    said.positions.setCurrentRow(0)
    qtbot.waitUntil(lambda: len(said.statements) == 10, timeout=TIMEOUT)


def test_export_positions_as_csv_and_json(window, qtbot, tmp_path):
    said = window.said
    window.show_said("Bashar al-Assad")
    qtbot.waitUntil(lambda: said.export_button.isEnabled(), timeout=TIMEOUT)
    for name in ("positions.csv", "positions.json"):
        with qtbot.waitSignal(said.exported, timeout=TIMEOUT):
            said.export_positions(tmp_path / name)
    rows = list(csv.DictReader((tmp_path / "positions.csv").open(encoding="utf-8")))
    occupation = [r for r in rows if r["position"] == "illegal occupation"]
    assert len(occupation) == 2 and {r["owner"] for r in occupation} == {"Ankara"}
    document = json.loads((tmp_path / "positions.json").read_text(encoding="utf-8"))
    assert any(p["label"] == "military site" and len(p["statements"]) == 2 for p in document)
