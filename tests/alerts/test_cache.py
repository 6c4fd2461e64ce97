"""The page cache follows alerts: a cached page never shows an alert after its end, nor
hides one after its start; publishing, unpublishing and deleting one takes effect at once."""

import datetime as dt
import time

import pytest
from django.test import RequestFactory
from django.utils import timezone

from cms.alerts.templatetags.alerts import next_change
from cms.core.page_cache import cache_timeout, current_generation, expire_page_at

from .helpers import HOUR, host, make_alert

pytestmark = pytest.mark.django_db

SECOND = dt.timedelta(seconds=1)


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 60


def get(client, path="/"):
    return client.get(path, HTTP_HOST=host("kortrijk"))


def test_timeout_is_capped_by_the_earliest_change():
    request = RequestFactory().get("/")
    now = timezone.now()
    assert cache_timeout(request, now) == 60
    expire_page_at(request, now + 30 * SECOND)
    expire_page_at(request, now + 45 * SECOND)  # a later moment does not lengthen it
    assert cache_timeout(request, now) == 30
    expire_page_at(request, now + dt.timedelta(milliseconds=500))
    assert cache_timeout(request, now) == 0  # less than a second away: not cached
    expire_page_at(None, now)  # no request (a template rendered on its own): ignored


def test_far_changes_keep_the_usual_timeout():
    request = RequestFactory().get("/")
    now = timezone.now()
    expire_page_at(request, now + 2 * HOUR)
    assert cache_timeout(request, now) == 60


def test_next_change_is_the_next_start_or_end():
    now = timezone.now()
    running = make_alert("kortrijk", ends_at=now + 10 * SECOND)
    coming = make_alert("kortrijk", starts_at=now + 5 * SECOND, ends_at=None)
    assert next_change([running, coming], now) == now + 5 * SECOND
    assert next_change([running], now) == now + 10 * SECOND
    assert next_change([make_alert("kortrijk", ends_at=None)], now) is None


def test_cached_page_stops_showing_an_alert_when_it_ends(client, cached):
    make_alert("kortrijk", "Kort bericht", ends_at=timezone.now() + 2 * SECOND)
    first = get(client)
    assert first["X-Page-Cache"] == "miss" and "Kort bericht" in first.content.decode()
    assert get(client)["X-Page-Cache"] == "hit"
    time.sleep(2.1)
    after = get(client)
    assert "Kort bericht" not in after.content.decode()
    assert after.get("X-Page-Cache") == "miss"


def test_cached_page_starts_showing_an_alert_when_it_starts(client, cached):
    make_alert("kortrijk", "Straks bericht", starts_at=timezone.now() + 2 * SECOND)
    assert "Straks bericht" not in get(client).content.decode()
    assert get(client)["X-Page-Cache"] == "hit"
    time.sleep(2.1)
    assert "Straks bericht" in get(client).content.decode()


def test_publish_unpublish_and_delete_change_the_generation(client, cached):
    alert = make_alert("kortrijk", "Gepubliceerd bericht", live=False)
    assert "Gepubliceerd bericht" not in get(client).content.decode()
    before = current_generation()
    alert.save_revision().publish()
    assert current_generation() > before
    assert "Gepubliceerd bericht" in get(client).content.decode()
    alert.refresh_from_db()
    before = current_generation()
    alert.unpublish()
    assert current_generation() > before
    assert "Gepubliceerd bericht" not in get(client).content.decode()
    alert.save_revision().publish()
    assert "Gepubliceerd bericht" in get(client).content.decode()
    before = current_generation()
    alert.delete()
    assert current_generation() > before
    assert "Gepubliceerd bericht" not in get(client).content.decode()
