"""Building blocks of the demo content, and the bodies of the standard pages.

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

from .facts import FACTS, FACTS_BY_SLUG, LocalEvent, LocalFacts, Venue


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
        return self.model(
            slug=self.slug,
            title=self.title,
            summary=self.summary,
            body=self.body,
            locale=locale,
            **self.fields,
        )


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
    short = municipality.short_name
    street = municipality.address.rstrip("0123456789 ") or "Kerkstraat"
    return LocalFacts(
        slug=municipality.slug,
        inhabitants=None,
        deelgemeenten=(),
        intro=f"{short} is een van de gemeenten van Zuid-West-Vlaanderen.",
        history=(
            f"{short} groeide rond zijn kerk en markt uit tot de gemeente van vandaag.",
            "Verenigingen, scholen en handelaars maken er samen het dorpsleven.",
        ),
        streets=("Stationsstraat", "Kerkstraat", "Schoolstraat", "Molenstraat"),
        square=street,
        hall="de gemeentelijke feestzaal",
        walk="de omgeving",
        library=Venue(municipality.address, "village"),
        recycling=None,
        event=LocalEvent(
            slug="dorpsfeest",
            title=f"Dorpsfeest in {short}",
            place=f"{street}, {short}",
            summary="Muziek, eten en animatie voor jong en oud.",
            text="Verenigingen zorgen voor eten en drinken; de toegang is gratis.",
        ),
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


def home_body(local):
    words = local.words()
    return [
        heading("Welkom in {short}".format(**words)),
        paragraph(
            local.facts.intro,
            "Op deze website vindt u alles over de dienstverlening van {name}: wat u kunt "
            "aanvragen, wanneer het {hall} open is en wat er te beleven valt.".format(**words),
        ),
        heading("Liever persoonlijk geholpen?"),
        paragraph(
            "Veel aanvragen doet u online, maar u bent altijd welkom aan de balie: {desk}, "
            "{desk_address}. Bellen kan ook: {desk_phone}.".format(**words)
        ),
    ]


def about_body(local):
    words, facts = local.words(), local.facts
    figures = []
    if facts.inhabitants:
        figures.append(
            "{name} telt ongeveer {count} inwoners.".format(
                count=thousands(facts.inhabitants), **words
            )
        )
    if len(facts.deelgemeenten) > 1:
        figures.append(
            "De {kind} bestaat uit de deelgemeenten {names}.".format(
                names=join_words(facts.deelgemeenten), **words
            )
        )
    else:
        figures.append("{short} heeft geen deelgemeenten.".format(**words))
    return [
        heading("{short} in het kort".format(**words)),
        paragraph(facts.intro, *figures),
        heading("Geschiedenis"),
        *(paragraph(text) for text in facts.history),
        heading("Bestuur"),
        paragraph(
            "De gemeenteraad vergadert doorgaans één keer per maand in het {hall}. De zittingen "
            "zijn openbaar; de agenda en de besluiten vindt u op deze website. Het college van "
            "burgemeester en schepenen komt elke week samen.".format(**words)
        ),
    ]


def privacy_body(local):
    words = local.words()
    m = local.municipality
    return [
        heading("Wie verwerkt uw gegevens?"),
        paragraph(
            f"{m.name}, {m.address}, {m.postcode} {m.city}, is verantwoordelijk voor de "
            "verwerking van uw persoonsgegevens. We volgen de Algemene Verordening "
            "Gegevensbescherming (AVG)."
        ),
        heading("Waarvoor gebruiken we ze?"),
        paragraph("We vragen en bewaren alleen de gegevens die we nodig hebben:"),
        bullets(
            "om uw aanvraag of melding te behandelen;",
            "om u te contacteren over uw dossier;",
            "omdat een wet of decreet het ons oplegt, bijvoorbeeld voor het bevolkingsregister.",
        ),
        paragraph(
            "We verkopen uw gegevens nooit en geven ze alleen door aan andere overheden als de "
            "wet dat toelaat."
        ),
        heading("Uw rechten"),
        paragraph(
            "U mag uw gegevens inkijken, laten verbeteren of laten wissen als we ze niet meer "
            "nodig hebben. Mail daarvoor naar onze functionaris voor gegevensbescherming: "
            "privacy@{domain}.".format(**words),
            "Bent u niet tevreden met ons antwoord, dan kunt u klacht indienen bij de Vlaamse "
            "Toezichtcommissie voor de verwerking van persoonsgegevens.",
        ),
        heading("Cookies"),
        paragraph(
            "Deze website plaatst alleen cookies die nodig zijn om de site te laten werken. We "
            "volgen u niet en tonen geen advertenties."
        ),
    ]


def services_body(local):
    words = local.words()
    return [
        heading("Waarmee kunnen we u helpen?"),
        paragraph(
            "Hier vindt u binnenkort alle diensten van {name}: van identiteitskaart en "
            "rijbewijs tot omgevingsvergunning en afvalkalender. Per dienst leest u wat het "
            "kost, wat u moet meebrengen en hoe u het online, aan de balie of telefonisch "
            "aanvraagt.".format(**words)
        ),
        paragraph(
            "Vindt u niet wat u zoekt? Bel {desk_phone} of kom langs bij {desk}, "
            "{desk_address}.".format(**words)
        ),
    ]


# The bodies setup_demo fills when they are empty, by slug under the home page ("" = home).
STANDARD_BODIES = {
    "": home_body,
    "over": about_body,
    "privacy": privacy_body,
    "diensten": services_body,
}


@dataclass(frozen=True)
class Text:
    """A demo text with ``{placeholders}`` (see ``Local.words``); the body is a tuple of
    ``("h2", text)``, ``("p", text)`` and ``("ul", (item, ...))``."""

    slug: str
    title: str
    summary: str
    body: tuple

    def render(self, words):
        """(slug, title, summary, body blocks) with the placeholders filled in."""
        blocks = []
        for kind, text in self.body:
            if kind == "ul":
                blocks.append(bullets(*(item.format(**words) for item in text)))
            elif kind == "p":
                blocks.append(paragraph(text.format(**words)))
            else:
                blocks.append(heading(text.format(**words), kind))
        return (
            slugify(self.slug.format(**words)),
            self.title.format(**words),
            self.summary.format(**words),
            blocks,
        )
