"""Markdown articles: front matter read for metadata, Markdown syntax stripped from the text.

The result is the prose a reader sees, one paragraph (or heading, list item, quoted
paragraph) a line: no ``#``, ``*``, ``>``, list markers, link targets, images, code ticks or
HTML tags. YAML (``---``) or TOML (``+++``) front matter gives the title, byline and date;
without it the first heading is the title.

Every pattern here runs in time linear in its input: no pattern can rescan the
rest of a line from each of many openers that never close, nested emphasis is undone in a
fixed number of passes, and comments, scripts and code spans are found by scanning.

Nothing is stripped that the article limits would refuse anyway (20 MB of
``a\n`` took 120 s, and 49 MB up to 5.7 GB, before the text's length was checked): a file
whose words and marks, counted on its bytes, pass ``MARKDOWN_TEXT_MARGIN`` times the token
limit is refused before it is decoded; lines are taken one at a time, never split into a
list; and the stripping stops as soon as its output passes the character or token limit.
"""

from __future__ import annotations

import datetime
import html
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from reader import errors
from reader.deadline import checkpoint
from reader.errors import ArticleError
from reader.opening import limits
from reader.opening.extracted import Extracted, without_elements
from reader.opening.limits import MAX_FRONT_MATTER_CHARS, estimate_byte_tokens, estimate_tokens
from reader.opening.paragraphs import guess_title, join_paragraphs, squash
from reader.opening.text import decode

_FRONT_MATTER_DELIMITERS = ("---", "+++")
# A delimiter line is the delimiter and trailing spaces; longer lines are not looked at.
_MAX_DELIMITER_LINE = 80
_YAML_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_YAML_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*)$")

_TITLE_KEYS = ("title", "headline")
_BYLINE_KEYS = ("author", "authors", "byline")
_DATE_KEYS = ("date", "published", "pubdate")

# Block level
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+|$)")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)[ \t]*$")
_RULE = re.compile(r"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_REFERENCE = re.compile(r"^\[[^\]]+\]:[ \t]*\S")
_TABLE_DIVIDER = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_COMMENT = (re.compile("<!--"), re.compile("-->"))
_SCRIPT_START = re.compile(r"<(script|style)\b", re.I)
_SCRIPT_END = {
    "script": re.compile(r"</script\s*>", re.I),
    "style": re.compile(r"</style\s*>", re.I),
}

# Inline. What may sit between brackets, parentheses or angle brackets excludes the
# opening character too, so a failed match stops at the next opener instead of running on;
# a link target may hold one level of parentheses (".../Moscow_(city)").
_BACKTICKS = re.compile(r"`+")
_TARGET = r"\((?:[^()]|\([^()]*\))*\)"
_IMAGE = re.compile(rf"!\[[^\[\]]*\](?:{_TARGET}|\[[^\[\]]*\])")
_LINK = re.compile(rf"\[([^\[\]]*)\]{_TARGET}")
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# The text inside emphasis cannot hold its own delimiter (except as part of a word for
# "_"), so each attempt ends at the next delimiter; one pass undoes one level of nesting.
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*"),
    re.compile(r"__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__"),
    re.compile(r"\*(?=\S)([^*]+?)(?<=\S)\*"),
    re.compile(r"(?<!\w)_(?=\S)((?:[^_]|(?<=\w)_(?=\w))+?)(?<=\S)_(?!\w)"),
    re.compile(r"~~(?=\S)((?:[^~]|~(?!~))+?)(?<=\S)~~"),
)
#: Passes over the emphasis patterns: ``***both***`` needs two, deeper nesting is not prose.
EMPHASIS_PASSES = 3
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~<])")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")


#: The bytes are counted this many at a time, and counting stops past the limit.
_COUNT_CHUNK_BYTES = 1024 * 1024


def extract(data: bytes, source: str | Path) -> Extracted:
    """Decode a Markdown file like a .txt file, then strip it to its prose."""
    _check_size(data, source)
    return from_markdown(decode(data, source), source)


def _check_size(data: bytes, source: str | Path) -> None:
    """Refuse, before decoding, a file holding far more words and marks than an article may.

    Markdown's syntax and link targets add marks of their own, hence the margin. The count
    stops as soon as it passes the limit; a word cut at a chunk's edge counts twice.
    """
    limit = limits.MAX_TEXT_TOKENS * limits.MARKDOWN_TEXT_MARGIN
    tokens = 0
    for start in range(0, len(data), _COUNT_CHUNK_BYTES):
        checkpoint()
        tokens += estimate_byte_tokens(data[start : start + _COUNT_CHUNK_BYTES])
        if tokens > limit:
            message = errors.MARKDOWN_TOO_MUCH_TEXT.format(limit=limit)
            raise ArticleError(source, message)


class _Output:
    """The paragraphs stripped so far, refused as soon as they pass the article limits
    (a paragraph still being gathered counts too)."""

    def __init__(self, source: str | Path) -> None:
        self.source = source
        self.paragraphs: list[str] = []
        self.chars = 0
        self.tokens = 0

    def count(self, piece: str) -> None:
        """Count a piece of text on its way out (a line, with the space that joins it)."""
        self.chars += len(piece) + 1
        self.tokens += estimate_tokens(piece)
        if self.chars > limits.MAX_TEXT_CHARS:
            message = errors.TEXT_PAST_LIMIT.format(limit=limits.MAX_TEXT_CHARS)
            raise ArticleError(self.source, message)
        if self.tokens > limits.MAX_TEXT_TOKENS:
            message = errors.TOKENS_PAST_LIMIT.format(limit=limits.MAX_TEXT_TOKENS)
            raise ArticleError(self.source, message)


def from_markdown(source_text: str, source: str | Path = "<markdown>") -> Extracted:
    """Plain text, title, byline and date of a Markdown document; ``ArticleError`` naming
    ``source`` once the text passes the article limits."""
    meta: dict[str, str] = {}
    body = source_text
    front_matter = _front_matter(source_text)
    if front_matter:
        delimiter, block, body = front_matter
        meta = _fields(delimiter, block)
    paragraphs, headings = _paragraphs(body, _Output(source))
    text = join_paragraphs(paragraphs)
    title = _first(meta, _TITLE_KEYS) or _title_from_headings(headings)
    return Extracted(
        text=text,
        title=title or guess_title(text),
        byline=_first(meta, _BYLINE_KEYS),
        published=_first(meta, _DATE_KEYS),
    )


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[key] for key in keys if meta.get(key)), None)


def _title_from_headings(headings: list[tuple[int, str, int]]) -> str | None:
    """The first level-1 heading; else the first heading when it opens the document."""
    for level, text, _ in headings:
        if level == 1:
            return text
    if headings and headings[0][2] == 0:
        return headings[0][1]
    return None


# Front matter


def _front_matter(text: str) -> tuple[str, str, str] | None:
    """(delimiter, block, body) when ``text`` opens with a closed front-matter block.

    The block closes with its delimiter or ``...`` on a line of its own; one that never
    closes is not front matter, and the whole file is body text. Lines are scanned once,
    and only short ones compared, so this is linear in the file's length.
    """
    first_end = text.find("\n", 0, _MAX_DELIMITER_LINE + 1)
    delimiter = text[:first_end].rstrip(" \t") if first_end != -1 else ""
    if delimiter not in _FRONT_MATTER_DELIMITERS:
        return None
    start = line_start = first_end + 1
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        # Only a short line can be a closing one; never copy a long one to compare it.
        short = line_end - line_start <= _MAX_DELIMITER_LINE
        if short and text[line_start:line_end].rstrip(" \t") in (delimiter, "..."):
            block = text[start : max(start, line_start - 1)]
            return delimiter, block, text[line_end + 1 :]
        line_start = line_end + 1
    return None


def _fields(delimiter: str, block: str) -> dict[str, str]:
    """The front matter's fields; none from a block too long to be only metadata.

    Such a block is dropped unread: the TOML parser needs time and memory growing with the
    square of a dotted key's length (``a.a.a…``), and no title or date needs that much.
    """
    if len(block) > MAX_FRONT_MATTER_CHARS:
        return {}
    return _toml_fields(block) if delimiter == "+++" else _yaml_fields(block)


def _yaml_fields(block: str) -> dict[str, str]:
    """Top-level ``key: value`` pairs and ``- item`` lists; enough for title, author, date."""
    fields: dict[str, str] = {}
    key: str | None = None
    for line in block.split("\n"):
        field = _YAML_FIELD.match(line)
        if field:
            key = field[1].lower()
            value = field[2].strip()
            if value.startswith("[") and value.endswith("]"):
                items = (_unquote(item) for item in value[1:-1].split(","))
                value = ", ".join(item for item in items if item)
            else:
                value = _unquote(value)
            if value:
                fields[key] = value
            continue
        item = _YAML_ITEM.match(line)
        if key and item and _unquote(item[1]):
            previous = fields.get(key)
            value = _unquote(item[1])
            fields[key] = f"{previous}, {value}" if previous else value
    return fields


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value.split(" #", 1)[0].strip()


def _toml_fields(block: str) -> dict[str, str]:
    """Top-level fields of TOML front matter; none when it cannot be read.

    Broken front matter is ignored rather than refused: it is only metadata, and the
    article under it is still worth reading. That includes nesting too deep for the parser
    (100,000 nested arrays raised ``RecursionError``).
    """
    try:
        data = tomllib.loads(block)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return {}
    fields: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value if isinstance(item, str | int))
        elif isinstance(value, datetime.datetime):
            value = value.isoformat()
        elif isinstance(value, datetime.date | str | int | float):
            value = str(value)
        else:
            continue
        if value.strip():
            fields[key.lower()] = value.strip()
    return fields


# Body


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, one at a time (a list of millions of lines takes gigabytes)."""
    start = 0
    while (end := text.find("\n", start)) != -1:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _paragraphs(body: str, output: _Output) -> tuple[list[str], list[tuple[int, str, int]]]:
    """Prose paragraphs and the headings as (level, text, paragraph index)."""
    body = _without_scripts(_without_comments(body))
    paragraphs = output.paragraphs
    headings: list[tuple[int, str, int]] = []
    current: list[str] = []
    fence: str | None = None
    was_quote = False

    def flush() -> None:
        paragraph = squash(" ".join(current))
        current.clear()
        if paragraph:
            paragraphs.append(paragraph)

    def add_heading(level: int, text: str, *, counted: bool = False) -> None:
        flush()
        text = squash(_inline(text))
        if not counted:
            output.count(text)
        if text:
            headings.append((level, text, len(paragraphs)))
            paragraphs.append(text)

    for raw in _lines(body):
        checkpoint()  # a cancel in the window stops the lines being read
        line = raw.strip()
        if fence:
            if line.startswith(fence):
                fence = None
            elif line:
                output.count(line)
                paragraphs.append(line)  # code is kept as it is, a line at a time
            continue
        if opening := _FENCE.match(line):
            flush()
            fence = opening[1]
            continue
        is_quote = line.startswith(">")
        while line.startswith(">"):
            line = line[1:].lstrip()
        if is_quote != was_quote:
            flush()
        was_quote = is_quote
        if not line:
            flush()
        elif current and _SETEXT_UNDERLINE.match(line) and not is_quote:
            text = " ".join(current)
            current.clear()
            add_heading(1 if line.startswith("=") else 2, text, counted=True)
        elif _RULE.match(line) or _REFERENCE.match(line) or _TABLE_DIVIDER.match(line):
            flush()
        elif heading := _ATX_HEADING.match(line):
            add_heading(len(heading[1]), _heading_text(line[heading.end() :]))
        else:
            if item := _LIST_ITEM.match(line):
                flush()
                line = line[item.end() :]
            if line.startswith("|") and line.endswith("|"):
                flush()
                line = "; ".join(cell.strip() for cell in line.strip("|").split("|"))
            stripped = _inline(line)
            output.count(stripped)
            current.append(stripped)
            if raw.endswith(("  ", "\\")):
                flush()  # a hard line break
    flush()
    return paragraphs, headings


def _heading_text(rest: str) -> str:
    """An ATX heading's text: without the optional closing ``#``s (after a space)."""
    text = rest.rstrip(" \t")
    unhashed = text.rstrip("#")
    if unhashed != text and (not unhashed or unhashed[-1] in " \t"):
        text = unhashed.rstrip(" \t")
    return text


def _without_comments(body: str) -> str:
    """HTML comments removed; an unclosed ``<!--`` and what follows it stay as text."""
    opener, closer = _COMMENT
    pieces: list[str] = []
    kept = 0
    while start := opener.search(body, kept):
        end = closer.search(body, start.end())
        if end is None:
            break  # no later comment can close either
        pieces.append(body[kept : start.start()])
        kept = end.end()
    pieces.append(body[kept:])
    return "".join(pieces)


def _without_scripts(body: str) -> str:
    """``<script>`` and ``<style>`` elements removed, each scanned for its end once."""
    return without_elements(body, _SCRIPT_START, _SCRIPT_END)


def _inline(text: str) -> str:
    """Markdown inline syntax removed: links become their text, images disappear."""
    codes: list[str] = []
    # NUL marks the code placeholders; it is never prose.
    text = _hide_code(text.replace("\x00", ""), codes)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for _ in range(EMPHASIS_PASSES):
        previous = text
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\1", text)
        if text == previous:
            break
    text = _ESCAPE.sub(r"\1", text)
    text = html.unescape(text)
    return _PLACEHOLDER.sub(lambda match: codes[int(match[1])], text)


def _hide_code(text: str, codes: list[str]) -> str:
    """Code spans replaced by numbered placeholders, their text kept in ``codes``.

    A run of backticks opens a span that the next run of the same length closes; a run
    with no such partner is plain text. Matching runs by a table of "next run of this
    length" keeps this linear however many runs never close.
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
    following: list[int | None] = [None] * len(runs)
    latest: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = latest.get(length)
        latest[length] = index
    pieces: list[str] = []
    kept = index = 0
    while index < len(runs):
        close = following[index]
        if close is None:
            index += 1
            continue
        codes.append(text[runs[index][1] : runs[close][0]].strip())
        pieces.append(text[kept : runs[index][0]])
        pieces.append(f"\x00{len(codes) - 1}\x00")
        kept = runs[close][1]
        index = close + 1
    pieces.append(text[kept:])
    return "".join(pieces)
