"""The statement tooltip says in words which rule found the statement."""

from __future__ import annotations

import pytest

from reader.model import Analysis, Quote
from reader.opening import article_from_text
from ui.widgets.article_view import ArticleView

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _analysis(rule: str | None) -> Analysis:
    text = "The mayor said that the bridge would reopen in May."
    content = text.index("that")
    quote = Quote(
        start=content,
        end=len(text) - 1,
        text=text[content:-1],
        spans=((content, len(text) - 1),),
        kind="indirect",
        speaker="The mayor",
        speaker_start=0,
        speaker_end=9,
        cue="said",
        cue_start=10,
        cue_end=14,
        rule=rule,
    )
    return Analysis(article_from_text(text), quotes=(quote,))


def test_tooltip_explains_the_rule_with_the_cue(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    analysis = _analysis("verb_that_clause")
    view.show_analysis(analysis)
    tip = view.format_at(analysis.quotes[0].start + 2).toolTip()
    assert "Found by reported speech: &#x27;said&#x27; with a that-clause" in tip


def test_statements_stored_without_a_rule_get_no_rule_line(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    analysis = _analysis(None)
    view.show_analysis(analysis)
    tip = view.format_at(analysis.quotes[0].start + 2).toolTip()
    assert "Found by" not in tip
