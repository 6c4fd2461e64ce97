"""Demo location pages under /contact/: the town hall desk, the library, the recycling park
(their texts and opening hours: data/locations.toml)."""

import datetime as dt
import re

from django.utils.text import slugify

from cms.core.blocks import stream_data
from cms.core.opening_hours import ClosingDay, WeeklyHours
from cms.locations.models import LocationPage

from .content import PageSpec, next_weekday, render
from .datafiles import DATA_DIR, DemoDataError, load
from .facts import FACTS

PAGE = {
    "title": ("str", True),
    "summary": ("str", True),
    "body": (["block"], True),
    "accessibility": ("str", True),
}
SCHEMA = {
    "town_hall": (PAGE, True),
    "library": (
        {**PAGE, "email": ("str", True), "inventory": ("str", True), "hours": ("patterns", True)},
        True,
    ),
    "recycling": ({**PAGE, "hours": ("patterns", True)}, True),
}
PAGES = load(DATA_DIR / "locations.toml", SCHEMA)


def check_venues(facts=FACTS):
    """Every library and recycling park keeps the hours of a pattern of locations.toml."""
    for item in facts:
        for key, venue in (("library", item.library), ("recycling", item.recycling)):
            if venue and venue.hours not in PAGES[key]["hours"]:
                raise DemoDataError(
                    DATA_DIR / "municipalities" / f"{item.slug}.toml",
                    f"{key}.hours",
                    f"unknown pattern {venue.hours!r}; patterns: {', '.join(PAGES[key]['hours'])}",
                )


check_venues()

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


def _page(local, key, slug, **fields):
    """A location page with the texts of ``key`` in locations.toml."""
    text, words = PAGES[key], local.words()
    title, summary, body = render({**text, "slug": ""}, words)[1:]
    fields["accessibility"] = text["accessibility"].format(**words)
    return PageSpec(LocationPage, slug, title, summary, body, fields)


def _venue(local, key, slug, venue, *closed, **fields):
    """The library or the recycling park: the hours of its pattern and the town's closing days."""
    m = local.municipality
    hours = WeeklyHours.from_config(PAGES[key]["hours"][venue.hours], key=key)
    hours = WeeklyHours(periods=hours.periods, closed=m.opening_hours.closed)
    address = {"address": venue.address, "postcode": m.postcode, "city": m.city}
    return _page(local, key, slug, **address, **fields, **_hours_fields(hours, *closed))


def _town_hall(local):
    m = local.municipality
    match = _ADDRESS.match(m.desk_address)
    street, postcode, city = (
        (match["street"], match["postcode"], match["city"])
        if match
        else (m.address, m.postcode, m.city)
    )
    return _page(
        local,
        "town_hall",
        town_hall_slug(m),
        address=street,
        postcode=postcode,
        city=city,
        phone=m.desk_phone,
        email=m.email,
        appointment_url=m.desk_appointment_url,
        **_hours_fields(m.opening_hours),
    )


def location_specs(local):
    m, facts = local.municipality, local.facts
    inventory = next_weekday(local.today + dt.timedelta(days=45), 0)
    email = PAGES["library"]["email"].format(**local.words())
    closed = (inventory, PAGES["library"]["inventory"])
    specs = [
        _town_hall(local),
        _venue(local, "library", "bibliotheek", facts.library, closed, phone=m.phone, email=email),
    ]
    if facts.recycling:
        specs.append(_venue(local, "recycling", "recyclagepark", facts.recycling))
    return specs
