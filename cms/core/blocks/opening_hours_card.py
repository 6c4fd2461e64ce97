"""Opening hours as a component: whether it is open now (in Brussels time, worked out on
the server), the weekly hours and the coming closing days."""

import datetime as dt

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.opening_hours import BRUSSELS, ClosingDay, WeeklyHours

from .opening_hours import OpeningHoursBlock, stream_data, weekly_hours


def _preview():
    today = dt.datetime.now(BRUSSELS).date()
    christmas = dt.date(today.year, 12, 25)
    if christmas < today:
        christmas = christmas.replace(year=today.year + 1)
    hours = WeeklyHours.from_config(
        {
            "monday": ["08:30-12:00", "13:30-16:00"],
            "tuesday": ["08:30-12:00"],
            "wednesday": ["08:30-12:00", "13:30-19:00"],
            "thursday": ["08:30-12:00"],
            "friday": ["08:30-12:00"],
            "saturday": ["09:00-12:00"],
        },
        closed=[ClosingDay(christmas, "Kerstmis")],
    )
    return {"title": "Openingsuren van het onthaal", "hours": stream_data(hours)}


class OpeningHoursCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("Whose hours these are, e.g. “Opening hours of the library”."),
    )
    hours = OpeningHoursBlock(label=_("Opening hours"))

    class Meta:
        icon = "time"
        label = _("Opening hours")
        template = "components/opening_hours.html"
        preview_template = "components/_preview.html"
        description = _("Weekly opening hours with closing days, and whether it is open right now.")
        preview_value = staticmethod(_preview)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["hours"] = weekly_hours(value["hours"])
        return context

    def get_api_representation(self, value, context=None):
        return {"title": value.get("title", ""), "hours": weekly_hours(value["hours"]).to_json()}
