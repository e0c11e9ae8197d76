"""The attribution metrics, as pure functions over character spans.

These follow the definitions of the evaluation data's README so that figures compare with
published ones: Gender Gap Tracker quote matching at a threshold, exact spans after trimming,
speaker accuracy by span overlap or normalised name, end-to-end scores and recall by kind.
Nothing here parses text or loads a model; ``reader.evaluation.scoring`` feeds it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.spans import merged, overlap, total_length

Span = tuple[int, int]
Spans = tuple[Span, ...]

#: The thresholds of the quote detection rule that are reported.
THRESHOLDS = (0.3, 0.8)
#: Speaker accuracy, end-to-end scores and recall by kind use matches at this threshold.
SPEAKER_THRESHOLD = 0.3
KINDS = ("direct", "mixed", "indirect")

QUOTE_MARKS = "\"'“”‘’«»„‚‹›‟′″`"
TRAILING_PUNCTUATION = ".,;:!?…-–—"

#: Titles dropped before names are compared ("Sen. Cruz" agrees with "Ted Cruz").
TITLES = frozenset(
    """
    president vice sen senator rep representative congressman congresswoman mr mrs ms miss mx
    dr gov governor secretary gen general lt col sgt capt adm judge justice rev prof professor
    mayor sir dame lord lady hon
    """.split()
)

#: A speaker mention made only of these is a pronoun: correct only by span.
PRONOUNS = frozenset(
    """
    i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves one someone
    somebody anyone this that these those who whom which
    """.split()
)

_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?!\w)")


# Spans ----------------------------------------------------------------------------------


def merge_spans(spans: Iterable[Span]) -> Spans:
    """Sorted, non-overlapping, non-empty spans covering the same characters."""
    return tuple(merged(spans, join_touching=True))


# The values compared -----------------------------------------------------------------------


class _Spanned:
    """``start``/``end`` of the first and last content fragment (0 when there is none)."""

    __slots__ = ()
    spans: Spans

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    @property
    def end(self) -> int:
        return self.spans[-1][1] if self.spans else 0


@dataclass(frozen=True, slots=True)
class GoldQuote(_Spanned):
    """One annotated attribution; ``spans`` is the merged union of its content fragments."""

    spans: Spans
    text: str
    kind: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_is_speech: bool


@dataclass(frozen=True, slots=True)
class PredictedQuote(_Spanned):
    """A predicted statement; ``actor_names`` are its resolved actor's name and aliases."""

    spans: Spans
    text: str
    kind: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None = None
    actor_names: tuple[str, ...] = ()

    @property
    def has_speaker(self) -> bool:
        return bool(self.speaker) or self.speaker_start is not None


# Restriction to the speech-like subset -----------------------------------------------------


def split_gold(
    golds: Sequence[GoldQuote], speechlike: bool
) -> tuple[list[GoldQuote], list[GoldQuote]]:
    """(kept, excluded): with ``speechlike`` only speech-like attributions are kept."""
    if not speechlike:
        return list(golds), []
    kept = [g for g in golds if g.cue_is_speech]
    excluded = [g for g in golds if not g.cue_is_speech]
    return kept, excluded


def is_ignored(
    prediction: PredictedQuote, kept: Sequence[GoldQuote], excluded: Sequence[GoldQuote]
) -> bool:
    """True if more than half of the prediction lies on one excluded attribution and none of
    it on a kept one: it found something real that the restricted gold does not count."""
    length = total_length(prediction.spans)
    if length == 0 or not excluded:
        return False
    if any(overlap(prediction.spans, g.spans) > 0 for g in kept):
        return False
    return any(overlap(prediction.spans, g.spans) / length > 0.5 for g in excluded)


# Quote detection ---------------------------------------------------------------------------


def text_order(golds: Sequence[GoldQuote]) -> list[int]:
    """Indices of the gold quotes in text order (start, then end)."""
    return sorted(range(len(golds)), key=lambda i: (golds[i].start, golds[i].end))


def match_quotes(
    golds: Sequence[GoldQuote], predictions: Sequence[PredictedQuote], threshold: float
) -> list[int | None]:
    """For each gold quote, the index of the prediction matched to it, or None.

    Gold quotes are taken in text order; each takes the not-yet-used prediction with the
    largest share of the gold's characters, if that share exceeds ``threshold``. Ties go to
    the earlier prediction.
    """
    matches: list[int | None] = [None] * len(golds)
    used: set[int] = set()
    for gi in text_order(golds):
        gold = golds[gi]
        length = total_length(gold.spans)
        if length == 0:
            continue
        best, best_ratio = None, 0.0
        for pi, prediction in enumerate(predictions):
            if pi in used:
                continue
            ratio = overlap(gold.spans, prediction.spans) / length
            if ratio > best_ratio:
                best, best_ratio = pi, ratio
        if best is not None and best_ratio > threshold:
            matches[gi] = best
            used.add(best)
    return matches


# Exact spans -------------------------------------------------------------------------------


def trim_span(text: str, span: Span) -> Span | None:
    """The span without surrounding whitespace and quotation marks or trailing punctuation."""
    start, end = span
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
            start += 1
        while end > start and (
            text[end - 1].isspace()
            or text[end - 1] in QUOTE_MARKS
            or text[end - 1] in TRAILING_PUNCTUATION
        ):
            end -= 1
        if (start, end) == before:
            return (start, end) if end > start else None


def exact_key(text: str, spans: Spans) -> Spans:
    """The trimmed fragments of a quote, as compared by the exact span metric."""
    trimmed = (trim_span(text, span) for span in spans)
    return merge_spans(span for span in trimmed if span is not None)


def exact_matches(
    text: str, golds: Sequence[GoldQuote], predictions: Sequence[PredictedQuote]
) -> int:
    """How many predictions have exactly the trimmed span of a gold quote (one to one)."""
    gold_keys = Counter(exact_key(text, g.spans) for g in golds)
    predicted_keys = Counter(exact_key(text, p.spans) for p in predictions)
    gold_keys.pop((), None)
    return sum((gold_keys & predicted_keys).values())


# Speakers ----------------------------------------------------------------------------------


def _tokens(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name.replace("’", "'").lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _TOKEN.findall(_POSSESSIVE.sub("", folded))


def is_pronoun(name: str | None) -> bool:
    """A mention made only of pronouns ("he", "they", "She")."""
    tokens = _tokens(name or "")
    return bool(tokens) and all(t in PRONOUNS for t in tokens)


def normalise_name(name: str) -> tuple[str, ...]:
    """Lower-case tokens without titles or possessive 's: "Sen. Ted Cruz's" -> (ted, cruz)."""
    return tuple(t for t in _tokens(name) if t not in TITLES)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def names_agree(a: str | None, b: str | None) -> bool:
    """One normalised token sequence contained in the other; pronouns never agree by name."""
    if not a or not b or is_pronoun(a) or is_pronoun(b):
        return False
    ta, tb = normalise_name(a), normalise_name(b)
    if not ta or not tb:
        return False
    return _contains(ta, tb) if len(ta) >= len(tb) else _contains(tb, ta)


def speaker_spans_overlap(gold: GoldQuote, prediction: PredictedQuote) -> bool:
    gs, ge = gold.speaker_start, gold.speaker_end
    ps, pe = prediction.speaker_start, prediction.speaker_end
    if gs is None or ge is None or ps is None or pe is None:
        return False
    return max(gs, ps) < min(ge, pe)


def speaker_correct(gold: GoldQuote, prediction: PredictedQuote, use_actor: bool = False) -> bool:
    """The README rule: span overlap, or normalised names agree (pronouns only by span).

    A gold quote without a speaker is correct only if the prediction names none either.
    With ``use_actor`` the resolved actor's name and aliases may also agree by name.
    """
    if gold.speaker is None and gold.speaker_start is None:
        return not prediction.has_speaker
    if speaker_spans_overlap(gold, prediction):
        return True
    if names_agree(gold.speaker, prediction.speaker):
        return True
    return use_actor and any(names_agree(gold.speaker, n) for n in prediction.actor_names)


# Scores ------------------------------------------------------------------------------------


def ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator, 0.0 when there is nothing to divide by."""
    return numerator / denominator if denominator else 0.0


def prf(correct_predicted: int, predicted: int, correct_gold: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 (all 0.0 when undefined)."""
    precision = ratio(correct_predicted, predicted)
    recall = ratio(correct_gold, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
