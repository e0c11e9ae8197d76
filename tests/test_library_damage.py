"""Library damage is detected, explained, and never made worse.

- damaged pages: a write is refused before anything is written, and the file is moved
  aside byte for byte (the real command line, in a subprocess);
- ``PRAGMA quick_check`` runs only when the file is not as the last clean close left it,
  or when a write fails with a corruption code;
- one damaged row: a message naming its article, or left out of listings with a note;
- hostile actor names never raise anything but ``LibraryError``;
- a library whose folder is read-only or whose disk is full can still be read.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_library_builder import VERSION, putin_article

from reader import errors, reading
from reader.cli import main
from reader.errors import LibraryError
from reader.library import (
    CorruptLibraryError,
    DamagedRecordError,
    NotSavedError,
    guard,
    open_library,
)
from reader.library.clean_close import record_clean_close, record_path
from reader.paths import library_path
from reader.pipeline import analysis_version

ROOT = Path(__file__).resolve().parent.parent


def analyser(article):
    """The prepared Putin analysis for any article (no spaCy), at the installed version."""
    return dataclasses.replace(putin_article(), article=article, version=analysis_version())


def build_library(data: Path, articles: int = 6) -> Path:
    """A cleanly closed library with a few long articles; returns the library file."""
    with open_library(data, version=VERSION) as library:
        for n in range(articles):
            extra = f" Paragraph {n} about gas and winter supplies. " * 300
            library.add_analysis(putin_article(extra))
    return library_path(data)


def overwrite_pages(path: Path, count: int, seed: int) -> list[int]:
    """Overwrite ``count`` random pages in the middle of the file with random bytes."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    rng = random.Random(seed)
    chosen = rng.sample(range(pages // 4, 3 * pages // 4), count)
    data = bytearray(path.read_bytes())
    for page in chosen:
        data[page * page_size : (page + 1) * page_size] = rng.randbytes(page_size)
    before = path.stat()
    path.write_bytes(bytes(data))
    # Any program writing the file moves its modification time; set it explicitly so that
    # the test does not depend on the resolution of the file system's clock.
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    return chosen


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(data: Path, *args: str, preexec_fn=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "library", "--data-dir", str(data), *args],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec_fn,
    )


# -- damaged pages ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_add_to_a_library_with_damaged_pages_is_refused_and_the_file_set_aside(tmp_path, seed):
    """4 random pages overwritten mid-file; ``add`` used to exit 0 and write."""
    data = tmp_path / "data"
    path = build_library(data)
    overwrite_pages(path, 4, seed)
    damaged = path.read_bytes()
    other = tmp_path / "another.txt"
    other.write_text("Putin said nothing new. Gas prices fell in the winter.", encoding="utf-8")

    done = run_cli(data, "add", str(other))

    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert "the library file is damaged; nothing was written to it" in line
    [aside] = [
        p for p in data.glob("library.db.corrupt-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert aside.name in line
    assert aside.read_bytes() == damaged
    assert not path.exists()


def test_a_damaged_file_is_refused_before_anything_is_analysed(tmp_path):
    data = tmp_path / "data"
    path = build_library(data)
    overwrite_pages(path, 4, seed=4)
    damaged = path.read_bytes()
    analysed = []

    def counting(article):
        analysed.append(article)
        return analyser(article)

    source = tmp_path / "another.txt"
    source.write_text("Something new.", encoding="utf-8")
    with open_library(data) as library:
        with pytest.raises(CorruptLibraryError):
            reading.Reading(library, counting).add_paths([source])
        with pytest.raises(CorruptLibraryError):
            library.remove(1)
    assert analysed == []
    assert path.read_bytes() == damaged
    assert not record_path(path).exists()


# -- quick_check only when needed -----------------------------------------------------------


@pytest.fixture
def quick_checks(monkeypatch):
    """Count the ``PRAGMA quick_check`` runs made before writing."""
    calls = []
    real = guard.write_blockers

    def counted(conn):
        calls.append(conn)
        return real(conn)

    monkeypatch.setattr(guard, "write_blockers", counted)
    return calls


def test_no_quick_check_after_a_clean_close(tmp_path, quick_checks):
    build_library(tmp_path)
    quick_checks.clear()
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(putin_article(" One more paragraph."))
        library.add_analysis(putin_article(" And another."))
    assert quick_checks == []


def test_quick_check_after_an_unclean_shutdown(tmp_path, quick_checks):
    """A session that ended without closing (killed) leaves a file unlike the record."""
    build_library(tmp_path)
    killed = open_library(tmp_path, version=VERSION)
    killed.add_analysis(putin_article(" Written just before the process died."))
    killed.connection.close()  # as the operating system does for a killed process
    quick_checks.clear()
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(putin_article(" After the restart."))
        library.add_analysis(putin_article(" And once more."))
        assert library.count() == 9
    assert len(quick_checks) == 1
    # The clean close recorded the file again: the next session need not check it.
    quick_checks.clear()
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(putin_article(" Next day."))
    assert quick_checks == []


def test_a_damaged_index_is_found_before_writing_not_set_aside(tmp_path, quick_checks):
    """The check before writing was ``quick_check``, which does not read the
    full-text index; the write went ahead and failed half-way. Now it is refused first."""
    build_library(tmp_path, articles=1)
    conn = sqlite3.connect(library_path(tmp_path))
    conn.execute("UPDATE articles_fts_data SET block = x'0102030405060708' WHERE id = 10")
    conn.commit()
    conn.close()
    with open_library(tmp_path, version=VERSION) as library:
        quick_checks.clear()
        with pytest.raises(LibraryError) as caught:
            library.add_analysis(putin_article(" New words."))
        assert len(quick_checks) == 1
        assert not isinstance(caught.value, CorruptLibraryError)
        assert "library check --repair" in caught.value.problem
        assert library.count() == 1
    assert library_path(tmp_path).exists()


def test_a_read_that_meets_damage_puts_the_file_in_doubt(tmp_path, quick_checks):
    """Damage the record cannot see (the file was changed and the record rewritten) is
    found by a search; the record is dropped, so the next write checks the file first."""
    build_library(tmp_path, articles=1)
    path = library_path(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles_fts_data SET block = x'0102030405060708' WHERE id = 10")
    conn.commit()
    conn.close()
    record_clean_close(path)
    quick_checks.clear()
    with open_library(tmp_path, version=VERSION) as library:
        assert library.trusted
        with pytest.raises(CorruptLibraryError):
            library.search("gas")
        assert not record_path(path).exists()
        with pytest.raises(LibraryError, match="check --repair"):
            library.add_analysis(putin_article(" New words."))
    assert len(quick_checks) == 1  # before the write, which it refused
    # The file is not sound: the next session checks it again.
    assert not record_path(path).exists()


# -- one damaged record -------------------------------------------------------------------


@pytest.fixture
def stored(tmp_path, monkeypatch):
    """A library holding the Putin article at the installed version; its text as a file."""
    monkeypatch.setattr(reading, "default_analyser", analyser)
    data = tmp_path / "data"
    with open_library(data) as library:
        article_id, _ = library.add_analysis(analyser(putin_article().article))
    source = tmp_path / "putin.txt"
    source.write_text(putin_article().article.text, encoding="utf-8")
    return data, source, article_id


def damage(data: Path, sql: str) -> None:
    conn = sqlite3.connect(library_path(data))
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_bad_spans_json_names_the_article_when_opened_or_added_again(stored):
    """A statement's ``spans`` not valid JSON gave a JSONDecodeError traceback."""
    data, source, article_id = stored
    damage(data, "UPDATE statements SET spans = '[[0, 4' WHERE seq = 1")
    with open_library(data) as library:
        with pytest.raises(DamagedRecordError) as caught:
            library.analysis(article_id)
        assert f"article {article_id}: its stored statement spans is damaged" in str(caught.value)
        with pytest.raises(NotSavedError) as not_saved:
            reading.Reading(library).add_file(source)
        # The article can still be shown: analysed afresh, not saved over the damage.
        assert not_saved.value.analysis.quotes == putin_article().quotes
        assert f"article {article_id}" in not_saved.value.problem
        # Everything else still reads.
        assert [h.id for h in library.search("gas")] == [article_id]
        assert len(library.said("Putin")) == 2
        assert len(list(library.statements())) == 3


def test_bad_spans_json_cli_add_search_said_export(capsys, stored):
    data, source, article_id = stored
    damage(data, "UPDATE statements SET spans = 'not json' WHERE seq = 0")
    code = main(["library", "--data-dir", str(data), "add", str(source)])
    out, err = capsys.readouterr()
    assert code == 2 and "0 added, 0 already in the library, 1 skipped" in out
    [line] = err.splitlines()
    assert line.startswith(f"dramatis: {source}: article {article_id}: its stored")
    for args in (["search", "gas"], ["said", "Putin"], ["export"], ["actors"]):
        code = main(["library", "--data-dir", str(data), *args])
        out, err = capsys.readouterr()
        assert code == 0 and out and err == "", args


@pytest.mark.parametrize(
    ("sql", "part"),
    [
        ("UPDATE statements SET start = 'twelve' WHERE seq = 0", "statement 1"),
        ("UPDATE statements SET text = x'00ff' WHERE seq = 0", "statement 1"),
    ],
)
def test_a_damaged_statement_is_left_out_of_listings_with_a_note(capsys, stored, sql, part):
    data, _, article_id = stored
    damage(data, sql)
    code = main(["library", "--data-dir", str(data), "said", "Putin", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert [s["text"] for s in json.loads(out)] == ["Sanctions have failed"]
    assert err.splitlines() == [
        f"dramatis: {library_path(data)}: "
        + errors.LIBRARY_RECORD_SKIPPED.format(article_id=article_id, part=part)
    ]
    code = main(["library", "--data-dir", str(data), "export", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 0 and len(out.splitlines()) == 1 + 2 and len(err.splitlines()) == 1


def test_text_that_is_not_utf8_gives_a_library_message(capsys, stored):
    data, _, _ = stored
    damage(data, "UPDATE statements SET text = CAST(x'ff00fe' AS TEXT) WHERE seq = 0")
    with open_library(data) as library, pytest.raises(LibraryError) as caught:
        library.said("Putin")
    assert "a value stored in the library is damaged" in caught.value.problem
    code = main(["library", "--data-dir", str(data), "export"])
    _, err = capsys.readouterr()
    assert code == 2 and len(err.splitlines()) == 1 and "library check" in err


# -- hostile names ------------------------------------------------------------------------

HOSTILE_NAMES = [
    "Putin" * 20_000,  # a LIKE pattern over SQLite's 50,000-byte limit
    "x" * 100_000,
    "a b " * 30_000,
    "Vladimir " + "Putin" * 12_000,
    '"',
    "'",
    "*",
    "%",
    "_",
    "% _ %",
    "Putin*",
    '"Putin',
    "NEAR(Putin, 2)",
    "Putin OR Scholz",
    "NOT Putin",
    "\x00",
    "Putin\x00",
    "\udcff",
    "😀",
    "Pútin",
    "ПУТИН",
    "",
    "   ",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=lambda n: repr(n[:12]))
def test_hostile_names_for_said(tmp_path, name):
    """``said`` gave 2 tracebacks of 260 hostile names (LIKE too complex)."""
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(putin_article())
        assert isinstance(library.said(name), list)
        assert isinstance(library.search("gas", actor=name), list)
        # Storing an actor by that name (the surname lookup runs while writing).
        library.add_analysis(_with_speaker(name))


def _with_speaker(name: str):
    """The Putin article, its first actor renamed (as text from a file, so valid Unicode)."""
    name = name.replace("\udcff", "") or "?"
    analysis = putin_article(" " + name)
    actors = (dataclasses.replace(analysis.actors[0], name=name), *analysis.actors[1:])
    return dataclasses.replace(analysis, actors=actors)


@pytest.mark.parametrize(
    "name", [*HOSTILE_NAMES[:4], '"', "*", "\udcff"], ids=lambda n: repr(n[:12])
)
def test_hostile_names_on_the_command_line(capsys, tmp_path, name):
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(putin_article())
    code = main(["library", "--data-dir", str(tmp_path), "said", name, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out) == [] and err == ""


@pytest.fixture(scope="module")
def said_library(tmp_path_factory):
    data = tmp_path_factory.mktemp("said")
    library = open_library(data, version=VERSION)
    library.add_analysis(putin_article())
    yield library
    library.close()


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.text(min_size=1, max_size=20).map(lambda t: t * 3000))
def test_any_name_for_said_gives_a_list(said_library, name):
    assert isinstance(said_library.said(name), list)


# -- read-only folder, full disk ----------------------------------------------------------

READS = (["search", "gas"], ["said", "Putin"], ["actors"], ["export"])


@pytest.mark.slow
def test_library_whose_log_files_cannot_be_created_can_be_read(capsys, tmp_path):
    """A read-only library folder made even ``search`` fail.

    Tests run as root, where chmod does not stop writes, so the folder's effect is
    simulated: a directory stands where SQLite must create ``-wal`` and ``-shm``, exactly
    the files a read-only folder keeps it from creating. (A real read-only folder, mounted
    read-only, behaves the same.)
    """
    build_library(tmp_path, articles=1)
    path = library_path(tmp_path)
    before = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).mkdir()
    for args in READS:
        code = main(["library", "--data-dir", str(tmp_path), *args])
        out, err = capsys.readouterr()
        assert code == 0 and out, args
        assert err.splitlines() == [f"dramatis: {path}: {errors.LIBRARY_NOT_SAVING_NOTE}"], args
        assert "changes will not be saved" in err
    assert "Putin and Scholz" in main_output(capsys, tmp_path, "search", "gas")
    with open_library(tmp_path, version=VERSION) as library:
        assert library.read_only
        with pytest.raises(LibraryError):
            library.add_analysis(putin_article(" more"))
    assert path.read_bytes() == before


def main_output(capsys, data: Path, *args: str) -> str:
    main(["library", "--data-dir", str(data), *args])
    return capsys.readouterr().out


def _no_room_to_grow_files() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


@pytest.mark.slow
def test_library_on_a_full_disk_can_be_read(tmp_path):
    """At 0 bytes free on the disk even ``search`` failed.

    The child process may not grow any file by one byte (``RLIMIT_FSIZE`` = 0), which is
    what a disk with no space left does to SQLite: its ``-shm`` cannot be grown and the
    write fails (EFBIG here, ENOSPC on a full disk; both are a disk I/O error to SQLite).
    """
    build_library(tmp_path, articles=1)
    path = library_path(tmp_path)
    before = path.read_bytes()
    for args in READS:
        done = run_cli(tmp_path, *args, "--format", "json", preexec_fn=_no_room_to_grow_files)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout), args
        assert done.stderr.splitlines() == [
            f"dramatis: {path}: {errors.LIBRARY_NOT_SAVING_NOTE}"
        ], args
    source = tmp_path / "new.txt"
    source.write_text("Nothing to see here.", encoding="utf-8")
    done = run_cli(tmp_path, "add", str(source), preexec_fn=_no_room_to_grow_files)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert path.read_bytes() == before
