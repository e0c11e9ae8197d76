"""Whole archives: analysis on every core, or on a Dask cluster, with one SQLite writer.

The contract, whichever engine runs the analysis:

- The client (the ``dramatis`` process) reads every file's bytes, checked for size first,
  and a worker opens them (parses them into an ``Article``, the slow and risky part), so
  that one slow file holds up one worker and never the client. The client
  deduplicates the articles before any is analysed: content already stored at the current
  analysis version, or already sent in this run, is never analysed again. Workers receive
  bytes and groups of ``Article`` values, each group analysed as one parse stream, and
  return ``Article``, ``Analysis`` and ``Refused`` values — plain, picklable data; they
  never need the files on disk or the library.
- The client is the only writer: each analysis is stored in its own transaction as it
  arrives, so a crash keeps everything finished and a re-run completes the rest.
- A worker that dies has its tasks retried on another (Dask's ``allowed-failures``); a
  group that keeps killing workers is sent again an article at a time, and an article
  that keeps killing workers is reported like a file that cannot be read. Since
  the library recognises content by its hash, a retried task never stores twice.

Modules: ``options`` (the ``--workers``/``--scheduler`` flags), ``address`` (the scheduler
address, checked as parsed), ``tasks`` (what runs on a worker), ``serial`` (the in-process
engine), ``engine`` (the Dask client side), ``probe`` (a bounded handshake with a scheduler
before Dask connects), ``runner`` (read, deduplicate, analyse, hand to a sink),
``sinks`` (the library and JSON lines), ``progress`` (the progress line). Nothing here
imports dask until a cluster is actually used: ``--workers 1`` runs without it.
"""
