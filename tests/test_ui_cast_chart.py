"""The cast at a glance and the Cast rows: bars in order, clicks choose the actor,
whole statements in the rows, quotation marks only where the article has them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyleOptionViewItem
from test_library_builder import ArticleBuilder

from reader.model import Actor, Analysis, Quote
from reader.opening import article_from_text
from ui.main_window import MainWindow
from ui.style.colors import Theme
from ui.widgets.actors_panel import QUOTE_ROLE, ActorsPanel, article_marks, elided_lines
from ui.widgets.cast_chart import MAX_BARS, CastChart, cast_bars

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _crowd(n: int = 15) -> Analysis:
    """``n`` actors: actor k said k % 4 things and is named 2 k times, each said once."""
    builder = ArticleBuilder(title="A crowded hearing")
    for k in range(n):
        builder.actor(f"a{k}", f"Witness {k:02d}")
    for k in range(n):
        builder.mention(f"Witness {k:02d}", f"a{k}")
        builder.text(" was there. ")
        for j in range(k % 4):
            builder.quote(f"point {k}.{j}", f"Witness {k:02d}", f"a{k}")
    analysis = builder.build()
    # Mentions as the builder counted them, doubled for k so no two actors tie.
    actors = tuple(
        Actor(a.id, a.name, a.kind, a.aliases, 2 * int(a.id[1:]) + 1, a.quotes)
        for a in analysis.actors
    )
    return Analysis(analysis.article, analysis.entities, analysis.quotes, actors, analysis.version)


def _expected_order(analysis: Analysis) -> list[str]:
    return [
        a.id for a in sorted(analysis.actors, key=lambda a: (-len(a.quotes), -a.mentions, a.name))
    ]


def test_the_chart_has_at_most_twelve_bars_most_statements_then_mentions_first(qtbot):
    analysis = _crowd(15)
    chart = CastChart()
    qtbot.addWidget(chart)
    chart.resize(420, chart.sizeHint().height())
    chart.set_actors(analysis.actors, Theme.LIGHT)
    ids = [bar.actor_id for bar in chart.bars]
    assert len(ids) == MAX_BARS == 12
    assert ids == _expected_order(analysis)[:12]
    # Witness 11 said 3 things and is named 23 times: the first bar.
    assert ids[0] == "a11"
    assert chart.bars[0].words == "Witness 11: 3 statements, 23 mentions"
    # Rows go down the chart in that order; the bars grow with statements and mentions.
    tops = [chart.bar_rect(n).top() for n in range(len(ids))]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    assert chart.bar_rect(0).width() > chart.bar_rect(11).width()


def test_actors_never_named_get_no_bar_and_ties_go_by_name():
    analysis = _crowd(3)
    quiet = Actor("q", "Nobody", "person", (), 0, ())
    twin = Actor("t", "Aaron", "person", (), 1, ())
    bars = cast_bars((*analysis.actors, quiet, twin))
    assert "q" not in [b.actor_id for b in bars]
    assert [b.actor_id for b in bars][-2:] == ["t", "a0"]  # both: 0 statements, 1 mention


def test_clicking_the_nth_bar_emits_that_actor_and_its_tooltip_is_plain_text(qtbot):
    analysis = _crowd(6)
    chart = CastChart()
    qtbot.addWidget(chart)
    chart.resize(420, 240)
    chart.set_actors(analysis.actors, Theme.DARK)
    chart.show()
    for n in (0, 3, len(chart.bars) - 1):
        with qtbot.waitSignal(chart.actorChosen, timeout=1_000) as chosen:
            qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(n).center())
        assert chosen.args == [chart.bars[n].actor_id]
        assert chart.chosen == chart.bars[n].actor_id
    tip = chart.tooltip_at(chart.bar_rect(0).center())
    assert tip == "<qt>Witness 03: 3 statements, 7 mentions<br>Person</qt>"
    assert chart.tooltip_at(QPoint(2, 2)) == ""  # the key is not a bar


def test_a_name_with_markup_stays_text_in_the_tooltip(qtbot):
    chart = CastChart()
    qtbot.addWidget(chart)
    chart.resize(420, 100)
    chart.set_actors((Actor("x", "<b>Bold</b> & <img src=x>", "person", (), 2, (0,)),))
    tip = chart.tooltip_at(chart.bar_rect(0).center())
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;img src=x&gt;: 1 statement, 2 mentions" in tip
    assert "<b>" not in tip and "<img" not in tip


def test_arrow_keys_move_between_bars_and_enter_chooses(qtbot):
    analysis = _crowd(5)
    chart = CastChart()
    qtbot.addWidget(chart)
    chart.set_actors(analysis.actors)
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert chart.accessibleName() == "Cast at a glance"
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    assert chart.current == 1
    assert chart.accessibleDescription() == chart.bars[1].words
    with qtbot.waitSignal(chart.actorChosen, timeout=1_000) as chosen:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert chosen.args == [chart.bars[1].actor_id]
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.current == len(chart.bars) - 1


def test_a_click_on_a_bar_selects_and_marks_the_actor_in_the_window(qtbot, tmp_path):
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    try:
        analysis = _crowd(8)
        window.show_analysis(analysis)
        chart = window.actors.chart
        assert chart.isVisible()
        n = 2
        wanted = chart.bars[n].actor_id
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(n).center())
        assert window.view.marked_actor() == wanted
        mentions = [(e.start, e.end) for e in analysis.entities if e.actor == wanted]
        assert set(mentions) <= {(s, e) for s, e, _ in window.view.actor_marks()}
        current = window.actors.tree.currentItem()
        assert current is window.actors.actor_item(wanted)
        assert window.actors.said_button.isEnabled()
        assert chart.bars[n].name in window.actors.said_button.text()
        # A click on the actor's name in the text marks its bar in the chart too.
        other = chart.bars[0].actor_id
        window._select_actor(other)
        assert chart.chosen == other
    finally:
        window.shutdown()


def _quoted(text: str, start: int, end: int, kind: str = "direct") -> Analysis:
    quote = Quote(start, end, text[start:end], ((start, end),), kind, "Ana Silva", actor="ana")
    actors = (Actor("ana", "Ana Silva", "person", ("Ana Silva",), 1, (0,)),)
    return Analysis(article_from_text(text), (), (quote,), actors)


LONG = (
    "the bridge will open in May, the tolls will be lifted for everyone who lives on the "
    "island, the ferry will keep running twice a day through the summer, and the old "
    "customs house will become a library with a reading room over the harbour"
)


def test_a_cast_row_keeps_the_whole_statement_and_its_article_marks(qtbot):
    text = f"Ana Silva said: “{LONG}.” Then she left.\n"
    start = text.index("“") + 1
    analysis = _quoted(text, start, start + len(LONG))
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 500)
    panel.show_analysis(analysis, Theme.LIGHT)
    item = panel.statement_item(0)
    assert item is not None
    assert len(LONG) > 160
    assert item.text(0) == f"“{LONG}”"  # whole, in the article's own marks
    assert LONG in item.toolTip(0)
    assert "…" not in item.text(0)
    assert item.data(0, QUOTE_ROLE) == 0


@pytest.mark.parametrize(
    "text, kind, marks",
    [
        ("Ana Silva said that the bridge opens in May.\n", "indirect", None),
        ("Ana Silva said the bridge opens in May, as planned.\n", "mixed", None),
        ('"The bridge opens in May," Ana Silva said.\n', "direct", ('"', '"')),
        ("«The bridge opens in May», Ana Silva said.\n", "direct", ("«", "»")),
        ("Ana Silva: “The bridge opens in May.”\n", "direct", ("“", "”")),
    ],
)
def test_quotation_marks_only_where_the_article_has_them(text, kind, marks):
    words = "he bridge opens in May"
    start = text.index(words) - 1
    analysis = _quoted(text, start, start + len(words) + 1, kind)
    assert article_marks(analysis.quotes[0], text) == marks


def test_a_statement_quoted_in_its_own_text_gets_no_second_marks(qtbot):
    text = 'Ana Silva said, "we will open the bridge in May."\n'
    start = text.index('"')
    analysis = _quoted(text, start, len(text) - 1)
    assert analysis.quotes[0].text.startswith('"')
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.show_analysis(analysis)
    assert panel.statement_item(0).text(0) == '"we will open the bridge in May."'


def test_reported_speech_is_shown_without_invented_marks(qtbot):
    text = f"Ana Silva said that {LONG}.\n"
    start = text.index("the bridge")
    analysis = _quoted(text, start, start + len(LONG), "indirect")
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.show_analysis(analysis)
    shown = panel.statement_item(0).text(0)
    assert shown == LONG
    assert not any(mark in shown for mark in '“”"«»')


def test_long_statements_are_elided_to_the_width_not_cut_short():
    font = QFont()
    lines = elided_lines(LONG, font, 200, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert " ".join(lines[:2]) in LONG
    wide = elided_lines(LONG, font, 20_000, max_lines=3)
    assert wide == [LONG]


def test_a_row_is_wrapped_once_for_its_width_however_often_it_is_laid_out(qtbot, monkeypatch):
    import ui.widgets.actors_panel as actors_panel

    text = f"Ana Silva said: “{LONG}.” Then she left.\n"
    start = text.index("“") + 1
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 500)
    panel.show()
    wrapped: list[int] = []
    real = actors_panel.elided_lines

    def counted(text: str, font: QFont, width: int, max_lines: int = 3) -> list[str]:
        wrapped.append(width)
        return real(text, font, width, max_lines)

    monkeypatch.setattr(actors_panel, "elided_lines", counted)
    panel.show_analysis(_quoted(text, start, start + len(LONG)), Theme.LIGHT)
    tree = panel.tree
    index = tree.indexFromItem(panel.statement_item(0))
    delegate = tree.itemDelegateForColumn(0)
    option = QStyleOptionViewItem()
    option.font = tree.font()
    first = delegate.sizeHint(option, index)
    wrapped.clear()
    for _ in range(3):
        assert delegate.sizeHint(option, index) == first
    assert wrapped == []  # the same width: wrapped before
    width = tree.header().sectionSize(0)
    panel.resize(300, 500)  # a new width: wrapped again, once, however often it is asked
    qtbot.waitUntil(lambda: tree.header().sectionSize(0) < width)
    for _ in range(3):
        narrower = delegate.sizeHint(option, index)
    new_width = delegate._text_width(index)
    assert wrapped.count(new_width) == 1, wrapped
    assert narrower.height() >= first.height()


def test_a_long_articles_cast_comes_a_moment_after_its_text_and_never_late(
    window, qtbot, sample_analysis
):
    from show_long_article import tiled

    import ui.main_window as main_window

    long = tiled(sample_analysis, 30_000)
    assert len(long.quotes) > main_window.CAST_AT_ONCE >= len(sample_analysis.quotes)
    window.show_analysis(long)
    assert window.actors.analysis is not long  # not in the same turn as the text
    qtbot.waitUntil(lambda: window.actors.analysis is long, timeout=2000)
    window.show_analysis(sample_analysis)  # a short one: its Cast at once
    assert window.actors.analysis is sample_analysis
    window.show_analysis(long)
    window.show_analysis(sample_analysis)  # shown before the long one's Cast was made
    qtbot.wait(3 * main_window.CAST_DELAY_MS)
    assert window.actors.analysis is sample_analysis
