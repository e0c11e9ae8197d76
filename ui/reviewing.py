"""Review: step through the statements to check, accept them, or add one the analysis missed.

The Review menu's actions (declared in ``ui/actions.py``) call this. **Next Statement to
Check** (F8) and **Previous** (Shift+F8) move to a statement the analysis was unsure of
(less sure than the threshold, not yet checked) and say why in the status bar. **Accept
Statement** (Ctrl+Shift+A) stores that it is right as it stands (an ``Accept`` correction,
kept when the article is analysed again) and moves to the next; a wrong one is fixed with
the Cast panel's menu as any other. **Add Statement from Selection…** (Ctrl+Shift+N, also
in the text's context menu) makes the selected words a statement by an actor the reader
chooses. **Check Statements Below…** sets the threshold, remembered between runs.
Everything is stored through ``CastEditor``, so Undo takes it back like any correction.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from reader.corrections.operations import ACTOR_KINDS, Accept, ActorRef, AddStatement, StatementRef
from reader.model import Analysis, Quote
from reader.output.words import actor_kind_name, check_this, plural
from ui import messages
from ui.correcting import CastEditor
from ui.settings import Settings
from ui.style.safe_text import NAME_LIMIT, ask_item, ask_text, one_line
from ui.widgets.actors_panel import ActorsPanel
from ui.widgets.article_view import ArticleView
from ui.widgets.said_list import SaidList


class _Window(Protocol):
    analysis: Analysis | None


class Reviewer(QObject):
    """The Review menu: statements to check, accepting them, adding one."""

    #: What just happened, for the status bar.
    reported = Signal(str)
    #: The threshold moved (the Library tab's "To check" follows).
    thresholdChanged = Signal(float)

    def __init__(
        self,
        window: _Window,
        editor: CastEditor,
        view: ArticleView,
        actors: ActorsPanel,
        said: SaidList,
        settings: Settings,
    ) -> None:
        super().__init__(view)
        self.window = window
        self.editor = editor
        self.view = view
        self.actors = actors
        self.said = said
        self.settings = settings
        #: The statement last shown or chosen: what Accept accepts.
        self.current: Quote | None = None
        view.statementShown.connect(self._chosen)
        view.statementClicked.connect(self._chosen)
        actors.statementChosen.connect(self._chosen)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._text_menu)
        self.set_threshold(settings.check_below())

    # -- the text's menu ----------------------------------------------------------------------

    def _text_menu(self, pos: QPoint) -> None:
        menu = self.view.createStandardContextMenu(pos)
        menu.addSeparator()
        add = menu.addAction("Add Statement from Selection…")
        start, end = self.view.selected_span()
        add.setEnabled(end > start and self.window.analysis is not None)
        add.triggered.connect(self.add_statement)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- stepping ----------------------------------------------------------------------------

    def _chosen(self, index: int) -> None:
        analysis = self.window.analysis
        if analysis is not None and 0 <= index < len(analysis.quotes):
            self.current = analysis.quotes[index]

    def next(self) -> int | None:
        """Move to the next statement to check and say why it is one."""
        return self._report(self.view.next_to_check())

    def previous(self) -> int | None:
        return self._report(self.view.previous_to_check())

    def _report(self, index: int | None) -> int | None:
        left = self.view.to_check()
        if index is None:
            self.reported.emit(
                messages.NOTHING_TO_CHECK
                if not left
                else messages.NO_MORE_TO_CHECK.format(left=plural(len(left), "statement"))
            )
            return None
        self._chosen(index)
        quote = self.current
        assert quote is not None
        place = left.index(index) + 1 if index in left else 0
        self.reported.emit(
            messages.TO_CHECK.format(
                place=place,
                count=len(left),
                why=check_this(quote.doubts, quote.confidence),
            )
        )
        return index

    # -- accepting, adding ---------------------------------------------------------------------

    def accept(self) -> bool:
        """Store that the current statement is right as it stands, then go on to the next."""
        quote = self.current
        if quote is None:
            self.reported.emit(messages.CHOOSE_A_STATEMENT)
            return False
        if not self.editor.correct(Accept(StatementRef.of(quote))):
            return False
        self.current = None
        if self.view.to_check():
            self.next()
        return True

    def add_statement(self) -> bool:
        """The selected words are a statement: ask by whom, and store it."""
        analysis = self.window.analysis
        start, end = self.view.selected_span()
        if analysis is None or end <= start:
            self.reported.emit(messages.SELECT_A_STATEMENT)
            return False
        text = analysis.article.text[start:end]
        # Whitespace a drag takes in at either end is not part of what was said.
        start += len(text) - len(text.lstrip())
        end -= len(text) - len(text.rstrip())
        if end <= start:
            self.reported.emit(messages.SELECT_A_STATEMENT)
            return False
        speaker = self._ask_speaker(analysis)
        if speaker is None:
            return False
        ref = StatementRef(start, end, analysis.article.text[start:end])
        return self.editor.correct(AddStatement(ref, speaker))

    def _ask_speaker(self, analysis: Analysis) -> ActorRef | None:
        actors = sorted(analysis.actors, key=lambda a: (-len(a.quotes), -a.mentions, a.name))
        names = [one_line(a.name, NAME_LIMIT) for a in actors] + [messages.SOMEONE_ELSE]
        choice = ask_item(self.view, messages.ADD_STATEMENT_TITLE, "Who said it?", names)
        if choice is None:
            return None
        if choice < len(actors):
            return ActorRef(actors[choice].name, actors[choice].kind)
        name = (ask_text(self.view, messages.ADD_STATEMENT_TITLE, "Who said it?") or "").strip()
        if not name:
            return None
        kinds = [actor_kind_name(k) for k in ACTOR_KINDS]
        kind = ask_item(self.view, messages.ADD_STATEMENT_TITLE, f"{one_line(name)} is:", kinds)
        return ActorRef(name, ACTOR_KINDS[kind]) if kind is not None else None

    # -- the threshold -------------------------------------------------------------------------

    def ask_threshold(self) -> None:
        parent: QWidget = self.view.window()
        value, ok = QInputDialog.getDouble(
            parent,
            messages.THRESHOLD_TITLE,
            messages.THRESHOLD_LABEL,
            self.view.check_threshold(),
            0.0,
            1.0,
            2,
        )
        if ok:
            self.set_threshold(value)
            self.settings.set_check_below(value)
            count = len(self.view.to_check())
            self.reported.emit(
                messages.THRESHOLD_SET.format(threshold=value, count=plural(count, "statement"))
            )

    def set_threshold(self, threshold: float) -> None:
        """Mark statements less sure than ``threshold`` in the text, the Cast and the list."""
        self.view.set_check_threshold(threshold)
        self.actors.set_check_threshold(threshold)
        self.said.check_below = threshold
        self.thresholdChanged.emit(threshold)
