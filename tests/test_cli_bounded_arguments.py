"""Every argument of ``dramatis library`` is checked before it reaches
the library, so that no id, count, name or text gives a traceback or a slow library.

Ids and counts SQLite cannot hold, bytes that are not UTF-8 and blank or over-long names in
corrections are each one line on stderr and exit 2, with nothing written; the library
itself refuses a correction whose names no actor could have, whoever asks for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from library_command import run
from test_library_builder import ArticleBuilder

from reader.corrections.operations import ActorRef, Merge, Rename, Split
from reader.library import CorrectionError, open_library
from reader.opening.limits import MAX_NAME_CHARS
from reader.pipeline import analysis_version

ROOT = Path(__file__).resolve().parent.parent
HUGE = "99999999999999999999"


@pytest.fixture
def data(tmp_path) -> Path:
    """A library holding one hand-built article with one actor and one statement."""
    data = tmp_path / "data"
    with open_library(data) as library:
        b = ArticleBuilder(title="Weather report", published="2023-01-05")
        b.actor("a1", "Ingrid Berg").text("Rain in Oslo. ")
        b.quote("Gas heating demand rose", "Ingrid Berg", "a1")
        library.add_analysis(b.build(version=analysis_version()))
    return data


def corrections(data: Path) -> int:
    with open_library(data) as library:
        return len(library.corrections())


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        (("search", "gas", "--limit", HUGE), "--limit"),
        (("search", "gas", "--limit", "-1"), "--limit"),
        (("remove", HUGE), "ID"),
        (("dismiss", HUGE), "STATEMENT_ID"),
        (("reassign", HUGE, "Ingrid Berg"), "STATEMENT_ID"),
        (("corrections", "--undo", HUGE), "--undo"),
        (("corrections", "--article", HUGE), "--article"),
        (("rename", "Ingrid Berg", "Ingrid B", "--article", HUGE), "--article"),
        (("merge", "Ingrid Berg", "Oslo", "--article", "0"), "--article"),
    ],
)
def test_numbers_sqlite_cannot_hold_are_one_line(capsys, data, args, argument):
    """``--limit 99999999999999999999`` and the same number as an id."""
    code, out, err = run(capsys, data, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"argument {argument}: expected" in err
    assert corrections(data) == 0


@pytest.mark.parametrize(
    "args",
    [
        ("rename", "Ingrid Berg", ""),
        ("rename", "Ingrid Berg", "   "),
        ("rename", "Ingrid Berg", "x" * 100_000),
        ("merge", "Ingrid Berg", "y" * (MAX_NAME_CHARS + 1)),
        ("merge", "", "Ingrid Berg"),
        ("split", "Ingrid Berg", "z" * 100_000),
        ("kind", "w" * 100_000, "group"),
        ("reassign", "1", "v" * 100_000),
        ("rename", "Ingrid Berg", "Ingrid \udcff"),
    ],
)
def test_names_in_corrections_are_bounded_and_not_blank(capsys, data, args):
    """A 100,000-character name slowed every later correction; ``rename X ""``
    was stored. Both are refused, and nothing is stored."""
    code, out, err = run(capsys, data, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "name" in err
    assert corrections(data) == 0


def test_a_name_of_the_longest_length_is_taken(capsys, data):
    code, out, _ = run(capsys, data, "rename", "Ingrid Berg", "I" * MAX_NAME_CHARS)
    assert code == 0 and "1 article changed" in out
    assert corrections(data) == 1


@pytest.mark.slow
def test_undecodable_bytes_on_the_real_command_line(data):
    """The bytes as a shell passes them: Python turns ``\\xff`` into a lone surrogate."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, "-m", "reader.cli", "library", "--data-dir", str(data)]
    done = subprocess.run(
        [*command, "rename", "Ingrid Berg", b"Ingrid \xff"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"Traceback" not in done.stderr and done.stderr.count(b"\n") == 1
    assert b"NEW_NAME: the name is not valid UTF-8 text" in done.stderr
    assert corrections(data) == 0


@pytest.mark.parametrize(
    "change",
    [
        Rename(ActorRef("Ingrid Berg"), "x" * 100_000),
        Rename(ActorRef("Ingrid Berg"), " "),
        Merge(ActorRef("y" * 100_000), ActorRef("Ingrid Berg")),
        Split(ActorRef("Ingrid Berg"), ""),
    ],
)
def test_the_library_refuses_names_no_actor_can_have(data, change):
    """Whoever asks (the window's Rename dialog too), nothing is stored."""
    with open_library(data) as library:
        with pytest.raises(CorrectionError, match="name"):
            library.correct(change)
        assert library.corrections() == []
