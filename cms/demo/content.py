"""Building blocks of the demo content, the bodies of the standard pages (data/pages.toml) and the
news articles: six per municipality, one per topic, each topic in a few variants (data/news.toml
says how they are dealt out and what the texts may use).

Everything here only describes pages (``PageSpec``); ``cms.demo.seed`` writes them."""

import datetime as dt
import zlib
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import slugify

from cms.core.opening_hours import BRUSSELS
from cms.news.models import NewsArticlePage

from .datafiles import DATA_DIR, FACTS_BY_SLUG, block, default_facts, html, load

# A text in a data file, with {placeholders} (Local.words): slug, title, summary and body.
TEXT = {**dict.fromkeys(("slug", "title", "summary"), ("str", True)), "body": (["block"], True)}


@dataclass(frozen=True)
class PageSpec:
    """A page to create: its model, slug, title, other fields and an event's location page."""

    model: type
    slug: str
    title: str
    fields: dict = field(default_factory=dict)
    location: str = ""

    def build(self, locale):
        return self.model(slug=self.slug, title=self.title, locale=locale, **self.fields)


def render(model, text, words, location="", **fields):
    """The spec of a ``model`` page from a text (TEXT) with ``words`` filled in, and ``fields``."""
    slug, title, summary = (text[key].format(**words) for key in ("slug", "title", "summary"))
    fields = {"summary": summary, "body": body_blocks(text["body"], words), **fields}
    return PageSpec(model, slugify(slug), title, fields, location)


def body_blocks(body, words):
    """Body blocks from ``("h2", text)``, ``("p", text)``, ``("ul", (item, ...))`` and
    ``("each", name)`` (a paragraph per item of ``words[name]``), placeholders filled in."""
    blocks = []
    for kind, text in body:
        if kind == "ul":
            rows = "".join(f"<li>{escape(item.format(**words))}</li>" for item in text)
            blocks.append(block("paragraph", f"<ul>{rows}</ul>"))
        elif kind == "p":
            blocks.append(block("paragraph", html([text.format(**words)])))
        elif kind == "each":
            blocks.extend(block("paragraph", html([item])) for item in words[text])
        else:
            blocks.append(block("heading", {"text": text.format(**words), "level": kind}))
    return blocks


def join_words(words):
    """``["a", "b", "c"]`` as ``"a, b en c"``."""
    *rest, last = words or [""]
    return f"{', '.join(rest)} en {last}" if rest else last


def at(day, hour, minute=0):
    """An aware datetime in Brussels time."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BRUSSELS)


def next_weekday(day, weekday):
    """The first date on or after ``day`` that falls on ``weekday`` (0 = Monday)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


@dataclass(frozen=True)
class Local:
    """One municipality as the demo content sees it: its record, its facts and today."""

    municipality: object
    today: dt.date

    @property
    def facts(self):
        """The municipality's facts, or plain ones for a municipality the demo does not know."""
        m = self.municipality
        if m.slug in FACTS_BY_SLUG:
            return FACTS_BY_SLUG[m.slug]
        street = m.address.rstrip("0123456789 ") or "Kerkstraat"
        return default_facts(m.slug, short=m.short_name, street=street, address=m.address)

    @property
    def index(self):
        """A stable number per municipality, so each gets its own mix of text variants."""
        slug = self.municipality.slug
        if slug in FACTS_BY_SLUG:
            return list(FACTS_BY_SLUG).index(slug)
        return zlib.crc32(slug.encode())

    def variant(self, options, topic):
        return options[(self.index + topic) % len(options)]

    def words(self, **extra):
        """The placeholders every demo text may use."""
        m, facts = self.municipality, self.facts
        villages = facts.deelgemeenten[1:]
        city = m.name.startswith("Stad ")
        return {
            "name": m.name,
            "short": m.short_name,
            "kind": "stad" if city else "gemeente",
            "Kind": "Stad" if city else "Gemeente",
            "hall": "stadhuis" if city else "gemeentehuis",
            "desk": m.desk_name,
            "desk_phone": m.desk_phone,
            "desk_address": m.desk_address,
            "domain": m.email.rpartition("@")[2],
            "deel": villages[self.index % len(villages)] if villages else m.short_name,
            "square": facts.square,
            "venue": facts.hall,
            "walk": facts.walk,
            **{f"street{number}": street for number, street in enumerate(facts.streets)},
            **extra,
        }

    def standard_body(self, body):
        """A standard page's body (data/pages.toml) for this municipality."""
        m, facts = self.municipality, self.facts
        count = f"{facts.inhabitants or 0:,}".replace(",", ".")
        words = self.words(count=count, names=join_words(facts.deelgemeenten), intro=facts.intro)
        figures = [FIGURES["inhabitants"]] if facts.inhabitants else []
        figures.append(FIGURES["villages" if len(facts.deelgemeenten) > 1 else "no_villages"])
        words["figures"] = " ".join(figure.format(**words) for figure in figures)
        words.update(history=facts.history, address=m.address, postcode=m.postcode, city=m.city)
        return body_blocks(body, words)


# The standard pages' bodies, filled while they are empty: by slug under the home page
# ("" = home); and the component library, added under it.
PAGES = {
    "figures": (dict.fromkeys(("inhabitants", "villages", "no_villages"), ("str", True)), True),
    "pages": ([{"slug": ("slug", False), "body": (["block"], True)}], True),
    "components": (dict.fromkeys(("slug", "title", "summary"), ("str", True)), True),
}
_PAGES = load(DATA_DIR / "pages.toml", PAGES)
FIGURES = _PAGES["figures"]
STANDARD_BODIES = {page.get("slug", ""): page["body"] for page in _PAGES["pages"]}
COMPONENTS = _PAGES["components"]
NEWS = {"days_ago": (["int"], True), "topics": ([{"texts": ([TEXT], True)}], True)}
_NEWS = load(DATA_DIR / "news.toml", NEWS)
NEWS_TOPICS = tuple(topic["texts"] for topic in _NEWS["topics"])
DAYS_AGO = _NEWS["days_ago"]


def news_specs(local):
    specs = []
    for topic, texts in enumerate(NEWS_TOPICS):
        days = DAYS_AGO[(topic + local.index) % len(DAYS_AGO)] + local.index % 4
        date = local.today - dt.timedelta(days=days)
        with translation.override("nl"):  # "maandag 12 januari": as Dutch text reads it
            start = date_format(date + dt.timedelta(days=14), "l j F")
        words = local.words(start=start)
        specs.append(render(NewsArticlePage, local.variant(texts, topic), words, date=date))
    return specs
