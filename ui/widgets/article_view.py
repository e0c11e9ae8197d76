"""The article text with its entities and statements highlighted, exactly as analysed.

The document holds ``Article.text`` verbatim, so analysis offsets map one to one onto text
positions (through ``OffsetMap`` when the text has characters beyond the BMP). Highlights are
character formats built from the colour registry; every highlighted stretch also carries a
tooltip naming its label, or the kind and speaker of the statement.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.model import Analysis, Quote
from reader.output import describe_rule
from ui.style.colors import Theme, current_theme, entity_style, quote_style
from ui.style.safe_text import SafeDocument, tooltip
from ui.style.text_formats import cue_format, entity_format, quote_format, speaker_format
from ui.widgets.offsets import OffsetMap

#: Custom format property holding the index of the statement under a character.
QUOTE_PROPERTY = QTextFormat.Property.UserProperty + 1

_FLASHES = 6
_FLASH_MS = 180


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    role: str  # "entity", "quote", "speaker" or "cue"
    index: int  # into Analysis.entities or Analysis.quotes


class ArticleView(QTextEdit):
    """Read-only rendering of one Analysis."""

    statementClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(SafeDocument(self))
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self.analysis: Analysis | None = None
        self.offsets = OffsetMap("")
        self._theme = current_theme()
        self._flash_left = 0
        self._flash_spans: list[tuple[int, int]] = []
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(_FLASH_MS)
        self._flash_timer.timeout.connect(self._flash_step)

    # -- rendering ------------------------------------------------------------------------

    def show_analysis(self, analysis: Analysis, theme: Theme | None = None) -> None:
        """Show the article text with every entity and statement highlighted."""
        self.analysis = analysis
        self._theme = theme or current_theme()
        self._stop_flash()
        text = analysis.article.text
        self.offsets = OffsetMap(text)
        # The text would otherwise take the format under the old cursor (say, an entity's).
        self.setCurrentCharFormat(QTextCharFormat())
        self.setPlainText(text)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(8)
        cursor.mergeBlockFormat(block)
        for start, end, marks in _segments(_marks(analysis)):
            fmt = self._format(marks)
            cursor.setPosition(self.offsets.to_qt(start))
            cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_theme(self, theme: Theme) -> None:
        if self.analysis is not None and theme is not self._theme:
            scroll = self.verticalScrollBar().value()
            self.show_analysis(self.analysis, theme)
            self.verticalScrollBar().setValue(scroll)

    def clear_article(self) -> None:
        self.analysis = None
        self.offsets = OffsetMap("")
        self.clear()

    def _format(self, marks: list[_Mark]) -> QTextCharFormat:
        assert self.analysis is not None
        fmt = QTextCharFormat()
        tips: list[str] = []
        roles = {m.role: m for m in marks}
        if "quote" in roles:
            quote = self.analysis.quotes[roles["quote"].index]
            fmt.merge(quote_format(quote.kind, self._theme))
            fmt.setProperty(QUOTE_PROPERTY, roles["quote"].index)
            tips.append(f"{quote_style(quote.kind).description} — {self._speaker(quote)}")
            why = describe_rule(quote.rule, quote.cue)
            if why:
                tips.append(f"Found by {why}")
        if "entity" in roles:
            entity = self.analysis.entities[roles["entity"].index]
            fmt.merge(entity_format(entity.label, self._theme))
            style = entity_style(entity.label)
            tips.insert(0, f"{entity.label} — {style.description}")
        if "speaker" in roles:
            fmt.merge(speaker_format())
            quote = self.analysis.quotes[roles["speaker"].index]
            tips.append(f"Speaker of a {quote_style(quote.kind).description.lower()}")
        if "cue" in roles:
            fmt.merge(cue_format())
            tips.append("Speech verb introducing a statement")
        fmt.setToolTip(tooltip("\n".join(tips)))
        return fmt

    def _speaker(self, quote: Quote) -> str:
        assert self.analysis is not None
        actor = self.analysis.actor(quote.actor) if quote.actor else None
        if actor is not None:
            return f"said by {actor.name}"
        if quote.speaker:
            return f"said by {quote.speaker}"
        return "speaker unknown"

    # -- reading back -----------------------------------------------------------------------

    def format_at(self, offset: int) -> QTextCharFormat:
        """The character format of the character at a string offset."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(offset) + 1)
        return cursor.charFormat()

    def selected_span(self) -> tuple[int, int]:
        """The current selection as string offsets."""
        cursor = self.textCursor()
        return (
            self.offsets.from_qt(cursor.selectionStart()),
            self.offsets.from_qt(cursor.selectionEnd()),
        )

    # -- showing a statement ---------------------------------------------------------------

    def show_span(self, start: int, end: int, parts: tuple[tuple[int, int], ...] = ()) -> None:
        """Select ``start:end``, scroll it to the middle of the view and flash it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)
        self._flash_spans = list(parts) or [(start, end)]
        self._flash_left = _FLASHES
        self._flash_timer.start()
        self._flash_step()

    def show_quote(self, index: int) -> None:
        if self.analysis is None or not 0 <= index < len(self.analysis.quotes):
            return
        quote = self.analysis.quotes[index]
        self.show_span(quote.start, quote.end, quote.spans)

    def _flash_step(self) -> None:
        if self._flash_left <= 0:
            self._stop_flash()
            return
        on = self._flash_left % 2 == 0
        self._flash_left -= 1
        selections = []
        if on:
            for start, end in self._flash_spans:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(self.offsets.to_qt(start))
                cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                fmt = QTextCharFormat()
                fmt.setBackground(QColor("#ffd84d" if self._theme is Theme.LIGHT else "#8a6d00"))
                selection.format = fmt
                selections.append(selection)
        self.setExtraSelections(selections)

    def _stop_flash(self) -> None:
        self._flash_timer.stop()
        self._flash_left = 0
        self.setExtraSelections([])

    # -- events -----------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self._tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip_at(self, pos: QPoint) -> str:
        cursor = self.cursorForPosition(pos)
        if cursor.position() >= self.document().characterCount() - 1:
            return ""
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
        return cursor.charFormat().toolTip()

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            cursor = self.cursorForPosition(event.position().toPoint())
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
            index = cursor.charFormat().property(QUOTE_PROPERTY)
            if isinstance(index, int):
                self.statementClicked.emit(index)


def _marks(analysis: Analysis) -> list[_Mark]:
    marks = [_Mark(e.start, e.end, "entity", i) for i, e in enumerate(analysis.entities)]
    for i, quote in enumerate(analysis.quotes):
        marks.extend(_Mark(start, end, "quote", i) for start, end in quote.spans)
        if quote.speaker_start is not None and quote.speaker_end is not None:
            marks.append(_Mark(quote.speaker_start, quote.speaker_end, "speaker", i))
        if quote.cue_start is not None and quote.cue_end is not None:
            marks.append(_Mark(quote.cue_start, quote.cue_end, "cue", i))
    return [m for m in marks if m.end > m.start]


def _segments(marks: list[_Mark]) -> list[tuple[int, int, list[_Mark]]]:
    """Cut the text at every mark boundary: ``(start, end, marks covering it)``."""
    starts: dict[int, list[_Mark]] = defaultdict(list)
    ends: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks:
        starts[mark.start].append(mark)
        ends[mark.end].append(mark)
    points = sorted(starts.keys() | ends.keys())
    active: dict[int, _Mark] = {}
    segments = []
    for here, after in itertools.pairwise(points):
        for mark in ends.get(here, ()):
            active.pop(id(mark), None)
        for mark in starts.get(here, ()):
            active[id(mark)] = mark
        if active:
            segments.append((here, after, list(active.values())))
    return segments
