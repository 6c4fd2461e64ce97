"""Read and validate themes/<name>/theme.toml and its assets, once per process.

A theme is design values only: a name, a palette (the ``--palette-*`` custom properties
that themes/base/static/css/tokens.css points the semantic colours at), fonts, a logo
and a favicon. A theme that is malformed or whose colours fail WCAG contrast is refused
with a ThemeError that says which theme, what is wrong and how to fix it.
"""

import difflib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from .colours import ColourError, parse_hex
from .contrast import check_contrast
from .fonts import FontError, load_font
from .tokens import semantic_colours

__all__ = ["DEFAULT_THEME", "Theme", "ThemeError", "available_themes", "load_theme"]

DEFAULT_THEME = "regio"
ASSETS = ("logo.svg", "favicon.svg")
_KEYS = {"name", "description", "palette", "fonts"}
_FONT_ROLES = ("body", "heading")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_VIEWBOX = re.compile(r'<svg\b[^>]*\bviewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"')
_TITLE = re.compile(r"<title\b[^>]*>\s*[^<\s][^<]*</title>")


class ThemeError(Exception):
    """A theme that cannot be used: ``theme 'x': <what is wrong>[. <what else>]``."""

    def __init__(self, theme, problems, failures=()):
        self.theme = theme
        self.problems = tuple(problems)
        self.failures = tuple(failures)  # the ContrastFailures, when contrast is the reason
        super().__init__(str(self))

    def __str__(self):
        return f"theme {self.theme!r}: " + ". ".join(self.problems)


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    palette: tuple  # ((key, "#rrggbb"), ...), sorted by key
    body_font: object = None  # FontFamily, or None for the system fonts
    heading_font: object = None
    logo_size: tuple = (0, 0)  # the logo's width and height, from its viewBox

    @property
    def colours(self):
        return dict(self.palette)

    def asset(self, filename):
        """The static path of one of the theme's files, e.g. ``themes/menen/logo.svg``."""
        return f"themes/{self.slug}/{filename}"


def available_themes(themes_dir=None):
    root = Path(themes_dir or settings.THEMES_DIR)
    return sorted(p.parent.name for p in root.glob("*/theme.toml"))


def load_theme(name, themes_dir=None):
    """The validated Theme ``name`` from ``themes_dir`` (default: settings.THEMES_DIR).

    Raises ThemeError. Valid themes are cached per process: themes change with a deploy.
    """
    return _load(str(themes_dir or settings.THEMES_DIR), name)


def _palette(data, semantic, problems):
    palette = data.get("palette", {})
    if not isinstance(palette, dict):
        problems.append("palette: expected a table of colours")
        return {}
    known = {colour.palette_key for colour in semantic.values()}
    colours = {}
    for key, value in palette.items():
        if key not in known:
            hint = difflib.get_close_matches(key, known, n=1)
            problems.append(
                f"palette.{key}: unknown colour"
                + (f" (did you mean {hint[0]!r}?)" if hint else "")
                + f"; colours: {', '.join(sorted(known))}"
            )
            continue
        try:
            colours[key] = parse_hex(value)
        except ColourError as error:
            problems.append(f"palette.{key}: {error}")
    return colours


def _fonts(themes_dir, data, problems):
    fonts = data.get("fonts", {})
    if not isinstance(fonts, dict):
        problems.append("fonts: expected a table with body and heading")
        return None, None
    for key in set(fonts) - set(_FONT_ROLES):
        problems.append(f"fonts.{key}: unknown key; allowed: {', '.join(_FONT_ROLES)}")
    families = {}
    for role in _FONT_ROLES:
        slug = fonts.get(role, fonts.get("body") if role == "heading" else None)
        if slug is None:
            families[role] = None
            continue
        try:
            families[role] = load_font(themes_dir, slug)
        except FontError as error:
            problems.append(f"fonts.{role}: {error}")
            families[role] = None
    return families["body"], families["heading"]


def _assets(directory, problems):
    """Check logo.svg and favicon.svg; return the logo's size from its viewBox."""
    sizes = {}
    for filename in ASSETS:
        path = directory / filename
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            problems.append(f"{filename}: missing (every theme has a logo and a favicon)")
            continue
        if not _TITLE.search(text):
            problems.append(f"{filename}: needs a <title> with its text alternative")
        viewbox = _VIEWBOX.search(text)
        if not viewbox:
            problems.append(f'{filename}: needs viewBox="0 0 WIDTH HEIGHT" on its <svg>')
            continue
        sizes[filename] = tuple(round(float(number)) for number in viewbox.groups())
    return sizes.get("logo.svg", (0, 0))


@lru_cache(maxsize=128)
def _load(themes_dir, name):
    if not isinstance(name, str) or not _SLUG.match(name):
        raise ThemeError(name, ["not a theme name (lower-case letters, digits and hyphens)"])
    directory = Path(themes_dir) / name
    try:
        with open(directory / "theme.toml", "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        known = ", ".join(available_themes(themes_dir))
        raise ThemeError(name, [f"no themes/{name}/theme.toml; themes: {known}"]) from None
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(name, [f"theme.toml: invalid TOML: {error}"]) from error

    allowed = ", ".join(sorted(_KEYS))
    problems = [f"{key}: unknown key; allowed: {allowed}" for key in sorted(data.keys() - _KEYS)]
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        problems.append("name: missing (the theme's human-readable name)")
    semantic = semantic_colours(themes_dir)
    palette = _palette(data, semantic, problems)
    body_font, heading_font = _fonts(themes_dir, data, problems)
    logo_size = _assets(directory, problems)
    if problems:
        raise ThemeError(name, problems)

    failures = check_contrast(palette, semantic)
    if failures:
        raise ThemeError(name, [str(failure) for failure in failures], failures)
    return Theme(
        slug=name,
        name=data["name"].strip(),
        palette=tuple(sorted(palette.items())),
        body_font=body_font,
        heading_font=heading_font,
        logo_size=logo_size,
    )
