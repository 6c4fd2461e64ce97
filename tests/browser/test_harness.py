"""The browser suite checks itself: a page with one known fault per check fails every check,
and each report names the page, the rule, the element and where to read more.

The page is handed to Chromium directly (no server): any other address on its host answers
404, so its image on the same host fails to load, and its image on another host is a
third-party request.
"""

import pytest

from . import report, vnu
from .audit import visit_all
from .findings import keyboard_problems
from .pages import PageSpec

pytestmark = pytest.mark.browser

URL = "http://kapot.localhost/"
BROKEN_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>Kapot</title>
<style>a.no-focus:focus { outline: none; } .wide { width: 600px; }</style></head>
<body>
<header><a href="/">Start</a></header>
<main id="main">
<h1>Kapot</h1>
<img src="/foto.png">
<p><a class="no-focus" href="/ergens">Ergens heen</a></p>
<p><a href="/verstopt" tabindex="-1">Verstopt</a></p>
<div class="wide">Te breed</div>
<img alt="" src="https://cdn.example.invalid/pixel.png">
</main>
</body>
</html>
"""
SPEC = PageSpec("kapot", "geen", "home")


@pytest.fixture(scope="module")
def broken():
    return visit_all([(SPEC, URL, BROKEN_PAGE)])[SPEC]


def test_axe_report_names_rule_element_and_help(broken):
    assert not broken.error
    message = report.axe(SPEC, broken)
    assert "rule image-alt (critical)" in message
    assert 'element: img[src$="foto.png"]' in message
    assert "help: https://dequeuniversity.com/rules/axe/" in message
    assert "kapot / home page (theme 'geen')" in message


def test_keyboard_problems_are_found(broken):
    problems = [
        (what, element and element["selector"]) for what, element in keyboard_problems(broken)
    ]
    assert problems[0][0] == "the first Tab lands on this element, not on a skip link to main"
    assert problems[0][1].endswith("header > a")
    assert (
        'interactive element not reachable with Tab (tabindex="-1")',
        "#main > p:nth-of-type(2) > a",
    ) in problems
    assert any(
        what.startswith("no visible focus indicator") and element.endswith("a.no-focus")
        for what, element in problems
    )
    assert len(problems) == 3


def test_overflow_at_320_px_is_found(broken):
    assert broken.reflow["scrollWidth"] > broken.reflow["clientWidth"]
    assert "div.wide" in report.reflow(SPEC, broken)


def test_third_party_and_failed_requests_are_found(broken):
    assert [url for _method, url, _kind in broken.third_party] == [
        "https://cdn.example.invalid/pixel.png"
    ]
    assert broken.failed == [("http://kapot.localhost/foto.png", 404)]


def test_nu_checker_errors_are_found(tmp_path):
    page = tmp_path / "kapot.html"
    page.write_text(BROKEN_PAGE.replace("<p><a class", "<p><div>blok</div></p><p><a class"))
    errors = [m for m in vnu.Run([page]).messages()[page] if m.kind == "error"]
    assert any("img" in m.message and "alt" in m.message for m in errors)
    assert any("No “p” element in scope" in m.message for m in errors)
