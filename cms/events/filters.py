"""The filters of /evenementen/: a plain GET form, so they work without JavaScript, can
be bookmarked and combine freely (this weekend or this month, free, for children, a theme).

A value that is not one of the form's own is ignored and named in ``ignored`` (the page
says so); nothing a visitor puts in the address can raise. The page cache keys on the
whole address, so every combination is cached on its own, for the same short time.
"""

import datetime as dt
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.opening_hours import BRUSSELS

WHEN = {"weekend": _("This weekend"), "maand": _("This month")}
FLAGS = {"gratis": _("Free"), "kinderen": _("For children")}
PARAMETERS = ("wanneer", *FLAGS, "thema")
ON = "1"
MAX_THEMES = 50


def weekend(now):
    """(start, end) of the coming weekend in Brussels, Saturday 00:00 to Monday 00:00;
    during the weekend, from now until Monday."""
    local = now.astimezone(BRUSSELS)
    saturday = local.date() + dt.timedelta(days=(5 - local.weekday()) % 7)
    if local.weekday() == 6:  # Sunday: the weekend that is going on
        saturday -= dt.timedelta(days=1)
    start = dt.datetime.combine(saturday, dt.time(), tzinfo=BRUSSELS)
    return max(start, local), start + dt.timedelta(days=2)


def rest_of_month(now):
    """(now, the first moment of next month) in Brussels."""
    local = now.astimezone(BRUSSELS)
    first = (local.replace(day=28) + dt.timedelta(days=4)).date().replace(day=1)
    return local, dt.datetime.combine(first, dt.time(), tzinfo=BRUSSELS)


class EventFilters:
    """The filters asked for in ``data`` (a QueryDict) on ``events`` (upcoming events)."""

    def __init__(self, data, events, now=None):
        self.events = events
        self.now = now or timezone.now()
        themes = events.exclude(theme="").order_by("theme").values_list("theme", flat=True)
        self.themes = list(themes.distinct()[:MAX_THEMES])
        self.ignored = []
        self.when = self._pick(data, "wanneer", WHEN)
        self.flags = {name: self._pick(data, name, (ON,)) == ON for name in FLAGS}
        self.theme = self._pick(data, "thema", self.themes)

    def _pick(self, data, name, allowed):
        value = data.get(name, "")
        if value in allowed:
            return value
        if value:
            self.ignored.append(name)
        return ""

    @property
    def active(self):
        return bool(self.when or self.theme or any(self.flags.values()))

    def apply(self):
        events = self.events
        if self.when:
            events = events.between(
                *(weekend if self.when == "weekend" else rest_of_month)(self.now)
            )
        if self.flags["gratis"]:
            events = events.free()
        if self.flags["kinderen"]:
            events = events.for_children()
        if self.theme:
            events = events.filter(theme=self.theme)
        return events

    def query_string(self):
        """The active filters as a query string, for the pagination links."""
        pairs = [("wanneer", self.when)] if self.when else []
        pairs += [(name, ON) for name, on in self.flags.items() if on]
        pairs += [("thema", self.theme)] if self.theme else []
        return urlencode(pairs)

    def when_choices(self):
        return [("", _("Any time")), *WHEN.items()]

    def flag_choices(self):
        return [(name, label, self.flags[name]) for name, label in FLAGS.items()]
