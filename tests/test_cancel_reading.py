"""A cancel stops a file while it is read, not only once it is read.

The readers ask ``reader.deadline.checkpoint()`` at each page of a PDF, each paragraph of a
Word file and each line of Markdown; the window's worker reads a file under a check that
raises when its job is cancelled. Before, a cancelled PDF of pages sharing a long stream
kept the worker for up to 7 s before it took the next file (bench/hostile_gui.py).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hostile_files import write_pdf_shared_stream

import reader.opening.pdf
from reader.deadline import WorkStopped, stop_when
from reader.opening import open_article

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 60_000
SAID = "Maria Lopez said the bridge over the river would open in May."


class Stop(WorkStopped):
    """What a cancel raises (the worker's is ``AnalysisCancelled``, a ``WorkStopped``)."""


class StopAfter:
    """A check that lets ``allowed`` checkpoints pass, then stops the work."""

    def __init__(self, allowed: int) -> None:
        self.allowed = allowed
        self.asked = 0

    def __call__(self) -> None:
        self.asked += 1
        if self.asked > self.allowed:
            raise Stop


def _pages_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    read: list[int] = []
    real = reader.opening.pdf._page_lines

    def counted(page, number, reading):
        read.append(number)
        return real(page, number, reading)

    monkeypatch.setattr(reader.opening.pdf, "_page_lines", counted)
    return read


def test_a_pdf_stops_at_the_page_being_read(tmp_path, monkeypatch):
    path = write_pdf_shared_stream(tmp_path / "report.pdf", pages=40, lines=50)
    read = _pages_read(monkeypatch)
    with stop_when(StopAfter(3)), pytest.raises(Stop):
        open_article(path)
    assert 1 <= len(read) <= 3  # of 40 pages
    read.clear()
    assert open_article(path).text  # without a check in force, the whole file is read
    assert len(read) == 40


def test_a_word_file_stops_at_the_paragraph_being_read(tmp_path):
    document = docx.Document()
    for n in range(2_000):
        document.add_paragraph(f"{SAID} ({n})")
    path = tmp_path / "minutes.docx"
    document.save(path)
    check = StopAfter(100)
    with stop_when(check), pytest.raises(Stop):
        open_article(path)
    assert check.asked == 101


def test_markdown_stops_at_the_line_being_read(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Bridge\n\n" + f"{SAID}\n\n" * 2_000, encoding="utf-8")
    check = StopAfter(50)
    with stop_when(check), pytest.raises(Stop):
        open_article(path)
    assert check.asked == 51


def test_the_window_cancel_stops_the_reading_and_takes_the_next_file(
    window, qtbot, tmp_path, monkeypatch
):
    path = write_pdf_shared_stream(tmp_path / "report.pdf", pages=40, lines=50)
    short = tmp_path / "short.txt"
    short.write_text(SAID + "\n", encoding="utf-8")
    read: list[int] = []
    real = reader.opening.pdf._page_lines

    def cancel_on_the_first_page(page, number, reading):
        read.append(number)
        if number == 0:
            window.cancel_analysis()  # what Esc does, while the first page is read
        return real(page, number, reading)

    monkeypatch.setattr(reader.opening.pdf, "_page_lines", cancel_on_the_first_page)
    stopped: list[int] = []
    window.analyses.cancelled.connect(stopped.append)
    (job,) = window.open_paths([path])
    qtbot.waitUntil(lambda: stopped == [job], timeout=TIMEOUT)
    assert len(read) == 1  # the other 39 pages were never read
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT) as blocker:
        window.open_paths([short])
    assert blocker.args[0].article.text == SAID + "\n" or blocker.args[0].article.text == SAID
    assert window.library is not None and window.library.count() == 1


def test_a_file_read_whole_is_unchanged_by_the_checks(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Bridge\n\n" + f"{SAID}\n", encoding="utf-8")
    with stop_when(lambda: None):
        checked = open_article(path)
    assert checked == open_article(path)
    assert Path(path).exists()
