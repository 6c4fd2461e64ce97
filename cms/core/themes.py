"""Themes: design values in themes/<name>/theme.toml (issue #3 adds contrast checks)."""

import tomllib
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=64)
def theme_palette(name):
    """The palette of theme ``name`` as CSS custom property declarations."""
    path = settings.THEMES_DIR / name / "theme.toml"
    with open(path, "rb") as handle:
        palette = tomllib.load(handle).get("palette", {})
    return "".join(f"--palette-{key}:{value};" for key, value in sorted(palette.items()))
