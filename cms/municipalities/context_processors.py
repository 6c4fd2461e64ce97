from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .models import Municipality


def municipality_for_request(request):
    """The municipality whose site serves this request, or None (regional site, admin)."""
    if not hasattr(request, "_municipality"):
        site = Site.find_for_request(request)
        request._municipality = (
            Municipality.objects.filter(site=site).select_related("site").first() if site else None
        )
    return request._municipality


def municipality(request):
    return {"municipality": SimpleLazyObject(lambda: municipality_for_request(request))}
