"""How far apart two colours look: CIEDE2000, colour-blindness simulation and WCAG contrast.

Used by the tests of the colour registry (``tests/test_colors.py``) to prove that every
highlight stays distinguishable from every other, in both themes and for readers with
deuteranopia or protanopia, and that text on every highlight stays readable. Plain Python on
``#rrggbb`` strings, no Qt.

- CIEDE2000 follows Sharma, Wu and Dalal, "The CIEDE2000 color-difference formula:
  implementation notes, supplementary test data, and mathematical observations" (2005),
  with sRGB converted to CIELAB under D65.
- Colour-blindness is simulated with the matrices of Machado, Oliveira and Fernandes, "A
  physiologically-based model for simulation of color vision deficiency" (2009), severity
  1.0, applied to linear RGB.
- Contrast is the WCAG 2 contrast ratio of relative luminances.
"""

from __future__ import annotations

import math

RGB = tuple[float, float, float]
Lab = tuple[float, float, float]
_Matrix = tuple[RGB, RGB, RGB]

#: Machado et al. 2009, severity 1.0 (linear RGB in, linear RGB out).
SIMULATIONS: dict[str, _Matrix] = {
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
}

#: sRGB (linear) to CIE XYZ, D65.
_TO_XYZ: _Matrix = (
    (0.4124564, 0.3575761, 0.1804375),
    (0.2126729, 0.7151522, 0.0721750),
    (0.0193339, 0.1191920, 0.9503041),
)
_WHITE = (0.95047, 1.0, 1.08883)


def parse_hex(colour: str) -> RGB:
    """``#rrggbb`` as sRGB components from 0 to 1."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _to_srgb(c: float) -> float:
    c = min(max(c, 0.0), 1.0)
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def _apply(matrix: _Matrix, v: RGB) -> RGB:
    r, g, b = (sum(row[i] * v[i] for i in range(3)) for row in matrix)
    return (r, g, b)


def linear_rgb(colour: str) -> RGB:
    r, g, b = parse_hex(colour)
    return (_to_linear(r), _to_linear(g), _to_linear(b))


def simulate(colour: str, deficiency: str) -> str:
    """How ``colour`` looks to a reader with ``deficiency`` (a key of SIMULATIONS)."""
    seen = _apply(SIMULATIONS[deficiency], linear_rgb(colour))
    return "#" + "".join(f"{round(_to_srgb(c) * 255):02x}" for c in seen)


def to_lab(colour: str) -> Lab:
    """CIELAB (D65) of an sRGB ``#rrggbb`` colour."""
    x, y, z = _apply(_TO_XYZ, linear_rgb(colour))

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x / _WHITE[0]), f(y / _WHITE[1]), f(z / _WHITE[2])
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def _hue(b: float, a: float) -> float:
    if a == 0 and b == 0:
        return 0.0
    return math.degrees(math.atan2(b, a)) % 360


def ciede2000(lab1: Lab, lab2: Lab) -> float:
    """The CIEDE2000 colour difference ΔE00 of two CIELAB colours (kL = kC = kH = 1)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = _hue(b1, a1p), _hue(b2, a2p)

    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    elif h2p - h1p > 180:
        dh = h2p - h1p - 360
    else:
        dh = h2p - h1p + 360
    dh_big = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))

    l_mean = (l1 + l2) / 2
    cp_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_mean = (h1p + h2p + 360) / 2
    else:
        h_mean = (h1p + h2p - 360) / 2

    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt(
        (dl / s_l) ** 2 + (dc / s_c) ** 2 + (dh_big / s_h) ** 2 + r_t * (dc / s_c) * (dh_big / s_h)
    )


def delta_e(colour1: str, colour2: str, deficiency: str | None = None) -> float:
    """ΔE00 between two ``#rrggbb`` colours, as seen normally or with ``deficiency``."""
    if deficiency is not None:
        colour1, colour2 = simulate(colour1, deficiency), simulate(colour2, deficiency)
    return ciede2000(to_lab(colour1), to_lab(colour2))


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    r, g, b = linear_rgb(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(colour1: str, colour2: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    high, low = sorted((relative_luminance(colour1), relative_luminance(colour2)), reverse=True)
    return (high + 0.05) / (low + 0.05)
