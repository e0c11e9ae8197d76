"""A statement's kind from where its letters fall: all inside quotation marks (direct), some
(mixed) or none (indirect); punctuation outside the marks does not count, and regions that
overlap count once."""

from __future__ import annotations

import pytest

from reader.attribution.assembly import _kind
from reader.attribution.quotation_marks import QuoteRegion

TEXT = 'He said "the bridge opens in May" and that tolls would rise.'
OPEN = TEXT.index('"')
CLOSE = TEXT.index('"', OPEN + 1) + 1


def region(start: int, end: int) -> QuoteRegion:
    return QuoteRegion(start, end, 0, True)


@pytest.mark.parametrize(
    ("spans", "regions", "kind"),
    [
        ([(OPEN, CLOSE)], [region(OPEN, CLOSE)], "direct"),
        # the comma and space before the quotation are not letters: still direct
        ([(OPEN - 1, CLOSE)], [region(OPEN, CLOSE)], "direct"),
        ([(OPEN, len(TEXT))], [region(OPEN, CLOSE)], "mixed"),
        ([(CLOSE, len(TEXT))], [region(OPEN, CLOSE)], "indirect"),
        ([(CLOSE, len(TEXT))], [], "indirect"),
        # two stretches, both quoted, by overlapping regions
        (
            [(OPEN, OPEN + 10), (OPEN + 12, CLOSE)],
            [region(OPEN, OPEN + 15), region(OPEN + 5, CLOSE)],
            "direct",
        ),
        # two stretches, the second outside the marks
        ([(OPEN, CLOSE), (CLOSE + 5, CLOSE + 9)], [region(OPEN, CLOSE)], "mixed"),
    ],
)
def test_the_kind_follows_where_the_letters_fall(spans, regions, kind):
    assert _kind(spans, regions, TEXT) == kind
