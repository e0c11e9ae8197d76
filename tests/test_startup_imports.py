"""Commands that need no language model never import spaCy, nor numpy.

spaCy takes about a second to import, numpy (which sqlite-utils would pull in) 0.3 s;
``--help`` and the library's read commands must start
at once. Each command runs in a fresh interpreter, in-process through ``reader.cli.main``,
which then reports whether either was ever imported. ``--help`` imports no command's module
at all: neither sqlite-utils, the library nor the file readers.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = (
    "import sys\n"
    "from reader.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('spacy' in sys.modules or 'numpy' in sys.modules, file=sys.stderr)\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        ["library", "search", "harbour"],
        ["library", "said", "Aileen MacLeod"],
        ["library", "actors"],
        ["library", "export"],
    ],
    ids=["help", "search", "said", "actors", "export"],
)
def test_command_does_not_import_spacy(tmp_path, arguments):
    if arguments[0] == "library":
        arguments = [arguments[0], "--data-dir", str(tmp_path), *arguments[1:]]
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert completed.stderr.strip().splitlines()[-1] == "False", completed.stderr


HELP_PROBE = (
    "import sys\n"
    "from reader.cli import main\n"
    "try:\n"
    "    main(['--help'])\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
)
#: What ``--help`` must not import: it only lists the commands, so neither the library,
#: the file readers nor what they need is imported before a command runs.
NOT_FOR_HELP = ("sqlite_utils", "spacy", "reader.library", "reader.opening")


def _run_probe(probe: str) -> tuple[str, set[str]]:
    """What ``probe`` prints, and the modules it lists on standard error, in a fresh
    interpreter."""
    completed = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return completed.stdout, set(completed.stderr.split())


def test_help_imports_no_command_module():
    printed, imported = _run_probe(HELP_PROBE)
    assert "COMMAND" in printed
    assert "reader.cli" in imported
    assert [m for m in NOT_FOR_HELP if m in imported] == []


def test_help_lists_every_command_with_its_help():
    """The commands ``--help`` lists without importing them are the ones that run."""
    from reader.cli import COMMANDS, build_parser

    completed = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    help_text = " ".join(completed.stdout.split())
    for name, (_, help_line) in COMMANDS.items():
        assert f"{name} {help_line}" in help_text
    full = build_parser()
    commands = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == set(COMMANDS)
    assert all(sub._actions[1:] for sub in commands.choices.values())  # arguments filled in


WINDOW_PROBE = (
    "import sys\n"
    "import ui.main_window, ui.app\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
)
#: What the window's modules must not import before its first paint: the library's storage
#: and sqlite-utils are imported when the library opens, after the window is on screen.
NOT_BEFORE_PAINT = ("sqlite_utils", "spacy", "reader.library.core", "reader.library.lifecycle")


def test_the_window_module_imports_no_storage():
    _, imported = _run_probe(WINDOW_PROBE)
    assert "ui.main_window" in imported
    assert "reader.library" in imported  # its records and errors, without the storage
    assert [m for m in NOT_BEFORE_PAINT if m in imported] == []


def test_a_library_name_is_imported_when_first_used():
    import reader.library
    from reader.library.core import Library

    assert reader.library.Library is Library
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = reader.library.no_such_name
