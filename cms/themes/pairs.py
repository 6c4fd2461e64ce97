"""Every foreground/background pair of semantic colours the base CSS uses, and the
contrast each needs (WCAG 2.2 AA). This table is the one place the pairs are kept.

Names are the semantic custom properties without ``--color-`` (``link`` is
``--color-link``); themes/base/static/css/tokens.css maps each to a palette colour.

``where`` lists the CSS rules (selectors exactly as written in base.css) that put this
foreground on this background. tests/themes/test_pairs_cover_css.py parses the CSS and
fails when a rule uses a semantic colour in ``color``, ``background``, ``border*``,
``outline*`` and the like (or in a local custom property such as ``--callout-accent``)
without being listed under a pair for that colour in that role. When you add such a
rule, add its selector to every pair it takes part in, thinking about the surface it
sits on, and add a pair if there is none yet.
"""

from dataclasses import dataclass

__all__ = ["DECORATIVE", "LARGE_TEXT", "NON_TEXT", "PAIRS", "TEXT", "Pair"]

TEXT = 4.5  # WCAG 1.4.3: body text, links, labels, error messages
LARGE_TEXT = 3.0  # WCAG 1.4.3: text of at least 24px, or 18.66px bold
NON_TEXT = 3.0  # WCAG 1.4.11: field borders, focus indicators, buttons' edges, icons
DECORATIVE = 1.0  # a line or bar that carries no information: listed, never refused

_FIELDS = (
    '.form input:not([type="checkbox"], [type="radio"])',
    ".form select",
    ".form textarea",
    ".search-form input",
)
# Surfaces in muted-background that inherit the page's text, link and focus colours.
_MUTED = (
    ".card",
    ".site-footer",
    ".form-confirmation",
    ".callout",
    ".contact-card",
    ".local-marker",
    ".at-a-glance",
    ".top-tasks a",
    ".most-asked a",
    ".event-filters",
)
# Surfaces in the brand colour with on-brand text: the header, buttons, the video label.
_BRAND = (
    ".site-header",
    ".site-header a",
    ".site-header .search-form label",
    ".form__submit",
    ".cta__button",
    ".video__link",
    ".video__label",
)


@dataclass(frozen=True)
class Pair:
    foreground: str
    background: str
    minimum: float
    use: str
    where: tuple = ()


PAIRS = (
    # Text on every surface.
    Pair("text", "background", TEXT, "body text; text in form fields; print",
         ("body", *_FIELDS, ".video__link", ".video__label")),
    Pair("text", "muted-background", TEXT, "text in cards, callouts, the footer", _MUTED),
    Pair("text", "info-background", TEXT, "text in an information callout"),
    Pair("text", "warning-background", TEXT, "text in a warning callout or notice",
         (".notice",)),
    Pair("text-muted", "background", TEXT, "hints, dates and other secondary text",
         (".form-field__hint",)),
    Pair("text-muted", "muted-background", TEXT, "secondary text in cards and the footer"),
    Pair("heading", "background", TEXT, "headings (h4 at body size is not large text)",
         ("h1", "h2", "h3", "h4")),
    Pair("heading", "muted-background", TEXT, "headings in cards and the footer",
         ("h1", "h2", "h3", "h4")),
    Pair("error", "background", TEXT, "error messages, the error summary, fields in error",
         (".form-field__error", ".form-field--error", ".error-summary", ".error-summary a",
          '.form [aria-invalid="true"]:not([type="checkbox"], [type="radio"])')),
    Pair("brand", "background", TEXT, "step numbers; brand buttons' and bars' edges",
         (".steps__step::marker", ".quote", ".form__submit", ".cta__button", ".channel")),
    # Links.
    Pair("link", "background", TEXT, "links, the skip link, light buttons, accordions",
         ("a", ".skip-link", ".search-form button", ".main-nav__toggle",
          ".accordion__summary", ".event-filters__actions button")),
    Pair("link", "muted-background", TEXT, "links in cards, callouts, the footer",
         ("a", *_MUTED)),
    Pair("link", "info-background", TEXT, "links in an information callout"),
    Pair("link", "warning-background", TEXT, "links in a warning callout or notice",
         (".notice",)),
    # The header, brand buttons and the main navigation band.
    Pair("on-brand", "brand", TEXT, "the header's text, links and labels; brand buttons",
         _BRAND),
    Pair("on-brand", "brand-strong", TEXT, "links in the main navigation band",
         (".main-nav", ".main-nav a")),
    # Non-text: focus indicators, boundaries of fields and buttons, meaningful bars.
    Pair("focus", "background", NON_TEXT, "the focus outline on the page",
         (":focus-visible", ".callout--warning")),  # the latter: --color-warning's fallback
    Pair("focus", "muted-background", NON_TEXT, "the focus outline on muted surfaces",
         (":focus-visible", *_MUTED)),
    Pair("focus", "info-background", NON_TEXT, "the focus outline in an information callout"),
    Pair("focus", "warning-background", NON_TEXT, "the focus outline in a warning callout",
         (".notice",)),
    Pair("focus-on-brand", "brand", NON_TEXT, "the focus outline in the header",
         (".site-header :focus-visible",)),
    Pair("focus-on-brand", "brand-strong", NON_TEXT, "the focus outline in the navigation band",
         (".site-header :focus-visible",)),
    Pair("border-input", "background", NON_TEXT, "the border of a form field; dividers",
         (*_FIELDS, ".accordion__item", ".accordion__item:last-child")),
    Pair("border-input", "muted-background", NON_TEXT, "a form field on a muted surface"),
    Pair("warning", "background", NON_TEXT, "the bar that marks a warning callout or notice",
         (".callout--warning", ".notice")),
    Pair("background", "brand", NON_TEXT, "form fields and light buttons in the header",
         (".search-form input", ".search-form button")),
    Pair("background", "brand-strong", NON_TEXT, "the menu button in the navigation band",
         (".main-nav__toggle",)),
    # Decorative: listed so that the CSS stays covered, never refused.
    Pair("brand", "muted-background", DECORATIVE, "the accent bar of a callout or a top task",
         (".callout", ".top-tasks a", ".most-asked a")),
    Pair("warning", "warning-background", DECORATIVE, "the border of a notice", (".notice",)),
    Pair("muted-background", "background", DECORATIVE, "separators of the component library",
         (".component-sample", ".component-sample__preview")),
)  # fmt: skip
