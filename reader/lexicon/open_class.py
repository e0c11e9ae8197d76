"""Given names and places: open classes, read from the tables in ``resources/open_class/``.

No typed list covers the names of the world's people and towns; these come from data
packages on the index (``packaging/open_class_data.py`` derives them, and
docs/OPEN_CLASS_DATA.md names their sources and licences). Each table is read once, on
first use, in the process that analyses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.lexicon.titles import Gender
from reader.paths import resources_dir

#: A name this share of whose bearers are women (or men) gives that gender.
_GENDERED_SHARE = 0.9
#: A name this share of whose bearers are women (or men) leans that way: enough to tell
#: whom "she" or "he" refers to between two people, not to name anyone's gender.
_LEANING_SHARE = 0.75
#: Bearers below which a name is too rare to be evidence of a person on its own.
_COMMON_BEARERS = 10_000


@dataclass(frozen=True, slots=True)
class GivenName:
    """What the data says of one given name."""

    share_female: float
    bearers: int

    @property
    def gender(self) -> Gender | None:
        if self.share_female >= _GENDERED_SHARE:
            return "female"
        if self.share_female <= 1 - _GENDERED_SHARE:
            return "male"
        return None

    @property
    def leaning(self) -> Gender | None:
        """The gender most bearers have (three in four or more), else None."""
        if self.share_female >= _LEANING_SHARE:
            return "female"
        if self.share_female <= 1 - _LEANING_SHARE:
            return "male"
        return None

    @property
    def common(self) -> bool:
        return self.bearers >= _COMMON_BEARERS


def data_folder() -> Path:
    """``resources/open_class``: beside the packages, or unpacked in a PyInstaller bundle."""
    return resources_dir() / "open_class"


@cache
def _given_names() -> dict[str, GivenName]:
    names: dict[str, GivenName] = {}
    for row in _rows("given_names.tsv"):
        name, share, bearers = row
        names[name] = GivenName(float(share), int(bearers))
    return names


@cache
def _places() -> dict[str, str]:
    """Place name → its kind (``city``, ``state`` or ``country``; the larger kind wins)."""
    rank = {"city": 0, "state": 1, "country": 2}
    places: dict[str, str] = {}
    for name, kind, _population in _rows("places.tsv"):
        if rank[kind] >= rank.get(places.get(name, "city"), 0):
            places[name] = kind
    return places


def _rows(file_name: str) -> list[list[str]]:
    lines = (data_folder() / file_name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line]


def given_name(word: str) -> GivenName | None:
    """The data on ``word`` as a given name ("Thibaut", "Annie"), or None."""
    return _given_names().get(word.lower())


def is_common_given_name(word: str) -> bool:
    """A given name borne by enough people to count as evidence of a person."""
    found = given_name(word)
    return found is not None and found.common


def place_kind(name: str) -> str | None:
    """``city``, ``state`` or ``country`` when ``name`` is written as a known place."""
    return _places().get(name)
