"""The window at 800×600 and in the dark theme: nothing overflows, nothing draws over
anything, and the About box follows the theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.style.themes import ThemeChoice

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _inside(child: QWidget, window: QWidget) -> bool:
    top_left = child.mapTo(window, child.rect().topLeft())
    return window.rect().contains(QRect(top_left, child.size()))


def test_at_800_by_600_every_panel_fits_and_the_text_keeps_room(window, qtbot, sample_analysis):
    window.show_analysis(sample_analysis)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800 and window.height() == 600, timeout=5000)
    assert window.minimumSizeHint().width() <= 800 and window.minimumSizeHint().height() <= 600
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        page = window.tabs.widget(index)
        assert page.minimumSizeHint().width() <= page.width(), window.tabs.tabText(index)
    window.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    text, panels = window.splitter.sizes()
    assert text >= 300 and panels >= 250
    for widget in (window.view, window.legend, window.tabs, window.actors.tree):
        assert widget.isVisible() and _inside(widget, window), type(widget).__name__
    # The legend and the text do not overlap: the legend is below the text.
    view = window.view.mapTo(window, window.view.rect().bottomLeft())
    legend = window.legend.mapTo(window, window.legend.rect().topLeft())
    assert legend.y() >= view.y()


@pytest.mark.slow
def test_the_about_box_follows_the_dark_theme(window, qtbot):
    window.set_theme_choice(ThemeChoice.DARK)
    seen: list[int] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.palette().color(widget.backgroundRole()).lightness())
                widget.close()

    QTimer.singleShot(300, look)
    window.show_about()
    window.set_theme_choice(ThemeChoice.LIGHT)
    assert seen and seen[0] < 100
