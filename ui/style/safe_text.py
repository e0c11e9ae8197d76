"""Text from files reaches Qt widgets as short text, never as markup.

Qt guesses rich text from a string's first line (a leading tag, or ``&lt;``) in labels,
dialogs, tooltips and item views, and a rich-text document loads whatever ``<img src=…>``
names, ``file:///dev/zero`` included. Menus, buttons and tabs read ``&`` as the mark of a
shortcut ("Smith & Wesson" showed as "Smith _Wesson"). And a string from a file can be any
length: a 20 MB PDF title in the title bar made X11 close the connection. So every string
that comes from an article, the library or a file name reaches a widget through this
module, which bounds its length and keeps it text:

- ``plain_label`` (a ``PlainLabel``) for labels: plain text, and every text it is given
  cut at ``TEXT_LIMIT``;
- ``one_line`` for one-line texts (a status message part, a list entry): line breaks and
  control characters made spaces, cut at ``LINE_LIMIT``; ``window_title`` for the title bar;
- ``menu_text`` for menu entries, buttons and tabs: one line, ``&`` doubled (``menu_entry``
  adds such an entry to a menu);
- ``tooltip`` for tooltips, which have no plain-text switch: cut at ``TOOLTIP_LIMIT``
  characters and ``TOOLTIP_LINES`` lines, escaped inside our own rich-text wrapper;
- ``escaped`` inside markup the app builds (the caller bounds what it escapes);
- ``ask_text`` and ``ask_item`` for the app's input dialogs, whose labels are plain text
  (the static ``QInputDialog.getText`` guesses rich text);
- the documents the app builds are ``SafeDocument``s, which refuse to load any resource at
  all, so even an escaping mistake can fetch nothing.

No message box shows text from a file: problems go to the window's banner, a ``PlainLabel``.

Text is cut at its end with "…". The bounds are far above anything a real title, name or
message needs, and far below what makes Qt or the window system struggle.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QImage, QTextDocument
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QMenu, QTextBrowser, QWidget

#: Characters at most of a one-line text: a window title, a tab, a menu entry, a button,
#: a dialog's label or a list entry, and each name, title or byline in a longer text.
LINE_LIMIT = 200
#: Characters at most of a name or title inside a one-line text ("New name for …:"), which
#: leaves room for the words around it within ``LINE_LIMIT``.
NAME_LIMIT = 160
#: Characters at most of a label that wraps (the heading, a status message, the banner).
TEXT_LIMIT = 1000
#: Characters and lines at most of a tooltip (it shows a whole statement).
TOOLTIP_LIMIT = 2000
TOOLTIP_LINES = 30
ELLIPSIS = "…"

#: A line break, tab or other control character, with the spaces around it: one_line makes
#: each such run one space (runs of plain spaces are kept: "2024-03-05  Title").
_BREAK = re.compile(r" *(?:[^\S ]|[\x00-\x1f\x7f])[\s\x00-\x1f\x7f]*")


def bounded(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text``, or its first ``limit`` - 1 characters and "…" when it is longer."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def one_line(text: str, limit: int = LINE_LIMIT) -> str:
    """``text`` on one line (each line break, tab or control character, with the spaces
    around it, made one space), cut at ``limit`` characters. Only its start is read."""
    head = text[: 4 * limit]
    shown = _BREAK.sub(" ", head).strip()
    if len(head) < len(text):
        shown += ELLIPSIS  # the rest was not read: it is cut, however short the start
    return bounded(shown, limit)


def menu_text(text: str, limit: int = LINE_LIMIT) -> str:
    """A menu entry's, button's or tab's text that shows ``text`` as written: one line,
    bounded, each ``&`` doubled so that none marks a shortcut."""
    return one_line(text, limit).replace("&", "&&")


def menu_entry(menu: QMenu, text: str) -> QAction:
    """A new entry at the end of ``menu`` showing ``text`` (``menu_text``), with a tooltip
    of its own: Qt's default one is the text as given, which a tooltip may read as markup."""
    action = menu.addAction(menu_text(text))
    action.setToolTip(tooltip(one_line(text)))
    return action


def window_title(text: str) -> str:
    """A title bar's text that shows ``text``: one line, bounded, and a "[*]" in it kept
    (Qt reads "[*]" as the place of the unsaved-changes mark, "[*][*]" as "[*]")."""
    return one_line(text).replace("[*]", "[*][*]")


def escaped(text: str) -> str:
    """``text`` as an HTML fragment that shows exactly these characters."""
    return html.escape(text, quote=True)


def tooltip(text: str, limit: int = TOOLTIP_LIMIT) -> str:
    """A tooltip that shows ``text`` verbatim, line breaks kept and long lines wrapped,
    cut at ``limit`` characters and ``TOOLTIP_LINES`` lines.

    Tooltips have no plain-text switch, so the text is escaped inside an explicit rich-text
    wrapper: Qt then never guesses, and the only markup is ours.
    """
    if not text:
        return ""
    lines = bounded(text, limit).split("\n")
    if len(lines) > TOOLTIP_LINES:
        lines = [*lines[: TOOLTIP_LINES - 1], ELLIPSIS]
    return "<qt>" + "<br>".join(escaped(line) for line in lines) + "</qt>"


class PlainLabel(QLabel):
    """A label that shows its text as plain text, whatever it contains, cut at ``limit``."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, limit: int = TEXT_LIMIT
    ) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(bounded(text, self.limit))

    def setTextFormat(self, _format: Qt.TextFormat) -> None:
        super().setTextFormat(Qt.TextFormat.PlainText)  # never anything else


def plain_label(
    text: str = "", parent: QWidget | None = None, limit: int = TEXT_LIMIT
) -> PlainLabel:
    """A label that shows its text as plain text, whatever it contains, cut at ``limit``."""
    return PlainLabel(text, parent, limit)


# -- input dialogs -----------------------------------------------------------------------------


def input_dialog(parent: QWidget | None, title: str, label: str) -> QInputDialog:
    """An input dialog whose title and label show their text as plain, bounded text.

    The label is the buddy of the input, so it reads ``&`` as a shortcut even as plain
    text ("New name for Smith _Wesson:"): it is given ``menu_text``.
    """
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(window_title(title))
    dialog.setLabelText("")  # makes the dialog's label, empty, before it is told the text
    for shown in dialog.findChildren(QLabel):
        shown.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setLabelText(menu_text(label))
    return dialog


def ask_text(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    """What the reader types in a dialog (``value`` offered, bounded), or None if cancelled."""
    dialog = input_dialog(parent, title, label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextValue(one_line(value, LINE_LIMIT))
    try:
        return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_item(parent: QWidget | None, title: str, label: str, items: Sequence[str]) -> int | None:
    """Which of ``items`` (each shown on one line, bounded) the reader chooses: its index,
    or None if cancelled. The index, not the text: two long items may look alike cut."""
    dialog = input_dialog(parent, title, label)
    dialog.setComboBoxItems([one_line(item) for item in items])
    dialog.setComboBoxEditable(False)
    try:
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        box = dialog.findChild(QComboBox)
        index = box.currentIndex() if box is not None else -1
        return index if 0 <= index < len(items) else None
    finally:
        dialog.deleteLater()


# -- documents ---------------------------------------------------------------------------------


def _refusal(kind: int) -> Any:
    """What a refused resource becomes: a blank pixel for images, nothing otherwise.

    An image resource must not come back empty: Qt's image handler then loads the named
    file itself, past ``loadResource``.
    """
    if kind == QTextDocument.ResourceType.ImageResource.value:
        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(0)
        return blank
    return ""


class SafeDocument(QTextDocument):
    """A text document that loads no resource: no images, no style sheets, no files."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Every resource the document was asked for and refused (for tests and the log).
        self.refused: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.refused.append(name.toString() if isinstance(name, QUrl) else name)
        return _refusal(kind)


class SafeTextBrowser(QTextBrowser):
    """A read-only rich-text list whose document refuses every resource and link target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(SafeDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return _refusal(kind)
