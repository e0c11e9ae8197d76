"""Measure quote attribution against annotated articles: ``dramatis eval``.

Reads gold JSONL (one article a line, offsets into its text), runs the same ``analyse`` as
every other caller, and scores the predicted quotes with ``reader.evaluation.metrics``. The
result is a plain dict of figures, rendered as a text report or JSON, plus optional
records of every miss for error analysis. The NLP is imported only when articles are run.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import errors
from reader.errors import DramatisError
from reader.evaluation.metrics import (
    KINDS,
    SPEAKER_THRESHOLD,
    THRESHOLDS,
    GoldQuote,
    PredictedQuote,
    exact_matches,
    is_ignored,
    match_quotes,
    merge_spans,
    prf,
    ratio,
    speaker_correct,
    split_gold,
)
from reader.model import Analysis, Article

#: Characters of article text shown on either side of a miss in the errors file.
CONTEXT_CHARS = 75


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    title: str | None
    text: str
    quotes: tuple[GoldQuote, ...]


@dataclass(slots=True)
class ArticleResult:
    """Everything scored for one article; the totals are sums of these."""

    id: str
    seconds: float
    words: int
    gold: int = 0
    predicted: int = 0
    ignored: int = 0
    matched: dict[float, int] = field(default_factory=dict)
    exact: int = 0
    speaker_by_mention: int = 0
    speaker_with_actor: int = 0
    gold_null_speaker: int = 0
    gold_null_speaker_correct: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=dict)
    matched_by_kind: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)


# Reading gold ------------------------------------------------------------------------------


def read_gold(paths: Sequence[str | Path], limit: int | None = None) -> list[GoldArticle]:
    """The articles of the gold files, in order, at most ``limit`` of them."""
    articles: list[GoldArticle] = []
    for path in map(Path, paths):
        try:
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, start=1):
                    if limit is not None and len(articles) >= limit:
                        return articles
                    if line.strip():
                        articles.append(_parse_line(path, number, line))
        except (OSError, UnicodeDecodeError) as error:
            detail = getattr(error, "strerror", None) or str(error)
            raise DramatisError(path, errors.GOLD_UNREADABLE.format(detail=detail)) from error
    if not articles:
        raise DramatisError(paths[0] if paths else "-", errors.GOLD_EMPTY)
    return articles


def _parse_line(path: Path, number: int, line: str) -> GoldArticle:
    def malformed(detail: str) -> DramatisError:
        return DramatisError(path, errors.GOLD_MALFORMED.format(line=number, detail=detail))

    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise malformed(f"not valid JSON ({error.msg})") from error
    if not isinstance(record, dict):
        raise malformed("expected a JSON object")
    text, quotes = record.get("text"), record.get("quotes")
    if not isinstance(text, str):
        raise malformed("'text' is missing or not a string")
    if not isinstance(quotes, list):
        raise malformed("'quotes' is missing or not a list")
    try:
        gold = tuple(_parse_quote(q, len(text)) for q in quotes)
    except (KeyError, TypeError, ValueError) as error:
        raise malformed(f"bad quote ({error})") from error
    title = record.get("title")
    return GoldArticle(
        id=str(record.get("id", f"{path.name}:{number}")),
        title=title if isinstance(title, str) else None,
        text=text,
        quotes=gold,
    )


def _offset(value: Any, length: int, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= length:
        raise ValueError(f"{name} {value!r} is not an offset into the text")
    return value


def _parse_quote(quote: dict[str, Any], length: int) -> GoldQuote:
    raw_spans = quote.get("quote_spans") or [[quote["quote_start"], quote["quote_end"]]]
    spans = []
    for start, end in raw_spans:
        start, end = _offset(start, length, "start"), _offset(end, length, "end")
        if end < start:
            raise ValueError(f"span [{start}, {end}] ends before it starts")
        spans.append((start, end))
    kind = quote["kind"]
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    speaker_start, speaker_end = quote.get("speaker_start"), quote.get("speaker_end")
    if speaker_start is not None:
        speaker_start = _offset(speaker_start, length, "speaker_start")
        speaker_end = _offset(speaker_end, length, "speaker_end")
    return GoldQuote(
        spans=merge_spans(spans),
        text=str(quote.get("quote", "")),
        kind=kind,
        speaker=quote.get("speaker"),
        speaker_start=speaker_start,
        speaker_end=speaker_end if speaker_start is not None else None,
        cue=quote.get("cue"),
        cue_is_speech=bool(quote["cue_is_speech"]),
    )


# Scoring -----------------------------------------------------------------------------------


def predictions_of(analysis: Analysis) -> list[PredictedQuote]:
    """The predicted quotes of an analysis, with their actor's names for name matching."""
    predicted = []
    for quote in analysis.quotes:
        actor = analysis.actor(quote.actor) if quote.actor else None
        names = (actor.name, *actor.aliases) if actor else ()
        predicted.append(
            PredictedQuote(
                spans=merge_spans(quote.spans or ((quote.start, quote.end),)),
                text=quote.text,
                kind=quote.kind,
                speaker=quote.speaker,
                speaker_start=quote.speaker_start,
                speaker_end=quote.speaker_end,
                cue=quote.cue,
                actor_names=names,
            )
        )
    return predicted


def score_article(
    article: GoldArticle,
    predictions: Sequence[PredictedQuote],
    speechlike: bool,
    seconds: float = 0.0,
) -> ArticleResult:
    """Score one article's predictions against its gold quotes."""
    text = article.text
    kept, excluded = split_gold(article.quotes, speechlike)
    counted = [p for p in predictions if not is_ignored(p, kept, excluded)]
    result = ArticleResult(
        id=article.id,
        seconds=seconds,
        words=len(text.split()),
        gold=len(kept),
        predicted=len(counted),
        ignored=len(predictions) - len(counted),
        exact=exact_matches(text, kept, counted),
    )
    for threshold in THRESHOLDS:
        result.matched[threshold] = sum(
            m is not None for m in match_quotes(kept, counted, threshold)
        )
    matches = match_quotes(kept, counted, SPEAKER_THRESHOLD)
    for gold, match in zip(kept, matches, strict=True):
        result.gold_by_kind[gold.kind] = result.gold_by_kind.get(gold.kind, 0) + 1
        null_speaker = gold.speaker is None and gold.speaker_start is None
        result.gold_null_speaker += null_speaker
        if match is None:
            result.errors.append(_error(article, "missed", gold, None))
            continue
        prediction = counted[match]
        result.matched_by_kind[gold.kind] = result.matched_by_kind.get(gold.kind, 0) + 1
        by_mention = speaker_correct(gold, prediction)
        result.speaker_by_mention += by_mention
        result.speaker_with_actor += speaker_correct(gold, prediction, use_actor=True)
        result.gold_null_speaker_correct += null_speaker and by_mention
        if not by_mention:
            result.errors.append(_error(article, "wrong_speaker", gold, prediction))
    used = {m for m in matches if m is not None}
    for index, prediction in enumerate(counted):
        if index not in used:
            result.errors.append(_error(article, "spurious", None, prediction))
    return result


def _error(
    article: GoldArticle, error: str, gold: GoldQuote | None, prediction: PredictedQuote | None
) -> dict[str, Any]:
    anchor = gold or prediction
    assert anchor is not None
    text = article.text
    start, end = anchor.start, anchor.end
    return {
        "article": article.id,
        "error": error,
        "start": start,
        "end": end,
        "kind": gold.kind if gold else None,
        "cue": gold.cue if gold else None,
        "gold": (gold.text or text[start:end]) if gold else None,
        "predicted": (prediction.text or text[prediction.start : prediction.end])
        if prediction
        else None,
        "predicted_kind": prediction.kind if prediction else None,
        "predicted_cue": prediction.cue if prediction else None,
        "gold_speaker": gold.speaker if gold else None,
        "predicted_speaker": prediction.speaker if prediction else None,
        "predicted_actor": prediction.actor_names[0]
        if prediction and prediction.actor_names
        else None,
        "context": _squash(text[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS]),
    }


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def run(
    articles: Sequence[GoldArticle],
    speechlike: bool,
    analyse: Callable[[Article], Analysis] | None = None,
    progress: Callable[[int, ArticleResult], None] | None = None,
) -> tuple[list[ArticleResult], float]:
    """Analyse and score each article in turn, all of them as one parse stream unless
    ``analyse`` is given; returns the results and model load seconds."""
    from reader.evaluation.analysing import analysed_in_turn
    from reader.opening import article_from_text

    load_seconds = 0.0
    if analyse is None:
        from reader.nlp.parsing import load_nlp

        began = time.perf_counter()
        load_nlp()  # once, so the per-article timings measure analysis alone
        load_seconds = time.perf_counter() - began
    opened = (article_from_text(gold.text, title=gold.title) for gold in articles)
    results = []
    analysed = analysed_in_turn(opened, analyse)
    for index, (gold, (analysis, seconds)) in enumerate(
        zip(articles, analysed, strict=True), start=1
    ):
        result = score_article(gold, predictions_of(analysis), speechlike, seconds)
        results.append(result)
        if progress:
            progress(index, result)
    return results, load_seconds


# Summary and report ------------------------------------------------------------------------


def summarise(
    results: Sequence[ArticleResult], speechlike: bool, load_seconds: float = 0.0
) -> dict[str, Any]:
    """All figures as a plain dict (the JSON output); rates are 0.0 when undefined."""
    gold = sum(r.gold for r in results)
    predicted = sum(r.predicted for r in results)
    matched = {t: sum(r.matched[t] for r in results) for t in THRESHOLDS}
    speaker_total = matched[SPEAKER_THRESHOLD]
    by_mention = sum(r.speaker_by_mention for r in results)
    with_actor = sum(r.speaker_with_actor for r in results)
    exact = sum(r.exact for r in results)
    seconds = sum(r.seconds for r in results)
    words = sum(r.words for r in results)
    null = sum(r.gold_null_speaker for r in results)
    null_matched_correct = sum(r.gold_null_speaker_correct for r in results)

    def counts_prf(correct: int) -> dict[str, float | int]:
        return {"correct": correct, **prf(correct, predicted, correct, gold)}

    def kind_recall(kind: str) -> dict[str, float | int]:
        kind_gold = sum(r.gold_by_kind.get(kind, 0) for r in results)
        kind_matched = sum(r.matched_by_kind.get(kind, 0) for r in results)
        return {
            "gold": kind_gold,
            "matched": kind_matched,
            "recall": ratio(kind_matched, kind_gold),
        }

    return {
        "speechlike": speechlike,
        "articles": len(results),
        "gold_quotes": gold,
        "predicted_quotes": predicted,
        "ignored_predictions": sum(r.ignored for r in results),
        "quote_detection": {
            str(t): {"matched": matched[t], **prf(matched[t], predicted, matched[t], gold)}
            for t in THRESHOLDS
        },
        "exact_span": {"matched": exact, **prf(exact, predicted, exact, gold)},
        "speaker_accuracy": {
            "matched_quotes": speaker_total,
            "by_mention": {"correct": by_mention, "accuracy": ratio(by_mention, speaker_total)},
            "with_actor_resolution": {
                "correct": with_actor,
                "accuracy": ratio(with_actor, speaker_total),
            },
            "gold_speaker_null": {"gold": null, "matched_and_correct": null_matched_correct},
        },
        "end_to_end": {
            "by_mention": counts_prf(by_mention),
            "with_actor_resolution": counts_prf(with_actor),
        },
        "recall_by_kind": {kind: kind_recall(kind) for kind in KINDS},
        "timing": {
            "model_load_seconds": load_seconds,
            "total_seconds": seconds,
            "seconds_per_article": seconds / len(results) if results else 0.0,
            "words": words,
            "words_per_second": words / seconds if seconds else 0.0,
        },
    }


def per_article_rows(results: Sequence[ArticleResult]) -> list[dict[str, Any]]:
    return [
        {
            "id": r.id,
            "gold": r.gold,
            "predicted": r.predicted,
            "matched": r.matched[SPEAKER_THRESHOLD],
            "seconds": r.seconds,
        }
        for r in results
    ]


def format_report(summary: dict[str, Any], rows: Sequence[dict[str, Any]] = ()) -> str:
    """The summary as a readable text report, optionally preceded by per-article lines."""
    lines = [
        f"{r['id']}  gold {r['gold']}  predicted {r['predicted']}  "
        f"matched {r['matched']}  {r['seconds']:.2f} s"
        for r in rows
    ]
    if lines:
        lines.append("")
    subset = "speech-like attributions" if summary["speechlike"] else "all attributions"
    s = summary
    lines += [
        f"Articles {s['articles']}   gold quotes {s['gold_quotes']} ({subset})   "
        f"predicted {s['predicted_quotes']}   ignored {s['ignored_predictions']}",
        "",
        f"{'':32}{'P':>7}{'R':>7}{'F1':>7}{'n':>7}",
    ]

    def row(label: str, figures: dict[str, Any], count: str) -> str:
        p, r, f = (100 * figures[k] for k in ("precision", "recall", "f1"))
        return f"{label:32}{p:7.1f}{r:7.1f}{f:7.1f}{figures[count]:7d}"

    for threshold, figures in s["quote_detection"].items():
        lines.append(row(f"Quote detection T={threshold}", figures, "matched"))
    lines.append(row("Exact span", s["exact_span"], "matched"))
    lines.append(row("End-to-end (by mention)", s["end_to_end"]["by_mention"], "correct"))
    lines.append(
        row("End-to-end (actor resolution)", s["end_to_end"]["with_actor_resolution"], "correct")
    )
    speaker = s["speaker_accuracy"]
    total = speaker["matched_quotes"]
    null = speaker["gold_speaker_null"]
    lines += [
        "",
        f"Speaker accuracy (by mention)        {100 * speaker['by_mention']['accuracy']:5.1f} %"
        f"  ({speaker['by_mention']['correct']}/{total} matched at T={SPEAKER_THRESHOLD})",
        "Speaker accuracy (actor resolution)  "
        f"{100 * speaker['with_actor_resolution']['accuracy']:5.1f} %"
        f"  ({speaker['with_actor_resolution']['correct']}/{total})",
        f"Gold quotes without a speaker        {null['gold']}"
        f"  (matched and predicted without one: {null['matched_and_correct']})",
        "",
        f"Recall by kind (T={SPEAKER_THRESHOLD})",
    ]
    for kind, figures in s["recall_by_kind"].items():
        lines.append(
            f"  {kind:10}{100 * figures['recall']:6.1f} %  ({figures['matched']}/{figures['gold']})"
        )
    timing = s["timing"]
    lines += [
        "",
        f"Time  {timing['total_seconds']:.1f} s for {s['articles']} articles"
        f"  ({timing['seconds_per_article']:.2f} s/article,"
        f" {timing['words_per_second']:,.0f} words/s;"
        f" model load {timing['model_load_seconds']:.1f} s)",
    ]
    return "\n".join(lines)


def error_records(results: Sequence[ArticleResult]) -> Iterator[dict[str, Any]]:
    for result in results:
        yield from result.errors


def write_errors(path: str | Path, results: Sequence[ArticleResult]) -> int:
    """Write every miss as a JSON line; returns how many were written."""
    path = Path(path)
    count = 0
    try:
        with path.open("w", encoding="utf-8") as out:
            for record in error_records(results):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    except OSError as error:
        raise DramatisError(path, f"cannot be written ({error.strerror or error})") from error
    return count
