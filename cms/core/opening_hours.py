"""Structured weekly opening hours with closing days.

One representation serves the sites/ config, the municipality record and location pages:
``{"monday": [["08:30", "12:00"], ...], ..., "closed": [{"date": "2026-12-25", "reason": ...}]}``.
"""

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

BRUSSELS = ZoneInfo("Europe/Brussels")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_LABELS = (
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
)
_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class OpeningHoursError(ValueError):
    """A weekly schedule that does not parse or whose periods overlap."""

    def __init__(self, key, message):
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


def _time(hours, minutes, key, text):
    if hours == 24 and minutes == 0:
        return dt.time(23, 59)
    if hours > 23 or minutes > 59:
        raise OpeningHoursError(key, f"{text!r} is not a time of day")
    return dt.time(hours, minutes)


def parse_range(text, key):
    """Parse ``"08:30-12:00"`` into a pair of times, opening strictly before closing."""
    if not isinstance(text, str):
        raise OpeningHoursError(key, f"expected a string like '08:30-12:00', got {text!r}")
    match = _RANGE.match(text)
    if not match:
        raise OpeningHoursError(key, f"{text!r} is not a period like '08:30-12:00'")
    h1, m1, h2, m2 = (int(group) for group in match.groups())
    opens, closes = _time(h1, m1, key, text), _time(h2, m2, key, text)
    if opens >= closes:
        raise OpeningHoursError(key, f"{text!r} closes before it opens")
    return opens, closes


@dataclass(frozen=True)
class ClosingDay:
    date: dt.date
    reason: str = ""


@dataclass(frozen=True)
class WeeklyHours:
    """Opening periods per weekday (0 = Monday) and dates on which the place is closed."""

    periods: tuple = field(default_factory=lambda: tuple(() for _ in WEEKDAYS))
    closed: tuple = ()

    @classmethod
    def from_config(cls, data, key="hours", closed=()):
        """Build from the sites/ form: weekday names to lists of ``"HH:MM-HH:MM"`` strings."""
        if not isinstance(data, dict):
            raise OpeningHoursError(key, "expected a table of weekdays")
        unknown = sorted(set(data) - set(WEEKDAYS))
        if unknown:
            raise OpeningHoursError(
                f"{key}.{unknown[0]}", f"not a weekday (use {', '.join(WEEKDAYS)})"
            )
        periods = []
        for day in WEEKDAYS:
            ranges = data.get(day, [])
            if not isinstance(ranges, list):
                raise OpeningHoursError(f"{key}.{day}", "expected a list of periods")
            parsed = sorted(parse_range(text, f"{key}.{day}") for text in ranges)
            for (_o1, c1), (o2, _c2) in itertools.pairwise(parsed):
                if o2 < c1:
                    raise OpeningHoursError(
                        f"{key}.{day}",
                        f"periods overlap ({c1:%H:%M} is after {o2:%H:%M})",
                    )
            periods.append(tuple(parsed))
        return cls(periods=tuple(periods), closed=tuple(sorted(closed, key=lambda c: c.date)))

    @classmethod
    def from_json(cls, data):
        """Inverse of :meth:`to_json`."""
        data = data or {}
        hours = {day: [f"{o}-{c}" for o, c in data.get(day, [])] for day in WEEKDAYS}
        closed = [
            ClosingDay(dt.date.fromisoformat(item["date"]), item.get("reason", ""))
            for item in data.get("closed", [])
        ]
        return cls.from_config(hours, closed=closed)

    def to_json(self):
        result = {
            day: [[f"{o:%H:%M}", f"{c:%H:%M}"] for o, c in periods]
            for day, periods in zip(WEEKDAYS, self.periods, strict=True)
        }
        result["closed"] = [{"date": c.date.isoformat(), "reason": c.reason} for c in self.closed]
        return result

    def closing_day(self, date):
        return next((c for c in self.closed if c.date == date), None)

    def periods_on(self, date):
        """The periods of ``date``, empty on a closing day."""
        if self.closing_day(date):
            return ()
        return self.periods[date.weekday()]

    def week(self):
        """Rows for a table: (label, periods) Monday to Sunday."""
        return list(zip(WEEKDAY_LABELS, self.periods, strict=True))

    def upcoming_closures(self, today=None, limit=6):
        today = today or dt.datetime.now(BRUSSELS).date()
        return [c for c in self.closed if c.date >= today][:limit]

    @property
    def next_closures(self):
        return self.upcoming_closures()

    def status(self, moment=None):
        """Whether it is open at ``moment`` (Brussels time) and when it next opens or closes."""
        moment = (moment or dt.datetime.now(BRUSSELS)).astimezone(BRUSSELS)
        now = moment.time()
        for opens, closes in self.periods_on(moment.date()):
            if opens <= now < closes:
                return OpenStatus(is_open=True, closes_at=closes)
        for offset in range(0, 15):
            day = moment.date() + dt.timedelta(days=offset)
            for opens, _closes in self.periods_on(day):
                if offset or opens > now:
                    return OpenStatus(is_open=False, next_open=dt.datetime.combine(day, opens))
        return OpenStatus(is_open=False)


@dataclass(frozen=True)
class OpenStatus:
    is_open: bool
    closes_at: dt.time | None = None
    next_open: dt.datetime | None = None
