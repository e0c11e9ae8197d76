"""Never frozen, always cancellable: text first, progress, cancel, paged lists.

The analysis reports paragraphs parsed of all and stops between parse batches when asked;
the window shows the text before the analysis, cancels with Esc or its Cancel button,
keeps nothing of a cancelled analysis and takes the next job; "who said what" lists a
prolific actor a page at a time; a batch of files refreshes the library panels once.
The stall bound itself is measured by bench/gui.py, not here.
"""

from __future__ import annotations

import threading

import pytest
from fake_nlp import FakeNlp
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from test_library_builder import VERSION, ArticleBuilder

import reader.pipeline
from reader.library import open_library
from reader.nlp import parsing
from reader.nlp.parsing import AnalysisCancelled, parse, split_paragraphs
from ui import messages
from ui.main_window import MainWindow
from ui.widgets.said_panel import FIRST_PAGE, NEXT_PAGE, SaidPanel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 60_000  # the model loads in a few seconds, slower on a busy machine
LINE = "Maria Lopez said the bridge over the river would open in May.\n"


# -- the core: progress and cancel ----------------------------------------------------------


def test_progress_counts_paragraphs_up_to_the_total():
    text = (LINE.strip() + " ") * 4 + "\n"
    text *= 400
    total = len(list(split_paragraphs(text)))
    seen: list[tuple[int, int]] = []
    nlp = FakeNlp()
    paragraphs = parse(
        text, nlp, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: False
    )
    assert len(paragraphs) == total == 400
    assert seen[0] == (0, total)
    assert seen[-1] == (total, total)
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert {t for _, t in seen} == {total}
    # One report per batch; cancellable parses use small batches (a cancel acts quickly).
    assert len(seen) - 1 == nlp.batches
    assert nlp.batches > len(list(parsing._batches(split_paragraphs(text), 64)))


def test_cancel_is_checked_between_batches_and_stops_the_parse():
    nlp = FakeNlp()
    seen: list[int] = []
    with pytest.raises(AnalysisCancelled):
        parse(
            LINE * 400,
            nlp,
            progress=lambda d, t: seen.append(d),
            cancelled=lambda: len(seen) > 1,  # after the first batch
        )
    assert nlp.batches == 1
    assert seen[-1] < 400


@pytest.mark.slow
def test_the_pipeline_reports_progress_on_the_sample(sample_path):
    from reader.opening import open_article

    article = open_article(sample_path)
    seen: list[tuple[int, int]] = []
    analysis = reader.pipeline.analyse(article, progress=lambda d, t: seen.append((d, t)))
    total = len(list(split_paragraphs(article.text)))
    assert seen[-1] == (total, total)
    assert analysis.quotes
    with pytest.raises(AnalysisCancelled):
        reader.pipeline.analyse(article, cancelled=lambda: True)


# -- the window -----------------------------------------------------------------------------


@pytest.mark.slow
def test_cancel_stops_a_long_analysis_and_the_next_job_runs(nlp_window, qtbot, tmp_path):
    window = nlp_window  # a real parse: the cancel lands mid-analysis
    long_file = tmp_path / "long.txt"
    long_file.write_text("A long report\n" + LINE * 3000, encoding="utf-8")
    progress: list[tuple[int, int]] = []
    window.analyses.progressed.connect(lambda job, done, total: progress.append((done, total)))
    stopped: list[int] = []
    window.analyses.cancelled.connect(stopped.append)
    shown: list[object] = []
    window.articleShown.connect(lambda analysis, _id: shown.append(analysis))
    assert window.cancel_action.shortcut() == QKeySequence(Qt.Key.Key_Escape)
    assert not window.cancel_action.isEnabled()
    (job,) = window.open_paths([long_file])
    qtbot.waitUntil(lambda: bool(progress), timeout=TIMEOUT)
    # The window hears the text was read through its event loop: wait until it shows it.
    qtbot.waitUntil(lambda: window.view.toPlainText().startswith("A long report"), timeout=TIMEOUT)
    assert window.cancel_action.isEnabled()
    assert window.busy.cancel.isVisibleTo(window)
    window.cancel_action.trigger()  # what Esc does
    qtbot.waitUntil(lambda: bool(stopped), timeout=TIMEOUT)
    assert stopped == [job]
    assert progress[-1][0] < progress[-1][1]  # stopped before the last paragraph
    assert window.view.toPlainText().startswith("A long report")  # the text stays
    assert window.analysis is None and shown == []
    # The status bar names the article by its title (its first line), as on screen.
    cancelled = messages.ANALYSIS_CANCELLED.format(name="A long report")
    assert window.status_text.text() == cancelled
    assert not window.is_busy() and not window.busy.isVisibleTo(window)
    assert window.library is not None and window.library.count() == 0  # nothing stored
    short = tmp_path / "short.txt"
    short.write_text(LINE, encoding="utf-8")
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT) as blocker:
        window.open_paths([short])
    assert blocker.args[0].article.text == LINE
    assert window.status_text.text() == messages.SHOWN_NEW.format(name="short.txt")


@pytest.mark.slow
def test_opening_another_file_cancels_the_running_analysis(nlp_window, qtbot, tmp_path):
    window = nlp_window  # a real parse: the cancel lands mid-analysis
    long_file = tmp_path / "long.txt"
    long_file.write_text(LINE * 3000, encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(LINE, encoding="utf-8")
    progress: list[int] = []
    window.analyses.progressed.connect(lambda job, done, total: progress.append(done))
    stopped: list[int] = []
    window.analyses.cancelled.connect(stopped.append)
    (first,) = window.open_paths([long_file])
    qtbot.waitUntil(lambda: bool(progress), timeout=TIMEOUT)
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT) as blocker:
        window.open_paths([short])
    assert stopped == [first]
    assert blocker.args[0].article.text == LINE
    assert window.library.count() == 1  # only the short one was stored


def test_progress_is_shown_in_paragraphs(window, qtbot):
    window._busy_jobs = {7}
    window._batch = {7}
    window._on_parse_progress(7, 120, 480)
    assert window.status_text.text() == "Analysing: 120 of 480 paragraphs"
    assert (window.busy.bar.value(), window.busy.bar.maximum()) == (120, 480)


def test_the_text_is_shown_before_the_analysis_arrives(nlp_window, qtbot, tmp_path, monkeypatch):
    window = nlp_window  # the real analysis, held back, follows the text
    release = threading.Event()
    real = reader.pipeline.analyse

    def held(article, *args, **kwargs):
        assert release.wait(timeout=30), "the test never released the analysis"
        return real(article, *args, **kwargs)

    monkeypatch.setattr(reader.pipeline, "analyse", held)
    path = tmp_path / "report.txt"
    path.write_text("Bridge to open in May\n" + LINE, encoding="utf-8")
    window.open_paths([path])
    qtbot.waitUntil(lambda: window.view.toPlainText().startswith("Bridge"), timeout=TIMEOUT)
    assert window.heading.isVisibleTo(window)
    assert window.heading.text() == "Bridge to open in May"
    assert window.analysis is None  # no highlights yet: the analysis is held
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT):
        release.set()
    assert window.analysis is not None and window.analysis.quotes


@pytest.mark.slow
def test_closing_during_an_analysis_stops_it_and_keeps_nothing(qtbot, tmp_path):
    data = tmp_path / "data"
    win = MainWindow(data_dir=data)
    qtbot.addWidget(win)
    win.show()
    long_file = tmp_path / "long.txt"
    long_file.write_text(LINE * 3000, encoding="utf-8")
    progress: list[int] = []
    win.analyses.progressed.connect(lambda job, done, total: progress.append(done))
    win.open_paths([long_file])
    qtbot.waitUntil(lambda: bool(progress), timeout=TIMEOUT)
    win.close()
    assert win.analyses.background.thread_.isFinished()
    with open_library(data) as library:
        assert library.count() == 0


def test_a_batch_of_dropped_files_refreshes_the_library_panels_once(window, qtbot, tmp_path):
    paths = []
    for n in range(4):
        path = tmp_path / f"report{n}.txt"
        path.write_text(f"Report {n}: {LINE}", encoding="utf-8")
        paths.append(path)
    refreshed = []
    window.library_panel.refresh = lambda: refreshed.append("library")
    window.said.refresh = lambda: refreshed.append("said")
    window.open_paths(paths)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=TIMEOUT)
    assert window.library.count() == 4
    assert refreshed == ["library", "said"]


# -- who said what, a page at a time --------------------------------------------------------


@pytest.fixture
def prolific(tmp_path):
    """A library where one actor made more statements than two pages hold."""
    library = open_library(tmp_path, version=VERSION)
    per_article = 6
    articles = (FIRST_PAGE + NEXT_PAGE) // per_article + 2
    for n in range(articles):
        builder = ArticleBuilder(title=f"Report {n:03d}", published=f"2024-01-{n % 28 + 1:02d}")
        builder.actor("a1", "Aileen MacLeod")
        for k in range(per_article):
            builder.quote(f"the harbour will reopen, part {n}.{k}", "Aileen MacLeod", "a1")
        library.add_analysis(builder.build())
    yield library, articles * per_article
    library.close()


def test_said_panel_shows_the_first_page_and_more_on_scroll(qtbot, prolific):
    library, total = prolific
    panel = SaidPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    with qtbot.waitSignal(panel.actorsListed, timeout=10_000):
        panel.set_library(library)
    assert panel.actor.count() == 1
    assert "Aileen MacLeod" in panel.actor.itemText(0)
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        panel.show_actor("Aileen MacLeod")
    assert len(panel.statements) == FIRST_PAGE
    assert panel.status.text().startswith(f"{total} statements by Aileen MacLeod in ")
    assert "part 0.0" in panel.results.toPlainText()
    bar = panel.results.verticalScrollBar()
    assert bar.maximum() > 0  # the first page overflows: nothing more asked for yet
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        bar.setValue(bar.maximum())
    assert len(panel.statements) == FIRST_PAGE + NEXT_PAGE
    assert len({(s.article_id, s.start) for s in panel.statements}) == FIRST_PAGE + NEXT_PAGE
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        bar.setValue(bar.maximum())
    assert len(panel.statements) == total
    assert panel.results.complete
    with qtbot.waitSignal(panel.statementOpened, timeout=1_000) as opened:
        panel.open_statement(total - 1)
    last = panel.statements[-1]
    assert opened.args == [last.article_id, last.start, last.end]
    panel.shutdown()


def test_the_page_of_a_replaced_actor_is_dropped(qtbot, prolific):
    library, _total = prolific
    extra = ArticleBuilder(title="Other").actor("b", "Omar Haddad")
    extra.quote("the port is closed", "Omar Haddad", "b")
    library.add_analysis(extra.build())
    panel = SaidPanel()
    qtbot.addWidget(panel)
    panel.library = library
    panel.show_actor("Aileen MacLeod")
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        panel.show_actor("Omar Haddad")  # asked before the first answer came back
    # Both answers came back in order on the reader thread: the first one was dropped.
    assert [s.text for s in panel.statements] == ["the port is closed"]
    assert "Aileen" not in panel.results.toPlainText()
    panel.shutdown()


def test_nothing_said_is_said_in_words(qtbot, prolific):
    library, _total = prolific
    panel = SaidPanel()
    qtbot.addWidget(panel)
    panel.library = library
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        panel.show_actor("Nobody Known")
    assert panel.status.text() == messages.NOTHING_SAID.format(name="Nobody Known")
    assert panel.statements == []
    panel.shutdown()
