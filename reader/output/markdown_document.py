"""An Analysis as Markdown: title, details, the cast with its statements, then the text.

Every string from the file is escaped, so that no Markdown reader turns an article's text
into links, images, HTML, headings or lists: the characters that start such constructs
are written with a backslash (CommonMark lets any ASCII punctuation be escaped), and web
addresses lose the shape that GitHub-flavoured Markdown links by itself. What was said is
kept word for word, on one line per statement.
"""

from __future__ import annotations

import re

from reader.model import Analysis, Quote
from reader.output.cast import (
    CastRow,
    cast_rows,
    details_of,
    reported_through,
    title_of,
    unattributed,
)
from reader.output.words import actor_kind_name, plural, statement_kind_name

#: Characters that open inline Markdown anywhere in a line: links and images, emphasis,
#: code, HTML and entities, tables, strikethrough, escapes themselves.
_INLINE = re.compile(r"([\\`*_\[\]<>!&|~])")
#: What opens a block at the start of a line: headings, quotes, lists, rules, setext lines.
_LINE_START = re.compile(r"^([#>+\-=]|\d+(?=[.)]))")
#: "www." begins an address that GitHub-flavoured Markdown links without any brackets.
_BARE_ADDRESS = re.compile(r"(?i)\b(www)\.")


def analysis_to_markdown(analysis: Analysis) -> str:
    """The analysis as a Markdown document (UTF-8 text)."""
    article = analysis.article
    lines = [f"# {escape_line(title_of(article))}", ""]
    details = details_of(article)
    if details:
        lines += [" · ".join(escape_inline(d) for d in details), ""]
    counts = ", ".join(
        (
            plural(len(analysis.quotes), "statement"),
            plural(len(analysis.actors), "actor"),
            plural(len(analysis.names), "name"),
        )
    )
    lines += [f"*{counts}*", ""]
    rows = cast_rows(analysis)
    if rows:
        lines += ["## Cast", ""]
        for row in rows:
            lines += _actor(row)
    loose = unattributed(analysis)
    if loose:
        lines += ["## Statements without a known speaker", ""]
        lines += [_statement(q, speaker=True) for _, q in loose]
        lines.append("")
    lines += ["## Text", ""]
    lines += _text(article.text)
    return "\n".join(lines).rstrip("\n") + "\n"


def escape_inline(text: str) -> str:
    """Text from the file as Markdown inside a line: one line, every construct defused."""
    flat = _INLINE.sub(r"\\\1", " ".join(text.split()))
    # "http://" and "www." are linked as they stand; an escaped slash or dot breaks them.
    return _BARE_ADDRESS.sub(r"\1\\.", flat.replace("://", ":\\//"))


def escape_line(text: str) -> str:
    """Text from the file as a whole line: also nothing that would start a block."""
    return _LINE_START.sub(lambda m: _escape_start(m.group(1)), escape_inline(text))


def _escape_start(opening: str) -> str:
    # "12." and "3)" start ordered lists: the escape goes before the full stop or bracket,
    # which the look-ahead left in place; anything else is escaped itself.
    return opening + "\\" if opening[0].isdigit() else "\\" + opening


def _actor(row: CastRow) -> list[str]:
    actor = row.actor
    facts = [
        actor_kind_name(actor.kind),
        plural(actor.mentions, "mention"),
        plural(len(row.statements), "statement"),
    ]
    if row.other_names:
        facts.append("also written " + ", ".join(escape_inline(n) for n in row.other_names))
    lines = [f"### {escape_inline(actor.name)}", "", " · ".join(facts), ""]
    if row.statements:
        lines += [_statement(q) for _, q in row.statements]
        lines.append("")
    return lines


def _statement(quote: Quote, speaker: bool = False) -> str:
    line = f"- **{statement_kind_name(quote.kind)}:** {escape_inline(quote.text)}"
    if quote.via:
        line += f" *({escape_inline(reported_through(quote))})*"
    if speaker and quote.speaker:
        line += f" *(speaker as written: {escape_inline(quote.speaker)})*"
    return line


def _text(text: str) -> list[str]:
    """Each line of the article as its own paragraph."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip():
            lines += [escape_line(line), ""]
    return lines
