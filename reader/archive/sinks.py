"""Where finished analyses go: the library (one transaction each) or a JSON-lines stream.

A sink answers two questions for the runner: is this content already done (``reuse``:
its id, so that it is never sent), and where does a new analysis go (``put``).
"""

from __future__ import annotations

from typing import Protocol, TextIO

from reader import errors
from reader.errors import LibraryError
from reader.library import Library
from reader.model import Analysis, Article
from reader.output.json_document import analysis_to_json


class Sink(Protocol):
    def reuse(self, article: Article) -> int | None:
        """The id of this content if it is already done, else None."""
        ...

    def put(self, analysis: Analysis) -> tuple[int, bool]:
        """Keep a new analysis: ``(id, was_new)``."""
        ...


class LibrarySink:
    """Stores each analysis in its own transaction; content stored at the current version
    is reused (and marked opened now, as adding it again in the app would), once its
    stored analysis is found readable (``DamagedRecordError`` if not)."""

    def __init__(self, library: Library) -> None:
        if library.read_only:
            raise LibraryError(library.path, errors.LIBRARY_READ_ONLY)
        self.library = library

    def reuse(self, article: Article) -> int | None:
        article_id = self.library.reuse_current(article.sha256)
        if article_id is not None:
            self.library.analysis(article_id)  # raises DamagedRecordError if it cannot be read
        return article_id

    def put(self, analysis: Analysis) -> tuple[int, bool]:
        return self.library.add_analysis(analysis)


class JsonLinesSink:
    """Writes each analysis as one schema-1 JSON line, flushed at once; ids are line numbers.

    U+2028 and U+2029 are written as escapes: they are valid in JSON strings, but some
    readers take them for line ends.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lines = 0
        self._written: dict[str, int] = {}

    def reuse(self, article: Article) -> int | None:
        return self._written.get(article.sha256)

    def put(self, analysis: Analysis) -> tuple[int, bool]:
        line = analysis_to_json(analysis, indent=None)
        line = line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        self.stream.write(line + "\n")
        self.stream.flush()
        self.lines += 1
        self._written[analysis.article.sha256] = self.lines
        return self.lines, True
