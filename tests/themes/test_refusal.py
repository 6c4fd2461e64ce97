"""A theme that fails contrast or is malformed is refused everywhere it is loaded: by the
loader, ``manage.py check``, ``sync_sites``, and at run time (the regional theme instead)."""

import logging
import re
import shutil
import tomllib
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError

from cms.themes import ThemeError, contrast_ratio, load_theme, theme_for, theme_style
from cms.themes.checks import check_themes

# Grey text fails on every surface; the suggestion is the nearest grey that passes on all.
GREY_TEXT = (
    r"theme 'grey': text on background is 2\.85:1, needs 4\.5:1; "
    r"nearest passing text colour: (#[0-9a-f]{6})\. "
    r"text on muted-background is 2\.55:1, needs 4\.5:1; nearest passing text colour: \1"
)


@pytest.fixture
def themes_dir(tmp_path, settings):
    """A copy of themes/ that settings.THEMES_DIR points at, for tests to add themes to."""
    target = tmp_path / "themes"
    shutil.copytree(settings.THEMES_DIR, target)
    settings.THEMES_DIR = target
    return target


def add_theme(themes_dir, name, palette=None, fonts=None, files=("logo.svg", "favicon.svg")):
    """A copy of the regional theme with some palette colours (or fonts) replaced."""
    with open(themes_dir / "regio" / "theme.toml", "rb") as handle:
        data = tomllib.load(handle)
    colours = {**data["palette"], **(palette or {})}
    lines = [f'name = "Test {name}"', "", "[palette]"]
    lines += [f'{key} = "{value}"' for key, value in colours.items()]
    lines += ["", "[fonts]"] + [f'{key} = "{value}"' for key, value in (fonts or {}).items()]
    (themes_dir / name).mkdir()
    (themes_dir / name / "theme.toml").write_text("\n".join(lines), encoding="utf-8")
    for filename in files:
        shutil.copy(themes_dir / "regio" / filename, themes_dir / name / filename)


def refusal(name, themes_dir):
    with pytest.raises(ThemeError) as caught:
        load_theme(name, themes_dir)
    return caught.value


def test_grey_text_is_refused_with_the_pair_the_ratios_and_the_nearest_passing_shade(themes_dir):
    add_theme(themes_dir, "grey", {"text": "#999999"})
    error = refusal("grey", themes_dir)
    match = re.match(GREY_TEXT, str(error))
    assert match, str(error)
    shade = match[1]
    assert [failure.suggestion for failure in error.failures] == [shade] * 4
    for failure in error.failures:
        assert contrast_ratio(shade, failure.background) >= 4.5
    # The nearest: one step lighter in grey fails somewhere.
    lighter = "#" + f"{int(shade[1:3], 16) + 1:02x}" * 3
    assert any(contrast_ratio(lighter, f.background) < 4.5 for f in error.failures)


def test_the_suggested_shade_really_passes_and_the_theme_with_it_loads(themes_dir):
    add_theme(themes_dir, "pale", {"link": "#4d9fc4", "accent": "#ffb3c1"})
    error = refusal("pale", themes_dir)
    fixes = {failure.foreground_key: failure.suggestion for failure in error.failures}
    assert set(fixes) == {"link", "accent"}
    add_theme(themes_dir, "fixed", fixes)
    assert load_theme("fixed", themes_dir).colours == {
        **load_theme("regio", themes_dir).colours,
        **fixes,
    }


def test_every_failing_pair_is_named_with_the_palette_colour_to_change(themes_dir):
    add_theme(themes_dir, "many", {"text": "#999999", "accent": "#ffff00"})
    message = str(refusal("many", themes_dir))
    assert "text on background is 2.85:1, needs 4.5:1" in message
    assert "text on muted-background is" in message
    assert (
        "focus (accent) on background is 1.07:1, needs 3:1; nearest passing accent colour: #"
        in message
    )


def test_an_invalid_colour_is_refused(themes_dir):
    add_theme(themes_dir, "rgb", {"text": "rgb(0, 0, 0)", "link": "#12345"})
    assert str(refusal("rgb", themes_dir)) == (
        "theme 'rgb': palette.link: '#12345' is not a hex colour (#rgb or #rrggbb). "
        "palette.text: 'rgb(0, 0, 0)' is not a hex colour (#rgb or #rrggbb)"
    )


def test_an_unknown_palette_colour_is_refused_with_a_suggestion(themes_dir):
    add_theme(themes_dir, "typo", {"primry": "#0b4f6c"})
    message = str(refusal("typo", themes_dir))
    assert "palette.primry: unknown colour (did you mean 'primary'?)" in message


def test_an_unknown_font_is_refused(themes_dir):
    add_theme(themes_dir, "comic", fonts={"body": "comic-sans"})
    assert "fonts.body: unknown font 'comic-sans'; fonts: atkinson-hyperlegible" in str(
        refusal("comic", themes_dir)
    )


def test_a_theme_without_logo_or_favicon_is_refused(themes_dir):
    add_theme(themes_dir, "bare", files=())
    message = str(refusal("bare", themes_dir))
    assert "logo.svg: missing" in message
    assert "favicon.svg: missing" in message


def test_a_theme_name_cannot_leave_the_themes_directory(themes_dir):
    assert "not a theme name" in str(refusal("../sites", themes_dir))


def test_the_system_check_reports_a_failing_theme(themes_dir):
    add_theme(themes_dir, "grey", {"text": "#999999"})
    errors = check_themes()
    assert [error.id for error in errors] == ["themes.E001"]
    assert re.match(GREY_TEXT, errors[0].msg)
    assert errors[0].obj == "themes/grey/theme.toml"
    with pytest.raises(SystemCheckError, match=r"theme 'grey': text on background is 2\.85:1"):
        call_command("check", stdout=StringIO(), stderr=StringIO())


def test_the_system_check_reports_a_broken_semantic_layer(themes_dir):
    tokens = themes_dir / "base" / "static" / "css" / "tokens.css"
    tokens.write_text(":root { --color-text: #000; }", encoding="utf-8")
    errors = check_themes()
    assert [error.id for error in errors] == ["themes.E003"]
    assert "--color-text must be var(--palette-KEY, #hex)" in errors[0].msg


def test_at_run_time_a_failing_theme_falls_back_to_the_regional_one_and_is_logged(
    themes_dir, caplog
):
    add_theme(themes_dir, "grey", {"text": "#999999"})
    with caplog.at_level(logging.ERROR, logger="cms.themes"):
        assert theme_for("grey").slug == "regio"
        style = str(theme_style("grey"))
    assert "--palette-text:#1b1b1b;" in style
    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert re.match(GREY_TEXT, record.getMessage())
    assert record.getMessage().endswith("; using the theme 'regio' instead")


def test_at_run_time_an_unknown_theme_falls_back_to_the_regional_one(themes_dir, caplog):
    with caplog.at_level(logging.ERROR, logger="cms.themes"):
        assert theme_for("removed").slug == "regio"
    assert "theme 'removed': no themes/removed/theme.toml" in caplog.text


@pytest.mark.django_db
def test_sync_sites_refuses_a_municipality_whose_theme_fails(themes_dir, tmp_path, settings):
    add_theme(themes_dir, "grey", {"text": "#999999"})
    sites = tmp_path / "sites"
    shutil.copytree(settings.SITES_DIR, sites)
    kortrijk = sites / "kortrijk.toml"
    kortrijk.write_text(
        kortrijk.read_text(encoding="utf-8").replace('theme = "kortrijk"', 'theme = "grey"'),
        encoding="utf-8",
    )
    settings.SITES_DIR = sites
    stdout, stderr = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"site\(s\) refused"):
        call_command("sync_sites", "kortrijk", stdout=stdout, stderr=stderr)
    assert re.search("refused kortrijk.toml: theme: " + GREY_TEXT, stderr.getvalue())
    assert "kortrijk:" not in stdout.getvalue()  # nothing was synchronised for it
