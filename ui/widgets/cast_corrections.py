"""Correcting the cast from the Cast tree: a context menu, and dragging one actor onto another.

On an actor: Merge into ▸, Rename…, Kind ▸, Split off ▸ (its other names) and "Apply to every
article" (off: the correction is for this article only); on a statement: Speaker ▸ (the
article's actors, or someone else), Not a statement (always for its own article); on both:
Undo. Dropping an actor on another merges the dragged one into the one it is dropped on.

Nothing here changes an analysis: each choice becomes a ``reader.corrections`` value sent
with ``correctionRequested``; the window stores it in the library and shows the corrected
analysis it gets back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QActionGroup, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeWidgetItem

from reader.corrections.operations import (
    ACTOR_KINDS,
    Accept,
    ActorRef,
    Change,
    ChangeKind,
    Dismiss,
    Merge,
    NotActor,
    Reassign,
    Rename,
    Split,
    StatementRef,
)
from reader.model import Actor, Analysis, Quote
from reader.output.words import actor_kind_name
from ui.style.safe_text import NAME_LIMIT, ask_item, ask_text, menu_entry, one_line
from ui.widgets.actors_panel import ACTOR_ROLE, QUOTE_ROLE, ActorsPanel

#: At most this many actors are offered by name in a submenu; the rest through "Other…".
MENU_ACTORS = 20


def actor_ref(actor: Actor) -> ActorRef:
    return ActorRef(actor.name, actor.kind)


class CastCorrections(QObject):
    """The correction gestures of one Cast panel."""

    #: A correction, and whether it is for every article (else the one on screen).
    correctionRequested = Signal(object, bool)
    undoRequested = Signal()

    def __init__(self, panel: ActorsPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.everywhere = False
        #: What Undo would undo, in words ("" when there is nothing to undo).
        self.undo_text = ""
        tree = panel.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_menu)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.viewport().installEventFilter(self)

    # -- what is under the pointer ----------------------------------------------------

    @property
    def analysis(self) -> Analysis | None:
        return self.panel.analysis

    def actor_of(self, item: QTreeWidgetItem | None) -> Actor | None:
        actor_id = item.data(0, ACTOR_ROLE) if item is not None else None
        if actor_id is None or self.analysis is None:
            return None
        return self.analysis.actor(actor_id)

    def quote_of(self, item: QTreeWidgetItem | None) -> Quote | None:
        index = item.data(0, QUOTE_ROLE) if item is not None else None
        if not isinstance(index, int) or self.analysis is None:
            return None
        quotes = self.analysis.quotes
        return quotes[index] if 0 <= index < len(quotes) else None

    # -- the menu ---------------------------------------------------------------------

    def _show_menu(self, pos: QPoint) -> None:
        tree = self.panel.tree
        menu = self.menu_for(tree.itemAt(pos))
        if menu is not None:
            menu.exec(tree.viewport().mapToGlobal(pos))

    def menu_for(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """The context menu for a Cast row, or None for a row with nothing to correct."""
        actor = self.actor_of(item)
        quote = self.quote_of(item)
        if actor is None and quote is None:
            return None
        menu = QMenu(self.panel)
        if actor is not None:
            self._actor_entries(menu, actor)
        if quote is not None:
            self._statement_entries(menu, quote)
        menu.addSeparator()
        undo = menu_entry(
            menu, f"Undo {one_line(self.undo_text, 50)}" if self.undo_text else "Undo"
        )
        undo.setEnabled(bool(self.undo_text))
        undo.triggered.connect(self.undoRequested.emit)
        if actor is not None:
            scope = menu.addAction("Apply to Every Article")
            scope.setCheckable(True)
            scope.setChecked(self.everywhere)
            scope.setToolTip("Off: a correction is for this article only")
            scope.toggled.connect(self._set_everywhere)
        return menu

    def _set_everywhere(self, on: bool) -> None:
        self.everywhere = on

    def _actor_entries(self, menu: QMenu, actor: Actor) -> None:
        merge = menu.addMenu("Merge Into")
        self._actor_choices(merge, lambda other: self.merge(actor, other), exclude=actor)
        rename = menu.addAction("Rename…")
        rename.triggered.connect(lambda: self._ask_rename(actor))
        kinds = menu.addMenu("Kind")
        choice = QActionGroup(kinds)
        choice.setExclusive(True)
        for kind in ACTOR_KINDS:
            action = kinds.addAction(actor_kind_name(kind))
            choice.addAction(action)
            action.setCheckable(True)
            action.setChecked(kind == actor.kind)
            action.triggered.connect(lambda _=False, k=kind: self.change_kind(actor, k))
        # One entry per spelling, whatever its case ("Al-Assad", "al-Assad").
        seen = {actor.name.casefold()}
        aliases = []
        for alias in actor.aliases:
            if alias.casefold() not in seen:
                seen.add(alias.casefold())
                aliases.append(alias)
        split = menu.addMenu("Split Off")
        split.setEnabled(bool(aliases))
        for alias in aliases:
            action = menu_entry(split, f"“{one_line(alias, NAME_LIMIT)}” is someone else")
            action.triggered.connect(lambda _=False, a=alias: self.split(actor, a))
        not_actor = menu.addAction("Not an Actor")
        not_actor.setToolTip("A credit, a product or a description: leaves the cast")
        not_actor.triggered.connect(lambda: self.not_actor(actor))

    def _statement_entries(self, menu: QMenu, quote: Quote) -> None:
        speaker = menu.addMenu("Speaker")
        current = quote.actor
        self._actor_choices(
            speaker,
            lambda other: self.reassign(quote, actor_ref(other)),
            exclude=self.analysis.actor(current) if self.analysis and current else None,
        )
        someone = speaker.addAction("Someone Else…")
        someone.triggered.connect(lambda: self._ask_speaker(quote))
        dismiss = menu.addAction("Not a Statement")
        dismiss.triggered.connect(lambda: self.dismiss(quote))
        accept = menu.addAction("Checked: Right as It Is")
        accept.setEnabled(not quote.reviewed)
        accept.triggered.connect(lambda: self.accept(quote))

    def _actor_choices(
        self, menu: QMenu, chosen: Callable[[Actor], None], exclude: Actor | None
    ) -> None:
        """The article's actors as entries (most statements first), then "Other…"."""
        if self.analysis is None:
            return
        others = [a for a in self.analysis.actors if exclude is None or a.id != exclude.id]
        others.sort(key=lambda a: (-len(a.quotes), -a.mentions, a.name.lower()))
        for other in others[:MENU_ACTORS]:
            action = menu_entry(menu, _choice(other))
            action.triggered.connect(lambda _=False, o=other: chosen(o))
        if len(others) > MENU_ACTORS:
            rest = menu.addAction("Other…")
            rest.triggered.connect(lambda: self._ask_actor(others, chosen))
        menu.setEnabled(bool(others) or menu.title() == "Speaker")

    # -- dialogs (their labels plain text: names may hold markup) ---------------

    def _ask_rename(self, actor: Actor) -> None:
        label = f"New name for {one_line(actor.name, NAME_LIMIT)}:"
        typed = ask_text(self.panel, "Rename", label, actor.name)
        name = (typed or "").strip()
        # A name too long to offer whole is offered cut: kept as it was unless changed.
        if name and name not in (actor.name, one_line(actor.name)):
            self.rename(actor, name)

    def _ask_speaker(self, quote: Quote) -> None:
        name = (ask_text(self.panel, "Speaker", "Who made this statement?") or "").strip()
        if not name:
            return
        kinds = [actor_kind_name(k) for k in ACTOR_KINDS]
        kind = ask_item(self.panel, "Speaker", f"{one_line(name, NAME_LIMIT)} is:", kinds)
        if kind is not None:
            self.reassign(quote, ActorRef(name, ACTOR_KINDS[kind]))

    def _ask_actor(self, actors: list[Actor], chosen: Callable[[Actor], None]) -> None:
        choice = ask_item(self.panel, "Choose an actor", "Actor:", [_choice(a) for a in actors])
        if choice is not None:
            chosen(actors[choice])

    # -- corrections ------------------------------------------------------------------

    def _request(self, change: Change, everywhere: bool | None = None) -> None:
        self.correctionRequested.emit(change, self.everywhere if everywhere is None else everywhere)

    def merge(self, source: Actor, target: Actor) -> None:
        self._request(Merge(actor_ref(source), actor_ref(target)))

    def rename(self, actor: Actor, name: str) -> None:
        self._request(Rename(actor_ref(actor), name))

    def change_kind(self, actor: Actor, kind: str) -> None:
        if kind != actor.kind and kind in ACTOR_KINDS:
            self._request(ChangeKind(actor_ref(actor), next(k for k in ACTOR_KINDS if k == kind)))

    def split(self, actor: Actor, alias: str) -> None:
        self._request(Split(actor_ref(actor), alias))

    def reassign(self, quote: Quote, actor: ActorRef) -> None:
        # A statement belongs to its article: never for every article.
        self._request(Reassign(StatementRef.of(quote), actor), everywhere=False)

    def dismiss(self, quote: Quote) -> None:
        self._request(Dismiss(StatementRef.of(quote)), everywhere=False)

    def accept(self, quote: Quote) -> None:
        self._request(Accept(StatementRef.of(quote)), everywhere=False)

    def not_actor(self, actor: Actor) -> None:
        self._request(NotActor(actor_ref(actor)))

    # -- dragging an actor onto another -------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)  # DragEnter is a DragMove event
            # The drag enters over the row it started from: it is taken if an actor is
            # dragged; as it moves, it may land only on another actor.
            if kind == QEvent.Type.DragEnter:
                takes = self.actor_of(self.panel.tree.currentItem()) is not None
            else:
                takes = self._drop_pair(event.position().toPoint()) is not None
            if takes:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            pair = self._drop_pair(event.position().toPoint())
            event.setDropAction(Qt.DropAction.IgnoreAction)  # the rows stay as they are
            event.accept()
            if pair is not None:
                self.merge(*pair)
            return True
        return False

    def _drop_pair(self, pos: QPoint) -> tuple[Actor, Actor] | None:
        """The dragged actor and the actor under ``pos``, when they are two."""
        tree = self.panel.tree
        source = self.actor_of(tree.currentItem())
        target = self.actor_of(tree.itemAt(pos))
        if source is None or target is None or source.id == target.id:
            return None
        return source, target

    def drop_on(self, source: QTreeWidgetItem, target: QTreeWidgetItem) -> bool:
        """What a drag of ``source`` dropped on ``target`` does (the gesture without a mouse)."""
        dragged = self.actor_of(source)
        onto = self.actor_of(target)
        if dragged is None or onto is None or dragged.id == onto.id:
            return False
        self.merge(dragged, onto)
        return True


def _choice(actor: Actor) -> str:
    """An actor as a menu or list offers it: "Tom Okafor (person)", the name cut short."""
    return f"{one_line(actor.name, NAME_LIMIT)} ({actor_kind_name(actor.kind).lower()})"
