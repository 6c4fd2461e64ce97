"""The contrast pairs (cms/themes/pairs.py) cover every semantic colour the CSS uses."""

import re

from django.conf import settings

from cms.themes import PAIRS, semantic_colours

from .css import colour_uses, rules, uncovered

CSS_DIR = settings.THEMES_DIR / "base" / "static" / "css"


def stylesheets():
    names = ("base.css", "tokens.css")
    return {name: (CSS_DIR / name).read_text(encoding="utf-8") for name in names}


def test_every_colour_declaration_of_the_base_css_is_covered_by_a_contrast_pair():
    for name, text in stylesheets().items():
        assert uncovered(text, PAIRS) == [], (
            f"{name}: add these selectors to the pairs they take part in, in cms/themes/pairs.py"
        )


def test_the_coverage_check_notices_a_rule_nobody_listed():
    css = ".new-banner { color: var(--color-link); background: var(--color-brand); }"
    assert uncovered(css, PAIRS) == [
        ".new-banner { color: var(--color-link) }: no pair lists '.new-banner' with link "
        "as foreground",
        ".new-banner { background: var(--color-brand) }: no pair lists '.new-banner' with brand "
        "as background",
        ".new-banner: sets link on brand, which is not a pair",
    ]


def test_every_semantic_colour_the_css_names_is_defined_in_tokens_css():
    defined = semantic_colours(settings.THEMES_DIR)
    for name, text in stylesheets().items():
        for colour in re.findall(r"var\(\s*--color-([a-z0-9-]+)", text):
            assert colour in defined, f"{name} uses --color-{colour}, which tokens.css lacks"


def test_every_pair_names_semantic_colours_of_tokens_css():
    defined = semantic_colours(settings.THEMES_DIR)
    for pair in PAIRS:
        assert pair.foreground in defined and pair.background in defined, pair


def test_components_use_the_semantic_names_never_the_palette():
    base = re.sub(r"/\*.*?\*/", "", stylesheets()["base.css"], flags=re.DOTALL)
    assert "--palette-" not in base, "base.css must use --color-* only; the palette is the theme's"


def test_the_css_reader_finds_rules_in_media_queries_and_selector_lists():
    css = "/* x { color: red } */ @media print { a, .b:is(.c, .d) { color: var(--color-text) } }"
    assert rules(css) == [
        ("a", [("color", "var(--color-text)")]),
        (".b:is(.c, .d)", [("color", "var(--color-text)")]),
    ]
    assert [str(use) for use in colour_uses(css)] == [
        "a { color: var(--color-text) }",
        ".b:is(.c, .d) { color: var(--color-text) }",
    ]
