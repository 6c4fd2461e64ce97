"""/api/v2/catalogue/: the service catalogue through the headless API, on every site.

- ``services/`` and ``services/<identifier>/``: the regional services (the definitions),
  the same on every host; archived ones only with ``?archived=1``.
- ``local/`` and ``local/<identifier>/``: the requesting municipality's live local
  services with the regional facts already merged (``LocalServicePage.merged_facts``).
- ``export.jsonld``: CPSV-AP 3.2 JSON-LD, the municipality's instances (the region's
  concepts on the regional host); ``concepts.jsonld``: the region's concepts on any host.

Lists filter with ``?theme=``, ``?life_event=`` and ``?audience=`` (codes, repeatable: any
of them); an unknown code is a 400 that names the known ones. As for the other endpoints,
the host decides the site and ``?site=`` is refused.
"""

from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.models import Locale

from cms.core.api import PublicAPIView
from cms.municipalities.models import Municipality

from .cpsv import municipality_graph, region_graph, to_jsonld
from .cpsv.export import regional_services, service_facts
from .cpsv.instances import local_pages, prefetch_locations
from .eligibility import Flow
from .models import RegionalService
from .vocabularies import Audience, LifeEvent, Theme

__all__ = ["CatalogueAPIView"]

FILTERS = {
    "theme": ("themes", Theme),
    "life_event": ("life_events", LifeEvent),
    "audience": ("audiences", Audience),
}
JSONLD = "application/ld+json"


class BadRequest(Exception):
    pass


def read_filters(params):
    """The requested codes per field; BadRequest for an unknown code or ``site``."""
    if "site" in params:
        raise BadRequest(_("The site is the host name you ask; 'site' is not accepted."))
    wanted = {}
    for param, (field, choices) in FILTERS.items():
        values = [v for value in params.getlist(param) for v in value.split(",") if v]
        unknown = [v for v in values if v not in choices.values]
        if unknown:
            raise BadRequest(
                _("Unknown %(param)s %(values)s; known: %(known)s.")
                % {
                    "param": param,
                    "values": ", ".join(repr(v) for v in unknown),
                    "known": ", ".join(choices.values),
                }
            )
        if values:
            wanted[field] = set(values)
    return wanted


def matches(service, wanted):
    return all(set(getattr(service, field)) & codes for field, codes in wanted.items())


def service_summary(service, request):
    return {
        "identifier": service.identifier,
        "name": service.name,
        "short_description": service.short_description,
        "type": service.service_type,
        "themes": list(service.themes),
        "life_events": list(service.life_events),
        "audiences": list(service.audiences),
        "popular": service.popular,
        "archived": service.archived,
        "detail_url": request.build_absolute_uri(
            reverse("wagtailapi:catalogue:service", kwargs={"identifier": service.identifier})
        ),
    }


def service_detail(service, request):
    data = service_summary(service, request)
    facts = service_facts(service)
    data.update({key: value for key, value in facts.items() if key not in data})
    del data["service_type"]  # "type" above
    flow = Flow.from_raw(service.eligibility.raw_data)
    data["eligibility"] = flow.to_json() if flow else None  # "Do I qualify?"
    data["created_at"] = service.created_at.isoformat()
    data["definition_changed_at"] = service.definition_changed_at.isoformat()
    return data


def local_summary(page, request):
    return {
        "id": page.pk,
        "identifier": page.service.identifier,
        "title": page.title,
        "url": page.get_full_url(request),
        "facts": page.merged_facts,
        "eligibility": page.eligibility_json,  # with the municipality's changes
    }


class CatalogueAPIView(PublicAPIView):
    """Registered on the API router like the other endpoints (cms/api/urls.py)."""

    model = RegionalService
    view = "services"

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("services/", cls.as_view(view="services"), name="services"),
            path(
                "services/<slug:identifier>/",
                cls.as_view(view="service"),
                name="service",
            ),
            path("local/", cls.as_view(view="local"), name="local"),
            path(
                "local/<slug:identifier>/", cls.as_view(view="local_service"), name="local_service"
            ),
            path("export.jsonld", cls.as_view(view="export"), name="export"),
            path("concepts.jsonld", cls.as_view(view="concepts"), name="concepts"),
        ]

    def get(self, request, identifier=None):
        try:
            wanted = read_filters(request.GET)
            return getattr(self, self.view)(request, wanted, identifier)
        except BadRequest as error:
            return Response({"message": str(error)}, status=400)

    def not_found(self, message):
        return Response({"message": message}, status=404)

    # Regional services ------------------------------------------------------------------
    def services(self, request, wanted, identifier):
        services = regional_services()
        if request.GET.get("archived") != "1":
            services = services.filter(archived=False)
        items = [service_summary(s, request) for s in services if matches(s, wanted)]
        return Response({"meta": {"total_count": len(items)}, "items": items})

    def service(self, request, wanted, identifier):
        service = RegionalService.objects.filter(
            locale=Locale.get_default(), identifier=identifier
        ).first()
        if service is None:
            return self.not_found(_("No regional service %(id)r.") % {"id": identifier})
        return Response(service_detail(service, request))

    # The site's local services ---------------------------------------------------------
    def municipality(self, request):
        municipality = Municipality.for_request(request)
        if municipality is None:
            raise BadRequest(
                _("Local services belong to a municipality's site; ask its host name.")
            )
        return municipality

    def local(self, request, wanted, identifier):
        pages = [
            page
            for page in local_pages(self.municipality(request))
            if matches(page.service, wanted)
        ]
        prefetch_locations(pages)
        items = [local_summary(page, request) for page in pages]
        return Response({"meta": {"total_count": len(items)}, "items": items})

    def local_service(self, request, wanted, identifier):
        pages = list(local_pages(self.municipality(request)).filter(service__identifier=identifier))
        if not pages:
            return self.not_found(_("No local service %(id)r on this site.") % {"id": identifier})
        prefetch_locations(pages)
        return Response(local_summary(pages[0], request))

    # CPSV-AP -----------------------------------------------------------------------------
    def export(self, request, wanted, identifier):
        municipality = Municipality.for_request(request)
        graph = municipality_graph(municipality) if municipality else region_graph()
        return HttpResponse(to_jsonld(graph), content_type=JSONLD)

    def concepts(self, request, wanted, identifier):
        return HttpResponse(to_jsonld(region_graph()), content_type=JSONLD)
