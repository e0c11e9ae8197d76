"""Markdown articles: front matter read for metadata, Markdown syntax stripped from the text.

The result is the prose a reader sees, one paragraph (or heading, list item, quoted
paragraph) a line: no ``#``, ``*``, ``>``, list markers, link targets, images, code ticks or
HTML tags. YAML (``---``) or TOML (``+++``) front matter gives the title, byline and date;
without it the first heading is the title.
"""

from __future__ import annotations

import datetime
import html
import re
import tomllib
from pathlib import Path

from reader.formats import Extracted
from reader.formats.paragraphs import guess_title, join_paragraphs, squash
from reader.formats.text import decode

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_YAML_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_YAML_ITEM = re.compile(r"^[ \t]+-[ \t]+(.*)$")

_TITLE_KEYS = ("title", "headline")
_BYLINE_KEYS = ("author", "authors", "byline")
_DATE_KEYS = ("date", "published", "pubdate")

# Block level
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)[ \t]*$")
_RULE = re.compile(r"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_REFERENCE = re.compile(r"^\[[^\]]+\]:[ \t]*\S")
_TABLE_DIVIDER = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)

# Inline
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^)]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"),
    re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~<])")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")


def extract(data: bytes, source: str | Path) -> Extracted:
    """Decode a Markdown file like a .txt file, then strip it to its prose."""
    return from_markdown(decode(data, source))


def from_markdown(source_text: str) -> Extracted:
    """Plain text, title, byline and date of a Markdown document."""
    meta: dict[str, str] = {}
    body = source_text
    match = _FRONT_MATTER.match(source_text)
    if match:
        meta = _toml_fields(match[2]) if match[1] == "+++" else _yaml_fields(match[2])
        body = source_text[match.end() :]
    paragraphs, headings = _paragraphs(body)
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
    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError:
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


def _paragraphs(body: str) -> tuple[list[str], list[tuple[int, str, int]]]:
    """Prose paragraphs and the headings as (level, text, paragraph index)."""
    body = _SCRIPT.sub("", _COMMENT.sub("", body))
    paragraphs: list[str] = []
    headings: list[tuple[int, str, int]] = []
    current: list[str] = []
    fence: str | None = None
    was_quote = False

    def flush() -> None:
        paragraph = squash(" ".join(current))
        current.clear()
        if paragraph:
            paragraphs.append(paragraph)

    def add_heading(level: int, text: str) -> None:
        flush()
        text = squash(_inline(text))
        if text:
            headings.append((level, text, len(paragraphs)))
            paragraphs.append(text)

    for raw in body.split("\n"):
        line = raw.strip()
        if fence:
            if line.startswith(fence):
                fence = None
            elif line:
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
            add_heading(1 if line.startswith("=") else 2, text)
        elif _RULE.match(line) or _REFERENCE.match(line) or _TABLE_DIVIDER.match(line):
            flush()
        elif heading := _ATX_HEADING.match(line):
            add_heading(len(heading[1]), heading[2] or "")
        else:
            if item := _LIST_ITEM.match(line):
                flush()
                line = line[item.end() :]
            if line.startswith("|") and line.endswith("|"):
                flush()
                line = "; ".join(cell.strip() for cell in line.strip("|").split("|"))
            current.append(_inline(line))
            if raw.endswith(("  ", "\\")):
                flush()  # a hard line break
    flush()
    return paragraphs, headings


def _inline(text: str) -> str:
    """Markdown inline syntax removed: links become their text, images disappear."""
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(match[2].strip())
        return f"\x00{len(codes) - 1}\x00"

    text = _CODE_SPAN.sub(keep_code, text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for pattern in _EMPHASIS:
        previous = None
        while previous != text:  # nested emphasis: ***both*** needs two passes
            previous = text
            text = pattern.sub(lambda match: match[match.lastindex or 0], text)
    text = _ESCAPE.sub(r"\1", text)
    text = html.unescape(text)
    return _PLACEHOLDER.sub(lambda match: codes[int(match[1])], text)
