"""Browsing a site's services: A to Z, by theme, by life event, by audience, and a filter box
that works without JavaScript (a GET form, filtered on the server)."""

from dataclasses import dataclass, field
from itertools import groupby

from cms.core.text import fold

from .vocabularies import Audience, LifeEvent, Theme

MAX_FILTER_LENGTH = 100


@dataclass
class Selection:
    query: str = ""
    theme: str = ""
    life_event: str = ""
    audience: str = ""

    @classmethod
    def from_request(cls, params):
        def code(name, choices):
            value = params.get(name, "")
            return value if value in choices.values else ""

        query = " ".join("".join(ch for ch in params.get("q", "") if ch.isprintable()).split())
        return cls(
            query=query[:MAX_FILTER_LENGTH],
            theme=code("thema", Theme),
            life_event=code("levensgebeurtenis", LifeEvent),
            audience=code("doelgroep", Audience),
        )

    def __bool__(self):
        return bool(self.query or self.theme or self.life_event or self.audience)

    def matches(self, page):
        service = page.service
        if self.theme and self.theme not in service.themes:
            return False
        if self.life_event and self.life_event not in service.life_events:
            return False
        if self.audience and self.audience not in service.audiences:
            return False
        if self.query:
            haystack = fold(" ".join((page.title, page.summary, service.name, service.keywords)))
            return all(word in haystack for word in fold(self.query).split())
        return True


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Browse:
    selection: Selection
    services: list
    letters: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    life_events: list = field(default_factory=list)
    audiences: list = field(default_factory=list)
    popular: list = field(default_factory=list)


def _options(choices, pages, attribute, selected):
    counts = dict.fromkeys(choices.values, 0)
    for page in pages:
        for value in getattr(page.service, attribute):
            if value in counts:
                counts[value] += 1
    return [
        Option(choice.value, choice.label, counts[choice.value], choice.value == selected)
        for choice in choices
        if counts[choice.value]
    ]


def first_letter(page):
    letter = fold(page.title[:1]).upper()
    return letter if letter.isalpha() else "#"


def browse(pages, params):
    """Everything the services index shows, from its live local pages (one query)."""
    pages = sorted(pages, key=lambda page: fold(page.title))
    selection = Selection.from_request(params)
    shown = [page for page in pages if selection.matches(page)]
    return Browse(
        selection=selection,
        services=shown,
        letters=[(letter, list(group)) for letter, group in groupby(shown, key=first_letter)],
        themes=_options(Theme, pages, "themes", selection.theme),
        life_events=_options(LifeEvent, pages, "life_events", selection.life_event),
        audiences=_options(Audience, pages, "audiences", selection.audience),
        popular=[page for page in pages if page.service.popular][:8],
    )
