"""How the demo describes a regional service: a compact spec, and the raw block data it
becomes. The data modules (``identity``, ``family``, ...) only hold specs."""

from dataclasses import dataclass, field

from django.utils.html import escape

from cms.catalogue.vocabularies import Audience, ServiceType

CITIZEN = (Audience.CITIZEN,)

# Where the documents behind the legal references are published.
JUSTEL = "https://www.ejustice.just.fgov.be/loi/loi.htm"
CODEX = "https://codex.vlaanderen.be/"


@dataclass(frozen=True)
class Evidence:
    title: str
    description: str = ""

    def data(self):
        return {"title": self.title, "description": self.description or ""}


@dataclass(frozen=True)
class Requirement:
    title: str
    description: str = ""
    evidence: tuple = ()

    def data(self):
        return {
            "title": self.title,
            "description": self.description or "",
            "evidence": [item.data() for item in self.evidence],
        }


def req(title, description="", *bring):
    """A requirement; ``bring`` items are strings or ``(title, details)`` pairs."""
    evidence = tuple(
        Evidence(*item) if isinstance(item, tuple) else Evidence(item) for item in bring
    )
    return Requirement(title, description, evidence)


@dataclass(frozen=True)
class Channels:
    """Which channels a service has wherever it is offered, and where the desk is.

    ``desk`` is the location the desk channel points at: "hall", "library" or
    "recycling" (the demo's location pages); ``online`` the path on a municipality's
    e-loket, empty when it cannot be applied for online; ``appointment`` whether
    municipalities that work with appointments require one for it; ``online_url`` a portal
    outside the municipality (Omgevingsloket, MyHandicap) that every municipality links to.
    """

    desk: str = "hall"
    online: str = ""
    online_url: str = ""  # a regional or federal portal, the same for every municipality
    online_name: str = ""
    phone: bool = True
    post: bool = False
    appointment: bool = False


@dataclass(frozen=True)
class ServiceSpec:
    identifier: str
    name: str
    short: str
    description: tuple
    requirements: tuple = ()
    steps: tuple = ()
    costs: tuple = ()
    time: str = ""
    legal: tuple = ()
    info: tuple = ()
    audiences: tuple = CITIZEN
    themes: tuple = ()
    events: tuple = ()
    keywords: str = ""
    type: str = ServiceType.PROOF
    popular: bool = False
    additional: tuple = ()
    exceptions: tuple = ()
    advantages: tuple = ()
    channels: Channels = field(default_factory=Channels)

    def fields(self):
        """The RegionalService field values of this spec."""
        return {
            "identifier": self.identifier,
            "name": self.name,
            "short_description": self.short,
            "description": html(*self.description),
            "additional_description": html(*self.additional),
            "exceptions": html(*self.exceptions),
            "requirements": [block("requirement", item.data()) for item in self.requirements],
            "procedure": [
                block("step", {"title": title, "description": text}) for title, text in self.steps
            ],
            "costs": [
                block("cost", {"title": title, "amount": amount, "description": text or ""})
                for title, amount, text in self.costs
            ],
            "financial_advantages": [
                block("advantage", {"title": title, "description": text})
                for title, text in self.advantages
            ],
            "processing_time": self.time,
            "legal_resources": [
                block("legal_resource", {"title": title, "url": url}) for title, url in self.legal
            ],
            "more_information": [
                block("link", {"title": title, "url": url}) for title, url in self.info
            ],
            "audiences": [str(value) for value in self.audiences],
            "themes": [str(value) for value in self.themes],
            "life_events": [str(value) for value in self.events],
            "keywords": self.keywords,
            "service_type": str(self.type),
            "popular": self.popular,
        }


def block(kind, value):
    """One block in a StreamField's raw data (amounts as strings: "21.00", or None)."""
    return {"type": kind, "value": value}


def html(*paragraphs):
    """Rich text from paragraphs; a paragraph that is a list becomes a bulleted list."""
    parts = []
    for paragraph in paragraphs:
        if isinstance(paragraph, list | tuple):
            items = "".join(f"<li>{escape(item)}</li>" for item in paragraph)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{escape(paragraph)}</p>")
    return "".join(parts)
