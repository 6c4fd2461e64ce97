"""Editorial accessibility rules the page editor enforces.

The blocks in :mod:`cms.core.blocks` call these when an editor saves or publishes:
headings may not skip a level, link texts must say where they go. Messages are English
msgids, shown in the editor's language.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Link texts that say nothing about where a link goes, once lower-cased and stripped of
# punctuation: Dutch first, then the other languages the sites are published in.
VAGUE_LINK_TEXTS = frozenset(
    {
        # nl
        "klik hier",
        "hier",
        "lees meer",
        "meer",
        "klik",
        "link",
        # en
        "click here",
        "here",
        "read more",
        "more",
        # fr
        "cliquez ici",
        "ici",
        "lire la suite",
        "en savoir plus",
        # de
        "hier klicken",
        "mehr",
        "weiterlesen",
    }
)

PAGE_TITLE_LEVEL = 1
_HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_NOT_WORDS = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


def normalise_link_text(text):
    """``" Klik hier! "`` -> ``"klik hier"``: lower case, words only, single spaces."""
    return _NOT_WORDS.sub(" ", text or "").strip().lower()


def link_text_error(text):
    """The :class:`ValidationError` for a link text that does not describe its target,
    or ``None`` when the text is fine."""
    words = normalise_link_text(text)
    if not words:
        return ValidationError(
            _("A link has no text. Say where the link goes."), code="empty_link_text"
        )
    if words in VAGUE_LINK_TEXTS:
        return ValidationError(
            _(
                "The link text “%(text)s” does not say where the link goes. Describe "
                "its destination instead, for example “Apply for a parking permit”."
            ),
            code="vague_link_text",
            params={"text": text.strip()},
        )
    return None


def check_link_text(text):
    error = link_text_error(text)
    if error is not None:
        raise error


class _RichTextReader(HTMLParser):
    """Collects the headings and the text of every link of a rich text fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []
        self.links = []
        self._heading = None
        self._link = None

    def handle_starttag(self, tag, attrs):
        if tag in _HEADING_TAGS:
            self._heading = (_HEADING_TAGS[tag], [])
        elif tag == "a":
            self._link = []

    def handle_endtag(self, tag):
        if tag in _HEADING_TAGS and self._heading is not None:
            level, parts = self._heading
            self.headings.append(Heading(level, " ".join("".join(parts).split())))
            self._heading = None
        elif tag == "a" and self._link is not None:
            self.links.append(" ".join("".join(self._link).split()))
            self._link = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1].append(data)
        if self._link is not None:
            self._link.append(data)


def read_rich_text(html):
    """``(headings, link_texts)`` of a rich text fragment (stored or expanded HTML)."""
    reader = _RichTextReader()
    reader.feed(html or "")
    reader.close()
    return reader.headings, reader.links


def heading_order_errors(headings, start=PAGE_TITLE_LEVEL):
    """One error per heading that goes more than one level deeper than the heading
    before it; the page title is the level ``start`` heading every body follows."""
    errors = []
    previous = start
    for heading in headings:
        allowed = previous + 1
        if heading.level > allowed:
            if previous == start:
                message = _(
                    "The first heading, “%(text)s”, is a level %(level)d heading. The page "
                    "title is level %(previous)d, so the first heading must be level "
                    "%(allowed)d."
                )
                code = "first_heading_level"
            else:
                message = _(
                    "The heading “%(text)s” skips a level: it is level %(level)d, but the "
                    "heading before it is level %(previous)d. Make it level %(allowed)d, or "
                    "add a level %(allowed)d heading before it."
                )
                code = "heading_skips_level"
            errors.append(
                ValidationError(
                    message,
                    code=code,
                    params={
                        "text": heading.text,
                        "level": heading.level,
                        "previous": previous,
                        "allowed": allowed,
                    },
                )
            )
        previous = heading.level
    return errors
