"""``{% page_alerts page %}``: the alerts in force on a page, as one labelled region.

The alerts come from the snapshot (cms/alerts/snapshot.py): no query of their own on most
renders, at most one whatever the number of alerts. Those yet to start are in it too, so
that the page cache knows when the page will change (``expire_page_at``): at the next
start or end of an alert in scope, a cached copy of the page is no longer served.
"""

from django import template
from django.utils import timezone

from cms.core.page_cache import expire_page_at
from cms.municipalities.models import Municipality

from ..models import sorted_alerts
from ..snapshot import snapshot

register = template.Library()


def next_change(alerts, now):
    """The first moment after ``now`` at which one of ``alerts`` appears or disappears."""
    moments = [alert.starts_at for alert in alerts if alert.starts_at > now]
    moments += [alert.ends_at for alert in alerts if alert.ends_at and alert.ends_at > now]
    return min(moments, default=None)


def alerts_in_force(candidates, request=None, now=None):
    """The alerts of ``candidates`` (those in scope) shown at ``now``, most severe first,
    then the newest; tells the page cache when that changes."""
    now = now or timezone.now()
    candidates = [alert for alert in candidates if alert.ends_at is None or alert.ends_at > now]
    expire_page_at(request, next_change(candidates, now))
    return sorted_alerts(alert for alert in candidates if alert.shown_at(now))


@register.inclusion_tag("includes/alerts.html", takes_context=True)
def page_alerts(context, page=None, region=False):
    """The alerts on ``page``; ``region=True`` (the regional landing page): the regional
    alerts and the urgent ones of every municipality."""
    request = context.get("request")
    municipality = Municipality.for_request(request) if request is not None else None
    if region:
        candidates = [alert for alert in snapshot(request) if alert.urgent_or_regional()]
    else:
        candidates = [alert for alert in snapshot(request) if alert.in_scope(municipality, page)]
    alerts = alerts_in_force(candidates, request)
    return {
        "alerts": [
            {"alert": alert, "link": alert.link(request), "own": not region} for alert in alerts
        ],
        "region": region,
    }
