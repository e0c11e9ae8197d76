"""View > Zoom applies to the panels as well as the text, and zooming back restores them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _sizes(window) -> tuple[float, float, float]:
    actor = window.actors.tree.topLevelItem(0)
    return (
        window.tabs.font().pointSizeF(),
        window.legend.font().pointSizeF(),
        actor.font(0).pointSizeF(),
    )


def test_zoom_reaches_the_panels_and_comes_back(window, sample_analysis):
    window.show_analysis(sample_analysis)
    before = _sizes(window)
    for _ in range(3):
        window.zoom_actions["zoom_in"].trigger()
    zoomed = _sizes(window)
    assert all(after > 1.3 * first for first, after in zip(before, zoomed, strict=True))
    assert window.view.zoom_steps() == 3
    window.zoom_actions["reset_zoom"].trigger()
    assert _sizes(window) == before
