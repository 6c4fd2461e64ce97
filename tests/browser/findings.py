"""What one visit of one page found (audit.py fills it), and its keyboard problems."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["AxeViolation", "Findings", "keyboard_problems"]


@dataclass
class AxeViolation:
    rule: str
    impact: str
    help: str
    help_url: str
    viewports: list
    nodes: list  # dicts: target, html, summary


@dataclass
class Findings:
    """What one visit of one page found."""

    url: str
    status: int = 0
    axe_version: str = ""
    axe: list = field(default_factory=list)  # AxeViolation
    axe_incomplete: dict = field(default_factory=dict)  # rule -> an element axe could not judge
    keyboard: dict = field(default_factory=dict)
    skip_link: dict = field(default_factory=dict)
    reflow: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)  # (method, url, resource type)
    failed: list = field(default_factory=list)  # first-party (url, status or error)
    error: str = ""

    @property
    def third_party(self):
        origin = urlsplit(self.url).netloc
        return [
            (method, url, kind)
            for method, url, kind in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != origin
        ]


def keyboard_problems(findings):
    """(what is wrong, element or None) for every keyboard problem of one visit."""
    result, skip = findings.keyboard, findings.skip_link
    problems = []
    if not result["hasMain"]:
        problems.append(("the page has no main landmark", None))
    if result["first"] is None:
        problems.append(("the first Tab focuses nothing", None))
    elif not result["firstIsSkipLink"]:
        problems.append(
            ("the first Tab lands on this element, not on a skip link to main", result["first"])
        )
    else:
        if not result["stops"][0]["onScreen"]:
            problems.append(
                ("the skip link is not visible on screen when focused", result["first"])
            )
        if not skip.get("inMain"):
            problems.append(
                (
                    "activating the skip link does not move focus into main; focus is on",
                    skip.get("active"),
                )
            )
    for element in result["unreached"]:
        why = f' (tabindex="{element["tabindex"]}")' if element["tabindex"] else ""
        problems.append((f"interactive element not reachable with Tab{why}", element))
    for stop in result["stops"]:
        if not stop["indicator"]:
            problems.append(
                (
                    "no visible focus indicator (focused style equals the unfocused one: "
                    f"outline-style {stop['outlineStyle']}, box-shadow {stop['boxShadow']}, "
                    "same background, border and underline)",
                    stop,
                )
            )
        if not stop["onScreen"]:
            problems.append(("focused element is not visible on screen", stop))
    return problems
