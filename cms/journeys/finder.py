"""/welke-gemeente/: "Which municipality am I?", a plain GET form on every site.

``q`` is a postcode or a town or village name (cms/municipalities/places.py). One
municipality found: off to its site, or with ``dienst`` (a regional service's identifier)
straight to its local page of that service, in the visitor's language when it has one.
Several found (a postcode or a name they share): the choice. A place just outside the
region: its own municipality's website. Nothing: the form again with an error summary and
suggestions. ``dienst`` alone lists the municipalities that offer the service. Whatever
the parameters hold, the answer is a page, never an error.
"""

import re
from dataclasses import dataclass

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cms.catalogue.models import LocalServicePage, RegionalService
from cms.core.public_forms import ErrorEntry
from cms.municipalities.models import Municipality
from cms.municipalities.places import clean_query, find_places

__all__ = ["ServiceOffers", "home_url", "place_finder", "read_service"]

DEFAULT_LANGUAGE = "nl"
FIELD_ID = "place-finder-q"
IDENTIFIER = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_IDENTIFIER = 80


@dataclass
class ServiceOffers:
    """A regional service and, per municipality slug, the live local page to send people to."""

    identifier: str
    service: object  # RegionalService, in the visitor's language when translated
    pages: dict  # municipality slug -> LocalServicePage

    def municipalities(self):
        """The municipalities that offer the service, by name."""
        return list(
            Municipality.objects.filter(slug__in=self.pages).select_related("site").order_by("name")
        )


def _language():
    return (get_language() or DEFAULT_LANGUAGE).split("-")[0]


def _preferred(candidates, language, key):
    """The candidate in ``language``, else in Dutch, else the first."""
    by_language = {key(c): c for c in reversed(candidates)}
    return by_language.get(language) or by_language.get(DEFAULT_LANGUAGE) or candidates[0]


def read_service(raw, language=None):
    """(identifier, ServiceOffers or None): ``raw`` is the ``dienst`` parameter; an
    identifier that names no regional service gives None (the caller says so)."""
    identifier = raw if isinstance(raw, str) else ""
    if not identifier or len(identifier) > MAX_IDENTIFIER or not IDENTIFIER.fullmatch(identifier):
        return identifier[:MAX_IDENTIFIER], None
    language = language or _language()
    services = list(RegionalService.objects.filter(identifier=identifier).select_related("locale"))
    if not services:
        return identifier, None
    service = _preferred(services, language, lambda s: s.locale.language_code)
    grouped = {}
    for page in (
        LocalServicePage.objects.live()
        .public()
        .filter(service__identifier=identifier)
        .select_related("locale")
        .order_by("path")
    ):
        grouped.setdefault(page.url_path.split("/")[1], []).append(page)
    pages = {
        slug: _preferred(candidates, language, lambda p: p.locale.language_code)
        for slug, candidates in grouped.items()
    }
    return identifier, ServiceOffers(identifier, service, pages)


def home_url(municipality, language=None):
    """The municipality's home page, in the visitor's language when the site has it."""
    language = language or _language()
    root = municipality.root_url
    if language != DEFAULT_LANGUAGE and language in (municipality.languages or ()):
        return f"{root}/{language}/"
    return f"{root}/"


def _destination(municipality, offers, request):
    """Where a visitor of ``municipality`` goes: its page of the service, or its home;
    None when it does not offer the service asked for."""
    if offers is None:
        return home_url(municipality)
    page = offers.pages.get(municipality.slug)
    return page.get_full_url(request) if page else None


def _choices(result, offers, request):
    return [
        {
            "municipality": match.municipality,
            "places": match.places,
            "url": _destination(match.municipality, offers, request)
            or home_url(match.municipality),
            "offers_service": offers is None or match.municipality.slug in offers.pages,
        }
        for match in result.matches
    ]


def _offering(offers, request):
    if offers is None:
        return []
    return [
        {"municipality": m, "url": offers.pages[m.slug].get_url(request)}
        for m in offers.municipalities()
    ]


def _suggestion_links(suggestions, identifier):
    links = []
    for suggestion in suggestions:
        params = {"q": suggestion, **({"dienst": identifier} if identifier else {})}
        links.append({"label": suggestion, "url": f"?{urlencode(params)}"})
    return links


@require_safe
def place_finder(request):
    raw_query = request.GET.get("q")
    query = clean_query(raw_query)
    identifier, offers = read_service(request.GET.get("dienst", ""))
    context = {
        "finder_query": query,
        "service_identifier": offers.identifier if offers else "",
        "service": offers.service if offers else None,
        "unknown_service": bool(identifier) and offers is None,
        "state": "form",
        "field_id": FIELD_ID,
    }
    if raw_query is not None:
        result = find_places(query)
        single = result.single
        if single is not None:
            url = _destination(single, offers, request)
            if url:
                return HttpResponseRedirect(url)
            context.update(state="not-offered", chosen=single, chosen_url=home_url(single))
            context["offering"] = _offering(offers, request)
        elif result.matches:
            context.update(state="choose", choices=_choices(result, offers, request))
            context["neighbours"] = result.neighbours
        elif result.neighbours:
            context.update(state="outside", neighbours=result.neighbours)
        else:
            message = (
                _("No municipality of the region has that postcode or place name.")
                if query
                else _("Enter a postcode or the name of a town or village.")
            )
            context.update(
                state="not-found",
                error=message,
                summary={"error_summary": [ErrorEntry(message, _("Postcode or town"), FIELD_ID)]},
                suggestions=_suggestion_links(result.suggestions, context["service_identifier"]),
            )
    if context["state"] in ("form", "not-found") and offers is not None:
        context["offering"] = _offering(offers, request)
    return TemplateResponse(request, "journeys/place_finder.html", context)
