"""Alerts on the public pages: one labelled region at the top of the main content, the
alerts in scope only, most severe first, severity in words, no JavaScript."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .helpers import HOUR, host, make_alert, page_of, translations_of

pytestmark = pytest.mark.django_db


def body(client, slug, path="/"):
    response = client.get(path, HTTP_HOST=host(slug))
    assert response.status_code == 200
    return response.content.decode()


def region_of(html):
    match = re.search(r'<section class="alerts".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_no_region_without_alerts(client):
    assert 'class="alerts"' not in body(client, "kortrijk")


def test_alert_is_a_labelled_region_at_the_top_of_main(client):
    make_alert("kortrijk", "Stadhuis gesloten", severity="warning", link_url="https://example.org/")
    html = body(client, "kortrijk", "/over/")
    main = html[html.index('<main id="main"') :]
    assert main.index('<section class="alerts" aria-label="Belangrijke berichten">') < main.index(
        "<h1"
    )
    region = region_of(html)
    assert "Waarschuwing:" in region  # the severity in words, not colour only
    assert "Stadhuis gesloten" in region
    assert '<a href="https://example.org/">Meer informatie' in region
    assert "<script" not in region


def test_shown_in_scope_only(client):
    make_alert(None, "Regionaal bericht")
    make_alert("kortrijk", "Bericht van Kortrijk")
    make_alert("menen", "Bericht van Menen")
    kortrijk = region_of(body(client, "kortrijk"))
    assert "Regionaal bericht" in kortrijk and "Bericht van Kortrijk" in kortrijk
    assert "Bericht van Menen" not in kortrijk
    menen = region_of(body(client, "menen", "/contact/"))
    assert "Regionaal bericht" in menen and "Bericht van Menen" in menen
    assert "Bericht van Kortrijk" not in menen


def test_only_between_start_and_end_and_only_when_published(client):
    now = timezone.now()
    make_alert(
        "kortrijk", "Voorbij", starts_at=now - 2 * HOUR, ends_at=now - dt.timedelta(seconds=1)
    )
    make_alert("kortrijk", "Nog niet", starts_at=now + dt.timedelta(minutes=5))
    make_alert("kortrijk", "Niet gepubliceerd", live=False)
    make_alert("kortrijk", "Zonder einde", ends_at=None)
    region = region_of(body(client, "kortrijk"))
    assert "Zonder einde" in region
    for hidden in ("Voorbij", "Nog niet", "Niet gepubliceerd"):
        assert hidden not in region


def test_page_scoped_alert_only_on_that_page_and_its_translations(client):
    contact = page_of("kortrijk")
    make_alert("kortrijk", "Containerpark dicht op 24 december", page=contact)
    assert "Containerpark dicht" in region_of(body(client, "kortrijk", "/contact/"))
    assert "Containerpark dicht" not in region_of(body(client, "kortrijk", "/over/"))
    assert "Containerpark dicht" not in region_of(body(client, "kortrijk", "/"))
    french = translations_of(contact)
    assert french, "kortrijk has translated trees"
    assert "Containerpark dicht" in region_of(body(client, "kortrijk", french[0].url))


def test_most_severe_first_then_newest(client):
    now = timezone.now()
    make_alert("kortrijk", "Oude info", severity="info", starts_at=now - 3 * HOUR)
    make_alert("kortrijk", "Nieuwe info", severity="info", starts_at=now - HOUR)
    make_alert(None, "Dringend regionaal", severity="urgent", starts_at=now - 5 * HOUR)
    make_alert("kortrijk", "Waarschuwing", severity="warning")
    region = region_of(body(client, "kortrijk"))
    positions = [
        region.index(t) for t in ("Dringend regionaal", "Waarschuwing", "Nieuwe info", "Oude info")
    ]
    assert positions == sorted(positions)
    assert "Dringend:" in region


def test_link_to_a_page_and_own_link_text(client):
    make_alert("kortrijk", "Nieuwe openingsuren", link_page=page_of("kortrijk"), link_text="Bekijk")
    region = region_of(body(client, "kortrijk"))
    assert re.search(
        r'<a href="(http://kortrijk\.localhost:8000)?/contact/"><span lang="nl">Bekijk', region
    )


def test_regional_landing_page_shows_regional_and_every_urgent_one(client):
    make_alert(None, "Regionale info", severity="info")
    make_alert("menen", "Dringend in Menen", severity="urgent")
    make_alert("menen", "Info in Menen", severity="info")
    region = region_of(body(client, "region"))
    assert "Regionale info" in region
    assert "Menen – " in region and "Dringend in Menen" in region
    assert "Info in Menen" not in region


def test_search_page_shows_alerts(client):
    make_alert("kortrijk", "Bericht bij het zoeken")
    assert "Bericht bij het zoeken" in region_of(body(client, "kortrijk", "/zoeken/?q=paspoort"))


def test_text_is_escaped(client):
    make_alert("kortrijk", "<script>alert(1)</script>", text="<b>vet</b>")
    region = region_of(body(client, "kortrijk"))
    assert "<script>alert(1)" not in region and "&lt;b&gt;vet" in region


@pytest.mark.parametrize("page_cache_seconds", [0, 60])
def test_alerts_cost_at_most_one_query_and_none_once_warm(client, settings, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    for n in range(5):
        make_alert("kortrijk", f"Bericht {n}", link_page=page_of("kortrijk"))
        make_alert(None, f"Regionaal {n}", link_url="https://example.org/")
        make_alert("kortrijk", f"Pagina {n}", page=page_of("kortrijk", "over"))

    def alert_queries(path):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST=host("kortrijk"))
            assert "Regionaal 4" in response.content.decode()
        return [q["sql"] for q in queries.captured_queries if "alerts_alert" in q["sql"]]

    assert len(alert_queries("/over/")) <= 1
    assert alert_queries("/contact/") == []  # another page, rendered: the same snapshot


def test_a_new_alert_shows_at_once_with_the_page_cache_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "Nieuw bericht" not in body(client, "kortrijk")
    make_alert("kortrijk", "Nieuw bericht")
    assert "Nieuw bericht" in region_of(body(client, "kortrijk"))
