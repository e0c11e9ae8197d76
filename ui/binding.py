"""Is the installed Qt binding one the window can run on? Asked once, before Qt starts.

PySide6-Essentials 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt call
that returns nothing, so drawing the highlights of a long article ends in "Fatal Python
error: none_dealloc". pyproject.toml pins the releases tested; an environment
may still hold another (installed by hand, or by a packager), so the start-up refuses a
release known to be bad and, for any other, makes a few hundred such calls and checks that
``None`` kept its references (the probe of tests/test_binding_refcount.py). Where ``None``
is immortal (Python 3.12+) its count never moves and every binding passes.
"""

from __future__ import annotations

import sys

#: The releases of PySide6-Essentials tested, as pyproject.toml pins them.
TESTED = ">=6.6,<6.12"
#: Releases the app refuses to run on, whatever the probe says.
KNOWN_BAD = frozenset({"6.12.0"})
#: Rounds of the probe; each makes five calls that return nothing.
PROBE_ROUNDS = 100
#: References to ``None`` other threads may take or drop meanwhile; the fault costs one per
#: call, 500 in all.
TOLERANCE = 50

#: References a faulty binding took from ``None`` during the probe, given back here so that
#: ``None`` is never freed while the program says why it stops.
_given_back: list[None] = []
#: References to ``None`` lent before the refusal is shown in a dialog: a faulty binding
#: loses one on each Qt call that returns nothing, and a dialog's event loop makes some
#: thousands while it is open (8 MB for a million).
DIALOG_LOAN = 1_000_000


def binding_version() -> str:
    import PySide6

    return str(PySide6.__version__)


def references_lost(rounds: int = PROBE_ROUNDS) -> int:
    """How many references to ``None`` ``rounds`` rounds of void Qt calls lost."""
    from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

    document = QTextDocument()
    document.setPlainText("word " * 40)
    cursor = QTextCursor(document)
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for i in range(rounds):
        cursor.setPosition(i % 150)
        cursor.setPosition(i % 150 + 5, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
        cursor.mergeCharFormat(fmt)
        fmt.setToolTip("tip")
    lost = before - sys.getrefcount(None)
    if lost > 0:
        _given_back.extend([None] * lost)
    return lost


def binding_problem() -> str | None:
    """Why the window cannot run on the installed binding, or None when it can."""
    version = binding_version()
    if version in KNOWN_BAD:
        return f"PySide6 {version} is a release known to crash the window"
    lost = references_lost()
    if lost > TOLERANCE:
        return f"PySide6 {version} loses references on Qt calls ({lost} in {PROBE_ROUNDS * 5})"
    return None


def show_refusal(text: str) -> None:
    """Say ``text`` in a dialog, for a window started from a menu or a file manager, where
    nobody reads the terminal. ``None`` is lent references first, so that the faulty
    binding cannot free it while the dialog is open."""
    _given_back.extend([None] * DIALOG_LOAN)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    box = QMessageBox(QMessageBox.Icon.Critical, "Dramatis cannot start", text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    del app
