"""Every page type on every municipality's site (so on every theme), in real Chromium.

Coverage: all page types on all 13 municipalities plus the regional landing page; each
municipality has its own theme, so this is every page type on every theme. Each page is
loaded once (in its own browser context) and each check below asserts on that visit, so a
failure names the check, the page and the theme; the message lists every problem found.
"""

import pytest

from . import report
from .findings import keyboard_problems
from .pages import check_exists, page_specs
from .report import SUMMARY

# django_db: pytest-django creates the test database only for tests that ask for it. The
# tests themselves only read what the package fixtures (conftest.py) wrote.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SPECS, REFUSED_SITES = page_specs()
IDS = [spec.id for spec in SPECS]
pages = pytest.mark.parametrize("spec", SPECS, ids=IDS)


def test_every_municipality_is_visited():
    assert not REFUSED_SITES, "sites/ files refused, so their pages are not visited:\n" + (
        "\n".join(REFUSED_SITES)
    )


def loaded(visits, spec):
    """The findings of ``spec``'s visit, after checking that the page loaded as expected."""
    findings = visits(spec)
    assert not findings.error, (
        f"{spec.label}: {findings.url} could not be checked: {findings.error}"
    )
    assert findings.status == spec.expected_status, (
        f"{spec.label}: {findings.url} answered {findings.status}, expected {spec.expected_status}"
    )
    return findings


@pages
def test_axe_finds_no_wcag_violation(spec, visits):
    findings = loaded(visits, spec)
    for rule, example in findings.axe_incomplete.items():
        SUMMARY.review(rule, spec, example)
    for violation in findings.axe:
        node = violation.nodes[0]
        SUMMARY.add("axe", violation.rule, spec, f"{node['target']}  {node['html']}")
    assert not findings.axe, report.axe(spec, findings)


@pages
def test_keyboard_reaches_everything_with_visible_focus(spec, visits):
    findings = loaded(visits, spec)
    problems = keyboard_problems(findings)
    for what, element in problems:
        SUMMARY.add("keyboard", what, spec, element["selector"] if element else "")
    assert not problems, report.keyboard(spec, findings, problems)


@pages
def test_no_horizontal_scrolling_at_320_px(spec, visits):
    findings = loaded(visits, spec)
    reflow = findings.reflow
    if reflow["scrollWidth"] > reflow["clientWidth"]:
        offenders = reflow["offenders"]
        SUMMARY.add(
            "reflow",
            "horizontal scroll at 320 px",
            spec,
            offenders[0]["selector"] if offenders else "",
        )
    assert reflow["scrollWidth"] <= reflow["clientWidth"], report.reflow(spec, findings)


@pages
def test_requests_stay_on_the_site(spec, visits):
    findings = loaded(visits, spec)
    third_party, failed = findings.third_party, findings.failed
    for method, url, _kind in third_party:
        SUMMARY.add("requests", "third-party request", spec, f"{method} {url}")
    for url, outcome in failed:
        SUMMARY.add("requests", "failed request", spec, f"{url} ({outcome})")
    assert not third_party and not failed, report.requests(spec, findings, third_party, failed)


@pages
def test_html_has_no_nu_checker_error(spec, region_pages, html_checks):
    check_exists(region_pages[spec], spec)
    url, path, messages = html_checks(spec)
    errors = [message for message in messages if message.kind == "error"]
    for message in messages:
        if message.kind == "warning":
            SUMMARY.warn_html(spec, message)
    for message in errors:
        SUMMARY.add("html", message.message, spec, f"line {message.line}: {message.extract!r}")
    assert not errors, report.html(spec, url, path, errors)
