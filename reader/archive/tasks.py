"""What runs on a worker: open one file's bytes, analyse some Articles; plain values back.

``open_file`` turns the bytes the client read into an ``Article`` (``Opened``), or says why
the file cannot be used: parsing a file (a PDF, an HTML page) is the slow and risky part of
opening it, and it runs here so that one slow file holds up one worker, never the client
. ``analyse_articles`` analyses a group of articles (``Articles``) as one parse
stream (``reader.pipeline.analyse_each``), loading the spaCy model once, on the first task
(``reader.nlp.parsing`` keeps it for the life of the process), and returns for each article
its ``Analysis``, or a ``Refused`` verdict when the article itself is the problem; one
refused article never stops the others. Bugs in the analysis are not caught: they reach
the client with their traceback. Nothing here touches a file on disk or the library.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reader.errors import ArticleError
from reader.model import Analysis, Article


@dataclass(frozen=True, slots=True)
class Refused:
    """The article with this content hash could not be analysed, and why (for the user)."""

    sha256: str
    problem: str


@dataclass(frozen=True, slots=True)
class FileBytes:
    """File ``index`` of a run: its path (for its format and its name) and its bytes."""

    index: int
    path: Path
    data: bytes


@dataclass(frozen=True, slots=True)
class Opened:
    """What file ``index`` of a run holds: its article, or why it cannot be used."""

    index: int
    article: Article | None
    problem: str | None = None


def open_file(file: FileBytes) -> Opened:
    """The article in ``file``'s bytes; any failure to read them is a ``problem``."""
    from reader.opening import open_each

    try:
        return Opened(file.index, open_each(file.path, file.data))
    except ArticleError as error:
        return Opened(file.index, None, error.problem)


@dataclass(frozen=True, slots=True)
class Articles:
    """Articles a worker analyses in one task, as one parse stream."""

    articles: tuple[Article, ...]


#: What a worker is asked to do: open a file's bytes, or analyse an article or several.
Job = FileBytes | Article | Articles
#: What it answers about one file or one article.
Result = Opened | Analysis | Refused


class Work(Protocol):
    """The jobs of a run, handed out as an engine has room for them; ``next_job`` is None
    when nothing can be done until a result arrives (or nothing is left)."""

    def next_job(self) -> Job | None: ...

    def take(self, result: Result) -> None: ...


def analyse_articles(group: Articles) -> tuple[Analysis | Refused, ...]:
    """The full analysis of each article of ``group``, in order (the model loaded on first
    use), parsed as one stream."""
    from reader.pipeline import analyse_each

    return tuple(outcome(article, result) for article, result in analyse_each(group.articles))


def outcome(article: Article, result: Analysis | ArticleError) -> Analysis | Refused:
    """What the client is told of one article: its analysis, or why it has none."""
    if isinstance(result, ArticleError):
        return Refused(article.sha256, result.problem)
    return result


def worker_version() -> str:
    """The analysis version this worker produces (checked against the client's)."""
    from reader.pipeline import analysis_version

    return analysis_version()


def load_model() -> tuple[int, float]:
    """Load the model now: ``(process id, seconds it took)``; 0 s if already loaded."""
    from reader.nlp.parsing import load_nlp

    started = time.perf_counter()
    load_nlp()
    return os.getpid(), time.perf_counter() - started


def peak_rss_mb() -> float:
    """Peak resident memory of this worker process, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """Processor time this worker process has used so far (user and system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
