"""Five demo events per municipality: four in the coming weeks and months, one just past."""

import datetime as dt
from dataclasses import dataclass

from django.utils.text import capfirst

from cms.events.models import EventPage

from .content import PageSpec, Text, at, next_weekday
from .locations import location_specs, town_hall_slug


@dataclass(frozen=True)
class Happening:
    """An event text with its slot: weekday (0 = Monday), times and where it takes place.

    ``location`` names a demo location page ("library", "recycling" or "town_hall"); when
    that page does not exist the event falls back to ``place``.
    """

    text: Text
    weekday: int
    starts: tuple
    ends: tuple
    place: str
    location: str = ""


LIBRARY_EVENTS = (
    Happening(
        Text(
            "voorleesuurtje",
            "Voorleesuurtje voor kleuters",
            "Prentenboeken komen tot leven voor kinderen van 3 tot 6 jaar.",
            (
                (
                    "p",
                    "Een voorlezer neemt de kleuters mee in de mooiste prentenboeken van het "
                    "seizoen. Gratis; inschrijven is niet nodig.",
                ),
            ),
        ),
        2,
        (14, 0),
        (15, 0),
        "Bibliotheek {short}",
        "library",
    ),
    Happening(
        Text(
            "taalcafe",
            "Taalcafé: Nederlands oefenen",
            "Oefen Nederlands in een ontspannen sfeer, met een kop koffie.",
            (
                (
                    "p",
                    "Wie Nederlands leert, praat met vrijwilligers over alledaagse dingen. "
                    "Alle niveaus zijn welkom; u hoeft niet in te schrijven.",
                ),
            ),
        ),
        3,
        (19, 0),
        (20, 30),
        "Bibliotheek {short}",
        "library",
    ),
    Happening(
        Text(
            "workshop-veilig-online",
            "Workshop: veilig online bankieren",
            "Leer phishing herkennen en veilig betalen met uw smartphone.",
            (
                (
                    "p",
                    "Breng uw eigen smartphone of tablet mee. Maximaal twaalf deelnemers; "
                    "schrijf in aan de balie van de bibliotheek.",
                ),
            ),
        ),
        1,
        (14, 0),
        (16, 0),
        "Bibliotheek {short}",
        "library",
    ),
)

COMMUNITY_EVENTS = (
    Happening(
        Text(
            "repair-cafe",
            "Repair Café",
            "Kapot? Niet weggooien: samen herstellen we het.",
            (
                (
                    "p",
                    "Breng uw broodrooster, fiets, lamp of trui mee. Vrijwillige herstellers "
                    "zoeken samen met u naar een oplossing. U betaalt alleen de onderdelen.",
                ),
            ),
        ),
        5,
        (13, 30),
        (17, 0),
        "{venue}, {short}",
    ),
    Happening(
        Text(
            "compostdemonstratie",
            "Compostdemonstratie",
            "Compostmeesters tonen hoe u thuis gft-afval omzet in compost.",
            (
                (
                    "p",
                    "Leer welke bak of vat bij uw tuin past en wat er wel en niet in mag. "
                    "Iedere deelnemer krijgt een zak compost mee naar huis.",
                ),
            ),
        ),
        5,
        (10, 0),
        (12, 0),
        "{venue}, {short}",
        "recycling",
    ),
    Happening(
        Text(
            "seniorennamiddag",
            "Seniorennamiddag met muziek",
            "Een namiddag vol ambiancemuziek, koffie en taart voor alle 60-plussers.",
            (
                (
                    "p",
                    "Inschrijven kan tot een week vooraf aan het onthaal van het {hall} of "
                    "telefonisch op {desk_phone}. Wie slecht te been is, kan gratis met de "
                    "minibus mee.",
                ),
            ),
        ),
        3,
        (14, 0),
        (17, 0),
        "{venue}, {short}",
    ),
)

LATER_EVENTS = (
    Happening(
        Text(
            "natuurwandeling",
            "Begeleide natuurwandeling: {walk}",
            "Een natuurgids toont u de planten en dieren van {walk}.",
            (
                (
                    "p",
                    "De wandeling is ongeveer vijf kilometer en geschikt voor kinderen vanaf "
                    "zes jaar. Trek laarzen of stevige schoenen aan.",
                ),
            ),
        ),
        6,
        (10, 0),
        (12, 30),
        "{walk}, {short}",
    ),
    Happening(
        Text(
            "infoavond-energiezuinig-renoveren",
            "Infoavond: energiezuinig renoveren",
            "Welke werken leveren het meest op, en op welke premies hebt u recht?",
            (
                (
                    "p",
                    "Een energiedeskundige en de woonconsulent van de {kind} beantwoorden uw "
                    "vragen over isoleren, warmtepompen en de Mijn VerbouwPremie.",
                ),
            ),
        ),
        1,
        (19, 30),
        (21, 30),
        "{desk_address}",
        "town_hall",
    ),
    Happening(
        Text(
            "bloedinzameling",
            "Bloedinzameling Rode Kruis",
            "Geef bloed, red levens.",
            (
                (
                    "p",
                    "Iedereen tussen 18 en 66 jaar in goede gezondheid mag bloed geven. "
                    "Breng uw identiteitskaart mee en eet vooraf iets.",
                ),
            ),
        ),
        0,
        (17, 30),
        (20, 30),
        "{venue}, {short}",
    ),
)

PAST_EVENT = Happening(
    Text(
        "infoavond-werken-{street0}",
        "Infoavond over de werken in de {street0}",
        "De {kind} en de aannemer stellen de planning en de omleidingen voor.",
        (
            (
                "p",
                "Bewoners en handelaars krijgen uitleg over de fases van de werken en kunnen "
                "hun vragen stellen aan de werfleider.",
            ),
        ),
    ),
    1,
    (19, 30),
    (21, 0),
    "{desk_address}",
    "town_hall",
)

# (days from today, the events to pick one from) for each of the five events; each
# municipality shifts them by up to a week (the last one stays in the past).
SLOTS = (
    (5, LIBRARY_EVENTS),
    (18, None),
    (40, COMMUNITY_EVENTS),
    (75, LATER_EVENTS),
    (-16, (PAST_EVENT,)),
)


def _local_event(local):
    event = local.facts.event
    return Happening(
        Text(event.slug, event.title, event.summary, (("p", event.text),)),
        6,
        (14, 0),
        (17, 0),
        event.place,
    )


def _where(local, happening):
    """(location slug, place text): a demo location page when the municipality has one."""
    wanted = {
        "library": "bibliotheek",
        "recycling": "recyclagepark",
        "town_hall": town_hall_slug(local.municipality),
    }.get(happening.location)
    for spec in location_specs(local):
        if spec.slug == wanted:
            fields = spec.fields
            return (
                spec.slug,
                f"{spec.title}, {fields['address']}, {fields['postcode']} {fields['city']}",
            )
    return "", capfirst(happening.place.format(**local.words()))


def event_specs(local):
    specs = []
    for topic, (days, options) in enumerate(SLOTS):
        happening = local.variant(options, topic) if options else _local_event(local)
        shift = dt.timedelta(days=days + local.index % 5)
        day = next_weekday(local.today + shift, happening.weekday)
        location, place = _where(local, happening)
        slug, title, summary, body = happening.text.render(local.words())
        specs.append(
            PageSpec(
                EventPage,
                slug,
                title,
                summary,
                body,
                fields={
                    "start": at(day, *happening.starts),
                    "end": at(day, *happening.ends),
                    "place": place,
                },
                location=location,
            )
        )
    return specs
