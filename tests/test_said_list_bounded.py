"""A statement in "who said what" is shown on one line and cut: a statement
may be as long as its article, and the list must not lay out two million characters."""

from __future__ import annotations

from reader.library import StoredStatement
from ui.style.colors import Theme
from ui.style.safe_text import ELLIPSIS, TOOLTIP_LIMIT
from ui.widgets.said_list import statement_html


def _statement(text: str) -> StoredStatement:
    return StoredStatement(
        id=1,
        article_id=1,
        title="Bridge",
        text=text,
        kind="direct",
        speaker="Maria Lopez",
        cue="said",
        actor_id=1,
        actor="Maria Lopez",
        start=0,
        end=len(text),
        date="2024-05-01",
        published=None,
        added="2024-05-01T10:00:00Z",
    )


def test_a_statement_of_a_million_characters_is_cut_in_the_list():
    words = "the bridge will open in May and " * 31_250  # 1,000,000 characters
    html = statement_html(0, _statement(words), "Bridge", Theme.LIGHT)
    assert len(html) < TOOLTIP_LIMIT + 1_000
    assert f"{ELLIPSIS}</p>" in html


def test_a_short_statement_is_shown_whole_on_one_line():
    html = statement_html(0, _statement("The bridge\nwill open\tin May."), "Bridge", Theme.LIGHT)
    assert "The bridge will open in May.</p>" in html
