"""What templates get from a theme: its palette and fonts as CSS, its logo and favicon.

At run time a theme that cannot be used (it fails validation, or was removed) does not
break the site: the regional theme is used instead and the error is logged once per
process. ``manage.py check`` and ``sync_sites`` refuse such a theme before it gets here.
"""

import logging
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from .loader import DEFAULT_THEME, Theme, ThemeError, load_theme
from .tokens import TokenError

__all__ = ["ThemeAssets", "theme_assets", "theme_for", "theme_style"]

logger = logging.getLogger(__name__)

# Without any usable theme: no palette, system fonts; tokens.css supplies the colours.
BARE_THEME = Theme(slug=DEFAULT_THEME, name="Voordeur", palette=())


@dataclass(frozen=True)
class ThemeAssets:
    name: str
    logo_url: str | None
    favicon_url: str | None
    logo_width: int = 0  # the logo's intrinsic size, for <img width height>
    logo_height: int = 0


def theme_for(name):
    """The Theme to render ``name`` with: itself, else the default theme, else BARE_THEME."""
    return _usable(str(settings.THEMES_DIR), name or DEFAULT_THEME)


@lru_cache(maxsize=128)
def _usable(themes_dir, name):
    try:
        return load_theme(name, themes_dir)
    except (ThemeError, TokenError) as error:
        if name == DEFAULT_THEME:
            logger.error("%s; the site is shown without a theme", error)
            return BARE_THEME
        logger.error("%s; using the theme %r instead", error, DEFAULT_THEME)
        return _usable(themes_dir, DEFAULT_THEME)


def _font_faces(theme):
    used = []
    if theme.body_font:
        used += [(theme.body_font, face) for face in theme.body_font.faces_for(body=True)]
    if theme.heading_font and theme.heading_font != theme.body_font:
        used += [(theme.heading_font, face) for face in theme.heading_font.faces_for(body=False)]
    return "".join(
        f'@font-face{{font-family:"{family.family}";font-style:{face.style};'
        f"font-weight:{face.weight};font-display:swap;"
        f'src:url("{static("themes/" + face.path)}") format("woff2")}}'
        for family, face in used
    )


def _custom_properties(theme):
    declarations = [f"--palette-{key}:{value}" for key, value in theme.palette]
    if theme.body_font:
        declarations.append(f"--palette-font-body:{theme.body_font.stack}")
    if theme.heading_font:
        declarations.append(f"--palette-font-heading:{theme.heading_font.stack}")
    return ";".join(declarations)


@lru_cache(maxsize=128)
def _style(theme):
    # Every part was validated by the loader: hex colours, font family names of letters,
    # digits and spaces, static URLs of files in themes/. Nothing here comes from editors.
    css = _font_faces(theme) + ":root{" + _custom_properties(theme) + "}"
    return mark_safe(f"<style>{css}</style>")  # noqa: S308


def theme_style(name):
    """``<style>`` with the theme's @font-face rules and palette, for the page's <head>."""
    return _style(theme_for(name))


def theme_assets(name):
    """The theme's name and the URLs of its logo and favicon."""
    theme = theme_for(name)
    if theme is BARE_THEME:
        return ThemeAssets(theme.name, None, None)
    return ThemeAssets(
        theme.name,
        static(theme.asset("logo.svg")),
        static(theme.asset("favicon.svg")),
        *theme.logo_size,
    )
