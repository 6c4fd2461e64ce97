"""What a search asks and what it answers: the interface every backend implements."""

import datetime
import math
from dataclasses import dataclass, field

__all__ = ["FACETS", "Facet", "Hit", "JointQuery", "JointResults"]

# The facets every backend reports, in display order.
FACETS = ("municipality", "content_type", "theme", "life_event", "locale")


@dataclass(frozen=True)
class JointQuery:
    text: str  # raw user input; backends make ANY string safe
    municipality: str | None  # slug of the asking site; None on the regional landing
    locale: str | None = None  # "nl", "fr"...: only documents in this language when set
    municipalities: tuple = ()  # facet filters (slugs)
    content_types: tuple = ()  # facet filters ("catalogue.localservicepage", ...)
    themes: tuple = ()  # cms.catalogue.vocabularies.Theme values
    life_events: tuple = ()  # cms.catalogue.vocabularies.LifeEvent values
    page: int = 1
    page_size: int = 10

    @property
    def offset(self):
        return (max(1, int(self.page)) - 1) * self.size

    @property
    def size(self):
        return min(max(1, int(self.page_size)), 100)

    def filters(self):
        """The facet filters as {facet name: selected values}."""
        return {
            "municipality": tuple(self.municipalities),
            "content_type": tuple(self.content_types),
            "theme": tuple(self.themes),
            "life_event": tuple(self.life_events),
            "locale": (self.locale,) if self.locale else (),
        }


@dataclass
class Hit:
    doc_id: str
    title: str
    url: str
    municipality: str
    municipality_name: str
    content_type: str
    content_type_label: str
    snippet: str  # safe HTML: escaped text with only <mark> tags
    date: datetime.date | None
    regional_service: str | None
    locale: str = ""  # the document's language: the results page marks others with lang
    also_offered_in: int = 0  # other municipalities offering the same regional service
    score: float = 0.0


@dataclass
class Facet:
    """One value of a facet."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class JointResults:
    query: JointQuery
    own: list = field(default_factory=list)  # the asking municipality's hits (this page)
    neighbours: list = field(default_factory=list)  # everybody else's hits (this page)
    total: int = 0  # results after collapsing
    facets: dict = field(default_factory=dict)  # FACETS -> list[Facet]
    suggestion: str | None = None  # "did you mean", from the index's own vocabulary
    fallback: bool = False  # the configured backend was unreachable; the embedded one answered

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.query.size))

    @property
    def hits(self):
        return [*self.own, *self.neighbours]
