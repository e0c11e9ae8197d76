"""Commands that need no language model never import spaCy, nor numpy (issue 7).

spaCy takes about a second to import, numpy (which sqlite-utils would pull in) 0.3 s;
``--help`` and the library's read commands must start
at once. Each command runs in a fresh interpreter, in-process through ``reader.cli.main``,
which then reports whether either was ever imported.
"""

from __future__ import annotations

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
