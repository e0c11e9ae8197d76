"""One module of span helpers for every stage and the metric."""

from __future__ import annotations

from reader.spans import SortedSpans, last_starting_at_or_before, merged, overlap, total_length


def test_merged_joins_overlaps_and_drops_empty_spans():
    assert merged([(5, 9), (0, 3), (2, 4), (7, 7)]) == [(0, 4), (5, 9)]


def test_touching_spans_join_only_when_asked():
    assert merged([(0, 3), (3, 5)]) == [(0, 3), (3, 5)]
    assert merged([(0, 3), (3, 5)], join_touching=True) == [(0, 5)]


def test_lengths_and_overlaps():
    assert total_length([(0, 3), (5, 9)]) == 7
    assert overlap([(0, 10)], [(2, 4), (8, 12)]) == 4


def test_which_sorted_span_holds_an_offset():
    spans = SortedSpans([(10, 20), (0, 5)])
    assert [spans.index_holding(o) for o in (0, 4, 5, 10, 19, 20, 30)] == [0, 0, -1, 1, 1, -1, -1]
    assert spans.index_holding(10, inclusive_start=False) == -1
    assert 12 in spans and 7 not in spans
    assert last_starting_at_or_before([0, 10], -1) == -1
