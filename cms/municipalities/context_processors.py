from django.utils.functional import SimpleLazyObject

from .models import Municipality


def municipality(request):
    """``municipality`` in every template: the one whose site serves the request, or None."""
    return {"municipality": SimpleLazyObject(lambda: Municipality.for_request(request))}
