"""``dramatis library`` on a temporary library: every subcommand, JSON shapes, exit codes.

The subprocess tests run the real command (and the real pipeline): one is killed with
SIGKILL in the middle of a bulk add, two others add to the same library at once.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_library_builder import ArticleBuilder, putin_article
from test_library_search import NASTY

from reader.cli import main
from reader.library import open_library
from reader.paths import library_path
from reader.pipeline import analysis_version
from reader.reading import Reading

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["library", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeded(tmp_path) -> Path:
    """A library holding two hand-built articles, current with the installed pipeline."""
    import dataclasses

    data = tmp_path / "data"
    version = analysis_version()
    with open_library(data) as library:
        library.add_analysis(dataclasses.replace(putin_article(), version=version))
        b = ArticleBuilder(title="Weather report", published="2023-01-05")
        b.actor("a1", "Ingrid Berg").text("Rain in Oslo. ")
        b.quote("Gas heating demand rose", "Ingrid Berg", "a1")
        library.add_analysis(b.build(version=version))
    return data


def test_search_json_and_text(capsys, seeded):
    code, out, _ = run(capsys, "--data-dir", str(seeded), "search", "gas", "--format", "json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 2
    assert set(hits[0]) == {"id", "title", "snippet", "score", "copies"}
    code, out, _ = run(capsys, "--data-dir", str(seeded), "search", "gas", "--actor", "Putin")
    assert code == 0 and "Putin and Scholz" in out and "Weather" not in out
    code, out, _ = run(
        capsys, "--data-dir", str(seeded), "search", "gas", "--limit", "1", "--format", "json"
    )
    assert len(json.loads(out)) == 1


@pytest.mark.parametrize("text", NASTY)
def test_search_any_text_exits_zero_with_a_list(capsys, seeded, text):
    code, out, _ = run(capsys, "--data-dir", str(seeded), "search", text, "--format", "json")
    assert code == 0 and isinstance(json.loads(out), list)


def test_search_finding_nothing_prints_empty_list(capsys, seeded):
    code, out, _ = run(capsys, "--data-dir", str(seeded), "search", "zebra", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_actors_and_said(capsys, seeded):
    code, out, _ = run(capsys, "--data-dir", str(seeded), "actors", "--format", "json")
    actors = json.loads(out)
    assert code == 0 and actors[0]["name"] == "Vladimir Putin" and actors[0]["statements"] == 2
    code, out, _ = run(capsys, "--data-dir", str(seeded), "said", "Putin", "--format", "json")
    said = json.loads(out)
    assert code == 0 and [s["kind"] for s in said] == ["direct", "direct"]
    assert {"article_id", "title", "text", "kind"} <= set(said[0])
    code, out, _ = run(capsys, "--data-dir", str(seeded), "said", "Nobody", "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "--data-dir", str(seeded), "actors")
    assert "Vladimir Putin (also Putin)" in out


def test_export_json_and_csv(capsys, seeded):
    code, out, _ = run(capsys, "--data-dir", str(seeded), "export")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 4
    assert rows[0]["actor"] == "Ingrid Berg" and rows[0]["title"] == "Weather report"
    code, out, _ = run(capsys, "--data-dir", str(seeded), "export", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(table) == 4 and table[-1]["actor"] == "Vladimir Putin"


def test_remove(capsys, seeded):
    code, out, _ = run(capsys, "--data-dir", str(seeded), "search", "Oslo", "--format", "json")
    [hit] = json.loads(out)
    assert run(capsys, "--data-dir", str(seeded), "remove", str(hit["id"]))[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(seeded), "search", "Oslo", "--format", "json")
    assert json.loads(out) == []
    code, _, err = run(capsys, "--data-dir", str(seeded), "remove", str(hit["id"]))
    assert code == 2 and "no article with id" in err


@pytest.mark.slow
def test_add_twice_keeps_one_article_and_reports_bad_files(capsys, tmp_path, sample_path):
    data = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(
        capsys, "--data-dir", str(data), "add", str(folder), str(tmp_path / "missing.txt")
    )
    assert code == 3  # some files skipped, the others stored
    assert "1 added, 1 already in the library, 1 skipped" in out
    assert "missing.txt: no such file" in err.splitlines()[-1]
    code, out, _ = run(capsys, "--data-dir", str(data), "add", str(sample_path))
    assert code == 0 and "0 added, 1 already" in out
    with open_library(data) as library:
        assert library.count() == 1


@pytest.mark.slow
def test_reanalyse_refreshes_stale_articles(capsys, tmp_path, sample_path):
    import dataclasses

    from reader.pipeline import analyse

    def old_rules(article):
        return dataclasses.replace(analyse(article), version="rules-0+old-model")

    data = tmp_path / "data"
    with open_library(data, version="rules-0+old-model") as library:
        Reading(library, old_rules).add_file(sample_path)
    code, out, _ = run(capsys, "--data-dir", str(data), "reanalyse")
    assert code == 0 and "1 article analysed again" in out
    with open_library(data) as library:
        assert library.stale_ids() == []


def test_data_dir_from_environment(capsys, seeded, monkeypatch):
    monkeypatch.setenv("DRAMATIS_DATA_DIR", str(seeded))
    code, out, _ = run(capsys, "search", "Oslo", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 1


def test_corrupt_library_gives_a_clear_message(capsys, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    library_path(data).write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "--data-dir", str(data), "search", "gas")
    assert code == 2 and "library file is damaged" in err
    assert library_path(data).read_bytes() == b"garbage" * 1000


# -- real subprocesses ------------------------------------------------------------------


def make_articles(folder: Path, count: int, sample: Path, seed: int) -> None:
    """Distinct, realistic articles: the sample's paragraphs shuffled and numbered."""
    paragraphs = [p for p in sample.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for n in range(count):
        chosen = rng.sample(paragraphs, k=min(8, len(paragraphs)))
        text = f"Report {seed}-{n}\n" + "\n".join(chosen) + "\n"
        (folder / f"article_{n:03d}.txt").write_text(text, encoding="utf-8")


def add_command(data: Path, *folders: Path) -> list[str]:
    return [sys.executable, "-m", "reader.cli", "library", "--data-dir", str(data), "add"] + [
        str(f) for f in folders
    ]


def stored_count(data: Path) -> int:
    path = library_path(data)
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.slow
def test_killed_in_the_middle_of_a_bulk_add(tmp_path, sample_path):
    data, folder = tmp_path / "data", tmp_path / "in"
    make_articles(folder, 30, sample_path, seed=1)
    process = subprocess.Popen(
        [*add_command(data, folder), "--workers", "1"],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Killed right after the third article is reported stored (its progress line), not
    # after a wall-clock wait.
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("added 3/"):
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    with open_library(data) as library:
        conn = library.connection
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = library.count()
        assert 3 <= count < 30
        # No half-stored article: each one has its entities and its full-text entry.
        empty = conn.execute(
            "SELECT count(*) FROM articles AS a WHERE NOT EXISTS "
            "(SELECT 1 FROM entities AS e WHERE e.article_id = a.id)"
        ).fetchone()[0]
        assert empty == 0
        indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        assert indexed == count
    again = subprocess.run(
        add_command(data, folder), cwd=ROOT, env=child_env(), capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    assert f"{30 - count} added, {count} already in the library" in again.stdout
    assert stored_count(data) == 30


@pytest.mark.slow
def test_two_processes_adding_at_once_both_succeed(tmp_path, sample_path):
    data = tmp_path / "data"
    first, second = tmp_path / "one", tmp_path / "two"
    make_articles(first, 6, sample_path, seed=2)
    make_articles(second, 6, sample_path, seed=3)
    processes = [
        subprocess.Popen(
            add_command(data, folder),
            cwd=ROOT,
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    outputs = [p.communicate(timeout=300) for p in processes]
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    assert stored_count(data) == 12
