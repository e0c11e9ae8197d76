"""One self-contained web page of an Analysis: the highlighted text, its legend and its cast.

The page needs nothing else: its style is inline, it loads no resource and runs no script
(its Content-Security-Policy forbids both, in case a browser is ever talked into trying),
and it follows the reader's light or dark setting with the app's own colours
(``reader.output.palette``). Every fragment that comes from the file (text, title, names,
statements) is escaped, so an article holding markup shows that markup as text. The text
is drawn from ``reader.output.segments``: each stretch opens and closes its own elements,
so overlapping entities and statements always nest. The output is also well-formed XML.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from reader.model import Analysis, Quote
from reader.output.cast import (
    CastRow,
    cast_rows,
    details_of,
    reported_through,
    title_of,
    unattributed,
)
from reader.output.palette import Palette, palette
from reader.output.segments import Segment, segments
from reader.output.words import (
    actor_kind_name,
    label_name,
    plural,
    statement_kind_name,
)

_UNDERLINES = {"solid": "solid", "dash": "dashed", "dot": "dotted"}
#: Characters XML 1.0 refuses (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def analysis_to_html(analysis: Analysis) -> str:
    """The analysis as one HTML page (UTF-8 text)."""
    colours = palette()
    title = title_of(analysis.article)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8" />',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        '<meta name="generator" content="Dramatis" />',
        f"<title>{escape(title)}</title>",
        f"<style>\n{stylesheet(colours)}</style>",
        "</head>",
        "<body>",
        "<article>",
        _header(analysis, title),
        _legend(analysis, colours),
        f'<div class="text">{_text(analysis, colours)}</div>',
        "</article>",
        _cast(analysis),
        _unattributed(analysis),
        _footer(analysis),
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def escape(text: str) -> str:
    """Text from the file as HTML (and XML) text or attribute value."""
    return html.escape(_NOT_XML.sub("\ufffd", text), quote=True)


# -- the style ------------------------------------------------------------------------------


def stylesheet(colours: Palette) -> str:
    """The page's CSS: layout, then the light colours, then the dark ones."""
    light = [_entity_rule(key, c.light) for key, c in colours.entities.items()]
    light += [
        _quote_rule(kind, c.light, c.light_background, c.underline)
        for kind, c in colours.quotes.items()
    ]
    dark = [_entity_rule(key, c.dark) for key, c in colours.entities.items()]
    dark += [
        _quote_rule(kind, c.dark, c.dark_background, c.underline)
        for kind, c in colours.quotes.items()
    ]
    return (
        _LAYOUT
        + "\n".join(light)
        + "\n@media (prefers-color-scheme: dark) {\n"
        + "body { color: #e4e4e4; background: #1c1c1e; }\n"
        + ".meta, footer, .aliases { color: #a0a0a0; }\n"
        + "th, td { border-color: #444; }\n"
        + "\n".join(dark)
        + "\n}\n"
    )


_LAYOUT = """:root { color-scheme: light dark; }
body { font: 17px/1.6 Georgia, "Times New Roman", serif; color: #1d1d1f; background: #fdfdfb;
  max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin-bottom: 0.3rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
.meta, footer, .aliases { color: #5f5f5f; }
.meta { margin-top: 0; }
.text { white-space: pre-wrap; overflow-wrap: break-word; }
mark.e { color: inherit; border-radius: 3px; padding: 0 1px; }
span.q { text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 3px; }
b.speaker { font-weight: bold; }
i.cue { font-style: italic; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem;
  font: 14px/1.5 system-ui, sans-serif; }
p.legend-note { font: 13px/1.4 system-ui, sans-serif; }
table.cast { border-collapse: collapse; width: 100%; font: 15px/1.45 system-ui, sans-serif; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ddd;
  padding: 0.35rem 0.5rem; }
td.number { text-align: right; }
td ol, section.unattributed ul { margin: 0; padding-left: 1.2rem; }
.aliases { font-size: 0.9em; }
footer { margin-top: 2rem; font: 13px/1.4 system-ui, sans-serif; }
"""


def _entity_rule(key: str, background: str) -> str:
    return f"mark.e-{key} {{ background: {background}; }}"


def _quote_rule(kind: str, colour: str, background: str, underline: str) -> str:
    style = _UNDERLINES.get(underline, "solid")
    return (
        f"span.q-{kind} {{ text-decoration-color: {colour}; "
        f"text-decoration-style: {style}; background: {background}; }}"
    )


# -- the article ------------------------------------------------------------------------------


def _header(analysis: Analysis, title: str) -> str:
    details = details_of(analysis.article)
    meta = f'\n<p class="meta">{" · ".join(escape(d) for d in details)}</p>' if details else ""
    return f"<header>\n<h1>{escape(title)}</h1>{meta}\n</header>"


def _legend(analysis: Analysis, colours: Palette) -> str:
    labels = Counter(colours.entity_key(e.label) for e in analysis.names)
    kinds = Counter(colours.quote_key(q.kind) for q in analysis.quotes)
    if not labels and not kinds:
        return ""
    items = [
        f'<li><mark class="e e-{key}">{escape(label_name(key))}</mark> {count:,}</li>'
        for key, count in sorted(labels.items(), key=lambda item: (-item[1], item[0]))
    ]
    items += [
        f'<li><span class="q q-{kind}">{escape(statement_kind_name(kind))}</span> {count:,}</li>'
        for kind in colours.quotes
        if (count := kinds.get(kind, 0))
    ]
    note = (
        '<p class="legend-note">Names are tinted by their kind; statements are underlined, '
        "with the speaker in bold and the speech verb in italics.</p>"
    )
    listed = "\n".join(items)
    return f'<section class="legend">\n<ul class="legend">\n{listed}\n</ul>\n{note}\n</section>'


def _text(analysis: Analysis, colours: Palette) -> str:
    """The text with its highlights. Elements stay open across stretches while they go on
    (a statement around the names inside it), and close before any outer one does."""
    text = analysis.article.text
    anchored: set[int] = set()
    out: list[str] = []
    open_now: list[_Element] = []
    for segment in segments(analysis):
        wanted = _elements(analysis, colours, segment)
        kept = 0
        while kept < min(len(open_now), len(wanted)) and open_now[kept].key == wanted[kept].key:
            kept += 1
        out.extend(element.closing for element in reversed(open_now[kept:]))
        # Each statement's place in the text, for the cast's links: where it first begins.
        for mark in segment.marks:
            if mark.role == "quote" and mark.item not in anchored:
                anchored.add(mark.item)
                out.append(f'<span id="{statement_anchor(mark.item)}"></span>')
        out.extend(element.opening for element in wanted[kept:])
        open_now = wanted
        out.append(escape(text[segment.start : segment.end]))
    out.extend(element.closing for element in reversed(open_now))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Element:
    key: tuple[str, int]  # (role, index): the same element while it goes on
    opening: str
    closing: str


def _elements(analysis: Analysis, colours: Palette, segment: Segment) -> list[_Element]:
    """The elements around one stretch, outer to inner: statement, entity, speaker, cue."""
    wanted: list[_Element] = []
    quote_mark = segment.mark("quote")
    if quote_mark is not None:
        quote = analysis.quotes[quote_mark.item]
        kind = colours.quote_key(quote.kind)
        tip = escape(f"{statement_kind_name(quote.kind)} — {_said_by(analysis, quote)}")
        opening = f'<span class="q q-{kind}" title="{tip}">'
        wanted.append(_Element(("quote", quote_mark.item), opening, "</span>"))
    entity_mark = segment.mark("entity")
    if entity_mark is not None:
        label = analysis.entities[entity_mark.item].label
        key = colours.entity_key(label)
        opening = f'<mark class="e e-{key}" title="{escape(label_name(label))}">'
        wanted.append(_Element(("entity", entity_mark.item), opening, "</mark>"))
    speaker = segment.mark("speaker")
    if speaker is not None:
        wanted.append(_Element(("speaker", speaker.item), '<b class="speaker">', "</b>"))
    cue = segment.mark("cue")
    if cue is not None:
        wanted.append(_Element(("cue", cue.item), '<i class="cue">', "</i>"))
    return wanted


def statement_anchor(index: int) -> str:
    """The id of a statement's place in the text (statements counted from 1)."""
    return f"statement-{index + 1}"


def _said_by(analysis: Analysis, quote: Quote) -> str:
    actor = analysis.actor(quote.actor) if quote.actor else None
    if actor is not None:
        return f"said by {actor.name}"
    if quote.speaker:
        return f"said by {quote.speaker}"
    return "speaker unknown"


# -- the cast ---------------------------------------------------------------------------------


def _cast(analysis: Analysis) -> str:
    rows = cast_rows(analysis)
    if not rows:
        return ""
    body = "\n".join(_cast_row(row) for row in rows)
    return (
        '<section class="cast">\n<h2>Cast</h2>\n<table class="cast">\n'
        "<thead><tr><th>Actor</th><th>Kind</th><th>Mentions</th><th>Statements</th></tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>\n</section>"
    )


def _cast_row(row: CastRow) -> str:
    actor = row.actor
    name = escape(actor.name)
    if row.other_names:
        also = ", ".join(escape(n) for n in row.other_names)
        name += f'<div class="aliases">also written: {also}</div>'
    said = ""
    if row.statements:
        items = "".join(f"<li>{_statement(q, i)}</li>" for i, q in row.statements)
        said = f"<ol>{items}</ol>"
    return (
        f"<tr><td>{name}</td><td>{escape(actor_kind_name(actor.kind))}</td>"
        f'<td class="number">{actor.mentions:,}</td><td>{said}</td></tr>'
    )


def _statement(quote: Quote, index: int) -> str:
    kind = escape(statement_kind_name(quote.kind))
    text = escape(" ".join(quote.text.split()))
    via = reported_through(quote)
    via = f' <i class="via">({escape(via)})</i>' if via else ""
    return f'<a href="#{statement_anchor(index)}">{kind}</a>: {text}{via}'


def _unattributed(analysis: Analysis) -> str:
    loose = unattributed(analysis)
    if not loose:
        return ""
    items = []
    for index, quote in loose:
        speaker = f" <i>(speaker as written: {escape(quote.speaker)})</i>" if quote.speaker else ""
        items.append(f"<li>{_statement(quote, index)}{speaker}</li>")
    return (
        '<section class="unattributed">\n<h2>Statements without a known speaker</h2>\n'
        f"<ul>{''.join(items)}</ul>\n</section>"
    )


def _footer(analysis: Analysis) -> str:
    counts = ", ".join(
        (
            plural(len(analysis.quotes), "statement"),
            plural(len(analysis.actors), "actor"),
            plural(len(analysis.names), "name"),
        )
    )
    return f"<footer>Exported from Dramatis: {escape(counts)}.</footer>"
