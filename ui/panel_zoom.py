"""View > Zoom applies to the panels as well as the text: Cast, Library, Who said what, legend.

The article view zooms its own font in 10 % steps (``ArticleView.set_zoom_steps``) and says
so with ``zoomChanged``; ``PanelZoom`` follows with the same factor on the panels' fonts,
from the size each had at first, so zooming out again gives back exactly what was there.
Rows that set a font of their own (the Cast's bold actors) are made again by their panel
(``refit``), since Qt keeps an item's explicit font as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

#: The article view's own factor per step.
ZOOM_FACTOR = 1.1


class PanelZoom:
    """Scale the fonts of ``widgets`` with the article view's zoom steps."""

    def __init__(
        self, widgets: Sequence[QWidget], refit: Sequence[Callable[[], None]] = ()
    ) -> None:
        self.widgets = list(widgets)
        self.refit = list(refit)
        self._base = [QFont(w.font()) for w in self.widgets]
        self.steps = 0

    def apply(self, steps: int) -> None:
        """The panels at ``steps`` zoom steps from their normal size."""
        if steps == self.steps:
            return
        self.steps = steps
        for widget, base in zip(self.widgets, self._base, strict=True):
            font = QFont(base)
            size = base.pointSizeF()
            if size > 0:
                font.setPointSizeF(size * ZOOM_FACTOR**steps)
            widget.setFont(font)
        for refit in self.refit:
            refit()
