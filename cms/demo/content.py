"""Building blocks of the demo content, and the bodies of the standard pages
(data/pages.toml).

Everything here only describes pages (``PageSpec``); ``cms.demo.seed`` writes them.
"""

import datetime as dt
import zlib
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import slugify

from cms.core.opening_hours import BRUSSELS

from .datafiles import DATA_DIR, load
from .facts import FACTS, FACTS_BY_SLUG, default_facts

# A text in a data file, with {placeholders} (Local.words): slug, title, summary and body.
TEXT = {**dict.fromkeys(("slug", "title", "summary"), ("str", True)), "body": (["block"], True)}


@dataclass(frozen=True)
class PageSpec:
    """A page to create: its model, fields and, for events, the slug of its location page."""

    model: type
    slug: str
    title: str
    summary: str = ""
    body: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    location: str = ""

    def build(self, locale):
        page = {"slug": self.slug, "title": self.title, "summary": self.summary, "body": self.body}
        return self.model(**page, locale=locale, **self.fields)


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*sentences):
    return {"type": "paragraph", "value": f"<p>{escape(' '.join(sentences))}</p>"}


def bullets(*items):
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return {"type": "paragraph", "value": f"<ul>{rows}</ul>"}


def join_words(words):
    """``["a", "b", "c"]`` as ``"a, b en c"``."""
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} en {words[-1]}"


def long_date(day):
    """``maandag 12 januari``: a date as Dutch text reads it."""
    with translation.override("nl"):
        return date_format(day, "l j F")


def at(day, hour, minute=0):
    """An aware datetime in Brussels time."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BRUSSELS)


def next_weekday(day, weekday):
    """The first date on or after ``day`` that falls on ``weekday`` (0 = Monday)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def thousands(number):
    return f"{number:,}".replace(",", ".")


def facts_for(municipality):
    """The facts of ``municipality``, or plain ones for a municipality the demo does not know."""
    known = FACTS_BY_SLUG.get(municipality.slug)
    if known:
        return known
    return default_facts(
        municipality.slug,
        short=municipality.short_name,
        street=municipality.address.rstrip("0123456789 ") or "Kerkstraat",
        address=municipality.address,
    )


@dataclass(frozen=True)
class Local:
    """One municipality as the demo content sees it: its record, its facts and today."""

    municipality: object
    today: dt.date

    @property
    def facts(self):
        return facts_for(self.municipality)

    @property
    def index(self):
        """A stable number per municipality, so each gets its own mix of text variants."""
        slugs = [facts.slug for facts in FACTS]
        if self.municipality.slug in slugs:
            return slugs.index(self.municipality.slug)
        return zlib.crc32(self.municipality.slug.encode())

    @property
    def is_city(self):
        return self.municipality.name.startswith("Stad ")

    @property
    def domain(self):
        return self.municipality.email.rpartition("@")[2]

    def variant(self, options, topic):
        return options[(self.index + topic) % len(options)]

    def words(self, **extra):
        """The placeholders every demo text may use."""
        m, facts = self.municipality, self.facts
        villages = facts.deelgemeenten[1:]
        deel = villages[self.index % len(villages)] if villages else m.short_name
        return {
            "name": m.name,
            "short": m.short_name,
            "kind": "stad" if self.is_city else "gemeente",
            "Kind": "Stad" if self.is_city else "Gemeente",
            "hall": "stadhuis" if self.is_city else "gemeentehuis",
            "desk": m.desk_name,
            "desk_phone": m.desk_phone,
            "desk_address": m.desk_address,
            "domain": self.domain,
            "deel": deel,
            "square": facts.square,
            "venue": facts.hall,
            "walk": facts.walk,
            "street0": facts.streets[0],
            "street1": facts.streets[1],
            "street2": facts.streets[2],
            "street3": facts.streets[3],
            **extra,
        }

    def standard_body(self, body):
        """A standard page's body (data/pages.toml) for this municipality."""
        m, facts = self.municipality, self.facts
        words = self.words(count=thousands(facts.inhabitants or 0))
        figures = [FIGURES["inhabitants"]] if facts.inhabitants else []
        villages = len(facts.deelgemeenten) > 1
        figures.append(FIGURES["villages"] if villages else FIGURES["no_villages"])
        words["names"] = join_words(facts.deelgemeenten)
        figures = " ".join(figure.format(**words) for figure in figures)
        extra = {"address": m.address, "postcode": m.postcode, "city": m.city}
        words.update(intro=facts.intro, history=facts.history, figures=figures, **extra)
        return body_blocks(body, words)


def body_blocks(body, words):
    """Body blocks from ``("h2", text)``, ``("p", text)``, ``("ul", (item, ...))`` and
    ``("each", name)`` (a paragraph per item of ``words[name]``), placeholders filled in."""
    blocks = []
    for kind, text in body:
        if kind == "ul":
            blocks.append(bullets(*(item.format(**words) for item in text)))
        elif kind == "p":
            blocks.append(paragraph(text.format(**words)))
        elif kind == "each":
            blocks.extend(paragraph(item) for item in words[text])
        else:
            blocks.append(heading(text.format(**words), kind))
    return blocks


def render(text, words):
    """(slug, title, summary, body blocks) of a text (TEXT) with ``words`` filled in."""
    slug, title, summary = (text[key].format(**words) for key in ("slug", "title", "summary"))
    return slugify(slug), title, summary, body_blocks(text["body"], words)


# The standard pages' bodies, filled while they are empty: by slug under the home page
# ("" = home).
_PAGES = load(
    DATA_DIR / "pages.toml",
    {
        "figures": (dict.fromkeys(("inhabitants", "villages", "no_villages"), ("str", True)), True),
        "pages": ([{"slug": ("slug", False), "body": (["block"], True)}], True),
    },
)
FIGURES = _PAGES["figures"]
STANDARD_BODIES = {page.get("slug", ""): page["body"] for page in _PAGES["pages"]}
