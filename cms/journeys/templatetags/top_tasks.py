"""``{% top_tasks page as tasks %}`` and ``{% home_alerts page as alerts %}`` on a home
page; ``{% region_tasks as services %}`` on the regional landing page (cms.pages cannot
import the catalogue: these tags can)."""

from django import template
from django.core.cache import cache

from cms.alerts.models import Severity
from cms.alerts.templatetags.alerts import page_alerts
from cms.catalogue.models import RegionalService
from cms.core.locales import language_code
from cms.core.text import fold

from ..tasks import MAXIMUM
from ..tasks import top_tasks as home_tasks

register = template.Library()


@register.simple_tag(takes_context=True)
def top_tasks(context, home):
    request = context.get("request")
    if request is None or not hasattr(home, "top_tasks"):  # not a home page
        return []
    return home_tasks(home, request)


@register.simple_tag(takes_context=True)
def home_alerts(context, page):
    """The home page's alerts (as ``{% page_alerts %}`` gives them) and whether one is
    urgent: the page then shows them before its top tasks, else after them."""
    alerts = page_alerts(context, page)
    alerts["urgent"] = any(item["alert"].severity == Severity.URGENT for item in alerts["alerts"])
    return alerts


def most_asked_services():
    """The region's popular services in Dutch (at most ten, by name): one query."""
    services = RegionalService.objects.filter(
        popular=True, archived=False, locale__language_code="nl"
    ).only("identifier", "name")
    return sorted(services, key=lambda service: fold(service.name))[:MAXIMUM]


@register.simple_tag(takes_context=True)
def region_tasks(context):
    """Cached per content generation (a change of a regional service bumps it), else for a
    minute."""
    generation = getattr(context.get("request"), "content_generation", None)
    key = f"region-tasks:{generation if generation is not None else 'latest'}"
    services = cache.get(key)
    if services is None:
        services = [(s.identifier, s.name) for s in most_asked_services()]
        cache.set(key, services, 60 if generation is None else 600)
    return services


@register.simple_tag
def page_language_code(page):
    return language_code(page.locale_id)
