"""Readable failure messages for the browser suite, and the summary printed at its end.

Each failing test says, in one assertion message, everything wrong with its page: the page,
its theme and address, then per finding the rule, the element (CSS selector and an HTML
snippet), what to fix and where the rule is explained. ``SUMMARY`` collects the same
findings across pages so the end of the run shows which rule breaks on how many pages.
"""

from collections import defaultdict
from dataclasses import dataclass, field

INDENT = "      "


def _header(check, spec, findings, count, noun):
    plural = "" if count == 1 else "s"
    return [f"{check}: {count} {noun}{plural} on {spec.label}", f"  page: {findings.url}"]


def _element(selector, html):
    return [f"{INDENT}element: {selector}", f"{INDENT}  {html}"]


def axe(spec, findings):
    lines = _header(
        f"axe-core {findings.axe_version}", spec, findings, len(findings.axe), "violation"
    )
    for number, violation in enumerate(findings.axe, 1):
        lines.append(
            f"  {number}. rule {violation.rule} ({violation.impact}): {violation.help}"
            f" [at {', '.join(violation.viewports)}]"
        )
        lines.append(f"{INDENT}help: {violation.help_url}")
        for node in violation.nodes:
            lines.extend(_element(node["target"], node["html"]))
            for fix in node["summary"].splitlines():
                if fix.strip():
                    lines.append(f"{INDENT}  {fix.strip()}")
    return "\n".join(lines)


def keyboard(spec, findings, problems):
    lines = _header("keyboard", spec, findings, len(problems), "problem")
    for number, (what, element) in enumerate(problems, 1):
        lines.append(f"  {number}. {what}")
        if element:
            lines.extend(_element(element["selector"], element["html"]))
    return "\n".join(lines)


def reflow(spec, findings):
    result = findings.reflow
    lines = _header("reflow at 320 px", spec, findings, 1, "problem")
    lines.append(
        f"  1. horizontal scrolling: the page is {result['scrollWidth']} px wide in a "
        f"{result['clientWidth']} px viewport (WCAG 1.4.10 Reflow)"
    )
    for offender in result["offenders"]:
        lines.append(f"{INDENT}sticks out to {offender['right']} px:")
        lines.extend(_element(offender["selector"], offender["html"]))
    return "\n".join(lines)


def requests(spec, findings, third_party, failed):
    lines = _header("requests", spec, findings, len(third_party) + len(failed), "problem")
    for method, url, kind in third_party:
        lines.append(f"  - third-party request: {method} {url} ({kind})")
    for url, outcome in failed:
        lines.append(f"  - failed first-party request: {url} ({outcome})")
    return "\n".join(lines)


def html(spec, url, path, errors):
    lines = [
        f"Nu HTML Checker: {len(errors)} error{'' if len(errors) == 1 else 's'} on {spec.label}",
        f"  page: {url}",
        f"  saved as: {path}",
    ]
    for number, message in enumerate(errors, 1):
        lines.append(f"  {number}. line {message.line}, column {message.column}: {message.message}")
        lines.append(f"{INDENT}{message.extract.strip()!r}")
    return "\n".join(lines)


@dataclass
class Summary:
    """Findings across pages: (check, rule) -> the pages and one example element."""

    problems: dict = field(default_factory=lambda: defaultdict(dict))
    html_warnings: dict = field(default_factory=lambda: defaultdict(list))
    skipped: dict = field(default_factory=lambda: defaultdict(set))
    needs_review: dict = field(default_factory=lambda: defaultdict(dict))

    def add(self, check, rule, spec, example=""):
        self.problems[(check, rule)].setdefault(spec, example)

    def warn_html(self, spec, message):
        self.html_warnings[message.message].append((spec, message.line))

    def review(self, rule, spec, example):
        self.needs_review[rule].setdefault(spec, example)

    def skip(self, reason, spec):
        self.skipped[reason].add(spec)

    def lines(self):
        lines = []
        if self.problems:
            lines.append("Problems, by check and rule (pages affected, themes, one example):")
            for (check, rule), pages in sorted(self.problems.items()):
                themes = sorted({spec.theme for spec in pages})
                spec, example = next(iter(pages.items()))
                lines.append(
                    f"  {check} / {rule}: {len(pages)} page(s), theme(s) {', '.join(themes)}"
                )
                lines.append(f"      e.g. {spec.site} {spec.kind}: {example}")
        if self.html_warnings:
            lines.append("Nu HTML Checker warnings (allowed), by message:")
            for message, places in sorted(self.html_warnings.items()):
                spec, line = places[0]
                lines.append(
                    f"  {len(places)}x {message}\n      e.g. {spec.site} {spec.kind}, line {line}"
                )
        if self.needs_review:
            lines.append("axe-core could not decide these (needs a human look; not failures):")
            for rule, pages in sorted(self.needs_review.items()):
                spec, example = next(iter(pages.items()))
                lines.append(
                    f"  {rule}: {len(pages)} page(s), e.g. {spec.site} {spec.kind}: {example}"
                )
        if self.skipped:
            lines.append("Page types not visited:")
            for reason, specs in sorted(self.skipped.items()):
                lines.append(f"  {reason} ({len(specs)} site(s))")
        return lines


SUMMARY = Summary()
