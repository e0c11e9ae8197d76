"""The status bar's label shortens a long message with "…" instead of cutting a word."""

from __future__ import annotations

from ui.widgets.eliding_label import ElidingLabel

MESSAGE = (
    "Corrected: “the council would vote on it in May” was said by Federal Office for the "
    "Environment (this article). Undo with Ctrl+Z."
)


def test_a_long_message_is_shortened_with_an_ellipsis_and_kept_whole(qtbot):
    label = ElidingLabel()
    qtbot.addWidget(label)
    label.resize(220, 24)
    label.setText(MESSAGE)
    shown = label.shown_text()
    assert shown.endswith("…") and len(shown) < len(MESSAGE)
    assert MESSAGE.startswith(shown[:-1])
    assert label.text() == MESSAGE
    assert "Federal Office for the" in label.toolTip()


def test_a_short_message_is_shown_as_it_is(qtbot):
    label = ElidingLabel("Ready")
    qtbot.addWidget(label)
    label.resize(400, 24)
    assert label.shown_text() == "Ready"
    assert label.minimumSizeHint().width() == 0  # never widens the status bar
