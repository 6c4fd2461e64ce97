"""/api/v2/places/?q=...[&dienst=...]: "which municipality am I?" for apps and kiosks.

The same lookup as /welke-gemeente/ (cms/journeys/finder.py), as JSON: the municipalities
of the region that match (slug, name, site URL, the matching places and, with ``dienst``,
the URL of their local page of that service or null), the neighbours outside the region
that match, and suggestions when nothing did. A missing ``q``, or one that holds no
postcode and no letters, is a 400 that names the parameter.
"""

from django.utils.translation import gettext as _
from rest_framework.response import Response

from cms.core.api import PublicAPIView
from cms.municipalities.models import Place
from cms.municipalities.places import clean_query, find_places, parse_query

from .finder import home_url, read_service

__all__ = ["PlacesAPIView"]


def _places(places):
    return [{"postcode": place.postcode, "name": place.name} for place in places]


class PlacesAPIView(PublicAPIView):
    """Registered on the API router like the other endpoints (cms/api/urls.py)."""

    model = Place

    def get(self, request):
        query = clean_query(request.GET.get("q"))
        if not any(parse_query(query)):
            return Response(
                {
                    "message": _("Give q: a postcode or the name of a town or village."),
                    "parameter": "q",
                },
                status=400,
            )
        identifier, offers = read_service(request.GET.get("dienst", ""))
        result = find_places(query)
        matches = []
        for match in result.matches:
            municipality = match.municipality
            item = {
                "slug": municipality.slug,
                "name": municipality.name,
                "url": home_url(municipality),
                "places": _places(match.places),
            }
            if offers is not None:
                page = offers.pages.get(municipality.slug)
                item["service_url"] = page.get_full_url(request) if page else None
            matches.append(item)
        return Response(
            {
                "query": result.query,
                "service": offers.identifier if offers else None,
                "unknown_service": identifier if identifier and offers is None else None,
                "matches": matches,
                "neighbours": [
                    {
                        "municipality": neighbour.name,
                        "website": neighbour.website or None,
                        "places": _places(neighbour.places),
                    }
                    for neighbour in result.neighbours
                ],
                "suggestions": result.suggestions,
            }
        )
