"""Whole archives on every core and on a Dask cluster.

A real local cluster of worker processes adds a folder and must give exactly the library
that ``--workers 1`` gives; a worker killed with SIGKILL mid-run, the client killed with
SIGKILL mid-run and Ctrl+C must all end with every article stored once. The cluster the
``--scheduler`` tests use is started here, on 127.0.0.1 only. The first tests need no
cluster and no model: the client-side bookkeeping, the progress line and the flags.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from article_fixtures import encrypted_zip, write_docx
from test_library_cli import stored_count

from reader import errors
from reader.archive import progress as progress_module
from reader.archive.options import AUTO_MIN_FILES, Cluster, parse_workers
from reader.archive.progress import RateProgress, format_duration
from reader.archive.runner import Batch
from reader.archive.sinks import JsonLinesSink
from reader.archive.tasks import Articles, FileBytes, Opened, Refused, Work, open_file
from reader.cli import main
from reader.library import open_library
from reader.model import Analysis, Article
from reader.opening import article_from_text
from reader.paths import library_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"
#: Distinct articles in the shared folder (plus one repeat and three bad files).
ARTICLES = 12
#: What ``library add`` and ``batch`` exit with when they skip some files.
SOME_SKIPPED = 3


# -- the client's bookkeeping, without a cluster or a model ---------------------------------


class MemorySink:
    """A sink that remembers what it was given."""

    def __init__(self, known: dict[str, int] | None = None) -> None:
        self.known = dict(known or {})
        self.put_count = 0

    def reuse(self, article: Article) -> int | None:
        return self.known.get(article.sha256)

    def put(self, analysis: Analysis) -> tuple[int, bool]:
        self.put_count += 1
        self.known[analysis.article.sha256] = 100 + self.put_count
        return 100 + self.put_count, True


def empty_analysis(article: Article) -> Analysis:
    return Analysis(article=article, entities=(), quotes=(), actors=(), version="test")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


class Recording:
    """An engine that opens files in this process, gives every article ``verdict``, and
    records the jobs it was given."""

    def __init__(self, verdict: Callable[[Article], Analysis | Refused] = empty_analysis) -> None:
        self.verdict = verdict
        self.opened: list[Path] = []
        self.analysed: list[Article] = []

    def run(self, work: Work) -> None:
        job = work.next_job()
        while job is not None:
            if isinstance(job, FileBytes):
                self.opened.append(job.path)
                work.take(open_file(job))
            else:
                self.analysed.append(job)
                work.take(self.verdict(job))
            job = work.next_job()


def test_batch_sends_each_content_once_and_never_what_is_stored(tmp_path):
    """Already-stored content and repeats within the run are never sent."""
    stored = write(tmp_path, "a.txt", "Alice said hello.\n")
    new = write(tmp_path, "b.txt", "Bob said goodbye.\n")
    repeat = write(tmp_path, "c.txt", "Bob said goodbye.\n")
    empty = write(tmp_path, "d.txt", "")
    sink = MemorySink({article_from_text("Alice said hello.\n").sha256: 7})
    batch = Batch([stored, new, repeat, empty], sink, None)
    engine = Recording()
    batch.run(engine)  # type: ignore[arg-type]
    assert [a.text for a in engine.analysed] == ["Bob said goodbye.\n"]
    results = batch.results()
    assert [(r.article_id, r.was_new, r.error) for r in results] == [
        (7, False, None),
        (101, True, None),
        (101, False, None),
        (None, False, errors.EMPTY),
    ]
    assert sink.put_count == 1


def test_batch_reports_every_file_of_a_refused_article(tmp_path):
    first = write(tmp_path, "a.txt", "Carol said yes.\n")
    second = write(tmp_path, "b.txt", "Carol said yes.\n")
    progress_calls: list[tuple[int, int]] = []
    batch = Batch([first, second], MemorySink(), lambda d, t, _: progress_calls.append((d, t)))
    engine = Recording(lambda article: Refused(article.sha256, "the worker died"))
    batch.run(engine)  # type: ignore[arg-type]
    assert len(engine.analysed) == 1
    assert [(r.path, r.error) for r in batch.results()] == [
        (str(first), "the worker died"),
        (str(second), "the worker died"),
    ]
    assert progress_calls == [(1, 2), (2, 2)]


def test_the_client_reads_files_but_never_opens_them(tmp_path, monkeypatch):
    """In archive mode files are opened (parsed) by the engine's workers, so one
    slow file cannot stall the client; the client only reads bytes, checked first."""
    import reader.opening

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the client parsed a file")

    good = write(tmp_path, "a.txt", "Alice said hello.\n")
    (tmp_path / "big.txt").write_bytes(b"x")
    missing = tmp_path / "missing.pdf"
    monkeypatch.setattr(reader.opening, "open_article", never)
    monkeypatch.setattr(reader.opening, "MAX_FILE_BYTES", 0)  # checked on the size first
    batch = Batch([good, tmp_path / "big.txt", missing], MemorySink(), None)
    jobs = []
    while (job := batch.next_job()) is not None:
        jobs.append(job)
    assert jobs == []  # every file refused before it was read: nothing to open
    assert [r.error is not None for r in batch.results()] == [True, True, True]
    monkeypatch.setattr(reader.opening, "MAX_FILE_BYTES", 1024)
    batch = Batch([good, missing], MemorySink(), None)
    (job,) = [batch.next_job(), batch.next_job()][:1]
    assert batch.next_job() is None
    assert isinstance(job, FileBytes)
    assert (job.index, job.path, job.data) == (0, good, b"Alice said hello.\n")
    assert batch.results()[0].error == errors.MISSING  # read, not parsed, on the client
    monkeypatch.undo()
    batch.take(open_file(job))  # what a worker does with it
    (article,) = [batch.next_job()]
    assert isinstance(article, Article) and article.text == "Alice said hello.\n"


def test_json_lines_escape_line_separators(tmp_path):
    out = io.StringIO()
    sink = JsonLinesSink(out)
    article = article_from_text("One\u2028two said Dana.\n")
    assert sink.put(empty_analysis(article)) == (1, True)
    assert sink.reuse(article) == 1
    (line,) = out.getvalue().splitlines()
    assert "\u2028" not in line
    assert json.loads(line)["text"] == article.text


def test_workers_flag_values():
    assert parse_workers("auto") is None
    assert parse_workers("3") == 3
    for bad in ("0", "-2", "many"):
        with pytest.raises(Exception, match="number of workers"):
            parse_workers(bad)


def test_workers_are_bounded_by_the_cores(monkeypatch, capsys):
    """--workers 999999999999999999999 started processes until the kernel killed
    the command; now it is one line and exit 2, and so is any count past 4 a core."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert parse_workers("8") == 8
    for bad in ("9", "999999999999999999999"):
        with pytest.raises(Exception, match="at most 8 local workers"):
            parse_workers(bad)
    with pytest.raises(Exception, match="number of workers") as caught:
        parse_workers("9" * 100_000)  # more digits than Python reads as a number
    assert len(str(caught.value)) < 200
    from reader.cli import main

    assert main(["batch", "--workers", "999999999999999999999", "x.txt"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "at most 8 local workers on this machine" in line


def test_auto_uses_a_cluster_only_for_large_runs(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    auto = Cluster(workers=None)
    assert auto.in_process(AUTO_MIN_FILES - 1)
    assert auto.local_workers(AUTO_MIN_FILES) == 4
    assert Cluster(workers=1).in_process(10**6)
    assert not Cluster(workers=2).in_process(1)
    assert not Cluster(workers=1, scheduler="tcp://127.0.0.1:1").in_process(1)


def test_progress_line_shows_rate_and_time_left():
    now = [100.0]
    stream = io.StringIO()
    bar = RateProgress(stream, clock=lambda: now[0])
    bar(1, 80, "a")
    assert stream.getvalue() == "added 1/80\n"  # no rate from a single file
    for done in range(2, 9):
        now[0] += 0.5
        bar(done, 80, "x")
    assert bar.rate() == pytest.approx(2.0)
    assert bar.line(8, 80).endswith("8/80  2.0 articles/s  ETA 0:36")
    assert "ETA" not in bar.line(80, 80)
    assert stream.getvalue().splitlines()[-1] == "added 8/80  2.0 articles/s  ETA 0:36"
    assert format_duration(3725) == "1:02:05"
    assert progress_module.WINDOW >= 10


def test_killed_worker_becomes_a_refused_verdict():
    """An article that killed its workers is reported, not fatal."""
    from distributed import KilledWorker

    from reader.archive.engine import DaskEngine

    class DeadFuture:
        status = "error"

        def exception(self) -> BaseException:
            return KilledWorker("dramatis-analyse-x", None, 3)  # type: ignore[arg-type]

    engine = DaskEngine.__new__(DaskEngine)
    article = article_from_text("Dana said no.\n")
    (verdict,) = engine._results(DeadFuture(), Articles((article,)))  # type: ignore[arg-type]
    assert isinstance(verdict, Refused)
    assert verdict.sha256 == article.sha256 and "died 4 times" in verdict.problem
    # A group whose task killed its workers is sent again an article at a time, so that
    # the one article that kills them is refused and the others analysed.
    other = article_from_text("Eve said yes.\n")
    again = engine._results(DeadFuture(), Articles((article, other)))  # type: ignore[arg-type]
    assert again == [Articles((article,)), Articles((other,))]
    # A file whose opening killed its workers is reported the same way.
    opened = engine._results(DeadFuture(), FileBytes(3, Path("x.pdf"), b""))  # type: ignore[arg-type]
    assert opened == [Opened(3, None, verdict.problem)]


# -- real runs: articles, a reference library, a cluster ------------------------------------


def make_articles(folder: Path, count: int, seed: int, paragraphs: int = 5) -> list[Path]:
    """Distinct, realistic articles: the sample's paragraphs shuffled and numbered."""
    lines = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        chosen = rng.sample(lines, k=min(paragraphs, len(lines)))
        text = f"Dispatch {seed}-{n}\n" + "\n".join(chosen) + "\n"
        paths.append(write(folder, f"article_{n:03d}.txt", text))
    return paths


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Distinct articles, one repeated, one empty file, one damaged PDF and one Word file
    whose zip members are encrypted (it stopped every bulk run)."""
    root = tmp_path_factory.mktemp("archive") / "in"
    paths = make_articles(root, ARTICLES, seed=11)
    write(root, "repeat.txt", paths[0].read_text(encoding="utf-8"))
    write(root, "empty.txt", "")
    (root / "damaged.pdf").write_bytes(b"%PDF-1.4 not really")
    docx = write_docx(tmp_path_factory.mktemp("docx") / "story.docx")
    (root / "encrypted.docx").write_bytes(encrypted_zip(docx.read_bytes()))
    return root


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def add_command(data: Path, folder: Path, *flags: str) -> list[str]:
    command = [sys.executable, "-m", "reader.cli", "library", "--data-dir", str(data), "add"]
    return [*command, str(folder), *flags]


#: Runs ``dramatis library add --workers 1`` and says whether dask was imported.
IN_PROCESS = (
    "import sys\n"
    "from reader.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('dask imported:', 'dask' in sys.modules)\n"
    "sys.exit(code)\n"
)


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The library ``--workers 1`` makes of the folder, in a process of its own."""
    data = tmp_path_factory.mktemp("reference")
    arguments = ["library", "--data-dir", str(data), "add", str(folder), "--workers", "1"]
    done = subprocess.run(
        [sys.executable, "-c", IN_PROCESS, *arguments],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == SOME_SKIPPED, done.stderr
    return data, done


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[str, Any, Any]]:
    """A local cluster of two worker processes on 127.0.0.1, as a user would start one."""
    import logging

    from distributed import Client, LocalCluster

    local = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    client = Client(local, set_as_default=False)
    try:
        yield local.scheduler_address, client, local.scheduler
    finally:
        client.close()
        local.close()


def snapshot(data: Path) -> dict[str, list[tuple]]:
    """Everything a library holds, by content (ids and times left out: they differ)."""
    conn = sqlite3.connect(library_path(data))
    try:
        queries = {
            "articles": "SELECT sha256, title, text, source, analysis_version FROM articles",
            "statements": """SELECT a.sha256, s.seq, s.start, s."end", s.text, s.kind,
                    s.speaker, s.cue, s.local_actor, x.name
                FROM statements AS s JOIN articles AS a ON a.id = s.article_id
                LEFT JOIN actors AS x ON x.id = s.actor_id""",
            "entities": """SELECT a.sha256, e.start, e."end", e.label, e.local_actor
                FROM entities AS e JOIN articles AS a ON a.id = e.article_id""",
            "article actors": """SELECT a.sha256, l.local_id, l.name, l.kind, l.aliases,
                    l.mentions, l.quotes, x.name
                FROM article_actors AS l JOIN articles AS a ON a.id = l.article_id
                JOIN actors AS x ON x.id = l.actor_id""",
            "actors": "SELECT name, kind FROM actors",
        }
        return {name: sorted(conn.execute(sql).fetchall()) for name, sql in queries.items()}
    finally:
        conn.close()


def assert_complete(data: Path, expected: int) -> None:
    """Every article once, each with its analysis and its search entry; file sound."""
    with open_library(data) as library:
        conn = library.connection
        assert library.integrity_ok()
        assert library.count() == expected
        distinct = conn.execute("SELECT count(DISTINCT sha256) FROM articles").fetchone()[0]
        assert distinct == expected
        bare = conn.execute(
            "SELECT count(*) FROM articles AS a WHERE NOT EXISTS "
            "(SELECT 1 FROM entities AS e WHERE e.article_id = a.id)"
        ).fetchone()[0]
        assert bare == 0
        indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        assert indexed == expected


def failure_lines(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith("dramatis: "))


def wait_until(condition, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.slow
def test_one_worker_runs_in_this_process_without_dask(reference):
    _, done = reference
    assert f"{ARTICLES} added, 1 already in the library, 3 skipped" in done.stdout
    assert "dask imported: False" in done.stdout
    assert "Traceback" not in done.stderr
    failures = failure_lines(done.stderr)
    assert len(failures) == 3
    assert any("empty.txt" in f and errors.EMPTY in f for f in failures)
    assert any("damaged.pdf" in f for f in failures)
    assert any("encrypted.docx" in f and errors.DOCX_ENCRYPTED in f for f in failures)


@pytest.mark.slow
def test_local_cluster_of_two_gives_the_same_library(tmp_path, folder, reference, capsys):
    reference_data, reference_run = reference
    data = tmp_path / "data"
    code = main(["library", "--data-dir", str(data), "add", str(folder), "--workers", "2"])
    out, err = capsys.readouterr()
    assert code == SOME_SKIPPED, err
    assert f"{ARTICLES} added, 1 already in the library, 3 skipped" in out
    assert failure_lines(err) == failure_lines(reference_run.stderr)
    assert snapshot(data) == snapshot(reference_data)
    assert_complete(data, ARTICLES)


def sent_keys_plugin():  # type: ignore[no-untyped-def]
    """A scheduler plugin noting the analysis tasks the scheduler is given."""
    from distributed.diagnostics.plugin import SchedulerPlugin

    class SentKeys(SchedulerPlugin):
        name = "test-sent-keys"

        def __init__(self) -> None:
            self.keys: list[str] = []

        def update_graph(self, scheduler, *, keys, **kwargs) -> None:  # type: ignore[no-untyped-def]
            self.keys += [str(k) for k in keys if str(k).startswith("dramatis-analyse-")]

    return SentKeys()


def articles_sent(keys: list[str]) -> int:
    """Articles sent for analysis: each task's key ends with how many it analyses."""
    return sum(int(key.rsplit("-", 1)[1]) for key in keys)


@pytest.mark.slow
def test_scheduler_address_runs_on_that_cluster(
    request, tmp_path, folder, reference, cluster, capsys
):
    address, _, scheduler = cluster
    assert address.startswith("tcp://127.0.0.1:")
    sent = sent_keys_plugin()
    scheduler.add_plugin(sent)
    request.addfinalizer(lambda: scheduler.remove_plugin(name=sent.name))
    data = tmp_path / "data"
    command = ["library", "--data-dir", str(data), "add", str(folder), "--scheduler", address]
    assert main(command) == SOME_SKIPPED
    out, _ = capsys.readouterr()
    assert f"{ARTICLES} added, 1 already in the library, 3 skipped" in out
    assert snapshot(data) == snapshot(reference[0])
    assert articles_sent(sent.keys) == ARTICLES  # the repeat was not sent

    # Everything is stored at the current version: a second run sends nothing.
    assert main(command) == SOME_SKIPPED
    out, _ = capsys.readouterr()
    assert f"0 added, {ARTICLES + 1} already in the library, 3 skipped" in out
    assert articles_sent(sent.keys) == ARTICLES


@pytest.mark.slow
def test_files_are_opened_on_the_workers(tmp_path, folder, reference, cluster, capsys, monkeypatch):
    """The client of a cluster never parses a file, so one slow file cannot
    stall the import; the workers open them and report those they cannot use."""
    import reader.opening

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the client parsed a file")

    monkeypatch.setattr(reader.opening, "open_article", never)  # here, not on the workers
    address, _, _ = cluster
    data = tmp_path / "data"
    command = ["library", "--data-dir", str(data), "add", str(folder), "--scheduler", address]
    assert main(command) == SOME_SKIPPED
    out, err = capsys.readouterr()
    assert f"{ARTICLES} added, 1 already in the library, 3 skipped" in out
    assert failure_lines(err) == failure_lines(reference[1].stderr)
    assert snapshot(data) == snapshot(reference[0])


def _worker_settings() -> tuple[str | None, bool, bool]:
    import dask

    return (
        os.environ.get("MALLOC_TRIM_THRESHOLD_"),
        bool(dask.config.get("distributed.worker.profile.enabled")),
        signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
    )


@pytest.mark.slow
def test_local_workers_run_without_dask_overheads_and_leave_ctrl_c_to_the_client():
    """No heap-trim override, no profiler (20 % slower analysis in a worker);
    every socket on loopback."""
    import psutil

    from reader.archive.engine import start_local

    client, local = start_local(1)
    try:
        (settings,) = client.run(_worker_settings).values()
        pids = [os.getpid(), *client.run(os.getpid).values()]
        listening = {
            c.laddr.ip
            for pid in pids
            for c in psutil.Process(pid).net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        }
    finally:
        client.close()
        local.close()
    assert settings == (None, False, True)
    assert listening == {"127.0.0.1"}  # nothing reachable from another machine


@pytest.mark.slow
def test_workers_of_another_version_are_refused(cluster):
    from reader.archive.engine import DaskEngine

    address, _, _ = cluster
    with pytest.raises(errors.DramatisError, match="analyse with rules-"):
        DaskEngine.start("rules-0+some-other-model", workers=0, scheduler=address)


@pytest.mark.slow
def test_json_lines_match_the_library(tmp_path, folder, reference, cluster, capsys):
    address, _, _ = cluster
    out_file = tmp_path / "out.jsonl"
    code = main(["batch", "--jsonl", str(out_file), str(folder), "--scheduler", address])
    _, err = capsys.readouterr()
    assert code == SOME_SKIPPED, err
    assert f"{ARTICLES} analysed, 1 repeated content, 3 skipped" in err
    lines = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == ARTICLES and {d["schema"] for d in lines} == {2}
    reference_articles = snapshot(reference[0])["articles"]
    assert sorted((d["sha256"], d["text"]) for d in lines) == sorted(
        (sha, text) for sha, _, text, _, _ in reference_articles
    )
    statements = sorted(
        (d["sha256"], seq, q["start"], q["end"], q["text"], q["kind"], q["speaker"], q["cue"])
        for d in lines
        for seq, q in enumerate(d["quotes"])
    )
    assert statements == sorted(s[:8] for s in snapshot(reference[0])["statements"])


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_nothing(tmp_path, cluster, capsys):
    """kill -9 of a worker: its tasks run elsewhere, every article stored once."""
    address, client, _ = cluster
    client.wait_for_workers(2, timeout=60)  # type: ignore[attr-defined]
    count = 24
    articles = make_articles(tmp_path / "in", count, seed=12, paragraphs=8)
    data = tmp_path / "data"
    killed: dict[str, int] = {}

    def kill_a_busy_worker() -> None:
        wait_until(lambda: stored_count(data) >= 2)
        pids = client.run(os.getpid)  # type: ignore[attr-defined]
        busy = [w for w, keys in client.processing().items() if keys]  # type: ignore[attr-defined]
        killed["stored"] = stored_count(data)
        killed["pid"] = pids[busy[0]]
        os.kill(killed["pid"], signal.SIGKILL)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    where = ["--scheduler", address]
    code = main(["library", "--data-dir", str(data), "add", str(articles[0].parent), *where])
    killer.join(timeout=60)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert killed["stored"] < count, "the worker was killed after the run"
    with pytest.raises(ProcessLookupError):
        os.kill(killed["pid"], 0)
    assert f"{count} added, 0 already in the library, 0 skipped" in out
    assert_complete(data, count)
    client.wait_for_workers(2, timeout=60)  # type: ignore[attr-defined]


def descendants(pid: int) -> list[int]:
    import psutil

    return [p.pid for p in psutil.Process(pid).children(recursive=True)]


def assert_gone(pids: list[int], timeout: float = 30) -> None:
    """The processes end on their own; any left is killed (they are ours) and reported."""
    import psutil

    deadline = time.monotonic() + timeout
    alive = [p for p in pids if psutil.pid_exists(p)]
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if psutil.pid_exists(p) and not _zombie(p)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, f"processes left behind: {alive}"


def _zombie(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.mark.slow
def test_client_killed_mid_run_then_run_again(tmp_path, cluster):
    """kill -9 of the client: what finished is kept, a re-run adds the rest."""
    address, _, _ = cluster
    count = 24
    folder = make_articles(tmp_path / "in", count, seed=13, paragraphs=8)[0].parent
    data = tmp_path / "data"
    process = subprocess.Popen(
        add_command(data, folder, "--workers", "2"),
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until(lambda: stored_count(data) >= 3 or process.poll() is not None)
    workers = descendants(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert_gone(workers)
    kept = stored_count(data)
    assert 3 <= kept < count
    assert_complete(data, kept)

    again = subprocess.run(
        add_command(data, folder, "--scheduler", address),
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert f"{count - kept} added, {kept} already in the library, 0 skipped" in again.stdout
    assert_complete(data, count)


@pytest.mark.slow
def test_ctrl_c_shuts_the_cluster_down_and_keeps_what_finished(tmp_path):
    """Ctrl+C reaches the whole process group, as from a terminal."""
    count = 24
    folder = make_articles(tmp_path / "in", count, seed=14, paragraphs=8)[0].parent
    data = tmp_path / "data"
    process = subprocess.Popen(
        add_command(data, folder, "--workers", "2"),
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # As from a terminal: Ctrl+C interrupts. A test runner's worker may ignore SIGINT,
        # and an ignored signal stays ignored in the programs it starts.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    wait_until(lambda: stored_count(data) >= 3 or process.poll() is not None)
    workers = descendants(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    kept = stored_count(data)
    assert 3 <= kept < count
    last = err.strip().splitlines()[-1]
    assert last == "dramatis: " + errors.INTERRUPTED_KEPT.format(kept=f"{kept} articles")
    assert_gone(workers)
    assert_complete(data, kept)
