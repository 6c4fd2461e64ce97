from django import template

from cms.core.jsonld import script
from cms.municipalities.models import Municipality

from ..markup import government_service

register = template.Library()


@register.simple_tag(takes_context=True)
def service_jsonld(context, page):
    request = context["request"]
    return script(government_service(page, Municipality.for_request(request), request))
