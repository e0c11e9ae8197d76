"""Read a cast gold folder (``tests/cast/``) into immutable values.

The folder holds ``articles/<stem>.txt`` (one article, as a reader saved it) and
``gold/<stem>.json`` (its actors, statements and not-actors; the format is in
docs/ACCURACY.md, "Cast metrics"). Each article is opened with ``reader.opening.open_article``,
exactly as the app opens it, and every statement's ``content`` (with its ``occurrence``, the
first one when none is given) is found in that ``Article.text``, so the offsets are offsets
into the text the analysis sees. A .txt file keeps its first line in the text (it also
becomes the title), so nothing shifts. Anything wrong with the gold is a ``DramatisError``
naming the gold file and the problem.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader import errors
from reader.errors import DramatisError
from reader.model import Article

PARTS = ("tuning", "heldout")
BEATS = (
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
)
ACTOR_KINDS = ("person", "organisation", "place", "group", "other")


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One actor the story names: its fullest name, its kind and its other forms."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """One reported statement: its content's offsets and its speaker's gold name (or None)."""

    start: int
    end: int
    content: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class GoldPronoun:
    """One pronoun that refers to a gold actor: "she" at 120–123 is Aileen MacLeod."""

    start: int
    end: int
    text: str
    person: int
    actor: str
    kind: str


@dataclass(frozen=True, slots=True)
class CastArticle:
    """One article of the cast gold set with its gold cast."""

    stem: str
    beat: str
    part: str
    article: Article
    actors: tuple[GoldActor, ...]
    statements: tuple[GoldStatement, ...]
    not_actors: tuple[str, ...] = ()
    #: The pronouns that refer to gold actors, or None when the folder has no ``coref/``.
    pronouns: tuple[GoldPronoun, ...] | None = None

    def actor_index(self, name: str | None) -> int | None:
        """The index of the gold actor with this ``name``, or None."""
        return next((i for i, a in enumerate(self.actors) if a.name == name), None)


def read_cast_gold(folder: str | Path) -> tuple[CastArticle, ...]:
    """Every article of a cast gold folder, in the order of their stems."""
    folder = Path(folder)
    gold_files = sorted((folder / "gold").glob("*.json")) if folder.is_dir() else []
    if not gold_files:
        raise DramatisError(folder, errors.CAST_GOLD_NOT_FOUND)
    return tuple(read_cast_article(path, folder / "articles") for path in gold_files)


def read_cast_article(gold_path: Path, articles: Path) -> CastArticle:
    """One gold file and the article it describes."""
    from reader.opening import open_article

    text_path = articles / f"{gold_path.stem}.txt"
    if not text_path.is_file():
        raise DramatisError(gold_path, errors.CAST_ARTICLE_MISSING.format(article=text_path))
    record = _load(gold_path)
    article = open_article(text_path)
    try:
        parsed = _parse(gold_path, record, article)
    except (KeyError, TypeError, ValueError) as error:
        raise DramatisError(gold_path, _malformed(error)) from error
    coref = articles.parent / "coref"
    if not coref.is_dir():
        return parsed
    coref_path = coref / f"{gold_path.stem}.coref.json"
    if not coref_path.is_file():
        return replace(parsed, pronouns=())
    try:
        pronouns = _pronouns(_load(coref_path), parsed)
    except (KeyError, TypeError, ValueError) as error:
        raise DramatisError(coref_path, _malformed(error)) from error
    return replace(parsed, pronouns=pronouns)


def _malformed(error: Exception) -> str:
    detail = f"missing key {error}" if isinstance(error, KeyError) else str(error)
    return errors.CAST_GOLD_MALFORMED.format(detail=detail)


def _pronouns(record: dict[str, Any], gold: CastArticle) -> tuple[GoldPronoun, ...]:
    """The pronouns of a coref file, each checked against the article text and the actors."""
    names = {a.name for a in gold.actors}
    text = gold.article.text
    found = []
    for number, value in enumerate(_list(record["pronouns"], "pronouns"), start=1):
        if not isinstance(value, dict):
            raise ValueError(f"pronoun {number} is not a JSON object")
        start, end = value["start"], value["end"]
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
            raise ValueError(f"pronoun {number}: start and end must be whole numbers")
        written = _string(value["text"], "text")
        if not 0 <= start < end <= len(text) or text[start:end] != written:
            raise ValueError(f"pronoun {number}: {written!r} is not at {start}–{end} of the text")
        actor = _string(value["actor"], "actor")
        if actor not in names:
            raise ValueError(f"pronoun {number}: actor {actor!r} is not the name of a gold actor")
        person = value["person"]
        if person not in (1, 2, 3) or isinstance(person, bool):
            raise ValueError(f"pronoun {number}: person must be 1, 2 or 3")
        kind = _choice(value["kind"], ACTOR_KINDS, "kind")
        found.append(GoldPronoun(start, end, written, person, actor, kind))
    return tuple(sorted(found, key=lambda p: (p.start, p.end)))


def _load(path: Path) -> dict[str, Any]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        detail = getattr(error, "strerror", None) or str(error)
        raise DramatisError(path, errors.GOLD_UNREADABLE.format(detail=detail)) from error
    except json.JSONDecodeError as error:
        detail = f"not valid JSON (line {error.lineno}: {error.msg})"
        raise DramatisError(path, errors.CAST_GOLD_MALFORMED.format(detail=detail)) from error
    if not isinstance(record, dict):
        raise DramatisError(path, errors.CAST_GOLD_MALFORMED.format(detail="not a JSON object"))
    return record


def _parse(path: Path, record: dict[str, Any], article: Article) -> CastArticle:
    part = _choice(record["part"], PARTS, "part")
    beat = _choice(record["beat"], BEATS, "beat")
    actors = tuple(_actor(a) for a in _list(record["actors"], "actors"))
    names = {a.name for a in actors}
    statements = tuple(
        _statement(path, number, s, article.text, names)
        for number, s in enumerate(_list(record["statements"], "statements"), start=1)
    )
    not_actors = tuple(
        _string(s, "not_actors") for s in _list(record.get("not_actors", []), "not_actors")
    )
    return CastArticle(
        stem=path.stem,
        beat=beat,
        part=part,
        article=article,
        actors=actors,
        statements=statements,
        not_actors=not_actors,
    )


def _actor(value: Any) -> GoldActor:
    if not isinstance(value, dict):
        raise ValueError(f"an actor is not a JSON object: {value!r}")
    aliases = tuple(_string(a, "aliases") for a in _list(value.get("aliases", []), "aliases"))
    return GoldActor(
        name=_string(value["name"], "name"),
        kind=_choice(value["kind"], ACTOR_KINDS, "kind"),
        aliases=aliases,
    )


def _statement(path: Path, number: int, value: Any, text: str, names: set[str]) -> GoldStatement:
    if not isinstance(value, dict):
        raise ValueError(f"statement {number} is not a JSON object")
    content = _string(value["content"], "content")
    speaker = value.get("speaker")
    if speaker is not None and speaker not in names:
        message = errors.CAST_UNKNOWN_SPEAKER.format(number=number, speaker=speaker)
        raise DramatisError(path, message)
    occurrence = value.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        raise ValueError(f"statement {number}: occurrence must be a whole number from 1")
    starts = _occurrences(text, content)
    if not starts:
        message = errors.CAST_CONTENT_MISSING.format(number=number, content=_short(content))
        raise DramatisError(path, message)
    if occurrence > len(starts):
        message = errors.CAST_OCCURRENCE.format(
            number=number, occurrence=occurrence, count=len(starts)
        )
        raise DramatisError(path, message)
    start = starts[occurrence - 1]
    return GoldStatement(start=start, end=start + len(content), content=content, speaker=speaker)


def _occurrences(text: str, content: str) -> list[int]:
    """Where ``content`` starts in ``text`` (occurrences may overlap)."""
    starts, start = [], text.find(content)
    while start >= 0 and content:
        starts.append(start)
        start = text.find(content, start + 1)
    return starts


def _choice(value: Any, allowed: tuple[str, ...], key: str) -> str:
    if value not in allowed:
        raise ValueError(f"{key} {value!r} is not one of: {', '.join(allowed)}")
    return str(value)


def _list(value: Any, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"{key} is not a list")
    return value


def _string(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} {value!r} is not a non-empty string")
    return value


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
