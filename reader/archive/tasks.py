"""What runs on a worker: analyse one Article and return plain values.

A worker loads the spaCy model once, on its first task (``reader.nlp.parsing`` keeps it for the
life of the process), and returns the ``Analysis``, or a ``Refused`` verdict when the
article itself is the problem. Bugs are not caught: they reach the client with their
traceback. Nothing here touches a file or the library.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass

from reader.errors import ArticleError
from reader.model import Analysis, Article


@dataclass(frozen=True, slots=True)
class Refused:
    """The article with this content hash could not be analysed, and why (for the user)."""

    sha256: str
    problem: str


def analyse_article(article: Article) -> Analysis | Refused:
    """The full analysis of one article (the model loaded on first use)."""
    from reader.pipeline import analyse

    try:
        return analyse(article)
    except ArticleError as error:
        return Refused(article.sha256, error.problem)


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
