"""Text from files reaches Qt widgets as text, never as markup (issue 12).

Qt guesses rich text from a string's first line (a leading tag, or ``&lt;``) in labels,
tooltips and item views, and a rich-text document loads whatever ``<img src=…>`` names,
``file:///dev/zero`` included. So every string that comes from an article or a file name
goes through one of these helpers: ``plain_label`` for labels, ``escaped`` inside markup
the app builds, ``tooltip`` for tooltips, and the documents the app builds are
``SafeDocument``s, which refuse to load any resource at all, so even an escaping mistake
can fetch nothing.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget


def escaped(text: str) -> str:
    """``text`` as an HTML fragment that shows exactly these characters."""
    return html.escape(text, quote=True)


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` verbatim, line breaks kept and long lines wrapped.

    Tooltips have no plain-text switch, so the text is escaped inside an explicit rich-text
    wrapper: Qt then never guesses, and the only markup is ours.
    """
    if not text:
        return ""
    lines = "<br>".join(escaped(line) for line in text.split("\n"))
    return f"<qt>{lines}</qt>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as plain text, whatever it contains."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


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
