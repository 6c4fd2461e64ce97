"""``/evenementen/agenda.ics``: a site's upcoming events as an iCalendar feed (RFC 5545).

One VEVENT per date (each date of a multiple calendar has its own, with its own UID), a
period as one all-day span; a permanent event has no date and is left out. UIDs are the
page's id and the site's host, so a calendar that subscribed keeps its entries; DTSTAMP
is the page's last publication, so the body only changes when an event does.
"""

import datetime as dt

from django.http import Http404, HttpResponse
from django.utils import translation
from icalendar import Calendar, Event
from wagtail.models import Locale, Site

from cms.municipalities.models import Municipality

from .models import CalendarType, EventIndexPage, EventStatus

MAX_EVENTS = 500
STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def _index(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    home = site.root_page.get_translation_or_none(locale) if locale else None
    index = EventIndexPage.objects.live().child_of(home).first() if home is not None else None
    if index is None:
        raise Http404
    return index


def _vevents(page, request, host):
    url = page.get_full_url(request)
    stamp = page.last_published_at or page.latest_revision_created_at
    periodic = page.calendar_type == CalendarType.PERIODIC
    dates = page.occurrences
    for number, (start, end, cancelled) in enumerate(dates):
        event = Event()
        suffix = f"-{number}" if len(dates) > 1 else ""
        event.add("uid", f"event-{page.pk}{suffix}@{host}")
        event.add("dtstamp", stamp)
        if periodic and end is not None:
            event.add("dtstart", start.date())
            event.add("dtend", end.date() + dt.timedelta(days=1))
        else:
            event.add("dtstart", start)
            if end is not None:
                event.add("dtend", end)
        event.add("summary", page.title)
        event.add("url", url)
        event.add("location", page.venue or "")
        if page.summary:
            event.add("description", page.summary)
        event.add("status", STATUS["cancelled" if cancelled else page.status])
        event.add("last-modified", stamp)
        yield event


def calendar_feed(request):
    index = _index(request)
    municipality = Municipality.for_request(request)
    host = request.get_host().split(":")[0]
    calendar = Calendar()
    calendar.add("prodid", "-//Voordeur//Evenementen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{municipality or index.title}: {index.title}")
    events = (
        index.upcoming_events()
        .exclude(calendar_type=CalendarType.PERMANENT)
        .select_related("location")
        .soonest_first()[:MAX_EVENTS]
    )
    for page in events:
        for vevent in _vevents(page, request, host):
            calendar.add_component(vevent)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
