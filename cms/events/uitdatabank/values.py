"""What an :class:`ImportedEvent` becomes on an :class:`EventPage`: the page's field values,
and a digest per field, so the next import can tell an editor's change from its own.

The digest is taken of a canonical form that saving through the admin does not alter:
dates in UTC, prices as text, rich text as its words, opening hours as their schedule.
"""

import datetime as dt
import hashlib
import json
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator

from cms.core.blocks import stream_data, weekly_hours
from cms.core.opening_hours import OpeningHoursError

from ..models import EventStatus

# The page fields an import writes; an editor's change to any of them is kept.
FIELDS = (
    "title",
    "summary",
    "body",
    "language",
    "calendar_type",
    "start",
    "end",
    "dates",
    "hours",
    "status",
    "place",
    "latitude",
    "longitude",
    "price",
    "price_note",
    "age_min",
    "age_max",
    "theme",
    "event_type",
    "organizer",
    "booking_url",
    "booking_phone",
    "booking_email",
)
LANGUAGE = "nl"  # the language of the pages events are imported into
PARAGRAPH_BREAK = re.compile(r"</p>|<br\s*/?>|\n\s*\n", re.IGNORECASE)
MAX_PARAGRAPHS = 50


def _iso(moment):
    return moment.astimezone(dt.UTC).isoformat() if moment else None


def _valid(validator, value):
    try:
        validator(value)
    except ValidationError:
        return ""
    return value


def _paragraphs(html):
    texts = (" ".join(strip_tags(part).split()) for part in PARAGRAPH_BREAK.split(html))
    return [text for text in texts if text][:MAX_PARAGRAPHS]


def _money(amount):
    return f"€ {amount:.2f}".replace(".", ",")


def _status(event):
    if event.cancelled:
        return EventStatus.CANCELLED
    if event.status == "TemporarilyUnavailable":
        return EventStatus.POSTPONED
    return EventStatus.SCHEDULED


def page_values(event):
    """The EventPage field values of ``event`` (every name in FIELDS)."""
    title, language = event.text(event.names, LANGUAGE)
    description, _language = event.text(event.descriptions, language)
    paragraphs = _paragraphs(description)
    place_name, _language = event.text(event.location_names, language)
    town = f"{event.postcode} {event.city}".strip()
    start, end = event.start, event.end
    if event.occurrences:
        start = event.occurrences[0].start
        end = max((o.end or o.start) for o in event.occurrences)
    return {
        "title": title[:255],
        "summary": Truncator(paragraphs[0] if paragraphs else "").chars(300),
        "body": [{"type": "paragraph", "value": "".join(f"<p>{escape(p)}</p>" for p in paragraphs)}]
        if paragraphs
        else [],
        "language": "" if language == LANGUAGE else language[:8],
        "calendar_type": event.calendar_type,
        "start": start,
        "end": end,
        "dates": [
            {"start": _iso(o.start), "end": _iso(o.end), "cancelled": o.cancelled}
            for o in event.occurrences
        ],
        "hours": stream_data(event.opening_hours) if event.opening_hours else [],
        "status": _status(event),
        "place": ", ".join(part for part in (place_name, event.street, town) if part)[:255],
        "latitude": event.latitude,
        "longitude": event.longitude,
        "price": event.base_price,
        "price_note": "; ".join(f"{name}: {_money(amount)}" for name, amount in event.prices[1:])[
            :255
        ],
        "age_min": event.age_min,
        "age_max": event.age_max,
        "theme": event.theme,
        "event_type": event.event_type,
        "organizer": event.organizer,
        "booking_url": _valid(URLValidator(schemes=("http", "https")), event.booking_url),
        "booking_phone": event.booking_phone,
        "booking_email": _valid(EmailValidator(), event.booking_email),
    }


def _canonical(name, value):
    if name == "body":
        raw = getattr(value, "raw_data", value) or []
        return " ".join(" ".join(strip_tags(str(block.get("value", ""))).split()) for block in raw)
    if name == "hours":
        try:
            return weekly_hours(getattr(value, "raw_data", value) or []).to_json()
        except OpeningHoursError:
            return "invalid"
    if isinstance(value, dt.datetime):
        return _iso(value)
    if name == "price" and value is not None:
        return f"{value:.2f}"
    return value


def digest(name, value):
    text = json.dumps(_canonical(name, value), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]
