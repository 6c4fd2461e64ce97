"""/api/v2/alerts/: the alerts in force on the requesting host, for apps and kiosks.

On a municipality's host: the regional alerts and that municipality's own (site-wide and
those of one page, with the page's address); on the regional host: the regional alerts and
the urgent ones of every municipality. Most severe first, then the newest. ``?severity=``
(repeatable, or comma-separated) keeps only those severities; any other parameter is a 400
that names it, and ``?site=`` is refused as on the other endpoints (the host decides).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.response import Response

from cms.core.api import PublicAPIView
from cms.municipalities.models import Municipality

from .models import Alert, Severity, sorted_alerts

__all__ = ["AlertsAPIView"]

KNOWN_PARAMETERS = {"severity"}


class BadRequest(Exception):
    pass


def read_severities(params):
    if "site" in params:
        raise BadRequest(_("The site is the host name you ask; 'site' is not accepted."))
    unknown = sorted(set(params) - KNOWN_PARAMETERS)
    if unknown:
        raise BadRequest(
            _("Unknown parameter %(names)s; known: %(known)s.")
            % {
                "names": ", ".join(repr(n[:40]) for n in unknown[:5]),
                "known": ", ".join(sorted(KNOWN_PARAMETERS)),
            }
        )
    values = [v.strip() for value in params.getlist("severity") for v in value.split(",")]
    values = [v for v in values if v]
    wrong = [v for v in values if v not in Severity.values]
    if wrong:
        raise BadRequest(
            _("Unknown severity %(values)s; known: %(known)s.")
            % {
                "values": ", ".join(repr(v[:40]) for v in wrong[:5]),
                "known": ", ".join(Severity.values),
            }
        )
    return set(values)


def alert_data(alert, request):
    link = alert.link(request)
    return {
        "id": alert.pk,
        "title": alert.title,
        "text": alert.text,
        "link": request.build_absolute_uri(link) if link else None,
        "link_text": alert.link_text or None,
        "severity": alert.severity,
        "severity_label": str(alert.get_severity_display()),
        "scope": {
            "kind": alert.scope_kind.value,
            "municipality": alert.municipality.slug if alert.municipality_id else None,
            "page_url": alert.page.get_full_url(request) if alert.page_id else None,
        },
        "starts_at": alert.starts_at.isoformat(),
        "ends_at": alert.ends_at.isoformat() if alert.ends_at else None,
    }


class AlertsAPIView(PublicAPIView):
    """Registered on the API router like the other endpoints (cms/api/urls.py)."""

    model = Alert

    def get(self, request):
        try:
            severities = read_severities(request.GET)
        except BadRequest as error:
            return Response({"message": str(error)}, status=400)
        municipality = Municipality.for_request(request)
        alerts = Alert.objects.in_force(timezone.now())
        if municipality is None:
            alerts = alerts.urgent_everywhere()
        else:
            alerts = alerts.for_site(municipality)
        if severities:
            alerts = alerts.filter(severity__in=severities)
        alerts = sorted_alerts(alerts.select_related("municipality", "page", "link_page"))
        items = [alert_data(alert, request) for alert in alerts]
        return Response({"meta": {"total_count": len(items)}, "items": items})
