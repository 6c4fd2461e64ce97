from django import template

from cms.core.jsonld import script
from cms.municipalities.models import Municipality

from ..markup import event_jsonld

register = template.Library()


@register.simple_tag(takes_context=True)
def event_jsonld_script(context, page):
    """The page's schema.org Event as a JSON-LD script element."""
    request = context.get("request")
    municipality = Municipality.for_request(request) if request is not None else None
    return script(event_jsonld(page, municipality, request))
