"""Does a learned judge of actors' kinds beat the rules on real news? Leave-one-article-out.

A multinomial logistic regression (numpy, L2) reads each actor the pipeline found: its
kind by the rules, its mentions' entity labels, the words just before and after them, the
pronouns linked to it, whether it speaks, and its name (first and last word, shape, the
open-class given-name and place data). It predicts person, organisation, place, group or
"none" (no actor of the gold). Trained on the GUM interviews, our own gold set and 23 of
the 24 GUM news articles, it judges the 24th; every article is held out once. A judgement
is acted on when the model is at least THETA sure and disagrees with the rules: a new kind,
or the actor dropped if it says nothing. Printed: kinds right among actors the gold has,
real actors dropped, spurious ones dropped, per THETA, beside the rules alone.

The gold is GUM's (CC BY 4.0, ``../shared/realnews``), so such a model could ship; it is
not shipped, because it does not beat the rules (docs/ACCURACY.md).

    python bench/learned_kinds.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT
from reader.evaluation.cast import assign
from reader.evaluation.cast_gold import read_cast_gold
from reader.lexicon.open_class import given_name, place_kind
from reader.model import Actor, Entity
from reader.pipeline import analyse_each

CLASSES = ("person", "organisation", "place", "group", "none")
THETAS = (0.5, 0.6, 0.7, 0.8, 0.9)
_PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_THING = frozenset({"it", "its", "itself"})


@dataclass(frozen=True)
class Example:
    corpus: str
    stem: str
    name: str
    rule: str
    gold: str
    speaks: bool
    features: dict[str, float]


def features(text: str, actor: Actor, mentions: Sequence[Entity]) -> dict[str, float]:
    """The named features of ``actor`` (``mentions``: its entities, pronouns too)."""
    found: dict[str, float] = {"bias": 1.0, f"kind={actor.kind}": 1.0}
    named = [m for m in mentions if m.label != "PRONOUN"]
    pronouns = [m.text.lower() for m in mentions if m.label == "PRONOUN"]
    total = max(len(named), 1)
    for label, count in Counter(m.label for m in named).items():
        found[f"label={label}"] = count / total
    for word, count in Counter(_before(text, m.start) for m in named).items():
        found[f"before={word}"] = count / total
    for word, count in Counter(_after(text, m.end) for m in named).items():
        found[f"after={word}"] = count / total
    found["mentions"] = min(len(named), 20) / 20
    found["speaks"] = 1.0 if actor.quotes else 0.0
    if pronouns:
        found["pronoun=personal"] = sum(p in _PERSONAL for p in pronouns) / len(pronouns)
        found["pronoun=thing"] = sum(p in _THING for p in pronouns) / len(pronouns)
        plural = sum(p.startswith(("they", "them", "the")) for p in pronouns)
        found["pronoun=plural"] = plural / len(pronouns)
    _name_features(actor.name, found)
    return found


_WORD = re.compile(r"[\w'’&@./-]+")


def _name_features(name: str, found: dict[str, float]) -> None:
    words = name.split()
    if not words:
        return
    found[f"words={min(len(words), 5)}"] = 1.0
    found[f"last={words[-1].lower()}"] = 1.0
    found[f"first={words[0].lower()}"] = 1.0
    if given_name(words[0]) is not None and len(words) > 1:
        found["given_name_first"] = 1.0
    if len(words) == 1 and given_name(words[0]) is not None:
        found["given_name_alone"] = 1.0
    kind = place_kind(name)
    if kind is not None:
        found[f"place={kind}"] = 1.0
    elif any(place_kind(w) is not None for w in words):
        found["place_word"] = 1.0
    if name.isupper() and len(name) > 1:
        found["all_caps"] = 1.0
    if any(c.isdigit() for c in name):
        found["digit"] = 1.0
    if any(ch in name for ch in "./@"):
        found["web_like"] = 1.0
    if any(w[1:] != w[1:].lower() and not w.isupper() for w in words):
        found["inner_capital"] = 1.0
    if words[-1].lower().endswith("s") and len(words[-1]) > 3:
        found["plural_end"] = 1.0


def _before(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 40) : start])
    return words[-1].lower() if words else "^"


def _after(text: str, end: int) -> str:
    words = _WORD.findall(text[end : end + 40])
    return words[0].lower() if words else "$"


def examples(shared: Path) -> list[Example]:
    """Every actor the pipeline finds in the three gold sets, labelled from the gold."""
    found: list[Example] = []
    sets = (
        ("gum", shared / "realnews" / "gum"),
        ("interviews", shared / "realnews" / "gum-interviews"),
        ("own", ROOT / "tests" / "cast"),
    )
    for corpus, folder in sets:
        gold = read_cast_gold(folder)
        by_text = {g.article.text: g for g in gold}
        for article, analysis in analyse_each([g.article for g in gold]):
            if isinstance(analysis, Exception):
                raise SystemExit(f"{article.source}: {analysis}")
            cast = by_text[article.text]
            assigned = assign(analysis.actors, cast.actors)
            mentions: dict[str, list[Entity]] = {}
            for entity in analysis.entities:
                if entity.actor:
                    mentions.setdefault(entity.actor, []).append(entity)
            for actor in analysis.actors:
                index = assigned.get(actor.id)
                label = cast.actors[index].kind if index is not None else "none"
                found.append(
                    Example(
                        corpus,
                        cast.stem,
                        actor.name,
                        actor.kind,
                        label,
                        bool(actor.quotes),
                        features(article.text, actor, mentions.get(actor.id, [])),
                    )
                )
    return found


def fit(
    train: Sequence[Example], l2: float = 0.3, epochs: int = 1500, rate: float = 1.0
) -> tuple[dict[str, int], np.ndarray]:
    """Weights of a multinomial logistic regression over features seen twice or more."""
    counts = Counter(f for e in train for f in e.features)
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
    x = _matrix(train, vocabulary)
    y = np.eye(len(CLASSES))[[CLASSES.index(e.gold) for e in train]]
    weights = np.zeros((len(vocabulary), len(CLASSES)))
    for _ in range(epochs):
        p = _softmax(x @ weights)
        weights -= rate * (x.T @ (p - y) + l2 * weights) / len(train)
    return vocabulary, weights


def _matrix(rows: Sequence[Example], vocabulary: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(vocabulary)))
    for i, row in enumerate(rows):
        for name, value in row.features.items():
            if name in vocabulary:
                x[i, vocabulary[name]] = value
    return x


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    rows = examples(args.shared)
    held = [e for e in rows if e.corpus == "gum"]
    judged: list[tuple[Example, np.ndarray]] = []
    for stem in sorted({e.stem for e in held}):
        vocabulary, weights = fit([e for e in rows if not (e.corpus == "gum" and e.stem == stem)])
        out = [e for e in held if e.stem == stem]
        judged.extend(zip(out, _softmax(_matrix(out, vocabulary) @ weights), strict=True))
    print(f"actors: {len(rows)} ({Counter(e.corpus for e in rows)}); judged: {len(judged)}")
    real = [e for e in held if e.gold != "none"]
    spurious = len(held) - len(real)
    rule_right = sum(e.rule == e.gold for e in real)
    print(f"{'':14}{'kinds right':>14}{'real dropped':>14}{'spurious dropped':>18}")
    print(f"{'rules alone':14}{rule_right:>9} / {len(real)}{0:>14}{0:>12} / {spurious}")
    for theta in THETAS:
        right = dropped_real = dropped_spurious = 0
        for example, p in judged:
            best = int(p.argmax())
            chosen = example.rule
            if p[best] >= theta and CLASSES[best] != example.rule:
                if CLASSES[best] != "none":
                    chosen = CLASSES[best]
                elif not example.speaks:
                    chosen = "none"
            if example.gold == "none":
                dropped_spurious += chosen == "none"
            else:
                right += chosen == example.gold
                dropped_real += chosen == "none"
        print(
            f"{'theta ' + str(theta):14}{right:>9} / {len(real)}{dropped_real:>14}"
            f"{dropped_spurious:>12} / {spurious}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
