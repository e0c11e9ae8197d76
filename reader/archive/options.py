"""Where analyses run: the ``--workers N|auto`` and ``--scheduler ADDRESS`` flags.

``--workers 1`` analyses in this process; ``N`` starts a local Dask cluster of N worker
processes; ``auto`` (the default) uses every core, but only for work large enough to pay
for starting the cluster and loading the model in each worker (``AUTO_MIN_FILES``).
``--scheduler`` sends the work to an existing Dask cluster instead.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from reader import errors
from reader.archive.address import scheduler_address
from reader.opening.limits import cut

#: With ``--workers auto``, fewer files than this are analysed in this process: starting a
#: local cluster and loading the model in each worker costs about 7 s on two cores
#: (docs/PERFORMANCE.md), which 2 workers win back only after about 100 articles.
AUTO_MIN_FILES = 100
#: Local workers per core at most: each is a process with its own copy of the model (about
#: 200 MB), and the analysis is bound by the processor, so more than a few per core only
#: fills memory (``--workers 999999999999999999999`` was killed by the kernel).
MAX_WORKERS_PER_CORE = 4
#: A mistaken value is repeated in the message up to this length.
SHOWN_VALUE_CHARS = 40


def max_local_workers() -> int:
    """The most local worker processes ``--workers`` accepts on this machine."""
    return MAX_WORKERS_PER_CORE * (os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Cluster:
    """``workers``: a number of local processes, or None for auto; ``scheduler``: the
    address of an existing Dask scheduler (then ``workers`` is not used)."""

    workers: int | None = 1
    scheduler: str | None = None

    def local_workers(self, files: int) -> int:
        """How many local processes to analyse ``files`` files with (1: in this process)."""
        if self.workers is not None:
            return self.workers
        cores = os.cpu_count() or 1
        return cores if files >= AUTO_MIN_FILES else 1

    def in_process(self, files: int) -> bool:
        return self.scheduler is None and self.local_workers(files) == 1


def parse_workers(value: str) -> int | None:
    """``--workers``: a positive number, or ``auto`` (None)."""
    if value.strip().lower() == "auto":
        return None
    try:
        number = int(value)
    except ValueError:
        number = 0
    shown = cut(value, SHOWN_VALUE_CHARS)
    if number < 1:
        raise argparse.ArgumentTypeError(errors.WORKERS_VALUE.format(value=shown))
    if number > max_local_workers():
        message = errors.WORKERS_TOO_MANY.format(
            value=shown, limit=max_local_workers(), per_core=MAX_WORKERS_PER_CORE
        )
        raise argparse.ArgumentTypeError(message)
    return number


def add_cluster_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``--workers`` and ``--scheduler`` flags (one or the other)."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=parse_workers,
        default=None,
        metavar="N",
        help="analyse on N local processes (default: auto, one per core for 100 files or "
        "more; 1: in this process)",
    )
    where.add_argument(
        "--scheduler",
        type=scheduler_address,
        metavar="ADDRESS",
        help="analyse on an existing Dask cluster (e.g. tcp://host:8786) with Dramatis "
        "installed on every worker",
    )


def cluster_from(args: argparse.Namespace) -> Cluster:
    return Cluster(workers=args.workers, scheduler=args.scheduler)
