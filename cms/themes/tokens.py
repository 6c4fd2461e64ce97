"""The semantic layer: which palette colour each ``--color-*`` custom property points at.

themes/base/static/css/tokens.css is the one place this mapping is written; it is read
here (once per process) so that contrast validation checks exactly what browsers render.
Every semantic colour there must have the form ``--color-NAME: var(--palette-KEY, #hex);``.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["TOKENS_CSS", "SemanticColour", "TokenError", "semantic_colours"]

TOKENS_CSS = Path("base") / "static" / "css" / "tokens.css"
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_DECLARATION = re.compile(r"--color-([a-z0-9-]+)\s*:\s*([^;]*);")
_POINTER = re.compile(
    r"^var\(\s*--palette-([a-z0-9-]+)\s*,\s*(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})\s*\)$"
)


class TokenError(Exception):
    """tokens.css is missing or a semantic colour does not point at the palette."""


@dataclass(frozen=True)
class SemanticColour:
    name: str  # without --color-
    palette_key: str  # without --palette-
    fallback: str  # the regional default, used when a page has no theme


@lru_cache(maxsize=8)
def _read(path):
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise TokenError(f"{path}: cannot be read ({error.strerror})") from error
    colours = {}
    for name, value in _DECLARATION.findall(_COMMENT.sub("", text)):
        match = _POINTER.match(value.strip())
        if not match:
            raise TokenError(
                f"{path}: --color-{name} must be var(--palette-KEY, #hex), not {value.strip()!r}"
            )
        colours[name] = SemanticColour(name, match[1], match[2].lower())
    if not colours:
        raise TokenError(f"{path}: no --color-* custom properties")
    return colours


def semantic_colours(themes_dir):
    """``{"link": SemanticColour("link", "link", "#0b5774"), ...}`` from tokens.css."""
    return _read(str(Path(themes_dir) / TOKENS_CSS))
