"""The article view's highlights: legend toggles, hide all, counts, drawing in slices.

A real analysis of a short article, made once for the module; a long one is the same
analysis tiled (tests/show_long_article.py), so drawing it needs the slices.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from show_long_article import tiled

from reader.model import Analysis
from reader.opening import article_from_text
from reader.output.words import label_name, statement_kind_name
from reader.pipeline import analyse
from ui.style.colors import Theme, entity_color, palette, quote_style
from ui.widgets.article_view import AT_ONCE_CHARS, ArticleView, entity_keys
from ui.widgets.highlight_marks import Mark, marks, segments
from ui.widgets.legend import Legend, connect_legend

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TEXT = (
    "Ana Silva, the mayor of Lisbon, said on Monday that the new bridge would open in May.\n"
    "“We are proud of this bridge,” Silva told reporters from Reuters.\n"
    "The European Commission said the project was “a model for Europe”, according to a "
    "statement.\n"
    "Officials in Madrid said they would study the plans. Silva added that 300 workers had "
    "built it.\n"
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(article_from_text(TEXT, title="Bridge"))


@pytest.fixture
def view(qtbot, analysis):
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show_analysis(analysis, Theme.LIGHT)
    return widget


def _look(fmt: QTextCharFormat) -> tuple:
    """Everything a highlight changes about a character."""
    background = fmt.background()
    return (
        background.style(),
        background.color().name() if background.style() != Qt.BrushStyle.NoBrush else None,
        fmt.underlineStyle(),
        fmt.underlineColor().name() if fmt.underlineStyle() else None,
        fmt.fontWeight(),
        fmt.fontItalic(),
    )


def _looks(view: ArticleView, length: int) -> list[tuple | None]:
    """The look of each character (a line break has none: Qt reports the next line's)."""
    text = view.toPlainText()
    return [None if text[i] == "\n" else _look(view.format_at(i)) for i in range(length)]


def _inside(spans, offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


def test_the_article_has_what_the_tests_toggle(analysis):
    labels = {e.label for e in analysis.entities}
    assert {"PERSON", "ORG", "GPE"} <= labels
    assert {q.kind for q in analysis.quotes} >= {"direct", "indirect"}


def test_hiding_person_removes_exactly_its_formats_and_showing_restores_them(view, analysis):
    """Toggling a label re-draws its stretches only."""
    before = _looks(view, len(TEXT))
    person = [(e.start, e.end) for e in analysis.entities if e.label == "PERSON"]
    colour = entity_color("PERSON", Theme.LIGHT).name()
    assert all(before[start][1] == colour for start, _ in person)

    view.set_hidden_highlights(frozenset({"PERSON"}))
    hidden = _looks(view, len(TEXT))
    for offset in range(len(TEXT)):
        if _inside(person, offset):
            assert hidden[offset][1] != colour, offset
        else:
            assert hidden[offset] == before[offset], offset
    assert view.hidden_highlights() == frozenset({"PERSON"})

    view.set_hidden_highlights(frozenset())
    assert _looks(view, len(TEXT)) == before


def test_hiding_a_statement_kind_takes_its_underline_speaker_and_verb(view, analysis):
    direct = next(q for q in analysis.quotes if q.kind == "direct")
    inside = direct.start + 3
    assert view.format_at(inside).underlineStyle() == quote_style("direct").underline_style
    assert view.format_at(direct.cue_start).fontItalic()
    view.set_highlight_hidden("direct", True)
    assert view.format_at(inside).underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert not view.format_at(direct.cue_start).fontItalic()
    others = [q for q in analysis.quotes if q.kind == "indirect"]
    assert view.format_at(others[0].start + 2).underlineStyle() == (
        quote_style("indirect").underline_style
    )


def test_hide_all_leaves_plain_text_and_tooltips_quiet_then_restores(view, analysis):
    before = _looks(view, len(TEXT))
    changes = []
    view.highlightsChanged.connect(lambda: changes.append(view.highlights_shown()))
    view.set_highlights_shown(False)
    plain = _look(QTextCharFormat())
    assert {look for look in _looks(view, len(TEXT)) if look is not None} == {plain}
    assert view.tooltip_at(analysis.entities[0].start) == ""
    view.set_hidden_highlights(frozenset({"ORG"}))  # remembered while all are hidden
    view.set_highlights_shown(True)
    org = [(e.start, e.end) for e in analysis.entities if e.label == "ORG"]
    after = _looks(view, len(TEXT))
    assert [a for i, a in enumerate(after) if not _inside(org, i)] == [
        b for i, b in enumerate(before) if not _inside(org, i)
    ]
    assert changes == [False, False, True]


def test_tooltips_use_words_for_people(view, analysis):
    lisbon = next(e for e in analysis.entities if e.label == "GPE")
    tip = view.tooltip_at(lisbon.start)
    assert label_name("GPE") in tip and "GPE" not in tip
    number = next(e for e in analysis.entities if e.label == "CARDINAL")
    assert "Number" in view.tooltip_at(number.start)
    indirect = next(q for q in analysis.quotes if q.kind == "indirect")
    tip = view.tooltip_at(indirect.start + 2)
    assert "Reported speech" in tip and "indirect" not in tip


def test_counts_reach_the_legend_and_its_toggles_drive_the_view(qtbot, analysis):
    view, legend = ArticleView(), Legend()
    qtbot.addWidget(view)
    qtbot.addWidget(legend)
    connect_legend(legend, view)
    view.show_analysis(analysis, Theme.LIGHT)
    # Pronouns are mentions, not names: neither coloured nor counted.
    assert any(not e.named for e in analysis.entities)
    expected = Counter(
        e.label if e.label in palette().entities else "OTHER" for e in analysis.names
    )
    expected.update(q.kind for q in analysis.quotes)
    assert legend.counts == dict(expected)
    assert legend.chips["PERSON"].text() == f"{label_name('PERSON')}  {expected['PERSON']}"
    assert legend.chips["ORG"].text().endswith(f"  {expected['ORG']}")
    assert legend.chips["EVENT"].text().endswith("  0")
    kinds = statement_kind_name("indirect")
    assert legend.chips["indirect"].text() == f"{kinds}  {expected['indirect']}"

    legend.chips["PERSON"].click()  # hide
    assert view.hidden_highlights() == frozenset({"PERSON"})
    person = next(e for e in analysis.entities if e.label == "PERSON")
    assert view.format_at(person.start).background().color() != entity_color("PERSON", Theme.LIGHT)
    legend.hide_all.click()
    assert not view.highlights_shown()
    assert not legend.chips["ORG"].isEnabled()
    legend.hide_all.click()
    legend.chips["PERSON"].click()  # show again
    assert view.hidden_highlights() == frozenset() and view.highlights_shown()

    # The view's state set elsewhere (remembered settings) shows in the legend.
    view.set_hidden_highlights(frozenset({"DATE", "mixed"}))
    assert legend.hidden() == frozenset({"DATE", "mixed"})
    assert legend.chips["DATE"].font().strikeOut()


def test_segments_cut_overlapping_marks():
    found = [Mark(0, 10, "quote", 0, "direct"), Mark(4, 7, "entity", 0, "PERSON")]
    cut = segments(found)
    assert [(s.start, s.end, {m.role for m in s.marks}) for s in cut] == [
        (0, 4, {"quote"}),
        (4, 7, {"quote", "entity"}),
        (7, 10, {"quote"}),
    ]


def test_segments_are_exactly_the_marks_covering_them(analysis):
    found = marks(analysis, entity_keys())
    cut = segments(found)
    covered = {i for m in found for i in range(m.start, m.end)}
    assert {i for s in cut for i in range(s.start, s.end)} == covered
    for segment in cut:
        for offset in (segment.start, segment.end - 1):
            assert set(segment.marks) == {m for m in found if m.start <= offset < m.end}


@pytest.fixture(scope="module")
def long_analysis(analysis) -> Analysis:
    words = 2 * AT_ONCE_CHARS // 5  # well past what is drawn at once
    return tiled(analysis, words)


@pytest.mark.slow
def test_a_long_article_shows_its_text_at_once_and_its_highlights_in_slices(
    qtbot, analysis, long_analysis
):
    """Drawing a long analysis must not block the event loop."""
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_analysis(long_analysis, Theme.LIGHT)
    assert view.toPlainText() == long_analysis.article.text
    assert view.drawing()
    with qtbot.waitSignal(view.highlightsDrawn, timeout=30_000):
        pass
    assert not view.drawing()
    # Every copy of the article is drawn as the short one is.
    small = ArticleView()
    qtbot.addWidget(small)
    small.show_analysis(analysis, Theme.LIGHT)
    step = len(analysis.article.text) + 2
    last = (len(long_analysis.article.text) // step - 1) * step
    for offset in range(len(TEXT)):
        assert _look(view.format_at(last + offset)) == _look(small.format_at(offset)), offset


def test_a_new_article_mid_drawing_gets_none_of_the_old_formats(qtbot, analysis, long_analysis):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_analysis(long_analysis, Theme.LIGHT)
    assert view.drawing()
    other = analyse(article_from_text("Nothing to see here, only words.\n" * 40))
    view.show_analysis(other, Theme.LIGHT)
    qtbot.waitUntil(lambda: not view.drawing(), timeout=10_000)
    qtbot.wait(50)  # a dropped slice would have run by now
    plain = _look(QTextCharFormat())
    marked = {i for e in other.entities for i in range(e.start, e.end)}
    assert all(
        _look(view.format_at(i)) == plain for i in range(len(other.article.text)) if i not in marked
    )


@pytest.mark.slow
def test_toggling_during_drawing_ends_in_the_new_state(qtbot, long_analysis):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_analysis(long_analysis, Theme.LIGHT)
    view.set_hidden_highlights(frozenset({"PERSON"}))
    view.finish_drawing()
    colour = entity_color("PERSON", Theme.LIGHT)
    people = [e for e in long_analysis.entities if e.label == "PERSON"]
    assert people and all(view.format_at(e.start).background().color() != colour for e in people)
    org = next(e for e in reversed(long_analysis.entities) if e.label == "ORG")
    assert view.format_at(org.start).background().color() == entity_color("ORG", Theme.LIGHT)


def test_the_same_text_again_is_drawn_afresh_from_its_new_analysis(qtbot, analysis):
    """The text shown before its analysis needs no clearing; a second analysis of the same
    text (a correction) takes the first one's highlights off."""
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.show_analysis(Analysis(article=analysis.article), Theme.LIGHT)  # text first
    plain = _look(widget.format_at(TEXT.index("Lisbon")))
    widget.show_analysis(analysis, Theme.LIGHT)
    widget.finish_drawing()
    assert _look(widget.format_at(TEXT.index("Lisbon"))) != plain
    without = Analysis(article=analysis.article, version=analysis.version)
    widget.show_analysis(without, Theme.LIGHT)
    widget.finish_drawing()
    assert _look(widget.format_at(TEXT.index("Lisbon"))) == plain


def test_a_legend_chip_with_nothing_in_the_article_is_drawn_faint(qtbot, view):
    legend = Legend()
    qtbot.addWidget(legend)
    connect_legend(legend, view)
    legend.set_counts(Counter({"PERSON": 3}))
    assert "rgba(" in legend.chips["DATE"].styleSheet()  # none in the article: faint
    assert "rgba(" not in legend.chips["PERSON"].styleSheet()
