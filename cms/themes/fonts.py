"""Font families shared by the themes: themes/fonts/<family>/ with a font.toml and the
latin woff2 files named <weight>-<style>.woff2 (served from the site, never a CDN)."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FALLBACKS", "Face", "FontError", "FontFamily", "load_font"]

FONTS_DIR = "fonts"
# What the browser shows until the font has loaded (font-display: swap), or without it.
FALLBACKS = {
    "sans-serif": 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    "sans-serif",
    "serif": 'Georgia, Cambria, "Times New Roman", Times, serif',
}
_FAMILY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ]*$")
_FACE = re.compile(r"^(?P<weight>[1-9]00)-(?P<style>normal|italic)\.woff2$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FontError(Exception):
    """A font family that is missing or described wrongly."""


@dataclass(frozen=True)
class Face:
    weight: int
    style: str
    path: str  # relative to the themes directory, e.g. "fonts/fira-sans/400-normal.woff2"


@dataclass(frozen=True)
class FontFamily:
    slug: str
    family: str
    category: str
    faces: tuple

    @property
    def stack(self):
        """The CSS font-family value: this family, then system fonts of the same kind."""
        return f'"{self.family}", {FALLBACKS[self.category]}'

    def faces_for(self, *, body):
        """Body text needs every face; headings only the bold upright one."""
        if body:
            return self.faces
        return tuple(face for face in self.faces if face.weight >= 600 and face.style == "normal")


def load_font(themes_dir, slug):
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise FontError(f"{slug!r} is not a font name (a folder in themes/{FONTS_DIR}/)")
    directory = Path(themes_dir) / FONTS_DIR / slug
    try:
        with open(directory / "font.toml", "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        known = sorted(p.parent.name for p in (Path(themes_dir) / FONTS_DIR).glob("*/font.toml"))
        raise FontError(f"unknown font {slug!r}; fonts: {', '.join(known)}") from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise FontError(f"themes/{FONTS_DIR}/{slug}/font.toml: {error}") from error
    family, category = data.get("family"), data.get("category")
    if not isinstance(family, str) or not _FAMILY.match(family):
        raise FontError(f"font {slug!r}: family must be letters, digits and spaces")
    if category not in FALLBACKS:
        raise FontError(f"font {slug!r}: category must be one of {', '.join(FALLBACKS)}")
    faces = []
    for path in sorted(directory.glob("*.woff2")):
        match = _FACE.match(path.name)
        if not match:
            raise FontError(f"font {slug!r}: {path.name} is not named <weight>-<style>.woff2")
        faces.append(Face(int(match["weight"]), match["style"], f"{FONTS_DIR}/{slug}/{path.name}"))
    if not any(face.weight == 400 and face.style == "normal" for face in faces):
        raise FontError(f"font {slug!r}: no 400-normal.woff2")
    return FontFamily(slug, family, category, tuple(faces))
