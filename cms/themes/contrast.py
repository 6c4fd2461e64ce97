"""Check a palette against every pair of semantic colours the base CSS uses."""

from dataclasses import dataclass

from .colours import contrast_ratio, format_ratio, nearest_passing_shade
from .pairs import PAIRS
from .tokens import TokenError

__all__ = ["ContrastFailure", "check_contrast"]


def _label(semantic, palette_key):
    return semantic if semantic == palette_key else f"{semantic} ({palette_key})"


@dataclass(frozen=True)
class ContrastFailure:
    pair: object
    foreground_key: str  # the palette colours the pair resolves to
    background_key: str
    foreground: str
    background: str
    ratio: float
    suggestion: str | None  # the nearest shade of the foreground that passes

    def __str__(self):
        pair = self.pair
        found, needed = format_ratio(self.ratio, pair.minimum), format_ratio(pair.minimum)
        text = (
            f"{_label(pair.foreground, self.foreground_key)} on "
            f"{_label(pair.background, self.background_key)} is {found}:1, needs {needed}:1"
        )
        if self.suggestion:
            text += f"; nearest passing {self.foreground_key} colour: {self.suggestion}"
        return text


def check_contrast(palette, semantic, pairs=PAIRS):
    """The pairs that fail for ``palette`` ({palette key: "#rrggbb"}), given the semantic
    layer ``semantic`` ({name: SemanticColour}); a palette key the theme leaves out falls
    back to the value in tokens.css, as it does in the browser.

    Each failure suggests the nearest shade of its foreground that passes every pair that
    palette colour takes part in, so that following the suggestions fixes the theme.
    """
    resolved = []
    for pair in pairs:
        try:
            front, back = semantic[pair.foreground], semantic[pair.background]
        except KeyError as error:
            raise TokenError(
                f"the contrast pair {pair.foreground} on {pair.background} names "
                f"--color-{error.args[0]}, which tokens.css does not define"
            ) from None
        resolved.append(
            (
                pair,
                (front.palette_key, palette.get(front.palette_key, front.fallback)),
                (back.palette_key, palette.get(back.palette_key, back.fallback)),
            )
        )

    def constraints(key):
        """What a palette colour must contrast with, wherever it is used."""
        found = []
        for pair, (front_key, front), (back_key, back) in resolved:
            if front_key == back_key:
                continue
            if front_key == key:
                found.append((back, pair.minimum))
            elif back_key == key:
                found.append((front, pair.minimum))
        return found

    failures = []
    for pair, (front_key, foreground), (back_key, background) in resolved:
        ratio = contrast_ratio(foreground, background)
        if ratio < pair.minimum:
            suggestion = nearest_passing_shade(
                foreground, background, pair.minimum, also=constraints(front_key)
            )
            failures.append(
                ContrastFailure(
                    pair, front_key, back_key, foreground, background, ratio, suggestion
                )
            )
    return failures
