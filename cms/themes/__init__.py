"""Themes: design values only (palette, fonts, logo, favicon) in themes/<name>/, checked
for WCAG contrast against every colour pair the base CSS uses (see pairs.py)."""

from .colours import ColourError, contrast_ratio, nearest_passing_shade, parse_hex
from .contrast import ContrastFailure, check_contrast
from .loader import DEFAULT_THEME, Theme, ThemeError, available_themes, load_theme
from .pairs import PAIRS, Pair
from .rendering import ThemeAssets, theme_assets, theme_for, theme_style
from .tokens import TokenError, semantic_colours

__all__ = [
    "DEFAULT_THEME",
    "PAIRS",
    "ColourError",
    "ContrastFailure",
    "Pair",
    "Theme",
    "ThemeAssets",
    "ThemeError",
    "TokenError",
    "available_themes",
    "check_contrast",
    "contrast_ratio",
    "load_theme",
    "nearest_passing_shade",
    "parse_hex",
    "semantic_colours",
    "theme_assets",
    "theme_for",
    "theme_style",
]
