"""When they spoke: the dates of an actor's articles, read off the GUI thread, on a
strip where earlier is left of later, clicks open the article, tooltips are plain text, and
thousands of statements paint a bounded number of dots."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from test_library_builder import VERSION, ArticleBuilder

from reader.library import open_library
from reader.library.said_dates import parse_day, said_articles
from ui.main_window import MainWindow
from ui.widgets.said_panel import SaidPanel
from ui.widgets.said_timeline import (
    BUCKET_PX,
    DOT_Y,
    SaidTimeline,
    TimelineArticle,
    ticks,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

NAME = "Aileen MacLeod"
#: (published, statements) of each article, in the order they are added.
ARTICLES = (("2024-03-05", 2), ("2021-07-01T09:00:00Z", 1), (None, 3), ("2023-11-20", 1))


@pytest.fixture
def library(tmp_path):
    library = open_library(tmp_path, version=VERSION)
    for n, (published, said) in enumerate(ARTICLES):
        builder = ArticleBuilder(title=f"Harbour report {n}", published=published)
        builder.actor("a1", NAME).actor("b", "Omar Haddad")
        builder.quote("the port is closed", "Omar Haddad", "b")
        for k in range(said):
            builder.quote(f"the harbour reopens, part {n}.{k}", NAME, "a1")
        library.add_analysis(builder.build())
    yield library
    library.close()


def test_one_row_per_article_with_its_dates_count_and_first_statement(library):
    rows = said_articles(library, NAME)
    assert [r.title for r in rows] == [
        "Harbour report 1",
        "Harbour report 3",
        "Harbour report 0",
        "Harbour report 2",  # no published date: the day it was added, today
    ]
    assert [r.statements for r in rows] == [1, 1, 2, 3]
    first = rows[2]
    assert first.first == "the harbour reopens, part 0.0"
    text = library.analysis(first.article_id).article.text
    assert text[first.start : first.end] == first.first
    assert rows[0].day == datetime.date(2021, 7, 1) and rows[0].dated_by_publication
    assert not rows[3].dated_by_publication
    assert rows[3].day == parse_day(rows[3].added)
    assert said_articles(library, "Nobody Known") == []


@pytest.mark.parametrize(
    "value, day",
    [
        ("2024-03-05", datetime.date(2024, 3, 5)),
        ("2024-03-05T10:00:00+02:00", datetime.date(2024, 3, 5)),
        ("2024-03", datetime.date(2024, 3, 1)),
        ("1999", datetime.date(1999, 1, 1)),
        ("March 5, 2024", None),
        ("2024-13-40", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_read_as_days(value, day):
    assert parse_day(value) == day


def test_ticks_are_years_months_or_days_by_span():
    years = ticks(datetime.date(2015, 6, 1), datetime.date(2024, 2, 1), 600)
    assert [label for _, label in years] == [str(y) for y in range(2016, 2025)]
    months = ticks(datetime.date(2024, 1, 15), datetime.date(2024, 6, 20), 600)
    assert [label for _, label in months] == ["Feb 2024", "Mar", "Apr", "May", "Jun"]
    new_year = ticks(datetime.date(2023, 11, 2), datetime.date(2024, 2, 2), 600)
    assert [label for _, label in new_year] == ["Dec 2023", "Jan 2024", "Feb"]
    days = ticks(datetime.date(2024, 3, 1), datetime.date(2024, 3, 8), 600)
    assert days[0] == (datetime.date(2024, 3, 1), "1 Mar") and len(days) == 8
    # Narrow: fewer, further apart.
    assert len(ticks(datetime.date(2000, 1, 1), datetime.date(2024, 1, 1), 120)) <= 3


def _article(n: int, day: datetime.date | None, said: int = 1, title: str = "") -> TimelineArticle:
    return TimelineArticle(n, title or f"Report {n}", day, said, f"statement {n}")


def _strip(qtbot, articles, width: int = 600) -> SaidTimeline:
    strip = SaidTimeline()
    qtbot.addWidget(strip)
    strip.resize(width, strip.height())
    strip.set_articles(articles)
    strip.show()
    return strip


def test_earlier_dates_are_left_of_later_ones_and_a_click_opens_the_article(qtbot):
    days = [datetime.date(2024, 3, 5), datetime.date(2021, 7, 1), datetime.date(2023, 1, 9)]
    strip = _strip(qtbot, [_article(n, day) for n, day in enumerate(days)])
    xs = {d.articles[0].article_id: d.x for d in strip.dots}
    assert xs[1] < xs[2] < xs[0]
    for article_id in (1, 0):
        centre = strip.dot_center(strip.dot_of(article_id))
        with qtbot.waitSignal(strip.articleChosen, timeout=1_000) as chosen:
            qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=centre)
        assert chosen.args == [article_id]
    # Keyboard: Home, Right, Enter opens the second article by date.
    qtbot.keyClick(strip, Qt.Key.Key_Home)
    qtbot.keyClick(strip, Qt.Key.Key_Right)
    with qtbot.waitSignal(strip.articleChosen, timeout=1_000) as chosen:
        qtbot.keyClick(strip, Qt.Key.Key_Return)
    assert chosen.args == [2]


def test_one_date_sits_in_the_middle_and_no_dates_says_so(qtbot):
    strip = _strip(qtbot, [_article(7, datetime.date(2024, 3, 5), said=4)])
    assert len(strip.dots) == 1
    assert abs(strip.dots[0].x - strip.width() / 2) <= 1
    assert strip.dots[0].statements == 4
    empty = _strip(qtbot, [_article(8, None)])
    assert empty.dots == [] and empty.undated == 1
    assert empty.tooltip_at(QPoint(300, DOT_Y)) == ""
    empty.grab()  # paints "no dates" without failing


def test_thousands_of_statements_share_a_bounded_number_of_dots(qtbot):
    start = datetime.date(2010, 1, 1)
    articles = [_article(n, start + datetime.timedelta(days=n % 5000), 3) for n in range(6000)]
    strip = _strip(qtbot, articles, width=600)
    assert len(strip.dots) <= 600 // BUCKET_PX + 1
    assert sum(d.statements for d in strip.dots) == 18_000
    assert sum(len(d.articles) for d in strip.dots) == 6000
    xs = [d.x for d in strip.dots]
    assert xs == sorted(xs)
    strip.grab()
    # A shared dot's tooltip counts what it holds and offers a menu of its articles.
    tip = strip.tooltip_text(0)
    assert tip.startswith(f"{len(strip.dots[0].articles)} articles, ")
    menu = strip.menu_for(0)
    assert [a.data() for a in menu.actions()][:2] == [
        a.article_id for a in strip.dots[0].articles[:2]
    ]


def test_tooltips_are_plain_text(qtbot):
    hostile = '<img src="x"><b>Bold & co</b>'
    article = TimelineArticle(3, hostile, datetime.date(2024, 3, 5), 2, f"said {hostile}")
    strip = _strip(qtbot, [article])
    tip = strip.tooltip_at(strip.dot_center(0))
    assert tip.startswith("<qt>") and "<img" not in tip and "<b>" not in tip
    assert "&lt;img src=&quot;x&quot;&gt;&lt;b&gt;Bold &amp; co&lt;/b&gt;" in tip
    assert "2024-03-05 · 2 statements" in tip
    menu_strip = _strip(
        qtbot,
        [
            _article(1, datetime.date(2024, 3, 5), title="A & B"),
            _article(2, datetime.date(2024, 3, 5)),
        ],
    )
    labels = [a.text() for a in menu_strip.menu_for(0).actions()]
    assert labels[0] == "2024-03-05  A && B (1 statement)"  # "&&" shows one "&"


def test_the_panel_draws_the_timeline_off_the_gui_thread_and_a_dot_opens_the_article(
    qtbot, library
):
    panel = SaidPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    panel.library = library
    panel.show_actor(NAME)
    qtbot.waitUntil(lambda: len(panel.timeline.articles) == len(ARTICLES), timeout=10_000)
    assert panel.timeline.isVisible()
    titles = [a.title for a in panel.timeline.articles]
    assert titles[0] == "Harbour report 1" and titles[-1] == "Harbour report 2"
    wanted = next(a for a in panel.timeline.articles if a.title == "Harbour report 0")
    centre = panel.timeline.dot_center(panel.timeline.dot_of(wanted.article_id))
    with qtbot.waitSignal(panel.statementOpened, timeout=1_000) as opened:
        qtbot.mouseClick(panel.timeline, Qt.MouseButton.LeftButton, pos=centre)
    text = library.analysis(wanted.article_id).article.text
    article_id, start, end = opened.args
    assert article_id == wanted.article_id
    assert text[start:end] == "the harbour reopens, part 0.0"
    # Someone who said nothing: no strip.
    panel.show_actor("Nobody Known")
    qtbot.waitUntil(lambda: panel.tasks.busy("dates") is False, timeout=10_000)
    assert not panel.timeline.isVisible()
    panel.shutdown()


def test_a_dot_in_the_window_opens_that_article(qtbot, tmp_path):
    data = tmp_path / "data"
    library = open_library(data)
    for n, published in enumerate(("2022-05-01", "2024-01-10")):
        builder = ArticleBuilder(title=f"Dispatch {n}", published=published)
        builder.actor("a1", NAME)
        builder.quote(f"we sail at dawn, day {n}", NAME, "a1")
        library.add_analysis(builder.build(version=library.version))
    library.close()
    window = MainWindow(data_dir=data)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_said(NAME)
        timeline = window.said.timeline
        qtbot.waitUntil(lambda: len(timeline.articles) == 2, timeout=10_000)
        later = timeline.articles[1]
        assert later.title == "Dispatch 1"
        centre = timeline.dot_center(timeline.dot_of(later.article_id))
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=centre)
        assert window.article_id == later.article_id
        assert window.view.selected_span() is not None
        start, end = window.view.selected_span()
        assert window.analysis.article.text[start:end] == "we sail at dawn, day 1"
    finally:
        window.shutdown()


def test_every_dot_sits_at_the_mean_place_of_its_articles_in_day_order(qtbot):
    """The one-pass layout places each article where ``x_of`` does, groups neighbours closer
    than ``BUCKET_PX`` and counts each dot's statements once."""
    strip = SaidTimeline()
    qtbot.addWidget(strip)
    strip.resize(400, 60)
    start = datetime.date(2020, 1, 1)
    articles = [
        TimelineArticle(
            n, f"Report {n}", start + datetime.timedelta(days=(n * 37) % 900), n % 4 + 1, ""
        )
        for n in range(500)
    ]
    strip.set_articles(articles)
    placed = [a for dot in strip.dots for a in dot.articles]
    assert [a.day for a in placed] == sorted(a.day for a in articles)
    for dot in strip.dots:
        xs = [strip.x_of(a.day) for a in dot.articles]
        assert dot.x == pytest.approx(sum(xs) / len(xs))
        assert max(xs) - min(xs) < BUCKET_PX
        assert dot.statements == sum(a.statements for a in dot.articles)
    for before, after in zip(strip.dots, strip.dots[1:], strict=False):
        assert strip.x_of(after.articles[0].day) - strip.x_of(before.articles[0].day) >= BUCKET_PX


def test_an_actor_chosen_from_the_box_is_listed_by_name_not_by_label(qtbot):
    panel = SaidPanel()
    qtbot.addWidget(panel)
    try:
        _choose_from(panel)
    finally:
        panel.shutdown()  # its reader thread stops before the panel goes


def _choose_from(panel: SaidPanel) -> None:
    panel._fill_actors(
        (
            ("Aileen MacLeod (Person, 7 statements)", NAME),
            ("Port Authority (Organisation, 2 statements)", "Port Authority"),
        )
    )
    assert panel.actor.count() == 2
    panel.actor.setCurrentIndex(1)
    assert panel._chosen_name() == "Port Authority"
    panel.actor.setEditText("  Omar Haddad ")  # typed, not chosen
    assert panel._chosen_name() == "Omar Haddad"
