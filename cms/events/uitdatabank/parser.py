"""UiTdatabank Search API v3 responses read into plain :class:`ImportedEvent` values.

The response is publiq's paged collection (``{"itemsPerPage", "totalItems", "member":
[...]}``) of JSON-LD ``Event`` documents, fetched with ``embed=true`` so that every member
is the whole document: ``name`` per language, ``calendarType`` with ``startDate``,
``endDate``, ``subEvent`` and ``openingHours``, the embedded ``location`` (an ``address``
per language), ``organizer``, ``priceInfo``, ``bookingInfo``, ``mediaObject``, ``terms``,
``typicalAgeRange``, ``audience``, ``status``, ``workflowStatus`` and ``availableTo``.

Nothing here touches the database. Every member is checked before any is returned: a
member that cannot be read is named (its position and ``@id``) with the property at fault,
and the whole response is refused, so an import never writes half of it.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from cms.core.opening_hours import WEEKDAYS, OpeningHoursError, WeeklyHours

CALENDAR_TYPES = ("single", "multiple", "periodic", "permanent")
WORKFLOW_STATUSES = ("DRAFT", "READY_FOR_VALIDATION", "APPROVED", "REJECTED", "DELETED")
STATUS_TYPES = ("Available", "TemporarilyUnavailable", "Unavailable")
WITHDRAWN = ("REJECTED", "DELETED")  # workflow statuses that take an event off the site
AGE_RANGE = re.compile(r"^(\d{1,3})?-(\d{1,3})?$")
MAX_ERRORS = 20


class UitdatabankError(Exception):
    """A response, a file or a service that cannot be imported; the message says why."""


@dataclass(frozen=True)
class Occurrence:
    start: dt.datetime
    end: dt.datetime | None
    cancelled: bool = False


@dataclass(frozen=True)
class ImportedEvent:
    id: str
    main_language: str
    names: dict  # language -> text
    descriptions: dict
    calendar_type: str
    start: dt.datetime | None
    end: dt.datetime | None
    occurrences: tuple  # Occurrence, for a multiple calendar
    opening_hours: WeeklyHours | None
    location_names: dict
    street: str
    postcode: str
    city: str
    latitude: float | None
    longitude: float | None
    organizer: str
    prices: tuple  # (name, Decimal), the base price first
    booking_url: str
    booking_phone: str
    booking_email: str
    image_url: str
    event_type: str
    theme: str
    age_min: int | None
    age_max: int | None
    audience: str
    workflow_status: str
    status: str
    available_to: dt.datetime | None

    def text(self, values, language):
        """``values`` (language -> text) in ``language``, else in the main language, else
        any: (text, the language it is in)."""
        for code in (language, self.main_language, *sorted(values)):
            if values.get(code):
                return values[code], code
        return "", language

    @property
    def cancelled(self):
        return self.status == "Unavailable"

    @property
    def withdrawn(self):
        return self.workflow_status in WITHDRAWN

    @property
    def base_price(self):
        return self.prices[0][1] if self.prices else None


class _Member:
    """Reads one member; a problem is raised as ``ValueError("property: what")``."""

    def __init__(self, data):
        if not isinstance(data, dict):
            raise ValueError(f"expected an Event object, got {type(data).__name__}")
        self.data = data

    def get(self, key, kind, required=False, source=None):
        source = self.data if source is None else source
        value = source.get(key)
        if value is None:
            if required:
                raise ValueError(f"{key}: missing")
            return kind()
        if not isinstance(value, kind):
            raise ValueError(f"{key}: expected {kind.__name__}, got {type(value).__name__}")
        return value

    def languages(self, key, source=None, required=False):
        values = self.get(key, dict, required, source)
        for language, text in values.items():
            if not isinstance(text, str):
                raise ValueError(f"{key}.{language}: expected a text")
        cleaned = {language: text.strip() for language, text in values.items() if text.strip()}
        if required and not cleaned:
            raise ValueError(f"{key}: no text in any language")
        return cleaned

    def moment(self, key, source=None, required=False):
        text = self.get(key, str, required, source)
        if not text:
            return None
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{key}: {text[:40]!r} is not an ISO 8601 date and time") from None
        if moment.tzinfo is None:
            raise ValueError(f"{key}: {text[:40]!r} has no time zone")
        return moment

    def choice(self, key, allowed, default, source=None):
        value = self.get(key, str, source=source) or default
        if value not in allowed:
            raise ValueError(f"{key}: {value[:40]!r} is not one of {', '.join(allowed)}")
        return value


def _occurrences(member):
    found = []
    for index, item in enumerate(member.get("subEvent", list)):
        where = f"subEvent[{index}]"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected an object")
        try:
            start = member.moment("startDate", item, required=True)
            end = member.moment("endDate", item)
            status = member.get("status", dict, source=item)
            kind = member.choice("type", STATUS_TYPES, "Available", source=status)
        except ValueError as error:
            raise ValueError(f"{where}.{error}") from None
        if end is not None and end < start:
            raise ValueError(f"{where}: ends before it starts")
        found.append(Occurrence(start, end, kind == "Unavailable"))
    return tuple(sorted(found, key=lambda occurrence: occurrence.start))


def _opening_hours(member):
    periods = {day: [] for day in WEEKDAYS}
    for index, item in enumerate(member.get("openingHours", list)):
        if not isinstance(item, dict):
            raise ValueError(f"openingHours[{index}]: expected an object")
        days = item.get("dayOfWeek")
        if not isinstance(days, list) or not all(day in WEEKDAYS for day in days):
            raise ValueError(f"openingHours[{index}].dayOfWeek: expected a list of weekdays")
        for day in days:
            periods[day].append(f"{item.get('opens')}-{item.get('closes')}")
    if not any(periods.values()):
        return None
    try:
        return WeeklyHours.from_config(periods, key="openingHours")
    except OpeningHoursError as error:
        raise ValueError(f"{error.key}: {error.message}") from None


def _prices(member):
    prices = []
    for index, item in enumerate(member.get("priceInfo", list)):
        if not isinstance(item, dict):
            raise ValueError(f"priceInfo[{index}]: expected an object")
        try:
            amount = Decimal(str(item.get("price")))
        except InvalidOperation:
            raise ValueError(f"priceInfo[{index}].price: not a number") from None
        if not amount.is_finite() or not 0 <= amount < 1_000_000:
            raise ValueError(f"priceInfo[{index}].price: out of range")
        names = member.languages("name", item)
        name = names.get("nl") or next(iter(names.values()), "")
        prices.append((item.get("category") == "base", name, amount.quantize(Decimal("0.01"))))
    prices.sort(key=lambda price: not price[0])  # the base price first
    return tuple((name, amount) for _base, name, amount in prices)


def _ages(member):
    text = member.get("typicalAgeRange", str)
    if not text:
        return None, None
    match = AGE_RANGE.match(text)
    if not match:
        raise ValueError(f"typicalAgeRange: {text[:20]!r} is not like '6-12'")
    low, high = (int(group) if group else None for group in match.groups())
    if low is not None and high is not None and high < low:
        raise ValueError(f"typicalAgeRange: {text!r} ends before it starts")
    if high is None:  # "-" and "0-" are for everyone, "18-" from 18 on
        return low or None, None
    return low or 0, high


def _term(member, domain):
    for item in member.get("terms", list):
        if isinstance(item, dict) and item.get("domain") == domain:
            return str(item.get("label") or "")[:100]
    return ""


def _location(member):
    location = member.get("location", dict)
    addresses = member.get("address", dict, source=location)
    address = addresses.get("nl") or next(iter(addresses.values()), {}) if addresses else {}
    if not isinstance(address, dict):
        raise ValueError("location.address: expected an address per language")
    geo = member.get("geo", dict, source=location)
    coordinates = []
    for key in ("latitude", "longitude"):
        value = geo.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise ValueError(f"location.geo.{key}: not a number")
        coordinates.append(float(value) if value is not None else None)
    return {
        "location_names": member.languages("name", location),
        "street": str(address.get("streetAddress") or "")[:200],
        "postcode": str(address.get("postalCode") or "")[:10],
        "city": str(address.get("addressLocality") or "")[:100],
        "latitude": coordinates[0],
        "longitude": coordinates[1],
    }


def _booking(member):
    booking = member.get("bookingInfo", dict)
    return {
        "booking_url": str(booking.get("url") or "")[:500],
        "booking_phone": str(booking.get("phone") or "")[:64],
        "booking_email": str(booking.get("email") or "")[:254],
    }


def _image(member):
    for item in member.get("mediaObject", list):
        if isinstance(item, dict) and isinstance(item.get("contentUrl"), str):
            return item["contentUrl"][:500]
    return str(member.get("image", str))[:500]


def parse_event(data):
    member = _Member(data)
    event_id = member.get("@id", str, required=True)
    if not event_id.startswith(("http://", "https://")) or len(event_id) > 255:
        raise ValueError(f"@id: {event_id[:60]!r} is not an address of 255 characters at most")
    calendar_type = member.choice("calendarType", CALENDAR_TYPES, "")
    start = member.moment("startDate", required=calendar_type != "permanent")
    end = member.moment("endDate")
    if calendar_type == "permanent":
        start = end = None
    elif end is not None and end < start:
        raise ValueError("endDate: before startDate")
    low, high = _ages(member)
    organizer = member.get("organizer", dict)
    organizer_names = member.languages("name", organizer)
    available_to = member.moment("availableTo")
    return ImportedEvent(
        id=event_id,
        main_language=member.get("mainLanguage", str) or "nl",
        names=member.languages("name", required=True),
        descriptions=member.languages("description"),
        calendar_type=calendar_type,
        start=start,
        end=end,
        occurrences=_occurrences(member) if calendar_type == "multiple" else (),
        opening_hours=_opening_hours(member),
        organizer=(organizer_names.get("nl") or next(iter(organizer_names.values()), ""))[:255],
        prices=_prices(member),
        image_url=_image(member),
        event_type=_term(member, "eventtype"),
        theme=_term(member, "theme"),
        age_min=low,
        age_max=high,
        audience=str(member.get("audience", dict).get("audienceType") or "everyone"),
        workflow_status=member.choice("workflowStatus", WORKFLOW_STATUSES, "APPROVED"),
        status=member.choice("type", STATUS_TYPES, "Available", member.get("status", dict)),
        available_to=available_to,
        **_location(member),
        **_booking(member),
    )


def members(data):
    """The Event documents of a response (or of a plain list of them)."""
    if isinstance(data, dict) and isinstance(data.get("member"), list):
        return data["member"]
    if isinstance(data, list):
        return data
    raise UitdatabankError(
        "expected a Search API response (an object with a 'member' list) or a list of events"
    )


def parse_response(data):
    """Every event of ``data`` (parsed JSON); refuses the whole response when one is wrong."""
    events, errors = [], []
    for index, item in enumerate(members(data)):
        try:
            events.append(parse_event(item))
        except ValueError as error:
            name = item.get("@id") if isinstance(item, dict) else None
            where = f"member[{index}]" + (f" <{str(name)[:80]}>" if name else "")
            errors.append(f"{where}: {error}")
    if errors:
        more = f"\n... and {len(errors) - MAX_ERRORS} more" if len(errors) > MAX_ERRORS else ""
        raise UitdatabankError("\n".join(errors[:MAX_ERRORS]) + more)
    return events
