"""Five demo events per municipality, one just past (data/events.toml says how and where)."""

import datetime as dt

from django.utils.text import capfirst

from cms.events.models import EventPage

from .content import TEXT, at, next_weekday, render
from .datafiles import DATA_DIR, DemoDataError, choice, load, record
from .locations import location_slugs, location_specs

WHEN = {"weekday": ("weekday", True), "starts": ("clock", True), "ends": ("clock", True)}
HAPPENING = {**TEXT, **WHEN, "place": ("str", True), "location": ("location", False)}
SLOT = {"days": ("int", True), "events": ([HAPPENING], False), "own_event": (WHEN, False)}
KINDS = {"location": choice("hall", "library", "recycling")}


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
    event = vars(local.facts.event)
    return record({**event, **when, "body": (("p", event["text"]),), "location": ""})


def _where(local, happening):
    """(location slug, place text): a demo location page when the municipality has one."""
    wanted = location_slugs(local.municipality).get(happening.location)
    for spec in location_specs(local):
        if spec.slug == wanted:
            address = "{address}, {postcode} {city}".format(**spec.fields)
            return spec.slug, f"{spec.title}, {address}"
    return "", capfirst(happening.place.format(**local.words()))


def event_specs(local):
    specs = []
    for topic, (days, options, own_event) in enumerate(SLOTS):
        happening = local.variant(options, topic) if options else _local_event(local, own_event)
        shift = dt.timedelta(days=days + local.index % 5)
        day = next_weekday(local.today + shift, happening.weekday)
        location, place = _where(local, happening)
        start, end = at(day, *happening.starts), at(day, *happening.ends)
        text, words = vars(happening), local.words()
        specs.append(render(EventPage, text, words, location, start=start, end=end, place=place))
    return specs
