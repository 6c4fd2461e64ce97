"""A small reader for the project's own CSS: style rules, their selectors and the
semantic colours (``var(--color-*)``) their colour declarations use."""

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SEMANTIC = re.compile(r"var\(\s*--color-([a-z0-9-]+)")
_NESTING_AT_RULES = ("@media", "@supports", "@layer", "@container")
_BACKGROUND_PROPERTIES = ("background",)
_FOREGROUND_PROPERTIES = (
    "color",
    "border",
    "outline",
    "text-decoration",
    "box-shadow",
    "fill",
    "stroke",
    "caret-color",
    "accent-color",
    "column-rule",
    "text-emphasis",
)


@dataclass(frozen=True)
class ColourUse:
    """One semantic colour in one declaration of one rule."""

    rule: int  # the index of the rule (one per selector) in the stylesheet
    selector: str
    property: str
    colour: str  # the semantic name, without --color-
    role: str  # "foreground" or "background"

    def __str__(self):
        return f"{self.selector} {{ {self.property}: var(--color-{self.colour}) }}"


def _split(text, separator):
    """Split on ``separator`` outside parentheses and quotes."""
    parts, depth, quote, current = [], 0, None, []
    for char in text:
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _block_end(text, start):
    """The index of the ``}`` closing the block that opens at ``text[start] == "{"``."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unbalanced braces in CSS")


def rules(text):
    """``[(selector, [(property, value), ...]), ...]`` for every style rule, including those
    inside @media and the like; one entry per selector of a selector list."""
    text = _COMMENT.sub("", text)
    found, position = [], 0
    while (opening := text.find("{", position)) != -1:
        prelude = " ".join(text[position:opening].split())
        closing = _block_end(text, opening)
        body = text[opening + 1 : closing]
        if prelude.startswith(_NESTING_AT_RULES):
            found += rules(body)
        elif not prelude.startswith("@"):
            declarations = []
            for declaration in _split(body, ";"):
                name, _, value = declaration.partition(":")
                declarations.append((name.strip().lower(), value.strip()))
            found += [(selector, declarations) for selector in _split(prelude, ",")]
        position = closing + 1
    return found


def colour_uses(text):
    uses = []
    for rule, (selector, declarations) in enumerate(rules(text)):
        for name, value in declarations:
            if name.startswith("--"):
                # A local alias (--callout-accent: var(--color-brand)) paints later; it
                # counts as a foreground unless its name says it is a background.
                role = "background" if "background" in name else "foreground"
            elif name.startswith(_BACKGROUND_PROPERTIES):
                role = "background"
            elif name.startswith(_FOREGROUND_PROPERTIES):
                role = "foreground"
            else:
                continue
            uses += [
                ColourUse(rule, selector, name, colour, role) for colour in _SEMANTIC.findall(value)
            ]
    return uses


def uncovered(text, pairs):
    """The colour uses of ``text`` that no pair lists (its colour in that role, its
    selector in ``where``), and the rules that set a foreground and a background
    colour together without that pair existing."""
    problems = []
    for use in colour_uses(text):
        if not any(
            getattr(pair, use.role) == use.colour and use.selector in pair.where for pair in pairs
        ):
            problems.append(
                f"{use}: no pair lists {use.selector!r} with {use.colour} as {use.role}"
            )
    by_rule = {}
    for use in colour_uses(text):
        by_rule.setdefault((use.rule, use.selector), []).append(use)
    existing = {(pair.foreground, pair.background) for pair in pairs}
    for (_, selector), uses in by_rule.items():
        for back in (u.colour for u in uses if u.role == "background"):
            for front in (u.colour for u in uses if u.role == "foreground"):
                if (front, back) not in existing:
                    problems.append(f"{selector}: sets {front} on {back}, which is not a pair")
    return problems
