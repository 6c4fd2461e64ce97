"""schema.org ``Event`` JSON-LD for an event page, imported or typed in.

Dates, the venue as a ``Place`` with its address (a location page's structured address,
else the venue text), the status (``EventCancelled``, ``EventPostponed``), the price as an
``Offer`` (0 for free), the organiser and, for several dates, each date as a ``subEvent``.
A permanent event has no dates: schema.org gives it none.
"""

from cms.core.jsonld import postal_place

from .models import EventStatus

STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def _place(page, request):
    if page.location_id:
        return postal_place(page.location, request)
    place = {"@type": "Place", "name": page.place, "address": page.place}
    if page.latitude is not None and page.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": page.latitude,
            "longitude": page.longitude,
        }
    return place


def _offer(page, url):
    offer = {"@type": "Offer", "price": f"{page.price:.2f}", "priceCurrency": "EUR", "url": url}
    if page.booking_url:
        offer["url"] = page.booking_url
    return offer


def event_jsonld(page, municipality, request):
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": page.title,
        "eventStatus": STATUS.get(page.status, STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _place(page, request),
    }
    if page.language:
        data["inLanguage"] = page.language
    if page.summary:
        data["description"] = page.summary
    if page.start:
        data["startDate"] = page.start.isoformat()
    if page.end:
        data["endDate"] = page.end.isoformat()
    if page.price is not None:
        data["isAccessibleForFree"] = page.is_free
        data["offers"] = _offer(page, url)
    if page.organizer:
        data["organizer"] = {"@type": "Organization", "name": page.organizer}
    elif municipality is not None:
        data["organizer"] = {
            "@type": "GovernmentOrganization",
            "name": municipality.name,
            "url": municipality.root_url,
        }
    if page.age_min is not None or page.age_max is not None:
        data["typicalAgeRange"] = f"{page.age_min or 0}-{page.age_max or ''}"
    if page.theme:
        data["keywords"] = page.theme
    if len(page.occurrences) > 1:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": page.title,
                "startDate": start.isoformat(),
                **({"endDate": end.isoformat()} if end else {}),
                "eventStatus": STATUS[EventStatus.CANCELLED if cancelled else page.status],
                "location": data["location"],
            }
            for start, end, cancelled in page.occurrences
        ]
    return data
