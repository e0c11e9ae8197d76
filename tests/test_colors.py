"""The colour registry keeps every highlight apart and every text readable.

Every pair of highlight colours differs by at least a set CIEDE2000 distance, in the light
and the dark theme, for normal vision and under simulated deuteranopia and protanopia
(Machado et al. 2009, severity 1): entity backgrounds from each other, statement
backgrounds and underline colours from every entity background, underlines from the
statement backgrounds they are drawn on and from each other. Text on every highlight meets
WCAG's 4.5:1. The CIEDE2000 code is checked against Sharma, Wu and Dalal's published pairs.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtGui import QColor

from ui.style.color_distance import (
    ciede2000,
    contrast_ratio,
    delta_e,
    simulate,
)
from ui.style.colors import DARK_TEXT, LIGHT_TEXT, Theme, palette, text_color_on

#: The distances every pair keeps (ΔE00): normal vision, and simulated colour blindness.
MIN_NORMAL = 10.0
MIN_SIMULATED = 6.0
#: Statement backgrounds are faint tints and their kinds also differ by underline style
#: and colour, so between themselves they need only stay visibly apart.
MIN_QUOTE_BACKGROUNDS = 4.0
MIN_QUOTE_BACKGROUNDS_SIMULATED = 2.5
MIN_CONTRAST = 4.5

VISIONS = (None, "deuteranopia", "protanopia")
THEMES = (Theme.LIGHT, Theme.DARK)

#: Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 13, 14, 15, 17-20, 25 and 33.
SHARMA_PAIRS = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.001), 7.1792),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA_PAIRS)
def test_ciede2000_matches_the_published_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=5e-5)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=5e-5)


def test_distance_basics():
    assert delta_e("#123456", "#123456") == 0.0
    assert delta_e("#000000", "#ffffff") == pytest.approx(100.0, abs=1e-3)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    # Red and green fall together for both deficiencies; blue and yellow stay apart.
    for deficiency in ("deuteranopia", "protanopia"):
        assert delta_e("#d62728", "#2ca02c", deficiency) < delta_e("#d62728", "#2ca02c") / 2
        assert delta_e("#1f77b4", "#ffdd00", deficiency) > 40
    assert simulate("#808080", "protanopia") == "#808080"  # greys are unchanged


def _entity_backgrounds(theme: Theme) -> dict[str, str]:
    return {label: s.color(theme).name() for label, s in palette().entities.items()}


def _quote_colours(theme: Theme) -> dict[str, tuple[str, str]]:
    """kind -> (underline, background)."""
    return {
        kind: (s.color(theme).name(), s.background(theme).name())
        for kind, s in palette().quotes.items()
    }


def _pairs(theme: Theme) -> list[tuple[str, str, str, str, float, float]]:
    """(what, other, colour, other colour, normal minimum, simulated minimum)."""
    entities = _entity_backgrounds(theme)
    quotes = _quote_colours(theme)
    found = [
        (a, b, entities[a], entities[b], MIN_NORMAL, MIN_SIMULATED)
        for a, b in combinations(entities, 2)
    ]
    for kind, (line, fill) in quotes.items():
        for label, colour in entities.items():
            found.append((f"{kind} background", label, fill, colour, MIN_NORMAL, MIN_SIMULATED))
            found.append((f"{kind} underline", label, line, colour, MIN_NORMAL, MIN_SIMULATED))
        for other, (_line, other_fill) in quotes.items():
            found.append(
                (
                    f"{kind} underline",
                    f"{other} background",
                    line,
                    other_fill,
                    MIN_NORMAL,
                    MIN_SIMULATED,
                )
            )
    for a, b in combinations(quotes, 2):
        found.append(
            (
                f"{a} underline",
                f"{b} underline",
                quotes[a][0],
                quotes[b][0],
                MIN_NORMAL,
                MIN_SIMULATED,
            )
        )
        found.append(
            (
                f"{a} background",
                f"{b} background",
                quotes[a][1],
                quotes[b][1],
                MIN_QUOTE_BACKGROUNDS,
                MIN_QUOTE_BACKGROUNDS_SIMULATED,
            )
        )
    return found


@pytest.mark.parametrize("vision", VISIONS, ids=["normal", "deuteranopia", "protanopia"])
@pytest.mark.parametrize("theme", THEMES, ids=["light", "dark"])
def test_every_pair_of_highlight_colours_stays_apart(theme, vision):
    """Place was Building's colour, Date was Time's, partly-quoted pink was the
    group pink and reported-speech green the country green."""
    too_close = []
    for what, other, colour, other_colour, normal, simulated in _pairs(theme):
        minimum = normal if vision is None else simulated
        distance = delta_e(colour, other_colour, vision)
        if distance < minimum:
            too_close.append(f"{what} / {other}: {distance:.1f} < {minimum}")
    assert not too_close


@pytest.mark.parametrize("theme", THEMES, ids=["light", "dark"])
def test_every_label_has_a_colour_of_its_own(theme):
    colours = list(_entity_backgrounds(theme).values())
    assert len(set(colours)) == len(colours)


@pytest.mark.parametrize("theme", THEMES, ids=["light", "dark"])
def test_text_on_every_highlight_is_readable(theme):
    """Entity text is black or white as ``text_color_on`` picks; statement text keeps the
    theme's own text colour, which must be the one picked as well."""
    theme_text = LIGHT_TEXT if theme is Theme.LIGHT else DARK_TEXT
    for label, colour in _entity_backgrounds(theme).items():
        text = text_color_on(QColor(colour)).name()
        assert contrast_ratio(text, colour) >= MIN_CONTRAST, label
        assert (text == "#000000") is (theme is Theme.LIGHT), label
    for kind, (_line, fill) in _quote_colours(theme).items():
        assert contrast_ratio(theme_text, fill) >= MIN_CONTRAST, kind
        assert contrast_ratio(text_color_on(QColor(fill)).name(), fill) >= MIN_CONTRAST, kind


def test_the_window_draws_with_the_core_palette_named_in_the_readers_words():
    """One reader of resources/palette.json (``reader.output.palette``), which holds colours
    only: every name is ``reader.output.words``', so an export and the window agree."""
    import json

    from reader.output.palette import palette as colours
    from reader.output.palette import palette_path
    from reader.output.words import LABEL_NAMES, STATEMENT_KIND_NAMES

    data = json.loads(palette_path().read_text(encoding="utf-8"))
    for entry in [*data["entities"].values(), *data["quotes"].values()]:
        assert set(entry) & {"name", "description"} == set()
    assert set(palette().entities) <= set(LABEL_NAMES)
    assert set(palette().quotes) == set(STATEMENT_KIND_NAMES)
    for label, style in palette().entities.items():
        assert (style.name, style.light, style.dark) == (
            LABEL_NAMES[label],
            colours().entities[label].light,
            colours().entities[label].dark,
        )
    assert palette().entities["GPE"].description == "Country, city, state"
    assert palette().quotes["mixed"].description == "Partly quoted"
    assert palette().grouped_as_other == colours().grouped_as_other
