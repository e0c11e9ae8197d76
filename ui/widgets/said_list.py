"""The statements of "who said what", listed page by page.

An actor may have said thousands of things across the library: building one HTML string
for all of them froze the window for 0.6 s. ``SaidList`` shows a page at once and asks for
the next (``moreWanted``) when the reader scrolls near the bottom, or while the list does
not fill its window; each page is appended as a few dozen escaped paragraphs. The pages
themselves are read off the GUI thread (``ui.widgets.said_panel``, ``ui.tasks``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent, QTextCursor
from PySide6.QtWidgets import QWidget

from reader.model import CHECK_THRESHOLD
from reader.output.words import check_this, statement_kind_name
from reader.positions.stance import stance_words
from ui.style.colors import Theme, current_theme, quote_style
from ui.style.safe_text import TOOLTIP_LIMIT, SafeTextBrowser, escaped, one_line
from ui.style.text_formats import CHECK_COLOURS, STANCE_COLOURS

if TYPE_CHECKING:
    from reader.library import StoredStatement

#: Ask for the next page when the scroll bar is this close to its end (pixels).
NEAR_END_PX = 120


def statement_html(
    n: int,
    statement: StoredStatement,
    title: str,
    theme: Theme,
    check_below: float = CHECK_THRESHOLD,
    stance: bool = False,
) -> str:
    """One statement as a paragraph: its article (a link), date, kind and words, escaped;
    the words on one line and cut like a statement's tooltip (a statement may be a whole
    article)."""
    style = quote_style(statement.kind)
    kind = (
        f'<span style="background:{style.background(theme).name()};'
        f'color:{style.color(theme).name()}">&nbsp;'
        f"{escaped(statement_kind_name(statement.kind))}&nbsp;</span>"
    )
    shown = one_line(statement.text, TOOLTIP_LIMIT)
    text = stance_html(shown, theme) if stance else escaped(shown)
    cue = f"<i>{escaped(one_line(statement.cue))}</i>: " if statement.cue else ""
    if statement.spoken_for:  # "spokesman, Western Health Board said: …"
        cue = escaped(one_line(statement.spoken_for)) + (f" {cue}" if cue else ": ")
    check = ""
    if statement.to_check(check_below):
        colour = CHECK_COLOURS[theme is Theme.DARK]
        words = escaped(check_this(statement.reasons, statement.confidence))
        check = f'<br><span style="color:{colour}"><b>{words[:10]}</b>{words[10:]}</span>'
    return (
        f'<p style="margin-bottom:10px"><a href="said:{n}"><b>{escaped(one_line(title))}</b></a> '
        f'<span style="color:gray">{escaped(statement.date[:10])}</span> {kind}'
        f"<br>{cue}{text}{check}</p>"
    )


def stance_html(text: str, theme: Theme) -> str:
    """``text`` escaped, its stance words bold and underlined in their kind's colour."""
    parts: list[str] = []
    at = 0
    for word in stance_words(text):
        colour = STANCE_COLOURS[word.kind][theme is Theme.DARK]
        parts.append(escaped(text[at : word.start]))
        parts.append(
            f'<b style="color:{colour};text-decoration:underline">'
            f"{escaped(text[word.start : word.end])}</b>"
        )
        at = word.end
    parts.append(escaped(text[at:]))
    return "".join(parts)


class SaidList(SafeTextBrowser):
    """Statements appended a page at a time; ``statementChosen(n)`` when one is clicked."""

    moreWanted = Signal()
    statementChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statements: list[StoredStatement] = []
        #: Statements less sure than this, not reviewed, say "Check this".
        self.check_below = CHECK_THRESHOLD
        #: Mark the words that carry stance (a position's statements side by side).
        self.stance = False
        self.complete = True
        self._asked = False
        self.anchorClicked.connect(self._on_link)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._maybe_more())

    def clear_statements(self) -> None:
        """Empty the list; nothing more is asked for until a page arrives."""
        self.statements = []
        self.complete = True
        self._asked = False
        self.clear()

    def append_page(
        self,
        statements: Sequence[StoredStatement],
        titles: Mapping[int, str],
        complete: bool,
        theme: Theme | None = None,
    ) -> None:
        """Add one page at the end, keeping the reading position; ``complete``: no more."""
        theme = theme or current_theme()
        first = len(self.statements)
        html = "".join(
            statement_html(
                first + n, s, titles.get(s.article_id, ""), theme, self.check_below, self.stance
            )
            for n, s in enumerate(statements)
        )
        self.statements.extend(statements)
        self.complete = complete
        self._asked = False
        if html:
            cursor = QTextCursor(self.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertHtml(html)
        self._maybe_more()

    def _maybe_more(self) -> None:
        """Ask for the next page near the end of the list, once per page."""
        if self.complete or self._asked or not self.isVisible():
            return
        bar = self.verticalScrollBar()
        if bar.maximum() - bar.value() <= NEAR_END_PX:
            self._asked = True
            self.moreWanted.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._maybe_more()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._maybe_more()

    def _on_link(self, url: QUrl) -> None:
        kind, _, n = url.toString().partition(":")
        if kind == "said" and n.isdigit():
            self.statementChosen.emit(int(n))
