"""Demo location pages under /contact/: the town hall desk, the library, the recycling park
(their texts and opening hours: data/locations.toml)."""

import datetime as dt
import re

from django.utils.text import slugify

from cms.core.blocks import stream_data
from cms.core.opening_hours import ClosingDay, WeeklyHours
from cms.locations.models import LocationPage

from .content import TEXT, next_weekday, render
from .datafiles import DATA_DIR, FACTS, DemoDataError, load

PAGE = {**{key: TEXT[key] for key in ("title", "summary", "body")}, "accessibility": ("str", True)}
VENUE = {**PAGE, "hours": ("patterns", True)}  # the opening-hours patterns of the venue
LIBRARY_PAGE = {**VENUE, "email": ("str", True), "inventory": ("str", True)}
SCHEMA = {"town_hall": (PAGE, True), "library": (LIBRARY_PAGE, True), "recycling": (VENUE, True)}
PAGES = load(DATA_DIR / "locations.toml", SCHEMA)


def check_venues(facts=FACTS):
    """Every library and recycling park keeps the hours of a pattern of locations.toml."""
    for item in facts:
        for key, venue in (("library", item.library), ("recycling", item.recycling)):
            if venue and venue.hours not in PAGES[key]["hours"]:
                path = DATA_DIR / "municipalities" / f"{item.slug}.toml"
                known = ", ".join(PAGES[key]["hours"])
                message = f"unknown pattern {venue.hours!r}; patterns: {known}"
                raise DemoDataError(path, f"{key}.hours", message)


check_venues()

LIBRARY, RECYCLING = "bibliotheek", "recyclagepark"  # the slugs of their pages
_ADDRESS = re.compile(r"^(?P<address>.+),\s*(?P<postcode>\d{4})\s+(?P<city>.+)$")


def town_hall_slug(municipality):
    """``stadhuis``, ``gemeentehuis``, ``administratief-centrum``: from the desk's name."""
    return slugify(re.split(r"\s+[\u2013-]\s+", municipality.desk_name)[0])


def location_slugs(municipality):
    """The slugs of the demo location pages by kind: an event's ``location``, a desk."""
    return {"hall": town_hall_slug(municipality), "library": LIBRARY, "recycling": RECYCLING}


def _page(local, key, slug, periods, *closed, **fields):
    """A location page with the texts of ``key`` in locations.toml, open ``periods`` and closed
    on the municipality's closing days and on ``closed`` (date, reason) pairs."""
    words = local.words()
    days = dict(closed) | {day.date: day.reason for day in local.municipality.opening_hours.closed}
    closing = tuple(ClosingDay(date, reason) for date, reason in sorted(days.items()))
    fields["hours"] = stream_data(WeeklyHours(periods=periods, closed=closing))
    fields["accessibility"] = PAGES[key]["accessibility"].format(**words)
    return render(LocationPage, {**PAGES[key], "slug": slug}, words, **fields)


def _venue(local, key, slug, venue, *closed, **fields):
    """The library or the recycling park: the hours of its pattern."""
    m = local.municipality
    pattern = WeeklyHours.from_config(PAGES[key]["hours"][venue.hours], key=key)
    address = {"address": venue.address, "postcode": m.postcode, "city": m.city}
    return _page(local, key, slug, pattern.periods, *closed, **address, **fields)


def location_specs(local):
    m, facts = local.municipality, local.facts
    match = _ADDRESS.match(m.desk_address)
    fallback = {"address": m.address, "postcode": m.postcode, "city": m.city}
    desk = match.groupdict() if match else fallback
    contact = {"phone": m.desk_phone, "email": m.email, "appointment_url": m.desk_appointment_url}
    hall = _page(local, "town_hall", town_hall_slug(m), m.opening_hours.periods, **desk, **contact)
    inventory = next_weekday(local.today + dt.timedelta(days=45), 0)
    closed = (inventory, PAGES["library"]["inventory"])
    email = PAGES["library"]["email"].format(**local.words())
    library = _venue(local, "library", LIBRARY, facts.library, closed, phone=m.phone, email=email)
    if not facts.recycling:
        return [hall, library]
    return [hall, library, _venue(local, "recycling", RECYCLING, facts.recycling)]
