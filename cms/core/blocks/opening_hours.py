"""Structured opening hours as blocks: weekly periods and closing days, one stream.

Stored in the page's own row (no extra query to show them) and validated as a whole:
periods that overlap or close before they open are refused with the day at fault.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.opening_hours import (
    WEEKDAY_LABELS,
    WEEKDAYS,
    ClosingDay,
    OpeningHoursError,
    WeeklyHours,
)


class OpeningPeriodBlock(blocks.StructBlock):
    weekday = blocks.ChoiceBlock(
        label=_("Day"), choices=list(zip(WEEKDAYS, WEEKDAY_LABELS, strict=True))
    )
    opens = blocks.TimeBlock(label=_("Opens"))
    closes = blocks.TimeBlock(label=_("Closes"))

    class Meta:
        icon = "time"
        label = _("Opening period")


class ClosingDayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    reason = blocks.CharBlock(label=_("Reason"), required=False, max_length=120)

    class Meta:
        icon = "calendar-alt"
        label = _("Closing day")


class OpeningHoursBlock(blocks.StreamBlock):
    period = OpeningPeriodBlock()
    closed = ClosingDayBlock()

    class Meta:
        label = _("Opening hours")

    def clean(self, value):
        value = super().clean(value)
        try:
            weekly_hours(value)
        except OpeningHoursError as error:
            raise blocks.StreamBlockValidationError(
                non_block_errors=ErrorList([ValidationError(str(error))])
            ) from error
        return value


def weekly_hours(stream):
    """The :class:`WeeklyHours` an :class:`OpeningHoursBlock` describes, from its value or
    from its raw data (a list of ``{"type": ..., "value": {...}}``, read without the
    queries a value may cost). Raises :class:`OpeningHoursError`."""
    periods = {day: [] for day in WEEKDAYS}
    closed = []
    for kind, value in _children(stream):
        if kind == "period":
            opens, closes = _clock(value.get("opens")), _clock(value.get("closes"))
            if opens and closes:
                periods[value["weekday"]].append(f"{opens}-{closes}")
        elif kind == "closed" and _day(value.get("date")):
            closed.append(ClosingDay(_day(value["date"]), value.get("reason") or ""))
    return WeeklyHours.from_config(periods, key=str(_("Opening hours")), closed=closed)


def _children(stream):
    for child in stream:
        if isinstance(child, dict):
            yield child.get("type"), child.get("value") or {}
        else:
            yield child.block_type, child.value


def _clock(value):
    """ "HH:MM" of a time or of a stored "HH:MM[:SS]" string; None when empty."""
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    return value[:5] if value else None


def _day(value):
    """A date, from a date or a stored ISO string; None when empty or not a date."""
    if isinstance(value, dt.date) or value is None:
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def stream_data(hours):
    """Raw stream data for an :class:`OpeningHoursBlock` from a :class:`WeeklyHours`."""
    data = [
        {
            "type": "period",
            "value": {"weekday": day, "opens": f"{o:%H:%M}", "closes": f"{c:%H:%M}"},
        }
        for day, periods in zip(WEEKDAYS, hours.periods, strict=True)
        for o, c in periods
    ]
    data += [
        {"type": "closed", "value": {"date": c.date.isoformat(), "reason": c.reason}}
        for c in hours.closed
    ]
    return data
