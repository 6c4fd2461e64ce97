"""Five demo events per municipality: four in the coming weeks and months, one just past.

The events are in data/events.toml: per slot, the days from today (each municipality shifts
them by up to a week) and the events to pick one from, or when the municipality's own event
is. ``location`` names a demo location page; when that page does not exist the event falls
back to ``place``.
"""

import datetime as dt

from django.utils.text import capfirst

from cms.events.models import EventPage

from .content import TEXT, PageSpec, at, next_weekday, render
from .datafiles import DATA_DIR, DemoDataError, choice, load, record
from .locations import location_specs, town_hall_slug

WHEN = {"weekday": ("weekday", True), "starts": ("clock", True), "ends": ("clock", True)}
HAPPENING = {**TEXT, **WHEN, "place": ("str", True), "location": ("location", False)}
SLOT = {"days": ("int", True), "events": ([HAPPENING], False), "own_event": (WHEN, False)}
KINDS = {"location": choice("library", "recycling", "town_hall")}


def load_slots(path=DATA_DIR / "events.toml"):
    """(days, events to pick one from, or when the municipality's own event is) per slot."""
    slots = []
    for index, slot in enumerate(load(path, {"slots": ([SLOT], True)}, KINDS)["slots"]):
        if ("events" in slot) == ("own_event" in slot):
            raise DemoDataError(path, f"slots[{index}]", "expected either events or own_event")
        events = tuple(record({"location": "", **item}) for item in slot.get("events", ()))
        slots.append((slot["days"], events, slot.get("own_event")))
    return tuple(slots)


SLOTS = load_slots()


def _local_event(local, when):
    event = local.facts.event
    text = {"slug": event.slug, "title": event.title, "summary": event.summary}
    body = (("p", event.text),)
    return record({**text, "body": body, **when, "place": event.place, "location": ""})


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
    for topic, (days, options, own_event) in enumerate(SLOTS):
        happening = local.variant(options, topic) if options else _local_event(local, own_event)
        shift = dt.timedelta(days=days + local.index % 5)
        day = next_weekday(local.today + shift, happening.weekday)
        location, place = _where(local, happening)
        start, end = at(day, *happening.starts), at(day, *happening.ends)
        fields = {"start": start, "end": end, "place": place}
        text = render(vars(happening), local.words())
        specs.append(PageSpec(EventPage, *text, fields, location))
    return specs
