"""One deadline per article: past it the analysis stops cleanly with a message.

The deadline is asked between parse batches and between the stages after the parse; the
command line reports the file in one line and exits 2, ``library add`` skips the file and
stores the others, and the window shows a message and keeps nothing. The clock is faked:
nothing here waits for the real deadline.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from fake_nlp import FakeNlp

import reader.deadline
import reader.pipeline
from reader import errors
from reader.cli import main
from reader.deadline import AnalysisTooSlow, Deadline
from reader.errors import ArticleError
from reader.library import open_library
from reader.nlp.parsing import parse
from reader.opening import open_article

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

LINE = "Maria Lopez said the bridge over the river would open in May.\n"
TIMEOUT = 60_000


class SteppedClock:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self._ticks = itertools.count()

    def __call__(self) -> float:
        return float(next(self._ticks))


def _slow_message(seconds: float | None = None) -> str:
    allowed = reader.deadline.ANALYSIS_SECONDS if seconds is None else seconds
    return errors.ANALYSIS_TOO_SLOW.format(seconds=allowed)


def test_the_deadline_stops_the_parse_between_batches():
    nlp = FakeNlp()
    # Read once when made (0); the first check sees 1 <= 1.5, the second 2 > 1.5.
    deadline = Deadline("report.txt", seconds=1.5, clock=SteppedClock())
    with pytest.raises(AnalysisTooSlow) as caught, reader.deadline.in_force(deadline):
        parse(LINE * 20_000, nlp)
    assert nlp.batches == 1  # a 20,000-line text takes many batches; only one was parsed
    assert caught.value.subject == "report.txt"
    assert "1.5 s allowed for one article" in caught.value.problem
    assert isinstance(caught.value, ArticleError)  # reported like an unreadable file


def test_a_parse_within_its_deadline_is_whole():
    nlp = FakeNlp()
    deadline = Deadline("report.txt", seconds=1_000, clock=SteppedClock())
    with reader.deadline.in_force(deadline):
        assert len(parse(LINE * 2_000, nlp)) == 2_000
    assert nlp.batches > 1


def test_the_deadline_is_checked_after_the_stages_that_follow_the_parse(tmp_path, monkeypatch):
    path = tmp_path / "bridge.txt"
    path.write_text(LINE * 3, encoding="utf-8")
    article = open_article(path)
    now = [0.0]
    real = reader.pipeline.find_quotes

    def slow_attribution(*args, **kwargs):
        now[0] += 500.0  # the attribution stage alone passes the deadline
        return real(*args, **kwargs)

    monkeypatch.setattr(reader.pipeline, "find_quotes", slow_attribution)
    deadline = Deadline(article.source, seconds=100, clock=lambda: now[0])
    with pytest.raises(AnalysisTooSlow) as caught:
        reader.pipeline.analyse(article, deadline=deadline)
    assert caught.value.subject == str(path)


def test_every_analysis_has_the_default_deadline(tmp_path, monkeypatch):
    path = tmp_path / "bridge.txt"
    path.write_text(LINE, encoding="utf-8")
    article = open_article(path)
    assert reader.pipeline.analyse(article).quotes  # well within 120 s
    monkeypatch.setattr(reader.deadline, "ANALYSIS_SECONDS", -1.0)
    with pytest.raises(AnalysisTooSlow) as caught:
        reader.pipeline.analyse(article)
    assert caught.value.subject == str(path)


def test_standard_input_is_named_in_the_message():
    deadline = Deadline(None, seconds=-1.0)
    with pytest.raises(AnalysisTooSlow) as caught:
        deadline.check()
    assert caught.value.subject == "<stdin>"


def test_the_command_line_reports_the_file_in_one_line(tmp_path, monkeypatch, capsys):
    path = tmp_path / "bridge.txt"
    path.write_text(LINE, encoding="utf-8")
    monkeypatch.setattr(reader.deadline, "ANALYSIS_SECONDS", -1.0)
    assert main(["analyse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"dramatis: {path}: {_slow_message()}\n"


def test_library_add_skips_a_slow_file_and_stores_the_others(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "bridge.txt").write_text(LINE, encoding="utf-8")
    (folder / "slow.txt").write_text("Ann Lee said the pool would close.\n", encoding="utf-8")
    real = Deadline.passed

    def passed(self: Deadline) -> bool:
        return Path(str(self.subject)).name == "slow.txt" or real(self)

    monkeypatch.setattr(Deadline, "passed", passed)
    data = tmp_path / "data"
    assert main(["library", "--data-dir", str(data), "add", str(folder)]) == 3
    captured = capsys.readouterr()
    assert "1 added, 0 already in the library, 1 skipped" in captured.out
    assert f"dramatis: {folder / 'slow.txt'}: {_slow_message()}\n" in captured.err
    library = open_library(data)
    try:
        assert [Path(a.source or "").name for a in library.articles()] == ["bridge.txt"]
    finally:
        library.close()


def test_the_window_shows_the_message_and_keeps_nothing(qtbot, tmp_path):
    from reader.analysis_process import AnalysisProcess
    from ui.main_window import MainWindow

    # The deadline is checked inside the real analysis, in the analysis process.
    process = AnalysisProcess(seconds=0.0)
    window = MainWindow(data_dir=tmp_path / "data", analyse=process.analyse)
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "bridge.txt"
    path.write_text("Bridge to open in May\n" + LINE, encoding="utf-8")
    failed: list[tuple[str, str]] = []
    window.analyses.failed.connect(lambda job, subject, problem: failed.append((subject, problem)))
    window.open_paths([path])
    qtbot.waitUntil(lambda: bool(failed), timeout=TIMEOUT)
    assert failed == [(str(path), _slow_message(0.0))]
    qtbot.waitUntil(lambda: _slow_message(0.0) in window.banner.text(), timeout=TIMEOUT)
    assert str(path) in window.banner.text() or path.name in window.banner.text()
    assert window.analysis is None
    assert window.library is not None and window.library.count() == 0
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=TIMEOUT)
    window.shutdown()
    process.stop()


def test_a_stage_slow_inside_is_stopped_at_its_next_checkpoint(tmp_path, monkeypatch):
    """Quote by quote: a speaker look-up that passes the deadline stops actor building
    before the next quote, without waiting for the stage to end."""
    import reader.actors.building as building

    path = tmp_path / "council.txt"
    path.write_text(LINE * 30, encoding="utf-8")
    article = open_article(path)
    now = [0.0]
    resolved: list[object] = []
    real = building._Speakers.resolve

    def slow_resolve(self, quote):
        resolved.append(quote)
        now[0] += 50.0  # each speaker look-up takes 50 "seconds"
        return real(self, quote)

    pronouns_linked: list[object] = []
    monkeypatch.setattr(building._Speakers, "resolve", slow_resolve)
    monkeypatch.setattr(building, "link_pronouns", lambda *a, **k: pronouns_linked.append(a) or {})
    deadline = Deadline(article.source, seconds=120, clock=lambda: now[0])
    with pytest.raises(AnalysisTooSlow):
        reader.pipeline.analyse(article, deadline=deadline)
    assert len(resolved) == 3  # 150 > 120: stopped at the checkpoint before the fourth quote
    assert pronouns_linked == []  # the rest of the stage never ran


def test_checkpoints_outside_an_analysis_do_nothing():
    reader.deadline.checkpoint()  # no analysis under way: no deadline to pass
    with reader.deadline.in_force(Deadline("x.txt", seconds=-1.0)), pytest.raises(AnalysisTooSlow):
        reader.deadline.checkpoint()
    reader.deadline.checkpoint()  # the deadline ended with its block
