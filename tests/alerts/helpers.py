"""Building alerts for the tests: real timestamps around now, no frozen clock."""

import datetime as dt

from django.utils import timezone
from wagtail.models import Page

from cms.alerts.models import Alert
from cms.municipalities.models import Municipality

HOUR = dt.timedelta(hours=1)


def municipality(slug):
    return Municipality.objects.select_related("site__root_page").get(slug=slug)


def page_of(slug, child="contact"):
    return municipality(slug).site.root_page.get_children().get(slug=child)


def host(slug):
    return "localhost:8000" if slug == "region" else f"{slug}.localhost:8000"


def make_alert(slug=None, title="Stormwaarschuwing", *, page=None, severity="info", **fields):
    """A published alert in force now (unless told otherwise): regional with slug None."""
    now = timezone.now()
    fields.setdefault("starts_at", now - HOUR)
    fields.setdefault("ends_at", now + HOUR)
    fields.setdefault("text", f"{title}: meer uitleg.")
    return Alert.objects.create(
        municipality=municipality(slug) if slug else None,
        title=title,
        page=page,
        severity=severity,
        **fields,
    )


def translations_of(page):
    return list(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk))
