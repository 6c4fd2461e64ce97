"""Colour maths: hex parsing, WCAG 2.x contrast, and the nearest shade that passes.

Contrast follows WCAG 2.x: the relative luminance of sRGB colours (each channel
linearised) and (L1 + 0.05) / (L2 + 0.05). The nearest passing shade moves the
foreground's lightness in OKLCH (a perceptual space, so the hue stays recognisable),
darker or lighter, and returns whichever passing shade is closest to the original.
"""

import re

__all__ = [
    "ColourError",
    "contrast_ratio",
    "format_ratio",
    "nearest_passing_shade",
    "parse_hex",
    "relative_luminance",
]

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_STEP = 0.001  # OKLCH lightness step of the shade search: finer than one 8-bit level


class ColourError(ValueError):
    """A colour that is not #rgb or #rrggbb."""


def parse_hex(value):
    """``"#rgb"`` or ``"#rrggbb"`` -> the normalised ``"#rrggbb"`` (lower case)."""
    if not isinstance(value, str) or not _HEX.match(value.strip()):
        raise ColourError(f"{value!r} is not a hex colour (#rgb or #rrggbb)")
    digits = value.strip()[1:].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return "#" + digits


def _channels(colour):
    digits = parse_hex(colour)[1:]
    return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))


def _linear(channel):
    # The sRGB transfer function (IEC 61966-2-1; WCAG 2.x quotes it with 0.03928, which
    # gives the same result for every 8-bit value).
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel):
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def relative_luminance(colour):
    red, green, blue = (_linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    """The WCAG contrast ratio of two colours, from 1 to 21 (order does not matter)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio, minimum=None):
    """``4.478`` -> ``"4.48"``, ``21.0`` -> ``"21"``. Given the ``minimum`` a failing ratio
    is rounded down instead, so that it never reads as passing (4.497 -> "4.49", not "4.5").
    """
    shown = round(ratio, 2)
    if minimum is not None and ratio < minimum <= shown:
        shown = int(ratio * 100) / 100
    return f"{shown:.2f}".rstrip("0").rstrip(".")


# OKLab / OKLCH (Björn Ottosson, 2020), on linear sRGB.


def _to_oklch(colour):
    red, green, blue = (_linear(c) for c in _channels(colour))
    long = (0.4122214708 * red + 0.5363325363 * green + 0.0514459929 * blue) ** (1 / 3)
    medium = (0.2119034982 * red + 0.6806995451 * green + 0.1073969566 * blue) ** (1 / 3)
    short = (0.0883024619 * red + 0.2817188376 * green + 0.6299787005 * blue) ** (1 / 3)
    lightness = 0.2104542553 * long + 0.7936177850 * medium - 0.0040720468 * short
    a = 1.9779984951 * long - 2.4285922050 * medium + 0.4505937099 * short
    b = 0.0259040371 * long + 0.7827717662 * medium - 0.8086757660 * short
    return lightness, (a, b)


def _oklab_to_linear_rgb(lightness, a, b):
    long = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    medium = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    short = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    return (
        4.0767416621 * long - 3.3077115913 * medium + 0.2309699292 * short,
        -1.2684380046 * long + 2.6097574011 * medium - 0.3413193965 * short,
        -0.0041960863 * long - 0.7034186147 * medium + 1.7076147010 * short,
    )


def _in_gamut(rgb):
    return all(-1e-7 <= channel <= 1 + 1e-7 for channel in rgb)


def _shade(lightness, chroma_ab):
    """The colour of ``lightness`` with the hue of ``chroma_ab``, as much chroma as fits."""
    a, b = chroma_ab
    rgb = _oklab_to_linear_rgb(lightness, a, b)
    if not _in_gamut(rgb):
        low, high = 0.0, 1.0  # share of the original chroma kept
        for _ in range(24):
            middle = (low + high) / 2
            if _in_gamut(_oklab_to_linear_rgb(lightness, a * middle, b * middle)):
                low = middle
            else:
                high = middle
        rgb = _oklab_to_linear_rgb(lightness, a * low, b * low)
    channels = (round(min(max(_gamma(max(c, 0.0)), 0.0), 1.0) * 255) for c in rgb)
    return "#" + "".join(f"{channel:02x}" for channel in channels)


def _passes(colour, constraints):
    return all(contrast_ratio(colour, other) >= minimum for other, minimum in constraints)


def nearest_passing_shade(foreground, background, minimum, also=()):
    """The shade of ``foreground`` closest in OKLCH lightness (darker or lighter) whose
    contrast with ``background`` is at least ``minimum``, and with each ``(colour,
    minimum)`` of ``also``; as ``#rrggbb``, or None when no shade of that hue passes.
    """
    constraints = ((background, minimum), *also)
    if _passes(foreground, constraints):
        return parse_hex(foreground)
    lightness, chroma_ab = _to_oklch(foreground)
    found = []
    for direction in (-1, 1):
        steps = 1
        while 0 <= (candidate_lightness := lightness + direction * steps * _STEP) <= 1:
            candidate = _shade(candidate_lightness, chroma_ab)
            if _passes(candidate, constraints):
                found.append((steps, direction, candidate))
                break
            steps += 1
        else:
            candidate = _shade(0.0 if direction < 0 else 1.0, chroma_ab)
            if _passes(candidate, constraints):
                found.append((steps, direction, candidate))
    return min(found)[2] if found else None
