"""``dramatis eval --cast``: analyse the gold articles, pool the cast scores, report them.

The gold comes from cast gold folders (``reader.evaluation.cast_gold``) and PolNeAR JSONL
files (sources only, ``reader.evaluation.polnear_cast``). Each article is analysed once with
the same ``analyse`` as every other caller and scored per article; the summary adds the
counts up per part (tuning, heldout, and all of a cast set; each PolNeAR file or slice on
its own) and per beat. The NLP is imported only when articles are run.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import errors
from reader.errors import DramatisError
from reader.evaluation import cast, polnear_cast
from reader.evaluation.cast import CastScore, Counts, PronounCounts
from reader.evaluation.cast_gold import PARTS, CastArticle, read_cast_gold
from reader.evaluation.scoring import GoldArticle, read_gold
from reader.model import Analysis, Article
from reader.output.words import plural

Slice = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PolnearGold:
    """The articles of one PolNeAR file (or one slice of it), reported as one part."""

    label: str
    articles: tuple[GoldArticle, ...]


# Reading -------------------------------------------------------------------------------------


def parse_slice(value: str) -> Slice:
    """``"2/5"`` → ``(2, 5)``; a ``DramatisError`` for anything else."""
    k, sep, n = value.partition("/")
    if sep and k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n):
        return int(k), int(n)
    raise DramatisError("--slice", errors.BAD_SLICE.format(value=value))


def read_sources(
    paths: Sequence[Path], part_slice: Slice | None = None, limit: int | None = None
) -> tuple[list[CastArticle], list[PolnearGold]]:
    """Cast gold folders and PolNeAR files; ``part_slice`` and ``limit`` apply to each file."""
    cast_articles: list[CastArticle] = []
    polnear: list[PolnearGold] = []
    for path in paths:
        if path.is_dir():
            cast_articles += read_cast_gold(path)[:limit]
            continue
        articles = read_gold([path])
        label = path.name
        if part_slice is not None:
            articles = polnear_cast.take_slice(articles, *part_slice)
            label += f" slice {part_slice[0]}/{part_slice[1]}"
        polnear.append(PolnearGold(label, tuple(articles[:limit])))
    return cast_articles, polnear


# Running -------------------------------------------------------------------------------------


def run(
    cast_articles: Sequence[CastArticle],
    polnear: Sequence[PolnearGold],
    analyse: Callable[[Article], Analysis] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[CastScore], dict[str, float]]:
    """Analyse and score every article, all of them as one parse stream unless ``analyse``
    is given; returns the scores and the timing."""
    from reader.evaluation.analysing import analysed_in_turn
    from reader.opening import article_from_text

    timing = {"model_load_seconds": 0.0, "analysis_seconds": 0.0}
    if analyse is None:
        from reader.nlp.parsing import load_nlp

        began = time.perf_counter()
        load_nlp()
        timing["model_load_seconds"] = time.perf_counter() - began
    # Each article with the scoring of its analysis, in the order they are reported.
    scorers: list[tuple[Article, Callable[[Analysis], CastScore]]] = [
        (gold.article, functools.partial(cast.score_article, gold)) for gold in cast_articles
    ]
    for part in polnear:
        for record in part.articles:
            article = article_from_text(record.text, title=record.title)
            scorers.append(
                (article, functools.partial(polnear_cast.score_article, record, part=part.label))
            )
    scores: list[CastScore] = []
    analysed = analysed_in_turn((article for article, _ in scorers), analyse)
    for (_, scorer), (analysis, seconds) in zip(scorers, analysed, strict=True):
        timing["analysis_seconds"] += seconds
        if progress:
            progress(len(scores) + 1, len(scorers))
        scores.append(scorer(analysis))
    return scores, timing


# Summary ------------------------------------------------------------------------------------


def _total(scores: Iterable[CastScore], name: str) -> Counts:
    return sum((getattr(s, name) for s in scores), Counts())


def _named(scores: Iterable[CastScore], name: str) -> list[str]:
    return [f"{item} ({s.stem})" for s in scores for item in getattr(s, name)]


def _pronouns(scores: Iterable[CastScore]) -> dict[str, float | int] | None:
    """Pooled pronoun figures of the articles with pronoun gold, or None if none has."""
    counted = [s.pronouns for s in scores if s.pronouns is not None]
    return sum(counted, PronounCounts()).scores() if counted else None


def _block(scores: Iterable[CastScore], name: str) -> dict[str, Any]:
    names = _named(scores, name)
    return {"count": len(names), "names": names}


def part_summary(scores: Sequence[CastScore]) -> dict[str, Any]:
    """The pooled figures of some cast articles."""
    matched = sum(s.matched_gold for s in scores)
    wrong = _named(scores, "wrong_kind")
    return {
        "articles": len(scores),
        "people": _total(scores, "people").scores(),
        "sources": _total(scores, "sources").scores(),
        "statements": _total(scores, "statements").scores(),
        "end_to_end": _total(scores, "end_to_end").scores(),
        "split_people": _block(scores, "split"),
        "split_organisations": _block(scores, "split_organisations"),
        "merged_people": _block(scores, "merged"),
        "non_person": _block(scores, "non_person"),
        "wrong_kinds": {
            "count": len(wrong),
            "matched_gold": matched,
            "kinds_right": (matched - len(wrong)) / matched if matched else 0.0,
            "names": wrong,
        },
        "not_actors": _block(scores, "not_actors"),
        "pronouns": _pronouns(scores),
    }


def _f1s(scores: Sequence[CastScore]) -> dict[str, Any]:
    return {
        "articles": len(scores),
        "people_f1": _total(scores, "people").scores()["f1"],
        "sources_f1": _total(scores, "sources").scores()["f1"],
        "statements_f1": _total(scores, "statements").scores()["f1"],
        "pronouns": _pronouns(scores),
    }


def summarise(
    scores: Sequence[CastScore], timing: dict[str, float] | None = None
) -> dict[str, Any]:
    """All figures as a plain dict (the JSON output); rates are 0.0 when undefined."""
    cast_scores = [s for s in scores if s.part in PARTS]
    summary: dict[str, Any] = {}
    if cast_scores:
        parts = {p: part_summary([s for s in cast_scores if s.part == p]) for p in PARTS}
        beats = sorted({s.beat for s in cast_scores if s.beat})
        summary["cast"] = {
            "articles": len(cast_scores),
            "parts": {**parts, "all": part_summary(cast_scores)},
            "beats": {b: _f1s([s for s in cast_scores if s.beat == b]) for b in beats},
        }
    labels = list(dict.fromkeys(s.part for s in scores if s.part not in PARTS))
    if labels:
        summary["polnear"] = {
            label: {
                "articles": sum(s.part == label for s in scores),
                "sources": _total([s for s in scores if s.part == label], "sources").scores(),
                "ignored_sources": sum(s.ignored_sources for s in scores if s.part == label),
                "unnamed_sources": sum(s.unnamed_sources for s in scores if s.part == label),
            }
            for label in labels
        }
    summary["per_article"] = [
        {"article": s.stem, "part": s.part, "beat": s.beat, **_f1s([s])} for s in scores
    ]
    summary["timing"] = dict(timing or {})
    return summary


# The text report ------------------------------------------------------------------------------


def _prf_line(label: str, figures: dict[str, Any]) -> str:
    p, r, f = (figures[k] for k in ("precision", "recall", "f1"))
    return (
        f"  {label:12} P {p:.2f}  R {r:.2f}  F1 {f:.2f}"
        f"   ({figures['system_right']}/{figures['system']} system right,"
        f" {figures['gold_found']}/{figures['gold']} gold found)"
    )


#: Names listed on one line of the text report; the JSON and --errors have them all.
SHOWN_NAMES = 8


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:SHOWN_NAMES])
    more = len(names) - SHOWN_NAMES
    return f": {shown}" + (f" and {more} more" if more > 0 else "") if names else ""


def _list_line(label: str, block: dict[str, Any]) -> str:
    return f"  {label} {block['count']}{_names(block['names'])}"


def _part_lines(name: str, part: dict[str, Any]) -> list[str]:
    kinds = part["wrong_kinds"]
    return [
        f"{name}, {plural(part['articles'], 'article')}",
        _prf_line("people", part["people"]),
        _prf_line("sources", part["sources"]),
        _prf_line("statements", part["statements"]),
        _prf_line("end-to-end", part["end_to_end"]),
        _list_line("split people", part["split_people"]),
        _list_line("split organisations", part["split_organisations"]),
        _list_line("merged people", part["merged_people"]),
        _list_line("found only as a non-person", part["non_person"]),
        f"  wrong kinds {kinds['count']} (kinds right {100 * kinds['kinds_right']:.0f} % of "
        f"{kinds['matched_gold']} matched){_names(kinds['names'])}",
        _list_line("not-actors that became actors", part["not_actors"]),
        *_pronoun_lines(part.get("pronouns")),
    ]


def _pronoun_lines(figures: dict[str, Any] | None) -> list[str]:
    if figures is None:
        return []
    return [
        f"  pronouns: {figures['gold']} third-person pronouns to people,"
        f" {figures['right']} resolved to the right person"
        f" ({100 * figures['right_share']:.0f} %), {figures['wrong']} to a wrong actor,"
        f" {figures['unresolved']} unresolved"
    ]


def _f1_line(label: str, row: dict[str, Any]) -> str:
    return (
        f"  {label:40} people F1 {row['people_f1']:.2f}  sources F1 {row['sources_f1']:.2f}"
        f"  statements F1 {row['statements_f1']:.2f}"
        + (
            f"  pronouns {row['pronouns']['right']}/{row['pronouns']['gold']}"
            if row.get("pronouns") and row["pronouns"]["gold"]
            else ""
        )
    )


def format_report(summary: dict[str, Any], details: bool = False) -> str:
    """The summary as readable lines; ``details`` adds per-beat and per-article lines."""
    lines: list[str] = []
    if "cast" in summary:
        cast_summary = summary["cast"]
        counts = ", ".join(f"{p} {cast_summary['parts'][p]['articles']}" for p in PARTS)
        lines += [f"Cast gold: {plural(cast_summary['articles'], 'article')} ({counts})", ""]
        for name, part in cast_summary["parts"].items():
            if part["articles"]:
                lines += [*_part_lines(name, part), ""]
        if details:
            lines.append("By beat")
            lines += [
                _f1_line(f"{beat} ({row['articles']})", row)
                for beat, row in cast_summary["beats"].items()
            ]
            lines.append("")
    for label, part in summary.get("polnear", {}).items():
        lines += [
            f"PolNeAR {label}, {plural(part['articles'], 'article')}",
            _prf_line("sources", part["sources"]),
            "  left out: system sources matching only non-speech names "
            f"{part['ignored_sources']}, never named as speakers {part['unnamed_sources']}",
            "",
        ]
    if details:
        lines.append("By article")
        lines += [
            _f1_line(f"{row['article']} ({row['part']})", row) for row in summary["per_article"]
        ]
        lines.append("")
    timing = summary.get("timing", {})
    if timing:
        lines.append(
            f"Time  {timing.get('analysis_seconds', 0.0):.1f} s analysing"
            f" (model load {timing.get('model_load_seconds', 0.0):.1f} s)"
        )
    return "\n".join(lines).rstrip()


def write_errors(path: str | Path, scores: Sequence[CastScore]) -> int:
    """Write every cast error as a JSON line; returns how many were written."""
    path = Path(path)
    count = 0
    try:
        with path.open("w", encoding="utf-8") as out:
            for score in scores:
                for record in score.errors:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
    except OSError as error:
        detail = error.strerror or str(error)
        raise DramatisError(path, errors.OUTPUT_UNWRITABLE.format(detail=detail)) from error
    return count
