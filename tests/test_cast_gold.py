"""Checks of the cast gold set itself (tests/cast/), without spaCy.

The set is only worth scoring against if it is consistent: every article has its gold and
every gold its article, every statement's content is really in the text (once, or at the
occurrence it names), every speaker is one of the article's actors, every name and alias is
written in the article, and the held-out part is a quarter of the set with every beat also
present in the tuning part. The table in tests/cast/README.md must match the files.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

CAST = Path(__file__).parent / "cast"
ARTICLES = CAST / "articles"
GOLD = CAST / "gold"

BEATS = {
    "politics",
    "business",
    "sports",
    "entertainment",
    "local government",
    "science and health",
    "courts and crime",
    "obituaries",
    "international",
    "opinion",
}
PARTS = {"tuning", "heldout"}
KINDS = {"person", "organisation", "place", "group", "other"}
# The a-NN articles are the earlier, shorter seed of the set; the rest run 150-400 words.
SEED = "a-"
GOLD_KEYS = {"beat", "part", "actors", "statements", "not_actors"}


def _stems(folder: Path, suffix: str) -> set[str]:
    return {path.stem for path in folder.glob(f"*{suffix}")}


STEMS = sorted(_stems(ARTICLES, ".txt"))


def _text(stem: str) -> str:
    return (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8")


def _gold(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def _starts(text: str, needle: str) -> list[int]:
    """Every offset where needle begins in text (overlapping matches included)."""
    found: list[int] = []
    at = text.find(needle)
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def _form(name: str) -> str:
    """A name without case and punctuation: "WINNIPEG —" and "Winnipeg" are one form."""
    return " ".join(re.findall(r"\w+", name.casefold()))


def _all_gold() -> list[dict[str, Any]]:
    return [_gold(stem) for stem in STEMS]


def test_every_article_has_gold_and_every_gold_an_article() -> None:
    assert _stems(ARTICLES, ".txt") == _stems(GOLD, ".json")


def test_the_set_is_large_and_covers_the_beats() -> None:
    golds = _all_gold()
    assert len(golds) >= 40
    assert len({gold["beat"] for gold in golds}) >= 8


def test_a_quarter_is_held_out_and_every_beat_is_in_the_tuning_part() -> None:
    golds = _all_gold()
    held = sum(gold["part"] == "heldout" for gold in golds)
    assert 0.24 <= held / len(golds) <= 0.30
    beats = {gold["beat"] for gold in golds}
    assert beats == {gold["beat"] for gold in golds if gold["part"] == "tuning"}
    assert beats == {gold["beat"] for gold in golds if gold["part"] == "heldout"}


@pytest.mark.parametrize("stem", STEMS)
def test_the_article_reads_like_a_saved_page(stem: str) -> None:
    text = _text(stem)
    lines = text.split("\n")
    assert lines[0].strip(), "the headline is on the first line"
    assert lines[1] == "", "a blank line follows the headline"
    assert "\r" not in text and "\t" not in text
    if not stem.startswith(SEED):
        assert 150 <= _words("\n".join(lines[2:])) <= 400


@pytest.mark.parametrize("stem", STEMS)
def test_the_gold_has_the_fields_and_values_of_the_format(stem: str) -> None:
    gold = _gold(stem)
    assert set(gold) <= GOLD_KEYS and {"beat", "part", "actors", "statements"} <= set(gold)
    assert gold["beat"] in BEATS
    assert gold["part"] in PARTS
    assert gold["actors"] and gold["statements"]
    for actor in gold["actors"]:
        assert set(actor) == {"name", "kind", "aliases"}, actor
        assert actor["kind"] in KINDS, actor
    for statement in gold["statements"]:
        assert set(statement) <= {"content", "speaker", "occurrence"}, statement
        assert statement["content"] == statement["content"].strip(), statement


@pytest.mark.parametrize("stem", STEMS)
def test_every_content_is_in_the_text_where_the_gold_says(stem: str) -> None:
    text = _text(stem)
    for statement in _gold(stem)["statements"]:
        starts = _starts(text, statement["content"])
        occurrence = statement.get("occurrence")
        if occurrence is None:
            assert len(starts) == 1, f"{statement['content']!r} occurs {len(starts)} times"
        else:
            assert len(starts) >= occurrence >= 1, statement
            assert len(starts) > 1, f"{statement['content']!r} needs no occurrence"


@pytest.mark.parametrize("stem", STEMS)
def test_no_two_statements_claim_the_same_span(stem: str) -> None:
    keys = Counter(
        (statement["content"], statement.get("occurrence", 1))
        for statement in _gold(stem)["statements"]
    )
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize("stem", STEMS)
def test_every_speaker_is_nobody_or_an_actor_of_the_article(stem: str) -> None:
    gold = _gold(stem)
    names = {actor["name"] for actor in gold["actors"]}
    assert len(names) == len(gold["actors"]), "two actors share a name"
    for statement in gold["statements"]:
        assert statement["speaker"] is None or statement["speaker"] in names, statement


@pytest.mark.parametrize("stem", STEMS)
def test_names_and_aliases_are_written_in_the_article_and_belong_to_one_actor(stem: str) -> None:
    folded = _text(stem).casefold()
    owners: Counter[str] = Counter()
    for actor in _gold(stem)["actors"]:
        forms = {form.casefold() for form in (actor["name"], *actor["aliases"])}
        for form in forms:
            assert form in folded, f"{form!r} is not in the article"
        owners.update(forms)
    assert [form for form, count in owners.items() if count > 1] == []


@pytest.mark.slow
@pytest.mark.parametrize("stem", STEMS)
def test_not_actors_are_in_the_text_and_are_no_actor(stem: str) -> None:
    gold = _gold(stem)
    text = _text(stem)
    forms = {_form(form) for actor in gold["actors"] for form in (actor["name"], *actor["aliases"])}
    for string in gold.get("not_actors", []):
        assert string in text, f"{string!r} is not in the article"
        assert _form(string) not in forms, f"{string!r} is also an actor"


def test_the_readme_table_matches_the_files() -> None:
    """Each article has a row (the seed may lag): beat, part, words, actors and statements."""
    readme = (CAST / "README.md").read_text(encoding="utf-8")
    rows = {
        cells[0].strip("` "): [cell.strip() for cell in cells[1:]]
        for line in readme.splitlines()
        if line.startswith("| `")
        for cells in [line.strip("|").split("|")]
    }
    assert set(rows) <= set(STEMS), "rows for articles that are not in the set"
    assert [stem for stem in STEMS if not stem.startswith(SEED) and stem not in rows] == []
    for stem in rows:
        gold = _gold(stem)
        body = "\n".join(_text(stem).split("\n")[2:])
        expected = [
            gold["beat"],
            gold["part"],
            str(_words(body)),
            str(len(gold["actors"])),
            str(len(gold["statements"])),
        ]
        assert rows[stem] == expected, stem
