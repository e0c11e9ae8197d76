"""Whole archives: analysis on every core, or on a Dask cluster, with one SQLite writer.

The contract, whichever engine runs the analysis:

- The client (the ``dramatis`` process) opens every file itself, hashes its text and
  deduplicates before anything is sent: content already stored at the current analysis
  version, or already sent in this run, is never analysed again. Workers receive
  ``Article`` values and return ``Analysis`` values (or a ``Refused`` verdict) — plain,
  picklable data; they never see a file or the library.
- The client is the only writer: each analysis is stored in its own transaction as it
  arrives, so a crash keeps everything finished and a re-run completes the rest.
- A worker that dies has its tasks retried on another (Dask's ``allowed-failures``); an
  article that keeps killing workers is reported like a file that cannot be read. Since
  the library recognises content by its hash, a retried task never stores twice.

Modules: ``options`` (the ``--workers``/``--scheduler`` flags), ``tasks`` (what runs on a
worker), ``serial`` (the in-process engine), ``engine`` (the Dask client side; the only
module that imports dask), ``runner`` (open, deduplicate, analyse, hand to a sink),
``sinks`` (the library and JSON lines), ``progress`` (the progress line). Nothing here
imports dask until a cluster is actually used: ``--workers 1`` runs without it.
"""
