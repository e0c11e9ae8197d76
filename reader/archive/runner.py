"""The client's side of a bulk run: open, deduplicate, analyse anywhere, hand to a sink.

Files are opened here, in order and only as the engine asks for more work: a file that
cannot be used, for whatever reason, is reported and skipped (as ``dramatis library add``
always did; issue 17: an encrypted Word file stopped the run), content the sink
already has is reused, content already sent in this run waits for that one analysis.
Verdicts are handed to the sink as they arrive, so a crash loses only what was in flight.
Ctrl+C ends the run cleanly: the engine is shut down and ``Run.interrupted`` is set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.archive.options import Cluster
from reader.archive.serial import InProcess
from reader.archive.sinks import JsonLinesSink, LibrarySink, Sink
from reader.archive.tasks import Refused
from reader.errors import ArticleError
from reader.library import AddResult, Library
from reader.library.core import Progress, expand_paths
from reader.model import Analysis, Article
from reader.opening import open_each

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
    """``dramatis library add``: in this process as always, or on a cluster."""
    paths = list(paths)
    files = list(expand_paths(paths))
    if cluster.in_process(len(files)):
        before = library.count()
        try:
            return Run.of(library.add_paths(files, progress=progress))
        except KeyboardInterrupt:
            return Run([], interrupted=True, added=library.count() - before)
    return run(files, LibrarySink(library), cluster, library.version, progress)


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
    """The files of one run and what became of each."""

    def __init__(self, files: list[Path], sink: Sink, progress: Progress | None) -> None:
        self.files = files
        self.sink = sink
        self.progress = progress
        self._outcomes: dict[int, AddResult] = {}
        #: Content sent for analysis -> the files (indices) that hold it.
        self._waiting: dict[str, list[int]] = {}

    def pending(self) -> Iterator[Article]:
        """The articles to analyse, opened one by one as the engine asks for them."""
        for index, file in enumerate(self.files):
            try:
                article = open_each(file)
            except ArticleError as error:
                self._resolve(index, None, False, error.problem)
                continue
            waiting = self._waiting.get(article.sha256)
            if waiting is not None:
                waiting.append(index)
                continue
            reused = self.sink.reuse(article)
            if reused is not None:
                self._resolve(index, reused, False)
                continue
            self._waiting[article.sha256] = [index]
            yield article

    def run(self, engine: InProcess | DaskEngine) -> None:
        """Analyse everything pending on ``engine``, keeping each verdict as it arrives."""
        for verdict in engine.map(self.pending()):
            self.take(verdict)

    def take(self, verdict: Analysis | Refused) -> None:
        """Keep a finished analysis (once for all its files), or report its files."""
        if isinstance(verdict, Refused):
            for index in self._waiting.pop(verdict.sha256):
                self._resolve(index, None, False, verdict.problem)
            return
        article_id, was_new = self.sink.put(verdict)
        first, *others = self._waiting.pop(verdict.article.sha256)
        self._resolve(first, article_id, was_new)
        for index in others:
            self._resolve(index, article_id, False)

    def results(self) -> list[AddResult]:
        return [self._outcomes[i] for i in sorted(self._outcomes)]

    def _resolve(
        self, index: int, article_id: int | None, was_new: bool, error: str | None = None
    ) -> None:
        file = str(self.files[index])
        self._outcomes[index] = AddResult(file, article_id, was_new, error)
        if self.progress is not None:
            self.progress(len(self._outcomes), len(self.files), file)
