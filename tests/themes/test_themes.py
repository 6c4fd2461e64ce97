"""The regional theme and the 13 demo themes: valid, distinct, and used by their sites."""

import tomllib

import pytest
from django.conf import settings

from cms.municipalities.config import load_sites
from cms.themes import (
    available_themes,
    check_contrast,
    load_theme,
    semantic_colours,
    theme_assets,
    theme_style,
)

DEMO = [
    "anzegem", "avelgem", "deerlijk", "harelbeke", "kortrijk", "kuurne", "lendelede",
    "menen", "spiere-helkijn", "waregem", "wervik", "wevelgem", "zwevegem",
]  # fmt: skip
THEMES = ["regio", *DEMO]
FONTS = settings.THEMES_DIR / "fonts"


def test_there_is_a_regional_theme_and_one_per_demo_municipality():
    assert available_themes() == sorted(THEMES)


@pytest.mark.parametrize("name", THEMES)
def test_every_theme_passes_validation_and_contrast(name):
    theme = load_theme(name)
    assert theme.slug == name
    assert theme.name
    assert check_contrast(theme.colours, semantic_colours(settings.THEMES_DIR)) == []


def test_every_demo_site_uses_its_own_theme_and_the_default_is_regional():
    sites = load_sites(settings.SITES_DIR, settings.THEMES_DIR)
    assert sites.errors == []
    assert {slug: config.theme for slug, config in sites.municipalities.items()} == {
        slug: slug for slug in DEMO
    }
    with open(settings.SITES_DIR / "_defaults.toml", "rb") as handle:
        assert tomllib.load(handle)["theme"] == "regio"


def test_the_demo_themes_are_recognisably_different():
    themes = [load_theme(name) for name in THEMES]
    assert len({theme.colours["primary"] for theme in themes}) == len(THEMES)
    assert len({theme.colours["link"] for theme in themes}) >= 10
    logos = {(settings.THEMES_DIR / name / "logo.svg").read_bytes() for name in THEMES}
    assert len(logos) == len(THEMES)
    assert len({(t.body_font.slug, t.heading_font.slug) for t in themes}) >= 10
    assert len({t.body_font.slug for t in themes}) >= 4


def test_the_regional_palette_is_the_fallback_in_tokens_css():
    regio = load_theme("regio").colours
    for colour in semantic_colours(settings.THEMES_DIR).values():
        assert regio[colour.palette_key] == colour.fallback, colour.name


@pytest.mark.parametrize("name", THEMES)
def test_logo_and_favicon_are_svg_with_a_text_alternative(name):
    theme = load_theme(name)
    for filename in ("logo.svg", "favicon.svg"):
        text = (settings.THEMES_DIR / name / filename).read_text(encoding="utf-8")
        assert text.startswith("<svg ")
        assert f">{theme.name}</title>" in text
        assert "<text" not in text  # outlined lettering: an SVG image cannot load web fonts
        assert "http" not in text.replace("http://www.w3.org/2000/svg", "")


def test_fonts_are_small_latin_woff2_files_with_their_open_font_licence():
    families = sorted(p.parent for p in FONTS.glob("*/font.toml"))
    assert 3 <= len(families) <= 5
    for family in families:
        assert "SIL Open Font License" in (family / "OFL.txt").read_text(encoding="utf-8")
        files = sorted(family.glob("*.woff2"))
        names = [file.name for file in files]
        assert names == ["400-italic.woff2", "400-normal.woff2", "700-normal.woff2"]
        for file in files:
            assert file.read_bytes()[:4] == b"wOF2"
            assert file.stat().st_size < 30_000


@pytest.mark.parametrize("name", THEMES)
def test_a_page_loads_at_most_four_font_files(name):
    assert 1 <= str(theme_style(name)).count("@font-face") <= 4


def test_theme_style_writes_the_palette_and_fonts_that_swap_in():
    style = str(theme_style("kortrijk"))
    assert style.startswith("<style>") and style.endswith("</style>")
    assert "--palette-primary:#c8102e;" in style
    assert "font-display:swap" in style
    assert 'src:url("/static/themes/fonts/fira-sans/400-normal.woff2") format("woff2")' in style
    assert '--palette-font-body:"Fira Sans", system-ui,' in style
    assert "sans-serif" in style


def test_theme_assets_name_the_theme_and_link_its_logo_and_favicon():
    assets = theme_assets("menen")
    assert assets.name == "Stad Menen"
    assert assets.logo_url == "/static/themes/menen/logo.svg"
    assert assets.favicon_url == "/static/themes/menen/favicon.svg"


def test_without_a_theme_the_regional_one_is_used():
    assert theme_assets(None).name == "Regio Zuid-West-Vlaanderen"
    assert "--palette-primary:#0b4f6c;" in str(theme_style(""))
