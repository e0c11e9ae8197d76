"""Statements in the sample article, analysed end to end through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Analysis, Quote
from reader.nlp.parsing import load_nlp
from reader.opening import open_article
from reader.pipeline import analyse

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "000_dd5b4a6056b2a50f.txt"
PRONOUNS = {"he", "him", "his"}


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(open_article(SAMPLE), load_nlp())


def _resolves_to(analysis: Analysis, quote: Quote, speaker_part: str) -> bool:
    """A pronoun speaker counts only when its actor is the one named."""
    actor = analysis.actor(quote.actor) if quote.actor else None
    return actor is not None and speaker_part.lower() in actor.name.lower()


def by(analysis: Analysis, speaker_part: str, content: str) -> Quote:
    matches = [
        q
        for q in analysis.quotes
        if content in q.text
        and q.speaker is not None
        and (
            speaker_part.lower() in q.speaker.lower()
            or (q.speaker.lower() in PRONOUNS and _resolves_to(analysis, q, speaker_part))
        )
    ]
    assert matches, f"no statement by {speaker_part!r} containing {content!r}"
    return matches[0]


@pytest.mark.parametrize(
    "content",
    [
        "welcome any Russian offers",
        "Damascus recognizes the territory",
        "would welcome any Russian plans",
        "would not meet with Turkish President",
        "contingent upon Turkey's readiness",
        "Syria's stances are clear and unambiguous",
        "should strive to terminate Ankara's occupation",
        "Putin for his ongoing support",
    ],
)
def test_assad_statements(analysis, content):
    by(analysis, "Assad", content)


def test_according_to_assad(analysis):
    quote = by(analysis, "Assad", "would welcome any Russian plans")
    assert quote.cue is not None and quote.cue.lower() == "according to"


def test_per_mirror_quote_is_direct_and_assads(analysis):
    quote = by(analysis, "Assad", "Syria's stances are clear and unambiguous")
    assert quote.kind == "direct"
    assert quote.cue == "stated"


def test_illegal_occupation_is_inside_assads_statement(analysis):
    alone = [q for q in analysis.quotes if q.text.strip('"“”') == "illegal occupation"]
    assert alone == []
    quote = by(analysis, "Assad", "illegal occupation")
    assert quote.kind == "mixed"


def test_ukraine_vow(analysis):
    by(analysis, "Ukraine", "fight until every last Russian soldier is expelled")


def test_putin_promise(analysis):
    by(analysis, "Putin", "Russian assistance")


def test_al_jazeera_report(analysis):
    by(analysis, "Al Jazeera", "the defense ministers of the two nations met")


def test_experts_as_group_speaker(analysis):
    quote = by(analysis, "experts", "he might use this momentum")
    assert quote.speaker == "experts"


def test_territorial_claim_is_not_a_statement(analysis):
    assert not any("one-fifth of Ukraine" in q.text for q in analysis.quotes)


def test_question_to_assad_is_not_a_statement(analysis):
    assert not any("recognize Russia's purportedly new borders" in q.text for q in analysis.quotes)


def test_every_statement_is_well_formed(analysis):
    text = analysis.article.text
    assert analysis.quotes
    for quote in analysis.quotes:
        assert quote.text == text[quote.start : quote.end]
        assert quote.spans and all(quote.start <= s < e <= quote.end for s, e in quote.spans)
        assert (quote.speaker_start is None) == (quote.cue_start is None)
        assert (quote.speaker_start is None) == (quote.speaker_end is None)
        if quote.speaker_start is not None:
            assert quote.speaker == text[quote.speaker_start : quote.speaker_end]
        assert quote.confidence is not None and 0.0 <= quote.confidence <= 1.0
        assert quote.kind in ("direct", "mixed", "indirect")
    starts = [q.start for q in analysis.quotes]
    assert starts == sorted(starts)


def test_assuring_survival_is_not_a_statement(analysis):
    assert not any("tilt the scales" in q.text for q in analysis.quotes)
