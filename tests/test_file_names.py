"""File names as users really have them: undecodable bytes, newlines, a leading '-'.

Every file is built in the test with ``os.fsencode``-style byte names in ``tmp_path``. A
name is data: it opens the file, is printed as one line of valid UTF-8, is written to JSON
and to the library with undecodable bytes as ``\\xNN``, and never stops a batch.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import errors
from reader.cli import main
from reader.errors import ArticleError
from reader.file_names import as_text, printable
from reader.library import open_library
from reader.model import Analysis, Article
from reader.opening import open_article
from reader.reading import Reading

ROOT = Path(__file__).resolve().parent.parent
VERSION = "test-file-names"
#: No headline-like first line, so the text summary falls back to the file name.
TEXT = "Hello world. The minister said on Monday that the plan would work.\n"
LATIN1_NAME = b"caf\xe9.txt"


def make(folder: Path, name: bytes, text: str = TEXT) -> Path:
    """A file whose name is exactly these bytes; the Path holds ``os.fsdecode`` surrogates."""
    raw = os.path.join(os.fsencode(folder), name)
    with open(raw, "wb") as file:
        file.write(text.encode("utf-8"))
    return Path(os.fsdecode(raw))


def one_valid_line(stream: str) -> str:
    """The stream is a single line that can be written as UTF-8 (strictly)."""
    stream.encode("utf-8")
    assert stream.endswith("\n") and stream.count("\n") == 1, repr(stream)
    return stream.rstrip("\n")


def plain_analyser(article: Article) -> Analysis:
    return Analysis(article, version=VERSION)


# -- the helpers -------------------------------------------------------------------------


def test_printable_escapes_undecodable_bytes_and_controls() -> None:
    assert printable(os.fsdecode(LATIN1_NAME)) == "caf\\xe9.txt"
    assert printable(LATIN1_NAME) == "caf\\xe9.txt"
    assert printable("two\nlines\r\tand\x1b[31m") == "two\\nlines\\r\\tand\\x1b[31m"
    assert printable("over\u2028here\u202eevil") == "over\\u2028here\\u202eevil"


def test_ordinary_names_are_unchanged_and_escaping_twice_changes_nothing() -> None:
    for name in ("report.txt", "Łódź – relatório №1.md", "back\\slash.txt"):
        assert printable(name) == as_text(name) == name
    once = printable(os.fsdecode(b"a\xff\nb.txt"))
    assert printable(once) == once == "a\\xff\\nb.txt"


def test_as_text_keeps_the_name_but_escapes_undecodable_bytes() -> None:
    assert as_text(os.fsdecode(b"caf\xe9\nx.txt")) == "caf\\xe9\nx.txt"
    assert as_text(Path(os.fsdecode(b"dir/\xff.txt"))) == "dir/\\xff.txt"


# -- analyse ---------------------------------------------------------------------------


def test_latin1_name_opens_and_keeps_its_exact_bytes(tmp_path: Path) -> None:
    path = make(tmp_path, LATIN1_NAME)
    article = open_article(path)
    assert os.fsencode(article.source) == os.path.join(os.fsencode(tmp_path), LATIN1_NAME)


@pytest.mark.slow
def test_analyse_json_with_latin1_name_is_valid_utf8(tmp_path: Path) -> None:
    """`analyse` printed invalid UTF-8 JSON (or a traceback) for this name."""
    path = make(tmp_path, LATIN1_NAME)
    completed = subprocess.run(
        [sys.executable, "-m", "reader.cli", "analyse", os.fsencode(path)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    document = json.loads(completed.stdout.decode("utf-8"))  # strict: fails on raw bytes
    assert document["source"] == f"{tmp_path}/caf\\xe9.txt"
    assert document["text"] == TEXT


def test_analyse_text_summary_names_the_file_safely(tmp_path: Path, capsys) -> None:
    """The summary's title line falls back to the (escaped) file name."""
    path = make(tmp_path, LATIN1_NAME)
    assert main(["analyse", str(path), "--format", "text"]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")
    assert out.splitlines()[0] == "caf\\xe9.txt"


def test_error_for_a_name_with_a_newline_is_one_line(tmp_path: Path, capsys) -> None:
    """An empty file called 'nl<newline>name.txt' gave a two-line error."""
    path = make(tmp_path, b"nl\nname.txt", text="")
    assert main(["analyse", str(path)]) == 2
    line = one_valid_line(capsys.readouterr().err)
    assert line == f"dramatis: {tmp_path}/nl\\nname.txt: {errors.EMPTY}"


def test_error_for_a_missing_latin1_name_is_valid_utf8(tmp_path: Path, capsys) -> None:
    missing = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gone\xe9\r.txt")))
    assert main(["analyse", str(missing)]) == 2
    line = one_valid_line(capsys.readouterr().err)
    assert line == f"dramatis: {tmp_path}/gone\\xe9\\r.txt: {errors.MISSING}"


def test_article_error_text_is_one_line() -> None:
    error = ArticleError(os.fsdecode(b"a\nb\xe9.pdf"), errors.ENCRYPTED)
    assert str(error) == f"a\\nb\\xe9.pdf: {errors.ENCRYPTED}"
    assert error.subject == "a\\nb\\xe9.pdf"


# -- a leading '-' ------------------------------------------------------------------------


@pytest.fixture
def dash_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make(tmp_path, b"-name.txt")


def test_dash_name_gets_a_one_line_hint(dash_file: Path, capsys) -> None:
    """'analyse -name.txt' printed argparse's usage text."""
    assert main(["analyse", "-name.txt"]) == 2
    line = one_valid_line(capsys.readouterr().err)
    assert line.startswith("dramatis: -name.txt: unknown option")
    assert "--" in line.removeprefix("dramatis: -name.txt") and "./-name.txt" in line


@pytest.mark.parametrize("argv", [["--", "-name.txt"], ["./-name.txt"]])
def test_dash_name_after_double_dash_or_dot_slash(dash_file: Path, capsys, argv) -> None:
    assert main(["analyse", "--format", "json", *argv]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == TEXT


def test_dash_name_in_library_add_gets_the_hint(dash_file: Path, capsys) -> None:
    code = main(["library", "--data-dir", str(dash_file.parent / "d"), "add", "-name.txt"])
    assert code == 2
    assert one_valid_line(capsys.readouterr().err).startswith("dramatis: -name.txt: unknown")


def test_unknown_option_after_a_file_gets_the_hint(dash_file: Path, capsys) -> None:
    assert main(["analyse", "./-name.txt", "-x"]) == 2
    assert one_valid_line(capsys.readouterr().err).startswith("dramatis: -x: unknown option")


@pytest.mark.parametrize(
    ("argv", "start"),
    [
        (["analyse"], "dramatis: analyse: the following arguments are required: file"),
        ([], "dramatis: error: the following arguments are required: COMMAND"),
        (["library", "remove", "one"], "dramatis: library remove: argument ID: expected an id"),
    ],
)
def test_other_argument_mistakes_are_one_line(capsys, argv, start) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    line = one_valid_line(captured.err)
    assert line.startswith(start) and "--help" in line
    assert "usage:" not in captured.err and captured.out == ""


def test_a_lone_dash_still_reads_standard_input(monkeypatch, capsys) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["analyse", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["text"] == TEXT and document["source"] is None


# -- the library ------------------------------------------------------------------------


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Good names around bad ones: Latin-1 bytes, a newline, and an empty file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    make(folder, b"a-good.txt", "Alpha story. The mayor said the bridge would open.\n")
    make(folder, b"b-caf\xe9.txt", "Bravo story. The chef said the soup was cold.\n")
    make(folder, b"c-line\nbreak.txt", "Charlie story. The coach said the team was ready.\n")
    make(folder, b"d-empty\xff.txt", "")
    make(folder, b"e-good.txt", "Echo story. The pilot said the runway was clear.\n")
    return folder


def test_bulk_add_stores_every_good_file_around_bad_names(tmp_path: Path, mixed_folder) -> None:
    """One undecodable name aborted the whole bulk add."""
    with open_library(tmp_path / "data", version=VERSION) as library:
        results = Reading(library, plain_analyser).add_paths([mixed_folder])
        sources = sorted(a.source or "" for a in library.articles())
    assert [r.was_new for r in results] == [True, True, True, False, True]
    assert results[3].error == errors.EMPTY
    assert sources == [
        f"{mixed_folder}/a-good.txt",
        f"{mixed_folder}/b-caf\\xe9.txt",
        f"{mixed_folder}/c-line\nbreak.txt",
        f"{mixed_folder}/e-good.txt",
    ]


def test_stored_article_with_a_bad_name_reads_back(tmp_path: Path) -> None:
    path = make(tmp_path, b"\xe9t\xe9.txt")
    with open_library(tmp_path / "data", version=VERSION) as library:
        article_id, _, was_new = Reading(library, plain_analyser).add_file(path)
        stored = library.analysis(article_id)
    assert was_new and stored.article.text == TEXT
    assert str(stored.article.source) == f"{tmp_path}/\\xe9t\\xe9.txt"


def test_library_add_command_reports_bad_names_in_one_line(
    tmp_path: Path, mixed_folder, capsys
) -> None:
    """`library add FOLDER` stops at nothing and prints each skip on one line."""
    data = tmp_path / "data"
    # 3: some files were skipped, the others stored.
    assert main(["library", "--data-dir", str(data), "add", str(mixed_folder)]) == 3
    captured = capsys.readouterr()
    assert captured.out == "4 added, 0 already in the library, 1 skipped\n"
    skipped = [line for line in captured.err.splitlines() if line.startswith("dramatis: ")]
    captured.err.encode("utf-8")
    assert skipped == [f"dramatis: {mixed_folder}/d-empty\\xff.txt: {errors.EMPTY}"]
    with open_library(data) as library:
        assert library.count() == 4
