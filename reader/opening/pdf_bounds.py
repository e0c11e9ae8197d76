"""The bounds on reading a PDF: pages counted before anything is extracted, and the work of
extracting counted while it runs, so that reading stops as soon as a limit is passed.

pypdf's time grows with the pages it builds, the content-stream bytes it parses (once for
every page that draws them: 40 pages may share one stream) and the operators it runs; the
text it gives back can pass the article limits long before it ends (a 993-byte
PDF of 40 pages sharing one stream of 500 lines took 150 s; 100,000 empty pages 31 s).
Each is counted here and refused past its limit in ``reader.opening.limits``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader import errors
from reader.errors import ArticleError
from reader.opening import limits
from reader.opening.limits import estimate_tokens

_MB = 1024 * 1024
#: Text is counted a chunk at a time: a word cut at a chunk's edge counts twice, one token in
#: 10,000 characters at most.
_COUNT_EVERY_CHARS = 10_000


class PastLimit(BaseException):
    """Raised from inside pypdf to stop reading; a ``BaseException`` because pypdf swallows
    every ``Exception`` raised while it reads a form (a drawing reused on a page)."""

    def __init__(self, error: ArticleError) -> None:
        super().__init__(error.problem)
        self.error = error


def check_pages(reader: Any, source: str | Path) -> None:
    """Refuse a document with more than ``MAX_PDF_PAGES`` pages before pypdf builds them.

    The page tree is walked here, without trusting its own ``/Count``, and the walk stops as
    soon as it passes the limit (pypdf's own count builds every page: 8 s for 100,000).
    A tree of more nodes than twice the limit is refused too, leaves or not.
    """
    limit = limits.MAX_PDF_PAGES
    pages = nodes = 0
    seen: set[int] = set()
    pending: list[Any] = [reader.trailer["/Root"]["/Pages"]]
    while pending:
        reference = pending.pop()
        number = getattr(reference, "idnum", None)
        if number is not None:
            if number in seen:
                continue  # a loop in a damaged tree: pypdf reports it, or skips it
            seen.add(number)
        node = reference.get_object()
        nodes += 1
        kids = node.get("/Kids") if hasattr(node, "get") else None
        if kids is None:
            pages += 1
        else:
            pending.extend(kids.get_object())
        if pages > limit or nodes > 2 * limit:
            raise ArticleError(source, errors.PDF_TOO_MANY_PAGES.format(limit=limit))


class Reading:
    """What has been read of one document so far, refused as soon as it passes a limit.

    ``content`` is called with each page before it is extracted, ``operator`` for each
    operator pypdf runs (``visitor_operand_before``) and ``text`` for each fragment of text
    (``visitor_text``); the last two raise ``PastLimit``, since they run inside pypdf.
    """

    def __init__(self, source: str | Path) -> None:
        self.source = source
        self.content_bytes = 0
        self.operators = 0
        self.chars = 0
        self.tokens = 0
        self._pending: list[str] = []
        self._pending_chars = 0
        #: The bytes of each form the page being read may draw, by name.
        self._forms: dict[str, int] = {}

    def content(self, page: Any) -> None:
        """Count the bytes of the page's content streams, refusing past the limit before
        pypdf parses them (a stream drawn by many pages counts once for each)."""
        contents = page.get("/Contents")
        streams = contents.get_object() if contents is not None else []
        if hasattr(streams, "get_data"):
            streams = [streams]
        for stream in streams:
            try:
                self.content_bytes += len(stream.get_object().get_data())
            except Exception:
                # A stream that cannot be decoded is pypdf's to skip with a warning, as
                # before: the other pages are still read. It has no bytes to parse.
                continue
        self._check_content()
        self._forms = _form_sizes(page)

    def _check_content(self) -> None:
        if self.content_bytes > limits.MAX_PDF_CONTENT_BYTES:
            limit_mb = f"{limits.MAX_PDF_CONTENT_BYTES / _MB:g}"
            raise ArticleError(self.source, errors.PDF_TOO_MUCH_CONTENT.format(limit_mb=limit_mb))

    def operator(self, operator: bytes, operands: list[Any], *_: object) -> None:
        """Count an operator; a form drawn (``Do``) counts its bytes too, since pypdf parses
        them again each time (a 1 MB form drawn 2,000 times is 2 GB to parse)."""
        self.operators += 1
        if self.operators > limits.MAX_PDF_OPERATORS:
            message = errors.PDF_TOO_MANY_OPERATORS.format(limit=limits.MAX_PDF_OPERATORS)
            raise PastLimit(ArticleError(self.source, message))
        if operator == b"Do" and operands:
            self.content_bytes += self._forms.get(str(operands[0]), 0)
            try:
                self._check_content()
            except ArticleError as error:
                raise PastLimit(error) from None

    def text(self, fragment: str) -> None:
        self._pending.append(fragment)
        self._pending_chars += len(fragment)
        if self._pending_chars >= _COUNT_EVERY_CHARS:
            self.flush()

    def flush(self) -> None:
        """Count the text not yet counted (at the end of each page, and every 10,000
        characters), refusing once it passes the article's character or token limit."""
        chunk = "".join(self._pending)
        self._pending.clear()
        self._pending_chars = 0
        # Runs of spaces and line ends count one, as they will in the article's text.
        self.chars += len(" ".join(chunk.split()))
        self.tokens += estimate_tokens(chunk)
        if self.chars > limits.MAX_TEXT_CHARS:
            message = errors.TEXT_PAST_LIMIT.format(limit=limits.MAX_TEXT_CHARS)
            raise PastLimit(ArticleError(self.source, message))
        if self.tokens > limits.MAX_TEXT_TOKENS:
            message = errors.TOKENS_PAST_LIMIT.format(limit=limits.MAX_TEXT_TOKENS)
            raise PastLimit(ArticleError(self.source, message))


def _form_sizes(page: Any) -> dict[str, int]:
    """The bytes of each form (a drawing reused by name) the page or its forms may draw, by
    name: the largest where forms at different depths share a name. Each form is looked at
    once; one that cannot be read is left for pypdf to skip."""
    sizes: dict[str, int] = {}
    seen: set[int] = set()
    pending: list[Any] = [page.get("/Resources")]
    while pending:
        resources = pending.pop()
        try:
            xobjects = resources.get_object().get("/XObject")
            items = list(xobjects.get_object().items()) if xobjects is not None else []
        except Exception:
            continue
        for name, reference in items:
            try:
                form = reference.get_object()
                if form.get("/Subtype") != "/Form":
                    continue
                size = len(form.get_data())
            except Exception:
                continue
            sizes[str(name)] = max(sizes.get(str(name), 0), size)
            number = getattr(reference, "idnum", id(form))
            if number not in seen:
                seen.add(number)
                pending.append(form.get("/Resources"))
    return sizes
