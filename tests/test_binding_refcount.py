"""The Qt binding must not leak or drop references on calls that return nothing.

PySide6-Essentials 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt call
returning void (``QTextCursor.setPosition``, ``setCharFormat``, ``mergeCharFormat``,
``setToolTip``), so highlighting a long article aborts the GUI with "Fatal Python error:
none_dealloc". That release is excluded in pyproject.toml; this test catches any release
with the same fault. Where ``None`` is immortal (Python 3.12+) its count never moves and
the check passes trivially there.
"""

from __future__ import annotations

import pytest

CALLS = 5_000


def test_void_qt_calls_keep_the_reference_count_of_none(qapp):
    """The start-up probe's calls, ten times over, on the installed binding."""
    from ui.binding import TOLERANCE, references_lost

    rounds = CALLS // 5
    lost = references_lost(rounds)
    # Other threads may take or drop a few references meanwhile; the fault costs one per call.
    assert lost <= TOLERANCE, f"None lost {lost} references in {CALLS} calls"


def test_installed_binding_is_not_the_broken_release():
    import PySide6

    assert PySide6.__version__ != "6.12.0"


# -- the pin and the start-up check ----------------------------------------------


def test_the_pin_admits_only_the_tested_releases():
    """``!=6.12.0`` admitted any later 6.12.x, untested."""
    import tomllib
    from pathlib import Path

    import PySide6
    from packaging.requirements import Requirement

    from ui.binding import TESTED

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = {Requirement(d).name.lower(): Requirement(d).specifier for d in dependencies}
    binding = pins["pyside6-essentials"]
    assert str(binding) == str(Requirement(f"x{TESTED}").specifier)
    assert pins["shiboken6"] == binding
    assert PySide6.__version__ in binding  # the installed release is one of them
    for untested in ("6.12.0", "6.12.1", "6.13.0", "7.0.0", "6.5.3"):
        assert untested not in binding


def test_the_installed_binding_passes_the_start_up_probe():
    from ui.binding import binding_problem, references_lost

    assert references_lost() <= 50
    assert binding_problem() is None


def test_a_binding_losing_references_is_found(monkeypatch):
    import ui.binding

    counts = iter([10_000, 9_500])

    class Losing:
        """``sys`` as a binding with the fault shows it: 500 references gone."""

        @staticmethod
        def getrefcount(value: object) -> int:
            return next(counts)

    monkeypatch.setattr(ui.binding, "sys", Losing)
    given_back = len(ui.binding._given_back)
    problem = ui.binding.binding_problem()
    assert problem is not None and "loses references on Qt calls (500 in 500)" in problem
    assert len(ui.binding._given_back) == given_back + 500


def test_a_known_bad_release_is_refused_without_being_tried(monkeypatch):
    import ui.binding

    monkeypatch.setattr(ui.binding, "binding_version", lambda: "6.12.0")
    monkeypatch.setattr(ui.binding, "references_lost", lambda: pytest.fail("probed"))
    assert ui.binding.binding_problem() == "PySide6 6.12.0 is a release known to crash the window"


def test_the_window_refuses_to_start_on_a_bad_binding(monkeypatch, capsys, tmp_path):
    """One line naming the binding and what to install, exit 2, no window."""
    import ui.binding
    from ui import app

    problem = "PySide6 6.12.1 loses references on Qt calls (500 in 500)"
    monkeypatch.setattr(ui.binding, "binding_problem", lambda: problem)
    made: list[object] = []
    monkeypatch.setattr("ui.main_window.MainWindow", lambda *a, **k: made.append(a))
    shown: list[str] = []
    monkeypatch.setattr(ui.binding, "show_refusal", shown.append)
    code = app.main(["--data-dir", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2 and made == [] and out == ""
    assert err.count("\n") == 1
    assert problem in err and "PySide6-Essentials>=6.6,<6.12" in err
    # Started from a menu (no terminal), the same line is shown in a dialog.
    assert shown == [err.strip()]


def test_the_refusal_dialog_shows_the_line_as_plain_text(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import ui.binding

    seen: list[tuple[str, object, str]] = []

    def exec_(box: QMessageBox) -> int:
        seen.append((box.text(), box.textFormat(), box.windowTitle()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    lent = len(ui.binding._given_back)
    ui.binding.show_refusal("dramatis-gui: <b>PySide6 6.12.1</b> loses references")
    from PySide6.QtCore import Qt

    assert seen == [
        (
            "dramatis-gui: <b>PySide6 6.12.1</b> loses references",
            Qt.TextFormat.PlainText,
            "Dramatis cannot start",
        )
    ]
    assert len(ui.binding._given_back) == lent + ui.binding.DIALOG_LOAN
    del ui.binding._given_back[lent:]
