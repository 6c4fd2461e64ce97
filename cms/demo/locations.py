"""Demo location pages under /contact/: the town hall desk, the library, the recycling park."""

import datetime as dt
import re

from django.utils.text import slugify

from cms.core.blocks import stream_data
from cms.core.opening_hours import ClosingDay, WeeklyHours
from cms.locations.models import LocationPage

from .content import PageSpec, bullets, next_weekday, paragraph

LIBRARY_HOURS = {
    "city": {
        "monday": ["13:00-18:00"],
        "tuesday": ["10:00-18:00"],
        "wednesday": ["10:00-18:00"],
        "thursday": ["10:00-18:00"],
        "friday": ["10:00-18:00"],
        "saturday": ["10:00-16:00"],
    },
    "town": {
        "monday": ["14:00-19:00"],
        "tuesday": ["14:00-18:00"],
        "wednesday": ["10:00-12:00", "13:00-18:00"],
        "thursday": ["14:00-18:00"],
        "friday": ["14:00-19:00"],
        "saturday": ["09:00-12:00"],
    },
    "village": {
        "monday": ["16:00-19:00"],
        "wednesday": ["13:30-18:00"],
        "friday": ["16:00-19:00"],
        "saturday": ["09:00-12:00"],
    },
    "small": {
        "wednesday": ["14:00-18:00"],
        "saturday": ["10:00-12:00"],
    },
}

RECYCLING_HOURS = {
    "town": {
        "tuesday": ["09:00-12:00", "13:00-17:30"],
        "wednesday": ["09:00-12:00", "13:00-17:30"],
        "thursday": ["09:00-12:00", "13:00-17:30"],
        "friday": ["09:00-12:00", "13:00-17:30"],
        "saturday": ["09:00-16:00"],
    },
    "small": {
        "wednesday": ["13:00-18:00"],
        "friday": ["13:00-18:00"],
        "saturday": ["09:00-16:00"],
    },
}

_ADDRESS = re.compile(r"^(?P<street>.+),\s*(?P<postcode>\d{4})\s+(?P<city>.+)$")


def town_hall_slug(municipality):
    """``stadhuis``, ``gemeentehuis``, ``administratief-centrum``: from the desk's name."""
    return slugify(re.split(r"\s+[\u2013-]\s+", municipality.desk_name)[0])


def _hours_fields(hours, *extra_closed):
    days = {closed.date: closed.reason for closed in hours.closed}
    for date, reason in extra_closed:
        days.setdefault(date, reason)
    closed = [ClosingDay(date, reason) for date, reason in sorted(days.items())]
    return {"hours": stream_data(WeeklyHours(periods=hours.periods, closed=tuple(closed)))}


def _town_hall(local):
    m = local.municipality
    match = _ADDRESS.match(m.desk_address)
    street, postcode, city = (
        (match["street"], match["postcode"], match["city"])
        if match
        else (m.address, m.postcode, m.city)
    )
    hall = local.words()["hall"]
    return PageSpec(
        LocationPage,
        town_hall_slug(m),
        m.desk_name,
        "Identiteitskaart, rijbewijs, attesten, trouwen en meer. Sommige diensten alleen "
        "op afspraak.",
        [
            paragraph(
                f"Aan de balie van het {hall} helpt burgerzaken u met uw identiteitskaart, "
                "rijbewijs, reispas, attesten en aangiftes van geboorte en overlijden."
            ),
            paragraph(
                "Voor een reispas of rijbewijs maakt u best een afspraak: zo hoeft u niet te "
                "wachten."
            ),
        ],
        fields={
            "address": street,
            "postcode": postcode,
            "city": city,
            "phone": m.desk_phone,
            "email": m.email,
            "appointment_url": m.desk_appointment_url,
            "accessibility": (
                f"De hoofdingang van het {hall} is gelijkvloers en rolstoeltoegankelijk. "
                "Een lift brengt u naar alle verdiepingen.\n"
                f"Parkeerplaatsen voor personen met een handicap vindt u aan de "
                f"{local.facts.square}."
            ),
            **_hours_fields(m.opening_hours),
        },
    )


def _library(local):
    m, facts = local.municipality, local.facts
    inventory = next_weekday(local.today + dt.timedelta(days=45), 0)
    hours = WeeklyHours.from_config(LIBRARY_HOURS[facts.library.hours], key="library")
    hours = WeeklyHours(periods=hours.periods, closed=m.opening_hours.closed)
    return PageSpec(
        LocationPage,
        "bibliotheek",
        f"Bibliotheek {m.short_name}",
        "Boeken, films, spellen, kranten en computers. Lid worden is gratis.",
        [
            paragraph(
                "In de bibliotheek leent u boeken, strips, films en gezelschapsspellen. U kunt "
                "er ook kranten lezen, studeren, printen en gratis wifi gebruiken."
            ),
            paragraph(
                "Lid worden is gratis met uw identiteitskaart. Boeken terugbrengen kan ook "
                "buiten de openingsuren, in de inleverbus aan de ingang."
            ),
        ],
        fields={
            "address": facts.library.address,
            "postcode": m.postcode,
            "city": m.city,
            "phone": m.phone,
            "email": f"bibliotheek@{local.domain}",
            "accessibility": (
                "Toegankelijk voor rolstoelgebruikers. Er is een leesloep en een collectie "
                "boeken in grote letters en DAISY-luisterboeken."
            ),
            **_hours_fields(hours, (inventory, "Jaarlijkse inventaris")),
        },
    )


def _recycling_park(local):
    m, facts = local.municipality, local.facts
    hours = WeeklyHours.from_config(RECYCLING_HOURS[facts.recycling.hours], key="recycling")
    hours = WeeklyHours(periods=hours.periods, closed=m.opening_hours.closed)
    return PageSpec(
        LocationPage,
        "recyclagepark",
        f"Recyclagepark {m.short_name}",
        "Grofvuil, snoeiafval, bouwpuin, elektrische toestellen en meer.",
        [
            paragraph(
                "Het recyclagepark wordt uitgebaat door Imog. Breng uw afval gesorteerd mee; "
                "de parkwachter wijst u de juiste container."
            ),
            bullets(
                "Gratis: papier en karton, glas, elektrische toestellen, metalen, textiel.",
                "Betalend per kilo: grofvuil, bouw- en sloopafval, snoeiafval.",
                "Niet toegelaten: asbest in grote hoeveelheden, gasflessen, autobanden.",
            ),
        ],
        fields={
            "address": facts.recycling.address,
            "postcode": m.postcode,
            "city": m.city,
            "accessibility": (
                "Het recyclagepark is gelijkvloers. Vraag gerust hulp aan de parkwachter bij "
                "het lossen."
            ),
            **_hours_fields(hours),
        },
    )


def location_specs(local):
    specs = [_town_hall(local), _library(local)]
    if local.facts.recycling:
        specs.append(_recycling_park(local))
    return specs
