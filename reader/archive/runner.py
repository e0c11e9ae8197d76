"""The client's side of a bulk run: read, deduplicate, analyse anywhere, hand to a sink.

Files are read here, in order and only as the engine asks for more work, but opened
(parsed into an ``Article``) by the engine: on a worker of a cluster, so that one slow file
holds up one worker and never the client. Only the files' bytes travel; the
workers need no access to them. A file that cannot be used, for whatever reason, is
reported and skipped (an encrypted Word file stopped the run); content the
sink already has is reused, content already sent in this run waits for that one analysis.
Verdicts are handed to the sink as they arrive, so a crash loses only what was in flight.
Ctrl+C ends the run cleanly: the engine is shut down and ``Run.interrupted`` is set. In this
process (``--workers 1``) the files are opened as the analysis reaches them and their
articles analysed as one parse stream (``serial.InProcess``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.archive.options import Cluster
from reader.archive.serial import InProcess
from reader.archive.sinks import JsonLinesSink, LibrarySink, Sink
from reader.archive.tasks import FileBytes, Opened, Refused, Result
from reader.errors import ArticleError
from reader.library import AddResult, DamagedRecordError, Library
from reader.model import Article
from reader.opening import read_file
from reader.reading import Progress, expand_paths

if TYPE_CHECKING:
    from reader.archive.engine import DaskEngine


@dataclass(frozen=True, slots=True)
class Run:
    """What became of each file, in the order given (files not reached are left out)."""

    results: list[AddResult]
    interrupted: bool = False
    #: Articles new to the sink (when interrupted, the ones kept).
    added: int = 0

    @classmethod
    def of(cls, results: list[AddResult], interrupted: bool = False) -> Run:
        return cls(results, interrupted, sum(1 for r in results if r.was_new))


def add_to_library(
    library: Library,
    paths: Iterable[str | Path],
    cluster: Cluster,
    progress: Progress | None = None,
) -> Run:
    """``dramatis library add``: in this process, or on a cluster."""
    files = list(expand_paths(paths))
    if cluster.in_process(len(files)):
        # A library that cannot be written to stops the run before anything is analysed.
        library.verify()
    before = library.count()
    done = run(files, LibrarySink(library), cluster, library.version, progress)
    if done.interrupted:
        # What the library holds is the truth: an interrupt between an article's storing
        # and its outcome being noted would otherwise be counted one short.
        return Run(done.results, interrupted=True, added=library.count() - before)
    return done


def write_json_lines(
    stream: TextIO,
    paths: Iterable[str | Path],
    cluster: Cluster,
    progress: Progress | None = None,
) -> Run:
    """One schema-1 analysis per line for each distinct article in ``paths``."""
    from reader.pipeline import analysis_version

    files = list(expand_paths(paths))
    return run(files, JsonLinesSink(stream), cluster, analysis_version(), progress)


def run(
    files: list[Path],
    sink: Sink,
    cluster: Cluster,
    expected_version: str,
    progress: Progress | None = None,
) -> Run:
    """Analyse ``files`` with the engine ``cluster`` asks for and hand them to ``sink``."""
    batch = Batch(files, sink, progress)
    try:
        with _engine(cluster, len(files), expected_version) as engine:
            batch.run(engine)
    except KeyboardInterrupt:
        return Run.of(batch.results(), interrupted=True)
    return Run.of(batch.results())


def _engine(cluster: Cluster, files: int, expected_version: str) -> InProcess | DaskEngine:
    """The engine for ``files`` files; dask is imported only when a cluster is used."""
    if cluster.in_process(files):
        return InProcess()
    from reader.archive.engine import DaskEngine

    return DaskEngine.start(expected_version, cluster.local_workers(files), cluster.scheduler)


class Batch:
    """The files of one run and what became of each (the ``Work`` an engine runs)."""

    def __init__(self, files: list[Path], sink: Sink, progress: Progress | None) -> None:
        self.files = files
        self.sink = sink
        self.progress = progress
        self._outcomes: dict[int, AddResult] = {}
        #: Content sent for analysis -> the files (indices) that hold it.
        self._waiting: dict[str, list[int]] = {}
        #: Content refused in this run -> why: never sent again (it may kill workers).
        self._refused: dict[str, str] = {}
        #: Opened articles to analyse, sent before any more files are read.
        self._ready: deque[Article] = deque()
        self._next_file = 0

    def next_job(self) -> FileBytes | Article | None:
        """An article to analyse, else the next file's bytes to open; None while there is
        nothing to do until a result arrives."""
        if self._ready:
            return self._ready.popleft()
        while self._next_file < len(self.files):
            index, file = self._next_file, self.files[self._next_file]
            self._next_file += 1
            try:
                return FileBytes(index, file, read_file(file))
            except ArticleError as error:
                self._resolve(index, None, False, error.problem)
        return None

    def run(self, engine: InProcess | DaskEngine) -> None:
        """Open and analyse every file on ``engine``, keeping each verdict as it arrives."""
        engine.run(self)

    def take(self, result: Result) -> None:
        """Keep what a job gave back: an opened file, a finished analysis (once for all
        its files), or a verdict on an article, reported for each of its files."""
        if isinstance(result, Opened):
            self._opened(result)
            return
        if isinstance(result, Refused):
            self._refused[result.sha256] = result.problem
            for index in self._waiting.pop(result.sha256):
                self._resolve(index, None, False, result.problem)
            return
        article_id, was_new = self.sink.put(result)
        first, *others = self._waiting.pop(result.article.sha256)
        self._resolve(first, article_id, was_new)
        for index in others:
            self._resolve(index, article_id, False)

    def _opened(self, opened: Opened) -> None:
        index, article = opened.index, opened.article
        if article is None:
            self._resolve(index, None, False, opened.problem)
            return
        waiting = self._waiting.get(article.sha256)
        if waiting is not None:
            waiting.append(index)
            return
        if article.sha256 in self._refused:
            self._resolve(index, None, False, self._refused[article.sha256])
            return
        try:
            reused = self.sink.reuse(article)
        except DamagedRecordError as error:
            # Stored, but not readable: the file is reported, and the run goes on.
            self._resolve(index, None, False, error.problem)
            return
        if reused is not None:
            self._resolve(index, reused, False)
            return
        self._waiting[article.sha256] = [index]
        self._ready.append(article)

    def results(self) -> list[AddResult]:
        return [self._outcomes[i] for i in sorted(self._outcomes)]

    def _resolve(
        self, index: int, article_id: int | None, was_new: bool, error: str | None = None
    ) -> None:
        file = str(self.files[index])
        self._outcomes[index] = AddResult(file, article_id, was_new, error)
        if self.progress is not None:
            self.progress(len(self._outcomes), len(self.files), file)
