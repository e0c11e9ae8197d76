"""Calibrate each statement rule's confidence on the training split; write the table.

For every rule, the confidence is the share of its statements on the training articles that
are right end to end: matched to a gold speech-like statement at T = 0.3 (the quote
detection metric of ``dramatis eval``) with the right speaker. Statements lying on excluded
gold (beliefs, polls) are not counted, as in the metric. Shares are smoothed as
(right + 1) / (statements + 2), so a rare rule gets a cautious figure, not 0 or 1.

Usage: ``python bench/calibrate_rules.py ../shared/eval/polnear_train.jsonl`` writes
``reader/rule_confidence.py`` (plain data, so it ships inside any package or bundle) and
prints the table. Rerun it whenever a rule changes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.attribution.rules import CONFIDENCE_FILE, Rule  # noqa: E402
from reader.evaluation.metrics import (  # noqa: E402
    SPEAKER_THRESHOLD,
    is_ignored,
    match_quotes,
    speaker_correct,
    split_gold,
)
from reader.evaluation.scoring import predictions_of, read_gold  # noqa: E402
from reader.opening import article_from_text  # noqa: E402
from reader.pipeline import analyse  # noqa: E402


def count_rules(paths: list[str], limit: int | None) -> tuple[Counter[str], Counter[str], int]:
    """Statements and right statements per rule over the gold articles."""
    statements: Counter[str] = Counter()
    right: Counter[str] = Counter()
    articles = read_gold(paths, limit)
    for gold in articles:
        analysis = analyse(article_from_text(gold.text, title=gold.title))
        predictions = predictions_of(analysis)
        kept, excluded = split_gold(gold.quotes, speechlike=True)
        counted = [
            (quote, p)
            for quote, p in zip(analysis.quotes, predictions, strict=True)
            if not is_ignored(p, kept, excluded)
        ]
        matches = match_quotes(kept, [p for _, p in counted], SPEAKER_THRESHOLD)
        correct = {
            m
            for g, m in zip(kept, matches, strict=True)
            if m is not None and speaker_correct(g, counted[m][1])
        }
        for index, (quote, _) in enumerate(counted):
            rule = quote.rule or "unknown"
            statements[rule] += 1
            right[rule] += index in correct
    return statements, right, len(articles)


def table(statements: Counter[str], right: Counter[str], articles: int, source: str) -> dict:
    rules = {}
    for rule in Rule:
        n, k = statements[rule.value], right[rule.value]
        rules[rule.value] = {
            "confidence": round((k + 1) / (n + 2), 3),
            "statements": n,
            "right": k,
        }
    return {
        "calibrated_on": source,
        "articles": articles,
        "rules": rules,
    }


def as_module(result: dict) -> str:
    """The table as a Python module of plain data."""
    lines = [
        '"""Calibrated confidence of each statement rule: written by bench/calibrate_rules.py.',
        "",
        "The share of each rule's statements right end to end (T = 0.3, speaker correct),",
        "smoothed as (right + 1) / (statements + 2), on "
        f"{result['calibrated_on']} ({result['articles']} articles).",
        "Do not edit by hand: rerun the script.",
        '"""',
        "",
        "#: rule -> (confidence, statements, right)",
        "CALIBRATION: dict[str, tuple[float, int, int]] = {",
    ]
    for rule, row in result["rules"].items():
        lines.append(f'    "{rule}": ({row["confidence"]}, {row["statements"]}, {row["right"]}),')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="training-split JSONL files")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--output", type=Path, default=CONFIDENCE_FILE)
    args = parser.parse_args()
    began = time.perf_counter()
    statements, right, articles = count_rules(args.gold, args.limit)
    source = ", ".join(Path(p).name for p in args.gold)
    result = table(statements, right, articles, source)
    args.output.write_text(as_module(result), encoding="utf-8")
    print(f"{articles} articles from {source} in {time.perf_counter() - began:.0f} s")
    print(f"{'rule':26} {'statements':>10} {'right':>6} {'confidence':>10}")
    for rule, row in sorted(result["rules"].items(), key=lambda kv: -kv[1]["statements"]):
        print(f"{rule:26} {row['statements']:>10} {row['right']:>6} {row['confidence']:>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
