"""Nothing from an article or a file name is ever interpreted as markup.

An article holding ``<img src=file:///…>`` once made a statement's tooltip open that file
when hovered (``file:///dev/zero`` grew the GUI until it was killed), and a file named
``<img src=…>.txt`` was rendered as markup in the banner and the status bar. Each hostile
string below goes into the article text, its title, byline, entity, actor and speaker names,
and a file name; every place the window shows them must show the characters verbatim, no
widget may hold an ``<img`` from input, and no resource may be loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from reader.library import open_library
from reader.model import Actor, Analysis, Entity, Quote
from reader.opening import article_from_text
from ui.main_window import MainWindow
from ui.style.safe_text import SafeDocument, SafeTextBrowser, one_line, tooltip

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


def _hostile_strings(bait: Path) -> list[str]:
    url = bait.as_uri()
    return [
        f"<img src={url}>",
        f'<a href="{url}">click</a>',
        "<style>body{display:none}</style>",
        "<table><tr><td>cell</td></tr></table>",
        '<font color="red">red</font>',
        "&lt;b&gt;not bold&lt;/b&gt;",
        "&amp;amp;amp; &#65; &#x42; &nbsp;" + "&lt;" * 200,
    ]


class RecordingDocument(QTextDocument):
    """A document that records every resource a piece of markup asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:
        self.asked.append(name.toString())
        return None


def _rendered(markup: str) -> tuple[str, list[str], bool]:
    """How Qt draws ``markup``: its plain text, the resources asked for, any image in it."""
    document = RecordingDocument()
    document.setHtml(markup)
    document.setTextWidth(600)
    document.size()  # lays it out, which is when images are fetched
    images = False
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            images |= it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()
    return document.toPlainText(), document.asked, images


def _hostile_analysis(hostile: str) -> Analysis:
    name = f"Ana {hostile} Silva"
    text = f"{hostile}\n\n“{hostile} is fine,” said {name}.\n"
    article = article_from_text(
        text, title=f"Title {hostile}", byline=f"By {hostile}", published="2026-01-02"
    )
    q_start = text.index("“") + 1
    q_end = text.index("”")
    s_start = text.index(name, q_end)
    cue = text.index("said", q_end)
    quote = Quote(
        start=q_start,
        end=q_end,
        text=text[q_start:q_end],
        spans=((q_start, q_end),),
        kind="direct",
        speaker=name,
        speaker_start=s_start,
        speaker_end=s_start + len(name),
        cue="said",
        cue_start=cue,
        cue_end=cue + 4,
        actor="ana",
    )
    entity = Entity(s_start, s_start + len(name), name, "PERSON", "ana")
    actor = Actor("ana", name, "person", (name, f"Silva {hostile}"), 2, (0,))
    loose = Quote(
        start=0,
        end=len(hostile),
        text=hostile,
        spans=((0, len(hostile)),),
        kind="indirect",
    )
    return Analysis(article, (entity,), (quote, loose), (actor,), version="test")


def _labels_hold_no_markup(window: MainWindow, hostile: str) -> None:
    for label in window.findChildren(QLabel):
        if hostile in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def _hover(view, offset: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset))
    point = view.cursorRect(cursor).center() + QPoint(2, 0)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text()


@pytest.mark.parametrize("index", range(7))
def test_article_strings_are_shown_verbatim_everywhere(qtbot, tmp_path, bait, index):
    hostile = _hostile_strings(bait)[index]
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    analysis = _hostile_analysis(hostile)
    window.show_analysis(analysis)

    # The article view holds the text verbatim, as plain text.
    assert window.view.toPlainText() == analysis.article.text
    # Verbatim, on one line and cut at a bound (the longest string here is).
    assert window.heading.text() == one_line(f"Title {hostile}")
    assert one_line(f"By {hostile}") in window.meta.text()
    _labels_hold_no_markup(window, hostile)

    # Hovering the statement shows its tooltip: escaped, verbatim, no image, nothing fetched.
    tip = _hover(window.view, analysis.quotes[0].start + 1)
    assert tip, "no tooltip shown on the statement"
    assert "<img" not in tip and "<a " not in tip
    plain, asked, images = _rendered(tip)
    assert hostile in plain
    assert not asked and not images
    assert f"said by Ana {hostile} Silva" in plain

    # Every row of the cast shows the names verbatim, and its tooltip is escaped.
    shown_rows = []
    for item in window.actors._items():
        shown_rows.append(item.text(0))
        tip = item.toolTip(0)
        plain, asked, images = _rendered(tip)
        assert "<img" not in tip and not asked and not images
    assert any(hostile in row for row in shown_rows)
    actor_tip = window.actors._items()[0].toolTip(0)
    assert one_line(f"Silva {hostile}") in _rendered(actor_tip)[0]

    # Only our documents draw rich text, and they refused nothing because nothing was asked.
    # (The legend is buttons and labels of the colour registry's words: no document.)
    document = window.view.document()
    assert isinstance(document, SafeDocument)
    assert document.refused == []
    assert os.stat(bait).st_atime == 1_000_000


@pytest.mark.parametrize("index", range(7))
def test_file_names_in_banner_and_status_bar_stay_text(qtbot, tmp_path, bait, index):
    hostile = _hostile_strings(bait)[index].replace("/", "_")
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    name = str(tmp_path / f"{hostile}.txt")
    window.show_error(name, "no such file")
    assert name in window.banner.text()
    assert window.banner.label.textFormat() == Qt.TextFormat.PlainText
    assert name in window.status_text.text()
    assert window.status_text.textFormat() == Qt.TextFormat.PlainText
    _labels_hold_no_markup(window, hostile)


def test_library_and_said_panels_escape_titles_statements_and_names(qtbot, tmp_path, bait):
    data = tmp_path / "data"
    hostile_strings = _hostile_strings(bait)
    library = open_library(data)
    for hostile in hostile_strings:
        library.add_analysis(_hostile_analysis(hostile))
    library.close()
    window = MainWindow(data_dir=data)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_panel.searched, timeout=10_000):
        window.library_panel.search()  # the library as a table
    model = window.library_panel.model
    listed = "\n".join(str(model.index(row, 0).data()) for row in range(model.rowCount()))
    with qtbot.waitSignal(window.said.listed, timeout=10_000):
        window.show_said(f"Ana {hostile_strings[0]} Silva")
    said = window.said.results.toPlainText()
    for browser in (window.library_panel.results, window.said.results):
        assert isinstance(browser, SafeTextBrowser)
        assert browser.document().refused == []
    for hostile in hostile_strings:
        assert one_line(f"Title {hostile}") in listed
    assert f"{hostile_strings[0]} is fine" in said
    assert os.stat(bait).st_atime == 1_000_000


def test_safe_documents_refuse_every_resource(qtbot, bait):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(f'<p>before<img src="{bait.as_uri()}">after</p>')
    browser.document().size()
    assert bait.as_uri() in browser.document().refused
    assert os.stat(bait).st_atime == 1_000_000


def test_tooltip_keeps_lines_and_marks_itself_rich_text():
    tip = tooltip("first <b>line</b>\nsecond & last")
    assert QtGui.Qt.mightBeRichText(tip)
    plain, asked, images = _rendered(tip)
    assert plain == "first <b>line</b>\nsecond & last"
    assert not asked and not images
    assert tooltip("") == ""
