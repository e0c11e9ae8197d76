"""Quotation-mark regions: where direct quotes begin and end in the article text.

Handles straight and typographic double marks (" “ ” « » „), single marks (‘ ’ ') where they
cannot be apostrophes (don't, Assad's, '90s), and quotes that run over several paragraphs:
an opening mark left unclosed at the end of a paragraph continues when the next paragraph
opens with a mark again, the journalistic convention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.nlp.parsing import Paragraph

_OPENERS = "“„«"
_CLOSERS = "”»"
_OPEN_CONTEXT = " \t([{—–-/:;,\u00a0"
_ALL_MARKS = "\"“”„«»‘’'"

#: Single-quoted stretches longer than this are more likely unpaired apostrophes.
MAX_SINGLE_QUOTE_CHARS = 300


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """Quoted text including its marks; ``continues`` when it runs on into the next paragraph."""

    start: int
    end: int
    paragraph: int
    closed: bool
    single: bool = False
    continues: bool = False

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _is_opening_straight(line: str, i: int, width: int = 1) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + width] if i + width < len(line) else " "
    if after.isspace():
        return False
    return before in _OPEN_CONTEXT or before in _ALL_MARKS or i == 0


def _is_closing_single(line: str, i: int) -> bool:
    after = line[i + 1] if i + 1 < len(line) else " "
    before = line[i - 1] if i > 0 else " "
    return not before.isspace() and not after.isalnum()


def _is_opening_single(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    # '90s, 'til and 'em are elisions, not quotations.
    return (before.isspace() or before in "([—–-" or i == 0) and after.isalpha()


def _straight_width(line: str, i: int) -> int:
    """Width of a straight double mark at ``i``: '"', or two apostrophes ('' as some
    newspapers print it); 0 if there is none."""
    if line[i] == '"':
        return 1
    if line.startswith("''", i) and not line.startswith("'''", i):
        return 2
    return 0


#: Where a double-quoted stretch may open, and where one may close: the loops below jump
#: from one of these to the next instead of stepping over every letter.
_MAY_OPEN = re.compile("[" + re.escape(_OPENERS) + "\"']")
_MAY_CLOSE = re.compile("[" + re.escape(_CLOSERS) + "\"“']")


def _double_regions(line: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of top-level double-quoted stretches in one paragraph."""
    regions: list[tuple[int, int, bool]] = []
    i, n = 0, len(line)
    while i < n:
        found = _MAY_OPEN.search(line, i)
        if found is None:
            break
        i = found.start()
        ch = line[i]
        width = _straight_width(line, i) if ch in "\"'" else 0
        opening = ch in _OPENERS or (width > 0 and _is_opening_straight(line, i, width))
        if not opening:
            i += max(1, width)
            continue
        j = i + max(1, width)
        close_width = 1
        while j < n:
            candidate = _MAY_CLOSE.search(line, j)
            if candidate is None:
                j = n
                break
            j = candidate.start()
            cj = line[j]
            if cj in _CLOSERS or cj == '"' or (cj == "“" and ch == "„"):
                break
            if cj == "'" and width == 2 and line.startswith("''", j):
                close_width = 2
                break
            # A miscoded closing “ (word“ followed by space or punctuation).
            if (
                cj == "“"
                and not line[j - 1].isspace()
                and (j + 1 == n or not line[j + 1].isalnum())
            ):
                break
            j += 1
        if j < n:
            regions.append((i, j + close_width, True))
            i = j + close_width
        else:
            regions.append((i, n, False))
            break
    return regions


def _single_regions(line: str, taken: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    regions: list[tuple[int, int, bool]] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if (
            ch not in "‘'"
            or any(s <= i < e for s, e, _ in taken)
            or not _is_opening_single(line, i)
        ):
            i += 1
            continue
        limit = min(n, i + MAX_SINGLE_QUOTE_CHARS)
        j = i + 1
        found = -1
        while j < limit:
            cj = line[j]
            # "players' union": a plural possessive, keep looking.
            if (
                cj in "’'"
                and _is_closing_single(line, j)
                and not (
                    line[j - 1] == "s"
                    and j + 1 < n
                    and line[j + 1] == " "
                    and j + 2 < n
                    and line[j + 2].islower()
                    and cj == "'"
                )
            ):
                found = j
                break
            j += 1
        if found > i + 1:
            regions.append((i, found + 1, True))
            i = found + 1
        else:
            i += 1
    return regions


#: A quoted transcript's paragraph: '"WALLACE: Let's start…'. Each is one speaker's turn,
#: never the run-on of the quotation before it.
_TRANSCRIPT_LABEL = re.compile(r"[\"“]\s*[A-Z][A-Z.'’ -]{1,30}:\s")


def find_quote_regions(text: str, paragraphs: Sequence[Paragraph]) -> list[QuoteRegion]:
    """Every top-level quoted stretch in text order, with article offsets."""
    out: list[QuoteRegion] = []
    for index, paragraph in enumerate(paragraphs):
        line = paragraph.text
        doubles = _double_regions(line)
        singles = _single_regions(line, doubles)
        for s, e, closed in sorted(doubles + [(s, e, c) for s, e, c in singles]):
            single = (s, e, closed) in singles
            out.append(QuoteRegion(paragraph.start + s, paragraph.start + e, index, closed, single))
    out = _closed_in_next_paragraph(out, paragraphs)
    # An unclosed quote continues if the next paragraph opens with a quotation mark.
    linked: list[QuoteRegion] = []
    for k, region in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else None
        continues = (
            not region.closed
            and nxt is not None
            and nxt.paragraph == region.paragraph + 1
            and nxt.start == paragraphs[nxt.paragraph].start
            and not _TRANSCRIPT_LABEL.match(paragraphs[nxt.paragraph].text)
            and not (
                region.start == paragraphs[region.paragraph].start
                and _TRANSCRIPT_LABEL.match(paragraphs[region.paragraph].text)
            )
        )
        if continues:
            region = QuoteRegion(
                region.start, region.end, region.paragraph, False, region.single, True
            )
        linked.append(region)
    return linked


_CLOSING_MARK = re.compile(r"[”\"](?=\s|$)")


def _closed_in_next_paragraph(
    regions: list[QuoteRegion], paragraphs: Sequence[Paragraph]
) -> list[QuoteRegion]:
    """A quotation opened in one paragraph and closed in the next, which opens with no mark
    of its own (said, "… game.⏎⏎It was a very emotional day … better."): the next
    paragraph up to the closing mark is the quotation's second part."""
    first_in: dict[int, QuoteRegion] = {}
    for region in regions:
        first_in.setdefault(region.paragraph, region)
    added: list[QuoteRegion] = []
    for region in regions:
        index = region.paragraph + 1
        if region.closed or region.single or index >= len(paragraphs):
            continue
        if region.end != paragraphs[region.paragraph].end:
            continue
        following = paragraphs[index]
        line = following.text
        if _TRANSCRIPT_LABEL.match(line) or line[:1] in _ALL_MARKS:
            continue
        closing = _CLOSING_MARK.search(line)
        nearest = first_in.get(index)
        if closing is None or any(c in line[: closing.start()] for c in '“"«„'):
            continue
        if nearest is not None and nearest.start < following.start + closing.start():
            continue
        start = following.start
        added.append(QuoteRegion(start, start + closing.end(), index, True, False))
    if not added:
        return regions
    return sorted([*regions, *added], key=lambda r: r.start)
