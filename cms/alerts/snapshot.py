"""Every published alert that has not ended, from the cache: pages show alerts without a
query of their own.

A page cost one more query per render for its alerts; the local service page is at the
budget of ten already. The snapshot holds every not yet ended alert of the region (a few
dozen at most), with its municipality and pages, and pages pick theirs in Python:

- on a request the page cache read the content generation for, the snapshot is kept
  under that generation; publishing, unpublishing, saving or deleting an alert bumps it
  (``bump_on_change_of(Alert)``), so every server sees the change at once;
- on other requests (the page cache off, logged-in users) under one key that the same
  changes delete, for at most ``SNAPSHOT_SECONDS``.

Start and end are applied when the page renders, so an alert appears and disappears on
time whatever the age of the snapshot.
"""

from django.core.cache import cache
from django.utils import timezone

from .models import Alert

__all__ = ["LATEST_KEY", "SNAPSHOT_SECONDS", "forget_latest", "snapshot"]

SNAPSHOT_SECONDS = 60
LATEST_KEY = "alerts:snapshot"


def _key(request):
    generation = getattr(request, "content_generation", None)
    return LATEST_KEY if generation is None else f"{LATEST_KEY}:{generation}"


def snapshot(request=None):
    """The published alerts that have not ended (yet to start included)."""
    key = _key(request)
    alerts = cache.get(key)
    if alerts is None:
        alerts = list(
            Alert.objects.not_ended(timezone.now()).select_related(
                "municipality", "page", "link_page"
            )
        )
        cache.set(key, alerts, SNAPSHOT_SECONDS)
    return alerts


def forget_latest(**kwargs):
    cache.delete(LATEST_KEY)
