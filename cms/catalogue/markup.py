"""schema.org ``GovernmentService`` JSON-LD for a local service page."""

from cms.core.jsonld import postal_place
from cms.core.opening_hours import WEEKDAYS

from .vocabularies import ChannelType

SCHEMA_DAYS = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
# Characters that could end the script element or confuse an HTML parser.


def opening_hours_specification(hours):
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day]}",
            "opens": f"{opens:%H:%M}",
            "closes": f"{closes:%H:%M}",
        }
        for day, periods in zip(WEEKDAYS, hours.periods, strict=True)
        for opens, closes in periods
    ]


def _place(channel, request):
    if channel.location is not None:
        return postal_place(channel.location, request)
    if channel.address:
        return {"@type": "Place", "address": channel.address}
    return None


def channel_jsonld(channel, request):
    data = {"@type": "ServiceChannel", "name": channel.name or str(channel.label)}
    if channel.url:
        data["serviceUrl"] = channel.url
    if channel.phone:
        data["servicePhone"] = {"@type": "ContactPoint", "telephone": channel.phone}
    if channel.kind == ChannelType.POST and channel.address:
        data["servicePostalAddress"] = {"@type": "PostalAddress", "streetAddress": channel.address}
    place = _place(channel, request)
    if place is not None and channel.kind == ChannelType.DESK:
        data["serviceLocation"] = place
    hours = channel.opening_hours
    if hours is not None:
        specification = opening_hours_specification(hours)
        if specification:
            data["hoursAvailable"] = specification
    if channel.processing_time:
        data["processingTime"] = channel.processing_time
    return data


def government_service(page, municipality, request):
    facts = page.facts
    provider = {"@type": "GovernmentOrganization"}
    if municipality is not None:
        provider.update(
            name=municipality.name,
            url=municipality.site.root_url,
            telephone=municipality.phone,
            email=municipality.email,
            address={
                "@type": "PostalAddress",
                "streetAddress": municipality.address,
                "postalCode": municipality.postcode,
                "addressLocality": municipality.city,
                "addressCountry": "BE",
            },
        )
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": page.get_full_url(request),
        "name": page.title,
        "description": facts.short_description.value,
        "url": page.get_full_url(request),
        "serviceType": facts.service_type,
        "identifier": page.service.identifier,
        "provider": provider,
        "availableChannel": [channel_jsonld(channel, request) for channel in facts.channels],
    }
    if municipality is not None:
        data["areaServed"] = {"@type": "AdministrativeArea", "name": municipality.name}
    audiences = facts.audiences
    if audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": str(a)} for a in audiences]
    offers = [
        {
            "@type": "Offer",
            "name": cost.title,
            "price": str(cost.amount),
            "priceCurrency": "EUR",
        }
        for cost in facts.costs.value.current
        if cost.amount is not None
    ]
    if offers:
        data["offers"] = offers
    return data
