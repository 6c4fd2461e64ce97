"""``{% journey_navigation page %}``: "Part of: <journey>" on every page a journey names.

Which step each service and page is in is worked out for the whole region at once (one
query over the live journey pages) and cached per content generation, so that the tag
costs no query on a warm request; without a generation (the page cache off, a logged-in
editor) under one key, for a minute, forgotten whenever a page is published, unpublished,
moved or deleted and whenever a regional journey changes (apps.py).
"""

from dataclasses import dataclass

from django import template
from django.core.cache import cache
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from wagtail.models import PageViewRestriction

from ..models import JourneyPage
from ..resolve import HOME_PATH, item_pk, step_items, step_values

__all__ = ["LATEST_KEY", "forget_latest", "journey_navigation", "memberships"]

register = template.Library()

LATEST_KEY = "journeys:memberships"
LATEST_SECONDS = 60


@dataclass(frozen=True)
class Membership:
    journey_id: int
    title: str
    url: str
    number: int
    total: int
    step_title: str
    next_number: int | None = None
    next_title: str = ""


def _memberships_of(page, url):
    steps = step_values(page.raw_steps)
    for number, step in enumerate(steps, 1):
        following = steps[number] if number < len(steps) else {}
        membership = Membership(
            page.pk,
            page.title,
            url,
            number,
            len(steps),
            str(step.get("title") or ""),
            number + 1 if following else None,
            str(following.get("title") or ""),
        )
        for kind, value in step_items(step):
            pk = item_pk(kind, value)
            if pk is not None:
                yield kind, pk, membership


# A view restriction on the page or one of its ancestors, as a subquery: Wagtail's public()
# costs a query of its own, and this one runs whenever the cache was emptied by a publish.
_RESTRICTED = PageViewRestriction.objects.alias(
    outer=ExpressionWrapper(OuterRef("path"), output_field=CharField())
).filter(outer__startswith=F("page__path"))


def _build():
    """{(home path, "service" or "page", pk): [Membership]}, a journey's first step only."""
    found = {}
    for page in JourneyPage.objects.live().filter(~Exists(_RESTRICTED)).select_related("journey"):
        parts = page.get_url_parts()
        url = parts[2] if parts else page.url_path
        for kind, pk, membership in _memberships_of(page, url):
            entries = found.setdefault((page.path[:HOME_PATH], kind, pk), [])
            if all(entry.journey_id != page.pk for entry in entries):
                entries.append(membership)
    return found


def memberships(request=None):
    """The region's journey memberships, from the cache when it has them."""
    generation = getattr(request, "content_generation", None)
    key = LATEST_KEY if generation is None else f"{LATEST_KEY}:{generation}"
    found = cache.get(key)
    if found is None:
        found = _build()
        cache.set(key, found, LATEST_SECONDS)
    return found


def memberships_of(page, request=None):
    """The journeys ``page`` is part of on its own site (a service page by its service)."""
    found = memberships(request)
    home = page.path[:HOME_PATH]
    entries = list(found.get((home, "page", page.pk), ()))
    service_id = getattr(page, "service_id", None)
    if service_id is not None:
        ids = {entry.journey_id for entry in entries}
        entries += [
            e for e in found.get((home, "service", service_id), ()) if e.journey_id not in ids
        ]
    return entries


def forget_latest(**kwargs):
    cache.delete(LATEST_KEY)


@register.inclusion_tag("journeys/journey_navigation.html", takes_context=True)
def journey_navigation(context, page):
    if page is None or not getattr(page, "path", None):
        return {"memberships": []}
    return {"memberships": memberships_of(page, context.get("request"))}
