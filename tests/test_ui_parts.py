"""The pieces of the interface on hand-built analyses: colours, offsets, the view, the legend."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reader.library import MARK_END, MARK_START
from reader.model import Actor, Analysis, Article, Entity, Quote
from reader.opening import article_from_text
from reader.output.words import label_name, statement_kind_name
from ui.style.colors import OTHER, Theme, entity_color, entity_style, palette, quote_style
from ui.widgets.actors_panel import ActorsPanel
from ui.widgets.article_view import ArticleView
from ui.widgets.legend import Legend
from ui.widgets.library_panel import snippet_html
from ui.widgets.offsets import OffsetMap

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _analysis(text: str) -> Analysis:
    article: Article = article_from_text(text)
    name = "Ana Silva"
    start = text.index(name)
    said = text.index("said")
    q_start = text.index("“") + 1
    q_end = text.index("”")
    quote = Quote(
        start=q_start,
        end=q_end,
        text=text[q_start:q_end],
        spans=((q_start, q_end),),
        kind="direct",
        speaker=name,
        speaker_start=start,
        speaker_end=start + len(name),
        cue="said",
        cue_start=said,
        cue_end=said + 4,
        actor="ana-silva",
    )
    return Analysis(
        article=article,
        entities=(Entity(start, start + len(name), name, "PERSON", "ana-silva"),),
        quotes=(quote,),
        actors=(Actor("ana-silva", name, "person", (name,), 1, (0,)),),
    )


@pytest.mark.parametrize("theme", list(Theme))
def test_main_labels_have_distinct_colours_in_each_theme(theme):
    labels = ["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "DATE", OTHER]
    colors = {entity_color(label, theme).name() for label in labels}
    assert len(colors) == len(labels)
    kinds = {quote_style(k).color(theme).name() for k in ("direct", "mixed", "indirect")}
    assert len(kinds) == 3


def test_rare_labels_are_grouped_with_other():
    assert entity_style("CARDINAL") is entity_style(OTHER)
    assert "CARDINAL" in palette().grouped_as_other
    assert entity_style("MADE_UP").label == OTHER


def test_quote_kinds_differ_by_underline_style_not_only_colour():
    styles = {quote_style(k).underline_style for k in ("direct", "mixed", "indirect")}
    assert len(styles) == 3


def test_offsets_count_wide_characters_twice():
    text = "a😀b😀c"
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        position = len(text[:i].encode("utf-16-le")) // 2
        assert offsets.to_qt(i) == position
        assert offsets.from_qt(position) == i


def test_view_highlights_after_an_emoji_at_the_right_place(qtbot):
    analysis = _analysis("🎉 Good news 🎉 Ana Silva said “the bridge opens in May” today.\n")
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_analysis(analysis, Theme.LIGHT)
    entity = analysis.entities[0]
    assert view.format_at(entity.start).background().color() == entity_color("PERSON", Theme.LIGHT)
    assert view.format_at(entity.start - 2).background().color() != entity_color(
        "PERSON", Theme.LIGHT
    )
    quote = analysis.quotes[0]
    fmt = view.format_at(quote.start + 1)
    assert fmt.underlineStyle() == quote_style("direct").underline_style
    assert "Direct quote" in fmt.toolTip() and "Ana Silva" in fmt.toolTip()
    assert view.format_at(quote.cue_start).fontItalic()
    view.show_quote(0)
    assert view.selected_span() == (quote.start, quote.end)


def test_a_new_article_does_not_inherit_the_old_cursor_format(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_analysis(_analysis("Ana Silva said “yes”.\n"), Theme.LIGHT)
    view.show_span(0, 3)  # the cursor now sits on a person's name
    second = _analysis("Today Ana Silva said “no”.\n")
    view.show_analysis(second, Theme.LIGHT)
    assert view.format_at(1).background().style() == Qt.BrushStyle.NoBrush
    assert view.format_at(second.entities[0].start).background().color() == entity_color(
        "PERSON", Theme.LIGHT
    )


def test_dark_theme_uses_the_dark_colours(qtbot):
    analysis = _analysis("Ana Silva said “yes”.\n")
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_analysis(analysis, Theme.DARK)
    assert view.format_at(0).background().color() == entity_color("PERSON", Theme.DARK)
    assert view.format_at(0).foreground().color() == QColor("#ffffff")


def test_cast_panel_shows_an_actor_with_their_statement(qtbot):
    analysis = _analysis("Ana Silva said “the bridge opens in May”.\n")
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.statementChosen) as blocker:
        panel.show_analysis(analysis, Theme.LIGHT)
        top = panel.tree.topLevelItem(0)
        assert top.text(0).startswith("Ana Silva")
        assert top.text(1) == "Person"  # a kind in words, as statements are
        assert top.child(0).text(1) == "Direct quote"
        panel.tree.itemClicked.emit(top.child(0), 0)
    assert blocker.args == [0]


def test_legend_names_every_colour(qtbot):
    legend = Legend()
    qtbot.addWidget(legend)
    text = legend.toPlainText()
    # Words for people (reader/output/words.py), not tags.
    for label in palette().entities:
        assert label_name(label) in text, label
    for kind in palette().quotes:
        assert statement_kind_name(kind) in text
    assert "GPE" not in text and "NORP" not in text and "indirect" not in text


def test_snippets_are_escaped_and_matches_bold():
    marked = f"a <b> [sic] {MARK_START}Kremlin{MARK_END} & co"
    assert snippet_html(marked) == "a &lt;b&gt; [sic] <b>Kremlin</b> &amp; co"


def test_counts_agree_with_their_nouns():
    from reader.output.words import plural

    assert plural(1, "article") == "1 article"
    assert plural(3, "article") == "3 articles"
    assert plural(1, "article matches", "articles match") == "1 article matches"
    assert plural(0, "article matches", "articles match") == "0 articles match"
