"""The article text with its entities and statements highlighted, exactly as analysed.

The document holds ``Article.text`` verbatim, so analysis offsets map one to one onto text
positions (through ``OffsetMap`` when the text has characters beyond the BMP). Highlights are
character formats built from the colour registry, one shared format per combination of
label, statement kind, speaker and speech verb; a large article gets them in slices
(``highlight_drawing``), the visible part first, so the text is readable at once and the
window never freezes. Tooltips and clicks look the position up in the analysis
(``highlight_marks``), so they work before the formats are on.

On top of the formats: any label or statement kind can be hidden (the legend's toggles) or
every highlight at once; an actor's mentions and statements, or the words of a search, are
marked with extra selections and ticks on the scroll bar; the view steps from statement to
statement and zooms keeping the first visible line in place.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.model import CHECK_THRESHOLD, Analysis, Quote
from reader.output.words import check_this, label_name, rule_description, statement_kind_name
from ui.style.colors import Theme, current_theme, palette
from ui.style.safe_text import SafeDocument, tooltip
from ui.style.text_formats import (
    check_format,
    cue_format,
    entity_format,
    quote_format,
    speaker_format,
)
from ui.widgets.highlight_drawing import Slices, apply, batches
from ui.widgets.highlight_marks import (
    CUE,
    ENTITY,
    QUOTE,
    SPEAKER,
    Mark,
    Segment,
    SegmentIndex,
    counts,
    cutting,
)
from ui.widgets.offsets import OffsetMap
from ui.widgets.scroll_markers import ScrollMarkers, Tick
from ui.widgets.text_matches import find_matches

#: Texts up to this long, with up to this many highlights, are drawn at once.
AT_ONCE_CHARS = 60_000
AT_ONCE_MARKS = 3_000
_FLASHES = 6
_FLASH_MS = 180
#: Zoom steps of 10% each, from about half to about three times the normal size.
ZOOM_MIN = -6
ZOOM_MAX = 12
_ZOOM_FACTOR = 1.1

#: Extra-selection colours (light, dark): a marked actor's mentions, its statements'
#: content, search matches, and the flash of a statement just found.
_MARK_COLOURS = {
    "mention": ("#d55e00", "#ff9a4d"),
    "content": ("#fbe3d2", "#5a3212"),
    "match": ("#ffe14d", "#b39500"),
    "flash": ("#ffd84d", "#8a6d00"),
}


def entity_keys() -> dict[str, str]:
    """Every entity label with its own colour keys itself; the rest share ``OTHER``."""
    return {label: label for label in palette().entities}


_ROLE_ORDER = {ENTITY: 0, QUOTE: 1, SPEAKER: 2, CUE: 3}

#: (entity key, statement kind, speaker, cue): what a stretch of text is drawn as.
_Look = tuple[str | None, str | None, bool, bool, bool]


class ArticleView(QTextEdit):
    """Read-only rendering of one Analysis."""

    #: A statement was clicked in the text (its index).
    statementClicked = Signal(int)
    #: Next/Previous statement moved to a statement (its index).
    statementShown = Signal(int)
    #: An entity or speaker resolved to an actor was clicked (the actor id).
    actorClicked = Signal(str)
    zoomChanged = Signal(int)
    #: Hidden labels or kinds, or "hide all", changed.
    highlightsChanged = Signal()
    #: A new analysis is shown: its count per legend key (dict[str, int]).
    countsChanged = Signal(object)
    #: Every highlight of the current analysis is drawn.
    highlightsDrawn = Signal()

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
        self._base_point_size = font.pointSizeF()
        self._zoom = 0
        self.document().setDocumentMargin(18)
        self.analysis: Analysis | None = None
        self.offsets = OffsetMap("")
        self._theme = current_theme()
        self._keys = entity_keys()
        self._index = SegmentIndex([])
        self._quote_starts: list[int] = []
        self._hidden: frozenset[str] = frozenset()
        self._shown = True
        #: Statements less sure than this, and not reviewed, are marked "check this".
        self._check_below = CHECK_THRESHOLD
        self._looks: dict[_Look, QTextCharFormat] = {}
        self._slices = Slices(self)
        self._slices.finished.connect(self.highlightsDrawn)
        #: Cutting the current analysis into segments (None once all are indexed).
        self._sweep: Iterator[None] | None = None
        self._small = True
        #: Highlight formats are on the text (so a new analysis must take them off first).
        self._formatted = False
        self._marked_actor: str | None = None
        self._actor_spans: list[tuple[int, int, str]] = []  # (start, end, "mention"/"content")
        self._matches: list[tuple[int, int]] = []
        #: Every mark, in text order: (start, end, "mention", "content" or "match").
        self._marked: list[tuple[int, int, str]] = []
        self._marked_starts: list[int] = []
        self._marked_reach = 0  # the longest mark
        self._selected_around = (-1, -1)  # the stretch whose marks are selections now
        self._flash_left = 0
        self._flash_spans: list[tuple[int, int]] = []
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(_FLASH_MS)
        self._flash_timer.timeout.connect(self._flash_step)
        self.markers = ScrollMarkers(self.verticalScrollBar())
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._on_scrolled())
        self._ticks_timer = QTimer(self)
        self._ticks_timer.setSingleShot(True)
        self._ticks_timer.setInterval(50)
        self._ticks_timer.timeout.connect(self._update_ticks)
        self.document().documentLayout().documentSizeChanged.connect(
            lambda _size: self._ticks_timer.start()
        )

    # -- rendering ------------------------------------------------------------------------

    def show_analysis(self, analysis: Analysis, theme: Theme | None = None) -> None:
        """Show the article text at once, then every entity and statement highlighted.

        The same text again (the analysis following its text) keeps the reading position.
        """
        same_text = self.analysis is not None and self.analysis.article.text == (
            analysis.article.text
        )
        self._slices.cancel()
        self._stop_flash()
        self.analysis = analysis
        self._theme = theme or current_theme()
        self._looks = {}
        self._marked_actor = None
        self._actor_spans = []
        self._matches = []
        text = analysis.article.text
        self._index = SegmentIndex([])
        # Marks are found and cut into segments by the drawing job, in slices.
        self._sweep = cutting(analysis, self._keys, self._index)
        self._quote_starts = [q.start for q in analysis.quotes]
        if same_text:
            # The text shown before its analysis has no highlights to take off: clearing
            # them would lay out the whole article again (82 ms for 100k words).
            if self._formatted:
                self._plain_formats()
        else:
            self.offsets = OffsetMap(text)
            # The text would otherwise take the format under the old cursor (an entity's).
            self.setCurrentCharFormat(QTextCharFormat())
            self.setPlainText(text)
            self._formatted = False
            self._block_formats()
            self.moveCursor(QTextCursor.MoveOperation.Start)
        self._marks_changed()
        self.countsChanged.emit(counts(analysis, self._keys))
        parts = analysis.name_count() + 3 * len(analysis.quotes)
        self._small = len(text) <= AT_ONCE_CHARS and parts <= AT_ONCE_MARKS
        self._draw(None)

    def set_theme(self, theme: Theme) -> None:
        if self.analysis is not None and theme is not self._theme:
            self._theme = theme
            self._looks = {}
            self._draw(None)
            self._marks_changed()

    def clear_article(self) -> None:
        self._slices.cancel()
        self._stop_flash()
        self.analysis = None
        self.offsets = OffsetMap("")
        self._index = SegmentIndex([])
        self._sweep = None
        self._quote_starts = []
        self._marked_actor = None
        self._actor_spans = []
        self._matches = []
        self.clear()
        self._marks_changed()
        self.countsChanged.emit({})

    def drawing(self) -> bool:
        """True while highlights are still being put on in slices."""
        return self._slices.running()

    def finish_drawing(self) -> None:
        """Put every highlight still waiting on now."""
        self._slices.finish()

    def _whole_text(self) -> QTextCursor:
        """A cursor over the whole text, in an edit block (so it lays nothing out yet)."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(self.document().characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _block_formats(self) -> None:
        cursor = self._whole_text()
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(8)
        cursor.mergeBlockFormat(block)
        cursor.endEditBlock()

    def _plain_formats(self) -> None:
        cursor = self._whole_text()
        cursor.setCharFormat(QTextCharFormat())
        cursor.endEditBlock()
        self._formatted = False

    def _draw(self, chosen: list[Segment] | None, at_once: bool | None = None) -> None:
        """Start drawing ``chosen`` segments (None: all, once cut), dropping any drawing.

        A short article is drawn at once, a long one in slices.
        """
        at_once = self._small if at_once is None else at_once
        self._slices.start(self._drawing_job(chosen), at_once=at_once)

    def _drawing_job(self, chosen: list[Segment] | None) -> Iterator[None]:
        """Cut what is left of the segments, then format the chosen ones, visible first."""
        yield from self._cut_segments()
        if chosen is None:
            chosen = self._index.segments if self._shown else []
        top = self.first_visible_offset() if self.verticalScrollBar().value() > 0 else 0
        first = bisect_left([s.end for s in chosen], top + 1)
        ordered = chosen[first:] + chosen[:first]
        to_qt = self.offsets.to_qt
        runs = ((to_qt(s.start), to_qt(s.end), self._look(s)) for s in ordered)
        document = self.document()
        for batch in batches(runs):
            self._formatted = True
            apply(document, batch)
            yield

    def _cut_segments(self) -> Iterator[None]:
        sweep = self._sweep
        if sweep is None:
            return
        # Not ``yield from``: a job dropped midway would close the cutting, which the next
        # job carries on with.
        for _ in sweep:
            yield
        self._sweep = None

    def _look(self, segment: Segment) -> QTextCharFormat:
        entity: str | None = None
        kind: str | None = None
        speaker = cue = doubtful = False
        for mark in segment.marks:
            if not self._visible(mark):
                continue
            if mark.role == ENTITY:
                entity = mark.key
            elif mark.role == QUOTE:
                kind = mark.key
                doubtful = doubtful or self._to_check(mark.item)
            elif mark.role == SPEAKER:
                speaker = True
            elif mark.role == CUE:
                cue = True
        look = (entity, kind, speaker, cue, doubtful)
        fmt = self._looks.get(look)
        if fmt is None:
            fmt = self._looks[look] = self._format(look)
        return fmt

    def _format(self, look: _Look) -> QTextCharFormat:
        entity, kind, speaker, cue, doubtful = look
        fmt = QTextCharFormat()
        if kind is not None:
            fmt.merge(quote_format(kind, self._theme))
        if doubtful:
            fmt.merge(check_format(self._theme))
        if entity is not None:
            fmt.merge(entity_format(entity, self._theme))
        if speaker:
            fmt.merge(speaker_format())
        if cue:
            fmt.merge(cue_format())
        return fmt

    def _visible(self, mark: Mark) -> bool:
        return self._shown and mark.key not in self._hidden

    def _to_check(self, index: int) -> bool:
        quotes = self.analysis.quotes if self.analysis is not None else ()
        return 0 <= index < len(quotes) and quotes[index].to_check(self._check_below)

    # -- statements to check -----------------------------------------------------------------

    def check_threshold(self) -> float:
        return self._check_below

    def set_check_threshold(self, threshold: float) -> None:
        """Mark the statements less sure than ``threshold`` (and not reviewed) "check this"."""
        if threshold == self._check_below:
            return
        self._check_below = threshold
        if self.analysis is not None and self._shown:
            self._draw(None)

    def to_check(self) -> list[int]:
        """Indices of the statements marked "check this", in text order."""
        return [i for i in self._statement_order() if self._to_check(i)]

    def next_to_check(self) -> int | None:
        """Move to and flash the next statement to check after the cursor; its index."""
        here = self.selected_span()[0]
        after = [i for i in self.to_check() if self._quote_starts[i] > here]
        return self._step_to(after[0] if after else None)

    def previous_to_check(self) -> int | None:
        """Move to and flash the last statement to check before the cursor; its index."""
        here = self.selected_span()[0]
        before = [i for i in self.to_check() if self._quote_starts[i] < here]
        return self._step_to(before[-1] if before else None)

    # -- hiding highlights -----------------------------------------------------------------

    def hidden_highlights(self) -> frozenset[str]:
        """The entity labels and statement kinds whose highlights are hidden."""
        return self._hidden

    def set_hidden_highlights(self, keys: frozenset[str]) -> None:
        """Hide exactly these labels and kinds; only their stretches are drawn again."""
        keys = frozenset(keys)
        changed = keys ^ self._hidden
        if not changed:
            return
        self._hidden = keys
        if self._shown:
            self._redraw(changed)
        self.highlightsChanged.emit()

    def set_highlight_hidden(self, key: str, hidden: bool) -> None:
        """Hide or show one label or kind (a legend toggle)."""
        self.set_hidden_highlights(self._hidden | {key} if hidden else self._hidden - {key})

    def highlights_shown(self) -> bool:
        return self._shown

    def set_highlights_shown(self, shown: bool) -> None:
        """Show every highlight not hidden by label, or none at all (clean reading)."""
        if shown == self._shown:
            return
        self._shown = shown
        if shown:
            self._draw(None)
        else:
            self._plain_formats()
            self._draw([])  # segments are still cut, for tooltips and clicks
        self.highlightsChanged.emit()

    def _redraw(self, keys: frozenset[str]) -> None:
        if self._slices.running():  # not all drawn yet: draw everything in the new state
            self._draw(None)
            return
        touched = [s for s in self._index.segments if any(m.key in keys for m in s.marks)]
        self._draw(touched)

    # -- reading back -----------------------------------------------------------------------

    def format_at(self, offset: int) -> QTextCharFormat:
        """The character format at a string offset, with the tooltip shown there."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(offset) + 1)
        fmt = QTextCharFormat(cursor.charFormat())
        tip = self.tooltip_at(offset)
        if tip:
            fmt.setToolTip(tip)
        return fmt

    def tooltip_at(self, offset: int) -> str:
        """What the highlights under a string offset mean, as an escaped tooltip ("" if none)."""
        segment = self._index.at(offset)
        if segment is None or self.analysis is None:
            return ""
        shown = sorted(
            (m for m in segment.marks if self._visible(m)), key=lambda m: _ROLE_ORDER[m.role]
        )
        lines = [line for mark in shown for line in self._explain(mark)]
        return tooltip("\n".join(lines)) if lines else ""

    def _explain(self, mark: Mark) -> list[str]:
        assert self.analysis is not None
        if mark.role == ENTITY:
            return [label_name(self.analysis.entities[mark.item].label)]
        quote = self.analysis.quotes[mark.item]
        kind = statement_kind_name(quote.kind)
        if mark.role == QUOTE:
            why = rule_description(quote.rule, quote.cue)
            lines = [f"{kind} — {self._speaker(quote)}"] + ([f"Found by {why}"] if why else [])
            if quote.to_check(self._check_below):
                lines.append(check_this(quote.doubts, quote.confidence))
            elif quote.reviewed:
                lines.append("Checked by a reader")
            return lines
        if mark.role == SPEAKER:
            return [f"Speaker of a {kind.lower()}"]
        return ["Speech verb introducing a statement"]

    def _speaker(self, quote: Quote) -> str:
        assert self.analysis is not None
        actor = self.analysis.actor(quote.actor) if quote.actor else None
        if actor is not None:
            return f"said by {actor.name}"
        if quote.speaker:
            return f"said by {quote.speaker}"
        return "speaker unknown"

    def selected_span(self) -> tuple[int, int]:
        """The current selection as string offsets."""
        cursor = self.textCursor()
        return (
            self.offsets.from_qt(cursor.selectionStart()),
            self.offsets.from_qt(cursor.selectionEnd()),
        )

    def first_visible_offset(self) -> int:
        """The string offset of the character at the top left of the view."""
        return self.offsets.from_qt(self._top_left_position())

    def scroll_to_top_at(self, offset: int) -> None:
        """Scroll so that the line holding string offset ``offset`` is the first one shown."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.offsets.to_qt(offset), self.document().characterCount() - 1))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())
        self._on_scrolled()

    def _top_left_position(self) -> int:
        # Just inside the text: in the left margin, a hit test can answer the end of the text.
        inside = int(self.document().documentMargin()) + 1
        return self.cursorForPosition(QPoint(inside, 1)).position()

    # -- showing a statement ---------------------------------------------------------------

    def show_span(self, start: int, end: int, parts: tuple[tuple[int, int], ...] = ()) -> None:
        """Select ``start:end``, scroll it to the middle of the view and flash it."""
        cursor = self._cursor(start, end)
        self.setTextCursor(cursor)
        self._centre(cursor)
        self._flash_spans = list(parts) or [(start, end)]
        self._flash_left = _FLASHES
        self._flash_timer.start()
        self._flash_step()

    def show_quote(self, index: int) -> None:
        if self.analysis is None or not 0 <= index < len(self.analysis.quotes):
            return
        quote = self.analysis.quotes[index]
        self.show_span(quote.start, quote.end, quote.spans)

    def next_statement(self) -> int | None:
        """Move to and flash the first statement starting after the cursor; its index."""
        here = self.selected_span()[0]
        order = self._statement_order()
        n = bisect_right([self._quote_starts[i] for i in order], here)
        return self._step_to(order[n] if n < len(order) else None)

    def previous_statement(self) -> int | None:
        """Move to and flash the last statement starting before the cursor; its index."""
        here = self.selected_span()[0]
        order = self._statement_order()
        n = bisect_left([self._quote_starts[i] for i in order], here) - 1
        return self._step_to(order[n] if n >= 0 else None)

    def _statement_order(self) -> list[int]:
        return sorted(range(len(self._quote_starts)), key=self._quote_starts.__getitem__)

    def _step_to(self, index: int | None) -> int | None:
        if index is None:
            return None
        self.show_quote(index)
        self.statementShown.emit(index)
        return index

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _centre(self, cursor: QTextCursor) -> None:
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def _flash_step(self) -> None:
        if self._flash_left <= 0:
            self._stop_flash()
            return
        self._flash_left -= 1
        self._refresh_selections()

    def _stop_flash(self) -> None:
        self._flash_timer.stop()
        self._flash_left = 0
        self._refresh_selections()

    # -- marking an actor, search matches ---------------------------------------------------

    def mark_actor(self, actor_id: str | None) -> None:
        """Mark every mention and statement of an actor (None: unmark), with scroll-bar ticks."""
        self._marked_actor = actor_id
        self._actor_spans = []
        if self.analysis is not None and actor_id is not None:
            spans = [
                (e.start, e.end, "mention")
                for e in self.analysis.entities
                if e.actor == actor_id and e.named
            ]
            for quote in self.analysis.quotes:
                if quote.actor != actor_id:
                    continue
                spans.extend((start, end, "content") for start, end in quote.spans)
                if quote.speaker_start is not None and quote.speaker_end is not None:
                    spans.append((quote.speaker_start, quote.speaker_end, "mention"))
            self._actor_spans = sorted(set(spans))
        self._marks_changed()

    def marked_actor(self) -> str | None:
        return self._marked_actor

    def actor_marks(self) -> list[tuple[int, int, str]]:
        """The marked actor's stretches: (start, end, "mention" or "content"), in text order."""
        return list(self._actor_spans)

    def show_matches(self, words: list[str]) -> list[tuple[int, int]]:
        """Mark every word of the text starting with one of ``words``; scroll to the first."""
        text = self.analysis.article.text if self.analysis is not None else ""
        self._matches = find_matches(text, words)
        self._marks_changed()
        if self._matches:
            start, end = self._matches[0]
            cursor = self._cursor(start, end)
            self.setTextCursor(cursor)
            self._centre(cursor)
        return list(self._matches)

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def _marks_changed(self) -> None:
        """The actor's marks or the matches changed: new selections, new ticks."""
        marked = list(self._actor_spans) + [(s, e, "match") for s, e in self._matches]
        marked.sort()
        self._marked = marked
        self._marked_starts = [start for start, _end, _kind in marked]
        self._marked_reach = max((end - start for start, end, _kind in marked), default=0)
        self._selected_around = (-1, -1)
        self._refresh_selections()
        self._ticks_timer.start()

    def _refresh_selections(self) -> None:
        """Extra selections for the marks near the visible text (thousands cost a second)."""
        self._selected_around = self._around_view(screens=2)
        low, high = self._selected_around
        first = bisect_left(self._marked_starts, low - self._marked_reach)
        last = bisect_right(self._marked_starts, high)
        selections = [
            self._selection(start, end, kind)
            for start, end, kind in self._marked[first:last]
            if end >= low
        ]
        if self._flash_left % 2 == 1:
            selections += [self._selection(s, e, "flash") for s, e in self._flash_spans]
        self.setExtraSelections(selections)

    def _around_view(self, screens: int) -> tuple[int, int]:
        """String offsets from ``screens`` screenfuls above the visible text to as many below."""
        if not self._marked:
            return (0, 0)
        height = self.viewport().height()
        top = self.cursorForPosition(QPoint(1, -screens * height)).position()
        bottom = self.cursorForPosition(
            QPoint(self.viewport().width(), (screens + 1) * height)
        ).position()
        return (self.offsets.from_qt(top), self.offsets.from_qt(bottom) + 1)

    def _on_scrolled(self) -> None:
        """Past the stretch whose marks are selections, select the marks around the view."""
        if self._marked:
            low, high = self._around_view(screens=1)
            old_low, old_high = self._selected_around
            if low < old_low or high > old_high:
                self._refresh_selections()

    def _selection(self, start: int, end: int, kind: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(start, end)
        colour = self._colour(kind)
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        if kind == "mention":
            fmt.setForeground(QColor("#ffffff" if colour.lightness() < 150 else "#000000"))
        selection.format = fmt
        return selection

    def _colour(self, kind: str) -> QColor:
        light, dark = _MARK_COLOURS[kind]
        return QColor(light if self._theme is Theme.LIGHT else dark)

    def _update_ticks(self) -> None:
        """Ticks on the scroll bar for the marked actor's mentions and the search matches."""
        spans = [(s, "mention") for s, _e, kind in self._actor_spans if kind == "mention"]
        spans += [(s, "match") for s, _e in self._matches]
        if not spans and not self.markers.ticks:
            return  # asking the layout its size would lay out all of a long text at once
        layout = self.document().documentLayout()
        height = layout.documentSize().height()
        ticks: list[Tick] = []
        if height > 0:
            for start, kind in spans:
                ticks.append((self._y_of(start) / height, self._colour(kind)))
        self.markers.set_ticks(ticks)

    def _y_of(self, offset: int) -> float:
        position = self.offsets.to_qt(offset)
        block = self.document().findBlock(position)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        return top + (line.y() if line.isValid() else 0.0)

    # -- zoom ---------------------------------------------------------------------------------

    def zoom_steps(self) -> int:
        return self._zoom

    def set_zoom_steps(self, steps: int) -> None:
        """Text size in 10% steps from normal, keeping the first visible line at the top."""
        steps = max(ZOOM_MIN, min(ZOOM_MAX, int(steps)))
        if steps == self._zoom:
            return
        anchor = self._top_left_position()
        at_top = self.verticalScrollBar().value() == 0
        self._zoom = steps
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * _ZOOM_FACTOR**steps)
        self.setFont(font)
        if not at_top:
            cursor = QTextCursor(self.document())
            cursor.setPosition(anchor)
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.cursorRect(cursor).top())
        self._on_scrolled()
        self.zoomChanged.emit(steps)

    def zoom_in(self) -> None:
        self.set_zoom_steps(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom_steps(self._zoom - 1)

    def reset_zoom(self) -> None:
        self.set_zoom_steps(0)

    # -- events -----------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._on_scrolled()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self._tooltip_under(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _offset_under(self, pos: QPoint) -> int | None:
        """The string offset of the character under a viewport point, or None past the end."""
        position = self.cursorForPosition(pos).position()
        if position >= self.document().characterCount() - 1:
            return None
        return self.offsets.from_qt(position)

    def _tooltip_under(self, pos: QPoint) -> str:
        offset = self._offset_under(pos)
        return "" if offset is None else self.tooltip_at(offset)

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self._offset_under(event.position().toPoint())
            if offset is not None:
                self.click_at(offset)

    def click_at(self, offset: int) -> None:
        """What a click on the character at ``offset`` does: select its actor or statement."""
        segment = self._index.at(offset)
        if segment is None or self.analysis is None:
            return
        actor = self._actor_of(segment)
        if actor is not None:
            self.actorClicked.emit(actor)
            return
        quote = next((m.item for m in segment.marks if m.role == QUOTE), None)
        if quote is not None:
            self.statementClicked.emit(quote)

    def _actor_of(self, segment: Segment) -> str | None:
        assert self.analysis is not None
        for mark in segment.marks:
            if mark.role == ENTITY and self.analysis.entities[mark.item].actor:
                return self.analysis.entities[mark.item].actor
            if mark.role == SPEAKER and self.analysis.quotes[mark.item].actor:
                return self.analysis.quotes[mark.item].actor
        return None
