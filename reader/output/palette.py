"""The highlight colours of ``resources/palette.json``: the one reader of that file.

The core's renderers draw with it, and the desktop app makes its Qt styles from it
(``ui/style/colors.py``), so an exported page shows every label and statement kind in the
colours of the window, light and dark. Only plain strings come out of here: the renderers
decide how to use them. What each label and kind is called is ``reader.output.words``'.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.nlp.labels import KIND_LABELS
from reader.paths import resources_dir

#: The palette key every label without a colour of its own shares.
OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class EntityColours:
    """An entity label's background in the light and the dark theme."""

    light: str
    dark: str


@dataclass(frozen=True, slots=True)
class QuoteColours:
    """A statement kind's underline (style and colour) and faint background, both themes."""

    underline: str  # "solid", "dash" or "dot"
    light: str
    dark: str
    light_background: str
    dark_background: str


@dataclass(frozen=True, slots=True)
class Palette:
    entities: dict[str, EntityColours]
    quotes: dict[str, QuoteColours]
    #: Labels with no colour of their own, drawn as OTHER.
    grouped_as_other: frozenset[str]

    def entity_key(self, label: str) -> str:
        """The palette entry of a label: its own, or OTHER's."""
        return label if label in self.entities else OTHER

    def actor_key(self, kind: str) -> str:
        """The palette entry of an actor kind: the label its mentions are drawn with."""
        return self.entity_key(KIND_LABELS.get(kind, OTHER))

    def quote_key(self, kind: str) -> str:
        """The palette entry of a statement kind (an unknown kind reads as reported speech)."""
        return kind if kind in self.quotes else "indirect"


def palette_path() -> Path:
    """``resources/palette.json``: beside the packages, or unpacked in a PyInstaller bundle."""
    return resources_dir() / "palette.json"


@cache
def palette() -> Palette:
    """The palette, read once."""
    data = json.loads(palette_path().read_text(encoding="utf-8"))
    entities = {
        label: EntityColours(v["light"], v["dark"]) for label, v in data["entities"].items()
    }
    quotes = {
        kind: QuoteColours(
            v["underline"], v["light"], v["dark"], v["light_background"], v["dark_background"]
        )
        for kind, v in data["quotes"].items()
    }
    return Palette(entities, quotes, frozenset(data["grouped_as_other"]))
